//! Icons drawn as inline SVG (issue #18): glyphs such as ⏱ or ⇪ depend on the reader's fonts
//! and render as empty boxes on some systems. Each is one stroked path in a 24×24 box, drawn in
//! the text colour (`currentColor`) and hidden from assistive technology: the words beside it,
//! or its button's name, say what it means.

use badge_verifier::report::Verdict;
use leptos::prelude::*;

/// One stroked path (`d`), 1em square unless the CSS says otherwise (`.icon`).
pub fn icon(d: &'static str) -> impl IntoView {
    view! {
        <svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false" fill="none"
            stroke="currentColor" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round">
            <path d=d></path>
        </svg>
    }
}

/// The verdict without colour: a tick, a cross, a barred circle, a pause, a clock or a question
/// mark (replaces `badge_view::i18n::verdict_icon`'s characters).
pub fn verdict_icon(v: Verdict) -> impl IntoView {
    icon(match v {
        Verdict::Valid => CHECK,
        Verdict::Invalid | Verdict::Error => CLOSE,
        Verdict::Revoked => "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM5.7 5.7l12.6 12.6",
        Verdict::Suspended => "M9 6v12M15 6v12",
        Verdict::Expired | Verdict::NotYetValid => {
            "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM12 7.5V12l3 2.5"
        }
        Verdict::Unverifiable => "M9.2 9a2.9 2.9 0 1 1 4 2.7c-.8.4-1.2 1-1.2 1.8v.7M12 18h.01",
    })
}

pub const CHECK: &str = "M5 12.5l4.5 4.5L19 7";
/// ✕: remove, close.
pub const CLOSE: &str = "M6 6l12 12M18 6L6 18";
/// An arrow into a tray: drop or choose files.
pub const UPLOAD: &str =
    "M12 15V4M7.5 8.5L12 4l4.5 4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15";
/// Two chain links: copy the verification link.
pub const LINK: &str = "M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1";
/// An arrow out of a tray: download.
pub const DOWNLOAD: &str =
    "M12 4v11M7.5 10.5L12 15l4.5-4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15";
/// Angle brackets: copy the embed snippet.
pub const CODE: &str = "M8.5 7L3.5 12l5 5M15.5 7l5 5-5 5";
/// A box with an arrow out: add to LinkedIn (opens another site).
pub const EXTERNAL: &str = "M14 4h6v6M20 4l-9 9M18 14v4.5A1.5 1.5 0 0 1 16.5 20h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10";
/// A camera: scan a QR code.
pub const CAMERA: &str = "M4 8.5A1.5 1.5 0 0 1 5.5 7H8l1.5-2h5L16 7h2.5A1.5 1.5 0 0 1 20 8.5v9a1.5 1.5 0 0 1-1.5 1.5h-13A1.5 1.5 0 0 1 4 17.5zM12 9.5a3.2 3.2 0 1 0 0 6.4a3.2 3.2 0 1 0 0-6.4z";
/// A moon: the dark theme.
pub const MOON: &str = "M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z";
/// A globe: the language.
pub const GLOBE: &str = "M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18zM3 12h18M12 3c2.5 2.6 3.7 5.6 3.7 9s-1.2 6.4-3.7 9c-2.5-2.6-3.7-5.6-3.7-9S9.5 5.6 12 3z";
/// A cloud struck through: offline.
pub const OFFLINE: &str =
    "M3 3l18 18M8.5 6.4A5.5 5.5 0 0 1 17 10.5h.5a3.5 3.5 0 0 1 2.3 6.1M16 19H7a4 4 0 0 1-1.2-7.8";

/// The app's mark: the favicon's hexagon with a tick (public/favicon.svg), in the accent colour.
pub fn logo() -> impl IntoView {
    view! {
        <svg class="logo" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
            <path class="logo-shape" d="M32 2 58 17v30L32 62 6 47V17z"></path>
            <path class="logo-tick" d="m27 42-10-10 4-4 6 6 16-16 4 4z"></path>
        </svg>
    }
}
