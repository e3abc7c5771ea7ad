// The built package's shape: exports for Node and browsers, one .wasm for both, and a core with
// every feature, so nothing is left to the app's on-demand modules (no `badgeSuites` /
// `badgeDocuments` global is ever asked for, no check says `full-verifier`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AT, loadPackage, packageDir, root } from './support.mjs';

const read = (f) => fs.readFileSync(path.join(packageDir, f));

test('package.json maps node and browsers to their builds', () => {
  const manifest = JSON.parse(read('package.json'));
  const entry = manifest.exports['.'];
  assert.equal(entry.types, './index.d.ts');
  assert.equal(entry.node, './node/index.mjs');
  assert.equal(entry.browser, './web/index.mjs');
  assert.equal(entry.default, './web/index.mjs');
  assert.match(manifest.version, /^\d+\.\d+\.\d+/);
  for (const f of [...Object.values(entry), 'README.md', 'driver.mjs', 'fetch.mjs',
    'node/badge_verifier.js', 'node/badge_verifier.d.ts', 'web/badge_verifier.js', 'web/badge_verifier.d.ts']) {
    assert.ok(fs.existsSync(path.join(packageDir, f)), f);
  }
  assert.ok(read('node/badge_verifier_bg.wasm').equals(read('web/badge_verifier_bg.wasm')));
});

test('nothing is offloaded: no on-demand module is named, no check needs one', async () => {
  for (const f of ['web/badge_verifier_bg.wasm', 'web/badge_verifier.js', 'node/badge_verifier.js']) {
    const text = read(f).toString('latin1');
    assert.ok(!text.includes('badgeSuites') && !text.includes('badgeDocuments'), f);
  }
  const { verify } = await loadPackage();
  // An RS256 and an ES384 JWT, a P-384 Data Integrity proof, a PDF and a QR code photo: each
  // needs what the app's first load leaves to a module.
  for (const file of ['ob3-rs256.jwt', 'ob3-es384.jwt', 'ob3-p384-di.json', 'resume.pdf', 'certificate-qr.png']) {
    const bytes = fs.readFileSync(path.join(root, 'tests', 'fixtures', 'e2e', file));
    const r = await verify({ name: file, bytes }, { at: AT, fetch: async () => { throw new Error('offline'); } });
    const ids = JSON.stringify(r, (k, v) => (k === 'id' || typeof v !== 'string' ? v : undefined));
    assert.ok(!ids.includes('full-verifier') && !ids.includes('document-reader'), `${file}: ${r.summary}`);
  }
});
