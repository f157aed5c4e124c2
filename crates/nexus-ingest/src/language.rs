//! Which language a document is in. whatlang knows ~70 languages, so a Russian or French text is
//! named as such rather than forced into English, Spanish or Portuguese.

use crate::model::Language;
use std::collections::HashMap;
use std::sync::OnceLock;

const FUNCTION_WORDS: &str = include_str!("../../../data/lang/function-words.tsv");
/// The languages of the fast path, as (ISO 639-1, English name).
const FAST: [(&str, &str); 3] = [("en", "English"), ("es", "Spanish"), ("pt", "Portuguese")];
/// The fast path decides English only when this share of the sample's words are English
/// function words (the demo corpus's English documents: 0.26–0.40)...
const MIN_COVERAGE: f64 = 0.22;
/// ...and they outnumber the Spanish or Portuguese ones this many times (those documents: 5×+).
/// Spanish and Portuguese never take the fast path: Catalan scores 0.43 on the Spanish list and
/// Galician would on the Portuguese one, so telling them apart is whatlang's job.
const MIN_MARGIN: f64 = 4.0;

/// About a hundred words: enough to tell the languages apart; more costs time (whatlang is the
/// most expensive step of converting a plain-text document).
const SAMPLE_BYTES: usize = 640;
/// Below this many letters the guess is noise.
const MIN_LETTERS: usize = 20;

pub fn identify(text: &str) -> Language {
    let mut end = text.len().min(SAMPLE_BYTES);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    if sample.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS {
        return Language::undetermined();
    }
    if let Some(lang) = by_function_words(sample) {
        return lang;
    }
    let Some(info) = whatlang::detect(sample) else { return Language::undetermined() };
    if !info.is_reliable() && info.confidence() < 0.5 {
        return Language::undetermined();
    }
    let lang = info.lang();
    let code = isolang::Language::from_639_3(lang.code()).and_then(|l| l.to_639_1()).map_or_else(|| lang.code().to_owned(), str::to_owned);
    Language { code, name: lang.eng_name().to_owned(), confidence: info.confidence() }
}

/// Bit `i` set when a word is a function word of `FAST[i]`.
fn function_words() -> &'static HashMap<String, u8> {
    static MAP: OnceLock<HashMap<String, u8>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in FUNCTION_WORDS.lines().filter(|l| !l.starts_with('#')) {
            let Some((lang, words)) = line.split_once('\t') else { continue };
            let Some(bit) = FAST.iter().position(|(code, _)| *code == lang.trim()) else { continue };
            for w in words.split_whitespace() {
                *map.entry(w.to_owned()).or_insert(0u8) |= 1 << bit;
            }
        }
        map
    })
}

/// English when its function words leave no doubt; `None` otherwise.
fn by_function_words(sample: &str) -> Option<Language> {
    let table = function_words();
    let mut counts = [0usize; FAST.len()];
    let mut words = 0usize;
    let mut lower = String::new();
    for w in sample.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if let Some(&bits) = table.get(lower.as_str()) {
            for (i, c) in counts.iter_mut().enumerate() {
                *c += usize::from(bits & (1 << i) != 0);
            }
        }
    }
    let mut order: Vec<usize> = (0..FAST.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(counts[i]));
    let (best, second) = (counts[order[0]] as f64, counts[order[1]] as f64);
    if order[0] != 0 || words < 30 || best < MIN_COVERAGE * words as f64 || best < MIN_MARGIN * second {
        return None;
    }
    let (code, name) = FAST[order[0]];
    Some(Language { code: code.to_owned(), name: name.to_owned(), confidence: (best / words as f64 * 2.0).min(1.0) })
}

#[cfg(test)]
mod tests {
    use super::{by_function_words, identify};

    #[test]
    fn the_three_languages_and_another() {
        let en = identify("Peruvian police seized more than seven tons of cocaine hidden in blocks of coal bound for Spain and Belgium.");
        let es = identify(
            "La Policía Nacional del Perú incautó más de siete toneladas de cocaína ocultas en bloques de carbón con destino a España.",
        );
        let pt = identify(
            "A Polícia Federal apreendeu mais de duas toneladas de cocaína escondidas em contêineres de açúcar no porto de Santos.",
        );
        let ru = identify("Журнальный клуб Интелрос публикует статьи о безопасности и организованной преступности в Латинской Америке.");
        assert_eq!([en.code, es.code, pt.code, ru.code], ["en", "es", "pt", "ru"]);
        assert_eq!(identify("12 34 !!").code, "und");
    }

    #[test]
    fn fast_path_decides_english_and_leaves_the_rest_to_whatlang() {
        let es = "La Policía Nacional del Perú incautó más de dos toneladas de cocaína en el puerto del Callao. La droga iba a ser enviada hacia Amberes y Valencia, según informó la institución, que coordinó la operación con la fiscalía y con la DEA. Los detenidos fueron trasladados a Lima.";
        let pt = "A Polícia Federal apreendeu cerca de duas toneladas de cocaína no Porto de Santos. A carga seria enviada para Antuérpia e Roterdã, segundo a investigação, que contou com o apoio da Receita Federal. Os presos não quiseram falar com a imprensa sobre o caso.";
        let en = "Police in Ecuador said the port of Guayaquil remains the main exit for cocaine bound for Europe, and that gangs have fought over the docks for years. Officials added that the shipments were hidden in banana containers and that two of the suspects were arrested.";
        let fr = "La police nationale a saisi plus de deux tonnes de cocaïne dans le port du Havre. La drogue était cachée dans des conteneurs de bananes en provenance de l'Équateur, selon le parquet, qui a ouvert une enquête pour trafic de stupéfiants et association de malfaiteurs.";
        let it = "La polizia ha sequestrato più di due tonnellate di cocaina nel porto di Gioia Tauro. La droga era nascosta in container di banane provenienti dall'Ecuador, secondo la procura, che ha aperto un'indagine sulla 'ndrangheta e sui suoi contatti in Sud America.";
        let ca = "La policia ha comissat més de dues tones de cocaïna al port de Barcelona. La droga estava amagada en contenidors de plàtans que venien de l'Equador, segons la fiscalia, que ha obert una investigació sobre la xarxa i els seus contactes a Amèrica del Sud.";
        assert_eq!(by_function_words(en).map(|l| l.code).as_deref(), Some("en"));
        for other in [es, pt, fr, it, ca] {
            assert_eq!(by_function_words(other).map(|l| l.code), None, "{other}");
        }
        let codes: Vec<String> = [es, pt, fr, it, ca].iter().map(|t| identify(t).code).collect();
        assert_eq!(codes, ["es", "pt", "fr", "it", "ca"]);
    }
}
