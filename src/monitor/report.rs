//! The periodic council report as data: every figure it publishes, already suppressed, so the HTML
//! page, the open data (CSV, JSON) and later the PDF all show the same numbers and none of them can
//! show a small cell. Built from the raw data each time.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::complaint_figures::{self, CaseFacts};
use super::indicators::{self, ScaleCounts};
use super::suppression::{self, Shown};
use super::survey_figures::{self, Count, Tally};
use crate::complaints::workflow::State;
use crate::db::schema::{
    complaint_elements, complaint_followups, complaint_hearings, complaint_progress, complaints,
};
use crate::db::DbConnection;
use crate::surveys::definition::{Definition, Dimension, ItemKind};

/// A reporting period: a quarter or a year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    /// As written: `2026-Q3` or `2026`.
    pub label: String,
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
    /// A whole year (the register goes with it).
    pub year: bool,
}

/// Reads `2026-Q3` or `2026`.
pub fn parse_period(s: &str) -> Result<Period, String> {
    let s = s.trim();
    let bad =
        || format!("'{s}' is geen periode; schrijf een jaar (2026) of een kwartaal (2026-Q3)");
    let (year, quarter) = match s.split_once(['-', ' ']) {
        Some((y, q)) => {
            let q = q.trim_start_matches(['Q', 'q', 'K', 'k']);
            (
                y.parse::<i32>().map_err(|_| bad())?,
                Some(q.parse::<u32>().map_err(|_| bad())?),
            )
        }
        None => (s.parse::<i32>().map_err(|_| bad())?, None),
    };
    if !(2000..=2100).contains(&year) || quarter.is_some_and(|q| !(1..=4).contains(&q)) {
        return Err(bad());
    }
    let (m1, m2) = match quarter {
        Some(q) => (3 * q - 2, 3 * q),
        None => (1, 12),
    };
    let from = NaiveDate::from_ymd_opt(year, m1, 1).ok_or_else(bad)?;
    let next = if m2 == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, m2 + 1, 1)
    }
    .ok_or_else(bad)?;
    Ok(Period {
        label: match quarter {
            Some(q) => format!("{year}-Q{q}"),
            None => year.to_string(),
        },
        from,
        to: next - chrono::Duration::days(1),
        year: quarter.is_none(),
    })
}

/// A published figure: its value when shown, the people it is based on, and how it is shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The value (a percentage, a count, a mean); `None` when hidden.
    pub value: Option<f64>,
    /// People behind it; `None` when hidden.
    pub n: Option<u64>,
    /// Published, indicative, or hidden.
    pub shown: &'static str,
}

impl Cell {
    /// A figure on `n` people, shown as decided.
    pub fn new(value: f64, n: u64, shown: Shown) -> Cell {
        let published = shown.published();
        Cell {
            value: published.then_some(value),
            n: published.then_some(n),
            shown: match shown {
                Shown::Yes => "ja",
                Shown::Indicative => "indicatief",
                Shown::Hidden | Shown::HiddenSecondary => "verborgen",
            },
        }
    }
}

/// One scale item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemFigure {
    /// Item key.
    pub key: String,
    /// Question (Dutch).
    pub text: String,
    /// Dimension code.
    pub dimension: String,
    /// Positive share (top two), percent.
    pub positive: Cell,
    /// Neutral, percent.
    pub neutral: Cell,
    /// Negative, percent.
    pub negative: Cell,
    /// "Weet niet" share of everyone who answered, percent.
    pub dont_know: Cell,
    /// 95% interval of the positive share.
    pub interval: Option<(f64, f64)>,
    /// Change in the positive share against the previous wave, in points, when significant.
    pub change: Option<f64>,
}

/// One dimension: the pooled positive share over its scale items.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionFigure {
    /// Code.
    pub dimension: String,
    /// Pooled positive share.
    pub positive: Cell,
    /// Smallest n among its items.
    pub nmin: Option<u64>,
}

/// A subgroup's pooled positive share on one dimension.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubgroupFigure {
    /// What splits (background item key, `kanaal`, `taal`).
    pub split: String,
    /// The group's value code.
    pub value: String,
    /// What splits, in words (the question, "Kanaal" or "Taal").
    pub split_label: String,
    /// The group in words (the answer, the channel or the language).
    pub value_label: String,
    /// Dimension code.
    pub dimension: String,
    /// Pooled positive share.
    pub positive: Cell,
    /// Difference with everyone else, in plain words, when significant.
    pub difference: Option<String>,
}

/// The survey part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyPart {
    /// Wave name.
    pub wave: String,
    /// Answer sets.
    pub answered: u64,
    /// Population (N).
    pub population: u64,
    /// Response rate, percent.
    pub response_rate: Option<f64>,
    /// Margin of error, points.
    pub margin: Option<f64>,
    /// The four dimensions.
    pub dimensions: Vec<DimensionFigure>,
    /// Every scale item.
    pub items: Vec<ItemFigure>,
    /// The grade.
    pub grade_mean: Cell,
    /// Share of 8 or more.
    pub grade_eight_or_more: Cell,
    /// Share below 6.
    pub grade_below_six: Cell,
    /// Subgroups.
    pub subgroups: Vec<SubgroupFigure>,
    /// The previous wave compared with, if any.
    pub previous_wave: Option<String>,
    /// The norm table.
    pub norms: Vec<NormFigure>,
    /// Approved quotes: (item key, text).
    pub quotes: Vec<(String, String)>,
}

/// One norm with its verdict.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NormFigure {
    /// What the norm says.
    pub name: String,
    /// Items it rests on.
    pub items: Vec<String>,
    /// Pooled positive share of those items.
    pub positive: Cell,
    /// Thresholds: voldaan, gedeeltelijk.
    pub thresholds: (f64, f64),
    /// The verdict.
    pub verdict: super::norms::Verdict,
}

/// The complaints part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintPart {
    /// Funnel stages in order: (code, count).
    pub funnel: Vec<(String, Cell)>,
    /// Per channel.
    pub by_channel: Vec<(String, Cell)>,
    /// Per category.
    pub by_category: Vec<(String, Cell)>,
    /// Per behoorlijkheidsnorm the complaint is about (a complaint can concern several).
    pub by_norm: Vec<(String, Cell)>,
    /// Per team.
    pub by_team: Vec<(String, Cell)>,
    /// Founded share of the judged decisions, percent.
    pub founded: Cell,
    /// Median days to decision.
    pub median_days: Option<f64>,
    /// 90th percentile of days to decision.
    pub p90_days: Option<i64>,
    /// Share decided within the legal deadline, percent.
    pub in_time: Cell,
    /// Decisions postponed.
    pub postponed: Cell,
    /// Signals via council members: passed on, told what happened.
    pub council: (Cell, Cell),
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The period.
    pub period: Period,
    /// Made on.
    pub made_on: NaiveDate,
    /// Provisional while the period has not ended.
    pub provisional: bool,
    /// The suppression threshold.
    pub k: u64,
    /// The survey, when a wave ran in the period.
    pub survey: Option<SurveyPart>,
    /// Complaints received in the period.
    pub complaints: ComplaintPart,
    /// The summary in plain words.
    pub summary: Vec<String>,
    /// What was done with earlier findings: follow-up actions of complaints decided in the period
    /// (cleaned of names and contact details).
    pub followups: Vec<FollowUp>,
    /// The Awb 9:12a register of written complaints, with the yearly report.
    pub register: Vec<RegisterLine>,
    /// Themes coded in open answers and complaint descriptions of the period.
    pub themes: Vec<ThemeFigure>,
    /// Texts coded in the period.
    pub coded_texts: u64,
    /// How the program's code suggestions agree with the researcher's codes (all coded texts).
    pub coding_agreement: Option<super::codebook::Agreement>,
    /// The dimensions over the last waves of the same questionnaire (oldest first).
    pub wave_trend: Vec<WaveTrend>,
    /// Complaints over the four quarters up to the end of the period.
    pub quarter_trend: Vec<QuarterTrend>,
}

/// The four dimensions in one wave, for the trend over waves.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveTrend {
    /// Wave name.
    pub wave: String,
    /// Closing date.
    pub closed: NaiveDate,
    /// Answer sets.
    pub answered: u64,
    /// Pooled positive share per dimension.
    pub dimensions: Vec<DimensionFigure>,
}

/// Complaints in one quarter, for the trend over quarters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuarterTrend {
    /// `2026-Q3`.
    pub quarter: String,
    /// Received.
    pub received: Cell,
    /// Decided within the legal deadline, percent of those decided.
    pub in_time: Cell,
}

/// How often a theme was coded in the period, and in the period before.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ThemeFigure {
    /// Code.
    pub code: String,
    /// Name.
    pub name: String,
    /// In open survey answers.
    pub survey: Cell,
    /// In complaint descriptions.
    pub complaints: Cell,
    /// Together.
    pub count: Cell,
    /// Together, in the period before (same length).
    pub previous: Cell,
}

/// A follow-up action.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    /// What is done (redacted).
    pub action: String,
    /// Who does it (redacted).
    pub owner: String,
    /// Due.
    pub due: NaiveDate,
    /// Done on.
    pub done: Option<NaiveDate>,
}

/// A line of the register.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegisterLine {
    /// Case number.
    pub case: String,
    /// Received.
    pub received: NaiveDate,
    /// Channel.
    pub channel: String,
    /// Outcome code.
    pub outcome: String,
    /// Days to finish.
    pub days: Option<i64>,
    /// Within the deadline.
    pub in_time: Option<bool>,
}

/// The dimensions in report order.
pub const DIMENSIONS: [Dimension; 4] = [
    Dimension::Bereikbaarheid,
    Dimension::Bejegening,
    Dimension::Dienstverlening,
    Dimension::Effectiviteit,
];

/// Code of a dimension.
pub fn dimension_code(d: Dimension) -> &'static str {
    match d {
        Dimension::Bereikbaarheid => "bereikbaarheid",
        Dimension::Bejegening => "bejegening",
        Dimension::Dienstverlening => "dienstverlening",
        Dimension::Effectiviteit => "effectiviteit",
        Dimension::Achtergrond => "achtergrond",
    }
}

/// Pooled scale counts of a dimension in a tally.
fn pooled(def: &Definition, t: &Tally, d: Dimension) -> ScaleCounts {
    let mut c = ScaleCounts::default();
    for item in def.items().filter(|i| i.dimension == d) {
        if let Some(Count::Scale(s)) = t.items.get(&item.key) {
            c.merge(s);
        }
    }
    c
}

fn positive_of(c: &ScaleCounts) -> (u64, u64) {
    (c.points[3] + c.points[4], c.base())
}

/// A subgroup in words: (what splits, the group, a description to use in a sentence).
pub fn group_labels(def: &Definition, split: &str, value: &str) -> (String, String, String) {
    use crate::surveys::answers::text_in;
    use crate::web::i18n::Lang;
    match split {
        "kanaal" => {
            let (label, how) = match value {
                "web" => ("Internet", "via internet"),
                "paper-scan" => ("Papier (gescand)", "op papier"),
                "paper-keyed" => ("Papier (ingetypt)", "op papier"),
                "phone" => ("Telefoon", "aan de telefoon"),
                "assisted" => ("Met hulp", "met hulp van iemand anders"),
                other => (other, other),
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
                    _ => None,
                })
                .unwrap_or_else(|| value.to_string());
            let sentence = format!(
                "mensen die \u{201c}{answer}\u{201d} antwoordden op \u{201c}{question}\u{201d}"
            );
            (question, answer, sentence)
        }
    }
}

/// The survey part from a wave's counts (and the previous wave's, for the change).
pub fn survey_part(
    def: &Definition,
    wave: &str,
    population: u64,
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
        let shown = suppression::primary(s.n, k);
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
            dimension: dimension_code(item.dimension).into(),
            positive: Cell::new(s.positive, s.n, shown),
            neutral: Cell::new(s.neutral, s.n, shown),
            negative: Cell::new(s.negative, s.n, shown),
            dont_know: Cell::new(
                s.dont_know,
                c.answered(),
                suppression::primary(c.answered(), k),
            ),
            interval: shown.published().then_some(s.positive_interval),
            change: if shown.published() { change } else { None },
        });
    }
    let dimensions = DIMENSIONS
        .iter()
        .map(|d| {
            let c = pooled(def, &f.all, *d);
            let (pos, n) = positive_of(&c);
            let ns: Vec<u64> = items
                .iter()
                .filter(|i| i.dimension == dimension_code(*d))
                .filter_map(|i| i.positive.n)
                .collect();
            DimensionFigure {
                dimension: dimension_code(*d).into(),
                positive: Cell::new(
                    if n > 0 {
                        100.0 * pos as f64 / n as f64
                    } else {
                        0.0
                    },
                    n,
                    if n == 0 {
                        Shown::Hidden
                    } else {
                        suppression::primary(indicators::nmin(&ns).unwrap_or(0).max(1), k)
                    },
                ),
                nmin: indicators::nmin(&ns),
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
            let s = suppression::primary(g.n, k);
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
    // Subgroups: per split, the groups' sizes are suppressed together (their total is published).
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
        let (_, shown) = suppression::partition(Some(sizes.iter().sum()), &sizes, k);
        for ((value, t), s) in groups.iter().zip(shown) {
            let labels = group_labels(def, split, value);
            for d in DIMENSIONS {
                let c = pooled(def, t, d);
                let (pos, n) = positive_of(&c);
                if n == 0 {
                    continue;
                }
                // The share rests on the people who answered this dimension's questions: at
                // least as many as answered its most answered question. Too few: hidden.
                let people = def
                    .items()
                    .filter(|i| i.dimension == d)
                    .filter_map(|i| match t.items.get(&i.key) {
                        Some(Count::Scale(c)) => Some(c.base()),
                        _ => None,
                    })
                    .max()
                    .unwrap_or(0);
                let s = if s.published() && people < k {
                    Shown::Hidden
                } else {
                    s
                };
                let all = pooled(def, &f.all, d);
                let (apos, an) = positive_of(&all);
                let difference = if s.published() {
                    indicators::two_proportions(pos, n, apos - pos, an - n).and_then(|diff| {
                        indicators::difference_text(
                            match d {
                                Dimension::Bereikbaarheid => "de bereikbaarheid",
                                Dimension::Bejegening => "de bejegening",
                                Dimension::Dienstverlening => "de dienstverlening",
                                Dimension::Effectiviteit => "de ondersteuning",
                                Dimension::Achtergrond => "dit onderwerp",
                            },
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
                    dimension: dimension_code(d).into(),
                    positive: Cell::new(100.0 * pos as f64 / n as f64, t.sets, s),
                    difference,
                });
            }
        }
    }
    // The norm table: the built-in one (checked against the questionnaire; a table that does not
    // fit this questionnaire is left out rather than half shown).
    let norms = super::norms::parse(super::norms::BUILT_IN, def)
        .unwrap_or_default()
        .into_iter()
        .map(|n| {
            let mut c = ScaleCounts::default();
            for key in &n.vragen {
                if let Some(Count::Scale(s)) = f.all.items.get(key) {
                    c.merge(s);
                }
            }
            let (pos, base) = positive_of(&c);
            let nmin = n
                .vragen
                .iter()
                .filter_map(|k| match f.all.items.get(k) {
                    Some(Count::Scale(s)) => Some(s.base()),
                    _ => None,
                })
                .min()
                .unwrap_or(0);
            let shown = if base == 0 {
                Shown::Hidden
            } else {
                suppression::primary(nmin.max(1), k)
            };
            let positive = Cell::new(
                if base > 0 {
                    100.0 * pos as f64 / base as f64
                } else {
                    0.0
                },
                base,
                shown,
            );
            let verdict = super::norms::assess(&n, positive.value);
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
        response_rate: crate::surveys::stats::response_rate(answered, population),
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

/// A complaint's category: (case number, category name).
pub type CategoryLink = (i64, String);

/// The facts of every complaint received in the period.
pub fn complaint_facts(
    conn: &mut DbConnection,
    p: &Period,
) -> QueryResult<(Vec<CaseFacts>, Vec<CategoryLink>)> {
    type Row = (
        i64,
        NaiveDate,
        String,
        String,
        bool,
        Option<String>,
        NaiveDate,
        Option<NaiveDate>,
        Option<NaiveDate>,
        Option<NaiveDate>,
        i32,
        Option<NaiveDate>,
        Option<NaiveDate>,
        Option<String>,
        String,
    );
    let rows: Vec<Row> = complaints::table
        .inner_join(complaint_progress::table)
        .filter(complaints::received_on.between(p.from, p.to))
        .order(complaints::id)
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::state,
            complaints::anonymous,
            complaints::via_person,
            complaints::deadline_on,
            complaint_progress::mediation_target,
            complaint_progress::decided_on,
            complaint_progress::closed_on,
            complaint_progress::postponement_weeks,
            complaint_progress::ombudsman_on,
            complaint_progress::council_feedback_on,
            complaints::team,
            complaints::norms,
        ))
        .load(conn)?;
    let ids: Vec<i64> = rows.iter().map(|r| r.0).collect();
    let mut judged: BTreeMap<i64, Vec<String>> = BTreeMap::new();
    let mut heard: std::collections::BTreeSet<i64> = Default::default();
    let mut followed: BTreeMap<i64, u32> = BTreeMap::new();
    let mut categories: Vec<(i64, String)> = vec![];
    for chunk in ids.chunks(500) {
        for (id, j) in complaint_elements::table
            .filter(complaint_elements::complaint_id.eq_any(chunk))
            .select((
                complaint_elements::complaint_id,
                complaint_elements::judgement,
            ))
            .load::<(i64, Option<String>)>(conn)?
        {
            if let Some(j) = j {
                judged.entry(id).or_default().push(j);
            }
        }
        heard.extend(
            complaint_hearings::table
                .filter(complaint_hearings::complaint_id.eq_any(chunk))
                .filter(complaint_hearings::held.eq(true))
                .select(complaint_hearings::complaint_id)
                .load::<i64>(conn)?,
        );
        for id in complaint_followups::table
            .filter(complaint_followups::complaint_id.eq_any(chunk))
            .select(complaint_followups::complaint_id)
            .load::<i64>(conn)?
        {
            *followed.entry(id).or_default() += 1;
        }
        categories.extend(
            crate::db::schema::complaint_category_links::table
                .inner_join(crate::db::schema::complaint_categories::table)
                .filter(crate::db::schema::complaint_category_links::complaint_id.eq_any(chunk))
                .select((
                    crate::db::schema::complaint_category_links::complaint_id,
                    crate::db::schema::complaint_categories::name,
                ))
                .load::<(i64, String)>(conn)?,
        );
    }
    let facts = rows
        .into_iter()
        .map(
            |(
                id,
                received,
                channel,
                state,
                anonymous,
                via,
                deadline,
                mediation,
                decided,
                closed,
                postponed,
                ombudsman,
                feedback,
                team,
                norms,
            )| {
                let st = State::from_code(&state).unwrap_or(State::Received);
                CaseFacts {
                    channel,
                    received,
                    anonymous,
                    mediated: mediation.is_some(),
                    resolved_informally: st == State::ResolvedInformally
                        || (st == State::Closed && mediation.is_some() && decided.is_none()),
                    withdrawn: st == State::Withdrawn,
                    heard: heard.contains(&id),
                    decided,
                    judgement: judged
                        .get(&id)
                        .map(|js| crate::complaints::register::overall(js).to_string()),
                    finished: decided.or(if st.is_final() { closed } else { None }),
                    deadline,
                    postponed: postponed > 0,
                    followups: followed.get(&id).copied().unwrap_or(0),
                    ombudsman: ombudsman.is_some(),
                    via_council: via.is_some(),
                    council_feedback: feedback.is_some(),
                    team: team.filter(|t| !t.trim().is_empty()),
                    norms: crate::complaints::model::parse_norms(&norms)
                        .into_iter()
                        .map(String::from)
                        .collect(),
                }
            },
        )
        .collect();
    Ok((facts, categories))
}

/// The complaints part from the facts, suppressed.
pub fn complaint_part(facts: &[CaseFacts], categories: &[(i64, String)], k: u64) -> ComplaintPart {
    let f = complaint_figures::funnel(facts);
    let count = |n: u64| Cell::new(n as f64, n, suppression::primary(n, k));
    let funnel = vec![
        ("ontvangen".to_string(), count(f.received)),
        ("bemiddeld".into(), count(f.mediated)),
        ("informeel_opgelost".into(), count(f.resolved_informally)),
        ("ingetrokken".into(), count(f.withdrawn)),
        ("gehoord".into(), count(f.heard)),
        ("besloten".into(), count(f.decided)),
        ("opgevolgd".into(), count(f.acted_on)),
        ("ombudsman".into(), count(f.ombudsman)),
    ];
    let breakdown = |keys: Vec<String>| -> Vec<(String, Cell)> {
        let mut counts: BTreeMap<String, u64> = BTreeMap::new();
        for key in keys {
            *counts.entry(key).or_default() += 1;
        }
        let sizes: Vec<u64> = counts.values().copied().collect();
        let (_, shown) = suppression::partition(Some(sizes.iter().sum()), &sizes, k);
        counts
            .into_iter()
            .zip(shown)
            .map(|((key, n), s)| (key, Cell::new(n as f64, n, s)))
            .collect()
    };
    let by_channel = breakdown(facts.iter().map(|c| c.channel.clone()).collect());
    let by_category = breakdown(categories.iter().map(|(_, n)| n.clone()).collect());
    let by_norm = breakdown(
        facts
            .iter()
            .flat_map(|c| c.norms.iter())
            .map(|n| crate::web::i18n::t(crate::web::i18n::Lang::Nl, &format!("norm-{n}")))
            .collect(),
    );
    let by_team = breakdown(
        facts
            .iter()
            .map(|c| {
                c.team
                    .clone()
                    .unwrap_or_else(|| "(geen team opgegeven)".into())
            })
            .collect(),
    );
    let (founded, judged) = complaint_figures::founded(facts);
    let t = complaint_figures::timeliness(facts);
    let share = |part: u64, whole: u64| {
        Cell::new(
            if whole > 0 {
                100.0 * part as f64 / whole as f64
            } else {
                0.0
            },
            whole,
            if whole == 0 {
                Shown::Hidden
            } else {
                suppression::primary(whole, k)
            },
        )
    };
    let (via, _, told) = complaint_figures::council_signals(facts);
    let timing_shown = suppression::primary(t.decided, k).published();
    ComplaintPart {
        funnel,
        by_channel,
        by_category,
        by_norm,
        by_team,
        founded: share(founded, judged),
        median_days: if timing_shown { t.median_days } else { None },
        p90_days: if timing_shown { t.p90_days } else { None },
        in_time: share(t.in_time, t.decided),
        postponed: count(t.postponed),
        council: (count(via), count(told)),
    }
}

/// The summary in plain words, drawn from the published figures only.
pub fn summary(r: &Report) -> Vec<String> {
    let mut out = vec![];
    let pct = |c: &Cell| c.value.map(|v| format!("{v:.0}%"));
    if let Some(s) = &r.survey {
        out.push(format!(
            "{} mensen vulden de vragenlijst in ({}). De foutmarge is {}.",
            s.answered,
            s.response_rate
                .map(|x| format!("{x:.0}% van wie een uitnodiging kreeg"))
                .unwrap_or_else(|| "respons onbekend".into()),
            s.margin
                .map(|m| format!("{m:.1} procentpunt").replace('.', ","))
                .unwrap_or_else(|| "niet te bepalen".into())
        ));
        if let Some(b) = s
            .dimensions
            .iter()
            .find(|d| d.dimension == "bejegening")
            .and_then(|d| pct(&d.positive))
        {
            out.push(format!(
                "{b} is positief over de bejegening door medewerkers."
            ));
        }
        if let (Some(m), Some(low)) = (s.grade_mean.value, pct(&s.grade_below_six)) {
            out.push(format!(
                "Het gemiddelde rapportcijfer is {}; {low} gaf een onvoldoende.",
                format!("{m:.1}").replace('.', ",")
            ));
        }
        if let Some(worst) = s
            .items
            .iter()
            .filter(|i| i.negative.value.is_some())
            .max_by(|a, b| {
                a.negative
                    .value
                    .partial_cmp(&b.negative.value)
                    .unwrap_or(std::cmp::Ordering::Equal)
            })
        {
            out.push(format!(
                "Het minst positief zijn mensen over: \u{201c}{}\u{201d} ({:.0}% negatief).",
                worst.text,
                worst.negative.value.unwrap_or(0.0)
            ));
        }
        for d in s
            .subgroups
            .iter()
            .filter_map(|g| g.difference.clone())
            .take(3)
        {
            out.push(d);
        }
    }
    let c = &r.complaints;
    if let Some(n) = c.funnel.first().and_then(|(_, cell)| cell.n) {
        out.push(format!(
            "In deze periode kwamen {n} klachten en meldingen binnen."
        ));
    } else {
        out.push(
            "In deze periode kwamen minder dan 5 klachten binnen; daarom staan er geen aantallen."
                .into(),
        );
    }
    if let Some(t) = pct(&c.in_time) {
        out.push(format!(
            "{t} van de beslissingen op een klacht viel binnen de wettelijke termijn."
        ));
    }
    if let Some(f) = pct(&c.founded) {
        out.push(format!(
            "{f} van de beoordeelde klachten was (deels) gegrond."
        ));
    }
    out
}

/// One wave's dimensions for the trend.
fn wave_trend_of(
    def: &Definition,
    name: &str,
    closed: NaiveDate,
    f: &survey_figures::WaveFigures,
    k: u64,
) -> WaveTrend {
    let part = survey_part(def, name, 0, f, None, k);
    WaveTrend {
        wave: name.to_string(),
        closed,
        answered: part.answered,
        dimensions: part.dimensions,
    }
}

/// The four quarters up to the end of `period`: (label, first day, last day), oldest first.
pub fn last_four_quarters(period: &Period) -> Vec<(String, NaiveDate, NaiveDate)> {
    use chrono::Datelike;
    let end = period.to;
    let mut q = (end.year(), (end.month0() / 3) as i32);
    let mut out = vec![];
    for _ in 0..4 {
        let (y, i) = q;
        let from = NaiveDate::from_ymd_opt(y, (3 * i + 1) as u32, 1).unwrap_or(end);
        let to = from
            .checked_add_months(chrono::Months::new(3))
            .map_or(end, |n| n - chrono::Duration::days(1));
        out.push((format!("{y}-Q{}", i + 1), from, to));
        q = if i == 0 { (y - 1, 3) } else { (y, i - 1) };
    }
    out.reverse();
    out
}

/// Complaints per quarter: received and the share decided in time (on the decided ones). When the
/// quarters make up the report's period (a year), their sum is published as the year's total, so
/// they are suppressed as its parts; otherwise each on its own.
pub fn quarter_figures(
    quarters: &[(String, NaiveDate, NaiveDate)],
    cases: &[(NaiveDate, Option<NaiveDate>, NaiveDate)],
    k: u64,
    parts_of_total: bool,
) -> Vec<QuarterTrend> {
    let per: Vec<(u64, u64, u64)> = quarters
        .iter()
        .map(|(_, from, to)| {
            let here: Vec<_> = cases
                .iter()
                .filter(|(r, _, _)| r >= from && r <= to)
                .collect();
            let decided = here.iter().filter(|(_, d, _)| d.is_some()).count() as u64;
            let in_time = here
                .iter()
                .filter(|(_, d, deadline)| d.is_some_and(|d| d <= *deadline))
                .count() as u64;
            (here.len() as u64, decided, in_time)
        })
        .collect();
    let sizes: Vec<u64> = per.iter().map(|p| p.0).collect();
    let total = parts_of_total.then(|| sizes.iter().sum());
    let (_, shown) = suppression::partition(total, &sizes, k);
    quarters
        .iter()
        .zip(per)
        .zip(shown)
        .map(
            |(((label, _, _), (received, decided, in_time)), s)| QuarterTrend {
                quarter: label.clone(),
                received: Cell::new(received as f64, received, s),
                in_time: Cell::new(
                    if decided > 0 {
                        100.0 * in_time as f64 / decided as f64
                    } else {
                        0.0
                    },
                    decided,
                    if decided == 0 || !s.published() {
                        Shown::Hidden
                    } else {
                        suppression::primary(decided, k)
                    },
                ),
            },
        )
        .collect()
}

fn quarter_trend(
    conn: &mut DbConnection,
    period: &Period,
    k: u64,
) -> QueryResult<Vec<QuarterTrend>> {
    let quarters = last_four_quarters(period);
    let (from, to) = (quarters[0].1, period.to);
    let cases: Vec<(NaiveDate, Option<NaiveDate>, NaiveDate)> = complaints::table
        .inner_join(complaint_progress::table)
        .filter(complaints::received_on.between(from, to))
        .select((
            complaints::received_on,
            complaint_progress::decided_on,
            complaints::deadline_on,
        ))
        .load(conn)?;
    Ok(quarter_figures(&quarters, &cases, k, period.year))
}

/// Builds the report for `period` with threshold `k`.
pub fn build(
    conn: &mut DbConnection,
    period: &Period,
    k: u64,
    today: NaiveDate,
) -> QueryResult<Report> {
    // The survey: the latest wave that ran in the period, compared with the wave before it.
    let all = crate::surveys::waves::list_waves(conn)?;
    let waves: Vec<&crate::surveys::waves::Wave> = all
        .iter()
        .filter(|w| w.closes_on >= period.from && w.opens_on <= period.to)
        .collect();
    // A finished wave is preferred: its figures are final; otherwise the running one.
    let finished = waves
        .iter()
        .filter(|w| w.closes_on < today)
        .max_by_key(|w| (w.closes_on, w.id));
    let mut theme_waves = (None, None);
    let mut trend_waves: Vec<(i64, String, NaiveDate, i64)> = vec![];
    let mut wave_trend: Vec<WaveTrend> = vec![];
    let survey = match finished.or_else(|| waves.iter().max_by_key(|w| (w.closes_on, w.id))) {
        Some(w) => {
            let def = crate::surveys::respond::definition(conn, w.version_id)
                .map_err(|_| diesel::result::Error::NotFound)?;
            let figures = survey_figures::compute(conn, w.id, &def)?;
            let prev = all
                .iter()
                .filter(|p| p.closes_on < w.opens_on && p.questionnaire_key == w.questionnaire_key)
                .max_by_key(|p| (p.closes_on, p.id));
            theme_waves = (Some(w.id), prev.map(|p| p.id));
            // Earlier waves of the same questionnaire, for the trend (the two before the previous).
            let mut earlier: Vec<&crate::surveys::waves::Wave> = all
                .iter()
                .filter(|p| p.closes_on < w.opens_on && p.questionnaire_key == w.questionnaire_key)
                .collect();
            earlier.sort_by_key(|p| std::cmp::Reverse((p.closes_on, p.id)));
            trend_waves = earlier
                .into_iter()
                .skip(1)
                .take(2)
                .map(|p| (p.id, p.name.clone(), p.closes_on, p.version_id))
                .collect();
            let prev_figures = match prev {
                Some(p) => Some((p.name.clone(), survey_figures::compute(conn, p.id, &def)?)),
                None => None,
            };
            let mut part = survey_part(
                &def,
                &w.name,
                w.population.max(0) as u64,
                &figures,
                prev_figures.as_ref().map(|(n, f)| (n.as_str(), f)),
                k,
            );
            // The trend: the earlier waves, the previous one and this one, oldest first.
            for (id, name, closed, version) in trend_waves.iter().rev() {
                let d = crate::surveys::respond::definition(conn, *version)
                    .map_err(|_| diesel::result::Error::NotFound)?;
                let f = survey_figures::compute(conn, *id, &d)?;
                wave_trend.push(wave_trend_of(&d, name, *closed, &f, k));
            }
            if let (Some((name, f)), Some(p)) = (&prev_figures, prev) {
                wave_trend.push(wave_trend_of(&def, name, p.closes_on, f, k));
            }
            wave_trend.push(WaveTrend {
                wave: w.name.clone(),
                closed: w.closes_on,
                answered: part.answered,
                dimensions: part.dimensions.clone(),
            });
            // Quotes only from a wave large enough, whatever was approved.
            if figures.all.sets >= super::quotes::DEFAULT_MIN_GROUP {
                part.quotes = super::quotes::approved(conn, w.id)?;
            }
            Some(part)
        }
        None => None,
    };
    let (facts, categories) = complaint_facts(conn, period)?;
    let complaints = complaint_part(&facts, &categories, k);
    let followups = complaint_followups::table
        .inner_join(
            complaint_progress::table
                .on(complaint_progress::complaint_id.eq(complaint_followups::complaint_id)),
        )
        .filter(complaint_progress::decided_on.between(period.from, period.to))
        .order(complaint_followups::id)
        .select((
            complaint_followups::description,
            complaint_followups::owner,
            complaint_followups::due_on,
            complaint_followups::done_on,
        ))
        .load::<(String, String, NaiveDate, Option<NaiveDate>)>(conn)?
        .into_iter()
        .map(|(a, o, due, done)| FollowUp {
            action: super::redact::redact(&a),
            owner: super::redact::redact(&o),
            due,
            done,
        })
        .collect();
    let register = if period.year {
        crate::complaints::register::lines(conn, chrono::Datelike::year(&period.from))?
            .into_iter()
            .map(|l| RegisterLine {
                case: l.case,
                received: l.received,
                channel: l.channel,
                outcome: l.outcome,
                days: l.days,
                in_time: l.in_time,
            })
            .collect()
    } else {
        vec![]
    };
    // Themes coded in this period and the one before (same length).
    let back = chrono::Months::new(if period.year { 12 } else { 3 });
    let book = super::codebook::load(conn)?;
    let now = super::codebook::tally(conn, theme_waves.0, period.from, period.to)?;
    let before = super::codebook::tally(
        conn,
        theme_waves.1,
        period.from.checked_sub_months(back).unwrap_or(period.from),
        period.from - chrono::Duration::days(1),
    )?;
    let themes = super::codebook::figures(&now, &before, &book, k);
    let quarter_trend = quarter_trend(conn, period, k)?;
    let mut report = Report {
        period: period.clone(),
        made_on: today,
        provisional: today <= period.to,
        k,
        survey,
        complaints,
        summary: vec![],
        followups,
        register,
        themes,
        coded_texts: now.texts,
        coding_agreement: Some(super::codebook::agreement(conn)?).filter(|a| a.texts > 0),
        wave_trend,
        quarter_trend,
    };
    report.summary = summary(&report);
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        let q = parse_period("2026-Q3").unwrap();
        assert_eq!(
            (q.from, q.to, q.year),
            (
                NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
                false
            )
        );
        let y = parse_period("2026").unwrap();
        assert_eq!(
            (y.from, y.to, y.year),
            (
                NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
                true
            )
        );
        assert_eq!(
            parse_period("2026-q4").unwrap().to,
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
        );
        assert!(parse_period("2026-Q5").is_err());
        assert!(parse_period("vorig jaar").unwrap_err().contains("2026-Q3"));
    }

    use proptest::prelude::*;
    use rand::{Rng, SeedableRng};

    /// Random answer sets for the shipped questionnaire: any mix of channels, languages,
    /// background answers, scale answers, "weet niet" and unanswered questions.
    fn random_answers(def: &Definition, n: usize, seed: u64) -> Vec<(String, String, String)> {
        let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
        let channels = ["web", "paper-scan", "phone", "assisted"];
        let languages = ["nl", "en", "ar", "tr"];
        (0..n)
            .map(|_| {
                let mut a = serde_json::Map::new();
                for item in def.items() {
                    if rng.gen_bool(0.25) {
                        continue;
                    }
                    let v = match &item.kind {
                        ItemKind::Scale { dont_know, .. } => match dont_know {
                            Some(d) if rng.gen_bool(0.1) => serde_json::json!(d),
                            _ => serde_json::json!(rng.gen_range(1..=5)),
                        },
                        ItemKind::Grade => serde_json::json!(rng.gen_range(1..=10)),
                        ItemKind::Single { options, .. } => {
                            // Skewed: later options are rare, so small groups turn up.
                            let i = (rng.gen_range(0.0f64..1.0).powi(3) * options.len() as f64)
                                as usize;
                            serde_json::json!(options[i.min(options.len() - 1)].code)
                        }
                        _ => continue,
                    };
                    a.insert(item.key.clone(), v);
                }
                (
                    channels[(rng.gen_range(0.0f64..1.0).powi(2) * 4.0) as usize % 4].to_string(),
                    languages[(rng.gen_range(0.0f64..1.0).powi(3) * 4.0) as usize % 4].to_string(),
                    serde_json::Value::Object(a).to_string(),
                )
            })
            .collect()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(60))]

        /// Any wave (any size, any mix of groups): every published figure rests on at least k
        /// people, and within each split the hidden groups cannot be had by subtracting the shown
        /// groups from the total.
        #[test]
        fn no_published_survey_figure_rests_on_fewer_than_k_or_gives_one_away(
            n in 0usize..160,
            seed in any::<u64>(),
            k in 3u64..8,
        ) {
            let defs = crate::surveys::shipped().unwrap();
            let def = &defs[0];
            let rows = random_answers(def, n, seed);
            let mut counter = survey_figures::Counter::new(def);
            for (c, l, json) in &rows {
                counter.add_json(c, l, json);
            }
            let f = counter.finish();
            prop_assert_eq!(f.all.sets, n as u64);
            let part = survey_part(def, "toets", 1000, &f, None, k);
            let published = |c: &Cell| c.value.is_some();
            for i in &part.items {
                for c in [&i.positive, &i.neutral, &i.negative, &i.dont_know] {
                    prop_assert!(!published(c) || c.n.unwrap_or(0) >= k, "{} {:?}", i.key, c);
                }
            }
            for d in &part.dimensions {
                prop_assert!(!published(&d.positive) || d.nmin.unwrap_or(0) >= k, "{:?}", d);
            }
            for c in [&part.grade_mean, &part.grade_eight_or_more, &part.grade_below_six] {
                prop_assert!(!published(c) || c.n.unwrap_or(0) >= k);
            }
            let mut splits: BTreeMap<&str, Vec<(&str, u64, bool)>> = BTreeMap::new();
            for g in &part.subgroups {
                let t = &f.groups[&(g.split.clone(), g.value.clone())];
                if published(&g.positive) {
                    // The people behind the share: those who answered a question of the dimension.
                    let answered = rows
                        .iter()
                        .filter(|(c, l, json)| {
                            let v: serde_json::Value = serde_json::from_str(json).unwrap();
                            let in_group = match g.split.as_str() {
                                "kanaal" => c == &g.value,
                                "taal" => l == &g.value,
                                key => v[key] == serde_json::json!(g.value),
                            };
                            in_group && def.items().any(|i| {
                                dimension_code(i.dimension) == g.dimension
                                    && matches!(i.kind, ItemKind::Scale { .. })
                                    && v[&i.key].is_i64()
                            })
                        })
                        .count() as u64;
                    prop_assert!(answered >= k, "{}={} {}: {} people", g.split, g.value, g.dimension, answered);
                }
                // A group's size is out once any of its cells shows it.
                let e = splits.entry(g.split.as_str()).or_default();
                match e.iter_mut().find(|(v, _, _)| *v == g.value) {
                    Some(known) => known.2 |= g.positive.n.is_some(),
                    None => e.push((g.value.as_str(), t.sets, g.positive.n.is_some())),
                }
            }
            // A group under k that is hidden is hidden together with others worth at least k, so
            // the total minus the shown groups does not give it back.
            for (split, groups) in splits {
                let hidden: Vec<u64> = groups.iter().filter(|g| !g.2).map(|g| g.1).collect();
                let small_hidden = groups.iter().any(|g| !g.2 && g.1 < k);
                // (When every group of a split is hidden, nothing of it is published: the split's
                // total is not in the report either.)
                prop_assert!(
                    !small_hidden
                        || (hidden.len() >= 2 && hidden.iter().sum::<u64>() >= k)
                        || hidden.len() == groups.len(),
                    "{}: {:?}", split, groups
                );
            }
        }

        /// Any mix of complaints: channels and teams (each a breakdown of the complaints received)
        /// publish nothing under k and nothing that the received total gives away.
        #[test]
        fn no_published_complaint_figure_rests_on_fewer_than_k_or_gives_one_away(
            cases in proptest::collection::vec((0usize..5, 0usize..4, proptest::collection::vec(0usize..6, 0..3)), 0..80),
            k in 3u64..8,
        ) {
            let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
            let channels = ["web", "brief", "telefoon", "raadslid", "balie"];
            let teams = ["Inkomen", "Werk", "Schulden", "Zorg"];
            let norms = crate::surveys::definition::NORMS;
            let facts: Vec<CaseFacts> = cases
                .iter()
                .map(|(c, t, ns)| CaseFacts {
                    channel: channels[*c].into(),
                    team: Some(teams[*t].into()),
                    norms: ns.iter().map(|n| norms[*n].to_string()).collect(),
                    received: d,
                    deadline: d,
                    ..Default::default()
                })
                .collect();
            let part = complaint_part(&facts, &[], k);
            let received = &part.funnel[0].1;
            let all = part.funnel.iter().chain(&part.by_channel).chain(&part.by_team).chain(&part.by_norm);
            for (name, c) in all {
                prop_assert!(c.n.is_none_or(|n| n == 0 || n >= k), "{}: {:?}", name, c);
            }
            for list in [&part.by_channel, &part.by_team] {
                let hidden: Vec<u64> = list
                    .iter()
                    .filter(|(_, c)| c.n.is_none())
                    .map(|(key, _)| {
                        facts.iter().filter(|f| &f.channel == key || f.team.as_ref() == Some(key)).count() as u64
                    })
                    .collect();
                prop_assert!(
                    received.n.is_none() || hidden.is_empty()
                        || (hidden.len() >= 2 && hidden.iter().sum::<u64>() >= k),
                    "{:?}", list
                );
            }
        }
    }

    #[test]
    fn the_trend_covers_the_four_quarters_up_to_the_period() {
        let labels = |p: &str| {
            last_four_quarters(&parse_period(p).unwrap())
                .into_iter()
                .map(|q| q.0)
                .collect::<Vec<_>>()
        };
        assert_eq!(labels("2026"), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
        assert_eq!(
            labels("2026-Q2"),
            ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]
        );
        let q = last_four_quarters(&parse_period("2026-Q1").unwrap());
        assert_eq!(
            (q[0].1, q[0].2),
            (
                NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(),
                NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
            )
        );
        // 9 in Q1 (8 decided, 6 in time), 2 in Q2 (hidden, and Q3's 7 with it), 7 in Q3, 0 in Q4.
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let mut cases = vec![];
        for i in 0..9 {
            let decided = (i < 8).then(|| if i < 6 { d(2, 1) } else { d(4, 1) });
            cases.push((d(1, 10), decided, d(3, 1)));
        }
        cases.extend((0..2).map(|_| (d(5, 1), None, d(7, 1))));
        cases.extend((0..7).map(|_| (d(8, 1), Some(d(8, 20)), d(9, 1))));
        let quarters = last_four_quarters(&parse_period("2026").unwrap());
        let t = quarter_figures(&quarters, &cases, 5, true);
        let received: Vec<Option<u64>> = t.iter().map(|q| q.received.n).collect();
        assert_eq!(received, [Some(9), None, None, Some(0)]);
        assert_eq!(t[0].in_time.value, Some(75.0));
        assert_eq!((t[1].in_time.value, t[2].in_time.value), (None, None));
        // Seen from a quarter's report the four do not add up to a published total: only Q2 hides.
        let t = quarter_figures(&quarters, &cases, 5, false);
        let received: Vec<Option<u64>> = t.iter().map(|q| q.received.n).collect();
        assert_eq!(received, [Some(9), None, Some(7), Some(0)]);
    }

    #[test]
    fn complaint_figures_are_suppressed_with_their_total() {
        let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let case = |channel: &str| CaseFacts {
            channel: channel.into(),
            received: d,
            deadline: d,
            ..Default::default()
        };
        let mut facts: Vec<CaseFacts> = (0..20).map(|_| case("web")).collect();
        facts.extend((0..2).map(|_| case("raadslid")));
        facts.extend((0..8).map(|_| case("brief")));
        let part = complaint_part(&facts, &[], 5);
        let shown: Vec<(&str, &str)> = part
            .by_channel
            .iter()
            .map(|(c, cell)| (c.as_str(), cell.shown))
            .collect();
        // raadslid (2) hidden, and brief (8) with it, so 2 cannot be had from 30 - 20 - 8.
        assert_eq!(
            shown,
            [
                ("brief", "verborgen"),
                ("raadslid", "verborgen"),
                ("web", "indicatief")
            ]
        );
        assert_eq!(part.funnel[0].1.n, Some(30));
        assert!(part
            .by_channel
            .iter()
            .all(|(_, c)| c.shown != "verborgen" || c.value.is_none() && c.n.is_none()));
    }
}
