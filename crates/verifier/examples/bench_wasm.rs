//! `verify()` alone in the browser (issue #8): the core built for wasm32 with the app's release
//! profile and wasm-opt flags, driven by `scripts/bench-wasm.mjs` in headless Chromium.
//!
//! `prepare(n)` signs `n` distinct OB 3.0 `eddsa-rdfc-2022` credentials (20 did:key issuers, no
//! status) inside the module, outside any timing; `verify_nth(i)` verifies the `i`-th one and
//! returns its verdict, so the page can time single calls and batches with `performance.now()`.
//! Natively this example is empty.

#[cfg(target_arch = "wasm32")]
#[path = "../tests/support/sign.rs"]
mod sign;

#[cfg(target_arch = "wasm32")]
mod wasm {
    use super::sign;
    use badge_verifier::{verify, Input, MemoryFetcher, Options};
    use std::cell::RefCell;
    use wasm_bindgen::prelude::wasm_bindgen;

    thread_local! {
        static CREDENTIALS: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
        /// Verification time fixed at 2026-01-01, made once rather than in every timed call.
        static OPTIONS: Options = Options::at(
            chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap().into(),
        );
    }

    /// Signs `n` credentials (tests/support/sign.rs: 20 did:key issuers in turn).
    #[wasm_bindgen]
    pub fn prepare(n: u32) {
        let creds = sign::benchmark_credentials(n as usize);
        CREDENTIALS.with(|c| *c.borrow_mut() = creds);
    }

    /// Verifies credential `i` (modulo the prepared count) as the app does; returns the verdict.
    #[wasm_bindgen]
    pub fn verify_nth(i: u32) -> String {
        let bytes = CREDENTIALS.with(|c| {
            let c = c.borrow();
            c[i as usize % c.len()].clone()
        });
        let input = Input::Bytes {
            name: "bench".into(),
            bytes,
        };
        let report =
            OPTIONS.with(|o| futures::executor::block_on(verify(&input, &MemoryFetcher::new(), o)));
        format!("{:?}", report.verdict).to_lowercase()
    }
}

fn main() {}
