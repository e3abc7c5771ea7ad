//! The signature suites the app's first load leaves out, loaded by the page only when a badge
//! needs one (issue #16): RSA (RS256, PS256), P-384 (ES384, ecdsa-* with P-384) and secp256k1
//! (ES256K). The page's own core does everything else: it reads the badge, resolves and binds
//! the key, and asks this module only "does this signature verify under this key"
//! (`badge_verifier::platform::offloaded_signature`), so the verdict rules stay in one place.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// `Some(valid)` for an algorithm this module implements, with `key` in the form
/// `badge_verifier::jose::offload` defines; `None` for anything else.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn verify_signature(alg: &str, key: &[u8], message: &[u8], signature: &[u8]) -> Option<bool> {
    badge_verifier::jose::offload::verify(alg, key, message, signature)
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!(
        "This is the app's on-demand suites module: Trunk builds it with the app (see README)."
    );
}
