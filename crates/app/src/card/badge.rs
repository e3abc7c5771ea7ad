//! The badge as it will display: image, name, issuer and how far it is vouched for, earner and
//! dates; then its description, criteria, skills, tags, evidence and endorsements.

use super::text::{markdown_view, safe_link};
use super::Names;
use badge_verifier::report::{BadgeDisplay, Report, Verdict};
use badge_view::i18n::{t, verdict_label, Key, Lang};
use badge_view::trust::{self, IssuerTrust};
use badge_view::{dates, safe_urls};
use leptos::prelude::*;

/// What the badge claims: its head and details; on a card that is not valid, under the banner
/// "Not verified — these claims may be false", muted, the issuer not a link.
pub fn claims(
    report: &Report,
    badge: &BadgeDisplay,
    image: Option<String>,
    names: &Names,
    lang: Lang,
) -> impl IntoView {
    let valid = report.verdict == Verdict::Valid;
    view! {
        <div class=if valid { "claims" } else { "claims unverified" }>
            {(!valid).then(|| view! {
                <p class="not-verified" role="note">
                    <span class="not-verified-icon" aria-hidden="true">"!"</span>
                    {t(lang, Key::NotVerifiedBanner)}
                </p>
            })}
            {badge_head(report, badge, image, names, lang).into_any()}
            {badge_details(badge, lang).into_any()}
        </div>
    }
}

/// Image, name, issuer (with the trust the report establishes), earner and dates.
fn badge_head(
    report: &Report,
    badge: &BadgeDisplay,
    image: Option<String>,
    names: &Names,
    lang: Lang,
) -> impl IntoView {
    // Only a valid card links its issuer: a link on an unproven claim reads as an endorsement.
    let issuer_link = (report.verdict == Verdict::Valid)
        .then(|| badge.issuer.url.clone().or(badge.issuer.id.clone()))
        .flatten();
    let (trust_key, trust_class) = match trust::issuer_trust(report) {
        IssuerTrust::VerifiedKey => (Key::KeyVerified, "trust verified"),
        IssuerTrust::Hosted => (Key::KeyHosted, "trust verified"),
        IssuerTrust::Unverified => (Key::KeyUnverified, "trust unverified"),
    };
    let earner_text = badge.recipient.as_ref().map(|r| {
        if r.hashed {
            t(lang, Key::EarnerHashed).to_string()
        } else {
            let id = r.identity.clone().unwrap_or_default();
            match &r.name {
                Some(n) => format!("{n} ({id})"),
                None => id,
            }
        }
    });
    let dates = |d: &Option<String>| d.as_deref().map(|d| dates::format_date(d, lang));
    let issued = dates(&badge.issued);
    let expires = dates(&badge.expires);
    let name = names.badge.clone();
    let issuer_name = names.issuer.clone();
    view! {
        <div class="badge">
            {image.map(|src| view! { <img class="badge-image" src=src alt="" width="112" height="112"/> })}
            <div class="badge-text">
                <h3 class="badge-name">{name}</h3>
                <p class="issuer">
                    {t(lang, Key::IssuedBy)}" "
                    <strong>{safe_link(issuer_link.as_ref(), issuer_name)}</strong>" "
                    <span class=trust_class>{t(lang, trust_key)}</span>
                </p>
                <dl class="dates">
                    {earner_text.map(|e| view! { <dt>{t(lang, Key::Earner)}</dt><dd class="earner">{e}</dd> })}
                    {issued.map(|d| view! { <dt>{t(lang, Key::IssuedOn)}</dt><dd>{d}</dd> })}
                    {expires.map(|d| view! { <dt>{t(lang, Key::Expires)}</dt><dd>{d}</dd> })}
                </dl>
            </div>
        </div>
    }
}

/// Description, criteria, skills, tags, evidence and endorsements: all badge text, as text.
fn badge_details(badge: &BadgeDisplay, lang: Lang) -> impl IntoView {
    let description = badge.description.clone();
    let criteria = badge.criteria.clone();
    let alignments = badge.alignments.clone();
    let tags = badge.tags.clone();
    let evidence = badge.evidence.clone();
    let endorsements = badge.endorsements.clone();
    view! {
        <div class="details">
            {description.map(|d| view! {
                <section><h4>{t(lang, Key::Description)}</h4><p class="description">{d}</p></section>
            })}
            {criteria.filter(|c| c.narrative.is_some() || c.url.is_some()).map(|c| view! {
                <section class="criteria"><h4>{t(lang, Key::Criteria)}</h4>
                    <div class="narrative">{c.narrative.as_deref().map(markdown_view)}</div>
                    {c.url.clone().filter(|u| safe_urls::is_http_url(u)).map(|u| view! {
                        <p><a href=u target="_blank" rel="noopener noreferrer nofollow">{t(lang, Key::CriteriaPage)}</a></p>
                    })}
                </section>
            })}
            {(!alignments.is_empty()).then(|| view! {
                <section><h4>{t(lang, Key::Skills)}</h4><ul class="plain">
                    {alignments.iter().map(|a| {
                        let label = a.name.clone().or(a.code.clone()).unwrap_or_default();
                        let extra = [a.framework.clone(), a.code.clone()].into_iter().flatten().collect::<Vec<_>>().join(" · ");
                        view! { <li>{safe_link(a.url.as_ref(), label)}
                            {(!extra.is_empty()).then(|| view! { <span class="muted">" — "{extra}</span> })}
                            {a.description.clone().map(|d| view! { <span class="muted">" "{d}</span> })}</li> }
                    }).collect_view()}
                </ul></section>
            })}
            {(!tags.is_empty()).then(|| view! {
                <section><h4>{t(lang, Key::Tags)}</h4><ul class="tags">
                    {tags.iter().map(|g| view! { <li>{g.clone()}</li> }).collect_view()}
                </ul></section>
            })}
            {(!evidence.is_empty()).then(|| view! {
                <section><h4>{t(lang, Key::Evidence)}</h4><ul class="plain">
                    {evidence.iter().map(|e| {
                        let label = e.name.clone().or(e.url.clone()).unwrap_or_else(|| "—".into());
                        view! { <li>{safe_link(e.url.as_ref(), label)}
                            {e.description.clone().map(|d| view! { <span class="muted">" "{d}</span> })}
                            {e.narrative.as_deref().map(|n| view! { <div class="narrative">{markdown_view(n)}</div> })}</li> }
                    }).collect_view()}
                </ul></section>
            })}
            {(!endorsements.is_empty()).then(|| view! {
                <section><h4>{t(lang, Key::Endorsements)}</h4><ul class="plain">
                    {endorsements.iter().map(|e| {
                        let who = e.issuer_name.clone().or(e.issuer_id.clone()).unwrap_or_default();
                        view! { <li><strong>{who}</strong>
                            {e.verdict.map(|v| view! { <span class="muted">" ("{verdict_label(lang, v)}")"</span> })}
                            {e.comment.clone().map(|c| view! { <div class="narrative">{markdown_view(&c)}</div> })}</li> }
                    }).collect_view()}
                </ul></section>
            })}
        </div>
    }
}
