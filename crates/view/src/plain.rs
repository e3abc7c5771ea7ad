//! The five plain lines a card says first (issue #18): is it authentic, who issued it and how we
//! know, is it revoked, its dates, and whether the earner can be confirmed — each with a mark
//! (✓ / ✗ / ?) and one sentence in the reader's language. Computed from the report's typed
//! data (check ids, outcomes, effects, `issued_by`, the badge's dates), never from its English
//! text. Also the order of the detailed check list: failed checks first.

use crate::dates::format_date;
use crate::detail::Segment;
use crate::i18n::Lang;
use badge_verifier::report::{Check, CheckId, Format, Outcome, Report, Verdict};
use badge_verifier::trust::{IssuedHow, KeyBinding};

/// What a plain line is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Aspect {
    Authentic,
    Issuer,
    Status,
    Dates,
    Recipient,
}

impl Aspect {
    pub const ALL: [Aspect; 5] = [
        Aspect::Authentic,
        Aspect::Issuer,
        Aspect::Status,
        Aspect::Dates,
        Aspect::Recipient,
    ];

    /// The line's label.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Aspect::Authentic => tr(lang, "Authentic", "真實性"),
            Aspect::Issuer => tr(lang, "Issuer", "頒發者"),
            Aspect::Status => tr(lang, "Status", "撤銷狀態"),
            Aspect::Dates => tr(lang, "Dates", "日期"),
            Aspect::Recipient => tr(lang, "Recipient", "獲得者"),
        }
    }

    /// A stable name (for `data-aspect` and tests).
    pub fn as_str(self) -> &'static str {
        match self {
            Aspect::Authentic => "authentic",
            Aspect::Issuer => "issuer",
            Aspect::Status => "status",
            Aspect::Dates => "dates",
            Aspect::Recipient => "recipient",
        }
    }
}

/// ✓, ✗ or ?.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Ok,
    Bad,
    Unknown,
}

impl Mark {
    pub fn as_str(self) -> &'static str {
        match self {
            Mark::Ok => "ok",
            Mark::Bad => "bad",
            Mark::Unknown => "unknown",
        }
    }

    /// The mark in words, for screen readers (the mark itself is a picture).
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Mark::Ok => tr(lang, "yes", "是"),
            Mark::Bad => tr(lang, "no", "否"),
            Mark::Unknown => tr(lang, "not confirmed", "無法確認"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub aspect: Aspect,
    pub mark: Mark,
    pub text: Vec<Segment>,
}

fn tr(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::ZhTw => zh,
    }
}

/// `tpl` with each `{}` replaced by the next segment of `args`.
fn fill(tpl: &str, args: Vec<Segment>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut args = args.into_iter();
    for (i, part) in tpl.split("{}").enumerate() {
        if i > 0 {
            out.extend(args.next());
        }
        if !part.is_empty() {
            out.push(Segment::Words(part.to_string()));
        }
    }
    out
}

fn words(s: &str) -> Vec<Segment> {
    vec![Segment::Words(s.to_string())]
}

fn aspect_of(id: CheckId) -> Option<Aspect> {
    use CheckId as C;
    Some(match id {
        C::Signature
        | C::Proof
        | C::EmbeddedProof
        | C::FullVerifier
        | C::JwtHeader
        | C::ProofCreated
        | C::ProofExpires
        | C::ProofPurpose
        | C::HostedId
        | C::HostedCopy => Aspect::Authentic,
        C::Key
        | C::ProofMethod
        | C::ProofController
        | C::IssuedBy
        | C::VerificationScope
        | C::JwtIss => Aspect::Issuer,
        C::Status | C::Revocation => Aspect::Status,
        C::Expiry
        | C::Validity
        | C::ValidityWindow
        | C::ValidFrom
        | C::Issued
        | C::JwtNbf
        | C::JwtExp => Aspect::Dates,
        C::Recipient => Aspect::Recipient,
        _ => return None,
    })
}

/// What the checks about one aspect say: the worst definite effect of a failed check, whether
/// one could not be made, whether one passed.
struct Found {
    failed: Option<Verdict>,
    unknown: bool,
    passed: bool,
}

fn found(report: &Report, aspect: Aspect) -> Found {
    let mut f = Found {
        failed: None,
        unknown: false,
        passed: false,
    };
    for c in report
        .checks
        .iter()
        .filter(|c| aspect_of(c.id) == Some(aspect))
    {
        match (c.outcome, c.effect) {
            (_, Some(Verdict::Unverifiable)) => f.unknown = true,
            (Outcome::Failed, Some(v)) if f.failed.is_none_or(|w| v.severity() > w.severity()) => {
                f.failed = Some(v)
            }
            (Outcome::Passed, _) => f.passed = true,
            _ => {}
        }
    }
    f
}

/// Documents that hold other reports: their plain lines are on each report inside.
fn is_container(report: &Report) -> bool {
    matches!(
        report.format,
        Some(
            Format::Presentation
                | Format::PresentationJwt
                | Format::BadgeList
                | Format::BadgePage
                | Format::Pdf
                | Format::QrImage
        )
    )
}

/// The five lines for `report`; none for an input that is not a badge or a document that only
/// holds others. `typed`: the "check the earner" answer, when someone typed an identity
/// (`Some(None)`: the badge names nothing to compare).
pub fn lines(report: &Report, typed: Option<Option<bool>>, lang: Lang) -> Vec<Line> {
    if report.verdict == Verdict::Error || report.badge.is_none() || is_container(report) {
        return Vec::new();
    }
    let authentic = authentic(report, lang);
    let genuine = authentic.0 == Mark::Ok;
    let mut out = vec![
        Line {
            aspect: Aspect::Authentic,
            mark: authentic.0,
            text: authentic.1,
        },
        line(Aspect::Issuer, issuer(report, lang)),
        line(Aspect::Status, status(report, lang)),
        line(Aspect::Dates, dates(report, lang)),
        line(Aspect::Recipient, recipient(report, typed, lang)),
    ];
    // What the badge claims is only as good as its signature: no ✓ on a claim it does not hold.
    if !genuine {
        for l in &mut out[2..] {
            if l.mark == Mark::Ok {
                l.mark = Mark::Unknown;
            }
        }
    }
    out
}

fn line(aspect: Aspect, (mark, text): (Mark, Vec<Segment>)) -> Line {
    Line { aspect, mark, text }
}

fn authentic(report: &Report, lang: Lang) -> (Mark, Vec<Segment>) {
    let f = found(report, Aspect::Authentic);
    let hosted = report.format == Some(Format::Ob2Hosted)
        || matches!(
            report.issued_by.as_ref().map(|i| &i.how),
            Some(IssuedHow::Hosted { .. })
        );
    if f.failed.is_some() {
        let s = if hosted {
            tr(
                lang,
                "The issuer's site does not serve this badge as it is given here.",
                "頒發者網站上的徽章與此處提供的內容不符。",
            )
        } else {
            tr(
                lang,
                "The signature does not match: the badge was changed after it was signed, or was not signed with this key.",
                "簽章不符：徽章在簽署後遭到更改，或並非以此金鑰簽署。",
            )
        };
        return (Mark::Bad, words(s));
    }
    if f.unknown || !f.passed {
        let s = tr(
            lang,
            "The signature could not be checked.",
            "無法檢查簽章。",
        );
        return (Mark::Unknown, words(s));
    }
    let s = if hosted {
        tr(
            lang,
            "Read from the issuer's own site, as the issuer serves it.",
            "直接從頒發者網站讀取，內容與頒發者提供的相同。",
        )
    } else {
        tr(
            lang,
            "The signature is intact: nothing in the badge was changed since it was signed.",
            "簽章完整：徽章內容自簽署後未被更改。",
        )
    };
    (Mark::Ok, words(s))
}

/// The issuer's name as the badge gives it (the badge's text), else its id.
fn issuer_name(report: &Report, id: Option<&str>) -> Segment {
    let issuer = report.badge.as_ref().map(|b| &b.issuer);
    match issuer.and_then(|i| i.name.clone()) {
        Some(n) => Segment::Badge(n),
        None => match id.map(str::to_string).or(issuer.and_then(|i| i.id.clone())) {
            Some(id) => Segment::Code(id),
            None => Segment::Words(String::new()),
        },
    }
}

fn issuer(report: &Report, lang: Lang) -> (Mark, Vec<Segment>) {
    if let Some(by) = &report.issued_by {
        let name = issuer_name(report, Some(&by.issuer));
        let text = match &by.how {
            IssuedHow::Signature { binding, .. } => {
                let how = match binding {
                    KeyBinding::Controller { .. } => tr(
                        lang,
                        "the issuer controls the key and lists it",
                        "頒發者控制此金鑰並將其列出",
                    ),
                    KeyBinding::IssuerDidDocument { .. } => tr(
                        lang,
                        "the issuer's DID document lists the key",
                        "頒發者的 DID 文件列出了此金鑰",
                    ),
                    KeyBinding::IssuerJwks { .. } => tr(
                        lang,
                        "the issuer's published key set lists the key",
                        "頒發者公布的金鑰集合列出了此金鑰",
                    ),
                    KeyBinding::IssuerProfile { .. } | KeyBinding::Ob2PublicKey { .. } => tr(
                        lang,
                        "the issuer's profile lists the key",
                        "頒發者的個人資料列出了此金鑰",
                    ),
                    KeyBinding::IssuerOrigin { .. } => tr(
                        lang,
                        "the key is published on the issuer's own site",
                        "此金鑰公布於頒發者自己的網站",
                    ),
                };
                fill(
                    tr(lang, "Signed by {}: {}.", "由 {} 簽署：{}。"),
                    vec![name, Segment::Words(how.to_string())],
                )
            }
            IssuedHow::Hosted { scope, .. } => fill(
                tr(
                    lang,
                    "Published by {} on its own site {}.",
                    "由 {} 發布於其網站 {}。",
                ),
                vec![name, Segment::Url(scope.clone())],
            ),
            IssuedHow::Presented { .. } => words(tr(
                lang,
                "Each credential inside names its own issuer, checked on its own.",
                "其中每份憑證各有頒發者，並各自驗證。",
            )),
        };
        return (Mark::Ok, text);
    }
    let f = found(report, Aspect::Issuer);
    let name = issuer_name(report, None);
    if f.failed.is_some() {
        return (
            Mark::Bad,
            fill(
                tr(
                    lang,
                    "Signed with a key that {} does not list: anyone could have made this signature.",
                    "所用金鑰並未列在 {} 的文件中：任何人都可能做出此簽章。",
                ),
                vec![name],
            ),
        );
    }
    (
        Mark::Unknown,
        fill(
            tr(
                lang,
                "Not confirmed that {} issued it.",
                "無法確認此徽章由 {} 頒發。",
            ),
            vec![name],
        ),
    )
}

fn status(report: &Report, lang: Lang) -> (Mark, Vec<Segment>) {
    let f = found(report, Aspect::Status);
    let s = match f.failed {
        Some(Verdict::Revoked) => (
            Mark::Bad,
            tr(lang, "The issuer has revoked it.", "頒發者已撤銷此徽章。"),
        ),
        Some(Verdict::Suspended) => (
            Mark::Bad,
            tr(lang, "The issuer has suspended it.", "頒發者已暫停此徽章。"),
        ),
        Some(_) => (
            Mark::Bad,
            tr(
                lang,
                "Its revocation list is not the issuer's or cannot be read.",
                "其撤銷清單並非頒發者所發布，或無法讀取。",
            ),
        ),
        None if f.unknown => (
            Mark::Unknown,
            tr(
                lang,
                "Its revocation list could not be read.",
                "無法讀取其撤銷清單。",
            ),
        ),
        None if f.passed => (
            Mark::Ok,
            tr(
                lang,
                "Not revoked: the issuer's list was checked.",
                "未撤銷：已查核頒發者的撤銷清單。",
            ),
        ),
        None => (
            Mark::Ok,
            tr(
                lang,
                "The issuer gave it no revocation list.",
                "頒發者未為此徽章提供撤銷清單。",
            ),
        ),
    };
    (s.0, words(s.1))
}

fn dates(report: &Report, lang: Lang) -> (Mark, Vec<Segment>) {
    let f = found(report, Aspect::Dates);
    let badge = report.badge.as_ref();
    let date = |d: Option<&String>| d.map(|d| Segment::Words(format_date(d, lang)));
    let issued = date(badge.and_then(|b| b.issued.as_ref()));
    let expires = date(badge.and_then(|b| b.expires.as_ref()));
    match f.failed {
        Some(Verdict::Expired) => {
            return match expires {
                Some(e) => (
                    Mark::Bad,
                    fill(tr(lang, "Expired on {}.", "已於 {} 過期。"), vec![e]),
                ),
                None => (Mark::Bad, words(tr(lang, "Expired.", "已過期。"))),
            }
        }
        Some(Verdict::NotYetValid) => {
            return match issued {
                Some(i) => (
                    Mark::Bad,
                    fill(tr(lang, "Not valid until {}.", "自 {} 起才生效。"), vec![i]),
                ),
                None => (Mark::Bad, words(tr(lang, "Not valid yet.", "尚未生效。"))),
            }
        }
        Some(_) => {
            return (
                Mark::Bad,
                words(tr(lang, "Its dates are not valid.", "其日期不正確。")),
            )
        }
        None if f.unknown => {
            return (
                Mark::Unknown,
                words(tr(
                    lang,
                    "Its dates could not be checked.",
                    "無法檢查其日期。",
                )),
            )
        }
        None => {}
    }
    let text = match (issued, expires) {
        (Some(i), Some(e)) => fill(
            tr(lang, "Issued {}; valid until {}.", "頒發於 {}；有效至 {}。"),
            vec![i, e],
        ),
        (Some(i), None) => fill(
            tr(lang, "Issued {}; does not expire.", "頒發於 {}；無到期日。"),
            vec![i],
        ),
        (None, Some(e)) => fill(tr(lang, "Valid until {}.", "有效至 {}。"), vec![e]),
        (None, None) => words(tr(lang, "No dates given.", "未提供日期。")),
    };
    (Mark::Ok, text)
}

fn recipient(report: &Report, typed: Option<Option<bool>>, lang: Lang) -> (Mark, Vec<Segment>) {
    let typed = typed.or(report.recipient_match.map(Some));
    match typed {
        Some(Some(true)) => {
            return (
                Mark::Ok,
                words(tr(
                    lang,
                    "Awarded to the e-mail or address you entered.",
                    "此徽章頒發給您輸入的電子郵件或網址。",
                )),
            )
        }
        Some(Some(false)) => {
            return (
                Mark::Bad,
                words(tr(
                    lang,
                    "Not awarded to the e-mail or address you entered.",
                    "此徽章並非頒發給您輸入的電子郵件或網址。",
                )),
            )
        }
        _ => {}
    }
    if found(report, Aspect::Recipient).failed.is_some() {
        return (
            Mark::Bad,
            words(tr(
                lang,
                "The earner's identity in the badge is malformed.",
                "徽章中的獲得者身分格式錯誤。",
            )),
        );
    }
    let r = report.badge.as_ref().and_then(|b| b.recipient.as_ref());
    match r {
        Some(r) if r.hashed => (
            Mark::Unknown,
            words(tr(
                lang,
                "The earner is hidden (hashed): enter the candidate's e-mail in “Check the earner” to confirm.",
                "獲得者已隱藏（雜湊）：請在「核對獲得者」輸入應徵者的電子郵件以確認。",
            )),
        ),
        Some(r) if r.identity.is_some() || r.name.is_some() => {
            let who = r.name.clone().or(r.identity.clone()).unwrap_or_default();
            (
                Mark::Ok,
                fill(tr(lang, "Awarded to {}.", "頒發給 {}。"), vec![Segment::Badge(who)]),
            )
        }
        _ => (
            Mark::Unknown,
            words(tr(
                lang,
                "The badge names no earner that can be confirmed.",
                "此徽章沒有可供確認的獲得者。",
            )),
        ),
    }
}

/// The check list's order: failed first, then the checks that could not be made, warnings,
/// passed, not applicable; the report's order within each.
pub fn check_order(checks: &[Check]) -> Vec<usize> {
    let rank = |c: &Check| match (c.outcome, c.effect) {
        (Outcome::Failed, _) => 0,
        (Outcome::NotChecked, Some(_)) => 1,
        (Outcome::Warning, _) => 2,
        (Outcome::NotChecked, None) => 3,
        (Outcome::Passed, _) => 4,
        (Outcome::NotApplicable, _) => 5,
    };
    let mut idx: Vec<usize> = (0..checks.len()).collect();
    crate::batch::sort_indexes(&mut idx, &|a, b| rank(&checks[a]) < rank(&checks[b]));
    idx
}

#[cfg(test)]
mod tests {
    use super::*;
    use badge_verifier::report::Expert;
    use badge_verifier::{verify, Input, MemoryFetcher, Options};

    fn fixture(path: &str) -> Report {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures")
            .join(path);
        let input = Input::Bytes {
            name: path.into(),
            bytes: std::fs::read(p).unwrap(),
        };
        let opts = Options::at("2025-01-01T00:00:00Z".parse().unwrap());
        futures::executor::block_on(verify(&input, &MemoryFetcher::default(), &opts))
    }

    fn marks(r: &Report) -> Vec<(&'static str, Mark)> {
        lines(r, None, Lang::En)
            .iter()
            .map(|l| (l.aspect.as_str(), l.mark))
            .collect()
    }

    fn text(r: &Report, a: Aspect, lang: Lang) -> String {
        let l = lines(r, None, lang);
        let l = l.iter().find(|l| l.aspect == a).unwrap();
        l.text.iter().map(Segment::text).collect()
    }

    #[test]
    fn a_valid_badge_reads_well_in_five_lines() {
        let r = fixture("e2e/teamwork-valid.jwt");
        assert_eq!(r.verdict, Verdict::Valid, "{:?}", r.checks);
        use Mark::*;
        assert_eq!(
            marks(&r),
            [
                ("authentic", Ok),
                ("issuer", Ok),
                ("status", Ok),
                ("dates", Ok),
                ("recipient", Unknown)
            ]
        );
        assert_eq!(
            text(&r, Aspect::Issuer, Lang::En),
            "Signed by Example Training Institute: the issuer controls the key and lists it."
        );
        assert!(text(&r, Aspect::Dates, Lang::En).starts_with("Issued 12 March 2024"));
        assert!(text(&r, Aspect::Dates, Lang::ZhTw).starts_with("頒發於 2024年3月12日"));
        // The earner typed in "check the earner" decides the recipient line.
        let l = lines(&r, Some(Some(true)), Lang::En);
        assert_eq!(l[4].mark, Ok);
        let l = lines(&r, Some(Some(false)), Lang::ZhTw);
        assert_eq!(l[4].mark, Bad);
    }

    #[test]
    fn a_tampered_badge_is_not_authentic_and_its_claims_get_no_tick() {
        for f in ["e2e/teamwork-tampered.jwt", "e2e/ob3-tampered.json"] {
            let r = fixture(f);
            assert_eq!(r.verdict, Verdict::Invalid, "{f}");
            let m = marks(&r);
            assert_eq!(m[0], ("authentic", Mark::Bad), "{f}");
            assert!(m[1..].iter().all(|(_, m)| *m != Mark::Ok), "{f}: {m:?}");
            assert!(
                text(&r, Aspect::Authentic, Lang::En).starts_with("The signature does not match")
            );
        }
    }

    #[test]
    fn an_expired_badge_says_when() {
        let r = fixture("e2e/pm-expired.jwt");
        assert_eq!(r.verdict, Verdict::Expired);
        let m = marks(&r);
        assert_eq!(m[0], ("authentic", Mark::Ok));
        assert_eq!(m[3], ("dates", Mark::Bad));
        assert!(text(&r, Aspect::Dates, Lang::En).starts_with("Expired on "));
        assert!(text(&r, Aspect::Dates, Lang::ZhTw).starts_with("已於 "));
    }

    #[test]
    fn a_key_the_issuer_does_not_list_and_an_issuer_that_cannot_be_reached() {
        // The issuer's documents answer and do not list the key: anyone could have signed.
        let r = fixture("e2e/1edtech-simple-jwt.svg");
        assert_eq!(r.verdict, Verdict::Invalid);
        let m = marks(&r);
        assert_eq!(m[0], ("authentic", Mark::Ok));
        assert_eq!(m[1], ("issuer", Mark::Bad), "{:?}", r.checks);
        assert!(text(&r, Aspect::Issuer, Lang::En).starts_with("Signed with a key that "));
        // They cannot be read (offline, no CORS): not confirmed, never ✓.
        let mut checks = r.checks.clone();
        for c in &mut checks {
            if c.effect.is_some() {
                *c = Check::unverifiable(c.id, "unreachable");
            }
        }
        let r = Report::new(
            "in",
            r.format,
            r.badge.clone(),
            None,
            checks,
            Expert::default(),
            None,
        );
        assert_eq!(r.verdict, Verdict::Unverifiable);
        assert_eq!(marks(&r)[1], ("issuer", Mark::Unknown));
        assert!(text(&r, Aspect::Issuer, Lang::ZhTw).starts_with("無法確認"));
    }

    #[test]
    fn revoked_and_suspended_from_the_checks_effects() {
        let badge = fixture("e2e/teamwork-valid.jwt").badge;
        for (v, want) in [
            (Verdict::Revoked, "The issuer has revoked it."),
            (Verdict::Suspended, "The issuer has suspended it."),
        ] {
            let r = Report::new(
                "in",
                Some(Format::Ob3Jwt),
                badge.clone(),
                None,
                vec![
                    Check::passed(CheckId::Proof, "ok"),
                    Check::failed(CheckId::Status, v, "listed"),
                ],
                Expert::default(),
                Some(badge_verifier::trust::Issued::for_view_tests(
                    "https://i.example",
                )),
            );
            assert_eq!(r.verdict, v);
            let l = lines(&r, None, Lang::En);
            assert_eq!(l[0].mark, Mark::Ok);
            assert_eq!(l[2].mark, Mark::Bad);
            assert_eq!(text(&r, Aspect::Status, Lang::En), want);
        }
    }

    #[test]
    fn nothing_to_say_for_an_unreadable_input() {
        let r = fixture("e2e/not-a-badge.txt");
        assert!(lines(&r, None, Lang::En).is_empty());
    }

    #[test]
    fn failed_checks_come_first() {
        let checks = vec![
            Check::passed(CheckId::Id, "a"),
            Check::not_applicable(CheckId::Refresh, "b"),
            Check::failed(CheckId::Proof, Verdict::Invalid, "c"),
            Check::warning(CheckId::Extract, "d"),
            Check::unverifiable(CheckId::Status, "e"),
        ];
        assert_eq!(check_order(&checks), [2, 4, 3, 0, 1]);
    }
}
