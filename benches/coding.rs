//! Benchmark: how good the coding suggestions are on real Dutch texts nobody on this project wrote
//! (issue 19). Reads the evaluation set from `eval/coding/` (or the folder in
//! `KLANKBORD_EVAL_DIR`):
//! - `texts.tsv` (id, text, source_url, source_title), `tune_ids.txt`, `test_ids.txt`: the set
//!   split by source page into a tuning half and a test half;
//! - `gold.tsv` (id, themes, norms; comma-separated codes): the settled labels;
//! - `coder_a.tsv`, `coder_b.tsv` (same form): the two independent coders, for Cohen's kappa.
//!
//! Reports, on the TEST half, precision, recall and F1 per theme and per norm, micro and macro,
//! with a 95% bootstrap interval (1,000 resamples of texts, fixed seed), for: the old cue matcher
//! (baseline, in the same run), the new suggester without learning, and with the learning step
//! (gold labels standing in for the researcher's codes; 5 fixed orders, averaged):
//! - on her own texts: each even row of the half is scored by models trained on 0, 25 or 50 of
//!   its odd rows, and the other way round (as a researcher codes texts of the same source);
//! - on other pages: trained on 0, 25, 50 or 100 texts of the tuning half.
//!
//! Then Cohen's kappa between the two coders.
//!
//! Run: `cargo bench --bench coding` (or `cargo test --bench coding`: the same figures, it is
//! deterministic). `KLANKBORD_EVAL_HALF=tune` scores the tuning half instead, with the learning
//! step on its own texts; `KLANKBORD_EVAL_GRID=1` adds a grid of learning settings there, and
//! `KLANKBORD_EVAL_ADD_FROM`, `_KEEP_FROM`, `_PENALTY`, `_TRUST`, `_CUE_PRIOR`, `_BIAS_PRIOR` set
//! them. `KLANKBORD_EVAL_HALF=tune-all` skips learning (for writing cues); only on the tuning half
//! `KLANKBORD_EVAL_CUES=1` lists right/wrong per cue and `KLANKBORD_EVAL_ERRORS=1` the texts' wrong
//! codes. The texts of the test half are never printed.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use klankbord::monitor::coding::{
    Suggester, EVAL_NORM_F1, EVAL_TEXTS, EVAL_THEME_F1, NORM_CODES, THEME_CODES,
};
use klankbord::monitor::learning::{reasons, KEEP_FROM_TRIED};

#[path = "coding_parts/learning.rs"]
mod learning;
#[path = "coding_legacy.rs"]
mod legacy;

use learning::{grid, settings_from_env, Data, Rng, ORDERS};

type Codes = BTreeSet<String>;

struct Labels {
    themes: Codes,
    norms: Codes,
}

fn read(dir: &std::path::Path, name: &str) -> Option<String> {
    std::fs::read_to_string(dir.join(name)).ok()
}

fn split_codes(s: &str) -> Codes {
    s.split(',')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect()
}

fn labels(text: &str) -> BTreeMap<String, Labels> {
    text.lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.trim_end_matches('\r').split('\t');
            let id = f.next()?.trim().to_string();
            let themes = split_codes(f.next().unwrap_or(""));
            let norms = split_codes(f.next().unwrap_or(""));
            (!id.is_empty()).then_some((id, Labels { themes, norms }))
        })
        .collect()
}

fn ids(text: &str) -> Vec<String> {
    text.lines()
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Counts per code: true positives, false positives, false negatives.
#[derive(Default, Clone, Copy)]
struct Count {
    tp: u32,
    fp: u32,
    fneg: u32,
}

impl Count {
    fn prf(self) -> (f64, f64, f64) {
        let p = if self.tp + self.fp == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        };
        let r = if self.tp + self.fneg == 0 {
            0.0
        } else {
            self.tp as f64 / (self.tp + self.fneg) as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }
}

/// One text's predicted and gold codes, for one kind (themes or norms).
type Pair = (Codes, Codes);

/// A suggester's pairs for themes and for norms.
type Run = (Vec<Pair>, Vec<Pair>);

fn count(pairs: &[&Pair], code: &str) -> Count {
    let mut c = Count::default();
    for (pred, gold) in pairs {
        match (pred.contains(code), gold.contains(code)) {
            (true, true) => c.tp += 1,
            (true, false) => c.fp += 1,
            (false, true) => c.fneg += 1,
            _ => {}
        }
    }
    c
}

fn micro(pairs: &[&Pair], codes: &[&str]) -> Count {
    let mut all = Count::default();
    for code in codes {
        let c = count(pairs, code);
        all.tp += c.tp;
        all.fp += c.fp;
        all.fneg += c.fneg;
    }
    all
}

/// Macro F1: the mean F1 over the codes that occur in the gold labels or the predictions.
fn macro_f1(pairs: &[&Pair], codes: &[&str]) -> f64 {
    let f: Vec<f64> = codes
        .iter()
        .map(|c| count(pairs, c))
        .filter(|c| c.tp + c.fp + c.fneg > 0)
        .map(|c| c.prf().2)
        .collect();
    if f.is_empty() {
        0.0
    } else {
        f.iter().sum::<f64>() / f.len() as f64
    }
}

/// 95% bootstrap interval of micro and macro F1 (texts resampled).
fn bootstrap(pairs: &[Pair], codes: &[&str]) -> ((f64, f64), (f64, f64)) {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut mic = vec![];
    let mut mac = vec![];
    for _ in 0..1000 {
        let sample: Vec<&Pair> = (0..pairs.len())
            .map(|_| &pairs[rng.below(pairs.len())])
            .collect();
        mic.push(micro(&sample, codes).prf().2);
        mac.push(macro_f1(&sample, codes));
    }
    let ci = |mut v: Vec<f64>| {
        v.sort_by(f64::total_cmp);
        (v[25], v[974])
    };
    (ci(mic), ci(mac))
}

struct Summary {
    micro: (f64, f64, f64),
    micro_ci: (f64, f64),
    macro_f1: f64,
    macro_ci: (f64, f64),
}

fn summary(pairs: &[Pair], codes: &[&str]) -> Summary {
    let refs: Vec<&Pair> = pairs.iter().collect();
    let (micro_ci, macro_ci) = bootstrap(pairs, codes);
    Summary {
        micro: micro(&refs, codes).prf(),
        micro_ci,
        macro_f1: macro_f1(&refs, codes),
        macro_ci,
    }
}

fn per_code_table(title: &str, half: &str, systems: &[(&str, &[Pair])], codes: &[&str]) {
    println!("\n#### {title}: per code ({half} half)\n");
    let mut head = "| code | n |".to_string();
    let mut line = "|---|---|".to_string();
    for (name, _) in systems {
        head.push_str(&format!(" {name} P / R / F1 |"));
        line.push_str("---|");
    }
    println!("{head}\n{line}");
    for code in codes {
        let n = systems.first().map_or(0, |(_, p)| {
            p.iter().filter(|(_, g)| g.contains(*code)).count()
        });
        let mut row = format!("| {code} | {n} |");
        for (_, pairs) in systems {
            let refs: Vec<&Pair> = pairs.iter().collect();
            let (p, r, f) = count(&refs, code).prf();
            row.push_str(&format!(" {p:.2} / {r:.2} / {f:.2} |"));
        }
        println!("{row}");
    }
}

fn kappa(a: &BTreeMap<String, Labels>, b: &BTreeMap<String, Labels>, codes: &[&str], norms: bool) {
    let both: Vec<&String> = a.keys().filter(|k| b.contains_key(*k)).collect();
    let get = |l: &Labels, c: &str| {
        if norms {
            l.norms.contains(c)
        } else {
            l.themes.contains(c)
        }
    };
    let k = |pairs: &[(bool, bool)]| {
        let n = pairs.len() as f64;
        if n == 0.0 {
            return f64::NAN;
        }
        let agree = pairs.iter().filter(|(x, y)| x == y).count() as f64 / n;
        let pa = pairs.iter().filter(|(x, _)| *x).count() as f64 / n;
        let pb = pairs.iter().filter(|(_, y)| *y).count() as f64 / n;
        let chance = pa * pb + (1.0 - pa) * (1.0 - pb);
        if chance >= 1.0 {
            1.0
        } else {
            (agree - chance) / (1.0 - chance)
        }
    };
    let mut all = vec![];
    println!("\n| code | A | B | both | kappa |\n|---|---|---|---|---|");
    for code in codes {
        let pairs: Vec<(bool, bool)> = both
            .iter()
            .map(|id| (get(&a[*id], code), get(&b[*id], code)))
            .collect();
        let na = pairs.iter().filter(|p| p.0).count();
        let nb = pairs.iter().filter(|p| p.1).count();
        let nab = pairs.iter().filter(|p| p.0 && p.1).count();
        println!("| {code} | {na} | {nb} | {nab} | {:.2} |", k(&pairs));
        all.extend(pairs);
    }
    println!(
        "| **all {} (pooled, {} texts)** | | | | **{:.2}** |",
        if norms { "norms" } else { "themes" },
        both.len(),
        k(&all)
    );
}

fn main() {
    let dir: PathBuf = std::env::var("KLANKBORD_EVAL_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("eval/coding"));
    let half = std::env::var("KLANKBORD_EVAL_HALF").unwrap_or_else(|_| "test".into());
    let Some(texts) = read(&dir, "texts.tsv") else {
        println!(
            "No evaluation set in {}: see the header of benches/coding.rs.",
            dir.display()
        );
        return;
    };
    let texts: BTreeMap<String, String> = texts
        .lines()
        .skip(1)
        .filter_map(|l| {
            let mut f = l.split('\t');
            Some((f.next()?.trim().to_string(), f.next()?.to_string()))
        })
        .collect();
    let tune = ids(&read(&dir, "tune_ids.txt").unwrap_or_default());
    let test = ids(&read(&dir, "test_ids.txt").unwrap_or_default());
    let gold_name = std::env::var("KLANKBORD_EVAL_GOLD").unwrap_or_else(|_| "gold.tsv".into());
    let Some(gold) = read(&dir, &gold_name).map(|g| labels(&g)) else {
        println!("No {gold_name} in {}.", dir.display());
        return;
    };
    // `tune`: the tuning half, with the learning step on its own texts (each of its even rows
    // predicted by models trained on its odd rows and the other way round), so the test half
    // stays unseen. `tune-all`: the same texts without the learning step (for writing cues).
    let scored: &[String] = match half.as_str() {
        "tune" | "tune-all" => &tune,
        _ => &test,
    };
    let scored: Vec<&String> = scored.iter().filter(|id| gold.contains_key(*id)).collect();
    let settings = settings_from_env();
    let thresholds = (settings.add_from, settings.keep_from);
    let themes: Vec<&str> = THEME_CODES.to_vec();
    let norms: Vec<&str> = NORM_CODES.to_vec();
    let is_theme = |c: &String| themes.contains(&c.as_str());
    let is_norm = |c: &String| norms.contains(&c.as_str());

    println!(
        "## Coding suggestions: {} half, {} texts (tuning half: {} texts)\n",
        half,
        scored.len(),
        tune.len()
    );
    if half != "tune-all" {
        println!("Learning settings: {settings:?}\n");
    }

    // Baseline: the old matcher (themes only; it had no cues for norms).
    let split = |pred: &Codes, id: &str| -> (Pair, Pair) {
        let g = &gold[id];
        (
            (
                pred.iter().filter(|c| is_theme(c)).cloned().collect(),
                g.themes.clone(),
            ),
            (
                pred.iter().filter(|c| is_norm(c)).cloned().collect(),
                g.norms.clone(),
            ),
        )
    };
    let run = |f: &dyn Fn(&str) -> Codes| -> Run {
        scored.iter().map(|id| split(&f(&texts[*id]), id)).unzip()
    };
    let of =
        |preds: &[Codes]| -> Run { scored.iter().zip(preds).map(|(id, p)| split(p, id)).unzip() };
    let old = run(&|t| legacy::suggest(t).into_iter().map(String::from).collect());
    let suggester = Suggester::built_in();
    let new = run(&|t| suggester.suggest(t).codes());

    // Learning: gold labels stand in for the researcher's codes.
    let allowed: Codes = themes
        .iter()
        .chain(norms.iter())
        .map(|c| c.to_string())
        .collect();
    let tune_ids: Vec<&String> = tune.iter().filter(|id| gold.contains_key(*id)).collect();
    let all_ids: Vec<&String> = tune_ids.iter().chain(scored.iter()).copied().collect();
    let gold_codes = |id: &str| -> Codes {
        let g = &gold[id];
        g.themes.union(&g.norms).cloned().collect()
    };
    let data = Data::new(&all_ids, &texts, &gold_codes, &suggester, allowed);
    // (label, coded texts, runs of the 5 orders)
    let mut curve: Vec<(String, usize, Vec<Run>)> = vec![];
    // The settings in use, and beside them holding back under the threshold that cost least on
    // the tuning half (not in use).
    let mut pairs = vec![(thresholds, String::new())];
    if thresholds.1 != KEEP_FROM_TRIED {
        pairs.push((
            (thresholds.0, KEEP_FROM_TRIED),
            format!(", holding back under {KEEP_FROM_TRIED}"),
        ));
    }
    let ths: Vec<(f64, f64)> = pairs.iter().map(|p| p.0).collect();
    if half != "tune-all" {
        for n in [0usize, 25, 50] {
            let runs = data.own_texts(&scored, n, settings, &ths);
            for (r, (_, extra)) in runs.iter().zip(&pairs) {
                let label = format!("learning on her own texts{extra}: after {n} coded texts");
                curve.push((label, n, r.iter().map(|p| of(p)).collect()));
            }
        }
    }
    if half == "test" {
        for n in [0usize, 25, 50, 100]
            .into_iter()
            .filter(|n| *n <= tune_ids.len())
        {
            let runs = data.other_texts(&tune_ids, &scored, n, settings, &ths);
            for (r, (_, extra)) in runs.iter().zip(&pairs) {
                let label =
                    format!("learning on other pages (tuning half){extra}: after {n} coded texts");
                curve.push((label, n, r.iter().map(|p| of(p)).collect()));
            }
        }
    }
    if half == "tune" && std::env::var("KLANKBORD_EVAL_GRID").is_ok() {
        grid(&data, &scored, &of, &themes, &norms);
    }

    for (kind, codes, pick) in [("Themes", &themes, 0usize), ("Norms", &norms, 1usize)] {
        let get = |r: &Run| -> Vec<Pair> {
            if pick == 0 {
                r.0.clone()
            } else {
                r.1.clone()
            }
        };
        println!("\n### {kind}\n");
        println!("| suggester | micro P | micro R | micro F1 (95% CI) | macro F1 (95% CI) |\n|---|---|---|---|---|");
        let line = |name: &str, pairs: &[Pair]| {
            let s = summary(pairs, codes);
            println!(
                "| {name} | {:.2} | {:.2} | {:.2} ({:.2}–{:.2}) | {:.2} ({:.2}–{:.2}) |",
                s.micro.0,
                s.micro.1,
                s.micro.2,
                s.micro_ci.0,
                s.micro_ci.1,
                s.macro_f1,
                s.macro_ci.0,
                s.macro_ci.1
            );
        };
        line("old cue matcher (baseline)", &get(&old));
        line("new, without learning", &get(&new));
        for (label, _, runs) in &curve {
            let f: Vec<Summary> = runs.iter().map(|r| summary(&get(r), codes)).collect();
            let mean = |g: &dyn Fn(&Summary) -> f64| f.iter().map(g).sum::<f64>() / f.len() as f64;
            println!(
                "| {label} (mean of {ORDERS} orders) | {:.2} | {:.2} | {:.2} ({:.2}–{:.2}) | {:.2} ({:.2}–{:.2}) |",
                mean(&|s| s.micro.0),
                mean(&|s| s.micro.1),
                mean(&|s| s.micro.2),
                mean(&|s| s.micro_ci.0),
                mean(&|s| s.micro_ci.1),
                mean(&|s| s.macro_f1),
                mean(&|s| s.macro_ci.0),
                mean(&|s| s.macro_ci.1),
            );
        }
        let mut systems: Vec<(String, Vec<Pair>)> =
            vec![("old".into(), get(&old)), ("new".into(), get(&new))];
        for (label, n, runs) in &curve {
            if *n == 50 && !label.contains("holding") {
                let name = if label.contains("own") {
                    "own texts"
                } else {
                    "other pages"
                };
                systems.push((
                    format!("learning after 50, {name} (order 1)"),
                    get(&runs[0]),
                ));
            }
        }
        let refs: Vec<(&str, &[Pair])> = systems
            .iter()
            .map(|(n, p)| (n.as_str(), p.as_slice()))
            .collect();
        per_code_table(kind, &half, &refs, codes);
    }

    if half.starts_with("tune") && std::env::var("KLANKBORD_EVAL_CUES").is_ok() {
        // Per cue: in how many texts it made a suggestion that the gold label has, and did not.
        let mut per_cue: BTreeMap<(String, String), (u32, u32)> = BTreeMap::new();
        for id in &scored {
            let g = &gold[*id];
            for i in suggester.suggest(&texts[*id]).items {
                let right = g.themes.contains(&i.code) || g.norms.contains(&i.code);
                for r in reasons(&i) {
                    let c = per_cue.entry((i.code.clone(), r)).or_default();
                    if right {
                        c.0 += 1;
                    } else {
                        c.1 += 1;
                    }
                }
            }
        }
        println!("\n### Cues on the tuning half (right / wrong)\n");
        for ((code, cue), (right, wrong)) in &per_cue {
            println!("{code}\t{cue}\t{right}\t{wrong}");
        }
    }

    if half.starts_with("tune") && std::env::var("KLANKBORD_EVAL_ERRORS").is_ok() {
        println!("\n### Errors on the tuning half\n");
        for id in &scored {
            let s = suggester.suggest(&texts[*id]);
            let got = s.codes();
            let g = &gold[*id];
            let want: Codes = g.themes.union(&g.norms).cloned().collect();
            let extra: Vec<&String> = got.difference(&want).collect();
            let missed: Vec<&String> = want.difference(&got).collect();
            if extra.is_empty() && missed.is_empty() {
                continue;
            }
            println!("{id}: extra {extra:?} missed {missed:?}");
            for i in &s.items {
                if extra.contains(&&i.code) {
                    println!("    {} ← {:?}", i.code, i.cues);
                }
            }
            println!("    {}", texts[*id].chars().take(300).collect::<String>());
        }
    }

    println!("\n### Agreement between the two coders (Cohen's kappa, all texts)\n");
    match (read(&dir, "coder_a.tsv"), read(&dir, "coder_b.tsv")) {
        (Some(a), Some(b)) => {
            let (a, b) = (labels(&a), labels(&b));
            println!("Themes:");
            kappa(&a, &b, &themes, false);
            println!("\nNorms:");
            kappa(&a, &b, &norms, true);
        }
        _ => println!("coder_a.tsv and coder_b.tsv are not both there."),
    }

    // The report's method text takes its figures from constants (src/monitor/coding/method.rs);
    // they must be what this program measures on the test half.
    if half == "test" && gold_name == "gold.tsv" {
        let f1 = |pairs: &[Pair], codes: &[&str]| {
            let r: Vec<&Pair> = pairs.iter().collect();
            micro(&r, codes).prf().2
        };
        let theme_f1 = f1(&new.0, &themes);
        let norm_f1 = f1(&new.1, &norms);
        let same =
            |measured: f64, written: f64| format!("{measured:.2}") == format!("{written:.2}");
        if !same(theme_f1, EVAL_THEME_F1)
            || !same(norm_f1, EVAL_NORM_F1)
            || scored.len() != EVAL_TEXTS as usize
        {
            eprintln!(
                "\nMISMATCH: measured on {} texts theme F1 {theme_f1:.2}, norm F1 {norm_f1:.2}; the \
                 report's method text says {EVAL_TEXTS} texts, {EVAL_THEME_F1:.2} and \
                 {EVAL_NORM_F1:.2}. Update src/monitor/coding/method.rs and BENCHMARKS.md.",
                scored.len()
            );
            std::process::exit(1);
        }
        println!(
            "\nThe report's method text (src/monitor/coding/method.rs) gives these figures: {EVAL_TEXTS} texts, themes {EVAL_THEME_F1:.2}, norms {EVAL_NORM_F1:.2}."
        );
    }
}
