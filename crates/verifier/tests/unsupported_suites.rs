//! Issue #14: an algorithm, cryptosuite or key type this verifier does not implement is
//! `not-checked` and the badge `unverifiable` — never `invalid` (OB 3.0 permits algorithms
//! beyond RS256: integrity.md, JOSE header `alg`) and never `valid`; the report names what was
//! not checked. `none`, HMAC, JWE algorithms, malformed signatures and keys that contradict the
//! algorithm stay `invalid` (RFC 8725 §3.1, §3.2).

mod status_support;

use badge_verifier::report::{Check, Outcome, Report, Verdict};
use badge_verifier::{Input, MemoryFetcher};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};
use status_support::{assert_verdict, badge, one, run, run_bytes, Issuer};

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

/// A did:key of the given multicodec prefix and key bytes (never decoded for unknown types).
fn did_key_of(codec: &[u8], key: &[u8]) -> String {
    format!(
        "did:key:z{}",
        bs58::encode([codec, key].concat()).into_string()
    )
}

fn p256_key() -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_slice(&[9u8; 32]).unwrap()
}

fn did_key_p256() -> String {
    did_key_of(
        &[0x80, 0x24],
        p256_key().verifying_key().to_encoded_point(true).as_bytes(),
    )
}

/// A P-521 did:key (multicodec p521-pub 0x1202): a well-formed key of a type not implemented.
/// (P-384 and secp256k1 are implemented since issue #16: tests/suites.rs.)
fn did_key_p521() -> String {
    did_key_of(&[0x82, 0x24], &[[0x02u8].as_slice(), &[7u8; 66]].concat())
}

/// A VC 2.0 OpenBadgeCredential JWT payload issued by `issuer`.
fn payload(issuer: &str) -> Value {
    let mut p = badge(&Issuer::new(1), "urn:uuid:unsupported-jwt", None);
    p["issuer"]["id"] = json!(issuer);
    p["iss"] = json!(issuer);
    p["sub"] = json!("did:example:learner");
    p["jti"] = json!("urn:uuid:unsupported-jwt");
    p["nbf"] = json!(1704067200);
    p
}

/// A token with `header` over `payload` and `signature` bytes (not a real signature unless the
/// caller made one).
fn token(header: &Value, payload: &Value, signature: &[u8]) -> String {
    format!(
        "{}.{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes()),
        b64(signature)
    )
}

fn run_token(t: &str, f: &MemoryFetcher) -> Report {
    run_bytes(t.as_bytes().to_vec(), f)
}

/// The badge is unverifiable because the check `id` was not made, its detail containing each
/// of `names`; no check forces anything worse.
fn assert_not_checked(r: &Report, id: &str, names: &[&str]) {
    assert_verdict(r, Verdict::Unverifiable);
    let c = r
        .checks
        .iter()
        .find(|c| c.id == id && c.effect.is_some())
        .unwrap_or_else(|| panic!("no forcing {id} check in {:#?}", r.checks));
    assert_eq!(c.effect, Some(Verdict::Unverifiable), "{c:?}");
    for n in names {
        assert!(c.detail.contains(n), "{n:?} not in {:?}", c.detail);
    }
}

fn proof_check(r: &Report) -> &Check {
    one(r, "proof")
}

// --- VC-JWT algorithms -------------------------------------------------------------------

#[test]
fn registered_but_unimplemented_jwt_algorithms_are_not_checked() {
    let did = did_key_p256();
    for alg in ["ES512", "PS384", "PS512", "RS384", "RS512", "Ed448"] {
        let t = token(
            &json!({"alg": alg, "typ": "JWT", "kid": did}),
            &payload(&did),
            &[0x5a; 96],
        );
        let r = run_token(&t, &MemoryFetcher::new());
        assert_not_checked(&r, "proof", &["not checked", alg, "does not implement"]);
        assert_eq!(proof_check(&r).outcome, Outcome::NotChecked, "{alg}");
        assert!(
            !proof_check(&r).detail.contains("unregistered"),
            "{alg}: {}",
            proof_check(&r).detail
        );
    }
}

#[test]
fn an_unknown_jwt_algorithm_is_not_checked_and_quoted() {
    let did = did_key_p256();
    let t = token(
        &json!({"alg": "XS999\"<b>", "kid": did}),
        &payload(&did),
        &[1; 64],
    );
    let r = run_token(&t, &MemoryFetcher::new());
    assert_not_checked(&r, "proof", &["unregistered algorithm \"XS999\\\"<b>\""]);
}

/// RFC 8725 §3.1/§3.2: `none` and HMAC are never acceptable to a public-key verifier; a JWE
/// key-management algorithm is not a signature. These stay invalid.
#[test]
fn none_hmac_and_jwe_algorithms_stay_invalid() {
    let did = did_key_p256();
    for (alg, says) in [
        ("none", "unsigned"),
        ("HS256", "RFC 8725"),
        ("HS512", "shared-secret"),
        ("RSA-OAEP", "not a signature"),
        ("dir", "not a signature"),
        ("", "empty"),
    ] {
        let t = token(&json!({"alg": alg, "kid": did}), &payload(&did), &[1; 32]);
        let r = run_token(&t, &MemoryFetcher::new());
        assert_verdict(&r, Verdict::Invalid);
        let c = proof_check(&r);
        assert_eq!(
            (c.outcome, c.effect),
            (Outcome::Failed, Some(Verdict::Invalid)),
            "{alg}"
        );
        assert!(c.detail.contains(says), "{alg}: {}", c.detail);
    }
}

/// A known algorithm with a signature of the wrong length, or a key that contradicts the
/// algorithm, is malformed input: invalid.
#[test]
fn malformed_signatures_and_contradicting_keys_stay_invalid() {
    let did = did_key_p256();
    let t = token(
        &json!({"alg": "ES256", "kid": did}),
        &payload(&did),
        &[1; 10],
    );
    let r = run_token(&t, &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Invalid);
    assert_eq!(proof_check(&r).effect, Some(Verdict::Invalid));
    // RS256 named with a P-256 key.
    let t = token(
        &json!({"alg": "RS256", "kid": did}),
        &payload(&did),
        &[1; 256],
    );
    let r = run_token(&t, &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Invalid);
    assert!(
        proof_check(&r).detail.contains("P-256"),
        "{:?}",
        proof_check(&r)
    );
    // And a genuine ES256 signature by that key verifies (the cases above can fail).
    use p256::ecdsa::signature::Signer;
    let header = json!({"alg": "ES256", "kid": did});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload(&did).to_string().as_bytes())
    );
    let sig: p256::ecdsa::Signature = p256_key().sign(input.as_bytes());
    let r = run_token(
        &format!("{input}.{}", b64(&sig.to_bytes())),
        &MemoryFetcher::new(),
    );
    assert_verdict(&r, Verdict::Valid);
}

// --- key types ----------------------------------------------------------------------------

#[test]
fn did_key_of_an_unimplemented_key_type_is_not_checked() {
    for (did, name) in [
        (did_key_p521(), "P-521"),
        (did_key_of(&[0x83, 0x24], &[4u8; 57]), "Ed448"),
        (did_key_of(&[0xec, 0x01], &[4u8; 32]), "X25519"),
        (did_key_of(&[0xeb, 0x01], &[4u8; 96]), "BLS12-381"),
    ] {
        let t = token(
            &json!({"alg": "ES256", "kid": did}),
            &payload(&did),
            &[1; 64],
        );
        let r = run_token(&t, &MemoryFetcher::new());
        assert_not_checked(&r, "proof-method", &["unsupported key type", name]);
        assert_eq!(proof_check(&r).outcome, Outcome::NotChecked);
    }
    // A did:key that is not a key at all stays invalid.
    let did = did_key_of(&[0x80, 0x24], &[0u8; 33]);
    let t = token(
        &json!({"alg": "ES256", "kid": did}),
        &payload(&did),
        &[1; 64],
    );
    assert_verdict(&run_token(&t, &MemoryFetcher::new()), Verdict::Invalid);
}

#[test]
fn jwk_of_an_unimplemented_curve_is_not_checked() {
    let issuer = "https://issuer.example/issuers/1";
    for (jwk, name) in [
        (
            json!({"kty": "EC", "crv": "P-521", "x": b64(&[1; 66]), "y": b64(&[2; 66])}),
            "EC \"P-521\"",
        ),
        (
            json!({"kty": "EC", "crv": "brainpoolP256r1", "x": b64(&[1; 32]), "y": b64(&[2; 32])}),
            "EC \"brainpoolP256r1\"",
        ),
        (
            json!({"kty": "OKP", "crv": "Ed448", "x": b64(&[1; 57])}),
            "OKP \"Ed448\"",
        ),
    ] {
        let t = token(
            &json!({"alg": "ES256", "jwk": jwk}),
            &payload(issuer),
            &[1; 64],
        );
        let r = run_token(&t, &MemoryFetcher::new());
        assert_not_checked(&r, "proof-method", &["the jwk header", name]);
        // did:jwk of the same key: the DID resolves, its key is not implemented.
        let did = format!("did:jwk:{}", b64(jwk.to_string().as_bytes()));
        let t = token(
            &json!({"alg": "ES256", "kid": format!("{did}#0")}),
            &payload(&did),
            &[1; 64],
        );
        let r = run_token(&t, &MemoryFetcher::new());
        assert_not_checked(&r, "proof-method", &[name]);
    }
    // A JWK with private parts, or a symmetric one, stays invalid.
    for jwk in [
        json!({"kty": "EC", "crv": "P-384", "x": b64(&[1; 48]), "y": b64(&[2; 48]), "d": b64(&[3; 48])}),
        json!({"kty": "oct", "alg": "HS256"}),
    ] {
        let t = token(
            &json!({"alg": "ES256", "jwk": jwk}),
            &payload(issuer),
            &[1; 64],
        );
        let r = run_token(&t, &MemoryFetcher::new());
        assert_verdict(&r, Verdict::Invalid);
        assert_eq!(one(&r, "proof-method").effect, Some(Verdict::Invalid));
    }
}

// --- Data Integrity suites ------------------------------------------------------------------

/// A badge signed eddsa-rdfc-2022 by did:key, its proof then relabelled by `edit`.
fn relabelled(edit: impl FnOnce(&mut Value)) -> Value {
    let iss = Issuer::new(2);
    let mut c = iss.sign(badge(&iss, "urn:uuid:unsupported-di", None));
    assert_verdict(&run(&c, &MemoryFetcher::new()), Verdict::Valid);
    edit(&mut c["proof"]);
    c
}

#[test]
fn unimplemented_cryptosuites_are_not_checked() {
    for (suite, says) in [
        ("bbs-2023", "bbs-2023 is not implemented"),
        ("eddsa-rdfc-2099", "does not implement"),
        ("ecdsa-sd-2022", "does not implement"),
    ] {
        let c = relabelled(|p| p["cryptosuite"] = json!(suite));
        let r = run(&c, &MemoryFetcher::new());
        assert_not_checked(&r, "proof", &[suite, says]);
        assert_eq!(proof_check(&r).outcome, Outcome::NotChecked);
    }
}

#[test]
fn unimplemented_proof_types_are_not_checked() {
    for ty in [
        "RsaSignature2018",
        "JsonWebSignature2020",
        "EcdsaSecp256k1Signature2019",
        "Ed25519Signature2018",
    ] {
        let c = relabelled(|p| {
            p["type"] = json!(ty);
            p.as_object_mut().unwrap().remove("cryptosuite");
        });
        let r = run(&c, &MemoryFetcher::new());
        assert_not_checked(&r, "proof", &[ty, "does not implement"]);
    }
}

#[test]
fn ecdsa_rdfc_2019_with_a_p521_key_is_not_checked() {
    let did = did_key_p521();
    let mut vm = String::new();
    let c = relabelled(|p| {
        p["cryptosuite"] = json!("ecdsa-rdfc-2019");
        vm = format!("{did}#{}", did.trim_start_matches("did:key:"));
        p["verificationMethod"] = json!(vm);
    });
    let mut c = c;
    c["issuer"]["id"] = json!(did);
    let r = run(&c, &MemoryFetcher::new());
    assert_not_checked(&r, "proof-method", &["P-521"]);
    assert!(proof_check(&r).detail.contains("ecdsa-rdfc-2019"));
}

/// A suite this verifier implements, with a key that contradicts it or without a cryptosuite,
/// is malformed: invalid.
#[test]
fn contradictions_in_implemented_suites_stay_invalid() {
    let c = relabelled(|p| p["cryptosuite"] = json!("ecdsa-rdfc-2019"));
    let r = run(&c, &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Invalid);
    assert!(
        proof_check(&r).detail.contains("Ed25519"),
        "{:?}",
        proof_check(&r)
    );
    let c = relabelled(|p| {
        p.as_object_mut().unwrap().remove("cryptosuite");
    });
    assert_verdict(&run(&c, &MemoryFetcher::new()), Verdict::Invalid);
}

// --- OB 2.0 signed ----------------------------------------------------------------------------

#[test]
fn ob2_signed_with_an_unimplemented_algorithm_is_not_checked() {
    let assertion = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
        "id": "urn:uuid:ob2-es384", "recipient": {"type": "email", "hashed": false, "identity": "a@example.org"},
        "badge": "https://issuer.example/badge.json", "issuedOn": "2024-01-01T00:00:00Z",
        "verification": {"type": "SignedBadge", "creator": "https://issuer.example/key.json"}});
    let t = token(&json!({"alg": "PS384"}), &assertion, &[1; 256]);
    let input = Input::Bytes {
        name: "signed.jws".into(),
        bytes: t.into_bytes(),
    };
    let r = futures::executor::block_on(badge_verifier::verify(
        &input,
        &MemoryFetcher::new(),
        &badge_verifier::Options::at(status_support::at()),
    ));
    assert_not_checked(&r, "signature", &["not checked", "PS384"]);
    assert!(r.expert.fetched.is_empty());
}
