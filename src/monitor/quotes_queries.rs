//! What the quote pages and the report read: a wave's quotes, its approved ones, how many wait,
//! and how many answer sets a wave has (the quotes' group rule, also used by the open answers).

use diesel::prelude::*;

use super::quotes::{APPROVED, CANDIDATE};
use crate::db::schema::{quotes, responses};
use crate::db::DbConnection;

/// A quote as listed for the researcher.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = quotes)]
pub struct QuoteRow {
    /// The quote's id.
    pub id: i64,
    /// The question it answers.
    pub item_key: String,
    /// The cleaned (and maybe shortened) text.
    pub text: String,
    /// `kandidaat`, `goedgekeurd` or `afgewezen`.
    pub status: String,
}

/// Every quote of a wave, by status, question and id.
pub fn of_wave(conn: &mut DbConnection, wave_id: i64) -> QueryResult<Vec<QuoteRow>> {
    quotes::table
        .filter(quotes::wave_id.eq(wave_id))
        .order((quotes::status, quotes::item_key, quotes::id))
        .select(QuoteRow::as_select())
        .load(conn)
}

/// The approved quotes of a wave: (item key, text).
pub fn approved(conn: &mut DbConnection, wave_id: i64) -> QueryResult<Vec<(String, String)>> {
    quotes::table
        .filter(quotes::wave_id.eq(wave_id))
        .filter(quotes::status.eq(APPROVED))
        .order((quotes::item_key, quotes::id))
        .select((quotes::item_key, quotes::text))
        .load(conn)
}

/// Candidate quotes waiting for the researcher's decision, over every wave.
pub fn waiting(conn: &mut DbConnection) -> QueryResult<i64> {
    quotes::table
        .filter(quotes::status.eq(CANDIDATE))
        .count()
        .get_result(conn)
}

/// A quote's question and text, as compared when making candidates.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = quotes)]
pub struct QuoteText {
    /// The question it answers.
    pub item_key: String,
    /// The text.
    pub text: String,
}

/// The question and text of every quote of a wave, whatever its status.
pub fn texts(conn: &mut DbConnection, wave_id: i64) -> QueryResult<Vec<QuoteText>> {
    quotes::table
        .filter(quotes::wave_id.eq(wave_id))
        .select(QuoteText::as_select())
        .load(conn)
}

/// How many answer sets a wave has.
pub fn answered(conn: &mut DbConnection, wave_id: i64) -> QueryResult<i64> {
    responses::table
        .filter(responses::wave_id.eq(wave_id))
        .count()
        .get_result(conn)
}

/// How many answer sets of wave `wave_id` came in on or before `through`.
pub fn answered_through(
    conn: &mut DbConnection,
    wave_id: i64,
    through: chrono::NaiveDate,
) -> QueryResult<i64> {
    responses::table
        .filter(responses::wave_id.eq(wave_id))
        .filter(responses::answered_on.le(through))
        .count()
        .get_result(conn)
}
