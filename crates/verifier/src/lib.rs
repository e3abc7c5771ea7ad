//! Open Badges verifier core: no browser APIs, tested natively.
//!
//! ```text
//! input bytes ─▶ extract ─▶ model (OB 2.0 | OB 3.0) ─▶ resolve (documents, keys)
//!             ─▶ proof / status checks ─▶ verify ─▶ Report ─▶ app view / CLI
//! ```
//!
//! The modules are layered (issue #15), top first. A module names only modules of lower layers
//! (and its own submodules), never one beside or above it, and there is no import circle at any
//! depth; `tests/layers.rs` holds the same order and enforces it.
//!
//! ```text
//! verify                runs every check: fetches documents and status lists, proves them,
//!                       builds the Report
//! report                the Report; a verdict of valid needs a trust::Issued
//! status                status and revocation lists decoded and looked up (no fetching)
//! trust                 who issued it: keys bound to the issuer, hosted scopes → Issued
//! resolve | proof       documents and keys (fetch, did, keys) | signatures (Data Integrity,
//!                       JSON-LD with the bundled contexts); neither names the other
//! model                 OB 2.0 / OB 3.0 documents told apart
//! jose                  public keys and compact JWS
//! extract               the payload of a PNG, SVG, JSON text or URL
//! strict_json recipient
//! platform limits memo unicode check      leaves
//! ```

pub mod extract;
pub mod jose;
pub mod limits;
pub mod memo;
pub mod model;
pub mod proof;
pub mod recipient;
pub mod report;
pub mod resolve;
pub mod status;
pub mod strict_json;
pub mod trust;
pub mod unicode;
pub mod verify;

pub use limits::Limits;
pub use report::{Check, Format, Outcome, Report, Verdict};
pub use resolve::fetch::{FetchError, Fetcher, MemoryFetcher, Response};
pub use verify::{verify, Input, Options};
