//! How the issuer is vouched for, as the card says it.

use badge_verifier::report::{Report, Verdict};

/// How far the issuer is vouched for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerTrust {
    /// A signature verified with a key the issuer controls.
    VerifiedKey,
    /// An OB 2.0 hosted assertion fetched from the issuer's own site.
    Hosted,
    Unverified,
}

/// How the issuer is vouched for, read from the report's [`badge_verifier::trust::IssuedBy`] (the fact
/// the verdict rests on), and only on a valid report: a card that is not valid never shows
/// "verified issuer key".
pub fn issuer_trust(report: &Report) -> IssuerTrust {
    use badge_verifier::trust::IssuedHow;
    match (&report.issued_by, report.verdict) {
        (Some(i), Verdict::Valid) => match i.how {
            IssuedHow::Signature { .. } => IssuerTrust::VerifiedKey,
            IssuedHow::Hosted { .. } => IssuerTrust::Hosted,
            // A presentation has no issuer: each credential inside carries its own (issue #16).
            IssuedHow::Presented { .. } => IssuerTrust::Unverified,
        },
        _ => IssuerTrust::Unverified,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_report as report;
    use badge_verifier::report::{Check, CheckId, Expert, Format};

    #[test]
    fn issuer_trust_needs_the_fact_and_a_valid_verdict() {
        // Checks alone, however green, never make a verified issuer.
        let ok = report(Format::Ob3Jwt, vec![Check::passed(CheckId::Proof, "ok")]);
        assert_eq!(ok.verdict, Verdict::Unverifiable);
        assert_eq!(issuer_trust(&ok), IssuerTrust::Unverified);
        let issued = badge_verifier::trust::Issued::for_view_tests("https://issuer.example");
        let hosted = Report::new(
            "in",
            Some(Format::Ob2Hosted),
            None,
            None,
            vec![Check::passed(CheckId::Id, "ok")],
            Expert::default(),
            Some(issued.clone()),
        );
        assert_eq!(issuer_trust(&hosted), IssuerTrust::Hosted);
        let bad = Report::new(
            "in",
            Some(Format::Ob3Jwt),
            None,
            None,
            vec![Check::failed(CheckId::Expiry, Verdict::Expired, "expired")],
            Expert::default(),
            Some(issued),
        );
        assert_eq!(issuer_trust(&bad), IssuerTrust::Unverified);
    }
}
