#!/usr/bin/env bash
# The sign-in flood of scripts/faults.py (10 s, 64 at a time, a new address and unknown email per
# attempt through a trusted proxy, so the throttle lets most through to the password pool) against
# the release build with mimalloc and against one with glibc's malloc, built here with
# `cargo build --release --no-default-features` into target/glibc. Prints RSS and read p95 of each.
# Needs PostgreSQL on 127.0.0.1:5432.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
cargo build --release --quiet --no-default-features --target-dir target/glibc
for build in target/release/arrears target/glibc/release/arrears; do
  echo "== $build"
  ARREARS_BINARY="$build" python3 scripts/faults.py flood | grep '^flood'
done
