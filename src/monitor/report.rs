//! The periodic council report as data: every figure it publishes, already suppressed, so the HTML
//! page, the open data (CSV, JSON) and later the PDF all show the same numbers and none of them can
//! show a small cell. Built from the raw data each time.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use diesel::prelude::*;
use serde::Serialize;

use super::complaint_figures::{self, CaseFacts};
use super::disclosure::{self, Decisions, Figure, Scope, Shown};
use super::indicators::{self, ScaleCounts};
use super::survey_figures::{self, Count, Tally};
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

/// Writes a number rounded to one decimal, half away from zero, as every output does.
fn round1<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    v.map(|x| super::numbers::round(x, 1)).serialize(s)
}

/// [`round1`] for an interval.
fn round1_pair<S: serde::Serializer>(v: &Option<(f64, f64)>, s: S) -> Result<S::Ok, S::Error> {
    v.map(|(a, b)| (super::numbers::round(a, 1), super::numbers::round(b, 1)))
        .serialize(s)
}

/// A published figure: its value when shown, the people it is based on, and how it is shown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The value (a percentage, a count, a mean); `None` when hidden.
    #[serde(serialize_with = "round1")]
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
    #[serde(serialize_with = "round1_pair")]
    pub interval: Option<(f64, f64)>,
    /// Change in the positive share against the previous wave, in points, when significant.
    #[serde(serialize_with = "round1")]
    pub change: Option<f64>,
}

/// One dimension: the mean of its scale questions' positive shares (each question counts the
/// same, as the codebook says).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionFigure {
    /// Code.
    pub dimension: String,
    /// The share positive; its n is the number of people who answered its most answered question.
    pub positive: Cell,
    /// Smallest n among its questions.
    pub nmin: Option<u64>,
    /// Change against the previous wave, in points, when significant.
    #[serde(serialize_with = "round1")]
    pub change: Option<f64>,
    /// (positive, base) per question, for the tests of a change (not published: the questions'
    /// own figures are).
    #[serde(skip)]
    pub parts: Vec<(u64, u64)>,
}

/// A subgroup's positive share on one dimension (the mean over its questions).
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
    /// Positive share; its n is the number of people in the group who answered the dimension's
    /// most answered question.
    pub positive: Cell,
    /// Difference with everyone else, in plain words, when significant and large enough.
    pub difference: Option<String>,
}

/// The survey part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyPart {
    /// Wave name.
    pub wave: String,
    /// Answer sets.
    pub answered: u64,
    /// Population (N): the people the wave is about; the margin of error is computed with it.
    pub population: u64,
    /// People invited (invitations made for the wave).
    pub invited: u64,
    /// Response rate: answer sets as a percent of the people invited (as the wave page has it).
    #[serde(serialize_with = "round1")]
    pub response_rate: Option<f64>,
    /// Margin of error, points (95%, at 50%, with the finite population correction over N).
    #[serde(serialize_with = "round1")]
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
    /// Positive share: the mean of those items' shares.
    pub positive: Cell,
    /// Thresholds: voldaan, gedeeltelijk.
    pub thresholds: (f64, f64),
    /// The verdict.
    pub verdict: super::norms::Verdict,
}

/// The complaints part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintPart {
    /// The complaints counted: received from this day ...
    pub from: NaiveDate,
    /// ... to this day (for a year that has not ended: the end of its last quarter that has).
    pub to: NaiveDate,
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
    #[serde(serialize_with = "round1")]
    pub median_days: Option<f64>,
    /// 90th percentile of days to decision.
    pub p90_days: Option<i64>,
    /// Complaints decided, or still open after their legal deadline on the day the report was
    /// made: the base of the deadline figures.
    pub due: Cell,
    /// Of those, decided within the legal deadline, percent.
    pub in_time: Cell,
    /// Of those, decided after the legal deadline, percent.
    pub late: Cell,
    /// Of those, still open after the legal deadline, percent.
    pub overdue: Cell,
    /// The same three as numbers of complaints (n: the base).
    pub in_time_count: Cell,
    /// Decided late, number.
    pub late_count: Cell,
    /// Open past the deadline, number.
    pub overdue_count: Cell,
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
    /// The survey: the last wave of the period that has closed.
    pub survey: Option<SurveyPart>,
    /// A wave of the period that is still running: its figures come after it closes.
    pub survey_waiting: Option<WaveWaiting>,
    /// Complaints received in the period, once a quarter of it has ended.
    pub complaints: Option<ComplaintPart>,
    /// The summary in plain words.
    pub summary: Vec<String>,
    /// What was done with earlier findings: follow-up actions of complaints decided in the period
    /// (cleaned of names and contact details).
    pub followups: Vec<FollowUp>,
    /// The Awb 9:12a register of written complaints in figures, with the yearly report.
    pub register: Option<RegisterPart>,
    /// Themes coded in open answers and complaint descriptions of the period.
    pub themes: Vec<ThemeFigure>,
    /// Open answers of the wave coded (distinct texts).
    pub coded_texts: u64,
    /// Complaint descriptions of the period coded.
    pub coded_complaints: Option<Cell>,
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
    /// Decided within the legal deadline, percent of those decided or open past the deadline.
    pub in_time: Cell,
    /// Change in that share against the quarter before, in points, when significant.
    #[serde(serialize_with = "round1")]
    pub change: Option<f64>,
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
    /// Done after its due day, or not done while its due day has passed.
    pub late: bool,
}

/// Whether a follow-up action is late on `today`: done after its due day, or still not done
/// after it.
pub fn followup_late(due: NaiveDate, done: Option<NaiveDate>, today: NaiveDate) -> bool {
    match done {
        Some(d) => d > due,
        None => today > due,
    }
}

/// The register of written complaints (Awb 9:12a) as the council report shows it: in figures.
/// The register with a line per complaint stays with the complaints coordinator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RegisterPart {
    /// Written complaints.
    pub written: Cell,
    /// Per outcome: (code, count).
    pub outcomes: Vec<(String, Cell)>,
}

/// A wave whose figures are not published yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveWaiting {
    /// Wave name.
    pub wave: String,
    /// It closes on this day; the figures come after.
    pub closes_on: NaiveDate,
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

/// (positive, base) of each scale question of a dimension in a tally, in questionnaire order
/// (a question nobody answered has base 0).
fn dimension_parts(def: &Definition, t: &Tally, d: Dimension) -> Vec<(u64, u64)> {
    keys_parts(
        t,
        def.items()
            .filter(|i| i.dimension == d && matches!(i.kind, ItemKind::Scale { .. }))
            .map(|i| i.key.as_str()),
    )
}

/// (positive, base) of the given questions in a tally.
fn keys_parts<'a>(t: &Tally, keys: impl Iterator<Item = &'a str>) -> Vec<(u64, u64)> {
    keys.map(|key| match t.items.get(key) {
        Some(Count::Scale(c)) => positive_of(c),
        _ => (0, 0),
    })
    .collect()
}

fn positive_of(c: &ScaleCounts) -> (u64, u64) {
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
pub fn dimension_phrase(code: &str) -> &'static str {
    match code {
        "bereikbaarheid" => "de bereikbaarheid",
        "bejegening" => "de bejegening",
        "dienstverlening" => "de dienstverlening",
        "effectiviteit" => "de ondersteuning",
        _ => "dit onderwerp",
    }
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
                _ => ("Anders", "op een andere manier"),
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
            match super::labels::group_phrase(key, value) {
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
            dimension: dimension_code(item.dimension).into(),
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
                dimension: dimension_code(*d).into(),
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
                                dimension_phrase(dimension_code(d)),
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
                    positive,
                    difference,
                });
            }
        }
    }
    // The norm table: the built-in one (checked against the questionnaire; a table that does not
    // fit this questionnaire is left out rather than half shown). A norm's share is the mean of
    // its questions' shares, as `monitor/normen.toml` says.
    let norms = super::norms::parse(super::norms::BUILT_IN, def)
        .unwrap_or_default()
        .into_iter()
        .map(|n| {
            let parts = keys_parts(&f.all, n.vragen.iter().map(String::as_str));
            let (positive, _) = block_share(&parts, k);
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

/// The funnel stages with their codes in the open data, in order.
pub const FUNNEL: [(&str, Figure); 8] = [
    ("ontvangen", Figure::Received),
    ("bemiddeld", Figure::Mediated),
    ("informeel_opgelost", Figure::ResolvedInformally),
    ("ingetrokken", Figure::Withdrawn),
    ("gehoord", Figure::Heard),
    ("besloten", Figure::Decided),
    ("opgevolgd", Figure::ActedOn),
    ("ombudsman", Figure::Ombudsman),
];

/// A published count as decided.
fn count_cell(d: &Decisions, scope: Scope, figure: &Figure) -> Cell {
    match d.get(scope, figure) {
        Some(c) => Cell::new(c.n as f64, c.n, c.shown),
        None => Cell::new(0.0, 0, Shown::Hidden),
    }
}

/// A share as decided: shown when its base and its part both are.
fn share_cell(d: &Decisions, scope: Scope, part: &Figure) -> Cell {
    let base = part.base().unwrap_or(Figure::Received);
    match (d.get(scope, part), d.get(scope, &base)) {
        (Some(p), Some(b)) if b.n > 0 && p.shown.published() && b.shown.published() => {
            Cell::new(100.0 * p.n as f64 / b.n as f64, b.n, b.shown)
        }
        _ => Cell::new(0.0, 0, Shown::Hidden),
    }
}

/// The part of a share as a number of complaints, as decided: shown when its base and its part
/// both are (n: the base).
fn part_count_cell(d: &Decisions, scope: Scope, part: &Figure) -> Cell {
    let base = part.base().unwrap_or(Figure::Received);
    match (d.get(scope, part), d.get(scope, &base)) {
        (Some(p), Some(b)) if b.n > 0 && p.shown.published() && b.shown.published() => {
            Cell::new(p.n as f64, b.n, b.shown)
        }
        _ => Cell::new(0.0, 0, Shown::Hidden),
    }
}

/// The complaints part of a scope, from the decisions; `None` while none of it has ended.
pub fn complaint_part(d: &Decisions, scope: Scope, facts: &[CaseFacts]) -> Option<ComplaintPart> {
    if !d.has(scope) {
        return None;
    }
    let (from, to) = scope.dates();
    let list = |pick: &dyn Fn(&Figure) -> Option<String>| -> Vec<(String, Cell)> {
        d.cells_of(scope)
            .filter_map(|(f, _)| pick(f).map(|key| (key, count_cell(d, scope, f))))
            .collect()
    };
    let here: Vec<CaseFacts> = facts
        .iter()
        .filter(|c| c.received >= from && c.received <= to)
        .cloned()
        .collect();
    let t = complaint_figures::timeliness(&here);
    let timing_shown = d
        .get(scope, &Figure::Decided)
        .is_some_and(|c| c.shown.published() && c.n > 0);
    Some(ComplaintPart {
        from,
        to,
        funnel: FUNNEL
            .iter()
            .map(|(code, f)| (code.to_string(), count_cell(d, scope, f)))
            .collect(),
        by_channel: list(&|f| match f {
            Figure::Channel(c) => Some(c.clone()),
            _ => None,
        }),
        by_category: list(&|f| match f {
            Figure::Category(c) => Some(c.clone()),
            _ => None,
        }),
        by_norm: list(&|f| match f {
            Figure::Norm(n) => Some(crate::web::i18n::t(
                crate::web::i18n::Lang::Nl,
                &format!("norm-{n}"),
            )),
            _ => None,
        }),
        by_team: list(&|f| match f {
            Figure::Team(t) => Some(t.clone()),
            _ => None,
        }),
        founded: share_cell(d, scope, &Figure::Founded),
        median_days: if timing_shown { t.median_days } else { None },
        p90_days: if timing_shown { t.p90_days } else { None },
        due: count_cell(d, scope, &Figure::Due),
        in_time: share_cell(d, scope, &Figure::InTime),
        late: share_cell(d, scope, &Figure::Late),
        overdue: share_cell(d, scope, &Figure::Overdue),
        in_time_count: part_count_cell(d, scope, &Figure::InTime),
        late_count: part_count_cell(d, scope, &Figure::Late),
        overdue_count: part_count_cell(d, scope, &Figure::Overdue),
        postponed: count_cell(d, scope, &Figure::Postponed),
        council: (
            count_cell(d, scope, &Figure::ViaCouncil),
            count_cell(d, scope, &Figure::Told),
        ),
    })
}

/// The register appendix of a year: written complaints per outcome, as decided.
pub fn register_part(d: &Decisions, scope: Scope) -> Option<RegisterPart> {
    d.has(scope).then(|| RegisterPart {
        written: count_cell(d, scope, &Figure::Written),
        outcomes: d
            .cells_of(scope)
            .filter_map(|(f, _)| match f {
                Figure::Outcome(o) => Some((o.clone(), count_cell(d, scope, f))),
                _ => None,
            })
            .collect(),
    })
}

/// The theme table: per code, people whose open answer had it (in the wave) and complaints whose
/// description had it (as decided), together, and together in the period before. Together is
/// shown only when both parts are; rows go by the published total (hidden ones last, by name), so
/// their order says nothing about a hidden figure.
pub fn theme_figures(
    answers: &super::codebook::Tally,
    answers_before: &super::codebook::Tally,
    d: &Decisions,
    scope: Option<Scope>,
    before: Option<Scope>,
    book: &[super::codebook::Code],
    k: u64,
) -> Vec<ThemeFigure> {
    let mut codes: std::collections::BTreeSet<String> = answers
        .counts
        .iter()
        .filter(|(_, (a, _))| *a > 0)
        .map(|(c, _)| c.clone())
        .collect();
    if let Some(s) = scope {
        codes.extend(d.cells_of(s).filter_map(|(f, c)| match f {
            Figure::Theme(t) if c.n > 0 => Some(t.clone()),
            _ => None,
        }));
    }
    let complaint = |s: Option<Scope>, code: &str| -> Cell {
        match s {
            Some(s) => count_cell(d, s, &Figure::Theme(code.to_string())),
            None => Cell::new(0.0, 0, Shown::Hidden),
        }
    };
    let together = |a: &Cell, c: &Cell| -> Cell {
        match (a.n, c.n) {
            (Some(x), Some(y)) => Cell::new((x + y) as f64, x + y, disclosure::primary(x + y, k)),
            _ => Cell::new(0.0, 0, Shown::Hidden),
        }
    };
    let mut out: Vec<ThemeFigure> = codes
        .into_iter()
        .map(|code| {
            let a = answers.counts.get(&code).map_or(0, |c| c.0);
            let survey = Cell::new(a as f64, a, disclosure::primary(a, k));
            let complaints = complaint(scope, &code);
            let count = together(&survey, &complaints);
            let pa = answers_before.counts.get(&code).map_or(0, |c| c.0);
            let previous = together(
                &Cell::new(pa as f64, pa, disclosure::primary(pa, k)),
                &complaint(before, &code),
            );
            let name = book
                .iter()
                .find(|c| c.code == code)
                .map_or_else(|| code.replace('_', " "), |c| c.name.clone());
            ThemeFigure {
                code,
                name,
                survey,
                complaints,
                count,
                previous,
            }
        })
        .collect();
    out.sort_by(|a, b| b.count.n.cmp(&a.count.n).then_with(|| a.name.cmp(&b.name)));
    out
}

/// At most this many sentences in the summary.
pub const SUMMARY_SENTENCES: usize = 8;
/// At most this many words in a sentence of the report's texts.
pub const SENTENCE_WORDS: usize = 25;

/// Words in a sentence.
pub fn words(sentence: &str) -> usize {
    sentence.split_whitespace().count()
}

/// A quoted question in a sentence: without its own closing point.
fn quoted(text: &str) -> String {
    format!("\u{201c}{}\u{201d}", text.trim().trim_end_matches('.'))
}

/// The summary in plain words (B1), drawn from the published figures only: at most
/// [`SUMMARY_SENTENCES`] sentences of at most [`SENTENCE_WORDS`] words. In order: who took part,
/// the treatment against the last time, the clearest strength, the clearest problem, the largest
/// difference between groups worth telling, what the complaints were about, the deadlines, and
/// the follow-up of earlier findings.
pub fn summary(r: &Report) -> Vec<String> {
    use super::numbers::{fixed, pct};
    let mut out: Vec<String> = vec![];
    // A sentence that would run too long gets its shorter form.
    let push = |out: &mut Vec<String>, long: String, short: &dyn Fn() -> String| {
        out.push(if words(&long) <= SENTENCE_WORDS {
            long
        } else {
            short()
        });
    };
    if let Some(s) = &r.survey {
        out.push(match s.response_rate {
            Some(rate) => format!(
                "Van de {} mensen met een uitnodiging vulden er {} de vragenlijst in: {}.",
                s.invited,
                s.answered,
                pct(rate)
            ),
            None => format!("{} mensen vulden de vragenlijst in.", s.answered),
        });
        if let Some(d) = s.dimensions.iter().find(|d| d.dimension == "bejegening") {
            if let Some(v) = d.positive.value {
                let against = match (&s.previous_wave, d.change) {
                    (Some(_), Some(c)) if c > 0.0 => {
                        format!(", {} procentpunt meer dan de vorige keer", fixed(c, 0))
                    }
                    (Some(_), Some(c)) => {
                        format!(", {} procentpunt minder dan de vorige keer", fixed(-c, 0))
                    }
                    (Some(_), None) => ", ongeveer even veel als de vorige keer".to_string(),
                    (None, _) => String::new(),
                };
                out.push(format!(
                    "{} van de mensen is positief over de bejegening{against}.",
                    pct(v)
                ));
            }
        }
        let shown: Vec<&ItemFigure> = s
            .items
            .iter()
            .filter(|i| i.positive.value.is_some())
            .collect();
        let by = |f: &dyn Fn(&ItemFigure) -> Option<f64>| {
            shown
                .iter()
                .copied()
                .filter(|i| f(i).is_some())
                .max_by(|a, b| {
                    f(a).partial_cmp(&f(b))
                        .unwrap_or(std::cmp::Ordering::Equal)
                        .then_with(|| b.key.cmp(&a.key))
                })
        };
        if let Some(best) = by(&|i| i.positive.value) {
            let v = pct(best.positive.value.unwrap_or(0.0));
            push(
                &mut out,
                format!(
                    "Het meest positief zijn mensen over {} ({v} positief).",
                    quoted(&best.text)
                ),
                &|| {
                    format!(
                        "Het meest positief zijn mensen over een vraag over {} ({v} positief).",
                        dimension_phrase(&best.dimension)
                    )
                },
            );
        }
        if let Some(worst) = by(&|i| i.negative.value) {
            let v = pct(worst.negative.value.unwrap_or(0.0));
            push(
                &mut out,
                format!(
                    "De meeste kritiek is er op {} ({v} negatief).",
                    quoted(&worst.text)
                ),
                &|| {
                    format!(
                        "De meeste kritiek is er op een vraag over {} ({v} negatief).",
                        dimension_phrase(&worst.dimension)
                    )
                },
            );
        }
        if let Some(d) = group_sentences(s).into_iter().next() {
            push(&mut out, d, &|| {
                "Tussen groepen zijn er verschillen; zie het deel Groepen.".to_string()
            });
        }
    }
    let Some(c) = &r.complaints else {
        out.push("De cijfers over klachten komen na afloop van het kwartaal.".into());
        out.push(followup_sentence(&r.followups));
        return out;
    };
    let span = if c.to < r.period.to {
        format!(
            "Van {} tot en met {}",
            crate::surveys::respondent::date_text(c.from),
            crate::surveys::respondent::date_text(c.to)
        )
    } else {
        "In deze periode".to_string()
    };
    let topic = c
        .by_category
        .iter()
        .filter_map(|(name, cell)| cell.n.filter(|n| *n > 0).map(|n| (n, name)))
        .max_by(|a, b| a.0.cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, name)| name.to_lowercase());
    match c.funnel.first().and_then(|(_, cell)| cell.n) {
        Some(n) => {
            let long = match &topic {
                Some(t) => format!("{span} kwamen {n} klachten binnen; de meeste gingen over {t}."),
                None => format!("{span} kwamen {n} klachten binnen."),
            };
            push(&mut out, long, &|| {
                format!("{span} kwamen {n} klachten binnen.")
            });
        }
        // Never "fewer than k": a total can also be hidden to protect another figure.
        None => {
            out.push("Het aantal klachten staat er niet, zodat niemand te herkennen is.".into())
        }
    }
    out.push(deadline_sentence(c));
    out.push(followup_sentence(&r.followups));
    out.truncate(SUMMARY_SENTENCES);
    out
}

/// The deadlines in one sentence: decided in time, decided late, still open after the deadline.
pub fn deadline_sentence(c: &ComplaintPart) -> String {
    match (
        c.due.n,
        c.in_time_count.value,
        c.late_count.value,
        c.overdue_count.value,
    ) {
        (Some(0), ..) => "Er was nog geen klacht waarvoor de termijn voor een besluit voorbij is.".into(),
        (Some(due), Some(a), Some(b), Some(o)) => format!(
            "Van de {due} klachten met een besluit of een verlopen termijn: {} op tijd beslist, {} te laat beslist, {} nog open.",
            fixed0(a),
            fixed0(b),
            fixed0(o)
        ),
        _ => "Hoeveel klachten op tijd een besluit kregen, staat er niet, zodat niemand te herkennen is.".into(),
    }
}

fn fixed0(v: f64) -> String {
    super::numbers::fixed(v, 0)
}

/// The follow-up of earlier findings in one sentence.
pub fn followup_sentence(f: &[FollowUp]) -> String {
    if f.is_empty() {
        return "Na de klachten van deze periode zijn geen acties afgesproken.".into();
    }
    let done = f.iter().filter(|x| x.done.is_some()).count();
    let late = f.iter().filter(|x| x.late).count();
    format!(
        "Na klachten zijn {} acties afgesproken: {done} klaar en {late} te laat.",
        f.len()
    )
}

/// The differences between groups worth telling (significant and at least
/// [`indicators::GROUP_MIN_POINTS`]), those on the treatment first, then the largest, at most
/// four, one per way of splitting.
pub fn group_sentences(s: &SurveyPart) -> Vec<String> {
    let mut found: Vec<(f64, &SubgroupFigure)> = s
        .subgroups
        .iter()
        .filter(|g| g.difference.is_some())
        .map(|g| {
            let all = s
                .dimensions
                .iter()
                .find(|d| d.dimension == g.dimension)
                .and_then(|d| d.positive.value);
            let gap = match (g.positive.value, all) {
                (Some(a), Some(b)) => (a - b).abs(),
                _ => 0.0,
            };
            (gap, g)
        })
        .collect();
    // The treatment first (what the monitor is about), then the largest gap.
    found.sort_by(|a, b| {
        (b.1.dimension == "bejegening")
            .cmp(&(a.1.dimension == "bejegening"))
            .then(b.0.partial_cmp(&a.0).unwrap_or(std::cmp::Ordering::Equal))
    });
    // One sentence per way of splitting: of "with" and "without", the group furthest from
    // everyone says it.
    let mut seen = std::collections::BTreeSet::new();
    found
        .into_iter()
        .filter(|(_, g)| seen.insert(g.split.clone()))
        .filter_map(|(_, g)| g.difference.clone())
        .take(4)
        .collect()
}

/// One wave's dimensions for the trend.
fn wave_trend_of(
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

/// Complaints per quarter that has ended, of the four up to the end of `period`: received and the
/// share decided in time, as decided on the grid (the same figures as each quarter's own report).
pub fn quarter_trend(d: &Decisions, period: &Period) -> Vec<QuarterTrend> {
    last_four_quarters(period)
        .into_iter()
        .filter_map(|(label, from, _)| {
            let scope = Scope::Quarter {
                year: chrono::Datelike::year(&from),
                quarter: disclosure::quarter_of(from),
            };
            d.has(scope).then(|| QuarterTrend {
                quarter: label,
                received: count_cell(d, scope, &Figure::Received),
                in_time: share_cell(d, scope, &Figure::InTime),
                change: None,
            })
        })
        .collect::<Vec<_>>()
        .into_iter()
        .fold(vec![], |mut out: Vec<QuarterTrend>, mut q| {
            if let Some(before) = out.last() {
                q.change = share_change(&q.in_time, &before.in_time);
            }
            out.push(q);
            out
        })
}

/// The change between two published shares (of counts), in points, when a two-proportion test
/// says it is real.
fn share_change(now: &Cell, before: &Cell) -> Option<f64> {
    let parts = |c: &Cell| {
        c.value
            .zip(c.n)
            .map(|(v, n)| (super::numbers::round(v * n as f64 / 100.0, 0) as u64, n))
    };
    let ((k1, n1), (k2, n2)) = (parts(now)?, parts(before)?);
    indicators::two_proportions(k1, n1, k2, n2)
        .filter(|d| d.significant())
        .map(|d| d.points)
}

/// Marks, per dimension, the significant changes from each wave of the trend to the one before.
fn mark_wave_changes(trend: &mut [WaveTrend]) {
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

/// The complaint scope a period publishes on `today`: a quarter once it has ended; a year from
/// its first quarter that has ended, up to its last.
pub fn complaint_scope(period: &Period, today: NaiveDate) -> Option<Scope> {
    use chrono::Datelike;
    let year = period.from.year();
    if period.year {
        let through = disclosure::ended_quarters(year, today);
        (through > 0).then_some(Scope::Year { year, through })
    } else {
        let quarter = disclosure::quarter_of(period.from);
        (disclosure::ended_quarters(year, today) >= quarter)
            .then_some(Scope::Quarter { year, quarter })
    }
}

/// The period before a scope for the themes: the quarter before, or the whole year before.
fn scope_before(period: &Period) -> Scope {
    use chrono::Datelike;
    let year = period.from.year();
    if period.year {
        Scope::Year {
            year: year - 1,
            through: 4,
        }
    } else {
        match disclosure::quarter_of(period.from) {
            1 => Scope::Quarter {
                year: year - 1,
                quarter: 4,
            },
            q => Scope::Quarter {
                year,
                quarter: q - 1,
            },
        }
    }
}

/// The published counts of a wave (see [`disclosure::published_through`]).
fn published_figures(
    conn: &mut DbConnection,
    wave: &crate::surveys::waves::Wave,
    def: &Definition,
    today: NaiveDate,
    k: u64,
) -> QueryResult<survey_figures::WaveFigures> {
    survey_figures::compute_published(conn, wave, def, today, k)
}

/// A period the report can be opened on: it has published data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// `2026-Q3` or `2026`.
    pub label: String,
    /// The period has ended.
    pub complete: bool,
}

/// The periods with published data on `today`, newest first, and the one to open on: the latest
/// complete one (of a year and its last quarter, the year). A quarter has data when complaints
/// of it are published (it has ended and complaints came in) or a wave that overlaps it has
/// closed; a year when one of its quarters has.
pub fn choices(
    complaint_days: &[NaiveDate],
    closed_waves: &[(NaiveDate, NaiveDate)],
    today: NaiveDate,
) -> (Vec<Choice>, Option<String>) {
    use chrono::Datelike;
    let mut quarters: std::collections::BTreeSet<(i32, u32)> = Default::default();
    for d in complaint_days {
        let q = disclosure::quarter_of(*d);
        if disclosure::ended_quarters(d.year(), today) >= q {
            quarters.insert((d.year(), q));
        }
    }
    for (opens, closes) in closed_waves {
        if !disclosure::wave_published(*closes, today) {
            continue;
        }
        let mut day =
            NaiveDate::from_ymd_opt(opens.year(), 3 * disclosure::quarter_of(*opens) - 2, 1)
                .unwrap_or(*opens);
        while day <= *closes {
            quarters.insert((day.year(), disclosure::quarter_of(day)));
            day = match day.checked_add_months(chrono::Months::new(3)) {
                Some(d) => d,
                None => break,
            };
        }
    }
    let years: std::collections::BTreeSet<i32> = quarters.iter().map(|(y, _)| *y).collect();
    let mut out: Vec<(NaiveDate, bool, Choice)> = vec![];
    for (y, q) in &quarters {
        if let Ok(p) = parse_period(&format!("{y}-Q{q}")) {
            out.push((
                p.to,
                false,
                Choice {
                    label: p.label,
                    complete: today > p.to,
                },
            ));
        }
    }
    for y in years {
        if let Ok(p) = parse_period(&y.to_string()) {
            out.push((
                p.to,
                true,
                Choice {
                    label: p.label,
                    complete: today > p.to,
                },
            ));
        }
    }
    // Newest end first; of a year and its fourth quarter, the year first.
    out.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.cmp(&a.1)));
    let open = out
        .iter()
        .find(|(_, _, c)| c.complete)
        .map(|(_, _, c)| c.label.clone());
    (out.into_iter().map(|(_, _, c)| c).collect(), open)
}

/// [`choices`] from the database.
pub fn period_choices(
    conn: &mut DbConnection,
    today: NaiveDate,
) -> QueryResult<(Vec<Choice>, Option<String>)> {
    let days = super::complaint_read::received_days(conn)?;
    let waves: Vec<(NaiveDate, NaiveDate)> = crate::surveys::waves::list_waves(conn)?
        .into_iter()
        .map(|w| (w.opens_on, w.closes_on))
        .collect();
    Ok(choices(&days, &waves, today))
}

/// Builds the report for `period` with threshold `k`, as published on `today`.
pub fn build(
    conn: &mut DbConnection,
    period: &Period,
    k: u64,
    today: NaiveDate,
) -> QueryResult<Report> {
    // The survey: the latest wave of the period that has closed, compared with the wave before it.
    let all = crate::surveys::waves::list_waves(conn)?;
    let waves: Vec<&crate::surveys::waves::Wave> = all
        .iter()
        .filter(|w| w.closes_on >= period.from && w.opens_on <= period.to)
        .collect();
    let closed = waves
        .iter()
        .filter(|w| disclosure::wave_published(w.closes_on, today))
        .max_by_key(|w| (w.closes_on, w.id));
    // A wave still running is named, without figures.
    let survey_waiting = waves
        .iter()
        .filter(|w| !disclosure::wave_published(w.closes_on, today))
        .max_by_key(|w| (w.closes_on, w.id))
        .map(|w| WaveWaiting {
            wave: w.name.clone(),
            closes_on: w.closes_on,
        });
    let mut theme_waves = (None, None);
    let mut wave_trend: Vec<WaveTrend> = vec![];
    let survey = match closed {
        Some(w) => {
            let def = crate::surveys::respond::definition(conn, w.version_id)
                .map_err(|_| diesel::result::Error::NotFound)?;
            let figures = published_figures(conn, w, &def, today, k)?;
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
            let prev_figures = match prev {
                Some(p) => Some((p.name.clone(), published_figures(conn, p, &def, today, k)?)),
                None => None,
            };
            let invited = crate::surveys::waves::invitation_counts(conn, w.id)?.0;
            let mut part = survey_part(
                &def,
                &w.name,
                w.population.max(0) as u64,
                invited.max(0) as u64,
                &figures,
                prev_figures.as_ref().map(|(n, f)| (n.as_str(), f)),
                k,
            );
            // The trend: the earlier waves, the previous one and this one, oldest first.
            for p in earlier.iter().skip(1).take(2).rev() {
                let d = crate::surveys::respond::definition(conn, p.version_id)
                    .map_err(|_| diesel::result::Error::NotFound)?;
                let f = published_figures(conn, p, &d, today, k)?;
                wave_trend.push(wave_trend_of(&d, &p.name, p.closes_on, &f, k));
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
            mark_wave_changes(&mut wave_trend);
            // Quotes only from a wave large enough, whatever was approved.
            if figures.all.sets >= super::quotes::DEFAULT_MIN_GROUP {
                part.quotes = super::quotes::approved(conn, w.id)?;
            }
            Some(part)
        }
        None => None,
    };
    // Complaints: every year the report shows (this one, the quarters of the trend, the period
    // before for the themes) is decided whole, on the grid of quarters.
    use chrono::Datelike;
    let scope = complaint_scope(period, today);
    let before = scope_before(period);
    let mut years: std::collections::BTreeSet<i32> = last_four_quarters(period)
        .iter()
        .map(|(_, from, _)| from.year())
        .collect();
    years.insert(period.from.year());
    years.insert(before.year());
    let mut facts: Vec<CaseFacts> = vec![];
    for y in &years {
        let (from, to) = (
            NaiveDate::from_ymd_opt(*y, 1, 1).unwrap_or(period.from),
            NaiveDate::from_ymd_opt(*y, 12, 31).unwrap_or(period.to),
        );
        facts.extend(super::complaint_read::complaint_facts(
            conn, from, to, today,
        )?);
    }
    let cells: Vec<disclosure::CaseCells> = facts.iter().map(complaint_figures::cells).collect();
    let years: Vec<i32> = years.into_iter().collect();
    let decisions = disclosure::decide_years(&cells, &years, today, k);
    let complaints = scope.and_then(|s| complaint_part(&decisions, s, &facts));
    let register = if period.year {
        scope.and_then(|s| register_part(&decisions, s))
    } else {
        None
    };
    let followups = super::complaint_read::followups(conn, period.from, period.to)?
        .into_iter()
        .map(|(a, o, due, done)| FollowUp {
            action: super::redact::redact(&a),
            owner: super::redact::redact(&o),
            due,
            done,
            late: followup_late(due, done, today),
        })
        .collect();
    // Themes: the open answers of the wave shown, and of the wave before; the complaints as
    // decided. (An empty range of days: the tally of a wave alone.)
    let book = super::codebook::load(conn)?;
    let nothing = (period.to + chrono::Duration::days(1), period.to);
    let answers = super::codebook::tally(conn, theme_waves.0, nothing.0, nothing.1)?;
    let answers_before = super::codebook::tally(conn, theme_waves.1, nothing.0, nothing.1)?;
    let before = decisions.has(before).then_some(before);
    let themes = theme_figures(
        &answers,
        &answers_before,
        &decisions,
        scope,
        before,
        &book,
        k,
    );
    let quarter_trend = quarter_trend(&decisions, period);
    let mut report = Report {
        period: period.clone(),
        made_on: today,
        provisional: today <= period.to,
        k,
        survey,
        survey_waiting,
        complaints,
        summary: vec![],
        followups,
        register,
        themes,
        coded_texts: answers.texts,
        coded_complaints: scope.map(|s| count_cell(&decisions, s, &Figure::Coded)),
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
            let part = survey_part(def, "toets", 1000, 800, &f, None, k);
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

        /// Any mix of complaints in a quarter that has ended: channels and teams (each a
        /// breakdown of the complaints received) publish nothing under k and nothing that the
        /// received total gives away.
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
            let cells: Vec<disclosure::CaseCells> = facts.iter().map(complaint_figures::cells).collect();
            let today = NaiveDate::from_ymd_opt(2026, 10, 2).unwrap();
            let decisions = disclosure::decide_years(&cells, &[2026], today, k);
            let scope = Scope::Quarter { year: 2026, quarter: 3 };
            let part = complaint_part(&decisions, scope, &facts).unwrap();
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

    /// Random complaints of 2026-Q3 with every deadline outcome: (channel, team, outcome) with
    /// outcome 0 open within the deadline, 1 decided in time, 2 decided late, 3 open past it.
    fn deadline_facts(cases: &[(usize, usize, usize)]) -> Vec<CaseFacts> {
        let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let deadline = d + chrono::Duration::weeks(6);
        let channels = ["web", "brief", "telefoon", "raadslid", "balie"];
        let teams = ["Inkomen", "Werk", "Schulden", "Zorg"];
        cases
            .iter()
            .map(|(c, t, o)| CaseFacts {
                channel: channels[*c].into(),
                team: Some(teams[*t].into()),
                received: d,
                deadline,
                decided: match o {
                    1 => Some(deadline - chrono::Duration::days(3)),
                    2 => Some(deadline + chrono::Duration::days(3)),
                    _ => None,
                },
                overdue: *o == 3,
                ..Default::default()
            })
            .collect()
    }

    /// A whole report of 2026-Q3 from random answers and complaints, made on 2 October.
    fn random_report(n: usize, seed: u64, cases: &[(usize, usize, usize)], k: u64) -> Report {
        let defs = crate::surveys::shipped().unwrap();
        let def = &defs[0];
        let mut counter = survey_figures::Counter::new(def);
        for (c, l, json) in random_answers(def, n, seed) {
            counter.add_json(&c, &l, &json);
        }
        let f = counter.finish();
        let mut before = survey_figures::Counter::new(def);
        for (c, l, json) in random_answers(def, n / 2 + 10, seed ^ 0x5eed) {
            before.add_json(&c, &l, &json);
        }
        let before = before.finish();
        let part = survey_part(def, "toets", 1000, 800, &f, Some(("vorige", &before)), k);
        let facts = deadline_facts(cases);
        let cells: Vec<disclosure::CaseCells> =
            facts.iter().map(complaint_figures::cells).collect();
        let today = NaiveDate::from_ymd_opt(2026, 10, 2).unwrap();
        let decisions = disclosure::decide_years(&cells, &[2026], today, k);
        let period = parse_period("2026-Q3").unwrap();
        let scope = Scope::Quarter {
            year: 2026,
            quarter: 3,
        };
        let mut wave_trend = vec![
            wave_trend_of(
                def,
                "vorige",
                today - chrono::Duration::days(400),
                &before,
                k,
            ),
            WaveTrend {
                wave: "toets".into(),
                closed: today - chrono::Duration::days(30),
                answered: part.answered,
                dimensions: part.dimensions.clone(),
            },
        ];
        mark_wave_changes(&mut wave_trend);
        let mut r = Report {
            period: period.clone(),
            made_on: today,
            provisional: false,
            k,
            survey: Some(part),
            survey_waiting: None,
            complaints: complaint_part(&decisions, scope, &facts),
            summary: vec![],
            followups: vec![],
            register: None,
            themes: vec![],
            coded_texts: 0,
            coded_complaints: None,
            coding_agreement: None,
            wave_trend,
            quarter_trend: quarter_trend(&decisions, &period),
        };
        r.summary = summary(&r);
        r
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]

        /// Every output of a report (the open data list the CSV, JSON and codebook come from, the
        /// trend, and the summary's sentences) goes through the same decisions: nothing published
        /// rests on fewer than k, the deadline figures are shown and hidden with their base, and
        /// every number in the summary is a published figure.
        #[test]
        fn every_output_shows_only_what_the_disclosure_check_published(
            n in 0usize..120,
            seed in any::<u64>(),
            cases in proptest::collection::vec((0usize..5, 0usize..4, 0usize..4), 0..60),
            k in 3u64..8,
        ) {
            let r = random_report(n, seed, &cases, k);
            let figures = super::super::published::figures(&r);
            // Plain facts of the wave (who was invited, who answered) are no group's figure.
            let facts = ["uitgenodigd", "ingevuld", "doelgroep", "respons", "foutmarge"];
            for f in &figures {
                if f.getoond == "verborgen" {
                    prop_assert!(f.waarde.is_none() && f.n.is_none(), "{:?}", f);
                } else if !facts.contains(&f.cijfer) {
                    prop_assert!(f.n.is_none_or(|n| n == 0 || n >= k), "{:?}", f);
                }
            }
            // The deadline figures: parts of the published base, hidden with it, adding up.
            if let Some(c) = &r.complaints {
                let parts = [&c.in_time_count, &c.late_count, &c.overdue_count];
                match c.due.n {
                    Some(due) if due > 0 => {
                        let by_hand = cases.iter().filter(|(_, _, o)| *o > 0).count() as u64;
                        prop_assert_eq!(due, by_hand);
                        // A part can be hidden to protect another cell (the check then hides a
                        // second, so it cannot be had from the base); shown, they add up.
                        if parts.iter().all(|p| p.value.is_some()) {
                            let sum: f64 = parts.iter().filter_map(|p| p.value).sum();
                            prop_assert_eq!(sum, due as f64);
                        } else {
                            prop_assert!(
                                parts.iter().filter(|p| p.value.is_none()).count() >= 2
                                    || c.due.value.is_none(),
                                "one part hidden alone: {:?}", c
                            );
                        }
                    }
                    Some(_) => {}
                    None => {
                        for p in parts.into_iter().chain([&c.in_time, &c.late, &c.overdue]) {
                            prop_assert!(p.value.is_none(), "{:?}", c);
                        }
                    }
                }
            }
            // Every number in the summary is a published figure (or a difference in points).
            let mut known: std::collections::BTreeSet<String> = Default::default();
            for f in figures.iter().filter(|f| f.getoond != "verborgen") {
                if let Some(v) = f.waarde {
                    known.insert(super::super::numbers::fixed(v, 0));
                }
                if let Some(n) = f.n {
                    known.insert(n.to_string());
                }
            }
            // (Unrounded values too: the list keeps one decimal, the sentences round the value.)
            for c in r.survey.iter().flat_map(|s| s.dimensions.iter().map(|d| &d.positive)
                .chain(s.items.iter().flat_map(|i| [&i.positive, &i.negative]))) {
                if let Some(v) = c.value {
                    known.insert(super::super::numbers::fixed(v, 0));
                }
            }
            prop_assert!(r.summary.len() <= SUMMARY_SENTENCES);
            for sentence in &r.summary {
                prop_assert!(words(sentence) <= SENTENCE_WORDS, "{}", sentence);
                // A group's name can have numbers in it ("1 tot 5 jaar"): only what follows it.
                let figures_part = [" zijn vaker ", " zijn minder vaak "]
                    .iter()
                    .find_map(|w| sentence.find(w).map(|i| &sentence[i..]))
                    .unwrap_or(sentence);
                let tokens: Vec<&str> = figures_part.split_whitespace().collect();
                for (i, t) in tokens.iter().enumerate() {
                    let number: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
                    if number.is_empty() || tokens.get(i + 1) == Some(&"procentpunt") {
                        continue;
                    }
                    prop_assert!(known.contains(&number), "{} in: {}", number, sentence);
                }
            }
            // The trend shows what each wave's own report shows, and marks a change only on two
            // published figures.
            for w in &r.wave_trend {
                for d in &w.dimensions {
                    prop_assert!(d.change.is_none() || d.positive.value.is_some());
                    prop_assert!(d.positive.value.is_none() || d.nmin.unwrap_or(0) >= k);
                }
            }
            for q in &r.quarter_trend {
                prop_assert!(q.change.is_none() || q.in_time.value.is_some());
            }
        }
    }

    #[test]
    fn the_chooser_offers_periods_with_data_and_opens_on_the_latest_complete_one() {
        let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let today = d(2026, 12, 6);
        // Complaints in 2025-Q4 and 2026-Q1 and Q3; one in Q4 (not ended: not yet published).
        let days = [d(2025, 11, 3), d(2026, 2, 1), d(2026, 8, 9), d(2026, 10, 2)];
        // A wave of 2026-Q2 that closed, and one that is still running.
        let waves = [
            (d(2026, 5, 1), d(2026, 5, 31)),
            (d(2026, 11, 1), d(2026, 12, 31)),
        ];
        let (list, open) = choices(&days, &waves, today);
        let labels: Vec<&str> = list.iter().map(|c| c.label.as_str()).collect();
        assert_eq!(
            labels,
            ["2026", "2026-Q3", "2026-Q2", "2026-Q1", "2025", "2025-Q4"]
        );
        assert!(!list[0].complete, "2026 has not ended");
        assert_eq!(open.as_deref(), Some("2026-Q3"));
        // In January the year that just ended comes first, and is opened.
        let (_, open) = choices(&days, &waves, d(2027, 1, 10));
        assert_eq!(open.as_deref(), Some("2026"));
        // Nothing yet: nothing to choose.
        assert_eq!(choices(&[], &[], today), (vec![], None));
    }

    #[test]
    fn follow_ups_are_late_after_their_day() {
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        assert!(!followup_late(d(6, 1), None, d(6, 1)));
        assert!(followup_late(d(6, 1), None, d(6, 2)));
        assert!(!followup_late(d(6, 1), Some(d(6, 1)), d(9, 1)));
        assert!(followup_late(d(6, 1), Some(d(6, 3)), d(9, 1)));
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
        // 9 in Q1 (8 decided, 6 in time), 2 in Q2, 7 in Q3, 0 in Q4.
        let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
        let mut facts = vec![];
        let case = |received, decided: Option<NaiveDate>, deadline| CaseFacts {
            channel: "web".into(),
            received,
            decided,
            deadline,
            ..Default::default()
        };
        for i in 0..9 {
            let decided = (i < 8).then(|| if i < 6 { d(2, 1) } else { d(4, 1) });
            facts.push(case(d(1, 10), decided, d(3, 1)));
        }
        facts.extend((0..2).map(|_| case(d(5, 1), None, d(7, 1))));
        facts.extend((0..7).map(|_| case(d(8, 1), Some(d(8, 20)), d(9, 1))));
        let cells: Vec<disclosure::CaseCells> =
            facts.iter().map(complaint_figures::cells).collect();
        // After the year: the four quarters; Q2 (2) is hidden, and with the year total
        // published, a second quarter with it.
        let after =
            disclosure::decide_years(&cells, &[2026], d(12, 31) + chrono::Duration::days(1), 5);
        let t = quarter_trend(&after, &parse_period("2026").unwrap());
        let received: Vec<Option<u64>> = t.iter().map(|q| q.received.n).collect();
        assert_eq!(received.len(), 4);
        assert_eq!(received[1], None);
        assert_eq!(
            received.iter().filter(|r| r.is_none()).count(),
            2,
            "{received:?}"
        );
        assert_eq!(t[0].in_time.value, Some(75.0));
        // The year's own total stays: the second quarter is hidden instead.
        let year = complaint_part(
            &after,
            Scope::Year {
                year: 2026,
                through: 4,
            },
            &facts,
        )
        .unwrap();
        assert_eq!(year.funnel[0].1.n, Some(18));
        // During the year only the quarters that have ended, decided the same way.
        let during = disclosure::decide_years(&cells, &[2026], d(8, 15), 5);
        let t = quarter_trend(&during, &parse_period("2026").unwrap());
        assert_eq!(
            t.iter().map(|q| q.quarter.as_str()).collect::<Vec<_>>(),
            ["2026-Q1", "2026-Q2"]
        );
        assert_eq!(t[0].received.n, Some(9));
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
        let cells: Vec<disclosure::CaseCells> =
            facts.iter().map(complaint_figures::cells).collect();
        let decisions = disclosure::decide_years(
            &cells,
            &[2026],
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            5,
        );
        let part = complaint_part(
            &decisions,
            Scope::Quarter {
                year: 2026,
                quarter: 3,
            },
            &facts,
        )
        .unwrap();
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
        // A quarter that has not ended publishes nothing.
        let early = disclosure::decide_years(
            &cells,
            &[2026],
            NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            5,
        );
        assert!(complaint_part(
            &early,
            Scope::Quarter {
                year: 2026,
                quarter: 3
            },
            &facts
        )
        .is_none());
    }
}
