//! Force-directed layout (Fruchterman–Reingold) with a seeded start and a fixed number of
//! iterations, so the same graph always gets the same picture.

/// splitmix64: a tiny, well-mixed generator; the layout needs no more.
pub struct SplitMix(u64);

impl SplitMix {
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in [-1, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
    }
}

/// Positions for `n` nodes joined by `edges` (index, index, weight), fitted into the unit
/// square with the aspect ratio kept.
pub fn force_layout(n: usize, edges: &[(usize, usize, f64)], seed: u64, iterations: usize) -> Vec<(f64, f64)> {
    if n == 0 {
        return Vec::new();
    }
    if n == 1 {
        return vec![(0.5, 0.5)];
    }
    let mut rng = SplitMix::new(seed);
    let mut pos: Vec<(f64, f64)> = (0..n).map(|_| (rng.next_f64(), rng.next_f64())).collect();
    let k = (4.0 / n as f64).sqrt();
    let mut disp = vec![(0.0f64, 0.0f64); n];
    for it in 0..iterations {
        let temp = 0.1 * (1.0 - it as f64 / iterations as f64) + 0.002;
        disp.iter_mut().for_each(|d| *d = (0.0, 0.0));
        for i in 0..n {
            for j in (i + 1)..n {
                let (dx, dy, d) = delta(pos[i], pos[j], i, j);
                let f = k * k / d;
                disp[i].0 += dx / d * f;
                disp[i].1 += dy / d * f;
                disp[j].0 -= dx / d * f;
                disp[j].1 -= dy / d * f;
            }
        }
        for &(a, b, w) in edges {
            if a == b || a >= n || b >= n {
                continue;
            }
            let (dx, dy, d) = delta(pos[a], pos[b], a, b);
            let f = d * d / k * (1.0 + w.max(0.0)).ln().max(0.5);
            disp[a].0 -= dx / d * f;
            disp[a].1 -= dy / d * f;
            disp[b].0 += dx / d * f;
            disp[b].1 += dy / d * f;
        }
        for i in 0..n {
            // Gravity keeps components that share no edge from drifting apart.
            let (x, y) = pos[i];
            let r = (x * x + y * y).sqrt();
            disp[i].0 -= x * k * r * 0.5;
            disp[i].1 -= y * k * r * 0.5;
            let (dx, dy) = disp[i];
            let len = (dx * dx + dy * dy).sqrt();
            if len > 0.0 {
                let step = len.min(temp);
                pos[i].0 += dx / len * step;
                pos[i].1 += dy / len * step;
            }
        }
    }
    fit(&pos)
}

fn delta(a: (f64, f64), b: (f64, f64), i: usize, j: usize) -> (f64, f64, f64) {
    let (mut dx, mut dy) = (a.0 - b.0, a.1 - b.1);
    let mut d = (dx * dx + dy * dy).sqrt();
    if d < 1e-6 {
        // Coincident nodes: push apart along a direction fixed by their indices.
        let angle = (i * 31 + j * 17) as f64;
        dx = angle.cos() * 1e-3;
        dy = angle.sin() * 1e-3;
        d = 1e-3;
    }
    (dx, dy, d)
}

fn fit(pos: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for &(x, y) in pos {
        x0 = x0.min(x);
        y0 = y0.min(y);
        x1 = x1.max(x);
        y1 = y1.max(y);
    }
    let span = (x1 - x0).max(y1 - y0).max(1e-9);
    let (ox, oy) = ((1.0 - (x1 - x0) / span) / 2.0, (1.0 - (y1 - y0) / span) / 2.0);
    pos.iter().map(|&(x, y)| ((x - x0) / span + ox, (y - y0) / span + oy)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> Vec<(usize, usize, f64)> {
        (0..n).map(|i| (i, (i + 1) % n, 1.0)).collect()
    }

    #[test]
    fn same_input_same_layout() {
        let a = force_layout(12, &ring(12), 7, 300);
        let b = force_layout(12, &ring(12), 7, 300);
        assert_eq!(a, b);
        let c = force_layout(12, &ring(12), 8, 300);
        assert_ne!(a, c);
    }

    #[test]
    fn fits_the_unit_square_and_separates_nodes() {
        let pos = force_layout(20, &ring(20), 1, 300);
        for &(x, y) in &pos {
            assert!((0.0..=1.0).contains(&x) && (0.0..=1.0).contains(&y), "{x},{y}");
        }
        let mut closest = f64::MAX;
        for i in 0..pos.len() {
            for j in (i + 1)..pos.len() {
                let d = ((pos[i].0 - pos[j].0).powi(2) + (pos[i].1 - pos[j].1).powi(2)).sqrt();
                closest = closest.min(d);
            }
        }
        assert!(closest > 0.02, "nodes on top of each other: {closest}");
    }

    #[test]
    fn edges_pull_neighbours_closer_than_strangers() {
        // Two triangles joined by nothing: within a triangle nodes sit closer than across.
        let edges = vec![(0, 1, 1.0), (1, 2, 1.0), (2, 0, 1.0), (3, 4, 1.0), (4, 5, 1.0), (5, 3, 1.0)];
        let p = force_layout(6, &edges, 3, 300);
        let d = |a: usize, b: usize| ((p[a].0 - p[b].0).powi(2) + (p[a].1 - p[b].1).powi(2)).sqrt();
        assert!(d(0, 1) < d(0, 4) && d(3, 4) < d(1, 5));
    }

    #[test]
    fn degenerate_inputs() {
        assert!(force_layout(0, &[], 1, 10).is_empty());
        assert_eq!(force_layout(1, &[], 1, 10), vec![(0.5, 0.5)]);
        let p = force_layout(3, &[(0, 9, 1.0), (1, 1, 1.0)], 1, 50);
        assert_eq!(p.len(), 3);
    }
}
