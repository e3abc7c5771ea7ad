//! The platform pieces in the browser (the app): the page's own clock, `URL` parser,
//! `DecompressionStream` and case conversion, so the `.wasm` carries none of their Rust twins.

use super::{GunzipError, UrlParts};
use std::net::IpAddr;

/// Milliseconds since the epoch on the page's clock (`Date.now()`).
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
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

/// GZIP-decompresses `gz` with the browser's own `DecompressionStream("gzip")` (which checks
/// the CRC and length trailer), reading chunk by chunk and cancelling as soon as more than `max`
/// bytes come out, so a GZIP bomb never allocates more than `max` plus one chunk. Using the
/// browser's inflater keeps flate2 + miniz_oxide + crc32fast out of the app's .wasm.
pub async fn gunzip(gz: &[u8], max: usize) -> Result<Vec<u8>, GunzipError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    // The browser's own message ("TypeError: …") is English: not kept.
    let invalid =
        |_: wasm_bindgen::JsValue| GunzipError::Invalid(crate::detail!("the GZIP data is corrupt"));
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

/// Parses a URL with the page's own `URL` (the URL Standard's parser, as `fetch()` uses it).
pub fn parse_url(raw: &str) -> Result<UrlParts, String> {
    use wasm_bindgen::JsCast;
    let u = web_sys::Url::new(raw).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_else(|| "invalid URL".into())
    })?;
    let protocol = u.protocol();
    Ok(UrlParts {
        href: u.href(),
        scheme: protocol.strip_suffix(':').unwrap_or(&protocol).to_owned(),
        hostname: u.hostname(),
        port: u.port().parse().ok(),
    })
}

/// `rel` (an href found in a page) resolved against the absolute URL `base`, by the page's own
/// `URL` with a base (the URL Standard's parser).
#[cfg_attr(not(feature = "html-pages"), allow(dead_code))] // pages are searched with it
pub fn join_url(base: &str, rel: &str) -> Result<UrlParts, String> {
    let u = web_sys::Url::new_with_base(rel, base).map_err(|_| "invalid URL".to_string())?;
    parse_url(&u.href())
}

/// `s` in lower case with JavaScript's `String.prototype.toLowerCase`: the same Unicode default
/// case conversion (Unicode §3.13, with SpecialCasing's final sigma) with the engine's tables,
/// where `str::to_lowercase` would link Rust's (6.5 KiB brotli, BENCHMARKS.md).
pub fn lowercase(s: &str) -> String {
    String::from(js_sys::JsString::from(s).to_lower_case())
}

/// In the app every host comes from the browser's URL parser, already in the URL Standard's
/// canonical form (§3.5 "host serializing": dotted-decimal IPv4, RFC 5952-style compressed
/// lowercase IPv6 without embedded IPv4), so that form is all there is to read; std's address
/// parser and its error paths stay out of the `.wasm` (about 3 KB raw).
pub fn parse_ip(bare: &str) -> Option<IpAddr> {
    super::canonical_ip::canonical_ip(bare)
}

/// The app's two on-demand modules: the signature suites and JSON-LD expansion
/// (crates/suites, `globalThis.badgeSuites`) and the PDF and QR reader (crates/documents,
/// `globalThis.badgeDocuments`).
#[allow(dead_code)] // see call_module
#[derive(Clone, Copy)]
enum Module {
    Suites,
    Documents,
}

/// Calls an on-demand module: its export `name` with `args`, through the global the app sets
/// once the module is ready; nothing else on the page is called. `None` when the page has not
/// loaded it, or it failed (the caller then says what was not checked); else what it
/// returned, or the text it threw (wasm-bindgen throws a `Result`'s error).
#[allow(dead_code)] // each `offloaded_*` is used only in a build without its feature
fn call_module(
    module: Module,
    name: &str,
    args: &[wasm_bindgen::JsValue],
) -> Option<Result<wasm_bindgen::JsValue, String>> {
    use wasm_bindgen::{JsCast, JsValue};
    let global = match module {
        Module::Suites => "badgeSuites",
        Module::Documents => "badgeDocuments",
    };
    let module = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str(global)).ok()?;
    let f = js_sys::Reflect::get(&module, &JsValue::from_str(name))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let args: js_sys::Array = args.iter().collect();
    match f.apply(&module, &args) {
        Ok(value) => Some(Ok(value)),
        // A `Result`'s error comes as a string: the module's answer (a refused document).
        Err(e) if e.is_string() => Some(Err(e.as_string().unwrap_or_default())),
        // Anything else (a trap: the module's own failure) says nothing about the badge: as if
        // the module were not there, so the check is "not checked", never a refusal.
        Err(_) => None,
    }
}

/// [`call_module`] for an export that returns text (JSON, N-Quads).
#[allow(dead_code)] // see call_module
fn call_module_text(
    module: Module,
    name: &str,
    args: &[wasm_bindgen::JsValue],
) -> Option<Result<String, String>> {
    call_module(module, name, args).map(|r| r.and_then(|v| v.as_string().ok_or_else(String::new)))
}

fn bytes(b: &[u8]) -> wasm_bindgen::JsValue {
    js_sys::Uint8Array::from(b).into()
}

/// A signature with a suite this build leaves out (feature `extended-suites`), by the module's
/// `verify_signature(alg, key, message, signature)`: `Some(valid)`, `None` without the module.
#[cfg_attr(feature = "extended-suites", allow(dead_code))] // the suites are linked
pub fn offloaded_signature(
    alg: &str,
    key: &[u8],
    message: &[u8],
    signature: &[u8],
) -> Option<bool> {
    let args = [alg.into(), bytes(key), bytes(message), bytes(signature)];
    call_module(Module::Suites, "verify_signature", &args)?
        .ok()?
        .as_bool()
}

/// RDFC-1.0 canonical N-Quads of a JSON-LD document outside the fast path's subset, by the
/// module's general JSON-LD expansion (`canonicalize`): `Some(Err(wire error))` when refused.
#[cfg_attr(feature = "jsonld-reference", allow(dead_code))] // the expansion is linked
pub fn offloaded_canonicalize(document: &str) -> Option<Result<String, String>> {
    call_module_text(Module::Suites, "canonicalize", &[document.into()])
}

/// A PDF read by the module (`scan_pdf`, issue #17): the found items as JSON, or why the PDF
/// is not read.
#[cfg_attr(feature = "pdf", allow(dead_code))] // lopdf is linked
pub fn offloaded_scan_pdf(pdf: &[u8]) -> Option<Result<String, String>> {
    call_module_text(Module::Documents, "scan_pdf", &[bytes(pdf)])
}

/// An `ecdsa-sd-2023` derived proof verified by the module (`verify_ecdsa_sd`): its evidence as
/// JSON, or the error in wire form.
#[cfg_attr(feature = "extended-suites", allow(dead_code))] // the suite is linked
pub fn offloaded_ecdsa_sd(
    document: &str,
    proof: &str,
    issuer_key: &[u8],
) -> Option<Result<String, String>> {
    call_module_text(
        Module::Suites,
        "verify_ecdsa_sd",
        &[document.into(), proof.into(), bytes(issuer_key)],
    )
}

/// The QR codes of a PNG or JPEG read by the module (`scan_qr`): a JSON list of the codes'
/// text, or why the picture cannot be read.
#[cfg_attr(feature = "qr", allow(dead_code))] // the QR reader is linked
pub fn offloaded_scan_qr(picture: &[u8]) -> Option<Result<String, String>> {
    call_module_text(Module::Documents, "scan_qr", &[bytes(picture)])
}

/// ECDSA is verified by the p256 / p384 crates in the browser (WebCrypto's is asynchronous and
/// verification here is not): always `None`.
pub fn verify_ecdsa(
    _curve: super::EcdsaCurve,
    _public: &[u8],
    _message: &[u8],
    _signature: &[u8],
) -> Option<bool> {
    None
}
