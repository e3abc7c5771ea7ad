// Browsers (and bundlers): wasm-bindgen's `web` target. The .wasm is compiled once; a fresh
// instance (driver.mjs) is the glue module imported again under another URL and instantiated
// from that compiled module.
import { createApi } from '../driver.mjs';

const WASM_URL = new URL('./badge_verifier_bg.wasm', import.meta.url);
const GLUE_URL = new URL('./badge_verifier.js', import.meta.url);
let compiled = null;

async function compile() {
  if (typeof WebAssembly.compileStreaming === 'function') {
    try {
      return await WebAssembly.compileStreaming(fetch(WASM_URL));
    } catch (_) {
      // A server that does not say application/wasm: compile from the bytes.
    }
  }
  const resp = await fetch(WASM_URL);
  return WebAssembly.compile(await resp.arrayBuffer());
}

async function load(generation) {
  compiled ??= compile();
  const module_or_path = await compiled;
  const glue = generation === 1
    ? await import('./badge_verifier.js')
    : await import(/* @vite-ignore */ `${GLUE_URL.href}?instance=${generation}`);
  await glue.default({ module_or_path });
  return glue;
}

const api = createApi(load);

/** Verifies one input (bytes, a URL or text, or `{ name, bytes }`): the report as an object. */
export const verify = api.verify;
/** Options and a fetch cache kept across inputs. */
export const Verifier = api.Verifier;
/** Resolves once the WebAssembly instance is ready (verify() waits for it anyway). */
export const ready = api.ready;
