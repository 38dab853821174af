//! Suggesting codes for open texts (survey answers and complaint descriptions): each theme of the
//! codebook has Dutch word stems and phrases; a text gets every theme one of whose cues it
//! contains, after a light stemming of its words. Suggestions only: the researcher decides. How
//! good the suggestions are is measured against a hand-coded sample (precision and recall, in the
//! tests below and in the coding screen).

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

/// The codes suggested for a text by a codebook: (code, cues) pairs, as the researcher keeps them.
pub fn suggest_with(text: &str, book: &[(String, Vec<String>)]) -> BTreeSet<String> {
    let w = Words::of(text);
    book.iter()
        .filter(|(_, cues)| cues.iter().any(|c| w.has(c)))
        .map(|(code, _)| code.clone())
        .collect()
}

/// Cues as the researcher types them: separated by commas.
pub fn parse_cues(typed: &str) -> Vec<String> {
    typed
        .split(',')
        .map(|c| {
            c.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase()
        })
        .filter(|c| !c.is_empty())
        .collect()
}

/// Precision and recall from counts of agreeing (both), suggested-only and chosen-only codes.
pub fn precision_recall_counts(both: u64, suggested_only: u64, chosen_only: u64) -> (f64, f64) {
    let ratio = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    (
        ratio(both, both + suggested_only),
        ratio(both, both + chosen_only),
    )
}

/// Precision and recall of suggestions against hand-given codes: (precision, recall), over all
/// (text, code) pairs.
pub fn precision_recall(sample: &[(&str, &[&str])]) -> (f64, f64) {
    let (mut tp, mut fp, mut fneg) = (0u32, 0u32, 0u32);
    for (text, codes) in sample {
        let s = suggest(text);
        for c in &s {
            if codes.contains(c) {
                tp += 1;
            } else {
                fp += 1;
            }
        }
        for c in *codes {
            if !s.contains(c) {
                fneg += 1;
            }
        }
    }
    precision_recall_counts(tp.into(), fp.into(), fneg.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-coded sample: texts as respondents and complainants write them (written for this
    /// test, not taken from anyone), with the codes a researcher gave them. It was written by the
    /// same hand as the cues, so its figures are optimistic; the coding screen measures the same
    /// against the researcher's own codes.
    pub const SAMPLE: &[(&str, &[&str])] = &[
        ("Mijn klantmanager belde nooit terug, ook niet na drie mails.", &["onbereikbaar"]),
        ("Aan de balie werd hardop over mijn schulden gepraat, iedereen kon het horen.", &["privacy"]),
        ("In de brief stond dat mijn uitkering stopt als ik niet reageer. Dat voelde als een dreigement.", &["brieven"]),
        ("Ik moest mijn verhaal voor de vijfde keer vertellen aan een nieuwe contactpersoon.", &["wisseling"]),
        ("Ze wilden alle bankafschriften van mijn zoon van 15 zien.", &["privacy"]),
        ("Ik werd behandeld alsof ik iets verkeerd had gedaan, terwijl ik alles had ingeleverd.", &["wantrouwen"]),
        ("Het besluit was al genomen voordat ik mijn kant kon vertellen.", &["niet_gehoord"]),
        ("Ik wacht al drie maanden op een besluit over een bril.", &["lang_wachten"]),
        ("De medewerker sprak tegen mij alsof ik een kind was.", &["respectloos"]),
        ("Niemand begreep dat ik door mijn ziekte niet op tijd kon komen.", &["geen_begrip"]),
        ("De telefoon werd opgehangen toen ik vroeg hoe het ervoor stond.", &["onbereikbaar"]),
        ("Ik heb om hulp gevraagd bij het invullen, maar niemand hielp me.", &["niet_geholpen"]),
        ("Mijn consulent is altijd vriendelijk en neemt de tijd.", &["positief"]),
        ("Goed geholpen, duidelijk uitgelegd wat ik moest doen.", &["positief"]),
        ("De brieven zijn moeilijk te begrijpen, te veel ambtelijke taal.", &["brieven"]),
        ("Ze luisterden niet naar wat ik zei en keken alleen naar de computer.", &["niet_gehoord"]),
        ("Ik voelde me als een crimineel behandeld bij de controle.", &["wantrouwen"]),
        ("Er stonden twee controleurs voor de deur zonder aankondiging.", &["privacy", "wantrouwen"]),
        ("Al weken wacht ik op antwoord op mijn mail.", &["lang_wachten", "onbereikbaar"]),
        ("Steeds opnieuw vertellen, want er is weer iemand anders.", &["wisseling"]),
        ("Prettig contact, ze heeft met mij meegedacht over werk.", &["positief"]),
        ("Ze schreeuwde tegen me aan de balie.", &["respectloos"]),
        ("Niemand had begrip voor mijn situatie met drie kinderen.", &["geen_begrip"]),
        ("Ik ben van het kastje naar de muur gestuurd.", &["niet_geholpen"]),
        ("De gemeente is slecht bereikbaar, je hangt een half uur in de wachtrij.", &["onbereikbaar", "lang_wachten"]),
        ("Neerbuigend en arrogant, zo voelde het gesprek.", &["respectloos"]),
        ("Ze beschuldigden mij van liegen over mijn inkomen.", &["wantrouwen"]),
        ("Mijn dossier lag open op het bureau waar iedereen kon meekijken.", &["privacy"]),
        ("Kortaf briefje zonder uitleg waarom mijn aanvraag is afgewezen.", &["brieven"]),
        ("Bedankt voor de fijne hulp van mevrouw aan de telefoon.", &["positief"]),
    ];

    #[test]
    fn stems() {
        assert_eq!(stem("Wachten"), "wacht");
        assert_eq!(stem("brieven"), "briev");
        assert_eq!(stem("luisterden"), "luisterd");
        assert_eq!(stem("kind"), "kind");
        assert_eq!(stem("gegevens"), "gegeven");
    }

    #[test]
    fn suggestions_on_the_hand_coded_sample_are_good_enough_to_help() {
        let (precision, recall) = precision_recall(SAMPLE);
        println!(
            "hand-coded sample of {} texts: precision {precision:.2}, recall {recall:.2}",
            SAMPLE.len()
        );
        // Suggestions save typing; the researcher still decides. Below these the screen would
        // mislead more than help.
        assert!(precision >= 0.6, "precision {precision:.2}");
        assert!(recall >= 0.8, "recall {recall:.2}");
    }

    #[test]
    fn the_seeded_codebook_suggests_what_the_built_in_themes_do() {
        let book: Vec<(String, Vec<String>)> = THEMES
            .iter()
            .map(|t| (t.code.to_string(), parse_cues(&t.cues.join(", "))))
            .collect();
        for (text, _) in SAMPLE {
            let a: Vec<String> = suggest(text).into_iter().map(String::from).collect();
            let b: Vec<String> = suggest_with(text, &book).into_iter().collect();
            assert_eq!(a, b, "{text}");
        }
        // A theme the researcher adds gets suggestions from its own words.
        let added = vec![(
            "vervoer".to_string(),
            parse_cues(" Bus ,reiskosten, ov-kaart"),
        )];
        assert_eq!(added[0].1, ["bus", "reiskosten", "ov-kaart"]);
        assert!(
            suggest_with("De reiskosten voor de bus werden niet vergoed.", &added)
                .contains("vervoer")
        );
        assert!(suggest_with("Niets over vervoer.", &added).is_empty());
        assert_eq!(precision_recall_counts(3, 1, 2), (0.75, 0.6));
        assert_eq!(precision_recall_counts(0, 0, 0), (0.0, 0.0));
    }

    #[test]
    fn a_text_can_get_several_codes_and_none() {
        let s = suggest("Al weken wacht ik op antwoord op mijn mail.");
        assert!(s.contains("lang_wachten"));
        assert!(suggest("Geen opmerkingen.").is_empty());
    }
}
