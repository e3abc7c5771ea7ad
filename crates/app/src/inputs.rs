//! Ways in: a drop zone that also opens the file chooser (many files at once, or a badge image
//! dragged from another page), a paste box (URL, JSON, JWT), and pasting an image anywhere.

use super::{icons, AppState, Preview};
use badge_verifier::verify::Input;
use badge_view::file_kind::ImageKind;
use badge_view::i18n::{t, Key};
use badge_view::safe_urls::is_http_url;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[component]
pub fn InputPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let dragging = RwSignal::new(false);
    let pasted = RwSignal::new(String::new());
    // Verify pressed with nothing to verify: say what to paste, next to the box.
    let empty = RwSignal::new(false);
    let textarea = NodeRef::<leptos::html::Textarea>::new();

    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            verify_files(state, &files);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(dt) = ev.data_transfer() else {
            return;
        };
        match dt.files().filter(|f| f.length() > 0) {
            Some(files) => verify_files(state, &files),
            // An image dragged from another web page arrives as its URL.
            None => {
                if let Some(url) = dragged_url(&dt) {
                    state.start(Input::Url(url), None);
                }
            }
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        let text = text.trim();
        if text.is_empty() {
            empty.set(true);
            if let Some(el) = textarea.get() {
                let _ = el.focus();
            }
            return;
        }
        empty.set(false);
        let input = if is_http_url(text) && !text.contains(char::is_whitespace) {
            Input::Url(text.to_string())
        } else {
            Input::Bytes {
                name: "pasted text".into(),
                bytes: text.as_bytes().to_vec(),
            }
        };
        state.start(input, None);
        pasted.set(String::new());
    };
    // A badge image pasted from the clipboard, wherever the focus is.
    let _paste = window_event_listener(leptos::ev::paste, move |ev: web_sys::ClipboardEvent| {
        let Some(files) = ev.clipboard_data().and_then(|d| d.files()) else {
            return;
        };
        if files.length() > 0 {
            ev.prevent_default();
            verify_files(state, &files);
        }
    });

    view! {
        <section class="inputs" aria-label=move || t(lang.get(), Key::DropTitle)>
            <label class="dropzone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <input id="file-input" type="file" multiple
                    accept=".png,.svg,.json,.jwt,.jws,.txt,.pdf,.jpg,.jpeg,image/png,image/svg+xml,image/jpeg,application/json,application/pdf"
                    aria-describedby="drop-hint"
                    on:change=on_change/>
                <span class="drop-icon">{icons::icon(icons::UPLOAD)}</span>
                <span class="drop-title">{move || t(lang.get(), Key::DropTitle)}</span>
                <span class="drop-hint" id="drop-hint">{move || t(lang.get(), Key::DropHint)}</span>
                <span class="button" aria-hidden="true">{move || t(lang.get(), Key::ChooseFiles)}</span>
            </label>
            <form class="paste" on:submit=on_submit>
                <label for="paste-input">{move || t(lang.get(), Key::PasteLabel)}</label>
                <div class="paste-row">
                    <textarea id="paste-input" rows="2" spellcheck="false" autocomplete="off"
                        node_ref=textarea
                        aria-describedby="paste-error paste-hint"
                        aria-invalid=move || if empty.get() { "true" } else { "false" }
                        placeholder=move || t(lang.get(), Key::PastePlaceholder)
                        prop:value=move || pasted.get()
                        on:input=move |ev| { empty.set(false); pasted.set(event_target_value(&ev)) }></textarea>
                    <button type="submit" class="button primary">{move || t(lang.get(), Key::VerifyButton)}</button>
                </div>
                <p class="paste-error" id="paste-error" aria-live="polite">
                    {move || empty.get().then(|| t(lang.get(), Key::PasteEmpty))}
                </p>
                <p class="hint" id="paste-hint">{move || t(lang.get(), Key::PasteImageHint)}</p>
            </form>
            <CameraScan/>
        </section>
    }
}

/// The http(s) URL of something dragged from another page (`text/uri-list`, else plain text).
fn dragged_url(dt: &web_sys::DataTransfer) -> Option<String> {
    let list = dt.get_data("text/uri-list").unwrap_or_default();
    let from_list = list
        .lines()
        .map(str::trim)
        .find(|l| !l.starts_with('#') && is_http_url(l))
        .map(String::from);
    from_list.or_else(|| {
        let text = dt.get_data("text/plain").unwrap_or_default();
        let text = text.trim();
        (is_http_url(text) && !text.contains(char::is_whitespace)).then(|| text.to_string())
    })
}

fn verify_files(state: AppState, files: &web_sys::FileList) {
    // Every file is read at once, but the cards start in the order given: reads finish in any
    // order (issue #18: cards came out shuffled, differently run to run).
    let reads: Vec<(web_sys::File, JsFuture)> = (0..files.length())
        .filter_map(|i| files.get(i))
        .map(|f| {
            let read = JsFuture::from(f.array_buffer());
            (f, read)
        })
        .collect();
    spawn_local(async move {
        for (file, read) in reads {
            let bytes = match read.await {
                Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
                Err(_) => Vec::new(),
            };
            start_file(state, file, bytes);
        }
    });
}

/// Starts the verification of a dropped/chosen file's bytes, read in the page (never uploaded).
fn start_file(state: AppState, file: web_sys::File, bytes: Vec<u8>) {
    let name = file.name();
    let name = if name.is_empty() {
        "clipboard image".to_string()
    } else {
        name
    };
    let preview = ImageKind::of(&bytes).and_then(|kind| {
        let url = web_sys::Url::create_object_url_with_blob(file.unchecked_ref()).ok()?;
        Some(Preview { url, kind })
    });
    state.start(Input::Bytes { name, bytes }, preview);
}

#[wasm_bindgen::prelude::wasm_bindgen(module = "/js/camera.js")]
extern "C" {
    #[wasm_bindgen(js_name = cameraAvailable)]
    fn camera_available() -> bool;
    #[wasm_bindgen(js_name = scanCamera)]
    fn scan_camera(video: &web_sys::HtmlVideoElement) -> js_sys::Promise;
    #[wasm_bindgen(js_name = stopCamera)]
    fn stop_camera();
}

/// "Scan a QR code" with the camera, where the browser has one to offer (issue #17): the code's
/// text (a badge URL, or a credential itself) is verified like pasted text.
#[component]
fn CameraScan() -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.lang;
    let scanning = RwSignal::new(false);
    let video = NodeRef::<leptos::html::Video>::new();
    let start = move |_| {
        let Some(el) = video.get() else { return };
        scanning.set(true);
        spawn_local(async move {
            let found = JsFuture::from(scan_camera(&el))
                .await
                .ok()
                .and_then(|v| v.as_string());
            scanning.set(false);
            if let Some(text) = found {
                let text = text.trim().to_string();
                let input = if is_http_url(&text) && !text.contains(char::is_whitespace) {
                    Input::Url(text)
                } else {
                    Input::Bytes {
                        name: "QR code".into(),
                        bytes: text.into_bytes(),
                    }
                };
                state.start(input, None);
            }
        });
    };
    camera_available().then(|| {
        view! {
            <div class="camera">
                <button type="button" class="button" id="scan-qr" prop:hidden=move || scanning.get() on:click=start>
                    {icons::icon(icons::CAMERA)}{move || t(lang.get(), Key::ScanQr)}
                </button>
                <video node_ref=video class="camera-view" prop:hidden=move || !scanning.get() muted=true></video>
                <button type="button" class="button" id="scan-stop" prop:hidden=move || !scanning.get()
                    on:click=move |_| stop_camera()>
                    {move || t(lang.get(), Key::ScanStop)}
                </button>
            </div>
        }
    })
}
