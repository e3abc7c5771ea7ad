//! The keys and signatures of feature `extended-suites` (issue #16): RSA (RS256, PS256),
//! P-384 (ES384, ecdsa-*-2019 with P-384) and secp256k1 (ES256K), by the RustCrypto crates.
//! `deferred.rs` is the same interface without them (the browser's first-load build); the
//! feature picks one in `jose/mod.rs`, the only place that asks.

use crate::detail;
use crate::detail::{code, count, Detail};

/// Whether this build verifies RSA, P-384 and secp256k1 signatures.
pub const AVAILABLE: bool = true;

/// An RSA public key.
pub type RsaKey = rsa::RsaPublicKey;
/// A P-384 public key.
pub type P384Key = p384::ecdsa::VerifyingKey;
/// A secp256k1 public key.
pub type K256Key = k256::ecdsa::VerifyingKey;

/// Why an extended signature did not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SigError {
    /// The signature does not match (or is not a well-formed signature of the algorithm).
    Bad,
    /// This build leaves the algorithm to the full verifier (only `deferred.rs` says so).
    Deferred,
}

/// Largest RSA modulus accepted (the `rsa` crate's own default limit is 4096 bits too).
const RSA_MAX_BITS: usize = 4096;

/// An RSA public key from its modulus and exponent (big-endian, as in a JWK or PKCS#1).
pub fn rsa_from_components(n: &[u8], e: &[u8]) -> Result<RsaKey, Detail> {
    let n = rsa::BigUint::from_bytes_be(n);
    let e = rsa::BigUint::from_bytes_be(e);
    if n.bits() > RSA_MAX_BITS {
        return Err(detail!(
            "RSA key of {bits} bits: more than {max}",
            bits = count(n.bits()),
            max = count(RSA_MAX_BITS)
        ));
    }
    rsa::RsaPublicKey::new(n, e)
        .map_err(|_| detail!("invalid RSA key: its modulus or exponent is out of range"))
}

/// A PKCS#1 `RSAPublicKey` (DER).
pub fn rsa_from_pkcs1_der(der: &[u8]) -> Result<RsaKey, Detail> {
    use rsa::pkcs1::DecodeRsaPublicKey;
    rsa::RsaPublicKey::from_pkcs1_der(der)
        .map_err(|_| detail!("invalid RSA key: not a PKCS#1 `RSAPublicKey`"))
}

/// A P-384 key from a SEC1 point, compressed or not.
pub fn p384_from_sec1(bytes: &[u8]) -> Result<P384Key, Detail> {
    p384::ecdsa::VerifyingKey::from_sec1_bytes(bytes).map_err(|_| {
        detail!(
            "invalid {curve} key: not a point on the curve",
            curve = code("P-384")
        )
    })
}

/// A secp256k1 key from a SEC1 point, compressed or not.
pub fn k256_from_sec1(bytes: &[u8]) -> Result<K256Key, Detail> {
    k256::ecdsa::VerifyingKey::from_sec1_bytes(bytes).map_err(|_| {
        detail!(
            "invalid {curve} key: not a point on the curve",
            curve = code("secp256k1")
        )
    })
}

/// RS256 (RSASSA-PKCS1-v1_5) or PS256 (RSASSA-PSS, MGF1, salt = hash length: RFC 7518 §3.5)
/// with SHA-256.
pub fn verify_rsa(k: &RsaKey, pss: bool, msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    use rsa::signature::Verifier;
    if pss {
        let vk = rsa::pss::VerifyingKey::<sha2::Sha256>::new(k.clone());
        let sig = rsa::pss::Signature::try_from(sig).map_err(|_| SigError::Bad)?;
        vk.verify(msg, &sig).map_err(|_| SigError::Bad)
    } else {
        let vk = rsa::pkcs1v15::VerifyingKey::<sha2::Sha256>::new(k.clone());
        let sig = rsa::pkcs1v15::Signature::try_from(sig).map_err(|_| SigError::Bad)?;
        vk.verify(msg, &sig).map_err(|_| SigError::Bad)
    }
}

/// ECDSA P-384 with SHA-384 over `msg`; `sig` is IEEE P1363 r ‖ s (96 bytes), as in JWS ES384
/// (RFC 7518 §3.4) and Data Integrity proofs.
pub fn verify_p384(k: &P384Key, msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    // Natively ring (the platform), as for P-256.
    use crate::platform::{verify_ecdsa, EcdsaCurve};
    let point = k.to_encoded_point(false);
    match verify_ecdsa(EcdsaCurve::P384Sha384, point.as_bytes(), msg, sig) {
        Some(true) => return Ok(()),
        Some(false) => return Err(SigError::Bad),
        None => {}
    }
    use p384::ecdsa::signature::Verifier;
    let sig = p384::ecdsa::Signature::from_slice(sig).map_err(|_| SigError::Bad)?;
    k.verify(msg, &sig).map_err(|_| SigError::Bad)
}

/// ECDSA secp256k1 with SHA-256 (ES256K, RFC 8812 §3.2), r ‖ s. k256 refuses high-S
/// signatures (Bitcoin's malleability rule), which RFC 8812 does not forbid: normalize first.
pub fn verify_k256(k: &K256Key, msg: &[u8], sig: &[u8]) -> Result<(), SigError> {
    use k256::ecdsa::signature::Verifier;
    let sig = k256::ecdsa::Signature::from_slice(sig).map_err(|_| SigError::Bad)?;
    let sig = sig.normalize_s().unwrap_or(sig);
    k.verify(msg, &sig).map_err(|_| SigError::Bad)
}
