//! Data Integrity verification time per credential (json-ld expansion + RDFC-1.0 + SHA-256 +
//! Ed25519). Run: `cargo bench --profile release-native --bench data_integrity`.
//!
//! Measured 2026-11-25 on the shared 2-core machine at load average ≈ 6.5 (so ≈ 3× slower
//! than idle): ob3-simple 2.1 ms, ob3-spec-vector 2.6 ms, ob3-complete 61 ms (median), with
//! the top-level context cached. Without the cache, simple is ≈ 3.4× slower.
//!
//! `suites/*` (issue #16: ecdsa-rdfc-2019 P-256 must verify within 2× of eddsa-rdfc-2022): the
//! same credential (ob3-simple) signed with each suite, here, then verified; and the W3C
//! ecdsa-sd-2023 derived-proof vector. `cargo bench --bench data_integrity -- suites/`.
//! Measured 2026-12-06 (`-- suites/ --quick`, the shared 2-core machine): eddsa-rdfc-2022
//! 71 µs, ecdsa-rdfc-2019 P-256 87 µs (1.2×; 267 µs, 3.7×, with the p256 crate's 232 µs
//! verification before ring), P-384 772 µs, ecdsa-sd-2023 (7 signatures) 409 µs; the
//! signature alone: Ed25519 41 µs, P-256 52 µs (ring) / 232 µs (p256 crate).

use badge_verifier::jose::keys::PublicKey;
use badge_verifier::proof::data_integrity::{prepare, verify};
use badge_verifier::proof::{jsonld, jsonld_fast};
use criterion::{criterion_group, criterion_main, Criterion};
use serde_json::Value;

fn credential(text: &str) -> (Value, Value, PublicKey) {
    let cred: Value = serde_json::from_str(text).unwrap();
    let proof = match &cred["proof"] {
        Value::Array(a) => a[0].clone(),
        p => p.clone(),
    };
    let vm = proof["verificationMethod"].as_str().unwrap();
    let key = PublicKey::from_multibase(vm.rsplit('#').next().unwrap()).unwrap();
    (cred, proof, key)
}

fn bench(c: &mut Criterion) {
    for (name, text) in [
        (
            "ob3-spec-vector",
            include_str!("../../../tests/fixtures/di/ob-spec/signed.json"),
        ),
        (
            "ob3-simple",
            include_str!("../../../tests/fixtures/di/1edtech/simple.json"),
        ),
        (
            "ob3-complete",
            include_str!("../../../tests/fixtures/di/1edtech/complete.json"),
        ),
    ] {
        let (cred, proof, key) = credential(text);
        verify(&cred, &proof, &key).expect("fixture verifies");
        c.bench_function(name, |b| b.iter(|| verify(&cred, &proof, &key).unwrap()));
        // Where the time goes, for the unsecured document: the fast JSON-LD → RDF walk,
        // RDFC-1.0 of its dataset, and the general json-ld path it replaces.
        let (unsecured, _) = prepare(&cred, &proof).unwrap();
        c.bench_function(&format!("{name}/to-rdf-fast"), |b| {
            b.iter(|| jsonld_fast::to_dataset(&unsecured).unwrap())
        });
        let dataset = jsonld_fast::to_dataset(&unsecured).unwrap();
        c.bench_function(&format!("{name}/rdfc"), |b| {
            b.iter(|| jsonld::canonical_nquads(&dataset).unwrap())
        });
        c.bench_function(&format!("{name}/canonicalize-reference"), |b| {
            b.iter(|| jsonld::canonicalize_reference(&unsecured).unwrap())
        });
    }
}

/// ob3-simple's credential re-signed with `suite` by a P-256 or P-384 did:key (vc-di-ecdsa §3.3).
fn resigned(cred: &Value, proof: &Value, suite: &str, p384: bool) -> (Value, Value, PublicKey) {
    use sha2::{Digest, Sha256, Sha384};
    let (codec, public, sk256, sk384) = if p384 {
        let sk = p384::ecdsa::SigningKey::from_slice(&[0x42; 48]).unwrap();
        let pk = sk
            .verifying_key()
            .to_encoded_point(true)
            .as_bytes()
            .to_vec();
        ([0x81, 0x24], pk, None, Some(sk))
    } else {
        let sk = p256::ecdsa::SigningKey::from_slice(&[0x42; 32]).unwrap();
        let pk = sk
            .verifying_key()
            .to_encoded_point(true)
            .as_bytes()
            .to_vec();
        ([0x80, 0x24], pk, Some(sk), None)
    };
    let mb = format!(
        "z{}",
        bs58::encode([codec.as_slice(), &public].concat()).into_string()
    );
    let mut proof = proof.clone();
    proof["cryptosuite"] = Value::from(suite);
    proof["verificationMethod"] = Value::from(format!("did:key:{mb}#{mb}"));
    proof.as_object_mut().unwrap().remove("proofValue");
    let (unsecured, options) = prepare(cred, &proof).unwrap();
    let (d, o) = (
        jsonld::canonicalize(&unsecured).unwrap(),
        jsonld::canonicalize(&options).unwrap(),
    );
    let sig = match (sk256, sk384) {
        (Some(k), _) => {
            use p256::ecdsa::signature::Signer;
            let s: p256::ecdsa::Signature =
                k.sign(&[Sha256::digest(o), Sha256::digest(d)].concat());
            s.to_bytes().to_vec()
        }
        (_, Some(k)) => {
            use p384::ecdsa::signature::Signer;
            let s: p384::ecdsa::Signature =
                k.sign(&[Sha384::digest(o), Sha384::digest(d)].concat());
            s.to_bytes().to_vec()
        }
        _ => unreachable!(),
    };
    proof["proofValue"] = Value::from(format!("z{}", bs58::encode(sig).into_string()));
    let mut cred = cred.clone();
    cred["proof"] = proof.clone();
    (cred, proof, PublicKey::from_multibase(&mb).unwrap())
}

fn suites(c: &mut Criterion) {
    let simple = include_str!("../../../tests/fixtures/di/1edtech/simple.json");
    let (cred, proof, key) = credential(simple);
    assert_eq!(proof["cryptosuite"], "eddsa-rdfc-2022");
    let p256 = resigned(&cred, &proof, "ecdsa-rdfc-2019", false);
    let p384 = resigned(&cred, &proof, "ecdsa-rdfc-2019", true);
    // A larger credential (the OB 3.0 spec's vector), where canonicalization weighs more.
    let spec = include_str!("../../../tests/fixtures/di/ob-spec/signed.json");
    let (spec_cred, spec_proof, spec_key) = credential(spec);
    let spec_p256 = resigned(&spec_cred, &spec_proof, "ecdsa-rdfc-2019", false);
    let mut cases = vec![
        ("suites/eddsa-rdfc-2022", (cred, proof, key)),
        ("suites/ecdsa-rdfc-2019-p256", p256),
        ("suites/ecdsa-rdfc-2019-p384", p384),
        (
            "suites/spec-vector/eddsa-rdfc-2022",
            (spec_cred, spec_proof, spec_key),
        ),
        ("suites/spec-vector/ecdsa-rdfc-2019-p256", spec_p256),
    ];
    // The signature alone, over 64 bytes of hash data: what the suites differ by.
    {
        use ed25519_dalek::Signer as _;
        use p256::ecdsa::signature::Verifier as _;
        let data = [7u8; 64];
        let ed = ed25519_dalek::SigningKey::from_bytes(&[1; 32]);
        let ed_sig = ed.sign(&data);
        let ed_pk = ed.verifying_key();
        c.bench_function("suites/signature-only/ed25519", |b| {
            b.iter(|| ed_pk.verify_strict(&data, &ed_sig).unwrap())
        });
        let p = p256::ecdsa::SigningKey::from_slice(&[1; 32]).unwrap();
        let p_sig: p256::ecdsa::Signature = p.sign(&data);
        let p_pk = *p.verifying_key();
        c.bench_function("suites/signature-only/p256-crate", |b| {
            b.iter(|| p_pk.verify(&data, &p_sig).unwrap())
        });
        // What the verifier calls: ring natively (the platform module), the crate in the browser.
        let p_bytes = p_sig.to_bytes();
        c.bench_function("suites/signature-only/p256-verifier", |b| {
            b.iter(|| {
                assert!(badge_verifier::jose::keys::p256_verify(
                    &p_pk, &data, &p_bytes
                ))
            })
        });
    }
    cases.push((
        "suites/ecdsa-sd-2023-w3c-derived",
        credential(include_str!(
            "../../../tests/fixtures/di-ecdsa/ecdsa-sd-2023/employ/derivedRevealDocument.json"
        )),
    ));
    for (name, (cred, proof, key)) in cases {
        verify(&cred, &proof, &key).expect("verifies");
        c.bench_function(name, |b| b.iter(|| verify(&cred, &proof, &key).unwrap()));
    }
}

criterion_group!(benches, bench, suites);
criterion_main!(benches);
