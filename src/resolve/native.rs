//! The CLI's fetcher: a small blocking HTTP client (ureq) behind the async [`Fetcher`] trait.

use super::fetch::{FetchError, FetchLimits, Fetcher, Response};
use std::io::Read;
use std::time::Duration;

/// Fetches over HTTPS (and plain HTTP where the core allowed it) with size, time and redirect
/// limits.
pub struct NativeFetcher {
    agent: ureq::Agent,
    limits: FetchLimits,
}

impl NativeFetcher {
    pub fn new(limits: FetchLimits) -> Self {
        let agent = ureq::AgentBuilder::new()
            .timeout(Duration::from_millis(limits.timeout_ms.into()))
            .redirects(limits.max_redirects)
            .user_agent(concat!("badge-verify/", env!("CARGO_PKG_VERSION")))
            .build();
        NativeFetcher { agent, limits }
    }

    fn get_blocking(&self, url: &str) -> Result<Response, FetchError> {
        let accept = "application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8, */*;q=0.5";
        let resp = match self.agent.get(url).set("Accept", accept).call() {
            Ok(r) => r,
            // HTTP error statuses are answers (410 Gone means revoked), not failures.
            Err(ureq::Error::Status(_, r)) => r,
            Err(ureq::Error::Transport(t)) => {
                let msg = t.to_string();
                return Err(if msg.contains("redirect") {
                    FetchError::TooManyRedirects {
                        limit: self.limits.max_redirects,
                    }
                } else if msg.contains("timed out") {
                    FetchError::Timeout {
                        ms: self.limits.timeout_ms,
                    }
                } else {
                    FetchError::Network(msg)
                });
            }
        };
        let final_url = resp.get_url().to_string();
        let status = resp.status();
        let content_type = resp.header("content-type").map(String::from);
        let mut body = Vec::new();
        resp.into_reader()
            .take(self.limits.max_bytes as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| FetchError::Network(e.to_string()))?;
        self.limits.response(final_url, status, content_type, body)
    }
}

impl Fetcher for NativeFetcher {
    async fn get(&self, url: &str) -> Result<Response, FetchError> {
        self.get_blocking(url)
    }
}
