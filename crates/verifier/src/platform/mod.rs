//! What differs between the CLI's native build and the app's browser build, behind one surface:
//! the clock, URL parsing, GZIP inflation, lower-casing, reading a literal IP host, ECDSA
//! verification (natively by ring's assembly; in the browser by the crates above, `None`) and the
//! app's on-demand module (`offloaded_signature`, `offloaded_canonicalize`, `offloaded_scan_pdf`). This is
//! the only place in the core that asks which target it is built for; everything above it is
//! the same code on both.
//!
//! In the browser each piece is the page's own (`Date.now()`, `URL`, `DecompressionStream`,
//! `String.prototype.toLowerCase`), so the `.wasm` carries no second copy of the tables and
//! parsers the browser already has (BENCHMARKS.md). Natively they come from std, `url` and
//! `flate2`. This module depends on nothing else in the crate but `detail` (its one sentence,
//! a GZIP stream that is corrupt).

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(not(target_arch = "wasm32"))]
mod native;

#[cfg(target_arch = "wasm32")]
#[allow(unused_imports)] // offloaded_*: only the first-load build asks the module
pub use browser::{
    gunzip, join_url, lowercase, now_ms, offloaded_canonicalize, offloaded_ecdsa_sd,
    offloaded_scan_pdf, offloaded_scan_qr, offloaded_signature, parse_ip, parse_url, verify_ecdsa,
};
#[cfg(not(target_arch = "wasm32"))]
#[allow(unused_imports)] // offloaded_*: only the browser asks the module
pub use native::{
    gunzip, join_url, lowercase, now_ms, offloaded_canonicalize, offloaded_ecdsa_sd,
    offloaded_scan_pdf, offloaded_scan_qr, offloaded_signature, parse_ip, parse_url, verify_ecdsa,
};
// Only tests compress (status lists to verify): natively with flate2; in the browser build
// (benchmarks) with stored blocks, so no compressor is linked for it.
#[cfg(all(any(test, feature = "test-support"), not(target_arch = "wasm32")))]
pub use native::gzip;
#[cfg(any(test, all(feature = "test-support", target_arch = "wasm32")))]
mod stored_gzip;
#[cfg(all(feature = "test-support", target_arch = "wasm32"))]
pub use stored_gzip::gzip;

// The browser's literal-IP reader, compiled natively too so that it is tested against std.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod canonical_ip;

/// An ECDSA curve with its hash, for [`verify_ecdsa`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EcdsaCurve {
    /// P-256 with SHA-256 (ES256, ecdsa-rdfc-2019 / ecdsa-jcs-2019 / ecdsa-sd-2023).
    P256Sha256,
    /// P-384 with SHA-384 (ES384, ecdsa-*-2019 with P-384): feature `extended-suites` only.
    #[cfg_attr(not(feature = "extended-suites"), allow(dead_code))]
    P384Sha384,
}

/// Why [`gunzip`] failed.
#[derive(Debug)]
pub enum GunzipError {
    /// More than the limit would come out (a GZIP bomb, or simply too big).
    TooLarge,
    /// Not a valid GZIP stream (bad header, corrupt data, CRC or length mismatch), in our
    /// words (the platform's own message is not kept).
    Invalid(crate::detail::Detail),
}

/// A URL as the platform's URL Standard parser gave it, before the core's own rules
/// ([`crate::resolve::weburl::WebUrl::from_parts`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlParts {
    /// The serialized URL.
    pub href: String,
    /// Without the colon.
    pub scheme: String,
    /// As the URL Standard serializes it: IPv6 in brackets, "" for none.
    pub hostname: String,
    /// Only when not the scheme's default.
    pub port: Option<u16>,
}
