//! The credentials inside a CLR or a presentation (issue #16), each verified as its own report
//! with [`verify_nested`] (the input's fetch budget, nesting bounded by
//! [`super::MAX_NESTING`]), at most [`crate::Limits::max_nested_credentials`] of them, and seen
//! from the outer document through one [`CheckId::NestedCredential`] check each.

use super::json_kind;
use super::{verify_nested, Verification};
use crate::check::{Check, CheckId, Verdict};
use crate::detail;
use crate::detail::{cause, code, count, text, url, Detail};
use crate::extract::Payload;
use crate::report::{FoundAt, Report};
use crate::resolve::fetch::Fetcher;
use crate::trust;
use serde_json::Value;

const ID: CheckId = CheckId::NestedCredential;

/// The entries of a `verifiableCredential` property: an array, or one value (JSON-LD allows a
/// single value where a set is meant). `Err` says why there is nothing to verify.
fn entries<'a>(list: Option<&'a Value>, path: &str) -> Result<Vec<&'a Value>, Detail> {
    match list {
        None | Some(Value::Null) => Err(detail!(
            "{path} is missing: there are no credentials",
            path = code(path)
        )),
        Some(Value::Array(a)) if a.is_empty() => Err(detail!(
            "{path} is empty: there are no credentials",
            path = code(path)
        )),
        Some(Value::Array(a)) => Ok(a.iter().collect()),
        Some(v @ (Value::Object(_) | Value::String(_))) => Ok(vec![v]),
        Some(other) => Err(detail!(
            "{path} is {kind}, not an array of credentials",
            path = code(path),
            kind = cause(json_kind(other))
        )),
    }
}

/// Verifies each credential of `list` (the property at `path`) as a nested report, adding one
/// [`CheckId::NestedCredential`] check per credential and the reports to `v.nested`. Returns
/// `Err` with the reason when there is no credential to verify (the caller decides what that
/// means); what is past the limit or the deadline is reported as not verified (unverifiable).
pub(crate) async fn verify_each<F: Fetcher>(
    v: &mut Verification<'_, F>,
    list: Option<&Value>,
    path: &str,
) -> Result<(), Detail> {
    let mut entries = entries(list, path)?;
    let max = v.opts.limits.max_nested_credentials;
    let total = entries.len();
    if total > max {
        // Each credential may cost fetches and a canonicalization: bound the work a crafted
        // document can cause, and say that the rest was not verified.
        v.add(Check::unverifiable(
            ID,
            detail!(
                "{total} credentials in {path}; only the first {max} are verified (the limit for one input), so the whole cannot be called valid",
                total = count(total),
                path = code(path),
                max = count(max)
            ),
        ));
        entries.truncate(max);
    }
    for (i, entry) in entries.into_iter().enumerate() {
        let name = format!("{path}[{i}]");
        // No verification starts after the input's deadline (the rest is reported).
        if v.budget.past_deadline(v.fetcher.now_ms()) {
            let exceeded = v.budget.deadline_reached();
            v.add(Check::unverifiable(
                ID,
                detail!(
                    "{exceeded}: credentials {from} to {to} of {path} were not verified",
                    exceeded = cause(exceeded.to_string()),
                    from = count(i + 1),
                    to = count(total.min(max)),
                    path = code(path)
                ),
            ));
            break;
        }
        let report = match entry {
            Value::Object(_) => match serde_json::to_string(entry) {
                Ok(text) => verify_nested(v, name, Payload::Json(text)).await,
                Err(_) => Report::error(
                    name,
                    CheckId::Format,
                    detail!("the credential cannot be written as JSON"),
                ),
            },
            // VC 2.0 §4.13 / CLR 2.0: a credential secured as a JWT is a compact JWS string.
            Value::String(s) if looks_compact(s) => {
                verify_nested(v, name, Payload::Jws(s.trim().to_string())).await
            }
            Value::String(_) => Report::error(
                name,
                CheckId::Format,
                detail!("a string that is not a compact JWS: credentials are embedded, never referenced by URL"),
            ),
            other => Report::error(
                name,
                CheckId::Format,
                detail!(
                    "{kind} is not a credential (an object or a compact JWS)",
                    kind = cause(json_kind(other))
                ),
            ),
        };
        v.add(outcome(i, &report));
        v.nested.push(report);
    }
    Ok(())
}

/// A badge found by following a platform's list or searching a web page (issue #17): its name
/// for the report, what to verify (or why it cannot be), and where it was found.
pub(crate) struct Found {
    pub name: String,
    pub payload: Result<Payload, Detail>,
    pub found_at: Option<FoundAt>,
    /// A link that only might be a badge (a page's JSON alternate link): when it turns out not
    /// to be one (nothing readable as a badge), it is left out rather than counted.
    pub optional: bool,
}

/// Verifies each found badge as a nested report (`total` found, `what` names the list for the
/// messages), the same way as [`verify_each`]: at most [`crate::Limits::max_nested_credentials`],
/// none after the input's deadline, one [`CheckId::NestedCredential`] check each. The whole
/// stands on them alone: [`trust::presented`] with no holder, so it is valid only when every
/// badge in it is.
pub(crate) async fn verify_found<F: Fetcher>(
    v: &mut Verification<'_, F>,
    mut items: Vec<Found>,
    total: usize,
    what: Detail,
) {
    let max = v.opts.limits.max_nested_credentials;
    if total > max {
        v.add(Check::unverifiable(
            ID,
            detail!(
                "{total} badges in {what}; only the first {max} are verified (the limit for one input), so the whole cannot be called valid",
                total = count(total),
                what = cause(what.clone()),
                max = count(max)
            ),
        ));
    }
    items.truncate(max);
    let n = items.len();
    for (i, item) in items.into_iter().enumerate() {
        if v.budget.past_deadline(v.fetcher.now_ms()) {
            let exceeded = v.budget.deadline_reached();
            v.add(Check::unverifiable(
                ID,
                detail!(
                    "{exceeded}: badges {from} to {n} of {what} were not verified",
                    exceeded = cause(exceeded.to_string()),
                    from = count(i + 1),
                    n = count(n),
                    what = cause(what.clone())
                ),
            ));
            break;
        }
        let report = match item.payload {
            Ok(payload) => verify_nested(v, item.name, payload).await,
            Err(why) => Report::error(item.name, CheckId::Format, why),
        };
        if item.optional && report.format.is_none() && report.verdict == Verdict::Error {
            v.add(Check::not_applicable(
                CheckId::Found,
                detail!(
                    "{input} is not a badge: {why}",
                    input = url(report.input.clone()),
                    why = cause(report.summary.clone())
                ),
            ));
            continue;
        }
        v.add(outcome(v.nested.len(), &report));
        v.nested.push(Report {
            found_at: item.found_at,
            ..report
        });
    }
    let verdicts: Vec<(Verdict, bool)> = v
        .nested
        .iter()
        .map(|r| (r.verdict, r.issued_by.is_some()))
        .collect();
    if verdicts.is_empty() {
        v.add(Check::failed(
            ID,
            Verdict::Error,
            detail!("{what} holds no badge to verify", what = cause(what)),
        ));
    }
    if let Some(issued) = trust::presented(None, None, &verdicts) {
        v.establish(issued);
    }
}

/// A compact JWS: three base64url parts.
fn looks_compact(s: &str) -> bool {
    let s = s.trim();
    s.split('.').count() == 3
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// The check that carries a nested credential's verdict to the outer document. Its effect is
/// the nested verdict itself (revoked stays revoked, expired stays expired, unverifiable stays
/// unverifiable), except `error`: the outer document was read, and a credential inside that
/// cannot be read makes it `invalid`, not unreadable.
pub(crate) fn outcome(i: usize, r: &Report) -> Check {
    let badge = r.badge.as_ref();
    let name = badge.and_then(|b| b.name.as_deref());
    let issuer = badge.and_then(|b| b.issuer.name.as_deref().or(b.issuer.id.as_deref()));
    let i = count(i + 1);
    let what = match (name, issuer) {
        (Some(name), Some(issuer)) => detail!(
            "credential {i} ({name}, from {issuer})",
            i = i,
            name = text(name),
            issuer = text(issuer)
        ),
        (Some(name), None) => detail!(
            "credential {i} ({name}, from an unknown issuer)",
            i = i,
            name = text(name)
        ),
        (None, Some(issuer)) => detail!(
            "credential {i} ((no name), from {issuer})",
            i = i,
            issuer = text(issuer)
        ),
        (None, None) => detail!("credential {i} ((no name), from an unknown issuer)", i = i),
    };
    // An entry of a CLR or presentation that cannot be read makes the whole invalid: the
    // document itself was readable.
    outcome_named(what, r, Verdict::Invalid)
}

/// The `nested-credential` check for `r`, named `what`: its verdict carried to the whole, and
/// `unreadable` when `r` could not be read at all (`error`).
pub(crate) fn outcome_named(what: Detail, r: &Report, unreadable: Verdict) -> Check {
    let why = cause(r.summary.clone());
    let what = cause(what);
    match r.verdict {
        Verdict::Valid => Check::passed(ID, detail!("{what} is valid", what = what)),
        Verdict::Unverifiable => Check::unverifiable(
            ID,
            detail!(
                "{what} could not be verified: {why}",
                what = what,
                why = why
            ),
        ),
        Verdict::Error => Check::failed(
            ID,
            unreadable,
            detail!("{what} cannot be read: {why}", what = what, why = why),
        ),
        Verdict::Invalid => Check::failed(
            ID,
            Verdict::Invalid,
            detail!("{what} is invalid: {why}", what = what, why = why),
        ),
        Verdict::Expired => Check::failed(
            ID,
            Verdict::Expired,
            detail!("{what} is expired: {why}", what = what, why = why),
        ),
        Verdict::Revoked => Check::failed(
            ID,
            Verdict::Revoked,
            detail!("{what} is revoked: {why}", what = what, why = why),
        ),
        Verdict::Suspended => Check::failed(
            ID,
            Verdict::Suspended,
            detail!("{what} is suspended: {why}", what = what, why = why),
        ),
        Verdict::NotYetValid => Check::failed(
            ID,
            Verdict::NotYetValid,
            detail!("{what} is not-yet-valid: {why}", what = what, why = why),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn entries_of_hostile_lists() {
        let p = "verifiableCredential";
        assert!(entries(None, p).unwrap_err().contains("missing"));
        assert!(entries(Some(&json!([])), p).unwrap_err().contains("empty"));
        assert!(entries(Some(&json!(7)), p)
            .unwrap_err()
            .contains("a number"));
        assert!(entries(Some(&json!(true)), p)
            .unwrap_err()
            .contains("a boolean"));
        assert_eq!(entries(Some(&json!([1, null])), p).unwrap().len(), 2);
        assert_eq!(entries(Some(&json!({"a": 1})), p).unwrap().len(), 1);
        assert!(looks_compact("eyJh.eyJi.c2ln"));
        assert!(!looks_compact("https://example.org/c/1"));
    }
}
