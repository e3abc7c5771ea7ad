//! Baked SVG: find the badge element by namespace, never by prefix.
//!
//! OB 2.0 Baking "SVGs": `<openbadges:assertion>` in namespace `http://openbadges.org`, payload in
//! the `verify` attribute (signature or hosted URL) or, when the element has a body, the
//! assertion JSON (in CDATA). OB 3.0 §"SVG Baking": `<openbadges:credential>` in namespace
//! `https://purl.imsglobal.org/ob/v3p0`, a VC-JWT in `verify` or the credential JSON as body.
//!
//! Safety: quick-xml never processes the DTD, so `<!DOCTYPE … [<!ENTITY …>]>` is skipped and no
//! entity is ever expanded, no external reference is ever fetched (XXE, billion laughs). Only
//! the five predefined entities and character references are resolved inside the badge element;
//! any other entity reference there is an error naming it.

use super::{detect, Container, ExtractError, Extracted, Payload};
use crate::detail;
use crate::detail::{cause, code, count, url, Detail};
use crate::limits::Limits;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::NsReader;

/// OB 2.0 badge namespace and element.
pub const NS_OB2: &str = "http://openbadges.org";
/// OB 3.0 credential namespace and element.
pub const NS_OB3: &str = "https://purl.imsglobal.org/ob/v3p0";
/// CLR 2.0 (recognised, not verified). Assumption: CLR 2.0 bakes like OB 3.0 with its own
/// namespace and a `credential` element.
pub const NS_CLR: &str = "https://purl.imsglobal.org/clr/v2p0";

/// How many namespace bindings may be in scope at once (bounds quick-xml's resolver work).
const MAX_NS_BINDINGS: usize = 1024;

/// A badge element found in the SVG, with its byte span (for baking, which removes it).
// Baking is a test helper (feature `test-support`); without it `end` is never read.
#[cfg_attr(not(any(test, feature = "test-support")), allow(dead_code))]
#[derive(Debug, Clone)]
pub(crate) struct BadgeElement {
    pub namespace: &'static str,
    /// `assertion` or `credential`, as written (qualified name as in the file, for messages).
    pub qname: String,
    pub verify: Option<Result<String, ExtractError>>,
    pub body: Result<String, ExtractError>,
    pub start: usize,
    pub end: usize,
}

/// The root `<svg>` start tag (where baking adds a namespace declaration).
// Baking is a test helper (feature `test-support`); without it no field is read.
#[cfg_attr(not(any(test, feature = "test-support")), allow(dead_code))]
#[derive(Debug, Clone)]
pub(crate) struct Root {
    pub start: usize,
    pub end: usize,
    pub self_closing: bool,
    /// The value of an `xmlns:openbadges` attribute on the root, if any.
    pub openbadges_ns: Option<String>,
}

#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub root: Option<Root>,
    pub badges: Vec<BadgeElement>,
    /// An error met after the first badge element (extraction tolerates it, baking does not).
    pub late_error: Option<ExtractError>,
    /// A look-alike: `<openbadges:assertion>`/`credential` bound to another namespace.
    pub near_miss: Option<Detail>,
}

fn badge_namespace(ns: &str, local: &str) -> Option<&'static str> {
    match (ns, local) {
        ("http://openbadges.org", "assertion") => Some(NS_OB2),
        ("https://purl.imsglobal.org/ob/v3p0", "credential") => Some(NS_OB3),
        ("https://purl.imsglobal.org/clr/v2p0", "credential") => Some(NS_CLR),
        _ => None,
    }
}

fn xml_error(e: quick_xml::Error, pos: u64) -> ExtractError {
    use quick_xml::name::NamespaceError;
    match e {
        quick_xml::Error::Namespace(NamespaceError::TooManyBindings(n)) => {
            ExtractError::LimitExceeded(detail!(
                "more than {n} XML namespace declarations in scope in the SVG",
                n = count(n)
            ))
        }
        _ => ExtractError::Corrupt(detail!(
            "malformed SVG/XML near byte {pos}",
            pos = count(pos)
        )),
    }
}

/// The SVG as UTF-8 text (XML's default encoding; a BOM is skipped).
pub(crate) fn svg_text<'a>(bytes: &'a [u8], limits: &Limits) -> Result<&'a str, ExtractError> {
    if bytes.len() > limits.max_svg_bytes {
        return Err(ExtractError::LimitExceeded(detail!(
            "the SVG is {size} bytes, more than the {limit}-byte SVG limit",
            size = count(bytes.len()),
            limit = count(limits.max_svg_bytes)
        )));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|e| {
        ExtractError::Corrupt(detail!(
            "the SVG is not valid UTF-8 (at byte {at}); only UTF-8 SVG is read",
            at = count(e.valid_up_to())
        ))
    })
}

/// Reads the document once, collecting the root tag and every badge element. With
/// `tolerate_late_errors`, an error after the first badge element ends the scan quietly
/// (`late_error`): the specs say the rest of the SVG "can safely be discarded".
pub(crate) fn scan(
    text: &str,
    limits: &Limits,
    tolerate_late_errors: bool,
) -> Result<Scan, ExtractError> {
    let mut reader = NsReader::from_str(text);
    reader
        .resolver_mut()
        .set_max_namespace_bindings(MAX_NS_BINDINGS);
    let mut out = Scan::default();
    let mut depth = 0usize;
    let mut entities_declared = false;
    let fail = |out: Scan, err: ExtractError| {
        if tolerate_late_errors && !out.badges.is_empty() {
            Ok(Scan {
                late_error: Some(err),
                ..out
            })
        } else {
            Err(err)
        }
    };
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_resolved_event();
        let (ns, event) = match event {
            Ok(x) => x,
            Err(e) => {
                let err = xml_error(e, reader.error_position());
                return fail(out, err);
            }
        };
        let ns: Option<String> = match ns {
            ResolveResult::Bound(n) => Some(n.into_inner().to_string()),
            ResolveResult::Unbound => None,
            ResolveResult::Unknown(prefix) => {
                let local = match &event {
                    Event::Start(e) | Event::Empty(e) => e.local_name().into_inner().to_string(),
                    _ => String::new(),
                };
                if local == "assertion" || local == "credential" {
                    let prefix = String::from_utf8_lossy(prefix.as_ref()).into_owned();
                    let err = ExtractError::Corrupt(detail!(
                        "the SVG element {element} uses the prefix \"{prefix}\", which no {xmlns} declares",
                        element = code(format!("{prefix}:{local}")),
                        xmlns = code(format!("xmlns:{prefix}")),
                        prefix = code(prefix)
                    ));
                    return fail(out, err);
                }
                None
            }
        };
        let after = reader.buffer_position() as usize;
        let (e, empty) = match event {
            Event::Eof => break,
            Event::DocType(d) => {
                // Never expanded; remembered only to explain an unresolved reference later.
                entities_declared |= d.xml10_content().contains("<!ENTITY");
                continue;
            }
            Event::End(_) => {
                depth = depth.saturating_sub(1);
                continue;
            }
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            // XML 1.0 §2.1: nothing but markup and white space before the root element.
            Event::Text(t) if out.root.is_none() && !t.xml10_content().trim().is_empty() => {
                return Err(ExtractError::Corrupt(detail!(
                    "the SVG has text before its root element (at byte {at})",
                    at = count(before)
                )));
            }
            _ => continue,
        };
        if out.root.is_none() {
            if e.local_name().into_inner() != "svg" {
                return Err(ExtractError::NotABadge {
                    kind: format!("non-SVG XML (root element <{}>)", e.name().into_inner()),
                });
            }
            out.root = Some(Root {
                start: before,
                end: after,
                self_closing: empty,
                openbadges_ns: root_ob_ns(&e),
            });
        }
        if !empty {
            depth += 1;
            if depth > limits.max_xml_depth {
                let err = ExtractError::LimitExceeded(detail!(
                    "SVG elements nested deeper than {n} levels",
                    n = count(limits.max_xml_depth)
                ));
                return fail(out, err);
            }
        }
        let found = ns
            .as_deref()
            .and_then(|n| badge_namespace(n, e.local_name().into_inner()));
        if let (None, Some(n)) = (found, ns.as_deref()) {
            let (prefix, local) = (
                e.name().prefix().map(|p| p.into_inner().to_string()),
                e.local_name().into_inner(),
            );
            let looks_like = prefix.as_deref() == Some("openbadges")
                || n.contains("openbadges")
                || n.contains("imsglobal");
            if (local == "assertion" || local == "credential")
                && looks_like
                && out.near_miss.is_none()
            {
                out.near_miss = Some(detail!(
                    "{element} is in namespace \"{namespace}\"",
                    element = code(format!("<{}>", e.name().into_inner())),
                    namespace = code(n)
                ));
            }
        }
        if let Some(namespace) = found {
            let qname = e.name().into_inner().to_owned();
            let verify = verify_attr(&reader, &e, namespace, &qname, entities_declared);
            let (body, end) = if empty {
                (Ok(String::new()), after)
            } else {
                match read_body(&mut reader, &qname, limits, entities_declared) {
                    Ok(x) => x,
                    Err(err) => {
                        return fail(out, err);
                    }
                }
            };
            if !empty {
                depth -= 1;
            }
            // Only the first badge's payload is used: later ones keep just their span.
            let (verify, body) = if out.badges.is_empty() {
                (verify, body)
            } else {
                (None, Ok(String::new()))
            };
            out.badges.push(BadgeElement {
                namespace,
                qname,
                verify,
                body,
                start: before,
                end,
            });
        }
    }
    if out.root.is_none() {
        return Err(ExtractError::Corrupt(detail!(
            "the SVG has no `<svg>` element"
        )));
    }
    Ok(out)
}

/// `xmlns:openbadges="…"` on the root, if present.
fn root_ob_ns(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.into_inner() == "xmlns:openbadges")
        .map(|a| a.value.to_string())
}

/// The `verify` attribute: unprefixed (as both specs write it) or in the badge's namespace.
fn verify_attr(
    reader: &NsReader<&[u8]>,
    e: &BytesStart<'_>,
    namespace: &str,
    qname: &str,
    entities_declared: bool,
) -> Option<Result<String, ExtractError>> {
    for attr in e.attributes() {
        let attr = match attr {
            Ok(a) => a,
            Err(err) => {
                let _ = err;
                return Some(Err(ExtractError::Corrupt(detail!(
                    "malformed attribute on {element}",
                    element = code(format!("<{qname}>"))
                ))));
            }
        };
        let (res, local) = reader.resolver().resolve_attribute(attr.key);
        let ours = match res {
            ResolveResult::Unbound => true,
            ResolveResult::Bound(n) => n.into_inner() == namespace,
            ResolveResult::Unknown(_) => false,
        };
        if ours && local.into_inner() == "verify" {
            return Some(
                attr.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                    .map(|v| v.into_owned())
                    .map_err(|err| {
                        // quick-xml's message names the entity among English words: only
                        // the entity is kept.
                        let message = err.to_string();
                        let entity = message
                            .split('`')
                            .nth(1)
                            .map(|name| format!("&{name};"))
                            .unwrap_or_else(|| "&…;".into());
                        entity_error(
                            detail!(
                                "the `verify` attribute of {element}",
                                element = code(format!("<{qname}>"))
                            ),
                            &entity,
                            entities_declared,
                        )
                    }),
            );
        }
    }
    None
}

fn entity_error(place: Detail, reference: &str, entities_declared: bool) -> ExtractError {
    if entities_declared {
        ExtractError::Unsupported(detail!(
            "{place} uses an entity reference that is not expanded ({reference}); entities declared in the `DOCTYPE` are never expanded (no DTD processing)",
            place = cause(place),
            reference = code(reference)
        ))
    } else {
        ExtractError::Unsupported(detail!(
            "{place} uses an entity reference that is not expanded ({reference}); only the predefined XML entities are allowed",
            place = cause(place),
            reference = code(reference)
        ))
    }
}

/// Reads the badge element's text and CDATA up to its end tag. Nested elements are skipped;
/// their text is not part of the payload.
fn read_body(
    reader: &mut NsReader<&[u8]>,
    qname: &str,
    limits: &Limits,
    entities_declared: bool,
) -> Result<(Result<String, ExtractError>, usize), ExtractError> {
    let mut body = String::new();
    let mut problem: Option<ExtractError> = None;
    let mut inner_depth = 0usize;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| xml_error(e, reader.error_position()))?;
        match ev {
            Event::Eof => {
                return Err(ExtractError::Corrupt(detail!(
                    "the SVG ends inside {element} (no closing tag)",
                    element = code(format!("<{qname}>"))
                )));
            }
            Event::Start(_) => {
                inner_depth += 1;
                if inner_depth > limits.max_xml_depth {
                    return Err(ExtractError::LimitExceeded(detail!(
                        "SVG elements nested deeper than {n} levels",
                        n = count(limits.max_xml_depth)
                    )));
                }
            }
            Event::End(_) if inner_depth == 0 => break,
            Event::End(_) => inner_depth -= 1,
            Event::Text(t) if inner_depth == 0 => body.push_str(&t.xml10_content()),
            Event::CData(t) if inner_depth == 0 => body.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if inner_depth == 0 => match r.resolve_char_ref() {
                Ok(Some(c)) => body.push(c),
                Ok(None) => match &*r.xml10_content() {
                    "lt" => body.push('<'),
                    "gt" => body.push('>'),
                    "amp" => body.push('&'),
                    "apos" => body.push('\''),
                    "quot" => body.push('"'),
                    name => {
                        problem.get_or_insert_with(|| {
                            entity_error(
                                detail!(
                                    "the body of {element}",
                                    element = code(format!("<{qname}>"))
                                ),
                                &format!("&{name};"),
                                entities_declared,
                            )
                        });
                    }
                },
                Err(_) => {
                    problem.get_or_insert_with(|| {
                        ExtractError::Corrupt(detail!(
                            "bad character reference in {element}",
                            element = code(format!("<{qname}>"))
                        ))
                    });
                }
            },
            _ => {}
        }
        if body.len() > limits.max_payload_bytes {
            return Err(ExtractError::LimitExceeded(detail!(
                "the body of the SVG element {element} is more than the {limit}-byte payload limit",
                element = code(format!("<{qname}>")),
                limit = count(limits.max_payload_bytes)
            )));
        }
    }
    let end = reader.buffer_position() as usize;
    Ok((problem.map_or(Ok(body), Err), end))
}

/// Extracts the first badge element's payload; later ones are reported as a warning.
pub fn extract_svg(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let text = svg_text(bytes, limits)?;
    let scan = scan(text, limits, true)?;
    let mut badges = scan.badges.into_iter();
    let Some(first) = badges.next() else {
        if let Some(near) = scan.near_miss {
            // Namespaces decide, not prefixes (Namespaces in XML 1.0 §4).
            return Err(ExtractError::Unrecognized(detail!(
                "the SVG element {near}; an Open Badge is `<assertion>` in \"{ob2}\" (OB 2.0) or `<credential>` in \"{ob3}\" (OB 3.0)",
                near = cause(near),
                ob2 = url(NS_OB2),
                ob3 = url(NS_OB3)
            )));
        }
        return Err(ExtractError::NoBadgeInImage { kind: "SVG".into() });
    };
    let mut warnings = Vec::new();
    let rest_count = badges.len();
    let rest: Vec<Detail> = badges
        .take(super::MAX_LISTED)
        .map(|b| {
            detail!(
                "{element} ({namespace}) at byte {at}",
                element = code(format!("<{}>", b.qname)),
                namespace = url(b.namespace),
                at = count(b.start)
            )
        })
        .collect();
    if rest_count > 0 {
        warnings.push(detail!(
            "the SVG has more than one badge element; the first ({element} at byte {at}) was used, ignored: {others}",
            element = code(format!("<{}>", first.qname)),
            at = count(first.start),
            others = super::list(rest, rest_count)
        ));
    }
    if let Some(e) = scan.late_error {
        warnings.push(detail!(
            "the SVG is damaged after the badge element ({why}); the rest was ignored",
            why = cause(e.detail())
        ));
    }
    let what = detail!(
        "SVG element {element} ({namespace})",
        element = code(format!("<{}>", first.qname)),
        namespace = url(first.namespace)
    );
    if first.namespace == NS_CLR {
        return Err(ExtractError::Unsupported(detail!(
            "this SVG carries a Comprehensive Learner Record (CLR 2.0) in its {what}; only Open Badges are verified here",
            what = cause(what)
        )));
    }
    let body = first.body?;
    let verify = first.verify.transpose()?;
    // OB 2.0 Baking "Extracting": "If there is a body, it will be the JSON representation of a
    // badge assertion"; otherwise the verify attribute carries the signature (or hosted URL).
    let (text, how) = if !body.trim().is_empty() {
        (body, "body")
    } else if let Some(v) = verify.filter(|v| !v.trim().is_empty()) {
        (v, "verify attribute")
    } else {
        return Err(ExtractError::Corrupt(detail!(
            "the {what} has neither a `verify` attribute nor a body",
            what = cause(what)
        )));
    };
    let payload: Payload = detect::classify_text(&text, limits).map_err(|e| match e {
        ExtractError::Unrecognized(m) if how == "body" => ExtractError::Unrecognized(detail!(
            "the body of the {what}: {why}",
            what = cause(what.clone()),
            why = cause(m)
        )),
        ExtractError::Unrecognized(m) => ExtractError::Unrecognized(detail!(
            "the `verify` attribute of the {what}: {why}",
            what = cause(what.clone()),
            why = cause(m)
        )),
        other => other,
    })?;
    Ok(Extracted {
        payload,
        container: Container::Svg {
            element: format!("{} ({how})", first.qname),
        },
        warnings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn svg(inner: &str, ns_decl: &str) -> String {
        format!("<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\" {ns_decl}>{inner}<rect/></svg>")
    }

    #[test]
    fn finds_by_namespace_not_prefix() {
        let l = Limits::default();
        let s = svg(
            "<ob:assertion verify=\"https://e.org/a/1\"/>",
            "xmlns:ob=\"http://openbadges.org\"",
        );
        let e = extract_svg(s.as_bytes(), &l).unwrap();
        assert_eq!(e.payload, Payload::Url("https://e.org/a/1".into()));
        let s = svg(
            "<openbadges:assertion verify=\"https://e.org/a/1\"/>",
            "xmlns:openbadges=\"http://example.org\"",
        );
        assert!(
            matches!(extract_svg(s.as_bytes(), &l), Err(ExtractError::Unrecognized(m)) if m.contains("http://example.org"))
        );
        // Default namespace works too.
        let s =
            svg("<credential xmlns=\"https://purl.imsglobal.org/ob/v3p0\"><![CDATA[{\"a\":\"}\"}]]></credential>", "");
        assert_eq!(
            extract_svg(s.as_bytes(), &l).unwrap().payload,
            Payload::Json("{\"a\":\"}\"}".into())
        );
    }

    #[test]
    fn body_wins_over_verify_and_entities_resolve() {
        let l = Limits::default();
        let s = svg(
            "<openbadges:assertion verify=\"https://e.org/a/1\">{&quot;a&quot;:&#49;}</openbadges:assertion>",
            "xmlns:openbadges=\"http://openbadges.org\"",
        );
        assert_eq!(
            extract_svg(s.as_bytes(), &l).unwrap().payload,
            Payload::Json("{\"a\":1}".into())
        );
    }

    #[test]
    fn custom_entities_are_not_expanded() {
        let l = Limits::default();
        let s = "<!DOCTYPE svg [<!ENTITY x \"https://evil\">]><svg xmlns:openbadges=\"http://openbadges.org\"><openbadges:assertion>&x;</openbadges:assertion></svg>";
        assert!(
            matches!(extract_svg(s.as_bytes(), &l), Err(ExtractError::Unsupported(m)) if m.contains("never expanded"))
        );
    }
}
