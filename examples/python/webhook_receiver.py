"""A webhook receiver that verifies arrears' signatures (standard library only).

Every delivery is a POST of the event as JSON with these headers:

    Arrears-Event-Id:   the event's id (its position in the feed; `ping-<n>` for a ping)
    Arrears-Event-Type: e.g. payment.recorded
    Arrears-Signature:  t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>

`verify` below is what a real receiver needs: recompute the HMAC over the raw body with the
secret you were shown when the webhook was created, compare in constant time, and refuse old
timestamps (replays). Answer any 2xx quickly; do slow work after answering. Deliveries are at
least once: deduplicate on Arrears-Event-Id.

Run against a server that may call a local receiver (ARREARS_WEBHOOK_ALLOW_HTTP=true and
ARREARS_WEBHOOK_ALLOW_PRIVATE=true), as examples/run.sh does:

    ARREARS_URL=http://127.0.0.1:8080 python examples/python/webhook_receiver.py

It signs in as the demo admin, subscribes a local receiver to payment.recorded, pings it,
records a payment as the demo head, and exits 0 once both deliveries arrived with valid
signatures (non-zero on any bad signature or after 30 s).
"""

import hashlib
import hmac
import json
import os
import sys
import threading
import time
import urllib.request
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BASE = os.environ.get("ARREARS_URL", "http://127.0.0.1:8080")
PASSWORD = os.environ.get("ARREARS_PASSWORD", "arrears-demo-2026")
TOLERANCE_SECONDS = 300


def verify(secret: str, header: str, body: bytes, now: float) -> bool:
    """True when `header` signs `body` with `secret` and is at most 5 minutes old."""
    try:
        parts = dict(item.split("=", 1) for item in header.split(","))
        timestamp = int(parts["t"])
        given = parts["v1"]
    except (KeyError, ValueError):
        return False
    if abs(now - timestamp) > TOLERANCE_SECONDS:
        return False
    signed = f"{timestamp}.".encode() + body
    expected = hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, given)


def call(method: str, path: str, token: str | None = None, body: dict | None = None) -> dict:
    headers = {"Content-Type": "application/json", "Idempotency-Key": str(uuid.uuid4())}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body if body is not None else {}).encode()
    request = urllib.request.Request(BASE + path, data=data if method != "GET" else None, headers=headers, method=method)
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.loads(response.read() or b"{}")


def sign_in(email: str) -> str:
    return call("POST", "/v1/auth/token", body={"email": email, "password": PASSWORD})["access_token"]


class Inbox:
    def __init__(self) -> None:
        self.secret = ""
        self.events: dict[str, str] = {}
        self.bad = 0
        self.lock = threading.Lock()


INBOX = Inbox()


class Handler(BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        ok = verify(INBOX.secret, self.headers.get("Arrears-Signature", ""), body, time.time())
        with INBOX.lock:
            if ok:
                event_id = self.headers.get("Arrears-Event-Id", "")
                INBOX.events[event_id] = self.headers.get("Arrears-Event-Type", "")
            else:
                INBOX.bad += 1
        self.send_response(204 if ok else 400)
        self.end_headers()

    def log_message(self, *args) -> None:
        pass


def main() -> int:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/arrears"
    admin = sign_in("admin@demo.arrears.dev")
    hook = call("POST", "/v1/webhooks", admin, {"url": url, "event_types": ["payment.recorded"], "description": "example receiver"})
    INBOX.secret = hook["secret"]
    print(f"webhook {hook['id']} → {url} (secret shown once, kept in memory)")
    call("POST", f"/v1/webhooks/{hook['id']}/ping", admin)
    head = sign_in("head@demo.arrears.dev")
    account = call("GET", "/v1/accounts?status=open&limit=1", head)["data"][0]
    call("POST", f"/v1/accounts/{account['id']}/payments", head, {"amount": 100, "method": "card"})
    print(f"recorded a payment of 1.00 on account {account['id']}; waiting for the deliveries")
    deadline = time.time() + 30
    while time.time() < deadline:
        with INBOX.lock:
            types = sorted(set(INBOX.events.values()))
            if INBOX.bad:
                print(f"{INBOX.bad} delivery(ies) with a bad signature", file=sys.stderr)
                return 1
        if types == ["payment.recorded", "ping"]:
            print(f"received, signatures valid: {types}")
            log = call("GET", f"/v1/webhooks/{hook['id']}/deliveries", admin)["data"]
            for d in log:
                print(f"  delivery {d['id']}: {d['event_type']} {d['status']} {d['last_status_code']} in {d['last_duration_ms']} ms")
            return 0
        time.sleep(0.2)
    print(f"timed out; received {INBOX.events}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
