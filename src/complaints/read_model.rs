//! The read model that complaints expose to other domains (the monitor's report, data stamp and
//! coding screen): the facts of each complaint the figures need (nothing personal), the follow-up
//! actions, the descriptions to code, and what the complaint data looks like now. It is the only
//! place outside complaints' own pages where the complaint tables are read.
//!
//! Stored codes are read through the TEXT-backed enums ([`State`], [`Channel`], [`Judgement`]):
//! a code the product does not know is an error, never a default. The complaint rules the figures
//! need (resolved informally, finished, open past the deadline, the register outcome) are methods
//! here, so the monitor does not re-derive them.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use diesel::prelude::*;

use super::register;
use super::terms::{Channel, Judgement};
use super::workflow::State;
use crate::db::schema::{
    complaint_categories, complaint_category_links, complaint_elements, complaint_followups,
    complaint_hearings, complaint_progress, complaints,
};
use crate::db::DbConnection;

/// One complaint as stored, as far as the figures need it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
struct FactsRow {
    id: i64,
    #[diesel(column_name = received_on)]
    received: NaiveDate,
    channel: Channel,
    state: State,
    anonymous: bool,
    #[diesel(column_name = via_person)]
    via: Option<String>,
    #[diesel(column_name = deadline_on)]
    deadline: NaiveDate,
    #[diesel(embed)]
    progress: ProgressRow,
    team: Option<String>,
    norms: super::model::Norms,
    created_at: chrono::NaiveDateTime,
}

/// How the handling of a complaint went, as far as the figures need it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_progress)]
struct ProgressRow {
    #[diesel(column_name = mediation_target)]
    mediation: Option<NaiveDate>,
    #[diesel(column_name = decided_on)]
    decided: Option<NaiveDate>,
    #[diesel(column_name = closed_on)]
    closed: Option<NaiveDate>,
    #[diesel(column_name = postponement_weeks)]
    postponed: i32,
    #[diesel(column_name = ombudsman_on)]
    ombudsman: Option<NaiveDate>,
    #[diesel(column_name = council_feedback_on)]
    feedback: Option<NaiveDate>,
}

/// The facts of one complaint (nothing personal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintFacts {
    /// The complaint's number.
    pub id: i64,
    /// Received on.
    pub received: NaiveDate,
    /// Registered on (in Dutch time); the reports count it on [`counted_on`] of the two.
    pub registered: NaiveDate,
    /// How it came in.
    pub channel: Channel,
    /// Where it is.
    pub state: State,
    /// An anonymous signal.
    pub anonymous: bool,
    /// Passed on by a council member or alderman.
    pub via_council: bool,
    /// Legal deadline.
    pub deadline: NaiveDate,
    /// Mediation was started.
    pub mediated: bool,
    /// Decided on.
    pub decided: Option<NaiveDate>,
    /// Closed on.
    pub closed: Option<NaiveDate>,
    /// The decision was postponed.
    pub postponed: bool,
    /// Went to the external ombudsman.
    pub ombudsman: bool,
    /// The council member or alderman was told what happened.
    pub council_feedback: bool,
    /// The team the complaint is about, as entered.
    pub team: Option<String>,
    /// Codes of the behoorlijkheidsnormen the complaint is about (known ones only).
    pub norms: Vec<&'static str>,
    /// Names of its categories.
    pub categories: Vec<String>,
    /// The judgements given to its elements (elements without one left out).
    pub judgements: Vec<Judgement>,
    /// A hearing was held.
    pub heard: bool,
    /// Follow-up actions recorded.
    pub followups: u32,
}

impl ComplaintFacts {
    /// Still open on `today` and past its legal deadline: the rule of the deadline list on the
    /// complaints pages (see [`open_past_deadline`]).
    pub fn overdue(&self, today: NaiveDate) -> bool {
        open_past_deadline(self.state, self.decided, self.deadline, today)
    }

    /// Resolved in the mediation (Awb 9:5), also when it was closed after a mediation without a
    /// decision.
    pub fn resolved_informally(&self) -> bool {
        self.state == State::ResolvedInformally
            || (self.state == State::Closed && self.mediated && self.decided.is_none())
    }

    /// Withdrawn by the complainant.
    pub fn withdrawn(&self) -> bool {
        self.state == State::Withdrawn
    }

    /// Ended on: decided, or else closed in a final state.
    pub fn finished(&self) -> Option<NaiveDate> {
        self.decided.or(if self.state.is_final() {
            self.closed
        } else {
            None
        })
    }

    /// The judgement over all elements, when any element was judged.
    pub fn judgement(&self) -> Option<Judgement> {
        (!self.judgements.is_empty()).then(|| register::overall(&self.judgements))
    }

    /// For a written complaint (one in the Awb 9:12a register): its outcome there, as the
    /// register gives it.
    pub fn register_outcome(&self) -> Option<register::Outcome> {
        register::is_written(self.channel, self.anonymous)
            .then(|| register::outcome(self.state, self.decided.is_some(), &self.judgements))
    }
}

/// Whether a complaint is still open on `today` and past its legal deadline: the rule of the
/// deadline list on the complaints pages (a state in which the deadline runs, and the deadline
/// day has passed), for a complaint without a decision.
pub fn open_past_deadline(
    state: State,
    decided: Option<NaiveDate>,
    deadline: NaiveDate,
    today: NaiveDate,
) -> bool {
    decided.is_none() && state.deadline_runs() && deadline < today
}

/// The day a complaint counts in the reports: the day it came in, or the day it was registered
/// when that was later (a letter that lay somewhere for weeks). A quarter's figures are published
/// once it has ended, so a complaint registered afterwards must not change them: it counts in the
/// quarter it was registered in.
pub fn counted_on(received: NaiveDate, registered: NaiveDate) -> NaiveDate {
    received.max(registered)
}

/// The day a complaint was registered (its row made), in Dutch time.
fn registered_on(created_at: chrono::NaiveDateTime) -> NaiveDate {
    crate::fmt::in_amsterdam(created_at).date_naive()
}

/// Complaints that may count between two days (both included): received by the last day, and
/// received or registered from the first (a day early, for the time zone); the exact rule is
/// [`counted_on`], applied to what this finds.
macro_rules! may_count {
    ($from:expr, $to:expr) => {
        complaints::received_on.le($to).and(
            complaints::received_on.ge($from).or(complaints::created_at
                .ge(($from - chrono::Duration::days(1)).and_time(chrono::NaiveTime::MIN))),
        )
    };
}

/// The facts of every complaint that counts between two days (both included, see
/// [`counted_on`]), in the order of their numbers. A stored code the product does not know is an
/// error.
pub fn facts(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<ComplaintFacts>> {
    let rows: Vec<FactsRow> = complaints::table
        .inner_join(complaint_progress::table)
        .filter(may_count!(from, to))
        .order(complaints::id)
        .select(FactsRow::as_select())
        .load::<FactsRow>(conn)?
        .into_iter()
        .filter(|r| {
            let counted = counted_on(r.received, registered_on(r.created_at));
            from <= counted && counted <= to
        })
        .collect();
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut judged: BTreeMap<i64, Vec<Judgement>> = BTreeMap::new();
    let mut heard: BTreeSet<i64> = BTreeSet::new();
    let mut followed: BTreeMap<i64, u32> = BTreeMap::new();
    let mut categories: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for (id, j) in complaint_elements::table
            .filter(complaint_elements::complaint_id.eq_any(chunk))
            .select((
                complaint_elements::complaint_id,
                complaint_elements::judgement,
            ))
            .load::<(i64, Option<Judgement>)>(conn)?
        {
            if let Some(j) = j {
                judged.entry(id).or_default().push(j);
            }
        }
        heard.extend(
            complaint_hearings::table
                .filter(complaint_hearings::complaint_id.eq_any(chunk))
                .filter(complaint_hearings::held.eq(true))
                .select(complaint_hearings::complaint_id)
                .load::<i64>(conn)?,
        );
        for id in complaint_followups::table
            .filter(complaint_followups::complaint_id.eq_any(chunk))
            .select(complaint_followups::complaint_id)
            .load::<i64>(conn)?
        {
            *followed.entry(id).or_default() += 1;
        }
        for (id, name) in complaint_category_links::table
            .inner_join(complaint_categories::table)
            .filter(complaint_category_links::complaint_id.eq_any(chunk))
            .select((
                complaint_category_links::complaint_id,
                complaint_categories::name,
            ))
            .load::<(i64, String)>(conn)?
        {
            categories.entry(id).or_default().push(name);
        }
    }
    Ok(rows
        .into_iter()
        .map(|r| ComplaintFacts {
            id: r.id,
            received: r.received,
            registered: registered_on(r.created_at),
            channel: r.channel,
            state: r.state,
            anonymous: r.anonymous,
            via_council: r.via.is_some(),
            deadline: r.deadline,
            mediated: r.progress.mediation.is_some(),
            decided: r.progress.decided,
            closed: r.progress.closed,
            postponed: r.progress.postponed > 0,
            ombudsman: r.progress.ombudsman.is_some(),
            council_feedback: r.progress.feedback.is_some(),
            team: r.team,
            norms: r.norms.codes(),
            categories: categories.remove(&r.id).unwrap_or_default(),
            judgements: judged.remove(&r.id).unwrap_or_default(),
            heard: heard.contains(&r.id),
            followups: followed.get(&r.id).copied().unwrap_or(0),
        })
        .collect())
}

/// When a follow-up action is due and was done (what the council report counts; what the
/// action is and who does it stays with the complaint).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_followups)]
pub struct FollowUpRow {
    /// Its complaint came in on.
    #[diesel(select_expression = complaints::received_on)]
    #[diesel(select_expression_type = complaints::received_on)]
    received: NaiveDate,
    /// Its complaint was registered at.
    #[diesel(select_expression = complaints::created_at)]
    #[diesel(select_expression_type = complaints::created_at)]
    registered: chrono::NaiveDateTime,
    /// Due.
    #[diesel(column_name = due_on)]
    pub due: NaiveDate,
    /// Done on.
    #[diesel(column_name = done_on)]
    pub done: Option<NaiveDate>,
}

/// The follow-up actions of complaints that count between two days (both included, see
/// [`counted_on`]), in the order they were recorded.
pub fn followups(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<FollowUpRow>> {
    Ok(complaint_followups::table
        .inner_join(complaints::table.on(complaints::id.eq(complaint_followups::complaint_id)))
        .filter(may_count!(from, to))
        .order(complaint_followups::id)
        .select(FollowUpRow::as_select())
        .load::<FollowUpRow>(conn)?
        .into_iter()
        .filter(|f| {
            let counted = counted_on(f.received, registered_on(f.registered));
            from <= counted && counted <= to
        })
        .collect())
}

/// Every day on which complaints were received (each once), for the period chooser.
pub fn received_days(conn: &mut DbConnection) -> QueryResult<Vec<NaiveDate>> {
    complaints::table
        .select(complaints::received_on)
        .distinct()
        .load(conn)
}

/// A complaint's description, to code, with what is stored about the people in it (so the reader
/// can mask those wherever the text names them).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
pub struct Description {
    /// The complaint's number.
    pub id: i64,
    /// What the complainant wrote.
    pub description: String,
    /// The complainant's name.
    pub name: Option<String>,
    /// The complainant's e-mail address.
    pub email: Option<String>,
    /// The complainant's phone number.
    pub phone: Option<String>,
    /// Who submitted the complaint for the complainant.
    pub via_person: Option<String>,
    /// The person the complaint is about.
    pub person_complained: Option<String>,
}

impl Description {
    /// The stored names and contact details of the people in it.
    pub fn known(&self) -> Vec<&str> {
        [
            &self.name,
            &self.email,
            &self.phone,
            &self.via_person,
            &self.person_complained,
        ]
        .into_iter()
        .filter_map(|k| k.as_deref())
        .collect()
    }
}

/// The descriptions of complaints received between two days (both included) that are not
/// anonymised, in the order they came in.
pub fn descriptions_received(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<Description>> {
    complaints::table
        .filter(complaints::received_on.between(from, to))
        .filter(complaints::anonymised_on.is_null())
        .order(complaints::id)
        .select(Description::as_select())
        .load(conn)
}

/// The descriptions of the given complaints that are not anonymised (at most 500 numbers at a
/// time).
pub fn descriptions_of(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<Vec<Description>> {
    complaints::table
        .filter(complaints::id.eq_any(ids))
        .filter(complaints::anonymised_on.is_null())
        .select(Description::as_select())
        .load(conn)
}

/// The numbers of the complaints received between two days (both included).
pub fn received_between(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<i64>> {
    complaints::table
        .filter(complaints::received_on.between(from, to))
        .select(complaints::id)
        .load(conn)
}

/// What the complaint data looks like now, for the report's data stamp: the number of complaints,
/// their last change, and the category names.
#[derive(Debug, Clone, PartialEq)]
pub struct Stamp {
    /// Complaints stored.
    pub count: i64,
    /// The last change to any of them.
    pub changed: Option<chrono::NaiveDateTime>,
    /// The names of the categories.
    pub categories: Vec<String>,
}

/// The [`Stamp`] of the complaint data.
pub fn stamp(conn: &mut DbConnection) -> QueryResult<Stamp> {
    // Two statements, not one: alone, the last change is read from the end of the index on
    // `updated_at`, and the count from the narrowest index; together, SQLite reads every row.
    let count: i64 = complaints::table.count().get_result(conn)?;
    let changed: Option<chrono::NaiveDateTime> = complaints::table
        .select(diesel::dsl::max(complaints::updated_at))
        .get_result(conn)?;
    let categories = complaint_categories::table
        .select(complaint_categories::name)
        .load(conn)?;
    Ok(Stamp {
        count,
        changed,
        categories,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).unwrap()
    }

    #[test]
    fn a_complaint_registered_late_counts_on_the_day_it_was_registered() {
        assert_eq!(counted_on(d(9, 15), d(9, 15)), d(9, 15));
        assert_eq!(counted_on(d(9, 15), d(12, 7)), d(12, 7));
        // Registered ahead (a date typed for the day after): the day it came in.
        assert_eq!(counted_on(d(9, 15), d(9, 14)), d(9, 15));
    }

    fn facts_in(state: State) -> ComplaintFacts {
        ComplaintFacts {
            id: 1,
            received: d(1, 5),
            registered: d(1, 5),
            channel: Channel::Letter,
            state,
            anonymous: false,
            via_council: false,
            deadline: d(3, 1),
            mediated: false,
            decided: None,
            closed: None,
            postponed: false,
            ombudsman: false,
            council_feedback: false,
            team: None,
            norms: vec![],
            categories: vec![],
            judgements: vec![],
            heard: false,
            followups: 0,
        }
    }

    #[test]
    fn open_past_deadline_as_the_deadline_list_has_it() {
        // Running, deadline yesterday: on the list.
        assert!(open_past_deadline(State::Mediation, None, d(6, 1), d(6, 2)));
        assert!(open_past_deadline(State::Received, None, d(6, 1), d(9, 2)));
        // The deadline is today: not yet late.
        assert!(!open_past_deadline(State::Heard, None, d(6, 2), d(6, 2)));
        // Decided, withdrawn, resolved, closed: not open.
        assert!(!open_past_deadline(
            State::Decided,
            Some(d(7, 1)),
            d(6, 1),
            d(9, 1)
        ));
        assert!(!open_past_deadline(
            State::Withdrawn,
            None,
            d(6, 1),
            d(9, 1)
        ));
        assert!(!open_past_deadline(
            State::ResolvedInformally,
            None,
            d(6, 1),
            d(9, 1)
        ));
        assert!(!open_past_deadline(State::Closed, None, d(6, 1), d(9, 1)));
    }

    #[test]
    fn the_register_outcome_of_a_written_complaint() {
        // Running: lopend; anonymous or by phone: not in the register.
        assert_eq!(
            facts_in(State::Mediation).register_outcome(),
            Some(register::Outcome::Running)
        );
        let anonymous = ComplaintFacts {
            anonymous: true,
            ..facts_in(State::Mediation)
        };
        assert_eq!(anonymous.register_outcome(), None);
        let phoned = ComplaintFacts {
            channel: Channel::Phone,
            ..facts_in(State::Withdrawn)
        };
        assert_eq!(phoned.register_outcome(), None);
        // Ended without a decision: how it ended.
        assert_eq!(
            facts_in(State::Withdrawn).register_outcome(),
            Some(register::Outcome::Withdrawn)
        );
        assert_eq!(
            facts_in(State::ResolvedInformally).register_outcome(),
            Some(register::Outcome::ResolvedInformally)
        );
        // Decided: the judgement over the elements, geen_oordeel when none was given.
        let decided = ComplaintFacts {
            decided: Some(d(2, 1)),
            judgements: vec![Judgement::Founded, Judgement::Unfounded],
            ..facts_in(State::Decided)
        };
        assert_eq!(
            decided.register_outcome(),
            Some(register::Outcome::Judged(Judgement::PartlyFounded))
        );
        assert_eq!(decided.judgement(), Some(Judgement::PartlyFounded));
        assert_eq!(decided.finished(), Some(d(2, 1)));
        let bare = ComplaintFacts {
            judgements: vec![],
            ..decided
        };
        assert_eq!(
            bare.register_outcome(),
            Some(register::Outcome::Judged(Judgement::NoJudgement))
        );
        assert_eq!(bare.judgement(), None);
    }

    #[test]
    fn closed_after_mediation_without_a_decision_counts_as_resolved() {
        let closed = ComplaintFacts {
            mediated: true,
            closed: Some(d(2, 2)),
            ..facts_in(State::Closed)
        };
        assert!(closed.resolved_informally());
        assert_eq!(closed.finished(), Some(d(2, 2)));
        // Still in mediation: not finished, though a closing day is stored.
        let running = ComplaintFacts {
            closed: Some(d(2, 2)),
            ..facts_in(State::Mediation)
        };
        assert!(!running.resolved_informally());
        assert_eq!(running.finished(), None);
    }
}
