//! Removal of page furniture: running headers, running footers and page numbers.
//!
//! Only the rows nearest the top and bottom edge of each page are candidates. A candidate is
//! removed when it is a page number on its own, or when its text, with digits normalised,
//! recurs among the candidates of at least half of the pages (and on two or more pages).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::rows::Row;

/// How many rows at each edge of a page may be furniture (header + sub-header, footer +
/// page number).
const EDGE_ROWS: usize = 2;

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^
        (?: (?:page|p[aá]g(?:ina|\.)?|p\.|seite|pagina) \s* )?
        [-–—(\[]? \s* (?:\d{1,4}|[ivxlc]{1,7}) \s* [-–—)\]]?
        (?: \s* (?:of|de|/|\||sur|di) \s* \d{1,4} )?
        $",
    )
    .expect("valid regex")
});

/// Is this row text a bare page number ("3", "- 3 -", "Page 3", "Página 3 de 9", "3/9", "iv")?
pub(crate) fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text.trim())
}

/// Key under which repeated furniture is recognised: lowercase, digits folded to '#',
/// whitespace collapsed ("InSight Report — page 3 of 9" ≡ "… page 4 of 9").
fn furniture_key(text: &str) -> String {
    let folded: String = text.chars().map(|c| if c.is_ascii_digit() { '#' } else { c }).flat_map(char::to_lowercase).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Indices of candidate rows on a page: the first and last [`EDGE_ROWS`].
fn edge_indices(rows: &[Row]) -> Vec<usize> {
    let n = rows.len();
    let mut idx: Vec<usize> = (0..n.min(EDGE_ROWS)).collect();
    idx.extend(n.saturating_sub(EDGE_ROWS).max(EDGE_ROWS.min(n))..n);
    idx
}

/// Removes furniture rows from every page in place.
pub(crate) fn remove_running_elements(pages: &mut [Vec<Row>]) {
    let texts: Vec<Vec<(usize, String)>> =
        pages.iter().map(|rows| edge_indices(rows).into_iter().map(|i| (i, rows[i].text())).collect()).collect();

    let mut pages_with_key: HashMap<String, usize> = HashMap::new();
    for page in &texts {
        let mut keys: Vec<String> = page.iter().map(|(_, t)| furniture_key(t)).collect();
        keys.sort();
        keys.dedup();
        for key in keys {
            *pages_with_key.entry(key).or_default() += 1;
        }
    }
    let pages_with_text = pages.iter().filter(|p| !p.is_empty()).count();
    let recurring = |key: &str| pages_with_key.get(key).is_some_and(|&count| count >= 2 && count * 2 >= pages_with_text);

    for (rows, candidates) in pages.iter_mut().zip(&texts) {
        let doomed: Vec<usize> =
            candidates.iter().filter(|(_, text)| is_page_number(text) || recurring(&furniture_key(text))).map(|(i, _)| *i).collect();
        let mut index = 0;
        rows.retain(|_| {
            let keep = !doomed.contains(&index);
            index += 1;
            keep
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glyphs::Glyph;

    #[test]
    fn page_number_forms() {
        for s in ["3", "- 3 -", "Page 3", "Página 3", "Página 3 de 9", "3/9", "page 12 of 40", "iv", "— 7 —", "Pág. 4"] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2022 was a record year", "Page three", "Capítulo 3: Rutas"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    fn row(text: &str, y: f64) -> Row {
        Row { y, glyphs: vec![Glyph { x: 0.0, y, width: 1.0, size: 10.0, text: text.into() }] }
    }

    const WORDS: [&str; 10] = ["", "Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India"];

    #[test]
    fn recurring_headers_with_changing_numbers_are_removed() {
        let mut pages: Vec<Vec<Row>> = (1..=3)
            .map(|n| {
                vec![
                    row(&format!("InSight Report — page {n} of 3"), 800.0),
                    row(&format!("{} opens page", WORDS[n]), 700.0),
                    row(&format!("{} fills page", WORDS[n + 3]), 690.0),
                    row(&format!("{} ends page", WORDS[n + 6]), 680.0),
                    row(&format!("{n}"), 40.0),
                ]
            })
            .collect();
        remove_running_elements(&mut pages);
        for (i, page) in pages.iter().enumerate() {
            let texts: Vec<String> = page.iter().map(Row::text).collect();
            let n = i + 1;
            assert_eq!(
                texts,
                vec![format!("{} opens page", WORDS[n]), format!("{} fills page", WORDS[n + 3]), format!("{} ends page", WORDS[n + 6])]
            );
        }
    }
}
