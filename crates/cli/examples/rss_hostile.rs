//! Peak memory of `badge-verify` on many mixed inputs that point to large status lists (issue
//! #14 §3, "Memory": 2,000 mixed inputs must stay under 256 MB RSS whatever they point to).
//!
//! Run with `bash scripts/measure-rss.sh` (builds `badge-verify` with `--profile release-native`
//! and runs this): it serves the documents on 127.0.0.1 from a server started here (stopped at
//! the end, and by itself after `--timeout-s`), writes the inputs to `target/rss-hostile/`,
//! runs the verifier under `/usr/bin/time -v` and prints JSON with "Maximum resident set size".
//!
//! The inputs (`--n 2000`), round-robin:
//! - `--big 160` credentials, each with a status entry into its own signed
//!   BitstringStatusListCredential whose list decodes to 16 MiB (a few KB on the wire: zeros
//!   compress well);
//! - `--huge 40` credentials, each pointing to its own ~15 MiB (unsigned) list credential;
//! - the rest: signed credentials from 20 did:key issuers, every 4th with an entry in one shared
//!   small list, and every 50th a text file that is not a badge.
//!
//! Options: `--verifier PATH`, `--n`, `--big`, `--huge`, `--timeout-s 900`.

#[path = "support/driver.rs"]
mod driver;
#[path = "../../verifier/tests/support/http_server.rs"]
mod http_server;
#[path = "../../verifier/tests/status_support/mod.rs"]
mod status_support;

use badge_verifier::status::bitstring::{self, Encoding};
use http_server::{Route, Server};
use serde_json::json;
use status_support::sign;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const CREATED: &str = "2025-03-01T09:00:00Z";

fn main() {
    let driver::Options {
        verifier,
        numbers: [n, big, huge],
        timeout_s,
    } = driver::parse([("--n", 2000), ("--big", 160), ("--huge", 40)], 900);
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/rss-hostile"
    ));
    let lifetime = Duration::from_secs(timeout_s + 60);
    // Generating takes minutes (signing); the inputs and documents of the last run are used
    // again when asked for the same mix and their port is free.
    if let Some((server, files)) = reuse(&dir, lifetime, n, big, huge) {
        eprintln!("reusing the inputs in {}", dir.display());
        measure(&verifier, server, files, big, huge, timeout_s);
        return;
    }
    let server = Server::start(lifetime);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let t = Instant::now();

    let seeds: Vec<[u8; 32]> = (1..=20u8).map(|k| [k; 32]).collect();
    let shared_list = server.url("/status/shared");
    let issuer0 = sign::did_key(seeds[0]);
    let list = status_support::bitstring_list(
        &issuer0,
        &shared_list,
        "revocation",
        &status_support::bits(16 * 1024, 1, &[]),
    );
    let list = sign::sign(list, seeds[0], "2025-01-01T00:00:00Z");
    server.doc(
        "/status/shared",
        "application/vc+ld+json",
        serde_json::to_vec(&list).unwrap(),
    );

    // One 16 MiB bitstring of zeros, encoded once (a few KB), in as many lists as `big`.
    let zeros = bitstring::encode(&vec![0u8; 16 * 1024 * 1024], Encoding::Multibase);
    // One ~15 MiB encodedList of pseudo-random text, in as many unsigned lists as `huge`.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let noise: String = std::iter::once('u')
        .chain((0..15 * 1024 * 1024).map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            alphabet[(x % 64) as usize] as char
        }))
        .collect();

    let mut files = Vec::new();
    let (mut bigs, mut huges) = (0, 0);
    for i in 0..n {
        let seed = seeds[i % seeds.len()];
        let did = sign::did_key(seed);
        let path = dir.join(format!("in-{i:04}.json"));
        if i % 50 == 1 {
            std::fs::write(&path, b"not a badge\n").unwrap();
            files.push(path);
            continue;
        }
        let mut c = sign::credential(
            &did,
            &format!("Skill {i}"),
            &format!("mailto:earner{i}@example.org"),
            CREATED,
        );
        let own = if bigs < big && i % 12 == 0 {
            bigs += 1;
            Some(("big", bigs))
        } else if huges < huge && i % 12 == 6 {
            huges += 1;
            Some(("huge", huges))
        } else {
            None
        };
        match own {
            Some((kind, k)) => {
                let url = server.url(&format!("/{kind}/{k}"));
                // The list's own text, encoded once above, in place of an empty one.
                let mut list = status_support::bitstring_list(&did, &url, "revocation", &[]);
                list["credentialSubject"]["encodedList"] =
                    json!(if kind == "big" { &zeros } else { &noise });
                if kind == "big" {
                    list = sign::sign(list, seed, "2025-01-01T00:00:00Z");
                }
                server.doc(
                    &format!("/{kind}/{k}"),
                    "application/vc+ld+json",
                    serde_json::to_vec(&list).unwrap(),
                );
                c["credentialStatus"] =
                    status_support::bitstring_entry(&url, (i * 7) as u64, "revocation");
            }
            None if i % 4 == 0 => {
                c["credentialStatus"] =
                    status_support::bitstring_entry(&shared_list, i as u64, "revocation");
            }
            None => {}
        }
        let signed = sign::sign(c, seed, CREATED);
        std::fs::write(&path, serde_json::to_vec(&signed).unwrap()).unwrap();
        files.push(path);
    }
    eprintln!(
        "{} inputs ({bigs} with their own 16 MiB-decoded list, {huges} with their own ~15 MiB list) written in {:.1} s; server at {}",
        files.len(),
        t.elapsed().as_secs_f64(),
        server.base
    );
    save(&dir, &server, &files, n, big, huge);
    measure(&verifier, server, files, bigs, huges, timeout_s);
}

/// Saves what the server serves next to the inputs, for [`reuse`].
fn save(dir: &Path, server: &Server, files: &[PathBuf], n: usize, big: usize, huge: usize) {
    let served = dir.join("served");
    std::fs::create_dir_all(&served).unwrap();
    let mut index = String::new();
    for (k, (path, route)) in server.routes().into_iter().enumerate() {
        if let Route::Doc(ct, body) = route {
            std::fs::write(served.join(k.to_string()), body).unwrap();
            index.push_str(&format!("{path}\t{ct}\t{k}\n"));
        }
    }
    std::fs::write(served.join("index.tsv"), index).unwrap();
    let list: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
    std::fs::write(dir.join("inputs.txt"), list.join("\n")).unwrap();
    std::fs::write(
        dir.join("params.txt"),
        format!("{n} {big} {huge} {}", server.port),
    )
    .unwrap();
}

/// The saved inputs and a server for their documents, if they are for this mix and their port
/// is free.
fn reuse(
    dir: &Path,
    lifetime: Duration,
    n: usize,
    big: usize,
    huge: usize,
) -> Option<(Server, Vec<PathBuf>)> {
    let params = std::fs::read_to_string(dir.join("params.txt")).ok()?;
    let (mix, port) = params.rsplit_once(' ')?;
    if mix != format!("{n} {big} {huge}") {
        return None;
    }
    let server = Server::start_at(lifetime, port.parse().ok()?).ok()?;
    let served = dir.join("served");
    for line in std::fs::read_to_string(served.join("index.tsv"))
        .ok()?
        .lines()
    {
        let mut parts = line.split('\t');
        let (path, ct, k) = (parts.next()?, parts.next()?, parts.next()?);
        server.doc(path, ct, std::fs::read(served.join(k)).ok()?);
    }
    let files: Vec<PathBuf> = std::fs::read_to_string(dir.join("inputs.txt"))
        .ok()?
        .lines()
        .map(PathBuf::from)
        .collect();
    files.iter().all(|f| f.exists()).then_some((server, files))
}

/// Runs the verifier over `files` under `/usr/bin/time -v` and prints the report.
fn measure(
    verifier: &Path,
    server: Server,
    files: Vec<PathBuf>,
    bigs: usize,
    huges: usize,
    timeout_s: u64,
) {
    let mut cmd = Command::new("/usr/bin/time");
    cmd.arg("-v").arg(verifier).stderr(Stdio::piped());
    let deadline = Instant::now() + Duration::from_secs(timeout_s);
    let out = driver::run_verifier(cmd, &files, deadline);
    let max_rss_kb: Option<u64> = out
        .stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok());
    let fetched: usize = server.counts().values().sum();
    drop(server);
    let report = json!({
        "verifier": verifier.display().to_string(),
        "inputs": files.len(),
        "own_16mib_decoded_lists": bigs,
        "own_15mib_lists": huges,
        "seconds": (out.elapsed.as_secs_f64() * 10.0).round() / 10.0,
        "exit": out.status.and_then(|s| s.code()),
        "verdicts": out.verdicts,
        "requests_served": fetched,
        "max_rss_kb": max_rss_kb,
        "max_rss_mb": max_rss_kb.map(|k| (k as f64 / 1024.0).round()),
    });
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
}
