//! Searching for a complaint as a service: the cases found, with the search in the audit log.

use diesel::QueryResult;

use super::worklist::{self, Found, Wanted};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::CurrentUser;
use crate::db::DbConnection;

/// The cases `u` may open that match `w`, each with its handler's name. The search is in the
/// audit log by its kind and number of hits, never by what was typed.
pub(super) fn search(
    conn: &mut DbConnection,
    u: &CurrentUser,
    w: &Wanted,
) -> QueryResult<Vec<Found>> {
    let rows = worklist::search(conn, u, w)?;
    audit::record(
        conn,
        Actor::User(u.id),
        "complaint.searched",
        "complaint",
        None,
        Some(&format!("{} {}", w.kind(), rows.len())),
    )?;
    Ok(rows)
}
