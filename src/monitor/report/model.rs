//! The report as data: the figures it publishes, each a [`Cell`] already decided on.

use chrono::NaiveDate;
use serde::Serialize;

use super::*;
use crate::monitor::disclosure::Shown;
use crate::surveys::definition::Dimension;

/// Writes a number rounded to one decimal, half away from zero, as every output does.
pub(super) fn round1<S: serde::Serializer>(v: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    v.map(|x| crate::monitor::numbers::round(x, 1)).serialize(s)
}

/// [`round1`] for an interval.
pub(super) fn round1_pair<S: serde::Serializer>(
    v: &Option<(f64, f64)>,
    s: S,
) -> Result<S::Ok, S::Error> {
    v.map(|(a, b)| {
        (
            crate::monitor::numbers::round(a, 1),
            crate::monitor::numbers::round(b, 1),
        )
    })
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
    pub dimension: Dimension,
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
    pub dimension: Dimension,
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
    pub dimension: Dimension,
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
    pub verdict: crate::monitor::norms::Verdict,
}

/// The complaints part.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplaintPart {
    /// The complaints counted: received from this day ...
    pub from: NaiveDate,
    /// ... to this day (for a year that has not ended: the end of its last quarter that has).
    pub to: NaiveDate,
    /// Funnel stages in order, with their count.
    pub funnel: Vec<(crate::monitor::disclosure::Stage, Cell)>,
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
    /// What was done with the complaints: the follow-up actions agreed on complaints of the
    /// quarters that are published, in numbers only (a list per action would show the cases).
    pub followups: FollowUps,
    /// The Awb 9:12a register of written complaints in figures, with the yearly report.
    pub register: Option<RegisterPart>,
    /// Themes coded in open answers and complaint descriptions of the period.
    pub themes: Vec<ThemeFigure>,
    /// Open answers of the wave coded (distinct texts).
    pub coded_texts: u64,
    /// Complaint descriptions of the period coded.
    pub coded_complaints: Option<Cell>,
    /// How the program's code suggestions agree with the researcher's codes (all coded texts).
    pub coding_agreement: Option<crate::monitor::codebook::Agreement>,
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

/// The follow-up actions agreed after complaints, in numbers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FollowUps {
    /// Actions agreed.
    pub agreed: u64,
    /// Of those, done.
    pub done: u64,
    /// Of those, late: done after their day, or not done while their day has passed.
    pub late: u64,
}

impl FollowUps {
    /// Counts actions by their due day and the day they were done, on `today`.
    pub fn count(actions: &[(NaiveDate, Option<NaiveDate>)], today: NaiveDate) -> FollowUps {
        FollowUps {
            agreed: actions.len() as u64,
            done: actions.iter().filter(|(_, done)| done.is_some()).count() as u64,
            late: actions
                .iter()
                .filter(|(due, done)| followup_late(*due, *done, today))
                .count() as u64,
        }
    }
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
    pub outcomes: Vec<(crate::complaints::register::Outcome, Cell)>,
}

/// A wave whose figures are not published yet.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WaveWaiting {
    /// Wave name.
    pub wave: String,
    /// It closes on this day; the figures come after.
    pub closes_on: NaiveDate,
}
