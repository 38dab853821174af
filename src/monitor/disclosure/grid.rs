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
    /// Figures every scope has, also when they are zero: those whose kind says so
    /// ([`FigureKind::always`]), in the order of the variants.
    pub(super) fn always() -> Vec<Figure> {
        FigureKind::ALL
            .into_iter()
            .filter_map(FigureKind::always)
            .collect()
    }

    /// What it counts, without its value.
    pub fn kind(&self) -> FigureKind {
        match self {
            Figure::Received => FigureKind::Received,
            Figure::Mediated => FigureKind::Mediated,
            Figure::ResolvedInformally => FigureKind::ResolvedInformally,
            Figure::Withdrawn => FigureKind::Withdrawn,
            Figure::Heard => FigureKind::Heard,
            Figure::Decided => FigureKind::Decided,
            Figure::ActedOn => FigureKind::ActedOn,
            Figure::Ombudsman => FigureKind::Ombudsman,
            Figure::Channel(_) => FigureKind::Channel,
            Figure::Team(_) => FigureKind::Team,
            Figure::Category(_) => FigureKind::Category,
            Figure::Norm(_) => FigureKind::Norm,
            Figure::Theme(_) => FigureKind::Theme,
            Figure::Coded => FigureKind::Coded,
            Figure::Postponed => FigureKind::Postponed,
            Figure::ViaCouncil => FigureKind::ViaCouncil,
            Figure::Told => FigureKind::Told,
            Figure::Judged => FigureKind::Judged,
            Figure::Founded => FigureKind::Founded,
            Figure::InTime => FigureKind::InTime,
            Figure::Written => FigureKind::Written,
            Figure::Outcome(_) => FigureKind::Outcome,
            Figure::Due => FigureKind::Due,
            Figure::Late => FigureKind::Late,
            Figure::Overdue => FigureKind::Overdue,
        }
    }

    /// For the part of a share: the figure it is a share of.
    pub fn base(&self) -> Option<Figure> {
        match self.kind().role() {
            Role::ShareOf(base) => Some(base),
            Role::Register | Role::Count => None,
        }
    }

    /// Whether it belongs to the register appendix (yearly reports only).
    pub fn in_register(&self) -> bool {
        matches!(self.kind().role(), Role::Register)
    }
}

/// What a kind of figure is besides a count of its own.
enum Role {
    /// The part of a share of this figure, not a cell of its own.
    ShareOf(Figure),
    /// A line of the register appendix (yearly reports only).
    Register,
    /// A count and nothing more.
    Count,
}

impl FigureKind {
    /// Every kind is named, so a new figure is a decision here (the compiler asks for it).
    fn role(self) -> Role {
        use FigureKind as K;
        match self {
            K::Founded => Role::ShareOf(Figure::Judged),
            K::InTime | K::Late | K::Overdue => Role::ShareOf(Figure::Due),
            K::Written | K::Outcome => Role::Register,
            K::Received
            | K::Mediated
            | K::ResolvedInformally
            | K::Withdrawn
            | K::Heard
            | K::Decided
            | K::ActedOn
            | K::Ombudsman
            | K::Channel
            | K::Team
            | K::Category
            | K::Norm
            | K::Theme
            | K::Coded
            | K::Postponed
            | K::ViaCouncil
            | K::Told
            | K::Judged
            | K::Due => Role::Count,
        }
    }
}

crate::listed_enum! {
    /// A [`Figure`] without its value: one per variant, so a new figure is in
    /// [`FigureKind::ALL`] (and must say whether every scope has it) once it has a kind.
    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    pub enum FigureKind {
        Received,
        Mediated,
        ResolvedInformally,
        Withdrawn,
        Heard,
        Decided,
        ActedOn,
        Ombudsman,
        Channel,
        Team,
        Category,
        Norm,
        Theme,
        Coded,
        Postponed,
        ViaCouncil,
        Told,
        Judged,
        Founded,
        InTime,
        Written,
        Outcome,
        Due,
        Late,
        Overdue,
    }
}

impl FigureKind {
    /// The figure when every scope has it, also when it is zero (the funnel and the counts of
    /// the complaints page); `None` for figures that exist per value that occurs (channel, team,
    /// category, norm, theme, outcome) or only where they apply (coding, the register).
    pub fn always(self) -> Option<Figure> {
        match self {
            FigureKind::Received => Some(Figure::Received),
            FigureKind::Mediated => Some(Figure::Mediated),
            FigureKind::ResolvedInformally => Some(Figure::ResolvedInformally),
            FigureKind::Withdrawn => Some(Figure::Withdrawn),
            FigureKind::Heard => Some(Figure::Heard),
            FigureKind::Decided => Some(Figure::Decided),
            FigureKind::ActedOn => Some(Figure::ActedOn),
            FigureKind::Ombudsman => Some(Figure::Ombudsman),
            FigureKind::Postponed => Some(Figure::Postponed),
            FigureKind::ViaCouncil => Some(Figure::ViaCouncil),
            FigureKind::Told => Some(Figure::Told),
            FigureKind::Judged => Some(Figure::Judged),
            FigureKind::Founded => Some(Figure::Founded),
            FigureKind::InTime => Some(Figure::InTime),
            FigureKind::Due => Some(Figure::Due),
            FigureKind::Late => Some(Figure::Late),
            FigureKind::Overdue => Some(Figure::Overdue),
            FigureKind::Channel
            | FigureKind::Team
            | FigureKind::Category
            | FigureKind::Norm
            | FigureKind::Theme
            | FigureKind::Coded
            | FigureKind::Written
            | FigureKind::Outcome => None,
        }
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

/// One complaint as the check sees it: the day it counts on and every figure it counts in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseCells {
    /// The day it counts on: received, or registered when that was later (so a complaint
    /// registered after its quarter was published never changes that quarter).
    pub received: NaiveDate,
    /// The figures it counts in (each once).
    pub figures: Vec<Figure>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scope_has_the_funnel_and_the_counts_and_nothing_per_value() {
        use Figure::*;
        assert_eq!(
            Figure::always(),
            [
                Received,
                Mediated,
                ResolvedInformally,
                Withdrawn,
                Heard,
                Decided,
                ActedOn,
                Ombudsman,
                Postponed,
                ViaCouncil,
                Told,
                Judged,
                Founded,
                InTime,
                Due,
                Late,
                Overdue,
            ]
        );
        for k in FigureKind::ALL {
            if let Some(f) = k.always() {
                assert_eq!(f.kind(), k);
            }
        }
    }
}
