//! VC-JWT (OB 3.0 `integrity.md` "JSON Web Token Proof Format", "Verify a Credential",
//! "Verify a Credential VC-JWT Signature"): the key from `kid` (DID URL or HTTP URL) or `jwk`,
//! tied to the issuer by [`crate::trust`] before its signature counts; the signature (RS256,
//! ES256, EdDSA; `none` and HMAC refused as invalid, other registered algorithms not checked:
//! [`crate::verify::failure::failure_check`]); and the claims `iss`, `sub`, `jti`, `nbf`, `exp`
//! against the credential.

use super::embedded::{binding_outcome, method_failure, method_passed, resolved_key, BoundKey};
use crate::check::{Check, CheckId, Verdict};
use crate::jose::jws::{CompactJws, JwsError};
use crate::model::credential::{Credential, CredentialDate};
use crate::model::json::str_of;
use crate::resolve::fetch::Fetcher;
use crate::resolve::keys::{header_jwk, kid_url, KeyResolver};
use crate::trust::{self, Issued};
use crate::verify::Verification;
use crate::verify::validity::parse_datetime;
use chrono::{DateTime, Utc};
use serde_json::Value;

/// `typ` values seen for VC-JWTs (RFC 7519 `JWT`; VC-JOSE-COSE `vc+jwt`, older `vc+ld+json+jwt`).
const TYPS: &[&str] = &[
    "JWT",
    "jwt",
    "vc+jwt",
    "vc+ld+json+jwt",
    "vc+ld+jwt",
    "application/vc+jwt",
];

/// Header checks, key, signature and key binding.
pub(crate) async fn verify_signature<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    issuer: Option<&str>,
) {
    let alg = match jws.alg() {
        Ok(a) => a,
        Err(e) => {
            v.add(crate::verify::failure::failure_check(CheckId::Proof, "", &e));
            return;
        }
    };
    v.expert.proof_suite = Some(format!("VC-JWT {}", alg.name()));
    // RFC 7515 §4.1.11: a `crit` header lists extensions the verifier must understand; none are.
    if let Some(crit) = jws.header.get("crit") {
        v.add(Check::failed(
            CheckId::JwtHeader,
            Verdict::Invalid,
            format!("the header marks {crit} as critical; no such extension is supported"),
        ));
        return;
    }
    match jws.header_str("typ") {
        Some(t) if !TYPS.contains(&t) => v.add(Check::warning(
            CheckId::JwtHeader,
            format!("unexpected typ \"{t}\" (OB 3.0: \"JWT\")"),
        )),
        _ => {}
    }
    let kid = jws
        .header_str("kid")
        .map(str::trim)
        .filter(|k| !k.is_empty());
    let jwk = jws.header.get("jwk");
    let mut resolver = KeyResolver::new(v);
    let mut checks = Vec::new();
    // Each candidate key, tied to the issuer (or not) before its signature counts.
    let mut keys: Vec<BoundKey> = Vec::new();
    if let Some(kid) = kid {
        let url = kid_url(kid, issuer);
        match resolver.resolve(&url).await {
            Ok(k) => keys.push(trust::bind(&mut resolver, k, Some(&url), issuer).await),
            Err(e) => checks.push(method_failure(&e)),
        }
    } else if let Some(jwk) = jwk {
        // integrity.md: "The JWK MUST never contain "d"" — from_jwk refuses any private part.
        match header_jwk(jwk) {
            Ok(k) => keys.push(trust::bind(&mut resolver, k, None, issuer).await),
            Err(e) => checks.push(crate::verify::failure::failure_check(
                CheckId::ProofMethod,
                "the jwk header: ",
                &e,
            )),
        }
    } else {
        checks.push(Check::warning(CheckId::JwtHeader, "neither kid nor jwk in the header (OB 3.0 integrity.md: one is required); trying the issuer's keys"));
        match trust::issuer_listed_keys(&mut resolver, issuer).await {
            Ok(found) => keys = found.into_iter().map(Ok).collect(),
            Err(e) => checks.push(Check::unverifiable(
                CheckId::ProofMethod,
                format!("no key to check the signature with: {e}"),
            )),
        }
    }
    drop(resolver);
    // Several candidates only when the token names no key: the one that verifies is the key.
    let mut chosen: Option<(BoundKey, Result<Option<Issued>, JwsError>)> = None;
    for k in keys {
        let r = match &k {
            Ok(ik) => ik.verify_jws(jws).map(|(_, issued)| Some(issued)),
            // Not the issuer's key: the signature still says whether the token is intact.
            Err((rk, _)) => jws.verify(&rk.key).map(|_| None),
        };
        let ok = r.is_ok();
        if chosen.is_none() || ok {
            chosen = Some((k, r));
        }
        if ok {
            break;
        }
    }
    let Some((key, sig)) = chosen else {
        if !checks.iter().any(|c| c.id == CheckId::ProofMethod) {
            checks.push(Check::unverifiable(
                CheckId::ProofMethod,
                "no key found for the token",
            ));
        }
        checks.push(Check::not_checked(
            CheckId::Proof,
            "signature not checked without a key",
        ));
        for c in checks {
            v.add(c);
        }
        return;
    };
    let resolved = resolved_key(&key);
    checks.push(method_passed(resolved));
    v.expert.key_id = Some(resolved.method_id.clone());
    v.expert.key_source = Some(resolved.source.clone());
    let issued = match sig {
        Ok(issued) => {
            checks.push(Check::passed(
                CheckId::Proof,
                format!("VC-JWT {} signature verified", alg.name()),
            ));
            issued
        }
        // A bad signature or a key of the wrong kind: invalid; an algorithm this build leaves
        // to the full verifier: its own check.
        Err(e) => {
            checks.push(crate::verify::failure::failure_check(CheckId::Proof, "", &e));
            None
        }
    };
    checks.push(binding_outcome(&key));
    for c in checks {
        v.add(c);
    }
    if let Some(i) = issued {
        v.establish(i);
    }
}

/// A NumericDate claim (RFC 7519 §2) as a time.
fn numeric_date(v: &Value) -> Option<DateTime<Utc>> {
    let secs = v.as_i64().or_else(|| {
        v.as_f64()
            .filter(|f| f.is_finite())
            .map(|f| f.trunc() as i64)
    })?;
    DateTime::from_timestamp(secs, 0)
}

/// The claim checks of integrity.md "Verify a Credential VC-JWT Signature". A claim that
/// disagrees with the credential makes it invalid; a missing one is a warning (the signature
/// covers the credential itself, so nothing unsigned is trusted). Returns `exp` when the
/// credential has no expiry of its own ("MUST be used to set the value of the validUntil").
pub fn claim_checks(
    claims: &Value,
    credential: &Credential,
    checks: &mut Vec<Check>,
) -> Option<String> {
    let c = &credential.json;
    let text = |id: CheckId,
                name: &str,
                claim: Option<&Value>,
                expected: Option<&str>,
                what: &str|
     -> Check {
        match (claim, expected) {
            (None, _) => Check::warning(
                id,
                format!("no \"{name}\" claim (OB 3.0 requires it to equal {what})"),
            ),
            (Some(Value::String(got)), Some(exp)) if got == exp => {
                Check::passed(id, format!("{name} = {what}"))
            }
            (Some(Value::String(got)), Some(exp)) => Check::failed(
                id,
                Verdict::Invalid,
                format!("the \"{name}\" claim {got} does not match {what} {exp}"),
            ),
            (Some(Value::String(got)), None) => Check::warning(
                id,
                format!("\"{name}\" is {got} but the credential has no {what}"),
            ),
            (Some(other), _) => Check::failed(
                id,
                Verdict::Invalid,
                format!("the \"{name}\" claim {other} is not a string"),
            ),
        }
    };
    let subject = c.get("credentialSubject").map(|s| match s {
        Value::Array(a) => a.first().unwrap_or(s),
        s => s,
    });
    checks.push(text(
        CheckId::JwtIss,
        "iss",
        claims.get("iss"),
        crate::model::json::id_of(c.get("issuer")),
        "issuer.id",
    ));
    checks.push(text(
        CheckId::JwtSub,
        "sub",
        claims.get("sub"),
        subject.and_then(|s| str_of(s, "id")),
        "credentialSubject.id",
    ));
    checks.push(text(
        CheckId::JwtJti,
        "jti",
        claims.get("jti"),
        str_of(c, "id"),
        "the credential id",
    ));
    // The properties the claims mirror: VC 2.0 validFrom/validUntil, VC 1.1
    // issuanceDate/expirationDate (integrity.md note); by the data model's version first.
    let from = credential.date(CredentialDate::ValidFrom);
    let until = credential.date(CredentialDate::ValidUntil);
    let date = |id: CheckId,
                name: &str,
                claim: Option<&Value>,
                prop: Option<(&str, &str)>,
                required: bool|
     -> Option<Check> {
        match (claim, prop) {
            (None, None) => None,
            (None, Some((_, p))) if required => Some(Check::warning(
                id,
                format!("no \"{name}\" claim (OB 3.0 requires it to equal {p})"),
            )),
            (None, Some((_, p))) => Some(Check::warning(
                id,
                format!("no \"{name}\" claim although the credential has {p}"),
            )),
            (Some(v), prop) => Some(match (numeric_date(v), prop) {
                (None, _) => Check::failed(
                    id,
                    Verdict::Invalid,
                    format!("the \"{name}\" claim {v} is not a NumericDate"),
                ),
                (Some(_), None) => Check::passed(id, format!("{name} {v}")),
                (Some(t), Some((raw, p))) => match parse_datetime(raw) {
                    Some(d) if d.timestamp() == t.timestamp() => {
                        Check::passed(id, format!("{name} = {p} ({raw})"))
                    }
                    _ => Check::failed(
                        id,
                        Verdict::Invalid,
                        format!(
                            "the \"{name}\" claim ({}) does not match {p} {raw}",
                            t.to_rfc3339()
                        ),
                    ),
                },
            }),
        }
    };
    checks.extend(date(CheckId::JwtNbf, "nbf", claims.get("nbf"), from, true));
    checks.extend(date(
        CheckId::JwtExp,
        "exp",
        claims.get("exp"),
        until,
        false,
    ));
    match (until, claims.get("exp").and_then(numeric_date)) {
        (None, Some(t)) => Some(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)),
        _ => None,
    }
}

/// A VC 1.1 `vc` claim may leave out what the registered claims carry (VC-JWT 1.1 §6.3.1:
/// `iss` → issuer, `jti` → id, `sub` → credentialSubject.id, `nbf` → issuanceDate, `exp` →
/// expirationDate); put them back so the credential can be checked whole.
pub fn complete_vc11(claims: &Value, credential: &mut Value) {
    let Some(c) = credential.as_object_mut() else {
        return;
    };
    let s = |k: &str| {
        claims
            .get(k)
            .and_then(Value::as_str)
            .map(|s| Value::String(s.to_string()))
    };
    let d = |k: &str| {
        claims
            .get(k)
            .and_then(numeric_date)
            .map(|t| Value::String(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)))
    };
    for (prop, value) in [
        ("issuer", s("iss")),
        ("id", s("jti")),
        ("issuanceDate", d("nbf")),
        ("expirationDate", d("exp")),
    ] {
        if let (false, Some(v)) = (c.contains_key(prop), value) {
            c.insert(prop.to_string(), v);
        }
    }
    if let (Some(Value::Object(subject)), Some(sub)) = (c.get_mut("credentialSubject"), s("sub")) {
        subject.entry("id").or_insert(sub);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Outcome;
    use serde_json::json;

    #[test]
    fn claims_match_mismatch_and_missing() {
        let c = json!({"id":"urn:1","issuer":{"id":"https://i"},"validFrom":"2010-01-01T00:00:00Z","credentialSubject":{"id":"did:s"}});
        let mut checks = Vec::new();
        claim_checks(
            &json!({"iss":"https://i","sub":"did:s","jti":"urn:1","nbf":1262304000}),
            &Credential::new(c.clone()),
            &mut checks,
        );
        assert!(
            checks.iter().all(|c| c.outcome == Outcome::Passed),
            "{checks:?}"
        );
        let mut checks = Vec::new();
        let exp = claim_checks(
            &json!({"iss":"https://other","jti":"urn:1","nbf":1262304001,"exp":1893456000}),
            &Credential::new(c.clone()),
            &mut checks,
        );
        let by = |id: &str| checks.iter().find(|c| c.id == id).unwrap().outcome;
        assert_eq!(
            (by("jwt-iss"), by("jwt-sub"), by("jwt-nbf")),
            (Outcome::Failed, Outcome::Warning, Outcome::Failed)
        );
        assert_eq!(exp.as_deref(), Some("2030-01-01T00:00:00Z"));
    }

    #[test]
    fn vc11_claims_fill_the_credential() {
        let mut vc = json!({"credentialSubject":{"type":"AchievementSubject"}});
        complete_vc11(
            &json!({"iss":"https://i","jti":"urn:1","sub":"did:s","nbf":1262304000}),
            &mut vc,
        );
        assert_eq!(vc["issuer"], "https://i");
        assert_eq!(vc["issuanceDate"], "2010-01-01T00:00:00Z");
        assert_eq!(vc["credentialSubject"]["id"], "did:s");
    }
}
