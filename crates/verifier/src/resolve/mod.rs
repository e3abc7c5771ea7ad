//! Step 3: getting the documents a badge refers to — hosted assertions, BadgeClasses, issuer
//! profiles, keys, status lists — through the [`fetch::Fetcher`] trait only. JSON-LD contexts
//! are bundled with the proofs that need them ([`crate::proof::contexts`]) and never fetched.

pub mod address;
#[cfg(target_arch = "wasm32")]
pub mod browser;
pub mod cache;
pub mod did;
pub mod fetch;
pub mod keys;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
pub mod weburl;
