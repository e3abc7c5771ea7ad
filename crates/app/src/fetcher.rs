//! The browser's fetcher: `fetch()` through gloo-net, with a time limit (AbortSignal.timeout)
//! and a size limit. Browsers follow redirects themselves (at most 20) and hide the reason a
//! cross-origin request failed, so a CORS refusal surfaces as [`FetchError::Network`].

use badge_verifier::resolve::fetch::{
    request_timeout_ms, FetchError, FetchLimits, FetchPurpose, Fetcher, Response,
};

pub struct BrowserFetcher {
    limits: FetchLimits,
}

impl BrowserFetcher {
    pub fn new(limits: FetchLimits) -> Self {
        BrowserFetcher { limits }
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
        let signal = web_sys::AbortSignal::timeout_with_u32(timeout_ms);
        let resp = gloo_net::http::Request::get(url)
            .header("Accept", "application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8, */*;q=0.5")
            .abort_signal(Some(&signal))
            .send()
            .await
            .map_err(|e| {
                if signal.aborted() {
                    FetchError::Timeout { ms: timeout_ms }
                } else {
                    FetchError::Network(e.to_string())
                }
            })?;
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
        let final_url = resp.url();
        let body = resp
            .binary()
            .await
            .map_err(|e| FetchError::Network(e.to_string()))?;
        self.limits.response(final_url, status, content_type, body)
    }
}
