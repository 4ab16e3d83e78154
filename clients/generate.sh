#!/usr/bin/env bash
# Regenerates the committed clients from openapi/openapi.json with pinned tools:
#   clients/python      openapi-python-client (clients/tools/requirements.txt, clients/tools/python-client.yml)
#   clients/typescript  openapi-typescript (clients/typescript/package-lock.json) → schema.d.ts
# Usage: clients/generate.sh          rewrite the committed clients
#        clients/generate.sh --check  fail (exit 1) when they differ from what the tools generate
# Never edit the generated files by hand: fix the OpenAPI (the Rust code) and run this.
set -euo pipefail
cd "$(dirname "$0")/.."
check=false
[ "${1:-}" = "--check" ] && check=true

tools=target/client-tools
if ! cmp -s clients/tools/requirements.txt "$tools/requirements.txt"; then
  rm -rf "$tools/venv"
  mkdir -p "$tools"
  python3 -m venv "$tools/venv"
  "$tools/venv/bin/pip" install --quiet --disable-pip-version-check -r clients/tools/requirements.txt
  cp clients/tools/requirements.txt "$tools/requirements.txt"
fi
(cd clients/typescript && npm ci --silent --no-audit --no-fund)

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
# The generator's ruff post-hooks run from the venv.
PATH="$PWD/$tools/venv/bin:$PATH" openapi-python-client generate --path openapi/openapi.json \
  --config clients/tools/python-client.yml --meta setup --output-path "$out/python" >"$out/python.log" 2>&1 ||
  { cat "$out/python.log"; exit 1; }
rm -rf "$out/python/.ruff_cache"  # the formatter's cache, not part of the client
if grep -q "^WARNING" "$out/python.log"; then
  cat "$out/python.log"
  echo "openapi-python-client skipped part of the document: fix the OpenAPI"
  exit 1
fi
(cd clients/typescript && npx --no-install openapi-typescript ../../openapi/openapi.json --output "$out/schema.d.ts" --silent)

if $check; then
  stale=0
  diff -r "$out/python" clients/python >/dev/null || { diff -r "$out/python" clients/python | head -40; stale=1; }
  cmp -s "$out/schema.d.ts" clients/typescript/schema.d.ts || { diff "$out/schema.d.ts" clients/typescript/schema.d.ts | head -40; stale=1; }
  if [ "$stale" = 1 ]; then
    echo "the committed clients are stale: run clients/generate.sh"
    exit 1
  fi
  echo "clients/python and clients/typescript match openapi/openapi.json"
else
  rm -rf clients/python
  cp -r "$out/python" clients/python
  cp "$out/schema.d.ts" clients/typescript/schema.d.ts
  echo "regenerated clients/python and clients/typescript/schema.d.ts"
fi
