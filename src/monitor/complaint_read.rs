//! The complaint facts the figures count, made from the read model that complaints expose
//! ([`crate::complaints::read_model`]: the monitor reads the complaint tables nowhere else) and the
//! themes the monitor's own coding gave each description.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;

use super::complaint_figures::CaseFacts;
use crate::complaints::read_model::{self, ComplaintFacts};
use crate::db::DbConnection;

/// The facts of every complaint received between two days (both included), with the themes its
/// description was coded with. A stored code the product does not know is an error.
pub fn complaint_facts(
    conn: &mut DbConnection,
    from: NaiveDate,
    to: NaiveDate,
    today: NaiveDate,
) -> QueryResult<Vec<CaseFacts>> {
    let facts = read_model::facts(conn, from, to)?;
    let ids: Vec<i64> = facts.iter().map(|f| f.id).collect();
    let mut themes = coded_themes(conn, &ids)?;
    Ok(facts
        .into_iter()
        .map(|f| {
            let coded = themes.remove(&f.id);
            case_facts(f, coded, today)
        })
        .collect())
}

/// The figures' view of one complaint: `themes` is `None` when its description was not coded.
fn case_facts(f: ComplaintFacts, themes: Option<Vec<String>>, today: NaiveDate) -> CaseFacts {
    CaseFacts {
        channel: f.channel.code().to_string(),
        received: f.received,
        registered: f.registered,
        anonymous: f.anonymous,
        mediated: f.mediated,
        resolved_informally: f.resolved_informally(),
        withdrawn: f.withdrawn(),
        heard: f.heard,
        decided: f.decided,
        judgement: f.judgement().map(|j| j.code().to_string()),
        finished: f.finished(),
        deadline: f.deadline,
        overdue: f.overdue(today),
        postponed: f.postponed,
        followups: f.followups,
        ombudsman: f.ombudsman,
        via_council: f.via_council,
        council_feedback: f.council_feedback,
        register_outcome: f.register_outcome(),
        team: f.team.filter(|t| !t.trim().is_empty()),
        norms: f.norms.into_iter().map(String::from).collect(),
        categories: f.categories,
        coded: themes.is_some(),
        themes: themes.unwrap_or_default(),
    }
}

/// The chosen codes of the coded descriptions of the given complaints: a complaint with a coded
/// text is coded, its chosen codes are its themes.
fn coded_themes(conn: &mut DbConnection, ids: &[i64]) -> QueryResult<BTreeMap<i64, Vec<String>>> {
    use crate::db::schema::{coded_texts, text_codes};
    let mut themes: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    for chunk in ids.chunks(500) {
        for (id, code, chosen) in coded_texts::table
            .left_join(text_codes::table)
            .filter(coded_texts::complaint_id.eq_any(chunk))
            .select((
                coded_texts::complaint_id,
                text_codes::code.nullable(),
                text_codes::chosen.nullable(),
            ))
            .load::<(Option<i64>, Option<String>, Option<bool>)>(conn)?
        {
            let Some(id) = id else { continue };
            let list = themes.entry(id).or_default();
            if let (Some(code), Some(true)) = (code, chosen) {
                list.push(code);
            }
        }
    }
    Ok(themes)
}
