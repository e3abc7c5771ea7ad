//! Ways in: a drop zone that also opens the file chooser, and a paste box.

use super::AppState;
use crate::i18n::{t, Key};
use crate::verify::Input;
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

    let on_files = move |files: web_sys::FileList| {
        for i in 0..files.length() {
            if let Some(file) = files.get(i) {
                spawn_local(read_and_verify(state, file));
            }
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(files) = input.files() {
            on_files(files);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(files) = ev.data_transfer().and_then(|dt| dt.files()) {
            on_files(files);
        }
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = pasted.get_untracked();
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        let input = if (text.starts_with("https://") || text.starts_with("http://"))
            && !text.contains(char::is_whitespace)
        {
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

    view! {
        <section class="inputs" aria-label="Badge input">
            <label class="dropzone" class:dragging=move || dragging.get()
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <input id="file-input" type="file" multiple
                    accept=".png,.svg,.json,.jwt,.jws,.txt,image/png,image/svg+xml,application/json"
                    on:change=on_change/>
                <span class="drop-icon" aria-hidden="true">"⇪"</span>
                <span class="drop-title">{move || t(lang.get(), Key::DropTitle)}</span>
                <span class="drop-hint">{move || t(lang.get(), Key::DropHint)}</span>
                <span class="button">{move || t(lang.get(), Key::ChooseFiles)}</span>
            </label>
            <form class="paste" on:submit=on_submit>
                <label for="paste-input">{move || t(lang.get(), Key::PasteLabel)}</label>
                <div class="paste-row">
                    <textarea id="paste-input" rows="2" spellcheck="false"
                        placeholder=move || t(lang.get(), Key::PastePlaceholder)
                        prop:value=move || pasted.get()
                        on:input=move |ev| pasted.set(event_target_value(&ev))></textarea>
                    <button type="submit" class="button primary">{move || t(lang.get(), Key::VerifyButton)}</button>
                </div>
            </form>
        </section>
    }
}

/// Reads a dropped/chosen file in the page (never uploaded) and starts its verification.
async fn read_and_verify(state: AppState, file: web_sys::File) {
    let name = file.name();
    let bytes = match JsFuture::from(file.array_buffer()).await {
        Ok(buf) => js_sys::Uint8Array::new(&buf).to_vec(),
        Err(_) => Vec::new(),
    };
    let preview = image_preview(&file, &bytes);
    state.start(Input::Bytes { name, bytes }, preview);
}

/// An object URL for the dropped image itself, so the card shows the badge exactly as baked.
fn image_preview(file: &web_sys::File, bytes: &[u8]) -> Option<String> {
    let is_png = bytes.starts_with(b"\x89PNG");
    let is_svg = bytes
        .iter()
        .take(2048)
        .copied()
        .collect::<Vec<u8>>()
        .windows(4)
        .any(|w| w == b"<svg");
    if !(is_png || is_svg) {
        return None;
    }
    let blob: &web_sys::Blob = file.unchecked_ref();
    web_sys::Url::create_object_url_with_blob(blob).ok()
}
