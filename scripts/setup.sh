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
