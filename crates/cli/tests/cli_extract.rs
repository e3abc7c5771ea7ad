//! The CLI on malformed inputs: `badge-verify --json FILE` prints verdict "error" with the
//! specific extraction message and exits 1, without touching the network.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_badge-verify");

fn adversarial(name: &str) -> String {
    format!(
        "{}/../../tests/fixtures/extract/adversarial/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// Runs the CLI on one file; returns the parsed JSON report and the exit code.
fn verify_file(path: &str) -> (serde_json::Value, i32) {
    let out = Command::new(BIN)
        .args(["--json", "--at", "2025-01-01T00:00:00Z", path])
        .output()
        .expect("run badge-verify");
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let line = stdout
        .lines()
        .next()
        .unwrap_or_else(|| panic!("{path}: no output; stderr: {:?}", out.stderr));
    let report: serde_json::Value =
        serde_json::from_str(line).unwrap_or_else(|e| panic!("{path}: {e}: {line}"));
    (report, out.status.code().unwrap_or(-1))
}

#[track_caller]
fn assert_error(name: &str, needle: &str) {
    let path = adversarial(name);
    let (report, code) = verify_file(&path);
    assert_eq!(report["verdict"], "error", "{name}: {report}");
    assert_eq!(code, 1, "{name}");
    let extract = report["checks"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["id"] == "extract"))
        .unwrap_or_else(|| panic!("{name}: no extract check in {report}"));
    let detail = extract["detail"].as_str().unwrap_or_default();
    assert!(
        detail.contains(needle),
        "{name}: {detail:?} lacks {needle:?}"
    );
    assert!(
        report["summary"]
            .as_str()
            .unwrap_or_default()
            .contains(needle),
        "{name}: summary {report}"
    );
}

#[test]
fn malformed_pngs() {
    assert_error("png-compressed-itxt.png", "is compressed");
    assert_error("png-ztxt.png", "zTXt");
    assert_error("png-bad-crc.png", "CRC");
    assert_error("png-truncated.png", "but only 159 bytes remain");
    assert_error("png-truncated-header.png", "too few for a chunk header");
    assert_error("png-length-2gib.png", "2^31-1");
    assert_error("png-length-beyond-file.png", "2147483647 data bytes");
    assert_error("png-no-iend.png", "without an IEND");
    assert_error("png-no-badge.png", "no Open Badge baked into it");
    assert_error("png-clr.png", "CLR 2.0");
    assert_error("png-first-not-ihdr.png", "not IHDR");
    assert_error("png-empty-itxt.png", "is empty");
    assert_error("png-garbage-text.png", "found \"hello world\"");
    assert_error("png-invalid-utf8.png", "not valid UTF-8");
    assert_error("png-deep-json.png", "nested deeper than 64");
    assert_error("png-bad-chunk-type.png", "invalid PNG chunk type");
}

#[test]
fn malformed_svgs() {
    assert_error("svg-unbound-prefix.svg", "no xmlns:openbadges declares");
    assert_error(
        "svg-wrong-namespace.svg",
        "is in namespace \"http://example.org/not-openbadges\"",
    );
    assert_error("svg-xxe.svg", "never expanded");
    assert_error("svg-xxe-in-attribute.svg", "never expanded");
    assert_error("svg-billion-laughs.svg", "&lol9;");
    assert_error("svg-malformed.svg", "malformed SVG/XML");
    assert_error("svg-deep.svg", "nested deeper than 256");
    assert_error(
        "svg-no-payload.svg",
        "neither a verify attribute nor a body",
    );
    assert_error("svg-clr.svg", "CLR 2.0");
    assert_error("svg-no-badge.svg", "no Open Badge baked into it");
    assert_error("svg-unclosed-badge.svg", "no closing tag");
    assert_error(
        "svg-namespace-flood.svg",
        "more than 1024 XML namespace declarations",
    );
    assert_error("svg-text-before-root.svg", "text before its root element");
}

#[test]
fn other_malformed_inputs() {
    assert_error("empty.bin", "the input is empty");
    assert_error("jpeg.jpg", "this is a JPEG file; it carries no Open Badge");
    assert_error("gif.gif", "this is a GIF file");
    assert_error("not-svg.xml", "this is an XML file");
    assert_error(
        "html-inline-svg.html",
        "this is an HTML file; it carries no Open Badge",
    );
    assert_error(
        "xml-root-not-svg.xml",
        "this is a non-SVG XML (root element <doc>) file",
    );
    assert_error("garbage.txt", "expected JSON, a JWS/JWT or an https URL");
    assert_error("binary-garbage.bin", "binary data");
    assert_error("invalid-json.json", "invalid JSON");
    assert_error("deep-json.json", "nested deeper than 64");
}

/// Over the 64 MiB input cap: refused with the limit, after reading at most limit + 1 bytes.
#[test]
fn oversized_input() {
    let dir = std::env::temp_dir().join(format!("badge-verify-cli-extract-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("huge.png");
    let f = std::fs::File::create(&path).unwrap();
    f.set_len(65 * 1024 * 1024).unwrap(); // sparse: cheap to create
    drop(f);
    let (report, code) = verify_file(path.to_str().unwrap());
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!((report["verdict"].as_str(), code), (Some("error"), 1));
    assert!(
        report["summary"]
            .as_str()
            .unwrap()
            .contains("more than the 67108864-byte limit"),
        "{report}"
    );
}
