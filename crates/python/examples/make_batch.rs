//! Writes a batch of signed OB 3.0 credentials for the bulk verification example (issue #19,
//! crates/python/examples/bulk.py): `--n` `eddsa-rdfc-2022` credentials round-robin over 8
//! issuers (4 did:key, 4 whose key is in an issuer profile served over HTTP), each with a
//! BitstringStatusListEntry into its issuer's signed status list, which all of that issuer's
//! credentials share (8 lists); one credential in `--revoke-every` is revoked in its list.
//!
//! `cargo run -p badge-verifier-py --example make_batch -- --out DIR --base http://127.0.0.1:PORT
//! [--n 100000] [--revoke-every 20]`
//!
//! Writes into DIR:
//! - `credentials/NNN/cred-NNNNNNN.json`, 1,000 a folder;
//! - `serve/…`: the issuer profiles and status lists, at the paths of their URLs under `--base`,
//!   and `serve.json`: `{path: content type}` for the server that serves them;
//! - `manifest.json`: `n`, `base`, the expected verdict counts and the revoked credentials'
//!   numbers.
//!
//! Signing reuses the tests' signer and status list helpers (crates/verifier/tests/), as
//! crates/cli/examples/bench_cli.rs does; it runs on every core.

#[path = "../../verifier/tests/status_support/mod.rs"]
mod status_support;

use serde_json::{json, Value};
use status_support::sign;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

const CREATED: &str = "2025-03-01T09:00:00Z";
const DID_KEY_ISSUERS: u8 = 4;
const PROFILE_ISSUERS: u8 = 4;

struct Issuer {
    seed: [u8; 32],
    id: String,
    method: String,
    /// The path of its status list under the base URL.
    list_path: String,
}

struct Args {
    out: PathBuf,
    base: String,
    n: usize,
    revoke_every: usize,
}

fn parse_args() -> Args {
    let mut args = std::env::args().skip(1);
    let (mut out, mut base, mut n, mut revoke_every) = (None, None, 100_000, 20);
    let usage =
        "usage: make_batch --out DIR --base http://127.0.0.1:PORT [--n N] [--revoke-every K]";
    while let Some(a) = args.next() {
        let mut value = || {
            args.next()
                .unwrap_or_else(|| panic!("{a} needs a value\n{usage}"))
        };
        match a.as_str() {
            "--out" => out = Some(PathBuf::from(value())),
            "--base" => base = Some(value().trim_end_matches('/').to_string()),
            "--n" => n = value().parse().expect("--n: a number"),
            "--revoke-every" => revoke_every = value().parse().expect("--revoke-every: a number"),
            _ => panic!("unknown argument {a}\n{usage}"),
        }
    }
    let (Some(out), Some(base)) = (out, base) else {
        panic!("{usage}")
    };
    assert!(revoke_every > 0, "--revoke-every must be at least 1");
    Args {
        out,
        base,
        n,
        revoke_every,
    }
}

fn issuers(base: &str, serve: &mut BTreeMap<String, (String, Vec<u8>)>) -> Vec<Issuer> {
    let mut out = Vec::new();
    for k in 0..DID_KEY_ISSUERS {
        let seed = [k + 1; 32];
        let did = sign::did_key(seed);
        out.push(Issuer {
            seed,
            method: format!("{did}#{}", sign::multikey(seed)),
            id: did,
            list_path: format!("/status/{}", out.len()),
        });
    }
    for k in 0..PROFILE_ISSUERS {
        let seed = [k + 101; 32];
        let path = format!("/issuers/{k}");
        let id = format!("{base}{path}");
        let method = format!("{id}#key-1");
        let profile = status_support::profile(&id, &format!("Profile Issuer {k}"), seed);
        serve.insert(
            path,
            (
                "application/ld+json".into(),
                profile.to_string().into_bytes(),
            ),
        );
        out.push(Issuer {
            seed,
            id,
            method,
            list_path: format!("/status/{}", out.len()),
        });
    }
    out
}

/// Credential `i`: its issuer is `i % issuers`, its index in that issuer's list `i / issuers`.
fn credential(i: usize, issuers: &[Issuer], base: &str) -> Vec<u8> {
    let iss = &issuers[i % issuers.len()];
    let mut c = sign::credential(
        &iss.id,
        &format!("Skill {i}"),
        &format!("mailto:earner{i}@example.org"),
        CREATED,
    );
    let list_url = format!("{base}{}", iss.list_path);
    c["credentialStatus"] =
        status_support::bitstring_entry(&list_url, (i / issuers.len()) as u64, "revocation");
    serde_json::to_vec(&sign::sign_as(c, iss.seed, CREATED, &iss.method)).unwrap()
}

fn file_of(out: &Path, i: usize) -> PathBuf {
    out.join("credentials")
        .join(format!("{:03}", i / 1000))
        .join(format!("cred-{i:07}.json"))
}

fn main() {
    let args = parse_args();
    let started = Instant::now();
    let _ = std::fs::remove_dir_all(&args.out);
    let mut serve = BTreeMap::new();
    let issuers = issuers(&args.base, &mut serve);
    let revoked: Vec<usize> = (0..args.n)
        .filter(|i| i % args.revoke_every == args.revoke_every / 2)
        .collect();

    // The status lists: one per issuer, shared by all its credentials; the minimum size of
    // 16 KiB (131,072 entries; VC Bitstring Status List §4.1) or more for a larger batch.
    let per_issuer = args.n.div_ceil(issuers.len());
    let list_bytes = (16 * 1024).max(per_issuer.div_ceil(8));
    for (k, iss) in issuers.iter().enumerate() {
        let set: Vec<(u64, u64)> = revoked
            .iter()
            .filter(|&&i| i % issuers.len() == k)
            .map(|&i| ((i / issuers.len()) as u64, 1))
            .collect();
        let url = format!("{}{}", args.base, iss.list_path);
        let list = status_support::bitstring_list(
            &iss.id,
            &url,
            "revocation",
            &status_support::bits(list_bytes, 1, &set),
        );
        let list = sign::sign_as(list, iss.seed, "2025-01-01T00:00:00Z", &iss.method);
        serve.insert(
            iss.list_path.clone(),
            (
                "application/vc+ld+json".into(),
                serde_json::to_vec(&list).unwrap(),
            ),
        );
    }

    for folder in 0..args.n.div_ceil(1000) {
        std::fs::create_dir_all(args.out.join("credentials").join(format!("{folder:03}"))).unwrap();
    }
    // Signing (RDF canonicalization) is the slow part: every core signs its share.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        for t in 0..threads {
            let (issuers, args) = (&issuers, &args);
            scope.spawn(move || {
                for i in (t..args.n).step_by(threads) {
                    let bytes = credential(i, issuers, &args.base);
                    std::fs::write(file_of(&args.out, i), bytes).unwrap();
                }
            });
        }
    });

    let serve_dir = args.out.join("serve");
    let mut types = BTreeMap::new();
    for (path, (content_type, body)) in &serve {
        let file = serve_dir.join(path.trim_start_matches('/'));
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(&file, body).unwrap();
        types.insert(path.clone(), content_type.clone());
    }
    std::fs::write(
        args.out.join("serve.json"),
        serde_json::to_vec_pretty(&types).unwrap(),
    )
    .unwrap();
    let manifest: Value = json!({
        "n": args.n,
        "base": args.base,
        "issuers": issuers.len(),
        "status_lists": issuers.len(),
        "expected": {"valid": args.n - revoked.len(), "revoked": revoked.len()},
        "revoked": revoked,
    });
    std::fs::write(
        args.out.join("manifest.json"),
        serde_json::to_vec(&manifest).unwrap(),
    )
    .unwrap();
    eprintln!(
        "make_batch: {} credentials ({} revoked), {} documents to serve, in {:.1} s on {threads} threads",
        args.n,
        revoked.len(),
        serve.len(),
        started.elapsed().as_secs_f64()
    );
}
