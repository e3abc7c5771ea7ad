//! Open Badges 2.0 and 3.0 verification: give it a badge (a baked PNG or SVG, JSON, a compact
//! JWS/JWT, or a URL) and it says whether the badge is valid, and why, check by check. No UI:
//! the CLI (`badge-verify`) and the browser app are thin shells around [`verify()`].
//!
//! ```text
//! input bytes ─▶ extract ─▶ model (OB 2.0 | OB 3.0) ─▶ resolve (documents, keys)
//!             ─▶ proof / status checks ─▶ verify ─▶ Report ─▶ app view / CLI
//! ```
//!
//! Everything the verifier reads from the network goes through a [`Fetcher`]: the CLI's
//! `resolve::native::NativeFetcher` (feature `native-fetcher`), the app's own browser fetcher,
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
//!
//! # Features
//!
//! - `extended-suites` (default): RSA (RS256, PS256, OB 2.0 signed assertions, RSA keys),
//!   P-384 (ES384, `ecdsa-rdfc-2019` / `ecdsa-jcs-2019` with P-384), secp256k1 (ES256K) and
//!   `ecdsa-sd-2023`. Without it (the app's first-load build, for size) those keys are still
//!   recognised, and a signature that needs them is a `full-verifier` check: not checked, the
//!   badge unverifiable, so the app can verify it again with the full build it loads on demand.
//! - `json-schema` (default): checks an OB 3.0 `credentialSchema` against the bundled schema;
//!   without it that check is reported as not checked (the app leaves it out for size).
//! - `qr` (default): QR codes in a PNG without a badge chunk or a JPEG (a photo or scan of a
//!   printed certificate), each verified as a nested report (`extract::qr`, `image` + `rqrr`).
//!   Without it the app's on-demand module is asked, else a `full-verifier` check says so.
//! - `pdf` (default): reads PDFs (résumés) with lopdf: each link, URL in the text and attached
//!   badge is a nested report with its page (`verify/pdf.rs`). Without it (the app's first
//!   load) the on-demand module reads the PDF, or a `full-verifier` check says it is needed.
//! - `native-fetcher`: `resolve::native::NativeFetcher`, the CLI's HTTP(S) client (ureq),
//!   with the address checks and redirect rules of [`resolve::fetch::FetchPolicy`]. Native only.
//! - `test-support`: helpers for tests (baking PNG/SVG badges, encoding status lists, the
//!   pipeline's inner modules). Not part of the supported API; native only.
//!
//! # Layers
//!
//! The modules are layered (issue #15), top first. A module names only modules of lower layers
//! (and its own submodules), never one beside or above it, and there is no import circle at any
//! depth; `tests/layers.rs` holds the same order and enforces it.
//!
//! ```text
//! verify                runs every check: fetches documents and status lists, proves them,
//!                       builds the Report
//! recipient             is the report's recipient the person named? (one rule: the recipient
//!                       check and the app's earner check)
//! report                the Report; a verdict of valid needs a trust::Issued
//! status                status and revocation lists decoded and looked up (no fetching)
//! trust                 who issued it: keys bound to the issuer, hosted scopes → Issued
//! resolve | proof       documents and keys (fetch, did, keys) | signatures (Data Integrity,
//!                       JSON-LD with the bundled contexts); neither names the other
//! model                 OB 2.0 / OB 3.0 documents told apart
//! jose                  public keys and compact JWS
//! extract               the payload of a PNG, SVG, JSON text or URL
//! strict_json unicode
//! platform limits memo check              leaves (platform: the only cfg(target_arch))
//! ```

#![warn(missing_docs)]

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

pub mod check;
pub mod detail;
pub mod extract;
pub mod jose;
pub mod limits;
mod memo;
pub mod offload;
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
pub use resolve::fetch::{FetchError, FetchPurpose, Response};

/// Verifies one input and reports the verdict with every check that led to it. It never
/// panics on bad input: unreadable bytes are a report with [`Verdict::Error`].
///
/// ```
/// use badge_verifier::{verify, Input, MemoryFetcher, Options, Verdict};
///
/// let input = Input::Bytes { name: "photo.png".into(), bytes: b"\x89PNG but not really".to_vec() };
/// let at = "2025-06-01T00:00:00Z".parse().unwrap();
/// let report = futures::executor::block_on(verify(&input, &MemoryFetcher::new(), &Options::at(at)));
/// assert_eq!(report.verdict, Verdict::Error);
/// assert_eq!(report.input, "photo.png");
/// assert!(!report.checks.is_empty(), "the report says what could not be read");
/// ```
#[doc(inline)]
pub use verify::verify;

/// ```
/// use badge_verifier::Input;
///
/// // A dropped file or pasted text: its bytes (PNG, SVG, JSON or a compact JWS), named for the report.
/// let file = Input::Bytes { name: "badge.svg".into(), bytes: b"<svg/>".to_vec() };
/// assert_eq!(file.name(), "badge.svg");
/// // A URL to fetch: a hosted assertion, a credential or a baked image.
/// let url = Input::Url("https://issuer.example/assertions/1".into());
/// assert_eq!(url.name(), "https://issuer.example/assertions/1");
/// ```
#[doc(inline)]
pub use verify::Input;

/// ```
/// use badge_verifier::{verify, Input, MemoryFetcher, Options, Verdict};
/// # use serde_json::json;
/// # let a = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
/// #     "id": "https://issuer.example/a/1", "badge": "https://issuer.example/b",
/// #     "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
/// #     "verification": {"type": "HostedBadge"}, "issuedOn": "2024-01-01T00:00:00Z",
/// #     "expires": "2025-01-01T00:00:00Z"}).to_string();
/// # let b = json!({"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
/// #     "id": "https://issuer.example/b", "name": "Rust", "description": "Writes Rust.",
/// #     "image": "https://issuer.example/b.png", "criteria": {"narrative": "Wrote Rust."},
/// #     "issuer": "https://issuer.example/i"}).to_string();
/// # let i = json!({"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
/// #     "id": "https://issuer.example/i", "name": "Example Issuer",
/// #     "url": "https://issuer.example", "email": "badges@issuer.example"}).to_string();
/// # let fetcher = MemoryFetcher::new()
/// #     .with("https://issuer.example/a/1", "application/ld+json", a)
/// #     .with("https://issuer.example/b", "application/ld+json", b)
/// #     .with("https://issuer.example/i", "application/ld+json", i);
/// let input = Input::Url("https://issuer.example/a/1".into());
/// let run = |opts: &Options| futures::executor::block_on(verify(&input, &fetcher, opts));
///
/// // Validity windows are evaluated at `at` (the badge above expires at the start of 2025).
/// let before = Options::at("2024-06-01T00:00:00Z".parse().unwrap());
/// assert_eq!(run(&before).verdict, Verdict::Valid);
/// let after = Options::at("2025-06-01T00:00:00Z".parse().unwrap());
/// assert_eq!(run(&after).verdict, Verdict::Expired);
///
/// // A recipient to match is reported on, without changing the verdict.
/// let bob = Options { recipient: Some("bob@example.org".into()), ..before.clone() };
/// let report = run(&bob);
/// assert_eq!((report.verdict, report.recipient_match), (Verdict::Valid, Some(false)));
/// ```
#[doc(inline)]
pub use verify::Options;

/// ```
/// use badge_verifier::{verify, FetchError, FetchPurpose, Fetcher, Input, Options, Response, Verdict};
///
/// /// A fetcher with no network: every document is out of reach.
/// struct Offline;
///
/// impl Fetcher for Offline {
///     async fn get(
///         &self,
///         _url: &str,
///         _purpose: FetchPurpose,
///         _time_left_ms: u64,
///     ) -> Result<Response, FetchError> {
///         Err(FetchError::Network("offline".into()))
///     }
/// }
///
/// let input = Input::Url("https://issuer.example/assertions/1".into());
/// let at = "2025-06-01T00:00:00Z".parse().unwrap();
/// let report = futures::executor::block_on(verify(&input, &Offline, &Options::at(at)));
/// // What could not be fetched cannot be verified (never "invalid", never "valid").
/// assert_eq!(report.verdict, Verdict::Unverifiable);
/// ```
#[doc(inline)]
pub use resolve::fetch::Fetcher;

/// ```
/// use badge_verifier::{verify, Input, MemoryFetcher, Options, Verdict};
///
/// let fetcher = MemoryFetcher::new()
///     .with("https://issuer.example/new", "application/ld+json", r#"{"not": "a badge"}"#)
///     .redirect("https://issuer.example/old", "https://issuer.example/new");
/// let input = Input::Url("https://issuer.example/old".into());
/// let at = "2025-06-01T00:00:00Z".parse().unwrap();
/// let report = futures::executor::block_on(verify(&input, &fetcher, &Options::at(at)));
/// assert_ne!(report.verdict, Verdict::Valid);
/// // Every URL the verifier asked for, in order.
/// assert_eq!(fetcher.requests(), ["https://issuer.example/old"]);
/// ```
#[doc(inline)]
pub use resolve::fetch::MemoryFetcher;
