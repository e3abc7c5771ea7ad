//! DID methods this verifier resolves: `did:key` and `did:jwk` offline (the DID *is* the key),
//! `did:web` by fetching `did.json` (did:web spec §3.2 "Read (Resolve)"). Other methods are
//! reported as unsupported, never guessed at.
//!
//! `did:key` and `did:jwk` are expanded into the DID document their specs define, so key lookup
//! works the same for every method (see [`super::keys`]).

use super::weburl::WebUrl;
use crate::detail;
use crate::detail::{cause, code, Detail};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::{json, Value};

/// A DID split into its method and method-specific id; `fragment` without the `#`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DidUrl<'a> {
    /// The DID without path, query or fragment (`did:web:example.com`).
    pub did: &'a str,
    /// The DID method (`key`, `web`, `jwk` …).
    pub method: &'a str,
    /// The method-specific identifier (what follows `did:<method>:`).
    pub specific_id: &'a str,
    /// The fragment, without `#` (a verification method's name).
    pub fragment: Option<&'a str>,
}

/// Splits a DID URL. `None` when it is not `did:<method>:<id>`.
pub fn parse(url: &str) -> Option<DidUrl<'_>> {
    let (did, fragment) = match url.split_once('#') {
        Some((d, f)) => (d, Some(f)),
        None => (url, None),
    };
    // DID URL paths and queries are not used by badges; cut them off the DID.
    let did = did.split(['?', '/']).next().unwrap_or(did);
    let rest = did.strip_prefix("did:")?;
    let (method, specific_id) = rest.split_once(':')?;
    if method.is_empty()
        || specific_id.is_empty()
        || !method
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        return None;
    }
    Some(DidUrl {
        did,
        method,
        specific_id,
        fragment,
    })
}

/// The URLs a `did:web` document is fetched from, in the order to try them.
///
/// did:web §3.2: `:` separates path segments; a port is percent-encoded (`%3A`); no path means
/// `/.well-known/did.json`, a path means `/<path>/did.json`. HTTPS only; `allow_http` (testing)
/// adds plain http for localhost / 127.0.0.1 after https.
pub fn did_web_urls(specific_id: &str, allow_http: bool) -> Result<Vec<String>, Detail> {
    let mut segments = specific_id.split(':');
    let host = segments.next().unwrap_or("");
    let host = host.replace("%3A", ":").replace("%3a", ":");
    if host.is_empty() || host.contains(['/', '@', '?', '#', '%']) {
        return Err(detail!(
            "`did:web` host \"{host}\" is not a domain name",
            host = code(host)
        ));
    }
    let mut path = String::new();
    for seg in segments {
        if seg.is_empty() || seg == "." || seg == ".." || seg.contains(['/', '?', '#']) {
            return Err(detail!(
                "`did:web` path segment \"{segment}\" is not allowed",
                segment = code(seg)
            ));
        }
        path.push('/');
        path.push_str(seg);
    }
    if path.is_empty() {
        path.push_str("/.well-known");
    }
    let https = format!("https://{host}{path}/did.json");
    // The parser's own reason is the platform's English: not shown.
    let parsed = WebUrl::parse(&https).map_err(|_| {
        detail!(
            "`did:web` does not give a valid URL: {url}",
            url = code(https.as_str())
        )
    })?;
    let mut urls = vec![https.clone()];
    if allow_http && parsed.is_loopback() {
        urls.push(format!("http://{host}{path}/did.json"));
    }
    Ok(urls)
}

/// The DID document of a `did:key` (did:key spec §3.1.2, the verification method is
/// `did:key:<mb>#<mb>`, authorised for every purpose). A malformed key, or bytes of no known
/// key type, are an error; a key of a known type this verifier does not implement (P-384,
/// secp256k1 …) still has its document, and reading the key from it then says "unsupported"
/// (not checked, not invalid).
pub fn did_key_document(did: &str, specific_id: &str) -> Result<Value, Detail> {
    match crate::jose::keys::PublicKey::from_multibase(specific_id) {
        Err(e) if !e.is_known_unsupported_type() => {
            return Err(detail!("{did}: {why}", did = code(did), why = cause(e.0)))
        }
        _ => {}
    }
    let vm_id = format!("{did}#{specific_id}");
    Ok(json!({
        "id": did,
        "verificationMethod": [{
            "id": vm_id, "type": "Multikey", "controller": did, "publicKeyMultibase": specific_id
        }],
        "assertionMethod": [vm_id], "authentication": [vm_id]
    }))
}

/// The DID document of a `did:jwk` (did:jwk spec §2.2: the method-specific id is the base64url
/// JWK; the verification method is `#0`). A JWK with private parts is refused; one of a key
/// type this verifier does not implement has its document, as for did:key.
pub fn did_jwk_document(did: &str, specific_id: &str) -> Result<Value, Detail> {
    let bytes = URL_SAFE_NO_PAD
        .decode(specific_id.trim_end_matches('='))
        .map_err(|_| detail!("{did}: the JWK is not base64url", did = code(did)))?;
    let jwk = crate::strict_json::from_slice(&bytes, crate::limits::MAX_JSON_DEPTH).map_err(|e| {
        detail!(
            "{did}: {why}",
            did = code(did),
            why = cause(e.detail(detail!("the JWK")))
        )
    })?;
    match crate::jose::keys::PublicKey::from_jwk(&jwk) {
        Err(e) if !e.is_known_unsupported_type() => {
            return Err(detail!("{did}: {why}", did = code(did), why = cause(e.0)))
        }
        _ => {}
    }
    let vm_id = format!("{did}#0");
    Ok(json!({
        "id": did,
        "verificationMethod": [{ "id": vm_id, "type": "JsonWebKey2020", "controller": did, "publicKeyJwk": jwk }],
        "assertionMethod": [vm_id], "authentication": [vm_id]
    }))
}

/// The `did:jwk` of a public JWK (to recognise an issuer that is the JWT's own key).
#[cfg(test)]
pub fn did_jwk_of(jwk: &Value) -> String {
    format!("did:jwk:{}", URL_SAFE_NO_PAD.encode(jwk.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_did_urls() {
        let d = parse("did:web:example.com:u:alice#key-1").unwrap();
        assert_eq!(
            (d.did, d.method, d.specific_id, d.fragment),
            (
                "did:web:example.com:u:alice",
                "web",
                "example.com:u:alice",
                Some("key-1")
            )
        );
        assert!(parse("did:key").is_none());
        assert!(parse("https://example.com").is_none());
        assert!(parse("did::x").is_none());
    }

    #[test]
    fn did_web_urls_follow_the_spec() {
        assert_eq!(
            did_web_urls("example.com", false).unwrap(),
            vec!["https://example.com/.well-known/did.json"]
        );
        assert_eq!(
            did_web_urls("w3c-ccg.github.io:user:alice", false).unwrap(),
            vec!["https://w3c-ccg.github.io/user/alice/did.json"]
        );
        assert_eq!(
            did_web_urls("localhost%3A8080", true).unwrap(),
            vec![
                "https://localhost:8080/.well-known/did.json",
                "http://localhost:8080/.well-known/did.json"
            ]
        );
        assert_eq!(
            did_web_urls("example.com%3A8443", true).unwrap(),
            vec!["https://example.com:8443/.well-known/did.json"]
        );
        assert!(did_web_urls("example.com:..:x", false).is_err());
        assert!(did_web_urls("evil.com@good.com", false).is_err());
    }

    #[test]
    fn did_key_and_did_jwk_documents() {
        let mb = "z6MkhaXgBZDvotDkL5257faiztiGiC2QtKLGpbnnEGta2doK";
        let doc = did_key_document(&format!("did:key:{mb}"), mb).unwrap();
        assert_eq!(doc["assertionMethod"][0], format!("did:key:{mb}#{mb}"));
        assert!(did_key_document("did:key:zabc", "zabc").is_err());
        // A P-521 key: its document, whose key is then reported as not implemented.
        let p384 = format!(
            "z{}",
            bs58::encode([[0x82, 0x24].as_slice(), &[2; 67]].concat()).into_string()
        );
        let doc = did_key_document(&format!("did:key:{p384}"), &p384).unwrap();
        assert_eq!(
            doc["verificationMethod"][0]["publicKeyMultibase"],
            p384.as_str()
        );
        let jwk =
            json!({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"});
        let did = did_jwk_of(&jwk);
        let d = parse(&did).unwrap();
        let doc = did_jwk_document(d.did, d.specific_id).unwrap();
        assert_eq!(doc["verificationMethod"][0]["publicKeyJwk"], jwk);
        let private = json!({"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo","d":"nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"});
        let did = did_jwk_of(&private);
        let d = parse(&did).unwrap();
        assert!(did_jwk_document(d.did, d.specific_id)
            .unwrap_err()
            .contains("private"));
    }
}
