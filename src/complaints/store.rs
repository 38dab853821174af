//! Complaints in the database: registering one (with its tracking code and receipt), taking a
//! workflow step (checked by [`workflow::apply`], stored with who, when and why, with the letters it
//! causes in the same transaction), and recording what happened along the way.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::deadlines::{self, Calendar, DeadlineInput, Targets};
use super::model::{self, Complaint, Progress};
use super::templates::Templates;
use super::workflow::{self, Action, Facts, Refusal, State};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::db::schema::{
    complaint_attachments, complaint_category_links, complaint_elements, complaint_events,
    complaint_hearings, complaint_progress, complaints,
};
use crate::db::{now, write_tx, DbConnection};

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
#[derive(Debug, Clone, Default)]
pub struct NewComplaint {
    /// Day of receipt.
    pub received_on: NaiveDate,
    /// Channel code.
    pub channel: String,
    /// Council member or alderman who passed it on.
    pub via_person: Option<String>,
    /// Their e-mail address.
    pub via_email: Option<String>,
    /// Language of the complainant.
    pub language: String,
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

/// Why a step was not taken.
#[derive(Debug, thiserror::Error)]
pub enum StepError {
    /// The workflow refuses it.
    #[error(transparent)]
    Refused(#[from] Refusal),
    /// A value the step needs is missing or wrong (the text says which).
    #[error("{0}")]
    Invalid(String),
    /// No such complaint.
    #[error("onbekende klacht")]
    NotFound,
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
fn clean(v: &Option<String>) -> Option<String> {
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
    let code = crate::surveys::codes::generate(&mut rand::thread_rng());
    let bare = crate::surveys::codes::parse(&code).unwrap_or_default();
    let hash = crate::surveys::codes::hash(&bare);
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
                complaints::channel.eq(&new.channel),
                complaints::via_person.eq(clean(&new.via_person)),
                complaints::via_email.eq(clean(&new.via_email)),
                complaints::kind.eq("klacht"),
                complaints::state.eq(State::Received.code()),
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
                "ontvangst",
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
fn send(
    c: &mut DbConnection,
    env: &Env<'_>,
    complaint: &Complaint,
    kind: &str,
    values: Vec<(&str, String)>,
    to: Recipient,
) -> QueryResult<()> {
    super::letters::service::send(c, env, complaint, kind, values, to, None)
}

/// Stores one event in the case history, and the same change in the audit log (who, what, which
/// case, when; the states it moved between, never the reason or any other text). Every change of a
/// complaint goes through here. An event without a staff member is a resident's (the web form).
fn event(
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
    })
}

/// What a step needs besides its reason.
#[derive(Debug, Clone, Default)]
pub struct StepInput {
    /// Why (required for some steps).
    pub reason: Option<String>,
    /// Awb 9:8 or 9:10 ground code.
    pub ground: Option<String>,
    /// Weeks of postponement.
    pub weeks: Option<i64>,
    /// A date (consent given, referral to the ombudsman).
    pub date: Option<NaiveDate>,
    /// How consent was given; the ombudsman's name or outcome; the advice text; the hearing's minutes.
    pub text: Option<String>,
    /// The hearing to plan.
    pub hearing: Option<HearingPlan>,
    /// Who attended the hearing.
    pub attendance: Option<String>,
}

/// A hearing as planned.
#[derive(Debug, Clone)]
pub struct HearingPlan {
    /// Date and time.
    pub at: chrono::NaiveDateTime,
    /// One of [`model::HEARING_MODES`].
    pub mode: String,
    /// Room and address, or the phone number or video link.
    pub place: String,
    /// Who is invited (roles, not necessarily names).
    pub invitees: String,
}

/// Who takes a step.
#[derive(Debug, Clone, Copy)]
pub struct By<'a> {
    /// Account number.
    pub id: i64,
    /// Roles held.
    pub roles: &'a [Role],
}

/// Takes one workflow step: checked against the table and the case, stored with who, when and why,
/// with the letters it causes, all in one transaction.
pub fn step(
    conn: &mut DbConnection,
    env: &Env<'_>,
    id: i64,
    action: Action,
    by: By<'_>,
    input: &StepInput,
    today: NaiveDate,
) -> Result<State, StepError> {
    let (actor, roles) = (by.id, by.roles);
    write_tx(conn, |c| {
        let complaint = load(c, id).optional()?.ok_or(StepError::NotFound)?;
        let p = progress(c, id)?;
        let from = State::from_code(&complaint.state).ok_or(StepError::NotFound)?;
        let mut f = facts(c, &complaint, &p)?;
        // A step that records what its guard asks for: the facts as they will be.
        if action == Action::HoldHearing {
            f.hearing_minutes = clean(&input.text).is_some();
        }
        let reason = clean(&input.reason);
        let to = workflow::apply(from, action, roles, reason.as_deref(), &f)?;
        let text = clean(&input.text);
        let progress_row = complaint_progress::table.find(id);
        match action {
            Action::ReferToBezwaar => {
                diesel::update(progress_row)
                    .set(complaint_progress::referred_on.eq(today))
                    .execute(c)?;
                diesel::update(complaints::table.find(id))
                    .set(complaints::kind.eq("bezwaar"))
                    .execute(c)?;
                send(
                    c,
                    env,
                    &complaint,
                    "bezwaar",
                    vec![],
                    Recipient::Complainant,
                )?;
            }
            Action::Decline => {
                let ground = input
                    .ground
                    .as_deref()
                    .filter(|g| model::DECLINE_GROUNDS.contains(g))
                    .ok_or_else(|| StepError::Invalid("kies de grond uit artikel 9:8".into()))?;
                diesel::update(complaints::table.find(id))
                    .set(complaints::decline_ground.eq(ground))
                    .execute(c)?;
            }
            Action::StartMediation => {
                let target = deadlines::mediation_contact_target(
                    complaint.received_on.max(today),
                    env.targets,
                    env.calendar,
                );
                diesel::update(progress_row)
                    .set(complaint_progress::mediation_target.eq(target))
                    .execute(c)?;
                let values = vec![
                    ("streefdatum", date_text(target)),
                    ("termijn", date_text(complaint.deadline_on)),
                ];
                send(
                    c,
                    env,
                    &complaint,
                    "bemiddeling",
                    values,
                    Recipient::Complainant,
                )?;
            }
            Action::RecordFileConsent => {
                let how = text
                    .as_deref()
                    .filter(|w| model::CONSENT_WAYS.contains(w))
                    .ok_or_else(|| {
                        StepError::Invalid("kies hoe de klager toestemming gaf".into())
                    })?;
                let on = input.date.ok_or_else(|| {
                    StepError::Invalid("vul de datum van de toestemming in".into())
                })?;
                if on > today || on < complaint.received_on {
                    return Err(StepError::Invalid(
                        "de datum van de toestemming ligt tussen de ontvangst van de klacht en vandaag".into(),
                    ));
                }
                diesel::update(progress_row)
                    .set((
                        complaint_progress::file_consent_on.eq(on),
                        complaint_progress::file_consent_how.eq(how),
                    ))
                    .execute(c)?;
            }
            Action::InformPersonComplainedAbout => {
                diesel::update(progress_row)
                    .set(complaint_progress::person_informed_on.eq(today))
                    .execute(c)?;
                // Awb 9:9: the person complained about gets a copy of the complaint.
                if complaint.person_complained.is_some() {
                    send(
                        c,
                        env,
                        &complaint,
                        "beklaagde-melding",
                        vec![],
                        Recipient::PersonComplained,
                    )?;
                }
            }
            Action::SkipHearing => {
                let ground = input
                    .ground
                    .as_deref()
                    .filter(|g| model::SKIP_HEARING_GROUNDS.contains(g))
                    .ok_or_else(|| {
                        StepError::Invalid("kies de grond uit artikel 9:10 lid 2".into())
                    })?;
                diesel::insert_into(complaint_hearings::table)
                    .values((
                        complaint_hearings::complaint_id.eq(id),
                        complaint_hearings::planned_at.eq(now()),
                        complaint_hearings::mode.eq("geen"),
                        complaint_hearings::place.eq(""),
                        complaint_hearings::invitees.eq(""),
                        complaint_hearings::skipped_ground.eq(ground),
                    ))
                    .execute(c)?;
            }
            Action::RecordAdvice => {
                let advice = text.ok_or_else(|| {
                    StepError::Invalid("vul het advies van de commissie in".into())
                })?;
                diesel::update(progress_row)
                    .set((
                        complaint_progress::advice.eq(advice),
                        complaint_progress::advice_on.eq(today),
                    ))
                    .execute(c)?;
            }
            Action::Postpone => {
                let weeks = input.weeks.unwrap_or(0);
                if !(1..=deadlines::MAX_POSTPONEMENT_WEEKS).contains(&weeks) {
                    return Err(StepError::Invalid(
                        "uitstel is 1 tot en met 4 weken (artikel 9:11 lid 2)".into(),
                    ));
                }
                diesel::update(progress_row)
                    .set((
                        complaint_progress::postponement_weeks.eq(weeks as i32),
                        complaint_progress::postponement_notice_on.eq(today),
                    ))
                    .execute(c)?;
                let p2 = progress(c, id)?;
                let deadline = deadline_of(&complaint, &p2, env.calendar);
                diesel::update(complaints::table.find(id))
                    .set(complaints::deadline_on.eq(deadline))
                    .execute(c)?;
                let values = vec![
                    ("weken", weeks.to_string()),
                    ("termijn", date_text(deadline)),
                    ("reden", reason.clone().unwrap_or_default()),
                ];
                send(
                    c,
                    env,
                    &complaint,
                    "uitstel",
                    values.clone(),
                    Recipient::Complainant,
                )?;
                if complaint.person_complained.is_some() {
                    send(
                        c,
                        env,
                        &complaint,
                        "uitstel",
                        values,
                        Recipient::PersonComplained,
                    )?;
                }
            }
            Action::Decide => {
                diesel::update(progress_row)
                    .set(complaint_progress::decided_on.eq(today))
                    .execute(c)?;
                // The reasoned decision goes in as the letter's facts, in the letter's language.
                let values = vec![("ombudsman", env.ombudsman.to_string())];
                send(
                    c,
                    env,
                    &complaint,
                    "uitkomst",
                    values,
                    Recipient::Complainant,
                )?;
                // The person complained about gets the outcome in their own letter.
                if complaint.person_complained.is_some() {
                    send(
                        c,
                        env,
                        &complaint,
                        "uitkomst",
                        vec![],
                        Recipient::PersonComplained,
                    )?;
                }
                if complaint.via_person.is_some() {
                    let values = vec![
                        (
                            "fase",
                            super::letters::service::phase_text(State::Decided).to_string(),
                        ),
                        ("uitkomst", judgement_summary(c, id)?),
                    ];
                    send(c, env, &complaint, "raadslid", values, Recipient::Messenger)?;
                    diesel::update(progress_row)
                        .set(complaint_progress::council_feedback_on.eq(today))
                        .execute(c)?;
                }
            }
            Action::Close => {
                diesel::update(progress_row)
                    .set(complaint_progress::closed_on.eq(today))
                    .execute(c)?;
            }
            Action::ReferToOmbudsman => {
                diesel::update(progress_row)
                    .set((
                        complaint_progress::ombudsman
                            .eq(text.unwrap_or_else(|| env.ombudsman.to_string())),
                        complaint_progress::ombudsman_on.eq(input.date.unwrap_or(today)),
                    ))
                    .execute(c)?;
            }
            Action::RecordOmbudsmanOutcome => {
                let outcome = text.ok_or_else(|| {
                    StepError::Invalid("vul de uitkomst van de ombudsman in".into())
                })?;
                diesel::update(progress_row)
                    .set(complaint_progress::ombudsman_outcome.eq(outcome))
                    .execute(c)?;
            }
            Action::PlanHearing => {
                let plan = input.hearing.as_ref().ok_or_else(|| {
                    StepError::Invalid(
                        "vul datum, tijd, wijze en plaats van de hoorzitting in".into(),
                    )
                })?;
                if !model::HEARING_MODES.contains(&plan.mode.as_str())
                    || plan.place.trim().is_empty()
                {
                    return Err(StepError::Invalid(
                        "kies hoe de hoorzitting gaat en vul de plaats in".into(),
                    ));
                }
                if plan.at.date() < today {
                    return Err(StepError::Invalid(
                        "de hoorzitting kan niet in het verleden liggen".into(),
                    ));
                }
                diesel::insert_into(complaint_hearings::table)
                    .values((
                        complaint_hearings::complaint_id.eq(id),
                        complaint_hearings::planned_at.eq(plan.at),
                        complaint_hearings::mode.eq(&plan.mode),
                        complaint_hearings::place.eq(plan.place.trim()),
                        complaint_hearings::invitees.eq(plan.invitees.trim()),
                        complaint_hearings::invitations_sent_on.eq(today),
                    ))
                    .execute(c)?;
                let values = vec![
                    ("datum", date_text(plan.at.date())),
                    ("tijd", plan.at.format("%H:%M").to_string()),
                    ("plaats", plan.place.trim().to_string()),
                    ("wijze", mode_text(&plan.mode).to_string()),
                ];
                send(
                    c,
                    env,
                    &complaint,
                    "hoorzitting",
                    values.clone(),
                    Recipient::Complainant,
                )?;
                if complaint.person_complained.is_some() {
                    send(
                        c,
                        env,
                        &complaint,
                        "hoorzitting",
                        values,
                        Recipient::PersonComplained,
                    )?;
                }
            }
            Action::HoldHearing => {
                let hearing: i64 = complaint_hearings::table
                    .filter(complaint_hearings::complaint_id.eq(id))
                    .order(complaint_hearings::id.desc())
                    .select(complaint_hearings::id)
                    .first(c)?;
                diesel::update(complaint_hearings::table.find(hearing))
                    .set((
                        complaint_hearings::held.eq(true),
                        complaint_hearings::minutes.eq(&text),
                        complaint_hearings::attendance.eq(clean(&input.attendance)),
                    ))
                    .execute(c)?;
            }
            Action::ResolveInformally | Action::StartFormalHandling | Action::Withdraw => {}
        }
        if to.is_final() && from != to {
            diesel::update(progress_row)
                .set(complaint_progress::closed_on.eq(today))
                .execute(c)?;
            // The council member hears what became of the signal they passed on.
            if complaint.via_person.is_some() && action != Action::Close {
                let values = vec![
                    ("fase", super::letters::service::phase_text(to).to_string()),
                    ("uitkomst", String::new()),
                ];
                send(c, env, &complaint, "raadslid", values, Recipient::Messenger)?;
                diesel::update(progress_row)
                    .set(complaint_progress::council_feedback_on.eq(today))
                    .execute(c)?;
            }
        }
        diesel::update(complaints::table.find(id))
            .set((
                complaints::state.eq(to.code()),
                complaints::updated_at.eq(now()),
            ))
            .execute(c)?;
        event(
            c,
            id,
            Some(actor),
            action_code(action),
            from,
            to,
            reason.as_deref(),
        )?;
        Ok(to)
    })
}

/// How a hearing takes place, for letters (Dutch).
pub fn mode_text(mode: &str) -> &'static str {
    match mode {
        "telefoon" => "per telefoon",
        "video" => "via een videogesprek",
        _ => "op het gemeentehuis",
    }
}

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
    judgement: &str,
    norms: &[String],
    conclusion: Option<&str>,
) -> Result<(), StepError> {
    if !model::JUDGEMENTS.contains(&judgement) {
        return Err(StepError::Invalid(
            "kies een oordeel: gegrond, ongegrond, deels gegrond of geen oordeel".into(),
        ));
    }
    write_tx(c, |c| {
        let n = diesel::update(
            complaint_elements::table
                .filter(complaint_elements::id.eq(element))
                .filter(complaint_elements::complaint_id.eq(id)),
        )
        .set((
            complaint_elements::judgement.eq(judgement),
            complaint_elements::norms.eq(model::store_norms(norms)),
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

/// The stored code of an action.
pub fn action_code(a: Action) -> &'static str {
    match a {
        Action::ReferToBezwaar => "refer_to_bezwaar",
        Action::Decline => "decline",
        Action::StartMediation => "start_mediation",
        Action::ResolveInformally => "resolve_informally",
        Action::StartFormalHandling => "start_formal_handling",
        Action::Withdraw => "withdraw",
        Action::RecordFileConsent => "record_file_consent",
        Action::InformPersonComplainedAbout => "inform_person",
        Action::PlanHearing => "plan_hearing",
        Action::HoldHearing => "hold_hearing",
        Action::SkipHearing => "skip_hearing",
        Action::RecordAdvice => "record_advice",
        Action::Decide => "decide",
        Action::Postpone => "postpone",
        Action::Close => "close",
        Action::ReferToOmbudsman => "refer_to_ombudsman",
        Action::RecordOmbudsmanOutcome => "record_ombudsman_outcome",
    }
}

/// Every action.
pub const ACTIONS: [Action; 17] = [
    Action::ReferToBezwaar,
    Action::Decline,
    Action::StartMediation,
    Action::ResolveInformally,
    Action::StartFormalHandling,
    Action::Withdraw,
    Action::RecordFileConsent,
    Action::InformPersonComplainedAbout,
    Action::PlanHearing,
    Action::HoldHearing,
    Action::SkipHearing,
    Action::RecordAdvice,
    Action::Decide,
    Action::Postpone,
    Action::Close,
    Action::ReferToOmbudsman,
    Action::RecordOmbudsmanOutcome,
];

/// The action for a stored code.
pub fn action_from_code(code: &str) -> Option<Action> {
    ACTIONS.into_iter().find(|a| action_code(*a) == code)
}

/// Judgements only (no descriptions), for the council member.
fn judgement_summary(c: &mut DbConnection, id: i64) -> QueryResult<String> {
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

/// Records a change that is not a step (classification, mediation notes, hearing details, …) as an
/// event, so the case history shows who changed what and when.
pub fn note(
    c: &mut DbConnection,
    id: i64,
    actor: i64,
    action: &str,
    reason: Option<&str>,
) -> QueryResult<()> {
    let state: String = complaints::table
        .find(id)
        .select(complaints::state)
        .get_result(c)?;
    let s = State::from_code(&state).unwrap_or(State::Received);
    diesel::update(complaints::table.find(id))
        .set(complaints::updated_at.eq(now()))
        .execute(c)?;
    event(c, id, Some(actor), action, s, s, reason)
}

fn insert_attachment(c: &mut DbConnection, id: i64, a: &Attachment) -> QueryResult<usize> {
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
        return Err(StepError::Invalid(
            "de datum van het eerste contact ligt in de toekomst".into(),
        ));
    }
    write_tx(c, |c| {
        // Mediation notes belong to the mediation: not to a case before the committee or decided.
        let state: String = complaints::table
            .find(id)
            .select(complaints::state)
            .get_result(c)
            .optional()?
            .ok_or(StepError::NotFound)?;
        if State::from_code(&state) != Some(State::Mediation) {
            return Err(StepError::Refused(Refusal::NotFromThisState));
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
    /// klacht, bezwaar or beide.
    pub kind: String,
    /// Goes (also) about a decision.
    pub about_decision: bool,
    /// Team or department.
    pub team: Option<String>,
    /// The staff member complained about.
    pub person_complained: Option<String>,
    /// Behoorlijkheidsnormen at stake.
    pub norms: Vec<String>,
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
    if !model::KINDS.contains(&k.kind.as_str()) {
        return Err(StepError::Invalid("kies klacht, bezwaar of beide".into()));
    }
    write_tx(c, |c| {
        let complaint = load(c, id).optional()?.ok_or(StepError::NotFound)?;
        diesel::update(complaints::table.find(id))
            .set((
                complaints::kind.eq(&k.kind),
                complaints::about_decision.eq(k.about_decision),
                complaints::team.eq(clean(&k.team)),
                complaints::person_complained.eq(clean(&k.person_complained)),
                complaints::norms.eq(model::store_norms(&k.norms)),
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
            .map_err(|e| StepError::Invalid(e.to_string()))?;
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
        return Err(StepError::Invalid(
            "vul in wat er gebeurt en wie het doet".into(),
        ));
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
