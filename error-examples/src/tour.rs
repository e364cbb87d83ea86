//! The tour `cargo run -p error-examples` prints first: each example catalogue as a table,
//! then one rendered envelope per variant, with a fixed clock.

use std::io::{self, Write};

use error_core::{catalogue, RenderContext, Timestamp};

use crate::catalogues;

/// The instant every envelope of the tour is stamped with: 2026-02-08T12:00:00.000Z.
pub const TOUR_TIME: Timestamp = Timestamp::from_unix_millis(1_770_552_000_000);

/// Writes the tour to `out`.
pub fn print(out: &mut dyn Write) -> io::Result<()> {
    let ctx = RenderContext::at(TOUR_TIME);
    for example in catalogues::all() {
        writeln!(out, "== {} — {}", example.name, example.about)?;
        writeln!(out)?;
        let rows: Vec<[String; 4]> = catalogue::entries(example.catalogue)
            .map(|entry| {
                [
                    entry.status().to_string(),
                    entry.code().to_owned(),
                    entry.message().to_owned(),
                    entry.action().unwrap_or("—").to_owned(),
                ]
            })
            .collect();
        write_table(out, ["status", "code", "message", "action"], &rows)?;
        writeln!(out)?;
        for (variant, body) in (example.render_samples)(&ctx) {
            writeln!(out, "{variant}: {}", String::from_utf8_lossy(&body))?;
        }
        writeln!(out)?;
    }
    Ok(())
}

fn write_table(out: &mut dyn Write, header: [&str; 4], rows: &[[String; 4]]) -> io::Result<()> {
    let mut widths = header.map(|h| h.chars().count());
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let line = |cells: [&str; 4]| {
        let mut text = String::new();
        for (i, (cell, width)) in cells.iter().zip(widths).enumerate() {
            if i > 0 {
                text.push_str("  ");
            }
            text.push_str(cell);
            if i + 1 < cells.len() {
                text.extend(std::iter::repeat_n(' ', width - cell.chars().count()));
            }
        }
        text
    };
    writeln!(out, "{}", line(header))?;
    writeln!(
        out,
        "{}",
        line(widths.map(|w| "-".repeat(w)).each_ref().map(String::as_str))
    )?;
    for row in rows {
        writeln!(out, "{}", line(row.each_ref().map(String::as_str)))?;
    }
    Ok(())
}
