//! OB 2.0 signed assertions: compact JWS, RS256, key linked from the issuer Profile and owned by
//! it, revocation via the issuer's revocationList (spec ob_v2p0 "SignedBadge Verification").
//! Signed with the committed test keys in tests/fixtures/ob2/keys (test keys only).

mod ob2_support;

use badge_verifier::report::Outcome;
use badge_verifier::{Format, MemoryFetcher, Report, Verdict};
use ob2_support::*;
use serde_json::{json, Value};

const BADGE: &str = "https://issuer.example/badges/robotics.json";
const ISSUER: &str = "https://issuer.example/issuer.json";
const KEY: &str = "https://issuer.example/keys/1.json";
const OTHER_KEY: &str = "https://issuer.example/keys/2.json";
const LIST: &str = "https://issuer.example/revoked.json";
const ID: &str = "urn:uuid:9b3c2a6e-5e0f-4c36-9a8e-0e4f2c1d7a11";

fn issuer_private() -> String {
    read("keys/issuer-private.pem")
}
fn other_private() -> String {
    read("keys/other-private.pem")
}

fn issuer() -> Value {
    json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "Issuer", "id": ISSUER,
        "name": "Example Issuer", "url": "https://issuer.example", "email": "badges@issuer.example",
        "publicKey": KEY, "revocationList": LIST
    })
}

fn key(id: &str, owner: &str, public_pem: &str) -> Value {
    json!({"@context": "https://w3id.org/openbadges/v2", "type": "CryptographicKey", "id": id,
        "owner": owner, "publicKeyPem": public_pem})
}

fn badge() -> Value {
    json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass", "id": BADGE,
        "name": "Robotics", "description": "Built a robot.", "image": "https://issuer.example/robot.png",
        "criteria": "https://issuer.example/criteria", "issuer": ISSUER})
}

fn assertion() -> Value {
    json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": ID,
        "recipient": {"type": "email", "hashed": true, "salt": "pepper",
            "identity": hashed_identity("alice@example.org", "pepper")},
        "badge": BADGE, "issuedOn": "2024-01-01T00:00:00Z",
        "verification": {"type": "SignedBadge", "creator": KEY}
    })
}

fn revocations(entries: Value) -> Value {
    json!({"@context": "https://w3id.org/openbadges/v2", "type": "RevocationList", "id": LIST,
        "issuer": ISSUER, "revokedAssertions": entries})
}

fn server() -> MemoryFetcher {
    MemoryFetcher::new()
        .with(BADGE, "application/ld+json", badge().to_string())
        .with(ISSUER, "application/ld+json", issuer().to_string())
        .with(
            KEY,
            "application/ld+json",
            key(KEY, ISSUER, &read("keys/issuer-public.pem")).to_string(),
        )
        .with(
            OTHER_KEY,
            "application/ld+json",
            key(OTHER_KEY, ISSUER, &read("keys/other-public.pem")).to_string(),
        )
        .with(
            LIST,
            "application/ld+json",
            revocations(json!(["urn:uuid:someone-else"])).to_string(),
        )
}

/// The standard assertion, signed by the issuer's key, verified against `f`.
fn run_standard(f: &MemoryFetcher) -> Report {
    run(
        &jws_input(&sign(&assertion(), &issuer_private())),
        f,
        &opts(),
    )
}

fn jws_input(token: &str) -> badge_verifier::Input {
    json_input("assertion.jws", token)
}

/// The core says what each fetch is for (the app's progress line shows it), not the URL.
#[test]
fn every_fetch_says_what_it_is_for() {
    use badge_verifier::FetchPurpose::*;
    let f = server();
    let input = jws_input(&sign(&assertion(), &issuer_private()));
    let r = futures::executor::block_on(badge_verifier::verify(&input, &f, &opts()));
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(
        f.requested(),
        vec![
            (BADGE.to_string(), BadgeClass),
            (ISSUER.to_string(), IssuerProfile),
            (KEY.to_string(), Key),
            (LIST.to_string(), StatusList),
        ]
    );
}

#[test]
fn signed_valid() {
    let token = sign(&assertion(), &issuer_private());
    let r = run(&jws_input(&token), &server(), &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.format, Some(Format::Ob2Signed));
    for id in [
        "context",
        "type",
        "required-properties",
        "badgeclass",
        "issuer",
        "key",
        "signature",
        "revocation",
        "issued",
    ] {
        assert_check(&r, id, Outcome::Passed);
    }
    assert_eq!(r.expert.key_id.as_deref(), Some(KEY));
    assert_eq!(r.expert.proof_suite.as_deref(), Some("JWS RS256"));
    assert_eq!(r.expert.status_lists, vec![LIST]);
    let b = r.badge.unwrap();
    assert_eq!(b.name.as_deref(), Some("Robotics"));
    assert_eq!(b.issuer.name.as_deref(), Some("Example Issuer"));
    assert_eq!(
        b.criteria.unwrap().url.as_deref(),
        Some("https://issuer.example/criteria")
    );
    assert_eq!(b.verify_url, None);
}

#[test]
fn signed_valid_without_creator_tries_the_issuer_keys() {
    let mut a = assertion();
    a["verification"] = json!({"type": "signed"});
    let mut iss = issuer();
    iss["publicKey"] = json!([OTHER_KEY, KEY]);
    let f = server().with(ISSUER, "application/json", iss.to_string());
    let r = run(&jws_input(&sign(&a, &issuer_private())), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    assert_eq!(r.expert.key_id.as_deref(), Some(KEY));
}

#[test]
fn tampered_payload_is_invalid() {
    let token = sign(&assertion(), &issuer_private());
    let mut parts: Vec<String> = token.split('.').map(String::from).collect();
    let mut changed = assertion();
    changed["issuedOn"] = json!("2023-01-01T00:00:00Z");
    parts[1] = b64(changed.to_string().as_bytes());
    let r = run(&jws_input(&parts.join(".")), &server(), &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "signature", Outcome::Failed);
}

#[test]
fn signed_with_another_key_is_invalid() {
    let token = sign(&assertion(), &other_private());
    let r = run(&jws_input(&token), &server(), &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "signature", Outcome::Failed);
}

#[test]
fn key_not_listed_by_the_issuer_is_invalid() {
    // The attacker's own key, published on a host they control, named as creator.
    let evil_key = "https://evil.example/key.json";
    let mut a = assertion();
    a["verification"]["creator"] = json!(evil_key);
    let f = server().with(
        evil_key,
        "application/json",
        key(evil_key, ISSUER, &read("keys/other-public.pem")).to_string(),
    );
    let r = run(&jws_input(&sign(&a, &other_private())), &f, &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "key", Outcome::Failed);
    assert!(
        !r.expert.fetched.iter().any(|u| u == evil_key),
        "an unlisted key is not even fetched"
    );
}

#[test]
fn key_owned_by_someone_else_is_invalid() {
    let f = server().with(
        KEY,
        "application/json",
        key(
            KEY,
            "https://evil.example/issuer",
            &read("keys/issuer-public.pem"),
        )
        .to_string(),
    );
    let r = run_standard(&f);
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "key", Outcome::Failed);
}

#[test]
fn unreachable_key_is_unverifiable() {
    let mut f = server();
    f.insert(KEY, 500, "text/plain", "oops");
    let r = run_standard(&f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert_check(&r, "key", Outcome::NotChecked);
}

#[test]
fn revoked_by_id_object_with_reason() {
    let list =
        revocations(json!([{"id": ID, "revocationReason": "Awarded in error"}, "urn:uuid:x"]));
    let f = server().with(LIST, "application/json", list.to_string());
    let r = run_standard(&f);
    assert_verdict(&r, Verdict::Revoked);
    assert_check(&r, "signature", Outcome::Passed);
    assert!(checks(&r, "revocation")[0]
        .detail
        .contains("Awarded in error"));
}

#[test]
fn revoked_by_plain_id_and_by_uid() {
    let f = server().with(
        LIST,
        "application/json",
        revocations(json!([ID])).to_string(),
    );
    let r = run_standard(&f);
    assert_verdict(&r, Verdict::Revoked);
    let mut a = assertion();
    a["uid"] = json!("abc123");
    let f = server().with(
        LIST,
        "application/json",
        revocations(json!([{"uid": "abc123"}])).to_string(),
    );
    let r = run(&jws_input(&sign(&a, &issuer_private())), &f, &opts());
    assert_verdict(&r, Verdict::Revoked);
}

#[test]
fn unreachable_revocation_list_is_unverifiable() {
    let mut f = server();
    f.insert(LIST, 404, "text/plain", "");
    let r = run_standard(&f);
    assert_verdict(&r, Verdict::Unverifiable);
    assert_check(&r, "signature", Outcome::Passed);
    assert_check(&r, "revocation", Outcome::NotChecked);
}

#[test]
fn no_revocation_list_is_not_applicable() {
    let mut iss = issuer();
    iss.as_object_mut().unwrap().remove("revocationList");
    let f = server().with(ISSUER, "application/json", iss.to_string());
    let r = run_standard(&f);
    assert_verdict(&r, Verdict::Valid);
    assert_check(&r, "revocation", Outcome::NotApplicable);
}

#[test]
fn alg_none_hs256_and_es256_are_refused() {
    let payload = b64(assertion().to_string().as_bytes());
    for (alg, want) in [
        ("none", "unsigned"),
        ("HS256", "shared-secret"),
        ("ES256", "RS256"),
    ] {
        let header = b64(json!({"alg": alg}).to_string().as_bytes());
        let token = format!("{header}.{payload}.{}", b64(b"sig"));
        let r = run(&jws_input(&token), &server(), &opts());
        assert_verdict(&r, Verdict::Invalid);
        let sig = checks(&r, "signature");
        assert!(sig[0].detail.contains(want), "{alg}: {}", sig[0].detail);
        assert!(r.expert.fetched.is_empty());
    }
}

#[test]
fn jws_of_a_hosted_assertion_is_invalid() {
    let mut a = assertion();
    a["verification"] = json!({"type": "HostedBadge"});
    let r = run(&jws_input(&sign(&a, &issuer_private())), &server(), &opts());
    assert_verdict(&r, Verdict::Invalid);
    assert_check(&r, "required-properties", Outcome::Failed);
}

#[test]
fn expired_signed() {
    let mut a = assertion();
    a["expires"] = json!("2024-06-01T00:00:00Z");
    let r = run(&jws_input(&sign(&a, &issuer_private())), &server(), &opts());
    assert_verdict(&r, Verdict::Expired);
    assert_check(&r, "signature", Outcome::Passed);
}

#[test]
fn hashed_email_match_and_mismatch_signed() {
    let token = sign(&assertion(), &issuer_private());
    for (given, want) in [("alice@example.org", true), ("mallory@example.org", false)] {
        let mut o = opts();
        o.recipient = Some(given.into());
        let r = run(&jws_input(&token), &server(), &o);
        assert_eq!(r.recipient_match, Some(want));
    }
}

#[test]
fn embedded_key_in_the_issuer_profile() {
    let mut iss = issuer();
    iss["publicKey"] = json!([{"id": KEY, "type": "CryptographicKey", "owner": ISSUER,
        "publicKeyPem": read("keys/issuer-public.pem")}]);
    let f = server().with(ISSUER, "application/json", iss.to_string());
    let r = run_standard(&f);
    assert_verdict(&r, Verdict::Valid);
    assert!(!r.expert.fetched.iter().any(|u| u == KEY));
}

#[test]
fn an_unreachable_key_does_not_block_another_listed_key() {
    let mut a = assertion();
    a["verification"] = json!({"type": "SignedBadge"});
    let mut iss = issuer();
    let gone = "https://issuer.example/keys/old.json";
    iss["publicKey"] = json!([gone, KEY]);
    let f = server().with(ISSUER, "application/json", iss.to_string());
    let r = run(&jws_input(&sign(&a, &issuer_private())), &f, &opts());
    assert_verdict(&r, Verdict::Valid);
    // Signed by a stranger: the reachable key fails, the unreachable one might have been it.
    let r = run(&jws_input(&sign(&a, &other_private())), &f, &opts());
    assert_verdict(&r, Verdict::Unverifiable);
    assert_check(&r, "signature", Outcome::NotChecked);
}

/// PS256 (RSASSA-PSS, issue #16) with the same OB 2.0 RSA key: verified, and named in the
/// report; a changed claim under the signature is invalid.
#[test]
fn ps256_verifies_with_the_issuers_rsa_key() {
    /// PSS salts from a fixed sequence, so the test is deterministic.
    struct FixedRng(u64);
    impl rsa::rand_core::RngCore for FixedRng {
        fn next_u32(&mut self) -> u32 {
            self.next_u64() as u32
        }
        fn next_u64(&mut self) -> u64 {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1);
            self.0
        }
        fn fill_bytes(&mut self, dest: &mut [u8]) {
            dest.iter_mut().for_each(|b| *b = self.next_u64() as u8);
        }
        fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
            self.fill_bytes(dest);
            Ok(())
        }
    }
    impl rsa::rand_core::CryptoRng for FixedRng {}
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{RandomizedSigner, SignatureEncoding};
    let sk = rsa::RsaPrivateKey::from_pkcs8_pem(&issuer_private()).unwrap();
    let signing = rsa::pss::SigningKey::<sha2::Sha256>::new(sk);
    let sign_ps256 = |payload: &Value| {
        let input = format!(
            "{}.{}",
            b64(json!({"alg": "PS256"}).to_string().as_bytes()),
            b64(payload.to_string().as_bytes())
        );
        let sig = signing.sign_with_rng(&mut FixedRng(3), input.as_bytes());
        format!("{input}.{}", b64(&sig.to_bytes()))
    };
    let token = sign_ps256(&assertion());
    let r = run(&jws_input(&token), &server(), &opts());
    assert_verdict(&r, Verdict::Valid);
    let sig = checks(&r, "signature");
    assert!(
        sig[0].detail.contains("PS256 signature verified"),
        "{sig:?}"
    );
    let mut changed = assertion();
    changed["issuedOn"] = json!("2020-01-01T00:00:00Z");
    let parts: Vec<&str> = token.split('.').collect();
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        b64(changed.to_string().as_bytes()),
        parts[2]
    );
    let r = run(&jws_input(&tampered), &server(), &opts());
    assert_verdict(&r, Verdict::Invalid);
}
