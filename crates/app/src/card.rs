//! One card per input: progress, then the verdict (colour, icon and words, with the reason),
//! the badge as it will display, "check the earner", share actions, the check list and an
//! expert view. Badge text is always rendered as text nodes, never as markup.

use super::{dom, AppState, Card};
use badge_verifier::recipient;
use badge_verifier::report::{Outcome, Report, Verdict};
use badge_view::i18n::{
    check_topic, t, valid_summary, verdict_explain, verdict_icon, verdict_label, Key, Lang,
};
use badge_view::markdown::{Block, Inline};
use badge_view::progress;
use badge_view::trust::IssuerTrust;
use badge_view::{dates, file_kind, markdown, qr, safe_urls, share, trust};
use leptos::prelude::*;
use leptos::task::spawn_local;

#[component]
pub fn CardList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    view! {
        <section class="results" aria-labelledby="results-title">
            <h2 id="results-title" class="sr-only">{move || t(lang.get(), Key::Results)}</h2>
            <Show when=move || !state.cards.with(Vec::is_empty)>
                <div class="results-bar">
                    <button type="button" class="link" id="clear-all" on:click=move |_| state.cards.set(Vec::new())>
                        {move || t(lang.get(), Key::ClearAll)}
                    </button>
                </div>
            </Show>
            <For each=move || state.cards.get() key=|c| c.id let:card>
                <ResultCard card=card/>
            </For>
        </section>
    }
}

#[component]
fn ResultCard(card: Card) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let report = card.report;
    let fetching = card.fetching;
    let id = card.id;
    let verdict_attr =
        move || report.with(|r| r.as_ref().map_or("pending", |r| r.verdict.as_str()));
    let head_class = move || format!("card-head verdict-{}", verdict_attr());
    // Kept outside the re-rendered body so a language switch does not lose them.
    let earner = RwSignal::new(String::new());
    let earner_result = RwSignal::new(None::<Option<bool>>);
    let name = card.name.clone();
    let input_name = card.name.clone();
    let remove_name = card.name.clone();
    let card2 = card.clone();
    view! {
        <article class="card" data-verdict=verdict_attr data-input=input_name
            aria-labelledby=format!("card-{id}-status")>
            <div class=head_class id=format!("card-{id}-status") role="status" aria-live="polite">
                {move || match report.with(|r| r.as_ref().map(|r| r.verdict)) {
                    None => view! {
                        <span class="spinner" aria-hidden="true"></span>
                        <span class="progress">
                            {move || fetching.with(|f| {
                                progress::progress_line(lang.get(), f.as_ref().map(|(p, u)| (*p, u.as_str())))
                            })}
                        </span>
                    }.into_any(),
                    Some(v) => view! {
                        <span class="verdict-icon" aria-hidden="true">{verdict_icon(v)}</span>
                        <span class="verdict-word">{move || verdict_label(lang.get(), v)}</span>
                    }.into_any(),
                }}
                <span class="input-name">{name}</span>
                <button type="button" class="link remove" on:click=move |_| state.remove(id)
                    aria-label=move || format!("{}: {}", t(lang.get(), Key::RemoveCard), remove_name)>
                    "✕"
                </button>
            </div>
            {move || report.get().map(|r| view! {
                <Verdicted report=r card=card2.clone() lang=lang.get() earner=earner earner_result=earner_result/>
            })}
        </article>
    }
}

fn safe_link(url: Option<&String>, text: String) -> AnyView {
    match url.filter(|u| safe_urls::is_http_url(u)) {
        Some(u) => view! { <a href=u.clone() target="_blank" rel="noopener noreferrer nofollow">{text}</a> }
            .into_any(),
        None => view! { <span>{text}</span> }.into_any(),
    }
}

fn inline_view(parts: Vec<Inline>) -> AnyView {
    parts
        .into_iter()
        .map(|i| match i {
            Inline::Text(s) => view! { <span>{s}</span> }.into_any(),
            Inline::Strong(s) => view! { <strong>{s}</strong> }.into_any(),
            Inline::Em(s) => view! { <em>{s}</em> }.into_any(),
            Inline::Code(s) => view! { <code>{s}</code> }.into_any(),
            Inline::Link { text, url } => {
                view! { <a href=url target="_blank" rel="noopener noreferrer nofollow">{text}</a> }
                    .into_any()
            }
        })
        .collect_view()
        .into_any()
}

/// A Markdown narrative as text blocks (see [`markdown::markdown_blocks`]).
fn markdown_view(md: &str) -> AnyView {
    markdown::markdown_blocks(md)
        .into_iter()
        .map(|b| match b {
            Block::Heading(i) => view! { <h4>{inline_view(i)}</h4> }.into_any(),
            Block::Paragraph(i) => view! { <p>{inline_view(i)}</p> }.into_any(),
            Block::List(items) => view! {
                <ul>{items.into_iter().map(|i| view! { <li>{inline_view(i)}</li> }).collect_view()}</ul>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}

fn outcome_key(o: Outcome) -> (Key, &'static str) {
    match o {
        Outcome::Passed => (Key::OutPassed, "passed"),
        Outcome::Failed => (Key::OutFailed, "failed"),
        Outcome::Warning => (Key::OutWarning, "warning"),
        Outcome::NotChecked => (Key::OutNotChecked, "not-checked"),
        Outcome::NotApplicable => (Key::OutNotApplicable, "not-applicable"),
    }
}

#[component]
fn Verdicted(
    report: Report,
    card: Card,
    lang: Lang,
    earner: RwSignal<String>,
    earner_result: RwSignal<Option<Option<bool>>>,
) -> impl IntoView {
    let id = card.id;
    let v = report.verdict;
    let badge = report.badge.clone().unwrap_or_default();
    let image = card
        .preview
        .as_ref()
        .map(|p| p.url.clone())
        .or_else(|| badge.image.clone().filter(|u| safe_urls::is_safe_image(u)));
    let name = badge
        .name
        .clone()
        .unwrap_or_else(|| t(lang, Key::UnnamedBadge).to_string());
    let issuer_name = badge
        .issuer
        .name
        .clone()
        .or(badge.issuer.id.clone())
        .unwrap_or_else(|| t(lang, Key::UnknownIssuer).to_string());
    let issuer_link = badge.issuer.url.clone().or(badge.issuer.id.clone());
    let trust = trust::issuer_trust(&report);
    let (trust_key, trust_class) = match trust {
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
    let blocked = card.blocked.get_untracked();
    let show_cors = v == Verdict::Unverifiable && !blocked.is_empty();
    let has_badge = report.badge.is_some();

    // Share: a ?url= link when the badge has a public address, else a #credential= link.
    let href = dom::href();
    let (link, carries_badge) = match share::share_link(&href, &report, 8000) {
        Some(l) => (Some(l.url), l.carries_badge),
        None => (None, false),
    };
    let stem = file_kind::file_stem(badge.name.as_deref().unwrap_or("badge"));
    // The QR code and the report's object URL are made when the share panel is first opened:
    // made for every card up front they were most of the time from files chosen to verdicts
    // shown (QR mask scoring ≈ 25 ms a card in WASM; BENCHMARKS.md).
    let share_open = RwSignal::new(false);
    let report_json = report.clone();
    let report_url = move || {
        share_open
            .get()
            .then(|| dom::blob_url(report_json.to_json_line().as_bytes(), "application/json"))
            .flatten()
    };
    let image_download = card
        .preview
        .as_ref()
        .map(|p| (p.url.clone(), format!("{stem}.{}", p.kind.extension())));
    let linkedin = link.as_ref().map(|l| {
        share::linkedin_link(
            &name,
            &issuer_name,
            badge.issued.as_deref(),
            Some(l),
            badge.verify_url.as_deref(),
        )
    });
    let embed = link.as_ref().map(|l| {
        share::embed_snippet(
            &name,
            badge.image.as_deref().filter(|i| safe_urls::is_http_url(i)),
            l,
        )
    });
    let qr_link = link.clone();
    let qr = move || {
        share_open
            .get()
            .then(|| qr_link.as_deref().and_then(qr::qr_data_uri))
            .flatten()
    };
    let copied = RwSignal::new(None::<Key>);
    let copy = move |text: String| {
        spawn_local(async move {
            let ok = dom::copy_text(&text).await;
            copied.set(Some(if ok { Key::Copied } else { Key::CopyFailed }));
        });
    };
    let link_for_copy = link.clone();
    let embed_for_copy = embed.clone();

    let report_for_earner = report.clone();
    let on_check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let given = earner.get_untracked();
        earner_result.set(Some(recipient::earner_matches(&report_for_earner, &given)));
    };
    let has_recipient = badge.recipient.is_some();

    let count = |o: Outcome| report.checks.iter().filter(|c| c.outcome == o).count();
    let reason = if v == Verdict::Valid {
        valid_summary(
            lang,
            count(Outcome::Passed),
            count(Outcome::Warning),
            count(Outcome::NotChecked),
        )
    } else {
        report.summary.clone()
    };
    let expert = report.expert.clone();
    let format = report.format.map(|f| f.as_str().to_string());
    let checks = report.checks.clone();
    let dates = |d: &Option<String>| d.as_deref().map(|d| dates::format_date(d, lang));
    let issued = dates(&badge.issued);
    let expires = dates(&badge.expires);
    let criteria = badge.criteria.clone();
    let alignments = badge.alignments.clone();
    let tags = badge.tags.clone();
    let evidence = badge.evidence.clone();
    let endorsements = badge.endorsements.clone();

    view! {
        <p class="summary">
            <strong>{verdict_explain(lang, v)}</strong>" "
            <span class="reason">{t(lang, Key::Reason)}": "{reason}</span>
        </p>
        {show_cors.then(|| view! {
            <div class="notice cors" role="note">
                <p><strong>{t(lang, Key::CorsTitle)}</strong></p>
                <p>{t(lang, Key::CorsHelp)}</p>
                <ul>{blocked.iter().filter(|u| safe_urls::is_http_url(u)).map(|u| view! {
                    <li><a href=u.clone() target="_blank" rel="noopener noreferrer nofollow">{u.clone()}</a></li>
                }).collect_view()}</ul>
            </div>
        })}
        {has_badge.then(|| view! {
            <div class="badge">
                {image.clone().map(|src| view! { <img class="badge-image" src=src alt="" width="112" height="112"/> })}
                <div class="badge-text">
                    <h3 class="badge-name">{name.clone()}</h3>
                    <p class="issuer">
                        {t(lang, Key::IssuedBy)}" "
                        <strong>{safe_link(issuer_link.as_ref(), issuer_name.clone())}</strong>" "
                        <span class=trust_class>{t(lang, trust_key)}</span>
                    </p>
                    <dl class="dates">
                        {earner_text.clone().map(|e| view! { <dt>{t(lang, Key::Earner)}</dt><dd class="earner">{e}</dd> })}
                        {issued.clone().map(|d| view! { <dt>{t(lang, Key::IssuedOn)}</dt><dd>{d}</dd> })}
                        {expires.clone().map(|d| view! { <dt>{t(lang, Key::Expires)}</dt><dd>{d}</dd> })}
                    </dl>
                </div>
            </div>
            <div class="details">
                {badge.description.clone().map(|d| view! {
                    <section><h4>{t(lang, Key::Description)}</h4><p class="description">{d}</p></section>
                })}
                {criteria.clone().filter(|c| c.narrative.is_some() || c.url.is_some()).map(|c| view! {
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
        })}
        {has_recipient.then(|| view! {
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
                        Some(true) => view! { <span class="ok">"✓ "{t(lang, Key::EarnerMatch)}</span> }.into_any(),
                        Some(false) => view! { <span class="bad">"✕ "{t(lang, Key::EarnerNoMatch)}</span> }.into_any(),
                        None => view! { <span>{t(lang, Key::EarnerCannot)}</span> }.into_any(),
                    })}
                </p>
            </form>
        })}
        <details class="share" on:toggle=move |_| share_open.set(true)>
            <summary>{t(lang, Key::Share)}</summary>
            <div class="share-body">
                <div class="actions">
                    {link_for_copy.clone().map(|l| view! {
                        <button type="button" class="button copy-link" on:click=move |_| copy(l.clone())>{t(lang, Key::CopyLink)}</button>
                    })}
                    {move || report_url().map(|u| view! {
                        <a class="button download-report" href=u download=format!("{stem}-report.json")>{t(lang, Key::DownloadReport)}</a>
                    })}
                    {image_download.map(|(u, n)| view! {
                        <a class="button download-image" href=u download=n>{t(lang, Key::DownloadImage)}</a>
                    })}
                    {embed_for_copy.clone().map(|e| view! {
                        <button type="button" class="button copy-embed" on:click=move |_| copy(e.clone())>{t(lang, Key::CopyEmbed)}</button>
                    })}
                    {linkedin.map(|l| view! {
                        <a class="button linkedin" href=l target="_blank" rel="noopener noreferrer">{t(lang, Key::AddLinkedIn)}</a>
                    })}
                </div>
                <p class="copied" aria-live="polite">{move || copied.get().map(|k| t(lang, k))}</p>
                {link.clone().map(|l| view! {
                    <label class="share-field">{t(lang, Key::CopyLink)}
                        <input class="verify-link" type="text" readonly prop:value=l/>
                    </label>
                    {carries_badge.then(|| view! { <p class="hint">{t(lang, Key::LinkCarriesBadge)}</p> })}
                })}
                {embed.map(|e| view! {
                    <label class="share-field">{t(lang, Key::CopyEmbed)}
                        <textarea class="embed" readonly rows="3" prop:value=e></textarea>
                    </label>
                })}
                {move || qr().map(|q| view! {
                    <figure class="qr"><img src=q alt=t(lang, Key::QrCaption) width="200" height="200"/>
                        <figcaption>{t(lang, Key::QrCaption)}</figcaption></figure>
                })}
            </div>
        </details>
        <details class="checks">
            <summary>{t(lang, Key::Checks)}" ("{checks.len()}")"
                {format.clone().map(|f| view! { <span class="format">{t(lang, Key::Format)}": "{f}</span> })}
            </summary>
            <ul>
                {checks.into_iter().map(|c| {
                    let (k, cls) = outcome_key(c.outcome);
                    view! {
                        <li class=format!("check {cls}") data-check=c.id.clone()>
                            <span class="check-outcome">{t(lang, k)}</span>
                            <span class="check-what">
                                <span class="check-topic">{t(lang, check_topic(&c.id))}</span>
                                <span class="check-id">{c.id.clone()}</span>
                            </span>
                            <span class="check-detail">{c.detail.clone()}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </details>
        <details class="expert">
            <summary>{t(lang, Key::Expert)}</summary>
            <dl>
                {format.map(|f| view! { <dt>{t(lang, Key::Format)}</dt><dd>{f}</dd> })}
                {expert.source.map(|s| view! { <dt>{t(lang, Key::ExpertSource)}</dt><dd>{s}</dd> })}
                {expert.proof_suite.map(|s| view! { <dt>{t(lang, Key::ExpertSuite)}</dt><dd>{s}</dd> })}
                {expert.key_id.map(|s| view! { <dt>{t(lang, Key::ExpertKeyId)}</dt><dd class="mono">{s}</dd> })}
                {expert.key_source.map(|s| view! { <dt>{t(lang, Key::ExpertKeySource)}</dt><dd class="mono">{s}</dd> })}
                {expert.canonical_hash.map(|s| view! { <dt>{t(lang, Key::ExpertHash)}</dt><dd class="mono">{s}</dd> })}
                {(!expert.status_lists.is_empty()).then(|| view! {
                    <dt>{t(lang, Key::ExpertStatus)}</dt><dd class="mono">{expert.status_lists.join("\n")}</dd>
                })}
                {(!expert.fetched.is_empty()).then(|| view! {
                    <dt>{t(lang, Key::ExpertFetched)}</dt><dd class="mono">{expert.fetched.join("\n")}</dd>
                })}
            </dl>
        </details>
    }
}
