//! One card per input: verdict (colour, icon and words), the badge as it will display, and
//! every check with its evidence. Badge text is always rendered as text.

use super::{AppState, Card};
use crate::i18n::{t, verdict_icon, verdict_label, Key, Lang};
use crate::report::{Outcome, Report};
use leptos::prelude::*;

#[component]
pub fn CardList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <section class="results" aria-live="polite">
            <Show when=move || !state.cards.with(Vec::is_empty)>
                <div class="results-bar">
                    <button type="button" class="link" on:click=move |_| state.cards.set(Vec::new())>
                        {move || t(lang.get(), Key::ClearAll)}
                    </button>
                </div>
            </Show>
            <For each=move || state.cards.get() key=|c| c.id let:card>
                <ResultCard card=card/>
            </For>
        </section>
    }
}

#[component]
fn ResultCard(card: Card) -> impl IntoView {
    let lang = expect_context::<AppState>().lang;
    let report = card.report;
    let name = card.name.clone();
    let preview = card.preview.clone();
    let verdict_attr =
        move || report.with(|r| r.as_ref().map_or("pending", |r| r.verdict.as_str()));
    view! {
        <article class="card" data-verdict=verdict_attr>
            {move || match report.get() {
                None => view! {
                    <div class="card-head pending">
                        <span class="spinner" aria-hidden="true"></span>
                        <span>{t(lang.get(), Key::Checking)}</span>
                        <span class="input-name">{name.clone()}</span>
                    </div>
                }.into_any(),
                Some(r) => view! { <Verdicted report=r preview=preview.clone() lang=lang.get()/> }.into_any(),
            }}
        </article>
    }
}

/// http(s) and data:image URLs only: a `javascript:` image URL from a badge is never used.
fn safe_image(url: &str) -> bool {
    let u = url.trim_start().to_ascii_lowercase();
    u.starts_with("https://") || u.starts_with("http://") || u.starts_with("data:image/")
}

#[component]
fn Verdicted(report: Report, preview: Option<String>, lang: Lang) -> impl IntoView {
    let v = report.verdict;
    let badge = report.badge.clone().unwrap_or_default();
    let image = preview.or_else(|| badge.image.clone().filter(|u| safe_image(u)));
    let name = badge
        .name
        .clone()
        .unwrap_or_else(|| t(lang, Key::UnnamedBadge).to_string());
    let issuer = badge
        .issuer
        .name
        .clone()
        .or(badge.issuer.id.clone())
        .unwrap_or_else(|| t(lang, Key::UnknownIssuer).to_string());
    let earner =
        badge
            .recipient
            .as_ref()
            .and_then(|r| if r.hashed { None } else { r.identity.clone() });
    let has_badge = report.badge.is_some();
    let checks = report.checks.clone();
    view! {
        <div class=format!("card-head verdict-{}", v.as_str())>
            <span class="verdict-icon" aria-hidden="true">{verdict_icon(v)}</span>
            <span class="verdict-word">{verdict_label(lang, v)}</span>
            <span class="input-name">{report.input.clone()}</span>
        </div>
        <p class="summary">{report.summary.clone()}</p>
        <Show when=move || has_badge>
            <div class="badge">
                {image.clone().map(|src| view! { <img class="badge-image" src=src alt="" /> })}
                <div class="badge-text">
                    <h2>{name.clone()}</h2>
                    <p class="issuer">{t(lang, Key::IssuedBy)}" "<strong>{issuer.clone()}</strong></p>
                    <dl class="dates">
                        {badge.issued.clone().map(|d| view! { <dt>{t(lang, Key::IssuedOn)}</dt><dd>{d}</dd> })}
                        {badge.expires.clone().map(|d| view! { <dt>{t(lang, Key::Expires)}</dt><dd>{d}</dd> })}
                        {earner.clone().map(|e| view! { <dt>{t(lang, Key::Earner)}</dt><dd>{e}</dd> })}
                    </dl>
                    {badge.description.clone().map(|d| view! { <p class="description">{d}</p> })}
                </div>
            </div>
        </Show>
        <details class="checks">
            <summary>{t(lang, Key::Checks)}" ("{checks.len()}")"
                {report.format.map(|f| view! { <span class="format">{t(lang, Key::Format)}": "{f.as_str()}</span> })}
            </summary>
            <ul>
                {checks.into_iter().map(|c| {
                    let cls = match c.outcome {
                        Outcome::Passed => "passed",
                        Outcome::Failed => "failed",
                        Outcome::Warning => "warning",
                        Outcome::NotChecked => "not-checked",
                        Outcome::NotApplicable => "not-applicable",
                    };
                    view! {
                        <li class=format!("check {cls}") data-check=c.id.clone()>
                            <span class="check-outcome">{cls}</span>
                            <span class="check-id">{c.id.clone()}</span>
                            <span class="check-detail">{c.detail.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
    }
}
