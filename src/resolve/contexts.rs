//! JSON-LD contexts bundled byte for byte (copied from the upstream URLs below): Data Integrity
//! proofs are verified offline, and a context is never fetched — a fetched context could change
//! what a signed credential means (VC DI 1.0 §4.5 "Contexts and Vocabularies").

/// (URL, document) for every bundled context. Several URLs may map to the same file.
pub const CONTEXTS: &[(&str, &str)] = &[
    (
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        include_str!("contexts/clr-v2p0.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        include_str!("contexts/clr-v2p0-2.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
        include_str!("contexts/ob-v3p0.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        include_str!("contexts/ob-v3p0.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        include_str!("contexts/ob-v3p0-3.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        include_str!("contexts/ob-v3p0-3.0.2.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        include_str!("contexts/ob-v3p0-3.0.3.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        include_str!("contexts/ob-v3p0-extensions.json"),
    ),
    (
        "https://www.w3.org/ns/did/v1",
        include_str!("contexts/did-v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/odrl.jsonld",
        include_str!("contexts/odrl.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2020/v1",
        include_str!("contexts/security-suites-ed25519-2020-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v1",
        include_str!("contexts/data-integrity-v1.jsonld"),
    ),
    (
        "https://www.w3.org/2018/credentials/v1",
        include_str!("contexts/2018-credentials-v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/v2",
        include_str!("contexts/credentials-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/v1",
        include_str!("contexts/security-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/v2",
        include_str!("contexts/security-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/v3",
        include_str!("contexts/security-v3-unstable.jsonld"),
    ),
    (
        "https://w3id.org/security/bbs/v1",
        include_str!("contexts/security-bbs-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/secp256k1-2019/v1",
        include_str!("contexts/suites-secp256k1-2019.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2018/v1",
        include_str!("contexts/suites-ed25519-2018.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/x25519-2019/v1",
        include_str!("contexts/suites-x25519-2019.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/jws-2020/v1",
        include_str!("contexts/suites-jws-2020.jsonld"),
    ),
    (
        "https://openbadgespec.org/v2/context.json",
        include_str!("contexts/ob-v2p0.json"),
    ),
    (
        "https://w3id.org/openbadges/v2",
        include_str!("contexts/obv2x.jsonld"),
    ),
    (
        "https://w3id.org/openbadges/extensions/exampleExtension/context.json",
        include_str!("contexts/obv2x-example-extension.json"),
    ),
    (
        "https://w3id.org/openbadges/extensions/applyLinkExtension/context.json",
        include_str!("contexts/obv2x-applylink-extensions.json"),
    ),
    (
        "https://www.w3.org/ns/credentials/status/v1",
        include_str!("contexts/vc-bitstring-status-list-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/multikey/v1",
        include_str!("contexts/multikey-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v2",
        include_str!("contexts/data-integrity-v2.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/examples/v2",
        include_str!("contexts/credentials-examples-v2.jsonld"),
    ),
    (
        "https://w3id.org/citizenship/v4rc1",
        include_str!("contexts/citizenship-v4rc1.jsonld"),
    ),
    (
        "https://w3id.org/vc/status-list/2021/v1",
        include_str!("contexts/vc-status-list-2021-v1.jsonld"),
    ),
];

/// The bundled context for `url` (exact match), if any.
pub fn bundled(url: &str) -> Option<&'static str> {
    CONTEXTS
        .iter()
        .find(|(u, _)| *u == url)
        .map(|(_, doc)| *doc)
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_bundled_context_is_json() {
        for (url, doc) in super::CONTEXTS {
            let v: serde_json::Value =
                serde_json::from_str(doc).unwrap_or_else(|e| panic!("{url}: {e}"));
            assert!(v.get("@context").is_some(), "{url} has no @context");
        }
        assert!(super::bundled("https://www.w3.org/ns/credentials/v2").is_some());
        assert!(super::bundled("https://example.com/unknown").is_none());
    }
}
