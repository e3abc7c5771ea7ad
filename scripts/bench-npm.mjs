#!/usr/bin/env node
// The npm package's verify() in Node against the native CLI, on the same OB 3.0
// eddsa-rdfc-2022 credentials: the 20 in tests/fixtures/e2e/bench/ (one each from 20 did:key
// issuers, as benches/verify.rs signs them), taken out of their PNGs so only verification is
// timed. Nothing is fetched (did:key).
//
//  first_call   the first verify() after the package is loaded (caches cold)
//  warm         each of --calls calls (default 200, cycling through the 20) timed alone with
//               performance.now(), after one warm-up pass: median and min, ms
//  native       badge-verify (target/release-native, built by `cargo build --profile
//               release-native -p badge-verify` if --build-cli) on --cli-copies × 20 files in one
//               process: its CPU time (user + sys) per input, ms, which includes its share of
//               process start and output; with --cli-runs runs, the median
//
// Prints JSON. Build the package first (scripts/build-npm.sh).
//   node scripts/bench-npm.mjs [--calls N] [--cli PATH] [--cli-copies N] [--cli-runs N] [--build-cli]
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { flag, loadavg, median, opt, round } from './bench-support.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CALLS = Number(opt('--calls', 200));
const COPIES = Number(opt('--cli-copies', 50));
const CLI_RUNS = Number(opt('--cli-runs', 3));
const AT = '2026-01-01T00:00:00Z';
const pkg = path.join(root, 'target', 'npm', 'badge-verifier');

/** The text of a PNG's `openbadgecredential` iTXt chunk (uncompressed, as these are baked). */
function bakedCredential(png) {
  let at = 8;
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'iTXt' && data.toString('latin1', 0, 19) === 'openbadgecredential') {
      // keyword \0, compression flag, method, language \0, translated keyword \0, text
      let p = 20 + 2;
      p = data.indexOf(0, p) + 1;
      p = data.indexOf(0, p) + 1;
      return data.subarray(p);
    }
    at += 12 + len;
  }
  throw new Error('no openbadgecredential chunk');
}

const benchDir = path.join(root, 'tests', 'fixtures', 'e2e', 'bench');
const creds = fs.readdirSync(benchDir).filter((f) => f.endsWith('.png')).sort()
  .map((f) => new Uint8Array(bakedCredential(fs.readFileSync(path.join(benchDir, f)))));

const t0 = performance.now();
const { verify, Verifier } = await import(pathToFileURL(path.join(pkg, 'node', 'index.mjs')).href);
const v = new Verifier({ at: AT });
const first = await v.verify(creds[0]);
const firstMs = performance.now() - t0;
if (first.verdict !== 'valid') throw new Error(`not valid: ${first.summary}`);
for (const c of creds) {
  const r = await v.verify(c);
  if (r.verdict !== 'valid' || r.expert.proof_suite !== 'DataIntegrityProof eddsa-rdfc-2022') throw new Error(r.summary);
}
const times = [];
for (let i = 0; i < CALLS; i += 1) {
  const t = performance.now();
  await v.verify(creds[i % creds.length]);
  times.push(performance.now() - t);
}
// The one-shot verify() (a fresh Verifier and cache each call), as most callers use it.
const oneShot = [];
for (let i = 0; i < Math.min(CALLS, 100); i += 1) {
  const t = performance.now();
  await verify(creds[i % creds.length], { at: AT });
  oneShot.push(performance.now() - t);
}

let native = null;
const cli = opt('--cli', path.join(root, 'target', 'release-native', 'badge-verify'));
if (flag('--build-cli')) {
  execFileSync('cargo', ['build', '--profile', 'release-native', '-p', 'badge-verify'], { cwd: root, stdio: 'inherit' });
}
if (fs.existsSync(cli)) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-npm-'));
  const files = creds.map((c, i) => {
    const f = path.join(dir, `cred-${i}.json`);
    fs.writeFileSync(f, c);
    return f;
  });
  const args = ['--json', '--at', AT, ...Array.from({ length: COPIES }, () => files).flat()];
  const perInput = [];
  for (let r = 0; r < CLI_RUNS; r += 1) {
    // CPU time of the child: bash's `times` after it ran.
    const out = spawnSync('bash', ['-c', '"$@" > /dev/null; times', 'bench', cli, ...args], { encoding: 'utf8' });
    const lines = out.stdout.trim().split('\n');
    const [user, sys] = lines[lines.length - 1].split(/\s+/).map((t) => {
      const m = /(\d+)m([\d.]+)s/.exec(t);
      return Number(m[1]) * 60 + Number(m[2]);
    });
    perInput.push(((user + sys) * 1000) / (COPIES * files.length));
  }
  fs.rmSync(dir, { recursive: true, force: true });
  native = { cli: path.relative(root, cli), inputs: COPIES * files.length, cpu_ms_per_input: median(perInput, 3) };
}

const wasm = fs.readFileSync(path.join(pkg, 'node', 'badge_verifier_bg.wasm'));
console.log(JSON.stringify({
  node: process.version,
  loadavg: loadavg(),
  wasm_bytes: wasm.length,
  credentials: creds.length,
  first_call_ms_including_load: round(firstMs, 1),
  warm_verifier: { calls: CALLS, median_ms: median(times, 3), min_ms: round(Math.min(...times), 3) },
  warm_one_shot_verify: { calls: oneShot.length, median_ms: median(oneShot, 3) },
  native,
}, null, 1));
v.free();
