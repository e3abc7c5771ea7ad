#!/usr/bin/env bash
# Builds the npm package of the verifier core (crates/js) into target/npm/badge-verifier/:
# one cargo build of the .wasm, wasm-bindgen's `nodejs` and `web` targets from it, wasm-opt -Oz,
# then the package's own JavaScript, types, README and package.json (crates/js/npm/). Not
# published. Usage: scripts/build-npm.sh
# Profile `release`, the app's (size-tuned, fat LTO): after the app's own release build its
# dependencies are mostly compiled already, and the final fat-LTO link takes seconds; a
# thin-LTO profile measured no cheaper (BENCHMARKS.md, "npm package"), so CI tests what ships.
# Prints the .wasm's size raw/gzip/brotli and the build's time.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

profile=release
[ $# -eq 0 ] || { echo "usage: scripts/build-npm.sh" >&2; exit 2; }
started=$(date +%s)
out=target/npm/badge-verifier
work=target/npm/work

log "cargo build -p badge-verifier-js (wasm32, profile $profile)"
cargo build -p badge-verifier-js --lib --target wasm32-unknown-unknown --profile "$profile"
built=$(date +%s)
wasm=target/wasm32-unknown-unknown/$profile/badge_verifier_js.wasm

rm -rf "$out" "$work"
mkdir -p "$out/node" "$out/web" "$work"
log "wasm-bindgen (nodejs, web)"
wasm-bindgen --target nodejs --out-dir "$work/node" --out-name badge_verifier "$wasm"
wasm-bindgen --target web --out-dir "$work/web" --out-name badge_verifier "$wasm"

# The app's wasm-opt flags (index.html): the features rustc's wasm32 target emits.
OPT_FLAGS=(-Oz --strip-producers --strip-target-features --enable-bulk-memory
  --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals
  --enable-reference-types --enable-multivalue)
# scripts/build-embed.sh (the app's Trunk hook) optimizes the same cargo output for the
# element's full verifier, with the same wasm-bindgen target and flags: reused when it was made
# from this very .wasm (≈ 1.5 min of wasm-opt in CI), else optimized here.
embed_full=target/embed/verifier-full
if [ "$(cat "$embed_full/.built-from" 2>/dev/null)" = "$(sha256sum "$wasm" | cut -d' ' -f1)" ] &&
   cmp -s "$embed_full/web/badge_verifier.js" "$work/web/badge_verifier.js"; then
  log "wasm-opt -Oz: already done by scripts/build-embed.sh for this .wasm ($embed_full)"
  cp "$embed_full/web/badge_verifier_bg.wasm" "$out/web/badge_verifier_bg.wasm"
else
  log "wasm-opt -Oz"
  wasm-opt "${OPT_FLAGS[@]}" "$work/web/badge_verifier_bg.wasm" -o "$out/web/badge_verifier_bg.wasm"
fi
# Both targets import the same functions from the same module name, so their .wasm is one file
# and is optimized once; should a wasm-bindgen ever make them differ, each is optimized.
if cmp -s "$work/node/badge_verifier_bg.wasm" "$work/web/badge_verifier_bg.wasm"; then
  cp "$out/web/badge_verifier_bg.wasm" "$out/node/badge_verifier_bg.wasm"
else
  wasm-opt "${OPT_FLAGS[@]}" "$work/node/badge_verifier_bg.wasm" -o "$out/node/badge_verifier_bg.wasm"
fi
for target in node web; do
  (cd "$work/$target" && find . -type f ! -name '*.wasm' ! -name '*.wasm.d.ts' -print0) |
    while IFS= read -r -d '' f; do
      mkdir -p "$out/$target/$(dirname "$f")"
      cp "$work/$target/$f" "$out/$target/$f"
    done
done
rm -rf "$work"

# The package's own files: the wrappers (the same API in Node and browsers), the types, the
# README and package.json (version from the workspace).
npm_src=crates/js/npm
cp "$npm_src/driver.mjs" "$npm_src/fetch.mjs" "$out/"
cp "$npm_src/node.mjs" "$out/node/index.mjs"
cp "$npm_src/web.mjs" "$out/web/index.mjs"
cp "$npm_src/index.d.ts" "$out/index.d.ts"
cp "$npm_src/README.md" "$out/README.md"
# The web glue is an ES module, the node glue CommonJS: each directory says which.
echo '{ "type": "module" }' > "$out/web/package.json"
echo '{ "type": "commonjs" }' > "$out/node/package.json"
version=$(awk -F'"' '/^\[workspace.package\]/ {w=1} w && /^version/ {print $2; exit}' Cargo.toml)
sed "s/\"version\": \"0.0.0\"/\"version\": \"$version\"/" "$npm_src/package.json" > "$out/package.json"

done_at=$(date +%s)
node -e '
const fs = require("fs"), zlib = require("zlib");
const b = fs.readFileSync(process.argv[1]);
const gz = zlib.gzipSync(b, { level: 9 }).length;
const br = zlib.brotliCompressSync(b, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log(`npm package .wasm: ${b.length} B raw, ${gz} B gzip -9, ${br} B brotli -11`);
' "$out/web/badge_verifier_bg.wasm"
echo "npm package built in $((done_at - started)) s (cargo $((built - started)) s, profile $profile): $out"
