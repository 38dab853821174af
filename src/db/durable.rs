//! Durable commits on SQLite with group commit.
//!
//! SQLite runs in WAL mode with `synchronous = NORMAL`: a commit appends its pages to the `-wal`
//! file without waiting for the disk. That survives a killed process, but a power cut or a crashed
//! virtual machine can lose the last commits. When the product tells a resident "verzonden", the
//! answer set must survive that too.
//!
//! The discipline (default, `KLANKBORD_SQLITE_SYNC=group`):
//! 1. a write transaction commits as before, under the process's writer lock, and takes a ticket
//!    while it still holds the lock, so ticket order is the order of the commits in the WAL;
//! 2. it releases the writer lock, so the next transactions can commit meanwhile;
//! 3. it waits until a sync that covers its ticket is done. The first waiter becomes the leader:
//!    it notes the highest ticket handed out, calls `fdatasync` on the `-wal` file once, and then
//!    wakes every waiter up to that ticket. Waiters that came later form the next group.
//!
//! The WAL is append-only between checkpoints, so one sync of the file covers every commit before
//! it. A checkpoint in `NORMAL` mode syncs the WAL before it copies pages and syncs the database
//! file after, so commits moved out of the WAL are durable in the database file. When no `-wal`
//! file exists (every connection closed and SQLite removed it), the database file is synced.
//!
//! A failed sync answers every waiter of that group as failed and poisons the file: after a failed
//! `fsync` Linux may have dropped the dirty pages, so a later successful sync proves nothing. Every
//! durable commit after that fails until the process restarts (PostgreSQL does the same). Each
//! transaction is still all-or-nothing; a failed answer never leaves half a submission.
//!
//! PostgreSQL needs none of this: its default `synchronous_commit = on` waits for the WAL flush
//! before a commit returns, and it groups concurrent flushes itself.

use std::cell::RefCell;
use std::collections::HashMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Condvar, Mutex, OnceLock, PoisonError};

/// How SQLite commits are made durable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SyncMode {
    /// Every commit waits for a shared sync of the WAL (group commit). The default.
    #[default]
    Group,
    /// Commits return before the disk has them (WAL `NORMAL`): survives a killed process, not a
    /// power cut. Only for benchmarks and throw-away installations.
    Normal,
}

impl SyncMode {
    /// Parses the setting's value (`group` or `normal`).
    pub fn parse(raw: &str) -> Option<SyncMode> {
        match raw.trim().to_ascii_lowercase().as_str() {
            "group" | "durable" | "full" => Some(SyncMode::Group),
            "normal" => Some(SyncMode::Normal),
            _ => None,
        }
    }
}

/// The sync itself, replaceable in tests to count calls or inject a failure.
pub type SyncFn = dyn Fn(&Path) -> std::io::Result<()> + Send + Sync;

/// Group-commit state of one SQLite database file.
pub struct GroupSync {
    db_path: PathBuf,
    mode: Mutex<SyncMode>,
    state: Mutex<State>,
    wake: Condvar,
    sync: Box<SyncFn>,
}

#[derive(Default)]
struct State {
    /// Tickets handed out (one per commit), in commit order.
    issued: u64,
    /// Every ticket up to this one is on disk.
    synced: u64,
    /// A leader is syncing now.
    syncing: bool,
    /// A sync failed: nothing after it can be promised durable.
    poisoned: bool,
    /// Number of syncs done (for tests and the benchmark).
    syncs: u64,
}

/// Why a commit could not be made durable.
#[derive(Debug, thiserror::Error)]
#[error("de gegevens konden niet veilig op schijf worden gezet: {0}")]
pub struct SyncError(pub String);

impl GroupSync {
    /// State for the database file at `db_path`, syncing with `sync`.
    pub fn new(db_path: PathBuf, sync: Box<SyncFn>) -> GroupSync {
        GroupSync {
            db_path,
            mode: Mutex::new(SyncMode::Group),
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            sync,
        }
    }

    /// The mode in force for this file.
    pub fn mode(&self) -> SyncMode {
        *self.mode.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Takes the ticket of a commit that just happened. Call it while the writer lock is held.
    pub fn ticket(&self) -> u64 {
        let mut s = self.lock();
        s.issued += 1;
        s.issued
    }

    /// Waits until the commit with `ticket` is on disk, syncing for the whole group if no one else is.
    pub fn wait_durable(&self, ticket: u64) -> Result<(), SyncError> {
        let mut s = self.lock();
        loop {
            if s.poisoned {
                return Err(SyncError(
                    "een eerdere schrijfopdracht naar schijf is mislukt; herstart de server".into(),
                ));
            }
            if s.synced >= ticket {
                return Ok(());
            }
            if !s.syncing {
                // Lead this group: everything issued so far is in the WAL before this sync starts.
                s.syncing = true;
                let target = s.issued;
                drop(s);
                let result = (self.sync)(&self.db_path);
                s = self.lock();
                s.syncing = false;
                s.syncs += 1;
                match result {
                    Ok(()) => s.synced = s.synced.max(target),
                    Err(e) => {
                        s.poisoned = true;
                        tracing::error!(error = %e, "sync of the SQLite WAL failed; durable commits are refused until restart");
                    }
                }
                self.wake.notify_all();
                continue;
            }
            s = self.wake.wait(s).unwrap_or_else(PoisonError::into_inner);
        }
    }

    /// Number of syncs done so far.
    pub fn syncs(&self) -> u64 {
        self.lock().syncs
    }

    /// Whether a failed sync has stopped durable commits.
    pub fn poisoned(&self) -> bool {
        self.lock().poisoned
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// Syncs the WAL of the database at `db_path`, or the database file itself when there is no WAL.
pub fn sync_wal(db_path: &Path) -> std::io::Result<()> {
    let mut wal = db_path.as_os_str().to_owned();
    wal.push("-wal");
    match File::open(PathBuf::from(wal)) {
        Ok(f) => f.sync_data(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => File::open(db_path)?.sync_data(),
        Err(e) => Err(e),
    }
}

type Registry = Mutex<HashMap<PathBuf, Arc<GroupSync>>>;

fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(Default::default)
}

/// The group-commit state of the database file at `path` (made on first use, with the real sync).
pub fn for_path(path: &Path) -> Arc<GroupSync> {
    let mut map = registry().lock().unwrap_or_else(PoisonError::into_inner);
    map.entry(path.to_path_buf())
        .or_insert_with(|| {
            // The directory entry of the database and its WAL must be on disk too: sync the
            // folder once, when the file is first used by this process.
            if let Some(dir) = path.parent() {
                let dir = if dir.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    dir
                };
                if let Ok(d) = File::open(dir) {
                    let _ = d.sync_all();
                }
            }
            Arc::new(GroupSync::new(path.to_path_buf(), Box::new(sync_wal)))
        })
        .clone()
}

/// Commits waiting to be made durable: the group and the commit's ticket.
type Waits = Vec<(Arc<GroupSync>, u64)>;

thread_local! {
    /// The durable waits put off on this thread while [`deferred`] runs; `None` outside it.
    static DEFERRED: RefCell<Option<Waits>> = const { RefCell::new(None) };
}

/// Durable waits put off by [`deferred`]: call [`Pending::wait`] before answering anyone.
#[must_use = "the commits are not known to be on disk until `wait` returns"]
pub struct Pending(Waits);

impl Pending {
    /// Waits until every commit put off is on disk (one shared sync per group, as usual).
    pub fn wait(self) -> Result<(), SyncError> {
        let mut failed = None;
        for (group, ticket) in self.0 {
            if let Err(e) = group.wait_durable(ticket) {
                failed = Some(e);
            }
        }
        failed.map_or(Ok(()), Err)
    }

    /// Whether nothing waits.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Puts `DEFERRED` back as it was, also when `f` panics (a later commit on this pooled thread
/// must never skip its wait).
struct Restore(Option<Waits>);

impl Drop for Restore {
    fn drop(&mut self) {
        let previous = self.0.take();
        DEFERRED.with(|d| *d.borrow_mut() = previous);
    }
}

/// Runs `f` (a request's database work on one pooled connection) with the durable waits of its
/// SQLite commits put off: the caller gives the connection back to the pool, then waits with
/// [`Pending::wait`] before it answers. While one group's sync runs, other requests can then take
/// that connection and commit, and join the next sync, instead of the pool size capping the group.
pub fn deferred<T>(f: impl FnOnce() -> T) -> (T, Pending) {
    let previous = DEFERRED.with(|d| d.borrow_mut().replace(Vec::new()));
    let restore = Restore(previous);
    let out = f();
    let waits = DEFERRED.with(|d| d.borrow_mut().take()).unwrap_or_default();
    drop(restore);
    (out, Pending(waits))
}

/// Waits until commit `ticket` is on disk, or, inside [`deferred`], notes it for the caller.
pub fn wait_or_defer(group: Arc<GroupSync>, ticket: u64) -> Result<(), SyncError> {
    let rest = DEFERRED.with(|d| match d.borrow_mut().as_mut() {
        Some(waits) => {
            waits.push((group, ticket));
            None
        }
        None => Some((group, ticket)),
    });
    match rest {
        Some((group, ticket)) => group.wait_durable(ticket),
        None => Ok(()),
    }
}

/// Sets how commits to the database file at `path` are made durable (from the configuration).
pub fn set_mode(path: &Path, mode: SyncMode) {
    let g = for_path(path);
    *g.mode.lock().unwrap_or_else(PoisonError::into_inner) = mode;
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    fn counting(delay_ms: u64, calls: Arc<AtomicU64>, fail_on: Option<u64>) -> Box<SyncFn> {
        Box::new(move |_p: &Path| {
            let n = calls.fetch_add(1, Ordering::SeqCst) + 1;
            std::thread::sleep(Duration::from_millis(delay_ms));
            if Some(n) == fail_on {
                Err(std::io::Error::other("disk gone"))
            } else {
                Ok(())
            }
        })
    }

    #[test]
    fn one_commit_waits_for_its_own_sync() {
        let calls = Arc::new(AtomicU64::new(0));
        let g = GroupSync::new("x.db".into(), counting(0, calls.clone(), None));
        let t = g.ticket();
        g.wait_durable(t).unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        // Already covered: no second sync.
        g.wait_durable(t).unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn many_concurrent_commits_share_few_syncs() {
        let calls = Arc::new(AtomicU64::new(0));
        let g = Arc::new(GroupSync::new(
            "x.db".into(),
            counting(20, calls.clone(), None),
        ));
        let writer = Arc::new(Mutex::new(()));
        let threads: Vec<_> = (0..32)
            .map(|_| {
                let g = g.clone();
                let writer = writer.clone();
                std::thread::spawn(move || {
                    let t = {
                        let _w = writer.lock().unwrap();
                        g.ticket()
                    };
                    g.wait_durable(t)
                })
            })
            .collect();
        for t in threads {
            t.join().unwrap().unwrap();
        }
        let syncs = calls.load(Ordering::SeqCst);
        assert!(syncs >= 1);
        assert!(
            syncs < 32,
            "32 commits needed {syncs} syncs: they were not grouped"
        );
        assert_eq!(g.lock().synced, 32);
    }

    #[test]
    fn a_failed_sync_fails_its_whole_group_and_every_later_commit() {
        let calls = Arc::new(AtomicU64::new(0));
        let g = Arc::new(GroupSync::new(
            "x.db".into(),
            counting(30, calls.clone(), Some(1)),
        ));
        // Several commits before the first sync starts: they are one group.
        let tickets: Vec<u64> = (0..5).map(|_| g.ticket()).collect();
        let threads: Vec<_> = tickets
            .into_iter()
            .map(|t| {
                let g = g.clone();
                std::thread::spawn(move || g.wait_durable(t))
            })
            .collect();
        for t in threads {
            assert!(t.join().unwrap().is_err());
        }
        assert!(g.poisoned());
        let later = g.ticket();
        assert!(g.wait_durable(later).is_err());
        assert_eq!(calls.load(Ordering::SeqCst), 1, "no sync after the failure");
    }

    #[test]
    fn deferred_waits_come_after_the_work_and_outside_it_nothing_is_put_off() {
        let calls = Arc::new(AtomicU64::new(0));
        let g = Arc::new(GroupSync::new(
            "x.db".into(),
            counting(0, calls.clone(), None),
        ));
        let (synced_inside, pending) = deferred(|| {
            let t = g.ticket();
            wait_or_defer(g.clone(), t).unwrap();
            calls.load(Ordering::SeqCst)
        });
        assert_eq!(synced_inside, 0, "no sync while the work runs");
        assert!(!pending.is_empty());
        pending.wait().unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 1, "the wait syncs");
        // Outside `deferred` (and after a panic inside it) a commit waits for its own sync.
        let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            deferred(|| -> u8 { panic!("request failed") })
        }));
        let t = g.ticket();
        wait_or_defer(g.clone(), t).unwrap();
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn a_failed_deferred_sync_fails_the_wait() {
        let calls = Arc::new(AtomicU64::new(0));
        let g = Arc::new(GroupSync::new("x.db".into(), counting(0, calls, Some(1))));
        let ((), pending) = deferred(|| {
            let t = g.ticket();
            wait_or_defer(g.clone(), t).unwrap();
        });
        assert!(pending.wait().is_err());
    }

    #[test]
    fn the_setting_is_read() {
        assert_eq!(SyncMode::parse("group"), Some(SyncMode::Group));
        assert_eq!(SyncMode::parse(" NORMAL "), Some(SyncMode::Normal));
        assert_eq!(SyncMode::parse("fast"), None);
    }

    #[test]
    fn the_real_sync_finds_the_wal_or_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("k.db");
        assert!(sync_wal(&db).is_err(), "no file at all is an error");
        std::fs::write(&db, b"x").unwrap();
        sync_wal(&db).unwrap();
        std::fs::write(dir.path().join("k.db-wal"), b"y").unwrap();
        sync_wal(&db).unwrap();
    }
}
