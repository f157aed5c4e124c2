//! `nexus serve`: prints where the workbench is and, when it generated one, the token (once).

use crate::cli::ServeArgs;
use anyhow::Context;
use std::path::Path;

pub fn run(db: &Path, args: ServeArgs) -> anyhow::Result<()> {
    // Refuse a missing store with the usual message before starting anything.
    drop(crate::cmd_docs::open(db)?);
    let mut config = nexus_server::Config::new(db.to_path_buf(), args.bind);
    config.max_upload = args.max_upload;
    config.readers = args.readers;
    config.kb_dirs = crate::cmd_kb::analyst_dirs(db, &args.kb);
    if let Some(a) = args.analyst {
        config.analyst = a;
    }
    config.token = args.token.filter(|t| !t.is_empty());
    let generated = config.needs_token() && config.token.is_none();
    if generated {
        config.token = Some(nexus_server::random_token().map_err(|e| anyhow::anyhow!("cannot generate a token: {e}"))?);
    }
    let token = config.token.clone();
    let needs_token = config.needs_token();
    nexus_server::serve(config, |addr| {
        let host = if addr.ip().is_unspecified() { "localhost".to_owned() } else { addr.ip().to_string() };
        let host = if addr.is_ipv6() && !addr.ip().is_unspecified() { format!("[{host}]") } else { host };
        match (&token, needs_token) {
            (Some(t), true) => {
                eprintln!("nexus workbench on http://{host}:{}/?token={t}", addr.port());
                if generated {
                    eprintln!("(token generated for this run; it is not shown again)");
                }
            }
            _ => eprintln!("nexus workbench on http://{host}:{}/", addr.port()),
        }
        eprintln!("serving {} — Ctrl-C stops", db.display());
    })
    .with_context(|| format!("serving {}", db.display()))
}
