//! A scan run: files in, sheets out. Clear sheets are settled through the import pipeline at
//! once; sheets with a doubtful box, writing to type, a conflict, and pages that could not be
//! placed wait for the clerk (see [`super::settle::pending`]). Used by `klankbord import scans`
//! and by the upload on the invoerder's page.

use std::collections::HashMap;
use std::io::{BufRead, Seek, Write};
use std::sync::Arc;

use chrono::NaiveDate;

use super::read::{read_files, ScanSummary, Spool};
use super::{settle, SettledSheet};
use crate::db::DbConnection;
use crate::surveys::channel::Channel;
use crate::surveys::definition::Definition;
use crate::surveys::paper::import::{ImportError, Options, Summary};
use crate::surveys::paper::layout;
use crate::surveys::paper::sheet::Finding;
use crate::surveys::waves::Wave;

/// Why a scan run stopped (nothing of the current step was stored).
#[derive(Debug, thiserror::Error)]
pub enum ScanError {
    /// The wave does not take scanned forms.
    #[error("ronde {0} neemt geen gescande formulieren aan (kanaal paper-scan staat uit); zet het kanaal aan of kies een andere ronde")]
    Channel(i64),
    /// No forms were ever printed as PDF for this wave's questionnaire.
    #[error("voor deze vragenlijst zijn nog geen PDF-formulieren gemaakt; alleen formulieren die het product zelf maakte, kunnen worden ingelezen")]
    NoLayouts,
    /// Pages of the file could not be read (damaged, not a scan, too large): nothing was stored.
    #[error("{} pagina's konden niet worden gelezen, daarom is er niets ingelezen: {}. Scan die pagina's opnieuw of lever een ander bestand aan", .0.len(), .0.join("; "))]
    Unreadable(Vec<String>),
    /// Reading or writing a temporary file failed.
    #[error("tijdelijk bestand: {0}")]
    Io(#[from] std::io::Error),
    /// The import failed.
    #[error(transparent)]
    Import(#[from] ImportError),
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// Reads `files` for `wave`: clear sheets go through the import (with `options`: a dry run stores
/// nothing, not even the sheets for the clerk), the others are put aside for the clerk.
/// `report` gets every finding of the import.
pub fn import_scans(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    files: &[std::path::PathBuf],
    options: Options,
    today: NaiveDate,
    report: &mut dyn FnMut(&Finding),
) -> Result<(ScanSummary, Summary), ScanError> {
    run(conn, wave, def, files, options, today, report, false)
}

/// As [`import_scans`], but all or nothing for the file: when a page cannot be decoded at all
/// (a damaged file, a page without a scan), nothing is stored and the error names the pages.
/// Used by the upload on the invoerder's page, where the clerk sends the file again.
pub fn import_scans_whole(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    files: &[std::path::PathBuf],
    options: Options,
    today: NaiveDate,
    report: &mut dyn FnMut(&Finding),
) -> Result<(ScanSummary, Summary), ScanError> {
    run(conn, wave, def, files, options, today, report, true)
}

#[allow(clippy::too_many_arguments)] // the two public entries above name them
fn run(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    files: &[std::path::PathBuf],
    options: Options,
    today: NaiveDate,
    report: &mut dyn FnMut(&Finding),
    whole: bool,
) -> Result<(ScanSummary, Summary), ScanError> {
    if !wave.allows(Channel::PaperScan) {
        return Err(ScanError::Channel(wave.id));
    }
    let stored = layout::load_for_version(conn, wave.version_id)?;
    if stored.is_empty() {
        return Err(ScanError::NoLayouts);
    }
    let layouts: HashMap<i64, Arc<layout::Stored>> =
        stored.into_iter().map(|s| (s.id, Arc::new(s))).collect();
    let mut spool = Spool::new()?;
    let mut summary = ScanSummary::default();
    read_files(
        files,
        wave.id,
        &|id| layouts.get(&id).cloned(),
        &mut spool,
        &mut summary,
    )?;
    // Everything is read before anything is written, so a file refused whole leaves no trace.
    if whole && summary.unreadable > 0 {
        return Err(ScanError::Unreadable(summary.problems));
    }
    // Clear sheets to a temporary file (as JSON lines), the others to the clerk.
    let mut clear = std::io::BufWriter::new(tempfile::tempfile()?);
    let pages_of = |id: &super::PageId| {
        layouts
            .get(&id.layout_id)
            .map(|s| s.layout.pages.len() as u32)
            .unwrap_or(0)
    };
    for sheet in spool.sheets(def, &pages_of) {
        let mut sheet = sheet?;
        // Pages missing here may wait from an earlier upload: the form is put together with them
        // and waits for the clerk as a whole (the earlier read is replaced, not lost).
        let mut joined = false;
        if !sheet.form.is_empty()
            && sheet
                .conflicts
                .iter()
                .any(|c| matches!(c, super::Conflict::PageMissing { .. }))
        {
            if let Some(earlier) = settle::pending_form(conn, wave.id, &sheet.form)? {
                let total = sheet
                    .pages
                    .first()
                    .and_then(|p| p.id.as_ref())
                    .map(&pages_of)
                    .unwrap_or(0);
                sheet = super::spool::join_earlier(def, sheet, earlier.sheet, total);
                joined = true;
            }
        }
        if !sheet.form.is_empty() {
            summary.forms += 1;
        }
        summary.doubtful_boxes += sheet
            .pages
            .iter()
            .map(|p| p.doubtful().count() as u64)
            .sum::<u64>();
        if !sheet.form.is_empty() && sheet.is_clear() && !joined {
            summary.settled += 1;
            let line = serde_json::to_string(&SettledSheet::from_read(&sheet))
                .map_err(std::io::Error::other)?;
            writeln!(clear, "{line}")?;
        } else if !sheet.form.is_empty() && already_imported(conn, wave.id, &sheet.form)? {
            // Read before and settled: nothing to check again.
            summary.already += 1;
        } else {
            summary.pending += 1;
            if let Some(p) = sheet.pages.first().and_then(|p| p.problem.as_ref()) {
                summary.problems.push(format!(
                    "pagina {}: {}",
                    sheet.pages[0].scan_index,
                    problem_text(p)
                ));
            }
            if !options.dry_run {
                settle::put_pending(conn, wave.id, &sheet, today)?;
            }
        }
    }
    let mut file = clear.into_inner().map_err(|e| e.into_error())?;
    file.rewind()?;
    let mut lines = std::io::BufReader::new(file)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<SettledSheet>(&l).ok());
    let imported = settle::settle(conn, wave, def, &mut lines, options, today, report)?;
    Ok((summary, imported))
}

/// Largest validation report kept for the pages (bytes); findings past it are counted only.
const MAX_STORED_REPORT: usize = 20 * 1024 * 1024;

/// Why an upload of scans was refused (nothing was stored), in plain Dutch for the clerk.
#[derive(Debug, thiserror::Error)]
pub enum UploadError {
    /// Not a file of scans at all.
    #[error("dit bestand is geen scan: kies een PDF-, TIFF-, PNG- of JPEG-bestand van de scanner")]
    NotAScan,
    /// The run refused it.
    #[error(transparent)]
    Scan(#[from] ScanError),
}

/// The upload of scans on the invoerder's page: `file` (as sent, named `file_name`) is checked to
/// be a scan, read whole before anything is stored (a page that cannot be decoded refuses the
/// file), clear sheets imported, doubtful ones put aside for the verification screen, and the
/// report stored and logged. The same pipeline as `klankbord import scans`. Returns the report.
pub fn store_upload(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    file: &std::path::Path,
    file_name: &str,
    user: Option<i64>,
    today: NaiveDate,
) -> Result<i64, UploadError> {
    use crate::db::schema::paper_reports;
    use crate::surveys::paper::import;
    use diesel::prelude::*;
    use std::io::Read;
    let mut head = [0u8; 8];
    let n = std::fs::File::open(file)
        .and_then(|mut f| f.read(&mut head))
        .map_err(ScanError::Io)?;
    if super::decode::sniff(&head[..n]).is_none() {
        return Err(UploadError::NotAScan);
    }
    let mut text = import::report_csv_header();
    let mut not_stored = 0u64;
    let result = import_scans_whole(
        conn,
        wave,
        def,
        &[file.to_path_buf()],
        Options::default(),
        today,
        &mut |f| {
            let line = import::report_csv_line(f);
            if not_stored == 0 && text.len() + line.len() <= MAX_STORED_REPORT {
                text.push_str(&line);
            } else {
                not_stored += 1;
            }
        },
    );
    // The reader names the file it read: the temporary file here, the clerk's name on the page.
    let temp_name = file
        .file_name()
        .map(|f| f.to_string_lossy().to_string())
        .unwrap_or_default();
    let named = |p: String| {
        if temp_name.is_empty() {
            p
        } else {
            p.replace(&temp_name, file_name)
        }
    };
    let (scan, summary) = match result {
        Ok(r) => r,
        Err(ScanError::Unreadable(problems)) => {
            return Err(ScanError::Unreadable(problems.into_iter().map(named).collect()).into())
        }
        Err(e) => return Err(e.into()),
    };
    let scan = ScanSummary {
        problems: scan.problems.into_iter().map(named).collect(),
        ..scan
    };
    let summary = Summary {
        not_stored,
        format: Some("scan".into()),
        scan: Some(scan),
        ..summary
    };
    let stored = serde_json::to_string(&summary)
        .map_err(std::io::Error::other)
        .map_err(ScanError::Io)?;
    let report_id: i64 = crate::db::write_tx(conn, |c| -> Result<i64, diesel::result::Error> {
        diesel::insert_into(paper_reports::table)
            .values((
                paper_reports::wave_id.eq(wave.id),
                paper_reports::created_by.eq(user),
                paper_reports::created_at.eq(crate::db::now()),
                paper_reports::file_name.eq(file_name),
                paper_reports::summary.eq(&stored),
                paper_reports::report.eq(&text),
            ))
            .execute(c)?;
        let id: i64 = paper_reports::table
            .filter(paper_reports::wave_id.eq(wave.id))
            .order(paper_reports::id.desc())
            .select(paper_reports::id)
            .first(c)?;
        crate::accounts::audit::record(
            c,
            crate::accounts::audit::Actor::user_or_system(user),
            "paper.scans_read",
            "wave",
            Some(&wave.id.to_string()),
            Some(&format!("verslag {id}")),
        )?;
        Ok(id)
    })
    .map_err(ScanError::Db)?;
    Ok(report_id)
}

fn already_imported(
    conn: &mut DbConnection,
    wave_id: i64,
    form: &str,
) -> Result<bool, diesel::result::Error> {
    use crate::db::schema::paper_forms;
    use diesel::prelude::*;
    let n: i64 = paper_forms::table
        .filter(paper_forms::wave_id.eq(wave_id))
        .filter(paper_forms::form_id.eq(form))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

/// A page problem in plain Dutch, for the clerk.
pub fn problem_text(p: &super::PageProblem) -> String {
    use super::PageProblem::*;
    match p {
        NoQr => "geen QR-code van dit product gevonden; is dit een formulier van deze ronde? Scan de pagina opnieuw, rechtop en in zijn geheel".into(),
        OtherWave(w) => format!("dit formulier hoort bij ronde {w}; lees het in bij die ronde"),
        NoLayout(v) => format!("de opmaak van dit formulier ({v}) is niet bekend; het is niet met dit product gemaakt"),
        NoSuchPage(n) => format!("het formulier heeft geen pagina {n}"),
        NotAligned(why) => format!("de pagina kon niet worden rechtgelegd ({why}); scan hem opnieuw, met de hele pagina in beeld"),
        Blank => "de pagina is leeg".into(),
    }
}
