// Issue #17 in the browser: a PDF résumé, a photo of a certificate's QR code, the camera, and a
// Credly badge link each become cards a recruiter can read. Every server is on 127.0.0.1; the
// badge platform's API is answered by the test (page.route), never fetched from the network.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedApp, finish, verdicts, dropFiles, card, fixture, nestedCards, root, fixtures, shots } from './support.mjs';

const { openApp } = servedApp();
const nested = nestedCards;

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
  assert.ok(await app.page.locator('#scan-qr').isVisible());
  assert.ok(!(await app.page.locator('#scan-stop').isVisible()), 'Stop shows before scanning');
  await app.page.click('#scan-qr');
  const v = await verdicts(app.page, 1);
  assert.deepEqual(Object.values(v), ['valid']);
  await app.page.screenshot({ path: path.join(shots, 'phone-en-camera.png'), fullPage: true });
  await finish(app);
});

const platforms = path.join(root, 'tests', 'fixtures', 'platforms');
const CREDLY_ID = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const API = 'https://api.credly.com/v1/obi/v2';

/** Answers Credly's public API as ../shared/CREDLY.md describes it (with CORS, as a relay would). */
async function answerLikeCredly(page, { revoked = false } = {}) {
  const json = (f) => ({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' },
    body: fs.readFileSync(path.join(platforms, f), 'utf8') });
  await page.route(`${API}/**`, (route) => {
    const url = route.request().url();
    if (url === `${API}/badge_assertions/${CREDLY_ID}`) {
      return route.fulfill(revoked ? { status: 410, headers: { 'access-control-allow-origin': '*' }, body: '' } : json('credly-assertion.json'));
    }
    if (url.includes('/badge_classes/')) return route.fulfill(json('credly-badge-class.json'));
    if (url.includes('/issuers/')) return route.fulfill(json('credly-issuer.json'));
    return route.fulfill({ status: 404, headers: { 'access-control-allow-origin': '*' }, body: '' });
  });
  // The badge's image is not part of the verdict; answer it so nothing leaves the machine.
  await page.route('https://images.credly.com/**', (route) => route.fulfill({ status: 404, body: '' }));
}

test('a Credly badge link from a résumé: its own assertion is verified, and the card says which', async () => {
  const page_url = `https://www.credly.com/badges/${CREDLY_ID.toUpperCase()}/public_url`;
  const app = await openApp();
  await answerLikeCredly(app.page);
  await app.page.fill('#paste-input', page_url);
  await app.page.click('form.paste button[type=submit]');
  const v = await verdicts(app.page, 1);
  assert.equal(v[page_url], 'valid');
  const c = card(app.page, page_url);
  assert.match(await c.locator('.link-resolved').innerText(), new RegExp(`Credly.*${API}/badge_assertions/${CREDLY_ID}`));
  // The employer ties it to the candidate with the e-mail the candidate gave.
  await c.locator('form.earner-check input.earner-input').fill('alice@example.org');
  await c.locator('form.earner-check button').click();
  assert.match(await c.locator('.earner-result').innerText(), /Matches the badge's recipient/);
  await app.page.screenshot({ path: path.join(shots, 'desktop-en-credly.png'), fullPage: true });
  await finish(app);

  const revoked = await openApp();
  await answerLikeCredly(revoked.page, { revoked: true });
  await revoked.page.fill('#paste-input', page_url);
  await revoked.page.click('form.paste button[type=submit]');
  assert.equal((await verdicts(revoked.page, 1))[page_url], 'revoked');
  await finish(revoked);
});

test('a PDF résumé: each link, URL and attached badge is its own card under it, with its page', async () => {
  const app = await openApp();
  // The résumé's links point to example.org, which this machine cannot reach (as a CORS
  // refusal would look to the page).
  await app.page.route('https://example.org/**', (route) => route.abort());
  await dropFiles(app.page, [fixture('resume.pdf')]);
  const v = await verdicts(app.page, 1);
  // The attached badge is valid, but two links could not be read: the résumé as a whole
  // cannot be called valid (each card keeps its own verdict).
  assert.equal(v['resume.pdf'], 'unverifiable');
  const n = await nested(card(app.page, 'resume.pdf'));
  assert.deepEqual(n.map((x) => [x.input, x.verdict, x.found]), [
    ['https://example.org/nothing-here', 'unverifiable', 'page 1 · link'],
    ['teamwork-baked.png', 'valid', 'page 1 · attached file teamwork-baked.png'],
    ['https://example.org/portfolio', 'unverifiable', 'page 1 · URL in the text'],
  ]);
  await app.page.screenshot({ path: path.join(shots, 'desktop-en-resume-pdf.png'), fullPage: true });
  await finish(app);
});
