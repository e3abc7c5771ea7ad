// Issue #18: the app installs and works offline. The release build (dist/) is served on
// 127.0.0.1 (a secure context, so service workers run); the first visit installs the service
// worker (sw.js, written by scripts/sw-manifest.mjs), a reload puts the page under its control,
// and then, with the network cut, the page still opens, says it is offline, and verifies badges
// that carry their own keys — including one that needs the on-demand signature module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedApp, dist, shots, fixture, dropFiles, verdicts, card, finish } from './support.mjs';

const { openApp } = servedApp();

test('the manifest names the app, its icons and start URL; the worker precaches every built file', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  assert.match(html, /<link rel="manifest" href="manifest\.json">/);
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
  assert.match(csp, /worker-src 'self'/);
  assert.match(csp, /manifest-src 'self'/);
  const manifest = JSON.parse(fs.readFileSync(path.join(dist, 'manifest.json'), 'utf8'));
  assert.equal(manifest.start_url, '.');
  assert.equal(manifest.display, 'standalone');
  assert.ok(manifest.name && manifest.short_name && manifest.theme_color && manifest.background_color);
  for (const icon of manifest.icons) assert.ok(fs.existsSync(path.join(dist, icon.src)), icon.src);
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
  const sw = fs.readFileSync(path.join(dist, 'sw.js'), 'utf8');
  const files = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
  const built = fs.readdirSync(dist, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name !== 'sw.js')
    .map((e) => './' + path.relative(dist, path.join(e.parentPath ?? e.path, e.name)))
    // Issue #19: the <open-badge> element (dist/embed/, written after sw.js) is for other
    // sites' pages; the app's worker neither needs nor precaches it.
    .filter((f) => !f.startsWith('./embed/'));
  assert.deepEqual([...files].sort(), built.sort());
  for (const re of [/badge-verifier-app-[0-9a-f]+_bg\.wasm/, /badge-verifier-suites_bg\.wasm/, /badge-verifier-documents_bg\.wasm/,
    /boot-[0-9a-f]+\.js/, /zh-TW-[0-9a-f]+\.txt/, /index\.html/]) {
    assert.ok(files.some((f) => re.test(f)), `${re} is not precached`);
  }
  // The cache is named after the build's contents.
  assert.match(sw, /const CACHE = 'badge-verifier-[0-9a-f]{16}';/);
});

test('after the first visit the app opens offline, says so, and verifies self-contained badges', { timeout: 120_000 }, async () => {
  const app = await openApp();
  const { page, context } = app;
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  // Not controlled on the first visit (no clients.claim): the reload is.
  await page.reload();
  await page.waitForSelector('#file-input', { state: 'attached' });
  assert.ok(await page.evaluate(() => !!navigator.serviceWorker.controller), 'the page is not controlled by the service worker');
  assert.ok(!(await page.locator('.offline-notice').isVisible()), 'an offline notice while online');

  await context.setOffline(true);
  await page.locator('.offline-notice').waitFor({ state: 'visible', timeout: 5_000 });
  await page.reload();
  await page.waitForSelector('#file-input', { state: 'attached', timeout: 20_000 });
  const notice = await page.locator('.offline-notice').innerText();
  assert.match(notice, /You are offline/);
  assert.match(notice, /badges that carry their own keys still verify/);
  // did:key JWT, Data Integrity with bundled contexts, and ES384 from the on-demand module.
  await dropFiles(page, [fixture('teamwork-valid.jwt'), fixture('teamwork-di.json'), fixture('ob3-es384.jwt')]);
  const v = await verdicts(page, 3, 60_000);
  assert.deepEqual(v, { 'teamwork-valid.jwt': 'valid', 'teamwork-di.json': 'valid', 'ob3-es384.jwt': 'valid' });
  await page.screenshot({ path: path.join(shots, 'pwa-offline-en.png'), fullPage: false });
  // A zh-TW reader offline gets the cached zh-TW details too.
  await page.click('#lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'zh-TW');
  assert.match(await page.locator('.offline-notice').innerText(), /目前離線/);
  await page.screenshot({ path: path.join(shots, 'pwa-offline-zh-TW.png'), fullPage: false });

  await context.setOffline(false);
  await page.locator('.offline-notice').waitFor({ state: 'hidden', timeout: 5_000 });
  await finish(app);
});

test('the theme switch overrides the system colours and is remembered', async () => {
  const app = await openApp({ colorScheme: 'dark' });
  const { page } = app;
  const sw = page.locator('#theme-switch');
  assert.equal(await sw.getAttribute('aria-pressed'), 'true', 'dark by the system');
  await sw.click();
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light');
  assert.equal(await sw.getAttribute('aria-pressed'), 'false');
  await page.reload();
  await page.waitForSelector('#theme-switch');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'light', 'not remembered');
  assert.equal(await page.locator('#theme-switch').getAttribute('aria-pressed'), 'false');
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()), '#f6f7f9');
  await page.locator('#theme-switch').click();
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim()), '#0d1117');
  await finish(app);
});

test('the language button is named in the language in use', async () => {
  const app = await openApp();
  const button = app.page.locator('#lang-switch');
  assert.equal(await button.getAttribute('aria-label'), 'Language: English — switch to 中文');
  await button.click();
  assert.equal(await button.getAttribute('aria-label'), '語言：中文 — 切換為 English');
  await finish(app);
});

test('on a touch screen every control is at least 44 × 44 px', async () => {
  const app = await openApp({ width: 375 });
  const { page, context } = app;
  // A touch screen's coarse pointer, as a phone has.
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 1 });
  await page.reload();
  await page.waitForSelector('#file-input', { state: 'attached' });
  assert.ok(await page.evaluate(() => matchMedia('(pointer: coarse)').matches), 'no coarse pointer');
  await dropFiles(page, [fixture('teamwork-valid.jwt')]);
  await verdicts(page, 1);
  const c = card(page, 'teamwork-valid.jwt');
  await c.locator('details.share summary').click();
  await c.locator('details.checks summary').click();
  const small = await page.evaluate(() => [...document.querySelectorAll('button, a.button, summary')]
    .filter((e) => e.offsetParent !== null)
    .map((e) => ({ what: `${e.tagName.toLowerCase()}.${e.className}`, r: e.getBoundingClientRect() }))
    .filter(({ r }) => r.width < 44 || r.height < 44)
    .map(({ what, r }) => `${what} ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, []);
  await page.screenshot({ path: path.join(shots, 'pwa-touch-375.png'), fullPage: true });
  await finish(app);
});
