//! The check list (every check with its outcome, topic, id and detail) and the expert view.

use badge_verifier::report::{Outcome, Report};
use badge_view::detail::Segment;
use badge_view::i18n::{check_topic, t, Key, Lang};
use badge_view::plain::{self, Mark};
use leptos::prelude::*;

fn outcome_key(o: Outcome) -> (Key, &'static str) {
    match o {
        Outcome::Passed => (Key::OutPassed, "passed"),
        Outcome::Failed => (Key::OutFailed, "failed"),
        Outcome::Warning => (Key::OutWarning, "warning"),
        Outcome::NotChecked => (Key::OutNotChecked, "not-checked"),
        Outcome::NotApplicable => (Key::OutNotApplicable, "not-applicable"),
    }
}

/// A ✓, ✗ or ? drawn in SVG (no glyph to fall back to another font), with its word for
/// screen readers.
fn mark_icon(mark: Mark, lang: Lang) -> impl IntoView {
    let path = match mark {
        Mark::Ok => "M3.5 8.5l3 3 6-7",
        Mark::Bad => "M4.5 4.5l7 7m0-7l-7 7",
        Mark::Unknown => "M5.8 6.2a2.3 2.3 0 1 1 3.2 2.1c-.6.3-1 .8-1 1.4v.6M8 12.6v.1",
    };
    view! {
        <span class=format!("mark {}", mark.as_str()) role="img" aria-label=mark.label(lang)>
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">
                <path d=path fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" stroke-linejoin="round"/>
            </svg>
        </span>
    }
}

/// Detail segments as text: identifiers and URLs in a monospace span, the badge's own words
/// isolated (`<bdi>`: untrusted text cannot reorder the sentence around it).
pub fn segments(segs: Vec<Segment>) -> impl IntoView {
    segs.into_iter()
        .map(|s| match s {
            Segment::Code(c) | Segment::Url(c) => view! { <code>{c}</code> }.into_any(),
            Segment::Badge(w) => view! { <bdi class="badge-text">{w}</bdi> }.into_any(),
            Segment::Words(w) => view! { <span>{w}</span> }.into_any(),
        })
        .collect_view()
}

/// The five plain lines (authentic, issuer, status, dates, recipient), each a mark and one
/// sentence; `typed`: the "check the earner" answer.
pub fn plain_lines(report: &Report, typed: Option<Option<bool>>, lang: Lang) -> impl IntoView {
    let lines = plain::lines(report, typed, lang);
    (!lines.is_empty()).then(|| {
        view! {
            <section class="plain" aria-label=t(lang, Key::PlainTitle)>
                <ul>
                    {lines.into_iter().map(|l| view! {
                        <li class=format!("plain-line {}", l.mark.as_str()) data-aspect=l.aspect.as_str() data-mark=l.mark.as_str()>
                            {mark_icon(l.mark, lang)}
                            <strong class="plain-label">{l.aspect.label(lang)}</strong>
                            <span class="plain-text">{segments(l.text)}</span>
                        </li>
                    }).collect_view()}
                </ul>
            </section>
        }
    })
}

/// Every check, failed first, under "Details".
pub fn check_list(report: &Report, lang: Lang) -> impl IntoView {
    let format = report.format.map(|f| f.as_str());
    let order = plain::check_order(&report.checks);
    let checks = report.checks.clone();
    let n = checks.len();
    view! {
        <details class="checks">
            <summary>{t(lang, Key::Details)}" · "{t(lang, Key::Checks)}" ("{n}")"
                {format.map(|f| view! { <span class="format">{t(lang, Key::Format)}": "{f}</span> })}
            </summary>
            <ul>
                {order.into_iter().map(|i| {
                    let c = &checks[i];
                    let (k, cls) = outcome_key(c.outcome);
                    view! {
                        <li class=format!("check {cls}") data-check=c.id.as_str()>
                            <span class="check-outcome">{t(lang, k)}</span>
                            <span class="check-what">
                                <span class="check-topic">{t(lang, check_topic(c.id))}</span>
                                <span class="check-id">{c.id.as_str()}</span>
                            </span>
                            <span class="check-detail">{segments(badge_view::detail::render(&c.detail, lang))}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}

/// Format, where the badge was found, proof suite, key, hash, status lists and what was fetched.
pub fn expert_view(report: &Report, lang: Lang) -> impl IntoView {
    let format = report.format.map(|f| f.as_str());
    let expert = report.expert.clone();
    view! {
        <details class="expert">
            <summary>{t(lang, Key::Expert)}</summary>
            <dl>
                {format.map(|f| view! { <dt>{t(lang, Key::Format)}</dt><dd>{f}</dd> })}
                {expert.source.map(|s| view! { <dt>{t(lang, Key::ExpertSource)}</dt><dd>{s}</dd> })}
                {expert.proof_suite.map(|s| view! { <dt>{t(lang, Key::ExpertSuite)}</dt><dd>{s}</dd> })}
                {expert.key_id.map(|s| view! { <dt>{t(lang, Key::ExpertKeyId)}</dt><dd class="mono">{s}</dd> })}
                {expert.key_source.map(|s| view! { <dt>{t(lang, Key::ExpertKeySource)}</dt><dd class="mono">{s}</dd> })}
                {expert.canonical_hash.map(|s| view! { <dt>{t(lang, Key::ExpertHash)}</dt><dd class="mono">{s}</dd> })}
                {(!expert.status_lists.is_empty()).then(|| view! {
                    <dt>{t(lang, Key::ExpertStatus)}</dt><dd class="mono">{expert.status_lists.join("\n")}</dd>
                })}
                {(!expert.fetched.is_empty()).then(|| view! {
                    <dt>{t(lang, Key::ExpertFetched)}</dt><dd class="mono">{expert.fetched.join("\n")}</dd>
                })}
            </dl>
        </details>
    }
}
