//! Data Integrity verification time per credential (json-ld expansion + RDFC-1.0 + SHA-256 +
//! Ed25519). Run: `cargo bench --profile release-native --bench data_integrity`.
//!
//! Measured 2026-11-25 on the shared 2-core machine at load average ≈ 6.5 (so ≈ 3× slower
//! than idle): ob3-simple 2.1 ms, ob3-spec-vector 2.6 ms, ob3-complete 61 ms (median), with
//! the top-level context cached. Without the cache, simple is ≈ 3.4× slower.

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

criterion_group!(benches, bench);
criterion_main!(benches);
