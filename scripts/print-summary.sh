#!/usr/bin/env bash
# Prints the management report's HTML page to PDF in headless Chromium (Debian's `chromium`
# package; installed when missing and apt-get can) with the network cut off, and fails on a
# console message, a failed request or an empty PDF. `--update-docs` also writes the first page
# as docs/summary-page.png (committed, shown in the README).
# Needs target/release/arrears. Usage: scripts/print-summary.sh [--update-docs]
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null; then
  if command -v apt-get >/dev/null; then
    apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; }
  fi
  command -v chromium >/dev/null || { echo "chromium is not installed (Debian: apt-get install chromium)"; exit 1; }
fi
work=$(mktemp -d)
port=18096
server=
cleanup() {
  [ -n "$server" ] && { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
  rm -rf "$work"
}
trap cleanup EXIT
DATABASE_URL="sqlite://$work/print.db" ARREARS_BIND="127.0.0.1:$port" \
  ARREARS_JWT_SECRET="print-secret-print-secret-print-secret" RUST_LOG=warn \
  target/release/arrears serve --demo >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 300); do curl -sf "http://127.0.0.1:$port/readyz" >/dev/null && break; sleep 0.1; done
token=$(curl -sf -X POST "http://127.0.0.1:$port/v1/auth/token" -H 'content-type: application/json' \
  -d '{"email": "head@demo.arrears.dev", "password": "arrears-demo-2026"}' | python3 -c 'import json,sys; print(json.load(sys.stdin)["access_token"])')
curl -sf "http://127.0.0.1:$port/v1/reports/summary?period=month" -H "Authorization: Bearer $token" \
  -H 'accept: text/html' -o "$work/summary.html"
grep -q '<svg' "$work/summary.html" || { echo "the page has no chart"; exit 1; }
if grep -Eq '<script|https?://|<link|src=' "$work/summary.html"; then
  echo "the page refers to a script or an external asset"; exit 1
fi
# No network at all: a page that tried to load anything would log a failed request.
chrome=(chromium --headless --no-sandbox --disable-gpu --no-first-run --host-resolver-rules='MAP * ~NOTFOUND'
  --enable-logging=stderr --v=0 --user-data-dir="$work/profile")
"${chrome[@]}" --no-pdf-header-footer --print-to-pdf="$work/summary.pdf" "file://$work/summary.html" 2>"$work/chromium.log" || true
if grep -E 'CONSOLE|Failed to load|ERR_NAME_NOT_RESOLVED' "$work/chromium.log"; then
  echo "Chromium reported a console message or a failed load (above)"; exit 1
fi
[ -s "$work/summary.pdf" ] || { cat "$work/chromium.log"; echo "no PDF was printed"; exit 1; }
pages=$(grep -ac '/Type /Page$\|/Type /Page[^s]' "$work/summary.pdf" || true)
echo "printed the management report: $(wc -c <"$work/summary.pdf") bytes, ${pages:-?} page object(s)"
if [ "${1:-}" = "--update-docs" ]; then
  mkdir -p docs
  "${chrome[@]}" --hide-scrollbars --window-size=820,1160 --screenshot="$PWD/docs/summary-page.png" \
    "file://$work/summary.html" 2>>"$work/chromium.log" || true
  [ -s docs/summary-page.png ] || { cat "$work/chromium.log"; echo "no screenshot"; exit 1; }
  echo "wrote docs/summary-page.png"
fi
