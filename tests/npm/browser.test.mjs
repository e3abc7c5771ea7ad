// The package's web build in Chromium: imported by a page served on 127.0.0.1, it verifies a
// fixture with the CLI's verdict, and a hosted badge behind a redirect with the page's fetch
// (which hides redirects from `redirect: 'manual'`, so the browser follows them).
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from '../e2e/support.mjs';
import { serve } from '../e2e/server.mjs';
import { AT, cliJson, essence, packageDir, root } from './support.mjs';
import { site } from './site.mjs';

// The package is served from the repository root (tests/e2e/server.mjs), its .mjs files with a
// JavaScript type (which that server does not know, and browsers require of modules).
const pkgPath = '/' + path.relative(root, packageDir);
const docs = { '/index.html': { type: 'text/html', body: '<!doctype html><title>npm package</title>' } };
for (const f of ['driver.mjs', 'fetch.mjs', 'web/index.mjs']) {
  docs[`${pkgPath}/${f}`] = { type: 'text/javascript', body: fs.readFileSync(path.join(packageDir, f)) };
}
let server, base, browser;

before(async () => {
  ({ server, url: base } = await serve(root, docs));
  Object.assign(docs, site(base));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test('the web build verifies in Chromium', { timeout: 120_000 }, async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${base}/index.html`);
  const file = 'tests/fixtures/e2e/ob3-valid.json';
  const [cli] = await cliJson(['--at', AT, file]);
  const result = await page.evaluate(async ({ file, at, base, pkgPath }) => {
    const { verify, Verifier } = await import(`${pkgPath}/web/index.mjs`);
    const bytes = new Uint8Array(await (await fetch('/' + file)).arrayBuffer());
    const local = await verify({ name: file, bytes }, { at });
    const v = new Verifier({ at, allowHttp: true });
    const hosted = await v.verify(`${base}/moved`);
    const refused = await v.verify('https://10.0.0.1/a');
    return { local, hosted, refused };
  }, { file, at: AT, base, pkgPath });
  assert.equal(result.local.verdict, 'valid');
  assert.deepEqual(essence(result.local), essence(cli));
  assert.equal(result.hosted.verdict, 'valid', JSON.stringify(result.hosted.checks));
  assert.equal(result.hosted.format, 'ob2-hosted');
  assert.notEqual(result.refused.verdict, 'valid');
  assert.deepEqual(errors, []);
  await page.close();
});
