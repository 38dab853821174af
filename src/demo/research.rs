//! Demo research: quotes for the report and the researcher's codes.

use super::complaints::COMPLAINTS;
use super::surveys::{BETTER, GOOD};
use crate::accounts::service;
use crate::db::DbConnection;

/// How the demo researcher coded the demo comments: themes, and a norm where one applies. Some
/// differ from the program's suggestions, as a researcher's codes do.
const DEMO_CODES: &[(&str, &[&str])] = &[
    (GOOD[0], &["positief", "onbereikbaar"]),
    (GOOD[1], &["positief"]),
    (GOOD[2], &["positief", "goede_informatieverstrekking"]),
    (GOOD[3], &["positief", "luisteren"]),
    (BETTER[0], &["brieven", "goede_informatieverstrekking"]),
    (BETTER[1], &["lang_wachten", "onbereikbaar"]),
    (BETTER[2], &["wantrouwen", "privacy"]),
    (BETTER[3], &["wisseling"]),
    (BETTER[4], &["geen_begrip", "maatwerk"]),
];

/// A closed wave with its questionnaire.
type ClosedWave = (
    crate::surveys::waves::Wave,
    std::sync::Arc<crate::surveys::definition::Definition>,
);

/// The demo researcher and the waves that have closed, with their questionnaires.
fn research_inputs(conn: &mut DbConnection) -> anyhow::Result<(i64, Vec<ClosedWave>)> {
    let researcher = service::find_by_username(conn, "onderzoeker")
        .map_err(|e| anyhow::anyhow!("{e}"))?
        .id;
    let today = crate::fmt::today();
    let mut closed = vec![];
    for w in crate::surveys::waves::list_waves(conn)? {
        if w.closes_on >= today {
            continue;
        }
        let def = crate::surveys::respond::definition(conn, w.version_id)
            .map_err(|e| anyhow::anyhow!("{e}"))?;
        closed.push((w, def));
    }
    Ok((researcher, closed))
}

/// Quotes for the demo report: candidates from the closed waves' open answers, the first few
/// approved by the demo researcher.
pub(super) fn seed_quotes(conn: &mut DbConnection) -> anyhow::Result<()> {
    use crate::db::schema::quotes;
    use diesel::prelude::*;
    let (researcher, closed) = research_inputs(conn)?;
    for (w, def) in closed {
        crate::monitor::quotes::make_candidates(
            conn,
            w.id,
            &def,
            crate::monitor::quotes::DEFAULT_MIN_GROUP,
        )?;
        let first: Vec<i64> = quotes::table
            .filter(quotes::wave_id.eq(w.id))
            .order(quotes::id)
            .limit(5)
            .select(quotes::id)
            .load(conn)?;
        diesel::update(quotes::table.filter(quotes::id.eq_any(&first)))
            .set((
                quotes::status.eq(crate::monitor::quotes::APPROVED),
                quotes::decided_by.eq(researcher),
                quotes::decided_at.eq(crate::db::now()),
            ))
            .execute(conn)?;
    }
    Ok(())
}

/// How the demo researcher coded the demo complaint descriptions: what she chose after reading
/// them, not what the program suggested (some suggestions she left, some codes she added).
const DEMO_COMPLAINT_CODES: &[(&str, &[&str])] = &[
    (COMPLAINTS[0].0, &["onbereikbaar", "voortvarendheid"]),
    (COMPLAINTS[1].0, &["privacy", "grondrechten"]),
    (COMPLAINTS[2].0, &["brieven", "fatsoenlijke_bejegening"]),
    (COMPLAINTS[3].0, &["wisseling", "samenwerking"]),
    (COMPLAINTS[4].0, &["privacy", "wantrouwen", "evenredigheid"]),
    (COMPLAINTS[5].0, &["wantrouwen"]),
    (COMPLAINTS[6].0, &["niet_gehoord", "luisteren"]),
    (COMPLAINTS[7].0, &["lang_wachten", "voortvarendheid"]),
    (COMPLAINTS[8].0, &["respectloos", "fatsoenlijke_bejegening"]),
    (COMPLAINTS[9].0, &["geen_begrip", "maatwerk"]),
    (COMPLAINTS[10].0, &["niet_geholpen", "goede_motivering"]),
    (COMPLAINTS[11].0, &["onbereikbaar"]),
    (COMPLAINTS[12].0, &["niet_geholpen"]),
];

/// Coding for the demo report, as a researcher codes: every open answer of the closed wave and
/// this year's complaint descriptions get the codes the demo researcher chose; the program's
/// suggestions are stored beside them as accepted or rejected, never as codes by themselves.
pub(super) fn seed_coding(conn: &mut DbConnection) -> anyhow::Result<()> {
    use crate::monitor::codebook;
    use std::collections::BTreeSet;
    let (researcher, closed) = research_inputs(conn)?;
    let today = crate::fmt::today();
    let book = codebook::load(conn)?;
    let chosen_for = |table: &[(&str, &[&str])], text: &str| -> BTreeSet<String> {
        table
            .iter()
            .find(|(t, _)| *t == text)
            .map(|(_, codes)| codes.iter().map(|c| c.to_string()).collect())
            .unwrap_or_default()
    };
    for (w, def) in closed {
        for text in codebook::survey_texts(conn, w.id, &def)? {
            let chosen = chosen_for(DEMO_CODES, &text.shown);
            let model = codebook::learned_model(conn, &crate::monitor::coding::Stems::new("nl"))?;
            let suggested =
                codebook::suggested_map(&codebook::suggestions_for(&text.shown, &book, &model));
            codebook::save(conn, &text, &chosen, &suggested, Some(researcher), today)?;
        }
    }
    for text in codebook::complaint_texts(conn, chrono::Datelike::year(&today))? {
        let chosen = chosen_for(DEMO_COMPLAINT_CODES, &text.shown);
        let model = codebook::learned_model(conn, &crate::monitor::coding::Stems::new("nl"))?;
        let suggested =
            codebook::suggested_map(&codebook::suggestions_for(&text.shown, &book, &model));
        codebook::save(conn, &text, &chosen, &suggested, Some(researcher), today)?;
    }
    Ok(())
}
