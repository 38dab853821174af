//! Read models of a staff member's complaint work: which cases a person may see (the same rule as
//! [`access::roles_for`], in SQL), the counts on the Werkplek, and finding a case by number, name
//! or tracking code. Every result is checked again with [`access::check`] before it is returned,
//! so a list can never show a case that its page would refuse.

use chrono::NaiveDate;
use diesel::prelude::*;

use super::access::{self, CaseAction};
use super::deadlines;
use super::workflow::State;
use crate::accounts::model::{CurrentUser, Role};
use crate::db::schema::{complaint_letters, complaints, users};
use crate::db::{DbConnection, MultiBackend};

/// The codes of the running states (the legal deadline runs).
pub(crate) fn running_codes() -> Vec<&'static str> {
    State::ALL
        .into_iter()
        .filter(|s| s.deadline_runs())
        .map(State::code)
        .collect()
}

/// Which cases a person may see, as the SQL needs it (the lists and the search share it).
pub(crate) enum Visible {
    /// Every case (the coordinator).
    All,
    /// No case (no complaint role).
    Nothing,
    /// The cases assigned to this handler, and/or the committee's cases before the committee.
    Some {
        handler: Option<i64>,
        committee: bool,
    },
}

pub(crate) fn visible_to(user: &CurrentUser) -> Visible {
    if user.has(Role::Klachtcoordinator) {
        return Visible::All;
    }
    let handler = user.has(Role::Klachtbehandelaar).then_some(user.id);
    let committee = user.has(Role::Commissielid);
    if handler.is_none() && !committee {
        Visible::Nothing
    } else {
        Visible::Some { handler, committee }
    }
}

/// The complaints `user` may see, before any other filter; `None` when none.
fn visible_query<'a>(user: &CurrentUser) -> Option<complaints::BoxedQuery<'a, MultiBackend>> {
    let q = complaints::table.into_boxed();
    match visible_to(user) {
        Visible::All => Some(q),
        Visible::Nothing => None,
        Visible::Some { handler, committee } => {
            let committee_states: Vec<&'static str> = access::committee_states()
                .iter()
                .map(|s| s.code())
                .collect();
            // -1 is no account: a person without the handler role is nobody's handler.
            Some(
                q.filter(
                    complaints::handler_id
                        .eq(handler.unwrap_or(-1))
                        .or(complaints::committee
                            .eq(committee)
                            .and(complaints::committee.eq(true))
                            .and(complaints::state.eq_any(committee_states))),
                ),
            )
        }
    }
}

/// The facts access needs, with what a list shows.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
pub struct CaseLine {
    /// Case number.
    pub id: i64,
    /// Received.
    pub received_on: NaiveDate,
    /// Where it is.
    pub state: State,
    /// Legal deadline.
    pub deadline_on: NaiveDate,
    /// Handler assigned.
    pub handler_id: Option<i64>,
    /// Handled by the committee.
    pub committee: bool,
    /// Personal data erased.
    pub anonymised_on: Option<NaiveDate>,
}

impl CaseLine {
    /// Whether `user` may open this case ([`access::check`]).
    pub fn visible_to(&self, user: &CurrentUser) -> bool {
        let case = access::Case {
            state: self.state,
            handler_id: self.handler_id,
            committee: self.committee,
            anonymised: self.anonymised_on.is_some(),
        };
        access::may(user, CaseAction::View, &case)
    }

    /// The case number people see.
    pub fn number(&self) -> String {
        super::store::case_number_of(self.received_on, self.id)
    }
}

/// A person's complaint work on a day: running cases they may see, of which due within
/// [`deadlines::WARN_DAYS`] and past their deadline; for the coordinator also letters to print.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Workload {
    /// Running cases (the legal deadline runs).
    pub running: i64,
    /// Of those, due within the warning days (today included).
    pub due_soon: i64,
    /// Of those, past the deadline.
    pub overdue: i64,
    /// Letters waiting to be printed and posted (coordinator only).
    pub letters_waiting: Option<i64>,
}

/// The Werkplek counts of `user` on `today`.
pub fn workload(
    conn: &mut DbConnection,
    user: &CurrentUser,
    today: NaiveDate,
) -> QueryResult<Workload> {
    if matches!(visible_to(user), Visible::Nothing) {
        return Ok(Workload::default());
    }
    let count = |conn: &mut DbConnection,
                 q: complaints::BoxedQuery<'_, MultiBackend>|
     -> QueryResult<i64> {
        q.filter(complaints::state.eq_any(running_codes()))
            .count()
            .get_result(conn)
    };
    let horizon = today + chrono::Duration::days(deadlines::WARN_DAYS);
    let running = visible_query(user).map_or(Ok(0), |q| count(conn, q))?;
    let due_soon = visible_query(user).map_or(Ok(0), |q| {
        count(
            conn,
            q.filter(complaints::deadline_on.ge(today))
                .filter(complaints::deadline_on.le(horizon)),
        )
    })?;
    let overdue = visible_query(user).map_or(Ok(0), |q| {
        count(conn, q.filter(complaints::deadline_on.lt(today)))
    })?;
    let letters_waiting = if user.has(Role::Klachtcoordinator) {
        Some(
            complaint_letters::table
                .filter(complaint_letters::printed_on.is_null())
                .count()
                .get_result(conn)?,
        )
    } else {
        None
    };
    Ok(Workload {
        running,
        due_soon,
        overdue,
        letters_waiting,
    })
}

/// What a search asked for, read from what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Wanted {
    /// A case number: `2026-0042`, or the number alone (`42`).
    Number { year: Option<i32>, id: i64 },
    /// A tracking code as the complainant has it (the hash of its bare form).
    TrackingCode(String),
    /// Part of the complainant's name (at least two characters).
    Name(String),
}

impl Wanted {
    /// A short code for the audit log (never what was typed).
    pub fn kind(&self) -> &'static str {
        match self {
            Wanted::Number { .. } => "nummer",
            Wanted::TrackingCode(_) => "volgcode",
            Wanted::Name(_) => "naam",
        }
    }
}

/// Reads a search: a case number, else a valid tracking code, else a name; `None` when too short.
pub fn parse_search(typed: &str) -> Option<Wanted> {
    let typed = typed.trim();
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((y, n)) = typed.split_once('-') {
        if y.len() == 4 && digits(y) && digits(n) {
            return Some(Wanted::Number {
                year: y.parse().ok(),
                id: n.parse().ok()?,
            });
        }
    }
    if digits(typed) {
        return Some(Wanted::Number {
            year: None,
            id: typed.parse().ok()?,
        });
    }
    if let Ok(bare) = crate::codes::parse(typed) {
        return Some(Wanted::TrackingCode(crate::codes::hash(&bare)));
    }
    let name: String = typed.split_whitespace().collect::<Vec<_>>().join(" ");
    (name.chars().count() >= 2 && name.chars().count() <= 100).then_some(Wanted::Name(name))
}

/// Most cases a search shows.
pub const SEARCH_LIMIT: i64 = 50;

/// `%text%` for LIKE, lower case, with `\` as escape.
fn contains_pattern(text: &str) -> String {
    let mut p = String::from("%");
    for c in text.to_lowercase().chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

diesel::define_sql_function! {
    /// `lower(text)`, the same in SQLite and PostgreSQL (SQLite lowers ASCII letters only).
    fn lower(text: diesel::sql_types::Nullable<diesel::sql_types::Text>) -> diesel::sql_types::Nullable<diesel::sql_types::Text>;
}

/// The cases `user` may see that match, newest first, at most [`SEARCH_LIMIT`], with the name of
/// their handler. Nothing for a person without a complaint role.
pub fn search(
    conn: &mut DbConnection,
    user: &CurrentUser,
    wanted: &Wanted,
) -> QueryResult<Vec<Found>> {
    let Some(q) = visible_query(user) else {
        return Ok(vec![]);
    };
    let q = match wanted {
        Wanted::Number { id, .. } => q.filter(complaints::id.eq(*id)),
        Wanted::TrackingCode(hash) => q.filter(complaints::tracking_hash.eq(hash.clone())),
        Wanted::Name(name) => q.filter(
            lower(complaints::name)
                .like(contains_pattern(name))
                .escape('\\'),
        ),
    };
    let lines: Vec<CaseLine> = q
        .select(CaseLine::as_select())
        .order(complaints::id.desc())
        .limit(SEARCH_LIMIT)
        .load(conn)?;
    let lines: Vec<CaseLine> = lines
        .into_iter()
        .filter(|l| l.visible_to(user))
        .filter(|l| match wanted {
            Wanted::Number { year: Some(y), .. } => chrono::Datelike::year(&l.received_on) == *y,
            _ => true,
        })
        .collect();
    let handler_ids: Vec<i64> = lines.iter().filter_map(|l| l.handler_id).collect();
    let names: Vec<(i64, String)> = if handler_ids.is_empty() {
        vec![]
    } else {
        users::table
            .filter(users::id.eq_any(&handler_ids))
            .select((users::id, users::display_name))
            .load(conn)?
    };
    Ok(lines
        .into_iter()
        .map(|l| {
            let handler = l.handler_id.and_then(|h| {
                names
                    .iter()
                    .find(|(id, _)| *id == h)
                    .map(|(_, n)| n.clone())
            });
            Found { line: l, handler }
        })
        .collect())
}

/// A case found by the search, with its handler's name.
#[derive(Debug, Clone)]
pub struct Found {
    /// The case.
    pub line: CaseLine,
    /// Its handler's name, when it has one.
    pub handler: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_search_is_read_as_number_code_or_name() {
        assert_eq!(
            parse_search(" 2026-0042 "),
            Some(Wanted::Number {
                year: Some(2026),
                id: 42
            })
        );
        assert_eq!(
            parse_search("42"),
            Some(Wanted::Number { year: None, id: 42 })
        );
        assert_eq!(parse_search("Jansen"), Some(Wanted::Name("Jansen".into())));
        assert_eq!(
            parse_search("de  Vries"),
            Some(Wanted::Name("de Vries".into()))
        );
        assert_eq!(parse_search("J"), None);
        assert_eq!(parse_search("   "), None);
        let code = crate::codes::generate(&mut rand::thread_rng());
        assert!(matches!(parse_search(&code), Some(Wanted::TrackingCode(_))));
        assert!(matches!(
            parse_search(&code.to_lowercase()),
            Some(Wanted::TrackingCode(_))
        ));
    }

    #[test]
    fn like_wildcards_typed_are_taken_literally() {
        assert_eq!(contains_pattern("A_b%"), "%a\\_b\\%%");
    }
}
