// Issue #18: sharing that works. A dropped file's QR code when its credential fits in one, else
// why not and the download to use instead; LinkedIn never gets a link that carries the badge;
// a broken deep link says what is wrong; Verify with an empty box says what to paste.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedApp, shots, fixture, fixtures, dropFiles, verdicts, card, finish } from './support.mjs';

const { openApp } = servedApp();

test('a small dropped credential gets a QR code of its link; LinkedIn gets no certUrl and the page says why', async () => {
  const app = await openApp();
  await dropFiles(app.page, [fixture('vc-alumni.json')]);
  await verdicts(app.page, 1);
  const c = card(app.page, 'vc-alumni.json');
  await c.locator('details.share summary').click();
  assert.match(await c.locator('input.verify-link').inputValue(), /#credential=/);
  await c.locator('.qr img').waitFor({ timeout: 10_000 });
  assert.match(await c.locator('.qr img').getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  assert.equal(await c.locator('.qr-too-large').count(), 0);
  const linkedin = await c.locator('a.linkedin').getAttribute('href');
  assert.doesNotMatch(linkedin, /certUrl=|credential/);
  assert.match(await c.locator('.linkedin-note').innerText(), /no public address/);
  // The credential itself, as a file.
  assert.match(await c.locator('a.download-credential').getAttribute('download'), /^[a-z0-9-]+\.json$/);
  await finish(app);
});

test('too large for a QR code: the page says how large and offers the baked image or the badge file', async () => {
  const app = await openApp({ width: 375 });
  await dropFiles(app.page, [fixture('teamwork-baked.png'), fixture('teamwork-valid.jwt')]);
  await verdicts(app.page, 2);
  const baked = card(app.page, 'teamwork-baked.png');
  await baked.locator('details.share summary').click();
  const note = await baked.locator('.qr-too-large').innerText();
  assert.match(note, /^This badge is too large for a QR code \(\d{4} characters; a QR code holds at most 2331\): download the baked image instead\.$/);
  assert.equal(await baked.locator('.qr img').count(), 0);
  assert.equal(await baked.locator('a.download-image').getAttribute('download'), 'teamwork.png');
  assert.doesNotMatch(await baked.locator('a.linkedin').getAttribute('href'), /certUrl=/);
  const file = card(app.page, 'teamwork-valid.jwt');
  await file.locator('details.share summary').click();
  assert.match(await file.locator('.qr-too-large').innerText(), /download the badge file instead/);
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 10_000 }),
    file.locator('a.download-credential').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'teamwork.jwt');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), fs.readFileSync(path.join(fixtures, 'teamwork-valid.jwt'), 'utf8').trim());
  await app.page.screenshot({ path: path.join(shots, 'share-too-large-375.png'), fullPage: true });
  await finish(app);
});

test('a #credential= link cut off when it was copied says so instead of showing nothing', async () => {
  const jwt = fs.readFileSync(path.join(fixtures, 'teamwork-valid.jwt'), 'utf8').trim();
  const json = Buffer.from(fs.readFileSync(path.join(fixtures, 'vc-alumni.json'), 'utf8')).toString('base64url');
  for (const [suffix, words] of [
    [`#credential=${jwt.slice(0, 400)}`, /incomplete: the link was cut off/],
    [`#credential=${json.slice(0, json.length - 30)}`, /incomplete: the link was cut off/],
    ['#credential=', /the badge it should carry is missing/],
    ['#credential=%%%not-base64!!', /damaged/],
  ]) {
    const app = await openApp({ suffix });
    const err = app.page.locator('.link-error');
    await err.waitFor({ timeout: 10_000 });
    assert.match(await err.innerText(), words, suffix);
    assert.equal(await err.getAttribute('role'), 'alert');
    assert.equal(await app.page.locator('article.card').count(), 0);
    await finish(app);
  }
});

test('a ?url= that is not a web address says so, in the reader\'s language', async () => {
  const app = await openApp({ suffix: '?url=javascript%3Aalert(1)', locale: 'zh-TW' });
  const err = app.page.locator('.link-error');
  await err.waitFor({ timeout: 10_000 });
  assert.match(await err.innerText(), /不是網址[\s\S]*javascript:alert\(1\)/);
  assert.equal(await err.locator('code').innerText(), 'javascript:alert(1)');
  await app.page.screenshot({ path: path.join(shots, 'share-broken-link-zh-TW.png') });
  await app.page.click('#lang-switch');
  assert.match(await err.innerText(), /is not a web address/);
  await finish(app);
});

test('Verify with an empty box says what to paste, next to the box', async () => {
  const app = await openApp();
  await app.page.click('form.paste button[type=submit]');
  const msg = app.page.locator('#paste-error');
  assert.match(await msg.innerText(), /Paste a badge first/);
  assert.equal(await msg.getAttribute('aria-live'), 'polite');
  assert.equal(await app.page.getAttribute('#paste-input', 'aria-invalid'), 'true');
  assert.equal(await app.page.evaluate(() => document.activeElement?.id), 'paste-input');
  await app.page.screenshot({ path: path.join(shots, 'paste-empty-en.png') });
  await app.page.fill('#paste-input', 'x');
  assert.equal((await msg.innerText()).trim(), '');
  assert.equal(await app.page.locator('article.card').count(), 0);
  await finish(app);
});
