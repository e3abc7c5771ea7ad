// Issue #18, many badges at once: 20 files dropped together keep the order they were given; the
// bar counts each verdict, filters and sorts; every report downloads as JSON lines and CSV; a
// card that is not valid shows its claims under a banner, offers nothing to share, and lists its
// failed checks first; every badge card opens with five plain lines. Screenshots of the batch
// view at 1280 and 375 px go to target/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedApp, finish, verdicts, dropFiles, card, fixture, shots } from './support.mjs';

const { openApp } = servedApp();

// 9 named fixtures, then 11 of the bench's valid baked badges: 20 files, shuffled so big and
// small files alternate (reads finish out of order).
const NAMED = ['teamwork-baked.png', 'not-a-badge.txt', 'teamwork-valid.jwt', 'ob3-tampered.json', 'pm-expired.jwt',
  'teamwork-tampered.jwt', 'ob3-did-key.json', 'teamwork-baked.svg', 'teamwork-di.json'];
const BENCH = Array.from({ length: 11 }, (_, i) => `bench/ob3-baked-${String(i + 1).padStart(2, '0')}.png`);
const ORDER = [];
for (let i = 0; i < 11; i++) {
  ORDER.push(BENCH[i]);
  if (NAMED[i]) ORDER.push(NAMED[i]);
}
const FILES = ORDER.map((n) => ({ name: path.basename(n), data: fixture(n).data }));
const NAMES = FILES.map((f) => f.name);
const SEVERITY = { valid: 0, unverifiable: 1, 'not-yet-valid': 2, expired: 3, suspended: 4, revoked: 5, invalid: 6, error: 7 };

const cardOrder = (page) => page.$$eval('article.card', (cs) => cs.map((c) => c.dataset.input));
const visible = (page) => page.$$eval('article.card', (cs) => cs.filter((c) => !c.hidden).map((c) => c.dataset.verdict));

async function dropTwenty(app) {
  assert.equal(FILES.length, 20);
  await dropFiles(app.page, FILES);
  return verdicts(app.page, 20);
}

test('20 files at once: drop order kept, counts, filter, sort, downloads, re-verify', { timeout: 120_000 }, async () => {
  const app = await openApp();
  const v = await dropTwenty(app);
  assert.deepEqual(await cardOrder(app.page), NAMES, 'cards in the order the files were dropped');
  const want = { valid: 15, invalid: 3, expired: 1, error: 1 };
  const got = {};
  for (const x of Object.values(v)) got[x] = (got[x] ?? 0) + 1;
  assert.deepEqual(got, want);
  assert.equal((await app.page.textContent('#batch-summary')).trim(), '15 valid · 3 invalid · 1 expired · 1 unreadable');
  // More than ten cards: each is a closed row with the badge's name, issuer and date.
  const row = card(app.page, 'teamwork-valid.jwt');
  assert.equal(await row.locator('.card-toggle').getAttribute('aria-expanded'), 'false');
  assert.equal((await row.locator('.row-name').textContent()).trim(), 'Teamwork');
  assert.match(await row.locator('.row-issuer').textContent(), /Example Training Institute/);
  assert.match(await row.locator('.row-date').textContent(), /12 March 2024/);
  await app.page.screenshot({ path: path.join(shots, 'batch-desktop-en.png'), fullPage: true });

  // Filter by a verdict: its count is a toggle.
  await app.page.click('.tally[data-verdict="invalid"]');
  assert.deepEqual(await visible(app.page), ['invalid', 'invalid', 'invalid']);
  assert.equal(await app.page.getAttribute('.tally[data-verdict="invalid"]', 'aria-pressed'), 'true');
  await app.page.click('.tally[data-verdict="invalid"]');
  assert.equal((await visible(app.page)).length, 20);

  // Sort: problems first, then by name, then back to the order chosen.
  await app.page.selectOption('#sort', 'verdict');
  const byVerdict = await app.page.$$eval('article.card', (cs) => cs.map((c) => c.dataset.verdict));
  const sev = byVerdict.map((x) => SEVERITY[x]);
  assert.deepEqual(sev, [...sev].sort((a, b) => b - a), byVerdict.join(', '));
  assert.equal(byVerdict[0], 'error');
  await app.page.selectOption('#sort', 'name');
  const names = await app.page.$$eval('article.card', (cs) => cs.map((c) => c.querySelector('.row-name')?.textContent ?? ''));
  const named = names.filter((n) => n);
  assert.deepEqual(named, [...named].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  await app.page.selectOption('#sort', 'chosen');
  assert.deepEqual(await cardOrder(app.page), NAMES);

  // Every report at once: JSON lines (the --json shape) and CSV, in the order chosen.
  const [jsonl] = await Promise.all([app.page.waitForEvent('download'), app.page.click('a.download-jsonl')]);
  assert.equal(jsonl.suggestedFilename(), 'badge-reports.jsonl');
  const lines = fs.readFileSync(await jsonl.path(), 'utf8').split('\n').filter((l) => l);
  assert.equal(lines.length, 20);
  assert.deepEqual(lines.map((l) => JSON.parse(l).input), NAMES);
  const [csv] = await Promise.all([app.page.waitForEvent('download'), app.page.click('a.download-csv')]);
  assert.equal(csv.suggestedFilename(), 'badge-reports.csv');
  const rows = fs.readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '').split('\r\n').filter((l) => l);
  assert.equal(rows.length, 21);
  assert.equal(rows[0], 'input,verdict,format,badge name,issuer,earner,issued,expires,summary');
  assert.match(rows.find((r) => r.startsWith('teamwork-tampered.jwt,')), /^teamwork-tampered\.jwt,invalid,ob3-jwt,Teamwork \(Gold\),Example Training Institute,\(hashed\),2024-03-12T09:00:00Z,,the signature does not match/);

  // Verify one card again, then all of them: same verdicts, same order.
  await row.locator('button.again').click();
  await verdicts(app.page, 20);
  await app.page.click('#reverify-all');
  assert.deepEqual(await verdicts(app.page, 20), v);
  assert.deepEqual(await cardOrder(app.page), NAMES);

  // In Chinese too.
  await app.page.click('#lang-switch');
  assert.equal((await app.page.textContent('#batch-summary')).trim(), '有效 15 · 無效 3 · 已過期 1 · 無法讀取 1');
  await app.page.setViewportSize({ width: 375, height: 900 });
  await app.page.screenshot({ path: path.join(shots, 'batch-mobile-zh-TW.png'), fullPage: true });
  await finish(app);
});

test('a card that is not valid: banner, muted claims, nothing to share, failed checks first; five plain lines', { timeout: 120_000 }, async () => {
  const app = await openApp();
  await dropTwenty(app);
  for (const name of ['ob3-tampered.json', 'teamwork-tampered.jwt']) {
    const c = card(app.page, name);
    await c.locator('.card-toggle').click();
    assert.equal(await c.locator('.card-toggle').getAttribute('aria-expanded'), 'true');
    await c.locator('.not-verified').waitFor();
    assert.match(await c.locator('.not-verified').textContent(), /Not verified — these claims may be false/);
    assert.equal(await c.locator('.claims.unverified').count(), 1);
    assert.equal(await c.locator('details.share').count(), 0, `${name}: a share panel`);
    assert.equal(await c.locator('a.linkedin, a.download-image, a.download-report').count(), 0);
    assert.equal(await c.locator('.claims .issuer a').count(), 0, `${name}: the issuer of claims not verified is a link`);
    const aspects = await c.locator('li.plain-line').evaluateAll((ls) => ls.map((l) => [l.dataset.aspect, l.dataset.mark]));
    assert.deepEqual(aspects.map(([a]) => a), ['authentic', 'issuer', 'status', 'dates', 'recipient']);
    assert.deepEqual(aspects[0], ['authentic', 'bad']);
    assert.ok(aspects.every(([, m]) => m !== 'ok'), JSON.stringify(aspects));
    await c.locator('details.checks summary').click();
    assert.match(await c.locator('details.checks li.check').first().getAttribute('class'), /\bfailed\b/);
    await c.screenshot({ path: path.join(shots, `batch-card-${name.replace(/\W/g, '-')}.png`) });
  }
  const ok = card(app.page, 'teamwork-valid.jwt');
  await ok.locator('.card-toggle').click();
  const marks = await ok.locator('li.plain-line').evaluateAll((ls) => ls.map((l) => l.dataset.mark));
  assert.deepEqual(marks.slice(0, 4), ['ok', 'ok', 'ok', 'ok']);
  assert.match(await ok.locator('li.plain-line[data-aspect="issuer"]').textContent(), /Signed by Example Training Institute/);
  assert.equal(await ok.locator('.not-verified').count(), 0);
  assert.equal(await ok.locator('details.share').count(), 1);
  // "Check the earner" answers the recipient line.
  await ok.locator('input.earner-input').fill('Alice@Example.org');
  await ok.locator('form.earner-check button').click();
  await ok.locator('li.plain-line[data-aspect="recipient"][data-mark="ok"]').waitFor({ timeout: 5_000 });
  await ok.screenshot({ path: path.join(shots, 'batch-card-valid.png') });
  await app.page.screenshot({ path: path.join(shots, 'batch-desktop-open.png'), fullPage: true });
  await app.page.setViewportSize({ width: 375, height: 900 });
  const overflow = await app.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await app.page.screenshot({ path: path.join(shots, 'batch-mobile-en.png'), fullPage: true });
  await finish(app);
});
