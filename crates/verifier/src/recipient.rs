//! Recipient identity matching: does the identity a user typed match the badge's recipient?
//!
//! OB 2.0 `IdentityObject` (spec "IdentityObject"): `identity` is the plaintext, or when
//! `hashed` is true, `sha256$<hex>` / `md5$<hex>` of the identity with `salt` appended.
//! OB 3.0 `IdentityObject` (`identityHash`, `hashed`, `salt`) uses the same scheme.

use crate::report::{RecipientDisplay, Report};
use md5::Md5;
use sha2::{Digest, Sha256};

/// The badge's claim about its recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecipientClaim<'a> {
    /// The identity as the badge gives it: plain (an e-mail, a URL …) or a hash `algorithm$hex`.
    pub identity: &'a str,
    /// Whether `identity` is a hash of the identity rather than the identity itself.
    pub hashed: bool,
    /// The salt appended to the identity before hashing, if any.
    pub salt: Option<&'a str>,
}

/// Whether `given` (what the user typed) is the recipient. E-mail addresses are compared
/// case-insensitively (issuers commonly hash the lower-cased address), and surrounding spaces
/// are ignored.
pub fn matches(claim: &RecipientClaim<'_>, given: &str) -> bool {
    let given = given.trim();
    if given.is_empty() {
        return false;
    }
    let candidates = candidates(given);
    if !claim.hashed {
        return candidates.iter().any(|c| c == claim.identity.trim())
            || (given.contains('@') && claim.identity.trim().eq_ignore_ascii_case(given));
    }
    let Some((alg, hex_digest)) = claim.identity.split_once('$') else {
        return false;
    };
    let salt = claim.salt.unwrap_or("");
    candidates.iter().any(|c| {
        let computed = match alg.to_ascii_lowercase().as_str() {
            "sha256" => hex::encode(Sha256::digest(format!("{c}{salt}").as_bytes())),
            "md5" => hex::encode(Md5::digest(format!("{c}{salt}").as_bytes())),
            _ => return false,
        };
        computed.eq_ignore_ascii_case(hex_digest.trim())
    })
}

/// Why a badge's recipient cannot be compared with an identity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Uncomparable {
    /// The recipient has no identity.
    NoIdentity,
    /// The identity is hashed with an algorithm this module cannot compute.
    UnsupportedHash,
}

/// Whether `given` is the recipient the badge names: the one rule for the report's
/// `recipient` check and the app's "check the earner" ([`earner_matches`]).
pub fn compare(r: &RecipientDisplay, given: &str) -> Result<bool, Uncomparable> {
    let identity = r.identity.as_deref().ok_or(Uncomparable::NoIdentity)?;
    if r.hashed && !supported_hash(identity) {
        return Err(Uncomparable::UnsupportedHash);
    }
    let claim = RecipientClaim {
        identity,
        hashed: r.hashed,
        salt: r.salt.as_deref(),
    };
    Ok(matches(&claim, given))
}

/// Whether `given` (what someone typed after the report was made) is the badge's recipient:
/// `None` when nothing was given or the badge names no recipient that can be compared.
pub fn earner_matches(report: &Report, given: &str) -> Option<bool> {
    if given.trim().is_empty() {
        return None;
    }
    let r = report.badge.as_ref()?.recipient.as_ref()?;
    compare(r, given).ok()
}

/// Whether a hash algorithm prefix is one this module can check.
pub fn supported_hash(identity: &str) -> bool {
    matches!(
        identity
            .split_once('$')
            .map(|(a, _)| a.to_ascii_lowercase())
            .as_deref(),
        Some("sha256" | "md5")
    )
}

fn candidates(given: &str) -> Vec<String> {
    let mut v = vec![given.to_string()];
    let lower = crate::unicode::lowercase(given);
    if lower != given {
        v.push(lower);
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sha(s: &str) -> String {
        format!("sha256${}", hex::encode(Sha256::digest(s.as_bytes())))
    }

    #[test]
    fn salted_sha256_matches_and_mismatches() {
        let id = sha("alice@example.orgdeadsea");
        let claim = RecipientClaim {
            identity: &id,
            hashed: true,
            salt: Some("deadsea"),
        };
        assert!(matches(&claim, "alice@example.org"));
        assert!(matches(&claim, " Alice@Example.org "));
        assert!(!matches(&claim, "bob@example.org"));
        assert!(!matches(&claim, ""));
    }

    #[test]
    fn md5_and_unsalted() {
        let id = format!("md5${}", hex::encode(Md5::digest(b"bob@example.org")));
        let claim = RecipientClaim {
            identity: &id,
            hashed: true,
            salt: None,
        };
        assert!(matches(&claim, "bob@example.org"));
        assert!(supported_hash(&id));
        assert!(!supported_hash("sha1$abc"));
    }

    #[test]
    fn plaintext() {
        let claim = RecipientClaim {
            identity: "did:example:123",
            hashed: false,
            salt: None,
        };
        assert!(matches(&claim, "did:example:123"));
        assert!(!matches(&claim, "did:example:124"));
    }

    #[test]
    fn unknown_algorithm_never_matches() {
        let claim = RecipientClaim {
            identity: "sha1$abcdef",
            hashed: true,
            salt: None,
        };
        assert!(!matches(&claim, "abcdef"));
    }

    /// The app's "check the earner" (moved from the view): the same rule as the
    /// report's check, on a finished report.
    #[test]
    fn earner_check_uses_the_hashed_identity() {
        use crate::report::{BadgeDisplay, Expert};
        let mut r = Report::new("in", None, None, None, vec![], Expert::default(), None);
        assert_eq!(earner_matches(&r, "a@b.c"), None);
        let h = hex::encode(Sha256::digest(b"a@b.cpepper"));
        r.badge = Some(BadgeDisplay {
            recipient: Some(RecipientDisplay {
                kind: Some("emailAddress".into()),
                identity: Some(format!("sha256${h}")),
                hashed: true,
                salt: Some("pepper".into()),
                name: None,
            }),
            ..Default::default()
        });
        assert_eq!(earner_matches(&r, " A@b.c "), Some(true));
        assert_eq!(earner_matches(&r, "x@b.c"), Some(false));
        assert_eq!(earner_matches(&r, ""), None);
        if let Some(rec) = r.badge.as_mut().and_then(|b| b.recipient.as_mut()) {
            rec.identity = Some(format!("sha1${h}"));
        }
        assert_eq!(earner_matches(&r, "a@b.c"), None);
    }
}
