//! Open Badges 0.5 / 1.0 / 1.1 assertions: recognised; 1.x hosted ones verified by their hosted
//! model, 0.5 reported as not verifiable.

mod ob2_support;

use badge_verifier::report::Outcome;
use badge_verifier::{Input, MemoryFetcher, Verdict};
use ob2_support::*;
use serde_json::{json, Value};

const ASSERTION: &str = "https://issuer.example/v1/assertions/1.json";
const BADGE: &str = "https://issuer.example/v1/badge.json";
const ISSUER: &str = "https://issuer.example/v1/issuer.json";

fn v11() -> Value {
    json!({
        "@context": "https://w3id.org/openbadges/v1", "type": "Assertion", "id": ASSERTION,
        "uid": "1", "recipient": {"type": "email", "hashed": true, "salt": "x",
            "identity": hashed_identity("alice@example.org", "x")},
        "badge": BADGE, "issuedOn": 1500000000,
        "verify": {"type": "hosted", "url": ASSERTION}
    })
}

fn server(hosted: &Value) -> MemoryFetcher {
    MemoryFetcher::new()
        .with(ASSERTION, "application/json", hosted.to_string())
        .with(BADGE, "application/json", json!({"name": "Old badge", "description": "d",
            "image": "https://issuer.example/i.png", "criteria": "https://issuer.example/c", "issuer": ISSUER}).to_string())
        .with(ISSUER, "application/json", json!({"name": "Old issuer", "url": "https://issuer.example"}).to_string())
}

#[test]
fn v1_1_hosted_is_verified() {
    let a = v11();
    let mut o = opts();
    o.recipient = Some("alice@example.org".into());
    let r = run(&json_input("old.json", &a.to_string()), &server(&a), &o);
    assert_verdict(&r, Verdict::Valid);
    assert_check(&r, "version", Outcome::Warning);
    for id in [
        "hosted-id",
        "badgeclass",
        "issuer",
        "verification-scope",
        "issued",
    ] {
        assert_check(&r, id, Outcome::Passed);
    }
    assert_eq!(r.recipient_match, Some(true));
    assert_eq!(r.badge.as_ref().unwrap().name.as_deref(), Some("Old badge"));
    assert_eq!(r.expert.proof_suite.as_deref(), Some("Open Badges 1.1"));
    let r = run(&Input::Url(ASSERTION.into()), &server(&a), &opts());
    assert_verdict(&r, Verdict::Valid);
}

#[test]
fn v1_0_hosted_gone_is_revoked_and_off_host_is_invalid() {
    let mut a = v11();
    a.as_object_mut().unwrap().remove("@context");
    let mut f = server(&a);
    f.insert(ASSERTION, 410, "application/json", "{\"revoked\": true}");
    let r = run(&json_input("old.json", &a.to_string()), &f, &opts());
    assert_verdict(&r, Verdict::Revoked);

    let elsewhere = "https://other.example/a.json";
    a["verify"]["url"] = json!(elsewhere);
    let f = server(&a).with(elsewhere, "application/json", a.to_string());
    let r = run(&json_input("old.json", &a.to_string()), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "verification-scope", Outcome::Failed);
}

#[test]
fn v0_5_is_not_verifiable() {
    let a = json!({"recipient": "sha256$abc", "salt": "s",
        "badge": {"version": "0.5.0", "name": "Ancient", "image": "/i.png", "description": "d",
            "criteria": "/c", "issuer": {"origin": "https://issuer.example", "name": "Old"}}});
    let r = run(
        &json_input("ancient.json", &a.to_string()),
        &MemoryFetcher::new(),
        &opts(),
    );
    assert_verdict(&r, Verdict::Unverifiable);
    let v = checks(&r, "version");
    assert!(v[0].detail.contains("0.5"), "{v:?}");
    assert_eq!(r.badge.unwrap().name.as_deref(), Some("Ancient"));
}
