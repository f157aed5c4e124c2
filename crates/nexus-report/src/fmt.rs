//! Numbers for SVG coordinates: one decimal, no `-0.0`, so output is stable and small.

use std::fmt::Write;

pub fn n(v: f64) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
    let r = (v * 10.0).round() / 10.0;
    let r = if r == 0.0 { 0.0 } else { r };
    let mut s = String::new();
    if r.fract() == 0.0 {
        let _ = write!(s, "{}", r as i64);
    } else {
        let _ = write!(s, "{r:.1}");
    }
    s
}

/// A figure for people: thousands grouped, at most two decimals, no trailing zeros.
pub fn metric(v: f64) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as i64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        return if v < 0.0 { format!("-{out}") } else { out };
    }
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(n(-0.04), "0");
        assert_eq!(n(12.0), "12");
        assert_eq!(n(3.25), "3.3");
        assert_eq!(n(f64::NAN), "0");
        assert_eq!(metric(1234567.0), "1,234,567");
        assert_eq!(metric(0.126), "0.13");
        assert_eq!(metric(0.5), "0.5");
    }
}
