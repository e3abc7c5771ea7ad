//! JSON-LD → RDF → RDFC-1.0 canonical N-Quads, for the `*-rdfc-*` and `Ed25519Signature2020`
//! Data Integrity suites.
//!
//! Expansion and toRdf are done by the `json-ld` crate (full JSON-LD 1.1, checked byte-exact on
//! the W3C and 1EdTech vectors); canonicalization by `rdf-canon` (RDFC-1.0), chosen over
//! `ssi-rdf` because it can cap the exponential part of the algorithm (crafted inputs with many
//! indistinguishable blank nodes would otherwise hang the verifier).
//!
//! Contexts come only from the bundled set ([`super::contexts`]); any other context
//! URL is an error naming it, never a fetch.

// Without `jsonld-reference` (the app's first load) the general expansion below is compiled but
// never called (the on-demand module does it); link-time optimization drops it.
#![cfg_attr(not(feature = "jsonld-reference"), allow(dead_code))]

use super::error::ProofError;
use crate::detail;
use crate::detail::{code, count};
use super::loader::{ready, BundledLoader, MAX_CONTEXT_LOADS};
use crate::memo::Memo;
use json_ld::expansion::{Action, Policy};
use json_ld::rdf_types;
use json_ld::IriBuf;
#[cfg(test)]
use json_ld::{JsonLdProcessor, RemoteDocument};
use serde_json::Value;
use std::collections::HashMap;

/// Upper bound on RDFC-1.0 "hash N-degree quads" calls. Real credentials need a handful (their
/// blank nodes are distinguishable by their first-degree hashes); a crafted dataset hits this
/// and fails instead of running for minutes.
const HNDQ_CALL_LIMIT: usize = 1_000;

/// Deepest JSON nesting accepted before expansion (expansion recurses per level).
const MAX_DEPTH: usize = 64;

const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@direction",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@prefix",
    "@propagate",
    "@protected",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

/// A key of keyword form (`@` + letters) that is not a keyword: JSON-LD 1.1 §9.2 says to ignore
/// it, which would leave it unsigned. Embedded contexts are not searched (their keys are
/// term definitions, checked by context processing).
fn reserved_key(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => o.iter().find_map(|(k, val)| {
            if k.starts_with('@') && !KEYWORDS.contains(&k.as_str()) {
                Some(k.clone())
            } else if k == "@context" {
                None
            } else {
                reserved_key(val)
            }
        }),
        Value::Array(a) => a.iter().find_map(reserved_key),
        _ => None,
    }
}

fn depth(v: &Value) -> usize {
    match v {
        Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
        Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
type Rdf =
    json_ld::ToRdf<&'static mut rdf_types::vocabulary::NoVocabulary, rdf_types::generator::Blank>;

/// Strict policy: keys and types the context does not define are errors (see [`to_dataset`]).
const STRICT: Policy = Policy {
    invalid: Action::Reject,
    vocab: Action::Keep,
    allow_undefined: false,
};

/// Lenient policy, only used to name what the strict run refused.
const LENIENT: Policy = Policy {
    invalid: Action::Keep,
    vocab: Action::Keep,
    allow_undefined: true,
};

/// Expands `doc` (JSON-LD 1.1 expansion + toRdf) the plain way: json-ld's own `to_rdf`, which
/// processes the document's `@context` itself. In tests only, as the oracle [`expand`] is tested
/// against (in the app it would be a second compiled copy of expansion).
#[cfg(test)]
fn run(doc: &Value, policy: Policy, loader: &BundledLoader) -> Result<Rdf, json_ld::ToRdfError> {
    let input = RemoteDocument::new(None, None, json_syntax::Value::from_serde_json(doc.clone()));
    let options = json_ld::Options::<IriBuf> {
        expansion_policy: policy,
        ..Default::default()
    };
    // The loader never waits (bundled contexts only), so blocking is immediate, also in WASM.
    ready(input.to_rdf_full(
        rdf_types::vocabulary::no_vocabulary_mut(),
        rdf_types::generator::Blank::new(),
        loader,
        options,
        (),
    ))
}

type ActiveContext = json_ld::Context<IriBuf, json_ld::BlankIdBuf>;

/// Processed top-level contexts, keyed by the `@context` value (only lists of bundled URLs are
/// cached, so the cache is small and its entries are fixed by the bundled files).
const CONTEXT_CACHE_MAX: usize = 32;

thread_local! {
    static CONTEXT_CACHE: Memo<String, std::rc::Rc<ActiveContext>> =
        Memo::new(CONTEXT_CACHE_MAX);
}

/// The processed form of a top-level `@context`, against an empty active context. Cached when
/// it is made only of URLs (then its entry is fixed by the bundled files); a context with
/// embedded definitions is processed each time.
fn active_context(
    context: &Value,
    loader: &BundledLoader,
) -> Result<std::rc::Rc<ActiveContext>, ProofError> {
    let urls_only = match context {
        Value::String(_) => true,
        Value::Array(a) => a.iter().all(Value::is_string),
        _ => false,
    };
    let key = urls_only.then(|| context.to_string());
    if let Some(hit) = key.as_ref().and_then(|k| CONTEXT_CACHE.with(|c| c.get(k))) {
        return Ok(hit);
    }
    use json_ld::syntax::TryFromJson;
    use json_ld::Process;
    let syntax = match json_ld::syntax::context::Context::try_from_json(
        json_syntax::Value::from_serde_json(context.clone()),
    ) {
        Ok(s) => s,
        Err(_) => return Err(ProofError::Invalid(detail!("an invalid `@context`"))),
    };
    // `&mut NoVocabulary` here and in every json-ld call: the vocabulary type json-ld's own
    // toRdf passes down, so expansion and context processing are compiled once (smaller .wasm).
    let processed = ready(syntax.process_with(
        &mut rdf_types::vocabulary::no_vocabulary_mut(),
        &ActiveContext::new(None),
        loader,
        None,
        json_ld::context_processing::Options::default(),
    ));
    let processed = match processed {
        Ok(p) => std::rc::Rc::new(p.into_processed()),
        Err(_) => {
            return Err(match loader.missing.borrow().clone() {
                _ if loader.exhausted() => too_many_loads(),
                Some(url) => ProofError::UnknownContext(url),
                None => ProofError::Invalid(detail!("an invalid `@context`")),
            })
        }
    };
    if let Some(key) = key {
        CONTEXT_CACHE.with(|c| c.insert(key, processed.clone()));
    }
    Ok(processed)
}

/// JSON-LD 1.1 expansion (API §5.1 `expand()`, §13): the top-level `@context` is processed
/// against an empty active context ([`active_context`], cached for bundled URLs) and the rest of
/// the document is expanded from the result, which is what expansion does with a top-level
/// `@context` (§13 step 9). The outer error is the context's; the inner one is expansion's,
/// for [`map_error`].
fn expand(
    doc: &Value,
    policy: Policy,
    loader: &BundledLoader,
) -> Result<Result<Expanded, json_ld::expansion::Error>, ProofError> {
    let obj = doc
        .as_object()
        .ok_or_else(|| ProofError::Invalid(detail!("a JSON-LD document must be a JSON object")))?;
    let context = match obj.get("@context") {
        Some(c) => active_context(c, loader)?,
        None => std::rc::Rc::new(ActiveContext::new(None)),
    };
    let mut body = json_syntax::Object::new();
    for (k, v) in obj {
        if k != "@context" {
            body.push(
                k.as_str().into(),
                json_syntax::Value::from_serde_json(v.clone()),
            );
        }
    }
    let body = json_syntax::Value::Object(body);
    let options = json_ld::expansion::Options {
        policy,
        ..Default::default()
    }
    .unordered();
    use json_ld::Expand;
    Ok(ready(body.expand_full(
        &mut rdf_types::vocabulary::no_vocabulary_mut(),
        (*context).clone(),
        None,
        loader,
        options,
        (),
    )))
}

/// Expands `doc` with the bundled contexts and returns its RDF dataset as oxrdf quads.
///
/// Safe mode: anything expansion or toRdf would silently drop makes this fail instead, naming
/// it — a key or type the active context does not define, a relative IRI (`"id": "foo"`, which
/// toRdf drops with every statement about that node), an ill-formed language tag. Dropped data
/// is not covered by the signature yet would be shown as part of the credential. This is what
/// jsonld.js `safe: true` does in the JS reference verifiers and 1EdTech's validator.
#[allow(dead_code)] // the dataset itself: tests, and suites that relabel it (ecdsa-sd-2023)
pub fn to_dataset(doc: &Value) -> Result<oxrdf::Dataset, ProofError> {
    refuse_unsafe(doc)?;
    if let Some(dataset) = super::jsonld_fast::to_dataset(doc) {
        return Ok(dataset);
    }
    to_dataset_reference(doc)
}

/// Checks made before either expansion path: a JSON object, bounded nesting, no keyword-like
/// keys (which expansion would silently ignore).
fn refuse_unsafe(doc: &Value) -> Result<(), ProofError> {
    if !doc.is_object() {
        return Err(ProofError::Invalid(detail!(
            "a JSON-LD document must be a JSON object"
        )));
    }
    if depth(doc) > MAX_DEPTH {
        return Err(ProofError::Invalid(detail!(
            "JSON nesting deeper than {max}",
            max = count(MAX_DEPTH)
        )));
    }
    if let Some(key) = reserved_key(doc) {
        return Err(ProofError::Invalid(detail!(
            "\"{key}\" looks like a JSON-LD keyword but is none; expansion would drop it, so it \
             would not be signed (safe mode)",
            key = code(key)
        )));
    }
    Ok(())
}

/// [`to_dataset`] by the general `json-ld` crate only (the fallback of the fast path, and the
/// reference it is tested against). The caller has checked depth and reserved keys.
pub fn to_dataset_reference(doc: &Value) -> Result<oxrdf::Dataset, ProofError> {
    let loader = BundledLoader::default();
    let mut expanded = expand(doc, STRICT, &loader)?.map_err(|e| {
        map_error(
            json_ld::ToRdfError::Expand(json_ld::ExpandError::Expansion(e)),
            &loader,
            doc,
        )
    })?;
    // As toRdf does: nodes without `@id` get blank node labels (without this step they vanish
    // from the RDF), from the same generator as the blank nodes the quads then need.
    let vocabulary = rdf_types::vocabulary::no_vocabulary_mut();
    let mut generator = rdf_types::generator::Blank::new();
    expanded.relabel_and_canonicalize_with(vocabulary, &mut generator);
    check_nothing_dropped(&expanded)?;
    use json_ld::rdf::RdfQuads;
    let mut dataset = oxrdf::Dataset::new();
    for quad in expanded
        .rdf_quads_full(vocabulary, &mut generator, None, false)
        .cloned()
    {
        dataset.insert(&convert_quad(quad)?);
    }
    Ok(dataset)
}

/// [`to_dataset`] by json-ld's own `to_rdf` (the oracle for [`expand`], in tests only).
#[cfg(test)]
pub fn to_dataset_plain(doc: &Value) -> Result<oxrdf::Dataset, ProofError> {
    let loader = BundledLoader::default();
    let mut rdf = match run(doc, STRICT, &loader) {
        Ok(rdf) => rdf,
        Err(e) => return Err(map_error(e, &loader, doc)),
    };
    check_nothing_dropped(rdf.document())?;
    let mut dataset = oxrdf::Dataset::new();
    for quad in rdf.cloned_quads() {
        dataset.insert(&convert_quad(quad)?);
    }
    Ok(dataset)
}

/// RDFC-1.0 canonical N-Quads of `doc` (one quad a line, each ending in `\n`), with the same
/// safe-mode rules as [`to_dataset`].
pub fn canonicalize(doc: &Value) -> Result<String, ProofError> {
    refuse_unsafe(doc)?;
    if let Some(dataset) = super::jsonld_fast::to_dataset(doc) {
        return canonical_nquads(&dataset);
    }
    canonicalize_beyond_fast_path(doc)
}

/// A document outside the fast path's subset: the general `json-ld` expansion.
#[cfg(feature = "jsonld-reference")]
fn canonicalize_beyond_fast_path(doc: &Value) -> Result<String, ProofError> {
    canonical_nquads(&to_dataset_reference(doc)?)
}

/// A document outside the fast path's subset, in a build without the general expansion (the
/// app's first load: it is ≈40 KB of brotli, for documents the fast path declines): the
/// on-demand module does it, when the page has loaded it (issue #16). Its answer is the same
/// function's, [`crate::offload::canonicalize`], so both builds give the same N-Quads or the
/// same error.
#[cfg(not(feature = "jsonld-reference"))]
fn canonicalize_beyond_fast_path(doc: &Value) -> Result<String, ProofError> {
    let text = serde_json::to_string(doc)
        .map_err(|_| ProofError::Invalid(detail!("the document cannot be written as JSON")))?;
    match crate::platform::offloaded_canonicalize(&text) {
        Some(Ok(nquads)) => Ok(nquads),
        Some(Err(wire)) => Err(ProofError::from_wire(&wire)),
        None => Err(ProofError::NeedsFullVerifier(
            "proofs over JSON-LD outside the fast path's subset",
        )),
    }
}

/// Processes and compiles the contexts an OB 3.0 credential usually needs (VC 2.0, OB 3.0.3 and
/// their type-scoped contexts, Data Integrity proof options), so the first real verification
/// does not pay for it. The app calls this when idle after mounting; measured there, the first
/// `verify()` was ≈ 70 ms against ≈ 1 ms warm, mostly this set-up.
/// Returns whether the sample canonicalized (a test keeps it so).
pub fn warm_up() -> bool {
    let context = serde_json::json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    ]);
    let credential = serde_json::json!({
        "@context": context,
        "id": "urn:uuid:00000000-0000-4000-8000-000000000000",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "did:example:issuer", "type": ["Profile"], "name": "Issuer"},
        "validFrom": "2025-01-01T00:00:00Z",
        "name": "Badge",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityHash": "x", "identityType": "emailAddress", "hashed": false}],
            "achievement": {
                "id": "urn:uuid:00000000-0000-4000-8000-000000000001",
                "type": ["Achievement"],
                "name": "Badge",
                "description": "Badge",
                "criteria": {"narrative": "Done"},
                "image": {"id": "https://example.org/badge.png", "type": "Image"}
            }
        },
        "credentialStatus": {"id": "https://example.org/status#1", "type": "BitstringStatusListEntry", "statusPurpose": "revocation", "statusListIndex": "1", "statusListCredential": "https://example.org/status"}
    });
    let options = serde_json::json!({
        "@context": context,
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2025-01-01T00:00:00Z",
        "verificationMethod": "did:example:issuer#key-1",
        "proofPurpose": "assertionMethod"
    });
    canonicalize(&credential).is_ok() && canonicalize(&options).is_ok()
}

/// [`canonicalize`] without the fast path: the reference the fast path is tested against.
#[cfg(any(test, feature = "test-support"))]
pub fn canonicalize_reference(doc: &Value) -> Result<String, ProofError> {
    refuse_unsafe(doc)?;
    canonical_nquads(&to_dataset_reference(doc)?)
}

/// RDFC-1.0 of a dataset, with the cap on the expensive part of the algorithm.
pub fn canonical_nquads(dataset: &oxrdf::Dataset) -> Result<String, ProofError> {
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(HNDQ_CALL_LIMIT),
    };
    let failed = canon_failed;
    // rdf-canon issues the canonical labels (RDFC-1.0 §4.4). Its `canonicalize` then builds a
    // second, relabeled dataset and formats every quad twice to sort them; here each relabeled
    // quad is formatted once (oxrdf's N-Quads form) and the lines sorted in code point order
    // (§4.4.3 step 5): the same text, a third less time.
    let issued = rdf_canon::issue_with::<sha2::Sha256>(dataset, &options).map_err(failed)?;
    let mut lines = Vec::with_capacity(dataset.len());
    for quad in dataset.iter() {
        let quad = relabeled(quad, &issued)
            .ok_or_else(|| failed(rdf_canon::CanonicalizationError::CanonicalIdentifierNotExist))?;
        lines.push(quad.to_string() + " .\n");
    }
    lines.sort_unstable();
    Ok(lines.concat())
}

/// `labelReplacementCanonicalizeJsonLd` (vc-di-ecdsa §3.4, selective disclosure functions):
/// RDFC-1.0 of `doc`, each canonical blank node label (`c14nN`) then replaced by
/// `label_map[c14nN]`, the N-Quads sorted again (their order changes with the labels). One
/// line (with its `\n`) per quad. A canonical label the map does not give is an error.
/// Only `ecdsa-sd-2023` (feature `extended-suites`) needs it.
#[cfg(feature = "extended-suites")]
pub fn canonical_nquads_relabeled(
    doc: &Value,
    label_map: &HashMap<String, String>,
) -> Result<Vec<String>, ProofError> {
    let dataset = to_dataset(doc)?;
    let options = rdf_canon::CanonicalizationOptions {
        hndq_call_limit: Some(HNDQ_CALL_LIMIT),
    };
    let issued = rdf_canon::issue_with::<sha2::Sha256>(&dataset, &options)
        .map_err(canon_failed)?;
    // Input label → final label, composed once.
    let mut relabel = HashMap::with_capacity(issued.len());
    for (input, canonical) in &issued {
        let label = label_map.get(canonical).ok_or_else(|| {
            ProofError::Invalid(detail!(
                "the label map gives no label for the blank node {node}",
                node = code(format!("_:{canonical}"))
            ))
        })?;
        // N-Quads blank node labels: the map's are "u" + base64url, which fits.
        if !label
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(ProofError::Invalid(detail!("a label map label is not base64url")));
        }
        relabel.insert(input.clone(), label.clone());
    }
    let mut lines = Vec::with_capacity(dataset.len());
    for quad in dataset.iter() {
        let quad = relabeled(quad, &relabel).ok_or_else(|| {
            ProofError::Invalid(detail!("a blank node without a canonical label"))
        })?;
        lines.push(quad.to_string() + " .\n");
    }
    lines.sort_unstable();
    Ok(lines)
}

/// Why RDFC-1.0 gave up, in our words.
fn canon_failed(e: rdf_canon::CanonicalizationError) -> ProofError {
    match e {
        rdf_canon::CanonicalizationError::HndqCallLimitExceeded(limit) => {
            ProofError::Invalid(detail!(
                "RDF canonicalization (RDFC-1.0) exceeded its limit of {limit} hash steps: the \
                 document's blank nodes are too entangled to canonicalize",
                limit = count(limit)
            ))
        }
        _ => ProofError::Invalid(detail!(
            "RDF canonicalization (RDFC-1.0) failed: the document is malformed"
        )),
    }
}

/// `quad` with its blank nodes renamed to their issued canonical labels.
fn relabeled<'a>(
    quad: oxrdf::QuadRef<'a>,
    issued: &'a HashMap<String, String>,
) -> Option<oxrdf::QuadRef<'a>> {
    use oxrdf::{BlankNodeRef, GraphNameRef, SubjectRef, TermRef};
    let label = |b: BlankNodeRef<'_>| {
        issued
            .get(b.as_str())
            .map(|l| BlankNodeRef::new_unchecked(l))
    };
    let subject = match quad.subject {
        SubjectRef::BlankNode(b) => SubjectRef::BlankNode(label(b)?),
        s => s,
    };
    let object = match quad.object {
        TermRef::BlankNode(b) => TermRef::BlankNode(label(b)?),
        o => o,
    };
    let graph_name = match quad.graph_name {
        GraphNameRef::BlankNode(b) => GraphNameRef::BlankNode(label(b)?),
        g => g,
    };
    Some(oxrdf::QuadRef::new(
        subject,
        quad.predicate,
        object,
        graph_name,
    ))
}

fn too_many_loads() -> ProofError {
    ProofError::Invalid(detail!(
        "the credential makes more than {max} JSON-LD context loads",
        max = count(MAX_CONTEXT_LOADS)
    ))
}

fn map_error(e: json_ld::ToRdfError, loader: &BundledLoader, doc: &Value) -> ProofError {
    use json_ld::{expansion, ExpandError};
    if loader.exhausted() {
        return too_many_loads();
    }
    if let Some(url) = loader.missing.borrow().clone() {
        return ProofError::UnknownContext(url);
    }
    let json_ld::ToRdfError::Expand(e) = e;
    match e {
        ExpandError::Loading(l) => ProofError::UnknownContext(l.target.to_string()),
        ExpandError::Expansion(expansion::Error::KeyExpansionFailed(term)) => {
            ProofError::Invalid(detail!(
                "the term \"{term}\" is not defined by the credential's `@context`, so it would \
                 not be signed (safe mode)",
                term = code(term.to_string())
            ))
        }
        ExpandError::Expansion(expansion::Error::InvalidTypeValue) => {
            // json-ld does not say which type; a lenient run keeps it as an invalid IRI, and
            // the dropped-data check names it.
            match expand(doc, LENIENT, loader).map(|r| r.map(|e| check_nothing_dropped(&e))) {
                Ok(Ok(Err(named))) => named,
                _ => ProofError::Invalid(detail!("an invalid `@type` value (safe mode)")),
            }
        }
        _ => ProofError::Invalid(detail!(
            "JSON-LD expansion failed: the document is not valid JSON-LD"
        )),
    }
}

type Expanded = json_ld::ExpandedDocument<IriBuf, json_ld::BlankIdBuf>;
type Obj = json_ld::Object<IriBuf, json_ld::BlankIdBuf>;
type JNode = json_ld::Node<IriBuf, json_ld::BlankIdBuf>;
type JId = json_ld::Id<IriBuf, json_ld::BlankIdBuf>;

/// Refuses what toRdf would silently drop (see [`to_dataset`]).
fn check_nothing_dropped(doc: &Expanded) -> Result<(), ProofError> {
    doc.iter().try_for_each(|o| check_object(o.inner()))
}

fn check_object(o: &Obj) -> Result<(), ProofError> {
    match o {
        json_ld::Object::Value(json_ld::object::Value::LangString(ls)) => match ls.language() {
            Some(tag) if tag.as_well_formed().is_none() => Err(ProofError::Invalid(detail!(
                "the language tag \"{tag}\" is not well-formed, so the string would not be \
                 signed (safe mode)",
                tag = code(tag.to_string())
            ))),
            _ => Ok(()),
        },
        json_ld::Object::Value(_) => Ok(()),
        json_ld::Object::Node(n) => check_node(n),
        json_ld::Object::List(l) => l.iter().try_for_each(|o| check_object(o.inner())),
    }
}

fn check_node(n: &JNode) -> Result<(), ProofError> {
    if let Some(id) = &n.id {
        check_id(id, "identifier")?;
    }
    for t in n.types() {
        if let json_ld::Id::Invalid(t) = t {
            return Err(ProofError::Invalid(detail!(
                "the type \"{ty}\" is not defined by the credential's `@context`, so it would not \
                 be signed (safe mode)",
                ty = code(t.to_string())
            )));
        }
    }
    for (prop, objects) in n.properties().iter() {
        check_property(prop)?;
        objects.iter().try_for_each(|o| check_object(o.inner()))?;
    }
    if let Some(rev) = n.reverse_properties() {
        for (prop, nodes) in rev.iter() {
            check_property(prop)?;
            nodes.iter().try_for_each(|n| check_node(n.inner()))?;
        }
    }
    if let Some(g) = n.graph() {
        g.iter().try_for_each(|o| check_object(o.inner()))?;
    }
    if let Some(inc) = n.included() {
        inc.iter().try_for_each(|n| check_node(n.inner()))?;
    }
    Ok(())
}

fn check_id(id: &JId, what: &str) -> Result<(), ProofError> {
    match id {
        json_ld::Id::Invalid(s) if what == "property" => Err(ProofError::Invalid(detail!(
            "the property \"{id}\" is not an absolute IRI, so statements about it would not be \
             signed (safe mode)",
            id = code(s.as_str())
        ))),
        json_ld::Id::Invalid(s) => Err(ProofError::Invalid(detail!(
            "the identifier \"{id}\" is not an absolute IRI, so statements about it would not \
             be signed (safe mode)",
            id = code(s.as_str())
        ))),
        json_ld::Id::Valid(_) => Ok(()),
    }
}

fn check_property(p: &JId) -> Result<(), ProofError> {
    check_id(p, "property")?;
    if p.is_blank() {
        return Err(ProofError::Invalid(detail!(
            "a property that is a blank node would not be signed (safe mode)"
        )));
    }
    Ok(())
}

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
            return Err(ProofError::Invalid(detail!(
                "a property that is a blank node would not be signed (safe mode)"
            )))
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
                        .map_err(|_| {
                            ProofError::Invalid(detail!(
                                "the language tag \"{tag}\" is not well-formed, so the string would not be \
                                 signed (safe mode)",
                                tag = code(tag.as_str())
                            ))
                        })?
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
                .map_err(|_| {
                    ProofError::Invalid(detail!(
                        "an invalid blank node label {label}",
                        label = code(label)
                    ))
                })
        }
    }
}

fn named(iri: &str) -> Result<oxrdf::NamedNode, ProofError> {
    // json-ld only emits absolute IRIs (relative ones are dropped by toRdf).
    Ok(oxrdf::NamedNode::new_unchecked(iri))
}

// The general expansion's own tests: the build with it (the first-load build leaves it to the
// on-demand module, tests/offload.rs and the e2e tests).
#[cfg(all(test, feature = "jsonld-reference"))]
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
            Err(ProofError::Invalid(m)) => assert!(m.contains("\"secret\""), "{m}"),
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

    fn canon(ds: &oxrdf::Dataset) -> String {
        rdf_canon::canonicalize(ds).unwrap()
    }

    /// Documents with embedded context definitions (not cached) expand as json-ld's own toRdf
    /// expands them, blank nodes included.
    #[test]
    fn embedded_contexts_expand_as_plain_processing() {
        let docs = [
            serde_json::json!({
                "@context": ["https://www.w3.org/ns/credentials/v2",
                    {"Thing": "https://example.org/v#Thing", "extra": "https://example.org/v#extra",
                     "when": {"@id": "https://example.org/v#when", "@type": "http://www.w3.org/2001/XMLSchema#dateTime"}}],
                "id": "urn:uuid:1", "type": ["VerifiableCredential"], "issuer": "did:example:1",
                "validFrom": "2025-01-01T00:00:00Z",
                "credentialSubject": {"type": "Thing", "extra": [{"extra": "x"}, "y"], "when": "2025-01-01T00:00:00Z"}
            }),
            serde_json::json!({
                "@context": {"@vocab": "https://example.org/v#", "Scoped": {"@id": "https://example.org/v#Scoped",
                    "@context": {"inner": {"@id": "https://example.org/v#inner", "@type": "@id"}}}},
                "@type": "Scoped", "inner": "https://example.org/x", "list": {"@list": [1, 2]},
                "name": {"@value": "Namn", "@language": "sv"}
            }),
        ];
        for doc in docs {
            let plain = canon(&to_dataset_plain(&doc).unwrap());
            assert_eq!(canon(&to_dataset_reference(&doc).unwrap()), plain);
            assert!(plain.contains("_:c14n0"), "blank nodes are compared too");
        }
    }

    /// The cached-context path must give exactly what plain JSON-LD processing gives,
    /// including blank nodes (nodes without `id`), on every test credential and its proof.
    #[test]
    fn cached_context_path_equals_plain_processing() {
        let fixtures = [
            include_str!("../../../../tests/fixtures/di/ob-spec/signed.json"),
            include_str!("../../../../tests/fixtures/di/1edtech/simple.json"),
            include_str!("../../../../tests/fixtures/di/1edtech/complete.json"),
            include_str!("../../../../tests/fixtures/di/1edtech/simple_v1.json"),
            include_str!(
                "../../../../tests/fixtures/di/w3c/eddsa-rdfc-2022/employ/signedDataInt.json"
            ),
            include_str!("../../../../tests/fixtures/di/w3c/Ed25519Signature2020/signedEdSig.json"),
        ];
        for text in fixtures {
            let cred: Value = serde_json::from_str(text).unwrap();
            let proof = match &cred["proof"] {
                Value::Array(a) => a[0].clone(),
                p => p.clone(),
            };
            let (doc, options) = super::super::data_integrity::prepare(&cred, &proof).unwrap();
            for (i, v) in [doc, options].iter().enumerate() {
                let plain = canon(&to_dataset_plain(v).unwrap());
                // Twice: the second call is a cache hit.
                assert_eq!(canonicalize(v).unwrap(), plain);
                assert_eq!(canonicalize(v).unwrap(), plain);
                if i == 1 {
                    assert!(plain.contains("_:c14n0"), "the proof node is a blank node");
                }
            }
        }
    }

    #[test]
    fn warm_up_sample_takes_the_fast_path() {
        // The sample must stay valid JSON-LD for the contexts it warms (else it warms nothing).
        assert!(warm_up());
        let doc = serde_json::json!({
            "@context": ["https://www.w3.org/ns/credentials/v2",
                         "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "credentialSubject": {"type": ["AchievementSubject"],
                                  "achievement": {"type": ["Achievement"], "name": "A"}}
        });
        assert!(super::super::jsonld_fast::to_dataset(&doc).is_some());
    }

    #[test]
    fn repeated_contexts_are_bounded() {
        let v2 = "https://www.w3.org/ns/credentials/v2";
        // json-ld loads a context repeated at one level only once; that is cheap and fine.
        let doc = json!({"@context": vec![v2; 1000], "type": "VerifiableCredential"});
        assert!(canonicalize(&doc).is_ok());
        // Embedded contexts in nested nodes (the uncached path) too.
        let nodes: Vec<Value> = (0..200)
            .map(|_| json!({"@context": v2, "type": "VerifiableCredential"}))
            .collect();
        let doc = json!({"@context": [v2, {"x": "https://ex/x"}], "x": nodes});
        match canonicalize(&doc) {
            Err(ProofError::Invalid(m)) => assert!(m.contains("context loads"), "{m}"),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn too_deep_is_refused() {
        let mut v = json!("x");
        for _ in 0..70 {
            v = json!({ "a": v });
        }
        assert!(matches!(canonicalize(&v), Err(ProofError::Invalid(_))));
    }
}
