//! Which badge URLs the card may link to or show as an image.

/// http(s) URLs only: a badge's `javascript:` link is never made clickable.
pub fn is_http_url(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    l.starts_with("https://") || l.starts_with("http://")
}

/// Image sources the card may show: http(s) or a raster/SVG `data:image/…` URI. An SVG in an
/// `<img>` runs no script.
pub fn is_safe_image(u: &str) -> bool {
    let l = u.trim_start().to_ascii_lowercase();
    is_http_url(&l)
        || [
            "data:image/png",
            "data:image/svg+xml",
            "data:image/jpeg",
            "data:image/gif",
            "data:image/webp",
        ]
        .iter()
        .any(|p| l.starts_with(p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_links_and_image_data_uris_are_used() {
        assert!(is_http_url(" HTTPS://b.example/x") && is_http_url("http://b.example/"));
        assert!(!is_http_url("javascript:alert(1)") && !is_http_url("data:image/png;base64,AA"));
        assert!(is_safe_image("https://b.example/i.png"));
        assert!(is_safe_image("DATA:image/svg+xml;base64,PHN2Zz4="));
        assert!(!is_safe_image("data:text/html,<script>alert(1)</script>"));
        assert!(!is_safe_image("javascript:alert(1)"));
    }
}
