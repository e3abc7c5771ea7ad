//! Fast JSON-LD → RDF for the part of JSON-LD 1.1 that credentials use.
//!
//! Expanding with the general `json-ld` crate costs ≈ 0.7 ms per credential, most of it
//! re-processing and cloning the same type- and property-scoped contexts at every node
//! (`../shared/JSONLD.md`). Here every context — the top-level one, scoped ones, embedded
//! context URLs — is processed once, by `json-ld` itself, and compiled into a flat term table
//! cached per thread; the document is then walked once, emitting RDF quads directly
//! (JSON-LD 1.1 API §13 Expansion Algorithm fused with §8.2 Deserialize JSON-LD to RDF).
//!
//! Only a subset is handled. Anything outside it — `@language`/`@direction`, `@reverse`,
//! `@nest`, `@index`/`@language`/`@id`/`@type` containers, `@list`/`@set`/`@graph`/`@included`
//! written in the document, non-integer numbers, embedded context definitions, and every case
//! the reference would refuse or drop (undefined terms, relative IRIs, …) — makes
//! [`to_dataset`] return `None`, and the caller falls back to the general `json-ld` path, which
//! stays the reference. `tests/jsonld_fast.rs` checks the two agree, output for output, on every
//! test credential and on random mutations of them.

#[rustfmt::skip]
mod compiled;
mod context;
#[cfg(feature = "jsonld-reference")]
mod dynamic;
#[cfg(all(feature = "jsonld-reference", any(test, feature = "test-support")))]
pub mod generate;

use context::{keyword, Container, Kw, Mapping, Term, TypeMapping};
use oxrdf::{BlankNode, GraphName, Literal, NamedNode, NamedNodeRef, QuadRef, Subject, TermRef};
use serde_json::{Map, Value};
use std::cell::Cell;
use std::collections::HashMap;

const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
const RDF_JSON: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON";
const XSD_BOOLEAN: &str = "http://www.w3.org/2001/XMLSchema#boolean";
const XSD_INTEGER: &str = "http://www.w3.org/2001/XMLSchema#integer";
const XSD_DOUBLE: &str = "http://www.w3.org/2001/XMLSchema#double";

/// An active context: one of the compiled tables' states, or, in builds with the general
/// JSON-LD processor (feature `jsonld-reference`), one `json-ld` processed at run time for a
/// transition the tables do not hold ([`dynamic`]). Without that feature (the app's first
/// load) such a document is declined and takes the general path, which the on-demand module
/// has.
#[derive(Clone)]
enum Ctx {
    Static(u16),
    #[cfg(feature = "jsonld-reference")]
    Dynamic(std::rc::Rc<dynamic::DynCtx>),
}

/// The empty context (state 0 of the tables).
const EMPTY: Ctx = Ctx::Static(0);

impl Ctx {
    fn term(&self, key: &str) -> Option<Term<'_>> {
        match self {
            Ctx::Static(i) => context::static_term(*i, key),
            #[cfg(feature = "jsonld-reference")]
            Ctx::Dynamic(d) => d.term(key),
        }
    }

    fn vocab(&self) -> Option<&str> {
        match self {
            Ctx::Static(i) => context::static_vocab(*i),
            #[cfg(feature = "jsonld-reference")]
            Ctx::Dynamic(d) => d.vocab.as_deref(),
        }
    }

    /// The context to return to for new node objects (set by type-scoped contexts, which do
    /// not propagate: JSON-LD 1.1 API §4.1.2 step 3 and §13 step 7).
    fn previous(&self) -> Option<Ctx> {
        match self {
            Ctx::Static(i) => context::static_previous(*i).map(Ctx::Static),
            #[cfg(feature = "jsonld-reference")]
            Ctx::Dynamic(d) => d.previous.clone(),
        }
    }

    /// A number naming this context for caches: the state's index, or above every index.
    #[cfg(feature = "jsonld-reference")]
    fn key(&self) -> u64 {
        match self {
            Ctx::Static(i) => u64::from(*i),
            Ctx::Dynamic(d) => d.id,
        }
    }
}

/// Applies an embedded or top-level `@context` made only of context URLs.
fn apply_local(active: &Ctx, local: &Value, budget: &Cell<usize>) -> Option<Ctx> {
    let urls = context::urls(local)?;
    if let (Ctx::Static(from), true) = (active, tables_on()) {
        if let Some(to) = context::static_local(*from, &urls) {
            return Some(Ctx::Static(to));
        }
    }
    #[cfg(feature = "jsonld-reference")]
    return dynamic::apply_local(active, local, budget);
    #[cfg(not(feature = "jsonld-reference"))]
    {
        let _ = budget;
        None
    }
}

/// Applies the scoped context of `term` (as defined in `definer`) on top of `active`.
fn apply_scoped(
    active: &Ctx,
    definer: &Ctx,
    term: &str,
    type_scoped: bool,
    budget: &Cell<usize>,
) -> Option<Ctx> {
    if let (Ctx::Static(a), Ctx::Static(d), true) = (active, definer, tables_on()) {
        if let Some(to) = context::static_scoped(*a, *d, term, type_scoped) {
            return Some(Ctx::Static(to));
        }
    }
    #[cfg(feature = "jsonld-reference")]
    return dynamic::apply_scoped(active, definer, term, type_scoped, budget);
    #[cfg(not(feature = "jsonld-reference"))]
    {
        let _ = budget;
        None
    }
}

#[cfg(all(feature = "jsonld-reference", any(test, feature = "test-support")))]
thread_local! {
    /// Off while the tables are being generated: every context is then processed by `json-ld`.
    static TABLES_ON: Cell<bool> = const { Cell::new(true) };
}

fn tables_on() -> bool {
    #[cfg(all(feature = "jsonld-reference", any(test, feature = "test-support")))]
    return TABLES_ON.with(Cell::get);
    #[cfg(not(all(feature = "jsonld-reference", any(test, feature = "test-support"))))]
    true
}

/// Contexts one document may make us process at run time before we hand it to the reference
/// path (a crafted document alternating types could otherwise make many). Compiled states cost
/// nothing and are not counted.
const MAX_COMPILES_PER_DOCUMENT: usize = 64;

/// What a term or key expands to (JSON-LD 1.1 API §5.2 IRI Expansion).
#[derive(Clone, Debug)]
enum Expanded<'a> {
    Keyword(Kw),
    Iri(std::borrow::Cow<'a, str>),
    Blank(&'a str),
}

/// An absolute IRI (RFC 3987 §2.2 `IRI`: a scheme, then the rest), by oxiri's parser, which
/// oxrdf already links: `json-ld`'s (iref) would bring its grammar tables to the first load.
/// `tests/jsonld_fast.rs` holds the two paths to the same output.
fn is_absolute_iri(s: &str) -> bool {
    oxiri::Iri::parse(s).is_ok()
}

/// Blank node labels the walker accepts from documents (conservative: `json-ld` has its own
/// rules for the rest, so those go to the reference path).
fn plain_label(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// IRI expansion (JSON-LD 1.1 API §5.2) without a base IRI: `None` where the reference would
/// produce something we do not emit (null, a relative IRI, an unknown keyword-like string).
fn expand_iri<'a>(ctx: &'a Ctx, value: &'a str, vocab: bool) -> Option<Expanded<'a>> {
    if value.is_empty() {
        return None;
    }
    if value.starts_with('@') {
        return keyword(value).map(Expanded::Keyword);
    }
    if vocab {
        if let Some(t) = ctx.term(value) {
            return match t.mapping {
                Mapping::Keyword(k) => Some(Expanded::Keyword(k)),
                Mapping::Iri(i) => Some(Expanded::Iri(std::borrow::Cow::Borrowed(i))),
                Mapping::Unusable => None,
            };
        }
    }
    // §5.2 step 6: "a colon anywhere after its first character": the first character, which
    // may be several bytes long (`é:x`, `中:文`); a byte index into the middle of it would panic.
    let first = value.chars().next().map_or(0, char::len_utf8);
    if let Some(colon) = value[first..].find(':').map(|i| i + first) {
        let (prefix, suffix) = (&value[..colon], &value[colon + 1..]);
        if prefix == "_" {
            return plain_label(suffix).then_some(Expanded::Blank(suffix));
        }
        if !suffix.starts_with("//") {
            if let Some(Term {
                mapping: Mapping::Iri(i),
                prefix: true,
                ..
            }) = ctx.term(prefix)
            {
                let joined = format!("{i}{suffix}");
                return is_absolute_iri(&joined)
                    .then_some(Expanded::Iri(std::borrow::Cow::Owned(joined)));
            }
        }
        if is_absolute_iri(value) {
            return Some(Expanded::Iri(std::borrow::Cow::Borrowed(value)));
        }
    }
    if vocab {
        if let Some(v) = ctx.vocab() {
            let joined = format!("{v}{value}");
            return is_absolute_iri(&joined)
                .then_some(Expanded::Iri(std::borrow::Cow::Owned(joined)));
        }
    }
    // Relative (documents have no base IRI here) or undefined.
    None
}

/// Walks a document and emits its quads.
struct Walker {
    dataset: oxrdf::Dataset,
    labels: HashMap<String, BlankNode>,
    next_blank: u128,
    budget: Cell<usize>,
}

impl Walker {
    fn fresh(&mut self) -> BlankNode {
        self.next_blank += 1;
        BlankNode::new_from_unique_id(self.next_blank)
    }

    fn label(&mut self, label: &str) -> BlankNode {
        if let Some(b) = self.labels.get(label) {
            return b.clone();
        }
        let b = self.fresh();
        self.labels.insert(label.to_owned(), b.clone());
        b
    }

    /// Inserts by reference: terms are borrowed from the document, the compiled contexts and
    /// the caller (the dataset copies what it interns), so a statement costs no allocation.
    fn emit(&mut self, s: &Subject, p: NamedNodeRef<'_>, o: TermRef<'_>, g: &GraphName) {
        self.dataset
            .insert(QuadRef::new(s.as_ref(), p, o, g.as_ref()));
    }

    /// A node reference from a string (`@id` values, `@type: @id`/`@vocab` terms).
    fn reference(&mut self, ctx: &Ctx, s: &str, vocab: bool) -> Option<Subject> {
        match expand_iri(ctx, s, vocab)? {
            Expanded::Iri(i) => Some(NamedNode::new_unchecked(i.into_owned()).into()),
            Expanded::Blank(l) => Some(self.label(l).into()),
            Expanded::Keyword(_) => None,
        }
    }

    /// Expands one element that is not an array (§13 steps 1–4 and 6–20); returns the RDF term
    /// it stands for (`Some(None)` for null).
    fn element(
        &mut self,
        ctx: &Ctx,
        property: Option<&str>,
        element: &Value,
        graph: &GraphName,
    ) -> Option<Option<oxrdf::Term>> {
        let scoped = property.is_some_and(|p| ctx.term(p).is_some_and(|t| t.scoped));
        match element {
            Value::Null => Some(None),
            Value::Array(_) => None,
            Value::Object(o) => self.object(ctx, property, o, graph, false).map(Some),
            scalar => {
                // §13 step 4: a property-scoped context applies to the value itself.
                let property = property?;
                let ctx = if scoped {
                    apply_scoped(ctx, ctx, property, false, &self.budget)?
                } else {
                    ctx.clone()
                };
                self.value(&ctx, property, scalar).map(Some)
            }
        }
    }

    /// Value Expansion (§5.3.2) of a scalar, then its RDF term (§8.6 Object to RDF).
    fn value(&mut self, ctx: &Ctx, property: &str, v: &Value) -> Option<oxrdf::Term> {
        let def = ctx.term(property);
        if def.is_some_and(|d| !d.supported) {
            return None;
        }
        let typ = def.map_or(TypeMapping::None, |d| d.typ);
        let datatype = match (typ, v) {
            (TypeMapping::Id, Value::String(s)) => {
                return self.reference(ctx, s, false).map(Into::into)
            }
            (TypeMapping::Vocab, Value::String(s)) => {
                return self.reference(ctx, s, true).map(Into::into)
            }
            (TypeMapping::Id | TypeMapping::Vocab | TypeMapping::Json, _) => return None,
            (TypeMapping::Iri(t), _) => Some(t),
            (TypeMapping::None, _) => None,
        };
        literal(v, datatype).map(Into::into)
    }

    /// Expands a map: a node object or a value object.
    fn object(
        &mut self,
        ctx: &Ctx,
        property: Option<&str>,
        o: &Map<String, Value>,
        graph: &GraphName,
        context_applied: bool,
    ) -> Option<oxrdf::Term> {
        // §13 step 7: contexts that do not propagate are left behind by new node objects.
        let mut active = ctx.clone();
        if let Some(previous) = ctx.previous() {
            let mut has_value = false;
            let mut has_id = false;
            for k in o.keys() {
                match expand_iri(ctx, k, true) {
                    Some(Expanded::Keyword(Kw::Value)) => has_value = true,
                    Some(Expanded::Keyword(Kw::Id)) => has_id = true,
                    _ => {}
                }
            }
            let single_id = o.len() == 1 && has_id;
            if !has_value && !single_id {
                active = previous;
            }
        }
        // Step 8: property-scoped context (overrides protected terms).
        if let Some(p) = property {
            if ctx.term(p).is_some_and(|t| t.scoped) {
                active = apply_scoped(&active, ctx, p, false, &self.budget)?;
            }
        }
        // Step 9: embedded context.
        if !context_applied {
            if let Some(local) = o.get("@context") {
                active = apply_local(&active, local, &self.budget)?;
            }
        }
        // Steps 10–11: type-scoped contexts, in lexicographic order of keys, then of types.
        let type_scoped = active.clone();
        let mut type_keys: Vec<&String> = o
            .keys()
            .filter(|k| {
                matches!(
                    expand_iri(&type_scoped, k, true),
                    Some(Expanded::Keyword(Kw::Type))
                )
            })
            .collect();
        type_keys.sort_unstable();
        let mut types: Vec<&str> = Vec::new();
        for k in &type_keys {
            let start = types.len();
            match &o[k.as_str()] {
                Value::String(s) => types.push(s),
                Value::Array(a) => {
                    for t in a {
                        types.push(t.as_str()?);
                    }
                }
                _ => return None,
            }
            types[start..].sort_unstable();
            for t in &types[start..] {
                if type_scoped.term(t).is_some_and(|d| d.scoped) {
                    active = apply_scoped(&active, &type_scoped, t, true, &self.budget)?;
                }
            }
        }

        // Steps 12–13: the entries.
        let mut id: Option<Subject> = None;
        let mut value: Option<&Value> = None;
        let mut properties: Vec<(std::borrow::Cow<'_, str>, &str, &Value)> =
            Vec::with_capacity(o.len());
        for (k, v) in o {
            if k == "@context" {
                continue;
            }
            match expand_iri(&active, k, true)? {
                Expanded::Keyword(Kw::Id) => {
                    if id.is_some() {
                        return None;
                    }
                    id = Some(self.reference(&active, v.as_str()?, false)?);
                }
                Expanded::Keyword(Kw::Type) => {}
                Expanded::Keyword(Kw::Value) => {
                    if value.is_some() {
                        return None;
                    }
                    value = Some(v);
                }
                Expanded::Keyword(_) | Expanded::Blank(_) => return None,
                Expanded::Iri(p) => {
                    properties.push((p, k, v));
                }
            }
        }
        // Type values are expanded with the context from before the type-scoped ones.
        let mut type_iris = Vec::with_capacity(types.len());
        for t in &types {
            match expand_iri(&type_scoped, t, true)? {
                Expanded::Iri(i) => type_iris.push(i),
                _ => return None,
            }
        }

        if let Some(v) = value {
            // A value object: only `@value` and one `@type` string, as a property's value.
            let single_type = type_keys.len() == 1 && o[type_keys[0].as_str()].is_string();
            // (`json-ld` also refuses a value object with an `@context` entry.)
            if property.is_none()
                || o.contains_key("@context")
                || id.is_some()
                || !properties.is_empty()
                || !(type_keys.is_empty() || single_type)
            {
                return None;
            }
            return literal(v, type_iris.first().map(|t| &**t)).map(Into::into);
        }

        let subject: Subject = match id {
            Some(s) => s,
            None => self.fresh().into(),
        };
        let rdf_type = NamedNodeRef::new_unchecked(RDF_TYPE);
        for t in &type_iris {
            self.emit(
                &subject,
                rdf_type,
                NamedNodeRef::new_unchecked(t).into(),
                graph,
            );
        }
        for (predicate, key, v) in &properties {
            let predicate = NamedNodeRef::new_unchecked(predicate);
            self.property(&active, &subject, predicate, key, v, graph)?;
        }
        Some(subject.into())
    }

    /// Expands the value of one property (§13 step 13.4–13.13) and emits its statements.
    fn property(
        &mut self,
        ctx: &Ctx,
        subject: &Subject,
        predicate: NamedNodeRef<'_>,
        key: &str,
        v: &Value,
        graph: &GraphName,
    ) -> Option<()> {
        let def = ctx.term(key);
        if def.is_some_and(|d| !d.supported) {
            return None;
        }
        if def.is_some_and(|d| d.typ == TypeMapping::Json) {
            let o = json_literal(v)?;
            self.emit(subject, predicate, o.as_ref().into(), graph);
            return Some(());
        }
        match def.map_or(Container::None, |d| d.container) {
            Container::Unsupported => None,
            Container::List => {
                let items = as_items(v);
                let mut terms = Vec::with_capacity(items.len());
                for item in items {
                    if item.is_array() {
                        return None; // list of lists
                    }
                    if let Some(t) = self.element(ctx, Some(key), item, graph)? {
                        terms.push(t);
                    }
                }
                let head = self.list(terms, graph);
                self.emit(subject, predicate, head.as_ref(), graph);
                Some(())
            }
            Container::Graph => {
                let items = as_items(v);
                for item in items {
                    match item {
                        Value::Null => {}
                        Value::Object(_) => {
                            // §13.13.8.4: each value becomes a graph object; its contents go
                            // into a new blank-node named graph (§7.2 Node Map Generation).
                            let name = self.fresh();
                            let inner = GraphName::BlankNode(name.clone());
                            self.element(ctx, Some(key), item, &inner)?;
                            self.emit(subject, predicate, name.as_ref().into(), graph);
                        }
                        _ => return None,
                    }
                }
                Some(())
            }
            Container::None => self.values(ctx, subject, predicate, key, v, graph),
        }
    }

    fn values(
        &mut self,
        ctx: &Ctx,
        subject: &Subject,
        predicate: NamedNodeRef<'_>,
        key: &str,
        v: &Value,
        graph: &GraphName,
    ) -> Option<()> {
        if let Value::Array(items) = v {
            // Nested arrays flatten (§13 step 5.2.3).
            for item in items {
                self.values(ctx, subject, predicate, key, item, graph)?;
            }
            return Some(());
        }
        if let Some(o) = self.element(ctx, Some(key), v, graph)? {
            self.emit(subject, predicate, o.as_ref(), graph);
        }
        Some(())
    }

    /// §8.4 List Conversion.
    fn list(&mut self, items: Vec<oxrdf::Term>, graph: &GraphName) -> oxrdf::Term {
        let nil: oxrdf::Term = NamedNode::new_unchecked(RDF_NIL).into();
        let nodes: Vec<BlankNode> = items.iter().map(|_| self.fresh()).collect();
        for (i, item) in items.into_iter().enumerate() {
            let node: Subject = nodes[i].clone().into();
            self.emit(
                &node,
                NamedNodeRef::new_unchecked(RDF_FIRST),
                item.as_ref(),
                graph,
            );
            let rest = nodes
                .get(i + 1)
                .map_or_else(|| nil.clone(), |b| b.clone().into());
            self.emit(
                &node,
                NamedNodeRef::new_unchecked(RDF_REST),
                rest.as_ref(),
                graph,
            );
        }
        nodes.first().map_or(nil, |b| b.clone().into())
    }
}

/// A container's values: an array's items, or a single value alone.
fn as_items(v: &Value) -> &[Value] {
    match v {
        Value::Array(a) => a,
        single => std::slice::from_ref(single),
    }
}

/// A literal from a scalar (§8.6 Object to RDF), or `None` where the reference's conversion is
/// not replicated (non-integer numbers, integers typed `xsd:double`, integers beyond `i64`).
fn literal(v: &Value, datatype: Option<&str>) -> Option<Literal> {
    Some(match v {
        Value::String(s) => match datatype {
            Some(dt) => Literal::new_typed_literal(s.as_str(), NamedNode::new_unchecked(dt)),
            None => Literal::new_simple_literal(s.as_str()),
        },
        Value::Bool(b) => Literal::new_typed_literal(
            if *b { "true" } else { "false" },
            NamedNode::new_unchecked(datatype.unwrap_or(XSD_BOOLEAN)),
        ),
        Value::Number(n) => {
            let i = n.as_i64()?;
            if datatype == Some(XSD_DOUBLE) {
                return None;
            }
            Literal::new_typed_literal(
                i.to_string(),
                NamedNode::new_unchecked(datatype.unwrap_or(XSD_INTEGER)),
            )
        }
        _ => return None,
    })
}

/// A JSON literal: its JCS form typed `rdf:JSON` (§8.6 step 8). Declines values holding
/// non-integer numbers, whose canonical form the reference may write differently.
fn json_literal(v: &Value) -> Option<Literal> {
    fn integers_only(v: &Value) -> bool {
        match v {
            Value::Number(n) => n.is_i64(),
            Value::Array(a) => a.iter().all(integers_only),
            Value::Object(o) => o.values().all(integers_only),
            _ => true,
        }
    }
    if v.is_null() || !integers_only(v) {
        return None;
    }
    let text = serde_json_canonicalizer::to_string(v).ok()?;
    Some(Literal::new_typed_literal(
        text,
        NamedNode::new_unchecked(RDF_JSON),
    ))
}

/// The RDF dataset of `doc`, or `None` when `doc` is outside the subset handled here (the
/// caller then uses the reference path). The caller has already bounded nesting depth.
pub fn to_dataset(doc: &Value) -> Option<oxrdf::Dataset> {
    let obj = doc.as_object()?;
    let budget = Cell::new(MAX_COMPILES_PER_DOCUMENT);
    let top = apply_local(&EMPTY, obj.get("@context")?, &budget)?;
    let mut walker = Walker {
        dataset: oxrdf::Dataset::new(),
        labels: HashMap::new(),
        next_blank: 0,
        budget,
    };
    walker.object(&top, None, obj, &GraphName::DefaultGraph, true)?;
    Some(walker.dataset)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn credentials_context() -> Ctx {
        let budget = Cell::new(MAX_COMPILES_PER_DOCUMENT);
        apply_local(
            &EMPTY,
            &json!("https://www.w3.org/ns/credentials/v2"),
            &budget,
        )
        .expect("the bundled VC 2.0 context compiles")
    }

    /// Terms, compact IRIs and blank node labels whose first character is more than one byte
    /// long: the colon search starts after the first character, not after the first byte.
    #[test]
    fn iri_expansion_of_non_ascii_terms() {
        let ctx = credentials_context();
        for s in [
            "é", "é:x", "中:文", "中文", "😀:", ":é", "é:", "_:é", "é:@id",
        ] {
            for vocab in [false, true] {
                let _ = expand_iri(&ctx, s, vocab);
            }
        }
        // Not absolute (a scheme is ASCII letters), so relative: the reference drops it.
        assert!(expand_iri(&ctx, "é:x", false).is_none());
        assert!(expand_iri(&ctx, "中:文", false).is_none());
        assert!(expand_iri(&ctx, "xé:y", false).is_none());
        assert!(matches!(
            expand_iri(&ctx, "urn:中文", false),
            Some(Expanded::Iri(i)) if i == "urn:中文"
        ));
    }

    #[test]
    fn documents_with_non_ascii_keys_types_and_ids() {
        let docs = [
            json!({"@context": "https://www.w3.org/ns/credentials/v2", "é:x": "v"}),
            json!({"@context": "https://www.w3.org/ns/credentials/v2", "中文": "v"}),
            json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": "é:t"}),
            json!({"@context": "https://www.w3.org/ns/credentials/v2", "type": ["中:文"]}),
            json!({"@context": "https://www.w3.org/ns/credentials/v2", "id": "é:1"}),
            json!({"@context": "https://www.w3.org/ns/credentials/v2", "id": "中:文", "name": "n"}),
            json!({"@context": "https://www.w3.org/ns/credentials/v2", "name": {"😀:": "x"}}),
        ];
        for d in &docs {
            // Declined (the reference path decides) or answered; never a panic.
            let _ = to_dataset(d);
        }
    }
}
