//! Prints what `nexus_pdf::extract` makes of PDF files: `cargo run -p nexus-pdf --example pdf2text -- FILE...`

fn main() {
    for path in std::env::args().skip(1) {
        println!("==== {path}");
        match std::fs::read(&path) {
            Err(e) => println!("cannot read: {e}"),
            Ok(bytes) => match nexus_pdf::extract(&bytes) {
                Err(e) => println!("error: {e}"),
                Ok(doc) => {
                    println!(
                        "title: {:?}\nauthors: {:?}\ncreated: {:?}\npages: {}\nwarnings: {:?}\n",
                        doc.title, doc.authors, doc.created, doc.pages, doc.warnings
                    );
                    println!("{}", doc.text);
                }
            },
        }
    }
}
