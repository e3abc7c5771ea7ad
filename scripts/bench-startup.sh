#!/usr/bin/env bash
# Start-up (issue #19 item 4): whole `badge-verify --json --at …` processes over 200 OB 3.0
# eddsa-rdfc-2022 credential files (20 did:key issuers, no status, no network), and over 1 (pure
# start-up), against the reference JavaScript verifier (Digital Bazaar's W3C VC stack, pinned in
# scripts/bench-js-reference/package-lock.json) warm in Node on the same files in the same run.
# Builds `badge-verify` and the driver (crates/cli/examples/bench_startup.rs) with
# `--profile release-native`; installs the JS verifier's packages (npm ci, from the npm registry)
# into scripts/bench-js-reference/node_modules when they are not there. A benchmark, not a test:
# CI does not run it. Prints one JSON line on stdout, a summary on stderr. Extra arguments go to
# the driver (--n 200, --runs 21, --js-warmup 2, --js-passes 5, --timeout-s 900).
# OURS_NPM_PKG=path/to/entry.mjs also times the project's own npm package (wasm in Node); unset, the
# script uses target/npm/badge-verifier/node/index.mjs when scripts/build-npm.sh has built it.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile release-native -p badge-verify --bin badge-verify --example bench_startup
js=scripts/bench-js-reference
if [ ! -d "$js/node_modules/@digitalbazaar/vc" ]; then
  (cd "$js" && npm ci --no-audit --no-fund >&2)
fi
ours=target/npm/badge-verifier/node/index.mjs
if [ -z "${OURS_NPM_PKG:-}" ] && [ -f "$ours" ]; then
  # The npm package of crates/js, as scripts/build-npm.sh left it (not rebuilt here).
  export OURS_NPM_PKG="$PWD/$ours"
fi
echo "our npm package: ${OURS_NPM_PKG:-none (build it with scripts/build-npm.sh)}" >&2
exec timeout 1200 target/release-native/examples/bench_startup \
  --verifier target/release-native/badge-verify "$@"
