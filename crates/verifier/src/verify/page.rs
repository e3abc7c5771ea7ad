//! A web page given as a badge URL (issue #17, feature `html-pages`): the Open Badges and
//! credentials it embeds (JSON-LD), links (`<link rel="alternate">`) or shows as baked images,
//! found by `extract::html` and each verified by the ordinary rules. One found: it is the
//! report, with `found_at` and a `found` check saying where. Several: a `badge-page` whose
//! nested reports are the badges, valid only when every one is. None: a `found` failure.

use super::nested::{verify_found, Found};
use super::{fetch_hosted, Verification};
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, count, text, url as link, Detail};
use crate::extract::{self, html, Payload};
use crate::model::{self, BadgeDoc, ClassifyError};
use crate::report::{FoundAt, FoundKind};
use crate::resolve::fetch::{FetchPurpose, Fetcher, Response};
use crate::resolve::weburl::WebUrl;

/// Most images fetched from one page to look for a baked badge (each costs a fetch).
const MAX_IMAGES: usize = 4;
/// Most alternate links followed from one page.
const MAX_LINKS: usize = 4;
/// Most embedded JSON-LD documents verified from one page.
const MAX_EMBEDDED: usize = 8;

/// What was found, before it is verified.
enum Candidate {
    /// JSON-LD in the page, classified as a badge or credential.
    Embedded(String),
    /// An alternate link's absolute URL.
    Link(String),
    /// A fetched image (its URL) that carries a badge.
    Image(String, Payload),
}

/// Searches the page `resp` and verifies what it finds; see the module's comment. Returns the
/// one badge's document for the caller to verify as the input, or `None` when the page's
/// report is made here.
pub(crate) async fn verify_page<F: Fetcher>(
    v: &mut Verification<'_, F>,
    resp: Response,
) -> Option<(Result<BadgeDoc, ClassifyError>, Option<String>)> {
    let page = resp.final_url.clone();
    let items = html::scan(&resp.body, v.opts.limits.max_payload_bytes);
    drop(resp);
    let base = items
        .base
        .as_deref()
        .and_then(|b| join(&page, b))
        .unwrap_or_else(|| page.clone());
    let mut found: Vec<(FoundAt, Candidate)> = Vec::new();
    let at = |kind, name: Option<String>| FoundAt {
        page: None,
        kind,
        name,
    };
    for text in &items.scripts {
        for doc in badge_json(text) {
            if found.len() < MAX_EMBEDDED {
                found.push((at(FoundKind::Embedded, None), Candidate::Embedded(doc)));
            }
        }
    }
    for (href, _, title) in items.links.iter().take(MAX_LINKS) {
        if let Some(url) = join(&base, href) {
            found.push((at(FoundKind::Link, title.clone()), Candidate::Link(url)));
        }
    }
    let mut unreached = Vec::new();
    for (src, alt) in items.images.iter().take(MAX_IMAGES) {
        let Some(url) = join(&base, src) else {
            continue;
        };
        match v.fetch(&url, FetchPurpose::Badge).await {
            Ok(r) if r.is_success() => {
                // Only an image that carries a badge counts; a logo is no finding.
                if let Ok(e) = extract::extract(&r.body, &v.opts.limits) {
                    found.push((
                        at(FoundKind::Attachment, alt.clone()),
                        Candidate::Image(url, e.payload),
                    ));
                }
            }
            Ok(r) => unreached.push(detail!(
                "{url} (HTTP {status})",
                url = link(url),
                status = count(r.status)
            )),
            Err(e) => unreached.push(detail!(
                "{url} ({why})",
                url = link(url),
                why = cause(e.to_string())
            )),
        }
    }
    for image in &unreached {
        v.add(Check::warning(
            CheckId::Found,
            detail!(
                "an image of the page could not be fetched, so no badge baked in it was found: {image}",
                image = cause(image.clone())
            ),
        ));
    }
    if items.oversized > 0 {
        let max = count(v.opts.limits.max_payload_bytes);
        v.add(Check::warning(
            CheckId::Found,
            if items.oversized == 1 {
                detail!(
                    "1 JSON-LD script of the page is larger than {max} bytes and was not read",
                    max = max
                )
            } else {
                detail!(
                    "{n} JSON-LD scripts of the page are larger than {max} bytes and were not read",
                    n = count(items.oversized),
                    max = max
                )
            },
        ));
    }
    match found.len() {
        0 => {
            // As a PNG without a badge baked in it: the input was read and carries none
            // (`error`); but when images could not be fetched, a badge may be in one of them.
            v.add(if unreached.is_empty() {
                Check::failed(
                    CheckId::Found,
                    Verdict::Error,
                    detail!(
                        "{page}: the page links no Open Badge or credential: it has no JSON-LD, alternate link or baked image",
                        page = link(page)
                    ),
                )
            } else {
                Check::unverifiable(
                    CheckId::Found,
                    detail!(
                        "{page}: the page links no Open Badge or credential: it has no JSON-LD, alternate link or baked image that could be read",
                        page = link(page)
                    ),
                )
            });
            None
        }
        1 => {
            let (found_at, candidate) = found.pop()?;
            v.add(Check::passed(
                CheckId::Found,
                describe(&page, &found_at, &candidate),
            ));
            v.found_at = Some(found_at);
            // Within the page's search, a page is not searched again.
            v.html_pages = false;
            match candidate {
                Candidate::Embedded(text) => Some((model::classify_json_text(&text), None)),
                Candidate::Link(url) => {
                    // A link to a badge platform's page goes to the badge's own data too.
                    let url = Box::pin(super::links::platform_link(v, &url)).await?;
                    Box::pin(fetch_hosted(v, &url)).await
                }
                Candidate::Image(_, Payload::Url(inner)) => Box::pin(fetch_hosted(v, &inner)).await,
                // The image is the badge's container, not its hosted copy.
                Candidate::Image(_, Payload::Json(text)) => {
                    Some((model::classify_json_text(&text), None))
                }
                Candidate::Image(_, Payload::Jws(compact)) => {
                    Some((model::classify_jws(&compact), None))
                }
            }
        }
        n => {
            v.format = Some(Format::BadgePage);
            v.add(Check::passed(
                CheckId::Found,
                detail!(
                    "{page} embeds or links {n} badges or credentials; each is verified on its own",
                    page = link(page.clone()),
                    n = count(n)
                ),
            ));
            v.html_pages = false;
            let list = found
                .into_iter()
                .enumerate()
                .map(|(i, (found_at, c))| {
                    let (name, payload, optional) = match c {
                        Candidate::Embedded(text) => (
                            format!("{page} JSON-LD {}", i + 1),
                            Payload::Json(text),
                            false,
                        ),
                        Candidate::Link(url) => (url.clone(), Payload::Url(url), true),
                        Candidate::Image(url, payload) => (url, payload, false),
                    };
                    Found {
                        name,
                        payload: Ok(payload),
                        found_at: Some(found_at),
                        optional,
                    }
                })
                .collect();
            verify_found(v, list, n, detail!("the page")).await;
            None
        }
    }
}

/// The `found` check's sentence for the one badge found.
fn describe(page: &str, at: &FoundAt, c: &Candidate) -> Detail {
    match c {
        Candidate::Embedded(_) => detail!("{page} embeds it as JSON-LD", page = link(page)),
        Candidate::Link(url) => detail!(
            "{page} links it: {url}",
            page = link(page),
            url = link(url.clone())
        ),
        Candidate::Image(url, _) => match at.name.as_deref() {
            Some(name) => detail!(
                "{page} shows it as a baked image {url} (\"{name}\")",
                page = link(page),
                url = link(url.clone()),
                name = text(name)
            ),
            None => detail!(
                "{page} shows it as a baked image {url}",
                page = link(page),
                url = link(url.clone())
            ),
        },
    }
}

/// The badges and credentials in one JSON-LD script: the object, or the objects of an array,
/// that the model recognises as an Open Badge, a credential or a presentation. Other JSON-LD
/// (schema.org descriptions of the page …) is no finding.
fn badge_json(text: &str) -> Vec<String> {
    let docs: Vec<String> = match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(a)) => a
            .iter()
            .take(MAX_EMBEDDED)
            .filter(|d| d.is_object())
            .map(|d| d.to_string())
            .collect(),
        Ok(serde_json::Value::Object(_)) => vec![text.to_string()],
        _ => Vec::new(),
    };
    docs.into_iter()
        .filter(|d| match model::classify_json_text(d) {
            Ok(_) => true,
            // Read strictly, a badge with a member twice is refused, not ignored.
            Err(ClassifyError::DuplicateKey(_)) => names_badge_context(d),
            Err(_) => false,
        })
        .collect()
}

/// Whether a JSON document names an Open Badges or Verifiable Credentials context.
fn names_badge_context(text: &str) -> bool {
    [
        "w3id.org/openbadges",
        "www.w3.org/ns/credentials",
        "www.w3.org/2018/credentials",
        "purl.imsglobal.org/spec/ob",
    ]
    .iter()
    .any(|c| text.contains(c))
}

/// `rel` resolved against the page's URL `base` by the platform's URL Standard parser (URL
/// Standard §4.4, "basic URL parser" with a base); http(s) only.
fn join(base: &str, rel: &str) -> Option<String> {
    let rel = rel.trim();
    if rel.is_empty() {
        return None;
    }
    let p = crate::platform::join_url(base, rel).ok()?;
    let u = WebUrl::from_parts(p.href, &p.scheme, &p.hostname, p.port).ok()?;
    u.is_http().then(|| u.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_urls_resolve_against_the_page() {
        let base = "https://example.org/a/b/page.html?x=1#f";
        for (rel, want) in [
            ("c.json", "https://example.org/a/b/c.json"),
            ("../c.json", "https://example.org/a/c.json"),
            ("/c.json", "https://example.org/c.json"),
            ("//other.example/c", "https://other.example/c"),
            ("?y=2", "https://example.org/a/b/page.html?y=2"),
            ("#g", "https://example.org/a/b/page.html?x=1#g"),
            ("https://x.example/y", "https://x.example/y"),
            (" c.png ", "https://example.org/a/b/c.png"),
        ] {
            assert_eq!(join(base, rel).as_deref(), Some(want), "{rel}");
        }
        assert_eq!(join(base, "javascript:alert(1)"), None);
        assert_eq!(join(base, "data:image/png;base64,AAAA"), None);
        assert_eq!(join(base, ""), None);
    }

    #[test]
    fn only_badge_json_ld_is_a_finding() {
        let badge = r#"{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "https://i.example/a"}"#;
        let org = r#"{"@context": "https://schema.org", "@type": "Organization", "name": "X"}"#;
        assert_eq!(badge_json(badge).len(), 1);
        assert!(badge_json(org).is_empty());
        assert_eq!(badge_json(&format!("[{badge}, {org}, 7]")).len(), 1);
        assert!(badge_json("not json").is_empty());
    }
}
