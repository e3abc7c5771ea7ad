// Issue #16 in the browser: plain W3C credentials, CLR transcripts, presentations and
// VC-JOSE-COSE enveloped credentials each verify as what they are; the on-demand module is
// loaded only when a badge needs it. Serves dist/ on 127.0.0.1 (tests/e2e/server.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { servedApp, finish, verdicts, dropFiles, card, fixture, nestedCards, root, fixtures, shots } from './support.mjs';

const { openApp } = servedApp();


const nestedVerdicts = async (c) => (await nestedCards(c)).map((n) => n.verdict);

test('a plain W3C credential is verified as a credential, never called a forged badge', async () => {
  const app = await openApp();
  await dropFiles(app.page, [fixture('vc-alumni.json'), fixture('vc-alumni-tampered.json')]);
  const v = await verdicts(app.page, 2);
  assert.equal(v['vc-alumni.json'], 'valid');
  assert.equal(v['vc-alumni-tampered.json'], 'invalid');
  const c = card(app.page, 'vc-alumni.json');
  assert.match(await c.locator('.notice.kind').innerText(), /Verifiable Credential, not an Open Badge[\s\S]*AlumniCredential/);
  assert.equal((await c.locator('h3.badge-name').textContent()).trim(), 'Alumni of Example University');
  await c.locator('details.checks summary').click();
  assert.match(await c.locator('details.checks').innerText(), /vc-data-integrity/);
  await app.page.screenshot({ path: path.join(shots, 'desktop-en-plain-vc.png'), fullPage: true });
  await finish(app);
});

test('a CLR transcript: one verdict for the whole, each course credential its own', async () => {
  const app = await openApp();
  await dropFiles(app.page, [fixture('clr-transcript.json'), fixture('clr-one-altered.json')]);
  const v = await verdicts(app.page, 2);
  assert.equal(v['clr-transcript.json'], 'valid');
  assert.equal(v['clr-one-altered.json'], 'invalid');
  const good = card(app.page, 'clr-transcript.json');
  assert.match(await good.locator('.notice.kind').innerText(), /Comprehensive Learner Record/);
  assert.match(await good.locator('.transcript').innerText(), /Algebra I[\s\S]*A[\s\S]*Databases[\s\S]*B\+/);
  assert.deepEqual(await nestedVerdicts(good), ['valid', 'valid']);
  assert.deepEqual(await nestedVerdicts(card(app.page, 'clr-one-altered.json')), ['valid', 'invalid']);
  await app.page.screenshot({ path: path.join(shots, 'desktop-en-clr.png'), fullPage: true });
  await finish(app);
});

test('a presentation: each credential is its own card under it; an enveloped vc+jwt verifies', async () => {
  const app = await openApp({ width: 375 });
  await dropFiles(app.page, [fixture('vp-two-badges.json'), fixture('enveloped-vc-jwt.json'),
    fixture('enveloped-vc-jwt-tampered.json')]);
  const v = await verdicts(app.page, 3);
  assert.equal(v['enveloped-vc-jwt-tampered.json'], 'invalid');
  assert.equal(v['vp-two-badges.json'], 'invalid');
  assert.equal(v['enveloped-vc-jwt.json'], 'valid');
  const vp = card(app.page, 'vp-two-badges.json');
  assert.match(await vp.locator('.notice.kind').innerText(), /presentation/);
  assert.deepEqual(await nestedVerdicts(vp), ['valid', 'invalid']);
  const env = card(app.page, 'enveloped-vc-jwt.json');
  assert.equal((await env.locator('h3.badge-name').first().textContent()).trim(), 'Teamwork');
  await env.locator('details.checks summary').click();
  assert.match(await env.locator('details.checks').innerText(), /enveloped/);
  await app.page.screenshot({ path: path.join(shots, 'phone-en-presentation.png'), fullPage: true });
  // None of these needed the on-demand module.
  assert.ok(!app.requested.some((u) => u.includes('badge-verifier-suites')), app.requested.join('\n'));
  await finish(app);
});

const ON_DEMAND = ['ob3-es384.jwt', 'ob3-p384-di.json', 'ob3-rs256.jwt', 'ob3-es256k.jwt', 'ob3-language.json'];

test('JWT forms of a presentation and a CLR, and ecdsa-jcs-2019 (first load)', async () => {
  const app = await openApp();
  await dropFiles(app.page, [fixture('vp-two-badges.jwt'), fixture('clr-transcript.jwt'), fixture('ob3-ecdsa-jcs-p256.json')]);
  const v = await verdicts(app.page, 3);
  assert.equal(v['vp-two-badges.jwt'], 'invalid');
  assert.deepEqual(await nestedVerdicts(card(app.page, 'vp-two-badges.jwt')), ['valid', 'invalid']);
  assert.equal(v['clr-transcript.jwt'], 'valid');
  assert.deepEqual(await nestedVerdicts(card(app.page, 'clr-transcript.jwt')), ['valid', 'valid']);
  assert.equal(v['ob3-ecdsa-jcs-p256.json'], 'valid');
  assert.ok(!app.requested.some((u) => u.includes('badge-verifier-suites')), 'the first load covers these');
  await finish(app);
});

test('badges the first load leaves out load the on-demand module, then verify', async () => {
  const app = await openApp();
  // The page loaded without it.
  assert.ok(!app.requested.some((u) => u.includes('badge-verifier-suites')), 'loaded before it was needed');
  await dropFiles(app.page, ON_DEMAND.map(fixture));
  const v = await verdicts(app.page, ON_DEMAND.length);
  for (const f of ON_DEMAND) assert.equal(v[f], 'valid', f);
  // Loaded once for all four.
  assert.equal(app.requested.filter((u) => u.endsWith('badge-verifier-suites_bg.wasm')).length, 1, app.requested.join('\n'));
  const c = card(app.page, 'ob3-p384-di.json');
  await c.locator('details.checks summary').click();
  assert.doesNotMatch(await c.locator('details.checks').innerText(), /full-verifier/);
  await finish(app);
});

test('through the on-demand module a tampered badge is invalid, and a W3C ecdsa-sd-2023 vector is verified', async () => {
  const app = await openApp();
  const sd = path.join(root, 'tests', 'fixtures', 'di-ecdsa', 'ecdsa-sd-2023', 'employ');
  await dropFiles(app.page, [fixture('ob3-es384-tampered.jwt'),
    { name: 'sd-derived.json', data: fs.readFileSync(path.join(sd, 'derivedRevealDocument.json')) },
    { name: 'sd-tampered.json', data: fs.readFileSync(path.join(sd, 'tampered-disclosed-derivedRevealDocument.json')) }]);
  const v = await verdicts(app.page, 3);
  assert.equal(v['ob3-es384-tampered.jwt'], 'invalid');
  // The vector's proof verifies, but its did:key is not its issuer's (https://vc.example/…):
  // invalid by the trust rules, as natively (tests/suites.rs), not "can't verify".
  assert.equal(v['sd-derived.json'], 'invalid');
  assert.equal(v['sd-tampered.json'], 'invalid');
  const c = card(app.page, 'sd-derived.json');
  await c.locator('details.checks summary').click();
  const checks = await c.locator('details.checks').innerText();
  assert.doesNotMatch(checks, /full-verifier/);
  const t = card(app.page, 'sd-tampered.json');
  await t.locator('details.checks summary').click();
  assert.match(await t.locator('details.checks').innerText(), /signature does not match/);
  await finish(app);
});

test('when the on-demand module cannot load, the badge says what was not checked, never valid', async () => {
  const app = await openApp();
  await app.page.route('**/badge-verifier-suites*', (route) => route.abort());
  await dropFiles(app.page, [fixture('ob3-es384.jwt'), fixture('teamwork-valid.jwt')]);
  const v = await verdicts(app.page, 2);
  assert.equal(v['ob3-es384.jwt'], 'unverifiable');
  assert.equal(v['teamwork-valid.jwt'], 'valid');
  assert.match(await card(app.page, 'ob3-es384.jwt').locator('.reason').innerText(),
    /ES384 signatures are verified by the full verifier, which this page loads on demand/);
  // The refused script is a network error the test caused, not a page error.
  app.errors.length = 0;
  await finish(app);
});
