//! One scanned sheet: its form number, the OMR's flags, and its answers checked by the same rules as
//! the web questionnaire. Every problem becomes a [`Finding`] that says what was done about it, so
//! nothing is dropped without a line in the report.

use std::collections::BTreeMap;

use serde::Serialize;

use super::mapping::{range_values, ColumnRule, Meaning};
use super::reader::Row;
use crate::surveys::answers::{self, AnswerSet, ItemProblem, Posted, OTHER_CODE, OTHER_SUFFIX};
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

fn is_na(v: &str) -> bool {
    v.is_empty() || v.eq_ignore_ascii_case("NA")
}

/// What the columns of one question hold: the values, the "anders" text, and the column names.
/// (Borrowed from the row or the layout; a NUL value marks an answer already reported as wrong.)
type Marked<'a> = (Vec<&'a str>, Option<&'a str>);

/// What SDAPS writes in a one-answer question's column when more than one box is marked.
pub const SDAPS_MULTI_SELECT: &str = "error-multi-select";

/// Stands for a value that was already reported as wrong.
const REPORTED: &str = "\u{0}";

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
            _ => 0,
        })
        .sum();
    64 * 1024 + 8 * texts
}

/// Checks one row. Pure: the same row always gives the same sheet.
pub fn read_sheet(def: &Definition, layout: &Layout, expect: Expect, row: &Row) -> Sheet {
    let cell = |i: usize| row.fields.get(i).map(|s| s.trim()).unwrap_or("");
    let read_form = layout.form.map(cell).unwrap_or("");
    // SDAPS writes `None` for a sheet whose number it could not read: that sheet has no number.
    let unreadable = layout.format == Format::Sdaps && read_form == SDAPS_NONE;
    let form = if unreadable {
        String::new()
    } else {
        read_form.to_uppercase()
    };
    let mut findings: Vec<Finding> = vec![];
    let mut verdict = Verdict::Import;
    let mut flagged_empty = false;
    let mut note = |column: &str, rule: Rule, detail: String, value: &str, action: Action| {
        findings.push(Finding {
            line: row.line,
            form: reported_value(&form),
            column: column.to_string(),
            rule,
            detail,
            value: reported_value(value),
            action,
        });
    };
    if let Some(bytes) = row.too_long {
        note(
            "",
            Rule::LineTooLong,
            format!(
                "regel {} is te lang: {} bytes, en een blad van deze vragenlijst past in {} bytes. De regel is niet ingelezen en niet apart gezet; de andere regels wel. Kijk deze regel na in het bestand van de scanner en lees hem opnieuw in",
                row.line,
                grouped(bytes),
                grouped(max_line_bytes(def) as u64)
            ),
            "",
            Action::SkippedTooLong,
        );
        return Sheet {
            line: row.line,
            form,
            answers: AnswerSet::new(),
            findings,
            verdict: Verdict::SkipTooLong,
        };
    }

    // The sheet as a whole.
    if unreadable {
        note(SDAPS_FORM, Rule::NoFormNumber, "de scanner kon het formuliernummer niet lezen. Het blad is apart gezet met alles wat erop stond; zoek het papieren blad op en typ het nummer over".into(), SDAPS_NONE, Action::Quarantined);
        verdict = Verdict::Quarantine;
    } else if form.is_empty() {
        note("", Rule::NoFormNumber, "zonder formuliernummer kan een blad niet veilig worden ingelezen (het zou dubbel kunnen komen)".into(), "", Action::Quarantined);
        verdict = Verdict::Quarantine;
    } else if wave_of_form(&form) != Some(expect.wave_id) {
        note(
            "",
            Rule::OtherWave,
            format!(
                "het formuliernummer hoort niet bij ronde {}",
                expect.wave_id
            ),
            &form,
            Action::Quarantined,
        );
        verdict = Verdict::Quarantine;
    }
    if let Some(q) = layout.questionnaire {
        let v = cell(q);
        if !v.is_empty() && v != SDAPS_NONE && v != expect.version_id.to_string() {
            note(
                SDAPS_QUESTIONNAIRE,
                Rule::OtherVersion,
                format!(
                    "dit blad is van een andere versie van de vragenlijst (verwacht {})",
                    expect.version_id
                ),
                v,
                Action::Quarantined,
            );
            verdict = Verdict::Quarantine;
        }
    }
    for (i, flag) in &layout.flags {
        let v = cell(*i);
        let set = v == "1" || v.eq_ignore_ascii_case("true");
        let unset = v == "0" || v.eq_ignore_ascii_case("false");
        match *flag {
            "empty" if set => {
                flagged_empty = true;
                if verdict == Verdict::Import {
                    verdict = Verdict::SkipEmpty;
                }
                note(
                    flag,
                    Rule::OmrEmpty,
                    "de scanner vond niets aangekruist".into(),
                    v,
                    if verdict == Verdict::SkipEmpty {
                        Action::SkippedEmpty
                    } else {
                        Action::Quarantined
                    },
                );
            }
            "valid" if unset => {
                note(
                    flag,
                    Rule::OmrInvalid,
                    "de scanner keurde het blad af".into(),
                    v,
                    Action::Quarantined,
                );
                verdict = Verdict::Quarantine;
            }
            "recognized" if unset => {
                note(
                    flag,
                    Rule::OmrUnrecognised,
                    "de scanner herkende het blad niet".into(),
                    v,
                    Action::Quarantined,
                );
                verdict = Verdict::Quarantine;
            }
            "verified" if unset => note(
                flag,
                Rule::OmrUnverified,
                "niemand heeft de herkenning nagekeken".into(),
                v,
                Action::Imported,
            ),
            _ => {}
        }
    }
    // A remark on the sheet or on one question: someone saw something the scanner could not.
    for r in &layout.reviews {
        let v = cell(*r);
        if !v.is_empty() {
            let column = layout
                .header
                .get(*r)
                .map(String::as_str)
                .unwrap_or("review");
            note(
                column,
                Rule::OmrReview,
                "de scanner-operator schreef een opmerking; kijk het blad na".into(),
                v,
                Action::Quarantined,
            );
            verdict = Verdict::Quarantine;
        }
    }

    // The answers, per question, with the web questionnaire's rules.
    let items: Vec<&crate::surveys::definition::Item> = def.items().collect();
    let mut values: Vec<Option<Marked<'_>>> = vec![None; items.len()];
    for (i, rule, index) in &layout.columns {
        let v = cell(*i);
        let item = items[*index];
        let entry = values[*index].get_or_insert_with(Default::default);
        match &rule.meaning {
            Meaning::Range => {
                if is_na(v) {
                    continue;
                }
                // SDAPS's word for two or more boxes marked on a one-answer question.
                if v.eq_ignore_ascii_case(SDAPS_MULTI_SELECT) {
                    note(
                        &rule.column,
                        Rule::DoubleMark,
                        "meer dan één vakje aangekruist bij een vraag met één antwoord".into(),
                        v,
                        Action::ItemLeftEmpty,
                    );
                    entry.0.push(REPORTED);
                    continue;
                }
                let range = &layout.ranges[*index];
                match v
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=range.len()).contains(n))
                {
                    Some(n) => entry.0.push(range[n - 1].as_str()),
                    None => {
                        note(
                            &rule.column,
                            Rule::OutOfRange,
                            format!("verwacht 1 tot en met {} of NA", range.len()),
                            v,
                            Action::ItemLeftEmpty,
                        );
                        entry.0.push(REPORTED);
                    }
                }
            }
            Meaning::Box(code) => match v {
                "1" => entry.0.push(code.as_str()),
                "0" | "" => {}
                // SDAPS's "anders, namelijk" is a text box among the boxes: it holds the typed text.
                text if layout.format == Format::Sdaps && code == OTHER_CODE => {
                    entry.0.push(code.as_str());
                    if entry.1.is_none() {
                        entry.1 = Some(text);
                    }
                }
                other => {
                    note(
                        &rule.column,
                        Rule::NotABox,
                        "verwacht 0 of 1".into(),
                        other,
                        Action::ItemLeftEmpty,
                    );
                    entry.0.push(REPORTED);
                }
            },
            Meaning::Value => {
                if !v.is_empty() {
                    if matches!(item.kind, ItemKind::Multi { .. }) {
                        entry.0.extend(v.split('|').map(str::trim));
                    } else {
                        entry.0.push(v);
                    }
                }
            }
            Meaning::Text | Meaning::OtherText => {
                let text = row.fields.get(*i).map(|s| s.trim()).unwrap_or("");
                // SDAPS writes 0/1 for a text box that was not typed over.
                let untranscribed = layout.format == Format::Sdaps && (text == "0" || text == "1");
                if untranscribed {
                    if text == "1" {
                        note(
                            &rule.column,
                            Rule::TextNotTranscribed,
                            "er is iets geschreven maar niet overgetypt".into(),
                            text,
                            Action::ItemLeftEmpty,
                        );
                    }
                } else if !text.is_empty() {
                    if rule.meaning == Meaning::Text {
                        entry.0.push(text);
                    } else {
                        entry.1 = Some(text);
                    }
                }
            }
        }
    }
    let mut answers = AnswerSet::new();
    for (index, item) in items.iter().enumerate() {
        let Some((vals, other)) = &values[index] else {
            continue;
        };
        let column = || layout.item_columns[index].clone();
        if vals.contains(&REPORTED) {
            continue; // already reported
        }
        let one_answer = matches!(
            item.kind,
            ItemKind::Single { .. } | ItemKind::Scale { .. } | ItemKind::Grade
        );
        if one_answer && vals.len() > 1 {
            note(
                &column(),
                Rule::DoubleMark,
                "meer dan één vakje aangekruist bij een vraag met één antwoord".into(),
                &vals.join("|"),
                Action::ItemLeftEmpty,
            );
            continue;
        }
        let posted = Posted {
            values: vals.clone(),
            other: *other,
        };
        match answers::parse_item(item, &posted) {
            Ok(Some((value, other_text))) => {
                answers.insert(item.key.clone(), value);
                if let Some(o) = other_text {
                    answers.insert(
                        format!("{}{OTHER_SUFFIX}", item.key),
                        answers::Stored::Text(o),
                    );
                }
            }
            Ok(None) => {}
            Err(p) => {
                let (key, args) = p.clerk_message();
                let detail = crate::web::i18n::t_args(
                    crate::web::i18n::Lang::Nl,
                    key,
                    &args
                        .iter()
                        .map(|(k, v)| (*k, v.as_str()))
                        .collect::<Vec<_>>(),
                );
                // A text that is too long is kept whole for correction, never cut off.
                let action = if matches!(p, ItemProblem::TooLong { .. }) {
                    verdict = Verdict::Quarantine;
                    Action::Quarantined
                } else {
                    Action::ItemLeftEmpty
                };
                let shown = if vals.is_empty() {
                    other.unwrap_or_default().to_string()
                } else {
                    vals.join("|")
                };
                note(&column(), Rule::InvalidAnswer, detail, &shown, action);
            }
        }
    }
    // Answers in a block that the sheet's own answers hide (on paper anyone can fill in anything).
    // Only questions with a condition can be hidden; most sheets answer none of them.
    // The value as read is kept for the report: the clerk sees what was marked, not a key.
    let answered_conditional: Vec<(usize, &str, String)> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.show_if.is_some())
        .filter_map(|(n, i)| {
            let shown = values[n]
                .as_ref()
                .map(|(vals, other)| match (vals.is_empty(), other) {
                    (false, _) => vals.join("|"),
                    (true, Some(o)) => o.to_string(),
                    (true, None) => String::new(),
                })
                .unwrap_or_default();
            answers
                .contains_key(&i.key)
                .then_some((n, i.key.as_str(), shown))
        })
        .collect();
    if !answered_conditional.is_empty() {
        answers::prune_hidden(def, &mut answers);
    }
    for (index, key, shown) in &answered_conditional {
        if answers.contains_key(*key) {
            continue;
        }
        let column = layout.item_columns[*index].clone();
        let question = answers::text_in(&items[*index].text, crate::web::i18n::Lang::Nl);
        note(
            &column,
            Rule::NotApplicable,
            format!("de vraag \"{question}\" gold niet voor deze persoon (door een eerder antwoord op het blad); het antwoord telt niet mee"),
            shown,
            Action::ItemLeftEmpty,
        );
    }
    if verdict == Verdict::Import && answers.is_empty() && !flagged_empty {
        // Nothing usable on a sheet that claims not to be empty: it is counted as empty, with a line.
        note(
            "",
            Rule::OmrEmpty,
            "er staat geen bruikbaar antwoord op het blad".into(),
            "",
            Action::SkippedEmpty,
        );
        verdict = Verdict::SkipEmpty;
    }
    // Findings say what finally happened to the sheet.
    if verdict == Verdict::Quarantine {
        for f in &mut findings {
            if f.action == Action::ItemLeftEmpty || f.action == Action::Imported {
                f.action = Action::Quarantined;
            }
        }
    }
    Sheet {
        line: row.line,
        form,
        answers,
        findings,
        verdict,
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::paper::mapping;

    fn standard() -> Definition {
        crate::surveys::shipped().unwrap().remove(0)
    }

    const EXPECT: Expect = Expect {
        wave_id: 3,
        version_id: 1,
    };

    fn generic_sheet(def: &Definition, cols: &[(&str, &str)]) -> Sheet {
        let header: Vec<String> = cols.iter().map(|(h, _)| h.to_string()).collect();
        let rules = mapping::generic(def, &header).unwrap();
        let layout = Layout::new(Format::Generic, &header, &rules, def).unwrap();
        let row = Row {
            line: 2,
            fields: cols.iter().map(|(_, v)| v.to_string()).collect(),
            too_long: None,
        };
        read_sheet(def, &layout, EXPECT, &row)
    }

    #[test]
    fn form_numbers_carry_their_wave() {
        assert_eq!(form_number(3, 127), "R3-000127");
        assert_eq!(wave_of_form("r3-000127"), Some(3));
        assert_eq!(wave_of_form("R3-"), None);
        assert_eq!(wave_of_form("3-1"), None);
        assert_eq!(wave_of_form("R3-12a"), None);
    }

    #[test]
    fn a_good_generic_sheet_is_imported() {
        let def = standard();
        let s = generic_sheet(
            &def,
            &[
                ("form_id", "r3-000001"),
                ("cijfer", "8"),
                ("kanaal", "telefoon|anders"),
                ("kanaal.anders", "WhatsApp"),
                ("bereikbaar", "weet_niet"),
            ],
        );
        assert_eq!(s.verdict, Verdict::Import, "{:?}", s.findings);
        assert_eq!(s.form, "R3-000001");
        assert!(s.findings.is_empty());
        assert_eq!(s.answers["cijfer"], answers::Stored::Number(8));
        assert_eq!(
            s.answers["kanaal.anders"],
            answers::Stored::Text("WhatsApp".into())
        );
    }

    #[test]
    fn bad_values_empty_the_item_and_long_texts_quarantine_the_sheet() {
        let def = standard();
        let s = generic_sheet(
            &def,
            &[
                ("form_id", "R3-2"),
                ("cijfer", "11"),
                ("bereikbaar", "4"),
                ("team", "nergens"),
            ],
        );
        assert_eq!(s.verdict, Verdict::Import);
        assert_eq!(s.findings.len(), 2, "{:?}", s.findings);
        assert!(s.findings.iter().all(|f| f.action == Action::ItemLeftEmpty));
        assert!(!s.answers.contains_key("cijfer"));
        assert_eq!(s.answers["bereikbaar"], answers::Stored::Number(4));
        let long = "x".repeat(1001);
        let s = generic_sheet(
            &def,
            &[("form_id", "R3-3"), ("wat_goed", &long), ("cijfer", "7")],
        );
        assert_eq!(s.verdict, Verdict::Quarantine);
        assert!(s.findings.iter().all(|f| f.action == Action::Quarantined));
    }

    #[test]
    fn answers_in_a_hidden_block_do_not_count() {
        let def = standard();
        let s = generic_sheet(
            &def,
            &[
                ("form_id", "R3-4"),
                ("terugvordering", "nee"),
                ("tv_afhandeling", "2"),
            ],
        );
        assert_eq!(s.verdict, Verdict::Import);
        assert!(!s.answers.contains_key("tv_afhandeling"));
        assert_eq!(s.findings[0].rule, Rule::NotApplicable);
    }

    #[test]
    fn sheet_level_problems() {
        let def = standard();
        let s = generic_sheet(&def, &[("form_id", ""), ("cijfer", "7")]);
        assert_eq!(s.verdict, Verdict::Quarantine);
        assert_eq!(s.findings[0].rule, Rule::NoFormNumber);
        let s = generic_sheet(&def, &[("form_id", "R4-000001"), ("cijfer", "7")]);
        assert_eq!(s.findings[0].rule, Rule::OtherWave);
        let s = generic_sheet(&def, &[("form_id", "R3-000009"), ("cijfer", "")]);
        assert_eq!(s.verdict, Verdict::SkipEmpty);
    }

    #[test]
    fn a_line_too_long_is_one_finding_that_names_the_line_and_stores_nothing() {
        let def = standard();
        let header = vec!["form_id".to_string(), "wat_goed".into()];
        let rules = mapping::generic(&def, &header).unwrap();
        let layout = Layout::new(Format::Generic, &header, &rules, &def).unwrap();
        let row = Row {
            line: 9,
            fields: vec!["R3-000004".into()],
            too_long: Some(104_857_600),
        };
        let s = read_sheet(&def, &layout, EXPECT, &row);
        assert_eq!(s.verdict, Verdict::SkipTooLong);
        assert!(s.answers.is_empty());
        assert_eq!(s.findings.len(), 1);
        let f = &s.findings[0];
        assert_eq!(
            (f.rule, f.action, f.line),
            (Rule::LineTooLong, Action::SkippedTooLong, 9)
        );
        assert_eq!(f.form, "R3-000004");
        assert!(
            f.detail
                .starts_with("regel 9 is te lang: 104.857.600 bytes"),
            "{}",
            f.detail
        );
        assert!(
            max_line_bytes(&def) > 3 * 1000 * 4,
            "room for every open answer at its longest"
        );
    }

    #[test]
    fn reported_values_are_cut_and_say_their_length() {
        assert_eq!(reported_value("kort"), "kort");
        let long = "ë".repeat(REPORTED_VALUE_CHARS + 50);
        let v = reported_value(&long);
        assert!(v.starts_with(&"ë".repeat(REPORTED_VALUE_CHARS)));
        assert!(v.ends_with("… (ingekort, 250 tekens)"), "{v}");
    }

    #[test]
    fn sdaps_rows_with_flags_boxes_and_double_marks() {
        let def = standard();
        let rules = mapping::sdaps(&def);
        let mut header: Vec<String> = [
            "questionnaire_id",
            "global_id",
            "empty",
            "valid",
            "recognized",
            "verified",
            "review",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        header.extend(["1_1_1", "1_1_2", "1_1_3", "1_5", "1_3_7"].map(String::from));
        let layout = Layout::new(Format::Sdaps, &header, &rules, &def).unwrap();
        let row = |fields: &[&str]| Row {
            line: 7,
            fields: fields.iter().map(|s| s.to_string()).collect(),
            too_long: None,
        };
        // Two boxes on laatste_contact; range 6 on bereikbaar = weet niet; anders with its text.
        let s = read_sheet(
            &def,
            &layout,
            EXPECT,
            &row(&[
                "R3-000010",
                "1",
                "0",
                "1",
                "1",
                "1",
                "",
                "1",
                "1",
                "0",
                "6",
                "Buurthuis",
            ]),
        );
        assert_eq!(s.verdict, Verdict::Import, "{:?}", s.findings);
        assert_eq!(s.findings.len(), 1);
        assert_eq!(s.findings[0].rule, Rule::DoubleMark);
        assert_eq!(s.findings[0].column, "1_1_1+1_1_2+1_1_3");
        assert_eq!(
            s.answers["bereikbaar"],
            answers::Stored::Text("weet_niet".into())
        );
        assert_eq!(
            s.answers["kanaal"],
            answers::Stored::List(vec!["anders".into()])
        );
        assert_eq!(
            s.answers["kanaal.anders"],
            answers::Stored::Text("Buurthuis".into()),
            "SDAPS's anders box holds the typed text"
        );
        // Flagged empty, invalid, other version, review remark.
        let s = read_sheet(
            &def,
            &layout,
            EXPECT,
            &row(&[
                "R3-000011",
                "1",
                "1",
                "1",
                "1",
                "1",
                "",
                "0",
                "0",
                "0",
                "NA",
                "0",
            ]),
        );
        assert_eq!(s.verdict, Verdict::SkipEmpty);
        let s = read_sheet(
            &def,
            &layout,
            EXPECT,
            &row(&[
                "R3-000012",
                "1",
                "0",
                "0",
                "1",
                "0",
                "",
                "1",
                "0",
                "0",
                "3",
                "0",
            ]),
        );
        assert_eq!(s.verdict, Verdict::Quarantine);
        assert!(s.findings.iter().any(|f| f.rule == Rule::OmrInvalid));
        assert!(s.findings.iter().any(|f| f.rule == Rule::OmrUnverified));
        let s = read_sheet(
            &def,
            &layout,
            EXPECT,
            &row(&[
                "R3-000013",
                "2",
                "0",
                "1",
                "1",
                "1",
                "vlek",
                "1",
                "0",
                "0",
                "9",
                "0",
            ]),
        );
        assert_eq!(s.verdict, Verdict::Quarantine);
        assert!(s.findings.iter().any(|f| f.rule == Rule::OtherVersion));
        assert!(s.findings.iter().any(|f| f.rule == Rule::OmrReview));
        assert!(s
            .findings
            .iter()
            .any(|f| f.rule == Rule::OutOfRange && f.value == "9"));
    }
}
