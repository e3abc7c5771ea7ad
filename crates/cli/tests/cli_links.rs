//! Issue #17 through the CLI and a real HTTP server on 127.0.0.1 (`--allow-http`): a web page
//! that embeds and links hosted OB 2.0 assertions is searched, each badge verified, and the
//! human output says where each was found.

#[path = "../../verifier/tests/support/http_server.rs"]
mod http_server;

use http_server::Server;
use serde_json::{json, Value};
use std::time::Duration;

/// The issuer's site on the test server: two hosted assertions, their BadgeClass and Issuer,
/// a page embedding the first and linking the second, and a page linking only the first.
fn site() -> Server {
    let s = Server::start(Duration::from_secs(60));
    let base = s.base.clone();
    let assertion = |n: u32| {
        json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
            "id": format!("{base}/assertions/{n}"),
            "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
            "badge": format!("{base}/badges/robotics"),
            "verification": {"type": "HostedBadge"}, "issuedOn": "2024-01-01T00:00:00Z"})
    };
    s.doc(
        "/assertions/1",
        "application/ld+json",
        assertion(1).to_string(),
    );
    s.doc(
        "/assertions/2",
        "application/ld+json",
        assertion(2).to_string(),
    );
    s.doc(
        "/badges/robotics",
        "application/ld+json",
        json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
            "id": format!("{base}/badges/robotics"), "name": "Robotics",
            "description": "Built a robot.", "image": format!("{base}/robot.png"),
            "criteria": {"narrative": "Build a robot."}, "issuer": format!("{base}/issuer")})
        .to_string(),
    );
    s.doc(
        "/issuer",
        "application/ld+json",
        json!({"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
            "id": format!("{base}/issuer"), "name": "Example Issuer",
            "url": base, "email": "badges@issuer.example"})
        .to_string(),
    );
    let page = format!(
        r#"<!DOCTYPE html><html><head><title>Alice</title>
        <link rel="alternate" type="application/ld+json" href="/assertions/2" title="Soldering">
        <script type="application/ld+json">{}</script></head><body></body></html>"#,
        assertion(1)
    );
    s.doc("/alice/badges.html", "text/html; charset=utf-8", page);
    s.doc(
        "/alice/one.html",
        "text/html",
        r#"<!doctype html><link rel=alternate type=application/json href="../assertions/1" title="Robotics">"#,
    );
    s
}

fn cli(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_badge-verify"))
        .args(["--allow-http", "--at", "2026-01-01T00:00:00Z"])
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn a_page_with_two_badges_is_verified_badge_by_badge() {
    let s = site();
    let page = s.url("/alice/badges.html");
    let out = cli(&["--json", &page]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    let r: Value = serde_json::from_str(stdout.lines().next().unwrap()).unwrap();
    assert_eq!(r["verdict"], "valid");
    assert_eq!(r["format"], "badge-page");
    let nested = r["nested"].as_array().unwrap();
    assert_eq!(nested.len(), 2);
    assert_eq!(nested[0]["found_at"]["kind"], "embedded");
    assert_eq!(nested[1]["found_at"]["kind"], "link");
    assert_eq!(nested[1]["found_at"]["name"], "Soldering");
    assert!(nested.iter().all(|n| n["verdict"] == "valid"));

    let out = cli(&[&page]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("found: embedded JSON-LD"), "{text}");
    assert!(text.contains("found: link \"Soldering\""), "{text}");
    assert!(s.count("/assertions/2") >= 1);
}

#[test]
fn a_page_linking_one_badge_is_that_badge() {
    let s = site();
    let out = cli(&[&s.url("/alice/one.html")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains(": VALID"), "{text}");
    assert!(text.contains("found: link \"Robotics\""), "{text}");
    assert!(text.contains("format: ob2-hosted"), "{text}");
}

/// Issue #17's "done when": a Credly badge link verified end to end against a local server that
/// answers like Credly's public API (shared/CREDLY.md): the badge's assertion (valid, and the
/// earner's e-mail matches), an unknown id (404: not found, can't verify) and a revoked one
/// (410 Gone: revoked). `--platform-origin` (testing only, with `--allow-http`) makes the
/// server stand in for https://api.credly.com.
#[test]
fn a_credly_badge_link_against_a_server_that_answers_like_credly() {
    let s = Server::start(Duration::from_secs(60));
    let base = s.base.clone();
    let platforms = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/platforms"
    );
    let local = |f: &str| {
        std::fs::read_to_string(format!("{platforms}/{f}"))
            .unwrap()
            .replace("https://api.credly.com", &base)
    };
    let good = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";
    let gone = "11111111-2222-4333-8444-555555555555";
    s.doc(
        &format!("/v1/obi/v2/badge_assertions/{good}"),
        "application/json",
        local("credly-assertion.json"),
    );
    let class: Value = serde_json::from_str(&local("credly-badge-class.json")).unwrap();
    let class_path = class["id"]
        .as_str()
        .unwrap()
        .strip_prefix(&base)
        .unwrap()
        .to_string();
    s.doc(&class_path, "application/json", class.to_string());
    let issuer: Value = serde_json::from_str(&local("credly-issuer.json")).unwrap();
    let issuer_path = issuer["id"]
        .as_str()
        .unwrap()
        .strip_prefix(&base)
        .unwrap()
        .to_string();
    s.doc(&issuer_path, "application/json", issuer.to_string());
    s.route(
        &format!("/v1/obi/v2/badge_assertions/{gone}"),
        http_server::Route::Redirect(410, "/".into()),
    );
    let verify = |id: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_badge-verify"))
            .args(["--json", "--allow-http", "--platform-origin", &base])
            .args([
                "--recipient",
                "alice@example.org",
                "--at",
                "2026-01-01T00:00:00Z",
            ])
            .arg(format!("https://www.credly.com/badges/{id}/public_url"))
            .output()
            .unwrap();
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let r = verify(&good.to_uppercase());
    assert_eq!(r["verdict"], "valid", "{r:#}");
    assert_eq!(r["recipient_match"], true);
    assert_eq!(r["link"]["platform"], "Credly");
    assert_eq!(
        r["link"]["verified"],
        format!("{base}/v1/obi/v2/badge_assertions/{good}")
    );
    let r = verify(gone);
    assert_eq!(r["verdict"], "revoked", "{r:#}");
    let r = verify("99999999-2222-4333-8444-555555555555");
    assert_eq!(r["verdict"], "unverifiable", "{r:#}");
    assert!(r["summary"].as_str().unwrap().contains("404"), "{r:#}");
}
