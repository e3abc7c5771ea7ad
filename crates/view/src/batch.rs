//! Many badges at once (issue #18): the count per verdict ("8 valid · 1 invalid · 1 can't
//! verify"), the cards' order (as chosen, problems first, by name, issuer or date), the filter by
//! verdict, and every report at once as JSON lines or CSV. The app only renders these.

use crate::detail::to_text;
use crate::i18n::Lang;
use badge_verifier::report::{Report, Verdict};

/// Every verdict, in the order the summary lists them.
pub const VERDICTS: [Verdict; 8] = [
    Verdict::Valid,
    Verdict::Invalid,
    Verdict::Revoked,
    Verdict::Suspended,
    Verdict::Expired,
    Verdict::NotYetValid,
    Verdict::Unverifiable,
    Verdict::Error,
];

/// How many cards have each verdict, and how many are still being checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub counts: [usize; 8],
    pub pending: usize,
}

fn slot(v: Verdict) -> usize {
    VERDICTS.iter().position(|&x| x == v).unwrap_or(0)
}

impl Tally {
    pub fn of(verdicts: impl IntoIterator<Item = Option<Verdict>>) -> Tally {
        let mut t = Tally::default();
        for v in verdicts {
            match v {
                Some(v) => t.counts[slot(v)] += 1,
                None => t.pending += 1,
            }
        }
        t
    }

    pub fn count(&self, v: Verdict) -> usize {
        self.counts[slot(v)]
    }

    pub fn total(&self) -> usize {
        self.counts.iter().sum::<usize>() + self.pending
    }

    /// The verdicts present, with their count in words: `[(Valid, "8 valid"), …]`.
    pub fn parts(&self, lang: Lang) -> Vec<(Verdict, String)> {
        VERDICTS
            .iter()
            .filter(|&&v| self.count(v) > 0)
            .map(|&v| (v, count_words(lang, Some(v), self.count(v))))
            .collect()
    }

    /// "8 valid · 1 invalid · 1 can't verify · 2 checking".
    pub fn line(&self, lang: Lang) -> String {
        let mut parts: Vec<String> = self.parts(lang).into_iter().map(|(_, s)| s).collect();
        if self.pending > 0 {
            parts.push(count_words(lang, None, self.pending));
        }
        parts.join(" · ")
    }
}

/// "8 valid", "1 can't verify", "2 checking" (`None`: not finished); zh-TW "有效 8".
pub fn count_words(lang: Lang, v: Option<Verdict>, n: usize) -> String {
    let (en, zh) = match v {
        Some(Verdict::Valid) => ("valid", "有效"),
        Some(Verdict::Invalid) => ("invalid", "無效"),
        Some(Verdict::Revoked) => ("revoked", "已撤銷"),
        Some(Verdict::Suspended) => ("suspended", "已暫停"),
        Some(Verdict::Expired) => ("expired", "已過期"),
        Some(Verdict::NotYetValid) => ("not yet valid", "尚未生效"),
        Some(Verdict::Unverifiable) => ("can't verify", "無法驗證"),
        Some(Verdict::Error) => ("unreadable", "無法讀取"),
        None => ("checking", "驗證中"),
    };
    match lang {
        Lang::En => format!("{n} {en}"),
        Lang::ZhTw => format!("{zh} {n}"),
    }
}

/// How the cards are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortBy {
    /// As the files were chosen (or URLs pasted).
    Chosen,
    /// Problems first: the worst verdict first, cards still being checked last.
    Verdict,
    Name,
    Issuer,
    /// Newest issue date first.
    Date,
}

impl SortBy {
    pub const ALL: [SortBy; 5] = [
        SortBy::Chosen,
        SortBy::Verdict,
        SortBy::Name,
        SortBy::Issuer,
        SortBy::Date,
    ];

    /// The `<option>` value.
    pub fn as_str(self) -> &'static str {
        match self {
            SortBy::Chosen => "chosen",
            SortBy::Verdict => "verdict",
            SortBy::Name => "name",
            SortBy::Issuer => "issuer",
            SortBy::Date => "date",
        }
    }

    pub fn parse(s: &str) -> SortBy {
        SortBy::ALL
            .into_iter()
            .find(|x| x.as_str() == s)
            .unwrap_or(SortBy::Chosen)
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (lang, self) {
            (Lang::En, SortBy::Chosen) => "Order chosen",
            (Lang::En, SortBy::Verdict) => "Problems first",
            (Lang::En, SortBy::Name) => "Badge name",
            (Lang::En, SortBy::Issuer) => "Issuer",
            (Lang::En, SortBy::Date) => "Newest first",
            (Lang::ZhTw, SortBy::Chosen) => "加入順序",
            (Lang::ZhTw, SortBy::Verdict) => "問題優先",
            (Lang::ZhTw, SortBy::Name) => "徽章名稱",
            (Lang::ZhTw, SortBy::Issuer) => "頒發者",
            (Lang::ZhTw, SortBy::Date) => "最新優先",
        }
    }
}

/// One card as the list sorts and shows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Row {
    pub verdict: Option<Verdict>,
    pub name: Option<String>,
    pub issuer: Option<String>,
    /// The earner as the badge names them (a hashed identity is `None`).
    pub earner: Option<String>,
    pub issued: Option<String>,
}

impl Row {
    /// `None` while the card is being checked.
    pub fn of(report: Option<&Report>) -> Row {
        let Some(r) = report else {
            return Row::default();
        };
        let b = r.badge.as_ref();
        Row {
            verdict: Some(r.verdict),
            name: b.and_then(|b| b.name.clone()),
            issuer: b.and_then(|b| b.issuer.name.clone().or(b.issuer.id.clone())),
            earner: b
                .and_then(|b| b.recipient.as_ref())
                .filter(|r| !r.hashed)
                .and_then(|r| r.name.clone().or(r.identity.clone())),
            issued: b.and_then(|b| b.issued.clone()),
        }
    }
}

/// Sorts indexes by `less`, keeping ties in place: an insertion sort (a few hundred cards at
/// most), one small function instead of a generic sort per key in the page's WebAssembly.
pub fn sort_indexes(idx: &mut [usize], less: &dyn Fn(usize, usize) -> bool) {
    for i in 1..idx.len() {
        let mut j = i;
        while j > 0 && less(idx[j], idx[j - 1]) {
            idx.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The order to show `rows` in (indexes into `rows`); ties keep the order chosen.
pub fn order(rows: &[Row], by: SortBy) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..rows.len()).collect();
    match by {
        SortBy::Chosen => {}
        // Worst first; still checking last.
        SortBy::Verdict => {
            let key = |i: usize| {
                rows[i]
                    .verdict
                    .map_or(u8::MAX, |v| u8::MAX - 1 - v.severity())
            };
            sort_indexes(&mut idx, &|a, b| key(a) < key(b));
        }
        SortBy::Name | SortBy::Issuer => {
            // Compared case-insensitively; no name last.
            let keys: Vec<Option<String>> = rows
                .iter()
                .map(|r| {
                    let s = if by == SortBy::Name {
                        &r.name
                    } else {
                        &r.issuer
                    };
                    s.as_deref()
                        .map(|s| badge_verifier::unicode::lowercase(s.trim()))
                })
                .collect();
            sort_indexes(&mut idx, &|a, b| match (&keys[a], &keys[b]) {
                (Some(x), Some(y)) => x < y,
                (Some(_), None) => true,
                _ => false,
            });
        }
        SortBy::Date => {
            // Newest first; no date last.
            let keys: Vec<Option<(i32, u32, u32)>> = rows
                .iter()
                .map(|r| r.issued.as_deref().and_then(crate::dates::ymd))
                .collect();
            sort_indexes(&mut idx, &|a, b| match (keys[a], keys[b]) {
                (Some(x), Some(y)) => x > y,
                (Some(_), None) => true,
                _ => false,
            });
        }
    }
    idx
}

/// Whether a card with `verdict` is shown under `filter` (`None`: every card).
pub fn shown(verdict: Option<Verdict>, filter: Option<Verdict>) -> bool {
    filter.is_none() || verdict == filter
}

/// Every report, one JSON object a line (the CLI's `--json` shape), in the order given.
pub fn json_lines(reports: &[&Report]) -> String {
    let mut out = String::new();
    for r in reports {
        out.push_str(&r.to_json_line());
        out.push('\n');
    }
    out
}

/// One CSV cell: quoted when it holds a comma, quote or line break; a cell a spreadsheet would
/// read as a formula (`=`, `+`, `-`, `@`, tab, carriage return first) starts with `'`.
pub fn csv_cell(s: &str) -> String {
    let mut s = s.to_string();
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        s.insert(0, '\'');
    }
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The CSV columns.
pub const CSV_HEADER: [&str; 9] = [
    "input",
    "verdict",
    "format",
    "badge name",
    "issuer",
    "earner",
    "issued",
    "expires",
    "summary",
];

/// Every report as CSV (RFC 4180, CRLF, a header row), the summary in English.
pub fn csv(reports: &[&Report]) -> String {
    let mut out = CSV_HEADER.join(",");
    out.push_str("\r\n");
    for r in reports {
        let b = r.badge.as_ref();
        let earner = b.and_then(|b| b.recipient.as_ref()).map(|e| {
            if e.hashed {
                "(hashed)".to_string()
            } else {
                match (&e.name, &e.identity) {
                    (Some(n), Some(i)) => format!("{n} ({i})"),
                    (n, i) => n.clone().or(i.clone()).unwrap_or_default(),
                }
            }
        });
        let cells = [
            Some(r.input.clone()),
            Some(r.verdict.as_str().to_string()),
            r.format.map(|f| f.as_str().to_string()),
            b.and_then(|b| b.name.clone()),
            b.and_then(|b| b.issuer.name.clone().or(b.issuer.id.clone())),
            earner,
            b.and_then(|b| b.issued.clone()),
            b.and_then(|b| b.expires.clone()),
            Some(to_text(&r.summary, Lang::En)),
        ];
        for (i, c) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&csv_cell(c.as_deref().unwrap_or("")));
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use badge_verifier::report::{BadgeDisplay, Check, CheckId, Expert, Format};

    fn report(
        input: &str,
        name: Option<&str>,
        issuer: &str,
        issued: Option<&str>,
        v: Verdict,
    ) -> Report {
        let mut badge = BadgeDisplay {
            name: name.map(String::from),
            issued: issued.map(String::from),
            ..Default::default()
        };
        badge.issuer.name = Some(issuer.into());
        let checks = match v {
            Verdict::Valid => vec![Check::passed(CheckId::Proof, "ok")],
            v => vec![Check::failed(CheckId::Proof, v, "bad")],
        };
        let issued_by = (v == Verdict::Valid)
            .then(|| badge_verifier::trust::Issued::for_view_tests("https://i.example"));
        Report::new(
            input,
            Some(Format::Ob3Jwt),
            Some(badge),
            None,
            checks,
            Expert::default(),
            issued_by,
        )
    }

    #[test]
    fn counts_per_verdict_in_both_languages() {
        let t = Tally::of([
            Some(Verdict::Valid),
            Some(Verdict::Unverifiable),
            Some(Verdict::Valid),
            Some(Verdict::Invalid),
            None,
        ]);
        assert_eq!(t.total(), 5);
        assert_eq!(
            t.line(Lang::En),
            "2 valid · 1 invalid · 1 can't verify · 1 checking"
        );
        assert_eq!(
            t.line(Lang::ZhTw),
            "有效 2 · 無效 1 · 無法驗證 1 · 驗證中 1"
        );
        assert_eq!(
            t.parts(Lang::En)[0],
            (Verdict::Valid, "2 valid".to_string())
        );
    }

    #[test]
    fn sorts_and_filters() {
        let rows = vec![
            Row::of(Some(&report(
                "a",
                Some("beta"),
                "Zed",
                Some("2023-01-01"),
                Verdict::Valid,
            ))),
            Row::of(None),
            Row::of(Some(&report(
                "c",
                Some("Alpha"),
                "acme",
                Some("2024-05-01"),
                Verdict::Expired,
            ))),
            Row::of(Some(&report("d", None, "Mid", None, Verdict::Invalid))),
            Row::of(Some(&report(
                "e",
                Some("gamma"),
                "Mid",
                Some("2022-01-01"),
                Verdict::Valid,
            ))),
        ];
        assert_eq!(order(&rows, SortBy::Chosen), [0, 1, 2, 3, 4]);
        assert_eq!(order(&rows, SortBy::Verdict), [3, 2, 0, 4, 1]);
        assert_eq!(order(&rows, SortBy::Name), [2, 0, 4, 1, 3]);
        assert_eq!(order(&rows, SortBy::Issuer), [2, 3, 4, 0, 1]);
        assert_eq!(order(&rows, SortBy::Date), [2, 0, 4, 1, 3]);
        assert!(shown(Some(Verdict::Valid), None));
        assert!(shown(Some(Verdict::Valid), Some(Verdict::Valid)));
        assert!(!shown(None, Some(Verdict::Valid)));
        for s in SortBy::ALL {
            assert_eq!(SortBy::parse(s.as_str()), s);
            assert_ne!(s.label(Lang::En), s.label(Lang::ZhTw));
        }
    }

    #[test]
    fn csv_is_escaped_and_cannot_run_formulas() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("+1"), "'+1");
        assert_eq!(csv_cell("-1"), "'-1");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        let a = report(
            "a.json",
            Some("=cmd|' /C calc'!A0"),
            "Acme, Inc.",
            Some("2024-01-02"),
            Verdict::Valid,
        );
        let b = report("b.jwt", None, "X", None, Verdict::Invalid);
        let text = csv(&[&a, &b]);
        let rows: Vec<&str> = text.split_terminator("\r\n").collect();
        assert_eq!(rows.len(), 3);
        assert_eq!(
            rows[0],
            "input,verdict,format,badge name,issuer,earner,issued,expires,summary"
        );
        assert!(
            rows[1].starts_with(
                "a.json,valid,ob3-jwt,'=cmd|' /C calc'!A0,\"Acme, Inc.\",,2024-01-02,,"
            ),
            "{}",
            rows[1]
        );
        assert!(
            rows[2].starts_with("b.jwt,invalid,ob3-jwt,,X,,,,bad"),
            "{}",
            rows[2]
        );
        let lines = json_lines(&[&a, &b]);
        assert_eq!(lines.lines().count(), 2);
        assert!(lines.lines().all(|l| l.starts_with("{\"input\":")));
    }
}
