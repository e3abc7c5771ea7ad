//! Every sentence a card says about a report, in the reader's language, as the app renders it
//! (issue #18): the verdict, its explanation and reason, what kind of document it is, each
//! check's outcome, topic and detail, the five plain lines and the banner over claims not
//! verified, and the same for each credential inside. The badge's own
//! content (name, description, criteria …) is not here: it is the issuer's text. The zh-TW
//! completeness test (tests/zh_tw_complete.rs) reads this over every fixture.

use crate::detail::{render, Segment};
use crate::i18n::{
    check_topic, format_kind, found_at, outcome_label, t, verdict_explain, verdict_label, Key, Lang,
};
use badge_verifier::report::{Report, Verdict};

pub fn card_words(report: &Report, lang: Lang) -> Vec<Segment> {
    let mut out = Vec::new();
    push(report, lang, &mut out);
    out
}

fn words(s: impl Into<String>) -> Segment {
    Segment::Words(s.into())
}

fn push(report: &Report, lang: Lang, out: &mut Vec<Segment>) {
    out.push(words(verdict_label(lang, report.verdict)));
    out.push(words(verdict_explain(lang, report.verdict)));
    out.push(words(t(lang, Key::Reason)));
    out.extend(render(&report.summary, lang));
    if let Some(k) = report.format.and_then(format_kind) {
        out.push(words(t(lang, k)));
    }
    if let Some(at) = &report.found_at {
        // The attached file's name is the document's text, not ours.
        let mut text = found_at(lang, at);
        if let Some(n) = at.name.as_deref().filter(|n| text.ends_with(n)) {
            text.truncate(text.len() - n.len());
            out.push(Segment::Badge(n.to_string()));
        }
        out.push(words(text));
    }
    // Issue #18: the banner over claims not verified, the five plain lines, "Details".
    if report.verdict != Verdict::Valid && report.badge.is_some() {
        out.push(words(t(lang, Key::NotVerifiedBanner)));
    }
    let plain = crate::plain::lines(report, None, lang);
    if !plain.is_empty() {
        out.push(words(t(lang, Key::PlainTitle)));
    }
    for l in plain {
        out.push(words(l.aspect.label(lang)));
        out.push(words(l.mark.label(lang)));
        out.extend(l.text);
    }
    out.push(words(t(lang, Key::Details)));
    out.push(words(t(lang, Key::Reverify)));
    for c in &report.checks {
        out.push(words(outcome_label(lang, c.outcome)));
        out.push(words(t(lang, check_topic(c.id))));
        out.push(Segment::Code(c.id.as_str().to_string()));
        out.extend(render(&c.detail, lang));
    }
    for n in &report.nested {
        push(n, lang, out);
    }
}
