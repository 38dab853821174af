//! Read models of the administrator's mail page (`routes.rs`).

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::schema::mail_outbox;
use crate::db::DbConnection;

/// How many problem messages the page shows, newest first.
const PROBLEMS_SHOWN: i64 = 50;

/// A message that failed, or that is being retried, as the administrator sees it (no address,
/// no subject, no body).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = mail_outbox)]
pub struct Problem {
    /// Outbox number.
    pub id: i64,
    /// What kind of message (template name).
    pub kind: String,
    /// When it was queued (UTC).
    pub created_at: NaiveDateTime,
    /// Attempts so far.
    pub attempts: i32,
    /// The last error, if any.
    pub last_error: Option<String>,
}

/// The newest messages that failed or needed more than one try and are not sent yet.
pub fn problems(conn: &mut DbConnection) -> QueryResult<Vec<Problem>> {
    mail_outbox::table
        .filter(
            mail_outbox::status.eq("failed").or(mail_outbox::attempts
                .gt(0)
                .and(mail_outbox::status.ne("sent"))),
        )
        .order(mail_outbox::id.desc())
        .limit(PROBLEMS_SHOWN)
        .select(Problem::as_select())
        .load(conn)
}
