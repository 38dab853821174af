//! The monitor's reading of the complaint data: the facts of each complaint that the figures
//! need (nothing personal), read from the complaint tables as they are. Every complaint rule the
//! monitor has to re-derive from the stored states (resolved informally, finished, the register
//! outcome, open past its deadline) is here and nowhere else, so that it can later be pointed at
//! a read model of the complaints domain in one step.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::complaint_figures::CaseFacts;
use crate::complaints::workflow::State;
use crate::db::schema::{
    complaint_elements, complaint_followups, complaint_hearings, complaint_progress, complaints,
};
use crate::db::DbConnection;

/// The facts of one complaint the figures need, as stored (nothing personal).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
struct FactsRow {
    id: i64,
    #[diesel(column_name = received_on)]
    received: NaiveDate,
    channel: String,
    state: String,
    anonymous: bool,
    #[diesel(column_name = via_person)]
    via: Option<String>,
    #[diesel(column_name = deadline_on)]
    deadline: NaiveDate,
    #[diesel(embed)]
    progress: ProgressFacts,
    team: Option<String>,
    norms: String,
}

/// How the handling of a complaint went, as far as the figures need it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_progress)]
struct ProgressFacts {
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

/// The facts of every complaint received between two days (both included), with its categories,
/// the themes its description was coded with, and its outcome in the register when it is written.
pub fn complaint_facts(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<CaseFacts>> {
    use crate::db::schema::{
        coded_texts, complaint_categories, complaint_category_links, text_codes,
    };
    let rows: Vec<FactsRow> = complaints::table
        .inner_join(complaint_progress::table)
        .filter(complaints::received_on.between(from, to))
        .order(complaints::id)
        .select(FactsRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut judged: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut heard: std::collections::BTreeSet<i64> = Default::default();
    let mut followed: BTreeMap<i64, u32> = BTreeMap::new();
    let mut categories: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut themes: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for (id, j) in complaint_elements::table
            .filter(complaint_elements::complaint_id.eq_any(chunk))
            .select((
                complaint_elements::complaint_id,
                complaint_elements::judgement,
            ))
            .load::<(i64, Option<String>)>(conn)?
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
        // Coded descriptions: a complaint with a coded text is coded, its chosen codes are its
        // themes.
        for (id, code, chosen) in coded_texts::table
            .left_join(text_codes::table)
            .filter(coded_texts::complaint_id.eq_any(chunk))
            .select((
                coded_texts::complaint_id,
                text_codes::code.nullable(),
                text_codes::chosen.nullable(),
            ))
            .load::<(Option<i64>, Option<String>, Option<bool>)>(conn)?
        {
            let Some(id) = id else { continue };
            let list = themes.entry(id).or_default();
            if let (Some(code), Some(true)) = (code, chosen) {
                list.push(code);
            }
        }
    }
    let facts = rows
        .into_iter()
        .map(
            |FactsRow {
                 id,
                 received,
                 channel,
                 state,
                 anonymous,
                 via,
                 deadline,
                 progress:
                     ProgressFacts {
                         mediation,
                         decided,
                         closed,
                         postponed,
                         ombudsman,
                         feedback,
                     },
                 team,
                 norms,
             }| {
                let st = State::from_code(&state).unwrap_or(State::Received);
                let overdue = open_past_deadline(st, decided, deadline, today);
                let judgement = judged
                    .get(&id)
                    .map(|js| crate::complaints::register::overall(js).to_string());
                // Written complaints are in the register, with the outcome it gives them.
                let written =
                    !anonymous && crate::complaints::register::WRITTEN.contains(&channel.as_str());
                let register_outcome = written.then(|| {
                    if decided.is_some() {
                        judgement
                            .clone()
                            .unwrap_or_else(|| "geen_oordeel".to_string())
                    } else if st.is_final() || st == State::ResolvedInformally {
                        state.clone()
                    } else {
                        "lopend".to_string()
                    }
                });
                CaseFacts {
                    channel,
                    received,
                    anonymous,
                    mediated: mediation.is_some(),
                    resolved_informally: st == State::ResolvedInformally
                        || (st == State::Closed && mediation.is_some() && decided.is_none()),
                    withdrawn: st == State::Withdrawn,
                    heard: heard.contains(&id),
                    decided,
                    judgement,
                    finished: decided.or(if st.is_final() { closed } else { None }),
                    deadline,
                    overdue,
                    postponed: postponed > 0,
                    followups: followed.get(&id).copied().unwrap_or(0),
                    ombudsman: ombudsman.is_some(),
                    via_council: via.is_some(),
                    council_feedback: feedback.is_some(),
                    team: team.filter(|t| !t.trim().is_empty()),
                    norms: crate::complaints::model::parse_norms(&norms)
                        .into_iter()
                        .map(String::from)
                        .collect(),
                    categories: categories.remove(&id).unwrap_or_default(),
                    coded: themes.contains_key(&id),
                    themes: themes.remove(&id).unwrap_or_default(),
                    register_outcome,
                }
            },
        )
        .collect();
    Ok(facts)
}

/// A follow-up action as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_followups)]
pub struct FollowUpRow {
    /// What is done.
    #[diesel(column_name = description)]
    pub action: String,
    /// Who does it.
    pub owner: String,
    /// Due.
    #[diesel(column_name = due_on)]
    pub due: NaiveDate,
    /// Done on.
    #[diesel(column_name = done_on)]
    pub done: Option<NaiveDate>,
}

/// The follow-up actions of complaints decided between two days (both included), in the order
/// they were recorded.
pub fn followups(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Vec<FollowUpRow>> {
    complaint_followups::table
        .inner_join(
            complaint_progress::table
                .on(complaint_progress::complaint_id.eq(complaint_followups::complaint_id)),
        )
        .filter(complaint_progress::decided_on.between(from, to))
        .order(complaint_followups::id)
        .select(FollowUpRow::as_select())
        .load(conn)
}

/// Every day on which complaints were received (each once), for the period chooser.
pub fn received_days(conn: &mut DbConnection) -> QueryResult<Vec<NaiveDate>> {
    complaints::table
        .select(complaints::received_on)
        .distinct()
        .load(conn)
}

/// A complaint's description, to code (see `codebook`).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
pub struct Description {
    /// The complaint's number.
    pub id: i64,
    /// What the complainant wrote.
    pub description: String,
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
    use crate::db::schema::complaint_categories;
    let (count, changed): (i64, Option<chrono::NaiveDateTime>) = complaints::table
        .select((
            diesel::dsl::count_star(),
            diesel::dsl::max(complaints::updated_at),
        ))
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

    #[test]
    fn open_past_deadline_as_the_deadline_list_has_it() {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
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
}
