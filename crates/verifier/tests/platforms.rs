//! Issue #17: badge platforms' links verified through the badge's own data (the URL table of
//! `resolve::platforms`, Credly badge pages and profiles), and web pages searched for the badges
//! they embed, link or show baked. Fixtures: tests/fixtures/platforms (README.md).

mod ob2_support;

use badge_verifier::extract::{bake_png, BadgeVersion, Payload};
use badge_verifier::report::{FoundKind, Outcome};
use badge_verifier::resolve::platforms::{recognise, PlatformLink};
use badge_verifier::{Format, Input, MemoryFetcher, Verdict};
use ob2_support::*;
use serde_json::{json, Value};

const UUID: &str = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
const UUID2: &str = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
const API: &str = "https://api.credly.com/v1/obi/v2";

fn platform_fixture(name: &str) -> String {
    let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/platforms")
        .join(name);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn assertion_url(uuid: &str) -> String {
    format!("{API}/badge_assertions/{uuid}")
}

fn badge_link(url: &str) -> Option<String> {
    match recognise(url)? {
        PlatformLink::Badge { assertion, .. } => Some(assertion),
        PlatformLink::Earner { .. } => None,
    }
}

#[test]
fn the_table_recognises_credly_badge_pages_with_any_suffix() {
    let want = assertion_url(UUID);
    for url in [
        format!("https://www.credly.com/badges/{UUID}"),
        format!("https://www.credly.com/badges/{UUID}/"),
        format!("https://www.credly.com/badges/{UUID}/public_url"),
        format!("https://www.credly.com/badges/{UUID}/linked_in_profile"),
        format!("https://www.credly.com/badges/{UUID}?source=linked_in_profile#x"),
        format!("https://credly.com/badges/{UUID}"),
        format!("https://WWW.Credly.COM/badges/{}", UUID.to_uppercase()),
        format!("https://www.youracclaim.com/badges/{UUID}/public_url"),
        format!("https://youracclaim.com/badges/{UUID}"),
        // Only the fixed https API URL is fetched, so an http page link is as good.
        format!("http://www.credly.com/badges/{UUID}"),
        format!("  https://www.credly.com/badges/{UUID}  "),
    ] {
        assert_eq!(badge_link(&url).as_deref(), Some(want.as_str()), "{url}");
    }
}

#[test]
fn the_table_refuses_look_alikes_and_bad_ids() {
    for url in [
        format!("https://credly.com.evil.example/badges/{UUID}"),
        format!("https://evilcredly.com/badges/{UUID}"),
        format!("https://www.credly.co/badges/{UUID}"),
        format!("https://api.credly.com/badges/{UUID}"),
        format!("https://www.credly.com.:443/badges/{UUID}"),
        format!("https://www.credly.com:8443/badges/{UUID}"),
        format!("https://user@www.credly.com/badges/{UUID}"),
        format!("ftp://www.credly.com/badges/{UUID}"),
        format!("https://www.credly.com/badge/{UUID}"),
        format!("https://www.credly.com/x/badges/{UUID}"),
        "https://www.credly.com/badges/".to_string(),
        "https://www.credly.com/badges/not-a-uuid".to_string(),
        "https://www.credly.com/badges/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f".to_string(),
        "https://www.credly.com/badges/0f1e2d3c4b5a69788796a5b4c3d2e1f0".to_string(),
        "https://www.credly.com/badges/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1fg".to_string(),
        "https://www.credly.com/badges/%30f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0".to_string(),
        "https://www.credly.com/users/".to_string(),
        "https://www.credly.com/users/a/b".to_string(),
        "https://www.youracclaim.com/users/alice".to_string(),
        "not a url".to_string(),
    ] {
        assert_eq!(recognise(&url), None, "{url}");
    }
}

#[test]
fn the_table_recognises_credly_profiles() {
    for url in [
        "https://www.credly.com/users/jane-doe.3f1a2b",
        "https://www.credly.com/users/jane-doe.3f1a2b/",
        "https://www.credly.com/users/jane-doe.3f1a2b/badges",
        "https://credly.com/users/jane-doe.3f1a2b/badges/?sort=-state_updated_at",
    ] {
        match recognise(url) {
            Some(PlatformLink::Earner { user, list, .. }) => {
                assert_eq!(user, "jane-doe.3f1a2b");
                assert_eq!(
                    list,
                    "https://www.credly.com/users/jane-doe.3f1a2b/badges.json"
                );
            }
            other => panic!("{url}: {other:?}"),
        }
    }
}

/// Credly's API as shared/CREDLY.md describes it: the assertion, its BadgeClass and Issuer.
fn credly() -> MemoryFetcher {
    MemoryFetcher::new()
        .with(
            &assertion_url(UUID),
            "application/json",
            platform_fixture("credly-assertion.json"),
        )
        .with(
            &format!("{API}/badge_classes/5d6e7f80-91a2-4b3c-8d4e-5f60718293a4"),
            "application/json",
            platform_fixture("credly-badge-class.json"),
        )
        .with(
            &format!("{API}/issuers/c0ffee00-1234-4abc-9def-0123456789ab"),
            "application/json",
            platform_fixture("credly-issuer.json"),
        )
}

#[test]
fn a_credly_badge_page_is_verified_through_its_hosted_assertion() {
    let page = format!(
        "https://www.credly.com/badges/{}/public_url",
        UUID.to_uppercase()
    );
    let f = credly();
    let mut o = opts();
    o.recipient = Some("alice@example.org".into());
    let r = run(&Input::Url(page.clone()), &f, &o);
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.format, Some(Format::Ob2Hosted));
    let link = r.link.as_ref().expect("the link is reported");
    assert_eq!(link.platform, "Credly");
    assert_eq!(link.page, page);
    assert_eq!(link.verified, assertion_url(UUID));
    assert!(checks(&r, "link")
        .iter()
        .any(|c| c.outcome == Outcome::Passed
            && c.detail == format!("credly.com badge page → verified {}", assertion_url(UUID))));
    assert_check(&r, "hosted-id", Outcome::Passed);
    assert_check(&r, "verification-scope", Outcome::Passed);
    assert_eq!(r.recipient_match, Some(true));
    // The page itself is never fetched: only the API.
    assert_eq!(f.requests()[0], assertion_url(UUID));
    assert!(f.requests().iter().all(|u| u.starts_with(API)));
}

#[test]
fn an_unknown_or_private_credly_badge_is_not_found() {
    let mut f = credly();
    f.insert(&assertion_url(UUID2), 404, "application/json", "{}");
    let r = run(
        &Input::Url(format!("https://www.credly.com/badges/{UUID2}")),
        &f,
        &opts(),
    );
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(r.summary.contains("404 Not Found"), "{}", r.summary);
    assert!(r.summary.contains("no such badge"), "{}", r.summary);
    assert!(r.link.is_some());
}

#[test]
fn a_revoked_credly_badge_answers_410() {
    let mut f = credly();
    f.insert(&assertion_url(UUID), 410, "application/json", "");
    let r = run(
        &Input::Url(format!("https://www.youracclaim.com/badges/{UUID}")),
        &f,
        &opts(),
    );
    assert_verdict(&r, Verdict::Revoked);
    assert!(checks(&r, "link")[0]
        .detail
        .starts_with("youracclaim.com badge page"));
}

const PROFILE: &str = "https://www.credly.com/users/alice-example/badges";
const LIST: &str = "https://www.credly.com/users/alice-example/badges.json";

#[test]
fn a_credly_profile_lists_badges_each_verified_and_the_worst_decides() {
    let mut f = credly().with(
        LIST,
        "application/json",
        platform_fixture("credly-user-badges.json"),
    );
    // The second badge (its id upper-case in the list) was revoked.
    f.insert(&assertion_url(UUID2), 410, "application/json", "");
    let r = run(&Input::Url(PROFILE.into()), &f, &opts());
    assert_verdict(&r, Verdict::Revoked);
    assert_eq!(r.format, Some(Format::BadgeList));
    assert_eq!(r.link.as_ref().unwrap().verified, LIST);
    assert_eq!(r.nested.len(), 2);
    assert_eq!(r.nested[0].input, assertion_url(UUID));
    assert_eq!(r.nested[0].verdict, Verdict::Valid);
    assert_eq!(r.nested[1].input, assertion_url(UUID2));
    assert_eq!(r.nested[1].verdict, Verdict::Revoked);
    assert_eq!(checks(&r, "nested-credential").len(), 2);
    assert!(r.issued_by.is_none());

    // Both valid: the list is valid, standing on its badges alone.
    let mut f = credly();
    let list = json!({"data": [{"id": UUID}, {"id": UUID}]});
    f.insert(LIST, 200, "application/json", list.to_string());
    let r = run(&Input::Url(PROFILE.into()), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    assert!(r.nested.iter().all(|n| n.verdict == Verdict::Valid));
}

#[test]
fn hostile_profile_lists_are_reported_never_invented() {
    let cases: Vec<(Vec<u8>, &str)> = vec![
        (b"[1, 2]".to_vec(), "not a JSON object"),
        (br#"{"data": {"id": 1}}"#.to_vec(), "not an array"),
        (br#"{"items": []}"#.to_vec(), "no \"data\""),
        (b"<html>sign in</html>".to_vec(), "not JSON"),
        (br#"{"data": []}"#.to_vec(), "holds no badge"),
    ];
    for (body, why) in cases {
        let mut f = credly();
        f.insert(LIST, 200, "application/json", body);
        let r = run(&Input::Url(PROFILE.into()), &f, &opts());
        assert_verdict(&r, Verdict::Error);
        assert!(r.summary.contains(why), "{why}: {}", r.summary);
        assert!(r.nested.is_empty());
    }
    // An entry whose id is not a UUID is that entry's error, not a badge made up.
    let mut f = credly();
    let list = json!({"data": [{"id": UUID}, {"id": "../../admin"}, {"name": "x"}]});
    f.insert(LIST, 200, "application/json", list.to_string());
    let r = run(&Input::Url(PROFILE.into()), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_eq!(r.nested.len(), 3);
    assert_eq!(r.nested[1].verdict, Verdict::Error);
    assert!(r.nested[1].summary.contains("not a badge id"));
    assert!(f.requests().iter().all(|u| !u.contains("admin")));
    // The profile cannot be read: unverifiable, saying so.
    let mut f = credly();
    f.insert(LIST, 404, "text/html", "<html></html>");
    let r = run(&Input::Url(PROFILE.into()), &f, &opts());
    assert_verdict(&r, Verdict::Unverifiable);
    assert!(r.summary.contains("no such profile"), "{}", r.summary);
}

#[test]
fn a_profile_of_ten_thousand_badges_is_bounded() {
    let data: Vec<Value> = (0..10_000).map(|_| json!({"id": UUID})).collect();
    let mut f = credly();
    f.insert(
        LIST,
        200,
        "application/json",
        json!({ "data": data }).to_string(),
    );
    let mut o = opts();
    o.limits.max_nested_credentials = 5;
    let r = run(&Input::Url(PROFILE.into()), &f, &o);
    assert_verdict(&r, Verdict::Unverifiable);
    assert_eq!(r.nested.len(), 5);
    assert!(checks(&r, "nested-credential")
        .iter()
        .any(|c| c.detail.contains("10000 badges") && c.detail.contains("first 5")));
    // With the default limits the input's fetch budget bounds the work too.
    let r = run(&Input::Url(PROFILE.into()), &f, &opts());
    assert_ne!(r.verdict, Verdict::Valid);
    assert!(f.requests().len() < 200, "{} fetches", f.requests().len());
}

// Web pages (feature `html-pages`, on by default).

const PAGE: &str = "https://issuer.example/people/alice/page.html";
const A1: &str = "https://issuer.example/assertions/1";
const A2: &str = "https://issuer.example/assertions/2";

/// The issuer's site: two hosted assertions, their BadgeClass and Issuer, a logo.
fn issuer_site() -> MemoryFetcher {
    let assertion = |id: &str| {
        json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": id,
            "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
            "badge": "https://issuer.example/badges/robotics",
            "verification": {"type": "HostedBadge"}, "issuedOn": "2024-01-01T00:00:00Z"})
        .to_string()
    };
    MemoryFetcher::new()
        .with(A1, "application/ld+json", assertion(A1))
        .with(A2, "application/ld+json", assertion(A2))
        .with(
            "https://issuer.example/badges/robotics",
            "application/ld+json",
            json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
                "id": "https://issuer.example/badges/robotics", "name": "Robotics",
                "description": "Built a robot.", "image": "https://issuer.example/robot.png",
                "criteria": {"narrative": "Build a robot."}, "issuer": "https://issuer.example/issuer"})
            .to_string(),
        )
        .with(
            "https://issuer.example/issuer",
            "application/ld+json",
            json!({"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
                "id": "https://issuer.example/issuer", "name": "Example Issuer",
                "url": "https://issuer.example", "email": "badges@issuer.example"})
            .to_string(),
        )
        .with("https://issuer.example/logo.png", "image/png", plain_png())
}

/// A 1×1 PNG with no badge in it (a logo).
fn plain_png() -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, 1, 1);
        e.set_color(png::ColorType::Grayscale);
        e.set_depth(png::BitDepth::Eight);
        let mut w = e.write_header().unwrap();
        w.write_image_data(&[0]).unwrap();
    }
    out
}

fn page_report(f: MemoryFetcher, page: &str) -> badge_verifier::Report {
    let f = f.with(PAGE, "text/html; charset=utf-8", platform_fixture(page));
    run(&Input::Url(PAGE.into()), &f, &opts())
}

#[test]
fn a_page_embedding_one_assertion_is_that_badge_found_where_it_was() {
    let r = page_report(issuer_site(), "page-embedded.html");
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.format, Some(Format::Ob2Hosted));
    let at = r.found_at.as_ref().expect("found_at");
    assert_eq!(at.kind, FoundKind::Embedded);
    assert!(checks(&r, "found")[0]
        .detail
        .contains("embeds it as JSON-LD"));
    // The embedded copy is not the truth: the hosted copy at its id is fetched.
    assert!(r.expert.fetched.iter().any(|u| u == A1));
    assert_check(&r, "hosted-id", Outcome::Passed);
}

#[test]
fn a_page_linking_its_assertion_is_verified_through_the_link() {
    let r = page_report(issuer_site(), "page-alternate.html");
    assert_verdict(&r, Verdict::Valid);
    let at = r.found_at.as_ref().expect("found_at");
    assert_eq!(at.kind, FoundKind::Link);
    assert_eq!(at.name.as_deref(), Some("Open Badge"));
    // `../../assertions/1` against /people/alice/page.html.
    assert!(checks(&r, "found")[0].detail.ends_with(A1));
    assert_check(&r, "hosted-id", Outcome::Passed);
}

#[test]
fn a_page_showing_a_baked_image_is_verified_through_the_image() {
    let base = std::fs::read(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/extract/ob20-simple-badge.png"),
    )
    .unwrap();
    let baked = bake_png(&base, BadgeVersion::Ob2, &Payload::Url(A1.into())).unwrap();
    let f = issuer_site().with(
        "https://issuer.example/people/alice/images/robotics.png?v=2",
        "image/png",
        baked,
    );
    let r = page_report(f, "page-baked.html");
    assert_verdict(&r, Verdict::Valid);
    let at = r.found_at.as_ref().expect("found_at");
    assert_eq!(at.kind, FoundKind::Attachment);
    assert_eq!(at.name.as_deref(), Some("Robotics badge"));
    // The logo was looked at and is no finding; the JPEG was never fetched.
    assert!(r.expert.fetched.iter().any(|u| u.ends_with("/logo.png")));
    assert!(!r.expert.fetched.iter().any(|u| u.ends_with(".jpg")));
}

#[test]
fn a_page_with_several_badges_is_a_badge_page_and_the_worst_decides() {
    let mut f = issuer_site();
    f.insert(A2, 410, "application/ld+json", "");
    let r = page_report(f, "page-several.html");
    assert_verdict(&r, Verdict::Revoked);
    assert_eq!(r.format, Some(Format::BadgePage));
    assert_eq!(r.nested.len(), 2);
    let kinds: Vec<FoundKind> = r
        .nested
        .iter()
        .map(|n| n.found_at.as_ref().unwrap().kind)
        .collect();
    assert_eq!(kinds, [FoundKind::Embedded, FoundKind::Link]);
    assert_eq!(r.nested[0].verdict, Verdict::Valid);
    assert_eq!(r.nested[1].verdict, Verdict::Revoked);

    // Both valid: the page is valid.
    let r = page_report(issuer_site(), "page-several.html");
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.format, Some(Format::BadgePage));
}

#[test]
fn a_page_with_nothing_says_so() {
    let r = page_report(issuer_site(), "page-nothing.html");
    assert_verdict(&r, Verdict::Error);
    assert!(
        r.summary.contains("the page links no Open Badge or credential: it has no JSON-LD, alternate link or baked image"),
        "{}",
        r.summary
    );
    assert_check(&r, "found", Outcome::Failed);
    // An image that cannot be fetched might have carried one: unverifiable.
    let f = MemoryFetcher::new().with(PAGE, "text/html", platform_fixture("page-nothing.html"));
    let r = run(&Input::Url(PAGE.into()), &f, &opts());
    assert_verdict(&r, Verdict::Unverifiable);
}

#[test]
fn hostile_pages_end_without_panic() {
    let deep = "<div>".repeat(1_000_000);
    let unterminated = format!(
        "<!DOCTYPE html><script type=\"application/ld+json\">{}",
        "{\"a\": [".repeat(5_000)
    );
    let huge_attr = format!(
        "<!DOCTYPE html><img src=\"{}.png\" alt=\"{}\"><link rel=alternate type=application/json href=\"{}\">",
        "a".repeat(1_000_000),
        "b".repeat(1_000_000),
        "c".repeat(1_000_000)
    );
    let comments = format!("<html>{}", "<!--".repeat(200_000));
    let scripts = format!(
        "<html>{}",
        "<script type=application/ld+json>{}</script>".repeat(50_000)
    );
    for body in [deep, unterminated, huge_attr, comments, scripts] {
        let f = MemoryFetcher::new().with(PAGE, "text/html", body.clone());
        let r = run(&Input::Url(PAGE.into()), &f, &opts());
        assert_ne!(r.verdict, Verdict::Valid);
        // Never more than the page and a few images or links.
        assert!(f.requests().len() <= 1 + 4 + 4, "{:?}", f.requests().len());
    }
}

#[test]
fn a_page_linking_a_credly_badge_page_is_verified_through_credly_api() {
    let page = format!(
        r#"<!DOCTYPE html><link rel="alternate" type="application/json" href="https://www.credly.com/badges/{UUID}" title="My badge">"#
    );
    let f = credly().with(PAGE, "text/html", page);
    let r = run(&Input::Url(PAGE.into()), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.found_at.as_ref().unwrap().kind, FoundKind::Link);
    assert_eq!(r.link.as_ref().unwrap().verified, assertion_url(UUID));
    assert!(!f.requests().iter().any(|u| u.contains("www.credly.com")));
}
