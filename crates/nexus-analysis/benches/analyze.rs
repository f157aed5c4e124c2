//! `analyze()` at scale: N generated documents stored with generated extractions (no extractor
//! run), then the whole analysis timed.
//!
//! `cargo bench -p nexus-analysis --bench analyze [-- N...]` (default 100000). The store is the
//! one `nexus-store`'s `claims` bench generates (the generator is copied from
//! `crates/nexus-store/benches/claims.rs`; keep them alike so the figures compare): documents of
//! ~150 words plus one sentence per relation, every tenth a near-duplicate of the one before;
//! 3,000 "knowledge-base" entities of six types drawn by a Zipf law and N/4 learned names; 2–14
//! relations per document over eight predicates, 20% with a figure, 30% dated, 15% hedged, 2%
//! denied. The store is kept in the system's temporary directory
//! (`nexus-analysis-bench-N.db`) and reused by the next run; delete it to regenerate.
//!
//! Reports the time of `analyze` with the default options (median of 3, each run listed) and of
//! serializing the analysis to JSON; `RUST_LOG=nexus_analysis=debug` adds each phase's time.

use nexus_extract::relations::{DateQualifier, Evidence, Qualifiers, QuantityQualifier, Relation};
use nexus_extract::{ExtractedEntity, Extraction, Mention};
use nexus_ingest::{Document, Format, Language, Metadata, Signature};
use nexus_store::{NearDupConfig, Store};
use nexus_testkit::Rng;
use std::path::Path;
use std::time::Instant;

const KB_ENTITIES: usize = 3_000;
const TYPES: [&str; 6] = ["criminal_org", "armed_group", "state_actor", "country", "place", "commodity"];
const PREDICATES: [&str; 8] = ["operates_in", "traffics", "cooperates_with", "conflicts_with", "seized", "ships_to", "produces", "taxes"];

struct Zipf(Vec<f64>);

impl Zipf {
    fn new(n: usize) -> Zipf {
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

    fn sample(&self, rng: &mut Rng) -> usize {
        let x = (rng.next_u64() as f64 / u64::MAX as f64) * self.0[self.0.len() - 1];
        self.0.partition_point(|&c| c < x).min(self.0.len() - 1)
    }
}

fn kb_entity(i: usize) -> (String, String, &'static str, bool) {
    (format!("kb-{i:05}"), format!("Entity {i}"), TYPES[i % TYPES.len()], true)
}

fn learned_entity(i: usize) -> (String, String, &'static str, bool) {
    let name = format!("Learned Group {i}");
    (format!("doc:criminal_org:learned-group-{i}"), name, "criminal_org", false)
}

/// One document and its extraction.
fn generate(i: usize, previous: Option<&str>, zipf: &Zipf, learned_pool: usize) -> (Document, Extraction) {
    let mut rng = Rng::new(0x5eed_0000 + i as u64);
    let mut text = match previous {
        Some(p) if i.is_multiple_of(10) => nexus_testkit::perturb(p, i as u64, 0.03),
        _ => nexus_testkit::document(i as u64, 150),
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

fn build(path: &Path, n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let partial = path.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    let mut store = Store::open(&partial)?;
    let zipf = Zipf::new(KB_ENTITIES);
    let mut previous: Option<String> = None;
    for batch in (0..n).collect::<Vec<_>>().chunks(1000) {
        let docs: Vec<(Document, Extraction, Signature)> = batch
            .iter()
            .map(|&i| {
                let (d, x) = generate(i, previous.as_deref(), &zipf, (n / 4).max(1));
                previous = Some(d.text.clone());
                let sig = Signature::of_text(&d.text);
                (d, x, sig)
            })
            .collect();
        let mut w = store.writer(NearDupConfig::default())?;
        for (d, x, sig) in &docs {
            w.add(d, sig, Some(x))?;
        }
        w.commit()?;
    }
    store.flush_index()?;
    drop(store);
    std::fs::rename(&partial, path)?;
    Ok(())
}

fn run(n: usize) -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::temp_dir().join(format!("nexus-analysis-bench-{n}.db"));
    if !path.exists() {
        let t = Instant::now();
        build(&path, n)?;
        println!("generated {n} documents into {} in {:.1} s", path.display(), t.elapsed().as_secs_f64());
    }
    let store = Store::open_existing(&path)?;
    let stats = store.stats()?;
    let kb = nexus_kb::KnowledgeBase::load(&[]).0;
    let opts = nexus_analysis::Options::default();
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..3 {
        let t = Instant::now();
        let a = nexus_analysis::analyze(&store, &kb, &opts)?;
        times.push(t.elapsed().as_secs_f64());
        last = Some(a);
    }
    let a = last.unwrap();
    let t = Instant::now();
    let json = serde_json::to_vec(&a)?;
    let json_secs = t.elapsed().as_secs_f64();
    let mut sorted = times.clone();
    sorted.sort_by(f64::total_cmp);
    println!(
        "analyze: {n} documents ({} works), {} claims → {} edges, {} entities; betweenness {}",
        stats.works, stats.claims, a.summary.edges, a.summary.entities, a.summary.betweenness
    );
    println!(
        "  analyze(): median {:.2} s ({}); {} actors, {} communities (modularity {:.2}), {} chains, {} armed groups, {} timeline entries, {} windows",
        sorted[1],
        times.iter().map(|t| format!("{t:.2}")).collect::<Vec<_>>().join(" / "),
        a.actors.len(),
        a.communities.len(),
        a.summary.modularity.unwrap_or(0.0),
        a.supply_chains.len(),
        a.nexus.armed_groups.len(),
        a.timeline.len(),
        a.windows.len()
    );
    println!("  JSON: {:.1} MB in {:.3} s", json.len() as f64 / 1e6, json_secs);
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // `RUST_LOG=nexus_analysis=debug` shows the time of each phase.
    tracing_subscriber::fmt().with_env_filter(tracing_subscriber::EnvFilter::from_default_env()).with_writer(std::io::stderr).init();
    let mut sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    if sizes.is_empty() {
        sizes = vec![100_000];
    }
    for n in sizes {
        run(n)?;
    }
    Ok(())
}
