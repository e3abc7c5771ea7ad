//! What the app's on-demand module (crates/suites) does for the page's core (issue #16).
//!
//! The app's first load leaves out what only rarer badges need, to stay small: the general
//! JSON-LD expansion for documents outside the fast path's subset (feature
//! `jsonld-reference`) and the suites behind `extended-suites`. The page's core asks the module
//! through `platform` (`offloaded_canonicalize`, `offloaded_signature`); the module answers
//! with these functions, which are the native build's own code paths, so a badge gets the same
//! checks whichever build reads it. Only the suites crate calls this module.

use crate::limits::MAX_JSON_DEPTH;
use crate::proof::error::ProofError;

/// RDFC-1.0 canonical N-Quads of a JSON-LD document, or its error in
/// [`ProofError::to_wire`] form.
pub fn canonicalize(document: &str) -> Result<String, String> {
    let doc = crate::strict_json::from_str(document, MAX_JSON_DEPTH)
        .map_err(|e| ProofError::Malformed(e.describe("the document")).to_wire())?;
    crate::proof::jsonld::canonicalize(&doc).map_err(|e| e.to_wire())
}
