//! What the verification screen reads: the sheets waiting for a clerk.

use std::sync::Arc;

use diesel::prelude::*;

use crate::db::schema::paper_scan_pending;
use crate::db::DbConnection;
use crate::surveys::definition::Definition;
use crate::surveys::paper::omr::SheetRead;
use crate::surveys::waves::Wave;
use crate::web::errors::AppError;
use crate::web::paging::{self, Page};

/// A waiting sheet as stored: its row, form number and what the reader made of it (JSON).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = paper_scan_pending)]
struct PendingRow {
    id: i64,
    #[diesel(column_name = form_id)]
    form: String,
    sheet: String,
}

/// One waiting sheet as listed: its row, form number, and what needs the clerk.
pub(super) struct Listed {
    pub(super) id: i64,
    pub(super) form: String,
    pub(super) boxes: usize,
    pub(super) texts: usize,
    pub(super) problems: usize,
}

/// The wave, the page asked for, and that page of the sheets waiting for a clerk.
pub(super) fn waiting_page(
    conn: &mut DbConnection,
    id: i64,
    asked: Option<i64>,
) -> Result<(Wave, Page, Vec<Listed>), AppError> {
    let wave = crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
    let total: i64 = paper_scan_pending::table
        .filter(paper_scan_pending::wave_id.eq(id))
        .count()
        .get_result(conn)?;
    let page = Page::new(asked, paging::PAGE_ROWS, total);
    // One page of sheets at a time: a read holds picture cut-outs.
    let rows: Vec<PendingRow> = paper_scan_pending::table
        .filter(paper_scan_pending::wave_id.eq(id))
        .order(paper_scan_pending::id.asc())
        .limit(page.size)
        .offset(page.offset())
        .select(PendingRow::as_select())
        .load(conn)?;
    let listed = rows
        .into_iter()
        .map(|row| {
            let read: Option<SheetRead> = serde_json::from_str(&row.sheet).ok();
            let (boxes, texts, problems) = read
                .map(|r| {
                    (
                        r.pages.iter().map(|p| p.doubtful().count()).sum(),
                        r.pages
                            .iter()
                            .map(|p| p.fields.iter().filter(|f| f.written).count())
                            .sum(),
                        r.conflicts.len() + r.pages.iter().filter(|p| p.problem.is_some()).count(),
                    )
                })
                .unwrap_or((0, 0, 1));
            Listed {
                id: row.id,
                form: row.form,
                boxes,
                texts,
                problems,
            }
        })
        .collect::<Vec<_>>();
    Ok((wave, page, listed))
}

/// A waiting sheet of wave `id`, with the wave and its questionnaire.
pub(super) fn waiting_sheet(
    conn: &mut DbConnection,
    id: i64,
    sheet: i64,
) -> Result<(Wave, Arc<Definition>, SheetRead), AppError> {
    let (wave, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
    let json: Option<String> = paper_scan_pending::table
        .filter(paper_scan_pending::id.eq(sheet))
        .filter(paper_scan_pending::wave_id.eq(id))
        .select(paper_scan_pending::sheet)
        .get_result(conn)
        .optional()?;
    let json = json.ok_or(AppError::NotFound)?;
    let read: SheetRead = serde_json::from_str(&json).map_err(|e| AppError::Internal(e.into()))?;
    Ok((wave, def, read))
}

/// Whether the sheet still waits (another clerk may have settled it a moment ago).
pub(super) fn is_waiting(
    conn: &mut DbConnection,
    wave_id: i64,
    sheet_id: i64,
) -> QueryResult<bool> {
    let waiting: i64 = paper_scan_pending::table
        .filter(paper_scan_pending::id.eq(sheet_id))
        .filter(paper_scan_pending::wave_id.eq(wave_id))
        .count()
        .get_result(conn)?;
    Ok(waiting > 0)
}

/// The sheet of wave `id` waiting after `sheet` (in list order), or the first when `sheet` was the
/// last; `None` when no other sheet waits.
pub(super) fn next_waiting(
    conn: &mut DbConnection,
    id: i64,
    sheet: i64,
) -> QueryResult<Option<i64>> {
    let waiting = || {
        paper_scan_pending::table
            .filter(paper_scan_pending::wave_id.eq(id))
            .filter(paper_scan_pending::id.ne(sheet))
            .order(paper_scan_pending::id.asc())
            .select(paper_scan_pending::id)
    };
    let after: Option<i64> = waiting()
        .filter(paper_scan_pending::id.gt(sheet))
        .first(conn)
        .optional()?;
    match after {
        Some(n) => Ok(Some(n)),
        None => waiting().first(conn).optional(),
    }
}

/// The whole scan kept of waiting page `sheet` of wave `id` (a page without a readable QR code,
/// uploaded on the invoerder's page), if there is one.
pub(super) fn page_image(
    conn: &mut DbConnection,
    id: i64,
    sheet: i64,
) -> QueryResult<Option<Vec<u8>>> {
    use crate::db::schema::paper_scan_images;
    paper_scan_images::table
        .inner_join(paper_scan_pending::table)
        .filter(paper_scan_pending::wave_id.eq(id))
        .filter(paper_scan_images::pending_id.eq(sheet))
        .select(paper_scan_images::page_png)
        .first(conn)
        .optional()
}

/// Whether form `form` of wave `id` was stored already.
pub(super) fn form_stored(conn: &mut DbConnection, id: i64, form: &str) -> QueryResult<bool> {
    use crate::db::schema::paper_forms;
    let n: i64 = paper_forms::table
        .filter(paper_forms::wave_id.eq(id))
        .filter(paper_forms::form_id.eq(form))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// What the form for typing a page's number offers: the languages the wave's forms were printed
/// in, and the pages of its form. `None` when no whole scan of the page was kept (read on the
/// command line): then only typing the form in by hand is left.
pub struct PlaceOptions {
    /// Language codes of the stored layouts, Dutch first.
    pub langs: Vec<String>,
    /// Pages of the form (of the newest layout).
    pub pages: usize,
}

/// The [`PlaceOptions`] of waiting page `sheet` of wave `wave`.
pub(super) fn place_options(
    conn: &mut DbConnection,
    wave: &Wave,
    sheet: i64,
) -> QueryResult<Option<PlaceOptions>> {
    use crate::db::schema::paper_scan_images;
    let kept: i64 = paper_scan_images::table
        .filter(paper_scan_images::pending_id.eq(sheet))
        .count()
        .get_result(conn)?;
    if kept == 0 {
        return Ok(None);
    }
    let layouts = crate::surveys::paper::layout::load_for_version(conn, wave.version_id)?;
    let pages = layouts
        .iter()
        .max_by_key(|s| s.id)
        .map(|s| s.layout.pages.len())
        .unwrap_or(0);
    let mut langs: Vec<String> = layouts.into_iter().map(|s| s.lang).collect();
    langs.sort_by_key(|l| (l != "nl", l.clone()));
    langs.dedup();
    if langs.is_empty() {
        return Ok(None);
    }
    Ok(Some(PlaceOptions { langs, pages }))
}
