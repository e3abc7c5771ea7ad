// The <open-badge> element in headless Chromium (issue #19): from navigation start to the
// verdict shown, for a page with one badge (cold: a fresh browser context, so the element, the
// verifier's JavaScript and .wasm are fetched and compiled), and then for a second badge added
// to the same page (warm: the verifier is loaded). Three origins on 127.0.0.1 as in the e2e
// test; badges are the e2e fixtures (an OB 3.0 VC-JWT, did:key, no status list).
// Usage: node scripts/bench-embed.mjs [runs=7]   (after `trunk build --release`)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../tests/e2e/server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[2] ?? 7);
const embed = path.join(root, 'dist', 'embed');
const cors = { 'access-control-allow-origin': '*' };
const files = {};
for (const rel of fs.readdirSync(embed, { recursive: true })) {
  const f = path.join(embed, rel);
  if (!fs.statSync(f).isFile()) continue;
  files[`/embed/${rel.split(path.sep).join('/')}`] = {
    type: f.endsWith('.wasm') ? 'application/wasm' : 'text/javascript', body: fs.readFileSync(f), headers: cors,
  };
}
const jwt = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'e2e', 'teamwork-valid.jwt'), 'utf8').trim();
const app = await serve(path.join(root, 'dist'), files);
const badges = await serve(path.join(root, 'dist'), {
  '/a.jwt': { type: 'text/plain', body: jwt, headers: cors },
  '/b.jwt': { type: 'text/plain', body: jwt, headers: cors },
});
const host = await serve(path.join(root, 'dist'), {
  '/host.html': {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="${app.url}/embed/open-badge.js"></script></head>
<body><open-badge id="a" src="${badges.url}/a.jwt"></open-badge></body></html>`,
  },
});
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const until = (page, id) => page.waitForFunction((i) => {
  const e = document.getElementById(i);
  return e?.dataset.verdict && e.dataset.verdict !== 'pending' ? performance.now() : false;
}, id, { timeout: 30_000, polling: 'raf' }).then((h) => h.jsonValue());
const cold = [];
const warm = [];
for (let i = 0; i < runs; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${host.url}/host.html`);
  cold.push(await until(page, 'a'));
  const start = await page.evaluate((src) => {
    const e = document.createElement('open-badge');
    e.id = 'b';
    e.setAttribute('src', src);
    document.body.append(e);
    return performance.now();
  }, `${badges.url}/b.jwt`);
  warm.push((await until(page, 'b')) - start);
  if ((await page.$eval('#a', (e) => e.dataset.verdict)) !== 'valid') throw new Error('the badge is not valid');
  await context.close();
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`embed, ${runs} runs: navigation start → first verdict median ${median(cold).toFixed(0)} ms (min ${Math.min(...cold).toFixed(0)}, max ${Math.max(...cold).toFixed(0)})`);
console.log(`embed: a second badge on the same page, inserted → verdict median ${median(warm).toFixed(1)} ms`);
await browser.close();
for (const s of [app, badges, host]) s.server.close();
