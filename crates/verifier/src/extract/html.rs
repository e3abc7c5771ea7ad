//! A web page searched for the badges it embeds or links (issue #17, feature `html-pages`):
//! `<script type="application/ld+json">` text, `<link rel="alternate">` to JSON or a JWT, and
//! `<img>` whose URL ends in `.png` or `.svg` (a baked badge, perhaps). Read with html5gum's
//! WHATWG tokenizer (HTML Standard §13.2.5), switching to script data / raw text after
//! `<script>`, `<style>` … as a parser would; nothing is executed, nothing but tags is kept,
//! and every list is bounded. Which of these is a badge is decided by the caller.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// Most of each kind of item collected from one page (the caller fetches fewer still).
const MAX_ITEMS: usize = 16;

/// What a page offers.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageItems {
    /// The first `<base href>`, against which the page's relative URLs resolve.
    pub base: Option<String>,
    /// The text of each `<script type="application/ld+json">`, in order.
    pub scripts: Vec<String>,
    /// `<link rel="alternate">` with a JSON or JWT `type`: (href, type, title).
    pub links: Vec<(String, String, Option<String>)>,
    /// `<img src>` ending in `.png` or `.svg` (before any query): (src, alt).
    pub images: Vec<(String, Option<String>)>,
    /// Scripts longer than the payload limit, left out.
    pub oversized: usize,
}

/// Media types of an alternate link that may be a badge: JSON(-LD), and the VC-JOSE-COSE /
/// VC-JWT types (VC-JOSE-COSE §3.1.1 `application/vc+jwt`, §3.2.1 `application/vp+jwt`).
const LINK_TYPES: &[&str] = &[
    "application/ld+json",
    "application/json",
    "application/vc+ld+json",
    "application/vc",
    "application/vc+jwt",
    "application/vp+jwt",
    "application/jwt",
];

/// Whether an answer is a web page: served as `text/html` (or XHTML) and starting with a tag,
/// or starting with `<!doctype html` / `<html` whatever its type (after a BOM and whitespace).
pub fn is_html(content_type: Option<&str>, body: &[u8]) -> bool {
    let head = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    let start = head
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(head.len());
    let head = &head[start..head.len().min(start + 64)];
    let starts = |p: &[u8]| head.len() >= p.len() && head[..p.len()].eq_ignore_ascii_case(p);
    if starts(b"<!doctype html") || starts(b"<html") {
        return true;
    }
    let essence = content_type
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    matches!(
        essence.as_deref(),
        Some("text/html" | "application/xhtml+xml")
    ) && head.starts_with(b"<")
        && super::detect::sniff(body) != super::detect::Kind::Svg
}

/// Reads the page's tags. Never fails: HTML has no invalid input (§13.2.2 parse errors are
/// recovered from), and what is not understood is skipped.
pub fn scan(body: &[u8], max_script_bytes: usize) -> PageItems {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let mut items = PageItems::default();
    // Inside `<script type="application/ld+json">`: its text so far, and whether it is too long.
    let mut script: Option<(Vec<u8>, bool)> = None;
    for token in Tokenizer::new_with_emitter(body, emitter) {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let attr = |name: &str| {
                    tag.attributes
                        .get(name.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).trim().to_string())
                };
                match tag.name.as_slice() {
                    b"script" if !tag.self_closing => {
                        let json_ld =
                            attr("type").is_some_and(|t| essence(&t) == "application/ld+json");
                        script = json_ld.then(|| (Vec::new(), false));
                    }
                    b"base" if items.base.is_none() => items.base = attr("href"),
                    b"link" if items.links.len() < MAX_ITEMS => {
                        let alternate = attr("rel").is_some_and(|r| {
                            r.split_ascii_whitespace()
                                .any(|t| t.eq_ignore_ascii_case("alternate"))
                        });
                        let kind = attr("type").map(|t| essence(&t));
                        if let (true, Some(kind), Some(href)) = (alternate, kind, attr("href")) {
                            if LINK_TYPES.contains(&kind.as_str()) && !href.is_empty() {
                                items.links.push((href, kind, attr("title")));
                            }
                        }
                    }
                    b"img" if items.images.len() < MAX_ITEMS => {
                        if let Some(src) = attr("src").filter(|s| image_url(s)) {
                            items
                                .images
                                .push((src, attr("alt").filter(|a| !a.is_empty())));
                        }
                    }
                    _ => {}
                }
            }
            Token::String(text) => {
                if let Some((buf, too_long)) = script.as_mut() {
                    if buf.len() + text.value.len() > max_script_bytes {
                        *too_long = true;
                    } else if !*too_long {
                        buf.extend_from_slice(&text.value);
                    }
                }
            }
            Token::EndTag(tag) if tag.name.as_slice() == b"script" => {
                if let Some((buf, too_long)) = script.take() {
                    push_script(&mut items, buf, too_long);
                }
            }
            _ => {}
        }
    }
    // A script left open runs to the end of the page, as a parser reads it (§13.2.6.4.8).
    if let Some((buf, too_long)) = script.take() {
        push_script(&mut items, buf, too_long);
    }
    items
}

fn push_script(items: &mut PageItems, buf: Vec<u8>, too_long: bool) {
    if too_long {
        items.oversized += 1;
    } else if items.scripts.len() < MAX_ITEMS {
        let text = String::from_utf8_lossy(&buf).trim().to_string();
        if !text.is_empty() {
            items.scripts.push(text);
        }
    }
}

/// A media type's essence: before any parameter, trimmed, lower-case.
fn essence(t: &str) -> String {
    t.split(';')
        .next()
        .unwrap_or_default()
        .trim()
        .to_ascii_lowercase()
}

/// Whether an image URL names a PNG or SVG file (its path, before `?` or `#`).
fn image_url(src: &str) -> bool {
    let path = src.split(['?', '#']).next().unwrap_or_default();
    let lower = path.to_ascii_lowercase();
    (lower.ends_with(".png") || lower.ends_with(".svg")) && !lower.starts_with("data:")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_scripts_links_and_images() {
        let page = br#"<!DOCTYPE html><html><head><base href="/b/">
            <link rel="Alternate stylesheet" type="application/ld+json; charset=utf-8" href="a.json" title="Badge">
            <link rel="alternate" type="application/rss+xml" href="feed.xml">
            <script type="application/ld+json">{"a": "</p>"}</script>
            <script>var x = "<img src='no.png'>";</script>
            </head><body><img src="x.PNG?size=2" alt="Rust"><img src="y.jpg"><img src="z.svg#v">
            <script type="application/ld+json">{"unterminated": true}"#;
        let items = scan(page, 1 << 20);
        assert_eq!(items.base.as_deref(), Some("/b/"));
        assert_eq!(
            items.links,
            vec![(
                "a.json".to_string(),
                "application/ld+json".to_string(),
                Some("Badge".to_string())
            )]
        );
        assert_eq!(
            items.scripts,
            vec![r#"{"a": "</p>"}"#, r#"{"unterminated": true}"#]
        );
        assert_eq!(
            items.images,
            vec![
                ("x.PNG?size=2".to_string(), Some("Rust".to_string())),
                ("z.svg#v".to_string(), None)
            ]
        );
    }

    #[test]
    fn oversized_scripts_are_left_out() {
        let page = format!(
            "<script type=application/ld+json>{}</script>",
            "x".repeat(100)
        );
        let items = scan(page.as_bytes(), 10);
        assert!(items.scripts.is_empty());
        assert_eq!(items.oversized, 1);
    }

    #[test]
    fn html_is_told_apart() {
        assert!(is_html(None, b"\xEF\xBB\xBF \n<!DOCTYPE HTML><p>"));
        assert!(is_html(None, b"<HTML lang=en>"));
        assert!(is_html(
            Some("text/html; charset=utf-8"),
            b"<title>x</title>"
        ));
        assert!(!is_html(Some("text/html"), b"{\"a\": 1}"));
        assert!(!is_html(None, b"<title>x</title>"));
        assert!(!is_html(
            Some("text/html"),
            b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
        ));
    }
}
