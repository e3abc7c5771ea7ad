//! Signature suites: JWS (OB 2.0 signed assertions, VC-JWT) and Data Integrity proofs, over
//! keys in every encoding issuers publish (parsed in [`crate::jose`]).

pub mod contexts;
pub mod data_integrity;
pub mod error;
pub mod jsonld;
pub mod jsonld_fast;
mod loader;

use crate::jose::{jws, keys};

/// A reason a signature could not be verified, from any layer here (JWS, Data Integrity, key
/// decoding).
pub trait Failure: std::fmt::Display {
    /// The algorithm, cryptosuite or key type is one this verifier does not implement: the
    /// signature may well be good, it just was not checked.
    fn not_implemented(&self) -> bool;

    /// The work was left to the on-demand module, which is not loaded (the app's first load,
    /// issue #16): not checked yet, and the app knows to load it.
    fn on_demand(&self) -> bool {
        false
    }
}

impl Failure for jws::JwsError {
    fn not_implemented(&self) -> bool {
        matches!(self, jws::JwsError::Unsupported { .. })
    }
}

impl Failure for data_integrity::ProofError {
    fn not_implemented(&self) -> bool {
        use data_integrity::ProofError::{UnknownContext, Unsupported};
        matches!(self, Unsupported(_) | UnknownContext(_))
    }

    fn on_demand(&self) -> bool {
        matches!(self, data_integrity::ProofError::OnDemand(_))
    }
}

impl Failure for keys::KeyError {
    fn not_implemented(&self) -> bool {
        self.is_unsupported()
    }
}
