//! The progress line while a badge is verified: what is being fetched, as the core says
//! ([`FetchPurpose`]), and from which host.

use crate::i18n::{t, Key, Lang};
use badge_verifier::resolve::fetch::FetchPurpose;
use badge_verifier::resolve::weburl::WebUrl;

/// "Fetching the issuer's key… (issuer.example)", or "Reading the badge…" while nothing is
/// being fetched.
pub fn progress_line(lang: Lang, fetching: Option<(FetchPurpose, &str)>) -> String {
    match fetching {
        Some((purpose, url)) => format!("{} ({})", t(lang, fetching_key(purpose)), host_of(url)),
        None => t(lang, Key::ReadingBadge).to_string(),
    }
}

fn fetching_key(purpose: FetchPurpose) -> Key {
    match purpose {
        FetchPurpose::Badge => Key::FetchingDocument,
        FetchPurpose::BadgeClass => Key::FetchingBadgeClass,
        FetchPurpose::IssuerProfile => Key::FetchingIssuer,
        FetchPurpose::Key => Key::FetchingKey,
        FetchPurpose::StatusList => Key::FetchingStatus,
    }
}

/// The host of a URL, for short progress lines.
pub fn host_of(url: &str) -> String {
    WebUrl::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_owned))
        .unwrap_or_else(|| url.chars().take(40).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_what_the_core_fetches_whatever_the_url_says() {
        assert_eq!(progress_line(Lang::En, None), "Reading the badge…");
        // A key at a URL that names a status list is still a key: the words come from the
        // core's purpose, never from the URL.
        assert_eq!(
            progress_line(
                Lang::En,
                Some((FetchPurpose::Key, "https://i.example:8443/status/3"))
            ),
            "Fetching the issuer's key… (i.example)"
        );
        assert_eq!(
            progress_line(
                Lang::En,
                Some((FetchPurpose::StatusList, "https://i.example/keys.json"))
            ),
            "Checking the revocation list… (i.example)"
        );
        assert_eq!(
            progress_line(
                Lang::ZhTw,
                Some((FetchPurpose::Badge, "https://b.example/1"))
            ),
            "正在取得徽章…… (b.example)"
        );
        assert_eq!(host_of("not a url"), "not a url");
    }
}
