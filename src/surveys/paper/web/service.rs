//! The import of one upload, run on its own thread: the file read, checked and stored, and its
//! validation report kept for the pages.

use std::sync::atomic::Ordering;

use diesel::prelude::*;

use super::format_code;
use super::jobs::{Job, Outcome};
use crate::db::schema::paper_reports;
use crate::db::DbConnection;
use crate::surveys::paper::import::{self, Options, Summary, Target};
use crate::surveys::paper::progress;
use crate::surveys::paper::sheet::Format;
use crate::web::errors::AppError;

/// Largest validation report kept for the pages (bytes); the command line writes any size to a file.
const MAX_STORED_REPORT: usize = 20 * 1024 * 1024;

/// Runs one upload's import on its own thread; the validation report is stored for the pages.
pub(super) fn import_upload(
    conn: &mut DbConnection,
    job: &Job,
    file: tempfile::NamedTempFile,
    format: Format,
    options: Options,
    user: Option<i64>,
) -> Result<Outcome, AppError> {
    let id = job.wave_id;
    let wave = crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
    let def = crate::surveys::respond::definition(conn, wave.version_id)
        .map_err(|e| AppError::Internal(e.into()))?;
    let target = Target {
        wave: &wave,
        def: &def,
        format,
        mapping: None,
        today: crate::fmt::today(),
    };
    let mut report = import::report_csv_header();
    let mut not_stored = 0u64;
    let path = file.path().to_path_buf();
    let result = import::import(
        conn,
        &target,
        &mut || std::fs::File::open(&path).map(|f| progress::Counting::new(f, job.bytes.clone())),
        options,
        &mut |f| {
            // The report is stored in the database: past its limit, findings are counted only.
            let line = import::report_csv_line(f);
            if not_stored == 0 && report.len() + line.len() <= MAX_STORED_REPORT {
                report.push_str(&line);
            } else {
                not_stored += 1;
            }
        },
        &mut |rows| job.rows.store(rows, Ordering::Relaxed),
    );
    let summary = match result {
        Ok(s) => import::Summary {
            not_stored,
            format: Some(format_code(format).to_string()),
            ..s
        },
        Err(import::ImportError::Db(e)) => return Err(e.into()),
        Err(e) => return Ok(Err(e.to_string())),
    };
    let report_id = store_report(conn, id, user, &job.file_name, &summary, &report)?;
    Ok(Ok(report_id))
}

/// Stores an import's counts and report, writes it in the audit log, and returns its id.
fn store_report(
    conn: &mut DbConnection,
    id: i64,
    user: Option<i64>,
    file_name: &str,
    summary: &Summary,
    report: &str,
) -> Result<i64, AppError> {
    let stored = serde_json::to_string(summary).unwrap_or_default();
    diesel::insert_into(paper_reports::table)
        .values((
            paper_reports::wave_id.eq(id),
            paper_reports::created_by.eq(user),
            paper_reports::created_at.eq(crate::db::now()),
            paper_reports::file_name.eq(file_name),
            paper_reports::summary.eq(&stored),
            paper_reports::report.eq(report),
        ))
        .execute(conn)?;
    let report_id: i64 = paper_reports::table
        .filter(paper_reports::wave_id.eq(id))
        .order(paper_reports::id.desc())
        .select(paper_reports::id)
        .first(conn)?;
    crate::accounts::audit::record(
        conn,
        crate::accounts::audit::Actor::user_or_system(user),
        "paper.imported",
        "wave",
        Some(&id.to_string()),
        Some(&format!("verslag {report_id}")),
    )?;
    Ok(report_id)
}

/// Notes in report `report` which sheets its upload left waiting for the clerk (those of wave
/// `id` above `after`), so the report can later say how many still wait.
///
/// Two uploads to the same wave finishing in the same instant could each count the other's
/// sheets; the counts on the report page are then off for those two reports only, and nothing
/// else depends on them.
pub(super) fn note_waiting(
    conn: &mut DbConnection,
    id: i64,
    report: i64,
    after: i64,
) -> Result<(), AppError> {
    let waiting = super::queries::waiting_after(conn, id, after)?;
    if waiting.is_empty() {
        return Ok(());
    }
    let stored: String = paper_reports::table
        .filter(paper_reports::id.eq(report))
        .select(paper_reports::summary)
        .first(conn)?;
    let Ok(mut summary) = serde_json::from_str::<Summary>(&stored) else {
        return Ok(());
    };
    summary.waiting = waiting;
    let text = serde_json::to_string(&summary).map_err(|e| AppError::Internal(e.into()))?;
    diesel::update(paper_reports::table.filter(paper_reports::id.eq(report)))
        .set(paper_reports::summary.eq(text))
        .execute(conn)?;
    Ok(())
}

/// Keeps the whole scan of each page this upload could not place in a form (no readable QR code;
/// the waiting sheets of wave `id` above `after` with no form number), so the clerk can type its
/// form and page number and have it read (see `verify::place`). Pages are decoded once more from
/// `file`, one at a time, only up to the last page needed.
pub(super) fn keep_unplaced_pages(
    conn: &mut DbConnection,
    id: i64,
    after: i64,
    file: &std::path::Path,
) -> Result<(), AppError> {
    use crate::db::schema::{paper_scan_images, paper_scan_pending};
    use crate::surveys::paper::omr::{PageProblem, SheetRead};
    let rows: Vec<(i64, String)> = paper_scan_pending::table
        .filter(paper_scan_pending::wave_id.eq(id))
        .filter(paper_scan_pending::id.gt(after))
        .filter(paper_scan_pending::form_id.eq(""))
        .select((paper_scan_pending::id, paper_scan_pending::sheet))
        .load(conn)?;
    // Scan position → waiting row, for the pages without a code.
    let mut wanted: std::collections::BTreeMap<u64, i64> = std::collections::BTreeMap::new();
    for (row, json) in rows {
        let Ok(read) = serde_json::from_str::<SheetRead>(&json) else {
            continue;
        };
        if let [page] = read.pages.as_slice() {
            if page.problem == Some(PageProblem::NoQr) {
                wanted.insert(page.scan_index, row);
            }
        }
    }
    let Some(last) = wanted.keys().next_back().copied() else {
        return Ok(());
    };
    let Ok(pages) = crate::surveys::paper::omr::decode::open(file) else {
        return Ok(());
    };
    for (n, page) in (1u64..).zip(pages) {
        if n > last {
            break;
        }
        let (Some(row), Ok(page)) = (wanted.get(&n), page) else {
            continue;
        };
        let png = crate::surveys::paper::omr::measure::png(&page.pixels, page.width, page.height);
        diesel::insert_into(paper_scan_images::table)
            .values((
                paper_scan_images::pending_id.eq(row),
                paper_scan_images::page_png.eq(png),
            ))
            .execute(conn)?;
    }
    Ok(())
}
