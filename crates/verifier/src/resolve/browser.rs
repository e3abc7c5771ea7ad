//! The browser's fetcher: `fetch()` through gloo-net, with a time limit (AbortSignal.timeout)
//! and a size limit. Browsers follow redirects themselves (at most 20) and hide the reason a
//! cross-origin request failed, so a CORS refusal surfaces as [`FetchError::Network`].

use super::fetch::{request_timeout_ms, FetchError, FetchLimits, FetchPurpose, Fetcher, Response};

/// Milliseconds since the epoch on the page's clock (`Date.now()`; [`Fetcher::now_ms`] in the
/// browser).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

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

// web-sys has DecompressionStream only behind `web_sys_unstable_apis`; the three members used
// here are stable in every current browser (Compression Streams API).
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    type DecompressionStream;
    #[wasm_bindgen(constructor, catch)]
    fn new(format: &str) -> Result<DecompressionStream, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, getter)]
    fn readable(this: &DecompressionStream) -> web_sys::ReadableStream;
    #[wasm_bindgen(method, getter)]
    fn writable(this: &DecompressionStream) -> web_sys::WritableStream;
}

/// Why [`gunzip`] failed.
#[derive(Debug)]
pub enum GunzipError {
    /// More than the limit would come out (a GZIP bomb, or simply too big).
    TooLarge,
    /// Not a valid GZIP stream (bad header, corrupt data, CRC or length mismatch).
    Invalid(String),
}

/// GZIP-decompresses `gz` with the browser's own `DecompressionStream("gzip")` (which checks
/// the CRC and length trailer), reading chunk by chunk and cancelling as soon as more than `max`
/// bytes come out, so a GZIP bomb never allocates more than `max` plus one chunk. Using the
/// browser's inflater keeps flate2 + miniz_oxide + crc32fast out of the app's .wasm.
pub async fn gunzip(gz: &[u8], max: usize) -> Result<Vec<u8>, GunzipError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let invalid = |e: wasm_bindgen::JsValue| {
        GunzipError::Invalid(
            e.dyn_ref::<js_sys::Error>()
                .map(|e| String::from(e.message()))
                .or_else(|| e.as_string())
                .unwrap_or_else(|| "not GZIP".into()),
        )
    };
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(gz));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(invalid)?;
    let inflater = DecompressionStream::new("gzip").map_err(invalid)?;
    let pair = web_sys::ReadableWritablePair::new(&inflater.readable(), &inflater.writable());
    let reader: web_sys::ReadableStreamDefaultReader = blob
        .stream()
        .pipe_through(&pair)
        .get_reader()
        .unchecked_into();
    let mut out = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read()).await.map_err(invalid)?;
        let done = js_sys::Reflect::get(&chunk, &"done".into()).map_err(invalid)?;
        if done.is_truthy() {
            return Ok(out);
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(invalid)?;
        let bytes = js_sys::Uint8Array::new(&value);
        if out.len() + bytes.length() as usize > max {
            // Stop the inflater; the rest is never produced.
            let _ = reader.cancel();
            return Err(GunzipError::TooLarge);
        }
        let start = out.len();
        out.resize(start + bytes.length() as usize, 0);
        bytes.copy_to(&mut out[start..]);
    }
}

/// Parses a URL with the page's own `URL` (the URL Standard's parser, as `fetch()` uses it):
/// [`super::weburl::WebUrl::parse`] in the browser.
pub fn parse_url(raw: &str) -> Result<super::weburl::WebUrl, String> {
    use wasm_bindgen::JsCast;
    let u = web_sys::Url::new(raw).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "invalid URL".into())
    })?;
    let protocol = u.protocol();
    let port = u.port().parse().ok();
    super::weburl::WebUrl::from_parts(
        u.href(),
        protocol.strip_suffix(':').unwrap_or(&protocol),
        &u.hostname(),
        port,
    )
}
