#!/usr/bin/env bash
# schemathesis (a schema-driven API fuzzer, from PyPI) against the example Leads API, in every
# envelope format, with all its checks. Not part of .ci/run: it needs PyPI on first use and
# takes minutes. See the README, "The example service".
#
#   scripts/schemathesis.sh                       # every format, 50 examples per operation
#   MAX_EXAMPLES=200 FORMATS="flat problem" scripts/schemathesis.sh
#
# Exit status: 0 when schemathesis found nothing in every format.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=${VENV:-target/schemathesis-venv}
MAX_EXAMPLES=${MAX_EXAMPLES:-50}
FORMATS=${FORMATS:-"flat nested laravel compact problem aip jsonapi microsoft"}
SCHEMATHESIS_VERSION=${SCHEMATHESIS_VERSION:-4.32.5}

if [ ! -x "$VENV/bin/schemathesis" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet "schemathesis==$SCHEMATHESIS_VERSION"
fi
cargo build --quiet -p error-examples
bin=target/debug/error-examples

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

server=
stop() { if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=; fi; }
trap stop EXIT

failed=0
for format in $FORMATS; do
    port=$(free_port)
    # A high rate: the fuzzer is not meant to meet the per-key limit (429 is documented
    # anyway). Each format gets a fresh store, credits and key-guess throttle.
    "$bin" --no-tour --format "$format" --rate 100000 --addr "127.0.0.1:$port" >"target/schemathesis-$format.log" 2>&1 &
    server=$!
    echo "== $format on 127.0.0.1:$port"
    if ! "$VENV/bin/schemathesis" --config-file scripts/schemathesis.toml run "http://127.0.0.1:$port/openapi.json" \
        --wait-for-schema 60 \
        --checks all \
        --max-examples "$MAX_EXAMPLES" \
        --header 'X-API-Key: demo-key' \
        --seed 1 \
        --report junit --report-dir "target/schemathesis-report/$format"; then
        failed=1
    fi
    stop
done
exit $failed
