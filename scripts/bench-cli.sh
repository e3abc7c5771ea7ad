#!/usr/bin/env bash
# CLI throughput (issue #8): builds `badge-verify` and the benchmark driver with
# `--profile release-native`, then runs examples/bench_cli.rs: 1,000 OB 3.0 eddsa-rdfc-2022
# credential files, issuer profiles and status lists served on 127.0.0.1 by a server the driver
# starts and stops (bounded by --timeout-s). Prints JSON (credentials per second, fetches per
# URL) on stdout, a summary on stderr. Extra arguments go to the driver (--n, --runs, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile release-native -p badge-verify --bin badge-verify --example bench_cli
exec timeout 900 target/release-native/examples/bench_cli --verifier target/release-native/badge-verify "$@"
