// Loads the app's on-demand modules once each, when the first badge needs one (issues #16,
// #17): `suites` (crates/suites: RSA, P-384, secp256k1, ecdsa-sd-2023, the general JSON-LD
// expansion) and `documents` (crates/documents: PDFs and QR codes). Each is Trunk's plain-script
// wasm-bindgen output (same origin, so the CSP's script-src 'self' allows it) and its .wasm;
// once ready it is published as globalThis.badgeSuites / badgeDocuments, where the core looks
// for it (badge_verifier platform::offloaded_*). Cards asking while one loads share the load;
// a failed load is tried again by the next badge that needs it.
//
// wasm-bindgen's plain-script output declares its init function with a top-level `let`: a
// global binding every script and module sees by name, but not a property of globalThis.
// scripts/module-globals.mjs renames the documents module's, so the two do not collide.
/* global wasm_bindgen, wasm_bindgen_documents */
const MODULES = {
  suites: { name: 'badge-verifier-suites', init: () => wasm_bindgen, global: 'badgeSuites' },
  documents: { name: 'badge-verifier-documents', init: () => wasm_bindgen_documents, global: 'badgeDocuments' },
};
const loading = {};

export function loadModule(which) {
  const m = MODULES[which];
  if (!m) return Promise.resolve(false);
  if (!loading[which]) {
    loading[which] = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = `./${m.name}.js`;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${m.name} did not load`));
      document.head.appendChild(script);
    })
      .then(() => m.init()({ module_or_path: `./${m.name}_bg.wasm` }).then(() => m.init()))
      .then((exports) => {
        globalThis[m.global] = exports;
        return true;
      })
      .catch(() => {
        loading[which] = null;
        return false;
      });
  }
  return loading[which];
}
