//! The Leptos UI (browser only). It calls the core's [`crate::verify`] and renders its
//! [`crate::report::Report`]; it decides nothing about badges itself.

mod card;
mod inputs;

use crate::i18n::{t, Key, Lang};
use crate::report::Report;
use crate::resolve::browser::BrowserFetcher;
use crate::resolve::fetch::FetchLimits;
use crate::verify::{verify, Input, Options};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// One result card: the input's name, a preview image URL, and the report once it is ready.
#[derive(Clone)]
pub struct Card {
    pub id: usize,
    pub name: String,
    /// An object URL of the dropped image itself (the badge as baked), if it is one.
    pub preview: Option<String>,
    pub report: RwSignal<Option<Report>>,
}

/// App-wide state shared with the child components.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub cards: RwSignal<Vec<Card>>,
    next_id: StoredValue<usize>,
}

impl AppState {
    /// Adds a card for `input` and verifies it in the background.
    pub fn start(&self, input: Input, preview: Option<String>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let report = RwSignal::new(None);
        let name = input.name().to_string();
        self.cards.update(|c| {
            c.insert(
                0,
                Card {
                    id,
                    name,
                    preview,
                    report,
                },
            )
        });
        spawn_local(async move {
            let fetcher = FETCHER.with(std::rc::Rc::clone);
            let opts = Options::at(now());
            let r = verify(&input, &*fetcher, &opts).await;
            report.set(Some(r));
        });
    }
}

thread_local! {
    /// One cache for the page's lifetime: badges from one issuer share its profile, keys and
    /// status lists (only successful responses are kept; bounded in bytes).
    static FETCHER: std::rc::Rc<crate::resolve::cache::CachingFetcher<BrowserFetcher>> =
        std::rc::Rc::new(crate::resolve::cache::CachingFetcher::new(BrowserFetcher::new(
            FetchLimits::default(),
        )));
}

fn now() -> chrono::DateTime<chrono::Utc> {
    let ms = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

fn browser_lang() -> Lang {
    let tag = web_sys::window()
        .and_then(|w| w.navigator().language())
        .unwrap_or_default();
    Lang::from_tag(&tag)
}

#[component]
pub fn App() -> impl IntoView {
    let state = AppState {
        lang: RwSignal::new(browser_lang()),
        cards: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
    };
    provide_context(state);
    let lang = state.lang;
    Effect::new(move |_| {
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = el.set_attribute("lang", lang.get().tag());
        }
    });
    // A deep link `?url=…` verifies that URL at once.
    if let Some(url) = query_param("url") {
        state.start(Input::Url(url), None);
    }
    view! {
        <header class="top">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◈"</span>
                <div>
                    <h1>{move || t(lang.get(), Key::Title)}</h1>
                    <p class="tagline">{move || t(lang.get(), Key::Tagline)}</p>
                </div>
            </div>
            <button class="lang-switch" type="button"
                on:click=move |_| lang.update(|l| *l = if *l == Lang::En { Lang::ZhTw } else { Lang::En })>
                {move || t(lang.get(), Key::LanguageSwitch)}
            </button>
        </header>
        <main>
            <inputs::InputPanel/>
            <card::CardList/>
        </main>
        <footer>
            <p>{move || t(lang.get(), Key::Privacy)}</p>
        </footer>
    }
}

fn query_param(name: &str) -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|s| !s.trim().is_empty())
}
