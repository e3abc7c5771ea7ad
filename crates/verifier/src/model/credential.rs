//! An OB 3.0 / Verifiable Credential as the verifier reads it: the JSON, plus what it is —
//! its data-model version and its kind — decided once here, so no check re-reads `@context`
//! or `type` to find out.

use super::json::{str_of, strings};
use serde_json::Value;

/// The VC 2.0 base context (VC 2.0 §4.3).
pub const VC2_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The VC 1.1 base context (VC 1.1 §4.1).
pub const VC1_CONTEXT: &str = "https://www.w3.org/2018/credentials/v1";

/// The Verifiable Credentials data model a credential follows, by its first `@context`
/// (VC 2.0 §4.3, VC 1.1 §4.1: the base context comes first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VcVersion {
    /// Verifiable Credentials Data Model 1.1.
    V1_1,
    /// Verifiable Credentials Data Model 2.0.
    V2_0,
}

impl VcVersion {
    /// The version a document's first `@context` names; `None` if it is neither base context.
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
    /// What `c` claims to be, by its `type`.
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

/// One of a credential's two dates, which VC 2.0 and VC 1.1 name differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialDate {
    /// VC 2.0 `validFrom`, VC 1.1 `issuanceDate`.
    ValidFrom,
    /// VC 2.0 `validUntil`, VC 1.1 `expirationDate`.
    ValidUntil,
}

impl CredentialDate {
    /// The VC 2.0 name, then the VC 1.1 name.
    pub fn names(self) -> [&'static str; 2] {
        match self {
            CredentialDate::ValidFrom => ["validFrom", "issuanceDate"],
            CredentialDate::ValidUntil => ["validUntil", "expirationDate"],
        }
    }
}

/// The first of `names` that `json` has as a string, with the name it was found under.
pub fn first_string<'a>(json: &'a Value, names: [&'static str; 2]) -> Option<(&'a str, &'static str)> {
    names
        .into_iter()
        .find_map(|n| str_of(json, n).map(|s| (s, n)))
}

/// A credential document with its version and kind read once.
#[derive(Debug, Clone, PartialEq)]
pub struct Credential {
    /// The credential as JSON.
    pub json: Value,
    /// `None`: the first `@context` is neither VC base context (a conformance failure).
    pub version: Option<VcVersion>,
    /// What it claims to be.
    pub kind: CredentialKind,
}

impl Credential {
    /// Reads the version and kind of `json` once.
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

    /// The names of `which`, the data model's own first (OB 3.0 verification.md step 4 note:
    /// a credential may carry both).
    fn date_names(&self, which: CredentialDate) -> [&'static str; 2] {
        let [v2, v11] = which.names();
        if self.is_vc11() {
            [v11, v2]
        } else {
            [v2, v11]
        }
    }

    /// The date `which` and the property it was read from, by the data model's own name first.
    pub fn date(&self, which: CredentialDate) -> Option<(&str, &'static str)> {
        first_string(&self.json, self.date_names(which))
    }

    /// The data model's own name for `which` (to name it when it is absent).
    pub fn date_name(&self, which: CredentialDate) -> &'static str {
        self.date_names(which)[0]
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

    #[test]
    fn dates_by_the_data_models_own_name_first() {
        let both = |ctx: &str| {
            Credential::new(json!({
                "@context": [ctx],
                "validFrom": "2024-01-01T00:00:00Z",
                "issuanceDate": "2023-01-01T00:00:00Z",
            }))
        };
        let v2 = both(VC2_CONTEXT);
        assert_eq!(
            v2.date(CredentialDate::ValidFrom),
            Some(("2024-01-01T00:00:00Z", "validFrom"))
        );
        let v11 = both(VC1_CONTEXT);
        assert_eq!(
            v11.date(CredentialDate::ValidFrom),
            Some(("2023-01-01T00:00:00Z", "issuanceDate"))
        );
        assert_eq!(v11.date(CredentialDate::ValidUntil), None);
        assert_eq!(v11.date_name(CredentialDate::ValidUntil), "expirationDate");
        assert_eq!(v2.date_name(CredentialDate::ValidUntil), "validUntil");
        // Only the name the credential has: the other model's name is read too.
        let only = Credential::new(json!({"@context": [VC1_CONTEXT], "validUntil": "x"}));
        assert_eq!(only.date(CredentialDate::ValidUntil), Some(("x", "validUntil")));
    }
}
