//! Contexts processed at run time by `json-ld` itself, for the transitions the compiled tables
//! do not hold (feature `jsonld-reference`: the CLI, the libraries, the app's on-demand
//! module). Each is processed once and compiled into a term table, cached per thread.
//! [`super::generate`] builds the compiled tables with these same functions.

use super::context::{keyword, Container, Kw, Mapping, Term, TypeMapping};
use super::Ctx;
use crate::memo::Memo;
use crate::proof::loader::{ready, BundledLoader};
use json_ld::context_processing::{Options as ProcessingOptions, Process};
use json_ld::syntax::TryFromJson;
use json_ld::{rdf_types, BlankIdBuf, IriBuf};
use serde_json::Value;
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

pub type JlContext = json_ld::Context<IriBuf, BlankIdBuf>;

/// Compiled contexts kept per thread; past this many the cache starts over.
const CACHE_MAX: usize = 2_048;

/// A term definition owning its strings.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnedTerm {
    mapping: Option<Result<Kw, Rc<str>>>,
    prefix: bool,
    typ: Option<Result<u8, Rc<str>>>,
    container: Container,
    scoped: bool,
    supported: bool,
}

impl OwnedTerm {
    pub fn view(&self) -> Term<'_> {
        Term {
            mapping: match &self.mapping {
                Some(Ok(k)) => Mapping::Keyword(*k),
                Some(Err(i)) => Mapping::Iri(i),
                None => Mapping::Unusable,
            },
            prefix: self.prefix,
            typ: match &self.typ {
                None => TypeMapping::None,
                Some(Ok(1)) => TypeMapping::Id,
                Some(Ok(2)) => TypeMapping::Vocab,
                Some(Ok(_)) => TypeMapping::Json,
                Some(Err(i)) => TypeMapping::Iri(i),
            },
            container: self.container,
            scoped: self.scoped,
            supported: self.supported,
        }
    }
}

/// A context `json-ld` processed, with its term table.
pub struct DynCtx {
    pub id: u64,
    pub jl: Rc<JlContext>,
    pub terms: HashMap<String, OwnedTerm>,
    pub vocab: Option<String>,
    pub previous: Option<Ctx>,
}

impl DynCtx {
    pub fn term(&self, key: &str) -> Option<Term<'_>> {
        self.terms.get(key).map(OwnedTerm::view)
    }
}

/// Dynamic contexts are numbered above every compiled state.
fn next_id() -> u64 {
    thread_local!(static NEXT: Cell<u64> = const { Cell::new(1 << 32) });
    NEXT.with(|n| {
        n.set(n.get() + 1);
        n.get()
    })
}

/// The term table of a processed context, or `None` for a context the walker does not handle
/// (a default language or base direction, a `@vocab` that is not an IRI).
pub fn compile(jl: &JlContext) -> Option<(HashMap<String, OwnedTerm>, Option<String>)> {
    if jl.default_language().is_some() || jl.default_base_direction().is_some() {
        return None;
    }
    let vocab = match jl.vocabulary() {
        None => None,
        Some(json_ld::Term::Id(json_ld::Id::Valid(rdf_types::Id::Iri(i)))) => {
            Some(i.as_str().to_owned())
        }
        Some(_) => return None,
    };
    let mut terms = HashMap::with_capacity(jl.definitions().len());
    for binding in jl.definitions() {
        if let json_ld::context::BindingRef::Normal(key, def) = binding {
            terms.insert(key.as_str().to_owned(), term(def));
        }
    }
    Some((terms, vocab))
}

fn term(def: &json_ld::context::NormalTermDefinition<IriBuf, BlankIdBuf>) -> OwnedTerm {
    use json_ld::ContainerKind as K;
    let mapping = match &def.value {
        Some(json_ld::Term::Keyword(k)) => Some(Ok(keyword(k.into_str()).unwrap_or(Kw::Other))),
        Some(json_ld::Term::Id(json_ld::Id::Valid(rdf_types::Id::Iri(i)))) => {
            Some(Err(Rc::from(i.as_str())))
        }
        _ => None,
    };
    let mut supported = def.language.is_none()
        && def.direction.is_none()
        && def.index.is_none()
        && def.nest.is_none()
        && !def.reverse_property;
    let typ = match &def.typ {
        None | Some(json_ld::Type::None) => None,
        Some(json_ld::Type::Id) => Some(Ok(1)),
        Some(json_ld::Type::Vocab) => Some(Ok(2)),
        Some(json_ld::Type::Json) => Some(Ok(3)),
        Some(json_ld::Type::Iri(i)) => Some(Err(Rc::from(i.as_str()))),
    };
    let container = match def.container.as_slice() {
        [] | [K::Set] => Container::None,
        [K::List] => Container::List,
        [K::Graph] | [K::Graph, K::Set] | [K::Set, K::Graph] => Container::Graph,
        _ => Container::Unsupported,
    };
    if container == Container::Unsupported {
        supported = false;
    }
    OwnedTerm {
        mapping,
        prefix: def.prefix,
        typ,
        container,
        scoped: def.context.is_some(),
        supported,
    }
}

/// Processes an embedded or top-level `@context` on top of `active` (JSON-LD 1.1 API §4.1).
pub fn process_local(active: &JlContext, local: &Value) -> Option<JlContext> {
    let syntax = json_ld::syntax::context::Context::try_from_json(
        json_syntax::Value::from_serde_json(local.clone()),
    )
    .ok()?;
    let loader = BundledLoader::default();
    // `&mut NoVocabulary`, as in jsonld.rs: one compiled copy of context processing.
    Some(
        ready(syntax.process_with(
            &mut rdf_types::vocabulary::no_vocabulary_mut(),
            active,
            &loader,
            None,
            ProcessingOptions::default(),
        ))
        .ok()?
        .into_processed(),
    )
}

/// Processes the scoped context of `term` as `definer` defines it on top of `active`: without
/// propagation for a type-scoped context, overriding protected terms for a property-scoped one
/// (§4.1.2, §13 steps 8 and 11).
pub fn process_scoped(
    active: &JlContext,
    definer: &JlContext,
    term: &str,
    type_scoped: bool,
) -> Option<JlContext> {
    let def = definer.get_normal(term)?;
    let local = def.context.as_deref()?;
    let options = if type_scoped {
        ProcessingOptions::default().without_propagation()
    } else {
        ProcessingOptions::default().with_override()
    };
    let loader = BundledLoader::default();
    Some(
        ready(local.process_with(
            &mut rdf_types::vocabulary::no_vocabulary_mut(),
            active,
            &loader,
            def.base_url().cloned(),
            options,
        ))
        .ok()?
        .into_processed(),
    )
}

/// The `previous` of a context just processed on top of `active` (§4.1.2 steps 1, 3: the
/// result keeps `active`'s previous context, or gets `active` when it does not propagate).
pub fn previous_of(processed: &JlContext, active: &Ctx) -> Option<Ctx> {
    processed
        .previous_context()
        .map(|_| active.previous().unwrap_or_else(|| active.clone()))
}

/// The `json-ld` context behind `ctx`: a compiled state's is processed again from the
/// transition that made it (once per thread).
pub fn jl_of(ctx: &Ctx) -> Option<Rc<JlContext>> {
    match ctx {
        Ctx::Dynamic(d) => Some(d.jl.clone()),
        Ctx::Static(i) => {
            thread_local!(static REPLAYED: RefCell<HashMap<u16, Option<Rc<JlContext>>>> =
                RefCell::new(HashMap::new()));
            if let Some(hit) = REPLAYED.with(|r| r.borrow().get(i).cloned()) {
                return hit;
            }
            let made = replay(*i).map(Rc::new);
            REPLAYED.with(|r| r.borrow_mut().insert(*i, made.clone()));
            made
        }
    }
}

/// Processes compiled state `i` again, from the first transition into it (whose sources come
/// before it: states are numbered in the order they were found).
fn replay(i: u16) -> Option<JlContext> {
    use super::compiled::{KEYS, LOCAL, SCOPED};
    use super::context::TYPE_SCOPED;
    if i == 0 {
        return Some(JlContext::new(None));
    }
    if let Some((from, urls, _)) = LOCAL.iter().find(|(f, _, to)| *to == i && *f < i) {
        let local = Value::Array(urls.iter().map(|u| Value::from(*u)).collect());
        return process_local(&*jl_of(&Ctx::Static(*from))?, &local);
    }
    let [a, d, k, _] = SCOPED
        .iter()
        .find(|[a, d, _, to]| *to == i && *a < i && *d < i)?;
    let type_scoped = k & TYPE_SCOPED != 0;
    let term = KEYS[usize::from(k & !TYPE_SCOPED)];
    process_scoped(
        &*jl_of(&Ctx::Static(*a))?,
        &*jl_of(&Ctx::Static(*d))?,
        term,
        type_scoped,
    )
}

fn make(jl: JlContext, active: &Ctx) -> Option<Ctx> {
    let (terms, vocab) = compile(&jl)?;
    let previous = previous_of(&jl, active);
    Some(Ctx::Dynamic(Rc::new(DynCtx {
        id: next_id(),
        jl: Rc::new(jl),
        terms,
        vocab,
        previous,
    })))
}

#[derive(Hash, PartialEq, Eq, Clone, Debug)]
pub enum CacheKey {
    /// A top-level or embedded `@context` (its JSON text) applied to a context.
    Local(u64, String),
    /// The scoped context of `term` as defined in context `definer`, applied to a context.
    Scoped {
        active: u64,
        definer: u64,
        term: String,
        type_scoped: bool,
    },
}

thread_local! {
    static CACHE: Memo<CacheKey, Option<Ctx>> = Memo::new(CACHE_MAX);
}

/// A transition processed, and where it went.
#[cfg(any(test, feature = "test-support"))]
pub type Recorded = (CacheKey, Option<Ctx>);

#[cfg(any(test, feature = "test-support"))]
thread_local! {
    /// While the tables are generated: every transition processed, in order.
    pub static RECORD: RefCell<Option<Vec<Recorded>>> = const { RefCell::new(None) };
}

fn cached(key: CacheKey, make: impl FnOnce() -> Option<Ctx>) -> Option<Ctx> {
    if let Some(hit) = CACHE.with(|c| c.get(&key)) {
        return hit;
    }
    let made = make();
    #[cfg(any(test, feature = "test-support"))]
    RECORD.with(|r| {
        if let Some(r) = r.borrow_mut().as_mut() {
            r.push((key.clone(), made.clone()));
        }
    });
    CACHE.with(|c| c.insert(key, made.clone()));
    made
}

fn spend(budget: &Cell<usize>) -> Option<()> {
    let left = budget.get().checked_sub(1)?;
    budget.set(left);
    Some(())
}

pub fn apply_local(active: &Ctx, local: &Value, budget: &Cell<usize>) -> Option<Ctx> {
    cached(CacheKey::Local(active.key(), local.to_string()), || {
        spend(budget)?;
        let processed = process_local(&*jl_of(active)?, local)?;
        make(processed, active)
    })
}

pub fn apply_scoped(
    active: &Ctx,
    definer: &Ctx,
    term: &str,
    type_scoped: bool,
    budget: &Cell<usize>,
) -> Option<Ctx> {
    let key = CacheKey::Scoped {
        active: active.key(),
        definer: definer.key(),
        term: term.to_owned(),
        type_scoped,
    };
    cached(key, || {
        spend(budget)?;
        let processed = process_scoped(&*jl_of(active)?, &*jl_of(definer)?, term, type_scoped)?;
        make(processed, active)
    })
}
