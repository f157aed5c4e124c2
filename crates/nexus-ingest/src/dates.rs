//! Publication dates from metadata ("2015-04-12T10:00Z", "14 de marzo de 2023", "March 14, 2023",
//! "D:20150412") to ISO 8601 prefixes. Dates inside body text are the extractor's job, not this one.

use regex::Regex;
use std::collections::HashMap;
use std::sync::OnceLock;

const MONTHS: &str = include_str!("../../../data/lang/months.tsv");

fn months() -> &'static HashMap<String, u32> {
    static MAP: OnceLock<HashMap<String, u32>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in MONTHS.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            if let Some((num, names)) = line.split_once('\t')
                && let Ok(n) = num.trim().parse()
            {
                for name in names.split(',') {
                    map.insert(name.trim().to_owned(), n);
                }
            }
        }
        map
    })
}

/// The month number of an English, Spanish or Portuguese month name or abbreviation.
pub fn month_number(word: &str) -> Option<u32> {
    months().get(word.trim_end_matches('.').to_lowercase().as_str()).copied()
}

/// Best-effort ISO 8601 prefix (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`) of a metadata date string.
pub fn iso_prefix(value: &str) -> Option<String> {
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    static WORDS: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let numeric = NUMERIC.get_or_init(|| Regex::new(r"\b((?:1[89]|20)\d\d)(?:-?(\d\d)(?:-?(\d\d))?)?").expect("static regex"));
    let words = WORDS.get_or_init(|| {
        Regex::new(
            r"(?i)(?:(\d{1,2})(?:st|nd|rd|th|º)?\s+(?:de\s+)?)?([\p{L}]{3,10})\.?,?\s+(\d{1,2})?,?\s*(?:de\s+|del\s+)?((?:1[89]|20)\d\d)",
        )
        .expect("static regex")
    });
    let year = YEAR.get_or_init(|| Regex::new(r"\b((?:1[89]|20)\d\d)\b").expect("static regex"));
    let v = value.trim().trim_start_matches("D:");
    if let Some(c) = words.captures(v)
        && let Some(m) = month_number(&c[2])
    {
        let day = c.get(1).or(c.get(3)).and_then(|d| d.as_str().parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
        return Some(match day {
            Some(d) => format!("{}-{m:02}-{d:02}", &c[4]),
            None => format!("{}-{m:02}", &c[4]),
        });
    }
    if let Some(iso) = day_month_year(v) {
        return Some(iso);
    }
    if let Some(c) = numeric.captures(v) {
        let month = c.get(2).and_then(|m| m.as_str().parse::<u32>().ok()).filter(|m| (1..=12).contains(m));
        let day = c.get(3).and_then(|d| d.as_str().parse::<u32>().ok()).filter(|d| (1..=31).contains(d));
        return Some(match (month, day) {
            (Some(m), Some(d)) => format!("{}-{m:02}-{d:02}", &c[1]),
            (Some(m), None) => format!("{}-{m:02}", &c[1]),
            _ => c[1].to_owned(),
        });
    }
    year.captures(v).map(|c| c[1].to_owned())
}

/// "12/03/2024", "12.03.2024", "12-03-2024": day first, as in Latin America and Europe; month
/// first only where the first number cannot be a month and the second can be a day ("03/25/2024").
pub fn day_month_year(value: &str) -> Option<String> {
    static DMY: OnceLock<Regex> = OnceLock::new();
    let dmy = DMY.get_or_init(|| Regex::new(r"\b(\d{1,2})([/.-])(\d{1,2})([/.-])((?:19|20)\d\d)\b").expect("static regex"));
    let c = dmy.captures(value)?;
    if c[2] != c[4] {
        return None;
    }
    let (a, b): (u32, u32) = (c[1].parse().ok()?, c[3].parse().ok()?);
    let (d, m) = if (1..=12).contains(&b) { (a, b) } else { (b, a) };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{}-{m:02}-{d:02}", &c[5]))
}

#[cfg(test)]
mod tests {
    use super::iso_prefix;

    #[test]
    fn formats() {
        for (input, want) in [
            ("2015-04-12T10:00:00Z", "2015-04-12"),
            ("D:20150412093000+02'00'", "2015-04-12"),
            ("14 de marzo de 2023", "2023-03-14"),
            ("12 de julho de 2022", "2022-07-12"),
            ("March 14, 2023", "2023-03-14"),
            ("14 March 2023", "2023-03-14"),
            ("September, 2014", "2014-09"),
            ("setiembre de 2019", "2019-09"),
            ("2015", "2015"),
            ("Vol. 5, No 4. 2015", "2015"),
            ("12/03/2024", "2024-03-12"),
            ("Publicado em 17.08.2023 14h32", "2023-08-17"),
            ("03/25/2024", "2024-03-25"),
        ] {
            assert_eq!(iso_prefix(input).as_deref(), Some(want), "{input}");
        }
        assert_eq!(iso_prefix("soon"), None);
        assert_eq!(super::day_month_year("12/03-2024"), None);
    }
}
