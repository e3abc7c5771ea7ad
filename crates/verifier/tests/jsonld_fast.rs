//! The fast JSON-LD path (`proof::jsonld_fast`) against the general `json-ld` crate, output for
//! output: on every JSON-LD document in the fixtures (and its Data Integrity proof options),
//! and on random mutations of them. Wherever the fast path answers, its canonical N-Quads must
//! equal the reference's; where the reference refuses a document, the fast path must decline.

#[path = "support/rng.rs"]
mod rng;
use badge_verifier::proof::{data_integrity, jsonld, jsonld_fast};
use rng::Rng;
use serde_json::{json, Value};

#[path = "support/sign.rs"]
mod sign;

/// Every JSON-LD document the tests use with the unsecured document and proof options of each
/// Data Integrity proof (the corpus the compiled contexts are generated from), plus a
/// credential from the test signer and its proof's.
fn corpus() -> Vec<(String, Value)> {
    let mut docs = data_integrity::fixture_corpus();
    let seed = [7u8; 32];
    let did = sign::did_key(seed);
    let c = sign::credential(
        &did,
        "Skill",
        "mailto:earner@example.org",
        "2025-03-01T09:00:00Z",
    );
    let signed = sign::sign(c, seed, "2025-03-01T09:00:00Z");
    if let Some(proof) = signed.get("proof") {
        if let Ok((unsecured, options)) = data_integrity::prepare(&signed, proof) {
            docs.push(("signer (unsecured)".into(), unsecured));
            docs.push(("signer (proof options)".into(), options));
        }
    }
    docs.push(("signer".into(), signed));
    docs
}

// More cases: `JSONLD_FAST_CASES=50000 JSONLD_FAST_SEED=7 cargo test --release --test jsonld_fast`.

/// Compares the two paths on `doc`; returns whether the fast path answered.
fn agree(name: &str, doc: &Value) -> bool {
    let reference = jsonld::canonicalize_reference(doc);
    let fast = jsonld_fast::to_dataset(doc).map(|ds| jsonld::canonical_nquads(&ds));
    if let Some(fast) = &fast {
        assert_eq!(
            &reference,
            fast,
            "{name}: the fast path differs from json-ld on\n{}",
            serde_json::to_string_pretty(doc).unwrap()
        );
    }
    // What verification uses (fast path, else reference) must equal the reference exactly,
    // errors included.
    assert_eq!(jsonld::canonicalize(doc), reference, "{name}");
    fast.is_some()
}

#[test]
fn fast_path_equals_reference_on_every_fixture() {
    let corpus = corpus();
    assert!(corpus.len() > 50, "{}", corpus.len());
    let mut declined = Vec::new();
    for (name, doc) in &corpus {
        // Documents the reference refuses are declined by design; count the others.
        if !agree(name, doc) && jsonld::canonicalize_reference(doc).is_ok() {
            declined.push(name.clone());
        }
    }
    // The fast path must cover the real credentials, not just decline everything: only
    // documents with features outside its subset may go to the reference.
    eprintln!("declined: {declined:#?}");
    assert!(
        declined.len() * 5 < corpus.len(),
        "the fast path declined {} of {} documents: {declined:#?}",
        declined.len(),
        corpus.len()
    );
    for must in [
        "di/ob-spec/signed.json",
        "di/1edtech/simple.json",
        "di/1edtech/complete.json",
        "eddsa-rdfc-2022/employ/signedDataInt.json",
    ] {
        assert!(
            !declined.iter().any(|d| d.contains(must)),
            "{must} went to the reference path"
        );
    }
}

/// Paths (as JSON pointers) of every object in `v`, outside embedded `@context`s.
fn object_paths(v: &Value, at: String, out: &mut Vec<String>) {
    match v {
        Value::Object(o) => {
            out.push(at.clone());
            for (k, child) in o {
                if k != "@context" {
                    object_paths(
                        child,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                object_paths(child, format!("{at}/{i}"), out);
            }
        }
        _ => {}
    }
}

fn strings() -> Vec<Value> {
    [
        "relative",
        "_:b0",
        "_:b1",
        "_:",
        "urn:uuid:1",
        "did:example:123",
        "https://exa mple.org",
        "xsd:dateTime",
        "Achievement",
        "@id",
        "",
        "mailto:a@b.c",
        "http://example.org/#frag",
        "schema:name",
        "https://example.org/x?y=1",
        // A multi-byte first character (IRI expansion once sliced it at byte 1).
        "é:x",
        "urn:中文",
    ]
    .iter()
    .map(|s| json!(s))
    .collect()
}

fn replacements() -> Vec<Value> {
    vec![
        json!(42),
        json!(-1),
        json!(1.5),
        json!(1e30),
        json!(12345678901234567890u64),
        json!(true),
        json!(null),
        json!([]),
        json!([["x"]]),
        json!(["a", null, "b"]),
        json!({"@value": "2020-01-01T00:00:00Z", "@type": "xsd:dateTime"}),
        json!({"@value": "x", "@language": "en"}),
        json!({"@value": 3}),
        json!({"@id": "urn:x"}),
        json!({"id": "urn:x"}),
        json!({"@list": ["a"]}),
        json!({"@set": ["a"]}),
        json!({"id": "_:b0", "type": "Profile", "name": "P"}),
        json!({"type": "Image", "id": "https://example.org/i.png"}),
        json!({"type": ["Achievement"], "name": "A", "criteria": {"narrative": "n"}}),
        json!({"@graph": [{"id": "urn:g"}]}),
        json!({"a": {"b": {"c": 1}}}),
    ]
}

fn types() -> Vec<Value> {
    vec![
        json!("Achievement"),
        json!(["Profile", "Achievement"]),
        json!("Unknown"),
        json!("xsd:string"),
        json!("https://example.org/T"),
        json!(["VerifiableCredential", "OpenBadgeCredential"]),
        json!("EndorsementCredential"),
        json!(["Evidence"]),
        json!("Result"),
        json!("Alignment"),
        json!("_:t"),
        json!(3),
        json!(["AchievementSubject", "Profile"]),
        json!("DataIntegrityProof"),
    ]
}

fn contexts() -> Vec<Value> {
    vec![
        json!("https://www.w3.org/ns/credentials/v2"),
        json!("https://www.w3.org/2018/credentials/v1"),
        json!("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"),
        json!([
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
        ]),
        json!("https://w3id.org/security/data-integrity/v2"),
        json!({"x": "https://example.org/x"}),
        json!(null),
        json!("https://unknown.example/ctx"),
    ]
}

fn mutate(rng: &mut Rng, doc: &mut Value) {
    let mut paths = Vec::new();
    object_paths(doc, String::new(), &mut paths);
    let path = rng.pick(&paths).clone();
    // Keys used anywhere in the document: moving them around uses defined terms out of place.
    let mut keys: Vec<String> = Vec::new();
    for p in &paths {
        if let Some(Value::Object(o)) = doc.pointer(p) {
            keys.extend(o.keys().filter(|k| *k != "@context").cloned());
        }
    }
    let key = if keys.is_empty() {
        "name".to_owned()
    } else {
        rng.pick(&keys).clone()
    };
    let op = rng.below(11);
    let donor = {
        let p = rng.pick(&paths).clone();
        doc.pointer(&p).cloned().unwrap_or(Value::Null)
    };
    let Some(Value::Object(o)) = doc.pointer_mut(&path) else {
        return;
    };
    match op {
        0 => {
            let ks: Vec<String> = o.keys().cloned().collect();
            if !ks.is_empty() {
                let k = rng.pick(&ks).clone();
                o.remove(&k);
            }
        }
        1 => {
            let k = rng.pick(&[
                "unknownTerm",
                "https://example.org/ns#extra",
                "xsd:foo",
                "schema:name",
                "_:p",
                "@id",
                "@type",
                "@language",
                "é",
                "中:文",
                "😀:x",
            ]);
            let v = rng.pick(&strings()).clone();
            o.insert((*k).into(), v);
        }
        2 => {
            let v = rng.pick(&strings()).clone();
            o.insert(key, v);
        }
        3 => {
            let v = rng.pick(&replacements()).clone();
            o.insert(key, v);
        }
        4 => {
            let t = rng.pick(&types()).clone();
            let k = if rng.below(4) == 0 { "@type" } else { "type" };
            o.insert(k.into(), t);
        }
        5 => {
            let c = rng.pick(&contexts()).clone();
            o.insert("@context".into(), c);
        }
        6 => {
            o.insert(key, donor);
        }
        7 => {
            let renames = [
                ("id", "@id"),
                ("type", "@type"),
                ("@id", "id"),
                ("@type", "type"),
            ];
            let (from, to) = rng.pick(&renames);
            if let Some(v) = o.remove(*from) {
                o.insert((*to).into(), v);
            }
        }
        8 => {
            let id = rng.pick(&strings()).clone();
            o.insert("id".into(), id);
        }
        9 => {
            // A value wrapped in an array, or an array's first item alone.
            if let Some(v) = o.get_mut(&key) {
                *v = match v.take() {
                    Value::Array(mut a) if !a.is_empty() => a.swap_remove(0),
                    other => json!([other]),
                };
            }
        }
        _ => {
            let v = rng.pick(&replacements()).clone();
            o.insert(
                rng.pick(&["proof", "credentialSubject", "evidence", "alignment"])
                    .to_string(),
                v,
            );
        }
    }
}

#[test]
fn fast_path_equals_reference_on_mutations() {
    let corpus: Vec<(String, Value)> = corpus()
        .into_iter()
        .filter(|(_, d)| jsonld_fast::to_dataset(d).is_some())
        .collect();
    let cases: usize = std::env::var("JSONLD_FAST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_500);
    let seed = std::env::var("JSONLD_FAST_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0x9E37_79B9_7F4A_7C15);
    let mut rng = Rng(seed);
    let mut answered = 0;
    for case in 0..cases {
        let (name, doc) = rng.pick(&corpus);
        let mut doc = doc.clone();
        for _ in 0..=rng.below(3) {
            mutate(&mut rng, &mut doc);
        }
        if agree(&format!("{name}, mutation case {case}"), &doc) {
            answered += 1;
        }
    }
    eprintln!("fast path answered {answered} of {cases} mutated documents");
    // Mutations keep many documents inside the subset; a fast path that declines everything
    // would make this test vacuous. The share answered moves with the corpus (every fixture;
    // 504 of 1500 before the VC-JOSE-COSE fixtures of issue #16, 488 after), so the bound is
    // a quarter, not a third.
    assert!(answered * 4 > cases, "answered only {answered} of {cases}");
}
