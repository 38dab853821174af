//! Uploads being imported in the background, kept in memory for their progress pages.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::surveys::paper::progress;
use crate::surveys::paper::sheet::Format;

/// An upload being imported in the background, so a large file shows its progress.
pub struct Job {
    pub(super) wave_id: i64,
    pub(super) file_name: String,
    pub(super) format: Format,
    pub(super) total: u64,
    pub(super) bytes: Arc<AtomicU64>,
    pub(super) rows: AtomicU64,
    pub(super) started: Instant,
    pub(super) outcome: Mutex<Option<(Outcome, Instant)>>,
}

/// How an import ended: the report, or why the file could not be read (nothing was written).
pub(super) type Outcome = Result<i64, String>;

impl Job {
    pub(super) fn outcome(&self) -> Option<Outcome> {
        self.outcome
            .lock()
            .ok()
            .and_then(|o| o.as_ref().map(|(r, _)| r.clone()))
    }

    pub(super) fn finish(&self, outcome: Outcome) {
        if let Ok(mut o) = self.outcome.lock() {
            *o = Some((outcome, Instant::now()));
        }
    }

    pub(super) fn estimate(&self) -> (u64, progress::Estimate) {
        let rows = self.rows.load(Ordering::Relaxed);
        let e = progress::estimate(
            rows,
            self.bytes.load(Ordering::Relaxed),
            self.total,
            self.started.elapsed(),
        );
        (rows, e)
    }
}

/// The imports of this instance, by an unguessable id. Kept in memory only: after a restart an
/// unfinished import is simply read again (whole batches were stored; nothing comes in twice).
#[derive(Default)]
pub struct Jobs(Mutex<HashMap<String, Arc<Job>>>);

/// How long a finished import's outcome waits to be looked at.
const KEEP_FINISHED: Duration = Duration::from_secs(3600);

impl Jobs {
    pub(super) fn start(
        &self,
        wave_id: i64,
        file_name: String,
        format: Format,
        total: u64,
    ) -> (String, Arc<Job>) {
        let id = crate::accounts::sessions::new_token();
        let job = Arc::new(Job {
            wave_id,
            file_name,
            format,
            total,
            bytes: Arc::new(AtomicU64::new(0)),
            rows: AtomicU64::new(0),
            started: Instant::now(),
            outcome: Mutex::new(None),
        });
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, j| {
                j.outcome
                    .lock()
                    .map(|o| {
                        o.as_ref()
                            .is_none_or(|(_, at)| at.elapsed() <= KEEP_FINISHED)
                    })
                    .unwrap_or(false)
            });
            map.insert(id.clone(), job.clone());
        }
        (id, job)
    }

    pub(super) fn get(&self, wave_id: i64, id: &str) -> Option<Arc<Job>> {
        let map = self.0.lock().ok()?;
        map.get(id).filter(|j| j.wave_id == wave_id).cloned()
    }

    pub(super) fn remove(&self, id: &str) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(id);
        }
    }
}
