//! W3C Verifiable Credentials that are not Open Badges (issue #16): verified as credentials by
//! the same engine (every proof, the issuer-bound key, status, validity window), labelled "a
//! Verifiable Credential, not an Open Badge", never "invalid" for being another kind; VC-JOSE-COSE
//! `vc+jwt` tokens and `EnvelopedVerifiableCredential`s. Fixtures in tests/fixtures/vc/ (see its
//! README.md); credentials the spec gives unsigned are signed here by did:key issuers (no network).

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::report::{Check, Outcome, Report};
use badge_verifier::{verify, Format, Input, MemoryFetcher, Options, Verdict};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use serde_json::{json, Value};

const ISSUER: [u8; 32] = [7; 32];
const FORGER: [u8; 32] = [66; 32];

fn opts() -> Options {
    Options::at(
        chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .into(),
    )
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/vc/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn json_fixture(name: &str) -> Value {
    serde_json::from_str(&fixture(name)).unwrap()
}

/// The W3C vc-di-eddsa `eddsa-rdfc-2022` test vector, a plain VC 2.0 `AlumniCredential`, as
/// the project already holds it (tests/fixtures/di/SOURCES.md; see tests/fixtures/vc/README.md).
fn w3c_alumni_signed() -> String {
    std::fs::read_to_string(format!(
        "{}/../../tests/fixtures/di/w3c/eddsa-rdfc-2022/signedDataInt.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn run(text: &str) -> Report {
    let input = Input::Bytes {
        name: "test".into(),
        bytes: text.as_bytes().to_vec(),
    };
    futures::executor::block_on(verify(&input, &MemoryFetcher::new(), &opts()))
}

fn check<'a>(r: &'a Report, id: &str) -> &'a Check {
    r.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no {id} check in {:#?}", r.checks))
}

/// What every report on a plain VC says: its format, the `type` check passed and saying it is
/// not an Open Badge, the Open Badges data model not applicable, and never "not an Open Badge"
/// as a failure.
fn assert_plain_vc(r: &Report, format: Format) {
    assert_eq!(r.format, Some(format), "{:#?}", r.checks);
    let t = check(r, "type");
    assert_eq!(t.outcome, Outcome::Passed, "{t:?}");
    assert!(t.detail.contains("not an Open Badge"), "{t:?}");
    assert!(
        t.detail.starts_with("a Verifiable Credential of type ["),
        "{t:?}"
    );
    assert_eq!(
        check(r, "required-properties").outcome,
        Outcome::NotApplicable
    );
    for c in &r.checks {
        assert!(
            !(c.outcome == Outcome::Failed && c.detail.contains("not an Open Badge")),
            "{c:?}"
        );
    }
}

fn assert_valid(r: &Report) {
    assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
    assert!(r.issued_by.is_some());
}

/// The W3C vc-di-eddsa AlumniCredential (unsigned), issued by the did:key of `seed`.
fn alumni(seed: [u8; 32]) -> Value {
    // vc-di-eddsa's TestVectors/unsigned.json is this credential without its proof.
    let mut c: Value = serde_json::from_str(&w3c_alumni_signed()).unwrap();
    c.as_object_mut().unwrap().remove("proof");
    c["issuer"] = json!(sign::did_key(seed));
    c
}

/// The VC-JOSE-COSE §3.1.1 example credential, issued by the did:key of `seed`.
fn jose_example(seed: [u8; 32]) -> Value {
    let mut c = json_fixture("vc-jose-cose-example-credential.json");
    c["issuer"] = json!(sign::did_key(seed));
    c
}

fn vc_jwt_header(seed: [u8; 32]) -> Value {
    json!({"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc", "kid": sign::key_id(seed)})
}

fn enveloped(data_url: &str) -> String {
    json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": "EnvelopedVerifiableCredential",
        "id": data_url,
    })
    .to_string()
}

/// Replaces a compact JWS's payload, keeping the old signature.
fn with_payload(token: &str, payload: &Value) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    format!(
        "{}.{}.{}",
        parts[0],
        URL_SAFE_NO_PAD.encode(payload.to_string()),
        parts[2]
    )
}

// --- Data Integrity -------------------------------------------------------------------------

#[test]
fn plain_vc_with_data_integrity_is_valid_and_shows_what_it_claims() {
    let c = sign::sign(alumni(ISSUER), ISSUER, "2023-02-24T23:36:38Z");
    let r = run(&c.to_string());
    assert_valid(&r);
    assert_plain_vc(&r, Format::VcDataIntegrity);
    for id in [
        "context",
        "issuer",
        "credential-subject",
        "valid-from",
        "proof",
        "proof-controller",
    ] {
        assert_eq!(
            check(&r, id).outcome,
            Outcome::Passed,
            "{id}: {:?}",
            check(&r, id)
        );
    }
    let b = r.badge.as_ref().unwrap();
    assert_eq!(
        b.credential_types,
        ["VerifiableCredential", "AlumniCredential"]
    );
    assert_eq!(b.name.as_deref(), Some("Alumni Credential"));
    assert_eq!(b.issuer.id.as_deref(), Some(sign::did_key(ISSUER).as_str()));
    assert_eq!(
        b.recipient.as_ref().unwrap().identity.as_deref(),
        Some("did:example:abcdefgh")
    );
    assert_eq!(b.issued.as_deref(), Some("2023-01-01T00:00:00Z"));
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["format"], "vc-data-integrity");
    assert_eq!(json["badge"]["credential_types"][1], "AlumniCredential");
}

#[test]
fn plain_vc_tampered_is_invalid() {
    let mut c = sign::sign(alumni(ISSUER), ISSUER, "2023-02-24T23:36:38Z");
    c["credentialSubject"]["alumniOf"] = json!("Another School");
    let r = run(&c.to_string());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_plain_vc(&r, Format::VcDataIntegrity);
    assert_eq!(check(&r, "proof").outcome, Outcome::Failed);
}

/// The W3C vc-di-eddsa test vector as published: an authentic signature, by a did:key that is
/// not its issuer's (https://vc.example/issuers/5678): still not valid (trust rules unchanged).
#[test]
fn w3c_vector_signed_by_a_key_not_the_issuers_is_not_valid() {
    let r = run(&w3c_alumni_signed());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_plain_vc(&r, Format::VcDataIntegrity);
    assert_eq!(check(&r, "proof").outcome, Outcome::Passed);
    let c = check(&r, "proof-controller");
    assert_eq!(c.effect, Some(Verdict::Invalid), "{c:?}");
    assert!(r.issued_by.is_none());
}

#[test]
fn plain_vc_signed_by_a_forger_is_not_valid() {
    let c = sign::sign_as(
        alumni(ISSUER),
        FORGER,
        "2023-02-24T23:36:38Z",
        &sign::key_id(FORGER),
    );
    let r = run(&c.to_string());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert!(r.issued_by.is_none());
    assert_eq!(check(&r, "proof-controller").effect, Some(Verdict::Invalid));
}

#[test]
fn plain_vc_breaking_the_vc_data_model_is_invalid() {
    let mut c = alumni(ISSUER);
    c.as_object_mut().unwrap().remove("credentialSubject");
    let r = run(&sign::sign(c, ISSUER, "2023-02-24T23:36:38Z").to_string());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(check(&r, "credential-subject").outcome, Outcome::Failed);
    let mut c = alumni(ISSUER);
    c["issuer"] = json!({"name": "no id"});
    let r = run(&c.to_string());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(check(&r, "issuer").outcome, Outcome::Failed);
}

#[test]
fn open_badge_missing_a_required_property_stays_invalid() {
    let mut c = sign::credential(
        &sign::did_key(ISSUER),
        "Teamwork",
        "mailto:alice@example.org",
        "2025-01-01T00:00:00Z",
    );
    c.as_object_mut().unwrap().remove("name");
    let r = run(&sign::sign(c, ISSUER, "2025-01-01T00:00:00Z").to_string());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_eq!(r.format, Some(Format::Ob3DataIntegrity));
    assert_eq!(check(&r, "credential-name").outcome, Outcome::Failed);
    assert!(r.badge.unwrap().credential_types.is_empty());
}

// --- JWT ------------------------------------------------------------------------------------

#[test]
fn plain_vc_jwt_is_valid() {
    let token = sign::jwt(&alumni(ISSUER), ISSUER);
    let r = run(&token);
    assert_valid(&r);
    assert_plain_vc(&r, Format::VcJwt);
    // VC-JOSE-COSE makes the registered claims optional: absent, not a warning.
    assert_eq!(check(&r, "jwt-iss").outcome, Outcome::NotApplicable);
}

#[test]
fn vc_jose_cose_vc_jwt_valid_and_tampered() {
    let token = sign::jwt_with_header(&vc_jwt_header(ISSUER), &jose_example(ISSUER), ISSUER);
    let r = run(&token);
    assert_valid(&r);
    assert_plain_vc(&r, Format::VcJwt);
    assert!(r.checks.iter().any(|c| c.id == "jwt-header"
        && c.outcome == Outcome::Passed
        && c.detail.contains("vc+jwt")));
    assert_eq!(
        r.badge.unwrap().credential_types,
        [
            "VerifiableCredential",
            "ExampleDegreeCredential",
            "ExamplePersonCredential"
        ]
    );
    let mut changed = jose_example(ISSUER);
    changed["credentialSubject"]["degree"]["name"] = json!("Doctor of Philosophy");
    let r = run(&with_payload(&token, &changed));
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_eq!(check(&r, "proof").outcome, Outcome::Failed);
}

#[test]
fn vc_jwt_claims_must_not_contradict_the_credential() {
    // `iss` MUST match the issuer (VC-JOSE-COSE, Key Discovery), in the claims or the header.
    let mut p = jose_example(ISSUER);
    p["iss"] = json!("did:example:someone-else");
    let r = run(&sign::jwt_with_header(&vc_jwt_header(ISSUER), &p, ISSUER));
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(check(&r, "jwt-iss").outcome, Outcome::Failed);
    let mut h = vc_jwt_header(ISSUER);
    h["iss"] = json!("did:example:someone-else");
    let r = run(&sign::jwt_with_header(&h, &jose_example(ISSUER), ISSUER));
    assert_eq!(r.verdict, Verdict::Invalid);
    // The claim names vc and vp MUST NOT be present (VC-JOSE-COSE §3.1.3).
    let mut p = jose_example(ISSUER);
    p["vp"] = json!({"type": "VerifiablePresentation"});
    let r = run(&sign::jwt_with_header(&vc_jwt_header(ISSUER), &p, ISSUER));
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert!(
        r.checks.iter().any(|c| c.id == "jwt-header"
            && c.outcome == Outcome::Failed
            && c.detail.contains("MUST NOT")),
        "{:#?}",
        r.checks
    );
    // A vc+jwt that wraps the credential in a `vc` claim (VC-JWT 1.1 style) breaks the same rule.
    let wrapped = json!({"vc": alumni(ISSUER), "iss": sign::did_key(ISSUER)});
    let r = run(&sign::jwt_with_header(
        &vc_jwt_header(ISSUER),
        &wrapped,
        ISSUER,
    ));
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    // jti / sub that conflict: SHOULD NOT, so a warning for a plain VC.
    let mut p = jose_example(ISSUER);
    p["jti"] = json!("urn:uuid:other");
    let r = run(&sign::jwt_with_header(&vc_jwt_header(ISSUER), &p, ISSUER));
    assert_valid(&r);
    assert_eq!(check(&r, "jwt-jti").outcome, Outcome::Warning);
}

/// VC-JOSE-COSE §3.1.3: `exp` is when the signature expires; a token past it is not accepted
/// (RFC 7519 §4.1.4) even when the credential's own validUntil is later, and one before its
/// `nbf` is not yet valid.
#[test]
fn a_plain_vc_jwt_past_its_exp_is_expired() {
    let mut p = jose_example(ISSUER);
    p["validUntil"] = json!("2030-01-01T00:00:00Z");
    p["exp"] = json!(1735689600); // 2025-01-01, before the test's now (2026-01-01)
    let r = run(&sign::jwt_with_header(&vc_jwt_header(ISSUER), &p, ISSUER));
    assert_eq!(r.verdict, Verdict::Expired, "{:#?}", r.checks);
    p["exp"] = json!(1893456000); // 2030-01-01
    p["nbf"] = json!(1798761600); // 2027-01-01
    let r = run(&sign::jwt_with_header(&vc_jwt_header(ISSUER), &p, ISSUER));
    assert_eq!(r.verdict, Verdict::NotYetValid, "{:#?}", r.checks);
    p.as_object_mut().unwrap().remove("nbf");
    assert_valid(&run(&sign::jwt_with_header(
        &vc_jwt_header(ISSUER),
        &p,
        ISSUER,
    )));
}

#[test]
fn draft_typ_is_accepted_with_a_warning() {
    let mut h = vc_jwt_header(ISSUER);
    h["typ"] = json!("vc+ld+json+jwt");
    let r = run(&sign::jwt_with_header(&h, &jose_example(ISSUER), ISSUER));
    assert_valid(&r);
    assert!(r.checks.iter().any(|c| c.id == "jwt-header"
        && c.outcome == Outcome::Warning
        && c.detail.contains("draft")));
}

#[test]
fn vc_1_1_plain_credential_as_a_jwt() {
    let did = sign::did_key(ISSUER);
    let vc = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1"],
        "type": ["VerifiableCredential", "AlumniCredential"],
        "credentialSubject": {"alumniOf": "The School of Examples"}
    });
    let claims = json!({"vc": vc, "iss": did, "sub": "did:example:abcdefgh",
        "jti": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33", "nbf": 1672531200});
    let r = run(&sign::jwt(&claims, ISSUER));
    assert_valid(&r);
    assert_plain_vc(&r, Format::VcJwt);
    // issuanceDate came from nbf (VC-JWT 1.1 §6.3.1).
    assert_eq!(check(&r, "valid-from").outcome, Outcome::Passed);
    assert!(check(&r, "context").detail.contains("VC 1.1"));
    assert_eq!(
        r.badge.unwrap().recipient.unwrap().identity.as_deref(),
        Some("did:example:abcdefgh")
    );
    // VC 1.1 §4.6: issuanceDate is required.
    let claims = json!({"vc": vc, "iss": did});
    let r = run(&sign::jwt(&claims, ISSUER));
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_eq!(check(&r, "valid-from").outcome, Outcome::Failed);
}

#[test]
fn vc_1_1_plain_credential_with_data_integrity() {
    let c = json!({
        "@context": ["https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2"],
        "id": "urn:uuid:3978344f-8596-4c3a-a978-8fcaba3903c5",
        "type": ["VerifiableCredential"],
        "issuer": sign::did_key(ISSUER),
        "issuanceDate": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:abcdefgh"}
    });
    let signed = sign::sign(c, ISSUER, "2024-01-01T00:00:00Z");
    let r = run(&signed.to_string());
    assert_valid(&r);
    assert_plain_vc(&r, Format::VcDataIntegrity);
    assert!(check(&r, "context").detail.contains("VC 1.1"));
    assert_eq!(r.badge.unwrap().credential_types, ["VerifiableCredential"]);
    let mut tampered = signed;
    tampered["issuanceDate"] = json!("2023-01-01T00:00:00Z");
    let r = run(&tampered.to_string());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
}

#[test]
fn unimplemented_jwt_securing_is_unverifiable_and_named() {
    let mut h = vc_jwt_header(ISSUER);
    h["typ"] = json!("vc+sd-jwt");
    let r = run(&sign::jwt_with_header(&h, &jose_example(ISSUER), ISSUER));
    assert_eq!(r.verdict, Verdict::Unverifiable, "{:#?}", r.checks);
    assert!(r.summary.contains("vc+sd-jwt"), "{}", r.summary);
}

// --- EnvelopedVerifiableCredential ----------------------------------------------------------

#[test]
fn enveloped_vc_jwt_valid_and_tampered() {
    let token = sign::jwt_with_header(&vc_jwt_header(ISSUER), &jose_example(ISSUER), ISSUER);
    let r = run(&enveloped(&format!("data:application/vc+jwt,{token}")));
    assert_valid(&r);
    assert_plain_vc(&r, Format::VcJwt);
    let e = check(&r, "enveloped");
    assert_eq!(e.outcome, Outcome::Passed);
    assert!(e
        .detail
        .contains("enveloped vc+jwt read from its data: URL"));
    // The same, base64 (RFC 2397) and without a typ: the media type says vc+jwt.
    let mut h = vc_jwt_header(ISSUER);
    h.as_object_mut().unwrap().remove("typ");
    let token2 = sign::jwt_with_header(&h, &jose_example(ISSUER), ISSUER);
    let r = run(&enveloped(&format!(
        "data:application/vc+jwt;base64,{}",
        STANDARD.encode(&token2)
    )));
    assert_valid(&r);
    let mut changed = jose_example(ISSUER);
    changed["validFrom"] = json!("2000-01-01T00:00:00Z");
    let r = run(&enveloped(&format!(
        "data:application/vc+jwt,{}",
        with_payload(&token, &changed)
    )));
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_eq!(check(&r, "proof").outcome, Outcome::Failed);
    // A forger's key, the issuer's name: still not valid.
    let mut h = vc_jwt_header(FORGER);
    h["kid"] = json!(sign::key_id(FORGER));
    let forged = sign::jwt_with_header(&h, &jose_example(ISSUER), FORGER);
    let r = run(&enveloped(&format!("data:application/vc+jwt,{forged}")));
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert!(r.issued_by.is_none());
}

/// The VC-JOSE-COSE Recommendation's own enveloped credential: read, verified as a VC-JWT, and
/// not valid here (ES384 by a key named relative to an issuer nobody serves in the test).
#[test]
fn spec_enveloped_example_is_read_and_not_valid() {
    let r = run(&fixture("vc-jose-cose-enveloped-example.json"));
    assert_eq!(check(&r, "enveloped").outcome, Outcome::Passed);
    assert_plain_vc(&r, Format::VcJwt);
    assert_ne!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    assert!(r.issued_by.is_none());
    assert_eq!(
        r.badge.unwrap().credential_types,
        ["VerifiableCredential", "ExampleAlumniCredential"]
    );
}

#[test]
fn unimplemented_media_types_are_unverifiable_and_named() {
    let spec_sd_jwt = run(&fixture("vc-jose-cose-enveloped-sd-jwt.json"));
    let cose = run(&enveloped("data:application/vc+cose;base64,0oREoQE4IqA="));
    let vp = run(&enveloped("data:application/vp+jwt,a.b.c"));
    for (r, media) in [
        (&spec_sd_jwt, "application/vc+sd-jwt"),
        (&cose, "application/vc+cose"),
        (&vp, "application/vp+jwt"),
    ] {
        assert_eq!(r.verdict, Verdict::Unverifiable, "{media}: {:#?}", r.checks);
        assert!(r.summary.contains(media), "{}", r.summary);
        assert!(!r.summary.contains("not an Open Badge"), "{}", r.summary);
        assert!(r.issued_by.is_none());
        assert!(r
            .checks
            .iter()
            .all(|c| c.outcome != Outcome::Passed || c.id == "extract"));
    }
}

#[test]
fn unreadable_envelopes_are_errors_not_passes() {
    for id in [
        json!("https://example.org/credential"),
        json!("data:application/vc+jwt;no-comma"),
        json!("data:application/vc+jwt,%zz"),
        json!("data:application/vc+jwt,not-a-jws"),
        json!(7),
    ] {
        let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": "EnvelopedVerifiableCredential", "id": id});
        let r = run(&doc.to_string());
        assert_eq!(r.verdict, Verdict::Error, "{id}: {:#?}", r.checks);
        assert!(r.issued_by.is_none());
    }
    // A JWT that is not a credential (an OB 2.0 signed assertion's payload shape).
    let token = sign::jwt(&json!({"hello": "world"}), ISSUER);
    let r = run(&enveloped(&format!("data:application/vc+jwt,{token}")));
    assert_ne!(r.verdict, Verdict::Valid);
}
