//! "Valid" is a guarantee (issue #14): what a forger can make, and what the verifier answers.
//! Every token here is signed correctly by *some* key; the question is whether the key is the
//! issuer's. A `valid` report always carries `issued_by`, and nothing here may reach `valid`
//! unless the issuer's own documents vouch for the key.

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::report::{Outcome, Report};
use badge_verifier::trust::{IssuedHow, KeyBinding};
use badge_verifier::{verify, Input, MemoryFetcher, Options, Verdict};
use serde_json::{json, Value};

const FORGER: [u8; 32] = [66; 32];
const ISSUER: [u8; 32] = [7; 32];

fn opts() -> Options {
    Options::at(
        chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .into(),
    )
}

fn run(text: &str, f: &MemoryFetcher) -> Report {
    let input = Input::Bytes {
        name: "test".into(),
        bytes: text.as_bytes().to_vec(),
    };
    futures::executor::block_on(verify(&input, f, &opts()))
}

fn check<'a>(r: &'a Report, id: &str) -> &'a badge_verifier::Check {
    r.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no {id} check in {:#?}", r.checks))
}

/// A VC 2.0 VC-JWT payload issued by `issuer`.
fn payload(issuer: &str) -> Value {
    let mut c = teamwork(issuer);
    c["iss"] = json!(issuer);
    c["jti"] = c["id"].clone();
    c["nbf"] = json!(1735689600);
    c
}

/// A token that carries the forger's own key in its `jwk` header, claiming `issuer`.
fn forged_jwk_token(issuer: &str) -> String {
    let header = json!({"alg": "EdDSA", "typ": "JWT", "jwk": sign::jwk(FORGER)});
    sign::jwt_with_header(&header, &payload(issuer), FORGER)
}

/// A forged token's report: `want`, the signature itself fine (the token is intact, just not
/// the issuer's), no `issued_by`, and the key check saying `why`.
fn assert_forged(r: &Report, want: Verdict, why: &str) {
    assert_eq!(r.verdict, want, "{}\n{:#?}", r.summary, r.checks);
    assert_eq!(check(r, "proof").outcome, Outcome::Passed);
    assert!(r.issued_by.is_none());
    let c = check(r, "proof-controller");
    assert_eq!(c.effect, Some(want));
    assert!(c.detail.contains(why), "{c:?} lacks {why:?}");
}

/// An unsigned "Teamwork" badge from `issuer`.
fn teamwork(issuer: &str) -> Value {
    sign::credential(
        issuer,
        "Teamwork",
        "mailto:alice@example.org",
        "2025-01-01T00:00:00Z",
    )
}

#[test]
fn forged_jwk_header_with_a_urn_issuer_is_invalid() {
    let r = run(
        &forged_jwk_token("urn:uuid:2f1a0c53-4b1d-4a51-9b1b-6a4f0d7e3c21"),
        &MemoryFetcher::new(),
    );
    assert_forged(&r, Verdict::Invalid, "neither a DID nor an https URL");
}

#[test]
fn forged_jwk_header_with_an_https_issuer_whose_jwks_lists_another_key_is_invalid() {
    let issuer = "https://university.example/issuers/1";
    let f = MemoryFetcher::new()
        .with(
            "https://university.example/.well-known/jwks.json",
            "application/jwk-set+json",
            json!({"keys": [sign::jwk(ISSUER)]}).to_string(),
        )
        .with(
            issuer,
            "application/json",
            json!({"id": issuer, "type": "Profile", "name": "University"}).to_string(),
        );
    let r = run(&forged_jwk_token(issuer), &f);
    assert_forged(&r, Verdict::Invalid, "does not list the signing key");
}

#[test]
fn forged_jwk_header_with_an_https_issuer_that_cannot_be_reached_is_unverifiable() {
    let issuer = "https://university.example/issuers/1";
    let mut f = MemoryFetcher::new();
    // Servers that answer 503: the issuer's documents cannot be read, nothing is known.
    f.insert(
        "https://university.example/.well-known/jwks.json",
        503,
        "",
        "",
    );
    f.insert(issuer, 503, "", "");
    let r = run(&forged_jwk_token(issuer), &f);
    assert_forged(
        &r,
        Verdict::Unverifiable,
        "signed, but we could not confirm the signer is https://university.example/issuers/1",
    );
}

#[test]
fn forged_jwk_header_with_an_unreachable_did_web_issuer_is_unverifiable() {
    let r = run(
        &forged_jwk_token("did:web:university.example"),
        &MemoryFetcher::new(),
    );
    assert_forged(
        &r,
        Verdict::Unverifiable,
        "could not confirm the signer is did:web:university.example",
    );
}

#[test]
fn forged_jwk_header_with_a_did_web_issuer_that_lists_another_key_is_invalid() {
    let did = "did:web:university.example";
    let doc = json!({
        "@context": ["https://www.w3.org/ns/did/v1"],
        "id": did,
        "verificationMethod": [{
            "id": format!("{did}#key-1"), "type": "Multikey", "controller": did,
            "publicKeyMultibase": sign::multikey(ISSUER)
        }],
        "assertionMethod": [format!("{did}#key-1")]
    });
    let f = MemoryFetcher::new().with(
        "https://university.example/.well-known/did.json",
        "application/json",
        doc.to_string(),
    );
    let r = run(&forged_jwk_token(did), &f);
    assert_forged(&r, Verdict::Invalid, "does not list the signing key");
}

#[test]
fn a_jwk_header_the_issuers_jwks_lists_is_valid_and_says_how() {
    let issuer = "https://university.example/issuers/1";
    let jwks = "https://university.example/.well-known/jwks.json";
    let f = MemoryFetcher::new().with(
        jwks,
        "application/jwk-set+json",
        json!({"keys": [sign::jwk(ISSUER)]}).to_string(),
    );
    let header = json!({"alg": "EdDSA", "typ": "JWT", "jwk": sign::jwk(ISSUER)});
    let token = sign::jwt_with_header(&header, &payload(issuer), ISSUER);
    let r = run(&token, &f);
    assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    let by = r
        .issued_by
        .as_ref()
        .expect("a valid report says who issued it");
    assert_eq!(by.issuer, issuer);
    match &by.how {
        IssuedHow::Signature { binding, .. } => {
            assert_eq!(binding, &KeyBinding::IssuerJwks { url: jwks.into() })
        }
        other => panic!("{other:?}"),
    }
    // The implementation guide: a listed JWK with an `iss` member must name the issuer.
    let mut listed = sign::jwk(ISSUER);
    listed["iss"] = json!("https://someone-else.example/");
    let f = MemoryFetcher::new().with(
        jwks,
        "application/jwk-set+json",
        json!({ "keys": [listed] }).to_string(),
    );
    let r = run(&token, &f);
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert!(check(&r, "proof-controller")
        .detail
        .contains("for another issuer"));
}

/// Two Data Integrity proofs: the issuer's, and a second that does not verify. Every proof
/// must verify (issue #14, VC Data Integrity §4.5): invalid.
#[test]
fn a_good_proof_and_a_bad_proof_is_invalid() {
    let issuer = sign::did_key(ISSUER);
    let c = teamwork(&issuer);
    let good = sign::sign(c.clone(), ISSUER, "2025-01-01T00:00:00Z");
    let mut bad = good["proof"].clone();
    bad["created"] = json!("2025-01-02T00:00:00Z"); // the signature no longer matches
    let mut both = good.clone();
    both["proof"] = json!([good["proof"], bad]);
    let r = run(&both.to_string(), &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert!(r.issued_by.is_none());
    let proofs: Vec<_> = r.checks.iter().filter(|c| c.id == "proof").collect();
    assert_eq!(
        proofs.iter().map(|c| c.outcome).collect::<Vec<_>>(),
        [Outcome::Passed, Outcome::Failed]
    );
    // The good proof alone is valid, and says so by the issuer's DID document.
    let r = run(&good.to_string(), &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    assert!(matches!(
        r.issued_by.as_ref().map(|i| &i.how),
        Some(IssuedHow::Signature {
            binding: KeyBinding::Controller { .. },
            ..
        })
    ));
}

/// The issuer's proof plus a second, well-formed proof by a stranger's key: the stranger's
/// proof is not the issuer's, so the document is not valid.
#[test]
fn a_proof_by_a_stranger_beside_the_issuers_is_invalid() {
    let issuer = sign::did_key(ISSUER);
    let c = teamwork(&issuer);
    let mine = sign::sign(c.clone(), ISSUER, "2025-01-01T00:00:00Z");
    let theirs = sign::sign(c, FORGER, "2025-01-01T00:00:00Z");
    let mut both = mine.clone();
    both["proof"] = json!([mine["proof"], theirs["proof"]]);
    let r = run(&both.to_string(), &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert!(r
        .checks
        .iter()
        .any(|c| c.id == "proof-controller" && c.outcome == Outcome::Failed));
}

/// A credential whose every check passes but that carries no proof of who issued it cannot be
/// `valid`: the verdict is built from the fact, not from the absence of failures.
#[test]
fn an_unsigned_credential_is_never_valid() {
    let c = teamwork(&sign::did_key(ISSUER));
    let r = run(&c.to_string(), &MemoryFetcher::new());
    assert_ne!(r.verdict, Verdict::Valid);
    assert!(r.issued_by.is_none());
}

/// A VC-JWT whose credential also carries an embedded Data Integrity proof: both must verify.
#[test]
fn a_vc_jwt_with_an_embedded_proof_needs_both() {
    let issuer = sign::did_key(ISSUER);
    let c = teamwork(&issuer);
    let signed = sign::sign(c, ISSUER, "2025-01-01T00:00:00Z");
    let with_claims = |mut c: Value| {
        c["iss"] = json!(issuer);
        c["jti"] = c["id"].clone();
        c["nbf"] = json!(1735689600);
        c
    };
    let token = sign::jwt(&with_claims(signed.clone()), ISSUER);
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
    assert_eq!(check(&r, "embedded-proof").outcome, Outcome::Passed);
    // The JWT signature is good, the embedded proof is not (the credential changed under it).
    let mut altered = signed;
    altered["name"] = json!("Teamwork (altered)");
    let token = sign::jwt(&with_claims(altered), ISSUER);
    let r = run(&token, &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_eq!(check(&r, "proof").outcome, Outcome::Passed);
    assert_eq!(check(&r, "embedded-proof").outcome, Outcome::Failed);
}
