// End-to-end: the release build in headless Chromium, served on 127.0.0.1 (plus a second
// server on another port for hosted badges, with and without CORS headers).
// Run by `bash .ci/run` after `trunk build --release`. Screenshots go to target/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { statusDocs } from './status-docs.mjs';
import { launchBrowser, openApp as open, finish, verdicts as verdictsIn, dropFiles as drop, card } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');
const fixtures = path.join(root, 'tests', 'fixtures', 'e2e');
const shots = path.join(root, 'target', 'screenshots');
const VERDICTS = ['valid', 'invalid', 'revoked', 'suspended', 'expired', 'not-yet-valid', 'unverifiable', 'error'];
const fixture = (name) => fs.readFileSync(path.join(fixtures, name), 'utf8');
const VALID_JWT = fixture('teamwork-valid.jwt').trim();

let browser, site, badges;

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run `trunk build --release` first');
  fs.mkdirSync(shots, { recursive: true });
  site = await serve(dist);
  const cors = { 'access-control-allow-origin': '*' };
  const docs = {
    '/badges/teamwork.jwt': { type: 'text/plain', body: VALID_JWT, headers: cors },
    '/badges/expired.jwt': { type: 'text/plain', body: fixture('pm-expired.jwt').trim(), headers: cors },
    '/nocors/teamwork.jwt': { type: 'text/plain', body: VALID_JWT },
  };
  badges = await serve(path.join(root, 'tests', 'e2e', 'empty'), docs);
  Object.assign(docs, statusDocs(badges.url)); // they name the server's port
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  site?.server.close();
  badges?.server.close();
});

const openApp = (opts) => open(browser, site.url, opts);
const verdicts = (page, count) => verdictsIn(page, count, 20_000);
/** Drops fixture files by name. */
const dropFiles = (page, names) => drop(page, names.map((n) => ({ name: n, data: fs.readFileSync(path.join(fixtures, n)) })));

test('the page carries a strict CSP and no inline script', async () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'CSP meta tag missing');
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/);
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'inline script in index.html');
});

test('a token signed with a key its issuer does not list is never shown as verified', async () => {
  const app = await openApp();
  // The issuer's JWK Set and profile cannot be read, as when the server sends no CORS headers.
  await app.page.route('https://1edtech.edu/**', (route) => route.abort());
  await dropFiles(app.page, ['1edtech-simple-jwt.svg']);
  const v = await verdicts(app.page, 1);
  assert.equal(v['1edtech-simple-jwt.svg'], 'unverifiable');
  const c = card(app.page, '1edtech-simple-jwt.svg');
  assert.equal(await c.locator('.trust.verified').count(), 0, 'a verified-issuer tag on a card that is not valid');
  assert.match(await c.innerText(), /could not confirm the signer is https:\/\/1edtech\.edu\/issuers\/565049/);
  await finish(app);
});

test('several files dropped at once: one card each, right verdicts, a malformed file does not stop the others', async () => {
  const app = await openApp();
  await dropFiles(app.page, ['teamwork-baked.png', 'teamwork-valid.jwt', 'pm-expired.jwt', 'teamwork-tampered.jwt',
    'not-a-badge.txt', 'ob3-did-key.json', 'teamwork-baked.svg', 'teamwork-di.json']);
  const v = await verdicts(app.page, 8);
  assert.equal(v['teamwork-di.json'], 'valid');
  assert.equal(v['teamwork-baked.png'], 'valid');
  assert.equal(v['teamwork-baked.svg'], 'valid');
  // A baked image is shown as dropped, and offered for download under the badge's name.
  const baked = card(app.page, 'teamwork-baked.png');
  assert.match(await baked.locator('img.badge-image').getAttribute('src'), /^blob:/);
  assert.equal(await baked.locator('a.download-image').getAttribute('download'), 'teamwork.png');
  assert.equal(v['teamwork-valid.jwt'], 'valid');
  assert.equal(v['pm-expired.jwt'], 'expired');
  assert.equal(v['teamwork-tampered.jwt'], 'invalid');
  assert.equal(v['not-a-badge.txt'], 'error');
  // Signed by a did:key that nothing ties to its urn:uuid issuer.
  assert.equal(v['ob3-did-key.json'], 'invalid');
  const valid = card(app.page, 'teamwork-valid.jwt');
  assert.equal((await valid.locator('h3.badge-name').textContent()).trim(), 'Teamwork');
  assert.match(await valid.locator('.issuer').textContent(), /Example Training Institute.*verified issuer key/);
  assert.match(await valid.locator('.dates').textContent(), /12 March 2024/);
  // The criteria's <script> is shown as text, never run or parsed.
  assert.match(await valid.locator('.criteria').textContent(), /<script>alert\('never run'\)<\/script>/);
  assert.equal(await valid.locator('.criteria script').count(), 0);
  assert.equal(await valid.locator('.criteria strong').first().textContent(), 'at least four');
  assert.match(await card(app.page, 'pm-expired.jwt').locator('.verdict-word').textContent(), /Expired/);
  await valid.locator('details.checks summary').click();
  await valid.locator('details.expert summary').click();
  assert.match(await valid.locator('details.expert').textContent(), /ob3-jwt[\s\S]*did:key:z6Mk/);
  await app.page.screenshot({ path: path.join(shots, 'desktop-en-drop.png'), fullPage: true });
  await finish(app);
});

test('pasted JSON and a pasted JWT verify; a pasted image from the clipboard is read too', async () => {
  const app = await openApp({ width: 375 });
  await app.page.fill('#paste-input', fixture('teamwork-di.json'));
  await app.page.click('form.paste button[type=submit]');
  assert.equal((await verdicts(app.page, 1))['pasted text'], 'valid');
  await app.page.fill('#paste-input', VALID_JWT);
  await app.page.click('form.paste button[type=submit]');
  await verdicts(app.page, 2);
  const both = await app.page.$$eval('article.card', (c) => c.map((x) => x.dataset.verdict));
  assert.deepEqual(both, ['valid', 'valid']);
  assert.equal((await app.page.locator('article.card').nth(1).locator('h3.badge-name').textContent()).trim(), 'Teamwork');
  // A file pasted with Ctrl+V (as an image copied from another app arrives).
  await app.page.evaluate((jwt) => {
    const dt = new DataTransfer();
    dt.items.add(new File([jwt], 'clipboard.jwt'));
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
  }, VALID_JWT);
  const v = await verdicts(app.page, 3);
  assert.equal(v['clipboard.jwt'], 'valid');
  await app.page.screenshot({ path: path.join(shots, 'mobile-en-paste.png'), fullPage: true });
  await finish(app);
});

test('?url= deep link to a hosted badge with CORS verifies, and its share panel links back', async () => {
  const badgeUrl = `${badges.url}/badges/teamwork.jwt`;
  const app = await openApp({ suffix: `?url=${encodeURIComponent(badgeUrl)}` });
  const v = await verdicts(app.page, 1);
  assert.equal(v[badgeUrl], 'valid');
  const c = card(app.page, badgeUrl);
  await c.locator('details.share summary').click();
  assert.equal(await c.locator('input.verify-link').inputValue(), `${site.url}/?url=${encodeURIComponent(badgeUrl)}`);
  const linkedin = await c.locator('a.linkedin').getAttribute('href');
  assert.match(linkedin, /^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME&name=Teamwork&organizationName=Example%20Training%20Institute&issueYear=2024&issueMonth=3&certUrl=/);
  assert.match(await c.locator('textarea.embed').inputValue(), /^<a href="http:\/\/127\.0\.0\.1:\d+\/\?url=/);
  assert.match(await c.locator('.qr img').getAttribute('src'), /^data:image\/svg\+xml;base64,/);
  await c.locator('details.expert summary').click();
  assert.match(await c.locator('details.expert').textContent(), /\/badges\/teamwork\.jwt/);
  await app.page.screenshot({ path: path.join(shots, 'desktop-en-deeplink-share.png'), fullPage: true });
  await finish(app);
});

test('Bitstring status lists are inflated in the browser: revoked, valid, and a GZIP bomb refused', async () => {
  const app = await openApp();
  const urls = ['revoked', 'valid', 'bomb'].map((n) => `${badges.url}/status/${n}.jwt`);
  for (const url of urls) {
    await app.page.fill('#paste-input', url);
    await app.page.click('form.paste button[type=submit]');
  }
  const v = await verdicts(app.page, 3);
  assert.deepEqual(urls.map((u) => v[u]), ['revoked', 'valid', 'unverifiable']);
  assert.match(await card(app.page, urls[2]).textContent(), /decompresses to more than/);
  await finish(app);
});

test('a hosted badge without CORS headers: unverifiable, with a plain explanation', async () => {
  const badgeUrl = `${badges.url}/nocors/teamwork.jwt`;
  const app = await openApp({ suffix: `?url=${encodeURIComponent(badgeUrl)}` });
  const v = await verdicts(app.page, 1);
  assert.equal(v[badgeUrl], 'unverifiable');
  const notice = card(app.page, badgeUrl).locator('.notice.cors');
  assert.match(await notice.textContent(), /does not allow browsers to read this badge[\s\S]*paste/);
  await finish(app);
});

test('#credential= deep link and a badge URL dragged from another page', async () => {
  const app = await openApp({ suffix: `#credential=${VALID_JWT}` });
  let v = await verdicts(app.page, 1);
  assert.equal(v['#credential'], 'valid');
  const badgeUrl = `${badges.url}/badges/expired.jwt`;
  await app.page.evaluate((url) => {
    const dt = new DataTransfer();
    dt.setData('text/uri-list', url);
    document.querySelector('.dropzone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, badgeUrl);
  v = await verdicts(app.page, 2);
  assert.equal(v[badgeUrl], 'expired');
  await finish(app);
});

test('check the earner against the hashed recipient', async () => {
  const app = await openApp();
  await dropFiles(app.page, ['teamwork-valid.jwt']);
  await verdicts(app.page, 1);
  const c = card(app.page, 'teamwork-valid.jwt');
  assert.match(await c.locator('dd.earner').textContent(), /hashed/);
  await c.locator('input.earner-input').fill('Alice@Example.org');
  await c.locator('form.earner-check button').click();
  await c.locator('.earner-result[data-match="true"]').waitFor({ timeout: 5_000 });
  assert.match(await c.locator('.earner-result').textContent(), /Matches/);
  await c.locator('input.earner-input').fill('mallory@example.org');
  await c.locator('form.earner-check button').click();
  await c.locator('.earner-result[data-match="false"]').waitFor({ timeout: 5_000 });
  await finish(app);
});

test('the JSON report downloads in the --json shape', async () => {
  const app = await openApp();
  await dropFiles(app.page, ['teamwork-valid.jwt']);
  await verdicts(app.page, 1);
  const c = card(app.page, 'teamwork-valid.jwt');
  await c.locator('details.share summary').click();
  const [download] = await Promise.all([
    app.page.waitForEvent('download', { timeout: 10_000 }),
    c.locator('a.download-report').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'teamwork-report.json');
  const file = await download.path();
  const report = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(report.verdict, 'valid');
  assert.equal(report.format, 'ob3-jwt');
  assert.equal(report.input, 'teamwork-valid.jwt');
  assert.ok(report.checks.some((k) => k.id === 'proof' && k.outcome === 'passed'));
  // A file's verify link carries the credential itself, and opening it verifies again.
  const link = await c.locator('input.verify-link').inputValue();
  assert.match(link, /#credential=/);
  await finish(app);
});

test('language: zh-TW from the browser, and the switch back and forth', async () => {
  const app = await openApp({ locale: 'zh-TW' });
  assert.equal(await app.page.getAttribute('html', 'lang'), 'zh-TW');
  await dropFiles(app.page, ['teamwork-valid.jwt', 'pm-expired.jwt', 'not-a-badge.txt']);
  await verdicts(app.page, 3);
  assert.equal((await card(app.page, 'teamwork-valid.jwt').locator('.verdict-word').textContent()).trim(), '有效');
  assert.match(await card(app.page, 'teamwork-valid.jwt').locator('.dates').textContent(), /2024年3月12日/);
  await card(app.page, 'teamwork-valid.jwt').locator('details.checks summary').click();
  await app.page.screenshot({ path: path.join(shots, 'desktop-zh-TW.png'), fullPage: true });
  await app.page.setViewportSize({ width: 375, height: 900 });
  await app.page.screenshot({ path: path.join(shots, 'mobile-zh-TW.png'), fullPage: true });
  await app.page.click('#lang-switch');
  assert.equal(await app.page.getAttribute('html', 'lang'), 'en');
  assert.equal((await card(app.page, 'teamwork-valid.jwt').locator('.verdict-word').textContent()).trim(), 'Valid');
  await app.page.click('#lang-switch');
  assert.equal((await card(app.page, 'pm-expired.jwt').locator('.verdict-word').textContent()).trim(), '已過期');
  await finish(app);
});

test('dark mode at 320 px wide has no horizontal scroll', async () => {
  const app = await openApp({ width: 320, colorScheme: 'dark' });
  await dropFiles(app.page, ['teamwork-valid.jwt', 'teamwork-tampered.jwt']);
  await verdicts(app.page, 2);
  await card(app.page, 'teamwork-valid.jwt').locator('details.share summary').click();
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await app.page.screenshot({ path: path.join(shots, 'mobile-320-dark.png'), fullPage: true });
  await finish(app);
});

test('User Timing marks for scripts/bench-browser.mjs: app-start, app-mounted, verify:<card>', async () => {
  const app = await openApp();
  const marks = await app.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.ok(marks.includes('app-start') && marks.includes('app-mounted'), marks.join(', '));
  await dropFiles(app.page, ['ob3-valid-baked.png', 'teamwork-valid.jwt']);
  await verdicts(app.page, 2);
  const measures = await app.page.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
  assert.deepEqual(measures.filter((n) => n.startsWith('verify:')).sort(), ['verify:0', 'verify:1']);
  // The start marks are cleared once measured.
  const left = await app.page.evaluate(() => performance.getEntriesByType('mark').map((m) => m.name));
  assert.deepEqual(left.filter((n) => n.startsWith('verify:')), []);
  await finish(app);
});

// The app parses URLs with the page's own URL parser (crates/verifier/src/platform/browser.rs parse_url), the CLI
// with the url crate: both must give the parts tests/weburl.rs expects for the shared cases.
test("the browser's URL parser gives the parts the shared URL cases expect", async () => {
  const cases = JSON.parse(fs.readFileSync(path.join(root, 'tests', 'fixtures', 'weburl', 'cases.json'), 'utf8')).cases;
  const app = await openApp();
  // The same reading of URL's fields as WebUrl::from_parts, which also refuses a special URL's
  // host with a forbidden domain code point (Chromium percent-encodes a space instead).
  const got = await app.page.evaluate((inputs) => inputs.map((input) => {
    let u;
    try { u = new URL(input); } catch { return { input, error: true }; }
    const scheme = u.protocol.replace(/:$/, '');
    const special = ['http', 'https', 'ws', 'wss', 'ftp', 'file'].includes(scheme);
    if (special && !u.hostname.startsWith('[') && /[\x00-\x20#%/:<>?@[\\\]^|\x7f]/.test(u.hostname)) {
      return { input, error: true };
    }
    return {
      input, href: u.href, scheme, host: u.hostname || null, port: u.port ? Number(u.port) : null,
      origin: scheme === 'http' || scheme === 'https' ? u.origin : null,
    };
  }), cases.map((c) => c.input));
  assert.deepEqual(got, cases);
  await finish(app);
});

// Issue #14 §2: the app is built with `panic = "abort"`, so one panic would take the page down
// with every card. 240 mutated credentials (tests/fixtures/e2e/mutated-corpus.json, made by
// tests/verify_random.rs: non-ASCII keys and values, @-terms, huge numbers, nulls, other
// shapes, deep nesting, many re-signed so they reach status lists and endorsements) are dropped
// in batches; every card must get a verdict and the page must still verify a valid badge.
test('mutated credentials cannot take the page down', { timeout: 300_000 }, async () => {
  const corpus = JSON.parse(fs.readFileSync(path.join(fixtures, 'mutated-corpus.json'), 'utf8'));
  const app = await openApp();
  // The documents the corpus fetches, served as their https URLs would be; nothing else leaves
  // the machine (an unknown host fails at once instead of waiting for DNS).
  await app.context.route(/^https?:\/\//, (route) => {
    const url = route.request().url();
    if (url.startsWith(site.url) || url.startsWith(badges.url)) return route.continue();
    const body = corpus.served[url] ?? corpus.served[url.split('#')[0]];
    if (body === undefined) return route.abort('connectionrefused');
    return route.fulfill({ status: 200, contentType: 'application/ld+json', body,
      headers: { 'access-control-allow-origin': '*' } });
  });
  const inputs = corpus.inputs;
  assert.equal(inputs.length, 240);
  const BATCH = 40;
  for (let i = 0; i < inputs.length; i += BATCH) {
    const batch = inputs.slice(i, i + BATCH).map((x) => ({ name: x.name, data: x.base64 }));
    await app.page.evaluate((files) => {
      const dt = new DataTransfer();
      for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.data), (c) => c.charCodeAt(0))], f.name));
      const zone = document.querySelector('.dropzone');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, batch);
    await app.page.waitForFunction((n) => {
      const cards = [...document.querySelectorAll('article.card')];
      return cards.length === n && cards.every((c) => c.dataset.verdict && c.dataset.verdict !== 'pending');
    }, i + batch.length, { timeout: 60_000 }).catch((e) => {
      // A panic in the app (`panic = "abort"`) stops every card: say what the page reported.
      throw new Error(`cards stopped getting verdicts in the batch from input ${i} (${e.message}); `
        + `page errors: ${app.errors.join(' | ') || 'none'}`);
    });
  }
  const got = await app.page.$$eval('article.card', (cards) => cards.map((c) => [c.dataset.input, c.dataset.verdict]));
  assert.deepEqual(got.map(([input]) => input), inputs.map((x) => x.name), 'one card per input, in order');
  for (const [input, verdict] of got) assert.ok(VERDICTS.includes(verdict), `${input}: ${verdict}`);
  // Mutations reach past the signature: not everything is a plain error.
  const counts = {};
  for (const [, v] of got) counts[v] = (counts[v] ?? 0) + 1;
  assert.ok((counts.valid ?? 0) + (counts.revoked ?? 0) + (counts.invalid ?? 0) > 40, JSON.stringify(counts));
  // Still alive: a known-good badge dropped last verifies.
  await dropFiles(app.page, ['teamwork-valid.jwt']);
  const v = await verdicts(app.page, inputs.length + 1);
  assert.equal(v['teamwork-valid.jwt'], 'valid');
  await finish(app);
});
