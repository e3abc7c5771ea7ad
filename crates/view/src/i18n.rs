//! UI strings in English and Traditional Chinese (zh-TW). Pure data, so it is tested natively;
//! the app picks the language from the browser and offers a switch.

use badge_verifier::report::{CheckId, Verdict};

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
    PasteImageHint,
    ReadingBadge,
    FetchingDocument,
    FetchingIssuer,
    FetchingKey,
    FetchingStatus,
    FetchingBadgeClass,
    KeyVerified,
    KeyHosted,
    KeyUnverified,
    EarnerHashed,
    Description,
    Criteria,
    CriteriaPage,
    Skills,
    Tags,
    Evidence,
    Endorsements,
    CheckEarner,
    CheckEarnerLabel,
    CheckButton,
    EarnerMatch,
    EarnerNoMatch,
    EarnerCannot,
    Expert,
    ExpertSource,
    ExpertSuite,
    ExpertKeyId,
    ExpertKeySource,
    ExpertHash,
    ExpertStatus,
    ExpertFetched,
    Share,
    CopyLink,
    Copied,
    CopyFailed,
    DownloadReport,
    DownloadImage,
    CopyEmbed,
    AddLinkedIn,
    QrCaption,
    LinkCarriesBadge,
    // Issue #18: sharing, deep links, offline use, theme (keys in SHARE_PWA_KEYS).
    LinkedInNoUrl,
    DownloadCredential,
    LinkBroken,
    LinkUrlEmpty,
    LinkUrlNotHttp,
    LinkCredentialEmpty,
    LinkCredentialNotBase64,
    LinkCredentialCutOff,
    PasteEmpty,
    Offline,
    OfflineHelp,
    DarkTheme,
    LanguageButton,
    CorsTitle,
    CorsHelp,
    /// A URL the browser could not read directly, fetched through `badge-verify serve`'s relay.
    Relayed,
    Reason,
    OutPassed,
    OutFailed,
    OutWarning,
    OutNotChecked,
    OutNotApplicable,
    Language,
    RemoveCard,
    ExplainValid,
    ExplainInvalid,
    ExplainRevoked,
    ExplainSuspended,
    ExplainExpired,
    ExplainNotYetValid,
    ExplainUnverifiable,
    ExplainError,
    Results,
    TopicInput,
    TopicSignature,
    TopicKey,
    TopicStatus,
    TopicDates,
    TopicRecipient,
    TopicClaims,
    TopicDocuments,
    TopicStructure,
    KindVc,
    KindClr,
    KindPresentation,
    Inside,
    CredentialTypes,
    Subject,
    Achievements,
    Associations,
    LinkResolved,
    ScanQr,
    ScanStop,
    // Issue #18, batch view and plain lines.
    NotVerifiedBanner,
    PlainTitle,
    Details,
    Reverify,
    ReverifyAll,
    DownloadAllJson,
    DownloadAllCsv,
    SortBy,
    ShowAll,
    ExpandAll,
    CollapseAll,
    BatchSummary,
    // Issue #19: the live badge for the earner's own site (keys in EMBED_KEYS).
    EmbedLive,
    EmbedLiveHint,
}

pub fn t(lang: Lang, key: Key) -> &'static str {
    use Key::*;
    match (lang, key) {
        (Lang::En, Title) => "Open Badge Verifier",
        (Lang::ZhTw, Title) => "開放徽章驗證器",
        (Lang::En, Tagline) => "Check Open Badges 2.0 and 3.0, CLR transcripts and other Verifiable Credentials — right here in your browser.",
        (Lang::ZhTw, Tagline) => "在瀏覽器中直接驗證 Open Badges 2.0 與 3.0 徽章、CLR 學習紀錄與其他可驗證憑證。",
        (Lang::En, DropTitle) => "Drop badge images or files here",
        (Lang::ZhTw, DropTitle) => "將徽章圖片或檔案拖放到這裡",
        (Lang::En, DropHint) => "PNG or SVG badges, JSON or JWT files, PDF résumés, photos of QR codes — several at once.",
        (Lang::ZhTw, DropHint) => "支援 PNG、SVG 徽章、JSON 或 JWT 檔案、PDF 履歷與 QR 碼照片，可一次多個。",
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
        (Lang::En, PasteImageHint) => {
            "You can also paste a badge image (Ctrl+V) or drag one from another web page."
        }
        (Lang::ZhTw, PasteImageHint) => {
            "也可以直接貼上徽章圖片（Ctrl+V），或從其他網頁拖曳徽章過來。"
        }
        (Lang::En, ReadingBadge) => "Reading the badge…",
        (Lang::ZhTw, ReadingBadge) => "正在讀取徽章……",
        (Lang::En, FetchingDocument) => "Fetching the badge…",
        (Lang::ZhTw, FetchingDocument) => "正在取得徽章……",
        (Lang::En, FetchingIssuer) => "Fetching the issuer profile…",
        (Lang::ZhTw, FetchingIssuer) => "正在取得頒發者資料……",
        (Lang::En, FetchingKey) => "Fetching the issuer's key…",
        (Lang::ZhTw, FetchingKey) => "正在取得頒發者金鑰……",
        (Lang::En, FetchingStatus) => "Checking the revocation list…",
        (Lang::ZhTw, FetchingStatus) => "正在檢查撤銷清單……",
        (Lang::En, FetchingBadgeClass) => "Fetching the badge description…",
        (Lang::ZhTw, FetchingBadgeClass) => "正在取得徽章說明……",
        (Lang::En, KeyVerified) => "verified issuer key",
        (Lang::ZhTw, KeyVerified) => "已驗證頒發者金鑰",
        (Lang::En, KeyHosted) => "hosted by the issuer",
        (Lang::ZhTw, KeyHosted) => "由頒發者網站提供",
        (Lang::En, KeyUnverified) => "issuer not verified",
        (Lang::ZhTw, KeyUnverified) => "頒發者未驗證",
        (Lang::En, EarnerHashed) => "hidden (hashed) — use “Check the earner” below",
        (Lang::ZhTw, EarnerHashed) => "已隱藏（雜湊）— 請使用下方「核對獲得者」",
        (Lang::En, Description) => "Description",
        (Lang::ZhTw, Description) => "說明",
        (Lang::En, Criteria) => "Criteria",
        (Lang::ZhTw, Criteria) => "獲得條件",
        (Lang::En, CriteriaPage) => "Criteria page",
        (Lang::ZhTw, CriteriaPage) => "條件說明頁面",
        (Lang::En, Skills) => "Skills and alignments",
        (Lang::ZhTw, Skills) => "技能與對應標準",
        (Lang::En, Tags) => "Tags",
        (Lang::ZhTw, Tags) => "標籤",
        (Lang::En, Evidence) => "Evidence",
        (Lang::ZhTw, Evidence) => "佐證資料",
        (Lang::En, Endorsements) => "Endorsements",
        (Lang::ZhTw, Endorsements) => "背書",
        (Lang::En, CheckEarner) => "Check the earner",
        (Lang::ZhTw, CheckEarner) => "核對獲得者",
        (Lang::En, CheckEarnerLabel) => "E-mail or URL the candidate gave",
        (Lang::ZhTw, CheckEarnerLabel) => "應徵者提供的電子郵件或網址",
        (Lang::En, CheckButton) => "Check",
        (Lang::ZhTw, CheckButton) => "核對",
        (Lang::En, EarnerMatch) => "Matches the badge's recipient.",
        (Lang::ZhTw, EarnerMatch) => "與徽章的獲得者相符。",
        (Lang::En, EarnerNoMatch) => "Does not match the badge's recipient.",
        (Lang::ZhTw, EarnerNoMatch) => "與徽章的獲得者不符。",
        (Lang::En, EarnerCannot) => "This badge names no recipient that can be compared.",
        (Lang::ZhTw, EarnerCannot) => "此徽章沒有可供比對的獲得者資訊。",
        (Lang::En, Expert) => "Expert details",
        (Lang::ZhTw, Expert) => "技術細節",
        (Lang::En, ExpertSource) => "Found in",
        (Lang::ZhTw, ExpertSource) => "來源",
        (Lang::En, ExpertSuite) => "Proof suite",
        (Lang::ZhTw, ExpertSuite) => "證明套件",
        (Lang::En, ExpertKeyId) => "Key id",
        (Lang::ZhTw, ExpertKeyId) => "金鑰識別碼",
        (Lang::En, ExpertKeySource) => "Key found at",
        (Lang::ZhTw, ExpertKeySource) => "金鑰來源",
        (Lang::En, ExpertHash) => "Canonical form hash",
        (Lang::ZhTw, ExpertHash) => "正規化雜湊值",
        (Lang::En, ExpertStatus) => "Status list",
        (Lang::ZhTw, ExpertStatus) => "狀態清單",
        (Lang::En, ExpertFetched) => "Documents fetched",
        (Lang::ZhTw, ExpertFetched) => "已讀取的文件",
        (Lang::En, Share) => "Share and save",
        (Lang::ZhTw, Share) => "分享與儲存",
        (Lang::En, CopyLink) => "Copy verification link",
        (Lang::ZhTw, CopyLink) => "複製驗證連結",
        (Lang::En, Copied) => "Copied to the clipboard.",
        (Lang::ZhTw, Copied) => "已複製到剪貼簿。",
        (Lang::En, CopyFailed) => "Could not copy; select the text below and copy it.",
        (Lang::ZhTw, CopyFailed) => "無法複製，請選取下方文字後自行複製。",
        (Lang::En, DownloadReport) => "Download JSON report",
        (Lang::ZhTw, DownloadReport) => "下載 JSON 報告",
        (Lang::En, DownloadImage) => "Download badge image",
        (Lang::ZhTw, DownloadImage) => "下載徽章圖片",
        (Lang::En, CopyEmbed) => "Copy embed snippet",
        (Lang::ZhTw, CopyEmbed) => "複製嵌入程式碼",
        (Lang::En, AddLinkedIn) => "Add to LinkedIn profile",
        (Lang::ZhTw, AddLinkedIn) => "新增至 LinkedIn 個人檔案",
        (Lang::En, QrCaption) => "Scan to verify this badge",
        (Lang::ZhTw, QrCaption) => "掃描以驗證此徽章",
        (Lang::En, LinkCarriesBadge) => {
            "This badge has no public address: the link carries the badge itself."
        }
        (Lang::ZhTw, LinkCarriesBadge) => "此徽章沒有公開網址：連結中直接包含徽章內容。",
        // Issue #18: sharing, deep links, offline use, theme.
        (Lang::En, LinkedInNoUrl) => "LinkedIn gets no certificate link: this badge has no public address, and a link that carries the badge is too long for LinkedIn.",
        (Lang::ZhTw, LinkedInNoUrl) => "LinkedIn 不會收到證書連結：此徽章沒有公開網址，而內含徽章的連結對 LinkedIn 來說太長。",
        (Lang::En, DownloadCredential) => "Download badge file",
        (Lang::ZhTw, DownloadCredential) => "下載徽章檔案",
        (Lang::En, LinkBroken) => "This link cannot be verified",
        (Lang::ZhTw, LinkBroken) => "無法驗證此連結",
        (Lang::En, LinkUrlEmpty) => "The link ends at “?url=”: the badge's address is missing. Ask for the whole link again.",
        (Lang::ZhTw, LinkUrlEmpty) => "連結在「?url=」之後就結束了：缺少徽章的網址。請向對方重新索取完整連結。",
        (Lang::En, LinkUrlNotHttp) => "What follows “?url=” is not a web address (it must start with https://):",
        (Lang::ZhTw, LinkUrlNotHttp) => "「?url=」後面的內容不是網址（必須以 https:// 開頭）：",
        (Lang::En, LinkCredentialEmpty) => "The link ends at “#credential=”: the badge it should carry is missing. Ask for the whole link again.",
        (Lang::ZhTw, LinkCredentialEmpty) => "連結在「#credential=」之後就結束了：缺少連結應包含的徽章。請向對方重新索取完整連結。",
        (Lang::En, LinkCredentialNotBase64) => "The text after “#credential=” is damaged: it is not an encoded badge. Ask for the whole link again.",
        (Lang::ZhTw, LinkCredentialNotBase64) => "「#credential=」後面的內容已損壞：不是編碼後的徽章。請向對方重新索取完整連結。",
        (Lang::En, LinkCredentialCutOff) => "The badge in this link is incomplete: the link was cut off, probably when it was copied or sent. Ask for the whole link again, or for the badge file.",
        (Lang::ZhTw, LinkCredentialCutOff) => "此連結中的徽章不完整：連結在複製或傳送時可能被截斷了。請向對方重新索取完整連結或徽章檔案。",
        (Lang::En, PasteEmpty) => "Paste a badge first: its web address (https://…), its JSON ({…}) or its token (eyJ…). Or drop a file above.",
        (Lang::ZhTw, PasteEmpty) => "請先貼上徽章：它的網址（https://…）、JSON（{…}）或權杖（eyJ…），或將檔案拖放到上方。",
        (Lang::En, Offline) => "You are offline.",
        (Lang::ZhTw, Offline) => "目前離線。",
        (Lang::En, OfflineHelp) => "Hosted badges and issuer keys on the web cannot be checked until you are back online; badges that carry their own keys still verify.",
        (Lang::ZhTw, OfflineHelp) => "恢復連線前，無法檢查放在網路上的徽章與頒發者金鑰；自帶金鑰的徽章仍可驗證。",
        (Lang::En, DarkTheme) => "Dark theme",
        (Lang::ZhTw, DarkTheme) => "深色主題",
        (Lang::En, LanguageButton) => "Language: English — switch to 中文",
        (Lang::ZhTw, LanguageButton) => "語言：中文 — 切換為 English",
        (Lang::En, CorsTitle) => "The issuer's server does not allow browsers to read this badge (or could not be reached).",
        (Lang::ZhTw, CorsTitle) => "頒發者的伺服器不允許瀏覽器讀取此徽章（或目前無法連線）。",
        (Lang::En, CorsHelp) => {
            "Open the badge link in a new tab, copy its JSON, and paste it in the box above."
        }
        (Lang::ZhTw, CorsHelp) => "請在新分頁開啟徽章連結，複製其 JSON 內容，再貼到上方的輸入框。",
        (Lang::En, Relayed) => "fetched through this site",
        (Lang::ZhTw, Relayed) => "經由本站取得",
        (Lang::En, Reason) => "Reason",
        (Lang::ZhTw, Reason) => "原因",
        (Lang::En, OutPassed) => "passed",
        (Lang::ZhTw, OutPassed) => "通過",
        (Lang::En, OutFailed) => "failed",
        (Lang::ZhTw, OutFailed) => "未通過",
        (Lang::En, OutWarning) => "warning",
        (Lang::ZhTw, OutWarning) => "警告",
        (Lang::En, OutNotChecked) => "not checked",
        (Lang::ZhTw, OutNotChecked) => "未檢查",
        (Lang::En, OutNotApplicable) => "not applicable",
        (Lang::ZhTw, OutNotApplicable) => "不適用",
        (Lang::En, Language) => "Language",
        (Lang::ZhTw, Language) => "語言",
        (Lang::En, RemoveCard) => "Remove",
        (Lang::ZhTw, RemoveCard) => "移除",
        (Lang::En, ExplainValid) => "The badge is authentic, unchanged and in force.",
        (Lang::ZhTw, ExplainValid) => "此徽章真實、未經竄改且有效。",
        (Lang::En, ExplainInvalid) => {
            "The badge failed a check: it may have been altered or is malformed."
        }
        (Lang::ZhTw, ExplainInvalid) => "此徽章未通過檢查：可能遭到竄改或格式錯誤。",
        (Lang::En, ExplainRevoked) => "The issuer has revoked this badge.",
        (Lang::ZhTw, ExplainRevoked) => "頒發者已撤銷此徽章。",
        (Lang::En, ExplainSuspended) => "The issuer has suspended this badge.",
        (Lang::ZhTw, ExplainSuspended) => "頒發者已暫停此徽章。",
        (Lang::En, ExplainExpired) => "The badge has expired.",
        (Lang::ZhTw, ExplainExpired) => "此徽章已過期。",
        (Lang::En, ExplainNotYetValid) => "The badge is not valid yet.",
        (Lang::ZhTw, ExplainNotYetValid) => "此徽章尚未生效。",
        (Lang::En, ExplainUnverifiable) => {
            "Something needed to verify the badge could not be obtained."
        }
        (Lang::ZhTw, ExplainUnverifiable) => "無法取得驗證所需的資料。",
        (Lang::En, ExplainError) => "This is not a badge this page can read.",
        (Lang::ZhTw, ExplainError) => "此頁面無法讀取此檔案中的徽章。",
        (Lang::En, Results) => "Results",
        (Lang::ZhTw, Results) => "驗證結果",
        (Lang::En, TopicInput) => "Badge data",
        (Lang::ZhTw, TopicInput) => "徽章資料",
        (Lang::En, TopicSignature) => "Signature",
        (Lang::ZhTw, TopicSignature) => "數位簽章",
        (Lang::En, TopicKey) => "Issuer's key",
        (Lang::ZhTw, TopicKey) => "頒發者金鑰",
        (Lang::En, TopicStatus) => "Revocation",
        (Lang::ZhTw, TopicStatus) => "撤銷狀態",
        (Lang::En, TopicDates) => "Dates",
        (Lang::ZhTw, TopicDates) => "有效期間",
        (Lang::En, TopicRecipient) => "Earner",
        (Lang::ZhTw, TopicRecipient) => "獲得者",
        (Lang::En, TopicClaims) => "Token claims",
        (Lang::ZhTw, TopicClaims) => "權杖聲明",
        (Lang::En, TopicDocuments) => "Linked documents",
        (Lang::ZhTw, TopicDocuments) => "相關文件",
        (Lang::En, TopicStructure) => "Structure",
        (Lang::ZhTw, TopicStructure) => "結構與格式",
        (Lang::En, KindVc) => "A Verifiable Credential, not an Open Badge: verified as a credential.",
        (Lang::ZhTw, KindVc) => "這是可驗證憑證（Verifiable Credential），不是開放徽章：以憑證的規則驗證。",
        (Lang::En, KindClr) => "A Comprehensive Learner Record (CLR 2.0): a transcript whose credentials are each verified below.",
        (Lang::ZhTw, KindClr) => "這是綜合學習紀錄（CLR 2.0）：一份成績單，其中每份憑證都在下方各自驗證。",
        (Lang::En, KindPresentation) => "A presentation from a wallet: each credential in it is verified on its own below.",
        (Lang::ZhTw, KindPresentation) => "這是來自數位錢包的憑證出示：其中每份憑證都在下方各自驗證。",
        (Lang::En, Inside) => "Credentials inside",
        (Lang::ZhTw, Inside) => "內含的憑證",
        (Lang::En, CredentialTypes) => "Credential type",
        (Lang::ZhTw, CredentialTypes) => "憑證類型",
        (Lang::En, Subject) => "Subject",
        (Lang::ZhTw, Subject) => "憑證主體",
        (Lang::En, Achievements) => "Achievements",
        (Lang::ZhTw, Achievements) => "成就",
        (Lang::En, Associations) => "Associations",
        (Lang::ZhTw, Associations) => "關聯",
        (Lang::En, ScanQr) => "Scan a QR code with the camera",
        (Lang::ZhTw, ScanQr) => "用相機掃描 QR 碼",
        (Lang::En, ScanStop) => "Stop scanning",
        (Lang::ZhTw, ScanStop) => "停止掃描",
        (Lang::En, LinkResolved) => "badge page recognised; verified its own data at",
        (Lang::ZhTw, LinkResolved) => "已辨識徽章頁面；改為驗證其原始資料：",
        // Issue #18, batch view and plain lines.
        (Lang::En, NotVerifiedBanner) => "Not verified — these claims may be false",
        (Lang::ZhTw, NotVerifiedBanner) => "未經驗證 — 以下內容可能不實",
        (Lang::En, PlainTitle) => "What we checked",
        (Lang::ZhTw, PlainTitle) => "驗證摘要",
        (Lang::En, Details) => "Details",
        (Lang::ZhTw, Details) => "詳細檢查",
        (Lang::En, Reverify) => "Re-verify",
        (Lang::ZhTw, Reverify) => "重新驗證",
        (Lang::En, ReverifyAll) => "Re-verify all",
        (Lang::ZhTw, ReverifyAll) => "全部重新驗證",
        (Lang::En, DownloadAllJson) => "Download all reports (JSON lines)",
        (Lang::ZhTw, DownloadAllJson) => "下載全部報告（JSON）",
        (Lang::En, DownloadAllCsv) => "Download all reports (CSV)",
        (Lang::ZhTw, DownloadAllCsv) => "下載全部報告（CSV 試算表）",
        (Lang::En, SortBy) => "Sort",
        (Lang::ZhTw, SortBy) => "排序",
        (Lang::En, ShowAll) => "All",
        (Lang::ZhTw, ShowAll) => "全部",
        (Lang::En, ExpandAll) => "Expand all",
        (Lang::ZhTw, ExpandAll) => "全部展開",
        (Lang::En, CollapseAll) => "Collapse all",
        (Lang::ZhTw, CollapseAll) => "全部收合",
        (Lang::En, BatchSummary) => "Summary of the results",
        (Lang::ZhTw, BatchSummary) => "結果摘要",
        // Issue #19: the live badge for the earner's own site.
        (Lang::En, EmbedLive) => "Embed a live badge",
        (Lang::ZhTw, EmbedLive) => "嵌入即時驗證徽章",
        (Lang::En, EmbedLiveHint) => "Paste these two lines into your own web page: each visitor's browser fetches the badge from its issuer and shows it with its current verdict.",
        (Lang::ZhTw, EmbedLiveHint) => "將這兩行貼到您自己的網頁：每位訪客的瀏覽器都會向頒發者取得徽章，並顯示其目前的驗證結果。",
    }
}

/// What a report check is about, shown in the reader's language beside the check's stable id.
/// The match is exhaustive: a new [`CheckId`] does not compile until it has a topic.
pub fn check_topic(id: CheckId) -> Key {
    use CheckId as C;
    use Key::*;
    match id {
        C::Extract
        | C::Format
        | C::Version
        | C::Input
        | C::Internal
        | C::Enveloped
        | C::DocumentReader => TopicInput,
        C::Key | C::ProofMethod | C::ProofController | C::IssuedBy | C::Holder => TopicKey,
        C::Signature
        | C::Proof
        | C::EmbeddedProof
        | C::FullVerifier
        | C::PresentationProof
        | C::JwtHeader
        | C::ProofCreated
        | C::ProofExpires
        | C::ProofPurpose => TopicSignature,
        C::Status | C::Revocation => TopicStatus,
        C::Expiry | C::Validity | C::ValidityWindow | C::ValidFrom | C::Issued => TopicDates,
        C::Recipient => TopicRecipient,
        C::Fetch
        | C::Budget
        | C::Redirect
        | C::InsecureUrl
        | C::HostedId
        | C::HostedCopy
        | C::Badgeclass
        | C::NestedCredential
        | C::Link
        | C::Found
        | C::VerificationScope => TopicDocuments,
        C::Endorsement | C::Endorsements => Endorsements,
        C::JwtIss | C::JwtSub | C::JwtJti | C::JwtNbf | C::JwtExp => TopicClaims,
        // The OB 3.0 conformance checks, named after the property path they check.
        C::Schema
        | C::Context
        | C::Type
        | C::Id
        | C::Issuer
        | C::RequiredProperties
        | C::Extensions
        | C::Refresh
        | C::CredentialId
        | C::CredentialName
        | C::CredentialSubject
        | C::CredentialSubjectAchievement
        | C::CredentialSubjectAchievementAlignmentType
        | C::CredentialSubjectAchievementCreatorType
        | C::CredentialSubjectAchievementResultDescriptionType
        | C::CredentialSubjectAchievementRubricCriterionLevelType
        | C::CredentialSubjectId
        | C::CredentialSubjectIdentifierType
        | C::CredentialSubjectProfileType
        | C::CredentialSubjectResultAlignmentType
        | C::CredentialSubjectResultType
        | C::CredentialSubjectType
        | C::EvidenceType
        | C::IssuerOtheridentifierType
        | C::IssuerParentorgType
        | C::IssuerType => TopicStructure,
    }
}

/// The keys added with the full app (the test below checks both languages differ).
pub const APP_KEYS: &[Key] = &[
    Key::TopicInput,
    Key::TopicSignature,
    Key::TopicKey,
    Key::TopicStatus,
    Key::TopicDates,
    Key::TopicRecipient,
    Key::TopicClaims,
    Key::TopicDocuments,
    Key::TopicStructure,
    Key::PasteImageHint,
    Key::ReadingBadge,
    Key::FetchingDocument,
    Key::FetchingIssuer,
    Key::FetchingKey,
    Key::FetchingStatus,
    Key::FetchingBadgeClass,
    Key::KeyVerified,
    Key::KeyHosted,
    Key::KeyUnverified,
    Key::EarnerHashed,
    Key::Description,
    Key::Criteria,
    Key::CriteriaPage,
    Key::Skills,
    Key::Tags,
    Key::Evidence,
    Key::Endorsements,
    Key::CheckEarner,
    Key::CheckEarnerLabel,
    Key::CheckButton,
    Key::EarnerMatch,
    Key::EarnerNoMatch,
    Key::EarnerCannot,
    Key::Expert,
    Key::ExpertSource,
    Key::ExpertSuite,
    Key::ExpertKeyId,
    Key::ExpertKeySource,
    Key::ExpertHash,
    Key::ExpertStatus,
    Key::ExpertFetched,
    Key::Share,
    Key::CopyLink,
    Key::Copied,
    Key::CopyFailed,
    Key::DownloadReport,
    Key::DownloadImage,
    Key::CopyEmbed,
    Key::AddLinkedIn,
    Key::QrCaption,
    Key::LinkCarriesBadge,
    Key::CorsTitle,
    Key::CorsHelp,
    Key::Relayed,
    Key::Reason,
    Key::OutPassed,
    Key::OutFailed,
    Key::OutWarning,
    Key::OutNotChecked,
    Key::OutNotApplicable,
    Key::Language,
    Key::RemoveCard,
    Key::ExplainValid,
    Key::ExplainInvalid,
    Key::ExplainRevoked,
    Key::ExplainSuspended,
    Key::ExplainExpired,
    Key::ExplainNotYetValid,
    Key::ExplainUnverifiable,
    Key::ExplainError,
    Key::Results,
    Key::KindVc,
    Key::KindClr,
    Key::KindPresentation,
    Key::Inside,
    Key::CredentialTypes,
    Key::Subject,
    Key::Achievements,
    Key::Associations,
    Key::LinkResolved,
    Key::ScanQr,
    Key::ScanStop,
    Key::NotVerifiedBanner,
    Key::PlainTitle,
    Key::Details,
    Key::Reverify,
    Key::ReverifyAll,
    Key::DownloadAllJson,
    Key::DownloadAllCsv,
    Key::SortBy,
    Key::ShowAll,
    Key::ExpandAll,
    Key::CollapseAll,
    Key::BatchSummary,
];

/// The keys of issue #18's sharing, deep links, offline use and theme (tested below).
pub const SHARE_PWA_KEYS: &[Key] = &[
    Key::LinkedInNoUrl,
    Key::DownloadCredential,
    Key::LinkBroken,
    Key::LinkUrlEmpty,
    Key::LinkUrlNotHttp,
    Key::LinkCredentialEmpty,
    Key::LinkCredentialNotBase64,
    Key::LinkCredentialCutOff,
    Key::PasteEmpty,
    Key::Offline,
    Key::OfflineHelp,
    Key::DarkTheme,
    Key::LanguageButton,
];

/// The keys of issue #19's live badge snippet in the share panel (tested below).
pub const EMBED_KEYS: &[Key] = &[Key::EmbedLive, Key::EmbedLiveHint];

/// Why the share panel shows no QR code for a badge that has no public address: the link
/// carrying it is `chars` long, more than a code holds (`max`); the way out is the baked image
/// (`has_image`) or the badge file.
pub fn qr_too_large(lang: Lang, chars: usize, max: usize, has_image: bool) -> String {
    match lang {
        Lang::En => format!(
            "This badge is too large for a QR code ({chars} characters; a QR code holds at most {max}): download the {} instead.",
            if has_image { "baked image" } else { "badge file" }
        ),
        Lang::ZhTw => format!(
            "此徽章太大，無法製成 QR 碼（{chars} 個字元；QR 碼最多只能容納 {max} 個）：請改為下載{}。",
            if has_image { "內含徽章的圖片" } else { "徽章檔案" }
        ),
    }
}

/// A check's outcome in a word ("passed", "failed" …).
pub fn outcome_label(lang: Lang, o: badge_verifier::report::Outcome) -> &'static str {
    use badge_verifier::report::Outcome as O;
    t(
        lang,
        match o {
            O::Passed => Key::OutPassed,
            O::Failed => Key::OutFailed,
            O::Warning => Key::OutWarning,
            O::NotChecked => Key::OutNotChecked,
            O::NotApplicable => Key::OutNotApplicable,
        },
    )
}

/// Where a nested report's badge was found, in the reader's language: "page 2 · link",
/// "attached file badge.png", "QR code" (issue #17).
pub fn found_at(lang: Lang, at: &badge_verifier::report::FoundAt) -> String {
    use badge_verifier::report::FoundKind as K;
    let kind = match (lang, at.kind) {
        (Lang::En, K::Link) => "link",
        (Lang::En, K::Text) => "URL in the text",
        (Lang::En, K::Attachment) => "attached file",
        (Lang::En, K::Embedded) => "embedded in the page",
        (Lang::En, K::QrCode) => "QR code",
        (Lang::ZhTw, K::Link) => "連結",
        (Lang::ZhTw, K::Text) => "文字中的網址",
        (Lang::ZhTw, K::Attachment) => "附加檔案",
        (Lang::ZhTw, K::Embedded) => "嵌入於網頁",
        (Lang::ZhTw, K::QrCode) => "QR 碼",
    };
    let mut parts = Vec::new();
    if let Some(p) = at.page {
        parts.push(match lang {
            Lang::En => format!("page {p}"),
            Lang::ZhTw => format!("第 {p} 頁"),
        });
    }
    parts.push(match &at.name {
        Some(n) if at.kind == K::Attachment => format!("{kind} {n}"),
        _ => kind.to_string(),
    });
    parts.join(" · ")
}

/// What kind of document a report is about, when it is not a single Open Badge: a sentence
/// shown under the verdict, so a plain credential is never taken for a forged badge.
pub fn format_kind(format: badge_verifier::report::Format) -> Option<Key> {
    use badge_verifier::report::Format as F;
    match format {
        F::VcDataIntegrity | F::VcJwt => Some(Key::KindVc),
        F::ClrDataIntegrity | F::ClrJwt => Some(Key::KindClr),
        F::Presentation | F::PresentationJwt => Some(Key::KindPresentation),
        F::Ob2Hosted
        | F::Ob2Signed
        | F::Ob3DataIntegrity
        | F::Ob3Jwt
        | F::BadgeList
        | F::BadgePage
        | F::Pdf
        | F::QrImage => None,
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

/// One sentence saying what the verdict means (the core's reason follows it).
pub fn verdict_explain(lang: Lang, v: Verdict) -> &'static str {
    t(
        lang,
        match v {
            Verdict::Valid => Key::ExplainValid,
            Verdict::Invalid => Key::ExplainInvalid,
            Verdict::Revoked => Key::ExplainRevoked,
            Verdict::Suspended => Key::ExplainSuspended,
            Verdict::Expired => Key::ExplainExpired,
            Verdict::NotYetValid => Key::ExplainNotYetValid,
            Verdict::Unverifiable => Key::ExplainUnverifiable,
            Verdict::Error => Key::ExplainError,
        },
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn where_a_badge_was_found_reads_in_both_languages() {
        use badge_verifier::report::{FoundAt, FoundKind};
        let at = FoundAt {
            page: Some(2),
            kind: FoundKind::Attachment,
            name: Some("badge.png".into()),
        };
        assert_eq!(found_at(Lang::En, &at), "page 2 · attached file badge.png");
        assert_eq!(found_at(Lang::ZhTw, &at), "第 2 頁 · 附加檔案 badge.png");
        let qr = FoundAt {
            page: None,
            kind: FoundKind::QrCode,
            name: None,
        };
        assert_eq!(found_at(Lang::En, &qr), "QR code");
        assert_eq!(found_at(Lang::ZhTw, &qr), "QR 碼");
    }

    use super::*;

    #[test]
    fn picks_traditional_chinese_for_taiwan_and_hong_kong() {
        assert_eq!(Lang::from_tag("zh-TW"), Lang::ZhTw);
        assert_eq!(Lang::from_tag("zh-Hant-HK"), Lang::ZhTw);
        assert_eq!(Lang::from_tag("zh-CN"), Lang::En);
        assert_eq!(Lang::from_tag("en-US"), Lang::En);
    }

    #[test]
    fn app_strings_are_translated() {
        for &k in APP_KEYS {
            assert!(!t(Lang::En, k).is_empty(), "{k:?}");
            assert_ne!(t(Lang::En, k), t(Lang::ZhTw, k), "{k:?} is not translated");
        }
        for v in [Verdict::Valid, Verdict::Error, Verdict::Unverifiable] {
            assert_ne!(verdict_explain(Lang::En, v), verdict_explain(Lang::ZhTw, v));
        }
    }

    #[test]
    fn sharing_and_offline_strings_are_translated() {
        for &k in SHARE_PWA_KEYS {
            assert!(!t(Lang::En, k).is_empty(), "{k:?}");
            assert_ne!(t(Lang::En, k), t(Lang::ZhTw, k), "{k:?} is not translated");
        }
        assert_eq!(
            qr_too_large(Lang::En, 4012, 2331, true),
            "This badge is too large for a QR code (4012 characters; a QR code holds at most 2331): download the baked image instead."
        );
        assert!(qr_too_large(Lang::ZhTw, 4012, 2331, false).contains("4012 個字元"));
        // The language button's name says the language in use and contains its visible text.
        assert!(t(Lang::En, Key::LanguageButton).contains(t(Lang::En, Key::LanguageSwitch)));
        assert!(t(Lang::ZhTw, Key::LanguageButton).contains(t(Lang::ZhTw, Key::LanguageSwitch)));
    }

    #[test]
    fn live_badge_strings_are_translated() {
        for &k in EMBED_KEYS {
            assert!(!t(Lang::En, k).is_empty(), "{k:?}");
            assert_ne!(t(Lang::En, k), t(Lang::ZhTw, k), "{k:?} is not translated");
        }
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
