//! What a signature that could not be verified means for the badge: proof and key errors
//! ([`crate::proof::Failure`]) become checks here, in the layer that builds the report.

use crate::check::{Check, CheckId, Verdict};
use crate::proof::Failure;

/// The check for a signature (or its key) that could not be verified: the one place that
/// decides what that means for the badge.
/// - Left to the full verifier by this build (feature `extended-suites` off: the app's
///   first-load build; RS256, PS256, ES384, ES256K, RSA / P-384 / secp256k1 keys,
///   ecdsa-sd-2023): a `full-verifier` check, not checked, the badge unverifiable until the app
///   has loaded the full verifier and verified it again.
/// - Not implemented here (ES512, PS384, bbs-2023, a P-521 or Ed448 key …): `not-checked`, the badge is unverifiable, never invalid and never valid. Such a
///   badge may be perfectly good: OB 3.0 integrity.md, JOSE header `alg`: "The signing
///   algorithm MUST be "RS256" as a minimum … Support for other algorithms is permitted".
/// - Anything else (malformed input, a bad signature, a key whose type contradicts the
///   algorithm, `none` or an HMAC, RFC 8725 §3.1–3.2): failed, the badge is invalid.
///
/// `context` prefixes the detail ("the jwk header: " …).
pub fn failure_check<E: Failure + ?Sized>(id: CheckId, context: &str, e: &E) -> Check {
    if e.needs_full_verifier() {
        Check::unverifiable(
            CheckId::FullVerifier,
            format!(
                "{context}{e} are verified by the full verifier, which this page loads on demand"
            ),
        )
    } else if e.not_implemented() {
        Check::unverifiable(id, format!("not checked: {context}{e}"))
    } else {
        Check::failed(id, Verdict::Invalid, format!("{context}{e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::jose::{jws, keys};
    use crate::proof::data_integrity;
    use crate::report::Outcome;

    #[test]
    fn not_implemented_is_not_checked_everything_else_invalid() {
        let unsupported = jws::Alg::from_header(Some("ES512")).unwrap_err();
        let c = failure_check(CheckId::Proof, "", &unsupported);
        assert_eq!(
            (c.outcome, c.effect),
            (Outcome::NotChecked, Some(Verdict::Unverifiable))
        );
        assert!(
            c.detail.starts_with("not checked: ") && c.detail.contains("ES512"),
            "{c:?}"
        );
        let refused = jws::Alg::from_header(Some("HS256")).unwrap_err();
        let c = failure_check(CheckId::Proof, "", &refused);
        assert_eq!(
            (c.outcome, c.effect),
            (Outcome::Failed, Some(Verdict::Invalid))
        );
        let suite = data_integrity::ProofError::Unsupported("cryptosuite bbs-2023".into());
        assert_eq!(
            failure_check(CheckId::Proof, "", &suite).effect,
            Some(Verdict::Unverifiable)
        );
        let bad = data_integrity::ProofError::BadSignature;
        assert_eq!(
            failure_check(CheckId::Proof, "", &bad).effect,
            Some(Verdict::Invalid)
        );
        let key = keys::KeyError::unsupported("P-384");
        let c = failure_check(CheckId::ProofMethod, "the jwk header: ", &key);
        assert_eq!(c.effect, Some(Verdict::Unverifiable));
        assert!(
            c.detail
                .contains("the jwk header: unsupported key type P-384"),
            "{c:?}"
        );
        let malformed = keys::KeyError("invalid P-256 key".into());
        assert_eq!(
            failure_check(CheckId::ProofMethod, "", &malformed).effect,
            Some(Verdict::Invalid)
        );
        // Left to the full verifier: its own check, never passed, never invalid.
        for (c, what) in [
            (
                failure_check(
                    CheckId::Proof,
                    "",
                    &jws::JwsError::NeedsFullVerifier("ES384"),
                ),
                "ES384 signatures are verified by the full verifier",
            ),
            (
                failure_check(
                    CheckId::Proof,
                    "proof 1: ",
                    &data_integrity::ProofError::NeedsFullVerifier("ecdsa-sd-2023 proofs"),
                ),
                "proof 1: ecdsa-sd-2023 proofs are verified by the full verifier",
            ),
        ] {
            assert_eq!(
                (c.id, c.outcome, c.effect),
                (
                    CheckId::FullVerifier,
                    Outcome::NotChecked,
                    Some(Verdict::Unverifiable)
                )
            );
            assert!(c.detail.starts_with(what), "{c:?}");
        }
        assert_eq!(
            failure_check(CheckId::ProofMethod, "", &malformed).effect,
            Some(Verdict::Invalid)
        );
    }
}
