//! `badge-verify resume.pdf` (issue #17): each attached badge is a nested report, printed
//! with the page and kind it was found as. The PDF is written by hand here (no links, so
//! nothing is fetched): one page, the baked teamwork badge attached to it and embedded.

use std::process::Command;

fn pdf_with_attachment(name: &str, file: &[u8]) -> Vec<u8> {
    let text = b"BT /F1 11 Tf 50 780 Td (Alice Example, resume) Tj ET".to_vec();
    let objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(x) 5 0 R] >> >> >>"
            .to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Annots [7 0 R] >>".to_vec(),
        stream(&text),
        format!("<< /Type /Filespec /F ({name}) /EF << /F 6 0 R >> >>").into_bytes(),
        stream(file),
        b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 10 10] /FS 5 0 R >>".to_vec(),
    ];
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    let n = objects.len() + 1;
    out.extend_from_slice(format!("xref\n0 {n}\n0000000000 65535 f \n").as_bytes());
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {n} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    out
}

fn stream(data: &[u8]) -> Vec<u8> {
    let mut s = format!("<< /Length {} >>\nstream\n", data.len()).into_bytes();
    s.extend_from_slice(data);
    s.extend_from_slice(b"\nendstream");
    s
}

#[test]
fn a_pdf_prints_each_badge_with_its_page_and_kind() {
    let png = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/e2e/teamwork-baked.png"
    ))
    .unwrap();
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli-resume.pdf");
    std::fs::write(&path, pdf_with_attachment("teamwork-baked.png", &png)).unwrap();
    let run = |json: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_badge-verify"));
        if json {
            c.arg("--json");
        }
        c.args(["--at", "2026-06-01T00:00:00Z"]).arg(&path);
        c.output().unwrap()
    };

    let out = run(false);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(text.contains("VALID"), "{text}");
    assert!(text.contains("format: pdf"), "{text}");
    assert!(
        text.contains("found 1 attached file on 1 of 1 page"),
        "{text}"
    );
    assert!(text.contains("    └ teamwork-baked.png: VALID"), "{text}");
    assert!(
        text.contains("found: page 1, attachment \"teamwork-baked.png\""),
        "{text}"
    );

    let out = run(true);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["format"], "pdf");
    assert_eq!(report["verdict"], "valid");
    let nested = report["nested"].as_array().unwrap();
    // The annotation's file and the name tree's are one file: one report, on its page.
    assert_eq!(nested.len(), 1);
    assert_eq!(
        nested[0]["found_at"],
        serde_json::json!({"page": 1, "kind": "attachment", "name": "teamwork-baked.png"})
    );
    assert_eq!(nested[0]["verdict"], "valid");
}
