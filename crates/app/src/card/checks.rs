//! The check list (every check with its outcome, topic, id and detail) and the expert view.

use badge_verifier::report::{Outcome, Report};
use badge_view::i18n::{check_topic, t, Key, Lang};
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

pub fn check_list(report: &Report, lang: Lang) -> impl IntoView {
    let format = report.format.map(|f| f.as_str());
    let checks = report.checks.clone();
    view! {
        <details class="checks">
            <summary>{t(lang, Key::Checks)}" ("{checks.len()}")"
                {format.map(|f| view! { <span class="format">{t(lang, Key::Format)}": "{f}</span> })}
            </summary>
            <ul>
                {checks.into_iter().map(|c| {
                    let (k, cls) = outcome_key(c.outcome);
                    view! {
                        <li class=format!("check {cls}") data-check=c.id.as_str()>
                            <span class="check-outcome">{t(lang, k)}</span>
                            <span class="check-what">
                                <span class="check-topic">{t(lang, check_topic(c.id))}</span>
                                <span class="check-id">{c.id.as_str()}</span>
                            </span>
                            <span class="check-detail">{badge_view::detail::to_text(&c.detail, lang)}</span>
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
