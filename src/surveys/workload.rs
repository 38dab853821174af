//! Read models of survey work for the Werkplek: waves taking answers, waves still to open, and
//! paper sheets put aside per wave (quarantine) waiting for a clerk.

use chrono::NaiveDate;
use diesel::prelude::*;

use crate::db::schema::{paper_quarantine, waves};
use crate::db::DbConnection;

/// Waves taking answers on `day` (both dates included).
pub fn open_waves(conn: &mut DbConnection, day: NaiveDate) -> QueryResult<i64> {
    waves::table
        .filter(waves::opens_on.le(day))
        .filter(waves::closes_on.ge(day))
        .count()
        .get_result(conn)
}

/// Waves that open after `day` (they can still be changed).
pub fn upcoming_waves(conn: &mut DbConnection, day: NaiveDate) -> QueryResult<i64> {
    waves::table
        .filter(waves::opens_on.gt(day))
        .count()
        .get_result(conn)
}

/// Paper sheets put aside, per wave: (wave number, wave name, sheets), waves with sheets only,
/// newest wave first.
pub fn sheets_aside(conn: &mut DbConnection) -> QueryResult<Vec<(i64, String, i64)>> {
    paper_quarantine::table
        .inner_join(waves::table)
        .group_by((waves::id, waves::name))
        .select((waves::id, waves::name, diesel::dsl::count_star()))
        .order(waves::id.desc())
        .load(conn)
}
