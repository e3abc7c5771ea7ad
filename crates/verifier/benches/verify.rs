//! Whole-pipeline verification benchmarks (issue #8): `verify()` from input bytes to report,
//! with every document served from memory (no network in the numbers).
//!
//! `cargo bench --bench verify`. Before the steady-state runs it prints the first-call time of
//! each kind (a fresh process: JSON-LD context caches cold).

#[path = "../tests/status_support/mod.rs"]
mod status_support;

use status_support::sign;

use badge_verifier::resolve::cache::CachingFetcher;
use badge_verifier::{verify, Fetcher, Input, MemoryFetcher, Options};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use criterion::{BenchmarkId, Criterion, Throughput};
use serde_json::{json, Value};
use std::hint::black_box;
use std::time::Instant;

/// The allocator `badge-verify` ships with, so the numbers are the CLI's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn opts() -> Options {
    Options::at(
        chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .into(),
    )
}

fn input(bytes: Vec<u8>) -> Input {
    Input::Bytes {
        name: "bench".into(),
        bytes,
    }
}

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

fn jwt_payload(issuer: &str) -> Value {
    let mut c = sign::credential(
        issuer,
        "Teamwork",
        "did:example:alice",
        "2025-03-01T09:00:00Z",
    );
    let id = c["id"].clone();
    c["iss"] = json!(issuer);
    c["sub"] = json!("did:example:alice");
    c["jti"] = id;
    c["nbf"] = json!(1_740_819_600);
    c
}

fn jwt_eddsa() -> Vec<u8> {
    use ed25519_dalek::Signer;
    let seed = [3u8; 32];
    let did = sign::did_key(seed);
    let kid = format!("{did}#{}", did.trim_start_matches("did:key:"));
    let header = json!({"alg": "EdDSA", "typ": "JWT", "kid": kid});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(jwt_payload(&did).to_string().as_bytes())
    );
    let sig = ed25519_dalek::SigningKey::from_bytes(&seed).sign(input.as_bytes());
    format!("{input}.{}", b64(&sig.to_bytes())).into_bytes()
}

fn jwt_rs256() -> Vec<u8> {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::signature::{SignatureEncoding, Signer};
    use rsa::traits::PublicKeyParts;
    let pem = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/ob3/rsa-test-key.pem"
    ))
    .unwrap();
    let sk = rsa::RsaPrivateKey::from_pkcs1_pem(&pem).unwrap();
    let jwk =
        json!({"kty": "RSA", "n": b64(&sk.n().to_bytes_be()), "e": b64(&sk.e().to_bytes_be())});
    let did = format!("did:jwk:{}", b64(jwk.to_string().as_bytes()));
    let header = json!({"alg": "RS256", "typ": "JWT", "kid": format!("{did}#0")});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(jwt_payload(&did).to_string().as_bytes())
    );
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(sk);
    format!("{input}.{}", b64(&signer.sign(input.as_bytes()).to_bytes())).into_bytes()
}

/// An OB 2.0 signed assertion with its BadgeClass, issuer, key and revocation list served.
fn ob2_signed() -> (Vec<u8>, MemoryFetcher) {
    use rsa::pkcs1::DecodeRsaPrivateKey;
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{SignatureEncoding, Signer};
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/ob2/keys");
    let private = std::fs::read_to_string(format!("{dir}/issuer-private.pem")).unwrap();
    let public = std::fs::read_to_string(format!("{dir}/issuer-public.pem")).unwrap();
    let sk = rsa::RsaPrivateKey::from_pkcs8_pem(&private)
        .or_else(|_| rsa::RsaPrivateKey::from_pkcs1_pem(&private))
        .unwrap();
    let (issuer, key, badge, list) = (
        "https://issuer.example/issuer",
        "https://issuer.example/key",
        "https://issuer.example/badge",
        "https://issuer.example/revocations",
    );
    let ctx = "https://w3id.org/openbadges/v2";
    let assertion = json!({"@context": ctx, "type": "Assertion", "id": "urn:uuid:2f3a4c1e-1111-4a5b-9c3d-0123456789ab",
        "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
        "badge": badge, "issuedOn": "2024-01-01T00:00:00Z", "verification": {"type": "SignedBadge", "creator": key}});
    let header = json!({"alg": "RS256"});
    let input = format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(assertion.to_string().as_bytes())
    );
    let signer = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(sk);
    let token = format!("{input}.{}", b64(&signer.sign(input.as_bytes()).to_bytes()));
    let f = MemoryFetcher::new()
        .with(badge, "application/ld+json", json!({"@context": ctx, "type": "BadgeClass", "id": badge, "name": "Robotics",
            "description": "Built a robot.", "image": "https://issuer.example/robot.png", "criteria": "https://issuer.example/criteria", "issuer": issuer}).to_string())
        .with(issuer, "application/ld+json", json!({"@context": ctx, "type": "Issuer", "id": issuer, "name": "Example Issuer",
            "url": "https://issuer.example", "email": "badges@issuer.example", "publicKey": key, "revocationList": list}).to_string())
        .with(key, "application/ld+json", json!({"@context": ctx, "type": "CryptographicKey", "id": key, "owner": issuer, "publicKeyPem": public}).to_string())
        .with(list, "application/ld+json", json!({"@context": ctx, "type": "RevocationList", "id": list, "issuer": issuer, "revokedAssertions": []}).to_string());
    (token.into_bytes(), f)
}

/// The status list of [`ob3_with_status`].
const STATUS_LIST: &str = "https://issuer.example/status/1";

/// 200 distinct OB 3.0 credentials by one did:key issuer, each with a BitstringStatusListEntry
/// (revocation, indexes 0..200, none set) pointing at one signed BitstringStatusListCredential
/// (16 KB bitstring, the spec's minimum) that the returned fetcher serves from memory.
fn ob3_with_status() -> (Vec<Vec<u8>>, MemoryFetcher) {
    let seed = [21u8; 32];
    let did = sign::did_key(seed);
    let list = status_support::bitstring_list(
        &did,
        STATUS_LIST,
        "revocation",
        &status_support::bits(16 * 1024, 1, &[]),
    );
    let list = sign::sign(list, seed, "2025-01-01T00:00:00Z");
    let docs = MemoryFetcher::new().with(
        STATUS_LIST,
        "application/vc+ld+json",
        serde_json::to_vec(&list).unwrap(),
    );
    let creds = (0..200u64)
        .map(|n| {
            let mut c = sign::credential(
                &did,
                &format!("Listed skill {n}"),
                &format!("mailto:earner{n}@example.org"),
                "2025-03-01T09:00:00Z",
            );
            c["credentialStatus"] = status_support::bitstring_entry(STATUS_LIST, n, "revocation");
            serde_json::to_vec(&sign::sign(c, seed, "2025-03-01T09:00:00Z")).unwrap()
        })
        .collect();
    (creds, docs)
}

fn run<F: Fetcher>(bytes: &[u8], f: &F, o: &Options) -> badge_verifier::Report {
    futures::executor::block_on(verify(&input(bytes.to_vec()), f, o))
}

fn main() {
    let o = opts();
    let none = MemoryFetcher::new();
    // 200 distinct OB 3.0 credentials from 20 did:key issuers, no status.
    let creds = sign::benchmark_credentials(200);
    let (ob2, ob2_docs) = ob2_signed();
    let (ed, rs) = (jwt_eddsa(), jwt_rs256());
    let (listed, list_docs) = ob3_with_status();
    // One cache for every iteration, as in the app and the CLI: the list is fetched once.
    let cached = CachingFetcher::new(list_docs);
    // First calls, in a fresh process: what a page pays for its first badge.
    for (name, bytes, f) in [
        ("ob3-eddsa-rdfc-2022", &creds[0], &none),
        ("vc-jwt-eddsa", &ed, &none),
        ("vc-jwt-rs256", &rs, &none),
        ("ob2-signed", &ob2, &ob2_docs),
    ] {
        let t = Instant::now();
        let r = run(bytes, f, &o);
        let ms = t.elapsed().as_secs_f64() * 1e3;
        assert_eq!(
            r.verdict,
            badge_verifier::Verdict::Valid,
            "{name}: {}",
            r.summary
        );
        println!("first call {name}: {ms:.3} ms");
    }
    // First call with a status list: the list is fetched (from memory) and its proof verified.
    let t = Instant::now();
    let r = run(&listed[0], &cached, &o);
    let ms = t.elapsed().as_secs_f64() * 1e3;
    assert_eq!(r.verdict, badge_verifier::Verdict::Valid, "{}", r.summary);
    println!("first call ob3-eddsa-rdfc-2022-bitstring-status: {ms:.3} ms");
    let mut c = Criterion::default().configure_from_args();
    let mut g = c.benchmark_group("verify");
    g.throughput(Throughput::Elements(1));
    let mut i = 0;
    g.bench_function(
        BenchmarkId::new("ob3-eddsa-rdfc-2022", "200 credentials, 20 did:key issuers"),
        |b| {
            b.iter(|| {
                i = (i + 1) % creds.len();
                black_box(run(&creds[i], &none, &o))
            })
        },
    );
    let mut j = 0;
    g.bench_function(
        BenchmarkId::new(
            "ob3-eddsa-rdfc-2022-bitstring-status",
            "200 credentials, one cached list",
        ),
        |b| {
            b.iter(|| {
                j = (j + 1) % listed.len();
                black_box(run(&listed[j], &cached, &o))
            })
        },
    );
    g.bench_function("vc-jwt-eddsa", |b| {
        b.iter(|| black_box(run(&ed, &none, &o)))
    });
    g.bench_function("vc-jwt-rs256", |b| {
        b.iter(|| black_box(run(&rs, &none, &o)))
    });
    g.bench_function("ob2-signed-rs256", |b| {
        b.iter(|| black_box(run(&ob2, &ob2_docs, &o)))
    });
    g.finish();
    c.final_summary();
    // Outside the timing: every credential is valid and the list was fetched exactly once.
    for (n, bytes) in listed.iter().enumerate() {
        let r = run(bytes, &cached, &o);
        assert_eq!(
            r.verdict,
            badge_verifier::Verdict::Valid,
            "#{n}: {}",
            r.summary
        );
    }
    let fetched = cached.inner().requests();
    assert_eq!(fetched, vec![STATUS_LIST.to_string()], "list fetches");
}
