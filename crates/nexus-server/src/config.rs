//! What `nexus serve` is told on its command line.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Default largest upload: 50 MB (a long PDF report).
pub const DEFAULT_MAX_UPLOAD: u64 = 50 * 1024 * 1024;

#[derive(Debug, Clone)]
pub struct Config {
    /// The store; it must exist (`nexus ingest` creates it).
    pub db: PathBuf,
    pub bind: SocketAddr,
    /// Required on every request unless `bind` is a loopback address (then `None` is fine).
    pub token: Option<String>,
    /// Who corrections are recorded as when a request names nobody.
    pub analyst: String,
    pub max_upload: u64,
    /// The analyst's knowledge-base directories (after the bundled one), as `nexus ingest` reads them.
    pub kb_dirs: Vec<PathBuf>,
    /// Read-only SQLite connections kept for read endpoints.
    pub readers: usize,
}

impl Config {
    pub fn new(db: PathBuf, bind: SocketAddr) -> Config {
        Config {
            db,
            bind,
            token: None,
            analyst: std::env::var("USER").unwrap_or_else(|_| "analyst".into()),
            max_upload: DEFAULT_MAX_UPLOAD,
            kb_dirs: Vec::new(),
            readers: 4,
        }
    }

    /// A token is needed when anyone but this machine can connect.
    pub fn needs_token(&self) -> bool {
        !self.bind.ip().is_loopback()
    }
}

/// 32 random bytes as hex, for a server bound beyond loopback without `--token`.
pub fn random_token() -> Result<String, getrandom::Error> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes)?;
    Ok(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
