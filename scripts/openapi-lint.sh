#!/usr/bin/env bash
# Lints openapi/openapi.json with Redocly (`recommended`) and Spectral (`spectral:oas`), versions
# pinned in scripts/openapi-lint/package-lock.json; fails on any error or warning.
set -euo pipefail
cd "$(dirname "$0")/.."
lint=scripts/openapi-lint
(cd "$lint" && npm ci --silent --no-audit --no-fund)
doc="$PWD/openapi/openapi.json"
# Redocly fails only on errors; its totals decide here, warnings included.
out=$(mktemp)
trap 'rm -f "$out"' EXIT
(cd "$lint" && REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true \
  node_modules/.bin/redocly lint "$doc" --config redocly.yaml --format json >"$out" 2>/dev/null) || true
python3 - "$out" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
for p in report.get("problems", []):
    where = p.get("location", [{}])[0].get("pointer", "")
    print(f"redocly {p.get('severity')} {p.get('ruleId')}: {p.get('message')} at {where}")
totals = report.get("totals", {})
print(f"redocly: {totals.get('errors', '?')} errors, {totals.get('warnings', '?')} warnings")
sys.exit(1 if totals.get("errors") != 0 or totals.get("warnings") != 0 else 0)
PY
(cd "$lint" && node_modules/.bin/spectral lint "$doc" --ruleset .spectral.yaml --fail-severity hint)
