//! The learning step in the coding benchmark (see `../coding.rs`): models trained on coded texts
//! whose gold labels stand in for the researcher's codes, in fixed orders.

use std::collections::{BTreeMap, BTreeSet};

use klankbord::monitor::coding::{Stems, Suggester, Suggestions};
use klankbord::monitor::learning::{features, reasons, Example, Model, Settings, SETTINGS};

use super::{micro, Pair, Run};

pub type Codes = BTreeSet<String>;

/// A small deterministic generator (xorshift), so the intervals and orders are the same every run.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The orders the coded texts are taken in.
pub const ORDERS: u64 = 5;

/// What the models learn from and are applied to, computed once per text.
pub struct Data {
    /// Text id → the coded text as the model learns it (gold labels as her codes).
    pub examples: BTreeMap<String, Example>,
    /// Text id → the cue suggestions (without learning).
    pub cues: BTreeMap<String, Suggestions>,
    /// Text id → text.
    pub texts: BTreeMap<String, String>,
    pub stems: Stems,
    pub allowed: Codes,
}

impl Data {
    /// `chosen`: the gold codes of a text (themes and norms).
    pub fn new(
        ids: &[&String],
        texts: &BTreeMap<String, String>,
        chosen: &dyn Fn(&str) -> Codes,
        suggester: &Suggester,
        allowed: Codes,
    ) -> Data {
        let stems = Stems::new("nl");
        let mut d = Data {
            examples: BTreeMap::new(),
            cues: BTreeMap::new(),
            texts: BTreeMap::new(),
            stems,
            allowed,
        };
        for id in ids {
            let text = &texts[*id];
            let s = suggester.suggest(text);
            d.examples.insert(
                (*id).clone(),
                Example {
                    features: features(text, &d.stems),
                    chosen: chosen(id),
                    suggested: s
                        .items
                        .iter()
                        .map(|i| (i.code.clone(), reasons(i)))
                        .collect(),
                },
            );
            d.cues.insert((*id).clone(), s);
            d.texts.insert((*id).clone(), text.clone());
        }
        d
    }

    /// A model trained on the first `n` texts of `pool` in order `seed`.
    pub fn train(&self, pool: &[&String], n: usize, seed: u64, settings: Settings) -> Model {
        let mut order: Vec<&String> = pool.to_vec();
        let mut rng = Rng(seed.wrapping_mul(0x2545_f491_4f6c_dd1d));
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let coded: Vec<Example> = order
            .iter()
            .take(n)
            .map(|id| self.examples[*id].clone())
            .collect();
        Model::learn_with(&coded, settings)
    }

    /// The codes suggested for a text with a model: (add_from, keep_from).
    pub fn predict(&self, model: &Model, id: &str, thresholds: (f64, f64)) -> Codes {
        let mut s = self.cues[id].clone();
        model.apply(
            &self.texts[id],
            &self.stems,
            &mut s,
            &self.allowed,
            thresholds.0,
            thresholds.1,
        );
        s.codes()
    }

    /// Trained on the first `n` of `pool`, applied to `scored`: per threshold pair, per order,
    /// the predictions in the order of `scored`.
    pub fn other_texts(
        &self,
        pool: &[&String],
        scored: &[&String],
        n: usize,
        settings: Settings,
        thresholds: &[(f64, f64)],
    ) -> Vec<Vec<Vec<Codes>>> {
        let mut out = vec![vec![]; thresholds.len()];
        for seed in 1..=ORDERS {
            let model = self.train(pool, n, seed, settings);
            for (t, th) in thresholds.iter().enumerate() {
                out[t].push(
                    scored
                        .iter()
                        .map(|id| self.predict(&model, id, *th))
                        .collect(),
                );
            }
        }
        out
    }

    /// Her own texts: the scored half split in its even and odd rows; each row is predicted by
    /// the model trained on the first `n` texts of the other rows. Per threshold pair, per order,
    /// the predictions in the order of `scored`.
    pub fn own_texts(
        &self,
        scored: &[&String],
        n: usize,
        settings: Settings,
        thresholds: &[(f64, f64)],
    ) -> Vec<Vec<Vec<Codes>>> {
        let even: Vec<&String> = scored.iter().step_by(2).copied().collect();
        let odd: Vec<&String> = scored.iter().skip(1).step_by(2).copied().collect();
        let mut out = vec![vec![]; thresholds.len()];
        for seed in 1..=ORDERS {
            let on_odd = self.train(&even, n, seed, settings);
            let on_even = self.train(&odd, n, seed, settings);
            for (t, th) in thresholds.iter().enumerate() {
                out[t].push(
                    scored
                        .iter()
                        .enumerate()
                        .map(|(i, id)| {
                            let model = if i % 2 == 0 { &on_even } else { &on_odd };
                            self.predict(model, id, *th)
                        })
                        .collect(),
                );
            }
        }
        out
    }
}

/// The learning settings: the ones in use, or others from `KLANKBORD_EVAL_ADD_FROM`,
/// `_KEEP_FROM`, `_PENALTY`, `_TRUST`, `_CUE_PRIOR`, `_BIAS_PRIOR` (to try on the tuning half).
pub fn settings_from_env() -> Settings {
    let get = |name: &str, default: f64| -> f64 {
        std::env::var(format!("KLANKBORD_EVAL_{name}"))
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    Settings {
        add_from: get("ADD_FROM", SETTINGS.add_from),
        keep_from: get("KEEP_FROM", SETTINGS.keep_from),
        penalty: get("PENALTY", SETTINGS.penalty),
        trust: get("TRUST", SETTINGS.trust),
        cue_prior: get("CUE_PRIOR", SETTINGS.cue_prior),
        bias_prior: get("BIAS_PRIOR", SETTINGS.bias_prior),
        bias_trust: get("BIAS_TRUST", SETTINGS.bias_trust),
    }
}

/// Tuning half only (`KLANKBORD_EVAL_GRID=1`): micro F1 on its own texts after 25 and 50 coded
/// texts for a grid of settings (mean of the orders, no intervals).
pub fn grid(
    data: &Data,
    scored: &[&String],
    of: &dyn Fn(&[Codes]) -> Run,
    themes: &[&str],
    norms: &[&str],
) {
    let never = 2.0;
    let thresholds: Vec<(f64, f64)> = [0.6, never]
        .into_iter()
        .flat_map(|a| [0.0, 0.2, 0.3, 0.35].into_iter().map(move |k| (a, k)))
        .collect();
    let base = SETTINGS;
    let trainings = [
        base,
        Settings { trust: 4.0, ..base },
        Settings {
            bias_trust: 2.0,
            ..base
        },
        Settings {
            penalty: 1.0,
            ..base
        },
        Settings {
            cue_prior: 2.5,
            bias_prior: -2.5,
            ..base
        },
    ];
    println!("\n### Learning settings on the tuning half (micro F1 themes / norms, mean of {ORDERS} orders)\n");
    println!("| penalty | trust | cue prior | bias prior | bias trust | add from | keep from | after 25 | after 50 |\n|---|---|---|---|---|---|---|---|---|");
    let f1 = |runs: &[Vec<Codes>], pick: usize| -> f64 {
        let codes = if pick == 0 { themes } else { norms };
        let total: f64 = runs
            .iter()
            .map(|p| {
                let r = of(p);
                let pairs = if pick == 0 { r.0 } else { r.1 };
                let refs: Vec<&Pair> = pairs.iter().collect();
                micro(&refs, codes).prf().2
            })
            .sum();
        total / runs.len() as f64
    };
    for t in trainings {
        let at: Vec<Vec<Vec<Vec<Codes>>>> = [25, 50]
            .iter()
            .map(|n| data.own_texts(scored, *n, t, &thresholds))
            .collect();
        for (i, (a, k)) in thresholds.iter().enumerate() {
            println!(
                "| {} | {} | {} | {} | {} | {} | {} | {:.3} / {:.3} | {:.3} / {:.3} |",
                t.penalty,
                t.trust,
                t.cue_prior,
                t.bias_prior,
                t.bias_trust,
                if *a > 1.0 {
                    "never".into()
                } else {
                    a.to_string()
                },
                k,
                f1(&at[0][i], 0),
                f1(&at[0][i], 1),
                f1(&at[1][i], 0),
                f1(&at[1][i], 1)
            );
        }
    }
}
