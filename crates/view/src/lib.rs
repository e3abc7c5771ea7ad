//! What a verification report looks like to a person: the app's text in English and zh-TW
//! ([`i18n`]) and everything the app shows and shares that needs no browser API: share links
//! ([`share`]), the QR code ([`qr`]), dates ([`dates`]), Markdown ([`markdown`]), badge images
//! and download names ([`file_kind`]), issuer trust ([`trust`]) and the progress line
//! ([`progress`]). Tested natively; the app crate only renders it. Every badge string stays
//! text: nothing here produces markup from badge data except [`share::embed_snippet`], which
//! escapes it. Facts come from the report as data (why the core fetched, the credential it
//! read, its issuer trust), never re-derived from strings.

pub mod batch;
pub mod card_words;
pub mod dates;
pub mod detail;
pub mod file_kind;
pub mod i18n;
pub mod markdown;
pub mod plain;
pub mod progress;
pub mod qr;
pub mod safe_urls;
pub mod share;
pub mod trust;

/// A report with these checks and nothing else, for unit tests.
#[cfg(test)]
fn test_report(
    format: badge_verifier::report::Format,
    checks: Vec<badge_verifier::report::Check>,
) -> badge_verifier::report::Report {
    badge_verifier::report::Report::new(
        "in",
        Some(format),
        None,
        None,
        checks,
        badge_verifier::report::Expert::default(),
        None,
    )
}
