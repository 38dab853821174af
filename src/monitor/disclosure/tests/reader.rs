//! An independent reader of the published cells (see the tests of [`super::super`]).

use super::super::*;
use std::collections::BTreeSet;

use chrono::Datelike;

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
pub fn derivable(cases: &[CaseCells], d: &Decisions, scopes: &[Scope], k: u64) -> Vec<String> {
    let mut found = vec![];
    // All cells of the scopes, published or not.
    let mut cells: Vec<(Scope, Figure, Decided)> = vec![];
    for s in scopes {
        let mut figures: BTreeSet<Figure> = Figure::always().into_iter().collect();
        figures.extend(d.cells_of(*s).map(|(f, _)| f.clone()));
        for f in figures {
            if let Some(c) = d.get(*s, &f) {
                cells.push((*s, f, c));
            }
        }
    }
    let pos = |s: Scope, f: &Figure| cells.iter().position(|(cs, cf, _)| *cs == s && cf == f);
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
                    let parts: Vec<usize> = quarters.iter().filter_map(|q| pos(*q, f)).collect();
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
