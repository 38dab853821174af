//! What the workflow steps read and write in the case tables: one small function per change, so
//! that [`super::steps`] holds the rules, the letters and the order of the changes, and no diesel.
//! Every function runs inside the step's transaction.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use super::commands::Hearing;
use super::model::Complaint;
use super::store;
use super::terms::{ConsentWay, DeclineGround, HearingMode, Kind, SkipGround};
use super::workflow::State;
use crate::db::schema::{complaint_hearings, complaint_progress, complaints};
use crate::db::{now, DbConnection};

/// Case `id`, or `None` when there is no such case.
pub(super) fn find(c: &mut DbConnection, id: i64) -> QueryResult<Option<Complaint>> {
    store::load(c, id).optional()
}

/// The case moves to state `to`.
pub(super) fn set_state(c: &mut DbConnection, id: i64, to: State) -> QueryResult<()> {
    diesel::update(complaints::table.find(id))
        .set((complaints::state.eq(to), complaints::updated_at.eq(now())))
        .execute(c)?;
    Ok(())
}

/// The case was referred to the objection procedure on `on` and is an objection from now on.
pub(super) fn refer_to_bezwaar(c: &mut DbConnection, id: i64, on: NaiveDate) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::referred_on.eq(on))
        .execute(c)?;
    diesel::update(complaints::table.find(id))
        .set(complaints::kind.eq(Kind::Objection))
        .execute(c)?;
    Ok(())
}

/// The ground on which the case is not taken on.
pub(super) fn set_decline_ground(
    c: &mut DbConnection,
    id: i64,
    ground: DeclineGround,
) -> QueryResult<()> {
    diesel::update(complaints::table.find(id))
        .set(complaints::decline_ground.eq(ground))
        .execute(c)?;
    Ok(())
}

/// The day by which the mediator should have contacted the complainant.
pub(super) fn set_mediation_target(
    c: &mut DbConnection,
    id: i64,
    target: NaiveDate,
) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::mediation_target.eq(target))
        .execute(c)?;
    Ok(())
}

/// The complainant agreed on `on`, in this way, that the file may be shared.
pub(super) fn set_file_consent(
    c: &mut DbConnection,
    id: i64,
    on: NaiveDate,
    how: ConsentWay,
) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set((
            complaint_progress::file_consent_on.eq(on),
            complaint_progress::file_consent_how.eq(how),
        ))
        .execute(c)?;
    Ok(())
}

/// The person complained about was informed on `on`.
pub(super) fn set_person_informed(c: &mut DbConnection, id: i64, on: NaiveDate) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::person_informed_on.eq(on))
        .execute(c)?;
    Ok(())
}

/// A planned hearing, with the invitations sent on `sent_on`.
pub(super) fn add_hearing(
    c: &mut DbConnection,
    id: i64,
    h: &Hearing,
    sent_on: NaiveDate,
) -> QueryResult<()> {
    diesel::insert_into(complaint_hearings::table)
        .values((
            complaint_hearings::complaint_id.eq(id),
            complaint_hearings::planned_at.eq(h.at),
            complaint_hearings::mode.eq(h.mode),
            complaint_hearings::place.eq(&h.place),
            complaint_hearings::invitees.eq(&h.invitees),
            complaint_hearings::invitations_sent_on.eq(sent_on),
        ))
        .execute(c)?;
    Ok(())
}

/// The latest hearing of a case: which one, and when it was planned for.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_hearings)]
pub(super) struct PlannedHearing {
    /// The hearing.
    pub id: i64,
    /// Planned for.
    pub planned_at: NaiveDateTime,
}

/// The latest hearing of case `id` (an error when it has none).
pub(super) fn latest_hearing(c: &mut DbConnection, id: i64) -> QueryResult<PlannedHearing> {
    complaint_hearings::table
        .filter(complaint_hearings::complaint_id.eq(id))
        .order(complaint_hearings::id.desc())
        .select(PlannedHearing::as_select())
        .first(c)
}

/// Hearing `hearing` was held, with its minutes and who attended.
pub(super) fn set_hearing_held(
    c: &mut DbConnection,
    hearing: i64,
    minutes: Option<&str>,
    attendance: Option<&str>,
) -> QueryResult<()> {
    diesel::update(complaint_hearings::table.find(hearing))
        .set((
            complaint_hearings::held.eq(true),
            complaint_hearings::minutes.eq(minutes),
            complaint_hearings::attendance.eq(attendance),
        ))
        .execute(c)?;
    Ok(())
}

/// The hearing is skipped on this ground (Awb 9:10), recorded now.
pub(super) fn add_skipped_hearing(
    c: &mut DbConnection,
    id: i64,
    ground: SkipGround,
) -> QueryResult<()> {
    diesel::insert_into(complaint_hearings::table)
        .values((
            complaint_hearings::complaint_id.eq(id),
            complaint_hearings::planned_at.eq(now()),
            complaint_hearings::mode.eq(HearingMode::NotHeld),
            complaint_hearings::place.eq(""),
            complaint_hearings::invitees.eq(""),
            complaint_hearings::skipped_ground.eq(ground.code()),
        ))
        .execute(c)?;
    Ok(())
}

/// The committee's advice, given on `on`.
pub(super) fn set_advice(
    c: &mut DbConnection,
    id: i64,
    advice: &str,
    on: NaiveDate,
) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set((
            complaint_progress::advice.eq(advice),
            complaint_progress::advice_on.eq(on),
        ))
        .execute(c)?;
    Ok(())
}

/// The decision is postponed by `weeks`, the complainant told on `on`.
pub(super) fn set_postponement(
    c: &mut DbConnection,
    id: i64,
    weeks: i64,
    on: NaiveDate,
) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set((
            complaint_progress::postponement_weeks.eq(weeks as i32),
            complaint_progress::postponement_notice_on.eq(on),
        ))
        .execute(c)?;
    Ok(())
}

/// The case's legal deadline.
pub(super) fn set_deadline(c: &mut DbConnection, id: i64, deadline: NaiveDate) -> QueryResult<()> {
    diesel::update(complaints::table.find(id))
        .set(complaints::deadline_on.eq(deadline))
        .execute(c)?;
    Ok(())
}

/// The case went to this ombudsman on `on`.
pub(super) fn set_ombudsman(
    c: &mut DbConnection,
    id: i64,
    ombudsman: &str,
    on: NaiveDate,
) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set((
            complaint_progress::ombudsman.eq(ombudsman),
            complaint_progress::ombudsman_on.eq(on),
        ))
        .execute(c)?;
    Ok(())
}

/// What the ombudsman concluded.
pub(super) fn set_ombudsman_outcome(
    c: &mut DbConnection,
    id: i64,
    outcome: &str,
) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::ombudsman_outcome.eq(outcome))
        .execute(c)?;
    Ok(())
}

/// The case was closed on `on`.
pub(super) fn set_closed(c: &mut DbConnection, id: i64, on: NaiveDate) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::closed_on.eq(on))
        .execute(c)?;
    Ok(())
}

/// The council member who passed the complaint on heard on `on` what became of it.
pub(super) fn set_council_feedback(
    c: &mut DbConnection,
    id: i64,
    on: NaiveDate,
) -> QueryResult<()> {
    diesel::update(complaint_progress::table.find(id))
        .set(complaint_progress::council_feedback_on.eq(on))
        .execute(c)?;
    Ok(())
}
