//! Shared helpers for the OB 2.0 integration tests.
#![allow(dead_code)]

use badge_verifier::report::{Check, Outcome};
use badge_verifier::{verify, Input, MemoryFetcher, Options, Report, Verdict};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use chrono::{DateTime, Utc};
use std::path::PathBuf;

/// The moment every test evaluates at (after the fixtures' 2016 issue dates, after the
/// 2022-11-15 expiry of the "expired" cases, long before 2100).
pub fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2025-01-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

pub fn opts() -> Options {
    Options::at(at())
}

pub fn fixture_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ob2")
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(fixture_dir().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn json_input(name: &str, text: &str) -> Input {
    Input::Bytes {
        name: name.into(),
        bytes: text.as_bytes().to_vec(),
    }
}

pub fn run(input: &Input, f: &MemoryFetcher, opts: &Options) -> Report {
    futures::executor::block_on(verify(input, f, opts))
}

/// The checks with this id.
pub fn checks<'a>(r: &'a Report, id: &str) -> Vec<&'a Check> {
    r.checks.iter().filter(|c| c.id == id).collect()
}

/// Asserts the verdict, printing the whole report when it is not the expected one.
pub fn assert_verdict(r: &Report, want: Verdict) {
    assert_eq!(
        r.verdict,
        want,
        "report: {}",
        serde_json::to_string_pretty(r).unwrap()
    );
}

/// Asserts some check with `id` came out as `outcome`.
pub fn assert_check(r: &Report, id: &str, outcome: Outcome) {
    assert!(
        checks(r, id).iter().any(|c| c.outcome == outcome),
        "no {id} check with outcome {outcome:?} in {}",
        serde_json::to_string_pretty(&r.checks).unwrap()
    );
}

pub fn assert_no_failures_except_warnings(r: &Report) {
    for c in &r.checks {
        assert!(c.effect.is_none(), "unexpected {c:?}");
    }
}

pub fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// A compact JWS over `payload` with `header`, signed RS256 with a PKCS#8 PEM private key.
pub fn sign_with_header(
    header: &serde_json::Value,
    payload: &serde_json::Value,
    private_pem: &str,
) -> String {
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{SignatureEncoding, Signer};
    let sk = rsa::RsaPrivateKey::from_pkcs8_pem(private_pem).expect("test private key");
    let signing = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(sk);
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes())
    );
    let sig = signing.sign(input.as_bytes()).to_bytes();
    format!("{input}.{}", b64(&sig))
}

pub fn sign(payload: &serde_json::Value, private_pem: &str) -> String {
    sign_with_header(
        &serde_json::json!({"alg": "RS256", "typ": "JWT"}),
        payload,
        private_pem,
    )
}

/// `sha256$hex(identity + salt)`, as issuers hash recipient identities.
pub fn hashed_identity(identity: &str, salt: &str) -> String {
    use sha2::Digest;
    format!(
        "sha256${}",
        hex::encode(sha2::Sha256::digest(format!("{identity}{salt}").as_bytes()))
    )
}
