//! Why a Data Integrity proof does not verify: one error for [`super::data_integrity`] and the
//! JSON-LD stages under it.

use crate::detail;
use crate::detail::{cause, code, pieces, url, Arg, Detail, Piece};
use serde_json::{json, Value};

/// Why a proof does not verify.
#[derive(Debug, Clone, PartialEq)]
pub enum ProofError {
    /// A proof type, cryptosuite or feature this verifier does not implement (bbs-2023,
    /// RsaSignature2018 …): not checked, never invalid
    /// ([`crate::verify::failure::failure_check`]).
    NotImplemented(Detail),
    /// The document or proof is malformed (missing fields, undefined terms in safe mode …).
    Invalid(Detail),
    /// A context that is not bundled (contexts are never fetched).
    UnknownContext(String),
    /// The suite needs a different kind of key than the one resolved.
    KeyMismatch {
        /// The cryptosuite or proof type.
        suite: String,
        /// The resolved key's type ([`crate::jose::keys::PublicKey::kind`]).
        key: &'static str,
    },
    /// The signature does not verify with the resolved key.
    BadSignature,
    /// The suite (or its key) needs feature `extended-suites`, which this build leaves out:
    /// what, for the `full-verifier` check ("ecdsa-sd-2023 proofs" …).
    NeedsFullVerifier(&'static str),
}

impl ProofError {
    /// The reason, as a check's detail.
    pub fn detail(&self) -> Detail {
        match self {
            ProofError::NotImplemented(m) => {
                detail!("unsupported proof: {why}", why = cause(m.clone()))
            }
            ProofError::Invalid(m) => detail!("malformed: {why}", why = cause(m.clone())),
            ProofError::UnknownContext(u) => detail!(
                "unknown JSON-LD context {url} (contexts are bundled, never fetched)",
                url = url(u.as_str())
            ),
            ProofError::KeyMismatch { suite, key } => detail!(
                "{suite} needs a different key than the {key} key found",
                suite = code(suite.as_str()),
                key = code(*key)
            ),
            ProofError::BadSignature => {
                detail!("the signature does not match the credential and key")
            }
            ProofError::NeedsFullVerifier(what) => full_verifier_work(what),
        }
    }
}

/// What the full verifier checks, for [`ProofError::NeedsFullVerifier`].
fn full_verifier_work(what: &str) -> Detail {
    match what {
        "ecdsa-sd-2023 proofs" => detail!("{suite} proofs", suite = code("ecdsa-sd-2023")),
        "ecdsa proofs with a P-384 key" => {
            detail!("{suite} proofs with a {key} key", suite = code("ecdsa"), key = code("P-384"))
        }
        "JSON-LD canonicalization" => detail!("JSON-LD canonicalization"),
        other => detail!("{what}", what = code(other)),
    }
}

impl std::fmt::Display for ProofError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

impl ProofError {
    /// This error as the on-demand module sends it back to the page's core
    /// ([`crate::offload`]): its kind, a colon, its reason (a detail as JSON, see
    /// [`detail_to_wire`], so the page shows it in the reader's language).
    #[allow(dead_code)] // the module's side: builds with both features
    pub fn to_wire(&self) -> String {
        match self {
            ProofError::NotImplemented(m) => format!("unsupported:{}", detail_to_wire(m)),
            ProofError::Invalid(m) => format!("malformed:{}", detail_to_wire(m)),
            ProofError::UnknownContext(u) => format!("unknown-context:{u}"),
            ProofError::BadSignature => "bad-signature:".into(),
            // Key kinds and the full verifier's work never come out of the module.
            e => format!("malformed:{}", detail_to_wire(&e.detail())),
        }
    }

    /// Reads [`ProofError::to_wire`] back; anything else is a malformed document.
    #[allow(dead_code)] // the page's side: builds without one of them
    pub fn from_wire(wire: &str) -> ProofError {
        let (kind, text) = wire.split_once(':').unwrap_or(("malformed", wire));
        match kind {
            "unsupported" => ProofError::NotImplemented(detail_from_wire(text)),
            "unknown-context" => ProofError::UnknownContext(text.into()),
            "bad-signature" => ProofError::BadSignature,
            _ => ProofError::Invalid(detail_from_wire(text)),
        }
    }
}

/// A detail as JSON for the wire: `{"t": template, "a": [[name, kind, value] …]}`, a cause's
/// value being a detail itself; a detail that is text is a JSON string.
pub(crate) fn detail_to_wire(d: &Detail) -> String {
    detail_json(d).to_string()
}

fn detail_json(d: &Detail) -> Value {
    match d {
        Detail::Text(s) => Value::from(s.as_str()),
        Detail::Message { template, args } => {
            let args: Vec<Value> = args
                .iter()
                .map(|(name, a)| match a {
                    Arg::Url(s) => json!([name, "u", s]),
                    Arg::Code(s) => json!([name, "c", s]),
                    Arg::Text(s) => json!([name, "t", s]),
                    Arg::Count(n) => json!([name, "n", n]),
                    Arg::Date(s) => json!([name, "d", s]),
                    Arg::Detail(d) => json!([name, "x", detail_json(d)]),
                })
                .collect();
            json!({"t": template, "a": args})
        }
    }
}

/// Reads [`detail_to_wire`] back. A template is known by the templates of the proof and key
/// code ([`WIRE_TEMPLATES`]), both sides being built from the same source; anything else (or
/// plain text) comes back as its text.
pub(crate) fn detail_from_wire(wire: &str) -> Detail {
    match serde_json::from_str::<Value>(wire) {
        Ok(v) => detail_from_json(&v),
        Err(_) => Detail::Text(wire.to_string()),
    }
}

fn detail_from_json(v: &Value) -> Detail {
    let text = || Detail::Text(v.as_str().map(String::from).unwrap_or_else(|| v.to_string()));
    let (Some(t), Some(args)) = (
        v.get("t").and_then(Value::as_str),
        v.get("a").and_then(Value::as_array),
    ) else {
        return text();
    };
    let Some(template) = WIRE_TEMPLATES.iter().copied().find(|k| *k == t) else {
        return text();
    };
    let names: Vec<&'static str> = pieces(template)
        .into_iter()
        .filter_map(|p| match p {
            Piece::Arg(a) => Some(a),
            _ => None,
        })
        .collect();
    let mut out = Vec::new();
    for a in args {
        let (Some(name), Some(kind), Some(value)) = (
            a.get(0).and_then(Value::as_str),
            a.get(1).and_then(Value::as_str),
            a.get(2),
        ) else {
            return text();
        };
        let Some(name) = names.iter().copied().find(|n| *n == name) else {
            return text();
        };
        let s = || value.as_str().unwrap_or_default().to_string();
        let arg = match kind {
            "u" => Arg::Url(s()),
            "c" => Arg::Code(s()),
            "t" => Arg::Text(s()),
            "n" => Arg::Count(value.as_u64().unwrap_or_default()),
            "d" => Arg::Date(s()),
            _ => Arg::Detail(Box::new(detail_from_json(value))),
        };
        out.push((name, arg));
    }
    Detail::Message {
        template,
        args: out,
    }
}

/// Every template of the code whose errors may come back from the on-demand module (this
/// directory and `jose`): the page knows a template from the wire by this list. A test keeps
/// it equal to the templates in those files.
pub(crate) const WIRE_TEMPLATES: &[&str] = &[
    "\"`none`\": an unsigned token proves nothing (RFC 8725 §3.2)",
    "\"`proofValue`\" is not a string",
    "\"`proofValue`\" is not base58btc",
    "\"`proofValue`\" is not multibase base58btc ('z…')",
    "\"{key}\" looks like a JSON-LD keyword but is none; expansion would drop it, so it would not be signed (safe mode)",
    "EC curve {curve}",
    "JCS (RFC 8785) cannot canonicalize the document",
    "JSON nesting deeper than {max}",
    "JSON-LD canonicalization",
    "JSON-LD expansion failed: the document is not valid JSON-LD",
    "JWK \"{name}\" is not base64url",
    "JWK `kty` {kty}",
    "PEM EC key without a named curve",
    "PEM key algorithm {oid}",
    "PEM {label} is not a public key",
    "PKCS#1 RSA key: {why}",
    "RDF canonicalization (RDFC-1.0) exceeded its limit of {limit} hash steps: the document's blank nodes are too entangled to canonicalize",
    "RDF canonicalization (RDFC-1.0) failed: the document is malformed",
    "RSA JWK: {why}",
    "RSA key of {bits} bits: more than {max}",
    "`EC` {crv}",
    "`OKP` {crv}",
    "`ecdsa-sd-2023`: {why}",
    "a JSON-LD document must be a JSON object",
    "a JWK must be a JSON object",
    "a `DataIntegrityProof` needs a \"`cryptosuite`\"",
    "a blank node without a canonical label",
    "a label map label is not base64url",
    "a property that is a blank node would not be signed (safe mode)",
    "a symmetric (\"`oct`\") JWK cannot verify a signature",
    "an Ed25519 key is 32 bytes, not {n}",
    "an invalid `@context`",
    "an invalid `@type` value (safe mode)",
    "an invalid blank node label {label}",
    "bytes after the `proofValue`'s CBOR",
    "cryptosuite {suite}, which this verifier does not implement (it implements {suites})",
    "duplicate member name {name} at {pointer} in {what} (RFC 7493 I-JSON §2.3: member names must be unique): a document that can be read two ways is refused",
    "expected three dot-separated parts",
    "invalid P-256 key",
    "invalid RSA Multikey: {why}",
    "invalid RSA key: its modulus or exponent is out of range",
    "invalid RSA key: not a PKCS#1 `RSAPublicKey`",
    "invalid base58btc in a multibase key",
    "invalid {curve} Multikey: {n} bytes, not a {size}-byte compressed point",
    "invalid {curve} key: not a SEC1 point of {short} or {long} bytes",
    "invalid {curve} key: not a point on the curve",
    "malformed JWS: {why}",
    "malformed: {why}",
    "multibase key must be base58btc ('z…'): {key}",
    "multibase key too short",
    "not UTF-8 (byte {byte})",
    "not a PEM public key",
    "not a PEM public key (`SubjectPublicKeyInfo`)",
    "not valid JSON (line {line}, column {column})",
    "proof chains (\"`previousProof`\") are not supported",
    "proof type {ty}, which this verifier does not implement (it implements `DataIntegrityProof` and `Ed25519Signature2020`)",
    "signature algorithm refused: {why}",
    "the JSON ends too early (line {line}, column {column})",
    "the JWK contains private key material (\"{name}\")",
    "the JWK has no \"`kty`\"",
    "the JWK has no \"{name}\"",
    "the JWS header",
    "the JWS header has no \"`alg`\"",
    "the JWS header's \"`alg`\" is empty",
    "the JWS payload",
    "the `EC` JWK has no \"`crv`\"",
    "the `OKP` JWK has no \"`crv`\"",
    "the `proofValue` does not start with the derived proof header 0xd9 0x5d 0x01",
    "the `proofValue` is not CBOR",
    "the `proofValue` is not [baseSignature (64 bytes), publicKey, signatures (64 bytes each), label map (integer → 32 bytes), mandatory indexes]",
    "the `proofValue` is not base64url",
    "the `proofValue` is not multibase base64url ('u…')",
    "the `proofValue` is too long",
    "the credential is not a JSON object",
    "the credential makes more than {max} JSON-LD context loads",
    "the document",
    "the document cannot be written as JSON",
    "the header",
    "the header is not a JSON object",
    "the identifier \"{id}\" is not an absolute IRI, so statements about it would not be signed (safe mode)",
    "the label map gives no label for the blank node {node}",
    "the label map names a blank node twice",
    "the language tag \"{tag}\" is not well-formed, so the string would not be signed (safe mode)",
    "the on-demand module's answer is not the evidence expected",
    "the payload",
    "the proof has no \"`proofValue`\"",
    "the proof has no \"`type`\"",
    "the proof has no string \"`proofValue`\"",
    "the proof is not a JSON object",
    "the proof's `@context` does not start the credential's `@context`",
    "the proof's evidence could not be written",
    "the proof-scoped public key is not a P-256 Multikey",
    "the proof-scoped public key is not a P-256 point",
    "the property \"{id}\" is not an absolute IRI, so statements about it would not be signed (safe mode)",
    "the signature",
    "the signature does not match the content and key",
    "the signature does not match the credential and key",
    "the term \"{term}\" is not defined by the credential's `@context`, so it would not be signed (safe mode)",
    "the token is signed with the unregistered algorithm {alg}, which this verifier does not implement (it implements RS256, PS256, ES256, ES384, ES256K and EdDSA)",
    "the token is signed with {alg}, which this verifier does not implement (it implements RS256, PS256, ES256, ES384, ES256K and EdDSA)",
    "the type \"{ty}\" is not defined by the credential's `@context`, so it would not be signed (safe mode)",
    "this is a base proof (header 0xd9 0x5d 0x00), which the holder keeps to derive disclosures from; a verifier must be given a derived proof (vc-di-ecdsa §3.5 parseDerivedProofValue: PROOF_VERIFICATION_ERROR)",
    "unknown JSON-LD context {url} (contexts are bundled, never fetched)",
    "unsupported key type {kind}: this verifier implements Ed25519, P-256, P-384, secp256k1 and RSA keys",
    "unsupported multicodec {codec}: not a key type this verifier knows",
    "unsupported proof: {why}",
    "{alg} is a JWE key-management algorithm, not a signature algorithm",
    "{alg} needs a different key than the {key} key found",
    "{alg} signatures",
    "{alg}: shared-secret MACs cannot prove who issued a badge, and one keyed with the issuer's public key can be made by anyone (RFC 8725 §2.1, §3.1)",
    "{crv} JWK coordinates must be {size} bytes",
    "{kind}",
    "{kind} (multicodec {codec})",
    "{kind} (multicodec {codec}, a key-agreement key)",
    "{part} is not base64url",
    "{signatures} signatures for {statements} non-mandatory statements",
    "{suite} is not implemented (this verifier implements {suites})",
    "{suite} needs a different key than the {key} key found",
    "{suite} proofs",
    "{suite} proofs with a {key} key",
    "{suite} with a {key} issuer key is not implemented",
    "{what}",
    "{what} is JSON nested deeper than {max} levels",
    "{what} is not JSON: {why}",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_cross_to_the_page_and_back_unchanged() {
        for e in [
            ProofError::NotImplemented(ProofError::NeedsFullVerifier("ecdsa-sd-2023 proofs").detail()),
            ProofError::Invalid(ProofError::BadSignature.detail()),
            ProofError::UnknownContext("https://example.org/ctx".into()),
            ProofError::BadSignature,
        ] {
            assert_eq!(ProofError::from_wire(&e.to_wire()), e);
        }
        assert_eq!(
            ProofError::from_wire("nonsense"),
            ProofError::Invalid(Detail::Text("nonsense".into()))
        );
        // Text (a detail read back from another build) crosses as text.
        let text = ProofError::Invalid(Detail::Text("undefined term \"x\": a:b".into()));
        assert_eq!(ProofError::from_wire(&text.to_wire()), text);
    }

    #[test]
    fn the_wire_knows_every_template_of_the_proof_and_key_code() {
        let files = [
            include_str!("error.rs"),
            include_str!("data_integrity.rs"),
            include_str!("ecdsa_sd.rs"),
            include_str!("jsonld.rs"),
            include_str!("jsonld_fast/mod.rs"),
            include_str!("jsonld_fast/context.rs"),
            include_str!("jsonld_fast/dynamic.rs"),
            include_str!("loader.rs"),
            include_str!("contexts.rs"),
            include_str!("mod.rs"),
            include_str!("../jose/jws.rs"),
            include_str!("../jose/keys.rs"),
            include_str!("../jose/extended.rs"),
            include_str!("../jose/deferred.rs"),
            include_str!("../strict_json.rs"),
            include_str!("../offload.rs"),
        ];
        let mut found: Vec<String> = files
            .iter()
            .flat_map(|f| crate::detail::templates_in(f))
            .collect();
        found.sort();
        found.dedup();
        let mut listed: Vec<String> = WIRE_TEMPLATES.iter().map(|t| t.to_string()).collect();
        listed.sort();
        assert_eq!(found, listed);
    }
}
