// End-to-end: the release build in headless Chromium, served on 127.0.0.1.
// Run by `bash .ci/run` after `trunk build --release`. Screenshots go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'tests', 'fixtures', 'e2e');
const shots = path.join(root, 'target', 'screenshots');
const VERDICTS = ['valid', 'invalid', 'revoked', 'suspended', 'expired', 'not-yet-valid', 'unverifiable', 'error'];

let browser, site;

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run `trunk build --release` first');
  fs.mkdirSync(shots, { recursive: true });
  site = await serve(dist);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

async function openApp(width = 1280) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(site.url, { timeout: 20_000 });
  await page.waitForSelector('#file-input', { state: 'attached', timeout: 20_000 });
  return { page, errors };
}

/** Waits until every card has a final verdict and returns them in page order. */
async function verdicts(page, count) {
  await page.waitForFunction((n) => {
    const cards = [...document.querySelectorAll('article.card')];
    return cards.length === n && cards.every((c) => c.dataset.verdict && c.dataset.verdict !== 'pending');
  }, count, { timeout: 20_000 });
  return page.$$eval('article.card', (cards) => cards.map((c) => c.dataset.verdict));
}

test('choosing a file shows a result card with a verdict and the badge', async () => {
  const { page, errors } = await openApp();
  await page.setInputFiles('#file-input', path.join(fixtures, 'ob3-did-key.json'));
  const [v] = await verdicts(page, 1);
  assert.ok(VERDICTS.includes(v), `unexpected verdict ${v}`);
  const title = await page.textContent('article.card h2');
  assert.equal(title.trim(), 'test 1');
  await page.click('article.card details summary');
  await page.screenshot({ path: path.join(shots, 'desktop-file.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a file that is not a badge gives an error card, and pasted JSON verifies', async () => {
  const { page, errors } = await openApp(375);
  await page.setInputFiles('#file-input', path.join(fixtures, 'not-a-badge.txt'));
  const [v] = await verdicts(page, 1);
  assert.equal(v, 'error');
  await page.fill('#paste-input', fs.readFileSync(path.join(fixtures, 'ob3-did-key.json'), 'utf8'));
  await page.click('form.paste button[type=submit]');
  const both = await verdicts(page, 2);
  assert.equal(both[1], 'error');
  assert.ok(VERDICTS.includes(both[0]));
  await page.screenshot({ path: path.join(shots, 'mobile-paste.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});
