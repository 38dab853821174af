//! Database access: one diesel codebase over SQLite (embedded default) and PostgreSQL (production,
//! scale-out). The backend is chosen from the URL scheme, never by trial: SQLite accepts any string
//! as a file name, so letting diesel guess would turn a mistyped PostgreSQL URL into a new empty file.

pub mod checkpoint;
pub mod durable;
pub mod schema;
pub mod settings;
pub mod writer;

use std::time::Duration;

use diesel::connection::{AnsiTransactionManager, SimpleConnection, TransactionManager};
use diesel::prelude::*;
use diesel_migrations::{embed_migrations, EmbeddedMigrations, MigrationHarness};

/// Migrations for each backend; the two trees carry the same folder names (a test checks this).
const SQLITE_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/sqlite");
const POSTGRES_MIGRATIONS: EmbeddedMigrations = embed_migrations!("migrations/postgres");

/// A connection to either backend; queries written against it run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    /// PostgreSQL, for production and several instances.
    Pg(diesel::PgConnection),
    /// Embedded SQLite file.
    Sqlite(diesel::SqliteConnection),
}

/// A validated database location.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    /// Path of an SQLite database file.
    Sqlite(String),
    /// A libpq connection URL.
    Postgres(String),
}

impl DatabaseUrl {
    /// Parses `sqlite://path` or `postgres://…`/`postgresql://…`; anything else is refused with a reason.
    pub fn parse(raw: &str) -> Result<DatabaseUrl, String> {
        let raw = raw.trim();
        if let Some(path) = raw.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err("het pad naar het SQLite-bestand ontbreekt".into());
            }
            if path.contains(":memory:") || path.starts_with("file:") {
                return Err(
                    "een database in het geheugen gaat bij elke verbinding verloren".into(),
                );
            }
            return Ok(DatabaseUrl::Sqlite(path.to_string()));
        }
        if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
            // This build's libpq has no TLS: refuse a URL that demands it instead of failing later.
            let wants_tls = raw.contains("sslmode=require") || raw.contains("sslmode=verify");
            if wants_tls && cfg!(feature = "bundled-libpq") {
                return Err("deze build heeft geen TLS naar PostgreSQL (sslmode); bouw met `--no-default-features` om de libpq van het systeem te gebruiken".into());
            }
            return Ok(DatabaseUrl::Postgres(raw.to_string()));
        }
        let scheme = raw.split("://").next().unwrap_or("");
        Err(format!(
            "het soort database '{scheme}' wordt niet ondersteund"
        ))
    }

    /// Which engine this URL points at, for messages and logs (never the URL itself: it may hold a password).
    pub fn backend_name(&self) -> &'static str {
        match self {
            DatabaseUrl::Sqlite(_) => "SQLite",
            DatabaseUrl::Postgres(_) => "PostgreSQL",
        }
    }

    /// Opens one connection with the settings this product relies on.
    pub fn connect(&self) -> Result<DbConnection, diesel::ConnectionError> {
        match self {
            DatabaseUrl::Sqlite(path) => {
                let mut c = diesel::SqliteConnection::establish(path)?;
                // WAL lets readers work beside one writer; busy_timeout makes a second writer wait
                // instead of failing; foreign keys are off by default in SQLite. secure_delete
                // overwrites what is deleted with zeros: a sent draft (keyed by its invitation)
                // or a used e-mail address must not stay readable in the file's free space.
                c.batch_execute(
                    "PRAGMA busy_timeout = 10000; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; \
                     PRAGMA secure_delete = ON;",
                )
                .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Sqlite(c))
            }
            DatabaseUrl::Postgres(url) => {
                let mut c = diesel::PgConnection::establish(url)?;
                c.batch_execute("SET TIME ZONE 'UTC'")
                    .map_err(diesel::ConnectionError::CouldntSetupConfiguration)?;
                Ok(DbConnection::Pg(c))
            }
        }
    }
}

/// Pool of connections shared by the request handlers.
pub type Pool = r2d2::Pool<Manager>;
/// A connection borrowed from the pool.
pub type PooledConn = r2d2::PooledConnection<Manager>;

/// r2d2 manager that keeps the real connection error (diesel's generic one reports only
/// "invalid connection url" for a multi-backend connection).
#[derive(Debug, Clone)]
pub struct Manager {
    url: DatabaseUrl,
}

/// Error while opening a pooled connection.
#[derive(Debug, thiserror::Error)]
pub enum PoolError {
    /// Could not connect.
    #[error(transparent)]
    Connection(#[from] diesel::ConnectionError),
    /// Connected, but a health query failed.
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
}

impl r2d2::ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = PoolError;

    fn connect(&self) -> Result<DbConnection, PoolError> {
        Ok(self.url.connect()?)
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), PoolError> {
        ping(conn)?;
        Ok(())
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        // A connection that comes back inside a transaction (a panic mid-request) is discarded.
        !in_no_transaction(conn)
    }
}

/// Opens a first connection (so that a wrong URL or a stopped server is reported with its real
/// cause), runs the pending migrations and builds the pool.
pub fn connect_and_migrate(url: &DatabaseUrl, size: u32) -> anyhow::Result<Pool> {
    let mut first = url.connect().map_err(|e| {
        anyhow::anyhow!(
            "Kan de {}-database niet openen: {e}. Controleer DATABASE_URL en of de server draait.",
            url.backend_name()
        )
    })?;
    run_migrations(&mut first)?;
    drop(first);
    // A SQLite file cannot drop a connection; checking each one on checkout only costs time.
    let check = !matches!(url, DatabaseUrl::Sqlite(_));
    let pool = r2d2::Pool::builder()
        .max_size(size)
        .test_on_check_out(check)
        .min_idle(Some(1))
        .connection_timeout(Duration::from_secs(10))
        .build(Manager { url: url.clone() })?;
    Ok(pool)
}

/// Applies every migration that has not run yet; returns how many ran.
pub fn run_migrations(conn: &mut DbConnection) -> anyhow::Result<usize> {
    let ran = match conn {
        DbConnection::Sqlite(c) => c
            .run_pending_migrations(SQLITE_MIGRATIONS)
            .map_err(|e| anyhow::anyhow!("migratie mislukt: {e}"))?
            .len(),
        DbConnection::Pg(c) => {
            // Several instances may start at once: one migrates, the others wait for it.
            c.batch_execute("SELECT pg_advisory_lock(7405170)")?;
            let result = c
                .run_pending_migrations(POSTGRES_MIGRATIONS)
                .map(|v| v.len())
                .map_err(|e| anyhow::anyhow!("migratie mislukt: {e}"));
            c.batch_execute("SELECT pg_advisory_unlock(7405170)")?;
            result?
        }
    };
    Ok(ran)
}

/// Queue for SQLite write transactions in this process (see [`write_tx`] and [`writer`]).
static SQLITE_WRITER: std::sync::Mutex<()> = std::sync::Mutex::new(());

/// Takes the process's SQLite writer lock (one writer at a time).
fn lock_writer() -> std::sync::MutexGuard<'static, ()> {
    SQLITE_WRITER
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Runs `f` in a write transaction: `BEGIN IMMEDIATE` on SQLite (takes the write lock up front, so
/// two writers queue on the busy timeout instead of failing halfway), a plain transaction on PostgreSQL.
/// Nested `conn.transaction()` and `write_tx` calls inside `f` become savepoints.
pub fn write_tx<T, E, F>(conn: &mut DbConnection, f: F) -> Result<T, E>
where
    F: FnOnce(&mut DbConnection) -> Result<T, E>,
    E: From<diesel::result::Error>,
{
    if matches!(transaction_depth(conn), Ok(Some(_))) {
        // Already inside a write transaction: this part becomes a savepoint.
        return conn.transaction(f);
    }
    // The group-commit state of this SQLite file (see `durable`), looked up before the writer
    // lock is taken, so the lookup does not lengthen the part where writers queue.
    let group = match &mut *conn {
        DbConnection::Sqlite(c) => sqlite_group(c),
        DbConnection::Pg(_) => None,
    };
    // SQLite has one writer at a time. Writers of this process queue on a mutex instead of on
    // SQLite's busy handler, which sleeps in steps of milliseconds and wastes most of the time
    // under load. (Other processes on the same file still wait through busy_timeout.)
    let writer = match conn {
        DbConnection::Sqlite(_) => Some(lock_writer()),
        DbConnection::Pg(_) => None,
    };
    begin_write(conn)?;
    let result = f(conn);
    let end = match &result {
        Ok(_) => commit(conn),
        Err(_) => rollback(conn),
    };
    match result {
        Ok(v) => {
            end?;
            if let Some(group) = group {
                // The ticket is taken under the writer lock (commit order); the wait is not, so
                // the next writers commit while this group's sync runs. Inside a request's
                // database work the wait comes after the connection went back to the pool
                // (`durable::deferred`), so more commits can join the same sync.
                let ticket = group.ticket();
                drop(writer);
                durable::wait_or_defer(group, ticket).map_err(|e| {
                    diesel::result::Error::DatabaseError(
                        diesel::result::DatabaseErrorKind::Unknown,
                        Box::new(e.to_string()),
                    )
                })?;
            }
            Ok(v)
        }
        Err(e) => Err(e),
    }
}

/// How many transactions (and savepoints) are open on `conn`.
fn transaction_depth(conn: &mut DbConnection) -> diesel::QueryResult<Option<std::num::NonZeroU32>> {
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()
        }
        DbConnection::Pg(c) => {
            AnsiTransactionManager::transaction_manager_status_mut(c).transaction_depth()
        }
    }
}

/// Whether `conn` is known to be outside every transaction.
fn in_no_transaction(conn: &mut DbConnection) -> bool {
    matches!(transaction_depth(conn), Ok(None))
}

/// Opens a write transaction: `BEGIN IMMEDIATE` on SQLite (the write lock up front), a plain one on
/// PostgreSQL. The caller holds the process's writer lock on SQLite.
fn begin_write(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::TransactionManager;
    match conn {
        DbConnection::Sqlite(c) => {
            AnsiTransactionManager::begin_transaction_sql(c, "BEGIN IMMEDIATE")
        }
        DbConnection::Pg(c) => AnsiTransactionManager::begin_transaction(c),
    }
}

/// Commits the innermost open transaction level.
fn commit(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::TransactionManager;
    match conn {
        DbConnection::Sqlite(c) => AnsiTransactionManager::commit_transaction(c),
        DbConnection::Pg(c) => AnsiTransactionManager::commit_transaction(c),
    }
}

/// Rolls back the innermost open transaction level.
fn rollback(conn: &mut DbConnection) -> diesel::QueryResult<()> {
    use diesel::connection::TransactionManager;
    match conn {
        DbConnection::Sqlite(c) => AnsiTransactionManager::rollback_transaction(c),
        DbConnection::Pg(c) => AnsiTransactionManager::rollback_transaction(c),
    }
}

/// The group-commit state of the file behind an SQLite connection, when its commits must be made
/// durable; `None` in `normal` mode or for a database without a file.
fn sqlite_group(c: &mut diesel::SqliteConnection) -> Option<std::sync::Arc<durable::GroupSync>> {
    #[derive(QueryableByName)]
    struct Db {
        #[diesel(sql_type = diesel::sql_types::Text)]
        name: String,
        #[diesel(sql_type = diesel::sql_types::Text)]
        file: String,
    }
    let list: Vec<Db> = diesel::sql_query("PRAGMA database_list").load(c).ok()?;
    let main = list.into_iter().find(|d| d.name == "main")?;
    if main.file.is_empty() {
        return None;
    }
    let group = durable::for_path(std::path::Path::new(&main.file));
    (group.mode() == durable::SyncMode::Group).then_some(group)
}

/// Names of the migrations shipped for a backend, in order (for the tree-equality test and `migrate`).
pub fn migration_names(backend: &str) -> Vec<String> {
    use diesel::migration::MigrationSource;
    let source = if backend == "sqlite" {
        SQLITE_MIGRATIONS
    } else {
        POSTGRES_MIGRATIONS
    };
    let migrations: Vec<Box<dyn diesel::migration::Migration<diesel::sqlite::Sqlite>>> =
        MigrationSource::<diesel::sqlite::Sqlite>::migrations(&source).unwrap_or_default();
    migrations.iter().map(|m| m.name().to_string()).collect()
}

/// Whether the database answers on this connection (`SELECT 1`, no table read): the pool's check
/// of a connection and the health check.
pub fn ping(conn: &mut DbConnection) -> QueryResult<()> {
    conn.batch_execute("SELECT 1")
}

/// Current time in UTC without time zone, the form stored in every timestamp column.
pub fn now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backend_follows_the_scheme() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/k.db"),
            Ok(DatabaseUrl::Sqlite("data/k.db".into()))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/k.db"),
            Ok(DatabaseUrl::Sqlite("/var/lib/k.db".into()))
        );
        assert!(matches!(
            DatabaseUrl::parse("postgresql://u@h/db"),
            Ok(DatabaseUrl::Postgres(_))
        ));
        // A bare path is not guessed to be SQLite.
        assert!(DatabaseUrl::parse("klankbord.db").is_err());
        assert!(DatabaseUrl::parse("sqlite://:memory:").is_err());
        assert!(DatabaseUrl::parse("mysql://h/db").is_err());
    }

    #[test]
    fn both_migration_trees_have_the_same_names() {
        let sqlite = migration_names("sqlite");
        let pg = migration_names("postgres");
        assert!(!sqlite.is_empty());
        assert_eq!(sqlite, pg);
    }

    #[test]
    fn write_tx_rolls_back_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let url = DatabaseUrl::Sqlite(dir.path().join("t.db").display().to_string());
        let mut c = url.connect().unwrap();
        c.batch_execute("CREATE TABLE t (x INTEGER)").unwrap();
        let r: Result<(), diesel::result::Error> = write_tx(&mut c, |c| {
            c.batch_execute("INSERT INTO t VALUES (1)")?;
            Err(diesel::result::Error::RollbackTransaction)
        });
        assert!(r.is_err());
        let n: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "(SELECT COUNT(*) FROM t)",
        ))
        .get_result(&mut c)
        .unwrap();
        assert_eq!(n, 0);
        write_tx(&mut c, |c| c.batch_execute("INSERT INTO t VALUES (2)")).unwrap();
        let n: i64 = diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(
            "(SELECT COUNT(*) FROM t)",
        ))
        .get_result(&mut c)
        .unwrap();
        assert_eq!(n, 1);
    }
}
