//! Isolation of the parser: the PDF crates we build on use `unwrap`/`expect` on
//! input-derived values and recurse on nested structures, so extraction runs on its own thread
//! with a large stack, panics are caught and turned into [`PdfError::Damaged`], and the caller
//! waits at most `timeout`.

use std::any::Any;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Once, mpsc};
use std::thread;
use std::time::Duration;

use crate::PdfError;

/// Deep enough for any PDF that passed [`crate::hostile::check`]; it is virtual memory, only
/// the pages actually touched are committed.
const WORKER_STACK_BYTES: usize = 256 * 1024 * 1024;

/// Name of the worker threads; the panic hook stays quiet for them.
const WORKER_NAME: &str = "nexus-pdf-extract";

/// Panics of the parser on malformed files are expected and reported as errors, so they
/// should not also spray messages on stderr. The previous hook still runs for every other
/// thread of the process.
fn silence_worker_panics() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            if thread::current().name() != Some(WORKER_NAME) {
                previous(info);
            }
        }));
    });
}

/// Runs `job` on a worker thread; see the module documentation.
pub(crate) fn run_isolated<T, F>(timeout: Duration, job: F) -> Result<T, PdfError>
where
    T: Send + 'static,
    F: FnOnce() -> Result<T, PdfError> + Send + 'static,
{
    silence_worker_panics();
    let (sender, receiver) = mpsc::channel();
    thread::Builder::new()
        .name(WORKER_NAME.into())
        .stack_size(WORKER_STACK_BYTES)
        .spawn(move || {
            let outcome = panic::catch_unwind(AssertUnwindSafe(job)).unwrap_or_else(|payload| Err(crashed(payload.as_ref())));
            // The receiver is gone only if the caller already timed out; nothing to report to.
            let _ = sender.send(outcome);
        })
        .map_err(|e| PdfError::Internal(format!("cannot start worker thread: {e}")))?;

    match receiver.recv_timeout(timeout) {
        Ok(outcome) => outcome,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(PdfError::TimedOut(timeout)),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(PdfError::Damaged("the PDF parser stopped unexpectedly".into())),
    }
}

/// Runs `job` in place, turning a panic into [`PdfError::Damaged`]; used per page so one bad
/// page does not lose the others.
pub(crate) fn catch_panic<T>(job: impl FnOnce() -> Result<T, PdfError>) -> Result<T, PdfError> {
    panic::catch_unwind(AssertUnwindSafe(job)).unwrap_or_else(|payload| Err(crashed(payload.as_ref())))
}

fn crashed(payload: &(dyn Any + Send)) -> PdfError {
    let detail = payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into());
    PdfError::Damaged(format!("the PDF parser failed on malformed data ({detail})"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn panics_become_damaged() {
        let r: Result<(), _> = run_isolated(Duration::from_secs(5), || panic!("boom"));
        assert!(matches!(r, Err(PdfError::Damaged(m)) if m.contains("boom")));
    }

    #[test]
    fn slow_jobs_time_out() {
        let r: Result<(), _> = run_isolated(Duration::from_millis(50), || {
            thread::sleep(Duration::from_millis(500));
            Ok(())
        });
        assert!(matches!(r, Err(PdfError::TimedOut(_))));
    }
}
