#!/usr/bin/env bash
# Times POST /v1/accounts/import with 10,000 new rows, then the same 10,000 again (as updates),
# against the release server on PostgreSQL (127.0.0.1:5432, user postgres). Target: < 5 s.
# Usage: bench/import.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-10000}
port=18097
db="arrears_bench_$$"
work=$(mktemp -d)
cargo build --release --quiet
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" ARREARS_BIND="127.0.0.1:$port" RUST_LOG=warn \
  target/release/arrears serve --demo >"$work/server.log" 2>&1 &
server=$!
cleanup() { kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"; rm -rf "$work"; }
trap cleanup EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done

token=$(curl -sf -X POST "http://127.0.0.1:$port/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email": "head@demo.arrears.dev", "password": "arrears-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
python3 - "$rows" >"$work/body.json" <<'PY'
import json, sys
n = int(sys.argv[1])
zones = [("America/New_York", "NY", "212"), ("America/Chicago", "IL", "312"), ("America/Denver", "CO", "303")]
rows = []
for i in range(n):
    tz, region, area = zones[i % 3]
    rows.append({"external_ref": f"BENCH-{i:06}", "original_amount": 100000 + i, "balance": 50000 + i,
                 "delinquent_since": "2026-05-01", "portfolio": "bench",
                 "debtor": {"name": f"Bench Debtor {i}", "phone": f"+1{area}55501{i % 100:02}", "timezone": tz, "region": region}})
json.dump({"accounts": rows}, sys.stdout)
PY
echo "body: $(du -h "$work/body.json" | cut -f1), $rows rows"
for run in create update; do
  seconds=$(curl -s -o "$work/$run.json" -w '%{time_total}' -X POST "http://127.0.0.1:$port/v1/accounts/import" \
    -H "Authorization: Bearer $token" -H 'content-type: application/json' --data-binary @"$work/body.json")
  summary=$(python3 -c 'import json,sys,collections; r=json.load(open(sys.argv[1]))["results"]; print(dict(collections.Counter(x["status"] for x in r)))' "$work/$run.json")
  echo "$run: ${seconds}s $summary"
done
