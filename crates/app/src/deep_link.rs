//! A deep link that cannot be verified (issue #18): a `#credential=` cut off when it was copied,
//! a `?url=` that is not a web address. The page says what is wrong in a card of its own
//! instead of showing nothing. What is wrong, and the words for it, are decided in the view
//! crate (`badge_view::share::deep_links`, `LinkProblem::key`).

use crate::icons;
use badge_verifier::report::Verdict;
use badge_view::i18n::{t, Key, Lang};
use badge_view::share::LinkProblem;
use leptos::prelude::*;

/// One card per broken link, made once when the page opens (the words follow the language).
pub fn link_errors(lang: RwSignal<Lang>, problems: Vec<LinkProblem>) -> impl IntoView {
    problems
        .into_iter()
        .map(|p| {
            let key = p.key();
            let value = match p {
                LinkProblem::UrlNotHttp(v) => Some(view! { " "<code class="mono">{v}</code> }),
                _ => None,
            };
            view! {
                <div class="card link-error" role="alert" data-verdict="error">
                    <div class="card-head verdict-error">
                        <span class="verdict-icon">{icons::verdict_icon(Verdict::Error)}</span>
                        <span class="verdict-word">{move || t(lang.get(), Key::LinkBroken)}</span>
                    </div>
                    <p class="summary">{move || t(lang.get(), key)}{value}</p>
                </div>
            }
        })
        .collect_view()
}
