//! OB 3.0 credentials with embedded proofs, and the 1EdTech validator's OB 3.0 fixtures
//! (tests/fixtures/ob3/SOURCES.md). Issuer documents come from an in-memory fetcher; nothing is
//! fetched from the network.
//!
//! Tests marked `needs data_integrity` need the real Data Integrity proof implementation (the
//! stub in this tree answers "unsupported"); everything else passes without it.

use badge_verifier::report::{Check, Outcome, Report, Verdict};
use badge_verifier::verify::Input;
use badge_verifier::{verify, Format, MemoryFetcher, Options};
use chrono::{DateTime, Utc};
use serde_json::Value;

fn fixture(path: &str) -> Vec<u8> {
    let p = format!(
        "{}/../../tests/fixtures/ob3/{path}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn json(path: &str) -> Value {
    serde_json::from_slice(&fixture(path)).unwrap()
}

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

/// The issuer profiles the 1EdTech fixtures' verification methods point into (synthesised:
/// see SOURCES.md), served at their ids.
fn issuers() -> MemoryFetcher {
    let mut f = MemoryFetcher::new();
    for (url, file) in [
        (
            "https://example.com/issuers/876543",
            "issuers/example.com-issuers-876543.json",
        ),
        (
            "https://example.edu/issuers/565049",
            "issuers/example.edu-issuers-565049.json",
        ),
        (
            "https://1edtech.edu/issuers/565049",
            "issuers/1edtech.edu-issuers-565049.json",
        ),
    ] {
        f.insert(url, 200, "application/ld+json", fixture(file));
    }
    f
}

fn run_bytes(name: &str, bytes: Vec<u8>, fetcher: &MemoryFetcher) -> Report {
    let input = Input::Bytes {
        name: name.into(),
        bytes,
    };
    futures::executor::block_on(verify(&input, fetcher, &Options::at(at())))
}

fn run(path: &str, fetcher: &MemoryFetcher) -> Report {
    run_bytes(path, fixture(path), fetcher)
}

fn run_json(v: &Value, fetcher: &MemoryFetcher) -> Report {
    run_bytes("credential.json", serde_json::to_vec(v).unwrap(), fetcher)
}

fn check<'a>(r: &'a Report, id: &str) -> &'a Check {
    r.checks
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no check {id} in {:#?}", r.checks))
}

fn outcome(r: &Report, id: &str) -> Outcome {
    check(r, id).outcome
}

/// Every check except the named ones forces nothing.
fn only_these_force(r: &Report, ids: &[&str]) {
    for c in &r.checks {
        if !ids.contains(&c.id.as_str()) {
            assert_eq!(c.effect, None, "unexpected {c:?}");
        }
    }
}

// --- valid fixtures ---------------------------------------------------------------------

#[test]
fn simple_json_everything_but_the_signature_math_passes() {
    let r = run("1edtech/simple.json", &issuers());
    assert_eq!(r.format, Some(Format::Ob3DataIntegrity));
    for id in [
        "context",
        "type",
        "issuer",
        "issuer-type",
        "credential-subject-type",
        "credential-subject-id",
        "credential-subject-achievement",
        "proof-purpose",
        "proof-created",
        "proof-method",
        "proof-controller",
        "issued",
    ] {
        assert_eq!(
            outcome(&r, id),
            Outcome::Passed,
            "{id}: {:?}",
            check(&r, id)
        );
    }
    assert_eq!(outcome(&r, "status"), Outcome::NotApplicable);
    assert_eq!(outcome(&r, "schema"), Outcome::NotApplicable);
    only_these_force(&r, &["proof"]);
    assert_eq!(
        r.expert.key_id.as_deref(),
        Some("https://example.com/issuers/876543#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi")
    );
    assert!(r
        .expert
        .key_source
        .as_deref()
        .unwrap()
        .contains("https://example.com/issuers/876543"));
    assert_eq!(
        r.expert.proof_suite.as_deref(),
        Some("DataIntegrityProof eddsa-rdfc-2022")
    );
    let badge = r.badge.unwrap();
    assert_eq!(badge.name.as_deref(), Some("Teamwork"));
    assert_eq!(badge.issuer.name.as_deref(), Some("Example Corp"));
    assert_eq!(
        badge.recipient.unwrap().identity.as_deref(),
        Some("did:example:ebfeb1f712ebc6f1c276e12ec21")
    );
    assert_eq!(
        badge.verify_url.as_deref(),
        Some("http://example.com/credentials/3527")
    );
}

#[test]
fn simple_fixtures_are_valid_with_their_issuer_profiles() {
    for f in [
        "1edtech/simple.json",
        "1edtech/simple.1ob",
        "1edtech/simple-context-alias.json",
        "1edtech/simple-context-version.json",
        "1edtech/simple-did-web-method.json",
        "1edtech/simple_v1.json",
    ] {
        let r = run(f, &issuers());
        assert_eq!(r.verdict, Verdict::Valid, "{f}: {:#?}", r.checks);
        let verified = r
            .checks
            .iter()
            .any(|c| c.id == "proof" && c.outcome == Outcome::Passed);
        assert!(verified, "{f}");
        assert!(r.expert.canonical_hash.is_some(), "{f}");
    }
}

/// Without the issuer's profile nothing ties the key in the URL fragment to the issuer: the
/// 1EdTech validator takes `<issuer>#<multibase key>` on trust, this verifier does not.
#[test]
fn simple_json_without_the_issuer_profile_is_unverifiable() {
    let r = run("1edtech/simple.json", &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Unverifiable);
    let c = check(&r, "proof-method");
    assert_eq!(c.effect, Some(Verdict::Unverifiable));
    assert!(
        c.detail.contains("https://example.com/issuers/876543"),
        "{c:?}"
    );
    assert_eq!(r.expert.fetched, vec!["https://example.com/issuers/876543"]);
    // The did:web fixture's verification method is an https URL too: its issuer document is
    // not in the fixtures either.
    let r = run("1edtech/simple-did-web-method.json", &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Unverifiable);
}

/// Key documents (a did:web DID document here) are fetched as keys, for the progress line.
#[test]
fn key_documents_are_fetched_as_keys() {
    let f = MemoryFetcher::new();
    let bytes = fixture("1edtech/simple-did-web-method.json");
    let input = Input::Bytes {
        name: "simple-did-web-method.json".into(),
        bytes,
    };
    let r = futures::executor::block_on(verify(&input, &f, &Options::at(at())));
    assert_eq!(r.verdict, Verdict::Unverifiable);
    let seen = f.requested();
    assert!(!seen.is_empty());
    assert!(
        seen.iter()
            .all(|(_, p)| *p == badge_verifier::FetchPurpose::Key),
        "{seen:?}"
    );
}

/// Every proof must verify (VC Data Integrity §4.5; issue #14): the 1EdTech fixture's first
/// proof is of a type this verifier does not implement, so the credential is unverifiable even
/// though its second proof verifies. (Was `valid`, with the first proof only warned about.)
#[test]
fn multiple_proofs_must_all_verify() {
    let r = run("1edtech/simple-multiple-proofs.json", &issuers());
    let proofs: Vec<&Check> = r.checks.iter().filter(|c| c.id == "proof").collect();
    assert_eq!(proofs.len(), 2);
    assert!(
        proofs[0]
            .detail
            .starts_with("proof 1 of 2 (SomeProofType): not checked"),
        "{proofs:?}"
    );
    assert_eq!(proofs[0].effect, Some(Verdict::Unverifiable));
    assert_eq!(proofs[1].outcome, Outcome::Passed);
    // The unknown suite's key is not fetched or resolved.
    assert_eq!(
        r.checks.iter().filter(|c| c.id == "proof-method").count(),
        1
    );
    assert_eq!(r.verdict, Verdict::Unverifiable);
    assert!(r.issued_by.is_none());
}

#[test]
fn did_key_method_with_a_urn_issuer_is_not_the_issuers_key() {
    // The key is did:key:z6Mkj…, the issuer urn:uuid:6f2e…: nothing ties one to the other.
    // (The 1EdTech validator skips the controller check for did:key and calls this valid.)
    let r = run("1edtech/simple-did-key-method.json", &MemoryFetcher::new());
    assert_eq!(outcome(&r, "proof-method"), Outcome::Passed);
    assert!(check(&r, "proof-method")
        .detail
        .contains("did:key (offline)"));
    let c = check(&r, "proof-controller");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::Failed, Some(Verdict::Invalid))
    );
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(r.expert.fetched.is_empty(), "did:key needs no fetch");
}

// --- simple-err-*: each fails the check it is named after -------------------------------

fn assert_fails(path: &str, id: &str, verdict: Verdict) -> Report {
    let r = run(path, &issuers());
    let c = check(&r, id);
    assert_eq!(c.outcome, Outcome::Failed, "{path}: {c:?}");
    assert_eq!(r.verdict, verdict, "{path}: {:#?}", r.checks);
    r
}

#[test]
fn err_fixtures_fail_their_named_check() {
    for (file, id) in [
        ("simple-err-context.json", "context"),
        ("simple-err-issuer.json", "issuer"),
        ("simple-err-issuer-type.json", "issuer-type"),
        (
            "simple-err-issuer-otheridentifier-type.json",
            "issuer-otheridentifier-type",
        ),
        (
            "simple-err-issuer-parentorg-type.json",
            "issuer-parentorg-type",
        ),
        (
            "simple-err-credential-subject-type.json",
            "credential-subject-type",
        ),
        (
            "simple-err-credential-subject-identifier-type.json",
            "credential-subject-identifier-type",
        ),
        (
            "simple-err-credential-subject-result-type.json",
            "credential-subject-result-type",
        ),
        (
            "simple-err-credential-subject-profile-type.json",
            "credential-subject-profile-type",
        ),
        (
            "simple-err-credential-subject-achievement-result-description-type.json",
            "credential-subject-achievement-result-description-type",
        ),
        ("simple-err-evidence-type.json", "evidence-type"),
        ("simple-err-issued.json", "issued"),
        ("simple-err-proof-method.json", "proof-method"),
        ("simple-err-proof-method-no-scheme.json", "proof-method"),
        (
            "simple-err-proof-method-unknown-scheme.json",
            "proof-method",
        ),
    ] {
        assert_fails(&format!("1edtech/{file}"), id, Verdict::Invalid);
    }
}

/// The 1EdTech validator fails this credential for not being an Open Badge. Since issue #16 a
/// Verifiable Credential of another kind is verified as one (never "invalid" for its kind): its
/// `type` check passes saying it is not an Open Badge, the format is `vc-data-integrity`, and
/// the verdict comes from its proof, which cannot verify: `OtherCredential` is not defined by
/// the credential's `@context`, so the proof does not cover it (JSON-LD safe mode).
#[test]
fn err_type_is_verified_as_a_vc_that_is_not_an_open_badge() {
    let r = run("1edtech/simple-err-type.json", &issuers());
    let t = check(&r, "type");
    assert_eq!(t.outcome, Outcome::Passed, "{t:?}");
    assert!(t.detail.ends_with("not an Open Badge"), "{t:?}");
    assert_eq!(r.format, Some(badge_verifier::Format::VcDataIntegrity));
    assert_eq!(outcome(&r, "required-properties"), Outcome::NotApplicable);
    assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
    assert_eq!(outcome(&r, "proof"), Outcome::Failed);
    assert!(check(&r, "proof").detail.contains("OtherCredential"));
}

#[test]
fn err_expired_is_expired() {
    let r = assert_fails(
        "1edtech/simple-err-expired.json",
        "expiry",
        Verdict::Expired,
    );
    assert_eq!(check(&r, "expiry").effect, Some(Verdict::Expired));
}

#[test]
fn err_issued_is_not_yet_valid() {
    let r = run("1edtech/simple-err-issued.json", &issuers());
    assert_eq!(check(&r, "issued").effect, Some(Verdict::NotYetValid));
}

#[test]
fn err_proof_method_names_what_is_wrong() {
    let r = run("1edtech/simple-err-proof-method.json", &issuers());
    assert!(
        check(&r, "proof-method")
            .detail
            .contains("does not list the key"),
        "{:?}",
        r.checks
    );
    let r = run("1edtech/simple-err-proof-method-no-scheme.json", &issuers());
    assert!(check(&r, "proof-method").detail.contains("no scheme"));
    let r = run(
        "1edtech/simple-err-proof-method-unknown-scheme.json",
        &issuers(),
    );
    assert!(check(&r, "proof-method").detail.contains("\"xxx:\""));
}

/// An unknown DID method cannot be resolved: the check fails, and since the method may well
/// exist, the verdict is `unverifiable` rather than `invalid`.
#[test]
fn err_proof_method_unknown_did_method_is_unverifiable() {
    // A DID method this verifier does not resolve: not checked (the 1EdTech validator fails
    // it), so the verdict is unverifiable, never invalid.
    let r = run(
        "1edtech/simple-err-proof-method-unknown-did-method.json",
        &issuers(),
    );
    let c = check(&r, "proof-method");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::NotChecked, Some(Verdict::Unverifiable))
    );
    assert!(c.detail.contains("did:example"));
    assert_eq!(r.verdict, Verdict::Unverifiable);
}

#[test]
fn err_proof_value_fails_the_signature() {
    let r = assert_fails(
        "1edtech/simple-err-proof-value.json",
        "proof",
        Verdict::Invalid,
    );
    assert_eq!(outcome(&r, "proof-controller"), Outcome::Passed);
}

#[test]
fn err_proof_value_resolves_its_key() {
    let r = run("1edtech/simple-err-proof-value.json", &issuers());
    assert_eq!(outcome(&r, "proof-method"), Outcome::Passed);
    assert_eq!(outcome(&r, "proof-controller"), Outcome::Passed);
}

// --- tampering and keys ------------------------------------------------------------------

fn tampered(path: &str, edit: impl FnOnce(&mut Value)) -> Value {
    let mut v = json(path);
    edit(&mut v);
    v
}

#[test]
fn tampered_name_and_subject_are_invalid() {
    let v = tampered("1edtech/simple.json", |v| {
        v["credentialSubject"]["achievement"]["name"] = "Teamwork (forged)".into();
    });
    let r = run_json(&v, &issuers());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
    let v = tampered("1edtech/simple.json", |v| {
        v["credentialSubject"]["id"] = "did:example:mallory".into();
    });
    let r = run_json(&v, &issuers());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
}

#[test]
fn tampered_proof_value_is_invalid() {
    let v = tampered("1edtech/simple.json", |v| {
        let pv = v["proof"][0]["proofValue"].as_str().unwrap().to_string();
        let flipped = if pv.ends_with('L') { "M" } else { "L" };
        v["proof"][0]["proofValue"] = format!("{}{flipped}", &pv[..pv.len() - 1]).into();
    });
    let r = run_json(&v, &issuers());
    assert_eq!(
        (outcome(&r, "proof"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
}

/// A key the issuer never listed: the issuer's profile is served but names other keys.
#[test]
fn key_not_listed_by_the_issuer_is_invalid() {
    let v = tampered("1edtech/simple.json", |v| {
        v["proof"][0]["verificationMethod"] =
            "https://example.com/issuers/876543#z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK"
                .into();
    });
    let r = run_json(&v, &issuers());
    assert_eq!(
        (outcome(&r, "proof-method"), r.verdict),
        (Outcome::Failed, Verdict::Invalid)
    );
}

/// The issuer is example.com but the key is example.edu's: issuer ≠ key controller.
#[test]
fn issuer_is_not_the_key_controller() {
    let v = tampered("1edtech/simple.json", |v| {
        v["proof"][0]["verificationMethod"] =
            "https://example.edu/issuers/565049#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"
                .into();
    });
    let r = run_json(&v, &issuers());
    let c = check(&r, "proof-controller");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::Failed, Some(Verdict::Invalid))
    );
    assert!(
        c.detail
            .contains("not by the issuer https://example.com/issuers/876543"),
        "{c:?}"
    );
    assert_eq!(r.verdict, Verdict::Invalid);
}

/// A key listed in the issuer's document but not under assertionMethod may not issue.
#[test]
fn key_not_authorised_for_assertion_is_invalid() {
    let mut profile = json("issuers/example.com-issuers-876543.json");
    profile["assertionMethod"] = serde_json::json!([]);
    let f = MemoryFetcher::new().with(
        "https://example.com/issuers/876543",
        "application/json",
        profile.to_string(),
    );
    let r = run("1edtech/simple.json", &f);
    let c = check(&r, "proof-controller");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::Failed, Some(Verdict::Invalid))
    );
    assert!(c.detail.contains("assertionMethod"));
}

#[test]
fn proof_purpose_and_created_in_the_future() {
    let v = tampered("1edtech/simple.json", |v| {
        v["proof"][0]["proofPurpose"] = "authentication".into();
        v["proof"][0]["created"] = "2030-01-01T00:00:00Z".into();
    });
    let r = run_json(&v, &issuers());
    assert_eq!(check(&r, "proof-purpose").effect, Some(Verdict::Invalid));
    assert_eq!(check(&r, "proof-created").effect, Some(Verdict::Invalid));
}

#[test]
fn did_web_verification_method() {
    let v = tampered("1edtech/simple.json", |v| {
        v["issuer"]["id"] = "did:web:issuer.example:badges".into();
        v["proof"][0]["verificationMethod"] = "did:web:issuer.example:badges#key-1".into();
    });
    let doc = serde_json::json!({
        "@context": ["https://www.w3.org/ns/did/v1"], "id": "did:web:issuer.example:badges",
        "verificationMethod": [{"id": "#key-1", "type": "Ed25519VerificationKey2020", "controller": "did:web:issuer.example:badges",
            "publicKeyMultibase": "z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi"}],
        "assertionMethod": ["#key-1"]
    });
    let f = MemoryFetcher::new().with(
        "https://issuer.example/badges/did.json",
        "application/json",
        doc.to_string(),
    );
    let r = run_json(&v, &f);
    assert_eq!(
        outcome(&r, "proof-method"),
        Outcome::Passed,
        "{:#?}",
        r.checks
    );
    assert_eq!(outcome(&r, "proof-controller"), Outcome::Passed);
    assert_eq!(
        r.expert.key_source.as_deref(),
        Some("did:web document https://issuer.example/badges/did.json")
    );
    // Without the document: unverifiable, saying where it looked.
    let r = run_json(&v, &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Unverifiable);
    assert!(check(&r, "proof-method")
        .detail
        .contains("https://issuer.example/badges/did.json"));
}

#[test]
fn no_proof_is_invalid() {
    let r = run("1edtech/simple-noproof.json", &issuers());
    assert_eq!(check(&r, "proof").effect, Some(Verdict::Invalid));
    assert_eq!(r.verdict, Verdict::Invalid);
}

#[test]
fn subject_without_id_or_identifier_does_not_conform() {
    let v = tampered("1edtech/simple.json", |v| {
        v["credentialSubject"].as_object_mut().unwrap().remove("id");
    });
    let r = run_json(&v, &issuers());
    assert_eq!(
        check(&r, "credential-subject-id").effect,
        Some(Verdict::Invalid)
    );
}

/// credentialStatus is not checked yet: the badge cannot be called valid (it may be revoked).
#[test]
fn credential_status_blocks_valid() {
    let r = run("1edtech/credential-status-revoked.json", &issuers());
    let c = check(&r, "status");
    assert_eq!(c.effect, Some(Verdict::Unverifiable));
    assert_ne!(r.verdict, Verdict::Valid);
}

#[test]
fn endorsement_credential_is_not_a_badge() {
    // Verified as an EndorsementCredential (issue #6); its issuer's key document
    // (state.gov) is not served here, so it cannot be called valid.
    let r = run("1edtech/endorsement-valid.json", &issuers());
    assert_eq!(check(&r, "type").outcome, Outcome::Passed);
    assert_ne!(r.verdict, Verdict::Valid);
}

#[test]
fn identifier_recipient_matches_through_the_generic_check() {
    use sha2::{Digest, Sha256};
    let hash = format!(
        "sha256${}",
        hex::encode(Sha256::digest(b"alice@example.orgpepper"))
    );
    let v = tampered("1edtech/simple.json", |v| {
        v["credentialSubject"]["identifier"] = serde_json::json!([{
            "type": "IdentityObject", "identityType": "emailAddress", "hashed": true, "identityHash": hash, "salt": "pepper"
        }]);
    });
    let mut opts = Options::at(at());
    opts.recipient = Some("alice@example.org".into());
    let input = Input::Bytes {
        name: "c.json".into(),
        bytes: serde_json::to_vec(&v).unwrap(),
    };
    let r = futures::executor::block_on(verify(&input, &issuers(), &opts));
    assert_eq!(r.recipient_match, Some(true));
    assert_eq!(
        outcome(&r, "credential-subject-identifier-type"),
        Outcome::Passed
    );
}

// --- baked images (need the PNG/SVG extraction) ------------------------------------------

#[test]
fn baked_images() {
    for f in [
        "simple-json.png",
        "simple-json.svg",
        "simple-jwt.png",
        "simple-jwt.svg",
        "simple-jwt_v1.png",
        "simple-jwt_v1.svg",
    ] {
        let r = run(&format!("1edtech/{f}"), &issuers());
        // The JWT samples carry their key in a `jwk` header, and neither the issuer's profile
        // nor its JWK Set (answering 404 here) lists it: the key is not the issuer's (issue #14;
        // these were `valid` before).
        let want = if f.contains("jwt") {
            Verdict::Invalid
        } else {
            Verdict::Valid
        };
        assert_eq!(r.verdict, want, "{f}: {:#?}", r.checks);
    }
}

/// A key the credential's own issuer object lists proves nothing (the credential could be
/// anyone's): only the issuer's hosted profile counts.
#[test]
fn keys_embedded_in_the_credentials_issuer_object_are_not_trusted() {
    let key = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
    let vm = format!("https://example.com/issuers/876543#{key}");
    let v = tampered("1edtech/simple.json", |v| {
        v["issuer"]["verificationMethod"] = serde_json::json!([{
            "id": vm, "type": "Multikey", "controller": "https://example.com/issuers/876543", "publicKeyMultibase": key
        }]);
        v["issuer"]["assertionMethod"] = serde_json::json!([vm]);
        v["proof"][0]["verificationMethod"] = vm.clone().into();
    });
    let r = run_json(&v, &MemoryFetcher::new());
    assert_eq!(r.verdict, Verdict::Unverifiable);
    let r = run_json(&v, &issuers());
    assert_eq!(check(&r, "proof-method").effect, Some(Verdict::Invalid));
}

#[test]
fn expired_proof_is_invalid() {
    let v = tampered("1edtech/simple.json", |v| {
        v["proof"][0]["expires"] = "2020-01-01T00:00:00Z".into();
    });
    let r = run_json(&v, &issuers());
    assert_eq!(check(&r, "proof-expires").effect, Some(Verdict::Invalid));
}
