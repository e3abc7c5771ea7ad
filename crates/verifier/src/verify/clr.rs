//! 1EdTech Comprehensive Learner Record 2.0 (issue #16): a `ClrCredential` is a Verifiable
//! Credential whose subject, a `ClrSubject`, holds the learner's achievement credentials
//! (`verifiableCredential`, each with its own issuer and proof), with an optional `achievement`
//! list and `association`s between achievements.
//!
//! The outer credential is verified like any credential, with the OB 3.0 machinery
//! ([`super::ob3`]): its proof with a key bound to the CLR's issuer, its validity window, its
//! status; then each nested credential as its own report ([`super::nested`]).
//!
//! One verdict for the whole. CLR 2.0 builds on OB 3.0's verification (the ClrCredential is
//! verified as an OpenBadgeCredential is, OB 3.0 verification.md), and 1EdTech describes the
//! CLR as "another onion layer wrapping the inner set of credentials that is also signed.
//! Individual component credentials are verifiable, and the wrapping CLR is also verifiable."
//! A transcript is only as good as every record in it, so each nested credential's verdict is
//! carried to the whole by a `nested-credential` check whose effect is that verdict: a
//! revoked, expired, suspended, not-yet-valid or invalid credential makes the CLR that (the
//! worst wins, by [`Verdict::severity`]), an unverifiable one makes it unverifiable, an
//! unreadable one makes it invalid. The CLR's own signature never vouches for the credentials
//! inside: each must verify with its own issuer's key.

use super::ob3::{self, conformance, display, embedded, jwt};
use super::{nested, Verification};
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, code, text, url as link, Detail};
use crate::jose::jws::CompactJws;
use crate::model::credential::{Credential, CredentialDate};
use crate::model::json::{each, has_type, id_of, str_of, strings};
use crate::report::{Transcript, TranscriptAchievement, TranscriptAssociation, TranscriptResult};
use crate::resolve::fetch::Fetcher;
use serde_json::Value;

/// `credentialSubject.verifiableCredential`, as the nested reports are named.
const PATH: &str = "credentialSubject.verifiableCredential";

/// Whether a context URL is a CLR 2.0 context (`context.json`, `context-2.0.N.json`).
fn is_clr_context(c: &str) -> bool {
    let Some(rest) = c.strip_prefix("https://purl.imsglobal.org/spec/clr/v2p0/") else {
        return false;
    };
    rest == "context.json"
        || rest
            .strip_prefix("context-2.0.")
            .and_then(|v| v.strip_suffix(".json"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// A ClrCredential as JSON with embedded proofs.
pub(crate) async fn verify_clr<F: Fetcher>(v: &mut Verification<'_, F>, credential: Credential) {
    v.format = Some(Format::ClrDataIntegrity);
    let issuer = id_of(credential.json.get("issuer")).map(String::from);
    add_conformance(v, &credential);
    embedded::verify_proofs(v, &credential.json, issuer.as_deref()).await;
    ob3::add_window(v, &credential, None);
    ob3::add_status_and_extras(v, &credential).await;
    verify_contents(v, &credential).await;
}

/// A ClrCredential secured as a JWT: the payload (VC 2.0) or its `vc` claim (VC 1.1), checked
/// as an OB 3.0 VC-JWT is (integrity.md "JSON Web Token Proof Format").
pub(crate) async fn verify_clr_jwt<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    claims: Value,
    credential: Credential,
) {
    v.format = Some(Format::ClrJwt);
    let mut credential = credential;
    if claims.get("vc").is_some_and(Value::is_object) {
        jwt::complete_vc11(&claims, &mut credential.json);
    }
    let issuer = id_of(credential.json.get("issuer")).map(String::from);
    add_conformance(v, &credential);
    jwt::verify_signature(v, jws, issuer.as_deref()).await;
    let mut checks = Vec::new();
    let exp_until = jwt::claim_checks(&claims, &credential, &mut checks);
    for c in checks {
        v.add(c);
    }
    if credential.json.get("proof").is_some() {
        let check = ob3::embedded_proofs_of_jwt(v, &credential.json, issuer.as_deref()).await;
        v.add(check);
    }
    ob3::add_window(v, &credential, exp_until.as_deref());
    ob3::add_status_and_extras(v, &credential).await;
    verify_contents(v, &credential).await;
}

/// The nested credentials, then the display (which points at their reports).
async fn verify_contents<F: Fetcher>(v: &mut Verification<'_, F>, credential: &Credential) {
    let subject = subject(&credential.json);
    let list = subject.and_then(|s| s.get("verifiableCredential"));
    if let Err(why) = nested::verify_each(v, list, PATH).await {
        // CLR 2.0 ClrSubject: verifiableCredential is required (1..*).
        v.add(Check::failed(
            CheckId::NestedCredential,
            Verdict::Invalid,
            detail!(
                "{why} (a `ClrSubject` holds at least one verifiable credential)",
                why = cause(why)
            ),
        ));
    }
    let mut badge = display::display(&credential.json);
    badge.transcript = Some(transcript(&credential.json, list));
    v.badge = Some(badge);
}

fn subject(c: &Value) -> Option<&Value> {
    match c.get("credentialSubject") {
        Some(Value::Array(a)) => a.first(),
        other => other,
    }
}

/// The conformance checks of a ClrCredential (CLR 2.0 data model "ClrCredential",
/// "ClrSubject"): the VC base context first and a CLR 2.0 context, the types, id, name,
/// issue date, the issuer Profile (the OB 3.0 rules, shared), and the subject.
fn add_conformance<F: Fetcher>(v: &mut Verification<'_, F>, credential: &Credential) {
    let c = &credential.json;
    let fail = |id, detail: Detail| Check::failed(id, Verdict::Invalid, detail);
    let contexts = strings(c.get("@context"));
    v.add(
        match (
            credential.version,
            contexts.iter().find(|u| is_clr_context(u)),
        ) {
            (None, _) => fail(
                CheckId::Context,
                match contexts.first() {
                    Some(first) => detail!(
                        "the first `@context` must be the VC 2.0 or VC 1.1 base context; it is {context}",
                        context = code(first.as_str())
                    ),
                    None => detail!(
                        "the first `@context` must be the VC 2.0 or VC 1.1 base context; it is missing"
                    ),
                },
            ),
            (Some(_), None) => fail(
                CheckId::Context,
                detail!(
                    "no CLR 2.0 context ({url})",
                    url = link("https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json")
                ),
            ),
            (Some(ver), Some(clr)) => Check::passed(
                CheckId::Context,
                detail!(
                    "{version} and CLR 2.0 contexts ({url})",
                    version = code(ver.label()),
                    url = link(clr.as_str())
                ),
            ),
        },
    );
    let types = strings(c.get("type"));
    v.add(if types.iter().any(|t| t == "VerifiableCredential") {
        Check::passed(
            CheckId::Type,
            detail!(
                "[{types}]: a CLR 2.0 `ClrCredential`",
                types = code(types.join(", "))
            ),
        )
    } else {
        fail(
            CheckId::Type,
            detail!(
                "`type` must include `VerifiableCredential`; it is [{types}]",
                types = code(types.join(", "))
            ),
        )
    });
    let required = |id, name: &str| match str_of(c, name).map(str::trim) {
        Some(s) if !s.is_empty() && name == "id" => {
            Check::passed(id, detail!("{id}", id = code(s)))
        }
        Some(s) if !s.is_empty() => Check::passed(id, detail!("{name}", name = text(s))),
        _ => fail(
            id,
            detail!(
                "the `ClrCredential` has no {name} (required)",
                name = code(name)
            ),
        ),
    };
    v.add(required(CheckId::CredentialId, "id"));
    v.add(required(CheckId::CredentialName, "name"));
    v.add(match credential.date(CredentialDate::ValidFrom) {
        Some((_, n)) => Check::passed(
            CheckId::ValidFrom,
            detail!("{name} present", name = code(n.to_string())),
        ),
        None => fail(
            CheckId::ValidFrom,
            detail!(
                "no `validFrom` (VC 2.0) or `issuanceDate` (VC 1.1): the issue date is required"
            ),
        ),
    });
    let mut checks = Vec::new();
    conformance::issuer_checks(c.get("issuer"), &mut checks);
    for check in checks {
        v.add(check);
    }
    v.add(match subject(c) {
        Some(s) if has_type(s, "ClrSubject") => {
            Check::passed(CheckId::CredentialSubjectType, detail!("`ClrSubject`"))
        }
        Some(s) if s.is_object() => fail(
            CheckId::CredentialSubjectType,
            detail!(
                "the `credentialSubject` has type [{types}], not `ClrSubject`",
                types = code(strings(s.get("type")).join(", "))
            ),
        ),
        _ => fail(
            CheckId::CredentialSubject,
            detail!("the `ClrCredential` has no `credentialSubject` object"),
        ),
    });
}

/// Most transcript entries shown (achievements, associations); the checks cover everything.
const MAX_ENTRIES: usize = 500;

/// The transcript: the achievements of the nested credentials (with their results), then the
/// ClrSubject's own achievements not already listed, and the associations between them.
fn transcript(c: &Value, list: Option<&Value>) -> Transcript {
    let subject = subject(c);
    let mut achievements: Vec<TranscriptAchievement> = Vec::new();
    let nested: Vec<&Value> = match list {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v @ (Value::Object(_) | Value::String(_))) => vec![v],
        _ => Vec::new(),
    };
    for (i, entry) in nested.iter().enumerate().take(MAX_ENTRIES) {
        let Some(credential) = readable(entry) else {
            continue;
        };
        let cs = self::subject(&credential);
        let Some(a) = cs
            .and_then(|s| s.get("achievement"))
            .filter(|a| a.is_object())
        else {
            continue;
        };
        let mut entry = achievement(a);
        entry.results = each(cs.and_then(|s| s.get("result")))
            .into_iter()
            .filter(|r| r.is_object())
            .map(|r| result(r, a))
            .collect();
        entry.credential = Some(i);
        achievements.push(entry);
    }
    for a in each(subject.and_then(|s| s.get("achievement")))
        .into_iter()
        .take(MAX_ENTRIES)
    {
        if !a.is_object() {
            continue;
        }
        let id = str_of(a, "id");
        if id.is_some() && achievements.iter().any(|e| e.id.as_deref() == id) {
            continue;
        }
        achievements.push(achievement(a));
    }
    let name_of = |id: Option<&str>| {
        id.and_then(|id| achievements.iter().find(|e| e.id.as_deref() == Some(id)))
            .and_then(|e| e.name.clone())
    };
    let associations = each(subject.and_then(|s| s.get("association")))
        .into_iter()
        .filter(|a| a.is_object())
        .take(MAX_ENTRIES)
        .map(|a| {
            let (source, target) = (str_of(a, "sourceId"), str_of(a, "targetId"));
            TranscriptAssociation {
                kind: str_of(a, "associationType").map(String::from),
                source: source.map(String::from),
                target: target.map(String::from),
                source_name: name_of(source),
                target_name: name_of(target),
            }
        })
        .collect();
    Transcript {
        name: str_of(c, "name").map(String::from),
        learner: display::display(c).recipient,
        achievements,
        associations,
    }
}

/// A nested credential's JSON for display: the object, or a compact JWS's payload (its `vc`
/// claim for VC 1.1). Read for display only; its verification is its own report's.
fn readable(entry: &Value) -> Option<Value> {
    match entry {
        Value::Object(_) => Some(entry.clone()),
        Value::String(s) => {
            let claims = CompactJws::parse(s.trim()).ok()?.payload_json().ok()?;
            match claims.get("vc") {
                Some(vc) if vc.is_object() => Some(vc.clone()),
                _ => Some(claims),
            }
        }
        _ => None,
    }
}

fn achievement(a: &Value) -> TranscriptAchievement {
    TranscriptAchievement {
        id: str_of(a, "id").map(String::from),
        name: str_of(a, "name").map(String::from),
        kind: match a.get("achievementType") {
            Some(Value::String(s)) => Some(s.clone()),
            other => strings(other).first().cloned(),
        },
        results: Vec::new(),
        credential: None,
    }
}

/// An OB 3.0 `Result`, named by the achievement's `resultDescription` it refers to.
fn result(r: &Value, achievement: &Value) -> TranscriptResult {
    let described = str_of(r, "resultDescription").and_then(|id| {
        each(achievement.get("resultDescription"))
            .into_iter()
            .find(|d| str_of(d, "id") == Some(id))
            .and_then(|d| str_of(d, "name"))
            .map(String::from)
    });
    TranscriptResult {
        name: described,
        value: str_of(r, "value").map(String::from),
        status: str_of(r, "status").map(String::from),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn clr_contexts() {
        assert!(is_clr_context(
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json"
        ));
        assert!(is_clr_context(
            "https://purl.imsglobal.org/spec/clr/v2p0/context.json"
        ));
        assert!(!is_clr_context(
            "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.x.json"
        ));
        assert!(!is_clr_context(
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ));
    }

    #[test]
    fn transcript_lists_achievements_results_and_associations() {
        let clr = json!({
            "name": "Transcript",
            "credentialSubject": {
                "id": "did:example:learner",
                "type": "ClrSubject",
                "verifiableCredential": [
                    {"credentialSubject": {
                        "achievement": {"id": "urn:a1", "name": "Algebra", "achievementType": "Course",
                            "resultDescription": [{"id": "urn:rd1", "name": "Final grade"}]},
                        "result": [{"type": "Result", "resultDescription": "urn:rd1", "value": "A"}]}},
                    7
                ],
                "achievement": [{"id": "urn:a1", "name": "Algebra"}, {"id": "urn:a2", "name": "Math degree"}],
                "association": [{"type": "Association", "associationType": "isChildOf", "sourceId": "urn:a1", "targetId": "urn:a2"}]
            }
        });
        let list = clr["credentialSubject"].get("verifiableCredential");
        let t = transcript(&clr, list);
        assert_eq!(t.name.as_deref(), Some("Transcript"));
        assert_eq!(
            t.learner.unwrap().identity.as_deref(),
            Some("did:example:learner")
        );
        assert_eq!(t.achievements.len(), 2, "{:?}", t.achievements);
        assert_eq!(t.achievements[0].credential, Some(0));
        assert_eq!(t.achievements[0].kind.as_deref(), Some("Course"));
        assert_eq!(
            t.achievements[0].results[0].name.as_deref(),
            Some("Final grade")
        );
        assert_eq!(t.achievements[0].results[0].value.as_deref(), Some("A"));
        assert_eq!(t.achievements[1].name.as_deref(), Some("Math degree"));
        let a = &t.associations[0];
        assert_eq!(a.kind.as_deref(), Some("isChildOf"));
        assert_eq!(
            (a.source_name.as_deref(), a.target_name.as_deref()),
            (Some("Algebra"), Some("Math degree"))
        );
    }
}
