//! What an OB 2.0 badge looks like: filled from the Assertion, its BadgeClass and the issuer
//! Profile. Every value is untrusted text and is copied, never interpreted.

use crate::model::json::{each, id_of, str_of, strings};
use crate::report::{Alignment, BadgeDisplay, Criteria, Evidence, IssuerDisplay, RecipientDisplay};
use serde_json::Value;

fn text(v: Option<&Value>, key: &str) -> Option<String> {
    v.and_then(|v| str_of(v, key)).map(|s| s.to_string())
}

/// A boolean that sloppy issuers sometimes write as the string `"true"`.
pub fn loose_bool(v: Option<&Value>) -> Option<bool> {
    match v {
        Some(Value::Bool(b)) => Some(*b),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("true") => Some(true),
        Some(Value::String(s)) if s.eq_ignore_ascii_case("false") => Some(false),
        _ => None,
    }
}

/// The recipient IdentityObject (spec "IdentityObject": `type`, `identity`, `hashed`, `salt`).
/// OB 0.5 put a hashed e-mail string in `recipient` and the salt beside it.
pub fn recipient(a: &Value) -> Option<RecipientDisplay> {
    match a.get("recipient")? {
        r @ Value::Object(_) => Some(RecipientDisplay {
            kind: text(Some(r), "type"),
            identity: text(Some(r), "identity"),
            hashed: loose_bool(r.get("hashed")).unwrap_or(false),
            salt: text(Some(r), "salt"),
            name: None,
        }),
        Value::String(s) => {
            let hashed = crate::recipient::supported_hash(s) || s.contains('$');
            Some(RecipientDisplay {
                kind: Some("email".into()),
                identity: Some(s.clone()),
                hashed,
                salt: text(Some(a), "salt"),
                name: None,
            })
        }
        _ => None,
    }
}

/// An image: an IRI, a data URI, or an Image object's `id`.
fn image(v: Option<&Value>) -> Option<String> {
    id_of(v).map(String::from)
}

/// Display data. `badge`/`issuer` are the resolved BadgeClass and Profile when they are known;
/// otherwise whatever the assertion embeds is used.
pub fn build(
    a: &Value,
    badge: Option<&Value>,
    issuer: Option<&Value>,
    verify_url: Option<String>,
) -> BadgeDisplay {
    let badge = badge.or_else(|| a.get("badge").filter(|b| b.is_object()));
    let issuer = issuer.or_else(|| {
        badge
            .and_then(|b| b.get("issuer"))
            .filter(|i| i.is_object())
    });
    let issuer_id = issuer
        .and_then(|i| str_of(i, "id"))
        .or_else(|| badge.and_then(|b| id_of(b.get("issuer"))))
        .map(String::from);
    let criteria = badge.and_then(|b| b.get("criteria")).and_then(|c| match c {
        Value::String(s) => Some(Criteria {
            url: Some(s.clone()),
            narrative: None,
        }),
        Value::Object(_) => Some(Criteria {
            // A blank-node id (`_:b0`) is not a page to link to.
            url: str_of(c, "id")
                .filter(|s| !s.starts_with("_:"))
                .map(String::from),
            narrative: text(Some(c), "narrative"),
        }),
        _ => None,
    });
    let alignments = each(badge.and_then(|b| b.get("alignment")))
        .into_iter()
        .filter(|x| x.is_object())
        .map(|al| Alignment {
            name: text(Some(al), "targetName"),
            url: text(Some(al), "targetUrl"),
            description: text(Some(al), "targetDescription"),
            framework: text(Some(al), "targetFramework"),
            code: text(Some(al), "targetCode"),
        })
        .collect();
    let evidence = each(a.get("evidence"))
        .into_iter()
        .filter_map(|e| match e {
            Value::String(s) => Some(Evidence {
                url: Some(s.clone()),
                ..Default::default()
            }),
            Value::Object(_) => Some(Evidence {
                name: text(Some(e), "name"),
                description: text(Some(e), "description"),
                url: str_of(e, "id")
                    .filter(|s| !s.starts_with("_:"))
                    .map(String::from),
                narrative: text(Some(e), "narrative"),
            }),
            _ => None,
        })
        .collect();
    let date = |key: &str| match a.get(key) {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    BadgeDisplay {
        name: text(badge, "name"),
        description: text(badge, "description"),
        // The assertion's own (baked) image is the earner's copy; the BadgeClass image is the
        // badge's design. Either will do for display.
        image: image(badge.and_then(|b| b.get("image"))).or_else(|| image(a.get("image"))),
        issuer: IssuerDisplay {
            id: issuer_id,
            name: text(issuer, "name"),
            url: text(issuer, "url"),
            image: image(issuer.and_then(|i| i.get("image"))),
            email: text(issuer, "email"),
        },
        recipient: recipient(a),
        issued: date("issuedOn"),
        expires: date("expires"),
        criteria,
        alignments,
        tags: strings(badge.and_then(|b| b.get("tags"))),
        achievement_type: None,
        evidence,
        endorsements: Vec::new(),
        verify_url,
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn fills_from_badgeclass_and_issuer() {
        let a = json!({"recipient":{"type":"email","hashed":true,"salt":"s","identity":"sha256$ab"},
            "issuedOn":"2016-12-31T23:59:59Z","evidence":[{"id":"_:b1","narrative":"n"},"https://e.org/w"]});
        let bc = json!({"name":"N","description":"D","image":{"id":"data:image/png;base64,AA"},
            "criteria":{"id":"https://e.org/c","narrative":"do"},"tags":["a","b"],
            "alignment":[{"targetName":"T","targetUrl":"https://f.org/t","targetCode":"C1"}],"issuer":"https://e.org/i"});
        let issuer = json!({"id":"https://e.org/i","name":"I","url":"https://e.org","email":"x@e.org","image":"https://e.org/l.png"});
        let d = build(&a, Some(&bc), Some(&issuer), Some("https://e.org/a".into()));
        assert_eq!(d.name.as_deref(), Some("N"));
        assert_eq!(d.image.as_deref(), Some("data:image/png;base64,AA"));
        assert_eq!(
            d.criteria.as_ref().unwrap().narrative.as_deref(),
            Some("do")
        );
        assert_eq!(d.alignments[0].code.as_deref(), Some("C1"));
        assert_eq!(d.tags, vec!["a", "b"]);
        assert_eq!(d.issuer.email.as_deref(), Some("x@e.org"));
        assert_eq!(d.issuer.image.as_deref(), Some("https://e.org/l.png"));
        let r = d.recipient.unwrap();
        assert!(r.hashed);
        assert_eq!(r.salt.as_deref(), Some("s"));
        assert_eq!(d.evidence.len(), 2);
        assert_eq!(d.evidence[0].url, None);
    }
}
