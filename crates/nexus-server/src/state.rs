//! What every request handler shares.

use crate::cache::{Generation, ResponseCache};
use crate::config::Config;
use crate::error::ServerError;
use crate::jobs::Jobs;
use crate::pool::ReadPool;
use crate::writer::Writer;
use nexus_kb::{EntityType, KnowledgeBase};
use nexus_store::KbFact;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

#[derive(Clone)]
pub struct AppState {
    pub pool: Arc<ReadPool>,
    pub writer: Writer,
    pub kb: Arc<KnowledgeBase>,
    pub jobs: Jobs,
    pub token: Option<Arc<str>>,
    pub analyst: Arc<str>,
    pub max_upload: u64,
    /// The country outlines as GeoJSON, serialized once at start.
    pub geo: Arc<Vec<u8>>,
    /// Uploaded files wait here for their ingest; removed when the server stops.
    pub uploads: Arc<tempfile::TempDir>,
    pub kb_dirs: Arc<Vec<PathBuf>>,
    /// Built on the first upload: compiling the knowledge base takes a while and most sessions
    /// upload nothing.
    pub extractor: Arc<OnceLock<nexus_extract::Extractor>>,
    /// Answers of `GET /api/*` as sent, valid while `generation` stays (see `cache`).
    pub cache: Arc<ResponseCache>,
    pub generation: Generation,
}

impl AppState {
    pub fn new(config: &Config) -> Result<AppState, ServerError> {
        let (kb, diags) = KnowledgeBase::load(&config.kb_dirs);
        for d in diags {
            tracing::warn!("{d}");
        }
        // The writer first: it migrates an older store, which read-only connections cannot.
        let generation = Generation::default();
        let writer = Writer::start(config.db.clone(), generation.clone())?;
        generation.watch(config.db.clone())?;
        let facts = Arc::new(kb_facts(&kb));
        let pool = Arc::new(ReadPool::open(config.db.clone(), config.readers, facts)?);
        let uploads = tempfile::Builder::new().prefix("nexus-uploads-").tempdir()?;
        Ok(AppState {
            pool,
            writer,
            kb: Arc::new(kb),
            jobs: Jobs::default(),
            token: config.token.as_deref().map(Arc::from),
            analyst: Arc::from(config.analyst.as_str()),
            max_upload: config.max_upload,
            geo: Arc::new(crate::geo::countries_geojson()),
            uploads: Arc::new(uploads),
            kb_dirs: Arc::new(config.kb_dirs.clone()),
            extractor: Arc::new(OnceLock::new()),
            cache: Arc::new(ResponseCache::default()),
            generation,
        })
    }

    /// The country an entity belongs to (ISO alpha-2): a country's own code, else its home
    /// country in the knowledge base; as exports read it.
    pub fn country_of(&self, key: &str) -> Option<String> {
        self.kb.get(key).and_then(kb_country)
    }
}

fn kb_country(e: &nexus_kb::Entity) -> Option<String> {
    match e.entity_type {
        EntityType::Country => e.iso2.clone().or_else(|| Some(e.id.to_ascii_uppercase())),
        _ => e.country.clone().filter(|c| c != "XX"),
    }
}

/// Country and coordinates of every knowledge-base entry, for the read connections' `kb_facts`.
fn kb_facts(kb: &KnowledgeBase) -> Vec<KbFact> {
    kb.entities().iter().map(|e| KbFact { key: e.id.clone(), country: kb_country(e), lat: e.lat, lon: e.lon }).collect()
}
