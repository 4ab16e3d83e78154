#!/usr/bin/env bash
# Flame graphs of the hot routes: the release server (built with line tables into target/flame,
# so the release build CI uses is left alone) on a fresh PostgreSQL database with the demo data,
# sampled by `perf record --call-graph dwarf` while wrk drives one route with 16 connections,
# folded and drawn by inferno (frames narrower than 2 px left out, to keep the files small).
# Writes bench/flame/{read,queue,list,call}.svg; the figures in their titles are under perf.
# Needs perf (Debian: linux-perf), wrk and inferno (cargo install inferno).
# Usage: bench/flame.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-10}
port=18097
db="arrears_flame_$$"
work=$(mktemp -d)
for tool in perf wrk inferno-collapse-perf inferno-flamegraph; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (see the head of this script)"; exit 1; }
done
CARGO_TARGET_DIR=target/flame CARGO_PROFILE_RELEASE_DEBUG=line-tables-only cargo build --release --quiet
bin=target/flame/release/arrears
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" ARREARS_BIND="127.0.0.1:$port" RUST_LOG=error \
  "$bin" serve --demo >"$work/server.log" 2>&1 &
server=$!
cleanup() {
  kill $server 2>/dev/null || true; wait $server 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)"
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 200); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
token_of() {
  curl -sf -X POST "http://127.0.0.1:$port/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"email\": \"$1\", \"password\": \"arrears-demo-2026\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
token=$(token_of head@demo.arrears.dev)
agent=$(token_of agent.north@demo.arrears.dev)
ARREARS_IDS=$(curl -sf "http://127.0.0.1:$port/v1/accounts?limit=200" -H "Authorization: Bearer $token" |
  python3 -c 'import json,sys; print(",".join(str(a["id"]) for a in json.load(sys.stdin)["data"]))')
export ARREARS_IDS
load() { # route: wrk's script and its environment
  case $1 in
    read | call) ARREARS_TOKEN=$token wrk -t2 -c16 -d"$((secs + 2))s" -s "bench/wrk/$1.lua" "http://127.0.0.1:$port" ;;
    queue) ARREARS_TOKEN=$agent ARREARS_PATH="/v1/queue?limit=25" \
      wrk -t2 -c16 -d"$((secs + 2))s" -s bench/wrk/get.lua "http://127.0.0.1:$port" ;;
    list) ARREARS_TOKEN=$token ARREARS_PATH="/v1/accounts?limit=50&status=open&min_days_past_due=30" \
      wrk -t2 -c16 -d"$((secs + 2))s" -s bench/wrk/get.lua "http://127.0.0.1:$port" ;;
  esac
}
mkdir -p bench/flame
# The logged call last: the contacts it adds would make the others' histories longer than life.
for route in read queue list call; do
  load "$route" >"$work/$route.wrk" &
  load=$!
  sleep 1
  perf record -F 499 --call-graph dwarf,16384 -p "$server" -o "$work/$route.data" -- sleep "$secs" \
    >/dev/null 2>&1
  wait $load
  perf script -i "$work/$route.data" 2>/dev/null | inferno-collapse-perf >"$work/$route.folded"
  inferno-flamegraph --title "arrears: $route ($(awk '/Requests\/sec/ {print $2}' "$work/$route.wrk") req/s under perf)" \
    --width 1600 --minwidth 2 <"$work/$route.folded" >"bench/flame/$route.svg"
  echo "bench/flame/$route.svg: $(wc -l <"$work/$route.folded") stacks, $(awk '/Requests\/sec/ {print $2}' "$work/$route.wrk") req/s"
done
