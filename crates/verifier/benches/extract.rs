//! Extraction speed: a typical ~30 KB baked PNG, a 50 MB PNG whose badge chunk comes after all
//! the image data (the worst case: every chunk is visited), and a baked SVG.
//!
//! `cargo bench --bench extract`

use badge_verifier::extract::png::{make_chunk, make_itxt, SIGNATURE};
use badge_verifier::extract::{extract, Payload};
use badge_verifier::Limits;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::hint::black_box;

const CREDENTIAL: &str =
    include_str!("../../../tests/fixtures/extract/expected/ob30-simple-json.png.txt");

/// IHDR, the badge chunk where `badge_first` says (after IHDR, or after the image data),
/// IDAT chunks of `idat_size` bytes up to `total` bytes, IEND.
fn png(total: usize, idat_size: usize, badge_first: bool) -> Vec<u8> {
    let mut v = SIGNATURE.to_vec();
    v.extend(make_chunk(
        b"IHDR",
        &[0, 0, 4, 0, 0, 0, 4, 0, 8, 6, 0, 0, 0],
    ));
    let badge = make_itxt("openbadgecredential", CREDENTIAL);
    if badge_first {
        v.extend_from_slice(&badge);
    }
    let idat = make_chunk(b"IDAT", &vec![0xA5; idat_size]);
    while v.len() + idat.len() + badge.len() < total {
        v.extend_from_slice(&idat);
    }
    if !badge_first {
        v.extend_from_slice(&badge);
    }
    v.extend(make_chunk(b"IEND", &[]));
    v
}

fn bench(c: &mut Criterion) {
    let limits = Limits::default();
    let mut g = c.benchmark_group("extract");

    let typical = png(30 * 1024, 8192, true);
    g.throughput(Throughput::Bytes(typical.len() as u64));
    g.bench_function("png_30KB", |b| {
        b.iter(|| {
            let e = extract(black_box(&typical), &limits).unwrap();
            assert!(matches!(e.payload, Payload::Json(_)));
        })
    });

    // libpng writes 8 KiB IDAT chunks by default: 6,400 chunks to hop over.
    let big = png(50 * 1024 * 1024, 8192, false);
    g.throughput(Throughput::Bytes(big.len() as u64));
    g.bench_function("png_50MB_badge_last", |b| {
        b.iter(|| {
            let e = extract(black_box(&big), &limits).unwrap();
            assert!(matches!(e.payload, Payload::Json(_)));
        })
    });

    let svg = include_bytes!("../../../tests/fixtures/extract/ob30-simple-json.svg");
    g.throughput(Throughput::Bytes(svg.len() as u64));
    g.bench_function("svg_ob30_json", |b| {
        b.iter(|| extract(black_box(svg), &limits).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
