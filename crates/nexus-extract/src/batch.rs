//! How many documents to hand `Extractor::extract_batch` at once. A batch pays off because each
//! stage's code stays warm across its documents (BENCHMARKS.md: on 15 report-sized documents a
//! third of the instruction-cache misses and three quarters of the mispredicted branches of one
//! document at a time). A batch also holds every document's intermediate state at once, about
//! 30 times its text, so it is kept well inside the last-level cache; and past a few hundred
//! kilobytes a document warms the code by itself.

use std::ops::Range;

/// Most documents in one batch: the gain from warm code flattens out by about this.
pub const MOST_DOCUMENTS: usize = 16;

/// Most bytes of text in one batch (a single larger document makes a batch of its own).
pub const MOST_BYTES: usize = 256 << 10;

/// Consecutive batches covering documents of these text lengths, in order: none holds more
/// than `most` documents (at least one) or, unless it holds a single document, more than
/// `MOST_BYTES`. A caller spreading batches over threads passes `most_per_thread`.
pub fn ranges(lengths: &[usize], most: usize) -> Vec<Range<usize>> {
    let most = most.clamp(1, MOST_DOCUMENTS);
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, &len) in lengths.iter().enumerate() {
        if i > start && (i - start >= most || bytes + len > MOST_BYTES) {
            out.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += len;
    }
    if start < lengths.len() {
        out.push(start..lengths.len());
    }
    out
}

/// The `most` to pass `ranges` for `documents` spread over `threads` threads: two batches per
/// thread when there are enough documents (so work stealing evens out batches of unequal cost),
/// and batches as large as that allows.
pub fn most_per_thread(documents: usize, threads: usize) -> usize {
    documents.div_ceil(2 * threads.max(1)).clamp(1, MOST_DOCUMENTS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn batches_cover_every_document_once_in_order() {
        let lengths = [10, 20, 30, 40, 50, 60, 70];
        for most in 0..10 {
            let r = ranges(&lengths, most);
            let flat: Vec<usize> = r.iter().flat_map(|r| r.clone()).collect();
            assert_eq!(flat, (0..lengths.len()).collect::<Vec<_>>(), "most {most}");
            assert!(r.iter().all(|r| !r.is_empty() && r.len() <= most.max(1)), "most {most}: {r:?}");
        }
        assert!(ranges(&[], 4).is_empty());
    }

    #[test]
    fn bytes_close_a_batch_but_a_large_document_stands_alone() {
        let big = MOST_BYTES + 1;
        assert_eq!(ranges(&[10, big, 10, 10], 8), vec![0..1, 1..2, 2..4]);
        assert_eq!(ranges(&[MOST_BYTES / 2, MOST_BYTES / 2, 1], 8), vec![0..2, 2..3]);
    }

    #[test]
    fn threads_each_get_a_batch_when_there_are_enough_documents() {
        assert_eq!(most_per_thread(64, 2), 16);
        assert_eq!(most_per_thread(64, 8), 4);
        assert_eq!(most_per_thread(1000, 2), MOST_DOCUMENTS);
        assert_eq!(most_per_thread(3, 8), 1);
        assert_eq!(most_per_thread(0, 0), 1);
    }
}
