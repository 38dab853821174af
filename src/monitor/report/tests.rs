//! Tests of the report: periods, suppression of every output (property tests), the chooser, the
//! trends and the complaint figures.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::*;
use crate::monitor::complaint_figures::{self, CaseFacts};
use crate::monitor::disclosure::{self, Scope};
use crate::monitor::survey_figures::{self};
use crate::surveys::builder::AnswerMix;
use crate::surveys::definition::{Definition, ItemKind};

#[test]
fn periods() {
    let q = parse_period("2026-Q3").unwrap();
    assert_eq!(
        (q.from, q.to, q.year),
        (
            NaiveDate::from_ymd_opt(2026, 7, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
            false
        )
    );
    let y = parse_period("2026").unwrap();
    assert_eq!(
        (y.from, y.to, y.year),
        (
            NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 12, 31).unwrap(),
            true
        )
    );
    assert_eq!(
        parse_period("2026-q4").unwrap().to,
        NaiveDate::from_ymd_opt(2026, 12, 31).unwrap()
    );
    assert!(parse_period("2026-Q5").is_err());
    assert!(parse_period("vorig jaar").unwrap_err().contains("2026-Q3"));
}

use proptest::prelude::*;
use rand::{Rng, SeedableRng};

/// Any answer: a quarter of the questions left open, one in ten scale answers "weet niet", scale
/// points and grades anywhere, later background options rare (so small groups turn up); no
/// conditions followed, no multiple choice, open text or numbers.
const RANDOM_MIX: AnswerMix<'static> = AnswerMix {
    skip: 0.25,
    dont_know: 0.1,
    mood: 0.0,
    noise: 2.5,
    grade_middle: 5.5,
    grade_mood: 0.0,
    grade_noise: 2.0,
    setback: None,
    skew: 3,
    follow_conditions: false,
    single: true,
    multi: false,
    numbers: false,
    texts: None,
};

/// Random answer sets for the shipped questionnaire: any mix of channels, languages,
/// background answers, scale answers, "weet niet" and unanswered questions.
fn random_answers(def: &Definition, n: usize, seed: u64) -> Vec<(String, String, String)> {
    let mut rng = rand::rngs::StdRng::seed_from_u64(seed);
    let channels = ["web", "paper-scan", "phone", "assisted"];
    let languages = ["nl", "en", "ar", "tr"];
    (0..n)
        .map(|_| {
            let a = RANDOM_MIX.draw(def, &mut rng);
            (
                channels[(rng.gen_range(0.0f64..1.0).powi(2) * 4.0) as usize % 4].to_string(),
                languages[(rng.gen_range(0.0f64..1.0).powi(3) * 4.0) as usize % 4].to_string(),
                serde_json::to_string(&a).unwrap(),
            )
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(60))]

    /// Any wave (any size, any mix of groups): every published figure rests on at least k
    /// people, and within each split the hidden groups cannot be had by subtracting the shown
    /// groups from the total.
    #[test]
    fn no_published_survey_figure_rests_on_fewer_than_k_or_gives_one_away(
        n in 0usize..160,
        seed in any::<u64>(),
        k in 3u64..8,
    ) {
        let defs = crate::surveys::shipped().unwrap();
        let def = &defs[0];
        let rows = random_answers(def, n, seed);
        let mut counter = survey_figures::Counter::new(def);
        for (c, l, json) in &rows {
            counter.add_json(c, l, json);
        }
        let f = counter.finish();
        prop_assert_eq!(f.all.sets, n as u64);
        let part = survey_part(def, "toets", 1000, 800, &f, None, k);
        let published = |c: &Cell| c.value.is_some();
        for i in &part.items {
            for c in [&i.positive, &i.neutral, &i.negative, &i.dont_know] {
                prop_assert!(!published(c) || c.n.unwrap_or(0) >= k, "{} {:?}", i.key, c);
            }
        }
        for d in &part.dimensions {
            prop_assert!(!published(&d.positive) || d.nmin.unwrap_or(0) >= k, "{:?}", d);
        }
        for c in [&part.grade_mean, &part.grade_eight_or_more, &part.grade_below_six] {
            prop_assert!(!published(c) || c.n.unwrap_or(0) >= k);
        }
        let mut splits: BTreeMap<&str, Vec<(&str, u64, bool)>> = BTreeMap::new();
        for g in &part.subgroups {
            let t = &f.groups[&(g.split.clone(), g.value.clone())];
            if published(&g.positive) {
                // The people behind the share: those who answered a question of the dimension.
                let answered = rows
                    .iter()
                    .filter(|(c, l, json)| {
                        let v: serde_json::Value = serde_json::from_str(json).unwrap();
                        let in_group = match g.split.as_str() {
                            "kanaal" => c == &g.value,
                            "taal" => l == &g.value,
                            key => v[key] == serde_json::json!(g.value),
                        };
                        in_group && def.items().any(|i| {
                            i.dimension == g.dimension
                                && matches!(i.kind, ItemKind::Scale { .. })
                                && v[&i.key].is_i64()
                        })
                    })
                    .count() as u64;
                prop_assert!(answered >= k, "{}={} {:?}: {} people", g.split, g.value, g.dimension, answered);
            }
            // A group's size is out once any of its cells shows it.
            let e = splits.entry(g.split.as_str()).or_default();
            match e.iter_mut().find(|(v, _, _)| *v == g.value) {
                Some(known) => known.2 |= g.positive.n.is_some(),
                None => e.push((g.value.as_str(), t.sets, g.positive.n.is_some())),
            }
        }
        // A group under k that is hidden is hidden together with others worth at least k, so
        // the total minus the shown groups does not give it back.
        for (split, groups) in splits {
            let hidden: Vec<u64> = groups.iter().filter(|g| !g.2).map(|g| g.1).collect();
            let small_hidden = groups.iter().any(|g| !g.2 && g.1 < k);
            // (When every group of a split is hidden, nothing of it is published: the split's
            // total is not in the report either.)
            prop_assert!(
                !small_hidden
                    || (hidden.len() >= 2 && hidden.iter().sum::<u64>() >= k)
                    || hidden.len() == groups.len(),
                "{}: {:?}", split, groups
            );
        }
    }

    /// Any mix of complaints in a quarter that has ended: channels and teams (each a
    /// breakdown of the complaints received) publish nothing under k and nothing that the
    /// received total gives away.
    #[test]
    fn no_published_complaint_figure_rests_on_fewer_than_k_or_gives_one_away(
        cases in proptest::collection::vec((0usize..5, 0usize..4, proptest::collection::vec(0usize..6, 0..3)), 0..80),
        k in 3u64..8,
    ) {
        let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
        let channels = ["web", "brief", "telefoon", "raadslid", "balie"];
        let teams = ["Inkomen", "Werk", "Schulden", "Zorg"];
        let norms = crate::surveys::definition::NORMS;
        let facts: Vec<CaseFacts> = cases
            .iter()
            .map(|(c, t, ns)| CaseFacts {
                channel: channels[*c].into(),
                team: Some(teams[*t].into()),
                norms: ns.iter().map(|n| norms[*n].to_string()).collect(),
                received: d,
                deadline: d,
                ..Default::default()
            })
            .collect();
        let cells: Vec<disclosure::CaseCells> = facts.iter().map(complaint_figures::cells).collect();
        let today = NaiveDate::from_ymd_opt(2026, 10, 2).unwrap();
        let decisions = disclosure::decide_years(&cells, &[2026], today, k);
        let scope = Scope::Quarter { year: 2026, quarter: 3 };
        let part = complaint_part(&decisions, scope, &facts).unwrap();
        let received = &part.funnel[0].1;
        let funnel = part.funnel.iter().map(|(s, c)| (s.code().to_string(), c.clone()));
        let lists = part.by_channel.iter().chain(&part.by_team).chain(&part.by_norm).cloned();
        for (name, c) in funnel.chain(lists) {
            prop_assert!(c.n.is_none_or(|n| n == 0 || n >= k), "{}: {:?}", name, c);
        }
        for list in [&part.by_channel, &part.by_team] {
            let hidden: Vec<u64> = list
                .iter()
                .filter(|(_, c)| c.n.is_none())
                .map(|(key, _)| {
                    facts.iter().filter(|f| &f.channel == key || f.team.as_ref() == Some(key)).count() as u64
                })
                .collect();
            prop_assert!(
                received.n.is_none() || hidden.is_empty()
                    || (hidden.len() >= 2 && hidden.iter().sum::<u64>() >= k),
                "{:?}", list
            );
        }
    }
}

/// Random complaints of 2026-Q3 with every deadline outcome: (channel, team, outcome) with
/// outcome 0 open within the deadline, 1 decided in time, 2 decided late, 3 open past it.
fn deadline_facts(cases: &[(usize, usize, usize)]) -> Vec<CaseFacts> {
    let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let deadline = d + chrono::Duration::weeks(6);
    let channels = ["web", "brief", "telefoon", "raadslid", "balie"];
    let teams = ["Inkomen", "Werk", "Schulden", "Zorg"];
    cases
        .iter()
        .map(|(c, t, o)| CaseFacts {
            channel: channels[*c].into(),
            team: Some(teams[*t].into()),
            received: d,
            deadline,
            decided: match o {
                1 => Some(deadline - chrono::Duration::days(3)),
                2 => Some(deadline + chrono::Duration::days(3)),
                _ => None,
            },
            overdue: *o == 3,
            ..Default::default()
        })
        .collect()
}

/// A whole report of 2026-Q3 from random answers and complaints, made on 2 October.
fn random_report(n: usize, seed: u64, cases: &[(usize, usize, usize)], k: u64) -> Report {
    let defs = crate::surveys::shipped().unwrap();
    let def = &defs[0];
    let mut counter = survey_figures::Counter::new(def);
    for (c, l, json) in random_answers(def, n, seed) {
        counter.add_json(&c, &l, &json);
    }
    let f = counter.finish();
    let mut before = survey_figures::Counter::new(def);
    for (c, l, json) in random_answers(def, n / 2 + 10, seed ^ 0x5eed) {
        before.add_json(&c, &l, &json);
    }
    let before = before.finish();
    let part = survey_part(def, "toets", 1000, 800, &f, Some(("vorige", &before)), k);
    let facts = deadline_facts(cases);
    let cells: Vec<disclosure::CaseCells> = facts.iter().map(complaint_figures::cells).collect();
    let today = NaiveDate::from_ymd_opt(2026, 10, 2).unwrap();
    let decisions = disclosure::decide_years(&cells, &[2026], today, k);
    let period = parse_period("2026-Q3").unwrap();
    let scope = Scope::Quarter {
        year: 2026,
        quarter: 3,
    };
    let mut wave_trend = vec![
        wave_trend_of(
            def,
            "vorige",
            today - chrono::Duration::days(400),
            &before,
            k,
        ),
        WaveTrend {
            wave: "toets".into(),
            closed: today - chrono::Duration::days(30),
            answered: part.answered,
            dimensions: part.dimensions.clone(),
        },
    ];
    mark_wave_changes(&mut wave_trend);
    let mut r = Report {
        period: period.clone(),
        made_on: today,
        provisional: false,
        k,
        survey: Some(part),
        survey_waiting: None,
        complaints: complaint_part(&decisions, scope, &facts),
        summary: vec![],
        followups: FollowUps::default(),
        register: None,
        themes: vec![],
        coded_texts: 0,
        coded_complaints: None,
        coding_agreement: None,
        wave_trend,
        quarter_trend: quarter_trend(&decisions, &period),
    };
    r.summary = summary(&r);
    r
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    /// Every output of a report (the open data list the CSV, JSON and codebook come from, the
    /// trend, and the summary's sentences) goes through the same decisions: nothing published
    /// rests on fewer than k, the deadline figures are shown and hidden with their base, and
    /// every number in the summary is a published figure.
    #[test]
    fn every_output_shows_only_what_the_disclosure_check_published(
        n in 0usize..120,
        seed in any::<u64>(),
        cases in proptest::collection::vec((0usize..5, 0usize..4, 0usize..4), 0..60),
        k in 3u64..8,
    ) {
        let r = random_report(n, seed, &cases, k);
        let figures = crate::monitor::published::figures(&r);
        // Plain facts of the wave (who was invited, who answered) are no group's figure.
        let facts = ["uitgenodigd", "ingevuld", "doelgroep", "respons", "foutmarge"];
        for f in &figures {
            if f.getoond == "verborgen" {
                prop_assert!(f.waarde.is_none() && f.n.is_none(), "{:?}", f);
            } else if !facts.contains(&f.cijfer) {
                prop_assert!(f.n.is_none_or(|n| n == 0 || n >= k), "{:?}", f);
            }
        }
        // The deadline figures: parts of the published base, hidden with it, adding up.
        if let Some(c) = &r.complaints {
            let parts = [&c.in_time_count, &c.late_count, &c.overdue_count];
            match c.due.n {
                Some(due) if due > 0 => {
                    let by_hand = cases.iter().filter(|(_, _, o)| *o > 0).count() as u64;
                    prop_assert_eq!(due, by_hand);
                    // A part can be hidden to protect another cell (the check then hides a
                    // second, so it cannot be had from the base); shown, they add up.
                    if parts.iter().all(|p| p.value.is_some()) {
                        let sum: f64 = parts.iter().filter_map(|p| p.value).sum();
                        prop_assert_eq!(sum, due as f64);
                    } else {
                        prop_assert!(
                            parts.iter().filter(|p| p.value.is_none()).count() >= 2
                                || c.due.value.is_none(),
                            "one part hidden alone: {:?}", c
                        );
                    }
                }
                Some(_) => {}
                None => {
                    for p in parts.into_iter().chain([&c.in_time, &c.late, &c.overdue]) {
                        prop_assert!(p.value.is_none(), "{:?}", c);
                    }
                }
            }
        }
        // Every number in the summary is a published figure (or a difference in points).
        let mut known: std::collections::BTreeSet<String> = Default::default();
        for f in figures.iter().filter(|f| f.getoond != "verborgen") {
            if let Some(v) = f.waarde {
                known.insert(crate::monitor::numbers::fixed(v, 0));
            }
            if let Some(n) = f.n {
                known.insert(n.to_string());
            }
        }
        // (Unrounded values too: the list keeps one decimal, the sentences round the value.)
        for c in r.survey.iter().flat_map(|s| s.dimensions.iter().map(|d| &d.positive)
            .chain(s.items.iter().flat_map(|i| [&i.positive, &i.negative]))) {
            if let Some(v) = c.value {
                known.insert(crate::monitor::numbers::fixed(v, 0));
            }
        }
        prop_assert!(r.summary.len() <= SUMMARY_SENTENCES);
        for sentence in &r.summary {
            prop_assert!(words(sentence) <= SENTENCE_WORDS, "{}", sentence);
            // A group's name can have numbers in it ("1 tot 5 jaar"): only what follows it.
            let figures_part = [" zijn vaker ", " zijn minder vaak "]
                .iter()
                .find_map(|w| sentence.find(w).map(|i| &sentence[i..]))
                .unwrap_or(sentence);
            let tokens: Vec<&str> = figures_part.split_whitespace().collect();
            for (i, t) in tokens.iter().enumerate() {
                let number: String = t.chars().filter(|c| c.is_ascii_digit()).collect();
                if number.is_empty() || tokens.get(i + 1) == Some(&"procentpunt") {
                    continue;
                }
                prop_assert!(known.contains(&number), "{} in: {}", number, sentence);
            }
        }
        // The trend shows what each wave's own report shows, and marks a change only on two
        // published figures.
        for w in &r.wave_trend {
            for d in &w.dimensions {
                prop_assert!(d.change.is_none() || d.positive.value.is_some());
                prop_assert!(d.positive.value.is_none() || d.nmin.unwrap_or(0) >= k);
            }
        }
        for q in &r.quarter_trend {
            prop_assert!(q.change.is_none() || q.in_time.value.is_some());
        }
    }
}

#[test]
fn the_chooser_offers_periods_with_data_and_opens_on_the_latest_complete_one() {
    let d = |y: i32, m: u32, day: u32| NaiveDate::from_ymd_opt(y, m, day).unwrap();
    let today = d(2026, 12, 6);
    // Complaints in 2025-Q4 and 2026-Q1 and Q3; one in Q4 (not ended: not yet published).
    let days = [d(2025, 11, 3), d(2026, 2, 1), d(2026, 8, 9), d(2026, 10, 2)];
    // A wave of 2026-Q2 that closed, and one that is still running.
    let waves = [
        (d(2026, 5, 1), d(2026, 5, 31)),
        (d(2026, 11, 1), d(2026, 12, 31)),
    ];
    let (list, open) = choices(&days, &waves, today);
    let labels: Vec<&str> = list.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["2026", "2026-Q3", "2026-Q2", "2026-Q1", "2025", "2025-Q4"]
    );
    assert!(!list[0].complete, "2026 has not ended");
    assert_eq!(open.as_deref(), Some("2026-Q3"));
    // In January the year that just ended comes first, and is opened.
    let (_, open) = choices(&days, &waves, d(2027, 1, 10));
    assert_eq!(open.as_deref(), Some("2026"));
    // Nothing yet: nothing to choose.
    assert_eq!(choices(&[], &[], today), (vec![], None));
}

#[test]
fn follow_ups_are_late_after_their_day() {
    let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    assert!(!followup_late(d(6, 1), None, d(6, 1)));
    assert!(followup_late(d(6, 1), None, d(6, 2)));
    assert!(!followup_late(d(6, 1), Some(d(6, 1)), d(9, 1)));
    assert!(followup_late(d(6, 1), Some(d(6, 3)), d(9, 1)));
    // Counted: agreed, done, late (done late and not done past the day).
    let actions = [
        (d(6, 1), Some(d(5, 30))),
        (d(6, 1), Some(d(6, 3))),
        (d(6, 1), None),
        (d(9, 30), None),
    ];
    assert_eq!(
        FollowUps::count(&actions, d(9, 1)),
        FollowUps {
            agreed: 4,
            done: 2,
            late: 2
        }
    );
    assert_eq!(
        followup_sentence(&FollowUps::count(&actions, d(9, 1))),
        "Na klachten zijn 4 acties afgesproken: 2 klaar en 2 te laat."
    );
}

#[test]
fn the_trend_covers_the_four_quarters_up_to_the_period() {
    let labels = |p: &str| {
        last_four_quarters(&parse_period(p).unwrap())
            .into_iter()
            .map(|q| q.0)
            .collect::<Vec<_>>()
    };
    assert_eq!(labels("2026"), ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    assert_eq!(
        labels("2026-Q2"),
        ["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]
    );
    let q = last_four_quarters(&parse_period("2026-Q1").unwrap());
    assert_eq!(
        (q[0].1, q[0].2),
        (
            NaiveDate::from_ymd_opt(2025, 4, 1).unwrap(),
            NaiveDate::from_ymd_opt(2025, 6, 30).unwrap()
        )
    );
    // 9 in Q1 (8 decided, 6 in time), 2 in Q2, 7 in Q3, 0 in Q4.
    let d = |m: u32, day: u32| NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    let mut facts = vec![];
    let case = |received, decided: Option<NaiveDate>, deadline| CaseFacts {
        channel: "web".into(),
        received,
        decided,
        deadline,
        ..Default::default()
    };
    for i in 0..9 {
        let decided = (i < 8).then(|| if i < 6 { d(2, 1) } else { d(4, 1) });
        facts.push(case(d(1, 10), decided, d(3, 1)));
    }
    facts.extend((0..2).map(|_| case(d(5, 1), None, d(7, 1))));
    facts.extend((0..7).map(|_| case(d(8, 1), Some(d(8, 20)), d(9, 1))));
    let cells: Vec<disclosure::CaseCells> = facts.iter().map(complaint_figures::cells).collect();
    // After the year: the four quarters; Q2 (2) is hidden, and with the year total
    // published, a second quarter with it.
    let after = disclosure::decide_years(&cells, &[2026], d(12, 31) + chrono::Duration::days(1), 5);
    let t = quarter_trend(&after, &parse_period("2026").unwrap());
    let received: Vec<Option<u64>> = t.iter().map(|q| q.received.n).collect();
    assert_eq!(received.len(), 4);
    assert_eq!(received[1], None);
    assert_eq!(
        received.iter().filter(|r| r.is_none()).count(),
        2,
        "{received:?}"
    );
    assert_eq!(t[0].in_time.value, Some(75.0));
    // The year's own total stays: the second quarter is hidden instead.
    let year = complaint_part(
        &after,
        Scope::Year {
            year: 2026,
            through: 4,
        },
        &facts,
    )
    .unwrap();
    assert_eq!(year.funnel[0].1.n, Some(18));
    // During the year only the quarters that have ended, decided the same way.
    let during = disclosure::decide_years(&cells, &[2026], d(8, 15), 5);
    let t = quarter_trend(&during, &parse_period("2026").unwrap());
    assert_eq!(
        t.iter().map(|q| q.quarter.as_str()).collect::<Vec<_>>(),
        ["2026-Q1", "2026-Q2"]
    );
    assert_eq!(t[0].received.n, Some(9));
}

#[test]
fn complaint_figures_are_suppressed_with_their_total() {
    let d = NaiveDate::from_ymd_opt(2026, 7, 1).unwrap();
    let case = |channel: &str| CaseFacts {
        channel: channel.into(),
        received: d,
        deadline: d,
        ..Default::default()
    };
    let mut facts: Vec<CaseFacts> = (0..20).map(|_| case("web")).collect();
    facts.extend((0..2).map(|_| case("raadslid")));
    facts.extend((0..8).map(|_| case("brief")));
    let cells: Vec<disclosure::CaseCells> = facts.iter().map(complaint_figures::cells).collect();
    let decisions = disclosure::decide_years(
        &cells,
        &[2026],
        NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        5,
    );
    let part = complaint_part(
        &decisions,
        Scope::Quarter {
            year: 2026,
            quarter: 3,
        },
        &facts,
    )
    .unwrap();
    let shown: Vec<(&str, &str)> = part
        .by_channel
        .iter()
        .map(|(c, cell)| (c.as_str(), cell.shown))
        .collect();
    // raadslid (2) hidden, and brief (8) with it, so 2 cannot be had from 30 - 20 - 8.
    assert_eq!(
        shown,
        [
            ("brief", "verborgen"),
            ("raadslid", "verborgen"),
            ("web", "indicatief")
        ]
    );
    assert_eq!(part.funnel[0].1.n, Some(30));
    assert!(part
        .by_channel
        .iter()
        .all(|(_, c)| c.shown != "verborgen" || c.value.is_none() && c.n.is_none()));
    // A quarter that has not ended publishes nothing.
    let early = disclosure::decide_years(
        &cells,
        &[2026],
        NaiveDate::from_ymd_opt(2026, 9, 30).unwrap(),
        5,
    );
    assert!(complaint_part(
        &early,
        Scope::Quarter {
            year: 2026,
            quarter: 3
        },
        &facts
    )
    .is_none());
}
