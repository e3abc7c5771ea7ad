//! The browser's fetcher: `fetch()` through gloo-net, with a time limit (AbortSignal.timeout)
//! and a size limit. Browsers follow redirects themselves (at most 20) and hide the reason a
//! cross-origin request failed, so a CORS refusal surfaces as [`FetchError::Network`].
//!
//! When the page is served by `badge-verify serve` (its fetch relay answers `GET ./relay` with
//! 400 and a body starting [`RELAY_MARKER`]; asked once per page), a URL the browser could
//! not read is asked again through `./relay?url=…`: the relay fetches it with the core's own
//! policy (https only, public addresses only) and answers with its status, type, body and
//! final URL (`X-Relay-Final-Url`). Static hosting answers 404 there: no relay, no retry.

use badge_verifier::resolve::fetch::{
    request_timeout_ms, FetchError, FetchLimits, FetchPurpose, Fetcher, Response,
};
use std::cell::RefCell;
use std::collections::HashSet;

/// How `badge-verify serve`'s relay names itself (crates/cli/src/serve.rs `MARKER`).
const RELAY_MARKER: &str = "badge-verify relay";

const ACCEPT: &str =
    "application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8, */*;q=0.5";

pub struct BrowserFetcher {
    limits: FetchLimits,
    /// The relay's address (`…/relay`), once asked: `Some(None)` when the page has none.
    relay: RefCell<Option<Option<String>>>,
    /// The URLs answered through the relay.
    relayed: RefCell<HashSet<String>>,
}

impl BrowserFetcher {
    pub fn new(limits: FetchLimits) -> Self {
        BrowserFetcher {
            limits,
            relay: RefCell::new(None),
            relayed: RefCell::new(HashSet::new()),
        }
    }

    /// Whether `url` was answered through the relay (also when a cache answers it later).
    pub fn was_relayed(&self, url: &str) -> bool {
        self.relayed.borrow().contains(url)
    }

    /// The relay next to this page, if it is served by `badge-verify serve` (asked once).
    async fn relay_base(&self) -> Option<String> {
        if let Some(known) = self.relay.borrow().clone() {
            return known;
        }
        let base = web_sys::window()
            .and_then(|w| w.location().href().ok())
            .and_then(|href| web_sys::Url::new_with_base("relay", &href).ok())
            .map(|u| {
                u.set_search("");
                u.set_hash("");
                u.href()
            });
        let found = match &base {
            Some(b) => {
                let signal = web_sys::AbortSignal::timeout_with_u32(5_000);
                match gloo_net::http::Request::get(b)
                    .abort_signal(Some(&signal))
                    .send()
                    .await
                {
                    Ok(r) if r.status() == 400 => r
                        .text()
                        .await
                        .is_ok_and(|t| t.starts_with(RELAY_MARKER))
                        .then(|| b.clone()),
                    _ => None,
                }
            }
            None => None,
        };
        *self.relay.borrow_mut() = Some(found.clone());
        found
    }

    async fn fetch(
        &self,
        url: &str,
        timeout_ms: u32,
    ) -> Result<gloo_net::http::Response, FetchError> {
        let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
        gloo_net::http::Request::get(url)
            .header("Accept", ACCEPT)
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|_| {
                if signal.aborted() {
                    FetchError::Timeout { ms: timeout_ms }
                } else {
                    // The browser's own message ("TypeError: Failed to fetch") says nothing
                    // more, and is English: the core's sentence instead.
                    FetchError::browser_network(url)
                }
            })
    }

    /// Reads a response within the size limit; `final_url` is where it came from.
    async fn read(
        &self,
        resp: gloo_net::http::Response,
        final_url: String,
    ) -> Result<Response, FetchError> {
        let content_type = resp.headers().get("content-type");
        if let Some(len) = resp
            .headers()
            .get("content-length")
            .and_then(|l| l.parse::<usize>().ok())
        {
            if len > self.limits.max_bytes {
                return Err(FetchError::TooLarge {
                    limit: self.limits.max_bytes,
                });
            }
        }
        let status = resp.status();
        let body = resp
            .binary()
            .await
            .map_err(|_| FetchError::browser_network(&final_url))?;
        self.limits.response(final_url, status, content_type, body)
    }

    /// `url` through the relay at `base`. Its own refusal (403) and failure (502), told apart
    /// from a relayed answer by the missing `X-Relay-Final-Url`, become the core's errors.
    async fn through_relay(
        &self,
        base: &str,
        url: &str,
        timeout_ms: u32,
    ) -> Result<Response, FetchError> {
        let target = format!(
            "{base}?url={}",
            String::from(js_sys::encode_uri_component(url))
        );
        let resp = self.fetch(&target, timeout_ms).await?;
        let Some(final_url) = resp.headers().get("x-relay-final-url") else {
            let status = resp.status();
            let why = resp.text().await.unwrap_or_default();
            let why = why
                .strip_prefix(RELAY_MARKER)
                .map_or(why.as_str(), |w| w.trim_start_matches(':'))
                .trim()
                .to_string();
            return Err(match status {
                403 => FetchError::relay_refused(&why),
                _ => FetchError::relay_failed(&why),
            });
        };
        let r = self.read(resp, final_url).await?;
        self.relayed.borrow_mut().insert(url.to_string());
        Ok(r)
    }
}

impl Fetcher for BrowserFetcher {
    async fn get(
        &self,
        url: &str,
        _: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        let timeout_ms = request_timeout_ms(self.limits.timeout_ms, time_left_ms);
        let started = js_sys::Date::now();
        match self.fetch(url, timeout_ms).await {
            Ok(resp) => {
                let final_url = resp.url();
                self.read(resp, final_url).await
            }
            Err(FetchError::Network(direct)) => {
                let Some(base) = self.relay_base().await else {
                    return Err(FetchError::Network(direct));
                };
                let spent = (js_sys::Date::now() - started).max(0.0) as u64;
                let left = u64::from(timeout_ms).saturating_sub(spent);
                if left == 0 {
                    return Err(FetchError::Timeout { ms: timeout_ms });
                }
                self.through_relay(&base, url, left as u32).await
            }
            Err(e) => Err(e),
        }
    }
}
