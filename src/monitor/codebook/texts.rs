//! The texts to code: open answers of a wave (one per wording) and complaint descriptions of a
//! year, cleaned.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use sha2::{Digest, Sha256};

use crate::complaints::read_model;
use crate::db::schema::responses;
use crate::db::DbConnection;
use crate::surveys::answers::{AnswerSet, Stored};
use crate::surveys::definition::{Definition, ItemKind};

/// A text to code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// Stable key: `a:{wave}:{hash}` or `k:{complaint}`.
    pub key: String,
    /// The question (survey) or empty (complaint).
    pub item: String,
    /// The text as shown: whitespace tidied, names and contact details removed.
    pub shown: String,
    /// How often it was given (survey), 1 for a complaint.
    pub times: u32,
    /// The wave or the complaint it belongs to.
    pub owner: i64,
}

/// The hash of a wording within a question.
pub fn text_hash(item: &str, text: &str) -> String {
    let mut h = Sha256::new();
    h.update(item.as_bytes());
    h.update(b"\n");
    h.update(tidy(text).as_bytes());
    crate::fmt::hex(&h.finalize()[..16])
}

pub(super) fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Calls `f(item key, answer)` for every open answer of a wave, a page of answer sets at a time.
/// The answer sets themselves are not handed out: only what was written and to which question.
pub fn each_open_answer(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    f: impl FnMut(&str, &str),
) -> QueryResult<()> {
    each_open_answer_through(conn, wave_id, def, None, f)
}

/// [`each_open_answer`], of the answer sets that came in on or before `through` only (all of
/// them for `None`).
pub fn each_open_answer_through(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    through: Option<NaiveDate>,
    mut f: impl FnMut(&str, &str),
) -> QueryResult<()> {
    let open: Vec<&str> = def
        .items()
        .filter(|i| matches!(i.kind, ItemKind::Text { .. }))
        .map(|i| i.key.as_str())
        .collect();
    let mut after = 0i64;
    loop {
        let mut page = responses::table
            .filter(responses::wave_id.eq(wave_id))
            .filter(responses::id.gt(after))
            .into_boxed();
        if let Some(through) = through {
            page = page.filter(responses::answered_on.le(through));
        }
        let rows: Vec<(i64, String)> = page
            .order(responses::id)
            .limit(10_000)
            .select((responses::id, responses::answers))
            .load(conn)?;
        let Some(last) = rows.last() else { break };
        after = last.0;
        for (_, json) in &rows {
            let Ok(a) = serde_json::from_str::<AnswerSet>(json) else {
                continue;
            };
            for key in &open {
                if let Some(Stored::Text(text)) = a.get(*key) {
                    f(key, text);
                }
            }
        }
        if rows.len() < 10_000 {
            break;
        }
    }
    Ok(())
}

/// The open answers of a wave as texts to code, equal wordings once, listed by hash.
pub fn survey_texts(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
) -> QueryResult<Vec<Text>> {
    survey_texts_through(conn, wave_id, def, None)
}

/// [`survey_texts`] of the answer sets that came in on or before `through` only (all for
/// `None`): a running wave's open answers join in the groups its interim view shows.
pub fn survey_texts_through(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    through: Option<NaiveDate>,
) -> QueryResult<Vec<Text>> {
    let mut found: BTreeMap<String, Text> = BTreeMap::new();
    each_open_answer_through(conn, wave_id, def, through, |key, text| {
        let text = tidy(text);
        if text.is_empty() {
            return;
        }
        let hash = text_hash(key, &text);
        found
            .entry(hash.clone())
            .and_modify(|t| t.times += 1)
            .or_insert_with(|| Text {
                key: format!("a:{wave_id}:{hash}"),
                item: key.to_string(),
                shown: crate::monitor::redact::redact(&text),
                times: 1,
                owner: wave_id,
            });
    })?;
    Ok(found.into_values().collect())
}

/// Complaint descriptions of complaints received in a year, cleaned (also of the complainant's
/// stored name, e-mail address and phone number), without case numbers.
pub fn complaint_texts(conn: &mut DbConnection, year: i32) -> QueryResult<Vec<Text>> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    Ok(read_model::descriptions_received(conn, from, to)?
        .into_iter()
        .filter(|d| !d.description.trim().is_empty())
        .map(|d| Text {
            key: format!("k:{}", d.id),
            item: String::new(),
            shown: shown_description(&d),
            times: 1,
            owner: d.id,
        })
        .collect())
}

/// A complaint description as the coding screen shows it: whitespace tidied, the stored names and
/// contact details and everything else that identifies a person masked.
pub(super) fn shown_description(d: &read_model::Description) -> String {
    crate::monitor::redact::redact_known(&tidy(&d.description), &d.known())
}
