//! What the app shows and shares, computed from a [`Report`] without any browser API, so it is
//! tested natively: share links (verify link, LinkedIn, embed snippet, QR code), localized
//! dates, Markdown narratives as safe text blocks, file kinds, and the issuer-key status.
//! Every badge string stays text: nothing here produces markup from badge data except
//! [`embed_snippet`], which escapes it.

use crate::i18n::Lang;
use badge_verifier::report::{Report, Verdict};
use badge_verifier::resolve::weburl::WebUrl;
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

/// An SVG QR code of `text` (error correction level M or better), as a `data:` URI for an
/// `<img>` (no markup is inserted). One square per dark module, a 4-module quiet zone
/// (ISO/IEC 18004 §6.3.8), 200 px wide.
pub fn qr_data_uri(text: &str) -> Option<String> {
    use qrcodegen::{QrCode, QrCodeEcc};
    use std::fmt::Write;
    const QUIET: i32 = 4;
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut path = String::with_capacity((n * n * 6) as usize);
    for y in 0..n {
        for x in 0..n {
            if code.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + QUIET, y + QUIET);
            }
        }
    }
    let dim = n + 2 * QUIET;
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"200\" \
         viewBox=\"0 0 {dim} {dim}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{dim}\" height=\"{dim}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    );
    Some(format!(
        "data:image/svg+xml;base64,{}",
        STANDARD.encode(svg.as_bytes())
    ))
}

/// http(s) URLs only: a badge's `javascript:` link is never made clickable.
pub fn is_http_url(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// Image sources the card may show: http(s) or a raster/SVG `data:image/…` URI. An SVG in an
/// `<img>` runs no script.
pub fn is_safe_image(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    is_http_url(&l)
        || [
            "data:image/png",
            "data:image/svg+xml",
            "data:image/jpeg",
            "data:image/gif",
            "data:image/webp",
        ]
        .iter()
        .any(|p| l.starts_with(p))
}

/// (year, month, day) of an RFC 3339 date or date-time.
fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    use chrono::Datelike;
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        let d = d.with_timezone(&chrono::Utc);
        return Some((d.year(), d.month(), d.day()));
    }
    // A bare date (or any text starting with one): read as midnight UTC that day.
    let d =
        chrono::DateTime::parse_from_rfc3339(&format!("{}T00:00:00Z", s.trim().get(..10)?)).ok()?;
    Some((d.year(), d.month(), d.day()))
}

/// A date for people: "12 March 2024" / "2024年3月12日" (UTC). Unparseable text is shown as is.
pub fn format_date(s: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match (ymd(s), lang) {
        (Some((y, m, d)), Lang::En) => format!("{d} {} {y}", MONTHS[(m - 1) as usize]),
        (Some((y, m, d)), Lang::ZhTw) => format!("{y}年{m}月{d}日"),
        (None, _) => s.to_string(),
    }
}

/// A piece of inline Markdown, as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(String),
    Em(String),
    Code(String),
    /// A link, kept only if its target is http(s); otherwise it becomes text.
    Link {
        text: String,
        url: String,
    },
}

/// A block of a Markdown narrative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading(Vec<Inline>),
    Paragraph(Vec<Inline>),
    List(Vec<Vec<Inline>>),
}

/// The small Markdown subset badge narratives use (paragraphs, headings, `-`/`*`/`1.` lists,
/// `**strong**`, `*em*`, `` `code` ``, `[text](url)`), as text blocks. Raw HTML stays literal
/// text; nothing here is ever parsed as markup by the page.
pub fn markdown_blocks(md: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut list: Vec<Vec<Inline>> = Vec::new();
    let flush_para = |para: &mut Vec<&str>, blocks: &mut Vec<Block>| {
        if !para.is_empty() {
            blocks.push(Block::Paragraph(inlines(&para.join(" "))));
            para.clear();
        }
    };
    let flush_list = |list: &mut Vec<Vec<Inline>>, blocks: &mut Vec<Block>| {
        if !list.is_empty() {
            blocks.push(Block::List(std::mem::take(list)));
        }
    };
    for line in md.lines().take(500) {
        let t = line.trim();
        if t.is_empty() {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
        } else if let Some(h) = heading(t) {
            flush_para(&mut para, &mut blocks);
            flush_list(&mut list, &mut blocks);
            blocks.push(Block::Heading(inlines(h)));
        } else if let Some(item) = list_item(t) {
            flush_para(&mut para, &mut blocks);
            list.push(inlines(item));
        } else if !list.is_empty() && line.starts_with([' ', '\t']) {
            // A continuation line of the last list item.
            if let Some(last) = list.last_mut() {
                last.push(Inline::Text(" ".into()));
                last.extend(inlines(t));
            }
        } else {
            flush_list(&mut list, &mut blocks);
            para.push(t);
        }
    }
    flush_para(&mut para, &mut blocks);
    flush_list(&mut list, &mut blocks);
    blocks
}

fn heading(t: &str) -> Option<&str> {
    let hashes = t.chars().take_while(|&c| c == '#').count();
    if (1..=6).contains(&hashes) {
        t[hashes..].strip_prefix(' ').map(str::trim)
    } else {
        None
    }
}

fn list_item(t: &str) -> Option<&str> {
    if let Some(rest) = t
        .strip_prefix("- ")
        .or_else(|| t.strip_prefix("* "))
        .or_else(|| t.strip_prefix("+ "))
    {
        return Some(rest.trim());
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        let rest = &t[digits..];
        return rest
            .strip_prefix(". ")
            .or_else(|| rest.strip_prefix(") "))
            .map(str::trim);
    }
    None
}

/// Inline spans of one line of text.
fn inlines(s: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    let mut text = String::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let span = match c {
            '*' | '_' if rest[1..].starts_with(c) => {
                delimited(rest, if c == '*' { "**" } else { "__" })
                    .map(|(inner, n)| (Inline::Strong(inner.to_string()), n))
            }
            '*' | '_' => delimited(rest, if c == '*' { "*" } else { "_" })
                .filter(|(inner, _)| !inner.starts_with(' '))
                .map(|(inner, n)| (Inline::Em(inner.to_string()), n)),
            '`' => delimited(rest, "`").map(|(inner, n)| (Inline::Code(inner.to_string()), n)),
            '[' => link(rest),
            _ => None,
        };
        match span {
            Some((inline, consumed)) => {
                if !text.is_empty() {
                    out.push(Inline::Text(std::mem::take(&mut text)));
                }
                out.push(inline);
                rest = &rest[consumed..];
            }
            None => {
                let skip = c.len_utf8();
                let n = rest[skip..]
                    .find(['*', '_', '`', '['])
                    .map_or(rest.len(), |i| i + skip);
                text.push_str(&rest[..n]);
                rest = &rest[n..];
            }
        }
    }
    if !text.is_empty() {
        out.push(Inline::Text(text));
    }
    out
}

/// `<d>inner<d>` at the start of `s`: (inner, bytes consumed).
fn delimited<'a>(s: &'a str, d: &str) -> Option<(&'a str, usize)> {
    let body = &s[d.len()..];
    let end = body.find(d)?;
    (end > 0).then(|| (&body[..end], d.len() * 2 + end))
}

/// `[text](url)` at the start of `s`.
fn link(s: &str) -> Option<(Inline, usize)> {
    let close = s.find("](")?;
    let text = &s[1..close];
    if text.contains('[') {
        return None;
    }
    let after = &s[close + 2..];
    let end = after.find(')')?;
    let url = after[..end].trim();
    let consumed = close + 2 + end + 1;
    let inline = if is_http_url(url) {
        Inline::Link {
            text: text.to_string(),
            url: url.to_string(),
        }
    } else {
        Inline::Text(text.to_string())
    };
    Some((inline, consumed))
}

/// What a dropped file is, by its first bytes (the name can lie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Png,
    Svg,
    Json,
    Jwt,
    Other,
}

impl FileKind {
    pub fn detect(bytes: &[u8]) -> FileKind {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return FileKind::Png;
        }
        let head = &bytes[..bytes.len().min(4096)];
        let text = String::from_utf8_lossy(head);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('{') || t.starts_with('[') {
            FileKind::Json
        } else if t.starts_with("eyJ") {
            FileKind::Jwt
        } else if t.contains("<svg") {
            FileKind::Svg
        } else {
            FileKind::Other
        }
    }

    /// Whether the bytes are a badge image the card can show and offer for download.
    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Png | FileKind::Svg)
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Png => "image/png",
            FileKind::Svg => "image/svg+xml",
            FileKind::Json => "application/json",
            FileKind::Jwt => "application/jwt",
            FileKind::Other => "application/octet-stream",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Png => "png",
            FileKind::Svg => "svg",
            FileKind::Json => "json",
            FileKind::Jwt => "jwt",
            FileKind::Other => "bin",
        }
    }
}

/// A file name from badge text: letters, digits and dashes, at most 60 characters.
pub fn file_stem(name: &str) -> String {
    let mut s = String::new();
    for c in badge_verifier::unicode::lowercase(name).chars() {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.chars().count() >= 60 {
            break;
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "badge".into()
    } else {
        s
    }
}

/// How far the issuer is vouched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerTrust {
    /// A signature verified with a key the issuer controls.
    VerifiedKey,
    /// An OB 2.0 hosted assertion fetched from the issuer's own site.
    Hosted,
    Unverified,
}

/// How the issuer is vouched for, read from the report's [`badge_verifier::trust::IssuedBy`] (the fact
/// the verdict rests on), and only on a valid report: a card that is not valid never shows
/// "verified issuer key".
pub fn issuer_trust(report: &Report) -> IssuerTrust {
    use badge_verifier::trust::IssuedHow;
    match (&report.issued_by, report.verdict) {
        (Some(i), Verdict::Valid) => match i.how {
            IssuedHow::Signature { .. } => IssuerTrust::VerifiedKey,
            IssuedHow::Hosted { .. } => IssuerTrust::Hosted,
        },
        _ => IssuerTrust::Unverified,
    }
}

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

/// Whether `given` (what a recruiter typed) is the badge's recipient: `None` when the badge
/// names no recipient that can be compared (no identity, unsupported hash).
pub fn earner_matches(report: &Report, given: &str) -> Option<bool> {
    let r = report.badge.as_ref()?.recipient.as_ref()?;
    let identity = r.identity.as_deref()?;
    if given.trim().is_empty() || (r.hashed && !badge_verifier::recipient::supported_hash(identity))
    {
        return None;
    }
    let claim = badge_verifier::recipient::RecipientClaim {
        identity,
        hashed: r.hashed,
        salt: r.salt.as_deref(),
    };
    Some(badge_verifier::recipient::matches(&claim, given))
}

/// The credential text inside dropped bytes (JSON or compact JWS, also from a baked image), for
/// a `#credential=` link. `None` when the bytes carry only a URL or nothing readable.
pub fn share_payload(bytes: &[u8]) -> Option<Vec<u8>> {
    match badge_verifier::extract::extract(bytes, &badge_verifier::Limits::default())
        .ok()?
        .payload
    {
        badge_verifier::extract::Payload::Json(t) => {
            // Re-serialized compactly so the link is as short as it can be.
            // Strict: a document with a duplicate member name must not be re-serialized into
            // one that reads one way only (and might verify).
            let v =
                badge_verifier::strict_json::from_str(&t, badge_verifier::limits::MAX_JSON_DEPTH)
                    .ok()?;
            serde_json::to_vec(&v).ok()
        }
        badge_verifier::extract::Payload::Jws(c) => Some(c.into_bytes()),
        badge_verifier::extract::Payload::Url(_) => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use badge_verifier::report::{BadgeDisplay, Check, CheckId, Expert, Format};

    /// The share link re-serializes the JSON: a document with a duplicate member name must not
    /// become one that reads one way only (moved from the core's tests/strict_json.rs).
    #[test]
    fn share_link_is_not_made_from_an_ambiguous_document() {
        let text = r#"{"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"],"name":"Badge"}"#;
        assert!(share_payload(text.as_bytes()).is_some());
        let forged = text.replacen('{', r#"{"name":"Forged badge","#, 1);
        assert_eq!(share_payload(forged.as_bytes()), None);
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
    fn qr_code_reads_back_as_the_link() {
        let link = "https://v.example/?url=https%3A%2F%2Fb.example%2F1&lang=zh-TW";
        let q = qr_data_uri(link).unwrap();
        let svg = STANDARD
            .decode(q.strip_prefix("data:image/svg+xml;base64,").unwrap())
            .unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<path d=\"M"));
        // Draw the squares the SVG names, 4 px a module, and read them with an independent
        // decoder (rqrr).
        let dim: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let path = svg
            .split("<path d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut dark = vec![false; dim * dim];
        for square in path.split('M').filter(|s| !s.is_empty()) {
            let (x, rest) = square.split_once(',').unwrap();
            let y = rest.split('h').next().unwrap();
            dark[y.parse::<usize>().unwrap() * dim + x.parse::<usize>().unwrap()] = true;
        }
        let px = 4;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(dim * px, dim * px, |x, y| {
            if dark[(y / px) * dim + x / px] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, link);
        // Too long for any QR version: no code rather than a wrong one.
        assert!(qr_data_uri(&"x".repeat(5000)).is_none());
    }

    #[test]
    fn dates_are_localized() {
        assert_eq!(
            format_date("2024-03-12T23:30:00-02:00", Lang::En),
            "13 March 2024"
        );
        assert_eq!(format_date("2024-03-12", Lang::ZhTw), "2024年3月12日");
        assert_eq!(format_date("soon", Lang::En), "soon");
    }

    #[test]
    fn markdown_becomes_text_blocks_and_html_stays_text() {
        let b = markdown_blocks(
            "# Criteria\n\nDo **this** and *that*, see [docs](https://d.example) \
             or [bad](javascript:void).\n\n- one `x`\n- <script>alert(1)</script>\n",
        );
        assert_eq!(
            b,
            vec![
                Block::Heading(vec![Inline::Text("Criteria".into())]),
                Block::Paragraph(vec![
                    Inline::Text("Do ".into()),
                    Inline::Strong("this".into()),
                    Inline::Text(" and ".into()),
                    Inline::Em("that".into()),
                    Inline::Text(", see ".into()),
                    Inline::Link {
                        text: "docs".into(),
                        url: "https://d.example".into()
                    },
                    Inline::Text(" or ".into()),
                    Inline::Text("bad".into()),
                    Inline::Text(".".into()),
                ]),
                Block::List(vec![
                    vec![Inline::Text("one ".into()), Inline::Code("x".into())],
                    vec![Inline::Text("<script>alert(1)</script>".into())],
                ]),
            ]
        );
    }

    #[test]
    fn markdown_edge_cases_do_not_panic() {
        for s in [
            "*",
            "**",
            "[",
            "[a](",
            "`",
            "_a",
            "1.",
            "#",
            "######## x",
            "中文*強調*",
            "a * b",
        ] {
            let _ = markdown_blocks(s);
        }
        assert_eq!(
            markdown_blocks("a * b"),
            vec![Block::Paragraph(vec![Inline::Text("a * b".into())])]
        );
        assert_eq!(
            markdown_blocks("中文*強調*"),
            vec![Block::Paragraph(vec![
                Inline::Text("中文".into()),
                Inline::Em("強調".into())
            ])]
        );
    }

    #[test]
    fn file_kinds_by_content() {
        assert_eq!(FileKind::detect(b"\x89PNG\r\n\x1a\nrest"), FileKind::Png);
        assert_eq!(FileKind::detect(b"<?xml?><svg xmlns=''/>"), FileKind::Svg);
        assert_eq!(FileKind::detect(b"\xef\xbb\xbf {\"a\":1}"), FileKind::Json);
        assert_eq!(FileKind::detect(b"eyJhbGciOi.x.y"), FileKind::Jwt);
        assert_eq!(FileKind::detect(b"hello"), FileKind::Other);
        assert!(FileKind::Svg.is_image() && !FileKind::Json.is_image());
        assert_eq!(file_stem("Teamwork Badge (2024)!"), "teamwork-badge-2024");
        assert_eq!(file_stem("../../"), "badge");
        assert_eq!(file_stem("團隊合作"), "團隊合作");
    }

    fn report(format: Format, checks: Vec<Check>) -> Report {
        Report::new(
            "in",
            Some(format),
            None,
            None,
            checks,
            Expert::default(),
            None,
        )
    }

    #[test]
    fn issuer_trust_needs_the_fact_and_a_valid_verdict() {
        // Checks alone, however green, never make a verified issuer.
        let ok = report(Format::Ob3Jwt, vec![Check::passed(CheckId::Proof, "ok")]);
        assert_eq!(ok.verdict, Verdict::Unverifiable);
        assert_eq!(issuer_trust(&ok), IssuerTrust::Unverified);
        let issued = badge_verifier::trust::Issued::for_view_tests("https://issuer.example");
        let hosted = Report::new(
            "in",
            Some(Format::Ob2Hosted),
            None,
            None,
            vec![Check::passed(CheckId::Id, "ok")],
            Expert::default(),
            Some(issued.clone()),
        );
        assert_eq!(issuer_trust(&hosted), IssuerTrust::Hosted);
        let bad = Report::new(
            "in",
            Some(Format::Ob3Jwt),
            None,
            None,
            vec![Check::failed(CheckId::Expiry, Verdict::Expired, "expired")],
            Expert::default(),
            Some(issued),
        );
        assert_eq!(issuer_trust(&bad), IssuerTrust::Unverified);
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
    fn earner_check_uses_the_hashed_identity() {
        use badge_verifier::report::RecipientDisplay;
        use sha2::{Digest, Sha256};
        let mut r = report(Format::Ob3Jwt, vec![]);
        assert_eq!(earner_matches(&r, "a@b.c"), None);
        let h = hex::encode(Sha256::digest(b"a@b.cpepper"));
        r.badge = Some(BadgeDisplay {
            recipient: Some(RecipientDisplay {
                kind: Some("emailAddress".into()),
                identity: Some(format!("sha256${h}")),
                hashed: true,
                salt: Some("pepper".into()),
                name: None,
            }),
            ..Default::default()
        });
        assert_eq!(earner_matches(&r, " A@b.c "), Some(true));
        assert_eq!(earner_matches(&r, "x@b.c"), Some(false));
        assert_eq!(earner_matches(&r, ""), None);
    }

    #[test]
    fn share_payload_is_the_credential_text() {
        assert_eq!(
            share_payload(b"{ \"a\" : 1 }").as_deref(),
            Some(&b"{\"a\":1}"[..])
        );
        assert_eq!(share_payload(b"not a badge"), None);
    }

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
