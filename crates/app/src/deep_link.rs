//! A deep link that cannot be verified (issue #18): a `#credential=` cut off when it was copied,
//! a `?url=` that is not a web address. The page says what is wrong in a card of its own
//! instead of showing nothing. What is wrong is decided in `badge_view::share::deep_links`.

use crate::icons;
use badge_verifier::report::Verdict;
use badge_view::i18n::{t, Key, Lang};
use badge_view::share::LinkProblem;
use leptos::prelude::*;

#[component]
pub fn LinkErrors(lang: RwSignal<Lang>, problems: RwSignal<Vec<LinkProblem>>) -> impl IntoView {
    view! {
        {move || problems.get().into_iter().enumerate().map(|(i, p)| {
            let lang = lang.get();
            let (text, value) = match p {
                LinkProblem::UrlEmpty => (t(lang, Key::LinkUrlEmpty), None),
                LinkProblem::UrlNotHttp(v) => (t(lang, Key::LinkUrlNotHttp), Some(v)),
                LinkProblem::CredentialEmpty => (t(lang, Key::LinkCredentialEmpty), None),
                LinkProblem::CredentialNotBase64 => (t(lang, Key::LinkCredentialNotBase64), None),
                LinkProblem::CredentialCutOff => (t(lang, Key::LinkCredentialCutOff), None),
            };
            view! {
                <div class="card link-error" role="alert" data-verdict="error">
                    <div class="card-head verdict-error">
                        <span class="verdict-icon">{icons::verdict_icon(Verdict::Error)}</span>
                        <span class="verdict-word">{t(lang, Key::LinkBroken)}</span>
                        <button type="button" class="link remove dismiss" aria-label=t(lang, Key::RemoveCard)
                            on:click=move |_| problems.update(|v| { v.remove(i); })>
                            {icons::icon(icons::CLOSE)}
                        </button>
                    </div>
                    <p class="summary">{text}{value.map(|v| view! { " "<code class="mono">{v}</code> })}</p>
                </div>
            }
        }).collect_view()}
    }
}
