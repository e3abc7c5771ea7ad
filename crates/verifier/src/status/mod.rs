//! Revocation and status lists (OB 2.0 `revocationList`, OB 3.0 `credentialStatus`).

pub mod bitstring;
pub mod ob2;
pub mod ob3;
pub mod revocation_list;
