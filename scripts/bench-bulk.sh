#!/usr/bin/env bash
# Issue #19: bulk verification on Dask with 1, 2 and 4 worker processes (BENCHMARKS.md).
# Builds the Python package as an optimized wheel (`release-native`: opt-level 3, fat LTO,
# panic = unwind, so a panic stays one input's error report) into its own virtualenv,
# target/py-venv-bench (the test venv keeps its debug build; the venv is made here, like
# scripts/setup.sh --with-python makes the test one), then runs
# crates/python/examples/bulk.py. Usage: scripts/bench-bulk.sh [--n 100000] [--workers 1,2,4] …
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=target/py-venv-bench
if [ ! -x "$VENV/bin/python" ] || ! cmp -s crates/python/requirements-dev.txt "$VENV/.requirements-dev.txt"; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: -r crates/python/requirements-dev.txt
  cp crates/python/requirements-dev.txt "$VENV/.requirements-dev.txt"
fi
rm -rf target/wheels-bench
"$VENV/bin/maturin" build --quiet --profile release-native -m crates/python/Cargo.toml --out target/wheels-bench
"$VENV/bin/pip" install --quiet --disable-pip-version-check --force-reinstall --no-deps target/wheels-bench/*.whl
cargo build --quiet --profile release-native -p badge-verifier-py --example make_batch
exec "$VENV/bin/python" crates/python/examples/bulk.py "$@"
