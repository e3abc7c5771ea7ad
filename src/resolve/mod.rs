//! Step 3: getting the documents a badge refers to — hosted assertions, BadgeClasses, issuer
//! profiles, keys, status lists — through the [`fetch::Fetcher`] trait only.

pub mod contexts;
pub mod fetch;
#[cfg(not(target_arch = "wasm32"))]
pub mod native;
#[cfg(target_arch = "wasm32")]
pub mod browser;
