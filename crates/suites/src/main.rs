//! What the app's first load leaves out, loaded by the page only when a badge needs it (issue
//! #16): RSA (RS256, PS256), P-384 (ES384, ecdsa-* with P-384) and secp256k1 (ES256K)
//! signatures, and the general JSON-LD expansion for documents outside the fast path's subset.
//! The page's own core does everything else: it reads the badge, resolves and binds the key,
//! fetches and decides, and asks this module only "does this signature verify under this key"
//! and "what are this document's canonical N-Quads" (and the whole of an ecdsa-sd-2023 derived
//! proof) (`badge_verifier::offload`, the native
//! build's own code paths), so the verdict rules stay in one place.

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

/// The QR codes of a PNG or JPEG picture (issue #17) as a JSON list of their text; throws why
/// the picture cannot be read.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn scan_qr(bytes: &[u8]) -> Result<String, String> {
    badge_verifier::offload::scan_qr(bytes)
}

/// The QR codes of a camera frame (8-bit luma, `width × height` bytes, row by row) as a JSON
/// list of their text; throws on a frame of the wrong size or too large.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn scan_qr_luma(width: u32, height: u32, luma: &[u8]) -> Result<String, String> {
    badge_verifier::offload::scan_qr_luma(width, height, luma)
}

/// A PDF's links, URLs and attached files (issue #17) as JSON; throws why it is not read.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen]
pub fn scan_pdf(bytes: &[u8]) -> Result<String, String> {
    badge_verifier::offload::scan_pdf(bytes)
}

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("This is the app's on-demand module: Trunk builds it with the app (see README).");
}
