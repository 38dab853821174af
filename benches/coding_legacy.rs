//! The cue matcher as it was before issue 19 (word starts and literal phrases, themes only), kept
//! here only as the baseline of `cargo bench --bench coding`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure
#![allow(dead_code)]

use std::collections::BTreeSet;

/// A theme of the codebook with its cues.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    /// Code.
    pub code: &'static str,
    /// Name shown.
    pub name: &'static str,
    /// Word stems (matched against stemmed words) and phrases (matched against the stemmed text).
    pub cues: &'static [&'static str],
}

/// The seeded themes: what complainants and respondents actually say (domain brief §4), plus the
/// positive side. Stems are lower case, without the usual endings.
pub const THEMES: &[Theme] = &[
    Theme {
        code: "niet_gehoord",
        name: "Niet gehoord of niet geluisterd",
        cues: &[
            "luister",
            "niet gehoord",
            "geen gehoor",
            "mijn kant",
            "mijn verhaal",
            "besloten voordat",
            "niet serieus",
            "negeer",
        ],
    },
    Theme {
        code: "respectloos",
        name: "Respectloos of als een kind behandeld",
        cues: &[
            "respect",
            "kind",
            "neerbuig",
            "kleiner",
            "uitgelach",
            "schreeuw",
            "grof",
            "onbeschof",
            "arrogant",
            "toon",
        ],
    },
    Theme {
        code: "wantrouwen",
        name: "Wantrouwen",
        cues: &[
            "wantrouw",
            "verdacht",
            "beschuldig",
            "alsof ik",
            "gelog",
            "fraud",
            "controle",
            "crimineel",
        ],
    },
    Theme {
        code: "privacy",
        name: "Privacy",
        cues: &[
            "privacy",
            "bankafschrift",
            "afschrift",
            "hardop",
            "iedereen kon",
            "huisbezoek",
            "voor de deur",
            "gegevens",
            "dossier",
        ],
    },
    Theme {
        code: "onbereikbaar",
        name: "Onbereikbaar of niet teruggebeld",
        cues: &[
            "bereik",
            "terugbel",
            "teruggebeld",
            "terug gebeld",
            "opgehang",
            "telefoon",
            "wachtrij",
            "mail beantwoord",
            "niet terug",
            "belde nooit",
        ],
    },
    Theme {
        code: "lang_wachten",
        name: "Lang wachten",
        cues: &[
            "wacht",
            "maand",
            "weken",
            "lang",
            "traag",
            "duur",
            "nog steeds geen",
        ],
    },
    Theme {
        code: "wisseling",
        name: "Steeds een andere contactpersoon",
        cues: &[
            "wissel",
            "andere contactpersoon",
            "nieuwe contactpersoon",
            "steeds opnieuw",
            "vijfde keer",
            "opnieuw vertellen",
            "weer iemand anders",
        ],
    },
    Theme {
        code: "brieven",
        name: "Brieven: toon en duidelijkheid",
        cues: &[
            "brief",
            "brieven",
            "dreig",
            "kortaf",
            "onduidelijk",
            "moeilijk te begrijpen",
            "ambtelijk",
        ],
    },
    Theme {
        code: "niet_geholpen",
        name: "Niet geholpen",
        cues: &[
            "niet geholp",
            "geen hulp",
            "niemand hielp",
            "aan mijn lot",
            "van het kastje",
            "niks gedaan",
            "niets gedaan",
        ],
    },
    Theme {
        code: "geen_begrip",
        name: "Geen begrip voor mijn situatie",
        cues: &[
            "begrip",
            "situatie",
            "ziek",
            "empathie",
            "inlevings",
            "mijn omstandigheden",
        ],
    },
    Theme {
        code: "positief",
        name: "Goed geholpen",
        cues: &[
            "vriendelijk",
            "goed geholp",
            "behulpzaam",
            "netjes",
            "fijn",
            "prettig",
            "duidelijk uitgelegd",
            "meegedacht",
            "tijd genomen",
            "dank",
        ],
    },
];

/// Dutch endings taken off a word before matching (longest first).
const ENDINGS: [&str; 10] = [
    "heden", "heid", "ingen", "ing", "en", "er", "e", "s", "t", "d",
];

/// A light Dutch stem: lower case, and one common ending off when at least four letters remain.
pub fn stem(word: &str) -> String {
    let w: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    for e in ENDINGS {
        if let Some(s) = w.strip_suffix(e) {
            if s.chars().count() >= 4 {
                return s.to_string();
            }
        }
    }
    w
}

/// The words of a text, as typed and stemmed, for matching cues.
struct Words {
    words: Vec<String>,
    stems: Vec<String>,
    joined: String,
}

impl Words {
    fn of(text: &str) -> Words {
        let lower = text.to_lowercase();
        let words: Vec<String> = lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
        let stems = words.iter().map(|w| stem(w)).collect();
        let joined = format!(" {} ", words.join(" "));
        Words {
            words,
            stems,
            joined,
        }
    }

    /// Whether a cue occurs: a phrase in the text, or a stem at the start of a word.
    fn has(&self, cue: &str) -> bool {
        let cue = cue.trim().to_lowercase();
        if cue.is_empty() {
            false
        } else if cue.contains(' ') {
            self.joined.contains(&format!(" {cue}"))
        } else {
            self.stems
                .iter()
                .zip(&self.words)
                .any(|(s, w)| s.starts_with(&cue) || w.starts_with(&cue))
        }
    }
}

/// The codes suggested for a text by the seeded themes.
pub fn suggest(text: &str) -> BTreeSet<&'static str> {
    let w = Words::of(text);
    THEMES
        .iter()
        .filter(|t| t.cues.iter().any(|c| w.has(c)))
        .map(|t| t.code)
        .collect()
}
