#!/usr/bin/env bash
# Two server instances on one PostgreSQL database; 40 concurrent approvals of one request, sent
# through both: exactly one succeeds, the other 39 answer 409, and the audit log holds exactly
# one decision. Needs target/release/arrears and a PostgreSQL server on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
db="arrears_race_$$"
work=$(mktemp -d)
secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
url="postgres://postgres@127.0.0.1:5432/$db"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT
start() { # port, extra args
  DATABASE_URL="$url" ARREARS_BIND="127.0.0.1:$1" ARREARS_JWT_SECRET="$secret" RUST_LOG=warn \
    target/release/arrears serve "${@:2}" >"$work/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0; sleep 0.1; done
  cat "$work/server-$1.log"; echo "server on $1 did not start"; exit 1
}
start 18094 --demo
start 18095
token() {
  curl -sf -X POST "http://127.0.0.1:18094/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"arrears-demo-2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
agent=$(token agent.north@demo.arrears.dev)
head_token=$(token head@demo.arrears.dev)
manager=$(token manager@demo.arrears.dev)
account=$(curl -sf "http://127.0.0.1:18094/v1/accounts?limit=1&status=open" -H "Authorization: Bearer $agent" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["data"][0]["id"])')
request=$(curl -sf -X POST "http://127.0.0.1:18095/v1/approvals" -H "Authorization: Bearer $agent" -H 'content-type: application/json' \
  -d "{\"kind\": \"write_off\", \"account_id\": $account, \"amount\": 100, \"reason\": \"race\"}" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
for i in $(seq 1 40); do
  port=$((18094 + i % 2)); t=$([ $((i % 3)) -eq 0 ] && echo "$manager" || echo "$head_token")
  echo "$port $t"
done >"$work/calls"
xargs -P 40 -L 1 sh -c 'curl -s -o /dev/null -w "%{http_code}\n" -X POST "http://127.0.0.1:$0/v1/approvals/'"$request"'/approve" -H "Authorization: Bearer $1" -H "content-type: application/json" -d "{}"' \
  <"$work/calls" >"$work/codes"
ok=$(grep -c '^200$' "$work/codes" || true)
conflict=$(grep -c '^409$' "$work/codes" || true)
decisions=$(curl -sf "http://127.0.0.1:18095/v1/audit-events?entity_type=approval&entity_id=$request" -H "Authorization: Bearer $head_token" |
  python3 -c 'import json,sys; print(sum(1 for e in json.load(sys.stdin)["data"] if e["action"] == "approval.approved"))')
echo "two instances, 40 concurrent approvals: $ok succeeded, $conflict answered 409, $decisions decision(s) in the audit log"
[ "$ok" -eq 1 ] && [ "$conflict" -eq 39 ] && [ "$decisions" -eq 1 ] || { sort "$work/codes" | uniq -c; exit 1; }
