//! The one door to the network. The core asks a [`Fetcher`] for URLs; the browser answers with
//! `gloo-net`, the CLI with a small blocking client, tests with an in-memory map.

use super::address;
use super::weburl::WebUrl;
use crate::detail;
use crate::detail::{cause, code, count, url, Detail};
use crate::limits::BudgetExceeded;
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::atomic::{AtomicU64, Ordering};

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
    /// The `Content-Type` header, if the response had one (parameters included).
    pub content_type: Option<String>,
    /// The response body. A fetcher refuses one larger than its [`FetchLimits::max_bytes`]
    /// ([`FetchLimits::response`] does so).
    pub body: Vec<u8>,
}

impl Response {
    /// Whether the status is 2xx. Other statuses are answers too (a 410 Gone revokes a hosted
    /// assertion), so they are a `Response`, never a [`FetchError`].
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Why a URL could not be fetched (as opposed to an HTTP error status, which is a [`Response`]).
/// Each reason is a [`Detail`] in our own words: a platform's message (a browser's "TypeError:
/// Failed to fetch", an I/O error) never reaches the report.
#[derive(Debug, Clone, PartialEq)]
pub enum FetchError {
    /// Only http(s) is fetched (plain http only where allowed): the whole sentence.
    SchemeNotAllowed(Detail),
    /// The browser refused to let the page read the response (no CORS headers) or the network
    /// failed; browsers cannot tell the two apart. The whole sentence
    /// ([`FetchError::browser_network`], [`FetchError::network`]).
    Network(Detail),
    /// The body was larger than the fetcher's limit.
    TooLarge {
        /// The largest body accepted, in bytes.
        limit: usize,
    },
    /// More redirects than the fetcher's limit.
    TooManyRedirects {
        /// The most redirects followed.
        limit: u32,
    },
    /// No complete answer within the time limit (the fetcher's own, or the input's time left).
    Timeout {
        /// The time limit, in milliseconds.
        ms: u32,
    },
    /// The in-memory fetcher has no such document.
    NotFound,
    /// The URL's host is, or resolves to, an address that is never fetched (loopback, private,
    /// link-local …; see `super::address`), or a redirect went where the first URL could not:
    /// why (the English display adds "refused: ").
    Refused(Detail),
    /// The input's fetch budget ran out ([`crate::limits::Budget`]).
    BudgetExceeded(BudgetExceeded),
}

impl FetchError {
    /// What went wrong, in one sentence.
    pub fn detail(&self) -> Detail {
        match self {
            FetchError::SchemeNotAllowed(d) | FetchError::Network(d) => d.clone(),
            FetchError::TooLarge { limit } => {
                detail!("response larger than {limit} bytes", limit = count(*limit))
            }
            FetchError::TooManyRedirects { limit } => {
                detail!("more than {limit} redirects", limit = count(*limit))
            }
            FetchError::Timeout { ms } => {
                detail!("no answer within {seconds} s", seconds = count(ms / 1000))
            }
            FetchError::NotFound => detail!("no such document"),
            FetchError::Refused(why) => detail!("refused: {why}", why = cause(why.clone())),
            FetchError::BudgetExceeded(b) => b.detail(),
        }
    }

    /// The browser's `fetch()` failed on `u`: a network error, or the server does not let
    /// this page read its answer (no CORS headers); the browser does not say which, and its
    /// own message ("TypeError: Failed to fetch") says nothing more.
    pub fn browser_network(u: &str) -> FetchError {
        FetchError::Network(detail!(
            "the browser could not read {url} (network error, or the server does not allow this page to read it)",
            url = url(u)
        ))
    }

    /// The connection to `host` failed natively: `why` in our words.
    pub fn network(why: Detail) -> FetchError {
        FetchError::Network(detail!("network error: {why}", why = cause(why)))
    }

    /// `badge-verify serve`'s relay refused the URL (403); `why` is the relay's own text.
    pub fn relay_refused(why: &str) -> FetchError {
        FetchError::Refused(detail!(
            "the relay of this page would not fetch it ({why})",
            why = crate::detail::text(why)
        ))
    }

    /// `badge-verify serve`'s relay could not fetch the URL either; `why` is its own text.
    pub fn relay_failed(why: &str) -> FetchError {
        FetchError::Network(detail!(
            "neither the browser nor the relay of this page could read it ({why})",
            why = crate::detail::text(why)
        ))
    }
}

impl std::fmt::Display for FetchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.detail().fmt(f)
    }
}

impl From<FetchError> for Detail {
    fn from(e: FetchError) -> Detail {
        e.detail()
    }
}

impl From<&FetchError> for Detail {
    fn from(e: &FetchError) -> Detail {
        e.detail()
    }
}

/// Why the core fetches a document, for the app's progress line: said by the core at each
/// fetch, never guessed from the URL. Nothing decides by it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FetchPurpose {
    /// The badge itself: a hosted assertion, or a credential or baked image at a URL.
    Badge,
    /// An OB 2.0 BadgeClass.
    BadgeClass,
    /// An issuer's profile (OB 2.0 Issuer, OB 3.0 `Profile`), or an endorser's.
    IssuerProfile,
    /// A public key, or a document that lists or controls one (DID document, key set).
    Key,
    /// A status list or revocation list.
    StatusList,
}

/// Gets a URL. Implementations follow redirects (within [`FetchLimits`], each hop checked by
/// the same [`FetchPolicy`] where the platform lets them see it), enforce the size and time
/// limits, and report the final URL.
pub trait Fetcher {
    /// Gets `url`, giving up after `time_left_ms` milliseconds (the time left in the input's
    /// budget) or the fetcher's own time limit, whichever comes first, with
    /// [`FetchError::Timeout`].
    fn get(
        &self,
        url: &str,
        purpose: FetchPurpose,
        time_left_ms: u64,
    ) -> impl Future<Output = Result<Response, FetchError>>;

    /// Now, in milliseconds on a clock that does not go backwards: the per-input deadline is
    /// measured with it. The platform's clock unless a fetcher (a test's) keeps its own.
    fn now_ms(&self) -> u64 {
        crate::platform::now_ms()
    }
}

impl<F: Fetcher> Fetcher for &F {
    fn get(
        &self,
        url: &str,
        purpose: FetchPurpose,
        time_left_ms: u64,
    ) -> impl Future<Output = Result<Response, FetchError>> {
        (**self).get(url, purpose, time_left_ms)
    }

    fn now_ms(&self) -> u64 {
        (**self).now_ms()
    }
}

/// A fetcher's time limit for one request: its own, or the input's time left if shorter.
pub fn request_timeout_ms(own_ms: u32, time_left_ms: u64) -> u32 {
    u64::from(own_ms).min(time_left_ms) as u32
}

/// Which URLs and addresses may be fetched: https only, to globally routable addresses only.
/// The core checks every URL before asking the fetcher; the native fetcher checks again at
/// every redirect hop and every address it connects to (browsers enforce their own rules on
/// redirects and do not reveal addresses).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FetchPolicy {
    /// Testing only: plain http to loopback hosts, and loopback addresses over http or https,
    /// are allowed. Nothing else is: a private address is refused in test mode too.
    pub allow_http: bool,
}

impl FetchPolicy {
    /// Checks a URL may be fetched at all: http(s) only, plain http only to a loopback host
    /// when [`FetchPolicy::allow_http`]; a host that is a literal address or `localhost` must
    /// be an allowed address ([`FetchPolicy::check_address`]). Returns the parsed URL.
    pub fn check_url(&self, raw: &str) -> Result<WebUrl, FetchError> {
        // The parser's own reason is the platform's English: not shown.
        let u = WebUrl::parse(raw).map_err(|_| {
            FetchError::SchemeNotAllowed(detail!(
                "only https URLs are fetched, not {url} (not a valid URL)",
                url = code(raw)
            ))
        })?;
        if !u.is_http() {
            return Err(FetchError::SchemeNotAllowed(detail!(
                "only https URLs are fetched, not {scheme}",
                scheme = code(format!("{}:", u.scheme()))
            )));
        }
        let host = u.host_str().unwrap_or_default();
        if let Some(ip) = address::literal_ip(host) {
            self.check_address(host, ip)?;
        } else if address::is_localhost_name(host) && !self.allow_http {
            return Err(FetchError::Refused(detail!(
                "{host} is a loopback address (`--allow-http` permits it for testing)",
                host = code(host)
            )));
        }
        if u.scheme() == "http" && !(self.allow_http && u.is_loopback()) {
            return Err(FetchError::SchemeNotAllowed(detail!(
                "only https URLs are fetched, not plain http (use https; `--allow-http` permits `127.0.0.1`/`localhost` for testing)"
            )));
        }
        Ok(u)
    }

    /// Checks a redirect from `from` to `location` (already resolved against `from`): the same
    /// rules as a first URL, and never from https down to plain http.
    pub fn check_redirect(&self, from: &WebUrl, location: &str) -> Result<WebUrl, FetchError> {
        let to = self.check_url(location).map_err(|e| match e {
            FetchError::SchemeNotAllowed(why) => FetchError::Refused(detail!(
                "a redirect from {from} to {to}: {why}",
                from = url(from.as_str()),
                to = url(location),
                why = cause(why)
            )),
            other => other,
        })?;
        if from.scheme() == "https" && to.scheme() != "https" {
            return Err(FetchError::Refused(detail!(
                "redirect from {from} down to plain http ({to})",
                from = url(from.as_str()),
                to = url(to.as_str())
            )));
        }
        Ok(to)
    }

    /// Checks an address `host` names or resolves to may be connected to.
    pub fn check_address(&self, host: &str, ip: IpAddr) -> Result<(), FetchError> {
        match address::refused(ip, self.allow_http) {
            None => Ok(()),
            Some(why) if address::literal_ip(host) == Some(ip) => Err(FetchError::Refused(
                detail!("{host} is {what}", host = code(host), what = cause(why)),
            )),
            // Only a name lookup gets here (natively): the address is said in the fetcher, so
            // the app carries no IP address formatting.
            Some(why) => Err(FetchError::Refused(detail!(
                "{host} resolves to {what}",
                host = code(host),
                what = cause(why)
            ))),
        }
    }
}

/// Checks a URL may be fetched at all ([`FetchPolicy::check_url`]). Returns the parsed URL.
pub fn check_fetchable(raw: &str, allow_http: bool) -> Result<WebUrl, FetchError> {
    FetchPolicy { allow_http }.check_url(raw)
}

/// A fetcher over a fixed map of URL → document, for tests and for documents the user pasted.
/// Redirects are modelled as entries with a 3xx status and a `Location` in `redirects`.
/// It keeps its own clock, which only its simulated latency advances
/// ([`MemoryFetcher::with_latency_ms`]), so deadline tests are deterministic.
#[derive(Debug, Clone, Default)]
pub struct MemoryFetcher {
    docs: HashMap<String, Response>,
    redirects: HashMap<String, String>,
    limits: FetchLimits,
    log: std::sync::Arc<std::sync::Mutex<Vec<(String, FetchPurpose)>>>,
    latency_ms: u64,
    clock_ms: std::sync::Arc<AtomicU64>,
}

impl MemoryFetcher {
    /// An empty map: every URL is [`FetchError::NotFound`].
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

    /// Every request takes `ms` on this fetcher's clock; one given less time than that times
    /// out when its time is up (as a slow server would make a real fetcher do).
    pub fn with_latency_ms(mut self, ms: u64) -> Self {
        self.latency_ms = ms;
        self
    }

    /// The URLs requested so far, in order (to assert that caches work, or what was tried).
    pub fn requests(&self) -> Vec<String> {
        self.requested().into_iter().map(|(url, _)| url).collect()
    }

    /// The requests so far with the purpose the core gave for each, in order.
    pub fn requested(&self) -> Vec<(String, FetchPurpose)> {
        self.log.lock().map(|l| l.clone()).unwrap_or_default()
    }

    fn get_sync(
        &self,
        url: &str,
        purpose: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        if let Ok(mut l) = self.log.lock() {
            l.push((url.to_string(), purpose));
        }
        let timeout = request_timeout_ms(self.limits.timeout_ms, time_left_ms);
        if self.latency_ms > u64::from(timeout) {
            self.clock_ms.fetch_add(timeout.into(), Ordering::SeqCst);
            return Err(FetchError::Timeout { ms: timeout });
        }
        self.clock_ms.fetch_add(self.latency_ms, Ordering::SeqCst);
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
    async fn get(
        &self,
        url: &str,
        purpose: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        self.get_sync(url, purpose, time_left_ms)
    }

    fn now_ms(&self) -> u64 {
        self.clock_ms.load(Ordering::SeqCst)
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
        let r =
            futures::executor::block_on(f.get("https://a.example/x", FetchPurpose::Badge, 1_000))
                .unwrap();
        assert_eq!(r.final_url, "https://b.example/x");
        assert_eq!(r.status, 200);
        assert_eq!(f.requests(), vec!["https://a.example/x"]);
        let missing =
            futures::executor::block_on(f.get("https://c.example/", FetchPurpose::Badge, 1_000));
        assert_eq!(missing, Err(FetchError::NotFound));
    }

    #[test]
    fn redirect_loops_end() {
        let f = MemoryFetcher::new()
            .redirect("https://a/", "https://b/")
            .redirect("https://b/", "https://a/");
        let r = futures::executor::block_on(f.get("https://a/", FetchPurpose::Badge, 1_000));
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

    #[test]
    fn loopback_and_private_hosts_are_refused_by_name_and_address() {
        let strict = FetchPolicy { allow_http: false };
        let test = FetchPolicy { allow_http: true };
        for url in [
            "https://127.0.0.1/a",
            "https://localhost/a",
            "https://[::1]/a",
            "https://[::ffff:127.0.0.1]/a",
            "https://0.0.0.0/a",
            "https://10.1.2.3/a",
            "https://169.254.169.254/latest/meta-data/",
            "https://[fd00::1]/a",
            "https://0x7f.1/a",
        ] {
            assert!(
                matches!(strict.check_url(url), Err(FetchError::Refused(_))),
                "{url}"
            );
        }
        assert!(test.check_url("https://127.0.0.1/a").is_ok());
        assert!(test.check_url("http://localhost:8080/a").is_ok());
        for url in [
            "https://10.1.2.3/a",
            "https://0.0.0.0/a",
            "http://0.0.0.0/a",
        ] {
            assert!(test.check_url(url).is_err(), "{url}");
        }
        assert_eq!(
            strict
                .check_url("https://192.168.0.1/")
                .unwrap_err()
                .to_string(),
            "refused: 192.168.0.1 is a private address"
        );
        assert_eq!(
            strict
                .check_address("intranet.example", "10.0.0.1".parse().unwrap())
                .unwrap_err()
                .to_string(),
            "refused: intranet.example resolves to a private address"
        );
    }

    #[test]
    fn redirects_keep_the_rules_and_never_downgrade() {
        let test = FetchPolicy { allow_http: true };
        let from = test.check_url("https://example.org/a").unwrap();
        assert!(test.check_redirect(&from, "https://example.net/b").is_ok());
        for to in [
            "http://127.0.0.1/b",
            "file:///etc/passwd",
            "data:text/plain,x",
            "https://[::ffff:10.0.0.1]/",
        ] {
            assert!(
                matches!(test.check_redirect(&from, to), Err(FetchError::Refused(_))),
                "{to}"
            );
        }
        let local = test.check_url("http://127.0.0.1:8080/a").unwrap();
        assert!(test
            .check_redirect(&local, "http://127.0.0.1:8080/b")
            .is_ok());
    }

    #[test]
    fn memory_latency_advances_its_clock_and_times_out() {
        let f = MemoryFetcher::new()
            .with("https://a.example/x", "application/json", "{}")
            .with_latency_ms(400);
        assert_eq!(f.now_ms(), 0);
        assert!(futures::executor::block_on(f.get(
            "https://a.example/x",
            FetchPurpose::Badge,
            1_000
        ))
        .is_ok());
        assert_eq!(f.now_ms(), 400);
        let r = futures::executor::block_on(f.get("https://a.example/x", FetchPurpose::Badge, 300));
        assert_eq!(r, Err(FetchError::Timeout { ms: 300 }));
        assert_eq!(f.now_ms(), 700);
    }
}
