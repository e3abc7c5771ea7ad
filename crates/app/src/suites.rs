//! The on-demand suites module (crates/suites), loaded once, when the first badge needs it.
//!
//! The page's WebAssembly leaves RSA, P-384 and secp256k1 out to keep the first load small
//! (issue #16); a report that met one of them has a `full-verifier` check. Then the page loads
//! the module (a same-origin script and its .wasm: the CSP's `script-src 'self'`), publishes it
//! as `globalThis.badgeSuites` for the core (`badge_verifier::platform::offloaded_signature`)
//! and verifies the badge again: the second run finds every document in the page's cache. If
//! the module cannot be loaded (offline, blocked), the first report stands: it already says
//! what was not checked and why.

use badge_verifier::report::{CheckId, Report};
use futures::channel::oneshot;
use js_sys::{Function, Promise, Reflect};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// Trunk's fixed names for the module's script and .wasm, beside the page.
const SCRIPT: &str = "./badge-verifier-suites.js";
const WASM: &str = "./badge-verifier-suites_bg.wasm";

enum State {
    Idle,
    Loading(Vec<oneshot::Sender<bool>>),
    Ready,
}

thread_local! {
    static STATE: RefCell<State> = const { RefCell::new(State::Idle) };
}

/// Whether this report (or one nested in it) left a signature to the suites module.
pub fn needed_by(report: &Report) -> bool {
    report.checks.iter().any(|c| c.id == CheckId::FullVerifier)
        || report.nested.iter().any(needed_by)
}

/// Loads the module if it is not loaded; true once it is ready. Cards that ask while it loads
/// wait for the same load.
pub async fn load() -> bool {
    let waiting = STATE.with(|s| {
        let mut s = s.borrow_mut();
        match &mut *s {
            State::Ready => Some(None),
            State::Loading(waiters) => {
                let (tx, rx) = oneshot::channel();
                waiters.push(tx);
                Some(Some(rx))
            }
            State::Idle => {
                *s = State::Loading(Vec::new());
                None
            }
        }
    });
    match waiting {
        Some(None) => return true,
        Some(Some(rx)) => return rx.await.unwrap_or(false),
        None => {}
    }
    let ok = fetch_and_start().await.is_ok();
    // A failed load is tried again by the next badge that needs it.
    let waiters = STATE.with(|s| {
        let next = if ok { State::Ready } else { State::Idle };
        match s.replace(next) {
            State::Loading(w) => w,
            _ => Vec::new(),
        }
    });
    for w in waiters {
        let _ = w.send(ok);
    }
    ok
}

async fn fetch_and_start() -> Result<(), JsValue> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let script: web_sys::HtmlScriptElement = document.create_element("script")?.unchecked_into();
    script.set_src(SCRIPT);
    let loaded = Promise::new(&mut |resolve, reject| {
        script.set_onload(Some(&resolve));
        script.set_onerror(Some(&reject));
    });
    document
        .head()
        .ok_or_else(|| JsValue::from_str("no head"))?
        .append_child(&script)?;
    JsFuture::from(loaded).await?;
    let global = js_sys::global();
    let init: Function = Reflect::get(&global, &JsValue::from_str("wasm_bindgen"))?.dyn_into()?;
    let options = js_sys::Object::new();
    Reflect::set(
        &options,
        &JsValue::from_str("module_or_path"),
        &JsValue::from_str(WASM),
    )?;
    let started: Promise = init.call1(&JsValue::NULL, &options)?.dyn_into()?;
    JsFuture::from(started).await?;
    Reflect::set(&global, &JsValue::from_str("badgeSuites"), &init)?;
    Ok(())
}
