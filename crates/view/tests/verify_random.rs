//! No input may crash a verification (issue #14 §2): every credential and assertion in
//! tests/fixtures (JSON, JWTs, the payloads of baked PNG/SVG badges), plus signed credentials of
//! our own that reach status lists, endorsements and OB 2.0 signed assertions, is mutated —
//! keys and values replaced or inserted with non-ASCII (é, 中文, emoji), empty strings,
//! `@`-prefixed terms, huge numbers, nulls, arrays for scalars, objects for strings, nesting just
//! under and over the limits — and run through the whole [`verify`] and the app's display logic
//! (`badge_view`) under `catch_unwind`. Any panic fails the test with the seed, case and input.
//!
//! Mutations must get past the signature to reach the code behind it (JSON-LD, status,
//! display, endorsements), so mutated credentials are often re-signed by the test signer
//! (tests/support/sign.rs), and the documents a badge fetches (issuer profiles, keys, status
//! lists, revocation lists) are mutated too, behind an intact badge.
//!
//! `VERIFY_RANDOM_CASES=50000 VERIFY_RANDOM_SEED=7 cargo test --release --test verify_random`
//! runs longer.

#[path = "../../verifier/tests/support/rng.rs"]
mod rng;
#[path = "../../verifier/tests/support/sign.rs"]
mod sign;

use badge_verifier::extract::{self, Payload};
use badge_verifier::recipient::earner_matches;
use badge_verifier::{verify, Input, Limits, MemoryFetcher, Options, Outcome, Report};
use badge_view::i18n::Lang;
use badge_view::{
    batch, card_words, dates, file_kind, markdown, plain, progress, qr, safe_urls, share, trust,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rng::Rng;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const AT: &str = "2026-01-01T00:00:00Z";
/// The test signer's key (seed) for re-signed credentials and our own status lists.
const SEED: [u8; 32] = [0x2a; 32];
const LIST_URL: &str = "https://status.example/lists/1";
const OB2_BADGE: &str = "https://issuer.example/badges/robotics.json";
const OB2_ISSUER: &str = "https://issuer.example/issuer.json";
const OB2_KEY: &str = "https://issuer.example/keys/1.json";
const OB2_LIST: &str = "https://issuer.example/revoked.json";
/// Hosts the 1EdTech OB 2.0 fixtures fetch their assets from (as tests/ob2_1edtech.rs).
const OB2_HOSTS: &[&str] = &[
    "http://example.org/",
    "https://example.org/",
    "https://www.example.org/",
];

/// How a seed is given to `verify`.
#[derive(Clone)]
enum Form {
    /// JSON text.
    Json,
    /// A compact JWS: `header` and the original signature, or re-signed.
    Jwt {
        header: Value,
        signature: String,
    },
    /// Baked into this image (the payload is JSON or a JWS as `inner` says).
    Png(Vec<u8>, Box<Form>),
    Svg(Vec<u8>, Box<Form>),
}

#[derive(Clone)]
struct Seed {
    name: String,
    doc: Value,
    form: Form,
    /// How to re-sign after a mutation (none for documents we hold no key for).
    resign: Resign,
}

#[derive(Clone, Copy, PartialEq)]
enum Resign {
    /// Data Integrity (`eddsa-rdfc-2022`) or EdDSA VC-JWT by the test did:key.
    DidKey,
    /// OB 2.0 signed assertion, RS256 with tests/fixtures/ob2/keys/issuer-private.pem.
    Ob2Rsa,
    No,
}

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else {
            out.push(p);
        }
    }
}

fn decode_part(part: &str) -> Option<Value> {
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(part.trim()).ok()?).ok()
}

fn jwt_seed(compact: &str) -> Option<(Value, Form)> {
    let mut parts = compact.trim().split('.');
    let (h, p, s) = (parts.next()?, parts.next()?, parts.next()?);
    Some((
        decode_part(p)?,
        Form::Jwt {
            header: decode_part(h)?,
            signature: s.to_string(),
        },
    ))
}

/// The seeds from the fixture files: every JSON document, every JWT, the payload of every
/// baked image (re-baked after mutation).
fn fixture_seeds() -> Vec<Seed> {
    let mut paths = Vec::new();
    for dir in ["ob2", "ob3", "di", "status", "e2e"] {
        files(&fixtures().join(dir), &mut paths);
    }
    paths.sort();
    let mut seeds = Vec::new();
    let mut bench_images = 0;
    for p in paths {
        let name = p
            .strip_prefix(fixtures())
            .unwrap_or(&p)
            .display()
            .to_string();
        let Ok(bytes) = std::fs::read(&p) else {
            continue;
        };
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        let (doc, form) = match ext {
            "json" | "jsonld" => match serde_json::from_slice::<Value>(&bytes) {
                Ok(v) => (v, Form::Json),
                Err(_) => continue,
            },
            "jwt" | "jws" => match jwt_seed(&String::from_utf8_lossy(&bytes)) {
                Some(s) => s,
                None => continue,
            },
            "png" | "svg" => {
                // The 20 benchmark images differ only by issuer: two are enough.
                if name.contains("bench/") {
                    bench_images += 1;
                    if bench_images > 2 {
                        continue;
                    }
                }
                let Ok(found) = extract::extract(&bytes, &Limits::default()) else {
                    continue;
                };
                let (doc, inner) = match found.payload {
                    Payload::Json(text) => match serde_json::from_str(&text) {
                        Ok(v) => (v, Form::Json),
                        Err(_) => continue,
                    },
                    Payload::Jws(compact) => match jwt_seed(&compact) {
                        Some(s) => s,
                        None => continue,
                    },
                    Payload::Url(_) => continue,
                };
                let form = if ext == "png" {
                    Form::Png(bytes, Box::new(inner))
                } else {
                    Form::Svg(bytes, Box::new(inner))
                };
                (doc, form)
            }
            _ => continue,
        };
        // OB 3.0 credentials can be re-signed by the test did:key; OB 2.0 documents and the
        // documents the fixtures fetch (profiles, keys, lists) are mutated as they are.
        let resign = if is_vc(&doc) {
            Resign::DidKey
        } else {
            Resign::No
        };
        seeds.push(Seed {
            name,
            doc,
            form,
            resign,
        });
    }
    seeds
}

fn is_vc(doc: &Value) -> bool {
    let text = doc
        .get("@context")
        .map(Value::to_string)
        .unwrap_or_default();
    text.contains("credentials") || doc.get("vc").is_some()
}

/// A rich OB 3.0 credential of our own: a Bitstring status entry (the list is served), an
/// endorsement, evidence, results, alignments, an image and a hashed recipient.
fn rich_credential() -> Value {
    let did = sign::did_key(SEED);
    let mut c = sign::credential(
        &did,
        "Teamwork",
        "mailto:earner@example.org",
        "2024-01-01T00:00:00Z",
    );
    c["validUntil"] = json!("2030-01-01T00:00:00Z");
    c["description"] = json!("**Worked** in a _team_ of [five](https://example.org/five).");
    c["image"] = json!({"id": "https://example.org/badge.png", "type": "Image"});
    c["credentialStatus"] = json!({
        "id": format!("{LIST_URL}#3"),
        "type": "BitstringStatusListEntry",
        "statusPurpose": "revocation",
        "statusListIndex": "3",
        "statusListCredential": LIST_URL
    });
    c["evidence"] = json!([{"id": "https://example.org/evidence/1", "type": ["Evidence"],
        "name": "Project", "narrative": "# Report\n- one\n- two"}]);
    let subject = &mut c["credentialSubject"];
    subject["identifier"] = json!([{"type": "IdentityObject", "identityHash":
        "sha256$c7ef86405ba71b85acd8e2e95166c4b111448089f2e1599f42fe1bba46e865c5",
        "identityType": "emailAddress", "hashed": true, "salt": "not-used-by-test"}]);
    subject["result"] = json!([{"type": ["Result"], "value": "A",
        "resultDescription": "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c"}]);
    let achievement = &mut subject["achievement"];
    achievement["alignment"] = json!([{"type": ["Alignment"], "targetName": "Collaboration",
        "targetUrl": "https://example.org/frameworks/collab", "targetCode": "C1"}]);
    achievement["tag"] = json!(["teamwork", "協作"]);
    achievement["resultDescription"] = json!([{"id": "urn:uuid:f6ab24cd-86e8-4eaf-b8c6-ded74e8fd41c",
        "type": ["ResultDescription"], "name": "Grade", "resultType": "LetterGrade"}]);
    // An endorsement of the achievement by the same issuer, itself signed.
    let mut e = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": "urn:uuid:7c2c1a2e-1d1b-4f7a-9a53-0d1e2f3a4b5c",
        "type": ["VerifiableCredential", "EndorsementCredential"],
        "name": "Endorsement",
        "issuer": {"id": did, "type": ["Profile"], "name": "Endorser"},
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": "https://example.org/achievements/teamwork",
            "type": ["EndorsementSubject"], "endorsementComment": "Rigorous."}
    });
    e = sign::sign(e, SEED, "2024-01-01T00:00:00Z");
    achievement["endorsement"] = json!([e]);
    c
}

fn status_list() -> Value {
    use badge_verifier::status::bitstring::{self, Encoding};
    let mut bits = vec![0u8; 16 * 1024];
    bits[0] = 0b0000_1000; // index 4 revoked
    let list = json!({
        "@context": ["https://www.w3.org/ns/credentials/v2"],
        "id": LIST_URL,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": sign::did_key(SEED),
        "validFrom": "2024-01-01T00:00:00Z",
        "credentialSubject": {"id": format!("{LIST_URL}#list"), "type": "BitstringStatusList",
            "statusPurpose": "revocation", "encodedList": bitstring::encode(&bits, Encoding::Multibase)}
    });
    sign::sign(list, SEED, "2024-01-01T00:00:00Z")
}

fn read_fixture(rel: &str) -> String {
    std::fs::read_to_string(fixtures().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

fn ob2_assertion() -> Value {
    json!({
        "@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
        "id": "urn:uuid:9b3c2a6e-5e0f-4c36-9a8e-0e4f2c1d7a11",
        "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
        "badge": OB2_BADGE, "issuedOn": "2024-01-01T00:00:00Z",
        "evidence": {"id": "https://issuer.example/evidence/1", "narrative": "Built *it*."},
        "verification": {"type": "SignedBadge", "creator": OB2_KEY}
    })
}

/// RS256 compact JWS over `payload` with the OB 2.0 test issuer key (`None` only if the key
/// does not parse, which would be a broken fixture).
fn ob2_sign(payload: &Value) -> String {
    use rsa::pkcs8::DecodePrivateKey;
    use rsa::signature::{SignatureEncoding, Signer};
    let sk = rsa::RsaPrivateKey::from_pkcs8_pem(&read_fixture("ob2/keys/issuer-private.pem"))
        .expect("test private key");
    let signing = rsa::pkcs1v15::SigningKey::<sha2::Sha256>::new(sk);
    let input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(json!({"alg": "RS256", "typ": "JWT"}).to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    );
    let sig = signing.sign(input.as_bytes()).to_bytes();
    format!("{input}.{}", URL_SAFE_NO_PAD.encode(sig))
}

/// Our own seeds, signed: they get past the signature, so mutations reach what follows.
fn own_seeds() -> Vec<Seed> {
    let rich = rich_credential();
    let signed = sign::sign(rich.clone(), SEED, "2024-01-01T00:00:00Z");
    let mut jwt_payload = json!({
        "iss": sign::did_key(SEED), "jti": rich["id"], "sub": "mailto:earner@example.org",
        "nbf": 1_704_067_200, "vc": rich.clone()
    });
    jwt_payload["vc"]["issuer"] = json!(sign::did_key(SEED));
    let vc_jwt = sign::jwt(&jwt_payload, SEED);
    let ob2 = ob2_assertion();
    let ob2_jws = ob2_sign(&ob2);
    let signature_of = |compact: &str| compact.rsplit('.').next().unwrap_or("").to_string();
    vec![
        Seed {
            name: "own: rich OB 3.0 Data Integrity".into(),
            doc: signed,
            form: Form::Json,
            resign: Resign::DidKey,
        },
        Seed {
            name: "own: rich OB 3.0 VC-JWT".into(),
            doc: jwt_payload,
            form: Form::Jwt {
                header: json!({"alg": "EdDSA", "typ": "JWT", "kid": sign::key_id(SEED)}),
                signature: signature_of(&vc_jwt),
            },
            resign: Resign::DidKey,
        },
        Seed {
            name: "own: OB 2.0 signed".into(),
            doc: ob2,
            form: Form::Jwt {
                header: json!({"alg": "RS256", "typ": "JWT"}),
                signature: signature_of(&ob2_jws),
            },
            resign: Resign::Ob2Rsa,
        },
    ]
}

/// The documents badges fetch: every fixture with an http(s) `id` at that id, the OB 2.0
/// assets where the 1EdTech fixtures look for them, our status list and OB 2.0 issuer.
fn served(seeds: &[Seed]) -> BTreeMap<String, Vec<u8>> {
    let mut docs = BTreeMap::new();
    for s in seeds {
        if let Some(id) = s.doc.get("id").and_then(Value::as_str) {
            if id.starts_with("https://") || id.starts_with("http://") {
                let body = serde_json::to_vec(&s.doc).unwrap_or_default();
                docs.insert(id.split('#').next().unwrap_or(id).to_string(), body.clone());
                if let Some(rest) = id.strip_prefix("http://") {
                    docs.insert(format!("https://{rest}"), body);
                }
            }
        }
    }
    let mut assets = Vec::new();
    files(&fixtures().join("ob2/1edtech/assets"), &mut assets);
    for p in assets {
        let (Some(name), Ok(body)) = (p.file_name(), std::fs::read(&p)) else {
            continue;
        };
        for host in OB2_HOSTS {
            docs.insert(format!("{host}{}", name.to_string_lossy()), body.clone());
        }
    }
    docs.insert(
        "https://state.gov/issuers/565049".into(),
        std::fs::read(fixtures().join("status/issuers/state.gov-issuers-565049.json"))
            .unwrap_or_default(),
    );
    docs.insert(
        "https://raw.githubusercontent.com/1EdTech/digital-credentials-public-validator/refs/heads/main/inspector-vc/src/test/resources/ob30/bit-string-list/testlist".into(),
        std::fs::read(fixtures().join("status/1edtech/testlist")).unwrap_or_default(),
    );
    docs.insert(LIST_URL.into(), status_list().to_string().into_bytes());
    let ctx = "https://w3id.org/openbadges/v2";
    docs.insert(
        OB2_BADGE.into(),
        json!({"@context": ctx, "type": "BadgeClass", "id": OB2_BADGE, "name": "Robotics",
            "description": "Built a robot.", "image": "https://issuer.example/robot.png",
            "criteria": {"narrative": "1. Build\n2. Test"}, "issuer": OB2_ISSUER,
            "alignment": [{"targetName": "Robots", "targetUrl": "https://example.org/r"}],
            "tags": ["robots", "機器人"]})
        .to_string()
        .into_bytes(),
    );
    docs.insert(
        OB2_ISSUER.into(),
        json!({"@context": ctx, "type": "Issuer", "id": OB2_ISSUER, "name": "Example Issuer",
            "url": "https://issuer.example", "email": "badges@issuer.example",
            "publicKey": OB2_KEY, "revocationList": OB2_LIST})
        .to_string()
        .into_bytes(),
    );
    docs.insert(
        OB2_KEY.into(),
        json!({"@context": ctx, "type": "CryptographicKey", "id": OB2_KEY, "owner": OB2_ISSUER,
            "publicKeyPem": read_fixture("ob2/keys/issuer-public.pem")})
        .to_string()
        .into_bytes(),
    );
    docs.insert(
        OB2_LIST.into(),
        json!({"@context": ctx, "type": "RevocationList", "id": OB2_LIST, "issuer": OB2_ISSUER,
            "revokedAssertions": ["urn:uuid:someone-else", {"id": "urn:uuid:x", "revocationReason": "é"}]})
        .to_string()
        .into_bytes(),
    );
    docs
}

// ---------------------------------------------------------------------------------------------
// Mutations.

const NASTY_STRINGS: &[&str] = &[
    "é",
    "中文",
    "😀",
    "",
    " ",
    "é:x",
    "中:文",
    "😀:😀",
    ":é",
    "_:é",
    "_:",
    "@id",
    "@type",
    "@context",
    "@list",
    "@set",
    "@value",
    "@graph",
    "@vocab",
    "@none",
    "@é",
    "@",
    "é@id",
    "https://例子.测试/é",
    "https://example.org/é#中",
    "http://127.0.0.1:1/x",
    "file:///etc/passwd",
    "javascript:alert(1)",
    "data:image/png;base64,é",
    "did:key:z中文",
    "did:key:zé",
    "did:web:é.example",
    "did:web:例子.测试%3A中",
    "did:jwk:é",
    "urn:uuid:é",
    "mailto:é@例子.测试",
    "sha256$é",
    "md5$中文",
    "sha256$",
    "2024-01-01T00:00:00Z",
    "2024-01-01T00:00:00é",
    "2024-01-01é00:00:00Z",
    "2024-01-0中T00:00:00Z",
    "2024-01-01T00:00:00+01é",
    "2024-01-01T00:00:00+0中",
    "中文中文中文中文T00:00:00-0100",
    "T-",
    "99999999999999999999",
    "-0",
    "1e308",
    "zé",
    "u中文",
    "eyJé.eyJ中.é",
    "# 中文\n- é\n* 😀 **x",
    "[é](https://é)",
    "**中",
    "`é",
    "\u{0}",
    "\u{feff}é",
    "é\u{301}",
    "İ",
];

fn nasty_scalar(rng: &mut Rng) -> Value {
    match rng.below(12) {
        0 => json!(1e308),
        1 => json!(-1e308),
        // 2^64: beyond u64, parsed as a float.
        2 => serde_json::from_str("18446744073709551616").unwrap_or(Value::Null),
        3 => json!(u64::MAX),
        4 => json!(i64::MIN),
        5 => json!(-0.0),
        6 => json!(0),
        7 => json!(1.5),
        8 => Value::Null,
        9 => json!(true),
        10 => json!(-1),
        _ => json!(4_294_967_296u64),
    }
}

fn nasty_string(rng: &mut Rng) -> String {
    rng.pick(NASTY_STRINGS).to_string()
}

fn nasty_value(rng: &mut Rng) -> Value {
    match rng.below(10) {
        0..=3 => Value::String(nasty_string(rng)),
        4 | 5 => nasty_scalar(rng),
        6 => json!([]),
        7 => json!({}),
        8 => json!([nasty_string(rng), null, nasty_string(rng)]),
        _ => {
            let mut o = Map::new();
            o.insert(nasty_string(rng), Value::String(nasty_string(rng)));
            Value::Object(o)
        }
    }
}

/// Keys a mutation may insert or rename to: nasty ones and the ones the verifier looks at.
fn nasty_key(rng: &mut Rng) -> String {
    const KEYS: &[&str] = &[
        "id",
        "type",
        "@context",
        "proof",
        "issuer",
        "credentialStatus",
        "credentialSubject",
        "endorsement",
        "evidence",
        "name",
        "description",
        "validFrom",
        "validUntil",
        "issuanceDate",
        "expirationDate",
        "issuedOn",
        "expires",
        "recipient",
        "badge",
        "verification",
        "statusListIndex",
        "statusListCredential",
        "statusPurpose",
        "statusSize",
        "encodedList",
        "verificationMethod",
        "proofValue",
        "cryptosuite",
        "image",
        "narrative",
        "identity",
        "salt",
        "hashed",
        "publicKey",
        "publicKeyPem",
        "publicKeyMultibase",
        "revocationList",
        "revokedAssertions",
        "alignment",
        "achievement",
        "criteria",
        "refreshService",
        "credentialSchema",
    ];
    if rng.below(2) == 0 {
        rng.pick(KEYS).to_string()
    } else {
        nasty_string(rng)
    }
}

/// Paths (as lists of steps) of every object and array in `v`, the root included.
fn containers(v: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    match v {
        Value::Object(o) => {
            out.push(at.clone());
            for (k, child) in o {
                at.push(Step::Key(k.clone()));
                containers(child, at, out);
                at.pop();
            }
        }
        Value::Array(a) => {
            out.push(at.clone());
            for (i, child) in a.iter().enumerate() {
                at.push(Step::Index(i));
                containers(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

fn at_path<'a>(v: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    let mut cur = v;
    for s in path {
        cur = match (s, cur) {
            (Step::Key(k), Value::Object(o)) => o.get_mut(k)?,
            (Step::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(cur)
}

/// A string changed at a character boundary: non-ASCII inserted, cut, or prefixed.
fn mutate_string(rng: &mut Rng, s: &str) -> String {
    let boundaries: Vec<usize> = s.char_indices().map(|(i, _)| i).chain([s.len()]).collect();
    let at = *rng.pick(&boundaries);
    let ins = *rng.pick(&["é", "中文", "😀", ":", "@", "#", "%", "$", "\u{301}"]);
    match rng.below(4) {
        0 => format!("{}{ins}{}", &s[..at], &s[at..]),
        1 => s[..at].to_string(),
        2 => format!("{ins}{s}"),
        _ => format!("{s}{ins}"),
    }
}

/// Wraps `v` in `depth` arrays or objects.
fn nest(v: Value, depth: usize, arrays: bool) -> Value {
    let mut v = v;
    for _ in 0..depth {
        v = if arrays {
            json!([v])
        } else {
            json!({ "é": v })
        };
    }
    v
}

fn mutate(rng: &mut Rng, doc: &mut Value) {
    let mut paths = Vec::new();
    containers(doc, &mut Vec::new(), &mut paths);
    if paths.is_empty() {
        *doc = nasty_value(rng);
        return;
    }
    let path = rng.pick(&paths).clone();
    let donor = {
        let p = rng.pick(&paths).clone();
        at_path(doc, &p).cloned().unwrap_or(Value::Null)
    };
    let op = rng.below(12);
    let Some(node) = at_path(doc, &path) else {
        return;
    };
    match node {
        Value::Object(o) => {
            let keys: Vec<String> = o.keys().cloned().collect();
            let key = if keys.is_empty() {
                nasty_key(rng)
            } else {
                rng.pick(&keys).clone()
            };
            match op {
                0 => {
                    o.insert(key, nasty_value(rng));
                }
                1 => {
                    o.insert(nasty_key(rng), nasty_value(rng));
                }
                2 => {
                    // Rename a key, keeping its value.
                    if let Some(v) = o.remove(&key) {
                        let new = if rng.below(2) == 0 {
                            mutate_string(rng, &key)
                        } else {
                            nasty_key(rng)
                        };
                        o.insert(new, v);
                    }
                }
                3 => {
                    // A string value changed in place (or a scalar stringified and changed).
                    if let Some(v) = o.get_mut(&key) {
                        let s = match &*v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        };
                        *v = Value::String(mutate_string(rng, &s));
                    }
                }
                4 => {
                    // A scalar in an array, an array's first item alone, a string in an object.
                    if let Some(v) = o.get_mut(&key) {
                        *v = match v.take() {
                            Value::Array(mut a) if !a.is_empty() => a.swap_remove(0),
                            s @ Value::String(_) if rng.below(2) == 0 => json!({ "id": s }),
                            other => json!([other]),
                        };
                    }
                }
                5 => {
                    o.remove(&key);
                }
                6 => {
                    o.insert(key, donor);
                }
                7 => {
                    let depth = *rng.pick(&[30, 62, 63, 64, 65, 66, 100, 126, 127, 128, 129]);
                    let arrays = rng.below(2) == 0;
                    let inner = o.remove(&key).unwrap_or(Value::Null);
                    o.insert(key, nest(inner, depth, arrays));
                }
                8 => {
                    let k = *rng.pick(&["id", "type", "@id", "@type"]);
                    let v = if rng.below(2) == 0 {
                        Value::String(nasty_string(rng))
                    } else {
                        json!([nasty_string(rng), nasty_string(rng)])
                    };
                    o.insert(k.into(), v);
                }
                9 => {
                    o.insert(key, nasty_scalar(rng));
                }
                _ => {
                    // Every key of this object gets a non-ASCII variant.
                    let old = std::mem::take(o);
                    for (k, v) in old {
                        o.insert(mutate_string(rng, &k), v);
                    }
                }
            }
        }
        Value::Array(a) => match op % 4 {
            0 => a.push(nasty_value(rng)),
            1 if !a.is_empty() => {
                let i = rng.below(a.len());
                a[i] = nasty_value(rng);
            }
            2 => a.clear(),
            _ => a.insert(0, donor),
        },
        _ => {}
    }
}

// ---------------------------------------------------------------------------------------------
// Re-signing and building the input.

/// Makes the test did:key the issuer (so the key is the issuer's) and signs again; `None` when
/// the mutated document cannot be canonicalized (it is then verified unsigned-as-mutated).
fn resign_data_integrity(mut doc: Value) -> Option<Value> {
    let did = sign::did_key(SEED);
    let obj = doc.as_object_mut()?;
    match obj.get_mut("issuer") {
        Some(Value::Object(i)) => {
            i.insert("id".into(), json!(did));
        }
        Some(i @ Value::String(_)) => *i = json!(did),
        _ => {}
    }
    obj.remove("proof");
    sign::try_sign(doc, SEED, "2024-01-01T00:00:00Z")
}

fn jws(header: &Value, payload: &Value, signature: &str) -> String {
    format!(
        "{}.{}.{signature}",
        URL_SAFE_NO_PAD.encode(header.to_string()),
        URL_SAFE_NO_PAD.encode(payload.to_string())
    )
}

/// A VC-JWT payload re-issued by the test did:key (`iss` and the credential's issuer).
fn reissue_jwt_payload(mut payload: Value) -> Value {
    let did = sign::did_key(SEED);
    if let Some(o) = payload.as_object_mut() {
        if o.contains_key("iss") {
            o.insert("iss".into(), json!(did));
        }
        match o.get_mut("vc").and_then(|vc| vc.get_mut("issuer")) {
            Some(Value::Object(i)) => {
                i.insert("id".into(), json!(did));
            }
            Some(i @ Value::String(_)) => *i = json!(did),
            _ => {}
        }
    }
    payload
}

/// The input bytes for a mutated document in its seed's form.
fn bytes_of(seed: &Seed, doc: &Value, form: &Form, resign: bool) -> Vec<u8> {
    match form {
        Form::Json => {
            let doc = if resign && seed.resign == Resign::DidKey {
                resign_data_integrity(doc.clone()).unwrap_or_else(|| doc.clone())
            } else {
                doc.clone()
            };
            serde_json::to_vec(&doc).unwrap_or_default()
        }
        Form::Jwt { header, signature } => {
            let text = match (resign, seed.resign) {
                (true, Resign::DidKey) => sign::jwt(&reissue_jwt_payload(doc.clone()), SEED),
                (true, Resign::Ob2Rsa) => ob2_sign(doc),
                _ => jws(header, doc, signature),
            };
            text.into_bytes()
        }
        Form::Png(image, inner) | Form::Svg(image, inner) => {
            let payload_bytes = bytes_of(seed, doc, inner, resign);
            let text = String::from_utf8_lossy(&payload_bytes).into_owned();
            let payload = match **inner {
                Form::Jwt { .. } => Payload::Jws(text),
                _ => Payload::Json(text),
            };
            let version = if is_vc(doc) {
                extract::bake::BadgeVersion::Ob3
            } else {
                extract::bake::BadgeVersion::Ob2
            };
            let baked = if matches!(form, Form::Png(..)) {
                extract::bake::bake_png(image, version, &payload)
            } else {
                extract::bake::bake_svg(image, version, &payload)
            };
            // Baking refuses some payloads (e.g. a JWS with a quote in an SVG): verify the
            // payload alone then.
            baked.unwrap_or(payload_bytes)
        }
    }
}

/// Everything the app computes from a report for a card (crates/app/src/card/), natively.
fn present_all(r: &Report) {
    let _ = r.to_json_line();
    let _ = trust::issuer_trust(r);
    let _ = earner_matches(r, "alice@example.org");
    let _ = earner_matches(r, "é@例子.测试");
    let _ = share::share_link("http://127.0.0.1:8080/", r, 8000);
    let shared = share::shareable_url(r);
    if let Some(u) = &shared {
        let link = share::verify_link("http://127.0.0.1:8080/?lang=zh-TW#x", u);
        let _ = qr::qr_data_uri(&link);
    }
    for u in &r.expert.fetched {
        let _ = progress::progress_line(Lang::ZhTw, Some((badge_verifier::FetchPurpose::Key, u)));
    }
    // Issue #18: the share offer, the deep link it makes read back whole and cut anywhere, the
    // plain lines, the card's words in both languages, the batch downloads.
    let offer = share::share_offer("http://127.0.0.1:8080/?lang=zh-TW", r, 8000);
    if let Some(link) = &offer.link {
        let (search, hash) = match link.url.split_once('#') {
            Some((a, h)) => (a.split_once('?').map_or("", |(_, q)| q), h),
            None => (link.url.split_once('?').map_or("", |(_, q)| q), ""),
        };
        let _ = share::deep_links(search, hash);
        for cut in [1, 7, hash.len() / 2, hash.len().saturating_sub(1)] {
            if let Some(h) = hash.get(..cut) {
                let _ = share::deep_links("", h);
            }
        }
    }
    for lang in [Lang::En, Lang::ZhTw] {
        for typed in [None, Some(None), Some(Some(true)), Some(Some(false))] {
            let _ = plain::lines(r, typed, lang);
        }
        let _ = card_words::card_words(r, lang);
    }
    let _ = batch::csv(&[r]);
    let _ = batch::json_lines(&[r]);
    let Some(b) = &r.badge else {
        return;
    };
    let name = b.name.as_deref().unwrap_or("badge");
    let _ = file_kind::file_stem(name);
    let _ = share::embed_snippet(name, b.image.as_deref(), "https://v.example/?url=x");
    let _ = b.image.as_deref().map(safe_urls::is_safe_image);
    let _ = share::linkedin_link(
        name,
        b.issuer.name.as_deref().unwrap_or(""),
        b.issued.as_deref(),
        shared.as_deref(),
        b.verify_url.as_deref(),
    );
    for lang in [Lang::En, Lang::ZhTw] {
        for d in [&b.issued, &b.expires].into_iter().flatten() {
            let _ = dates::format_date(d, lang);
        }
    }
    let mut texts: Vec<&str> = Vec::new();
    texts.extend(b.description.as_deref());
    if let Some(c) = &b.criteria {
        texts.extend(c.narrative.as_deref());
    }
    for e in &b.evidence {
        texts.extend(e.narrative.as_deref());
        texts.extend(e.description.as_deref());
    }
    for a in &b.alignments {
        texts.extend(a.description.as_deref());
    }
    for e in &b.endorsements {
        texts.extend(e.comment.as_deref());
    }
    for t in texts {
        let _ = markdown::markdown_blocks(t);
    }
}

// ---------------------------------------------------------------------------------------------

struct Case {
    seed: String,
    input: Vec<u8>,
    served_mutation: Option<String>,
}

/// How far a case got: past the signature, to a status or revocation list, to endorsements.
#[derive(Default, Debug)]
struct Reached {
    signed: usize,
    status: usize,
    endorsements: usize,
}

fn run_case(case: &Case, fetcher: &MemoryFetcher, opts: &Options, reached: &mut Reached) {
    let input = Input::Bytes {
        name: case.seed.clone(),
        bytes: case.input.clone(),
    };
    let report = futures::executor::block_on(verify(&input, fetcher, opts));
    present_all(&report);
    let passed = |ids: &[&str]| {
        report
            .checks
            .iter()
            .any(|c| ids.contains(&c.id.as_str()) && c.outcome == Outcome::Passed)
    };
    if passed(&["proof", "signature"]) {
        reached.signed += 1;
        if report.checks.iter().any(|c| {
            ["status", "revocation"].contains(&c.id.as_str()) && c.outcome != Outcome::NotApplicable
        }) {
            reached.status += 1;
        }
        if report
            .badge
            .as_ref()
            .is_some_and(|b| !b.endorsements.is_empty())
        {
            reached.endorsements += 1;
        }
    }
}

/// The `file:line` a panic message starts with: one report per place that panics.
fn location(msg: &str) -> String {
    msg.split(": ").next().unwrap_or(msg).to_string()
}

fn env_number(name: &str) -> Option<u64> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

#[test]
fn mutated_credentials_never_panic() {
    let cases = env_number("VERIFY_RANDOM_CASES").unwrap_or(200) as usize;
    let rng_seed = env_number("VERIFY_RANDOM_SEED").unwrap_or(0x5EED_0014);
    let mut seeds = fixture_seeds();
    assert!(seeds.len() > 100, "only {} fixture seeds", seeds.len());
    // Our own signed seeds get past the signature: a third of the cases start from them.
    let own = own_seeds();
    seeds.extend(own.iter().cloned());
    let served = served(&seeds);
    let base = {
        let mut f = MemoryFetcher::new();
        for (url, body) in &served {
            f.insert(url, 200, "application/ld+json", body.clone());
        }
        f
    };
    let opts = Options::at(
        chrono::DateTime::parse_from_rfc3339(AT)
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    let started = std::time::Instant::now();
    let mut rng = Rng(rng_seed);
    // Panics are collected (first case per location) and reported together at the end.
    let failures = std::sync::Arc::new(std::sync::Mutex::new(BTreeMap::<String, String>::new()));
    let last_panic = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let hook_panic = last_panic.clone();
    let previous_hook = std::sync::Arc::new(std::panic::take_hook());
    let hook_previous = previous_hook.clone();
    let this_thread = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        // Other tests in this binary run on other threads: their panics are reported as usual.
        if std::thread::current().id() != this_thread {
            return hook_previous(info);
        }
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        let loc = info
            .location()
            .map(|l| format!("{}:{}", l.file(), l.line()))
            .unwrap_or_default();
        if let Ok(mut p) = hook_panic.lock() {
            *p = format!("{loc}: {msg}");
        }
    }));
    let mut resigned = 0;
    let mut reached = Reached::default();
    for n in 0..cases {
        let seed = if rng.below(3) == 0 {
            rng.pick(&own).clone()
        } else {
            rng.pick(&seeds).clone()
        };
        // A quarter of the cases keep the badge and mutate a document it fetches instead.
        let text = serde_json::to_string(&seed.doc).unwrap_or_default();
        let fetched: Vec<&String> = served
            .keys()
            .filter(|u| text.contains(u.as_str()))
            .collect();
        let mut fetcher = base.clone();
        let mut served_mutation = None;
        let mut doc = seed.doc.clone();
        let resign;
        if !fetched.is_empty() && rng.below(4) == 0 {
            let url = rng.pick(&fetched).to_string();
            let mut served_doc: Value =
                serde_json::from_slice(&served[&url]).unwrap_or(Value::Null);
            for _ in 0..=rng.below(3) {
                mutate(&mut rng, &mut served_doc);
            }
            if url == LIST_URL && rng.below(2) == 0 {
                served_doc = resign_data_integrity(served_doc.clone()).unwrap_or(served_doc);
            }
            let body = serde_json::to_vec(&served_doc).unwrap_or_default();
            served_mutation = Some(format!("{url}: {}", String::from_utf8_lossy(&body)));
            fetcher.insert(&url, 200, "application/ld+json", body);
            resign = false;
        } else {
            for _ in 0..=rng.below(3) {
                mutate(&mut rng, &mut doc);
            }
            resign = seed.resign != Resign::No && rng.below(5) != 0;
        }
        if resign {
            resigned += 1;
        }
        let built = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            bytes_of(&seed, &doc, &seed.form, resign)
        }));
        let input = match built {
            Ok(b) => b,
            Err(_) => {
                // Signing runs the verifier's own canonicalization: a panic there counts too.
                let msg = last_panic.lock().map(|p| p.clone()).unwrap_or_default();
                failures
                    .lock()
                    .unwrap()
                    .entry(location(&msg))
                    .or_insert(format!(
                        "seed {rng_seed:#x} case {n} ({}), while signing: {msg}\n{}",
                        seed.name,
                        serde_json::to_string(&doc).unwrap_or_default()
                    ));
                continue;
            }
        };
        // OB 2.0 hosted assertions are compared with the copy at their id: serve the mutated one.
        if let Some(id) = doc.get("id").and_then(Value::as_str) {
            if id.starts_with("http") && matches!(seed.form, Form::Json) {
                fetcher.insert(id, 200, "application/ld+json", input.clone());
            }
        }
        let case = Case {
            seed: seed.name.clone(),
            input,
            served_mutation,
        };
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_case(&case, &fetcher, &opts, &mut reached)
        }));
        if result.is_err() {
            let msg = last_panic.lock().map(|p| p.clone()).unwrap_or_default();
            let out = std::env::temp_dir().join(format!("verify-random-{rng_seed:x}-{n}.bin"));
            std::fs::write(&out, &case.input).ok();
            failures
                .lock()
                .unwrap()
                .entry(location(&msg))
                .or_insert(format!(
                    "seed {rng_seed:#x} case {n} ({}): {msg}\ninput saved to {}{}\n{}",
                    case.seed,
                    out.display(),
                    case.served_mutation
                        .as_deref()
                        .map(|m| format!("\nwith the served document {m}"))
                        .unwrap_or_default(),
                    String::from_utf8_lossy(&case.input[..case.input.len().min(4000)])
                ));
        }
    }
    let _ = std::panic::take_hook();
    eprintln!(
        "{cases} cases ({resigned} re-signed) from {} seeds in {:.1} s; {reached:?}",
        seeds.len(),
        started.elapsed().as_secs_f64()
    );
    // Mutations must reach the code behind the signature, or this test proves little.
    assert!(
        reached.signed * 5 > cases && reached.status > cases / 50,
        "too few cases got past the signature: {reached:?} of {cases}"
    );
    let failures = failures.lock().unwrap();
    assert!(
        failures.is_empty(),
        "panics at {} places (first case for each):\n\n{}",
        failures.len(),
        failures.values().cloned().collect::<Vec<_>>().join("\n\n")
    );
}

/// Where the browser end-to-end test finds its mutated corpus (tests/e2e/app.test.mjs).
const E2E_CORPUS: &str = "../../tests/fixtures/e2e/mutated-corpus.json";
const E2E_CASES: usize = 240;

/// The mutated corpus the browser test feeds to the app (built with `panic = "abort"`, where a
/// panic would take the page down with every card): 240 mutated inputs, as text or SVG (the
/// PNG payloads go as their text), and the documents they fetch, from a fixed seed.
/// `UPDATE_FIXTURES=1 cargo test --test verify_random e2e_corpus` rewrites it after a change
/// to the mutations; every run checks that the committed corpus verifies natively without a
/// panic (a panic fails the test, as everywhere in this file).
#[test]
fn e2e_corpus() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(E2E_CORPUS);
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        let mut seeds = fixture_seeds();
        let own = own_seeds();
        seeds.extend(own.iter().cloned());
        let all_served = served(&seeds);
        let mut rng = Rng(0xE2E0_0014);
        let mut inputs = Vec::new();
        for n in 0..E2E_CASES {
            let seed = if rng.below(2) == 0 {
                rng.pick(&own).clone()
            } else {
                rng.pick(&seeds).clone()
            };
            let mut doc = seed.doc.clone();
            for _ in 0..=rng.below(3) {
                mutate(&mut rng, &mut doc);
            }
            let resign = seed.resign != Resign::No && rng.below(5) != 0;
            let form = match &seed.form {
                Form::Png(_, inner) => (**inner).clone(),
                other => other.clone(),
            };
            let bytes = bytes_of(&seed, &doc, &form, resign);
            let ext = match form {
                Form::Json => "json",
                Form::Jwt { .. } => "jwt",
                Form::Svg(..) => "svg",
                Form::Png(..) => "png",
            };
            inputs.push(json!({
                "name": format!("m{n:03}.{ext}"),
                "seed": seed.name,
                "base64": base64::engine::general_purpose::STANDARD.encode(&bytes),
            }));
        }
        let texts: Vec<String> = inputs.iter().map(|i| i.to_string()).collect();
        let mut docs = Map::new();
        for (url, body) in &all_served {
            // Only the documents the corpus refers to (the rest would only make the file big).
            let decoded: Vec<String> = inputs
                .iter()
                .filter_map(|i| i["base64"].as_str())
                .filter_map(|b| base64::engine::general_purpose::STANDARD.decode(b).ok())
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .collect();
            if decoded
                .iter()
                .chain(&texts)
                .any(|t| t.contains(url.as_str()))
            {
                docs.insert(url.clone(), json!(String::from_utf8_lossy(body)));
            }
        }
        let corpus = json!({
            "about": "Generated by tests/verify_random.rs (e2e_corpus); UPDATE_FIXTURES=1 rewrites it.",
            "served": docs,
            "inputs": inputs,
        });
        std::fs::write(&path, serde_json::to_string_pretty(&corpus).unwrap()).unwrap();
    }
    let corpus: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    let mut fetcher = MemoryFetcher::new();
    for (url, body) in corpus["served"].as_object().unwrap() {
        fetcher.insert(url, 200, "application/ld+json", body.as_str().unwrap());
    }
    let opts = Options::at(
        chrono::DateTime::parse_from_rfc3339(AT)
            .unwrap()
            .with_timezone(&chrono::Utc),
    );
    let inputs = corpus["inputs"].as_array().unwrap();
    assert_eq!(inputs.len(), E2E_CASES);
    let mut reached = Reached::default();
    for i in inputs {
        let case = Case {
            seed: i["name"].as_str().unwrap().to_string(),
            input: base64::engine::general_purpose::STANDARD
                .decode(i["base64"].as_str().unwrap())
                .unwrap(),
            served_mutation: None,
        };
        run_case(&case, &fetcher, &opts, &mut reached);
    }
    eprintln!("e2e corpus: {reached:?} of {E2E_CASES}");
    assert!(reached.signed * 5 > E2E_CASES, "{reached:?}");
}
