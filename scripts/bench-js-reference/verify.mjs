// The reference JavaScript verifier, timed warm: Digital Bazaar's W3C VC stack (@digitalbazaar/vc
// + data-integrity + eddsa-rdfc-2022-cryptosuite + ed25519-multikey + did-method-key) verifies
// the credential files given, in Node, with no network: a static document loader serves the
// contexts the core bundles (crates/verifier/src/proof/contexts/, by urls.tsv) and did:key
// documents (derived from the key, as did:key resolution is). Run by scripts/bench-startup.sh.
//
//   node verify.mjs --at 2026-01-01T00:00:00Z [--warmup 2] [--passes 5] [--ours PKG] FILE...
//
// Before timing, every credential must verify (`verified: true`) and a tampered copy of the first
// must not (`verified: false`): a verifier that fails everything fast would compare unlike with
// like. Then `--warmup` untimed passes over all files, then `--passes` timed passes, each credential
// timed alone (performance.now() around one `await verifyCredential`). Prints one JSON line:
// the median of those per-credential times, their min, each pass's total / files, and the
// process's CPU time over the timed passes / verifications.
//
// `--ours ENTRY`: also the project's own npm package (crates/js, wasm in Node), imported from
// ENTRY (its node/index.mjs), timed the same way on the same credentials (as bytes).
import {readFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {performance} from 'node:perf_hooks';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022} from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import * as didKey from '@digitalbazaar/did-method-key';

const here = dirname(fileURLToPath(import.meta.url));
const contextsDir = join(here, '../../crates/verifier/src/proof/contexts');

function parseArgs(argv) {
  const opts = {at: null, warmup: 2, passes: 5, ours: null, files: []};
  for(let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if(i + 1 >= argv.length) {
        throw new Error(`${a} needs a value`);
      }
      return argv[++i];
    };
    if(a === '--at') {
      opts.at = value();
    } else if(a === '--warmup' || a === '--passes') {
      const n = Number(value());
      if(!Number.isInteger(n) || n < 0 || (a === '--passes' && n < 1)) {
        throw new Error(`${a} takes a whole number${a === '--passes' ? ' ≥ 1' : ''}`);
      }
      opts[a.slice(2)] = n;
    } else if(a === '--ours') {
      opts.ours = value();
    } else if(a.startsWith('--')) {
      throw new Error(`unknown option ${a}`);
    } else {
      opts.files.push(a);
    }
  }
  if(!opts.at || opts.files.length === 0) {
    throw new Error('usage: verify.mjs --at DATE [--warmup N] [--passes N] [--ours PKG] FILE...');
  }
  return opts;
}

// Every context the core bundles, by URL, parsed once (a browser or server verifier keeps its
// contexts in memory too).
function bundledContexts() {
  const contexts = new Map();
  const tsv = readFileSync(join(contextsDir, 'urls.tsv'), 'utf8');
  for(const line of tsv.split('\n')) {
    const [url, file] = line.split('\t');
    if(url && file) {
      contexts.set(url, JSON.parse(readFileSync(join(contextsDir, file), 'utf8')));
    }
  }
  return contexts;
}

function staticDocumentLoader() {
  const contexts = bundledContexts();
  const didKeyDriver = didKey.driver();
  didKeyDriver.use({multibaseMultikeyHeader: 'z6Mk', fromMultibase: Ed25519Multikey.from});
  return async url => {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
    }
    if(url.startsWith('did:key:')) {
      // The DID document, or the verification method when the URL has a fragment.
      const document = await didKeyDriver.get({url});
      return {contextUrl: null, documentUrl: url, document};
    }
    throw new Error(`no network in this benchmark: ${url} is not bundled`);
  };
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const round = (x, digits = 4) => Number(x.toFixed(digits));

// Times `verifyOne` (which must resolve to true for a valid credential) over `credentials`.
async function timeVerifier(name, verifyOne, credentials, tampered, {warmup, passes}) {
  for(const [i, c] of credentials.entries()) {
    if(await verifyOne(c) !== true) {
      throw new Error(`${name}: credential ${i} did not verify: ${verifyOne.lastError ?? ''}`);
    }
  }
  verifyOne.lastError = undefined;
  if(await verifyOne(tampered) !== false) {
    throw new Error(`${name}: the tampered credential verified`);
  }
  // Why it was rejected, to show it was the proof (in the JSON line).
  const tamperedReason = String(verifyOne.lastError?.message ?? verifyOne.lastError ?? '');
  for(let p = 0; p < warmup; p++) {
    for(const c of credentials) {
      await verifyOne(c);
    }
  }
  const samples = [];
  const passMs = [];
  const cpuBefore = process.cpuUsage();
  for(let p = 0; p < passes; p++) {
    const passStart = performance.now();
    for(const c of credentials) {
      const t = performance.now();
      const ok = await verifyOne(c);
      samples.push(performance.now() - t);
      if(ok !== true) {
        throw new Error(`${name}: a credential stopped verifying`);
      }
    }
    passMs.push(performance.now() - passStart);
  }
  // User + system CPU time of the whole Node process (its GC threads too) over the timed passes.
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMsPerCredential = (cpu.user + cpu.system) / 1e3 / (passes * credentials.length);
  return {
    name,
    credentials: credentials.length,
    all_verified: true,
    tampered_rejected: true,
    tampered_reason: tamperedReason,
    warmup_passes: warmup,
    timed_passes: passes,
    median_ms_per_credential: round(median(samples)),
    min_ms_per_credential: round(Math.min(...samples)),
    // A pass's wall time over all credentials / their number, for each timed pass.
    pass_ms_per_credential: passMs.map(ms => round(ms / credentials.length)),
    cpu_ms_per_credential: round(cpuMsPerCredential),
  };
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  const fileBytes = opts.files.map(f => new Uint8Array(readFileSync(f)));
  const credentials = fileBytes.map(b => JSON.parse(new TextDecoder().decode(b)));
  // A signed statement changed after signing: the proof must no longer verify.
  const tampered = structuredClone(credentials[0]);
  tampered.name = `${tampered.name} (changed)`;

  const documentLoader = staticDocumentLoader();
  const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022});
  const reference = async credential => {
    const result = await vc.verifyCredential({credential, suite, documentLoader, now: opts.at});
    if(!result.verified) {
      reference.lastError = result.error?.errors?.[0] ?? result.error;
    }
    return result.verified;
  };
  const rows = [await timeVerifier('js-reference', reference, credentials, tampered, opts)];

  if(opts.ours) {
    // The package's long-lived `Verifier` when it has one (warm, like the reference's shared
    // document loader and context cache), else its one-shot `verify`; each given the file's bytes.
    const pkg = await import(pathToFileURL(opts.ours).href);
    const api = pkg.verify ? pkg : pkg.default ?? {};
    let oursOne;
    let how;
    if(typeof api.Verifier === 'function') {
      const verifier = new api.Verifier({at: opts.at});
      oursOne = bytes => verifier.verify(bytes);
      how = 'new Verifier({at}).verify(bytes)';
    } else if(typeof api.verify === 'function') {
      oursOne = bytes => api.verify(bytes, {at: opts.at});
      how = 'verify(bytes, {at})';
    } else {
      throw new Error(`${opts.ours} exports neither Verifier nor verify`);
    }
    const encode = c => new TextEncoder().encode(JSON.stringify(c));
    const valid = async bytes => {
      const report = await oursOne(bytes);
      // The report: a `badge-verify --json` line, or that line parsed.
      const parsed = typeof report === 'string' ? JSON.parse(report) : report;
      if(parsed.verdict !== 'valid') {
        valid.lastError = parsed.summary;
      }
      return parsed.verdict === 'valid';
    };
    const row = await timeVerifier(
      'ours-wasm-in-node', valid, fileBytes, encode(tampered), opts);
    rows.push({...row, api: how});
  }

  const packages = {};
  for(const name of ['@digitalbazaar/vc', '@digitalbazaar/data-integrity',
    '@digitalbazaar/eddsa-rdfc-2022-cryptosuite', '@digitalbazaar/ed25519-multikey',
    '@digitalbazaar/did-method-key', 'jsonld-signatures', 'jsonld', 'rdf-canonize']) {
    const manifest = join(here, 'node_modules', name, 'package.json');
    packages[name] = JSON.parse(readFileSync(manifest, 'utf8')).version;
  }
  console.log(JSON.stringify({node: process.version, packages, rows}));
}

main().catch(e => {
  console.error(`bench-js-reference: ${e.stack ?? e}`);
  process.exit(1);
});
