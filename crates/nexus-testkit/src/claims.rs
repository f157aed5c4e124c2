//! Stores at scale without running the extractor: generated documents with generated
//! extractions (entities drawn by a Zipf law from a pool of "knowledge-base" entities plus
//! learned names, 2–14 relations each, some with figures, dates, hedges or denials; every tenth
//! document a near-duplicate of the one before). Shared by the claims and analysis benchmarks.

use nexus_extract::relations::{DateQualifier, Evidence, Qualifiers, QuantityQualifier, Relation};
use nexus_extract::{ExtractedEntity, Extraction, Mention};
use nexus_ingest::{Document, Format, Language, Metadata, Signature};

pub const KB_ENTITIES: usize = 3_000;
pub const TYPES: [&str; 6] = ["criminal_org", "armed_group", "state_actor", "country", "place", "commodity"];
pub const PREDICATES: [&str; 8] =
    ["operates_in", "traffics", "cooperates_with", "conflicts_with", "seized", "ships_to", "produces", "taxes"];

pub struct Zipf(Vec<f64>);

impl Zipf {
    pub fn new(n: usize) -> Zipf {
        let mut acc = 0.0;
        Zipf(
            (0..n)
                .map(|i| {
                    acc += 1.0 / (i + 1) as f64;
                    acc
                })
                .collect(),
        )
    }

    pub fn sample(&self, rng: &mut crate::Rng) -> usize {
        let x = (rng.next_u64() as f64 / u64::MAX as f64) * self.0[self.0.len() - 1];
        self.0.partition_point(|&c| c < x).min(self.0.len() - 1)
    }
}

pub fn kb_entity(i: usize) -> (String, String, &'static str, bool) {
    (format!("kb-{i:05}"), format!("Entity {i}"), TYPES[i % TYPES.len()], true)
}

pub fn learned_entity(i: usize) -> (String, String, &'static str, bool) {
    let name = format!("Learned Group {i}");
    (format!("doc:criminal_org:learned-group-{i}"), name, "criminal_org", false)
}

/// One document and its extraction.
pub fn generate(i: usize, previous: Option<&str>, zipf: &Zipf, learned_pool: usize) -> (Document, Extraction) {
    let mut rng = crate::Rng::new(0x5eed_0000 + i as u64);
    let mut text = match previous {
        Some(p) if i.is_multiple_of(10) => crate::perturb(p, i as u64, 0.03),
        _ => crate::document(i as u64, 150),
    };
    text.truncate(text.trim_end().len());
    let mut chosen: Vec<(String, String, &'static str, bool)> = Vec::new();
    for _ in 0..4 {
        let e = kb_entity(zipf.sample(&mut rng));
        if !chosen.iter().any(|c| c.0 == e.0) {
            chosen.push(e);
        }
    }
    for _ in 0..2 {
        chosen.push(learned_entity(rng.below(learned_pool)));
    }
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); chosen.len()];
    let mut relations = Vec::new();
    for _ in 0..2 + rng.below(13) {
        let (s, o) = (rng.below(chosen.len()), rng.below(chosen.len()));
        if s == o {
            continue;
        }
        let predicate = PREDICATES[rng.below(PREDICATES.len())];
        text.push('\n');
        let start = text.len();
        let s_at = start;
        text.push_str(&chosen[s].1);
        mentions[s].push(Mention { text: chosen[s].1.clone(), start: s_at, end: text.len() });
        text.push_str(&format!(" {} ", predicate.replace('_', " ")));
        let o_at = text.len();
        text.push_str(&chosen[o].1);
        mentions[o].push(Mention { text: chosen[o].1.clone(), start: o_at, end: text.len() });
        text.push_str(&format!(" according to report {i}."));
        let mut q = Qualifiers::default();
        if rng.below(100) < 20 {
            q.quantity = Some(QuantityQualifier {
                value: (1 + rng.below(900)) as f64 * 1000.0,
                unit: "kg".into(),
                bound: nexus_extract::quantities::Bound::Approx,
            });
        }
        if rng.below(100) < 30 {
            q.date = Some(DateQualifier { value: format!("{}", 2000 + rng.below(25)), precision: nexus_extract::dates::Precision::Year });
        }
        q.hedged = rng.below(100) < 15;
        q.negated = rng.below(100) < 2;
        relations.push(Relation {
            subject: chosen[s].0.clone(),
            predicate: predicate.into(),
            object: chosen[o].0.clone(),
            qualifiers: q,
            confidence: 0.5 + rng.below(50) as f64 / 100.0,
            evidence: Evidence { text: String::new(), start, end: text.len() },
        });
    }
    let entities = chosen
        .into_iter()
        .zip(mentions)
        .filter(|(_, m)| !m.is_empty())
        .map(|((id, name, ty, in_kb), mentions)| ExtractedEntity { id, name, entity_type: ty, in_kb, unnamed: false, mentions })
        .collect();
    let sha = nexus_ingest::fingerprint::sha256_hex(text.as_bytes());
    let doc = Document {
        id: sha[..16].to_owned(),
        sha256: sha,
        source: format!("gen/{i:06}.txt"),
        format: Format::Txt,
        encoding: "utf-8".into(),
        bytes: text.len() as u64,
        meta: Metadata {
            published: Some(format!("{}", 2005 + i % 20)),
            venue: Some(format!("Publisher {}", i % 50)),
            ..Default::default()
        },
        language: Language { code: "en".into(), name: "English".into(), confidence: 1.0 },
        text,
        notes: vec![],
        warnings: vec![],
    };
    (doc, Extraction { entities, relations, quantities: vec![], dates: vec![] })
}

/// Documents `range` of a store of `n`, with their extractions and signatures, ready for one
/// writer batch; `previous` carries the last text across batches (near-duplicates copy it).
pub fn batch(range: &[usize], n: usize, zipf: &Zipf, previous: &mut Option<String>) -> Vec<(Document, Extraction, Signature)> {
    range
        .iter()
        .map(|&i| {
            let (d, x) = generate(i, previous.as_deref(), zipf, (n / 4).max(1));
            *previous = Some(d.text.clone());
            let sig = Signature::of_text(&d.text);
            (d, x, sig)
        })
        .collect()
}
