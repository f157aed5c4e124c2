//! Debian's Chromium for the browser tests (the report's rendering, the workbench's walk): found
//! at `NEXUS_CHROMIUM` or `/usr/bin/chromium`, and installed first by
//! `scripts/install_chromium.sh` when `NEXUS_INSTALL_BROWSER=1`. Without it the tests say
//! SKIPPED.

use std::path::{Path, PathBuf};
use std::process::Command;

/// The Chromium binary, if there is one.
pub fn chromium() -> Option<PathBuf> {
    let candidates = [std::env::var_os("NEXUS_CHROMIUM").map(PathBuf::from), Some(PathBuf::from("/usr/bin/chromium"))];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

/// [`chromium`], after running the repository's install script when `NEXUS_INSTALL_BROWSER=1`.
pub fn find_or_install() -> Option<PathBuf> {
    if let Some(p) = chromium() {
        return Some(p);
    }
    if std::env::var("NEXUS_INSTALL_BROWSER").as_deref() == Ok("1") {
        let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../scripts/install_chromium.sh");
        let status = Command::new("bash").arg(&script).status();
        eprintln!("{}: {status:?}", script.display());
    }
    chromium()
}
