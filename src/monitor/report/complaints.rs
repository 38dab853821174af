//! The complaints part of the report from the disclosure decisions: funnel, lists, deadlines,
//! the register, themes and the trend over quarters.

use super::*;
use crate::monitor::complaint_figures::{self, CaseFacts};
use crate::monitor::disclosure::{self, Decisions, Figure, Scope, Shown, Stage};
use crate::monitor::indicators::{self};

/// A published count as decided.
pub(super) fn count_cell(d: &Decisions, scope: Scope, figure: &Figure) -> Cell {
    match d.get(scope, figure) {
        Some(c) => Cell::new(c.n as f64, c.n, c.shown),
        None => Cell::new(0.0, 0, Shown::Hidden),
    }
}

/// A share as decided: shown when its base and its part both are.
pub(super) fn share_cell(d: &Decisions, scope: Scope, part: &Figure) -> Cell {
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
pub(super) fn part_count_cell(d: &Decisions, scope: Scope, part: &Figure) -> Cell {
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
        .filter(|c| (from..=to).contains(&c.counts_on()))
        .cloned()
        .collect();
    let t = complaint_figures::timeliness(&here);
    let timing_shown = d
        .get(scope, &Figure::Decided)
        .is_some_and(|c| c.shown.published() && c.n > 0);
    Some(ComplaintPart {
        from,
        to,
        funnel: Stage::ALL
            .into_iter()
            .map(|s| (s, count_cell(d, scope, &s.figure())))
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
                Figure::Outcome(o) => Some((*o, count_cell(d, scope, f))),
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
    answers: &crate::monitor::codebook::Tally,
    answers_before: &crate::monitor::codebook::Tally,
    d: &Decisions,
    scope: Option<Scope>,
    before: Option<Scope>,
    book: &[crate::monitor::codebook::Code],
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
pub(super) fn share_change(now: &Cell, before: &Cell) -> Option<f64> {
    let parts = |c: &Cell| {
        c.value.zip(c.n).map(|(v, n)| {
            (
                crate::monitor::numbers::round(v * n as f64 / 100.0, 0) as u64,
                n,
            )
        })
    };
    let ((k1, n1), (k2, n2)) = (parts(now)?, parts(before)?);
    indicators::two_proportions(k1, n1, k2, n2)
        .filter(|d| d.significant())
        .map(|d| d.points)
}
