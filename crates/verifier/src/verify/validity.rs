//! Validity windows: issue dates in the future, expiry. Time is a parameter ([`super::Options::at`]),
//! never read here, so every case is deterministic.

use crate::check::{Check, CheckId, Verdict};
use crate::detail;
use crate::detail::{code, date, text};
use chrono::{DateTime, Utc};

/// Parses the date-times badges carry: RFC 3339 / ISO 8601 with offset; OB 2.0 also allows a
/// date-time without offset (taken as UTC), an offset without colon (`+0100`), and a Unix
/// timestamp (OB 2.0 "DateTime"). The lenient forms are rewritten to RFC 3339 and read by
/// chrono's RFC 3339 parser, so no strftime-style parser is linked (smaller `.wasm`).
pub fn parse_datetime(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s
            .parse::<i64>()
            .ok()
            .and_then(|secs| DateTime::from_timestamp(secs, 0));
    }
    let rfc3339 = |t: &str| DateTime::parse_from_rfc3339(t).ok().map(|t| t.to_utc());
    if let Some(t) = rfc3339(s) {
        return Some(t);
    }
    // `YYYY-MM-DDThh:mm:ss[.f]`, then what follows the seconds: nothing, or `±hhmm`.
    let (datetime, zone) = split_zone(s)?;
    if datetime.len() < 19 || !datetime.is_char_boundary(19) || datetime.as_bytes()[10] != b'T' {
        return None;
    }
    match zone {
        "" => rfc3339(&format!("{datetime}Z")),
        // As `%z` did: white space may come before the offset.
        z if z.len() == 5 && z[1..].bytes().all(|b| b.is_ascii_digit()) => {
            rfc3339(&format!("{}{}:{}", datetime.trim_end(), &z[..3], &z[3..]))
        }
        _ => None,
    }
}

/// Splits `s` at the start of a trailing `+`/`-` zone (after the time part), if any.
fn split_zone(s: &str) -> Option<(&str, &str)> {
    let time_start = s.find('T')? + 1;
    match s[time_start..].find(['+', '-']) {
        Some(i) => Some(s.split_at(time_start + i)),
        None => Some((s, "")),
    }
}

/// Adds the `issued` and `expiry` checks for a badge valid from `from` until `until`.
/// `from_name`/`until_name` are the property names, used in the evidence.
pub fn window_checks(
    at: DateTime<Utc>,
    from: Option<&str>,
    from_name: &str,
    until: Option<&str>,
    until_name: &str,
) -> Vec<Check> {
    let mut checks = Vec::new();
    match from.map(|s| (s, parse_datetime(s))) {
        None => checks.push(Check::not_applicable(
            CheckId::Issued,
            detail!("no {name}", name = code(from_name)),
        )),
        Some((raw, None)) => checks.push(Check::failed(
            CheckId::Issued,
            Verdict::Invalid,
            detail!(
                "{name} \"{raw}\" is not a date-time",
                name = code(from_name),
                raw = text(raw)
            ),
        )),
        Some((raw, Some(t))) if t > at => checks.push(Check::failed(
            CheckId::Issued,
            Verdict::NotYetValid,
            detail!(
                "not valid before {date} ({name} is in the future)",
                date = date(raw),
                name = code(from_name)
            ),
        )),
        Some((raw, Some(_))) => checks.push(Check::passed(
            CheckId::Issued,
            detail!(
                "{name} {date} is in the past",
                name = code(from_name),
                date = date(raw)
            ),
        )),
    }
    match until.map(|s| (s, parse_datetime(s))) {
        None => checks.push(Check::not_applicable(
            CheckId::Expiry,
            detail!("no {name}: does not expire", name = code(until_name)),
        )),
        Some((raw, None)) => checks.push(Check::failed(
            CheckId::Expiry,
            Verdict::Invalid,
            detail!(
                "{name} \"{raw}\" is not a date-time",
                name = code(until_name),
                raw = text(raw)
            ),
        )),
        Some((raw, Some(t))) if t <= at => checks.push(Check::failed(
            CheckId::Expiry,
            Verdict::Expired,
            detail!("expired on {date}", date = date(raw)),
        )),
        Some((raw, Some(_))) => checks.push(Check::passed(
            CheckId::Expiry,
            detail!("valid until {date}", date = date(raw)),
        )),
    }
    if let (Some(f), Some(u)) = (
        from.and_then(parse_datetime),
        until.and_then(parse_datetime),
    ) {
        if u < f {
            checks.push(Check::failed(
                CheckId::ValidityWindow,
                Verdict::Invalid,
                detail!(
                    "{until} is before {from}",
                    until = code(until_name),
                    from = code(from_name)
                ),
            ));
        }
    }
    checks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::Outcome;

    fn at() -> DateTime<Utc> {
        parse_datetime("2026-01-01T00:00:00Z").unwrap()
    }

    #[test]
    fn parses_the_forms_badges_use() {
        assert!(parse_datetime("2016-12-31T23:59:59+00:00").is_some());
        assert!(parse_datetime("2016-12-31T23:59:59Z").is_some());
        assert!(parse_datetime("2016-12-31T23:59:59").is_some());
        assert!(parse_datetime("2016-12-31T23:59:59.123-0500").is_some());
        assert_eq!(
            parse_datetime("1500000000").unwrap().timestamp(),
            1_500_000_000
        );
        assert!(parse_datetime("yesterday").is_none());
    }

    /// The strftime-based reading this replaced (chrono's `parse_from_str`, test-only here).
    fn strftime_reading(s: &str) -> Option<DateTime<Utc>> {
        let s = s.trim();
        if let Ok(t) = DateTime::parse_from_rfc3339(s) {
            return Some(t.to_utc());
        }
        for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S"] {
            if let Ok(t) = chrono::NaiveDateTime::parse_from_str(s, fmt) {
                return Some(t.and_utc());
            }
        }
        if let Ok(t) = DateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f%z") {
            return Some(t.to_utc());
        }
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
            return s
                .parse::<i64>()
                .ok()
                .and_then(|x| DateTime::from_timestamp(x, 0));
        }
        None
    }

    #[test]
    fn reads_what_the_strftime_parser_read() {
        let dates = ["2016-12-31", "2024-02-29", "2023-02-29", "0099-01-01"];
        let times = [
            "T23:59:59",
            "T00:00:00",
            "T23:59:60",
            "T24:00:00",
            "T12:30",
            "t10:00:00",
            " 10:00:00",
        ];
        let fractions = ["", ".5", ".123456789", ".1234567891", "."];
        let zones = [
            "", "Z", "z", "+00:00", "-05:30", "+0100", "-0530", "+01", "+2400", "+01:0", "UTC",
            " +0100", "+01000",
        ];
        let mut n = 0;
        for d in dates {
            for t in times {
                for f in fractions {
                    for z in zones {
                        let s = format!("{d}{t}{f}{z}");
                        assert_eq!(parse_datetime(&s), strftime_reading(&s), "{s:?}");
                        n += 1;
                    }
                }
            }
        }
        for s in [
            "",
            " ",
            "1500000000",
            "99999999999999999999",
            "2016-12-31T23:59:59+",
            "2016-12-31TT",
            "T",
            "2016-12-31T23:59:59-00:00x",
        ] {
            assert_eq!(parse_datetime(s), strftime_reading(s), "{s:?}");
        }
        assert!(n > 1000);
    }

    #[test]
    fn expired_not_yet_valid_and_inverted() {
        let c = window_checks(
            at(),
            Some("2020-01-01T00:00:00Z"),
            "validFrom",
            Some("2025-01-01T00:00:00Z"),
            "validUntil",
        );
        assert_eq!(c[1].effect, Some(Verdict::Expired));
        let c = window_checks(
            at(),
            Some("2027-01-01T00:00:00Z"),
            "validFrom",
            None,
            "validUntil",
        );
        assert_eq!(c[0].effect, Some(Verdict::NotYetValid));
        assert_eq!(c[1].outcome, Outcome::NotApplicable);
        let c = window_checks(
            at(),
            Some("2020-01-01T00:00:00Z"),
            "issuedOn",
            Some("2019-01-01T00:00:00Z"),
            "expires",
        );
        assert!(c
            .iter()
            .any(|c| c.id == "validity-window" && c.effect == Some(Verdict::Invalid)));
        let c = window_checks(
            at(),
            Some("2020-01-01T00:00:00Z"),
            "issuedOn",
            Some("2030-01-01T00:00:00Z"),
            "expires",
        );
        assert!(c.iter().all(|c| c.outcome == Outcome::Passed));
    }
}
