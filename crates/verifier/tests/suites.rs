//! Issue #16 item 5, suites and keys: `ecdsa-rdfc-2019` and `ecdsa-jcs-2019` with P-256 and
//! P-384, `ecdsa-sd-2023` derived proofs, VC-JWT `ES384`, `ES256K` and `PS256`, P-384 and
//! secp256k1 keys (Multikey, did:key, JWK, PEM).
//!
//! - The W3C vc-di-ecdsa test vectors (tests/fixtures/di-ecdsa/README.md: repository, commit,
//!   files): byte-exact canonical forms and hashes, the signature verifies, and fails on a copy
//!   with one claim changed.
//! - Through `verify()`: credentials signed here with the vectors' own key pairs, issued by
//!   their did:key, are valid; tampered ones invalid; a proof that verifies with a key that is
//!   not the issuer's stays invalid (trust rules unchanged).
//! - JWTs signed here with deterministic RustCrypto keys (RFC examples for these algorithms are
//!   rare), each valid, invalid when tampered, invalid when signed by another key.

mod status_support;

use badge_verifier::jose::keys::PublicKey;
use badge_verifier::proof::data_integrity::{prepare, verify as verify_proof, ProofError};
use badge_verifier::proof::jsonld;
use badge_verifier::report::{Outcome, Report, Verdict};
use badge_verifier::{Format, MemoryFetcher};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};
use sha2::{Digest, Sha256, Sha384};
use status_support::{assert_verdict, one, run, run_bytes, OB_CONTEXT, VC2};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/di-ecdsa");

fn text(path: &str) -> String {
    std::fs::read_to_string(format!("{DIR}/{path}")).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn json_file(path: &str) -> Value {
    serde_json::from_str(&text(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn b64(b: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(b)
}

/// The key a did:key verification method names.
fn did_key_public(vm: &str) -> PublicKey {
    let mb = vm
        .strip_prefix("did:key:")
        .and_then(|r| r.split('#').next())
        .unwrap_or_else(|| panic!("not a did:key: {vm}"));
    PublicKey::from_multibase(mb).unwrap_or_else(|e| panic!("{vm}: {e}"))
}

fn verify_vector(
    cred: &Value,
) -> Result<badge_verifier::proof::data_integrity::ProofEvidence, ProofError> {
    let proof = &cred["proof"];
    let key = did_key_public(proof["verificationMethod"].as_str().unwrap());
    verify_proof(cred, proof, &key)
}

// --- the W3C vectors: ecdsa-rdfc-2019 and ecdsa-jcs-2019 -----------------------------------

/// `dir` holds `signed{name}.json` and the intermediate values named `{what}{name}.txt`.
fn ecdsa_vector(dir: &str, name: &str, suite: &str, curve: &str) {
    let cred = json_file(&format!("{dir}/signed{name}.json"));
    let ev = verify_vector(&cred).unwrap_or_else(|e| panic!("{dir}: {e}"));
    assert_eq!(ev.suite, suite);
    assert_eq!(ev.verified_with().kind(), curve);
    let file = |what: &str| text(&format!("{dir}/{what}{name}.txt"));
    assert_eq!(
        ev.canonical_document.trim_end(),
        file("canonDoc").trim_end()
    );
    assert_eq!(ev.canonical_proof.trim_end(), file("proofCanon").trim_end());
    assert_eq!(ev.document_hash, file("docHash").trim());
    assert_eq!(ev.proof_hash, file("proofHash").trim());
    assert_eq!(
        format!("{}{}", ev.proof_hash, ev.document_hash),
        file("combinedHash").trim()
    );
    // SHA-384 for P-384 (vc-di-ecdsa "Hashing"): 48-byte hashes.
    let hash_len = if curve == "P-384" { 96 } else { 64 };
    assert_eq!(ev.document_hash.len(), hash_len);
    let (_, options) = prepare(&cred, &cred["proof"]).unwrap();
    assert_eq!(options, json_file(&format!("{dir}/proofConfig{name}.json")));
    // One changed claim (tampered-*.json): the signature no longer matches.
    let tampered = json_file(&format!("{dir}/tampered-signed{name}.json"));
    assert_ne!(tampered, cred);
    assert_eq!(
        verify_vector(&tampered).err(),
        Some(ProofError::BadSignature)
    );
}

#[test]
fn w3c_ecdsa_rdfc_2019_p256() {
    ecdsa_vector(
        "ecdsa-rdfc-2019-p256",
        "ECDSAP256",
        "ecdsa-rdfc-2019",
        "P-256",
    );
}

#[test]
fn w3c_ecdsa_rdfc_2019_p384() {
    ecdsa_vector(
        "ecdsa-rdfc-2019-p384",
        "ECDSAP384",
        "ecdsa-rdfc-2019",
        "P-384",
    );
}

#[test]
fn w3c_ecdsa_jcs_2019_p256() {
    ecdsa_vector(
        "ecdsa-jcs-2019-p256",
        "JCSECDSAP256",
        "ecdsa-jcs-2019",
        "P-256",
    );
}

#[test]
fn w3c_ecdsa_jcs_2019_p384() {
    ecdsa_vector(
        "ecdsa-jcs-2019-p384",
        "JCSECDSAP384",
        "ecdsa-jcs-2019",
        "P-384",
    );
}

/// The vectors' did:keys are the published key pairs' public keys.
#[test]
fn w3c_key_pairs_are_the_vectors_did_keys() {
    for (pair, kind) in [("p256KeyPair.json", "P-256"), ("p384KeyPair.json", "P-384")] {
        let mb = json_file(pair)["publicKeyMultibase"]
            .as_str()
            .unwrap()
            .to_string();
        assert_eq!(PublicKey::from_multibase(&mb).unwrap().kind(), kind);
    }
    let p384 = json_file("p384KeyPair.json")["publicKeyMultibase"]
        .as_str()
        .unwrap()
        .to_string();
    let vm = json_file("ecdsa-rdfc-2019-p384/signedECDSAP384.json")["proof"]["verificationMethod"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(vm, format!("did:key:{p384}#{p384}"));
}

// --- the W3C vectors: ecdsa-sd-2023 -----------------------------------------------------------

fn sd_vector(set: &str) {
    let dir = format!("ecdsa-sd-2023/{set}");
    let cred = json_file(&format!("{dir}/derivedRevealDocument.json"));
    let ev = verify_vector(&cred).unwrap_or_else(|e| panic!("{dir}: {e}"));
    assert_eq!(ev.suite, "ecdsa-sd-2023");
    // createVerifyData: the relabelled N-Quads and the proof hash, byte for byte.
    let nquads: Vec<String> =
        serde_json::from_value(json_file(&format!("{dir}/verifyNQuads.json"))).unwrap();
    assert_eq!(ev.canonical_document, nquads.concat());
    let data = json_file(&format!("{dir}/verifyCreateVerifyData.json"));
    assert_eq!(ev.proof_hash, data["proofHash"].as_str().unwrap());
    let mandatory: Vec<usize> = serde_json::from_value(
        json_file(&format!("{dir}/verifyDerivedProofValue.json"))["mandatoryIndexes"].clone(),
    )
    .unwrap();
    let mandatory_nquads: String = mandatory.iter().map(|&i| nquads[i].as_str()).collect();
    assert_eq!(
        ev.document_hash,
        hex::encode(Sha256::digest(mandatory_nquads))
    );
    // A changed selectively disclosed claim (its own signature) and a changed mandatory one
    // (the base signature) each fail.
    for tampered in ["tampered-disclosed", "tampered-mandatory"] {
        let t = json_file(&format!("{dir}/{tampered}-derivedRevealDocument.json"));
        assert_ne!(t, cred);
        assert_eq!(
            verify_vector(&t).err(),
            Some(ProofError::BadSignature),
            "{tampered}"
        );
    }
    // A disclosed statement left out: one signature too many (PROOF_VERIFICATION_ERROR).
    let mut fewer = cred.clone();
    fewer.as_object_mut().unwrap().remove("validUntil");
    assert!(
        matches!(verify_vector(&fewer), Err(ProofError::Invalid(m)) if m.contains("signatures for")),
    );
    // The base proof, which the holder keeps: refused per parseDerivedProofValue.
    let base = json_file(&format!("{dir}/addSignedSDBase.json"));
    match verify_vector(&base) {
        Err(ProofError::Invalid(m)) => assert!(m.contains("base proof"), "{m}"),
        other => panic!("{other:?}"),
    }
    // The proof value's signatures are the vector's.
    let pv = json_file(&format!("{dir}/verifyDerivedProofValue.json"));
    assert_eq!(data["baseSignature"], pv["baseSignature"]);
}

#[test]
fn w3c_ecdsa_sd_2023_employment_authorization() {
    sd_vector("employ");
}

#[test]
fn w3c_ecdsa_sd_2023_permanent_resident_card() {
    sd_vector("prc");
}

#[test]
fn ecdsa_sd_2023_needs_the_issuers_p256_key() {
    let cred = json_file("ecdsa-sd-2023/employ/derivedRevealDocument.json");
    // Another P-256 key (the proof-scoped one): the base signature does not verify.
    let other = PublicKey::from_multibase(
        json_file("ecdsa-sd-2023/SDKeyMaterial.json")["proofKeyPair"]["publicKeyMultibase"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert_eq!(
        verify_proof(&cred, &cred["proof"], &other).err(),
        Some(ProofError::BadSignature)
    );
    let p384 = PublicKey::from_multibase(
        json_file("p384KeyPair.json")["publicKeyMultibase"]
            .as_str()
            .unwrap(),
    )
    .unwrap();
    assert!(matches!(
        verify_proof(&cred, &cred["proof"], &p384),
        Err(ProofError::NotImplemented(_))
    ));
    let ed25519 = PublicKey::from_multibase("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK");
    assert!(matches!(
        verify_proof(&cred, &cred["proof"], &ed25519.unwrap()),
        Err(ProofError::KeyMismatch { .. })
    ));
}

#[test]
fn bbs_2023_is_not_implemented_never_passed() {
    let mut cred = json_file("ecdsa-sd-2023/employ/derivedRevealDocument.json");
    cred["proof"]["cryptosuite"] = json!("bbs-2023");
    match verify_vector(&cred) {
        Err(e @ ProofError::NotImplemented(_)) => {
            assert!(e.to_string().contains("bbs-2023 is not implemented"), "{e}")
        }
        other => panic!("{other:?}"),
    }
}

// --- through verify(): issuer binding -------------------------------------------------------

/// The proof verifies but the did:key is not the issuer (the vectors name other issuers): the
/// trust rules make it invalid, with the proof itself reported as verified.
fn assert_verified_but_not_the_issuers(r: &Report) {
    assert_verdict(r, Verdict::Invalid);
    assert_eq!(one(r, "proof").outcome, Outcome::Passed, "{:#?}", r.checks);
    let c = one(r, "proof-controller");
    assert_eq!(
        (c.outcome, c.effect),
        (Outcome::Failed, Some(Verdict::Invalid)),
        "{c:?}"
    );
}

#[test]
fn w3c_vectors_through_verify_are_not_the_issuers() {
    for path in [
        "ecdsa-rdfc-2019-p256/signedECDSAP256.json",
        "ecdsa-rdfc-2019-p384/signedECDSAP384.json",
        "ecdsa-jcs-2019-p256/signedJCSECDSAP256.json",
        "ecdsa-jcs-2019-p384/signedJCSECDSAP384.json",
        "ecdsa-sd-2023/employ/derivedRevealDocument.json",
        "ecdsa-sd-2023/prc/derivedRevealDocument.json",
    ] {
        let r = run(&json_file(path), &MemoryFetcher::new());
        assert_verified_but_not_the_issuers(&r);
        assert!(r.issued_by.is_none(), "{path}");
    }
    for path in [
        "ecdsa-rdfc-2019-p384/tampered-signedECDSAP384.json",
        "ecdsa-sd-2023/employ/tampered-disclosed-derivedRevealDocument.json",
        "ecdsa-sd-2023/prc/tampered-mandatory-derivedRevealDocument.json",
    ] {
        let r = run(&json_file(path), &MemoryFetcher::new());
        assert_verdict(&r, Verdict::Invalid);
        assert_eq!(one(&r, "proof").outcome, Outcome::Failed, "{path}");
    }
}

/// A signer with a vector's key pair (multicodec p256-priv 0x1306 / p384-priv 0x1307).
enum Signer {
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
}

impl Signer {
    fn from_pair(file: &str) -> (Signer, String) {
        let pair = json_file(file);
        let secret = bs58::decode(
            pair["secretKeyMultibase"]
                .as_str()
                .unwrap()
                .trim_start_matches('z'),
        )
        .into_vec()
        .unwrap();
        let signer = match secret.as_slice() {
            [0x86, 0x26, k @ ..] => Signer::P256(p256::ecdsa::SigningKey::from_slice(k).unwrap()),
            [0x87, 0x26, k @ ..] => Signer::P384(p384::ecdsa::SigningKey::from_slice(k).unwrap()),
            other => panic!("unexpected secret key codec {:02x?}", &other[..2]),
        };
        let mb = pair["publicKeyMultibase"].as_str().unwrap().to_string();
        (signer, mb)
    }

    /// Adds a `suite` proof (ecdsa-rdfc-2019 or ecdsa-jcs-2019) by `vm`: vc-di-ecdsa §3.3 / §3.4.
    fn sign(&self, doc: Value, suite: &str, vm: &str) -> Value {
        let proof = json!({"type": "DataIntegrityProof", "cryptosuite": suite,
            "created": "2024-01-01T00:00:00Z", "verificationMethod": vm,
            "proofPurpose": "assertionMethod"});
        let (unsecured, options) = prepare(&doc, &proof).unwrap();
        let canon = |v: &Value| match suite {
            "ecdsa-jcs-2019" => serde_json_canonicalizer::to_string(v).unwrap(),
            _ => jsonld::canonicalize(v).unwrap(),
        };
        let (d, o) = (canon(&unsecured), canon(&options));
        let sig = match self {
            Signer::P256(k) => {
                use p256::ecdsa::signature::Signer;
                let data = [Sha256::digest(o), Sha256::digest(d)].concat();
                let s: p256::ecdsa::Signature = k.sign(&data);
                s.to_bytes().to_vec()
            }
            Signer::P384(k) => {
                use p384::ecdsa::signature::Signer;
                let data = [Sha384::digest(o), Sha384::digest(d)].concat();
                let s: p384::ecdsa::Signature = k.sign(&data);
                s.to_bytes().to_vec()
            }
        };
        let mut proof = proof;
        proof["proofValue"] = json!(format!("z{}", bs58::encode(sig).into_string()));
        let mut doc = doc;
        doc["proof"] = proof;
        doc
    }
}

/// An OB 3.0 credential issued by `did`.
fn badge(did: &str) -> Value {
    json!({
        "@context": [VC2, OB_CONTEXT],
        "id": "urn:uuid:5f6a1c9e-2b7d-4e8f-9a0b-1c2d3e4f5a6b",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Suites badge",
        "issuer": {"id": did, "type": ["Profile"], "name": "Suites Test Issuer"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://issuer.example/achievements/suites",
                "type": ["Achievement"],
                "name": "Suites",
                "description": "Signs with every suite.",
                "criteria": {"narrative": "Be verified."}
            }
        }
    })
}

#[test]
fn ecdsa_2019_credentials_by_their_did_key_issuer_are_valid_and_fail_when_tampered() {
    for (pair, suite) in [
        ("p384KeyPair.json", "ecdsa-rdfc-2019"),
        ("p384KeyPair.json", "ecdsa-jcs-2019"),
        ("p256KeyPair.json", "ecdsa-jcs-2019"),
        ("p256KeyPair.json", "ecdsa-rdfc-2019"),
    ] {
        let (signer, mb) = Signer::from_pair(pair);
        let did = format!("did:key:{mb}");
        let signed = signer.sign(badge(&did), suite, &format!("{did}#{mb}"));
        let r = run(&signed, &MemoryFetcher::new());
        assert_verdict(&r, Verdict::Valid);
        assert_eq!(r.format, Some(Format::Ob3DataIntegrity));
        assert!(
            one(&r, "proof").detail.contains(suite),
            "{:?}",
            one(&r, "proof")
        );
        assert!(r.issued_by.is_some());
        let mut tampered = signed.clone();
        tampered["credentialSubject"]["achievement"]["name"] = json!("Forgery");
        let r = run(&tampered, &MemoryFetcher::new());
        assert_verdict(&r, Verdict::Invalid);
        assert_eq!(one(&r, "proof").outcome, Outcome::Failed, "{pair} {suite}");
        // Signed by the vector's key but naming another did:key issuer: not the issuer's key.
        let other = "did:key:z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
        let r = run(
            &signer.sign(badge(other), suite, &format!("{did}#{mb}")),
            &MemoryFetcher::new(),
        );
        assert_verified_but_not_the_issuers(&r);
    }
}

// --- VC-JWT: ES384, ES256K, PS256 ---------------------------------------------------------------

/// A VC 2.0 OpenBadgeCredential as a JWT payload with the claims OB 3.0 requires.
fn payload(issuer: &str) -> Value {
    let mut p = badge(issuer);
    p["iss"] = json!(issuer);
    p["sub"] = json!("did:example:learner");
    p["jti"] = json!("urn:uuid:5f6a1c9e-2b7d-4e8f-9a0b-1c2d3e4f5a6b");
    p["nbf"] = json!(1704067200);
    p
}

fn signing_input(header: &Value, payload: &Value) -> String {
    format!(
        "{}.{}",
        b64(header.to_string().as_bytes()),
        b64(payload.to_string().as_bytes())
    )
}

/// A key pair of each new algorithm, from fixed seeds.
enum JwtKey {
    Es384(p384::ecdsa::SigningKey),
    Es256k(k256::ecdsa::SigningKey),
    Ps256(Box<rsa::RsaPrivateKey>),
}

impl JwtKey {
    fn es384(seed: u8) -> JwtKey {
        JwtKey::Es384(p384::ecdsa::SigningKey::from_slice(&[seed; 48]).unwrap())
    }
    fn es256k(seed: u8) -> JwtKey {
        JwtKey::Es256k(k256::ecdsa::SigningKey::from_slice(&[seed; 32]).unwrap())
    }
    fn ps256() -> JwtKey {
        use rsa::pkcs1::DecodeRsaPrivateKey;
        let pem = std::fs::read_to_string(format!(
            "{}/../../tests/fixtures/ob3/rsa-test-key.pem",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        JwtKey::Ps256(Box::new(rsa::RsaPrivateKey::from_pkcs1_pem(&pem).unwrap()))
    }

    fn alg(&self) -> &'static str {
        match self {
            JwtKey::Es384(_) => "ES384",
            JwtKey::Es256k(_) => "ES256K",
            JwtKey::Ps256(_) => "PS256",
        }
    }

    /// The public JWK (RFC 7518 §6, RFC 8812 §3.1).
    fn jwk(&self) -> Value {
        match self {
            JwtKey::Es384(k) => {
                let p = k.verifying_key().to_encoded_point(false);
                json!({"kty": "EC", "crv": "P-384", "x": b64(p.x().unwrap()), "y": b64(p.y().unwrap())})
            }
            JwtKey::Es256k(k) => {
                let p = k.verifying_key().to_encoded_point(false);
                json!({"kty": "EC", "crv": "secp256k1", "x": b64(p.x().unwrap()), "y": b64(p.y().unwrap())})
            }
            JwtKey::Ps256(k) => {
                use rsa::traits::PublicKeyParts;
                json!({"kty": "RSA", "n": b64(&k.n().to_bytes_be()), "e": b64(&k.e().to_bytes_be())})
            }
        }
    }

    /// The issuer DID: did:key for the curves (Multikey 0x1201 / 0xe7, compressed), did:jwk
    /// for RSA.
    fn did(&self) -> String {
        let key = |codec: &[u8], point: &[u8]| {
            format!(
                "did:key:z{}",
                bs58::encode([codec, point].concat()).into_string()
            )
        };
        match self {
            JwtKey::Es384(k) => key(
                &[0x81, 0x24],
                k.verifying_key().to_encoded_point(true).as_bytes(),
            ),
            JwtKey::Es256k(k) => key(
                &[0xe7, 0x01],
                k.verifying_key().to_encoded_point(true).as_bytes(),
            ),
            JwtKey::Ps256(_) => format!("did:jwk:{}", b64(self.jwk().to_string().as_bytes())),
        }
    }

    fn kid(&self) -> String {
        let did = self.did();
        match self {
            JwtKey::Ps256(_) => format!("{did}#0"),
            _ => format!("{did}#{}", did.trim_start_matches("did:key:")),
        }
    }

    fn sign(&self, header: &Value, payload: &Value) -> String {
        let input = signing_input(header, payload);
        let sig = match self {
            JwtKey::Es384(k) => {
                use p384::ecdsa::signature::Signer;
                let s: p384::ecdsa::Signature = k.sign(input.as_bytes());
                s.to_bytes().to_vec()
            }
            JwtKey::Es256k(k) => {
                use k256::ecdsa::signature::Signer;
                let s: k256::ecdsa::Signature = k.sign(input.as_bytes());
                s.to_bytes().to_vec()
            }
            JwtKey::Ps256(k) => {
                use rsa::signature::{RandomizedSigner, SignatureEncoding};
                // PSS is randomized (its salt); a fixed RNG keeps the test deterministic.
                let mut rng = FixedRng(7);
                let sk = rsa::pss::SigningKey::<Sha256>::new((**k).clone());
                sk.sign_with_rng(&mut rng, input.as_bytes()).to_vec()
            }
        };
        format!("{input}.{}", b64(&sig))
    }
}

/// A deterministic "random" source for PSS salts (tests only).
struct FixedRng(u64);

impl rsa::rand_core::RngCore for FixedRng {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for b in dest {
            *b = self.next_u64() as u8;
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}

impl rsa::rand_core::CryptoRng for FixedRng {}

fn run_token(t: &str) -> Report {
    run_bytes(t.as_bytes().to_vec(), &MemoryFetcher::new())
}

#[test]
fn es384_es256k_ps256_jwts_by_their_did_issuer() {
    for key in [JwtKey::es384(3), JwtKey::es256k(5), JwtKey::ps256()] {
        let alg = key.alg();
        let did = key.did();
        let header = json!({"alg": alg, "typ": "JWT", "kid": key.kid()});
        let token = key.sign(&header, &payload(&did));
        let r = run_token(&token);
        assert_verdict(&r, Verdict::Valid);
        assert_eq!(r.format, Some(Format::Ob3Jwt));
        assert_eq!(
            one(&r, "proof").detail,
            format!("VC-JWT {alg} signature verified")
        );
        // The key in a jwk header, bound by the did:key / did:jwk issuer that lists it.
        let header = json!({"alg": alg, "jwk": key.jwk()});
        assert_verdict(
            &run_token(&key.sign(&header, &payload(&did))),
            Verdict::Valid,
        );
        // A changed claim under the old signature.
        let mut changed = payload(&did);
        changed["credentialSubject"]["achievement"]["name"] = json!("Forgery");
        let parts: Vec<&str> = token.split('.').collect();
        let tampered = format!(
            "{}.{}.{}",
            parts[0],
            b64(changed.to_string().as_bytes()),
            parts[2]
        );
        let r = run_token(&tampered);
        assert_verdict(&r, Verdict::Invalid);
        let c = one(&r, "proof");
        assert_eq!(
            (c.outcome, c.effect),
            (Outcome::Failed, Some(Verdict::Invalid)),
            "{alg}: {c:?}"
        );
    }
}

#[test]
fn a_jwt_signed_by_a_key_that_is_not_the_issuers_is_invalid() {
    for (signer, issuer) in [
        (JwtKey::es384(3), JwtKey::es384(4)),
        (JwtKey::es256k(5), JwtKey::es256k(6)),
    ] {
        // The token's own jwk verifies the signature, but the issuer's did:key is another key.
        let header = json!({"alg": signer.alg(), "jwk": signer.jwk()});
        let r = run_token(&signer.sign(&header, &payload(&issuer.did())));
        assert_verdict(&r, Verdict::Invalid);
        assert_eq!(one(&r, "proof").outcome, Outcome::Passed);
        assert_eq!(one(&r, "proof-controller").outcome, Outcome::Failed);
        assert!(r.issued_by.is_none());
    }
    // PS256 by the RSA key, issued by a P-384 did:key.
    let rsa = JwtKey::ps256();
    let header = json!({"alg": "PS256", "jwk": rsa.jwk()});
    let r = run_token(&rsa.sign(&header, &payload(&JwtKey::es384(3).did())));
    assert_verdict(&r, Verdict::Invalid);
}

#[test]
fn an_algorithm_and_a_key_of_different_kinds_are_invalid() {
    let p384 = JwtKey::es384(3);
    let k256 = JwtKey::es256k(5);
    for (alg, key) in [
        ("ES256K", &p384),
        ("ES384", &k256),
        ("PS256", &p384),
        ("ES256", &p384),
    ] {
        let header = json!({"alg": alg, "kid": key.kid()});
        let r = run_token(&key.sign(&header, &payload(&key.did())));
        assert_verdict(&r, Verdict::Invalid);
        let c = one(&r, "proof");
        assert!(c.detail.contains("needs a different key"), "{alg}: {c:?}");
    }
    // RS256 and PS256 are distinct: a PSS signature is not a PKCS#1 v1.5 one.
    let rsa = JwtKey::ps256();
    let token = rsa.sign(
        &json!({"alg": "PS256", "kid": rsa.kid()}),
        &payload(&rsa.did()),
    );
    let parts: Vec<&str> = token.split('.').collect();
    let relabelled = format!(
        "{}.{}.{}",
        b64(json!({"alg": "RS256", "kid": rsa.kid()})
            .to_string()
            .as_bytes()),
        parts[1],
        parts[2]
    );
    assert_verdict(&run_token(&relabelled), Verdict::Invalid);
}

/// A high-S ES256K signature (valid ECDSA; RFC 8812 does not require low S) verifies.
#[test]
fn es256k_high_s_signatures_verify() {
    let key = JwtKey::es256k(5);
    let did = key.did();
    let header = json!({"alg": "ES256K", "kid": key.kid()});
    let token = key.sign(&header, &payload(&did));
    let parts: Vec<&str> = token.split('.').collect();
    let sig =
        k256::ecdsa::Signature::from_slice(&URL_SAFE_NO_PAD.decode(parts[2]).unwrap()).unwrap();
    let (r, s) = sig.split_scalars();
    let high = k256::ecdsa::Signature::from_scalars(r.to_bytes(), (-*s).to_bytes()).unwrap();
    assert!(high.normalize_s().is_some(), "the signature is high-S");
    let token = format!("{}.{}.{}", parts[0], parts[1], b64(&high.to_bytes()));
    assert_verdict(&run_token(&token), Verdict::Valid);
}

// --- keys ------------------------------------------------------------------------------------

#[test]
fn did_key_and_pem_p384_and_secp256k1() {
    // vc-di-ecdsa's P-384 did:key; the did:key spec's secp256k1 example.
    for (mb, kind) in [
        (
            "z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ",
            "P-384",
        ),
        (
            "zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
            "secp256k1",
        ),
    ] {
        assert_eq!(PublicKey::from_multibase(mb).unwrap().kind(), kind);
    }
    // PEM SPKI of a P-384 key (RFC 5480: id-ecPublicKey, secp384r1, uncompressed point)
    // equals its JWK and Multikey forms.
    let sk = p384::ecdsa::SigningKey::from_slice(&[3; 48]).unwrap();
    let point = sk.verifying_key().to_encoded_point(false);
    let der = [
        hex::decode("3076301006072a8648ce3d020106052b81040022036200").unwrap(),
        point.as_bytes().to_vec(),
    ]
    .concat();
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = b64
        .as_bytes()
        .chunks(64)
        .map(|l| std::str::from_utf8(l).unwrap())
        .collect();
    let pem = format!(
        "-----BEGIN PUBLIC KEY-----\n{}\n-----END PUBLIC KEY-----\n",
        lines.join("\n")
    );
    let from_pem = PublicKey::from_pem(&pem).unwrap();
    assert_eq!(
        from_pem,
        PublicKey::from_jwk(&JwtKey::es384(3).jwk()).unwrap()
    );
    let mb = JwtKey::es384(3)
        .did()
        .trim_start_matches("did:key:")
        .to_string();
    assert_eq!(from_pem, PublicKey::from_multibase(&mb).unwrap());
    // A point that is not on the curve is a malformed key, not an unsupported one.
    let bad = format!(
        "z{}",
        bs58::encode([[0x81, 0x24, 0x02].as_slice(), &[0xff; 48]].concat()).into_string()
    );
    let e = PublicKey::from_multibase(&bad).unwrap_err();
    assert!(!e.is_unsupported() && e.0.contains("P-384"), "{e}");
}
