//! Small string helpers: whitespace collapsing, dates, languages, author
//! lists, title cleanup.

/// Collapses whitespace runs to single spaces and trims.
pub(crate) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lowercase alphanumerics only, for fuzzy equality of titles and headings.
pub(crate) fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// True when a heading repeats the title: equal after folding, or one
/// contains the other and they differ by at most 20% in length (a site
/// suffix or a kicker).
pub(crate) fn nearly_equal(a: &str, b: &str) -> bool {
    let (a, b) = (fold(a), fold(b));
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    long.contains(short.as_str()) && short.len() * 5 >= long.len() * 4
}

/// Normalises a date string to an ISO prefix: `YYYY`, `YYYY-MM` or
/// `YYYY-MM-DD`. Accepts `-`, `/` or `.` separators and compact `YYYYMMDD`;
/// anything after the date (time, zone) is ignored.
pub(crate) fn iso_date_prefix(s: &str) -> Option<String> {
    let s = s.trim();
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() == 8 {
        return build_date(&digits[0..4], Some(&digits[4..6]), Some(&digits[6..8]));
    }
    if digits.len() != 4 {
        return None;
    }
    let mut parts = s.splitn(4, ['-', '/', '.']);
    let year = parts.next()?;
    let month = parts.next().map(leading_digits).filter(|m| !m.is_empty());
    let day = month.and(parts.next().map(leading_digits)).filter(|d| !d.is_empty());
    build_date(year, month, day)
}

/// The leading ASCII digits of `s`.
fn leading_digits(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    &s[..end]
}

/// Validates and formats date parts; stops at the first invalid part.
fn build_date(year: &str, month: Option<&str>, day: Option<&str>) -> Option<String> {
    let y: u32 = year.parse().ok()?;
    if !(1000..=2999).contains(&y) {
        return None;
    }
    let mut out = format!("{y:04}");
    let Some(m) = month.and_then(|m| m.parse::<u32>().ok()).filter(|m| (1..=12).contains(m)) else {
        return Some(out);
    };
    out.push_str(&format!("-{m:02}"));
    if let Some(d) = day.and_then(|d| d.parse::<u32>().ok()).filter(|d| (1..=31).contains(d)) {
        out.push_str(&format!("-{d:02}"));
    }
    Some(out)
}

/// `es-PE` / `pt_BR` / `EN` → `es` / `pt` / `en`.
pub(crate) fn primary_language(tag: &str) -> Option<String> {
    let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
    let ok = (2..=3).contains(&primary.len()) && primary.chars().all(|c| c.is_ascii_alphabetic());
    ok.then_some(primary)
}

/// Prefixes that introduce a byline in English, Spanish and Portuguese.
#[rustfmt::skip]
const BY_PREFIXES: &[&str] = &[
    "written by", "reporting by", "escrito por", "texto de", "texto:", "text:", "by:", "by ",
    "por:", "por ", "autor:", "autora:", "autores:", "author:", "authors:",
];

/// Splits a byline or author field into names.
///
/// Strips "By"/"Por", cuts trailing date/role parts at `|`, `•`, `·` or a
/// newline, splits on `and`/`y`/`e`/`&`/`;` and — when `split_commas` and
/// every part has two or more words — on commas (so `Doe, Jane` stays one
/// name). Parts that contain digits, `@`, or more than six words are dropped.
pub(crate) fn split_authors(raw: &str, split_commas: bool) -> Vec<String> {
    let cut = raw.split(['|', '•', '·', '\n', '—']).next().unwrap_or("");
    let mut s = collapse(cut);
    loop {
        let lower = s.to_lowercase();
        let Some(p) = BY_PREFIXES.iter().find(|p| lower.starts_with(**p)) else {
            break;
        };
        // Prefixes are ASCII, so the byte length is the same after lowercasing.
        s = s.get(p.len()..).unwrap_or("").trim().to_string();
    }
    let mut parts: Vec<String> = vec![s];
    for sep in [" and ", " y ", " e ", " & ", ";"] {
        parts = parts.iter().flat_map(|p| split_ci(p, sep)).collect();
    }
    if split_commas {
        parts = parts.iter().flat_map(|p| split_commas_if_names(p)).collect();
    }
    parts
        .into_iter()
        .map(|p| p.trim_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | '-')).to_string())
        .filter(|p| plausible_name(p))
        .collect()
}

/// Splits on `sep` ignoring ASCII case.
fn split_ci(s: &str, sep: &str) -> Vec<String> {
    let lower = s.to_ascii_lowercase();
    let mut out = Vec::new();
    let mut last = 0;
    for (i, _) in lower.match_indices(sep) {
        out.push(s.get(last..i).unwrap_or("").to_string());
        last = i + sep.len();
    }
    out.push(s.get(last..).unwrap_or("").to_string());
    out
}

/// `"Jane Doe, John Roe"` → two names; `"Doe, Jane"` → unchanged.
fn split_commas_if_names(s: &str) -> Vec<String> {
    let parts: Vec<&str> = s.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() > 1 && parts.iter().all(|p| p.split_whitespace().count() >= 2) {
        parts.into_iter().map(str::to_string).collect()
    } else {
        vec![s.to_string()]
    }
}

/// Rejects dates, e-mails, empty strings and sentences posing as names.
fn plausible_name(p: &str) -> bool {
    let words = p.split_whitespace().count();
    (1..=6).contains(&words)
        && p.chars().count() <= 80
        && p.chars().any(char::is_alphabetic)
        && !p.chars().any(|c| c.is_ascii_digit() || c == '@')
        && !p.to_ascii_lowercase().contains("http")
}

/// Title separators between headline and site name.
pub(crate) const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " » ", " : "];

/// Removes a leading or trailing site name from a title.
pub(crate) fn strip_site_suffix(title: &str, site: Option<&str>) -> String {
    let title = collapse(title);
    let Some(site) = site.map(collapse).filter(|s| !s.is_empty()) else {
        return title;
    };
    let folded_site = fold(&site);
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep)
            && fold(tail) == folded_site
            && !head.trim().is_empty()
        {
            return head.trim().to_string();
        }
        if let Some((head, tail)) = title.split_once(sep)
            && fold(head) == folded_site
            && !tail.trim().is_empty()
        {
            return tail.trim().to_string();
        }
    }
    title
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(iso_date_prefix("2024-03-05T10:00:00Z").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date_prefix("2024/3/5").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date_prefix("2024-03").as_deref(), Some("2024-03"));
        assert_eq!(iso_date_prefix("2024").as_deref(), Some("2024"));
        assert_eq!(iso_date_prefix("20240305").as_deref(), Some("2024-03-05"));
        assert_eq!(iso_date_prefix("2024-13-01").as_deref(), Some("2024"));
        assert_eq!(iso_date_prefix("05/03/2024"), None);
        assert_eq!(iso_date_prefix(""), None);
    }

    #[test]
    fn authors() {
        assert_eq!(split_authors("By Jane Doe and John Roe", true), vec!["Jane Doe", "John Roe"]);
        assert_eq!(split_authors("Por: María Pérez y Luis Soto", true), vec!["María Pérez", "Luis Soto"]);
        assert_eq!(split_authors("Doe, Jane", true), vec!["Doe, Jane"]);
        assert_eq!(split_authors("Ana Lima, Rui Costa e Bia Reis", true), vec!["Ana Lima", "Rui Costa", "Bia Reis"]);
        assert_eq!(split_authors("By Jane Doe | March 3, 2024", true), vec!["Jane Doe"]);
        assert!(split_authors("12 March 2024", true).is_empty());
    }

    #[test]
    fn titles_and_languages() {
        assert_eq!(strip_site_suffix("Cocaine routes | The Observer", Some("The Observer")), "Cocaine routes");
        assert_eq!(strip_site_suffix("A - B - Site", Some("site")), "A - B");
        assert_eq!(strip_site_suffix("Title only", None), "Title only");
        assert_eq!(primary_language("es-PE").as_deref(), Some("es"));
        assert_eq!(primary_language("pt_BR").as_deref(), Some("pt"));
        assert_eq!(primary_language("x"), None);
        assert!(nearly_equal("Cocaine routes", "Cocaine Routes!"));
        assert!(!nearly_equal("Cocaine routes", "Other"));
    }
}
