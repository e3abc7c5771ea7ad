//! An OB 3.0 / Verifiable Credential as the verifier reads it: the JSON, plus what it is —
//! its data-model version and its kind — decided once here, so no check re-reads `@context`
//! or `type` to find out.

use super::json::strings;
use serde_json::Value;

pub const VC2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
pub const VC1_CONTEXT: &str = "https://www.w3.org/2018/credentials/v1";

/// The Verifiable Credentials data model a credential follows, by its first `@context`
/// (VC 2.0 §4.3, VC 1.1 §4.1: the base context comes first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcVersion {
    V1_1,
    V2_0,
}

impl VcVersion {
    pub fn of(c: &Value) -> Option<VcVersion> {
        let first = match c.get("@context") {
            Some(Value::Array(a)) => a.first().and_then(Value::as_str),
            Some(Value::String(s)) => Some(s.as_str()),
            _ => None,
        };
        match first {
            Some(VC2_CONTEXT) => Some(VcVersion::V2_0),
            Some(VC1_CONTEXT) => Some(VcVersion::V1_1),
            _ => None,
        }
    }

    /// As the checks name it ("VC 1.1", "VC 2.0").
    pub fn label(self) -> &'static str {
        match self {
            VcVersion::V1_1 => "VC 1.1",
            VcVersion::V2_0 => "VC 2.0",
        }
    }
}

/// What a credential claims to be, by its `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialKind {
    /// `OpenBadgeCredential` / `AchievementCredential`.
    OpenBadge,
    /// An OB 3.0 `EndorsementCredential`.
    Endorsement,
    /// Another kind of Verifiable Credential: verified as a VC, labelled as not an Open Badge.
    OtherVc,
}

impl CredentialKind {
    pub fn of(c: &Value) -> CredentialKind {
        let types = strings(c.get("type"));
        if types
            .iter()
            .any(|t| t == "OpenBadgeCredential" || t == "AchievementCredential")
        {
            CredentialKind::OpenBadge
        } else if types.iter().any(|t| t == "EndorsementCredential") {
            CredentialKind::Endorsement
        } else {
            CredentialKind::OtherVc
        }
    }
}

/// A credential document with its version and kind read once.
#[derive(Debug, Clone, PartialEq)]
pub struct Credential {
    pub json: Value,
    /// `None`: the first `@context` is neither VC base context (a conformance failure).
    pub version: Option<VcVersion>,
    pub kind: CredentialKind,
}

impl Credential {
    pub fn new(json: Value) -> Credential {
        Credential {
            version: VcVersion::of(&json),
            kind: CredentialKind::of(&json),
            json,
        }
    }

    /// VC 1.1 names its dates `issuanceDate`/`expirationDate` (VC 2.0: `validFrom`/`validUntil`).
    pub fn is_vc11(&self) -> bool {
        self.version == Some(VcVersion::V1_1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_by_the_first_context_only() {
        let v = |ctx: Value| VcVersion::of(&json!({ "@context": ctx }));
        assert_eq!(v(json!([VC2_CONTEXT, "x"])), Some(VcVersion::V2_0));
        assert_eq!(v(json!(VC1_CONTEXT)), Some(VcVersion::V1_1));
        assert_eq!(v(json!(["x", VC2_CONTEXT])), None);
        assert_eq!(v(json!(7)), None);
    }

    #[test]
    fn kind_by_type() {
        let k = |t: Value| Credential::new(json!({ "type": t })).kind;
        assert_eq!(
            k(json!(["VerifiableCredential", "AchievementCredential"])),
            CredentialKind::OpenBadge
        );
        assert_eq!(
            k(json!(["VerifiableCredential", "EndorsementCredential"])),
            CredentialKind::Endorsement
        );
        assert_eq!(k(json!("VerifiableCredential")), CredentialKind::OtherVc);
    }
}
