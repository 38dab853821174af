//! Taking a workflow step: [`take`] checks the [`Command`] against the workflow table and the
//! case, runs the step's own function (one per variant of [`Step`]), and stores the move with who,
//! when and why, with the letters it causes, all in one transaction.

use chrono::NaiveDate;

use super::commands::{Command, Hearing, Step};
use super::invalid::Invalid;
use super::step_store;
use super::store::{
    self, date_text, deadline_of, event, progress, send, By, Env, Recipient, StepError,
};
use super::templates::LetterKind;
use super::terms::{ConsentWay, DeclineGround, SkipGround};
use super::workflow::{self, Action, State};
use crate::db::{write_tx, DbConnection};

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
        let complaint = step_store::find(c, id)?.ok_or(StepError::NotFound)?;
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
        step_store::set_state(c, id, to)?;
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
    step_store::refer_to_bezwaar(c, k.id, k.today)?;
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
    step_store::set_decline_ground(c, k.id, ground)?;
    Ok(())
}

fn start_mediation(c: &mut DbConnection, k: &Ctx<'_, '_>) -> Result<(), StepError> {
    let target = super::deadlines::mediation_contact_target(
        k.complaint.received_on.max(k.today),
        k.env.targets,
        k.env.calendar,
    );
    step_store::set_mediation_target(c, k.id, target)?;
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
    step_store::set_file_consent(c, k.id, on, how)?;
    Ok(())
}

fn inform_person(c: &mut DbConnection, k: &Ctx<'_, '_>) -> Result<(), StepError> {
    step_store::set_person_informed(c, k.id, k.today)?;
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
    // Awb 9:11: the decision comes within the term, so after the hearing; a hearing on or after
    // the last day leaves none (postpone first, and the term moves).
    if h.at.date() >= k.complaint.deadline_on {
        return Err(StepError::Invalid(Invalid::HearingAfterDeadline));
    }
    step_store::add_hearing(c, k.id, h, k.today)?;
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
    let hearing = step_store::latest_hearing(c, k.id)?;
    let planned = hearing.planned_at.date();
    if held_too_early(planned, k.today) {
        return Err(StepError::HeldBeforePlanned(planned));
    }
    step_store::set_hearing_held(c, hearing.id, minutes, attendance)?;
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
    step_store::add_skipped_hearing(c, k.id, ground)?;
    Ok(())
}

fn record_advice(c: &mut DbConnection, k: &Ctx<'_, '_>, advice: &str) -> Result<(), StepError> {
    step_store::set_advice(c, k.id, advice, k.today)?;
    Ok(())
}

fn postpone(c: &mut DbConnection, k: &Ctx<'_, '_>, weeks: i64) -> Result<(), StepError> {
    step_store::set_postponement(c, k.id, weeks, k.today)?;
    let p = progress(c, k.id)?;
    let deadline = deadline_of(k.complaint, &p, k.env.calendar);
    step_store::set_deadline(c, k.id, deadline)?;
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
    step_store::set_ombudsman(
        c,
        k.id,
        ombudsman.unwrap_or(k.env.ombudsman),
        on.unwrap_or(k.today),
    )?;
    Ok(())
}

fn record_ombudsman_outcome(
    c: &mut DbConnection,
    k: &Ctx<'_, '_>,
    outcome: &str,
) -> Result<(), StepError> {
    step_store::set_ombudsman_outcome(c, k.id, outcome)?;
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
    step_store::set_closed(c, k.id, k.today)?;
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
        step_store::set_council_feedback(c, k.id, k.today)?;
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
