//! What an OB 3.0 credential shows: from `credentialSubject.achievement`, the issuer Profile,
//! the subject's `identifier`/`id` and `evidence`. A Verifiable Credential that is not an Open
//! Badge shows what it claims: its types, issuer, subject (id, name), its own name and
//! description, and dates. Every string is untrusted text.

use crate::model::credential::CredentialKind;
use crate::model::json::{each, id_of, str_of, strings};
use crate::report::{Alignment, BadgeDisplay, Criteria, Evidence, IssuerDisplay, RecipientDisplay};
use serde_json::Value;

fn text(v: Option<&Value>, k: &str) -> Option<String> {
    v.and_then(|v| str_of(v, k)).map(String::from)
}

/// An image is an IRI string or an `Image` object with `id` (OB 3.0 "Image").
fn image(v: Option<&Value>) -> Option<String> {
    id_of(v).map(String::from)
}

fn is_http(u: &str) -> bool {
    let l = u.to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// The earner as named by the subject: the first `identifier` (an e-mail one preferred), else
/// the subject `id`. `identityHash` is `sha256$…` when `hashed` (OB 3.0 "IdentityObject").
fn recipient(subject: Option<&Value>) -> Option<RecipientDisplay> {
    let subject = subject?;
    let ids: Vec<&Value> = each(subject.get("identifier"))
        .into_iter()
        .filter(|i| i.is_object())
        .collect();
    let chosen = ids
        .iter()
        .find(|i| str_of(i, "identityType") == Some("emailAddress"))
        .or_else(|| ids.first())
        .copied();
    let name = text(Some(subject), "name");
    if let Some(i) = chosen {
        return Some(RecipientDisplay {
            kind: text(Some(i), "identityType"),
            identity: text(Some(i), "identityHash"),
            hashed: i.get("hashed").and_then(Value::as_bool).unwrap_or(false),
            salt: text(Some(i), "salt"),
            name,
        });
    }
    // A subject named but not identified (a plain VC's subject may have only a name).
    let Some(id) = str_of(subject, "id") else {
        return name.map(|name| RecipientDisplay {
            name: Some(name),
            ..Default::default()
        });
    };
    let kind = if id.starts_with("did:") {
        "did"
    } else if id.starts_with("mailto:") {
        "email"
    } else {
        "id"
    };
    Some(RecipientDisplay {
        kind: Some(kind.into()),
        identity: Some(id.into()),
        hashed: false,
        salt: None,
        name,
    })
}

fn alignments(achievement: Option<&Value>) -> Vec<Alignment> {
    each(achievement.and_then(|a| a.get("alignment")))
        .into_iter()
        .filter(|a| a.is_object())
        .map(|a| Alignment {
            name: text(Some(a), "targetName"),
            url: text(Some(a), "targetUrl"),
            description: text(Some(a), "targetDescription"),
            framework: text(Some(a), "targetFramework"),
            code: text(Some(a), "targetCode"),
        })
        .collect()
}

fn evidence(c: &Value) -> Vec<Evidence> {
    each(c.get("evidence"))
        .into_iter()
        .map(|e| match e {
            Value::String(s) => Evidence {
                url: Some(s.clone()),
                ..Default::default()
            },
            e => Evidence {
                name: text(Some(e), "name"),
                description: text(Some(e), "description"),
                url: text(Some(e), "id"),
                narrative: text(Some(e), "narrative"),
            },
        })
        .collect()
}

/// Display data for a credential.
pub fn display(c: &Value) -> BadgeDisplay {
    let subject = c.get("credentialSubject").map(|s| match s {
        Value::Array(a) => a.first().unwrap_or(s),
        s => s,
    });
    let achievement = subject
        .and_then(|s| s.get("achievement"))
        .filter(|a| a.is_object());
    let issuer = c.get("issuer");
    let issuer_obj = issuer.filter(|i| i.is_object());
    let achievement_type = achievement.and_then(|a| match a.get("achievementType") {
        Some(Value::String(s)) => Some(s.clone()),
        other => strings(other).first().cloned(),
    });
    BadgeDisplay {
        name: text(achievement, "name").or_else(|| text(Some(c), "name")),
        description: text(achievement, "description").or_else(|| text(Some(c), "description")),
        image: image(achievement.and_then(|a| a.get("image"))).or_else(|| image(c.get("image"))),
        issuer: IssuerDisplay {
            id: id_of(issuer).map(String::from),
            name: text(issuer_obj, "name"),
            url: text(issuer_obj, "url"),
            image: image(issuer_obj.and_then(|i| i.get("image"))),
            email: text(issuer_obj, "email"),
        },
        recipient: recipient(subject),
        issued: text(Some(c), "validFrom").or_else(|| text(Some(c), "issuanceDate")),
        expires: text(Some(c), "validUntil").or_else(|| text(Some(c), "expirationDate")),
        criteria: achievement
            .and_then(|a| a.get("criteria"))
            .filter(|cr| cr.is_object())
            .map(|cr| Criteria {
                url: text(Some(cr), "id"),
                narrative: text(Some(cr), "narrative"),
            }),
        alignments: alignments(achievement),
        tags: strings(achievement.and_then(|a| a.get("tag"))),
        achievement_type,
        evidence: evidence(c),
        verify_url: str_of(c, "id").filter(|u| is_http(u)).map(String::from),
        // What a Verifiable Credential that is not an Open Badge claims to be (issue #16).
        credential_types: match CredentialKind::of(c) {
            CredentialKind::OtherVc => strings(c.get("type")),
            _ => Vec::new(),
        },
        ..Default::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_achievement_issuer_identifier_and_evidence() {
        let c = json!({
            "id": "https://issuer.example/c/1",
            "issuer": {"id":"https://issuer.example","type":"Profile","name":"Issuer","url":"https://issuer.example/home","email":"a@issuer.example","image":{"id":"https://issuer.example/logo.png","type":"Image"}},
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {
                "identifier": [{"type":"IdentityObject","identityType":"emailAddress","hashed":true,"identityHash":"sha256$abc","salt":"s"}],
                "achievement": {"name":"A","description":"D","image":"https://issuer.example/a.png","achievementType":"Certificate",
                    "criteria":{"id":"https://issuer.example/crit","narrative":"do it"},
                    "alignment":[{"type":"Alignment","targetName":"T","targetUrl":"https://t.example","targetCode":"x"}], "tag":["t1","t2"]}
            },
            "evidence": [{"id":"https://e.example/1","name":"E","narrative":"N"}]
        });
        let d = display(&c);
        assert_eq!(d.name.as_deref(), Some("A"));
        assert_eq!(d.image.as_deref(), Some("https://issuer.example/a.png"));
        assert_eq!(
            d.issuer.image.as_deref(),
            Some("https://issuer.example/logo.png")
        );
        assert_eq!(d.issuer.email.as_deref(), Some("a@issuer.example"));
        let r = d.recipient.unwrap();
        assert!(r.hashed);
        assert_eq!(
            (r.kind.as_deref(), r.identity.as_deref(), r.salt.as_deref()),
            (Some("emailAddress"), Some("sha256$abc"), Some("s"))
        );
        assert_eq!(
            d.criteria.unwrap().url.as_deref(),
            Some("https://issuer.example/crit")
        );
        assert_eq!(d.alignments[0].code.as_deref(), Some("x"));
        assert_eq!(d.tags, vec!["t1", "t2"]);
        assert_eq!(d.achievement_type.as_deref(), Some("Certificate"));
        assert_eq!(d.evidence[0].narrative.as_deref(), Some("N"));
        assert_eq!(d.verify_url.as_deref(), Some("https://issuer.example/c/1"));
    }

    #[test]
    fn a_plain_vc_shows_its_types_subject_and_name() {
        let c = json!({"type":["VerifiableCredential","AlumniCredential"],"name":"Alumni Credential",
            "description":"D","issuer":"https://vc.example/issuers/5678","validFrom":"2023-01-01T00:00:00Z",
            "credentialSubject":{"name":"Jane","alumniOf":"The School of Examples"}});
        let d = display(&c);
        assert_eq!(d.credential_types, vec!["VerifiableCredential", "AlumniCredential"]);
        assert_eq!(d.name.as_deref(), Some("Alumni Credential"));
        assert_eq!(d.description.as_deref(), Some("D"));
        assert_eq!(d.issuer.id.as_deref(), Some("https://vc.example/issuers/5678"));
        assert_eq!(d.issued.as_deref(), Some("2023-01-01T00:00:00Z"));
        let r = d.recipient.unwrap();
        assert_eq!((r.name.as_deref(), r.identity), (Some("Jane"), None));
        // A badge carries no credential_types.
        let badge = json!({"type":["VerifiableCredential","OpenBadgeCredential"]});
        assert!(display(&badge).credential_types.is_empty());
    }

    #[test]
    fn subject_id_and_non_http_credential_id() {
        let c = json!({"id":"urn:uuid:1","credentialSubject":{"id":"did:example:123","achievement":{"image":{"id":"data:image/png;base64,AA","type":"Image"}}}});
        let d = display(&c);
        assert_eq!(
            d.recipient.unwrap().identity.as_deref(),
            Some("did:example:123")
        );
        assert_eq!(d.image.as_deref(), Some("data:image/png;base64,AA"));
        assert!(d.verify_url.is_none());
    }
}
