//! Shared by tests/status*.rs, tests/endorsement*.rs and tests/schema*.rs: signing our own
//! credentials and status lists with Ed25519 did:key (eddsa-rdfc-2022), running `verify`.
#![allow(dead_code)]

/// The one test signer; `status_support::sign` where a file uses both.
#[path = "../support/sign.rs"]
pub mod sign;

use badge_verifier::report::{Check, Outcome, Report, Verdict};
use badge_verifier::status::bitstring::{self, Encoding};
use badge_verifier::verify::Input;
use badge_verifier::{verify, Fetcher, Options};
use chrono::{DateTime, Utc};
use serde_json::{json, Value};

pub const OB_CONTEXT: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
pub const VC2: &str = "https://www.w3.org/ns/credentials/v2";

pub fn fixture(path: &str) -> Vec<u8> {
    let p = format!("{}/../../tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

pub fn fixture_json(path: &str) -> Value {
    serde_json::from_slice(&fixture(path)).unwrap()
}

pub fn at() -> DateTime<Utc> {
    time("2026-01-01T00:00:00Z")
}

pub fn time(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A test issuer: the did:key of `[seed; 32]`, signing through tests/support/sign.rs.
pub struct Issuer {
    seed: [u8; 32],
    pub did: String,
    pub vm: String,
}

impl Issuer {
    pub fn new(seed: u8) -> Issuer {
        let seed = [seed; 32];
        Issuer {
            seed,
            did: sign::did_key(seed),
            vm: sign::key_id(seed),
        }
    }

    /// Adds an eddsa-rdfc-2022 proof (vc-di-eddsa §3.3) to `doc`.
    pub fn sign(&self, doc: Value) -> Value {
        sign::sign(doc, self.seed, "2024-01-01T00:00:00Z")
    }

    /// A compact EdDSA JWS over `payload` (VC-JWT), `kid` the did:key verification method.
    pub fn jwt(&self, payload: &Value) -> String {
        sign::jwt(payload, self.seed)
    }
}

/// An issuer profile at `id` listing the Ed25519 key of `seed` as its Multikey `{id}#key-1`, for
/// issuers whose key is found in their profile rather than in a did:key (the CLI benchmarks, the
/// Python bulk example).
pub fn profile(id: &str, name: &str, seed: [u8; 32]) -> Value {
    let method = format!("{id}#key-1");
    serde_json::json!({
        "@context": [VC2, OB_CONTEXT],
        "id": id,
        "type": ["Profile"],
        "name": name,
        "url": "https://issuer.example/",
        "verificationMethod": [{
            "id": method, "type": "Multikey", "controller": id,
            "publicKeyMultibase": sign::multikey(seed)
        }],
        "assertionMethod": [method]
    })
}

/// An OB 3.0 (VC 2.0) badge by `issuer` with the given `credentialStatus` (or none), unsigned.
pub fn badge(issuer: &Issuer, id: &str, status: Option<Value>) -> Value {
    let mut c = json!({
        "@context": [VC2, OB_CONTEXT],
        "id": id,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Status test badge",
        "issuer": {"id": issuer.did, "type": ["Profile"], "name": "Status Test Issuer"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": "did:example:learner",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://issuer.example/achievements/1",
                "type": ["Achievement"],
                "name": "Status testing",
                "description": "Tests status lists.",
                "criteria": {"narrative": "Be tested."}
            }
        }
    });
    if let Some(s) = status {
        c["credentialStatus"] = s;
    }
    c
}

/// A BitstringStatusListEntry.
pub fn bitstring_entry(list_url: &str, index: u64, purpose: &str) -> Value {
    json!({
        "id": format!("{list_url}#{index}"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": purpose,
        "statusListIndex": index.to_string(),
        "statusListCredential": list_url
    })
}

/// A bitstring of `bytes` bytes with the given `size`-bit entries set to `value`.
pub fn bits(bytes: usize, size: u32, set: &[(u64, u64)]) -> Vec<u8> {
    let mut b = vec![0u8; bytes];
    for &(index, value) in set {
        for k in 0..u64::from(size) {
            let pos = index * u64::from(size) + k;
            let bit = (value >> (u64::from(size) - 1 - k)) & 1;
            if bit == 1 {
                b[(pos / 8) as usize] |= 0x80 >> (pos % 8);
            }
        }
    }
    b
}

/// An unsigned BitstringStatusListCredential.
pub fn bitstring_list(issuer: &str, url: &str, purpose: &str, list: &[u8]) -> Value {
    json!({
        "@context": [VC2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer,
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "BitstringStatusList",
            "statusPurpose": purpose,
            "encodedList": bitstring::encode(list, Encoding::Multibase)
        }
    })
}

/// An unsigned StatusList2021Credential (VC 1.1).
pub fn statuslist2021(issuer: &str, url: &str, purpose: &str, list: &[u8]) -> Value {
    json!({
        "@context": [
            "https://www.w3.org/2018/credentials/v1",
            "https://w3id.org/vc/status-list/2021/v1",
            "https://w3id.org/security/data-integrity/v2"
        ],
        "id": url,
        "type": ["VerifiableCredential", "StatusList2021Credential"],
        "issuer": issuer,
        "issuanceDate": "2024-01-01T00:00:00Z",
        "credentialSubject": {
            "id": format!("{url}#list"),
            "type": "StatusList2021",
            "statusPurpose": purpose,
            "encodedList": bitstring::encode(list, Encoding::Base64Url)
        }
    })
}

pub fn run_opts<F: Fetcher>(doc: &Value, f: &F, opts: &Options) -> Report {
    let input = Input::Bytes {
        name: "test.json".into(),
        bytes: serde_json::to_vec(doc).unwrap(),
    };
    futures::executor::block_on(verify(&input, f, opts))
}

pub fn run<F: Fetcher>(doc: &Value, f: &F) -> Report {
    run_opts(doc, f, &Options::at(at()))
}

pub fn run_bytes<F: Fetcher>(bytes: Vec<u8>, f: &F) -> Report {
    let input = Input::Bytes {
        name: "test.json".into(),
        bytes,
    };
    futures::executor::block_on(verify(&input, f, &Options::at(at())))
}

pub fn checks<'a>(r: &'a Report, id: &str) -> Vec<&'a Check> {
    r.checks.iter().filter(|c| c.id == id).collect()
}

pub fn one<'a>(r: &'a Report, id: &str) -> &'a Check {
    let c = checks(r, id);
    assert_eq!(c.len(), 1, "expected one {id} check in {:#?}", r.checks);
    c[0]
}

/// Asserts the verdict, printing the checks when it differs.
pub fn assert_verdict(r: &Report, v: Verdict) {
    assert_eq!(r.verdict, v, "{}\n{:#?}", r.summary, r.checks);
}

pub fn assert_check(c: &Check, outcome: Outcome, effect: Option<Verdict>, contains: &str) {
    assert_eq!((c.outcome, c.effect), (outcome, effect), "{c:?}");
    assert!(
        c.detail.contains(contains),
        "{:?} lacks {contains:?}",
        c.detail
    );
}
