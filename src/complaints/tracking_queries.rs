//! What the public status page reads about a complaint found by its tracking code: the stage and
//! the dates of the next step, never internal notes or names of staff.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::store;
use super::workflow::State;
use crate::db::schema::{complaint_hearings, complaint_progress, complaints};
use crate::db::DbConnection;

/// What the status page shows: nothing internal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// Case number.
    pub case: String,
    /// Received on.
    pub received: NaiveDate,
    /// Where it is.
    pub state: State,
    /// Legal deadline.
    pub deadline: NaiveDate,
    /// Mediation first-contact target.
    pub mediation_target: Option<NaiveDate>,
    /// The hearing, when planned.
    pub hearing: Option<NaiveDateTime>,
    /// When it ended.
    pub closed: Option<NaiveDate>,
    /// Left without a way to reach the complainant: counted, not handled, no answer.
    pub anonymous: bool,
}

/// A complaint as the status page reads it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
struct TrackedRow {
    id: i64,
    #[diesel(column_name = received_on)]
    received: NaiveDate,
    state: State,
    #[diesel(column_name = deadline_on)]
    deadline: NaiveDate,
    anonymous: bool,
}

/// The dates of its handling the status page shows.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_progress)]
struct ProgressDates {
    mediation_target: Option<NaiveDate>,
    #[diesel(column_name = closed_on)]
    closed: Option<NaiveDate>,
}

/// The status of the complaint whose tracking code hashes to `hash`, if there is one.
pub fn status_by_hash(conn: &mut DbConnection, hash: &str) -> QueryResult<Option<Status>> {
    let row: Option<TrackedRow> = complaints::table
        .filter(complaints::tracking_hash.eq(hash))
        .select(TrackedRow::as_select())
        .get_result(conn)
        .optional()?;
    let Some(row) = row else {
        return Ok(None);
    };
    let progress: ProgressDates = complaint_progress::table
        .find(row.id)
        .select(ProgressDates::as_select())
        .get_result(conn)?;
    let hearing: Option<NaiveDateTime> = complaint_hearings::table
        .filter(complaint_hearings::complaint_id.eq(row.id))
        .filter(complaint_hearings::skipped_ground.is_null())
        .order(complaint_hearings::id.desc())
        .select(complaint_hearings::planned_at)
        .first(conn)
        .optional()?;
    Ok(Some(Status {
        case: store::case_number_of(row.received, row.id),
        received: row.received,
        state: row.state,
        deadline: row.deadline,
        mediation_target: progress.mediation_target,
        hearing,
        closed: progress.closed,
        anonymous: row.anonymous,
    }))
}
