//! The core's [`Fetcher`] answered by a JavaScript `fetch` (the caller's, or `globalThis.fetch`).
//!
//! The rules are the core's, as for the CLI's fetcher (crates/verifier/src/resolve/native.rs):
//! every URL is checked by [`FetchPolicy::check_url`] before `fetch` is called (a `file:` or
//! private-address URL never reaches it), redirects are followed here one hop at a time
//! (`redirect: 'manual'`, which Node's fetch honours) and each hop is checked by
//! [`FetchPolicy::check_redirect`]; the body is read chunk by chunk and the read stops past
//! [`FetchLimits::max_bytes`]; each request is aborted (AbortController) and given up at its
//! time limit. What `fetch` cannot show is said here: a browser answers `redirect: 'manual'`
//! with an opaque response that hides the Location, so there the hop is asked again with the
//! browser following redirects itself (as the app does, crates/app/src/fetcher.rs) and the
//! final URL is checked after the fact. No `fetch` reveals the address it connected to; in
//! Node, with its own fetch, each hop's host name is first resolved (`lookup`, node.mjs) and
//! refused if any address is one the policy refuses, as the CLI's resolver does, though fetch
//! then resolves the name again (a DNS answer that changes in between is not caught). In a
//! browser, and with the caller's own `fetch`, names are not resolved here.

use badge_verifier::detail;
use badge_verifier::detail::{cause, code, url};
use badge_verifier::resolve::fetch::{
    request_timeout_ms, FetchError, FetchLimits, FetchPolicy, FetchPurpose, Fetcher, Response,
};
use badge_verifier::resolve::weburl::WebUrl;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// What the core's own fetchers ask for (crates/verifier/src/resolve/native.rs).
const ACCEPT: &str =
    "application/ld+json, application/json;q=0.9, image/png;q=0.8, image/svg+xml;q=0.8, */*;q=0.5";

/// Fetches with a JavaScript `fetch` under the core's policy and limits, one hop at a time
/// through `fetchWithin` (crates/js/npm/fetch.mjs: the promise plumbing of one exchange).
pub struct JsFetcher {
    fetch: js_sys::Function,
    fetch_within: js_sys::Function,
    /// `(host, timeoutMs) => Promise<{ addresses } | { error: 'not-found' | 'timeout' }>`.
    lookup: Option<js_sys::Function>,
    limits: FetchLimits,
    policy: FetchPolicy,
}

impl JsFetcher {
    pub fn new(
        fetch: js_sys::Function,
        fetch_within: js_sys::Function,
        lookup: Option<js_sys::Function>,
        limits: FetchLimits,
        policy: FetchPolicy,
    ) -> Self {
        JsFetcher {
            fetch,
            fetch_within,
            lookup,
            limits,
            policy,
        }
    }

    /// One hop: what [`fetch_within`] answered, as a field reader.
    async fn exchange(&self, url: &str, timeout_ms: u32) -> Answer {
        let args: js_sys::Array = [
            self.fetch.clone().into(),
            JsValue::from_str(url),
            JsValue::from_str(ACCEPT),
            JsValue::from(timeout_ms.max(1)),
            JsValue::from(self.limits.max_bytes as f64),
        ]
        .iter()
        .collect();
        // fetchWithin never throws or rejects; if it did (a bug), the answer has no `kind`
        // and is said as a network error.
        let value = match self.fetch_within.apply(&JsValue::UNDEFINED, &args) {
            Ok(promise) => match promise.dyn_into::<js_sys::Promise>() {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                    .await
                    .unwrap_or(JsValue::UNDEFINED),
                Err(_) => JsValue::UNDEFINED,
            },
            Err(_) => JsValue::UNDEFINED,
        };
        Answer(value)
    }
}

impl JsFetcher {
    /// Resolves `u`'s host name (where a `lookup` is given) and refuses it if any of its
    /// addresses is one the policy refuses: the CLI's `CheckedResolver`, with its sentences.
    async fn check_resolved(&self, u: &WebUrl, timeout_ms: u32) -> Result<(), FetchError> {
        let Some(lookup) = &self.lookup else {
            return Ok(());
        };
        let host = u.host_str().unwrap_or_default();
        // An address literal was checked with the URL.
        if host.is_empty()
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok()
        {
            return Ok(());
        }
        let answer = match lookup.call2(
            &JsValue::UNDEFINED,
            &JsValue::from_str(host),
            &JsValue::from(timeout_ms),
        ) {
            Ok(p) => match p.dyn_into::<js_sys::Promise>() {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(p)
                    .await
                    .unwrap_or(JsValue::UNDEFINED),
                Err(_) => JsValue::UNDEFINED,
            },
            Err(_) => JsValue::UNDEFINED,
        };
        let answer = Answer(answer);
        match answer.text("error").as_deref() {
            Some("timeout") => return Err(FetchError::Timeout { ms: timeout_ms }),
            Some(_) => {
                return Err(FetchError::network(detail!(
                    "the host {host} could not be found (DNS)",
                    host = code(host)
                )))
            }
            None => {}
        }
        let addresses = js_sys::Array::from(&answer.field("addresses"));
        for a in addresses.iter() {
            let Some(ip) = a
                .as_string()
                .and_then(|a| a.parse::<std::net::IpAddr>().ok())
            else {
                continue;
            };
            if let Err(FetchError::Refused(why)) = self.policy.check_address(host, ip) {
                return Err(FetchError::Refused(detail!(
                    "{why} {address}",
                    why = cause(why),
                    address = code(ip.to_string())
                )));
            }
        }
        Ok(())
    }
}

struct Answer(JsValue);

impl Answer {
    fn field(&self, name: &str) -> JsValue {
        js_sys::Reflect::get(&self.0, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
    }
    fn text(&self, name: &str) -> Option<String> {
        self.field(name).as_string()
    }
}

fn network_error(u: &str) -> FetchError {
    FetchError::network(detail!("fetch() could not read {url}", url = url(u)))
}

impl Fetcher for JsFetcher {
    async fn get(
        &self,
        raw: &str,
        _: FetchPurpose,
        time_left_ms: u64,
    ) -> Result<Response, FetchError> {
        let timeout_ms = request_timeout_ms(self.limits.timeout_ms, time_left_ms);
        let deadline = self.now_ms() + u64::from(timeout_ms);
        let mut current: WebUrl = self.policy.check_url(raw)?;
        let mut redirects = 0;
        loop {
            let left = deadline.saturating_sub(self.now_ms());
            if left == 0 {
                return Err(FetchError::Timeout { ms: timeout_ms });
            }
            self.check_resolved(&current, left as u32).await?;
            let left = deadline.saturating_sub(self.now_ms());
            if left == 0 {
                return Err(FetchError::Timeout { ms: timeout_ms });
            }
            let answer = self.exchange(current.as_str(), left as u32).await;
            match answer.text("kind").as_deref() {
                Some("response") => {
                    let final_url = answer
                        .text("url")
                        .unwrap_or_else(|| current.as_str().to_owned());
                    // The fetch followed redirects itself (a browser, or a fetch that ignores
                    // `redirect: 'manual'`): where it ended must be a URL the policy allows,
                    // reached without a downgrade.
                    if final_url != current.as_str() {
                        self.policy.check_redirect(&current, &final_url)?;
                    }
                    let status = answer.field("status").as_f64().unwrap_or(0.0) as u16;
                    let content_type = answer.text("contentType");
                    let body = answer
                        .field("body")
                        .dyn_into::<js_sys::Uint8Array>()
                        .map_err(|_| network_error(current.as_str()))?
                        .to_vec();
                    return self.limits.response(final_url, status, content_type, body);
                }
                Some("redirect") => {
                    redirects += 1;
                    if redirects > self.limits.max_redirects {
                        return Err(FetchError::TooManyRedirects {
                            limit: self.limits.max_redirects,
                        });
                    }
                    let location = answer.text("location").unwrap_or_default();
                    let Some(next) = answer.text("next") else {
                        return Err(FetchError::Refused(detail!(
                            "redirect from {from} to an invalid URL ({location})",
                            from = url(current.as_str()),
                            location = badge_verifier::detail::code(location)
                        )));
                    };
                    current = self.policy.check_redirect(&current, &next)?;
                }
                Some("timeout") => return Err(FetchError::Timeout { ms: timeout_ms }),
                Some("too-large") => {
                    return Err(FetchError::TooLarge {
                        limit: self.limits.max_bytes,
                    })
                }
                Some("malformed") => {
                    return Err(FetchError::network(detail!(
                        "{url} answered with a malformed HTTP response",
                        url = url(current.as_str())
                    )))
                }
                _ => return Err(network_error(current.as_str())),
            }
        }
    }
}
