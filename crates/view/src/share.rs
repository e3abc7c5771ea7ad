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
