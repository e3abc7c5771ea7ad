//! Many badges at once (issue #18): the bar above the cards — how many have each verdict (each
//! count a filter), the order, open or close every card, every report downloaded as JSON lines
//! or CSV, verify all again, clear. Counting, order and files are [`badge_view::batch`]'s.

use super::{AppState, Card};
use crate::icons::verdict_icon;
use badge_verifier::report::{Report, Verdict};
use badge_view::batch::{self, Row, SortBy, Tally};
use badge_view::i18n::{t, Key, Lang};
use leptos::prelude::*;

/// More cards than this start closed: the list of their heads is the overview.
const OPEN_UP_TO: usize = 10;

/// How the list is shown: order, filter, and every card opened or closed at once.
#[derive(Clone, Copy)]
pub struct BatchState {
    pub sort: RwSignal<SortBy>,
    pub filter: RwSignal<Option<Verdict>>,
    /// Set by "expand all" / "collapse all"; `None`: by the number of cards.
    pub open_all: RwSignal<Option<bool>>,
}

impl BatchState {
    pub fn new() -> BatchState {
        BatchState {
            sort: RwSignal::new(SortBy::Chosen),
            filter: RwSignal::new(None),
            open_all: RwSignal::new(None),
        }
    }

    /// Whether a card whose own choice is `open` is open (reactive).
    pub fn is_open(&self, open: RwSignal<Option<bool>>, state: &AppState) -> bool {
        open.get()
            .or(self.open_all.get())
            .unwrap_or_else(|| state.cards.with(Vec::len) <= OPEN_UP_TO)
    }
}

/// The cards in the order chosen by the list's sort (reactive: verdicts move them).
pub fn sorted(state: &AppState, batch: &BatchState) -> Vec<Card> {
    let cards = state.cards.get();
    let by = batch.sort.get();
    if by == SortBy::Chosen {
        return cards;
    }
    let rows: Vec<Row> = cards
        .iter()
        .map(|c| c.report.with(|r| Row::of(r.as_ref())))
        .collect();
    batch::order(&rows, by)
        .into_iter()
        .map(|i| cards[i].clone())
        .collect()
}

/// The finished reports, in the order chosen.
fn reports(state: &AppState) -> Vec<Report> {
    state
        .cards
        .with_untracked(|c| c.iter().filter_map(|c| c.report.get_untracked()).collect())
}

/// A download link made when clicked: `make` gives the file's text at that moment.
fn download_link(
    lang: RwSignal<Lang>,
    key: Key,
    class: &'static str,
    file: &'static str,
    mime: &'static str,
    make: fn(&[&Report]) -> String,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let all = reports(&state);
        let refs: Vec<&Report> = all.iter().collect();
        let text = make(&refs);
        let url = crate::dom::blob_url(text.as_bytes(), mime);
        let el = ev
            .current_target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        match (url, el) {
            // The link's own activation reads the address set here (the object URL lives as
            // long as the page, like the share panel's).
            (Some(url), Some(el)) => {
                let _ = el.set_attribute("href", &url);
            }
            _ => ev.prevent_default(),
        }
    };
    view! {
        <a class=format!("button {class}") href="#" download=file on:click=on_click>
            {move || t(lang.get(), key)}
        </a>
    }
}

fn jsonl(r: &[&Report]) -> String {
    batch::json_lines(r)
}

fn csv(r: &[&Report]) -> String {
    // A byte-order mark, so spreadsheets read the names as UTF-8.
    format!("\u{feff}{}", batch::csv(r))
}

#[component]
pub fn BatchBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let batch = expect_context::<BatchState>();
    let lang = state.lang;
    let tally = move || {
        state.cards.with(|c| {
            Tally::of(
                c.iter()
                    .map(|c| c.report.with(|r| r.as_ref().map(|r| r.verdict))),
            )
        })
    };
    let many = move || state.cards.with(Vec::len) > 1;
    let filter = batch.filter;
    let all_pressed = move || filter.get().is_none();
    let tallies = move || {
        let l = lang.get();
        let tl = tally();
        let mut parts: Vec<(Option<Verdict>, String)> =
            tl.parts(l).into_iter().map(|(v, s)| (Some(v), s)).collect();
        if tl.pending > 0 {
            parts.push((None, batch::count_words(l, None, tl.pending)));
        }
        parts
            .into_iter()
            .map(|(v, words)| match v {
                Some(v) => view! {
                    <li><button type="button" class=format!("tally verdict-{}", v.as_str())
                        data-verdict=v.as_str()
                        aria-pressed=move || (filter.get() == Some(v)).to_string()
                        on:click=move |_| filter.update(|f| *f = if *f == Some(v) { None } else { Some(v) })>
                        <span class="tally-icon" aria-hidden="true">{verdict_icon(v)}</span>{words}
                    </button></li>
                }
                .into_any(),
                None => view! { <li class="tally pending">{words}</li> }.into_any(),
            })
            .collect_view()
    };
    view! {
        <div class="batch-bar" class:single=move || !many() role="region" aria-label=move || t(lang.get(), Key::BatchSummary)>
            <ul class="tallies" aria-live="polite">
                <li><button type="button" class="tally all" aria-pressed=move || all_pressed().to_string()
                    on:click=move |_| filter.set(None)>
                    {move || t(lang.get(), Key::ShowAll)}" "{move || tally().total()}
                </button></li>
                {tallies}
            </ul>
            <p class="sr-only" id="batch-summary">{move || tally().line(lang.get())}</p>
            <div class="batch-actions">
                    <label class="sort many-only">{move || t(lang.get(), Key::SortBy)}" "
                        <select id="sort" on:change=move |ev| batch.sort.set(SortBy::parse(&event_target_value(&ev)))>
                            {move || SortBy::ALL.into_iter().map(|s| {
                                let l = lang.get();
                                view! { <option value=s.as_str() selected=batch.sort.get_untracked() == s>{s.label(l)}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                    <button type="button" class="button many-only" id="expand-all" on:click=move |_| {
                        batch.open_all.set(Some(true));
                        state.cards.with_untracked(|c| c.iter().for_each(|c| c.open.set(None)));
                    }>{move || t(lang.get(), Key::ExpandAll)}</button>
                    <button type="button" class="button many-only" id="collapse-all" on:click=move |_| {
                        batch.open_all.set(Some(false));
                        state.cards.with_untracked(|c| c.iter().for_each(|c| c.open.set(None)));
                    }>{move || t(lang.get(), Key::CollapseAll)}</button>
                {download_link(lang, Key::DownloadAllJson, "download-jsonl", "badge-reports.jsonl", "application/jsonl", jsonl)}
                {download_link(lang, Key::DownloadAllCsv, "download-csv", "badge-reports.csv", "text/csv", csv)}
                <button type="button" class="button" id="reverify-all" on:click=move |_| state.reverify_all()>
                    {move || t(lang.get(), Key::ReverifyAll)}
                </button>
                <button type="button" class="link" id="clear-all" on:click=move |_| { filter.set(None); state.cards.set(Vec::new()); }>
                    {move || t(lang.get(), Key::ClearAll)}
                </button>
            </div>
        </div>
    }
}
