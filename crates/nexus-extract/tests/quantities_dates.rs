//! Quantities and dates: the seed documents, table-driven cases in English, Spanish and
//! Portuguese, negative cases, and properties of the spans on arbitrary input.

use nexus_extract::dates::{DateMention, Precision, find_dates};
use nexus_extract::quantities::{Bound, Quantity, find_quantities};
use proptest::prelude::*;
use std::path::Path;

fn shared() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn check_spans_q(text: &str, qs: &[Quantity]) {
    let mut last = 0;
    for q in qs {
        assert!(q.start >= last, "sorted, non-overlapping: {qs:?}");
        assert_eq!(&text[q.start..q.end], q.text);
        if let Some((s, e)) = q.measured {
            assert!(text.is_char_boundary(s) && text.is_char_boundary(e) && s <= e);
        }
        last = q.end;
    }
}

fn check_spans_d(text: &str, ds: &[DateMention]) {
    let mut last = 0;
    for d in ds {
        assert!(d.start >= last, "sorted, non-overlapping: {ds:?}");
        assert_eq!(&text[d.start..d.end], d.text);
        last = d.end;
    }
}

// ---------------------------------------------------------------- seeds

fn seed_texts() -> Option<Vec<(String, String)>> {
    let dir = shared().join("seeds");
    let mut out = Vec::new();
    for seed in ["000_8f26218114197296.txt", "001_2ab8909efb0e4c04.txt"] {
        let Ok(bytes) = std::fs::read(dir.join(seed)) else {
            eprintln!("SKIPPED: ../shared/seeds/{seed} is not beside the checkout");
            return None;
        };
        let raw = String::from_utf8(bytes.clone()).unwrap();
        out.push((format!("{seed} (raw)"), raw));
        // The text extraction reads: footnote marks blanked by nexus-ingest.
        let doc = nexus_ingest::convert(&bytes, seed, None).unwrap();
        out.push((format!("{seed} (extraction)"), doc.extraction_text().to_string()));
    }
    Some(out)
}

#[test]
fn seed_quantities_are_exactly_the_gold_ones() {
    let Some(texts) = seed_texts() else { return };
    for (name, text) in texts {
        let qs = find_quantities(&text);
        check_spans_q(&text, &qs);
        assert_eq!(qs.len(), 2, "{name}: {qs:#?}");
        let a = &qs[0];
        assert_eq!((a.text.as_str(), a.value, a.unit.as_str(), a.bound), ("7.6 metric tons", 7600.0, "kg", Bound::Exact), "{name}");
        assert_eq!(a.measured.map(|(s, e)| &text[s..e]), Some("cocaine"));
        let b = &qs[1];
        assert_eq!(
            (b.text.as_str(), b.value, b.unit.as_str(), b.bound),
            ("more than 200 tons of cocaine per year", 200000.0, "kg/yr", Bound::AtLeast),
            "{name}"
        );
        assert_eq!(b.measured.map(|(s, e)| &text[s..e]), Some("cocaine"));
    }
}

#[test]
fn seed_dates_are_exactly_the_gold_ones() {
    let Some(texts) = seed_texts() else { return };
    for (name, text) in texts {
        for reference in [None, Some("2015"), Some("2015-01-10")] {
            let ds = find_dates(&text, reference);
            check_spans_d(&text, &ds);
            let got: Vec<(&str, &str, Precision)> = ds.iter().map(|d| (d.text.as_str(), d.value.as_str(), d.precision)).collect();
            assert_eq!(
                got,
                vec![("September, 2014", "2014-09", Precision::Month), ("late 2014", "2014", Precision::Fuzzy)],
                "{name} with reference {reference:?}"
            );
        }
    }
}

// ---------------------------------------------------------------- quantities, table-driven

/// (text, expected: [(surface, value, unit, bound)]) — the expected list is the whole output.
/// (surface, value, unit, bound) expected in a sentence.
type QuantityCase = (&'static str, f64, &'static str, Bound);

const QUANTITIES: &[(&str, &[QuantityCase])] = &[
    // digits, both conventions
    ("DIRANDRO seized 7.6 metric tons of cocaine.", &[("7.6 metric tons", 7600.0, "kg", Bound::Exact)]),
    ("La PF apreendeu 1,9 tonelada de cocaína.", &[("1,9 tonelada", 1900.0, "kg", Bound::Exact)]),
    ("se incautó 1,2 toneladas de droga", &[("1,2 toneladas", 1200.0, "kg", Bound::Exact)]),
    ("officers found 2,146 kilos of cocaine", &[("2,146 kilos", 2146.0, "kg", Bound::Exact)]),
    ("incautó 2 146 kilos de clorhidrato de cocaína", &[("2 146 kilos", 2146.0, "kg", Bound::Exact)]),
    ("un área de 11 000 hectáreas", &[("11 000 hectáreas", 11000.0, "ha", Bound::Exact)]),
    ("deforestaron 3.500 hectáreas de bosque", &[("3.500 hectáreas", 3500.0, "ha", Bound::Exact)]),
    ("quedan 1.500 ha cultivadas de coca", &[("1.500 ha", 1500.0, "ha", Bound::Exact)]),
    ("ha dejado 1,400 desaparecidos en Sinaloa", &[("1,400 desaparecidos", 1400.0, "people", Bound::Exact)]),
    // "a year earlier" dates the amount; it is no rate
    ("CBP seized 27,000 pounds a year earlier", &[("27,000 pounds", 12246.99399, "kg", Bound::Exact)]),
    ("CBP seized 27,000 pounds a year", &[("27,000 pounds a year", 12246.99399, "kg/yr", Bound::Exact)]),
    ("El laboratorio tenía 1.412 kilos de clorhidrato", &[("1.412 kilos", 1412.0, "kg", Bound::Exact)]),
    ("seized 1,234.5 kg", &[("1,234.5 kg", 1234.5, "kg", Bound::Exact)]),
    ("incautaron 1.234,5 kg", &[("1.234,5 kg", 1234.5, "kg", Bound::Exact)]),
    ("a 500g packet and 5kg of heroin", &[("500g", 0.5, "kg", Bound::Exact), ("5kg", 5.0, "kg", Bound::Exact)]),
    ("some 300 pounds of marijuana", &[("some 300 pounds", 136.077711, "kg", Bound::Approx)]),
    ("They moved 2 short tons.", &[("2 short tons", 1814.36948, "kg", Bound::Exact)]),
    ("about 500 acres of coca", &[("about 500 acres", 202.34282, "ha", Bound::Approx)]),
    ("3.800 litros de sustancias químicas", &[("3.800 litros", 3800.0, "l", Bound::Exact)]),
    ("destruyó 2 400 galones de combustible", &[("2 400 galones", 9084.988, "l", Bound::Exact)]),
    ("cerca de 12 mil litros de combustível", &[("cerca de 12 mil litros", 12000.0, "l", Bound::Approx)]),
    // number words
    ("police seized two tons of cocaine", &[("two tons", 2000.0, "kg", Bound::Exact)]),
    ("la policía decomisó dos toneladas de marihuana", &[("dos toneladas", 2000.0, "kg", Bound::Exact)]),
    ("a PF apreendeu duas toneladas de maconha", &[("duas toneladas", 2000.0, "kg", Bound::Exact)]),
    ("twenty-five kilograms of heroin", &[("twenty-five kilograms", 25.0, "kg", Bound::Exact)]),
    ("treinta y dos kilos de cocaína", &[("treinta y dos kilos", 32.0, "kg", Bound::Exact)]),
    ("vinte e cinco quilos de cocaína", &[("vinte e cinco quilos", 25.0, "kg", Bound::Exact)]),
    ("two hundred kilos", &[("two hundred kilos", 200.0, "kg", Bound::Exact)]),
    ("a dozen containers", &[("a dozen containers", 12.0, "count", Bound::Exact)]),
    // Vague magnitudes carry no citable figure.
    ("hundreds of kilos of cocaine", &[]),
    ("miles de personas fueron desplazadas", &[]),
    ("several hundred troops", &[]),
    ("dezenas de toneladas de drogas por ano", &[]),
    // multipliers and money
    ("2 mil kilos de cocaína", &[("2 mil kilos", 2000.0, "kg", Bound::Exact)]),
    ("worth US$100 million", &[("US$100 million", 1e8, "USD", Bound::Exact)]),
    // "a" before a sign is the preposition, not the "A$" of Australian dollars.
    ("la dosis se vendía a $15.000", &[("$15.000", 15000.0, "USD", Bound::Exact)]),
    ("sells for A$250,000 in Sydney", &[("A$250,000", 250000.0, "AUD", Bound::Exact)]),
    ("superaría los US$ 100 millones", &[("superaría los US$ 100 millones", 1e8, "USD", Bound::AtLeast)]),
    // a half after the number or the unit
    ("they found two and a half tons of cocaine", &[("two and a half tons", 2500.0, "kg", Bound::Exact)]),
    ("la policía halló dos toneladas y media de marihuana", &[("dos toneladas y media", 2500.0, "kg", Bound::Exact)]),
    ("foram apreendidas duas toneladas e meia de maconha", &[("duas toneladas e meia", 2500.0, "kg", Bound::Exact)]),
    ("se incautaron dos millones y medio de dólares", &[("dos millones y medio de dólares", 2.5e6, "USD", Bound::Exact)]),
    ("laundered two and a half million dollars", &[("two and a half million dollars", 2.5e6, "USD", Bound::Exact)]),
    ("a las dos y media de la tarde llegó el barco", &[]),
    // hyphenated, as headlines and wires write it; other compounds stay words
    ("seized two-and-a-half tons of cocaine", &[("two-and-a-half tons", 2500.0, "kg", Bound::Exact)]),
    ("seized one-and-a-half tonnes of cocaine", &[("one-and-a-half tonnes", 1500.0, "kg", Bound::Exact)]),
    ("a two-thirds majority of the council", &[]),
    // a conversion in parentheses, as US agencies write weights
    (
        "offloaded 37,000 pounds (16,800 kilograms) of cocaine",
        &[("37,000 pounds", 16782.91769, "kg", Bound::Exact), ("16,800 kilograms", 16800.0, "kg", Bound::Exact)],
    ),
    // currencies of the Caribbean, Central America, Africa and the Gulf
    ("charged 50,000 Haitian gourdes per truck", &[("50,000 Haitian gourdes", 50000.0, "HTG", Bound::Exact)]),
    ("cobraban 2 millones de colones", &[("2 millones de colones", 2e6, "CRC", Bound::Exact)]),
    ("foram apreendidos R$ 2,3 milhões em espécie", &[("R$ 2,3 milhões", 2.3e6, "BRL", Bound::Exact)]),
    ("a US$ 1.5 million bribe", &[("US$ 1.5 million", 1.5e6, "USD", Bound::Exact)]),
    ("revenues of $1.2 billion", &[("$1.2 billion", 1.2e9, "USD", Bound::Exact)]),
    ("un negocio de mil millones de dólares", &[("mil millones de dólares", 1e9, "USD", Bound::Exact)]),
    ("movimentações de R$ 1,2 bilhão", &[("R$ 1,2 bilhão", 1.2e9, "BRL", Bound::Exact)]),
    ("valued at more than 600 million euros", &[("more than 600 million euros", 6e8, "EUR", Bound::AtLeast)]),
    ("bloquearam 4,6 milhões de euros", &[("4,6 milhões de euros", 4.6e6, "EUR", Bound::Exact)]),
    ("paid €50,000 per container", &[("€50,000", 50000.0, "EUR", Bound::Exact)]),
    ("S/ 62 000 en efectivo", &[("S/ 62 000", 62000.0, "PEN", Bound::Exact)]),
    ("5,000 USD in cash", &[("5,000 USD", 5000.0, "USD", Bound::Exact)]),
    ("48 millones de pesos chilenos", &[("48 millones de pesos chilenos", 4.8e7, "CLP", Bound::Exact)]),
    ("2.000 millones de pesos colombianos", &[("2.000 millones de pesos colombianos", 2e9, "COP", Bound::Exact)]),
    ("US$10m in bribes", &[("US$10m", 1e7, "USD", Bound::Exact)]),
    ("about £5 million", &[("about £5 million", 5e6, "GBP", Bound::Approx)]),
    ("a 2 million pounds fine", &[("2 million pounds", 2e6, "GBP", Bound::Exact)]),
    // people, counts
    ("16 people were killed", &[("16 people", 16.0, "people", Bound::Exact)]),
    // the people and things reports count, in each language
    ("kidnapped 17 missionaries", &[("17 missionaries", 17.0, "people", Bound::Exact)]),
    ("secuestraron a cuatro periodistas", &[("cuatro periodistas", 4.0, "people", Bound::Exact)]),
    ("denunciou 12 traficantes", &[("12 traficantes", 12.0, "people", Bound::Exact)]),
    ("registró 676 casos de violencia sexual", &[("676 casos", 676.0, "count", Bound::Exact)]),
    // a half before a multiplier
    ("earns half a billion dollars a year", &[("half a billion dollars a year", 5e8, "USD/yr", Bound::Exact)]),
    ("lavó medio millón de dólares", &[("medio millón de dólares", 5e5, "USD", Bound::Exact)]),
    ("movimentou meio bilhão de reais", &[("meio bilhão de reais", 5e8, "BRL", Bound::Exact)]),
    // a Spanish or Portuguese noun before "indígenas" is what is counted, not the people
    ("atacaron dos comunidades indígenas", &[("dos comunidades", 2.0, "count", Bound::Exact)]),
    ("cerca de 12 aldeias indígenas", &[("cerca de 12 aldeias", 12.0, "count", Bound::Approx)]),
    ("incendiaram 35 ônibus em um único dia", &[("35 ônibus", 35.0, "count", Bound::Exact)]),
    // Deaths are counted as homicides are.
    ("registrou 46.328 mortes violentas intencionais", &[("46.328 mortes", 46328.0, "count", Bound::Exact)]),
    ("se registraron 1.500 muertes", &[("1.500 muertes", 1500.0, "count", Bound::Exact)]),
    ("about 1,200 overdose deaths", &[("about 1,200 overdose deaths", 1200.0, "count", Bound::Approx)]),
    (
        "seized 12 speedboats and 40 motorcycles",
        &[("12 speedboats", 12.0, "count", Bound::Exact), ("40 motorcycles", 40.0, "count", Bound::Exact)],
    ),
    ("More than 50,000 displaced", &[("More than 50,000 displaced", 50000.0, "people", Bound::AtLeast)]),
    ("más de 20 personas fueron detenidas", &[("más de 20 personas", 20.0, "people", Bound::AtLeast)]),
    ("prendeu seis pessoas", &[("seis pessoas", 6.0, "people", Bound::Exact)]),
    // nationalities counted as people, in each language
    (
        "foram presos quatro brasileiros e dois paraguaios",
        &[("quatro brasileiros", 4.0, "people", Bound::Exact), ("dois paraguaios", 2.0, "people", Bound::Exact)],
    ),
    ("detuvieron a tres hondureños", &[("tres hondureños", 3.0, "people", Bound::Exact)]),
    ("the two Albanians were extradited", &[("two Albanians", 2.0, "people", Bound::Exact)]),
    ("11 containers of bananas", &[("11 containers", 11.0, "count", Bound::Exact)]),
    (
        "destruiu 27 balsas, 4 aeronaves e 18 motores",
        &[
            ("27 balsas", 27.0, "count", Bound::Exact),
            ("4 aeronaves", 4.0, "count", Bound::Exact),
            ("18 motores", 18.0, "count", Bound::Exact),
        ],
    ),
    ("4 aircraft", &[("4 aircraft", 4.0, "count", Bound::Exact)]),
    // the rest of a number written after its multiplier (Mexico, Central America)
    ("un cargamento de 2 mil 500 kilos", &[("2 mil 500 kilos", 2500.0, "kg", Bound::Exact)]),
    ("robaron 3 millones 200 mil pesos mexicanos", &[("3 millones 200 mil pesos mexicanos", 3.2e6, "MXN", Bound::Exact)]),
    ("hay 5 mil, 300 kilos", &[("300 kilos", 300.0, "kg", Bound::Exact)]),
    ("aseguraron dos mil 500 cartuchos", &[("dos mil 500 cartuchos", 2500.0, "count", Bound::Exact)]),
    // Mexican press counts troops and officers as "elementos"
    ("la Guardia Nacional desplegó 600 elementos", &[("600 elementos", 600.0, "people", Bound::Exact)]),
    ("erradicou 3,2 milhões de pés de maconha", &[("3,2 milhões de pés", 3.2e6, "count", Bound::Exact)]),
    ("a 2-ton shipment of cocaine", &[("2-ton", 2000.0, "kg", Bound::Exact)]),
    ("un decomiso de 500 mdd", &[("500 mdd", 5e8, "USD", Bound::Exact)]),
    ("destruyó 1.063 laboratorios", &[("1.063 laboratorios", 1063.0, "count", Bound::Exact)]),
    ("5,000 additional troops", &[("5,000 additional troops", 5000.0, "people", Bound::Exact)]),
    // an English demonym or a group's name between the number and the people noun
    ("six Mexican nationals were detained", &[("six Mexican nationals", 6.0, "people", Bound::Exact)]),
    ("about 300 PCC members", &[("about 300 PCC members", 300.0, "people", Bound::Approx)]),
    ("the 15 Sinaloa operatives", &[("15 Sinaloa operatives", 15.0, "people", Bound::Exact)]),
    // "police" alone is no people noun: it heads other nouns
    ("burned two police vehicles", &[("two police vehicles", 2.0, "count", Bound::Exact)]),
    // percentages
    ("rising by up to 40 percent", &[("up to 40 percent", 40.0, "percent", Bound::AtMost)]),
    ("around 80% of the cocaine", &[("around 80%", 80.0, "percent", Bound::Approx)]),
    ("intereses de hasta el 20 % semanal", &[("20 %", 20.0, "percent", Bound::Exact)]),
    ("un 40 por ciento", &[("40 por ciento", 40.0, "percent", Bound::Exact)]),
    ("mais de 50 por cento", &[("mais de 50 por cento", 50.0, "percent", Bound::AtLeast)]),
    // flows
    ("more than 200 tons of cocaine per year", &[("more than 200 tons of cocaine per year", 200000.0, "kg/yr", Bound::AtLeast)]),
    ("produce 300 toneladas al año", &[("300 toneladas al año", 300000.0, "kg/yr", Bound::Exact)]),
    ("unas 400 toneladas anuales de cocaína", &[("unas 400 toneladas anuales", 400000.0, "kg/yr", Bound::Approx)]),
    ("cerca de 50 toneladas por ano", &[("cerca de 50 toneladas por ano", 50000.0, "kg/yr", Bound::Approx)]),
    ("40 toneladas de cocaína ao ano", &[("40 toneladas de cocaína ao ano", 40000.0, "kg/yr", Bound::Exact)]),
    ("US$20 million a year", &[("US$20 million a year", 2e7, "USD/yr", Bound::Exact)]),
    ("5 tonnes annually", &[("5 tonnes annually", 5000.0, "kg/yr", Bound::Exact)]),
    ("100 kilos al mes", &[("100 kilos al mes", 1200.0, "kg/yr", Bound::Exact)]),
    // bounds
    ("at least 80 people", &[("at least 80 people", 80.0, "people", Bound::AtLeast)]),
    ("over 3 tonnes", &[("over 3 tonnes", 3000.0, "kg", Bound::AtLeast)]),
    ("al menos 14 toneladas", &[("al menos 14 toneladas", 14000.0, "kg", Bound::AtLeast)]),
    ("pelo menos R$ 380 milhões", &[("pelo menos R$ 380 milhões", 3.8e8, "BRL", Bound::AtLeast)]),
    ("up to 8 tonnes", &[("up to 8 tonnes", 8000.0, "kg", Bound::AtMost)]),
    ("less than 5 kg", &[("less than 5 kg", 5.0, "kg", Bound::AtMost)]),
    ("hasta 3 toneladas", &[("hasta 3 toneladas", 3000.0, "kg", Bound::AtMost)]),
    ("até 18 toneladas", &[("até 18 toneladas", 18000.0, "kg", Bound::AtMost)]),
    ("menos de 1 tonelada", &[("menos de 1 tonelada", 1000.0, "kg", Bound::AtMost)]),
    ("approximately 1.3 tonnes", &[("approximately 1.3 tonnes", 1300.0, "kg", Bound::Approx)]),
    ("nearly 2 tons", &[("nearly 2 tons", 2000.0, "kg", Bound::Approx)]),
    ("alrededor de 11 000 hectáreas", &[("alrededor de 11 000 hectáreas", 11000.0, "ha", Bound::Approx)]),
    ("casi 30 toneladas", &[("casi 30 toneladas", 30000.0, "kg", Bound::Approx)]),
    ("quase 2 toneladas", &[("quase 2 toneladas", 2000.0, "kg", Bound::Approx)]),
    ("an estimated 2,900 kilograms", &[("an estimated 2,900 kilograms", 2900.0, "kg", Bound::Approx)]),
    // ranges: two quantities, the low end at_least and the high end at_most
    ("perhaps 60 to 150 fighters", &[("60", 60.0, "people", Bound::AtLeast), ("150 fighters", 150.0, "people", Bound::AtMost)]),
    (
        "entre 15 000 y 25 000 personas",
        &[("entre 15 000", 15000.0, "people", Bound::AtLeast), ("25 000 personas", 25000.0, "people", Bound::AtMost)],
    ),
    (
        "between US$10 million and US$20 million per year",
        &[("between US$10 million", 1e7, "USD/yr", Bound::AtLeast), ("US$20 million per year", 2e7, "USD/yr", Bound::AtMost)],
    ),
    ("cargas de 50 a 300 quilos", &[("50", 50.0, "kg", Bound::AtLeast), ("300 quilos", 300.0, "kg", Bound::AtMost)]),
    ("between 10 and 20 million dollars", &[("between 10", 1e7, "USD", Bound::AtLeast), ("20 million dollars", 2e7, "USD", Bound::AtMost)]),
];

/// An article before a unit in the singular counts one of it; not after an amount, where it is a rate.
#[test]
fn an_article_before_a_unit() {
    let got = |t: &str| find_quantities(t).into_iter().map(|q| (q.text, q.value)).collect::<Vec<_>>();
    assert_eq!(
        got("La Armada incautó una tonelada de cocaína y media tonelada de marihuana."),
        [("una tonelada".to_owned(), 1000.0), ("media tonelada".to_owned(), 500.0)]
    );
    assert_eq!(
        got("Police seized half a tonne of cannabis and nearly a metric ton of meth."),
        [("half a tonne".to_owned(), 500.0), ("nearly a metric ton".to_owned(), 1000.0)]
    );
    assert_eq!(got("A PF apreendeu meia tonelada de maconha."), [("meia tonelada".to_owned(), 500.0)]);
    // a dozen of what it counts, in Spanish and Portuguese
    assert_eq!(got("Según la policía, una docena de presos escapó."), [("una docena de presos".to_owned(), 12.0)]);
    assert_eq!(got("Segundo a polícia, uma dúzia de fuzis sumiu."), [("uma dúzia de fuzis".to_owned(), 12.0)]);
    assert_eq!(got("Participaron más de un millar de efectivos."), [("más de un millar de efectivos".to_owned(), 1000.0)]);
    assert_eq!(got("Cocaine sells for $1,500 a ton there."), [("$1,500".to_owned(), 1500.0)]);
    assert!(got("A kilo of cocaine costs more in Sydney.").is_empty());
}

#[test]
fn quantities_table() {
    let mut failures = Vec::new();
    for (text, want) in QUANTITIES {
        let got = find_quantities(text);
        check_spans_q(text, &got);
        let ok = got.len() == want.len()
            && got
                .iter()
                .zip(want.iter())
                .all(|(g, w)| g.text == w.0 && (g.value - w.1).abs() <= 1e-6 * w.1.abs().max(1.0) && g.unit == w.2 && g.bound == w.3);
        if !ok {
            let g: Vec<_> = got.iter().map(|q| (q.text.as_str(), q.value, q.unit.as_str(), q.bound)).collect();
            failures.push(format!("{text:?}\n   want {want:?}\n   got  {g:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn measured_spans() {
    let cases: &[(&str, &str)] = &[
        ("2 toneladas de cocaína en el puerto", "cocaína"),
        ("2 146 kilos de clorhidrato de cocaína que se encontraba", "clorhidrato de cocaína"),
        ("7.6 metric tons of cocaine at a factory", "cocaine"),
        ("37,000 pounds (16,800 kilograms) of cocaine at Port Everglades", "cocaine"),
        ("110 tonnes of cocaine hidden in bananas", "cocaine"),
        ("1,9 tonelada de cocaína escondida", "cocaína"),
        ("820 quilos de skunk e 146 quilos", "skunk"),
        ("11 containers of bananas", "containers of bananas"),
        ("95,000 hectares of coca under cultivation", "coca under cultivation"),
    ];
    for (text, want) in cases {
        let q = &find_quantities(text)[0];
        assert_eq!(q.measured.map(|(s, e)| &text[s..e]), Some(*want), "{text}");
    }
    assert_eq!(find_quantities("US$ 5 million of the budget")[0].measured, None);
}

#[test]
fn dollar_sign_follows_the_country_of_a_spanish_text() {
    let co = "La Fiscalía de Colombia incautó en Bogotá $480 millones en efectivo y bienes por $21.000 millones de pesos.";
    let qs = find_quantities(co);
    assert_eq!(qs.iter().map(|q| (q.unit.as_str(), q.value)).collect::<Vec<_>>(), vec![("COP", 4.8e8), ("COP", 2.1e10)]);
    let mx = "La Fiscalía de México aseguró $3 millones de pesos y el dinero de los cárteles.";
    assert_eq!(find_quantities(mx)[0].unit, "MXN");
    let en = "Police in Colombia seized $480 million in cash from the cartel.";
    assert_eq!(find_quantities(en)[0].unit, "USD");
    let us = "The DEA seized $2 million.";
    assert_eq!(find_quantities(us)[0].unit, "USD");
}

#[test]
fn currency_codes_in_title_case_and_of_one_language() {
    let bo = "La policía boliviana incautó Bs 250.000 en efectivo en Santa Cruz.";
    assert_eq!(
        find_quantities(bo).iter().map(|q| (q.text.as_str(), q.unit.as_str(), q.value)).collect::<Vec<_>>(),
        vec![("Bs 250.000", "BOB", 2.5e5)]
    );
    let gt = "En Guatemala, la fiscalía halló Q 300,000 y Q. 45,000 en la finca del grupo.";
    let got: Vec<_> = find_quantities(gt).into_iter().map(|q| (q.text, q.unit, q.value)).collect();
    assert_eq!(got, vec![("Q 300,000".into(), "GTQ".into(), 3e5), ("Q. 45,000".into(), "GTQ".into(), 4.5e4)]);
    // Quetzales are a Spanish-press sign: in English "Q3" is a quarter.
    assert!(find_quantities("Seizures in Q3 grew, and Q 4 saw more seizures of the cartel.").iter().all(|q| q.unit != "GTQ"));
}

#[test]
fn not_quantities() {
    let cases = [
        "Peru produced coca in 2014 and 2015.",
        "the anti-drug command seized it in Trujillo.2 Experts say",
        "exports cocaine per year,3 and by late 2014",
        "Trujillo.  A family-clan",
        "drug.4 With its location",
        "Ley 30077 contra el crimen organizado y el Decreto 111",
        "NOTA DE PRENSA N.° 147-2023-DIRNIC-PNP/DIRANDRO",
        "Case No. 24-CR-1873",
        "On 12 March soldiers raided the camp.",
        "call +51 1 234 5678 at 10:30 on 17/08/2023",
        "the 33rd Front and the 5ª Vara Federal",
        "a Coast Guard HC-144 maritime patrol aircraft",
        "the Frente 33 and Barrio 18",
        "Ramon Verhulst, 41, who was",
        "Julio César Ramírez Tapia (41), alias",
        "a mandatory minimum sentence of 10 years",
        "the number one producer for four continents",
        "60 nautical miles south",
        "in the 1990s and the mid-2000s",
        "once people realize the risk",
        "COVID-19 cases rose",
        "Report on Cocaine 2023 (Vienna, 2023), 38.",
        "Revista 11, no. 2 (2020): 45–68.",
        "in 2022 agentes de la policía",
        // Spanish "ha" before a participle is "has", not hectares
        "La operación, que desde 2024 ha permitido decomisar droga",
        "Desde 2019 ha sido difícil medir la coca",
    ];
    for text in cases {
        let qs = find_quantities(text);
        assert!(qs.is_empty(), "{text:?} -> {qs:?}");
    }
}

// ---------------------------------------------------------------- dates, table-driven

/// (text, reference, expected: [(surface, value, precision)]) — the whole output.
/// (surface, normalized value, precision) expected in a sentence.
type DateCase = (&'static str, &'static str, Precision);

const DATES: &[(&str, Option<&str>, &[DateCase])] = &[
    ("On 3 September 2014 police", None, &[("3 September 2014", "2014-09-03", Precision::Day)]),
    // a range of months takes the year of its end
    (
        "Between January and March 2024 police seized",
        None,
        &[("January", "2024-01", Precision::Month), ("March 2024", "2024-03", Precision::Month)],
    ),
    (
        "entre enero y marzo de 2024 se incautaron",
        None,
        &[("enero", "2024-01", Precision::Month), ("marzo de 2024", "2024-03", Precision::Month)],
    ),
    ("de janeiro a março de 2023, a PF", None, &[("janeiro", "2023-01", Precision::Month), ("março de 2023", "2023-03", Precision::Month)]),
    ("On September 3, 2014, police", None, &[("September 3, 2014", "2014-09-03", Precision::Day)]),
    ("On Sept. 3, 2014, police", None, &[("Sept. 3, 2014", "2014-09-03", Precision::Day)]),
    ("El 14 de marzo de 2023, agentes", None, &[("14 de marzo de 2023", "2023-03-14", Precision::Day)]),
    ("Em 12 de julho de 2022, uma ação", None, &[("12 de julho de 2022", "2022-07-12", Precision::Day)]),
    ("No dia 1º de março de 2023", None, &[("1º de março de 2023", "2023-03-01", Precision::Day)]),
    ("published 2014-09-03 by", None, &[("2014-09-03", "2014-09-03", Precision::Day)]),
    ("Publicado em 03/09/2014 às", None, &[("03/09/2014", "2014-09-03", Precision::Day)]),
    ("Publicado el 17/08/2023", None, &[("17/08/2023", "2023-08-17", Precision::Day)]),
    ("Filed 09/03/2014 in the court of the district", None, &[("09/03/2014", "2014-09-03", Precision::Day)]),
    ("17 set. 2023", None, &[("17 set. 2023", "2023-09-17", Precision::Day)]),
    ("In September, 2014, the police", None, &[("September, 2014", "2014-09", Precision::Month)]),
    ("en septiembre de 2014 la policía", None, &[("septiembre de 2014", "2014-09", Precision::Month)]),
    ("desde setembro de 2023", None, &[("setembro de 2023", "2023-09", Precision::Month)]),
    ("in Sept. 2014", None, &[("Sept. 2014", "2014-09", Precision::Month)]),
    ("in 2014 the country", None, &[("2014", "2014", Precision::Year)]),
    (
        "in 2019-2020 and 2021–2022",
        None,
        &[
            ("2019", "2019", Precision::Year),
            ("2020", "2020", Precision::Year),
            ("2021", "2021", Precision::Year),
            ("2022", "2022", Precision::Year),
        ],
    ),
    ("desde 2018 el grupo", None, &[("2018", "2018", Precision::Year)]),
    // A hedge between the preposition and the year: still a year, not an amount.
    ("has operated there since at least 2016", None, &[("2016", "2016", Precision::Year)]),
    ("opera allí desde al menos 2016", None, &[("2016", "2016", Precision::Year)]),
    ("atua na região desde pelo menos 2016", None, &[("2016", "2016", Precision::Year)]),
    ("it ran at least 2016 tests", None, &[]),
    ("em 2022 o grupo", None, &[("2022", "2022", Precision::Year)]),
    ("the 2016 peace agreement", None, &[("2016", "2016", Precision::Year)]),
    ("by late 2014, the country", None, &[("late 2014", "2014", Precision::Fuzzy)]),
    ("in early 2015", None, &[("early 2015", "2015", Precision::Fuzzy)]),
    ("by mid-2019", None, &[("mid-2019", "2019", Precision::Fuzzy)]),
    ("a finales de 2019", None, &[("a finales de 2019", "2019", Precision::Fuzzy)]),
    ("a principios de 2020", None, &[("a principios de 2020", "2020", Precision::Fuzzy)]),
    ("No fim de 2021, segundo", None, &[("No fim de 2021", "2021", Precision::Fuzzy)]),
    ("in the mid-1990s", None, &[("the mid-1990s", "1995", Precision::Fuzzy)]),
    ("a finales de los años 80", None, &[("a finales de los años 80", "1988", Precision::Fuzzy)]),
    ("during the 1990s", None, &[("1990s", "1990", Precision::Fuzzy)]),
    ("desde los años noventa", None, &[("años noventa", "1990", Precision::Fuzzy)]),
    ("nos anos 90", None, &[("anos 90", "1990", Precision::Fuzzy)]),
    ("in late September 2014", None, &[("late September 2014", "2014-09", Precision::Fuzzy)]),
    // relative to the document's date
    ("officials said yesterday", Some("2024-03-05"), &[("yesterday", "2024-03-04", Precision::Day)]),
    ("arrested last week", Some("2024-03-05"), &[("last week", "2024-02", Precision::Fuzzy)]),
    ("arrested last week", None, &[]),
    ("announced on Tuesday", Some("2024-03-07"), &[("on Tuesday", "2024-03", Precision::Fuzzy)]),
    // counted from the previous date of the text, unless an event follows
    (
        "Customs seized 116 tonnes in 2023, up from 110 tonnes the year before.",
        None,
        &[("2023", "2023", Precision::Year), ("the year before", "2022", Precision::Year)],
    ),
    (
        "En 2024 la Senad decomisó 18 toneladas, frente a 12 del año anterior.",
        None,
        &[("2024", "2024", Precision::Year), ("del año anterior", "2023", Precision::Year)],
    ),
    ("In 2023 he moved to Dubai, the year before the election.", None, &[("2023", "2023", Precision::Year)]),
    // "este", "nesta": the weekday of the reference's own week, Monday to Sunday, an exact day
    ("informó este lunes el ministro", Some("2025-02-03"), &[("este lunes", "2025-02-03", Precision::Day)]),
    ("la audiencia será este viernes", Some("2025-02-05"), &[("este viernes", "2025-02-07", Precision::Day)]),
    ("a PF deflagrou nesta quinta-feira uma operação", Some("2024-11-17"), &[("nesta quinta-feira", "2024-11-14", Precision::Day)]),
    ("detenido el martes en Quito", Some("2025-02-06"), &[("el martes", "2025-02", Precision::Fuzzy)]),
    ("la semana pasada", Some("2024-03-05"), &[("la semana pasada", "2024-02", Precision::Fuzzy)]),
    ("el año pasado", Some("2024-03-05"), &[("el año pasado", "2023", Precision::Year)]),
    ("el año pasado", Some("2024"), &[("el año pasado", "2023", Precision::Year)]),
    ("ayer", Some("2024-03-01"), &[("ayer", "2024-02-29", Precision::Day)]),
    ("na semana passada", Some("2024-03-05"), &[("na semana passada", "2024-02", Precision::Fuzzy)]),
    ("no ano passado", Some("2024-03-05"), &[("no ano passado", "2023", Precision::Year)]),
    ("last year", Some("2015"), &[("last year", "2014", Precision::Year)]),
    ("this year", Some("2015-06-01"), &[("this year", "2015", Precision::Year)]),
    ("last month", Some("2015-01-20"), &[("last month", "2014-12", Precision::Month)]),
    ("two years ago", Some("2015-06-01"), &[("two years ago", "2013", Precision::Year)]),
    ("hace tres años", Some("2015-06-01"), &[("hace tres años", "2012", Precision::Year)]),
    (
        "On 23 May 2021 ... Two years earlier, in",
        None,
        &[("23 May 2021", "2021-05-23", Precision::Day), ("Two years earlier", "2019", Precision::Year)],
    ),
    ("on 22 November, a patrol", Some("2024-12-05"), &[("22 November", "2024-11-22", Precision::Day)]),
    ("el pasado 3 de octubre", Some("2023-10-09"), &[("3 de octubre", "2023-10-03", Precision::Day)]),
    ("on 22 December", Some("2025-01-10"), &[("22 December", "2024-12-22", Precision::Day)]),
    ("on 22 November, a patrol", None, &[]),
    ("in March, police", Some("2024-12-05"), &[("March", "2024-03", Precision::Month)]),
    ("Tuesday, September 17, 2024", Some("2024-09-17"), &[("September 17, 2024", "2024-09-17", Precision::Day)]),
    ("una investigación iniciada en febrero de este año", Some("2023-07-18"), &[("febrero de este año", "2023-02", Precision::Month)]),
    (
        "capturado en enero de 2023 y extraditado en septiembre de ese año.",
        None,
        &[("enero de 2023", "2023-01", Precision::Month), ("septiembre de ese año", "2023-09", Precision::Month)],
    ),
    (
        "Em 2021, uma apreensão; e em agosto do mesmo ano outros 480 quilos",
        None,
        &[("2021", "2021", Precision::Year), ("agosto do mesmo ano", "2021-08", Precision::Month)],
    ),
    // Brazilian news: the weekday's day of the month in parentheses, exact even in short form
    ("A PF prendeu nesta terça-feira (12) dois suspeitos", Some("2024-03-15"), &[("nesta terça-feira (12)", "2024-03-12", Precision::Day)]),
    ("na última sexta (29), em Manaus", Some("2024-12-02"), &[("última sexta (29)", "2024-11-29", Precision::Day)]),
    ("na segunda fase da operação (2)", Some("2024-03-15"), &[]),
    // a day of the month alone, in the reference's month or the one before
    ("o crime ocorreu no último dia 3.", Some("2024-03-15"), &[("último dia 3", "2024-03-03", Precision::Day)]),
    ("el día 28 hubo un ataque", Some("2024-03-15"), &[("el día 28", "2024-02-28", Precision::Day)]),
    ("a audiência será no próximo dia 2", Some("2024-12-20"), &[("no próximo dia 2", "2025-01-02", Precision::Day)]),
    ("no dia 3 de cada mês", Some("2024-03-15"), &[]),
    ("no dia 3", None, &[]),
    // decades in words or four digits after an article, with the cue before the article
    ("a finales de los años ochenta", None, &[("a finales de los años ochenta", "1988", Precision::Fuzzy)]),
    ("a principios de los años 2000", None, &[("a principios de los años 2000", "2002", Precision::Fuzzy)]),
    ("no final dos anos 1990", None, &[("no final dos anos 1990", "1998", Precision::Fuzzy)]),
    ("en los últimos cinco años 2020 fue el peor", None, &[]),
    // a dotted abbreviation and its day: English news style
    ("Police came on Dec. 4 and left.", Some("2024-12-06"), &[("Dec. 4", "2024-12-04", Precision::Day)]),
    ("the Mar. 3 raid", Some("2024-12-06"), &[("Mar. 3", "2024-03-03", Precision::Day)]),
    // "May" written alone is the month (it is its full name, not an abbreviation)
    ("In May, police seized", Some("2024-06-10"), &[("May", "2024-05", Precision::Month)]),
    ("in mid-May the navy", Some("2024-06-10"), &[("mid-May", "2024-05", Precision::Fuzzy)]),
    ("Theresa May said it may happen", Some("2024-06-10"), &[]),
    // months of a range written alone
    (
        "between January and mid-March",
        Some("2024-03-14"),
        &[("January", "2024-01", Precision::Month), ("mid-March", "2024-03", Precision::Fuzzy)],
    ),
    ("entre enero y marzo hubo", Some("2024-03-14"), &[("enero", "2024-01", Precision::Month), ("marzo", "2024-03", Precision::Month)]),
    ("Ecuador, Peru and May said", Some("2024-03-14"), &[]),
    // a part of a year said relative to the document's
    ("at the end of last year, police", Some("2024-06-26"), &[("the end of last year", "2023", Precision::Fuzzy)]),
    ("A finales del año pasado murieron", Some("2024-06-26"), &[("A finales del año pasado", "2023", Precision::Fuzzy)]),
    ("No início deste ano, a PF agiu", Some("2024-06-26"), &[("No início deste ano", "2024", Precision::Fuzzy)]),
    ("Em meados do ano passado houve", Some("2024-06-26"), &[("Em meados do ano passado", "2023", Precision::Fuzzy)]),
    // a month of the year before the document's
    ("aberto em dezembro do ano passado", Some("2024-03-12"), &[("dezembro do ano passado", "2023-12", Precision::Month)]),
    ("began in December last year", Some("2024-03-12"), &[("December last year", "2023-12", Precision::Month)]),
    // part of a month: a week, a fortnight, its first or last days
    ("during the first week of May", Some("2024-06-10"), &[("the first week of May", "2024-05", Precision::Fuzzy)]),
    ("en la segunda quincena de abril", Some("2024-06-10"), &[("la segunda quincena de abril", "2024-04", Precision::Fuzzy)]),
    ("na primeira semana de junho de 2023", None, &[("primeira semana de junho de 2023", "2023-06", Precision::Fuzzy)]),
    ("nos últimos dias de março", Some("2024-06-10"), &[("últimos dias de março", "2024-03", Precision::Fuzzy)]),
    // a decimal after the month is a quantity, not the day
    ("decomisó el 14 de marzo 2,3 toneladas", Some("2024-03-20"), &[("14 de marzo", "2024-03-14", Precision::Day)]),
];

#[test]
fn dates_table() {
    let mut failures = Vec::new();
    for (text, reference, want) in DATES {
        let got = find_dates(text, *reference);
        check_spans_d(text, &got);
        let g: Vec<(&str, &str, Precision)> = got.iter().map(|d| (d.text.as_str(), d.value.as_str(), d.precision)).collect();
        if g.as_slice() != *want {
            failures.push(format!("{text:?} ({reference:?})\n   want {want:?}\n   got  {g:?}"));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn not_dates() {
    let cases = [
        "officers found 2,146 kilos of cocaine",
        "seized 2000 kilos in the port",
        "NOTA DE PRENSA N.° 147-2023-DIRNIC-PNP/DIRANDRO",
        "Case No. 24-CR-1873",
        "PRISM » Vol. 5, No 4. 2015",
        "the Apurimac, Ene, and Mantaro river valleys",
        "en el marco de la investigación",
        "it may happen; they march on",
        "Rio de Janeiro e São Paulo",
        "alias El Mayo Zambada",
        "Peru is today becoming a hub",
        "two years ago",
        "Ley 1998 de la República",
        "paid US$ 2014 per kilo",
        "at 10:30 on the 5th",
        "Av. 9 de Octubre 1120",
        "Go-fast boats leave the coast",
    ];
    for text in cases {
        let ds = find_dates(text, None);
        assert!(ds.is_empty(), "{text:?} -> {ds:?}");
    }
}

#[test]
fn today_is_not_a_date_even_with_a_reference() {
    assert!(find_dates("Peru is today becoming a hub; hoy el grupo; hoje o grupo", Some("2015-05-01")).is_empty());
}

#[test]
fn serialized_shapes() {
    let q = &find_quantities("more than 200 tons of cocaine per year")[0];
    let v = serde_json::to_value(q).unwrap();
    assert_eq!(v["bound"], "at_least");
    assert_eq!(v["unit"], "kg/yr");
    assert_eq!(v["value"], 200000.0);
    let d = &find_dates("by late 2014", None)[0];
    let v = serde_json::to_value(d).unwrap();
    assert_eq!(v["precision"], "fuzzy");
    assert_eq!(v["value"], "2014");
}

// ---------------------------------------------------------------- throughput

/// `cargo test --release -p nexus-extract --test quantities_dates -- --ignored --nocapture throughput`
#[test]
#[ignore]
fn throughput() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo");
    let mut one = String::new();
    let mut en = String::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let p = entry.unwrap().path();
        if !matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")) {
            continue;
        }
        let Ok(t) = std::fs::read_to_string(&p) else { continue };
        if p.file_name().unwrap().to_string_lossy().starts_with("en-") {
            en.push_str(&t);
            en.push_str("\n\n");
        }
        one.push_str(&t);
        one.push_str("\n\n");
    }
    for (name, base) in [("all .txt/.md", &one), ("English only", &en)] {
        let text = base.repeat((4_000_000 / base.len()).max(1));
        let mb = text.len() as f64 / 1e6;
        let _ = find_quantities(&text); // build the tables
        let t0 = std::time::Instant::now();
        let nq = find_quantities(&text).len();
        let tq = t0.elapsed().as_secs_f64();
        let t0 = std::time::Instant::now();
        let nd = find_dates(&text, Some("2024-06-15")).len();
        let td = t0.elapsed().as_secs_f64();
        println!(
            "{name}: {mb:.1} MB; quantities {nq} in {tq:.3}s = {:.0} MB/s; dates {nd} in {td:.3}s = {:.0} MB/s; both {:.0} MB/s",
            mb / tq,
            mb / td,
            mb / (tq + td)
        );
    }
}

// ---------------------------------------------------------------- properties

fn texty() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "7.6",
        "1,9",
        "2 146",
        " ",
        "  ",
        "\n",
        "\n\n",
        "tons",
        "toneladas",
        "de",
        "of",
        "cocaine",
        "más de",
        "US$",
        "$",
        "R$",
        "S/",
        "€",
        "million",
        "millones",
        "mil",
        "2014",
        "late",
        "September",
        ",",
        ".",
        "-",
        "–",
        "per year",
        "al año",
        "between",
        "and",
        "entre",
        "y",
        "a",
        "to",
        "17/08/2023",
        "2014-09-03",
        "de marzo de",
        "ção",
        "ñ",
        "é",
        "º",
        "°",
        "’",
        "%",
        "people",
        "12",
        "último",
        "last week",
        "yesterday",
        "on Tuesday",
        "two",
        "dos",
        "hundreds",
        "years earlier",
        "1990s",
        "'90s",
        "mid-",
    ]);
    prop::collection::vec(atoms, 0..30).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_are_exact_on_arbitrary_text(s in "\\PC{0,80}") {
        let qs = find_quantities(&s);
        check_spans_q(&s, &qs);
        for r in [None, Some("2024-03-05"), Some("2024")] {
            let ds = find_dates(&s, r);
            check_spans_d(&s, &ds);
        }
    }

    #[test]
    fn spans_are_exact_on_texty_input(s in texty()) {
        let qs = find_quantities(&s);
        check_spans_q(&s, &qs);
        for q in &qs { prop_assert!(q.value.is_finite()); }
        for r in [None, Some("2024-03-05"), Some("1999-12"), Some("garbage")] {
            let ds = find_dates(&s, r);
            check_spans_d(&s, &ds);
        }
    }
}

/// Print what the demo corpus gives, for eyeballing:
/// `cargo test -p nexus-extract --test quantities_dates -- --ignored --nocapture dump_demo`
#[test]
#[ignore]
fn dump_demo() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus/demo");
    let mut names: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for p in names {
        let Ok(text) = std::fs::read_to_string(&p) else { continue };
        println!("== {}", p.display());
        for q in find_quantities(&text) {
            let m = q.measured.map(|(s, e)| &text[s..e]);
            println!("  Q {:?} = {} {} {:?} {:?}", q.text, q.value, q.unit, q.bound, m);
        }
        for d in find_dates(&text, Some("2024-06-15")) {
            println!("  D {:?} = {} {:?}", d.text, d.value, d.precision);
        }
    }
}
