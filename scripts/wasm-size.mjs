// Prints the app's .wasm size (raw, gzip, brotli) and fails when brotli exceeds the budget.
// Budget: 469,865 B brotli (2026-11-25, after the issue #8 size work: small float tables,
// Leptos erase_components, the browser's DecompressionStream for status lists, `crc` for PNG
// CRCs; with the fast JSON-LD path merged) + 3% (≈14 KB), room for small features but not for a
// new dependency stack. The target is 400 KB; see BENCHMARKS.md for what is left.
// Raise it only on purpose.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_BROTLI = 484_000;
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
