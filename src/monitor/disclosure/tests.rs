//! Tests of the decisions on complaints: one grid of quarters and years, checked against an
//! independent reader.

use proptest::prelude::*;

use super::*;
use std::collections::BTreeSet;

use chrono::NaiveDate;

use crate::complaints::register::Outcome as RegisterOutcome;
use crate::complaints::terms::Judgement;

/// An independent reader: f64 elimination on the cells as unknowns with the relations a
/// reader knows (the year is the sum of its quarters, a total the sum of its parts), and on the
/// groups of complaints as unknowns (what the complaints have in common).
mod reader;

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
            |((q, ch, team), (cats, norms, theme), (stage, via, written, postponed, outcome))| {
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
                        2 => RegisterOutcome::ResolvedInformally,
                        3 => RegisterOutcome::Withdrawn,
                        4 => RegisterOutcome::Judged(Judgement::Unfounded),
                        5 | 6 => RegisterOutcome::Judged(Judgement::Founded),
                        _ => [
                            RegisterOutcome::Running,
                            RegisterOutcome::NotHandled,
                            RegisterOutcome::Running,
                            RegisterOutcome::Referred,
                        ][outcome],
                    };
                    f.push(Figure::Outcome(o));
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
    /// projected check decides as the exact one, whatever the order of the figures, and the
    /// reader finds nothing.
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
        // The order a complaint's figures are stored in changes nothing (the groups are sorted
        // by their figures, and the projection follows that order).
        let reversed: Vec<CaseCells> = cases
            .iter()
            .map(|c| CaseCells { received: c.received, figures: c.figures.iter().rev().cloned().collect() })
            .collect();
        prop_assert_eq!(&decide(&reversed, today, k).cells, &projected.cells);
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
                    Outcome(RegisterOutcome::ResolvedInformally),
                ]);
            } else if q == 3 && j < 6 {
                f.extend([Mediated, Outcome(RegisterOutcome::Running)]);
            } else {
                f.push(Outcome(RegisterOutcome::Running));
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
        Outcome(RegisterOutcome::ResolvedInformally),
        Outcome(RegisterOutcome::Running),
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
