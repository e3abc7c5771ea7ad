//! The share panel: copy the verify link, download the report and the badge (its image, or the
//! credential file), copy an embed snippet, add to LinkedIn, and a QR code of the link — or why
//! there is none. What is offered is decided in `badge_view::share::share_offer`.

use super::Names;
use crate::{dom, icons, Preview};
use badge_verifier::report::{BadgeDisplay, Report};
use badge_view::i18n::{qr_too_large, t, Key, Lang};
use badge_view::share::QrOffer;
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
    let offer = share::share_offer(&dom::href(), report, 8000);
    let (link, carries_badge) = match &offer.link {
        Some(l) => (Some(l.url.clone()), l.carries_badge),
        None => (None, false),
    };
    let stem = file_kind::file_stem(badge.name.as_deref().unwrap_or("badge"));
    // The QR code and the downloads' object URLs are made when the share panel is first opened:
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
    // Without the dropped image, the credential itself as a file (JSON or a compact JWT).
    let credential = preview
        .is_none()
        .then(|| report.credential_one_line(badge_verifier::limits::MAX_JSON_DEPTH))
        .flatten();
    let credential_name = match &credential {
        Some(c) if c.starts_with('{') => format!("{stem}.json"),
        _ => format!("{stem}.jwt"),
    };
    let credential_url = move || {
        share_open
            .get()
            .then(|| {
                credential
                    .as_deref()
                    .and_then(|c| dom::blob_url(c.as_bytes(), "application/octet-stream"))
            })
            .flatten()
    };
    let linkedin = share::linkedin_link(
        &names.badge,
        &names.issuer,
        badge.issued.as_deref(),
        offer.linkedin_cert_url.as_deref(),
        badge.verify_url.as_deref(),
    );
    let embed = link.as_ref().map(|l| {
        share::embed_snippet(
            &names.badge,
            badge.image.as_deref().filter(|i| safe_urls::is_http_url(i)),
            l,
        )
    });
    // Issue #19: the two lines that show this badge verified live on the earner's own site;
    // only for a badge with a public http(s) address (the element fetches it there).
    let live_embed =
        share::shareable_url(report).map(|u| share::live_embed_snippet(&dom::href(), &u));
    let live_embed_for_copy = live_embed.clone();
    let has_image = image_download.is_some();
    let qr_note = match offer.qr {
        QrOffer::TooLarge { chars, max } => Some(qr_too_large(lang, chars, max, has_image)),
        _ => None,
    };
    let qr_text = match offer.qr {
        QrOffer::Code(l) => Some(l),
        _ => None,
    };
    let qr = move || {
        share_open
            .get()
            .then(|| qr_text.as_deref().and_then(qr::qr_image))
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
                        <button type="button" class="button copy-link" on:click=move |_| copy(l.clone())>
                            {icons::icon(icons::LINK)}{t(lang, Key::CopyLink)}</button>
                    })}
                    {move || report_url().map(|u| view! {
                        <a class="button download-report" href=u download=format!("{stem}-report.json")>
                            {icons::icon(icons::DOWNLOAD)}{t(lang, Key::DownloadReport)}</a>
                    })}
                    {image_download.map(|(u, n)| view! {
                        <a class="button download-image" href=u download=n>
                            {icons::icon(icons::DOWNLOAD)}{t(lang, Key::DownloadImage)}</a>
                    })}
                    {move || credential_url().map(|u| view! {
                        <a class="button download-credential" href=u download=credential_name.clone()>
                            {icons::icon(icons::DOWNLOAD)}{t(lang, Key::DownloadCredential)}</a>
                    })}
                    {embed_for_copy.map(|e| view! {
                        <button type="button" class="button copy-embed" on:click=move |_| copy(e.clone())>
                            {icons::icon(icons::CODE)}{t(lang, Key::CopyEmbed)}</button>
                    })}
                    {live_embed_for_copy.map(|e| view! {
                        <button type="button" class="button copy-live-embed" on:click=move |_| copy(e.clone())>
                            {icons::icon(icons::CODE)}{t(lang, Key::EmbedLive)}</button>
                    })}
                    <a class="button linkedin" href=linkedin target="_blank" rel="noopener noreferrer">
                        {icons::icon(icons::EXTERNAL)}{t(lang, Key::AddLinkedIn)}</a>
                </div>
                <p class="copied" aria-live="polite">{move || copied.get().map(|k| t(lang, k))}</p>
                {offer.linkedin_without_url.then(|| view! { <p class="hint linkedin-note">{t(lang, Key::LinkedInNoUrl)}</p> })}
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
                {live_embed.map(|e| view! {
                    <label class="share-field">{t(lang, Key::EmbedLive)}
                        <textarea class="live-embed" readonly rows="3" prop:value=e></textarea>
                    </label>
                    <p class="hint live-embed-hint">{t(lang, Key::EmbedLiveHint)}</p>
                })}
                {qr_note.map(|n| view! { <p class="notice qr-too-large" role="note">{n}</p> })}
                {move || qr().map(|q| view! {
                    <figure class="qr"><img src=q.data_uri alt=t(lang, Key::QrCaption) width=q.px height=q.px/>
                        <figcaption>{t(lang, Key::QrCaption)}</figcaption></figure>
                })}
            </div>
        </details>
    }
}
