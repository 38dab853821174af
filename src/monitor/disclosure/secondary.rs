//! Secondary suppression: hiding more cells until no hidden small cell, and no sum of hidden
//! parts of one total, follows from the published ones.

use std::collections::{BTreeMap, BTreeSet};

use super::*;

/// Hides new cells until nothing small is derivable from what is published. `reduced` holds the
/// row of each new cell (in the order of `new`) reduced against `fixed`.
pub(super) fn settle(
    units: &mut [Unit],
    new: &[usize],
    reduced: &[Vec<u64>],
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
        for (p, &i) in new.iter().enumerate() {
            if units[i].hidden.is_none() && !without.contains(&i) {
                let mut prov = vec![0; new.len()];
                prov[p] = 1;
                span.add(reduced[p].clone(), Some(prov));
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
        let pick = cut(units, new, &position, reduced, &span_of, &row, combination);
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
pub(super) fn weight(u: &Unit) -> u64 {
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
pub(super) fn cut(
    units: &[Unit],
    new: &[usize],
    position: &BTreeMap<usize, usize>,
    reduced: &[Vec<u64>],
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
                || reduced[position[&i]].iter().all(|x| *x == 0)
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
