//! Step 1 of the pipeline: input bytes → the embedded Open Badges payload, exactly as baked.
//!
//! Detection is by content (magic bytes, first non-space character), never by file name.

#[cfg(any(test, feature = "test-support"))]
pub mod bake;
// The view names the file kinds the core sniffs (one decision, `detect::sniff`).
pub mod detect;
#[cfg(feature = "html-pages")]
pub mod html;
// QR codes in PNG and JPEG pictures (issue #17).
pub mod qr;
// PDF résumés (issue #17): what a PDF links to and carries (the reading needs feature `pdf`).
pub mod pdf;
test_visible!(png, svg);

#[cfg(any(test, feature = "test-support"))]
pub use bake::{bake_png, bake_svg, BadgeVersion, BakeError};

use crate::limits::Limits;

/// What was found: a hosted URL, JSON text, or a compact JWS/JWT.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Payload {
    /// A URL to fetch (hosted OB 2.0 assertion, or a credential URL).
    Url(String),
    /// JSON text exactly as baked (an OB 2.0 assertion or an OB 3.0 credential).
    Json(String),
    /// A compact JWS / JWT (OB 2.0 signed assertion or OB 3.0 VC-JWT).
    Jws(String),
}

/// Where the payload came from, for the report's expert view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Container {
    /// A PNG chunk: `iTXt`/`tEXt` with its keyword (`openbadges`, `openbadgecredential`).
    Png { chunk: String, keyword: String },
    /// An SVG element (`openbadges:assertion`, `openbadges:credential`) and how it carried it.
    Svg { element: String },
    /// The input was the payload itself (JSON, JWS or URL text).
    Text,
}

impl std::fmt::Display for Container {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Container::Png { chunk, keyword } => write!(f, "PNG {chunk} chunk \"{keyword}\""),
            Container::Svg { element } => write!(f, "SVG element {element}"),
            Container::Text => write!(f, "text"),
        }
    }
}

/// A payload with its provenance and anything odd noticed on the way (several badge chunks,
/// compressed iTXt …), reported as warnings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    pub payload: Payload,
    pub container: Container,
    pub warnings: Vec<String>,
}

/// Why no payload could be extracted. Every variant says exactly what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExtractError {
    Empty,
    TooLarge {
        size: usize,
        limit: usize,
    },
    /// A recognised file type that carries no Open Badge (JPEG, GIF, PDF …).
    NotABadge {
        kind: String,
    },
    /// A PNG/SVG without a badge chunk/element.
    NoBadgeInImage {
        kind: String,
    },
    /// A recognised but unsupported format (CLR 2.0 …).
    Unsupported(String),
    /// The container is damaged (bad CRC, truncated chunk, malformed XML …).
    Corrupt(String),
    /// A limit on nesting, depth or payload size was hit.
    LimitExceeded(String),
    /// Text that is neither JSON, a JWS nor a URL.
    Unrecognized(String),
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::Empty => write!(f, "the input is empty"),
            ExtractError::TooLarge { size, limit } => {
                write!(
                    f,
                    "the input is {size} bytes, more than the {limit}-byte limit"
                )
            }
            ExtractError::NotABadge { kind } => {
                let an = ["A", "E", "I", "O", "U", "X", "HTML", "MP4", "N-"]
                    .iter()
                    .any(|p| kind.starts_with(p));
                write!(
                    f,
                    "this is {} {kind} file; it carries no Open Badge",
                    if an { "an" } else { "a" }
                )
            }
            ExtractError::NoBadgeInImage { kind } => {
                write!(f, "this {kind} image has no Open Badge baked into it")
            }
            ExtractError::Unsupported(m) => write!(f, "{m}"),
            ExtractError::Corrupt(m) => write!(f, "the file is damaged: {m}"),
            ExtractError::LimitExceeded(m) => write!(f, "limit exceeded: {m}"),
            ExtractError::Unrecognized(m) => write!(f, "not an Open Badge: {m}"),
        }
    }
}

/// How many ignored duplicates a warning names before it only counts them.
const MAX_LISTED: usize = 5;

/// "a, b, c" or "a, b, c and 7 more".
fn list(shown: &[String], total: usize) -> String {
    let more = total.saturating_sub(shown.len());
    if more == 0 {
        shown.join(", ")
    } else {
        format!("{} and {more} more", shown.join(", "))
    }
}

/// Extracts the badge payload from any input: a baked PNG or SVG, JSON, a JWS, or a URL.
pub fn extract(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    if bytes.len() > limits.max_input_bytes {
        return Err(ExtractError::TooLarge {
            size: bytes.len(),
            limit: limits.max_input_bytes,
        });
    }
    match detect::sniff(bytes) {
        detect::Kind::Png => png::extract_png(bytes, limits),
        detect::Kind::Svg => svg::extract_svg(bytes, limits),
        detect::Kind::Text => extract_text(bytes, limits),
        // `verify` reads a PDF's links and attachments; one inside another input is not read.
        detect::Kind::Pdf => Err(ExtractError::Unsupported(
            "a PDF found at a link or inside another document is not searched: verify the PDF file itself".into(),
        )),
        detect::Kind::Other(kind) => Err(ExtractError::NotABadge {
            kind: kind.to_string(),
        }),
    }
}

/// JSON, a compact JWS, or a URL given as text.
fn extract_text(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| {
            ExtractError::Unrecognized("binary data that is not a known image type".into())
        })?
        .trim();
    let payload = detect::classify_text(text, limits)?;
    Ok(Extracted {
        payload,
        container: Container::Text,
        warnings: Vec::new(),
    })
}
