#!/usr/bin/env bash
# Times the strategy run over ACCOUNTS accounts on PostgreSQL: the demo data (its strategy: three
# segments by days past due, a 30 % challenger, every action) plus ACCOUNTS open accounts 1 to
# 400 days past due, generated with generate_series. `arrears strategy-run` runs the active
# strategy twice: the first run places every account in its segment and takes every day-0 step
# (queue calls, messages checked by the contact rules, review tasks, settlement offers,
# escalations, each with its audit event); the second, the same day, finds nothing due. Elapsed
# time and peak memory (max RSS) from /usr/bin/time. The targets: under 60 s and 200 MB for the
# first run, under 20 s for the second.
# Usage: bench/strategy-run.sh [ACCOUNTS]   (PERF=file: the first run under `perf record -g`; KEEP=1: keep the database)
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-1000000}
port=18096
db="arrears_strategy_$$"
work=$(mktemp -d)
url="postgres://postgres@127.0.0.1:5432/$db"
cargo build --release --quiet
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
cleanup() {
  [ -n "${server:-}" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  if [ -z "${KEEP:-}" ]; then psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true; else echo "kept $db"; fi
  rm -rf "$work"
}
trap cleanup EXIT
DATABASE_URL="$url" ARREARS_BIND="127.0.0.1:$port" ARREARS_JWT_SECRET="bench-secret-bench-secret-bench-secret" RUST_LOG=error \
  ARREARS_SWEEP_SECONDS=86400 target/release/arrears serve --demo >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 600); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
kill "$server"; wait "$server" 2>/dev/null || true; server=
started=$(date +%s)
psql -h 127.0.0.1 -U postgres -q -d "$db" -v accounts="$accounts" -f bench/generate-accounts.sql
echo "generated $accounts accounts in $(( $(date +%s) - started )) s"
for run in first second; do
  perf=()
  if [ -n "${PERF:-}" ] && [ "$run" = first ]; then perf=(perf record -q -F 499 -g -o "$PERF" --); fi
  DATABASE_URL="$url" RUST_LOG=error /usr/bin/time -f "%e s elapsed, %U s user, %M KB max RSS" \
    "${perf[@]}" target/release/arrears strategy-run 2>"$work/time.txt"
  echo "$run run: $(tail -1 "$work/time.txt")"
done
psql -h 127.0.0.1 -U postgres -qAt -d "$db" -c \
  "SELECT 'steps ' || count(*) FROM strategy_steps UNION ALL SELECT 'audit events ' || count(*) FROM audit_events"
