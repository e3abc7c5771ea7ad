//! The on-demand suites module (crates/suites), loaded once, when the first badge needs it.
//!
//! The page's WebAssembly leaves RSA, P-384 and secp256k1 out to keep the first load small
//! (issue #16); a report that met one of them has a `full-verifier` check. Then the page loads
//! the module (js/suites.js), which the core then finds for the signatures it could not check
//! (`badge_verifier` platform::offloaded_signature), and verifies the badge again: the second
//! run finds every document in the page's cache. If the module cannot be loaded (offline,
//! blocked), the first report stands: it already says what was not checked and why.

use badge_verifier::report::{CheckId, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/suites.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadSuites)]
    fn load_suites() -> js_sys::Promise;
}

/// Whether this report (or one nested in it) left a signature to the suites module.
pub fn needed_by(report: &Report) -> bool {
    report.checks.iter().any(|c| c.id == CheckId::FullVerifier)
        || report.nested.iter().any(needed_by)
}

/// Loads the module if it is not loaded; true once it is ready.
pub async fn load() -> bool {
    JsFuture::from(load_suites())
        .await
        .is_ok_and(|ready| ready.as_bool() == Some(true))
}
