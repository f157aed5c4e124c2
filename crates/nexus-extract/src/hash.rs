//! The Fx hash (rustc's) for the maps and sets extraction looks words up in: a multiply and a
//! rotate per eight bytes, where SipHash costs more than the lookup. No document chooses what
//! the tables hold, so hash flooding is no concern.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hasher};

pub(crate) type FxMap<K, V> = HashMap<K, V, Fx>;
pub(crate) type FxSet<K> = HashSet<K, Fx>;

#[derive(Default, Clone, Copy)]
pub(crate) struct Fx;

pub(crate) struct FxHasher(u64);

impl BuildHasher for Fx {
    type Hasher = FxHasher;
    fn build_hasher(&self) -> FxHasher {
        FxHasher(0)
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, v: u64) {
        self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The 1–7 bytes of `rest` as a little-endian `u64`, zero-padded: what copying them into a zeroed
/// `[u8; 8]` gives, read with fixed-size loads instead of a `memcpy` call of variable length
/// (most words end in such a tail, and every look-up paid for the call). Two overlapping loads
/// cover 4–7 bytes and three single bytes 1–3 (a byte read twice lands in the same place), so
/// the length costs one branch, not one per size class.
#[inline]
pub(crate) fn tail(rest: &[u8]) -> u64 {
    let n = rest.len();
    let at = |i: usize| u64::from(rest.get(i).copied().unwrap_or(0));
    let word = |i: usize| rest.get(i..i + 4).and_then(|w| w.first_chunk::<4>()).map_or(0, |w| u64::from(u32::from_le_bytes(*w)));
    if n >= 4 { word(0) | word(n - 4) << (8 * (n - 4)) } else { at(0) | at(n / 2) << (8 * (n / 2)) | at(n - 1) << (8 * (n - 1)) }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut v = [0u8; 8];
            v.copy_from_slice(c);
            self.add(u64::from_le_bytes(v));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            self.add(tail(rest));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// The multiply leaves its entropy in the high bits, but the table takes its bucket from
    /// the low ones: rotating them down (as rustc-hash 2 does) spreads words over the buckets.
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
}

#[cfg(test)]
mod tests {
    /// The tail reads the bytes as the zero-padded copy did, so every hash, and the order of
    /// every map, is unchanged.
    #[test]
    fn tail_is_the_zero_padded_little_endian_word() {
        let bytes: Vec<u8> = (1..=7u8).map(|b| b.wrapping_mul(37)).collect();
        for n in 1..=7 {
            let mut v = [0u8; 8];
            v[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(super::tail(&bytes[..n]), u64::from_le_bytes(v), "{n}");
        }
    }
}
