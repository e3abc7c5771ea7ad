//! VC-JWT (OB 3.0 `integrity.md` "JSON Web Token Proof Format", "Verify a Credential",
//! "Verify a Credential VC-JWT Signature"): the key from `kid` (DID URL or HTTP URL) or `jwk`,
//! tied to the issuer by [`crate::trust`] before its signature counts; the signature (RS256,
//! ES256, EdDSA; `none` and HMAC refused as invalid, other registered algorithms not checked:
//! [`crate::verify::failure::failure_check`]); and the claims `iss`, `sub`, `jti`, `nbf`, `exp`
//! against the credential.

use super::embedded::{binding_outcome, method_failure, method_passed, resolved_key, BoundKey};
use crate::check::{Check, CheckId, Verdict};
use crate::detail;
use crate::detail::{cause, code, date, Detail};
use crate::jose::jws::{CompactJws, JwsError};
use crate::model::credential::{Credential, CredentialDate, CredentialKind};
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

/// VC-JOSE-COSE §3.1.1 "Securing JSON-LD Verifiable Credentials with JOSE": "The typ header
/// parameter SHOULD be vc+jwt" (RFC 7515 §4.1.9: the `application/` prefix may be left out).
const VC_JWT_TYPS: &[&str] = &["vc+jwt", "application/vc+jwt"];

/// The same in earlier drafts of VC-JOSE-COSE, accepted with a warning: `vc+ld+json+jwt`
/// (Candidate Recommendation 2024-04-25) and `vc+ld+jwt` (First Public Working Draft
/// 2023-04-27), renamed `vc+jwt` by w3c/vc-jose-cose PR #279 (2024-06-27).
const VC_JWT_DRAFT_TYPS: &[&str] = &[
    "vc+ld+json+jwt",
    "vc+ld+jwt",
    "application/vc+ld+json+jwt",
    "application/vc+ld+jwt",
];

/// `typ`s of securing mechanisms this verifier does not implement: SD-JWT (VC-JOSE-COSE
/// §3.2) and COSE (§3.3); presentations (`vp+jwt`) are not a credential.
const OTHER_TYPS: &[&str] = &[
    "vc+sd-jwt",
    "dc+sd-jwt",
    "sd-jwt",
    "vp+sd-jwt",
    "vc+cose",
    "vp+jwt",
    "vp+ld+json+jwt",
    "vp+ld+jwt",
];

/// Whether the token declares itself a VC-JOSE-COSE `vc+jwt` (or a draft's name for it).
pub fn is_vc_jwt_typ(jws: &CompactJws) -> bool {
    jws.header_str("typ").is_some_and(|t| {
        let t = t.to_ascii_lowercase();
        VC_JWT_TYPS.contains(&t.as_str()) || VC_JWT_DRAFT_TYPS.contains(&t.as_str())
    })
}

/// The VC-JOSE-COSE rules for a JWT (W3C Recommendation "Securing Verifiable Credentials using
/// JOSE and COSE"): §3.1.1 `typ` and `cty`; §3.1.3 "JOSE Header Parameters and JWT Claims"
/// (and "JWT Format and Requirements"): the claim names `vc` and `vp` MUST NOT be present; "Key
/// Discovery", `iss`: an `iss` in the header MUST match the issuer (the claim is checked in
/// [`claim_checks`]); "Using Controlled Identifier Documents": without `iss`, an issuer
/// identified by a URL needs an absolute `kid`. `payload_is_credential`: VC 2.0 securing (no `vc` claim);
/// `enveloped`: read from a `data:application/vc+jwt` URL, so `vc+jwt` whatever its `typ`.
pub fn jose_checks(
    jws: &CompactJws,
    claims: &Value,
    credential: &Credential,
    payload_is_credential: bool,
    enveloped: bool,
) -> Vec<Check> {
    let mut checks = Vec::new();
    let typ = jws.header_str("typ").map(str::to_ascii_lowercase);
    let declared = enveloped || is_vc_jwt_typ(jws);
    if let Some(t) = typ.as_deref() {
        if OTHER_TYPS.contains(&t) {
            checks.push(Check::unverifiable(
                CheckId::JwtHeader,
                detail!(
                    "`typ` \"{typ}\" (media type {media}) is a securing mechanism this verifier does not implement; the credential is not verified as one",
                    typ = code(t),
                    media = code(format!("application/{t}"))
                ),
            ));
        } else if VC_JWT_DRAFT_TYPS.contains(&t) {
            checks.push(Check::warning(
                CheckId::JwtHeader,
                detail!(
                    "`typ` \"{typ}\" is from a draft of VC-JOSE-COSE; the Recommendation names it `vc+jwt`",
                    typ = code(t)
                ),
            ));
        } else if VC_JWT_TYPS.contains(&t) {
            checks.push(Check::passed(
                CheckId::JwtHeader,
                detail!("`typ` {typ} (VC-JOSE-COSE §3.1.1)", typ = code(t)),
            ));
        }
    }
    // VC-JOSE-COSE §3.1.1: "When present, the cty header parameter SHOULD be vc".
    match jws.header.get("cty") {
        None => {}
        Some(Value::String(c)) if declared && !matches!(c.as_str(), "vc" | "application/vc") => {
            checks.push(Check::warning(
                CheckId::JwtHeader,
                detail!(
                    "`cty` \"{cty}\" (VC-JOSE-COSE §3.1.1: it SHOULD be `vc`)",
                    cty = code(c.as_str())
                ),
            ))
        }
        Some(Value::String(_)) => {}
        Some(other) => checks.push(Check::failed(
            CheckId::JwtHeader,
            Verdict::Invalid,
            detail!(
                "the `cty` header {value} is not a string (RFC 7515 §4.1.10)",
                value = code(other.to_string())
            ),
        )),
    }
    // VC-JOSE-COSE §3.1.3 and "JWT Format and Requirements": "The JWT Claim Names vc and vp
    // MUST NOT be present in any JWT Claims Set that comprises a verifiable credential".
    if payload_is_credential || declared {
        let used: Vec<&str> = ["vc", "vp"]
            .into_iter()
            .filter(|k| claims.get(*k).is_some())
            .collect();
        if !used.is_empty() {
            checks.push(Check::failed(
                CheckId::JwtHeader,
                Verdict::Invalid,
                detail!(
                    "a `vc+jwt` has the claim {claims} (VC-JOSE-COSE §3.1.3: the JWT Claim Names `vc` and `vp` MUST NOT be present)",
                    claims = code(used.join(", "))
                ),
            ));
        }
    }
    let issuer = crate::model::json::id_of(credential.json.get("issuer"));
    // VC-JOSE-COSE "Key Discovery", iss: "If iss is present in the JOSE Header [...] iss
    // value [...] MUST match issuer.id value".
    match (jws.header.get("iss"), issuer) {
        (None, _) => {}
        (Some(Value::String(i)), Some(id)) if i == id => {
            checks.push(Check::passed(
                CheckId::JwtIss,
                detail!("the header's `iss` = `issuer.id` ({id})", id = code(id)),
            ))
        }
        (Some(i), _) => checks.push(Check::failed(
            CheckId::JwtIss,
            Verdict::Invalid,
            match issuer {
                Some(id) => detail!(
                    "the header's `iss` {iss} does not match the issuer {id} (VC-JOSE-COSE, Key Discovery: it MUST)",
                    iss = code(i.to_string()),
                    id = code(id)
                ),
                None => detail!(
                    "the header's `iss` {iss} does not match the issuer, which has no id (VC-JOSE-COSE, Key Discovery: it MUST)",
                    iss = code(i.to_string())
                ),
            },
        )),
    }
    // VC-JOSE-COSE "Using Controlled Identifier Documents": "When iss is absent, and the
    // issuer is identified as a URL, the kid MUST be an absolute URL". The spec's own enveloping example breaks it, and the key is
    // still tied to the issuer by the trust rules, so a warning.
    let iss_absent = jws.header.get("iss").is_none() && claims.get("iss").is_none();
    if declared && iss_absent {
        if let (Some(kid), Some(id)) = (jws.header_str("kid"), issuer) {
            if id.contains(':') && !kid.contains(':') {
                checks.push(Check::warning(
                    CheckId::JwtHeader,
                    detail!(
                        "`kid` \"{kid}\" is not an absolute URL and there is no `iss` (VC-JOSE-COSE, Using Controlled Identifier Documents: it MUST be); read relative to the issuer",
                        kid = code(kid)
                    ),
                ));
            }
        }
    }
    checks
}

/// Header checks, key, signature and key binding.
pub(crate) async fn verify_signature<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    issuer: Option<&str>,
) {
    let alg = match jws.alg() {
        Ok(a) => a,
        Err(e) => {
            v.add(crate::verify::failure::failure_check(CheckId::Proof, &e));
            return;
        }
    };
    v.expert.proof_suite = Some(format!("VC-JWT {}", alg.name()));
    // RFC 7515 §4.1.11: a `crit` header lists extensions the verifier must understand; none are.
    if let Some(crit) = jws.header.get("crit") {
        v.add(Check::failed(
            CheckId::JwtHeader,
            Verdict::Invalid,
            detail!(
                "the header marks {crit} as critical; no such extension is supported",
                crit = code(crit.to_string())
            ),
        ));
        return;
    }
    match jws.header_str("typ") {
        Some(t)
            if !TYPS.contains(&t)
                && !OTHER_TYPS.contains(&t.to_ascii_lowercase().as_str())
                && !VC_JWT_DRAFT_TYPS.contains(&t.to_ascii_lowercase().as_str()) =>
        {
            v.add(Check::warning(
            CheckId::JwtHeader,
                detail!(
                    "unexpected `typ` \"{typ}\" (OB 3.0: \"`JWT`\"; VC-JOSE-COSE: \"`vc+jwt`\")",
                    typ = code(t)
                ),
            ))
        }
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
            Err(e) => {
                let mut c = crate::verify::failure::failure_check(CheckId::ProofMethod, &e);
                let why = std::mem::replace(&mut c.detail, Detail::Text(String::new()));
                c.detail = detail!("the `jwk` header: {why}", why = cause(why));
                checks.push(c);
            }
        }
    } else {
        checks.push(Check::warning(
            CheckId::JwtHeader,
            detail!("neither `kid` nor `jwk` in the header (OB 3.0 `integrity.md`: one is required); trying the issuer's keys"),
        ));
        match trust::issuer_listed_keys(&mut resolver, issuer).await {
            Ok(found) => keys = found.into_iter().map(Ok).collect(),
            Err(e) => checks.push(Check::unverifiable(
                CheckId::ProofMethod,
                detail!("no key to check the signature with: {why}", why = cause(e.detail().clone())),
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
                detail!("no key found for the token"),
            ));
        }
        checks.push(Check::not_checked(
            CheckId::Proof,
            detail!("signature not checked without a key"),
        ));
        for c in checks {
            v.add(c);
        }
        return;
    };
    let resolved = resolved_key(&key);
    checks.push(method_passed(resolved));
    v.expert.key_id = Some(resolved.method_id.clone());
    v.expert.key_source = Some(resolved.source.to_string());
    let issued = match sig {
        Ok(issued) => {
            checks.push(Check::passed(
                CheckId::Proof,
                detail!("VC-JWT {alg} signature verified", alg = code(alg.name())),
            ));
            issued
        }
        // A bad signature or a key of the wrong kind: invalid; an algorithm this build leaves
        // to the full verifier: its own check.
        Err(e) => {
            checks.push(crate::verify::failure::failure_check(CheckId::Proof, &e));
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
    // A Verifiable Credential that is not an Open Badge follows VC-JOSE-COSE alone: its
    // registered claims are optional, and only `iss` MUST match (Key Discovery, iss); for
    // `jti`/`sub` and the dates it only says implementers SHOULD avoid conflicts (§3.1.3), and
    // `exp`/`iat` are the signature's times, not the credential's validity.
    let plain_vc = credential.kind == CredentialKind::OtherVc;
    let text = |id: CheckId,
                name: &str,
                claim: Option<&Value>,
                expected: Option<&str>,
                what: Detail|
     -> Check {
        let what = cause(what);
        match (claim, expected) {
            (None, _) if plain_vc => Check::not_applicable(
                id,
                detail!("no \"{name}\" claim (optional in VC-JOSE-COSE)", name = code(name)),
            ),
            (None, _) => Check::warning(
                id,
                detail!(
                    "no \"{name}\" claim (OB 3.0 requires it to equal {what})",
                    name = code(name),
                    what = what
                ),
            ),
            (Some(Value::String(got)), Some(exp)) if got == exp => {
                Check::passed(id, detail!("{name} = {what}", name = code(name), what = what))
            }
            (Some(Value::String(got)), Some(exp)) if plain_vc && id != CheckId::JwtIss => {
                Check::warning(
                    id,
                    detail!(
                        "the \"{name}\" claim {got} conflicts with {what} {expected} (VC-JOSE-COSE §3.1.3: it SHOULD NOT)",
                        name = code(name),
                        got = code(got.as_str()),
                        what = what,
                        expected = code(exp)
                    ),
                )
            }
            (Some(Value::String(got)), Some(exp)) => Check::failed(
                id,
                Verdict::Invalid,
                detail!(
                    "the \"{name}\" claim {got} does not match {what} {expected}",
                    name = code(name),
                    got = code(got.as_str()),
                    what = what,
                    expected = code(exp)
                ),
            ),
            (Some(Value::String(got)), None) => Check::warning(
                id,
                detail!(
                    "\"{name}\" is {got} but the credential has no {what}",
                    name = code(name),
                    got = code(got.as_str()),
                    what = what
                ),
            ),
            (Some(other), _) => Check::failed(
                id,
                Verdict::Invalid,
                detail!(
                    "the \"{name}\" claim {value} is not a string",
                    name = code(name),
                    value = code(other.to_string())
                ),
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
        detail!("`issuer.id`"),
    ));
    checks.push(text(
        CheckId::JwtSub,
        "sub",
        claims.get("sub"),
        subject.and_then(|s| str_of(s, "id")),
        detail!("`credentialSubject.id`"),
    ));
    checks.push(text(
        CheckId::JwtJti,
        "jti",
        claims.get("jti"),
        str_of(c, "id"),
        detail!("the credential id"),
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
            (None, Some(_)) if plain_vc => None,
            (None, Some((_, p))) if required => Some(Check::warning(
                id,
                detail!(
                    "no \"{name}\" claim (OB 3.0 requires it to equal {what})",
                    name = code(name),
                    what = cause(detail!("{prop}", prop = code(p)))
                ),
            )),
            (None, Some((_, p))) => Some(Check::warning(
                id,
                detail!(
                    "no \"{name}\" claim although the credential has {prop}",
                    name = code(name),
                    prop = code(p)
                ),
            )),
            (Some(v), prop) => Some(match (numeric_date(v), prop) {
                (None, _) => Check::failed(
                    id,
                    Verdict::Invalid,
                    detail!(
                        "the \"{name}\" claim {value} is not a NumericDate",
                        name = code(name),
                        value = code(v.to_string())
                    ),
                ),
                (Some(t), None) => Check::passed(
                    id,
                    detail!(
                        "{name} {when}",
                        name = code(name),
                        when = date(t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
                    ),
                ),
                (Some(t), Some((raw, p))) => match parse_datetime(raw) {
                    Some(d) if d.timestamp() == t.timestamp() => Check::passed(
                        id,
                        detail!(
                            "{name} = {prop} ({when})",
                            name = code(name),
                            prop = code(p),
                            when = date(raw)
                        ),
                    ),
                    _ if plain_vc => Check::warning(
                        id,
                        detail!(
                            "the \"{name}\" claim ({claim}) differs from {prop} {when} (VC-JOSE-COSE §3.1.3: the claim is about the signature, the property about the credential)",
                            name = code(name),
                            claim = date(t.to_rfc3339()),
                            prop = code(p),
                            when = date(raw)
                        ),
                    ),
                    _ => Check::failed(
                        id,
                        Verdict::Invalid,
                        detail!(
                            "the \"{name}\" claim ({claim}) does not match {prop} {when}",
                            name = code(name),
                            claim = date(t.to_rfc3339()),
                            prop = code(p),
                            when = date(raw)
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

/// The token's own time limits, for a Verifiable Credential that is not an Open Badge, whose
/// `exp`/`nbf` need not equal its validity period (VC-JOSE-COSE §3.1.3: `iat`/`exp` are "the
/// issuance and expiration time of the signature"). A JWT is not accepted after `exp` nor
/// before `nbf` (RFC 7519 §4.1.4, §4.1.5), whatever the credential says. Only what the
/// validity window does not already check: `exp` when the credential has its own end date
/// (without one, `exp` is the end date), `nbf` when it differs from the start date.
pub fn token_window(claims: &Value, credential: &Credential, at: DateTime<Utc>) -> Vec<Check> {
    let mut checks = Vec::new();
    if credential.kind != CredentialKind::OtherVc {
        return checks;
    }
    let same = |t: DateTime<Utc>, which: CredentialDate| {
        credential
            .date(which)
            .and_then(|(raw, _)| parse_datetime(raw))
            .is_some_and(|d| d.timestamp() == t.timestamp())
    };
    let exp = claims.get("exp").and_then(numeric_date);
    if let Some(t) = exp.filter(|t| *t <= at) {
        if credential.date(CredentialDate::ValidUntil).is_some() && !same(t, CredentialDate::ValidUntil) {
            checks.push(Check::failed(
                CheckId::JwtExp,
                Verdict::Expired,
                detail!(
                    "the token expired on {when} (its `exp`; RFC 7519 §4.1.4)",
                    when = date(t.to_rfc3339())
                ),
            ));
        }
    }
    let nbf = claims.get("nbf").and_then(numeric_date);
    if let Some(t) = nbf.filter(|t| *t > at) {
        if !same(t, CredentialDate::ValidFrom) {
            checks.push(Check::failed(
                CheckId::JwtNbf,
                Verdict::NotYetValid,
                detail!(
                    "the token is not valid before {when} (its `nbf`; RFC 7519 §4.1.5)",
                    when = date(t.to_rfc3339())
                ),
            ));
        }
    }
    checks
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
        let c = json!({"id":"urn:1","type":["VerifiableCredential","OpenBadgeCredential"],"issuer":{"id":"https://i"},"validFrom":"2010-01-01T00:00:00Z","credentialSubject":{"id":"did:s"}});
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
        // A plain VC (VC-JOSE-COSE): only iss MUST match; missing claims are not asked for,
        // and a differing nbf is about the signature, not the credential.
        let mut plain = c.clone();
        plain["type"] = json!(["VerifiableCredential"]);
        let mut checks = Vec::new();
        claim_checks(
            &json!({"iss":"https://other","nbf":1262304001}),
            &Credential::new(plain),
            &mut checks,
        );
        let by = |id: &str| checks.iter().find(|c| c.id == id).unwrap().outcome;
        assert_eq!(
            (by("jwt-iss"), by("jwt-sub"), by("jwt-nbf")),
            (Outcome::Failed, Outcome::NotApplicable, Outcome::Warning)
        );
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
