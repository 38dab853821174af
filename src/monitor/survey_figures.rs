//! Counting a wave's answer sets for the monitor: per item (scale counts, grades, chosen options),
//! and the same per subgroup: every background question's answer, the channel and the language.
//! One pass over the wave's answers, a page at a time, in the order of the `(wave_id, id)` index.

use std::collections::BTreeMap;

use diesel::prelude::*;

use super::disclosure;
use super::indicators::ScaleCounts;
use crate::db::schema::responses;
use crate::db::DbConnection;
use crate::surveys::answers::Stored;
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

/// How an item is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Scale,
    Grade,
    Choice,
    Skip,
}

/// Counts by item position while reading; turned into a [`Tally`] at the end.
#[derive(Debug, Clone, Default)]
struct Fast {
    sets: u64,
    counts: Vec<Option<Count>>,
}

impl Fast {
    fn add(&mut self, classes: &[Class], values: &[Option<Stored>]) {
        self.sets += 1;
        if self.counts.len() < classes.len() {
            self.counts.resize(classes.len(), None);
        }
        for (i, class) in classes.iter().enumerate() {
            let Some(value) = &values[2 * i] else {
                continue;
            };
            if *class == Class::Skip {
                continue;
            }
            let entry = self.counts[i].get_or_insert_with(|| match class {
                Class::Scale => Count::Scale(ScaleCounts::default()),
                Class::Grade => Count::Grade([0; 10]),
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
                    match m.get_mut(code.as_str()) {
                        Some(c) => *c += 1,
                        None => {
                            m.insert(code.clone(), 1);
                        }
                    }
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

    fn finish(self, def: &Definition) -> Tally {
        let mut items = BTreeMap::new();
        for (item, count) in def.items().zip(self.counts) {
            if let Some(c) = count {
                items.insert(item.key.clone(), c);
            }
        }
        Tally {
            sets: self.sets,
            items,
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

/// Answer sets read per query.
const PAGE: i64 = 10_000;

/// Counts answer sets one at a time: all of them, and per subgroup (channel, language, and the
/// answer to each background question). Pure; [`compute`] feeds it from the database.
pub struct Counter<'d> {
    def: &'d Definition,
    classes: Vec<Class>,
    splits: Vec<(String, usize)>,
    slots: crate::surveys::export::Slots,
    all: Fast,
    // Per split (kanaal, taal, then each background question): value → counts.
    by: Vec<std::collections::HashMap<String, Fast>>,
}

/// Whether the answers to a background question split the people into groups (one option each).
fn splits_groups(kind: &ItemKind) -> bool {
    match kind {
        ItemKind::Single { .. } => true,
        ItemKind::Grade
        | ItemKind::Scale { .. }
        | ItemKind::Multi { .. }
        | ItemKind::Text { .. }
        | ItemKind::Number { .. } => false,
    }
}

impl<'d> Counter<'d> {
    /// A counter for answer sets of `def`.
    pub fn new(def: &'d Definition) -> Counter<'d> {
        let classes: Vec<Class> = def
            .items()
            .map(|i| match i.kind {
                ItemKind::Scale { .. } => Class::Scale,
                ItemKind::Grade => Class::Grade,
                ItemKind::Single { .. } | ItemKind::Multi { .. } => Class::Choice,
                ItemKind::Text { .. } | ItemKind::Number { .. } => Class::Skip,
            })
            .collect();
        let splits: Vec<(String, usize)> = def
            .items()
            .enumerate()
            .filter(|(_, i)| i.dimension == Dimension::Achtergrond && splits_groups(&i.kind))
            .map(|(n, i)| (i.key.clone(), n))
            .collect();
        let by = vec![Default::default(); 2 + splits.len()];
        Counter {
            def,
            classes,
            splits,
            slots: crate::surveys::export::Slots::new(def),
            all: Fast::default(),
            by,
        }
    }

    /// Counts one answer set (stored JSON); one that cannot be read is left out.
    pub fn add_json(&mut self, channel: &str, language: &str, json: &str) {
        if self.slots.fill(json).is_err() {
            return;
        }
        let values = &self.slots.values;
        let classes = &self.classes;
        self.all.add(classes, values);
        let by = &mut self.by;
        let mut add = |split: usize, value: &str| match by[split].get_mut(value) {
            Some(f) => f.add(classes, values),
            None => {
                let mut f = Fast::default();
                f.add(classes, values);
                by[split].insert(value.to_string(), f);
            }
        };
        add(0, channel);
        add(1, language);
        for (s, (_, pos)) in self.splits.iter().enumerate() {
            if let Some(Stored::Text(v)) = &values[2 * pos] {
                add(2 + s, v);
            }
        }
    }

    /// The counts.
    pub fn finish(self) -> WaveFigures {
        let def = self.def;
        let mut out = WaveFigures {
            all: self.all.finish(def),
            groups: BTreeMap::new(),
        };
        let names: Vec<String> = ["kanaal".to_string(), "taal".to_string()]
            .into_iter()
            .chain(self.splits.iter().map(|(k, _)| k.clone()))
            .collect();
        for (name, groups) in names.into_iter().zip(self.by) {
            for (value, f) in groups {
                out.groups.insert((name.clone(), value), f.finish(def));
            }
        }
        out
    }
}

/// Counts every answer set of `wave_id` (answered with `def`): answers are read into slots by
/// item position (no map per answer set), and each subgroup is found with one lookup. For the
/// researcher's live view; the report counts what [`compute_published`] counts.
pub fn compute(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
) -> QueryResult<WaveFigures> {
    compute_through(conn, wave_id, def, None)
}

/// The counts a council report may publish of a closed wave: the answer sets of the closing date
/// and before, and late ones as [`disclosure::published_through`] lets them join.
pub fn compute_published(
    conn: &mut DbConnection,
    wave: &crate::surveys::waves::Wave,
    def: &Definition,
    today: chrono::NaiveDate,
    k: u64,
) -> QueryResult<WaveFigures> {
    let late = crate::surveys::export_scope::late_days(conn, wave)?;
    let through = disclosure::published_through(wave.closes_on, &late, today, k);
    compute_through(conn, wave.id, def, Some(through))
}

/// The counts the researcher's interim view of a running wave may show, and the last day they
/// hold: the answer sets of whole days that have passed, joining only when together at least `k`
/// (the rule of late paper, [`disclosure::published_through`], from the day before it opened), so
/// two looks never differ by one person's answers, their language or their channel.
pub fn compute_interim(
    conn: &mut DbConnection,
    wave: &crate::surveys::waves::Wave,
    def: &Definition,
    today: chrono::NaiveDate,
    k: u64,
) -> QueryResult<(WaveFigures, chrono::NaiveDate)> {
    let through = interim_through(conn, wave, today, k)?;
    Ok((compute_through(conn, wave.id, def, Some(through))?, through))
}

/// The last day whose answer sets a running wave's interim figures and open answers show (see
/// [`compute_interim`]); the day before it opened when none yet.
pub fn interim_through(
    conn: &mut DbConnection,
    wave: &crate::surveys::waves::Wave,
    today: chrono::NaiveDate,
    k: u64,
) -> QueryResult<chrono::NaiveDate> {
    let before = wave.opens_on - chrono::Duration::days(1);
    let days = crate::surveys::export_scope::days_after(conn, wave.id, before)?;
    Ok(disclosure::published_through(before, &days, today, k))
}

/// Counts the answer sets of `wave_id` answered on or before `through` (all when `None`).
fn compute_through(
    conn: &mut DbConnection,
    wave_id: i64,
    def: &Definition,
    through: Option<chrono::NaiveDate>,
) -> QueryResult<WaveFigures> {
    // No limit: a day later than any stored one (both databases compare dates as dates).
    let through = through
        .or_else(|| chrono::NaiveDate::from_ymd_opt(9999, 12, 31))
        .unwrap_or_default();
    let mut counter = Counter::new(def);
    let mut after = 0i64;
    loop {
        let rows: Vec<(i64, String, String, String)> = responses::table
            .filter(responses::wave_id.eq(wave_id))
            .filter(responses::id.gt(after))
            .filter(responses::answered_on.le(through))
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
            counter.add_json(channel, language, json);
        }
        if (rows.len() as i64) < PAGE {
            break;
        }
    }
    Ok(counter.finish())
}
