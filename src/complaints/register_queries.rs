//! Read models of the complaint register (Awb 9:12a): the years it can show and its lines, read
//! from the written, named complaints only.

use chrono::{Datelike, NaiveDate};
use diesel::prelude::*;

use super::register::{outcome, Line};
use super::store;
use super::terms::{Channel, Judgement, Kind};
use super::workflow::State;
use crate::db::schema::{
    complaint_categories, complaint_category_links, complaint_elements, complaint_progress,
    complaints,
};
use crate::db::DbConnection;

/// The channels of written complaints.
fn written_channels() -> Vec<Channel> {
    Channel::ALL
        .iter()
        .copied()
        .filter(|c| c.is_written())
        .collect()
}

/// A written complaint as the register reads it.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaints)]
struct RegisterRow {
    id: i64,
    #[diesel(column_name = received_on)]
    received: NaiveDate,
    channel: Channel,
    kind: Kind,
    state: State,
    #[diesel(column_name = deadline_on)]
    deadline: NaiveDate,
    #[diesel(embed)]
    progress: FinishRow,
}

/// When a complaint was decided or closed.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_progress)]
struct FinishRow {
    #[diesel(column_name = decided_on)]
    decided: Option<NaiveDate>,
    #[diesel(column_name = closed_on)]
    closed: Option<NaiveDate>,
}

/// A category of a complaint, in the categories' order.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_category_links)]
struct CategoryRow {
    complaint_id: i64,
    #[diesel(select_expression = complaint_categories::name)]
    name: String,
}

/// The judgement of one element of a complaint.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_elements)]
struct JudgementRow {
    complaint_id: i64,
    judgement: Option<Judgement>,
}

/// The years the register can show: from the first complaint received up to this year.
pub fn years(conn: &mut DbConnection, this_year: i32) -> QueryResult<Vec<i32>> {
    let first: Option<NaiveDate> = complaints::table
        .select(diesel::dsl::min(complaints::received_on))
        .first(conn)?;
    let first = first.map_or(this_year, |d| d.year().min(this_year));
    Ok((first..=this_year).collect())
}

/// The register's lines of one year (by date of receipt).
pub fn lines(conn: &mut DbConnection, year: i32) -> QueryResult<Vec<Line>> {
    let (from, to) = (
        NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default(),
    );
    let rows: Vec<RegisterRow> = complaints::table
        .inner_join(complaint_progress::table)
        .filter(complaints::received_on.between(from, to))
        .filter(complaints::channel.eq_any(written_channels()))
        .filter(complaints::anonymous.eq(false))
        .order(complaints::id)
        .select(RegisterRow::as_select())
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.id).collect();
    let mut cats: Vec<CategoryRow> = vec![];
    let mut judged: Vec<JudgementRow> = vec![];
    for chunk in ids.chunks(500) {
        cats.extend(
            complaint_category_links::table
                .inner_join(complaint_categories::table)
                .filter(complaint_category_links::complaint_id.eq_any(chunk))
                .order(complaint_categories::position)
                .select(CategoryRow::as_select())
                .load(conn)?,
        );
        judged.extend(
            complaint_elements::table
                .filter(complaint_elements::complaint_id.eq_any(chunk))
                .select(JudgementRow::as_select())
                .load(conn)?,
        );
    }
    Ok(rows
        .into_iter()
        .map(|r| {
            let FinishRow { decided, closed } = r.progress;
            let finished = decided.or(if r.state.is_final() { closed } else { None });
            let js: Vec<Judgement> = judged
                .iter()
                .filter(|j| j.complaint_id == r.id)
                .filter_map(|j| j.judgement)
                .collect();
            let outcome = outcome(r.state, decided.is_some(), &js);
            Line {
                case: store::case_number_of(r.received, r.id),
                received: r.received,
                channel: r.channel,
                kind: r.kind,
                categories: cats
                    .iter()
                    .filter(|c| c.complaint_id == r.id)
                    .map(|c| c.name.clone())
                    .collect(),
                outcome,
                finished,
                days: finished.map(|f| (f - r.received).num_days()),
                in_time: finished.map(|f| f <= r.deadline),
            }
        })
        .collect())
}
