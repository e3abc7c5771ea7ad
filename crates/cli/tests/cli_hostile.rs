//! The CLI under hostile redirects (moved from the core's tests/fetch_hostile.rs, which tests
//! the fetcher itself): a refused input gets its own report and never costs the others theirs.

#[path = "../../verifier/tests/support/http_server.rs"]
mod http_server;

use http_server::Server;
use std::time::Duration;

const DOC: &str = r#"{"hello":"world"}"#;

fn server() -> Server {
    let s = Server::start(Duration::from_secs(60));
    s.doc("/doc", "application/json", DOC);
    s
}

#[test]
fn the_cli_reports_a_redirect_to_file_instead_of_panicking() {
    // ureq 2 panicked on a redirect to file: (issue #14 §2). The refused inputs get their own
    // reports, and the inputs around them theirs, in order.
    let ob3 = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/e2e/ob3-did-key.json"
    );
    let s = server();
    s.redirect("/badge", "file:///etc/passwd");
    s.redirect("/badge-zero", &format!("http://0.0.0.0:{}/doc", s.port));
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_badge-verify"))
        .args(["--json", "--allow-http", ob3])
        .arg(s.url("/badge"))
        .arg(ob3)
        .arg(s.url("/badge-zero"))
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "the CLI panicked: {stderr}");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 4);
    for i in [0, 2] {
        assert_eq!(lines[i]["input"], ob3);
        assert_eq!(lines[i]["format"], "ob3-data-integrity", "{}", lines[i]);
    }
    for (i, path) in [(1, "/badge"), (3, "/badge-zero")] {
        let line = &lines[i];
        assert_eq!(line["input"], s.url(path).as_str());
        assert_eq!(line["verdict"], "unverifiable", "{line}");
        assert!(
            line["summary"].as_str().unwrap().contains("refused"),
            "{line}"
        );
    }
    assert_eq!(s.count("/doc"), 0);
}
