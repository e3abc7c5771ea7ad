//! Public keys from every encoding issuers use: PEM (OB 2.0 `CryptographicKey.publicKeyPem`),
//! JWK (`publicKeyJwk`, JWT `jwk` header), and Multikey `publicKeyMultibase` (did:key, Data
//! Integrity). Parsing is done by the RustCrypto crates; this module only picks the right one.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

/// A verification key.
#[derive(Clone, PartialEq, Eq)]
pub enum PublicKey {
    Rsa(rsa::RsaPublicKey),
    Ed25519(ed25519_dalek::VerifyingKey),
    P256(p256::ecdsa::VerifyingKey),
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind())
    }
}

impl PublicKey {
    pub fn kind(&self) -> &'static str {
        match self {
            PublicKey::Rsa(_) => "RSA",
            PublicKey::Ed25519(_) => "Ed25519",
            PublicKey::P256(_) => "P-256",
        }
    }

    /// A PEM public key: SPKI (`BEGIN PUBLIC KEY`, any of the three kinds) or PKCS#1
    /// (`BEGIN RSA PUBLIC KEY`).
    pub fn from_pem(pem: &str) -> Result<PublicKey, KeyError> {
        use rsa::pkcs1::DecodeRsaPublicKey;
        use rsa::pkcs8::DecodePublicKey;
        let pem = pem.trim();
        if pem.contains("BEGIN RSA PUBLIC KEY") {
            return rsa::RsaPublicKey::from_pkcs1_pem(pem)
                .map(PublicKey::Rsa)
                .map_err(|e| KeyError(format!("PKCS#1 RSA key: {e}")));
        }
        if let Ok(k) = rsa::RsaPublicKey::from_public_key_pem(pem) {
            return Ok(PublicKey::Rsa(k));
        }
        if let Ok(k) = ed25519_dalek::VerifyingKey::from_public_key_pem(pem) {
            return Ok(PublicKey::Ed25519(k));
        }
        if let Ok(k) = p256::ecdsa::VerifyingKey::from_public_key_pem(pem) {
            return Ok(PublicKey::P256(k));
        }
        Err(KeyError(
            "not a PEM RSA, Ed25519 or P-256 public key".into(),
        ))
    }

    /// A public JWK (RFC 7517): RSA, OKP/Ed25519 or EC/P-256. A JWK with private parts is
    /// refused: a key that leaked its secret proves nothing.
    pub fn from_jwk(jwk: &Value) -> Result<PublicKey, KeyError> {
        let obj = jwk
            .as_object()
            .ok_or_else(|| KeyError("a JWK must be a JSON object".into()))?;
        for private in ["d", "p", "q", "dp", "dq", "qi", "k"] {
            if obj.contains_key(private) {
                return Err(KeyError(format!(
                    "the JWK contains private key material (\"{private}\")"
                )));
            }
        }
        let field = |name: &str| -> Result<Vec<u8>, KeyError> {
            let s = obj
                .get(name)
                .and_then(Value::as_str)
                .ok_or_else(|| KeyError(format!("the JWK has no \"{name}\"")))?;
            URL_SAFE_NO_PAD
                .decode(s.trim_end_matches('='))
                .map_err(|e| KeyError(format!("JWK \"{name}\" is not base64url: {e}")))
        };
        match obj.get("kty").and_then(Value::as_str) {
            Some("RSA") => {
                let n = rsa::BigUint::from_bytes_be(&field("n")?);
                let e = rsa::BigUint::from_bytes_be(&field("e")?);
                rsa::RsaPublicKey::new(n, e)
                    .map(PublicKey::Rsa)
                    .map_err(|e| KeyError(format!("RSA JWK: {e}")))
            }
            Some("OKP") => match obj.get("crv").and_then(Value::as_str) {
                Some("Ed25519") => Self::ed25519_from_bytes(&field("x")?),
                Some(crv) => Err(KeyError::unsupported(&format!("OKP {}", shown(crv)))),
                None => Err(KeyError("the OKP JWK has no \"crv\"".into())),
            },
            Some("EC") => match obj.get("crv").and_then(Value::as_str) {
                Some("P-256") => {
                    let (x, y) = (field("x")?, field("y")?);
                    if x.len() != 32 || y.len() != 32 {
                        return Err(KeyError("P-256 JWK coordinates must be 32 bytes".into()));
                    }
                    let mut sec1 = vec![4u8];
                    sec1.extend_from_slice(&x);
                    sec1.extend_from_slice(&y);
                    Self::p256_from_sec1(&sec1)
                }
                Some(crv) => Err(KeyError::unsupported(&format!("EC {}", shown(crv)))),
                None => Err(KeyError("the EC JWK has no \"crv\"".into())),
            },
            // A symmetric key cannot check a public-key signature (nor be published: "k" is
            // refused above).
            Some("oct") => Err(KeyError(
                "a symmetric (\"oct\") JWK cannot verify a signature".into(),
            )),
            Some(kty) => Err(KeyError::unsupported(&format!("JWK kty {}", shown(kty)))),
            None => Err(KeyError("the JWK has no \"kty\"".into())),
        }
    }

    /// A Multikey `publicKeyMultibase` (also the method-specific id of `did:key`): base58btc
    /// (`z…`) of a multicodec-prefixed key. Ed25519 is `0xed 0x01` + 32 bytes; P-256 is
    /// `0x80 0x24` + 33-byte compressed point (W3C Controlled Identifiers, "Multikey").
    pub fn from_multibase(multibase: &str) -> Result<PublicKey, KeyError> {
        // Decoding a point costs a square root; a did:key is decoded for its DID document and
        // again for the proof, and a batch repeats the same issuers' keys.
        const MEMO_MAX: usize = 1_024;
        thread_local! {
            static MEMO: crate::memo::Memo<String, PublicKey> = crate::memo::Memo::new(MEMO_MAX);
        }
        if let Some(key) = MEMO.with(|m| m.get(multibase)) {
            return Ok(key);
        }
        let key = Self::decode_multibase(multibase)?;
        MEMO.with(|m| m.insert(multibase.to_owned(), key.clone()));
        Ok(key)
    }

    fn decode_multibase(multibase: &str) -> Result<PublicKey, KeyError> {
        let rest = multibase.strip_prefix('z').ok_or_else(|| {
            KeyError(format!(
                "multibase key must be base58btc ('z…'): {multibase}"
            ))
        })?;
        let bytes = bs58::decode(rest)
            .into_vec()
            .map_err(|e| KeyError(format!("invalid base58btc: {e}")))?;
        match bytes.as_slice() {
            [0xed, 0x01, key @ ..] => Self::ed25519_from_bytes(key),
            [0x80, 0x24, key @ ..] => Self::p256_from_sec1(key),
            // rsa-pub: the PKCS#1 RSAPublicKey DER.
            [0x85, 0x24, der @ ..] => {
                use rsa::pkcs1::DecodeRsaPublicKey;
                rsa::RsaPublicKey::from_pkcs1_der(der)
                    .map(PublicKey::Rsa)
                    .map_err(|e| KeyError(format!("invalid RSA Multikey: {e}")))
            }
            [a, b, ..] => Err(match multicodec_name(*a, *b) {
                Some(name) => KeyError::unsupported(name),
                None => KeyError(format!(
                    "unsupported multicodec 0x{a:02x} 0x{b:02x}: not a key type this verifier knows"
                )),
            }),
            _ => Err(KeyError("multibase key too short".into())),
        }
    }

    pub fn ed25519_from_bytes(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        let arr: [u8; 32] = bytes
            .try_into()
            .map_err(|_| KeyError(format!("an Ed25519 key is 32 bytes, not {}", bytes.len())))?;
        ed25519_dalek::VerifyingKey::from_bytes(&arr)
            .map(PublicKey::Ed25519)
            .map_err(|e| KeyError(format!("invalid Ed25519 key: {e}")))
    }

    pub fn p256_from_sec1(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map(PublicKey::P256)
            .map_err(|e| KeyError(format!("invalid P-256 key: {e}")))
    }
}

/// Public-key multicodecs (the varint's two bytes, multiformats' table) of key types this
/// verifier does not implement, for a message that names them.
fn multicodec_name(a: u8, b: u8) -> Option<&'static str> {
    Some(match (a, b) {
        (0xe7, 0x01) => "secp256k1 (multicodec secp256k1-pub)",
        (0xec, 0x01) => "X25519 (multicodec x25519-pub, a key-agreement key)",
        (0xea, 0x01) => "BLS12-381 G1 (multicodec bls12_381-g1-pub)",
        (0xeb, 0x01) => "BLS12-381 G2 (multicodec bls12_381-g2-pub)",
        (0x81, 0x24) => "P-384 (multicodec p384-pub)",
        (0x82, 0x24) => "P-521 (multicodec p521-pub)",
        (0x83, 0x24) => "Ed448 (multicodec ed448-pub)",
        (0x84, 0x24) => "X448 (multicodec x448-pub, a key-agreement key)",
        _ => return None,
    })
}

/// A JSON string literal of untrusted text, cut short, for a message.
fn shown(s: &str) -> Value {
    Value::from(s.chars().take(40).collect::<String>())
}

/// Why a key could not be read. A message starting with "unsupported" is a key (or key
/// encoding) this verifier does not implement ([`KeyError::is_unsupported`]); any other is a
/// malformed key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyError(pub String);

impl KeyError {
    /// A well-formed key of a type this verifier cannot use (P-384, secp256k1, Ed448 …).
    pub fn unsupported(kind: &str) -> KeyError {
        KeyError(format!(
            "unsupported key type {kind}: this verifier implements Ed25519, P-256 and RSA keys"
        ))
    }

    /// Whether the key is of a type this verifier does not implement (rather than malformed);
    /// `resolve::keys` makes the same distinction by the same prefix.
    pub fn is_unsupported(&self) -> bool {
        self.0.starts_with("unsupported")
    }

    /// Whether the key is of a known type this verifier does not implement (P-384 …), as
    /// opposed to bytes that name no key type it knows of.
    pub fn is_known_unsupported_type(&self) -> bool {
        self.0.starts_with("unsupported key type")
    }
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn did_key_ed25519_multibase() {
        // did:key test vector from the did:key spec (Ed25519).
        let k =
            PublicKey::from_multibase("z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK").unwrap();
        assert_eq!(k.kind(), "Ed25519");
    }

    #[test]
    fn jwk_with_private_part_is_refused() {
        let jwk = json!({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"});
        assert!(PublicKey::from_jwk(&jwk).unwrap_err().0.contains("private"));
        let public =
            json!({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
        assert_eq!(PublicKey::from_jwk(&public).unwrap().kind(), "Ed25519");
    }

    #[test]
    fn unimplemented_key_types_are_named_and_marked_unsupported() {
        let mb = |codec: &[u8], len: usize| {
            let mut b = codec.to_vec();
            b.extend(std::iter::repeat_n(2u8, len));
            format!("z{}", bs58::encode(b).into_string())
        };
        for (key, name) in [
            (mb(&[0x81, 0x24], 49), "P-384"),
            (mb(&[0x82, 0x24], 67), "P-521"),
            (mb(&[0xe7, 0x01], 33), "secp256k1"),
            (mb(&[0x83, 0x24], 57), "Ed448"),
            (mb(&[0xec, 0x01], 32), "X25519"),
            (mb(&[0xeb, 0x01], 96), "BLS12-381 G2"),
            (mb(&[0x99, 0x77], 32), "multicodec 0x99 0x77"),
        ] {
            let e = PublicKey::from_multibase(&key).unwrap_err();
            assert!(e.is_unsupported() && e.0.contains(name), "{e}");
        }
        for (jwk, name) in [
            (
                json!({"kty":"EC","crv":"P-384","x":"AA","y":"AA"}),
                "EC \"P-384\"",
            ),
            (
                json!({"kty":"OKP","crv":"X25519","x":"AA"}),
                "OKP \"X25519\"",
            ),
            (json!({"kty":"AKP","alg":"ML-DSA-44"}), "JWK kty \"AKP\""),
        ] {
            let e = PublicKey::from_jwk(&jwk).unwrap_err();
            assert!(e.is_unsupported() && e.0.contains(name), "{e}");
        }
        // Malformed keys of implemented types, symmetric keys and keys without a type are not
        // "unsupported".
        for jwk in [
            json!({"kty":"EC","crv":"P-256","x":"AA","y":"AA"}),
            json!({"kty":"oct"}),
            json!({"crv":"P-256"}),
            json!({"kty":"EC"}),
        ] {
            assert!(
                !PublicKey::from_jwk(&jwk).unwrap_err().is_unsupported(),
                "{jwk}"
            );
        }
        assert!(!PublicKey::from_multibase("z").unwrap_err().is_unsupported());
    }

    #[test]
    fn rsa_multikey() {
        use rsa::pkcs1::EncodeRsaPublicKey;
        let pem = include_str!("../../../../tests/fixtures/ob3/rsa-test-key.pem");
        let sk =
            <rsa::RsaPrivateKey as rsa::pkcs1::DecodeRsaPrivateKey>::from_pkcs1_pem(pem).unwrap();
        let der = sk.to_public_key().to_pkcs1_der().unwrap();
        let mut b = vec![0x85, 0x24];
        b.extend_from_slice(der.as_bytes());
        let key = PublicKey::from_multibase(&format!("z{}", bs58::encode(&b).into_string()));
        assert_eq!(key, Ok(PublicKey::Rsa(sk.to_public_key())));
        b.truncate(20);
        let e = PublicKey::from_multibase(&format!("z{}", bs58::encode(&b).into_string()));
        assert!(!e.unwrap_err().is_unsupported());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert!(
            PublicKey::from_pem("-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----")
                .is_err()
        );
        assert!(PublicKey::from_multibase("z").is_err());
        assert!(PublicKey::from_multibase("zzzz0OIl").is_err());
        assert!(PublicKey::from_jwk(&json!({"kty":"EC","crv":"P-256","x":"AA","y":"AA"})).is_err());
    }
}
