//! The page as an installed app (issue #18): the light/dark switch and the notice that the
//! page is offline. The service worker and the manifest are plain files (public/pwa.js,
//! scripts/sw-manifest.mjs); nothing here decides about badges.

use crate::icons;
use badge_view::i18n::{t, Key, Lang};
use leptos::prelude::*;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/theme.js")]
extern "C" {
    #[wasm_bindgen(js_name = isDark)]
    fn is_dark() -> bool;
    #[wasm_bindgen(js_name = setDark)]
    fn set_dark(dark: bool);
}

/// A toggle button: pressed is the dark theme. The first state is the stored choice, else the
/// system's.
#[component]
pub fn ThemeSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    let dark = RwSignal::new(is_dark());
    view! {
        <button type="button" class="icon-button theme-switch" id="theme-switch"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            aria-label=move || t(lang.get(), Key::DarkTheme)
            title=move || t(lang.get(), Key::DarkTheme)
            on:click=move |_| {
                let d = !dark.get_untracked();
                set_dark(d);
                dark.set(d);
            }>
            {icons::icon(icons::MOON)}
        </button>
    }
}

/// "You are offline" and what that means, while the browser says it has no network.
#[component]
pub fn OfflineNotice(lang: RwSignal<Lang>) -> impl IntoView {
    let on_line = || web_sys::window().is_none_or(|w| w.navigator().on_line());
    let offline = RwSignal::new(!on_line());
    let _on = window_event_listener(leptos::ev::online, move |_| offline.set(false));
    let _off = window_event_listener(leptos::ev::offline, move |_| offline.set(true));
    view! {
        <div class="offline-notice" role="status" aria-live="polite">
            {move || offline.get().then(|| view! {
                <p>{icons::icon(icons::OFFLINE)}
                    <strong>{t(lang.get(), Key::Offline)}</strong>" "{t(lang.get(), Key::OfflineHelp)}</p>
            })}
        </div>
    }
}
