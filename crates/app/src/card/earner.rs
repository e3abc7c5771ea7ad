//! "Check the earner": a recruiter types an e-mail (or URL, DID …) and learns whether the badge
//! names them, by the core's one recipient rule ([`recipient::earner_matches`]).

use badge_verifier::recipient;
use badge_verifier::report::Report;
use badge_view::i18n::{t, Key, Lang};
use leptos::prelude::*;

/// The form for card `id`. `earner` and `earner_result` belong to the card, so a language switch
/// (which renders this again) keeps what was typed and answered.
pub fn earner_check(
    report: Report,
    id: usize,
    lang: Lang,
    earner: RwSignal<String>,
    earner_result: RwSignal<Option<Option<bool>>>,
) -> impl IntoView {
    let on_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = earner.get_untracked();
        earner_result.set(Some(recipient::earner_matches(&report, &given)));
    };
    view! {
        <form class="earner-check" on:submit=on_check>
            <h4>{t(lang, Key::CheckEarner)}</h4>
            <label for=format!("earner-{id}")>{t(lang, Key::CheckEarnerLabel)}</label>
            <div class="paste-row">
                <input id=format!("earner-{id}") class="earner-input" type="text" autocomplete="off" spellcheck="false"
                    prop:value=move || earner.get()
                    on:input=move |ev| { earner.set(event_target_value(&ev)); earner_result.set(None); }/>
                <button type="submit" class="button">{t(lang, Key::CheckButton)}</button>
            </div>
            <p class="earner-result" aria-live="polite"
                data-match=move || match earner_result.get() {
                    None => "",
                    Some(None) => "unknown",
                    Some(Some(true)) => "true",
                    Some(Some(false)) => "false",
                }>
                {move || earner_result.get().map(|m| match m {
                    Some(true) => view! { <span class="ok">{crate::icons::icon(crate::icons::CHECK)}" "{t(lang, Key::EarnerMatch)}</span> }.into_any(),
                    Some(false) => view! { <span class="bad">{crate::icons::icon(crate::icons::CLOSE)}" "{t(lang, Key::EarnerNoMatch)}</span> }.into_any(),
                    None => view! { <span>{t(lang, Key::EarnerCannot)}</span> }.into_any(),
                })}
            </p>
        </form>
    }
}
