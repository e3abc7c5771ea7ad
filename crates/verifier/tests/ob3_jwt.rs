//! OB 3.0 VC-JWTs signed here (fixed-seed Ed25519 and P-256 keys, a test RSA key) with
//! did:key, did:jwk, did:web and https issuers, plus the 1EdTech JWT fixtures.

use badge_verifier::report::{Check, Outcome, Report, Verdict};
use badge_verifier::verify::Input;
use badge_verifier::{verify, Format, MemoryFetcher, Options};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

fn ed_key(seed: u8) -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[seed; 32])
}

fn p256_key() -> p256::ecdsa::SigningKey {
    p256::ecdsa::SigningKey::from_slice(&[9u8; 32]).unwrap()
}

fn did_key_ed(sk: &ed25519_dalek::SigningKey) -> String {
    let mut bytes = vec![0xed, 0x01];
    bytes.extend_from_slice(sk.verifying_key().as_bytes());
    format!("did:key:z{}", bs58::encode(bytes).into_string())
}

fn did_key_p256(sk: &p256::ecdsa::SigningKey) -> String {
    let mut bytes = vec![0x80, 0x24];
    bytes.extend_from_slice(sk.verifying_key().to_encoded_point(true).as_bytes());
    format!("did:key:z{}", bs58::encode(bytes).into_string())
}

fn jwk_ed(sk: &ed25519_dalek::SigningKey) -> Value {
    json!({"kty": "OKP", "crv": "Ed25519", "x": b64(sk.verifying_key().as_bytes())})
}

fn jwk_p256(sk: &p256::ecdsa::SigningKey) -> Value {
    let p = sk.verifying_key().to_encoded_point(false);
    json!({"kty": "EC", "crv": "P-256", "x": b64(p.x().unwrap()), "y": b64(p.y().unwrap())})
}

fn did_jwk(jwk: &Value) -> String {
    format!("did:jwk:{}", b64(jwk.to_string().as_bytes()))
}

/// A VC 2.0 OpenBadgeCredential as a JWT payload, with the claims OB 3.0 requires.
fn payload(issuer: &str) -> Value {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT],
        "id": "urn:uuid:0b5fb7c8-8b35-4c0f-8a6e-5f0c1b0b7e01",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Teamwork Badge",
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Example Issuer"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:alice", "type": ["AchievementSubject"],
            "achievement": {"id": "https://example.org/achievements/teamwork", "type": ["Achievement"],
                "name": "Teamwork", "description": "Works in teams.", "criteria": {"narrative": "Be nominated."}}
        },
        "iss": issuer, "sub": "did:example:alice", "jti": "urn:uuid:0b5fb7c8-8b35-4c0f-8a6e-5f0c1b0b7e01",
        "nbf": 1704067200
    })
}

fn signing_input(header: &Value, payload: &Value) -> String {
    format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes())
    )
}

fn sign_ed(header: Value, payload: &Value, sk: &ed25519_dalek::SigningKey) -> String {
    use ed25519_dalek::Signer;
    let input = signing_input(&header, payload);
    let sig = sk.sign(input.as_bytes());
    format!("{input}.{}", b64(&sig.to_bytes()))
}

fn sign_p256(header: Value, payload: &Value, sk: &p256::ecdsa::SigningKey) -> String {
    use p256::ecdsa::signature::Signer;
    let input = signing_input(&header, payload);
    let sig: p256::ecdsa::Signature = sk.sign(input.as_bytes());
    format!("{input}.{}", b64(&sig.to_bytes()))
}

fn rsa_key() -> rsa::RsaPrivateKey {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    let pem = std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/ob3/rsa-test-key.pem",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    rsa::RsaPrivateKey::from_pkcs1_pem(&pem).unwrap()
}

fn jwk_rsa(sk: &rsa::RsaPrivateKey) -> Value {
    use rsa::traits::PublicKeyParts;
    json!({"kty": "RSA", "n": b64(&sk.n().to_bytes_be()), "e": b64(&sk.e().to_bytes_be())})
}

fn sign_rs256(header: Value, payload: &Value, sk: &rsa::RsaPrivateKey) -> String {
    use rsa::signature::{SignatureEncoding, Signer};
    let input = signing_input(&header, payload);
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(sk.clone());
    format!("{input}.{}", b64(&signer.sign(input.as_bytes()).to_bytes()))
}

/// Replaces the payload of a signed token (the signature stays the old one).
fn with_payload(token: &str, payload: &Value) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    format!(
        "{}.{}.{}",
        parts[0],
        b64(payload.to_string().as_bytes()),
        parts[2]
    )
}

fn run_opts(token: &str, f: &MemoryFetcher, opts: &Options) -> Report {
    let input = Input::Bytes {
        name: "badge.jwt".into(),
        bytes: token.as_bytes().to_vec(),
    };
    futures::executor::block_on(verify(&input, f, opts))
}

fn run(token: &str, f: &MemoryFetcher) -> Report {
    run_opts(token, f, &Options::at(at()))
}

fn check<'a>(r: &'a Report, id: &str) -> &'a Check {
    r.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id} in {:#?}", r.checks))
}

fn outcome(r: &Report, id: &str) -> Outcome {
    check(r, id).outcome
}

fn assert_valid(r: &Report) {
    assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    assert_eq!(r.format, Some(Format::Ob3Jwt));
    for id in [
        "proof",
        "proof-method",
        "proof-controller",
        "jwt-iss",
        "jwt-sub",
        "jwt-jti",
        "jwt-nbf",
    ] {
        assert_eq!(outcome(r, id), Outcome::Passed, "{id}: {:?}", check(r, id));
    }
}

// --- valid tokens with each kind of issuer key ---------------------------------------------

#[test]
fn eddsa_did_key_issuer() {
    let sk = ed_key(7);
    let did = did_key_ed(&sk);
    let kid = format!("{did}#{}", did.trim_start_matches("did:key:"));
    let token = sign_ed(
        json!({"alg": "EdDSA", "typ": "JWT", "kid": kid}),
        &payload(&did),
        &sk,
    );
    let r = run(&token, &MemoryFetcher::new());
    assert_valid(&r);
    assert_eq!(r.expert.proof_suite.as_deref(), Some("VC-JWT EdDSA"));
    assert_eq!(r.expert.key_source.as_deref(), Some("did:key (offline)"));
    assert!(r.expert.fetched.is_empty());
    assert_eq!(r.badge.unwrap().name.as_deref(), Some("Teamwork"));
}

#[test]
fn es256_did_key_and_did_jwk_issuers() {
    let sk = p256_key();
    let did = did_key_p256(&sk);
    let token = sign_p256(json!({"alg": "ES256", "kid": did}), &payload(&did), &sk);
    assert_valid(&run(&token, &MemoryFetcher::new()));
    let did = did_jwk(&jwk_p256(&sk));
    let token = sign_p256(
        json!({"alg": "ES256", "kid": format!("{did}#0")}),
        &payload(&did),
        &sk,
    );
    let r = run(&token, &MemoryFetcher::new());
    assert_valid(&r);
    assert_eq!(r.expert.key_source.as_deref(), Some("did:jwk (offline)"));
}

fn did_web_doc(did: &str, sk: &ed25519_dalek::SigningKey) -> String {
    json!({
        "@context": ["https://www.w3.org/ns/did/v1"], "id": did,
        "verificationMethod": [{"id": format!("{did}#key-1"), "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": jwk_ed(sk)}],
        "assertionMethod": ["#key-1"]
    })
    .to_string()
}

#[test]
fn eddsa_did_web_issuer() {
    let sk = ed_key(7);
    let did = "did:web:issuer.example:org:1";
    let f = MemoryFetcher::new().with(
        "https://issuer.example/org/1/did.json",
        "application/did+json",
        did_web_doc(did, &sk),
    );
    let token = sign_ed(json!({"alg": "EdDSA", "kid": "#key-1"}), &payload(did), &sk);
    let r = run(&token, &f);
    assert_valid(&r);
    assert_eq!(
        r.expert.fetched,
        vec!["https://issuer.example/org/1/did.json"]
    );
}

#[test]
fn did_web_with_a_port_on_localhost() {
    let sk = ed_key(7);
    let did = "did:web:localhost%3A8080";
    let doc = did_web_doc(did, &sk);
    let f = MemoryFetcher::new().with(
        "http://localhost:8080/.well-known/did.json",
        "application/json",
        doc,
    );
    let token = sign_ed(
        json!({"alg": "EdDSA", "kid": format!("{did}#key-1")}),
        &payload(did),
        &sk,
    );
    let mut opts = Options::at(at());
    opts.allow_http = true;
    let r = run_opts(&token, &f, &opts);
    assert_valid(&r);
    assert!(r
        .expert
        .fetched
        .contains(&"http://localhost:8080/.well-known/did.json".to_string()));
    // Without --allow-http only https is tried, which is not served: unverifiable.
    let r = run(&token, &f);
    assert_eq!(r.verdict, Verdict::Unverifiable, "{:#?}", r.checks);
    assert!(check(&r, "proof-method")
        .detail
        .contains("https://localhost:8080/.well-known/did.json"));
}

#[test]
fn rs256_https_kid_on_the_issuers_origin() {
    let sk = rsa_key();
    let issuer = "https://issuer.example/issuers/1";
    let f = MemoryFetcher::new().with(
        "https://issuer.example/keys/1",
        "application/json",
        jwk_rsa(&sk).to_string(),
    );
    let token = sign_rs256(
        json!({"alg": "RS256", "kid": "https://issuer.example/keys/1"}),
        &payload(issuer),
        &sk,
    );
    let r = run(&token, &f);
    assert_valid(&r);
    assert!(check(&r, "proof-controller")
        .detail
        .contains("issuer's origin"));
}

#[test]
fn rs256_kid_on_another_origin_is_invalid_unless_the_issuers_jwks_lists_it() {
    let sk = rsa_key();
    let issuer = "https://issuer.example/issuers/1";
    let token = sign_rs256(
        json!({"alg": "RS256", "kid": "https://keys.example/k"}),
        &payload(issuer),
        &sk,
    );
    let f = MemoryFetcher::new().with(
        "https://keys.example/k",
        "application/json",
        jwk_rsa(&sk).to_string(),
    );
    // The issuer's JWK Set and profile answer without it (404 here): not the issuer's key.
    let r = run(&token, &f);
    assert_eq!(
        outcome(&r, "proof-controller"),
        Outcome::Failed,
        "{:#?}",
        r.checks
    );
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(r
        .expert
        .fetched
        .contains(&"https://issuer.example/.well-known/jwks.json".to_string()));
    let jwks = json!({"keys": [jwk_rsa(&sk)]}).to_string();
    let f = f.with(
        "https://issuer.example/.well-known/jwks.json",
        "application/json",
        jwks,
    );
    let r = run(&token, &f);
    assert_eq!(
        outcome(&r, "proof-controller"),
        Outcome::Passed,
        "{:#?}",
        r.checks
    );
    assert_valid(&r);
}

#[test]
fn jwk_header_bound_by_did_jwk_issuer() {
    let sk = ed_key(3);
    let jwk = jwk_ed(&sk);
    let token = sign_ed(
        json!({"alg": "EdDSA", "jwk": jwk}),
        &payload(&did_jwk(&jwk)),
        &sk,
    );
    assert_valid(&run(&token, &MemoryFetcher::new()));
}

/// A bare jwk proves the token is intact, not who made it. The issuer's jwks.json and profile
/// are asked: when both answer without the key, it is not the issuer's (invalid; this was a
/// warning on a `valid` badge before issue #14).
#[test]
fn bare_jwk_with_an_https_issuer_is_not_the_issuers_key() {
    let sk = ed_key(3);
    let token = sign_ed(
        json!({"alg": "EdDSA", "jwk": jwk_ed(&sk)}),
        &payload("https://issuer.example/issuers/1"),
        &sk,
    );
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(outcome(&r, "proof"), Outcome::Passed);
    let c = check(&r, "proof-controller");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::Failed, Some(Verdict::Invalid))
    );
    assert!(
        c.detail
            .contains("https://issuer.example/.well-known/jwks.json"),
        "{c:?}"
    );
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(r.issued_by.is_none());
}

#[test]
fn jwk_with_private_parts_is_refused() {
    let sk = ed_key(3);
    let mut jwk = jwk_ed(&sk);
    jwk["d"] = b64(&sk.to_bytes()).into();
    let token = sign_ed(
        json!({"alg": "EdDSA", "jwk": jwk}),
        &payload(&did_jwk(&jwk_ed(&sk))),
        &sk,
    );
    let r = run(&token, &MemoryFetcher::new());
    let c = check(&r, "proof-method");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::Failed, Some(Verdict::Invalid))
    );
    assert!(c.detail.contains("private"));
}

#[test]
fn vc11_vc_claim() {
    let sk = ed_key(7);
    let did = did_key_ed(&sk);
    let mut vc = payload(&did);
    for k in ["iss", "sub", "jti", "nbf"] {
        vc.as_object_mut().unwrap().remove(k);
    }
    vc["@context"] = json!(["https://www.w3.org/2018/credentials/v1", OB_CONTEXT]);
    vc.as_object_mut().unwrap().remove("validFrom");
    vc["issuanceDate"] = "2024-01-01T00:00:00Z".into();
    let claims = json!({"vc": vc, "iss": did, "sub": "did:example:alice", "jti": vc["id"], "nbf": 1704067200});
    let token = sign_ed(json!({"alg": "EdDSA", "kid": did}), &claims, &sk);
    assert_valid(&run(&token, &MemoryFetcher::new()));
}

// --- failures -----------------------------------------------------------------------------

fn did_key_token(edit: impl FnOnce(&mut Value)) -> (String, ed25519_dalek::SigningKey, String) {
    let sk = ed_key(7);
    let did = did_key_ed(&sk);
    let mut p = payload(&did);
    edit(&mut p);
    (
        sign_ed(json!({"alg": "EdDSA", "kid": did}), &p, &sk),
        sk,
        did,
    )
}

#[test]
fn tampered_name_is_invalid() {
    let (token, _, did) = did_key_token(|_| {});
    let mut p = payload(&did);
    p["credentialSubject"]["achievement"]["name"] = "Leadership".into();
    let r = run(&with_payload(&token, &p), &MemoryFetcher::new());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
}

#[test]
fn tampered_subject_is_invalid() {
    let (token, _, did) = did_key_token(|_| {});
    let mut p = payload(&did);
    p["credentialSubject"]["id"] = "did:example:mallory".into();
    p["sub"] = "did:example:mallory".into();
    let r = run(&with_payload(&token, &p), &MemoryFetcher::new());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
}

#[test]
fn tampered_signature_is_invalid() {
    let (token, _, _) = did_key_token(|_| {});
    let (rest, sig) = token.rsplit_once('.').unwrap();
    let mut bytes = URL_SAFE_NO_PAD.decode(sig).unwrap();
    bytes[0] ^= 1;
    let r = run(&format!("{rest}.{}", b64(&bytes)), &MemoryFetcher::new());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
}

#[test]
fn wrong_key_is_invalid() {
    // The issuer and kid are key 8's, the token is signed with key 7.
    let other = ed_key(8);
    let did = did_key_ed(&other);
    let token = sign_ed(
        json!({"alg": "EdDSA", "kid": did}),
        &payload(&did),
        &ed_key(7),
    );
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
    assert_eq!(outcome(&r, "proof-controller"), Outcome::Passed);
}

#[test]
fn issuer_is_not_the_key_controller() {
    let sk = ed_key(7);
    let token = sign_ed(
        json!({"alg": "EdDSA", "kid": did_key_ed(&sk)}),
        &payload("did:web:issuer.example"),
        &sk,
    );
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(outcome(&r, "proof"), Outcome::Passed);
    let c = check(&r, "proof-controller");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::Failed, Some(Verdict::Invalid))
    );
    assert_eq!(r.verdict, Verdict::Invalid);
}

#[test]
fn bare_jwk_not_in_the_issuers_did_document_is_invalid() {
    let sk = ed_key(7);
    let did = "did:web:issuer.example";
    let f = MemoryFetcher::new().with(
        "https://issuer.example/.well-known/did.json",
        "application/json",
        did_web_doc(did, &ed_key(8)),
    );
    let token = sign_ed(
        json!({"alg": "EdDSA", "jwk": jwk_ed(&sk)}),
        &payload(did),
        &sk,
    );
    let r = run(&token, &f);
    assert_eq!(
        check(&r, "proof-controller").effect,
        Some(Verdict::Invalid),
        "{:#?}",
        r.checks
    );
}

#[test]
fn expired() {
    let (token, ..) = did_key_token(|p| {
        p["validUntil"] = "2025-01-01T00:00:00Z".into();
        p["exp"] = 1735689600.into();
    });
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(outcome(&r, "jwt-exp"), Outcome::Passed);
    assert_eq!(
        (check(&r, "expiry").effect, r.verdict),
        (Some(Verdict::Expired), Verdict::Expired)
    );
}

#[test]
fn exp_claim_alone_sets_the_expiry() {
    let (token, ..) = did_key_token(|p| p["exp"] = 1735689600.into());
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Expired, "{:#?}", r.checks);
}

#[test]
fn not_yet_valid() {
    let (token, ..) = did_key_token(|p| {
        p["validFrom"] = "2030-01-01T00:00:00Z".into();
        p["nbf"] = 1893456000.into();
    });
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(
        (check(&r, "issued").effect, r.verdict),
        (Some(Verdict::NotYetValid), Verdict::NotYetValid)
    );
}

#[test]
fn claim_mismatches_are_invalid() {
    for (claim, value) in [
        ("iss", json!("did:example:someone-else")),
        ("sub", json!("did:example:bob")),
        ("jti", json!("urn:uuid:other")),
        ("nbf", json!(1704067201)),
    ] {
        let (token, ..) = did_key_token(|p| p[claim] = value.clone());
        let r = run(&token, &MemoryFetcher::new());
        let c = check(&r, &format!("jwt-{claim}"));
        assert_eq!(
            (c.outcome, c.effect),
            (Outcome::Failed, Some(Verdict::Invalid)),
            "{claim}"
        );
        assert_eq!(r.verdict, Verdict::Invalid);
    }
}

#[test]
fn alg_none_is_refused() {
    let (_, _, did) = did_key_token(|_| {});
    let token = format!(
        "{}.",
        signing_input(&json!({"alg": "none", "kid": did}), &payload(&did))
    );
    let r = run(&token, &MemoryFetcher::new());
    let c = check(&r, "proof");
    assert_eq!((c.outcome, r.verdict), (Outcome::Failed, Verdict::Invalid));
    assert!(c.detail.contains("none"));
}

fn hmac_sha256(key: &[u8], msg: &[u8]) -> Vec<u8> {
    use sha2::{Digest, Sha256};
    let mut k = [0u8; 64];
    if key.len() > 64 {
        k[..32].copy_from_slice(&Sha256::digest(key));
    } else {
        k[..key.len()].copy_from_slice(key);
    }
    let inner: Vec<u8> = k
        .iter()
        .map(|b| b ^ 0x36)
        .chain(msg.iter().copied())
        .collect();
    let outer: Vec<u8> = k
        .iter()
        .map(|b| b ^ 0x5c)
        .chain(Sha256::digest(&inner))
        .collect();
    Sha256::digest(&outer).to_vec()
}

/// Key confusion: an HS256 "signature" keyed with the issuer's public key (which anyone has).
#[test]
fn hs256_with_the_public_key_as_secret_is_refused() {
    let sk = rsa_key();
    let issuer = "https://issuer.example/issuers/1";
    let f = MemoryFetcher::new().with(
        "https://issuer.example/keys/1",
        "application/json",
        jwk_rsa(&sk).to_string(),
    );
    let input = signing_input(
        &json!({"alg": "HS256", "kid": "https://issuer.example/keys/1"}),
        &payload(issuer),
    );
    let secret = jwk_rsa(&sk).to_string();
    let token = format!(
        "{input}.{}",
        b64(&hmac_sha256(secret.as_bytes(), input.as_bytes()))
    );
    let r = run(&token, &f);
    let c = check(&r, "proof");
    assert_eq!((c.outcome, r.verdict), (Outcome::Failed, Verdict::Invalid));
    assert!(c.detail.contains("HS256"));
    assert!(
        r.expert.fetched.is_empty(),
        "no key is fetched for a refused algorithm"
    );
}

#[test]
fn crit_header_is_refused() {
    let sk = ed_key(7);
    let did = did_key_ed(&sk);
    let token = sign_ed(
        json!({"alg": "EdDSA", "kid": did, "crit": ["exp"]}),
        &payload(&did),
        &sk,
    );
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(check(&r, "jwt-header").effect, Some(Verdict::Invalid));
}

#[test]
fn unknown_did_method_kid_is_unverifiable() {
    let sk = ed_key(7);
    let token = sign_ed(
        json!({"alg": "EdDSA", "kid": "did:example:123#k"}),
        &payload("did:example:123"),
        &sk,
    );
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Unverifiable, "{:#?}", r.checks);
}

// --- 1EdTech JWT fixtures -------------------------------------------------------------------

fn fixture(path: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/ob3/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The token baked into simple-jwt.svg: RS256 with a bare jwk header; `aud` where OB 3.0 wants
/// `sub`. Valid, with warnings for both.
#[test]
fn fixture_simple_jwt_svg_token() {
    for f in ["simple-jwt.svg.jwt", "simple-jwt_v1.svg.jwt"] {
        // Signed with a key in its `jwk` header that nothing of the issuer's lists (issue #14:
        // was `valid` with a warning).
        let r = run(&fixture(f), &MemoryFetcher::new());
        assert_eq!(r.verdict, Verdict::Invalid, "{f}: {:#?}", r.checks);
        assert_eq!(outcome(&r, "proof"), Outcome::Passed, "{f}");
        assert_eq!(outcome(&r, "proof-controller"), Outcome::Failed, "{f}");
        assert_eq!(outcome(&r, "jwt-sub"), Outcome::Warning, "{f}");
        assert_eq!(outcome(&r, "jwt-iss"), Outcome::Passed, "{f}");
    }
}

#[test]
fn fixture_simple_jwt_svg_token_tampered() {
    let token = fixture("simple-jwt.svg.jwt");
    let parts: Vec<&str> = token.split('.').collect();
    let mut p: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    p["credentialSubject"]["achievement"]["name"] = "Forged".into();
    let r = run(&with_payload(&token, &p), &MemoryFetcher::new());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
}

/// simple.jwt has neither kid nor jwk, and its credential has no achievement: the issuer's
/// jwks.json is tried (not served: unverifiable key) and the data model fails (invalid).
#[test]
fn fixture_simple_jwt() {
    let r = run(&fixture("1edtech/simple.jwt"), &MemoryFetcher::new());
    assert_eq!(outcome(&r, "jwt-header"), Outcome::Warning);
    assert_eq!(
        check(&r, "proof-method").effect,
        Some(Verdict::Unverifiable)
    );
    assert!(check(&r, "proof-method")
        .detail
        .contains("https://example.edu/.well-known/jwks.json"));
    assert_eq!(
        check(&r, "credential-subject-achievement").effect,
        Some(Verdict::Invalid)
    );
    assert_eq!(r.verdict, Verdict::Invalid);
}

/// velocity.jwt: `kid` is a did:velocity URL (not resolvable here) and its credentialStatus is
/// a Velocity revocation list (not checked): unverifiable.
#[test]
fn fixture_velocity_jwt() {
    let r = run(&fixture("1edtech/velocity.jwt"), &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Unverifiable, "{:#?}", r.checks);
    assert!(check(&r, "proof-method").detail.contains("did:velocity"));
    assert_eq!(check(&r, "status").effect, Some(Verdict::Unverifiable));
    assert_eq!(
        outcome(&r, "credential-subject-achievement"),
        Outcome::Passed
    );
}

#[test]
fn no_kid_or_jwk_uses_the_issuers_did_keys() {
    let sk = ed_key(7);
    let did = did_key_ed(&sk);
    let token = sign_ed(json!({"alg": "EdDSA"}), &payload(&did), &sk);
    let r = run(&token, &MemoryFetcher::new());
    assert_valid(&r);
    assert_eq!(outcome(&r, "jwt-header"), Outcome::Warning);
}

#[test]
fn es256_bare_kid_from_the_issuers_jwks() {
    let sk = p256_key();
    let issuer = "https://issuer.example/issuers/1";
    let mut jwk = jwk_p256(&sk);
    jwk["kid"] = "k1".into();
    let jwks = json!({"keys": [{"kty": "OKP", "crv": "Ed25519", "kid": "k0", "x": b64(ed_key(1).verifying_key().as_bytes())}, jwk]});
    let f = MemoryFetcher::new().with(
        "https://issuer.example/.well-known/jwks.json",
        "application/json",
        jwks.to_string(),
    );
    let token = sign_p256(json!({"alg": "ES256", "kid": "k1"}), &payload(issuer), &sk);
    let r = run(&token, &f);
    assert_valid(&r);
    assert_eq!(
        r.expert.key_id.as_deref(),
        Some("https://issuer.example/.well-known/jwks.json#k1")
    );
    assert_eq!(
        r.expert.fetched,
        vec!["https://issuer.example/.well-known/jwks.json"],
        "fetched once"
    );
}
