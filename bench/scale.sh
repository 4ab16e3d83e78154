#!/usr/bin/env bash
# Latency at scale (issue 21): the hot routes under 16 concurrent clients (wrk --latency) on
# bench/reports.sh's data set (1,000,000 accounts, 10,000,000 contacts; made first when
# ARREARS_BENCH_DB does not hold it yet), against the release server on PostgreSQL: the queue of
# an agent holding 2,500 accounts, a filtered account list as the head, an account read and a
# logged call. Prints p50, p99, req/s and the server's RSS after each; then the account read's
# throughput with 1, 2 and 3 instances on the database (16 connections shared among them).
# Usage: ARREARS_BENCH_DB=name bench/scale.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
db=${ARREARS_BENCH_DB:?set ARREARS_BENCH_DB to the database bench/reports.sh keeps its data set in}
url="postgres://postgres@127.0.0.1:5432/$db"
work=$(mktemp -d)
sql() { psql -h 127.0.0.1 -U postgres -d "$db" -Atqc "$1"; }
if ! sql "SELECT 1 FROM accounts WHERE external_ref = 'SCALE-1'" 2>/dev/null | grep -q 1; then
  bench/reports.sh >/dev/null
fi
cargo build --release --quiet
# The daily re-rank (what `serve`'s first sweep would do, here before the clock starts), then the
# visibility map it cleared set again for the queue's index-only read.
rerank_started=$(date +%s.%N)
DATABASE_URL="$url" RUST_LOG=error target/release/arrears sweep
printf 'the queue re-rank (sweep included): %.1f s\n' "$(echo "$(date +%s.%N) - $rerank_started" | bc)"
sql "VACUUM ANALYZE accounts"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
start() { # port
  DATABASE_URL="$url" ARREARS_BIND="127.0.0.1:$1" ARREARS_JWT_SECRET="bench-secret-bench-secret-bench-secret" \
    ARREARS_SWEEP_SECONDS=86400 RUST_LOG=error target/release/arrears serve >"$work/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0; sleep 0.1; done
  cat "$work/server-$1.log"; exit 1
}
token() {
  curl -sf -X POST "http://127.0.0.1:18121/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"arrears-demo-2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
start 18121
server=${pids[0]}
# The generated agent holding the most open accounts, made able to sign in (the demo agent's
# password hash).
read -r busiest held < <(sql "SELECT u.email, count(*) FROM accounts a JOIN users u ON u.id = a.assignee_id
  WHERE u.email LIKE 'bench%' AND a.status IN ('open', 'in_arrangement')
  GROUP BY u.email ORDER BY count(*) DESC, u.email LIMIT 1" | tr '|' ' ')
sql "UPDATE users SET password_hash = (SELECT password_hash FROM users WHERE email = 'agent.north@demo.arrears.dev')
  WHERE email = '$busiest'" >/dev/null
agent=$(token "$busiest")
head=$(token head@demo.arrears.dev)
ARREARS_IDS=$(curl -sf "http://127.0.0.1:18121/v1/accounts?limit=200&status=open" -H "Authorization: Bearer $head" |
  python3 -c 'import json,sys; print(",".join(str(a["id"]) for a in json.load(sys.stdin)["data"]))')
export ARREARS_IDS

measure() { # label, wrk script, then the script's environment
  env "${@:3}" wrk -t2 -c16 -d"${secs}s" --latency -s "$2" "http://127.0.0.1:18121" >"$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then cat "$work/wrk.txt"; exit 1; fi
  printf '%-62s p50 %9s  p99 %9s  %8s req/s  RSS %s MB\n' "$1" \
    "$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")" "$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")" \
    "$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")" "$(( $(ps -o rss= -p "$server") / 1024 ))"
}
list="/v1/accounts?limit=50&status=open&min_days_past_due=90&portfolio=p1"
measure "GET /v1/queue?limit=25 (an agent holding $held open accounts)" bench/wrk/get.lua \
  ARREARS_TOKEN="$agent" ARREARS_PATH="/v1/queue?limit=25"
measure "GET $list (head)" bench/wrk/get.lua ARREARS_TOKEN="$head" ARREARS_PATH="$list"
measure "GET /v1/accounts/{id} (head)" bench/wrk/read.lua ARREARS_TOKEN="$head"
measure "POST /v1/accounts/{id}/contacts, inbound (head)" bench/wrk/call.lua ARREARS_TOKEN="$head"

# The account read on 1, 2 and 3 instances, 16 connections in all.
start 18122
start 18123
for n in 1 2 3; do
  loads=()
  for i in $(seq 1 "$n"); do
    ARREARS_TOKEN="$head" wrk -t1 -c$((16 / n + (i <= 16 % n ? 1 : 0))) -d"${secs}s" -s bench/wrk/read.lua \
      "http://127.0.0.1:$((18120 + i))" >"$work/instance-$i.txt" &
    loads+=($!)
  done
  wait "${loads[@]}"
  total=$(cat "$work"/instance-[1-$n].txt | awk '/Requests\/sec/ {s += $2} END {printf "%.0f", s}')
  echo "GET /v1/accounts/{id} on $n instance(s): $total req/s"
done
