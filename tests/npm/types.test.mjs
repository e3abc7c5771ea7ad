// index.d.ts (hand-written) against the core: its unions are the core's names, and every
// member a real report has is declared in its interface.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { AT, cliJson, fixtureFiles, packageDir, root } from './support.mjs';

const dts = fs.readFileSync(path.join(packageDir, 'index.d.ts'), 'utf8');
const checkRs = fs.readFileSync(path.join(root, 'crates', 'verifier', 'src', 'check.rs'), 'utf8');

/** The string literals of `export type NAME = 'a' | 'b' …;`. */
function union(name) {
  const m = new RegExp(`export type ${name} =([^;]*);`).exec(dts);
  assert.ok(m, name);
  return [...m[1].matchAll(/['"]([a-z0-9-]+)['"]/g)].map((x) => x[1]).sort();
}

/** The member names of `export interface NAME { … }`. */
function members(name) {
  const m = new RegExp(`export interface ${name} \\{([\\s\\S]*?)\\n\\}`).exec(dts)
    ?? new RegExp(`export interface ${name} \\{([^}]*)\\}`).exec(dts);
  assert.ok(m, name);
  return new Set([...m[1].matchAll(/(?:^|[\s;{])(\w+)\??(?:\(\))?:/g)].map((x) => x[1]));
}

/** The strings an enum's `as_str` gives (`Enum::Variant => "text"`). */
function asStr(enumName) {
  return [...checkRs.matchAll(new RegExp(`${enumName}::\\w+ => "([a-z0-9-]+)"`, 'g'))].map((x) => x[1]).sort();
}

test('the unions are the core\'s names', () => {
  const block = /check_ids! \{([\s\S]*?)\n\}/.exec(checkRs)[1];
  const ids = [...block.matchAll(/=> "([a-z0-9-]+)"/g)].map((x) => x[1]).sort();
  assert.ok(ids.length > 50);
  assert.deepEqual(union('CheckId'), ids);
  assert.deepEqual(union('Verdict'), asStr('Verdict'));
  assert.deepEqual(union('Format'), asStr('Format'));
});

test('every member of a real report is declared', { timeout: 300_000 }, async () => {
  const files = fixtureFiles().filter((f) => /\/(e2e|clr|vp|ob2|ob3|platforms)\//.test(f));
  const reports = await cliJson(['--at', AT, ...files]);
  const undeclared = new Set();
  const seen = (obj, iface) => {
    const declared = members(iface);
    for (const k of Object.keys(obj)) if (!declared.has(k)) undeclared.add(`${iface}.${k}`);
  };
  const walk = (r) => {
    seen(r, 'Report');
    seen(r.expert, 'Expert');
    for (const c of r.checks) seen(c, 'Check');
    if (r.badge) {
      seen(r.badge, 'BadgeDisplay');
      seen(r.badge.issuer, 'IssuerDisplay');
      if (r.badge.recipient) seen(r.badge.recipient, 'RecipientDisplay');
      if (r.badge.transcript) seen(r.badge.transcript, 'Transcript');
    }
    if (r.issued_by) {
      seen(r.issued_by, 'IssuedBy');
      assert.ok(['signature', 'hosted', 'presented'].includes(r.issued_by.how.by), r.issued_by.how.by);
    }
    (r.nested ?? []).forEach(walk);
  };
  reports.forEach(walk);
  assert.deepEqual([...undeclared], []);
  assert.ok(reports.some((r) => r.issued_by && r.badge && r.nested), 'reports with every part were seen');
});
