//! The app's on-demand module (issue #16) answers with the native build's own code paths:
//! `badge_verifier::offload` gives the same N-Quads, the same errors and the same signature
//! answers as the core does directly. (The page's side of the exchange, the first-load build
//! asking through the browser, is tested in Chromium: tests/e2e/formats.test.mjs.)

use badge_verifier::offload;
use badge_verifier::proof::data_integrity::{self, ProofError};
use badge_verifier::proof::jsonld;
use serde_json::{json, Value};

const VC2: &str = "https://www.w3.org/ns/credentials/v2";
const OB: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn canonical_n_quads_and_errors_are_the_cores() {
    // Outside the fast path (a language-tagged value), inside it, and refused in safe mode.
    let outside = json!({"@context": [VC2, OB], "type": ["VerifiableCredential"],
        "name": {"@value": "Teamwork", "@language": "en"}, "issuer": "did:example:i",
        "credentialSubject": {"id": "did:example:s"}});
    let inside = json!({"@context": [VC2, OB], "type": ["VerifiableCredential"],
        "name": "Teamwork", "issuer": "did:example:i", "credentialSubject": {"id": "did:example:s"}});
    for doc in [&outside, &inside] {
        let direct = jsonld::canonicalize(doc).unwrap();
        assert!(direct.contains("did:example:s"), "{direct}");
        assert_eq!(offload::canonicalize(&doc.to_string()), Ok(direct));
    }
    assert!(badge_verifier::proof::jsonld_fast::to_dataset(&outside).is_none());
    for bad in [
        json!({"@context": [VC2], "type": ["VerifiableCredential"], "notATerm": 1}),
        json!({"@context": ["https://unknown.example/ctx"], "name": "x"}),
    ] {
        let direct = jsonld::canonicalize(&bad).unwrap_err();
        let wire = offload::canonicalize(&bad.to_string()).unwrap_err();
        assert_eq!(ProofError::from_wire(&wire), direct, "{wire}");
    }
    // Not JSON, or a member twice: refused, never a panic.
    assert!(offload::canonicalize("{").is_err());
    assert!(offload::canonicalize(r#"{"a":1,"a":2}"#).is_err());
}

/// RSA keys cross as the modulus's length (2 bytes), the modulus, the exponent.
fn rsa_wire(k: &rsa::RsaPublicKey) -> Vec<u8> {
    use rsa::traits::PublicKeyParts;
    let n = k.n().to_bytes_be();
    let len = u16::try_from(n.len()).unwrap().to_be_bytes();
    [&len[..], &n, &k.e().to_bytes_be()].concat()
}

#[test]
fn signatures_verify_as_the_core_verifies_them() {
    use rsa::signature::{SignatureEncoding, Signer};
    let msg = b"header.payload";
    let pem = fixture("ob3/rsa-test-key.pem");
    let sk = {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        rsa::RsaPrivateKey::from_pkcs1_pem(&pem).unwrap()
    };
    let key = rsa_wire(&sk.to_public_key());
    let rs256 = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(sk.clone())
        .sign(msg)
        .to_vec();
    assert_eq!(
        offload::verify_signature("RS256", &key, msg, &rs256),
        Some(true)
    );
    assert_eq!(
        offload::verify_signature("RS256", &key, b"other", &rs256),
        Some(false)
    );
    // A PKCS#1 v1.5 signature is not a PSS one.
    assert_eq!(
        offload::verify_signature("PS256", &key, msg, &rs256),
        Some(false)
    );

    let p384 = p384::ecdsa::SigningKey::from_slice(&[5; 48]).unwrap();
    let point = p384.verifying_key().to_encoded_point(true);
    let sig: p384::ecdsa::Signature = p384.sign(msg);
    let sig = sig.to_bytes().to_vec();
    assert_eq!(
        offload::verify_signature("ES384", point.as_bytes(), msg, &sig),
        Some(true)
    );
    assert_eq!(
        offload::verify_signature("ES384", point.as_bytes(), b"x", &sig),
        Some(false)
    );

    let k256 = k256::ecdsa::SigningKey::from_slice(&[6; 32]).unwrap();
    let point = k256.verifying_key().to_encoded_point(true);
    let sig: k256::ecdsa::Signature = k256.sign(msg);
    let sig = sig.to_bytes().to_vec();
    assert_eq!(
        offload::verify_signature("ES256K", point.as_bytes(), msg, &sig),
        Some(true)
    );
    assert_eq!(
        offload::verify_signature("ES256K", point.as_bytes(), msg, &[0; 64]),
        Some(false)
    );

    // Keys that do not parse and algorithms it does not do: no answer, never a pass.
    assert_eq!(
        offload::verify_signature("ES384", &[2; 49], msg, &sig),
        None
    );
    assert_eq!(
        offload::verify_signature("RS256", &[0xff], msg, &rs256),
        None
    );
    assert_eq!(
        offload::verify_signature("ES512", point.as_bytes(), msg, &sig),
        None
    );
}

#[test]
fn ecdsa_sd_2023_evidence_is_the_cores() {
    let doc: Value = serde_json::from_str(&fixture(
        "di-ecdsa/ecdsa-sd-2023/employ/derivedRevealDocument.json",
    ))
    .unwrap();
    let proof = doc["proof"].clone();
    let vm = proof["verificationMethod"].as_str().unwrap();
    let mb = vm.trim_start_matches("did:key:").split('#').next().unwrap();
    let key = badge_verifier::jose::keys::PublicKey::from_multibase(mb).unwrap();
    let direct = data_integrity::verify(&doc, &proof, &key).unwrap();
    let badge_verifier::jose::keys::PublicKey::P256(p256) = &key else {
        panic!("the vector's key is P-256")
    };
    let sec1 = p256.to_encoded_point(true);
    let answer =
        offload::verify_ecdsa_sd(&doc.to_string(), &proof.to_string(), sec1.as_bytes()).unwrap();
    let evidence: Value = serde_json::from_str(&answer).unwrap();
    assert_eq!(evidence["document_hash"], direct.document_hash);
    assert_eq!(evidence["proof_hash"], direct.proof_hash);
    assert_eq!(evidence["canonical_document"], direct.canonical_document);
    assert_eq!(evidence["canonical_proof"], direct.canonical_proof);
    // The tampered vector fails the same way.
    let tampered: Value = serde_json::from_str(&fixture(
        "di-ecdsa/ecdsa-sd-2023/employ/tampered-disclosed-derivedRevealDocument.json",
    ))
    .unwrap();
    let wire = offload::verify_ecdsa_sd(
        &tampered.to_string(),
        &tampered["proof"].to_string(),
        sec1.as_bytes(),
    )
    .unwrap_err();
    assert_eq!(ProofError::from_wire(&wire), ProofError::BadSignature);
}
