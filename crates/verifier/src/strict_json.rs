//! The one JSON reader for untrusted documents: badges, JWT headers and payloads, and every
//! document fetched for them (issuer profiles, BadgeClasses, DID documents, JWK Sets, keys,
//! status and revocation lists).
//!
//! It is serde_json's own parser driving a small [`Visitor`] that builds the same
//! [`serde_json::Value`] `serde_json::from_str` would, with two differences:
//! - **A member name that appears twice in one object is an error** naming the name and where
//!   it is (a JSON Pointer, RFC 6901). RFC 8259 §4 only says names SHOULD be unique and leaves
//!   the result of duplicates to the parser: serde_json keeps the last, other readers the first,
//!   so the same bytes mean two things. I-JSON (RFC 7493 §2.3) forbids duplicates; JCS (RFC 8785
//!   §3.1, used by `eddsa-jcs-2022`) requires I-JSON input; RFC 7519 §4 lets a JWT parser reject
//!   them. Names are compared after unescaping (`"name"` and `"n\u0061me"` are one name).
//! - **Nesting deeper than `max_depth`** objects/arrays is an error, in the same pass.
//!
//! Our own bundled contexts and schemas are trusted and read with plain serde_json.

use crate::detail;
use crate::detail::{cause, code, count, Detail};
use serde::de::{self, DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde_json::map::Entry;
use serde_json::{Map, Value};
use std::fmt;

/// Why a document was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON: where (serde_json's own message is English, and is not kept).
    Syntax(SyntaxError),
    /// Objects/arrays nested deeper than the limit.
    TooDeep {
        /// The deepest nesting accepted.
        max: usize,
    },
    /// The same member name twice in one object.
    DuplicateKey {
        /// The name, unescaped.
        key: String,
        /// JSON Pointer (RFC 6901) of the duplicated member, e.g. `/credentialSubject/name`.
        pointer: String,
    },
}

/// Where text stops being JSON.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SyntaxError {
    /// The bytes are not UTF-8 (RFC 8259 §8.1); `byte` is the first one that is not.
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        byte: usize,
    },
    /// The text ends before the JSON value does.
    Eof {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
    /// Something that is not JSON at this place (or text after the value).
    At {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
    },
}

impl SyntaxError {
    /// Where, in one phrase.
    pub fn detail(&self) -> Detail {
        match self {
            SyntaxError::NotUtf8 { byte } => {
                detail!("not UTF-8 (byte {byte})", byte = count(*byte))
            }
            SyntaxError::Eof { line, column } => detail!(
                "the JSON ends too early (line {line}, column {column})",
                line = count(*line),
                column = count(*column)
            ),
            SyntaxError::At { line, column } => detail!(
                "not valid JSON (line {line}, column {column})",
                line = count(*line),
                column = count(*column)
            ),
        }
    }
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.detail().fmt(f)
    }
}

impl From<SyntaxError> for Detail {
    fn from(e: SyntaxError) -> Detail {
        e.detail()
    }
}

impl From<&SyntaxError> for Detail {
    fn from(e: &SyntaxError) -> Detail {
        e.detail()
    }
}

impl JsonError {
    /// The error for a document the reader knows as `what` (the credential, the JWT header …),
    /// in one sentence.
    pub fn detail(&self, what: impl Into<Detail>) -> Detail {
        let what = cause(what);
        match self {
            JsonError::Syntax(e) => detail!("{what} is not JSON: {why}", what = what, why = cause(e)),
            JsonError::TooDeep { max } => detail!(
                "{what} is JSON nested deeper than {max} levels",
                what = what,
                max = count(*max)
            ),
            JsonError::DuplicateKey { key, pointer } => detail!(
                "duplicate member name {name} at {pointer} in {what} (RFC 7493 I-JSON §2.3: member names \
                 must be unique): a document that can be read two ways is refused",
                name = code(shown(key)),
                pointer = code(shown(pointer)),
                what = what
            ),
        }
    }

    /// [`JsonError::detail`] in English, for tests that read the sentence.
    #[cfg(test)]
    fn describe(&self, what: &str) -> String {
        self.detail(Detail::Text(what.to_string())).to_string()
    }

    /// Whether the document was refused for a duplicate member name.
    pub fn is_duplicate_key(&self) -> bool {
        matches!(self, JsonError::DuplicateKey { .. })
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.detail(detail!("the document")).fmt(f)
    }
}

impl std::error::Error for JsonError {}

/// A JSON string literal of untrusted text for a message, cut to a readable length.
fn shown(s: &str) -> String {
    const MAX_CHARS: usize = 80;
    let cut: String = s.chars().take(MAX_CHARS).collect();
    let mut out = serde_json::to_string(&cut).unwrap_or_default();
    if cut.len() < s.len() {
        out.push('…');
    }
    out
}

/// Parses `text` strictly (see the module documentation).
pub fn from_str(text: &str, max_depth: usize) -> Result<Value, JsonError> {
    read(serde_json::Deserializer::from_str(text), max_depth)
}

/// Parses `bytes` strictly (see the module documentation); they must be UTF-8 (RFC 8259 §8.1).
/// Checking UTF-8 first and parsing text is faster than serde_json's byte reader, and keeps one
/// compiled copy of the reader in the app.
pub fn from_slice(bytes: &[u8], max_depth: usize) -> Result<Value, JsonError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        JsonError::Syntax(SyntaxError::NotUtf8 {
            byte: e.valid_up_to(),
        })
    })?;
    from_str(text, max_depth)
}

fn read<'de>(
    mut de: serde_json::Deserializer<serde_json::de::StrRead<'de>>,
    max_depth: usize,
) -> Result<Value, JsonError> {
    let mut st = State {
        depth: 0,
        max_depth,
        failure: None,
        path: Vec::new(),
    };
    let parsed = Node { st: &mut st }
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    parsed.map_err(|e| match st.failure.take() {
        Some(Failure::TooDeep) => JsonError::TooDeep { max: max_depth },
        Some(Failure::Duplicate(key)) => {
            let mut pointer = String::new();
            for seg in st.path.iter().rev().chain([&Segment::Key(key.clone())]) {
                pointer.push('/');
                match seg {
                    // RFC 6901 §3: `~` is written `~0`, `/` is written `~1`.
                    Segment::Key(k) => pointer.push_str(&k.replace('~', "~0").replace('/', "~1")),
                    Segment::Index(i) => pointer.push_str(&i.to_string()),
                }
            }
            JsonError::DuplicateKey { key, pointer }
        }
        None => JsonError::Syntax(match e.classify() {
            serde_json::error::Category::Eof => SyntaxError::Eof {
                line: e.line(),
                column: e.column(),
            },
            _ => SyntaxError::At {
                line: e.line(),
                column: e.column(),
            },
        }),
    })
}

/// Parse state shared by every node: the nesting depth, and what went wrong (serde_json's
/// error type is opaque, so the kind and the path are kept here).
struct State {
    depth: usize,
    max_depth: usize,
    failure: Option<Failure>,
    /// On a duplicate, filled while the error unwinds: innermost segment first. Nothing is
    /// recorded on the way down, so a document that parses pays nothing for the path.
    path: Vec<Segment>,
}

enum Failure {
    TooDeep,
    Duplicate(String),
}

enum Segment {
    Key(String),
    Index(usize),
}

impl State {
    #[inline]
    fn enter<E: de::Error>(&mut self) -> Result<(), E> {
        self.depth += 1;
        if self.depth > self.max_depth {
            self.failure = Some(Failure::TooDeep);
            return Err(E::custom(format_args!(
                "nested deeper than {} levels",
                self.max_depth
            )));
        }
        Ok(())
    }

    /// A child failed: remember where, if the path will be reported.
    fn unwind(&mut self, seg: Segment) {
        if matches!(self.failure, Some(Failure::Duplicate(_))) {
            self.path.push(seg);
        }
    }
}

/// One JSON value to read.
struct Node<'s> {
    st: &'s mut State,
}

impl<'de> DeserializeSeed<'de> for Node<'_> {
    type Value = Value;

    #[inline]
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Node<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    #[inline]
    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    #[inline]
    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    #[inline]
    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(n.into()))
    }

    #[inline]
    fn visit_f64<E>(self, n: f64) -> Result<Value, E> {
        // serde_json's parser never yields a non-finite float; this mirrors `Value`'s visitor.
        Ok(serde_json::Number::from_f64(n).map_or(Value::Null, Value::Number))
    }

    #[inline]
    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    #[inline]
    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    #[inline]
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        self.st.enter()?;
        let mut out = Vec::new();
        loop {
            match seq.next_element_seed(Node { st: self.st }) {
                Ok(Some(v)) => out.push(v),
                Ok(None) => break,
                Err(e) => {
                    self.st.unwind(Segment::Index(out.len()));
                    return Err(e);
                }
            }
        }
        self.st.depth -= 1;
        Ok(Value::Array(out))
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        self.st.enter()?;
        let mut out = Map::new();
        // serde_json hands over keys unescaped, so two spellings of one name collide here.
        while let Some(key) = map.next_key::<String>()? {
            let value = match map.next_value_seed(Node { st: self.st }) {
                Ok(v) => v,
                Err(e) => {
                    self.st.unwind(Segment::Key(key));
                    return Err(e);
                }
            };
            match out.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(value);
                }
                Entry::Occupied(slot) => {
                    let key = slot.key().clone();
                    let err =
                        de::Error::custom(format_args!("duplicate member name {}", shown(&key)));
                    self.st.failure = Some(Failure::Duplicate(key));
                    return Err(err);
                }
            }
        }
        self.st.depth -= 1;
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DEPTH: usize = 64;

    fn dup(text: &str) -> (String, String) {
        match from_str(text, DEPTH) {
            Err(JsonError::DuplicateKey { key, pointer }) => (key, pointer),
            other => panic!("{text}: expected a duplicate, got {other:?}"),
        }
    }

    #[test]
    fn same_value_as_serde_json() {
        let text = r#"{"a":[1,-2,3.5,1e300,18446744073709551615,-9223372036854775808,0.1],
            "b":{"c":null,"d":true,"e":false,"f":"\u00e9\ud83d\ude00\n"},"g":[],"h":{},
            "": "", "n\u0061": 1}"#;
        let strict = from_str(text, DEPTH).unwrap();
        let plain: Value = serde_json::from_str(text).unwrap();
        assert_eq!(strict, plain);
        assert_eq!(strict.to_string(), plain.to_string());
        assert_eq!(from_slice(text.as_bytes(), DEPTH).unwrap(), plain);
        for scalar in ["1", "\"s\"", "null", "[]", "-0", "1.5e-7"] {
            assert_eq!(
                from_str(scalar, DEPTH).unwrap(),
                serde_json::from_str::<Value>(scalar).unwrap()
            );
        }
    }

    #[test]
    fn duplicates_anywhere_are_named_with_their_pointer() {
        assert_eq!(
            dup(r#"{"name":"a","name":"b"}"#),
            ("name".into(), "/name".into())
        );
        assert_eq!(
            dup(r#"{"credentialSubject":{"id":"x","achievement":{"name":1,"name":1}}}"#),
            ("name".into(), "/credentialSubject/achievement/name".into())
        );
        assert_eq!(
            dup(r#"{"proof":[{"type":"a"},{"type":"b","type":"c"}]}"#),
            ("type".into(), "/proof/1/type".into())
        );
        // Same value twice is still two members.
        assert_eq!(dup(r#"{"a":1,"a":1}"#).1, "/a");
        // RFC 6901 escapes in the pointer.
        assert_eq!(dup(r#"{"a/b":{"~":1,"~":2}}"#).1, "/a~1b/~0");
    }

    #[test]
    fn differently_escaped_spellings_are_one_name() {
        assert_eq!(dup(r#"{"name":"a","n\u0061me":"b"}"#).0, "name");
        assert_eq!(dup(r#"{"\u00e9":1,"é":2}"#).0, "é");
        assert_eq!(dup(r#"{"a\/b":1,"a/b":2}"#).1, "/a~1b");
    }

    #[test]
    fn distinct_names_in_different_objects_are_fine() {
        let v = from_str(r#"{"a":{"a":{"a":1}},"b":[{"a":1},{"a":2}]}"#, DEPTH).unwrap();
        assert_eq!(v["b"][1]["a"], 2);
        // Names differing only in case or Unicode normalization are different names (I-JSON
        // compares code points).
        assert!(from_str(r#"{"Name":1,"name":2,"e\u0301":3,"é":4}"#, DEPTH).is_ok());
    }

    #[test]
    fn message_names_key_place_and_rule() {
        let e = from_str(r#"{"x":{"name":1,"name":2}}"#, DEPTH).unwrap_err();
        let m = e.describe("the credential");
        assert!(m.contains("\"name\""), "{m}");
        assert!(m.contains("/x/name"), "{m}");
        assert!(m.contains("in the credential"), "{m}");
        assert!(m.contains("RFC 7493"), "{m}");
        // A hostile name is quoted and cut.
        let long = "k".repeat(1000);
        let e = from_str(&format!(r#"{{"{long}":1,"{long}":2}}"#), DEPTH).unwrap_err();
        assert!(e.to_string().len() < 400);
    }

    #[test]
    fn depth_is_limited_in_the_same_pass() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        assert!(from_str(&deep(3), 3).is_ok());
        assert_eq!(from_str(&deep(4), 3), Err(JsonError::TooDeep { max: 3 }));
        assert!(from_str(r#"{"a":{"b":{}}}"#, 3).is_ok());
        assert_eq!(
            from_str(r#"{"a":[{"b":1}]}"#, 2),
            Err(JsonError::TooDeep { max: 2 })
        );
        // Brackets in strings do not count.
        assert!(from_str(r#"{"a":"[[[[[[[["}"#, 1).is_ok());
    }

    #[test]
    fn syntax_errors_stay_syntax_errors() {
        for bad in [
            "",
            "{",
            r#"{"a":1,}"#,
            r#"{"a":1} x"#,
            "[1,2",
            r#"{"a" 1}"#,
            "\u{feff}{}",
        ] {
            assert!(
                matches!(from_str(bad, DEPTH), Err(JsonError::Syntax(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            from_slice(b"{\"a\":\"\xff\"}", DEPTH),
            Err(JsonError::Syntax(_))
        ));
        // A duplicate after a syntax error is not reached; one before is reported.
        assert!(matches!(
            from_str(r#"{"a":1,"a":2,}"#, DEPTH),
            Err(JsonError::DuplicateKey { .. })
        ));
    }
}
