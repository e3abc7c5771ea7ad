//! Verifiable Presentations (issue #16; W3C VC 2.0 §4.13 "Verifiable Presentations", VC 1.1
//! §4.10): what a wallet hands over. JSON with type `VerifiablePresentation`, or a JWT (VC-JWT
//! 1.1 `vp` claim, VC-JOSE-COSE `vp+jwt`).
//!
//! Each credential inside is verified as its own report ([`super::nested`]); its verdict is
//! its own and nothing about the presentation changes it. The presentation's own proof (Data
//! Integrity, `proofPurpose` `authentication`) or JWT signature, and the holder binding (the
//! proof's key must be listed under `authentication` by the holder's own document,
//! [`crate::trust::bind_holder`]), are checked where present (`presentation-proof`, `holder`)
//! and never required: a presentation without a proof is reported so (not checked).
//!
//! The presentation's verdict is the worst of: its proof and holder binding when present and
//! failing (or not checkable), and each credential's verdict (carried by a `nested-credential`
//! check, as in a CLR). An empty presentation is an `error` (there is nothing to verify). It is
//! `valid` only with a [`crate::trust::presented`] fact, made only when every credential
//! inside is `valid`: a presentation is never `valid` when any credential inside is not.
//!
//! What cannot be checked here: `challenge` and `domain` (Data Integrity) or `nonce` and `aud`
//! (JWT) bind a presentation to one verifier's request; without that request a replayed
//! presentation cannot be told from a fresh one, and the report says so. Nor is the holder
//! compared with each credential's subject: VC 2.0 §4.13 lets a holder present credentials
//! about others, and each nested report shows its own recipient.

use super::ob3::embedded::{method_failure, method_passed};
use super::{nested, Verification};
use crate::check::{Check, CheckId, Format, Verdict};
use crate::detail;
use crate::detail::{cause, code, count, text};
use crate::jose::jws::CompactJws;
use crate::model::credential::VcVersion;
use crate::model::json::{each, id_of, str_of, strings};
use crate::proof::data_integrity;
use crate::report::{BadgeDisplay, RecipientDisplay};
use crate::resolve::fetch::Fetcher;
use crate::resolve::keys::{header_jwk, kid_url, KeyResolver, ResolvedKey};
use crate::trust::{self, BindError};
use crate::verify::failure::{failure_check, failure_check_in};
use crate::verify::validity::parse_datetime;
use serde_json::Value;

const PROOF: CheckId = CheckId::PresentationProof;
const HOLDER: CheckId = CheckId::Holder;
/// Most presentation proofs checked.
const MAX_PROOFS: usize = 4;

/// A presentation as JSON, with or without embedded proofs.
pub(crate) async fn verify_presentation<F: Fetcher>(v: &mut Verification<'_, F>, p: Value) {
    v.format = Some(Format::Presentation);
    if !conformance(v, &p) {
        return;
    }
    let holder = id_of(p.get("holder")).map(String::from);
    let holder_key = proofs(v, &p, holder.as_deref()).await;
    contents(v, &p, holder.as_deref(), holder_key).await;
}

/// A presentation as a JWT: VC-JWT 1.1 (`vp` claim; `iss` is the holder, §6.3.1) or
/// VC-JOSE-COSE `vp+jwt` (the payload is the presentation).
pub(crate) async fn verify_presentation_jwt<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    claims: Value,
    p: Value,
) {
    v.format = Some(Format::PresentationJwt);
    if !conformance(v, &p) {
        return;
    }
    let named = id_of(p.get("holder"));
    let iss = str_of(&claims, "iss");
    // VC-JWT 1.1 §6.3.1: `iss` is the holder; a token naming two holders is not one holder's.
    if let (Some(h), Some(i)) = (named, iss) {
        if h != i {
            v.add(Check::failed(
                HOLDER,
                Verdict::Invalid,
                detail!(
                    "the token's `iss` {iss} is not the presentation's holder {holder}",
                    iss = code(i),
                    holder = code(h)
                ),
            ));
        }
    }
    let holder = named.or(iss).map(String::from);
    let holder_key = jwt_signature(v, jws, holder.as_deref()).await;
    jwt_claims(v, &claims);
    contents(v, &p, holder.as_deref(), holder_key).await;
}

/// Context and type (VC 2.0 §4.13: the base context first, type `VerifiablePresentation`).
/// `false` when the presentation is not verified further (one nested in another document).
fn conformance<F: Fetcher>(v: &mut Verification<'_, F>, p: &Value) -> bool {
    if v.depth > 0 {
        // verifiableCredential holds credentials (VC 2.0 §4.13), never presentations.
        v.add(Check::failed(
            CheckId::Format,
            Verdict::Invalid,
            detail!("a presentation inside a credential or presentation: `verifiableCredential` holds credentials, not presentations (VC 2.0 §4.13)"),
        ));
        return false;
    }
    v.add(match VcVersion::of(p) {
        Some(ver) => Check::passed(
            CheckId::Context,
            detail!("{version} context", version = code(ver.label())),
        ),
        None => Check::failed(
            CheckId::Context,
            Verdict::Invalid,
            detail!(
                "the first `@context` must be {v2} (VC 2.0) or {v1} (VC 1.1)",
                v2 = crate::detail::url("https://www.w3.org/ns/credentials/v2"),
                v1 = crate::detail::url("https://www.w3.org/2018/credentials/v1")
            ),
        ),
    });
    v.add(Check::passed(
        CheckId::Type,
        detail!("[{types}]", types = code(strings(p.get("type")).join(", "))),
    ));
    true
}

/// The credentials, the display, and what the presentation stands on.
async fn contents<F: Fetcher>(
    v: &mut Verification<'_, F>,
    p: &Value,
    holder: Option<&str>,
    holder_key: Option<String>,
) {
    if let Err(why) =
        nested::verify_each(v, p.get("verifiableCredential"), "verifiableCredential").await
    {
        v.add(Check::failed(
            CheckId::NestedCredential,
            Verdict::Error,
            detail!(
                "{why}: an empty presentation has nothing to verify",
                why = cause(why)
            ),
        ));
    }
    let n = v.nested.len();
    v.badge = Some(BadgeDisplay {
        name: Some(str_of(p, "name").map(String::from).unwrap_or_else(|| {
            format!(
                "Presentation of {n} credential{}",
                if n == 1 { "" } else { "s" }
            )
        })),
        description: str_of(p, "description").map(String::from),
        recipient: holder.map(|h| RecipientDisplay {
            kind: Some(if h.starts_with("did:") { "did" } else { "id" }.into()),
            identity: Some(h.to_string()),
            ..Default::default()
        }),
        ..Default::default()
    });
    let verdicts: Vec<(Verdict, bool)> = v
        .nested
        .iter()
        .map(|r| (r.verdict, r.issued_by.is_some()))
        .collect();
    if let Some(issued) = trust::presented(holder, holder_key, &verdicts) {
        v.establish(issued);
    }
}

/// The `holder` check for a key that signed the presentation.
fn holder_check(bound: &Result<crate::detail::Detail, BindError>) -> Check {
    match bound {
        Ok(how) => Check::passed(HOLDER, how.clone()),
        Err(BindError::NotIssuers(m)) => Check::failed(HOLDER, Verdict::Invalid, m.clone()),
        Err(BindError::Unconfirmed(m)) => Check::unverifiable(HOLDER, m.clone()),
    }
}

fn no_holder() -> Check {
    Check::not_checked(
        HOLDER,
        detail!("the presentation names no holder: its proof binds it to no one"),
    )
}

/// The presentation's embedded proofs; the key id of the one that verified with a key bound to
/// the holder, if one did and none failed.
async fn proofs<F: Fetcher>(
    v: &mut Verification<'_, F>,
    p: &Value,
    holder: Option<&str>,
) -> Option<String> {
    let mut proofs: Vec<&Value> = each(p.get("proof"));
    if proofs.is_empty() {
        v.add(Check::not_checked(
            PROOF,
            detail!("the presentation has no proof (optional, VC 2.0 §4.13): nothing shows who presented it; each credential stands on its own"),
        ));
        if let Some(h) = holder {
            v.add(Check::not_checked(
                HOLDER,
                detail!(
                    "{holder} is named as holder, but no proof binds the presentation to it",
                    holder = code(h)
                ),
            ));
        }
        return None;
    }
    if proofs.len() > MAX_PROOFS {
        v.add(Check::unverifiable(
            PROOF,
            detail!(
                "{n} proofs; only the first {max} are checked",
                n = count(proofs.len()),
                max = count(MAX_PROOFS)
            ),
        ));
        proofs.truncate(MAX_PROOFS);
    }
    let mut document = p.clone();
    if let Some(o) = document.as_object_mut() {
        o.remove("proof");
    }
    let mut bound_key = None;
    let mut all_good = true;
    for proof in proofs {
        let (good, key) = one_proof(v, &document, proof, holder).await;
        all_good &= good;
        bound_key = bound_key.or(key);
    }
    bound_key.filter(|_| all_good)
}

/// One Data Integrity proof of the presentation: whether it verified, and the key id when it
/// did with a key bound to the holder.
async fn one_proof<F: Fetcher>(
    v: &mut Verification<'_, F>,
    document: &Value,
    proof: &Value,
    holder: Option<&str>,
) -> (bool, Option<String>) {
    if !proof.is_object() {
        v.add(Check::failed(
            PROOF,
            Verdict::Invalid,
            detail!("the proof is not an object"),
        ));
        return (false, None);
    }
    if let Err(e @ data_integrity::ProofError::NotImplemented(_)) = data_integrity::Suite::of(proof)
    {
        v.add(failure_check(PROOF, &e));
        return (false, None);
    }
    // VC Data Integrity §4.3 "Verify Proof": the proof purpose must be the expected one; a
    // holder proves control with `authentication` (Controlled Identifiers §2.3.1).
    let purpose_ok = match str_of(proof, "proofPurpose") {
        Some("authentication") => true,
        Some(other) => {
            v.add(Check::failed(
                PROOF,
                Verdict::Invalid,
                detail!(
                    "`proofPurpose` is \"{purpose}\", not `authentication`",
                    purpose = code(other)
                ),
            ));
            false
        }
        None => {
            v.add(Check::failed(
                PROOF,
                Verdict::Invalid,
                detail!("the proof has no `proofPurpose` (`authentication` expected)"),
            ));
            false
        }
    };
    let at = v.opts.at;
    if let Some(raw) = proof.get("expires") {
        match raw.as_str().and_then(parse_datetime) {
            Some(t) if t > at => {}
            _ => {
                v.add(Check::failed(
                    PROOF,
                    Verdict::Invalid,
                    detail!(
                        "the presentation proof expired, or its `expires` {raw} is not a date-time",
                        raw = text(raw.to_string())
                    ),
                ));
                return (false, None);
            }
        }
    }
    v.add(replay_note(
        proof.get("challenge").is_some() || proof.get("domain").is_some(),
        "challenge/domain",
    ));
    let Some(method) = id_of(proof.get("verificationMethod")).map(str::trim) else {
        v.add(Check::failed(
            PROOF,
            Verdict::Invalid,
            detail!("the proof has no `verificationMethod`"),
        ));
        return (false, None);
    };
    let (key, bound) = {
        let mut resolver = KeyResolver::new(v);
        match resolver.resolve(method).await {
            Err(e) => (Err(e), None),
            Ok(key) => {
                let bound = match holder {
                    Some(h) => Some(trust::bind_holder(&mut resolver, &key, h).await),
                    None => None,
                };
                (Ok(key), bound)
            }
        }
    };
    let key = match key {
        Ok(k) => k,
        Err(e) => {
            let mut c = method_failure(&e);
            c.id = PROOF;
            v.add(c);
            return (false, None);
        }
    };
    v.add(relabel(method_passed(&key)));
    let signed = match data_integrity::verify(document, proof, &key.key) {
        Ok(ev) => {
            v.add(Check::passed(
                PROOF,
                detail!(
                    "{suite} signature verified with {key}",
                    suite = code(ev.suite.to_string()),
                    key = code(key.method_id.clone())
                ),
            ));
            true
        }
        Err(e) => {
            v.add(failure_check(PROOF, &e));
            false
        }
    };
    let good = signed && purpose_ok;
    let bound_ok = match bound {
        None => {
            v.add(no_holder());
            false
        }
        Some(b) => {
            let ok = b.is_ok();
            v.add(holder_check(&b));
            ok
        }
    };
    (good, (good && bound_ok).then(|| key.method_id.clone()))
}

/// A key-resolution check under the presentation's id.
fn relabel(mut c: Check) -> Check {
    c.id = PROOF;
    c
}

/// Nothing here can exclude a replay: the request's challenge is not known.
fn replay_note(present: bool, what: &str) -> Check {
    Check::not_checked(
        PROOF,
        if present {
            detail!(
                "{what} not checked: it can only be compared with the verifier's own request, which this verifier did not make",
                what = code(what)
            )
        } else {
            detail!(
                "no {what}: the presentation is bound to no request and may be a replay",
                what = code(what)
            )
        },
    )
}

/// The signature of a presentation JWT, with the key from `kid` (a DID URL or an http(s)
/// URL) or the `jwk` header, tied to the holder. The key id when it verified and is the
/// holder's.
async fn jwt_signature<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    holder: Option<&str>,
) -> Option<String> {
    let alg = match jws.alg() {
        Ok(a) => a,
        Err(e) => {
            v.add(failure_check(PROOF, &e));
            return None;
        }
    };
    v.expert.proof_suite = Some(format!("presentation JWT {}", alg.name()));
    if let Some(crit) = jws.header.get("crit") {
        v.add(Check::failed(
            PROOF,
            Verdict::Invalid,
            detail!(
                "the header marks {crit} as critical; no such extension is supported",
                crit = code(crit.to_string())
            ),
        ));
        return None;
    }
    let kid = jws
        .header_str("kid")
        .map(str::trim)
        .filter(|k| !k.is_empty());
    let (key, bound): (Result<ResolvedKey, Check>, _) = {
        let mut resolver = KeyResolver::new(v);
        let key = if let Some(kid) = kid {
            resolver
                .resolve(&kid_url(kid, holder))
                .await
                .map_err(|e| relabel(method_failure(&e)))
        } else if let Some(jwk) = jws.header.get("jwk") {
            header_jwk(jwk)
                .map_err(|e| failure_check_in(PROOF, Some(detail!("the `jwk` header")), &e))
        } else {
            Err(Check::failed(
                PROOF,
                Verdict::Invalid,
                detail!("neither `kid` nor `jwk` in the header: no key to check the presentation's signature with"),
            ))
        };
        let bound = match (&key, holder) {
            (Ok(k), Some(h)) => Some(trust::bind_holder(&mut resolver, k, h).await),
            _ => None,
        };
        (key, bound)
    };
    let key = match key {
        Ok(k) => k,
        Err(c) => {
            v.add(c);
            return None;
        }
    };
    v.add(relabel(method_passed(&key)));
    v.expert.key_id = Some(key.method_id.clone());
    let signed = match jws.verify(&key.key) {
        Ok(alg) => {
            v.add(Check::passed(
                PROOF,
                detail!(
                    "presentation JWT {alg} signature verified",
                    alg = code(alg.name())
                ),
            ));
            true
        }
        Err(e) => {
            v.add(failure_check(PROOF, &e));
            false
        }
    };
    let bound_ok = match bound {
        None => {
            v.add(no_holder());
            false
        }
        Some(b) => {
            v.add(holder_check(&b));
            b.is_ok()
        }
    };
    (signed && bound_ok).then(|| key.method_id.clone())
}

/// The token's own validity (`exp`, `nbf`, RFC 7519 §4.1.4–5) and what cannot be checked
/// (`nonce`, `aud`: the verifier's request).
fn jwt_claims<F: Fetcher>(v: &mut Verification<'_, F>, claims: &Value) {
    let now = v.opts.at.timestamp();
    let secs = |name: &str| claims.get(name).and_then(Value::as_i64);
    if let Some(exp) = secs("exp").filter(|&e| e <= now) {
        v.add(Check::failed(
            PROOF,
            Verdict::Invalid,
            detail!(
                "the presentation token expired (`exp` {exp}); its credentials are reported on their own",
                exp = code(exp.to_string())
            ),
        ));
    }
    if let Some(nbf) = secs("nbf").filter(|&n| n > now) {
        v.add(Check::failed(
            PROOF,
            Verdict::Invalid,
            detail!(
                "the presentation token is not valid before {nbf}",
                nbf = code(nbf.to_string())
            ),
        ));
    }
    v.add(replay_note(
        claims.get("nonce").is_some() || claims.get("aud").is_some(),
        "nonce/aud",
    ));
}
