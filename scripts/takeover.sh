#!/usr/bin/env bash
# Two server instances on one PostgreSQL database and the daily strategy run over the demo data
# plus ACCOUNTS generated accounts (default 120,000). The instance running it is killed (kill -9)
# mid-run; the other takes the run over once the lease lapses (ARREARS_JOB_LEASE_SECONDS=10) and
# finishes it. What the two took together must equal, action by action, what one uninterrupted
# run takes on a copy of the same data (`arrears strategy-run`): nothing twice, nothing missed.
# Needs target/release/arrears and PostgreSQL on 127.0.0.1:5432.
# Usage: scripts/takeover.sh [ACCOUNTS]
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-120000}
db="arrears_takeover_$$"
ref="arrears_takeover_ref_$$"
work=$(mktemp -d)
secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  for d in "$db" "$ref"; do psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
  rm -rf "$work"
}
trap cleanup EXIT
sql() { psql -h 127.0.0.1 -U postgres -d "$1" -Atqc "$2"; }
start() { # port, then the environment's extra settings
  env DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" ARREARS_BIND="127.0.0.1:$1" \
    ARREARS_JWT_SECRET="$secret" RUST_LOG=warn "${@:2}" target/release/arrears serve \
    >"$work/server-$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$1/readyz" >/dev/null && return 0; sleep 0.1; done
  cat "$work/server-$1.log"; echo "server on $1 did not start"; exit 1
}
taken() { # database: the steps taken by action, one line
  sql "$1" "SELECT string_agg(action || ' ' || n, ', ' ORDER BY action) FROM
    (SELECT action, count(*) AS n FROM strategy_steps GROUP BY action) s"
}

# The demo data (its server's own daily run moved to yesterday, so that today's is due), then
# the generated accounts; a copy for the reference run.
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" ARREARS_BIND="127.0.0.1:18098" \
  ARREARS_JWT_SECRET="$secret" ARREARS_SWEEP_SECONDS=86400 RUST_LOG=error \
  target/release/arrears serve --demo >"$work/demo.log" 2>&1 &
demo=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:18098/readyz" >/dev/null && break; sleep 0.1; done
sleep 1
kill "$demo"; wait "$demo" 2>/dev/null || true
sql "$db" "UPDATE strategy_runs SET run_on = run_on - 1,
  status = CASE status WHEN 'running' THEN 'failed' ELSE status END WHERE run_on = current_date" >/dev/null
psql -h 127.0.0.1 -U postgres -q -d "$db" -v accounts="$accounts" -f bench/generate-accounts.sql
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $ref TEMPLATE $db"
before=$(taken "$db")
DATABASE_URL="postgres://postgres@127.0.0.1:5432/$ref" RUST_LOG=error target/release/arrears strategy-run >/dev/null
expected=$(taken "$ref")

# Two instances; the one that takes the lease is killed once its run has committed some steps.
lease=(ARREARS_SWEEP_SECONDS=5 ARREARS_JOB_LEASE_SECONDS=10)
start 18098 "${lease[@]}"
start 18099 "${lease[@]}"
holder=""
for _ in $(seq 1 600); do
  holder=$(sql "$db" "SELECT holder FROM job_leases WHERE name = 'strategy-run' AND EXISTS
    (SELECT 1 FROM strategy_steps st JOIN strategy_runs r ON r.id = st.run_id
     WHERE r.run_on = current_date AND r.status = 'running')")
  [ -n "$holder" ] && break
  sleep 0.05
done
[ -n "$holder" ] || { echo "no instance started the daily run"; cat "$work"/server-*.log; exit 1; }
victim=$(echo "$holder" | sed -E 's/^pid-([0-9]+)-.*/\1/')
[ "$victim" = "${pids[0]}" ] || [ "$victim" = "${pids[1]}" ] || { echo "the lease holder $holder is neither instance"; exit 1; }
kill -9 "$victim"
killed_at=$(date +%s.%N)
at_kill=$(sql "$db" "SELECT count(*) FROM strategy_steps st JOIN strategy_runs r ON r.id = st.run_id
  WHERE r.run_on = current_date AND r.status = 'running'")
echo "killed the instance running the daily run (pid $victim) after it had taken $at_kill step(s)"

# The other instance finishes the day's run after the lease lapses.
for _ in $(seq 1 900); do
  done_by=$(sql "$db" "SELECT id FROM strategy_runs WHERE run_on = current_date AND started_by IS NULL AND status = 'finished'")
  [ -n "$done_by" ] && break
  sleep 0.1
done
[ -n "$done_by" ] || { echo "no instance finished the daily run"; cat "$work"/server-*.log; exit 1; }
took=$(python3 -c "import time,sys; print(f'{time.time() - float(sys.argv[1]):.1f}')" "$killed_at")
abandoned=$(sql "$db" "SELECT count(*) FROM strategy_runs WHERE run_on = current_date AND status = 'failed' AND error LIKE 'abandoned%'")
got=$(taken "$db")
echo "the other instance finished the run $took s after the kill; $abandoned run(s) marked abandoned"
echo "steps before:          $before"
echo "one uninterrupted run: $expected"
echo "killed, then taken over: $got"
[ "$abandoned" = 1 ] || { echo "the killed run was not marked abandoned"; exit 1; }
[ "$got" = "$expected" ] || { echo "the takeover did not take exactly what one run takes"; exit 1; }
