#!/usr/bin/env python3
"""Prints the Markdown table of BENCHMARKS.md from criterion's results.

Run after `cargo bench -p error-tests --bench render`:

    python3 scripts/bench-table.py [target/criterion]

Each cell is criterion's point estimate of the time per iteration (the slope of its linear
regression where it has one, else the mean); each ratio is baseline time / our time, so a
ratio above 1 means ours is faster.
"""

import json
import os
import sys

root = sys.argv[1] if len(sys.argv) > 1 else "target/criterion"
times = {}
for entry in os.listdir(root):
    new = os.path.join(root, entry, "new")
    try:
        with open(os.path.join(new, "benchmark.json")) as f:
            bench = json.load(f)
        with open(os.path.join(new, "estimates.json")) as f:
            estimates = json.load(f)
    except FileNotFoundError:
        continue
    best = estimates.get("slope") or estimates["mean"]
    times[bench["full_id"]] = best["point_estimate"]


def fmt(ns):
    if ns is None:
        return "–"
    if ns >= 1000:
        return f"{ns / 1000:.2f} µs"
    return f"{ns:.1f} ns"


def ratio(base, ours):
    if base is None or ours is None:
        return "–"
    return f"**{base / ours:.2f}x**"


formats = ["flat", "nested", "laravel", "compact", "problem"]
cases = ["static", "templated", "fields_3", "fields_100"]
print("| format | case | ours | hand-written serde | ratio | `json!` | ratio | http-api-problem | ratio |")
print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
for name in formats:
    for case in cases:
        get = lambda who: times.get(f"{name}/{case}/{who}")
        ours = get("ours")
        row = [name, case, fmt(ours)]
        for who in ["serde", "json", "http-api-problem"]:
            row += [fmt(get(who)), ratio(get(who), ours)]
        print("| " + " | ".join(row) + " |")

print()
print("| accessor | ours | hand-written match |")
print("|---|---:|---:|")
for what in ["status", "code"]:
    print(
        f"| `{what}()` | {fmt(times.get(f'accessors/{what}/ours'))} "
        f"| {fmt(times.get(f'accessors/{what}/hand'))} |"
    )

print()
print("| static variant | ours | floor (pre-rendered bytes + timestamp copy) | ours / floor | with a request id: ours | floor (+ id copy) | ours / floor |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name in formats + ["aip", "jsonapi", "microsoft"]:
    row = [name]
    for case in ["static", "static_id"]:
        ours = times.get(f"{name}/{case}/ours")
        floor = times.get(f"{name}/{case}/floor")
        share = f"**{ours / floor:.2f}x**" if ours and floor else "–"
        row += [fmt(ours), fmt(floor), share]
    print("| " + " | ".join(row) + " |")

print()
print("| clock (static Nested envelope) | time | / fixed |")
print("|---|---:|---:|")
fixed = times.get("clock/fixed")
for what, label in [("fixed", "fixed timestamp"), ("now", "`RenderContext::now()`, `TickingClock` started"), ("system", "system clock read per rendering")]:
    t = times.get(f"clock/{what}")
    share = f"**{t / fixed:.2f}x**" if t and fixed else "–"
    print(f"| {label} | {fmt(t)} | {share} |")

