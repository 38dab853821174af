//! The researcher's codes with the program's suggestions beside them, and the set the suggestions
//! learn from.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use diesel::prelude::*;

use super::*;
use crate::db::schema::{coded_texts, text_codes};
use crate::db::{write_tx, DbConnection};

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
pub fn suggested_by(via: &crate::monitor::coding::Via) -> &'static str {
    match via {
        crate::monitor::coding::Via::Cues => "woorden",
        crate::monitor::coding::Via::Theme(_) => "thema",
        crate::monitor::coding::Via::Model(_) => "model",
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
        for d in crate::complaints::read_model::descriptions_of(conn, chunk)? {
            shown.insert(format!("k:{}", d.id), super::texts::shown_description(&d));
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
    stems: &crate::monitor::coding::Stems,
) -> QueryResult<crate::monitor::learning::Model> {
    let set = training_set(conn)?;
    let coded: Vec<(BTreeSet<String>, BTreeSet<String>)> = set
        .iter()
        .filter(|(text, _)| crate::monitor::coding::detect_language(text).code() == "nl")
        .map(|(text, codes)| {
            (
                crate::monitor::learning::features(text, stems),
                codes.clone(),
            )
        })
        .collect();
    Ok(crate::monitor::learning::Model::train(&coded))
}

/// The suggestions for a text with this codebook and what the researcher taught so far.
pub fn suggestions_for(
    text: &str,
    book: &[Code],
    model: &crate::monitor::learning::Model,
) -> crate::monitor::coding::Suggestions {
    let rules = suggestion_book(book);
    let suggester = crate::monitor::coding::Suggester::new(&rules);
    let mut s = suggester.suggest(text);
    if s.language.code() == "nl" {
        let allowed: BTreeSet<String> = rules.iter().map(|(c, _)| c.clone()).collect();
        model.add_to(
            text,
            &crate::monitor::coding::Stems::new("nl"),
            &mut s,
            &allowed,
        );
        suggester.sort(&mut s.items);
    }
    s
}

/// The suggested codes with what suggested them, as [`save`] stores them.
pub fn suggested_map(s: &crate::monitor::coding::Suggestions) -> BTreeMap<String, &'static str> {
    s.items
        .iter()
        .map(|i| (i.code.clone(), suggested_by(&i.via)))
        .collect()
}
