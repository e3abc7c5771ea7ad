//! Open Badges 2.0 verification (spec `ob_v2p0/index.md`, "Verification").

use super::validity::window_checks;
use super::Verification;
use crate::model::json::{id_of, str_of};
use crate::proof::jws::CompactJws;
use crate::report::{BadgeDisplay, Check, Format, IssuerDisplay, RecipientDisplay};
use crate::resolve::fetch::Fetcher;
use serde_json::Value;

/// A hosted assertion (JSON), possibly fetched from `fetched_from`.
pub async fn verify_hosted<F: Fetcher>(
    v: &mut Verification<'_, F>,
    assertion: Value,
    fetched_from: Option<&str>,
) {
    v.format = Some(Format::Ob2Hosted);
    let _ = fetched_from;
    v.badge = Some(display(&assertion));
    v.add(Check::unverifiable(
        "hosted-verification",
        "not checked: OB 2.0 hosted verification is not implemented yet",
    ));
    add_window(v, &assertion);
}

/// A signed assertion (compact JWS, RS256).
pub async fn verify_signed<F: Fetcher>(
    v: &mut Verification<'_, F>,
    jws: &CompactJws,
    _compact: &str,
    assertion: Value,
) {
    v.format = Some(Format::Ob2Signed);
    v.expert.proof_suite = jws.header_str("alg").map(|a| format!("JWS {a}"));
    v.badge = Some(display(&assertion));
    v.add(Check::unverifiable(
        "signature",
        "not checked: OB 2.0 signed verification is not implemented yet",
    ));
    add_window(v, &assertion);
}

/// An Open Badges 0.5 / 1.x assertion.
pub async fn verify_ob1<F: Fetcher>(
    v: &mut Verification<'_, F>,
    assertion: Value,
    _fetched_from: Option<&str>,
) {
    v.badge = Some(display(&assertion));
    v.add(Check::unverifiable(
        "version",
        "not checked: Open Badges 1.x verification is not implemented yet",
    ));
}

fn add_window<F: Fetcher>(v: &mut Verification<'_, F>, a: &Value) {
    for c in window_checks(
        v.opts.at,
        str_of(a, "issuedOn"),
        "issuedOn",
        str_of(a, "expires"),
        "expires",
    ) {
        v.add(c);
    }
}

/// Display data from the assertion and whatever of the BadgeClass/Issuer is embedded in it.
fn display(a: &Value) -> BadgeDisplay {
    let badge = a.get("badge").filter(|b| b.is_object());
    let issuer = badge
        .and_then(|b| b.get("issuer"))
        .filter(|i| i.is_object());
    let recipient = a
        .get("recipient")
        .filter(|r| r.is_object())
        .map(|r| RecipientDisplay {
            kind: str_of(r, "type").map(String::from),
            identity: str_of(r, "identity").map(String::from),
            hashed: r.get("hashed").and_then(Value::as_bool).unwrap_or(false),
            salt: str_of(r, "salt").map(String::from),
            name: None,
        });
    BadgeDisplay {
        name: badge.and_then(|b| str_of(b, "name")).map(String::from),
        description: badge
            .and_then(|b| str_of(b, "description"))
            .map(String::from),
        image: id_of(a.get("image"))
            .or_else(|| badge.and_then(|b| id_of(b.get("image"))))
            .map(String::from),
        issuer: IssuerDisplay {
            id: badge.and_then(|b| id_of(b.get("issuer"))).map(String::from),
            name: issuer.and_then(|i| str_of(i, "name")).map(String::from),
            url: issuer.and_then(|i| str_of(i, "url")).map(String::from),
            ..Default::default()
        },
        recipient,
        issued: str_of(a, "issuedOn").map(String::from),
        expires: str_of(a, "expires").map(String::from),
        verify_url: str_of(a, "id").map(String::from),
        ..Default::default()
    }
}
