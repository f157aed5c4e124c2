//! Prints the extraction of an HTML file: `cargo run --example dump -- page.html`.

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: dump FILE.html");
        std::process::exit(2);
    };
    let html = match std::fs::read(&path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = nexus_html::extract(&html);
    println!("title:       {:?}", doc.title);
    println!("authors:     {:?}", doc.authors);
    println!("published:   {:?}", doc.published);
    println!("site_name:   {:?}", doc.site_name);
    println!("language:    {:?}", doc.language);
    println!("description: {:?}", doc.description);
    for n in &doc.notes {
        println!("note {:?} at {}..{}", n.label, n.start, n.end);
    }
    println!("----\n{}\n----", doc.text);
}
