//! Every check the verifier reports on the fixture corpus (tests/fixtures: real badges, spec
//! vectors, broken and hostile inputs) has a topic the checks list can show in English and
//! zh-TW (`i18n::check_topic`), so no new check id reaches the UI as a bare "Other".

use badge_verifier::{verify, Input, MemoryFetcher, Options};
use badge_view::i18n::{check_topic, t, Key, Lang};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let p = entry.path();
        if p.is_dir() {
            files(&p, out);
        } else if matches!(
            p.extension().and_then(|e| e.to_str()),
            Some("json" | "png" | "svg" | "jwt" | "txt")
        ) && p.metadata().unwrap().len() < 4 * 1024 * 1024
        {
            out.push(p);
        }
    }
}

#[test]
fn every_check_on_the_fixtures_has_a_topic() {
    let mut paths = Vec::new();
    files(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures"),
        &mut paths,
    );
    assert!(paths.len() > 200, "only {} fixture files", paths.len());
    let at = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap();
    let opts = Options::at(at.into());
    // Nothing is served: every fetch fails, so the fetch/unverifiable checks show up too.
    let none = MemoryFetcher::new();
    let mut ids = BTreeSet::new();
    for p in &paths {
        let input = Input::Bytes {
            name: p.display().to_string(),
            bytes: std::fs::read(p).unwrap(),
        };
        let report = futures::executor::block_on(verify(&input, &none, &opts));
        ids.extend(report.checks.into_iter().map(|c| c.id));
    }
    assert!(ids.len() > 30, "only {} check ids: {ids:?}", ids.len());
    let other: Vec<_> = ids
        .iter()
        .filter(|id| check_topic(id) == Key::TopicOther)
        .collect();
    assert!(other.is_empty(), "check ids with no topic: {other:?}");
    for id in &ids {
        let k = check_topic(id);
        assert_ne!(t(Lang::En, k), t(Lang::ZhTw, k), "{id}");
    }
}

#[test]
fn topics_of_known_ids() {
    assert_eq!(check_topic("signature"), Key::TopicSignature);
    assert_eq!(check_topic("proof-created"), Key::TopicSignature);
    assert_eq!(check_topic("proof-method"), Key::TopicKey);
    assert_eq!(check_topic("jwt-nbf"), Key::TopicClaims);
    assert_eq!(check_topic("status"), Key::TopicStatus);
    assert_eq!(
        check_topic("credential-subject-achievement-alignment-type"),
        Key::TopicStructure
    );
    assert_eq!(check_topic("no-such-check"), Key::TopicOther);
}
