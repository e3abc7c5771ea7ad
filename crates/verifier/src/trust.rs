//! Who issued it, by construction (issue #14). A report can only say `valid` when it holds an
//! [`Issued`]: the fact that the badge's issuer stands behind it. Only this module makes one, and
//! only from a check that established it:
//! - a signature verified with an `IssuerKey` — a key shown to be the issuer's by one of the
//!   rules of `bind` / `ob2_key` ([`KeyBinding`] names the rule);
//! - an OB 2.0 / 1.x hosted assertion served from within the issuer's verification scope
//!   (`hosted`).
//!
//! Failures are `BindError`s: `invalid` when the issuer's own documents answer and do not list
//! the key, `unverifiable` when they cannot be read. Never a warning standing in for the fact.

use crate::check::Verdict;
use crate::detail;
use crate::detail::{cause, code, url, Detail};
use crate::jose::jws::{Alg, CompactJws, JwsError};
use crate::jose::keys::PublicKey;
use crate::proof::data_integrity::ProofEvidence;
use crate::resolve::keys::{
    assertion_keys, jwks_url, list, relationship_keys, Assertion, DocFailure, JsonSource,
    KeyResolver, ResolveError, ResolvedKey,
};
use crate::resolve::weburl::{http_authority, WebUrl};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Most JWK Set entries compared with a key.
const MAX_SET_KEYS: usize = 64;
/// Most keys tried when a token names none.
const MAX_CANDIDATES: usize = 16;

/// How a key was shown to be the issuer's; each variant is one rule. A `source` is where the
/// key was found, in words (serialized as its English text).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "rule", rename_all = "kebab-case")]
pub enum KeyBinding {
    /// The verification method's controller is the issuer, and the issuer's own document lists
    /// it under `assertionMethod` (VC Data Integrity §2.6 "Relationship to the issuer"; W3C
    /// Controlled Identifiers "Verification Relationships"; OB 3.0 implementation guide "Key
    /// provenance", Linked Data proof).
    Controller {
        /// Where the key was found.
        source: Detail,
    },
    /// The issuer's DID document lists the key under `assertionMethod` (a did:key / did:jwk
    /// issuer's own key is this rule, resolved offline).
    IssuerDidDocument {
        /// Where the key was found.
        source: Detail,
    },
    /// The issuer's JWK Set, `https://{authority}/.well-known/jwks.json` of the issuer id, lists
    /// the key (OB 3.0 implementation guide "Key provenance", External proof).
    IssuerJwks {
        /// The JWK Set's URL.
        url: String,
    },
    /// The issuer's profile lists the key under `assertionMethod`.
    IssuerProfile {
        /// The profile's URL.
        url: String,
    },
    /// The key was fetched from a `kid` URL on the issuer id's own origin.
    IssuerOrigin {
        /// The issuer's origin (`https://issuer.example`).
        origin: String,
    },
    /// OB 2.0: the issuer Profile's `publicKey` lists the key and the key's `owner` is the issuer
    /// (OB 2.0 "SignedBadge Verification" steps 4–5, "CryptographicKey").
    Ob2PublicKey {
        /// The `CryptographicKey`'s id.
        key_id: String,
    },
}

impl KeyBinding {
    /// One sentence for the report: how we know the key is the issuer's.
    pub fn describe(&self) -> Detail {
        match self {
            KeyBinding::Controller { source } => detail!(
                "the issuer controls the key and lists it under `assertionMethod` ({source})",
                source = cause(source.clone())
            ),
            KeyBinding::IssuerDidDocument { source } => detail!(
                "the issuer's DID document lists the key under `assertionMethod` ({source})",
                source = cause(source.clone())
            ),
            KeyBinding::IssuerJwks { url: u } => {
                detail!("the issuer's JWK Set {url} lists the key", url = url(u))
            }
            KeyBinding::IssuerProfile { url: u } => detail!(
                "the issuer profile {url} lists the key under `assertionMethod`",
                url = url(u)
            ),
            KeyBinding::IssuerOrigin { origin } => detail!(
                "the key is published at the issuer's origin {origin}",
                origin = url(origin)
            ),
            KeyBinding::Ob2PublicKey { key_id } => detail!(
                "the issuer Profile lists the key {key} as its `publicKey` and the key names the issuer as `owner`",
                key = code(key_id)
            ),
        }
    }
}

/// How the issuer is known to stand behind the document: data for the report and the view.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "by", rename_all = "kebab-case")]
pub enum IssuedHow {
    /// A signature verified with a key bound to the issuer.
    Signature {
        /// The verification method (key id) that verified the signature.
        key_id: String,
        /// How that key is bound to the issuer.
        binding: KeyBinding,
    },
    /// An OB 2.0 / 1.x hosted assertion fetched from `url`, within the issuer's scope.
    Hosted {
        /// The URL the assertion was fetched from (its `id`).
        url: String,
        /// The issuer's scope it is within, in words (an origin, a `startsWith` prefix …).
        scope: String,
    },
    /// A Verifiable Presentation (issue #16): nobody issues a presentation; it stands only on
    /// its `credentials`, each verified on its own (its nested report carries its own
    /// `issued_by`), and is made only when every one of them is valid (`presented`).
    /// `holder_key`: the presentation's proof verified with a key bound to the holder
    /// (never required).
    Presented {
        /// How many credentials it presents (all valid).
        credentials: usize,
        /// The holder's key that verified the presentation's proof, if one did.
        #[serde(skip_serializing_if = "Option::is_none", default)]
        holder_key: Option<String>,
    },
}

/// The fact a `valid` verdict rests on, as the report carries it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct IssuedBy {
    /// The issuer's id, as the badge names it.
    pub issuer: String,
    /// How the issuer is known to stand behind it.
    pub how: IssuedHow,
}

/// Proof that `issuer` issued the document: made only by this module, from a verified
/// signature with an `IssuerKey` or a hosted assertion within the issuer's scope.
#[derive(Debug, Clone, PartialEq)]
pub struct Issued(IssuedBy);

impl Issued {
    /// The issuer's id, as the badge names it.
    pub fn issuer(&self) -> &str {
        &self.0.issuer
    }

    /// The facts, for the report.
    pub fn facts(&self) -> &IssuedBy {
        &self.0
    }

    /// For the view's tests only: behind the `test-support` feature, which no shipped build
    /// enables (a forger holding this could call any badge issued).
    #[cfg(any(test, feature = "test-support"))]
    pub fn for_view_tests(issuer: &str) -> Issued {
        Issued(IssuedBy {
            issuer: issuer.into(),
            how: IssuedHow::Hosted {
                url: issuer.into(),
                scope: "test".into(),
            },
        })
    }
}

/// A key shown to belong to the issuer. Only [`bind`], [`issuer_listed_keys`] and [`ob2_key`]
/// make one; verifying a signature with it is the only way to an [`Issued`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct IssuerKey {
    resolved: ResolvedKey,
    issuer: String,
    binding: KeyBinding,
}

impl IssuerKey {
    pub fn resolved(&self) -> &ResolvedKey {
        &self.resolved
    }

    pub fn binding(&self) -> &KeyBinding {
        &self.binding
    }

    fn issued(&self) -> Issued {
        Issued(IssuedBy {
            issuer: self.issuer.clone(),
            how: IssuedHow::Signature {
                key_id: self.resolved.method_id.clone(),
                binding: self.binding.clone(),
            },
        })
    }

    /// Verifies a compact JWS with this key.
    pub fn verify_jws(&self, jws: &CompactJws) -> Result<(Alg, Issued), JwsError> {
        let alg = jws.verify(&self.resolved.key)?;
        Ok((alg, self.issued()))
    }

    /// What a Data Integrity proof that verified with this key establishes. `ev` can only come
    /// from `data_integrity::verify` (its key field is private), so this is a verified
    /// signature by this key, or `None` when it verified with another.
    pub fn attest(&self, ev: &ProofEvidence) -> Option<Issued> {
        (*ev.verified_with() == self.resolved.key).then(|| self.issued())
    }
}

/// Why a key could not be tied to the issuer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum BindError {
    /// The issuer's documents answered and do not list the key, or name another controller:
    /// the key is not the issuer's.
    NotIssuers(Detail),
    /// The documents that would tie it could not be read (network, CORS, budget), or the issuer
    /// is missing: cannot decide.
    Unconfirmed(Detail),
}

impl BindError {
    /// Why, in one sentence.
    #[allow(dead_code)] // for the checks that report it
    pub fn detail(&self) -> &Detail {
        match self {
            BindError::NotIssuers(m) | BindError::Unconfirmed(m) => m,
        }
    }
}

impl std::fmt::Display for BindError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BindError::NotIssuers(m) | BindError::Unconfirmed(m) => m.fmt(f),
        }
    }
}

impl From<BindError> for Detail {
    fn from(e: BindError) -> Detail {
        match e {
            BindError::NotIssuers(m) | BindError::Unconfirmed(m) => m,
        }
    }
}

/// "signed, but we could not confirm the signer is {issuer}: {why}".
fn unconfirmed(issuer: &str, why: impl Into<Detail>) -> BindError {
    BindError::Unconfirmed(detail!(
        "signed, but we could not confirm the signer is {issuer}: {why}",
        issuer = code(issuer),
        why = cause(why)
    ))
}

/// Ties a resolved key to `issuer`. `reference` is how the proof named the key (a JWT `kid`
/// or a Data Integrity `verificationMethod`), `None` for a JWT's `jwk` header.
pub(crate) async fn bind<S: JsonSource>(
    r: &mut KeyResolver<'_, S>,
    key: ResolvedKey,
    reference: Option<&str>,
    issuer: Option<&str>,
) -> Result<IssuerKey, (ResolvedKey, BindError)> {
    let Some(issuer) = issuer else {
        return Err((
            key,
            BindError::Unconfirmed(detail!("the credential names no issuer to tie the key to")),
        ));
    };
    let made = |resolved: ResolvedKey, binding: KeyBinding| IssuerKey {
        resolved,
        issuer: issuer.to_string(),
        binding,
    };
    let binding = match key.controller.as_deref() {
        // The documents name a controller: it must be the issuer, and list the key.
        Some(controller) => controlled(&key, controller, issuer),
        // A bare key (a `jwk` header, a bare JWK or JWK Set): the issuer's documents must list it.
        None => bare(r, &key, reference, issuer).await,
    };
    match binding {
        Ok(b) => Ok(made(key, b)),
        Err(e) => Err((key, e)),
    }
}

/// VC Data Integrity §2.6: "ensure that the value of the controller property of a proof's
/// verification method matches the URL value used to identify the issuer"; the controller's
/// document must list the method under `assertionMethod` (Controlled Identifiers §2.3).
fn controlled(key: &ResolvedKey, controller: &str, issuer: &str) -> Result<KeyBinding, BindError> {
    if controller != issuer {
        return Err(BindError::NotIssuers(detail!(
            "the key {key} is controlled by {controller}, not by the issuer {issuer}",
            key = code(key.method_id.as_str()),
            controller = code(controller),
            issuer = code(issuer)
        )));
    }
    match &key.assertion {
        Assertion::Listed => Ok(KeyBinding::Controller {
            source: key.source.clone(),
        }),
        Assertion::NotListed(why) => Err(BindError::NotIssuers(detail!(
            "not authorised to issue: {why}",
            why = cause(why.clone())
        ))),
        Assertion::Unknown(why) => Err(unconfirmed(issuer, why.clone())),
    }
}

/// A key without a controller is the issuer's when the issuer's DID document lists it, when
/// the `kid` it came from is on the issuer id's origin, or when the issuer's JWK Set or profile
/// lists it (OB 3.0 implementation guide "Key provenance": "a verifier must check that the
/// provided key is in the returned set"; a key whose provenance cannot be verified "should be
/// considered invalid").
async fn bare<S: JsonSource>(
    r: &mut KeyResolver<'_, S>,
    key: &ResolvedKey,
    reference: Option<&str>,
    issuer: &str,
) -> Result<KeyBinding, BindError> {
    if issuer.starts_with("did:") {
        return match r.did_document(issuer).await {
            Ok((doc, source)) if assertion_keys(&doc, issuer).iter().any(|(_, k)| *k == key.key) => {
                Ok(KeyBinding::IssuerDidDocument { source })
            }
            Ok((_, source)) => Err(BindError::NotIssuers(detail!(
                "{source} does not list the signing key ({key}) under `assertionMethod`: it is not the issuer's key",
                source = cause(source),
                key = cause(key.source.clone())
            ))),
            Err(e @ ResolveError::Invalid(_)) => Err(BindError::NotIssuers(e.detail())),
            Err(e) => Err(unconfirmed(issuer, e)),
        };
    }
    let Some(iss_url) = WebUrl::parse(issuer).ok().filter(|u| u.is_http()) else {
        return Err(BindError::NotIssuers(detail!(
            "the signing key ({key}) cannot be tied to the issuer {issuer}: an issuer that is neither a DID nor an https URL has no document that could list its keys (OB 3.0 implementation guide, \"Key provenance\")",
            key = cause(key.source.clone()),
            issuer = code(issuer)
        )));
    };
    let origin = iss_url.http_origin();
    if let (Some(origin), Some(kid)) = (&origin, reference.and_then(|k| WebUrl::parse(k).ok())) {
        if kid.http_origin().as_ref() == Some(origin) {
            return Ok(KeyBinding::IssuerOrigin {
                origin: origin.clone(),
            });
        }
    }
    // Each document either lists the key, answers without it, or cannot be read.
    let mut absent = Vec::new();
    let mut unread = Vec::new();
    if let Some(jwks) = jwks_url(issuer) {
        match r.document(&jwks).await {
            Ok(doc) => match jwks_lists(&doc, &key.key, issuer, &jwks) {
                Ok(()) => return Ok(KeyBinding::IssuerJwks { url: jwks }),
                Err(why) => absent.push(why),
            },
            Err(e) => note(&mut absent, &mut unread, &jwks, e),
        }
    }
    let profile = issuer.split('#').next().unwrap_or(issuer);
    match r.document(profile).await {
        Ok(doc)
            if assertion_keys(&doc, profile)
                .iter()
                .any(|(_, k)| *k == key.key) =>
        {
            return Ok(KeyBinding::IssuerProfile {
                url: profile.to_string(),
            })
        }
        Ok(_) => absent.push(detail!(
            "the issuer profile {url} does not list it under `assertionMethod`",
            url = url(profile)
        )),
        Err(e) => note(&mut absent, &mut unread, profile, e),
    }
    let none_read = unread.is_empty();
    let all = list(absent.into_iter().chain(unread));
    if none_read {
        Err(BindError::NotIssuers(detail!(
            "the signing key ({key}) is not the issuer's: {why}",
            key = cause(key.source.clone()),
            why = cause(all)
        )))
    } else {
        Err(unconfirmed(issuer, all))
    }
}

fn note(absent: &mut Vec<Detail>, unread: &mut Vec<Detail>, u: &str, e: DocFailure) {
    if e.answered {
        absent.push(detail!("{url}: {why}", url = url(u), why = cause(e.detail)));
    } else {
        unread.push(detail!(
            "{url} could not be read: {why}",
            url = url(u),
            why = cause(e.detail)
        ));
    }
}

/// Whether a JWK Set lists `key`; a listed JWK with an `iss` member must name the issuer
/// (implementation guide: "If the found JWT in the set contains the member iss, this must be
/// equal to the issuer's id").
fn jwks_lists(doc: &Value, key: &PublicKey, issuer: &str, u: &str) -> Result<(), Detail> {
    let Some(keys) = doc.get("keys").and_then(Value::as_array) else {
        return Err(detail!("{url} is not a JWK Set", url = url(u)));
    };
    let mut other_issuer = None;
    for jwk in keys.iter().take(MAX_SET_KEYS) {
        if PublicKey::from_jwk(jwk).is_ok_and(|k| k == *key) {
            match jwk.get("iss").and_then(Value::as_str) {
                Some(iss) if iss != issuer => other_issuer = Some(iss.to_string()),
                _ => return Ok(()),
            }
        }
    }
    Err(match other_issuer {
        Some(iss) => detail!(
            "{url} lists the key for another issuer, {issuer}",
            url = url(u),
            issuer = code(iss)
        ),
        None => detail!("{url} does not list the signing key", url = url(u)),
    })
}

/// The issuer's own keys, for a token that names none: its DID document's `assertionMethod`
/// keys, or the keys of its JWK Set. Each is bound by the document it came from.
pub(crate) async fn issuer_listed_keys<S: JsonSource>(
    r: &mut KeyResolver<'_, S>,
    issuer: Option<&str>,
) -> Result<Vec<IssuerKey>, BindError> {
    let issuer =
        issuer.ok_or_else(|| BindError::Unconfirmed(detail!("the credential names no issuer")))?;
    let key = |key, method_id, source: &Detail, binding| IssuerKey {
        resolved: ResolvedKey {
            key,
            method_id,
            controller: Some(issuer.to_string()),
            source: source.clone(),
            assertion: Assertion::Listed,
        },
        issuer: issuer.to_string(),
        binding,
    };
    if issuer.starts_with("did:") {
        let (doc, source) = r.did_document(issuer).await.map_err(|e| match e {
            ResolveError::Invalid(m) => BindError::NotIssuers(m),
            e => BindError::Unconfirmed(e.detail()),
        })?;
        let keys: Vec<IssuerKey> = assertion_keys(&doc, issuer)
            .into_iter()
            .take(MAX_CANDIDATES)
            .map(|(id, k)| {
                let b = KeyBinding::IssuerDidDocument {
                    source: source.clone(),
                };
                key(k, id, &source, b)
            })
            .collect();
        return if keys.is_empty() {
            Err(BindError::NotIssuers(detail!(
                "{source} lists no `assertionMethod` key",
                source = cause(source)
            )))
        } else {
            Ok(keys)
        };
    }
    let set = jwks_url(issuer).ok_or_else(|| {
        BindError::NotIssuers(detail!(
            "the issuer {issuer} is neither a DID nor an https URL: no document can list its keys",
            issuer = code(issuer)
        ))
    })?;
    let doc = r.document(&set).await.map_err(|e| {
        let m = detail!(
            "tried {url}: {why}",
            url = url(set.as_str()),
            why = cause(e.detail)
        );
        if e.answered {
            BindError::NotIssuers(m)
        } else {
            BindError::Unconfirmed(m)
        }
    })?;
    let source = detail!("the issuer's JWK Set {url}", url = url(set.as_str()));
    let keys: Vec<IssuerKey> = doc
        .get("keys")
        .and_then(Value::as_array)
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|j| {
            j.get("iss")
                .and_then(Value::as_str)
                .is_none_or(|i| i == issuer)
        })
        .take(MAX_CANDIDATES)
        .filter_map(|j| PublicKey::from_jwk(j).ok().map(|k| (j, k)))
        .map(|(j, k)| {
            let kid = j.get("kid").and_then(Value::as_str).unwrap_or("?");
            let b = KeyBinding::IssuerJwks { url: set.clone() };
            key(k, format!("{set}#{kid}"), &source, b)
        })
        .collect();
    if keys.is_empty() {
        Err(BindError::NotIssuers(detail!(
            "{url} has no usable key",
            url = url(set.as_str())
        )))
    } else {
        Ok(keys)
    }
}

/// OB 2.0 "SignedBadge Verification" steps 4–5 and "CryptographicKey": the key `key_id` is listed
/// in the issuer Profile's `publicKey` (`listed`) and its `owner` is one of `owners` (the issuer
/// id, or the URL its Profile was fetched from).
pub(crate) fn ob2_key(
    key: PublicKey,
    key_id: &str,
    listed: &[String],
    owner: Option<&str>,
    owners: &[&str],
    issuer: &str,
    source: impl Into<Detail>,
) -> Result<IssuerKey, BindError> {
    if !listed.iter().any(|l| l == key_id) {
        return Err(BindError::NotIssuers(detail!(
            "the signing key {key} is not listed in the issuer Profile's `publicKey`: it is not the issuer's key",
            key = code(key_id)
        )));
    }
    match owner {
        Some(o) if owners.contains(&o) => Ok(IssuerKey {
            resolved: ResolvedKey {
                key,
                method_id: key_id.to_string(),
                controller: Some(issuer.to_string()),
                source: source.into(),
                assertion: Assertion::Listed,
            },
            issuer: issuer.to_string(),
            binding: KeyBinding::Ob2PublicKey {
                key_id: key_id.to_string(),
            },
        }),
        Some(o) => Err(BindError::NotIssuers(detail!(
            "key {key} is owned by {owner}, not by the issuer {issuer}",
            key = code(key_id),
            owner = code(o),
            issuer = code(issuer)
        ))),
        None => Err(BindError::NotIssuers(detail!(
            "key {key} names no `owner`",
            key = code(key_id)
        ))),
    }
}

/// A hosted assertion is the issuer's when fetched from its own id within the issuer's
/// verification scope (OB 2.0 "HostedBadge Verification"; OB 1.x: the issuer's host). The caller
/// passes the scope rule it checked; this records it. Kept to one constructor so the rule is
/// named in every hosted report.
pub(crate) fn hosted(scope: HostedScope, issuer: &str, url: &str) -> Issued {
    Issued(IssuedBy {
        issuer: issuer.to_string(),
        how: IssuedHow::Hosted {
            url: url.to_string(),
            scope: scope.0.to_string(),
        },
    })
}

/// A hosted assertion's URL, checked against the issuer's verification scope: made only by
/// [`hosted_scope`].
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct HostedScope(Detail);

impl HostedScope {
    /// The rule that was met, in one sentence.
    pub fn describe(&self) -> Detail {
        self.0.clone()
    }
}

/// Where a hosted assertion may live, from the issuer Profile's `verification` object
/// (OB 2.0 "VerificationObject": `startsWith`, `allowedOrigins`; by default "the same origin as
/// the issuer Profile id"). `default_hosts` are the hosts allowed when the profile names none.
pub(crate) struct ScopePolicy<'a> {
    pub starts_with: &'a [String],
    pub allowed_origins: &'a [String],
    pub default_hosts: &'a [String],
}

/// Checks `assertion_id` against the policy: `Ok` names the rule met; `Err` says why not.
pub(crate) fn hosted_scope(
    assertion_id: &str,
    policy: &ScopePolicy<'_>,
) -> Result<HostedScope, BindError> {
    if !policy.starts_with.is_empty()
        && !policy
            .starts_with
            .iter()
            .any(|s| assertion_id.starts_with(s.as_str()))
    {
        return Err(BindError::NotIssuers(detail!(
            "{assertion} does not start with any of the issuer's permitted prefixes ({prefixes})",
            assertion = url(assertion_id),
            prefixes = code(policy.starts_with.join(", "))
        )));
    }
    let (allowed, by_origins) = if !policy.allowed_origins.is_empty() {
        (policy.allowed_origins, true)
    } else if !policy.default_hosts.is_empty() {
        (policy.default_hosts, false)
    } else if !policy.starts_with.is_empty() {
        return Ok(HostedScope(detail!(
            "the assertion id starts with a prefix the issuer permits"
        )));
    } else {
        return Err(BindError::Unconfirmed(detail!(
            "there is no origin to check the hosted assertion {assertion} against: the issuer id is not an http(s) URL and its Profile declares no verification scope",
            assertion = url(assertion_id)
        )));
    };
    let hosts = code(allowed.join(", "));
    match (http_authority(assertion_id), by_origins) {
        (Some(host), true) if allowed.iter().any(|a| a.eq_ignore_ascii_case(&host)) => {
            Ok(HostedScope(detail!(
                "{assertion} is hosted on {host}, within the issuer's `allowedOrigins`",
                assertion = url(assertion_id),
                host = code(host)
            )))
        }
        (Some(host), false) if allowed.iter().any(|a| a.eq_ignore_ascii_case(&host)) => {
            Ok(HostedScope(detail!(
                "{assertion} is hosted on {host}, within the issuer's origin",
                assertion = url(assertion_id),
                host = code(host)
            )))
        }
        (Some(host), true) => Err(BindError::NotIssuers(detail!(
            "{assertion} is hosted on {host}, outside the issuer's `allowedOrigins` ({allowed})",
            assertion = url(assertion_id),
            host = code(host),
            allowed = hosts
        ))),
        (Some(host), false) => Err(BindError::NotIssuers(detail!(
            "{assertion} is hosted on {host}, outside the issuer's origin ({allowed})",
            assertion = url(assertion_id),
            host = code(host),
            allowed = hosts
        ))),
        (None, true) => Err(BindError::NotIssuers(detail!(
            "{assertion} is hosted on no host, outside the issuer's `allowedOrigins` ({allowed})",
            assertion = url(assertion_id),
            allowed = hosts
        ))),
        (None, false) => Err(BindError::NotIssuers(detail!(
            "{assertion} is hosted on no host, outside the issuer's origin ({allowed})",
            assertion = url(assertion_id),
            allowed = hosts
        ))),
    }
}

/// What a presentation stands on (issue #16, VC 2.0 §4.13): the verdicts of its credentials,
/// each with whether its own report established its issuer. An [`Issued`] only when there is
/// at least one credential and every one is `valid` with its issuer established: a
/// presentation is never `valid` when a credential inside is not. `holder` is the holder as the
/// presentation names it; `holder_key` the key its proof verified with, when that key is bound
/// to the holder ([`bind_holder`]). The fact names the holder only when that proof bound it:
/// a holder that nothing binds is the presentation's claim, not a fact.
pub(crate) fn presented(
    holder: Option<&str>,
    holder_key: Option<String>,
    credentials: &[(Verdict, bool)],
) -> Option<Issued> {
    let all_valid = credentials
        .iter()
        .all(|&(verdict, issued)| verdict == Verdict::Valid && issued);
    (!credentials.is_empty() && all_valid).then(|| {
        Issued(IssuedBy {
            issuer: match (holder, &holder_key) {
                (Some(h), Some(_)) => h.to_string(),
                _ => "(no holder proven: each credential stands on its own)".to_string(),
            },
            how: IssuedHow::Presented {
                credentials: credentials.len(),
                holder_key,
            },
        })
    })
}

/// Ties the key of a presentation's proof to its `holder` (VC 2.0 §4.13; Controlled
/// Identifiers §2.3.1 "Authentication"): the holder's own document (a DID document, or an
/// https controller document) must list the key under `authentication`, and a key that names
/// its controller must name the holder. `Ok` says how, in one sentence.
pub(crate) async fn bind_holder<S: JsonSource>(
    r: &mut KeyResolver<'_, S>,
    key: &ResolvedKey,
    holder: &str,
) -> Result<Detail, BindError> {
    if let Some(c) = key.controller.as_deref().filter(|c| *c != holder) {
        return Err(BindError::NotIssuers(detail!(
            "the key {key} is controlled by {controller}, not by the holder {holder}",
            key = code(key.method_id.as_str()),
            controller = code(c),
            holder = code(holder)
        )));
    }
    let (doc, source) = if holder.starts_with("did:") {
        r.did_document(holder).await.map_err(|e| match e {
            ResolveError::Invalid(m) => BindError::NotIssuers(m),
            e => BindError::Unconfirmed(detail!(
                "signed, but we could not confirm the signer is the holder {holder}: {why}",
                holder = code(holder),
                why = cause(e)
            )),
        })?
    } else if WebUrl::parse(holder).is_ok_and(|u| u.is_http()) {
        let doc_url = holder.split('#').next().unwrap_or(holder);
        let doc = r.document(doc_url).await.map_err(|e| {
            let m = detail!(
                "the holder's document {url}: {why}",
                url = url(doc_url),
                why = cause(e.detail)
            );
            if e.answered {
                BindError::NotIssuers(m)
            } else {
                BindError::Unconfirmed(m)
            }
        })?;
        (doc, detail!("{url}", url = url(doc_url)))
    } else {
        return Err(BindError::NotIssuers(detail!(
            "the holder {holder} is neither a DID nor an https URL: no document can list its keys",
            holder = code(holder)
        )));
    };
    if relationship_keys(&doc, "authentication", holder)
        .iter()
        .any(|(_, k)| *k == key.key)
    {
        Ok(detail!(
            "the holder's document ({source}) lists the key under `authentication`",
            source = cause(source)
        ))
    } else {
        Err(BindError::NotIssuers(detail!(
            "{source} does not list the signing key ({key}) under `authentication`: it is not the holder's key",
            source = cause(source),
            key = code(key.method_id.as_str())
        )))
    }
}
