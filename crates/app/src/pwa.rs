//! The page as an installed app (issue #18): the light/dark switch and the notice that the
//! page is offline. Their browser plumbing (the stored theme, the switch's clicks, online and
//! offline events) is in public/pwa.js; the service worker and the manifest are plain files
//! (scripts/sw-manifest.mjs). Nothing here decides about badges.

use crate::icons;
use badge_view::i18n::{t, Key, Lang};
use leptos::prelude::*;

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/theme.js")]
extern "C" {
    #[wasm_bindgen(js_name = isDark)]
    fn is_dark() -> bool;
}

/// A toggle button, pressed for the dark theme: first the stored choice, else the system's.
/// public/pwa.js handles its clicks.
#[component]
pub fn ThemeSwitch(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <button type="button" class="icon-button theme-switch" id="theme-switch"
            aria-pressed=if is_dark() { "true" } else { "false" }
            aria-label=move || t(lang.get(), Key::DarkTheme)
            title=move || t(lang.get(), Key::DarkTheme)>
            {icons::icon(icons::MOON)}
        </button>
    }
}

/// "You are offline" and what that means: shown by the stylesheet while `<html>` has
/// `data-offline` (public/pwa.js sets it from `navigator.onLine` and its events).
#[component]
pub fn OfflineNotice(lang: RwSignal<Lang>) -> impl IntoView {
    view! {
        <p class="offline-notice" role="status">{icons::icon(icons::OFFLINE)}
            <strong>{move || t(lang.get(), Key::Offline)}</strong>" "{move || t(lang.get(), Key::OfflineHelp)}</p>
    }
}
