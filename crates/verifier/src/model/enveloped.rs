//! An `EnvelopedVerifiableCredential` (VC 2.0 §4.13 "Securing Mechanism Specifications",
//! enveloping; VC-JOSE-COSE §3.1.1): a credential secured as a whole and carried in the
//! `id` of a small JSON object as a `data:` URL, e.g. `data:application/vc+jwt,<compact JWS>`.
//! This reads the `data:` URL (RFC 2397); what its media type holds is verified in `verify`.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;

use crate::detail;
use crate::detail::{count, Detail};

/// The type that marks an enveloped credential.
pub const ENVELOPED_TYPE: &str = "EnvelopedVerifiableCredential";

/// The media type of a credential secured with JOSE (VC-JOSE-COSE §6.1.1, "application/vc+jwt").
pub const VC_JWT: &str = "application/vc+jwt";

/// The media types of the same thing in earlier drafts of VC-JOSE-COSE: the Candidate
/// Recommendation of 2024-04-25 (`application/vc+ld+json+jwt`) and the First Public Working
/// Draft of 2023-04-27 (`application/vc+ld+jwt`); w3c/vc-jose-cose PR #279 (2024-06-27)
/// renamed them `application/vc+jwt`.
pub const VC_JWT_DRAFTS: &[&str] = &["application/vc+ld+json+jwt", "application/vc+ld+jwt"];

/// A `data:` URL read: its media type (lower case, without parameters) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataUrl {
    /// The media type, lower case, without parameters.
    pub media_type: String,
    /// The decoded data.
    pub data: Vec<u8>,
}

/// Why a `data:` URL could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataUrlError {
    /// Not a `data:` URL.
    NotDataUrl,
    /// The URL is longer than the limit.
    TooLarge {
        /// The URL's length in bytes.
        len: usize,
        /// The most accepted.
        max: usize,
    },
    /// No comma separates the media type from the data.
    NoComma,
    /// A `%` not followed by two hex digits.
    BadPercent,
    /// Base64 data that does not decode (the decoder's message, not shown).
    BadBase64(String),
}

impl DataUrlError {
    /// The reason, as a detail (the base64 decoder's own message is left out).
    pub fn detail(&self) -> Detail {
        match self {
            DataUrlError::NotDataUrl => detail!("its id is not a `data:` URL"),
            DataUrlError::TooLarge { len, max } => detail!(
                "its `data:` URL is {len} bytes, over the limit of {max}",
                len = count(*len),
                max = count(*max)
            ),
            DataUrlError::NoComma => {
                detail!("its `data:` URL has no \",\" before the data (RFC 2397)")
            }
            DataUrlError::BadPercent => {
                detail!("its `data:` URL has a malformed %-escape (RFC 2397, RFC 3986 §2.1)")
            }
            DataUrlError::BadBase64(_) => detail!("its `data:` URL is not valid base64"),
        }
    }
}

impl std::fmt::Display for DataUrlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

/// Reads `url` as a `data:` URL (RFC 2397: `data:[<mediatype>][;base64],<data>`), refusing
/// one longer than `max_bytes`. The data is %-decoded, then base64-decoded when marked so.
pub fn read_data_url(url: &str, max_bytes: usize) -> Result<DataUrl, DataUrlError> {
    let url = url.trim();
    if url.len() > max_bytes {
        return Err(DataUrlError::TooLarge {
            len: url.len(),
            max: max_bytes,
        });
    }
    let rest = match url.get(..5) {
        Some(scheme) if scheme.eq_ignore_ascii_case("data:") => &url[5..],
        _ => return Err(DataUrlError::NotDataUrl),
    };
    let (head, body) = rest.split_once(',').ok_or(DataUrlError::NoComma)?;
    let params: Vec<&str> = head.split(';').collect();
    let media_type = params.first().copied().unwrap_or_default().trim().to_ascii_lowercase();
    let is_base64 = params.len() > 1
        && params
            .last()
            .is_some_and(|p| p.trim().eq_ignore_ascii_case("base64"));
    let media_type = if media_type.is_empty() {
        // RFC 2397 §2: "If <mediatype> is omitted, it defaults to text/plain".
        "text/plain".to_string()
    } else {
        media_type
    };
    let raw = percent_decode(body)?;
    let data = if is_base64 {
        let text: Vec<u8> = raw.into_iter().filter(|b| !b.is_ascii_whitespace()).collect();
        STANDARD
            .decode(&text)
            .or_else(|_| STANDARD_NO_PAD.decode(&text))
            .map_err(|e| DataUrlError::BadBase64(e.to_string()))?
    } else {
        raw
    };
    Ok(DataUrl { media_type, data })
}

fn percent_decode(s: &str) -> Result<Vec<u8>, DataUrlError> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            // RFC 3986 §2.1: "%" HEXDIG HEXDIG (from_str_radix alone would take "+1").
            let hex = b
                .get(i + 1..i + 3)
                .filter(|h| h.iter().all(u8::is_ascii_hexdigit))
                .ok_or(DataUrlError::BadPercent)?;
            let hex = std::str::from_utf8(hex).map_err(|_| DataUrlError::BadPercent)?;
            let byte = u8::from_str_radix(hex, 16).map_err(|_| DataUrlError::BadPercent)?;
            out.push(byte);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_plain_percent_and_base64_data_urls() {
        let d = read_data_url("data:application/vc+jwt,a.b.c", 100).unwrap();
        assert_eq!((d.media_type.as_str(), d.data.as_slice()), (VC_JWT, &b"a.b.c"[..]));
        let d = read_data_url("DATA:Application/VC+JWT;charset=utf-8,a%2Eb", 100).unwrap();
        assert_eq!((d.media_type.as_str(), d.data.as_slice()), (VC_JWT, &b"a.b"[..]));
        let d = read_data_url("data:application/vc+cose;base64,AAEC", 100).unwrap();
        assert_eq!(d.data, vec![0, 1, 2]);
        let d = read_data_url("data:,x", 100).unwrap();
        assert_eq!(d.media_type, "text/plain");
    }

    #[test]
    fn refuses_what_is_not_a_data_url() {
        assert_eq!(read_data_url("https://e.example/x", 100), Err(DataUrlError::NotDataUrl));
        assert_eq!(read_data_url("data:application/vc+jwt;a.b.c", 100), Err(DataUrlError::NoComma));
        assert_eq!(read_data_url("data:a/b,%4", 100), Err(DataUrlError::BadPercent));
        assert_eq!(read_data_url("data:a/b,%zz", 100), Err(DataUrlError::BadPercent));
        assert_eq!(read_data_url("data:a/b,%+1", 100), Err(DataUrlError::BadPercent));
        assert_eq!(read_data_url("data:a/b,%é", 100), Err(DataUrlError::BadPercent));
        assert!(matches!(read_data_url("data:a/b;base64,!!", 100), Err(DataUrlError::BadBase64(_))));
        assert_eq!(
            read_data_url("data:a/b,0123456789", 10),
            Err(DataUrlError::TooLarge { len: 19, max: 10 })
        );
        assert_eq!(read_data_url("dat", 10), Err(DataUrlError::NotDataUrl));
        assert_eq!(read_data_url("data\u{e9}xx", 10), Err(DataUrlError::NotDataUrl));
    }
}
