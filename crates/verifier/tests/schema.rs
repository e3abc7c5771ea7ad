//! OB 3.0 credentialSchema (1EdTechJsonSchemaValidator2019) against the bundled
//! AchievementCredential schema, through `verify`.
#![cfg(feature = "json-schema")]

mod status_support;

use badge_verifier::report::{Outcome, Verdict};
use badge_verifier::MemoryFetcher;
use serde_json::{json, Value};
use status_support::*;

const SCHEMA: &str =
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

/// A VC 1.1 OB 3.0 badge naming the AchievementCredential schema, unsigned.
fn vc11_badge(iss: &Issuer) -> Value {
    let mut c = badge(iss, "urn:uuid:schema-1", None);
    c["@context"] = json!([
        "https://www.w3.org/2018/credentials/v1",
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        "https://w3id.org/security/data-integrity/v2"
    ]);
    let o = c.as_object_mut().unwrap();
    o.remove("validFrom");
    o.insert("issuanceDate".into(), json!("2024-01-01T00:00:00Z"));
    c["credentialSchema"] = json!([{"id": SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}]);
    c
}

#[test]
fn a_conforming_credential_passes_the_schema() {
    let iss = Issuer::new(8);
    let r = run(&iss.sign(vc11_badge(&iss)), &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Valid);
    assert_check(one(&r, "schema"), Outcome::Passed, None, SCHEMA);
}

#[test]
fn a_structural_failure_is_invalid_with_the_path() {
    let iss = Issuer::new(8);
    let mut c = vc11_badge(&iss);
    c["credentialSubject"]["achievement"]["name"] = json!(["Two", "names"]);
    let r = run(&iss.sign(c), &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(
        one(&r, "schema"),
        Outcome::Failed,
        Some(Verdict::Invalid),
        "/credentialSubject/achievement/name",
    );
}

#[test]
fn unknown_schema_is_not_checked_with_the_url() {
    let iss = Issuer::new(8);
    let mut c = vc11_badge(&iss);
    c["credentialSchema"] = json!({"id": "https://issuer.example/schemas/badge.json", "type": "1EdTechJsonSchemaValidator2019"});
    let r = run(&iss.sign(c), &MemoryFetcher::new());
    assert_verdict(&r, Verdict::Valid);
    assert_check(
        one(&r, "schema"),
        Outcome::NotChecked,
        None,
        "https://issuer.example/schemas/badge.json",
    );
    // Never fetched.
    assert!(r.expert.fetched.is_empty());
}

#[test]
fn onedtech_complete_v1_is_checked_and_complete_v2_is_not() {
    // complete_v1.json (VC 1.1) names the 3.0.0 URL of the AchievementCredential schema. Its
    // embedded endorsements have no `id` and carry a `name`, which that schema's
    // EndorsementCredential (required id, additionalProperties false) does not allow.
    let r = run_bytes(
        fixture("status/1edtech/complete_v1.json"),
        &MemoryFetcher::new(),
    );
    let s = one(&r, "schema");
    assert_check(
        s,
        Outcome::Failed,
        Some(Verdict::Invalid),
        "at /credentialSubject/achievement/endorsement/0: the required properties id are missing",
    );
    // complete.json (VC 2.0): the bundled rendering is the VC 1.1 one, so not checked.
    let r = run_bytes(
        fixture("status/1edtech/complete.json"),
        &MemoryFetcher::new(),
    );
    assert_check(one(&r, "schema"), Outcome::NotChecked, None, "VC 1.1");
}
