#!/usr/bin/env bash
# Installs what building and testing need, from package registries only (crates.io, npm, apt).
# Idempotent: every step checks first. Usage: scripts/setup.sh [--with-browser]
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14   # 0.22 needs a newer rustc than this machine's 1.95
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

rustup target list --installed 2>/dev/null | grep -q '^wasm32-unknown-unknown$' || {
  log "adding the wasm32 target"; rustup target add wasm32-unknown-unknown; }
rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy rustfmt

if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION"; then
  log "installing trunk $TRUNK_VERSION (about 6 minutes)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# Trunk must use exactly the wasm-bindgen the lockfile pins, or it tries to download one.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WBG_VERSION"; then
  log "installing wasm-bindgen-cli $WBG_VERSION (about 2 minutes)"
  # Not --locked: its lockfile pins a webpki-roots the registry no longer has.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# wasm-opt from npm's binaryen (Debian's wasm-opt 108 silently breaks the app), and playwright-core.
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/playwright-core ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm tools (binaryen, playwright-core)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--with-browser" ] && [ ! -x /usr/bin/chromium ]; then
  log "installing Debian's chromium"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq chromium >/dev/null
fi
# A CJK font, so the zh-TW screenshots the e2e tests take show Chinese, not empty boxes.
if [ "${1:-}" = "--with-browser" ] && [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; then
  log "installing Debian's fonts-wqy-microhei"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq fonts-wqy-microhei >/dev/null
fi

# Issue #19: the Python package (crates/python) and its bulk example need a virtualenv with
# maturin, pytest and Dask (pinned in crates/python/requirements-dev.txt), from PyPI as wheels
# only (maturin's wheel carries its binary: nothing is downloaded from elsewhere). Never the
# system site-packages: the venv lives in target/py-venv.
if [[ " $* " == *" --with-python "* ]]; then
  PY_VENV=target/py-venv
  PY_REQS=crates/python/requirements-dev.txt
  if [ ! -x "$PY_VENV/bin/python" ] || ! cmp -s "$PY_REQS" "$PY_VENV/.requirements-dev.txt"; then
    log "installing the Python test tools into $PY_VENV (maturin, pytest, dask[distributed])"
    python3 -m venv "$PY_VENV"
    "$PY_VENV/bin/pip" install --quiet --disable-pip-version-check --only-binary=:all: -r "$PY_REQS"
    cp "$PY_REQS" "$PY_VENV/.requirements-dev.txt"
  fi
fi
