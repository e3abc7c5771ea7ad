//! UI strings in English and Traditional Chinese (zh-TW). Pure data, so it is tested natively;
//! the app picks the language from the browser and offers a switch.

use crate::report::Verdict;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    ZhTw,
}

impl Lang {
    /// Chooses from a browser language tag (`navigator.language`): any Chinese tag that is not
    /// explicitly Simplified gets zh-TW, everything else English.
    pub fn from_tag(tag: &str) -> Lang {
        let t = tag.to_ascii_lowercase();
        if t.starts_with("zh") && !t.contains("hans") && !t.ends_with("-cn") && !t.ends_with("-sg")
        {
            Lang::ZhTw
        } else {
            Lang::En
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::ZhTw => "zh-TW",
        }
    }
}

/// Every UI string. Adding a key forces a translation for both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    Title,
    Tagline,
    DropTitle,
    DropHint,
    ChooseFiles,
    PasteLabel,
    PastePlaceholder,
    VerifyButton,
    Privacy,
    Checking,
    IssuedBy,
    IssuedOn,
    Expires,
    Earner,
    Checks,
    UnknownIssuer,
    UnnamedBadge,
    Format,
    ClearAll,
    LanguageSwitch,
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match (lang, key) {
        (Lang::En, Title) => "Open Badge Verifier",
        (Lang::ZhTw, Title) => "開放徽章驗證器",
        (Lang::En, Tagline) => "Check any Open Badge 2.0 or 3.0 — right here in your browser.",
        (Lang::ZhTw, Tagline) => "在瀏覽器中直接驗證 Open Badges 2.0 與 3.0 徽章。",
        (Lang::En, DropTitle) => "Drop badge images or files here",
        (Lang::ZhTw, DropTitle) => "將徽章圖片或檔案拖放到這裡",
        (Lang::En, DropHint) => "PNG or SVG badges, JSON, or JWT files — several at once.",
        (Lang::ZhTw, DropHint) => "支援 PNG、SVG 徽章、JSON 或 JWT 檔案，可一次多個。",
        (Lang::En, ChooseFiles) => "Choose files",
        (Lang::ZhTw, ChooseFiles) => "選擇檔案",
        (Lang::En, PasteLabel) => "…or paste a badge URL, JSON or JWT",
        (Lang::ZhTw, PasteLabel) => "……或貼上徽章網址、JSON 或 JWT",
        (Lang::En, PastePlaceholder) => "https://… , {\"@context\": …} or eyJ…",
        (Lang::ZhTw, PastePlaceholder) => "https://…、{\"@context\": …} 或 eyJ…",
        (Lang::En, VerifyButton) => "Verify",
        (Lang::ZhTw, VerifyButton) => "驗證",
        (Lang::En, Privacy) => {
            "Nothing you drop leaves your device. Only the badge's own links are fetched."
        }
        (Lang::ZhTw, Privacy) => "您提供的檔案不會離開您的裝置，只會讀取徽章本身的連結。",
        (Lang::En, Checking) => "Checking…",
        (Lang::ZhTw, Checking) => "驗證中……",
        (Lang::En, IssuedBy) => "Issued by",
        (Lang::ZhTw, IssuedBy) => "頒發者",
        (Lang::En, IssuedOn) => "Issued",
        (Lang::ZhTw, IssuedOn) => "頒發日期",
        (Lang::En, Expires) => "Expires",
        (Lang::ZhTw, Expires) => "到期日",
        (Lang::En, Earner) => "Earner",
        (Lang::ZhTw, Earner) => "獲得者",
        (Lang::En, Checks) => "Checks",
        (Lang::ZhTw, Checks) => "檢查項目",
        (Lang::En, UnknownIssuer) => "unknown issuer",
        (Lang::ZhTw, UnknownIssuer) => "未知頒發者",
        (Lang::En, UnnamedBadge) => "Unnamed badge",
        (Lang::ZhTw, UnnamedBadge) => "未命名徽章",
        (Lang::En, Format) => "Format",
        (Lang::ZhTw, Format) => "格式",
        (Lang::En, ClearAll) => "Clear results",
        (Lang::ZhTw, ClearAll) => "清除結果",
        (Lang::En, LanguageSwitch) => "中文",
        (Lang::ZhTw, LanguageSwitch) => "English",
    }
}

/// The verdict in words.
pub fn verdict_label(lang: Lang, v: Verdict) -> &'static str {
    match (lang, v) {
        (Lang::En, Verdict::Valid) => "Valid",
        (Lang::En, Verdict::Invalid) => "Invalid",
        (Lang::En, Verdict::Revoked) => "Revoked",
        (Lang::En, Verdict::Suspended) => "Suspended",
        (Lang::En, Verdict::Expired) => "Expired",
        (Lang::En, Verdict::NotYetValid) => "Not yet valid",
        (Lang::En, Verdict::Unverifiable) => "Can't verify",
        (Lang::En, Verdict::Error) => "Not a readable badge",
        (Lang::ZhTw, Verdict::Valid) => "有效",
        (Lang::ZhTw, Verdict::Invalid) => "無效",
        (Lang::ZhTw, Verdict::Revoked) => "已撤銷",
        (Lang::ZhTw, Verdict::Suspended) => "已暫停",
        (Lang::ZhTw, Verdict::Expired) => "已過期",
        (Lang::ZhTw, Verdict::NotYetValid) => "尚未生效",
        (Lang::ZhTw, Verdict::Unverifiable) => "無法驗證",
        (Lang::ZhTw, Verdict::Error) => "無法讀取的徽章",
    }
}

/// An icon that carries the verdict without colour.
pub fn verdict_icon(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "✓",
        Verdict::Invalid | Verdict::Error => "✕",
        Verdict::Revoked => "⊘",
        Verdict::Suspended => "⏸",
        Verdict::Expired | Verdict::NotYetValid => "⏱",
        Verdict::Unverifiable => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_traditional_chinese_for_taiwan_and_hong_kong() {
        assert_eq!(Lang::from_tag("zh-TW"), Lang::ZhTw);
        assert_eq!(Lang::from_tag("zh-Hant-HK"), Lang::ZhTw);
        assert_eq!(Lang::from_tag("zh-CN"), Lang::En);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
    }

    #[test]
    fn every_verdict_has_words_in_both_languages() {
        for v in [
            Verdict::Valid,
            Verdict::Invalid,
            Verdict::Revoked,
            Verdict::Suspended,
            Verdict::Expired,
            Verdict::NotYetValid,
            Verdict::Unverifiable,
            Verdict::Error,
        ] {
            assert!(!verdict_label(Lang::En, v).is_empty());
            assert_ne!(verdict_label(Lang::En, v), verdict_label(Lang::ZhTw, v));
        }
    }
}
