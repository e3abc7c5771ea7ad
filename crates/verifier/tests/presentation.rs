//! Verifiable Presentations (issue #16; VC 2.0 §4.13): each credential inside is its own
//! nested report with its own verdict; the presentation's proof and holder binding are checked
//! when present and never required; the presentation is valid only when every credential in it
//! is. Credentials and proofs are signed here by did:key keys (tests/support/sign.rs); the
//! presentation shape is tests/fixtures/vp/presentation.json (see its README); no network.

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::report::{Outcome, Report};
use badge_verifier::trust::IssuedHow;
use badge_verifier::{verify, Format, Input, MemoryFetcher, Options, Verdict};
use ed25519_dalek::Signer;
use serde_json::{json, Value};
use sha2::Digest;

const HOLDER: [u8; 32] = [31; 32];
const SCHOOL: [u8; 32] = [32; 32];
const STRANGER: [u8; 32] = [33; 32];
const CREATED: &str = "2025-06-01T09:00:00Z";

fn opts() -> Options {
    Options::at(
        chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
            .unwrap()
            .into(),
    )
}

fn run_text(text: &str, opts: &Options) -> Report {
    let input = Input::Bytes {
        name: "vp".into(),
        bytes: text.as_bytes().to_vec(),
    };
    futures::executor::block_on(verify(&input, &MemoryFetcher::new(), opts))
}

fn run(doc: &Value) -> Report {
    run_text(&doc.to_string(), &opts())
}

fn badge(name: &str) -> Value {
    let c = sign::credential(
        &sign::did_key(SCHOOL),
        name,
        &sign::did_key(HOLDER),
        "2025-01-01T00:00:00Z",
    );
    sign::sign(c, SCHOOL, CREATED)
}

fn tampered(name: &str) -> Value {
    let mut c = badge(name);
    c["credentialSubject"]["achievement"]["name"] = json!("Something else");
    c
}

/// A VC-JWT of a badge (VC 2.0: the payload is the credential).
fn badge_jwt(name: &str) -> String {
    let mut p = sign::credential(
        &sign::did_key(SCHOOL),
        name,
        &sign::did_key(HOLDER),
        "2025-01-01T00:00:00Z",
    );
    p["iss"] = json!(sign::did_key(SCHOOL));
    p["jti"] = p["id"].clone();
    p["nbf"] = json!(1735689600);
    sign::jwt(&p, SCHOOL)
}

/// The fixture's presentation, held by the did:key of `HOLDER`, holding `credentials`.
fn presentation(credentials: Value) -> Value {
    let path = format!(
        "{}/../../tests/fixtures/vp/presentation.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let mut p: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    p["holder"] = json!(sign::did_key(HOLDER));
    p["verifiableCredential"] = credentials;
    p
}

/// (Beside tests/support/sign.rs, which the CLI's examples include without the JCS crate.)
/// Adds a Data Integrity proof by the key of `seed`, named by `method`, with any
/// `proof_purpose` (`authentication` for a presentation's holder, VC 2.0 §4.13) and either
/// `eddsa-rdfc-2022` or `eddsa-jcs-2022` (vc-di-eddsa §3.3, §3.4: the same hashing over RDFC or
/// JCS canonical forms).
fn sign_with(
    mut document: Value,
    seed: [u8; 32],
    created: &str,
    method: &str,
    proof_purpose: &str,
    cryptosuite: &str,
) -> Value {
    let proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": cryptosuite,
        "created": created,
        "verificationMethod": method,
        "proofPurpose": proof_purpose
    });
    let (unsecured, options) =
        badge_verifier::proof::data_integrity::prepare(&document, &proof).expect("prepare");
    let canonical = |v: &Value| match cryptosuite {
        "eddsa-jcs-2022" => serde_json_canonicalizer::to_string(v).expect("JCS"),
        _ => badge_verifier::proof::jsonld::canonicalize(v).expect("canonical form"),
    };
    let mut hash = sha2::Sha256::digest(canonical(&options).as_bytes()).to_vec();
    hash.extend_from_slice(&sha2::Sha256::digest(canonical(&unsecured).as_bytes()));
    let sig = ed25519_dalek::SigningKey::from_bytes(&seed).sign(&hash);
    let mut proof = proof;
    proof["proofValue"] = json!(format!("z{}", bs58::encode(sig.to_bytes()).into_string()));
    document["proof"] = proof;
    document
}

/// Signed for authentication by the key of `seed` (eddsa-jcs-2022 or eddsa-rdfc-2022).
fn proved(p: Value, seed: [u8; 32], suite: &str) -> Value {
    sign_with(
        p,
        seed,
        CREATED,
        &sign::key_id(seed),
        "authentication",
        suite,
    )
}

fn check<'a>(r: &'a Report, id: &str) -> Vec<&'a badge_verifier::Check> {
    r.checks.iter().filter(|c| c.id == id).collect()
}

fn verdicts(r: &Report) -> Vec<Verdict> {
    r.nested.iter().map(|n| n.verdict).collect()
}

#[test]
fn each_credential_keeps_its_own_verdict() {
    let r = run(&presentation(json!([badge("Teamwork"), tampered("Rust")])));
    assert_eq!(r.format, Some(Format::Presentation));
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Invalid]);
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
    assert_eq!(r.nested[1].input, "verifiableCredential[1]");
    // No proof: reported, not required.
    let proof = check(&r, "presentation-proof");
    assert_eq!(proof[0].outcome, Outcome::NotChecked);
    assert_eq!(proof[0].effect, None);
    assert!(r.issued_by.is_none());
}

#[test]
fn a_presentation_without_a_proof_of_valid_credentials_is_valid() {
    let r = run(&presentation(json!([badge("Teamwork"), badge("Rust")])));
    assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
    let how = &r.issued_by.as_ref().unwrap().how;
    assert_eq!(
        how,
        &IssuedHow::Presented {
            credentials: 2,
            holder_key: None
        }
    );
    assert_eq!(check(&r, "holder")[0].outcome, Outcome::NotChecked);
    // Nothing proved who presented it: the fact does not name the holder it claims.
    assert!(
        !r.issued_by.as_ref().unwrap().issuer.contains("did:key"),
        "{:?}",
        r.issued_by
    );
}

#[test]
fn a_holder_proof_binds_the_presentation_to_its_holder() {
    for suite in ["eddsa-jcs-2022", "eddsa-rdfc-2022"] {
        let p = proved(
            presentation(json!([badge("Teamwork"), badge("Rust")])),
            HOLDER,
            suite,
        );
        let r = run(&p);
        assert_eq!(
            r.verdict,
            Verdict::Valid,
            "{suite}: {}\n{:#?}",
            r.summary,
            r.checks
        );
        assert_eq!(check(&r, "holder")[0].outcome, Outcome::Passed, "{suite}");
        assert!(check(&r, "presentation-proof")
            .iter()
            .any(|c| c.outcome == Outcome::Passed && c.detail.contains("signature verified")));
        // challenge/domain cannot be checked here: said, not required.
        assert!(check(&r, "presentation-proof")
            .iter()
            .any(|c| c.outcome == Outcome::NotChecked && c.detail.contains("replay")));
        assert_eq!(r.issued_by.as_ref().unwrap().issuer, sign::did_key(HOLDER));
        assert_eq!(
            r.issued_by.as_ref().unwrap().how,
            IssuedHow::Presented {
                credentials: 2,
                holder_key: Some(sign::key_id(HOLDER))
            }
        );
    }
}

#[test]
fn a_holder_proof_by_a_stranger_fails_the_presentation_not_its_credentials() {
    let p = proved(
        presentation(json!([badge("Teamwork"), tampered("Rust")])),
        STRANGER,
        "eddsa-jcs-2022",
    );
    let r = run(&p);
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
    let holder = check(&r, "holder");
    assert_eq!(holder[0].outcome, Outcome::Failed, "{holder:?}");
    assert!(holder[0].detail.contains("not by the holder"), "{holder:?}");
    // The stranger's signature itself is intact: the failure is whose key it is.
    assert!(check(&r, "presentation-proof")
        .iter()
        .any(|c| c.outcome == Outcome::Passed && c.detail.contains("signature verified")));
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Invalid]);
    // Even with all credentials valid, the stranger's proof fails the presentation alone.
    let p = proved(
        presentation(json!([badge("Teamwork")])),
        STRANGER,
        "eddsa-jcs-2022",
    );
    let r = run(&p);
    assert_eq!(verdicts(&r), [Verdict::Valid]);
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
}

#[test]
fn a_tampered_presentation_fails_its_proof_not_its_credentials() {
    let mut p = proved(
        presentation(json!([badge("Teamwork")])),
        HOLDER,
        "eddsa-jcs-2022",
    );
    p["holder"] = json!(sign::did_key(STRANGER));
    let r = run(&p);
    assert_eq!(verdicts(&r), [Verdict::Valid]);
    assert_eq!(r.verdict, Verdict::Invalid);
    assert!(check(&r, "presentation-proof")
        .iter()
        .any(|c| c.outcome == Outcome::Failed));
}

#[test]
fn a_vc_jwt_presentation_with_a_vp_claim() {
    let vp = presentation(json!([badge_jwt("Teamwork"), badge("Rust")]));
    let claims = json!({"iss": sign::did_key(HOLDER), "nonce": "n-1", "vp": vp});
    let token = sign::jwt(&claims, HOLDER);
    let r = run_text(&token, &opts());
    assert_eq!(r.format, Some(Format::PresentationJwt));
    assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Valid]);
    assert_eq!(r.nested[0].format, Some(Format::Ob3Jwt));
    assert_eq!(check(&r, "holder")[0].outcome, Outcome::Passed);
    // Signed by a stranger: the presentation fails, its credentials do not.
    let r = run_text(&sign::jwt(&claims, STRANGER), &opts());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(verdicts(&r), [Verdict::Valid, Verdict::Valid]);
    assert_eq!(check(&r, "holder")[0].outcome, Outcome::Failed);
}

#[test]
fn a_vp_jwt_whose_payload_is_the_presentation() {
    let vp = presentation(json!([badge_jwt("Teamwork")]));
    let header = json!({"alg": "EdDSA", "typ": "vp+jwt", "kid": sign::key_id(HOLDER)});
    let token = sign::jwt_with_header(&header, &vp, HOLDER);
    let r = run_text(&token, &opts());
    assert_eq!(r.format, Some(Format::PresentationJwt));
    assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
    assert_eq!(verdicts(&r), [Verdict::Valid]);
    // Expired tokens fail the presentation only.
    let mut expired = vp.clone();
    expired["exp"] = json!(1735689600);
    let r = run_text(&sign::jwt_with_header(&header, &expired, HOLDER), &opts());
    assert_eq!(r.verdict, Verdict::Invalid);
    assert_eq!(verdicts(&r), [Verdict::Valid]);
}

#[test]
fn empty_and_hostile_presentations_are_clear_errors() {
    for (list, needle) in [
        (json!([]), "is empty"),
        (json!(null), "is missing"),
        (json!(42), "is a number"),
    ] {
        let r = run(&presentation(list.clone()));
        assert_eq!(r.verdict, Verdict::Error, "{list}: {}", r.summary);
        assert!(r.summary.contains(needle), "{list}: {}", r.summary);
        assert!(r.nested.is_empty());
    }
    let r = run(&presentation(
        json!([null, 5, "x.y", {"type": "VerifiableCredential"}]),
    ));
    assert_eq!(r.nested.len(), 4);
    assert!(verdicts(&r).iter().all(|v| *v != Verdict::Valid));
    assert_eq!(r.verdict, Verdict::Invalid, "{}", r.summary);
    assert!(
        r.nested[0].summary.contains("null"),
        "{}",
        r.nested[0].summary
    );
    // A `vp` claim that is not a presentation.
    let r = run_text(&sign::jwt(&json!({"vp": 5}), HOLDER), &opts());
    assert_eq!(r.verdict, Verdict::Error, "{}", r.summary);
    assert!(
        r.summary.contains("\"vp\" claim is a number"),
        "{}",
        r.summary
    );
    // A presentation inside a presentation is not a credential.
    let inner = presentation(json!([badge("Teamwork")]));
    let r = run(&presentation(json!([inner])));
    assert_eq!(r.nested[0].verdict, Verdict::Invalid);
    assert!(
        r.nested[0].summary.contains("not presentations"),
        "{}",
        r.nested[0].summary
    );
    assert_eq!(r.verdict, Verdict::Invalid);
}

#[test]
fn thousands_of_credentials_end_with_a_clear_check() {
    let token = badge_jwt("Teamwork");
    // 3000 entries within the payload limit (4 MiB): 150 tokens, then small objects.
    let mut list = vec![json!(token); 150];
    list.extend(std::iter::repeat_n(
        json!({"type": "VerifiableCredential"}),
        2850,
    ));
    let p = presentation(Value::Array(list));
    let r = run(&p);
    assert_eq!(r.nested.len(), 100, "{}", r.summary);
    assert!(verdicts(&r).iter().all(|v| *v == Verdict::Valid));
    assert_eq!(r.verdict, Verdict::Unverifiable, "{}", r.summary);
    assert!(
        r.summary.contains("3000 credentials") && r.summary.contains("only the first 100"),
        "{}",
        r.summary
    );
}

#[test]
fn credentials_past_the_deadline_are_not_verified_and_the_presentation_says_so() {
    // Each credential's key is at an https URL; every answer takes 12 s of the input's 30 s.
    let list: Vec<Value> = (0..10)
        .map(|i| {
            let mut c = sign::credential(
                "https://school.example/issuer",
                &format!("Skill {i}"),
                &sign::did_key(HOLDER),
                "2025-01-01T00:00:00Z",
            );
            c["issuer"]["id"] = json!("https://school.example/issuer");
            sign::sign_as(
                c,
                SCHOOL,
                CREATED,
                &format!("https://school.example/keys/{i}"),
            )
        })
        .collect();
    let f = MemoryFetcher::new().with_latency_ms(12_000);
    let input = Input::Bytes {
        name: "vp".into(),
        bytes: presentation(Value::Array(list)).to_string().into_bytes(),
    };
    let r = futures::executor::block_on(verify(&input, &f, &opts()));
    assert_eq!(r.verdict, Verdict::Unverifiable, "{}", r.summary);
    assert!(
        r.summary
            .starts_with("verification budget exceeded: the 30 s deadline"),
        "{}",
        r.summary
    );
    assert!(r.nested.len() < 10, "{}", r.nested.len());
    assert!(f.requests().len() <= 3, "{:?}", f.requests());
    let skipped = check(&r, "nested-credential");
    assert!(
        skipped
            .iter()
            .any(|c| c.detail.contains("were not verified")),
        "{skipped:?}"
    );
}
