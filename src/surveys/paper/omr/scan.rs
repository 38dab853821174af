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
    if !wave.allows("paper-scan") {
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
    // Clear sheets to a temporary file (as JSON lines), the others to the clerk.
    let mut clear = std::io::BufWriter::new(tempfile::tempfile()?);
    let pages_of = |id: &super::PageId| {
        layouts
            .get(&id.layout_id)
            .map(|s| s.layout.pages.len() as u32)
            .unwrap_or(0)
    };
    for sheet in spool.sheets(def, &pages_of) {
        let sheet = sheet?;
        if !sheet.form.is_empty() {
            summary.forms += 1;
        }
        summary.doubtful_boxes += sheet
            .pages
            .iter()
            .map(|p| p.doubtful().count() as u64)
            .sum::<u64>();
        if !sheet.form.is_empty() && sheet.is_clear() {
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
    }
}
