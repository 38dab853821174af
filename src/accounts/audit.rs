//! Append-only audit log of staff actions on personal data: who, which action, which record, when.
//! Lines hold account numbers and record numbers only, never names, addresses or texts; the database
//! refuses updates and deletions of this table (see the foundation migration).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::{audit_log, users};
use crate::db::DbConnection;

/// Who did it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor {
    /// A logged-in staff member (account number).
    User(i64),
    /// Someone at the server's command line.
    Cli,
    /// The product itself (scheduled work).
    System,
}

impl Actor {
    fn parts(self) -> (Option<i64>, &'static str) {
        match self {
            Actor::User(id) => (Some(id), "web"),
            Actor::Cli => (None, "cli"),
            Actor::System => (None, "system"),
        }
    }
}

/// Records one action. `detail` must not hold personal data (role codes, counts and states are fine).
pub fn record(
    conn: &mut DbConnection,
    actor: Actor,
    action: &str,
    record_type: &str,
    record_id: Option<&str>,
    detail: Option<&str>,
) -> QueryResult<()> {
    let (actor_id, via) = actor.parts();
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::at.eq(crate::db::now()),
            audit_log::actor_id.eq(actor_id),
            audit_log::via.eq(via),
            audit_log::action.eq(action),
            audit_log::record_type.eq(record_type),
            audit_log::record_id.eq(record_id),
            audit_log::detail.eq(detail),
        ))
        .execute(conn)?;
    Ok(())
}

/// One line of the log as shown to the administrator.
#[derive(Debug, Clone, Queryable)]
pub struct AuditEntry {
    /// Sequence number.
    pub id: i64,
    /// When (UTC).
    pub at: NaiveDateTime,
    /// Account number of the actor, if a person.
    pub actor_id: Option<i64>,
    /// Login name of the actor (staff names are not client data).
    pub actor_username: Option<String>,
    /// web, cli or system.
    pub via: String,
    /// Action code, e.g. `user.disabled`.
    pub action: String,
    /// Kind of record, e.g. `user`.
    pub record_type: String,
    /// Record number.
    pub record_id: Option<String>,
    /// Non-personal detail.
    pub detail: Option<String>,
}

/// The newest entries first, `limit` at a time.
pub fn list(conn: &mut DbConnection, limit: i64, offset: i64) -> QueryResult<Vec<AuditEntry>> {
    audit_log::table
        .left_join(users::table)
        .order(audit_log::id.desc())
        .limit(limit)
        .offset(offset)
        .select((
            audit_log::id,
            audit_log::at,
            audit_log::actor_id,
            users::username.nullable(),
            audit_log::via,
            audit_log::action,
            audit_log::record_type,
            audit_log::record_id,
            audit_log::detail,
        ))
        .load(conn)
}

/// Total number of entries.
pub fn count(conn: &mut DbConnection) -> QueryResult<i64> {
    audit_log::table.count().get_result(conn)
}

/// Writes the whole log as CSV (oldest first), reading it in pages so memory stays bounded.
pub fn write_csv<W: std::io::Write>(conn: &mut DbConnection, out: W) -> anyhow::Result<()> {
    let mut w = crate::csv_safe::Writer::from_writer(out);
    w.write_record([
        "id",
        "tijdstip_utc",
        "account_id",
        "account",
        "via",
        "actie",
        "soort",
        "record",
        "detail",
    ])?;
    let mut after = 0i64;
    loop {
        let page: Vec<AuditEntry> = audit_log::table
            .left_join(users::table)
            .filter(audit_log::id.gt(after))
            .order(audit_log::id.asc())
            .limit(1000)
            .select((
                audit_log::id,
                audit_log::at,
                audit_log::actor_id,
                users::username.nullable(),
                audit_log::via,
                audit_log::action,
                audit_log::record_type,
                audit_log::record_id,
                audit_log::detail,
            ))
            .load(conn)?;
        let Some(last) = page.last() else { break };
        after = last.id;
        for e in &page {
            w.write_record([
                e.id.to_string(),
                e.at.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
                e.actor_id.map(|i| i.to_string()).unwrap_or_default(),
                e.actor_username.clone().unwrap_or_default(),
                e.via.clone(),
                e.action.clone(),
                e.record_type.clone(),
                e.record_id.clone().unwrap_or_default(),
                e.detail.clone().unwrap_or_default(),
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}
