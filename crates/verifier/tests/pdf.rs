//! PDF résumés (issue #17): PDFs built here with lopdf's writer; every link, text URL and
//! attached badge becomes a nested report with its page and kind; hostile PDFs end in a clear
//! error or note within the limits. Also writes and checks the app's e2e fixture
//! tests/fixtures/e2e/resume.pdf (`UPDATE_FIXTURES=1 cargo test --test pdf` rewrites it).
#![cfg(feature = "pdf")]

#[path = "support/rng.rs"]
mod rng;

use badge_verifier::extract::detect::{sniff, Kind};
use badge_verifier::extract::pdf::{scan, ItemKind};
use badge_verifier::report::{FoundKind, Outcome};
use badge_verifier::{verify, Format, Input, Limits, MemoryFetcher, Options, Report, Verdict};
use chrono::{DateTime, Utc};
use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream};

const ASSERTION: &str = "https://issuer.example/assertions/1";
const HOME: &str = "https://candidate.example/about";

fn at() -> DateTime<Utc> {
    "2026-06-01T00:00:00Z".parse().unwrap()
}

fn teamwork_png() -> Vec<u8> {
    std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/e2e/teamwork-baked.png"
    ))
    .unwrap()
}

/// An issuer's server: a hosted OB 2.0 assertion, and a home page that is no badge.
fn server() -> MemoryFetcher {
    let assertion = format!(
        r#"{{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion", "id": "{ASSERTION}",
        "recipient": {{"type": "email", "hashed": false, "identity": "alice@example.org"}},
        "badge": "https://issuer.example/badges/rust", "verification": {{"type": "HostedBadge"}},
        "issuedOn": "2024-01-01T00:00:00Z"}}"#
    );
    let badge_class = r#"{"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
        "id": "https://issuer.example/badges/rust", "name": "Rust", "description": "Writes Rust.",
        "image": "https://issuer.example/badges/rust.png", "criteria": {"narrative": "Wrote Rust."},
        "issuer": "https://issuer.example/issuer"}"#;
    let issuer = r#"{"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
        "id": "https://issuer.example/issuer", "name": "Example Issuer",
        "url": "https://issuer.example", "email": "badges@issuer.example"}"#;
    MemoryFetcher::new()
        .with(ASSERTION, "application/ld+json", assertion)
        .with(
            "https://issuer.example/badges/rust",
            "application/ld+json",
            badge_class,
        )
        .with(
            "https://issuer.example/issuer",
            "application/ld+json",
            issuer,
        )
        .with(
            HOME,
            "text/html",
            "<!doctype html><html><body>Hello</body></html>",
        )
}

/// A page: its text lines and annotations.
#[derive(Default)]
struct Page {
    lines: Vec<String>,
    annots: Vec<Dictionary>,
}

/// A PDF writer for the tests: pages, link and file annotations, embedded files.
struct Pdf {
    doc: Document,
    pages: Vec<Page>,
    embedded: Vec<(String, ObjectId)>,
}

impl Pdf {
    fn new() -> Pdf {
        Pdf {
            doc: Document::with_version("1.7"),
            pages: Vec::new(),
            embedded: Vec::new(),
        }
    }

    fn page(&mut self, lines: &[&str]) -> &mut Pdf {
        self.pages.push(Page {
            lines: lines.iter().map(|l| l.to_string()).collect(),
            annots: Vec::new(),
        });
        self
    }

    fn link(&mut self, uri: &str) -> &mut Pdf {
        let a = dictionary! {
            "Type" => "Annot", "Subtype" => "Link",
            "Rect" => vec![50.into(), 600.into(), 300.into(), 620.into()],
            "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal(uri) },
        };
        self.pages.last_mut().unwrap().annots.push(a);
        self
    }

    /// A file specification with its embedded file (Flate-compressed as writers do).
    fn filespec(&mut self, name: &str, data: &[u8]) -> ObjectId {
        let mut file = Stream::new(dictionary! { "Type" => "EmbeddedFile" }, data.to_vec());
        file.compress().unwrap();
        let file = self.doc.add_object(file);
        self.doc.add_object(dictionary! {
            "Type" => "Filespec", "F" => Object::string_literal(name),
            "UF" => Object::string_literal(name), "EF" => dictionary! { "F" => file },
        })
    }

    fn attach(&mut self, name: &str, data: &[u8]) -> &mut Pdf {
        let fs = self.filespec(name, data);
        let a = dictionary! {
            "Type" => "Annot", "Subtype" => "FileAttachment",
            "Rect" => vec![50.into(), 500.into(), 70.into(), 520.into()], "FS" => fs,
        };
        self.pages.last_mut().unwrap().annots.push(a);
        self.embedded.push((name.to_string(), fs));
        self
    }

    fn embed(&mut self, name: &str, data: &[u8]) -> &mut Pdf {
        let fs = self.filespec(name, data);
        self.embedded.push((name.to_string(), fs));
        self
    }

    fn build(&mut self) -> Document {
        let mut doc = std::mem::replace(&mut self.doc, Document::with_version("1.7"));
        let pages_id = doc.new_object_id();
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
        });
        let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
        let mut kids = Vec::new();
        for page in std::mem::take(&mut self.pages) {
            let mut ops = vec![
                Operation::new("BT", vec![]),
                Operation::new("Tf", vec!["F1".into(), 11.into()]),
                Operation::new("Td", vec![50.into(), 780.into()]),
            ];
            for line in &page.lines {
                ops.push(Operation::new(
                    "Tj",
                    vec![Object::string_literal(line.as_str())],
                ));
                ops.push(Operation::new("Td", vec![0.into(), (-14).into()]));
            }
            ops.push(Operation::new("ET", vec![]));
            let mut content = Stream::new(
                dictionary! {},
                Content { operations: ops }.encode().unwrap(),
            );
            content.compress().unwrap();
            let content = doc.add_object(content);
            let annots: Vec<Object> = page
                .annots
                .into_iter()
                .map(|a| doc.add_object(a).into())
                .collect();
            let page = doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => content,
                "Annots" => annots,
            });
            kids.push(page.into());
        }
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages", "Kids" => kids, "Count" => count, "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
            }),
        );
        let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
        if !self.embedded.is_empty() {
            let mut names = Vec::new();
            for (name, fs) in std::mem::take(&mut self.embedded) {
                names.push(Object::string_literal(name));
                names.push(fs.into());
            }
            let tree = doc.add_object(dictionary! { "Names" => names });
            catalog.set("Names", dictionary! { "EmbeddedFiles" => tree });
        }
        let catalog = doc.add_object(catalog);
        doc.trailer.set("Root", catalog);
        doc
    }

    fn bytes(&mut self) -> Vec<u8> {
        save(&mut self.build())
    }
}

fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn run_with(bytes: Vec<u8>, fetcher: &MemoryFetcher, opts: &Options) -> Report {
    let input = Input::Bytes {
        name: "resume.pdf".into(),
        bytes,
    };
    futures::executor::block_on(verify(&input, fetcher, opts))
}

fn run(bytes: Vec<u8>) -> Report {
    run_with(bytes, &server(), &Options::at(at()))
}

fn found(r: &Report) -> Vec<(Option<u32>, FoundKind, String, Verdict)> {
    r.nested
        .iter()
        .map(|n| {
            let f = n.found_at.as_ref().expect("found_at");
            (f.page, f.kind, n.input.clone(), n.verdict)
        })
        .collect()
}

fn check_detail(r: &Report, id: &str, outcome: Outcome) -> String {
    r.checks
        .iter()
        .filter(|c| c.id.as_str() == id && c.outcome == outcome)
        .map(|c| c.detail.to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}

#[test]
fn a_resume_lists_every_link_url_and_attached_badge_with_its_page() {
    let png = teamwork_png();
    let bytes = Pdf::new()
        .page(&[
            "Alice Example",
            "About me: https://candidate.example/about.",
        ])
        .link(ASSERTION)
        .page(&[
            &format!("Badge (again): {ASSERTION}"),
            "Old site: https://gone.example/x",
        ])
        .attach("teamwork-baked.png", &png)
        .bytes();
    assert_eq!(sniff(&bytes), Kind::Pdf);
    let r = run(bytes);
    assert_eq!(r.format, Some(Format::Pdf));
    assert_eq!(
        found(&r),
        vec![
            (
                Some(1),
                FoundKind::Link,
                ASSERTION.to_string(),
                Verdict::Valid
            ),
            (Some(1), FoundKind::Text, HOME.to_string(), Verdict::Error),
            // A page's annotations come before its text.
            (
                Some(2),
                FoundKind::Attachment,
                "teamwork-baked.png".to_string(),
                Verdict::Valid
            ),
            (
                Some(2),
                FoundKind::Text,
                "https://gone.example/x".to_string(),
                Verdict::Unverifiable
            ),
        ],
        "{r:#?}"
    );
    let attachment = r.nested[2].found_at.as_ref().unwrap();
    assert_eq!(attachment.name.as_deref(), Some("teamwork-baked.png"));
    // Both badges are valid, the home page is not a badge, but the dead link might have been
    // one: the PDF cannot be called valid (each badge keeps its own verdict).
    assert_eq!(r.verdict, Verdict::Unverifiable, "{}", r.summary);
    assert!(
        r.summary
            .contains("a badge behind one would not be verified"),
        "{}",
        r.summary
    );
    assert_eq!(
        check_detail(&r, "found", Outcome::Passed),
        "found 1 link, 2 URLs in the text and 1 attached file on 2 of 2 pages"
    );
    assert_eq!(
        r.checks
            .iter()
            .filter(|c| c.id.as_str() == "nested-credential" && c.outcome == Outcome::Passed)
            .count(),
        2
    );
    assert!(check_detail(&r, "nested-credential", Outcome::NotApplicable).contains("1 of the"));
    assert!(check_detail(&r, "nested-credential", Outcome::NotChecked).contains("1 link could not"));
    assert!(r.issued_by.is_some());
}

#[test]
fn the_worst_badge_decides() {
    // A tampered VC-JWT attached next to a valid one: the PDF is invalid.
    let tampered = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/e2e/teamwork-tampered.jwt"
    ))
    .unwrap();
    let bytes = Pdf::new()
        .page(&["Badges"])
        .attach("teamwork-baked.png", &teamwork_png())
        .embed("tampered.jwt", &tampered)
        .bytes();
    let r = run(bytes);
    let kinds: Vec<_> = found(&r).into_iter().map(|f| (f.0, f.3)).collect();
    // The annotation's file keeps its page; the one only in /EmbeddedFiles has none.
    assert_eq!(
        kinds,
        vec![(Some(1), Verdict::Valid), (None, Verdict::Invalid)]
    );
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
    assert!(r.issued_by.is_none());
}

#[test]
fn a_pdf_without_links_or_attachments_is_an_error() {
    let r = run(Pdf::new()
        .page(&["Alice Example", "No links here."])
        .bytes());
    assert_eq!(r.verdict, Verdict::Error);
    assert_eq!(r.format, Some(Format::Pdf));
    assert!(r.nested.is_empty());
    assert_eq!(
        r.summary,
        "no links or attached badges in this PDF (1 page searched)"
    );
}

#[test]
fn a_pdf_whose_links_are_not_badges_is_an_error() {
    let photo = b"\xFF\xD8\xFF\xE0 not really a jpeg";
    let r = run(Pdf::new()
        .page(&["Hi"])
        .link(HOME)
        .embed("me.jpg", photo)
        .bytes());
    assert_eq!(r.verdict, Verdict::Error, "{r:#?}");
    assert_eq!(r.nested.len(), 2);
    assert!(r.nested.iter().all(|n| n.verdict == Verdict::Error));
    assert!(r.summary.contains("none of the links"), "{}", r.summary);
}

#[test]
fn a_link_that_cannot_be_fetched_alone_is_unverifiable() {
    let r = run(Pdf::new()
        .page(&["x"])
        .link("https://gone.example/badge")
        .bytes());
    assert_eq!(r.verdict, Verdict::Unverifiable, "{}", r.summary);
    assert!(
        r.summary.contains("no badge could be read"),
        "{}",
        r.summary
    );
}

#[test]
fn identical_urls_are_verified_once_for_their_first_page() {
    let bytes = Pdf::new()
        .page(&["first"])
        .page(&[&format!("see {ASSERTION}")])
        .link(ASSERTION)
        .page(&[ASSERTION])
        .link(ASSERTION)
        .bytes();
    let r = run(bytes);
    assert_eq!(
        found(&r),
        vec![(
            Some(2),
            FoundKind::Link,
            ASSERTION.to_string(),
            Verdict::Valid
        )]
    );
    assert_eq!(r.verdict, Verdict::Valid, "{}", r.summary);
}

#[test]
fn recognised_by_content() {
    let pdf = Pdf::new().page(&["x"]).bytes();
    assert_eq!(sniff(&pdf), Kind::Pdf);
    let mut junk = b"\x00\x01junk before the header\n".to_vec();
    junk.extend_from_slice(&pdf);
    assert_eq!(sniff(&junk), Kind::Pdf);
    assert_eq!(sniff(br#"{"note": "%PDF-1.7 is a version"}"#), Kind::Text);
    assert_eq!(sniff(b"https://example.org/%PDF-"), Kind::Text);
    let mut far = vec![b'x'; 2000];
    far.extend_from_slice(b"%PDF-1.7");
    assert_eq!(sniff(&far), Kind::Text);
    // A PDF is never "not a badge": its contents are searched.
    let r = run(junk);
    assert_eq!(r.format, Some(Format::Pdf));
}

// ---- hostile PDFs ----

/// A PDF with `extra` objects written by hand after a valid one-page document.
fn hand_written(objects: &[&str], root: u32) -> Vec<u8> {
    let mut out = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root {root} 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

fn scan_default(bytes: &[u8]) -> Result<badge_verifier::extract::pdf::Scan, String> {
    scan(bytes, &Limits::default())
}

#[test]
fn encrypted_pdfs_are_not_read() {
    let mut doc = Pdf::new().page(&["x"]).link(ASSERTION).build();
    let enc = doc.add_object(dictionary! {
        "Filter" => "Standard", "V" => 1, "R" => 2, "P" => -4,
        "O" => Object::string_literal(vec![0u8; 32]), "U" => Object::string_literal(vec![0u8; 32]),
    });
    doc.trailer.set("Encrypt", enc);
    let r = run(save(&mut doc));
    assert_eq!(r.verdict, Verdict::Error);
    assert!(
        r.summary.starts_with("encrypted PDF: not read"),
        "{}",
        r.summary
    );
    assert!(r.nested.is_empty());
}

#[test]
fn reference_loops_end() {
    // Page tree whose Kids include itself; an annotation whose /A points at itself; an
    // EmbeddedFiles tree whose Kids loop; a URI that is a reference chain in a circle.
    let bytes = hand_written(
        &[
            "<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 5 0 R >> >>",
            "<< /Type /Pages /Kids [3 0 R 2 0 R] /Count 2 >>",
            "<< /Type /Page /Parent 2 0 R /Annots [4 0 R 4 0 R 7 0 R] /Contents 8 0 R >>",
            "<< /Type /Annot /Subtype /Link /A 4 0 R >>",
            "<< /Kids [5 0 R 6 0 R] >>",
            "<< /Kids [5 0 R] /Names [(a) 6 0 R] >>",
            "<< /Type /Annot /Subtype /Link /A << /S /URI /URI 9 0 R >> >>",
            "<< /Length 33 >>\nstream\nBT (https://loop.example/x) Tj ET\nendstream",
            "10 0 R",
            "9 0 R",
        ],
        1,
    );
    let s = scan_default(&bytes).expect("readable");
    assert_eq!((s.pages, s.pages_scanned), (1, 1), "{s:?}");
    // Only the text's URL: the looping links and name tree carry none.
    let urls: Vec<_> = s.items.iter().map(|i| i.url.as_deref()).collect();
    assert_eq!(urls, vec![Some("https://loop.example/x")], "{s:?}");
    let r = run(bytes);
    assert_eq!(r.format, Some(Format::Pdf));
}

#[test]
fn deep_nesting_and_garbage_are_clear_errors() {
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    let dict = format!("{}{}", "<< /A ".repeat(50_000), ">>".repeat(50_000));
    for bytes in [
        hand_written(&["<< /Type /Catalog /Pages 2 0 R >>", &deep], 1),
        hand_written(&["<< /Type /Catalog /Pages 2 0 R >>", &dict], 1),
        b"%PDF-1.7\n\x00\xff garbage xref 9999999999 startxref 12 %%EOF".to_vec(),
        b"%PDF-".to_vec(),
        b"%PDF-1.4\nxref\n0 99999999\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF".to_vec(),
    ] {
        let r = run(bytes);
        assert_eq!(r.format, Some(Format::Pdf));
        assert_eq!(r.verdict, Verdict::Error, "{}", r.summary);
        assert!(!r.summary.to_string().is_empty());
    }
}

#[test]
fn compression_bombs_stop_at_the_limits() {
    // 48 MiB of spaces in one content stream (a few KB compressed): over the PDF's decoding
    // budget, so its text is not read; the link is still verified.
    let mut doc = Pdf::new().page(&["x"]).link(ASSERTION).build();
    let page = *doc.get_pages().get(&1).unwrap();
    let mut bomb = Stream::new(dictionary! {}, vec![b' '; 48 << 20]);
    bomb.compress().unwrap();
    assert!(bomb.content.len() < 1 << 20);
    let bomb = doc.add_object(bomb);
    doc.get_dictionary_mut(page)
        .unwrap()
        .set("Contents", vec![bomb.into()]);
    let r = run(save(&mut doc));
    assert!(
        check_detail(&r, "found", Outcome::Warning).contains("decodes to more than"),
        "{r:#?}"
    );
    assert_eq!(r.nested.len(), 1);
    assert_eq!(r.verdict, Verdict::Valid, "{}", r.summary);

    // An attached file of 8 MiB: over the payload limit, reported, not read.
    let bytes = Pdf::new()
        .page(&["x"])
        .attach("big.png", &vec![0u8; 8 << 20])
        .bytes();
    let r = run(bytes);
    assert_eq!(r.nested.len(), 1);
    assert_eq!(r.nested[0].verdict, Verdict::Error);
    assert!(
        r.nested[0].summary.contains("larger than"),
        "{}",
        r.nested[0].summary
    );
    assert_eq!(r.verdict, Verdict::Error);
}

#[test]
fn pages_and_links_past_the_limits_are_reported() {
    let mut pdf = Pdf::new();
    for i in 0..5 {
        pdf.page(&[&format!("https://p{i}.example/a https://p{i}.example/b")]);
    }
    let limits = Limits {
        max_pdf_pages: 3,
        max_pdf_found: 4,
        max_nested_credentials: 2,
        ..Limits::default()
    };
    let bytes = pdf.bytes();
    let s = scan(&bytes, &limits).unwrap();
    assert_eq!((s.pages, s.pages_scanned, s.items.len()), (5, 3, 4));
    assert!(s.items.iter().all(|i| i.kind == ItemKind::Text));
    assert_eq!(s.notes.len(), 2, "{:?}", s.notes);
    let mut opts = Options::at(at());
    opts.limits = limits;
    let r = run_with(bytes, &server(), &opts);
    assert_eq!(r.nested.len(), 2);
    assert!(check_detail(&r, "nested-credential", Outcome::NotChecked)
        .contains("only the first 2 are verified"));
    assert_eq!(r.verdict, Verdict::Unverifiable);
}

/// Byte flips, truncations, PDF tokens and cut-outs of a small résumé: `scan` never panics
/// (`PDF_RANDOM_CASES=200000` ran clean when this was written).
#[test]
fn random_mutations_never_panic() {
    let base = Pdf::new()
        .page(&["https://a.example/x"])
        .link(ASSERTION)
        .attach("b.json", b"{}")
        .bytes();
    let mut rng = rng::Rng(0x5eed_0017);
    let limits = Limits::default();
    let cases: usize = std::env::var("PDF_RANDOM_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let mut read = 0;
    for _ in 0..cases {
        let mut b = base.clone();
        for _ in 0..1 + rng.below(8) {
            let i = rng.below(b.len());
            match rng.below(5) {
                0 => b[i] = rng.next() as u8,
                1 => b.truncate(i.max(5)),
                2 => {
                    const TOKENS: &[&[u8]] = &[
                        b"9999999999",
                        b" 0 R",
                        b"<<",
                        b">>",
                        b"[",
                        b"stream\n",
                        b"endstream",
                        b"/FlateDecode",
                        b"/Length 99999999",
                        b"xref",
                        b"/Kids [1 0 R]",
                        b"/ObjStm",
                    ];
                    let tok = *rng.pick(TOKENS);
                    b.splice(i..i, tok.iter().copied());
                }
                3 => {
                    let j = rng.below(b.len());
                    let (lo, hi) = (i.min(j), i.max(j));
                    b.drain(lo..hi.min(lo + 64));
                }
                _ => b[i] ^= 1 << rng.below(8),
            }
        }
        if scan(&b, &limits).is_ok() {
            read += 1;
        }
    }
    // Most mutants still parse (lopdf repairs xref damage), so the readers behind it ran.
    assert!(read > cases / 4, "only {read} of {cases} read");
}

// ---- the app's e2e fixture ----

fn resume_fixture() -> Vec<u8> {
    Pdf::new()
        .page(&[
            "Alice Example - Software engineer",
            "Portfolio: https://example.org/portfolio",
            "Teamwork badge attached.",
        ])
        .link("https://example.org/nothing-here")
        .attach("teamwork-baked.png", &teamwork_png())
        .bytes()
}

#[test]
fn e2e_resume_fixture_is_current_and_valid_offline() {
    let bytes = resume_fixture();
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/e2e/resume.pdf"
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(path, &bytes).unwrap();
    }
    assert!(
        std::fs::read(path).unwrap() == bytes,
        "resume.pdf is stale: UPDATE_FIXTURES=1 rewrites it"
    );
    // Offline (no documents served): the two links cannot be fetched, the badge is valid.
    let r = run_with(bytes, &MemoryFetcher::new(), &Options::at(at()));
    assert_eq!(
        found(&r),
        vec![
            (
                Some(1),
                FoundKind::Link,
                "https://example.org/nothing-here".to_string(),
                Verdict::Unverifiable
            ),
            (
                Some(1),
                FoundKind::Attachment,
                "teamwork-baked.png".to_string(),
                Verdict::Valid
            ),
            (
                Some(1),
                FoundKind::Text,
                "https://example.org/portfolio".to_string(),
                Verdict::Unverifiable
            ),
        ]
    );
    // Offline the two example.org links cannot be read, so the PDF as a whole is not valid.
    assert_eq!(r.verdict, Verdict::Unverifiable, "{}", r.summary);
}

/// The on-demand module's answer (the app's first load reads PDFs through it) is the scan the
/// CLI makes, as JSON, attachment bytes in base64; and its error for an unreadable PDF.
#[cfg(all(feature = "jsonld-reference", feature = "extended-suites"))]
#[test]
fn the_module_answers_with_the_same_scan() {
    use badge_verifier::extract::pdf::Scan;
    let png = teamwork_png();
    let bytes = Pdf::new()
        .page(&["https://a.example/x"])
        .link(ASSERTION)
        .attach("t.png", &png)
        .bytes();
    let wire = badge_verifier::offload::scan_pdf(&bytes).unwrap();
    let answer = Scan::from_wire(&wire).unwrap();
    assert_eq!(answer, scan_default(&bytes).unwrap());
    assert_eq!(answer.items.len(), 3);
    use base64::Engine;
    let data = answer.items[1].data.as_deref().unwrap();
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(data)
            .unwrap(),
        png
    );
    assert!(badge_verifier::offload::scan_pdf(b"%PDF-1.7 junk")
        .unwrap_err()
        .contains("damaged"));
}
