#!/usr/bin/env bash
# Builds the <open-badge> element (issue #19) into target/embed/:
#   open-badge.js                      the element (embed/open-badge.js, as written)
#   verifier/web/index.mjs, driver.mjs, fetch.mjs  the npm package's browser wrapper (crates/js/npm/)
#   verifier/web/badge_verifier.js     wasm-bindgen's `web` glue (and its snippets/)
#   verifier/web/badge_verifier_bg.wasm the core built lean: crates/js without default features,
#                                      the core as the app's first load has it (no JSON Schema,
#                                      extended suites, general JSON-LD expansion, HTML pages,
#                                      QR codes or PDFs; those badges say `full-verifier`)
# and checks their brotli sizes against the budgets in BENCHMARKS.md.
# Usage: scripts/build-embed.sh [--into DIR]   (also copies target/embed/ to DIR/embed/)
# Trunk's post_build hook runs it with --into its staging directory, so every app build serves
# /embed/open-badge.js beside the app. The .wasm is rebuilt only when cargo's output changed.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

into=""
case "${1:-}" in
  --into) into="${2:?usage: scripts/build-embed.sh [--into DIR]}" ;;
  "") ;;
  *) echo "usage: scripts/build-embed.sh [--into DIR]" >&2; exit 2 ;;
esac

out=target/embed
wasm=target/wasm32-unknown-unknown/release/badge_verifier_js.wasm
log "embed: cargo build -p badge-verifier-js --no-default-features (wasm32, release)"
# `release` is the app's size-tuned profile (opt-level z, fat LTO): the embed is fetched by
# every visitor of every page that shows a badge.
cargo build -p badge-verifier-js --lib --target wasm32-unknown-unknown --release --no-default-features

mkdir -p "$out/verifier/web"
stamp="$out/verifier/.built-from"
sum=$(sha256sum "$wasm" | cut -d' ' -f1)
if [ "$(cat "$stamp" 2>/dev/null)" != "$sum" ] || [ ! -f "$out/verifier/web/badge_verifier_bg.wasm" ]; then
  work=$(mktemp -d target/embed-work.XXXXXX)
  trap 'rm -rf "$work"' EXIT
  log "embed: wasm-bindgen --target web, wasm-opt -Oz"
  wasm-bindgen --target web --out-dir "$work" --out-name badge_verifier "$wasm"
  # The app's wasm-opt flags (index.html, scripts/build-npm.sh).
  wasm-opt -Oz --strip-producers --strip-target-features --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "$work/badge_verifier_bg.wasm" -o "$out/verifier/web/badge_verifier_bg.wasm"
  # The glue and its snippets/ (the crate's inline JavaScript), without the TypeScript types.
  rm -rf "$out/verifier/web/snippets"
  (cd "$work" && find . -type f ! -name '*.wasm' ! -name '*.d.ts' -print0) |
    while IFS= read -r -d '' f; do
      mkdir -p "$out/verifier/web/$(dirname "$f")"
      cp "$work/$f" "$out/verifier/web/$f"
    done
  echo "$sum" > "$stamp"
fi
# The package's browser wrapper (the same verify() as the npm package; it compiles the .wasm
# once per page and replaces a trapped instance) and the element itself.
cp crates/js/npm/web.mjs "$out/verifier/web/index.mjs"
cp crates/js/npm/driver.mjs crates/js/npm/fetch.mjs "$out/verifier/"
cp embed/open-badge.js "$out/open-badge.js"

# Sizes and budgets (BENCHMARKS.md, issue #19 "The <open-badge> element").
node scripts/embed-size.mjs "$out"

if [ -n "$into" ]; then
  rm -rf "$into/embed"
  mkdir -p "$into/embed"
  cp -R "$out/open-badge.js" "$out/verifier" "$into/embed/"
  rm -f "$into/embed/verifier/.built-from"
  echo "embed: copied to $into/embed/"
fi
