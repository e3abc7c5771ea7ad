#!/usr/bin/env bash
# Sets everything up and serves the app at http://127.0.0.1:8080 (release build).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH" TRUNK_SKIP_VERSION_CHECK=true
# Live reload is an inline script, which the page's CSP forbids.
exec trunk serve --release --no-autoreload "$@"
