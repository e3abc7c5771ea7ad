//! Embedded proofs (OB 3.0 `integrity.md` "Linked Data Proof Format", "Verify an
//! OpenBadgeCredential Linked Data Signature"): for each `proof`, the purpose, the `created`
//! time, the verification method (resolved to a key the issuer controls and lists under
//! `assertionMethod`), then the signature by [`crate::proof::data_integrity::verify`].
//!
//! Several proofs: every one must verify, each with a key bound to the issuer (VC Data Integrity
//! §4.5 "Verify Proof Sets and Chains": a set verifies only if all its proofs do). One proof that
//! fails makes the credential invalid: a document that is signed twice is only as good as its
//! worse signature.

use crate::detail::{cause, code, count, date, Detail};
use crate::detail;
use crate::check::{Check, CheckId, Verdict};
use crate::model::json::{each, id_of};
use crate::proof::data_integrity::{self, ProofError, ProofEvidence};
use crate::resolve::fetch::Fetcher;
use crate::resolve::keys::{KeyResolver, ResolveError, ResolvedKey};
use crate::trust::{self, BindError, Issued, IssuerKey};
use crate::verify::Verification;
use crate::verify::failure::failure_check;
use crate::verify::validity::parse_datetime;
use serde_json::Value;

/// Most proofs checked on one credential.
const MAX_PROOFS: usize = 8;

/// The checks of one proof and what it establishes.
struct ProofResult {
    checks: Vec<Check>,
    suite: String,
    key: Option<ResolvedKey>,
    hash: Option<String>,
    /// Made only when the signature verified with a key bound to the issuer.
    issued: Option<Issued>,
}

impl ProofResult {
    /// A proof that ended before its signature was checked.
    fn unchecked(checks: Vec<Check>, suite: String) -> Self {
        ProofResult {
            checks,
            suite,
            key: None,
            hash: None,
            issued: None,
        }
    }
}

/// A verification method resolved to a key and tied (or not) to the issuer.
pub(crate) type BoundKey = Result<IssuerKey, (ResolvedKey, BindError)>;

/// The check for a failed key resolution.
pub fn method_failure(e: &ResolveError) -> Check {
    match e {
        ResolveError::Invalid(m) => {
            Check::failed(CheckId::ProofMethod, Verdict::Invalid, m.clone())
        }
        // A DID method or key type this verifier does not implement: not checked.
        ResolveError::Unsupported(m) => Check::unverifiable(
            CheckId::ProofMethod,
            detail!("not checked: {why}", why = cause(m.clone())),
        ),
        ResolveError::Unavailable { .. } => Check::unverifiable(
            CheckId::ProofMethod,
            detail!("the key could not be obtained: {why}", why = cause(e.detail())),
        ),
    }
}

/// The key a verification method resolved to, whether or not it is the issuer's.
pub(crate) fn resolved_key(bound: &BoundKey) -> &ResolvedKey {
    match bound {
        Ok(k) => k.resolved(),
        Err((k, _)) => k,
    }
}

/// The `proof-controller` check: how the key is the issuer's, or why it is not.
pub(crate) fn binding_outcome(bound: &BoundKey) -> Check {
    const ID: CheckId = CheckId::ProofController;
    match bound {
        Ok(k) => Check::passed(ID, k.binding().describe()),
        Err((_, BindError::NotIssuers(m))) => Check::failed(ID, Verdict::Invalid, m.clone()),
        Err((_, BindError::Unconfirmed(m))) => Check::unverifiable(ID, m.clone()),
    }
}

/// The passed `proof-method` check for a resolved key: its type, id and where it was found.
pub fn method_passed(k: &ResolvedKey) -> Check {
    Check::passed(
        CheckId::ProofMethod,
        detail!(
            "{kind} key {key} from {source}",
            kind = code(k.key.kind()),
            key = code(k.method_id.as_str()),
            source = cause(k.source.clone())
        ),
    )
}


pub(crate) async fn verify_proofs<F: Fetcher>(
    v: &mut Verification<'_, F>,
    credential: &Value,
    issuer: Option<&str>,
) {
    let mut proofs: Vec<Value> = each(credential.get("proof")).into_iter().cloned().collect();
    // Each proof may cost fetches and a canonicalization: bound the work on untrusted input.
    if proofs.len() > MAX_PROOFS {
        v.add(Check::warning(
            CheckId::Proof,
            detail!(
                "{n} proofs; only the first {max} are checked",
                n = count(proofs.len()),
                max = count(MAX_PROOFS)
            ),
        ));
        proofs.truncate(MAX_PROOFS);
    }
    if proofs.is_empty() {
        v.add(Check::failed(
            CheckId::Proof,
            Verdict::Invalid,
            detail!("the credential has no `proof`: nothing shows who issued it (OB 3.0 `integrity.md`: at least one proof is required)"),
        ));
        return;
    }
    // The signed document is the credential without its proofs (VC Data Integrity §4.2 step 1).
    let mut document = credential.clone();
    if let Some(o) = document.as_object_mut() {
        o.remove("proof");
    }
    let methods: Vec<Option<String>> = proofs
        .iter()
        .map(|p| id_of(p.get("verificationMethod")).map(|s| s.trim().to_string()))
        .collect();
    let mut resolved: Vec<Option<Result<BoundKey, ResolveError>>> = Vec::new();
    {
        let mut resolver = KeyResolver::new(v);
        for (m, proof) in methods.iter().zip(&proofs) {
            resolved.push(match m {
                // A suite this verifier does not implement is reported as not checked
                // (one_proof); its key is not fetched.
                Some(_) if !suite_supported(proof) => None,
                Some(m) => Some(match resolver.resolve(m).await {
                    Ok(k) => Ok(trust::bind(&mut resolver, k, Some(m), issuer).await),
                    Err(e) => Err(e),
                }),
                None => None,
            });
        }
    }
    let at = v.opts.at;
    let n = proofs.len();
    let mut results: Vec<ProofResult> = Vec::new();
    for (i, (proof, key)) in proofs.iter().zip(resolved).enumerate() {
        let mut r = one_proof(proof, &document, key, at);
        if n > 1 {
            for c in &mut r.checks {
                let why = std::mem::replace(&mut c.detail, Detail::Text(String::new()));
                c.detail = detail!(
                    "proof {i} of {n} ({suite}): {why}",
                    i = count(i + 1),
                    n = count(n),
                    suite = code(r.suite.to_string()),
                    why = cause(why),
                );
            }
        }
        results.push(r);
    }
    // The expert view shows the first proof that did not verify, else the first.
    let shown = results.iter().position(|r| r.issued.is_none()).unwrap_or(0);
    v.expert.proof_suite = Some(results[shown].suite.clone());
    if let Some(k) = &results[shown].key {
        v.expert.key_id = Some(k.method_id.clone());
        v.expert.key_source = Some(k.source.to_string());
    }
    v.expert.canonical_hash = results[shown].hash.clone();
    let all_issued = results.iter().all(|r| r.issued.is_some());
    let mut issued = None;
    for r in results {
        debug_assert!(r.issued.is_none() || r.checks.iter().all(|c| c.effect.is_none()));
        issued = issued.or(r.issued);
        for c in r.checks {
            v.add(c);
        }
    }
    if let (true, Some(i)) = (all_issued, issued) {
        v.establish(i);
    }
}

fn suite_supported(proof: &Value) -> bool {
    !matches!(
        data_integrity::Suite::of(proof),
        Err(ProofError::NotImplemented(_))
    )
}

fn one_proof(
    proof: &Value,
    document: &Value,
    key: Option<Result<BoundKey, ResolveError>>,
    at: chrono::DateTime<chrono::Utc>,
) -> ProofResult {
    let mut checks = Vec::new();
    let suite = match (
        proof.get("type").and_then(Value::as_str),
        proof.get("cryptosuite").and_then(Value::as_str),
    ) {
        (Some(t), Some(cs)) => format!("{t} {cs}"),
        (Some(t), None) => t.to_string(),
        (None, _) => "(no type)".to_string(),
    };
    if !proof.is_object() {
        checks.push(Check::failed(
            CheckId::Proof,
            Verdict::Invalid,
            detail!("the proof is not an object"),
        ));
        return ProofResult::unchecked(checks, suite);
    }
    // OB 3.0 permits other suites; one this verifier does not implement cannot count for or
    // against the credential: not checked, so the verdict is unverifiable.
    if let Err(e @ ProofError::NotImplemented(_)) = data_integrity::Suite::of(proof) {
        checks.push(failure_check(CheckId::Proof, &e));
        return ProofResult::unchecked(checks, suite);
    }
    // integrity.md "Create the Proof": proofPurpose "assertionMethod".
    checks.push(match proof.get("proofPurpose").and_then(Value::as_str) {
        Some("assertionMethod") => Check::passed(
            CheckId::ProofPurpose,
            detail!("purpose {purpose}", purpose = code("assertionMethod")),
        ),
        Some(p) => Check::failed(
            CheckId::ProofPurpose,
            Verdict::Invalid,
            detail!("`proofPurpose` is \"{purpose}\", not `assertionMethod`", purpose = code(p)),
        ),
        None => Check::failed(
            CheckId::ProofPurpose,
            Verdict::Invalid,
            detail!("the proof has no `proofPurpose` (`assertionMethod` expected)"),
        ),
    });
    if let Some(created) = proof.get("created") {
        let raw = created.as_str().unwrap_or_default();
        checks.push(match parse_datetime(raw) {
            None => Check::failed(
                CheckId::ProofCreated,
                Verdict::Invalid,
                detail!(
                    "`created` {value} is not a date-time",
                    value = code(created.to_string())
                ),
            ),
            Some(t) if t > at => Check::failed(
                CheckId::ProofCreated,
                Verdict::Invalid,
                detail!("the proof was created in the future ({when})", when = date(raw)),
            ),
            Some(_) => Check::passed(
                CheckId::ProofCreated,
                detail!("created {when}", when = date(raw)),
            ),
        });
    }
    // VC Data Integrity §2.1: a proof with `expires` in the past must not be accepted.
    if let Some(expires) = proof.get("expires") {
        let raw = expires.as_str().unwrap_or_default();
        checks.push(match parse_datetime(raw) {
            Some(t) if t > at => Check::passed(
                CheckId::ProofExpires,
                detail!("the proof is good until {when}", when = date(raw)),
            ),
            Some(_) => Check::failed(
                CheckId::ProofExpires,
                Verdict::Invalid,
                detail!("the proof expired on {when}", when = date(raw)),
            ),
            None => Check::failed(
                CheckId::ProofExpires,
                Verdict::Invalid,
                detail!(
                    "`expires` {value} is not a date-time",
                    value = code(expires.to_string())
                ),
            ),
        });
    }
    let bound = match key {
        None => {
            checks.push(Check::failed(
                CheckId::ProofMethod,
                Verdict::Invalid,
                detail!("the proof has no `verificationMethod`"),
            ));
            None
        }
        Some(Err(e)) => {
            checks.push(method_failure(&e));
            None
        }
        Some(Ok(bound)) => {
            checks.push(method_passed(resolved_key(&bound)));
            checks.push(binding_outcome(&bound));
            Some(bound)
        }
    };
    let mut hash = None;
    let mut issued = None;
    // Only a key bound to the issuer can make the proof count; another key's signature is
    // still checked, to say whether the document is intact.
    // The signature is checked with whatever key was resolved (to say whether the document is
    // intact); it counts for the issuer only when that key is bound to the issuer.
    let outcome: Option<Result<ProofEvidence, ProofError>> = bound
        .as_ref()
        .map(|b| data_integrity::verify(document, proof, &resolved_key(b).key));
    if let (Some(Ok(ev)), Some(Ok(k))) = (&outcome, &bound) {
        issued = k.attest(ev);
    }
    let key = bound.as_ref().map(resolved_key).cloned();
    checks.push(match outcome {
        None => Check::not_checked(
            CheckId::Proof,
            detail!(
                "{suite}: signature not checked without a key",
                suite = code(suite.as_str())
            ),
        ),
        Some(Ok(ev)) => {
            hash = Some(ev.document_hash.clone());
            let with = key.as_ref().map(|k| k.method_id.as_str()).unwrap_or("?");
            Check::passed(
                CheckId::Proof,
                detail!(
                    "{suite} signature verified with {key}",
                    suite = code(ev.suite.to_string()),
                    key = code(with)
                ),
            )
        }
        Some(Err(e)) => {
            let mut c = failure_check(CheckId::Proof, &e);
            let why = std::mem::replace(&mut c.detail, Detail::Text(String::new()));
            c.detail = detail!(
                "{suite}: {why}",
                suite = code(suite.as_str()),
                why = cause(why)
            );
            c
        }
    });
    if checks.iter().any(|c| c.effect.is_some()) {
        issued = None;
    }
    ProofResult {
        checks,
        suite,
        key,
        hash,
        issued,
    }
}
