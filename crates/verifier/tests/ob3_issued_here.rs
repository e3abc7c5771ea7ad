//! Credentials signed here by did:key issuers (tests/support/sign.rs) verify end to end, and the
//! committed browser fixtures are exactly such credentials.

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::extract::bake::{bake_png, BadgeVersion};
use badge_verifier::extract::Payload;
use badge_verifier::{verify, Input, MemoryFetcher, Options, Verdict};

fn at() -> Options {
    Options::at(
        chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .into(),
    )
}

fn run(bytes: Vec<u8>) -> badge_verifier::Report {
    let input = Input::Bytes {
        name: "test".into(),
        bytes,
    };
    futures::executor::block_on(verify(&input, &MemoryFetcher::new(), &at()))
}

fn issued(seed: u8, name: &str) -> serde_json::Value {
    let issuer = sign::did_key([seed; 32]);
    let c = sign::credential(
        &issuer,
        name,
        "mailto:ada@example.org",
        "2025-03-01T09:00:00Z",
    );
    sign::sign(c, [seed; 32], "2025-03-01T09:00:00Z")
}

#[test]
fn a_did_key_issuer_signing_its_own_credential_is_valid() {
    let r = run(serde_json::to_vec(&issued(7, "Data Stewardship")).unwrap());
    assert_eq!(
        r.verdict,
        Verdict::Valid,
        "{}",
        serde_json::to_string_pretty(&r).unwrap()
    );
    assert_eq!(r.badge.unwrap().name.as_deref(), Some("Data Stewardship"));
    assert_eq!(
        r.expert.proof_suite.as_deref(),
        Some("DataIntegrityProof eddsa-rdfc-2022")
    );
}

#[test]
fn tampering_after_signing_is_invalid() {
    let mut c = issued(7, "Data Stewardship");
    c["credentialSubject"]["achievement"]["name"] = "Brain Surgery".into();
    assert_eq!(
        run(serde_json::to_vec(&c).unwrap()).verdict,
        Verdict::Invalid
    );
}

#[test]
fn signed_by_another_did_key_than_the_issuer_is_invalid() {
    let issuer = sign::did_key([7; 32]);
    let c = sign::credential(
        &issuer,
        "Data Stewardship",
        "mailto:ada@example.org",
        "2025-03-01T09:00:00Z",
    );
    let c = sign::sign(c, [8; 32], "2025-03-01T09:00:00Z");
    assert_eq!(
        run(serde_json::to_vec(&c).unwrap()).verdict,
        Verdict::Invalid
    );
}

const E2E: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/e2e");

/// The e2e fixtures are these credentials; regenerate with
/// `cargo test --test ob3_issued_here -- --ignored write_e2e_fixtures`.
#[test]
#[ignore = "writes fixtures"]
fn write_e2e_fixtures() {
    let valid = serde_json::to_string_pretty(&issued(7, "Data Stewardship")).unwrap();
    std::fs::write(format!("{E2E}/ob3-valid.json"), &valid).unwrap();
    let mut tampered = issued(9, "Open Source Contributor");
    tampered["credentialSubject"]["achievement"]["name"] = "Principal Engineer".into();
    std::fs::write(
        format!("{E2E}/ob3-tampered.json"),
        serde_json::to_string_pretty(&tampered).unwrap(),
    )
    .unwrap();
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/extract/ob30-simple-json.png"
    ))
    .unwrap();
    let baked = bake_png(&png, BadgeVersion::Ob3, &Payload::Json(valid)).unwrap();
    std::fs::write(format!("{E2E}/ob3-valid-baked.png"), baked).unwrap();
}

#[test]
fn committed_e2e_fixtures_verify_as_named() {
    let read = |n: &str| std::fs::read(format!("{E2E}/{n}")).unwrap();
    assert_eq!(run(read("ob3-valid.json")).verdict, Verdict::Valid);
    assert_eq!(run(read("ob3-valid-baked.png")).verdict, Verdict::Valid);
    assert_eq!(run(read("ob3-tampered.json")).verdict, Verdict::Invalid);
}

const BENCH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/e2e/bench"
);

/// The 20 baked PNGs of the browser benchmark (scripts/bench-browser.mjs): one credential from
/// each of 20 did:key issuers (seeds 1..=20), baked into the 1EdTech `ob20/simple-badge.png`
/// (1.2 KB; its OB 2.0 chunk replaced). Regenerate with
/// `cargo test --test ob3_issued_here -- --ignored write_bench_fixtures`.
#[test]
#[ignore = "writes fixtures"]
fn write_bench_fixtures() {
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/extract/ob20-simple-badge.png"
    ))
    .unwrap();
    std::fs::create_dir_all(BENCH).unwrap();
    for k in 1..=20u8 {
        let c = serde_json::to_string(&issued(k, &format!("Benchmark Skill {k}"))).unwrap();
        let baked = bake_png(&png, BadgeVersion::Ob3, &Payload::Json(c)).unwrap();
        std::fs::write(format!("{BENCH}/ob3-baked-{k:02}.png"), baked).unwrap();
    }
}

#[test]
fn committed_bench_fixtures_verify_as_valid() {
    for k in 1..=20u8 {
        let bytes = std::fs::read(format!("{BENCH}/ob3-baked-{k:02}.png")).unwrap();
        assert_eq!(run(bytes).verdict, Verdict::Valid, "ob3-baked-{k:02}.png");
    }
}
