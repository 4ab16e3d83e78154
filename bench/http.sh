#!/usr/bin/env bash
# The speed aims of the brief, measured (never asserted by a test):
#   a read of one account   vs  pgbench -S -M prepared  (aim: at least half its tps)
#   a logged call           vs  pgbench -N -M prepared  (aim: at least half its tps)
# Release server on a fresh PostgreSQL database (demo data: 300 accounts), 16 connections,
# client on the same machine. Needs wrk (Debian: apt-get install wrk) and pgbench.
# Usage: bench/http.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
port=18096
db="arrears_bench_$$"
pgb="arrears_pgbench_$$"
work=$(mktemp -d)
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
cargo build --release --quiet
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $pgb"
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" ARREARS_BIND="127.0.0.1:$port" RUST_LOG=error \
  target/release/arrears serve --demo >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill $server 2>/dev/null || true; wait $server 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $pgb WITH (FORCE)"
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email": "head@demo.arrears.dev", "password": "arrears-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
ARREARS_IDS=$(curl -sf "http://127.0.0.1:$port/v1/accounts?limit=200" -H "Authorization: Bearer $token" |
  python3 -c 'import json,sys; print(",".join(str(a["id"]) for a in json.load(sys.stdin)["data"]))')
export ARREARS_IDS ARREARS_TOKEN=$token


rps() { wrk -t2 -c16 -d"${secs}s" -s "$1" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2}'; }
tps() { pgbench -h 127.0.0.1 -U postgres -n -M prepared -c 16 -j 2 -T "$secs" "$@" "$pgb" 2>/dev/null | awk '/^tps/ {print $3; exit}'; }

pgbench -h 127.0.0.1 -U postgres -q -i -s 10 "$pgb" >/dev/null 2>&1
read_rps=$(rps bench/wrk/read.lua)
call_rps=$(rps bench/wrk/call.lua)
select_tps=$(tps -S)
write_tps=$(tps -N)
python3 - "$read_rps" "$select_tps" "$call_rps" "$write_tps" <<'PY'
import sys
read, sel, call, write = map(float, sys.argv[1:])
print(f"GET /v1/accounts/{{id}}:        {read:9.0f} req/s   pgbench -S -M prepared: {sel:9.0f} tps   ratio {read/sel:.2f} (aim >= 0.50)")
print(f"POST …/contacts (inbound):     {call:9.0f} req/s   pgbench -N -M prepared: {write:9.0f} tps   ratio {call/write:.2f} (aim >= 0.50)")
PY
