//! No panics on any input, on stable Rust: a bounded, deterministic randomized test that mutates
//! the extraction fixtures (byte flips, truncation, splices, huge lengths, XML/PNG tokens, fixed-up
//! CRCs) and checks the same property as the `cargo fuzz` target (fuzz/fuzz_targets/extract.rs).
//! Also replays every input the fuzzer ever crashed on (tests/fixtures/extract/fuzz-regressions).
//!
//! `EXTRACT_RANDOM_CASES=100000 cargo test --release --test extract_random` runs longer.

#[path = "support/extract_property.rs"]
mod extract_property;
#[path = "support/rng.rs"]
mod rng;
use extract_property::check;
use rng::Rng;
use std::path::PathBuf;

fn files_in(dir: &str) -> Vec<(PathBuf, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/extract")
        .join(dir);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README"))
        .map(|p| {
            let b = std::fs::read(&p).unwrap();
            (p, b)
        })
        .collect();
    out.sort();
    out
}

#[test]
fn fuzz_regressions_do_not_panic() {
    for (path, bytes) in files_in("fuzz-regressions") {
        eprintln!("{}", path.display());
        check(&bytes);
    }
}

const TOKENS: &[&[u8]] = &[
    b"<!ENTITY a \"&a;&a;\">",
    b"&lol9;",
    b"&#x0;",
    b"&amp;",
    b"<![CDATA[",
    b"]]>",
    b"xmlns:openbadges=\"http://openbadges.org\"",
    b"xmlns:ob=\"https://purl.imsglobal.org/ob/v3p0\"",
    b"<openbadges:assertion verify=\"",
    b"<ob:credential>",
    b"</openbadges:assertion>",
    b"<!DOCTYPE svg [",
    b"iTXt",
    b"tEXt",
    b"zTXt",
    b"IEND",
    b"openbadges\0\0\0\0\0",
    b"openbadgecredential\0\x01\0\0\0",
    b"clrcredential\0",
    b"{\"a\":\"}\"}",
    b"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
    b"\"eyJhbGciOiJub25lIn0.e30.\"",
    b"\xff\xfe\xfd",
    b"\x7f\xff\xff\xff",
    b"\x80\x00\x00\x00",
];

fn mutate(rng: &mut Rng, data: &mut Vec<u8>) {
    for _ in 0..1 + rng.below(4) {
        let len = data.len();
        match rng.below(9) {
            0 if len > 0 => {
                let i = rng.below(len);
                data[i] ^= 1 << rng.below(8);
            }
            1 if len > 0 => {
                let i = rng.below(len);
                data[i] = rng.next() as u8;
            }
            2 => data.truncate(rng.below(len + 1)),
            3 if len > 0 => {
                let a = rng.below(len);
                let b = (a + rng.below(256)).min(len);
                data.drain(a..b);
            }
            4 => {
                let t = TOKENS[rng.below(TOKENS.len())];
                let at = rng.below(len + 1);
                data.splice(at..at, t.iter().copied());
            }
            5 if len >= 4 => {
                // A big-endian u32 somewhere: hits PNG chunk lengths.
                let at = rng.below(len - 3);
                let v = [
                    0u32,
                    1,
                    0x7FFF_FFFF,
                    0x8000_0000,
                    u32::MAX,
                    rng.next() as u32,
                ][rng.below(6)];
                data[at..at + 4].copy_from_slice(&v.to_be_bytes());
            }
            6 if len > 0 => {
                let a = rng.below(len);
                let b = (a + rng.below(512)).min(len);
                let copy = data[a..b].to_vec();
                let at = rng.below(len + 1);
                data.splice(at..at, copy);
            }
            7 => fix_crcs(data),
            _ => {}
        }
    }
}

/// Recomputes every PNG chunk CRC, so mutations reach the badge chunk's contents.
fn fix_crcs(data: &mut [u8]) {
    if !data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return;
    }
    let mut pos = 8;
    while pos + 12 <= data.len() {
        let len =
            u32::from_be_bytes([data[pos], data[pos + 1], data[pos + 2], data[pos + 3]]) as usize;
        let end = match (pos + 8).checked_add(len) {
            Some(e) if e + 4 <= data.len() => e,
            _ => return,
        };
        let crc = crc32fast::hash(&data[pos + 4..end]);
        data[end..end + 4].copy_from_slice(&crc.to_be_bytes());
        pos = end + 4;
    }
}

#[test]
fn randomized_inputs_do_not_panic() {
    let cases: usize = std::env::var("EXTRACT_RANDOM_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5000);
    let mut seeds = files_in(".");
    seeds.extend(files_in("adversarial"));
    seeds.extend(files_in("fuzz-regressions"));
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for case in 0..cases {
        let (path, seed) = &seeds[rng.below(seeds.len())];
        let mut data = seed.clone();
        mutate(&mut rng, &mut data);
        let result = std::panic::catch_unwind(|| check(&data));
        if result.is_err() {
            let out = std::env::temp_dir().join(format!("extract-random-crash-{case}.bin"));
            std::fs::write(&out, &data).ok();
            panic!(
                "case {case} (from {}) panicked; input saved to {}",
                path.display(),
                out.display()
            );
        }
    }
}
