//! The share panel's QR code, drawn as SVG here (no markup is inserted into the page).

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

/// A QR code ready for an `<img>`: an SVG `data:` URI (no markup is inserted) and the size
/// to show it at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QrImage {
    pub data_uri: String,
    /// Width and height in CSS pixels: 200, or 4 px a module for larger codes (a phone's camera
    /// cannot read a long link's code drawn smaller).
    pub px: u32,
}

/// An SVG QR code of `text` (error correction level M or better), as a `data:` URI for an
/// `<img>` (no markup is inserted). One square per dark module, a 4-module quiet zone
/// (ISO/IEC 18004 §6.3.8). `None` when `text` is longer than a QR code holds
/// ([`crate::share::QR_MAX_CHARS`]).
pub fn qr_image(text: &str) -> Option<QrImage> {
    use qrcodegen::{QrCode, QrCodeEcc};
    use std::fmt::Write;
    const QUIET: i32 = 4;
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let n = code.size();
    let mut path = String::with_capacity((n * n * 6) as usize);
    for y in 0..n {
        for x in 0..n {
            if code.get_module(x, y) {
                let _ = write!(path, "M{},{}h1v1h-1z", x + QUIET, y + QUIET);
            }
        }
    }
    let dim = n + 2 * QUIET;
    let px = (dim as u32 * 4).max(200);
    let svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{px}\" height=\"{px}\" \
         viewBox=\"0 0 {dim} {dim}\" shape-rendering=\"crispEdges\">\
         <rect width=\"{dim}\" height=\"{dim}\" fill=\"#fff\"/><path d=\"{path}\" fill=\"#000\"/></svg>"
    );
    Some(QrImage {
        data_uri: format!(
            "data:image/svg+xml;base64,{}",
            STANDARD.encode(svg.as_bytes())
        ),
        px,
    })
}

/// [`qr_image`]'s `data:` URI alone.
pub fn qr_data_uri(text: &str) -> Option<String> {
    qr_image(text).map(|q| q.data_uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn qr_code_reads_back_as_the_link() {
        let link = "https://v.example/?url=https%3A%2F%2Fb.example%2F1&lang=zh-TW";
        let q = qr_image(link).unwrap();
        assert_eq!(q.px, 200);
        let q = q.data_uri;
        let svg = STANDARD
            .decode(q.strip_prefix("data:image/svg+xml;base64,").unwrap())
            .unwrap();
        let svg = String::from_utf8(svg).unwrap();
        assert!(svg.starts_with("<svg") && svg.contains("<path d=\"M"));
        // Draw the squares the SVG names, 4 px a module, and read them with an independent
        // decoder (rqrr).
        let dim: usize = svg
            .split("viewBox=\"0 0 ")
            .nth(1)
            .unwrap()
            .split(' ')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        let path = svg
            .split("<path d=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap();
        let mut dark = vec![false; dim * dim];
        for square in path.split('M').filter(|s| !s.is_empty()) {
            let (x, rest) = square.split_once(',').unwrap();
            let y = rest.split('h').next().unwrap();
            dark[y.parse::<usize>().unwrap() * dim + x.parse::<usize>().unwrap()] = true;
        }
        let px = 4;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(dim * px, dim * px, |x, y| {
            if dark[(y / px) * dim + x / px] {
                0
            } else {
                255
            }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1);
        let (_, content) = grids[0].decode().unwrap();
        assert_eq!(content, link);
        // Too long for any QR version: no code rather than a wrong one.
        assert!(qr_image(&"x".repeat(5000)).is_none());
        assert!(qr_image(&"x".repeat(2000)).unwrap().px > 600);
    }
}
