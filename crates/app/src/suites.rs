//! The app's on-demand modules, each loaded once, when the first badge needs it (issues #16,
//! #17).
//!
//! The page's WebAssembly leaves out what only rarer inputs need, to keep the first load small:
//! `crates/suites` (RSA, P-384, secp256k1, ecdsa-sd-2023, the general JSON-LD expansion; a
//! report that needed it has a `full-verifier` check) and `crates/documents` (PDFs and QR
//! codes; `document-reader`). The page loads the one named (js/suites.js), which the core then
//! finds (`badge_verifier` platform::offloaded_*), and verifies the input again: the second run
//! finds every document in the page's cache. If a module cannot be loaded (offline, blocked),
//! the last report stands: it already says what was not checked and why.

use badge_verifier::report::{CheckId, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/js/suites.js")]
extern "C" {
    #[wasm_bindgen(js_name = loadModule)]
    fn load_module(which: &str) -> js_sys::Promise;
}

/// An on-demand module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Module {
    Suites,
    Documents,
}

fn has(report: &Report, id: CheckId) -> bool {
    report.checks.iter().any(|c| c.id == id) || report.nested.iter().any(|r| has(r, id))
}

/// The module this report (or one nested in it) left work to, if any: the document reader
/// first (what it finds may then need the suites).
pub fn needed_by(report: &Report) -> Option<Module> {
    if has(report, CheckId::DocumentReader) {
        Some(Module::Documents)
    } else if has(report, CheckId::FullVerifier) {
        Some(Module::Suites)
    } else {
        None
    }
}

/// Loads `module` if it is not loaded; true once it is ready.
pub async fn load(module: Module) -> bool {
    let which = match module {
        Module::Suites => "suites",
        Module::Documents => "documents",
    };
    JsFuture::from(load_module(which))
        .await
        .is_ok_and(|ready| ready.as_bool() == Some(true))
}
