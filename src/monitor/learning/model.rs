//! The per-code regressions: training (deterministic full-batch gradient steps from the
//! "trust the cues" starting point) and applying them to a text's suggestions.

use std::collections::{BTreeMap, BTreeSet};

use super::super::coding::{HeldBack, Stems, Suggestion, Suggestions, Via};
use super::{features, reasons, spans_of, Example, Settings, SETTINGS};

/// Gradient steps.
const STEPS: usize = 500;
/// Step size (on the loss divided by the number of texts plus the largest penalty).
const RATE: f64 = 0.5;

/// The feature "the cues suggested this code".
fn suggested_feature(code: &str) -> String {
    format!("voorstel:{code}")
}

/// The feature "this cue suggested the code" (in that code's own regression).
fn cue_feature(reason: &str) -> String {
    format!("woord:{reason}")
}

/// One code's regression.
#[derive(Debug, Clone, Default, PartialEq)]
struct Weights {
    bias: f64,
    /// Feature → weight (word weights of zero are left out).
    w: BTreeMap<String, f64>,
}

/// The trained model.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    docs: u32,
    settings: Settings,
    /// Word features seen in at least two coded texts.
    vocab: BTreeSet<String>,
    /// Code → its regression.
    codes: BTreeMap<String, Weights>,
    /// Code → (texts where the cues suggested it, of which she chose it).
    counts: BTreeMap<String, (u32, u32)>,
}

impl Default for Model {
    fn default() -> Model {
        Model {
            docs: 0,
            settings: SETTINGS,
            vocab: BTreeSet::new(),
            codes: BTreeMap::new(),
            counts: BTreeMap::new(),
        }
    }
}

/// What the model says about one code for one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Code.
    pub code: String,
    /// Probability.
    pub p: f64,
    /// The words that weighed most for it.
    pub because: Vec<String>,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// A text as one code's regression sees it: feature → value.
fn row(
    code: &str,
    words: &BTreeSet<String>,
    vocab: &BTreeSet<String>,
    suggested: &[(String, Vec<String>)],
) -> BTreeMap<String, f64> {
    let known: Vec<&String> = words.iter().filter(|w| vocab.contains(*w)).collect();
    let scale = 1.0 / (known.len().max(1) as f64).sqrt();
    let mut x: BTreeMap<String, f64> = known.into_iter().map(|w| (w.clone(), scale)).collect();
    for (c, why) in suggested {
        x.insert(suggested_feature(c), 1.0);
        if c == code {
            for r in why {
                x.insert(cue_feature(r), 1.0);
            }
        }
    }
    x
}

impl Model {
    /// Trains on coded texts: (features, chosen codes), without the cue suggestions they had.
    pub fn train(coded: &[(BTreeSet<String>, BTreeSet<String>)]) -> Model {
        let examples: Vec<Example> = coded
            .iter()
            .map(|(features, chosen)| Example {
                features: features.clone(),
                chosen: chosen.clone(),
                suggested: vec![],
            })
            .collect();
        Model::learn(&examples)
    }

    /// Trains on coded texts with the cue suggestions they had.
    pub fn learn(examples: &[Example]) -> Model {
        Model::learn_with(examples, SETTINGS)
    }

    /// [`Model::learn`] with other settings (the benchmark tries several on the tuning half).
    pub fn learn_with(examples: &[Example], settings: Settings) -> Model {
        let mut m = Model {
            docs: examples.len() as u32,
            settings,
            ..Model::default()
        };
        let mut seen: BTreeMap<&String, u32> = BTreeMap::new();
        let mut codes: BTreeSet<&String> = BTreeSet::new();
        for e in examples {
            for f in &e.features {
                *seen.entry(f).or_default() += 1;
            }
            codes.extend(e.chosen.iter());
            for (code, _) in &e.suggested {
                codes.insert(code);
                let c = m.counts.entry(code.clone()).or_default();
                c.0 += 1;
                if e.chosen.contains(code) {
                    c.1 += 1;
                }
            }
        }
        m.vocab = seen
            .into_iter()
            .filter(|(_, n)| *n >= 2)
            .map(|(f, _)| f.clone())
            .collect();
        let n = examples.len() as f64;
        let step = RATE
            / (n + settings
                .penalty
                .max(settings.trust)
                .max(settings.bias_trust));
        for code in codes {
            // Features numbered per code, in sorted order (deterministic).
            let rows: Vec<BTreeMap<String, f64>> = examples
                .iter()
                .map(|e| row(code, &e.features, &m.vocab, &e.suggested))
                .collect();
            let names: BTreeSet<&String> = rows.iter().flat_map(|r| r.keys()).collect();
            let names: Vec<&String> = names.into_iter().collect();
            let index: BTreeMap<&String, usize> =
                names.iter().enumerate().map(|(i, f)| (*f, i)).collect();
            let own = suggested_feature(code);
            // The starting point and each weight's penalty.
            let prior: Vec<f64> = names
                .iter()
                .map(|f| if **f == own { settings.cue_prior } else { 0.0 })
                .collect();
            let pull: Vec<f64> = names
                .iter()
                .map(|f| {
                    if f.starts_with("voorstel:") || f.starts_with("woord:") {
                        settings.trust
                    } else {
                        settings.penalty
                    }
                })
                .collect();
            let sparse: Vec<Vec<(usize, f64)>> = rows
                .iter()
                .map(|r| r.iter().map(|(f, x)| (index[f], *x)).collect())
                .collect();
            let y: Vec<f64> = examples
                .iter()
                .map(|e| if e.chosen.contains(code) { 1.0 } else { 0.0 })
                .collect();
            let mut w = prior.clone();
            let mut bias = settings.bias_prior;
            let mut grad = vec![0.0; names.len()];
            for _ in 0..STEPS {
                for ((g, wi), (p, l)) in grad.iter_mut().zip(&w).zip(prior.iter().zip(&pull)) {
                    *g = l * (wi - p);
                }
                let mut grad_bias = settings.bias_trust * (bias - settings.bias_prior);
                for (x, target) in sparse.iter().zip(&y) {
                    let z = bias + x.iter().map(|&(i, v)| w[i] * v).sum::<f64>();
                    let err = sigmoid(z) - target;
                    grad_bias += err;
                    for &(i, v) in x {
                        grad[i] += err * v;
                    }
                }
                bias -= step * grad_bias;
                for (wi, gi) in w.iter_mut().zip(&grad) {
                    *wi -= step * gi;
                }
            }
            m.codes.insert(
                code.clone(),
                Weights {
                    bias,
                    w: names
                        .iter()
                        .zip(&w)
                        .filter(|(_, x)| x.abs() > 1e-9)
                        .map(|(f, x)| ((*f).clone(), *x))
                        .collect(),
                },
            );
        }
        m
    }

    /// Texts trained on.
    pub fn texts(&self) -> u32 {
        self.docs
    }

    /// The settings it was trained with.
    pub fn settings(&self) -> Settings {
        self.settings
    }

    /// In how many coded texts the cues suggested a code, and in how many of those she chose it.
    pub fn counts(&self, code: &str) -> (u32, u32) {
        self.counts.get(code).copied().unwrap_or_default()
    }

    /// The model's probability of a code for a text: its word features and the cue suggestions
    /// it got. `None` for a code the model knows nothing of.
    pub fn score(
        &self,
        code: &str,
        words: &BTreeSet<String>,
        suggested: &[(String, Vec<String>)],
    ) -> Option<Score> {
        let weights = self.codes.get(code)?;
        let x = row(code, words, &self.vocab, suggested);
        let mut z = weights.bias;
        let mut found: Vec<(f64, &String)> = vec![];
        for (f, v) in &x {
            if let Some(w) = weights.w.get(f) {
                z += w * v;
                if !f.contains(':') {
                    found.push((w * v, f));
                }
            }
        }
        found.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
        Some(Score {
            code: code.to_string(),
            p: sigmoid(z),
            because: found
                .iter()
                .filter(|(x, _)| *x > 0.0)
                .take(3)
                .map(|(_, f)| (*f).clone())
                .collect(),
        })
    }

    /// The scores of every learned code for a text's features, without cue suggestions.
    pub fn scores(&self, features: &BTreeSet<String>) -> Vec<Score> {
        self.codes
            .keys()
            .filter_map(|c| self.score(c, features, &[]))
            .collect()
    }

    /// Holds back the cue suggestions her codes contradict and adds the codes the model is sure
    /// of, with the words that weighed most as their reason. `allowed` are the codes that may be
    /// suggested (the active codebook).
    pub fn add_to(
        &self,
        text: &str,
        stems: &Stems,
        suggestions: &mut Suggestions,
        allowed: &BTreeSet<String>,
    ) {
        let s = self.settings;
        self.apply(text, stems, suggestions, allowed, s.add_from, s.keep_from);
    }

    /// [`Model::add_to`] with other thresholds (the benchmark tries several on the tuning half).
    pub fn apply(
        &self,
        text: &str,
        stems: &Stems,
        suggestions: &mut Suggestions,
        allowed: &BTreeSet<String>,
        add_from: f64,
        keep_from: f64,
    ) {
        if !suggestions.supported || self.docs == 0 {
            return;
        }
        let words = features(text, stems);
        let by_cues: Vec<(String, Vec<String>)> = suggestions
            .items
            .iter()
            .filter(|i| !matches!(i.via, Via::Model(_)))
            .map(|i| (i.code.clone(), reasons(i)))
            .collect();
        let items = std::mem::take(&mut suggestions.items);
        for item in items {
            match self.score(&item.code, &words, &by_cues) {
                Some(score) if score.p < keep_from && !matches!(item.via, Via::Model(_)) => {
                    let (suggested, kept) = self.counts(&item.code);
                    suggestions.held_back.push(HeldBack {
                        suggestion: item,
                        p: score.p,
                        suggested,
                        kept,
                    });
                }
                _ => suggestions.items.push(item),
            }
        }
        for code in self.codes.keys() {
            if !allowed.contains(code)
                || suggestions.items.iter().any(|i| &i.code == code)
                || suggestions
                    .held_back
                    .iter()
                    .any(|h| &h.suggestion.code == code)
            {
                continue;
            }
            let Some(score) = self.score(code, &words, &by_cues) else {
                continue;
            };
            if score.p < add_from {
                continue;
            }
            suggestions.items.push(Suggestion {
                code: code.clone(),
                spans: spans_of(text, stems, &score.because),
                cues: score.because.clone(),
                via: Via::Model(score.p),
            });
        }
    }
}
