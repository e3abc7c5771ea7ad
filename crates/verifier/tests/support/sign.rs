//! Test-only issuer, the one signer of the tests, benches and examples: signs OB 3.0 credentials
//! with `eddsa-rdfc-2022` or as EdDSA VC-JWTs by the did:key of a 32-byte seed, using the
//! verifier's own canonicalization (so a signature is only as right as the byte-exact W3C
//! vectors in tests/data_integrity.rs prove that canonicalization to be).

#![allow(dead_code)]

use badge_verifier::proof::data_integrity::prepare;
use badge_verifier::proof::jsonld::canonicalize;
use ed25519_dalek::{Signer, SigningKey};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

/// The did:key of an Ed25519 key from `seed`.
pub fn did_key(seed: [u8; 32]) -> String {
    let pk = SigningKey::from_bytes(&seed).verifying_key();
    let mut bytes = vec![0xed, 0x01];
    bytes.extend_from_slice(pk.as_bytes());
    format!("did:key:z{}", bs58::encode(bytes).into_string())
}

/// An unsigned OpenBadgeCredential issued by `issuer` to `subject`, named `name`.
pub fn credential(issuer: &str, name: &str, subject: &str, valid_from: &str) -> Value {
    json!({
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ],
        "id": format!("urn:uuid:{:x}", Sha256::digest(format!("{issuer}{name}{subject}"))),
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": { "id": issuer, "type": ["Profile"], "name": "Example Institute of Testing" },
        "validFrom": valid_from,
        "name": name,
        "credentialSubject": {
            "id": subject,
            "type": ["AchievementSubject"],
            "achievement": {
                "id": format!("https://example.org/achievements/{}", name.to_lowercase().replace(' ', "-")),
                "type": ["Achievement"],
                "name": name,
                "description": format!("Awarded for demonstrating {name}."),
                "criteria": { "narrative": "Completed the assessed project with distinction." }
            }
        }
    })
}

/// The did:key verification method of the key from `seed`: `did:key:z…#z…`.
pub fn key_id(seed: [u8; 32]) -> String {
    let did = did_key(seed);
    format!("{did}#{}", did.trim_start_matches("did:key:"))
}

/// The `publicKeyMultibase` (Multikey) of the Ed25519 key from `seed`: its did:key without
/// `did:key:`.
pub fn multikey(seed: [u8; 32]) -> String {
    did_key(seed).trim_start_matches("did:key:").to_string()
}

/// The benchmarks' corpus: `n` distinct OB 3.0 credentials as JSON bytes, signed with
/// `eddsa-rdfc-2022` by 20 did:key issuers in turn (credential `k` by issuer `k % 20`), no status.
pub fn benchmark_credentials(n: usize) -> Vec<Vec<u8>> {
    (0..n)
        .map(|k| {
            let seed = [(k % 20) as u8 + 1; 32];
            let c = credential(
                &did_key(seed),
                &format!("Skill {k}"),
                &format!("mailto:earner{k}@example.org"),
                "2025-03-01T09:00:00Z",
            );
            serde_json::to_vec(&sign(c, seed, "2025-03-01T09:00:00Z")).unwrap()
        })
        .collect()
}

/// Adds an `eddsa-rdfc-2022` proof by the did:key of `seed` (vc-di-eddsa §3.3).
pub fn sign(credential: Value, seed: [u8; 32], created: &str) -> Value {
    sign_as(credential, seed, created, &key_id(seed))
}

/// A compact EdDSA JWS over `payload` (a VC-JWT), its `kid` the did:key method of `seed`.
pub fn jwt(payload: &Value, seed: [u8; 32]) -> String {
    let header = json!({"alg": "EdDSA", "typ": "JWT", "kid": key_id(seed)});
    jwt_with_header(&header, payload, seed)
}

/// Adds an `eddsa-rdfc-2022` proof by the key of `seed`, named by `method` (e.g. a key listed
/// in an issuer profile served over https).
pub fn sign_as(mut credential: Value, seed: [u8; 32], created: &str, method: &str) -> Value {
    let proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": created,
        "verificationMethod": method,
        "proofPurpose": "assertionMethod"
    });
    let (unsecured, options) = prepare(&credential, &proof).expect("prepare");
    let mut hash =
        Sha256::digest(canonicalize(&options).expect("canonical proof").as_bytes()).to_vec();
    hash.extend_from_slice(&Sha256::digest(
        canonicalize(&unsecured)
            .expect("canonical document")
            .as_bytes(),
    ));
    let sig = SigningKey::from_bytes(&seed).sign(&hash);
    let mut proof = proof;
    proof["proofValue"] = json!(format!("z{}", bs58::encode(sig.to_bytes()).into_string()));
    credential["proof"] = proof;
    credential
}

/// A compact EdDSA JWS over `payload` with any `header` (its `alg` should be EdDSA), signed by
/// the key of `seed`: for tokens that carry their key in a `jwk` header, or forge a `kid`.
pub fn jwt_with_header(header: &Value, payload: &Value, seed: [u8; 32]) -> String {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let sig = SigningKey::from_bytes(&seed).sign(input.as_bytes());
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes()))
}

/// The public JWK (OKP, Ed25519) of the key from `seed`.
pub fn jwk(seed: [u8; 32]) -> Value {
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    let pk = SigningKey::from_bytes(&seed).verifying_key();
    json!({"kty": "OKP", "crv": "Ed25519", "x": URL_SAFE_NO_PAD.encode(pk.as_bytes())})
}

/// [`sign`] for documents that may not canonicalize (mutated ones in the randomized tests):
/// `None` instead of a panic when the document or its proof options cannot be canonicalized.
pub fn try_sign(mut credential: Value, seed: [u8; 32], created: &str) -> Option<Value> {
    let proof = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": created,
        "verificationMethod": key_id(seed),
        "proofPurpose": "assertionMethod"
    });
    let (unsecured, options) = prepare(&credential, &proof).ok()?;
    let mut hash = Sha256::digest(canonicalize(&options).ok()?.as_bytes()).to_vec();
    hash.extend_from_slice(&Sha256::digest(canonicalize(&unsecured).ok()?.as_bytes()));
    let sig = SigningKey::from_bytes(&seed).sign(&hash);
    let mut proof = proof;
    proof["proofValue"] = json!(format!("z{}", bs58::encode(sig.to_bytes()).into_string()));
    credential["proof"] = proof;
    Some(credential)
}
