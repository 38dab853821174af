//! How well the suggestions agree with the researcher, and the theme counts the report shows.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::*;
use crate::complaints::read_model;
use crate::db::schema::{coded_texts, text_codes};
use crate::db::DbConnection;
use crate::monitor::disclosure::{self, Shown};
use crate::monitor::report::{Cell, ThemeFigure};

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
    let (precision, recall) = crate::monitor::coding::precision_recall_counts(
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
    let mut rows: Vec<(i64, Option<String>, Option<bool>)> = vec![];
    for chunk in read_model::received_between(conn, from, to)?.chunks(500) {
        rows.extend(
            coded_texts::table
                .left_join(text_codes::table)
                .filter(coded_texts::complaint_id.eq_any(chunk))
                .select((
                    coded_texts::id,
                    text_codes::code.nullable(),
                    text_codes::chosen.nullable(),
                ))
                .load::<(i64, Option<String>, Option<bool>)>(conn)?,
        );
    }
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
            let (st, parts) = disclosure::partition(Some(total), &[*answers, *complaints], k);
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
                    previous: cell(prev, disclosure::primary(prev, k)),
                },
            )
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.code.cmp(&b.1.code)));
    out.into_iter().map(|(_, f)| f).collect()
}
