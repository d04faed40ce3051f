#!/usr/bin/env bash
# The safety analysis of a top body over 10,000 units and 1,000,000 incidents (five years), on
# SQLite and on a throwaway PostgreSQL, against DuckDB (the peer named in BENCH.md) on the same
# rows in the same run; prints each and the ratios. Extra arguments go to the bench
# (`-- --incidents N` for fewer).
# Needs: PostgreSQL server binaries (Debian's postgresql) and pip's duckdb 2.0.0 (installed when
# missing).
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -c 'import duckdb' 2>/dev/null || {
    echo "installing duckdb 2.0.0 (the peer)"
    pip install -q duckdb==2.0.0
}
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries are missing (apt-get install postgresql)" >&2; exit 1; }
work=$(mktemp -d)
as_pg=()
if [ "$(id -u)" = 0 ]; then chown postgres "$work"; as_pg=(runuser -u postgres --); fi
cleanup() { "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
echo "starting a throwaway PostgreSQL on port $port"
"${as_pg[@]}" "$PG_BIN/initdb" -D "$work/data" -U postgres -A trust -E UTF8 --no-sync >"$work/initdb.log" 2>&1
"${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$work/data" -l "$work/server.log" -w \
  -o "-p $port -k $work -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off" start >/dev/null
export QORGAU_BENCH_POSTGRES_URL="postgres://postgres@127.0.0.1:$port/postgres"
cargo bench -q -p qorgau --bench analysis -- "$@"
peer=$(taskset -c 0 python3 bench/analysis_peer.py target/analysis-bench)
python3 - "$peer" <<'PY'
import json, sys
peer = json.loads(sys.argv[1])
ours = json.load(open("target/analysis-bench/qorgau.json"))
print(f"duckdb {peer['duckdb']} (1 thread, closure-table join, data in memory): cold {peer['cold_ms']:.1f} ms, median {peer['median_ms']:.1f} ms; "
      f"2026 in duty {peer['deaths_2026']} deaths, {peer['injuries_2026']} injuries, strength {peer['strength_2026']:.0f}, {peer['ranked']} ranked")
for run in ours:
    same = (run["deaths_2026"], run["injuries_2026"], run["ranked"]) == (peer["deaths_2026"], peer["injuries_2026"], peer["ranked"]) \
        and abs(run["strength_2026"] - peer["strength_2026"]) < 1e-6 * peer["strength_2026"]
    print(f"qorgau on {run['backend']}: cold {run['cold_ms']:.1f} ms, median {run['median_ms']:.1f} ms "
          f"(floor 500 ms); ratio median / duckdb median: {run['median_ms'] / peer['median_ms']:.2f}; "
          f"same figures as the peer: {'yes' if same else 'NO'}")
PY
