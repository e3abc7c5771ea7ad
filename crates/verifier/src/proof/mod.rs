//! Signature suites: JWS (OB 2.0 signed assertions, VC-JWT) and Data Integrity proofs, over
//! keys in every encoding issuers publish (parsed in [`crate::jose`]).

pub mod contexts;
pub mod data_integrity;
#[cfg(feature = "extended-suites")]
pub(crate) mod ecdsa_sd;
pub mod error;
pub mod jsonld;
pub mod jsonld_fast;
mod loader;

use crate::detail::Detail;
use crate::jose::{jws, keys};

/// A reason a signature could not be verified, from any layer here (JWS, Data Integrity, key
/// decoding).
pub trait Failure: std::fmt::Display {
    /// The reason, as a check's detail (its English is the `Display` text), for
    /// [`crate::verify::failure::failure_check`] to build its check from.
    fn detail(&self) -> Detail;

    /// The algorithm, cryptosuite or key type is one this verifier does not implement: the
    /// signature may well be good, it just was not checked.
    fn not_implemented(&self) -> bool;

    /// This build leaves the check to the full verifier (feature `extended-suites`); the
    /// message names what ("ES384 signatures", "ecdsa-sd-2023 proofs" …).
    fn needs_full_verifier(&self) -> bool {
        false
    }
}

impl Failure for jws::JwsError {
    fn detail(&self) -> Detail {
        jws::JwsError::detail(self)
    }

    fn not_implemented(&self) -> bool {
        matches!(self, jws::JwsError::Unsupported { .. })
    }

    fn needs_full_verifier(&self) -> bool {
        matches!(self, jws::JwsError::NeedsFullVerifier(_))
    }
}

impl Failure for data_integrity::ProofError {
    fn detail(&self) -> Detail {
        data_integrity::ProofError::detail(self)
    }

    fn not_implemented(&self) -> bool {
        use data_integrity::ProofError::{NotImplemented, UnknownContext};
        matches!(self, NotImplemented(_) | UnknownContext(_))
    }

    fn needs_full_verifier(&self) -> bool {
        matches!(self, data_integrity::ProofError::NeedsFullVerifier(_))
    }
}

impl Failure for keys::KeyError {
    fn detail(&self) -> Detail {
        keys::KeyError::detail(self)
    }

    fn not_implemented(&self) -> bool {
        self.is_unsupported()
    }
}
