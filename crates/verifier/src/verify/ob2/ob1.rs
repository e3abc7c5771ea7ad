//! Open Badges 0.5 / 1.0 / 1.1 assertions: recognised, and verified as far as their hosted
//! model allows. 1.x hosted assertions carry `verify: {type: "hosted", url}`: the URL is fetched,
//! must answer with the same assertion (410 Gone: revoked), and must be on the issuer's host
//! (the 1.x rule the OB 2.0 "verification scope" default generalises). 0.5 assertions have no
//! verification method at all, so they are reported as not verifiable.

use super::docs::{self, authority, is_http_url, DocError, Props, What};
use super::{declares_revoked, display, gone_check};
use crate::check::{Check, CheckId, Verdict};
use crate::detail;
use crate::detail::{cause, code, url as link};
use crate::verify::joined;
use crate::model::json::str_of;
use crate::resolve::fetch::{FetchPurpose, Fetcher};
use crate::trust;
use crate::verify::Verification;
use serde_json::Value;

/// Whether an assertion that looks like OB 2.0 is really 1.x: no 2.0 context, and the 1.1
/// context or a 1.x `verify` object without a 2.0 `verification`.
pub(super) fn is_pre_v2(a: &Value) -> bool {
    let contexts = crate::model::json::strings(a.get("@context"));
    if contexts
        .iter()
        .any(|c| super::OB2_CONTEXTS.contains(&c.trim().trim_end_matches('/')))
    {
        return false;
    }
    contexts
        .iter()
        .any(|c| c.trim_end_matches('/').ends_with("openbadges/v1"))
        || (a.get("verify").is_some_and(Value::is_object) && a.get("verification").is_none())
}

/// A pre-2.0 version of Open Badges.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ob1Version {
    V0_5,
    V1_0,
    V1_1,
}

impl std::fmt::Display for Ob1Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Ob1Version::V0_5 => "0.5",
            Ob1Version::V1_0 => "1.0",
            Ob1Version::V1_1 => "1.1",
        })
    }
}

/// Which pre-2.0 version this is: 1.1 declares the v1 context; 1.0 has a `verify` object;
/// 0.5 has neither (its `badge` is embedded with an `issuer.origin`).
fn version(a: &Value) -> Ob1Version {
    let contexts = crate::model::json::strings(a.get("@context"));
    if contexts
        .iter()
        .any(|c| c.trim_end_matches('/').ends_with("openbadges/v1"))
    {
        Ob1Version::V1_1
    } else if a.get("verify").is_some_and(Value::is_object) {
        Ob1Version::V1_0
    } else {
        Ob1Version::V0_5
    }
}

/// An Open Badges 0.5 / 1.x assertion (JSON). `fetched_from` as for OB 2.0 hosted assertions.
pub(crate) async fn verify_ob1<F: Fetcher>(
    v: &mut Verification<'_, F>,
    a: Value,
    fetched_from: Option<&str>,
) {
    let version = version(&a);
    // There is no 1.x format in the report: the format is left unset.
    v.format = None;
    v.expert.proof_suite = Some(format!("Open Badges {version}"));
    v.badge = Some(display::build(&a, None, None, None));
    if version == Ob1Version::V0_5 {
        v.add(Check::unverifiable(
            CheckId::Version,
            detail!("this is an Open Badges 0.5 assertion: that version has no verification method (no hosted URL, no signature), so nothing can prove it was issued; ask the issuer for an Open Badges 2.0 or 3.0 badge"),
        ));
        return;
    }
    v.add(Check::warning(
        CheckId::Version,
        detail!(
            "Open Badges {version} is superseded; verified by its hosted model",
            version = code(version.to_string())
        ),
    ));
    let verify = a.get("verify").filter(|x| x.is_object());
    let kind = verify.and_then(|x| str_of(x, "type")).unwrap_or("");
    if kind == "signed" {
        v.add(Check::unverifiable(
            CheckId::Signature,
            detail!(
                "an Open Badges {version} signed assertion is a JWS; this JSON copy has lost its signature",
                version = code(version.to_string())
            ),
        ));
        return;
    }
    let Some(url) = verify
        .and_then(|x| str_of(x, "url"))
        .map(str::trim)
        .filter(|u| is_http_url(u))
        .map(String::from)
    else {
        v.add(Check::failed(
            CheckId::RequiredProperties,
            Verdict::Invalid,
            detail!(
                "an Open Badges {version} assertion needs `verify.type` \"hosted\" and an http(s) `verify.url`",
                version = code(version.to_string())
            ),
        ));
        return;
    };
    let truth = if fetched_from.is_some() {
        a
    } else {
        match docs::fetch_json(v, &url, FetchPurpose::Badge).await {
            Ok(doc) => {
                if doc.final_url != doc.requested {
                    v.add(Check::warning(
                        CheckId::Redirect,
                        detail!(
                            "{url} redirected to {to}",
                            url = link(doc.requested.clone()),
                            to = link(doc.final_url.clone())
                        ),
                    ));
                }
                doc.value
            }
            Err(DocError::Gone(body)) => {
                v.add(gone_check(&url, body.as_ref()));
                return;
            }
            Err(e) => {
                v.add(Check::unverifiable(
                    CheckId::HostedId,
                    detail!(
                        "the hosted assertion {url} could not be checked: {why}",
                        url = link(url.as_str()),
                        why = cause(e.detail())
                    ),
                ));
                return;
            }
        }
    };
    let requested = match fetched_from {
        Some(f) => v
            .expert
            .fetched
            .first()
            .cloned()
            .unwrap_or_else(|| f.to_string()),
        None => url.clone(),
    };
    v.badge = Some(display::build(&truth, None, None, Some(requested.clone())));
    if declares_revoked(v, &truth) {
        return;
    }
    let hosted_url = truth
        .get("verify")
        .and_then(|x| str_of(x, "url"))
        .map(str::trim);
    if hosted_url == Some(requested.as_str()) || hosted_url == fetched_from {
        v.add(Check::passed(
            CheckId::HostedId,
            detail!(
                "the assertion is hosted at its `verify.url` {url}",
                url = link(requested.as_str())
            ),
        ));
    } else {
        v.add(Check::failed(
            CheckId::HostedId,
            Verdict::Invalid,
            match hosted_url {
                Some(other) => detail!(
                    "the assertion at {url} names another `verify.url`, {other}",
                    url = link(requested.as_str()),
                    other = code(other)
                ),
                None => detail!(
                    "the assertion at {url} names no `verify.url`",
                    url = link(requested.as_str())
                ),
            },
        ));
    }
    let mut p = Props::new(&truth);
    p.node("badge");
    if !truth
        .get("recipient")
        .is_some_and(|r| r.is_object() || r.is_string())
    {
        p.problems
            .push(detail!("{key} is missing", key = code("recipient")));
    }
    if truth.get("issuedOn").is_none() {
        p.problems
            .push(detail!("{key} is missing", key = code("issuedOn")));
    }
    if p.problems.is_empty() {
        v.add(Check::passed(
            CheckId::RequiredProperties,
            detail!("the assertion has its required properties"),
        ));
    } else {
        v.add(Check::failed(
            CheckId::RequiredProperties,
            Verdict::Invalid,
            joined(p.problems),
        ));
    }
    for c in super::dates(v, &normalize_dates(&truth)) {
        v.add(c);
    }
    let Some(badge) = docs::resolve(
        v,
        truth.get("badge"),
        CheckId::Badgeclass,
        What::BadgeClass,
        FetchPurpose::BadgeClass,
    )
    .await
    else {
        return;
    };
    let mut bp = Props::new(&badge.value);
    bp.text("name")
        .text("description")
        .node("image")
        .node("criteria")
        .node("issuer");
    if !bp.problems.is_empty() {
        v.add(Check::failed(
            CheckId::Badgeclass,
            Verdict::Invalid,
            detail!(
                "the `BadgeClass` is invalid: {problems}",
                problems = cause(joined(bp.problems))
            ),
        ));
        return;
    }
    v.add(Check::passed(
        CheckId::Badgeclass,
        detail!("the `BadgeClass` has its required properties"),
    ));
    let Some(issuer) = docs::resolve(
        v,
        badge.value.get("issuer"),
        CheckId::Issuer,
        What::IssuerOrganization,
        FetchPurpose::IssuerProfile,
    )
    .await
    else {
        return;
    };
    let mut ip = Props::new(&issuer.value);
    ip.text("name").iri("url");
    if !ip.problems.is_empty() {
        v.add(Check::failed(
            CheckId::Issuer,
            Verdict::Invalid,
            detail!(
                "the issuer is invalid: {problems}",
                problems = cause(joined(ip.problems))
            ),
        ));
        return;
    }
    v.add(Check::passed(
        CheckId::Issuer,
        detail!("the issuer organization has its required properties"),
    ));
    v.badge = Some(display::build(
        &truth,
        Some(&badge.value),
        Some(&issuer.value),
        Some(requested.clone()),
    ));
    // The assertion must be hosted by the issuer: on the host of the issuer document or of its url.
    let allowed: Vec<String> = [issuer.url.as_deref(), str_of(&issuer.value, "url")]
        .into_iter()
        .flatten()
        .filter_map(authority)
        .collect();
    let policy = trust::ScopePolicy {
        starts_with: &[],
        allowed_origins: &[],
        default_hosts: &allowed,
    };
    let issuer_id = issuer
        .url
        .clone()
        .or_else(|| str_of(&issuer.value, "url").map(String::from))
        .unwrap_or_default();
    match trust::hosted_scope(&requested, &policy) {
        Ok(scope) => {
            v.add(Check::passed(CheckId::VerificationScope, scope.describe()));
            v.establish(trust::hosted(scope, &issuer_id, &requested));
        }
        Err(trust::BindError::NotIssuers(m)) => v.add(Check::failed(
            CheckId::VerificationScope,
            Verdict::Invalid,
            detail!("not hosted by the issuer: {why}", why = cause(m)),
        )),
        Err(trust::BindError::Unconfirmed(m)) => {
            v.add(Check::unverifiable(CheckId::VerificationScope, m))
        }
    }
}

/// 1.x allowed Unix timestamps and plain dates; express them as the date-times OB 2.0 uses.
fn normalize_dates(a: &Value) -> Value {
    let mut a = a.clone();
    for key in ["issuedOn", "expires"] {
        let fixed = match a.get(key) {
            Some(Value::Number(n)) => n.as_i64().map(|s| s.to_string()),
            Some(Value::String(s)) if s.len() == 10 && s.as_bytes()[4] == b'-' => {
                Some(format!("{s}T00:00:00Z"))
            }
            _ => None,
        };
        if let (Some(f), Some(obj)) = (fixed, a.as_object_mut()) {
            obj.insert(key.into(), Value::String(f));
        }
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn versions() {
        assert_eq!(
            version(&json!({"@context":"https://w3id.org/openbadges/v1"})),
            Ob1Version::V1_1
        );
        assert_eq!(
            version(&json!({"verify":{"type":"hosted","url":"https://e.org/a"}})),
            Ob1Version::V1_0
        );
        assert_eq!(
            version(
                &json!({"recipient":"sha256$ab","badge":{"issuer":{"origin":"https://e.org"}}})
            ),
            Ob1Version::V0_5
        );
        assert_eq!(Ob1Version::V1_1.to_string(), "1.1");
    }

    #[test]
    fn old_dates_are_normalized() {
        let a = normalize_dates(&json!({"issuedOn": 1500000000, "expires": "2030-01-02"}));
        assert_eq!(a["issuedOn"], "1500000000");
        assert_eq!(a["expires"], "2030-01-02T00:00:00Z");
    }
}
