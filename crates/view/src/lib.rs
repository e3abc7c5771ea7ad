//! What a verification report looks like to a person: the app's text in English and zh-TW
//! ([`i18n`]) and everything the app shows and shares that needs no browser API ([`present`]:
//! share links, QR code, dates, Markdown, file kinds, issuer trust). Tested natively; the app
//! crate only renders it.

pub mod i18n;
pub mod present;
