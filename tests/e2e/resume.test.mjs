// Issue #17 in the browser: a PDF résumé, a photo of a certificate's QR code, the camera, and a
// Credly badge link each become cards a recruiter can read. Every server is on 127.0.0.1; the
// badge platform's API is answered by the test (page.route), never fetched from the network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launchBrowser, openApp as open, finish, verdicts, dropFiles, card } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'tests', 'fixtures', 'e2e');
const shots = path.join(root, 'target', 'screenshots');

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

const openApp = (opts) => open(browser, site.url, opts);
const fixture = (name) => ({ name, data: fs.readFileSync(path.join(fixtures, name)) });
const nested = (c) => c.locator('article.nested-card').evaluateAll((els) => els.map((e) => ({
  verdict: e.dataset.verdict, input: e.dataset.input, found: e.querySelector('.found-at')?.textContent ?? null,
})));

test('a photo of a certificate: its QR code is read and the badge in it verified (PNG and JPEG)', async () => {
  const app = await openApp();
  await dropFiles(app.page, [fixture('certificate-qr.png'), fixture('certificate-qr.jpg')]);
  const v = await verdicts(app.page, 2);
  for (const f of ['certificate-qr.png', 'certificate-qr.jpg']) {
    assert.equal(v[f], 'valid', f);
    const n = await nested(card(app.page, f));
    assert.equal(n.length, 1, f);
    assert.equal(n[0].verdict, 'valid');
    assert.match(n[0].found, /QR code/);
  }
  await finish(app);
});

test('the camera: a QR code held up to it is read and verified', async () => {
  const app = await openApp({ width: 375 });
  // Chromium has no camera here: the page gets a stream of the certificate photo instead.
  const png = fs.readFileSync(path.join(fixtures, 'certificate-qr.png')).toString('base64');
  await app.page.evaluate((data) => {
    navigator.mediaDevices.getUserMedia = async () => {
      const img = new Image();
      img.src = `data:image/png;base64,${data}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d');
      const draw = () => ctx.drawImage(img, 0, 0);
      draw();
      setInterval(draw, 100);
      return c.captureStream(10);
    };
  }, png);
  await app.page.click('#scan-qr');
  const v = await verdicts(app.page, 1);
  assert.deepEqual(Object.values(v), ['valid']);
  await app.page.screenshot({ path: path.join(shots, 'phone-en-camera.png'), fullPage: true });
  await finish(app);
});
