//! A batch extracts each document exactly as it is extracted alone: stages run document after
//! document, and nothing one document leaves behind may reach the next. Checked on every
//! document of the demo and held-out corpora (English, Spanish, Portuguese; text, HTML, PDF),
//! in several batch sizes and in an order that mixes languages.

use nexus_extract::{Extraction, Extractor, Input};
use nexus_kb::KnowledgeBase;
use std::path::Path;

fn documents() -> Vec<(String, Option<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../corpus");
    let mut paths: Vec<_> = ["demo", "heldout/docs", "heldout2/docs", "heldout3/docs"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).unwrap_or_else(|e| panic!("corpus/{d}: {e}")))
        .map(|e| e.expect("directory entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| nexus_ingest::read_file(p, &nexus_ingest::Options::default()).unwrap_or_else(|e| panic!("{}: {e}", p.display())))
        .map(|d| (d.extraction_text().into_owned(), d.meta.published.clone()))
        .collect()
}

fn json(x: &Extraction) -> String {
    serde_json::to_string(x).expect("extractions serialize")
}

#[test]
fn a_batch_gives_each_document_what_it_gets_alone() {
    let ex = Extractor::new(KnowledgeBase::load(&[]).0);
    let docs = documents();
    assert!(docs.len() >= 40, "only {} corpus documents", docs.len());
    // Interleave the sorted list (en, es, pt files sort apart) so batches mix languages.
    let (front, back) = docs.split_at(docs.len() / 2);
    let mixed: Vec<&(String, Option<String>)> =
        front.iter().zip(back.iter().rev()).flat_map(|(a, b)| [a, b]).chain(docs.get(2 * front.len())).collect();
    let inputs: Vec<Input> = mixed.iter().map(|(t, d)| Input { text: t, reference: d.as_deref() }).collect();
    let alone: Vec<String> = inputs.iter().map(|i| json(&ex.extract(i.text, i.reference))).collect();
    let alone_mentions: Vec<String> = inputs.iter().map(|i| json(&ex.extract_mentions(i.text, i.reference))).collect();
    assert!(alone.iter().zip(&alone_mentions).any(|(a, m)| a != m), "relations never differ: the check would not see them");
    for size in [2, 7, inputs.len()] {
        let batched: Vec<String> = inputs.chunks(size).flat_map(|c| ex.extract_batch(c)).map(|x| json(&x)).collect();
        assert_eq!(batched.len(), alone.len());
        for (n, (b, a)) in batched.iter().zip(&alone).enumerate() {
            assert_eq!(b, a, "batches of {size}: document {n} differs from its extraction alone");
        }
        let mentions: Vec<String> = inputs.chunks(size).flat_map(|c| ex.extract_mentions_batch(c)).map(|x| json(&x)).collect();
        assert_eq!(mentions, alone_mentions, "batches of {size}, mentions only");
    }
}

#[test]
fn an_empty_batch_and_empty_documents_give_empty_extractions() {
    let ex = Extractor::new(KnowledgeBase::load(&[]).0);
    assert!(ex.extract_batch(&[]).is_empty());
    let empty = Input { text: "", reference: None };
    let out = ex.extract_batch(&[empty, Input { text: "Police in Lima seized 2 tons of cocaine.", reference: None }, empty]);
    assert_eq!(out.len(), 3);
    assert!(out[0].entities.is_empty() && out[2].entities.is_empty() && out[2].quantities.is_empty());
    assert!(!out[1].entities.is_empty() && !out[1].quantities.is_empty());
}
