//! Active contexts for the walker: the ones compiled ahead of time from the bundled contexts
//! ([`super::compiled`], shared by every thread, nothing to process at run time) and, in builds
//! with the general JSON-LD processor (feature `jsonld-reference`), the ones `json-ld` processes
//! on demand for a transition the tables do not hold ([`super::dynamic`]). Without that feature
//! (the app's first load) such a document is declined and takes the general path, which the
//! on-demand module has.

use super::compiled::{DELTAS, IRIS, KEYS, LOCAL, SCOPED, STATES, TERMS};
use serde_json::Value;
use std::cell::Cell;
use std::cmp::Ordering;

/// Keywords the walker understands; any other keyword makes it decline.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Kw {
    Id,
    Type,
    Value,
    Context,
    Other,
}

pub fn keyword(s: &str) -> Option<Kw> {
    Some(match s {
        "@id" => Kw::Id,
        "@type" => Kw::Type,
        "@value" => Kw::Value,
        "@context" => Kw::Context,
        "@base" | "@container" | "@direction" | "@graph" | "@import" | "@included" | "@index"
        | "@json" | "@language" | "@list" | "@nest" | "@none" | "@prefix" | "@propagate"
        | "@protected" | "@reverse" | "@set" | "@version" | "@vocab" => Kw::Other,
        _ => return None,
    })
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Mapping<'a> {
    Keyword(Kw),
    Iri(&'a str),
    /// Null or blank-node mapping, or one `json-ld` found invalid.
    Unusable,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TypeMapping<'a> {
    /// No type mapping, or `@none`.
    None,
    Id,
    Vocab,
    Json,
    Iri(&'a str),
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Container {
    /// No container, or `@set`.
    None,
    List,
    /// `@graph` (with or without `@set`).
    Graph,
    Unsupported,
}

/// A term definition as the walker needs it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Term<'a> {
    pub mapping: Mapping<'a>,
    pub prefix: bool,
    pub typ: TypeMapping<'a>,
    pub container: Container,
    /// Has a scoped context (`@context` in its definition).
    pub scoped: bool,
    /// False when the definition uses a feature the walker does not implement.
    pub supported: bool,
}

// A compiled context is a row of `STATES`: [its base state (or NONE), where its own term
// definitions start in `DELTAS` (indices into `TERMS`, sorted by key; they end where the next
// state's start), its `@vocab` (an index into `IRIS`, or NONE), its previous context (a state,
// or NONE)]. A key it does not define itself is looked up in its base. Most states differ
// from their base by a few terms (a type-scoped context over the context it applies to), so
// the tables hold each difference once.

/// A compiled term definition: its key (an index into [`KEYS`]), its IRI mapping and type IRI
/// (indices into [`IRIS`], used when the bits say so), and the rest packed as
/// `StaticTerm::term` reads it; [`ABSENT`] bits for a key the state does not define although
/// its base does.
pub struct StaticTerm {
    pub key: u16,
    pub iri: u16,
    pub typ: u16,
    pub bits: u16,
}

pub const NONE: u16 = u16::MAX;
pub const ABSENT: u16 = u16::MAX;
const MAP_IRI: u16 = 1;
const MAP_KEYWORD: u16 = 2;
const PREFIX: u16 = 1 << 5;
const SCOPED_BIT: u16 = 1 << 11;
const SUPPORTED: u16 = 1 << 12;
/// In [`SCOPED`]'s third column, above the key: the transition is type-scoped.
pub const TYPE_SCOPED: u16 = 1 << 15;

/// State `state`'s own term definitions.
fn own_terms(state: u16) -> &'static [u16] {
    let i = usize::from(state);
    let end = STATES.get(i + 1).map_or(DELTAS.len(), |next| usize::from(next[1]));
    &DELTAS[usize::from(STATES[i][1])..end]
}

/// The definition of `key` in state `state`: its own, else its base's.
fn static_term(mut state: u16, key: &str) -> Option<&'static StaticTerm> {
    let k = KEYS.binary_search(&key).ok()? as u16;
    loop {
        let terms = own_terms(state);
        if let Ok(at) = terms.binary_search_by(|t| TERMS[usize::from(*t)].key.cmp(&k)) {
            let t = &TERMS[usize::from(terms[at])];
            return (t.bits != ABSENT).then_some(t);
        }
        state = STATES[usize::from(state)][0];
        if state == NONE {
            return None;
        }
    }
}

/// Every key state `state` defines (tests compare them with `json-ld`'s).
#[cfg(all(test, feature = "jsonld-reference"))]
pub fn static_keys(state: u16) -> Vec<&'static str> {
    let mut keys = std::collections::BTreeSet::new();
    let mut s = state;
    while s != NONE {
        for t in own_terms(s) {
            keys.insert(KEYS[usize::from(TERMS[usize::from(*t)].key)]);
        }
        s = STATES[usize::from(s)][0];
    }
    keys.into_iter()
        .filter(|k| static_term(state, k).is_some())
        .collect()
}

/// An active context: one of the compiled tables' states, or one processed at run time.
#[derive(Clone)]
pub enum Ctx {
    Static(u16),
    #[cfg(feature = "jsonld-reference")]
    Dynamic(std::rc::Rc<super::dynamic::DynCtx>),
}

/// The empty context (state 0 of the tables).
pub const EMPTY: Ctx = Ctx::Static(0);

impl Ctx {
    pub fn term(&self, key: &str) -> Option<Term<'_>> {
        match self {
            Ctx::Static(i) => static_term(*i, key).map(StaticTerm::term),
            #[cfg(feature = "jsonld-reference")]
            Ctx::Dynamic(d) => d.term(key),
        }
    }

    pub fn vocab(&self) -> Option<&str> {
        match self {
            Ctx::Static(i) => {
                let v = STATES[usize::from(*i)][2];
                (v != NONE).then(|| IRIS[usize::from(v)])
            }
            #[cfg(feature = "jsonld-reference")]
            Ctx::Dynamic(d) => d.vocab.as_deref(),
        }
    }

    /// The context to return to for new node objects (set by type-scoped contexts, which do
    /// not propagate: JSON-LD 1.1 API §4.1.2 step 3 and §13 step 7).
    pub fn previous(&self) -> Option<Ctx> {
        match self {
            Ctx::Static(i) => {
                let p = STATES[usize::from(*i)][3];
                (p != NONE).then_some(Ctx::Static(p))
            }
            #[cfg(feature = "jsonld-reference")]
            Ctx::Dynamic(d) => d.previous.clone(),
        }
    }

    /// A number naming this context for caches: the state's index, or above every index.
    #[cfg(feature = "jsonld-reference")]
    pub fn key(&self) -> u64 {
        match self {
            Ctx::Static(i) => u64::from(*i),
            Ctx::Dynamic(d) => d.id,
        }
    }
}

impl StaticTerm {
    fn term(&self) -> Term<'static> {
        let b = self.bits;
        let kw = match (b >> 2) & 7 {
            0 => Kw::Id,
            1 => Kw::Type,
            2 => Kw::Value,
            3 => Kw::Context,
            _ => Kw::Other,
        };
        Term {
            mapping: match b & 3 {
                MAP_IRI => Mapping::Iri(IRIS[self.iri as usize]),
                MAP_KEYWORD => Mapping::Keyword(kw),
                _ => Mapping::Unusable,
            },
            prefix: b & PREFIX != 0,
            typ: match (b >> 6) & 7 {
                1 => TypeMapping::Id,
                2 => TypeMapping::Vocab,
                3 => TypeMapping::Json,
                4 => TypeMapping::Iri(IRIS[self.typ as usize]),
                _ => TypeMapping::None,
            },
            container: match (b >> 9) & 3 {
                1 => Container::List,
                2 => Container::Graph,
                3 => Container::Unsupported,
                _ => Container::None,
            },
            scoped: b & SCOPED_BIT != 0,
            supported: b & SUPPORTED != 0,
        }
    }
}

/// The bits of a [`StaticTerm`] for `term` (the inverse of `StaticTerm::term`).
#[cfg(all(feature = "jsonld-reference", any(test, feature = "test-support")))]
pub fn static_bits(term: &Term<'_>) -> u16 {
    let (map, kw) = match term.mapping {
        Mapping::Iri(_) => (MAP_IRI, 0),
        Mapping::Keyword(k) => (
            MAP_KEYWORD,
            match k {
                Kw::Id => 0,
                Kw::Type => 1,
                Kw::Value => 2,
                Kw::Context => 3,
                Kw::Other => 4,
            },
        ),
        Mapping::Unusable => (0, 0),
    };
    let typ = match term.typ {
        TypeMapping::None => 0,
        TypeMapping::Id => 1,
        TypeMapping::Vocab => 2,
        TypeMapping::Json => 3,
        TypeMapping::Iri(_) => 4,
    };
    let container = match term.container {
        Container::None => 0,
        Container::List => 1,
        Container::Graph => 2,
        Container::Unsupported => 3,
    };
    map | kw << 2
        | if term.prefix { PREFIX } else { 0 }
        | typ << 6
        | container << 9
        | if term.scoped { SCOPED_BIT } else { 0 }
        | if term.supported { SUPPORTED } else { 0 }
}

/// A `@context` value made only of context URLs, as a list (a single string is a list of one:
/// JSON-LD 1.1 API §4.1.2 step 4).
pub fn urls(local: &Value) -> Option<Vec<&str>> {
    match local {
        Value::String(s) => Some(vec![s.as_str()]),
        Value::Array(a) => a.iter().map(Value::as_str).collect(),
        _ => None,
    }
}

fn cmp_urls(table: &[&str], urls: &[&str]) -> Ordering {
    table.iter().copied().cmp(urls.iter().copied())
}

/// Applies an embedded or top-level `@context` made only of context URLs.
pub fn apply_local(active: &Ctx, local: &Value, budget: &Cell<usize>) -> Option<Ctx> {
    let urls = urls(local)?;
    if let Ctx::Static(from) = active {
        if tables_on() {
            if let Ok(at) = LOCAL.binary_search_by(|(f, u, _)| {
                f.cmp(from).then_with(|| cmp_urls(u, &urls))
            }) {
                return Some(Ctx::Static(LOCAL[at].2));
            }
        }
    }
    on_demand_local(active, local, budget)
}

/// Applies the scoped context of `term` (as defined in `definer`) on top of `active`.
pub fn apply_scoped(
    active: &Ctx,
    definer: &Ctx,
    term: &str,
    type_scoped: bool,
    budget: &Cell<usize>,
) -> Option<Ctx> {
    if let (Ctx::Static(a), Ctx::Static(d)) = (active, definer) {
        if let (true, Ok(k)) = (tables_on(), KEYS.binary_search(&term)) {
            let k = k as u16 | if type_scoped { TYPE_SCOPED } else { 0 };
            if let Ok(at) = SCOPED.binary_search_by(|row| row[..3].cmp(&[*a, *d, k])) {
                return Some(Ctx::Static(SCOPED[at][3]));
            }
        }
    }
    on_demand_scoped(active, definer, term, type_scoped, budget)
}

#[cfg(feature = "jsonld-reference")]
fn on_demand_local(active: &Ctx, local: &Value, budget: &Cell<usize>) -> Option<Ctx> {
    super::dynamic::apply_local(active, local, budget)
}

#[cfg(feature = "jsonld-reference")]
fn on_demand_scoped(
    active: &Ctx,
    definer: &Ctx,
    term: &str,
    type_scoped: bool,
    budget: &Cell<usize>,
) -> Option<Ctx> {
    super::dynamic::apply_scoped(active, definer, term, type_scoped, budget)
}

/// Without the general processor, a transition the tables do not hold is declined: the caller
/// takes the general path (the on-demand module, in the app).
#[cfg(not(feature = "jsonld-reference"))]
fn on_demand_local(_: &Ctx, _: &Value, _: &Cell<usize>) -> Option<Ctx> {
    None
}

#[cfg(not(feature = "jsonld-reference"))]
fn on_demand_scoped(_: &Ctx, _: &Ctx, _: &str, _: bool, _: &Cell<usize>) -> Option<Ctx> {
    None
}

#[cfg(all(feature = "jsonld-reference", any(test, feature = "test-support")))]
thread_local! {
    /// Off while the tables are being generated: every context is then processed by `json-ld`.
    pub static TABLES_ON: Cell<bool> = const { Cell::new(true) };
}

fn tables_on() -> bool {
    #[cfg(all(feature = "jsonld-reference", any(test, feature = "test-support")))]
    return TABLES_ON.with(Cell::get);
    #[cfg(not(all(feature = "jsonld-reference", any(test, feature = "test-support"))))]
    true
}
