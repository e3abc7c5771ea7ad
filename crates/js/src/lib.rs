//! The verifier core for JavaScript: `verify(input, options)` in Node and in browsers, built
//! into an npm package by `scripts/build-npm.sh` (wasm-bindgen's `nodejs` and `web` targets).
//!
//! The core does everything it does for the CLI: this crate only turns JavaScript values into
//! an [`Input`](badge_verifier::Input) and [`Options`](badge_verifier::Options)
//! ([`rules`]), lets the caller's `fetch` answer the core's [`Fetcher`](badge_verifier::Fetcher)
//! under the core's own [`FetchPolicy`](badge_verifier::resolve::fetch::FetchPolicy) and
//! [`FetchLimits`](badge_verifier::resolve::fetch::FetchLimits) (`fetcher.rs`, wasm32 only),
//! and hands back the report as one `badge-verify --json` line.
//!
//! A verification runs as a `Job` (`bindings.rs`) that the package's JavaScript polls from
//! its own code (`poll()` returns the report, or nothing while a fetch is outstanding), not on
//! wasm-bindgen-futures' executor: a panic traps the WebAssembly instance, and a trap inside a
//! microtask that JavaScript did not call itself would be an uncaught exception (in Node, the
//! end of the process). Polled directly, a trap is an exception the package catches: that
//! input gets an `error` report and the next call gets a fresh instance
//! (`crates/js/npm/driver.mjs`).

pub mod rules;

#[cfg(target_arch = "wasm32")]
mod bindings;
#[cfg(target_arch = "wasm32")]
mod fetcher;
