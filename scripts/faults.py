#!/usr/bin/env python3
"""Fault scripts against the release server (run by scripts/faults.sh, from .ci/run).

Each scenario prints its figures and raises on any loss or bound missed:
  pg-restart  PostgreSQL restarted under a 12-way write load: every acknowledged write is in the
              database afterwards, no payment without its balance change and audit event, no 500.
  sigterm     SIGTERM under load: the server exits 0 and every acknowledged write is stored.
  kill9       kill -9 on SQLite under writes: every acknowledged write is there after a restart,
              and the audit chain verifies.
  flood       a 10 s sign-in flood, 64 at a time, from many addresses (through a trusted proxy):
              RSS stays under 300 MB and a signed-in read's p95 under 1 s.
  pool        a pool of 2 connections, both stuck behind a table lock, under 200 concurrent
              reports: 200 or fast 503s, never 500.
  slow-body   a body that trickles in one byte a second gets 408 after the body timeout.

Only loopback addresses are used. Needs target/release/arrears, python3, psql and a PostgreSQL
server on 127.0.0.1:5432 (user postgres, trust).
"""

import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# ARREARS_BINARY: another build to try (bench/signin-flood.sh compares allocators with it).
BINARY = os.environ.get("ARREARS_BINARY") or os.path.join(ROOT, "target", "release", "arrears")
PG = "postgres://postgres@127.0.0.1:5432"
SECRET = "faults-" + "x" * 48
DEMO_PASSWORD = "arrears-demo-2026"


def psql(sql, db="postgres"):
    out = subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qtAc", sql],
                         check=True, capture_output=True, text=True)
    return out.stdout.strip()


class Server:
    def __init__(self, url, port, work, demo=False, env=None):
        self.url, self.port, self.work, self.demo = url, port, work, demo
        self.env = dict(os.environ, DATABASE_URL=url, ARREARS_BIND=f"127.0.0.1:{port}",
                        ARREARS_JWT_SECRET=SECRET, RUST_LOG="warn", **(env or {}))
        self.proc = None

    def start(self):
        log = open(os.path.join(self.work, f"server-{self.port}.log"), "a")
        args = [BINARY, "serve"] + (["--demo"] if self.demo else [])
        self.proc = subprocess.Popen(args, env=self.env, stdout=log, stderr=log)
        for _ in range(600):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/readyz", timeout=1)
                return self
            except Exception:
                if self.proc.poll() is not None:
                    break
                time.sleep(0.1)
        raise SystemExit(f"server on {self.port} did not start; see {log.name}")

    def rss_mb(self):
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
        return 0.0

    def stop(self, sig=signal.SIGTERM, timeout=40):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(sig)
            return self.proc.wait(timeout=timeout)
        return self.proc.returncode if self.proc else None


def call(port, method, path, token=None, body=None, headers=None, timeout=30):
    """(status, parsed body or None); status 0 when no answer came (refused, reset, timeout)."""
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", data=data, method=method)
    req.add_header("content-type", "application/json")
    if token:
        req.add_header("authorization", f"Bearer {token}")
    for k, v in (headers or {}).items():
        req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            raw = res.read()
            return res.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        try:
            return e.code, json.loads(raw)
        except ValueError:
            return e.code, None
    except Exception:
        return 0, None


def token(port, email):
    status, body = call(port, "POST", "/v1/auth/token", body={"email": email, "password": DEMO_PASSWORD})
    if status != 200:
        raise SystemExit(f"sign-in of {email} answered {status}: {body}")
    return body["access_token"]


class WriteLoad:
    """`threads` writers, each recording 1-cent payments on its own account and creating debtors,
    until stopped; remembers what was acknowledged."""

    def __init__(self, port, tok, accounts, threads=12):
        self.port, self.tok, self.accounts, self.threads = port, tok, accounts, threads
        self.payments, self.debtors, self.statuses, self.unanswered = [], [], {}, []
        self.lock, self.stopping = threading.Lock(), threading.Event()

    def _run(self, i):
        account, n = self.accounts[i % len(self.accounts)], 0
        while not self.stopping.is_set():
            n += 1
            if n % 2:
                path, key = f"/v1/accounts/{account}/payments", f"fault-{i}-{n}"
                payment = {"amount": 1, "method": "card", "reference": key}
                status, body = call(self.port, "POST", path, self.tok, payment, {"idempotency-key": key})
                acked = ("payment", account, body["id"]) if status == 201 else None
                if status in (0, 500, 503):
                    with self.lock:
                        self.unanswered.append((path, key, payment, account))
            else:
                status, body = call(self.port, "POST", "/v1/debtors", self.tok,
                                    {"name": f"Fault {i}-{n}", "timezone": "America/Chicago"})
                acked = ("debtor", None, body["id"]) if status == 201 else None
            with self.lock:
                self.statuses[status] = self.statuses.get(status, 0) + 1
                if acked and acked[0] == "payment":
                    self.payments.append(acked[1:])
                elif acked:
                    self.debtors.append(acked[2])
            if status in (0, 503):
                time.sleep(0.05)

    def __enter__(self):
        self.workers = [threading.Thread(target=self._run, args=(i,)) for i in range(self.threads)]
        for w in self.workers:
            w.start()
        return self

    def __exit__(self, *_):
        self.stopping.set()
        for w in self.workers:
            w.join()


def open_accounts(port, tok, n):
    status, body = call(port, "GET", f"/v1/accounts?status=open&limit={n}", tok)
    assert status == 200, (status, body)
    return [a["id"] for a in body["data"]]


def check_postgres_writes(db, load, balances_before):
    ids = ",".join(str(p[1]) for p in load.payments) or "0"
    stored = int(psql(f"SELECT count(*) FROM payments WHERE id IN ({ids})", db))
    audited = int(psql(f"SELECT count(DISTINCT entity_id) FROM audit_events WHERE entity_type = 'payment' AND entity_id IN ({ids})", db))
    debtor_ids = ",".join(str(d) for d in load.debtors) or "0"
    debtors = int(psql(f"SELECT count(*) FROM debtors WHERE id IN ({debtor_ids})", db))
    # Every payment of the load (acknowledged or not) moved its account's balance.
    moved = []
    for account, before in balances_before.items():
        paid = int(psql(f"SELECT coalesce(sum(amount), 0) FROM payments WHERE account_id = {account} AND reference LIKE 'fault-%'", db))
        now = int(psql(f"SELECT balance FROM accounts WHERE id = {account}", db))
        moved.append(before - now == paid)
    unaudited = int(psql("SELECT count(*) FROM payments p WHERE reference LIKE 'fault-%' AND NOT EXISTS "
                         "(SELECT 1 FROM audit_events e WHERE e.entity_type = 'payment' AND e.entity_id = p.id)", db))
    return stored, audited, debtors, all(moved), unaudited


def pg_restart(work):
    db = f"arrears_faults_{os.getpid()}"
    psql(f"CREATE DATABASE {db}")
    server = Server(f"{PG}/{db}", 18201, work, demo=True).start()
    try:
        tok = token(18201, "head@demo.arrears.dev")
        accounts = open_accounts(18201, tok, 12)
        balances = {a: int(psql(f"SELECT balance FROM accounts WHERE id = {a}", db)) for a in accounts}
        cluster = os.listdir("/etc/postgresql")[0]
        with WriteLoad(18201, tok, accounts) as load:
            time.sleep(3)
            subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", cluster, "main", "restart", "-m", "fast"],
                           check=True, capture_output=True)
            time.sleep(6)
        # A payment cut by the restart may be retried with its key at once: the key is released, not
        # held "in flight" until it is abandoned.
        retried = {}
        for path, key, payment, account in load.unanswered:
            status, body = call(18201, "POST", path, tok, payment, {"idempotency-key": key})
            retried[status] = retried.get(status, 0) + 1
            if status == 201:
                load.payments.append((account, body["id"]))
        print(f"pg-restart: payments cut by the restart, retried with their keys: {retried}")
        assert set(retried) <= {201}, "a retried Idempotency-Key was refused"
        stored, audited, debtors, moved, unaudited = check_postgres_writes(db, load, balances)
        print(f"pg-restart: answers {dict(sorted(load.statuses.items()))}; acknowledged payments "
              f"{len(load.payments)}, stored {stored}, audited {audited}; acknowledged debtors "
              f"{len(load.debtors)}, stored {debtors}; balances match payments: {moved}; "
              f"payments without audit event: {unaudited}")
        assert stored == len(load.payments) and audited == stored, "acknowledged payments lost"
        assert debtors == len(load.debtors), "acknowledged debtors lost"
        assert moved and unaudited == 0, "a payment without its balance change or audit event"
        assert load.statuses.get(500, 0) == 0, "a request cut by the restart answered 500"
        assert load.statuses.get(201, 0) > 0
    finally:
        server.stop()
        psql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


def sigterm(work):
    db = f"arrears_faults_term_{os.getpid()}"
    psql(f"CREATE DATABASE {db}")
    server = Server(f"{PG}/{db}", 18202, work, demo=True).start()
    try:
        tok = token(18202, "head@demo.arrears.dev")
        accounts = open_accounts(18202, tok, 12)
        balances = {a: int(psql(f"SELECT balance FROM accounts WHERE id = {a}", db)) for a in accounts}
        with WriteLoad(18202, tok, accounts) as load:
            time.sleep(3)
            code = server.stop(signal.SIGTERM)
            time.sleep(0.5)
        stored, audited, debtors, moved, unaudited = check_postgres_writes(db, load, balances)
        print(f"sigterm: exit code {code}; answers {dict(sorted(load.statuses.items()))}; "
              f"acknowledged payments {len(load.payments)}, stored {stored}; acknowledged debtors "
              f"{len(load.debtors)}, stored {debtors}")
        assert code == 0, f"the server exited {code} on SIGTERM"
        assert stored == len(load.payments) and debtors == len(load.debtors) and moved
        assert load.statuses.get(500, 0) == 0
    finally:
        server.stop()
        psql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


def kill9(work):
    path = os.path.join(work, "kill9.db")
    server = Server(f"sqlite://{path}", 18203, work, demo=True).start()
    tok = token(18203, "head@demo.arrears.dev")
    accounts = open_accounts(18203, tok, 12)
    with WriteLoad(18203, tok, accounts) as load:
        time.sleep(3)
        server.proc.kill()
        server.proc.wait()
    server = Server(f"sqlite://{path}", 18203, work).start()
    try:
        tok = token(18203, "auditor@demo.arrears.dev")
        missing = [p for p in load.payments if call(18203, "GET", f"/v1/accounts/{p[0]}/payments?limit=500", tok)[0] != 200]
        status, verdict = call(18203, "GET", "/v1/audit-events/verify", tok)
        import sqlite3
        conn = sqlite3.connect(path)
        ids = [p[1] for p in load.payments]
        stored = sum(conn.execute(f"SELECT count(*) FROM payments WHERE id IN ({','.join(map(str, ids)) or '0'})").fetchone())
        debtors = sum(conn.execute(f"SELECT count(*) FROM debtors WHERE id IN ({','.join(map(str, load.debtors)) or '0'})").fetchone())
        conn.close()
        print(f"kill9 (SQLite): answers {dict(sorted(load.statuses.items()))}; acknowledged payments "
              f"{len(load.payments)}, stored {stored}; acknowledged debtors {len(load.debtors)}, stored "
              f"{debtors}; audit chain: {status} {verdict}")
        assert not missing and stored == len(ids) and debtors == len(load.debtors), "acknowledged writes lost"
        assert status == 200 and verdict.get("ok") is True, "the audit chain does not verify"
    finally:
        server.stop()


def flood(work):
    db = f"arrears_faults_flood_{os.getpid()}"
    psql(f"CREATE DATABASE {db}")
    server = Server(f"{PG}/{db}", 18204, work, demo=True, env={"ARREARS_TRUSTED_PROXIES": "127.0.0.1"}).start()
    try:
        tok = token(18204, "head@demo.arrears.dev")
        account = open_accounts(18204, tok, 1)[0]
        start_rss, peak = server.rss_mb(), server.rss_mb()
        statuses, reads, lock, stop = {}, [], threading.Lock(), threading.Event()

        def attacker(i):
            n = 0
            while not stop.is_set():
                n += 1
                hop = f"10.{i}.{n // 250 % 250}.{n % 250}"
                status, _ = call(18204, "POST", "/v1/auth/token", body={"email": f"nobody{i}-{n}@example.com", "password": "x"},
                                 headers={"x-forwarded-for": hop})
                with lock:
                    statuses[status] = statuses.get(status, 0) + 1

        def reader():
            while not stop.is_set():
                t = time.monotonic()
                status, _ = call(18204, "GET", f"/v1/accounts/{account}", tok)
                with lock:
                    reads.append((status, time.monotonic() - t))
                time.sleep(0.05)

        threads = [threading.Thread(target=attacker, args=(i,)) for i in range(64)] + [threading.Thread(target=reader)]
        for t in threads:
            t.start()
        end = time.monotonic() + 10
        while time.monotonic() < end:
            peak = max(peak, server.rss_mb())
            time.sleep(0.2)
        stop.set()
        for t in threads:
            t.join()
        peak = max(peak, server.rss_mb())
        times = sorted(d for s, d in reads if s == 200)
        p95 = times[int(len(times) * 0.95) - 1] if times else float("inf")
        failed_reads = sum(1 for s, _ in reads if s != 200)
        print(f"flood: sign-ins {dict(sorted(statuses.items()))}; RSS {start_rss:.0f} MB -> peak {peak:.0f} MB; "
              f"signed-in reads {len(reads)}, p95 {p95 * 1000:.0f} ms, failed {failed_reads}")
        assert peak < 300, f"RSS peaked at {peak:.0f} MB"
        assert p95 < 1.0, f"signed-in read p95 {p95:.2f} s"
        assert statuses.get(500, 0) == 0
    finally:
        server.stop()
        psql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


def pool(work):
    db = f"arrears_faults_pool_{os.getpid()}"
    psql(f"CREATE DATABASE {db}")
    server = Server(f"{PG}/{db}", 18205, work, demo=True, env={"ARREARS_DB_POOL_SIZE": "2"}).start()
    try:
        tok = token(18205, "head@demo.arrears.dev")
        results, lock = [], threading.Lock()
        paths = ["/v1/reports/aging", "/v1/reports/forecast", "/v1/reports/collections?from=2026-01-01&to=2026-12-31"]

        def one(i):
            t = time.monotonic()
            status, _ = call(18205, "GET", paths[i % 3], tok, timeout=60)
            with lock:
                results.append((status, time.monotonic() - t))

        # The accounts table locked for 4 s: the first two reports hold both connections while
        # they wait for it; the other 198 must get 503 when no connection frees up in time.
        locker = subprocess.Popen(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", db, "-qc",
                                   "BEGIN; LOCK TABLE accounts IN ACCESS EXCLUSIVE MODE; SELECT pg_sleep(4); COMMIT;"],
                                  stdout=subprocess.DEVNULL)
        time.sleep(0.5)
        threads = [threading.Thread(target=one, args=(i,)) for i in range(200)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        locker.wait()
        counts = {}
        for s, _ in results:
            counts[s] = counts.get(s, 0) + 1
        slowest_503 = max((d for s, d in results if s == 503), default=0)
        slowest = max(d for _, d in results)
        print(f"pool of 2, 200 concurrent reports: {dict(sorted(counts.items()))}; slowest 503 "
              f"{slowest_503 * 1000:.0f} ms; slowest answer {slowest * 1000:.0f} ms")
        assert set(counts) <= {200, 503}, "a report answered neither 200 nor 503"
        assert counts.get(503, 0) > 0, "the saturated pool answered no 503"
        assert slowest_503 < 3.5, "a 503 took longer than the checkout timeout"
    finally:
        server.stop()
        psql(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")


def slow_body(work):
    path = os.path.join(work, "slow.db")
    server = Server(f"sqlite://{path}", 18206, work, demo=True, env={"ARREARS_BODY_TIMEOUT_SECONDS": "2"}).start()
    try:
        body = json.dumps({"email": "agent.north@demo.arrears.dev", "password": DEMO_PASSWORD}).encode()
        s = socket.create_connection(("127.0.0.1", 18206), timeout=30)
        s.sendall(b"POST /v1/auth/token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                  + f"Content-Length: {len(body)}\r\n\r\n".encode())
        started, answer = time.monotonic(), b""
        for byte in body:
            try:
                s.sendall(bytes([byte]))
            except OSError:
                break
            s.settimeout(1.0)
            try:
                answer = s.recv(4096)
                if answer:
                    break
            except socket.timeout:
                pass
        took = time.monotonic() - started
        s.close()
        status_line = answer.split(b"\r\n", 1)[0].decode(errors="replace")
        print(f"slow body: answered {status_line!r} after {took:.1f} s (timeout 2 s)")
        assert b" 408 " in answer.split(b"\r\n", 1)[0], "a trickling body was not cut with 408"
        assert b"application/problem+json" in answer
    finally:
        server.stop()


SCENARIOS = {"slow-body": slow_body, "pool": pool, "flood": flood, "kill9": kill9, "sigterm": sigterm, "pg-restart": pg_restart}


def main():
    names = sys.argv[1:] or list(SCENARIOS)
    with tempfile.TemporaryDirectory() as work:
        for name in names:
            started = time.monotonic()
            try:
                SCENARIOS[name](work)
            except BaseException:
                for log in sorted(os.listdir(work)):
                    if log.endswith(".log"):
                        print(f"--- {log}:\n" + open(os.path.join(work, log)).read()[-3000:])
                raise
            print(f"  ({name}: {time.monotonic() - started:.0f} s)")
    print("faults: every scenario passed")


if __name__ == "__main__":
    main()
