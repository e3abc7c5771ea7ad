//! Keys and compact JWS (RFC 7515, 7517, 7518): parsed and checked here, below both
//! [`crate::resolve`] (which finds keys) and `crate::proof` (which verifies with them), so
//! neither needs the other.

pub mod jws;
pub mod keys;
