// What the end-to-end tests share: Chromium as the probe starts it, the app opened with its
// errors, CSP violations and requests recorded, files dropped as a desktop drag does, and the
// wait for every card's verdict.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

/**
 * Opens the app at `url` (optionally with a query/fragment `suffix`) and collects page errors,
 * console errors, Content-Security-Policy violations and every URL the page requested.
 */
export async function openApp(browser, url, { width = 1280, suffix = '', locale = 'en-US', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale, colorScheme, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  const requested = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_FAILED|CORS policy/.test(m.text())) errors.push(m.text());
  });
  page.on('request', (r) => requested.push(r.url()));
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url + '/' + suffix, { timeout: 20_000 });
  await page.waitForSelector('#file-input', { state: 'attached', timeout: 20_000 });
  return { page, errors, context, requested };
}

/** No CSP violation and no page error, then closes the app's context. */
export async function finish({ page, errors, context }) {
  const csp = await page.evaluate(() => window.__csp);
  assert.deepEqual(csp, [], 'Content-Security-Policy violations');
  assert.deepEqual(errors, []);
  await context.close();
}

/** Waits until there are `count` cards, all with a final verdict; returns {input: verdict}. */
export async function verdicts(page, count, timeout = 30_000) {
  await page.waitForFunction((n) => {
    const cards = [...document.querySelectorAll('article.card')];
    return cards.length === n && cards.every((c) => c.dataset.verdict && c.dataset.verdict !== 'pending');
  }, count, { timeout });
  return Object.fromEntries(await page.$$eval('article.card', (cards) => cards.map((c) => [c.dataset.input, c.dataset.verdict])));
}

/** Drops `files` ({name, data}) on the drop zone, as a drag from the desktop does. */
export async function dropFiles(page, files) {
  const payload = files.map(({ name, data }) => ({ name, data: Buffer.from(data).toString('base64') }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
    const zone = document.querySelector('.dropzone');
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, payload);
}

/** The top-level card for `input`. */
export const card = (page, input) => page.locator(`article.card[data-input="${input}"]`);

// Where the tests find the built app, their fixtures, and put their screenshots.
const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const dist = path.join(root, 'dist');
export const fixtures = path.join(root, 'tests', 'fixtures', 'e2e');
export const shots = path.join(root, 'target', 'screenshots');

/** A fixture file of tests/fixtures/e2e as `dropFiles` takes it. */
export const fixture = (name) => ({ name, data: fs.readFileSync(path.join(fixtures, name)) });

/** The nested cards of a card: verdict, input and where each was found. */
export const nestedCards = (c) => c.locator('article.nested-card').evaluateAll((els) => els.map((e) => ({
  verdict: e.dataset.verdict, input: e.dataset.input, found: e.querySelector('.found-at')?.textContent ?? null,
})));

/**
 * For a test file: serves dist/ on 127.0.0.1 and starts Chromium before its tests, stops both
 * after them; returns `openApp(opts)` for that page.
 */
export function servedApp() {
  let browser, site;
  before(async () => {
    assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run `trunk build --release` first');
    fs.mkdirSync(shots, { recursive: true });
    site = await serve(dist);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    site?.server.close();
  });
  return { openApp: (opts) => openApp(browser, site.url, opts) };
}
