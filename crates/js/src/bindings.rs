//! What JavaScript sees: [`Verifier`] (options and a fetch cache kept across calls), [`Job`]
//! (one verification, polled by the package's JavaScript) and the panic sink.

use crate::fetcher::JsFetcher;
use crate::rules;
use badge_verifier::resolve::cache::CachingFetcher;
use badge_verifier::resolve::fetch::FetchLimits;
use badge_verifier::{verify, Input, Options};
use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Each running job's `notify`: called when a fetch it waits for has settled.
    static NOTIFY: RefCell<HashMap<u32, js_sys::Function>> = RefCell::new(HashMap::new());
    static NEXT_JOB: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// Where a panic's message goes before the instance traps: the package's JavaScript, which
/// puts it in that input's `error` report and replaces the instance.
#[wasm_bindgen(js_name = setPanicSink)]
pub fn set_panic_sink(sink: js_sys::Function) {
    std::panic::set_hook(Box::new(move |info| {
        let _ = sink.call1(&JsValue::UNDEFINED, &JsValue::from_str(&info.to_string()));
    }));
}

/// The `error` report (one `--json` line) for an input whose verification trapped.
#[wasm_bindgen(js_name = internalErrorReport)]
pub fn internal_error_report(input: JsValue, what: &str) -> String {
    let name = match to_input(&input, &badge_verifier::Limits::default()) {
        Ok(i) => i.name().to_string(),
        Err(_) => rules::BYTES_NAME.to_string(),
    };
    rules::internal_error_report(&name, what)
}

fn type_error(msg: impl AsRef<str>) -> JsValue {
    js_sys::TypeError::new(msg.as_ref()).into()
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    if obj.is_object() {
        js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

fn bytes_of(value: &JsValue, limits: &badge_verifier::Limits) -> Option<Vec<u8>> {
    let view = if let Some(a) = value.dyn_ref::<js_sys::Uint8Array>() {
        a.clone()
    } else if let Some(b) = value.dyn_ref::<js_sys::ArrayBuffer>() {
        js_sys::Uint8Array::new(b)
    } else if let Some(v) = value.dyn_ref::<js_sys::DataView>() {
        js_sys::Uint8Array::new_with_byte_offset_and_length(
            &v.buffer(),
            v.byte_offset() as u32,
            v.byte_length() as u32,
        )
    } else {
        return None;
    };
    let take = rules::bytes_to_read(limits, view.length() as usize);
    Some(view.subarray(0, take as u32).to_vec())
}

/// `input` as the CLI would read it: bytes, a URL or text, or `{ name, bytes }`.
fn to_input(input: &JsValue, limits: &badge_verifier::Limits) -> Result<Input, JsValue> {
    if let Some(text) = input.as_string() {
        return Ok(rules::text_input(&text, None));
    }
    if let Some(bytes) = bytes_of(input, limits) {
        return Ok(Input::Bytes {
            name: rules::BYTES_NAME.to_string(),
            bytes,
        });
    }
    let name = get(input, "name");
    let content = get(input, "bytes");
    if !content.is_undefined() {
        let name = if name.is_undefined() {
            None
        } else {
            Some(
                name.as_string()
                    .ok_or_else(|| type_error("input.name must be a string"))?,
            )
        };
        if let Some(text) = content.as_string() {
            return Ok(match rules::text_input(&text, name.clone()) {
                // `{ name, bytes: "https://…" }` is text that happens to be a URL, not a fetch.
                Input::Url(_) => Input::Bytes {
                    name: name.unwrap_or_else(|| rules::TEXT_NAME.into()),
                    bytes: text.into_bytes(),
                },
                other => other,
            });
        }
        let bytes = bytes_of(&content, limits).ok_or_else(|| {
            type_error("input.bytes must be a Uint8Array, an ArrayBuffer or a string")
        })?;
        return Ok(Input::Bytes {
            name: name.unwrap_or_else(|| rules::BYTES_NAME.into()),
            bytes,
        });
    }
    Err(type_error(
        "input must be a Uint8Array, an ArrayBuffer, a string (a URL or the badge's text) or { name, bytes }",
    ))
}

/// `options.at`: an RFC 3339 string or a Date; `None` when not given (now, at each call).
fn at_of(options: &JsValue) -> Result<Option<chrono::DateTime<chrono::Utc>>, JsValue> {
    let at = get(options, "at");
    if at.is_undefined() || at.is_null() {
        return Ok(None);
    }
    let text = if let Some(d) = at.dyn_ref::<js_sys::Date>() {
        if d.get_time().is_nan() {
            return Err(type_error("options.at is an invalid Date"));
        }
        String::from(d.to_iso_string())
    } else {
        at.as_string()
            .ok_or_else(|| type_error("options.at must be an RFC 3339 string or a Date"))?
    };
    rules::parse_at(&text).map(Some).map_err(type_error)
}

fn recipient_of(options: &JsValue) -> Result<Option<String>, JsValue> {
    let r = get(options, "recipient");
    if r.is_undefined() || r.is_null() {
        return Ok(None);
    }
    r.as_string()
        .map(Some)
        .ok_or_else(|| type_error("options.recipient must be a string"))
}

fn now() -> chrono::DateTime<chrono::Utc> {
    let ms = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// A verifier with fixed options and one fetch cache for every input it verifies.
#[wasm_bindgen]
pub struct Verifier {
    fetcher: Rc<CachingFetcher<JsFetcher>>,
    base: Options,
    at: Option<chrono::DateTime<chrono::Utc>>,
}

#[wasm_bindgen]
impl Verifier {
    /// `options`: `{ at?, recipient?, fetch?, timeoutMs?, allowHttp? }` (index.d.ts);
    /// `fetch_within`: crates/js/npm/fetch.mjs's `fetchWithin`; `lookup`: Node's name
    /// resolution (node.mjs), used with the platform's own fetch only.
    #[wasm_bindgen(constructor)]
    pub fn new(
        options: JsValue,
        fetch_within: js_sys::Function,
        lookup: Option<js_sys::Function>,
    ) -> Result<Verifier, JsValue> {
        if !(options.is_undefined() || options.is_null() || options.is_object()) {
            return Err(type_error("options must be an object"));
        }
        let mut base = Options::at(now());
        base.recipient = recipient_of(&options)?;
        let allow_http = get(&options, "allowHttp");
        if !allow_http.is_undefined() {
            base.allow_http = allow_http
                .as_bool()
                .ok_or_else(|| type_error("options.allowHttp must be a boolean"))?;
        }
        let mut limits = FetchLimits::default();
        let timeout = get(&options, "timeoutMs");
        if !timeout.is_undefined() {
            let ms = timeout.as_f64().filter(|ms| *ms >= 1.0 && *ms <= 600_000.0);
            limits.timeout_ms = ms.ok_or_else(|| {
                type_error("options.timeoutMs must be a number of milliseconds from 1 to 600000")
            })? as u32;
        }
        let fetch = get(&options, "fetch");
        // The caller's fetch may not resolve names at all (a test's, a proxy's): only the
        // platform's own is checked by resolving first.
        let own_fetch = fetch.is_undefined() || fetch.is_null();
        let lookup = lookup.filter(|_| own_fetch);
        let fetch = if own_fetch {
            js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("fetch"))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .ok_or_else(|| {
                    type_error(
                        "there is no global fetch(): pass options.fetch (Node 18 or later has one)",
                    )
                })?
                // Called unbound, a browser's fetch throws "Illegal invocation".
                .bind0(&js_sys::global())
        } else {
            fetch
                .dyn_into::<js_sys::Function>()
                .map_err(|_| type_error("options.fetch must be a function"))?
        };
        let at = at_of(&options)?;
        let fetcher = JsFetcher::new(fetch, fetch_within, lookup, limits, base.fetch_policy());
        Ok(Verifier {
            fetcher: Rc::new(CachingFetcher::new(fetcher)),
            base,
            at,
        })
    }

    /// Starts verifying `input`; `overrides` may give another `at` or `recipient` for this
    /// input. `notify` is called whenever the job can go on (then call `poll` again).
    pub fn start(
        &self,
        input: JsValue,
        overrides: JsValue,
        notify: js_sys::Function,
    ) -> Result<Job, JsValue> {
        let mut opts = self.base.clone();
        opts.at = match at_of(&overrides)? {
            Some(at) => at,
            None => self.at.unwrap_or_else(now),
        };
        if let Some(r) = recipient_of(&overrides)? {
            opts.recipient = Some(r);
        }
        let input = to_input(&input, &opts.limits)?;
        let fetcher = self.fetcher.clone();
        let future = Box::pin(async move { verify(&input, &*fetcher, &opts).await.to_json_line() });
        let id = NEXT_JOB.with(|n| {
            let id = n.get();
            n.set(id.wrapping_add(1));
            id
        });
        NOTIFY.with(|m| m.borrow_mut().insert(id, notify));
        Ok(Job {
            id,
            future: Some(future),
        })
    }

    /// Forgets every cached document (profiles, keys, status lists).
    #[wasm_bindgen(js_name = clearCache)]
    pub fn clear_cache(&self) {
        self.fetcher.clear();
    }
}

/// One verification in progress.
#[wasm_bindgen]
pub struct Job {
    id: u32,
    future: Option<Pin<Box<dyn Future<Output = String>>>>,
}

struct JobWaker(u32);

impl Wake for JobWaker {
    fn wake(self: Arc<Self>) {
        let notify = NOTIFY.with(|m| m.borrow().get(&self.0).cloned());
        if let Some(f) = notify {
            let _ = f.call0(&JsValue::UNDEFINED);
        }
    }
}

#[wasm_bindgen]
impl Job {
    /// Runs the verification until it waits for a fetch or ends: the report as one `--json`
    /// line when done, else `undefined` (the job's `notify` says when to poll again).
    pub fn poll(&mut self) -> Option<String> {
        let future = self.future.as_mut()?;
        let waker = Waker::from(Arc::new(JobWaker(self.id)));
        match future.as_mut().poll(&mut Context::from_waker(&waker)) {
            Poll::Ready(line) => {
                self.future = None;
                NOTIFY.with(|m| m.borrow_mut().remove(&self.id));
                Some(line)
            }
            Poll::Pending => None,
        }
    }
}

impl Drop for Job {
    fn drop(&mut self) {
        NOTIFY.with(|m| m.borrow_mut().remove(&self.id));
    }
}
