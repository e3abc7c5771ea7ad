//! A check's detail in the reader's language (issue #18). The core gives each detail as a
//! template with typed arguments ([`mod@badge_verifier::detail`]); English renders the template
//! as written, zh-TW looks the template up in its tables (`zh-TW/*.txt`, one per part of
//! the core) and fills the same arguments, with dates in the reader's format. A template with
//! no translation is a test failure (`detail/tests.rs`), never English in a Chinese page.

use crate::dates::format_date;
use crate::i18n::Lang;
use badge_verifier::detail::{pieces, Arg, Detail, Piece};
use std::collections::HashMap;
use std::sync::OnceLock;

/// A piece of rendered detail: the app shows code and URLs in a monospace span, the rest
/// as plain text. All of it is text, never markup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Words in the reader's language.
    Words(String),
    /// A spec name, identifier, DID, key id or hash: the same in every language.
    Code(String),
    /// A URL.
    Url(String),
    /// Text from the badge or the issuer's documents (untrusted; never translated).
    Badge(String),
}

impl Segment {
    pub fn text(&self) -> &str {
        match self {
            Segment::Words(s) | Segment::Code(s) | Segment::Url(s) | Segment::Badge(s) => s,
        }
    }
}

/// The zh-TW tables, one per part of the core: pairs of lines `en: …` / `zh: …`. Natively
/// (the CLI's tests, the view's tests) they are compiled in; the browser app fetches them as
/// one file (`zh-TW-<hash>.txt`, made at build time from the same files) when the reader chooses
/// zh-TW, so English readers never download them (21.7 KB brotli) and the first load does
/// not carry them. See [`install_zh_tw`].
#[cfg(not(target_arch = "wasm32"))]
pub const ZH_TW: &[&str] = &[
    include_str!("zh-TW/report.txt"),
    include_str!("zh-TW/general.txt"),
    include_str!("zh-TW/ob3.txt"),
    include_str!("zh-TW/resolve.txt"),
];

static INSTALLED: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();

/// Installs the zh-TW tables (the text of `zh-TW.txt`); the first call wins. Returns the number
/// of templates read.
pub fn install_zh_tw(text: String) -> usize {
    let text: &'static str = Box::leak(text.into_boxed_str());
    let _ = INSTALLED.set(parse_table(std::iter::once(text)));
    INSTALLED.get().map_or(0, HashMap::len)
}

/// Whether zh-TW details can be rendered (always natively; in the browser once fetched).
pub fn zh_tw_ready() -> bool {
    cfg!(not(target_arch = "wasm32")) || INSTALLED.get().is_some()
}

/// English template → zh-TW template (empty in the browser until installed).
fn zh_table() -> &'static HashMap<&'static str, &'static str> {
    #[cfg(not(target_arch = "wasm32"))]
    if INSTALLED.get().is_none() {
        let _ = INSTALLED.set(parse_table(ZH_TW.iter().copied()));
    }
    static EMPTY: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    INSTALLED
        .get()
        .unwrap_or_else(|| EMPTY.get_or_init(HashMap::new))
}

pub(crate) fn parse_table<'a>(files: impl Iterator<Item = &'a str>) -> HashMap<&'a str, &'a str> {
    let mut map = HashMap::new();
    for file in files {
        let mut en = None;
        for line in file.lines() {
            if let Some(t) = line.strip_prefix("en: ") {
                en = Some(t);
            } else if let (Some(t), Some(e)) = (line.strip_prefix("zh: "), en.take()) {
                map.insert(e, t);
            }
        }
    }
    map
}

/// The template in `lang`, when there is one.
pub fn template(template: &'static str, lang: Lang) -> Option<&'static str> {
    match lang {
        Lang::En => Some(template),
        Lang::ZhTw => zh_table().get(template).copied(),
    }
}

/// The detail as segments in `lang`. A template without a translation shows in English (the
/// completeness test keeps that from shipping).
pub fn render(detail: &Detail, lang: Lang) -> Vec<Segment> {
    let mut out = Vec::new();
    render_into(detail, lang, &mut out);
    out
}

/// The detail as one string in `lang`.
pub fn to_text(detail: &Detail, lang: Lang) -> String {
    render(detail, lang).iter().map(Segment::text).collect()
}

fn push_words(out: &mut Vec<Segment>, s: &str) {
    if let Some(Segment::Words(w)) = out.last_mut() {
        w.push_str(s);
    } else if !s.is_empty() {
        out.push(Segment::Words(s.to_string()));
    }
}

fn render_into(detail: &Detail, lang: Lang, out: &mut Vec<Segment>) {
    let (en, args) = match detail {
        Detail::Text(s) => return push_words(out, s),
        Detail::Message { template, args } => (*template, args),
    };
    let t = template(en, lang).unwrap_or(en);
    for p in pieces(t) {
        match p {
            Piece::Literal(s) => push_words(out, s),
            Piece::Code(s) => out.push(Segment::Code(s.to_string())),
            Piece::Arg(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, a)) => render_arg(a, lang, out),
                None => push_words(out, &format!("{{{name}}}")),
            },
        }
    }
}

fn render_arg(arg: &Arg, lang: Lang, out: &mut Vec<Segment>) {
    match arg {
        Arg::Url(s) => out.push(Segment::Url(s.clone())),
        Arg::Code(s) => out.push(Segment::Code(s.clone())),
        Arg::Text(s) => out.push(Segment::Badge(s.clone())),
        Arg::Count(n) => push_words(out, &n.to_string()),
        Arg::Date(s) => push_words(out, &format_date(s, lang)),
        Arg::Detail(d) => render_into(d, lang, out),
    }
}

/// Acronyms and names a zh-TW sentence may write in Latin letters.
pub const LATIN_ALLOWED: &[&str] = &[
    "API",
    "CLR",
    "CORS",
    "DID",
    "DNS",
    "ECDSA",
    "EdDSA",
    "Ed25519",
    "HTML",
    "HTTP",
    "HTTPS",
    "ID",
    "IP",
    "JSON",
    "JSON-LD",
    "JWK",
    "JWS",
    "JWT",
    "MIME",
    "OB",
    "Open",
    "Badges",
    "PDF",
    "PEM",
    "PNG",
    "QR",
    "RSA",
    "SHA-256",
    "SVG",
    "URL",
    "UTF-8",
    "VC",
    "VP",
    "XML",
    "W3C",
    "P-256",
    "P-384",
    "secp256k1",
    "1EdTech",
    "Credly",
    "N-Quads",
    "RDF",
    "CLI",
    "JPEG",
    // The standard's own name, glossed after its translation: 可驗證憑證（Verifiable Credential）.
    "Verifiable",
    "Credential",
];

/// Latin-letter words in text that should be Chinese, other than [`LATIN_ALLOWED`].
pub fn english_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut Vec<String>| {
        let w = word.trim_matches('-').to_string();
        if w.chars().any(|c| c.is_ascii_alphabetic()) && !LATIN_ALLOWED.contains(&w.as_str()) {
            out.push(w);
        }
        word.clear();
    };
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == '-' {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out
}

#[cfg(test)]
mod tests;
