//! One scanned sheet: its form number, the OMR's flags, and its answers checked by the same rules as
//! the web questionnaire. Every problem becomes a [`Finding`] that says what was done about it, so
//! nothing is dropped without a line in the report.

use std::collections::BTreeMap;

use serde::Serialize;

use super::mapping::{range_values, ColumnRule, Meaning};
use super::reader::Row;
use crate::surveys::answers::{self, AnswerSet};
use crate::surveys::definition::{Definition, ItemKind};

/// The form-number column of the generic format.
pub const GENERIC_FORM_COLUMN: &str = "form_id";

/// Input formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// SDAPS csvdata export.
    Sdaps,
    /// A header of question keys plus `form_id`.
    Generic,
}

/// What was wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// No form number on the sheet.
    NoFormNumber,
    /// The form number belongs to another wave, or is not a form number of this product.
    OtherWave,
    /// The sheet is of another questionnaire version.
    OtherVersion,
    /// The OMR found nothing marked.
    OmrEmpty,
    /// The OMR marked the sheet invalid.
    OmrInvalid,
    /// The OMR could not recognise the sheet.
    OmrUnrecognised,
    /// Nobody verified the OMR's reading (noted; the sheet is imported).
    OmrUnverified,
    /// The operator left a review remark.
    OmrReview,
    /// Two or more boxes marked on a one-answer question.
    DoubleMark,
    /// A box number outside the question's range.
    OutOfRange,
    /// A box column with something else than 0 or 1.
    NotABox,
    /// A handwritten text that was not typed over (SDAPS exports such a box as 0/1).
    TextNotTranscribed,
    /// The value breaks a rule of the question (the message says which).
    InvalidAnswer,
    /// An answer to a question that the sheet's own answers make not applicable.
    NotApplicable,
    /// The same form number earlier in this file.
    DuplicateInFile,
    /// The form number was imported before.
    AlreadyImported,
    /// The line is longer than a sheet of this questionnaire can be (it was skipped unread).
    LineTooLong,
    /// A column of the file that belongs to no question of the mapping (it was not read).
    UnknownColumn,
}

/// What was done about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// The sheet was imported (a note).
    Imported,
    /// This answer was left empty; the rest of the sheet was imported.
    ItemLeftEmpty,
    /// The whole sheet is kept aside for correction.
    Quarantined,
    /// Skipped: the form was imported already or occurs twice.
    SkippedDuplicate,
    /// Skipped: nothing was marked on the sheet.
    SkippedEmpty,
    /// Skipped: the line is too long to be a sheet; nothing of it was stored.
    SkippedTooLong,
    /// A column of the file was not read (it belongs to no question).
    ColumnNotRead,
}

/// One line of the validation report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Finding {
    /// Line in the file.
    pub line: u64,
    /// Form number (may be empty).
    pub form: String,
    /// Column (empty for the whole sheet).
    pub column: String,
    /// The rule.
    pub rule: Rule,
    /// Details in plain Dutch (for example the allowed range).
    pub detail: String,
    /// The value found.
    pub value: String,
    /// What was done.
    pub action: Action,
}

/// What happens with a sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Store its answers.
    Import,
    /// Keep it aside for correction.
    Quarantine,
    /// Nothing to store.
    SkipEmpty,
    /// The line was too long to read; nothing to store, counted apart.
    SkipTooLong,
}

/// A checked sheet.
#[derive(Debug, Clone)]
pub struct Sheet {
    /// Line in the file.
    pub line: u64,
    /// Form number as printed (upper case, trimmed).
    pub form: String,
    /// The answers that passed.
    pub answers: AnswerSet,
    /// Every problem and what was done.
    pub findings: Vec<Finding>,
    /// The outcome.
    pub verdict: Verdict,
}

/// A form number: `R{wave}-{sheet}`, for example `R3-000127`.
pub fn form_number(wave_id: i64, sheet: u64) -> String {
    format!("R{wave_id}-{sheet:06}")
}

/// The wave in a form number, if it is one.
pub fn wave_of_form(form: &str) -> Option<i64> {
    let rest = form.trim().strip_prefix(['R', 'r'])?;
    let (wave, sheet) = rest.split_once('-')?;
    if sheet.is_empty() || !sheet.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    wave.parse().ok()
}

/// A form number as read or typed, written the one way it is stored: `r3-127`, `R3-0127` and
/// ` R3-000127 ` are all `R3-000127`, so the same form is never stored twice under two spellings.
/// Anything that is not a form number is only trimmed and put in capitals.
pub fn canonical_form(typed: &str) -> String {
    let t = typed.trim().to_uppercase();
    match (wave_of_form(&t), sheet_of_form(&t)) {
        (Some(wave), Some(sheet)) => form_number(wave, sheet),
        _ => t,
    }
}

/// The number of the form within its wave (`R3-000127`: 127), if it is a form number.
pub fn sheet_of_form(form: &str) -> Option<u64> {
    wave_of_form(form)?;
    form.trim().split_once('-')?.1.parse().ok()
}

/// Where things are in the file: found once from the header.
#[derive(Debug, Clone)]
pub struct Layout {
    format: Format,
    form: Option<usize>,
    questionnaire: Option<usize>,
    flags: Vec<(usize, &'static str)>,
    /// The sheet's `review` column and every question's `…_review` column (SDAPS).
    reviews: Vec<usize>,
    /// (file column, rule, index of the question in questionnaire order).
    columns: Vec<(usize, ColumnRule, usize)>,
    /// Per question: the values behind boxes 1..N, and its columns (for the report).
    ranges: Vec<Vec<String>>,
    item_columns: Vec<String>,
    header: Vec<String>,
    /// Columns of the file that were not matched to anything (reported once per file).
    unknown: Vec<String>,
}

/// SDAPS sheet columns. SDAPS prints `questionnaire_id` on each sheet (our form number) and one
/// `global_id` for the whole survey (our questionnaire text number); see SDAPS's `csvdata` module.
const SDAPS_FORM: &str = "questionnaire_id";
const SDAPS_QUESTIONNAIRE: &str = "global_id";
const SDAPS_FLAGS: [&str; 4] = ["empty", "valid", "recognized", "verified"];
/// What SDAPS writes for an id it could not read (Python's `str(None)`).
pub const SDAPS_NONE: &str = "None";
/// Columns SDAPS adds per question on request: a remark, a picture, a mark's quality.
const SDAPS_EXTRA_SUFFIXES: [&str; 3] = ["_review", "_image", "_quality"];

impl Layout {
    /// Matches the header against the mapping. A mapped column missing from the file is no
    /// problem (those questions are unanswered); a missing form-number column is.
    pub fn new(
        format: Format,
        header: &[String],
        rules: &[ColumnRule],
        def: &Definition,
    ) -> Result<Layout, String> {
        let pos = |name: &str| header.iter().position(|h| h.eq_ignore_ascii_case(name));
        let form_name = match format {
            Format::Sdaps => SDAPS_FORM,
            Format::Generic => GENERIC_FORM_COLUMN,
        };
        let form = pos(form_name);
        if form.is_none() {
            return Err(format!(
                "de kolom '{form_name}' met het formuliernummer ontbreekt in de kopregel"
            ));
        }
        let columns: Vec<(usize, ColumnRule, usize)> = rules
            .iter()
            .filter_map(|r| {
                let item = def.items().position(|i| i.key == r.item)?;
                let at = pos(&r.column).or_else(|| match (format, &r.meaning) {
                    // An export made for an older layout names a text question without its box.
                    (Format::Sdaps, Meaning::Text) => r.column.strip_suffix("_1").and_then(pos),
                    _ => None,
                })?;
                Some((at, r.clone(), item))
            })
            .collect();
        if columns.is_empty() {
            return Err("geen enkele kolom van het bestand hoort bij een vraag; kies het goede formaat of de goede koppeling".into());
        }
        let (questionnaire, flags, reviews) = match format {
            Format::Sdaps => (
                pos(SDAPS_QUESTIONNAIRE),
                SDAPS_FLAGS
                    .iter()
                    .filter_map(|f| pos(f).map(|i| (i, *f)))
                    .collect(),
                header
                    .iter()
                    .enumerate()
                    .filter(|(_, h)| h.eq_ignore_ascii_case("review") || h.ends_with("_review"))
                    .map(|(i, _)| i)
                    .collect(),
            ),
            Format::Generic => (None, vec![], vec![]),
        };
        let unknown = match format {
            Format::Sdaps => sdaps_unknown(header, rules, def, &columns),
            Format::Generic => vec![],
        };
        let ranges = def.items().map(range_values).collect();
        let item_columns = def
            .items()
            .enumerate()
            .map(|(n, _)| {
                columns
                    .iter()
                    .filter(|(_, _, i)| *i == n)
                    .map(|(_, r, _)| r.column.as_str())
                    .collect::<Vec<_>>()
                    .join("+")
            })
            .collect();
        Ok(Layout {
            format,
            form,
            questionnaire,
            flags,
            reviews,
            columns,
            ranges,
            item_columns,
            header: header.to_vec(),
            unknown,
        })
    }

    /// The header, for storing a quarantined sheet by column name.
    pub fn header(&self) -> &[String] {
        &self.header
    }

    /// The file's columns that were not read: each gets one line in the report (see
    /// [`unknown_column_findings`]).
    pub fn unknown_columns(&self) -> &[String] {
        &self.unknown
    }
}

/// The columns of an SDAPS export that no rule reads and that SDAPS does not write as a
/// repetition of a column that is read. SDAPS writes, besides the columns the mapping reads: the
/// sheet columns; a `…_review` column per question and section (read as remarks), `…_image` and
/// `…_quality` on request; for a one-answer question both its value column `s_i` and its boxes
/// `s_i_b`. A box of a range question is the same answer as its value column; a value column of a
/// choice question is the same answer as its boxes. Anything else would be ignored silently.
fn sdaps_unknown(
    header: &[String],
    rules: &[ColumnRule],
    def: &Definition,
    read: &[(usize, ColumnRule, usize)],
) -> Vec<String> {
    let items: Vec<&crate::surveys::definition::Item> = def.items().collect();
    // Columns that repeat a question that is read, with how many boxes that question has.
    let mut repeats: Vec<String> = vec![];
    for (_, rule, index) in read {
        let n = range_values(items[*index]).len();
        match rule.meaning {
            Meaning::Range => {
                repeats.extend((1..=n).map(|b| format!("{}_{b}", rule.column)));
            }
            Meaning::Box(_) | Meaning::OtherText => {
                if let Some((base, _)) = rule.column.rsplit_once('_') {
                    repeats.push(base.to_string());
                }
            }
            _ => {}
        }
    }
    header
        .iter()
        .enumerate()
        .filter(|(i, h)| {
            let h = h.as_str();
            !h.is_empty()
                && !read.iter().any(|(at, _, _)| at == i)
                && !rules.iter().any(|r| r.column.eq_ignore_ascii_case(h))
                && !h.eq_ignore_ascii_case(SDAPS_FORM)
                && !h.eq_ignore_ascii_case(SDAPS_QUESTIONNAIRE)
                && !h.eq_ignore_ascii_case("review")
                && !SDAPS_FLAGS.iter().any(|f| h.eq_ignore_ascii_case(f))
                && !SDAPS_EXTRA_SUFFIXES.iter().any(|s| h.ends_with(s))
                && !repeats.iter().any(|r| r.eq_ignore_ascii_case(h))
        })
        .map(|(_, h)| h.clone())
        .collect()
}

/// One report line per column that was not read (line 1: the header).
pub fn unknown_column_findings(layout: &Layout) -> Vec<Finding> {
    layout
        .unknown
        .iter()
        .map(|c| Finding {
            line: 1,
            form: String::new(),
            column: reported_value(c),
            rule: Rule::UnknownColumn,
            detail: "deze kolom hoort bij geen enkele vraag van de koppeling en is niet gelezen; klopt de koppeling met het formulier van de scanner? Pas anders de koppeling aan en lees het bestand opnieuw in".into(),
            value: String::new(),
            action: Action::ColumnNotRead,
        })
        .collect()
}

/// What the sheets of this import must belong to.
#[derive(Debug, Clone, Copy)]
pub struct Expect {
    /// The wave.
    pub wave_id: i64,
    /// Its questionnaire text (the `questionnaire_id` printed for SDAPS).
    pub version_id: i64,
}

/// What SDAPS writes in a one-answer question's column when more than one box is marked.
pub const SDAPS_MULTI_SELECT: &str = "error-multi-select";

/// Most characters of a value in the report; a longer value is cut there and says how long it was
/// (the whole text stays on the sheet kept aside, and in the scanner's file).
pub const REPORTED_VALUE_CHARS: usize = 200;

/// A value as the report shows it: whole up to [`REPORTED_VALUE_CHARS`] characters, otherwise its
/// start and its length, so the report never silently drops text and never grows with the file.
pub fn reported_value(value: &str) -> String {
    match value.char_indices().nth(REPORTED_VALUE_CHARS) {
        None => value.to_string(),
        Some((cut, _)) => format!(
            "{}… (ingekort, {} tekens)",
            &value[..cut],
            grouped(value.chars().count() as u64)
        ),
    }
}

/// A number with a dot between thousands, as Dutch readers write it (104.857.600).
fn grouped(n: u64) -> String {
    super::progress::grouped(n)
}

/// The longest line a sheet of `def` can need, in bytes: every open answer at its longest (four
/// bytes a character, twice for quotes doubled inside), every "anders" text, plus 64 KB for the
/// boxes and the scanner's own columns. A longer line is not a sheet and is skipped unread.
pub fn max_line_bytes(def: &Definition) -> usize {
    let texts: usize = def
        .items()
        .map(|i| match &i.kind {
            ItemKind::Text { max_length } => *max_length as usize,
            ItemKind::Single { other: true, .. } | ItemKind::Multi { other: true, .. } => {
                answers::OTHER_MAX
            }
            // Short answers: the 64 KiB below holds them; a new kind decides here.
            ItemKind::Single { other: false, .. }
            | ItemKind::Multi { other: false, .. }
            | ItemKind::Grade
            | ItemKind::Scale { .. }
            | ItemKind::Number { .. } => 0,
        })
        .sum();
    64 * 1024 + 8 * texts
}

/// A quarantined sheet's content by column name, to show and correct it later.
pub fn sheet_json(layout: &Layout, row: &Row) -> String {
    let map: BTreeMap<&str, &str> = layout
        .header()
        .iter()
        .zip(row.fields.iter())
        .map(|(h, v)| (h.as_str(), v.as_str()))
        .collect();
    serde_json::to_string(&map).unwrap_or_else(|_| "{}".into())
}

mod read;
pub use read::read_sheet;

#[cfg(test)]
mod tests;
