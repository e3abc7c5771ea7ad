// Every fixture under tests/fixtures, verified by the CLI (`badge-verify --json --at AT`) and by
// the npm package's verify() with the same `at`: the same verdict, format, checks (id and
// outcome), issuer, fetched URLs and nested reports, and the same sentences except where a
// sentence quotes a failed fetch in the fetcher's own words.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AT, cliJson, essence, fixtureFiles, loadPackage, quotesFetchFailure, root, sentences } from './support.mjs';

const files = fixtureFiles();

test('the fixtures are many and of every kind', () => {
  assert.ok(files.length > 300, `${files.length} fixtures`);
  for (const ext of ['.png', '.svg', '.json', '.jwt', '.pdf', '.html', '.jpg']) {
    assert.ok(files.some((f) => f.endsWith(ext)), ext);
  }
});

test('every fixture gets the CLI\'s verdict and checks', { timeout: 600_000 }, async () => {
  const { verify } = await loadPackage();
  const cli = await cliJson(['--at', AT, ...files]);
  assert.equal(cli.length, files.length);
  const verdicts = {};
  let sameSentences = 0;
  for (const [i, file] of files.entries()) {
    const bytes = fs.readFileSync(path.join(root, file));
    const report = await verify({ name: file, bytes }, { at: AT });
    assert.deepEqual(essence(report), essence(cli[i]), file);
    const ours = sentences(report).filter((s) => !quotesFetchFailure(s));
    const theirs = sentences(cli[i]).filter((s) => !quotesFetchFailure(s));
    assert.deepEqual(ours, theirs, file);
    sameSentences += ours.length;
    verdicts[report.verdict] = (verdicts[report.verdict] ?? 0) + 1;
  }
  // Not a run where everything failed alike: valid, invalid and error reports all occur.
  for (const v of ['valid', 'invalid', 'error', 'unverifiable']) assert.ok(verdicts[v] > 0, `${v}: ${JSON.stringify(verdicts)}`);
  assert.ok(sameSentences > 1000, `${sameSentences} sentences compared`);
});

test('a fixture given as text, as bytes and as an ArrayBuffer is one badge', async () => {
  const { verify } = await loadPackage();
  const file = 'tests/fixtures/e2e/ob3-valid.json';
  const bytes = fs.readFileSync(path.join(root, file));
  const [cli] = await cliJson(['--at', AT, file]);
  assert.equal(cli.verdict, 'valid');
  const asText = await verify(bytes.toString('utf8'), { at: AT });
  const asBytes = await verify(new Uint8Array(bytes), { at: new Date(AT) });
  const asBuffer = await verify(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length), { at: AT });
  assert.equal(asText.input, '(text)');
  assert.equal(asBytes.input, '(bytes)');
  for (const r of [asText, asBytes, asBuffer]) {
    assert.deepEqual({ ...essence(r), input: file }, essence(cli));
  }
});

test('the recipient is matched as the CLI matches it', async () => {
  const { verify } = await loadPackage();
  const file = 'tests/fixtures/e2e/ob3-valid.json';
  const bytes = fs.readFileSync(path.join(root, file));
  for (const who of ['ada@example.org', 'nobody@example.org']) {
    const [cli] = await cliJson(['--at', AT, '--recipient', who, file]);
    const ours = await verify({ name: file, bytes }, { at: AT, recipient: who });
    assert.deepEqual(essence(ours), essence(cli), who);
    assert.notEqual(ours.recipient_match, null);
  }
});
