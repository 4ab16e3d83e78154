#!/usr/bin/env bash
# Times the ledger check over many accounts: ACCOUNTS accounts in parts (principal, interest,
# fees) with their placement and two payments each in the ledger, generated in PostgreSQL with
# generate_series on top of the demo data, then `GET /v1/ledger/verify` through the release
# server as the head (best of 3). The target: under 5 s at 1,000,000 accounts.
# Usage: bench/ledger.sh [ACCOUNTS]
set -euo pipefail
cd "$(dirname "$0")/.."
accounts=${1:-1000000}
port=18094
db="arrears_ledger_$$"
work=$(mktemp -d)
url="postgres://postgres@127.0.0.1:5432/$db"
cargo build --release --quiet
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
cleanup() {
  [ -n "${server:-}" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
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
start --demo   # demo users (the head signs in) and schema
kill "$server"; wait "$server" 2>/dev/null || true; server=
started=$(date +%s)
psql -h 127.0.0.1 -U postgres -q -d "$db" <<SQL
CREATE TEMP TABLE ids AS SELECT (SELECT coalesce(max(id), 0) FROM debtors) AS debtor0;
INSERT INTO debtors (name, timezone, phone, phone_valid, cease_communication, do_not_call, do_not_email, do_not_sms, attorney_represented, created_at, updated_at)
  SELECT 'Debtor ' || g, 'America/Chicago', '+13125550100', true, false, false, false, false, false, now(), now() FROM generate_series(1, $accounts) g;
-- Placed at 100,000 + interest 5,000 + fees 1,000; then paid 20,000 (fees, interest, principal)
-- and 10,000 (principal).
INSERT INTO accounts (external_ref, debtor_id, currency, original_amount, balance, principal, interest, fees, costs,
                      delinquent_since, status, version, created_at, updated_at)
  SELECT 'LEDGER-' || g, (SELECT debtor0 FROM ids) + g, 'USD', 106000, 76000, 76000, 0, 0, 0,
         current_date - (g % 400), 'open', 1, now(), now()
  FROM generate_series(1, $accounts) g;
INSERT INTO ledger_entries (account_id, occurred_at, kind, principal, interest, fees, costs)
  SELECT id, now() - interval '60 days', 'placement', 100000, 5000, 1000, 0 FROM accounts WHERE external_ref LIKE 'LEDGER-%'
  UNION ALL
  SELECT id, now() - interval '30 days', 'payment', -14000, -5000, -1000, 0 FROM accounts WHERE external_ref LIKE 'LEDGER-%'
  UNION ALL
  SELECT id, now() - interval '1 day', 'payment', -10000, 0, 0, 0 FROM accounts WHERE external_ref LIKE 'LEDGER-%';
VACUUM ANALYZE;
SQL
echo "generated $accounts accounts and $((accounts * 3)) ledger entries in $(( $(date +%s) - started )) s"
start
token=$(curl -sf -X POST "http://127.0.0.1:$port/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email": "head@demo.arrears.dev", "password": "arrears-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
best=999
for _ in 1 2 3; do
  t=$(curl -s -o "$work/verify.json" -w '%{http_code} %{time_total}' "http://127.0.0.1:$port/v1/ledger/verify" -H "Authorization: Bearer $token")
  code=${t% *}; secs=${t#* }
  [ "$code" = 200 ] || { echo "verify answered $code"; exit 1; }
  best=$(python3 -c "print(min($best, $secs))")
done
python3 -c "import json; v = json.load(open('$work/verify.json')); assert v['ok'], v; print('ok: checked', v['checked'], 'accounts')"
printf '%-40s %6.0f ms\n' "GET /v1/ledger/verify" "$(python3 -c "print($best * 1000)")"
