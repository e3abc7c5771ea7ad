#!/usr/bin/env node
// Browser timings (issue #8) on the release build in headless Chromium. Serves dist/ on
// 127.0.0.1 (tests/e2e/server.mjs), drives the app with playwright-core and prints JSON:
//
//  load          navigation start → .wasm fetched → instantiated (`app-start` mark, main runs)
//                → app mounted (`app-mounted` mark), each in a fresh browser context (empty
//                HTTP cache), and again on reload in the same context.
//  one_file      file chosen (the input's `change` event) → verdict in the DOM (`data-verdict`
//                set) and → the next frame after it, for tests/fixtures/e2e/ob3-valid-baked.png:
//                `first` in a fresh page (first verification: cold caches), `warm` once the page
//                has verified one.
//  twenty_files  the same for 20 files chosen at once (tests/fixtures/e2e/bench/*.png, 20 did:key
//                issuers): `first` in a fresh page, `warm` after that.
//  twenty_dropped  20 files dropped on the drop zone at once (issue #18's batch view; the same 20
//                PNGs): the `drop` event → every card has its verdict (DOM) → the next frame;
//                `first` in a fresh page, `warm` after that. `--batch` measures only this.
//  on_demand     file chosen → verdict for a badge the first load leaves to the on-demand module
//                (issue #16: tests/fixtures/e2e/ob3-es384.jwt): `first` in a page that has not
//                loaded the module (fetch, compile, verify twice), `warm` once it has.
//  verify_in_wasm  the app's own `verify:<card>` User Timing measures around each `verify()`
//                call: the first call in a page, and the median of every later call.
//
// Medians over --runs N (default 7). Needs `trunk build --release` first (dist/) and
// /usr/bin/chromium (or CHROMIUM=...). Everything is bounded: each wait 30 s, the whole run
// --timeout-s (default 300) after which it stops the browser and the server and exits 2.
//
//   node scripts/bench-browser.mjs [--runs N] [--timeout-s S] [--dist DIR] [--batch]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../tests/e2e/server.mjs';
import { flag, launchChromium, loadavg, median, opt, round, watchdog } from './bench-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(opt('--runs', 7));
const TIMEOUT_S = Number(opt('--timeout-s', 300));
const dist = path.resolve(opt('--dist', path.join(root, 'dist')));
const fixtures = path.join(root, 'tests', 'fixtures', 'e2e');
const ONE = path.join(fixtures, 'ob3-valid-baked.png');
const ON_DEMAND = path.join(fixtures, 'ob3-es384.jwt');
const TWENTY = fs.readdirSync(path.join(fixtures, 'bench')).filter((f) => f.endsWith('.png')).sort()
  .map((f) => path.join(fixtures, 'bench', f));
const WAIT = 30_000;

if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.error(`${dist}/index.html is missing: run \`trunk build --release\` first`);
  process.exit(2);
}
if (TWENTY.length !== 20) throw new Error(`expected 20 bench PNGs, found ${TWENTY.length}`);

/** Per-key medians of a list of objects with numeric fields. */
const medians = (rows) => Object.fromEntries(Object.keys(rows[0] ?? {}).map((k) => [k, median(rows.map((r) => r[k]))]));

let browser, site;
const stop = async () => {
  await browser?.close().catch(() => {});
  site?.server.close();
};
const timer = watchdog('bench-browser', TIMEOUT_S, stop);

async function newPage(context) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  return { page, errors };
}

/** Waits for the app's `app-mounted` mark and reads the load timeline (ms from navigation start). */
async function loadTimes(page) {
  await page.waitForFunction(() => performance.getEntriesByName('app-mounted').length > 0, null, { timeout: WAIT });
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const wasm = res.find((r) => r.name.endsWith('.wasm'));
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? null;
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
    return {
      html_response_end: nav.responseEnd,
      dom_content_loaded: nav.domContentLoadedEventEnd,
      wasm_request_start: wasm?.startTime ?? null,
      wasm_fetched: wasm?.responseEnd ?? null,
      wasm_instantiated_app_start: mark('app-start'),
      app_mounted: mark('app-mounted'),
      first_contentful_paint: fcp,
      wasm_encoded_bytes: wasm?.encodedBodySize ?? null,
    };
  });
}

/**
 * Chooses `files` in the file input and times, in the page: the `change` event → every new
 * card has a final `data-verdict` (DOM) → the next frame after that. Returns ms and verdicts.
 */
async function choose(page, files) {
  await armVerdicts(page, files.length);
  await page.evaluate(() => addEventListener('change', () => window.__benchStart(), { capture: true, once: true }));
  await page.setInputFiles('#file-input', files);
  return settled(page);
}

/**
 * Drops `files` on the drop zone at once, as a drag from the desktop does, and times in the page
 * the `drop` event → every new card has a final `data-verdict` → the next frame.
 */
async function drop(page, files) {
  await armVerdicts(page, files.length);
  const list = files.map((f) => ({ name: path.basename(f), data: fs.readFileSync(f).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    const zone = document.querySelector('.dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    window.__benchStart();
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, list);
  return settled(page);
}

/**
 * Arms, in the page, the wait for `n` new cards to have a final `data-verdict`:
 * `window.__bench` resolves with the time from `window.__benchStart()` to that DOM and to the
 * next frame.
 */
async function armVerdicts(page, n) {
  const before = await page.$$eval('article.card', (c) => c.length);
  await page.evaluate(({ before, n, wait }) => {
    let t0 = null;
    window.__benchStart = () => { t0 = performance.now(); };
    window.__bench = new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no verdict in time')), wait);
      const cards = () => [...document.querySelectorAll('article.card')].slice(before);
      const obs = new MutationObserver(() => {
        const c = cards();
        if (t0 === null || c.length !== n || !c.every((x) => x.dataset.verdict && x.dataset.verdict !== 'pending')) return;
        obs.disconnect();
        clearTimeout(timer);
        const dom = performance.now() - t0;
        // requestAnimationFrame runs before the next frame is drawn; a task queued from it runs
        // after that frame: "rendered".
        requestAnimationFrame(() => setTimeout(() => resolve({
          dom, frame: performance.now() - t0, verdicts: c.map((x) => x.dataset.verdict),
        }), 0));
      });
      obs.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-verdict'] });
    });
  }, { before, n, wait: WAIT });
}

/** The armed wait's times; every verdict must be valid. */
async function settled(page) {
  const r = await page.evaluate(() => window.__bench);
  const bad = r.verdicts.filter((v) => v !== 'valid');
  if (bad.length) throw new Error(`expected every verdict valid, got ${r.verdicts.join(', ')}`);
  return { dom: r.dom, frame: r.frame };
}

/** `--batch`: only 20 files dropped at once, in a fresh page and then warm. */
async function batchOnly() {
  site = await serve(dist);
  browser = await launchChromium(WAIT);
  const first = [], warm = [], errors = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const { page, errors: e } = await newPage(context);
    await page.goto(site.url + '/', { timeout: WAIT });
    await loadTimes(page);
    first.push(await drop(page, TWENTY));
    await page.click('#clear-all');
    warm.push(await drop(page, TWENTY));
    errors.push(...e);
    await context.close();
  }
  const version = browser.version();
  await stop();
  clearTimeout(timer);
  const pick = (rows, k) => rows.map((r) => r[k]);
  console.log(JSON.stringify({
    chromium: version, cores: os.cpus().length, loadavg: loadavg(), runs: RUNS, units: 'ms, medians over runs',
    twenty_dropped: {
      files: 'tests/fixtures/e2e/bench/ob3-baked-01..20.png',
      first: { to_dom: median(pick(first, 'dom')), to_frame: median(pick(first, 'frame')) },
      warm: { to_dom: median(pick(warm, 'dom')), to_frame: median(pick(warm, 'frame')) },
    },
    page_errors: errors,
  }, null, 2));
  if (errors.length) process.exitCode = 1;
}

/** The app's `verify:<card>` measures so far, in call order (ms). */
const verifyMeasures = (page) => page.evaluate(() => performance.getEntriesByType('measure')
  .filter((m) => m.name.startsWith('verify:')).sort((a, b) => a.startTime - b.startTime).map((m) => m.duration));

async function main() {
  const loadBefore = loadavg();
  site = await serve(dist);
  browser = await launchChromium(WAIT);
  const errors = [];
  const load = [], reload = [], oneFirst = [], oneWarm = [], twentyFirst = [], twentyWarm = [];
  const firstCall = [], firstCallTwenty = [], warmCalls = [], idleFirst = [], idleFirstCall = [];
  const onDemandFirst = [], onDemandWarm = [], droppedWarm = [];
  for (let run = 0; run < RUNS; run++) {
    // Load, then one file in this fresh page (its first verification), then one more (warm),
    // then 20 at once (warm).
    let context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    let { page, errors: e1 } = await newPage(context);
    await page.goto(site.url + '/', { timeout: WAIT });
    load.push(await loadTimes(page));
    oneFirst.push(await choose(page, [ONE]));
    oneWarm.push(await choose(page, [ONE]));
    twentyWarm.push(await choose(page, TWENTY));
    const m = await verifyMeasures(page);
    droppedWarm.push(await drop(page, TWENTY));
    firstCall.push(m[0]);
    warmCalls.push(...m.slice(1));
    await page.reload({ timeout: WAIT });
    reload.push(await loadTimes(page));
    errors.push(...e1);
    await context.close();
    // 20 files at once as the first thing a fresh page verifies.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ({ page, errors: e1 } = await newPage(context));
    await page.goto(site.url + '/', { timeout: WAIT });
    await loadTimes(page);
    twentyFirst.push(await choose(page, TWENTY));
    firstCallTwenty.push((await verifyMeasures(page))[0]);
    errors.push(...e1);
    await context.close();
    // One file as the first thing a fresh page verifies, once the page has been idle (the app's
    // idle-time warm-up has run, mark `warm-up`): someone who drops a badge a moment after load.
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    ({ page, errors: e1 } = await newPage(context));
    await page.goto(site.url + '/', { timeout: WAIT });
    await loadTimes(page);
    await page.waitForFunction(() => performance.getEntriesByName('warm-up').length > 0, null, { timeout: WAIT });
    idleFirst.push(await choose(page, [ONE]));
    idleFirstCall.push((await verifyMeasures(page))[0]);
    // Then a badge that needs the on-demand module: the first loads it; the next finds it.
    onDemandFirst.push(await choose(page, [ON_DEMAND]));
    onDemandWarm.push(await choose(page, [ON_DEMAND]));
    errors.push(...e1);
    await context.close();
  }
  const version = browser.version();
  await stop();
  clearTimeout(timer);
  const wasm = fs.readdirSync(dist).find((f) => f.startsWith('badge-verifier-app') && f.endsWith('.wasm'));
  const pick = (rows, k) => rows.map((r) => r[k]);
  const out = {
    chromium: version,
    cores: os.cpus().length,
    loadavg_before: loadBefore,
    loadavg_after: loadavg(),
    runs: RUNS,
    wasm: { file: wasm, bytes: fs.statSync(path.join(dist, wasm)).size },
    units: 'ms, medians over runs',
    load_fresh_context: medians(load),
    load_reload: medians(reload),
    one_file: {
      file: path.relative(root, ONE),
      first: { to_dom: median(pick(oneFirst, 'dom')), to_frame: median(pick(oneFirst, 'frame')) },
      warm: { to_dom: median(pick(oneWarm, 'dom')), to_frame: median(pick(oneWarm, 'frame')) },
      first_after_idle: { to_dom: median(pick(idleFirst, 'dom')), to_frame: median(pick(idleFirst, 'frame')) },
    },
    on_demand: {
      file: path.relative(root, ON_DEMAND),
      first: { to_dom: median(pick(onDemandFirst, 'dom')), to_frame: median(pick(onDemandFirst, 'frame')) },
      warm: { to_dom: median(pick(onDemandWarm, 'dom')), to_frame: median(pick(onDemandWarm, 'frame')) },
    },
    twenty_files: {
      files: 'tests/fixtures/e2e/bench/ob3-baked-01..20.png',
      first: { to_dom: median(pick(twentyFirst, 'dom')), to_frame: median(pick(twentyFirst, 'frame')) },
      warm: { to_dom: median(pick(twentyWarm, 'dom')), to_frame: median(pick(twentyWarm, 'frame')) },
    },
    twenty_dropped: {
      warm: { to_dom: median(pick(droppedWarm, 'dom')), to_frame: median(pick(droppedWarm, 'frame')) },
    },
    verify_in_wasm: {
      first_call: median(firstCall),
      first_call_in_a_batch_of_20: median(firstCallTwenty),
      first_call_after_idle: median(idleFirstCall),
      warm_median: median(warmCalls),
      warm_min: round(Math.min(...warmCalls)),
      warm_samples: warmCalls.length,
    },
    page_errors: errors,
  };
  console.log(JSON.stringify(out, null, 2));
  if (errors.length) process.exitCode = 1;
}

(flag('--batch') ? batchOnly() : main()).catch(async (e) => {
  console.error(e);
  await stop();
  process.exit(1);
});
