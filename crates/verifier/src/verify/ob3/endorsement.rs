//! Endorsements (OB 3.0 verification.md step 6, "EndorsementCredential Verification"): every
//! `endorsement` (embedded EndorsementCredential) and `endorsementJwt` (VC-JWT) on the
//! credential, its achievement or its issuer profile is verified with the same engine in a
//! sub-verification and shown in [`BadgeDisplay::endorsements`](crate::report::BadgeDisplay).
//!
//! An endorsement is a third party's opinion, not part of the badge's own proof: one that fails
//! is a warning on the badge, never a reason to call the badge invalid. Endorsements are
//! verified one level deep only (an endorsement's own endorsements are not), which also bounds
//! the work a crafted badge can cause.

use super::conformance::Kind;
use crate::check::{Check, CheckId, Outcome, Verdict};
use crate::detail;
use crate::detail::{cause, code, count, text, Detail};
use crate::model::credential::Credential;
use crate::model::json::{each, id_of, str_of, strings};
use crate::model::{self, BadgeDoc};
use crate::report::Endorsement;
use crate::resolve::fetch::Fetcher;
use crate::verify::Verification;
use serde_json::Value;

const ID: CheckId = CheckId::Endorsement;

/// Most endorsements verified for one badge (each may cost key fetches and a canonicalization).
pub const MAX_ENDORSEMENTS: usize = 12;

/// One endorsement as found.
enum Found<'a> {
    Embedded(&'a Value),
    Jwt(&'a Value),
}

/// Where endorsements may sit (OB 3.0 data model: AchievementCredential, Achievement, Profile).
fn collect(c: &Value) -> Vec<(&'static str, Found<'_>)> {
    let subject = match c.get("credentialSubject") {
        Some(Value::Array(a)) => a.first(),
        other => other,
    };
    let achievement = subject
        .and_then(|s| s.get("achievement"))
        .filter(|a| a.is_object());
    let issuer = c.get("issuer").filter(|i| i.is_object());
    let mut out = Vec::new();
    for (place, obj) in [
        ("credential", Some(c)),
        ("achievement", achievement),
        ("issuer", issuer),
    ] {
        let Some(obj) = obj else { continue };
        for e in each(obj.get("endorsement")) {
            out.push((place, Found::Embedded(e)));
        }
        for e in each(obj.get("endorsementJwt")) {
            out.push((place, Found::Jwt(e)));
        }
    }
    out
}

/// Verifies the endorsements of credential `c` and adds their checks and display entries.
pub(crate) async fn check<F: Fetcher>(v: &mut Verification<'_, F>, c: &Value, kind: Kind) {
    let found = collect(c);
    if found.is_empty() {
        v.add(Check::not_applicable(
            CheckId::Endorsements,
            detail!("no endorsements"),
        ));
        return;
    }
    if kind == Kind::OtherVc {
        v.add(Check::not_applicable(
            CheckId::Endorsements,
            detail!("not an Open Badge: endorsements are not checked"),
        ));
        return;
    }
    if v.depth >= 1 {
        v.add(Check::not_checked(
            CheckId::Endorsements,
            if found.len() == 1 {
                detail!("1 endorsement not verified: this credential is itself inside another (an endorsement, or a CLR's or a presentation's credential), and endorsements are verified one level deep")
            } else {
                detail!(
                    "{n} endorsements not verified: this credential is itself inside another (an endorsement, or a CLR's or a presentation's credential), and endorsements are verified one level deep",
                    n = count(found.len())
                )
            },
        ));
        return;
    }
    let total = found.len();
    if total > MAX_ENDORSEMENTS {
        v.add(Check::not_checked(
            CheckId::Endorsements,
            detail!(
                "{total} endorsements; only the first {max} are verified",
                total = count(total),
                max = count(MAX_ENDORSEMENTS)
            ),
        ));
    }
    for (place, e) in found.into_iter().take(MAX_ENDORSEMENTS) {
        let (entry, check) = one(v, place, e).await;
        if let Some(b) = v.badge.as_mut() {
            b.endorsements.push(entry);
        }
        v.add(check);
    }
}

async fn one<F: Fetcher>(
    v: &mut Verification<'_, F>,
    place: &'static str,
    found: Found<'_>,
) -> (Endorsement, Check) {
    let mut sub = v.sub();
    sub.depth = v.depth.saturating_add(1);
    let credential = match found {
        Found::Embedded(e) => {
            if !e.is_object() {
                return unreadable(place, detail!("the endorsement is not an object"));
            }
            // Box: verify_credential → endorsement::check → verify_credential.
            Box::pin(super::verify_credential(&mut sub, Credential::new(e.clone()))).await;
            e.clone()
        }
        Found::Jwt(e) => {
            let Some(compact) = e.as_str() else {
                return unreadable(place, detail!("the `endorsementJwt` is not a string"));
            };
            match model::classify_jws(compact) {
                Ok(BadgeDoc::Ob3Jwt {
                    jws,
                    compact,
                    claims,
                    credential,
                }) => {
                    Box::pin(super::verify_jwt(
                        &mut sub,
                        &jws,
                        &compact,
                        claims,
                        credential.clone(),
                        false,
                    ))
                    .await;
                    credential.json
                }
                Ok(_) => return unreadable(place, detail!("the `endorsementJwt` is not a VC-JWT")),
                Err(e) => {
                    return unreadable(
                        place,
                        detail!("the `endorsementJwt`: {why}", why = cause(e.detail())),
                    )
                }
            }
        }
    };
    v.expert.fetched.append(&mut sub.expert.fetched);
    let mut verdict = sub.verdict();
    let mut why = sub
        .checks
        .iter()
        .find(|c| c.effect == Some(verdict))
        .map(|c| {
            detail!(
                "{check}: {why}",
                check = code(c.id.as_str()),
                why = cause(c.detail.clone())
            )
        });
    if !strings(credential.get("type"))
        .iter()
        .any(|t| t == "EndorsementCredential")
    {
        verdict = verdict.max_by_severity(Verdict::Invalid);
        why = Some(detail!("it is not an `EndorsementCredential`"));
    }
    let issuer = credential.get("issuer");
    let issuer_obj = issuer.filter(|i| i.is_object());
    let entry = Endorsement {
        issuer_name: issuer_obj.and_then(|i| str_of(i, "name")).map(String::from),
        issuer_id: id_of(issuer).map(String::from),
        comment: credential
            .get("credentialSubject")
            .and_then(|s| str_of(s, "endorsementComment"))
            .map(String::from),
        verdict: Some(verdict),
    };
    let who = match (&entry.issuer_name, &entry.issuer_id) {
        (Some(name), _) => text(name.as_str()),
        (None, Some(id)) => code(id.as_str()),
        (None, None) => cause(detail!("an unnamed issuer")),
    };
    let place = cause(place_words(place));
    let check = match verdict {
        Verdict::Valid => {
            let warned = sub
                .checks
                .iter()
                .filter(|c| c.outcome == Outcome::Warning)
                .count();
            Check::passed(
                ID,
                match warned {
                    0 => detail!(
                        "endorsement of {place} by {who} verified",
                        place = place,
                        who = who
                    ),
                    1 => detail!(
                        "endorsement of {place} by {who} verified (1 warning)",
                        place = place,
                        who = who
                    ),
                    n => detail!(
                        "endorsement of {place} by {who} verified ({n} warnings)",
                        place = place,
                        who = who,
                        n = count(n)
                    ),
                },
            )
        }
        other => Check::warning(
            ID,
            match why {
                Some(w) => detail!(
                    "endorsement of {place} by {who} is {verdict} ({why})",
                    place = place,
                    who = who,
                    verdict = cause(super::verdict_word(other)),
                    why = cause(w)
                ),
                None => detail!(
                    "endorsement of {place} by {who} is {verdict}",
                    place = place,
                    who = who,
                    verdict = cause(super::verdict_word(other))
                ),
            },
        ),
    };
    (entry, check)
}

/// Where an endorsement was found, in words.
fn place_words(place: &str) -> Detail {
    match place {
        "achievement" => detail!("the achievement"),
        "issuer" => detail!("the issuer"),
        _ => detail!("the credential"),
    }
}

fn unreadable(place: &str, why: Detail) -> (Endorsement, Check) {
    (
        Endorsement {
            verdict: Some(Verdict::Error),
            ..Default::default()
        },
        Check::warning(
            ID,
            detail!(
                "endorsement of {place}: {why}",
                place = cause(place_words(place)),
                why = cause(why)
            ),
        ),
    )
}

trait Worst {
    fn max_by_severity(self, other: Verdict) -> Verdict;
}

impl Worst for Verdict {
    fn max_by_severity(self, other: Verdict) -> Verdict {
        if other.severity() > self.severity() {
            other
        } else {
            self
        }
    }
}
