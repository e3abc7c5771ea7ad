//! OB 2.0 revocation lists (spec `ob_v2p0/index.md`, "Revocation List" and "Revoking a Signed
//! Badge"): the issuer Profile's `revocationList` names a document whose `revokedAssertions`
//! holds the revoked assertions as plain id strings or objects with `id` (or legacy `uid`) and
//! an optional `revocationReason`.

use crate::detail;
use crate::detail::Detail;
use crate::model::json::{each, has_type, str_of};
use serde_json::Value;

/// An entry of `revokedAssertions` that names the assertion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revoked {
    /// The published reason, if any (untrusted text).
    pub reason: Option<String>,
    /// Whether the entry matched by `id` (`false`: by legacy `uid`).
    pub by_id: bool,
}

/// Why a document cannot be used as a revocation list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListError(pub Detail);

impl std::fmt::Display for ListError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl From<ListError> for Detail {
    fn from(e: ListError) -> Detail {
        e.0
    }
}

/// Looks up an assertion in a revocation list by its `id` (and, for legacy badges, `uid`).
/// `Ok(None)`: not revoked. An entry object with `revoked: false` does not revoke.
pub fn lookup(
    list: &Value,
    id: Option<&str>,
    uid: Option<&str>,
) -> Result<Option<Revoked>, ListError> {
    if !list.is_object() {
        return Err(ListError(detail!("the revocation list is not a JSON object")));
    }
    if list.get("type").is_some() && !has_type(list, "RevocationList") {
        return Err(ListError(detail!(
            "the document's type is not `RevocationList`"
        )));
    }
    let Some(entries) = list.get("revokedAssertions") else {
        return Err(ListError(detail!(
            "the revocation list has no `revokedAssertions`"
        )));
    };
    if !(entries.is_array() || entries.is_string() || entries.is_object()) {
        return Err(ListError(detail!(
            "`revokedAssertions` is neither a list, a string nor an object"
        )));
    }
    let id = id.map(str::trim).filter(|s| !s.is_empty());
    let uid = uid.map(str::trim).filter(|s| !s.is_empty());
    for entry in each(Some(entries)) {
        let (entry_id, entry_uid, reason) = match entry {
            Value::String(s) => (Some(s.as_str()), None, None),
            Value::Object(_) => {
                // "revoked: Defaults to true if present in a revokedAssertions list".
                if entry.get("revoked").and_then(Value::as_bool) == Some(false) {
                    continue;
                }
                (
                    str_of(entry, "id"),
                    str_of(entry, "uid"),
                    str_of(entry, "revocationReason"),
                )
            }
            _ => continue,
        };
        let reason = reason.map(String::from);
        if id.is_some() && entry_id.map(str::trim) == id {
            return Ok(Some(Revoked {
                reason,
                by_id: true,
            }));
        }
        if uid.is_some() && entry_uid.map(str::trim) == uid {
            return Ok(Some(Revoked {
                reason,
                by_id: false,
            }));
        }
    }
    Ok(None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn list() -> Value {
        json!({
            "@context": "https://w3id.org/openbadges/v2",
            "type": "RevocationList",
            "revokedAssertions": [
                {"id": "https://e.org/a/1", "revocationReason": "awarded in error"},
                {"uid": "abc123"},
                "urn:uuid:2",
                {"id": "https://e.org/a/3", "revoked": false}
            ]
        })
    }

    #[test]
    fn finds_by_id_object_string_and_uid() {
        let l = list();
        let r = lookup(&l, Some("https://e.org/a/1"), None)
            .unwrap()
            .unwrap();
        assert_eq!(r.reason.as_deref(), Some("awarded in error"));
        assert!(lookup(&l, Some("urn:uuid:2"), None).unwrap().is_some());
        let r = lookup(&l, Some("https://e.org/other"), Some("abc123"))
            .unwrap()
            .unwrap();
        assert!(!r.by_id);
        assert_eq!(lookup(&l, Some("https://e.org/a/3"), None), Ok(None));
        assert_eq!(lookup(&l, Some("https://e.org/a/9"), None), Ok(None));
        assert_eq!(lookup(&l, None, None), Ok(None));
    }

    #[test]
    fn malformed_lists_are_errors() {
        assert!(lookup(&json!([1]), Some("x"), None).is_err());
        assert!(lookup(&json!({"type": "RevocationList"}), Some("x"), None).is_err());
        assert!(lookup(
            &json!({"type": "Issuer", "revokedAssertions": []}),
            Some("x"),
            None
        )
        .is_err());
        assert_eq!(
            lookup(&json!({"revokedAssertions": []}), Some("x"), None),
            Ok(None)
        );
    }
}
