//! Generated documents that state relations between real knowledge-base names (for the
//! workbench's load test: the server's entity, claims and graph endpoints need entities with
//! edges, which the plain generated prose lacks). Each document is the usual generated prose with
//! a paragraph of 3–7 sentences such as "The Sinaloa Cartel operates in Culiacán." inserted after
//! its title; names are drawn by a Zipf law from each list, so a few entities are hubs.

use crate::Rng;
use crate::claims::Zipf;

/// The names sentences are built from, each list most frequent first.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub orgs: Vec<String>,
    pub states: Vec<String>,
    pub countries: Vec<String>,
    pub places: Vec<String>,
    pub commodities: Vec<String>,
}

impl Names {
    /// Every list non-empty.
    pub fn usable(&self) -> bool {
        [&self.orgs, &self.states, &self.countries, &self.places, &self.commodities].iter().all(|l| !l.is_empty())
    }
}

struct Pick<'a> {
    names: &'a [String],
    zipf: Zipf,
}

impl<'a> Pick<'a> {
    fn new(names: &'a [String]) -> Pick<'a> {
        Pick { names, zipf: Zipf::new(names.len().max(1)) }
    }
    fn one(&self, rng: &mut Rng) -> &'a str {
        &self.names[self.zipf.sample(rng).min(self.names.len() - 1)]
    }
}

/// One document of about `words` words stating relations between `names` (see the module).
pub fn document(seed: u64, words: usize, names: &Names) -> String {
    let base = crate::document(seed, words);
    if !names.usable() {
        return base;
    }
    let (orgs, states, countries, places, goods) = (
        Pick::new(&names.orgs),
        Pick::new(&names.states),
        Pick::new(&names.countries),
        Pick::new(&names.places),
        Pick::new(&names.commodities),
    );
    let mut rng = Rng::new(seed ^ 0x7e1a_7105);
    let mut para = Vec::new();
    for _ in 0..3 + rng.below(5) {
        let year = 2005 + rng.below(20);
        let s = match rng.below(6) {
            0 => format!("The {} operates in {}.", orgs.one(&mut rng), places.one(&mut rng)),
            1 => format!("The {} traffics {} through {}.", orgs.one(&mut rng), goods.one(&mut rng), places.one(&mut rng)),
            2 => format!(
                "In {year}, the {} seized {} tonnes of {} in {}.",
                states.one(&mut rng),
                1 + rng.below(40),
                goods.one(&mut rng),
                places.one(&mut rng)
            ),
            3 => {
                let from = countries.one(&mut rng);
                let mut to = countries.one(&mut rng);
                if to == from {
                    to = &names.countries[rng.below(names.countries.len())];
                }
                format!("In {year}, {} was shipped from {from} to {to}.", goods.one(&mut rng))
            }
            4 => {
                let (a, b) = two(&orgs, &names.orgs, &mut rng);
                format!("The {a} works with the {b}.")
            }
            _ => {
                let (a, b) = two(&orgs, &names.orgs, &mut rng);
                format!("The {a} is at war with the {b}.")
            }
        };
        para.push(s);
    }
    match base.split_once("\n\n") {
        Some((title, rest)) => format!("{title}\n\n{}\n\n{rest}", para.join(" ")),
        None => format!("{}\n\n{base}", para.join(" ")),
    }
}

/// Two different names (when the list has two).
fn two<'a>(pick: &Pick<'a>, all: &'a [String], rng: &mut Rng) -> (&'a str, &'a str) {
    let a = pick.one(rng);
    let mut b = pick.one(rng);
    if a == b {
        b = &all[rng.below(all.len())];
    }
    (a, b)
}

/// `write_corpus` with relation-stating documents.
pub fn write_corpus(
    dir: &std::path::Path,
    docs: usize,
    words: usize,
    near_dup_every: usize,
    names: &Names,
) -> std::io::Result<Vec<std::path::PathBuf>> {
    crate::write_documents(dir, docs, near_dup_every, |i| document(i, words, names))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relations_are_stated_deterministically() {
        let names = Names {
            orgs: vec!["Sinaloa Cartel".into(), "Gulf Clan".into()],
            states: vec!["Colombian National Police".into()],
            countries: vec!["Colombia".into(), "Spain".into()],
            places: vec!["Callao".into()],
            commodities: vec!["cocaine".into()],
        };
        let a = document(3, 200, &names);
        assert_eq!(a, document(3, 200, &names));
        assert!(a.contains("Sinaloa Cartel") || a.contains("Gulf Clan") || a.contains("Colombia"), "{a}");
        assert_eq!(document(3, 200, &Names::default()), crate::document(3, 200));
    }
}
