//! JSON-LD → RDF → RDFC-1.0 canonical N-Quads, for the `*-rdfc-*` and `Ed25519Signature2020`
//! Data Integrity suites.
//!
//! Expansion and toRdf are done by the `json-ld` crate (full JSON-LD 1.1, checked byte-exact on
//! the W3C and 1EdTech vectors); canonicalization by `rdf-canon` (RDFC-1.0), chosen over
//! `ssi-rdf` because it can cap the exponential part of the algorithm (crafted inputs with many
//! indistinguishable blank nodes would otherwise hang the verifier).
//!
//! Contexts come only from the bundled set ([`crate::resolve::contexts`]); any other context
//! URL is an error naming it, never a fetch.

use super::data_integrity::ProofError;
use crate::resolve::contexts;
use json_ld::expansion::{Action, Policy};
use json_ld::rdf_types;
use json_ld::{Iri, IriBuf, JsonLdProcessor, LoadError, Loader, RemoteDocument};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Upper bound on RDFC-1.0 "hash N-degree quads" calls. Real credentials need a handful (their
/// blank nodes are distinguishable by their first-degree hashes); a crafted dataset hits this
/// and fails instead of running for minutes.
const HNDQ_CALL_LIMIT: usize = 4_000;

/// Deepest JSON nesting accepted before expansion (expansion recurses per level).
const MAX_DEPTH: usize = 64;

/// Serves the bundled contexts, parsed once per process. Remembers the first URL it could not
/// serve, because `json-ld` reports a context load failure without the URL.
#[derive(Default)]
pub(crate) struct BundledLoader {
    missing: RefCell<Option<String>>,
}

#[derive(Debug)]
struct NotBundled;

impl std::fmt::Display for NotBundled {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("context is not bundled (contexts are never fetched)")
    }
}

impl std::error::Error for NotBundled {}

/// Parsed bundled contexts, keyed by URL.
fn parsed_contexts() -> &'static HashMap<&'static str, json_syntax::Value> {
    static PARSED: OnceLock<HashMap<&'static str, json_syntax::Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        contexts::CONTEXTS
            .iter()
            .filter_map(|(url, text)| {
                // Bundled files are checked by a unit test; a broken one is simply unavailable.
                let v: Value = serde_json::from_str(text).ok()?;
                Some((*url, json_syntax::Value::from_serde_json(v)))
            })
            .collect()
    })
}

impl Loader for BundledLoader {
    async fn load(&self, url: &Iri) -> Result<RemoteDocument<IriBuf>, LoadError> {
        match parsed_contexts().get(url.as_str()) {
            Some(doc) => Ok(RemoteDocument::new(Some(url.to_owned()), None, doc.clone())),
            None => {
                self.missing
                    .borrow_mut()
                    .get_or_insert_with(|| url.as_str().to_owned());
                Err(LoadError::new(url.to_owned(), NotBundled))
            }
        }
    }
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// Expands `doc` with the bundled contexts and returns its RDF dataset as oxrdf quads.
///
/// Safe mode: a key the active context does not define (and that is not an absolute IRI) makes
/// expansion fail instead of being dropped, since a dropped property is not covered by the
/// signature yet would be shown to the user as part of the credential (this is what the JS
/// reference verifiers and 1EdTech's validator do, jsonld.js `safe: true`).
pub fn to_dataset(doc: &Value) -> Result<oxrdf::Dataset, ProofError> {
    if !doc.is_object() {
        return Err(ProofError::Malformed(
            "a JSON-LD document must be a JSON object".into(),
        ));
    }
    if depth(doc) > MAX_DEPTH {
        return Err(ProofError::Malformed(format!(
            "JSON nesting deeper than {MAX_DEPTH}"
        )));
    }
    let loader = BundledLoader::default();
    let input = RemoteDocument::new(None, None, json_syntax::Value::from_serde_json(doc.clone()));
    let options = json_ld::Options::<IriBuf> {
        expansion_policy: Policy {
            invalid: Action::Reject,
            vocab: Action::Keep,
            allow_undefined: false,
        },
        ..Default::default()
    };
    let mut generator = rdf_types::generator::Blank::new();
    let result = futures::executor::block_on(input.to_rdf_full(
        rdf_types::vocabulary::no_vocabulary_mut(),
        &mut generator,
        &loader,
        options,
        (),
    ));
    let mut rdf = match result {
        Ok(rdf) => rdf,
        Err(e) => return Err(map_error(e, &loader, doc)),
    };
    let mut dataset = oxrdf::Dataset::new();
    for quad in rdf.cloned_quads() {
        dataset.insert(&convert_quad(quad)?);
    }
    Ok(dataset)
}

/// RDFC-1.0 canonical N-Quads of `doc` (one quad a line, each ending in `\n`).
pub fn canonicalize(doc: &Value) -> Result<String, ProofError> {
    let dataset = to_dataset(doc)?;
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(HNDQ_CALL_LIMIT),
    };
    rdf_canon::canonicalize_with::<sha2::Sha256>(&dataset, &options)
        .map_err(|e| ProofError::Malformed(format!("RDF canonicalization failed: {e}")))
}

fn map_error(e: json_ld::ToRdfError, loader: &BundledLoader, doc: &Value) -> ProofError {
    use json_ld::{expansion, ExpandError};
    if let Some(url) = loader.missing.borrow().clone() {
        return ProofError::UnknownContext(url);
    }
    let json_ld::ToRdfError::Expand(e) = e;
    match e {
        ExpandError::Loading(l) => ProofError::UnknownContext(l.target.to_string()),
        ExpandError::Expansion(expansion::Error::KeyExpansionFailed(term)) => {
            ProofError::Malformed(format!(
            "the term \"{term}\" is not defined by the credential's @context, so it would not be \
             signed (safe mode)"
        ))
        }
        ExpandError::Expansion(expansion::Error::InvalidTypeValue) => {
            let detail = undefined_type(doc)
                .map(|t| format!("the type \"{t}\" is not defined by the credential's @context"))
                .unwrap_or_else(|| "an invalid @type value".to_owned());
            ProofError::Malformed(format!("{detail} (safe mode)"))
        }
        other => ProofError::Malformed(format!("JSON-LD processing failed: {other}")),
    }
}

/// Best-effort name of a `type` value that is a plain word (not an IRI), for error messages.
fn undefined_type(doc: &Value) -> Option<String> {
    // Collect all type words used; the caller only uses this to name a candidate.
    fn walk(v: &Value, out: &mut Vec<String>) {
        match v {
            Value::Object(o) => {
                for (k, val) in o {
                    if k == "type" || k == "@type" {
                        for t in std::iter::once(val).chain(val.as_array().into_iter().flatten()) {
                            if let Some(s) = t.as_str() {
                                out.push(s.to_owned());
                            }
                        }
                    }
                    walk(val, out);
                }
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, out)),
            _ => {}
        }
    }
    let mut types = Vec::new();
    walk(doc, &mut types);
    // A type that does not expand: report the first one no context term could map; we cannot
    // see the active context here, so prefer words that are not well-known VC/OB types.
    types
        .into_iter()
        .find(|t| !t.contains(':') && !KNOWN_TYPE_HINT.contains(&t.as_str()))
}

const KNOWN_TYPE_HINT: &[&str] = &[
    "VerifiableCredential",
    "OpenBadgeCredential",
    "AchievementCredential",
    "EndorsementCredential",
    "ClrCredential",
    "Profile",
    "AchievementSubject",
    "Achievement",
    "DataIntegrityProof",
    "Ed25519Signature2020",
    "Criteria",
    "Image",
    "Evidence",
    "Result",
    "ResultDescription",
    "Alignment",
    "IdentityObject",
    "IdentifierEntry",
    "Address",
    "GeoCoordinates",
    "EndorsementSubject",
    "ClrSubject",
    "VerifiablePresentation",
];

type JQuad = rdf_types::Quad<rdf_types::Id, rdf_types::Id, rdf_types::Term, rdf_types::Id>;

fn convert_quad(q: JQuad) -> Result<oxrdf::Quad, ProofError> {
    let rdf_types::Quad(s, p, o, g) = q;
    let subject: oxrdf::Subject = match convert_id(s)? {
        Node::Iri(i) => i.into(),
        Node::Blank(b) => b.into(),
    };
    let predicate = match convert_id(p)? {
        Node::Iri(i) => i,
        // Only generalized RDF (not requested) has blank-node predicates.
        Node::Blank(_) => {
            return Err(ProofError::Malformed(
                "blank node used as a property".into(),
            ))
        }
    };
    let object: oxrdf::Term = match o {
        rdf_types::Term::Id(id) => match convert_id(id)? {
            Node::Iri(i) => i.into(),
            Node::Blank(b) => b.into(),
        },
        rdf_types::Term::Literal(lit) => {
            let value = lit.value;
            match lit.type_ {
                rdf_types::LiteralType::Any(dt) => {
                    oxrdf::Literal::new_typed_literal(value, named(dt.as_str())?).into()
                }
                rdf_types::LiteralType::LangString(tag) => {
                    oxrdf::Literal::new_language_tagged_literal(value, tag.as_str())
                        .map_err(|e| ProofError::Malformed(format!("invalid language tag: {e}")))?
                        .into()
                }
            }
        }
    };
    let graph: oxrdf::GraphName = match g {
        None => oxrdf::GraphName::DefaultGraph,
        Some(id) => match convert_id(id)? {
            Node::Iri(i) => i.into(),
            Node::Blank(b) => b.into(),
        },
    };
    Ok(oxrdf::Quad::new(subject, predicate, object, graph))
}

enum Node {
    Iri(oxrdf::NamedNode),
    Blank(oxrdf::BlankNode),
}

fn convert_id(id: rdf_types::Id) -> Result<Node, ProofError> {
    match id {
        rdf_types::Id::Iri(i) => Ok(Node::Iri(named(i.as_str())?)),
        rdf_types::Id::Blank(b) => {
            // json-ld's generator labels `_:0`, `_:1`…; the label is replaced by RDFC-1.0.
            let label = b.as_str().strip_prefix("_:").unwrap_or(b.as_str());
            oxrdf::BlankNode::new(label)
                .map(Node::Blank)
                .map_err(|e| ProofError::Malformed(format!("invalid blank node {label}: {e}")))
        }
    }
}

fn named(iri: &str) -> Result<oxrdf::NamedNode, ProofError> {
    // json-ld only emits absolute IRIs (relative ones are dropped by toRdf).
    Ok(oxrdf::NamedNode::new_unchecked(iri))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn unknown_context_is_named() {
        let doc = json!({"@context": ["https://www.w3.org/ns/credentials/v2", "https://evil.example/ctx.json"], "type": "VerifiableCredential"});
        assert_eq!(
            canonicalize(&doc),
            Err(ProofError::UnknownContext(
                "https://evil.example/ctx.json".into()
            ))
        );
    }

    #[test]
    fn undefined_term_is_refused() {
        let doc =
            json!({"@context": {"name": "https://schema.org/name"}, "name": "x", "secret": "y"});
        match canonicalize(&doc) {
            Err(ProofError::Malformed(m)) => assert!(m.contains("\"secret\""), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn simple_canonical_form() {
        let doc = json!({"@context": {"name": "https://schema.org/name"}, "name": "x"});
        assert_eq!(
            canonicalize(&doc).unwrap(),
            "_:c14n0 <https://schema.org/name> \"x\" .\n"
        );
    }

    #[test]
    fn too_deep_is_refused() {
        let mut v = json!("x");
        for _ in 0..70 {
            v = json!({ "a": v });
        }
        assert!(matches!(canonicalize(&v), Err(ProofError::Malformed(_))));
    }
}
