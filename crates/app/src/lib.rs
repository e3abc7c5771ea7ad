//! The Leptos UI (browser only). It calls the core's [`badge_verifier::verify`] and renders its
//! [`badge_verifier::report::Report`]; it decides nothing about badges itself. Everything that is not
//! rendering (links, dates, Markdown, file kinds) is in [`badge_view`], tested natively.

#![cfg(target_arch = "wasm32")]

mod batch;
mod card;
mod deep_link;
mod dom;
mod fetcher;
pub mod icons;
mod inputs;
mod pwa;
mod suites;
mod timing;
mod zh_tables;

use badge_verifier::report::Report;
use badge_verifier::resolve::fetch::{FetchError, FetchLimits, FetchPurpose, Fetcher, Response};
use badge_verifier::verify::{verify, Input, Options};
use badge_view::file_kind::ImageKind;
use badge_view::i18n::{t, Key, Lang};
use badge_view::share;
use fetcher::BrowserFetcher;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// One result card: the input, a preview of the dropped image, progress while verifying, and
/// the report once it is ready.
#[derive(Clone)]
pub struct Card {
    pub id: usize,
    pub name: String,
    pub input: Arc<Input>,
    /// The dropped image itself (the badge as baked), if it is one.
    pub preview: Option<Preview>,
    /// What is being fetched right now, as the core said, and its URL (for the progress line).
    pub fetching: RwSignal<Option<(FetchPurpose, String)>>,
    /// URLs the browser could not read: network error or no CORS headers.
    pub blocked: RwSignal<Vec<String>>,
    /// URLs the browser could not read itself, fetched through `badge-verify serve`'s relay.
    pub relayed: RwSignal<Vec<String>>,
    pub report: RwSignal<Option<Report>>,
    /// Whether the card is open; `None` follows the list (open for a few cards, closed for many).
    pub open: RwSignal<Option<bool>>,
    /// Which verification of this card is the latest (a re-verify outdates the one running).
    run: StoredValue<usize>,
}

/// A dropped badge image: an object URL of its bytes, and what image it is (for the download's
/// file name).
#[derive(Clone)]
pub struct Preview {
    pub url: String,
    pub kind: ImageKind,
}

/// App-wide state shared with the child components.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub cards: RwSignal<Vec<Card>>,
    next_id: StoredValue<usize>,
    /// Plain http is allowed only when the page itself is served from loopback (tests, dev).
    allow_http: bool,
}

/// The browser fetcher, reporting each URL before it is fetched and each one the browser would
/// not let the page read (progress and the CORS explanation, without touching the core).
struct ProgressFetcher {
    /// The page's shared cache: badges from one issuer share its profile, keys and lists.
    inner: std::rc::Rc<badge_verifier::resolve::cache::CachingFetcher<BrowserFetcher>>,
    fetching: RwSignal<Option<(FetchPurpose, String)>>,
    blocked: RwSignal<Vec<String>>,
    relayed: RwSignal<Vec<String>>,
}

impl Fetcher for ProgressFetcher {
    async fn get(
        &self,
        url: &str,
        purpose: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        self.fetching.set(Some((purpose, url.to_string())));
        let r = self.inner.get(url, purpose, time_left_ms).await;
        match &r {
            Err(FetchError::Network(_)) => self.blocked.update(|b| b.push(url.to_string())),
            Ok(_) if self.inner.inner().was_relayed(url) => self.relayed.update(|v| {
                if !v.iter().any(|u| u == url) {
                    v.push(url.to_string())
                }
            }),
            _ => {}
        }
        r
    }
}

impl AppState {
    /// Adds a card for `input` and verifies it in the background.
    pub fn start(&self, input: Input, preview: Option<Preview>) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let card = Card {
            id,
            name: input.name().to_string(),
            input: Arc::new(input),
            preview,
            fetching: RwSignal::new(None),
            blocked: RwSignal::new(Vec::new()),
            relayed: RwSignal::new(Vec::new()),
            report: RwSignal::new(None),
            open: RwSignal::new(None),
            run: StoredValue::new(0),
        };
        self.cards.update(|c| c.push(card.clone()));
        self.run(card);
    }

    /// Verifies card `id` again, with fresh documents (a badge revoked since is seen revoked).
    pub fn reverify(&self, id: usize) {
        FETCHER.with(|f| f.clear());
        if let Some(card) = self
            .cards
            .with_untracked(|c| c.iter().find(|c| c.id == id).cloned())
        {
            self.run(card);
        }
    }

    /// Verifies every card again, with fresh documents.
    pub fn reverify_all(&self) {
        FETCHER.with(|f| f.clear());
        for card in self.cards.get_untracked() {
            self.run(card);
        }
    }

    /// Verifies `card` in the background; a later run of the same card wins.
    fn run(&self, card: Card) {
        let id = card.id;
        let run = card.run.get_value() + 1;
        card.run.set_value(run);
        card.report.set(None);
        card.blocked.set(Vec::new());
        card.relayed.set(Vec::new());
        let allow_http = self.allow_http;
        spawn_local(async move {
            let fetcher = ProgressFetcher {
                inner: FETCHER.with(std::rc::Rc::clone),
                fetching: card.fetching,
                blocked: card.blocked,
                relayed: card.relayed,
            };
            let mut opts = Options::at(now());
            opts.allow_http = allow_http;
            let span = timing::Span::start(format!("verify:{id}"));
            let mut r = verify(&card.input, &fetcher, &opts).await;
            span.end();
            // What this page's WebAssembly leaves to an on-demand module: load it, and verify
            // again (the documents come from the page's cache). At most both modules, once each.
            if suites::needed_by(&r).is_some() {
                let span = timing::Span::start(format!("suites-verify:{id}"));
                let mut loaded = Vec::new();
                while let Some(module) = suites::needed_by(&r) {
                    if loaded.contains(&module) || !suites::load(module).await {
                        break;
                    }
                    loaded.push(module);
                    r = verify(&card.input, &fetcher, &opts).await;
                }
                span.end();
            }
            // A card removed, or verified again since, takes no answer from this run.
            if card.run.try_get_value() == Some(run) {
                card.fetching.set(None);
                card.report.set(Some(r));
            }
        });
    }

    pub fn remove(&self, id: usize) {
        self.cards.update(|c| c.retain(|card| card.id != id));
    }
}

thread_local! {
    /// One cache for the page's lifetime: badges from one issuer share its profile, keys and
    /// status lists (only successful responses are kept; bounded in bytes).
    static FETCHER: std::rc::Rc<badge_verifier::resolve::cache::CachingFetcher<BrowserFetcher>> =
        std::rc::Rc::new(badge_verifier::resolve::cache::CachingFetcher::new(BrowserFetcher::new(
            FetchLimits::default(),
        )));
}

/// Mounts the app on `<body>`; marks `app-start` and `app-mounted` for the load-time benchmark.
pub fn mount() {
    timing::mark("app-start");
    leptos::mount::mount_to_body(App);
    timing::mark("app-mounted");
    // One verification of a bundled sample while the page is idle, so the first badge dropped
    // does not pay for compiling JSON-LD contexts and the WebAssembly it runs.
    leptos::prelude::request_idle_callback(|| {
        thread_local!(static DONE: std::cell::Cell<bool> = const { std::cell::Cell::new(false) });
        if !DONE.with(|d| d.replace(true)) {
            // The cards' own fetcher type, so the warmed code is theirs (nothing is fetched).
            let fetcher = ProgressFetcher {
                inner: FETCHER.with(std::rc::Rc::clone),
                fetching: RwSignal::new(None),
                blocked: RwSignal::new(Vec::new()),
                relayed: RwSignal::new(Vec::new()),
            };
            let _ = badge_verifier::verify::warm_up::warm_up(&fetcher, now());
            timing::mark("warm-up");
        }
    });
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

fn served_from_loopback() -> bool {
    let host = dom::location().and_then(|l| l.hostname().ok());
    matches!(
        host.as_deref(),
        Some("127.0.0.1" | "localhost" | "[::1]" | "::1")
    )
}

#[component]
pub fn App() -> impl IntoView {
    let lang = query_param("lang")
        .map(|l| Lang::from_tag(&l))
        .unwrap_or_else(browser_lang);
    let state = AppState {
        lang: RwSignal::new(lang),
        cards: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(0),
        allow_http: served_from_loopback(),
    };
    provide_context(state);
    let lang = state.lang;
    zh_tables::load_when_needed(lang);
    Effect::new(move |_| {
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(el) = doc.document_element() {
                let _ = el.set_attribute("lang", lang.get().tag());
            }
            doc.set_title(t(lang.get(), Key::Title));
        }
    });
    // Deep links: `?url=…` verifies that URL, `#credential=…` the credential it carries; a
    // broken one gets a card saying what is wrong (issue #18).
    let mut link_problems = Vec::new();
    let (search, hash) = dom::location()
        .map(|l| (l.search().unwrap_or_default(), l.hash().unwrap_or_default()))
        .unwrap_or_default();
    for link in share::deep_links(&search, &hash) {
        match link {
            share::DeepLink::Url(url) => state.start(Input::Url(url), None),
            share::DeepLink::Credential(bytes) => state.start(
                Input::Bytes {
                    name: "#credential".into(),
                    bytes,
                },
                None,
            ),
            share::DeepLink::Broken(p) => link_problems.push(p),
        }
    }
    view! {
        <header class="top">
            <div class="brand">
                {icons::logo()}
                <div>
                    <h1>{move || t(lang.get(), Key::Title)}</h1>
                    <p class="tagline">{move || t(lang.get(), Key::Tagline)}</p>
                </div>
            </div>
            <div class="top-controls">
                <pwa::ThemeSwitch lang=lang/>
                <button class="lang-switch" type="button" id="lang-switch"
                    aria-label=move || t(lang.get(), Key::LanguageButton)
                    on:click=move |_| lang.update(|l| *l = if *l == Lang::En { Lang::ZhTw } else { Lang::En })>
                    {icons::icon(icons::GLOBE)}
                    <span lang=move || if lang.get() == Lang::En { "zh-TW" } else { "en" }>
                        {move || t(lang.get(), Key::LanguageSwitch)}
                    </span>
                </button>
            </div>
        </header>
        <main>
            <pwa::OfflineNotice lang=lang/>
            <inputs::InputPanel/>
            {deep_link::link_errors(lang, link_problems)}
            <card::CardList/>
        </main>
        <footer>
            <p>{move || t(lang.get(), Key::Privacy)}</p>
        </footer>
    }
}

fn query_param(name: &str) -> Option<String> {
    let search = dom::location()?.search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    params.get(name).filter(|s| !s.trim().is_empty())
}
