//! Header lines at the top of scraped text — breadcrumbs, author and title lines, date lines,
//! `Key: value` fields, institution and series names — become metadata and leave the body, so
//! extraction never reads a site name or a press-office letterhead as a sentence.
//!
//! The header is everything before the first body paragraph among the first lines; each of its
//! lines is then classified. When no body paragraph starts early, only leading breadcrumbs and
//! fields are taken, and the rest stays text.

use crate::model::Metadata;
use regex::Regex;
use std::collections::HashSet;
use std::sync::OnceLock;

/// How many non-blank leading lines may be header.
const MAX_HEADER_LINES: usize = 12;

const INSTITUTION_WORDS: &str = include_str!("../../../data/lang/institution-words.txt");

fn institution_words() -> &'static HashSet<String> {
    static SET: OnceLock<HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| {
        INSTITUTION_WORDS.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned).collect()
    })
}

struct Line<'a> {
    text: &'a str,
    /// Byte offset just past this line (and its newline).
    end: usize,
    /// Index of the blank-line-separated block it belongs to.
    block: usize,
}

/// Split `text` into metadata and the body that follows the header lines.
pub fn split_header(text: &str) -> (Metadata, &str) {
    let lines = leading_lines(text);
    let mut meta = Metadata::default();
    let body_at = (0..lines.len()).find(|&i| starts_body(&lines, i));
    let header_len = match body_at {
        Some(i) => i,
        None => header_block(&lines)
            .unwrap_or_else(|| lines.iter().take_while(|l| breadcrumb(l.text).is_some() || field(l.text).is_some()).count()),
    };
    let body = if header_len == 0 {
        text
    } else {
        classify(&lines[..header_len], &mut meta);
        text[lines[header_len - 1].end..].trim_start()
    };
    if meta.published.is_none() {
        meta.published = dateline(body);
    }
    (meta, body)
}

/// The date of a wire story's dateline, which opens its first paragraph: "BOGOTÁ, 14 de marzo de
/// 2024 (Reuters) - Las autoridades …", "Lima, 3 March 2024 — Police …". The place is a few
/// capitalised words, the date has a month and a year (a dateline without a year, "Jan 6", tells
/// none), and a dash closes it, after the agency in parentheses if one is named. The text keeps it:
/// its place and date are the story's.
fn dateline(body: &str) -> Option<String> {
    // The place: a few capitalised words, a country or state after a comma allowed ("ANTWERP,
    // Belgium,"), then the comma before the date.
    const PLACE: &str = r"^\p{Lu}[\p{L}'’.]*(?:[ -][\p{L}'’.]+){0,3}(?:, \p{Lu}[\p{L}.]*(?: \p{L}[\p{L}.]*){0,2})?,\s+";
    static DATELINE: OnceLock<Regex> = OnceLock::new();
    let re = DATELINE.get_or_init(|| {
        Regex::new(&format!(r"{PLACE}([^()\n–—-]{{2,30}}?\b(?:1[89]|20)\d\d)\s*(?:\([^()\n]{{2,30}}\)\s*)?\.?\s*(?:-{{1,2}}|–|—)\s"))
            .expect("static regex")
    });
    if let Some(date) = re.captures(body).and_then(|c| c.get(1)) {
        return crate::dates::iso_prefix(date.as_str()).filter(|iso| iso.len() > 4);
    }
    // Press releases and reports close the dateline with a period instead: "Bogotá, 10 de
    // abril de 2025. La crisis …". A period also ends sentences, so the date must be whole
    // (a day, a month and a year) and open with its day or its month.
    static DATELINE_PERIOD: OnceLock<Regex> = OnceLock::new();
    let re = DATELINE_PERIOD.get_or_init(|| {
        Regex::new(&format!(r"{PLACE}([\d\p{{Lu}}][^()\n–—-]{{1,29}}?\b(?:1[89]|20)\d\d)\.\s+\p{{Lu}}")).expect("static regex")
    });
    let date = re.captures(body)?.get(1)?.as_str();
    crate::dates::iso_prefix(date).filter(|iso| iso.len() == 10)
}

/// With no body paragraph among the first lines (a short note, a one-line brief), a first block
/// made only of header lines — a title, a byline, a `Key: value` field — with a date or field
/// among them is still the header when text follows it: "Informe\nFecha: 3 de mayo\n\nUna frase."
fn header_block(lines: &[Line]) -> Option<usize> {
    let first = lines.first()?.block;
    let len = lines.iter().take_while(|l| l.block == first).count();
    let dated = lines[..len].iter().any(|l| date_line(l.text).is_some() || field(l.text).is_some());
    let all_header = lines[..len].iter().all(|l| {
        breadcrumb(l.text).is_some()
            || field(l.text).is_some()
            || date_line(l.text).is_some()
            || byline(l.text).is_some()
            || is_title_like(l.text)
            || (!l.text.contains(' ') && l.text.starts_with(char::is_uppercase))
    });
    (dated && all_header && len < lines.len()).then_some(len)
}

fn leading_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut offset = 0;
    let mut block = 0;
    for raw in text.split_inclusive('\n') {
        offset += raw.len();
        let l = raw.trim();
        if l.is_empty() {
            block += 1;
            continue;
        }
        out.push(Line { text: l, end: offset, block });
        if out.len() >= MAX_HEADER_LINES {
            break;
        }
    }
    out
}

/// Line `i` begins the body: it is a sentence-like paragraph by itself, or the first line of a
/// hard-wrapped paragraph whose lines together are one.
fn starts_body(lines: &[Line], i: usize) -> bool {
    let l = lines[i].text;
    if is_body(l) {
        return true;
    }
    if l.len() < 40 || breadcrumb(l).is_some() || field(l).is_some() || byline(l).is_some() || date_line(l).is_some() {
        return false;
    }
    let block: Vec<&str> = lines[i..].iter().take_while(|x| x.block == lines[i].block).map(|x| x.text).collect();
    // A wrapped line runs on into the next: mid-sentence break, not a new header line.
    let runs_on =
        block.get(1).is_some_and(|next| next.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) || l.ends_with([',', '-']));
    runs_on && is_body(&block.join(" "))
}

/// A body paragraph: a long sentence or paragraph. A closing quote ends a sentence only after
/// sentence punctuation, since titles often end in a quotation ("préstamos “gota a gota”").
fn is_body(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let unquoted = text.trim_end_matches(['"', '”', '’', '»']);
    let sentence_end =
        if unquoted.len() < text.len() { unquoted.ends_with(['.', '!', '?']) } else { text.ends_with(['.', '!', '?', ':', ')']) };
    // Headlines end without a full stop: a line of eight words or more that ends with one is a
    // sentence (a one-sentence lede), not a title.
    let full_stop = text.ends_with('.') && !text.ends_with("..");
    text.len() > 320 || (words >= 14 && sentence_end) || (words >= 8 && full_stop)
}

fn classify(lines: &[Line], meta: &mut Metadata) {
    let mut others: Vec<&str> = Vec::new();
    let mut title_candidates: Vec<&str> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let l = line.text;
        if let Some(parts) = breadcrumb(l) {
            take_breadcrumb(&parts, meta);
        } else if let Some((key, value)) = field(l).filter(|(k, v)| take_field(k, v, meta)) {
            let _ = (key, value);
        } else if let Some(names) = byline(l).filter(|_| meta.authors.is_empty()) {
            meta.authors = names;
        } else if let Some(date) = date_line(l) {
            refine_date(meta, date);
        } else if let Some(names) = person_list(l).filter(|_| meta.authors.is_empty() && near_title_or_date(lines, i)) {
            meta.authors = names;
        } else if is_title_like(l) {
            title_candidates.push(l);
        } else {
            others.push(l);
        }
    }
    if meta.title.is_none() {
        meta.title = best_title(&title_candidates).map(|t| t.trim_start_matches('#').trim().to_owned());
    }
}

/// Keep the first date found, unless a later one is the same date more precisely ("2023" → "2023-10-19").
fn refine_date(meta: &mut Metadata, date: String) {
    match &meta.published {
        Some(have) if !(date.len() > have.len() && date.starts_with(have.as_str())) => {}
        _ => meta.published = Some(date),
    }
}

/// An author line sits next to the title, a byline or a date line, not alone among letterheads.
fn near_title_or_date(lines: &[Line], i: usize) -> bool {
    let near =
        |j: usize| lines.get(j).is_some_and(|l| (is_title_like(l.text) && institution_share(l.text) < 0.5) || date_line(l.text).is_some());
    near(i + 1) || (i > 0 && near(i - 1))
}

/// The most title-like candidate: long, not a letterhead of institution words. Ties go to the first.
fn best_title<'a>(candidates: &[&'a str]) -> Option<&'a str> {
    let score = |l: &str| {
        let words = l.split_whitespace().count() as f64;
        words * (1.0 - institution_share(l)) - if is_shouting(l) { 100.0 } else { 0.0 }
    };
    let mut best: Option<(&str, f64)> = None;
    for &c in candidates {
        let s = score(c);
        if best.is_none_or(|(_, b)| s > b) {
            best = Some((c, s));
        }
    }
    best.map(|(c, _)| c)
}

fn words_of(l: &str) -> impl Iterator<Item = String> + '_ {
    l.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase)
}

fn institution_share(l: &str) -> f64 {
    let (mut n, mut inst) = (0, 0);
    for w in words_of(l) {
        n += 1;
        inst += usize::from(institution_words().contains(&w));
    }
    if n == 0 { 0.0 } else { inst as f64 * 3.0 / n as f64 }
}

/// Letterheads and kickers are often set in capitals ("FOR IMMEDIATE RELEASE").
fn is_shouting(l: &str) -> bool {
    let letters: Vec<char> = l.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
}

fn is_title_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    let starts_upper =
        line.trim_start_matches(['#', ' ', '"', '“', '¿', '¡']).chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    (2..=40).contains(&words) && line.len() <= 300 && starts_upper && !line.ends_with([',', ';'])
}

/// A short line that is mostly a date: "July 2024", "Tuesday, September 17, 2024",
/// "Publicado em 17/08/2023 14h32", "CÚCUTA, Colombia — 27 January 2025".
fn date_line(line: &str) -> Option<String> {
    if line.len() > 90 {
        return None;
    }
    if let Some(iso) = crate::dates::day_month_year(line) {
        return Some(iso);
    }
    let iso = crate::dates::iso_prefix(line)?;
    // A bare year inside a longer line is not a date line ("Regional Security Brief No. 17, 2024").
    let has_month = iso.len() > 4;
    let words = line.split_whitespace().count();
    (has_month || words <= 2).then_some(iso)
}

fn breadcrumb(line: &str) -> Option<Vec<String>> {
    if line.len() > 300 {
        return None;
    }
    for sep in ['»', '›', '>', '|', '/'] {
        let count = line.matches(sep).count();
        let spaced = line.matches(&format!(" {sep} ")).count();
        let enough = if matches!(sep, '»' | '›') { count >= 1 } else { spaced >= 2 };
        if enough {
            let parts: Vec<String> = line.split(sep).map(|p| p.trim().to_owned()).filter(|p| !p.is_empty()).collect();
            if parts.len() >= 2 && parts.iter().all(|p| p.split_whitespace().count() <= 12) {
                return Some(parts);
            }
        }
    }
    None
}

fn re(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("static regex"))
}

fn take_breadcrumb(parts: &[String], meta: &mut Metadata) {
    static VOL: OnceLock<Regex> = OnceLock::new();
    static NUM: OnceLock<Regex> = OnceLock::new();
    static YEAR: OnceLock<Regex> = OnceLock::new();
    let vol = re(&VOL, r"(?i)\b(?:vol(?:ume)?|v)\.?\s*(\d+)");
    let num = re(&NUM, r"(?i)\b(?:no|nos|n[º°o]|num|núm|number|número|issue)\.?\s*(\d+)");
    let year = re(&YEAR, r"\b(1[89]\d\d|20\d\d)\b");
    let generic = ["home", "inicio", "início", "portada", "news", "noticias", "notícias", "análisis", "análise", "analysis"];
    for (i, part) in parts.iter().enumerate() {
        let v = vol.captures(part).map(|c| c[1].to_owned());
        let n = num.captures(part).map(|c| c[1].to_owned());
        if v.is_some() || n.is_some() {
            meta.volume = meta.volume.take().or(v);
            meta.number = meta.number.take().or(n);
            if meta.venue.is_none() && i > 0 {
                meta.venue = Some(parts[i - 1].clone());
            }
        }
        if let Some(y) = year.captures(part) {
            meta.published.get_or_insert_with(|| y[1].to_owned());
        }
    }
    if meta.site.is_none() && !generic.contains(&parts[0].to_lowercase().as_str()) && meta.venue.as_deref() != Some(&parts[0]) {
        meta.site = Some(parts[0].clone());
    }
}

fn field(line: &str) -> Option<(String, &str)> {
    let (key, value) = line.split_once(':')?;
    let key = key.trim().to_lowercase();
    (key.split_whitespace().count() <= 2 && !value.trim().is_empty()).then(|| (key, value.trim()))
}

/// Record a known field; `false` for keys that are not metadata ("Contact: ...").
fn take_field(key: &str, value: &str, meta: &mut Metadata) -> bool {
    match key {
        "title" | "título" | "titulo" => meta.title = Some(value.to_owned()),
        "author" | "authors" | "autor" | "autora" | "autores" | "by" | "por" => meta.authors = split_names(value),
        "date" | "fecha" | "data" | "published" | "publicado" | "publicação" => meta.published = crate::dates::iso_prefix(value),
        "journal" | "venue" | "revista" | "publication" => meta.venue = Some(value.to_owned()),
        "source" | "fuente" | "fonte" | "site" => meta.site = Some(value.to_owned()),
        _ => return false,
    }
    true
}

/// "By Jane Doe and John Roe", "Por: Ana Pérez", "*By Daniel Okafor*".
fn byline(line: &str) -> Option<Vec<String>> {
    let l = line.trim_matches(['*', '_', ' ']);
    let lower = l.to_lowercase();
    let rest = ["by ", "por: ", "por ", "de "].iter().find_map(|p| lower.starts_with(p).then(|| &l[p.len()..]))?;
    person_list(rest.trim())
}

/// Name particles that may stand lower-case inside a person's name (`data/lang/name-particles.txt`).
fn particle(w: &str) -> bool {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS
        .get_or_init(|| {
            include_str!("../../../data/lang/name-particles.txt")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        })
        .contains(w)
}

/// People named on a line, allowing a trailing affiliation ("Jonathan Reyes, Central America Program").
fn person_list(line: &str) -> Option<Vec<String>> {
    if line.len() > 120
        || line.chars().any(|c| c.is_ascii_digit())
        || (line.ends_with(['.', '!', '?']) && !ends_with_initial(line))
        || is_shouting(line)
    {
        return None;
    }
    let names = split_names(line);
    let people: Vec<String> = names.iter().take_while(|n| is_person_name(n)).cloned().collect();
    let rest_is_affiliation = names[people.len()..].iter().all(|n| institution_share(n) > 0.0);
    (!people.is_empty() && rest_is_affiliation).then_some(people)
}

fn ends_with_initial(line: &str) -> bool {
    line.rsplit(' ').next().is_some_and(|w| w.len() <= 3 && w.ends_with('.'))
}

fn split_names(value: &str) -> Vec<String> {
    value
        .split([';', ','])
        .flat_map(|p| p.split(" and ").flat_map(|q| q.split(" y ")).flat_map(|q| q.split(" e ")))
        .map(|n| n.trim().trim_matches(['*', '_']).to_owned())
        .filter(|n| !n.is_empty())
        .collect()
}

fn is_person_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    if !(2..=6).contains(&words.len()) || institution_share(name) > 0.0 {
        return false;
    }
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    words.iter().all(|w| {
        let first = w.chars().next().is_some_and(char::is_uppercase);
        let initial = first && w.len() <= 3 && w.ends_with('.');
        let word =
            first && w.chars().skip(1).all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’') || c.is_uppercase() && w.contains('-'));
        initial || word || particle(w)
    }) && capitalised >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "In September, 2014, the anti-drug command of the Peruvian National Police seized 7.6 metric tons of cocaine.";

    #[test]
    fn author_then_title_then_body() {
        let t = format!(
            "R. Evan Ellis\nThe Evolving Transnational Crime-Terrorism Nexus in Peru and its Strategic Relevance for the U.S. and the Region\n\n{BODY}"
        );
        let (m, body) = split_header(&t);
        assert_eq!(m.authors, ["R. Evan Ellis"]);
        assert!(m.title.as_deref().unwrap().starts_with("The Evolving Transnational"));
        assert_eq!(body, BODY);
    }

    #[test]
    fn a_short_lede_sentence_is_body_not_title() {
        // A one-sentence first paragraph ends with a full stop; a headline does not.
        let t = format!("Police seized three tonnes of cocaine in Guayaquil on Monday.\n\n{BODY}");
        let (m, body) = split_header(&t);
        assert_eq!(m.title, None);
        assert!(body.starts_with("Police seized"), "{body}");
        let t = format!("Police seize three tonnes of cocaine in Guayaquil\n\n{BODY}");
        let (m, body) = split_header(&t);
        assert_eq!(m.title.as_deref(), Some("Police seize three tonnes of cocaine in Guayaquil"));
        assert_eq!(body, BODY);
    }

    #[test]
    fn reading_room_breadcrumb() {
        let t = format!("Журнальный клуб Интелрос » PRISM » Vol. 5, No 4. 2015\n{BODY}");
        let (m, body) = split_header(&t);
        assert_eq!(m.site.as_deref(), Some("Журнальный клуб Интелрос"));
        assert_eq!(m.venue.as_deref(), Some("PRISM"));
        assert_eq!((m.volume.as_deref(), m.number.as_deref(), m.published.as_deref()), (Some("5"), Some("4"), Some("2015")));
        assert_eq!(body, BODY);
    }

    #[test]
    fn fields_and_bylines() {
        let (m, body) = split_header(
            "Título: Rutas del Pacífico\nPor: Ana Pérez y Luis Gómez\nFecha: 14 de marzo de 2023\n\nLa Policía Nacional incautó dos toneladas de cocaína en el puerto del Callao esta semana, según fuentes oficiales.",
        );
        assert_eq!(m.title.as_deref(), Some("Rutas del Pacífico"));
        assert_eq!(m.authors, ["Ana Pérez", "Luis Gómez"]);
        assert_eq!(m.published.as_deref(), Some("2023-03-14"));
        assert!(body.starts_with("La Policía"));
    }

    #[test]
    fn press_release_letterhead() {
        let t = format!(
            "U.S. DEPARTMENT OF JUSTICE\nOffice of Public Affairs\n\nFOR IMMEDIATE RELEASE\nTuesday, September 17, 2024\n\nSeven Members of a Cartel Faction Charged with Trafficking Conspiracy\n\n{BODY}"
        );
        let (m, body) = split_header(&t);
        assert_eq!(m.title.as_deref(), Some("Seven Members of a Cartel Faction Charged with Trafficking Conspiracy"));
        assert_eq!(m.published.as_deref(), Some("2024-09-17"));
        assert!(m.authors.is_empty(), "{:?}", m.authors);
        assert_eq!(body, BODY);
    }

    #[test]
    fn institution_lines_are_not_authors_and_affiliations_are_dropped() {
        let t = format!(
            "Ministério Público Federal\nProcuradoria da República no Paraná\n\nMPF denuncia 14 pessoas por lavagem de dinheiro do tráfico\n\n{BODY}"
        );
        let (m, _) = split_header(&t);
        assert!(m.authors.is_empty(), "{:?}", m.authors);
        assert_eq!(m.title.as_deref(), Some("MPF denuncia 14 pessoas por lavagem de dinheiro do tráfico"));
        let t = format!(
            "The Isthmus as Warehouse\n\nRegional Security Brief No. 17\nJonathan Reyes-Whitfield, Central America Program\nJuly 2024\n\n{BODY}"
        );
        let (m, _) = split_header(&t);
        assert_eq!(
            (m.title.as_deref(), m.authors.as_slice(), m.published.as_deref()),
            (Some("The Isthmus as Warehouse"), &["Jonathan Reyes-Whitfield".to_owned()][..], Some("2024-07"))
        );
    }

    #[test]
    fn hard_wrapped_body_after_a_dateline() {
        let t = "Home » World » Crime » 2023\n\nPolice find 8 tonnes of cocaine at port of Antwerp\n\nANTWERP, Belgium, 19 October 2023 (Meridian Wire) --\n\nBelgian investigators have seized 8,000 kilograms of cocaine hidden in\nbanana containers that arrived from Ecuador, the federal prosecutor's\noffice said on Thursday.\n";
        let (m, body) = split_header(t);
        assert_eq!(m.title.as_deref(), Some("Police find 8 tonnes of cocaine at port of Antwerp"));
        assert_eq!(m.published.as_deref(), Some("2023-10-19"));
        assert!(body.starts_with("Belgian investigators"), "{body}");
    }

    #[test]
    fn a_header_block_before_a_short_body() {
        let (m, body) = split_header("Informe semanal\nFecha: 15 de mayo de 2024\n\nLa Armada incautó 300 kilos.");
        assert_eq!((m.title.as_deref(), m.published.as_deref()), (Some("Informe semanal"), Some("2024-05-15")));
        assert_eq!(body, "La Armada incautó 300 kilos.");
        let (m, body) = split_header("Port brief\n12 March 2024\n\nPolice seized 2 tons.\n\nThe navy helped.");
        assert_eq!((m.title.as_deref(), m.published.as_deref()), (Some("Port brief"), Some("2024-03-12")));
        assert_eq!(body, "Police seized 2 tons.\n\nThe navy helped.");
        let (m, body) = split_header("Relatório\nData: 26/06/2024\n\nA PF prendeu dois suspeitos.");
        assert_eq!((m.published.as_deref(), body), (Some("2024-06-26"), "A PF prendeu dois suspeitos."));
        // Nothing follows the block: it is the text itself.
        let t = "Port brief\n12 March 2024";
        assert_eq!(split_header(t).1, t);
    }

    #[test]
    fn a_wire_dateline_opening_the_body_dates_the_story() {
        let cases = [
            ("BOGOTÁ, 14 de marzo de 2024 (Reuters) - Las autoridades incautaron 14 toneladas de cocaína.", Some("2024-03-14")),
            ("MEXICO CITY, March 5, 2023 — Mexican authorities arrested a cartel leader on Thursday.", Some("2023-03-05")),
            ("São Paulo, 12 de março de 2024 (AFP) -- A Polícia Federal prendeu 18 suspeitos.", Some("2024-03-12")),
            ("ANTWERP, Belgium, 19 October 2023 - Belgian investigators seized cocaine.", Some("2023-10-19")),
            // No year: the dateline dates nothing.
            ("MEXICO CITY, Jan 6 (Reuters) - Mexican security forces arrested him on Thursday.", None),
            // A sentence that opens with a place and a date is no dateline.
            ("Colombia, in 2023, produced more cocaine than ever, the agency said in a report on Monday.", None),
            ("In Lima, on 3 March 2024, police seized 2 tons - the largest haul this year.", None),
            // A period closes a press release's dateline, when the date is whole.
            ("Bogotá, 10 de abril de 2025. La crisis humanitaria en el Catatumbo se agravó.", Some("2025-04-10")),
            ("WASHINGTON, May 16, 2024. The Treasury sanctioned four companies.", Some("2024-05-16")),
            ("Colombia, in March 2024. Then the talks failed.", None),
            ("In Lima, on 3 March 2024. Police seized 2 tons.", None),
        ];
        for (text, want) in cases {
            let (m, body) = split_header(text);
            assert_eq!(m.published.as_deref(), want, "{text}");
            assert_eq!(body, text, "the dateline stays in the text");
        }
    }

    #[test]
    fn plain_body_is_untouched() {
        let t = "Colombian police seized cocaine in Buenaventura on Tuesday, officials said in a statement.\nMore follows.";
        let (m, body) = split_header(t);
        assert_eq!(m, Metadata::default());
        assert_eq!(body, t);
    }

    #[test]
    fn a_short_first_sentence_is_not_lost() {
        let t = "Cocaine seizures rose.\n\nPolice in Guayaquil said the port handled most of the shipments seized this year in Ecuador.";
        let (m, body) = split_header(t);
        assert!(body.ends_with("in Ecuador.") && (body.starts_with("Cocaine") || m.title.as_deref() == Some("Cocaine seizures rose.")));
    }
}
