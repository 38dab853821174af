//! Taking a workflow step: [`take`] checks the [`Command`] against the workflow table and the
//! case, runs the step's own function (one per variant of [`Step`]), and stores the move with who,
//! when and why, with the letters it causes, all in one transaction.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::commands::{Command, Hearing, Step};
use super::invalid::Invalid;
use super::store::{
    self, date_text, deadline_of, event, load, progress, send, By, Env, Recipient, StepError,
};
use super::templates::LetterKind;
use super::terms::{ConsentWay, DeclineGround, HearingMode, Kind, SkipGround};
use super::workflow::{self, Action, State};
use crate::db::schema::{complaint_hearings, complaint_progress, complaints};
use crate::db::{now, write_tx, DbConnection};

/// What a step's function works with.
struct Ctx<'a, 'e> {
    env: &'a Env<'e>,
    complaint: &'a super::model::Complaint,
    id: i64,
    actor: i64,
    reason: Option<&'a str>,
    today: NaiveDate,
}

/// Takes one workflow step; returns the state after it.
pub fn take(
    conn: &mut DbConnection,
    env: &Env<'_>,
    id: i64,
    command: &Command,
    by: By<'_>,
    today: NaiveDate,
) -> Result<State, StepError> {
    let action = command.step.action();
    write_tx(conn, |c| {
        let complaint = load(c, id).optional()?.ok_or(StepError::NotFound)?;
        let p = progress(c, id)?;
        let from = complaint.state;
        let mut f = store::facts(c, &complaint, &p)?;
        // A step that records what its guard asks for: the facts as they will be.
        if let Step::HoldHearing { minutes, .. } = &command.step {
            f.hearing_minutes = minutes.is_some();
        }
        let reason = command.reason.clone();
        let to = workflow::apply(from, action, by.roles, reason.as_deref(), &f)?;
        let k = Ctx {
            env,
            complaint: &complaint,
            id,
            actor: by.id,
            reason: reason.as_deref(),
            today,
        };
        match &command.step {
            Step::ReferToBezwaar => refer_to_bezwaar(c, &k)?,
            Step::Decline { ground } => decline(c, &k, *ground)?,
            Step::StartMediation => start_mediation(c, &k)?,
            Step::ResolveInformally | Step::StartFormalHandling | Step::Withdraw | Step::Close => {}
            Step::RecordFileConsent { on, how } => record_file_consent(c, &k, *on, *how)?,
            Step::InformPerson => inform_person(c, &k)?,
            Step::PlanHearing(h) => plan_hearing(c, &k, h)?,
            Step::HoldHearing {
                attendance,
                minutes,
            } => hold_hearing(c, &k, attendance.as_deref(), minutes.as_deref())?,
            Step::SkipHearing { ground } => skip_hearing(c, &k, *ground)?,
            Step::RecordAdvice { advice } => record_advice(c, &k, advice)?,
            Step::Decide { letter } => super::decision::decide(c, &k.as_decide(), letter.as_ref())?,
            Step::Postpone { weeks } => postpone(c, &k, *weeks)?,
            Step::ReferToOmbudsman { ombudsman, on } => {
                refer_to_ombudsman(c, &k, ombudsman.as_deref(), *on)?
            }
            Step::RecordOmbudsmanOutcome { outcome } => record_ombudsman_outcome(c, &k, outcome)?,
        }
        if to.is_final() && from != to {
            finish(c, &k, action, to)?;
        }
        diesel::update(complaints::table.find(id))
            .set((complaints::state.eq(to), complaints::updated_at.eq(now())))
            .execute(c)?;
        event(
            c,
            id,
            Some(by.id),
            action.code(),
            from,
            to,
            reason.as_deref(),
        )?;
        Ok(to)
    })
}

impl Ctx<'_, '_> {
    fn as_decide(&self) -> super::decision::Deciding<'_> {
        super::decision::Deciding {
            env: self.env,
            complaint: self.complaint,
            actor: self.actor,
            today: self.today,
        }
    }
}

fn refer_to_bezwaar(c: &mut DbConnection, k: &Ctx<'_, '_>) -> Result<(), StepError> {
    diesel::update(complaint_progress::table.find(k.id))
        .set(complaint_progress::referred_on.eq(k.today))
        .execute(c)?;
    diesel::update(complaints::table.find(k.id))
        .set(complaints::kind.eq(Kind::Objection))
        .execute(c)?;
    send(
        c,
        k.env,
        k.complaint,
        LetterKind::Objection,
        vec![],
        Recipient::Complainant,
    )?;
    Ok(())
}

fn decline(c: &mut DbConnection, k: &Ctx<'_, '_>, ground: DeclineGround) -> Result<(), StepError> {
    diesel::update(complaints::table.find(k.id))
        .set(complaints::decline_ground.eq(ground))
        .execute(c)?;
    Ok(())
}

fn start_mediation(c: &mut DbConnection, k: &Ctx<'_, '_>) -> Result<(), StepError> {
    let target = super::deadlines::mediation_contact_target(
        k.complaint.received_on.max(k.today),
        k.env.targets,
        k.env.calendar,
    );
    diesel::update(complaint_progress::table.find(k.id))
        .set(complaint_progress::mediation_target.eq(target))
        .execute(c)?;
    let values = vec![
        ("streefdatum", date_text(target)),
        ("termijn", date_text(k.complaint.deadline_on)),
    ];
    send(
        c,
        k.env,
        k.complaint,
        LetterKind::Mediation,
        values,
        Recipient::Complainant,
    )?;
    Ok(())
}

fn record_file_consent(
    c: &mut DbConnection,
    k: &Ctx<'_, '_>,
    on: NaiveDate,
    how: ConsentWay,
) -> Result<(), StepError> {
    if on > k.today || on < k.complaint.received_on {
        return Err(StepError::Invalid(Invalid::ConsentDateRange));
    }
    diesel::update(complaint_progress::table.find(k.id))
        .set((
            complaint_progress::file_consent_on.eq(on),
            complaint_progress::file_consent_how.eq(how),
        ))
        .execute(c)?;
    Ok(())
}

fn inform_person(c: &mut DbConnection, k: &Ctx<'_, '_>) -> Result<(), StepError> {
    diesel::update(complaint_progress::table.find(k.id))
        .set(complaint_progress::person_informed_on.eq(k.today))
        .execute(c)?;
    // Awb 9:9: the person complained about gets a copy of the complaint.
    if k.complaint.person_complained.is_some() {
        send(
            c,
            k.env,
            k.complaint,
            LetterKind::StaffNotice,
            vec![],
            Recipient::PersonComplained,
        )?;
    }
    Ok(())
}

fn plan_hearing(c: &mut DbConnection, k: &Ctx<'_, '_>, h: &Hearing) -> Result<(), StepError> {
    if h.at.date() < k.today {
        return Err(StepError::Invalid(Invalid::HearingInPast));
    }
    diesel::insert_into(complaint_hearings::table)
        .values((
            complaint_hearings::complaint_id.eq(k.id),
            complaint_hearings::planned_at.eq(h.at),
            complaint_hearings::mode.eq(h.mode),
            complaint_hearings::place.eq(&h.place),
            complaint_hearings::invitees.eq(&h.invitees),
            complaint_hearings::invitations_sent_on.eq(k.today),
        ))
        .execute(c)?;
    let values = vec![
        ("datum", date_text(h.at.date())),
        ("tijd", h.at.format("%H:%M").to_string()),
        ("plaats", h.place.clone()),
        ("wijze", h.mode.letter_text().to_string()),
    ];
    send(
        c,
        k.env,
        k.complaint,
        LetterKind::Hearing,
        values.clone(),
        Recipient::Complainant,
    )?;
    if k.complaint.person_complained.is_some() {
        send(
            c,
            k.env,
            k.complaint,
            LetterKind::Hearing,
            values,
            Recipient::PersonComplained,
        )?;
    }
    Ok(())
}

/// The hearing was held: not before the day it was planned for.
fn hold_hearing(
    c: &mut DbConnection,
    k: &Ctx<'_, '_>,
    attendance: Option<&str>,
    minutes: Option<&str>,
) -> Result<(), StepError> {
    let (hearing, planned): (i64, chrono::NaiveDateTime) = complaint_hearings::table
        .filter(complaint_hearings::complaint_id.eq(k.id))
        .order(complaint_hearings::id.desc())
        .select((complaint_hearings::id, complaint_hearings::planned_at))
        .first(c)?;
    if held_too_early(planned.date(), k.today) {
        return Err(StepError::HeldBeforePlanned(planned.date()));
    }
    diesel::update(complaint_hearings::table.find(hearing))
        .set((
            complaint_hearings::held.eq(true),
            complaint_hearings::minutes.eq(minutes),
            complaint_hearings::attendance.eq(attendance),
        ))
        .execute(c)?;
    Ok(())
}

/// A hearing cannot be recorded as held before the day it was planned for.
pub fn held_too_early(planned: NaiveDate, today: NaiveDate) -> bool {
    today < planned
}

fn skip_hearing(
    c: &mut DbConnection,
    k: &Ctx<'_, '_>,
    ground: SkipGround,
) -> Result<(), StepError> {
    diesel::insert_into(complaint_hearings::table)
        .values((
            complaint_hearings::complaint_id.eq(k.id),
            complaint_hearings::planned_at.eq(now()),
            complaint_hearings::mode.eq(HearingMode::NotHeld),
            complaint_hearings::place.eq(""),
            complaint_hearings::invitees.eq(""),
            complaint_hearings::skipped_ground.eq(ground.code()),
        ))
        .execute(c)?;
    Ok(())
}

fn record_advice(c: &mut DbConnection, k: &Ctx<'_, '_>, advice: &str) -> Result<(), StepError> {
    diesel::update(complaint_progress::table.find(k.id))
        .set((
            complaint_progress::advice.eq(advice),
            complaint_progress::advice_on.eq(k.today),
        ))
        .execute(c)?;
    Ok(())
}

fn postpone(c: &mut DbConnection, k: &Ctx<'_, '_>, weeks: i64) -> Result<(), StepError> {
    diesel::update(complaint_progress::table.find(k.id))
        .set((
            complaint_progress::postponement_weeks.eq(weeks as i32),
            complaint_progress::postponement_notice_on.eq(k.today),
        ))
        .execute(c)?;
    let p = progress(c, k.id)?;
    let deadline = deadline_of(k.complaint, &p, k.env.calendar);
    diesel::update(complaints::table.find(k.id))
        .set(complaints::deadline_on.eq(deadline))
        .execute(c)?;
    let values = vec![
        ("weken", weeks.to_string()),
        ("termijn", date_text(deadline)),
        ("reden", k.reason.unwrap_or_default().to_string()),
    ];
    send(
        c,
        k.env,
        k.complaint,
        LetterKind::Postponement,
        values.clone(),
        Recipient::Complainant,
    )?;
    if k.complaint.person_complained.is_some() {
        send(
            c,
            k.env,
            k.complaint,
            LetterKind::Postponement,
            values,
            Recipient::PersonComplained,
        )?;
    }
    Ok(())
}

fn refer_to_ombudsman(
    c: &mut DbConnection,
    k: &Ctx<'_, '_>,
    ombudsman: Option<&str>,
    on: Option<NaiveDate>,
) -> Result<(), StepError> {
    diesel::update(complaint_progress::table.find(k.id))
        .set((
            complaint_progress::ombudsman.eq(ombudsman.unwrap_or(k.env.ombudsman)),
            complaint_progress::ombudsman_on.eq(on.unwrap_or(k.today)),
        ))
        .execute(c)?;
    Ok(())
}

fn record_ombudsman_outcome(
    c: &mut DbConnection,
    k: &Ctx<'_, '_>,
    outcome: &str,
) -> Result<(), StepError> {
    diesel::update(complaint_progress::table.find(k.id))
        .set(complaint_progress::ombudsman_outcome.eq(outcome))
        .execute(c)?;
    Ok(())
}

/// A case that ends: the closing date, and the council member hears what became of the signal
/// they passed on.
fn finish(
    c: &mut DbConnection,
    k: &Ctx<'_, '_>,
    action: Action,
    to: State,
) -> Result<(), StepError> {
    diesel::update(complaint_progress::table.find(k.id))
        .set(complaint_progress::closed_on.eq(k.today))
        .execute(c)?;
    if k.complaint.via_person.is_some() && action != Action::Close {
        let values = vec![
            ("fase", super::letters::service::phase_text(to).to_string()),
            ("uitkomst", String::new()),
        ];
        send(
            c,
            k.env,
            k.complaint,
            LetterKind::Messenger,
            values,
            Recipient::Messenger,
        )?;
        diesel::update(complaint_progress::table.find(k.id))
            .set(complaint_progress::council_feedback_on.eq(k.today))
            .execute(c)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hearing_is_not_held_before_its_day() {
        let planned = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap_or_default();
        assert!(held_too_early(
            planned,
            NaiveDate::from_ymd_opt(2026, 12, 6).unwrap_or_default()
        ));
        assert!(!held_too_early(planned, planned));
        assert!(!held_too_early(
            planned,
            planned + chrono::Duration::days(1)
        ));
    }
}
