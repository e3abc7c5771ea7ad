//! Unicode text operations that the browser already carries tables for.
//!
//! `str::to_lowercase` links Rust's case-conversion tables (6.5 KiB brotli in the app's
//! `.wasm`, BENCHMARKS.md); in the browser, JavaScript's `String.prototype.toLowerCase` does
//! the same Unicode default case conversion (Unicode §3.13, with SpecialCasing's final sigma)
//! with the engine's own tables.

/// `s` in lower case (Unicode default case conversion).
pub fn lowercase(s: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    return String::from(js_sys::JsString::from(s).to_lower_case());
    #[cfg(not(target_arch = "wasm32"))]
    s.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn unicode_lower_case() {
        assert_eq!(lowercase("Alice@Example.ORG"), "alice@example.org");
        assert_eq!(lowercase("ÉLODIE@exemple.fr"), "élodie@exemple.fr");
        // Final sigma (SpecialCasing.txt) and a character that lower-cases to two.
        assert_eq!(lowercase("ΟΔΟΣ"), "οδος");
        assert_eq!(lowercase("İ"), "i\u{307}");
        assert_eq!(lowercase("團隊合作"), "團隊合作");
    }
}
