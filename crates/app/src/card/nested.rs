//! What a report holds besides one badge (issue #16): the sentence that says what kind of
//! document it is (a plain credential, a CLR transcript, a presentation), and the credentials
//! inside it, each as its own small card with its own verdict, badge and checks.

use super::text::safe_link;
use super::{badge, checks, Names};
use crate::icons::verdict_icon;
use badge_verifier::report::{Report, Transcript, Verdict};
use badge_view::i18n::{format_kind, found_at, t, verdict_explain, verdict_label, Key, Lang};
use badge_view::safe_urls;
use leptos::prelude::*;

/// A badge platform's page recognised and the URL verified in its place (issue #17).
pub fn link_note(report: &Report, lang: Lang) -> impl IntoView {
    report.link.as_ref().map(|l| {
        let verified = l.verified.clone();
        view! {
            <p class="notice kind link-resolved" role="note">
                {l.platform.clone()}": "{t(lang, Key::LinkResolved)}" "
                {safe_link(Some(&verified), verified.clone())}
            </p>
        }
    })
}

/// "A Verifiable Credential, not an Open Badge" and the like, with the credential's own types;
/// nothing for an Open Badge.
pub fn kind_note(report: &Report, lang: Lang) -> impl IntoView {
    let types = report
        .badge
        .as_ref()
        .map(|b| b.credential_types.join(", "))
        .filter(|t| !t.is_empty());
    report.format.and_then(format_kind).map(|k| {
        view! {
            <div class="notice kind" role="note">
                <p>{t(lang, k)}</p>
                {types.map(|ty| view! { <p class="muted">{t(lang, Key::CredentialTypes)}": "{ty}</p> })}
            </div>
        }
    })
}

/// A CLR as a transcript: its achievements (with results) and associations, as text.
pub fn transcript(report: &Report, lang: Lang) -> impl IntoView {
    let tr: Option<Transcript> = report.badge.as_ref().and_then(|b| b.transcript.clone());
    let verdict_of = |i: Option<usize>| {
        i.and_then(|i| report.nested.get(i))
            .map(|r| (r.verdict, verdict_label(lang, r.verdict)))
    };
    tr.map(|tr| {
        let achievements = tr
            .achievements
            .iter()
            .map(|a| {
                let name = a.name.clone().or(a.id.clone()).unwrap_or_else(|| "—".into());
                let results = a
                    .results
                    .iter()
                    .map(|r| {
                        [r.name.clone(), r.value.clone(), r.status.clone()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .filter(|r| !r.is_empty())
                    .collect::<Vec<_>>()
                    .join(" · ");
                let verdict = verdict_of(a.credential);
                view! {
                    <li>
                        <strong>{name}</strong>
                        {a.kind.clone().map(|k| view! { <span class="muted">" ("{k}")"</span> })}
                        {(!results.is_empty()).then(|| view! { <span>" — "{results}</span> })}
                        {verdict.map(|(v, label)| view! {
                            <span class=format!("tag verdict-{}", v.as_str())>" "{verdict_icon(v)}" "{label}</span>
                        })}
                    </li>
                }
            })
            .collect_view();
        let associations = tr
            .associations
            .iter()
            .map(|a| {
                let end = |name: &Option<String>, id: &Option<String>| {
                    name.clone().or(id.clone()).unwrap_or_else(|| "?".into())
                };
                view! {
                    <li>
                        {end(&a.source_name, &a.source)}" "
                        <span class="muted">{a.kind.clone().unwrap_or_default()}</span>" "
                        {end(&a.target_name, &a.target)}
                    </li>
                }
            })
            .collect_view();
        let has_assoc = !tr.associations.is_empty();
        view! {
            <section class="transcript">
                <h4>{t(lang, Key::Achievements)}</h4>
                <ul class="plain">{achievements}</ul>
                {has_assoc.then(|| view! {
                    <h4>{t(lang, Key::Associations)}</h4>
                    <ul class="plain">{associations}</ul>
                })}
            </section>
        }
    })
}

/// The credentials inside, in the order the document lists them.
pub fn nested_reports(report: &Report, lang: Lang) -> impl IntoView {
    let nested = report.nested.clone();
    (!nested.is_empty()).then(|| {
        view! {
            <section class="nested" aria-label=t(lang, Key::Inside)>
                <h4>{t(lang, Key::Inside)}" ("{nested.len()}")"</h4>
                {nested.iter().map(|r| nested_card(r, lang).into_any()).collect_view()}
            </section>
        }
    })
}

fn nested_card(report: &Report, lang: Lang) -> impl IntoView {
    let v = report.verdict;
    let badge = report.badge.clone().unwrap_or_default();
    let names = Names::of(&badge, lang);
    let image = badge.image.clone().filter(|u| safe_urls::is_safe_image(u));
    let has_badge = report.badge.is_some();
    let reason = (v != Verdict::Valid)
        .then(|| checks::segments(badge_view::detail::render(&report.summary, lang)));
    let input = report.input.clone();
    let input_attr = input.clone();
    view! {
        <article class="nested-card" data-verdict=v.as_str() data-input=input_attr>
            <div class=format!("card-head verdict-{}", v.as_str())>
                <span class="verdict-icon" aria-hidden="true">{verdict_icon(v)}</span>
                <span class="verdict-word">{verdict_label(lang, v)}</span>
                <span class="input-name">{input}</span>
            </div>
            {report.found_at.as_ref().map(|at| view! { <p class="found-at muted">{found_at(lang, at)}</p> })}
            <p class="summary">
                <strong>{verdict_explain(lang, v)}</strong>" "
                {reason.map(|r| view! { <span class="reason">{t(lang, Key::Reason)}": "{r}</span> })}
            </p>
            {kind_note(report, lang)}
            {link_note(report, lang)}
            {checks::plain_lines(report, None, lang).into_any()}
            {has_badge.then(|| badge::claims(report, &badge, image, &names, lang).into_any())}
            {transcript(report, lang).into_any()}
            {nested_reports(report, lang).into_any()}
            {checks::check_list(report, lang).into_any()}
        </article>
    }
}
