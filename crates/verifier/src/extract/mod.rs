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

use crate::detail;
use crate::detail::{cause, code, count, Detail};
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
    Png {
        /// The chunk type: `iTXt` or `tEXt`.
        chunk: String,
        /// The chunk's keyword.
        keyword: String,
    },
    /// An SVG element (`openbadges:assertion`, `openbadges:credential`) and how it carried it.
    Svg {
        /// The element's qualified name and how it carried the payload (`… (verify
        /// attribute)`, `… (body)`).
        element: String,
    },
    /// The input was the payload itself (JSON, JWS or URL text).
    Text,
}

impl Container {
    /// Where the badge was, in words.
    pub fn detail(&self) -> Detail {
        match self {
            Container::Png { chunk, keyword } => detail!(
                "PNG {chunk} chunk \"{keyword}\"",
                chunk = code(chunk),
                keyword = code(keyword)
            ),
            // `element` is "qname (how)", as the expert view shows it.
            Container::Svg { element } => {
                if let Some(e) = element.strip_suffix(" (verify attribute)") {
                    detail!(
                        "SVG element {element} (`verify` attribute)",
                        element = code(e)
                    )
                } else if let Some(e) = element.strip_suffix(" (body)") {
                    detail!("SVG element {element} (body)", element = code(e))
                } else {
                    detail!("SVG element {element}", element = code(element))
                }
            }
            Container::Text => detail!("text"),
        }
    }
}

impl std::fmt::Display for Container {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

/// A payload with its provenance and anything odd noticed on the way (several badge chunks,
/// compressed iTXt …), reported as warnings.
#[derive(Debug, Clone, PartialEq)]
pub struct Extracted {
    /// What was found: a URL, JSON text or a compact JWS.
    pub payload: Payload,
    /// Where it was found.
    pub container: Container,
    /// Oddities noticed on the way; the report lists each as a warning check.
    pub warnings: Vec<Detail>,
}

/// Why no payload could be extracted. Every variant says exactly what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ExtractError {
    /// The input has no bytes.
    Empty,
    /// The input is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
    TooLarge {
        /// The input's size in bytes.
        size: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// A recognised file type that carries no Open Badge (JPEG, GIF, PDF …).
    NotABadge {
        /// The file type recognised (`JPEG`, `GIF` …).
        kind: String,
    },
    /// A PNG/SVG without a badge chunk/element.
    NoBadgeInImage {
        /// `PNG` or `SVG`.
        kind: String,
    },
    /// A recognised but unsupported format (CLR 2.0 …).
    Unsupported(Detail),
    /// The container is damaged (bad CRC, truncated chunk, malformed XML …).
    Corrupt(Detail),
    /// A limit on nesting, depth or payload size was hit.
    LimitExceeded(Detail),
    /// Text that is neither JSON, a JWS nor a URL.
    Unrecognized(Detail),
}

impl ExtractError {
    /// What is wrong, in words.
    pub fn detail(&self) -> Detail {
        match self {
            ExtractError::Empty => detail!("the input is empty"),
            ExtractError::TooLarge { size, limit } => detail!(
                "the input is {size} bytes, more than the {limit}-byte limit",
                size = count(*size),
                limit = count(*limit)
            ),
            ExtractError::NotABadge { kind } if kind.starts_with("non-SVG XML (root element ") => {
                let root = kind
                    .trim_start_matches("non-SVG XML (root element ")
                    .trim_end_matches(')');
                detail!(
                    "this is a non-SVG XML (root element {root}) file; it carries no Open Badge",
                    root = code(root)
                )
            }
            ExtractError::NotABadge { kind } => {
                let an = ["A", "E", "I", "O", "U", "X", "HTML", "MP4", "N-"]
                    .iter()
                    .any(|p| kind.starts_with(p));
                if an {
                    detail!(
                        "this is an {kind} file; it carries no Open Badge",
                        kind = code(kind)
                    )
                } else {
                    detail!(
                        "this is a {kind} file; it carries no Open Badge",
                        kind = code(kind)
                    )
                }
            }
            ExtractError::NoBadgeInImage { kind } => detail!(
                "this {kind} image has no Open Badge baked into it",
                kind = code(kind)
            ),
            ExtractError::Unsupported(m) => m.clone(),
            ExtractError::Corrupt(m) => {
                detail!("the file is damaged: {why}", why = cause(m.clone()))
            }
            ExtractError::LimitExceeded(m) => {
                detail!("limit exceeded: {why}", why = cause(m.clone()))
            }
            ExtractError::Unrecognized(m) => {
                detail!("not an Open Badge: {why}", why = cause(m.clone()))
            }
        }
    }
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

/// How many ignored duplicates a warning names before it only counts them.
const MAX_LISTED: usize = 5;

/// "a, b, c" or "a, b, c and 7 more", as one argument.
fn list(shown: Vec<Detail>, total: usize) -> crate::detail::Arg {
    let more = total.saturating_sub(shown.len());
    let mut it = shown.into_iter().rev();
    let mut items = it.next().unwrap_or_else(|| detail!("nothing"));
    for d in it {
        items = detail!("{first}, {rest}", first = cause(d), rest = cause(items));
    }
    if more == 0 {
        cause(items)
    } else {
        cause(detail!(
            "{items} and {more} more",
            items = cause(items),
            more = count(more)
        ))
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
        detect::Kind::Pdf => Err(ExtractError::Unsupported(detail!(
            "a PDF found at a link or inside another document is not searched: verify the PDF file itself"
        ))),
        detect::Kind::Other(kind) => Err(ExtractError::NotABadge {
            kind: kind.to_string(),
        }),
    }
}

/// JSON, a compact JWS, or a URL given as text.
fn extract_text(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let text = std::str::from_utf8(bytes)
        .map_err(|_| {
            ExtractError::Unrecognized(detail!("binary data that is not a known image type"))
        })?
        .trim();
    let payload = detect::classify_text(text, limits)?;
    Ok(Extracted {
        payload,
        container: Container::Text,
        warnings: Vec::new(),
    })
}
