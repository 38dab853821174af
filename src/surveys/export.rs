//! Export of a wave's answers as CSV, with a codebook (CSV and JSON) that says what every column and
//! value means. The column layout is a pure function of the questionnaire, so the codebook and the
//! data always agree. Rows come in random order, with no date and with rare languages put together
//! (see [`super::anonymity`]).

use std::io::Write;

use diesel::prelude::*;
use serde::Serialize;

use crate::db::schema::responses;
use crate::db::DbConnection;
use crate::surveys::anonymity;
use crate::surveys::answers::{
    dont_know_key, scale_label_keys, text_in, AnswerSet, Stored, OTHER_CODE, OTHER_SUFFIX,
};
use crate::surveys::definition::{Definition, Item, ItemKind};
use crate::surveys::waves::Wave;
use crate::web::i18n::{t, Lang};

/// The fixed columns before the items. No date: the day of sending, together with the day a code
/// was seen to be used, would point at the row (the wave page counts answers per day instead).
pub const META_COLUMNS: &[&str] = &["respons", "ronde", "kanaal", "hulp", "taal"];

/// What a data column holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnKind {
    /// The item's value (number, option code or text).
    Value,
    /// 1 when this option of a multiple-choice item was chosen, 0 when not (empty when unanswered).
    Option(String),
    /// The "anders, namelijk" text.
    Other,
}

/// One data column.
#[derive(Debug, Clone)]
pub struct Column<'a> {
    /// Column name in the CSV.
    pub name: String,
    /// The item.
    pub item: &'a Item,
    /// What it holds.
    pub kind: ColumnKind,
}

/// The item columns of a questionnaire, in order.
pub fn columns(def: &Definition) -> Vec<Column<'_>> {
    let mut out = vec![];
    for item in def.items() {
        match &item.kind {
            ItemKind::Multi { options, other } => {
                for o in options {
                    out.push(Column {
                        name: format!("{}_{}", item.key, o.code),
                        item,
                        kind: ColumnKind::Option(o.code.clone()),
                    });
                }
                if *other {
                    out.push(Column {
                        name: format!("{}_{OTHER_CODE}", item.key),
                        item,
                        kind: ColumnKind::Option(OTHER_CODE.into()),
                    });
                    out.push(Column {
                        name: format!("{}_{OTHER_CODE}_tekst", item.key),
                        item,
                        kind: ColumnKind::Other,
                    });
                }
            }
            ItemKind::Single { other: true, .. } => {
                out.push(Column {
                    name: item.key.clone(),
                    item,
                    kind: ColumnKind::Value,
                });
                out.push(Column {
                    name: format!("{}_{OTHER_CODE}_tekst", item.key),
                    item,
                    kind: ColumnKind::Other,
                });
            }
            ItemKind::Single { other: false, .. }
            | ItemKind::Grade
            | ItemKind::Scale { .. }
            | ItemKind::Text { .. }
            | ItemKind::Number { .. } => out.push(Column {
                name: item.key.clone(),
                item,
                kind: ColumnKind::Value,
            }),
        }
    }
    out
}

/// Export columns whose name is taken already (by a fixed column or an earlier question's column),
/// as (column, question key). A definition with a clash is refused: the export would be ambiguous.
pub fn column_clashes(def: &Definition) -> Vec<(String, String)> {
    let mut seen: Vec<String> = META_COLUMNS.iter().map(|c| c.to_string()).collect();
    let mut out = vec![];
    for col in columns(def) {
        if seen.contains(&col.name) {
            out.push((col.name.clone(), col.item.key.clone()));
        } else {
            seen.push(col.name);
        }
    }
    out
}

/// One answer set as read for the export: a slot per item (and per "anders" text), filled straight
/// from the stored JSON. Looking answers up by position instead of by key in a map, and borrowing
/// the keys, keeps a 100,000-row export well under the two seconds it may take.
pub(crate) struct Slots {
    /// Slot of each key: item `i` at `2i`, its "anders" text at `2i + 1`.
    by_key: std::collections::HashMap<String, usize>,
    /// The values by slot.
    pub(crate) values: Vec<Option<Stored>>,
}

impl Slots {
    /// Slots for the items of `def`, in questionnaire order.
    pub(crate) fn new(def: &Definition) -> Slots {
        let mut by_key = std::collections::HashMap::new();
        for (i, item) in def.items().enumerate() {
            by_key.insert(item.key.clone(), 2 * i);
            by_key.insert(format!("{}{OTHER_SUFFIX}", item.key), 2 * i + 1);
        }
        let n = by_key.len();
        Slots {
            by_key,
            values: vec![None; n],
        }
    }

    /// Reads one stored answer set; keys the questionnaire does not have are skipped.
    pub(crate) fn fill(&mut self, json: &str) -> serde_json::Result<()> {
        self.values.iter_mut().for_each(|v| *v = None);
        let mut de = serde_json::Deserializer::from_str(json);
        serde::de::DeserializeSeed::deserialize(&mut *self, &mut de)?;
        de.end()
    }
}

impl<'de> serde::de::DeserializeSeed<'de> for &mut Slots {
    type Value = ();
    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> serde::de::Visitor<'de> for &mut Slots {
    type Value = ();
    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "an object of answers")
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match self.by_key.get(key.as_ref()) {
                Some(&slot) => self.values[slot] = Some(map.next_value::<Stored>()?),
                None => {
                    map.next_value::<serde::de::IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// Writes the cell of `col` (item number `pos`) from the slots; the same text as [`cell`].
fn write_cell<W: Write>(
    w: &mut crate::csv_safe::Writer<W>,
    col: &Column<'_>,
    pos: usize,
    slots: &Slots,
    scratch: &mut String,
) -> csv::Result<()> {
    use std::fmt::Write as _;
    match (&col.kind, &slots.values[2 * pos]) {
        (_, None) => w.write_field(""),
        (ColumnKind::Value, Some(Stored::Number(n))) => {
            scratch.clear();
            let _ = write!(scratch, "{n}");
            w.write_field(scratch.as_str())
        }
        (ColumnKind::Value, Some(Stored::Text(t))) => w.write_field(t),
        (ColumnKind::Value, Some(Stored::List(l))) => w.write_field(&l.join(";")),
        (ColumnKind::Option(code), Some(Stored::List(l))) => {
            w.write_field(if l.contains(code) { "1" } else { "0" })
        }
        (ColumnKind::Option(_), Some(_)) => w.write_field(""),
        (ColumnKind::Other, Some(_)) => match &slots.values[2 * pos + 1] {
            Some(Stored::Text(t)) => w.write_field(t),
            _ => w.write_field(""),
        },
    }
}

/// The cell of one column for one answer set (empty when unanswered or not shown).
pub fn cell(col: &Column<'_>, answers: &AnswerSet) -> String {
    let value = answers.get(&col.item.key);
    match (&col.kind, value) {
        (_, None) => String::new(),
        (ColumnKind::Value, Some(Stored::Number(n))) => n.to_string(),
        (ColumnKind::Value, Some(Stored::Text(t))) => t.clone(),
        (ColumnKind::Value, Some(Stored::List(l))) => l.join(";"),
        (ColumnKind::Option(code), Some(Stored::List(l))) => {
            if l.contains(code) { "1" } else { "0" }.to_string()
        }
        (ColumnKind::Option(_), Some(_)) => String::new(),
        (ColumnKind::Other, Some(_)) => {
            match answers.get(&format!("{}{OTHER_SUFFIX}", col.item.key)) {
                Some(Stored::Text(t)) => t.clone(),
                _ => String::new(),
            }
        }
    }
}

fn type_code(kind: &ItemKind) -> &'static str {
    kind.type_name().code()
}

/// The values a column can hold with their labels in `lang` (empty for free text and numbers).
fn value_labels(col: &Column<'_>, lang: Lang) -> Vec<(String, String)> {
    match (&col.kind, &col.item.kind) {
        (ColumnKind::Option(_), _) => vec![
            ("1".into(), t(lang, "codebook-chosen")),
            ("0".into(), t(lang, "codebook-not-chosen")),
        ],
        (ColumnKind::Other, _) => vec![],
        (_, ItemKind::Grade) => (1..=10).map(|n| (n.to_string(), n.to_string())).collect(),
        (
            _,
            ItemKind::Scale {
                wording, dont_know, ..
            },
        ) => {
            let mut v: Vec<(String, String)> = scale_label_keys(*wording)
                .iter()
                .enumerate()
                .map(|(i, k)| ((i + 1).to_string(), t(lang, k)))
                .collect();
            if let Some(d) = dont_know {
                v.push((d.clone(), t(lang, dont_know_key(d))));
            }
            v
        }
        (_, ItemKind::Single { options, other }) => {
            let mut v: Vec<(String, String)> = options
                .iter()
                .map(|o| (o.code.clone(), text_in(&o.label, lang).to_string()))
                .collect();
            if *other {
                v.push((OTHER_CODE.into(), t(lang, "answer-other")));
            }
            v
        }
        // Multiple choice has a column per option (above); free text and numbers have no labels.
        (_, ItemKind::Multi { .. } | ItemKind::Text { .. } | ItemKind::Number { .. }) => vec![],
    }
}

/// Writes the answers of a wave as CSV, reading the database in batches so memory stays flat.
/// Rows follow the answer sets' random numbers, so their order says nothing about when they came.
/// Late paper joins only in groups ([`super::export_scope::export_through`]).
pub fn write_answers<W: Write>(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    out: W,
    flavour: crate::csv_safe::Flavour,
) -> anyhow::Result<u64> {
    let cols = columns(def);
    let mut w = crate::csv_safe::Writer::with_flavour(out, flavour);
    let mut header: Vec<&str> = META_COLUMNS.to_vec();
    header.extend(cols.iter().map(|c| c.name.as_str()));
    w.write_record(&header)?;
    let through = super::export_scope::export_through(conn, wave, crate::fmt::today())?;
    let languages = super::export_scope::export_languages(conn, wave.id, through)?;
    let mut after = 0i64;
    let mut number = 0u64;
    let wave_id = wave.id.to_string();
    let mut scratch = String::new();
    let mut slots = Slots::new(def);
    let items: Vec<&Item> = def.items().collect();
    let positions: Vec<usize> = cols
        .iter()
        .map(|c| items.iter().position(|i| i.key == c.item.key).unwrap_or(0))
        .collect();
    loop {
        type Row = (i64, String, Option<String>, String, String);
        let batch: Vec<Row> = responses::table
            .filter(responses::wave_id.eq(wave.id))
            .filter(responses::answered_on.le(through))
            .filter(responses::id.gt(after))
            .order(responses::id)
            .limit(5000)
            .select((
                responses::id,
                responses::channel,
                responses::helper,
                responses::language,
                responses::answers,
            ))
            .load(conn)?;
        let Some(last) = batch.last() else { break };
        after = last.0;
        for (_, channel, helper, language, json) in batch {
            number += 1;
            slots.fill(&json)?;
            w.write_field(&number.to_string())?;
            w.write_field(&wave_id)?;
            w.write_field(&channel)?;
            w.write_field(helper.as_deref().unwrap_or(""))?;
            w.write_field(anonymity::language_cell(&language, &languages))?;
            for (c, pos) in cols.iter().zip(&positions) {
                write_cell(&mut w, c, *pos, &slots, &mut scratch)?;
            }
            w.end_record()?;
        }
    }
    w.flush()?;
    Ok(number)
}

/// One codebook entry.
#[derive(Debug, Serialize)]
pub struct CodebookColumn {
    /// Column name.
    pub column: String,
    /// Item key.
    pub item: String,
    /// Item type.
    #[serde(rename = "type")]
    pub kind: String,
    /// Monitor dimension.
    pub dimension: String,
    /// Behoorlijkheidsnormen.
    pub norms: Vec<String>,
    /// Question text per language.
    pub question: std::collections::BTreeMap<String, String>,
    /// Values and their labels (in Dutch).
    pub values: Vec<CodebookValue>,
}

/// One value of a column.
#[derive(Debug, Serialize)]
pub struct CodebookValue {
    /// As it appears in the data.
    pub value: String,
    /// Meaning.
    pub label: String,
}

/// The whole codebook of a wave.
#[derive(Debug, Serialize)]
pub struct Codebook {
    /// Questionnaire key.
    pub questionnaire: String,
    /// Version and revision.
    pub version: String,
    /// Wave number.
    pub wave: i64,
    /// Meaning of the fixed columns.
    pub meta: Vec<CodebookValue>,
    /// Item columns.
    pub columns: Vec<CodebookColumn>,
}

/// What a fixed column means; for the row number and the language, also how they keep rows apart
/// from people.
fn meta_label(column: &str, lang: Lang) -> String {
    let base = t(lang, &format!("codebook-meta-{column}"));
    match column {
        "respons" => format!("{base}. {}", t(lang, "codebook-meta-respons-order")),
        "taal" => format!(
            "{base}. {}",
            crate::web::i18n::t_args(
                lang,
                "codebook-meta-taal-other",
                &[("k", &anonymity::MIN_GROUP.to_string())]
            )
        ),
        _ => base,
    }
}

/// Builds the codebook (labels in `lang`).
pub fn codebook(wave: &Wave, def: &Definition, lang: Lang) -> Codebook {
    Codebook {
        questionnaire: def.key.clone(),
        version: format!("{}.{}", wave.version, wave.revision),
        wave: wave.id,
        meta: META_COLUMNS
            .iter()
            .map(|c| CodebookValue {
                value: c.to_string(),
                label: meta_label(c, lang),
            })
            .collect(),
        columns: columns(def)
            .iter()
            .map(|c| CodebookColumn {
                column: c.name.clone(),
                item: c.item.key.clone(),
                kind: match &c.kind {
                    ColumnKind::Value => type_code(&c.item.kind).to_string(),
                    ColumnKind::Option(_) => "option".into(),
                    ColumnKind::Other => "other_text".into(),
                },
                dimension: c.item.dimension.code().to_string(),
                norms: c.item.norms.clone(),
                question: c.item.text.clone(),
                values: value_labels(c, lang)
                    .into_iter()
                    .map(|(value, label)| CodebookValue { value, label })
                    .collect(),
            })
            .collect(),
    }
}

/// The codebook as CSV: one row per column and value.
pub fn write_codebook_csv<W: Write>(
    book: &Codebook,
    out: W,
    flavour: crate::csv_safe::Flavour,
) -> anyhow::Result<()> {
    let mut w = crate::csv_safe::Writer::with_flavour(out, flavour);
    w.write_record([
        "kolom",
        "vraag",
        "type",
        "dimensie",
        "normen",
        "vraagtekst",
        "waarde",
        "betekenis",
    ])?;
    for m in &book.meta {
        w.write_record([
            m.value.as_str(),
            "",
            "meta",
            "",
            "",
            m.label.as_str(),
            "",
            "",
        ])?;
    }
    w.write_record([
        "",
        "",
        "opmaak",
        "",
        "",
        crate::csv_safe::CODEBOOK_NOTE,
        "",
        "",
    ])?;
    for c in &book.columns {
        let question = c.question.get("nl").map(String::as_str).unwrap_or("");
        let norms = c.norms.join(";");
        if c.values.is_empty() {
            w.write_record([
                &c.column,
                &c.item,
                &c.kind,
                &c.dimension,
                &norms,
                question,
                "",
                "",
            ])?;
        }
        for v in &c.values {
            w.write_record([
                c.column.as_str(),
                &c.item,
                &c.kind,
                &c.dimension,
                &norms,
                question,
                &v.value,
                &v.label,
            ])?;
        }
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn multiple_choice_gets_a_column_per_option_and_cells_follow_the_answers() {
        let defs = crate::surveys::shipped().unwrap();
        let def = &defs[0];
        let cols = columns(def);
        let names: Vec<&str> = cols.iter().map(|c| c.name.as_str()).collect();
        assert!(names.contains(&"kanaal_telefoon"));
        assert!(names.contains(&"kanaal_anders_tekst"));
        assert!(names.contains(&"cijfer"));
        let mut a = AnswerSet::new();
        a.insert(
            "kanaal".into(),
            Stored::List(vec!["telefoon".into(), "anders".into()]),
        );
        a.insert("kanaal.anders".into(), Stored::Text("WhatsApp".into()));
        a.insert("cijfer".into(), Stored::Number(7));
        let get = |n: &str| cell(cols.iter().find(|c| c.name == n).unwrap(), &a);
        assert_eq!(get("kanaal_telefoon"), "1");
        assert_eq!(get("kanaal_balie"), "0");
        assert_eq!(get("kanaal_anders"), "1");
        assert_eq!(get("kanaal_anders_tekst"), "WhatsApp");
        assert_eq!(get("cijfer"), "7");
        assert_eq!(get("team"), "", "unanswered is empty, not zero");
    }

    #[test]
    fn the_fast_export_writes_what_cell_says() {
        let defs = crate::surveys::shipped().unwrap();
        let def = &defs[0];
        let cols = columns(def);
        let items: Vec<&Item> = def.items().collect();
        let mut slots = Slots::new(def);
        let mut sets = vec![AnswerSet::new()];
        let mut a = AnswerSet::new();
        a.insert(
            "kanaal".into(),
            Stored::List(vec!["telefoon".into(), "anders".into()]),
        );
        a.insert(
            "kanaal.anders".into(),
            Stored::Text("Via \"WhatsApp\", soms".into()),
        );
        a.insert("cijfer".into(), Stored::Number(7));
        a.insert("bereikbaar".into(), Stored::Text("weet_niet".into()));
        a.insert(
            "wat_goed".into(),
            Stored::Text("Regel 1\nRegel 2; ééntje".into()),
        );
        a.insert("onbekend".into(), Stored::Number(1));
        sets.push(a);
        for set in &sets {
            let json = serde_json::to_string(set).unwrap();
            slots.fill(&json).unwrap();
            let mut fast = crate::csv_safe::Writer::from_writer(vec![]);
            let mut slow = crate::csv_safe::Writer::from_writer(vec![]);
            let mut scratch = String::new();
            for c in &cols {
                let pos = items.iter().position(|i| i.key == c.item.key).unwrap();
                write_cell(&mut fast, c, pos, &slots, &mut scratch).unwrap();
                slow.write_field(&cell(c, set)).unwrap();
            }
            fast.end_record().unwrap();
            slow.end_record().unwrap();
            assert_eq!(fast.into_inner().unwrap(), slow.into_inner().unwrap());
        }
    }
}
