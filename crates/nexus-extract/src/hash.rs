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
            let mut v = [0u8; 8];
            v[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(v));
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

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}
