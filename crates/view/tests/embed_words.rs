//! Issue #19: the `<open-badge>` element (embed/open-badge.js) says each verdict in the app's
//! own words, in English and zh-TW, so a badge on an earner's site reads the same as its full
//! report. The element is JavaScript and cannot call the view: this test reads its source and
//! fails, naming the words, when the two drift apart.

use badge_view::i18n::{t, verdict_explain, verdict_label, Key, Lang};

/// The JavaScript string literal `'…'` or `"…"` of `text` (the element quotes with either).
fn quoted(src: &str, text: &str) -> bool {
    src.contains(&format!("'{text}'")) || src.contains(&format!("\"{text}\""))
}

#[test]
fn the_element_says_verdicts_and_labels_in_the_apps_words() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../embed/open-badge.js");
    let src = std::fs::read_to_string(path).expect("embed/open-badge.js");
    let mut missing = Vec::new();
    for lang in [Lang::En, Lang::ZhTw] {
        for v in badge_view::batch::VERDICTS {
            // `valid: 'Valid'`: keyed by the verdict's JSON name, as the report gives it.
            let label = format!("{}: ", js_key(v.as_str()));
            for (what, text) in [
                ("label", verdict_label(lang, v)),
                ("explanation", verdict_explain(lang, v)),
            ] {
                if !(quoted(&src, text)
                    && src.contains(&format!("{label}{}", quote_of(&src, text))))
                {
                    missing.push(format!("{} {what} of {}: {text}", lang.tag(), v.as_str()));
                }
            }
        }
        for key in [
            Key::Checking,
            Key::IssuedBy,
            Key::IssuedOn,
            Key::Expires,
            Key::Earner,
            Key::UnknownIssuer,
            Key::UnnamedBadge,
        ] {
            if !quoted(&src, t(lang, key)) {
                missing.push(format!("{} {key:?}: {}", lang.tag(), t(lang, key)));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "embed/open-badge.js lacks the app's words:\n{}",
        missing.join("\n")
    );
}

/// How the element writes an object key: bare, or quoted when it has a dash.
fn js_key(name: &str) -> String {
    if name.contains('-') {
        format!("'{name}'")
    } else {
        name.to_string()
    }
}

fn quote_of(src: &str, text: &str) -> String {
    if src.contains(&format!("'{text}'")) {
        format!("'{text}'")
    } else {
        format!("\"{text}\"")
    }
}
