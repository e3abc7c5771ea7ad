//! Open Badges 2.0 verification (spec `ob_v2p0/index.md`, "Verification": "HostedBadge
//! Verification" and "SignedBadge Verification"), and the recognition of older versions.
//!
//! Both methods share the data checks ("Data Validation"): the Assertion's `@context`, `type`
//! and required properties, then its BadgeClass and issuer Profile (embedded or fetched), then
//! the dates. Hosted assertions are then checked against the issuer's verification scope;
//! signed ones against the issuer's keys and revocation list.

mod display;
mod docs;
mod ob1;

pub(crate) use ob1::verify_ob1;

use super::Verification;
use super::validity::window_checks;
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, code, date, text, url as link, Detail};
use crate::verify::joined;
use crate::jose::jws::{Alg, CompactJws, JwsError};
use crate::model::json::{id_of, str_of, strings};
use crate::resolve::fetch::{FetchPurpose, Fetcher};
use crate::resolve::keys::{ob2_embedded_key, ob2_rsa_key};
use crate::status;
use crate::trust;
use docs::{authority, is_http_url, is_type, DocError, Linked, What};
use serde_json::Value;

/// The OB 2.0 context IRI and its published aliases (spec "Open Badges in Linked Data"; the
/// context is also served at openbadgespec.org).
const OB2_CONTEXTS: &[&str] = &[
    "https://w3id.org/openbadges/v2",
    "http://w3id.org/openbadges/v2",
    "https://openbadgespec.org/v2/context.json",
    "http://openbadgespec.org/v2/context.json",
];

/// How the assertion is to be verified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Method {
    Hosted,
    Signed,
}

/// The resolved BadgeClass and issuer Profile, once their checks passed.
struct Linked3 {
    badge: Linked,
    issuer: Linked,
    /// The issuer's id as it declares it (or the URL it came from when it declares none).
    issuer_id: String,
}

/// A hosted assertion (JSON). `fetched_from` is the URL it was just fetched from when the
/// input was a URL; otherwise it was baked or pasted and the hosted copy must be fetched.
pub(crate) async fn verify_hosted<F: Fetcher>(
    v: &mut Verification<'_, F>,
    baked: Value,
    fetched_from: Option<&str>,
) {
    if ob1::is_pre_v2(&baked) {
        // `type: Assertion` also appears in OB 1.1, which the classifier takes for 2.0.
        return verify_ob1(v, baked, fetched_from).await;
    }
    v.format = Some(Format::Ob2Hosted);
    v.expert.proof_suite = Some("OB 2.0 HostedBadge".into());
    v.badge = Some(display::build(&baked, None, None, None));
    if !type_is_assertion(v, &baked) {
        return;
    }

    // A SignedBadge without its JWS has lost the signature that would prove it.
    if verification_types(&baked).iter().any(|t| is_signed_type(t)) {
        v.format = Some(Format::Ob2Signed);
        v.add(Check::unverifiable(
            CheckId::Signature,
            detail!("the assertion declares `SignedBadge` verification but is plain JSON: the JWS that carries its signature is missing"),
        ));
        return;
    }

    let Some((a, url)) = hosted_truth(v, baked, fetched_from).await else {
        return;
    };
    v.badge = Some(display::build(&a, None, None, Some(url.clone())));

    if declares_revoked(v, &a) {
        return;
    }
    let Some(linked) = common_checks(v, &a, Method::Hosted).await else {
        return;
    };
    v.badge = Some(display::build(
        &a,
        Some(&linked.badge.value),
        Some(&linked.issuer.value),
        Some(url.clone()),
    ));
    scope_check(v, &url, &linked);
    v.add(Check::not_applicable(
        CheckId::Revocation,
        detail!("hosted assertions are revoked by their URL answering 410 Gone or declaring `revoked: true`; it does neither"),
    ));
}

/// Gets the hosted copy that is the truth: "If starting with a full assertion that indicates
/// HostedBadge verification, the input data should only be trusted to identify the URI of the
/// hosted verification file" (spec "HostedBadge Verification"). Returns it with its URL.
async fn hosted_truth<F: Fetcher>(
    v: &mut Verification<'_, F>,
    baked: Value,
    fetched_from: Option<&str>,
) -> Option<(Value, String)> {
    let declared = str_of(&baked, "id").map(|s| s.trim().to_string());
    if let Some(final_url) = fetched_from {
        // The input was the URL itself (verify/mod.rs fetched it and reported redirects).
        let requested = v
            .expert
            .fetched
            .first()
            .cloned()
            .unwrap_or_else(|| final_url.to_string());
        match declared.as_deref() {
            Some(id) if id == requested || id == final_url => {
                v.add(Check::passed(
                    CheckId::HostedId,
                    detail!("the assertion is hosted at its id {id}", id = link(id)),
                ));
            }
            Some(id) => {
                v.add(Check::failed(
                    CheckId::HostedId,
                    Verdict::Invalid,
                    detail!(
                        "the assertion fetched from {url} declares another `id`, {id}",
                        url = link(requested.clone()),
                        id = code(id)
                    ),
                ));
            }
            None => {
                v.add(Check::failed(
                    CheckId::HostedId,
                    Verdict::Invalid,
                    detail!(
                        "the assertion at {url} declares no `id`",
                        url = link(requested.clone())
                    ),
                ));
                return None;
            }
        }
        // The scope is checked on the id the assertion declares, once it matched.
        let url = declared
            .filter(|id| *id == requested || id == final_url)
            .unwrap_or(requested);
        return Some((baked, url));
    }
    let Some(id) = declared.filter(|id| is_http_url(id)) else {
        v.add(Check::failed(
            CheckId::HostedId,
            Verdict::Invalid,
            detail!("a hosted assertion's `id` must be the http(s) URL where it is hosted"),
        ));
        return None;
    };
    let doc = match docs::fetch_json(v, &id, FetchPurpose::Badge).await {
        Ok(doc) => doc,
        Err(DocError::Gone(body)) => {
            v.add(gone_check(&id, body.as_ref()));
            return None;
        }
        Err(e) => {
            v.add(Check::unverifiable(
                CheckId::HostedId,
                detail!(
                    "the hosted assertion {url} could not be checked: {why}",
                    url = link(id.clone()),
                    why = cause(e.detail())
                ),
            ));
            return None;
        }
    };
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
    let mut url = id.clone();
    match str_of(&doc.value, "id").map(str::trim) {
        Some(fetched_id) if fetched_id == id => {
            v.add(Check::passed(
                CheckId::HostedId,
                detail!("the assertion is hosted at its id {id}", id = link(id.clone())),
            ));
        }
        Some(fetched_id) if fetched_id == doc.final_url => {
            url = fetched_id.to_string();
            v.add(Check::passed(
                CheckId::HostedId,
                detail!(
                    "the assertion is hosted at its id {id} (after a redirect)",
                    id = link(fetched_id)
                ),
            ));
        }
        other => {
            v.add(Check::failed(
                CheckId::HostedId,
                Verdict::Invalid,
                match other {
                    Some(other) => detail!(
                        "the document at {url} declares `id` {id}, not its own URL",
                        url = link(id.clone()),
                        id = code(other)
                    ),
                    None => detail!(
                        "the document at {url} declares no `id`, not its own URL",
                        url = link(id.clone())
                    ),
                },
            ));
        }
    }
    if doc.value != baked {
        v.add(Check::warning(
            CheckId::HostedCopy,
            detail!("the baked assertion differs from the hosted one; the hosted copy is the one verified"),
        ));
    }
    Some((doc.value, url))
}

/// A signed assertion: a compact JWS whose payload is the Assertion (spec "SignedBadge
/// Verification", steps 1–8).
pub(crate) async fn verify_signed<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    _compact: &str,
    assertion: Value,
) {
    v.format = Some(Format::Ob2Signed);
    v.expert.proof_suite = jws.header_str("alg").map(|a| format!("JWS {a}"));
    v.badge = Some(display::build(&assertion, None, None, None));
    // "For compatibility purposes, using RSA-SHA256 is recommended": OB 2.0 defines no other
    // JWS algorithm and its keys are RSA (`ob2_rsa_key`). RS256 and PS256 (RSA too, with the
    // same keys) are checked; an EC or EdDSA algorithm, now that the verifier implements them,
    // is refused like ES256 always was (no OB 2.0 key could verify it); `none` above all.
    match jws.alg() {
        Ok(Alg::Rs256 | Alg::Ps256) => {}
        Ok(other) => {
            v.add(Check::failed(
                CheckId::Signature,
                Verdict::Invalid,
                detail!(
                    "OB 2.0 signed badges use RSA (RS256, or PS256); {alg} is not accepted here",
                    alg = code(other.name())
                ),
            ));
            return;
        }
        Err(e) => {
            v.add(crate::verify::failure::failure_check(CheckId::Signature, &e));
            return;
        }
    }
    let a = &assertion;
    if !type_is_assertion(v, a) {
        return;
    }
    if display::loose_bool(a.get("revoked")) == Some(true) {
        v.add(revoked_check(
            detail!("the signed assertion declares `revoked: true`"),
            str_of(a, "revocationReason"),
        ));
    }
    let Some(linked) = common_checks(v, a, Method::Signed).await else {
        return;
    };
    v.badge = Some(display::build(
        a,
        Some(&linked.badge.value),
        Some(&linked.issuer.value),
        None,
    ));
    if signature_checks(v, jws, a, &linked).await {
        revocation_list_check(v, a, &linked).await;
    } else {
        v.add(Check::not_checked(
            CheckId::Revocation,
            detail!("not checked: the signature did not verify"),
        ));
    }
}

/// A failed `revocation` check with the reason the issuer gave, if any.
/// "If either the 410 Gone status or a response body declaring revoked true is returned, the
/// Assertion should be treated as revoked" (spec "Revoking Hosted Assertions"). Adds the check
/// and says whether the fetched assertion revoked itself.
fn declares_revoked<F: Fetcher>(v: &mut Verification<'_, F>, a: &Value) -> bool {
    let revoked = display::loose_bool(a.get("revoked")) == Some(true);
    if revoked {
        v.add(revoked_check(
            detail!("the hosted assertion declares `revoked: true`"),
            str_of(a, "revocationReason"),
        ));
    }
    revoked
}

/// A hosted document that answers 410 Gone is revoked (OB 2.0 "Hosted Verification"); a JSON
/// body may give the `revocationReason`.
fn gone_check(url: &str, body: Option<&Value>) -> Check {
    let reason = body.and_then(|b| str_of(b, "revocationReason"));
    revoked_check(
        detail!("{url} answers 410 Gone", url = link(url)),
        reason,
    )
}

fn revoked_check(how: Detail, reason: Option<&str>) -> Check {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    Check::failed(
        CheckId::Revocation,
        Verdict::Revoked,
        match reason {
            Some(r) => detail!(
                "revoked by the issuer ({how}); reason: {reason}",
                how = cause(how),
                reason = text(r)
            ),
            None => detail!(
                "revoked by the issuer ({how}); no reason given",
                how = cause(how)
            ),
        },
    )
}

/// A document that says it is something else (a BadgeClass, a Profile …) is refused before
/// anything is fetched for it. A missing `type` is left to the full checks.
fn type_is_assertion<F: Fetcher>(v: &mut Verification<'_, F>, a: &Value) -> bool {
    let types = strings(a.get("type"));
    if types.is_empty() || is_type(a, &["Assertion"]) {
        return true;
    }
    let types = code(format!("{types:?}"));
    v.add(Check::failed(
        CheckId::Type,
        Verdict::Invalid,
        if is_type(a, &["BadgeClass"]) {
            detail!(
                "`type` is {types}: this is a `BadgeClass` (a badge definition), not an `Assertion` awarding it",
                types = types
            )
        } else if is_type(a, &["Issuer", "Profile"]) {
            detail!(
                "`type` is {types}: this is an issuer `Profile`, not an `Assertion`",
                types = types
            )
        } else {
            detail!(
                "`type` is {types}: this is not an `Assertion`",
                types = types
            )
        },
    ));
    false
}

fn verification_types(a: &Value) -> Vec<String> {
    match a.get("verification").or_else(|| a.get("verify")) {
        Some(obj @ Value::Object(_)) => strings(obj.get("type")),
        _ => Vec::new(),
    }
}

fn is_signed_type(t: &str) -> bool {
    matches!(
        t,
        "SignedBadge" | "signed" | "https://w3id.org/openbadges#SignedBadge"
    )
}

fn is_hosted_type(t: &str) -> bool {
    matches!(
        t,
        "HostedBadge" | "hosted" | "https://w3id.org/openbadges#HostedBadge"
    )
}

/// The data checks shared by both methods. Returns the BadgeClass and issuer when both could be
/// resolved and passed their checks.
async fn common_checks<F: Fetcher>(
    v: &mut Verification<'_, F>,
    a: &Value,
    method: Method,
) -> Option<Linked3> {
    // @context: the OB 2.0 context, possibly among extension contexts.
    let contexts = strings(a.get("@context"));
    if contexts
        .iter()
        .any(|c| OB2_CONTEXTS.contains(&c.trim().trim_end_matches('/')))
    {
        v.add(Check::passed(
            CheckId::Context,
            detail!("`@context` is the Open Badges 2.0 context"),
        ));
    } else {
        let ob2 = link("https://w3id.org/openbadges/v2");
        v.add(Check::failed(
            CheckId::Context,
            Verdict::Invalid,
            if contexts.is_empty() {
                detail!("`@context` must be {ob2}, found none", ob2 = ob2)
            } else {
                detail!(
                    "`@context` must be {ob2}, found {found}",
                    ob2 = ob2,
                    found = code(contexts.join(", "))
                )
            },
        ));
    }
    if is_type(a, &["Assertion"]) {
        v.add(Check::passed(CheckId::Type, detail!("`type` is `Assertion`")));
    } else {
        v.add(Check::failed(
            CheckId::Type,
            Verdict::Invalid,
            detail!(
                "`type` must be `Assertion`, found {types}",
                types = code(format!("{:?}", strings(a.get("type"))))
            ),
        ));
    }
    required_properties(v, a, method);
    if a.as_object()
        .is_some_and(|o| o.keys().any(|k| k.starts_with("extensions:")))
    {
        v.add(Check::not_checked(
            CheckId::Extensions,
            detail!("not checked: OB 2.0 extensions are shown as data but not validated"),
        ));
    }
    if a.get("endorsement").is_some() {
        v.add(Check::not_checked(
            CheckId::Endorsements,
            detail!("not checked: endorsements are not verified"),
        ));
    }
    for c in dates(v, a) {
        v.add(c);
    }

    let badge = docs::resolve(
        v,
        a.get("badge"),
        CheckId::Badgeclass,
        What::BadgeClass,
        FetchPurpose::BadgeClass,
    )
    .await?;
    let problems = docs::badgeclass_problems(&badge.value);
    if !problems.is_empty() {
        v.add(Check::failed(
            CheckId::Badgeclass,
            Verdict::Invalid,
            detail!(
                "the `BadgeClass` is invalid: {problems}",
                problems = cause(joined(problems))
            ),
        ));
        return None;
    }
    v.add(Check::passed(
        CheckId::Badgeclass,
        match &badge.url {
            Some(u) => detail!("`BadgeClass` fetched from {url}", url = link(u.as_str())),
            None => detail!("`BadgeClass` embedded in the assertion"),
        },
    ));
    let issuer = docs::resolve(
        v,
        badge.value.get("issuer"),
        CheckId::Issuer,
        What::IssuerProfile,
        FetchPurpose::IssuerProfile,
    )
    .await?;
    let problems = docs::issuer_problems(&issuer.value);
    if !problems.is_empty() {
        v.add(Check::failed(
            CheckId::Issuer,
            Verdict::Invalid,
            detail!(
                "the issuer Profile is invalid: {problems}",
                problems = cause(joined(problems))
            ),
        ));
        return None;
    }
    let issuer_id = str_of(&issuer.value, "id")
        .map(|s| s.trim().to_string())
        .or_else(|| issuer.url.clone())?;
    v.add(Check::passed(
        CheckId::Issuer,
        match &issuer.url {
            Some(u) => detail!(
                "issuer Profile {id} fetched from {url}",
                id = code(issuer_id.as_str()),
                url = link(u.as_str())
            ),
            None => detail!(
                "issuer Profile {id} embedded in the `BadgeClass`",
                id = code(issuer_id.as_str())
            ),
        },
    ));
    Some(Linked3 {
        badge,
        issuer,
        issuer_id,
    })
}

/// Assertion required properties and their types (spec "Assertion": id, type, recipient,
/// badge, verification, issuedOn; "IdentityObject": identity, type, hashed).
fn required_properties<F: Fetcher>(v: &mut Verification<'_, F>, a: &Value, method: Method) {
    let mut p = docs::Props::new(a);
    p.iri("id")
        .has_type()
        .node("badge")
        .opt_text("revocationReason");
    let mut problems = p.problems;
    match a.get("recipient") {
        Some(r @ Value::Object(_)) => {
            let mut rp = docs::Props::of(r, "recipient");
            rp.text("identity").text("type").opt_text("salt");
            problems.extend(rp.problems);
            // `hashed` is required (spec "IdentityObject", in bold), so that a verifier knows
            // whether to compare the identity as plaintext or as a salted hash.
            match r.get("hashed") {
                Some(Value::Bool(_)) => {}
                None => problems.push(detail!(
                    "{key} is missing",
                    key = code("recipient hashed")
                )),
                Some(_) => problems.push(detail!(
                    "{key} must be true or false",
                    key = code("recipient hashed")
                )),
            }
            let hashed = display::loose_bool(r.get("hashed")).unwrap_or(false);
            if let Some(identity) = str_of(r, "identity") {
                if hashed && !crate::recipient::supported_hash(identity) {
                    problems.push(detail!(
                        "`recipient identity` is marked hashed but is not `sha256$…` or `md5$…`"
                    ));
                }
            }
        }
        Some(_) => problems.push(detail!("`recipient` must be an `IdentityObject`")),
        None => problems.push(detail!("{key} is missing", key = code("recipient"))),
    }
    match a.get("issuedOn") {
        Some(Value::String(_)) => {}
        None => problems.push(detail!("{key} is missing", key = code("issuedOn"))),
        Some(_) => problems.push(detail!(
            "{key} must be an ISO 8601 date-time string",
            key = code("issuedOn")
        )),
    }
    if a.get("expires").is_some_and(|e| !e.is_string()) {
        problems.push(detail!(
            "{key} must be an ISO 8601 date-time string",
            key = code("expires")
        ));
    }
    if let Some(img) = a.get("image") {
        if !(img.is_string() || id_of(Some(img)).is_some()) {
            problems.push(detail!(
                "`image` must be an IRI or an `Image` with an `id`"
            ));
        }
    }
    let types = verification_types(a);
    let ok_method = match method {
        Method::Hosted => types.iter().any(|t| is_hosted_type(t)),
        Method::Signed => types.iter().any(|t| is_signed_type(t)),
    };
    if a.get("verification").or_else(|| a.get("verify")).is_none() {
        problems.push(detail!("{key} is missing", key = code("verification")));
    } else if !ok_method {
        let want = if method == Method::Hosted {
            "HostedBadge"
        } else {
            "SignedBadge"
        };
        problems.push(detail!(
            "`verification type` must be {want}, found {found}",
            want = code(want),
            found = code(format!("{types:?}"))
        ));
    }
    if problems.is_empty() {
        v.add(Check::passed(
            CheckId::RequiredProperties,
            detail!("the assertion has every required property, of the right type"),
        ));
    } else {
        v.add(Check::failed(
            CheckId::RequiredProperties,
            Verdict::Invalid,
            joined(problems),
        ));
    }
}

/// `issued` and `expiry`. OB 2.0 has no validity start: `issuedOn` is "when the achievement was
/// awarded", so a future `issuedOn` is a false statement, not a pending validity: invalid (the
/// 1EdTech validator reports it as an error too). `expires` past: expired.
fn dates<F: Fetcher>(v: &Verification<'_, F>, a: &Value) -> Vec<Check> {
    let issued = str_of(a, "issuedOn");
    window_checks(
        v.opts.at,
        issued,
        "issuedOn",
        str_of(a, "expires"),
        "expires",
    )
    .into_iter()
    .map(|c| {
        if c.id == CheckId::Issued && c.effect == Some(Verdict::NotYetValid) {
            Check::failed(
                CheckId::Issued,
                Verdict::Invalid,
                detail!(
                    "`issuedOn` {date} is in the future: a badge cannot have been awarded at a future date",
                    date = date(issued.unwrap_or(""))
                ),
            )
        } else {
            c
        }
    })
    .collect()
}

/// "The Assertion id must be within the permitted scope for hosted verification declared in
/// issuer Profile … This defaults to requiring the Assertion … to be hosted on the same origin
/// as the issuer Profile id" (spec "HostedBadge Verification", "VerificationObject").
fn scope_check<F: Fetcher>(v: &mut Verification<'_, F>, assertion_id: &str, linked: &Linked3) {
    let policy = linked
        .issuer
        .value
        .get("verification")
        .filter(|p| p.is_object());
    if let Some(prop) = policy.and_then(|p| str_of(p, "verificationProperty")) {
        if !matches!(prop, "id" | "@id") {
            v.add(Check::unverifiable(
                CheckId::VerificationScope,
                detail!(
                    "the issuer's `verificationProperty` is {prop}; only `id` is defined",
                    prop = code(prop)
                ),
            ));
            return;
        }
    }
    let starts_with = strings(policy.and_then(|p| p.get("startsWith")));
    let allowed_origins: Vec<String> = strings(policy.and_then(|p| p.get("allowedOrigins")))
        .iter()
        .map(|s| s.trim().to_ascii_lowercase())
        .collect();
    let default_hosts: Vec<String> = authority(&linked.issuer_id).into_iter().collect();
    let policy = trust::ScopePolicy {
        starts_with: &starts_with,
        allowed_origins: &allowed_origins,
        default_hosts: &default_hosts,
    };
    match trust::hosted_scope(assertion_id, &policy) {
        Ok(scope) => {
            v.add(Check::passed(CheckId::VerificationScope, scope.describe()));
            v.establish(trust::hosted(scope, &linked.issuer_id, assertion_id));
        }
        Err(trust::BindError::NotIssuers(m)) => {
            v.add(Check::failed(
                CheckId::VerificationScope,
                Verdict::Invalid,
                m,
            ));
        }
        Err(trust::BindError::Unconfirmed(m)) => {
            v.add(Check::unverifiable(CheckId::VerificationScope, m));
        }
    }
}

/// Steps 4–6: the key must be linked from the issuer Profile (`publicKey`) and name the issuer
/// as its `owner`; the signature must verify with it. Returns whether it did.
async fn signature_checks<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    a: &Value,
    linked: &Linked3,
) -> bool {
    let issuer = &linked.issuer.value;
    let listed = docs::ids(issuer.get("publicKey"));
    let creator = a
        .get("verification")
        .or_else(|| a.get("verify"))
        .and_then(|ver| id_of(ver.get("creator")))
        .map(|s| s.trim().to_string());
    // "If a key is declared here, it must be authorized in the issuer Profile as well."
    let candidates: Vec<String> = match &creator {
        Some(c) if listed.contains(c) => vec![c.clone()],
        Some(c) => {
            v.add(Check::failed(
                CheckId::Key,
                Verdict::Invalid,
                detail!(
                    "the signing key {key} is not listed in the issuer Profile's `publicKey`: it is not the issuer's key",
                    key = code(c.as_str())
                ),
            ));
            return false;
        }
        None => listed.clone(),
    };
    if candidates.is_empty() {
        v.add(Check::unverifiable(
            CheckId::Key,
            detail!("the issuer Profile lists no `publicKey` to verify the signature with"),
        ));
        return false;
    }
    let owners: Vec<&str> = std::iter::once(linked.issuer_id.as_str())
        .chain(linked.issuer.url.as_deref())
        .collect();
    let mut tried = Vec::new();
    let mut problems: Vec<Detail> = Vec::new();
    let mut unreachable: Vec<Detail> = Vec::new();
    for key_id in candidates.iter().take(8) {
        let key_doc = match ob2_embedded_key(issuer, key_id) {
            Some(k) => k,
            None if !is_http_url(key_id) => {
                unreachable.push(detail!(
                    "{key} is neither embedded nor an http(s) URL",
                    key = code(key_id.as_str())
                ));
                continue;
            }
            // Step 5: "If it is impossible to get a usable public key, the Assertion cannot be
            // verified" (unverifiable, not invalid).
            None => match docs::fetch_json(v, key_id, FetchPurpose::Key).await {
                Ok(doc) => {
                    if str_of(&doc.value, "id").map(str::trim) != Some(key_id.as_str()) {
                        v.add(Check::warning(
                            CheckId::Key,
                            detail!(
                                "the key fetched from {url} declares another `id`",
                                url = link(key_id.as_str())
                            ),
                        ));
                    }
                    doc.value
                }
                Err(e) => {
                    unreachable.push(detail!(
                        "{key}: {why}",
                        key = code(key_id.as_str()),
                        why = cause(e.detail())
                    ));
                    continue;
                }
            },
        };
        let key = match ob2_rsa_key(&key_doc, key_id) {
            Ok(k) => k,
            Err(e) => {
                problems.push(e);
                continue;
            }
        };
        // "There should be a two-way connection between this Profile and the CryptographicKey
        // through the owner and publicKey properties" (spec "CryptographicKey").
        let owner = id_of(key_doc.get("owner")).map(str::trim);
        let source = detail!(
            "issuer Profile {issuer} `publicKey`",
            issuer = link(linked.issuer_id.as_str())
        );
        let bound = match trust::ob2_key(
            key,
            key_id,
            &listed,
            owner,
            &owners,
            &linked.issuer_id,
            source,
        ) {
            Ok(k) => k,
            Err(e) => {
                problems.push(e.detail().clone());
                continue;
            }
        };
        tried.push(key_id.clone());
        let verified = bound.verify_jws(jws);
        // This build leaves RSA to the full verifier (feature `extended-suites`).
        if let Err(e @ JwsError::NeedsFullVerifier(_)) = &verified {
            v.add(crate::verify::failure::failure_check(CheckId::Signature, e));
            return false;
        }
        if let Ok((alg, issued)) = verified {
            v.expert.key_id = Some(key_id.clone());
            v.expert.key_source = Some(bound.resolved().source.to_string());
            v.add(Check::passed(
                CheckId::Key,
                detail!(
                    "key {key} is listed by the issuer and owned by it",
                    key = code(key_id.as_str())
                ),
            ));
            v.add(Check::passed(
                CheckId::Signature,
                detail!(
                    "{suite} signature verified with {key}",
                    suite = code(alg.name()),
                    key = code(key_id.as_str())
                ),
            ));
            v.establish(issued);
            return true;
        }
    }
    for p in unreachable
        .iter()
        .chain(&problems)
        .filter(|_| !tried.is_empty())
    {
        v.add(Check::warning(CheckId::Key, p.clone()));
    }
    if tried.is_empty() && !unreachable.is_empty() {
        v.add(Check::unverifiable(
            CheckId::Key,
            detail!(
                "no usable key: {problems}",
                problems = cause(joined(unreachable.iter().chain(&problems).cloned().collect()))
            ),
        ));
    } else if tried.is_empty() {
        v.add(Check::failed(CheckId::Key, Verdict::Invalid, joined(problems)));
    } else if !unreachable.is_empty() {
        // The one key that could not be fetched might be the right one.
        v.add(Check::unverifiable(
            CheckId::Signature,
            detail!(
                "the signature does not verify with the keys that could be fetched ({keys})",
                keys = code(tried.join(", "))
            ),
        ));
    } else {
        v.add(Check::failed(
            CheckId::Signature,
            Verdict::Invalid,
            detail!(
                "the signature does not verify with the issuer's key ({keys}): the badge was altered or signed by someone else",
                keys = code(tried.join(", "))
            ),
        ));
    }
    false
}

/// Step 7: "Retrieve the revocation list from the Issuer Profile object if present and ensure
/// the id of the badge does not appear in the revokedAssertions list."
async fn revocation_list_check<F: Fetcher>(
    v: &mut Verification<'_, F>,
    a: &Value,
    linked: &Linked3,
) {
    let Some(list_url) = id_of(linked.issuer.value.get("revocationList")).map(str::to_string)
    else {
        v.add(Check::not_applicable(
            CheckId::Revocation,
            detail!("the issuer publishes no revocation list"),
        ));
        return;
    };
    v.expert.status_lists.push(list_url.clone());
    let list = match linked.issuer.value.get("revocationList") {
        Some(embedded @ Value::Object(_)) if embedded.get("revokedAssertions").is_some() => {
            embedded.clone()
        }
        _ if !is_http_url(&list_url) => {
            v.add(Check::unverifiable(
                CheckId::Revocation,
                detail!(
                    "the revocation list {url} is not an http(s) URL",
                    url = code(list_url.as_str())
                ),
            ));
            return;
        }
        _ => match docs::fetch_json(v, &list_url, FetchPurpose::StatusList).await {
            Ok(doc) => doc.value,
            Err(e) => {
                v.add(Check::unverifiable(
                    CheckId::Revocation,
                    detail!(
                        "the revocation list {url} could not be read: {why}",
                        url = link(list_url.as_str()),
                        why = cause(e.detail())
                    ),
                ));
                return;
            }
        },
    };
    if let Some(list_issuer) = id_of(list.get("issuer")) {
        if list_issuer.trim() != linked.issuer_id {
            v.add(Check::warning(
                CheckId::Revocation,
                detail!(
                    "the revocation list names another issuer, {issuer}",
                    issuer = code(list_issuer)
                ),
            ));
        }
    }
    match status::ob2::lookup(&list, str_of(a, "id"), str_of(a, "uid")) {
        Ok(Some(r)) => v.add(revoked_check(
            detail!("listed in {url}", url = link(list_url.as_str())),
            r.reason.as_deref(),
        )),
        Ok(None) => v.add(Check::passed(
            CheckId::Revocation,
            detail!(
                "not in the issuer's revocation list {url}",
                url = link(list_url.as_str())
            ),
        )),
        Err(e) => v.add(Check::unverifiable(
            CheckId::Revocation,
            detail!(
                "the revocation list {url} is unusable: {why}",
                url = link(list_url.as_str()),
                why = cause(e.0.clone())
            ),
        )),
    }
}
