//! Complaints: the figures the report can publish, the scopes (quarters and years) on one fixed
//! grid, and the cells of one complaint.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A complaint figure the report can publish: a count of complaints with something in common.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Figure {
    /// Received (every complaint and signal).
    Received,
    /// A mediation talk was started.
    Mediated,
    /// Resolved in the mediation talk.
    ResolvedInformally,
    /// Withdrawn.
    Withdrawn,
    /// The hearing was held.
    Heard,
    /// Decided.
    Decided,
    /// Decided and acted on.
    ActedOn,
    /// Went to the ombudsman.
    Ombudsman,
    /// Received through this channel.
    Channel(String),
    /// About this team.
    Team(String),
    /// In this category.
    Category(String),
    /// About this behoorlijkheidsnorm (the code).
    Norm(String),
    /// Its description was coded with this theme.
    Theme(String),
    /// Its description was coded.
    Coded,
    /// The decision was postponed.
    Postponed,
    /// Passed on by a council member or alderman.
    ViaCouncil,
    /// Passed on, and they were told what happened.
    Told,
    /// Decided with a judgement (the base of the share founded).
    Judged,
    /// Judged (partly) founded: the part of a share, not a cell of its own.
    Founded,
    /// Decided within the legal deadline: the part of a share, not a cell of its own.
    InTime,
    /// A written complaint in the register (Awb 9:12a).
    Written,
    /// A written complaint with this outcome in the register.
    Outcome(crate::complaints::register::Outcome),
    /// Decided, or still open after the legal deadline (the base of the deadline figures).
    Due,
    /// Decided after the legal deadline: the part of a share, not a cell of its own.
    Late,
    /// Still open after the legal deadline: the part of a share, not a cell of its own.
    Overdue,
}

crate::listed_enum! {
    /// A stage of the complaint funnel, in the order the report shows them. Published under
    /// [`Stage::code`] (open data) and [`Stage::name`] (page and PDF).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
    pub enum Stage {
        /// Received (every complaint and signal).
        Received,
        /// A mediation talk was started.
        Mediated,
        /// Resolved in the mediation talk.
        ResolvedInformally,
        /// Withdrawn.
        Withdrawn,
        /// The hearing was held.
        Heard,
        /// Decided.
        Decided,
        /// Decided and acted on.
        ActedOn,
        /// Went to the ombudsman.
        Ombudsman,
    }
}

impl Stage {
    /// The figure the stage counts.
    pub fn figure(self) -> Figure {
        match self {
            Stage::Received => Figure::Received,
            Stage::Mediated => Figure::Mediated,
            Stage::ResolvedInformally => Figure::ResolvedInformally,
            Stage::Withdrawn => Figure::Withdrawn,
            Stage::Heard => Figure::Heard,
            Stage::Decided => Figure::Decided,
            Stage::ActedOn => Figure::ActedOn,
            Stage::Ombudsman => Figure::Ombudsman,
        }
    }

    /// Its code in the open data.
    pub fn code(self) -> &'static str {
        match self {
            Stage::Received => "ontvangen",
            Stage::Mediated => "bemiddeld",
            Stage::ResolvedInformally => "informeel_opgelost",
            Stage::Withdrawn => "ingetrokken",
            Stage::Heard => "gehoord",
            Stage::Decided => "besloten",
            Stage::ActedOn => "opgevolgd",
            Stage::Ombudsman => "ombudsman",
        }
    }

    /// Its plain Dutch name in the report.
    pub fn name(self) -> &'static str {
        match self {
            Stage::Received => "Binnengekomen",
            Stage::Mediated => "Bemiddelingsgesprek",
            Stage::ResolvedInformally => "Opgelost in het gesprek",
            Stage::Withdrawn => "Ingetrokken",
            Stage::Heard => "Hoorzitting gehouden",
            Stage::Decided => "Oordeel gegeven",
            Stage::ActedOn => "Met acties opgevolgd",
            Stage::Ombudsman => "Naar de ombudsman",
        }
    }
}

/// A stage is written in the open data as its code.
impl Serialize for Stage {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl Figure {
    /// Figures every scope has, also when they are zero.
    pub(super) const ALWAYS: [Figure; 17] = [
        Figure::Received,
        Figure::Mediated,
        Figure::ResolvedInformally,
        Figure::Withdrawn,
        Figure::Heard,
        Figure::Decided,
        Figure::ActedOn,
        Figure::Ombudsman,
        Figure::Postponed,
        Figure::ViaCouncil,
        Figure::Told,
        Figure::Judged,
        Figure::Founded,
        Figure::InTime,
        Figure::Due,
        Figure::Late,
        Figure::Overdue,
    ];

    /// For the part of a share: the figure it is a share of.
    pub fn base(&self) -> Option<Figure> {
        match self {
            Figure::Founded => Some(Figure::Judged),
            Figure::InTime | Figure::Late | Figure::Overdue => Some(Figure::Due),
            _ => None,
        }
    }

    /// Whether it belongs to the register appendix (yearly reports only).
    pub fn in_register(&self) -> bool {
        matches!(self, Figure::Written | Figure::Outcome(_))
    }
}

/// Where a cell belongs on the calendar grid.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Scope {
    /// One quarter.
    Quarter {
        /// Year.
        year: i32,
        /// 1 to 4.
        quarter: u32,
    },
    /// A year from 1 January to the end of quarter `through` (4: the whole year).
    Year {
        /// Year.
        year: i32,
        /// The last quarter counted.
        through: u32,
    },
}

impl Scope {
    /// The calendar year.
    pub fn year(self) -> i32 {
        match self {
            Scope::Quarter { year, .. } | Scope::Year { year, .. } => year,
        }
    }

    pub(super) fn covers(self, quarter: u32) -> bool {
        match self {
            Scope::Quarter { quarter: q, .. } => q == quarter,
            Scope::Year { through, .. } => quarter <= through,
        }
    }

    /// First and last day.
    pub fn dates(self) -> (NaiveDate, NaiveDate) {
        let (year, first, last) = match self {
            Scope::Quarter { year, quarter } => (year, quarter, quarter),
            Scope::Year { year, through } => (year, 1, through),
        };
        let from = NaiveDate::from_ymd_opt(year, 3 * first - 2, 1).unwrap_or_default();
        let to = NaiveDate::from_ymd_opt(year, 3 * last - 2, 1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(3)))
            .map_or(from, |d| d - chrono::Duration::days(1));
        (from, to)
    }
}

/// The quarter (1 to 4) of a day.
pub fn quarter_of(day: NaiveDate) -> u32 {
    day.month0() / 3 + 1
}

/// How many quarters of `year` have ended on `today` (0 to 4).
pub fn ended_quarters(year: i32, today: NaiveDate) -> u32 {
    if today.year() > year {
        4
    } else if today.year() < year {
        0
    } else {
        quarter_of(today) - 1
    }
}

/// One complaint as the check sees it: when it was received and every figure it counts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseCells {
    /// Received on.
    pub received: NaiveDate,
    /// The figures it counts in (each once).
    pub figures: Vec<Figure>,
}
