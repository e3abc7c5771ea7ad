//! Start-up (issue #19 item 4): whole `badge-verify --json --at …` processes over the
//! benchmarks' 200 OB 3.0 `eddsa-rdfc-2022` credentials (`sign::benchmark_credentials`: 20
//! did:key issuers, no status, no network — the corpus of `crates/verifier/benches/verify.rs`),
//! against the reference JavaScript verifier (`scripts/bench-js-reference/verify.mjs`, Digital
//! Bazaar's W3C VC stack in Node) warm on the same files in the same run.
//!
//! Run it with `bash scripts/bench-startup.sh` (builds `badge-verify` and this with
//! `--profile release-native`, installs the JS verifier's pinned packages). Options: `--verifier
//! PATH`, `--n 200`, `--runs 21` (processes timed per case), `--js-warmup 2`, `--js-passes 5`
//! (untimed and timed passes of the JS verifier over all files), `--timeout-s 900` (the whole run).
//! Environment: `NODE` (default `node`); `OURS_NPM_PKG`: the project's own npm package (an entry
//! module exporting `verify`), timed in Node like the JS verifier when set.
//!
//! Each process is timed by the wall clock from spawn to exit (a blocking wait, no polling); its
//! standard output is read whole and every verdict checked `valid` after the timing. The CPU time
//! (user + system) of all timed processes comes from this process's `cutime`/`cstime`
//! (/proc/self/stat), so it counts the CLI's worker threads on every core. Prints one JSON line on
//! stdout and a summary on stderr; exits 1 if any verdict was not `valid` (or the JS verifier
//! failed its own checks).

#[path = "support/driver.rs"]
mod driver;
#[path = "../../verifier/tests/support/sign.rs"]
mod sign;

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The ms-per-credential target of issue #19 item 4.
const TARGET_MS_PER_CREDENTIAL: f64 = 0.15;
/// …and the speed-up over the JS verifier's warm median it stands for.
const TARGET_TIMES_FASTER_THAN_JS: f64 = 20.0;

/// One whole verifier process: its wall time and the verdict of each report line.
struct Process {
    ms: f64,
    verdicts: BTreeMap<String, usize>,
    exit: Option<i32>,
}

/// Runs `badge-verify --json --at AT files…` to its exit. The wait blocks instead of polling
/// (the bound is `--timeout-s`, watched by its own thread).
fn time_process(verifier: &Path, files: &[PathBuf]) -> Process {
    let t = Instant::now();
    let mut child = Command::new(verifier)
        .args(["--json", "--at", driver::AT])
        .args(files)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", verifier.display()));
    let mut out = String::new();
    child
        .stdout
        .take()
        .expect("piped")
        .read_to_string(&mut out)
        .expect("the verifier's output");
    let status = child.wait().expect("the verifier's exit");
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let mut verdicts = BTreeMap::new();
    for line in out.lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_default();
        let verdict = v["verdict"].as_str().unwrap_or("(unparsed)").to_string();
        *verdicts.entry(verdict).or_default() += 1;
    }
    Process {
        ms,
        verdicts,
        exit: status.code(),
    }
}

/// User + system CPU time of this process's waited-for children so far, in ms (proc(5):
/// fields 16 and 17 of /proc/self/stat, in clock ticks).
fn children_cpu_ms(ticks_per_s: f64) -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at field 3.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(13)?.parse::<f64>().ok()? + fields.get(14)?.parse::<f64>().ok()?;
    Some(ticks / ticks_per_s * 1e3)
}

fn clock_ticks_per_s() -> f64 {
    Command::new("getconf")
        .arg("CLK_TCK")
        .output()
        .ok()
        .and_then(|o| String::from_utf8(o.stdout).ok()?.trim().parse().ok())
        .unwrap_or(100.0)
}

fn round(x: f64, digits: i32) -> f64 {
    let k = 10f64.powi(digits);
    (x * k).round() / k
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// Times `runs` processes over `files` (after one untimed run that also checks the verdicts and
/// warms the file cache). `ok` turns false if any run had a verdict other than `valid` for
/// every file, or a non-zero exit.
fn case(name: &str, verifier: &Path, files: &[PathBuf], runs: usize, ok: &mut bool) -> Value {
    let ticks = clock_ticks_per_s();
    let check = |p: &Process| {
        p.verdicts.get("valid") == Some(&files.len()) && p.verdicts.len() == 1 && p.exit == Some(0)
    };
    let first = time_process(verifier, files);
    let mut all_valid = check(&first);
    let cpu_before = children_cpu_ms(ticks);
    let mut times = Vec::new();
    let mut verdicts = first.verdicts;
    for _ in 0..runs {
        let p = time_process(verifier, files);
        all_valid &= check(&p);
        times.push(p.ms);
        verdicts = p.verdicts;
    }
    let cpu_ms = cpu_before
        .zip(children_cpu_ms(ticks))
        .map(|(a, b)| (b - a) / runs as f64);
    *ok &= all_valid;
    let n = files.len() as f64;
    let med = driver::median(times.clone());
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    json!({
        "name": name,
        "credentials": files.len(),
        "runs": runs,
        "runs_ms": times.iter().map(|t| round(*t, 2)).collect::<Vec<_>>(),
        "median_ms": round(med, 3),
        "min_ms": round(min, 3),
        "median_ms_per_credential": round(med / n, 4),
        "min_ms_per_credential": round(min / n, 4),
        "cpu_ms_mean": cpu_ms.map(|c| round(c, 2)),
        "cpu_ms_per_credential": cpu_ms.map(|c| round(c / n, 4)),
        "verdicts_last_run": verdicts,
        "all_valid_every_run": all_valid,
    })
}

/// Runs the JS verifier (and our npm package, when `OURS_NPM_PKG` is set) on `files`; its JSON
/// line, or why there is none.
fn js_reference(files: &[PathBuf], warmup: usize, passes: usize) -> Result<Value, String> {
    let script =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/bench-js-reference/verify.mjs");
    let node = std::env::var("NODE").unwrap_or_else(|_| "node".into());
    let mut cmd = Command::new(&node);
    cmd.arg(&script).args(["--at", driver::AT]);
    cmd.args([
        "--warmup",
        &warmup.to_string(),
        "--passes",
        &passes.to_string(),
    ]);
    if let Ok(pkg) = std::env::var("OURS_NPM_PKG") {
        cmd.args(["--ours", &pkg]);
    }
    let out = cmd
        .args(files)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("{node}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{} exited with {}", script.display(), out.status));
    }
    let text = String::from_utf8_lossy(&out.stdout);
    serde_json::from_str(text.trim()).map_err(|e| format!("its output is not one JSON line: {e}"))
}

fn main() {
    let driver::Options {
        verifier,
        numbers: [n, runs, js_warmup, js_passes],
        timeout_s,
    } = driver::parse(
        [
            ("--n", 200),
            ("--runs", 21),
            ("--js-warmup", 2),
            ("--js-passes", 5),
        ],
        900,
    );
    // The whole benchmark's bound: past it, stop with an error (a hung child is the script's
    // `timeout` to end).
    std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(timeout_s));
        eprintln!("FAILED: bench_startup took longer than --timeout-s {timeout_s}");
        std::process::exit(2);
    });
    assert!(n > 0 && runs > 0, "--n and --runs must be at least 1");
    let load_before = loadavg();
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../target/bench-startup"
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let dir = dir.canonicalize().unwrap();
    let t = Instant::now();
    let files: Vec<PathBuf> = sign::benchmark_credentials(n)
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| {
            let path = dir.join(format!("cred-{i:04}.json"));
            std::fs::write(&path, bytes).unwrap();
            path
        })
        .collect();
    eprintln!(
        "wrote {n} credential files to {} in {:.1} s",
        dir.display(),
        t.elapsed().as_secs_f64()
    );

    let mut ok = true;
    let one = case("one-credential", &verifier, &files[..1], runs, &mut ok);
    let all = case(
        &format!("{n}-credentials"),
        &verifier,
        &files,
        runs,
        &mut ok,
    );
    let js = js_reference(&files, js_warmup, js_passes);
    let load_after = loadavg();

    let cli_per_credential = all["median_ms_per_credential"].as_f64().unwrap();
    let js_rows = js.as_ref().ok().and_then(|j| j["rows"].as_array().cloned());
    let js_row = js_rows
        .as_ref()
        .and_then(|rows| rows.iter().find(|r| r["name"] == "js-reference"));
    let js_median = js_row.and_then(|r| r["median_ms_per_credential"].as_f64());
    // CPU time per credential on both sides: less sensitive to what else the machine runs (the
    // CLI's is all its threads', the JS verifier's its whole Node process's).
    let js_cpu = js_row.and_then(|r| r["cpu_ms_per_credential"].as_f64());
    let cli_cpu = all["cpu_ms_per_credential"].as_f64();
    let cpu_times_less = js_cpu.zip(cli_cpu).map(|(js, cli)| js / cli);
    let ours_in_node = js_rows
        .as_ref()
        .and_then(|rows| rows.iter().find(|r| r["name"] == "ours-wasm-in-node"))
        .cloned();
    // How many times less time per credential the whole CLI process takes than the JS verifier's
    // warm median: the "≥ 20×".
    let times_faster = js_median.map(|js| js / cli_per_credential);
    if let Err(e) = &js {
        eprintln!("the JS verifier did not run: {e}");
        ok = false;
    }
    let report = json!({
        "benchmark": "bench-startup",
        "verifier": verifier.display().to_string(),
        "at": driver::AT,
        "cores": std::thread::available_parallelism().map_or(1, |n| n.get()),
        "loadavg_before": load_before,
        "loadavg_after": load_after,
        "cli": { "one": one, "all": all },
        "cli_ms_total_median": all["median_ms"],
        "cli_ms_per_credential": cli_per_credential,
        "js_reference_warm_median_ms_per_credential": js_median,
        "js_over_cli_per_credential": times_faster.map(|x| round(x, 2)),
        "ours_wasm_in_node": ours_in_node,
        "target_ms_per_credential": TARGET_MS_PER_CREDENTIAL,
        "meets_ms_target": cli_per_credential <= TARGET_MS_PER_CREDENTIAL,
        "meets_20x_js": times_faster.map(|x| x >= TARGET_TIMES_FASTER_THAN_JS),
        "cli_cpu_ms_per_credential": cli_cpu,
        "js_reference_cpu_ms_per_credential": js_cpu,
        "js_cpu_over_cli_cpu_per_credential": cpu_times_less.map(|x| round(x, 2)),
        "js": js.unwrap_or_else(|e| json!({ "error": e })),
    });
    println!("{report}");

    let ms = |v: &Value, k: &str| v[k].as_f64().unwrap_or(f64::NAN);
    eprintln!(
        "badge-verify, {n} credentials in one process: median {:.1} ms (min {:.1}) over {runs} runs = {:.4} ms per credential (target ≤ {TARGET_MS_PER_CREDENTIAL}); CPU {} ms per process",
        ms(&report["cli"]["all"], "median_ms"),
        ms(&report["cli"]["all"], "min_ms"),
        cli_per_credential,
        report["cli"]["all"]["cpu_ms_mean"],
    );
    eprintln!(
        "badge-verify, 1 credential (start-up): median {:.2} ms (min {:.2}); CPU {} ms",
        ms(&report["cli"]["one"], "median_ms"),
        ms(&report["cli"]["one"], "min_ms"),
        report["cli"]["one"]["cpu_ms_mean"],
    );
    match (js_median, times_faster) {
        (Some(js), Some(x)) => eprintln!(
            "JS reference verifier (Node, warm): median {js:.3} ms per credential → badge-verify's whole process is {x:.1}× less per credential (target ≥ {TARGET_TIMES_FASTER_THAN_JS}×)"
        ),
        _ => eprintln!("JS reference verifier: no number"),
    }
    if let (Some(js), Some(cli), Some(x)) = (js_cpu, cli_cpu, cpu_times_less) {
        eprintln!("CPU time per credential: JS {js:.3} ms, badge-verify's whole process {cli:.4} ms → {x:.1}×");
    }
    match &report["ours_wasm_in_node"] {
        Value::Null => eprintln!("our wasm in Node: not measured (no OURS_NPM_PKG)"),
        r => eprintln!(
            "our wasm in Node (warm, {}): median {:.3} ms per credential (min {:.3}; CPU {:.3})",
            r["api"].as_str().unwrap_or("?"),
            ms(r, "median_ms_per_credential"),
            ms(r, "min_ms_per_credential"),
            ms(r, "cpu_ms_per_credential"),
        ),
    }
    eprintln!("load average {load_before} → {load_after}");
    if !ok {
        eprintln!("FAILED: a verdict was not valid, or the JS verifier did not run to its end");
        std::process::exit(1);
    }
}
