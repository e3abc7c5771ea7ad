//! The one door to the network. The core asks a [`Fetcher`] for URLs; the browser answers with
//! `gloo-net`, the CLI with a small blocking client, tests with an in-memory map.

use super::weburl::WebUrl;
use std::collections::HashMap;
use std::future::Future;

/// Limits every fetcher enforces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FetchLimits {
    /// Largest body accepted, in bytes.
    pub max_bytes: usize,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
    /// Whole-request time limit, in milliseconds.
    pub timeout_ms: u32,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
            timeout_ms: 15_000,
        }
    }
}

impl FetchLimits {
    /// Refuses a body over [`FetchLimits::max_bytes`] (also when no Content-Length said so
    /// beforehand), else makes the [`Response`].
    pub fn response(
        &self,
        final_url: String,
        status: u16,
        content_type: Option<String>,
        body: Vec<u8>,
    ) -> Result<Response, FetchError> {
        if body.len() > self.max_bytes {
            return Err(FetchError::TooLarge {
                limit: self.max_bytes,
            });
        }
        Ok(Response {
            final_url,
            status,
            content_type,
            body,
        })
    }
}

/// A fetched document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The URL that answered, after redirects.
    pub final_url: String,
    /// HTTP status of the final response (fetchers follow redirects).
    pub status: u16,
    pub content_type: Option<String>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why a URL could not be fetched (as opposed to an HTTP error status, which is a [`Response`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Only http(s) is fetched (plain http only where allowed).
    SchemeNotAllowed(String),
    /// The browser refused to let the page read the response (no CORS headers) or the network
    /// failed; browsers cannot tell the two apart.
    Network(String),
    TooLarge {
        limit: usize,
    },
    TooManyRedirects {
        limit: u32,
    },
    Timeout {
        ms: u32,
    },
    /// The in-memory fetcher has no such document.
    NotFound,
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FetchError::SchemeNotAllowed(s) => write!(f, "only https URLs are fetched, not {s}"),
            FetchError::Network(m) => write!(
                f,
                "network error or blocked by the server's CORS policy: {m}"
            ),
            FetchError::TooLarge { limit } => write!(f, "response larger than {limit} bytes"),
            FetchError::TooManyRedirects { limit } => write!(f, "more than {limit} redirects"),
            FetchError::Timeout { ms } => write!(f, "no answer within {} s", ms / 1000),
            FetchError::NotFound => write!(f, "no such document"),
        }
    }
}

/// Gets a URL. Implementations follow redirects (within [`FetchLimits`]), enforce the size and
/// time limits, and report the final URL.
pub trait Fetcher {
    fn get(&self, url: &str) -> impl Future<Output = Result<Response, FetchError>>;
}

impl<F: Fetcher> Fetcher for &F {
    fn get(&self, url: &str) -> impl Future<Output = Result<Response, FetchError>> {
        (**self).get(url)
    }
}

/// Checks a URL may be fetched at all: http(s) only, plain http only when `allow_http` and the
/// host is loopback (testing). Returns the parsed URL.
pub fn check_fetchable(raw: &str, allow_http: bool) -> Result<WebUrl, FetchError> {
    let u = WebUrl::parse(raw).map_err(|e| FetchError::SchemeNotAllowed(format!("{raw} ({e})")))?;
    match u.scheme() {
        "https" => Ok(u),
        "http" if allow_http && u.is_loopback() => Ok(u),
        "http" => Err(FetchError::SchemeNotAllowed(
            "plain http (use https; --allow-http permits 127.0.0.1/localhost for testing)".into(),
        )),
        other => Err(FetchError::SchemeNotAllowed(format!("{other}:"))),
    }
}

/// A fetcher over a fixed map of URL → document, for tests and for documents the user pasted.
/// Redirects are modelled as entries with a 3xx status and a `Location` in `redirects`.
#[derive(Debug, Clone, Default)]
pub struct MemoryFetcher {
    docs: HashMap<String, Response>,
    redirects: HashMap<String, String>,
    limits: FetchLimits,
    log: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl MemoryFetcher {
    pub fn new() -> Self {
        Self::default()
    }

    /// Serves `body` at `url` with status 200 and the given content type.
    pub fn with(mut self, url: &str, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        self.insert(url, 200, content_type, body);
        self
    }

    /// Serves `body` at `url` with any status (410 Gone for a revoked hosted assertion, 404 …).
    pub fn insert(&mut self, url: &str, status: u16, content_type: &str, body: impl Into<Vec<u8>>) {
        let ct = (!content_type.is_empty()).then(|| content_type.to_string());
        let resp = Response {
            final_url: url.to_string(),
            status,
            content_type: ct,
            body: body.into(),
        };
        self.docs.insert(url.to_string(), resp);
    }

    /// Makes `from` redirect to `to`.
    pub fn redirect(mut self, from: &str, to: &str) -> Self {
        self.redirects.insert(from.to_string(), to.to_string());
        self
    }

    /// The URLs requested so far, in order (to assert that caches work, or what was tried).
    pub fn requests(&self) -> Vec<String> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    fn get_sync(&self, url: &str) -> Result<Response, FetchError> {
        if let Ok(mut l) = self.log.lock() {
            l.push(url.to_string());
        }
        let mut current = url.to_string();
        for _ in 0..=self.limits.max_redirects {
            if let Some(next) = self.redirects.get(&current) {
                current = next.clone();
                continue;
            }
            let mut resp = self
                .docs
                .get(&current)
                .cloned()
                .ok_or(FetchError::NotFound)?;
            if resp.body.len() > self.limits.max_bytes {
                return Err(FetchError::TooLarge {
                    limit: self.limits.max_bytes,
                });
            }
            resp.final_url = current;
            return Ok(resp);
        }
        Err(FetchError::TooManyRedirects {
            limit: self.limits.max_redirects,
        })
    }
}

impl Fetcher for MemoryFetcher {
    async fn get(&self, url: &str) -> Result<Response, FetchError> {
        self.get_sync(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_fetcher_follows_redirects_and_logs() {
        let f = MemoryFetcher::new()
            .with("https://b.example/x", "application/json", "{}")
            .redirect("https://a.example/x", "https://b.example/x");
        let r = futures::executor::block_on(f.get("https://a.example/x")).unwrap();
        assert_eq!(r.final_url, "https://b.example/x");
        assert_eq!(r.status, 200);
        assert_eq!(f.requests(), vec!["https://a.example/x"]);
        let missing = futures::executor::block_on(f.get("https://c.example/"));
        assert_eq!(missing, Err(FetchError::NotFound));
    }

    #[test]
    fn redirect_loops_end() {
        let f = MemoryFetcher::new()
            .redirect("https://a/", "https://b/")
            .redirect("https://b/", "https://a/");
        let r = futures::executor::block_on(f.get("https://a/"));
        assert!(matches!(r, Err(FetchError::TooManyRedirects { .. })));
    }

    #[test]
    fn only_https_and_loopback_http() {
        assert!(check_fetchable("https://example.org/a", false).is_ok());
        assert!(check_fetchable("http://example.org/a", false).is_err());
        assert!(check_fetchable("http://example.org/a", true).is_err());
        assert!(check_fetchable("http://127.0.0.1:8080/a", true).is_ok());
        assert!(check_fetchable("http://localhost/a", true).is_ok());
        assert!(check_fetchable("file:///etc/passwd", true).is_err());
        assert!(check_fetchable("ftp://x/", true).is_err());
    }
}
