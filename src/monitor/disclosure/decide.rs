//! The decisions: every cell of a year and its quarters decided together, quarter by quarter.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate};

use super::*;

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
    pub(super) k: u64,
    pub(super) scopes: BTreeSet<Scope>,
    pub(super) cells: BTreeMap<(Scope, Figure), Decided>,
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
pub(super) struct Unit {
    pub(super) scope: Scope,
    pub(super) figure: Figure,
    pub(super) row: Vec<u64>,
    pub(super) value: u64,
    pub(super) hidden: Option<Shown>,
}

impl Unit {
    /// A count of people or complaints that must not be small; the parts of shares are not.
    pub(super) fn guarded(&self, k: u64) -> bool {
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
pub(super) fn decide_with(cases: &[CaseCells], today: NaiveDate, k: u64, exact: bool) -> Decisions {
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

pub(super) fn decide_year(
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
    let (named, number, atoms) = groups(cases, ended);
    // The cells, stage by stage: quarter j and the year to date through j. `cell` finds a
    // figure's cell per scope (quarters 1 to 4, then the years to date through 1 to 4).
    let slot = |scope: Scope| match scope {
        Scope::Quarter { quarter, .. } => quarter as usize - 1,
        Scope::Year { through, .. } => 3 + through as usize,
    };
    let mut cell: Vec<Vec<Option<usize>>> = vec![vec![None; named.len()]; 8];
    let mut units: Vec<Unit> = vec![];
    let mut stages: Vec<std::ops::Range<usize>> = vec![];
    let mut index: BTreeMap<(Scope, Figure), usize> = BTreeMap::new();
    for j in 1..=ended {
        let first = units.len();
        for scope in [
            Scope::Quarter { year, quarter: j },
            Scope::Year { year, through: j },
        ] {
            let mut figures: BTreeSet<Figure> = Figure::always().into_iter().collect();
            if matches!(scope, Scope::Year { .. }) {
                figures.insert(Figure::Written);
            }
            let mut occurs = vec![false; named.len()];
            for ((q, fs), _) in &atoms {
                if scope.covers(*q) {
                    fs.iter().for_each(|f| occurs[*f as usize] = true);
                }
            }
            figures.extend(
                named
                    .iter()
                    .zip(occurs)
                    .filter(|(_, o)| *o)
                    .map(|(f, _)| (*f).clone()),
            );
            if matches!(scope, Scope::Quarter { .. }) {
                figures.retain(|f| !f.in_register());
            }
            for figure in figures {
                if let Some(n) = number.get(&figure) {
                    cell[slot(scope)][*n as usize] = Some(units.len());
                }
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
                let of_scope = &cell[slot(scope)];
                cells.extend(fs.iter().filter_map(|f| of_scope[*f as usize]));
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
        // Each new cell's row reduced against the fixed ones once: every span the check builds
        // starts with the fixed rows, so this part of the work is the same each time.
        let reduced: Vec<Vec<u64>> = new
            .iter()
            .map(|&i| fixed.reduce(units[i].row.clone(), vec![]).0)
            .collect();
        settle(&mut units, &new, &reduced, &relations, &fixed, k);
        for (&i, row) in new.iter().zip(reduced) {
            if units[i].hidden.is_none() {
                fixed.add(row, None);
            }
        }
    }
    record(out, &units);
}

/// A group of complaints that share their quarter and all their figures (by number), and how
/// many complaints it has.
type Group = ((u32, Vec<u32>), u64);

/// The complaints of the quarters that have ended, in groups. Every figure that occurs is
/// numbered in figure order, so that the groups sort as their figures would: the order (and so
/// the projection) does not depend on how the figures are stored.
fn groups<'a>(
    cases: &[&'a CaseCells],
    ended: u32,
) -> (Vec<&'a Figure>, HashMap<&'a Figure, u32>, Vec<Group>) {
    let counted: Vec<&CaseCells> = cases
        .iter()
        .copied()
        .filter(|c| quarter_of(c.received) <= ended)
        .collect();
    let mut number: HashMap<&Figure, u32> = HashMap::new();
    for c in &counted {
        for f in &c.figures {
            number.entry(f).or_default();
        }
    }
    let mut named: Vec<&Figure> = number.keys().copied().collect();
    named.sort();
    for (n, f) in named.iter().enumerate() {
        number.insert(f, n as u32);
    }
    let mut atoms: HashMap<(u32, Vec<u32>), u64> = HashMap::new();
    for c in &counted {
        let mut fs: Vec<u32> = c.figures.iter().map(|f| number[f]).collect();
        fs.sort_unstable();
        fs.dedup();
        *atoms.entry((quarter_of(c.received), fs)).or_default() += 1;
    }
    let mut atoms: Vec<Group> = atoms.into_iter().collect();
    atoms.sort_unstable();
    (named, number, atoms)
}
