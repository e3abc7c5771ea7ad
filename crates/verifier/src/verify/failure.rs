//! What a signature that could not be verified means for the badge: proof and key errors
//! ([`crate::proof::Failure`]) become checks here, in the layer that builds the report.

use crate::check::{Check, CheckId, Verdict};
use crate::detail;
use crate::detail::{cause, Detail};
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
pub fn failure_check<E: Failure + ?Sized>(id: CheckId, e: &E) -> Check {
    failure_check_in(id, None, e)
}

/// [`failure_check`] with a context that prefixes the detail ("the `jwk` header").
pub fn failure_check_in<E: Failure + ?Sized>(id: CheckId, context: Option<Detail>, e: &E) -> Check {
    let why = cause(e.detail());
    if e.needs_full_verifier() {
        Check::unverifiable(
            CheckId::FullVerifier,
            match context {
                None => detail!(
                    "{what} are verified by the full verifier, which this page loads on demand",
                    what = why
                ),
                Some(c) => detail!(
                    "{context}: {what} are verified by the full verifier, which this page loads on demand",
                    context = cause(c),
                    what = why
                ),
            },
        )
    } else if e.not_implemented() {
        Check::unverifiable(
            id,
            match context {
                None => detail!("not checked: {why}", why = why),
                Some(c) => detail!(
                    "not checked: {context}: {why}",
                    context = cause(c),
                    why = why
                ),
            },
        )
    } else {
        Check::failed(
            id,
            Verdict::Invalid,
            match context {
                None => detail!("{why}", why = why),
                Some(c) => detail!("{context}: {why}", context = cause(c), why = why),
            },
        )
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
        let c = failure_check(CheckId::Proof, &unsupported);
        assert_eq!(
            (c.outcome, c.effect),
            (Outcome::NotChecked, Some(Verdict::Unverifiable))
        );
        assert!(
            c.detail.starts_with("not checked: ") && c.detail.contains("ES512"),
            "{c:?}"
        );
        let refused = jws::Alg::from_header(Some("HS256")).unwrap_err();
        let c = failure_check(CheckId::Proof, &refused);
        assert_eq!(
            (c.outcome, c.effect),
            (Outcome::Failed, Some(Verdict::Invalid))
        );
        let suite = data_integrity::ProofError::NotImplemented("cryptosuite bbs-2023".into());
        assert_eq!(
            failure_check(CheckId::Proof, &suite).effect,
            Some(Verdict::Unverifiable)
        );
        let bad = data_integrity::ProofError::BadSignature;
        assert_eq!(
            failure_check(CheckId::Proof, &bad).effect,
            Some(Verdict::Invalid)
        );
        let key = keys::KeyError::unsupported("P-384");
        let c = failure_check_in(
            CheckId::ProofMethod,
            Some(crate::detail!("the `jwk` header")),
            &key,
        );
        assert_eq!(c.effect, Some(Verdict::Unverifiable));
        assert!(
            c.detail
                .contains("the jwk header: unsupported key type P-384"),
            "{c:?}"
        );
        let malformed = keys::KeyError("invalid P-256 key".into());
        assert_eq!(
            failure_check(CheckId::ProofMethod, &malformed).effect,
            Some(Verdict::Invalid)
        );
        // Left to the full verifier: its own check, never passed, never invalid.
        for (c, what) in [
            (
                failure_check(CheckId::Proof, &jws::JwsError::NeedsFullVerifier("ES384")),
                "ES384 signatures are verified by the full verifier",
            ),
            (
                failure_check_in(
                    CheckId::Proof,
                    Some("proof 1".into()),
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
    }
}

/// The build without feature `extended-suites` (the app's first load): whatever needs it is a
/// `full-verifier` check, and nothing passes in its place. Runs with
/// `cargo test -p badge-verifier --lib --no-default-features`.
#[cfg(all(test, not(feature = "extended-suites")))]
mod without_extended_suites {
    use crate::check::{CheckId, Verdict};
    use crate::report::{Outcome, Report};
    use crate::resolve::fetch::MemoryFetcher;
    use crate::verify::{verify, Input, Options};
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use serde_json::{json, Value};

    /// vc-di-ecdsa's P-384 and P-256 test keys.
    const P384: &str = "z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";
    const P256: &str = "zDnaepBuvsQ8cpsWrVKw8fbpGpvPeNSjVPTWoq6cRqaYzBKVP";

    fn credential(issuer: &str) -> Value {
        json!({
            "@context": ["https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            "id": "urn:uuid:5f6a1c9e-2b7d-4e8f-9a0b-1c2d3e4f5a6b",
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "name": "Lite badge",
            "issuer": {"id": issuer, "type": ["Profile"], "name": "Issuer"},
            "validFrom": "2024-01-01T00:00:00Z",
            "credentialSubject": {"id": "did:example:learner", "type": ["AchievementSubject"],
                "achievement": {"id": "https://issuer.example/a/1", "type": ["Achievement"],
                    "name": "Lite", "description": "Lite.", "criteria": {"narrative": "Lite."}}}
        })
    }

    fn run(bytes: Vec<u8>) -> Report {
        let input = Input::Bytes {
            name: "t".into(),
            bytes,
        };
        let at = "2026-01-01T00:00:00Z".parse().unwrap();
        futures::executor::block_on(verify(&input, &MemoryFetcher::new(), &Options::at(at)))
    }

    /// One `full-verifier` check naming `what`; no proof passed, nothing issued.
    fn assert_left_to_the_full_verifier(r: &Report, what: &str) {
        let full: Vec<_> = r
            .checks
            .iter()
            .filter(|c| c.id == CheckId::FullVerifier)
            .collect();
        assert_eq!(full.len(), 1, "{:#?}", r.checks);
        assert_eq!(
            (full[0].outcome, full[0].effect),
            (Outcome::NotChecked, Some(Verdict::Unverifiable))
        );
        assert!(
            full[0].detail.contains(what) && full[0].detail.contains("full verifier"),
            "{:?}",
            full[0].detail
        );
        assert!(
            !r.checks
                .iter()
                .any(|c| matches!(c.id, CheckId::Proof | CheckId::Signature)
                    && c.outcome == Outcome::Passed),
            "{:#?}",
            r.checks
        );
        assert!(r.issued_by.is_none());
        assert_ne!(r.verdict, Verdict::Valid);
    }

    fn jwt(header: Value, issuer: &str) -> Vec<u8> {
        let mut p = credential(issuer);
        p["iss"] = json!(issuer);
        p["sub"] = json!("did:example:learner");
        p["jti"] = json!("urn:uuid:5f6a1c9e-2b7d-4e8f-9a0b-1c2d3e4f5a6b");
        p["nbf"] = json!(1704067200);
        let b = |v: &[u8]| URL_SAFE_NO_PAD.encode(v);
        format!(
            "{}.{}.{}",
            b(header.to_string().as_bytes()),
            b(p.to_string().as_bytes()),
            b(&[7; 96])
        )
        .into_bytes()
    }

    #[test]
    fn jwt_algorithms_and_keys_of_the_full_verifier() {
        let did = format!("did:key:{P384}");
        let r = run(jwt(
            json!({"alg": "ES384", "kid": format!("{did}#{P384}")}),
            &did,
        ));
        assert_left_to_the_full_verifier(&r, "ES384 signatures");
        assert_eq!(r.verdict, Verdict::Unverifiable, "{:#?}", r.checks);
        let rsa = json!({"kty": "RSA", "n": URL_SAFE_NO_PAD.encode([0xc5; 256]), "e": "AQAB"});
        let did = format!("did:jwk:{}", URL_SAFE_NO_PAD.encode(rsa.to_string()));
        for alg in ["RS256", "PS256"] {
            let r = run(jwt(json!({"alg": alg, "kid": format!("{did}#0")}), &did));
            assert_left_to_the_full_verifier(&r, &format!("{alg} signatures"));
            assert_eq!(r.verdict, Verdict::Unverifiable, "{:#?}", r.checks);
        }
        let k1 = "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme";
        let did = format!("did:key:{k1}");
        let r = run(jwt(
            json!({"alg": "ES256K", "kid": format!("{did}#{k1}")}),
            &did,
        ));
        assert_left_to_the_full_verifier(&r, "ES256K signatures");
        // An algorithm that contradicts the key stays invalid in every build.
        let did = format!("did:key:{P384}");
        let r = run(jwt(
            json!({"alg": "ES256K", "kid": format!("{did}#{P384}")}),
            &did,
        ));
        assert_eq!(r.verdict, Verdict::Invalid);
    }

    /// An OB 2.0 signed assertion (RS256 or PS256) with the issuer's PEM RSA key: the key is
    /// read (and tied to the issuer), its signature left to the full verifier.
    #[test]
    fn ob2_rsa_signatures_of_the_full_verifier() {
        let (badge, issuer, key) = (
            "https://issuer.example/badge.json",
            "https://issuer.example/issuer.json",
            "https://issuer.example/key.json",
        );
        let pem = include_str!("../../../../tests/fixtures/ob2/keys/issuer-public.pem");
        let ctx = "https://w3id.org/openbadges/v2";
        let fetcher = MemoryFetcher::new()
            .with(badge, "application/ld+json", json!({"@context": ctx, "type": "BadgeClass",
                "id": badge, "name": "B", "description": "B.", "image": "https://issuer.example/b.png",
                "criteria": "https://issuer.example/c", "issuer": issuer}).to_string())
            .with(issuer, "application/ld+json", json!({"@context": ctx, "type": "Issuer",
                "id": issuer, "name": "I", "url": "https://issuer.example",
                "email": "i@issuer.example", "publicKey": key}).to_string())
            .with(key, "application/ld+json", json!({"@context": ctx, "type": "CryptographicKey",
                "id": key, "owner": issuer, "publicKeyPem": pem}).to_string());
        let assertion = json!({"@context": ctx, "type": "Assertion", "id": "urn:uuid:1",
            "recipient": {"type": "email", "hashed": false, "identity": "a@example.org"},
            "badge": badge, "issuedOn": "2024-01-01T00:00:00Z",
            "verification": {"type": "SignedBadge", "creator": key}});
        for alg in ["RS256", "PS256"] {
            let b = |v: &[u8]| URL_SAFE_NO_PAD.encode(v);
            let token = format!(
                "{}.{}.{}",
                b(json!({"alg": alg}).to_string().as_bytes()),
                b(assertion.to_string().as_bytes()),
                b(&[1; 256])
            );
            let input = Input::Bytes {
                name: "a.jws".into(),
                bytes: token.into_bytes(),
            };
            let at = "2026-01-01T00:00:00Z".parse().unwrap();
            let r = futures::executor::block_on(verify(&input, &fetcher, &Options::at(at)));
            assert_left_to_the_full_verifier(&r, &format!("{alg} signatures"));
            assert_eq!(r.verdict, Verdict::Unverifiable, "{alg}: {:#?}", r.checks);
        }
    }

    #[test]
    fn data_integrity_suites_of_the_full_verifier() {
        for (suite, key, what) in [
            ("ecdsa-rdfc-2019", P384, "ecdsa proofs with a P-384 key"),
            ("ecdsa-jcs-2019", P384, "ecdsa proofs with a P-384 key"),
            ("ecdsa-sd-2023", P256, "ecdsa-sd-2023 proofs"),
        ] {
            let did = format!("did:key:{key}");
            let mut c = credential(&did);
            c["proof"] = json!({"type": "DataIntegrityProof", "cryptosuite": suite,
                "created": "2024-01-01T00:00:00Z", "verificationMethod": format!("{did}#{key}"),
                "proofPurpose": "assertionMethod", "proofValue": "z1111"});
            let r = run(c.to_string().into_bytes());
            assert_left_to_the_full_verifier(&r, what);
            assert_eq!(r.verdict, Verdict::Unverifiable, "{suite}: {:#?}", r.checks);
        }
    }
}
