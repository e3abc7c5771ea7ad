//! The app's second on-demand module (issue #17): it reads what a recruiter drops besides
//! badges, a PDF résumé and a photo or camera frame with QR codes, and hands back what it found
//! (links, URLs, attached files, the codes' text). The page's own core verifies each of them
//! as any other input (`badge_verifier::offload`, the native build's own code paths). The
//! signature suites are the other module's (crates/suites).

#[cfg(target_arch = "wasm32")]
use wasm_bindgen::prelude::*;

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
    eprintln!(
        "This is the app's on-demand document reader: Trunk builds it with the app (see README)."
    );
}
