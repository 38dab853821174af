//! Benchmark: the disclosure decision for the complaints of a year (`monitor::disclosure::decide`):
//! every cell of the four quarters and the years to date, secondary suppression and the exact
//! linear-algebra check, for synthetic years of 20 to 20,000 complaints with many different
//! combinations (8 channels, 5 teams, up to 2 of 11 categories, 2 of 22 norms and 2 of 15 themes,
//! every stage of the funnel, written or not, with rare values so that small cells occur). Baseline
//! in the same run: counting the same cells and hiding the small ones one by one, as each report
//! did on its own before (no check across reports).
//!
//! Run: `cargo bench --bench disclosure` (option: `-- --max 20000`). With
//! `KLANKBORD_BENCH_DUMP=file` it also writes every decision, to compare two builds cell by cell.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::collections::BTreeMap;
use std::time::Instant;

use chrono::NaiveDate;
use klankbord::complaints::register::Outcome;
use klankbord::complaints::terms::Judgement;
use klankbord::monitor::disclosure::{self, CaseCells, Figure, Scope};
use rand::{Rng, SeedableRng};

mod support;
use support::arg;

/// A synthetic year of `n` complaints (fixed seed).
fn year(n: usize) -> Vec<CaseCells> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(n as u64);
    let skew = |rng: &mut rand::rngs::StdRng, len: usize| -> usize {
        ((rng.gen_range(0.0f64..1.0).powi(3) * len as f64) as usize).min(len - 1)
    };
    (0..n)
        .map(|i| {
            let day = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap()
                + chrono::Duration::days((i * 365 / n.max(1)) as i64);
            let mut f = vec![
                Figure::Received,
                Figure::Channel(format!("kanaal{}", skew(&mut rng, 8))),
                Figure::Team(format!("team{}", skew(&mut rng, 5))),
            ];
            for _ in 0..rng.gen_range(0..=2) {
                f.push(Figure::Category(format!("onderwerp{}", skew(&mut rng, 11))));
            }
            for _ in 0..rng.gen_range(0..=2) {
                f.push(Figure::Norm(format!("norm{}", skew(&mut rng, 22))));
            }
            if rng.gen_bool(0.5) {
                f.push(Figure::Coded);
                for _ in 0..rng.gen_range(1..=2) {
                    f.push(Figure::Theme(format!("thema{}", skew(&mut rng, 15))));
                }
            }
            // An i32, as when the outcome was a label: drawn as usize, the generator's stream and
            // so the whole test year would be another one.
            let stage: i32 = rng.gen_range(0..7);
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
                if rng.gen_bool(0.4) {
                    f.push(Figure::Founded);
                }
                if rng.gen_bool(0.8) {
                    f.push(Figure::InTime);
                }
                if rng.gen_bool(0.1) {
                    f.push(Figure::Postponed);
                }
            }
            if stage == 6 {
                f.push(Figure::ActedOn);
            }
            if rng.gen_bool(0.05) {
                f.push(Figure::Ombudsman);
            }
            if rng.gen_bool(0.1) {
                f.push(Figure::ViaCouncil);
                if rng.gen_bool(0.7) {
                    f.push(Figure::Told);
                }
            }
            if rng.gen_bool(0.8) {
                f.push(Figure::Written);
                // Seven outcomes, one per stage, as before.
                let outcome = [
                    Outcome::Running,
                    Outcome::Referred,
                    Outcome::ResolvedInformally,
                    Outcome::Withdrawn,
                    Outcome::Judged(Judgement::Unfounded),
                    Outcome::Judged(Judgement::PartlyFounded),
                    Outcome::Judged(Judgement::Founded),
                ][stage as usize];
                f.push(Figure::Outcome(outcome));
            }
            f.sort();
            f.dedup();
            CaseCells {
                received: day,
                figures: f,
            }
        })
        .collect()
}

/// The old way: every report counts its cells and hides the small ones, each on its own.
fn per_report(cases: &[CaseCells], k: u64) -> usize {
    let mut cells: BTreeMap<(Scope, &Figure), u64> = BTreeMap::new();
    for c in cases {
        let q = disclosure::quarter_of(c.received);
        for f in &c.figures {
            *cells
                .entry((
                    Scope::Quarter {
                        year: 2025,
                        quarter: q,
                    },
                    f,
                ))
                .or_default() += 1;
            for through in q..=4 {
                *cells
                    .entry((
                        Scope::Year {
                            year: 2025,
                            through,
                        },
                        f,
                    ))
                    .or_default() += 1;
            }
        }
    }
    cells
        .values()
        .filter(|n| !disclosure::primary(**n, k).published())
        .count()
}

fn main() {
    let max = arg("--max", 20_000) as usize;
    let k = disclosure::DEFAULT_K;
    let after = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let mut dump = String::new();
    println!("complaints/year | decide: cells, hidden, time | baseline per report: hidden, time");
    for n in [20, 200, 2_000, 20_000].into_iter().filter(|n| *n <= max) {
        let cases = year(n);
        let t = Instant::now();
        let d = disclosure::decide(&cases, after, k);
        let decide = t.elapsed().as_secs_f64();
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
        let (mut cells, mut hidden) = (0, 0);
        for s in scopes {
            for (f, c) in d.cells_of(s) {
                cells += 1;
                hidden += usize::from(!c.shown.published());
                dump.push_str(&format!("{n} {s:?} {f:?} {} {:?}\n", c.n, c.shown));
            }
        }
        let t = Instant::now();
        let old_hidden = per_report(&cases, k);
        let base = t.elapsed().as_secs_f64();
        println!(
            "{n:>15} | {cells:>5} {hidden:>5} {:>9.1} ms | {old_hidden:>5} {:>9.2} ms",
            decide * 1e3,
            base * 1e3
        );
    }
    if let Ok(path) = std::env::var("KLANKBORD_BENCH_DUMP") {
        std::fs::write(path, dump).unwrap();
    }
}
