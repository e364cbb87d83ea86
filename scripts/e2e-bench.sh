#!/usr/bin/env bash
# Error responses against success responses of the same body size, end to end on loopback
# (issue 15, item 4). Builds error-examples' `e2e_server` example in release, starts it,
# and drives `/error` and `/ok` with wrk in alternating rounds (bounded duration and
# connections), then prints requests/s per round, the medians and their ratio.
#
#   scripts/e2e-bench.sh                      # 9 rounds of 3 s each way, 16 connections
#   ROUNDS=5 SECONDS_PER_ROUND=5 CONNECTIONS=8 PORT=8099 scripts/e2e-bench.sh
#   MODE=callgrind scripts/e2e-bench.sh       # instructions per request instead (valgrind)
#
# Needs wrk (`apt-get install -y wrk`). The server runs on one thread; wrk runs one thread.
# On a shared machine the rates drift with the other load: each round runs both routes back
# to back, and the result is the median of the rounds' ratios. MODE=callgrind counts the
# server's instructions per request of each route (user space only: the kernel's share of
# a request, the same for both, is not counted), which other load does not change.
set -euo pipefail

MODE=${MODE:-wrk}
ROUNDS=${ROUNDS:-9}
SECONDS_PER_ROUND=${SECONDS_PER_ROUND:-3}
CONNECTIONS=${CONNECTIONS:-16}
PORT=${PORT:-8099}
ADDR="127.0.0.1:${PORT}"

cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk not found: apt-get install -y wrk" >&2; exit 1; }

CARGO_INCREMENTAL=0 cargo build --release -q -p error-examples --example e2e_server
if [ "$MODE" = callgrind ]; then
  # 200 requests of each route to warm up, then 2,000 of each, counted separately.
  OUT="$(mktemp -d -t e2e-callgrind.XXXXXX)"
  (cd "$OUT" && exec valgrind --tool=callgrind --callgrind-out-file="$OUT/cg.out" \
    "$OLDPWD/target/release/examples/e2e_server" "$ADDR" 2>/dev/null) &
  SERVER=$!
  trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$OUT"' EXIT
  for _ in $(seq 100); do
    curl -fs "http://${ADDR}/ok" >/dev/null 2>&1 && break
    sleep 0.3
  done
  PID=$(pgrep -f "callgrind-out-file=$OUT/cg.out" | head -1)
  hit() { # one connection (curl reuses it), $2 requests of /$1
    local urls=()
    for _ in $(seq "$2"); do urls+=("http://${ADDR}/$1" -o /dev/null); done
    curl -s "${urls[@]}"
  }
  hit ok 200; hit error 200
  callgrind_control -z "$PID" >/dev/null 2>&1
  hit ok 2000; callgrind_control -d ok "$PID" >/dev/null 2>&1
  hit error 2000; callgrind_control -d error "$PID" >/dev/null 2>&1
  ok=$(awk '/^summary:/ { print $2 / 2000 }' "$OUT/cg.out.1")
  err=$(awk '/^summary:/ { print $2 / 2000 }' "$OUT/cg.out.2")
  echo "| route | instructions per request (callgrind) |"
  echo "|---|---:|"
  echo "| /ok | $ok |"
  echo "| /error | $err |"
  echo "| error / ok | **$(awk -v e="$err" -v o="$ok" 'BEGIN { printf "%.3f", e / o }')** (the inverse of a rate ratio) |"
  if [ -n "${KEEP:-}" ]; then cp "$OUT"/cg.out.* "$KEEP"/; fi
  exit 0
fi

target/release/examples/e2e_server "$ADDR" 2>/dev/null &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 50); do
  curl -fs "http://${ADDR}/ok" >/dev/null 2>&1 && break
  sleep 0.1
done

# The two responses, once, so the log shows what is compared.
echo "--- GET /error"
curl -si "http://${ADDR}/error"; echo
echo "--- GET /ok"
curl -si "http://${ADDR}/ok"; echo

rate() {
  wrk -t1 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" "http://${ADDR}/$1" \
    | awk '/^Requests\/sec:/ { print $2 }'
}

# Warm-up (the static body is laid out on the first error).
wrk -t1 -c"$CONNECTIONS" -d1s "http://${ADDR}/error" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d1s "http://${ADDR}/ok" >/dev/null

errors=()
oks=()
ratios=()
echo
echo "| round | /error req/s | /ok req/s | error / ok |"
echo "|---|---:|---:|---:|"
for round in $(seq "$ROUNDS"); do
  # Alternate which goes first, so that a drift in the machine's load hits both alike.
  if (( round % 2 )); then
    e=$(rate error); o=$(rate ok)
  else
    o=$(rate ok); e=$(rate error)
  fi
  r=$(awk -v e="$e" -v o="$o" 'BEGIN { printf "%.3f", e / o }')
  errors+=("$e"); oks+=("$o"); ratios+=("$r")
  echo "| $round | $e | $o | $r |"
done

median() { printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
echo "| median | $(median "${errors[@]}") | $(median "${oks[@]}") | **$(median "${ratios[@]}")** |"
echo
echo "wrk -t1 -c${CONNECTIONS} -d${SECONDS_PER_ROUND}s, ${ROUNDS} rounds each way; the ratio is the median of the rounds' ratios; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
