#!/usr/bin/env bash
# Peak memory of `badge-verify` (issue #14 §3, "Memory"): builds it with
# `--profile release-native` and runs examples/rss_hostile.rs, which serves large status lists
# on 127.0.0.1 (a server it starts and stops), writes 2,000 mixed inputs and runs the verifier
# under /usr/bin/time -v. Prints JSON with max_rss_mb (target: under 256). Extra arguments go to
# the driver (--verifier PATH to measure another build, --n, --big, --huge, --timeout-s).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile release-native -p badge-verify --bin badge-verify
cargo build -p badge-verify --example rss_hostile
exec timeout 1200 target/debug/examples/rss_hostile "$@"
