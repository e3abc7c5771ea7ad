//! Idle-time warm-up for the app: one whole verification of a bundled sample credential, so
//! the first badge a person drops does not pay for first-time work — JSON-LD contexts
//! compiled into the fast path's tables, and the browser compiling the WebAssembly functions
//! of extraction, conformance, key resolution, canonicalization and Ed25519 on their first call.
//!
//! The sample (`warm_up_credential.json`) is an OB 3.0 `eddsa-rdfc-2022` credential from a
//! did:key issuer, signed by `tests/support/sign.rs` (seed 42; `tests/warm_up.rs` checks it is
//! exactly what that signer makes, and that it verifies).

use super::{verify, Input, Options};
use crate::report::Verdict;
use crate::resolve::fetch::Fetcher;

/// The bundled sample credential.
pub const SAMPLE: &str = include_str!("warm_up_credential.json");

/// Verifies the sample at `at` with `fetcher` — the caller's own, so the code warmed is the
/// code its badges will run (the pipeline is generic over the fetcher; nothing is fetched, the
/// key is a did:key) — then compiles the scoped contexts the sample does not use
/// (`crate::proof::jsonld::warm_up`). Returns whether both came out as expected (a test
/// keeps it so).
pub fn warm_up<F: Fetcher>(fetcher: &F, at: chrono::DateTime<chrono::Utc>) -> bool {
    let input = Input::Bytes {
        name: "warm-up".into(),
        bytes: SAMPLE.as_bytes().to_vec(),
    };
    // Nothing is fetched, so the future completes without waiting.
    let report = futures::executor::block_on(verify(&input, fetcher, &Options::at(at)));
    report.verdict == Verdict::Valid && crate::proof::jsonld::warm_up()
}
