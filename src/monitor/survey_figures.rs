//! Counting a wave's answer sets for the monitor: per item (scale counts, grades, chosen options),
//! and the same per subgroup: every background question's answer, the channel and the language.
//! One pass over the wave's answers, a page at a time, in the order of the `(wave_id, id)` index.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::indicators::ScaleCounts;
use crate::db::schema::responses;
use crate::db::DbConnection;
use crate::surveys::answers::{AnswerSet, Stored};
use crate::surveys::definition::{Definition, Dimension, ItemKind};

/// Counts of one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Count {
    /// A five-point scale.
    Scale(ScaleCounts),
    /// Grades 1..=10 (index 0 is grade 1).
    Grade([u64; 10]),
    /// Options chosen, and how many answered.
    Choice(BTreeMap<String, u64>, u64),
}

/// Counts of every countable item, for one group of answer sets.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Answer sets in the group.
    pub sets: u64,
    /// Per item key.
    pub items: BTreeMap<String, Count>,
}

impl Tally {
    fn add(&mut self, def: &Definition, a: &AnswerSet) {
        self.sets += 1;
        for item in def.items() {
            let Some(value) = a.get(&item.key) else {
                continue;
            };
            let entry = self
                .items
                .entry(item.key.clone())
                .or_insert_with(|| match item.kind {
                    ItemKind::Scale { .. } => Count::Scale(ScaleCounts::default()),
                    ItemKind::Grade => Count::Grade([0; 10]),
                    _ => Count::Choice(BTreeMap::new(), 0),
                });
            match (entry, value) {
                (Count::Scale(c), Stored::Number(n)) => c.add(*n),
                (Count::Scale(c), Stored::Text(_)) => c.add(0),
                (Count::Grade(g), Stored::Number(n)) if (1..=10).contains(n) => {
                    g[(*n - 1) as usize] += 1
                }
                (Count::Choice(m, n), Stored::Text(code)) => {
                    *n += 1;
                    *m.entry(code.clone()).or_default() += 1;
                }
                (Count::Choice(m, n), Stored::List(codes)) => {
                    *n += 1;
                    for code in codes {
                        *m.entry(code.clone()).or_default() += 1;
                    }
                }
                _ => {}
            }
        }
    }
}

/// A subgroup: what it is split by and the value, e.g. (`terugvordering`, `ja`), (`kanaal`, `paper-scan`).
pub type Group = (String, String);

/// The counts of a wave: all answer sets, and per subgroup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WaveFigures {
    /// Every answer set.
    pub all: Tally,
    /// Per subgroup.
    pub groups: BTreeMap<Group, Tally>,
}

/// The single-choice background questions that split the answers into subgroups.
pub fn background_items(def: &Definition) -> Vec<String> {
    def.items()
        .filter(|i| {
            i.dimension == Dimension::Achtergrond && matches!(i.kind, ItemKind::Single { .. })
        })
        .map(|i| i.key.clone())
        .collect()
}

/// Answer sets read per query.
const PAGE: i64 = 10_000;

/// Counts every answer set of `wave_id` (answered with `def`).
pub fn compute(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
) -> QueryResult<WaveFigures> {
    let splits = background_items(def);
    let mut out = WaveFigures::default();
    let mut after = 0i64;
    loop {
        let rows: Vec<(i64, String, String, String)> = responses::table
            .filter(responses::wave_id.eq(wave_id))
            .filter(responses::id.gt(after))
            .order(responses::id)
            .limit(PAGE)
            .select((
                responses::id,
                responses::channel,
                responses::language,
                responses::answers,
            ))
            .load(conn)?;
        let Some(last) = rows.last() else { break };
        after = last.0;
        for (_, channel, language, json) in &rows {
            let Ok(a) = serde_json::from_str::<AnswerSet>(json) else {
                continue;
            };
            out.all.add(def, &a);
            let mut groups: Vec<Group> = vec![
                ("kanaal".into(), channel.clone()),
                ("taal".into(), language.clone()),
            ];
            for key in &splits {
                if let Some(Stored::Text(v)) = a.get(key) {
                    groups.push((key.clone(), v.clone()));
                }
            }
            for g in groups {
                out.groups.entry(g).or_default().add(def, &a);
            }
        }
        if (rows.len() as i64) < PAGE {
            break;
        }
    }
    Ok(out)
}
