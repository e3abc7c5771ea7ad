//! CLI throughput (issue #8): `badge-verify` over 1,000 OB 3.0 `eddsa-rdfc-2022` credential
//! files, with its issuer profiles and status lists served over HTTP on 127.0.0.1 by the tests'
//! server (`tests/support/http_server.rs`), started here (and stopped; it also stops by itself
//! at the deadline). Prints JSON: credentials per second and how many times each URL was
//! fetched (once each is expected: the CLI's workers share one cache).
//!
//! Run it with `bash scripts/bench-cli.sh` (builds `badge-verify` and this with
//! `--profile release-native`). Options: `--verifier PATH`, `--n 1000`, `--runs 3`,
//! `--status-every 2` (every 2nd credential has a BitstringStatusListEntry), `--timeout-s 600`.
//!
//! Scenarios:
//! - `mixed`: 1,000 credentials round-robin over 20 did:key issuers and 4 issuers whose key is
//!   listed in an issuer profile served over HTTP; one in `--status-every` (every other round
//!   over the issuers) carries a BitstringStatusListEntry into its issuer's own signed list
//!   (24 lists), so 28 URLs are fetched, each expected once per run.
//! - `did-key-no-status`: 1,000 credentials from the 20 did:key issuers, no status (no network:
//!   the verification work alone, plus process start).

#[path = "support/driver.rs"]
mod driver;
#[path = "../../verifier/tests/support/http_server.rs"]
mod http_server;
#[path = "../../verifier/tests/status_support/mod.rs"]
mod status_support;

use http_server::Server;
use status_support::sign;

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const CREATED: &str = "2025-03-01T09:00:00Z";

/// Serves `body` at `url`, a URL of `server`.
fn put(server: &Server, url: &str, content_type: &str, body: Vec<u8>) {
    let path = url
        .strip_prefix(&server.base)
        .expect("a URL of this server");
    server.doc(path, content_type, body);
}

/// An issuer: its key seed, its id, and the verification method its proofs name.
struct Issuer {
    seed: [u8; 32],
    id: String,
    method: String,
    list: String,
}

fn issuers(server: &Server, did_keys: u8, profiles: u8) -> Vec<Issuer> {
    let mut out = Vec::new();
    for k in 0..did_keys {
        let seed = [k + 1; 32];
        let did = sign::did_key(seed);
        out.push(Issuer {
            seed,
            method: format!("{did}#{}", sign::multikey(seed)),
            id: did,
            list: format!("{}/status/{}", server.base, out.len()),
        });
    }
    for k in 0..profiles {
        let seed = [k + 101; 32];
        let id = format!("{}/issuers/{k}", server.base);
        let method = format!("{id}#key-1");
        let profile = status_support::profile(&id, &format!("Profile Issuer {k}"), seed);
        put(
            server,
            &id,
            "application/ld+json",
            profile.to_string().into_bytes(),
        );
        out.push(Issuer {
            seed,
            id,
            method,
            list: format!("{}/status/{}", server.base, out.len()),
        });
    }
    out
}

/// Writes `n` signed credentials (round-robin over `issuers`) into `dir`, one in `status_every`
/// with a status entry into its issuer's list (served, signed, all bits 0). Returns the files.
fn write_credentials(
    server: &Server,
    dir: &Path,
    issuers: &[Issuer],
    n: usize,
    status_every: usize,
) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).unwrap();
    let mut used = vec![false; issuers.len()];
    let mut files = Vec::new();
    for i in 0..n {
        let k = i % issuers.len();
        let iss = &issuers[k];
        let mut c = sign::credential(
            &iss.id,
            &format!("Skill {i}"),
            &format!("mailto:earner{i}@example.org"),
            CREATED,
        );
        // Every issuer's credentials take turns: each round over the issuers either has status
        // entries or not, so every issuer's list is used.
        if status_every > 0 && (i / issuers.len()) % status_every == 0 {
            c["credentialStatus"] =
                status_support::bitstring_entry(&iss.list, i as u64, "revocation");
            used[k] = true;
        }
        let signed = sign::sign_as(c, iss.seed, CREATED, &iss.method);
        let path = dir.join(format!("cred-{i:04}.json"));
        std::fs::write(&path, serde_json::to_vec(&signed).unwrap()).unwrap();
        files.push(path);
    }
    for (iss, _) in issuers.iter().zip(used).filter(|(_, u)| *u) {
        let list = status_support::bitstring_list(
            &iss.id,
            &iss.list,
            "revocation",
            &status_support::bits(16 * 1024, 1, &[]),
        );
        let list = sign::sign_as(list, iss.seed, "2025-01-01T00:00:00Z", &iss.method);
        put(
            server,
            &iss.list,
            "application/vc+ld+json",
            serde_json::to_vec(&list).unwrap(),
        );
    }
    files
}

struct Run {
    ms: f64,
    /// User + system CPU time of the verifier, when /usr/bin/time is there.
    cpu_ms: Option<f64>,
    verdicts: BTreeMap<String, usize>,
    exit: Option<i32>,
}

/// Runs the verifier over `files`, killing it at `deadline`.
fn run(verifier: &Path, files: &[PathBuf], deadline: Instant) -> Run {
    // GNU time, when present, reports the verifier's CPU time (user + system), which depends
    // less on what else the machine runs than the wall time does.
    let time_out = std::env::temp_dir().join(format!("bench-cli-time-{}", std::process::id()));
    let gnu_time = Path::new("/usr/bin/time").exists();
    let cmd = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.args(["-f", "%U %S", "-o"]).arg(&time_out).arg(verifier);
        c
    } else {
        Command::new(verifier)
    };
    let out = driver::run_verifier(cmd, files, deadline);
    let cpu_ms = gnu_time
        .then(|| std::fs::read_to_string(&time_out).ok())
        .flatten()
        .and_then(|t| {
            let v: Vec<f64> = t
                .lines()
                .last()?
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            (v.len() == 2).then(|| (v[0] + v[1]) * 1e3)
        });
    let _ = std::fs::remove_file(&time_out);
    Run {
        ms: out.elapsed.as_secs_f64() * 1e3,
        cpu_ms,
        verdicts: out.verdicts,
        exit: out.status.and_then(|s| s.code()),
    }
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Runs one scenario `runs` times; every URL must be fetched exactly once in each run.
fn scenario(
    name: &str,
    server: &Server,
    verifier: &Path,
    files: &[PathBuf],
    runs: usize,
    deadline: Instant,
    ok: &mut bool,
) -> Value {
    server.take_counts();
    let mut times = Vec::new();
    let mut cpu = Vec::new();
    let mut all_fetches: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    let mut verdicts = BTreeMap::new();
    let mut exits = Vec::new();
    for _ in 0..runs {
        let r = run(verifier, files, deadline);
        times.push(r.ms);
        cpu.extend(r.cpu_ms);
        exits.push(r.exit);
        verdicts = r.verdicts;
        for (url, n) in server.take_counts() {
            all_fetches.entry(url).or_default().push(n);
        }
    }
    let once = all_fetches
        .values()
        .all(|v| v.len() == runs && v.iter().all(|&n| n == 1));
    // Per URL, the most times it was fetched in one run.
    let per_url: BTreeMap<&String, usize> = all_fetches
        .iter()
        .map(|(u, v)| (u, v.iter().copied().max().unwrap_or(0)))
        .collect();
    let all_valid =
        verdicts.get("valid") == Some(&files.len()) && exits.iter().all(|e| *e == Some(0));
    *ok &= once && all_valid;
    let med = driver::median(times.clone());
    let cpu_med = (!cpu.is_empty()).then(|| driver::median(cpu.clone()));
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get()) as f64;
    eprintln!(
        "{name}: {} credentials in {med:.0} ms (median of {runs}) = {:.0} credentials/s, CPU {} ms; {} URLs fetched, each once: {once}; verdicts {verdicts:?}",
        files.len(),
        files.len() as f64 / med * 1e3,
        cpu_med.map_or("?".into(), |c| format!("{c:.0}")),
        all_fetches.len()
    );
    json!({
        "name": name,
        "credentials": files.len(),
        "runs_ms": times.iter().map(|t| (t * 10.0).round() / 10.0).collect::<Vec<_>>(),
        "median_ms": (med * 10.0).round() / 10.0,
        "credentials_per_s": (files.len() as f64 / med * 1e3).round(),
        "ms_per_credential": (med / files.len() as f64 * 1e3).round() / 1e3,
        "cpu_ms_median": cpu_med.map(|c| (c * 10.0).round() / 10.0),
        "cpu_ms_per_credential": cpu_med.map(|c| (c / files.len() as f64 * 1e3).round() / 1e3),
        // What all cores would do with nothing else running: credentials / (CPU time / cores).
        "credentials_per_s_if_cores_were_free": cpu_med.map(|c| (files.len() as f64 / (c / cores) * 1e3).round()),
        "verdicts": verdicts,
        "exit_codes": exits,
        "urls_fetched": per_url.len(),
        "most_fetches_of_one_url_in_a_run": per_url.values().max().copied().unwrap_or(0),
        "fetches_per_url_in_a_run": per_url,
        "each_url_fetched_once_per_run": once,
    })
}

fn main() {
    let driver::Options {
        verifier,
        numbers: [n, runs, status_every],
        timeout_s,
    } = driver::parse([("--n", 1000), ("--runs", 3), ("--status-every", 2)], 600);
    let deadline = Instant::now() + Duration::from_secs(timeout_s);
    let load_before = loadavg();
    let server = Server::start(Duration::from_secs(timeout_s));
    let root = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/bench-cli"
    ));
    let _ = std::fs::remove_dir_all(&root);
    let t = Instant::now();
    let mixed_issuers = issuers(&server, 20, 4);
    let mixed = write_credentials(
        &server,
        &root.join("mixed"),
        &mixed_issuers,
        n,
        status_every,
    );
    let plain = write_credentials(
        &server,
        &root.join("did-key-no-status"),
        &mixed_issuers[..20],
        n,
        0,
    );
    eprintln!(
        "generated {} credential files in {:.1} s; server at {}",
        mixed.len() + plain.len(),
        t.elapsed().as_secs_f64(),
        server.base
    );
    let mut ok = true;
    let single = driver::median(
        (0..5)
            .map(|_| run(&verifier, &plain[..1], deadline).ms)
            .collect(),
    );
    let results = vec![
        scenario("mixed", &server, &verifier, &mixed, runs, deadline, &mut ok),
        scenario(
            "did-key-no-status",
            &server,
            &verifier,
            &plain,
            runs,
            deadline,
            &mut ok,
        ),
    ];
    let served = server.routes().len();
    drop(server);
    let report = json!({
        "verifier": verifier.display().to_string(),
        "cores": std::thread::available_parallelism().map_or(1, |n| n.get()),
        "loadavg_before": load_before,
        "loadavg_after": loadavg(),
        "mixed": {
            "issuers": "20 did:key + 4 with a key in an issuer profile served over HTTP",
            "status_every": status_every,
            "documents_served": served,
        },
        "one_input_ms_median_of_5": (single * 10.0).round() / 10.0,
        "scenarios": results,
    });
    println!("{}", serde_json::to_string_pretty(&report).unwrap());
    if !ok {
        eprintln!("FAILED: not every credential was valid, or a URL was fetched more than once");
        std::process::exit(1);
    }
}
