#!/usr/bin/env bash
# Compile time of `assert_unique_codes!` over ENUMS enums of VARIANTS variants each.
#
#   scripts/unique-codes.sh [ENUMS] [VARIANTS]      (default 10 × 500 = 5,000 codes)
#
# Generates, in a temporary directory (never in the repository), a crate with the enums and
# times `cargo build` of it (dependencies built once first, dev profile, the crate's lib.rs
# touched before each build) twice: without the assertion, then with it. The difference is
# the check's cost. A third build adds one duplicate code and must fail with the check's
# message (not with the const evaluator's "taking a long time" lint).
set -euo pipefail

ENUMS="${1:-10}"
VARIANTS="${2:-500}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
WORK="$(mktemp -d -t api-error-unique.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
export CARGO_TARGET_DIR="$WORK/target"
export CARGO_INCREMENTAL=0

mkdir -p "$WORK/src"
cat >"$WORK/Cargo.toml" <<TOML
[package]
name = "unique-codes"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
error-core = { path = "$ROOT/error-core" }

[workspace]
TOML

generate() { # $1: "assert", "none" or "duplicate"
    {
        echo 'use error_core::ApiError;'
        for ((e = 0; e < ENUMS; e++)); do
            echo '#[derive(ApiError)]'
            echo "pub enum E$e {"
            for ((v = 0; v < VARIANTS; v++)); do
                code="area$e/code-$v"
                if [[ $1 == duplicate && $e == $((ENUMS - 1)) && $v == $((VARIANTS - 1)) ]]; then
                    code="area0/code-7"
                fi
                echo "    #[api(status = 404, code = \"$code\", message = \"Static error $v.\")]"
                echo "    V$v,"
            done
            echo '}'
        done
        if [[ $1 != none ]]; then
            printf 'error_core::assert_unique_codes!('
            for ((e = 0; e < ENUMS; e++)); do printf 'E%d, ' "$e"; done
            echo ');'
        fi
    } >"$WORK/src/lib.rs"
}

median_build() { # three timed builds, the median in seconds
    local times=()
    for _ in 1 2 3; do
        touch "$WORK/src/lib.rs"
        local start end
        start=$(date +%s.%N)
        cargo build -q --manifest-path "$WORK/Cargo.toml"
        end=$(date +%s.%N)
        times+=("$(printf "%.2f" "$(echo "$end - $start" | bc)")")
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 2p
}

generate none
cargo build -q --manifest-path "$WORK/Cargo.toml" # dependencies, once
without=$(median_build)
generate assert
with=$(median_build)
echo "$((ENUMS * VARIANTS)) codes in $ENUMS enums: build without the check ${without} s, with it ${with} s (medians of 3)"

generate duplicate
touch "$WORK/src/lib.rs"
if out=$(cargo build -q --manifest-path "$WORK/Cargo.toml" 2>&1); then
    echo "FAIL: a duplicate code compiled" >&2
    exit 1
fi
if ! grep -q 'is declared twice' <<<"$out"; then
    echo "FAIL: the duplicate was not reported by the check:" >&2
    echo "$out" | head -20 >&2
    exit 1
fi
echo "a duplicate among them: $(grep -o 'error code `[^`]*` is declared twice[^;]*' <<<"$out")"
