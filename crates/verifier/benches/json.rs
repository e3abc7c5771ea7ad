//! The strict JSON reader (`strict_json`, issue #14) against serde_json's own `Value` parse on
//! typical credentials: what refusing duplicate member names and bounding depth in the same
//! pass costs. `cargo bench --bench json`.

#[path = "../tests/status_support/mod.rs"]
mod status_support;

use badge_verifier::strict_json;
use criterion::{Criterion, Throughput};
use serde_json::Value;
use std::hint::black_box;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn bench(c: &mut Criterion) {
    let signed =
        String::from_utf8(status_support::sign::benchmark_credentials(1).remove(0)).unwrap();
    let complete = include_str!("../../../tests/fixtures/di/1edtech/complete.json").to_string();
    let mut g = c.benchmark_group("json");
    for (name, text) in [("signed_ob3_1KB", &signed), ("1edtech_complete", &complete)] {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.bench_function(format!("{name}/serde_json_value"), |b| {
            b.iter(|| serde_json::from_str::<Value>(black_box(text)).unwrap())
        });
        g.bench_function(format!("{name}/strict"), |b| {
            b.iter(|| strict_json::from_str(black_box(text), 64).unwrap())
        });
        g.bench_function(format!("{name}/strict_from_bytes"), |b| {
            b.iter(|| strict_json::from_slice(black_box(text.as_bytes()), 64).unwrap())
        });
        g.bench_function(format!("{name}/serde_json_value_from_bytes"), |b| {
            b.iter(|| serde_json::from_slice::<Value>(black_box(text.as_bytes())).unwrap())
        });
        // What the OB 2.0 document reader did before: a depth scan, then the plain parse.
        g.bench_function(format!("{name}/depth_scan_then_serde_json"), |b| {
            b.iter(|| {
                badge_verifier::extract::detect::check_json_depth(black_box(text), 64).unwrap();
                serde_json::from_str::<Value>(black_box(text)).unwrap()
            })
        });
    }
    g.finish();
}

criterion::criterion_group!(benches, bench);
criterion::criterion_main!(benches);
