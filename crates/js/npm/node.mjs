// Node: wasm-bindgen's `nodejs` target (CommonJS, compiles the .wasm synchronously on require).
// A fresh instance is the glue required again from a clean module cache (driver.mjs).
import dns from 'node:dns';
import { createRequire } from 'node:module';
import { createApi } from '../driver.mjs';

const require = createRequire(import.meta.url);
const GLUE = require.resolve('./badge_verifier.js');

function load(generation) {
  if (generation > 1) delete require.cache[GLUE];
  return require(GLUE);
}

/**
 * A host name's addresses, for the verifier's address rules (what the CLI checks in its
 * resolver): `{ addresses }`, or `{ error }` when the name does not resolve in time. Never
 * rejects.
 */
function lookup(host, timeoutMs) {
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(() => resolve({ error: 'timeout' }), timeoutMs);
  });
  const resolved = dns.promises.lookup(host, { all: true, verbatim: true })
    .then((list) => ({ addresses: list.map((a) => a.address) }), () => ({ error: 'not-found' }));
  return Promise.race([resolved, timeout]).finally(() => clearTimeout(timer));
}

const api = createApi(async (generation) => load(generation), { lookup });

/** Verifies one input (bytes, a URL or text, or `{ name, bytes }`): the report as an object. */
export const verify = api.verify;
/** Options and a fetch cache kept across inputs. */
export const Verifier = api.Verifier;
/** Resolves once the WebAssembly instance is ready (verify() waits for it anyway). */
export const ready = api.ready;
