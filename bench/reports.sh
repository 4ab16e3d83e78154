#!/usr/bin/env bash
# Times every report at scale: 1,000,000 accounts (with debtors) and 10,000,000 contacts over
# 180 days, generated in PostgreSQL with generate_series on top of the demo data, against the
# release server. The target: aging and performance under 300 ms. Prints the best of 3 runs.
# Usage: bench/reports.sh [ACCOUNTS] [CONTACTS]
# With ARREARS_BENCH_DB=name the data set is kept in that database and reused by later runs
# (generating it takes minutes); without it a fresh database is made and dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-1000000}
contacts=${2:-10000000}
port=18093
db="${ARREARS_BENCH_DB:-arrears_scale_$$}"
work=$(mktemp -d)
url="postgres://postgres@127.0.0.1:5432/$db"
cargo build --release --quiet
reuse=
if [ -n "${ARREARS_BENCH_DB:-}" ] && psql -h 127.0.0.1 -U postgres -d "$db" -Atc "SELECT 1 FROM accounts WHERE external_ref = 'SCALE-1'" 2>/dev/null | grep -q 1; then
  reuse=1
else
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db" -qc "CREATE DATABASE $db"
fi
cleanup() {
  [ -n "${server:-}" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  [ -n "${ARREARS_BENCH_DB:-}" ] || psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT
start() {
  DATABASE_URL="$url" ARREARS_BIND="127.0.0.1:$port" ARREARS_JWT_SECRET="bench-secret-bench-secret-bench-secret" RUST_LOG=error \
    target/release/arrears serve "$@" >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return 0; sleep 0.1; done
  cat "$work/server.log"; exit 1
}
if [ -z "$reuse" ]; then
start --demo   # demo users (the head signs in) and schema
kill "$server"; wait "$server" 2>/dev/null || true; server=
started=$(date +%s)
psql -h 127.0.0.1 -U postgres -q -d "$db" <<SQL
INSERT INTO teams (name, created_at, updated_at) SELECT 'Bench ' || g, now(), now() FROM generate_series(1, 18) g;
INSERT INTO users (email, name, role, team_id, password_hash, active, created_at, updated_at)
  SELECT 'bench' || g || '@bench.dev', 'Bench Agent ' || g, 'agent', (SELECT min(id) FROM teams) + (g % 20), 'x', true, now(), now()
  FROM generate_series(1, 400) g;
CREATE TEMP TABLE ids AS SELECT (SELECT min(id) FROM teams) AS team0,
  (SELECT min(id) FROM users WHERE email LIKE 'bench%') AS agent0, (SELECT coalesce(max(id), 0) FROM debtors) AS debtor0;
INSERT INTO debtors (name, timezone, phone, phone_valid, cease_communication, do_not_call, do_not_email, do_not_sms, attorney_represented, created_at, updated_at)
  SELECT 'Debtor ' || g, 'America/Chicago', '+13125550100', true, false, false, false, false, false, now(), now() FROM generate_series(1, $accounts) g;
INSERT INTO accounts (external_ref, debtor_id, currency, original_amount, balance, principal, delinquent_since, status, portfolio, team_id, assignee_id, version, created_at, updated_at)
  SELECT 'SCALE-' || g, (SELECT debtor0 FROM ids) + g, 'USD', 200000 + g % 100000, 100000 + g % 100000, 100000 + g % 100000, current_date - (g % 400),
         CASE WHEN g % 10 = 0 THEN 'paid' ELSE 'open' END, 'p' || (g % 5), (SELECT team0 FROM ids) + (g % 20), (SELECT agent0 FROM ids) + (g % 400), 1, now(), now()
  FROM generate_series(1, $accounts) g;
CREATE TEMP TABLE acc AS SELECT min(id) AS a0 FROM accounts WHERE external_ref LIKE 'SCALE-%';
-- Set-based below rather than one account update per contact.
ALTER TABLE contacts DISABLE TRIGGER contacts_keep_account_facts;
INSERT INTO contacts (account_id, agent_id, channel, direction, outcome, occurred_at, counts_as_attempt, is_conversation, created_at)
  SELECT (SELECT a0 FROM acc) + (g % $accounts), (SELECT agent0 FROM ids) + (g % 400), 'phone', 'outbound',
         CASE WHEN g % 5 = 0 THEN 'right_party_contact' ELSE 'no_answer' END,
         now() - make_interval(days => (g / 400) % 180, mins => g % 600), true, g % 5 = 0, now()
  FROM generate_series(1, $contacts) g;
-- The contacts above bypassed the API, so rebuild the agent-activity rollup as its migration does.
TRUNCATE agent_activity;
$(sed -n '/^-- The contacts already logged./,$p' migrations/postgres/*_agent_activity/up.sql)
ALTER TABLE contacts ENABLE TRIGGER contacts_keep_account_facts;
$(sed -n '/^-- The contacts already logged./,$p' migrations/postgres/*_queue_contact_facts/up.sql)
$(sed -n '/^-- The contacts already logged./,$p' migrations/postgres/*_queue_index/up.sql)
VACUUM ANALYZE;  -- sets the visibility map, as autovacuum would, for index-only scans
SQL
echo "generated $accounts accounts and $contacts contacts in $(( $(date +%s) - started )) s"
fi
start
token=$(curl -sf -X POST "http://127.0.0.1:$port/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email": "head@demo.arrears.dev", "password": "arrears-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
from=$(date -u -d '30 days ago' +%F); to=$(date -u +%F)
for path in "/v1/reports/aging" "/v1/reports/performance?from=$from&to=$to&group_by=agent" "/v1/reports/performance?from=$from&to=$to&group_by=team" \
            "/v1/reports/forecast?weeks=12" "/v1/reports/collections?from=$from&to=$to"; do
  best=999
  for _ in 1 2 3; do
    t=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port$path" -H "Authorization: Bearer $token")
    code=${t% *}; secs=${t#* }
    [ "$code" = 200 ] || { echo "$path answered $code"; exit 1; }
    best=$(python3 -c "print(min($best, $secs))")
  done
  printf '%-70s %6.0f ms\n' "$path" "$(python3 -c "print($best * 1000)")"
done
