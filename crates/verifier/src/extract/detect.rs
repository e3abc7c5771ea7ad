//! Content sniffing: what kind of input is this? By magic bytes and first characters only.

use super::{ExtractError, Payload};
use crate::detail;
use crate::detail::{count, Detail};
use crate::limits::Limits;

/// What kind of input the bytes are, by their magic bytes and first characters ([`sniff`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A PNG (by its 8-byte signature): searched for a badge chunk.
    Png,
    /// An SVG (text with an `svg` element, not inside an HTML page): searched for a badge
    /// element.
    Svg,
    /// JSON, JWS or URL text (or garbage text; decided by [`classify_text`]).
    Text,
    /// A PDF (a résumé): its links and attached files are verified one by one (`verify::pdf`).
    Pdf,
    /// A known file type that is not a badge carrier.
    Other(&'static str),
}

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// What kind of input `bytes` are, from their first bytes only; never fails (text that is not
/// a badge is [`Kind::Text`], decided later).
pub fn sniff(bytes: &[u8]) -> Kind {
    if bytes.starts_with(PNG_SIGNATURE) {
        return Kind::Png;
    }
    let others: &[(&[u8], &str)] = &[
        (b"\xFF\xD8\xFF", "JPEG"),
        (b"GIF87a", "GIF"),
        (b"GIF89a", "GIF"),
        (b"PK\x03\x04", "ZIP"),
        (b"\x00\x00\x01\x00", "ICO"),
        (b"BM", "BMP"),
        (b"II*\x00", "TIFF"),
        (b"MM\x00*", "TIFF"),
        (b"\x1f\x8b", "gzip"),
        (b"\x00\x00\x00\x0cjP  ", "JPEG 2000"),
        (b"\x1aE\xdf\xa3", "WebM/Matroska video"),
        (b"OggS", "Ogg"),
        (b"\x7fELF", "ELF executable"),
        (b"MZ", "Windows executable"),
    ];
    for (magic, name) in others {
        if bytes.starts_with(magic) {
            return Kind::Other(name);
        }
    }
    if is_pdf(bytes) {
        return Kind::Pdf;
    }
    if bytes.len() >= 12 && &bytes[0..4] == b"RIFF" && &bytes[8..12] == b"WEBP" {
        return Kind::Other("WebP");
    }
    if bytes.len() >= 12 && &bytes[4..8] == b"ftyp" {
        let brand = &bytes[8..12];
        return Kind::Other(match brand {
            b"avif" | b"avis" => "AVIF",
            b"heic" | b"heix" | b"mif1" | b"msf1" => "HEIC",
            _ => "MP4/QuickTime",
        });
    }
    let head = skip_bom_and_space(bytes);
    if is_nquads(head) {
        return Kind::Other("N-Quads");
    }
    if head.starts_with(b"<") {
        // XML: an SVG if an <svg element appears near the start (after prolog, comments and a
        // DOCTYPE, which Illustrator fills with entity declarations).
        let window = &head[..head.len().min(64 * 1024)];
        let find = |pat: &[u8]| {
            window
                .windows(pat.len())
                .position(|w| w.eq_ignore_ascii_case(pat))
        };
        let svg = [find(b"<svg"), find(b":svg")].into_iter().flatten().min();
        return match (svg, find(b"<html")) {
            // A web page with an inline <svg> is still a web page.
            (Some(s), Some(h)) if h < s => Kind::Other("HTML"),
            (Some(_), _) => Kind::Svg,
            (None, Some(_)) => Kind::Other("HTML"),
            (None, None) => Kind::Other("XML"),
        };
    }
    Kind::Text
}

/// A picture that may hold QR codes (issue #17): `Some("PNG")` or `Some("JPEG")`, by magic bytes.
/// A PNG without a badge chunk and any JPEG are scanned for QR codes (`extract::qr`).
pub fn image_to_scan(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(PNG_SIGNATURE) {
        Some("PNG")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("JPEG")
    } else {
        None
    }
}

/// `%PDF-` at the start, or within the first 1024 bytes after other bytes (ISO 32000-1 Annex H
/// tolerates such junk, and lopdf reads it) unless they look like text that only quotes it.
fn is_pdf(bytes: &[u8]) -> bool {
    let window = &bytes[..bytes.len().min(1024)];
    match window.windows(5).position(|w| w == b"%PDF-") {
        Some(0) => true,
        Some(_) => {
            !matches!(
                skip_bom_and_space(bytes).first(),
                Some(b'{' | b'[' | b'<' | b'"' | b'%') | None
            ) && !skip_bom_and_space(bytes).starts_with(b"ey")
                && !skip_bom_and_space(bytes)
                    .get(..4)
                    .is_some_and(|h| h.eq_ignore_ascii_case(b"http"))
        }
        None => false,
    }
}

/// RDF N-Quads or N-Triples text (a canonical form, say): it starts with an IRI in angle
/// brackets, `<did:key:z6Mk…> <https://…>`, which is not XML — an XML start tag with a prefixed
/// name and no attributes cannot be followed by a space and another term.
fn is_nquads(head: &[u8]) -> bool {
    let Some(rest) = head.strip_prefix(b"<") else {
        return false;
    };
    let Some(end) = rest.iter().take(2048).position(|&b| b == b'>') else {
        return false;
    };
    let iri = &rest[..end];
    !iri.is_empty()
        && iri.first().is_some_and(u8::is_ascii_alphabetic)
        && iri.contains(&b':')
        && !iri.iter().any(|b| b.is_ascii_whitespace() || *b == b'<')
        && matches!(rest.get(end + 1), Some(b' ' | b'\t'))
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let b = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let start = b
        .iter()
        .position(|c| !c.is_ascii_whitespace())
        .unwrap_or(b.len());
    &b[start..]
}

/// Decides what badge text is: JSON (object, or a JSON string holding a JWS), a compact JWS, or
/// an http(s) URL.
pub fn classify_text(text: &str, limits: &Limits) -> Result<Payload, ExtractError> {
    let text = text.trim_start_matches('\u{feff}').trim();
    if text.len() > limits.max_payload_bytes {
        return Err(ExtractError::LimitExceeded(detail!(
            "payload is {size} bytes, more than {limit}",
            size = count(text.len()),
            limit = count(limits.max_payload_bytes)
        )));
    }
    if text.starts_with('{') {
        check_json_depth(text, limits.max_json_depth)?;
        // Syntax only (the model parses it again into values): no tree built here.
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map_err(|e| ExtractError::Unrecognized(invalid_json(&e)))?;
        return Ok(Payload::Json(text.to_string()));
    }
    if text.starts_with('[') {
        check_json_depth(text, limits.max_json_depth)?;
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map_err(|e| ExtractError::Unrecognized(invalid_json(&e)))?;
        return Err(ExtractError::Unrecognized(detail!(
            "a JSON array; a badge is a JSON object"
        )));
    }
    if text.starts_with('"') {
        let inner: String = serde_json::from_str(text).map_err(|e| {
            ExtractError::Unrecognized(detail!(
                "invalid JSON string (line {line}, column {column})",
                line = count(e.line()),
                column = count(e.column())
            ))
        })?;
        return classify_text(&inner, limits);
    }
    if is_compact_jws(text) {
        return Ok(Payload::Jws(text.to_string()));
    }
    if text.starts_with("https://") || text.starts_with("http://") {
        if text.chars().any(char::is_whitespace) {
            return Err(ExtractError::Unrecognized(detail!(
                "a URL cannot contain spaces"
            )));
        }
        return Ok(Payload::Url(text.to_string()));
    }
    let shown: String = text.chars().take(40).collect();
    Err(ExtractError::Unrecognized(detail!(
        "expected JSON, a JWS/JWT or an https URL, found \"{shown}\"",
        shown = crate::detail::text(shown)
    )))
}

/// Why text is not JSON, in our words (serde_json's own message is English): where it stops.
pub(crate) fn invalid_json(e: &serde_json::Error) -> Detail {
    if e.is_eof() {
        detail!(
            "invalid JSON: it ends too early (line {line}, column {column})",
            line = count(e.line()),
            column = count(e.column())
        )
    } else {
        detail!(
            "invalid JSON (line {line}, column {column})",
            line = count(e.line()),
            column = count(e.column())
        )
    }
}

/// Three base64url segments separated by dots (the signature may be empty only for `alg: none`,
/// which is refused later with a clear message rather than here).
pub fn is_compact_jws(text: &str) -> bool {
    let parts: Vec<&str> = text.split('.').collect();
    parts.len() == 3
        && !parts[0].is_empty()
        && !parts[1].is_empty()
        && parts.iter().all(|p| {
            p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        })
}

/// Rejects JSON nested deeper than `max` before serde sees it (serde_json's own limit is 128
/// and answers with a less specific error). Counts brackets outside strings.
pub fn check_json_depth(text: &str, max: usize) -> Result<(), ExtractError> {
    let (mut depth, mut in_str, mut esc) = (0usize, false, false);
    for b in text.bytes() {
        if in_str {
            match (esc, b) {
                (true, _) => esc = false,
                (false, b'\\') => esc = true,
                (false, b'"') => in_str = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_str = true,
            b'{' | b'[' => {
                depth += 1;
                if depth > max {
                    return Err(ExtractError::LimitExceeded(detail!(
                        "JSON nested deeper than {max} levels",
                        max = count(max)
                    )));
                }
            }
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\nrest"), Kind::Png);
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0"), Kind::Other("JPEG"));
        assert_eq!(image_to_scan(b"\xFF\xD8\xFF\xE0"), Some("JPEG"));
        assert_eq!(image_to_scan(b"\x89PNG\r\n\x1a\nrest"), Some("PNG"));
        assert_eq!(image_to_scan(b"GIF89a"), None);
        assert_eq!(
            sniff(b"  <?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            Kind::Svg
        );
        assert_eq!(sniff(b"{\"a\":1}"), Kind::Text);
        assert_eq!(sniff(b"\x00\x00\x00\x1cftypavif"), Kind::Other("AVIF"));
        assert_eq!(sniff(b"RIFF\x00\x00\x00\x00WEBPVP8 "), Kind::Other("WebP"));
        assert_eq!(sniff(b"<?xml version=\"1.0\"?><note/>"), Kind::Other("XML"));
        // N-Quads (a canonical form) is RDF text, not XML.
        assert_eq!(
            sniff(b"<did:key:z6Mk> <https://schema.org/name> \"B\" <urn:g> .\n"),
            Kind::Other("N-Quads")
        );
        assert_eq!(
            sniff(b"<https://e.example/c/1>\t<http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://e.example/T> .\n"),
            Kind::Other("N-Quads")
        );
        assert_eq!(sniff(b"<a:note xmlns:a=\"urn:x\"/>"), Kind::Other("XML"));
        assert_eq!(
            sniff(b"<!DOCTYPE html><html><body><svg></svg></body></html>"),
            Kind::Other("HTML")
        );
        // Illustrator-style prologs: entity declarations push <svg> past the first few KB.
        let long = format!(
            "<?xml version=\"1.0\"?><!DOCTYPE svg [{}]><svg/>",
            "<!ENTITY a \"b\">".repeat(1000)
        );
        assert_eq!(sniff(long.as_bytes()), Kind::Svg);
    }

    #[test]
    fn classifies_text() {
        let l = Limits::default();
        assert!(matches!(
            classify_text(" {\"a\": \"}\"} ", &l),
            Ok(Payload::Json(_))
        ));
        assert!(matches!(
            classify_text("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln", &l),
            Ok(Payload::Jws(_))
        ));
        assert!(matches!(
            classify_text("\"eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln\"", &l),
            Ok(Payload::Jws(_))
        ));
        assert!(matches!(
            classify_text("https://example.org/a/1", &l),
            Ok(Payload::Url(_))
        ));
        assert!(matches!(
            classify_text("hello", &l),
            Err(ExtractError::Unrecognized(_))
        ));
    }

    #[test]
    fn deep_json_is_refused() {
        let deep = "[".repeat(1000) + &"]".repeat(1000);
        let l = Limits::default();
        assert!(matches!(
            check_json_depth(&deep, l.max_json_depth),
            Err(ExtractError::LimitExceeded(_))
        ));
        assert!(check_json_depth("{\"a\":\"[[[[[[[[[[\"}", 3).is_ok());
    }
}
