// A trap (a panic in the core) costs only the input that caused it: that input gets an
// `error` report, the instance is replaced, and every other verification running on it starts
// again on the fresh one. No input makes the real core panic (it is fuzzed for that), so the
// trap is made here: the package's driver runs on the real nodejs glue, wrapped so that one
// input's job throws what a trapping instance throws (WebAssembly.RuntimeError).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { AT, packageDir } from './support.mjs';
import { fakeFetch, site } from './site.mjs';

const require = createRequire(import.meta.url);
const { createApi } = await import(pathToFileURL(path.join(packageDir, 'driver.mjs')).href);
const GLUE = path.join(packageDir, 'node', 'badge_verifier.js');

/** The real glue, loaded fresh per generation, with inputs 'TRAP' and 'PANIC' made to trap. */
function trappingLoader(loads) {
  return async (generation) => {
    delete require.cache[GLUE];
    const glue = require(GLUE);
    loads.push(generation);
    let sink = null;
    class Verifier {
      constructor(options, fetchWithin, lookup) { this.inner = new glue.Verifier(options, fetchWithin, lookup); }
      start(input, overrides, notify) {
        if (input === 'TRAP' || input === 'PANIC') {
          return {
            poll() {
              if (input === 'PANIC') sink('panicked at crates/verifier/src/x.rs:1:1:\nindex out of bounds');
              throw new WebAssembly.RuntimeError('unreachable');
            },
            free() {},
          };
        }
        return this.inner.start(input, overrides, notify);
      }
      clearCache() { this.inner.clearCache(); }
      free() { this.inner.free(); }
    }
    return {
      Verifier,
      internalErrorReport: glue.internalErrorReport,
      setPanicSink: (f) => { sink = f; glue.setPanicSink(f); },
    };
  };
}

test('a trapped input gets an error report and later calls a fresh instance', async () => {
  const loads = [];
  const { verify } = createApi(trappingLoader(loads));
  const ok = await verify('{"not": "a badge"}', { at: AT });
  assert.deepEqual(loads, [1]);
  const trapped = await verify('TRAP', { at: AT });
  assert.equal(trapped.verdict, 'error');
  assert.equal(trapped.input, '(text)');
  assert.deepEqual(trapped.checks.map((c) => c.id), ['internal']);
  assert.match(trapped.summary, /internal error while verifying this input: unreachable/);
  const again = await verify('{"not": "a badge"}', { at: AT });
  assert.deepEqual(loads, [1, 2]);
  assert.deepEqual(again, ok);
});

test('the panic\'s message is in the report', async () => {
  const { verify } = createApi(trappingLoader([]));
  const r = await verify('PANIC', { at: AT });
  assert.equal(r.verdict, 'error');
  assert.match(r.summary, /index out of bounds/);
});

test('verifications running on a trapped instance start again on a fresh one', async () => {
  const loads = [];
  const { Verifier } = createApi(trappingLoader(loads));
  const base = 'https://issuer.example';
  const { fetch } = fakeFetch(base, site(base));
  // Held until the trap has happened: these jobs are mid-flight on the first instance.
  let release;
  const gate = new Promise((r) => { release = r; });
  const slowFetch = async (url, init) => { await gate; return fetch(url, init); };
  const v = new Verifier({ at: AT, fetch: slowFetch });
  const running = [v.verify(`${base}/assertions/1`), v.verify(`${base}/assertions/2`)];
  await new Promise((r) => setTimeout(r, 50));
  const trapped = await v.verify('TRAP');
  assert.equal(trapped.verdict, 'error');
  release();
  const reports = await Promise.all(running);
  assert.deepEqual(reports.map((r) => r.verdict), ['valid', 'valid']);
  assert.deepEqual(loads, [1, 2]);
  v.free();
});
