use std::fmt;
use std::str::FromStr;

use super::{
    Aip, Compact, ErrorView, Flat, Format, JsonApi, Laravel, Microsoft, Nested, Problem, Slot,
};

/// One of the eight built-in formats, chosen at run time (a service's `--format` flag).
///
/// ```
/// use error_core::format::{Builtin, Format};
///
/// let format: Builtin = "problem".parse().unwrap();
/// assert_eq!(format.content_type(), "application/problem+json");
/// assert_eq!(format.to_string(), "problem");
/// assert!("xml".parse::<Builtin>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Builtin {
    /// [`Flat`].
    Flat,
    /// [`Nested`].
    Nested,
    /// [`Laravel`] (with the variant's message).
    Laravel,
    /// [`Compact`].
    Compact,
    /// [`Problem`](struct@Problem).
    Problem,
    /// [`Aip`](struct@Aip) (AIP-193).
    Aip,
    /// [`JsonApi`] (with every member, pointers under `/data/attributes`).
    JsonApi,
    /// [`Microsoft`](struct@Microsoft).
    Microsoft,
}

impl Builtin {
    /// All eight, in the order of the README's table.
    pub const ALL: [Builtin; 8] = [
        Builtin::Flat,
        Builtin::Nested,
        Builtin::Laravel,
        Builtin::Compact,
        Builtin::Problem,
        Builtin::Aip,
        Builtin::JsonApi,
        Builtin::Microsoft,
    ];

    /// The lowercase name: `flat`, `nested`, `laravel`, `compact`, `problem`, `aip`,
    /// `jsonapi`, `microsoft`.
    pub const fn name(self) -> &'static str {
        match self {
            Builtin::Flat => "flat",
            Builtin::Nested => "nested",
            Builtin::Laravel => "laravel",
            Builtin::Compact => "compact",
            Builtin::Problem => "problem",
            Builtin::Aip => "aip",
            Builtin::JsonApi => "jsonapi",
            Builtin::Microsoft => "microsoft",
        }
    }
}

impl Format for Builtin {
    fn content_type(&self) -> &'static str {
        match self {
            Builtin::Problem => Problem.content_type(),
            Builtin::JsonApi => JsonApi::new().content_type(),
            _ => "application/json",
        }
    }

    fn render(&self, error: &ErrorView<'_>, out: &mut Vec<u8>) {
        match self {
            Builtin::Flat => Flat.render(error, out),
            Builtin::Nested => Nested.render(error, out),
            Builtin::Laravel => Laravel::default().render(error, out),
            Builtin::Compact => Compact.render(error, out),
            Builtin::Problem => Problem.render(error, out),
            Builtin::Aip => Aip::new().render(error, out),
            Builtin::JsonApi => JsonApi::new().render(error, out),
            Builtin::Microsoft => Microsoft.render(error, out),
        }
    }

    #[inline]
    fn __static_slot(&self) -> Option<Slot> {
        Some(match self {
            Builtin::Flat => Slot::FLAT,
            Builtin::Nested => Slot::NESTED,
            Builtin::Laravel => Slot::LARAVEL,
            Builtin::Compact => Slot::COMPACT,
            Builtin::Problem => Slot::PROBLEM,
            Builtin::Aip => Slot::AIP,
            Builtin::JsonApi => Slot::JSON_API,
            Builtin::Microsoft => Slot::MICROSOFT,
        })
    }

    fn insert_headers(&self, error: &ErrorView<'_>, headers: &mut http::HeaderMap) {
        if let Builtin::Microsoft = self {
            Microsoft.insert_headers(error, headers)
        }
    }
}

impl fmt::Display for Builtin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The error of parsing a [`Builtin`] from an unknown name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownFormat(pub String);

impl fmt::Display for UnknownFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "unknown format `{}`; expected one of flat, nested, laravel, compact, problem, aip, jsonapi, microsoft",
            self.0
        )
    }
}

impl std::error::Error for UnknownFormat {}

impl FromStr for Builtin {
    type Err = UnknownFormat;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Builtin::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| UnknownFormat(s.to_owned()))
    }
}
