//! Importing a file of scanned sheets into a wave: streamed, checked sheet by sheet, written in
//! batches (each batch one transaction), with every problem reported as it is found. A form number
//! is stored when its sheet is imported, so importing a file again adds nothing, a corrected file
//! fills only the gaps, and an import that was killed is completed by running it again.

use std::collections::HashSet;
use std::io::Read;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::mapping::{self, ColumnRule};
use super::reader::{ReadError, SheetReader};
use super::sheet::{self, Action, Expect, Finding, Format, Layout, Rule, Sheet, Verdict};
use crate::db::schema::{paper_forms, paper_quarantine};
use crate::db::{write_tx, DbConnection};
use crate::surveys::channel::Channel;
use crate::surveys::definition::Definition;
use crate::surveys::respond::{self, Meta};
use crate::surveys::waves::Wave;
use crate::web::i18n::Lang;

/// How to import.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Check only; write nothing.
    pub dry_run: bool,
    /// Import only when no sheet needs quarantine (the file is read twice).
    pub all_or_nothing: bool,
    /// Sheets per transaction.
    pub batch: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            dry_run: false,
            all_or_nothing: false,
            batch: 1000,
        }
    }
}

/// Counts of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Data rows read.
    pub rows: u64,
    /// Sheets stored as answers.
    pub imported: u64,
    /// Sheets kept aside for correction.
    pub quarantined: u64,
    /// Sheets skipped because their form was imported before or occurs twice.
    pub duplicates: u64,
    /// Sheets with nothing marked.
    pub empty: u64,
    /// Lines too long to be a sheet (skipped unread, each with a line in the report).
    #[serde(default)]
    pub too_long: u64,
    /// Findings left out of the stored report because it reached its size limit (the page says so).
    #[serde(default)]
    pub not_stored: u64,
    /// Problems reported.
    pub findings: u64,
    /// Whether anything was written (false for a dry run or a refused all-or-nothing run).
    pub written: bool,
    /// It was a check only (`--dry-run`).
    #[serde(default)]
    pub dry_run: bool,
    /// The file type chosen for the upload (`sdaps` or `generic`), so the page offers it again.
    #[serde(default)]
    pub format: Option<String>,
    /// For scans read on the invoerder's page: what the reader did (pages, forms, sheets waiting
    /// for the verification screen).
    #[serde(default)]
    pub scan: Option<crate::surveys::paper::omr::read::ScanSummary>,
    /// For scans uploaded on the invoerder's page: the numbers of the sheets this upload left
    /// waiting for the clerk, so its report can say how many still wait now.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub waiting: Vec<i64>,
}

/// Why a file could not be imported at all (nothing was written).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file cannot be read as CSV.
    #[error("het bestand is niet te lezen: {0}")]
    Read(#[from] ReadError),
    /// The header does not fit the format or mapping.
    #[error("{0}")]
    Layout(String),
    /// Columns that are no question (generic format).
    #[error(
        "deze kolommen horen bij geen enkele vraag: {0}; haal ze weg of kies het goede formaat"
    )]
    UnknownColumns(String),
    /// The wave does not take paper answers.
    #[error("ronde {0} neemt geen papieren vragenlijsten aan (kanaal paper-scan staat uit); zet het kanaal aan of kies een andere ronde")]
    Channel(i64),
    /// Database failure (the current batch was rolled back whole).
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// What the importer needs to know about the target.
pub struct Target<'a> {
    /// The wave.
    pub wave: &'a Wave,
    /// Its questionnaire.
    pub def: &'a Definition,
    /// The input format.
    pub format: Format,
    /// A hand-written mapping (SDAPS), instead of the generated one.
    pub mapping: Option<Vec<ColumnRule>>,
    /// Date stored on imported answers.
    pub today: NaiveDate,
}

/// Imports sheets from the stream `open()` gives (called twice for all-or-nothing). `report` gets
/// every finding as it is made; `progress` the number of rows read so far, after every batch.
pub fn import<R: Read + Send>(
    conn: &mut DbConnection,
    target: &Target<'_>,
    open: &mut dyn FnMut() -> std::io::Result<R>,
    options: Options,
    report: &mut dyn FnMut(&Finding),
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, ImportError> {
    if !target.wave.allows(Channel::PaperScan) {
        return Err(ImportError::Channel(target.wave.id));
    }
    if options.all_or_nothing && !options.dry_run {
        let mut check = run(
            conn,
            target,
            open()?,
            Options {
                dry_run: true,
                ..options
            },
            report,
            progress,
        )?;
        if check.quarantined > 0 || check.too_long > 0 {
            // Refused by the user's all-or-nothing choice, not a check they asked for.
            check.dry_run = false;
            return Ok(check);
        }
        // Clean: import for real without reporting the same notes twice.
        return run(conn, target, open()?, options, &mut |_| {}, progress);
    }
    run(conn, target, open()?, options, report, progress)
}

impl From<std::io::Error> for ImportError {
    fn from(e: std::io::Error) -> Self {
        ImportError::Read(ReadError::Io(e))
    }
}

/// One checked sheet on its way to the database.
struct Checked {
    sheet: Sheet,
    /// The sheet's content by column, for quarantine.
    raw: String,
    /// The answers as stored JSON (made on the reading thread).
    json: String,
    /// The form occurred earlier in this file.
    duplicate_in_file: bool,
}

/// A batch from the reading thread: the sheets and the rows read so far.
type Batch = Result<(Vec<Checked>, u64), ImportError>;

fn run<R: Read + Send>(
    conn: &mut DbConnection,
    target: &Target<'_>,
    input: R,
    options: Options,
    report: &mut dyn FnMut(&Finding),
    progress: &mut dyn FnMut(u64),
) -> Result<Summary, ImportError> {
    let mut reader = SheetReader::with_max_line(input, sheet::max_line_bytes(target.def))?;
    let header = reader.header().to_vec();
    let rules = match (&target.mapping, target.format) {
        (Some(m), _) => m.clone(),
        (None, Format::Sdaps) => mapping::sdaps(target.def),
        (None, Format::Generic) => mapping::generic(target.def, &header)
            .map_err(|cols| ImportError::UnknownColumns(cols.join(", ")))?,
    };
    let layout =
        Layout::new(target.format, &header, &rules, target.def).map_err(ImportError::Layout)?;
    let expect = Expect {
        wave_id: target.wave.id,
        version_id: target.wave.version_id,
    };
    let def = target.def;
    let batch_size = options.batch.max(1);
    let mut summary = Summary::default();
    // Columns nobody reads are said once, before the sheets, so no answer is lost unseen.
    report_all(
        &sheet::unknown_column_findings(&layout),
        report,
        &mut summary,
    );
    // Reading and checking run on one thread, writing on this one: two cores, and at most two
    // batches waiting in between, so memory stays bounded whatever the file size.
    std::thread::scope(|scope| {
        let (tx, rx) = std::sync::mpsc::sync_channel::<Batch>(2);
        scope.spawn(move || {
            let mut seen: HashSet<String> = HashSet::new();
            let mut rows = 0u64;
            let mut batch: Vec<Checked> = Vec::with_capacity(batch_size);
            loop {
                let row = match reader.next_row() {
                    Ok(r) => r,
                    Err(e) => {
                        let _ = tx.send(Err(e.into()));
                        return;
                    }
                };
                let done = row.is_none();
                if let Some(row) = row {
                    rows += 1;
                    let mut sheet = sheet::read_sheet(def, &layout, expect, &row);
                    // A line too long to read does not take its form number: the sheet may
                    // come again, whole, further on.
                    let duplicate_in_file = !sheet.form.is_empty()
                        && sheet.verdict != Verdict::SkipTooLong
                        && !seen.insert(sheet.form.clone());
                    if duplicate_in_file {
                        sheet.findings = vec![Finding {
                            line: sheet.line,
                            form: sheet::reported_value(&sheet.form),
                            column: String::new(),
                            rule: Rule::DuplicateInFile,
                            detail: "dit formuliernummer staat eerder in het bestand".into(),
                            value: sheet::reported_value(&sheet.form),
                            action: Action::SkippedDuplicate,
                        }];
                        sheet.verdict = Verdict::SkipEmpty;
                    }
                    let raw = if sheet.verdict == Verdict::Quarantine {
                        sheet::sheet_json(&layout, &row)
                    } else {
                        String::new()
                    };
                    let json = if sheet.verdict == Verdict::Import {
                        serde_json::to_string(&sheet.answers).unwrap_or_else(|_| "{}".into())
                    } else {
                        String::new()
                    };
                    // Freed here, on the thread that made it: freeing many small allocations
                    // on the other thread costs more than the check itself.
                    sheet.answers = Default::default();
                    batch.push(Checked {
                        sheet,
                        raw,
                        json,
                        duplicate_in_file,
                    });
                }
                if batch.len() >= batch_size || (done && !batch.is_empty()) {
                    let full = std::mem::replace(&mut batch, Vec::with_capacity(batch_size));
                    if tx.send(Ok((full, rows))).is_err() {
                        return; // the writer stopped (an error); nothing more to do
                    }
                }
                if done {
                    return;
                }
            }
        });
        for message in rx {
            let (sheets, rows) = message?;
            summary.rows = rows;
            store_batch(conn, target, sheets, options, report, &mut summary)?;
            progress(rows);
        }
        Ok::<(), ImportError>(())
    })?;
    progress(summary.rows);
    summary.dry_run = options.dry_run;
    summary.written = !options.dry_run
        && (summary.imported > 0 || summary.quarantined > 0)
        && !(options.all_or_nothing && (summary.quarantined > 0 || summary.too_long > 0));
    Ok(summary)
}

fn report_all(findings: &[Finding], report: &mut dyn FnMut(&Finding), summary: &mut Summary) {
    for f in findings {
        summary.findings += 1;
        report(f);
    }
}

/// Checks a batch against what is imported already, then writes it in one transaction (or only
/// counts, for a dry run).
fn store_batch(
    conn: &mut DbConnection,
    target: &Target<'_>,
    mut sheets: Vec<Checked>,
    options: Options,
    report: &mut dyn FnMut(&Finding),
    summary: &mut Summary,
) -> Result<(), ImportError> {
    let forms: Vec<&str> = sheets
        .iter()
        .filter(|c| {
            !c.sheet.form.is_empty()
                && !c.duplicate_in_file
                && c.sheet.verdict != Verdict::SkipTooLong
        })
        .map(|c| c.sheet.form.as_str())
        .collect();
    let known: HashSet<String> = paper_forms::table
        .filter(paper_forms::wave_id.eq(target.wave.id))
        .filter(paper_forms::form_id.eq_any(&forms))
        .select(paper_forms::form_id)
        .load::<String>(conn)?
        .into_iter()
        .collect();
    let mut counts = Summary::default();
    for c in &mut sheets {
        let s = &mut c.sheet;
        if c.duplicate_in_file {
            counts.duplicates += 1;
            continue;
        }
        if s.verdict == Verdict::SkipTooLong {
            counts.too_long += 1;
            continue;
        }
        if known.contains(&s.form) {
            s.findings = vec![Finding {
                line: s.line,
                form: sheet::reported_value(&s.form),
                column: String::new(),
                rule: Rule::AlreadyImported,
                detail: "dit formulier is al eerder ingelezen".into(),
                value: sheet::reported_value(&s.form),
                action: Action::SkippedDuplicate,
            }];
            s.verdict = Verdict::SkipEmpty;
            counts.duplicates += 1;
            continue;
        }
        match s.verdict {
            Verdict::Import => counts.imported += 1,
            Verdict::Quarantine => counts.quarantined += 1,
            Verdict::SkipEmpty => counts.empty += 1,
            Verdict::SkipTooLong => counts.too_long += 1,
        }
    }
    if !options.dry_run {
        write_tx(conn, |c| write_sheets(c, target, &sheets))?;
    }
    summary.imported += counts.imported;
    summary.quarantined += counts.quarantined;
    summary.duplicates += counts.duplicates;
    summary.empty += counts.empty;
    summary.too_long += counts.too_long;
    for c in &sheets {
        report_all(&c.sheet.findings, report, summary);
    }
    Ok(())
}

fn write_sheets(
    c: &mut DbConnection,
    target: &Target<'_>,
    sheets: &[Checked],
) -> Result<(), diesel::result::Error> {
    let wave = target.wave;
    let meta = Meta {
        channel: Channel::PaperScan,
        helper: None,
        language: Lang::Nl,
    };
    // Sheets imported now leave the quarantine (one statement for the batch).
    let imported: Vec<&str> = sheets
        .iter()
        .filter(|c| c.sheet.verdict == Verdict::Import)
        .map(|c| c.sheet.form.as_str())
        .collect();
    if !imported.is_empty() {
        diesel::delete(
            paper_quarantine::table
                .filter(paper_quarantine::wave_id.eq(wave.id))
                .filter(paper_quarantine::form_id.eq_any(&imported)),
        )
        .execute(c)?;
    }
    // The sheets to import go in as multi-row statements: one statement per few hundred rows costs
    // far less than one per row (answers and form numbers alike).
    let imports: Vec<&Checked> = sheets
        .iter()
        .filter(|c| c.sheet.verdict == Verdict::Import)
        .collect();
    for chunk in imports.chunks(MULTI_ROW) {
        let forms: Vec<_> = chunk
            .iter()
            .map(|c| {
                (
                    paper_forms::wave_id.eq(wave.id),
                    paper_forms::form_id.eq(c.sheet.form.as_str()),
                )
            })
            .collect();
        match c {
            DbConnection::Sqlite(conn) => {
                diesel::insert_into(paper_forms::table)
                    .values(&forms)
                    .execute(conn)?;
            }
            DbConnection::Pg(conn) => {
                diesel::insert_into(paper_forms::table)
                    .values(&forms)
                    .execute(conn)?;
            }
        }
        let answers: Vec<&str> = chunk.iter().map(|c| c.json.as_str()).collect();
        respond::insert_many(c, wave, &answers, &meta, target.today)?;
    }
    for Checked {
        sheet: s,
        raw,
        json: _,
        ..
    } in sheets
    {
        let form = if s.form.is_empty() {
            no_number_key(s.line, raw)
        } else {
            s.form.clone()
        };
        match s.verdict {
            Verdict::Import => {} // written above, many rows per statement
            Verdict::Quarantine => {
                // The newest version of a sheet replaces an older quarantined one.
                diesel::delete(
                    paper_quarantine::table
                        .filter(paper_quarantine::wave_id.eq(wave.id))
                        .filter(paper_quarantine::form_id.eq(&form)),
                )
                .execute(c)?;
                let problems = serde_json::to_string(&s.findings).unwrap_or_else(|_| "[]".into());
                diesel::insert_into(paper_quarantine::table)
                    .values((
                        paper_quarantine::wave_id.eq(wave.id),
                        paper_quarantine::form_id.eq(&form),
                        paper_quarantine::line.eq(s.line as i64),
                        paper_quarantine::sheet.eq(raw),
                        paper_quarantine::problems.eq(&problems),
                        paper_quarantine::created_on.eq(target.today),
                    ))
                    .execute(c)?;
            }
            Verdict::SkipEmpty | Verdict::SkipTooLong => {}
        }
    }
    Ok(())
}

/// The key of a sheet kept aside without a form number: its line and a fingerprint of its content.
/// Two such sheets never replace each other (not even from two files with the same line), and the
/// same file read again replaces its own copy instead of adding a second one.
pub fn no_number_key(line: u64, raw: &str) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(raw.as_bytes());
    let short = crate::fmt::hex(&digest[..6]);
    format!("{NO_NUMBER_PREFIX}{line}-{short}")
}

/// How the key of a sheet without a form number starts (see [`no_number_key`]).
pub const NO_NUMBER_PREFIX: &str = "ZONDER-NUMMER-REGEL-";

/// Sheets per multi-row insert statement (7 values each, well under SQLite's limit of variables).
const MULTI_ROW: usize = 500;

/// The columns of the validation report (Dutch headers).
const REPORT_COLUMNS: [&str; 7] = [
    "regel",
    "formulier",
    "kolom",
    "regel_overtreden",
    "uitleg",
    "waarde",
    "actie",
];

/// The header line of the validation report (CSV, one finding per line after it).
pub fn report_csv_header() -> String {
    let mut w = crate::csv_safe::Writer::from_writer(vec![]);
    let _ = w.write_record(REPORT_COLUMNS);
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// One report line (written by the product's one CSV writer: quoted as needed, and a value that
/// a spreadsheet would run as a formula gets a `'` in front).
pub fn report_csv_line(f: &Finding) -> String {
    let mut w = crate::csv_safe::Writer::from_writer(vec![]);
    let rule = serde_json::to_value(f.rule)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let action = action_text(f.action);
    let _ = w.write_record([
        f.line.to_string().as_str(),
        &f.form,
        &f.column,
        &rule,
        &f.detail,
        &f.value,
        action,
    ]);
    w.into_inner()
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// Every action, for reading a report back.
const ACTIONS: [Action; 7] = [
    Action::Imported,
    Action::ItemLeftEmpty,
    Action::Quarantined,
    Action::SkippedDuplicate,
    Action::SkippedEmpty,
    Action::SkippedTooLong,
    Action::ColumnNotRead,
];

/// The action in plain Dutch (the report file's wording).
pub fn action_text(a: Action) -> &'static str {
    match a {
        Action::Imported => "ingelezen",
        Action::ItemLeftEmpty => "antwoord leeg gelaten",
        Action::Quarantined => "formulier apart gezet",
        Action::SkippedDuplicate => "overgeslagen (dubbel)",
        Action::SkippedEmpty => "overgeslagen (leeg)",
        Action::SkippedTooLong => "overgeslagen (te lang)",
        Action::ColumnNotRead => "kolom niet gelezen",
    }
}

/// The action a report line names, if it names one.
pub fn action_of(text: &str) -> Option<Action> {
    ACTIONS.into_iter().find(|a| action_text(*a) == text)
}
