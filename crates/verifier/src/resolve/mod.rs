//! Step 3: getting the documents a badge refers to — hosted assertions, BadgeClasses, issuer
//! profiles, keys, status lists — through the [`fetch::Fetcher`] trait only. JSON-LD contexts
//! are bundled ([`contexts`]) and never fetched.

pub mod address;
pub mod cache;
pub mod contexts;
pub mod did;
pub mod fetch;
pub mod keys;
#[cfg(feature = "native-fetcher")]
pub mod native;
pub mod weburl;
