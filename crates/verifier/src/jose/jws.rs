//! Compact JWS (RFC 7515) as used by OB 2.0 signed assertions (RS256, PS256) and VC-JWT (RS256,
//! PS256, ES256, ES384, ES256K, EdDSA; the RSA, P-384 and secp256k1 ones need feature
//! `extended-suites`, else [`JwsError::NeedsFullVerifier`]). Only asymmetric algorithms are
//! accepted: `none` and HMAC are refused by name, so a key-confusion attack (HS256 keyed with a
//! public key) cannot succeed.

use super::ext::{self, SigError};
use super::keys::PublicKey;
use crate::detail;
use crate::detail::{cause, code, Detail};
use crate::limits::MAX_JSON_DEPTH;
use crate::strict_json::{self, JsonError};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

/// A signature algorithm this verifier accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Alg {
    /// RSASSA-PKCS1-v1_5 with SHA-256 (RFC 7518 §3.3).
    Rs256,
    /// RSASSA-PSS with SHA-256 (RFC 7518 §3.5).
    Ps256,
    /// ECDSA P-256 with SHA-256 (RFC 7518 §3.4).
    Es256,
    /// ECDSA P-384 with SHA-384 (RFC 7518 §3.4).
    Es384,
    /// ECDSA secp256k1 with SHA-256 (RFC 8812 §3.2).
    Es256k,
    /// Ed25519 (RFC 8037 §3.1).
    EdDsa,
}

impl Alg {
    /// The JOSE name (`RS256`, `EdDSA` …).
    pub fn name(self) -> &'static str {
        match self {
            Alg::Rs256 => "RS256",
            Alg::Ps256 => "PS256",
            Alg::Es256 => "ES256",
            Alg::Es384 => "ES384",
            Alg::Es256k => "ES256K",
            Alg::EdDsa => "EdDSA",
        }
    }

    /// Maps the header's `alg` (RFC 7515 §4.1.1). Three kinds of refusal:
    /// - `none` and the HMAC algorithms are never acceptable from a public-key verifier: an
    ///   unsigned token proves nothing, and an HMAC "keyed" with the issuer's public key is a
    ///   signature anyone can make (RFC 8725 §2.1, §3.1 "Perform Algorithm Verification",
    ///   §3.2 "Use Appropriate Algorithms") → [`JwsError::AlgRefused`], the badge is invalid;
    /// - JWE key-management algorithms (`RSA-OAEP`, `dir` …) are not signatures at all: the
    ///   token is malformed → [`JwsError::AlgRefused`];
    /// - any other algorithm, registered (`ES512`, `PS384`, `RS512`, `Ed448` …) or not, is a
    ///   signature this verifier cannot check → [`JwsError::Unsupported`]: not checked, the
    ///   badge is unverifiable, never invalid (OB 3.0 permits algorithms beyond RS256).
    pub fn from_header(alg: Option<&str>) -> Result<Alg, JwsError> {
        match alg {
            Some("RS256") => Ok(Alg::Rs256),
            Some("PS256") => Ok(Alg::Ps256),
            Some("ES256") => Ok(Alg::Es256),
            Some("ES384") => Ok(Alg::Es384),
            Some("ES256K") => Ok(Alg::Es256k),
            // `Ed25519` is RFC 9864's fully-specified name for EdDSA over Ed25519.
            Some("EdDSA") | Some("Ed25519") => Ok(Alg::EdDsa),
            Some("none") => Err(JwsError::AlgRefused(detail!(
                "\"`none`\": an unsigned token proves nothing (RFC 8725 §3.2)"
            ))),
            Some(a @ ("HS256" | "HS384" | "HS512")) => Err(JwsError::AlgRefused(detail!(
                "{alg}: shared-secret MACs cannot prove who issued a badge, and one keyed with \
                 the issuer's public key can be made by anyone (RFC 8725 §2.1, §3.1)",
                alg = code(a)
            ))),
            Some(a) if JWE_ONLY.contains(&a) => Err(JwsError::AlgRefused(detail!(
                "{alg} is a JWE key-management algorithm, not a signature algorithm",
                alg = code(a)
            ))),
            Some("") => Err(JwsError::Malformed(detail!(
                "the JWS header's \"`alg`\" is empty"
            ))),
            Some(a) => Err(JwsError::Unsupported {
                alg: a.chars().take(40).collect(),
                registered: JWS_REGISTERED.contains(&a),
            }),
            None => Err(JwsError::Malformed(detail!(
                "the JWS header has no \"`alg`\""
            ))),
        }
    }
}

/// The IANA "JSON Web Signature and Encryption Algorithms" registry's JWS signature algorithms
/// this verifier does not implement (RFC 7518 §3.1, RFC 9864 `Ed448`).
const JWS_REGISTERED: &[&str] = &["RS384", "RS512", "ES512", "PS384", "PS512", "Ed448"];

/// The registry's JWE key-management algorithms (RFC 7518 §4.1): never a JWS `alg`.
const JWE_ONLY: &[&str] = &[
    "RSA1_5",
    "RSA-OAEP",
    "RSA-OAEP-256",
    "RSA-OAEP-384",
    "RSA-OAEP-512",
    "A128KW",
    "A192KW",
    "A256KW",
    "dir",
    "ECDH-ES",
    "ECDH-ES+A128KW",
    "ECDH-ES+A192KW",
    "ECDH-ES+A256KW",
    "A128GCMKW",
    "A192GCMKW",
    "A256GCMKW",
    "PBES2-HS256+A128KW",
    "PBES2-HS384+A192KW",
    "PBES2-HS512+A256KW",
];

/// A decoded, not yet verified compact JWS.
#[derive(Debug, Clone, PartialEq)]
pub struct CompactJws {
    /// The protected header, as JSON.
    pub header: Value,
    /// The payload bytes, base64url-decoded.
    pub payload: Vec<u8>,
    /// `BASE64URL(header) . BASE64URL(payload)`: what the signature covers.
    pub signing_input: String,
    /// The signature bytes, base64url-decoded.
    pub signature: Vec<u8>,
}

/// Why a compact JWS could not be read or verified.
#[derive(Debug, Clone, PartialEq)]
pub enum JwsError {
    /// Not a compact JWS: not three base64url parts, or a part does not decode.
    Malformed(Detail),
    /// The header or payload is not JSON, or not JSON that reads one way (a duplicate member
    /// name, RFC 7519 §4: "either reject JWTs with duplicate Header Parameter names or … ").
    Json {
        /// "the JWS header", "the JWS payload".
        part: &'static str,
        /// What is wrong with its JSON.
        error: JsonError,
    },
    /// An algorithm no public-key verifier may accept, or not a signature algorithm: invalid.
    AlgRefused(Detail),
    /// A signature algorithm this verifier does not implement: the signature is not checked.
    Unsupported {
        /// The header's `alg`.
        alg: String,
        /// Whether it is in the IANA JOSE registry (else a name this verifier does not know).
        registered: bool,
    },
    /// The key is of a different kind than the algorithm needs.
    KeyMismatch {
        /// The algorithm's name.
        alg: &'static str,
        /// The key's type ([`PublicKey::kind`]).
        key: &'static str,
    },
    /// The signature does not verify with the key: the JWS was altered or signed by another key.
    BadSignature,
    /// The algorithm (named) needs feature `extended-suites`, which this build leaves out: the
    /// full verifier checks it.
    NeedsFullVerifier(&'static str),
}

impl JwsError {
    /// The reason, as a check's detail.
    pub fn detail(&self) -> Detail {
        match self {
            JwsError::Malformed(m) => detail!("malformed JWS: {why}", why = cause(m.clone())),
            JwsError::Json { part, error } => json_refusal(error, part_name(part)),
            JwsError::AlgRefused(m) => {
                detail!("signature algorithm refused: {why}", why = cause(m.clone()))
            }
            // A registered name is safe to print as is; any other is untrusted text.
            JwsError::Unsupported {
                alg,
                registered: true,
            } => detail!(
                "the token is signed with {alg}, which this verifier does not implement \
                 (it implements RS256, PS256, ES256, ES384, ES256K and EdDSA)",
                alg = code(alg.as_str())
            ),
            JwsError::Unsupported {
                alg,
                registered: false,
            } => detail!(
                "the token is signed with the unregistered algorithm {alg}, which this verifier \
                 does not implement (it implements RS256, PS256, ES256, ES384, ES256K and EdDSA)",
                alg = code(Value::from(alg.as_str()).to_string())
            ),
            JwsError::KeyMismatch { alg, key } => detail!(
                "{alg} needs a different key than the {key} key found",
                alg = code(*alg),
                key = code(*key)
            ),
            JwsError::BadSignature => detail!("the signature does not match the content and key"),
            JwsError::NeedsFullVerifier(alg) => detail!("{alg} signatures", alg = code(*alg)),
        }
    }
}

/// Why the JSON of `what` ("the badge document", "the JWS header" …) is refused, in our words
/// (a syntax error says where, never the parser's English).
pub(crate) fn json_refusal(e: &JsonError, what: Detail) -> Detail {
    e.detail(what)
}

/// "the JWS header" / "the JWS payload" as a detail.
pub(crate) fn part_name(part: &str) -> Detail {
    if part.contains("header") {
        detail!("the JWS header")
    } else {
        detail!("the JWS payload")
    }
}

impl std::fmt::Display for JwsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

impl CompactJws {
    /// Splits and decodes; refuses anything that is not three base64url parts with a JSON
    /// object header.
    pub fn parse(compact: &str) -> Result<CompactJws, JwsError> {
        let compact = compact.trim();
        let mut parts = compact.split('.');
        let (Some(h), Some(p), Some(s), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(JwsError::Malformed(detail!(
                "expected three dot-separated parts"
            )));
        };
        let decode = |part: &str, what: Detail| {
            URL_SAFE_NO_PAD.decode(part).map_err(|_| {
                JwsError::Malformed(detail!("{part} is not base64url", part = cause(what)))
            })
        };
        let header_bytes = decode(h, detail!("the header"))?;
        let header = strict_json::from_slice(&header_bytes, MAX_JSON_DEPTH).map_err(|error| {
            JwsError::Json {
                part: "the JWS header",
                error,
            }
        })?;
        if !header.is_object() {
            return Err(JwsError::Malformed(detail!(
                "the header is not a JSON object"
            )));
        }
        Ok(CompactJws {
            header,
            payload: decode(p, detail!("the payload"))?,
            signing_input: format!("{h}.{p}"),
            signature: decode(s, detail!("the signature"))?,
        })
    }

    /// The header's `alg`, if it is one this verifier accepts.
    pub fn alg(&self) -> Result<Alg, JwsError> {
        Alg::from_header(self.header.get("alg").and_then(Value::as_str))
    }

    /// The payload as JSON.
    pub fn payload_json(&self) -> Result<Value, JwsError> {
        strict_json::from_slice(&self.payload, MAX_JSON_DEPTH).map_err(|error| JwsError::Json {
            part: "the JWS payload",
            error,
        })
    }

    /// A string member of the header (`kid`, `typ` …).
    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header.get(name).and_then(Value::as_str)
    }

    /// Verifies the signature with `key` under the header's algorithm.
    pub fn verify(&self, key: &PublicKey) -> Result<Alg, JwsError> {
        let alg = self.alg()?;
        let msg = self.signing_input.as_bytes();
        let bad = |_| JwsError::BadSignature;
        // The extended algorithms: verified by `ext`, or left to the full verifier.
        let extended = |r: Result<(), SigError>| match r {
            Ok(()) => Ok(()),
            Err(SigError::Bad) => Err(JwsError::BadSignature),
            Err(SigError::Deferred) => Err(JwsError::NeedsFullVerifier(alg.name())),
        };
        let sig = self.signature.as_slice();
        match (alg, key) {
            (Alg::Rs256, PublicKey::Rsa(k)) => extended(ext::verify_rsa(k, false, msg, sig))?,
            (Alg::Ps256, PublicKey::Rsa(k)) => extended(ext::verify_rsa(k, true, msg, sig))?,
            (Alg::Es384, PublicKey::P384(k)) => extended(ext::verify_p384(k, msg, sig))?,
            (Alg::Es256k, PublicKey::Secp256k1(k)) => extended(ext::verify_k256(k, msg, sig))?,
            // JWS ES256 signatures are R || S, 64 bytes (RFC 7518 §3.4), not DER.
            (Alg::Es256, PublicKey::P256(k)) if super::keys::p256_verify(k, msg, sig) => {}
            (Alg::Es256, PublicKey::P256(_)) => return Err(JwsError::BadSignature),
            (Alg::EdDsa, PublicKey::Ed25519(k)) => {
                let sig = ed25519_dalek::Signature::from_slice(sig).map_err(bad)?;
                k.verify_strict(msg, &sig).map_err(bad)?;
            }
            (alg, key) => {
                return Err(JwsError::KeyMismatch {
                    alg: alg.name(),
                    key: key.kind(),
                })
            }
        }
        Ok(alg)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ed25519_dalek::Signer;

    fn b64(v: &[u8]) -> String {
        URL_SAFE_NO_PAD.encode(v)
    }

    fn ed25519_token(header: &str, payload: &str) -> (String, PublicKey) {
        let sk = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
        let input = format!("{}.{}", b64(header.as_bytes()), b64(payload.as_bytes()));
        let sig = sk.sign(input.as_bytes());
        (
            format!("{input}.{}", b64(&sig.to_bytes())),
            PublicKey::Ed25519(sk.verifying_key()),
        )
    }

    #[test]
    fn eddsa_round_trip_and_tamper() {
        let (tok, key) = ed25519_token(r#"{"alg":"EdDSA"}"#, r#"{"a":1}"#);
        let jws = CompactJws::parse(&tok).unwrap();
        assert_eq!(jws.verify(&key), Ok(Alg::EdDsa));
        let mut parts: Vec<String> = tok.split('.').map(String::from).collect();
        parts[1] = b64(br#"{"a":2}"#);
        let tampered = CompactJws::parse(&parts.join(".")).unwrap();
        assert_eq!(tampered.verify(&key), Err(JwsError::BadSignature));
    }

    #[test]
    fn none_and_hmac_are_refused() {
        let (tok, key) = ed25519_token(r#"{"alg":"none"}"#, "{}");
        assert!(matches!(
            CompactJws::parse(&tok).unwrap().verify(&key),
            Err(JwsError::AlgRefused(_))
        ));
        let (tok, key) = ed25519_token(r#"{"alg":"HS256"}"#, "{}");
        assert!(matches!(
            CompactJws::parse(&tok).unwrap().verify(&key),
            Err(JwsError::AlgRefused(_))
        ));
    }

    #[test]
    fn algorithms_are_implemented_refused_or_not_implemented() {
        for (alg, want) in [
            ("RS256", Alg::Rs256),
            ("PS256", Alg::Ps256),
            ("ES256", Alg::Es256),
            ("ES384", Alg::Es384),
            ("ES256K", Alg::Es256k),
            ("EdDSA", Alg::EdDsa),
            ("Ed25519", Alg::EdDsa),
        ] {
            assert_eq!(Alg::from_header(Some(alg)), Ok(want));
        }
        for alg in [
            "none", "HS256", "HS384", "HS512", "RSA-OAEP", "A128KW", "dir", "ECDH-ES",
        ] {
            assert!(
                matches!(Alg::from_header(Some(alg)), Err(JwsError::AlgRefused(_))),
                "{alg}"
            );
        }
        for alg in JWS_REGISTERED {
            assert_eq!(
                Alg::from_header(Some(alg)),
                Err(JwsError::Unsupported {
                    alg: alg.to_string(),
                    registered: true
                })
            );
        }
        // Names are case-sensitive (RFC 7515 §4.1.1): "rs256" is not RS256.
        for alg in ["rs256", "ES384K", "ML-DSA-65"] {
            assert!(
                matches!(
                    Alg::from_header(Some(alg)),
                    Err(JwsError::Unsupported {
                        registered: false,
                        ..
                    })
                ),
                "{alg}"
            );
        }
        assert!(matches!(
            Alg::from_header(Some("")),
            Err(JwsError::Malformed(_))
        ));
        assert!(matches!(
            Alg::from_header(None),
            Err(JwsError::Malformed(_))
        ));
        let long = "X".repeat(500);
        let e = Alg::from_header(Some(&long)).unwrap_err().to_string();
        assert!(e.len() < 200, "{e}");
    }

    #[test]
    fn duplicate_header_or_payload_members_are_refused() {
        let (tok, _) = ed25519_token(r#"{"alg":"none","alg":"EdDSA"}"#, "{}");
        assert!(matches!(
            CompactJws::parse(&tok),
            Err(JwsError::Json { part: "the JWS header", error }) if error.is_duplicate_key()
        ));
        let (tok, _) = ed25519_token(r#"{"alg":"EdDSA"}"#, r#"{"sub":"a","sub":"b"}"#);
        assert!(matches!(
            CompactJws::parse(&tok).unwrap().payload_json(),
            Err(JwsError::Json { part: "the JWS payload", error }) if error.is_duplicate_key()
        ));
    }

    #[test]
    fn key_of_the_wrong_kind() {
        let (tok, _) = ed25519_token(r#"{"alg":"ES256"}"#, "{}");
        let ed = PublicKey::ed25519_from_bytes(&[1u8; 32]);
        if let Ok(k) = ed {
            assert!(matches!(
                CompactJws::parse(&tok).unwrap().verify(&k),
                Err(JwsError::KeyMismatch { .. })
            ));
        }
    }

    #[test]
    fn malformed() {
        assert!(CompactJws::parse("a.b").is_err());
        assert!(CompactJws::parse("a.b.c.d").is_err());
        assert!(CompactJws::parse("!!!.b.c").is_err());
        assert!(CompactJws::parse(&format!("{}.e30.", b64(b"[1]"))).is_err());
    }
}
