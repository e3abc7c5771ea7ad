//! Signature suites: JWS (OB 2.0 signed assertions, VC-JWT) and Data Integrity proofs, over
//! keys in every encoding issuers publish.

pub mod data_integrity;
pub mod jsonld;
pub mod jsonld_fast;
pub mod jws;
pub mod keys;
