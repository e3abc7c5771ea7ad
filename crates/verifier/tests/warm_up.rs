//! The app's idle-time warm-up sample (src/verify/warm_up_credential.json): exactly what the
//! test signer makes (`UPDATE_FIXTURES=1` rewrites it), and valid, so the warm-up runs the
//! whole verification a real badge does.

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::verify::warm_up::{warm_up, SAMPLE};

fn sample() -> String {
    let seed = [42u8; 32];
    let c = sign::credential(
        &sign::did_key(seed),
        "Warm-up",
        "mailto:earner@example.org",
        "2025-01-01T00:00:00Z",
    );
    serde_json::to_string_pretty(&sign::sign(c, seed, "2025-01-01T00:00:00Z")).unwrap() + "\n"
}

#[test]
fn the_sample_is_what_the_test_signer_makes() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/verify/warm_up_credential.json"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, sample()).unwrap();
    }
    assert_eq!(SAMPLE, sample(), "stale: UPDATE_FIXTURES=1 rewrites it");
}

#[test]
fn the_warm_up_verifies_the_sample_as_valid() {
    let fetcher = badge_verifier::MemoryFetcher::new();
    assert!(warm_up(&fetcher, chrono::Utc::now()));
    assert!(fetcher.requests().is_empty(), "the warm-up fetches nothing");
    // A tampered sample would not be valid: the warm-up's answer means something.
    let tampered = SAMPLE.replace("Warm-up", "Warm-down");
    let report = futures::executor::block_on(badge_verifier::verify(
        &badge_verifier::Input::Bytes {
            name: "t".into(),
            bytes: tampered.into_bytes(),
        },
        &badge_verifier::MemoryFetcher::new(),
        &badge_verifier::Options::at(chrono::Utc::now()),
    ));
    assert_eq!(report.verdict, badge_verifier::Verdict::Invalid);
}
