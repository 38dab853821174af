//! Read models of the letters pages: the letters waiting for the post, the batches printed and
//! not yet sent, the letters of a batch, and the current letterhead logo.

use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;

use crate::complaints::templates::LetterKind;
use crate::db::schema::{
    complaint_letter_batches, complaint_letters, complaints, letterhead_logos,
};
use crate::db::DbConnection;

/// One letter waiting to be posted, as the page lists it.
pub struct Waiting {
    /// The letter's number.
    pub id: i64,
    /// The complaint it belongs to.
    pub complaint: i64,
    /// When that complaint was received (for its case number).
    pub received: NaiveDate,
    /// Which letter.
    pub kind: LetterKind,
    /// To whom (an addressee code).
    pub addressee: String,
    /// The first line of the recipient's address: the name.
    pub name: String,
    /// Made at.
    pub created: NaiveDateTime,
    /// The batch it was printed in.
    pub batch: Option<i64>,
}

/// A waiting letter as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_letters)]
struct WaitingRow {
    id: i64,
    #[diesel(select_expression = complaints::id)]
    complaint: i64,
    #[diesel(select_expression = complaints::received_on)]
    received: NaiveDate,
    kind: LetterKind,
    addressee: String,
    recipient: String,
    #[diesel(column_name = created_at)]
    created: NaiveDateTime,
    #[diesel(column_name = batch_id)]
    batch: Option<i64>,
}

/// A batch printed and not yet marked as sent.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = complaint_letter_batches)]
pub struct OpenBatch {
    /// The batch's number.
    pub id: i64,
    /// Made at.
    #[diesel(column_name = created_at)]
    pub created: NaiveDateTime,
    /// How many letters it holds.
    pub letters: i32,
}

/// A letter and the complaint it belongs to (what the audit lines name).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Queryable, Selectable)]
#[diesel(table_name = complaint_letters)]
pub struct CaseLetter {
    /// The letter's number.
    pub id: i64,
    /// The complaint's number.
    #[diesel(column_name = complaint_id)]
    pub complaint: i64,
}

/// The current letterhead logo, as the settings page describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogoFacts {
    /// `image/png` or `image/jpeg`.
    pub content_type: String,
    /// Its size in bytes.
    pub bytes: i64,
    /// Uploaded at.
    pub uploaded_at: NaiveDateTime,
}

/// A logo as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = letterhead_logos)]
struct LogoRow {
    content_type: String,
    data: Vec<u8>,
    uploaded_at: NaiveDateTime,
}

/// Every letter not yet posted, in the order they were made.
pub fn waiting(conn: &mut DbConnection) -> QueryResult<Vec<Waiting>> {
    let rows: Vec<WaitingRow> = complaint_letters::table
        .inner_join(complaints::table)
        .filter(complaint_letters::printed_on.is_null())
        .order(complaint_letters::id)
        .select(WaitingRow::as_select())
        .load(conn)?;
    Ok(rows
        .into_iter()
        .map(|r| Waiting {
            id: r.id,
            complaint: r.complaint,
            received: r.received,
            kind: r.kind,
            addressee: r.addressee,
            name: r.recipient.lines().next().unwrap_or("").to_string(),
            created: r.created,
            batch: r.batch,
        })
        .collect())
}

/// The batches printed and not yet marked as sent, oldest first.
pub fn open_batches(conn: &mut DbConnection) -> QueryResult<Vec<OpenBatch>> {
    complaint_letter_batches::table
        .filter(complaint_letter_batches::sent_on.is_null())
        .order(complaint_letter_batches::id)
        .select(OpenBatch::as_select())
        .load(conn)
}

/// The complaint letter `letter` belongs to, if the letter exists.
pub fn complaint_of(conn: &mut DbConnection, letter: i64) -> QueryResult<Option<i64>> {
    complaint_letters::table
        .find(letter)
        .select(complaint_letters::complaint_id)
        .first(conn)
        .optional()
}

/// The letters of batch `id`, in order.
pub fn batch_letters(conn: &mut DbConnection, id: i64) -> QueryResult<Vec<CaseLetter>> {
    complaint_letters::table
        .filter(complaint_letters::batch_id.eq(id))
        .order(complaint_letters::id)
        .select(CaseLetter::as_select())
        .load(conn)
}

/// The newest letterhead logo (the one in use), if any.
pub fn current_logo(conn: &mut DbConnection) -> QueryResult<Option<LogoFacts>> {
    let row: Option<LogoRow> = letterhead_logos::table
        .order(letterhead_logos::id.desc())
        .select(LogoRow::as_select())
        .first(conn)
        .optional()?;
    Ok(row.map(|r| LogoFacts {
        content_type: r.content_type,
        bytes: r.data.len() as i64,
        uploaded_at: r.uploaded_at,
    }))
}
