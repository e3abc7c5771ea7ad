#!/bin/sh
# Bounded fuzzing run for CI: fuzz/run.sh SECONDS (default 60).
# Needs the nightly toolchain (`rustup toolchain list`) and cargo-fuzz (installed if missing).
# Seeds: the extraction fixtures. A crash leaves fuzz/artifacts/extract/crash-*: copy it to
# tests/fixtures/extract/fuzz-regressions/ so `cargo test --test extract_random` keeps it.
set -eu
SECONDS_TO_RUN="${1:-60}"
cd "$(dirname "$0")/.."
command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz --locked
mkdir -p fuzz/corpus/extract
cargo +nightly fuzz run extract fuzz/corpus/extract \
    tests/fixtures/extract tests/fixtures/extract/adversarial tests/fixtures/extract/fuzz-regressions \
    -- -max_total_time="$SECONDS_TO_RUN" -max_len=262144 -rss_limit_mb=2048 -timeout=10
