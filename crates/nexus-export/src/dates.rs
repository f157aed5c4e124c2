//! ISO 8601 date prefixes ("2014", "2014-09", "2014-09-03") as the periods they name.

/// Year, month, day.
pub type Ymd = (i32, u32, u32);

/// The (year, month, day) of the first and last day of the period `prefix` names; `None` when it
/// is not a date prefix.
pub fn period(prefix: &str) -> Option<(Ymd, Ymd)> {
    nexus_store::check_date(prefix).ok()?;
    let mut parts = prefix.split('-').map(|p| p.parse::<u32>().ok());
    let year = parts.next()?? as i32;
    match (parts.next().flatten(), parts.next().flatten()) {
        (None, _) => Some(((year, 1, 1), (year, 12, 31))),
        (Some(m), None) => Some(((year, m, 1), (year, m, days_in_month(year, m)))),
        (Some(m), Some(d)) => {
            let d = d.min(days_in_month(year, m));
            Some(((year, m, d), (year, m, d)))
        }
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn ymd((y, m, d): Ymd) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The first day of the period, `YYYY-MM-DD`.
pub fn start(prefix: &str) -> Option<String> {
    period(prefix).map(|(s, _)| ymd(s))
}

/// The last day of the period, `YYYY-MM-DD`.
pub fn end(prefix: &str) -> Option<String> {
    period(prefix).map(|(_, e)| ymd(e))
}

/// The start of the period as a STIX timestamp (millisecond precision, UTC).
pub fn timestamp_start(prefix: &str) -> Option<String> {
    start(prefix).map(|d| format!("{d}T00:00:00.000Z"))
}

/// The end of the period as a STIX timestamp.
pub fn timestamp_end(prefix: &str) -> Option<String> {
    end(prefix).map(|d| format!("{d}T23:59:59.999Z"))
}

/// "day", "month" or "year": how precise the prefix is.
pub fn precision(prefix: &str) -> Option<&'static str> {
    period(prefix)?;
    Some(match prefix.len() {
        4 => "year",
        7 => "month",
        _ => "day",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(start("2014").as_deref(), Some("2014-01-01"));
        assert_eq!(end("2016-02").as_deref(), Some("2016-02-29"));
        assert_eq!(end("1900-02").as_deref(), Some("1900-02-28"));
        assert_eq!(end("2014-09-03").as_deref(), Some("2014-09-03"));
        assert_eq!(end("2014-02-31").as_deref(), Some("2014-02-28"));
        assert_eq!(start("last year"), None);
        assert_eq!(precision("2014-09"), Some("month"));
    }
}
