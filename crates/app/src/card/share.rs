//! The share panel: copy the verify link, download the report and the badge image, copy an
//! embed snippet, add to LinkedIn, and a QR code of the link.

use super::Names;
use crate::{dom, Preview};
use badge_verifier::report::{BadgeDisplay, Report};
use badge_view::i18n::{t, Key, Lang};
use badge_view::{file_kind, qr, safe_urls, share};
use leptos::prelude::*;
use leptos::task::spawn_local;

pub fn share_panel(
    report: &Report,
    badge: &BadgeDisplay,
    preview: Option<&Preview>,
    names: &Names,
    lang: Lang,
) -> impl IntoView {
    // Share: a ?url= link when the badge has a public address, else a #credential= link.
    let href = dom::href();
    let (link, carries_badge) = match share::share_link(&href, report, 8000) {
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
    let image_download = preview.map(|p| (p.url.clone(), format!("{stem}.{}", p.kind.extension())));
    let linkedin = link.as_ref().map(|l| {
        share::linkedin_link(
            &names.badge,
            &names.issuer,
            badge.issued.as_deref(),
            Some(l),
            badge.verify_url.as_deref(),
        )
    });
    let embed = link.as_ref().map(|l| {
        share::embed_snippet(
            &names.badge,
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
    view! {
        <details class="share" on:toggle=move |_| share_open.set(true)>
            <summary>{t(lang, Key::Share)}</summary>
            <div class="share-body">
                <div class="actions">
                    {link_for_copy.map(|l| view! {
                        <button type="button" class="button copy-link" on:click=move |_| copy(l.clone())>{t(lang, Key::CopyLink)}</button>
                    })}
                    {move || report_url().map(|u| view! {
                        <a class="button download-report" href=u download=format!("{stem}-report.json")>{t(lang, Key::DownloadReport)}</a>
                    })}
                    {image_download.map(|(u, n)| view! {
                        <a class="button download-image" href=u download=n>{t(lang, Key::DownloadImage)}</a>
                    })}
                    {embed_for_copy.map(|e| view! {
                        <button type="button" class="button copy-embed" on:click=move |_| copy(e.clone())>{t(lang, Key::CopyEmbed)}</button>
                    })}
                    {linkedin.map(|l| view! {
                        <a class="button linkedin" href=l target="_blank" rel="noopener noreferrer">{t(lang, Key::AddLinkedIn)}</a>
                    })}
                </div>
                <p class="copied" aria-live="polite">{move || copied.get().map(|k| t(lang, k))}</p>
                {link.map(|l| view! {
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
    }
}
