//! What a dropped file is, and a file name for downloads made from badge text.

/// What a dropped file is, by its first bytes (the name can lie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Png,
    Svg,
    Json,
    Jwt,
    Other,
}

impl FileKind {
    pub fn detect(bytes: &[u8]) -> FileKind {
        if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            return FileKind::Png;
        }
        let head = &bytes[..bytes.len().min(4096)];
        let text = String::from_utf8_lossy(head);
        let t = text.trim_start_matches('\u{feff}').trim_start();
        if t.starts_with('{') || t.starts_with('[') {
            FileKind::Json
        } else if t.starts_with("eyJ") {
            FileKind::Jwt
        } else if t.contains("<svg") {
            FileKind::Svg
        } else {
            FileKind::Other
        }
    }

    /// Whether the bytes are a badge image the card can show and offer for download.
    pub fn is_image(self) -> bool {
        matches!(self, FileKind::Png | FileKind::Svg)
    }

    pub fn mime(self) -> &'static str {
        match self {
            FileKind::Png => "image/png",
            FileKind::Svg => "image/svg+xml",
            FileKind::Json => "application/json",
            FileKind::Jwt => "application/jwt",
            FileKind::Other => "application/octet-stream",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            FileKind::Png => "png",
            FileKind::Svg => "svg",
            FileKind::Json => "json",
            FileKind::Jwt => "jwt",
            FileKind::Other => "bin",
        }
    }
}

/// A file name from badge text: letters, digits and dashes, at most 60 characters.
pub fn file_stem(name: &str) -> String {
    let mut s = String::new();
    for c in badge_verifier::unicode::lowercase(name).chars() {
        if c.is_alphanumeric() {
            s.push(c);
        } else if !s.ends_with('-') && !s.is_empty() {
            s.push('-');
        }
        if s.chars().count() >= 60 {
            break;
        }
    }
    let s = s.trim_end_matches('-').to_string();
    if s.is_empty() {
        "badge".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_kinds_by_content() {
        assert_eq!(FileKind::detect(b"\x89PNG\r\n\x1a\nrest"), FileKind::Png);
        assert_eq!(FileKind::detect(b"<?xml?><svg xmlns=''/>"), FileKind::Svg);
        assert_eq!(FileKind::detect(b"\xef\xbb\xbf {\"a\":1}"), FileKind::Json);
        assert_eq!(FileKind::detect(b"eyJhbGciOi.x.y"), FileKind::Jwt);
        assert_eq!(FileKind::detect(b"hello"), FileKind::Other);
        assert!(FileKind::Svg.is_image() && !FileKind::Json.is_image());
        assert_eq!(file_stem("Teamwork Badge (2024)!"), "teamwork-badge-2024");
        assert_eq!(file_stem("../../"), "badge");
        assert_eq!(file_stem("團隊合作"), "團隊合作");
    }
}
