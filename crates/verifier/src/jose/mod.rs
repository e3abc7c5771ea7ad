//! Keys and compact JWS (RFC 7515, 7517, 7518): parsed and checked here, below both
//! [`crate::resolve`] (which finds keys) and `crate::proof` (which verifies with them), so
//! neither needs the other.

pub mod jws;
pub mod keys;

// RSA, P-384 and secp256k1 (feature `extended-suites`): with the crates, or recognised only and
// left to the full verifier. The one place the feature is asked about for keys and signatures.
#[cfg(feature = "extended-suites")]
#[path = "extended.rs"]
pub mod ext;
#[cfg(not(feature = "extended-suites"))]
#[path = "deferred.rs"]
pub mod ext;
