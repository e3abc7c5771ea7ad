//! What the app's first load leaves out, loaded by the page only when a badge needs it (issue
//! #16): RSA (RS256, PS256), P-384 (ES384, ecdsa-* with P-384) and secp256k1 (ES256K)
//! signatures, and the general JSON-LD expansion for documents outside the fast path's subset.
//! The page's own core does everything else: it reads the badge, resolves and binds the key,
//! fetches and decides, and asks this module only "does this signature verify under this key"
//! and "what are this document's canonical N-Quads" (and the whole of an ecdsa-sd-2023 derived
//! proof) (`badge_verifier::offload`, the native build's own code paths), so the verdict rules
//! stay in one place. PDFs and QR codes are the other module's (crates/documents).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

/// `Some(valid)` for an algorithm the module implements, with `key` in the form
/// `badge_verifier::offload::verify_signature` defines; `None` for anything else.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn verify_signature(alg: &str, key: &[u8], message: &[u8], signature: &[u8]) -> Option<bool> {
    badge_verifier::offload::verify_signature(alg, key, message, signature)
}

/// RDFC-1.0 canonical N-Quads of a JSON-LD document; throws the error in the core's wire form.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn canonicalize(document: &str) -> Result<String, String> {
    badge_verifier::offload::canonicalize(document)
}

/// An ecdsa-sd-2023 derived proof: its evidence as JSON; throws the error in the core's wire form.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn verify_ecdsa_sd(document: &str, proof: &str, issuer_key: &[u8]) -> Result<String, String> {
    badge_verifier::offload::verify_ecdsa_sd(document, proof, issuer_key)
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("This is the app's on-demand module: Trunk builds it with the app (see README).");
}
