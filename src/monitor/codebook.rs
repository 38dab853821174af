//! Coding open texts, stored: the codebook (themes and behoorlijkheidsnormen, editable), the texts
//! to code (open answers of a wave, complaint descriptions of a year), the researcher's codes with
//! the program's suggestions beside them, how well the suggestions agree, and the theme counts the
//! report shows.
//!
//! Anonymity: a survey text is known by its wave, its question and the hash of its wording. Equal
//! wordings are one text (coded once, counted as often as they were given). Nothing points to the
//! answer set, and the order of answers is not kept (texts are listed by hash).

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::report::{Cell, ThemeFigure};
use super::suppression::{self, Shown};
use crate::db::schema::{codebook, coded_texts, complaints, responses, text_codes};
use crate::db::{write_tx, DbConnection};
use crate::surveys::answers::{AnswerSet, Stored};
use crate::surveys::definition::{Definition, ItemKind};

/// Kinds of code.
pub const THEME: &str = "thema";
/// A behoorlijkheidsnorm.
pub const NORM: &str = "norm";
/// Source: an open survey answer.
pub const ANSWER: &str = "antwoord";
/// Source: a complaint description.
pub const COMPLAINT: &str = "klacht";

/// A code of the codebook.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Code {
    /// Code.
    pub code: String,
    /// Name shown.
    pub name: String,
    /// `thema` or `norm`.
    pub kind: String,
    /// Words and phrases that suggest it.
    pub cues: Vec<String>,
    /// Offered on the coding screen.
    pub active: bool,
}

/// The codebook in its order.
pub fn load(conn: &mut DbConnection) -> QueryResult<Vec<Code>> {
    Ok(codebook::table
        .order((codebook::position, codebook::id))
        .select((
            codebook::code,
            codebook::name,
            codebook::kind,
            codebook::cues,
            codebook::active,
        ))
        .load::<(String, String, String, String, bool)>(conn)?
        .into_iter()
        .map(|(code, name, kind, cues, active)| Code {
            code,
            name,
            kind,
            cues: super::coding::parse_cues(&cues),
            active,
        })
        .collect())
}

/// The active codes with their cues, as the suggestions use them.
pub fn suggestion_book(book: &[Code]) -> Vec<(String, Vec<String>)> {
    book.iter()
        .filter(|c| c.active)
        .map(|c| (c.code.clone(), c.cues.clone()))
        .collect()
}

/// A code made from a name: lower case letters, digits and underscores.
pub fn code_from_name(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        let c = match c {
            'á' | 'à' | 'ä' | 'â' => 'a',
            'é' | 'è' | 'ë' | 'ê' => 'e',
            'í' | 'ì' | 'ï' | 'î' => 'i',
            'ó' | 'ò' | 'ö' | 'ô' => 'o',
            'ú' | 'ù' | 'ü' | 'û' => 'u',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    out.trim_end_matches('_').chars().take(40).collect()
}

/// Adds a theme; its code is made from the name. Errors name what to fix.
pub fn add_theme(conn: &mut DbConnection, name: &str, cues: &str) -> Result<String, String> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    let code = code_from_name(&name);
    if code.is_empty() || name.chars().count() > 80 {
        return Err("Geef het thema een naam van 1 tot 80 tekens.".into());
    }
    write_tx(conn, |c| {
        let taken: i64 = codebook::table
            .filter(codebook::code.eq(&code))
            .count()
            .get_result(c)?;
        if taken > 0 {
            return Ok(Err(format!(
                "Er is al een code \u{201c}{code}\u{201d}. Kies een andere naam."
            )));
        }
        let last: Option<i32> = codebook::table
            .select(diesel::dsl::max(codebook::position))
            .first(c)?;
        diesel::insert_into(codebook::table)
            .values((
                codebook::code.eq(&code),
                codebook::name.eq(&name),
                codebook::kind.eq(THEME),
                codebook::cues.eq(super::coding::parse_cues(cues).join(", ")),
                codebook::active.eq(true),
                codebook::position.eq(last.unwrap_or(0) + 1),
            ))
            .execute(c)?;
        Ok(Ok(code.clone()))
    })
    .map_err(|e: diesel::result::Error| e.to_string())?
}

/// Changes a code's name, cues and whether it is offered.
pub fn update(
    conn: &mut DbConnection,
    code: &str,
    name: &str,
    cues: &str,
    active: bool,
) -> QueryResult<usize> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    diesel::update(codebook::table.filter(codebook::code.eq(code)))
        .set((
            codebook::name.eq(name),
            codebook::cues.eq(super::coding::parse_cues(cues).join(", ")),
            codebook::active.eq(active),
        ))
        .execute(conn)
}

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
    h.finalize()
        .iter()
        .take(16)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Calls `f(item key, answer)` for every open answer of a wave, a page of answer sets at a time.
/// The answer sets themselves are not handed out: only what was written and to which question.
pub fn each_open_answer(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    mut f: impl FnMut(&str, &str),
) -> QueryResult<()> {
    let open: Vec<&str> = def
        .items()
        .filter(|i| matches!(i.kind, ItemKind::Text { .. }))
        .map(|i| i.key.as_str())
        .collect();
    let mut after = 0i64;
    loop {
        let rows: Vec<(i64, String)> = responses::table
            .filter(responses::wave_id.eq(wave_id))
            .filter(responses::id.gt(after))
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
    let mut found: BTreeMap<String, Text> = BTreeMap::new();
    each_open_answer(conn, wave_id, def, |key, text| {
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
                shown: super::redact::redact(&text),
                times: 1,
                owner: wave_id,
            });
    })?;
    Ok(found.into_values().collect())
}

/// Complaint descriptions of complaints received in a year, cleaned, without case numbers.
pub fn complaint_texts(conn: &mut DbConnection, year: i32) -> QueryResult<Vec<Text>> {
    let from = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
    let to = NaiveDate::from_ymd_opt(year, 12, 31).unwrap_or_default();
    Ok(complaints::table
        .filter(complaints::received_on.between(from, to))
        .filter(complaints::anonymised_on.is_null())
        .order(complaints::id)
        .select((complaints::id, complaints::description))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .filter(|(_, d)| !d.trim().is_empty())
        .map(|(id, d)| Text {
            key: format!("k:{id}"),
            item: String::new(),
            shown: super::redact::redact(&tidy(&d)),
            times: 1,
            owner: id,
        })
        .collect())
}

/// The codes given to texts: key → chosen codes.
pub fn coded(
    conn: &mut DbConnection,
    keys: &[String],
) -> QueryResult<BTreeMap<String, Vec<String>>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for chunk in keys.chunks(500) {
        let rows: Vec<(String, Option<String>, Option<bool>)> = coded_texts::table
            .left_join(text_codes::table)
            .filter(coded_texts::text_key.eq_any(chunk))
            .select((
                coded_texts::text_key,
                text_codes::code.nullable(),
                text_codes::chosen.nullable(),
            ))
            .load(conn)?;
        for (key, code, chosen) in rows {
            let codes = out.entry(key).or_default();
            if let (Some(code), Some(true)) = (code, chosen) {
                codes.push(code);
            }
        }
    }
    Ok(out)
}

/// What happened to a code of a coded text.
pub fn decision(chosen: bool, suggested: bool) -> &'static str {
    match (suggested, chosen) {
        (true, true) => ACCEPTED,
        (true, false) => REJECTED,
        _ => OWN,
    }
}

/// A suggestion the researcher ticked.
pub const ACCEPTED: &str = "aanvaard";
/// A suggestion the researcher left unticked.
pub const REJECTED: &str = "afgewezen";
/// A code the researcher chose that was not suggested.
pub const OWN: &str = "zelf";

/// What made a suggestion, as stored: cues, a theme's norm, or the learned model.
pub fn suggested_by(via: &super::coding::Via) -> &'static str {
    match via {
        super::coding::Via::Cues => "woorden",
        super::coding::Via::Theme(_) => "thema",
        super::coding::Via::Model(_) => "model",
    }
}

/// Stores the researcher's codes for a text (replacing earlier ones), with the suggestions made
/// (code → what suggested it) and, per code, whether it was accepted, rejected or her own.
pub fn save(
    conn: &mut DbConnection,
    text: &Text,
    chosen: &BTreeSet<String>,
    suggested: &BTreeMap<String, &'static str>,
    by: Option<i64>,
    today: NaiveDate,
) -> QueryResult<()> {
    let survey = text.key.starts_with("a:");
    write_tx(conn, |c| {
        // A new coding replaces the earlier one as a new row, so the report sees the change.
        let earlier: Vec<i64> = coded_texts::table
            .filter(coded_texts::text_key.eq(&text.key))
            .select(coded_texts::id)
            .load(c)?;
        diesel::delete(text_codes::table.filter(text_codes::coded_text_id.eq_any(&earlier)))
            .execute(c)?;
        diesel::delete(coded_texts::table.filter(coded_texts::id.eq_any(&earlier))).execute(c)?;
        diesel::insert_into(coded_texts::table)
            .values((
                coded_texts::text_key.eq(&text.key),
                coded_texts::source.eq(if survey { ANSWER } else { COMPLAINT }),
                coded_texts::wave_id.eq(survey.then_some(text.owner)),
                coded_texts::item_key.eq(survey.then_some(text.item.as_str())),
                coded_texts::complaint_id.eq((!survey).then_some(text.owner)),
                coded_texts::times.eq(text.times as i32),
                coded_texts::coded_by.eq(by),
                coded_texts::coded_on.eq(today),
            ))
            .execute(c)?;
        let id: i64 = coded_texts::table
            .filter(coded_texts::text_key.eq(&text.key))
            .select(coded_texts::id)
            .first(c)?;
        let codes: BTreeSet<&String> = chosen.iter().chain(suggested.keys()).collect();
        // A handful of rows: one statement each (a batch insert needs the backend's own type).
        for code in codes {
            let (is_chosen, is_suggested) = (chosen.contains(code), suggested.contains_key(code));
            diesel::insert_into(text_codes::table)
                .values((
                    text_codes::coded_text_id.eq(id),
                    text_codes::code.eq(code),
                    text_codes::chosen.eq(is_chosen),
                    text_codes::suggested.eq(is_suggested),
                    text_codes::decision.eq(decision(is_chosen, is_suggested)),
                    text_codes::suggested_by.eq(suggested.get(code).copied().unwrap_or("")),
                ))
                .execute(c)?;
        }
        Ok(())
    })
}

/// At most this many coded texts (the latest) train the model, so memory stays bounded.
pub const TRAINING_LIMIT: i64 = 2_000;

/// The texts coded so far with the codes the researcher chose, newest first, as the learning step
/// uses them: the survey texts of every wave with coded texts and the complaint descriptions that
/// are not anonymised, cleaned as on the screen. Rebuilt from the stored codes each time, so every
/// instance learns the same.
pub fn training_set(conn: &mut DbConnection) -> QueryResult<Vec<(String, BTreeSet<String>)>> {
    let rows: Vec<(i64, String, Option<i64>, Option<i64>)> = coded_texts::table
        .order(coded_texts::id.desc())
        .limit(TRAINING_LIMIT)
        .select((
            coded_texts::id,
            coded_texts::text_key,
            coded_texts::wave_id,
            coded_texts::complaint_id,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut codes: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for (id, code) in text_codes::table
            .filter(text_codes::coded_text_id.eq_any(chunk))
            .filter(text_codes::chosen.eq(true))
            .select((text_codes::coded_text_id, text_codes::code))
            .load::<(i64, String)>(conn)?
        {
            codes.entry(id).or_default().insert(code);
        }
    }
    let mut shown: BTreeMap<String, String> = BTreeMap::new();
    let waves: BTreeSet<i64> = rows.iter().filter_map(|r| r.2).collect();
    for w in waves {
        let Ok((_, def)) = crate::surveys::staff::wave_and_definition(conn, w) else {
            continue;
        };
        for t in survey_texts(conn, w, &def)? {
            shown.insert(t.key, t.shown);
        }
    }
    let complaint_ids: Vec<i64> = rows.iter().filter_map(|r| r.3).collect();
    for chunk in complaint_ids.chunks(500) {
        for (id, d) in complaints::table
            .filter(complaints::id.eq_any(chunk))
            .filter(complaints::anonymised_on.is_null())
            .select((complaints::id, complaints::description))
            .load::<(i64, String)>(conn)?
        {
            shown.insert(format!("k:{id}"), super::redact::redact(&tidy(&d)));
        }
    }
    Ok(rows
        .into_iter()
        .filter_map(|(id, key, _, _)| {
            let text = shown.remove(&key)?;
            Some((text, codes.remove(&id).unwrap_or_default()))
        })
        .collect())
}

/// The model learned from the researcher's codes so far (rebuilt deterministically).
pub fn learned_model(
    conn: &mut DbConnection,
    stems: &super::coding::Stems,
) -> QueryResult<super::learning::Model> {
    let set = training_set(conn)?;
    let coded: Vec<(BTreeSet<String>, BTreeSet<String>)> = set
        .iter()
        .filter(|(text, _)| super::coding::detect_language(text).code() == "nl")
        .map(|(text, codes)| (super::learning::features(text, stems), codes.clone()))
        .collect();
    Ok(super::learning::Model::train(&coded))
}

/// The suggestions for a text with this codebook and what the researcher taught so far.
pub fn suggestions_for(
    text: &str,
    book: &[Code],
    model: &super::learning::Model,
) -> super::coding::Suggestions {
    let rules = suggestion_book(book);
    let suggester = super::coding::Suggester::new(&rules);
    let mut s = suggester.suggest(text);
    if s.language.code() == "nl" {
        let allowed: BTreeSet<String> = rules.iter().map(|(c, _)| c.clone()).collect();
        model.add_to(text, &super::coding::Stems::new("nl"), &mut s, &allowed);
        suggester.sort(&mut s.items);
    }
    s
}

/// The suggested codes with what suggested them, as [`save`] stores them.
pub fn suggested_map(s: &super::coding::Suggestions) -> BTreeMap<String, &'static str> {
    s.items
        .iter()
        .map(|i| (i.code.clone(), suggested_by(&i.via)))
        .collect()
}

/// How the suggestions agree with the researcher's codes, over every coded text.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Agreement {
    /// Texts coded.
    pub texts: u64,
    /// Share of suggestions the researcher kept.
    pub precision: f64,
    /// Share of the researcher's codes that were suggested.
    pub recall: f64,
}

/// The agreement over everything coded so far.
pub fn agreement(conn: &mut DbConnection) -> QueryResult<Agreement> {
    let texts: i64 = coded_texts::table.count().get_result(conn)?;
    let counts: Vec<(bool, bool, i64)> = text_codes::table
        .group_by((text_codes::chosen, text_codes::suggested))
        .select((
            text_codes::chosen,
            text_codes::suggested,
            diesel::dsl::count_star(),
        ))
        .load(conn)?;
    let count = |c: bool, s: bool| {
        counts
            .iter()
            .filter(|(cc, ss, _)| (*cc, *ss) == (c, s))
            .map(|(_, _, n)| *n as u64)
            .sum::<u64>()
    };
    let (precision, recall) = super::coding::precision_recall_counts(
        count(true, true),
        count(false, true),
        count(true, false),
    );
    Ok(Agreement {
        texts: texts as u64,
        precision,
        recall,
    })
}

/// Counts per code: open answers (people who gave a text with it) and complaints.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Code → (answers, complaints).
    pub counts: BTreeMap<String, (u64, u64)>,
    /// Texts coded.
    pub texts: u64,
}

/// Counts the chosen codes of a wave's answers and of complaints received between two dates.
pub fn tally(
    conn: &mut DbConnection,
    wave: Option<i64>,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<Tally> {
    let mut t = Tally::default();
    if let Some(w) = wave {
        let rows: Vec<(i64, i32, Option<String>, Option<bool>)> = coded_texts::table
            .left_join(text_codes::table)
            .filter(coded_texts::wave_id.eq(w))
            .select((
                coded_texts::id,
                coded_texts::times,
                text_codes::code.nullable(),
                text_codes::chosen.nullable(),
            ))
            .load(conn)?;
        let mut seen = BTreeSet::new();
        for (id, times, code, chosen) in rows {
            if seen.insert(id) {
                t.texts += 1;
            }
            if let (Some(code), Some(true)) = (code, chosen) {
                t.counts.entry(code).or_default().0 += times.max(0) as u64;
            }
        }
    }
    let rows: Vec<(i64, Option<String>, Option<bool>)> = coded_texts::table
        .inner_join(complaints::table)
        .left_join(text_codes::table)
        .filter(complaints::received_on.between(from, to))
        .select((
            coded_texts::id,
            text_codes::code.nullable(),
            text_codes::chosen.nullable(),
        ))
        .load(conn)?;
    let mut seen = BTreeSet::new();
    for (id, code, chosen) in rows {
        if seen.insert(id) {
            t.texts += 1;
        }
        if let (Some(code), Some(true)) = (code, chosen) {
            t.counts.entry(code).or_default().1 += 1;
        }
    }
    Ok(t)
}

/// The theme figures of the report: every code given in the period, most frequent first, with the
/// period before. A count under `k` is hidden; a second part goes with it, or else the total, so a
/// hidden part cannot be had by subtraction.
pub fn figures(now: &Tally, before: &Tally, book: &[Code], k: u64) -> Vec<ThemeFigure> {
    let cell = |n: u64, shown: Shown| Cell::new(n as f64, n, shown);
    let mut out: Vec<(u64, ThemeFigure)> = now
        .counts
        .iter()
        .map(|(code, (answers, complaints))| {
            let total = answers + complaints;
            let (st, parts) = suppression::partition(Some(total), &[*answers, *complaints], k);
            let st = st.unwrap_or(Shown::Hidden);
            let (sa, sc) = (parts[0], parts[1]);
            let prev = before.counts.get(code).map_or(0, |(a, c)| a + c);
            let name = book
                .iter()
                .find(|c| &c.code == code)
                .map_or_else(|| code.replace('_', " "), |c| c.name.clone());
            (
                total,
                ThemeFigure {
                    code: code.clone(),
                    name,
                    survey: cell(*answers, sa),
                    complaints: cell(*complaints, sc),
                    count: cell(total, st),
                    previous: cell(prev, suppression::primary(prev, k)),
                },
            )
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.code.cmp(&b.1.code)));
    out.into_iter().map(|(_, f)| f).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_made_from_names() {
        assert_eq!(code_from_name("Vervoer & reiskosten"), "vervoer_reiskosten");
        assert_eq!(code_from_name("  Één loket! "), "een_loket");
        assert_eq!(code_from_name("!!!"), "");
    }

    #[test]
    fn equal_wordings_share_a_hash_within_a_question_only() {
        assert_eq!(
            text_hash("wat_goed", "Fijn  geholpen "),
            text_hash("wat_goed", "Fijn geholpen")
        );
        assert_ne!(
            text_hash("wat_goed", "Fijn geholpen"),
            text_hash("wat_beter", "Fijn geholpen")
        );
        assert_eq!(text_hash("a", "b").len(), 32);
    }

    #[test]
    fn theme_counts_hide_small_parts_and_their_sum() {
        let mut now = Tally::default();
        now.counts.insert("privacy".into(), (12, 3));
        now.counts.insert("lang_wachten".into(), (40, 9));
        now.counts.insert("positief".into(), (2, 0));
        let mut before = Tally::default();
        before.counts.insert("lang_wachten".into(), (30, 6));
        let book = vec![Code {
            code: "lang_wachten".into(),
            name: "Lang wachten".into(),
            kind: THEME.into(),
            cues: vec![],
            active: true,
        }];
        let f = figures(&now, &before, &book, 5);
        assert_eq!(
            f.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(),
            ["lang_wachten", "privacy", "positief"]
        );
        assert_eq!(f[0].name, "Lang wachten");
        assert_eq!(f[0].count.n, Some(49));
        assert_eq!(f[0].previous.n, Some(36));
        // 3 complaints on privacy are hidden, and the answers with them: 15 - 12 would give them away.
        assert_eq!(
            (f[1].survey.n, f[1].complaints.n, f[1].count.n),
            (None, None, Some(15))
        );
        assert_eq!(
            f[1].previous.n,
            Some(0),
            "nobody is not a person to recognise"
        );
        // 2 answers and no complaints: nothing else to hide, so the total goes too.
        assert_eq!((f[2].survey.n, f[2].count.value), (None, None));
        for t in &f {
            for c in [&t.survey, &t.complaints, &t.count, &t.previous] {
                assert!(c.n.is_none_or(|n| n == 0 || n >= 5));
            }
        }
    }
}
