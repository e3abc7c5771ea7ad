// Hosted badges on a server on 127.0.0.1 (the CLI's tests do the same with --allow-http): the
// CLI and verify() with { allowHttp: true } and Node's own fetch give the same reports.
import { test, after } from 'node:test';
import fs from 'node:fs';
import assert from 'node:assert/strict';
import { serve } from '../e2e/server.mjs';
import { AT, cliJson, essence, fixturesDir, loadPackage, quotesFetchFailure, sentences } from './support.mjs';
import { site } from './site.mjs';

const { verify, Verifier } = await loadPackage();
// The site's documents name their own URLs, so the port must be known first.
const docs = {};
const { server, url: base } = await serve(fixturesDir, docs);
after(() => server.close());
Object.assign(docs, site(base));

const inputs = [
  '/assertions/1', '/alice/badges.html', '/alice/one.html', '/revoked', '/moved', '/missing.json',
  '/e2e/ob3-valid-baked.png', '/e2e/teamwork-baked.svg', '/e2e/ob3-valid.json', '/e2e/resume.pdf',
  '/platforms/page-embedded.html', '/platforms/page-several.html', '/platforms/page-nothing.html',
].map((p) => base + p);

test('hosted badges get the CLI\'s reports', { timeout: 300_000 }, async () => {
  const cli = await cliJson(['--allow-http', '--at', AT, '--recipient', 'alice@example.org', ...inputs]);
  const verdicts = new Set();
  for (const [i, url] of inputs.entries()) {
    const r = await verify(url, { at: AT, allowHttp: true, recipient: 'alice@example.org' });
    assert.deepEqual(essence(r), essence(cli[i]), url);
    assert.deepEqual(sentences(r).filter((s) => !quotesFetchFailure(s)),
      sentences(cli[i]).filter((s) => !quotesFetchFailure(s)), url);
    verdicts.add(r.verdict);
  }
  for (const v of ['valid', 'revoked', 'unverifiable']) assert.ok(verdicts.has(v), `${v} in ${[...verdicts]}`);
});

test('without allowHttp a loopback server is refused, as by the CLI', async () => {
  const url = `${base}/assertions/1`;
  const [cli] = await cliJson(['--at', AT, url]);
  const r = await verify(url, { at: AT });
  assert.deepEqual(essence(r), essence(cli));
  assert.equal(r.summary, cli.summary);
  assert.notEqual(r.verdict, 'valid');
});

test('many inputs at once on one Verifier', async () => {
  const v = new Verifier({ at: AT, allowHttp: true });
  const reports = await Promise.all(inputs.map((u) => v.verify(u)));
  const cli = await cliJson(['--allow-http', '--at', AT, ...inputs]);
  assert.deepEqual(reports.map((r) => r.verdict), cli.map((r) => r.verdict));
  v.free();
});

/** A name other than `localhost` that /etc/hosts maps to a loopback address, if there is one. */
function loopbackName() {
  let hosts = '';
  try { hosts = fs.readFileSync('/etc/hosts', 'utf8'); } catch (_) { return null; }
  for (const line of hosts.split('\n')) {
    const [addr, ...names] = line.replace(/#.*/, '').trim().split(/\s+/);
    if (!/^(127\.|::1$)/.test(addr ?? '')) continue;
    const name = names.find((n) => n && !/^localhost$|\.localhost$|^ip6-/.test(n) && /^[a-z0-9.-]+$/i.test(n));
    if (name) return name;
  }
  return null;
}

test('a name that resolves to loopback is refused, as by the CLI\'s resolver', async (t) => {
  const name = loopbackName();
  if (!name) return t.skip('no name in /etc/hosts other than localhost resolves to loopback here');
  const url = `https://${name}/assertions/1`;
  const [cli] = await cliJson(['--at', AT, url]);
  const r = await verify(url, { at: AT });
  assert.match(cli.summary, /resolves to a loopback address/);
  assert.deepEqual(essence(r), essence(cli));
  assert.equal(r.summary, cli.summary);
});
