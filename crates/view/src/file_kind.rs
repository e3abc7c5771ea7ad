//! Which dropped files are badge images, and a file name for downloads made from badge text.

use badge_verifier::extract::detect::{sniff, Kind};

/// A badge image the card can show and offer for download, by the core's own sniffing of its
/// content ([`sniff`], the decision extraction uses; the name can lie).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageKind {
    Png,
    Svg,
}

impl ImageKind {
    /// `None` when the bytes are not a PNG or SVG image (JSON, a JWT, a JPEG …).
    pub fn of(bytes: &[u8]) -> Option<ImageKind> {
        match sniff(bytes) {
            Kind::Png => Some(ImageKind::Png),
            Kind::Svg => Some(ImageKind::Svg),
            Kind::Text | Kind::Pdf | Kind::Other(_) => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ImageKind::Png => "png",
            ImageKind::Svg => "svg",
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
    fn badge_images_are_told_by_content_as_the_core_tells_them() {
        assert_eq!(
            ImageKind::of(b"\x89PNG\r\n\x1a\nrest"),
            Some(ImageKind::Png)
        );
        assert_eq!(
            ImageKind::of(b"<?xml?><svg xmlns=''/>"),
            Some(ImageKind::Svg)
        );
        // A web page with an inline <svg> is a web page (the core's rule), not a badge image.
        assert_eq!(ImageKind::of(b"<html><body><svg/></body></html>"), None);
        assert_eq!(ImageKind::of(b"\xef\xbb\xbf {\"a\":1}"), None);
        assert_eq!(ImageKind::of(b"eyJhbGciOi.x.y"), None);
        assert_eq!(ImageKind::of(b"\xFF\xD8\xFF\xE0 jpeg"), None);
        assert_eq!(ImageKind::Svg.extension(), "svg");
        assert_eq!(file_stem("Teamwork Badge (2024)!"), "teamwork-badge-2024");
        assert_eq!(file_stem("../../"), "badge");
        assert_eq!(file_stem("團隊合作"), "團隊合作");
    }
}
