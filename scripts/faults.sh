#!/usr/bin/env bash
# Fault scripts against the release server: PostgreSQL restarted under write load, SIGTERM under
# load, kill -9 on SQLite, the sign-in flood with its memory bound, a pool of 2 under 200 reports,
# a trickling body. Prints the figures; fails on any loss. Scenarios: scripts/faults.py.
# Needs target/release/arrears and PostgreSQL on 127.0.0.1:5432; restarts that server (as root).
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/faults.py "$@"
