//! Embedded proofs (OB 3.0 `integrity.md` "Linked Data Proof Format", "Verify an
//! OpenBadgeCredential Linked Data Signature"): for each `proof`, the purpose, the `created`
//! time, the verification method (resolved to a key the issuer controls and lists under
//! `assertionMethod`), then the signature by [`crate::proof::data_integrity::verify`].
//!
//! Several proofs: each is reported; one that verifies is enough (integrity.md: "If multiple
//! proofs are provided, the verifier MAY use any one proof"), the others' failures then only warn.

use super::binding_check;
use crate::model::json::{each, id_of};
use crate::proof::data_integrity::{self, ProofError};
use crate::report::{Check, Outcome, Verdict};
use crate::resolve::fetch::Fetcher;
use crate::resolve::keys::{KeyResolver, ResolveError, ResolvedKey};
use crate::verify::validity::parse_datetime;
use crate::verify::Verification;
use serde_json::Value;

/// Most proofs checked on one credential.
const MAX_PROOFS: usize = 8;

/// The checks of one proof and what it establishes.
struct ProofResult {
    checks: Vec<Check>,
    suite: String,
    key: Option<ResolvedKey>,
    hash: Option<String>,
}

impl ProofResult {
    /// Every check passed and the signature verified.
    fn verified(&self) -> bool {
        self.checks.iter().all(|c| c.effect.is_none())
            && self
                .checks
                .iter()
                .any(|c| c.id == "proof" && c.outcome == Outcome::Passed)
    }
}

/// The check for a failed key resolution.
pub fn method_failure(e: &ResolveError) -> Check {
    match e {
        ResolveError::Invalid(m) => Check::failed("proof-method", Verdict::Invalid, m.clone()),
        ResolveError::Unsupported(m) => {
            Check::failed("proof-method", Verdict::Unverifiable, m.clone())
        }
        ResolveError::Unavailable { .. } => Check::unverifiable(
            "proof-method",
            format!("the key could not be obtained: {e}"),
        ),
    }
}

pub fn method_passed(k: &ResolvedKey) -> Check {
    Check::passed(
        "proof-method",
        format!("{} key {} from {}", k.key.kind(), k.method_id, k.source),
    )
}

/// Verifies every embedded proof of `credential`, adding the checks to `v`.
pub async fn verify_proofs<F: Fetcher>(
    v: &mut Verification<'_, F>,
    credential: &Value,
    issuer: Option<&str>,
) {
    let mut proofs: Vec<Value> = each(credential.get("proof")).into_iter().cloned().collect();
    // Each proof may cost fetches and a canonicalization: bound the work on untrusted input.
    if proofs.len() > MAX_PROOFS {
        v.add(Check::warning(
            "proof",
            format!(
                "{} proofs; only the first {MAX_PROOFS} are checked",
                proofs.len()
            ),
        ));
        proofs.truncate(MAX_PROOFS);
    }
    if proofs.is_empty() {
        v.add(Check::failed(
            "proof",
            Verdict::Invalid,
            "the credential has no proof: nothing shows who issued it (OB 3.0 integrity.md: at least one proof is required)",
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
    let mut resolved = Vec::new();
    {
        let mut resolver = KeyResolver::new(v);
        for m in &methods {
            resolved.push(match m {
                Some(m) => Some(resolver.resolve(m).await),
                None => None,
            });
        }
    }
    let at = v.opts.at;
    let n = proofs.len();
    let mut results: Vec<ProofResult> = Vec::new();
    for (i, (proof, key)) in proofs.iter().zip(resolved).enumerate() {
        let mut r = one_proof(proof, &document, key, issuer, at);
        if n > 1 {
            for c in &mut r.checks {
                c.detail = format!("proof {} of {n} ({}): {}", i + 1, r.suite, c.detail);
            }
        }
        results.push(r);
    }
    let winner = results.iter().position(ProofResult::verified);
    let shown = winner.unwrap_or(0);
    v.expert.proof_suite = Some(results[shown].suite.clone());
    if let Some(k) = &results[shown].key {
        v.expert.key_id = Some(k.method_id.clone());
        v.expert.key_source = Some(k.source.clone());
    }
    v.expert.canonical_hash = results[shown].hash.clone();
    for (i, r) in results.into_iter().enumerate() {
        for c in r.checks {
            v.add(match winner {
                Some(w) if w != i => demote(c),
                _ => c,
            });
        }
    }
}

/// A failure of a proof that is not needed because another proof verified.
fn demote(mut c: Check) -> Check {
    if c.effect.take().is_some() {
        if c.outcome == Outcome::Failed {
            c.outcome = Outcome::Warning;
        }
        c.detail.push_str(" (not needed: another proof verified)");
    }
    c
}

fn one_proof(
    proof: &Value,
    document: &Value,
    key: Option<Result<ResolvedKey, ResolveError>>,
    issuer: Option<&str>,
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
            "proof",
            Verdict::Invalid,
            "the proof is not an object",
        ));
        return ProofResult {
            checks,
            suite,
            key: None,
            hash: None,
        };
    }
    // integrity.md "Create the Proof": proofPurpose "assertionMethod".
    checks.push(match proof.get("proofPurpose").and_then(Value::as_str) {
        Some("assertionMethod") => Check::passed("proof-purpose", "assertionMethod"),
        Some(p) => Check::failed(
            "proof-purpose",
            Verdict::Invalid,
            format!("proofPurpose is \"{p}\", not assertionMethod"),
        ),
        None => Check::failed(
            "proof-purpose",
            Verdict::Invalid,
            "the proof has no proofPurpose (assertionMethod expected)",
        ),
    });
    if let Some(created) = proof.get("created") {
        let raw = created.as_str().unwrap_or_default();
        checks.push(match parse_datetime(raw) {
            None => Check::failed(
                "proof-created",
                Verdict::Invalid,
                format!("created \"{created}\" is not a date-time"),
            ),
            Some(t) if t > at => Check::failed(
                "proof-created",
                Verdict::Invalid,
                format!("the proof was created in the future ({raw})"),
            ),
            Some(_) => Check::passed("proof-created", raw.to_string()),
        });
    }
    // VC Data Integrity §2.1: a proof with `expires` in the past must not be accepted.
    if let Some(expires) = proof.get("expires") {
        let raw = expires.as_str().unwrap_or_default();
        checks.push(match parse_datetime(raw) {
            Some(t) if t > at => {
                Check::passed("proof-expires", format!("the proof is good until {raw}"))
            }
            Some(_) => Check::failed(
                "proof-expires",
                Verdict::Invalid,
                format!("the proof expired on {raw}"),
            ),
            None => Check::failed(
                "proof-expires",
                Verdict::Invalid,
                format!("expires \"{expires}\" is not a date-time"),
            ),
        });
    }
    let key = match key {
        None => {
            checks.push(Check::failed(
                "proof-method",
                Verdict::Invalid,
                "the proof has no verificationMethod",
            ));
            None
        }
        Some(Err(e)) => {
            checks.push(method_failure(&e));
            None
        }
        Some(Ok(k)) => {
            checks.push(method_passed(&k));
            checks.push(binding_check(&k, issuer));
            Some(k)
        }
    };
    let mut hash = None;
    match &key {
        None => checks.push(Check::not_checked(
            "proof",
            format!("{suite}: signature not checked without a key"),
        )),
        Some(k) => checks.push(match data_integrity::verify(document, proof, &k.key) {
            Ok(ev) => {
                hash = Some(ev.document_hash.clone());
                Check::passed(
                    "proof",
                    format!("{} signature verified with {}", ev.suite, k.method_id),
                )
            }
            Err(e @ (ProofError::Unsupported(_) | ProofError::UnknownContext(_))) => {
                Check::unverifiable("proof", format!("{suite}: {e}"))
            }
            Err(e) => Check::failed("proof", Verdict::Invalid, format!("{suite}: {e}")),
        }),
    }
    ProofResult {
        checks,
        suite,
        key,
        hash,
    }
}
