//! Read models of the staff complaint pages and the only place their queries are written: the
//! lists of cases (what each person may see, in SQL), the counts per stage, and the case page.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use serde::Deserialize;

use super::access;
use super::deadlines;
use super::model::{Complaint, Progress};
use super::terms::{Channel, HearingMode};
use super::workflow::{self, State};
use super::worklist::{visible_to, Visible};
use crate::accounts::model::{CurrentUser, Role};
use crate::db::schema::{
    complaint_attachments, complaint_categories, complaint_category_links, complaint_events,
    complaint_followups, complaint_hearings, complaint_letters, complaints, user_roles, users,
};
use crate::db::DbConnection;

/// Rows on one page of the overview.
pub const PAGE_ROWS: i64 = 100;

/// The codes of the running states (the legal deadline runs).
fn running_states() -> Vec<State> {
    State::ALL
        .into_iter()
        .filter(|s| s.deadline_runs())
        .collect()
}

/// The SQL form of [`Visible::Some`] (the same rule as [`access::roles_for`]).
macro_rules! visible_sql {
    ($handler:expr, $committee:expr) => {{
        let committee_states: Vec<State> = access::committee_states();
        // -1 is no account: a person without the handler role is nobody's handler.
        complaints::handler_id
            .eq($handler.unwrap_or(-1))
            .or(complaints::committee
                .eq($committee)
                .and(complaints::committee.eq(true))
                .and(complaints::state.eq_any(committee_states)))
    }};
}

/// One row of a list.
#[derive(Debug, Clone, Queryable)]
pub struct Row {
    /// Case number.
    pub id: i64,
    /// Received.
    pub received_on: NaiveDate,
    /// How it came in.
    pub channel: Channel,
    /// Where it is.
    pub state: State,
    /// Legal deadline.
    pub deadline_on: NaiveDate,
    /// Handler's name.
    pub handler: Option<String>,
}

/// The filter of the overview.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Filter {
    /// State code, or `lopend` (running, the default), or `alle`.
    #[serde(default)]
    pub fase: Option<String>,
    /// Page number from 1.
    #[serde(default)]
    pub pagina: Option<i64>,
}

/// The overview's rows for `user`: running cases by deadline by default, one page at a time.
pub fn list(
    conn: &mut DbConnection,
    user: &CurrentUser,
    f: &Filter,
) -> QueryResult<(Vec<Row>, i64)> {
    let mut q = complaints::table
        .left_join(users::table)
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::state,
            complaints::deadline_on,
            users::display_name.nullable(),
        ))
        .into_boxed();
    let mut count = complaints::table
        .select(diesel::dsl::count_star())
        .into_boxed();
    match f.fase.as_deref() {
        None | Some("lopend") => {
            q = q.filter(complaints::state.eq_any(running_states()));
            count = count.filter(complaints::state.eq_any(running_states()));
        }
        Some("alle") => {}
        Some(code) => {
            // An unknown stage in the address lists nothing.
            let Some(s) = State::from_code(code) else {
                return Ok((vec![], 0));
            };
            q = q.filter(complaints::state.eq(s));
            count = count.filter(complaints::state.eq(s));
        }
    }
    match visible_to(user) {
        Visible::All => {}
        Visible::Nothing => return Ok((vec![], 0)),
        Visible::Some { handler, committee } => {
            q = q.filter(visible_sql!(handler, committee));
            count = count.filter(visible_sql!(handler, committee));
        }
    }
    let page = f.pagina.unwrap_or(1).max(1);
    let rows = q
        .order((complaints::deadline_on.asc(), complaints::id.asc()))
        .limit(PAGE_ROWS)
        .offset((page - 1) * PAGE_ROWS)
        .load(conn)?;
    let total = count.get_result(conn)?;
    Ok((rows, total))
}

/// Running cases past or near their legal deadline (within [`deadlines::WARN_DAYS`]), for `user`.
pub fn due(conn: &mut DbConnection, user: &CurrentUser, today: NaiveDate) -> QueryResult<Vec<Row>> {
    let horizon = today + chrono::Duration::days(deadlines::WARN_DAYS);
    let mut q = complaints::table
        .left_join(users::table)
        .filter(complaints::state.eq_any(running_states()))
        .filter(complaints::deadline_on.le(horizon))
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::state,
            complaints::deadline_on,
            users::display_name.nullable(),
        ))
        .into_boxed();
    match visible_to(user) {
        Visible::All => {}
        Visible::Nothing => return Ok(vec![]),
        Visible::Some { handler, committee } => q = q.filter(visible_sql!(handler, committee)),
    }
    q.order((complaints::deadline_on.asc(), complaints::id.asc()))
        .load(conn)
}

/// The number of cases in one stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable)]
pub struct StateCount {
    /// The stage.
    pub state: State,
    /// Cases in it.
    pub cases: i64,
}

/// How many cases there are per stage (the coordinator's overview).
pub fn counts_per_state(conn: &mut DbConnection) -> QueryResult<Vec<StateCount>> {
    complaints::table
        .group_by(complaints::state)
        .select((complaints::state, diesel::dsl::count_star()))
        .load(conn)
}

/// The cases `user` may see on the overview (one page, and how many in all), with the counts per
/// stage for a coordinator (empty for anyone else).
pub fn overview(
    conn: &mut DbConnection,
    user: &CurrentUser,
    f: &Filter,
) -> QueryResult<(Vec<Row>, i64, Vec<StateCount>)> {
    let (rows, total) = list(conn, user, f)?;
    let counts = if user.has(crate::accounts::model::Role::Klachtcoordinator) {
        counts_per_state(conn)?
    } else {
        vec![]
    };
    Ok((rows, total, counts))
}

/// A hearing as the case page shows it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_hearings)]
pub struct HearingView {
    /// Planned for.
    pub planned_at: NaiveDateTime,
    /// How.
    pub mode: HearingMode,
    /// Where.
    pub place: String,
    /// Who is invited.
    pub invitees: String,
    /// Invitations sent on.
    pub invitations_sent_on: Option<NaiveDate>,
    /// Held.
    pub held: bool,
    /// Minutes.
    pub minutes: Option<String>,
    /// Skipped on this 9:10 ground.
    pub skipped_ground: Option<String>,
}

/// A follow-up action.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_followups)]
pub struct FollowupView {
    /// Row number.
    pub id: i64,
    /// What is done.
    pub description: String,
    /// By whom.
    pub owner: String,
    /// Due.
    pub due_on: NaiveDate,
    /// Done on.
    pub done_on: Option<NaiveDate>,
}

/// One line of the case history.
#[derive(Debug, Clone, Queryable)]
pub struct EventView {
    /// When.
    pub at: NaiveDateTime,
    /// Who (none: the complainant on the web).
    pub who: Option<String>,
    /// What (an action or note code).
    pub action: String,
    /// Stage before.
    pub from: State,
    /// Stage after.
    pub to: State,
    /// Why.
    pub reason: Option<String>,
}

/// A file of the case.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_attachments)]
pub struct AttachmentView {
    /// Row number.
    pub id: i64,
    /// File name.
    pub file_name: String,
    /// Size in bytes.
    pub size: i64,
}

/// A conduct category and whether the case has it.
#[derive(Debug, Clone)]
pub struct CategoryChoice {
    /// Row number.
    pub id: i64,
    /// Name.
    pub name: String,
    /// Chosen for this case.
    pub chosen: bool,
}

/// Everything the case page shows.
pub struct CaseView {
    /// The complaint.
    pub c: Complaint,
    /// What access needs to know of it.
    pub subject: access::Case,
    /// How the handling went.
    pub p: Progress,
    /// The facts the workflow's guards look at.
    pub facts: workflow::Facts,
    /// Categories to choose from.
    pub categories: Vec<CategoryChoice>,
    /// The parts of the complaint with their judgement.
    pub parts: Vec<super::decision::Part>,
    /// The decision as drafted or sent.
    pub decision: super::decision::Decision,
    /// Hearings.
    pub hearings: Vec<HearingView>,
    /// Follow-up actions.
    pub followups: Vec<FollowupView>,
    /// The history.
    pub events: Vec<EventView>,
    /// Files.
    pub attachments: Vec<AttachmentView>,
    /// Letters waiting to be posted.
    pub letters: i64,
    /// Handlers to assign, with their names.
    pub handlers: Vec<(i64, String)>,
    /// The handler's name.
    pub handler_name: Option<String>,
}

/// Loads the case page's facts (access was checked by the caller).
pub fn case_view(
    conn: &mut DbConnection,
    c: Complaint,
    subject: access::Case,
) -> QueryResult<CaseView> {
    let id = c.id;
    let p = super::store::progress(conn, id)?;
    let facts = super::store::facts(conn, &c, &p)?;
    let linked: Vec<i64> = complaint_category_links::table
        .filter(complaint_category_links::complaint_id.eq(id))
        .select(complaint_category_links::category_id)
        .load(conn)?;
    let categories = complaint_categories::table
        .filter(complaint_categories::active.eq(true))
        .order(complaint_categories::position)
        .select((complaint_categories::id, complaint_categories::name))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .map(|(id, name)| CategoryChoice {
            id,
            name,
            chosen: linked.contains(&id),
        })
        .collect();
    let hearings = complaint_hearings::table
        .filter(complaint_hearings::complaint_id.eq(id))
        .order(complaint_hearings::id)
        .select(HearingView::as_select())
        .load(conn)?;
    let followups = complaint_followups::table
        .filter(complaint_followups::complaint_id.eq(id))
        .order(complaint_followups::id)
        .select(FollowupView::as_select())
        .load(conn)?;
    let events = complaint_events::table
        .left_join(users::table)
        .filter(complaint_events::complaint_id.eq(id))
        .order(complaint_events::id)
        .select((
            complaint_events::at,
            users::display_name.nullable(),
            complaint_events::action,
            complaint_events::from_state,
            complaint_events::to_state,
            complaint_events::reason,
        ))
        .load(conn)?;
    let attachments = complaint_attachments::table
        .filter(complaint_attachments::complaint_id.eq(id))
        .order(complaint_attachments::id)
        .select(AttachmentView::as_select())
        .load(conn)?;
    let letters = complaint_letters::table
        .filter(complaint_letters::complaint_id.eq(id))
        .filter(complaint_letters::printed_on.is_null())
        .count()
        .get_result(conn)?;
    let handlers: Vec<(i64, String)> = users::table
        .inner_join(user_roles::table)
        .filter(user_roles::role.eq(Role::Klachtbehandelaar.code()))
        .filter(users::disabled.eq(false))
        .order(users::display_name)
        .select((users::id, users::display_name))
        .load(conn)?;
    let handler_name = match c.handler_id {
        Some(h) => users::table
            .find(h)
            .select(users::display_name)
            .get_result(conn)
            .optional()?,
        None => None,
    };
    Ok(CaseView {
        parts: super::decision::parts(conn, id)?,
        decision: super::decision::decision(conn, id)?,
        c,
        subject,
        p,
        facts,
        categories,
        hearings,
        followups,
        events,
        attachments,
        letters,
        handlers,
        handler_name,
    })
}

/// One file of case `id`: its name and contents.
pub fn attachment(
    conn: &mut DbConnection,
    id: i64,
    attachment: i64,
) -> QueryResult<Option<(String, Vec<u8>)>> {
    complaint_attachments::table
        .filter(complaint_attachments::id.eq(attachment))
        .filter(complaint_attachments::complaint_id.eq(id))
        .select((
            complaint_attachments::file_name,
            complaint_attachments::data,
        ))
        .get_result(conn)
        .optional()
}

/// A conduct category as the coordinator keeps them.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_categories)]
pub struct Category {
    /// Row number.
    pub id: i64,
    /// Stable code.
    pub code: String,
    /// Name shown.
    pub name: String,
    /// In use.
    pub active: bool,
}

/// Every conduct category, in order.
pub fn categories(conn: &mut DbConnection) -> QueryResult<Vec<Category>> {
    complaint_categories::table
        .order((complaint_categories::position, complaint_categories::id))
        .select(Category::as_select())
        .load(conn)
}
