//! The changes to a case that are not workflow steps: the parts of the complaint and their
//! judgement, classification and assignment, the mediation notes, documents, consent to a later
//! decision and follow-up actions. Each is one transaction with its event in the case history.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::deadlines::{self, DeadlineInput};
use super::invalid::Invalid;
use super::model::Norms;
use super::store::{clean, deadline_of, load, note, progress, Attachment, Env, StepError};
use super::terms::{Judgement, Kind};
use super::workflow::{Refusal, State};
use crate::accounts::audit::{self, Actor};
use crate::db::schema::{
    complaint_attachments, complaint_category_links, complaint_elements, complaint_progress,
    complaints,
};
use crate::db::{write_tx, DbConnection};

/// Adds a complaint element (a part to be judged on its own).
pub fn add_element(
    c: &mut DbConnection,
    id: i64,
    actor: i64,
    description: &str,
) -> QueryResult<()> {
    write_tx(c, |c| {
        let n: i64 = complaint_elements::table
            .filter(complaint_elements::complaint_id.eq(id))
            .count()
            .get_result(c)?;
        diesel::insert_into(complaint_elements::table)
            .values((
                complaint_elements::complaint_id.eq(id),
                complaint_elements::position.eq(n as i32 + 1),
                complaint_elements::description.eq(description.trim()),
            ))
            .execute(c)?;
        note(c, id, actor, "element_added", None)
    })
}

/// Judges one element: gegrond, ongegrond, deels gegrond or geen oordeel, with the norms violated
/// and the conclusions or measures.
pub fn judge_element(
    c: &mut DbConnection,
    id: i64,
    element: i64,
    actor: i64,
    judgement: Judgement,
    norms: &Norms,
    conclusion: Option<&str>,
) -> Result<(), StepError> {
    write_tx(c, |c| {
        let n = diesel::update(
            complaint_elements::table
                .filter(complaint_elements::id.eq(element))
                .filter(complaint_elements::complaint_id.eq(id)),
        )
        .set((
            complaint_elements::judgement.eq(judgement),
            complaint_elements::norms.eq(norms),
            complaint_elements::conclusion.eq(conclusion.map(str::trim).filter(|s| !s.is_empty())),
        ))
        .execute(c)?;
        if n == 0 {
            return Err(StepError::NotFound);
        }
        note(c, id, actor, "element_judged", None)?;
        Ok(())
    })
}

/// Categories of a complaint, by id.
pub fn set_categories(c: &mut DbConnection, id: i64, categories: &[i64]) -> QueryResult<()> {
    diesel::delete(
        complaint_category_links::table.filter(complaint_category_links::complaint_id.eq(id)),
    )
    .execute(c)?;
    for cat in categories {
        diesel::insert_into(complaint_category_links::table)
            .values((
                complaint_category_links::complaint_id.eq(id),
                complaint_category_links::category_id.eq(cat),
            ))
            .execute(c)?;
    }
    Ok(())
}

pub fn insert_attachment(c: &mut DbConnection, id: i64, a: &Attachment) -> QueryResult<usize> {
    diesel::insert_into(complaint_attachments::table)
        .values((
            complaint_attachments::complaint_id.eq(id),
            complaint_attachments::file_name.eq(&a.file_name),
            complaint_attachments::content_type.eq(&a.content_type),
            complaint_attachments::size.eq(a.data.len() as i64),
            complaint_attachments::data.eq(&a.data),
        ))
        .execute(c)
}

/// Adds a document to a case (the hearing's minutes, a letter, a scan), with an event that says who
/// added it and when (not what it is called: a file name can hold a name).
pub fn add_document(c: &mut DbConnection, id: i64, actor: i64, a: &Attachment) -> QueryResult<()> {
    write_tx(c, |c| {
        insert_attachment(c, id, a)?;
        note(c, id, actor, "document_added", None)
    })
}

/// What the mediator records about the informal handling.
#[derive(Debug, Clone, Default)]
pub struct Mediation {
    /// Day of the first contact with the complainant.
    pub contact_on: Option<NaiveDate>,
    /// The team leader's written feedback.
    pub feedback: Option<String>,
    /// Whether the complainant is satisfied.
    pub satisfied: Option<bool>,
}

/// Records the mediation talk.
pub fn record_mediation(
    c: &mut DbConnection,
    id: i64,
    actor: i64,
    m: &Mediation,
    today: NaiveDate,
) -> Result<(), StepError> {
    if m.contact_on.is_some_and(|d| d > today) {
        return Err(StepError::Invalid(Invalid::ContactInFuture));
    }
    write_tx(c, |c| {
        // Mediation notes belong to the mediation: not to a case before the committee or decided.
        let state: State = complaints::table
            .find(id)
            .select(complaints::state)
            .get_result(c)
            .optional()?
            .ok_or(StepError::NotFound)?;
        if state != State::Mediation {
            return Err(StepError::Refused(Refusal::NotFromThisState));
        }
        let received: NaiveDate = complaints::table
            .find(id)
            .select(complaints::received_on)
            .get_result(c)?;
        if m.contact_on.is_some_and(|d| d < received) {
            return Err(StepError::Invalid(Invalid::ContactBeforeReceived));
        }
        diesel::update(complaint_progress::table.find(id))
            .set((
                complaint_progress::mediation_contact_on.eq(m.contact_on),
                complaint_progress::mediation_feedback.eq(clean(&m.feedback)),
                complaint_progress::complainant_satisfied.eq(m.satisfied),
            ))
            .execute(c)?;
        note(c, id, actor, "mediation_recorded", None)?;
        Ok(())
    })
}

/// How the coordinator classifies a complaint.
#[derive(Debug, Clone, Default)]
pub struct Classification {
    /// A complaint, an objection (bezwaar) or both.
    pub kind: Kind,
    /// Goes (also) about a decision.
    pub about_decision: bool,
    /// Team or department.
    pub team: Option<String>,
    /// The staff member complained about.
    pub person_complained: Option<String>,
    /// Behoorlijkheidsnormen at stake.
    pub norms: Norms,
    /// Handled by the complaints committee.
    pub committee: bool,
    /// Conduct categories.
    pub categories: Vec<i64>,
    /// The handler assigned.
    pub handler_id: Option<i64>,
}

/// Stores the classification (and the deadline, which depends on the committee).
pub fn classify(
    c: &mut DbConnection,
    env: &Env<'_>,
    id: i64,
    actor: i64,
    k: &Classification,
) -> Result<(), StepError> {
    write_tx(c, |c| {
        let complaint = load(c, id).optional()?.ok_or(StepError::NotFound)?;
        diesel::update(complaints::table.find(id))
            .set((
                complaints::kind.eq(k.kind),
                complaints::about_decision.eq(k.about_decision),
                complaints::team.eq(clean(&k.team)),
                complaints::person_complained.eq(clean(&k.person_complained)),
                complaints::norms.eq(&k.norms),
                complaints::committee.eq(k.committee),
                complaints::handler_id.eq(k.handler_id),
            ))
            .execute(c)?;
        set_categories(c, id, &k.categories)?;
        if complaint.handler_id != k.handler_id {
            let to = k.handler_id.map_or("geen".to_string(), |h| h.to_string());
            audit::record(
                c,
                Actor::User(actor),
                "complaint.assigned",
                "complaint",
                Some(&id.to_string()),
                Some(&format!("behandelaar {to}")),
            )?;
        }
        let updated = load(c, id)?;
        let p = progress(c, id)?;
        let deadline = deadline_of(&updated, &p, env.calendar);
        if deadline != complaint.deadline_on {
            diesel::update(complaints::table.find(id))
                .set(complaints::deadline_on.eq(deadline))
                .execute(c)?;
        }
        note(c, id, actor, "classified", None)?;
        Ok(())
    })
}

/// Records the complainant's written consent to a decision after the postponed deadline
/// (Awb 9:11 lid 2).
pub fn extend_with_consent(
    c: &mut DbConnection,
    env: &Env<'_>,
    id: i64,
    actor: i64,
    until: NaiveDate,
    how: &str,
) -> Result<NaiveDate, StepError> {
    write_tx(c, |c| {
        let complaint = load(c, id).optional()?.ok_or(StepError::NotFound)?;
        let p = progress(c, id)?;
        let input = DeadlineInput {
            received: complaint.received_on,
            committee: complaint.committee,
            postponement_weeks: i64::from(p.postponement_weeks),
            consented_until: Some(until),
        };
        let deadline = deadlines::legal_deadline(input, env.calendar)
            .map_err(|e| StepError::Invalid(e.into()))?;
        diesel::update(complaint_progress::table.find(id))
            .set(complaint_progress::consented_until.eq(until))
            .execute(c)?;
        diesel::update(complaints::table.find(id))
            .set(complaints::deadline_on.eq(deadline))
            .execute(c)?;
        note(c, id, actor, "consent_extension", Some(how))?;
        Ok(deadline)
    })
}

/// Adds a follow-up action with its owner and due date.
pub fn add_followup(
    c: &mut DbConnection,
    id: i64,
    actor: i64,
    description: &str,
    owner: &str,
    due_on: NaiveDate,
) -> Result<(), StepError> {
    if description.trim().is_empty() || owner.trim().is_empty() {
        return Err(StepError::Invalid(Invalid::FollowupWhatWho));
    }
    write_tx(c, |c| {
        diesel::insert_into(crate::db::schema::complaint_followups::table)
            .values((
                crate::db::schema::complaint_followups::complaint_id.eq(id),
                crate::db::schema::complaint_followups::description.eq(description.trim()),
                crate::db::schema::complaint_followups::owner.eq(owner.trim()),
                crate::db::schema::complaint_followups::due_on.eq(due_on),
            ))
            .execute(c)?;
        note(c, id, actor, "followup_added", None)?;
        Ok(())
    })
}

/// Marks a follow-up action done.
pub fn finish_followup(
    c: &mut DbConnection,
    id: i64,
    followup: i64,
    actor: i64,
    today: NaiveDate,
) -> Result<(), StepError> {
    use crate::db::schema::complaint_followups as f;
    write_tx(c, |c| {
        let n = diesel::update(
            f::table
                .filter(f::id.eq(followup))
                .filter(f::complaint_id.eq(id)),
        )
        .set(f::done_on.eq(today))
        .execute(c)?;
        if n == 0 {
            return Err(StepError::NotFound);
        }
        note(c, id, actor, "followup_done", None)?;
        Ok(())
    })
}
