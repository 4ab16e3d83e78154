#!/usr/bin/env bash
# What integration events cost and carry, measured on PostgreSQL (never asserted by a test):
#   1. logged calls per second with the outbox (this build) against the build before it
#      (BEFORE_REV, default c026522), same machine, same run, alternating, 16 connections;
#   2. webhook delivery throughput to a local receiver (Python's threading HTTP server);
#   3. 1,000 event-stream clients held open: the server's resident memory.
# Needs wrk, pgbench's server, python3. Usage: bench/events.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-15}
before_rev=${BEFORE_REV:-c026522}
work=$(mktemp -d)
pids=()
dbs=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for d in "${dbs[@]}"; do psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $d WITH (FORCE)" || true; done
  git worktree remove --force "$work/before-src" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk"; exit 1; }
cargo build --release --quiet
before_bin=target/bench-before/release/arrears
if [ ! -x "$before_bin" ] || [ "$(cat target/bench-before/rev 2>/dev/null)" != "$before_rev" ]; then
  git worktree add --detach "$work/before-src" "$before_rev" >/dev/null
  CARGO_TARGET_DIR="$(pwd)/target/bench-before" cargo build --release --quiet --manifest-path "$work/before-src/Cargo.toml"
  echo "$before_rev" > target/bench-before/rev
fi

# start NAME BINARY PORT [ENV...]: a server on a fresh database with the demo data.
start() {
  local name=$1 bin=$2 port=$3; shift 3
  local db="arrears_ev_${name}_$$"
  dbs+=("$db")
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $db"
  env DATABASE_URL="postgres://postgres@127.0.0.1:5432/$db" ARREARS_BIND="127.0.0.1:$port" RUST_LOG=error "$@" \
    "$bin" serve --demo >"$work/$name.log" 2>&1 &
  pids+=($!)
  eval "${name}_pid=$!"
  for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && return; sleep 0.1; done
  cat "$work/$name.log"; exit 1
}
token() {
  curl -sf -X POST "http://127.0.0.1:$1/v1/auth/token" -H 'content-type: application/json' \
    -d "{\"email\": \"$2\", \"password\": \"arrears-demo-2026\"}" | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])'
}
ids_of() { # port, token: the account ids wrk goes round
  curl -sf "http://127.0.0.1:$1/v1/accounts?limit=200" -H "Authorization: Bearer $2" |
    python3 -c 'import json,sys; print(",".join(str(a["id"]) for a in json.load(sys.stdin)["data"]))'
}
rps() { # port, token, ids: logged calls per second
  ARREARS_TOKEN=$2 ARREARS_IDS=$3 wrk -t2 -c16 -d"${secs}s" -s bench/wrk/call.lua "http://127.0.0.1:$1" |
    awk '/Requests\/sec/ {print $2}'
}

start before "$before_bin" 18201
start after target/release/arrears 18202 ARREARS_WEBHOOK_ALLOW_HTTP=true ARREARS_WEBHOOK_ALLOW_PRIVATE=true
before_token=$(token 18201 head@demo.arrears.dev)
after_token=$(token 18202 head@demo.arrears.dev)
before_ids=$(ids_of 18201 "$before_token")
after_ids=$(ids_of 18202 "$after_token")
b1=$(rps 18201 "$before_token" "$before_ids"); a1=$(rps 18202 "$after_token" "$after_ids")
a2=$(rps 18202 "$after_token" "$after_ids"); b2=$(rps 18201 "$before_token" "$before_ids")
python3 - "$b1" "$b2" "$a1" "$a2" <<'PY'
import sys
b1, b2, a1, a2 = map(float, sys.argv[1:])
b, a = (b1 + b2) / 2, (a1 + a2) / 2
print(f"logged calls: before {b1:.0f}, {b2:.0f} (mean {b:.0f}) req/s; with the outbox {a1:.0f}, {a2:.0f} (mean {a:.0f}) req/s; cost {100 * (1 - a / b):.1f} % (limit 10 %)")
PY
kill "$before_pid"; wait "$before_pid" 2>/dev/null || true

# 2. Deliveries: a local receiver subscribed to contact.logged while calls are logged.
cat >"$work/receiver.py" <<'PY'
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(204); self.end_headers()
    def log_message(self, *a): pass
ThreadingHTTPServer.request_queue_size = 512  # the default 5 drops connections under load
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
python3 "$work/receiver.py" 18203 & pids+=($!)
admin=$(token 18202 admin@demo.arrears.dev)
curl -sf -X POST http://127.0.0.1:18202/v1/webhooks -H "Authorization: Bearer $admin" -H 'content-type: application/json' \
  -d '{"url": "http://127.0.0.1:18203/hook", "event_types": ["contact.logged"]}' >/dev/null
pending() {
  curl -sf http://127.0.0.1:18202/metrics | awk -v s="$1" -F' ' '$1 == "arrears_webhook_deliveries{status=\""s"\"}" {print $2}'
}
t0=$(date +%s.%N)
calls=$(rps 18202 "$after_token" "$after_ids")
while [ "$(pending pending)" != "0" ]; do sleep 0.2; done
t1=$(date +%s.%N)
python3 - "$t0" "$t1" "$(pending delivered)" "$calls" "$secs" <<'PY'
import sys
t0, t1, delivered, calls, secs = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5])
print(f"deliveries: {delivered} delivered in {t1 - t0:.1f} s from the first call ({delivered / (t1 - t0):.0f}/s; calls logged at {calls:.0f} req/s for {secs:.0f} s)")
PY

# 3. 1,000 stream clients held open.
rss() { awk '/VmRSS/ {print $2}' "/proc/$after_pid/status"; }
idle=$(rss)
python3 - "$after_token" "$work/streams.ready" <<'PY' &
import asyncio, sys
token, ready = sys.argv[1], sys.argv[2]
async def one():
    r, w = await asyncio.open_connection("127.0.0.1", 18202)
    w.write(f"GET /v1/events/stream HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\nAccept: text/event-stream\r\n\r\n".encode())
    await w.drain()
    await r.readuntil(b": stream open")
    return r, w
async def main():
    conns = [await one() for _ in range(1000)]
    open(ready, "w").write(str(len(conns)))
    await asyncio.sleep(3600)
asyncio.run(main())
PY
pids+=($!)
for _ in $(seq 1 600); do [ -f "$work/streams.ready" ] && break; sleep 0.1; done
sleep 1
clients=$(curl -sf http://127.0.0.1:18202/metrics | awk '$1 == "arrears_event_stream_clients" {print $2}')
held=$(rss)
echo "streams: $clients clients held; server RSS $((idle / 1024)) MB idle, $((held / 1024)) MB with them (limit 200 MB)"
