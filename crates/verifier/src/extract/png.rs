//! Baked PNG: find the `iTXt`/`tEXt` badge chunk by walking the chunk structure.
//!
//! Why not the `png` crate: its `StreamingDecoder` can skip inflating IDAT, but it still pushes
//! every byte of the file through its state machine and CRC, fails the whole stream on a bad CRC
//! in *any* chunk, and adds WASM size. A baked badge needs none of that: the chunk layout
//! (PNG §5.3: length, type, data, CRC) lets us jump from chunk to chunk, so a 50 MB image costs
//! one step per chunk, and the CRC (`crc`'s CRC-32/ISO-HDLC, the one PNG specifies) is computed
//! only for the chunk we read.

use super::{detect, Container, ExtractError, Extracted, Payload};
use crate::detail;
use crate::detail::{cause, code, count, Detail};
use crate::limits::Limits;

/// PNG's CRC (ISO 3309 / ITU-T V.42, PNG §5.5): one 256-entry table, built at compile time.
const CRC32: crc::Crc<u32> = crc::Crc::<u32>::new(&crc::CRC_32_ISO_HDLC);

/// The 8-byte PNG signature (PNG §5.2).
pub const SIGNATURE: &[u8; 8] = b"\x89PNG\r\n\x1a\n";

/// PNG §5.3: a chunk length is at most 2^31 − 1.
const MAX_CHUNK_LEN: u32 = 0x7FFF_FFFF;

/// `iTXt`/`tEXt` keyword of an OB 2.0 badge (OB 2.0 Baking, "PNGs").
pub const KEYWORD_OB2: &str = "openbadges";
/// `iTXt` keyword of an OB 3.0 credential (OB 3.0 §"PNG Baking").
pub const KEYWORD_OB3: &str = "openbadgecredential";
/// `iTXt` keyword of a CLR 2.0 credential: recognised, not verified here.
pub const KEYWORD_CLR: &str = "clrcredential";

/// One chunk, borrowed from the file.
#[derive(Debug, Clone, Copy)]
pub struct Chunk<'a> {
    /// Offset of the chunk's length field in the file.
    pub offset: usize,
    /// The chunk type (`IHDR`, `iTXt` …).
    pub kind: [u8; 4],
    /// The chunk's data, without length, type and CRC.
    pub data: &'a [u8],
    /// The CRC stored in the file (checked by [`Chunk::crc_ok`]).
    pub crc: u32,
}

impl Chunk<'_> {
    /// The chunk type as text.
    pub fn kind_str(&self) -> String {
        String::from_utf8_lossy(&self.kind).into_owned()
    }

    /// Whether the stored CRC matches the chunk's type and data (PNG §5.3).
    pub fn crc_ok(&self) -> bool {
        let mut h = CRC32.digest();
        h.update(&self.kind);
        h.update(self.data);
        h.finalize() == self.crc
    }

    /// Total size in the file: length + type + data + CRC.
    #[cfg(any(test, feature = "test-support"))]
    pub fn total_len(&self) -> usize {
        12 + self.data.len()
    }
}

/// Walks the chunks after the signature, stopping after `IEND`. Never allocates per chunk and
/// never trusts a length beyond the end of the file.
pub struct Chunks<'a> {
    bytes: &'a [u8],
    pos: usize,
    done: bool,
}

/// The chunks of a PNG, walked lazily; an error if `bytes` lack the PNG signature.
pub fn chunks(bytes: &[u8]) -> Result<Chunks<'_>, ExtractError> {
    if !bytes.starts_with(SIGNATURE) {
        return Err(ExtractError::Corrupt(detail!(
            "not a PNG: the 8-byte PNG signature is missing"
        )));
    }
    Ok(Chunks {
        bytes,
        pos: SIGNATURE.len(),
        done: false,
    })
}

impl<'a> Iterator for Chunks<'a> {
    type Item = Result<Chunk<'a>, ExtractError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let r = self.read_one();
        match &r {
            Ok(c) if &c.kind == b"IEND" => self.done = true,
            Ok(_) => {}
            Err(_) => self.done = true,
        }
        Some(r)
    }
}

impl<'a> Chunks<'a> {
    /// Offset of the next chunk (after the last one returned).
    #[cfg(any(test, feature = "test-support"))]
    pub fn position(&self) -> usize {
        self.pos
    }

    fn read_one(&mut self) -> Result<Chunk<'a>, ExtractError> {
        let (bytes, offset) = (self.bytes, self.pos);
        let rest = bytes.len() - offset;
        if rest == 0 {
            return Err(ExtractError::Corrupt(detail!(
                "the PNG ends at byte {offset} without an `IEND` chunk (truncated file?)",
                offset = count(offset)
            )));
        }
        if rest < 8 {
            return Err(ExtractError::Corrupt(detail!(
                "the PNG is truncated: {rest} bytes at offset {offset} are too few for a chunk header",
                rest = count(rest),
                offset = count(offset)
            )));
        }
        let len = u32::from_be_bytes([
            bytes[offset],
            bytes[offset + 1],
            bytes[offset + 2],
            bytes[offset + 3],
        ]);
        let kind = [
            bytes[offset + 4],
            bytes[offset + 5],
            bytes[offset + 6],
            bytes[offset + 7],
        ];
        if !kind.iter().all(u8::is_ascii_alphabetic) {
            return Err(ExtractError::Corrupt(detail!(
                "invalid PNG chunk type {kind} at offset {offset}",
                kind = code(format!("{kind:02x?}")),
                offset = count(offset)
            )));
        }
        let name = String::from_utf8_lossy(&kind);
        if len > MAX_CHUNK_LEN {
            return Err(ExtractError::Corrupt(detail!(
                "PNG chunk {name} at offset {offset} declares {len} bytes, more than the PNG maximum of 2^31-1",
                name = code(name),
                offset = count(offset),
                len = count(len)
            )));
        }
        // Compare against what is left before slicing: a huge length allocates nothing.
        let available = rest - 8;
        if (len as u64) + 4 > available as u64 {
            return Err(ExtractError::Corrupt(detail!(
                "PNG chunk {name} at offset {offset} declares {len} data bytes plus CRC, but only {available} bytes remain (truncated file?)",
                name = code(name),
                offset = count(offset),
                len = count(len),
                available = count(available)
            )));
        }
        let len = len as usize;
        let data = &bytes[offset + 8..offset + 8 + len];
        let c = &bytes[offset + 8 + len..offset + 12 + len];
        let crc = u32::from_be_bytes([c[0], c[1], c[2], c[3]]);
        self.pos = offset + 12 + len;
        Ok(Chunk {
            offset,
            kind,
            data,
            crc,
        })
    }
}

/// A text chunk's fields (PNG §11.3.4): keyword, and for `iTXt` the compression flag, language
/// tag and translated keyword.
#[derive(Debug, Clone)]
pub struct TextChunk<'a> {
    // Read by baking and the tests (feature `test-support`), not by extraction.
    /// The keyword (Latin-1 bytes).
    #[cfg_attr(not(any(test, feature = "test-support")), allow(dead_code))]
    pub keyword: &'a [u8],
    /// Whether the text is zlib-compressed (`zTXt`, or `iTXt` with its compression flag).
    pub compressed: bool,
    /// The text as stored (compressed when `compressed`).
    pub text: &'a [u8],
}

/// The keyword of a tEXt/zTXt/iTXt chunk: the bytes before the first NUL.
pub fn keyword(data: &[u8]) -> Option<&[u8]> {
    let end = data.iter().take(80).position(|&b| b == 0)?;
    Some(&data[..end])
}

/// Splits an `iTXt` chunk: keyword NUL flag method language NUL translated NUL text.
pub fn parse_itxt(data: &[u8]) -> Result<TextChunk<'_>, Detail> {
    let kw = keyword(data).ok_or_else(|| {
        detail!("its keyword is not terminated by a NUL byte within 80 bytes")
    })?;
    let rest = &data[kw.len() + 1..];
    if rest.len() < 2 {
        return Err(detail!("it ends before the compression flag and method"));
    }
    let (flag, method) = (rest[0], rest[1]);
    if flag > 1 {
        return Err(detail!(
            "its compression flag is {flag} (must be 0 or 1)",
            flag = count(flag)
        ));
    }
    if flag == 1 && method != 0 {
        return Err(detail!(
            "its compression method is {method} (only 0, zlib, exists)",
            method = count(method)
        ));
    }
    let rest = &rest[2..];
    let lang_end = rest
        .iter()
        .position(|&b| b == 0)
        .ok_or_else(|| detail!("its language tag is not terminated by a NUL byte"))?;
    let rest = &rest[lang_end + 1..];
    let tk_end = rest
        .iter()
        .position(|&b| b == 0)
        .ok_or_else(|| detail!("its translated keyword is not terminated by a NUL byte"))?;
    Ok(TextChunk {
        keyword: kw,
        compressed: flag == 1,
        text: &rest[tk_end + 1..],
    })
}

/// Is this chunk a badge chunk? Returns its keyword.
fn badge_keyword(c: &Chunk<'_>) -> Option<&'static str> {
    if !matches!(&c.kind, b"iTXt" | b"tEXt" | b"zTXt") {
        return None;
    }
    // Keywords are case-sensitive (PNG §11.3.4.2).
    match keyword(c.data)? {
        b"openbadges" => Some(KEYWORD_OB2),
        b"openbadgecredential" => Some(KEYWORD_OB3),
        b"clrcredential" => Some(KEYWORD_CLR),
        _ => None,
    }
}

/// Whether the chunk is a badge chunk (`openbadges`, `openbadgecredential` or `clrcredential`).
#[cfg(any(test, feature = "test-support"))]
pub fn is_badge_chunk(c: &Chunk<'_>) -> bool {
    badge_keyword(c).is_some()
}

/// Finds the first badge chunk (OB 2.0 Baking "Extracting": the first `openbadges` iTXt; OB
/// 3.0 likewise with `openbadgecredential`) and reads its text. The rest of the file is still
/// walked to IEND so a second badge chunk is reported, but damage after the badge chunk is only
/// a warning: the specs say the rest "can be safely discarded".
pub fn extract_png(bytes: &[u8], limits: &Limits) -> Result<Extracted, ExtractError> {
    let it = chunks(bytes)?;
    let mut first: Option<(Chunk<'_>, &'static str)> = None;
    // Later badge chunks: the first few, for the warning, and how many (memory stays bounded).
    let (mut others, mut other_count): (Vec<Detail>, usize) = (Vec::new(), 0);
    let mut warnings = Vec::new();
    for (index, next) in it.enumerate() {
        let c = match next {
            Ok(c) => c,
            Err(e) if first.is_some() => {
                warnings.push(detail!(
                    "the PNG is damaged after the badge chunk ({why}); the rest was ignored",
                    why = cause(e.detail())
                ));
                break;
            }
            Err(e) => return Err(e),
        };
        if index == 0 && &c.kind != b"IHDR" {
            return Err(ExtractError::Corrupt(detail!(
                "the first PNG chunk is {kind}, not `IHDR` (PNG §5.6)",
                kind = code(c.kind_str())
            )));
        }
        if let Some(kw) = badge_keyword(&c) {
            if first.is_none() {
                first = Some((c, kw));
            } else {
                other_count += 1;
                if others.len() < super::MAX_LISTED {
                    others.push(detail!(
                        "{chunk} \"{keyword}\" at offset {offset}",
                        chunk = code(c.kind_str()),
                        keyword = code(kw),
                        offset = count(c.offset)
                    ));
                }
            }
        }
    }
    let Some((chunk, kw)) = first else {
        return Err(ExtractError::NoBadgeInImage { kind: "PNG".into() });
    };
    if !others.is_empty() {
        warnings.push(detail!(
            "the PNG has more than one badge chunk; the first ({chunk} \"{keyword}\" at offset {offset}) was used, ignored: {others}",
            chunk = code(chunk.kind_str()),
            keyword = code(kw),
            offset = count(chunk.offset),
            others = super::list(others, other_count)
        ));
    }
    let payload = read_badge_chunk(&chunk, kw, limits)?;
    Ok(Extracted {
        payload,
        container: Container::Png {
            chunk: chunk.kind_str(),
            keyword: kw.into(),
        },
        warnings,
    })
}

fn read_badge_chunk(c: &Chunk<'_>, kw: &str, limits: &Limits) -> Result<Payload, ExtractError> {
    let what = detail!(
        "{chunk} \"{keyword}\" chunk at offset {offset}",
        chunk = code(c.kind_str()),
        keyword = code(kw),
        offset = count(c.offset)
    );
    if !c.crc_ok() {
        return Err(ExtractError::Corrupt(detail!(
            "the CRC of the PNG {what} does not match its contents",
            what = cause(what)
        )));
    }
    if kw == KEYWORD_CLR {
        return Err(ExtractError::Unsupported(detail!(
            "this PNG carries a Comprehensive Learner Record (CLR 2.0) in its {what}; only Open Badges are verified here",
            what = cause(what)
        )));
    }
    let text: String = match &c.kind {
        b"iTXt" => {
            let t = parse_itxt(c.data).map_err(|m| {
                ExtractError::Corrupt(detail!(
                    "malformed PNG {what}: {why}",
                    what = cause(what.clone()),
                    why = cause(m)
                ))
            })?;
            // OB 2.0 Baking and OB 3.0 §PNG Baking: "Compression MUST NOT be used". We refuse
            // rather than inflate: no decompression-bomb surface, no inflater in the WASM.
            if t.compressed {
                return Err(ExtractError::Unsupported(detail!(
                    "the PNG {what} is compressed; the baking specification forbids compression, so this verifier does not read it",
                    what = cause(what)
                )));
            }
            check_size(t.text.len(), &what, limits)?;
            String::from_utf8(t.text.to_vec())
                .map_err(|_| {
                    ExtractError::Corrupt(detail!(
                        "the text of the PNG {what} is not valid UTF-8",
                        what = cause(what.clone())
                    ))
                })?
        }
        b"tEXt" => {
            // Legacy baking (pre-2013): a hosted-assertion URL in tEXt, Latin-1 (PNG §11.3.4.3).
            let text = &c.data[kw.len() + 1..];
            check_size(text.len(), &what, limits)?;
            text.iter().map(|&b| b as char).collect()
        }
        _ => {
            return Err(ExtractError::Unsupported(detail!(
                "the PNG {what} is compressed (`zTXt`); the baking specification forbids compression, so this verifier does not read it",
                what = cause(what)
            )))
        }
    };
    if text.trim().is_empty() {
        return Err(ExtractError::Corrupt(detail!(
            "the PNG {what} is empty",
            what = cause(what.clone())
        )));
    }
    detect::classify_text(&text, limits).map_err(|e| match e {
        ExtractError::Unrecognized(m) => ExtractError::Unrecognized(detail!(
            "the PNG {what}: {why}",
            what = cause(what.clone()),
            why = cause(m)
        )),
        other => other,
    })
}

fn check_size(len: usize, what: &Detail, limits: &Limits) -> Result<(), ExtractError> {
    if len > limits.max_payload_bytes {
        return Err(ExtractError::LimitExceeded(detail!(
            "the PNG {what} holds {len} bytes, more than the {limit}-byte payload limit",
            what = cause(what.clone()),
            len = count(len),
            limit = count(limits.max_payload_bytes)
        )));
    }
    Ok(())
}

/// Builds a chunk (length, type, data, CRC) — used by baking and tests.
#[cfg(any(test, feature = "test-support"))]
pub fn make_chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(data.len() + 12);
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut h = CRC32.digest();
    h.update(kind);
    h.update(data);
    out.extend_from_slice(&h.finalize().to_be_bytes());
    out
}

/// An uncompressed `iTXt` chunk with empty language tag and translated keyword.
#[cfg(any(test, feature = "test-support"))]
pub fn make_itxt(keyword: &str, text: &str) -> Vec<u8> {
    let mut data = Vec::with_capacity(keyword.len() + text.len() + 5);
    data.extend_from_slice(keyword.as_bytes());
    data.extend_from_slice(&[0, 0, 0, 0, 0]);
    data.extend_from_slice(text.as_bytes());
    make_chunk(b"iTXt", &data)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(chunks: &[Vec<u8>]) -> Vec<u8> {
        let mut v = SIGNATURE.to_vec();
        v.extend(make_chunk(
            b"IHDR",
            &[0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0],
        ));
        for c in chunks {
            v.extend_from_slice(c);
        }
        v.extend(make_chunk(b"IEND", &[]));
        v
    }

    #[test]
    fn reads_itxt_and_text() {
        let l = Limits::default();
        let p = png(&[make_itxt("openbadges", "https://example.org/a/1")]);
        let e = extract_png(&p, &l).unwrap();
        assert_eq!(e.payload, Payload::Url("https://example.org/a/1".into()));
        assert_eq!(
            e.container,
            Container::Png {
                chunk: "iTXt".into(),
                keyword: "openbadges".into()
            }
        );
        let mut data = b"openbadges\0https://example.org/caf".to_vec();
        data.push(0xE9); // Latin-1 é, decoded as U+00E9
        let p = png(&[make_chunk(b"tEXt", &data)]);
        let e = extract_png(&p, &l).unwrap();
        assert_eq!(e.payload, Payload::Url("https://example.org/café".into()));
    }

    #[test]
    fn huge_length_is_refused_without_allocating() {
        let mut p = png(&[]);
        let at = p.len() - 12;
        p.truncate(at);
        p.extend_from_slice(&0x8000_0000u32.to_be_bytes());
        p.extend_from_slice(b"iTXt");
        assert!(
            matches!(extract_png(&p, &Limits::default()), Err(ExtractError::Corrupt(m)) if m.contains("2^31-1"))
        );
        p.truncate(at);
        p.extend_from_slice(&0x7000_0000u32.to_be_bytes());
        p.extend_from_slice(b"iTXt");
        assert!(
            matches!(extract_png(&p, &Limits::default()), Err(ExtractError::Corrupt(m)) if m.contains("remain"))
        );
    }

    #[test]
    fn itxt_fields() {
        assert!(parse_itxt(b"openbadges").is_err());
        assert!(parse_itxt(b"openbadges\0\x02\0\0\0x").is_err());
        let t = parse_itxt(b"openbadges\0\x01\0en\0tk\0abc").unwrap();
        assert!(t.compressed);
        assert_eq!(t.text, b"abc");
    }
}
