//! OB 3.0 endorsements (verification.md "EndorsementCredential Verification"): embedded in our
//! own signed badges, and the 1EdTech validator's endorsement fixtures
//! (tests/fixtures/status/SOURCES.md).

mod status_support;

use badge_verifier::report::{Outcome, Verdict};
use badge_verifier::MemoryFetcher;
use serde_json::{json, Value};
use status_support::*;

const STATE: &str = "https://state.gov/issuers/565049";

fn state_fetcher() -> MemoryFetcher {
    let mut f = MemoryFetcher::new();
    f.insert(
        STATE,
        200,
        "application/ld+json",
        fixture("status/issuers/state.gov-issuers-565049.json"),
    );
    f
}

fn valid_endorsement() -> Value {
    fixture_json("status/1edtech/endorsement-valid.json")
}

/// Our badge with `endorsements` under `place` ("credential", "achievement", "issuer"), signed.
fn endorsed_badge(place: &str, endorsements: Vec<Value>) -> Value {
    let iss = Issuer::new(5);
    let mut c = badge(&iss, "urn:uuid:endorsed", None);
    let target = match place {
        "credential" => &mut c,
        "achievement" => &mut c["credentialSubject"]["achievement"],
        _ => &mut c["issuer"],
    };
    target["endorsement"] = Value::Array(endorsements);
    iss.sign(c)
}

#[test]
fn the_valid_fixture_verifies_on_its_own() {
    let r = run(&valid_endorsement(), &state_fetcher());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(one(&r, "type").outcome, Outcome::Passed);
    assert_eq!(one(&r, "proof").outcome, Outcome::Passed);
    // Its EndorsementCredential schema is not bundled: said so, with the URL.
    assert_check(
        one(&r, "schema"),
        Outcome::NotChecked,
        None,
        "ob_v3p0_endorsementcredential_schema.json",
    );
}

#[test]
fn a_valid_endorsement_is_shown_with_its_verdict() {
    for place in ["credential", "achievement", "issuer"] {
        let r = run(
            &endorsed_badge(place, vec![valid_endorsement()]),
            &state_fetcher(),
        );
        assert_verdict(&r, Verdict::Valid);
        assert_check(one(&r, "endorsement"), Outcome::Passed, None, place);
        let e = &r.badge.as_ref().unwrap().endorsements;
        assert_eq!(e.len(), 1);
        assert_eq!(
            e[0].issuer_name.as_deref(),
            Some("State Department of Education")
        );
        assert_eq!(e[0].issuer_id.as_deref(), Some(STATE));
        assert_eq!(
            e[0].comment.as_deref(),
            Some("1EdTech University is in good standing")
        );
        assert_eq!(e[0].verdict, Some(Verdict::Valid));
        assert!(r.expert.fetched.contains(&STATE.to_string()));
    }
}

#[test]
fn an_invalid_endorsement_is_a_warning_not_an_invalid_badge() {
    let mut tampered = valid_endorsement();
    tampered["credentialSubject"]["endorsementComment"] = json!("1EdTech University is the best");
    let r = run(
        &endorsed_badge("credential", vec![valid_endorsement(), tampered]),
        &state_fetcher(),
    );
    assert_verdict(&r, Verdict::Valid);
    let checks = checks(&r, "endorsement");
    assert_eq!(checks.len(), 2);
    assert_eq!(checks[0].outcome, Outcome::Passed);
    assert_check(checks[1], Outcome::Warning, None, "is invalid");
    let e = &r.badge.as_ref().unwrap().endorsements;
    assert_eq!(e[1].verdict, Some(Verdict::Invalid));
    assert_eq!(
        e[1].comment.as_deref(),
        Some("1EdTech University is the best")
    );
}

#[test]
fn endorsement_with_schema_status_and_refresh_problems() {
    // The fixture's revocation list (state.gov/credentials/3732/revocations) and schemas are
    // not available, and its Ed25519Signature2020 proof does not verify against the key its
    // verificationMethod names: never valid, with each part said.
    let err = fixture_json("status/1edtech/endorsement-err-schema-status-refresh.json");
    let r = run(&err, &state_fetcher());
    assert_ne!(r.verdict, Verdict::Valid);
    assert_check(
        one(&r, "status"),
        Outcome::NotChecked,
        Some(Verdict::Unverifiable),
        "https://state.gov/credentials/3732/revocations",
    );
    let schemas = checks(&r, "schema");
    assert_eq!(schemas.len(), 2);
    assert!(schemas
        .iter()
        .all(|c| c.outcome == Outcome::NotChecked && c.effect.is_none()));
    assert!(schemas[1]
        .detail
        .contains("https://state.gov/schema/endorsementcredential.json"));
    assert_check(
        one(&r, "refresh"),
        Outcome::Warning,
        None,
        "http://state.gov/credentials/3732",
    );
    // Embedded in a (VC 1.1, like the endorsement) badge: a warning there, the badge stays valid.
    let iss = Issuer::new(5);
    let mut host = badge(&iss, "urn:uuid:endorsed-v1", None);
    host["@context"] = json!([
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://w3id.org/security/data-integrity/v2"
    ]);
    let o = host.as_object_mut().unwrap();
    o.remove("validFrom");
    o.insert("issuanceDate".into(), json!("2024-01-01T00:00:00Z"));
    host["issuer"]["endorsement"] = json!([err]);
    let r = run(&iss.sign(host), &state_fetcher());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(one(&r, "endorsement").outcome, Outcome::Warning);
    let v = r.badge.as_ref().unwrap().endorsements[0].verdict;
    assert!(
        matches!(v, Some(Verdict::Invalid | Verdict::Unverifiable)),
        "{v:?}"
    );
}

#[test]
fn endorsements_of_endorsements_are_not_followed() {
    // An endorsement that itself carries an endorsement (by an issuer whose document would be
    // fetched): only the first level is verified.
    let mut inner = valid_endorsement();
    inner["issuer"]["id"] = json!("https://nested.example/issuers/1");
    let mut outer = valid_endorsement();
    outer["endorsement"] = json!([inner]);
    let f = state_fetcher();
    let r = run(&endorsed_badge("credential", vec![outer]), &f);
    // The outer endorsement's signature no longer matches (we added a property), which is a
    // warning; what matters is that the nested one was never looked at.
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(checks(&r, "endorsement").len(), 1);
    assert!(
        !f.requests().iter().any(|u| u.contains("nested.example")),
        "{:?}",
        f.requests()
    );
}

#[test]
fn a_non_endorsement_credential_in_endorsement_is_flagged() {
    let iss = Issuer::new(6);
    let other = iss.sign(badge(&iss, "urn:uuid:not-an-endorsement", None));
    let r = run(
        &endorsed_badge("credential", vec![other]),
        &MemoryFetcher::new(),
    );
    assert_verdict(&r, Verdict::Valid);
    assert_check(
        one(&r, "endorsement"),
        Outcome::Warning,
        None,
        "not an EndorsementCredential",
    );
}

#[test]
fn no_endorsements_is_not_applicable() {
    let iss = Issuer::new(7);
    let r = run(
        &iss.sign(badge(&iss, "urn:uuid:plain", None)),
        &MemoryFetcher::new(),
    );
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(one(&r, "endorsements").outcome, Outcome::NotApplicable);
    assert!(r.badge.unwrap().endorsements.is_empty());
}

#[test]
fn an_endorsement_jwt_is_verified() {
    let endorser = Issuer::new(9);
    let id = "urn:uuid:endorsement-jwt-1";
    let subject = "https://issuer.example/achievements/1";
    let payload = json!({
        "@context": [VC2, OB_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Endorsement by JWT",
        "issuer": {"id": endorser.did, "type": ["Profile"], "name": "JWT Endorser"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": subject, "type": ["EndorsementSubject"], "endorsementComment": "Solid."},
        "iss": endorser.did, "sub": subject, "jti": id, "nbf": 1704067200
    });
    let token = endorser.jwt(&payload);
    let iss = Issuer::new(5);
    let mut c = badge(&iss, "urn:uuid:endorsed-jwt", None);
    c["credentialSubject"]["achievement"]["endorsementJwt"] = json!([token]);
    let r = run(&iss.sign(c), &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Valid);
    assert_check(
        one(&r, "endorsement"),
        Outcome::Passed,
        None,
        "JWT Endorser",
    );
    let e = &r.badge.as_ref().unwrap().endorsements[0];
    assert_eq!(
        (e.comment.as_deref(), e.verdict),
        (Some("Solid."), Some(Verdict::Valid))
    );
    // A token that is not a JWS at all: a warning.
    let mut c = badge(&iss, "urn:uuid:endorsed-jwt", None);
    c["endorsementJwt"] = json!("not-a-token");
    let r = run(&iss.sign(c), &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(one(&r, "endorsement").outcome, Outcome::Warning);
}

/// An endorsement is only as good as its endorser's key (issue #14): a token signed with a key
/// carried in its own `jwk` header, in the name of an endorser whose documents do not list it,
/// is not a valid endorsement — shown with its verdict, never as verified.
#[test]
fn an_endorsement_by_a_key_the_endorser_does_not_list_is_not_valid() {
    let endorser = "https://famous-university.example/issuers/1";
    let id = "urn:uuid:forged-endorsement";
    let subject = "https://issuer.example/achievements/1";
    let payload = json!({
        "@context": [VC2, OB_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Endorsement",
        "issuer": {"id": endorser, "type": ["Profile"], "name": "Famous University"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": subject, "type": ["EndorsementSubject"], "endorsementComment": "Excellent."},
        "iss": endorser, "sub": subject, "jti": id, "nbf": 1704067200
    });
    let forger = [66u8; 32];
    let header = json!({"alg": "EdDSA", "jwk": sign::jwk(forger)});
    let token = sign::jwt_with_header(&header, &payload, forger);
    let iss = Issuer::new(5);
    let mut c = badge(&iss, "urn:uuid:endorsed-forged", None);
    c["credentialSubject"]["achievement"]["endorsementJwt"] = json!([token]);
    let r = run(&iss.sign(c), &MemoryFetcher::new());
    // The badge itself is the issuer's and valid; the endorsement is not.
    assert_verdict(&r, Verdict::Valid);
    assert_check(one(&r, "endorsement"), Outcome::Warning, None, "is invalid");
    let e = &r.badge.as_ref().unwrap().endorsements[0];
    assert_eq!(e.verdict, Some(Verdict::Invalid));
}
