#!/usr/bin/env node
// `verify()` alone in headless Chromium (issue #8): examples/bench_wasm.rs built for wasm32 with
// the app's release profile, then wasm-bindgen and wasm-opt with the app's flags (index.html),
// so the code is what the app runs. The page signs 200 OB 3.0 eddsa-rdfc-2022 credentials
// (20 did:key issuers) outside the timing, then times:
//
//  first_call    the first verify() in a fresh page (cold caches: contexts compiled, keys decoded)
//  warm          per-call time of batches of 50 calls (performance.now() is coarsened to 0.1 ms in
//                a page that is not cross-origin isolated, so single calls are not timed warm):
//                median and min over the batches
//
// Prints JSON. Medians over --runs N fresh pages (default 5); everything bounded by --timeout-s.
//
// --profile keeps function names (wasm-opt -g) and prints the top self-time functions of the warm
// batches from Chromium's sampling profiler instead.
//
//   node scripts/bench-wasm.mjs [--runs N] [--batches B] [--timeout-s S] [--no-build] [--profile] [--out DIR]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { flag, launchChromium, loadavg, median, opt, round, watchdog } from './bench-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(opt('--runs', 5));
const BATCHES = Number(opt('--batches', 40));
const BATCH = 50;
const PROFILE = flag('--profile');
const TIMEOUT_S = Number(opt('--timeout-s', 600));
const out = path.resolve(opt('--out', path.join(root, 'target', 'bench-wasm')));
const env = { ...process.env, PATH: `${path.join(root, 'node_modules', '.bin')}:${process.env.PATH}` };
const run = (cmd, argv) => execFileSync(cmd, argv, { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });

if (!flag('--no-build')) {
  run('cargo', ['build', '--release', '--target', 'wasm32-unknown-unknown', '-p', 'badge-verifier', '--no-default-features', '--features', 'test-support',
    '--example', 'bench_wasm']);
  fs.rmSync(out, { recursive: true, force: true });
  run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out,
    path.join(root, 'target', 'wasm32-unknown-unknown', 'release', 'examples', 'bench_wasm.wasm')]);
  // The app's wasm-opt level and feature flags, read from index.html so the two cannot drift.
  const html = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const level = html.match(/data-wasm-opt="([^"]+)"/)[1];
  const params = html.match(/data-wasm-opt-params="([^"]+)"/)[1].split(/\s+/);
  const wasm = path.join(out, 'bench_wasm_bg.wasm');
  run('wasm-opt', [`-O${level}`, ...params, ...(PROFILE ? ['-g'] : []), wasm, '-o', wasm]);
  fs.writeFileSync(path.join(out, 'index.html'), `<!doctype html><meta charset="utf-8"><title>bench</title>
<script type="module">
import init, { prepare, verify_nth } from './bench_wasm.js';
window.setup = async () => {
  await init();
  prepare(200);
  const t = performance.now();
  const first = verify_nth(0);
  const firstMs = performance.now() - t;
  if (first !== 'valid') throw new Error('first verdict: ' + first);
  return firstMs;
};
window.bench = (batches, batch) => {
  let t;
  const perCall = [];
  let i = 1;
  for (let b = 0; b < batches; b++) {
    t = performance.now();
    for (let k = 0; k < batch; k++) {
      const v = verify_nth(i++);
      if (v !== 'valid') throw new Error('verdict #' + i + ': ' + v);
    }
    perCall.push((performance.now() - t) / batch);
  }
  return perCall;
};
window.benchReady = true;
</script>`);
}


/** Top functions by self time (samples), from a CDP Profiler profile. */
function printProfile(profile) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
  let total = 0;
  for (const [id, c] of counts) {
    const name = byId.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) ?? 0) + c);
    total += c;
  }
  const pct = (c) => `${(100 * c / total).toFixed(1).padStart(5)}%`;
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [name, c] of top) console.log(`${pct(c)}  ${name.slice(0, 150)}`);
  // By crate (the first path segment of the Rust symbol).
  const crates = new Map();
  for (const [name, c] of self) {
    const m = name.match(/^<*&?(?:mut )?(?:dyn )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    const k = m ? m[1] : name.startsWith('wasm-function') ? 'wasm-function[…]' : name;
    crates.set(k, (crates.get(k) ?? 0) + c);
  }
  // Inclusive: samples with the function anywhere on their stack (counted once per sample).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  for (const [id, c] of counts) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const name = byId.get(n).callFrame.functionName || '(anonymous)';
      if (!seen.has(name)) { seen.add(name); incl.set(name, (incl.get(name) ?? 0) + c); }
    }
  }
  console.log('-- inclusive');
  for (const [k, c] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${pct(c)}  ${k.slice(0, 150)}`);
  console.log('-- by crate');
  for (const [k, c] of [...crates].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(c)}  ${k}`);
}

let browser, site;
const stop = async () => {
  await browser?.close().catch(() => {});
  site?.server.close();
};
const timer = watchdog('bench-wasm', TIMEOUT_S, stop);

try {
  site = await serve(out);
  browser = await launchChromium(30_000);
  const firsts = [], warm = [];
  for (let r = 0; r < RUNS; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/`);
    await page.waitForFunction(() => window.benchReady === true, null, { timeout: 30_000 });
    firsts.push(await page.evaluate(() => window.setup()));
    let cdp;
    if (PROFILE) {
      cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    warm.push(...await page.evaluate(([b, n]) => window.bench(b, n), [BATCHES, BATCH]));
    if (PROFILE) printProfile((await cdp.send('Profiler.stop')).profile);
    await context.close();
  }
  const wasmBytes = fs.statSync(path.join(out, 'bench_wasm_bg.wasm')).size;
  console.log(JSON.stringify({
    what: 'verify() of OB 3.0 eddsa-rdfc-2022 in headless Chromium (200 credentials, 20 did:key issuers)',
    units: 'ms',
    chromium: browser.version(),
    load_average: loadavg(),
    runs: RUNS,
    first_call_median: median(firsts, 3),
    warm_per_call_median: median(warm, 3),
    warm_per_call_min: round(Math.min(...warm), 3),
    warm_batches: warm.length,
    batch_size: BATCH,
    wasm_bytes: wasmBytes,
  }, null, 2));
} finally {
  clearTimeout(timer);
  await stop();
}
