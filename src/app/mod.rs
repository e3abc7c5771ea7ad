//! The Leptos UI (browser only).
