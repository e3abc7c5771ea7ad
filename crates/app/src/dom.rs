//! Small browser helpers: location, clipboard, object URLs.

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

pub fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The page's address (for share links).
pub fn href() -> String {
    location().and_then(|l| l.href().ok()).unwrap_or_default()
}

/// Writes `text` to the clipboard; false when the browser refuses (no permission, not secure).
pub async fn copy_text(text: &str) -> bool {
    let Some(w) = web_sys::window() else {
        return false;
    };
    let promise = w.navigator().clipboard().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// An object URL for bytes with a MIME type (downloads; revoked only when the page closes).
pub fn blob_url(bytes: &[u8], mime: &str) -> Option<String> {
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&JsValue::from(array));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}
