//! Hostile JSON-LD: odd contexts, keywords in wrong places, containers the OB contexts never
//! use. Each must give a result or an error, never a panic (a panic aborts the WASM app).

use badge_verifier::proof::jsonld::canonicalize;
use serde_json::json;

#[test]
fn hostile_json_ld_never_panics() {
    let v2 = "https://www.w3.org/ns/credentials/v2";
    let cases = vec![
        json!({"@context": 5}),
        json!({"@context": [v2, 5]}),
        json!({"@context": [v2, {"@vocab": 3}]}),
        json!({"@context": [v2, {"@vocab": "relative"}], "foo": 1}),
        json!({"@context": [v2, {"@base": "http://x/"}], "id": "rel"}),
        json!({"@context": v2, "id": 5}),
        json!({"@context": v2, "type": {}}),
        json!({"@context": v2, "type": [1]}),
        json!({"@context": v2, "@graph": "x"}),
        json!({"@context": v2, "@graph": [{"@list": [1]}]}),
        json!({"@context": v2, "name": {"@list": [{"@list": [1]}]}}),
        json!({"@context": v2, "name": {"@value": {}}}),
        json!({"@context": v2, "name": {"@value": "x", "@type": "@json"}}),
        json!({"@context": v2, "name": {"@value": "x", "@type": "rel"}}),
        json!({"@context": v2, "name": {"@value": "x", "@direction": "up"}}),
        json!({"@context": v2, "name": {"@value": "x", "@direction": "rtl", "@language": "en"}}),
        json!({"@context": v2, "@reverse": {"name": "x"}}),
        json!({"@context": [v2, {"rev": {"@reverse": "https://ex/p"}}], "rev": {"id": "https://a"}}),
        json!({"@context": [v2, {"@import": "https://www.w3.org/ns/credentials/v2"}]}),
        json!({"@context": [v2, {"@import": "https://nope/"}]}),
        json!({"@context": [v2, {"x": {"@id": "https://ex/x", "@context": "https://nope/c"}}], "x": {"y": 1}}),
        json!({"@context": [v2, {"@version": 1.0}]}),
        json!({"@context": [v2, {"@protected": true, "name": "https://other/name"}]}),
        json!({"@context": null, "https://ex/p": "x"}),
        json!({"@context": [v2], "id": "_:b0", "https://ex/p": {"id": "_:b0"}}),
        json!({"@context": [v2], "@included": [{"id": "https://a", "https://ex/p": 1}]}),
        json!({"@context": [v2, {"@propagate": false}]}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@container": "@graph"}}], "p": {"https://ex/q": 1}}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@container": "@language"}}], "p": {"en": "x", "bad tag": "y"}}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@container": "@index"}}], "p": {"a": "x"}}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@container": "@id"}}], "p": {"rel": {"https://ex/q": 1}}}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@container": "@type"}}], "p": {"T": {"https://ex/q": 1}}}),
        json!({"@context": [v2, {"@nest": "x"}]}),
        json!({"@context": [v2, {"n": "@nest"}], "n": {"name": "x"}}),
        json!({"@context": [v2, {"n": "@nest"}], "n": {"bogus": "x"}}),
        json!({"@context": v2, "name": 1e308, "description": -0.0}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@type": "@vocab"}}], "p": "Undefined"}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@type": "@id"}}], "p": "rel/x"}),
        json!({"@context": [v2, {"p": {"@id": "https://ex/p", "@type": "@id"}}], "p": "::"}),
        json!({"@context": [v2], "id": "http://[bad"}),
        json!({"@context": [v2], "id": "a b:c"}),
    ];
    let mut errors = 0;
    for c in &cases {
        match std::panic::catch_unwind(|| canonicalize(c)) {
            Ok(Ok(_)) => {}
            Ok(Err(_)) => errors += 1,
            Err(_) => panic!("panicked on {c}"),
        }
    }
    // Most of these are refused (undefined terms, relative IRIs, bad values, unknown contexts).
    assert!(errors >= 20, "{errors}");
}

/// A "poison" graph for RDFC-1.0: blank nodes all linked to each other are indistinguishable,
/// and canonicalizing them is exponential. The call limit turns that into an error.
#[test]
fn rdfc_poison_graph_is_refused() {
    let n = 8;
    let nodes: Vec<serde_json::Value> = (0..n)
        .map(|i| {
            let others: Vec<String> = (0..n)
                .filter(|j| *j != i)
                .map(|j| format!("_:n{j}"))
                .collect();
            json!({"@id": format!("_:n{i}"), "p": others})
        })
        .collect();
    let doc = json!({"@context": {"p": {"@id": "https://ex/p", "@type": "@id"}}, "@graph": nodes});
    let err = canonicalize(&doc).unwrap_err().to_string();
    assert!(err.contains("limit"), "{err}");
}
