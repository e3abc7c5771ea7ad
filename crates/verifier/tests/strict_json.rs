//! Issue #14, "valid must be a guarantee": JSON in which one object names a member twice reads
//! one way here (serde_json keeps the last) and another way in a viewer or verifier that keeps
//! the first. Every untrusted document is read by `badge_verifier::strict_json`, which refuses
//! it, naming the member and where it is (RFC 7493 I-JSON §2.3).
//!
//! Each case first shows that the same document without the duplicate verifies (so the test can
//! fail), and that a last-wins reading of the forged text is the signed document (so the forgery
//! would have passed a lenient reader).

mod status_support;

use badge_verifier::report::{Outcome, Report, Verdict};
use badge_verifier::{Input, MemoryFetcher};
use ed25519_dalek::Signer;
use serde_json::{json, Value};
use status_support::sign;
use status_support::{
    assert_check, assert_verdict, badge, bits, bitstring_entry, bitstring_list, one, run,
    run_bytes, Issuer,
};

/// `text` with `member` (`"key":value,`) inserted right after the first `anchor` (which ends
/// with `{`).
fn insert_after(text: &str, anchor: &str, member: &str) -> String {
    let at = text
        .find(anchor)
        .unwrap_or_else(|| panic!("{anchor} in {text}"))
        + anchor.len();
    format!("{}{member}{}", &text[..at], &text[at..])
}

/// The badge document is refused as `invalid` under "format", the detail naming `key` at
/// `pointer` in `what`; no signature is checked on it.
fn assert_refused(r: &Report, key: &str, pointer: &str, what: &str) {
    assert_verdict(r, Verdict::Invalid);
    let c = one(r, "format");
    assert_check(
        c,
        Outcome::Failed,
        Some(Verdict::Invalid),
        &format!("\"{key}\""),
    );
    for part in [pointer, what, "duplicate member name", "RFC 7493"] {
        assert!(c.detail.contains(part), "{part:?} not in {:?}", c.detail);
    }
    assert!(!r.checks.iter().any(|c| c.id == "proof"), "{:#?}", r.checks);
}

/// A signed OB 3.0 badge (eddsa-rdfc-2022, did:key) as compact JSON text.
fn signed_badge_text() -> (Value, String) {
    let iss = Issuer::new(3);
    let cred = iss.sign(badge(&iss, "urn:uuid:strict-json-1", None));
    let text = serde_json::to_string(&cred).unwrap();
    assert_verdict(
        &run_bytes(text.clone().into_bytes(), &MemoryFetcher::new()),
        Verdict::Valid,
    );
    (cred, text)
}

#[test]
fn duplicate_at_top_level_is_invalid() {
    let (cred, text) = signed_badge_text();
    let forged = insert_after(&text, "{", r#""name":"Forged badge","#);
    // A last-wins reader sees exactly the signed credential; a first-wins one sees the forgery.
    assert_eq!(serde_json::from_str::<Value>(&forged).unwrap(), cred);
    let r = run_bytes(forged.into_bytes(), &MemoryFetcher::new());
    assert_refused(&r, "name", "/name", "the badge document");
}

/// The report carries the credential it read, and gives it compactly for the app's
/// `#credential=` link, but never a one-way re-serialization of a document that reads two ways.
#[test]
fn the_report_carries_the_credential_only_when_it_reads_one_way() {
    let (cred, text) = signed_badge_text();
    let spaced = serde_json::to_string_pretty(&cred).unwrap();
    let r = run_bytes(spaced.clone().into_bytes(), &MemoryFetcher::new());
    assert_eq!(r.credential.as_deref(), Some(spaced.as_str()));
    assert_eq!(r.credential_one_line(64).as_deref(), Some(text.as_str()));
    // Not in the JSON report: it is the input itself.
    assert!(!r.to_json_line().contains("\"credential\""));
    let forged = insert_after(&text, "{", r#""name":"Forged badge","#);
    let r = run_bytes(forged.into_bytes(), &MemoryFetcher::new());
    assert_eq!(r.credential_one_line(64), None);
}

#[test]
fn duplicate_in_credential_subject_is_invalid() {
    let (cred, text) = signed_badge_text();
    let forged = insert_after(
        &text,
        r#""credentialSubject":{"#,
        r#""id":"did:example:mallory","#,
    );
    assert_eq!(serde_json::from_str::<Value>(&forged).unwrap(), cred);
    let r = run_bytes(forged.into_bytes(), &MemoryFetcher::new());
    assert_refused(&r, "id", "/credentialSubject/id", "the badge document");
}

#[test]
fn duplicate_inside_the_proof_is_invalid() {
    let (cred, text) = signed_badge_text();
    let forged = insert_after(&text, r#""proof":{"#, r#""proofPurpose":"authentication","#);
    assert_eq!(serde_json::from_str::<Value>(&forged).unwrap(), cred);
    let r = run_bytes(forged.into_bytes(), &MemoryFetcher::new());
    assert_refused(
        &r,
        "proofPurpose",
        "/proof/proofPurpose",
        "the badge document",
    );
}

/// `"name"` and `"n\u0061me"` are one member name once unescaped (RFC 8259 §7).
#[test]
fn differently_escaped_spellings_of_one_name_are_a_duplicate() {
    let (cred, text) = signed_badge_text();
    let forged = insert_after(&text, "{", r#""n\u0061me":"Forged badge","#);
    assert_eq!(serde_json::from_str::<Value>(&forged).unwrap(), cred);
    let r = run_bytes(forged.into_bytes(), &MemoryFetcher::new());
    assert_refused(&r, "name", "/name", "the badge document");
}

/// The same check on a baked image: the payload inside is read by the same reader.
#[test]
fn duplicate_in_a_baked_svg_is_invalid() {
    let (_, text) = signed_badge_text();
    let forged = insert_after(&text, "{", r#""name":"Forged badge","#);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\">\
         <openbadges:credential><![CDATA[{forged}]]></openbadges:credential></svg>"
    );
    let r = run_bytes(svg.into_bytes(), &MemoryFetcher::new());
    assert_refused(&r, "name", "/name", "the badge document");
}

fn b64(b: &[u8]) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    URL_SAFE_NO_PAD.encode(b)
}

/// A compact EdDSA JWS over the exact texts given, signed by the did:key of `[seed; 32]`.
fn sign_texts(header: &str, payload: &str, seed: u8) -> String {
    let input = format!("{}.{}", b64(header.as_bytes()), b64(payload.as_bytes()));
    let sig = ed25519_dalek::SigningKey::from_bytes(&[seed; 32]).sign(input.as_bytes());
    format!("{input}.{}", b64(&sig.to_bytes()))
}

fn jwt_payload(iss: &Issuer) -> String {
    let mut p = badge(iss, "urn:uuid:strict-json-jwt", None);
    p["iss"] = json!(iss.did);
    p["sub"] = json!("did:example:learner");
    p["jti"] = json!("urn:uuid:strict-json-jwt");
    p["nbf"] = json!(1704067200);
    serde_json::to_string(&p).unwrap()
}

/// RFC 7519 §4 lets a JWT parser reject duplicate header parameter and claim names: here a
/// signed token that says `none` to one reader and `EdDSA` to another is refused.
#[test]
fn duplicate_in_a_jwt_header_is_invalid() {
    let iss = Issuer::new(5);
    let payload = jwt_payload(&iss);
    let header = format!(r#"{{"alg":"EdDSA","typ":"JWT","kid":"{}"}}"#, iss.vm);
    let good = sign_texts(&header, &payload, 5);
    assert_verdict(
        &run_bytes(good.into_bytes(), &MemoryFetcher::new()),
        Verdict::Valid,
    );
    let header = format!(
        r#"{{"alg":"none","typ":"JWT","kid":"{}","alg":"EdDSA"}}"#,
        iss.vm
    );
    let forged = sign_texts(&header, &payload, 5);
    let r = run_bytes(forged.into_bytes(), &MemoryFetcher::new());
    assert_refused(&r, "alg", "/alg", "the JWS header");
}

#[test]
fn duplicate_in_a_jwt_payload_is_invalid() {
    let iss = Issuer::new(5);
    let payload = jwt_payload(&iss);
    let header = format!(r#"{{"alg":"EdDSA","typ":"JWT","kid":"{}"}}"#, iss.vm);
    let forged = insert_after(&payload, r#""achievement":{"#, r#""name":"Brain surgery","#);
    // Correctly signed over the forged text: only the reading is ambiguous.
    let r = run_bytes(
        sign_texts(&header, &forged, 5).into_bytes(),
        &MemoryFetcher::new(),
    );
    assert_refused(
        &r,
        "name",
        "/credentialSubject/achievement/name",
        "the JWS payload",
    );
}

/// eddsa-jcs-2022 signs the JCS (RFC 8785) form of the credential, and JCS is defined on I-JSON
/// only (RFC 8785 §3.1): the W3C vector with a member added twice must never reach it.
#[test]
fn jcs_suite_gets_only_strict_input() {
    let text = std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/di/w3c/eddsa-jcs-2022/signedJCS.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let r = run_bytes(text.clone().into_bytes(), &MemoryFetcher::new());
    assert_eq!(one(&r, "proof").outcome, Outcome::Passed, "{:#?}", r.checks);
    let forged = insert_after(&text, "{", r#""name": "Forged Credential","#);
    // Last wins: the lenient reading is the signed document, and its signature verifies.
    let lenient: Value = serde_json::from_str(&forged).unwrap();
    let key = badge_verifier::jose::keys::PublicKey::from_multibase(
        "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
    )
    .unwrap();
    assert!(
        badge_verifier::proof::data_integrity::verify(&lenient, &lenient["proof"], &key).is_ok()
    );
    let r = run_bytes(forged.into_bytes(), &MemoryFetcher::new());
    assert_refused(&r, "name", "/name", "the badge document");
}

// --- fetched documents: the fetch's own error path, naming the member --------------------

const PROFILE: &str = "https://example.com/issuers/876543";

fn ob3_fixture(path: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/ob3/{path}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

/// The 1EdTech `simple.json` with its issuer profile (which holds the key) served as `profile`.
fn simple_with_profile(profile: String) -> Report {
    let f = MemoryFetcher::new().with(PROFILE, "application/ld+json", profile);
    let input = Input::Bytes {
        name: "simple.json".into(),
        bytes: ob3_fixture("1edtech/simple.json"),
    };
    futures::executor::block_on(badge_verifier::verify(
        &input,
        &f,
        &badge_verifier::Options::at(status_support::at()),
    ))
}

#[test]
fn duplicate_in_a_fetched_issuer_profile_is_unverifiable() {
    let profile =
        String::from_utf8(ob3_fixture("issuers/example.com-issuers-876543.json")).unwrap();
    assert_verdict(&simple_with_profile(profile.clone()), Verdict::Valid);
    let forged = insert_after(&profile, "{", r#""assertionMethod": [],"#);
    let r = simple_with_profile(forged);
    assert_verdict(&r, Verdict::Unverifiable);
    let c = one(&r, "proof-method");
    assert_eq!(c.effect, Some(Verdict::Unverifiable), "{c:?}");
    for part in [
        PROFILE,
        "duplicate member name \"assertionMethod\"",
        "/assertionMethod",
    ] {
        assert!(c.detail.contains(part), "{part:?} not in {:?}", c.detail);
    }
}

/// A did:web issuer whose DID document names `assertionMethod` twice.
#[test]
fn duplicate_in_a_fetched_did_document_is_unverifiable() {
    let seed = [8u8; 32];
    let did = "did:web:issuer.example";
    let mut cred = badge(&Issuer::new(8), "urn:uuid:strict-json-did-web", None);
    cred["issuer"]["id"] = json!(did);
    let cred = sign::sign_as(cred, seed, "2024-01-01T00:00:00Z", &format!("{did}#key-1"));
    let doc = |extra: &str| {
        format!(
            r#"{{"@context":["https://www.w3.org/ns/did/v1"],"id":"{did}",{extra}
            "verificationMethod":[{{"id":"{did}#key-1","type":"Multikey","controller":"{did}",
            "publicKeyMultibase":"{}"}}],"assertionMethod":["{did}#key-1"]}}"#,
            sign::multikey(seed)
        )
    };
    let url = "https://issuer.example/.well-known/did.json";
    let good = MemoryFetcher::new().with(url, "application/did+json", doc(""));
    assert_verdict(&run(&cred, &good), Verdict::Valid);
    let bad =
        MemoryFetcher::new().with(url, "application/did+json", doc(r#""assertionMethod":[],"#));
    let r = run(&cred, &bad);
    assert_verdict(&r, Verdict::Unverifiable);
    let c = one(&r, "proof-method");
    assert!(
        c.detail
            .contains("duplicate member name \"assertionMethod\""),
        "{c:?}"
    );
}

#[test]
fn duplicate_in_a_fetched_status_list_is_unverifiable() {
    const LIST: &str = "https://issuer.example/status/strict";
    let iss = Issuer::new(1);
    let list = iss.sign(bitstring_list(
        &iss.did,
        LIST,
        "revocation",
        &bits(16 * 1024, 1, &[(7, 1)]),
    ));
    let cred = iss.sign(badge(
        &iss,
        "urn:uuid:strict-json-status",
        Some(bitstring_entry(LIST, 7, "revocation")),
    ));
    let text = serde_json::to_string(&list).unwrap();
    let f = MemoryFetcher::new().with(LIST, "application/vc+ld+json", text.clone());
    assert_verdict(&run(&cred, &f), Verdict::Revoked);
    // A list that says "revoked" to a last-wins reader and something else to a first-wins one.
    let clear = bitstring_list(&iss.did, LIST, "revocation", &bits(16 * 1024, 1, &[]));
    let member = format!(
        r#""encodedList":{},"#,
        clear["credentialSubject"]["encodedList"]
    );
    let forged = insert_after(&text, r#""credentialSubject":{"#, &member);
    assert_eq!(serde_json::from_str::<Value>(&forged).unwrap(), list);
    let f = MemoryFetcher::new().with(LIST, "application/vc+ld+json", forged);
    let r = run(&cred, &f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert_check(
        one(&r, "status"),
        Outcome::NotChecked,
        Some(Verdict::Unverifiable),
        "duplicate member name \"encodedList\"",
    );
    assert!(one(&r, "status").detail.contains(LIST));
}

// --- OB 2.0 ------------------------------------------------------------------------------

const ASSERTION: &str = "https://issuer.example/assertions/1.json";
const BADGE: &str = "https://issuer.example/badges/robotics.json";
const ISSUER: &str = "https://issuer.example/issuer.json";

fn ob2_server(assertion: String, badge_class: String) -> MemoryFetcher {
    let issuer = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": ISSUER,
        "name": "Example Issuer", "url": "https://issuer.example", "email": "badges@issuer.example"});
    MemoryFetcher::new()
        .with(ASSERTION, "application/ld+json", assertion)
        .with(BADGE, "application/ld+json", badge_class)
        .with(ISSUER, "application/ld+json", issuer.to_string())
}

fn ob2_docs() -> (String, String) {
    let assertion = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
        "id": ASSERTION, "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
        "badge": BADGE, "issuedOn": "2024-01-01T00:00:00Z", "verification": {"type": "HostedBadge"}});
    let badge_class = json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
        "id": BADGE, "name": "Robotics", "description": "Built a robot.",
        "image": "https://issuer.example/robot.png", "criteria": {"narrative": "Build a robot."},
        "issuer": ISSUER});
    (assertion.to_string(), badge_class.to_string())
}

fn run_url(f: &MemoryFetcher) -> Report {
    futures::executor::block_on(badge_verifier::verify(
        &Input::Url(ASSERTION.into()),
        f,
        &badge_verifier::Options::at(status_support::at()),
    ))
}

#[test]
fn ob2_hosted_assertion_with_a_duplicate_is_invalid() {
    let (assertion, badge_class) = ob2_docs();
    assert_verdict(
        &run_url(&ob2_server(assertion.clone(), badge_class.clone())),
        Verdict::Valid,
    );
    let forged = insert_after(&assertion, "{", r#""badge":"https://evil.example/badge","#);
    let r = run_url(&ob2_server(forged, badge_class));
    assert_refused(&r, "badge", "/badge", "the badge document");
}

#[test]
fn ob2_badge_class_with_a_duplicate_is_not_used() {
    let (assertion, badge_class) = ob2_docs();
    let forged = insert_after(
        &badge_class,
        "{",
        r#""issuer":"https://evil.example/issuer","#,
    );
    let r = run_url(&ob2_server(assertion, forged));
    assert_ne!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    let c = one(&r, "badgeclass");
    assert_eq!(c.effect, Some(Verdict::Unverifiable), "{c:?}");
    assert!(
        c.detail.contains("duplicate member name \"issuer\""),
        "{c:?}"
    );
}
