//! Dereferencing a verification method (a Data Integrity `verificationMethod`, a JWT `kid`) to a
//! public key, and finding out who controls it.
//!
//! OB 3.0 `integrity.md` "Dereferencing the Public Key": a key is named by an HTTP URL or a DID
//! URL. Supported: `did:key`, `did:jwk` (offline), `did:web`, and HTTP(S) documents that are a
//! JWK, a JWK Set, a single verification method (`Multikey`, `Ed25519VerificationKey2020`,
//! `JsonWebKey2020`/`JsonWebKey`) or a controller document / issuer Profile listing methods.
//!
//! A key alone proves nothing: what matters is that the issuer's own document (DID document or
//! issuer profile) lists it under `assertionMethod` (W3C Controlled Identifiers, "Verification
//! Relationships"). [`ResolvedKey::assertion`] says whether that was confirmed.

use super::did;
use super::weburl::WebUrl;
use crate::detail;
use crate::detail::{cause, code, url, Detail};
use crate::jose::keys::{KeyError, PublicKey};
use serde_json::Value;
use std::collections::HashMap;
use std::future::Future;

/// Where documents come from. Implemented by the verifier over [`crate::Fetcher`] (so every
/// fetch is logged and budgeted) and by tests.
pub trait JsonSource {
    /// GETs a URL and parses the body as JSON; the error says what went wrong.
    fn get_json(&mut self, url: &str) -> impl Future<Output = Result<Value, DocFailure>>;
    /// Testing only: plain http to localhost is allowed.
    fn allow_http(&self) -> bool;
}

/// Why a document could not be had. `answered`: the server answered (404, 410, not JSON), so
/// the document does not list anything; otherwise it could not be read (network, CORS, a
/// server error, the budget) and nothing is known.
#[derive(Debug, Clone, PartialEq)]
pub struct DocFailure {
    /// Why, in words.
    pub detail: Detail,
    /// Whether the server answered (the document does not list the thing) rather than could not be
    /// read (nothing is known).
    pub answered: bool,
}

impl DocFailure {
    /// A document that could not be read: nothing is known.
    pub fn unread(detail: impl Into<Detail>) -> Self {
        DocFailure {
            detail: detail.into(),
            answered: false,
        }
    }

    /// A document the server answered without (404, 410, not JSON): it lists nothing.
    pub fn answered(detail: impl Into<Detail>) -> Self {
        DocFailure {
            detail: detail.into(),
            answered: true,
        }
    }
}

impl std::fmt::Display for DocFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail.fmt(f)
    }
}

/// Whether the controller's document lists the key under `assertionMethod`.
#[derive(Debug, Clone, PartialEq)]
pub enum Assertion {
    /// The controller's document lists the key under `assertionMethod`.
    Listed,
    /// The controller's document was read and does not list it.
    NotListed(Detail),
    /// Could not be established (the key came from a bare JWK / JWK Set, or the controller's
    /// document could not be fetched): why.
    Unknown(Detail),
}

/// A key with its provenance.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedKey {
    /// The public key.
    pub key: PublicKey,
    /// The verification method id, absolute.
    pub method_id: String,
    /// Who the documents say controls the key (a DID, an issuer URL), if they say.
    pub controller: Option<String>,
    /// Where the key was found, for the expert view (`did:key (offline)`, a document URL …).
    pub source: Detail,
    /// Whether the controller's document lists the key under `assertionMethod`.
    pub assertion: Assertion,
}

impl ResolvedKey {
    /// A key from a document that names no controller (a bare JWK or JWK Set): whether it may
    /// issue is unknown, for the reason `why`.
    fn uncontrolled(key: PublicKey, method: &str, source: Detail, why: Detail) -> ResolvedKey {
        ResolvedKey {
            key,
            method_id: method.into(),
            controller: None,
            source,
            assertion: Assertion::Unknown(why),
        }
    }
}

/// Why a verification method did not give a key.
#[derive(Debug, Clone, PartialEq)]
pub enum ResolveError {
    /// The reference or the document is wrong (no scheme, unknown scheme, key not in the
    /// document, malformed key): the proof cannot be satisfied.
    Invalid(Detail),
    /// A DID method (or key type) this verifier does not support: cannot decide.
    Unsupported(Detail),
    /// A document could not be fetched: cannot decide. `tried` lists what was tried, each
    /// with its outcome.
    Unavailable {
        /// What could not be fetched, and why.
        detail: Detail,
        /// Each document tried, with its outcome.
        tried: Vec<Detail>,
    },
}

impl ResolveError {
    /// Why, in one sentence (with what was tried).
    pub fn detail(&self) -> Detail {
        match self {
            ResolveError::Invalid(m) | ResolveError::Unsupported(m) => m.clone(),
            ResolveError::Unavailable { detail, tried } if tried.is_empty() => detail.clone(),
            ResolveError::Unavailable { detail, tried } => detail!(
                "{why} (tried: {tried})",
                why = cause(detail.clone()),
                tried = cause(list(tried.clone()))
            ),
        }
    }
}

impl std::fmt::Display for ResolveError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

impl From<&ResolveError> for Detail {
    fn from(e: &ResolveError) -> Detail {
        e.detail()
    }
}

impl From<ResolveError> for Detail {
    fn from(e: ResolveError) -> Detail {
        e.detail()
    }
}

/// Items one after another, separated as a list is in the reader's language ("a; b; c").
pub fn list(items: impl IntoIterator<Item = Detail>) -> Detail {
    let mut items: Vec<Detail> = items.into_iter().collect();
    let Some(mut out) = items.pop() else {
        return detail!("(none)");
    };
    while let Some(before) = items.pop() {
        out = detail!("{item}; {rest}", item = cause(before), rest = cause(out));
    }
    out
}

/// Most documents one resolution may read (a method document and its controller's).
const MAX_DOCS: usize = 6;

/// Resolves verification methods, caching documents so several proofs cost one fetch.
pub struct KeyResolver<'s, S: JsonSource> {
    src: &'s mut S,
    cache: HashMap<String, Result<Value, DocFailure>>,
    /// Every URL fetched (or found in the cache) for the current resolution, with its outcome.
    tried: Vec<Detail>,
}

impl<'s, S: JsonSource> KeyResolver<'s, S> {
    /// A resolver reading documents from `src` (in verification: its fetcher, logged and budgeted).
    pub fn new(src: &'s mut S) -> Self {
        KeyResolver {
            src,
            cache: HashMap::new(),
            tried: Vec::new(),
        }
    }

    /// Fetches (once) a JSON document.
    pub async fn document(&mut self, url: &str) -> Result<Value, DocFailure> {
        if let Some(r) = self.cache.get(url) {
            let r = r.clone();
            self.tried.push(tried(url, &r));
            return r;
        }
        if self.cache.len() >= MAX_DOCS * 4 {
            return Err(DocFailure::unread(detail!(
                "too many key documents for one badge"
            )));
        }
        let r = self.src.get_json(url).await;
        self.tried.push(tried(url, &r));
        self.cache.insert(url.to_string(), r.clone());
        r
    }

    /// The DID document of a DID (offline for did:key / did:jwk) and where it came from.
    pub async fn did_document(&mut self, did_url: &str) -> Result<(Value, Detail), ResolveError> {
        let d = did::parse(did_url).ok_or_else(|| {
            ResolveError::Invalid(detail!("\"{did}\" is not a valid DID", did = code(did_url)))
        })?;
        match d.method {
            "key" => did::did_key_document(d.did, d.specific_id)
                .map(|doc| (doc, detail!("`did:key` (offline)")))
                .map_err(ResolveError::Invalid),
            "jwk" => did::did_jwk_document(d.did, d.specific_id)
                .map(|doc| (doc, detail!("`did:jwk` (offline)")))
                .map_err(ResolveError::Invalid),
            "web" => {
                let urls = did::did_web_urls(d.specific_id, self.src.allow_http()).map_err(ResolveError::Invalid)?;
                let mut last = detail!("no such document");
                for u in &urls {
                    match self.document(u).await {
                        Ok(doc) => {
                            // did:web §3.2: the document must be about this DID.
                            let id = doc.get("id").and_then(Value::as_str);
                            if id != Some(d.did) {
                                return Err(ResolveError::Invalid(match id {
                                    Some(id) => detail!(
                                        "the DID document at {url} is about {other}, not {did}",
                                        url = url(u.as_str()),
                                        other = code(id),
                                        did = code(d.did)
                                    ),
                                    None => detail!(
                                        "the DID document at {url} is about (no id), not {did}",
                                        url = url(u.as_str()),
                                        did = code(d.did)
                                    ),
                                }));
                            }
                            return Ok((
                                doc,
                                detail!("`did:web` document {url}", url = url(u.as_str())),
                            ));
                        }
                        Err(e) => last = e.detail,
                    }
                }
                Err(ResolveError::Unavailable {
                    detail: detail!(
                        "the DID document of {did} could not be fetched: {why}",
                        did = code(d.did),
                        why = cause(last)
                    ),
                    tried: urls.iter().map(|u| detail!("{url}", url = url(u.as_str()))).collect(),
                })
            }
            other => Err(ResolveError::Unsupported(detail!(
                "{method} is a DID method this verifier cannot resolve (supported: `did:key`, `did:jwk`, `did:web`)",
                method = code(format!("did:{other}"))
            ))),
        }
    }

    /// Resolves a verification method reference (DID URL or http(s) URL) to a key.
    pub async fn resolve(&mut self, method: &str) -> Result<ResolvedKey, ResolveError> {
        self.tried.clear();
        let r = self.resolve_inner(method).await;
        match r {
            // Say what was tried: every document this resolution asked for, with its outcome.
            Err(ResolveError::Unavailable { detail, .. }) if !self.tried.is_empty() => {
                Err(ResolveError::Unavailable {
                    detail,
                    tried: self.tried.clone(),
                })
            }
            other => other,
        }
    }

    async fn resolve_inner(&mut self, method: &str) -> Result<ResolvedKey, ResolveError> {
        let method = method.trim();
        let Some((scheme, _)) = method.split_once(':').filter(|(s, _)| is_scheme(s)) else {
            return Err(ResolveError::Invalid(detail!(
                "the verification method \"{method}\" is not a URI (no scheme): it must be a DID URL or an https URL",
                method = code(method)
            )));
        };
        match scheme.to_ascii_lowercase().as_str() {
            "did" => self.resolve_did(method).await,
            "http" | "https" => self.resolve_http(method).await,
            other => Err(ResolveError::Invalid(detail!(
                "the verification method \"{method}\" has the scheme \"{scheme}\"; keys are named by DID URLs or https URLs (OB 3.0 `integrity.md`, \"Dereferencing the Public Key\")",
                method = code(method),
                scheme = code(format!("{other}:"))
            ))),
        }
    }

    async fn resolve_did(&mut self, method: &str) -> Result<ResolvedKey, ResolveError> {
        let (doc, source) = self.did_document(method).await?;
        let d = did::parse(method).ok_or_else(|| {
            ResolveError::Invalid(detail!("\"{did}\" is not a valid DID", did = code(method)))
        })?;
        let vm = match d.fragment {
            Some(_) => find_method(&doc, method, d.did).cloned(),
            // A bare DID (`did:key:z6Mk…`): the DID's only assertion key, if there is exactly one.
            None => single_assertion_method(&doc, d.did),
        };
        let Some(vm) = vm else {
            return Err(ResolveError::Invalid(detail!(
                "{source} has no verification method {method}",
                source = cause(source),
                method = code(method)
            )));
        };
        let vm_id = absolute(
            vm.get("id").and_then(Value::as_str).unwrap_or(method),
            d.did,
        );
        let key = key_from_method(&vm).map_err(|e| key_error(&vm_id, e))?;
        let controller = vm
            .get("controller")
            .and_then(Value::as_str)
            .map(|c| absolute(c, d.did))
            .unwrap_or_else(|| d.did.to_string());
        // The DID document speaks for its DID only: a method that names another controller
        // counts only if that controller's own document lists it.
        let assertion = if controller != d.did {
            self.controller_lists(&controller, &vm_id).await
        } else if lists_assertion(&doc, &vm_id, d.did) {
            Assertion::Listed
        } else {
            Assertion::NotListed(detail!(
                "{source} does not list {method} under `assertionMethod`",
                source = cause(source.clone()),
                method = code(vm_id.as_str())
            ))
        };
        Ok(ResolvedKey {
            key,
            method_id: vm_id,
            controller: Some(controller),
            source,
            assertion,
        })
    }

    async fn resolve_http(&mut self, method: &str) -> Result<ResolvedKey, ResolveError> {
        let (doc_url, fragment) = match method.split_once('#') {
            Some((u, f)) => (u, Some(f)),
            None => (method, None),
        };
        let doc = self
            .document(doc_url)
            .await
            .map_err(|e| ResolveError::Unavailable {
                detail: detail!(
                    "the key document {url} could not be fetched: {why}",
                    url = url(doc_url),
                    why = cause(e.detail)
                ),
                tried: Vec::new(),
            })?;
        let source = detail!("key document {url}", url = url(doc_url));
        // A JWK Set (RFC 7517 §5): the key whose `kid` is the fragment or the whole URL.
        if let Some(keys) = doc.get("keys").and_then(Value::as_array) {
            let jwk = keys
                .iter()
                .find(|k| {
                    let kid = k.get("kid").and_then(Value::as_str);
                    kid.is_some() && (kid == fragment || kid == Some(method))
                })
                .or_else(|| (keys.len() == 1 && fragment.is_none()).then(|| &keys[0]))
                .ok_or_else(|| {
                    ResolveError::Invalid(detail!(
                        "the JWK Set at {url} has no key \"{kid}\"",
                        url = url(doc_url),
                        kid = code(fragment.unwrap_or(method))
                    ))
                })?;
            let key = PublicKey::from_jwk(jwk).map_err(|e| key_error(method, e))?;
            let why = detail!(
                "{url} is a bare JWK Set: it names no controller",
                url = url(doc_url)
            );
            return Ok(ResolvedKey::uncontrolled(key, method, source, why));
        }
        // A bare JWK.
        if doc.get("kty").is_some() {
            let key = PublicKey::from_jwk(&doc).map_err(|e| key_error(method, e))?;
            let why = detail!(
                "{url} is a bare JWK: it names no controller",
                url = url(doc_url)
            );
            return Ok(ResolvedKey::uncontrolled(key, method, source, why));
        }
        // A single verification method document, fetched by its own id.
        let doc_id = doc
            .get("id")
            .and_then(Value::as_str)
            .map(|i| absolute(i, doc_url));
        // A single verification method answers for the URL fetched: its id (if any) must be
        // that URL, or it could borrow another method's identity.
        let is_method = has_key_material(&doc)
            && match doc_id.as_deref() {
                None => fragment.is_none(),
                Some(id) => same_url(id, method),
            };
        if is_method {
            let key = key_from_method(&doc).map_err(|e| key_error(method, e))?;
            let vm_id = method.to_string();
            let controller = doc
                .get("controller")
                .and_then(Value::as_str)
                .map(|c| absolute(c, doc_url));
            let assertion = match &controller {
                None => Assertion::Unknown(detail!(
                    "{url} names no controller",
                    url = url(doc_url)
                )),
                Some(c) => self.controller_lists(c, &vm_id).await,
            };
            return Ok(ResolvedKey {
                key,
                method_id: vm_id,
                controller,
                source,
                assertion,
            });
        }
        // A controller document (an issuer Profile or DID-style document) listing methods. It
        // speaks for the URL it was fetched from only: one claiming another id is refused.
        if let Some(id) = doc_id.as_deref().filter(|id| !same_url(id, doc_url)) {
            return Err(ResolveError::Invalid(detail!(
                "the document at {url} claims to be {id}",
                url = url(doc_url),
                id = code(id)
            )));
        }
        let vm = find_method(&doc, method, doc_url).cloned();
        let Some(vm) = vm else {
            return Err(ResolveError::Invalid(detail!(
                "the document at {url} does not list the key {method}",
                url = url(doc_url),
                method = code(method)
            )));
        };
        let key = key_from_method(&vm).map_err(|e| key_error(method, e))?;
        let controller = vm
            .get("controller")
            .and_then(Value::as_str)
            .map(|c| absolute(c, doc_url))
            .unwrap_or_else(|| doc_url.to_string());
        let assertion = if !same_url(&controller, doc_url) {
            // A method naming another controller counts only if that controller lists it.
            self.controller_lists(&controller, method).await
        } else if lists_assertion(&doc, method, doc_url) {
            Assertion::Listed
        } else {
            Assertion::NotListed(detail!(
                "{url} does not list {method} under `assertionMethod`",
                url = url(doc_url),
                method = code(method)
            ))
        };
        let source = detail!("controller document {url}", url = url(doc_url));
        Ok(ResolvedKey {
            key,
            method_id: method.into(),
            controller: Some(controller),
            source,
            assertion,
        })
    }

    /// Reads the controller's document and checks it lists `vm_id` under `assertionMethod`.
    async fn controller_lists(&mut self, controller: &str, vm_id: &str) -> Assertion {
        let doc = if controller.starts_with("did:") {
            match self.did_document(controller).await {
                Ok((doc, _)) => doc,
                Err(e) => {
                    return Assertion::Unknown(detail!(
                        "the controller {controller} could not be read: {why}",
                        controller = code(controller),
                        why = cause(e)
                    ))
                }
            }
        } else if controller.starts_with("https://") || controller.starts_with("http://") {
            let doc_url = controller
                .split('#')
                .next()
                .unwrap_or(controller)
                .to_string();
            match self.document(&doc_url).await {
                Ok(doc) => doc,
                Err(e) => {
                    return Assertion::Unknown(detail!(
                        "the controller document {url} could not be fetched: {why}",
                        url = url(doc_url),
                        why = cause(e.detail)
                    ))
                }
            }
        } else {
            return Assertion::Unknown(detail!(
                "the controller {controller} cannot be dereferenced",
                controller = code(controller)
            ));
        };
        if lists_assertion(&doc, vm_id, controller) {
            Assertion::Listed
        } else {
            Assertion::NotListed(detail!(
                "the controller document {controller} does not list {method} under `assertionMethod`",
                controller = code(controller),
                method = code(vm_id)
            ))
        }
    }
}

/// Every key a document lists under `assertionMethod` (at most 16), for matching a JWT's
/// bare `jwk` against the issuer's keys.
pub fn assertion_keys(doc: &Value, base: &str) -> Vec<(String, PublicKey)> {
    relationship_keys(doc, "assertionMethod", base)
}

/// Every key a document lists under the verification relationship `relationship`
/// (`assertionMethod`, `authentication`; Controlled Identifiers §2.3), at most 16.
pub fn relationship_keys(doc: &Value, relationship: &str, base: &str) -> Vec<(String, PublicKey)> {
    let mut out = Vec::new();
    for entry in crate::model::json::each(doc.get(relationship))
        .into_iter()
        .take(16)
    {
        let vm = match entry {
            Value::String(id) => find_method(doc, &absolute(id, base), base),
            obj @ Value::Object(_) => Some(obj),
            _ => None,
        };
        if let Some(vm) = vm {
            if let Ok(k) = key_from_method(vm) {
                let id = vm
                    .get("id")
                    .and_then(Value::as_str)
                    .map(|i| absolute(i, base))
                    .unwrap_or_default();
                out.push((id, k));
            }
        }
    }
    out
}

/// Two http(s) URLs name the same document (`https://a/b` = `https://a/b`; case of scheme
/// and host and default ports normalised by the URL parser).
fn same_url(a: &str, b: &str) -> bool {
    match (WebUrl::parse(a), WebUrl::parse(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

fn key_error(vm: &str, e: KeyError) -> ResolveError {
    let unsupported = e.is_unsupported();
    let d = detail!("{method}: {why}", method = code(vm), why = cause(e.0));
    if unsupported {
        ResolveError::Unsupported(d)
    } else {
        ResolveError::Invalid(d)
    }
}

/// One line of what a resolution tried: the URL and how it went.
fn tried(u: &str, r: &Result<Value, DocFailure>) -> Detail {
    match r {
        Ok(_) => detail!("{url}: fetched", url = url(u)),
        Err(e) => detail!("{url}: {why}", url = url(u), why = cause(e.detail.clone())),
    }
}

fn is_scheme(s: &str) -> bool {
    let mut b = s.bytes();
    matches!(b.next(), Some(c) if c.is_ascii_alphabetic())
        && b.all(|c| c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.'))
}

/// Resolves `#frag` (or a bare relative id) against `base` (a DID or a document URL).
pub fn absolute(id: &str, base: &str) -> String {
    let base = base.split('#').next().unwrap_or(base);
    if let Some(frag) = id.strip_prefix('#') {
        format!("{base}#{frag}")
    } else {
        id.to_string()
    }
}

fn has_key_material(v: &Value) -> bool {
    v.get("publicKeyMultibase").is_some()
        || v.get("publicKeyJwk").is_some()
        || v.get("publicKeyBase58").is_some()
}

/// The verification method with id `id` in a controller document: in `verificationMethod`, or
/// embedded in `assertionMethod` (ids may be relative to `base`).
pub fn find_method<'a>(doc: &'a Value, id: &str, base: &str) -> Option<&'a Value> {
    ["verificationMethod", "assertionMethod", "publicKey"]
        .iter()
        .find_map(|prop| {
            crate::model::json::each(doc.get(*prop))
                .into_iter()
                .find(|vm| {
                    vm.is_object()
                        && vm
                            .get("id")
                            .and_then(Value::as_str)
                            .is_some_and(|i| absolute(i, base) == id)
                })
        })
}

/// Whether a controller document lists `id` under `assertionMethod` (by reference or embedded).
pub fn lists_assertion(doc: &Value, id: &str, base: &str) -> bool {
    crate::model::json::each(doc.get("assertionMethod"))
        .into_iter()
        .any(|entry| match entry {
            Value::String(s) => absolute(s, base) == id,
            Value::Object(o) => o
                .get("id")
                .and_then(Value::as_str)
                .is_some_and(|i| absolute(i, base) == id),
            _ => false,
        })
}

fn single_assertion_method(doc: &Value, did: &str) -> Option<Value> {
    let mut found = crate::model::json::each(doc.get("assertionMethod"))
        .into_iter()
        .filter_map(|entry| match entry {
            Value::String(id) => find_method(doc, &absolute(id, did), did).cloned(),
            obj @ Value::Object(_) => Some(obj.clone()),
            _ => None,
        });
    let first = found.next()?;
    found.next().is_none().then_some(first)
}

/// The public key of a verification method object: `publicKeyMultibase` (`Multikey`,
/// `Ed25519VerificationKey2020`), `publicKeyJwk` (`JsonWebKey2020`, `JsonWebKey`), or the
/// legacy `publicKeyBase58` of `Ed25519VerificationKey2018`.
pub fn key_from_method(vm: &Value) -> Result<PublicKey, KeyError> {
    if let Some(mb) = vm.get("publicKeyMultibase").and_then(Value::as_str) {
        return PublicKey::from_multibase(mb);
    }
    if let Some(jwk) = vm.get("publicKeyJwk") {
        return PublicKey::from_jwk(jwk);
    }
    if let Some(b58) = vm.get("publicKeyBase58").and_then(Value::as_str) {
        let bytes = bs58::decode(b58)
            .into_vec()
            .map_err(|_| KeyError(detail!("`publicKeyBase58` is not valid base58")))?;
        return PublicKey::ed25519_from_bytes(&bytes);
    }
    Err(KeyError(detail!(
        "unsupported verification method: no `publicKeyMultibase`, `publicKeyJwk` or `publicKeyBase58`"
    )))
}

/// `https://{issuer authority}/.well-known/jwks.json` for an http(s) issuer (OB 3.0
/// implementation guide "Key provenance").
pub fn jwks_url(issuer: &str) -> Option<String> {
    let origin = WebUrl::parse(issuer).ok()?.http_origin()?;
    Some(format!("{origin}/.well-known/jwks.json"))
}

/// A `kid` relative to the issuer: `#key-1` → `<issuer>#key-1`; a bare name with a DID issuer
/// → `<issuer>#name`; with an https issuer → its `/.well-known/jwks.json#name`.
pub fn kid_url(kid: &str, issuer: Option<&str>) -> String {
    let is_uri = kid.split_once(':').is_some_and(|(s, _)| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
    });
    match issuer {
        _ if is_uri => kid.to_string(),
        Some(iss) if kid.starts_with('#') => absolute(kid, iss),
        Some(iss) if iss.starts_with("did:") => {
            format!("{}#{kid}", iss.split('#').next().unwrap_or(iss))
        }
        Some(iss) => match jwks_url(iss) {
            Some(j) => format!("{j}#{kid}"),
            None => kid.to_string(),
        },
        None => kid.to_string(),
    }
}

/// An OB 2.0 issuer Profile's `publicKey` entry that embeds the key `key_id` (an object with its
/// `publicKeyPem`), rather than naming a URL to fetch it from.
pub fn ob2_embedded_key(issuer: &Value, key_id: &str) -> Option<Value> {
    crate::model::json::each(issuer.get("publicKey"))
        .into_iter()
        .find(|k| {
            k.is_object()
                && crate::model::json::id_of(Some(k)) == Some(key_id)
                && k.get("publicKeyPem").is_some()
        })
        .cloned()
}

/// The RSA key of an OB 2.0 CryptographicKey document (`publicKeyPem`; RS256 is the only OB 2.0
/// signing algorithm). `Err` says why in the words of the `key` check.
pub fn ob2_rsa_key(key_doc: &Value, key_id: &str) -> Result<PublicKey, Detail> {
    let Some(pem) = crate::model::json::str_of(key_doc, "publicKeyPem") else {
        return Err(detail!(
            "key {key} has no `publicKeyPem`",
            key = code(key_id)
        ));
    };
    match PublicKey::from_pem(pem) {
        Ok(k @ PublicKey::Rsa(_)) => Ok(k),
        Ok(k) => Err(detail!(
            "key {key} is {kind}, `RS256` needs RSA",
            key = code(key_id),
            kind = code(k.kind())
        )),
        Err(e) => Err(detail!("key {key}: {why}", key = code(key_id), why = cause(e.0))),
    }
}

/// The key of a JWT's `jwk` header, named by its thumbprint. Nobody vouches for it yet: a key in
/// the token itself says nothing about who owns it (`trust::bind` decides).
pub fn header_jwk(jwk: &Value) -> Result<ResolvedKey, KeyError> {
    let key = PublicKey::from_jwk(jwk)?;
    Ok(ResolvedKey {
        key,
        method_id: thumbprint_urn(jwk),
        controller: None,
        source: detail!("the JWT's `jwk` header"),
        assertion: Assertion::Unknown(detail!(
            "a `jwk` in the token itself says nothing about who owns it"
        )),
    })
}

/// The RFC 7638 JWK thumbprint URN (RFC 9278) of a public JWK: its id in the expert view.
fn thumbprint_urn(jwk: &Value) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use sha2::{Digest, Sha256};
    let members: &[&str] = match jwk.get("kty").and_then(Value::as_str) {
        Some("RSA") => &["e", "kty", "n"],
        Some("EC") => &["crv", "kty", "x", "y"],
        _ => &["crv", "kty", "x"],
    };
    // Required members only, lexicographic order, no whitespace (RFC 7638 §3.2).
    let mut canonical = serde_json::Map::new();
    for m in members {
        if let Some(v) = jwk.get(*m) {
            canonical.insert((*m).to_string(), v.clone());
        }
    }
    let digest = Sha256::digest(Value::Object(canonical).to_string().as_bytes());
    format!(
        "urn:ietf:params:oauth:jwk-thumbprint:sha-256:{}",
        URL_SAFE_NO_PAD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const MB: &str = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";

    struct Docs(HashMap<String, Value>, Vec<String>);

    impl JsonSource for Docs {
        async fn get_json(&mut self, url: &str) -> Result<Value, DocFailure> {
            self.1.push(url.to_string());
            self.0
                .get(url)
                .cloned()
                .ok_or_else(|| DocFailure::unread("no such document"))
        }
        fn allow_http(&self) -> bool {
            false
        }
    }

    fn docs(list: &[(&str, Value)]) -> Docs {
        Docs(
            list.iter()
                .map(|(u, v)| (u.to_string(), v.clone()))
                .collect(),
            Vec::new(),
        )
    }

    fn run<T>(f: impl Future<Output = T>) -> T {
        futures::executor::block_on(f)
    }

    #[test]
    fn did_key_bare_and_with_fragment() {
        let mut d = docs(&[]);
        let mut r = KeyResolver::new(&mut d);
        let k = run(r.resolve(&format!("did:key:{MB}"))).unwrap();
        assert_eq!(
            k.controller.as_deref(),
            Some(format!("did:key:{MB}").as_str())
        );
        assert_eq!(k.assertion, Assertion::Listed);
        let k = run(r.resolve(&format!("did:key:{MB}#{MB}"))).unwrap();
        assert_eq!(k.method_id, format!("did:key:{MB}#{MB}"));
        assert!(matches!(
            run(r.resolve(&format!("did:key:{MB}#other"))),
            Err(ResolveError::Invalid(_))
        ));
    }

    #[test]
    fn did_web_document_with_relative_ids() {
        let doc = json!({"id":"did:web:issuer.example","verificationMethod":[{"id":"#k1","type":"Multikey","controller":"did:web:issuer.example","publicKeyMultibase":MB}],"assertionMethod":["#k1"]});
        let mut d = docs(&[("https://issuer.example/.well-known/did.json", doc)]);
        let mut r = KeyResolver::new(&mut d);
        let k = run(r.resolve("did:web:issuer.example#k1")).unwrap();
        assert_eq!(k.assertion, Assertion::Listed);
        assert_eq!(k.controller.as_deref(), Some("did:web:issuer.example"));
        assert!(k
            .source
            .contains("https://issuer.example/.well-known/did.json"));
        match run(r.resolve("did:web:other.example#k1")) {
            Err(ResolveError::Unavailable { tried, .. }) => {
                assert!(tried.iter().any(|t| t.contains("other.example")))
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn did_web_document_about_another_did_is_refused() {
        let doc = json!({"id":"did:web:evil.example","verificationMethod":[],"assertionMethod":[]});
        let mut d = docs(&[("https://issuer.example/.well-known/did.json", doc)]);
        let mut r = KeyResolver::new(&mut d);
        assert!(matches!(
            run(r.resolve("did:web:issuer.example#k1")),
            Err(ResolveError::Invalid(_))
        ));
    }

    #[test]
    fn http_controller_document_and_method_document() {
        let profile = json!({"id":"https://issuer.example/p","type":"Profile","verificationMethod":[{"id":"https://issuer.example/p#key","type":"Multikey","controller":"https://issuer.example/p","publicKeyMultibase":MB}],"assertionMethod":["https://issuer.example/p#key"]});
        let vm = json!({"id":"https://issuer.example/keys/1","type":"Ed25519VerificationKey2020","controller":"https://issuer.example/p","publicKeyMultibase":MB});
        let mut d = docs(&[
            ("https://issuer.example/p", profile),
            ("https://issuer.example/keys/1", vm),
        ]);
        let mut r = KeyResolver::new(&mut d);
        let k = run(r.resolve("https://issuer.example/p#key")).unwrap();
        assert_eq!(
            (k.controller.as_deref(), &k.assertion),
            (Some("https://issuer.example/p"), &Assertion::Listed)
        );
        let k = run(r.resolve("https://issuer.example/keys/1")).unwrap();
        assert!(
            matches!(k.assertion, Assertion::NotListed(_)),
            "{:?}",
            k.assertion
        );
        assert!(matches!(
            run(r.resolve("https://issuer.example/p#nokey")),
            Err(ResolveError::Invalid(_))
        ));
        // The profile was fetched once for three resolutions.
        assert_eq!(
            d.1.iter()
                .filter(|u| *u == "https://issuer.example/p")
                .count(),
            1
        );
    }

    #[test]
    fn bad_references() {
        let mut d = docs(&[]);
        let mut r = KeyResolver::new(&mut d);
        assert!(matches!(
            run(r.resolve("z6MkrvfzkMnvCroEUP2DVc9SHPE48CRsvHiVSusHioxTYu1x")),
            Err(ResolveError::Invalid(_))
        ));
        assert!(matches!(
            run(r.resolve("xxx:z6Mkrvfzk")),
            Err(ResolveError::Invalid(_))
        ));
        assert!(matches!(
            run(r.resolve("did:example:123#k")),
            Err(ResolveError::Unsupported(_))
        ));
        assert!(matches!(
            run(r.resolve("https://nowhere.example/k#1")),
            Err(ResolveError::Unavailable { .. })
        ));
    }

    #[test]
    fn jwks_by_kid() {
        let jwks = json!({"keys":[{"kty":"OKP","crv":"Ed25519","kid":"k1","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]});
        let mut d = docs(&[("https://issuer.example/.well-known/jwks.json", jwks)]);
        let mut r = KeyResolver::new(&mut d);
        let k = run(r.resolve("https://issuer.example/.well-known/jwks.json#k1")).unwrap();
        assert!(matches!(k.assertion, Assertion::Unknown(_)));
        assert!(run(r.resolve("https://issuer.example/.well-known/jwks.json#k2")).is_err());
    }
}

#[cfg(test)]
mod impersonation {
    //! Documents that vouch for themselves in someone else's name.
    use super::*;
    use serde_json::json;

    const MB: &str = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    const ISSUER: &str = "https://issuer.example/p";

    struct Docs(HashMap<String, Value>);

    impl JsonSource for Docs {
        async fn get_json(&mut self, url: &str) -> Result<Value, DocFailure> {
            self.0
                .get(url)
                .cloned()
                .ok_or_else(|| DocFailure::unread("no such document"))
        }
        fn allow_http(&self) -> bool {
            false
        }
    }

    fn resolve(docs: &[(&str, Value)], method: &str) -> Result<ResolvedKey, ResolveError> {
        let mut d = Docs(
            docs.iter()
                .map(|(u, v)| (u.to_string(), v.clone()))
                .collect(),
        );
        futures::executor::block_on(KeyResolver::new(&mut d).resolve(method))
    }

    /// The real issuer lists its own key k1 only.
    fn issuer_profile() -> (&'static str, Value) {
        let vm = json!({"id": format!("{ISSUER}#k1"), "type": "Multikey", "controller": ISSUER,
            "publicKeyMultibase": "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"});
        (
            ISSUER,
            json!({"id": ISSUER, "verificationMethod": [vm], "assertionMethod": [format!("{ISSUER}#k1")]}),
        )
    }

    #[test]
    fn foreign_controller_document_naming_the_issuer_as_controller() {
        let evil = json!({"id": "https://evil.example/keys",
            "verificationMethod": [{"id": "https://evil.example/keys#k", "type": "Multikey", "controller": ISSUER, "publicKeyMultibase": MB}],
            "assertionMethod": ["https://evil.example/keys#k"]});
        let k = resolve(
            &[("https://evil.example/keys", evil), issuer_profile()],
            "https://evil.example/keys#k",
        )
        .unwrap();
        assert!(
            matches!(k.assertion, Assertion::NotListed(_)),
            "{:?}",
            k.assertion
        );
    }

    #[test]
    fn foreign_document_claiming_the_issuers_id() {
        let evil = json!({"id": ISSUER,
            "verificationMethod": [{"id": "#k1", "type": "Multikey", "controller": ISSUER, "publicKeyMultibase": MB}],
            "assertionMethod": ["#k1"]});
        let r = resolve(
            &[("https://evil.example/p", evil)],
            "https://evil.example/p#k1",
        );
        assert!(
            matches!(r, Err(ResolveError::Invalid(ref m)) if m.contains("claims to be")),
            "{r:?}"
        );
    }

    #[test]
    fn foreign_method_document_borrowing_the_issuers_method_id() {
        let evil = json!({"id": format!("{ISSUER}#k1"), "type": "Multikey", "controller": ISSUER, "publicKeyMultibase": MB});
        let r = resolve(
            &[("https://evil.example/k", evil), issuer_profile()],
            "https://evil.example/k",
        );
        assert!(matches!(r, Err(ResolveError::Invalid(_))), "{r:?}");
    }

    #[test]
    fn did_document_naming_another_controller() {
        let evil = json!({"id": "did:web:evil.example",
            "verificationMethod": [{"id": "#k", "type": "Multikey", "controller": ISSUER, "publicKeyMultibase": MB}],
            "assertionMethod": ["#k"]});
        let k = resolve(
            &[
                ("https://evil.example/.well-known/did.json", evil),
                issuer_profile(),
            ],
            "did:web:evil.example#k",
        )
        .unwrap();
        assert!(
            matches!(k.assertion, Assertion::NotListed(_)),
            "{:?}",
            k.assertion
        );
    }
}

#[cfg(test)]
mod named_keys {
    use super::*;
    use serde_json::json;

    #[test]
    fn rfc7638_thumbprint() {
        // RFC 7638 §3.1 example.
        let jwk = json!({"kty":"RSA","e":"AQAB","alg":"RS256","kid":"2011-04-29","n":"0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw"});
        assert_eq!(thumbprint_urn(&jwk), "urn:ietf:params:oauth:jwk-thumbprint:sha-256:NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
    }

    #[test]
    fn kid_urls() {
        assert_eq!(
            kid_url("#k1", Some("did:web:i.example")),
            "did:web:i.example#k1"
        );
        assert_eq!(
            kid_url("k1", Some("did:web:i.example")),
            "did:web:i.example#k1"
        );
        assert_eq!(
            kid_url("k1", Some("https://i.example/issuer")),
            "https://i.example/.well-known/jwks.json#k1"
        );
        assert_eq!(
            kid_url("https://k.example/key", Some("https://i.example")),
            "https://k.example/key"
        );
        assert_eq!(kid_url("did:key:z6Mk", None), "did:key:z6Mk");
    }
    #[test]
    fn ob2_keys_are_embedded_pem_rsa_keys() {
        let issuer = json!({"publicKey": [
            "https://i.example/k0",
            {"id": "https://i.example/k1"},
            {"id": "https://i.example/k2", "publicKeyPem": "…"}
        ]});
        assert_eq!(ob2_embedded_key(&issuer, "https://i.example/k0"), None);
        assert_eq!(ob2_embedded_key(&issuer, "https://i.example/k1"), None);
        assert_eq!(
            ob2_embedded_key(&issuer, "https://i.example/k2"),
            Some(json!({"id": "https://i.example/k2", "publicKeyPem": "…"}))
        );
        assert_eq!(
            ob2_rsa_key(&json!({}), "k").unwrap_err().to_string(),
            "key k has no publicKeyPem"
        );
        let ed25519 = "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEAtATjut07igBsA5P/L1sfvAnJf7bRajNA0qF6jqua0HQ=\n-----END PUBLIC KEY-----";
        assert_eq!(
            ob2_rsa_key(&json!({"publicKeyPem": ed25519}), "k")
                .unwrap_err()
                .to_string(),
            "key k is Ed25519, RS256 needs RSA"
        );
        assert!(ob2_rsa_key(&json!({"publicKeyPem": "garbage"}), "k")
            .is_err_and(|e| e.starts_with("key k: ")));
    }

    #[test]
    fn a_header_jwk_is_named_by_its_thumbprint_and_vouched_for_by_nobody() {
        let jwk = json!({"kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
        let k = header_jwk(&jwk).unwrap();
        assert_eq!(k.method_id, thumbprint_urn(&jwk));
        assert_eq!(k.controller, None);
        assert!(matches!(k.assertion, Assertion::Unknown(_)));
        // RFC 7517 §4 / integrity.md: a private key part is refused.
        let mut private = jwk.clone();
        private["d"] = json!("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A");
        assert!(header_jwk(&private).is_err());
    }
}
