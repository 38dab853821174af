//! What the Werkplek counts for a staff member: each of their roles' work, gathered from the read
//! models the domains own ([`crate::complaints::worklist`], [`crate::surveys::workload`], the
//! quotes and the mail outbox). Nothing is counted for a role the person does not hold.

use chrono::NaiveDate;
use diesel::QueryResult;

use crate::accounts::model::{CurrentUser, Role};
use crate::complaints::worklist::{self, Workload};
use crate::db::DbConnection;

/// The counts on one person's Werkplek.
#[derive(Debug, Clone, Default)]
pub struct Work {
    /// Complaint work (coordinator, handler, committee member).
    pub complaints: Option<Workload>,
    /// Waves taking answers today (researcher, data-entry clerk).
    pub open_waves: Option<i64>,
    /// Waves still to open (researcher).
    pub upcoming_waves: Option<i64>,
    /// Candidate quotes waiting for a decision (researcher).
    pub quotes_waiting: Option<i64>,
    /// Paper sheets put aside, per wave: number, name, sheets (data-entry clerk).
    pub sheets_aside: Option<Vec<(i64, String, i64)>>,
    /// Mails that could not be sent (administrator).
    pub mail_failed: Option<i64>,
}

/// The Werkplek counts of `user` on `today`.
pub fn of(conn: &mut DbConnection, user: &CurrentUser, today: NaiveDate) -> QueryResult<Work> {
    let complaint_role = [
        Role::Klachtcoordinator,
        Role::Klachtbehandelaar,
        Role::Commissielid,
    ]
    .iter()
    .any(|r| user.has(*r));
    let research = user.has(Role::Onderzoeker);
    let entry = user.has(Role::Invoerder);
    Ok(Work {
        complaints: complaint_role
            .then(|| worklist::workload(conn, user, today))
            .transpose()?,
        open_waves: (research || entry)
            .then(|| crate::surveys::workload::open_waves(conn, today))
            .transpose()?,
        upcoming_waves: research
            .then(|| crate::surveys::workload::upcoming_waves(conn, today))
            .transpose()?,
        quotes_waiting: research
            .then(|| crate::monitor::quotes::waiting(conn))
            .transpose()?,
        sheets_aside: entry
            .then(|| crate::surveys::workload::sheets_aside(conn))
            .transpose()?,
        mail_failed: user
            .has(Role::Beheerder)
            .then(|| {
                crate::mail::status_counts(conn).map(|counts| {
                    counts
                        .iter()
                        .filter(|(s, _)| s == "failed")
                        .map(|(_, n)| n)
                        .sum()
                })
            })
            .transpose()?,
    })
}
