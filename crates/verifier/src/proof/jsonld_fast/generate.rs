//! Builds `compiled.rs`: the active contexts the walker reaches from the bundled contexts,
//! processed by `json-ld` itself and compiled into static term tables, with the transitions
//! between them. The states are the ones the walker reaches on:
//! - typical OB 3.0 and CLR 2.0 credentials ([`typical`]: each part issuers write, and the
//!   proof options) for each top-level `@context` list in [`SEEDS`];
//! - a corpus: the JSON-LD documents in `tests/fixtures` and their Data Integrity proof
//!   options, so the multi-type and embedded contexts of real credentials are in
//!   the tables.
//!
//! Exploring further (every scoped term's context from every state, once: 990 states against
//! 347) cost the first load ≈ 4 KB of brotli for documents no issuer writes.
//!
//! A transition outside the tables still works: natively `json-ld` processes it at run time;
//! the app's first load declines the document to the general path.
//!
//! `compiled_contexts_are_current` (below) fails when `compiled.rs` is not what this generates;
//! `UPDATE_COMPILED_CONTEXTS=1 cargo test -p badge-verifier --lib compiled_contexts` rewrites it.

use super::context::{static_bits, Mapping, TypeMapping, ABSENT, NONE, TYPE_SCOPED};
use super::TABLES_ON;
use super::dynamic::{compile, process_local, process_scoped, CacheKey, JlContext, RECORD};
use serde_json::{json, Value};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::rc::Rc;

const VC1: &str = "https://www.w3.org/2018/credentials/v1";
const VC2: &str = "https://www.w3.org/ns/credentials/v2";
const OB: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context.json";
const OB301: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json";
const OB302: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json";
const OB303: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const OB_EXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";
const CLR: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context.json";
const CLR201: &str = "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json";
const ED2020: &str = "https://w3id.org/security/suites/ed25519-2020/v1";
const DI1: &str = "https://w3id.org/security/data-integrity/v1";
const DI2: &str = "https://w3id.org/security/data-integrity/v2";
const MULTIKEY: &str = "https://w3id.org/security/multikey/v1";
const STATUS: &str = "https://www.w3.org/ns/credentials/status/v1";

/// Top-level `@context` lists issuers use (OB 3.0 §B.1, CLR 2.0 §B.1, VC 2.0 §4.3), beyond
/// the ones the corpus has.
const SEEDS: &[&[&str]] = &[
    &[VC2],
    &[VC2, OB303],
    &[VC2, OB303, OB_EXT],
    &[VC2, OB302],
    &[VC2, OB302, OB_EXT],
    &[VC2, OB303, MULTIKEY],
    &[VC2, OB303, STATUS],
    &[VC2, OB303, DI2],
    &[VC2, CLR201, OB303],
    &[VC2, CLR201, OB303, OB_EXT],
    &[VC2, STATUS],
    &[VC1, OB, ED2020],
    &[VC1, OB, OB_EXT, ED2020],
    &[VC1, OB301, ED2020],
    &[VC1, OB301, OB_EXT, ED2020],
    &[VC1, OB301, DI1],
    &[VC1, OB302, DI1],
    &[VC1, OB302, OB_EXT, DI1],
    &[VC1, CLR, OB302, OB_EXT, DI1],
];

/// More states than this means the closure ran away (a context that nests without end).
const MAX_STATES: usize = 4_000;

struct State {
    jl: Rc<JlContext>,
    previous: Option<usize>,
    /// The states the transition that found it started from (candidates for its base).
    origin: Vec<usize>,
}

#[derive(Default)]
struct Tables {
    states: Vec<State>,
    local: BTreeMap<(usize, Vec<String>), usize>,
    scoped: BTreeMap<(usize, usize, String, bool), usize>,
}

/// Same definitions, same everything else: `json_ld::Context`'s own `==` leaves out the term
/// definitions.
fn same_context(a: &JlContext, b: &JlContext) -> bool {
    if a != b || a.definitions().len() != b.definitions().len() {
        return false;
    }
    if a.definitions().get_type() != b.definitions().get_type() {
        return false;
    }
    let all_same = a.definitions().iter().all(|binding| match binding {
        json_ld::context::BindingRef::Normal(key, def) => {
            b.get_normal(key.as_str()) == Some(def)
        }
        json_ld::context::BindingRef::Type(_) => true,
    });
    all_same
        && match (a.previous_context(), b.previous_context()) {
            (None, None) => true,
            (Some(pa), Some(pb)) => same_context(pa, pb),
            _ => false,
        }
}

impl Tables {
    fn new() -> Tables {
        let mut t = Tables::default();
        t.states.push(State {
            jl: Rc::new(JlContext::new(None)),
            previous: None,
            origin: Vec::new(),
        });
        t
    }

    /// The state for a processed context (found again if it is already one), or `None` for a
    /// context the walker does not handle.
    fn intern(&mut self, jl: JlContext, previous: Option<usize>, origin: Vec<usize>) -> Option<usize> {
        compile(&jl)?;
        if let Some(i) = self
            .states
            .iter()
            .position(|s| s.previous == previous && same_context(&s.jl, &jl))
        {
            return Some(i);
        }
        assert!(
            self.states.len() < MAX_STATES,
            "more than {MAX_STATES} compiled contexts"
        );
        self.states.push(State {
            jl: Rc::new(jl),
            previous,
            origin,
        });
        Some(self.states.len() - 1)
    }

    /// As `dynamic::previous_of`, in state numbers.
    fn previous_of(&self, processed: &JlContext, active: usize) -> Option<usize> {
        processed
            .previous_context()
            .map(|_| self.states[active].previous.unwrap_or(active))
    }

    fn local(&mut self, from: usize, urls: Vec<String>) -> Option<usize> {
        if let Some(to) = self.local.get(&(from, urls.clone())) {
            return Some(*to);
        }
        let value = Value::Array(urls.iter().cloned().map(Value::from).collect());
        let jl = process_local(&self.states[from].jl.clone(), &value)?;
        let previous = self.previous_of(&jl, from);
        let to = self.intern(jl, previous, vec![from])?;
        self.local.insert((from, urls), to);
        Some(to)
    }

    fn scoped(&mut self, active: usize, definer: usize, term: &str, ts: bool) -> Option<usize> {
        let key = (active, definer, term.to_owned(), ts);
        if let Some(to) = self.scoped.get(&key) {
            return Some(*to);
        }
        let (a, d) = (self.states[active].jl.clone(), self.states[definer].jl.clone());
        let jl = process_scoped(&a, &d, term, ts)?;
        let previous = self.previous_of(&jl, active);
        let to = self.intern(jl, previous, vec![active, definer])?;
        self.scoped.insert(key, to);
        Some(to)
    }

    /// Every transition the walker takes on `corpus`, processed by the run-time path with the
    /// tables off and then numbered here.
    fn walk(&mut self, corpus: &[Value]) {
        // A thread of its own: its per-thread caches start empty.
        let record = std::thread::scope(|s| {
            s.spawn(|| {
                TABLES_ON.with(|t| t.set(false));
                RECORD.with(|r| *r.borrow_mut() = Some(Vec::new()));
                for doc in corpus {
                    let _ = super::to_dataset(doc);
                }
                let record = RECORD.with(|r| r.borrow_mut().take().unwrap_or_default());
                // Ids and states as numbers only: the contexts stay on this thread.
                record
                    .into_iter()
                    .map(|(key, to)| (key, to.map(|c| c.key())))
                    .collect::<Vec<_>>()
            })
            .join()
            .expect("the corpus walk does not panic")
        });
        let mut numbered: HashMap<u64, usize> = HashMap::from([(0, 0)]);
        for (key, to) in record {
            let Some(to) = to else { continue };
            let made = match key {
                CacheKey::Local(from, text) => {
                    let urls: Vec<String> = match serde_json::from_str(&text) {
                        Ok(Value::String(u)) => vec![u],
                        Ok(v) => serde_json::from_value(v).expect("a list of context URLs"),
                        Err(_) => continue,
                    };
                    self.local(numbered[&from], urls)
                }
                CacheKey::Scoped {
                    active,
                    definer,
                    term,
                    type_scoped,
                } => self.scoped(numbered[&active], numbered[&definer], &term, type_scoped),
            };
            numbered.insert(to, made.expect("the generator processes what the walker did"));
        }
    }

    /// The Rust source of `compiled.rs`.
    fn source(&self) -> String {
        assert!(self.states.len() < usize::from(u16::MAX));
        // Each state's definitions: key → (IRI, type IRI, bits).
        type Def = (String, String, u16);
        // Each state compiled once: its definitions and its vocabulary.
        let (full, vocabs): (Vec<BTreeMap<String, Def>>, Vec<Option<String>>) = self
            .states
            .iter()
            .map(|s| {
                let (terms, vocab) = compile(&s.jl).expect("states compile");
                let defs = terms
                    .iter()
                    .map(|(k, t)| {
                        let v = t.view();
                        let iri = match v.mapping {
                            Mapping::Iri(i) => i.to_owned(),
                            _ => String::new(),
                        };
                        let typ = match v.typ {
                            TypeMapping::Iri(i) => i.to_owned(),
                            _ => String::new(),
                        };
                        (k.clone(), (iri, typ, static_bits(&v)))
                    })
                    .collect();
                (defs, vocab)
            })
            .unzip();
        let absent: Def = (String::new(), String::new(), ABSENT);
        // The difference from a base: what the state defines otherwise, and what it does not
        // define at all.
        let delta = |i: usize, base: Option<usize>| -> Vec<(String, Def)> {
            let Some(b) = base else {
                return full[i].iter().map(|(k, d)| (k.clone(), d.clone())).collect();
            };
            let mut out: Vec<(String, Def)> = full[i]
                .iter()
                .filter(|(k, d)| full[b].get(*k) != Some(d))
                .map(|(k, d)| (k.clone(), d.clone()))
                .collect();
            out.extend(
                full[b]
                    .keys()
                    .filter(|k| !full[i].contains_key(*k))
                    .map(|k| (k.clone(), absent.clone())),
            );
            out.sort();
            out
        };
        let mut bases = Vec::new();
        let mut deltas = Vec::new();
        for (i, s) in self.states.iter().enumerate() {
            let mut best = (None, delta(i, None));
            for &c in &s.origin {
                let d = delta(i, Some(c));
                if d.len() < best.1.len() {
                    best = (Some(c), d);
                }
            }
            bases.push(best.0);
            deltas.push(best.1);
        }
        let mut keys: BTreeSet<&str> = full.iter().flat_map(|m| m.keys()).map(String::as_str).collect();
        keys.extend(self.scoped.keys().map(|(_, _, t, _)| t.as_str()));
        let key_index: HashMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        let mut iris: BTreeSet<&str> = BTreeSet::new();
        for d in deltas.iter().flatten() {
            iris.insert(&d.1 .0);
            iris.insert(&d.1 .1);
        }
        iris.extend(vocabs.iter().flatten().map(String::as_str));
        let iri_index: HashMap<&str, usize> = iris.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        // A definition as a row of TERMS: [key, IRI, type IRI, bits].
        let row = |k: &String, (iri, typ, bits): &Def| {
            [key_index[k.as_str()], iri_index[iri.as_str()], iri_index[typ.as_str()], usize::from(*bits)]
        };
        // Each distinct definition once, in key order (so a state's list, sorted by index, is
        // sorted by key too).
        let rows: BTreeSet<[usize; 4]> = deltas
            .iter()
            .flatten()
            .map(|(k, d)| row(k, d))
            .collect();
        let row_index: HashMap<&[usize; 4], usize> = rows.iter().enumerate().map(|(i, r)| (r, i)).collect();

        let mut out = String::from(
            "// @generated by `proof::jsonld_fast::generate` from the bundled contexts: do not edit.\n\
             // UPDATE_COMPILED_CONTEXTS=1 cargo test -p badge-verifier --lib compiled_contexts\n\
             \n",
        );
        let (keys, iris): (Vec<&str>, Vec<&str>) = (keys.into_iter().collect(), iris.into_iter().collect());
        let _ = writeln!(out, "pub static KEYS: &[&str] = &{keys:?};\n");
        let _ = writeln!(out, "pub static IRIS: &[&str] = &{iris:?};\n");
        let _ = writeln!(out, "/// [key, IRI, type IRI, bits]\npub static TERMS: &[[u16; 4]] = &[");
        for [key, iri, typ, bits] in &rows {
            let _ = writeln!(out, "    [{key}, {iri}, {typ}, {bits:#x}],");
        }
        let _ = writeln!(
            out,
            "];\n\n/// [base, start of its terms in DELTAS, vocab, previous]\npub static STATES: &[[u16; 4]] = &["
        );
        let name = |o: Option<usize>| o.map_or(NONE.to_string(), |p| p.to_string());
        let mut flat: Vec<usize> = Vec::new();
        for (i, s) in self.states.iter().enumerate() {
            let mut terms: Vec<usize> = deltas[i]
                .iter()
                .map(|(k, d)| row_index[&row(k, d)])
                .collect();
            terms.sort();
            let vocab = name(vocabs[i].as_deref().map(|v| iri_index[v]));
            let _ = writeln!(
                out,
                "    [{}, {}, {vocab}, {}],",
                name(bases[i]),
                flat.len(),
                name(s.previous),
            );
            flat.extend(terms);
        }
        assert!(flat.len() < usize::from(u16::MAX));
        let flat: Vec<String> = flat.iter().map(usize::to_string).collect();
        let _ = writeln!(out, "];\n\npub static DELTAS: &[u16] = &[{}", flat.join(", "));
        let _ = writeln!(out, "];\n\npub static LOCAL: &[(u16, &[&str], u16)] = &[");
        for ((from, urls), to) in &self.local {
            let _ = writeln!(out, "    ({from}, &{urls:?}, {to}),");
        }
        let _ = writeln!(out, "];\n\n/// [active, definer, key (| TYPE_SCOPED), state]\npub static SCOPED: &[[u16; 4]] = &[");
        let mut scoped: Vec<[usize; 4]> = self
            .scoped
            .iter()
            .map(|((a, d, t, ts), to)| [*a, *d, key_index[t.as_str()] | if *ts { usize::from(TYPE_SCOPED) } else { 0 }, *to])
            .collect();
        scoped.sort();
        for [a, d, k, to] in scoped {
            let _ = writeln!(out, "    [{a}, {d}, {k}, {to}],");
        }
        out.push_str("];\n");
        out
    }
}

/// Typical credentials for a top-level `@context` list: an OB 3.0 / CLR 2.0 credential with
/// each of the parts issuers write (OB 3.0 §B.1 data model: issuer profile, achievement with
/// criteria, alignments, results, evidence, status, schema, endorsements …), one part a
/// document so that a part one context does not define stops only its own walk, and the
/// Data Integrity proof options.
fn typical(context: &[&str]) -> Vec<Value> {
    let vc1 = context.first() == Some(&VC1);
    let clr = context.contains(&CLR) || context.contains(&CLR201);
    let image = json!({"id": "https://example.org/i.png", "type": "Image", "caption": "c"});
    let profile = json!({
        "id": "https://example.org/issuer", "type": ["Profile"], "name": "n",
        "url": "https://example.org", "email": "a@example.org", "image": image,
        "address": {"type": ["Address"], "addressCountry": "c", "geo": {"type": "GeoCoordinates", "latitude": 1, "longitude": 2}},
        "otherIdentifier": [{"type": "IdentifierEntry", "identifier": "x", "identifierType": "sourcedId"}],
        "parentOrg": {"id": "https://example.org/parent", "type": ["Profile"], "name": "p"}
    });
    let achievement = json!({
        "id": "https://example.org/a", "type": ["Achievement"], "achievementType": "Badge",
        "name": "n", "description": "d", "criteria": {"id": "https://example.org/c", "narrative": "n"},
        "image": image, "creator": profile, "tag": ["t"], "humanCode": "h", "fieldOfStudy": "f",
        "alignment": [{"type": ["Alignment"], "targetName": "n", "targetUrl": "https://example.org/t",
            "targetType": "CFItem", "targetCode": "c", "targetFramework": "f", "targetDescription": "d"}],
        "resultDescription": [{"id": "https://example.org/rd", "type": ["ResultDescription"], "name": "n",
            "resultType": "GradePointAverage", "allowedValue": ["A"],
            "rubricCriterionLevel": [{"id": "https://example.org/l", "type": ["RubricCriterionLevel"], "name": "n"}]}],
        "related": [{"id": "https://example.org/r", "type": ["Related"], "version": "1"}],
        "otherIdentifier": [{"type": ["IdentifierEntry"], "identifier": "x", "identifierType": "sourcedId"}]
    });
    let subject = json!({
        "id": "did:example:earner", "type": ["AchievementSubject"], "achievement": achievement,
        "identifier": [{"type": "IdentityObject", "hashed": true, "identityHash": "x",
            "identityType": "emailAddress", "salt": "s"}],
        "result": [{"type": ["Result"], "resultDescription": "https://example.org/rd", "value": "A",
            "achievedLevel": "https://example.org/l"}],
        "creditsEarned": 1, "activityStartDate": "2025-01-01T00:00:00Z", "licenseNumber": "l",
        "role": "r", "term": "t", "source": profile
    });
    let (valid_from, status) = if vc1 {
        ("issuanceDate", json!({"id": "https://example.org/s#1", "type": "1EdTechRevocationList"}))
    } else {
        ("validFrom", json!({"id": "https://example.org/s#1", "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation", "statusListIndex": "1",
            "statusListCredential": "https://example.org/s"}))
    };
    let endorsement = json!({
        "@context": context, "id": "https://example.org/e",
        "type": ["VerifiableCredential", "EndorsementCredential"], "issuer": profile,
        valid_from: "2025-01-01T00:00:00Z", "name": "n",
        "credentialSubject": {"id": "https://example.org/a", "type": ["EndorsementSubject"], "endorsementComment": "c"}
    });
    let types = if clr {
        json!(["VerifiableCredential", "ClrCredential"])
    } else {
        json!(["VerifiableCredential", "OpenBadgeCredential"])
    };
    let clr_subject = json!({
        "id": "did:example:earner", "type": ["ClrSubject"],
        "verifiableCredential": [{"@context": context, "id": "https://example.org/v",
            "type": ["VerifiableCredential", "OpenBadgeCredential"], "issuer": profile,
            valid_from: "2025-01-01T00:00:00Z", "credentialSubject": subject}],
        "achievement": [achievement],
        "association": [{"type": "Association", "associationType": "isChildOf",
            "sourceId": "https://example.org/a", "targetId": "https://example.org/b"}]
    });
    let parts: Vec<(&str, Value)> = vec![
        ("credentialSubject", if clr { clr_subject } else { subject }),
        ("image", image.clone()),
        ("evidence", json!([{"id": "https://example.org/ev", "type": ["Evidence"], "narrative": "n", "name": "n"}])),
        ("credentialStatus", status),
        ("credentialSchema", json!([{"id": "https://example.org/schema.json", "type": "1EdTechJsonSchemaValidator2019"}])),
        ("refreshService", json!({"id": "https://example.org/r", "type": "1EdTechCredentialRefresh"})),
        ("termsOfUse", json!([{"type": "TrustFramework", "id": "https://example.org/t"}])),
        ("endorsement", json!([endorsement])),
        ("endorsementJwt", json!(["x.y.z"])),
        ("validUntil", json!("2030-01-01T00:00:00Z")),
        ("description", json!("d")),
    ];
    let mut docs = Vec::new();
    for (key, value) in parts {
        let mut doc = json!({
            "@context": context, "id": "urn:uuid:00000000-0000-4000-8000-000000000000",
            "type": types, "issuer": profile, valid_from: "2025-01-01T00:00:00Z", "name": "n"
        });
        doc[key] = value;
        docs.push(doc);
    }
    for suite in ["DataIntegrityProof", "Ed25519Signature2020"] {
        docs.push(json!({
            "@context": context, "type": suite, "cryptosuite": "eddsa-rdfc-2022",
            "created": "2025-01-01T00:00:00Z", "verificationMethod": "did:example:issuer#key-1",
            "proofPurpose": "assertionMethod"
        }));
    }
    docs
}

/// The source of `compiled.rs` for this corpus.
pub fn compiled_source(corpus: &[Value]) -> String {
    let mut tables = Tables::new();
    let mut typical_docs = Vec::new();
    for seed in SEEDS {
        tables.local(0, seed.iter().map(|s| s.to_string()).collect());
        typical_docs.extend(typical(seed));
    }
    tables.walk(&typical_docs);
    tables.walk(corpus);
    tables.source()
}

#[cfg(test)]
mod tests {
    use super::super::compiled::STATES;
    use super::super::context::static_keys;
    use super::super::Ctx;
    use super::*;

    #[test]
    fn compiled_contexts_are_current() {
        let corpus: Vec<Value> = crate::proof::data_integrity::fixture_corpus()
            .into_iter()
            .map(|(_, d)| d)
            .collect();
        let generated = compiled_source(&corpus);
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/src/proof/jsonld_fast/compiled.rs"
        );
        let committed = std::fs::read_to_string(path).unwrap();
        if generated != committed {
            if std::env::var_os("UPDATE_COMPILED_CONTEXTS").is_some() {
                std::fs::write(path, &generated).unwrap();
            } else {
                panic!(
                    "compiled.rs is not what the bundled contexts and the corpus give; run \
                     UPDATE_COMPILED_CONTEXTS=1 cargo test -p badge-verifier --lib compiled_contexts"
                );
            }
        }
    }

    /// Each compiled state against `json-ld` processing it again from its transition: every
    /// term, the vocabulary and the previous context, output for output.
    #[test]
    fn compiled_states_are_json_ld_s() {
        for i in 0..STATES.len() {
            let ctx = Ctx::Static(i as u16);
            let jl = super::super::dynamic::jl_of(&ctx).unwrap_or_else(|| panic!("state {i} replays"));
            let (terms, vocab) = compile(&jl).expect("compiles");
            assert_eq!(ctx.vocab(), vocab.as_deref(), "state {i}");
            for (key, t) in &terms {
                assert_eq!(ctx.term(key), Some(t.view()), "state {i}, term {key}");
            }
            let mut keys: Vec<&str> = terms.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(static_keys(i as u16), keys, "state {i}");
            assert_eq!(
                jl.previous_context().is_some(),
                ctx.previous().is_some(),
                "state {i}"
            );
        }
    }
}
