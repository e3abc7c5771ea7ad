//! Bounds on work done for untrusted input. Every limit has a specific error where it is hit.

/// The default for [`Limits::max_json_depth`], also the bound where a reader has no
/// [`Limits`] at hand (a JWS header and payload, a did:jwk's JWK).
pub const MAX_JSON_DEPTH: usize = 64;

/// Size and depth limits for one verification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Limits {
    /// Largest input file accepted.
    pub max_input_bytes: usize,
    /// Largest embedded payload (JSON/JWS/URL text).
    pub max_payload_bytes: usize,
    /// Deepest JSON nesting accepted.
    pub max_json_depth: usize,
    /// Deepest SVG element nesting accepted.
    pub max_xml_depth: usize,
    /// Largest SVG document parsed (an SVG is text: a big one is unusual and slow to scan).
    pub max_svg_bytes: usize,
    /// How many documents one verification may fetch.
    pub max_fetches: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_input_bytes: 64 * 1024 * 1024,
            max_payload_bytes: 4 * 1024 * 1024,
            max_json_depth: MAX_JSON_DEPTH,
            max_xml_depth: 256,
            max_svg_bytes: 16 * 1024 * 1024,
            max_fetches: 32,
        }
    }
}
