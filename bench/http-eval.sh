#!/usr/bin/env bash
# Benchmark: POST /api/v1/rules/safety.plan_due/evaluate under wrk, 64 connections for 30 s, on
# this machine's 2 cores (server and load generator together).
#
# In the same run it drives the peer named in shared/BENCH.md: a bare axum handler (serde in, a
# little date arithmetic, JSON out; crates/web/examples/bare_axum.rs) with the same load, and
# prints both figures and the ratio. Qorgau's figure includes its whole stack: bearer-token
# authentication against the database, the authorisation function, request ids, tracing spans
# and Prometheus metrics.
#
# Usage: bench/http-eval.sh            (DURATION=30s CONNECTIONS=64 THREADS=2 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}

if ! command -v wrk >/dev/null; then
  echo "bench: installing wrk from Debian's packages" >&2
  sudo_cmd=(); [ "$(id -u)" = 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get install -y -qq wrk >/dev/null
fi

cargo build --release --locked -p qorgau --bin qorgau >&2
cargo build --release --locked -p qorgau-web --example bare_axum >&2

work=$(mktemp -d /tmp/qorgau-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
wait_for() { for _ in $(seq 1 100); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "bench: $1 never answered" >&2; exit 1; }

db="sqlite://$work/bench.db"
export QORGAU_DATABASE="$db" RUST_LOG=warn
target/release/qorgau migrate >/dev/null
TOKEN=$(target/release/qorgau user token admin --name bench)
export TOKEN

qport=$(free_port)
target/release/qorgau serve --listen "127.0.0.1:$qport" >"$work/qorgau.log" 2>&1 &
pids+=($!)
pport=$(free_port)
target/release/examples/bare_axum "127.0.0.1:$pport" >"$work/peer.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$qport/healthz"
wait_for "http://127.0.0.1:$pport/api/v1/rules/x/evaluate" || true

body='{"facts":{"year":2027},"as_of":"2026-11-23"}'
check=$(curl -s -w ' %{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d "$body" "http://127.0.0.1:$qport/api/v1/rules/safety.plan_due/evaluate")
case "$check" in *' 200') ;; *) echo "bench: Qorgau did not answer 200: $check" >&2; exit 1 ;; esac

cat >"$work/eval.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
local token = os.getenv("TOKEN")
if token then wrk.headers["Authorization"] = "Bearer " .. token end
function done(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, errors, summary.requests))
end
LUA

run() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$work/eval.lua" "$1" | grep '^RESULT'
}

echo "bench: Qorgau, $CONNECTIONS connections, $DURATION" >&2
read -r _ q_rps q_p50 q_p99 q_err q_n < <(run "http://127.0.0.1:$qport/api/v1/rules/safety.plan_due/evaluate")
echo "bench: peer (bare axum), $CONNECTIONS connections, $DURATION" >&2
read -r _ p_rps p_p50 p_p99 p_err p_n < <(TOKEN= run "http://127.0.0.1:$pport/api/v1/rules/safety.plan_due/evaluate")

ratio=$(python3 -c "print(f'{$q_rps / $p_rps:.2f}')")
echo
echo "| server | requests/s | p50 ms | p99 ms | errors | requests |"
echo "|---|---|---|---|---|---|"
echo "| Qorgau (token auth, authz, metrics, tracing) | $q_rps | $q_p50 | $q_p99 | $q_err | $q_n |"
echo "| peer: bare axum handler | $p_rps | $p_p50 | $p_p99 | $p_err | $p_n |"
echo
echo "Throughput ratio Qorgau / peer: $ratio (target: >= 10,000 req/s, p99 <= 20 ms, 0 errors)"
