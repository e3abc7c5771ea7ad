//! Unicode text operations that the browser already carries tables for: the platform's own
//! (`platform::lowercase`; in the browser JavaScript's, which saves Rust's
//! case-conversion tables, 6.5 KiB brotli in the app's `.wasm`, BENCHMARKS.md).

/// `s` in lower case (Unicode default case conversion).
pub fn lowercase(s: &str) -> String {
    crate::platform::lowercase(s)
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
