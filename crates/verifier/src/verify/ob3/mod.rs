//! Open Badges 3.0 verification (spec `ob_v3p0/verification.md`, "OpenBadgeCredential
//! Verification"; proofs per `ob_v3p0/integrity.md`).
//!
//! 1. Conformance ([`conformance`]): contexts, types, required properties, subject identity.
//! 2. Proof: embedded Data Integrity proofs ([`embedded`]) or the VC-JWT ([`jwt`]), with the key
//!    resolved through [`crate::resolve::keys`] and tied to the issuer.
//! 3. Status ([`status`]), refresh offers ([`refresh`]), JSON Schema ([`schema`]) and
//!    endorsements ([`endorsement`]).
//! 4. Validity window: `validFrom`/`validUntil` (VC 2.0), `issuanceDate`/`expirationDate` (VC 1.1).
//!
//! Check ids: conformance `context`, `type`, `credential-id`, `credential-name`, `valid-from`,
//! `issuer`, `issuer-type`, `issuer-otheridentifier-type`, `issuer-parentorg-type`,
//! `credential-subject`, `credential-subject-type`, `credential-subject-id`,
//! `credential-subject-identifier-type`, `credential-subject-achievement`,
//! `credential-subject-achievement-result-description-type`, `credential-subject-result-type`,
//! `credential-subject-profile-type`, `evidence-type`, `…-alignment-type`, `…-creator-type`;
//! proofs `proof-purpose`, `proof-created`, `proof-expires`, `proof-method` (key resolution),
//! `proof-controller` (key ↔ issuer), `proof` (signature); VC-JWT `jwt-header`, `jwt-iss`,
//! `jwt-sub`, `jwt-jti`, `jwt-nbf`, `jwt-exp`, `embedded-proof`; then `issued`, `expiry`,
//! `validity-window`, `status` (one per credentialStatus entry), `status-issuer`, `refresh`,
//! `schema` (one per credentialSchema entry), `endorsements` (none / not followed) and
//! `endorsement` (one per endorsement).

pub mod conformance;
pub mod display;
pub mod embedded;
pub mod endorsement;
pub mod enveloped;
pub mod jwt;
pub mod refresh;
pub mod schema;
pub mod status;

use super::Verification;
use super::validity::window_checks;
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, code, count, Detail};
use crate::jose::jws::CompactJws;
use crate::model::credential::{Credential, CredentialDate, CredentialKind};
use crate::model::json::id_of;
use crate::resolve::fetch::{FetchError, FetchPurpose, Fetcher};
use crate::resolve::keys::{DocFailure, JsonSource};
use serde_json::Value;

/// Documents for key resolution come through [`Verification::fetch`]: http(s) only, budgeted,
/// logged in the expert view.
impl<F: Fetcher> JsonSource for Verification<'_, F> {
    async fn get_json(&mut self, url: &str) -> Result<Value, DocFailure> {
        let resp = self
            .fetch(url, FetchPurpose::Key)
            .await
            .map_err(|e| match e {
                // The in-memory fetcher's answer for a document it does not hold: a 404.
                FetchError::NotFound => DocFailure::answered(e.to_string()),
                e => DocFailure::unread(e.to_string()),
            })?;
        // 404 / 410: the server answered that there is no such document. Other statuses
        // (5xx, 401/403, 429) may pass: nothing is known.
        match resp.status {
            200..=299 => {}
            404 | 410 => {
                return Err(DocFailure::answered(
                    detail!("HTTP {status}", status = count(resp.status)).to_string(),
                ))
            }
            s => {
                return Err(DocFailure::unread(
                    detail!("HTTP {status}", status = count(s)).to_string(),
                ))
            }
        }
        // A document that is not JSON, or reads two ways (duplicate member names), lists nothing.
        crate::strict_json::from_slice(&resp.body, self.opts.limits.max_json_depth)
            .map_err(|e| {
                DocFailure::answered(
                    crate::jose::jws::json_refusal(&e, detail!("the document")).to_string(),
                )
            })
    }

    fn allow_http(&self) -> bool {
        self.opts.allow_http
    }
}

/// A credential as JSON with embedded proofs.
pub(crate) async fn verify_credential<F: Fetcher>(v: &mut Verification<'_, F>, credential: Credential) {
    v.format = Some(if credential.kind == CredentialKind::OtherVc {
        Format::VcDataIntegrity
    } else {
        Format::Ob3DataIntegrity
    });
    v.badge = Some(display::display(&credential.json));
    add_conformance(v, &credential);
    let issuer = id_of(credential.json.get("issuer")).map(String::from);
    embedded::verify_proofs(v, &credential.json, issuer.as_deref()).await;
    add_window(v, &credential, None);
    add_status_and_extras(v, &credential).await;
}

/// A VC-JWT: the credential is the payload (VC 2.0, VC-JOSE-COSE `vc+jwt`) or its `vc` claim
/// (VC 1.1). `enveloped`: it came from an `EnvelopedVerifiableCredential`'s
/// `data:application/vc+jwt` URL ([`enveloped`]).
pub(crate) async fn verify_jwt<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    _compact: &str,
    claims: Value,
    credential: Credential,
    enveloped: bool,
) {
    v.format = Some(if credential.kind == CredentialKind::OtherVc {
        Format::VcJwt
    } else {
        Format::Ob3Jwt
    });
    let mut credential = credential;
    let vc11 = claims.get("vc").is_some_and(Value::is_object);
    if vc11 {
        // Fills in what the registered claims carry; neither `@context` nor `type`, so the
        // version and kind read in model stand.
        jwt::complete_vc11(&claims, &mut credential.json);
    }
    v.badge = Some(display::display(&credential.json));
    add_conformance(v, &credential);
    for check in jwt::jose_checks(jws, &claims, &credential, !vc11, enveloped) {
        v.add(check);
    }
    let issuer = id_of(credential.json.get("issuer")).map(String::from);
    jwt::verify_signature(v, jws, issuer.as_deref()).await;
    let mut checks = Vec::new();
    let exp_until = jwt::claim_checks(&claims, &credential, &mut checks);
    checks.extend(jwt::token_window(&claims, &credential, v.opts.at));
    for c in checks {
        v.add(c);
    }
    if credential.json.get("proof").is_some() {
        let check = embedded_proofs_of_jwt(v, &credential.json, issuer.as_deref()).await;
        v.add(check);
    }
    add_window(v, &credential, exp_until.as_deref());
    add_status_and_extras(v, &credential).await;
}

/// A VC-JWT whose credential also carries embedded proofs: every proof must verify (issue #14),
/// so they are verified too, over the credential without the JWT's registered claims (RFC 7519
/// §4.1), which are not part of the credential they signed.
pub(crate) async fn embedded_proofs_of_jwt<F: Fetcher>(
    v: &mut Verification<'_, F>,
    credential: &Value,
    issuer: Option<&str>,
) -> Check {
    const ID: CheckId = CheckId::EmbeddedProof;
    let mut document = credential.clone();
    if let Some(o) = document.as_object_mut() {
        for claim in ["iss", "sub", "aud", "exp", "nbf", "iat", "jti"] {
            o.remove(claim);
        }
    }
    let mut sub = v.sub();
    embedded::verify_proofs(&mut sub, &document, issuer).await;
    let verdict = sub.verdict();
    let why = sub
        .checks
        .iter()
        .find(|c| c.effect == Some(verdict))
        .map(|c| {
            detail!(
                "{check}: {why}",
                check = code(c.id.as_str()),
                why = cause(c.detail.clone())
            )
        })
        .unwrap_or_else(|| detail!("no check says why"));
    v.expert.fetched.append(&mut sub.expert.fetched);
    match verdict {
        Verdict::Valid => Check::passed(ID, detail!("the embedded proof(s) verify as well")),
        Verdict::Invalid => Check::failed(
            ID,
            Verdict::Invalid,
            detail!("an embedded proof does not verify ({why})", why = cause(why)),
        ),
        _ => Check::unverifiable(
            ID,
            detail!("an embedded proof could not be verified ({why})", why = cause(why)),
        ),
    }
}

fn add_conformance<F: Fetcher>(v: &mut Verification<'_, F>, credential: &Credential) {
    for check in conformance::context_and_type(credential) {
        v.add(check);
    }
    if credential.kind == CredentialKind::OpenBadge {
        for check in conformance::data_model(&credential.json) {
            v.add(check);
        }
    } else {
        // Still a credential: the rules of the VC data model apply to any VC (issue #16); the
        // Open Badges data model does not.
        for check in conformance::vc_data_model(credential) {
            v.add(check);
        }
        v.add(Check::not_applicable(
            CheckId::RequiredProperties,
            detail!("not an Open Badge: the Open Badges 3.0 data model (`achievement`, `AchievementSubject`, `Profile`) does not apply"),
        ));
    }
}

pub(crate) fn add_window<F: Fetcher>(
    v: &mut Verification<'_, F>,
    credential: &Credential,
    until_override: Option<&str>,
) {
    // VC 2.0 validFrom/validUntil, VC 1.1 issuanceDate/expirationDate (verification.md step 4).
    let (from, from_name) = match credential.date(CredentialDate::ValidFrom) {
        Some((s, n)) => (Some(s), n),
        None => (None, credential.date_name(CredentialDate::ValidFrom)),
    };
    let (until, until_name) = match (credential.date(CredentialDate::ValidUntil), until_override) {
        (Some((s, n)), _) => (Some(s), n),
        (None, Some(s)) => (Some(s), "exp"),
        (None, None) => (None, credential.date_name(CredentialDate::ValidUntil)),
    };
    for check in window_checks(v.opts.at, from, from_name, until, until_name) {
        v.add(check);
    }
}

/// A verdict in words ("invalid" …), for a detail that names one.
pub(crate) fn verdict_word(v: Verdict) -> Detail {
    match v {
        Verdict::Valid => detail!("valid"),
        Verdict::Unverifiable => detail!("unverifiable"),
        Verdict::NotYetValid => detail!("not-yet-valid"),
        Verdict::Expired => detail!("expired"),
        Verdict::Suspended => detail!("suspended"),
        Verdict::Revoked => detail!("revoked"),
        Verdict::Invalid => detail!("invalid"),
        Verdict::Error => detail!("error"),
    }
}

/// Status, refresh, JSON Schema and endorsements (issue #6).
pub(crate) async fn add_status_and_extras<F: Fetcher>(v: &mut Verification<'_, F>, credential: &Credential) {
    let c = &credential.json;
    let issuer = id_of(c.get("issuer")).map(String::from);
    // verification.md step 4: a revoked credential must never show as valid; a status that
    // cannot be checked makes the badge unverifiable.
    status::check(v, c, issuer.as_deref()).await;
    for check in refresh::checks(c) {
        v.add(check);
    }
    for check in schema::checks(credential) {
        v.add(check);
    }
    endorsement::check(v, c, credential.kind).await;
}
