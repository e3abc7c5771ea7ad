// End-to-end: the app served by `badge-verify serve` (its fetch relay, issue #17) in headless
// Chromium. A badge server without CORS headers is read through the relay; a private address
// stays refused. Needs dist/ (`trunk build --release`) and target/debug/badge-verify
// (`cargo build -p badge-verify`; scripts/test.sh runs `cargo test` first, which builds it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { serve } from './server.mjs';
import { launchBrowser, openApp, finish, verdicts, card } from './support.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const dist = path.join(root, 'dist');
const bin = path.join(root, 'target', 'debug', 'badge-verify');
const VALID_JWT = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'e2e', 'teamwork-valid.jwt'), 'utf8').trim();

/** A private address: refused by the app's own check and by the relay, even in test mode. */
const PRIVATE = 'http://10.255.255.1/x';
let browser, relay, badges, relayUrl;

/** Starts `badge-verify serve --port 0 …`; resolves to the URL its first line names. */
function startRelay() {
  const child = spawn(bin, ['serve', '--port', '0', '--dist', dist, '--allow-http'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error('badge-verify serve did not start within 20 s')); }, 20_000);
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/^listening on (http:\/\/127\.0\.0\.1:\d+)\n/);
      if (m) { clearTimeout(timer); resolve({ child, url: m[1] }); }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`badge-verify serve exited with ${code}: ${out}`)); });
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(dist, 'index.html')), 'dist/ is missing: run `trunk build --release` first');
  assert.ok(fs.existsSync(bin), `${bin} is missing: run \`cargo build -p badge-verify\` first`);
  // No CORS headers anywhere on this server: the browser may not read it.
  badges = await serve(path.join(root, 'tests', 'e2e', 'empty'), {
    '/nocors/teamwork.jwt': { type: 'text/plain', body: VALID_JWT },
    '/nocors/to-private': { status: 302, type: 'text/plain', body: '', headers: { location: PRIVATE } },
  });
  relay = await startRelay();
  relayUrl = relay.url;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  relay?.child.kill();
  badges?.server.close();
});

test('the relay names itself, so the app knows it is there', async () => {
  const r = await fetch(`${relayUrl}/relay`);
  assert.equal(r.status, 400);
  assert.match(await r.text(), /^badge-verify relay/);
});

test('a badge server without CORS headers: read through the relay, valid, and the card says so', async () => {
  const badgeUrl = `${badges.url}/nocors/teamwork.jwt`;
  const app = await openApp(browser, relayUrl, { suffix: `?url=${encodeURIComponent(badgeUrl)}` });
  const v = await verdicts(app.page, 1, 30_000);
  assert.equal(v[badgeUrl], 'valid');
  const c = card(app.page, badgeUrl);
  assert.match(await c.locator('.notice.relayed').innerText(), new RegExp(`fetched through this site: ${badgeUrl.replace(/[.]/g, '\\.')}`));
  assert.equal(await c.locator('.notice.cors').count(), 0, 'the CORS notice for a URL the relay read');
  assert.ok(app.requested.some((u) => u.startsWith(`${relayUrl}/relay?url=`)), 'the relay was asked');
  await finish(app);
});

test('a private address stays refused, by the app and by the relay', async () => {
  // The app's own check refuses it before anything is fetched.
  const privateUrl = PRIVATE;
  let app = await openApp(browser, relayUrl, { suffix: `?url=${encodeURIComponent(privateUrl)}` });
  let v = await verdicts(app.page, 1, 30_000);
  assert.notEqual(v[privateUrl], 'valid');
  assert.match(await card(app.page, privateUrl).innerText(), /10\.255\.255\.1 is a private address/);
  await finish(app);

  // A server the browser may not read redirects there: the relay refuses the hop, and says so.
  const r = await fetch(`${relayUrl}/relay?url=${encodeURIComponent(privateUrl)}`);
  assert.equal(r.status, 403);
  const hop = `${badges.url}/nocors/to-private`;
  app = await openApp(browser, relayUrl, { suffix: `?url=${encodeURIComponent(hop)}` });
  v = await verdicts(app.page, 1, 30_000);
  assert.notEqual(v[hop], 'valid');
  const text = await card(app.page, hop).innerText();
  assert.match(text, /private address/);
  assert.doesNotMatch(text, /fetched through this site/);
  await finish(app);
});
