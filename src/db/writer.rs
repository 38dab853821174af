//! One writer thread per SQLite database for submissions (group commit).
//!
//! Answer sets sent by many residents at once are not each given their own transaction. They are
//! queued for one thread that owns one connection. The thread takes every submission that is
//! waiting, stores them in one transaction (each in its own savepoint, so one refused submission
//! leaves the others alone), commits once, waits for one sync of the WAL (in the durable mode, see
//! [`super::durable`]), and only then answers each of them. A failed commit or sync answers every
//! submission of that batch as failed, and none of them is stored in part: they were one
//! transaction.
//!
//! Why one thread with its own connection, and not the pool:
//! - one commit and one sync for many submissions, instead of one commit each;
//! - the connection's page cache stays valid, because no other connection writes beside it (SQLite
//!   drops a connection's whole cache when another connection has committed);
//! - the request threads do not queue on the writer lock.
//!
//! Other writes (staff work, imports) still use [`super::write_tx`]; both take the same writer lock,
//! so there is one writer at a time. PostgreSQL has no writer thread: it groups concurrent commits
//! itself, and a submission is a plain transaction there ([`Writer::Direct`]).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{sync_channel, Receiver, SyncSender, TrySendError};
use std::sync::Arc;

use diesel::Connection;

use super::{durable, DatabaseUrl, DbConnection};

/// At most this many submissions share one transaction (a bound on the time one batch holds the
/// writer lock; under heavy load the next batch starts right after).
pub const MAX_BATCH: usize = 256;
/// Submissions that may wait for the writer before a sender waits for room (memory stays bounded).
const QUEUE: usize = 4096;

/// Why a batch was not stored (every submission in it is answered with this).
type Failure = String;
/// Answers one submission once its batch is settled: `None` when it is committed (and durable),
/// `Some` when the batch failed.
type Finish = Box<dyn FnOnce(Option<&Failure>) + Send>;
/// One queued submission: runs its work on the writer's connection inside the batch (or, given
/// `None`, is told that the batch could not start) and gives back how to answer it.
type Entry = Box<dyn FnOnce(Option<&mut DbConnection>) -> Finish + Send>;

/// How many batches and submissions a writer has stored (for tests and the benchmark).
#[derive(Debug, Default)]
pub struct Counts {
    /// Transactions committed (or tried).
    pub batches: AtomicU64,
    /// Submissions in them.
    pub submissions: AtomicU64,
}

/// Where submissions are stored.
pub enum Writer {
    /// An SQLite file: the queue of its writer thread, and what it has done.
    Sqlite(SyncSender<Entry>, Arc<Counts>),
    /// PostgreSQL: each submission is its own transaction on a pooled connection.
    Direct,
}

impl Writer {
    /// Starts the writer for the database at `url` (a thread with its own connection for SQLite).
    /// The thread ends when the last `Writer` handle is dropped.
    pub fn start(url: &DatabaseUrl) -> anyhow::Result<Writer> {
        match url {
            DatabaseUrl::Postgres(_) => Ok(Writer::Direct),
            DatabaseUrl::Sqlite(path) => {
                let real = std::fs::canonicalize(path).unwrap_or_else(|_| path.into());
                Writer::start_with(url, Some(durable::for_path(&real)))
            }
        }
    }

    /// Starts a writer thread for the SQLite database at `url` that makes its commits durable
    /// through `group` (when that is in the durable mode).
    pub fn start_with(
        url: &DatabaseUrl,
        group: Option<Arc<durable::GroupSync>>,
    ) -> anyhow::Result<Writer> {
        let conn = url.connect()?;
        let (tx, rx) = sync_channel(QUEUE);
        let url = url.clone();
        let counts = Arc::new(Counts::default());
        let seen = counts.clone();
        std::thread::Builder::new()
            .name("db-writer".into())
            .spawn(move || run(conn, &url, rx, group, &seen))?;
        Ok(Writer::Sqlite(tx, counts))
    }

    /// Batches and submissions stored so far (zero for [`Writer::Direct`]).
    pub fn counts(&self) -> (u64, u64) {
        match self {
            Writer::Sqlite(_, c) => (
                c.batches.load(Ordering::Relaxed),
                c.submissions.load(Ordering::Relaxed),
            ),
            Writer::Direct => (0, 0),
        }
    }

    /// Queues `work` for the writer thread; the receiver gets its result once the batch it is in
    /// has been committed (and synced), or the batch's failure. For [`Writer::Direct`] `work` comes
    /// back: run it in [`super::write_tx`] on a pooled connection instead.
    pub fn queue<T, E, F>(&self, work: F) -> Result<tokio::sync::oneshot::Receiver<Result<T, E>>, F>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<diesel::result::Error> + Send + 'static,
    {
        let Writer::Sqlite(queue, _) = self else {
            return Err(work);
        };
        let (reply, answer) = tokio::sync::oneshot::channel();
        let entry: Entry = Box::new(move |conn| {
            let outcome = match conn {
                // A savepoint of its own: a refused submission leaves the rest of the batch.
                Some(c) => c.transaction(work),
                None => Err(diesel_error("the write transaction could not start").into()),
            };
            Box::new(move |failure: Option<&Failure>| {
                let result = match failure {
                    None => outcome,
                    Some(why) => Err(diesel_error(why).into()),
                };
                let _ = reply.send(result);
            })
        });
        // A full queue waits for room; a writer that has gone (it never should) drops the entry,
        // so the receiver reports the failure.
        match queue.try_send(entry) {
            Ok(()) => {}
            Err(TrySendError::Full(entry)) => {
                let _ = queue.send(entry);
            }
            Err(TrySendError::Disconnected(_)) => {}
        }
        Ok(answer)
    }
}

/// A storage error carrying `why` (for a batch that failed as a whole).
fn diesel_error(why: &str) -> diesel::result::Error {
    diesel::result::Error::DatabaseError(
        diesel::result::DatabaseErrorKind::Unknown,
        Box::new(why.to_string()),
    )
}

/// A commit's place in its file's group sync: the sync that covers `ticket` makes it durable.
type Ticket = (Arc<durable::GroupSync>, u64);
/// A committed batch waiting for the sync that covers its commit, and how to answer it.
type Committed = (Arc<durable::GroupSync>, u64, Vec<Finish>);

/// The writer thread: one batch of waiting submissions at a time. A committed batch that must be
/// made durable goes to the sync thread, so the next batch is written while the disk syncs.
fn run(
    mut conn: DbConnection,
    url: &DatabaseUrl,
    queue: Receiver<Entry>,
    group: Option<Arc<durable::GroupSync>>,
    counts: &Counts,
) {
    let (to_sync, synced) = sync_channel::<Committed>(QUEUE);
    let syncer = std::thread::Builder::new()
        .name("db-writer-sync".into())
        .spawn(move || answer_when_durable(synced));
    if let Err(e) = syncer {
        tracing::error!(error = %e, "the writer's sync thread could not start");
        return;
    }
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        while batch.len() < MAX_BATCH {
            match queue.try_recv() {
                Ok(e) => batch.push(e),
                Err(_) => break,
            }
        }
        counts.batches.fetch_add(1, Ordering::Relaxed);
        counts
            .submissions
            .fetch_add(batch.len() as u64, Ordering::Relaxed);
        let group = group
            .clone()
            .filter(|g| g.mode() == durable::SyncMode::Group);
        let (finishers, outcome) = store_batch(&mut conn, batch, group);
        match outcome {
            Ok(Some((g, ticket))) => {
                if let Err(e) = to_sync.send((g, ticket, finishers)) {
                    // The sync thread is gone (it never should be): fail the batch.
                    let (_, _, finishers) = e.0;
                    answer(finishers, Some(&"the sync thread stopped".to_string()));
                }
            }
            Ok(None) => answer(finishers, None),
            Err(why) => {
                if !super::in_no_transaction(&mut conn) {
                    // The connection is left inside a transaction it could not end: start afresh.
                    match url.connect() {
                        Ok(fresh) => conn = fresh,
                        Err(e) => {
                            tracing::error!(error = %e, "the writer could not reopen the database")
                        }
                    }
                }
                answer(finishers, Some(&why));
            }
        }
    }
}

/// The sync thread: answers each committed batch once a sync covers its commit (one sync covers
/// every commit before it, so batches that queued up meanwhile are answered without another).
fn answer_when_durable(committed: Receiver<Committed>) {
    while let Ok((group, ticket, finishers)) = committed.recv() {
        let failure = group.wait_durable(ticket).err().map(|e| e.to_string());
        answer(finishers, failure.as_ref());
    }
}

fn answer(finishers: Vec<Finish>, failure: Option<&Failure>) {
    for finish in finishers {
        finish(failure);
    }
}

/// Stores one batch in one transaction under the writer lock. Gives back how to answer each
/// submission, and whether the batch was committed: with the ticket its sync must cover when
/// `group` is given.
fn store_batch(
    conn: &mut DbConnection,
    batch: Vec<Entry>,
    group: Option<Arc<durable::GroupSync>>,
) -> (Vec<Finish>, Result<Option<Ticket>, Failure>) {
    let lock = super::lock_writer();
    if let Err(e) = super::begin_write(conn) {
        drop(lock);
        let finishers = batch.into_iter().map(|e| e(None)).collect();
        return (finishers, Err(e.to_string()));
    }
    let mut finishers = Vec::with_capacity(batch.len());
    let mut outcome = Ok(());
    for entry in batch {
        // A submission that panics spoils its savepoint: the whole batch is rolled back and every
        // submission in it is told it failed (its own answer channel is gone with the panic).
        match catch_unwind(AssertUnwindSafe(|| entry(Some(&mut *conn)))) {
            Ok(finish) => finishers.push(finish),
            Err(_) => outcome = Err("a submission failed unexpectedly".to_string()),
        }
    }
    let ended = outcome.and_then(|()| super::commit(conn).map_err(|e| e.to_string()));
    if let Err(why) = ended {
        // Back out of every level still open (a savepoint left by a panic, or the batch itself).
        while !super::in_no_transaction(conn) && super::rollback(conn).is_ok() {}
        drop(lock);
        tracing::error!(error = %why, "a batch of submissions could not be stored");
        return (finishers, Err(why));
    }
    // The ticket is taken under the writer lock (commit order); the sync is waited for outside it.
    let ticket = group.map(|g| {
        let t = g.ticket();
        (g, t)
    });
    drop(lock);
    (finishers, Ok(ticket))
}

#[cfg(test)]
mod tests {
    use super::*;
    use diesel::connection::SimpleConnection;
    use diesel::prelude::*;
    use diesel::sql_types::BigInt;
    use std::path::Path;
    use std::time::Duration;

    type Answer = tokio::sync::oneshot::Receiver<Result<(), diesel::result::Error>>;

    fn database(dir: &Path) -> DatabaseUrl {
        let url = DatabaseUrl::Sqlite(dir.join("w.db").display().to_string());
        let mut c = url.connect().unwrap();
        c.batch_execute("CREATE TABLE t (x INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)")
            .unwrap();
        url
    }

    fn insert(w: &Writer, x: i64, v: &str) -> Answer {
        let v = v.to_string();
        w.queue(move |c: &mut DbConnection| {
            diesel::sql_query("INSERT INTO t (x, v) VALUES (?, ?)")
                .bind::<BigInt, _>(x)
                .bind::<diesel::sql_types::Text, _>(v)
                .execute(c)
                .map(|_| ())
        })
        .ok()
        .unwrap()
    }

    fn rows(url: &DatabaseUrl) -> Vec<i64> {
        #[derive(QueryableByName)]
        struct Row {
            #[diesel(sql_type = BigInt)]
            x: i64,
        }
        let mut c = url.connect().unwrap();
        let r: Vec<Row> = diesel::sql_query("SELECT x FROM t ORDER BY x")
            .load(&mut c)
            .unwrap();
        r.into_iter().map(|r| r.x).collect()
    }

    /// Holds the writer lock while `queue` runs, so that everything queued meanwhile waits.
    fn while_locked<T>(queue: impl FnOnce() -> T) -> T {
        let lock = crate::db::lock_writer();
        let out = queue();
        std::thread::sleep(Duration::from_millis(50));
        drop(lock);
        out
    }

    #[test]
    fn waiting_submissions_share_one_commit_and_are_all_stored() {
        let dir = tempfile::tempdir().unwrap();
        let url = database(dir.path());
        let w = Writer::start_with(&url, None).unwrap();
        let answers: Vec<Answer> =
            while_locked(|| (0..50).map(|i| insert(&w, i, &format!("v{i}"))).collect());
        for a in answers {
            a.blocking_recv().unwrap().unwrap();
        }
        assert_eq!(rows(&url), (0..50).collect::<Vec<_>>());
        let (batches, submissions) = w.counts();
        assert_eq!(submissions, 50);
        assert!(
            batches <= 3,
            "50 waiting submissions took {batches} commits"
        );
    }

    #[test]
    fn a_refused_submission_leaves_the_rest_of_its_batch() {
        let dir = tempfile::tempdir().unwrap();
        let url = database(dir.path());
        let w = Writer::start_with(&url, None).unwrap();
        let (a, b, c) = while_locked(|| {
            let a = insert(&w, 1, "same");
            // Writes a row, then fails on the unique value: its own row goes too.
            let b = w
                .queue(|c: &mut DbConnection| {
                    diesel::sql_query("INSERT INTO t (x, v) VALUES (2, 'two')").execute(c)?;
                    diesel::sql_query("INSERT INTO t (x, v) VALUES (3, 'same')")
                        .execute(c)
                        .map(|_| ())
                })
                .ok()
                .unwrap();
            let c = insert(&w, 4, "four");
            (a, b, c)
        });
        a.blocking_recv().unwrap().unwrap();
        assert!(b.blocking_recv().unwrap().is_err());
        c.blocking_recv().unwrap().unwrap();
        assert_eq!(rows(&url), vec![1, 4]);
    }

    #[test]
    fn a_panic_fails_the_whole_batch_and_the_writer_goes_on() {
        let dir = tempfile::tempdir().unwrap();
        let url = database(dir.path());
        let w = Writer::start_with(&url, None).unwrap();
        let (a, b, c) = while_locked(|| {
            let a = insert(&w, 1, "one");
            let b: tokio::sync::oneshot::Receiver<Result<(), diesel::result::Error>> = w
                .queue(|_c: &mut DbConnection| panic!("a defect"))
                .ok()
                .unwrap();
            let c = insert(&w, 3, "three");
            (a, b, c)
        });
        // The first may have been alone in an earlier batch; the ones after the panic never are.
        let first = a.blocking_recv().unwrap();
        assert!(
            b.blocking_recv().is_err(),
            "the panicking one has no answer"
        );
        assert!(c.blocking_recv().unwrap().is_err());
        let stored = rows(&url);
        assert!(
            !stored.contains(&3),
            "nothing of the failed batch is stored"
        );
        assert_eq!(stored.contains(&1), first.is_ok());
        insert(&w, 5, "five").blocking_recv().unwrap().unwrap();
        assert!(rows(&url).contains(&5));
    }

    #[test]
    fn a_failed_commit_answers_the_whole_batch_as_failed_and_stores_none_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let url = database(dir.path());
        // A deferred foreign key is only checked at COMMIT: one bad submission fails the commit.
        url.connect()
            .unwrap()
            .batch_execute(
                "CREATE TABLE parent (id INTEGER PRIMARY KEY); \
                 CREATE TABLE child (id INTEGER PRIMARY KEY, parent INTEGER NOT NULL \
                 REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED);",
            )
            .unwrap();
        let w = Writer::start_with(&url, None).unwrap();
        let (good, bad, also_good) = while_locked(|| {
            let good = insert(&w, 1, "one");
            let bad: Answer = w
                .queue(|c: &mut DbConnection| {
                    diesel::sql_query("INSERT INTO child (id, parent) VALUES (1, 99)")
                        .execute(c)
                        .map(|_| ())
                })
                .ok()
                .unwrap();
            let also_good = insert(&w, 3, "three");
            (good, bad, also_good)
        });
        let first = good.blocking_recv().unwrap();
        assert!(bad.blocking_recv().unwrap().is_err());
        assert!(
            also_good.blocking_recv().unwrap().is_err(),
            "its batch failed"
        );
        let stored = rows(&url);
        assert!(
            !stored.contains(&3),
            "nothing of the failed batch is stored"
        );
        assert_eq!(stored.contains(&1), first.is_ok());
        // The writer goes on with the next batch.
        insert(&w, 5, "five").blocking_recv().unwrap().unwrap();
        assert!(rows(&url).contains(&5));
    }

    #[test]
    fn a_failed_sync_answers_the_whole_batch_as_failed() {
        let dir = tempfile::tempdir().unwrap();
        let url = database(dir.path());
        let group = Arc::new(durable::GroupSync::new(
            dir.path().join("w.db"),
            Box::new(|_: &Path| Err(std::io::Error::other("disk gone"))),
        ));
        let w = Writer::start_with(&url, Some(group)).unwrap();
        let answers: Vec<Answer> =
            while_locked(|| (0..5).map(|i| insert(&w, i, &format!("v{i}"))).collect());
        for a in answers {
            assert!(a.blocking_recv().unwrap().is_err());
        }
    }

    #[test]
    fn each_answer_comes_after_its_sync() {
        let dir = tempfile::tempdir().unwrap();
        let url = database(dir.path());
        let synced = Arc::new(AtomicU64::new(0));
        let counter = synced.clone();
        let group = Arc::new(durable::GroupSync::new(
            dir.path().join("w.db"),
            Box::new(move |_: &Path| {
                std::thread::sleep(Duration::from_millis(20));
                counter.fetch_add(1, Ordering::SeqCst);
                Ok(())
            }),
        ));
        let w = Writer::start_with(&url, Some(group)).unwrap();
        for i in 0..3 {
            let before = synced.load(Ordering::SeqCst);
            insert(&w, i, &format!("v{i}"))
                .blocking_recv()
                .unwrap()
                .unwrap();
            assert!(
                synced.load(Ordering::SeqCst) > before,
                "answered before its sync"
            );
        }
    }
}
