//! Data Integrity proofs (W3C VC Data Integrity; OB 3.0 `integrity.md` "Verify an
//! OpenBadgeCredential Linked Data Signature" {#lds-verify}): `eddsa-rdfc-2022` (and its draft
//! name `eddsa-2022`), `eddsa-jcs-2022`, `Ed25519Signature2020`, `ecdsa-rdfc-2019` and
//! `ecdsa-jcs-2019` (P-256; P-384 with feature `extended-suites`), `ecdsa-sd-2023` derived
//! proofs (feature `extended-suites`, [`super::ecdsa_sd`]). `bbs-2023` is not implemented.
//!
//! Every suite here follows the same shape (W3C vc-di-eddsa §3.3.2 "Verify Proof (eddsa-rdfc-2022)",
//! §3.4.2 for JCS, vc-di-ecdsa §3.3.2 for ECDSA):
//! 1. unsecured document = document without `proof`; proof options = proof without `proofValue`;
//! 2. proof options get the document's `@context` (§3.3.5 "Proof Configuration");
//! 3. both are canonicalized (RDFC-1.0, or JCS for `*-jcs-*`);
//! 4. hash data = H(canonical proof options) ‖ H(canonical document) (§3.3.4 "Hashing"), H being
//!    SHA-256, or SHA-384 for a P-384 key (vc-di-ecdsa §3.3.4 / §3.4.4);
//! 5. `proofValue` (multibase base58btc) is checked over the hash data with the key.

pub use super::error::ProofError;
use super::jsonld;
use crate::detail;
use crate::detail::code;
use crate::jose::ext::{self, SigError};
use crate::jose::keys::PublicKey;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256, Sha384};

/// What a verified proof establishes, for the expert view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProofEvidence {
    /// `eddsa-rdfc-2022`, `Ed25519Signature2020` …
    pub suite: String,
    /// Hex hash of the canonical document (the part of the hash input that is the credential):
    /// SHA-256, SHA-384 with a P-384 key; for ecdsa-sd-2023 the mandatory N-Quads' hash.
    pub document_hash: String,
    /// Hex hash of the canonical proof options, by the same function.
    pub proof_hash: String,
    /// The canonical document: RDFC-1.0 N-Quads (for ecdsa-sd-2023 relabelled by its label
    /// map), or JCS JSON for `eddsa-jcs-2022` / `ecdsa-jcs-2019`.
    pub canonical_document: String,
    /// The canonical proof options, in the same form.
    pub canonical_proof: String,
    /// The key the signature verified with (for ecdsa-sd-2023 the issuer's key, which made the
    /// base signature). Private: only [`verify`] makes evidence, so
    /// [`crate::trust::IssuerKey::attest`] can rely on it.
    verified_with: PublicKey,
}

impl ProofEvidence {
    /// The key the signature verified with.
    pub fn verified_with(&self) -> &PublicKey {
        &self.verified_with
    }
}

/// A supported suite.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Suite {
    /// `DataIntegrityProof` + `eddsa-rdfc-2022` (or its earlier name `eddsa-2022`).
    EddsaRdfc2022,
    /// `DataIntegrityProof` + `eddsa-jcs-2022`.
    EddsaJcs2022,
    /// `Ed25519Signature2020` (VC 1.1 era; same hashing as eddsa-rdfc-2022).
    Ed25519Signature2020,
    /// `DataIntegrityProof` + `ecdsa-rdfc-2019` with a P-256 or P-384 key.
    EcdsaRdfc2019,
    /// `DataIntegrityProof` + `ecdsa-jcs-2019` with a P-256 or P-384 key (vc-di-ecdsa §3.4).
    EcdsaJcs2019,
    /// `DataIntegrityProof` + `ecdsa-sd-2023`, a derived (disclosure) proof (vc-di-ecdsa §3.5).
    EcdsaSd2023,
}

/// The suites a `DataIntegrityProof` may name here, for messages.
const IMPLEMENTED: &str = "eddsa-rdfc-2022, eddsa-jcs-2022, ecdsa-rdfc-2019, ecdsa-jcs-2019, \
                           ecdsa-sd-2023";

impl Suite {
    /// Picks the suite from the proof's `type` / `cryptosuite`.
    pub fn of(proof: &Value) -> Result<(Suite, String), ProofError> {
        let ty = proof.get("type").and_then(Value::as_str);
        let cs = proof.get("cryptosuite").and_then(Value::as_str);
        match (ty, cs) {
            (Some("DataIntegrityProof"), Some(c @ ("eddsa-rdfc-2022" | "eddsa-2022"))) => {
                Ok((Suite::EddsaRdfc2022, c.to_owned()))
            }
            (Some("DataIntegrityProof"), Some("eddsa-jcs-2022")) => {
                Ok((Suite::EddsaJcs2022, "eddsa-jcs-2022".into()))
            }
            (Some("DataIntegrityProof"), Some("ecdsa-rdfc-2019")) => {
                Ok((Suite::EcdsaRdfc2019, "ecdsa-rdfc-2019".into()))
            }
            (Some("DataIntegrityProof"), Some("ecdsa-jcs-2019")) => {
                Ok((Suite::EcdsaJcs2019, "ecdsa-jcs-2019".into()))
            }
            (Some("DataIntegrityProof"), Some("ecdsa-sd-2023")) => {
                Ok((Suite::EcdsaSd2023, "ecdsa-sd-2023".into()))
            }
            (Some("DataIntegrityProof"), Some("bbs-2023")) => {
                Err(ProofError::NotImplemented(detail!(
                    "{suite} is not implemented (this verifier implements {suites})",
                    suite = code("bbs-2023"),
                    suites = code(IMPLEMENTED)
                )))
            }
            (Some("DataIntegrityProof"), Some(c)) => Err(ProofError::NotImplemented(detail!(
                "cryptosuite {suite}, which this verifier does not implement (it implements \
                 {suites})",
                suite = code(c),
                suites = code(IMPLEMENTED)
            ))),
            (Some("DataIntegrityProof"), None) => Err(ProofError::Invalid(detail!(
                "a `DataIntegrityProof` needs a \"`cryptosuite`\""
            ))),
            (Some("Ed25519Signature2020"), _) => {
                Ok((Suite::Ed25519Signature2020, "Ed25519Signature2020".into()))
            }
            (Some(t), _) => Err(ProofError::NotImplemented(detail!(
                "proof type {ty}, which this verifier does not implement (it implements \
                 `DataIntegrityProof` and `Ed25519Signature2020`)",
                ty = code(t)
            ))),
            (None, _) => Err(ProofError::Invalid(detail!("the proof has no \"`type`\""))),
        }
    }

    fn uses_jcs(self) -> bool {
        matches!(self, Suite::EddsaJcs2022 | Suite::EcdsaJcs2019)
    }
}

/// Verifies one `proof` object over `document` (the credential; a `proof` in it is ignored)
/// with `key`.
pub fn verify(
    document: &Value,
    proof: &Value,
    key: &PublicKey,
) -> Result<ProofEvidence, ProofError> {
    let (suite, suite_name) = Suite::of(proof)?;
    // VC DI §4.4 proof chains: a chained proof also signs the proofs it names, which this
    // verifier does not reassemble; refuse rather than report a misleading bad signature.
    if proof.get("previousProof").is_some() {
        return Err(ProofError::NotImplemented(detail!(
            "proof chains (\"`previousProof`\") are not supported"
        )));
    }
    // Key kind first: no point canonicalizing for a key that cannot verify this suite.
    match (suite, key) {
        (Suite::EcdsaRdfc2019 | Suite::EcdsaJcs2019, PublicKey::P256(_) | PublicKey::P384(_)) => {}
        (Suite::EcdsaSd2023, PublicKey::P256(_)) => {}
        // vc-di-ecdsa allows P-384 issuer keys in general ("SHA-384 for P-384"), but its
        // ecdsa-sd-2023 algorithms and vectors only spell out P-256 (SHA-256, 32-byte HMAC
        // labels, a P-256 proof-scoped key): not implemented, rather than called invalid.
        (Suite::EcdsaSd2023, PublicKey::P384(_)) => {
            return Err(ProofError::NotImplemented(detail!(
                "{suite} with a {key} issuer key is not implemented",
                suite = code("ecdsa-sd-2023"),
                key = code("P-384")
            )))
        }
        (
            Suite::EddsaRdfc2022 | Suite::EddsaJcs2022 | Suite::Ed25519Signature2020,
            PublicKey::Ed25519(_),
        ) => {}
        (_, k) => {
            return Err(ProofError::KeyMismatch {
                suite: suite_name,
                key: k.kind(),
            })
        }
    }
    if suite == Suite::EcdsaSd2023 {
        return sd_derived(document, proof, key, suite_name);
    }
    let signature = decode_proof_value(proof)?;
    let (unsecured, options) = prepare(document, proof)?;

    let (canonical_document, canonical_proof) = if suite.uses_jcs() {
        (jcs(&unsecured)?, jcs(&options)?)
    } else {
        (
            jsonld::canonicalize(&unsecured)?,
            jsonld::canonicalize(&options)?,
        )
    };
    // §3.3.4 Hashing: proofConfigHash ‖ transformedDocumentHash; vc-di-ecdsa §3.3.4 / §3.4.4:
    // SHA-256 for a P-256 key, SHA-384 for a P-384 one.
    let hash = |s: &str| match key {
        PublicKey::P384(_) => Sha384::digest(s.as_bytes()).to_vec(),
        _ => Sha256::digest(s.as_bytes()).to_vec(),
    };
    let document_digest = hash(&canonical_document);
    let proof_digest = hash(&canonical_proof);
    let hash_data = [proof_digest.as_slice(), document_digest.as_slice()].concat();

    match key {
        PublicKey::Ed25519(k) => {
            let sig = ed25519_dalek::Signature::from_slice(&signature)
                .map_err(|_| ProofError::BadSignature)?;
            k.verify_strict(&hash_data, &sig)
                .map_err(|_| ProofError::BadSignature)?;
        }
        // vc-di-ecdsa §3.3.2: P-256 signs the 64-byte hash data with SHA-256; the signature is
        // IEEE P1363 r ‖ s (64 bytes).
        PublicKey::P256(k) => {
            if !crate::jose::keys::p256_verify(k, &hash_data, &signature) {
                return Err(ProofError::BadSignature);
            }
        }
        // P-384 signs the 96-byte hash data with SHA-384; r ‖ s is 96 bytes.
        PublicKey::P384(k) => match ext::verify_p384(k, &hash_data, &signature) {
            Ok(()) => {}
            Err(SigError::Bad) => return Err(ProofError::BadSignature),
            Err(SigError::Deferred) => {
                return Err(ProofError::NeedsFullVerifier("ecdsa proofs with a P-384 key"))
            }
        },
        k @ (PublicKey::Rsa(_) | PublicKey::Secp256k1(_)) => {
            return Err(ProofError::KeyMismatch {
                suite: suite_name,
                key: k.kind(),
            })
        }
    }
    Ok(ProofEvidence {
        suite: suite_name,
        document_hash: hex::encode(document_digest),
        proof_hash: hex::encode(proof_digest),
        canonical_document,
        canonical_proof,
        verified_with: key.clone(),
    })
}

/// An `ecdsa-sd-2023` derived proof ([`super::ecdsa_sd`]) with the issuer's P-256 key.
fn sd_derived(
    document: &Value,
    proof: &Value,
    key: &PublicKey,
    suite: String,
) -> Result<ProofEvidence, ProofError> {
    let PublicKey::P256(issuer_key) = key else {
        return Err(ProofError::KeyMismatch {
            suite,
            key: key.kind(),
        });
    };
    let e = sd_evidence(document, proof, issuer_key)?;
    Ok(ProofEvidence {
        suite,
        document_hash: e.document_hash,
        proof_hash: e.proof_hash,
        canonical_document: e.canonical_document,
        canonical_proof: e.canonical_proof,
        verified_with: key.clone(),
    })
}

/// What a verified `ecdsa-sd-2023` proof shows; also what the app's on-demand module sends
/// back for one ([`crate::offload::verify_ecdsa_sd`]).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SdEvidence {
    /// The hash of the mandatory N-Quads.
    pub document_hash: String,
    /// The hash of the proof options' N-Quads.
    pub proof_hash: String,
    /// The canonical N-Quads of the mandatory statements.
    pub canonical_document: String,
    /// The canonical N-Quads of the proof options.
    pub canonical_proof: String,
}

/// With feature `extended-suites`: verified here.
#[cfg(feature = "extended-suites")]
pub(crate) fn sd_evidence(
    document: &Value,
    proof: &Value,
    issuer_key: &p256::ecdsa::VerifyingKey,
) -> Result<SdEvidence, ProofError> {
    let (unsecured, options) = prepare(document, proof)?;
    let v = super::ecdsa_sd::verify_derived(&unsecured, &options, proof, issuer_key)?;
    Ok(SdEvidence {
        document_hash: hex::encode(v.mandatory_hash),
        proof_hash: hex::encode(v.proof_hash),
        canonical_document: v.canonical_document,
        canonical_proof: v.canonical_proof,
    })
}

/// Without it (the app's first load): the on-demand module verifies it, with the function
/// above, when the page has loaded it.
#[cfg(not(feature = "extended-suites"))]
pub(crate) fn sd_evidence(
    document: &Value,
    proof: &Value,
    issuer_key: &p256::ecdsa::VerifyingKey,
) -> Result<SdEvidence, ProofError> {
    let point = issuer_key.to_encoded_point(true);
    let answer = crate::platform::offloaded_ecdsa_sd(
        &document.to_string(),
        &proof.to_string(),
        point.as_bytes(),
    )
    .ok_or(ProofError::NeedsFullVerifier("ecdsa-sd-2023 proofs"))?
    .map_err(|wire| ProofError::from_wire(&wire))?;
    serde_json::from_str(&answer)
        .map_err(|_| ProofError::Invalid(detail!("the on-demand module's answer is not the evidence expected")))
}

/// `proofValue`: multibase base58btc (`z…`), decoded.
fn decode_proof_value(proof: &Value) -> Result<Vec<u8>, ProofError> {
    let pv = proof
        .get("proofValue")
        .ok_or_else(|| ProofError::Invalid(detail!("the proof has no \"`proofValue`\"")))?
        .as_str()
        .ok_or_else(|| ProofError::Invalid(detail!("\"`proofValue`\" is not a string")))?;
    let b58 = pv.strip_prefix('z').ok_or_else(|| {
        ProofError::Invalid(detail!("\"`proofValue`\" is not multibase base58btc ('z…')"))
    })?;
    bs58::decode(b58)
        .into_vec()
        .map_err(|_| ProofError::Invalid(detail!("\"`proofValue`\" is not base58btc")))
}

/// The unsecured document and the proof options (proof configuration), as the suites define
/// them (vc-di-eddsa §3.3.2 steps 1–4, §3.3.5).
pub fn prepare(document: &Value, proof: &Value) -> Result<(Value, Value), ProofError> {
    let doc = document
        .as_object()
        .ok_or_else(|| ProofError::Invalid(detail!("the credential is not a JSON object")))?;
    let proof = proof
        .as_object()
        .ok_or_else(|| ProofError::Invalid(detail!("the proof is not a JSON object")))?;
    let mut unsecured: Map<String, Value> = doc.clone();
    unsecured.remove("proof");
    let mut options: Map<String, Value> = proof.clone();
    options.remove("proofValue");
    let doc_context = unsecured.get("@context").cloned();

    match options.get("@context") {
        // §3.3.2 step 4: a proof carrying its own @context must be a prefix of the document's,
        // and that context is what was signed.
        Some(pc) => {
            let pcs: Vec<&Value> = as_list(pc);
            let dcs: Vec<&Value> = doc_context.as_ref().map(as_list).unwrap_or_default();
            if pcs.len() > dcs.len() || pcs.iter().zip(&dcs).any(|(a, b)| a != b) {
                return Err(ProofError::Invalid(detail!(
                    "the proof's `@context` does not start the credential's `@context`"
                )));
            }
            unsecured.insert("@context".into(), pc.clone());
        }
        None => {
            // §3.3.5 step 3 (and Ed25519Signature2020's createVerifyData): the proof
            // configuration is interpreted with the document's context.
            if let Some(c) = doc_context {
                options.insert("@context".into(), c);
            }
        }
    }
    Ok((Value::Object(unsecured), Value::Object(options)))
}

fn as_list(v: &Value) -> Vec<&Value> {
    match v {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    }
}

/// RFC 8785 JSON Canonicalization Scheme.
fn jcs(v: &Value) -> Result<String, ProofError> {
    serde_json_canonicalizer::to_string(v)
        .map_err(|_| ProofError::Invalid(detail!("JCS (RFC 8785) cannot canonicalize the document")))
}

/// The JSON-LD documents of `tests/fixtures` (named by their paths), each followed by the
/// unsecured document and the proof options of each of its Data Integrity proofs: the corpus
/// the compiled JSON-LD contexts are generated from (`jsonld_fast::generate`), and the one
/// `tests/jsonld_fast.rs` compares the fast path and the reference on.
#[cfg(any(test, feature = "test-support"))]
pub fn fixture_corpus() -> Vec<(String, Value)> {
    fn json_files(dir: &std::path::Path, out: &mut Vec<(String, Value)>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                json_files(&path, out);
            } else if path
                .extension()
                .is_some_and(|e| e == "json" || e == "jsonld")
            {
                let Ok(text) = std::fs::read_to_string(&path) else {
                    continue;
                };
                if let Ok(v @ Value::Object(_)) = serde_json::from_str::<Value>(&text) {
                    if v.get("@context").is_some() {
                        out.push((path.display().to_string(), v));
                    }
                }
            }
        }
    }
    let mut docs = Vec::new();
    json_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures")),
        &mut docs,
    );
    let mut out = Vec::new();
    for (name, doc) in docs {
        let proofs = match doc.get("proof") {
            Some(Value::Array(a)) => a.clone(),
            Some(p @ Value::Object(_)) => vec![p.clone()],
            _ => vec![],
        };
        out.push((name.clone(), doc.clone()));
        for (i, proof) in proofs.iter().enumerate() {
            if let Ok((unsecured, options)) = prepare(&doc, proof) {
                out.push((format!("{name} (unsecured {i})"), unsecured));
                out.push((format!("{name} (proof options {i})"), options));
            }
        }
    }
    out
}


#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn suite_selection() {
        assert_eq!(
            Suite::of(&json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-2022"}))
                .unwrap()
                .0,
            Suite::EddsaRdfc2022
        );
        assert!(matches!(
            Suite::of(&json!({"type": "DataIntegrityProof", "cryptosuite": "bbs-2023"})),
            Err(ProofError::NotImplemented(_))
        ));
        assert!(matches!(
            Suite::of(&json!({"type": "RsaSignature2018"})),
            Err(ProofError::NotImplemented(_))
        ));
        assert!(matches!(
            Suite::of(&json!({})),
            Err(ProofError::Invalid(_))
        ));
    }

    #[test]
    fn proof_chains_are_unsupported() {
        let key = PublicKey::ed25519_from_bytes(&[0u8; 32]).unwrap();
        let proof = json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
            "previousProof": "urn:uuid:1", "proofValue": "z1"});
        assert!(matches!(
            verify(&json!({}), &proof, &key),
            Err(ProofError::NotImplemented(_))
        ));
    }

    #[test]
    fn wrong_key_kind() {
        let p256 = PublicKey::P256(
            *p256::ecdsa::SigningKey::from_slice(&[3u8; 32])
                .unwrap()
                .verifying_key(),
        );
        let proof = json!({"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022", "proofValue": "z1"});
        assert!(matches!(
            verify(&json!({}), &proof, &p256),
            Err(ProofError::KeyMismatch { .. })
        ));
    }

    #[test]
    fn proof_context_must_prefix_document_context() {
        let doc = json!({"@context": ["a", "b"]});
        assert!(prepare(&doc, &json!({"@context": ["a"]})).is_ok());
        assert!(prepare(&doc, &json!({"@context": ["b"]})).is_err());
        let (_, opts) = prepare(&doc, &json!({"proofValue": "z"})).unwrap();
        assert_eq!(opts, json!({"@context": ["a", "b"]}));
    }
}
