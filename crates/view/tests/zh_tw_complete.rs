//! Issue #18: the zh-TW card of every fixture is Chinese. Every file under tests/fixtures is
//! verified offline (no documents served, so fetch failures are covered too) and its card's
//! words ([`badge_view::card_words`]) rendered in zh-TW; any Latin-letter word outside the
//! badge's own text, URLs, identifiers and the allowed acronyms fails the test, naming the
//! fixture and the sentence.

use badge_verifier::{verify, Input, MemoryFetcher, Options};
use badge_view::card_words::card_words;
use badge_view::detail::{english_words, Segment};
use badge_view::i18n::Lang;
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut out = Vec::new();
    let mut dirs = vec![root];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_none_or(|x| x != "md") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn every_fixture_reads_in_chinese() {
    let opts = Options::at("2026-01-01T00:00:00Z".parse().unwrap());
    let fetcher = MemoryFetcher::default();
    let mut english = Vec::new();
    let files = fixtures();
    assert!(files.len() > 100, "{} fixtures", files.len());
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let name = f.file_name().unwrap().to_string_lossy().to_string();
        let input = Input::Bytes {
            name: name.clone(),
            bytes,
        };
        let report = futures::executor::block_on(verify(&input, &fetcher, &opts));
        for seg in card_words(&report, Lang::ZhTw) {
            if let Segment::Words(w) = &seg {
                let found = english_words(w);
                if !found.is_empty() {
                    english.push(format!("{}: {w:?} {found:?}", f.display()));
                }
            }
        }
    }
    english.sort();
    english.dedup();
    assert!(
        english.is_empty(),
        "{} English sentences in zh-TW cards:\n{}",
        english.len(),
        english.join("\n")
    );
}
