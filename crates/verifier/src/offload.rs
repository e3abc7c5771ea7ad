//! What the app's two on-demand modules do for the page's core (issues #16, #17).
//!
//! The app's first load leaves out what only rarer badges need, to stay small. `crates/suites`
//! has the suites behind `extended-suites` and the general JSON-LD expansion for documents
//! outside the fast path's subset (`jsonld-reference`); `crates/documents` reads PDFs (`pdf`)
//! and QR codes (`qr`). The page's core asks them through `platform` (`offloaded_*`); they
//! answer with these functions, which are the native build's own code paths, so a badge gets
//! the same checks whichever build reads it. Each function is here when its feature is; only
//! the module crates call them (and tests).

#[cfg(any(feature = "jsonld-reference", feature = "extended-suites"))]
use crate::limits::MAX_JSON_DEPTH;
#[cfg(any(feature = "jsonld-reference", feature = "extended-suites"))]
use crate::proof::error::ProofError;

#[cfg(feature = "extended-suites")]
use crate::jose::ext;
#[cfg(feature = "extended-suites")]
use crate::proof::data_integrity::sd_evidence;

/// Whether `signature` over `message` verifies with `key` under `alg` (`RS256`, `PS256`: the
/// key is the modulus's length in 2 big-endian bytes, the modulus, the exponent; `ES384`,
/// `ES256K`: a SEC1 point; signatures r ‖ s as in JWS and Data Integrity). `None` for another
/// algorithm or a key that does not parse, which the page's core reports as not checked.
#[cfg(feature = "extended-suites")]
pub fn verify_signature(alg: &str, key: &[u8], message: &[u8], signature: &[u8]) -> Option<bool> {
    let result = match alg {
        "RS256" | "PS256" => {
            let (len, rest) = key.split_first_chunk::<2>()?;
            let (n, e) = rest.split_at_checked(usize::from(u16::from_be_bytes(*len)))?;
            let k = ext::rsa_from_components(n, e).ok()?;
            ext::verify_rsa(&k, alg == "PS256", message, signature)
        }
        "ES384" => ext::verify_p384(&ext::p384_from_sec1(key).ok()?, message, signature),
        "ES256K" => ext::verify_k256(&ext::k256_from_sec1(key).ok()?, message, signature),
        _ => return None,
    };
    Some(result.is_ok())
}

/// RDFC-1.0 canonical N-Quads of a JSON-LD document, or its error in
/// `ProofError::to_wire` form.
#[cfg(feature = "jsonld-reference")]
pub fn canonicalize(document: &str) -> Result<String, String> {
    let doc = crate::strict_json::from_str(document, MAX_JSON_DEPTH)
        .map_err(|e| ProofError::Malformed(e.describe("the document")).to_wire())?;
    crate::proof::jsonld::canonicalize(&doc).map_err(|e| e.to_wire())
}

/// An `ecdsa-sd-2023` derived proof (`proof`, one of `document`'s) verified with the issuer's
/// P-256 key (a SEC1 point): its `SdEvidence` as JSON, or the error in
/// `ProofError::to_wire` form.
#[cfg(feature = "extended-suites")]
pub fn verify_ecdsa_sd(document: &str, proof: &str, issuer_key: &[u8]) -> Result<String, String> {
    let read = |text: &str| {
        crate::strict_json::from_str(text, MAX_JSON_DEPTH)
            .map_err(|e| ProofError::Malformed(e.describe("the document")).to_wire())
    };
    let (document, proof) = (read(document)?, read(proof)?);
    let key = p256::ecdsa::VerifyingKey::from_sec1_bytes(issuer_key)
        // p256's own message is English and says no more than this.
        .map_err(|_| ProofError::Malformed("invalid P-256 key".into()).to_wire())?;
    let evidence = sd_evidence(&document, &proof, &key).map_err(|e| e.to_wire())?;
    serde_json::to_string(&evidence).map_err(|e| ProofError::Malformed(e.to_string()).to_wire())
}

/// The QR codes of a PNG or JPEG picture as a JSON list of their text (at most
/// [`crate::extract::qr::MAX_CODES`]), or why the picture cannot be read (issue #17).
#[cfg(feature = "qr")]
pub fn scan_qr(bytes: &[u8]) -> Result<String, String> {
    crate::extract::qr::scan_json(bytes)
}

/// The QR codes of a camera frame (8-bit luma, `width × height` bytes, row by row) as a JSON
/// list of their text, for the app's camera scanning; bounded like [`scan_qr`].
#[cfg(feature = "qr")]
pub fn scan_qr_luma(width: u32, height: u32, luma: &[u8]) -> Result<String, String> {
    crate::extract::qr::scan_luma(width, height, luma)
        .and_then(|c| serde_json::to_string(&c).map_err(|e| e.to_string()))
}

/// What a PDF links to and carries (issue #17), as `extract::pdf::Scan` JSON, read with the
/// default limits; `Err` says why the PDF is not read (damaged, encrypted).
#[cfg(feature = "pdf")]
pub fn scan_pdf(bytes: &[u8]) -> Result<String, String> {
    crate::extract::pdf::scan(bytes, &crate::Limits::default()).map(|s| s.to_wire())
}
