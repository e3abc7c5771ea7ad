//! One card per input: progress, then the verdict (colour, icon and words, with the reason),
//! the badge as it will display, "check the earner", share actions, the check list and an
//! expert view. Badge text is always rendered as text nodes, never as markup.

mod badge;
mod checks;
mod earner;
mod nested;
mod share;
mod text;

use super::batch::{BatchBar, BatchState};
use super::{AppState, Card};
use crate::icons::verdict_icon;
use badge_verifier::report::{BadgeDisplay, Report, Verdict};
use badge_view::i18n::{t, verdict_explain, verdict_label, Key, Lang};
use badge_view::{progress, safe_urls};
use leptos::prelude::*;

#[component]
pub fn CardList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let batch = BatchState::new();
    provide_context(batch);
    let lang = state.lang;
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" class="sr-only">{move || t(lang.get(), Key::Results)}</h2>
            <Show when=move || !state.cards.with(Vec::is_empty)>
                <BatchBar/>
            </Show>
            <For each=move || crate::batch::sorted(&state, &batch) key=|c| c.id let:card>
                <ResultCard card=card/>
            </For>
        </section>
    }
}

#[component]
fn ResultCard(card: Card) -> impl IntoView {
    let state = expect_context::<AppState>();
    let batch = expect_context::<BatchState>();
    let lang = state.lang;
    let report = card.report;
    let fetching = card.fetching;
    let id = card.id;
    let verdict_attr =
        move || report.with(|r| r.as_ref().map_or("pending", |r| r.verdict.as_str()));
    let head_class = move || format!("card-head verdict-{}", verdict_attr());
    let card_open = card.open;
    // A memo: a card added elsewhere changes the default, rarely this card's answer.
    let open = Memo::new(move |_| batch.is_open(card_open, &state));
    let shown = move || {
        badge_view::batch::shown(
            report.with(|r| r.as_ref().map(|r| r.verdict)),
            batch.filter.get(),
        )
    };
    let toggle = move |_| card.open.set(Some(!open.get_untracked()));
    // Kept outside the re-rendered body so a language switch does not lose them.
    let earner = RwSignal::new(String::new());
    let earner_result = RwSignal::new(None::<Option<bool>>);
    let name = card.name.clone();
    let input_name = card.name.clone();
    let remove_name = card.name.clone();
    let again_name = card.name.clone();
    let card2 = card.clone();
    view! {
        <article class="card" class:closed=move || !open.get() data-verdict=verdict_attr data-input=input_name
            id=format!("card-{id}") prop:hidden=move || !shown()
            aria-labelledby=format!("card-{id}-status")>
            <div class=head_class id=format!("card-{id}-status")>
                <button type="button" class="card-toggle" aria-expanded=move || open.get().to_string()
                    aria-controls=format!("card-{id}-body") on:click=toggle>
                    <span class="chevron" aria-hidden="true"></span>
                    <span class="card-verdict" role="status" aria-live="polite">
                    {move || match report.with(|r| r.as_ref().map(|r| r.verdict)) {
                        None => view! {
                            <span class="spinner" aria-hidden="true"></span>
                            <span class="progress">
                                {move || fetching.with(|f| {
                                    progress::progress_line(lang.get(), f.as_ref().map(|(p, u)| (*p, u.as_str())))
                                })}
                            </span>
                        }.into_any(),
                        Some(v) => view! {
                            <span class="verdict-icon" aria-hidden="true">{verdict_icon(v)}</span>
                            <span class="verdict-word">{move || verdict_label(lang.get(), v)}</span>
                        }.into_any(),
                    }}
                    </span>
                    {move || (!open.get()).then(|| report.with(|r| r.as_ref().map(|r| row_cells(r, lang.get()))))}
                </button>
                <span class="input-name">{name}</span>
                <button type="button" class="link again" on:click=move |_| state.reverify(id)
                    aria-label=move || format!("{}: {}", t(lang.get(), Key::Reverify), again_name)
                    title=move || t(lang.get(), Key::Reverify)>
                    "↻"
                </button>
                <button type="button" class="link remove" on:click=move |_| state.remove(id)
                    aria-label=move || format!("{}: {}", t(lang.get(), Key::RemoveCard), remove_name)>
                    {crate::icons::icon(crate::icons::CLOSE)}
                </button>
            </div>
            <div class="card-body" id=format!("card-{id}-body")>
                {move || open.get().then(|| report.get().map(|r| view! {
                    <Verdicted report=r card=card2.clone() lang=lang.get() earner=earner earner_result=earner_result/>
                }))}
            </div>
        </article>
    }
}

/// A closed card's head: the badge's name, issuer, earner and issue date, on one row.
fn row_cells(report: &Report, lang: Lang) -> impl IntoView {
    let row = badge_view::batch::Row::of(Some(report));
    let issued = row
        .issued
        .as_deref()
        .map(|d| badge_view::dates::format_date(d, lang));
    view! {
        <span class="row-cells">
            {report.badge.is_some().then(|| view! {
                <span class="row-name">{row.name.clone().unwrap_or_else(|| t(lang, Key::UnnamedBadge).to_string())}</span>
            })}
            {row.issuer.map(|i| view! { <span class="row-issuer">{i}</span> })}
            {row.earner.map(|e| view! { <span class="row-earner">{e}</span> })}
            {issued.map(|d| view! { <span class="row-date">{d}</span> })}
        </span>
    }
}

/// The badge's and the issuer's names as the card shows and shares them.
struct Names {
    badge: String,
    issuer: String,
}

impl Names {
    fn of(badge: &BadgeDisplay, lang: Lang) -> Names {
        Names {
            badge: badge
                .name
                .clone()
                .unwrap_or_else(|| t(lang, Key::UnnamedBadge).to_string()),
            issuer: badge
                .issuer
                .name
                .clone()
                .or(badge.issuer.id.clone())
                .unwrap_or_else(|| t(lang, Key::UnknownIssuer).to_string()),
        }
    }
}

/// The verdict explained, the reason, the notice when the browser was not let read what the
/// badge needs, and the URLs read through `badge-verify serve`'s relay instead.
fn summary(
    report: &Report,
    blocked: Vec<String>,
    relayed: Vec<String>,
    lang: Lang,
) -> impl IntoView {
    let v = report.verdict;
    // A valid badge needs no reason: the plain lines below say what was established. (The
    // count of checks that passed, issue #18's "(21 passed, 1 warning)", is in Details.)
    let reason = (v != Verdict::Valid).then(|| badge_view::detail::render(&report.summary, lang));
    let show_cors = v == Verdict::Unverifiable && !blocked.is_empty();
    let relayed: Vec<String> = relayed
        .into_iter()
        .filter(|u| safe_urls::is_http_url(u))
        .collect();
    view! {
        <p class="summary">
            <strong>{verdict_explain(lang, v)}</strong>" "
            {reason.map(|r| view! { <span class="reason">{t(lang, Key::Reason)}": "{checks::segments(r)}</span> })}
        </p>
        {show_cors.then(|| view! {
            <div class="notice cors" role="note">
                <p><strong>{t(lang, Key::CorsTitle)}</strong></p>
                <p>{t(lang, Key::CorsHelp)}</p>
                <ul>{blocked.iter().filter(|u| safe_urls::is_http_url(u)).map(|u| view! {
                    <li><a href=u.clone() target="_blank" rel="noopener noreferrer nofollow">{u.clone()}</a></li>
                }).collect_view()}</ul>
            </div>
        })}
        {(!relayed.is_empty()).then(|| view! {
            <ul class="notice relayed" role="note">{relayed.into_iter().map(|u| view! {
                <li>{t(lang, Key::Relayed)}": "
                    <a href=u.clone() target="_blank" rel="noopener noreferrer nofollow">{u.clone()}</a></li>
            }).collect_view()}</ul>
        })}
    }
}

#[component]
fn Verdicted(
    report: Report,
    card: Card,
    lang: Lang,
    earner: RwSignal<String>,
    earner_result: RwSignal<Option<Option<bool>>>,
) -> impl IntoView {
    let has_badge = report.badge.is_some();
    let badge = report.badge.clone().unwrap_or_default();
    let names = Names::of(&badge, lang);
    let image = card
        .preview
        .as_ref()
        .map(|p| p.url.clone())
        .or_else(|| badge.image.clone().filter(|u| safe_urls::is_safe_image(u)));
    let has_recipient = badge.recipient.is_some();
    let valid = report.verdict == Verdict::Valid;
    let plain_report = report.clone();
    view! {
        {summary(&report, card.blocked.get_untracked(), card.relayed.get_untracked(), lang).into_any()}
        {move || checks::plain_lines(&plain_report, earner_result.get(), lang)}
        {nested::kind_note(&report, lang).into_any()}
        {nested::link_note(&report, lang).into_any()}
        {has_badge.then(|| badge::claims(&report, &badge, image, &names, lang).into_any())}
        {nested::transcript(&report, lang).into_any()}
        {nested::nested_reports(&report, lang).into_any()}
        {has_recipient.then(|| earner::earner_check(report.clone(), card.id, lang, earner, earner_result).into_any())}
        // A card that is not valid offers nothing to share: no link, no LinkedIn, no download.
        {valid.then(|| share::share_panel(&report, &badge, card.preview.as_ref(), &names, lang).into_any())}
        {checks::check_list(&report, lang).into_any()}
        {checks::expert_view(&report, lang).into_any()}
    }
}
