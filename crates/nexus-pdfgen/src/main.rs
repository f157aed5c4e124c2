//! `nexus-pdfgen SRC_DIR OUT_DIR`: converts each `SRC_DIR/*.txt` into `OUT_DIR/<stem>.pdf`.

use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage: nexus-pdfgen SRC_DIR OUT_DIR\n\nConverts each SRC_DIR/*.txt (Title:/Author:/Date:/Running-Header: block, blank line, paragraphs)\ninto OUT_DIR/<stem>.pdf, byte-for-byte reproducibly.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [src, out] = args.as_slice() else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    match nexus_pdfgen::convert_dir(&PathBuf::from(src), &PathBuf::from(out)) {
        Ok(written) => {
            for path in &written {
                println!("wrote {}", path.display());
            }
            if written.is_empty() {
                eprintln!("no *.txt files in {src}");
            }
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("nexus-pdfgen: {err}");
            ExitCode::FAILURE
        }
    }
}
