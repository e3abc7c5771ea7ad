//! Open Badges verifier core: no browser APIs, tested natively.
//!
//! ```text
//! input bytes ─▶ extract ─▶ model (OB 2.0 | OB 3.0) ─▶ resolve (documents, keys, contexts)
//!             ─▶ proof / status checks ─▶ verify ─▶ Report ─▶ app view / CLI
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
