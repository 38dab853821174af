//! Complaint indicators for a period, as pure functions over the facts of each case: the funnel from
//! every channel (received, mediated, resolved informally, withdrawn, heard, decided, acted on, to
//! the ombudsman), the share founded, handling time (median and 90th percentile), the share decided
//! within the legal deadline, postponements, and signals via council members with their feedback.

use chrono::NaiveDate;

use super::disclosure::{CaseCells, Figure};

/// What the figures need to know about one complaint (nothing personal).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CaseFacts {
    /// Channel code.
    pub channel: String,
    /// Received on.
    pub received: NaiveDate,
    /// Registered on (left at its default, the day it was received counts).
    pub registered: NaiveDate,
    /// An anonymous signal.
    pub anonymous: bool,
    /// Mediation was started.
    pub mediated: bool,
    /// Resolved in the mediation (Awb 9:5).
    pub resolved_informally: bool,
    /// Withdrawn.
    pub withdrawn: bool,
    /// The complainant was heard (the hearing was held).
    pub heard: bool,
    /// Decided on (the formal outcome).
    pub decided: Option<NaiveDate>,
    /// The overall judgement when decided (gegrond, deels_gegrond, ongegrond, geen_oordeel).
    pub judgement: Option<String>,
    /// Ended on (decided or otherwise finished).
    pub finished: Option<NaiveDate>,
    /// Legal deadline.
    pub deadline: NaiveDate,
    /// Still open on the day the figures are made, and past its legal deadline (as the deadline
    /// list of the complaints pages shows it).
    pub overdue: bool,
    /// The decision was postponed.
    pub postponed: bool,
    /// Follow-up actions recorded.
    pub followups: u32,
    /// Went to the external ombudsman.
    pub ombudsman: bool,
    /// Passed on by a council member or alderman.
    pub via_council: bool,
    /// They were told what happened.
    pub council_feedback: bool,
    /// The team the complaint is about, when known.
    pub team: Option<String>,
    /// Codes of the behoorlijkheidsnormen the complaint is about.
    pub norms: Vec<String>,
    /// Names of its categories.
    pub categories: Vec<String>,
    /// Themes its description was coded with (empty when it was not coded).
    pub themes: Vec<String>,
    /// Its description was coded.
    pub coded: bool,
    /// For a written complaint (one in the Awb 9:12a register): its outcome there.
    pub register_outcome: Option<crate::complaints::register::Outcome>,
}

/// Team name in the figures for a complaint without a team.
pub const NO_TEAM: &str = "(geen team opgegeven)";

/// Judgements that count as founded.
fn is_founded(judgement: &str) -> bool {
    matches!(judgement, "gegrond" | "deels_gegrond")
}

/// Whether the complaint is decided with a judgement (the base of the share founded).
fn is_judged(c: &CaseFacts) -> bool {
    c.decided.is_some() && c.judgement.as_deref().is_some_and(|j| j != "geen_oordeel")
}

/// Whether the legal deadline is a question for the complaint: it was decided, or it is still open
/// after its deadline (the base of the deadline figures).
fn is_due(c: &CaseFacts) -> bool {
    c.decided.is_some() || c.overdue
}

/// Every figure of the report one complaint counts in, for the disclosure check: the same
/// definitions as [`funnel`], [`founded`], [`timeliness`] and [`council_signals`] (a test holds
/// them together).
pub fn cells(c: &CaseFacts) -> CaseCells {
    let mut f = vec![
        Figure::Received,
        Figure::Channel(c.channel.clone()),
        Figure::Team(c.team.clone().unwrap_or_else(|| NO_TEAM.to_string())),
    ];
    let flags = [
        (c.mediated, Figure::Mediated),
        (c.resolved_informally, Figure::ResolvedInformally),
        (c.withdrawn, Figure::Withdrawn),
        (c.heard, Figure::Heard),
        (c.decided.is_some(), Figure::Decided),
        (c.decided.is_some() && c.followups > 0, Figure::ActedOn),
        (c.ombudsman, Figure::Ombudsman),
        (c.postponed, Figure::Postponed),
        (c.via_council, Figure::ViaCouncil),
        (c.via_council && c.council_feedback, Figure::Told),
        (is_judged(c), Figure::Judged),
        (
            is_judged(c) && c.judgement.as_deref().is_some_and(is_founded),
            Figure::Founded,
        ),
        (is_due(c), Figure::Due),
        (c.decided.is_some_and(|d| d <= c.deadline), Figure::InTime),
        (c.decided.is_some_and(|d| d > c.deadline), Figure::Late),
        (c.decided.is_none() && c.overdue, Figure::Overdue),
        (c.coded, Figure::Coded),
    ];
    f.extend(flags.into_iter().filter(|(on, _)| *on).map(|(_, fig)| fig));
    let unique =
        |v: &[String]| -> std::collections::BTreeSet<String> { v.iter().cloned().collect() };
    f.extend(unique(&c.categories).into_iter().map(Figure::Category));
    f.extend(unique(&c.norms).into_iter().map(Figure::Norm));
    f.extend(unique(&c.themes).into_iter().map(Figure::Theme));
    if let Some(outcome) = c.register_outcome {
        f.push(Figure::Written);
        f.push(Figure::Outcome(outcome));
    }
    CaseCells {
        received: c.counts_on(),
        figures: f,
    }
}

impl CaseFacts {
    /// The day it counts in the reports: received, or registered when that was later
    /// ([`crate::complaints::read_model::counted_on`]).
    pub fn counts_on(&self) -> NaiveDate {
        crate::complaints::read_model::counted_on(self.received, self.registered)
    }
}

/// The funnel.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Funnel {
    /// Every complaint and signal received.
    pub received: u64,
    /// Of which mediated.
    pub mediated: u64,
    /// Resolved in mediation.
    pub resolved_informally: u64,
    /// Withdrawn.
    pub withdrawn: u64,
    /// Heard.
    pub heard: u64,
    /// Decided.
    pub decided: u64,
    /// Decided and acted on (at least one follow-up action).
    pub acted_on: u64,
    /// To the ombudsman.
    pub ombudsman: u64,
}

/// Counts the funnel.
pub fn funnel(cases: &[CaseFacts]) -> Funnel {
    let count = |f: &dyn Fn(&CaseFacts) -> bool| cases.iter().filter(|c| f(c)).count() as u64;
    Funnel {
        received: cases.len() as u64,
        mediated: count(&|c| c.mediated),
        resolved_informally: count(&|c| c.resolved_informally),
        withdrawn: count(&|c| c.withdrawn),
        heard: count(&|c| c.heard),
        decided: count(&|c| c.decided.is_some()),
        acted_on: count(&|c| c.decided.is_some() && c.followups > 0),
        ombudsman: count(&|c| c.ombudsman),
    }
}

/// The `p`-th percentile (0..=1) by the nearest-rank method; `None` for no values.
pub fn percentile(sorted: &[i64], p: f64) -> Option<i64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    Some(sorted[rank - 1])
}

/// The median by the usual definition (the mean of the two middle values for an even count).
pub fn median(sorted: &[i64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2] as f64),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) as f64 / 2.0),
    }
}

/// Handling time of the decided complaints, and deadline performance: the complaints decided in
/// time, decided late, and still open after their deadline.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeliness {
    /// Decided complaints.
    pub decided: u64,
    /// Decided, or still open after the deadline: the base of the deadline figures.
    pub due: u64,
    /// Decided after the legal deadline.
    pub late: u64,
    /// Still open after the legal deadline.
    pub overdue: u64,
    /// Median days from receipt to decision.
    pub median_days: Option<f64>,
    /// 90th percentile of those days.
    pub p90_days: Option<i64>,
    /// Decided within the legal deadline.
    pub in_time: u64,
    /// Decisions postponed.
    pub postponed: u64,
}

/// Handling times of the decided complaints.
pub fn timeliness(cases: &[CaseFacts]) -> Timeliness {
    let mut days: Vec<i64> = cases
        .iter()
        .filter_map(|c| c.decided.map(|d| (d - c.received).num_days()))
        .collect();
    days.sort_unstable();
    Timeliness {
        decided: days.len() as u64,
        due: cases.iter().filter(|c| is_due(c)).count() as u64,
        late: cases
            .iter()
            .filter(|c| c.decided.is_some_and(|d| d > c.deadline))
            .count() as u64,
        overdue: cases
            .iter()
            .filter(|c| c.decided.is_none() && c.overdue)
            .count() as u64,
        median_days: median(&days),
        p90_days: percentile(&days, 0.9),
        in_time: cases
            .iter()
            .filter(|c| c.decided.is_some_and(|d| d <= c.deadline))
            .count() as u64,
        postponed: cases.iter().filter(|c| c.postponed).count() as u64,
    }
}

/// Founded (gegrond or deels gegrond) out of the decided complaints with a judgement.
pub fn founded(cases: &[CaseFacts]) -> (u64, u64) {
    let judged: Vec<&str> = cases
        .iter()
        .filter(|c| is_judged(c))
        .filter_map(|c| c.judgement.as_deref())
        .collect();
    let founded = judged.iter().filter(|j| is_founded(j)).count() as u64;
    (founded, judged.len() as u64)
}

/// Signals passed on by council members and aldermen: (passed on, finished, told what happened).
pub fn council_signals(cases: &[CaseFacts]) -> (u64, u64, u64) {
    let via: Vec<&CaseFacts> = cases.iter().filter(|c| c.via_council).collect();
    (
        via.len() as u64,
        via.iter().filter(|c| c.finished.is_some()).count() as u64,
        via.iter().filter(|c| c.council_feedback).count() as u64,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn case(received: NaiveDate, decided: Option<NaiveDate>) -> CaseFacts {
        CaseFacts {
            channel: "brief".into(),
            received,
            decided,
            finished: decided,
            deadline: received + chrono::Duration::weeks(6),
            ..Default::default()
        }
    }

    #[test]
    fn percentiles_by_hand() {
        let v = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
        assert_eq!(percentile(&v, 0.9), Some(90));
        assert_eq!(percentile(&v, 0.5), Some(50));
        assert_eq!(median(&v), Some(55.0));
        assert_eq!(median(&[3, 9, 40]), Some(9.0));
        assert_eq!(percentile(&[], 0.9), None);
        assert_eq!(percentile(&[7], 0.9), Some(7));
    }

    #[test]
    fn the_funnel_and_deadlines_of_a_small_year() {
        let r = d(2026, 1, 5);
        let mut cases = vec![
            // Decided in 30 days, founded, acted on.
            CaseFacts {
                mediated: true,
                heard: true,
                judgement: Some("gegrond".into()),
                followups: 2,
                ..case(r, Some(r + chrono::Duration::days(30)))
            },
            // Decided in 50 days: late (6 weeks = 42 days).
            CaseFacts {
                heard: true,
                judgement: Some("ongegrond".into()),
                ..case(r, Some(r + chrono::Duration::days(50)))
            },
            // Postponed, decided in 60 days within the postponed deadline.
            CaseFacts {
                postponed: true,
                deadline: r + chrono::Duration::weeks(10),
                judgement: Some("deels_gegrond".into()),
                ..case(r, Some(r + chrono::Duration::days(60)))
            },
            // Resolved in mediation, via a council member who was told.
            CaseFacts {
                mediated: true,
                resolved_informally: true,
                via_council: true,
                council_feedback: true,
                finished: Some(r + chrono::Duration::days(9)),
                ..case(r, None)
            },
            // Withdrawn; via a council member not yet told.
            CaseFacts {
                withdrawn: true,
                via_council: true,
                finished: Some(r + chrono::Duration::days(4)),
                ..case(r, None)
            },
        ];
        cases.push(CaseFacts {
            anonymous: true,
            ..case(r, None)
        });
        // Still open after its deadline, as the deadline list shows it.
        cases.push(CaseFacts {
            overdue: true,
            ..case(r, None)
        });
        let f = funnel(&cases);
        assert_eq!(
            f,
            Funnel {
                received: 7,
                mediated: 2,
                resolved_informally: 1,
                withdrawn: 1,
                heard: 2,
                decided: 3,
                acted_on: 1,
                ombudsman: 0
            }
        );
        let t = timeliness(&cases);
        assert_eq!(t.decided, 3);
        assert_eq!(t.median_days, Some(50.0));
        assert_eq!(t.p90_days, Some(60));
        assert_eq!(t.in_time, 2);
        // By hand: 2 decided in time, 1 decided late, 1 open past its deadline; 4 in all.
        assert_eq!((t.in_time, t.late, t.overdue, t.due), (2, 1, 1, 4));
        assert_eq!(t.postponed, 1);
        assert_eq!(founded(&cases), (2, 3));
        assert_eq!(council_signals(&cases), (2, 2, 1));
        // The cells the disclosure check works on count the same.
        let count = |fig: Figure| {
            cases
                .iter()
                .filter(|c| cells(c).figures.contains(&fig))
                .count() as u64
        };
        assert_eq!(
            [
                count(Figure::Received),
                count(Figure::Mediated),
                count(Figure::ResolvedInformally),
                count(Figure::Withdrawn),
                count(Figure::Heard),
                count(Figure::Decided),
                count(Figure::ActedOn),
                count(Figure::Ombudsman)
            ],
            [
                f.received,
                f.mediated,
                f.resolved_informally,
                f.withdrawn,
                f.heard,
                f.decided,
                f.acted_on,
                f.ombudsman
            ]
        );
        assert_eq!(
            (count(Figure::Founded), count(Figure::Judged)),
            founded(&cases)
        );
        assert_eq!(
            (count(Figure::InTime), count(Figure::Postponed)),
            (t.in_time, t.postponed)
        );
        assert_eq!(
            (
                count(Figure::Due),
                count(Figure::Late),
                count(Figure::Overdue)
            ),
            (t.due, t.late, t.overdue)
        );
        assert_eq!((count(Figure::ViaCouncil), count(Figure::Told)), (2, 1));
    }
}
