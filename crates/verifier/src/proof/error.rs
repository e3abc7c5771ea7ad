//! Why a Data Integrity proof does not verify: one error for [`super::data_integrity`] and the
//! JSON-LD stages under it.

/// Why a proof does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProofError {
    /// A proof type, cryptosuite or feature this verifier does not implement (bbs-2023,
    /// RsaSignature2018 …): not checked, never invalid
    /// ([`crate::verify::failure::failure_check`]).
    Unsupported(String),
    /// The document or proof is malformed (missing fields, undefined terms in safe mode …).
    Malformed(String),
    /// A context that is not bundled (contexts are never fetched).
    UnknownContext(String),
    /// The suite needs a different kind of key than the one resolved.
    KeyMismatch {
        suite: String,
        key: &'static str,
    },
    BadSignature,
    /// The suite (or its key) needs feature `extended-suites`, which this build leaves out:
    /// what, for the `full-verifier` check ("ecdsa-sd-2023 proofs" …).
    NeedsFullVerifier(&'static str),
}

impl std::fmt::Display for ProofError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ProofError::Unsupported(m) => write!(f, "unsupported proof: {m}"),
            ProofError::Malformed(m) => write!(f, "malformed: {m}"),
            ProofError::UnknownContext(u) => {
                write!(
                    f,
                    "unknown JSON-LD context {u} (contexts are bundled, never fetched)"
                )
            }
            ProofError::KeyMismatch { suite, key } => {
                write!(f, "{suite} needs a different key than the {key} key found")
            }
            ProofError::BadSignature => {
                write!(f, "the signature does not match the credential and key")
            }
            ProofError::NeedsFullVerifier(what) => f.write_str(what),
        }
    }
}
