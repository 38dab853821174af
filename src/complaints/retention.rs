//! Retention: a configurable number of years (default five) after a complaint was finished, its
//! personal data is erased: who complained and how to reach them, what they wrote, the files, the
//! letters, the names of staff, the minutes and every free text. What the register and the monitor
//! need stays: dates, channel, kind, categories, norms, team, judgements and the steps taken.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::workflow::State;
use crate::db::schema::{
    complaint_attachments, complaint_decisions, complaint_elements, complaint_events,
    complaint_hearings, complaint_letters, complaint_progress, complaints,
};
use crate::db::{write_tx, DbConnection};

/// What replaces erased required texts.
pub const ERASED: &str = "[verwijderd]";

/// The last day a complaint finished on `closed` keeps its personal data.
pub fn keep_until(closed: NaiveDate, years: u32) -> NaiveDate {
    let year = closed.year() + years as i32;
    NaiveDate::from_ymd_opt(year, closed.month(), closed.day())
        // 29 February in a year without one: the day before.
        .or_else(|| NaiveDate::from_ymd_opt(year, closed.month(), closed.day() - 1))
        .unwrap_or(closed)
}

/// Erases the personal data of every finished complaint past its retention; returns how many.
pub fn run(conn: &mut DbConnection, years: u32, today: NaiveDate) -> QueryResult<usize> {
    let finished: Vec<&str> = State::ALL
        .into_iter()
        .filter(|s| s.is_final())
        .map(State::code)
        .collect();
    // Cheap first cut in SQL (at least `years` × 365 days), exact check per case below.
    let cut = today - chrono::Duration::days(i64::from(years) * 365);
    let due: Vec<(i64, NaiveDate)> = complaints::table
        .inner_join(complaint_progress::table)
        .filter(complaints::anonymised_on.is_null())
        .filter(complaints::state.eq_any(&finished))
        .filter(complaint_progress::closed_on.le(cut))
        .select((
            complaints::id,
            complaint_progress::closed_on.assume_not_null(),
        ))
        .load(conn)?;
    let mut n = 0;
    for (id, closed) in due {
        if keep_until(closed, years) >= today {
            continue;
        }
        write_tx(conn, |c| erase(c, id, today))?;
        n += 1;
    }
    Ok(n)
}

/// Erases one complaint's personal data.
pub fn erase(c: &mut DbConnection, id: i64, today: NaiveDate) -> QueryResult<()> {
    diesel::update(complaints::table.find(id))
        .set((
            complaints::tracking_hash.eq(format!("{ERASED}-{id}")),
            complaints::via_person.eq(None::<String>),
            complaints::via_email.eq(None::<String>),
            complaints::name.eq(None::<String>),
            complaints::address.eq(None::<String>),
            complaints::email.eq(None::<String>),
            complaints::phone.eq(None::<String>),
            complaints::description.eq(ERASED),
            complaints::wish.eq(None::<String>),
            complaints::person_complained.eq(None::<String>),
            complaints::anonymised_on.eq(today),
        ))
        .execute(c)?;
    diesel::update(complaint_progress::table.find(id))
        .set((
            complaint_progress::mediation_feedback.eq(None::<String>),
            complaint_progress::file_consent_how.eq(None::<String>),
            complaint_progress::advice.eq(None::<String>),
            complaint_progress::ombudsman_outcome.eq(None::<String>),
        ))
        .execute(c)?;
    diesel::update(complaint_events::table.filter(complaint_events::complaint_id.eq(id)))
        .set(complaint_events::reason.eq(None::<String>))
        .execute(c)?;
    diesel::update(complaint_hearings::table.filter(complaint_hearings::complaint_id.eq(id)))
        .set((
            complaint_hearings::place.eq(""),
            complaint_hearings::invitees.eq(""),
            complaint_hearings::attendance.eq(None::<String>),
            complaint_hearings::minutes.eq(None::<String>),
        ))
        .execute(c)?;
    diesel::update(complaint_elements::table.filter(complaint_elements::complaint_id.eq(id)))
        .set((
            complaint_elements::description.eq(ERASED),
            complaint_elements::conclusion.eq(None::<String>),
            complaint_elements::findings.eq(None::<String>),
            complaint_elements::reasoning.eq(None::<String>),
        ))
        .execute(c)?;
    // The decision's texts and the letter as sent name the complainant and what happened.
    diesel::delete(complaint_decisions::table.filter(complaint_decisions::complaint_id.eq(id)))
        .execute(c)?;
    diesel::delete(complaint_attachments::table.filter(complaint_attachments::complaint_id.eq(id)))
        .execute(c)?;
    diesel::delete(complaint_letters::table.filter(complaint_letters::complaint_id.eq(id)))
        .execute(c)?;
    crate::accounts::audit::record(
        c,
        crate::accounts::audit::Actor::System,
        "complaint.anonymised",
        "complaint",
        Some(&id.to_string()),
        None,
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn kept_for_whole_years() {
        assert_eq!(keep_until(d(2021, 3, 15), 5), d(2026, 3, 15));
        assert_eq!(keep_until(d(2024, 2, 29), 5), d(2029, 2, 28));
        assert_eq!(keep_until(d(2024, 2, 29), 4), d(2028, 2, 29));
    }
}
