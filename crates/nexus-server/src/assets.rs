//! The web UI, embedded at build time by `build.rs`: our own files from `web/src` and the
//! vendored libraries from npm. Served from memory, so no request can reach the file system.

include!(concat!(env!("OUT_DIR"), "/assets_table.rs"));

/// The asset at `path` (no leading slash) and its media type.
pub fn get(path: &str) -> Option<(&'static [u8], &'static str)> {
    let i = ASSETS.binary_search_by(|(p, _)| (*p).cmp(path)).ok()?;
    Some((ASSETS[i].1, media_type(path)))
}

fn media_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_and_holds_the_ui_and_its_libraries() {
        assert!(ASSETS.windows(2).all(|w| w[0].0 < w[1].0));
        for p in ["index.html", "vendor/cytoscape.min.js", "vendor/leaflet.js", "vendor/leaflet.css"] {
            let (bytes, _) = get(p).unwrap_or_else(|| panic!("{p} is not embedded"));
            assert!(bytes.len() > 100, "{p} is empty");
        }
        assert!(get("../Cargo.toml").is_none());
    }
}
