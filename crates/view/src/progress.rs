//! The progress line while a badge is verified.

use badge_verifier::resolve::weburl::WebUrl;

/// What a fetch is for, guessed from its URL, for the progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchPurpose {
    StatusList,
    IssuerKey,
    IssuerProfile,
    BadgeClass,
    Document,
}

pub fn fetch_purpose(url: &str) -> FetchPurpose {
    let l = url.to_ascii_lowercase();
    if l.contains("status") || l.contains("revocation") || l.contains("revoc") {
        FetchPurpose::StatusList
    } else if l.contains("did.json") || l.contains("jwks") || l.contains("key") {
        FetchPurpose::IssuerKey
    } else if l.contains("issuer") || l.contains("profile") || l.contains("organization") {
        FetchPurpose::IssuerProfile
    } else if l.contains("badge") || l.contains("achievement") || l.contains("class") {
        FetchPurpose::BadgeClass
    } else {
        FetchPurpose::Document
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
    fn fetch_purposes() {
        assert_eq!(
            fetch_purpose("https://i.example/status/3"),
            FetchPurpose::StatusList
        );
        assert_eq!(
            fetch_purpose("https://i.example/.well-known/did.json"),
            FetchPurpose::IssuerKey
        );
        assert_eq!(
            fetch_purpose("https://i.example/issuer.json"),
            FetchPurpose::IssuerProfile
        );
        assert_eq!(host_of("https://i.example:8443/x"), "i.example");
    }
}
