//! User Timing marks (shown in the browser's performance panel; read by
//! `scripts/bench-browser.mjs`): `app-start` (wasm instantiated, `main` running),
//! `app-mounted` (the UI is in the DOM) and a `verify:<card id>` measure around each
//! [`badge_verifier::verify`] call. One call each; nothing is kept beyond the browser's timeline.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// A `performance.measure` named `name` from [`Span::start`] to [`Span::end`].
pub struct Span {
    name: String,
}

impl Span {
    pub fn start(name: String) -> Span {
        mark(&format!("{name}:start"));
        Span { name }
    }

    pub fn end(self) {
        if let Some(p) = performance() {
            let start = format!("{}:start", self.name);
            let _ = p.measure_with_start_mark(&self.name, &start);
            p.clear_marks_with_mark_name(&start);
        }
    }
}
