//! The one writer: a thread owning the store's read-write connection, running write tasks
//! (corrections, grades, ingests of uploads) one after another, so SQLite never sees two
//! writers from this process and a task never waits on a lock mid-transaction.

use crate::cache::Generation;
use crate::error::{ApiError, ApiResult};
use nexus_store::Store;
use std::path::PathBuf;
use std::sync::mpsc;
use tokio::sync::oneshot;

type Task = Box<dyn FnOnce(&mut Store, &std::path::Path) + Send>;

#[derive(Clone)]
pub struct Writer {
    tx: mpsc::Sender<Task>,
    /// Bumped after every write task (before `write` answers): what cached answers are keyed by.
    generation: Generation,
}

impl Writer {
    /// Open (and migrate) the store at `db` and start the writer thread.
    pub fn start(db: PathBuf, generation: Generation) -> nexus_store::Result<Writer> {
        let mut store = Store::open_existing(&db)?;
        let (tx, rx) = mpsc::channel::<Task>();
        let g = generation.clone();
        std::thread::Builder::new()
            .name("nexus-writer".into())
            .spawn(move || {
                for task in rx {
                    // A panicking task must not take the writer down with it.
                    let run = std::panic::AssertUnwindSafe(|| task(&mut store, &db));
                    if std::panic::catch_unwind(run).is_err() {
                        tracing::error!("a write task panicked");
                    }
                    g.bump();
                }
            })
            .map_err(|e| nexus_store::StoreError::BadQuery { query: "writer".into(), message: e.to_string() })?;
        Ok(Writer { tx, generation })
    }

    pub fn generation(&self) -> &Generation {
        &self.generation
    }

    /// Run `f` on the writer and wait for its answer.
    pub async fn write<T, F>(&self, f: F) -> ApiResult<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Store) -> ApiResult<T> + Send + 'static,
    {
        let (tx, rx) = oneshot::channel();
        let generation = self.generation.clone();
        self.tx
            .send(Box::new(move |store: &mut Store, _: &std::path::Path| {
                let answer = f(store);
                // Before the caller hears back: no answer read before this write is served after.
                generation.bump();
                let _ = tx.send(answer);
            }))
            .map_err(|_| ApiError::internal("the writer has stopped"))?;
        rx.await.map_err(|_| ApiError::internal("the write failed"))?
    }

    /// Queue `f` on the writer without waiting (ingests); it gets the store's path. The
    /// generation is bumped after `f`; `f` bumps it itself before telling anyone it finished.
    pub fn submit(&self, f: impl FnOnce(&mut Store, &std::path::Path) + Send + 'static) -> ApiResult<()> {
        self.tx.send(Box::new(f)).map_err(|_| ApiError::internal("the writer has stopped"))
    }
}
