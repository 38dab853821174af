//! Complaints in the database: registering one (with its tracking code and receipt), taking a
//! workflow step (checked by [`workflow::apply`], stored with who, when and why, with the letters it
//! causes in the same transaction), and recording what happened along the way.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::deadlines::{self, Calendar, DeadlineInput, Targets};
use super::model::{Complaint, Progress};
use super::templates::{LetterKind, Templates};
use super::terms::Channel;
use super::workflow::{Facts, Refusal, State};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::db::schema::{
    complaint_elements, complaint_events, complaint_hearings, complaint_progress, complaints,
};
use crate::db::{now, write_tx, DbConnection};
use crate::web::i18n::Lang;

/// What registering and handling need from the installation.
pub struct Env<'a> {
    /// Letter texts.
    pub templates: &'a Templates,
    /// Working days and holidays.
    pub calendar: &'a Calendar,
    /// Local targets.
    pub targets: Targets,
    /// Committee by default.
    pub committee: bool,
    /// Name of the municipality.
    pub municipality: &'a str,
    /// How residents reach the municipality (for every letter).
    pub contact: &'a crate::config::Contact,
    /// Public address, for the status link.
    pub public_url: &'a str,
    /// Domain for message ids.
    pub mail_domain: &'a str,
    /// The external ombudsman named in outcome letters.
    pub ombudsman: &'a str,
}

/// A file sent with a complaint.
#[derive(Debug, Clone)]
pub struct Attachment {
    /// Name as uploaded (control characters removed).
    pub file_name: String,
    /// Type as sent.
    pub content_type: String,
    /// Contents.
    pub data: Vec<u8>,
}

/// A complaint as it comes in.
#[derive(Debug, Clone)]
pub struct NewComplaint {
    /// Day of receipt.
    pub received_on: NaiveDate,
    /// How it came in.
    pub channel: Channel,
    /// Council member or alderman who passed it on.
    pub via_person: Option<String>,
    /// Their e-mail address.
    pub via_email: Option<String>,
    /// Language of the complainant.
    pub language: Lang,
    /// Name.
    pub name: Option<String>,
    /// Postal address.
    pub address: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Telephone.
    pub phone: Option<String>,
    /// What happened.
    pub description: String,
    /// What the complainant would like.
    pub wish: Option<String>,
    /// Files.
    pub attachments: Vec<Attachment>,
}

/// An empty complaint through the web form, received on 1 January 1970 (callers set what they
/// need and take the rest with `..Default::default()`).
impl Default for NewComplaint {
    fn default() -> Self {
        NewComplaint {
            received_on: NaiveDate::default(),
            channel: Channel::Web,
            via_person: None,
            via_email: None,
            language: Lang::default(),
            name: None,
            address: None,
            email: None,
            phone: None,
            description: String::new(),
            wish: None,
            attachments: vec![],
        }
    }
}

/// Why a step was not taken.
#[derive(Debug, thiserror::Error)]
pub enum StepError {
    /// The workflow refuses it.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// A value the step needs is missing or wrong (its message key says which).
    #[error("ongeldige invoer: {}", .0.key())]
    Invalid(super::invalid::Invalid),
    /// No such complaint.
    #[error("onbekende klacht")]
    NotFound,
    /// The hearing is recorded as held before the day it was planned for.
    #[error("de hoorzitting is gepland op {0}; leg pas op of na die dag vast dat die is gehouden")]
    HeldBeforePlanned(NaiveDate),
    /// The outcome letter changed after it was previewed.
    #[error("de brief is veranderd nadat u hem bekeek; bekijk hem opnieuw")]
    LetterChanged,
    /// The decision is sent from its own page, after a preview.
    #[error("stel de beslissing op en bekijk de brief voordat u hem verstuurt")]
    DecideOnItsPage,
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// The case number people see: year of receipt and number, `2026-0042`.
pub fn case_number(c: &Complaint) -> String {
    case_number_of(c.received_on, c.id)
}

/// The case number from the day of receipt and the number.
pub fn case_number_of(received: NaiveDate, id: i64) -> String {
    format!("{}-{:04}", received.year(), id)
}

/// Empty text becomes nothing.
pub(super) fn clean(v: &Option<String>) -> Option<String> {
    v.as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

/// The legal deadline of a case as it stands.
pub fn deadline_of(c: &Complaint, p: &Progress, calendar: &Calendar) -> NaiveDate {
    let input = DeadlineInput {
        received: c.received_on,
        committee: c.committee,
        postponement_weeks: i64::from(p.postponement_weeks),
        consented_until: p.consented_until,
    };
    deadlines::legal_deadline(input, calendar).unwrap_or_else(|_| {
        deadlines::legal_deadline(DeadlineInput::new(c.received_on, c.committee), calendar)
            .unwrap_or(c.received_on)
    })
}

/// Registers a complaint: tracking code, receipt (e-mail, or a letter to print), first event. Returns
/// the case number and the tracking code (shown once; only its hash is kept).
pub fn register(
    conn: &mut DbConnection,
    env: &Env<'_>,
    new: &NewComplaint,
    actor: Option<i64>,
) -> QueryResult<(i64, String)> {
    let name = clean(&new.name);
    let address = clean(&new.address);
    let email = clean(&new.email);
    let phone = clean(&new.phone);
    let anonymous = address.is_none() && email.is_none() && phone.is_none();
    let code = crate::codes::generate(&mut rand::thread_rng());
    let bare = crate::codes::parse(&code).unwrap_or_default();
    let hash = crate::codes::hash(&bare);
    let stamp = now();
    let deadline = deadlines::legal_deadline(
        DeadlineInput::new(new.received_on, env.committee),
        env.calendar,
    )
    .unwrap_or(new.received_on);
    write_tx(conn, |c| {
        diesel::insert_into(complaints::table)
            .values((
                complaints::tracking_hash.eq(&hash),
                complaints::received_on.eq(new.received_on),
                complaints::channel.eq(new.channel),
                complaints::via_person.eq(clean(&new.via_person)),
                complaints::via_email.eq(clean(&new.via_email)),
                complaints::kind.eq(super::terms::Kind::Complaint),
                complaints::state.eq(State::Received),
                complaints::language.eq(&new.language),
                complaints::anonymous.eq(anonymous),
                complaints::name.eq(&name),
                complaints::address.eq(&address),
                complaints::email.eq(&email),
                complaints::phone.eq(&phone),
                complaints::description.eq(new.description.trim()),
                complaints::wish.eq(clean(&new.wish)),
                complaints::committee.eq(env.committee),
                complaints::deadline_on.eq(deadline),
                complaints::created_at.eq(stamp),
                complaints::updated_at.eq(stamp),
            ))
            .execute(c)?;
        let id: i64 = complaints::table
            .filter(complaints::tracking_hash.eq(&hash))
            .select(complaints::id)
            .get_result(c)?;
        diesel::insert_into(complaint_progress::table)
            .values(complaint_progress::complaint_id.eq(id))
            .execute(c)?;
        for a in &new.attachments {
            insert_attachment(c, id, a)?;
        }
        event(
            c,
            id,
            actor,
            "registered",
            State::Received,
            State::Received,
            None,
        )?;
        let complaint = load(c, id)?;
        if !anonymous {
            let values = vec![
                ("volgcode", code.clone()),
                ("termijn", date_text(deadline)),
                (
                    "statuslink",
                    format!("{}/klacht/volgen", env.public_url.trim_end_matches('/')),
                ),
            ];
            send(
                c,
                env,
                &complaint,
                LetterKind::Receipt,
                values,
                Recipient::Complainant,
            )?;
        }
        Ok((id, code))
    })
}

/// A date in letters: `23-11-2026`.
pub fn date_text(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

/// Who a letter is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Recipient {
    /// The complainant (e-mail when known, otherwise a letter to print).
    Complainant,
    /// The person complained about (a letter through the organisation).
    PersonComplained,
    /// The council member or alderman who passed the complaint on.
    Messenger,
}

/// Sends or queues one letter, inside the caller's transaction (see
/// [`super::letters::service::send`]: each addressee gets the text for their own role, as a PDF).
pub(super) fn send(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
    kind: LetterKind,
    values: Vec<(&str, String)>,
    to: Recipient,
) -> QueryResult<()> {
    super::letters::service::send(c, env, complaint, kind, values, to, None)
}

/// Stores one event in the case history, and the same change in the audit log (who, what, which
/// case, when; the states it moved between, never the reason or any other text). Every change of a
/// complaint goes through here. An event without a staff member is a resident's (the web form).
pub(super) fn event(
    c: &mut DbConnection,
    id: i64,
    actor: Option<i64>,
    action: &str,
    from: State,
    to: State,
    reason: Option<&str>,
) -> QueryResult<()> {
    let moved = (from != to).then(|| format!("{} -> {}", from.code(), to.code()));
    audit::record(
        c,
        actor.map_or(Actor::Public, Actor::User),
        &format!("complaint.{action}"),
        "complaint",
        Some(&id.to_string()),
        moved.as_deref(),
    )?;
    diesel::insert_into(complaint_events::table)
        .values((
            complaint_events::complaint_id.eq(id),
            complaint_events::at.eq(now()),
            complaint_events::actor_id.eq(actor),
            complaint_events::action.eq(action),
            complaint_events::from_state.eq(from.code()),
            complaint_events::to_state.eq(to.code()),
            complaint_events::reason.eq(reason),
        ))
        .execute(c)?;
    Ok(())
}

/// One complaint.
pub fn load(c: &mut DbConnection, id: i64) -> QueryResult<Complaint> {
    complaints::table
        .find(id)
        .select(Complaint::as_select())
        .get_result(c)
}

/// Its progress.
pub fn progress(c: &mut DbConnection, id: i64) -> QueryResult<Progress> {
    complaint_progress::table
        .find(id)
        .select(Progress::as_select())
        .get_result(c)
}

/// The facts the workflow's guards look at.
pub fn facts(c: &mut DbConnection, complaint: &Complaint, p: &Progress) -> QueryResult<Facts> {
    let hearing: Option<(Option<NaiveDate>, Option<String>)> = complaint_hearings::table
        .filter(complaint_hearings::complaint_id.eq(complaint.id))
        .order(complaint_hearings::id.desc())
        .select((
            complaint_hearings::invitations_sent_on,
            complaint_hearings::minutes,
        ))
        .get_result(c)
        .optional()?;
    let judgements: Vec<Option<String>> = complaint_elements::table
        .filter(complaint_elements::complaint_id.eq(complaint.id))
        .select(complaint_elements::judgement)
        .load(c)?;
    Ok(Facts {
        committee: complaint.committee,
        has_contact: complaint.has_contact(),
        mediation_feedback: p
            .mediation_feedback
            .as_deref()
            .is_some_and(|f| !f.trim().is_empty()),
        complainant_satisfied: p.complainant_satisfied == Some(true),
        person_informed: p.person_informed_on.is_some(),
        hearing_invitations_sent: hearing.as_ref().is_some_and(|h| h.0.is_some()),
        hearing_minutes: hearing
            .as_ref()
            .is_some_and(|h| h.1.as_deref().is_some_and(|m| !m.trim().is_empty())),
        every_element_judged: !judgements.is_empty() && judgements.iter().all(Option::is_some),
        postponed: p.postponement_weeks > 0,
        file_consent: p.file_consent_on.is_some(),
    })
}

/// Who takes a step.
#[derive(Debug, Clone, Copy)]
pub struct By<'a> {
    /// Account number.
    pub id: i64,
    /// Roles held.
    pub roles: &'a [Role],
}

pub use super::service::{
    add_document, add_element, add_followup, classify, extend_with_consent, finish_followup,
    insert_attachment, judge_element, record_mediation, set_categories, Classification, Mediation,
};

/// Judgements only (no descriptions), for the council member.
pub(super) fn judgement_summary(c: &mut DbConnection, id: i64) -> QueryResult<String> {
    let rows: Vec<Option<String>> = complaint_elements::table
        .filter(complaint_elements::complaint_id.eq(id))
        .order(complaint_elements::position)
        .select(complaint_elements::judgement)
        .load(c)?;
    Ok(rows
        .into_iter()
        .enumerate()
        .map(|(i, j)| {
            format!(
                "Onderdeel {}: {}",
                i + 1,
                j.unwrap_or_default().replace('_', " ")
            )
        })
        .collect::<Vec<_>>()
        .join("\n"))
}

/// Records a change that is not a step (classification, mediation notes, hearing details, …) as an
/// event, so the case history shows who changed what and when.
pub fn note(
    c: &mut DbConnection,
    id: i64,
    actor: i64,
    action: &str,
    reason: Option<&str>,
) -> QueryResult<()> {
    let s: State = complaints::table
        .find(id)
        .select(complaints::state)
        .get_result(c)?;
    diesel::update(complaints::table.find(id))
        .set(complaints::updated_at.eq(now()))
        .execute(c)?;
    event(c, id, Some(actor), action, s, s, reason)
}
