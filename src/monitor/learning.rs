//! Learning from the researcher. Two small, explainable steps, both trained only on the codes she
//! chose, both rebuilt deterministically from the stored codes (so every instance learns the
//! same, and a new coding changes the next suggestion):
//!
//! 1. **Re-ranking the cues.** For each cue (and each theme that brings a norm) the model counts
//!    how often its suggestion was kept and how often left unticked in the texts she coded. A cue
//!    she left unticked at least [`DROP_MIN`] times and kept in under [`DROP_BELOW`] of its texts
//!    no longer suggests that code.
//! 2. **Adding codes.** Per code she gave at least [`MIN_POSITIVE`] times, a logistic regression on
//!    the stems and word pairs of the texts (features seen in at least two coded texts), with a
//!    strong L2 penalty and a fixed number of full-batch gradient steps from zero (deterministic).
//!    It adds a code the cues did not find when its probability is at least [`ADD_FROM`]; its
//!    reason is the words with the largest weights in the text.
//!
//! An earlier version used naive Bayes: on a few dozen texts it was far too sure of itself (the
//! features of one text are far from independent), and every threshold tried lowered F1. The
//! regression's penalty keeps its probabilities modest, so it adds a code only where the words
//! clearly carry it. Its effect is measured in `cargo bench --bench coding` (BENCHMARKS.md).

use std::collections::{BTreeMap, BTreeSet};

use super::coding::{Stems, Suggestion, Suggestions, Via};

/// A code is learned once the researcher gave it this often.
pub const MIN_POSITIVE: u32 = 3;
/// The model adds a code from this probability on (chosen on the tuning half, BENCHMARKS.md).
pub const ADD_FROM: f64 = 0.6;
/// A cue's suggestion is dropped when she left it unticked at least this often ...
pub const DROP_MIN: u32 = 3;
/// ... and kept it in less than this share of the texts where it fired.
pub const DROP_BELOW: f64 = 0.25;
/// L2 penalty of the regression (per text).
pub const PENALTY: f64 = 0.05;
/// Gradient steps.
const STEPS: usize = 150;
/// Step size.
const RATE: f64 = 1.0;

/// Short words that carry no meaning for coding.
const STOP: &[&str] = &[
    "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "is", "er", "ik", "je", "hij",
    "zij", "ze", "we", "wij", "u", "haar", "zijn", "hun", "met", "voor", "aan", "om", "als", "bij",
    "naar", "ook", "nog", "maar", "dan", "of", "wat", "was", "werd", "wordt", "heeft", "had",
    "hebben", "mijn", "me", "mij", "dit", "deze", "zo", "al", "uit", "door", "over", "tot", "kan",
    "kon", "zal", "moet", "the", "a", "an", "and", "of", "to", "in", "is", "was", "it", "i", "my",
];

/// The features of a text: stems of its words (no stop words, no numbers) and pairs of
/// neighbouring stems.
pub fn features(text: &str, stems: &Stems) -> BTreeSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    let mut out = BTreeSet::new();
    let mut prev: Option<String> = None;
    for w in &words {
        let s = stems.stem(w);
        if !STOP.contains(&w.as_str()) && !w.chars().all(|c| c.is_ascii_digit()) && s.len() > 2 {
            out.insert(s.clone());
        }
        if let Some(p) = &prev {
            out.insert(format!("{p} {s}"));
        }
        prev = Some(s);
    }
    out
}

/// One coded text as the model learns from it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Example {
    /// [`features`] of the text.
    pub features: BTreeSet<String>,
    /// The codes she chose.
    pub chosen: BTreeSet<String>,
    /// The codes the cues suggested for it (without the model), with what suggested each:
    /// [`reasons`].
    pub suggested: Vec<(String, Vec<String>)>,
}

/// What made a suggestion, as the re-ranking counts it: each cue that matched, or the theme that
/// brought a norm.
pub fn reasons(s: &Suggestion) -> Vec<String> {
    match &s.via {
        Via::Cues => s.cues.clone(),
        Via::Theme(t) => vec![format!("thema:{t}")],
        Via::Model(_) => vec![],
    }
}

/// One code's regression.
#[derive(Debug, Clone, Default, PartialEq)]
struct Weights {
    bias: f64,
    /// Feature → weight (features with weight zero are left out).
    w: BTreeMap<String, f64>,
}

/// The trained model.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Model {
    docs: u32,
    /// Code → its regression.
    codes: BTreeMap<String, Weights>,
    /// (code, reason) → (kept, left unticked).
    cues: BTreeMap<(String, String), (u32, u32)>,
}

/// What the model says about one code for one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Score {
    /// Code.
    pub code: String,
    /// Probability.
    pub p: f64,
    /// The features that weighed most for it.
    pub because: Vec<String>,
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

impl Model {
    /// Trains on coded texts: (features, chosen codes), without re-ranking of cues.
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
        Model::learn_with(examples, PENALTY)
    }

    /// [`Model::learn`] with another penalty (the benchmark tries several on the tuning half).
    pub fn learn_with(examples: &[Example], penalty: f64) -> Model {
        let mut m = Model {
            docs: examples.len() as u32,
            ..Model::default()
        };
        for e in examples {
            for (code, why) in &e.suggested {
                let kept = e.chosen.contains(code);
                for r in why {
                    let c = m.cues.entry((code.clone(), r.clone())).or_default();
                    if kept {
                        c.0 += 1;
                    } else {
                        c.1 += 1;
                    }
                }
            }
        }
        // The vocabulary: features in at least two texts, numbered in sorted order.
        let mut seen: BTreeMap<&String, u32> = BTreeMap::new();
        for e in examples {
            for f in &e.features {
                *seen.entry(f).or_default() += 1;
            }
        }
        let vocab: Vec<&String> = seen
            .iter()
            .filter(|(_, n)| **n >= 2)
            .map(|(f, _)| *f)
            .collect();
        let index: BTreeMap<&String, usize> =
            vocab.iter().enumerate().map(|(i, f)| (*f, i)).collect();
        let rows: Vec<Vec<usize>> = examples
            .iter()
            .map(|e| {
                e.features
                    .iter()
                    .filter_map(|f| index.get(f).copied())
                    .collect()
            })
            .collect();
        let mut given: BTreeMap<&String, u32> = BTreeMap::new();
        for e in examples {
            for c in &e.chosen {
                *given.entry(c).or_default() += 1;
            }
        }
        let n = examples.len() as f64;
        for (code, pos) in given {
            if pos < MIN_POSITIVE || pos >= m.docs {
                continue;
            }
            let y: Vec<f64> = examples
                .iter()
                .map(|e| if e.chosen.contains(code) { 1.0 } else { 0.0 })
                .collect();
            let mut w = vec![0.0; vocab.len()];
            let mut bias = 0.0;
            let mut grad = vec![0.0; vocab.len()];
            for _ in 0..STEPS {
                grad.iter_mut().for_each(|g| *g = 0.0);
                let mut grad_bias = 0.0;
                for (row, target) in rows.iter().zip(&y) {
                    let z = bias + row.iter().map(|&i| w[i]).sum::<f64>();
                    let err = sigmoid(z) - target;
                    grad_bias += err;
                    for &i in row {
                        grad[i] += err;
                    }
                }
                bias -= RATE * grad_bias / n;
                for (wi, gi) in w.iter_mut().zip(&grad) {
                    *wi -= RATE * (gi / n + penalty * *wi);
                }
            }
            m.codes.insert(
                code.clone(),
                Weights {
                    bias,
                    w: vocab
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

    /// The scores of every learned code for a text's features.
    pub fn scores(&self, features: &BTreeSet<String>) -> Vec<Score> {
        let mut out = vec![];
        for (code, weights) in &self.codes {
            let mut z = weights.bias;
            let mut found: Vec<(f64, &String)> = vec![];
            for f in features {
                if let Some(x) = weights.w.get(f) {
                    z += x;
                    found.push((*x, f));
                }
            }
            found.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
            out.push(Score {
                code: code.clone(),
                p: sigmoid(z),
                because: found
                    .iter()
                    .filter(|(x, _)| *x > 0.0)
                    .take(3)
                    .map(|(_, f)| (*f).clone())
                    .collect(),
            });
        }
        out
    }

    /// Whether she has left a suggestion for this reason unticked so often that it no longer
    /// counts.
    pub fn dropped(&self, code: &str, reason: &str) -> bool {
        let Some(&(kept, left)) = self.cues.get(&(code.to_string(), reason.to_string())) else {
            return false;
        };
        left >= DROP_MIN && (kept as f64) < DROP_BELOW * (kept + left) as f64
    }

    /// Re-ranks the cue suggestions (drops those whose every reason she keeps leaving unticked) and
    /// adds the codes the model is sure of, with the words that weighed most as their reason.
    /// `allowed` are the codes that may be suggested (the active codebook).
    pub fn add_to(
        &self,
        text: &str,
        stems: &Stems,
        suggestions: &mut Suggestions,
        allowed: &BTreeSet<String>,
    ) {
        self.add_from(text, stems, suggestions, allowed, ADD_FROM);
    }

    /// [`Model::add_to`] with another threshold (the benchmark tries several on the tuning half).
    pub fn add_from(
        &self,
        text: &str,
        stems: &Stems,
        suggestions: &mut Suggestions,
        allowed: &BTreeSet<String>,
        add_from: f64,
    ) {
        if !suggestions.supported {
            return;
        }
        suggestions.items.retain(|s| {
            let why = reasons(s);
            why.is_empty() || !why.iter().all(|r| self.dropped(&s.code, r))
        });
        let features = features(text, stems);
        for s in self.scores(&features) {
            if s.p < add_from
                || !allowed.contains(&s.code)
                || suggestions.items.iter().any(|i| i.code == s.code)
            {
                continue;
            }
            suggestions.items.push(Suggestion {
                code: s.code.clone(),
                spans: spans_of(text, stems, &s.because),
                cues: s.because.clone(),
                via: Via::Model(s.p),
            });
        }
    }
}

/// Where the words of some features stand in a text.
fn spans_of(text: &str, stems: &Stems, because: &[String]) -> Vec<(usize, usize)> {
    let wanted: BTreeSet<&str> = because
        .iter()
        .flat_map(|f| f.split(' '))
        .filter(|w| !STOP.contains(w))
        .collect();
    let mut out = vec![];
    let mut start = None;
    for (i, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let in_word = c.is_alphanumeric() && i < text.len();
        match (in_word, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                if wanted.contains(stems.stem(&text[s..i].to_lowercase()).as_str()) {
                    out.push((s, i));
                }
                start = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::monitor::coding::{Language, Suggester};

    // Sentences written for these tests.
    fn example(text: &str, codes: &[&str], stems: &Stems) -> (BTreeSet<String>, BTreeSet<String>) {
        (
            features(text, stems),
            codes.iter().map(|c| c.to_string()).collect(),
        )
    }

    fn set(codes: &[&str]) -> BTreeSet<String> {
        codes.iter().map(|c| c.to_string()).collect()
    }

    fn empty() -> Suggestions {
        Suggestions {
            language: Language::Known("nl"),
            supported: true,
            items: vec![],
        }
    }

    #[test]
    fn features_are_stems_and_pairs_without_stop_words() {
        let s = Stems::new("nl");
        let f = features("De brieven van de gemeente", &s);
        assert!(f.contains("briev") && f.contains("gemeent"));
        assert!(f.contains("briev van"));
        assert!(!f.contains("de"));
    }

    /// What the researcher sees: she coded a handful of texts about parking permits with her own
    /// theme "vervoer" (words no cue knows), and other texts with other codes. A new text about a
    /// parking permit now gets "vervoer" suggested, with the word that carried it highlighted.
    #[test]
    fn the_model_learns_a_theme_the_cues_do_not_know_and_says_why() {
        let s = Stems::new("nl");
        let coded = vec![
            example(
                "De parkeervergunning voor mijn bus was veel te duur.",
                &["vervoer"],
                &s,
            ),
            example(
                "Ik kreeg geen parkeervergunning bij mijn huis.",
                &["vervoer"],
                &s,
            ),
            example(
                "Waarom kost een parkeervergunning zoveel geld?",
                &["vervoer"],
                &s,
            ),
            example(
                "Mijn parkeervergunning werd zomaar niet verlengd.",
                &["vervoer"],
                &s,
            ),
            example(
                "De parkeervergunning kwam pas na een maand.",
                &["vervoer", "lang_wachten"],
                &s,
            ),
            example(
                "Een parkeervergunning aanvragen vond ik lastig.",
                &["vervoer"],
                &s,
            ),
            example(
                "De medewerker was aardig en hielp mij goed.",
                &["positief"],
                &s,
            ),
            example("Ik ben tevreden over mijn consulent.", &["positief"], &s),
            example(
                "Fijn dat de gemeente meedacht over mijn schulden.",
                &["positief"],
                &s,
            ),
            example(
                "Ik wacht al weken op mijn uitkering.",
                &["lang_wachten"],
                &s,
            ),
            example(
                "Niemand belde mij terug over de bijstand.",
                &["onbereikbaar"],
                &s,
            ),
            example("Het formulier voor de toeslag was ingewikkeld.", &[], &s),
        ];
        let model = Model::train(&coded);
        assert_eq!(model.texts(), 12);
        let text = "Is de parkeervergunning nu weer duurder geworden?";
        let allowed = set(&["vervoer", "positief", "lang_wachten", "onbereikbaar"]);
        let mut got = empty();
        model.add_to(text, &s, &mut got, &allowed);
        let learned = got
            .items
            .iter()
            .find(|i| i.code == "vervoer")
            .expect("learned");
        assert!(matches!(learned.via, Via::Model(p) if p >= ADD_FROM));
        assert!(
            learned.cues.iter().any(|c| c.contains("parkeervergunn")),
            "{:?}",
            learned.cues
        );
        assert_eq!(
            &text[learned.spans[0].0..learned.spans[0].1],
            "parkeervergunning"
        );
        // Nothing else is suggested for it.
        assert_eq!(got.codes(), set(&["vervoer"]));
        // A text on something else does not get it.
        let mut other = empty();
        model.add_to(
            "De medewerker was erg aardig tegen mij.",
            &s,
            &mut other,
            &allowed,
        );
        assert!(!other.codes().contains("vervoer"), "{:?}", other.codes());
        // A code not in the active codebook is not suggested.
        let mut again = empty();
        model.add_to(text, &s, &mut again, &BTreeSet::new());
        assert!(again.items.is_empty());
        // Trained twice on the same codes, the model is the same: deterministic.
        assert_eq!(Model::train(&coded), model);
    }

    #[test]
    fn a_cue_she_keeps_leaving_unticked_no_longer_suggests_its_code() {
        let s = Stems::new("nl");
        let suggester = Suggester::built_in();
        let text = "Ik kreeg een boete en moest het geld terugbetalen.";
        let before = suggester.suggest(text);
        assert!(
            before.codes().contains("evenredigheid"),
            "{:?}",
            before.codes()
        );
        // She coded three texts where "terugbetalen" suggested evenredigheid, and left it
        // unticked each time.
        let examples: Vec<Example> = [
            "Ik moest de toeslag terugbetalen, dat klopte ook.",
            "Het voorschot moest ik terugbetalen, zoals afgesproken.",
            "Ik ga het bedrag in delen terugbetalen.",
        ]
        .iter()
        .map(|t| {
            let sug = suggester.suggest(t);
            Example {
                features: features(t, &s),
                chosen: BTreeSet::new(),
                suggested: sug
                    .items
                    .iter()
                    .map(|i| (i.code.clone(), reasons(i)))
                    .collect(),
            }
        })
        .collect();
        let model = Model::learn(&examples);
        let mut after = suggester.suggest("Ik moest alles terugbetalen.");
        assert!(after.codes().contains("evenredigheid"));
        model.add_to(
            "Ik moest alles terugbetalen.",
            &s,
            &mut after,
            &set(&["evenredigheid"]),
        );
        assert!(
            !after.codes().contains("evenredigheid"),
            "{:?}",
            after.codes()
        );
        // A suggestion with another reason she did not reject stays.
        let mut boete = suggester.suggest(text);
        model.add_to(text, &s, &mut boete, &set(&["evenredigheid"]));
        assert!(
            boete.codes().contains("evenredigheid"),
            "{:?}",
            boete.codes()
        );
    }

    #[test]
    fn a_code_given_less_than_three_times_is_not_learned() {
        let s = Stems::new("nl");
        let coded = vec![
            example("De parkeervergunning was duur.", &["vervoer"], &s),
            example("De parkeervergunning kwam laat.", &["vervoer"], &s),
            example("Aardig geholpen.", &[], &s),
        ];
        let model = Model::train(&coded);
        assert!(model
            .scores(&features("De parkeervergunning.", &s))
            .is_empty());
    }
}
