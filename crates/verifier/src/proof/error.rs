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

impl ProofError {
    /// This error as the on-demand module sends it back to the page's core
    /// ([`crate::offload`]): its kind, a colon, its text.
    #[allow(dead_code)] // the module's side: builds with both features
    pub fn to_wire(&self) -> String {
        match self {
            ProofError::Unsupported(m) => format!("unsupported:{m}"),
            ProofError::Malformed(m) => format!("malformed:{m}"),
            ProofError::UnknownContext(u) => format!("unknown-context:{u}"),
            ProofError::BadSignature => "bad-signature:".into(),
            // Key kinds and the full verifier's work never come out of the module.
            e => format!("malformed:{e}"),
        }
    }

    /// Reads [`ProofError::to_wire`] back; anything else is a malformed document.
    #[allow(dead_code)] // the page's side: builds without one of them
    pub fn from_wire(wire: &str) -> ProofError {
        let (kind, text) = wire.split_once(':').unwrap_or(("malformed", wire));
        match kind {
            "unsupported" => ProofError::Unsupported(text.into()),
            "unknown-context" => ProofError::UnknownContext(text.into()),
            "bad-signature" => ProofError::BadSignature,
            _ => ProofError::Malformed(text.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ProofError;

    #[test]
    fn errors_cross_to_the_page_and_back_unchanged() {
        for e in [
            ProofError::Unsupported("@nest".into()),
            ProofError::Malformed("undefined term \"x\": a:b".into()),
            ProofError::UnknownContext("https://example.org/ctx".into()),
            ProofError::BadSignature,
        ] {
            assert_eq!(ProofError::from_wire(&e.to_wire()), e);
        }
        assert_eq!(
            ProofError::from_wire("nonsense"),
            ProofError::Malformed("nonsense".into())
        );
    }
}
