//! One way to make complaints for tests, benchmarks and the demo:
//! `ComplaintBuilder::new().received_on(d).in_state(State::Heard).register(conn, &env)`.
//!
//! [`ComplaintBuilder::register`] goes through [`store::register`] (tracking code, receipt letter,
//! deadline) and then puts the case where the caller wants it: a stage, a handler, the committee, a
//! deadline. Those last settings skip the workflow on purpose; a test of the workflow itself takes
//! the steps. [`ComplaintBuilder::insert_bare`] writes only the rows a list needs, for loading a
//! hundred thousand complaints into a benchmark in one transaction.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::store::{self, Env, NewComplaint};
use super::terms::{Channel, HearingMode, Judgement, Kind};
use super::workflow::State;
use crate::db::schema::{complaint_elements, complaint_hearings, complaint_progress, complaints};
use crate::db::{now, DbConnection};
use crate::web::i18n::Lang;

/// A complaint to make; every field has a plain default.
#[derive(Debug, Clone)]
pub struct ComplaintBuilder {
    new: NewComplaint,
    state: Option<State>,
    committee: Option<bool>,
    handler: Option<i64>,
    every_fact: bool,
    deadline_on: Option<NaiveDate>,
    person_complained: Option<String>,
    team: Option<String>,
    registered_on: Option<NaiveDate>,
}

impl Default for ComplaintBuilder {
    fn default() -> Self {
        Self::new()
    }
}

impl ComplaintBuilder {
    /// A complaint by letter, received today, in Dutch, from a named complainant without e-mail.
    pub fn new() -> ComplaintBuilder {
        ComplaintBuilder {
            new: NewComplaint {
                received_on: crate::fmt::today(),
                channel: Channel::Letter,
                language: Lang::Nl,
                name: Some("Mevrouw A. de Vries".into()),
                description: "Aan de balie werd ik toegesproken alsof ik een kind was.".into(),
                ..Default::default()
            },
            state: None,
            committee: None,
            handler: None,
            every_fact: false,
            deadline_on: None,
            person_complained: None,
            team: None,
            registered_on: None,
        }
    }

    /// The day it came in. Unless [`Self::registered_on`] says otherwise, it was registered on
    /// that day too (a complaint of the past, as a fixture or the demo has it).
    pub fn received_on(mut self, d: NaiveDate) -> Self {
        self.new.received_on = d;
        self
    }

    /// The day it was registered, when later than the day it came in (a letter that lay
    /// somewhere): the reports count it on that day.
    pub fn registered_on(mut self, d: NaiveDate) -> Self {
        self.registered_on = Some(d);
        self
    }

    /// When its row was made: noon of the day it was registered.
    fn registered_at(&self) -> chrono::NaiveDateTime {
        let day = self.registered_on.unwrap_or(self.new.received_on);
        day.and_time(chrono::NaiveTime::from_hms_opt(11, 0, 0).unwrap_or_default())
    }

    /// How it came in.
    pub fn channel(mut self, channel: Channel) -> Self {
        self.new.channel = channel;
        self
    }

    /// The complainant's language.
    pub fn language(mut self, lang: Lang) -> Self {
        self.new.language = lang;
        self
    }

    /// The complainant's name (`None`: anonymous).
    pub fn name(mut self, name: Option<&str>) -> Self {
        self.new.name = name.map(str::to_string);
        self
    }

    /// The complainant's e-mail address (letters then go by e-mail).
    pub fn email(mut self, email: Option<&str>) -> Self {
        self.new.email = email.map(str::to_string);
        self
    }

    /// The complainant's postal address.
    pub fn address(mut self, address: Option<&str>) -> Self {
        self.new.address = address.map(str::to_string);
        self
    }

    /// What happened.
    pub fn description(mut self, text: &str) -> Self {
        self.new.description = text.into();
        self
    }

    /// Passed on by a council member or alderman, with their e-mail address.
    pub fn via(mut self, person: &str, email: Option<&str>) -> Self {
        self.new.via_person = Some(person.into());
        self.new.via_email = email.map(str::to_string);
        self
    }

    /// Changes anything else of the intake (phone, wish, attachments).
    pub fn with(mut self, f: impl FnOnce(&mut NewComplaint)) -> Self {
        f(&mut self.new);
        self
    }

    /// The stage the case is put in after registering.
    pub fn in_state(mut self, state: State) -> Self {
        self.state = Some(state);
        self
    }

    /// Handled with the complaints committee (otherwise as the installation's setting says).
    pub fn committee(mut self, yes: bool) -> Self {
        self.committee = Some(yes);
        self
    }

    /// With every fact a step's guard may ask for: mediation feedback from a satisfied
    /// complainant, the person complained about informed, a hearing planned for now, and one part
    /// judged founded. For tests that take any step from any stage.
    pub fn with_every_fact(mut self) -> Self {
        self.every_fact = true;
        self
    }

    /// The handler's account.
    pub fn handler(mut self, user: Option<i64>) -> Self {
        self.handler = user;
        self
    }

    /// The legal deadline, instead of the one computed at registering.
    pub fn deadline_on(mut self, d: NaiveDate) -> Self {
        self.deadline_on = Some(d);
        self
    }

    /// The staff member the complaint is about.
    pub fn person_complained(mut self, name: &str) -> Self {
        self.person_complained = Some(name.into());
        self
    }

    /// The team the complaint is about.
    pub fn team(mut self, team: &str) -> Self {
        self.team = Some(team.into());
        self
    }

    /// The intake as the registering sees it.
    pub fn intake(&self) -> &NewComplaint {
        &self.new
    }

    /// Registers the complaint as intake does, then puts it in place; returns its number and
    /// tracking code.
    pub fn register(
        self,
        conn: &mut DbConnection,
        env: &Env<'_>,
        by: Option<i64>,
    ) -> QueryResult<(i64, String)> {
        let (id, code) = store::register(conn, env, &self.new, by)?;
        let target = complaints::table.find(id);
        diesel::update(target)
            .set(complaints::created_at.eq(self.registered_at()))
            .execute(conn)?;
        if let Some(state) = self.state {
            diesel::update(target)
                .set(complaints::state.eq(state))
                .execute(conn)?;
        }
        if let Some(committee) = self.committee {
            diesel::update(target)
                .set(complaints::committee.eq(committee))
                .execute(conn)?;
        }
        if self.handler.is_some() {
            diesel::update(target)
                .set(complaints::handler_id.eq(self.handler))
                .execute(conn)?;
        }
        if let Some(d) = self.deadline_on {
            diesel::update(target)
                .set(complaints::deadline_on.eq(d))
                .execute(conn)?;
        }
        if let Some(p) = &self.person_complained {
            diesel::update(target)
                .set(complaints::person_complained.eq(p))
                .execute(conn)?;
        }
        if let Some(t) = &self.team {
            diesel::update(target)
                .set(complaints::team.eq(t))
                .execute(conn)?;
        }
        if self.every_fact {
            every_fact(conn, id)?;
        }
        Ok((id, code))
    }

    /// Writes only the complaint's row and its progress row, with `tracking_hash` as given (no
    /// letters, no audit): for filling a benchmark's database, inside the caller's transaction.
    pub fn insert_bare(self, conn: &mut DbConnection, tracking_hash: &str) -> QueryResult<i64> {
        let stamp = self.registered_at();
        let received = self.new.received_on;
        diesel::insert_into(complaints::table)
            .values((
                complaints::tracking_hash.eq(tracking_hash),
                complaints::received_on.eq(received),
                complaints::channel.eq(self.new.channel),
                complaints::kind.eq(Kind::Complaint),
                complaints::state.eq(self.state.unwrap_or(State::Received)),
                complaints::language.eq(&self.new.language),
                complaints::anonymous.eq(self.new.name.is_none()),
                complaints::name.eq(&self.new.name),
                complaints::email.eq(&self.new.email),
                complaints::description.eq(&self.new.description),
                complaints::committee.eq(self.committee.unwrap_or(false)),
                complaints::handler_id.eq(self.handler),
                complaints::deadline_on.eq(self
                    .deadline_on
                    .unwrap_or(received + chrono::Duration::weeks(6))),
                complaints::created_at.eq(stamp),
                complaints::updated_at.eq(stamp),
            ))
            .execute(conn)?;
        let id: i64 = complaints::table
            .filter(complaints::tracking_hash.eq(tracking_hash))
            .select(complaints::id)
            .get_result(conn)?;
        diesel::insert_into(complaint_progress::table)
            .values(complaint_progress::complaint_id.eq(id))
            .execute(conn)?;
        Ok(id)
    }
}

/// See [`ComplaintBuilder::with_every_fact`].
fn every_fact(conn: &mut DbConnection, id: i64) -> QueryResult<()> {
    let today = crate::fmt::today();
    diesel::update(complaint_progress::table.find(id))
        .set((
            complaint_progress::mediation_feedback.eq("Gesprek gevoerd; excuses aangeboden."),
            complaint_progress::complainant_satisfied.eq(true),
            complaint_progress::person_informed_on.eq(today),
        ))
        .execute(conn)?;
    diesel::insert_into(complaint_hearings::table)
        .values((
            complaint_hearings::complaint_id.eq(id),
            complaint_hearings::planned_at.eq(now()),
            complaint_hearings::mode.eq(HearingMode::InPerson),
            complaint_hearings::place.eq("Kamer 1"),
            complaint_hearings::invitees.eq("klager, teamleider"),
            complaint_hearings::invitations_sent_on.eq(today),
        ))
        .execute(conn)?;
    diesel::insert_into(complaint_elements::table)
        .values((
            complaint_elements::complaint_id.eq(id),
            complaint_elements::position.eq(1),
            complaint_elements::description.eq("Toon van het gesprek"),
            complaint_elements::judgement.eq(Judgement::Founded),
        ))
        .execute(conn)?;
    Ok(())
}
