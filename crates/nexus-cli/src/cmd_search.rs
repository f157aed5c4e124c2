//! `nexus search`.

use crate::cli::SearchArgs;
use crate::output::{highlight, print_json};
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
    for (i, h) in hits.iter().enumerate() {
        let score = if h.score >= 0.01 { format!("{:.2}", h.score) } else { format!("{:.1e}", h.score) };
        println!("{:>2}. {}  [{}]  {}  (score {score})", i + 1, h.id, h.language, h.title.as_deref().unwrap_or("(untitled)"));
        println!("    {}", highlight(&h.snippet, &h.highlights));
    }
    Ok(())
}
