//! The `badge-verify` command-line contract: JSON lines in input order, exit statuses.

use std::process::{Command, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_badge-verify"))
}

const OB3: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/e2e/ob3-did-key.json"
);
const TEXT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/e2e/not-a-badge.txt"
);

fn json_lines(stdout: &[u8]) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(bin().status().unwrap().code(), Some(2));
    assert_eq!(
        bin().arg("--bogus").arg("x").status().unwrap().code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["--at", "yesterday", "x"])
            .status()
            .unwrap()
            .code(),
        Some(2)
    );
    assert_eq!(bin().arg("--recipient").status().unwrap().code(), Some(2));
}

#[test]
fn one_json_object_per_input_in_order() {
    let out = bin()
        .args([
            "--json",
            "--at",
            "2026-01-01T00:00:00Z",
            TEXT,
            OB3,
            "/no/such/file",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "not every input is valid");
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["input"], TEXT);
    assert_eq!(lines[0]["verdict"], "error");
    assert_eq!(lines[0]["format"], serde_json::Value::Null);
    assert_eq!(lines[1]["input"], OB3);
    assert_eq!(lines[1]["format"], "ob3-data-integrity");
    assert_eq!(lines[1]["badge"]["name"], "test 1");
    assert!(lines[1]["checks"].as_array().is_some_and(|c| !c.is_empty()));
    assert_eq!(lines[1]["recipient_match"], serde_json::Value::Null);
    assert_eq!(lines[2]["verdict"], "error");
    for l in &lines {
        for key in [
            "input",
            "verdict",
            "format",
            "summary",
            "badge",
            "recipient_match",
            "checks",
        ] {
            assert!(l.get(key).is_some(), "missing {key} in {l}");
        }
    }
}

#[test]
fn stdin_and_human_output() {
    let mut child = bin()
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        let mut stdin = child.stdin.take().unwrap();
        stdin.write_all(b"\x89PNG\r\n\x1a\ntruncated").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("-: ERROR"), "{text}");
}

#[test]
fn recipient_match_is_reported() {
    let out = bin()
        .args(["--json", "--recipient", "someone@example.org", OB3])
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert!(lines[0]["recipient_match"].is_boolean());
}

#[test]
fn many_inputs_keep_their_order_when_verified_in_parallel() {
    let inputs: Vec<&str> = (0..24)
        .map(|i| if i % 3 == 0 { OB3 } else { TEXT })
        .collect();
    let out = bin().arg("--json").args(&inputs).output().unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), inputs.len());
    for (line, input) in lines.iter().zip(&inputs) {
        assert_eq!(line["input"], *input);
    }
}

/// An input that makes the verifier panic gets its own `error` report and costs no other input
/// its report: every worker goes on after the panic, and reports stay in input order. The
/// panic is caused by the CLI's debug-only test hook (`BADGE_VERIFY_TEST_PANIC`, see
/// `test_panic` in src/bin/badge-verify.rs), as no real input is known to panic any more.
#[test]
fn a_panicking_input_costs_only_its_own_report() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the CLI's test hook exists in debug builds only");
        return;
    }
    const PANIC: &str = "/test/panics/here.json";
    // More panics than workers: a worker that died with its panic would lose the rest.
    let inputs: Vec<&str> = (0..60)
        .map(|i| match i % 6 {
            1 => PANIC,
            0 | 3 => OB3,
            _ => TEXT,
        })
        .collect();
    let out = bin()
        .env("BADGE_VERIFY_TEST_PANIC", PANIC)
        .args(["--json", "--at", "2026-01-01T00:00:00Z"])
        .args(&inputs)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), inputs.len(), "a report was lost");
    for (line, input) in lines.iter().zip(&inputs) {
        assert_eq!(line["input"], *input);
        let checks = line["checks"].as_array().unwrap();
        if *input == PANIC {
            assert_eq!(line["verdict"], "error");
            assert_eq!(checks.len(), 1, "{line}");
            assert_eq!(checks[0]["id"], "internal");
            let detail = checks[0]["detail"].as_str().unwrap();
            assert!(
                detail.starts_with("internal error while verifying this input: test panic")
                    && detail.contains("please report it"),
                "{detail}"
            );
        } else {
            assert!(checks.iter().all(|c| c["id"] != "internal"), "{line}");
        }
        if *input == OB3 {
            assert_eq!(line["format"], "ob3-data-integrity", "{line}");
            assert_eq!(line["badge"]["name"], "test 1");
        }
    }
    // Human output too: the panicking input's report is there, between the others.
    let out = bin()
        .env("BADGE_VERIFY_TEST_PANIC", PANIC)
        .args([OB3, PANIC, TEXT])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("no {s} in {text}"));
    assert!(at(&format!("{OB3}: ")) < at(&format!("{PANIC}: ERROR")));
    assert!(at(&format!("{PANIC}: ERROR")) < at(&format!("{TEXT}: ERROR")));
}

/// The badge's own text never reaches the terminal outside the report. Today it does: json-ld
/// 0.21's context processing reports warnings through `warning::Print` (`eprintln!`), both
/// where we call `process_with` (the top-level context) and inside its own expansion (embedded
/// and scoped contexts, hard-coded there). So a malformed IRI in a context, here with terminal
/// escape sequences, is written raw to the CLI's stderr, and `eprintln!` panics when stderr is
/// a closed pipe (the CLI then reports that input as an internal error). Passing `()` as the
/// handler in our three calls fixes the first case only, for +372 B brotli in the app (a second
/// copy of context processing); the second needs a patched json-ld-expansion.
#[test]
#[ignore = "json-ld 0.21 prints context-processing warnings (process_with → warning::Print)"]
fn badge_text_is_not_printed_to_stderr() {
    const DID: &str = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    let top_level = serde_json::json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            {"evil": "\u{1b}[31mRED\u{1b}[0m"}],
        "id": "urn:uuid:1", "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": DID, "type": ["Profile"]},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"], "achievement": {"id": "urn:x",
            "type": ["Achievement"], "name": "n", "criteria": {"narrative": "x"}}},
        "proof": {"type": "DataIntegrityProof", "cryptosuite": "eddsa-rdfc-2022",
            "verificationMethod": format!("{DID}#{}", &DID[8..]),
            "proofPurpose": "assertionMethod", "proofValue": "z3"}
    });
    let mut embedded = top_level.clone();
    embedded["@context"].as_array_mut().unwrap().pop();
    embedded["credentialSubject"]["@context"] = serde_json::json!({"evil": "\u{1b}[2J"});
    for (i, credential) in [top_level, embedded].iter().enumerate() {
        let path =
            std::env::temp_dir().join(format!("badge-escape-{}-{i}.json", std::process::id()));
        std::fs::write(&path, credential.to_string()).unwrap();
        let out = bin().arg("--json").arg(&path).output().unwrap();
        std::fs::remove_file(&path).ok();
        assert_eq!(json_lines(&out.stdout).len(), 1);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            !stderr.contains('\u{1b}') && stderr.is_empty(),
            "{i}: {stderr:?}"
        );
    }
}

/// Issue #16: a Verifiable Credential that is not an Open Badge is verified as one, and both
/// outputs say so plainly (the W3C vc-di-eddsa vector: a real signature by a key its issuer
/// does not control, so invalid; nothing fetched).
#[test]
fn a_plain_vc_is_said_to_be_one() {
    const VC: &str = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/di/w3c/eddsa-rdfc-2022/signedDataInt.json"
    );
    let out = bin()
        .args(["--at", "2026-01-01T00:00:00Z", VC])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("  format: vc-data-integrity\n"), "{text}");
    assert!(
        text.contains(
            "  a Verifiable Credential, not an Open Badge (type: VerifiableCredential, AlumniCredential)\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("Alumni Credential — issued by https://vc.example/issuers/5678"),
        "{text}"
    );
    let out = bin()
        .args(["--json", "--at", "2026-01-01T00:00:00Z", VC])
        .output()
        .unwrap();
    let lines = json_lines(&out.stdout);
    assert_eq!(lines[0]["format"], "vc-data-integrity");
    assert_eq!(lines[0]["verdict"], "invalid");
    assert_eq!(
        lines[0]["badge"]["credential_types"],
        serde_json::json!(["VerifiableCredential", "AlumniCredential"])
    );
}

/// A presentation (issue #16) of a valid e2e credential (JSON) and a tampered one (a JWT), on
/// stdin (tests/fixtures/e2e/SOURCES.md).
fn presentation() -> Vec<u8> {
    let e2e = |f: &str| {
        std::fs::read_to_string(format!(
            "{}/../../tests/fixtures/e2e/{f}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap()
    };
    let valid: serde_json::Value = serde_json::from_str(&e2e("ob3-valid.json")).unwrap();
    let tampered = e2e("teamwork-tampered.jwt").trim().to_string();
    serde_json::json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "type": ["VerifiablePresentation"],
        "verifiableCredential": [valid, tampered]
    })
    .to_string()
    .into_bytes()
}

fn run_stdin(args: &[&str], input: &[u8]) -> std::process::Output {
    let mut child = bin()
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    child.wait_with_output().unwrap()
}

#[test]
fn nested_reports_are_printed_under_their_parent() {
    let at = ["--at", "2026-01-01T00:00:00Z"];
    let out = run_stdin(&at, &presentation());
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.starts_with("-: INVALID"), "{text}");
    assert!(
        text.contains("\n    └ verifiableCredential[0]: VALID"),
        "{text}"
    );
    assert!(
        text.contains("\n    └ verifiableCredential[1]: INVALID"),
        "{text}"
    );
    assert!(text.contains("  format: vp\n"), "{text}");
    let out = run_stdin(&["--json", at[0], at[1]], &presentation());
    let lines = json_lines(&out.stdout);
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["format"], "vp");
    assert_eq!(lines[0]["nested"][0]["verdict"], "valid");
    assert_eq!(lines[0]["nested"][1]["verdict"], "invalid");
}
