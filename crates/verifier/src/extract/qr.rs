//! QR codes in a PNG or JPEG photo or scan of a printed certificate (issue #17): the text of
//! every code found, for `verify` to verify each as its own report.
//!
//! With feature `qr` the `image` crate decodes the picture (PNG and JPEG only, its dimensions
//! checked from the header before any pixel is decoded) and `rqrr` finds and decodes the codes.
//! Without it (the app's first load) the app's on-demand module is asked
//! (`platform::offloaded_scan_qr`), which runs this very code.

/// Largest picture scanned, in pixels (a 48-megapixel phone photo is refused; 40 MP is plenty
/// for a page scanned at 600 dpi). Checked from the header, before decoding.
pub const MAX_PIXELS: u64 = 40_000_000;
/// At most this many codes are read from one picture (each becomes a verification).
pub const MAX_CODES: usize = 16;
/// A picture whose longer side is above this is first scanned at a reduced size (speed).
#[cfg(feature = "qr")]
const FAST_SIDE: usize = 2400;

use crate::detail;
use crate::detail::{count, Detail};

/// Why a picture cannot be scanned. It crosses from the on-demand module as a string
/// ([`QrError::to_wire`]), worded by [`QrError::detail_of`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QrError {
    /// A picture with no pixels.
    Empty {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// More than [`MAX_PIXELS`].
    TooLarge {
        /// Width in pixels.
        width: u32,
        /// Height in pixels.
        height: u32,
    },
    /// The bytes are not a PNG or JPEG that can be decoded.
    NotAnImage,
    /// The picture was decoded but no QR code in it could be read.
    Undecodable,
}

impl QrError {
    /// The error as the short string that crosses from the on-demand module (`qr-empty 0 0` …);
    /// [`QrError::from_wire`] reads it back.
    pub fn to_wire(&self) -> String {
        match self {
            QrError::Empty { width, height } => format!("qr-empty {width} {height}"),
            QrError::TooLarge { width, height } => format!("qr-too-large {width} {height}"),
            QrError::NotAnImage => "qr-not-an-image".into(),
            QrError::Undecodable => "qr-undecodable".into(),
        }
    }

    /// Reads [`QrError::to_wire`]'s string back; `None` for any other string.
    pub fn from_wire(s: &str) -> Option<QrError> {
        let mut words = s.split(' ');
        let kind = words.next()?;
        let mut size = || -> Option<(u32, u32)> {
            let w = words.next()?.parse().ok()?;
            let h = words.next()?.parse().ok()?;
            Some((w, h))
        };
        match kind {
            "qr-empty" => size().map(|(width, height)| QrError::Empty { width, height }),
            "qr-too-large" => size().map(|(width, height)| QrError::TooLarge { width, height }),
            "qr-not-an-image" => Some(QrError::NotAnImage),
            "qr-undecodable" => Some(QrError::Undecodable),
            _ => None,
        }
    }

    /// What is wrong, in words.
    pub fn detail(&self) -> Detail {
        match *self {
            QrError::Empty { width, height } => detail!(
                "the image is {width}×{height} pixels: it is empty",
                width = count(width),
                height = count(height)
            ),
            QrError::TooLarge { width, height } => detail!(
                "the image is {width}×{height} pixels, more than the {max} megapixels read for QR codes",
                width = count(width),
                height = count(height),
                max = count(MAX_PIXELS / 1_000_000)
            ),
            QrError::NotAnImage => detail!("not a PNG or JPEG image"),
            QrError::Undecodable => detail!("the image cannot be decoded"),
        }
    }

    /// The words for a scan's error string: ours in wire form, or what the module's loader
    /// said.
    pub fn detail_of(wire: &str) -> Detail {
        match QrError::from_wire(wire) {
            Some(e) => e.detail(),
            None => Detail::Text(wire.to_string()),
        }
    }
}

impl std::fmt::Display for QrError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

/// What scanning a picture gave.
#[derive(Debug, Clone, PartialEq)]
pub enum Scan {
    /// The text of each code found (possibly none), in the order found, without repeats.
    Codes(Vec<String>),
    /// This build does not read QR codes and the full verifier is not loaded.
    NeedsFullVerifier,
    /// The picture could not be decoded: why.
    Unreadable(Detail),
}

/// Scans a PNG or JPEG for QR codes, here or through the on-demand module.
pub fn scan_image(bytes: &[u8]) -> Scan {
    #[cfg(feature = "qr")]
    let answer = Some(scan(bytes).map_err(|e| QrError::detail_of(&e)));
    #[cfg(not(feature = "qr"))]
    let answer = crate::platform::offloaded_scan_qr(bytes).map(|r| {
        r.map_err(|e| QrError::detail_of(&e))
            .and_then(|j| from_json(&j))
    });
    match answer {
        Some(Ok(codes)) => Scan::Codes(codes),
        Some(Err(e)) => Scan::Unreadable(e),
        None => Scan::NeedsFullVerifier,
    }
}

/// The module's answer (a JSON list of strings), bounded as the core's own.
#[cfg_attr(feature = "qr", allow(dead_code))]
fn from_json(json: &str) -> Result<Vec<String>, Detail> {
    let mut codes: Vec<String> =
        serde_json::from_str(json).map_err(|_| detail!("the QR code reader answered badly"))?;
    codes.truncate(MAX_CODES);
    Ok(codes)
}

/// The codes of a PNG or JPEG as a JSON list of strings (the on-demand module's answer).
#[cfg(feature = "qr")]
pub fn scan_json(bytes: &[u8]) -> Result<String, String> {
    scan(bytes).and_then(|c| serde_json::to_string(&c).map_err(|e| e.to_string()))
}

/// The codes of a PNG or JPEG picture. `Err` says why it could not be decoded, as
/// [`QrError::to_wire`].
#[cfg(feature = "qr")]
pub fn scan(bytes: &[u8]) -> Result<Vec<String>, String> {
    let (w, h, luma) = decode_luma(bytes).map_err(|e| e.to_wire())?;
    Ok(scan_pixels(w, h, &luma))
}

/// The codes of a grayscale frame (a camera's, one byte per pixel, row by row).
#[cfg(feature = "qr")]
pub fn scan_luma(width: u32, height: u32, luma: &[u8]) -> Result<Vec<String>, String> {
    let (w, h) = (width as usize, height as usize);
    check_size(width, height).map_err(|e| e.to_string())?;
    if w.checked_mul(h) != Some(luma.len()) {
        return Err(format!(
            "a {width}×{height} frame has {} pixels, but {} bytes were given",
            u64::from(width) * u64::from(height),
            luma.len()
        ));
    }
    Ok(scan_pixels(w, h, luma))
}

#[cfg(feature = "qr")]
fn check_size(width: u32, height: u32) -> Result<(), QrError> {
    if width == 0 || height == 0 {
        return Err(QrError::Empty { width, height });
    }
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(QrError::TooLarge { width, height });
    }
    Ok(())
}

/// Decodes to 8-bit luma, refusing oversized pictures from their header.
#[cfg(feature = "qr")]
fn decode_luma(bytes: &[u8]) -> Result<(usize, usize, Vec<u8>), QrError> {
    use image::{ImageDecoder, ImageFormat, ImageReader};
    let format = match super::detect::image_to_scan(bytes) {
        Some("PNG") => ImageFormat::Png,
        Some(_) => ImageFormat::Jpeg,
        None => return Err(QrError::NotAnImage),
    };
    let what = |_: image::ImageError| QrError::Undecodable;
    let mut reader = ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    // RGBA at the largest size, plus the decoder's own buffers.
    limits.max_alloc = Some(MAX_PIXELS * 4 + 64 * 1024 * 1024);
    reader.limits(limits);
    let decoder = reader.into_decoder().map_err(what)?;
    let (w, h) = decoder.dimensions();
    check_size(w, h)?;
    let img = image::DynamicImage::from_decoder(decoder)
        .map_err(what)?
        .into_luma8();
    Ok((w as usize, h as usize, img.into_raw()))
}

/// The codes of a luma bitmap (`w * h == luma.len()`): a large photo is first scanned at a
/// reduced size, then at its own if nothing was found.
#[cfg(feature = "qr")]
fn scan_pixels(w: usize, h: usize, luma: &[u8]) -> Vec<String> {
    let factor = w.max(h).div_ceil(FAST_SIDE);
    if factor > 1 {
        let (sw, sh, small) = shrink(w, h, luma, factor);
        let codes = read_codes(sw, sh, &small);
        if !codes.is_empty() {
            return codes;
        }
    }
    read_codes(w, h, luma)
}

/// Box-filtered down by `factor` in both directions.
#[cfg(feature = "qr")]
fn shrink(w: usize, h: usize, luma: &[u8], factor: usize) -> (usize, usize, Vec<u8>) {
    let (sw, sh) = ((w / factor).max(1), (h / factor).max(1));
    let mut out = Vec::with_capacity(sw * sh);
    for y in 0..sh {
        for x in 0..sw {
            let mut sum = 0u32;
            let mut n = 0u32;
            for yy in y * factor..((y + 1) * factor).min(h) {
                let row = &luma[yy * w..yy * w + w];
                for &p in &row[x * factor..((x + 1) * factor).min(w)] {
                    sum += u32::from(p);
                    n += 1;
                }
            }
            out.push((sum / n.max(1)) as u8);
        }
    }
    (sw, sh, out)
}

/// rqrr over one bitmap: each decodable code's text (lossy UTF-8), repeats dropped.
#[cfg(feature = "qr")]
fn read_codes(w: usize, h: usize, luma: &[u8]) -> Vec<String> {
    let run = || {
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| luma[y * w + x]);
        let mut codes: Vec<String> = Vec::new();
        for grid in img.detect_grids() {
            let mut out = Vec::new();
            // A grid that does not decode (damaged, blurred) is skipped.
            if grid.decode_to(&mut out).is_ok() {
                let text = String::from_utf8_lossy(&out).into_owned();
                if !codes.contains(&text) {
                    codes.push(text);
                }
            }
            if codes.len() >= MAX_CODES {
                break;
            }
        }
        codes
    };
    // rqrr is a third-party decoder fed hostile pictures: natively a panic in it is caught and
    // means "no code" (the wasm build aborts on panics; rqrr is fuzzed upstream).
    #[cfg(not(target_arch = "wasm32"))]
    let codes = std::panic::catch_unwind(run).unwrap_or_default();
    #[cfg(target_arch = "wasm32")]
    let codes = run();
    codes
}

#[cfg(all(test, feature = "qr"))]
mod tests {
    use super::*;

    #[test]
    fn frames_are_bounded() {
        assert!(scan_luma(0, 10, &[]).unwrap_err().contains("empty"));
        assert!(scan_luma(100_000, 100_000, &[])
            .unwrap_err()
            .contains("megapixels"));
        assert!(scan_luma(4, 4, &[0; 15]).unwrap_err().contains("16 pixels"));
        assert_eq!(scan_luma(4, 4, &[255; 16]), Ok(vec![]));
    }

    #[test]
    fn shrink_averages_blocks() {
        let (w, h, s) = shrink(4, 2, &[0, 2, 10, 20, 4, 6, 30, 40], 2);
        assert_eq!((w, h, s), (2, 1, vec![3, 25]));
    }

    #[test]
    fn module_answers_are_bounded() {
        let many = serde_json::to_string(&vec!["a"; 100]).unwrap();
        assert_eq!(from_json(&many).unwrap().len(), MAX_CODES);
        assert!(from_json("{").is_err());
    }
}
