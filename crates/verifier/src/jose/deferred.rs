//! `extended.rs` without its crates (feature `extended-suites` off: the browser's first-load
//! build). RSA, P-384 and secp256k1 keys are still recognised and kept in a normalized encoding
//! (so two encodings of one key compare equal, as the crates' keys do). A signature with them
//! is verified by the app's on-demand module when the page has loaded it
//! (`platform::offloaded_signature`, answered by [`crate::offload::verify_signature`] with
//! `extended.rs` itself); until then it answers [`SigError::Deferred`], which the report shows
//! as a `full-verifier` check and the app takes as the cue to load the module. Points are not
//! checked to be on the curve here (that needs the curve arithmetic); the module does.

use crate::detail;
use crate::detail::{code, count, Detail};

/// Whether this build verifies RSA, P-384 and secp256k1 signatures.
pub const AVAILABLE: bool = false;

/// An RSA key: its modulus and exponent, big-endian without leading zeros.
#[derive(Clone, PartialEq, Eq)]
pub struct RsaKey {
    n: Vec<u8>,
    e: Vec<u8>,
}

/// A P-384 key: its compressed SEC1 point (49 bytes).
#[derive(Clone, PartialEq, Eq)]
pub struct P384Key(Vec<u8>);

/// A secp256k1 key: its compressed SEC1 point (33 bytes).
#[derive(Clone, PartialEq, Eq)]
pub struct K256Key(Vec<u8>);

/// Why an extended signature did not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigError {
    /// The signature does not match (only `extended.rs` says so).
    Bad,
    /// This build leaves the algorithm to the full verifier.
    Deferred,
}

/// Largest RSA modulus accepted, as in `extended.rs`.
const RSA_MAX_BYTES: usize = 512;

fn strip(b: &[u8]) -> Vec<u8> {
    let start = b.iter().position(|&x| x != 0).unwrap_or(b.len());
    b[start..].to_vec()
}

/// An RSA key from its modulus and exponent (big-endian, as in a JWK or PKCS#1), checked for
/// size only: without feature `extended-suites` no RSA arithmetic is linked.
pub fn rsa_from_components(n: &[u8], e: &[u8]) -> Result<RsaKey, Detail> {
    let (n, e) = (strip(n), strip(e));
    if n.is_empty() || e.is_empty() {
        return Err(detail!(
            "invalid RSA key: its modulus or exponent is out of range"
        ));
    }
    if n.len() > RSA_MAX_BYTES {
        return Err(detail!(
            "RSA key of {bits} bits: more than {max}",
            bits = count(n.len() * 8),
            max = count(RSA_MAX_BYTES * 8)
        ));
    }
    Ok(RsaKey { n, e })
}

/// A PKCS#1 `RSAPublicKey`: `SEQUENCE { INTEGER n, INTEGER e }` (RFC 8017 A.1.1), DER, read by
/// the `pkcs1` crate (the one the `rsa` crate reads it with), without its bignum arithmetic.
pub fn rsa_from_pkcs1_der(der: &[u8]) -> Result<RsaKey, Detail> {
    use pkcs1::der::Decode;
    let key = pkcs1::RsaPublicKey::from_der(der)
        .map_err(|_| detail!("invalid RSA key: not a PKCS#1 `RSAPublicKey`"))?;
    rsa_from_components(key.modulus.as_bytes(), key.public_exponent.as_bytes())
}

/// A SEC1 point of a curve whose field elements are `size` bytes, compressed.
fn compressed(bytes: &[u8], size: usize, curve: &'static str) -> Result<Vec<u8>, Detail> {
    match bytes.split_first() {
        Some((2 | 3, x)) if x.len() == size => Ok(bytes.to_vec()),
        Some((4, xy)) if xy.len() == 2 * size => {
            let (x, y) = xy.split_at(size);
            let parity = y.last().map_or(0, |b| b & 1);
            Ok([&[2 + parity], x].concat())
        }
        _ => Err(detail!(
            "invalid {curve} key: not a SEC1 point of {short} or {long} bytes",
            curve = code(curve),
            short = count(1 + size),
            long = count(1 + 2 * size)
        )),
    }
}

/// A P-384 key from a SEC1 point, kept compressed for the on-demand module (only its length and
/// prefix are checked here; the point itself where the signature is verified).
pub fn p384_from_sec1(bytes: &[u8]) -> Result<P384Key, Detail> {
    compressed(bytes, 48, "P-384").map(P384Key)
}

/// A secp256k1 key from a SEC1 point, kept compressed for the on-demand module (only its length
/// and prefix are checked here; the point itself where the signature is verified).
pub fn k256_from_sec1(bytes: &[u8]) -> Result<K256Key, Detail> {
    compressed(bytes, 32, "secp256k1").map(K256Key)
}

/// Asks the on-demand module (see the module comment).
fn offloaded(alg: &str, key: &[u8], msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    match crate::platform::offloaded_signature(alg, key, msg, sig) {
        Some(true) => Ok(()),
        Some(false) => Err(SigError::Bad),
        None => Err(SigError::Deferred),
    }
}

/// An RSA key as the on-demand module reads it: the modulus's length (2 bytes, big-endian),
/// the modulus, the exponent.
fn rsa_wire(k: &RsaKey) -> Vec<u8> {
    let len = u16::try_from(k.n.len()).unwrap_or(u16::MAX).to_be_bytes();
    [&len[..], &k.n, &k.e].concat()
}

/// RS256 or PS256 (`pss`), verified by the on-demand module if it is loaded, else
/// [`SigError::Deferred`].
pub fn verify_rsa(k: &RsaKey, pss: bool, msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    offloaded(if pss { "PS256" } else { "RS256" }, &rsa_wire(k), msg, sig)
}

/// ES384, verified by the on-demand module if it is loaded, else [`SigError::Deferred`].
pub fn verify_p384(k: &P384Key, msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    offloaded("ES384", &k.0, msg, sig)
}

/// ES256K, verified by the on-demand module if it is loaded, else [`SigError::Deferred`].
pub fn verify_k256(k: &K256Key, msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    offloaded("ES256K", &k.0, msg, sig)
}
