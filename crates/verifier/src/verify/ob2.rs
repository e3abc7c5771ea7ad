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
use crate::jose::jws::{Alg, CompactJws, JwsError};
use crate::model::json::{id_of, str_of, strings};
use crate::resolve::fetch::{FetchPurpose, Fetcher};
use crate::resolve::keys::{ob2_embedded_key, ob2_rsa_key};
use crate::status;
use crate::trust;
use docs::{authority, is_http_url, is_type, DocError, Linked};
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
            "the assertion declares SignedBadge verification but is plain JSON: the JWS that carries its signature is missing",
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
        "hosted assertions are revoked by their URL answering 410 Gone or declaring revoked: true; it does neither",
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
                    format!("the assertion is hosted at its id {id}"),
                ));
            }
            Some(id) => {
                v.add(Check::failed(
                    CheckId::HostedId,
                    Verdict::Invalid,
                    format!("the assertion fetched from {requested} declares another id, {id}"),
                ));
            }
            None => {
                v.add(Check::failed(
                    CheckId::HostedId,
                    Verdict::Invalid,
                    format!("the assertion at {requested} declares no id"),
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
            "a hosted assertion's id must be the http(s) URL where it is hosted",
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
                format!("the hosted assertion {id} could not be checked: {e}"),
            ));
            return None;
        }
    };
    if doc.final_url != doc.requested {
        v.add(Check::warning(
            CheckId::Redirect,
            format!("{} redirected to {}", doc.requested, doc.final_url),
        ));
    }
    let mut url = id.clone();
    match str_of(&doc.value, "id").map(str::trim) {
        Some(fetched_id) if fetched_id == id => {
            v.add(Check::passed(
                CheckId::HostedId,
                format!("the assertion is hosted at its id {id}"),
            ));
        }
        Some(fetched_id) if fetched_id == doc.final_url => {
            url = fetched_id.to_string();
            v.add(Check::passed(
                CheckId::HostedId,
                format!("the assertion is hosted at its id {fetched_id} (after a redirect)"),
            ));
        }
        other => {
            v.add(Check::failed(
                CheckId::HostedId,
                Verdict::Invalid,
                format!(
                    "the document at {id} declares id {}, not its own URL",
                    other.unwrap_or("(none)")
                ),
            ));
        }
    }
    if doc.value != baked {
        v.add(Check::warning(
            CheckId::HostedCopy,
            "the baked assertion differs from the hosted one; the hosted copy is the one verified",
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
                format!(
                    "OB 2.0 signed badges use RSA (RS256, or PS256); {} is not accepted here",
                    other.name()
                ),
            ));
            return;
        }
        Err(e) => {
            v.add(crate::verify::failure::failure_check(CheckId::Signature, "", &e));
            return;
        }
    }
    let a = &assertion;
    if !type_is_assertion(v, a) {
        return;
    }
    if display::loose_bool(a.get("revoked")) == Some(true) {
        v.add(revoked_check(
            "the signed assertion declares revoked: true",
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
            "not checked: the signature did not verify",
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
            "the hosted assertion declares revoked: true",
            str_of(a, "revocationReason"),
        ));
    }
    revoked
}

/// A hosted document that answers 410 Gone is revoked (OB 2.0 "Hosted Verification"); a JSON
/// body may give the `revocationReason`.
fn gone_check(url: &str, body: Option<&Value>) -> Check {
    let reason = body.and_then(|b| str_of(b, "revocationReason"));
    revoked_check(&format!("{url} answers 410 Gone"), reason)
}

fn revoked_check(how: &str, reason: Option<&str>) -> Check {
    let reason = reason.map(str::trim).filter(|r| !r.is_empty());
    Check::failed(
        CheckId::Revocation,
        Verdict::Revoked,
        match reason {
            Some(r) => format!("revoked by the issuer ({how}); reason: {r}"),
            None => format!("revoked by the issuer ({how}); no reason given"),
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
    let what = if is_type(a, &["BadgeClass"]) {
        "a BadgeClass (a badge definition), not an Assertion awarding it"
    } else if is_type(a, &["Issuer", "Profile"]) {
        "an issuer Profile, not an Assertion"
    } else {
        "not an Assertion"
    };
    v.add(Check::failed(
        CheckId::Type,
        Verdict::Invalid,
        format!("type is {types:?}: this is {what}"),
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
            "@context is the Open Badges 2.0 context",
        ));
    } else {
        let found = if contexts.is_empty() {
            "none".to_string()
        } else {
            contexts.join(", ")
        };
        v.add(Check::failed(
            CheckId::Context,
            Verdict::Invalid,
            format!("@context must be https://w3id.org/openbadges/v2, found {found}"),
        ));
    }
    if is_type(a, &["Assertion"]) {
        v.add(Check::passed(CheckId::Type, "type is Assertion"));
    } else {
        v.add(Check::failed(
            CheckId::Type,
            Verdict::Invalid,
            format!("type must be Assertion, found {:?}", strings(a.get("type"))),
        ));
    }
    required_properties(v, a, method);
    if a.as_object()
        .is_some_and(|o| o.keys().any(|k| k.starts_with("extensions:")))
    {
        v.add(Check::not_checked(
            CheckId::Extensions,
            "not checked: OB 2.0 extensions are shown as data but not validated",
        ));
    }
    if a.get("endorsement").is_some() {
        v.add(Check::not_checked(
            CheckId::Endorsements,
            "not checked: endorsements are not verified",
        ));
    }
    for c in dates(v, a) {
        v.add(c);
    }

    let badge = docs::resolve(
        v,
        a.get("badge"),
        CheckId::Badgeclass,
        "BadgeClass",
        FetchPurpose::BadgeClass,
    )
    .await?;
    let problems = docs::badgeclass_problems(&badge.value);
    if !problems.is_empty() {
        v.add(Check::failed(
            CheckId::Badgeclass,
            Verdict::Invalid,
            format!("the BadgeClass is invalid: {}", problems.join("; ")),
        ));
        return None;
    }
    v.add(Check::passed(
        CheckId::Badgeclass,
        match &badge.url {
            Some(u) => format!("BadgeClass fetched from {u}"),
            None => "BadgeClass embedded in the assertion".into(),
        },
    ));
    let issuer = docs::resolve(
        v,
        badge.value.get("issuer"),
        CheckId::Issuer,
        "issuer Profile",
        FetchPurpose::IssuerProfile,
    )
    .await?;
    let problems = docs::issuer_problems(&issuer.value);
    if !problems.is_empty() {
        v.add(Check::failed(
            CheckId::Issuer,
            Verdict::Invalid,
            format!("the issuer Profile is invalid: {}", problems.join("; ")),
        ));
        return None;
    }
    let issuer_id = str_of(&issuer.value, "id")
        .map(|s| s.trim().to_string())
        .or_else(|| issuer.url.clone())?;
    v.add(Check::passed(
        CheckId::Issuer,
        match &issuer.url {
            Some(u) => format!("issuer Profile {issuer_id} fetched from {u}"),
            None => format!("issuer Profile {issuer_id} embedded in the BadgeClass"),
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
            let mut rp = docs::Props::new(r);
            rp.text("identity").text("type").opt_text("salt");
            problems.extend(rp.problems.into_iter().map(|s| format!("recipient {s}")));
            // `hashed` is required (spec "IdentityObject", in bold), so that a verifier knows
            // whether to compare the identity as plaintext or as a salted hash.
            match r.get("hashed") {
                Some(Value::Bool(_)) => {}
                None => problems.push("recipient hashed is missing".into()),
                Some(_) => problems.push("recipient hashed must be true or false".into()),
            }
            let hashed = display::loose_bool(r.get("hashed")).unwrap_or(false);
            if let Some(identity) = str_of(r, "identity") {
                if hashed && !crate::recipient::supported_hash(identity) {
                    problems.push(
                        "recipient identity is marked hashed but is not sha256$… or md5$…".into(),
                    );
                }
            }
        }
        Some(_) => problems.push("recipient must be an IdentityObject".into()),
        None => problems.push("recipient is missing".into()),
    }
    match a.get("issuedOn") {
        Some(Value::String(_)) => {}
        None => problems.push("issuedOn is missing".into()),
        Some(_) => problems.push("issuedOn must be an ISO 8601 date-time string".into()),
    }
    if a.get("expires").is_some_and(|e| !e.is_string()) {
        problems.push("expires must be an ISO 8601 date-time string".into());
    }
    if let Some(img) = a.get("image") {
        if !(img.is_string() || id_of(Some(img)).is_some()) {
            problems.push("image must be an IRI or an Image with an id".into());
        }
    }
    let types = verification_types(a);
    let ok_method = match method {
        Method::Hosted => types.iter().any(|t| is_hosted_type(t)),
        Method::Signed => types.iter().any(|t| is_signed_type(t)),
    };
    if a.get("verification").or_else(|| a.get("verify")).is_none() {
        problems.push("verification is missing".into());
    } else if !ok_method {
        let want = if method == Method::Hosted {
            "HostedBadge"
        } else {
            "SignedBadge"
        };
        problems.push(format!("verification type must be {want}, found {types:?}"));
    }
    if problems.is_empty() {
        v.add(Check::passed(
            CheckId::RequiredProperties,
            "the assertion has every required property, of the right type",
        ));
    } else {
        v.add(Check::failed(
            CheckId::RequiredProperties,
            Verdict::Invalid,
            problems.join("; "),
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
                format!(
                    "issuedOn {} is in the future: a badge cannot have been awarded at a future date",
                    issued.unwrap_or("")
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
                format!("the issuer's verificationProperty is {prop}; only id is defined"),
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
        Err(e @ trust::BindError::NotIssuers(_)) => {
            v.add(Check::failed(
                CheckId::VerificationScope,
                Verdict::Invalid,
                e.to_string(),
            ));
        }
        Err(e @ trust::BindError::Unconfirmed(_)) => {
            v.add(Check::unverifiable(
                CheckId::VerificationScope,
                e.to_string(),
            ));
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
                format!("the signing key {c} is not listed in the issuer Profile's publicKey: it is not the issuer's key"),
            ));
            return false;
        }
        None => listed.clone(),
    };
    if candidates.is_empty() {
        v.add(Check::unverifiable(
            CheckId::Key,
            "the issuer Profile lists no publicKey to verify the signature with",
        ));
        return false;
    }
    let owners: Vec<&str> = std::iter::once(linked.issuer_id.as_str())
        .chain(linked.issuer.url.as_deref())
        .collect();
    let mut tried = Vec::new();
    let mut problems = Vec::new();
    let mut unreachable = Vec::new();
    for key_id in candidates.iter().take(8) {
        let key_doc = match ob2_embedded_key(issuer, key_id) {
            Some(k) => k,
            None if !is_http_url(key_id) => {
                unreachable.push(format!("{key_id} is neither embedded nor an http(s) URL"));
                continue;
            }
            // Step 5: "If it is impossible to get a usable public key, the Assertion cannot be
            // verified" (unverifiable, not invalid).
            None => match docs::fetch_json(v, key_id, FetchPurpose::Key).await {
                Ok(doc) => {
                    if str_of(&doc.value, "id").map(str::trim) != Some(key_id.as_str()) {
                        v.add(Check::warning(
                            CheckId::Key,
                            format!("the key fetched from {key_id} declares another id"),
                        ));
                    }
                    doc.value
                }
                Err(e) => {
                    unreachable.push(format!("{key_id}: {e}"));
                    continue;
                }
            },
        };
        let key = match ob2_rsa_key(&key_doc, key_id) {
            Ok(k) => k,
            Err(e) => {
                problems.push(e.to_string());
                continue;
            }
        };
        // "There should be a two-way connection between this Profile and the CryptographicKey
        // through the owner and publicKey properties" (spec "CryptographicKey").
        let owner = id_of(key_doc.get("owner")).map(str::trim);
        let source = format!("issuer Profile {} publicKey", linked.issuer_id);
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
                problems.push(e.to_string());
                continue;
            }
        };
        tried.push(key_id.clone());
        let verified = bound.verify_jws(jws);
        // This build leaves RSA to the full verifier (feature `extended-suites`).
        if let Err(e @ JwsError::NeedsFullVerifier(_)) = &verified {
            v.add(crate::verify::failure::failure_check(CheckId::Signature, "", e));
            return false;
        }
        if let Ok((alg, issued)) = verified {
            v.expert.key_id = Some(key_id.clone());
            v.expert.key_source = Some(bound.resolved().source.to_string());
            v.add(Check::passed(
                CheckId::Key,
                format!("key {key_id} is listed by the issuer and owned by it"),
            ));
            v.add(Check::passed(
                CheckId::Signature,
                format!("{} signature verified with {key_id}", alg.name()),
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
            format!(
                "no usable key: {}",
                unreachable
                    .iter()
                    .chain(&problems)
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        ));
    } else if tried.is_empty() {
        v.add(Check::failed(
            CheckId::Key,
            Verdict::Invalid,
            problems.join("; "),
        ));
    } else if !unreachable.is_empty() {
        // The one key that could not be fetched might be the right one.
        v.add(Check::unverifiable(
            CheckId::Signature,
            format!(
                "the signature does not verify with the keys that could be fetched ({})",
                tried.join(", ")
            ),
        ));
    } else {
        v.add(Check::failed(
            CheckId::Signature,
            Verdict::Invalid,
            format!(
                "the signature does not verify with the issuer's key ({}): the badge was altered or signed by someone else",
                tried.join(", ")
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
            "the issuer publishes no revocation list",
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
                format!("the revocation list {list_url} is not an http(s) URL"),
            ));
            return;
        }
        _ => match docs::fetch_json(v, &list_url, FetchPurpose::StatusList).await {
            Ok(doc) => doc.value,
            Err(e) => {
                v.add(Check::unverifiable(
                    CheckId::Revocation,
                    format!("the revocation list {list_url} could not be read: {e}"),
                ));
                return;
            }
        },
    };
    if let Some(list_issuer) = id_of(list.get("issuer")) {
        if list_issuer.trim() != linked.issuer_id {
            v.add(Check::warning(
                CheckId::Revocation,
                format!("the revocation list names another issuer, {list_issuer}"),
            ));
        }
    }
    match status::ob2::lookup(&list, str_of(a, "id"), str_of(a, "uid")) {
        Ok(Some(r)) => v.add(revoked_check(
            &format!("listed in {list_url}"),
            r.reason.as_deref(),
        )),
        Ok(None) => v.add(Check::passed(
            CheckId::Revocation,
            format!("not in the issuer's revocation list {list_url}"),
        )),
        Err(e) => v.add(Check::unverifiable(
            CheckId::Revocation,
            format!("the revocation list {list_url} is unusable: {e}"),
        )),
    }
}
