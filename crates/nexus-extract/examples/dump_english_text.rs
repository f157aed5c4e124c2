//! Writes the English benchmark text (`benches/support/english.rs`) to a file, for
//! `scripts/spacy_bench.py`: `cargo run --release -p nexus-extract --example dump_english_text -- OUT`.

#[path = "../benches/support/english.rs"]
mod english;

fn main() -> std::process::ExitCode {
    let Some(out) = std::env::args_os().nth(1) else {
        eprintln!("usage: dump_english_text OUT");
        return std::process::ExitCode::from(2);
    };
    let docs = english::documents();
    let text = english::english_text(&docs);
    if let Err(e) = std::fs::write(&out, &text) {
        eprintln!("{}: {e}", out.to_string_lossy());
        return std::process::ExitCode::FAILURE;
    }
    eprintln!("{} English documents, {} bytes written to {}", docs.len(), text.len(), out.to_string_lossy());
    std::process::ExitCode::SUCCESS
}
