//! CLR 2.0 `ClrCredential`s (issue #16): the outer credential is verified like any credential
//! (its proof with its issuer's key, window, status), each credential in
//! `credentialSubject.verifiableCredential` as its own nested report, and the whole is valid
//! only when every part is. The CLR is the CLR 2.0 test vector of the OB 3.0 implementation
//! guide (tests/fixtures/clr/README.md), re-issued here by did:key issuers and signed by
//! tests/support/sign.rs; no network.

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::report::{Outcome, Report};
use badge_verifier::{verify, Format, Input, MemoryFetcher, Options, Verdict};
use serde_json::{json, Value};

const CLR_ISSUER: [u8; 32] = [21; 32];
const SCHOOL_A: [u8; 32] = [22; 32];
const SCHOOL_B: [u8; 32] = [23; 32];
const STRANGER: [u8; 32] = [24; 32];
const CREATED: &str = "2025-03-01T09:00:00Z";

fn opts() -> Options {
    Options::at(
        chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .into(),
    )
}

fn run_with(text: &str, f: &MemoryFetcher, opts: &Options) -> Report {
    let input = Input::Bytes {
        name: "clr".into(),
        bytes: text.as_bytes().to_vec(),
    };
    futures::executor::block_on(verify(&input, f, opts))
}

fn run(doc: &Value) -> Report {
    run_with(&doc.to_string(), &MemoryFetcher::new(), &opts())
}

fn spec_clr() -> Value {
    let path = format!(
        "{}/../../tests/fixtures/clr/spec-test-vector-clr.json",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

/// An unsigned AchievementCredential from the did:key of `seed`, for the learner of the CLR.
fn achievement(seed: [u8; 32], name: &str) -> Value {
    let mut c = sign::credential(
        &sign::did_key(seed),
        name,
        "did:example:ebfeb1f712ebc6f1c276e12ec21",
        "2025-01-01T00:00:00Z",
    );
    c["type"] = json!(["VerifiableCredential", "AchievementCredential"]);
    c["credentialSubject"]["result"] = json!([{"type": ["Result"], "value": "A"}]);
    c
}

fn signed(seed: [u8; 32], name: &str) -> Value {
    sign::sign(achievement(seed, name), seed, CREATED)
}

/// The spec's CLR, issued by the did:key of `CLR_ISSUER`, holding `nested`, unsigned. Moved to
/// VC 2.0 as the implementation guide's later revision of the vector is (its contexts and
/// `validFrom`): the VC 1.1 and VC 2.0 contexts protect the same terms, so a VC 1.1 record
/// cannot hold VC 2.0 credentials in one JSON-LD document.
fn clr(nested: Vec<Value>) -> Value {
    let mut c = spec_clr();
    c["@context"] = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"
    ]);
    let issued = c.as_object_mut().unwrap().remove("issuanceDate").unwrap();
    c["validFrom"] = issued;
    c["issuer"]["id"] = json!(sign::did_key(CLR_ISSUER));
    c["credentialSubject"]["verifiableCredential"] = Value::Array(nested);
    c
}

fn signed_clr(nested: Vec<Value>) -> Value {
    sign::sign(clr(nested), CLR_ISSUER, CREATED)
}

fn checks<'a>(r: &'a Report, id: &str) -> Vec<&'a badge_verifier::Check> {
    r.checks.iter().filter(|c| c.id == id).collect()
}

fn verdicts(r: &Report) -> Vec<Verdict> {
    r.nested.iter().map(|n| n.verdict).collect()
}

#[test]
fn a_clr_with_two_valid_credentials_is_valid_and_shown_as_a_transcript() {
    let r = run(&signed_clr(vec![
        signed(SCHOOL_A, "Algebra"),
        signed(SCHOOL_B, "Chemistry"),
    ]));
    assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
    assert_eq!(r.format, Some(Format::ClrDataIntegrity));
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Valid]);
    let nested = checks(&r, "nested-credential");
    assert_eq!(nested.len(), 2);
    assert!(nested.iter().all(|c| c.outcome == Outcome::Passed));
    // The outer signature is the CLR issuer's; each nested one its own issuer's.
    assert_eq!(
        r.issued_by.as_ref().unwrap().issuer,
        sign::did_key(CLR_ISSUER)
    );
    assert_eq!(
        r.nested[1].issued_by.as_ref().unwrap().issuer,
        sign::did_key(SCHOOL_B)
    );
    assert_eq!(
        r.nested[0].input,
        "credentialSubject.verifiableCredential[0]"
    );
    let badge = r.badge.as_ref().unwrap();
    let t = badge.transcript.as_ref().expect("a transcript");
    assert_eq!(t.name.as_deref(), Some("Sample Transcript"));
    let names: Vec<_> = t.achievements.iter().map(|a| a.name.as_deref()).collect();
    assert_eq!(
        names,
        [
            Some("Algebra"),
            Some("Chemistry"),
            Some("Achievement 1"),
            Some("Achievement 2")
        ]
    );
    assert_eq!(t.achievements[0].results[0].value.as_deref(), Some("A"));
    assert_eq!(t.achievements[1].credential, Some(1));
    let a = &t.associations[0];
    assert_eq!(a.kind.as_deref(), Some("isParentOf"));
    assert_eq!(
        (a.source_name.as_deref(), a.target_name.as_deref()),
        (Some("Achievement 1"), Some("Achievement 2"))
    );
    // The nested reports are in the JSON report.
    let json: Value = serde_json::from_str(&r.to_json_line()).unwrap();
    assert_eq!(json["nested"][1]["verdict"], "valid");
    assert_eq!(json["format"], "clr-data-integrity");
    assert_eq!(
        json["badge"]["transcript"]["associations"][0]["type"],
        "isParentOf"
    );
}

#[test]
fn one_tampered_credential_makes_the_whole_invalid_and_only_that_one() {
    let mut tampered = signed(SCHOOL_B, "Chemistry");
    tampered["name"] = json!("Chemistry with honours");
    // The CLR issuer signed the record as it is: its own proof is fine.
    let r = run(&signed_clr(vec![signed(SCHOOL_A, "Algebra"), tampered]));
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Invalid]);
    assert_eq!(checks(&r, "proof")[0].outcome, Outcome::Passed);
    let c = checks(&r, "nested-credential");
    assert_eq!(
        (c[0].outcome, c[1].outcome),
        (Outcome::Passed, Outcome::Failed)
    );
    assert!(r.summary.contains("credential 2"), "{}", r.summary);
    // The record is the CLR issuer's (issued_by says so), but it is not valid.
    assert_eq!(
        r.issued_by.as_ref().unwrap().issuer,
        sign::did_key(CLR_ISSUER)
    );
}

#[test]
fn a_tampered_clr_is_invalid_though_its_credentials_are_valid() {
    let mut c = signed_clr(vec![
        signed(SCHOOL_A, "Algebra"),
        signed(SCHOOL_B, "Chemistry"),
    ]);
    c["name"] = json!("Forged Transcript");
    let r = run(&c);
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
    assert_eq!(checks(&r, "proof")[0].outcome, Outcome::Failed);
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Valid]);
}

#[test]
fn a_nested_credential_signed_by_a_key_not_its_issuers_is_not_valid() {
    // Claims SCHOOL_A as issuer, signed by a stranger's did:key.
    let forged = sign::sign(achievement(SCHOOL_A, "Algebra"), STRANGER, CREATED);
    let r = run(&signed_clr(vec![forged, signed(SCHOOL_B, "Chemistry")]));
    assert_eq!(verdicts(&r), [Verdict::Invalid, Verdict::Valid]);
    assert_eq!(
        checks(&r.nested[0], "proof-controller")[0].outcome,
        Outcome::Failed
    );
    assert_eq!(r.verdict, Verdict::Invalid);
    // The CLR issuer's signature over it does not vouch for it.
    assert_eq!(checks(&r, "proof")[0].outcome, Outcome::Passed);
}

#[test]
fn a_nested_credential_that_cannot_be_verified_makes_the_whole_unverifiable() {
    // Its key is at an https URL that does not answer: nothing is known, nothing is wrong.
    let mut c = achievement(SCHOOL_A, "Algebra");
    c["issuer"]["id"] = json!("https://school.example/issuer");
    let unreachable = sign::sign_as(c, SCHOOL_A, CREATED, "https://school.example/keys/1");
    let r = run(&signed_clr(vec![
        unreachable,
        signed(SCHOOL_B, "Chemistry"),
    ]));
    assert_eq!(verdicts(&r), [Verdict::Unverifiable, Verdict::Valid]);
    assert_eq!(r.verdict, Verdict::Unverifiable, "{}", r.summary);
    assert_eq!(
        checks(&r, "nested-credential")[0].outcome,
        Outcome::NotChecked
    );
}

#[test]
fn an_expired_nested_credential_makes_the_whole_expired() {
    let mut c = achievement(SCHOOL_A, "Algebra");
    c["validUntil"] = json!("2025-06-01T00:00:00Z");
    let expired = sign::sign(c, SCHOOL_A, CREATED);
    let r = run(&signed_clr(vec![expired, signed(SCHOOL_B, "Chemistry")]));
    assert_eq!(verdicts(&r), [Verdict::Expired, Verdict::Valid]);
    assert_eq!(r.verdict, Verdict::Expired, "{}", r.summary);
}

#[test]
fn a_clr_as_a_jwt_with_a_json_and_a_jwt_credential() {
    let mut c = clr(vec![
        signed(SCHOOL_A, "Algebra"),
        json!(sign::jwt(
            &{
                let mut p = achievement(SCHOOL_B, "Chemistry");
                p["iss"] = json!(sign::did_key(SCHOOL_B));
                p["jti"] = p["id"].clone();
                p["nbf"] = json!(1735689600);
                p
            },
            SCHOOL_B
        )),
    ]);
    c["iss"] = json!(sign::did_key(CLR_ISSUER));
    c["jti"] = c["id"].clone();
    c["nbf"] = json!(1262304000);
    let token = sign::jwt(&c, CLR_ISSUER);
    let r = run_with(&token, &MemoryFetcher::new(), &opts());
    assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
    assert_eq!(r.format, Some(Format::ClrJwt));
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Valid]);
    assert_eq!(r.nested[1].format, Some(Format::Ob3Jwt));
    let t = r.badge.as_ref().unwrap().transcript.as_ref().unwrap();
    assert_eq!(t.achievements[1].name.as_deref(), Some("Chemistry"));
}

#[test]
fn hostile_credential_lists_are_clear_errors() {
    for (list, needle) in [
        (json!(7), "is a number"),
        (json!(null), "is missing"),
        (json!([]), "is empty"),
        (json!(true), "is a boolean"),
    ] {
        let mut c = clr(Vec::new());
        c["credentialSubject"]["verifiableCredential"] = list.clone();
        let r = run(&sign::sign(c, CLR_ISSUER, CREATED));
        assert_eq!(r.verdict, Verdict::Invalid, "{list}: {}", r.summary);
        let c = checks(&r, "nested-credential");
        assert!(c[0].detail.contains(needle), "{list}: {:?}", c);
        assert!(r.nested.is_empty());
    }
    let r = run(&signed_clr(vec![
        json!(null),
        json!(3),
        json!("not a token"),
        json!({}),
        json!([1, 2]),
    ]));
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
    assert_eq!(r.nested.len(), 5);
    assert!(
        r.nested.iter().all(|n| n.verdict == Verdict::Error),
        "{:#?}",
        verdicts(&r)
    );
    assert!(
        r.nested[1].summary.contains("a number"),
        "{}",
        r.nested[1].summary
    );
}

#[test]
fn nesting_deeper_than_the_limit_is_reported_not_verified() {
    // CLR (depth 0) → CLR (1) → CLR (2) → CLR (3) → credential (4): too deep.
    let mut doc = signed(SCHOOL_A, "Algebra");
    for _ in 0..4 {
        doc = clr(vec![doc]);
    }
    let r = run(&doc);
    let deepest = &r.nested[0].nested[0].nested[0].nested[0];
    assert_eq!(deepest.verdict, Verdict::Error);
    assert!(
        deepest.summary.contains("nested more than 3 deep"),
        "{}",
        deepest.summary
    );
    assert!(deepest.nested.is_empty());
    assert_ne!(r.verdict, Verdict::Valid);
}

#[test]
fn too_many_credentials_are_bounded_and_the_whole_is_not_valid() {
    let token = sign::jwt(
        &{
            let mut p = achievement(SCHOOL_B, "Chemistry");
            p["iss"] = json!(sign::did_key(SCHOOL_B));
            p["jti"] = p["id"].clone();
            p["nbf"] = json!(1735689600);
            p
        },
        SCHOOL_B,
    );
    let mut o = opts();
    o.limits.max_nested_credentials = 5;
    let c = signed_clr(vec![json!(token); 40]);
    let r = run_with(&c.to_string(), &MemoryFetcher::new(), &o);
    assert_eq!(r.nested.len(), 5);
    assert!(r.nested.iter().all(|n| n.verdict == Verdict::Valid));
    assert_eq!(r.verdict, Verdict::Unverifiable, "{}", r.summary);
    assert!(r.summary.contains("only the first 5"), "{}", r.summary);
}

#[test]
fn a_presentation_of_a_clr_nests_two_levels() {
    let vp = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [signed_clr(vec![
            signed(SCHOOL_A, "Algebra"),
            signed(SCHOOL_B, "Chemistry"),
        ])]
    });
    let r = run(&vp);
    assert_eq!(r.format, Some(Format::Presentation));
    assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
    let clr = &r.nested[0];
    assert_eq!(clr.format, Some(Format::ClrDataIntegrity));
    assert_eq!(verdicts(clr), [Verdict::Valid, Verdict::Valid]);
    assert_eq!(
        clr.nested[0].input,
        "credentialSubject.verifiableCredential[0]"
    );
}
