//! The platform pieces natively (the CLI, tests, tools): std's clock, address parser and case
//! tables, the `url` crate, flate2 and ring (ECDSA).

use super::{GunzipError, UrlParts};
use std::net::IpAddr;
use std::sync::OnceLock;
use std::time::Instant;

/// Milliseconds since the first call, on the monotonic clock.
pub fn now_ms() -> u64 {
    static START: OnceLock<Instant> = OnceLock::new();
    START.get_or_init(Instant::now).elapsed().as_millis() as u64
}

/// Parses an absolute URL with the `url` crate (the URL Standard, as `fetch()` parses).
pub fn parse_url(raw: &str) -> Result<UrlParts, String> {
    let u = url::Url::parse(raw).map_err(|e| e.to_string())?;
    Ok(UrlParts {
        href: u.as_str().to_owned(),
        scheme: u.scheme().to_owned(),
        hostname: u.host_str().unwrap_or("").to_owned(),
        port: u.port(),
    })
}

/// `rel` (an href found in a page) resolved against the absolute URL `base`: the URL Standard's
/// parser with a base, by the `url` crate.
#[cfg_attr(not(feature = "html-pages"), allow(dead_code))] // pages are searched with it
pub fn join_url(base: &str, rel: &str) -> Result<UrlParts, String> {
    let u = url::Url::parse(base)
        .and_then(|b| b.join(rel))
        .map_err(|e| e.to_string())?;
    parse_url(u.as_str())
}

/// GZIP-decompresses at most `max` bytes; more is an error, never an allocation. Async only to
/// match the browser's; it never waits.
pub async fn gunzip(gz: &[u8], max: usize) -> Result<Vec<u8>, GunzipError> {
    use std::io::Read;
    // The trailer's ISIZE (RFC 1952 §2.3.1: the input's size mod 2^32) sizes the buffer once,
    // up to the limit; growing by doubling would copy, and briefly hold, up to 1.5× the list.
    let declared = gz
        .len()
        .checked_sub(4)
        .map(|at| u32::from_le_bytes([gz[at], gz[at + 1], gz[at + 2], gz[at + 3]]) as usize)
        .unwrap_or(0);
    let mut out = Vec::with_capacity(declared.min(max.saturating_add(1)));
    let limit = u64::try_from(max).unwrap_or(u64::MAX).saturating_add(1);
    flate2::read::GzDecoder::new(gz)
        .take(limit)
        .read_to_end(&mut out)
        .map_err(|_| GunzipError::Invalid(crate::detail!("the GZIP data is corrupt")))?;
    if out.len() > max {
        return Err(GunzipError::TooLarge);
    }
    Ok(out)
}

/// GZIP-compresses `data` (test-support only: verification never compresses, and the browser
/// build has no compressor).
#[cfg(any(test, feature = "test-support"))]
pub fn gzip(data: &[u8]) -> Vec<u8> {
    use flate2::write::GzEncoder;
    use std::io::Write;
    let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::default());
    // Writing to a Vec cannot fail.
    let _ = enc.write_all(data);
    enc.finish().unwrap_or_default()
}

/// `s` in lower case (Unicode default case conversion).
pub fn lowercase(s: &str) -> String {
    s.to_lowercase()
}

/// The IP address a bare URL host (no brackets) spells, if it is one.
pub fn parse_ip(bare: &str) -> Option<IpAddr> {
    bare.parse().ok()
}

/// Natively every suite is linked when it is used (the CLI builds with `extended-suites`):
/// there is no module to ask.
#[allow(dead_code)] // only the browser build asks the on-demand module
pub fn offloaded_signature(
    _alg: &str,
    _key: &[u8],
    _message: &[u8],
    _signature: &[u8],
) -> Option<bool> {
    None
}

/// Natively ecdsa-sd-2023 is linked (feature `extended-suites`): there is no module to ask.
#[allow(dead_code)] // only the browser build asks the on-demand module
pub fn offloaded_ecdsa_sd(
    _document: &str,
    _proof: &str,
    _issuer_key: &[u8],
) -> Option<Result<String, String>> {
    None
}

/// Natively the general JSON-LD expansion is linked (feature `jsonld-reference`, the CLI's
/// default): there is no module to ask.
#[allow(dead_code)]
pub fn offloaded_canonicalize(_document: &str) -> Option<Result<String, String>> {
    None
}

/// Natively QR codes are read by the core itself (feature `qr`, the CLI's default): there is
/// no module to ask.
#[allow(dead_code)]
pub fn offloaded_scan_qr(_bytes: &[u8]) -> Option<Result<String, String>> {
    None
}

/// Natively PDFs are read by lopdf (feature `pdf`, the CLI's default): no module to ask.
#[allow(dead_code)]
pub fn offloaded_scan_pdf(_bytes: &[u8]) -> Option<Result<String, String>> {
    None
}

/// ECDSA verification by ring: `public` is the SEC1 uncompressed point, `signature` r ‖ s.
/// `Some(valid)`; the callers fall back to the RustCrypto crates on `None` (the browser).
pub fn verify_ecdsa(
    curve: super::EcdsaCurve,
    public: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Option<bool> {
    use ring::signature::{UnparsedPublicKey, ECDSA_P256_SHA256_FIXED, ECDSA_P384_SHA384_FIXED};
    let alg = match curve {
        super::EcdsaCurve::P256Sha256 => &ECDSA_P256_SHA256_FIXED,
        super::EcdsaCurve::P384Sha384 => &ECDSA_P384_SHA384_FIXED,
    };
    Some(
        UnparsedPublicKey::new(alg, public)
            .verify(message, signature)
            .is_ok(),
    )
}
