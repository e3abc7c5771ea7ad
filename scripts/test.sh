#!/usr/bin/env bash
# Runs every test: formatting and lints, native tests (core, CLI), the release build of the
# app, and the end-to-end tests in headless Chromium. Ends with one "total: N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --with-browser --with-python
export PATH="$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
out=$(mktemp -d)

log "cargo fmt --check"
cargo fmt --check
log "cargo clippy (native and wasm32)"
cargo clippy --workspace --all-targets -- -D warnings
# The core, the view and the app as the browser's first load builds them (the core without JSON
# Schema, the extended suites and the general JSON-LD expansion), natively too for the core.
cargo clippy --target wasm32-unknown-unknown -p badge-verifier -p badge-view -p badge-app --no-default-features --lib --bins -- -D warnings
cargo clippy -p badge-verifier --no-default-features --lib -- -D warnings
# The app's on-demand modules: crates/suites (the extended suites and the JSON-LD expansion) and
# crates/documents (PDFs and QR codes).
cargo clippy --target wasm32-unknown-unknown -p badge-suites -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p badge-documents -- -D warnings
# The npm package's binding (crates/js) with the full-feature core, as its .wasm is built.
cargo clippy --target wasm32-unknown-unknown -p badge-verifier-js -- -D warnings
# Issue #19: the same binding over the lean core, as the <open-badge> element's .wasm is built.
cargo clippy --target wasm32-unknown-unknown -p badge-verifier-js --no-default-features -- -D warnings

log "rustdoc of the library crates (no broken or private links)"
RUSTDOCFLAGS="-D warnings" cargo doc -p badge-verifier -p badge-view --no-deps --quiet

log "native tests"
cargo test --workspace 2>&1 | tee "$out/cargo.txt"
# The core's unit tests as the browser's first load builds it (issue #16): what it leaves to the
# on-demand module is reported as not checked, never passed.
cargo test -p badge-verifier --lib --no-default-features 2>&1 | tee -a "$out/cargo.txt"

log "release build of the app"
trunk build --release
node scripts/wasm-size.mjs dist
# Issue #19: the <open-badge> element and its lean verifier, built into dist/embed/ by Trunk's
# post_build hook (scripts/build-embed.sh); tests/e2e/embed.test.mjs uses them.
log "the <open-badge> element's sizes"
node scripts/embed-size.mjs dist/embed

# After the app's build, whose release dependencies the package's .wasm mostly shares.
log "npm package (crates/js): build, then its tests against the CLI, in Node and Chromium"
bash scripts/build-npm.sh
node --test --test-reporter=spec tests/npm/ 2>&1 | tee "$out/npm.txt"

log "end-to-end tests in headless Chromium"
node --test --test-reporter=spec tests/e2e/ 2>&1 | tee "$out/e2e.txt"

log "Python package (crates/python): maturin develop (debug), pytest"
# Issue #19: the extension built into target/py-venv, checked against the CLI's reports; the
# bulk example at 2,000 credentials on a 2-process Dask cluster. Uses the debug build that
# `cargo test --workspace` made above (the CLI, make_batch).
(cd crates/python && VIRTUAL_ENV="$PWD/../../target/py-venv" PATH="$PWD/../../target/py-venv/bin:$PATH" \
  maturin develop --quiet)
target/py-venv/bin/python -m pytest crates/python/tests -p no:cacheprovider 2>&1 | tee "$out/pytest.txt"

passed=$(grep -hoE 'test result: (ok|FAILED)\. [0-9]+ passed' "$out/cargo.txt" | awk '{s+=$4} END {print s+0}')
failed=$(grep -hoE '; [0-9]+ failed' "$out/cargo.txt" | awk '{s+=$2} END {print s+0}')
e2e_pass=$(grep -hoE '^ℹ pass [0-9]+' "$out/e2e.txt" | awk '{print $3}' | tail -1)
e2e_fail=$(grep -hoE '^ℹ fail [0-9]+' "$out/e2e.txt" | awk '{print $3}' | tail -1)
npm_pass=$(grep -hoE '^ℹ pass [0-9]+' "$out/npm.txt" | awk '{print $3}' | tail -1)
npm_fail=$(grep -hoE '^ℹ fail [0-9]+' "$out/npm.txt" | awk '{print $3}' | tail -1)
# pytest's closing line: "== 14 passed, 1 skipped in 40.1s ==" (or "1 failed, 13 passed, 1 error").
# awk, not grep: a grep that finds nothing ("0 failed" is not written) would end the script here.
py_pass=$(tail -1 "$out/pytest.txt" | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^passed/) s += $(i-1)} END {print s+0}')
py_fail=$(tail -1 "$out/pytest.txt" | awk '{for (i = 2; i <= NF; i++) if ($i ~ /^(failed|errors?)/) s += $(i-1)} END {print s+0}')
echo "total: $((passed + ${e2e_pass:-0} + ${npm_pass:-0} + ${py_pass:-0})) passed, $((failed + ${e2e_fail:-0} + ${npm_fail:-0} + ${py_fail:-0})) failed"
