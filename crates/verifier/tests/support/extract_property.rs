//! The extraction property, shared by the `cargo fuzz` target (fuzz/fuzz_targets/extract.rs) and
//! the stable randomized test (tests/extract_random.rs): on any bytes, extraction, classification
//! of what it yields, and baking never panic, and a successful bake extracts back to the payload.

use badge_verifier::extract::{bake_png, bake_svg, extract, BadgeVersion, Payload};
use badge_verifier::model::{classify_json_text, classify_jws};
use badge_verifier::Limits;

pub fn check(data: &[u8]) {
    let limits = Limits::default();
    if let Ok(found) = extract(data, &limits) {
        match &found.payload {
            Payload::Json(t) => drop(classify_json_text(t)),
            Payload::Jws(t) => drop(classify_jws(t)),
            Payload::Url(_) => {}
        }
    }
    if let Ok(text) = std::str::from_utf8(data) {
        drop(classify_json_text(text));
        drop(classify_jws(text));
    }
    let payload = Payload::Jws("eyJhbGciOiJSUzI1NiJ9.eyJhIjoxfQ.c2ln".into());
    for baked in [
        bake_png(data, BadgeVersion::Ob3, &payload),
        bake_svg(data, BadgeVersion::Ob3, &payload),
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(
            extract(&baked, &limits).map(|e| e.payload),
            Ok(payload.clone()),
            "bake then extract must give the payload back"
        );
    }
}
