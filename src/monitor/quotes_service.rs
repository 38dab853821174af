//! The writes of safe quotes: making candidates from a wave's open answers, and the researcher's
//! decision on one.

use diesel::prelude::*;

use super::quotes::{candidate_text, CANDIDATE};
use super::quotes_queries;
use crate::db::schema::quotes;
use crate::db::{now, write_tx, DbConnection};
use crate::surveys::definition::Definition;

/// Makes candidate quotes from the open answers of a wave (none when fewer than `min_group`
/// answered). Returns how many new candidates were stored; an answer already a quote is skipped.
pub fn make_candidates(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    min_group: u64,
) -> QueryResult<usize> {
    let answered = quotes_queries::answered(conn, wave_id)?;
    if (answered as u64) < min_group {
        return Ok(0);
    }
    let mut found: Vec<(String, String)> = vec![];
    super::codebook::each_open_answer(conn, wave_id, def, |key, text| {
        if let Some(c) = candidate_text(text) {
            found.push((key.to_string(), c));
        }
    })?;
    found.sort();
    found.dedup();
    // Sorted by item and text: the order of the answers is not kept.
    write_tx(conn, |c| {
        let existing = quotes_queries::texts(c, wave_id)?;
        let mut n = 0;
        for (key, text) in &found {
            if existing
                .iter()
                .any(|q| &q.item_key == key && &q.text == text)
            {
                continue;
            }
            diesel::insert_into(quotes::table)
                .values((
                    quotes::wave_id.eq(wave_id),
                    quotes::item_key.eq(key),
                    quotes::text.eq(text),
                    quotes::status.eq(CANDIDATE),
                ))
                .execute(c)?;
            n += 1;
        }
        Ok(n)
    })
}

/// The researcher's decision on a quote: its new status and (cleaned) text.
pub struct Decided {
    /// `goedgekeurd` or `afgewezen`.
    pub status: &'static str,
    /// The text as cleaned again.
    pub text: String,
    /// The researcher's user id.
    pub by: i64,
}

/// Stores the decision on quote `quote` of wave `wave_id`; how many quotes changed (0: no such
/// quote in that wave).
pub fn decide(
    conn: &mut DbConnection,
    wave_id: i64,
    quote: i64,
    d: &Decided,
) -> QueryResult<usize> {
    diesel::update(
        quotes::table
            .filter(quotes::id.eq(quote))
            .filter(quotes::wave_id.eq(wave_id)),
    )
    .set((
        quotes::status.eq(d.status),
        quotes::text.eq(&d.text),
        quotes::decided_by.eq(d.by),
        quotes::decided_at.eq(now()),
    ))
    .execute(conn)
}
