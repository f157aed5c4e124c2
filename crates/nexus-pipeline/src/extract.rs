//! Extraction of many documents on every core, in the stage-by-stage batches
//! `Extractor::extract_batch` reads fastest (sized by `nexus_extract::batch`).

use nexus_extract::{Extraction, Extractor, Input, batch};
use rayon::prelude::*;

/// Each document's extraction, in the order given; with `relations` false, the mentions alone
/// (`Extractor::extract_mentions`).
pub fn extract_all(extractor: &Extractor, docs: &[Input], relations: bool) -> Vec<Extraction> {
    let lengths: Vec<usize> = docs.iter().map(|d| d.text.len()).collect();
    let ranges = batch::ranges(&lengths, batch::most_per_thread(docs.len(), rayon::current_num_threads()));
    let batches: Vec<Vec<Extraction>> = ranges
        .into_par_iter()
        .map(|r| if relations { extractor.extract_batch(&docs[r]) } else { extractor.extract_mentions_batch(&docs[r]) })
        .collect();
    batches.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_gets_its_own_extraction_in_order() {
        let ex = Extractor::new(nexus_kb::KnowledgeBase::load(&[]).0);
        let texts: Vec<String> = (0..70)
            .map(|n| if n % 3 == 0 { String::new() } else { format!("In {n} operations, police in Lima seized {n} kilos of cocaine.") })
            .collect();
        let docs: Vec<Input> = texts.iter().map(|t| Input { text: t, reference: None }).collect();
        let all = extract_all(&ex, &docs, true);
        assert_eq!(all.len(), docs.len());
        for (x, d) in all.iter().zip(&docs) {
            let alone = ex.extract(d.text, None);
            assert_eq!(format!("{x:?}"), format!("{alone:?}"), "{:?}", d.text);
        }
        let mentions = extract_all(&ex, &docs, false);
        assert!(mentions.iter().all(|x| x.relations.is_empty()));
        assert_eq!(mentions[1].quantities, all[1].quantities);
    }
}
