//! WAL checkpoints beside the writers, not inside a commit.
//!
//! SQLite copies the WAL back into the database file (a checkpoint) when a commit finds the WAL
//! longer than `wal_autocheckpoint` pages (1,000 by default). That copy, with its two syncs, then
//! runs inside the commit, under the writer lock: every other submission waits for it, and the
//! unlucky one whose commit triggered it answers late. The server therefore runs its own
//! checkpoints on a connection of their own, often and small (`PASSIVE`: they never wait for a
//! reader or block a writer), so the WAL is nearly always copied back before a commit would do it.
//! SQLite's own checkpoint stays as the safety net: if this one falls behind or stops, commits
//! checkpoint as before and the WAL stays bounded.
//!
//! Durability is unchanged: a checkpoint in WAL mode syncs the WAL before it copies pages and the
//! database file after (see [`super::durable`]).
//!
//! Once nothing was written for a tick, the checkpoint also empties the WAL file (`TRUNCATE`).
//! The WAL holds earlier versions of pages (a draft answer set still keyed by its invitation, an
//! e-mail address before its code was used) until they are overwritten; deleted rows are zeroed in
//! the database file (`secure_delete`), and this removes the old versions from the WAL as soon as
//! the server is quiet for a moment, so a copy of the files (a backup) does not hold them.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use diesel::connection::SimpleConnection;
use diesel::Connection;

/// How often the WAL is copied back: at a few thousand small commits a second this keeps it to
/// a few hundred pages, well under SQLite's own threshold.
pub const INTERVAL: Duration = Duration::from_millis(20);

/// Stops the checkpoint thread when dropped (with the server that started it).
pub struct Checkpointer {
    stop: Arc<AtomicBool>,
}

impl Drop for Checkpointer {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Starts checkpointing the SQLite file at `path` every [`INTERVAL`] on a thread with its own
/// connection, until the returned handle is dropped. Fails only when the file cannot be opened.
pub fn start(path: &str) -> Result<Checkpointer, diesel::ConnectionError> {
    let mut conn = diesel::SqliteConnection::establish(path)?;
    // Never wait on a lock: a checkpoint that finds the file busy simply tries again next tick.
    conn.batch_execute("PRAGMA busy_timeout = 0;")
        .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
    let stop = Arc::new(AtomicBool::new(false));
    let flag = stop.clone();
    let path_owned = path.to_string();
    std::thread::Builder::new()
        .name("wal-checkpoint".into())
        .spawn(move || {
            let mut last = None;
            let mut emptied = false;
            while !flag.load(Ordering::Relaxed) {
                std::thread::sleep(INTERVAL);
                // A busy or failed checkpoint is not an error for anyone: commits still
                // checkpoint themselves past SQLite's threshold, and the WAL is emptied at the
                // next quiet tick.
                let version = data_version(&mut conn);
                if version.is_some() && version == last {
                    if !emptied {
                        emptied = conn
                            .batch_execute("PRAGMA wal_checkpoint(TRUNCATE);")
                            .is_ok()
                            && wal_is_empty(path_owned.as_str());
                    }
                } else {
                    emptied = false;
                    let _ = conn.batch_execute("PRAGMA wal_checkpoint(PASSIVE);");
                }
                last = version;
            }
        })
        .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
    Ok(Checkpointer { stop })
}

/// SQLite's counter of commits by other connections (`PRAGMA data_version`).
fn data_version(conn: &mut diesel::SqliteConnection) -> Option<i64> {
    use diesel::RunQueryDsl;
    #[derive(diesel::QueryableByName)]
    struct Version {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        data_version: i64,
    }
    diesel::sql_query("PRAGMA data_version")
        .get_result::<Version>(conn)
        .ok()
        .map(|v| v.data_version)
}

/// Whether the WAL file beside the database at `path` is gone or empty.
fn wal_is_empty(path: &str) -> bool {
    std::fs::metadata(format!("{path}-wal")).map_or(true, |m| m.len() == 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file_len(path: &str) -> u64 {
        std::fs::metadata(path).map(|m| m.len()).unwrap_or(0)
    }

    fn wait_for(mut done: impl FnMut() -> bool) -> bool {
        for _ in 0..250 {
            if done() {
                return true;
            }
            std::thread::sleep(INTERVAL);
        }
        false
    }

    #[test]
    fn the_wal_is_copied_back_without_a_commit_doing_it_and_stops_with_its_handle() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("c.db");
        let path = path.to_str().unwrap();
        let mut c = diesel::SqliteConnection::establish(path).unwrap();
        // Commits never checkpoint here, so the database file itself only grows when the
        // thread copies the WAL back into it.
        c.batch_execute(
            "PRAGMA journal_mode = WAL; PRAGMA wal_autocheckpoint = 0; \
             CREATE TABLE t (x TEXT);",
        )
        .unwrap();
        let before = file_len(path);
        let handle = start(path).unwrap();
        let rows = |c: &mut diesel::SqliteConnection| {
            for _ in 0..40 {
                c.batch_execute("INSERT INTO t VALUES (hex(randomblob(200)));")
                    .unwrap();
            }
        };
        rows(&mut c);
        assert!(
            wait_for(|| file_len(path) > before + 4096),
            "the database file never received the WAL's pages"
        );
        drop(handle);
        std::thread::sleep(INTERVAL * 5);
        let stopped = file_len(path);
        rows(&mut c);
        std::thread::sleep(INTERVAL * 20);
        assert_eq!(
            file_len(path),
            stopped,
            "checkpoints went on after the handle was dropped"
        );
    }
}
