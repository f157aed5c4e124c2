//! Synthetic report-like documents for benchmarks and crash tests, generated deterministically
//! from a seed so every run measures the same input. Not a knowledge base: the vocabulary only
//! needs to look like report prose to a tokenizer and keep unrelated documents dissimilar.

pub mod browser;
pub mod claims;
pub mod fixtures;
pub mod reports;

use std::io::Write;
use std::path::{Path, PathBuf};

const FUNCTION_WORDS: &str = include_str!("function-words.txt");
const CONTENT_WORDS: &str = include_str!("content-words.txt");
/// Share of function words in running English prose, which language identification and the
/// full-text tokenizer both see; `function-words.txt` repeats the commonest ones roughly in
/// proportion to their frequency.
const FUNCTION_SHARE: usize = 40;

/// splitmix64: tiny, fast, and stable across platforms and versions, which a benchmark input needs.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

struct Vocabulary {
    function: Vec<&'static str>,
    content: Vec<&'static str>,
}

impl Vocabulary {
    fn new() -> Vocabulary {
        Vocabulary { function: FUNCTION_WORDS.split_whitespace().collect(), content: CONTENT_WORDS.split_whitespace().collect() }
    }

    fn pick(&self, rng: &mut Rng) -> &'static str {
        let list = if rng.below(100) < FUNCTION_SHARE { &self.function } else { &self.content };
        list[rng.below(list.len())]
    }
}

/// One document of about `words` words: a title line, then paragraphs of sentences.
pub fn document(seed: u64, words: usize) -> String {
    let vocab = Vocabulary::new();
    let mut rng = Rng::new(seed);
    let mut out = String::with_capacity(words * 7);
    out.push_str(&sentence(&mut rng, &vocab, 6, false));
    out.push_str("\n\n");
    let mut written = 0;
    while written < words {
        let len = 8 + rng.below(18);
        out.push_str(&sentence(&mut rng, &vocab, len, true));
        written += len;
        out.push(if rng.below(6) == 0 { '\n' } else { ' ' });
        if out.ends_with('\n') {
            out.push('\n');
        }
    }
    out.push('\n');
    out
}

fn sentence(rng: &mut Rng, vocab: &Vocabulary, len: usize, period: bool) -> String {
    let mut s = String::new();
    for i in 0..len {
        if i > 0 {
            s.push(' ');
        }
        let w = vocab.pick(rng);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                s.extend(f.to_uppercase());
                s.push_str(c.as_str());
            }
        } else if rng.below(40) == 0 {
            s.push_str(&format!("{}", 2 + rng.below(9000)));
        } else {
            s.push_str(w);
        }
    }
    if period {
        s.push('.');
    }
    s
}

/// A near-duplicate of `text`: about `rate` of its words replaced, as a republishing site might.
pub fn perturb(text: &str, seed: u64, rate: f64) -> String {
    let vocab = Vocabulary::new();
    let mut rng = Rng::new(seed);
    let threshold = (rate * 10_000.0) as usize;
    text.split(' ')
        .map(|w| if rng.below(10_000) < threshold { vocab.pick(&mut rng).to_owned() } else { w.to_owned() })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Write `docs` documents of about `words` words into `dir` as `doc-000000.txt`...; every
/// `near_dup_every`-th document (when non-zero) is a perturbed copy of the one before it.
pub fn write_corpus(dir: &Path, docs: usize, words: usize, near_dup_every: usize) -> std::io::Result<Vec<PathBuf>> {
    write_documents(dir, docs, near_dup_every, |i| document(i, words))
}

/// Write `docs` documents made by `make(i)` into `dir` as `doc-000000.txt`...; every
/// `near_dup_every`-th (when non-zero) is a perturbed copy of the one before it instead.
pub fn write_documents(
    dir: &Path,
    docs: usize,
    near_dup_every: usize,
    mut make: impl FnMut(u64) -> String,
) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut paths = Vec::with_capacity(docs);
    let mut previous = String::new();
    for i in 0..docs {
        let text = if near_dup_every > 0 && i > 0 && i % near_dup_every == 0 { perturb(&previous, i as u64, 0.03) } else { make(i as u64) };
        let path = dir.join(format!("doc-{i:06}.txt"));
        std::fs::File::create(&path)?.write_all(text.as_bytes())?;
        paths.push(path);
        previous = text;
    }
    Ok(paths)
}

/// Wait for `child` to exit successfully within `limit`, killing it when it takes longer; `what`
/// names it in the error. Browser tests run a headless Chromium or a node script this way.
pub fn wait_for(child: &mut std::process::Child, limit: std::time::Duration, what: &str) -> Result<(), String> {
    let start = std::time::Instant::now();
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => return Err(format!("{what} exited with {status}")),
            Ok(None) if start.elapsed() > limit => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!("{what} took longer than {limit:?}"));
            }
            Ok(None) => std::thread::sleep(std::time::Duration::from_millis(100)),
            Err(e) => return Err(format!("{what}: {e}")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deterministic_and_sized() {
        let a = document(7, 300);
        assert_eq!(a, document(7, 300));
        assert_ne!(a, document(8, 300));
        let n = a.split_whitespace().count();
        assert!((300..360).contains(&n), "{n}");
    }

    #[test]
    fn perturbation_changes_a_few_words() {
        let a = document(1, 500);
        let b = perturb(&a, 2, 0.03);
        let changed = a.split(' ').zip(b.split(' ')).filter(|(x, y)| x != y).count();
        assert!((3..40).contains(&changed), "{changed}");
    }
}
