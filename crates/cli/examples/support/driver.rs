//! What the example drivers that run `badge-verify` (`bench_cli`, `rss_hostile`) share: their
//! command line (`--verifier PATH`, `--timeout-s S` and each driver's own numeric options, each
//! given as `--name VALUE`), and running the verifier over input files with a deadline.
//! Included with `#[path = "support/driver.rs"] mod driver;`.
#![allow(dead_code)]

use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// The time the verifier is asked to evaluate validity at (`--at`).
pub const AT: &str = "2026-01-01T00:00:00Z";

pub struct Options<const N: usize> {
    /// `--verifier`; by default `target/release-native/badge-verify`.
    pub verifier: PathBuf,
    /// The driver's numeric options, in the order `parse` was given them.
    pub numbers: [usize; N],
    /// `--timeout-s`.
    pub timeout_s: u64,
}

/// Reads the process's arguments. `numbers`: each numeric option's name and default. Panics on
/// an unknown option, or a value that is missing or not a number.
pub fn parse<const N: usize>(numbers: [(&str, usize); N], timeout_s: u64) -> Options<N> {
    let mut o = Options {
        verifier: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../target/release-native/badge-verify"
        )),
        numbers: numbers.map(|(_, default)| default),
        timeout_s,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let number = numbers.iter().position(|(name, _)| *name == a);
        if number.is_none() && a != "--verifier" && a != "--timeout-s" {
            panic!("unknown argument {a}");
        }
        let val = args.next().unwrap_or_else(|| panic!("{a} needs a value"));
        match number {
            Some(k) => o.numbers[k] = val.parse().unwrap_or_else(|_| panic!("{a} N")),
            None if a == "--verifier" => o.verifier = PathBuf::from(val),
            None => o.timeout_s = val.parse().expect("--timeout-s S"),
        }
    }
    o
}

/// What a verifier run gave.
pub struct Output {
    /// None: killed at the deadline.
    pub status: Option<ExitStatus>,
    /// From start to exit (or kill).
    pub elapsed: Duration,
    /// Standard error, when the command pipes it (empty otherwise).
    pub stderr: String,
    /// How many inputs got each verdict (`(unparsed)`: a line that is not a report).
    pub verdicts: BTreeMap<String, usize>,
}

/// Runs `cmd` (the verifier, or a wrapper whose last argument is the verifier) with
/// `--json --allow-http --at AT` and `files`, reading its standard output (and its standard error
/// when `cmd` pipes it), and kills it at `deadline`.
pub fn run_verifier(mut cmd: Command, files: &[PathBuf], deadline: Instant) -> Output {
    let t = Instant::now();
    let mut child = cmd
        .args(["--json", "--allow-http", "--at", AT])
        .args(files)
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{}: {e}", cmd.get_program().to_string_lossy()));
    fn read_all(r: Option<impl Read + Send + 'static>) -> std::thread::JoinHandle<String> {
        std::thread::spawn(move || {
            let mut s = String::new();
            if let Some(mut r) = r {
                let _ = r.read_to_string(&mut s);
            }
            s
        })
    }
    let (out, err) = (read_all(child.stdout.take()), read_all(child.stderr.take()));
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break Some(s);
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_micros(250));
    };
    let elapsed = t.elapsed();
    let mut verdicts = BTreeMap::new();
    for line in out.join().unwrap().lines() {
        let v: Value = serde_json::from_str(line).unwrap_or_default();
        let verdict = v["verdict"].as_str().unwrap_or("(unparsed)").to_string();
        *verdicts.entry(verdict).or_default() += 1;
    }
    Output {
        status,
        elapsed,
        stderr: err.join().unwrap(),
        verdicts,
    }
}

/// The median of `v` (the mean of the middle two for an even count).
pub fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}
