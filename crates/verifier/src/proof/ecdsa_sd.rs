//! `ecdsa-sd-2023` derived proofs (W3C vc-di-ecdsa §3.5, "Verify Derived Proof
//! (ecdsa-sd-2023)"), feature `extended-suites`. What a holder discloses is verified; a base
//! proof, which only the holder should have, is refused (see [`parse_derived_proof_value`]).
//!
//! 1. `parseDerivedProofValue`: `u` + base64url of 0xd9 0x5d 0x01 ‖ CBOR [baseSignature,
//!    publicKey, signatures, compressedLabelMap, mandatoryIndexes];
//! 2. `createVerifyData`: proofHash = SHA-256(RDFC(proof options)); the disclosed document is
//!    canonicalized (RDFC-1.0) and its blank nodes relabelled by the label map
//!    (`labelReplacementCanonicalizeJsonLd`), split by the mandatory indexes;
//!    mandatoryHash = SHA-256(mandatory N-Quads joined);
//! 3. the base signature (issuer's P-256 key) over proofHash ‖ publicKey ‖ mandatoryHash
//!    (`serializeSignData`), and each non-mandatory N-Quad's signature by the proof-scoped
//!    (ephemeral) `publicKey`; their counts must match.

use super::error::ProofError;
use crate::detail;
use crate::detail::{cause, count, Detail};
use super::jsonld;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use ciborium::Value as Cbor;
use crate::jose::keys::p256_verify;
use p256::ecdsa::{Signature, VerifyingKey};
use serde_json::Value;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, HashSet};

/// Longest `proofValue` read (characters); credentials are far smaller.
const MAX_PROOF_VALUE: usize = 1 << 20;
/// CBOR nesting: the structure is two levels deep.
const CBOR_DEPTH: usize = 4;

/// What a verified derived proof establishes.
pub struct Verified {
    pub proof_hash: Vec<u8>,
    pub mandatory_hash: Vec<u8>,
    /// The disclosed document's relabelled canonical N-Quads, in order.
    pub canonical_document: String,
    pub canonical_proof: String,
}

/// The components of a derived proof value.
struct Derived {
    base_signature: Signature,
    /// The proof-scoped key as the proof value carries it (multikey bytes, signed over).
    public_key_bytes: Vec<u8>,
    public_key: VerifyingKey,
    signatures: Vec<Signature>,
    /// `c14nN` → `u<base64url HMAC label>` (decompressLabelMap).
    label_map: HashMap<String, String>,
    mandatory: HashSet<usize>,
}

fn error(m: Detail) -> ProofError {
    ProofError::Invalid(detail!("`ecdsa-sd-2023`: {why}", why = cause(m)))
}

/// Verifies the derived proof `proof` over `unsecured` (the document without `proof`) with
/// the issuer's key; `options` is the proof configuration with the document's `@context`.
pub fn verify_derived(
    unsecured: &Value,
    options: &Value,
    proof: &Value,
    issuer_key: &VerifyingKey,
) -> Result<Verified, ProofError> {
    let pv = proof
        .get("proofValue")
        .and_then(Value::as_str)
        .ok_or_else(|| error(detail!("the proof has no string \"`proofValue`\"")))?;
    let d = parse_derived_proof_value(pv)?;
    let canonical_proof = jsonld::canonicalize(options)?;
    let proof_hash = Sha256::digest(canonical_proof.as_bytes()).to_vec();
    let nquads = jsonld::canonical_nquads_relabeled(unsecured, &d.label_map)?;
    let (mut mandatory, mut non_mandatory) = (String::new(), Vec::new());
    for (i, nq) in nquads.iter().enumerate() {
        match d.mandatory.contains(&i) {
            true => mandatory.push_str(nq),
            false => non_mandatory.push(nq),
        }
    }
    let mandatory_hash = Sha256::digest(mandatory.as_bytes()).to_vec();
    // "If the length of signatures does not match the length of nonMandatory, an error MUST be
    // raised" (PROOF_VERIFICATION_ERROR).
    if d.signatures.len() != non_mandatory.len() {
        return Err(error(detail!(
            "{signatures} signatures for {statements} non-mandatory statements",
            signatures = count(d.signatures.len()),
            statements = count(non_mandatory.len())
        )));
    }
    let to_verify = [
        proof_hash.as_slice(),
        d.public_key_bytes.as_slice(),
        mandatory_hash.as_slice(),
    ]
    .concat();
    if !p256_verify(issuer_key, &to_verify, &d.base_signature.to_bytes()) {
        return Err(ProofError::BadSignature);
    }
    for (sig, nq) in d.signatures.iter().zip(&non_mandatory) {
        if !p256_verify(&d.public_key, nq.as_bytes(), &sig.to_bytes()) {
            return Err(ProofError::BadSignature);
        }
    }
    Ok(Verified {
        proof_hash,
        mandatory_hash,
        canonical_document: nquads.concat(),
        canonical_proof,
    })
}

/// `parseDerivedProofValue` (vc-di-ecdsa §3.5, ecdsa-sd-2023 functions).
///
/// A base proof (header 0xd9 0x5d 0x00) is an error here, and the badge invalid, not
/// unverifiable: the spec makes it one ("If the decodedProofValue does not start with … 0xd9,
/// 0x5d, and 0x01, an error MUST be raised … PROOF_VERIFICATION_ERROR"), i.e. the proof does
/// not verify. A base proof is the holder's, for deriving disclosures; it is not meant to be
/// shown, and no verifier algorithm is defined for it. Calling it "cannot verify" would let
/// anyone turn a forged or altered credential from invalid into merely unverifiable by
/// writing three header bytes.
fn parse_derived_proof_value(pv: &str) -> Result<Derived, ProofError> {
    if pv.len() > MAX_PROOF_VALUE {
        return Err(error(detail!("the `proofValue` is too long")));
    }
    let b64 = pv
        .strip_prefix('u')
        .ok_or_else(|| error(detail!("the `proofValue` is not multibase base64url ('u…')")))?;
    let bytes = URL_SAFE_NO_PAD
        .decode(b64)
        .map_err(|_| error(detail!("the `proofValue` is not base64url")))?;
    let mut cbor = match bytes.as_slice() {
        [0xd9, 0x5d, 0x01, rest @ ..] => rest,
        [0xd9, 0x5d, 0x00, ..] => {
            return Err(error(detail!("this is a base proof (header 0xd9 0x5d 0x00), which the holder keeps to derive \
                 disclosures from; a verifier must be given a derived proof (vc-di-ecdsa §3.5 \
                 parseDerivedProofValue: PROOF_VERIFICATION_ERROR)")))
        }
        _ => {
            return Err(error(detail!("the `proofValue` does not start with the derived proof header 0xd9 0x5d 0x01")))
        }
    };
    let value: Cbor = ciborium::de::from_reader_with_recursion_limit(&mut cbor, CBOR_DEPTH)
        .map_err(|_| error(detail!("the `proofValue` is not CBOR")))?;
    if !cbor.is_empty() {
        return Err(error(detail!("bytes after the `proofValue`'s CBOR")));
    }
    let shape = || {
        error(detail!("the `proofValue` is not [baseSignature (64 bytes), publicKey, signatures (64 bytes \
             each), label map (integer → 32 bytes), mandatory indexes]"))
    };
    let Cbor::Array(items) = value else {
        return Err(shape());
    };
    let [base, public_key, signatures, label_map, mandatory] =
        <[Cbor; 5]>::try_from(items).map_err(|_| shape())?;
    let signature = |v: Cbor| match v {
        Cbor::Bytes(b) if b.len() == 64 => Signature::from_slice(&b).map_err(|_| shape()),
        _ => Err(shape()),
    };
    let base_signature = signature(base)?;
    // The proof-scoped key is a P-256 Multikey: 0x80 0x24 + a 33-byte compressed point.
    let Cbor::Bytes(public_key_bytes) = public_key else {
        return Err(shape());
    };
    let public_key = match public_key_bytes.as_slice() {
        [0x80, 0x24, point @ ..] if point.len() == 33 => VerifyingKey::from_sec1_bytes(point)
            .map_err(|_| error(detail!("the proof-scoped public key is not a P-256 point")))?,
        _ => return Err(error(detail!("the proof-scoped public key is not a P-256 Multikey"))),
    };
    let Cbor::Array(signatures) = signatures else {
        return Err(shape());
    };
    let signatures = signatures
        .into_iter()
        .map(signature)
        .collect::<Result<Vec<_>, _>>()?;
    // decompressLabelMap: integer k → "c14n{k}", bytes v → "u" + base64url(v).
    let Cbor::Map(entries) = label_map else {
        return Err(shape());
    };
    let mut labels = HashMap::with_capacity(entries.len());
    for (k, v) in entries {
        let (Cbor::Integer(k), Cbor::Bytes(v)) = (k, v) else {
            return Err(shape());
        };
        let k = u64::try_from(k).map_err(|_| shape())?;
        if v.len() != 32 {
            return Err(shape());
        }
        if labels
            .insert(format!("c14n{k}"), format!("u{}", URL_SAFE_NO_PAD.encode(v)))
            .is_some()
        {
            return Err(error(detail!("the label map names a blank node twice")));
        }
    }
    let Cbor::Array(mandatory) = mandatory else {
        return Err(shape());
    };
    let mandatory = mandatory
        .into_iter()
        .map(|i| match i {
            Cbor::Integer(i) => usize::try_from(i).map_err(|_| shape()),
            _ => Err(shape()),
        })
        .collect::<Result<HashSet<_>, _>>()?;
    Ok(Derived {
        base_signature,
        public_key_bytes,
        public_key,
        signatures,
        label_map: labels,
        mandatory,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pv(bytes: &[u8]) -> String {
        format!("u{}", URL_SAFE_NO_PAD.encode(bytes))
    }

    #[test]
    fn base_proofs_and_garbage_are_errors_not_panics() {
        let base = parse_derived_proof_value(&pv(&[0xd9, 0x5d, 0x00, 0x85]));
        assert!(
            matches!(&base, Err(ProofError::Invalid(m)) if m.contains("base proof")),
            "{:?}",
            base.err()
        );
        for bad in [
            "z123".to_string(),
            "u!!".to_string(),
            pv(&[]),
            pv(&[0xd9, 0x5d, 0x01]),
            pv(&[0xd9, 0x5d, 0x01, 0x85]),
            // An array claiming 2^64-1 elements, a byte string claiming 2^64-1 bytes.
            pv(&[0xd9, 0x5d, 0x01, 0x9b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            pv(&[0xd9, 0x5d, 0x01, 0x85, 0x5b, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
            // Deep nesting.
            pv(&[[0xd9, 0x5d, 0x01].as_slice(), &[0x81; 64]].concat()),
            // Five elements of the wrong types; then trailing bytes.
            pv(&[0xd9, 0x5d, 0x01, 0x85, 0, 0, 0, 0, 0]),
            pv(&[0xd9, 0x5d, 0x01, 0x80, 0x00]),
        ] {
            assert!(
                matches!(parse_derived_proof_value(&bad), Err(ProofError::Invalid(_))),
                "{bad}"
            );
        }
    }
}
