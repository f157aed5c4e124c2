//! The seed briefing rendered by headless Chromium (Debian's `chromium`) to a PNG that must not
//! be blank. Without a browser the test says SKIPPED and passes, unless NEXUS_INSTALL_BROWSER=1
//! lets it run `scripts/install_chromium.sh` first (`.ci/run` runs that script itself).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use nexus_report::{Options, html};

/// Runs the browser with the flags this machine needs (no sandbox as root, no background
/// connections to a network that is not there), killing it after `limit`.
fn screenshot(browser: &Path, page: &Path, png: &Path, profile: &Path, limit: Duration) -> Result<(), String> {
    let mut child = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,2000")
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("starting {}: {e}", browser.display()))?;
    nexus_testkit::wait_for(&mut child, limit, "chromium")
}

struct Pixels {
    width: u32,
    height: u32,
    rgb: Vec<[u8; 3]>,
}

fn decode(png_path: &Path) -> Pixels {
    let file = std::fs::File::open(png_path).expect("screenshot written");
    let mut decoder = png::Decoder::new(std::io::BufReader::new(file));
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().expect("a PNG");
    let mut buf = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut buf).expect("a frame");
    let channels = info.color_type.samples();
    let rgb = buf[..info.buffer_size()]
        .chunks_exact(channels)
        .map(|p| match channels {
            1 | 2 => [p[0]; 3],
            _ => [p[0], p[1], p[2]],
        })
        .collect();
    Pixels { width: info.width, height: info.height, rgb }
}

#[test]
fn the_briefing_renders_in_headless_chromium() {
    let Some(browser) = nexus_testkit::browser::find_or_install() else {
        eprintln!("SKIPPED: no /usr/bin/chromium (run scripts/install_chromium.sh as root, or set NEXUS_INSTALL_BROWSER=1)");
        return;
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let page = dir.path().join("briefing.html");
    let mut model = common::seed_model();
    // Hostile text must render as text without breaking the page.
    model
        .summary
        .push(nexus_report::Statement { text: format!("A document said {} and {}.", common::SCRIPT, common::ATTR), cites: vec![] });
    std::fs::write(&page, html(&model, &Options::default())).expect("write page");
    let png_path = dir.path().join("briefing.png");
    let profile = dir.path().join("profile");
    screenshot(&browser, &page, &png_path, &profile, Duration::from_secs(120)).expect("chromium renders the page");

    let px = decode(&png_path);
    assert_eq!((px.width, px.height), (1200, 2000));
    let total = px.rgb.len();
    let ink = px.rgb.iter().filter(|p| p.iter().any(|&c| c < 200)).count();
    assert!(ink * 100 > total * 2, "nearly blank: {ink} dark pixels of {total}");
    // The figures drew: criminal organisations' red nodes (#c0392b) in the network.
    let near = |p: &[u8; 3], q: [u8; 3]| p.iter().zip(q).all(|(&a, b)| a.abs_diff(b) < 24);
    let red = px.rgb.iter().filter(|p| near(p, [0xc0, 0x39, 0x2b])).count();
    assert!(red > 200, "no network nodes drawn ({red} red pixels)");
    if let Some(keep) = std::env::var_os("NEXUS_KEEP_SCREENSHOT") {
        std::fs::copy(&png_path, keep).expect("copy screenshot");
    }
}
