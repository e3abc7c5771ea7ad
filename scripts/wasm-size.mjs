// Prints the app's .wasm size (raw, gzip, brotli) and fails when brotli exceeds the budget.
// Budget: 430,607 B brotli (2026-12-01: the browser's own URL parser instead of url + idna,
// -48.7 KiB; Ed25519/SHA-2 arithmetic at opt-level 3, +4.4 KiB) + 3% (≈13 KB), room for small
// features but not for a new dependency stack. The target is 400 KB; see BENCHMARKS.md
// for what is left (the general JSON-LD expansion path alone is 42 KiB).
// Raise it only on purpose.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_BROTLI = 443_500;
const dir = process.argv[2] ?? 'dist';
const file = fs.readdirSync(dir).find((f) => f.endsWith('.wasm'));
if (!file) { console.error(`no .wasm in ${dir}`); process.exit(1); }
const bytes = fs.readFileSync(path.join(dir, file));
const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
const brotli = zlib.brotliCompressSync(bytes, {
  params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
}).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`wasm size: ${kb(bytes.length)} raw, ${kb(gzip)} gzip, ${kb(brotli)} brotli (budget ${kb(BUDGET_BROTLI)} brotli)`);
if (brotli > BUDGET_BROTLI) {
  console.error(`wasm brotli size ${brotli} B exceeds the budget ${BUDGET_BROTLI} B`);
  process.exit(1);
}
