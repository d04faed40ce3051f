#!/usr/bin/env bash
# Ownership screening of every organisation of a generated graph (1,000,000 organisations,
# about 3,000,000 holdings) on one core, against the peer named in BENCH.md: a PostgreSQL 15
# recursive CTE per subject, on a sample, in the same run. Extra arguments go to the generator
# (`--organisations N`).
set -euo pipefail
cd "$(dirname "$0")/.."
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
[ -x "$PG_BIN/initdb" ] || { echo "PostgreSQL server binaries are missing (apt-get install postgresql)" >&2; exit 1; }
out=target/ownership-bench
mkdir -p "$out"
taskset -c 0 cargo bench -q -p qorgau --bench ownership -- generate "$(pwd)/$out" "$@"
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
url="postgres://postgres@127.0.0.1:$port/postgres"
cargo build -q --release -p qorgau
target/release/qorgau migrate --database "$url" >/dev/null
psql="$PG_BIN/psql -q -h 127.0.0.1 -p $port -U postgres postgres"
echo "loading the graph into PostgreSQL (COPY)"
$psql -c "\\copy security_organisations (id, code, name, foreign_person, activities, trunk_lines_run_by_foreigners, control_centre_abroad, imported_at) FROM '$out/organisations.csv' WITH (FORMAT csv, FORCE_NOT_NULL (activities))"
$psql -c "\\copy security_holdings (owner_id, owned_id, share) FROM '$out/holdings.csv' CSV"
$psql -c "ANALYZE"
taskset -c 0 cargo bench -q -p qorgau --bench ownership -- postgres "$url" "$(pwd)/$out"
