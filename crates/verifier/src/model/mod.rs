//! Step 2: what kind of badge is this payload? Open Badges 2.0 (hosted or signed), Open Badges
//! 3.0 (JSON with an embedded proof, or VC-JWT), an older OB version, or something else.

pub mod credential;
pub mod enveloped;
pub mod json;
pub mod presentation;

use crate::detail;
use crate::detail::{cause, Detail};
use crate::jose::jws::{CompactJws, JwsError};
use crate::limits::MAX_JSON_DEPTH;
use crate::strict_json::{self, JsonError};
use credential::Credential;
use serde_json::Value;

/// A recognised badge document, not yet verified.
#[derive(Debug, Clone, PartialEq)]
pub enum BadgeDoc {
    /// OB 2.0 Assertion JSON (verified by fetching it from its `id`).
    Ob2Assertion(Value),
    /// OB 2.0 signed assertion: a compact JWS whose payload is the Assertion.
    Ob2Signed {
        /// The JWS as decoded.
        jws: CompactJws,
        /// The compact JWS as given.
        compact: String,
        /// Its payload: the Assertion JSON.
        assertion: Value,
    },
    /// OB 3.0 (or another Verifiable Credential) as JSON, normally with an embedded `proof`.
    Ob3Credential(Credential),
    /// OB 3.0 VC-JWT: the credential is the payload (VC 2.0) or its `vc` claim (VC 1.1).
    Ob3Jwt {
        /// The JWS as decoded.
        jws: CompactJws,
        /// The compact JWT as given.
        compact: String,
        /// The JWT claims (the payload).
        claims: Value,
        /// The credential the claims carry.
        credential: Credential,
    },
    /// OB 0.5 / 1.0 / 1.1 assertion.
    Ob1Assertion(Value),
    /// A VC 2.0 `EnvelopedVerifiableCredential`: the secured credential is in its `id`, a
    /// `data:` URL ([`enveloped`]), read and verified in `verify`. `None`: it has no string `id`.
    Enveloped(Option<String>),
    /// A 1EdTech CLR 2.0 `ClrCredential` as JSON ([`presentation`]).
    Clr(Credential),
    /// A CLR 2.0 `ClrCredential` as a JWT: the payload (VC 2.0) or its `vc` claim (VC 1.1).
    ClrJwt {
        /// The JWS as decoded.
        jws: CompactJws,
        /// The compact JWT as given.
        compact: String,
        /// The JWT claims (the payload).
        claims: Value,
        /// The ClrCredential the claims carry.
        credential: Credential,
    },
    /// A Verifiable Presentation as JSON ([`presentation`]).
    Presentation(Value),
    /// A Verifiable Presentation as a JWT: its `vp` claim, or the payload of a `vp+jwt`.
    PresentationJwt {
        /// The JWS as decoded.
        jws: CompactJws,
        /// The compact JWT as given.
        compact: String,
        /// The JWT claims (the payload).
        claims: Value,
        /// The presentation the claims carry.
        presentation: Value,
    },
}

/// Why a payload is not a badge this verifier can check.
#[derive(Debug, Clone, PartialEq)]
pub enum ClassifyError {
    /// Not JSON (or JSON nested too deeply to read).
    NotJson(Detail),
    /// JSON (or a JWS) that is no badge or credential this verifier recognises.
    NotABadge(Detail),
    /// A recognised document this verifier does not verify.
    Unsupported(Detail),
    /// JSON that reads two ways: a member name twice in one object (the message names it and
    /// where; see [`crate::strict_json`]).
    DuplicateKey(Detail),
}

impl ClassifyError {
    /// The reason, as a check's detail.
    pub fn detail(&self) -> Detail {
        match self {
            ClassifyError::NotJson(m) => detail!("not JSON: {why}", why = cause(m.clone())),
            ClassifyError::NotABadge(m) => {
                detail!("not an Open Badge: {why}", why = cause(m.clone()))
            }
            ClassifyError::Unsupported(m) | ClassifyError::DuplicateKey(m) => m.clone(),
        }
    }
}

impl std::fmt::Display for ClassifyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

const OB2_CONTEXTS: &[&str] = &[
    "https://w3id.org/openbadges/v2",
    "https://openbadgespec.org/v2/context.json",
];
const OB1_CONTEXTS: &[&str] = &["https://w3id.org/openbadges/v1"];
const VC_CONTEXTS: &[&str] = &[
    "https://www.w3.org/ns/credentials/v2",
    "https://www.w3.org/2018/credentials/v1",
];

/// Classifies JSON text, read strictly ([`crate::strict_json`]: a duplicate member name is
/// refused). Nesting is bounded by the default [`crate::Limits::max_json_depth`]; extraction
/// has already applied the caller's own limit to the text.
pub fn classify_json_text(text: &str) -> Result<BadgeDoc, ClassifyError> {
    let v = strict_json::from_str(text, MAX_JSON_DEPTH)
        .map_err(|e| json_refused(&e, detail!("the badge document")))?;
    classify_json(v)
}

/// A parsed document that is refused: a duplicate member name, or nesting too deep.
fn json_refused(e: &JsonError, what: Detail) -> ClassifyError {
    match e {
        JsonError::DuplicateKey { .. } => ClassifyError::DuplicateKey(e.detail(what)),
        JsonError::TooDeep { .. } => ClassifyError::Unsupported(e.detail(what)),
        JsonError::Syntax(m) => ClassifyError::NotJson(m.detail()),
    }
}

/// A JWS that cannot be read as a badge: its JSON is refused, or it is not a JWS.
fn jws_refused(e: JwsError) -> ClassifyError {
    match e {
        JwsError::Json { part, error } if error.is_duplicate_key() => {
            json_refused(&error, crate::jose::jws::part_name(part))
        }
        e => ClassifyError::NotABadge(e.detail()),
    }
}

/// Classifies a parsed JSON document.
pub fn classify_json(v: Value) -> Result<BadgeDoc, ClassifyError> {
    if !v.is_object() {
        return Err(ClassifyError::NotABadge(detail!("the JSON is not an object")));
    }
    let contexts = json::strings(v.get("@context"));
    let types = json::strings(v.get("type"));
    let has_ctx = |set: &[&str]| {
        contexts
            .iter()
            .any(|c| set.contains(&c.trim_end_matches('/')))
    };
    // CLR 2.0 and presentations (issue #16).
    let v = match presentation::classify(v) {
        Ok(doc) => return doc,
        Err(v) => v,
    };
    // VC 2.0 §4.13: an enveloped credential (no VerifiableCredential type of its own).
    if types.iter().any(|t| t == enveloped::ENVELOPED_TYPE) {
        return Ok(BadgeDoc::Enveloped(
            v.get("id").and_then(Value::as_str).map(String::from),
        ));
    }
    let is_award = types
        .iter()
        .any(|t| t == "Assertion" || t == "VerifiableCredential");
    if !is_award {
        if let Some(what) = types.iter().find_map(|t| other_document(t)) {
            return Err(ClassifyError::NotABadge(detail!(
                "this is {what}, not a badge awarded to someone",
                what = cause(what)
            )));
        }
    }
    if has_ctx(VC_CONTEXTS) || types.iter().any(|t| t == "VerifiableCredential") {
        return Ok(BadgeDoc::Ob3Credential(Credential::new(v)));
    }
    if has_ctx(OB2_CONTEXTS) || types.iter().any(|t| t == "Assertion") {
        return Ok(BadgeDoc::Ob2Assertion(v));
    }
    if has_ctx(OB1_CONTEXTS)
        || (contexts.is_empty() && v.get("recipient").is_some() && v.get("badge").is_some())
    {
        return Ok(BadgeDoc::Ob1Assertion(v));
    }
    if types
        .iter()
        .any(|t| t == "BadgeClass" || t == "Achievement")
    {
        return Err(ClassifyError::NotABadge(detail!(
            "this is a badge definition (`BadgeClass`/`Achievement`), not an award to someone"
        )));
    }
    if types.iter().any(|t| t == "Issuer" || t == "Profile") {
        return Err(ClassifyError::NotABadge(detail!(
            "this is an issuer profile, not a badge"
        )));
    }
    Err(ClassifyError::NotABadge(detail!(
        "the JSON is neither an Open Badges 2.0 `Assertion` nor a Verifiable Credential"
    )))
}

/// Documents of the Open Badges model that are not awards, by their `type`.
fn other_document(t: &str) -> Option<Detail> {
    Some(match t {
        "BadgeClass" | "Achievement" => {
            detail!("a badge definition (`BadgeClass`/`Achievement`)")
        }
        "Issuer" | "Profile" => detail!("an issuer profile"),
        "CryptographicKey" => detail!("an issuer's public key"),
        "RevocationList" => detail!("an issuer's revocation list"),
        "Endorsement" => detail!("an OB 2.0 endorsement"),
        "Criteria" => detail!("badge criteria"),
        "AlignmentObject" => detail!("an alignment"),
        _ => return None,
    })
}

/// Classifies a compact JWS: OB 2.0 signed assertion or OB 3.0 VC-JWT.
pub fn classify_jws(compact: &str) -> Result<BadgeDoc, ClassifyError> {
    let jws = CompactJws::parse(compact).map_err(jws_refused)?;
    let claims = jws.payload_json().map_err(jws_refused)?;
    let compact = compact.trim().to_string();
    // A presentation or a CLR as a JWT (issue #16).
    if let Some(doc) = presentation::classify_jws(&jws, &compact, &claims) {
        return doc;
    }
    // VC 1.1 JWT: the credential sits in the `vc` claim (VC-JWT 1.1 §6.3.1).
    if let Some(vc) = claims.get("vc").filter(|v| v.is_object()) {
        let credential = Credential::new(vc.clone());
        return Ok(BadgeDoc::Ob3Jwt {
            jws,
            compact,
            claims,
            credential,
        });
    }
    match classify_json(claims.clone())? {
        BadgeDoc::Ob3Credential(credential) => Ok(BadgeDoc::Ob3Jwt { jws, compact, claims, credential }),
        BadgeDoc::Ob2Assertion(assertion) => Ok(BadgeDoc::Ob2Signed { jws, compact, assertion }),
        BadgeDoc::Ob1Assertion(_) => Err(ClassifyError::Unsupported(detail!(
            "a signed Open Badges 1.x assertion: not verifiable here (only hosted 1.x assertions are)"
        ))),
        _ => Err(ClassifyError::NotABadge(detail!(
            "the JWS payload is not a credential or an assertion this verifier reads"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn classifies_by_context_and_type() {
        let ob2 = json!({"@context":"https://w3id.org/openbadges/v2","type":"Assertion"});
        assert!(matches!(classify_json(ob2), Ok(BadgeDoc::Ob2Assertion(_))));
        let ob3 = json!({"@context":["https://www.w3.org/ns/credentials/v2"],"type":["VerifiableCredential","OpenBadgeCredential"]});
        assert!(matches!(classify_json(ob3), Ok(BadgeDoc::Ob3Credential(_))));
        let clr = json!({"type":["VerifiableCredential","ClrCredential"]});
        assert!(matches!(classify_json(clr), Ok(BadgeDoc::Clr(_))));
        let ob1 = json!({"recipient":"x","badge":"https://e/b"});
        assert!(matches!(classify_json(ob1), Ok(BadgeDoc::Ob1Assertion(_))));
        assert!(classify_json(json!([1])).is_err());
        assert!(classify_json(json!({"type":"BadgeClass"})).is_err());
        // VC 2.0 §4.13: an enveloped credential, whatever its id holds (read in verify).
        let env = json!({"@context":["https://www.w3.org/ns/credentials/v2"],"type":"EnvelopedVerifiableCredential","id":"data:application/vc+jwt,a.b.c"});
        assert_eq!(
            classify_json(env),
            Ok(BadgeDoc::Enveloped(Some("data:application/vc+jwt,a.b.c".into())))
        );
        let no_id = json!({"type":["EnvelopedVerifiableCredential"],"id":7});
        assert_eq!(classify_json(no_id), Ok(BadgeDoc::Enveloped(None)));
    }
}
