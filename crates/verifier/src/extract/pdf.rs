//! What a PDF (a résumé) points to and carries (issue #17): its link annotations' URIs, the
//! http(s) URLs in its page text, and its attached files, each with the page it is on.
//!
//! [`Scan`] is what crosses from the on-demand module to the page's core as JSON (`to_wire`,
//! `from_wire`), so it is compiled in every build; [`scan`] reads the PDF with lopdf (feature
//! `pdf`).
//!
//! What is found:
//! - `/Link` annotations with a `/URI` action (any scheme; verification decides);
//! - URLs starting `http://` or `https://` in the strings a page's content streams show
//!   (`Tj`, `TJ`, `'`, `"`), joined within a text run;
//! - files in the document's `/EmbeddedFiles` name tree and in `/FileAttachment` annotations.
//!
//! What is not: text in fonts whose bytes are glyph ids (CID fonts, as many word processors
//! embed) or in Form XObjects, a URL split across separately positioned strings, links in
//! form fields or JavaScript, and pages past [`crate::Limits::max_pdf_pages`]. Encrypted PDFs are not
//! read at all.

use crate::detail;
use crate::detail::{count, Detail};
use serde::{Deserialize, Serialize};

/// Where a found item comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ItemKind {
    /// A link annotation's URI.
    Link,
    /// A URL in the page text.
    Text,
    /// An attached or embedded file.
    Attachment,
}

/// One link, URL or attached file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// 1-based page; `None` for a file in the document's `/EmbeddedFiles`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    /// A link, a URL in the text, or an attached file.
    pub kind: ItemKind,
    /// The attached file's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The link's or the text's URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The attached file's bytes, standard base64.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// Why an attached file could not be read (too large, damaged).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<FileError>,
}

/// Why an attached file could not be read: data, so that it crosses from the on-demand module
/// as JSON and is worded in the reader's language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileError {
    /// Larger than `max` bytes.
    TooLarge {
        /// The most bytes one attached file may decode to.
        max: usize,
    },
    /// The attached file's data could not be decoded.
    Damaged,
    /// The attached file's data stream cannot be found in the PDF.
    Missing,
}

impl FileError {
    /// What is wrong, in words.
    pub fn detail(&self) -> Detail {
        match self {
            FileError::TooLarge { max } => detail!(
                "the attached file is larger than {max} bytes (the limit): not read",
                max = count(*max)
            ),
            FileError::Damaged => detail!("the attached file is damaged"),
            FileError::Missing => detail!("the attached file is missing"),
        }
    }
}

/// Something skipped while reading a PDF (a limit, an undecodable stream).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Note {
    /// Only the first `max` of `pages` pages were searched.
    Pages {
        /// Pages in the document.
        pages: u32,
        /// Pages searched ([`crate::Limits::max_pdf_pages`]).
        max: usize,
    },
    /// `dropped` items past the first `max` were not kept.
    Dropped {
        /// Items found and not kept.
        dropped: usize,
        /// Items kept ([`crate::Limits::max_pdf_found`]).
        max: usize,
    },
    /// A content stream on `page` could not be decoded.
    Stream {
        /// 1-based page.
        page: u32,
    },
    /// A stream on `page` decodes to more than the `max` bytes left.
    Budget {
        /// 1-based page.
        page: u32,
        /// Bytes left for decoding in this PDF when the stream was reached.
        max: usize,
    },
}

impl Note {
    /// What was skipped, in words.
    pub fn detail(&self) -> Detail {
        match *self {
            Note::Pages { pages, max } => detail!(
                "the PDF has {pages} pages; only the first {max} were searched (the limit)",
                pages = count(pages),
                max = count(max)
            ),
            Note::Dropped { dropped, max } => detail!(
                "{dropped} more links, URLs or attachments past the first {max} were not kept (the limit)",
                dropped = count(dropped),
                max = count(max)
            ),
            Note::Stream { page } => detail!(
                "a content stream on page {page} was not read: it cannot be decoded",
                page = count(page)
            ),
            Note::Budget { page, max } => detail!(
                "a stream on page {page} decodes to more than the {max} bytes left for this PDF: not read",
                page = count(page),
                max = count(max)
            ),
        }
    }
}

/// Why a PDF as a whole cannot be read. It crosses from the on-demand module as a string
/// ([`ScanError::to_wire`]), which [`ScanError::detail_of`] words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ScanError {
    /// The PDF is larger than [`Limits::max_input_bytes`](crate::Limits::max_input_bytes).
    TooLarge {
        /// The PDF's size in bytes.
        size: usize,
        /// The limit in bytes ([`crate::Limits::max_input_bytes`]).
        limit: usize,
    },
    /// The PDF is encrypted: never read (no password is tried).
    Encrypted,
    /// The PDF's structure cannot be read.
    Damaged,
}

impl ScanError {
    /// The error as the short string that crosses from the on-demand module (`too-large 10 5`,
    /// `encrypted`, `damaged`); [`ScanError::from_wire`] reads it back.
    pub fn to_wire(&self) -> String {
        match self {
            ScanError::TooLarge { size, limit } => format!("too-large {size} {limit}"),
            ScanError::Encrypted => "encrypted".into(),
            ScanError::Damaged => "damaged".into(),
        }
    }

    /// Reads [`ScanError::to_wire`]'s string back; `None` for any other string.
    pub fn from_wire(s: &str) -> Option<ScanError> {
        let mut words = s.split(' ');
        match (words.next()?, words.next(), words.next(), words.next()) {
            ("too-large", Some(size), Some(limit), None) => Some(ScanError::TooLarge {
                size: size.parse().ok()?,
                limit: limit.parse().ok()?,
            }),
            ("encrypted", None, None, None) => Some(ScanError::Encrypted),
            ("damaged", None, None, None) => Some(ScanError::Damaged),
            _ => None,
        }
    }

    /// What is wrong, in words.
    pub fn detail(&self) -> Detail {
        match *self {
            ScanError::TooLarge { size, limit } => detail!(
                "the PDF is {size} bytes, more than the {limit}-byte limit",
                size = count(size),
                limit = count(limit)
            ),
            ScanError::Encrypted => {
                detail!("encrypted PDF: not read (save it without a password and try again)")
            }
            ScanError::Damaged => detail!("the PDF is damaged"),
        }
    }

    /// The words for a scan's error string: ours in wire form, or what the module's loader
    /// said (a module that could not run).
    pub fn detail_of(wire: &str) -> Detail {
        match ScanError::from_wire(wire) {
            Some(e) => e.detail(),
            None => Detail::Text(wire.to_string()),
        }
    }
}

/// Everything found in one PDF.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scan {
    /// Pages in the document.
    pub pages: u32,
    /// Pages searched (at most [`crate::Limits::max_pdf_pages`]).
    pub pages_scanned: u32,
    /// Every link, URL and attached file found, in document order (at most
    /// [`crate::Limits::max_pdf_found`]).
    pub items: Vec<Item>,
    /// What was skipped and why (pages or items past a limit, undecodable streams).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
}

impl Scan {
    /// The scan as JSON, as it crosses from the on-demand module.
    pub fn to_wire(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads [`Scan::to_wire`]'s JSON back; a clear error if the module answered anything else.
    pub fn from_wire(json: &str) -> Result<Scan, Detail> {
        serde_json::from_str(json).map_err(|_| detail!("the PDF module answered badly"))
    }
}

/// The URLs (`http://`, `https://`, any case) in `text`, each ending at white space, a quote or
/// a bracket, without trailing sentence punctuation.
pub fn urls_in(text: &str) -> Vec<String> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(rel) = lower[at..].find("http") {
        let start = at + rel;
        let rest = &lower[start..];
        let scheme = if rest.starts_with("https://") {
            8
        } else if rest.starts_with("http://") {
            7
        } else {
            at = start + 4;
            continue;
        };
        let end = text[start..]
            .find(|c: char| c.is_whitespace() || "\"'<>()[]{}|\\^`".contains(c) || c.is_control())
            .map_or(text.len(), |e| start + e);
        let url = text[start..end].trim_end_matches(['.', ',', ';', ':', '!', '?']);
        if url.len() > scheme {
            found.push(url.to_string());
        }
        at = end.max(start + scheme);
    }
    found
}

/// A PDF text string: UTF-16BE with its byte-order mark, UTF-8 with its mark, or else
/// PDFDocEncoding, read as Latin-1 (the same for ASCII, all a URL or file name needs).
pub fn text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(b"\xFE\xFF") {
        let units: Vec<u16> = utf16
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| char::from(b)).collect()
}

#[cfg(feature = "pdf")]
pub use reading::scan;

#[cfg(feature = "pdf")]
mod reading {
    use super::{text_string, urls_in, FileError, Item, ItemKind, Note, Scan, ScanError};
    use crate::limits::Limits;
    use base64::Engine;
    use lopdf::{Dictionary, Document, Object, ObjectId};
    use std::collections::HashSet;

    /// How deep an `/EmbeddedFiles` name tree is followed.
    const MAX_NAME_TREE_DEPTH: usize = 32;
    /// How many content streams of one page are read.
    const MAX_STREAMS_PER_PAGE: usize = 64;
    /// How many characters of one page's text are searched for URLs.
    const MAX_TEXT_CHARS: usize = 1024 * 1024;

    /// Reads `bytes` (a PDF) within `limits`: `Err` says why the PDF as a whole cannot be read
    /// (damaged, encrypted), as [`ScanError::to_wire`]; what is skipped inside it is in
    /// [`Scan::notes`].
    pub fn scan(bytes: &[u8], limits: &Limits) -> Result<Scan, String> {
        if bytes.len() > limits.max_input_bytes {
            return Err(ScanError::TooLarge {
                size: bytes.len(),
                limit: limits.max_input_bytes,
            }
            .to_wire());
        }
        // Object and cross-reference streams are inflated while loading: bounded too.
        let options = lopdf::LoadOptions {
            max_decompressed_size: Some(limits.max_payload_bytes),
            ..Default::default()
        };
        let doc = match Document::load_mem_with_options(bytes, options) {
            Ok(doc) => doc,
            Err(_) if declares_encryption(bytes) => return Err(ScanError::Encrypted.to_wire()),
            Err(_) => return Err(ScanError::Damaged.to_wire()),
        };
        if doc.trailer.has(b"Encrypt") || doc.was_encrypted() {
            return Err(ScanError::Encrypted.to_wire());
        }
        let mut s = Scanner {
            doc: &doc,
            limits,
            decoded_left: limits.max_pdf_decoded_bytes,
            scan: Scan::default(),
            urls: HashSet::new(),
            files: HashSet::new(),
            dropped: 0,
        };
        let max_pages = limits.max_pdf_pages;
        // A page tree that lists a page twice (or loops) counts each page once.
        let mut seen = HashSet::new();
        let pages = doc.page_iter().filter(|id| seen.insert(*id));
        for (i, page_id) in pages.enumerate() {
            let n = u32::try_from(i + 1).unwrap_or(u32::MAX);
            s.scan.pages = n;
            if i < max_pages {
                s.scan.pages_scanned = n;
                s.page(n, page_id);
            } else if i >= max_pages.saturating_mul(100) {
                break; // counting pages is bounded too
            }
        }
        s.embedded_files();
        if s.scan.pages as usize > max_pages {
            let pages = s.scan.pages;
            s.scan.notes.push(Note::Pages {
                pages,
                max: max_pages,
            });
        }
        if s.dropped > 0 {
            let (dropped, max) = (s.dropped, limits.max_pdf_found);
            s.scan.notes.push(Note::Dropped { dropped, max });
        }
        Ok(s.scan)
    }

    fn declares_encryption(bytes: &[u8]) -> bool {
        bytes.windows(8).any(|w| w == b"/Encrypt")
    }

    struct Scanner<'a> {
        doc: &'a Document,
        limits: &'a Limits,
        decoded_left: usize,
        scan: Scan,
        urls: HashSet<String>,
        files: HashSet<ObjectId>,
        dropped: usize,
    }

    impl Scanner<'_> {
        fn push(&mut self, item: Item) {
            if self.scan.items.len() < self.limits.max_pdf_found {
                self.scan.items.push(item);
            } else {
                self.dropped += 1;
            }
        }

        /// A URL once, on the first page it appears on.
        fn url(&mut self, page: u32, kind: ItemKind, url: String) {
            let url = url.trim().to_string();
            if url.is_empty() || !self.urls.insert(url.clone()) {
                return;
            }
            self.push(Item {
                page: Some(page),
                kind,
                name: None,
                url: Some(url),
                data: None,
                error: None,
            });
        }

        fn page(&mut self, n: u32, page_id: ObjectId) {
            let doc = self.doc;
            if let Ok(annotations) = doc.get_page_annotations(page_id) {
                for a in annotations {
                    let subtype = a.get(b"Subtype").and_then(Object::as_name).ok();
                    match subtype {
                        Some(b"Link") => {
                            if let Some(uri) = link_uri(doc, a) {
                                self.url(n, ItemKind::Link, uri);
                            }
                        }
                        Some(b"FileAttachment") => {
                            if let Ok(fs) = a.get_deref(b"FS", doc).and_then(Object::as_dict) {
                                self.file(Some(n), fs);
                            }
                        }
                        _ => {}
                    }
                }
            }
            let text = self.page_text(n, page_id);
            for url in urls_in(&text) {
                self.url(n, ItemKind::Text, url);
            }
        }

        /// The strings a page shows, a line break between text runs and positioned strings.
        fn page_text(&mut self, n: u32, page_id: ObjectId) -> String {
            let mut text = String::new();
            let streams = self.doc.get_page_contents(page_id);
            for id in streams.into_iter().take(MAX_STREAMS_PER_PAGE) {
                let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
                    continue;
                };
                let Some(data) = self.decode(stream, n) else {
                    continue;
                };
                for op in lopdf::content::Content::decode_iter(&data) {
                    let Ok(op) = op else { break };
                    match op.operator.as_str() {
                        "Tj" | "'" | "\"" => {
                            if let Some(Ok(s)) = op.operands.last().map(Object::as_str) {
                                text.push_str(&text_string(s));
                            }
                        }
                        "TJ" => {
                            if let Some(Ok(parts)) = op.operands.first().map(Object::as_array) {
                                for s in parts.iter().filter_map(|p| p.as_str().ok()) {
                                    text.push_str(&text_string(s));
                                }
                            }
                        }
                        "BT" | "ET" | "Td" | "TD" | "T*" | "Tm" => text.push('\n'),
                        _ => {}
                    }
                    if text.len() > MAX_TEXT_CHARS {
                        return text;
                    }
                }
            }
            text
        }

        /// A stream's bytes, within what is left of the PDF's decoding budget.
        fn decode(&mut self, stream: &lopdf::Stream, page: u32) -> Option<Vec<u8>> {
            let limit = self.decoded_left;
            match stream.decompressed_content_with_limit(limit) {
                Ok(data) => {
                    self.decoded_left -= data.len().min(limit);
                    Some(data)
                }
                Err(e) if over_limit(&e) => {
                    self.note_budget(page);
                    None
                }
                Err(_) => {
                    self.scan.notes.push(Note::Stream { page });
                    None
                }
            }
        }

        fn note_budget(&mut self, page: u32) {
            let max = self.limits.max_pdf_decoded_bytes;
            self.scan.notes.push(Note::Budget { page, max });
        }

        /// A file specification's embedded file, once per stream.
        fn file(&mut self, page: Option<u32>, fs: &Dictionary) {
            let doc = self.doc;
            let name = ["UF", "F"]
                .iter()
                .find_map(|k| {
                    fs.get_deref(k.as_bytes(), doc)
                        .and_then(Object::as_str)
                        .ok()
                })
                .map(text_string);
            let Ok(ef) = fs.get_deref(b"EF", doc).and_then(Object::as_dict) else {
                return; // a reference to an outside file: nothing carried
            };
            let Some(id) = ["F", "UF"]
                .iter()
                .find_map(|k| ef.get(k.as_bytes()).and_then(Object::as_reference).ok())
            else {
                return;
            };
            if !self.files.insert(id) {
                return;
            }
            let mut item = Item {
                page,
                kind: ItemKind::Attachment,
                name,
                url: None,
                data: None,
                error: None,
            };
            let max = self.limits.max_payload_bytes.min(self.decoded_left);
            match doc.get_object(id).and_then(Object::as_stream) {
                Ok(stream) => match stream.decompressed_content_with_limit(max) {
                    Ok(data) if data.len() <= max => {
                        self.decoded_left -= data.len();
                        item.data = Some(base64::engine::general_purpose::STANDARD.encode(data));
                    }
                    Ok(_) => item.error = Some(FileError::TooLarge { max }),
                    Err(e) if over_limit(&e) => item.error = Some(FileError::TooLarge { max }),
                    Err(_) => item.error = Some(FileError::Damaged),
                },
                Err(_) => item.error = Some(FileError::Missing),
            }
            self.push(item);
        }

        /// The catalog's `/Names /EmbeddedFiles` name tree, depth-bounded, each node once.
        fn embedded_files(&mut self) {
            let doc = self.doc;
            let Ok(root) = doc
                .catalog()
                .and_then(|c| c.get_deref(b"Names", doc))
                .and_then(Object::as_dict)
                .and_then(|n| n.get_deref(b"EmbeddedFiles", doc))
                .and_then(Object::as_dict)
            else {
                return;
            };
            let mut seen = HashSet::new();
            let mut todo = vec![(root, 0usize)];
            while let Some((node, depth)) = todo.pop() {
                if let Ok(names) = node.get_deref(b"Names", doc).and_then(Object::as_array) {
                    for spec in names.iter().skip(1).step_by(2) {
                        if let Ok(fs) = doc.dereference(spec).and_then(|(_, o)| o.as_dict()) {
                            self.file(None, fs);
                        }
                    }
                }
                if depth >= MAX_NAME_TREE_DEPTH {
                    continue;
                }
                if let Ok(kids) = node.get_deref(b"Kids", doc).and_then(Object::as_array) {
                    // Reversed onto the stack: kids are visited in order.
                    for kid in kids.iter().rev() {
                        let Ok(id) = kid.as_reference() else { continue };
                        if seen.insert(id) {
                            if let Ok(d) = doc.get_object(id).and_then(Object::as_dict) {
                                todo.push((d, depth + 1));
                            }
                        }
                    }
                }
            }
        }
    }

    fn over_limit(e: &lopdf::Error) -> bool {
        matches!(
            e,
            lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. })
        )
    }

    /// A link annotation's `/A << /S /URI /URI (…) >>`.
    fn link_uri(doc: &Document, annotation: &Dictionary) -> Option<String> {
        let action = annotation
            .get_deref(b"A", doc)
            .and_then(Object::as_dict)
            .ok()?;
        if action.get(b"S").and_then(Object::as_name).ok()? != b"URI" {
            return None;
        }
        let uri = action
            .get_deref(b"URI", doc)
            .and_then(Object::as_str)
            .ok()?;
        Some(text_string(uri))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_in_text() {
        assert_eq!(
            urls_in("See https://a.example/b/1. Or (HTTP://x.example/y), and https:// alone"),
            vec!["https://a.example/b/1", "HTTP://x.example/y"]
        );
        assert!(urls_in("httpx http: https:").is_empty());
        assert_eq!(text_string(b"\xFE\xFF\x00a\x00b"), "ab");
        assert_eq!(text_string(b"caf\xE9"), "café");
    }
}
