// options.fetch: the caller's fetch answers the verifier's requests, under the same policy and
// limits as the CLI's fetcher (crates/verifier/src/resolve/fetch.rs FetchPolicy, FetchLimits).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { AT, cliJson, essence, loadPackage, root } from './support.mjs';
import { fakeFetch, site } from './site.mjs';

const BASE = 'https://issuer.example';
const { verify, Verifier } = await loadPackage();

test('a hosted assertion is fetched with the caller\'s fetch', async () => {
  const { fetch, calls } = fakeFetch(BASE, site(BASE));
  const r = await verify(`${BASE}/assertions/1`, { at: AT, fetch, recipient: 'alice@example.org' });
  assert.equal(r.verdict, 'valid', JSON.stringify(r, null, 1));
  assert.equal(r.format, 'ob2-hosted');
  assert.equal(r.recipient_match, true);
  assert.equal(r.badge.name, 'Robotics');
  const urls = calls.map((c) => c.url);
  for (const u of ['/assertions/1', '/badges/robotics', '/issuer']) assert.ok(urls.includes(BASE + u), `${u} in ${urls}`);
  assert.deepEqual(r.expert.fetched, [...new Set(urls)].filter((u) => r.expert.fetched.includes(u)));
  for (const { init } of calls) {
    assert.equal(init.method, 'GET');
    assert.equal(init.redirect, 'manual');
    assert.match(init.headers.Accept, /application\/ld\+json/);
    assert.ok(init.signal instanceof AbortSignal);
  }
});

test('redirects are followed hop by hop, each checked', async () => {
  const docs = site(BASE);
  const { fetch, calls } = fakeFetch(BASE, docs);
  const moved = await verify(`${BASE}/moved`, { at: AT, fetch });
  assert.equal(moved.verdict, 'valid', JSON.stringify(moved.checks));
  assert.deepEqual(calls.slice(0, 2).map((c) => c.url), [`${BASE}/moved`, `${BASE}/assertions/1`]);

  const to = (location) => ({ ...docs, '/moved': { status: 302, type: 'text/plain', body: '', headers: { location } } });
  for (const location of ['http://issuer.example/assertions/1', 'https://10.0.0.1/a', 'file:///etc/passwd', 'https://localhost/a']) {
    const f = fakeFetch(BASE, to(location));
    const r = await verify(`${BASE}/moved`, { at: AT, fetch: f.fetch });
    assert.notEqual(r.verdict, 'valid', location);
    assert.ok(JSON.stringify(r).includes('refused'), `${location}: ${JSON.stringify(r.checks)}`);
    assert.deepEqual(f.calls.map((c) => c.url), [`${BASE}/moved`], `${location} is never fetched`);
  }

  const loop = fakeFetch(BASE, { ...docs, '/moved': { status: 302, type: 'text/plain', body: '', headers: { location: '/moved' } } });
  const r = await verify(`${BASE}/moved`, { at: AT, fetch: loop.fetch });
  assert.ok(JSON.stringify(r).includes('more than 5 redirects'), JSON.stringify(r.checks));
  assert.equal(loop.calls.length, 6);
});

test('a URL the policy refuses never reaches fetch', async () => {
  let called = 0;
  const fetch = async () => { called += 1; throw new Error('must not be called'); };
  for (const url of ['http://issuer.example/a.json', 'https://10.1.2.3/a', 'https://127.0.0.1/a', 'https://localhost/a', 'https://[::1]/a']) {
    const r = await verify(url, { at: AT, fetch });
    assert.notEqual(r.verdict, 'valid', url);
    const [cli] = await cliJson(['--at', AT, url]);
    assert.deepEqual(essence(r), essence(cli), url);
    assert.equal(r.summary, cli.summary, url);
  }
  assert.equal(called, 0);
  // In a badge: an OB 2.0 assertion whose BadgeClass is a file: URL. Its own id (https) is
  // fetched, as hosted assertions are; the file: URL never is.
  const doc = JSON.parse(site(BASE)['/assertions/1'].body);
  doc.badge = 'file:///etc/passwd';
  const { fetch: served, calls } = fakeFetch(BASE, { ...site(BASE), '/assertions/1': { type: 'application/ld+json', body: JSON.stringify(doc) } });
  const r = await verify(JSON.stringify(doc), { at: AT, fetch: served });
  assert.notEqual(r.verdict, 'valid');
  assert.deepEqual(calls.map((c) => c.url), [`${BASE}/assertions/1`]);
  assert.match(JSON.stringify(r.checks), /file:/);
});

test('a fetch that throws is a network failure, as the CLI\'s is', async () => {
  // The CLI meets a closed port on 127.0.0.1; the npm verifier a fetch that throws.
  const closed = await new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
  const url = `http://127.0.0.1:${closed}/assertions/1`;
  const [cli] = await cliJson(['--allow-http', '--at', AT, url]);
  const fetch = async () => { throw new TypeError('fetch failed'); };
  const r = await verify(url, { at: AT, fetch, allowHttp: true });
  assert.equal(r.verdict, cli.verdict);
  assert.deepEqual(essence(r).checks, essence(cli).checks);
  assert.match(JSON.stringify(r.checks), /network error/);

  // A file whose issuer's key document cannot be fetched: the CLI's DNS failure (no such host
  // here) and a fetch that throws give one verdict.
  const file = 'tests/fixtures/di/1edtech/simple.json';
  const [cliFile] = await cliJson(['--at', AT, file]);
  const rf = await verify({ name: file, bytes: fs.readFileSync(path.join(root, file)) }, { at: AT, fetch });
  assert.equal(rf.verdict, cliFile.verdict);
  assert.deepEqual(essence(rf), essence(cliFile));
});

test('a fetch that does not answer in time is aborted and times out', async () => {
  const signals = [];
  const fetch = (url, init) => { signals.push(init.signal); return new Promise(() => {}); };
  const started = Date.now();
  const r = await verify(`${BASE}/assertions/1`, { at: AT, fetch, timeoutMs: 300 });
  assert.ok(Date.now() - started < 10_000);
  assert.match(JSON.stringify(r.checks), /no answer within/);
  assert.equal(signals.length, 1);
  assert.equal(signals[0].aborted, true);
  // The same verdict as a network failure of the same URL.
  const failed = await verify(`${BASE}/assertions/1`, { at: AT, fetch: async () => { throw new Error('x'); } });
  assert.equal(r.verdict, failed.verdict);
  assert.deepEqual(essence(r).checks, essence(failed).checks);
});

test('the size limit stops the read', async () => {
  const LIMIT = 16 * 1024 * 1024;
  let pulled = 0;
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  const endless = async () => new Response(new ReadableStream({
    pull(controller) { pulled += chunk.length; controller.enqueue(chunk); },
  }), { status: 200, headers: { 'content-type': 'application/json' } });
  const r = await verify(`${BASE}/assertions/1`, { at: AT, fetch: endless });
  assert.match(JSON.stringify(r.checks), new RegExp(`larger than ${LIMIT}|larger than 16`), JSON.stringify(r.checks));
  assert.ok(pulled <= LIMIT + 4 * chunk.length, `${pulled} bytes pulled`);

  let read = false;
  const declared = async () => ({
    status: 200, url: '', headers: { 'Content-Length': String(LIMIT + 1), 'content-type': 'application/json' },
    arrayBuffer: async () => { read = true; return new ArrayBuffer(8); },
  });
  const d = await verify(`${BASE}/assertions/1`, { at: AT, fetch: declared });
  assert.match(JSON.stringify(d.checks), /larger than/);
  assert.equal(read, false, 'a declared length over the limit is not read');
});

test('a Verifier keeps one cache across inputs', async () => {
  const { fetch, calls } = fakeFetch(BASE, site(BASE));
  const v = new Verifier({ at: AT, fetch });
  const a = await v.verify(`${BASE}/assertions/1`);
  const b = await v.verify(`${BASE}/assertions/2`, { recipient: 'alice@example.org' });
  assert.equal(a.verdict, 'valid');
  assert.equal(b.verdict, 'valid');
  assert.equal(b.recipient_match, true);
  const n = (u) => calls.filter((c) => c.url === BASE + u).length;
  assert.equal(n('/badges/robotics'), 1);
  assert.equal(n('/issuer'), 1);
  v.clearCache();
  await v.verify(`${BASE}/assertions/1`);
  assert.equal(n('/badges/robotics'), 2);
  v.free();
});

test('arguments of the wrong type are TypeErrors, and later calls still work', async () => {
  for (const [input, options] of [
    [42, {}], [null, {}], [{ name: 'x' }, {}], [{ name: 7, bytes: 'x' }, {}],
    ['{}', { at: 'yesterday' }], ['{}', { at: new Date(NaN) }], ['{}', { recipient: 5 }],
    ['{}', { fetch: 'no' }], ['{}', { allowHttp: 'yes' }], ['{}', { timeoutMs: -1 }], ['{}', 'options'],
  ]) {
    await assert.rejects(verify(input, options), TypeError, JSON.stringify([input, options]));
  }
  const r = await verify('not a badge at all', { at: AT });
  assert.equal(r.input, '(text)');
  assert.ok(['error', 'invalid'].includes(r.verdict), r.verdict);
});
