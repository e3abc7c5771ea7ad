// What the npm package's tests share: the built package (scripts/build-npm.sh), the CLI it is
// compared with, and the fixtures.
import { execFile } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '..', '..');
export const packageDir = path.join(root, 'target', 'npm', 'badge-verifier');
export const fixturesDir = path.join(root, 'tests', 'fixtures');
/** The time every comparison verifies at: the CLI tests' `--at`. */
export const AT = '2026-01-01T00:00:00Z';

/** The package as Node resolves it (its `exports` map's `node` condition). */
export async function loadPackage() {
  const manifest = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf8'));
  const entry = manifest.exports['.'].node;
  return import(pathToFileURL(path.join(packageDir, entry)).href);
}

/** target/debug/badge-verify, built if missing (`cargo test` builds it anyway). */
export function cliPath() {
  const bin = path.join(root, 'target', 'debug', 'badge-verify');
  if (!fs.existsSync(bin)) {
    execFileSync('cargo', ['build', '-p', 'badge-verify'], { cwd: root, stdio: 'inherit' });
  }
  return bin;
}

/** `badge-verify --json ARGS…`: its reports, one per input, in order. */
export function cliJson(args) {
  return new Promise((resolve, reject) => {
    execFile(cliPath(), ['--json', ...args], { cwd: root, maxBuffer: 512 * 1024 * 1024, timeout: 300_000 },
      (error, stdout) => {
        // Exit status 1 (an input not valid) is an answer, not a failure.
        if (error && error.code !== 1) return reject(error);
        resolve(stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l)));
      });
  });
}

/** Every fixture file that is an input (not a README, provenance note or generator script). */
export function fixtureFiles() {
  const out = [];
  const walk = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (!/\.(md|py)$/i.test(e.name) && !/^README/i.test(e.name)) out.push(path.relative(root, p));
    }
  };
  walk(fixturesDir);
  return out.sort();
}

/**
 * What must be the same in a report whichever fetcher made it: everything but the sentences
 * that quote a failed connection, compared apart (`quotesFetchFailure`).
 */
export function essence(report) {
  return {
    input: report.input,
    verdict: report.verdict,
    format: report.format,
    checks: report.checks.map((c) => `${c.id} ${c.outcome}${c.effect ? ' ' + c.effect : ''}`),
    badge: report.badge && { name: report.badge.name, issuer: report.badge.issuer, recipient: report.badge.recipient },
    recipient_match: report.recipient_match,
    issued_by: report.issued_by ?? null,
    fetched: report.expert.fetched ?? [],
    found_at: report.found_at ?? null,
    link: report.link ?? null,
    nested: (report.nested ?? []).map(essence),
  };
}

/** The sentences of a report (summary and checks, nested too), for exact comparison. */
export function sentences(report, out = []) {
  out.push(`${report.input}: ${report.summary}`);
  for (const c of report.checks) out.push(`${report.input} ${c.id}: ${c.detail}`);
  for (const n of report.nested ?? []) sentences(n, out);
  return out;
}

/**
 * Whether a sentence quotes how a connection failed, which `fetch()` does not say (the CLI says
 * "could not connect to …", the package "fetch() could not read …"), or a timeout: where the
 * network drops packets instead of refusing them, Node's fetch gives up connecting after 10 s
 * (a network error) and the CLI at its 15 s limit (a timeout). A name that does not resolve is
 * said alike by both (the package resolves names first in Node, as the CLI's resolver does).
 */
export const quotesFetchFailure = (s) => /could not connect|fetch\(\) could not read|no answer within/.test(s);
