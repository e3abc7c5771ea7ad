//! Public keys from every encoding issuers use: PEM (OB 2.0 `CryptographicKey.publicKeyPem`),
//! JWK (`publicKeyJwk`, JWT `jwk` header), and Multikey `publicKeyMultibase` (did:key, Data
//! Integrity). Parsing is done by the RustCrypto crates; this module only picks the right one.
//! RSA, P-384 and secp256k1 keys are recognised in every build and parsed by [`super::ext`]
//! (feature `extended-suites`, or kept for the full verifier without it).

use super::ext;
use crate::detail;
use crate::detail::{cause, code, count, Detail};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

/// A verification key.
#[derive(Clone, PartialEq, Eq)]
pub enum PublicKey {
    /// An Ed25519 key (EdDSA, `eddsa-*` cryptosuites, Ed25519Signature2020).
    Ed25519(ed25519_dalek::VerifyingKey),
    /// A P-256 key (ES256, `ecdsa-*-2019` with P-256).
    P256(p256::ecdsa::VerifyingKey),
    /// Feature `extended-suites` verifies with the next three; without it they are recognised
    /// and their signatures left to the full verifier ([`super::ext`]).
    Rsa(ext::RsaKey),
    /// A P-384 key (ES384, `ecdsa-*-2019` with P-384).
    P384(ext::P384Key),
    /// A secp256k1 key (ES256K).
    Secp256k1(ext::K256Key),
}

impl std::fmt::Debug for PublicKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.kind())
    }
}

/// Object identifiers of the SPKI algorithms (RFC 8017, RFC 8410, RFC 5480, SEC 2).
mod oid {
    use p256::pkcs8::ObjectIdentifier as Oid;
    pub const RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
    pub const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
    pub const EC: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
    pub const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
    pub const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
    pub const SECP256K1: Oid = Oid::new_unwrap("1.3.132.0.10");
}

impl PublicKey {
    /// The key type's name (`Ed25519`, `P-256`, `RSA` …).
    pub fn kind(&self) -> &'static str {
        match self {
            PublicKey::Rsa(_) => "RSA",
            PublicKey::Ed25519(_) => "Ed25519",
            PublicKey::P256(_) => "P-256",
            PublicKey::P384(_) => "P-384",
            PublicKey::Secp256k1(_) => "secp256k1",
        }
    }

    /// A PEM public key: SPKI (`BEGIN PUBLIC KEY`: RSA, Ed25519, P-256, P-384, secp256k1) or
    /// PKCS#1 (`BEGIN RSA PUBLIC KEY`). The type is read from the SPKI algorithm identifier.
    pub fn from_pem(pem: &str) -> Result<PublicKey, KeyError> {
        use p256::pkcs8::der::pem;
        use p256::pkcs8::spki::SubjectPublicKeyInfoRef;
        let (label, der) = pem::decode_vec(pem.trim().as_bytes())
            .map_err(|_| KeyError(detail!("not a PEM public key")))?;
        match label {
            "RSA PUBLIC KEY" => {
                return ext::rsa_from_pkcs1_der(&der)
                    .map(PublicKey::Rsa)
                    .map_err(|e| KeyError(detail!("PKCS#1 RSA key: {why}", why = cause(e))))
            }
            "PUBLIC KEY" => {}
            _ => {
                return Err(KeyError(detail!(
                    "PEM {label} is not a public key",
                    label = code(shown(label).to_string())
                )))
            }
        }
        let spki = SubjectPublicKeyInfoRef::try_from(der.as_slice())
            .map_err(|_| KeyError(detail!("not a PEM public key (`SubjectPublicKeyInfo`)")))?;
        let key = spki.subject_public_key.raw_bytes();
        match spki.algorithm.oid {
            oid::RSA => ext::rsa_from_pkcs1_der(key)
                .map(PublicKey::Rsa)
                .map_err(KeyError),
            oid::ED25519 => Self::ed25519_from_bytes(key),
            oid::EC => match spki.algorithm.parameters_oid() {
                Ok(oid::P256) => Self::p256_from_sec1(key),
                Ok(oid::P384) => Self::p384_from_sec1(key),
                Ok(oid::SECP256K1) => Self::secp256k1_from_sec1(key),
                Ok(curve) => Err(KeyError::unsupported_kind(detail!(
                    "EC curve {curve}",
                    curve = code(curve.to_string())
                ))),
                Err(_) => Err(KeyError(detail!("PEM EC key without a named curve"))),
            },
            other => Err(KeyError::unsupported_kind(detail!(
                "PEM key algorithm {oid}",
                oid = code(other.to_string())
            ))),
        }
    }

    /// A public JWK (RFC 7517): RSA, OKP/Ed25519 or EC (P-256, P-384, secp256k1). A JWK with
    /// private parts is refused: a key that leaked its secret proves nothing.
    pub fn from_jwk(jwk: &Value) -> Result<PublicKey, KeyError> {
        let obj = jwk
            .as_object()
            .ok_or_else(|| KeyError(detail!("a JWK must be a JSON object")))?;
        for private in ["d", "p", "q", "dp", "dq", "qi", "k"] {
            if obj.contains_key(private) {
                return Err(KeyError(detail!(
                    "the JWK contains private key material (\"{name}\")",
                    name = code(private)
                )));
            }
        }
        let field = |name: &str| -> Result<Vec<u8>, KeyError> {
            let s = obj
                .get(name)
                .and_then(Value::as_str)
                .ok_or_else(|| KeyError(detail!("the JWK has no \"{name}\"", name = code(name))))?;
            URL_SAFE_NO_PAD
                .decode(s.trim_end_matches('='))
                .map_err(|_| {
                    KeyError(detail!(
                        "JWK \"{name}\" is not base64url",
                        name = code(name)
                    ))
                })
        };
        // RFC 7518 §6.2.1: x and y are the full field size; the SEC1 uncompressed point.
        let ec = |size: usize, crv: &str| -> Result<Vec<u8>, KeyError> {
            let (x, y) = (field("x")?, field("y")?);
            if x.len() != size || y.len() != size {
                return Err(KeyError(detail!(
                    "{crv} JWK coordinates must be {size} bytes",
                    crv = code(crv),
                    size = count(size)
                )));
            }
            Ok([&[4u8], x.as_slice(), y.as_slice()].concat())
        };
        match obj.get("kty").and_then(Value::as_str) {
            Some("RSA") => ext::rsa_from_components(&field("n")?, &field("e")?)
                .map(PublicKey::Rsa)
                .map_err(|e| KeyError(detail!("RSA JWK: {why}", why = cause(e)))),
            Some("OKP") => match obj.get("crv").and_then(Value::as_str) {
                Some("Ed25519") => Self::ed25519_from_bytes(&field("x")?),
                Some(crv) => Err(KeyError::unsupported_kind(detail!(
                    "`OKP` {crv}",
                    crv = code(shown(crv).to_string())
                ))),
                None => Err(KeyError(detail!("the `OKP` JWK has no \"`crv`\""))),
            },
            Some("EC") => match obj.get("crv").and_then(Value::as_str) {
                Some("P-256") => Self::p256_from_sec1(&ec(32, "P-256")?),
                Some("P-384") => Self::p384_from_sec1(&ec(48, "P-384")?),
                // RFC 8812 §3.1.
                Some("secp256k1") => Self::secp256k1_from_sec1(&ec(32, "secp256k1")?),
                Some(crv) => Err(KeyError::unsupported_kind(detail!(
                    "`EC` {crv}",
                    crv = code(shown(crv).to_string())
                ))),
                None => Err(KeyError(detail!("the `EC` JWK has no \"`crv`\""))),
            },
            // A symmetric key cannot check a public-key signature (nor be published: "k" is
            // refused above).
            Some("oct") => Err(KeyError(detail!(
                "a symmetric (\"`oct`\") JWK cannot verify a signature"
            ))),
            Some(kty) => Err(KeyError::unsupported_kind(detail!(
                "JWK `kty` {kty}",
                kty = code(shown(kty).to_string())
            ))),
            None => Err(KeyError(detail!("the JWK has no \"`kty`\""))),
        }
    }

    /// A Multikey `publicKeyMultibase` (also the method-specific id of `did:key`): base58btc
    /// (`z…`) of a multicodec-prefixed key. Ed25519 is `0xed 0x01` + 32 bytes; P-256 is
    /// `0x80 0x24` + 33-byte compressed point; P-384 `0x81 0x24` (p384-pub 0x1201) + 49 bytes;
    /// secp256k1 `0xe7 0x01` (secp256k1-pub 0xe7) + 33 bytes (W3C Controlled Identifiers,
    /// "Multikey"; multiformats' table).
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
            KeyError(detail!(
                "multibase key must be base58btc ('z…'): {key}",
                key = code(shown(multibase).to_string())
            ))
        })?;
        let bytes = bs58::decode(rest)
            .into_vec()
            .map_err(|_| KeyError(detail!("invalid base58btc in a multibase key")))?;
        Self::from_multicodec(&bytes)
    }

    /// A multicodec-prefixed public key (the bytes of a Multikey).
    pub fn from_multicodec(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        match bytes {
            [0xed, 0x01, key @ ..] => Self::ed25519_from_bytes(key),
            [0x80, 0x24, key @ ..] => Self::p256_from_sec1(key),
            // The Multikey form is the compressed point only.
            [0x81, 0x24, key @ ..] if key.len() == 49 => Self::p384_from_sec1(key),
            [0x81, 0x24, key @ ..] => Err(KeyError(detail!(
                "invalid {curve} Multikey: {n} bytes, not a {size}-byte compressed point",
                curve = code("P-384"),
                n = count(key.len()),
                size = count(49u8)
            ))),
            [0xe7, 0x01, key @ ..] if key.len() == 33 => Self::secp256k1_from_sec1(key),
            [0xe7, 0x01, key @ ..] => Err(KeyError(detail!(
                "invalid {curve} Multikey: {n} bytes, not a {size}-byte compressed point",
                curve = code("secp256k1"),
                n = count(key.len()),
                size = count(33u8)
            ))),
            // rsa-pub: the PKCS#1 RSAPublicKey DER.
            [0x85, 0x24, der @ ..] => ext::rsa_from_pkcs1_der(der)
                .map(PublicKey::Rsa)
                .map_err(|e| KeyError(detail!("invalid RSA Multikey: {why}", why = cause(e)))),
            [a, b, ..] => Err(match multicodec_name(*a, *b) {
                Some(name) => KeyError::unsupported_kind(name),
                None => KeyError(detail!(
                    "unsupported multicodec {codec}: not a key type this verifier knows",
                    codec = code(format!("0x{a:02x} 0x{b:02x}"))
                )),
            }),
            _ => Err(KeyError(detail!("multibase key too short"))),
        }
    }

    /// An Ed25519 key from its 32 bytes (RFC 8032 §5.1.5); an error for another length or a
    /// point not on the curve.
    pub fn ed25519_from_bytes(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        let arr: [u8; 32] = bytes.try_into().map_err(|_| {
            KeyError(detail!(
                "an Ed25519 key is 32 bytes, not {n}",
                n = count(bytes.len())
            ))
        })?;
        ed25519_dalek::VerifyingKey::from_bytes(&arr)
            .map(PublicKey::Ed25519)
            .map_err(|_| {
                KeyError(detail!(
                    "invalid {curve} key: not a point on the curve",
                    curve = code("Ed25519")
                ))
            })
    }

    /// A P-256 key from a SEC1 point, compressed or not.
    pub fn p256_from_sec1(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        p256::ecdsa::VerifyingKey::from_sec1_bytes(bytes)
            .map(PublicKey::P256)
            .map_err(|_| {
                KeyError(detail!(
                    "invalid {curve} key: not a point on the curve",
                    curve = code("P-256")
                ))
            })
    }

    /// A P-384 key from a SEC1 point, compressed or not (kept for the full verifier without
    /// feature `extended-suites`).
    pub fn p384_from_sec1(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        ext::p384_from_sec1(bytes)
            .map(PublicKey::P384)
            .map_err(KeyError)
    }

    /// A secp256k1 key from a SEC1 point, compressed or not (kept for the full verifier without
    /// feature `extended-suites`).
    pub fn secp256k1_from_sec1(bytes: &[u8]) -> Result<PublicKey, KeyError> {
        ext::k256_from_sec1(bytes)
            .map(PublicKey::Secp256k1)
            .map_err(KeyError)
    }

    /// Whether signatures by this key need feature `extended-suites`.
    pub fn is_extended(&self) -> bool {
        matches!(
            self,
            PublicKey::Rsa(_) | PublicKey::P384(_) | PublicKey::Secp256k1(_)
        )
    }
}

/// ECDSA P-256 with SHA-256 over `msg`; `sig` is r ‖ s (64 bytes, IEEE P1363), as in JWS ES256
/// and the ecdsa-* suites. Natively ring verifies it (the platform; ≈4× faster), in the browser
/// the p256 crate; tests/suites.rs holds both to the same vectors.
pub fn p256_verify(key: &p256::ecdsa::VerifyingKey, msg: &[u8], sig: &[u8]) -> bool {
    use crate::platform::{verify_ecdsa, EcdsaCurve};
    let point = key.to_encoded_point(false);
    if let Some(valid) = verify_ecdsa(EcdsaCurve::P256Sha256, point.as_bytes(), msg, sig) {
        return valid;
    }
    use p256::ecdsa::signature::Verifier;
    p256::ecdsa::Signature::from_slice(sig).is_ok_and(|s| key.verify(msg, &s).is_ok())
}

/// Public-key multicodecs (the varint's two bytes, multiformats' table) of key types this
/// verifier does not implement, for a message that names them.
fn multicodec_name(a: u8, b: u8) -> Option<Detail> {
    let (kind, codec, agreement) = match (a, b) {
        (0xec, 0x01) => ("X25519", "x25519-pub", true),
        (0xea, 0x01) => ("BLS12-381 G1", "bls12_381-g1-pub", false),
        (0xeb, 0x01) => ("BLS12-381 G2", "bls12_381-g2-pub", false),
        (0x82, 0x24) => ("P-521", "p521-pub", false),
        (0x83, 0x24) => ("Ed448", "ed448-pub", false),
        (0x84, 0x24) => ("X448", "x448-pub", true),
        _ => return None,
    };
    Some(if agreement {
        detail!(
            "{kind} (multicodec {codec}, a key-agreement key)",
            kind = code(kind),
            codec = code(codec)
        )
    } else {
        detail!(
            "{kind} (multicodec {codec})",
            kind = code(kind),
            codec = code(codec)
        )
    })
}

/// A JSON string literal of untrusted text, cut short, for a message.
fn shown(s: &str) -> Value {
    Value::from(s.chars().take(40).collect::<String>())
}

/// Why a key could not be read. A message starting with "unsupported" is a key (or key
/// encoding) this verifier does not implement ([`KeyError::is_unsupported`]); any other is a
/// malformed key.
#[derive(Debug, Clone, PartialEq)]
pub struct KeyError(pub Detail);

impl KeyError {
    /// A well-formed key of a type this verifier cannot use (P-521, Ed448, X25519 …).
    pub fn unsupported(kind: &str) -> KeyError {
        Self::unsupported_kind(detail!("{kind}", kind = code(kind)))
    }

    /// [`KeyError::unsupported`], the kind said in words ("EC curve …").
    pub fn unsupported_kind(kind: Detail) -> KeyError {
        KeyError(detail!(
            "unsupported key type {kind}: this verifier implements Ed25519, P-256, P-384, \
             secp256k1 and RSA keys",
            kind = cause(kind)
        ))
    }

    /// The reason, as a check's detail.
    pub fn detail(&self) -> Detail {
        self.0.clone()
    }

    /// Whether the key is of a type this verifier does not implement (rather than malformed);
    /// `resolve::keys` makes the same distinction by the same prefix.
    pub fn is_unsupported(&self) -> bool {
        self.0.starts_with("unsupported")
    }

    /// Whether the key is of a known type this verifier does not implement (P-521 …), as
    /// opposed to bytes that name no key type it knows of.
    pub fn is_known_unsupported_type(&self) -> bool {
        self.0.starts_with("unsupported key type")
    }
}

impl std::fmt::Display for KeyError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
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
            (mb(&[0x82, 0x24], 67), "P-521"),
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
                json!({"kty":"EC","crv":"P-521","x":"AA","y":"AA"}),
                "EC \"P-521\"",
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
            json!({"kty":"EC","crv":"P-384","x":"AA","y":"AA"}),
            json!({"kty":"EC","crv":"secp256k1","x":"AA","y":"AA"}),
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
        // P-384 and secp256k1 Multikeys of the wrong length, or not on the curve: malformed.
        for (key, name) in [
            (mb(&[0x81, 0x24], 48), "P-384"),
            (mb(&[0xe7, 0x01], 65), "secp256k1"),
        ] {
            let e = PublicKey::from_multibase(&key).unwrap_err();
            assert!(!e.is_unsupported() && e.0.contains(name), "{e}");
        }
    }

    #[test]
    fn p384_and_secp256k1_in_every_encoding() {
        // vc-di-ecdsa's P-384 test key; the did:key spec's secp256k1 example.
        let p384 = "z82LkuBieyGShVBhvtE2zoiD6Kma4tJGFtkAhxR5pfkp5QPw4LutoYWhvQCnGjdVn14kujQ";
        let k = PublicKey::from_multibase(p384).unwrap();
        assert_eq!(k.kind(), "P-384");
        let k1 = PublicKey::from_multibase("zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme");
        // The did:key spec's example is this compressed point.
        let point = "03874c15c7fda20e539c6e5ba573c139884c351188799f5458b4b41f7924f235cd";
        let from_hex = PublicKey::secp256k1_from_sec1(&hex::decode(point).unwrap());
        assert_eq!(k1.as_ref().map(PublicKey::kind), Ok("secp256k1"));
        assert_eq!(k1, from_hex);
        // The JWK of the same P-384 point (uncompressed) is the same key.
        let bytes = bs58::decode(&p384[1..]).into_vec().unwrap();
        #[cfg(feature = "extended-suites")]
        {
            let vk = p384::ecdsa::VerifyingKey::from_sec1_bytes(&bytes[2..]).unwrap();
            let point = vk.to_encoded_point(false);
            let jwk = json!({"kty": "EC", "crv": "P-384",
                "x": URL_SAFE_NO_PAD.encode(point.x().unwrap()),
                "y": URL_SAFE_NO_PAD.encode(point.y().unwrap())});
            assert_eq!(PublicKey::from_jwk(&jwk), Ok(k));
        }
        assert_eq!(bytes.len(), 2 + 49);
    }

    #[test]
    #[cfg(feature = "extended-suites")]
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

    /// Natively ring verifies P-256 (the platform); it must answer as the p256 crate does,
    /// which the browser uses: high-S accepted by both, altered signatures and garbage refused.
    #[test]
    fn p256_verify_agrees_with_the_p256_crate() {
        use p256::ecdsa::signature::{Signer, Verifier};
        let sk = p256::ecdsa::SigningKey::from_slice(&[5u8; 32]).unwrap();
        let vk = *sk.verifying_key();
        for msg in [&b"a"[..], b"", &[0u8; 200]] {
            let sig: p256::ecdsa::Signature = sk.sign(msg);
            let (r, s) = sig.split_scalars();
            let high =
                p256::ecdsa::Signature::from_scalars(r.to_bytes(), (-*s).to_bytes()).unwrap();
            for sig in [sig, high] {
                let bytes = sig.to_bytes();
                assert!(vk.verify(msg, &sig).is_ok());
                assert!(p256_verify(&vk, msg, &bytes));
                let mut bad = bytes.to_vec();
                bad[10] ^= 1;
                assert!(!p256_verify(&vk, msg, &bad));
                assert!(!p256_verify(&vk, b"other", &bytes));
            }
        }
        for garbage in [&[0u8; 64][..], &[0xff; 64], &[1; 10], &[]] {
            assert!(!p256_verify(&vk, b"a", garbage));
        }
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
