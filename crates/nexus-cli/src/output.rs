//! Small helpers for human output: sizes, truncation, tables, JSON.

use std::io::{IsTerminal, Write};

pub fn human_bytes(n: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1000.0 && u < UNITS.len() - 1 {
        v /= 1000.0;
        u += 1;
    }
    if u == 0 { format!("{n} B") } else { format!("{v:.1} {}", UNITS[u]) }
}

/// At most `width` characters, with an ellipsis when cut.
pub fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        return s.to_owned();
    }
    let mut t: String = s.chars().take(width.saturating_sub(1)).collect();
    t.push('…');
    t
}

/// Rows of cells, left-aligned into columns.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: Vec<String>| {
        let mut out = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            if i + 1 == cells.len() {
                out.push_str(cell);
            } else {
                out.push_str(&format!("{cell:<w$}  ", w = *w));
            }
        }
        out.trim_end().to_owned() + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    for row in rows {
        out.push_str(&line(row.clone()));
    }
    out
}

pub fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, value)?;
    writeln!(out)?;
    Ok(())
}

pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// `text` with the byte `ranges` marked: bold yellow on a terminal, `**…**` otherwise (so a piped
/// result still shows what matched), on one line.
pub fn highlight(text: &str, ranges: &[(usize, usize)]) -> String {
    let (open, close) = if stdout_is_terminal() { ("\x1b[1;33m", "\x1b[0m") } else { ("**", "**") };
    let mut s = String::new();
    let mut last = 0;
    for &(a, b) in ranges {
        let (Some(before), Some(marked)) = (text.get(last..a), text.get(a..b)) else { continue };
        s.push_str(before);
        s.push_str(open);
        s.push_str(marked);
        s.push_str(close);
        last = b;
    }
    s.push_str(text.get(last..).unwrap_or(""));
    s.replace('\n', " ")
}
