//! Open Badges 3.0 verification (spec `ob_v3p0/verification.md`).

use super::validity::window_checks;
use super::Verification;
use crate::model::json::{id_of, str_of};
use crate::proof::jws::CompactJws;
use crate::report::{BadgeDisplay, Check, Criteria, Format, IssuerDisplay};
use crate::resolve::fetch::Fetcher;
use serde_json::Value;

/// A credential as JSON with an embedded `proof`.
pub async fn verify_credential<F: Fetcher>(v: &mut Verification<'_, F>, credential: Value) {
    v.format = Some(Format::Ob3DataIntegrity);
    v.badge = Some(display(&credential));
    v.add(Check::unverifiable(
        "proof",
        "not checked: Data Integrity proofs are not implemented yet",
    ));
    v.add(Check::not_checked(
        "status",
        "not checked: credentialStatus is not implemented yet",
    ));
    add_window(v, &credential);
}

/// A VC-JWT.
pub async fn verify_jwt<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    _compact: &str,
    _claims: Value,
    credential: Value,
) {
    v.format = Some(Format::Ob3Jwt);
    v.expert.proof_suite = jws.header_str("alg").map(|a| format!("VC-JWT {a}"));
    v.badge = Some(display(&credential));
    v.add(Check::unverifiable(
        "proof",
        "not checked: VC-JWT verification is not implemented yet",
    ));
    add_window(v, &credential);
}

fn add_window<F: Fetcher>(v: &mut Verification<'_, F>, c: &Value) {
    let (from, from_name) = match str_of(c, "validFrom") {
        Some(s) => (Some(s), "validFrom"),
        None => (str_of(c, "issuanceDate"), "issuanceDate"),
    };
    let (until, until_name) = match str_of(c, "validUntil") {
        Some(s) => (Some(s), "validUntil"),
        None => (str_of(c, "expirationDate"), "expirationDate"),
    };
    for check in window_checks(v.opts.at, from, from_name, until, until_name) {
        v.add(check);
    }
}

fn display(c: &Value) -> BadgeDisplay {
    let subject = c.get("credentialSubject");
    let achievement = subject.and_then(|s| s.get("achievement"));
    let issuer = c.get("issuer");
    let text = |v: Option<&Value>, k: &str| v.and_then(|v| str_of(v, k)).map(String::from);
    BadgeDisplay {
        name: text(achievement, "name").or_else(|| text(Some(c), "name")),
        description: text(achievement, "description").or_else(|| text(Some(c), "description")),
        image: achievement
            .and_then(|a| id_of(a.get("image")))
            .map(String::from),
        issuer: IssuerDisplay {
            id: id_of(issuer).map(String::from),
            name: text(issuer, "name"),
            url: text(issuer, "url"),
            ..Default::default()
        },
        issued: text(Some(c), "validFrom").or_else(|| text(Some(c), "issuanceDate")),
        expires: text(Some(c), "validUntil").or_else(|| text(Some(c), "expirationDate")),
        criteria: achievement
            .and_then(|a| a.get("criteria"))
            .map(|cr| Criteria {
                url: str_of(cr, "id").map(String::from),
                narrative: str_of(cr, "narrative").map(String::from),
            }),
        ..Default::default()
    }
}
