//! JSON-LD contexts bundled from copies kept byte for byte (from the upstream URLs below): Data
//! Integrity proofs are verified offline, and a context is never fetched — a fetched context
//! could change what a signed credential means (VC DI 1.0 §4.5 "Contexts and Vocabularies").

/// A bundled context document: `src/proof/contexts/<file>` as build.rs writes it (the same
/// JSON without insignificant white space).
macro_rules! context {
    ($file:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/contexts/", $file))
    };
}

/// (URL, document) for every bundled context. Several URLs may map to the same file.
pub const CONTEXTS: &[(&str, &str)] = &[
    (
        "https://purl.imsglobal.org/spec/clr/v2p0/context.json",
        context!("clr-v2p0.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json",
        context!("clr-v2p0-2.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context/ob_v3p0.jsonld",
        context!("ob-v3p0.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context.json",
        context!("ob-v3p0.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json",
        context!("ob-v3p0-3.0.1.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json",
        context!("ob-v3p0-3.0.2.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        context!("ob-v3p0-3.0.3.json"),
    ),
    (
        "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json",
        context!("ob-v3p0-extensions.json"),
    ),
    ("https://www.w3.org/ns/did/v1", context!("did-v1.jsonld")),
    ("https://www.w3.org/ns/odrl.jsonld", context!("odrl.jsonld")),
    (
        "https://w3id.org/security/suites/ed25519-2020/v1",
        context!("security-suites-ed25519-2020-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v1",
        context!("data-integrity-v1.jsonld"),
    ),
    (
        "https://www.w3.org/2018/credentials/v1",
        context!("2018-credentials-v1.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/v2",
        context!("credentials-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/v1",
        context!("security-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/v2",
        context!("security-v2.jsonld"),
    ),
    (
        "https://w3id.org/security/v3",
        context!("security-v3-unstable.jsonld"),
    ),
    (
        "https://w3id.org/security/bbs/v1",
        context!("security-bbs-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/secp256k1-2019/v1",
        context!("suites-secp256k1-2019.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/ed25519-2018/v1",
        context!("suites-ed25519-2018.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/x25519-2019/v1",
        context!("suites-x25519-2019.jsonld"),
    ),
    (
        "https://w3id.org/security/suites/jws-2020/v1",
        context!("suites-jws-2020.jsonld"),
    ),
    (
        "https://openbadgespec.org/v2/context.json",
        context!("ob-v2p0.json"),
    ),
    ("https://w3id.org/openbadges/v2", context!("obv2x.jsonld")),
    (
        "https://w3id.org/openbadges/extensions/exampleExtension/context.json",
        context!("obv2x-example-extension.json"),
    ),
    (
        "https://w3id.org/openbadges/extensions/applyLinkExtension/context.json",
        context!("obv2x-applylink-extensions.json"),
    ),
    (
        "https://www.w3.org/ns/credentials/status/v1",
        context!("vc-bitstring-status-list-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/multikey/v1",
        context!("multikey-v1.jsonld"),
    ),
    (
        "https://w3id.org/security/data-integrity/v2",
        context!("data-integrity-v2.jsonld"),
    ),
    (
        "https://www.w3.org/ns/credentials/examples/v2",
        context!("credentials-examples-v2.jsonld"),
    ),
    (
        "https://w3id.org/citizenship/v4rc1",
        context!("citizenship-v4rc1.jsonld"),
    ),
    (
        "https://w3id.org/vc/status-list/2021/v1",
        context!("vc-status-list-2021-v1.jsonld"),
    ),
];

/// The bundled context for `url` (exact match), if any.
#[cfg(test)]
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

    #[test]
    fn each_bundled_document_is_its_upstream_file() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/proof/contexts");
        let mut files = 0;
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_str().unwrap();
            if !(name.ends_with(".json") || name.ends_with(".jsonld")) {
                continue;
            }
            let bundled =
                std::fs::read_to_string(concat!(env!("OUT_DIR"), "/contexts/").to_owned() + name)
                    .unwrap();
            let upstream = std::fs::read_to_string(&path).unwrap();
            assert!(
                bundled.len() < upstream.len() || !upstream.contains(char::is_whitespace),
                "{name}"
            );
            // Only white space was taken out (so members keep their order), and none from
            // inside a string (the parsed documents are equal).
            let mut rest = bundled.chars().peekable();
            for c in upstream.chars() {
                if rest.peek() == Some(&c) {
                    rest.next();
                } else {
                    assert!(c.is_ascii_whitespace(), "{name}: {c:?} dropped");
                }
            }
            assert!(rest.next().is_none(), "{name}");
            let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
            assert_eq!(parse(&bundled), parse(&upstream), "{name}");
            files += 1;
        }
        assert!(files >= 25);
    }
}
