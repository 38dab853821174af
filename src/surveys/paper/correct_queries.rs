//! What the correction pages read: a sheet kept aside, and whether a form number was read before.

use std::collections::BTreeMap;
use std::sync::Arc;

use diesel::prelude::*;

use super::sheet::Finding;
use crate::db::schema::{paper_forms, paper_quarantine};
use crate::db::DbConnection;
use crate::surveys::definition::Definition;
use crate::surveys::waves::Wave;
use crate::web::errors::AppError;

/// A kept sheet's row as stored (what was read and the problems, as JSON).
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = paper_quarantine)]
struct KeptRow {
    form_id: String,
    line: i64,
    sheet: String,
    problems: String,
}

/// A sheet kept aside, as stored.
pub struct Kept {
    /// The form number read (or the key of a sheet without one).
    pub form: String,
    /// The sheet's row in the file it came from.
    pub line: i64,
    /// What the scanner read, by column.
    pub raw: BTreeMap<String, String>,
    /// Why it was kept apart.
    pub problems: Vec<Finding>,
}

/// The wave, its questionnaire and sheet `sheet_id` kept aside in it; `NotFound` when either is
/// missing.
pub fn kept_sheet(
    conn: &mut DbConnection,
    wave_id: i64,
    sheet_id: i64,
) -> Result<(Wave, Arc<Definition>, Kept), AppError> {
    let (wave, def) = crate::surveys::staff::wave_and_definition(conn, wave_id)?;
    let row: Option<KeptRow> = paper_quarantine::table
        .filter(paper_quarantine::id.eq(sheet_id))
        .filter(paper_quarantine::wave_id.eq(wave_id))
        .select(KeptRow::as_select())
        .get_result(conn)
        .optional()?;
    let row = row.ok_or(AppError::NotFound)?;
    let kept = Kept {
        form: row.form_id,
        line: row.line,
        raw: serde_json::from_str(&row.sheet).unwrap_or_default(),
        problems: serde_json::from_str(&row.problems).unwrap_or_default(),
    };
    Ok((wave, def, kept))
}

/// The form number (or no-number key) of sheet `sheet_id` kept aside in wave `wave_id`, if it is
/// still kept.
pub fn kept_form(
    conn: &mut DbConnection,
    wave_id: i64,
    sheet_id: i64,
) -> QueryResult<Option<String>> {
    paper_quarantine::table
        .filter(paper_quarantine::id.eq(sheet_id))
        .filter(paper_quarantine::wave_id.eq(wave_id))
        .select(paper_quarantine::form_id)
        .get_result(conn)
        .optional()
}

/// Whether form number `form_id` of wave `wave_id` was read (imported) before.
pub fn form_known(conn: &mut DbConnection, wave_id: i64, form_id: &str) -> QueryResult<bool> {
    let known = paper_forms::table
        .filter(paper_forms::wave_id.eq(wave_id))
        .filter(paper_forms::form_id.eq(form_id))
        .count()
        .get_result::<i64>(conn)?;
    Ok(known > 0)
}
