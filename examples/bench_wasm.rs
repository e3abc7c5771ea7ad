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
    }

    /// Signs `n` credentials: issuer `k % 20`, each with its own name and earner.
    #[wasm_bindgen]
    pub fn prepare(n: u32) {
        let creds = (0..n)
            .map(|k| {
                let seed = [(k % 20) as u8 + 1; 32];
                let did = sign::did_key(seed);
                let c = sign::credential(
                    &did,
                    &format!("Skill {k}"),
                    &format!("mailto:earner{k}@example.org"),
                    "2025-03-01T09:00:00Z",
                );
                serde_json::to_vec(&sign::sign(c, seed, "2025-03-01T09:00:00Z")).unwrap()
            })
            .collect();
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
        let at = chrono::DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z").unwrap();
        let report = futures::executor::block_on(verify(
            &input,
            &MemoryFetcher::new(),
            &Options::at(at.into()),
        ));
        format!("{:?}", report.verdict).to_lowercase()
    }
}

fn main() {}
