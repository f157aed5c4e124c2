//! Identity and near-identity. SHA-256 of the raw bytes says "the same file"; MinHash over word
//! shingles, banded for LSH, says "the same article", whatever the header, spacing or small edits.

use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;
use xxhash_rust::xxh3::xxh3_64;

/// Number of MinHash functions; 128 estimates Jaccard similarity to about ±0.05.
pub const HASHES: usize = 128;
/// Words per shingle: long enough that unrelated texts on one topic share almost none.
pub const SHINGLE_WORDS: usize = 4;

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A document's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    pub fn of_text(text: &str) -> Signature {
        Signature::of_shingles(&shingles(text))
    }

    /// Each of the 128 functions is `(x ^ s) * a` on 32 bits with `a` odd: a permutation of the
    /// 32-bit values, and a loop over fixed arrays that the compiler vectorises.
    fn of_shingles(shingles: &[u64]) -> Signature {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: the CPU supports AVX2, checked just above.
            return Signature(unsafe { min_hashes_avx2(shingles) }.to_vec());
        }
        Signature(min_hashes(shingles).to_vec())
    }

    /// The share of equal components: an unbiased estimate of the shingle sets' Jaccard similarity.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        same as f64 / self.0.len().max(1) as f64
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        (bytes.len() == HASHES * 4)
            .then(|| Signature(bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()))
    }

    /// One key per LSH band; two documents that share any key are candidates.
    pub fn band_keys(&self, layout: LshLayout) -> Vec<i64> {
        (0..layout.bands)
            .map(|band| {
                let rows = &self.0[band * layout.rows..(band + 1) * layout.rows];
                let mut buf = Vec::with_capacity(4 + rows.len() * 4);
                buf.extend_from_slice(&(band as u32).to_le_bytes());
                rows.iter().for_each(|r| buf.extend_from_slice(&r.to_le_bytes()));
                xxh3_64(&buf) as i64
            })
            .collect()
    }
}

#[inline(always)]
fn min_hashes(shingles: &[u64]) -> [u32; HASHES] {
    let (a, s) = coefficients();
    let mut sig = [u32::MAX; HASHES];
    for &x in shingles {
        let x = (x ^ (x >> 32)) as u32;
        for ((m, a), s) in sig.iter_mut().zip(a).zip(s) {
            *m = (*m).min((x ^ s).wrapping_mul(*a));
        }
    }
    sig
}

/// The same loop compiled with 8-lane 32-bit multiplies; the baseline x86-64 target has none.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
fn min_hashes_avx2(shingles: &[u64]) -> [u32; HASHES] {
    min_hashes(shingles)
}

/// Odd multipliers and xor masks of the hash family, from a fixed seed so signatures are stable
/// across runs and machines.
fn coefficients() -> &'static ([u32; HASHES], [u32; HASHES]) {
    static COEFFICIENTS: std::sync::OnceLock<([u32; HASHES], [u32; HASHES])> = std::sync::OnceLock::new();
    COEFFICIENTS.get_or_init(|| {
        let mut a = [0u32; HASHES];
        let mut s = [0u32; HASHES];
        for i in 0..HASHES {
            a[i] = xxh3_64(&(2 * i as u64).to_le_bytes()) as u32 | 1;
            s[i] = xxh3_64(&(2 * i as u64 + 1).to_le_bytes()) as u32;
        }
        (a, s)
    })
}

/// Hashes of the word shingles of `text`, case- and accent-folded. Repeats are kept: a minimum
/// is the same with or without them, and sorting them away costs more than it saves.
pub fn shingles(text: &str) -> Vec<u64> {
    let words: Vec<u64> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(hash_word).collect();
    let k = SHINGLE_WORDS.min(words.len().max(1));
    words
        .windows(k)
        .map(|win| win.iter().fold(0x9E37_79B9_7F4A_7C15u64, |h, &w| (h.rotate_left(23) ^ w).wrapping_mul(0x0100_0000_01B3)))
        .collect()
}

/// Hash of the folded word; ASCII words, most of any corpus, are folded without allocating.
fn hash_word(w: &str) -> u64 {
    if w.len() <= 64 && w.is_ascii() {
        let mut buf = [0u8; 64];
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        xxh3_64(lower)
    } else {
        xxh3_64(fold(w).as_bytes())
    }
}

/// Lower case without diacritics, the form every comparison in nexus uses.
pub fn fold(word: &str) -> String {
    word.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).flat_map(char::to_lowercase).collect()
}

/// How the signature is cut into bands for a similarity threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LshLayout {
    pub bands: usize,
    pub rows: usize,
}

impl LshLayout {
    /// The narrowest bands that still make a pair at `threshold` a candidate with probability
    /// ≥ 0.99, so recall is kept and the exact check on signatures removes the extra candidates.
    pub fn for_threshold(threshold: f64) -> LshLayout {
        let t = threshold.clamp(0.05, 0.99);
        let mut best = LshLayout { bands: HASHES, rows: 1 };
        for rows in 1..=16 {
            let bands = HASHES / rows;
            let p = 1.0 - (1.0 - t.powi(rows as i32)).powi(bands as i32);
            if p >= 0.99 {
                best = LshLayout { bands, rows };
            }
        }
        best
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "In September 2014 the anti-drug command of the Peruvian National Police seized 7.6 metric tons of cocaine at a factory near the city of Trujillo. A Peruvian family clan working with Mexican traffickers was hiding the drug inside blocks of coal bound for Spain and Belgium through the ports of Callao and Paita.";

    #[test]
    fn identical_text_is_identical() {
        assert_eq!(Signature::of_text(A).similarity(&Signature::of_text(A)), 1.0);
    }

    #[test]
    fn small_edits_stay_close_and_other_texts_stay_far() {
        let edited = A.replace("7.6 metric tons", "7,600 kilograms").replace("Trujillo.", "Trujillo, officials said.");
        let other = "Ecuadorian police said the port of Guayaquil remains the main exit for cocaine bound for Europe, as gangs such as Los Choneros and Los Lobos fight over routes and prisons.";
        let s = Signature::of_text(A);
        assert!(s.similarity(&Signature::of_text(&edited)) > 0.6);
        assert!(s.similarity(&Signature::of_text(other)) < 0.1);
    }

    #[test]
    fn case_accents_and_spacing_do_not_matter() {
        let a = Signature::of_text("Apurímac, Ene and Mantaro river valleys");
        let b = Signature::of_text("APURIMAC   ene and\nMANTARO river valleys");
        assert_eq!(a, b);
    }

    #[test]
    fn layout_keeps_recall_at_threshold() {
        assert_eq!(LshLayout::for_threshold(0.5), LshLayout { bands: 42, rows: 3 });
        let l = LshLayout::for_threshold(0.8);
        assert!(l.rows > 3 && l.bands * l.rows <= HASHES);
    }

    #[test]
    #[cfg(target_arch = "x86_64")]
    fn vector_and_portable_minhash_agree() {
        if std::arch::is_x86_feature_detected!("avx2") {
            let sh = shingles(A);
            // SAFETY: AVX2 is present, checked above.
            assert_eq!(unsafe { min_hashes_avx2(&sh) }, min_hashes(&sh));
        }
    }

    #[test]
    fn signature_bytes_round_trip() {
        let s = Signature::of_text(A);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
    }
}
