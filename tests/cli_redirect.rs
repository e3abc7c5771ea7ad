//! A server that redirects to `file://` (issue #14 §2). ureq 2 panics on such a redirect inside
//! the CLI's fetcher; the fetch-policy work (every hop re-checked) owns that fix. Here: the
//! regression test for it, and the proof that, even while the fetcher panics, the CLI reports
//! every input.

use std::io::{Read, Write};
use std::net::TcpListener;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const OB3: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/e2e/ob3-did-key.json"
);

/// Serves `302 Location: file:///etc/passwd` on 127.0.0.1 to every request, from a background
/// thread that stops accepting after 60 s whatever happens; returns the URL to ask.
fn redirector() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let port = listener.local_addr().unwrap().port();
    listener.set_nonblocking(true).unwrap();
    std::thread::spawn(move || {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            match listener.accept() {
                Ok((mut s, _)) => {
                    let _ = s.set_nonblocking(false);
                    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
                    let mut buf = [0u8; 4096];
                    let _ = s.read(&mut buf);
                    let _ = s.write_all(
                        b"HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\n\
                          Content-Length: 0\r\nConnection: close\r\n\r\n",
                    );
                }
                Err(_) => std::thread::sleep(Duration::from_millis(10)),
            }
        }
    });
    format!("http://127.0.0.1:{port}/badge.json")
}

/// Runs the CLI, killing it after 60 s (a hang is a failure too).
fn run_cli(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_badge-verify"))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(60);
    while child.try_wait().unwrap().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("badge-verify did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

/// The fix itself: no panic, and a report that says the redirect left http(s).
#[test]
fn a_redirect_to_file_is_refused_without_a_panic() {
    let url = redirector();
    let out = run_cli(&["--json", "--allow-http", &url]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "the CLI panicked: {stderr}");
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    let verdict = lines[0]["verdict"].as_str().unwrap();
    assert!(
        verdict == "unverifiable" || verdict == "error",
        "{}",
        lines[0]
    );
    let detail = lines[0]["checks"].to_string();
    assert!(
        detail.contains("file") && !detail.contains("internal error"),
        "the report should say the redirect to file: was refused: {detail}"
    );
}

/// Whatever the fetcher does with that redirect, every input gets its report, in order.
#[test]
fn a_redirect_to_file_costs_no_other_input_its_report() {
    let url = redirector();
    let out = run_cli(&["--json", "--allow-http", OB3, &url, OB3]);
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3, "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(lines[0]["input"], OB3);
    assert_eq!(lines[1]["input"], url.as_str());
    assert_eq!(lines[2]["input"], OB3);
    for l in [&lines[0], &lines[2]] {
        assert_eq!(l["format"], "ob3-data-integrity", "{l}");
    }
    let verdict = lines[1]["verdict"].as_str().unwrap();
    assert!(
        verdict == "unverifiable" || verdict == "error",
        "{}",
        lines[1]
    );
}
