//! The zh-TW tables against the core's source: every `detail!` template has a translation with
//! the same arguments, no translation is stale, and translations are Chinese (see
//! [`english_words`]).

use super::*;
use std::collections::BTreeSet;
use std::path::Path;

/// Every `detail!("…")` template in the core's source, with the file it is in. `detail.rs`
/// itself (the macro and its own examples) is skipped.
pub(crate) fn templates_in_core() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../verifier/src");
    let mut files = Vec::new();
    let mut dirs = vec![root.clone()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") && !p.ends_with("src/detail.rs") {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut out = Vec::new();
    for f in files {
        let src = std::fs::read_to_string(&f).unwrap();
        let name = f.strip_prefix(&root).unwrap().display().to_string();
        for t in badge_verifier::detail::templates_in(&src) {
            out.push((name.clone(), t));
        }
    }
    out
}

fn arg_names(t: &str) -> BTreeSet<&str> {
    pieces(t)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Arg(a) => Some(a),
            _ => None,
        })
        .collect()
}

#[test]
fn every_template_in_the_core_has_a_zh_tw_translation_with_the_same_arguments() {
    let table = zh_table();
    let found = templates_in_core();
    assert!(found.len() > 5, "the scan found {} templates", found.len());
    let mut missing = Vec::new();
    for (file, en) in &found {
        match table.get(en.as_str()) {
            None => missing.push(format!("{file}: en: {en}")),
            Some(zh) => assert_eq!(
                arg_names(en),
                arg_names(zh),
                "{file}: the translation of {en:?} has other arguments: {zh:?}"
            ),
        }
    }
    assert!(
        missing.is_empty(),
        "{} templates have no zh-TW translation (add them to crates/view/src/detail/zh-TW/):\n{}",
        missing.len(),
        missing.join("\n")
    );
    let used: BTreeSet<&str> = found.iter().map(|(_, t)| t.as_str()).collect();
    let stale: Vec<&&str> = table.keys().filter(|k| !used.contains(**k)).collect();
    assert!(
        stale.is_empty(),
        "translations of templates the core no longer has: {stale:?}"
    );
}

#[test]
fn zh_tw_translations_are_chinese() {
    for (en, zh) in zh_table() {
        let words: String = pieces(zh)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Literal(s) => Some(s),
                _ => None,
            })
            .collect();
        let english = english_words(&words);
        assert!(
            english.is_empty(),
            "{zh:?} (for {en:?}) has English words {english:?}"
        );
    }
}

#[test]
fn rendering_fills_arguments_in_each_language() {
    let d = badge_verifier::detail!(
        "All required checks passed ({passed} passed).",
        passed = badge_verifier::detail::count(3usize)
    );
    assert_eq!(
        to_text(&d, Lang::En),
        "All required checks passed (3 passed)."
    );
    let zh = to_text(&d, Lang::ZhTw);
    assert!(zh.contains('3') && !zh.contains("passed"), "{zh}");
}
