#!/usr/bin/env bash
# Runs the client examples against the release server on a fresh database with the demo data:
# examples/python/agent_day.py, examples/python/manager_report.py (the generated Python client),
# examples/python/webhook_receiver.py (signature checks, standard library only), then
# examples/typescript/team_lead.ts and live_queue.ts (the event stream) (type-checked first;
# openapi-typescript + openapi-fetch). The server may call local webhook receivers here.
# Usage: examples/run.sh [DATABASE_URL]   (default: a temporary SQLite file)
# Needs: target/release/arrears built; python3; node and npm. Versions: clients/tools/, the
# package-lock.json files.
set -euo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d)
database_url=${1:-"sqlite://$work/examples.db"}
port=18097
DATABASE_URL="$database_url" ARREARS_BIND="127.0.0.1:$port" RUST_LOG=warn \
  ARREARS_WEBHOOK_ALLOW_HTTP=true ARREARS_WEBHOOK_ALLOW_PRIVATE=true \
  target/release/arrears serve --demo >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; wait $server 2>/dev/null || true; rm -rf "$work"' EXIT

# The Python client as a user installs it (from a copy, so the build leaves no files in
# clients/python), with the pinned versions of its dependencies.
venv=target/client-tools/examples-venv
if ! cmp -s clients/tools/examples-requirements.txt "$venv/requirements.txt"; then
  rm -rf "$venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check -r clients/tools/examples-requirements.txt
  cp clients/tools/examples-requirements.txt "$venv/requirements.txt"
fi
cp -r clients/python "$work/client"
"$venv/bin/pip" install --quiet --disable-pip-version-check --no-deps --force-reinstall "$work/client"
(cd examples/typescript && npm ci --silent --no-audit --no-fund && npx --no-install tsc --noEmit)

for _ in $(seq 1 100); do
  curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break
  sleep 0.1
done
curl -sf "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$work/server.log"; echo "server did not start"; exit 1; }

export ARREARS_URL="http://127.0.0.1:$port"
echo "--- examples/python/agent_day.py"
"$venv/bin/python" examples/python/agent_day.py
echo "--- examples/python/manager_report.py"
"$venv/bin/python" examples/python/manager_report.py
echo "--- examples/python/webhook_receiver.py"
"$venv/bin/python" examples/python/webhook_receiver.py
echo "--- examples/typescript/team_lead.ts"
(cd examples/typescript && npx --no-install tsx team_lead.ts)
echo "--- examples/typescript/live_queue.ts"
(cd examples/typescript && npx --no-install tsx live_queue.ts)
