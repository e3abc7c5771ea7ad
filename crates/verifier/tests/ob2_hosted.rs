//! OB 2.0 hosted assertions: the hosted copy is fetched from the assertion's id and is the truth
//! (spec ob_v2p0 "HostedBadge Verification").

mod ob2_support;

use badge_verifier::report::Outcome;
use badge_verifier::{Format, Input, MemoryFetcher, Verdict};
use ob2_support::*;
use serde_json::{json, Value};

const ASSERTION: &str = "https://issuer.example/assertions/1.json";
const BADGE: &str = "https://issuer.example/badges/robotics.json";
const ISSUER: &str = "https://issuer.example/issuer.json";

fn issuer() -> Value {
    json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": ISSUER,
        "name": "Example Issuer", "url": "https://issuer.example", "email": "badges@issuer.example",
        "image": "https://issuer.example/logo.png"
    })
}

fn badge() -> Value {
    json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": BADGE,
        "name": "Robotics", "description": "Built a robot.", "image": "https://issuer.example/robot.png",
        "criteria": {"id": "https://issuer.example/criteria", "narrative": "Build a *robot*."},
        "issuer": ISSUER, "tags": ["robots", "stem"],
        "alignment": [{"targetName": "Engineering", "targetUrl": "https://standards.example/eng",
            "targetDescription": "Engineering design", "targetFramework": "STEM", "targetCode": "ENG-1"}]
    })
}

fn assertion() -> Value {
    json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": ASSERTION,
        "recipient": {"type": "email", "hashed": true, "salt": "s@lt",
            "identity": hashed_identity("alice@example.org", "s@lt")},
        "badge": BADGE, "issuedOn": "2024-01-01T00:00:00Z",
        "verification": {"type": "HostedBadge"}
    })
}

/// The issuer's server: the BadgeClass, the Profile and `hosted` at the assertion URL.
fn server(hosted: &Value) -> MemoryFetcher {
    MemoryFetcher::new()
        .with(ASSERTION, "application/ld+json", hosted.to_string())
        .with(BADGE, "application/ld+json", badge().to_string())
        .with(ISSUER, "application/ld+json", issuer().to_string())
}

fn baked(a: &Value) -> Input {
    json_input("assertion.json", &a.to_string())
}

#[test]
fn valid_hosted_json_is_verified_against_the_hosted_copy() {
    let a = assertion();
    let r = run(&baked(&a), &server(&a), &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.format, Some(Format::Ob2Hosted));
    for id in [
        "context",
        "type",
        "required-properties",
        "hosted-id",
        "badgeclass",
        "issuer",
        "verification-scope",
        "issued",
    ] {
        assert_check(&r, id, Outcome::Passed);
    }
    assert_eq!(r.expert.fetched, vec![ASSERTION, BADGE, ISSUER]);
    let b = r.badge.unwrap();
    assert_eq!(b.name.as_deref(), Some("Robotics"));
    assert_eq!(b.description.as_deref(), Some("Built a robot."));
    assert_eq!(b.image.as_deref(), Some("https://issuer.example/robot.png"));
    let c = b.criteria.unwrap();
    assert_eq!(c.url.as_deref(), Some("https://issuer.example/criteria"));
    assert_eq!(c.narrative.as_deref(), Some("Build a *robot*."));
    assert_eq!(b.issuer.name.as_deref(), Some("Example Issuer"));
    assert_eq!(b.issuer.url.as_deref(), Some("https://issuer.example"));
    assert_eq!(b.issuer.email.as_deref(), Some("badges@issuer.example"));
    assert_eq!(
        b.issuer.image.as_deref(),
        Some("https://issuer.example/logo.png")
    );
    assert_eq!(b.issuer.id.as_deref(), Some(ISSUER));
    assert_eq!(b.tags, vec!["robots", "stem"]);
    let al = &b.alignments[0];
    assert_eq!(
        (
            al.name.as_deref(),
            al.url.as_deref(),
            al.description.as_deref(),
            al.framework.as_deref(),
            al.code.as_deref()
        ),
        (
            Some("Engineering"),
            Some("https://standards.example/eng"),
            Some("Engineering design"),
            Some("STEM"),
            Some("ENG-1")
        )
    );
    assert_eq!(b.issued.as_deref(), Some("2024-01-01T00:00:00Z"));
    assert_eq!(b.verify_url.as_deref(), Some(ASSERTION));
}

#[test]
fn valid_hosted_url() {
    let a = assertion();
    let r = run(&Input::Url(ASSERTION.into()), &server(&a), &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_check(&r, "hosted-id", Outcome::Passed);
    assert_check(&r, "verification-scope", Outcome::Passed);
    // The URL is fetched once, by the pipeline, not again by the OB 2.0 verifier.
    assert_eq!(r.expert.fetched, vec![ASSERTION, BADGE, ISSUER]);
}

/// A badge given by its URL is fetched as the badge (the app says "Fetching the badge…").
#[test]
fn the_hosted_url_is_fetched_as_the_badge() {
    use badge_verifier::FetchPurpose::*;
    let f = server(&assertion());
    let input = Input::Url(ASSERTION.into());
    let r = futures::executor::block_on(badge_verifier::verify(&input, &f, &opts()));
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(
        f.requested(),
        vec![
            (ASSERTION.to_string(), Badge),
            (BADGE.to_string(), BadgeClass),
            (ISSUER.to_string(), IssuerProfile),
        ]
    );
}

#[test]
fn hosted_410_is_revoked_for_json_and_url_inputs() {
    let a = assertion();
    let mut f = server(&a);
    let body = json!({"@context": "https://w3id.org/openbadges/v2", "id": ASSERTION, "revoked": true,
        "revocationReason": "Awarded in error"});
    f.insert(ASSERTION, 410, "application/ld+json", body.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Revoked);
    assert!(
        checks(&r, "revocation")[0]
            .detail
            .contains("Awarded in error"),
        "{:?}",
        r.checks
    );
    let r = run(&Input::Url(ASSERTION.into()), &f, &opts());
    assert_verdict(&r, Verdict::Revoked);
}

#[test]
fn hosted_revoked_true_is_revoked() {
    let a = assertion();
    let hosted = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": ASSERTION,
        "revoked": true, "revocationReason": "Policy violation"});
    let r = run(&baked(&a), &server(&hosted), &opts());
    assert_verdict(&r, Verdict::Revoked);
    let rev = checks(&r, "revocation");
    assert!(rev[0].detail.contains("Policy violation"), "{rev:?}");
    // A stripped revoked assertion is not then judged for its missing properties.
    assert!(checks(&r, "required-properties").is_empty());
}

#[test]
fn assertion_outside_the_issuer_origin_is_invalid() {
    let evil = "https://evil.example/assertions/1.json";
    let mut a = assertion();
    a["id"] = json!(evil);
    let f = server(&assertion()).with(evil, "application/ld+json", a.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "verification-scope", Outcome::Failed);
    assert_check(&r, "hosted-id", Outcome::Passed);
}

#[test]
fn allowed_origins_and_starts_with_widen_or_narrow_the_scope() {
    let other = "https://badges.example/a/1.json";
    let mut a = assertion();
    a["id"] = json!(other);
    let mut iss = issuer();
    iss["verification"] =
        json!({"type": "VerificationObject", "allowedOrigins": ["badges.example"]});
    let f = server(&a)
        .with(other, "application/ld+json", a.to_string())
        .with(ISSUER, "application/json", iss.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    iss["verification"] =
        json!({"allowedOrigins": "badges.example", "startsWith": "https://badges.example/b/"});
    let f = f.with(ISSUER, "application/json", iss.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "verification-scope", Outcome::Failed);
}

#[test]
fn hosted_copy_declaring_another_id_is_invalid() {
    let a = assertion();
    let mut hosted = assertion();
    hosted["id"] = json!("https://issuer.example/assertions/2.json");
    let r = run(&baked(&a), &server(&hosted), &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "hosted-id", Outcome::Failed);
    // The same for a URL input whose document names another id.
    let r = run(&Input::Url(ASSERTION.into()), &server(&hosted), &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "hosted-id", Outcome::Failed);
}

#[test]
fn hosted_404_is_unverifiable() {
    let a = assertion();
    let mut f = server(&a);
    f.insert(ASSERTION, 404, "text/html", "not found");
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Unverifiable);
    assert_check(&r, "hosted-id", Outcome::NotChecked);
    assert!(checks(&r, "hosted-id")[0].detail.contains("404"));
    // Unreachable (no such host) is unverifiable as well.
    let r = run(&baked(&a), &MemoryFetcher::new(), &opts());
    assert_verdict(&r, Verdict::Unverifiable);
}

#[test]
fn expired() {
    let mut a = assertion();
    a["expires"] = json!("2024-06-01T00:00:00Z");
    let r = run(&baked(&a), &server(&a), &opts());
    assert_verdict(&r, Verdict::Expired);
    assert_check(&r, "expiry", Outcome::Failed);
    a["expires"] = json!("2030-06-01T00:00:00Z");
    let r = run(&baked(&a), &server(&a), &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_check(&r, "expiry", Outcome::Passed);
}

#[test]
fn issued_in_the_future_is_invalid() {
    let mut a = assertion();
    a["issuedOn"] = json!("2030-01-01T00:00:00Z");
    let r = run(&baked(&a), &server(&a), &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "issued", Outcome::Failed);
}

#[test]
fn the_hosted_copy_wins_over_the_baked_one() {
    let mut baked_copy = assertion();
    baked_copy["expires"] = json!("2099-01-01T00:00:00Z");
    let mut hosted = assertion();
    hosted["expires"] = json!("2024-06-01T00:00:00Z");
    let r = run(&baked(&baked_copy), &server(&hosted), &opts());
    assert_verdict(&r, Verdict::Expired);
    assert_check(&r, "hosted-copy", Outcome::Warning);
    assert_eq!(
        r.badge.unwrap().expires.as_deref(),
        Some("2024-06-01T00:00:00Z")
    );
}

#[test]
fn redirects_are_reported() {
    let moved = "https://cdn.issuer.example/a/1.json";
    let a = assertion();
    let f = MemoryFetcher::new()
        .with(moved, "application/json", a.to_string())
        .redirect(ASSERTION, moved)
        .with(BADGE, "application/ld+json", badge().to_string())
        .with(ISSUER, "application/ld+json", issuer().to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_check(&r, "redirect", Outcome::Warning);
    assert_check(&r, "hosted-id", Outcome::Passed);
}

#[test]
fn plain_http_links_are_fetched_over_https_with_a_warning() {
    let mut a = assertion();
    a["badge"] = json!("http://issuer.example/badges/robotics.json");
    let mut bc = badge();
    bc["id"] = json!("http://issuer.example/badges/robotics.json");
    let f = server(&a).with(BADGE, "application/json", bc.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_check(&r, "insecure-url", Outcome::Warning);
    assert!(r.expert.fetched.iter().all(|u| u.starts_with("https://")));
}

#[test]
fn missing_badgeclass_is_unverifiable_and_broken_badgeclass_invalid() {
    let a = assertion();
    let f = MemoryFetcher::new().with(ASSERTION, "application/json", a.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Unverifiable);
    assert_check(&r, "badgeclass", Outcome::NotChecked);
    let mut bc = badge();
    bc.as_object_mut().unwrap().remove("name");
    let f = server(&a).with(BADGE, "application/json", bc.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "badgeclass", Outcome::Failed);
}

#[test]
fn issuer_without_required_properties_is_invalid() {
    let a = assertion();
    let mut iss = issuer();
    iss.as_object_mut().unwrap().remove("email");
    let f = server(&a).with(ISSUER, "application/json", iss.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "issuer", Outcome::Failed);
}

#[test]
fn required_properties_and_their_types() {
    let mut a = assertion();
    a["recipient"] = json!({"type": "email", "hashed": "yes", "identity": 5});
    a.as_object_mut().unwrap().remove("issuedOn");
    let r = run(&baked(&a), &server(&a), &opts());
    assert_verdict(&r, Verdict::Invalid);
    let rp = checks(&r, "required-properties");
    assert_eq!(rp[0].outcome, Outcome::Failed);
    for needle in ["recipient identity", "hashed", "issuedOn"] {
        assert!(rp[0].detail.contains(needle), "{needle}: {}", rp[0].detail);
    }
}

#[test]
fn hashed_email_match_and_mismatch() {
    let a = assertion();
    for (given, want) in [
        ("alice@example.org", true),
        ("ALICE@example.org", true),
        ("bob@example.org", false),
    ] {
        let mut o = opts();
        o.recipient = Some(given.into());
        let r = run(&baked(&a), &server(&a), &o);
        assert_eq!(r.recipient_match, Some(want), "{given}");
        // A mismatch says the badge is someone else's; the badge itself stays valid.
        assert_verdict(&r, Verdict::Valid);
        assert_check(
            &r,
            "recipient",
            if want {
                Outcome::Passed
            } else {
                Outcome::Warning
            },
        );
    }
    let rec = run(&baked(&a), &server(&a), &opts())
        .badge
        .unwrap()
        .recipient
        .unwrap();
    assert_eq!(
        (rec.kind.as_deref(), rec.hashed, rec.salt.as_deref()),
        (Some("email"), true, Some("s@lt"))
    );
}

#[test]
fn plaintext_recipient_match() {
    let mut a = assertion();
    a["recipient"] = json!({"type": "url", "hashed": false, "identity": "https://alice.example"});
    let mut o = opts();
    o.recipient = Some("https://alice.example".into());
    let r = run(&baked(&a), &server(&a), &o);
    assert_eq!(r.recipient_match, Some(true));
}

#[test]
fn signed_verification_as_plain_json_is_unverifiable() {
    let mut a = assertion();
    a["verification"] = json!({"type": "SignedBadge", "creator": "https://issuer.example/key"});
    let r = run(&baked(&a), &server(&a), &opts());
    assert_verdict(&r, Verdict::Unverifiable);
    assert_eq!(r.format, Some(Format::Ob2Signed));
    assert_check(&r, "signature", Outcome::NotChecked);
    assert!(r.expert.fetched.is_empty());
}

#[test]
fn embedded_badgeclass_and_issuer_need_no_fetch() {
    let mut a = assertion();
    let mut bc = badge();
    bc["issuer"] = issuer();
    a["badge"] = bc;
    let f = MemoryFetcher::new().with(ASSERTION, "application/json", a.to_string());
    let r = run(&baked(&a), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.expert.fetched, vec![ASSERTION]);
    assert_eq!(
        r.badge.unwrap().issuer.email.as_deref(),
        Some("badges@issuer.example")
    );
}

#[test]
fn hostile_documents_give_checks_not_panics() {
    let a = assertion();
    for body in [
        "[1,2]",
        "not json",
        "{\"id\": 5}",
        &"[".repeat(5000),
        "\u{feff}{}",
    ] {
        let f = MemoryFetcher::new()
            .with(ASSERTION, "application/json", body.to_string())
            .with(BADGE, "application/json", body.to_string())
            .with(ISSUER, "application/json", body.to_string());
        let r = run(&baked(&a), &f, &opts());
        assert_ne!(r.verdict, Verdict::Valid, "{body:.20}");
    }
    // A badge whose badge/issuer are of the wrong JSON type.
    let mut b = assertion();
    b["badge"] = json!(42);
    let r = run(&baked(&b), &server(&b), &opts());
    assert_verdict(&r, Verdict::Invalid);
}

#[test]
fn recipient_hashed_is_required() {
    let mut a = assertion();
    a["recipient"].as_object_mut().unwrap().remove("hashed");
    let r = run(&baked(&a), &server(&a), &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert!(checks(&r, "required-properties")[0]
        .detail
        .contains("hashed is missing"));
}

#[test]
fn a_redirect_off_the_issuer_origin_is_judged_by_the_id_it_lands_on() {
    let evil = "https://evil.example/a/1.json";
    let mut landed = assertion();
    landed["id"] = json!(evil);
    let f = MemoryFetcher::new()
        .with(evil, "application/json", landed.to_string())
        .redirect(ASSERTION, evil)
        .with(BADGE, "application/ld+json", badge().to_string())
        .with(ISSUER, "application/ld+json", issuer().to_string());
    let r = run(&baked(&assertion()), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "redirect", Outcome::Warning);
    assert_check(&r, "verification-scope", Outcome::Failed);
}
