//! URLs as the WHATWG URL Standard parses them (what `fetch()` itself does): scheme, host,
//! port and origin, for the http(s)-only fetch rule and the origin and same-document checks.
//!
//! The platform's parser reads the URL (`platform::parse_url`: the `url` crate natively,
//! the page's own `URL` in the browser — the same standard, including IDNA (UTS #46) host
//! mapping, so the `.wasm` carries neither `url` nor its Unicode tables, 49 KiB brotli,
//! BENCHMARKS.md); the rules here are the same on both.

/// An absolute URL, parsed and serialized by the URL Standard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebUrl {
    href: String,
    scheme: String,
    /// As serialized (URL Standard §3.6 host serializer): an ASCII domain, a dotted IPv4
    /// address, or an IPv6 address in brackets; `None` when there is no host.
    host: Option<String>,
    port: Option<u16>,
}

impl WebUrl {
    /// Parses an absolute URL; the error is the parser's reason.
    pub fn parse(raw: &str) -> Result<WebUrl, String> {
        let p = crate::platform::parse_url(raw)?;
        WebUrl::from_parts(p.href, &p.scheme, &p.hostname, p.port)
    }

    /// Builds a parsed URL from the parts a URL parser gave (`scheme` without the colon,
    /// `hostname` as the URL Standard serializes it: IPv6 in brackets, "" for none, `port`
    /// only when not the scheme's default). Refuses a special URL's domain with a forbidden
    /// domain code point (URL Standard §3.2; §3.5 host parser step 7), which Chromium's parser
    /// lets through percent-encoded (`https://exa mple.org/` → host `exa%20mple.org`).
    pub fn from_parts(
        href: String,
        scheme: &str,
        hostname: &str,
        port: Option<u16>,
    ) -> Result<WebUrl, String> {
        let scheme = scheme.to_ascii_lowercase();
        let special = matches!(
            scheme.as_str(),
            "http" | "https" | "ws" | "wss" | "ftp" | "file"
        );
        if special && !hostname.starts_with('[') && hostname.chars().any(forbidden_in_domain) {
            return Err(format!("the host {hostname:?} has a forbidden code point"));
        }
        let host = (!hostname.is_empty()).then(|| hostname.to_owned());
        Ok(WebUrl {
            href,
            scheme,
            host,
            port,
        })
    }

    /// The serialized URL (normalized: two URLs naming the same resource serialize alike).
    pub fn as_str(&self) -> &str {
        &self.href
    }

    /// The scheme, lower-case, without `:`.
    pub fn scheme(&self) -> &str {
        &self.scheme
    }

    /// The host as serialized in the URL (IPv6 in brackets).
    pub fn host_str(&self) -> Option<&str> {
        self.host.as_deref()
    }

    /// The port, when it is not the scheme's default.
    pub fn port(&self) -> Option<u16> {
        self.port
    }

    /// `host[:port]`, the port only when not the default.
    pub fn authority(&self) -> Option<String> {
        let host = self.host_str()?;
        Some(match self.port {
            Some(p) => format!("{host}:{p}"),
            None => host.to_owned(),
        })
    }

    /// The ASCII serialization of an http(s) URL's origin (URL Standard §4 "origin":
    /// `scheme://host[:port]`); `None` for other schemes (their origin is opaque).
    pub fn http_origin(&self) -> Option<String> {
        if !self.is_http() {
            return None;
        }
        Some(format!("{}://{}", self.scheme, self.authority()?))
    }

    /// Whether the scheme is `http` or `https`.
    pub fn is_http(&self) -> bool {
        matches!(self.scheme.as_str(), "http" | "https")
    }

    /// Whether the host is this machine: `localhost`, 127.0.0.0/8 or `[::1]`, read from the
    /// parser's canonical serialization (so `0x7f.1` has already become `127.0.0.1`).
    pub fn is_loopback(&self) -> bool {
        match self.host.as_deref() {
            Some("localhost" | "[::1]") => true,
            Some(h) => {
                let parts: Vec<&str> = h.split('.').collect();
                parts.len() == 4
                    && parts[0] == "127"
                    && parts
                        .iter()
                        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
            }
            None => false,
        }
    }
}

/// The authority (`host[:port]`) of an http(s) URL, lower-cased: what OB 2.0 `allowedOrigins`
/// lists ("The host registered name subcomponent of an allowed origin") and what a hosted
/// assertion's scope is checked against.
pub fn http_authority(s: &str) -> Option<String> {
    let u = WebUrl::parse(s).ok()?;
    if !u.is_http() {
        return None;
    }
    Some(u.authority()?.to_ascii_lowercase())
}

impl std::fmt::Display for WebUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.href)
    }
}

/// URL Standard §3.2 "forbidden domain code point": the forbidden host code points, C0
/// controls, `%` and U+007F.
fn forbidden_in_domain(c: char) -> bool {
    matches!(
        c,
        '\0'..='\u{1f}'
            | ' '
            | '#'
            | '%'
            | '/'
            | ':'
            | '<'
            | '>'
            | '?'
            | '@'
            | '['
            | '\\'
            | ']'
            | '^'
            | '|'
            | '\u{7f}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_an_http_url() {
        let u = WebUrl::parse("HTTPS://Issuer.Example:443/a/../b?q#f").unwrap();
        assert_eq!(u.as_str(), "https://issuer.example/b?q#f");
        assert_eq!(u.scheme(), "https");
        assert_eq!(u.host_str(), Some("issuer.example"));
        assert_eq!(u.port(), None);
        assert_eq!(u.http_origin().as_deref(), Some("https://issuer.example"));
        let p = WebUrl::parse("http://issuer.example:8443/").unwrap();
        assert_eq!(p.authority().as_deref(), Some("issuer.example:8443"));
        assert_eq!(
            p.http_origin().as_deref(),
            Some("http://issuer.example:8443")
        );
    }

    #[test]
    fn hosts() {
        let v6 = WebUrl::parse("http://[0:0::1]:8080/").unwrap();
        assert_eq!(v6.host_str(), Some("[::1]"));
        assert!(v6.is_loopback());
        assert!(!WebUrl::parse("http://[::2]/").unwrap().is_loopback());
        // The URL Standard's IPv4 parser takes the short and hex forms too.
        let v4 = WebUrl::parse("http://0x7f.1/").unwrap();
        assert_eq!(v4.host_str(), Some("127.0.0.1"));
        assert!(v4.is_loopback());
        assert!(WebUrl::parse("http://127.255.0.9/").unwrap().is_loopback());
        assert!(!WebUrl::parse("http://127.example/").unwrap().is_loopback());
        assert!(!WebUrl::parse("http://128.0.0.1/").unwrap().is_loopback());
        assert!(WebUrl::parse("http://LocalHost/").unwrap().is_loopback());
        assert!(!WebUrl::parse("https://example.org/").unwrap().is_loopback());
        // IDNA (UTS #46): a Unicode host is mapped to its ASCII form, as fetch() sends it.
        let idn = WebUrl::parse("https://Bücher.example/x").unwrap();
        assert_eq!(idn.host_str(), Some("xn--bcher-kva.example"));
        assert_eq!(
            idn,
            WebUrl::parse("https://xn--bcher-kva.example/x").unwrap()
        );
    }

    #[test]
    fn non_http_urls() {
        let did = WebUrl::parse("did:web:example.org").unwrap();
        assert_eq!(did.scheme(), "did");
        assert_eq!(did.host_str(), None);
        assert_eq!(did.http_origin(), None);
        assert!(WebUrl::parse("urn:uuid:1").is_ok_and(|u| !u.is_http()));
        assert!(WebUrl::parse("not a url").is_err());
        assert!(WebUrl::parse("https://").is_err());
    }

    #[test]
    fn a_forbidden_domain_code_point_is_refused() {
        // What Chromium's parser gives for `https://exa mple.org/`.
        let chromium =
            |host: &str| WebUrl::from_parts(format!("https://{host}/"), "https", host, None);
        assert!(chromium("exa%20mple.org").is_err());
        assert!(chromium("exa mple.org").is_err());
        assert!(chromium("example.org").is_ok());
        assert!(chromium("[::1]").is_ok());
        // A non-special URL's opaque host may be percent-encoded.
        assert!(WebUrl::from_parts("foo://a%20b/".into(), "foo", "a%20b", None).is_ok());
    }
}
