//! Status bitstrings: W3C Bitstring Status List v1.0 §4.1 / §3.2 (`encodedList` is multibase
//! base64url, 'u' prefix, of a GZIP-compressed bitstring) and its VC 1.1 predecessor
//! StatusList2021 (base64url without the multibase prefix).
//!
//! Bit order (Bitstring Status List §3.1 "Bitstring Generation Algorithm"): index 0 is the
//! left-most bit, i.e. the most significant bit of the first byte.

use crate::detail;
use crate::detail::{count, Detail};
use crate::platform::GunzipError;
use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;

/// Largest decompressed list accepted (a GZIP bomb of a few KB could otherwise claim GBs).
pub const MAX_LIST_BYTES: usize = 16 * 1024 * 1024;

/// Widest status entry read (`statusSize`).
pub const MAX_STATUS_SIZE: u32 = 32;

/// base64url with or without padding (issuers differ; both decode to the same bytes).
const B64URL: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a list cannot be read.
#[derive(Debug, Clone, PartialEq)]
pub struct BitstringError(pub Detail);

impl std::fmt::Display for BitstringError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

fn err(m: Detail) -> BitstringError {
    BitstringError(m)
}

/// How `encodedList` is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Bitstring Status List v1.0: multibase base64url ('u' prefix).
    Multibase,
    /// StatusList2021: plain base64url.
    Base64Url,
}

/// Decodes `encodedList` into the uncompressed bitstring, bounded by `max` bytes. GZIP is
/// inflated by the platform ([`crate::platform::gunzip`]: flate2 natively, the browser's
/// `DecompressionStream` in the app).
pub async fn decode_list(
    encoded: &str,
    encoding: Encoding,
    max: usize,
) -> Result<Vec<u8>, BitstringError> {
    let gz = unbase64(encoded, encoding)?;
    crate::platform::gunzip(&gz, max)
        .await
        .map_err(|e| match e {
            GunzipError::TooLarge => too_large(max),
            GunzipError::Invalid(inflater) => not_gzip(&inflater),
        })
}

/// [`decode_list`], synchronously (tests and tools, natively: the native inflater never waits).
#[cfg(any(test, feature = "test-support"))]
pub fn decode(encoded: &str, encoding: Encoding, max: usize) -> Result<Vec<u8>, BitstringError> {
    futures::executor::block_on(decode_list(encoded, encoding, max))
}

fn too_large(max: usize) -> BitstringError {
    err(detail!(
        "`encodedList` decompresses to more than {max} bytes",
        max = count(max)
    ))
}

/// The inflater's own words (`_inflater`) are not shown: they are English.
fn not_gzip(_inflater: &Detail) -> BitstringError {
    err(detail!("`encodedList` is not GZIP-compressed"))
}

/// The GZIP bytes of `encodedList`.
fn unbase64(encoded: &str, encoding: Encoding) -> Result<Vec<u8>, BitstringError> {
    let s = encoded.trim();
    let b64 = match encoding {
        Encoding::Multibase => match s.strip_prefix('u') {
            Some(rest) => rest,
            // A bare GZIP stream in base64 starts "H4sI" (1f 8b 08): accept the common
            // mistake of omitting the prefix rather than report a working list as unreadable.
            None if s.starts_with("H4sI") => s,
            None => {
                return Err(err(detail!(
                    "`encodedList` is not multibase base64url (no 'u' prefix)"
                )))
            }
        },
        Encoding::Base64Url => s,
    };
    B64URL
        .decode(b64)
        .map_err(|_| err(detail!("`encodedList` is not base64url")))
}

/// Reads the `size`-bit status at `index` (bits `index*size .. index*size+size`, most
/// significant first). `None`: the position lies beyond the list.
pub fn read(bits: &[u8], index: u64, size: u32) -> Option<u64> {
    if size == 0 || size > MAX_STATUS_SIZE {
        return None;
    }
    let start = index.checked_mul(u64::from(size))?;
    let end = start.checked_add(u64::from(size))?;
    if end > (bits.len() as u64).checked_mul(8)? {
        return None;
    }
    let mut value = 0u64;
    for pos in start..end {
        let byte = bits[(pos / 8) as usize];
        let bit = (byte >> (7 - (pos % 8))) & 1;
        value = (value << 1) | u64::from(bit);
    }
    Some(value)
}

/// How many `size`-bit entries the list holds.
pub fn entries(bits: &[u8], size: u32) -> u64 {
    if size == 0 {
        return 0;
    }
    (bits.len() as u64 * 8) / u64::from(size)
}

/// Encodes a bitstring as `encodedList` (tests and tools; verification never encodes).
#[cfg(any(test, feature = "test-support"))]
pub fn encode(bits: &[u8], encoding: Encoding) -> String {
    let gz = crate::platform::gzip(bits);
    let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(gz);
    match encoding {
        Encoding::Multibase => format!("u{b64}"),
        Encoding::Base64Url => b64,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The 1EdTech validator's `bit-string-list/testlist`: 16 KiB, bit 23 set.
    const TESTLIST: &str =
        "uH4sIAAAAAAAA_-3BMQEAAAzDoMy_6cnoA9QFAAAAAAAAAAAAAAAAAAAAbD3uPa2cAEAAAA";

    #[test]
    fn reads_the_1edtech_testlist() {
        let bits = decode(TESTLIST, Encoding::Multibase, MAX_LIST_BYTES).unwrap();
        assert_eq!(bits.len(), 16 * 1024);
        assert_eq!(read(&bits, 23, 1), Some(1));
        assert_eq!(read(&bits, 22, 1), Some(0));
        assert_eq!(read(&bits, 24, 1), Some(0));
        let set: Vec<u64> = (0..entries(&bits, 1))
            .filter(|&i| read(&bits, i, 1) == Some(1))
            .collect();
        assert_eq!(set, vec![23]);
    }

    #[test]
    fn index_zero_is_the_most_significant_bit() {
        let bits = [0b1000_0000u8, 0b0000_0001];
        assert_eq!(read(&bits, 0, 1), Some(1));
        assert_eq!(read(&bits, 7, 1), Some(0));
        assert_eq!(read(&bits, 15, 1), Some(1));
        assert_eq!(read(&bits, 16, 1), None);
        // Two-bit entries: 10 00 00 00 | 00 00 00 01
        assert_eq!(read(&bits, 0, 2), Some(2));
        assert_eq!(read(&bits, 7, 2), Some(1));
        assert_eq!(read(&bits, 8, 2), None);
        assert_eq!(read(&bits, u64::MAX, 2), None);
        assert_eq!(read(&bits, 0, 0), None);
        assert_eq!(entries(&bits, 2), 8);
    }

    #[test]
    fn round_trip_both_encodings() {
        let mut bits = vec![0u8; 16];
        bits[1] = 0b0010_0000; // index 10
        for enc in [Encoding::Multibase, Encoding::Base64Url] {
            let s = encode(&bits, enc);
            assert_eq!(s.starts_with('u'), enc == Encoding::Multibase);
            let back = decode(&s, enc, MAX_LIST_BYTES).unwrap();
            assert_eq!(back, bits);
            assert_eq!(read(&back, 10, 1), Some(1));
        }
        // Bitstring without the multibase prefix but a plain GZIP stream: accepted.
        let plain = encode(&bits, Encoding::Base64Url);
        assert_eq!(decode(&plain, Encoding::Multibase, 1024).unwrap(), bits);
    }

    #[test]
    fn rejects_bad_input() {
        assert!(decode("zabc", Encoding::Multibase, 1024).is_err());
        assert!(decode("u!!!", Encoding::Multibase, 1024).is_err());
        // base64url of bytes that are not GZIP
        assert!(decode("uAAAA", Encoding::Multibase, 1024).is_err());
    }

    #[test]
    fn gzip_bombs_are_bounded() {
        let big = vec![0u8; 1024 * 1024];
        let s = encode(&big, Encoding::Multibase);
        assert!(s.len() < 4096);
        let e = decode(&s, Encoding::Multibase, 64 * 1024).unwrap_err();
        assert!(e.0.contains("more than"), "{e}");
        assert_eq!(
            decode(&s, Encoding::Multibase, 1024 * 1024).unwrap().len(),
            1024 * 1024
        );
    }
}
