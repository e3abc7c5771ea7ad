//! The browser app's end-to-end fixtures (tests/fixtures/e2e/*.jwt): OB 3.0 VC-JWTs signed here
//! with a fixed-seed Ed25519 did:key, so they verify offline. This test rebuilds each token
//! (Ed25519 signatures are deterministic), checks its verdict, and checks the committed file is
//! the same token; `UPDATE_FIXTURES=1 cargo test --test app_fixtures` rewrites the files.

#[path = "support/sign.rs"]
mod sign;

use badge_verifier::extract::{bake_png, bake_svg, BadgeVersion, Payload};
use badge_verifier::report::{Outcome, Verdict};
use badge_verifier::verify::Input;
use badge_verifier::{verify, MemoryFetcher, Options};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use chrono::{DateTime, Utc};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
const EARNER: &str = "alice@example.org";
const SALT: &str = "e2e-salt";
/// The issuer's key: the did:key of this seed.
const SEED: [u8; 32] = [42; 32];

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

/// A small SVG badge as a data URI, so the card shows an image without any network.
fn image() -> String {
    let svg = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 120 120"><circle cx="60" cy="60" r="56" fill="#1f6feb"/><circle cx="60" cy="60" r="44" fill="none" stroke="#fff" stroke-width="4"/><path d="M38 62l14 14 30-32" fill="none" stroke="#fff" stroke-width="9" stroke-linecap="round" stroke-linejoin="round"/></svg>"##;
    format!("data:image/svg+xml;base64,{}", STANDARD.encode(svg))
}

fn credential(name: &str, valid_until: Option<&str>) -> Value {
    let did = sign::did_key(SEED);
    let hash = hex::encode(Sha256::digest(format!("{EARNER}{SALT}").as_bytes()));
    let mut c = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2", OB_CONTEXT],
        "id": "urn:uuid:6a1c3f0e-7a51-4d55-9b1e-2f4c7c0e0a11",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": name,
        "issuer": {"id": did, "type": ["Profile"], "name": "Example Training Institute",
            "url": "https://training.example.org/"},
        "validFrom": "2024-03-12T09:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [{"type": "IdentityObject", "identityType": "emailAddress", "hashed": true,
                "identityHash": format!("sha256${hash}"), "salt": SALT}],
            "achievement": {
                "id": "https://training.example.org/achievements/teamwork",
                "type": ["Achievement"],
                "name": name,
                "description": "Awarded for leading a cross-functional team through a full project cycle.",
                "image": {"id": image(), "type": "Image"},
                "criteria": {"narrative": "The earner:\n\n- led a team of **at least four** people\n- delivered the project *on time*\n- wrote a retrospective ([template](https://training.example.org/retro))\n\n<script>alert('never run')</script>"},
                "alignment": [{"type": ["Alignment"], "targetName": "Collaboration",
                    "targetUrl": "https://framework.example.org/collaboration",
                    "targetFramework": "Example Skills Framework", "targetCode": "COL-2"}],
                "tag": ["teamwork", "leadership"]
            }
        },
        "evidence": [{"id": "https://training.example.org/evidence/42", "type": ["Evidence"],
            "name": "Project retrospective", "description": "Retrospective document."}]
    });
    if let Some(u) = valid_until {
        c["validUntil"] = json!(u);
    }
    let mut claims = c.clone();
    claims["iss"] = json!(did);
    claims["jti"] = c["id"].clone();
    claims["nbf"] = json!(1710234000);
    claims
}

/// The credential with an `eddsa-rdfc-2022` Data Integrity proof by the same did:key, without
/// the JWT claims.
fn sign_di(credential: &Value) -> Value {
    let mut doc = credential.clone();
    for k in ["iss", "jti", "nbf"] {
        doc.as_object_mut().unwrap().remove(k);
    }
    sign::sign(doc, SEED, "2024-03-12T09:00:00Z")
}

/// The same token with its payload changed after signing.
fn tamper(token: &str) -> String {
    let parts: Vec<&str> = token.split('.').collect();
    let mut p: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(parts[1]).unwrap()).unwrap();
    p["credentialSubject"]["achievement"]["name"] = json!("Teamwork (Gold)");
    p["name"] = json!("Teamwork (Gold)");
    format!(
        "{}.{}.{}",
        parts[0],
        b64(p.to_string().as_bytes()),
        parts[2]
    )
}

fn at() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2026-06-01T00:00:00Z")
        .unwrap()
        .with_timezone(&Utc)
}

fn check_fixture(file: &str, token: &str) {
    check_bytes(file, token.as_bytes());
}

fn check_bytes(file: &str, bytes: &[u8]) {
    let path = format!(
        "{}/../../tests/fixtures/e2e/{file}",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, bytes).unwrap();
    }
    let committed = std::fs::read(&path).unwrap();
    assert!(
        committed.trim_ascii() == bytes.trim_ascii(),
        "{file} is stale: UPDATE_FIXTURES=1 rewrites it"
    );
}

async fn verdict_of(token: &str, recipient: Option<&str>) -> badge_verifier::Report {
    verdict_of_bytes(token.as_bytes(), recipient).await
}

async fn verdict_of_bytes(bytes: &[u8], recipient: Option<&str>) -> badge_verifier::Report {
    let mut opts = Options::at(at());
    opts.recipient = recipient.map(String::from);
    let input = Input::Bytes {
        name: "t.jwt".into(),
        bytes: bytes.to_vec(),
    };
    // No documents at all: a did:key JWT verifies offline, as in the browser.
    verify(&input, &MemoryFetcher::new(), &opts).await
}

#[test]
fn e2e_fixtures_are_current_and_have_the_expected_verdicts() {
    futures::executor::block_on(async {
        let valid = sign::jwt(&credential("Teamwork", None), SEED);
        let r = verdict_of(&valid, Some("Alice@Example.org")).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        assert_eq!(r.recipient_match, Some(true));
        let r = verdict_of(&valid, Some("bob@example.org")).await;
        assert_eq!(r.recipient_match, Some(false));
        assert!(r
            .checks
            .iter()
            .any(|c| c.id == "recipient" && c.outcome == Outcome::Warning));
        check_fixture("teamwork-valid.jwt", &valid);

        // The same credential with a Data Integrity proof instead of a JWT.
        let di = serde_json::to_string_pretty(&sign_di(&credential("Teamwork", None))).unwrap();
        let r = verdict_of_bytes(di.as_bytes(), Some("alice@example.org")).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        assert_eq!(r.recipient_match, Some(true));
        check_fixture("teamwork-di.json", &di);

        // The same credential baked into a PNG (the 1EdTech sample image) and an SVG.
        let payload = Payload::Jws(valid.clone());
        let base = std::fs::read(format!(
            "{}/../../tests/fixtures/extract/ob30-simple-jwt.png",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let png = bake_png(&base, BadgeVersion::Ob3, &payload).unwrap();
        let r = verdict_of_bytes(&png, None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_bytes("teamwork-baked.png", &png);
        let svg_base = String::from_utf8(STANDARD.decode(&image()[26..]).unwrap()).unwrap();
        let svg = bake_svg(svg_base.as_bytes(), BadgeVersion::Ob3, &payload).unwrap();
        let r = verdict_of_bytes(&svg, None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_bytes("teamwork-baked.svg", &svg);

        let expired = sign::jwt(
            &credential("Project Management Basics", Some("2025-01-01T00:00:00Z")),
            SEED,
        );
        let r = verdict_of(&expired, None).await;
        assert_eq!(r.verdict, Verdict::Expired, "{:#?}", r.checks);
        check_fixture("pm-expired.jwt", &expired);

        let tampered = tamper(&valid);
        let r = verdict_of(&tampered, None).await;
        assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
        assert!(r
            .checks
            .iter()
            .any(|c| c.id == "proof" && c.outcome == Outcome::Failed));
        check_fixture("teamwork-tampered.jwt", &tampered);
    });
}

/// Issue #16's end-to-end fixtures: a plain W3C credential (not an Open Badge), a CLR 2.0
/// transcript, a presentation, and a VC-JOSE-COSE enveloped credential, all from fixed-seed
/// did:key issuers, so they verify offline in the browser.
#[test]
fn issue16_e2e_fixtures_are_current_and_have_the_expected_verdicts() {
    const SCHOOL: [u8; 32] = [43; 32];
    const REGISTRAR: [u8; 32] = [44; 32];
    const CREATED: &str = "2024-03-12T09:00:00Z";
    futures::executor::block_on(async {
        // A university's alumni credential: a Verifiable Credential that is not an Open Badge.
        let did = sign::did_key(SCHOOL);
        let alumni = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/ns/credentials/examples/v2"],
            "id": "urn:uuid:5c2a4a3e-0d55-4b7e-9d47-0b9e7f2d4a10",
            "type": ["VerifiableCredential", "AlumniCredential"],
            "name": "Alumni of Example University",
            "description": "Graduated with a BSc in Computer Science.",
            "issuer": {"id": did, "name": "Example University"},
            "validFrom": "2024-03-12T09:00:00Z",
            "credentialSubject": {"id": "did:example:alice", "name": "Alice",
                "alumniOf": {"name": "Example University"}}
        });
        let signed = sign::sign(alumni, SCHOOL, CREATED);
        let text = serde_json::to_string_pretty(&signed).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        assert_eq!(r.format, Some(badge_verifier::Format::VcDataIntegrity));
        check_fixture("vc-alumni.json", &text);
        let mut forged = signed.clone();
        forged["description"] = json!("Graduated with honours.");
        let text = serde_json::to_string_pretty(&forged).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
        check_fixture("vc-alumni-tampered.json", &text);

        // A CLR 2.0 transcript from a registrar holding two course credentials, one of them
        // altered after signing: the whole is invalid, the other course stays valid.
        let course = |name: &str, grade: &str| {
            let mut c = sign::credential(&did, name, "did:example:alice", "2024-01-15T00:00:00Z");
            c["type"] = json!(["VerifiableCredential", "AchievementCredential"]);
            c["credentialSubject"]["achievement"]["achievementType"] = json!("Course");
            c["credentialSubject"]["result"] = json!([{"type": ["Result"], "value": grade}]);
            sign::sign(c, SCHOOL, CREATED)
        };
        let clr = |courses: Vec<Value>| {
            let c = json!({
                "@context": ["https://www.w3.org/ns/credentials/v2",
                    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
                    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
                "id": "urn:uuid:0d3d2b8e-3f5a-4f7a-a0b5-9f1e3f6a1c22",
                "type": ["VerifiableCredential", "ClrCredential"],
                "name": "Transcript of Alice",
                "issuer": {"id": sign::did_key(REGISTRAR), "type": ["Profile"], "name": "Example University Registrar"},
                "validFrom": "2024-03-12T09:00:00Z",
                "credentialSubject": {"id": "did:example:alice", "type": ["ClrSubject"],
                    "verifiableCredential": courses}
            });
            sign::sign(c, REGISTRAR, CREATED)
        };
        let good = clr(vec![course("Algebra I", "A"), course("Databases", "B+")]);
        let text = serde_json::to_string_pretty(&good).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
        assert_eq!(r.nested.len(), 2);
        check_fixture("clr-transcript.json", &text);
        let mut altered = course("Databases", "B+");
        altered["credentialSubject"]["result"][0]["value"] = json!("A+");
        let text =
            serde_json::to_string_pretty(&clr(vec![course("Algebra I", "A"), altered])).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
        assert_eq!(
            r.nested.iter().map(|n| n.verdict).collect::<Vec<_>>(),
            [Verdict::Valid, Verdict::Invalid]
        );
        check_fixture("clr-one-altered.json", &text);

        // A presentation (no holder proof) of the teamwork badge and a tampered token.
        let presentation = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": ["VerifiablePresentation"],
            "verifiableCredential": [sign_di(&credential("Teamwork", None)),
                tamper(&sign::jwt(&credential("Teamwork", None), SEED))]
        });
        let text = serde_json::to_string_pretty(&presentation).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(
            r.nested.iter().map(|n| n.verdict).collect::<Vec<_>>(),
            [Verdict::Valid, Verdict::Invalid]
        );
        assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
        check_fixture("vp-two-badges.json", &text);

        // The same presentation as a VC-JWT 1.1 `vp` claim, signed by the holder's did:key.
        let holder = sign::did_key([47; 32]);
        let vp_claims = json!({"iss": holder, "vp": presentation});
        let vp_jwt = sign::jwt(&vp_claims, [47; 32]);
        let r = verdict_of(&vp_jwt, None).await;
        assert_eq!(r.format, Some(badge_verifier::Format::PresentationJwt));
        assert_eq!(
            r.nested.iter().map(|n| n.verdict).collect::<Vec<_>>(),
            [Verdict::Valid, Verdict::Invalid]
        );
        check_fixture("vp-two-badges.jwt", &vp_jwt);

        // The valid transcript as a JWT (VC 2.0: the payload is the CLR) signed by the registrar.
        let mut clr_payload = good.clone();
        clr_payload.as_object_mut().unwrap().remove("proof");
        let clr_jwt = sign::jwt(&clr_payload, REGISTRAR);
        let r = verdict_of(&clr_jwt, None).await;
        assert_eq!(r.format, Some(badge_verifier::Format::ClrJwt));
        assert_eq!(r.verdict, Verdict::Valid, "{}\n{:#?}", r.summary, r.checks);
        check_fixture("clr-transcript.jwt", &clr_jwt);

        // VC-JOSE-COSE: the teamwork badge as `vc+jwt`, enveloped in a data: URL.
        let header = json!({"alg": "EdDSA", "typ": "vc+jwt", "cty": "vc",
            "kid": format!("{}#{}", sign::did_key(SEED), &sign::did_key(SEED)[8..])});
        let token = sign::jwt_with_header(&header, &credential("Teamwork", None), SEED);
        let enveloped = json!({
            "@context": ["https://www.w3.org/ns/credentials/v2"],
            "type": "EnvelopedVerifiableCredential",
            "id": format!("data:application/vc+jwt,{token}")
        });
        let text = serde_json::to_string_pretty(&enveloped).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_fixture("enveloped-vc-jwt.json", &text);
        let mut forged = enveloped.clone();
        forged["id"] = json!(format!("data:application/vc+jwt,{}", tamper(&token)));
        let text = serde_json::to_string_pretty(&forged).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
        check_fixture("enveloped-vc-jwt-tampered.json", &text);
    });
}

/// Issue #16's fixtures for the app's on-demand module: badges its first load leaves to it
/// (an ES384 and an RS256 VC-JWT, an ecdsa-rdfc-2019 P-384 proof, JSON-LD the fast path does
/// not cover), each from its own DID so it verifies offline.
#[test]
fn on_demand_e2e_fixtures_are_current_and_valid() {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
    use sha2::Sha384;
    let b64 = |b: &[u8]| B64.encode(b);
    let jws = |header: &Value, payload: &Value, sign: &dyn Fn(&[u8]) -> Vec<u8>| {
        let input = format!(
            "{}.{}",
            b64(header.to_string().as_bytes()),
            b64(payload.to_string().as_bytes())
        );
        let sig = sign(input.as_bytes());
        format!("{input}.{}", b64(&sig))
    };
    let issued_by = |did: &str| {
        let mut c = credential("Teamwork", None);
        c["issuer"]["id"] = json!(did);
        c["iss"] = json!(did);
        c
    };
    futures::executor::block_on(async {
        // ES384 by a P-384 did:key (multicodec 0x1201, compressed point).
        let p384_key = p384::ecdsa::SigningKey::from_slice(&[45; 48]).unwrap();
        let point = p384_key.verifying_key().to_encoded_point(true);
        let mb = bs58::encode([&[0x81, 0x24][..], point.as_bytes()].concat()).into_string();
        let did = format!("did:key:z{mb}");
        let header = json!({"alg": "ES384", "typ": "JWT", "kid": format!("{did}#z{mb}")});
        let token = jws(&header, &issued_by(&did), &|m| {
            use p384::ecdsa::signature::Signer;
            let s: p384::ecdsa::Signature = p384_key.sign(m);
            s.to_bytes().to_vec()
        });
        let r = verdict_of(&token, None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_fixture("ob3-es384.jwt", &token);
        let tampered = tamper(&token);
        let r = verdict_of(&tampered, None).await;
        assert_eq!(r.verdict, Verdict::Invalid, "{:#?}", r.checks);
        check_fixture("ob3-es384-tampered.jwt", &tampered);

        // ecdsa-rdfc-2019 with the same P-384 key (vc-di-ecdsa §3.3: SHA-384 of each part).
        let mut doc = issued_by(&did);
        add_ecdsa_proof(
            &mut doc,
            "ecdsa-rdfc-2019",
            &format!("{did}#z{mb}"),
            |o, d| {
                use p384::ecdsa::signature::Signer;
                let data = [Sha384::digest(o), Sha384::digest(d)].concat();
                let s: p384::ecdsa::Signature = p384_key.sign(&data);
                s.to_bytes().to_vec()
            },
        );
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_fixture("ob3-p384-di.json", &text);

        // RS256 by a did:jwk of the test RSA key (PKCS#1 v1.5 signatures are deterministic).
        let rsa_key = {
            use rsa::pkcs1::DecodeRsaPrivateKey;
            let pem = std::fs::read_to_string(format!(
                "{}/../../tests/fixtures/ob3/rsa-test-key.pem",
                env!("CARGO_MANIFEST_DIR")
            ))
            .unwrap();
            rsa::RsaPrivateKey::from_pkcs1_pem(&pem).unwrap()
        };
        let public = rsa_key.to_public_key();
        use rsa::traits::PublicKeyParts;
        let jwk = json!({"kty": "RSA", "n": b64(&public.n().to_bytes_be()), "e": b64(&public.e().to_bytes_be())});
        let did = format!("did:jwk:{}", b64(jwk.to_string().as_bytes()));
        let header = json!({"alg": "RS256", "typ": "JWT", "kid": format!("{did}#0")});
        let token = jws(&header, &issued_by(&did), &|m| {
            use rsa::signature::{SignatureEncoding, Signer};
            let sk = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(rsa_key.clone());
            sk.sign(m).to_vec()
        });
        let r = verdict_of(&token, None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_fixture("ob3-rs256.jwt", &token);

        // ES256K by a secp256k1 did:key (multicodec 0xe7, compressed point); RFC 6979 signatures
        // are deterministic.
        let k256_key = k256::ecdsa::SigningKey::from_slice(&[46; 32]).unwrap();
        let point = k256_key.verifying_key().to_encoded_point(true);
        let mb = bs58::encode([&[0xe7, 0x01][..], point.as_bytes()].concat()).into_string();
        let did = format!("did:key:z{mb}");
        let header = json!({"alg": "ES256K", "typ": "JWT", "kid": format!("{did}#z{mb}")});
        let token = jws(&header, &issued_by(&did), &|m| {
            use k256::ecdsa::signature::Signer;
            let s: k256::ecdsa::Signature = k256_key.sign(m);
            s.to_bytes().to_vec()
        });
        let r = verdict_of(&token, None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_fixture("ob3-es256k.jwt", &token);

        // ecdsa-jcs-2019 with a P-256 did:key (multicodec 0x1200): in the first load.
        let p256_key = p256::ecdsa::SigningKey::from_slice(&[48; 32]).unwrap();
        let point = p256_key.verifying_key().to_encoded_point(true);
        let mb = bs58::encode([&[0x80, 0x24][..], point.as_bytes()].concat()).into_string();
        let did = format!("did:key:z{mb}");
        let mut doc = issued_by(&did);
        add_ecdsa_proof(
            &mut doc,
            "ecdsa-jcs-2019",
            &format!("{did}#z{mb}"),
            |o, d| {
                use p256::ecdsa::signature::Signer;
                let data = [Sha256::digest(o), Sha256::digest(d)].concat();
                let s: p256::ecdsa::Signature = p256_key.sign(&data);
                s.to_bytes().to_vec()
            },
        );
        let text = serde_json::to_string_pretty(&doc).unwrap();
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_fixture("ob3-ecdsa-jcs-p256.json", &text);

        // JSON-LD outside the fast path's subset (a language-tagged description): the general
        // expansion, which the app's first load leaves to the module.
        let mut c = credential("Teamwork", None);
        c["description"] = json!({"@value": "Works well with others.", "@language": "en"});
        let signed = sign_di(&c);
        let text = serde_json::to_string_pretty(&signed).unwrap();
        let mut unsigned = signed.clone();
        unsigned.as_object_mut().unwrap().remove("proof");
        assert!(
            badge_verifier::proof::jsonld_fast::to_dataset(&unsigned).is_none(),
            "the fast path must decline this fixture"
        );
        let r = verdict_of_bytes(text.as_bytes(), None).await;
        assert_eq!(r.verdict, Verdict::Valid, "{:#?}", r.checks);
        check_fixture("ob3-language.json", &text);
    });
}

/// Adds a `suite` proof (ecdsa-rdfc-2019 or ecdsa-jcs-2019) by `vm` to `doc` without its JWT
/// claims; `sign` signs the canonical proof options and document (vc-di-ecdsa §3.3 / §3.4).
fn add_ecdsa_proof(doc: &mut Value, suite: &str, vm: &str, sign: impl Fn(&str, &str) -> Vec<u8>) {
    for k in ["iss", "jti", "nbf"] {
        doc.as_object_mut().unwrap().remove(k);
    }
    let mut proof = json!({"type": "DataIntegrityProof", "cryptosuite": suite,
        "created": "2024-03-12T09:00:00Z", "verificationMethod": vm,
        "proofPurpose": "assertionMethod"});
    let (unsecured, options) = badge_verifier::proof::data_integrity::prepare(doc, &proof).unwrap();
    let canon = |v: &Value| match suite {
        "ecdsa-jcs-2019" => serde_json_canonicalizer::to_string(v).unwrap(),
        _ => badge_verifier::proof::jsonld::canonicalize(v).unwrap(),
    };
    let sig = sign(&canon(&options), &canon(&unsecured));
    proof["proofValue"] = json!(format!("z{}", bs58::encode(sig).into_string()));
    doc["proof"] = proof;
}
