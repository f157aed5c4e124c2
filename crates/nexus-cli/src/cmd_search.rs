//! `nexus search`.

use crate::cli::SearchArgs;
use crate::output::{print_json, stdout_is_terminal};
use std::path::Path;

pub fn run(db: &Path, args: SearchArgs) -> anyhow::Result<()> {
    let query = args.query.join(" ");
    let hits = crate::cmd_docs::open(db)?.search(&query, args.limit)?;
    if args.json {
        return print_json(&hits);
    }
    if hits.is_empty() {
        eprintln!("no matches for {query}");
        return Ok(());
    }
    let (open, close) = if stdout_is_terminal() { ("\x1b[1;33m", "\x1b[0m") } else { ("**", "**") };
    for (i, h) in hits.iter().enumerate() {
        let score = if h.score >= 0.01 { format!("{:.2}", h.score) } else { format!("{:.1e}", h.score) };
        println!("{:>2}. {}  [{}]  {}  (score {score})", i + 1, h.id, h.language, h.title.as_deref().unwrap_or("(untitled)"));
        let mut s = String::new();
        let mut last = 0;
        for &(a, b) in &h.highlights {
            s.push_str(&h.snippet[last..a]);
            s.push_str(open);
            s.push_str(&h.snippet[a..b]);
            s.push_str(close);
            last = b;
        }
        s.push_str(&h.snippet[last..]);
        println!("    {}", s.replace('\n', " "));
    }
    Ok(())
}
