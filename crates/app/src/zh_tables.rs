//! The zh-TW check details (issue #18) are not in the first load: when the reader's language
//! is zh-TW, the app fetches the table the build named in `<meta name="zh-tw-details">` once,
//! installs it in the view, and re-renders. Until then a detail reads in English; the verdict,
//! the plain lines and every UI string are already Chinese.

use badge_view::detail::{install_zh_tw, zh_tw_ready};
use badge_view::i18n::Lang;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// Fetches the table the first time zh-TW is shown, then notifies `lang` so cards re-render.
pub fn load_when_needed(lang: RwSignal<Lang>) {
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if lang.get() != Lang::ZhTw || zh_tw_ready() || asked.get_value() {
            return;
        }
        asked.set_value(true);
        spawn_local(async move {
            let Some(name) = table_name() else { return };
            let Ok(resp) = gloo_net::http::Request::get(&name).send().await else {
                asked.set_value(false);
                return;
            };
            if !resp.ok() {
                return;
            }
            if let Ok(text) = resp.text().await {
                if install_zh_tw(text) > 0 {
                    lang.notify();
                }
            }
        });
    });
}

fn table_name() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    let meta = doc
        .query_selector("meta[name=zh-tw-details]")
        .ok()
        .flatten()?;
    let name = meta.get_attribute("content")?;
    // Our own build's file name: same origin, nothing else.
    let ok = name.starts_with("zh-TW-")
        && name.ends_with(".txt")
        && name[6..name.len() - 4]
            .bytes()
            .all(|b| b.is_ascii_hexdigit());
    ok.then(|| format!("./{name}"))
}
