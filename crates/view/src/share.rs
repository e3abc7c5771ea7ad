//! Share links: `?url=` verify links, `#credential=` links that carry the credential, LinkedIn's
//! add-certification link and the embed snippet. Badge text is escaped wherever it enters markup.

use crate::dates::ymd;
use crate::safe_urls::is_http_url;
use badge_verifier::report::Report;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;

/// Percent-encodes a query value (RFC 3986 unreserved characters stay as they are).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The page's own address without query or fragment (`https://host/path/`).
pub fn page_base(href: &str) -> String {
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// `<page>?url=<badge url>`: a link anyone can open to verify the badge again.
pub fn verify_link(page_href: &str, badge_url: &str) -> String {
    format!(
        "{}?url={}",
        page_base(page_href),
        encode_component(badge_url)
    )
}

/// `<page>#credential=<base64url>`: a link that carries the credential itself (the fragment
/// never reaches a server). Only for small credentials; `None` above `max_len` characters.
pub fn credential_link(page_href: &str, payload: &[u8], max_len: usize) -> Option<String> {
    let link = format!(
        "{}#credential={}",
        page_base(page_href),
        URL_SAFE_NO_PAD.encode(payload)
    );
    (link.len() <= max_len).then_some(link)
}

/// The credential carried by a `#credential=` fragment: base64url of JSON or of a compact JWT,
/// or the compact JWT itself. `None` when the fragment has no credential.
pub fn credential_from_fragment(hash: &str) -> Option<Vec<u8>> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    let value = hash
        .split('&')
        .find_map(|kv| kv.strip_prefix("credential="))?
        .trim();
    if value.is_empty() {
        return None;
    }
    let value = percent_decode(value);
    // A compact JWS has dots, which base64url has not.
    if value.contains('.') {
        return Some(value.into_bytes());
    }
    let trimmed = value.trim_end_matches('=');
    URL_SAFE_NO_PAD
        .decode(trimmed)
        .ok()
        .or_else(|| STANDARD.decode(&value).ok())
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            if let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
            {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// LinkedIn's "Add licence or certification" link, prefilled
/// (<https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME>).
pub fn linkedin_link(
    name: &str,
    organization: &str,
    issued: Option<&str>,
    cert_url: Option<&str>,
    cert_id: Option<&str>,
) -> String {
    let mut s = format!(
        "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name={}&organizationName={}",
        encode_component(name),
        encode_component(organization)
    );
    if let Some((y, m, _)) = issued.and_then(ymd) {
        s.push_str(&format!("&issueYear={y}&issueMonth={m}"));
    }
    if let Some(u) = cert_url {
        s.push_str(&format!("&certUrl={}", encode_component(u)));
    }
    if let Some(id) = cert_id {
        s.push_str(&format!("&certId={}", encode_component(id)));
    }
    s
}

/// Escapes text for an HTML element or a double-quoted attribute.
pub fn escape_html(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// An HTML snippet (badge image linking to the verify page) for an e-mail signature or a web
/// page. Badge text is escaped; a non-http(s) image is left out.
pub fn embed_snippet(name: &str, image: Option<&str>, link: &str) -> String {
    let name = escape_html(name);
    let link = escape_html(link);
    match image.filter(|i| is_http_url(i)) {
        Some(img) => format!(
            "<a href=\"{link}\" title=\"Verify: {name}\"><img src=\"{}\" alt=\"{name}\" width=\"96\" height=\"96\"></a>",
            escape_html(img)
        ),
        None => format!("<a href=\"{link}\">Verify: {name}</a>"),
    }
}

/// Where the app serves the `<open-badge>` element (issue #19): `embed/open-badge.js` beside the
/// page (`https://host/app/?url=…` → `https://host/app/embed/open-badge.js`). The element links
/// its full report back to the directory above itself, which is this page.
pub fn embed_script_url(page_href: &str) -> String {
    let base = page_base(page_href);
    let dir = match base.find("://") {
        Some(scheme) => match base[scheme + 3..].rfind('/') {
            Some(slash) => &base[..scheme + 3 + slash + 1],
            None => return format!("{base}/embed/open-badge.js"),
        },
        None => base.as_str(),
    };
    format!("{dir}embed/open-badge.js")
}

/// The two lines an earner pastes into their own site to show the badge verified live in each
/// visitor's browser (issue #19): the element's script from this app and the element naming
/// the badge's URL. Both values are escaped for a double-quoted attribute.
pub fn live_embed_snippet(page_href: &str, badge_url: &str) -> String {
    format!(
        "<script type=\"module\" src=\"{}\"></script>\n<open-badge src=\"{}\"></open-badge>",
        escape_html(&embed_script_url(page_href)),
        escape_html(badge_url)
    )
}

/// The URL to put in a verify link: the badge's own `verify_url`, else the input if it was a
/// URL. A file or pasted text has none (the `#credential=` link is used instead).
pub fn shareable_url(report: &Report) -> Option<String> {
    report
        .badge
        .as_ref()
        .and_then(|b| b.verify_url.clone())
        .filter(|u| is_http_url(u))
        .or_else(|| Some(report.input.clone()).filter(|u| is_http_url(u)))
}

/// The link to share for a report: a `?url=` verify link when the badge has a public address
/// ([`shareable_url`]), else a `#credential=` link carrying the credential the core read
/// ([`Report::credential`]) if it fits in `max_len` characters.
pub fn share_link(page_href: &str, report: &Report, max_len: usize) -> Option<ShareLink> {
    if let Some(u) = shareable_url(report) {
        return Some(ShareLink {
            url: verify_link(page_href, &u),
            carries_badge: false,
        });
    }
    let credential = report.credential_one_line(badge_verifier::limits::MAX_JSON_DEPTH)?;
    Some(ShareLink {
        url: credential_link(page_href, credential.as_bytes(), max_len)?,
        carries_badge: true,
    })
}

/// The most characters a QR code holds for a link (version 40 at error correction level M, byte
/// mode: ISO/IEC 18004 Table 7). [`crate::qr::qr_image`] refuses anything longer.
pub const QR_MAX_CHARS: usize = 2331;

/// What the share panel can offer for a report (issue #18): the link, a QR code of it or why
/// there is none, and the URL LinkedIn is given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareOffer {
    /// The verification link, when there is one of at most `max_len` characters.
    pub link: Option<ShareLink>,
    pub qr: QrOffer,
    /// LinkedIn's `certUrl`: only a short `?url=` link, never one that carries the badge.
    pub linkedin_cert_url: Option<String>,
    /// LinkedIn is given no `certUrl` because the only link carries the badge (the page says
    /// so).
    pub linkedin_without_url: bool,
}

/// The QR code the share panel can show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum QrOffer {
    /// Encode this link.
    Code(String),
    /// The link carrying the badge is longer than a QR code holds.
    TooLarge { chars: usize, max: usize },
    /// Nothing to encode (the report has no credential to carry).
    None,
}

/// What to share for a report: a `?url=` link when the badge has a public address (its QR
/// code, and LinkedIn's `certUrl`), else a `#credential=` link carrying it — with a QR code
/// only when it fits in one, and never as LinkedIn's `certUrl`.
pub fn share_offer(page_href: &str, report: &Report, max_len: usize) -> ShareOffer {
    if let Some(u) = shareable_url(report) {
        let url = verify_link(page_href, &u);
        let qr = if url.len() <= QR_MAX_CHARS {
            QrOffer::Code(url.clone())
        } else {
            QrOffer::TooLarge {
                chars: url.len(),
                max: QR_MAX_CHARS,
            }
        };
        return ShareOffer {
            link: Some(ShareLink {
                url: url.clone(),
                carries_badge: false,
            }),
            qr,
            linkedin_cert_url: Some(url),
            linkedin_without_url: false,
        };
    }
    let carried = report
        .credential_one_line(badge_verifier::limits::MAX_JSON_DEPTH)
        .and_then(|c| credential_link(page_href, c.as_bytes(), usize::MAX));
    let Some(url) = carried else {
        return ShareOffer {
            link: None,
            qr: QrOffer::None,
            linkedin_cert_url: None,
            linkedin_without_url: false,
        };
    };
    let qr = if url.len() <= QR_MAX_CHARS {
        QrOffer::Code(url.clone())
    } else {
        QrOffer::TooLarge {
            chars: url.len(),
            max: QR_MAX_CHARS,
        }
    };
    ShareOffer {
        link: (url.len() <= max_len).then_some(ShareLink {
            url,
            carries_badge: true,
        }),
        qr,
        linkedin_cert_url: None,
        linkedin_without_url: true,
    }
}

/// What a deep link asks for: `?url=<badge URL>` and `#credential=<the badge>` (issue #18).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeepLink {
    Url(String),
    Credential(Vec<u8>),
    /// A link that is damaged or cut off: the page says what is wrong instead of showing
    /// nothing.
    Broken(LinkProblem),
}

/// What is wrong with a deep link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// `?url=` with nothing after it.
    UrlEmpty,
    /// `?url=` that is not an http(s) address (at most 200 characters of it, shown as text).
    UrlNotHttp(String),
    /// `#credential=` with nothing after it.
    CredentialEmpty,
    /// `#credential=` followed by text that is not base64url (nor a compact JWT).
    CredentialNotBase64,
    /// `#credential=` whose badge ends early: the link was cut off.
    CredentialCutOff,
}

/// The deep links in a page address's query (`location.search`) and fragment
/// (`location.hash`): at most one `?url=` and one `#credential=`, in that order.
pub fn deep_links(search: &str, hash: &str) -> Vec<DeepLink> {
    let mut out = Vec::new();
    let search = search.strip_prefix('?').unwrap_or(search);
    let url = search.split('&').find_map(|kv| {
        let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
        (form_decode(k) == "url").then(|| form_decode(v))
    });
    if let Some(url) = url {
        let url = url.trim();
        out.push(if url.is_empty() {
            DeepLink::Broken(LinkProblem::UrlEmpty)
        } else if is_http_url(url)
            && !url.contains(char::is_whitespace)
            && url
                .split_once("://")
                .is_some_and(|(_, rest)| !rest.is_empty())
        {
            DeepLink::Url(url.to_string())
        } else {
            DeepLink::Broken(LinkProblem::UrlNotHttp(url.chars().take(200).collect()))
        });
    }
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    if let Some(value) = hash
        .split('&')
        .find_map(|kv| kv.strip_prefix("credential="))
    {
        out.push(match read_credential(value) {
            Ok(bytes) => DeepLink::Credential(bytes),
            Err(p) => DeepLink::Broken(p),
        });
    }
    out
}

impl LinkProblem {
    /// What the page says about it (a value shown after it, as text, for [`Self::UrlNotHttp`]).
    pub fn key(&self) -> crate::i18n::Key {
        use crate::i18n::Key;
        match self {
            LinkProblem::UrlEmpty => Key::LinkUrlEmpty,
            LinkProblem::UrlNotHttp(_) => Key::LinkUrlNotHttp,
            LinkProblem::CredentialEmpty => Key::LinkCredentialEmpty,
            LinkProblem::CredentialNotBase64 => Key::LinkCredentialNotBase64,
            LinkProblem::CredentialCutOff => Key::LinkCredentialCutOff,
        }
    }
}

fn form_decode(s: &str) -> String {
    percent_decode(&s.replace('+', " "))
}

/// The badge a `#credential=` value carries, or what is wrong with it.
fn read_credential(value: &str) -> Result<Vec<u8>, LinkProblem> {
    let value = percent_decode(value.trim());
    let value = value.trim();
    if value.is_empty() {
        return Err(LinkProblem::CredentialEmpty);
    }
    if value.contains('.') {
        return jwt_shape(value).map(|()| value.as_bytes().to_vec());
    }
    let b64url = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if !value.trim_end_matches('=').chars().all(b64url)
        && !value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '/' | '='))
    {
        return Err(LinkProblem::CredentialNotBase64);
    }
    let bytes = URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .or_else(|_| STANDARD.decode(value))
        // Only the length can be wrong now: base64 cut in the middle of a group.
        .map_err(|_| LinkProblem::CredentialCutOff)?;
    let text = match std::str::from_utf8(&bytes) {
        Ok(t) => t,
        // A character cut in two at the end.
        Err(e) if e.error_len().is_none() => return Err(LinkProblem::CredentialCutOff),
        // Binary: the core says what it is.
        Err(_) => return Ok(bytes),
    };
    let t = text.trim();
    if t.starts_with('{') || t.starts_with('[') {
        if !json_complete(t) {
            return Err(LinkProblem::CredentialCutOff);
        }
    } else if t.starts_with("ey") && t.contains('.') {
        jwt_shape(t)?;
    }
    Ok(bytes)
}

/// A compact JWS: three parts, the first two base64url JSON that ends where it should.
fn jwt_shape(s: &str) -> Result<(), LinkProblem> {
    let parts: Vec<&str> = s.split('.').collect();
    if parts.len() != 3 || parts.iter().any(|p| p.is_empty()) {
        return Err(LinkProblem::CredentialCutOff);
    }
    for p in &parts[..2] {
        let json = URL_SAFE_NO_PAD
            .decode(p.trim_end_matches('='))
            .map_err(|_| LinkProblem::CredentialCutOff)?;
        if !std::str::from_utf8(&json).is_ok_and(|j| json_complete(j.trim())) {
            return Err(LinkProblem::CredentialCutOff);
        }
    }
    Ok(())
}

/// Whether JSON text closes every string, object and array it opens (syntax beyond that is the
/// core's to judge).
fn json_complete(s: &str) -> bool {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    for c in s.chars() {
        if in_string {
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '{' | '[' => depth += 1,
            '}' | ']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    depth == 0 && !in_string && (s.ends_with('}') || s.ends_with(']'))
}

/// A link to verify a badge again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareLink {
    pub url: String,
    /// Whether the link carries the credential itself (the page says so: it is the badge).
    pub carries_badge: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_report as report;
    use badge_verifier::report::{BadgeDisplay, Format};

    fn verified(text: &str) -> Report {
        let input = badge_verifier::Input::Bytes {
            name: "pasted text".into(),
            bytes: text.as_bytes().to_vec(),
        };
        let opts = badge_verifier::Options::at(chrono::DateTime::from_timestamp(0, 0).unwrap());
        let fetcher = badge_verifier::MemoryFetcher::new();
        futures::executor::block_on(badge_verifier::verify(&input, &fetcher, &opts))
    }

    /// The share link re-serializes the JSON: a document with a duplicate member name must not
    /// become one that reads one way only (moved from the core's tests/strict_json.rs).
    #[test]
    fn share_link_is_not_made_from_an_ambiguous_document() {
        let text = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Badge"}"#;
        let link = share_link("https://v.example/", &verified(text), 8000).unwrap();
        assert!(link.carries_badge);
        let frag = &link.url[link.url.find('#').unwrap()..];
        let carried = credential_from_fragment(frag).unwrap();
        let json = |b: &[u8]| serde_json::from_slice::<serde_json::Value>(b).unwrap();
        assert_eq!(json(&carried), json(text.as_bytes()));
        let forged = text.replacen('{', r#"{"name":"Forged badge","#, 1);
        assert_eq!(
            share_link("https://v.example/", &verified(&forged), 8000),
            None
        );
    }

    #[test]
    fn verify_link_encodes_the_badge_url_and_drops_the_pages_query() {
        assert_eq!(
            verify_link(
                "https://v.example/app/?url=old#x",
                "https://b.example/a?id=1&x=é"
            ),
            "https://v.example/app/?url=https%3A%2F%2Fb.example%2Fa%3Fid%3D1%26x%3D%C3%A9"
        );
    }

    #[test]
    fn credential_fragment_round_trips_json_and_takes_a_bare_jwt() {
        let json = br#"{"a":1}"#;
        let link = credential_link("https://v.example/#old", json, 1000).unwrap();
        let frag = &link[link.find('#').unwrap()..];
        assert_eq!(credential_from_fragment(frag).unwrap(), json.to_vec());
        assert_eq!(
            credential_from_fragment("#credential=eyJh.eyJi.c2ln").unwrap(),
            b"eyJh.eyJi.c2ln".to_vec()
        );
        assert_eq!(credential_from_fragment("#other=1"), None);
        assert_eq!(credential_from_fragment("#credential="), None);
        assert!(credential_link("https://v.example/", &[0; 2000], 100).is_none());
    }

    #[test]
    fn a_file_too_large_for_a_qr_code_says_so_and_linkedin_never_gets_the_badge() {
        // A credential whose link is about 4,000 characters.
        let big = format!(
            r#"{{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"{}"}}"#,
            "n".repeat(2900)
        );
        let o = share_offer("https://v.example/", &verified(&big), 8000);
        let link = o.link.clone().unwrap();
        assert!(
            link.carries_badge && link.url.len() > 3800,
            "{}",
            link.url.len()
        );
        assert_eq!(
            o.qr,
            QrOffer::TooLarge {
                chars: link.url.len(),
                max: QR_MAX_CHARS
            }
        );
        assert_eq!(o.linkedin_cert_url, None);
        assert!(o.linkedin_without_url);
        // Longer than the share limit: no link, still the reason there is no QR code.
        let o = share_offer("https://v.example/", &verified(&big), 1000);
        assert_eq!(o.link, None);
        assert!(matches!(o.qr, QrOffer::TooLarge { .. }));
        // A small one fits.
        let small = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"B"}"#;
        let o = share_offer("https://v.example/", &verified(small), 8000);
        assert_eq!(o.qr, QrOffer::Code(o.link.clone().unwrap().url));
        assert!(crate::qr::qr_image(&o.link.unwrap().url).is_some());
        // Nothing read: nothing offered.
        let o = share_offer("https://v.example/", &verified("not a badge"), 8000);
        assert_eq!((o.link, o.qr), (None, QrOffer::None));
    }

    #[test]
    fn a_badge_with_an_address_shares_the_short_link_everywhere() {
        let mut r = verified(r#"{"a":1}"#);
        r.badge = Some(BadgeDisplay {
            verify_url: Some("https://i.example/a/1".into()),
            ..Default::default()
        });
        let o = share_offer("https://v.example/?url=old#x", &r, 8000);
        let short = "https://v.example/?url=https%3A%2F%2Fi.example%2Fa%2F1".to_string();
        assert_eq!(o.link.as_ref().unwrap().url, short);
        assert!(!o.link.unwrap().carries_badge);
        assert_eq!(o.qr, QrOffer::Code(short.clone()));
        assert_eq!(o.linkedin_cert_url, Some(short));
        assert!(!o.linkedin_without_url);
    }

    #[test]
    fn qr_capacity_is_what_the_encoder_holds() {
        use qrcodegen::{QrCode, QrCodeEcc};
        let at = |n: usize| QrCode::encode_text(&"x".repeat(n), QrCodeEcc::Medium).is_ok();
        assert!(at(QR_MAX_CHARS));
        assert!(!at(QR_MAX_CHARS + 1));
    }

    #[test]
    fn deep_links_say_what_is_wrong_with_a_broken_link() {
        use DeepLink as D;
        use LinkProblem as P;
        assert_eq!(deep_links("", ""), vec![]);
        assert_eq!(
            deep_links("?url=https%3A%2F%2Fb.example%2F1&lang=en", ""),
            vec![D::Url("https://b.example/1".into())]
        );
        assert_eq!(deep_links("?url=", ""), vec![D::Broken(P::UrlEmpty)]);
        assert_eq!(
            deep_links("?url=javascript:alert(1)", ""),
            vec![D::Broken(P::UrlNotHttp("javascript:alert(1)".into()))]
        );
        assert_eq!(
            deep_links("?url=badge+page", ""),
            vec![D::Broken(P::UrlNotHttp("badge page".into()))]
        );
        assert_eq!(
            deep_links("?url=https%3A%2F%2F", ""),
            vec![D::Broken(P::UrlNotHttp("https://".into()))]
        );
        let json = br#"{"a":"}{","b":[1,2]}"#;
        let full = URL_SAFE_NO_PAD.encode(json);
        assert_eq!(
            deep_links("", &format!("#credential={full}")),
            vec![D::Credential(json.to_vec())]
        );
        // Cut anywhere, the badge is incomplete.
        for cut in [4, 9, 13, full.len() - 1] {
            assert_eq!(
                deep_links("", &format!("#credential={}", &full[..cut])),
                vec![D::Broken(P::CredentialCutOff)],
                "cut at {cut}"
            );
        }
        assert_eq!(
            deep_links("", "#credential="),
            vec![D::Broken(P::CredentialEmpty)]
        );
        assert_eq!(
            deep_links("", "#credential=not*base64!"),
            vec![D::Broken(P::CredentialNotBase64)]
        );
        // A compact JWT, whole and cut off.
        let jwt = format!(
            "{}.{}.c2ln",
            URL_SAFE_NO_PAD.encode(br#"{"alg":"EdDSA"}"#),
            URL_SAFE_NO_PAD.encode(br#"{"vc":{"name":"x"}}"#)
        );
        assert_eq!(
            deep_links("", &format!("#credential={jwt}")),
            vec![D::Credential(jwt.clone().into_bytes())]
        );
        let cut = &jwt[..jwt.find('.').unwrap() + 6];
        assert_eq!(
            deep_links("", &format!("#credential={cut}")),
            vec![D::Broken(P::CredentialCutOff)]
        );
        // Both at once, in order.
        assert_eq!(
            deep_links("?url=https://b.example/1", &format!("#credential={jwt}")).len(),
            2
        );
    }

    #[test]
    fn percent_decoding_is_bounded_and_lossy() {
        assert_eq!(percent_decode("a%2Eb%"), "a.b%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }

    #[test]
    fn linkedin_link_has_every_field() {
        let l = linkedin_link(
            "Teamwork & Co",
            "Example Issuer",
            Some("2024-03-12T10:00:00Z"),
            Some("https://v.example/?url=x"),
            Some("urn:uuid:1"),
        );
        assert_eq!(
            l,
            "https://www.linkedin.com/profile/add?startTask=CERTIFICATION_NAME&name=Teamwork%20%26%20Co\
             &organizationName=Example%20Issuer&issueYear=2024&issueMonth=3\
             &certUrl=https%3A%2F%2Fv.example%2F%3Furl%3Dx&certId=urn%3Auuid%3A1"
        );
        assert!(!linkedin_link("n", "o", Some("garbage"), None, None).contains("issueYear"));
    }

    #[test]
    fn embed_snippet_escapes_badge_text_and_refuses_script_images() {
        let s = embed_snippet(
            "<b>\"x\"</b>",
            Some("https://i.example/b.png"),
            "https://v/?url=a&b",
        );
        assert_eq!(
            s,
            "<a href=\"https://v/?url=a&amp;b\" title=\"Verify: &lt;b&gt;&quot;x&quot;&lt;/b&gt;\">\
             <img src=\"https://i.example/b.png\" alt=\"&lt;b&gt;&quot;x&quot;&lt;/b&gt;\" width=\"96\" height=\"96\"></a>"
        );
        let s = embed_snippet("n", Some("javascript:alert(1)"), "https://v/");
        assert!(!s.contains("javascript"));
    }

    #[test]
    fn live_embed_snippet_names_the_apps_script_and_the_badge_escaped() {
        assert_eq!(
            embed_script_url("https://v.example/?url=https%3A%2F%2Fi.example%2Fa"),
            "https://v.example/embed/open-badge.js"
        );
        assert_eq!(
            embed_script_url("https://v.example/app/index.html#credential=x"),
            "https://v.example/app/embed/open-badge.js"
        );
        assert_eq!(
            embed_script_url("https://v.example"),
            "https://v.example/embed/open-badge.js"
        );
        assert_eq!(
            live_embed_snippet("http://127.0.0.1:8080/", "https://i.example/a?b=1&c=\"><x>"),
            "<script type=\"module\" src=\"http://127.0.0.1:8080/embed/open-badge.js\"></script>\n\
             <open-badge src=\"https://i.example/a?b=1&amp;c=&quot;&gt;&lt;x&gt;\"></open-badge>"
        );
    }

    #[test]
    fn shareable_url_prefers_the_badges_own() {
        let mut r = report(Format::Ob2Hosted, vec![]);
        r.input = "file.png".into();
        assert_eq!(shareable_url(&r), None);
        r.badge = Some(BadgeDisplay {
            verify_url: Some("https://i.example/a/1".into()),
            ..Default::default()
        });
        assert_eq!(shareable_url(&r).as_deref(), Some("https://i.example/a/1"));
        r.badge = None;
        r.input = "https://i.example/a/2".into();
        assert_eq!(shareable_url(&r).as_deref(), Some("https://i.example/a/2"));
    }

    #[test]
    fn share_link_carries_the_credential_the_core_read_unless_the_badge_has_an_address() {
        let r = verified("{ \"a\" : 1 }");
        let link = share_link("https://v.example/", &r, 8000).unwrap();
        assert_eq!(
            link.url,
            credential_link("https://v.example/", b"{\"a\":1}", 8000).unwrap()
        );
        assert_eq!(share_link("https://v.example/", &r, 20), None);
        assert_eq!(
            share_link("https://v.example/", &verified("not a badge"), 8000),
            None
        );
        let mut hosted = r.clone();
        hosted.badge = Some(BadgeDisplay {
            verify_url: Some("https://i.example/a/1".into()),
            ..Default::default()
        });
        assert_eq!(
            share_link("https://v.example/", &hosted, 8000),
            Some(ShareLink {
                url: "https://v.example/?url=https%3A%2F%2Fi.example%2Fa%2F1".into(),
                carries_badge: false
            })
        );
    }
}
