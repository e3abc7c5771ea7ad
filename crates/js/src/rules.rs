//! How JavaScript values become the core's input and options: the CLI's rules (`load` and the
//! `--at` parser in crates/cli/src/main.rs), kept free of JavaScript so they are tested natively.

use badge_verifier::detail::Detail;
use badge_verifier::report::{CheckId, Report};
use badge_verifier::{Input, Limits};
use chrono::{DateTime, Utc};

/// The report's `input` for text given without a name.
pub const TEXT_NAME: &str = "(text)";
/// The report's `input` for bytes given without a name.
pub const BYTES_NAME: &str = "(bytes)";

/// A string argument as the CLI reads an argument that is not a file: an http(s) URL is
/// fetched, anything else is the badge's text (JSON, a JWT/JWS, SVG, N-Quads …), detected by
/// content like a file's bytes.
pub fn text_input(text: &str, name: Option<String>) -> Input {
    if text.starts_with("https://") || text.starts_with("http://") {
        return Input::Url(text.to_string());
    }
    Input::Bytes {
        name: name.unwrap_or_else(|| TEXT_NAME.to_string()),
        bytes: text.as_bytes().to_vec(),
    }
}

/// How many of an input's bytes are copied in: one more than the core accepts, so an input over
/// the limit is still reported by the core with its exact limit (the CLI reads no more either).
pub fn bytes_to_read(limits: &Limits, available: usize) -> usize {
    available.min(limits.max_input_bytes.saturating_add(1))
}

/// `at` as the CLI's `--at` takes it: strict RFC 3339, any offset.
pub fn parse_at(raw: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(raw)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("options.at {raw:?} is not an RFC 3339 time: {e}"))
}

/// The report of an input whose verification trapped (a bug): verdict `error`, as the CLI
/// reports a panic, so the caller still gets one report per input.
pub fn internal_error_report(name: &str, what: &str) -> String {
    Report::error(
        name,
        CheckId::Internal,
        Detail::Text(format!(
            "internal error while verifying this input: {what}; please report it \
             (the other inputs are not affected)"
        )),
    )
    .to_json_line()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_fetched_and_other_text_is_content() {
        assert_eq!(
            text_input("https://example.org/a.json", None),
            Input::Url("https://example.org/a.json".into())
        );
        assert_eq!(
            text_input("http://127.0.0.1:8080/a", Some("x".into())),
            Input::Url("http://127.0.0.1:8080/a".into())
        );
        assert_eq!(
            text_input("{\"a\":1}", None),
            Input::Bytes {
                name: TEXT_NAME.into(),
                bytes: b"{\"a\":1}".to_vec()
            }
        );
        // Not a URL to fetch: the core reads it (and says what it is not).
        assert!(matches!(
            text_input("file:///etc/passwd", None),
            Input::Bytes { .. }
        ));
    }

    #[test]
    fn at_is_strict_rfc3339() {
        assert_eq!(
            parse_at("2025-01-02T03:04:05+01:00").unwrap().to_rfc3339(),
            "2025-01-02T02:04:05+00:00"
        );
        assert!(parse_at("2025-01-02").is_err());
        assert!(parse_at("yesterday").is_err());
    }

    #[test]
    fn inputs_over_the_limit_keep_one_byte_more() {
        let limits = Limits::default();
        assert_eq!(bytes_to_read(&limits, 10), 10);
        assert_eq!(
            bytes_to_read(&limits, usize::MAX),
            limits.max_input_bytes + 1
        );
    }

    #[test]
    fn an_internal_error_is_an_error_report() {
        let line = internal_error_report("a.json", "boom");
        let v: serde_json::Value = serde_json::from_str(&line).unwrap();
        assert_eq!(v["verdict"], "error");
        assert_eq!(v["input"], "a.json");
    }
}
