#!/usr/bin/env bash
# A real streaming replica of the local PostgreSQL (pg_basebackup -R into a second cluster on port
# 5433), the release server started against both (ARREARS_REPLICA_URL), and four checks:
#   1. reports and the account list are read on the replica: its pg_stat_database counters for
#      the database move, and /metrics counts the reads as served by the replica;
#   2. a single account is read on the primary (the replica's counters do not move);
#   3. with replay paused and a write on the primary, the replica falls behind
#      ARREARS_REPLICA_MAX_LAG_SECONDS: reports come from the primary;
#   4. with the replica stopped, reports still answer 200, from the primary.
# Needs target/release/arrears, PostgreSQL on 127.0.0.1:5432 with wal_level=replica and a free
# port 5433; runs the second cluster as the postgres user, and adds a `host replication` line
# for 127.0.0.1 to the primary's pg_hba.conf when it has none (run this as root).
set -euo pipefail
cd "$(dirname "$0")/.."
db="arrears_replica_$$"
port=18096
replica_port=5433
work=$(mktemp -d)
chmod 755 "$work"
secret=$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')
bin=$(pg_config --bindir)
as_postgres() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
server=""
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  as_postgres "$bin/pg_ctl" -D "$work/replica" -m immediate stop >/dev/null 2>&1 || true
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" || true
  rm -rf "$work"
}
trap cleanup EXIT
primary() { psql -h 127.0.0.1 -p 5432 -U postgres -d "$db" -Atqc "$1"; }
replica() { psql -h 127.0.0.1 -p "$replica_port" -U postgres -d "$db" -Atqc "$1"; }

psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
# The primary takes replication connections from this machine (added once, then reloaded).
hba=$(psql -h 127.0.0.1 -U postgres -Atqc "SHOW hba_file")
if ! grep -Eq '^host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32' "$hba"; then
  echo "host replication postgres 127.0.0.1/32 trust" >>"$hba"
  psql -h 127.0.0.1 -U postgres -Atqc "SELECT pg_reload_conf()" >/dev/null
fi
mkdir "$work/replica" && chown postgres "$work/replica" 2>/dev/null || true
chmod 700 "$work/replica"
as_postgres pg_basebackup -h 127.0.0.1 -p 5432 -U postgres -D "$work/replica" -R -X stream -c fast
# Debian keeps postgresql.conf and pg_hba.conf outside the data directory: the copy gets its own.
as_postgres sh -c "cat > '$work/replica/postgresql.conf'" <<EOF
port = $replica_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work/replica'
hot_standby = on
max_connections = $(psql -h 127.0.0.1 -U postgres -Atqc "SHOW max_connections")
shared_buffers = 32MB
EOF
as_postgres sh -c "printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > '$work/replica/pg_hba.conf'; : > '$work/replica/pg_ident.conf'"
as_postgres "$bin/pg_ctl" -D "$work/replica" -l "$work/replica/server.log" -w start >/dev/null || { cat "$work/replica/server.log"; exit 1; }
[ "$(replica "SELECT pg_is_in_recovery()")" = t ] || { echo "the copy is not a standby"; exit 1; }

DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" \
  ARREARS_REPLICA_URL="postgres://postgres@127.0.0.1:$replica_port/$db" \
  ARREARS_REPLICA_MAX_LAG_SECONDS=2 ARREARS_BIND="127.0.0.1:$port" ARREARS_JWT_SECRET="$secret" \
  RUST_LOG=warn target/release/arrears serve --demo >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/server.log"; exit 1; }
# The demo data reaches the replica.
target=$(primary "SELECT pg_current_wal_lsn()")
for _ in $(seq 1 100); do
  [ "$(replica "SELECT pg_last_wal_replay_lsn() >= '$target'::pg_lsn")" = t ] && break; sleep 0.1
done
token=$(curl -sf -X POST "http://127.0.0.1:$port/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email": "head@demo.arrears.dev", "password": "arrears-demo-2026"}' |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
api() { curl -s -o "$work/body" -w "%{http_code}" "http://127.0.0.1:$port$1" -H "Authorization: Bearer $token"; }
counted() { # served_by
  curl -sf "http://127.0.0.1:$port/metrics" |
    awk -v l="arrears_replica_reads_total{served_by=\"$1\"}" '$1 == l { print $2 } END { }' | tail -n 1
}
replica_reads() {
  psql -h 127.0.0.1 -p "$replica_port" -U postgres -d postgres -Atqc \
    "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$db'"
}
fail() { echo "replica check failed: $*"; cat "$work/server.log"; exit 1; }

# 1. Reports and the account list on the replica. The replica's counters are read from another
# database (so that reading them does not move them) and flushed by its backends within 10 s.
before=$(replica_reads); served=$(counted replica); served=${served:-0}
for path in /v1/reports/aging "/v1/reports/collections?from=$(date -u -d "30 days ago" +%F)&to=$(date -u +%F)" /v1/reports/summary "/v1/accounts?limit=50"; do
  [ "$(api "$path")" = 200 ] || fail "$path answered $(cat "$work/body")"
done
now_served=$(counted replica)
[ "$now_served" -eq $((served + 4)) ] || fail "4 reads expected on the replica, /metrics says $served then $now_served"
for _ in $(seq 1 150); do [ "$(replica_reads)" -ge $((before + 4)) ] && break; sleep 0.1; done
after=$(replica_reads)
[ "$after" -ge $((before + 4)) ] || fail "the replica's transaction counters did not move by 4 ($before, $after)"
echo "reports and the account list on the replica: its transactions $before -> $after, /metrics replica reads +$((now_served - served))"

# 2. A single account on the primary.
account=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["data"][0]["id"])' "$work/body")
served=$(counted replica)
[ "$(api "/v1/accounts/$account")" = 200 ] || fail "the account read answered $(cat "$work/body")"
[ "$(counted replica)" -eq "$served" ] || fail "an account read went to the replica"
echo "a single account on the primary: /metrics replica reads stayed at $served"

# 3. Replay paused, a write on the primary: the replica is behind, reports come from the primary.
replica "SELECT pg_wal_replay_pause()" >/dev/null
primary "UPDATE accounts SET updated_at = updated_at WHERE id = $account" >/dev/null
sleep 3.2
served=$(counted primary); served=${served:-0}
[ "$(api /v1/reports/aging)" = 200 ] || fail "the aging report answered $(cat "$work/body")"
now_served=$(counted primary)
[ "$now_served" -eq $((served + 1)) ] || fail "a replica behind by 3 s still served the report"
lag=$(curl -sf "http://127.0.0.1:$port/metrics" | awk '$1 == "arrears_replica_lag_seconds" { print $2 }')
echo "replay paused: the replica $lag s behind (limit 2), the report read on the primary"
replica "SELECT pg_wal_replay_resume()" >/dev/null

# 4. The replica stopped: reports answer from the primary, without an error.
sleep 1.1
as_postgres "$bin/pg_ctl" -D "$work/replica" -m fast -w stop >/dev/null
served=$(counted primary)
for path in /v1/reports/aging "/v1/accounts?limit=50"; do
  [ "$(api "$path")" = 200 ] || fail "$path answered $(cat "$work/body") with the replica down"
done
now_served=$(counted primary)
[ "$now_served" -eq $((served + 2)) ] || fail "reads with the replica down: $served then $now_served from the primary"
if grep -q ' 500 \|panicked' "$work/server.log"; then fail "the server log shows a 500 or a panic"; fi
echo "the replica stopped: reports and the account list answered 200 from the primary"
