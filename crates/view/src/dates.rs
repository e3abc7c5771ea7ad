//! Badge dates for people, in the page's language.

use crate::i18n::Lang;

/// (year, month, day) of an RFC 3339 date or date-time.
pub(crate) fn ymd(s: &str) -> Option<(i32, u32, u32)> {
    use chrono::Datelike;
    if let Ok(d) = chrono::DateTime::parse_from_rfc3339(s.trim()) {
        let d = d.with_timezone(&chrono::Utc);
        return Some((d.year(), d.month(), d.day()));
    }
    // A bare date (or any text starting with one): read as midnight UTC that day.
    let d =
        chrono::DateTime::parse_from_rfc3339(&format!("{}T00:00:00Z", s.trim().get(..10)?)).ok()?;
    Some((d.year(), d.month(), d.day()))
}

/// A date for people: "12 March 2024" / "2024年3月12日" (UTC). Unparseable text is shown as is.
pub fn format_date(s: &str, lang: Lang) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    match (ymd(s), lang) {
        (Some((y, m, d)), Lang::En) => format!("{d} {} {y}", MONTHS[(m - 1) as usize]),
        (Some((y, m, d)), Lang::ZhTw) => format!("{y}年{m}月{d}日"),
        (None, _) => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_localized() {
        assert_eq!(
            format_date("2024-03-12T23:30:00-02:00", Lang::En),
            "13 March 2024"
        );
        assert_eq!(format_date("2024-03-12", Lang::ZhTw), "2024年3月12日");
        assert_eq!(format_date("soon", Lang::En), "soon");
    }
}
