//! Baking, for earners: put a payload into a PNG or SVG as the baking specs prescribe, replacing
//! any badge already baked in (both specs let the baker overwrite an existing badge).

use super::png::{self as png_chunks, KEYWORD_OB2, KEYWORD_OB3};
use super::svg::{self, NS_OB2, NS_OB3};
use super::{detect, ExtractError, Payload};
use crate::limits::Limits;

/// Which baking rules to follow: OB 2.0 (`openbadges` keyword, `assertion` element) or OB 3.0
/// (`openbadgecredential` keyword, `credential` element).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BadgeVersion {
    /// OB 2.0: PNG keyword `openbadges`, SVG element `openbadges:assertion`.
    Ob2,
    /// OB 3.0: PNG keyword `openbadgecredential`, SVG element `openbadges:credential`.
    Ob3,
}

impl BadgeVersion {
    /// The PNG `iTXt` keyword these rules bake under.
    pub fn png_keyword(self) -> &'static str {
        match self {
            BadgeVersion::Ob2 => KEYWORD_OB2,
            BadgeVersion::Ob3 => KEYWORD_OB3,
        }
    }

    fn svg_element(self) -> (&'static str, &'static str) {
        match self {
            BadgeVersion::Ob2 => (NS_OB2, "assertion"),
            BadgeVersion::Ob3 => (NS_OB3, "credential"),
        }
    }
}

/// Why a badge could not be baked.
#[derive(Debug, Clone, PartialEq)]
pub enum BakeError {
    /// The image could not be read (not a PNG/SVG, damaged, over a limit …).
    Image(ExtractError),
    /// The payload cannot be baked this way (empty, not what its variant says, a URL in OB 3.0 …).
    Payload(String),
}

impl std::fmt::Display for BakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BakeError::Image(e) => write!(f, "cannot bake into this image: {e}"),
            BakeError::Payload(m) => write!(f, "cannot bake this payload: {m}"),
        }
    }
}

impl std::error::Error for BakeError {}

/// Checks that the payload is what its variant says (so extraction gives it back unchanged)
/// and allowed for the version. Returns its text.
fn payload_text(version: BadgeVersion, payload: &Payload) -> Result<&str, BakeError> {
    let text =
        match payload {
            Payload::Url(_) if version == BadgeVersion::Ob3 => return Err(BakeError::Payload(
                "OB 3.0 bakes the credential itself (JSON or a VC-JWT), not a URL (OB 3.0 §Baking)"
                    .into(),
            )),
            Payload::Url(t) | Payload::Json(t) | Payload::Jws(t) => t.as_str(),
        };
    if text != text.trim() || text.is_empty() {
        return Err(BakeError::Payload(
            "the payload is empty or starts/ends with white space".into(),
        ));
    }
    let limits = Limits::default();
    match detect::classify_text(text, &limits) {
        Ok(p) if &p == payload => Ok(text),
        Ok(p) => Err(BakeError::Payload(format!(
            "the payload was given as {payload:?} but reads as {p:?}"
        ))),
        Err(e) => Err(BakeError::Payload(e.to_string())),
    }
}

/// Bakes into a PNG: one uncompressed `iTXt` chunk right after `IHDR` (so before the first
/// IDAT), every existing badge chunk (`openbadges`, `openbadgecredential`, any of iTXt/tEXt/zTXt)
/// removed. Other chunks are copied byte for byte; anything after IEND is dropped.
pub fn bake_png(
    png: &[u8],
    version: BadgeVersion,
    payload: &Payload,
) -> Result<Vec<u8>, BakeError> {
    let text = payload_text(version, payload)?;
    expect_kind(png, detect::Kind::Png, "PNG")?;
    let mut it = png_chunks::chunks(png).map_err(BakeError::Image)?;
    let mut out = Vec::with_capacity(png.len() + text.len() + 64);
    out.extend_from_slice(png_chunks::SIGNATURE);
    let mut first = true;
    let mut saw_iend = false;
    for c in it.by_ref() {
        let c = c.map_err(BakeError::Image)?;
        if first {
            if &c.kind != b"IHDR" {
                return Err(BakeError::Image(ExtractError::Corrupt(crate::detail!(
                    "the first PNG chunk is {kind}, not `IHDR`",
                    kind = crate::detail::code(c.kind_str())
                ))));
            }
            out.extend_from_slice(&png[c.offset..c.offset + c.total_len()]);
            out.extend_from_slice(&png_chunks::make_itxt(version.png_keyword(), text));
            first = false;
            continue;
        }
        saw_iend |= &c.kind == b"IEND";
        if !png_chunks::is_badge_chunk(&c) {
            out.extend_from_slice(&png[c.offset..c.offset + c.total_len()]);
        }
    }
    if !saw_iend {
        return Err(BakeError::Image(ExtractError::Corrupt(crate::detail!(
            "the PNG has no `IEND` chunk"
        ))));
    }
    read_back(out, payload)
}

fn expect_kind(bytes: &[u8], kind: detect::Kind, name: &str) -> Result<(), BakeError> {
    match detect::sniff(bytes) {
        k if k == kind => Ok(()),
        detect::Kind::Other(other) => Err(BakeError::Image(ExtractError::NotABadge {
            kind: other.into(),
        })),
        _ => Err(BakeError::Image(ExtractError::Corrupt(crate::detail!(
            "this is not a {kind} file",
            kind = crate::detail::code(name)
        )))),
    }
}

/// The baked file must give the payload back under our own extraction rules (which follow the
/// specs); anything else is refused rather than handed to the earner.
fn read_back(out: Vec<u8>, payload: &Payload) -> Result<Vec<u8>, BakeError> {
    match super::extract(&out, &Limits::default()) {
        Ok(e) if &e.payload == payload => Ok(out),
        Ok(e) => Err(BakeError::Image(ExtractError::Corrupt(crate::detail!(
            "the baked file reads back as {payload}, not the payload baked",
            payload = crate::detail::code(format!("{:?}", e.payload))
        )))),
        Err(e) => Err(BakeError::Image(e)),
    }
}

/// Bakes into an SVG (OB 2.0 Baking "SVGs", OB 3.0 §"SVG Baking"): declares
/// `xmlns:openbadges` on the `<svg>` element and puts the badge element directly after the
/// `<svg>` start tag — a JWS or URL in its `verify` attribute, JSON as its body in CDATA (for an
/// OB 2.0 assertion also `verify` = the assertion's `id`, as in the spec's example). Existing
/// OB 2.0/3.0 badge elements are removed.
pub fn bake_svg(
    svg_bytes: &[u8],
    version: BadgeVersion,
    payload: &Payload,
) -> Result<Vec<u8>, BakeError> {
    let text = payload_text(version, payload)?;
    let limits = Limits::default();
    expect_kind(svg_bytes, detect::Kind::Svg, "SVG")?;
    let doc = svg::svg_text(svg_bytes, &limits).map_err(BakeError::Image)?;
    let scan = svg::scan(doc, &limits, false).map_err(BakeError::Image)?;
    let root = scan.root.ok_or_else(|| {
        BakeError::Image(ExtractError::Corrupt(crate::detail!(
            "the SVG has no `<svg>` element"
        )))
    })?;
    let (ns, local) = version.svg_element();

    // (range, replacement), applied from the end.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let root_tag = &doc[root.start..root.end];
    let root_name_len = root_tag[1..]
        .find(|c: char| c.is_whitespace() || c == '/' || c == '>')
        .unwrap_or(0);
    let root_name = &root_tag[1..1 + root_name_len];
    match root.openbadges_ns.as_deref() {
        None => {
            let at = root.start + 1 + root_name_len;
            edits.push((at..at, format!(" xmlns:openbadges=\"{ns}\"")));
        }
        Some(v) if v == ns => {}
        Some(v) if v == NS_OB2 || v == NS_OB3 => {
            // Only badge elements use these namespaces, and they are all removed below.
            let r = attr_value_range(root_tag, "xmlns:openbadges").ok_or_else(|| {
                BakeError::Image(ExtractError::Corrupt(crate::detail!(
                    "cannot locate `xmlns:openbadges` on `<svg>`"
                )))
            })?;
            edits.push(((root.start + r.start)..(root.start + r.end), ns.to_string()));
        }
        Some(v) => {
            return Err(BakeError::Image(ExtractError::Unsupported(crate::detail!(
                "the `<svg>` element already binds the prefix `openbadges` to {namespace}",
                namespace = crate::detail::code(v)
            ))))
        }
    }
    let element = badge_element(version, local, payload, text);
    if root.self_closing {
        // `<svg …/>` becomes `<svg …>` + badge + `</svg>`.
        edits.push((
            (root.end - 2)..root.end,
            format!(">\n{element}\n</{root_name}>"),
        ));
    } else {
        edits.push((root.end..root.end, format!("\n{element}")));
    }
    for b in scan
        .badges
        .iter()
        .filter(|b| b.namespace == NS_OB2 || b.namespace == NS_OB3)
    {
        edits.push((b.start..b.end, String::new()));
    }
    // From the end; at one offset the removal of an old badge goes before the insertion.
    edits.sort_by_key(|(r, _)| (std::cmp::Reverse(r.start), std::cmp::Reverse(r.end)));
    let mut out = doc.to_string();
    for (r, s) in edits {
        out.replace_range(r, &s);
    }
    read_back(out.into_bytes(), payload)
}

fn badge_element(version: BadgeVersion, local: &str, payload: &Payload, text: &str) -> String {
    match payload {
        Payload::Url(_) | Payload::Jws(_) => {
            format!(
                "<openbadges:{local} verify=\"{}\"></openbadges:{local}>",
                escape_attr(text)
            )
        }
        Payload::Json(_) => {
            let id = (version == BadgeVersion::Ob2)
                .then(|| crate::strict_json::from_str(text, crate::limits::MAX_JSON_DEPTH).ok())
                .flatten()
                .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string))
                .filter(|id| id.starts_with("https://") || id.starts_with("http://"));
            let verify = id
                .map(|id| format!(" verify=\"{}\"", escape_attr(&id)))
                .unwrap_or_default();
            format!(
                "<openbadges:{local}{verify}>\n<![CDATA[{}]]>\n</openbadges:{local}>",
                cdata(text)
            )
        }
    }
}

/// CDATA cannot contain `]]>`: split it across two sections.
fn cdata(text: &str) -> String {
    text.replace("]]>", "]]]]><![CDATA[>")
}

/// Attribute value escaping; tabs and newlines as character references so attribute-value
/// normalisation (XML 1.0 §3.3.3) does not turn them into spaces.
fn escape_attr(v: &str) -> String {
    let mut s = String::with_capacity(v.len());
    for c in v.chars() {
        match c {
            '&' => s.push_str("&amp;"),
            '<' => s.push_str("&lt;"),
            '"' => s.push_str("&quot;"),
            '\t' => s.push_str("&#9;"),
            '\n' => s.push_str("&#10;"),
            '\r' => s.push_str("&#13;"),
            c => s.push(c),
        }
    }
    s
}

/// The byte range of an attribute's value (inside the quotes) in a start tag.
fn attr_value_range(tag: &str, name: &str) -> Option<std::ops::Range<usize>> {
    let mut from = 0;
    while let Some(i) = tag[from..].find(name) {
        let at = from + i;
        let before_ok = tag[..at].ends_with(|c: char| c.is_whitespace());
        let rest = &tag[at + name.len()..];
        let trimmed = rest.trim_start();
        if before_ok && trimmed.starts_with('=') {
            let after_eq = trimmed[1..].trim_start();
            let quote = after_eq.chars().next()?;
            if quote == '"' || quote == '\'' {
                let start = tag.len() - after_eq.len() + 1;
                let end = start + tag[start..].find(quote)?;
                return Some(start..end);
            }
        }
        from = at + name.len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attr_range() {
        let t = "<svg a='1' xmlns:openbadges = \"http://openbadges.org\">";
        let r = attr_value_range(t, "xmlns:openbadges").unwrap();
        assert_eq!(&t[r], "http://openbadges.org");
    }

    #[test]
    fn cdata_end_is_split() {
        assert_eq!(cdata("a]]>b"), "a]]]]><![CDATA[>b");
    }

    #[test]
    fn ob3_refuses_urls() {
        let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>";
        assert!(matches!(
            bake_svg(
                svg,
                BadgeVersion::Ob3,
                &Payload::Url("https://e.org/1".into())
            ),
            Err(BakeError::Payload(_))
        ));
    }
}
