//! 1EdTech Revocation List (`credentialStatus.type` "1EdTechRevocationList", [VCRL-10], named by
//! OB 3.0 `verification.md` step 4): the status `id` is the URL of a list document whose
//! `revokedCredential` entries name revoked credentials by `id`, optionally with a
//! `revocationReason`.
//!
//! VCRL-10 itself was not available offline; entries are read leniently: the property may be
//! `revokedCredential` or `revokedCredentials`, each entry an id string or an object with `id`.

use crate::detail::Detail;
use crate::model::json::{each, id_of, str_of};
use serde_json::Value;

/// The list's answer for one credential.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup {
    /// The list does not revoke this credential.
    NotRevoked,
    /// Revoked, with the published reason (untrusted text).
    Revoked(Option<String>),
}

/// Looks `credential_id` up in a revocation list document.
pub fn lookup(list: &Value, credential_id: &str) -> Result<Lookup, Detail> {
    if !list.is_object() {
        return Err(crate::detail!("the revocation list is not a JSON object"));
    }
    let entries = list
        .get("revokedCredential")
        .or_else(|| list.get("revokedCredentials"))
        .ok_or(crate::detail!(
            "the document has no `revokedCredential` list: not a 1EdTech revocation list"
        ))?;
    if !(entries.is_array() || entries.is_object() || entries.is_string()) {
        return Err(crate::detail!(
            "`revokedCredential` is neither a list, an object nor a string"
        ));
    }
    let wanted = credential_id.trim();
    for e in each(Some(entries)) {
        if id_of(Some(e)).map(str::trim) == Some(wanted) {
            let reason = match e {
                Value::Object(_) => str_of(e, "revocationReason")
                    .or_else(|| str_of(e, "reason"))
                    .map(String::from),
                _ => None,
            };
            return Ok(Lookup::Revoked(reason));
        }
    }
    Ok(Lookup::NotRevoked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn finds_entries_by_id() {
        let list = json!({"id":"https://i.example/rl","issuer":"https://i.example",
            "revokedCredential":[{"id":"urn:uuid:1","revocationReason":"mistake"},"urn:uuid:2"]});
        assert_eq!(
            lookup(&list, "urn:uuid:1"),
            Ok(Lookup::Revoked(Some("mistake".into())))
        );
        assert_eq!(lookup(&list, "urn:uuid:2"), Ok(Lookup::Revoked(None)));
        assert_eq!(lookup(&list, "urn:uuid:3"), Ok(Lookup::NotRevoked));
        let plural = json!({"revokedCredentials":[]});
        assert_eq!(lookup(&plural, "urn:uuid:1"), Ok(Lookup::NotRevoked));
    }

    #[test]
    fn rejects_other_documents() {
        assert!(lookup(&json!([1]), "x").is_err());
        assert!(lookup(&json!({"revokedAssertions":[]}), "x").is_err());
        assert!(lookup(&json!({"revokedCredential":5}), "x").is_err());
    }
}
