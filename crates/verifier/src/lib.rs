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
//! # For library users
//!
//! Job boards, applicant tracking systems, learning platforms and the language bindings call
//! the same four things the CLI does: build an [`Input`], choose [`Options`], give
//! [`verify()`] a [`Fetcher`], and read the [`Report`].
//!
//! ## The pipeline
//!
//! [`verify()`] runs every step for one input and never panics on bad input: what cannot be
//! read is a report with [`Verdict::Error`], and one input's failure never touches another's.
//!
//! 1. **extract**: find the payload (a URL, JSON text or a compact JWS) in a baked PNG or SVG,
//!    in text, or behind a URL; a PDF, a web page or a photo of QR codes gives several, each
//!    verified as a report in [`Report::nested`] (features `pdf`, `html-pages`, `qr`).
//! 2. **model**: tell OB 2.0 assertions, OB 3.0 / VC credentials (Data Integrity or JWT),
//!    CLR 2.0 records and presentations apart ([`Format`]).
//! 3. **resolve**: fetch what the badge points to (hosted assertion, BadgeClass, issuer
//!    profile, DID documents, keys, status lists), every request through the [`Fetcher`],
//!    checked first against [`resolve::fetch::FetchPolicy`] and the input's budget.
//! 4. **prove**: verify each signature, and bind its key to the issuer ([`trust`]).
//! 5. **status and dates**: revocation and suspension lists, validity windows at
//!    [`Options::at`] (the core has no clock of its own for dates).
//! 6. **report**: every step adds [`Check`]s; the [`Verdict`] is derived from them alone.
//!
//! `verify()` is `async` because fetching is; natively it awaits nothing but the fetcher, so
//! run it with `futures::executor::block_on` (as the examples here do) or on any async
//! runtime's current thread; in the browser with `wasm_bindgen_futures::spawn_local`.
//!
//! ## Your own fetcher
//!
//! [`MemoryFetcher`] (above) serves fixed documents, for tests and pasted documents. The CLI's
//! HTTP(S) client is `resolve::native::NativeFetcher` (feature `native-fetcher`). To fetch
//! through your own HTTP stack, proxy or document store, implement [`Fetcher`]:
//!
//! - `get(url, purpose, time_left_ms)` gets one URL. The core has already checked `url`
//!   against [`Options::fetch_policy`] (https only, never a private or loopback address);
//!   a fetcher that follows redirects must check each hop with
//!   [`FetchPolicy::check_redirect`](resolve::fetch::FetchPolicy::check_redirect) and each
//!   address it connects to with
//!   [`FetchPolicy::check_address`](resolve::fetch::FetchPolicy::check_address).
//! - `purpose` ([`FetchPurpose`]) says why the core wants the document (for progress lines
//!   and logs); nothing may be decided by it.
//! - `time_left_ms` is what is left of the input's deadline ([`Limits::deadline_ms`]): give up
//!   after it (or after your own timeout, if shorter; see
//!   [`request_timeout_ms`](resolve::fetch::request_timeout_ms)) with [`FetchError::Timeout`].
//! - An HTTP error status is an answer, not an error: return a [`Response`] with that status
//!   (a hosted assertion answering 410 Gone is revoked). A [`FetchError`] means no answer was
//!   had (network, refused, too large, timeout), and makes what needed it unverifiable.
//! - Refuse bodies over your size limit:
//!   [`FetchLimits::response`](resolve::fetch::FetchLimits::response) does it for you.
//!
//! ```
//! use std::collections::HashMap;
//! use badge_verifier::resolve::fetch::{request_timeout_ms, FetchLimits};
//! use badge_verifier::{
//!     verify, FetchError, FetchPurpose, Fetcher, Input, Options, Response, Verdict,
//! };
//!
//! /// Documents from a store (a database, a crawler's cache …), keyed by URL.
//! struct StoreFetcher {
//!     docs: HashMap<String, String>,
//!     limits: FetchLimits,
//! }
//!
//! impl Fetcher for StoreFetcher {
//!     async fn get(
//!         &self,
//!         url: &str,
//!         purpose: FetchPurpose,
//!         time_left_ms: u64,
//!     ) -> Result<Response, FetchError> {
//!         // A network fetcher would give up after this many milliseconds.
//!         let timeout_ms = request_timeout_ms(self.limits.timeout_ms, time_left_ms);
//!         if timeout_ms == 0 {
//!             return Err(FetchError::Timeout { ms: 0 });
//!         }
//!         // For logs and progress only (Badge, BadgeClass, IssuerProfile, Key, StatusList).
//!         let _why = purpose;
//!         match self.docs.get(url) {
//!             // `response` refuses a body larger than `limits.max_bytes`.
//!             Some(body) => self.limits.response(
//!                 url.to_string(),
//!                 200,
//!                 Some("application/ld+json".into()),
//!                 body.clone().into_bytes(),
//!             ),
//!             // Not there: an answer (404), not a failure to fetch.
//!             None => Ok(Response {
//!                 final_url: url.to_string(),
//!                 status: 404,
//!                 content_type: None,
//!                 body: Vec::new(),
//!             }),
//!         }
//!     }
//! }
//!
//! # let (assertion, badge_class, issuer) = (
//! #     r#"{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
//! #         "id": "https://issuer.example/assertions/1", "badge": "https://issuer.example/badges/rust",
//! #         "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
//! #         "verification": {"type": "HostedBadge"}, "issuedOn": "2024-01-01T00:00:00Z"}"#,
//! #     r#"{"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
//! #         "id": "https://issuer.example/badges/rust", "name": "Rust", "description": "Writes Rust.",
//! #         "image": "https://issuer.example/badges/rust.png", "criteria": {"narrative": "Wrote Rust."},
//! #         "issuer": "https://issuer.example/issuer"}"#,
//! #     r#"{"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
//! #         "id": "https://issuer.example/issuer", "name": "Example Issuer",
//! #         "url": "https://issuer.example", "email": "badges@issuer.example"}"#,
//! # );
//! // The hosted assertion, BadgeClass and issuer of the first example.
//! let fetcher = StoreFetcher {
//!     docs: HashMap::from([
//!         ("https://issuer.example/assertions/1".to_string(), assertion.to_string()),
//!         ("https://issuer.example/badges/rust".to_string(), badge_class.to_string()),
//!         ("https://issuer.example/issuer".to_string(), issuer.to_string()),
//!     ]),
//!     limits: FetchLimits::default(),
//! };
//! let input = Input::Url("https://issuer.example/assertions/1".into());
//! let opts = Options::at("2025-06-01T00:00:00Z".parse().unwrap());
//! let report = futures::executor::block_on(verify(&input, &fetcher, &opts));
//! assert_eq!(report.verdict, Verdict::Valid, "{}", report.summary);
//! assert_eq!(
//!     report.expert.fetched,
//!     [
//!         "https://issuer.example/assertions/1",
//!         "https://issuer.example/badges/rust",
//!         "https://issuer.example/issuer",
//!     ]
//! );
//! ```
//!
//! ## Reading a report
//!
//! A [`Report`] is one input's answer: [`Report::verdict`], a one-sentence
//! [`Report::summary`], the [`Report::checks`] that led to it, what the badge shows
//! ([`Report::badge`], untrusted text), who issued it ([`Report::issued_by`]) and the
//! credentials inside a CLR, presentation, PDF, web page or image ([`Report::nested`]).
//!
//! - A [`Check`] names what was checked ([`check::CheckId`], a closed list with stable
//!   kebab-case ids), how it came out ([`Outcome`]: passed, failed, warning, not checked, not
//!   applicable) and what it forces on the badge ([`Check::effect`]).
//! - The [`Verdict`] is the worst effect of any check ([`Verdict::severity`]: a definite "no"
//!   such as `invalid`, `revoked` or `expired` outranks `unverifiable`), and `unverifiable`
//!   instead of `valid` when nothing established who issued the badge. A warning never
//!   changes it; a required check that could not be made is `unverifiable`, never passed.
//! - **`valid` guarantees** that the issuer named on the badge stands behind it: its
//!   signature verifies with a key the issuer's own documents list (its DID document, its
//!   JWK Set at `/.well-known/jwks.json`, its profile, or for OB 2.0 its `publicKey`), or an
//!   OB 2.0 assertion is hosted on the issuer's own site within its scope; every proof on it
//!   verifies; no status list the issuer signed revokes or suspends it; and it is within its
//!   validity window at [`Options::at`]. [`Report::issued_by`] is then always present and
//!   says how that was established. A CLR or presentation is `valid` only when every
//!   credential inside it is, each with its own issuer.
//! - A correct signature by a key the issuer's documents do not list is `invalid` (anyone can
//!   sign; not anyone is the issuer). When those documents cannot be reached, or a proof type
//!   is not implemented, it is `unverifiable`: never `valid`.
//! - [`Report::recipient_match`] answers [`Options::recipient`] and never changes the verdict.
//!
//! ## Details: templates, English by default
//!
//! Each [`Check::detail`] and the [`Report::summary`] is a [`detail::Detail`]: a template with
//! typed arguments (URLs, spec names, untrusted text, dates, counts, nested causes), so a user
//! interface can render it in any language. `to_string()` (its `Display`) gives the English
//! sentence the CLI prints; [`detail::Detail::template`] and [`detail::Detail::arg`] give the
//! parts.
//!
//! ```
//! use badge_verifier::detail::{code, url, Arg};
//! use badge_verifier::detail;
//!
//! let d = detail!(
//!     "the key {key} is not in {doc}",
//!     key = code("did:key:z6Mk…"),
//!     doc = url("https://issuer.example/issuer")
//! );
//! assert_eq!(d.to_string(), "the key did:key:z6Mk… is not in https://issuer.example/issuer");
//! assert_eq!(d.template(), Some("the key {key} is not in {doc}"));
//! assert_eq!(d.arg("doc"), Some(&Arg::Url("https://issuer.example/issuer".into())));
//! ```
//!
//! ## Budgets and limits
//!
//! Every input is bounded: input and payload sizes, JSON and XML depth, how many documents it
//! may fetch and how many bytes, a deadline for its fetches, how many nested credentials and
//! PDF pages are looked at ([`Limits`], in [`Options::limits`]). A budget that runs out is a
//! `budget` check: what was not fetched is not verified, so the badge is `unverifiable`, never
//! `valid`. The defaults suit interactive use; a batch job may tighten them:
//!
//! ```
//! use badge_verifier::{Limits, Options};
//!
//! let at = "2025-06-01T00:00:00Z".parse().unwrap();
//! let opts = Options {
//!     limits: Limits { max_fetches: 8, deadline_ms: 5_000, ..Limits::default() },
//!     ..Options::at(at)
//! };
//! assert_eq!(opts.limits.max_input_bytes, Limits::default().max_input_bytes);
//! ```
//!
//! ## Many inputs, threads and caching
//!
//! Badges from one issuer share its profile, keys and status lists: wrap your fetcher in a
//! [`resolve::cache::CachingFetcher`] and share that one instance across the batch, so each
//! URL is fetched once (successful answers only; concurrent requests for one URL share one
//! fetch; bounded in bytes).
//!
//! [`Input`], [`Options`], [`Report`], [`MemoryFetcher`] and `CachingFetcher<F>` (for a
//! `Send + Sync` fetcher `F`, as `NativeFetcher` is) are `Send + Sync`, so one fetcher can
//! serve worker threads and reports can be sent back from them. The future `verify()`
//! returns is not `Send`: run it to completion on the thread that made it, as the CLI does
//! (one `block_on` per input in each worker, `std::thread::scope`). Work that depends only on
//! its key (compiled JSON-LD contexts, decoded keys, verified status lists) is remembered per
//! thread, bounded, so long-lived workers get faster and stay within fixed memory.
//!
//! ```
//! use badge_verifier::resolve::cache::CachingFetcher;
//! use badge_verifier::{verify, Input, MemoryFetcher, Options, Report};
//!
//! fn send_sync<T: Send + Sync>() {}
//! send_sync::<Input>();
//! send_sync::<Options>();
//! send_sync::<Report>();
//! send_sync::<CachingFetcher<MemoryFetcher>>();
//!
//! let fetcher = CachingFetcher::new(MemoryFetcher::new());
//! let opts = Options::at("2025-06-01T00:00:00Z".parse().unwrap());
//! let inputs: Vec<Input> = (0..4)
//!     .map(|i| Input::Bytes { name: format!("{i}.json"), bytes: b"{}".to_vec() })
//!     .collect();
//! let reports: Vec<Report> = std::thread::scope(|s| {
//!     let workers: Vec<_> = inputs
//!         .chunks(2)
//!         .map(|chunk| {
//!             let (fetcher, opts) = (&fetcher, &opts);
//!             s.spawn(move || {
//!                 chunk
//!                     .iter()
//!                     .map(|input| futures::executor::block_on(verify(input, fetcher, opts)))
//!                     .collect::<Vec<_>>()
//!             })
//!         })
//!         .collect();
//!     workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
//! });
//! assert_eq!(reports.len(), 4);
//! ```
//!
//! ## The JSON report
//!
//! [`Report::to_json_line`] is the CLI's `--json` output: one JSON object on one line, with
//! `input`, `verdict` (kebab-case: `valid`, `not-yet-valid` …), `format`, `summary` (English),
//! `badge`, `recipient_match`, `checks` (`[{id, outcome, detail, effect?}]`), `expert`, and
//! when present `issued_by` (`{issuer, how: {by: "signature" | "hosted" | "presented", …}}`),
//! `nested`, `found_at` and `link`. Details are written in English; a report read back with
//! serde has them as [`detail::Detail::Text`]. [`Report::credential`] (the input itself) is
//! not in it.
//!
//! ```
//! use badge_verifier::{verify, Input, MemoryFetcher, Options, Report};
//! # let (assertion, badge_class, issuer) = (
//! #     r#"{"@context": "https://w3id.org/openbadges/v2", "type": "Assertion",
//! #         "id": "https://issuer.example/assertions/1", "badge": "https://issuer.example/badges/rust",
//! #         "recipient": {"type": "email", "hashed": false, "identity": "alice@example.org"},
//! #         "verification": {"type": "HostedBadge"}, "issuedOn": "2024-01-01T00:00:00Z"}"#,
//! #     r#"{"@context": "https://w3id.org/openbadges/v2", "type": "BadgeClass",
//! #         "id": "https://issuer.example/badges/rust", "name": "Rust", "description": "Writes Rust.",
//! #         "image": "https://issuer.example/badges/rust.png", "criteria": {"narrative": "Wrote Rust."},
//! #         "issuer": "https://issuer.example/issuer"}"#,
//! #     r#"{"@context": "https://w3id.org/openbadges/v2", "type": "Issuer",
//! #         "id": "https://issuer.example/issuer", "name": "Example Issuer",
//! #         "url": "https://issuer.example", "email": "badges@issuer.example"}"#,
//! # );
//! # let fetcher = MemoryFetcher::new()
//! #     .with("https://issuer.example/assertions/1", "application/ld+json", assertion)
//! #     .with("https://issuer.example/badges/rust", "application/ld+json", badge_class)
//! #     .with("https://issuer.example/issuer", "application/ld+json", issuer);
//! // The hosted assertion of the first example.
//! let input = Input::Url("https://issuer.example/assertions/1".into());
//! let opts = Options::at("2025-06-01T00:00:00Z".parse().unwrap());
//! let report = futures::executor::block_on(verify(&input, &fetcher, &opts));
//!
//! let line = report.to_json_line();
//! assert!(!line.contains('\n'));
//! let json: serde_json::Value = serde_json::from_str(&line).unwrap();
//! assert_eq!(json["verdict"], "valid");
//! assert_eq!(json["format"], "ob2-hosted");
//! assert_eq!(json["badge"]["name"], "Rust");
//! assert_eq!(json["issued_by"]["issuer"], "https://issuer.example/issuer");
//! assert_eq!(json["issued_by"]["how"]["by"], "hosted");
//! for check in json["checks"].as_array().unwrap() {
//!     assert!(check["id"].is_string() && check["outcome"].is_string());
//!     assert!(check["detail"].is_string(), "details are English text in JSON");
//! }
//!
//! // And back: the same report, its details as English text.
//! let back: Report = serde_json::from_str(&line).unwrap();
//! assert_eq!((back.verdict, back.checks.len()), (report.verdict, report.checks.len()));
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
//! - `html-pages` (default): a web page answering a badge URL is searched for the badges it
//!   embeds (`<script type="application/ld+json">`), links (`<link rel="alternate">`) or
//!   shows as baked images, each a nested report. Without it an HTML answer carries no badge.
//! - `jsonld-reference` (default): the general JSON-LD 1.1 expansion for documents outside
//!   the fast path's subset. Without it the app's on-demand module is asked, else the proof
//!   is a `full-verifier` check (not checked).
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

// Every public item is documented for library users (issue #19); CI's `-D warnings` (clippy in
// every configuration, rustdoc) makes a missing doc comment an error.
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
