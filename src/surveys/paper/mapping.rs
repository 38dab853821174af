//! Which column of an OMR export means which question, option and value. Generated from the
//! questionnaire for SDAPS (columns named after the question's position, as SDAPS names them), read
//! from a mapping file an operator wrote by hand, or taken from the header for the generic format.
//!
//! Mapping file (CSV, `,` or `;`): a header `kolom,vraag,betekenis`, then one line per column:
//!
//! | betekenis | the column holds |
//! |---|---|
//! | `reeks` | a row of boxes numbered 1..N: the N-th value of the question (scale points 1–5 then "weet niet"/"n.v.t."; grades 1–10; options in order); `NA` or empty for none |
//! | `vakje:CODE` | one box, 0 or 1, for the option with this code (single or multiple choice) |
//! | `waarde` | the stored value itself: an option code, a number, a scale point; several codes separated by `|` |
//! | `tekst` | free text, or a number written in figures |
//! | `anders-tekst` | the "anders, namelijk" text of the question |

use crate::surveys::answers::OTHER_CODE;
use crate::surveys::definition::{Definition, Item, ItemKind};

/// What one column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// Boxes numbered 1..N (see [`range_values`]).
    Range,
    /// One 0/1 box for this option code.
    Box(String),
    /// The stored value itself (codes separated by `|` for multiple choice).
    Value,
    /// Free text or a number.
    Text,
    /// The "anders, namelijk" text.
    OtherText,
}

impl Meaning {
    fn code(&self) -> String {
        match self {
            Meaning::Range => "reeks".into(),
            Meaning::Box(c) => format!("vakje:{c}"),
            Meaning::Value => "waarde".into(),
            Meaning::Text => "tekst".into(),
            Meaning::OtherText => "anders-tekst".into(),
        }
    }
}

/// One mapped column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColumnRule {
    /// Column name in the export.
    pub column: String,
    /// Question key.
    pub item: String,
    /// What the column holds.
    pub meaning: Meaning,
}

/// The values behind box 1..N of a range column: scale points then the "weet niet" answer, grades,
/// or the options in order (with "anders" last).
pub fn range_values(item: &Item) -> Vec<String> {
    match &item.kind {
        ItemKind::Grade => (1..=10).map(|n| n.to_string()).collect(),
        ItemKind::Scale { dont_know, .. } => {
            let mut v: Vec<String> = (1..=5).map(|n| n.to_string()).collect();
            v.extend(dont_know.iter().cloned());
            v
        }
        ItemKind::Single { options, other } | ItemKind::Multi { options, other } => {
            let mut v: Vec<String> = options.iter().map(|o| o.code.clone()).collect();
            if *other {
                v.push(OTHER_CODE.into());
            }
            v
        }
        ItemKind::Text { .. } | ItemKind::Number { .. } => vec![],
    }
}

/// The SDAPS layout of a questionnaire, as SDAPS's `csvdata` export names its columns: question
/// `i` of section `s` is `s_i`; ranges (grades, scales) are read from their value column `s_i`
/// (SDAPS writes the boxes `s_i_b` beside it), choices from one column per box `s_i_b`, where the
/// "anders" box is a text box holding 0/1 or the typed text; a text or number is a text box, so
/// SDAPS writes it in `s_i_1`.
pub fn sdaps(def: &Definition) -> Vec<ColumnRule> {
    let mut out = vec![];
    for (s, section) in def.sections.iter().enumerate() {
        for (i, item) in section.items.iter().enumerate() {
            let base = format!("{}_{}", s + 1, i + 1);
            let rule = |column: String, meaning: Meaning| ColumnRule {
                column,
                item: item.key.clone(),
                meaning,
            };
            match &item.kind {
                ItemKind::Grade | ItemKind::Scale { .. } => out.push(rule(base, Meaning::Range)),
                ItemKind::Single { .. } | ItemKind::Multi { .. } => {
                    for (b, code) in range_values(item).into_iter().enumerate() {
                        out.push(rule(format!("{base}_{}", b + 1), Meaning::Box(code)));
                    }
                }
                ItemKind::Text { .. } | ItemKind::Number { .. } => {
                    out.push(rule(format!("{base}_1"), Meaning::Text))
                }
            }
        }
    }
    out
}

/// The generic format: a column per question key holding the stored value, `KEY.anders` for the
/// "anders" text. Every other column (besides `form_id`) is an error: it would be ignored silently.
pub fn generic(def: &Definition, header: &[String]) -> Result<Vec<ColumnRule>, Vec<String>> {
    let mut out = vec![];
    let mut unknown = vec![];
    for column in header {
        if column == super::sheet::GENERIC_FORM_COLUMN || column.is_empty() {
            continue;
        }
        let (key, meaning) = match column.strip_suffix(".anders") {
            Some(k) => (k, Meaning::OtherText),
            None => (column.as_str(), Meaning::Value),
        };
        match def.item(key) {
            Some(item) => out.push(ColumnRule {
                column: column.clone(),
                item: item.key.clone(),
                meaning,
            }),
            None => unknown.push(column.clone()),
        }
    }
    if unknown.is_empty() {
        Ok(out)
    } else {
        Err(unknown)
    }
}

/// Writes a mapping as the CSV file described above.
pub fn to_csv(rules: &[ColumnRule]) -> String {
    let rows = std::iter::once(["kolom".to_string(), "vraag".into(), "betekenis".into()]).chain(
        rules
            .iter()
            .map(|r| [r.column.clone(), r.item.clone(), r.meaning.code()]),
    );
    crate::csv_safe::to_vec(rows)
        .ok()
        .and_then(|b| String::from_utf8(b).ok())
        .unwrap_or_default()
}

/// Reads a mapping file and checks it against the questionnaire; every problem names its line.
pub fn from_csv(def: &Definition, text: &str) -> Result<Vec<ColumnRule>, Vec<String>> {
    let mut reader = match super::reader::SheetReader::new(text.as_bytes()) {
        Ok(r) => r,
        Err(e) => return Err(vec![e.to_string()]),
    };
    let header: Vec<String> = reader.header().iter().map(|h| h.to_lowercase()).collect();
    if header.len() < 3 || header[..3] != ["kolom", "vraag", "betekenis"] {
        return Err(vec![
            "regel 1: de kopregel moet 'kolom,vraag,betekenis' zijn".into(),
        ]);
    }
    let mut out: Vec<ColumnRule> = vec![];
    let mut problems = vec![];
    loop {
        let row = match reader.next_row() {
            Ok(Some(r)) => r,
            Ok(None) => break,
            Err(e) => {
                problems.push(e.to_string());
                break;
            }
        };
        if row.too_long.is_some() {
            problems.push(format!(
                "regel {}: deze regel is te lang voor een koppeling",
                row.line
            ));
            continue;
        }
        let field =
            |i: usize| crate::csv_safe::restore(row.fields.get(i).map(|f| f.trim()).unwrap_or(""));
        let (column, key, meaning) = (field(0), field(1), field(2));
        let line = row.line;
        let Some(item) = def.item(key) else {
            problems.push(format!(
                "regel {line}: de vragenlijst heeft geen vraag '{key}'"
            ));
            continue;
        };
        let meaning = match meaning {
            "reeks" if !range_values(item).is_empty() => Meaning::Range,
            "waarde" => Meaning::Value,
            "tekst" if item.kind.is_written() => Meaning::Text,
            "anders-tekst" if range_values(item).iter().any(|v| v == OTHER_CODE) => {
                Meaning::OtherText
            }
            m => match m.strip_prefix("vakje:") {
                Some(code) if range_values(item).iter().any(|v| v == code) => {
                    Meaning::Box(code.to_string())
                }
                _ => {
                    problems.push(format!(
                        "regel {line}: '{m}' past niet bij vraag '{key}'; kies reeks, vakje:CODE, waarde, tekst of anders-tekst"
                    ));
                    continue;
                }
            },
        };
        if column.is_empty() || out.iter().any(|r| r.column == column) {
            problems.push(format!(
                "regel {line}: kolom '{column}' is leeg of staat er al eerder in"
            ));
            continue;
        }
        out.push(ColumnRule {
            column: column.to_string(),
            item: item.key.clone(),
            meaning,
        });
    }
    if out.is_empty() && problems.is_empty() {
        problems.push("het bestand noemt geen enkele kolom".into());
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn standard() -> Definition {
        crate::surveys::shipped().unwrap().remove(0)
    }

    #[test]
    fn sdaps_layout_follows_sections_and_boxes() {
        let def = standard();
        let rules = sdaps(&def);
        let find = |c: &str| rules.iter().find(|r| r.column == c).cloned();
        // Section 1: laatste_contact (single, 3 options) → boxes 1_1_1..1_1_3.
        assert_eq!(
            find("1_1_2"),
            Some(ColumnRule {
                column: "1_1_2".into(),
                item: "laatste_contact".into(),
                meaning: Meaning::Box("vorig_jaar".into())
            })
        );
        // kanaal is multiple choice with "anders": its last box, a text box in SDAPS.
        assert!(rules.iter().any(|r| r.item == "kanaal"
            && r.meaning == Meaning::Box(OTHER_CODE.into())
            && r.column.starts_with("1_3_")));
        // A text question is a text box: SDAPS names its column with the box number.
        let wat_goed = rules.iter().find(|r| r.item == "wat_goed").unwrap();
        assert!(wat_goed.column.ends_with("_1"), "{}", wat_goed.column);
        assert_eq!(wat_goed.meaning, Meaning::Text);
        // Every question is in the layout.
        for item in def.items() {
            assert!(rules.iter().any(|r| r.item == item.key), "{}", item.key);
        }
        // A scale with "weet niet" has six values.
        let bereikbaar = def.item("bereikbaar").unwrap();
        assert_eq!(
            range_values(bereikbaar).last().map(String::as_str),
            Some("weet_niet")
        );
    }

    #[test]
    fn a_written_mapping_round_trips_and_errors_name_the_line() {
        let def = standard();
        let rules = sdaps(&def);
        assert_eq!(from_csv(&def, &to_csv(&rules)).unwrap(), rules);
        let bad = "kolom;vraag;betekenis\nA;cijfer;reeks\nB;bestaat_niet;reeks\nC;cijfer;vakje:11\nA;wat_goed;tekst\n";
        let problems = from_csv(&def, bad).unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].starts_with("regel 3:") && problems[0].contains("bestaat_niet"));
        assert!(problems[1].starts_with("regel 4:"));
        assert!(problems[2].starts_with("regel 5:") && problems[2].contains("'A'"));
    }

    #[test]
    fn generic_columns_must_be_question_keys() {
        let def = standard();
        let header: Vec<String> = ["form_id", "cijfer", "kanaal", "kanaal.anders", "salaris"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(generic(&def, &header).unwrap_err(), ["salaris"]);
        let ok = generic(&def, &header[..4]).unwrap();
        assert_eq!(ok.len(), 3);
        assert_eq!(ok[2].meaning, Meaning::OtherText);
    }
}
