//! Term definitions as the walker reads them, and the contexts compiled ahead of time from the
//! bundled contexts (`compiled.rs`, made by `generate.rs`): shared by every thread, nothing to
//! process at run time.

use super::compiled::{DELTAS, IRIS, KEYS, LOCAL, SCOPED, STATES, TERMS};
use serde_json::Value;
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

/// A compiled term definition, a row of `TERMS`: [its key (an index into `KEYS`), its IRI
/// mapping and type IRI (indices into `IRIS`, used when the bits say so), the rest packed as
/// [`StaticTerm::term`] reads it ([`ABSENT`] for a key the state does not define although its
/// base does)].
struct StaticTerm([u16; 4]);

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
pub fn static_term(mut state: u16, key: &str) -> Option<Term<'static>> {
    let k = KEYS.binary_search(&key).ok()? as u16;
    loop {
        let terms = own_terms(state);
        if let Ok(at) = terms.binary_search_by(|t| TERMS[usize::from(*t)][0].cmp(&k)) {
            let t = StaticTerm(TERMS[usize::from(terms[at])]);
            return (t.bits() != ABSENT).then(|| t.term());
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
            keys.insert(KEYS[usize::from(TERMS[usize::from(*t)][0])]);
        }
        s = STATES[usize::from(s)][0];
    }
    keys.into_iter()
        .filter(|k| static_term(state, k).is_some())
        .collect()
}

impl StaticTerm {
    fn bits(&self) -> u16 {
        self.0[3]
    }

    fn term(&self) -> Term<'static> {
        let b = self.bits();
        let kw = match (b >> 2) & 7 {
            0 => Kw::Id,
            1 => Kw::Type,
            2 => Kw::Value,
            3 => Kw::Context,
            _ => Kw::Other,
        };
        Term {
            mapping: match b & 3 {
                MAP_IRI => Mapping::Iri(IRIS[usize::from(self.0[1])]),
                MAP_KEYWORD => Mapping::Keyword(kw),
                _ => Mapping::Unusable,
            },
            prefix: b & PREFIX != 0,
            typ: match (b >> 6) & 7 {
                1 => TypeMapping::Id,
                2 => TypeMapping::Vocab,
                3 => TypeMapping::Json,
                4 => TypeMapping::Iri(IRIS[usize::from(self.0[2])]),
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

/// The state `active` goes to with the `@context` URLs `urls`, if the tables hold it.
pub fn static_local(active: u16, urls: &[&str]) -> Option<u16> {
    let at = LOCAL
        .binary_search_by(|(f, u, _)| f.cmp(&active).then_with(|| cmp_urls(u, urls)))
        .ok()?;
    Some(LOCAL[at].2)
}

/// The state `active` goes to with the scoped context of `term` as `definer` defines it, if
/// the tables hold it.
pub fn static_scoped(active: u16, definer: u16, term: &str, type_scoped: bool) -> Option<u16> {
    let k = KEYS.binary_search(&term).ok()? as u16 | if type_scoped { TYPE_SCOPED } else { 0 };
    let at = SCOPED
        .binary_search_by(|row| row[..3].cmp(&[active, definer, k]))
        .ok()?;
    Some(SCOPED[at][3])
}

/// State `state`'s `@vocab`.
pub fn static_vocab(state: u16) -> Option<&'static str> {
    let v = STATES[usize::from(state)][2];
    (v != NONE).then(|| IRIS[usize::from(v)])
}

/// State `state`'s previous context.
pub fn static_previous(state: u16) -> Option<u16> {
    let p = STATES[usize::from(state)][3];
    (p != NONE).then_some(p)
}
