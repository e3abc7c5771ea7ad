//! QR codes in photos and scans of printed certificates (issue #17): the pictures are drawn
//! here (qrcodegen, the share panel's encoder), encoded as PNG (png crate) and JPEG (image
//! crate), and verified; each code is its own nested report under the picture.
//! `UPDATE_FIXTURES=1 cargo test --test qr` rewrites tests/fixtures/e2e/certificate-qr.{png,jpg}.

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::report::{FoundKind, Outcome, Report, Verdict};
use badge_verifier::verify::Input;
use badge_verifier::{verify, Format, MemoryFetcher, Options};
use chrono::{DateTime, Utc};
use qrcodegen::{QrCode, QrCodeEcc};
use serde_json::json;

/// The e2e issuer (tests/app_fixtures.rs): the did:key of this seed.
const SEED: [u8; 32] = [42; 32];
const CREDENTIAL_URL: &str = "https://training.example.org/credentials/teamwork.jwt";

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn e2e(file: &str) -> String {
    format!(
        "{}/../../tests/fixtures/e2e/{file}",
        env!("CARGO_MANIFEST_DIR")
    )
}

/// A compact VC-JWT small enough for one QR code (≈1.2 kB; teamwork-valid.jwt, 3 kB with its
/// image, is not), signed by the e2e issuer: valid offline.
fn small_jwt() -> String {
    let did = sign::did_key(SEED);
    let mut claims = sign::credential(
        &did,
        "Teamwork",
        "mailto:alice@example.org",
        "2024-03-12T09:00:00Z",
    );
    claims["iss"] = json!(did);
    claims["jti"] = claims["id"].clone();
    claims["nbf"] = json!(1710234000);
    sign::jwt(&claims, SEED)
}

/// A grayscale canvas, one byte per pixel.
struct Canvas {
    w: usize,
    h: usize,
    px: Vec<u8>,
}

impl Canvas {
    fn new(w: usize, h: usize, gray: u8) -> Canvas {
        Canvas {
            w,
            h,
            px: vec![gray; w * h],
        }
    }

    fn rect(&mut self, x: usize, y: usize, w: usize, h: usize, gray: u8) {
        for yy in y..(y + h).min(self.h) {
            for xx in x..(x + w).min(self.w) {
                self.px[yy * self.w + xx] = gray;
            }
        }
    }

    /// `text` as a QR code (smallest version, low error correction at least), `scale` pixels a
    /// module, a 4-module white quiet zone, its top left corner at (x, y), turned by `degrees`
    /// around its centre; `dark`/`light` its two grays.
    #[allow(clippy::too_many_arguments)]
    fn qr(
        &mut self,
        text: &str,
        x: usize,
        y: usize,
        scale: usize,
        degrees: f64,
        dark: u8,
        light: u8,
    ) {
        let code = QrCode::encode_text(text, QrCodeEcc::Low).expect("fits in a QR code");
        let n = code.size() as usize + 8;
        let side = n * scale;
        let (c, s) = (degrees.to_radians().cos(), degrees.to_radians().sin());
        let mid = side as f64 / 2.0;
        // Each canvas pixel of the turned square looks up the module it falls in.
        let reach = (side as f64 * 0.75) as usize;
        let (cx, cy) = (x as f64 + mid, y as f64 + mid);
        for py in (cy as usize).saturating_sub(reach)..(cy as usize + reach).min(self.h) {
            for px in (cx as usize).saturating_sub(reach)..(cx as usize + reach).min(self.w) {
                let (dx, dy) = (px as f64 + 0.5 - cx, py as f64 + 0.5 - cy);
                let (u, v) = (c * dx + s * dy + mid, -s * dx + c * dy + mid);
                if u < 0.0 || v < 0.0 || u >= side as f64 || v >= side as f64 {
                    continue;
                }
                let (mx, my) = (
                    (u as usize / scale) as i32 - 4,
                    (v as usize / scale) as i32 - 4,
                );
                self.px[py * self.w + px] = if code.get_module(mx, my) { dark } else { light };
            }
        }
    }

    /// Deterministic noise of ±`amp` (a camera's grain).
    fn noise(&mut self, amp: i32) {
        let mut state = 0x2545_f491_u32;
        for p in &mut self.px {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            let d = (state % (2 * amp as u32 + 1)) as i32 - amp;
            *p = (i32::from(*p) + d).clamp(0, 255) as u8;
        }
    }

    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut enc = png::Encoder::new(&mut out, self.w as u32, self.h as u32);
        enc.set_color(png::ColorType::Grayscale);
        enc.set_depth(png::BitDepth::Eight);
        let mut writer = enc.write_header().unwrap();
        writer.write_image_data(&self.px).unwrap();
        writer.finish().unwrap();
        out
    }

    fn jpeg(&self) -> Vec<u8> {
        let mut out = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 90)
            .encode(
                &self.px,
                self.w as u32,
                self.h as u32,
                image::ExtendedColorType::L8,
            )
            .unwrap();
        out
    }
}

/// One QR code of `text` on a white page.
fn page_with(text: &str) -> Canvas {
    let mut c = Canvas::new(520, 520, 255);
    c.qr(text, 20, 20, 3, 0.0, 0, 255);
    c
}

fn run(bytes: Vec<u8>, fetcher: &MemoryFetcher) -> Report {
    let input = Input::Bytes {
        name: "certificate".into(),
        bytes,
    };
    futures::executor::block_on(verify(&input, fetcher, &Options::at(at())))
}

fn check<'a>(r: &'a Report, id: &str) -> &'a badge_verifier::Check {
    r.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no {id} check in {:#?}", r.checks))
}

/// The picture's report: format, one nested report per code, each found in a QR code.
fn assert_picture(r: &Report, codes: usize) {
    assert_eq!(r.format, Some(Format::QrImage), "{:#?}", r.checks);
    assert_eq!(r.nested.len(), codes, "{:#?}", r.checks);
    let found = check(r, "found");
    assert_eq!(found.outcome, Outcome::Passed);
    let plural = if codes == 1 { "" } else { "s" };
    assert_eq!(found.detail, format!("{codes} QR code{plural} found"));
    for n in &r.nested {
        let at = n.found_at.as_ref().expect("found_at");
        assert_eq!(
            (at.kind, at.page, at.name.as_deref()),
            (FoundKind::QrCode, None, None)
        );
    }
}

fn assert_no_code(r: &Report, needle: &str) {
    assert_eq!(r.verdict, Verdict::Error, "{:#?}", r.checks);
    assert!(r.nested.is_empty());
    let found = check(r, "found");
    assert_eq!(found.outcome, Outcome::Failed);
    assert!(found.detail.contains(needle), "{}", found.detail);
}

#[test]
fn a_credential_url_in_a_qr_code_is_fetched_and_verified() {
    let token = std::fs::read_to_string(e2e("teamwork-valid.jwt")).unwrap();
    let fetcher = MemoryFetcher::new().with(CREDENTIAL_URL, "application/jwt", token.trim());
    for bytes in [
        page_with(CREDENTIAL_URL).png(),
        page_with(CREDENTIAL_URL).jpeg(),
    ] {
        let r = run(bytes, &fetcher);
        assert_picture(&r, 1);
        assert_eq!(
            r.nested[0].verdict,
            Verdict::Valid,
            "{:#?}",
            r.nested[0].checks
        );
        assert_eq!(r.nested[0].input, "QR code 1");
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        assert!(r.issued_by.is_some());
    }
}

#[test]
fn a_compact_jwt_in_a_qr_code_is_verified_offline() {
    let jwt = small_jwt();
    assert!(jwt.len() > 1000, "{}", jwt.len());
    let r = run(page_with(&jwt).png(), &MemoryFetcher::new());
    assert_picture(&r, 1);
    assert_eq!(
        r.nested[0].verdict,
        Verdict::Valid,
        "{:#?}",
        r.nested[0].checks
    );
    assert_eq!(r.nested[0].credential.as_deref(), Some(jwt.as_str()));
    assert_eq!(r.verdict, Verdict::Valid);
}

#[test]
fn two_codes_are_two_nested_reports_and_the_worst_decides() {
    let token = std::fs::read_to_string(e2e("teamwork-valid.jwt")).unwrap();
    let fetcher = MemoryFetcher::new().with(CREDENTIAL_URL, "application/jwt", token.trim());
    let mut c = Canvas::new(900, 480, 255);
    c.qr(CREDENTIAL_URL, 20, 20, 4, 0.0, 0, 255);
    c.qr("Thank you for attending!", 500, 20, 4, 0.0, 0, 255);
    let r = run(c.png(), &fetcher);
    assert_picture(&r, 2);
    let mut verdicts: Vec<Verdict> = r.nested.iter().map(|n| n.verdict).collect();
    verdicts.sort_by_key(|v| v.severity());
    assert_eq!(verdicts, [Verdict::Valid, Verdict::Error]);
    // A code that holds no badge makes the picture unreadable as a badge, as none would.
    assert_eq!(r.verdict, Verdict::Error, "{:#?}", r.checks);
    let text = r
        .nested
        .iter()
        .find(|n| n.verdict == Verdict::Error)
        .unwrap();
    assert!(
        text.summary.contains("this QR code holds no badge")
            && text.summary.contains("Thank you for attending"),
        "{}",
        text.summary
    );
}

#[test]
fn plain_text_in_a_qr_code_is_its_own_clear_error() {
    let r = run(page_with("hello world").jpeg(), &MemoryFetcher::new());
    assert_picture(&r, 1);
    assert_eq!(r.nested[0].verdict, Verdict::Error);
    assert!(r.nested[0]
        .summary
        .contains("expected JSON, a JWS/JWT or an https URL"));
    assert_eq!(r.verdict, Verdict::Error);
    let nested = check(&r, "nested-credential");
    assert_eq!(nested.outcome, Outcome::Failed);
}

#[test]
fn a_photo_like_scan_is_read() {
    // Gray paper, a little grain, a darker gray ink, blocks of "text" around the code.
    let mut c = Canvas::new(1000, 800, 200);
    for i in 0..8 {
        c.rect(560, 60 + i * 40, 360, 14, 120);
    }
    c.qr(CREDENTIAL_URL, 60, 120, 5, 0.0, 50, 215);
    c.noise(12);
    let token = std::fs::read_to_string(e2e("teamwork-valid.jwt")).unwrap();
    let fetcher = MemoryFetcher::new().with(CREDENTIAL_URL, "application/jwt", token.trim());
    for bytes in [c.png(), c.jpeg()] {
        let r = run(bytes, &fetcher);
        assert_picture(&r, 1);
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    }
}

#[test]
fn a_slightly_turned_code_is_read() {
    for degrees in [3.0, -7.0, 15.0, 45.0, 90.0] {
        let mut c = Canvas::new(700, 700, 230);
        c.qr(CREDENTIAL_URL, 120, 120, 5, degrees, 30, 235);
        c.noise(8);
        let codes = badge_verifier::extract::qr::scan(&c.jpeg()).unwrap();
        assert_eq!(codes, [CREDENTIAL_URL], "turned by {degrees}°");
    }
}

#[test]
fn a_large_photo_is_scanned_reduced() {
    // 4000 × 3000: scanned at a quarter of its size first.
    let mut c = Canvas::new(4000, 3000, 210);
    c.qr(CREDENTIAL_URL, 1500, 1000, 16, 0.0, 40, 230);
    let codes = badge_verifier::extract::qr::scan(&c.jpeg()).unwrap();
    assert_eq!(codes, [CREDENTIAL_URL]);
}

#[test]
fn no_qr_code_is_a_clear_error() {
    let mut c = Canvas::new(300, 200, 255);
    c.rect(20, 20, 100, 30, 90);
    let r = run(c.png(), &MemoryFetcher::new());
    assert_no_code(&r, "no badge data and no QR code in this image");
    assert!(check(&r, "found")
        .detail
        .contains("this PNG image has no Open Badge baked into it"));
    assert_eq!(r.format, Some(Format::QrImage));
    let r = run(c.jpeg(), &MemoryFetcher::new());
    assert_no_code(&r, "no badge data and no QR code in this image");
    assert!(check(&r, "found")
        .detail
        .contains("this is a JPEG file; it carries no Open Badge"));
}

#[test]
fn a_baked_png_is_read_as_before_even_with_a_qr_code() {
    use badge_verifier::extract::{bake_png, BadgeVersion, Payload};
    let jwt = small_jwt();
    // A QR code of plain text, and the badge in its chunk: the chunk wins, no scanning.
    let png = page_with("hello world").png();
    let baked = bake_png(&png, BadgeVersion::Ob3, &Payload::Jws(jwt)).unwrap();
    let r = run(baked, &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    assert!(r.nested.is_empty());
    assert_ne!(r.format, Some(Format::QrImage));
    assert!(r.checks.iter().all(|c| c.id != "found"));
}

/// A small real picture with its header's dimensions changed (and the PNG CRC fixed).
fn with_size(mut bytes: Vec<u8>, w: u32, h: u32) -> Vec<u8> {
    if bytes.starts_with(b"\x89PNG") {
        // IHDR: length (4) type (4) at 8, width at 16, height at 20, CRC at 29.
        bytes[16..20].copy_from_slice(&w.to_be_bytes());
        bytes[20..24].copy_from_slice(&h.to_be_bytes());
        let crc = crc32fast::hash(&bytes[12..29]);
        bytes[29..33].copy_from_slice(&crc.to_be_bytes());
    } else {
        // JPEG SOF0: FF C0, length (2), precision (1), height (2), width (2).
        let sof = bytes
            .windows(2)
            .position(|m| m == [0xFF, 0xC0])
            .expect("a baseline JPEG");
        let (w, h) = (w.min(65535) as u16, h.min(65535) as u16);
        bytes[sof + 5..sof + 7].copy_from_slice(&h.to_be_bytes());
        bytes[sof + 7..sof + 9].copy_from_slice(&w.to_be_bytes());
    }
    bytes
}

#[test]
fn hostile_pictures_are_clear_errors() {
    let small = Canvas::new(8, 8, 255);
    // Decompression bombs: refused from the header (a JPEG's sides stop at 65535).
    for bomb in [
        with_size(small.png(), 100_000, 100_000),
        with_size(small.jpeg(), 100_000, 100_000),
    ] {
        let r = run(bomb, &MemoryFetcher::new());
        assert_no_code(&r, "more than the 40 megapixels read for QR codes");
    }
    // Empty pictures.
    for empty in [with_size(small.png(), 0, 8), with_size(small.jpeg(), 8, 0)] {
        let r = run(empty, &MemoryFetcher::new());
        assert_eq!(r.verdict, Verdict::Error, "{:#?}", r.checks);
        assert_eq!(check(&r, "found").outcome, Outcome::Failed);
    }
    // Truncated anywhere, and a single pixel: never a panic, always an error.
    let page = page_with(CREDENTIAL_URL);
    for bytes in [page.png(), page.jpeg()] {
        for cut in [3, 20, 100, bytes.len() / 2, bytes.len() - 2] {
            let r = run(bytes[..cut].to_vec(), &MemoryFetcher::new());
            // An error, unless the decoder tolerated the cut and still read the code (whose
            // URL this empty fetcher cannot serve).
            let read = r.nested.len() == 1 && r.verdict == Verdict::Unverifiable;
            assert!(
                r.verdict == Verdict::Error || read,
                "cut at {cut}: {:#?}",
                r.checks
            );
        }
    }
    for one in [Canvas::new(1, 1, 0).png(), Canvas::new(1, 1, 0).jpeg()] {
        let r = run(one, &MemoryFetcher::new());
        assert_no_code(&r, "no badge data and no QR code in this image");
    }
}

#[test]
fn camera_frames_are_scanned_and_bounded() {
    let page = page_with(CREDENTIAL_URL);
    let json = badge_verifier::offload::scan_qr_luma(page.w as u32, page.h as u32, &page.px);
    assert_eq!(json, Ok(format!("[\"{CREDENTIAL_URL}\"]")));
    assert!(badge_verifier::offload::scan_qr_luma(10, 10, &[0; 99]).is_err());
    assert!(badge_verifier::offload::scan_qr_luma(65_535, 65_535, &[]).is_err());
    let json = badge_verifier::offload::scan_qr(&page.png());
    assert_eq!(json, Ok(format!("[\"{CREDENTIAL_URL}\"]")));
    assert!(badge_verifier::offload::scan_qr(b"\xFF\xD8\xFF").is_err());
}

fn check_bytes(file: &str, bytes: &[u8]) {
    let path = e2e(file);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap();
    assert!(
        committed == bytes,
        "{file} is stale: UPDATE_FIXTURES=1 rewrites it"
    );
}

/// The app's e2e fixture: a certificate-like page whose QR code holds a compact JWT by the
/// e2e issuer, valid offline.
#[test]
fn e2e_certificate_fixtures() {
    let mut c = Canvas::new(1100, 780, 255);
    // Title, lines of text, a signature line, a seal.
    c.rect(80, 70, 600, 40, 60);
    for i in 0..6 {
        c.rect(80, 170 + i * 45, 520 - (i % 3) * 60, 16, 150);
    }
    c.rect(80, 640, 300, 3, 40);
    c.rect(440, 600, 80, 80, 190);
    c.qr(&small_jwt(), 620, 150, 3, 0.0, 0, 255);
    for (file, bytes) in [
        ("certificate-qr.png", c.png()),
        ("certificate-qr.jpg", c.jpeg()),
    ] {
        let r = run(bytes.clone(), &MemoryFetcher::new());
        assert_picture(&r, 1);
        assert_eq!(r.verdict, Verdict::Valid, "{file}: {:#?}", r.checks);
        check_bytes(file, &bytes);
    }
}
