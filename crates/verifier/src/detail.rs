//! What a check found, as data (issue #18): a template with named, typed arguments. The core
//! renders it in English (the CLI, `--json`'s `detail`); the view renders the same data in the
//! reader's language, with dates in the reader's format, so no language is ever half done.
//!
//! Templates are written with [`detail!`](crate::detail!): `{name}` is an argument, text in
//! backticks (`` `credentialSubject` ``) is a name from a spec that no language translates, and
//! `{{`/`}}` are literal braces. Every template literal is found in the source by the view's
//! completeness test, which fails when one has no zh-TW translation with the same arguments.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// One check's evidence in words.
#[derive(Debug, Clone, PartialEq)]
pub enum Detail {
    /// A template and its arguments, as verification produces it.
    Message {
        /// The English template: `{name}` marks an argument, backticks a spec name, `{{`/`}}`
        /// literal braces. Stable: the view keys its translations on it.
        template: &'static str,
        /// The template's arguments by name, in the order the template was written with.
        args: Vec<(&'static str, Arg)>,
    },
    /// Rendered text read back from a JSON report (another build's `detail`); verification
    /// never produces it.
    Text(String),
}

/// A value inside a detail, typed so each language renders it its own way.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// An http(s) or other URL, shown as is.
    Url(String),
    /// An identifier shown as is in every language: a DID, a key id, a JSON pointer, a
    /// property, type, algorithm, suite or media type name, a check id, a hash.
    Code(String),
    /// Text from the badge or from the issuer's documents (a name, an e-mail): untrusted,
    /// shown as text, never translated.
    Text(String),
    /// A number.
    Count(u64),
    /// A date or date-time as the document wrote it (RFC 3339, or whatever it had): English
    /// shows it as written, the view in the reader's format.
    Date(String),
    /// A cause: another detail inside this one.
    Detail(Box<Detail>),
}

/// An argument that is a URL.
pub fn url(s: impl Into<String>) -> Arg {
    Arg::Url(s.into())
}
/// An argument that is an identifier (see [`Arg::Code`]).
pub fn code(s: impl Into<String>) -> Arg {
    Arg::Code(s.into())
}
/// An argument that is untrusted text from a document.
pub fn text(s: impl Into<String>) -> Arg {
    Arg::Text(s.into())
}
/// An argument that is a number.
pub fn count(n: impl TryInto<u64>) -> Arg {
    Arg::Count(n.try_into().unwrap_or(u64::MAX))
}
/// An argument that is a date as written in the document.
pub fn date(s: impl Into<String>) -> Arg {
    Arg::Date(s.into())
}
/// An argument that is another detail (the cause of this one).
pub fn cause(d: impl Into<Detail>) -> Arg {
    Arg::Detail(Box::new(d.into()))
}

/// `detail!("the key {key} is not in {url}", key = code(k), url = url(u))`.
#[macro_export]
macro_rules! detail {
    ($template:literal $(,)?) => {
        $crate::detail::Detail::Message { template: $template, args: ::std::vec::Vec::new() }
    };
    ($template:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::detail::Detail::Message {
            template: $template,
            args: ::std::vec![$((stringify!($name), $value)),+],
        }
    };
}

/// A piece of a template: literal text, a spec name (backticks), or an argument's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Piece<'a> {
    /// Text to show as is (in English, and the key a translation looks up with it).
    Literal(&'a str),
    /// A name from a spec, written in backticks in the template: never translated.
    Code(&'a str),
    /// An argument's name, written `{name}` in the template.
    Arg(&'a str),
}

/// Splits a template into pieces. Malformed templates (an unclosed brace or backtick) keep
/// the rest as literal text: a template is ours, but a translation must not panic the page.
pub fn pieces(template: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = template;
    while !rest.is_empty() {
        let next = rest.find(['{', '}', '`']);
        let Some(i) = next else {
            out.push(Piece::Literal(rest));
            break;
        };
        if i > 0 {
            out.push(Piece::Literal(&rest[..i]));
        }
        let tail = &rest[i..];
        if tail.starts_with("{{") || tail.starts_with("}}") {
            out.push(Piece::Literal(&tail[..1]));
            rest = &tail[2..];
        } else if let Some(body) = tail.strip_prefix('{') {
            match body.find('}') {
                Some(end) => {
                    out.push(Piece::Arg(&body[..end]));
                    rest = &body[end + 1..];
                }
                None => {
                    out.push(Piece::Literal(tail));
                    break;
                }
            }
        } else if let Some(body) = tail.strip_prefix('`') {
            match body.find('`') {
                Some(end) => {
                    out.push(Piece::Code(&body[..end]));
                    rest = &body[end + 1..];
                }
                None => {
                    out.push(Piece::Literal(tail));
                    break;
                }
            }
        } else {
            // A lone `}`.
            out.push(Piece::Literal(&tail[..1]));
            rest = &tail[1..];
        }
    }
    out
}

impl Detail {
    /// The argument called `name`, if the detail has it.
    pub fn arg(&self, name: &str) -> Option<&Arg> {
        match self {
            Detail::Message { args, .. } => args.iter().find(|(n, _)| *n == name).map(|(_, a)| a),
            Detail::Text(_) => None,
        }
    }

    /// The template, for a message.
    pub fn template(&self) -> Option<&'static str> {
        match self {
            Detail::Message { template, .. } => Some(template),
            Detail::Text(_) => None,
        }
    }

    /// Whether the English text contains `s` (tests and callers that look for a phrase).
    pub fn contains(&self, s: &str) -> bool {
        self.to_string().contains(s)
    }
    /// Whether the English text starts with `s`.
    pub fn starts_with(&self, s: &str) -> bool {
        self.to_string().starts_with(s)
    }
    /// Whether the English text ends with `s`.
    pub fn ends_with(&self, s: &str) -> bool {
        self.to_string().ends_with(s)
    }
}

impl fmt::Display for Arg {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Arg::Url(s) | Arg::Code(s) | Arg::Text(s) | Arg::Date(s) => f.write_str(s),
            Arg::Count(n) => write!(f, "{n}"),
            Arg::Detail(d) => d.fmt(f),
        }
    }
}

/// English, as the CLI prints it and `--json` writes it.
impl fmt::Display for Detail {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Detail::Text(s) => f.write_str(s),
            Detail::Message { template, args } => {
                for p in pieces(template) {
                    match p {
                        Piece::Literal(s) | Piece::Code(s) => f.write_str(s)?,
                        Piece::Arg(name) => match args.iter().find(|(n, _)| *n == name) {
                            Some((_, a)) => a.fmt(f)?,
                            None => write!(f, "{{{name}}}")?,
                        },
                    }
                }
                Ok(())
            }
        }
    }
}

impl PartialEq<String> for Detail {
    fn eq(&self, other: &String) -> bool {
        self.to_string().as_str() == other.as_str()
    }
}

impl PartialEq<&str> for Detail {
    fn eq(&self, other: &&str) -> bool {
        self.to_string().as_str() == *other
    }
}

// Tests write details as plain text; verification never does (the app's build, without
// `test-support`, would not compile if it did).
#[cfg(any(test, feature = "test-support"))]
impl From<&str> for Detail {
    fn from(s: &str) -> Self {
        Detail::Text(s.to_string())
    }
}

impl Serialize for Detail {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Detail {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Detail::Text)
    }
}

/// The templates written in Rust source: the string literal after each `detail!(`, unescaped.
/// The view's zh-TW completeness test and the module wire's test read the source with it.
#[cfg(any(test, feature = "test-support"))]
pub fn templates_in(src: &str) -> Vec<String> {
    let mac = concat!("detail", "!(");
    let mut out = Vec::new();
    let mut rest = src;
    while let Some(i) = rest.find(mac) {
        rest = &rest[i + mac.len()..];
        let Some(lit) = rest.trim_start().strip_prefix('"') else {
            continue;
        };
        let mut t = String::new();
        let mut chars = lit.chars();
        while let Some(c) = chars.next() {
            match c {
                '"' => break,
                '\\' => match chars.next() {
                    Some('n') => t.push('\n'),
                    Some('\n') => {
                        let s: String = chars.clone().collect();
                        let skipped = s.len() - s.trim_start().len();
                        for _ in 0..s[..skipped].chars().count() {
                            chars.next();
                        }
                    }
                    Some(c) => t.push(c),
                    None => {}
                },
                c => t.push(c),
            }
        }
        out.push(t);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_fills_arguments_and_drops_backticks() {
        let d = crate::detail!(
            "`credentialSubject` of {url} names {n} keys {{}} since {when}",
            url = url("https://i.example/a"),
            n = count(2usize),
            when = date("2024-01-02T00:00:00Z"),
        );
        assert_eq!(
            d.to_string(),
            "credentialSubject of https://i.example/a names 2 keys {} since 2024-01-02T00:00:00Z"
        );
        let json = serde_json::to_string(&d).unwrap();
        assert_eq!(json, format!("\"{d}\""));
    }

    #[test]
    fn causes_nest_and_malformed_templates_do_not_panic() {
        let inner = crate::detail!("HTTP {status}", status = count(404u16));
        let d = crate::detail!(
            "could not read {url}: {why}",
            url = url("u"),
            why = cause(inner)
        );
        assert_eq!(d.to_string(), "could not read u: HTTP 404");
        for t in ["{", "`x", "}", "{a", "a}b{{c}}`d`{e}"] {
            let _ = pieces(t);
        }
        assert_eq!(
            pieces("a}b{{c}}`d`{e}"),
            vec![
                Piece::Literal("a"),
                Piece::Literal("}"),
                Piece::Literal("b"),
                Piece::Literal("{"),
                Piece::Literal("c"),
                Piece::Literal("}"),
                Piece::Code("d"),
                Piece::Arg("e"),
            ]
        );
    }
}
