//! Data Integrity proofs against published vectors (byte-exact intermediate values) and the
//! 1EdTech validator's OB 3.0 credentials. Provenance: tests/fixtures/di/SOURCES.md.

use badge_verifier::jose::keys::PublicKey;
use badge_verifier::proof::data_integrity::{prepare, verify, ProofError};
use badge_verifier::proof::jsonld;
use serde_json::Value;
use sha2::{Digest, Sha256};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/di");

fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_str(&text(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn w3c_key() -> PublicKey {
    let kp = json("w3c/keyPair.json");
    PublicKey::from_multibase(kp["publicKeyMultibase"].as_str().unwrap()).unwrap()
}

/// The key a test credential names: `did:key:z…` (its method-specific id) or a URL whose
/// fragment is the Multikey (how the 1EdTech fixtures spell it; their issuer documents are not
/// published).
fn key_from_method(vm: &str) -> PublicKey {
    let mb = if let Some(rest) = vm.strip_prefix("did:key:") {
        rest.split('#').next().unwrap()
    } else {
        vm.rsplit('#').next().unwrap()
    };
    PublicKey::from_multibase(mb).unwrap_or_else(|e| panic!("{vm}: {e}"))
}

fn proofs(cred: &Value) -> Vec<Value> {
    match &cred["proof"] {
        Value::Array(a) => a.clone(),
        Value::Null => vec![],
        p => vec![p.clone()],
    }
}

/// Verifies the credential's Data Integrity proof (the one with a `proofValue`).
fn verify_credential(
    cred: &Value,
) -> Result<badge_verifier::proof::data_integrity::ProofEvidence, ProofError> {
    let proof = proofs(cred)
        .into_iter()
        .find(|p| p.get("proofValue").is_some())
        .expect("a proof with proofValue");
    let key = key_from_method(proof["verificationMethod"].as_str().unwrap());
    verify(cred, &proof, &key)
}

fn hex_sha256(s: &str) -> String {
    hex::encode(Sha256::digest(s.as_bytes()))
}

/// W3C vc-di-eddsa test vectors: canonical document, canonical proof configuration, both
/// hashes, and the signature all match byte for byte.
fn w3c_vector(dir: &str, signed: &str, suffix: &str, suite: &str) {
    let cred = json(&format!("{dir}/{signed}"));
    let proof = proofs(&cred).remove(0);
    let ev = verify(&cred, &proof, &w3c_key()).unwrap_or_else(|e| panic!("{dir}: {e}"));
    assert_eq!(ev.suite, suite);
    assert_eq!(
        ev.canonical_document,
        text(&format!("{dir}/canonDoc{suffix}.txt"))
            .trim_end_matches('\n')
            .to_owned()
            + if suite == "eddsa-jcs-2022" { "" } else { "\n" }
    );
    assert_eq!(
        ev.canonical_proof.trim_end(),
        text(&format!("{dir}/proofCanon{suffix}.txt")).trim_end()
    );
    assert_eq!(
        ev.document_hash,
        text(&format!("{dir}/docHash{suffix}.txt")).trim()
    );
    assert_eq!(
        ev.proof_hash,
        text(&format!("{dir}/proofHash{suffix}.txt")).trim()
    );
    assert_eq!(
        format!("{}{}", ev.proof_hash, ev.document_hash),
        text(&format!("{dir}/combinedHash{suffix}.txt")).trim()
    );
    assert_eq!(
        proof["proofValue"].as_str().unwrap(),
        text(&format!("{dir}/sigBTC58{suffix}.txt")).trim()
    );
    // The proof configuration the vector shows is what `prepare` derives.
    let (_, options) = prepare(&cred, &proof).unwrap();
    assert_eq!(options, json(&format!("{dir}/proofConfig{suffix}.json")));
}

#[test]
fn w3c_eddsa_rdfc_2022_vector() {
    w3c_vector(
        "w3c/eddsa-rdfc-2022",
        "signedDataInt.json",
        "DataInt",
        "eddsa-rdfc-2022",
    );
}

#[test]
fn w3c_eddsa_rdfc_2022_employment_vector() {
    w3c_vector(
        "w3c/eddsa-rdfc-2022/employ",
        "signedDataInt.json",
        "DataInt",
        "eddsa-rdfc-2022",
    );
}

#[test]
fn w3c_ed25519_signature_2020_vector() {
    w3c_vector(
        "w3c/Ed25519Signature2020",
        "signedEdSig.json",
        "EdSig",
        "Ed25519Signature2020",
    );
}

#[test]
fn w3c_eddsa_jcs_2022_vector() {
    w3c_vector(
        "w3c/eddsa-jcs-2022",
        "signedJCS.json",
        "JCS",
        "eddsa-jcs-2022",
    );
}

#[test]
fn w3c_vectors_fail_when_tampered() {
    for (dir, signed) in [
        ("w3c/eddsa-rdfc-2022", "signedDataInt.json"),
        ("w3c/Ed25519Signature2020", "signedEdSig.json"),
        ("w3c/eddsa-jcs-2022", "signedJCS.json"),
    ] {
        let mut cred = json(&format!("{dir}/{signed}"));
        cred["name"] = Value::from("Forged Credential");
        let proof = proofs(&cred).remove(0);
        assert_eq!(
            verify(&cred, &proof, &w3c_key()),
            Err(ProofError::BadSignature),
            "{dir}"
        );
    }
}

/// OB 3.0 spec test vectors (openbadges-specification, `linked-data-proof-ob.html` with the
/// canonical forms in `test-vectors/obv3p0/`).
#[test]
fn ob_spec_vector() {
    let cred = json("ob-spec/signed.json");
    let proof = proofs(&cred).remove(0);
    let ev = verify_credential(&cred).unwrap();
    assert_eq!(ev.suite, "eddsa-rdfc-2022");
    assert_eq!(ev.canonical_document, text("ob-spec/document-canon.txt"));
    assert_eq!(ev.canonical_proof, text("ob-spec/proof-canon.txt"));
    assert_eq!(ev.document_hash, text("ob-spec/document-hash.txt").trim());
    assert_eq!(ev.proof_hash, text("ob-spec/proof-hash.txt").trim());
    assert_eq!(
        ev.document_hash,
        hex_sha256(&text("ob-spec/document-canon.txt"))
    );
    let sig = bs58::decode(&proof["proofValue"].as_str().unwrap()[1..])
        .into_vec()
        .unwrap();
    assert_eq!(hex::encode(sig), text("ob-spec/signature.txt").trim());
}

#[test]
fn ob30_validator_credentials_verify() {
    for (file, suite) in [
        ("simple.json", "eddsa-rdfc-2022"),
        ("simple-eddsa-2022.json", "eddsa-2022"),
        ("complete.json", "eddsa-rdfc-2022"),
        ("simple_v1.json", "Ed25519Signature2020"),
        ("simple-multiple-proofs.json", "eddsa-rdfc-2022"),
        ("simple-did-key-method.json", "eddsa-rdfc-2022"),
        ("simple-did-web-method.json", "eddsa-rdfc-2022"),
        ("simple-context-alias.json", "eddsa-rdfc-2022"),
        ("simple-context-version.json", "eddsa-rdfc-2022"),
    ] {
        let cred = json(&format!("1edtech/{file}"));
        let ev = verify_credential(&cred).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert_eq!(ev.suite, suite, "{file}");
        assert_eq!(
            ev.document_hash,
            hex_sha256(&ev.canonical_document),
            "{file}"
        );
    }
}

#[test]
fn ob30_err_proof_value_is_a_bad_signature() {
    let cred = json("1edtech/simple-err-proof-value.json");
    assert_eq!(verify_credential(&cred), Err(ProofError::BadSignature));
}

#[test]
fn ob30_tampering_is_detected() {
    let base = json("1edtech/simple.json");
    assert!(verify_credential(&base).is_ok());

    let mut name = base.clone();
    name["name"] = Value::from("Forged Badge");
    assert_eq!(verify_credential(&name), Err(ProofError::BadSignature));

    let mut subject = base.clone();
    subject["credentialSubject"]["id"] = Value::from("did:example:mallory");
    assert_eq!(verify_credential(&subject), Err(ProofError::BadSignature));

    let mut achievement = base.clone();
    achievement["credentialSubject"]["achievement"]["name"] = Value::from("Leadership");
    assert_eq!(
        verify_credential(&achievement),
        Err(ProofError::BadSignature)
    );

    // A different, well-formed signature.
    let mut pv = base.clone();
    let other = json("1edtech/simple-err-proof-value.json");
    pv["proof"][0]["proofValue"] = other["proof"][0]["proofValue"].clone();
    assert_eq!(verify_credential(&pv), Err(ProofError::BadSignature));

    // A tampered proof option (the proof options are signed too).
    let mut created = base.clone();
    created["proof"][0]["created"] = Value::from("2011-01-01T19:23:24Z");
    assert_eq!(verify_credential(&created), Err(ProofError::BadSignature));

    // A signature that is not base58btc is malformed, not a crash.
    let mut garbage = base.clone();
    garbage["proof"][0]["proofValue"] = Value::from("z0OIl");
    assert!(matches!(
        verify_credential(&garbage),
        Err(ProofError::Invalid(_))
    ));
}

/// Safe mode: a property the contexts do not define would be dropped by expansion, so it is
/// not signed; it must fail verification, naming the term, rather than ride along unsigned.
#[test]
fn undefined_term_fails_naming_it() {
    let mut cred = json("1edtech/simple.json");
    cred["credentialSubject"]["achievement"]["secretLevel"] = Value::from("platinum");
    match verify_credential(&cred) {
        Err(ProofError::Invalid(m)) => assert!(m.contains("secretLevel"), "{m}"),
        other => panic!("expected a safe-mode error, got {other:?}"),
    }
    // Same at the top level of an OB 3.0 credential.
    let mut cred = json("1edtech/simple.json");
    cred["awardedBy"] = Value::from("nobody");
    match verify_credential(&cred) {
        Err(ProofError::Invalid(m)) => assert!(m.contains("awardedBy"), "{m}"),
        other => panic!("expected a safe-mode error, got {other:?}"),
    }
}

#[test]
fn unknown_context_is_named_and_not_fetched() {
    let mut cred = json("1edtech/simple.json");
    cred["@context"]
        .as_array_mut()
        .unwrap()
        .push(Value::from("https://example.org/my-context.json"));
    assert_eq!(
        verify_credential(&cred),
        Err(ProofError::UnknownContext(
            "https://example.org/my-context.json".into()
        ))
    );
}

#[test]
fn canonical_form_is_stable_across_calls() {
    // Blank node labels come from a fresh generator per call: the output must not depend on
    // what ran before.
    let cred = json("ob-spec/signed.json");
    let (doc, _) = prepare(&cred, &proofs(&cred)[0]).unwrap();
    let a = jsonld::canonicalize(&doc).unwrap();
    let _ = jsonld::canonicalize(&json("1edtech/complete.json")).unwrap();
    assert_eq!(a, jsonld::canonicalize(&doc).unwrap());
}

fn safe_mode_error(cred: &Value) -> String {
    match verify_credential(cred) {
        Err(ProofError::Invalid(m)) => m.to_string(),
        other => panic!("expected a safe-mode error, got {other:?}"),
    }
}

/// Safe mode also covers what toRdf drops: relative IRIs (with every statement about that
/// node), undefined types, ill-formed language tags, keyword-like keys.
#[test]
fn dropped_data_fails_naming_it() {
    let base = json("1edtech/simple.json");

    let mut c = base.clone();
    c["credentialSubject"]["id"] = Value::from("alice");
    assert!(safe_mode_error(&c).contains("\"alice\""));

    let mut c = base.clone();
    c["credentialSubject"]["achievement"]["image"] =
        serde_json::json!({"id": "badge.png", "type": "Image"});
    assert!(safe_mode_error(&c).contains("\"badge.png\""));

    let mut c = base.clone();
    c["credentialSubject"]["type"] = serde_json::json!(["AchievementSubject", "GoldSubject"]);
    let m = safe_mode_error(&c);
    assert!(m.contains("type \"GoldSubject\""), "{m}");

    let mut c = base.clone();
    c["name"] = serde_json::json!({"@value": "Teamwork Badge", "@language": "not a tag!"});
    assert!(safe_mode_error(&c).contains("not a tag!"));

    let mut c = base.clone();
    c["@comment"] = Value::from("unsigned");
    assert!(safe_mode_error(&c).contains("@comment"));

    // VC 1.1 credential (Ed25519Signature2020): same rules.
    let mut c = json("1edtech/simple_v1.json");
    c["credentialSubject"]["rank"] = Value::from(1);
    assert!(safe_mode_error(&c).contains("\"rank\""));
}

/// A credential without the VC context: its core terms are undefined.
#[test]
fn ob30_err_context_is_refused() {
    let cred = json("1edtech/simple-err-context.json");
    let m = safe_mode_error(&cred);
    assert!(m.contains("is not defined"), "{m}");
}

/// ecdsa-rdfc-2019 with P-256 (vc-di-ecdsa §3.3): same hash data as eddsa-rdfc-2022, signed
/// with ECDSA P-256/SHA-256, signature r ‖ s. Round trip with a fixed key (the W3C vectors for
/// this suite were generated with an older context that left `cryptosuite` untyped).
#[test]
fn ecdsa_rdfc_2019_p256_round_trip() {
    use p256::ecdsa::signature::Signer;
    let sk = p256::ecdsa::SigningKey::from_slice(&[0x42; 32]).unwrap();
    let key = PublicKey::P256(*sk.verifying_key());
    let mut cred = json("w3c/eddsa-rdfc-2022/signedDataInt.json");
    cred["proof"] = serde_json::json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "ecdsa-rdfc-2019",
        "created": "2023-02-24T23:36:38Z",
        "verificationMethod": "https://vc.example/issuers/5678#key",
        "proofPurpose": "assertionMethod"
    });
    let (doc, options) = prepare(&cred, &cred["proof"]).unwrap();
    let mut data = Sha256::digest(jsonld::canonicalize(&options).unwrap().as_bytes()).to_vec();
    data.extend_from_slice(&Sha256::digest(
        jsonld::canonicalize(&doc).unwrap().as_bytes(),
    ));
    let sig: p256::ecdsa::Signature = sk.sign(&data);
    cred["proof"]["proofValue"] =
        Value::from(format!("z{}", bs58::encode(sig.to_bytes()).into_string()));
    let proof = cred["proof"].clone();

    let ev = verify(&cred, &proof, &key).unwrap();
    assert_eq!(ev.suite, "ecdsa-rdfc-2019");
    assert_eq!(
        ev.document_hash,
        text("w3c/eddsa-rdfc-2022/docHashDataInt.txt").trim()
    );

    let mut tampered = cred.clone();
    tampered["credentialSubject"]["alumniOf"] = Value::from("Another School");
    assert_eq!(
        verify(&tampered, &proof, &key),
        Err(ProofError::BadSignature)
    );
    // An Ed25519 key cannot verify an ECDSA suite, and vice versa.
    assert!(matches!(
        verify(&cred, &proof, &w3c_key()),
        Err(ProofError::KeyMismatch { .. })
    ));
    let ed = json("1edtech/simple.json");
    assert!(matches!(
        verify(&ed, &ed["proof"][0], &key),
        Err(ProofError::KeyMismatch { .. })
    ));
}

/// A proof set (VC DI §2.1.2): each proof is verified on its own over the credential without
/// any proof; an unknown proof type next to a valid one is reported as unsupported.
#[test]
fn proof_set_each_proof_on_its_own() {
    let cred = json("1edtech/simple-multiple-proofs.json");
    let all = proofs(&cred);
    assert_eq!(all.len(), 2);
    let key = key_from_method(all[1]["verificationMethod"].as_str().unwrap());
    assert!(
        matches!(verify(&cred, &all[0], &key), Err(ProofError::NotImplemented(m)) if m.contains("SomeProofType"))
    );
    assert_eq!(
        verify(&cred, &all[1], &key).unwrap().suite,
        "eddsa-rdfc-2022"
    );
    // Same signature as the single-proof credential: the other proof is not part of the data.
    let single = json("1edtech/simple.json");
    assert_eq!(
        verify(&cred, &all[1], &key).unwrap().document_hash,
        verify_credential(&single).unwrap().document_hash
    );
}
