//! `WebUrl` (the URL Standard's parts) against the shared cases in `tests/fixtures/weburl/`,
//! which the browser's own `URL` parser must also pass (tests/e2e/app.test.mjs): the CLI
//! (url crate) and the app (the page's parser) read badge URLs alike.

use badge_verifier::resolve::weburl::WebUrl;
use serde_json::Value;

#[test]
fn the_shared_url_cases() {
    let cases: Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/weburl/cases.json")).unwrap();
    let cases = cases["cases"].as_array().unwrap();
    assert!(cases.len() >= 20);
    let mut wrong = Vec::new();
    for case in cases {
        let input = case["input"].as_str().unwrap();
        let got = match WebUrl::parse(input) {
            Err(_) => serde_json::json!({"input": input, "error": true}),
            Ok(u) => serde_json::json!({
                "input": input,
                "href": u.as_str(),
                "scheme": u.scheme(),
                "host": u.host_str(),
                "port": u.port(),
                "origin": u.http_origin(),
            }),
        };
        if &got != case {
            wrong.push(format!("expected {case}\n     got {got}"));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
