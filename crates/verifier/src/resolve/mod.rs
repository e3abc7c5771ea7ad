//! Step 3: getting the documents a badge refers to — hosted assertions, BadgeClasses, issuer
//! profiles, keys, status lists — through the [`fetch::Fetcher`] trait only. JSON-LD contexts
//! are bundled with the proofs that need them (`crate::proof::contexts`) and never fetched.

test_visible!(address);
pub mod cache;
test_visible!(did);
pub mod fetch;
test_visible!(keys);
#[cfg(feature = "native-fetcher")]
pub mod native;
pub mod platforms;
pub mod weburl;
