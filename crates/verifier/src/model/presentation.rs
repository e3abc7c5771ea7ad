//! Documents that hold other credentials (issue #16): a 1EdTech CLR 2.0 `ClrCredential` (a
//! credential whose `credentialSubject.verifiableCredential` lists achievement credentials) and
//! a W3C Verifiable Presentation (VC 2.0 §4.13, VC 1.1 §4.10: `verifiableCredential`, `holder`,
//! an optional `proof`), as JSON or as a JWT (VC-JWT 1.1 `vp` claim; VC-JOSE-COSE `vp+jwt`,
//! whose payload is the presentation).

use super::credential::Credential;
use super::json::{has_type, strings};
use super::{BadgeDoc, ClassifyError};
use crate::jose::jws::CompactJws;
use serde_json::Value;

/// `typ` of a VC-JOSE-COSE presentation (VC-JOSE-COSE §3.2 "Securing JSON-LD Verifiable
/// Presentations with JOSE": `vp+jwt`, formerly `vp+ld+json+jwt`).
const VP_TYPS: &[&str] = &["vp+jwt", "vp+ld+json+jwt", "application/vp+jwt"];

/// A JSON document that is a CLR or a presentation, by its `type`; `Err(v)` gives back any
/// other document for the caller to classify.
pub(super) fn classify(v: Value) -> Result<Result<BadgeDoc, ClassifyError>, Value> {
    let types = strings(v.get("type"));
    if types.iter().any(|t| t == "ClrCredential") {
        return Ok(Ok(BadgeDoc::Clr(Credential::new(v))));
    }
    if types.iter().any(|t| t == "VerifiablePresentation") {
        return Ok(Ok(BadgeDoc::Presentation(v)));
    }
    Err(v)
}

/// The claims of a compact JWS that carry a presentation (a `vp` claim, VC-JWT 1.1 §6.3.1; or a
/// `vp+jwt` token whose payload is one), or a CLR (its `vc` claim, or the payload itself);
/// `None` for any other token.
pub(super) fn classify_jws(
    jws: &CompactJws,
    compact: &str,
    claims: &Value,
) -> Option<Result<BadgeDoc, ClassifyError>> {
    let jwt = |presentation: Value| BadgeDoc::PresentationJwt {
        jws: jws.clone(),
        compact: compact.to_string(),
        claims: claims.clone(),
        presentation,
    };
    let typ = jws.header_str("typ").unwrap_or_default();
    // A token that says it is a credential (`vc+jwt` and its drafts' names) is one, whatever
    // claims it carries: a `vp` claim in it breaks VC-JOSE-COSE §3.1.3, which the credential's
    // own checks report.
    let says_credential = typ.starts_with("vc+");
    if let Some(vp) = claims.get("vp").filter(|_| !says_credential) {
        return Some(match vp {
            Value::Object(_) => Ok(jwt(vp.clone())),
            other => Err(ClassifyError::NotABadge(crate::detail!(
                "the \"`vp`\" claim is {kind}, not a presentation object",
                kind = crate::detail::cause(json_kind(other))
            ))),
        });
    }
    if VP_TYPS.contains(&typ) || has_type(claims, "VerifiablePresentation") {
        return Some(Ok(jwt(claims.clone())));
    }
    let credential = match claims.get("vc") {
        Some(vc) if vc.is_object() => vc,
        _ => claims,
    };
    if has_type(credential, "ClrCredential") {
        return Some(Ok(BadgeDoc::ClrJwt {
            jws: jws.clone(),
            compact: compact.to_string(),
            claims: claims.clone(),
            credential: Credential::new(credential.clone()),
        }));
    }
    None
}

/// What a JSON value is, for messages about hostile input ("a number", "null" …).
/// What kind of JSON value `v` is, as a detail ("a string" …): [`kind_of`] for a reader.
pub fn json_kind(v: &Value) -> crate::detail::Detail {
    match v {
        Value::Null => crate::detail!("`null`"),
        Value::Bool(_) => crate::detail!("a boolean"),
        Value::Number(_) => crate::detail!("a number"),
        Value::String(_) => crate::detail!("a string"),
        Value::Array(_) => crate::detail!("an array"),
        Value::Object(_) => crate::detail!("an object"),
    }
}

pub fn kind_of(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn clr_and_presentation_by_type() {
        let clr = json!({"type": ["VerifiableCredential", "ClrCredential"]});
        assert!(matches!(classify(clr), Ok(Ok(BadgeDoc::Clr(_)))));
        let vp = json!({"type": "VerifiablePresentation"});
        assert!(matches!(classify(vp), Ok(Ok(BadgeDoc::Presentation(_)))));
        let vc = json!({"type": ["VerifiableCredential"]});
        assert!(classify(vc).is_err());
    }
}
