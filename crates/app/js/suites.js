// Loads the on-demand suites module (crates/suites) once, when the first badge needs it
// (issue #16): its plain script (Trunk's no-modules output, same origin, so the CSP's
// script-src 'self' allows it), then its .wasm, then publishes it as globalThis.badgeSuites,
// where the core looks for it (badge_verifier platform::offloaded_signature). Cards asking
// while it loads share the one load; a failed load is tried again by the next badge.
let loading = null;

export function loadSuites() {
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = './badge-verifier-suites.js';
      script.onload = resolve;
      script.onerror = () => reject(new Error('the suites module did not load'));
      document.head.appendChild(script);
    })
      // wasm-bindgen's plain-script output declares `let wasm_bindgen` at the top level: a
      // global binding every script and module sees by name, but not a property of globalThis.
      // eslint-disable-next-line no-undef
      .then(() => wasm_bindgen({ module_or_path: './badge-verifier-suites_bg.wasm' }).then(() => wasm_bindgen))
      .then((suites) => {
        globalThis.badgeSuites = suites;
        return true;
      })
      .catch(() => {
        loading = null;
        return false;
      });
  }
  return loading;
}
