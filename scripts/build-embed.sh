#!/usr/bin/env bash
# Builds the <open-badge> element (issue #19) into target/embed/:
#   open-badge.js                      the element (embed/open-badge.js, as written)
#   verifier/web/index.mjs, driver.mjs, fetch.mjs  the npm package's browser wrapper (crates/js/npm/)
#   verifier/web/badge_verifier.js     wasm-bindgen's `web` glue (and its snippets/)
#   verifier/web/badge_verifier_bg.wasm the core built lean: crates/js without default features,
#                                      the core as the app's first load has it (no JSON Schema,
#                                      extended suites, general JSON-LD expansion, HTML pages,
#                                      QR codes or PDFs; those badges say `full-verifier`)
#   verifier-full/…                    the same with every feature (the npm package's build),
#                                      fetched only for a badge the lean one leaves to it
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
# wasm-bindgen's `web` glue and wasm-opt -Oz of `$1` into `$2/web/` (skipped when `$1` is the
# one last made there), then the npm package's browser wrapper beside it: the same verify() as
# the package, which compiles the .wasm once per page and replaces a trapped instance.
bindgen_into() {
  local wasm=$1 dir=$2 sum work
  mkdir -p "$dir/web"
  sum=$(sha256sum "$wasm" | cut -d' ' -f1)
  if [ "$(cat "$dir/.built-from" 2>/dev/null)" != "$sum" ] || [ ! -f "$dir/web/badge_verifier_bg.wasm" ]; then
    work=$(mktemp -d target/embed-work.XXXXXX)
    log "embed: wasm-bindgen --target web, wasm-opt -Oz → $dir"
    wasm-bindgen --target web --out-dir "$work" --out-name badge_verifier "$wasm"
    # The app's wasm-opt flags (index.html, scripts/build-npm.sh).
    wasm-opt -Oz --strip-producers --strip-target-features --enable-bulk-memory \
      --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
      --enable-reference-types --enable-multivalue \
      "$work/badge_verifier_bg.wasm" -o "$dir/web/badge_verifier_bg.wasm"
    # The glue (and any snippets/ of inline JavaScript), without the TypeScript types.
    rm -rf "$dir/web/snippets"
    (cd "$work" && find . -type f ! -name '*.wasm' ! -name '*.d.ts' -print0) |
      while IFS= read -r -d '' f; do
        mkdir -p "$dir/web/$(dirname "$f")"
        cp "$work/$f" "$dir/web/$f"
      done
    rm -rf "$work"
    echo "$sum" > "$dir/.built-from"
  fi
  cp crates/js/npm/web.mjs "$dir/web/index.mjs"
  cp crates/js/npm/driver.mjs crates/js/npm/fetch.mjs "$dir/"
}
# The lean and the full build are one cargo artifact (the same crate and profile, the features
# differ), so building one after the other relinks each time: when nothing they are built from
# changed since the last embed build, both are kept and cargo is not asked (every `trunk build`
# runs this).
inputs=$( { rustc -V; cat Cargo.toml Cargo.lock
  find crates/verifier crates/js -type f ! -path '*/target/*' -print0 | sort -z | xargs -0 sha256sum; } |
  sha256sum | cut -d' ' -f1)
if [ "$(cat "$out/.inputs" 2>/dev/null)" = "$inputs" ] && [ -f "$out/verifier/web/badge_verifier_bg.wasm" ] &&
   [ -f "$out/verifier-full/web/badge_verifier_bg.wasm" ]; then
  log "embed: crates/verifier, crates/js and Cargo.lock unchanged since the last build: its .wasm files are kept"
  for dir in "$out/verifier" "$out/verifier-full"; do
    cp crates/js/npm/web.mjs "$dir/web/index.mjs"
    cp crates/js/npm/driver.mjs crates/js/npm/fetch.mjs "$dir/"
  done
else
  log "embed: cargo build -p badge-verifier-js --no-default-features (wasm32, release)"
  # `release` is the app's size-tuned profile (opt-level z, fat LTO): the embed is fetched by
  # every visitor of every page that shows a badge.
  cargo build -p badge-verifier-js --lib --target wasm32-unknown-unknown --release --no-default-features
  # Each of the two builds is taken before the next overwrites it.
  wasm=target/wasm32-unknown-unknown/release/badge_verifier_js.wasm
  bindgen_into "$wasm" "$out/verifier"
  # The full build, fetched only for a badge the lean one leaves to it: the npm package's own
  # (every feature, `release`; scripts/build-npm.sh's cargo build is then a no-op).
  log "embed: cargo build -p badge-verifier-js (wasm32, release: the npm package's build)"
  cargo build -p badge-verifier-js --lib --target wasm32-unknown-unknown --release
  # scripts/build-npm.sh's own web output when it is newer than this cargo build (the same
  # wasm-bindgen target and wasm-opt flags: ≈ 1.5 min of wasm-opt saved), else made here.
  npm_web=target/npm/badge-verifier/web
  if [ -f "$npm_web/badge_verifier_bg.wasm" ] && [ "$npm_web/badge_verifier_bg.wasm" -nt "$wasm" ]; then
    log "embed: the full verifier from $npm_web (scripts/build-npm.sh)"
    rm -rf "$out/verifier-full"
    mkdir -p "$out/verifier-full/web"
    cp "$npm_web/badge_verifier_bg.wasm" "$npm_web/badge_verifier.js" "$out/verifier-full/web/"
    if [ -d "$npm_web/snippets" ]; then cp -R "$npm_web/snippets" "$out/verifier-full/web/"; fi
    cp crates/js/npm/web.mjs "$out/verifier-full/web/index.mjs"
    cp crates/js/npm/driver.mjs crates/js/npm/fetch.mjs "$out/verifier-full/"
  else
    bindgen_into "$wasm" "$out/verifier-full"
  fi
  echo "$inputs" > "$out/.inputs"
fi
cp embed/open-badge.js "$out/open-badge.js"

# Sizes and budgets (BENCHMARKS.md, issue #19 "The <open-badge> element").
node scripts/embed-size.mjs "$out"

if [ -n "$into" ]; then
  rm -rf "$into/embed"
  mkdir -p "$into/embed"
  cp -R "$out/open-badge.js" "$out/verifier" "$out/verifier-full" "$into/embed/"
  rm -f "$into/embed/verifier/.built-from" "$into/embed/verifier-full/.built-from"
  echo "embed: copied to $into/embed/"
fi
