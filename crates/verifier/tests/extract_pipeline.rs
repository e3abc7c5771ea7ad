//! Extraction as step 1 of `verify()`: failures give verdict `error` with a failed `extract`
//! check; a found badge gives a passed `extract` check naming its container, and extraction
//! warnings become `extract` warnings.

use badge_verifier::{verify, Check, Input, MemoryFetcher, Options, Outcome, Report, Verdict};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/../../tests/fixtures/extract/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

fn run(name: &str) -> Report {
    let opts = Options::at(
        chrono::DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")
            .unwrap()
            .into(),
    );
    let input = Input::Bytes {
        name: name.into(),
        bytes: fixture(name),
    };
    futures::executor::block_on(verify(&input, &MemoryFetcher::new(), &opts))
}

fn extract_checks(r: &Report) -> Vec<&Check> {
    r.checks.iter().filter(|c| c.id == "extract").collect()
}

#[test]
fn malformed_inputs_are_errors() {
    for (name, needle) in [
        ("adversarial/png-bad-crc.png", "CRC"),
        ("adversarial/png-length-2gib.png", "2^31-1"),
        ("adversarial/png-compressed-itxt.png", "compressed"),
        ("adversarial/svg-billion-laughs.svg", "never expanded"),
        ("adversarial/svg-wrong-namespace.svg", "is in namespace"),
        ("adversarial/jpeg.jpg", "JPEG"),
        ("adversarial/empty.bin", "empty"),
        (
            "ob20-assets-robotics-badge.png",
            "no Open Badge baked into it",
        ),
    ] {
        let r = run(name);
        assert_eq!(r.verdict, Verdict::Error, "{name}");
        let checks = extract_checks(&r);
        assert_eq!(checks.len(), 1, "{name}");
        assert_eq!(checks[0].outcome, Outcome::Failed, "{name}");
        assert!(
            checks[0].detail.contains(needle),
            "{name}: {}",
            checks[0].detail
        );
    }
}

#[test]
fn found_badges_pass_extraction() {
    for (name, container) in [
        (
            "ob30-simple-jwt.png",
            "PNG iTXt chunk \"openbadgecredential\"",
        ),
        (
            "ob30-simple-json.svg",
            "SVG element openbadges:credential (body)",
        ),
        ("ob20-simple-badge.png", "PNG iTXt chunk \"openbadges\""),
    ] {
        let r = run(name);
        let checks = extract_checks(&r);
        assert_eq!(checks[0].outcome, Outcome::Passed, "{name}");
        assert!(
            checks[0].detail.contains(container),
            "{name}: {}",
            checks[0].detail
        );
        assert_eq!(r.expert.source.as_deref(), Some(container), "{name}");
    }
}

#[test]
fn extraction_warnings_reach_the_report() {
    let r = run("adversarial/png-duplicate-chunks.png");
    let checks = extract_checks(&r);
    assert_eq!(checks.len(), 2, "{checks:?}");
    assert_eq!(checks[1].outcome, Outcome::Warning);
    assert!(checks[1].detail.contains("more than one badge chunk"));
}
