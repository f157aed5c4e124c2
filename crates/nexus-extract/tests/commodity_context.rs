//! A weight or an area whose goods the text names before the figure, not right after it, still
//! says what it measures, and so does a price or value of goods, or a sum held in cash; another
//! sum of money, a count, a cover load or goods two sentences back do not lend it theirs.

use nexus_extract::Extractor;
use nexus_kb::KnowledgeBase;
use std::sync::OnceLock;

/// Each quantity's text and commodity.
fn measured(text: &str) -> Vec<(String, Option<String>)> {
    static EX: OnceLock<Extractor> = OnceLock::new();
    let ex = EX.get_or_init(|| Extractor::new(KnowledgeBase::load(&[]).0));
    ex.extract_mentions(text, None).quantities.into_iter().map(|q| (q.text, q.commodity)).collect()
}

fn of(text: &str, commodity: Option<&str>) -> (String, Option<String>) {
    (text.to_owned(), commodity.map(str::to_owned))
}

#[test]
fn goods_named_before_the_figure_in_its_sentence() {
    assert_eq!(measured("Global cocaine seizures reached close to 2,000 tons in 2021."), vec![of("close to 2,000 tons", Some("cocaine"))]);
    assert_eq!(
        measured("Guinea-Bissau is a transit hub for South American cocaine; in 2019 police there seized 1.8 tonnes."),
        vec![of("1.8 tonnes", Some("cocaine"))]
    );
    // "coca cultivation" is an activity of the knowledge base; it names its crop.
    assert_eq!(
        measured("Coca cultivation in Peru was estimated at about 95,000 hectares in 2022."),
        vec![of("about 95,000 hectares", Some("coca-leaf"))]
    );
    assert_eq!(
        measured("En 2023 la PNP incautó cocaína en el Callao: cerca de 1,5 toneladas en un solo contenedor."),
        vec![of("cerca de 1,5 toneladas", Some("cocaine"))]
    );
}

#[test]
fn goods_named_in_the_sentence_before() {
    let text =
        "Cocaine seizures in Antwerp fell sharply in 2023. Dutch customs put Rotterdam's figure at roughly 50 tonnes for the same year.";
    assert_eq!(measured(text), vec![of("roughly 50 tonnes", Some("cocaine"))]);
    let pt = "A Receita Federal apreendeu cocaína no porto de Natal. Desde 2021, foram mais de 7 toneladas.";
    assert_eq!(measured(pt), vec![of("mais de 7 toneladas", Some("cocaine"))]);
}

#[test]
fn a_figure_continuing_a_list_measures_what_the_one_before_did() {
    let text = "El primer contenedor llevaba 1 210 kilos de cocaína. El segundo escondía 586 kilos en un falso techo. Un tercero llevaba otros 350 kilos.";
    assert_eq!(
        measured(text),
        vec![of("1 210 kilos", Some("cocaine")), of("586 kilos", Some("cocaine")), of("350 kilos", Some("cocaine"))]
    );
}

#[test]
fn a_price_per_weight_is_the_price_of_the_goods() {
    assert_eq!(
        measured("Brokers buy cocaine in Guayaquil and pay US$2,000 per kilogram at the dock."),
        vec![of("US$2,000", Some("cocaine"))]
    );
    assert_eq!(measured("En el Urabá la cocaína se paga a US$ 2.000 el kilo."), vec![of("US$ 2.000", Some("cocaine"))]);
    // A sum that is not a price per weight is not the goods' price.
    assert_eq!(measured("Brokers buy cocaine in Guayaquil and pay US$2,000 in bribes."), vec![of("US$2,000", None)]);
}

#[test]
fn a_sum_its_sentence_calls_a_value_or_price_is_of_the_goods() {
    assert_eq!(
        measured("Officers seized 2,900 kilograms of cocaine. The cocaine had an estimated wholesale value of more than US$65 million."),
        vec![of("2,900 kilograms", Some("cocaine")), of("more than US$65 million", Some("cocaine"))]
    );
    assert_eq!(
        measured("Prosecutors traced Peruvian gold purchases worth more than US$3 billion."),
        vec![of("more than US$3 billion", Some("gold"))]
    );
    assert_eq!(
        measured("A kilogram of cocaine bought in Ecuador can sell wholesale for between AU$200,000 and AU$300,000 in Sydney."),
        vec![of("between AU$200,000", Some("cocaine")), of("AU$300,000", Some("cocaine"))]
    );
    assert_eq!(
        measured("La cocaína incautada está avaliada em aproximadamente R$ 550 milhões no mercado europeu."),
        vec![of("aproximadamente R$ 550 milhões", Some("cocaine"))]
    );
    // A cost, a fine or a bribe is not a value of the goods.
    assert_eq!(measured("Police seized cocaine; the operation cost US$2 million."), vec![of("US$2 million", None)]);
}

#[test]
fn the_drugs_are_the_drugs_named_before() {
    // "The drugs" refers back to the cocaine; generic drugs with no article stay generic.
    assert_eq!(
        measured(
            "Officers seized 2,900 kilograms of cocaine near Boca Chica. The drugs had an estimated wholesale value of more than US$65 million."
        ),
        vec![of("2,900 kilograms", Some("cocaine")), of("more than US$65 million", Some("cocaine"))]
    );
    assert_eq!(
        measured("La policía halló 500 kilos de marihuana. Las drogas estaban valoradas en 2 millones de dólares."),
        vec![of("500 kilos", Some("cannabis")), of("2 millones de dólares", Some("cannabis"))]
    );
    assert_eq!(
        measured("Police seized cocaine and marijuana. Illicit drugs worth US$2 million were found."),
        vec![of("US$2 million", Some("drugs"))]
    );
}

#[test]
fn a_sum_held_in_cash_measures_the_cash() {
    assert_eq!(
        measured("Agents seized 1.1 tonnes of cocaine, as well as US$6.3 million in cash and 27 firearms."),
        vec![of("1.1 tonnes", Some("cocaine")), of("US$6.3 million", Some("cash")), of("27 firearms", Some("firearms"))]
    );
    // Each sum of a list the cash ends.
    assert_eq!(
        measured("En los allanamientos se incautaron US$ 312.000 y 480 millones de pesos en efectivo."),
        vec![of("US$ 312.000", Some("cash")), of("480 millones de pesos", Some("cash"))]
    );
    assert_eq!(measured("A PF apreendeu R$ 2 milhões em dinheiro vivo."), vec![of("R$ 2 milhões", Some("cash"))]);
    // A place after "in" is not a form of money.
    assert_eq!(measured("The gang laundered US$5 million in Panama."), vec![of("US$5 million", None)]);
}

#[test]
fn an_area_is_of_a_crop_not_of_the_drug_made_from_it() {
    // Cocaine is not grown: the hectares stay without a commodity rather than take it.
    assert_eq!(measured("Peru, a major cocaine producer, had 95,000 hectares under cultivation."), vec![of("95,000 hectares", None)]);
}

#[test]
fn cover_loads_money_counts_and_distant_goods_lend_nothing() {
    // Bananas are the cover load; the drug is what weighs.
    assert_eq!(
        measured("Officers found cocaine in a container of bananas; the shipment held 2 tonnes."),
        vec![of("2 tonnes", Some("cocaine"))]
    );
    assert_eq!(measured("A cargo of bananas left Guayaquil; it weighed 20 tonnes."), vec![of("20 tonnes", None)]);
    // Nor does a figure after one that measured the cover load.
    assert_eq!(
        measured("The ship carried 20 tonnes of bananas. Police found 2 tonnes hidden in the hold."),
        vec![of("20 tonnes", Some("bananas")), of("2 tonnes", None)]
    );
    // Money and people are not "of" the drug named before them.
    assert_eq!(measured("The cocaine trade pays the gang US$5 million a year."), vec![of("US$5 million a year", None)]);
    // What is named right after the figure is what it measures, even outside the knowledge base.
    assert_eq!(measured("Police seized cocaine and 3,800 litres of paint."), vec![of("3,800 litres", None)]);
    // Two sentences back is too far, and so is another paragraph.
    let far = "Police seized cocaine in the port. The operation lasted a week. The ship carried 30 tonnes.";
    assert_eq!(measured(far), vec![of("30 tonnes", None)]);
    let paragraph = "Police seized cocaine in the port.\n\nThe ship carried 30 tonnes.";
    assert_eq!(measured(paragraph), vec![of("30 tonnes", None)]);
}

#[test]
fn verbs_of_exceeding_bound_the_figure() {
    let got = |t: &str| Extractor::new(KnowledgeBase::load(&[]).0).extract_mentions(t, None).quantities;
    let q = got("La producción potencial de cocaína superó las 1 700 toneladas métricas en 2022.");
    assert_eq!((q[0].text.as_str(), q[0].bound), ("superó las 1 700 toneladas métricas", nexus_extract::quantities::Bound::AtLeast));
    let q = got("As apreensões no porto ultrapassaram as 20 toneladas.");
    assert_eq!((q[0].text.as_str(), q[0].bound), ("ultrapassaram as 20 toneladas", nexus_extract::quantities::Bound::AtLeast));
    let q = got("Seizures in Europe exceeded 300 tons.");
    assert_eq!((q[0].text.as_str(), q[0].bound), ("exceeded 300 tons", nexus_extract::quantities::Bound::AtLeast));
}
