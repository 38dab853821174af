//! The survey part of the report: items, dimensions, the grade, subgroups and norms of a wave,
//! and the dimensions over waves.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::monitor::disclosure::{self, Shown};
use crate::monitor::indicators::{self, ScaleCounts};
use crate::monitor::survey_figures::{self, Count, Tally};
use crate::surveys::definition::{Definition, Dimension, ItemKind};

/// The dimensions in report order.
pub const DIMENSIONS: [Dimension; 4] = [
    Dimension::Bereikbaarheid,
    Dimension::Bejegening,
    Dimension::Dienstverlening,
    Dimension::Effectiviteit,
];

/// (positive, base) of each scale question of a dimension in a tally, in questionnaire order
/// (a question nobody answered has base 0).
pub(super) fn dimension_parts(def: &Definition, t: &Tally, d: Dimension) -> Vec<(u64, u64)> {
    keys_parts(
        t,
        def.items()
            .filter(|i| i.dimension == d && matches!(i.kind, ItemKind::Scale { .. }))
            .map(|i| i.key.as_str()),
    )
}

/// (positive, base) of the given questions in a tally.
pub(super) fn keys_parts<'a>(t: &Tally, keys: impl Iterator<Item = &'a str>) -> Vec<(u64, u64)> {
    keys.map(|key| match t.items.get(key) {
        Some(Count::Scale(c)) => positive_of(c),
        _ => (0, 0),
    })
    .collect()
}

pub(super) fn positive_of(c: &ScaleCounts) -> (u64, u64) {
    (c.points[3] + c.points[4], c.base())
}

/// The share positive of a block of questions as the codebook defines it (the mean of the
/// questions' shares, see [`indicators::mean_share`]), with the decision on it: hidden when a
/// question in it rests on fewer than `k` people (its own share is hidden, and the mean would give
/// it back); otherwise shown, and indicative when the most answered question has fewer than 50.
/// The cell's n is that number: the people the figure rests on at least. Returns the cell and
/// the smallest base among the questions.
pub fn block_share(parts: &[(u64, u64)], k: u64) -> (Cell, Option<u64>) {
    let bases: Vec<u64> = parts.iter().map(|p| p.1).filter(|n| *n > 0).collect();
    let nmin = indicators::nmin(&bases);
    let people = bases.iter().copied().max().unwrap_or(0);
    let cell = match indicators::mean_share(parts) {
        Some(v) if nmin.is_some_and(|m| m >= k) => {
            Cell::new(v, people, disclosure::primary(people, k))
        }
        _ => Cell::new(0.0, 0, Shown::Hidden),
    };
    (cell, nmin)
}

/// How a dimension is named in a sentence.
pub fn dimension_phrase(dimension: Dimension) -> &'static str {
    match dimension {
        Dimension::Bereikbaarheid => "de bereikbaarheid",
        Dimension::Bejegening => "de bejegening",
        Dimension::Dienstverlening => "de dienstverlening",
        Dimension::Effectiviteit => "de ondersteuning",
        Dimension::Achtergrond => "dit onderwerp",
    }
}

/// A subgroup in words: (what splits, the group, a description to use in a sentence).
pub fn group_labels(def: &Definition, split: &str, value: &str) -> (String, String, String) {
    use crate::surveys::answers::text_in;
    use crate::web::i18n::Lang;
    match split {
        "kanaal" => {
            use crate::surveys::channel::Channel;
            // Every channel by name (the compiler lists this place for a new one); a stored code
            // the product does not know reads as "another way".
            let (label, how) = match Channel::parse(value) {
                Some(Channel::Web) => ("Internet", "via internet"),
                Some(Channel::PaperScan) => ("Papier (gescand)", "op papier"),
                Some(Channel::PaperKeyed) => ("Papier (ingetypt)", "op papier"),
                Some(Channel::Phone) => ("Telefoon", "aan de telefoon"),
                Some(Channel::Assisted) => ("Met hulp", "met hulp van iemand anders"),
                None => ("Anders", "op een andere manier"),
            };
            (
                "Kanaal".into(),
                label.into(),
                format!("mensen die de vragenlijst {how} invulden"),
            )
        }
        "taal" => {
            let name = match value {
                "nl" => "Nederlands",
                "en" => "Engels",
                "ar" => "Arabisch",
                "tr" => "Turks",
                "pl" => "Pools",
                "uk" => "Oekraïens",
                other => other,
            };
            (
                "Taal".into(),
                name.into(),
                format!("mensen die de vragenlijst in het {name} invulden"),
            )
        }
        key => {
            let item = def.items().find(|i| i.key == key);
            let question = item
                .map(|i| text_in(&i.text, Lang::Nl).to_string())
                .unwrap_or_else(|| key.to_string());
            let answer = item
                .and_then(|i| match &i.kind {
                    ItemKind::Single { options, .. } => options
                        .iter()
                        .find(|o| o.code == value)
                        .map(|o| text_in(&o.label, Lang::Nl).to_string()),
                    // Only one-answer questions split groups (`survey_figures::splits_groups`); a
                    // kind that may split them must give its answer's label here.
                    ItemKind::Grade
                    | ItemKind::Scale { .. }
                    | ItemKind::Multi { .. }
                    | ItemKind::Text { .. }
                    | ItemKind::Number { .. } => None,
                })
                .unwrap_or_else(|| value.to_string());
            match crate::monitor::labels::group_phrase(key, value) {
                Some(p) => {
                    let mut c = p.chars();
                    let label: String = c
                        .next()
                        .map(|f| f.to_uppercase().chain(c).collect())
                        .unwrap_or_default();
                    (question, label, p.to_string())
                }
                None => (
                    question.clone(),
                    answer.clone(),
                    format!(
                        "mensen die \u{201c}{answer}\u{201d} antwoordden op \u{201c}{question}\u{201d}"
                    ),
                ),
            }
        }
    }
}

/// The survey part from a wave's counts (and the previous wave's, for the change).
pub fn survey_part(
    def: &Definition,
    wave: &str,
    population: u64,
    invited: u64,
    f: &survey_figures::WaveFigures,
    previous: Option<(&str, &survey_figures::WaveFigures)>,
    k: u64,
) -> SurveyPart {
    let mut items = vec![];
    for item in def
        .items()
        .filter(|i| matches!(i.kind, ItemKind::Scale { .. }))
    {
        let Some(Count::Scale(c)) = f.all.items.get(&item.key) else {
            continue;
        };
        let Some(s) = indicators::scale_shares(c) else {
            continue;
        };
        let shown = disclosure::primary(s.n, k);
        let change = previous.and_then(|(_, p)| match p.all.items.get(&item.key) {
            Some(Count::Scale(pc)) => {
                let (k1, n1) = positive_of(c);
                let (k2, n2) = positive_of(pc);
                indicators::two_proportions(k1, n1, k2, n2)
                    .filter(|d| d.significant() && n2 >= k)
                    .map(|d| d.points)
            }
            _ => None,
        });
        items.push(ItemFigure {
            key: item.key.clone(),
            text: crate::surveys::answers::text_in(&item.text, crate::web::i18n::Lang::Nl)
                .to_string(),
            dimension: item.dimension,
            positive: Cell::new(s.positive, s.n, shown),
            neutral: Cell::new(s.neutral, s.n, shown),
            negative: Cell::new(s.negative, s.n, shown),
            dont_know: Cell::new(
                s.dont_know,
                c.answered(),
                disclosure::primary(c.answered(), k),
            ),
            interval: shown.published().then_some(s.positive_interval),
            change: if shown.published() { change } else { None },
        });
    }
    let dimensions = DIMENSIONS
        .iter()
        .map(|d| {
            let parts = dimension_parts(def, &f.all, *d);
            let (positive, nmin) = block_share(&parts, k);
            let change = previous.and_then(|(_, p)| {
                let before = dimension_parts(def, &p.all, *d);
                let (was, _) = block_share(&before, k);
                (positive.value.is_some() && was.value.is_some())
                    .then(|| indicators::mean_shares_difference(&parts, &before))
                    .flatten()
                    .filter(|x| x.significant())
                    .map(|x| x.points)
            });
            DimensionFigure {
                dimension: *d,
                positive,
                nmin,
                change,
                parts,
            }
        })
        .collect();
    // The grade.
    let grade = def
        .items()
        .find(|i| i.kind == ItemKind::Grade)
        .and_then(|i| match f.all.items.get(&i.key) {
            Some(Count::Grade(g)) => indicators::grades(*g),
            _ => None,
        });
    let (grade_mean, grade_eight_or_more, grade_below_six) = match &grade {
        Some(g) => {
            let s = disclosure::primary(g.n, k);
            (
                Cell::new(g.mean, g.n, s),
                Cell::new(g.eight_or_more, g.n, s),
                Cell::new(g.below_six, g.n, s),
            )
        }
        None => {
            let hidden = || Cell::new(0.0, 0, Shown::Hidden);
            (hidden(), hidden(), hidden())
        }
    };
    // Subgroups: per split, the groups' sizes are suppressed together.
    let mut subgroups = vec![];
    let mut splits: BTreeMap<&str, Vec<(&str, &Tally)>> = BTreeMap::new();
    for ((split, value), t) in &f.groups {
        splits
            .entry(split.as_str())
            .or_default()
            .push((value.as_str(), t));
    }
    for (split, groups) in splits {
        let sizes: Vec<u64> = groups.iter().map(|(_, t)| t.sets).collect();
        let (_, shown) = disclosure::partition(Some(sizes.iter().sum()), &sizes, k);
        for ((value, t), s) in groups.iter().zip(shown) {
            let labels = group_labels(def, split, value);
            for d in DIMENSIONS {
                let parts = dimension_parts(def, t, d);
                if parts.iter().all(|p| p.1 == 0) {
                    continue;
                }
                // The share rests on the people who answered this dimension's questions (at least
                // as many as answered its most answered question); every question in it on at
                // least k, or it is hidden.
                let (cell, _) = block_share(&parts, k);
                let positive = if s.published() {
                    cell
                } else {
                    Cell::new(0.0, 0, Shown::Hidden)
                };
                let all = dimension_parts(def, &f.all, d);
                let rest: Vec<(u64, u64)> = all
                    .iter()
                    .zip(&parts)
                    .map(|(a, g)| (a.0 - g.0, a.1 - g.1))
                    .collect();
                let difference = if positive.value.is_some() {
                    indicators::mean_shares_difference(&parts, &rest)
                        .filter(indicators::worth_telling)
                        .and_then(|diff| {
                            indicators::difference_text(
                                dimension_phrase(d),
                                &labels.2,
                                "de anderen",
                                &diff,
                            )
                        })
                } else {
                    None
                };
                subgroups.push(SubgroupFigure {
                    split: split.to_string(),
                    value: value.to_string(),
                    split_label: labels.0.clone(),
                    value_label: labels.1.clone(),
                    dimension: d,
                    positive,
                    difference,
                });
            }
        }
    }
    // The norm table: the built-in one (checked against the questionnaire; a table that does not
    // fit this questionnaire is left out rather than half shown). A norm's share is the mean of
    // its questions' shares, as `monitor/normen.toml` says.
    let norms = crate::monitor::norms::parse(crate::monitor::norms::BUILT_IN, def)
        .unwrap_or_default()
        .into_iter()
        .map(|n| {
            let parts = keys_parts(&f.all, n.vragen.iter().map(String::as_str));
            let (positive, _) = block_share(&parts, k);
            let verdict = crate::monitor::norms::assess(&n, positive.value);
            NormFigure {
                name: n.naam,
                items: n.vragen,
                positive,
                thresholds: (n.voldaan, n.gedeeltelijk),
                verdict,
            }
        })
        .collect();
    let answered = f.all.sets;
    SurveyPart {
        quotes: vec![],
        norms,
        wave: wave.to_string(),
        answered,
        population,
        invited,
        response_rate: crate::surveys::stats::response_rate(answered, invited),
        margin: indicators::margin(answered, population),
        dimensions,
        items,
        grade_mean,
        grade_eight_or_more,
        grade_below_six,
        subgroups,
        previous_wave: previous.map(|(name, _)| name.to_string()),
    }
}

/// One wave's dimensions for the trend.
pub(super) fn wave_trend_of(
    def: &Definition,
    name: &str,
    closed: NaiveDate,
    f: &survey_figures::WaveFigures,
    k: u64,
) -> WaveTrend {
    let part = survey_part(def, name, 0, 0, f, None, k);
    WaveTrend {
        wave: name.to_string(),
        closed,
        answered: part.answered,
        dimensions: part.dimensions,
    }
}

/// Marks, per dimension, the significant changes from each wave of the trend to the one before.
pub(super) fn mark_wave_changes(trend: &mut [WaveTrend]) {
    for i in 1..trend.len() {
        let (before, now) = trend.split_at_mut(i);
        let prev = &before[i - 1];
        for d in &mut now[0].dimensions {
            let p = prev.dimensions.iter().find(|x| x.dimension == d.dimension);
            d.change = p.and_then(|p| {
                (d.positive.value.is_some()
                    && p.positive.value.is_some()
                    && d.parts.len() == p.parts.len())
                .then(|| indicators::mean_shares_difference(&d.parts, &p.parts))
                .flatten()
                .filter(|x| x.significant())
                .map(|x| x.points)
            });
        }
    }
}
