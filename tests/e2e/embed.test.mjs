// Issue #19: <open-badge src="…">, the live badge an earner pastes into their own site. Three
// origins on 127.0.0.1, as in real use: the app (dist/, with dist/embed/ from Trunk's post-build
// hook, scripts/build-embed.sh), the issuer's badges, and the earner's page. The element
// verifies in the visitor's browser, renders badge text as text only, says the verdict in words
// (en, zh-TW), links to the app's full report, and loads the verifier once per page, only when
// an element is on it. The app's share panel offers the two lines for a valid hosted badge.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve } from './server.mjs';
import { statusDocs, signJwt } from './status-docs.mjs';
import { launchBrowser, openApp as open, finish, verdicts, card, root, dist, fixtures, shots } from './support.mjs';

const out = path.join(shots, 'embed');
const fixture = (name) => fs.readFileSync(path.join(fixtures, name), 'utf8').trim();
const VALID_JWT = fixture('teamwork-valid.jwt');
const cors = { 'access-control-allow-origin': '*' };
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };
// What a badge's text tries, to be shown as text only: markup that would run script as HTML.
const MARKUP_NAME = '<img src=x onerror="window.__pwned=1">Teamwork<script>window.__pwned=2</script>';
const MARKUP_ISSUER = '<b onmouseover="window.__pwned=3">Evil</b> & Co';

let browser, app, badges, host, hostPages;

/** The valid fixture's credential with its texts and image replaced, signed with its key. */
function markupBadge() {
  const c = JSON.parse(Buffer.from(VALID_JWT.split('.')[1], 'base64url'));
  c.credentialSubject.achievement.name = MARKUP_NAME;
  c.credentialSubject.achievement.image = { id: 'javascript:window.__pwned=4', type: 'Image' };
  c.issuer.name = MARKUP_ISSUER;
  c.name = MARKUP_NAME;
  return signJwt(c);
}

/** dist/embed/ as the app serves it to other sites' pages: with CORS, as module scripts need. */
function embedFiles() {
  const dir = path.join(dist, 'embed');
  assert.ok(fs.existsSync(path.join(dir, 'open-badge.js')),
    'dist/embed/ is missing: `trunk build --release` builds it (scripts/build-embed.sh in the post_build hook)');
  const files = {};
  for (const rel of fs.readdirSync(dir, { recursive: true })) {
    const file = path.join(dir, rel);
    if (!fs.statSync(file).isFile()) continue;
    files[`/embed/${rel.split(path.sep).join('/')}`] = {
      type: TYPES[path.extname(file)] ?? 'application/octet-stream', body: fs.readFileSync(file), headers: cors,
    };
  }
  return files;
}

before(async () => {
  fs.mkdirSync(out, { recursive: true });
  app = await serve(dist, embedFiles());
  const docs = {
    '/badges/teamwork.jwt': { type: 'text/plain', body: VALID_JWT, headers: cors },
    '/badges/tampered.jwt': { type: 'text/plain', body: fixture('teamwork-tampered.jwt'), headers: cors },
    '/badges/missing.jwt': { status: 404, type: 'text/plain', body: 'not found', headers: cors },
    '/badges/markup.jwt': { type: 'text/plain', body: markupBadge(), headers: cors },
    // RS256: left to the full verifier by the element's lean build, which loads the full one.
    '/badges/rs256.jwt': { type: 'text/plain', body: fixture('ob3-rs256.jwt'), headers: cors },
    '/nocors/teamwork.jwt': { type: 'text/plain', body: VALID_JWT },
  };
  badges = await serve(path.join(root, 'tests', 'e2e', 'empty'), docs);
  Object.assign(docs, statusDocs(badges.url)); // /status/{valid,revoked}.jwt name the port
  hostPages = {};
  host = await serve(path.join(root, 'tests', 'e2e', 'empty'), hostPages);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const s of [app, badges, host]) s?.server.close();
});

/** An earner's page: the snippet's script, then `body`; hostile-ish CSS that must not leak in. */
function hostPage(name, { lang = 'en', body }) {
  hostPages[`/${name}.html`] = {
    type: 'text/html; charset=utf-8',
    body: `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>My badges</title>
<script type="module" src="${app.url}/embed/open-badge.js"></script>
<style>
  body { font: 17px/1.6 Georgia, serif; margin: 24px; background: #f6f4ef; color: #222; }
  @media (prefers-color-scheme: dark) { body { background: #0d1117; color: #e6edf3; } }
  h1 { font-size: 22px; }
  .badges { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
  /* What a site's own styles do to everything: none of it may reach inside the element. */
  p, img, a, div, article, span { color: red !important; border: 3px dashed red; text-transform: uppercase; }
</style></head><body><h1>${lang === 'zh-TW' ? '我的徽章' : 'My badges'}</h1>
<div class="badges">${body}</div></body></html>`,
  };
  return `${host.url}/${name}.html`;
}

/** Opens a host page, recording page errors, console errors and requests. */
async function openHost(url, { locale = 'en-US', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale, colorScheme });
  const page = await context.newPage();
  const errors = [];
  const requested = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    // The badge without CORS headers makes Chromium log its refusal: that is the case tested.
    if (m.type() === 'error' && !/Failed to load resource|net::ERR_FAILED|CORS policy/.test(m.text())) errors.push(m.text());
  });
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(url, { timeout: 20_000 });
  return { page, context, errors, requested };
}

/** Waits for every <open-badge> to have its verdict; returns {id: what it shows}. */
async function shown(page, timeout = 30_000) {
  await page.waitForFunction(() => {
    const all = [...document.querySelectorAll('open-badge')];
    return all.length > 0 && all.every((e) => e.dataset.verdict && e.dataset.verdict !== 'pending');
  }, null, { timeout });
  return page.$$eval('open-badge', (els) => Object.fromEntries(els.map((e) => {
    const q = (s) => e.shadowRoot.querySelector(s);
    return [e.id, {
      verdict: e.dataset.verdict,
      verifier: e.dataset.verifier,
      word: q('.word')?.textContent,
      why: q('.why')?.textContent,
      name: q('.name')?.textContent,
      issuer: q('.issuer dd')?.textContent ?? null,
      issued: q('.issued dd')?.textContent ?? null,
      image: q('img')?.getAttribute('src') ?? null,
      alt: q('img')?.getAttribute('alt') ?? null,
      link: q('a.report')?.href ?? null,
      status: q('[role=status]') !== null,
      label: q('article')?.getAttribute('aria-label'),
      tags: [...e.shadowRoot.querySelectorAll('*')].map((n) => n.localName),
      light: e.children.length,
    }];
  })));
}

const reportLink = (src) => `${app.url}/?url=${encodeURIComponent(src)}`;

test('several badges on one page: verdicts in words, text only, report links, one verifier load', async () => {
  const src = {
    valid: `${badges.url}/badges/teamwork.jwt`,
    revoked: `${badges.url}/status/revoked.jwt`,
    invalid: `${badges.url}/badges/tampered.jwt`,
    missing: `${badges.url}/badges/missing.jwt`,
    markup: `${badges.url}/badges/markup.jwt`,
    nocors: `${badges.url}/nocors/teamwork.jwt`,
    rs256: `${badges.url}/badges/rs256.jwt`,
    script: 'javascript:alert(1)',
  };
  const url = hostPage('many', {
    body: Object.entries(src).map(([id, s]) => `<open-badge id="${id}" src="${s.replace(/"/g, '&quot;')}"></open-badge>`).join('\n')
      // The app elsewhere (report-base), and a report-base that is no web address.
      + `<open-badge id="based" src="${src.valid}" report-base="https://verifier.example/app/?x=1"></open-badge>`
      + `<open-badge id="badbase" src="${src.valid}" report-base="javascript:alert(1)//"></open-badge>`,
  });
  const h = await openHost(url);
  const v = await shown(h.page);
  assert.equal(v.valid.verdict, 'valid');
  assert.equal(v.valid.word, 'Valid');
  assert.equal(v.valid.why, 'The badge is authentic, unchanged and in force.');
  assert.equal(v.valid.name, 'Teamwork');
  assert.equal(v.valid.issuer, 'Example Training Institute');
  assert.equal(v.valid.issued, '12 March 2024');
  assert.match(v.valid.image, /^data:image\/svg\+xml;base64,/);
  assert.equal(v.valid.alt, 'Teamwork');
  assert.equal(v.valid.label, 'Open Badge: Teamwork');
  assert.ok(v.valid.status, 'the verdict is a live region');
  assert.equal(v.revoked.verdict, 'revoked');
  assert.equal(v.revoked.word, 'Revoked');
  assert.equal(v.invalid.verdict, 'invalid');
  assert.equal(v.invalid.word, 'Invalid');
  assert.ok(['unverifiable', 'error'].includes(v.missing.verdict), v.missing.verdict);
  assert.equal(v.missing.name, src.missing, 'no badge: the element names the URL it was given');
  assert.equal(v.nocors.verdict, 'unverifiable');
  assert.equal(v.nocors.word, "Can't verify");
  assert.match(v.nocors.why, /^Can't verify here: the issuer's server does not allow this page to read the badge .*open the full report\.$/);
  assert.equal(v.rs256.verdict, 'valid', 'verified again by the full verifier');
  assert.equal(v.rs256.verifier, 'full');
  assert.equal(v.valid.verifier, undefined);
  assert.equal(v.script.verdict, 'error');
  assert.equal(v.based.link, `https://verifier.example/app/?url=${encodeURIComponent(src.valid)}`);
  assert.equal(v.badbase.verdict, 'valid');
  assert.equal(v.badbase.link, null, 'a javascript: report-base gets no link');
  assert.equal(v.script.link, null, 'a javascript: src gets no link');
  for (const id of ['valid', 'revoked', 'invalid', 'missing', 'markup', 'nocors', 'rs256']) {
    assert.equal(v[id].link, reportLink(src[id]), id);
    assert.equal(v[id].light, 0, `${id}: nothing added to the page's own DOM`);
  }

  // Badge text is text: the markup is shown literally, nothing in it is parsed or run.
  assert.equal(v.markup.verdict, 'valid');
  assert.equal(v.markup.name, MARKUP_NAME);
  assert.equal(v.markup.issuer, MARKUP_ISSUER);
  assert.equal(v.markup.image, null, 'a javascript: image is not shown');
  assert.deepEqual(v.markup.tags.filter((t) => !v.valid.tags.includes(t)), [], 'no element the badge made');
  assert.ok(!v.markup.tags.includes('script') && !v.markup.tags.includes('b') && !v.markup.tags.includes('img'));
  assert.equal(await h.page.evaluate(() => window.__pwned), undefined, 'script from badge text ran');
  await h.page.locator('open-badge#markup').hover();
  assert.equal(await h.page.evaluate(() => window.__pwned), undefined);

  // The page's CSS stays outside: its red dashed borders and capitals do not reach the card.
  const style = await h.page.$eval('open-badge#valid', (e) => {
    const cs = getComputedStyle(e.shadowRoot.querySelector('.name'));
    return { color: cs.color, transform: cs.textTransform, border: getComputedStyle(e.shadowRoot.querySelector('article')).borderTopStyle };
  });
  assert.notEqual(style.color, 'rgb(255, 0, 0)');
  assert.equal(style.transform, 'none');
  assert.equal(style.border, 'solid');

  // The verifier is fetched once for the page, for all ten elements.
  const count = (re) => h.requested.filter((u) => re.test(u)).length;
  assert.equal(count(/\/embed\/verifier\/web\/badge_verifier_bg\.wasm$/), 1, h.requested.join('\n'));
  assert.equal(count(/\/embed\/verifier\/web\/badge_verifier\.js$/), 1);
  assert.equal(count(/\/embed\/open-badge\.js$/), 1);
  assert.equal(count(/\/embed\/verifier-full\/web\/badge_verifier_bg\.wasm$/), 1, 'the full verifier, once, for the RS256 badge');
  // The javascript: src was never fetched, nothing went to the app's server but its files.
  assert.ok(!h.requested.some((u) => u.startsWith('javascript:')));
  assert.deepEqual(h.requested.filter((u) => u.startsWith(app.url) && !u.includes('/embed/')), []);
  assert.deepEqual(h.errors, []);
  await h.page.locator('.badges').screenshot({ path: path.join(out, 'many-light.png') });
  await h.context.close();
});

test('light and dark host pages, and the report link opens the app on that badge', async () => {
  const srcs = [`${badges.url}/badges/teamwork.jwt`, `${badges.url}/status/revoked.jwt`, `${badges.url}/nocors/teamwork.jwt`];
  const url = hostPage('two', { body: srcs.map((s, i) => `<open-badge id="b${i}" src="${s}"></open-badge>`).join('\n') });
  for (const colorScheme of ['light', 'dark']) {
    const h = await openHost(url, { colorScheme });
    const v = await shown(h.page);
    assert.deepEqual(Object.values(v).map((x) => x.verdict), ['valid', 'revoked', 'unverifiable']);
    const width = await h.page.$eval('open-badge#b0', (e) => e.getBoundingClientRect().width);
    assert.equal(width, 320);
    await h.page.locator('.badges').screenshot({ path: path.join(out, `cards-${colorScheme}.png`) });
    assert.deepEqual(h.errors, []);
    if (colorScheme === 'light') {
      // The link opens the app's full report on the same badge, in a new tab.
      const [tab] = await Promise.all([h.context.waitForEvent('page'), h.page.locator('open-badge#b0 a.report').click()]);
      await tab.waitForSelector('article.card[data-verdict="valid"]', { timeout: 20_000 });
      assert.equal(await tab.locator('article.card').getAttribute('data-input'), srcs[0]);
      await tab.close();
    }
    await h.context.close();
  }
});

test('a zh-TW page reads in Traditional Chinese, with the app\'s words', async () => {
  const url = hostPage('zh', {
    lang: 'zh-TW',
    body: `<open-badge id="valid" src="${badges.url}/badges/teamwork.jwt"></open-badge>
<open-badge id="revoked" src="${badges.url}/status/revoked.jwt"></open-badge>
<open-badge id="nocors" src="${badges.url}/nocors/teamwork.jwt"></open-badge>
<open-badge id="en" lang="en" src="${badges.url}/badges/teamwork.jwt"></open-badge>`,
  });
  const h = await openHost(url, { locale: 'zh-TW' });
  const v = await shown(h.page);
  assert.equal(v.valid.word, '有效');
  assert.equal(v.valid.why, '此徽章真實、未經竄改且有效。');
  assert.equal(v.valid.issued, '2024年3月12日');
  assert.equal(v.valid.label, '開放徽章: Teamwork');
  assert.equal(v.revoked.word, '已撤銷');
  assert.equal(v.nocors.word, '無法驗證');
  assert.match(v.nocors.why, /^無法在此驗證：頒發者的伺服器不允許此網頁讀取徽章/);
  assert.equal(v.en.word, 'Valid', 'an element\'s own lang attribute wins');
  // One verification per badge URL on a page: two elements, one fetch of the badge.
  assert.equal(h.requested.filter((u) => u.endsWith('/badges/teamwork.jwt')).length, 1);
  assert.deepEqual(h.requested.filter((u) => u.includes('/verifier-full/')), [], 'no badge here needs the full verifier');
  await h.page.locator('.badges').screenshot({ path: path.join(out, 'cards-zh-TW.png') });
  assert.deepEqual(h.errors, []);
  await h.context.close();
});

test('the verifier is loaded only when an <open-badge> is on the page; without the full one, a rare badge says so', async () => {
  const url = hostPage('none', { body: '<p id="text">No badge yet.</p>' });
  const h = await openHost(url);
  await h.page.waitForFunction(() => customElements.get('open-badge') !== undefined, null, { timeout: 10_000 });
  await h.page.waitForLoadState('networkidle');
  assert.deepEqual(h.requested.filter((u) => u.includes('/embed/verifier/')), [], 'verifier loaded without an element');
  // An element added later loads it and verifies.
  await h.page.evaluate((src) => {
    const e = document.createElement('open-badge');
    e.id = 'late';
    e.setAttribute('src', src);
    document.querySelector('.badges').append(e);
  }, `${badges.url}/badges/teamwork.jwt`);
  const v = await shown(h.page);
  assert.equal(v.late.verdict, 'valid');
  assert.equal(h.requested.filter((u) => u.endsWith('badge_verifier_bg.wasm')).length, 1);
  // When the full verifier cannot be loaded, a badge that needs it says so and links on.
  await h.page.route('**/embed/verifier-full/**', (route) => route.abort());
  await h.page.evaluate((src) => {
    const e = document.createElement('open-badge');
    e.id = 'rare';
    e.setAttribute('src', src);
    document.querySelector('.badges').append(e);
  }, `${badges.url}/badges/rs256.jwt`);
  const rare = (await shown(h.page)).rare;
  assert.equal(rare.verdict, 'unverifiable');
  assert.equal(rare.why, "Can't verify here: this badge needs the full verifier, which could not be loaded — open the full report.");
  assert.equal(rare.link, reportLink(`${badges.url}/badges/rs256.jwt`));
  assert.deepEqual(h.errors.filter((e) => !/verifier-full/.test(e)), []);
  await h.context.close();
});

test('the app offers the two-line snippet for a valid hosted badge, and it works as pasted', async () => {
  const badgeUrl = `${badges.url}/badges/teamwork.jwt`;
  const a = await open(browser, app.url, { suffix: `?url=${encodeURIComponent(badgeUrl)}` });
  await verdicts(a.page, 1, 20_000);
  const c = card(a.page, badgeUrl);
  await c.locator('details.share summary').click();
  const snippet = await c.locator('textarea.live-embed').inputValue();
  assert.equal(snippet, `<script type="module" src="${app.url}/embed/open-badge.js"></script>\n<open-badge src="${badgeUrl}"></open-badge>`);
  assert.equal(await c.locator('button.copy-live-embed').count(), 1);
  assert.match(await c.locator('.live-embed-hint').innerText(), /two lines/);
  await c.screenshot({ path: path.join(out, 'app-share-snippet.png') });
  await finish(a);
  // Pasted as is into a page on another site.
  const h = await openHost(hostPage('pasted', { body: snippet }));
  const v = await shown(h.page);
  assert.equal(Object.values(v)[0].verdict, 'valid');
  assert.deepEqual(h.errors, []);
  await h.context.close();
});

test('no snippet for a hosted badge that is not valid, nor in zh-TW without its words', async () => {
  const tampered = `${badges.url}/badges/tampered.jwt`;
  const a = await open(browser, app.url, { suffix: `?url=${encodeURIComponent(tampered)}` });
  assert.equal((await verdicts(a.page, 1, 20_000))[tampered], 'invalid');
  assert.equal(await a.page.locator('textarea.live-embed, button.copy-live-embed').count(), 0);
  await finish(a);
  const valid = `${badges.url}/badges/teamwork.jwt`;
  const z = await open(browser, app.url, { suffix: `?url=${encodeURIComponent(valid)}`, locale: 'zh-TW' });
  await verdicts(z.page, 1, 20_000);
  const c = card(z.page, valid);
  await c.locator('details.share summary').click();
  assert.match(await c.locator('button.copy-live-embed').innerText(), /嵌入即時驗證徽章/);
  assert.match(await c.locator('.live-embed-hint').innerText(), /這兩行/);
  await finish(z);
});
