// Prints the <open-badge> element's sizes (raw, gzip -9, brotli -11) and fails over budget
// (issue #19; BENCHMARKS.md "The <open-badge> element"). The parts, in the order a visitor's
// browser fetches them: the element (every page with the snippet), then, only when an
// <open-badge> is on the page, the verifier's JavaScript (wrapper + wasm-bindgen glue) and .wasm,
// and only for a badge that needs it, the full verifier's.
// Usage: node scripts/embed-size.mjs [target/embed]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

// Budgets in brotli bytes. The element is a few KB; its .wasm is the core as the app's first
// load builds it (without the app's view, Leptos or its fetcher), so it must stay under the
// app's own first-load budget (scripts/wasm-size.mjs, 450,000 B).
// The full build is fetched only for a badge the lean one leaves to it (RSA, P-384 …); its
// budget only catches a build that grew by accident.
const BUDGETS = {
  element: 8 * 1024, 'verifier js': 10 * 1024, 'verifier wasm': 400 * 1024,
  'full verifier js': 10 * 1024, 'full verifier wasm': 1400 * 1024,
};

const dir = process.argv[2] ?? 'target/embed';
const js = (d) => [`${d}/web/index.mjs`, `${d}/driver.mjs`, `${d}/fetch.mjs`, `${d}/web/badge_verifier.js`,
  ...fs.readdirSync(path.join(dir, d, 'web'), { recursive: true })
    .filter((f) => f.startsWith('snippets') && f.endsWith('.js')).map((f) => `${d}/web/${f}`)];
const parts = {
  element: ['open-badge.js'],
  'verifier js': js('verifier'),
  'verifier wasm': ['verifier/web/badge_verifier_bg.wasm'],
  'full verifier js': js('verifier-full'),
  'full verifier wasm': ['verifier-full/web/badge_verifier_bg.wasm'],
};
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
let over = false;
for (const [part, files] of Object.entries(parts)) {
  let raw = 0, gzip = 0, brotli = 0;
  for (const f of files) {
    const bytes = fs.readFileSync(path.join(dir, f));
    raw += bytes.length;
    gzip += zlib.gzipSync(bytes, { level: 9 }).length;
    brotli += zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length;
  }
  const budget = BUDGETS[part];
  console.log(`embed ${part}: ${raw} B raw, ${gzip} B gzip, ${brotli} B brotli = ${kb(brotli)} (budget ${kb(budget)})`);
  if (brotli > budget) {
    console.error(`embed ${part}: brotli ${brotli} B exceeds the budget ${budget} B`);
    over = true;
  }
}
if (over) process.exit(1);
