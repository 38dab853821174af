//! What the paper import pages read: the sheets kept aside, the reports made earlier, one report.

use diesel::prelude::*;

use super::format_of;
use crate::db::schema::{paper_quarantine, paper_reports};
use crate::db::DbConnection;
use crate::surveys::paper::import::Summary;
use crate::surveys::paper::sheet::{Finding, Format};
use crate::web::errors::AppError;
use crate::web::paging::{self, Page};

/// A quarantined sheet as stored (its problems as JSON).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = paper_quarantine)]
struct KeptRow {
    id: i64,
    #[diesel(column_name = form_id)]
    form: String,
    line: i64,
    problems: String,
    #[diesel(column_name = created_on)]
    on: chrono::NaiveDate,
}

/// A quarantined sheet as listed.
pub(super) struct Kept {
    pub(super) id: i64,
    pub(super) form: String,
    pub(super) line: i64,
    pub(super) problems: Vec<Finding>,
    pub(super) on: chrono::NaiveDate,
}

/// A report made earlier as stored (its counts as JSON).
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = paper_reports)]
struct EarlierRow {
    id: i64,
    #[diesel(column_name = file_name)]
    file: String,
    #[diesel(column_name = created_at)]
    at: chrono::NaiveDateTime,
    summary: String,
}

/// A report made earlier, as listed.
pub(super) struct Earlier {
    pub(super) id: i64,
    pub(super) file: String,
    pub(super) at: chrono::NaiveDateTime,
    /// A check only: nothing was stored.
    pub(super) dry_run: bool,
}

/// What the upload page lists: the wave, one page of the sheets kept aside, the latest reports.
pub(super) struct PageData {
    pub(super) wave: crate::surveys::waves::Wave,
    pub(super) kept: Vec<Kept>,
    pub(super) page: Page,
    pub(super) earlier: Vec<Earlier>,
    /// The file type of the latest upload, offered again.
    pub(super) last_format: Format,
    /// Sheets waiting for a clerk on the verification screen.
    pub(super) waiting: i64,
    /// Whether the wave still takes new forms (it may have closed, with time for late ones).
    pub(super) time: crate::surveys::paper::late::PaperTime,
    /// The forms printed so far.
    pub(super) prints: Vec<crate::surveys::paper::prints::Printed>,
    /// A print request that was refused, shown again as typed.
    pub(super) typed_print: Option<crate::surveys::paper::forms_download::FormsQuery>,
}

/// The upload page's data for wave `id`, page `asked` of the sheets kept aside.
pub(super) fn page_data(
    conn: &mut DbConnection,
    id: i64,
    asked: Option<i64>,
) -> Result<PageData, AppError> {
    let wave = crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
    let total: i64 = paper_quarantine::table
        .filter(paper_quarantine::wave_id.eq(id))
        .count()
        .get_result(conn)?;
    let page = Page::new(asked, paging::PAGE_ROWS, total);
    let rows: Vec<KeptRow> = paper_quarantine::table
        .filter(paper_quarantine::wave_id.eq(id))
        .order((paper_quarantine::line, paper_quarantine::id))
        .limit(page.size)
        .offset(page.offset())
        .select(KeptRow::as_select())
        .load(conn)?;
    let kept = rows
        .into_iter()
        .map(|r| Kept {
            id: r.id,
            form: r.form,
            line: r.line,
            problems: serde_json::from_str(&r.problems).unwrap_or_default(),
            on: r.on,
        })
        .collect();
    let rows: Vec<EarlierRow> = paper_reports::table
        .filter(paper_reports::wave_id.eq(id))
        .order(paper_reports::id.desc())
        .limit(20)
        .select(EarlierRow::as_select())
        .load(conn)?;
    let mut last_format = None;
    let earlier = rows
        .into_iter()
        .map(|r| {
            let s: Summary = serde_json::from_str(&r.summary).unwrap_or_default();
            // A scan upload has no file type to offer again.
            if last_format.is_none() && s.scan.is_none() {
                last_format = Some(format_of(s.format.as_deref()));
            }
            Earlier {
                id: r.id,
                file: r.file,
                at: r.at,
                dry_run: s.dry_run,
            }
        })
        .collect();
    let waiting: i64 = crate::db::schema::paper_scan_pending::table
        .filter(crate::db::schema::paper_scan_pending::wave_id.eq(id))
        .count()
        .get_result(conn)?;
    let time = crate::surveys::paper::late::paper_time(wave.closes_on, crate::fmt::today());
    let prints = crate::surveys::paper::prints_queries::of_wave(conn, id)?;
    Ok(PageData {
        wave,
        prints,
        typed_print: None,
        waiting,
        time,
        kept,
        page,
        earlier,
        last_format: last_format.unwrap_or(Format::Sdaps),
    })
}

diesel::define_sql_function! {
    /// `substr(text, start, length)`, the same in SQLite and PostgreSQL (characters from 1).
    fn substr(text: diesel::sql_types::Text, start: diesel::sql_types::Integer, length: diesel::sql_types::Integer) -> diesel::sql_types::Text;
}

/// Characters of a stored report read for its page: far more than the findings the page shows,
/// so a report of any size costs the page the same.
const REPORT_PAGE_CHARS: i32 = 2_000_000;

/// A stored report: file name, counts and its CSV text (or its start).
#[derive(Debug, Clone, Queryable)]
pub(super) struct StoredReport {
    pub(super) file: String,
    summary: String,
    pub(super) text: String,
}

impl StoredReport {
    /// The counts of the import.
    pub(super) fn summary(&self) -> Summary {
        serde_json::from_str(&self.summary).unwrap_or_default()
    }
}

/// Report `report` of wave `id`: whole for the download, only the start for the page when
/// `head_only`.
pub(super) fn report(
    conn: &mut DbConnection,
    id: i64,
    report: i64,
    head_only: bool,
) -> Result<StoredReport, AppError> {
    let length = if head_only {
        REPORT_PAGE_CHARS
    } else {
        i32::MAX
    };
    let row: Option<StoredReport> = paper_reports::table
        .filter(paper_reports::id.eq(report))
        .filter(paper_reports::wave_id.eq(id))
        .select((
            paper_reports::file_name,
            paper_reports::summary,
            substr(paper_reports::report, 1, length),
        ))
        .get_result(conn)
        .optional()?;
    row.ok_or(AppError::NotFound)
}

/// The highest number of a sheet of wave `id` waiting for a clerk (0 when none waits): the
/// sheets an upload puts aside are the ones above it.
pub(super) fn last_waiting(conn: &mut DbConnection, id: i64) -> QueryResult<i64> {
    use crate::db::schema::paper_scan_pending;
    let max: Option<i64> = paper_scan_pending::table
        .filter(paper_scan_pending::wave_id.eq(id))
        .select(diesel::dsl::max(paper_scan_pending::id))
        .first(conn)?;
    Ok(max.unwrap_or(0))
}

/// The sheets of wave `id` waiting for a clerk with a number above `after`.
pub(super) fn waiting_after(conn: &mut DbConnection, id: i64, after: i64) -> QueryResult<Vec<i64>> {
    use crate::db::schema::paper_scan_pending;
    paper_scan_pending::table
        .filter(paper_scan_pending::wave_id.eq(id))
        .filter(paper_scan_pending::id.gt(after))
        .order(paper_scan_pending::id)
        .select(paper_scan_pending::id)
        .load(conn)
}

/// How many of `sheets` (of wave `id`) still wait for a clerk now.
pub(super) fn still_waiting(conn: &mut DbConnection, id: i64, sheets: &[i64]) -> QueryResult<u64> {
    use crate::db::schema::paper_scan_pending;
    let mut n = 0;
    // In parts, so the list of numbers never passes an engine's limit on parameters.
    for part in sheets.chunks(500) {
        let c: i64 = paper_scan_pending::table
            .filter(paper_scan_pending::wave_id.eq(id))
            .filter(paper_scan_pending::id.eq_any(part))
            .count()
            .get_result(conn)?;
        n += u64::try_from(c).unwrap_or(0);
    }
    Ok(n)
}
