//! "Check the earner": whether what a recruiter typed is the badge's recipient.

use badge_verifier::report::Report;

/// Whether `given` (what a recruiter typed) is the badge's recipient: `None` when the badge
/// names no recipient that can be compared (no identity, unsupported hash).
pub fn earner_matches(report: &Report, given: &str) -> Option<bool> {
    let r = report.badge.as_ref()?.recipient.as_ref()?;
    let identity = r.identity.as_deref()?;
    if given.trim().is_empty() || (r.hashed && !badge_verifier::recipient::supported_hash(identity))
    {
        return None;
    }
    let claim = badge_verifier::recipient::RecipientClaim {
        identity,
        hashed: r.hashed,
        salt: r.salt.as_deref(),
    };
    Some(badge_verifier::recipient::matches(&claim, given))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_report as report;
    use badge_verifier::report::{BadgeDisplay, Format};

    #[test]
    fn earner_check_uses_the_hashed_identity() {
        use badge_verifier::report::RecipientDisplay;
        use sha2::{Digest, Sha256};
        let mut r = report(Format::Ob3Jwt, vec![]);
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
    }
}
