//! Open Badges 2.0 and 3.0 verification: give it a badge (a baked PNG or SVG, JSON, a compact
//! JWS/JWT, or a URL) and it says whether the badge is valid, and why, check by check. No UI:
//! the CLI (`badge-verify`) and the browser app are thin shells around [`verify`].
//!
//! ```text
//! input bytes ─▶ extract ─▶ model (OB 2.0 | OB 3.0) ─▶ resolve (documents, keys, contexts)
//!             ─▶ proof / status checks ─▶ verify ─▶ Report ─▶ app view / CLI
//! ```
//!
//! Everything the verifier reads from the network goes through a [`Fetcher`]: the CLI's
//! [`resolve::native::NativeFetcher`] (feature `native-fetcher`), the app's own browser fetcher,
//! or a [`MemoryFetcher`] serving fixed documents, as here. The verdict is derived from the
//! [`Check`]s alone; `valid` needs the issuer established by a verified signature or a hosted
//! assertion within the issuer's scope.
//!
//! ```
//! use badge_verifier::{verify, Input, MemoryFetcher, Options, Outcome, Verdict};
//!
//! // A hosted OB 2.0 assertion, its BadgeClass and its issuer, all on the issuer's host.
//! let assertion = r#"{
//!   "@context": "https://w3id.org/openbadges/v2",
//!   "type": "Assertion",
//!   "id": "https://issuer.example/assertions/1",
//!   "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
//!   "badge": "https://issuer.example/badges/rust",
//!   "verification": {"type": "HostedBadge"},
//!   "issuedOn": "2024-01-01T00:00:00Z"
//! }"#;
//! let badge_class = r#"{
//!   "@context": "https://w3id.org/openbadges/v2",
//!   "type": "BadgeClass",
//!   "id": "https://issuer.example/badges/rust",
//!   "name": "Rust",
//!   "description": "Writes Rust.",
//!   "image": "https://issuer.example/badges/rust.png",
//!   "criteria": {"narrative": "Wrote Rust."},
//!   "issuer": "https://issuer.example/issuer"
//! }"#;
//! let issuer = r#"{
//!   "@context": "https://w3id.org/openbadges/v2",
//!   "type": "Issuer",
//!   "id": "https://issuer.example/issuer",
//!   "name": "Example Issuer",
//!   "url": "https://issuer.example",
//!   "email": "badges@issuer.example"
//! }"#;
//! let fetcher = MemoryFetcher::new()
//!     .with("https://issuer.example/assertions/1", "application/ld+json", assertion)
//!     .with("https://issuer.example/badges/rust", "application/ld+json", badge_class)
//!     .with("https://issuer.example/issuer", "application/ld+json", issuer);
//!
//! let input = Input::Bytes { name: "badge.json".into(), bytes: assertion.into() };
//! let at = "2025-06-01T00:00:00Z".parse().unwrap();
//! let report = futures::executor::block_on(verify(&input, &fetcher, &Options::at(at)));
//!
//! assert_eq!(report.verdict, Verdict::Valid, "{}", report.summary);
//! assert!(report.checks.iter().all(|c| c.outcome != Outcome::Failed));
//! for check in &report.checks {
//!     println!("{:?} {}", check.outcome, check.detail);
//! }
//! ```

/// Declares modules that only the crate's tests, benches and examples reach into: `pub` with the
/// `test-support` feature, crate-private without it, so they are not part of the public API.
macro_rules! test_visible {
    ($($name:ident),* $(,)?) => {$(
        #[cfg(feature = "test-support")]
        pub mod $name;
        #[cfg(not(feature = "test-support"))]
        pub(crate) mod $name;
    )*};
}

pub mod extract;
pub mod limits;
mod memo;
test_visible!(model);
mod platform;
test_visible!(proof);
pub mod recipient;
pub mod report;
pub mod resolve;
test_visible!(status);
pub mod strict_json;
pub mod trust;
pub mod unicode;
pub mod verify;

pub use limits::Limits;
pub use report::{Check, Format, Outcome, Report, Verdict};
pub use resolve::fetch::{FetchError, Fetcher, MemoryFetcher, Response};
pub use verify::{verify, Input, Options};
