//! Renders a ReportModel JSON file: `cargo run -p nexus-report --example render -- MODEL.json OUT.html|OUT.md`.
//! For Markdown the figures are written beside it as OUT.network.svg, OUT.routes.svg, OUT.timeline.svg.

use std::path::Path;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [model, out] = args.as_slice() else {
        return Err("usage: render MODEL.json OUT.html|OUT.md".into());
    };
    let model: nexus_report::ReportModel = serde_json::from_str(&std::fs::read_to_string(model)?)?;
    let opts = nexus_report::Options::default();
    let out = Path::new(out);
    if out.extension().is_some_and(|e| e == "md") {
        let stem = out.file_stem().and_then(|s| s.to_str()).unwrap_or("report");
        std::fs::write(out, nexus_report::markdown(&model, &opts, Some(stem)))?;
        for f in nexus_report::figures(&model, &opts) {
            std::fs::write(out.with_file_name(format!("{stem}.{}.svg", f.name)), f.svg)?;
        }
    } else {
        std::fs::write(out, nexus_report::html(&model, &opts))?;
    }
    println!("{}", out.display());
    Ok(())
}
