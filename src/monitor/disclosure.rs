//! Disclosure control: the one decision on what the council report may publish.
//!
//! Everything a council member (or anyone they pass it to) can read is decided here: the report of
//! every period, a quarter or a year, as page, standalone HTML and PDF; its open data as CSV and
//! JSON; and the register appendix of the yearly report. Every figure those outputs show is looked
//! up in the decisions this module makes, so no output can show more than another.
//!
//! # The rule
//!
//! 1. **Only what is final is published.** A survey wave is published once it has closed, never
//!    while people can still answer. Answer sets that come in after the closing date (paper forms
//!    scanned later) join the published figures in groups of at least `k`, by whole days that have
//!    passed ([`published_through`]). Complaints are published per quarter once the quarter has
//!    ended; a year shows the quarters of it that have ended. So one more answer or complaint never
//!    changes a published figure. (A researcher can see a running wave in a live view that says so
//!    and is not part of the report or the open data.)
//! 2. **No group of fewer than `k` people or complaints is shown, or can be worked out.** A *cell*
//!    is the number of people or complaints in a group the report names: a funnel stage, a
//!    channel, team, category, behoorlijkheidsnorm or theme, an outcome in the register, a quarter,
//!    the size of a survey subgroup, the base (n) of a share. A cell of 1 to `k`-1 is hidden
//!    (primary suppression). Then more cells are hidden (secondary suppression) until no hidden
//!    small cell, and no sum of the hidden parts of one total, follows from *all* published cells
//!    of that year together: the four quarters, the year, and every breakdown of each, by any
//!    linear combination (see [`decide`]).
//! 3. A figure on fewer than 50 people is published but marked *indicatief*. Whether a cell was
//!    hidden as too small or to protect another is never published.
//!
//! # Can this be subtracted?
//!
//! - **The year minus its quarters?** No. The cells of a year and of its four quarters are decided
//!   together, on one fixed calendar grid, quarter by quarter as each ends; a later quarter never
//!   needs an earlier one taken back, so an older download gives nothing away. If a quarter's cell
//!   is hidden, a second quarter's cell is hidden too (the year's figures come first), or, when no
//!   quarter is left to hide, the year's cell. The year to date during the year is part of the
//!   same grid.
//! - **A total minus its parts (channels, teams, register outcomes)?** No: a second part is
//!   hidden, or the total. This holds across tables too, because the check works on the
//!   complaints themselves: every cell is a sum over groups of complaints that share all their
//!   properties, and a hidden cell counts as derivable when its sum is a linear combination of
//!   published sums. Categories, norms and themes (a complaint can have several, or none) and the
//!   funnel stages are in the same check.
//! - **The funnel against the register appendix?** No. The appendix of a council report gives the
//!   written complaints (Awb 9:12a) per outcome, as cells in the same check, not case by case. The
//!   complete register with a line per complaint stays with the complaints coordinator.
//! - **Overall against subgroups in the survey?** No: the sizes of the groups in each breakdown
//!   (channel, language, each background question) are cells of one total; a hidden group takes a
//!   second one with it, and a share is published only when at least `k` people answered.
//! - **Before against after one more answer or complaint?** No: see rule 1.
//!
//! What the rule does not treat as a cell: the other part of a published share or count. "5 of 6
//! decided in time" tells that one was late, as "2% negative" in a survey table does; a share is
//! published only over at least `k`. The deadline figures are such parts too: of the complaints
//! decided or still open past their deadline (a cell), those decided in time, decided late and
//! open past the deadline; they are in the linear check like every other cell, so a part hidden to
//! protect another takes a second one with it. And progress: a quarter's complaints keep moving through
//! their stages (mediated, decided), and are classified and coded, after the quarter has ended;
//! two downloads months apart show how many moved in between, not which ones. (Counting every
//! stage by the date it happened would close that too; it needs a date for every step.)

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

// ---------------------------------------------------------------------------------------------
// The threshold and the decision per figure and per breakdown.
// ---------------------------------------------------------------------------------------------

/// Default threshold: a figure on fewer people is not published.
pub const DEFAULT_K: u64 = 5;
/// Below this many people a figure is marked "indicatief".
pub const INDICATIVE_BELOW: u64 = 50;

/// What happens to a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    /// Published.
    Yes,
    /// Published, marked "indicatief" (fewer than 50 people).
    Indicative,
    /// Hidden: too few people.
    Hidden,
    /// Hidden so that another hidden figure cannot be worked out from the total.
    HiddenSecondary,
}

impl Shown {
    /// Whether the figure may be published.
    pub fn published(self) -> bool {
        matches!(self, Shown::Yes | Shown::Indicative)
    }
}

/// The decision for one figure on `n` people, on its own.
pub fn primary(n: u64, k: u64) -> Shown {
    if n > 0 && n < k {
        Shown::Hidden
    } else if n < INDICATIVE_BELOW {
        Shown::Indicative
    } else {
        Shown::Yes
    }
}

/// How a published figure on `n` people is shown (without the threshold: for parts of shares).
fn by_size(n: u64) -> Shown {
    if n < INDICATIVE_BELOW {
        Shown::Indicative
    } else {
        Shown::Yes
    }
}

/// The decisions for a breakdown: the parts (people per part) and, when published next to them,
/// their total. Returns (total, parts).
pub fn partition(total: Option<u64>, parts: &[u64], k: u64) -> (Option<Shown>, Vec<Shown>) {
    let mut shown: Vec<Shown> = parts.iter().map(|n| primary(*n, k)).collect();
    let Some(total_n) = total else {
        return (None, shown);
    };
    let mut total_shown = primary(total_n, k);
    if total_shown.published() {
        loop {
            let hidden: Vec<usize> = (0..parts.len())
                .filter(|i| !shown[*i].published())
                .collect();
            let hidden_sum: u64 = hidden.iter().map(|i| parts[*i]).sum();
            let safe = hidden.is_empty() || (hidden.len() >= 2 && hidden_sum >= k);
            if safe {
                break;
            }
            // Hide the smallest part still shown that has people in it (a zero adds nothing).
            let next = (0..parts.len())
                .filter(|i| shown[*i].published() && parts[*i] > 0)
                .min_by_key(|i| (parts[*i], *i));
            match next {
                Some(i) => shown[i] = Shown::HiddenSecondary,
                None => {
                    total_shown = Shown::HiddenSecondary;
                    break;
                }
            }
        }
    }
    (Some(total_shown), shown)
}

// ---------------------------------------------------------------------------------------------
// Surveys: only closed waves, late answer sets in groups of at least k.
// ---------------------------------------------------------------------------------------------

/// Whether a wave's figures may be published on `today`: only after its closing date.
pub fn wave_published(closes_on: NaiveDate, today: NaiveDate) -> bool {
    today > closes_on
}

/// The last day whose answer sets count in the published figures of a closed wave. Answer sets of
/// the closing date and before all count. Of those that came in later (`late`: day and number of
/// answer sets, in any order), whole days that have passed join in order, but only once together
/// they are at least `k`: the published figures then move by at least `k` answer sets at a time,
/// and a day that has passed never changes again.
pub fn published_through(
    closes_on: NaiveDate,
    late: &[(NaiveDate, u64)],
    today: NaiveDate,
    k: u64,
) -> NaiveDate {
    let mut days: Vec<(NaiveDate, u64)> = late
        .iter()
        .copied()
        .filter(|(d, _)| *d > closes_on && *d < today)
        .collect();
    days.sort_unstable();
    let (mut through, mut waiting) = (closes_on, 0);
    for (day, n) in days {
        waiting += n;
        if waiting >= k.max(1) {
            through = day;
            waiting = 0;
        }
    }
    through
}

// ---------------------------------------------------------------------------------------------
// Complaints: cells on a fixed grid of quarters, decided together with their year.
// ---------------------------------------------------------------------------------------------

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
    Outcome(String),
    /// Decided, or still open after the legal deadline (the base of the deadline figures).
    Due,
    /// Decided after the legal deadline: the part of a share, not a cell of its own.
    Late,
    /// Still open after the legal deadline: the part of a share, not a cell of its own.
    Overdue,
}

impl Figure {
    /// The funnel stages, in order.
    pub const FUNNEL: [Figure; 8] = [
        Figure::Received,
        Figure::Mediated,
        Figure::ResolvedInformally,
        Figure::Withdrawn,
        Figure::Heard,
        Figure::Decided,
        Figure::ActedOn,
        Figure::Ombudsman,
    ];

    /// Figures every scope has, also when they are zero.
    const ALWAYS: [Figure; 17] = [
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

    fn covers(self, quarter: u32) -> bool {
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

/// The decision on one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decided {
    /// Complaints in it.
    pub n: u64,
    /// How it is shown.
    pub shown: Shown,
}

/// The decisions on every complaint cell of the years asked for.
#[derive(Debug, Clone, Default)]
pub struct Decisions {
    k: u64,
    scopes: BTreeSet<Scope>,
    cells: BTreeMap<(Scope, Figure), Decided>,
}

impl Decisions {
    /// Whether the scope may be published (its quarters have ended).
    pub fn has(&self, scope: Scope) -> bool {
        self.scopes.contains(&scope)
    }

    /// The decision on a cell; `None` when the scope is not published (yet). A figure no
    /// complaint of the scope counts in is a published zero.
    pub fn get(&self, scope: Scope, figure: &Figure) -> Option<Decided> {
        if !self.has(scope) {
            return None;
        }
        Some(
            self.cells
                .get(&(scope, figure.clone()))
                .copied()
                .unwrap_or(Decided {
                    n: 0,
                    shown: primary(0, self.k),
                }),
        )
    }

    /// The figures of a scope that complaints count in, with their decisions, in order.
    pub fn cells_of(&self, scope: Scope) -> impl Iterator<Item = (&Figure, &Decided)> {
        self.cells
            .range((scope, Figure::Received)..)
            .take_while(move |((s, _), _)| *s == scope)
            .map(|((_, f), d)| (f, d))
    }
}

/// One cell in the check: its place, its complaints (as a 0/1 row over the groups of
/// complaints that share all their figures), and whether it is hidden.
#[derive(Debug, Clone)]
struct Unit {
    scope: Scope,
    figure: Figure,
    row: Vec<u64>,
    value: u64,
    hidden: Option<Shown>,
}

impl Unit {
    /// A count of people or complaints that must not be small; the parts of shares are not.
    fn guarded(&self, k: u64) -> bool {
        self.figure.base().is_none() && self.value > 0 && self.value < k
    }
}

/// Decides every complaint cell of every year the cases fall in: primary suppression, then
/// secondary suppression until the audit finds nothing derivable.
///
/// Per year, the quarters are taken in order as they end. With quarter `j` come two sets of new
/// cells: the quarter's own, and the year to date (quarters 1 to `j`; with `j` = 4 the year). The
/// cells of earlier quarters are fixed: they may have been read already. Then, as long as a hidden
/// cell (one under `k`, or one hidden to protect another: a hidden cell stays hidden), or the sum
/// of the hidden parts of a total when under `k`, is a linear combination of published cells,
/// one more new cell is hidden: one that this combination uses,
/// the smallest, and of equal ones a cell of the quarter rather than one of the year (the year
/// figures are the ones a council keeps). Hiding only ever grows and ends at the latest when all
/// new cells are hidden, which leaves what was safe before.
///
/// The check is exact linear algebra (modulo a large prime, so without rounding) on the groups of
/// complaints that share all their figures. It assumes the reader knows which combinations of
/// figures occur, which only makes it stricter.
pub fn decide(cases: &[CaseCells], today: NaiveDate, k: u64) -> Decisions {
    decide_with(cases, today, k, false)
}

/// [`decide`], with the exact rows also where a projection would be used (for tests).
fn decide_with(cases: &[CaseCells], today: NaiveDate, k: u64, exact: bool) -> Decisions {
    let mut out = Decisions {
        k,
        ..Default::default()
    };
    let years: BTreeSet<i32> = cases.iter().map(|c| c.received.year()).collect();
    for year in years {
        let of_year: Vec<&CaseCells> = cases.iter().filter(|c| c.received.year() == year).collect();
        decide_year(
            &mut out,
            year,
            &of_year,
            ended_quarters(year, today),
            k,
            exact,
        );
    }
    out
}

/// Like [`decide`], and makes sure the given years are there even without complaints.
pub fn decide_years(cases: &[CaseCells], years: &[i32], today: NaiveDate, k: u64) -> Decisions {
    let mut out = decide(cases, today, k);
    for &year in years {
        for j in 1..=ended_quarters(year, today) {
            out.scopes.insert(Scope::Quarter { year, quarter: j });
            out.scopes.insert(Scope::Year { year, through: j });
        }
    }
    out
}

fn decide_year(
    out: &mut Decisions,
    year: i32,
    cases: &[&CaseCells],
    ended: u32,
    k: u64,
    exact: bool,
) {
    if ended == 0 {
        return;
    }
    // The groups of complaints that share their quarter and all their figures.
    let mut atoms: BTreeMap<(u32, BTreeSet<&Figure>), u64> = BTreeMap::new();
    for c in cases {
        let q = quarter_of(c.received);
        if q <= ended {
            *atoms.entry((q, c.figures.iter().collect())).or_default() += 1;
        }
    }
    let atoms: Vec<((u32, BTreeSet<&Figure>), u64)> = atoms.into_iter().collect();
    // The cells, stage by stage: quarter j and the year to date through j.
    let mut units: Vec<Unit> = vec![];
    let mut stages: Vec<std::ops::Range<usize>> = vec![];
    let mut index: BTreeMap<(Scope, Figure), usize> = BTreeMap::new();
    for j in 1..=ended {
        let first = units.len();
        for scope in [
            Scope::Quarter { year, quarter: j },
            Scope::Year { year, through: j },
        ] {
            let mut figures: BTreeSet<Figure> = Figure::ALWAYS.into_iter().collect();
            if matches!(scope, Scope::Year { .. }) {
                figures.insert(Figure::Written);
            }
            for ((q, fs), _) in &atoms {
                if scope.covers(*q) {
                    figures.extend(fs.iter().map(|f| (*f).clone()));
                }
            }
            if matches!(scope, Scope::Quarter { .. }) {
                figures.retain(|f| !f.in_register());
            }
            for figure in figures {
                index.insert((scope, figure.clone()), units.len());
                units.push(Unit {
                    scope,
                    figure,
                    row: vec![],
                    value: 0,
                    hidden: None,
                });
            }
        }
        stages.push(first..units.len());
    }
    // Which cells each group counts in, and the counts.
    let members: Vec<Vec<usize>> = atoms
        .iter()
        .map(|((q, fs), _)| {
            let mut cells = vec![];
            for scope in std::iter::once(Scope::Quarter { year, quarter: *q })
                .chain((*q..=ended).map(|j| Scope::Year { year, through: j }))
            {
                for f in fs {
                    if let Some(i) = index.get(&(scope, (*f).clone())) {
                        cells.push(*i);
                    }
                }
            }
            cells
        })
        .collect();
    for (cells, (_, n)) in members.iter().zip(&atoms) {
        for i in cells {
            units[*i].value += n;
        }
    }
    let record = |out: &mut Decisions, units: &[Unit]| {
        for u in units {
            out.cells.insert(
                (u.scope, u.figure.clone()),
                Decided {
                    n: u.value,
                    shown: u.hidden.unwrap_or_else(|| by_size(u.value)),
                },
            );
            out.scopes.insert(u.scope);
        }
    };
    // Nothing small anywhere: everything is published, no check needed.
    if !units.iter().any(|u| u.guarded(k)) {
        record(out, &units);
        return;
    }
    // Each cell as a row over the groups; with more groups than cells, a random projection to
    // as many coordinates as there are cells keeps every linear relation among them (and might,
    // with a chance of about one in 2^50, add one: then a cell too many is hidden, never too
    // few). Seeded by the year, so the decisions are the same every time.
    let exact = exact || atoms.len() <= units.len();
    let width = if exact { atoms.len() } else { units.len() };
    for u in &mut units {
        u.row = vec![0; width];
    }
    if exact {
        for (a, cells) in members.iter().enumerate() {
            for i in cells {
                units[*i].row[a] = 1;
            }
        }
    } else {
        use rand::{Rng, SeedableRng};
        let mut rng = rand::rngs::StdRng::seed_from_u64(0x6b6c_616e_6b00 ^ year as u64);
        let mut v = vec![0u64; width];
        for cells in &members {
            v.iter_mut().for_each(|x| *x = rng.gen_range(0..PRIME));
            for i in cells {
                for (r, x) in units[*i].row.iter_mut().zip(&v) {
                    *r = add(*r, *x);
                }
            }
        }
    }
    // Totals with their parts, for the check on the sum of hidden parts.
    let mut relations: Vec<(usize, Vec<usize>)> = vec![];
    let mut fixed = Span::new(width, 0);
    for (stage, range) in stages.iter().enumerate() {
        let j = stage as u32 + 1;
        let to_date = Scope::Year { year, through: j };
        for scope in [Scope::Quarter { year, quarter: j }, to_date] {
            let parts = |pick: &dyn Fn(&Figure) -> bool| -> Vec<usize> {
                index
                    .range((scope, Figure::Received)..)
                    .take_while(|((s, _), _)| *s == scope)
                    .filter(|((_, f), _)| pick(f))
                    .map(|(_, i)| *i)
                    .collect()
            };
            let received = index[&(scope, Figure::Received)];
            relations.push((received, parts(&|f| matches!(f, Figure::Channel(_)))));
            relations.push((received, parts(&|f| matches!(f, Figure::Team(_)))));
            if let Some(written) = index.get(&(scope, Figure::Written)) {
                relations.push((*written, parts(&|f| matches!(f, Figure::Outcome(_)))));
            }
        }
        // The year to date against its quarters, and against the year to date before.
        // (Not for the parts of shares: they are not cells.)
        let figures: Vec<Figure> = index
            .range((to_date, Figure::Received)..)
            .take_while(|((s, _), _)| *s == to_date)
            .map(|((_, f), _)| f.clone())
            .filter(|f| !f.in_register() && f.base().is_none())
            .collect();
        let at = |scope: Scope, f: &Figure| index.get(&(scope, f.clone())).copied();
        for f in figures {
            let total = index[&(to_date, f.clone())];
            let quarters: Vec<usize> = (1..=j)
                .filter_map(|q| at(Scope::Quarter { year, quarter: q }, &f))
                .collect();
            relations.push((total, quarters));
            if j > 1 {
                let before = Scope::Year {
                    year,
                    through: j - 1,
                };
                let pair: Vec<usize> =
                    [at(before, &f), at(Scope::Quarter { year, quarter: j }, &f)]
                        .into_iter()
                        .flatten()
                        .collect();
                relations.push((total, pair));
            }
        }
        let new: Vec<usize> = range.clone().collect();
        settle(&mut units, &new, &relations, &fixed, k);
        for &i in &new {
            if units[i].hidden.is_none() {
                fixed.add(units[i].row.clone(), None);
            }
        }
    }
    record(out, &units);
}

/// Hides new cells until nothing small is derivable from what is published.
fn settle(
    units: &mut [Unit],
    new: &[usize],
    relations: &[(usize, Vec<usize>)],
    fixed: &Span,
    k: u64,
) {
    let hide = |units: &mut [Unit], i: usize, how: Shown| {
        units[i].hidden = Some(how);
        // The part of a share goes with its base.
        let (scope, base) = (units[i].scope, units[i].figure.clone());
        for j in new {
            if units[*j].scope == scope
                && units[*j].figure.base().as_ref() == Some(&base)
                && units[*j].hidden.is_none()
            {
                units[*j].hidden = Some(Shown::HiddenSecondary);
            }
        }
    };
    for &i in new {
        if units[i].guarded(k) {
            hide(units, i, Shown::Hidden);
        }
    }
    // Nothing hidden anywhere: nothing to protect.
    if units.iter().all(|u| u.hidden.is_none()) {
        return;
    }
    let position: BTreeMap<usize, usize> = new.iter().enumerate().map(|(p, i)| (*i, p)).collect();
    // The span of the fixed rows and the new published ones, leaving out `without`.
    let span_of = |units: &[Unit], without: &[usize]| -> Span {
        let mut span = fixed.clone();
        span.grow_provenance(new.len());
        for &i in new {
            if units[i].hidden.is_none() && !without.contains(&i) {
                let mut prov = vec![0; new.len()];
                prov[position[&i]] = 1;
                span.add(units[i].row.clone(), Some(prov));
            }
        }
        span
    };
    let mut hopeless: BTreeSet<Vec<u64>> = BTreeSet::new();
    loop {
        let span = span_of(units, &[]);
        // What must not be derivable: every hidden cell (a small one, and one hidden to protect
        // another, which protects nothing once derivable: so a cell hidden in an earlier quarter
        // stays hidden), and the sum of the hidden parts of a total when that is small.
        let mut guarded: Vec<Vec<u64>> = units
            .iter()
            .filter(|u| u.hidden.is_some() && u.value > 0 && u.figure.base().is_none())
            .map(|u| u.row.clone())
            .collect();
        for (_, parts) in relations {
            let hidden: Vec<&Unit> = parts
                .iter()
                .map(|p| &units[*p])
                .filter(|u| u.hidden.is_some() && u.value > 0)
                .collect();
            let sum: u64 = hidden.iter().map(|u| u.value).sum();
            if hidden.len() >= 2 && sum < k {
                let mut row = vec![0; hidden[0].row.len()];
                for u in &hidden {
                    for (r, x) in row.iter_mut().zip(&u.row) {
                        *r = add(*r, *x);
                    }
                }
                guarded.push(row);
            }
        }
        let found = guarded
            .into_iter()
            .filter(|row| !hopeless.contains(row))
            .find_map(|row| span.combination(&row).map(|c| (row, c)));
        let Some((row, combination)) = found else {
            break;
        };
        let pick = cut(units, new, &position, fixed, &span_of, &row, combination);
        match pick {
            Some(cells) => {
                for i in cells {
                    hide(units, i, Shown::HiddenSecondary);
                }
            }
            // Derivable from earlier decisions alone: no new cell can help (it does not happen
            // when the earlier ones were made here; the property test checks that).
            None => {
                tracing::warn!("disclosure: a hidden cell follows from earlier decisions alone");
                hopeless.insert(row);
            }
        }
    }
}

/// What hiding a cell costs the reader: its count, weighed by how much the council needs it (the
/// year's totals most, then the year's other figures, then a quarter's).
fn weight(u: &Unit) -> u64 {
    let total = matches!(u.figure, Figure::Received | Figure::Written);
    let factor = match (u.scope, total) {
        (Scope::Year { through: 4, .. }, true) => 8,
        (Scope::Year { .. }, true) => 4,
        (Scope::Year { .. }, false) => 2,
        (Scope::Quarter { .. }, _) => 1,
    };
    u.value * factor
}

/// The new cells to hide so that `row` is no longer derivable: the cheapest group that does it
/// alone, or a cheaper chain of groups found one at a time (each the cheapest the combination of
/// the moment uses). A group is a new published cell with the new cells that count the same
/// complaints (hiding one of two equal cells hides nothing) and the parts of shares on them; a
/// cell that follows from earlier decisions alone is never a candidate.
fn cut(
    units: &[Unit],
    new: &[usize],
    position: &BTreeMap<usize, usize>,
    fixed: &Span,
    span_of: &dyn Fn(&[Unit], &[usize]) -> Span,
    row: &[u64],
    combination: Vec<u64>,
) -> Option<Vec<usize>> {
    let groups_of = |combination: &[u64], without: &[usize]| -> Vec<Vec<usize>> {
        let published = |j: usize| units[j].hidden.is_none() && !without.contains(&j);
        let mut groups: Vec<Vec<usize>> = vec![];
        for &i in new {
            let u = &units[i];
            if !published(i)
                || u.value == 0
                || combination.get(position[&i]).is_none_or(|c| *c == 0)
                || groups.iter().any(|g| g.contains(&i))
                || fixed.combination(&u.row).is_some()
            {
                continue;
            }
            let mut g: Vec<usize> = new
                .iter()
                .copied()
                .filter(|j| published(*j) && units[*j].row == u.row)
                .collect();
            let parts: Vec<usize> = new
                .iter()
                .copied()
                .filter(|j| {
                    published(*j)
                        && !g.contains(j)
                        && g.iter().any(|b| {
                            units[*b].scope == units[*j].scope
                                && units[*j].figure.base().as_ref() == Some(&units[*b].figure)
                        })
                })
                .collect();
            g.extend(parts);
            groups.push(g);
        }
        let cost = |g: &Vec<usize>| g.iter().map(|i| weight(&units[*i])).sum::<u64>();
        groups.sort_by_key(|g| (cost(g), g[0]));
        groups
    };
    let cost = |cells: &[usize]| cells.iter().map(|i| weight(&units[*i])).sum::<u64>();
    let groups = groups_of(&combination, &[]);
    let single = groups
        .iter()
        .take(8)
        .find(|g| span_of(units, g).combination(row).is_none())
        .cloned();
    // A chain of cheaper groups, each the cheapest the combination of the moment uses; once it
    // works, the groups it does not need are put back (the dearest first).
    let flat = |chain: &[Vec<usize>]| chain.concat();
    let breaks = |cells: &[usize]| span_of(units, cells).combination(row).is_none();
    let mut chain: Vec<Vec<usize>> = vec![];
    let mut next = groups.first().cloned();
    for _ in 0..6 {
        let Some(g) = next.take() else { break };
        chain.push(g);
        if single
            .as_ref()
            .is_some_and(|s| cost(&flat(&chain)) >= cost(s))
        {
            break;
        }
        match span_of(units, &flat(&chain)).combination(row) {
            None => {
                chain.sort_by_key(|g| std::cmp::Reverse(cost(g)));
                let mut i = 0;
                while i < chain.len() {
                    let mut without = chain.clone();
                    without.remove(i);
                    if !without.is_empty() && breaks(&flat(&without)) {
                        chain = without;
                    } else {
                        i += 1;
                    }
                }
                return Some(flat(&chain));
            }
            Some(c) => next = groups_of(&c, &flat(&chain)).into_iter().next(),
        }
    }
    single.or_else(|| groups.into_iter().next())
}

// ---------------------------------------------------------------------------------------------
// Exact linear algebra modulo a prime.
// ---------------------------------------------------------------------------------------------

/// The prime 2^61 - 1: sums of 0/1 rows are exact far beyond any number of complaints.
const PRIME: u64 = (1 << 61) - 1;

/// `a * b` modulo the prime (both below it), folding the 122-bit product as 2^61 = 1.
fn mul(a: u64, b: u64) -> u64 {
    let x = u128::from(a) * u128::from(b);
    let s = ((x as u64) & PRIME) + (x >> 61) as u64;
    let s = (s & PRIME) + (s >> 61);
    if s >= PRIME {
        s - PRIME
    } else {
        s
    }
}

fn add(a: u64, b: u64) -> u64 {
    let s = a + b;
    if s >= PRIME {
        s - PRIME
    } else {
        s
    }
}

fn sub(a: u64, b: u64) -> u64 {
    if a >= b {
        a - b
    } else {
        a + PRIME - b
    }
}

fn inverse(a: u64) -> u64 {
    // Fermat: a^(p-2).
    let (mut base, mut exp, mut out) = (a, PRIME - 2, 1u64);
    while exp > 0 {
        if exp & 1 == 1 {
            out = mul(out, base);
        }
        base = mul(base, base);
        exp >>= 1;
    }
    out
}

/// The span of published rows, in echelon form; each row remembers which new cells make it.
#[derive(Debug, Clone)]
struct Span {
    width: usize,
    provenance: usize,
    rows: Vec<(usize, Vec<u64>, Vec<u64>)>,
}

impl Span {
    fn new(width: usize, provenance: usize) -> Span {
        Span {
            width,
            provenance,
            rows: vec![],
        }
    }

    /// Rows added from now on may say which of `n` new cells they come from.
    fn grow_provenance(&mut self, n: usize) {
        self.provenance = n;
        for (_, _, p) in &mut self.rows {
            p.clear();
            p.resize(n, 0);
        }
    }

    /// Reduces a row against the span: what is left, and the combination of new cells used.
    fn reduce(&self, mut v: Vec<u64>, mut prov: Vec<u64>) -> (Vec<u64>, Vec<u64>) {
        for (pivot, row, rp) in &self.rows {
            let f = v[*pivot];
            if f == 0 {
                continue;
            }
            for (x, r) in v.iter_mut().zip(row) {
                if *r != 0 {
                    *x = sub(*x, mul(f, *r));
                }
            }
            for (x, r) in prov.iter_mut().zip(rp) {
                if *r != 0 {
                    *x = sub(*x, mul(f, *r));
                }
            }
        }
        (v, prov)
    }

    fn add(&mut self, v: Vec<u64>, prov: Option<Vec<u64>>) {
        debug_assert_eq!(v.len(), self.width);
        let prov = prov.unwrap_or_else(|| vec![0; self.provenance]);
        let (v, prov) = self.reduce(v, prov);
        if let Some(pivot) = v.iter().position(|x| *x != 0) {
            let inv = inverse(v[pivot]);
            let v = v.into_iter().map(|x| mul(x, inv)).collect();
            let prov = prov.into_iter().map(|x| mul(x, inv)).collect();
            self.rows.push((pivot, v, prov));
        }
    }

    /// When `row` is a linear combination of the span: which new cells that combination uses
    /// (non-zero entries).
    fn combination(&self, row: &[u64]) -> Option<Vec<u64>> {
        let (rest, prov) = self.reduce(row.to_vec(), vec![0; self.provenance]);
        rest.iter().all(|x| *x == 0).then_some(prov)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_small_part_takes_a_second_one_with_it() {
        // Channels: web 40, paper 3, phone 12, assisted 7; total 62 published.
        let (total, parts) = partition(Some(62), &[40, 3, 12, 7], 5);
        assert_eq!(total, Some(Shown::Yes));
        assert_eq!(
            parts,
            [
                Shown::Indicative,
                Shown::Hidden,
                Shown::Indicative,
                Shown::HiddenSecondary
            ]
        );
        // Without a total, one hidden part gives nothing away.
        let (_, parts) = partition(None, &[40, 3, 12, 7], 5);
        assert_eq!(parts[3], Shown::Indicative);
    }

    #[test]
    fn two_tiny_parts_are_not_enough_together() {
        // 1 and 2 hidden would still tell "3 people" from the total: a third part goes too.
        let (_, parts) = partition(Some(100), &[1, 2, 30, 67], 5);
        assert_eq!(
            parts,
            [
                Shown::Hidden,
                Shown::Hidden,
                Shown::HiddenSecondary,
                Shown::Yes
            ]
        );
    }

    #[test]
    fn with_nothing_left_to_hide_the_total_goes() {
        let (total, parts) = partition(Some(60), &[57, 3], 5);
        assert_eq!(parts, [Shown::HiddenSecondary, Shown::Hidden]);
        assert_eq!(
            total,
            Some(Shown::Yes),
            "57 + 3 hidden together: 60 is safe to show"
        );
        let (total, parts) = partition(Some(3), &[3], 5);
        assert_eq!((total, parts), (Some(Shown::Hidden), vec![Shown::Hidden]));
        let (total, _) = partition(Some(7), &[7, 0], 5);
        assert_eq!(total, Some(Shown::Indicative));
    }

    #[test]
    fn thresholds() {
        assert_eq!(primary(4, 5), Shown::Hidden);
        assert_eq!(primary(5, 5), Shown::Indicative);
        assert_eq!(primary(49, 5), Shown::Indicative);
        assert_eq!(primary(50, 5), Shown::Yes);
        assert_eq!(
            primary(0, 5),
            Shown::Indicative,
            "nobody: nothing to recognise"
        );
        assert_eq!(primary(9, 10), Shown::Hidden, "configurable");
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// Random breakdowns and thresholds, as random filter combinations produce them: no
        /// published part is under the threshold, and nothing hidden can be worked out by
        /// subtracting what is published from a published total.
        #[test]
        fn nothing_small_is_published_or_derivable(
            parts in proptest::collection::vec(prop_oneof![0u64..6, 0u64..60, 0u64..500], 1..8),
            k in 2u64..12,
            with_total in any::<bool>(),
        ) {
            let total = with_total.then(|| parts.iter().sum::<u64>());
            let (t, shown) = partition(total, &parts, k);
            for (n, s) in parts.iter().zip(&shown) {
                if s.published() {
                    prop_assert!(*n == 0 || *n >= k, "published {n} under {k}");
                }
            }
            if let (Some(total_n), Some(t)) = (total, t) {
                if t.published() {
                    prop_assert!(total_n == 0 || total_n >= k);
                    // What subtraction gives: the sum of the hidden parts.
                    let hidden: Vec<u64> = parts.iter().zip(&shown).filter(|(_, s)| !s.published()).map(|(n, _)| *n).collect();
                    prop_assert!(hidden.len() != 1, "one hidden part next to a total: {parts:?} {shown:?}");
                    let sum: u64 = hidden.iter().sum();
                    prop_assert!(hidden.is_empty() || sum >= k, "hidden parts add up to {sum} < {k}");
                }
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Surveys: only closed waves, late answer sets in groups of at least k.
    // -----------------------------------------------------------------------------------------

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap()
    }

    #[test]
    fn a_running_wave_is_not_published_and_late_forms_wait_for_company() {
        let closes = day(5, 31);
        assert!(!wave_published(closes, day(5, 31)));
        assert!(wave_published(closes, day(6, 1)));
        // 3 late forms on 3 June, 1 on 5 June, 4 on 9 June: the first 5 or more together are
        // there from 5 June on; today's forms wait for tomorrow.
        let late = [
            (day(6, 3), 3),
            (day(6, 5), 1),
            (day(6, 9), 4),
            (day(6, 10), 9),
        ];
        assert_eq!(published_through(closes, &late, day(6, 4), 5), closes);
        assert_eq!(published_through(closes, &late, day(6, 6), 5), closes);
        assert_eq!(published_through(closes, &late, day(6, 10), 5), day(6, 9));
        assert_eq!(published_through(closes, &late, day(6, 11), 5), day(6, 10));
        // One more form on a day that has passed is not possible; one today changes nothing.
        let more = [
            (day(6, 3), 3),
            (day(6, 5), 1),
            (day(6, 9), 4),
            (day(6, 10), 10),
        ];
        assert_eq!(published_through(closes, &more, day(6, 10), 5), day(6, 9));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]
        /// Answer sets arriving on random days after the closing date, looked at every day: what
        /// is published only grows, and each time it moves it moves by at least k answer sets, so
        /// comparing any two downloads never isolates fewer than k people.
        #[test]
        fn late_answer_sets_move_the_figures_by_k_or_more(
            arrivals in proptest::collection::vec(0u64..4, 1..40),
            k in 2u64..8,
        ) {
            let closes = day(3, 31);
            let published = |today: NaiveDate| -> u64 {
                let late: Vec<(NaiveDate, u64)> = arrivals
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (closes + chrono::Duration::days(i as i64 + 1), *n))
                    .filter(|(d, _)| *d <= today) // nothing is stored before it arrives
                    .collect();
                let through = published_through(closes, &late, today, k);
                late.iter().filter(|(d, _)| *d <= through).map(|(_, n)| n).sum()
            };
            let mut before = 0;
            for i in 0..=arrivals.len() as i64 + 2 {
                let now = published(closes + chrono::Duration::days(i));
                prop_assert!(now >= before);
                prop_assert!(now == before || now - before >= k, "{before} -> {now}");
                before = now;
            }
        }
    }

    // -----------------------------------------------------------------------------------------
    // Complaints: one grid of quarters and years.
    // -----------------------------------------------------------------------------------------

    fn case(year: i32, quarter: u32, figures: &[Figure]) -> CaseCells {
        let mut f = vec![Figure::Received];
        f.extend(figures.iter().cloned());
        CaseCells {
            received: NaiveDate::from_ymd_opt(year, 3 * quarter - 1, 10).unwrap(),
            figures: f,
        }
    }

    fn shown(d: &Decisions, scope: Scope, f: &Figure) -> Option<u64> {
        d.get(scope, f)
            .and_then(|c| c.shown.published().then_some(c.n))
    }

    /// The attack of issue 13: 43 in the year, 9, 8 and 24 in three quarters: Q1 = 2.
    #[test]
    fn the_year_minus_the_quarters_does_not_give_a_hidden_quarter() {
        let web = Figure::Channel("web".into());
        let mut cases = vec![];
        for (q, n) in [(1, 2), (2, 9), (3, 8), (4, 24)] {
            for i in 0..n {
                let mut f = vec![web.clone()];
                if q == 2 && i == 0 {
                    f.push(Figure::Mediated);
                }
                cases.push(case(2025, q, &f));
            }
        }
        let d = decide(&cases, day(1, 15), 5);
        let year = Scope::Year {
            year: 2025,
            through: 4,
        };
        let q = |quarter| Scope::Quarter {
            year: 2025,
            quarter,
        };
        let received: Vec<Option<u64>> = (1..=4)
            .map(|i| shown(&d, q(i), &Figure::Received))
            .collect();
        assert_eq!(received[0], None, "2 is too few");
        let hidden = received.iter().filter(|r| r.is_none()).count();
        let total = shown(&d, year, &Figure::Received);
        assert!(
            total.is_none() || hidden >= 2,
            "year {total:?} with quarters {received:?}"
        );
        // The year figure is kept (the year comes first once it has ended); a second quarter
        // is hidden instead.
        assert_eq!(total, Some(43));
        // Mediated: 1 in Q2, 0 elsewhere; the year's 1 is hidden too.
        assert_eq!(shown(&d, q(2), &Figure::Mediated), None);
        assert_eq!(shown(&d, year, &Figure::Mediated), None);
        // During the year, only the quarters that have ended are there.
        let during = decide(&cases, NaiveDate::from_ymd_opt(2025, 8, 1).unwrap(), 5);
        assert!(during.has(q(2)) && !during.has(q(3)));
        assert!(during.has(Scope::Year {
            year: 2025,
            through: 2
        }));
        assert!(!during.has(year));
        assert_eq!(during.get(q(3), &Figure::Received), None);
    }

    #[test]
    fn a_quarter_never_changes_once_decided() {
        // The decisions on Q1 are the same seen in April, in August and after the year.
        let mut cases = vec![];
        for (q, n, tel) in [(1, 7, 2), (2, 12, 0), (3, 3, 1), (4, 30, 4)] {
            for i in 0..n {
                let ch = if i < tel { "telefoon" } else { "web" };
                cases.push(case(2025, q, &[Figure::Channel(ch.into())]));
            }
        }
        let at = |m: u32| {
            decide(
                &cases,
                NaiveDate::from_ymd_opt(2025 + i32::from(m > 12), (m - 1) % 12 + 1, 2).unwrap(),
                5,
            )
        };
        let (april, august, later) = (at(4), at(8), at(14));
        for quarter in 1..=2 {
            let s = Scope::Quarter {
                year: 2025,
                quarter,
            };
            for d in [&august, &later] {
                assert_eq!(
                    d.cells_of(s)
                        .map(|(f, c)| (f.clone(), *c))
                        .collect::<Vec<_>>(),
                    august
                        .cells_of(s)
                        .map(|(f, c)| (f.clone(), *c))
                        .collect::<Vec<_>>()
                );
            }
        }
        let q1 = Scope::Quarter {
            year: 2025,
            quarter: 1,
        };
        assert_eq!(
            april
                .cells_of(q1)
                .map(|(f, c)| (f.clone(), *c))
                .collect::<Vec<_>>(),
            later
                .cells_of(q1)
                .map(|(f, c)| (f.clone(), *c))
                .collect::<Vec<_>>()
        );
    }

    /// An independent reader: f64 elimination on the cells as unknowns with the relations a
    /// reader knows (the year is the sum of its quarters, a total the sum of its parts), and on the
    /// groups of complaints as unknowns (what the complaints have in common).
    mod reader {
        use super::super::*;

        /// Whether `v` is a linear combination of `rows`.
        pub fn in_span(rows: &[Vec<f64>], v: &[f64]) -> bool {
            let mut m: Vec<Vec<f64>> = rows.to_vec();
            let width = v.len();
            let mut basis: Vec<(usize, Vec<f64>)> = vec![];
            for mut r in m.drain(..) {
                for (p, b) in &basis {
                    let f = r[*p];
                    if f != 0.0 {
                        for (x, y) in r.iter_mut().zip(b) {
                            *x -= f * y;
                        }
                    }
                }
                if let Some(p) = (0..width).max_by(|a, b| r[*a].abs().total_cmp(&r[*b].abs())) {
                    if r[p].abs() > 1e-7 {
                        let f = r[p];
                        r.iter_mut().for_each(|x| *x /= f);
                        basis.push((p, r));
                    }
                }
            }
            let mut r = v.to_vec();
            for (p, b) in &basis {
                let f = r[*p];
                if f != 0.0 {
                    for (x, y) in r.iter_mut().zip(b) {
                        *x -= f * y;
                    }
                }
            }
            r.iter().all(|x| x.abs() < 1e-6)
        }

        /// Every derivation this reader finds: a hidden cell under k, or a sum under k of hidden
        /// parts of one total, that follows from the published cells of `scopes`.
        pub fn derivable(
            cases: &[CaseCells],
            d: &Decisions,
            scopes: &[Scope],
            k: u64,
        ) -> Vec<String> {
            let mut found = vec![];
            // All cells of the scopes, published or not.
            let mut cells: Vec<(Scope, Figure, Decided)> = vec![];
            for s in scopes {
                let mut figures: BTreeSet<Figure> = Figure::ALWAYS.into_iter().collect();
                figures.extend(d.cells_of(*s).map(|(f, _)| f.clone()));
                for f in figures {
                    if let Some(c) = d.get(*s, &f) {
                        cells.push((*s, f, c));
                    }
                }
            }
            let pos =
                |s: Scope, f: &Figure| cells.iter().position(|(cs, cf, _)| *cs == s && cf == f);
            // 1. Cells as unknowns, with the relations a reader knows.
            let n = cells.len();
            let mut rows: Vec<Vec<f64>> = vec![];
            for (i, (_, f, c)) in cells.iter().enumerate() {
                let published = c.shown.published() && f.base().is_none();
                // A cell with no complaints is known to be zero; so is the part of a share
                // that is published with its base.
                if published || c.n == 0 || (f.base().is_some() && c.shown.published()) {
                    let mut r = vec![0.0; n];
                    r[i] = 1.0;
                    rows.push(r);
                }
            }
            let mut relations: Vec<(usize, Vec<usize>)> = vec![];
            for s in scopes {
                let parts = |pick: &dyn Fn(&Figure) -> bool| -> Vec<usize> {
                    cells
                        .iter()
                        .enumerate()
                        .filter(|(_, (cs, f, _))| cs == s && pick(f))
                        .map(|(i, _)| i)
                        .collect()
                };
                if let Some(t) = pos(*s, &Figure::Received) {
                    relations.push((t, parts(&|f| matches!(f, Figure::Channel(_)))));
                    relations.push((t, parts(&|f| matches!(f, Figure::Team(_)))));
                }
                if let Some(t) = pos(*s, &Figure::Written) {
                    relations.push((t, parts(&|f| matches!(f, Figure::Outcome(_)))));
                }
                if let Scope::Year { year, through } = *s {
                    for (i, (cs, f, _)) in cells.iter().enumerate() {
                        if cs != s || f.in_register() {
                            continue;
                        }
                        let quarters: Vec<Scope> = (1..=through)
                            .map(|q| Scope::Quarter { year, quarter: q })
                            .collect();
                        if quarters.iter().all(|q| scopes.contains(q)) {
                            let parts: Vec<usize> =
                                quarters.iter().filter_map(|q| pos(*q, f)).collect();
                            relations.push((i, parts));
                        }
                        if through > 1 {
                            let before = Scope::Year {
                                year,
                                through: through - 1,
                            };
                            let here = Scope::Quarter {
                                year,
                                quarter: through,
                            };
                            if scopes.contains(&before) && scopes.contains(&here) {
                                let parts: Vec<usize> = [pos(before, f), pos(here, f)]
                                    .into_iter()
                                    .flatten()
                                    .collect();
                                relations.push((i, parts));
                            }
                        }
                    }
                }
            }
            for (t, parts) in &relations {
                let mut r = vec![0.0; n];
                r[*t] = 1.0;
                for p in parts {
                    r[*p] -= 1.0;
                }
                // A part that is not among the cells is zero and needs no term.
                rows.push(r);
            }
            for (i, (s, f, c)) in cells.iter().enumerate() {
                if !c.shown.published() && f.base().is_none() && c.n > 0 && c.n < k {
                    let mut v = vec![0.0; n];
                    v[i] = 1.0;
                    if in_span(&rows, &v) {
                        found.push(format!("cells: {s:?} {f:?} = {}", c.n));
                    }
                }
            }
            // 2. Groups of complaints as unknowns: every published cell is a sum over them.
            let mut atoms: Vec<(Scope, BTreeSet<Figure>)> = vec![];
            for c in cases {
                let q = Scope::Quarter {
                    year: c.received.year(),
                    quarter: quarter_of(c.received),
                };
                let key = (q, c.figures.iter().cloned().collect::<BTreeSet<_>>());
                if !atoms.contains(&key) {
                    atoms.push(key);
                }
            }
            let covers = |s: Scope, q: Scope| match (s, q) {
                (Scope::Quarter { .. }, _) => s == q,
                (Scope::Year { year, through }, Scope::Quarter { year: y, quarter }) => {
                    year == y && quarter <= through
                }
                _ => false,
            };
            let row = |s: Scope, f: &Figure| -> Vec<f64> {
                atoms
                    .iter()
                    .map(|(q, fs)| {
                        if covers(s, *q) && fs.contains(f) {
                            1.0
                        } else {
                            0.0
                        }
                    })
                    .collect()
            };
            let published: Vec<Vec<f64>> = cells
                .iter()
                .filter(|(_, _, c)| c.shown.published())
                .map(|(s, f, _)| row(*s, f))
                .collect();
            for (s, f, c) in &cells {
                if !c.shown.published()
                    && f.base().is_none()
                    && c.n > 0
                    && c.n < k
                    && in_span(&published, &row(*s, f))
                {
                    found.push(format!("groups: {s:?} {f:?} = {}", c.n));
                }
            }
            for (t, parts) in &relations {
                // The parts of shares are not cells (see the module's doc).
                if cells[*t].1.base().is_some() {
                    continue;
                }
                let hidden: Vec<&(Scope, Figure, Decided)> = parts
                    .iter()
                    .map(|p| &cells[*p])
                    // A hidden part that can be worked out on its own counts as published.
                    .filter(|(s, f, c)| {
                        !c.shown.published() && c.n > 0 && !in_span(&published, &row(*s, f))
                    })
                    .collect();
                let sum: u64 = hidden.iter().map(|(_, _, c)| c.n).sum();
                if hidden.len() >= 2 && sum < k {
                    let mut v = vec![0.0; atoms.len()];
                    for (s, f, _) in &hidden {
                        for (x, y) in v.iter_mut().zip(row(*s, f)) {
                            *x += y;
                        }
                    }
                    if in_span(&published, &v) {
                        found.push(format!("sum of hidden parts {hidden:?} = {sum}"));
                    }
                }
            }
            found
        }
    }

    /// A random complaint: quarter, channel, team, categories, norms, theme, how far it got,
    /// and whether it is written (then its register outcome).
    fn arb_case() -> impl Strategy<Value = CaseCells> {
        (
            (
                1u32..=4,
                prop_oneof![3 => Just(0usize), 1 => 1usize..5],
                0usize..4,
            ),
            (
                proptest::collection::vec(0usize..4, 0..3),
                proptest::collection::vec(0usize..5, 0..3),
                0usize..5,
            ),
            (
                0u8..7,
                any::<bool>(),
                any::<bool>(),
                any::<bool>(),
                0usize..4,
            ),
        )
            .prop_map(
                |(
                    (q, ch, team),
                    (cats, norms, theme),
                    (stage, via, written, postponed, outcome),
                )| {
                    let channels = ["web", "brief", "telefoon", "raadslid", "balie"];
                    let mut f = vec![
                        Figure::Channel(channels[ch].into()),
                        Figure::Team(["Inkomen", "Werk", "Schulden", "(geen)"][team].into()),
                    ];
                    let cats: BTreeSet<usize> = cats.into_iter().collect();
                    f.extend(cats.into_iter().map(|c| Figure::Category(format!("c{c}"))));
                    let norms: BTreeSet<usize> = norms.into_iter().collect();
                    f.extend(norms.into_iter().map(|n| Figure::Norm(format!("n{n}"))));
                    if theme < 3 {
                        f.push(Figure::Coded);
                        f.push(Figure::Theme(format!("t{theme}")));
                    }
                    if stage >= 1 {
                        f.push(Figure::Mediated);
                    }
                    if stage == 2 {
                        f.push(Figure::ResolvedInformally);
                    }
                    if stage == 3 {
                        f.push(Figure::Withdrawn);
                    }
                    if stage >= 4 {
                        f.extend([Figure::Heard, Figure::Decided, Figure::Judged]);
                    }
                    if stage >= 4 {
                        f.push(Figure::Due);
                    }
                    if stage == 4 {
                        f.push(Figure::Late);
                    }
                    if stage >= 5 {
                        f.push(Figure::Founded);
                        f.push(Figure::InTime);
                    }
                    // Still open after the deadline.
                    if stage == 0 && postponed {
                        f.extend([Figure::Due, Figure::Overdue]);
                    }
                    if stage == 6 {
                        f.push(Figure::ActedOn);
                    }
                    if postponed && stage >= 4 {
                        f.push(Figure::Postponed);
                    }
                    if via {
                        f.push(Figure::ViaCouncil);
                        if stage >= 2 {
                            f.push(Figure::Told);
                        }
                    }
                    if written {
                        f.push(Figure::Written);
                        let o = match stage {
                            2 => "informeel_opgelost",
                            3 => "ingetrokken",
                            4 => "ongegrond",
                            5 | 6 => "gegrond",
                            _ => {
                                ["lopend", "niet_in_behandeling", "lopend", "doorverwezen"][outcome]
                            }
                        };
                        f.push(Figure::Outcome(o.into()));
                    }
                    let mut c = case(2025, q, &f);
                    c.received += chrono::Duration::days(ch as i64 * 7);
                    c
                },
            )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(120))]
        /// Random complaint mixes over a year, looked at after any number of quarters have ended,
        /// with any threshold; the reader gets any selection of the reports (the year or the
        /// year to date, any of the quarters): no hidden cell under k, and no sum under k of the
        /// hidden parts of a total, can be worked out by any linear combination.
        #[test]
        fn no_small_complaint_cell_can_be_worked_out_from_any_set_of_reports(
            cases in proptest::collection::vec(arb_case(), 0..45),
            ended in 1u32..=4,
            k in 3u64..7,
            pick in proptest::collection::vec(any::<bool>(), 8),
        ) {
            let today = if ended == 4 { NaiveDate::from_ymd_opt(2026, 2, 1).unwrap() } else { Scope::Quarter { year: 2025, quarter: ended + 1 }.dates().0 + chrono::Duration::days(3) };
            let d = decide(&cases, today, k);
            let mut all = vec![];
            for q in 1..=ended {
                all.push(Scope::Quarter { year: 2025, quarter: q });
                all.push(Scope::Year { year: 2025, through: q });
            }
            // Nothing published under k.
            for s in &all {
                for (f, c) in d.cells_of(*s) {
                    prop_assert!(!c.shown.published() || f.base().is_some() || c.n == 0 || c.n >= k, "{s:?} {f:?} {c:?}");
                }
            }
            let found = reader::derivable(&cases, &d, &all, k);
            prop_assert!(found.is_empty(), "{found:?}");
            let some: Vec<Scope> = all.iter().zip(pick.iter().cycle()).filter(|(_, p)| **p).map(|(s, _)| *s).collect();
            let found = reader::derivable(&cases, &d, &some, k);
            prop_assert!(found.is_empty(), "{some:?}: {found:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(40))]
        /// Many complaints with many different combinations (more groups than cells): the
        /// projected check decides as the exact one, and the reader finds nothing.
        #[test]
        fn the_projection_decides_as_the_exact_check(
            cases in proptest::collection::vec(
                (1u32..=2, proptest::collection::vec(0usize..9, 0..7), 0usize..3, 0usize..40),
                100..160,
            ),
            k in 3u64..6,
        ) {
            let cases: Vec<CaseCells> = cases
                .into_iter()
                .map(|(q, cats, ch, rare)| {
                    let mut f: Vec<Figure> = vec![Figure::Channel(["web", "brief", "balie"][ch].into())];
                    let cats: BTreeSet<usize> = cats.into_iter().collect();
                    f.extend(cats.into_iter().map(|c| Figure::Category(format!("c{c}"))));
                    // A rare category and a rare channel: small cells to protect.
                    if rare == 0 {
                        f.push(Figure::Category("zeldzaam".into()));
                    }
                    if rare == 1 {
                        f[0] = Figure::Channel("wethouder".into());
                    }
                    case(2025, q, &f)
                })
                .collect();
            let today = NaiveDate::from_ymd_opt(2025, 7, 2).unwrap();
            let projected = decide(&cases, today, k);
            let exact = decide_with(&cases, today, k, true);
            prop_assert_eq!(&projected.cells, &exact.cells);
            let scopes: Vec<Scope> = (1..=2).flat_map(|q| [Scope::Quarter { year: 2025, quarter: q }, Scope::Year { year: 2025, through: q }]).collect();
            let found = reader::derivable(&cases, &projected, &scopes, k);
            prop_assert!(found.is_empty(), "{found:?}");
        }
    }

    #[test]
    fn the_reader_finds_what_per_report_suppression_leaves_open() {
        // The reader is not blind: with suppression per report only (the old way: every cell on
        // its own, a second part hidden within each table) it finds the hidden quarter.
        let mut cases = vec![];
        for (q, n) in [(1, 2), (2, 9), (3, 8), (4, 24)] {
            cases.extend((0..n).map(|_| case(2025, q, &[Figure::Channel("web".into())])));
        }
        let mut d = decide(&cases, day(1, 15), 5);
        for ((s, f), c) in d.cells.iter_mut() {
            *c = Decided {
                n: c.n,
                shown: if f.base().is_none() {
                    primary(c.n, 5)
                } else {
                    Shown::Yes
                },
            };
            let _ = s;
        }
        let scopes: Vec<Scope> = (1..=4)
            .map(|q| Scope::Quarter {
                year: 2025,
                quarter: q,
            })
            .chain([Scope::Year {
                year: 2025,
                through: 4,
            }])
            .collect();
        let found = reader::derivable(&cases, &d, &scopes, 5);
        assert!(
            found
                .iter()
                .any(|f| f.contains("quarter: 1") && f.contains("Received")),
            "{found:?}"
        );
    }

    /// Two of forty written complaints resolved in the mediation talk (all in Q2): they are
    /// hidden in the funnel and the register with one partner each, and the year's totals stay.
    #[test]
    fn one_small_outcome_costs_a_partner_not_the_year() {
        use Figure::*;
        let mut cases = vec![];
        for q in 1..=4u32 {
            for j in 0..10 {
                let mut f = vec![Channel("web".into()), Team("(geen)".into()), Written];
                if q == 2 && j < 2 {
                    f.extend([
                        Mediated,
                        ResolvedInformally,
                        Outcome("informeel_opgelost".into()),
                    ]);
                } else if q == 3 && j < 6 {
                    f.extend([Mediated, Outcome("lopend".into())]);
                } else {
                    f.push(Outcome("lopend".into()));
                }
                cases.push(case(2025, q, &f));
            }
        }
        let d = decide(&cases, day(2, 1), 5);
        let year = Scope::Year {
            year: 2025,
            through: 4,
        };
        for (f, n) in [
            (Received, Some(40)),
            (Written, Some(40)),
            (Mediated, Some(8)),
        ] {
            assert_eq!(shown(&d, year, &f), n, "{f:?}");
        }
        for f in [
            ResolvedInformally,
            Outcome("informeel_opgelost".into()),
            Outcome("lopend".into()),
        ] {
            assert_eq!(shown(&d, year, &f), None, "{f:?}");
        }
        for q in 1..=4 {
            let s = Scope::Quarter {
                year: 2025,
                quarter: q,
            };
            assert_eq!(shown(&d, s, &Received), Some(10));
        }
        let scopes: Vec<Scope> = (1..=4)
            .flat_map(|q| {
                [
                    Scope::Quarter {
                        year: 2025,
                        quarter: q,
                    },
                    Scope::Year {
                        year: 2025,
                        through: q,
                    },
                ]
            })
            .collect();
        assert!(reader::derivable(&cases, &d, &scopes, 5).is_empty());
    }
}
