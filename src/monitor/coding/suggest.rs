//! The suggestions for a text, each with its reason.

use std::collections::{BTreeMap, BTreeSet};

use super::cues_en::ENGLISH;
use super::cues_nl::DUTCH_THEMES;
use super::language::{detect_language, Language};
use super::matcher::{Pattern, Text};
use super::norms_nl::{DUTCH_NORMS, THEME_NORMS};
use super::stems::Stems;
use super::{Rule, NORM_CODES, THEME_CODES};

/// Why a code was suggested.
#[derive(Debug, Clone, PartialEq)]
pub enum Via {
    /// Cues matched in the text.
    Cues,
    /// A theme suggested for this text brings this norm.
    Theme(String),
    /// The model learned from the researcher's codes; the probability it gives.
    Model(f64),
}

/// A suggested code with its reason.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// Code.
    pub code: String,
    /// Byte ranges of the words in the text that triggered it.
    pub spans: Vec<(usize, usize)>,
    /// The cues that matched (or the model's strongest words).
    pub cues: Vec<String>,
    /// How it came about.
    pub via: Via,
}

/// The suggestions for one text.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestions {
    /// The language the text was read in.
    pub language: Language,
    /// Whether the program has cues in that language (if not: no suggestions, said so).
    pub supported: bool,
    /// The suggestions, codebook order.
    pub items: Vec<Suggestion>,
    /// Cue suggestions the model learned from the researcher's codes holds back (shown apart as
    /// less likely; not counted as suggestions).
    pub held_back: Vec<HeldBack>,
}

/// A cue suggestion held back because the researcher's codes contradict it.
#[derive(Debug, Clone, PartialEq)]
pub struct HeldBack {
    /// The suggestion as the cues made it.
    pub suggestion: Suggestion,
    /// The learned model's probability of the code for this text.
    pub p: f64,
    /// In how many coded texts the cues suggested this code ...
    pub suggested: u32,
    /// ... and in how many of those she chose it.
    pub kept: u32,
}

impl Suggestions {
    /// The suggested codes.
    pub fn codes(&self) -> BTreeSet<String> {
        self.items.iter().map(|s| s.code.clone()).collect()
    }

    /// Every triggering span, merged and in order, for highlighting.
    pub fn spans(&self) -> Vec<(usize, usize)> {
        let mut all: Vec<(usize, usize)> = self
            .items
            .iter()
            .flat_map(|s| s.spans.iter().copied())
            .collect();
        all.sort();
        let mut out: Vec<(usize, usize)> = vec![];
        for (s, e) in all {
            match out.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => out.push((s, e)),
            }
        }
        out
    }
}

/// Suggests codes: the built-in cues of the codes in the book, the researcher's own cues, and the
/// norms that themes bring.
pub struct Suggester {
    /// Language → (code, patterns).
    rules: BTreeMap<&'static str, Vec<(String, Vec<Pattern>)>>,
    stems: BTreeMap<&'static str, Stems>,
    theme_norms: Vec<(String, String)>,
    order: Vec<String>,
}

/// The languages with cues.
pub const SUPPORTED: [&str; 2] = ["nl", "en"];

/// The built-in cues per language.
const BUILT_IN: [(&str, &[&[Rule]]); 2] =
    [("nl", &[DUTCH_THEMES, DUTCH_NORMS]), ("en", &[ENGLISH])];

impl Suggester {
    /// For a codebook: (code, the researcher's own cues) of every active code. Built-in cues are
    /// used for the built-in codes in it.
    pub fn new(book: &[(String, Vec<String>)]) -> Suggester {
        let mut rules = BTreeMap::new();
        let mut stems = BTreeMap::new();
        for (lang, built_in) in BUILT_IN {
            let s = Stems::new(lang);
            let mut list = vec![];
            for (code, own) in book {
                let mut patterns: Vec<Pattern> = built_in
                    .iter()
                    .flat_map(|rules| rules.iter())
                    .filter(|r| r.code == code)
                    .flat_map(|r| r.cues())
                    .filter_map(|c| Pattern::parse(c, &s))
                    .collect();
                if lang == "nl" {
                    patterns.extend(own.iter().filter_map(|c| Pattern::parse(c, &s)));
                }
                list.push((code.clone(), patterns));
            }
            rules.insert(lang, list);
            stems.insert(lang, s);
        }
        let has = |c: &str| book.iter().any(|(b, _)| b == c);
        Suggester {
            rules,
            stems,
            theme_norms: THEME_NORMS
                .iter()
                .filter(|(t, n)| has(t) && has(n))
                .map(|(t, n)| (t.to_string(), n.to_string()))
                .collect(),
            order: book.iter().map(|(c, _)| c.clone()).collect(),
        }
    }

    /// The built-in themes and the codebook's norms, without cues of the researcher's own.
    pub fn built_in() -> Suggester {
        let book: Vec<(String, Vec<String>)> = THEME_CODES
            .iter()
            .chain(NORM_CODES.iter())
            .map(|c| (c.to_string(), vec![]))
            .collect();
        Suggester::new(&book)
    }

    /// The suggestions for a text.
    pub fn suggest(&self, text: &str) -> Suggestions {
        let language = detect_language(text);
        let lang = language.code();
        let (Some(rules), Some(stems)) = (self.rules.get(lang), self.stems.get(lang)) else {
            return Suggestions {
                language,
                supported: false,
                items: vec![],
                held_back: vec![],
            };
        };
        let words = Text::of(text, stems);
        let mut items: Vec<Suggestion> = vec![];
        for (code, patterns) in rules {
            let mut spans = vec![];
            let mut cues = vec![];
            for p in patterns {
                let found = words.find(p);
                if !found.is_empty() {
                    cues.push(p.cue.clone());
                }
                for (a, b) in found {
                    spans.push((words.tokens[a].start, words.tokens[b].end));
                }
            }
            if !spans.is_empty() {
                spans.sort();
                spans.dedup();
                items.push(Suggestion {
                    code: code.clone(),
                    spans,
                    cues,
                    via: Via::Cues,
                });
            }
        }
        for (theme, norm) in &self.theme_norms {
            if items.iter().any(|s| &s.code == norm) {
                continue;
            }
            if let Some(t) = items.iter().find(|s| &s.code == theme) {
                let spans = t.spans.clone();
                items.push(Suggestion {
                    code: norm.clone(),
                    spans,
                    cues: vec![],
                    via: Via::Theme(theme.clone()),
                });
            }
        }
        self.sort(&mut items);
        Suggestions {
            language,
            supported: true,
            items,
            held_back: vec![],
        }
    }

    /// Puts suggestions in codebook order.
    pub fn sort(&self, items: &mut [Suggestion]) {
        items.sort_by_key(|s| self.order.iter().position(|c| *c == s.code));
    }
}

/// The codes suggested for a text by a codebook: (code, cues) pairs, as the researcher keeps them.
pub fn suggest_with(text: &str, book: &[(String, Vec<String>)]) -> BTreeSet<String> {
    Suggester::new(book).suggest(text).codes()
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

#[cfg(test)]
mod tests {
    use super::*;

    // Sentences written for these tests.
    fn codes(text: &str) -> BTreeSet<String> {
        Suggester::built_in().suggest(text).codes()
    }

    fn has(text: &str, code: &str) -> bool {
        codes(text).contains(code)
    }

    #[test]
    fn words_match_on_their_dutch_stem_not_on_how_they_start() {
        // "maand" does not catch "maandag", "kind" not "kinderbijslag".
        assert!(!has("Ik kon pas op maandag langskomen.", "lang_wachten"));
        assert!(has(
            "Ik wacht al maanden, het duurt veel te lang.",
            "lang_wachten"
        ));
        assert!(!has(
            "Ik vroeg kinderbijslag aan voor mijn vrouw en kinderen.",
            "respectloos"
        ));
        assert!(has(
            "Ze sprak tegen mij alsof ik een klein kind was.",
            "respectloos"
        ));
    }
    #[test]
    fn a_compound_brings_its_last_part() {
        assert!(has("Het loket was heel klantvriendelijk.", "positief"));
        assert!(has(
            "Ik werd van het kastje naar de muur gestuurd.",
            "wisseling"
        ));
    }

    #[test]
    fn negation_near_a_cue_turns_it_around() {
        assert!(has("De consulent luisterde niet naar mij.", "niet_gehoord"));
        assert!(has("Niemand luisterde naar mijn uitleg.", "niet_gehoord"));
        assert!(!has("De medewerker luistert altijd goed.", "niet_gehoord"));
        assert!(has("De medewerker luistert altijd goed.", "positief"));
        assert!(!has("Ik was er niet tevreden over.", "positief"));
        assert!(has("Ik ben tevreden over de hulp.", "positief"));
        assert!(has("Ik werd niet geholpen aan de balie.", "niet_geholpen"));
        assert!(has("Er was geen enkele hulp.", "niet_geholpen"));
        // A negation in another part of the sentence does not count.
        assert!(has(
            "Ik had geen afspraak, maar de medewerker was vriendelijk.",
            "positief"
        ));
    }

    #[test]
    fn a_wish_is_not_praise() {
        assert!(!has(
            "Wat vriendelijker en meer begrip tonen zou fijn zijn.",
            "positief"
        ));
        assert!(has(
            "Wat vriendelijker en meer begrip tonen zou fijn zijn.",
            "geen_begrip"
        ));
        assert!(!has(
            "Ik zou graag vriendelijk behandeld worden.",
            "positief"
        ));
        assert!(has("Ze zouden beter moeten luisteren.", "niet_gehoord"));
    }

    #[test]
    fn ambiguous_words_keep_to_their_sense() {
        // Praise that names a situation is not a lack of understanding.
        assert!(!has(
            "Er wordt goed rekening gehouden met je situatie.",
            "geen_begrip"
        ));
        assert!(has(
            "Er werd geen rekening gehouden met mijn situatie.",
            "geen_begrip"
        ));
        // "lange ondervragingen" is not a long wait.
        assert!(!has("Er volgden lange ondervragingen.", "lang_wachten"));
        assert!(has("Er volgden lange ondervragingen.", "wantrouwen"));
        // A letter named only as a means is not about letters.
        assert!(!has(
            "Ik kreeg een brief dat de uitkering doorgaat.",
            "brieven"
        ));
        assert!(has("De toon van de brief was dreigend.", "brieven"));
    }

    #[test]
    fn unclear_rules_have_a_theme_and_norms_come_with_themes() {
        assert!(has(
            "Ik snap niet waar ik recht op heb, de regels zijn onduidelijk.",
            "regels_onduidelijk"
        ));
        let c = codes("Ik wacht al drie maanden op een besluit.");
        assert!(
            c.contains("lang_wachten") && c.contains("voortvarendheid"),
            "{c:?}"
        );
        let c = codes("Ze keken bij het huisbezoek in mijn kasten.");
        assert!(c.contains("privacy") && c.contains("grondrechten"), "{c:?}");
    }

    #[test]
    fn every_suggestion_says_which_words_triggered_it() {
        // (A negation reaches over "en": "luisterde niet en was onbeleefd" would lose the second
        // cue; see the report.)
        let text = "De consulent luisterde niet. Hij was onbeleefd.";
        let s = Suggester::built_in().suggest(text);
        let heard = s.items.iter().find(|i| i.code == "niet_gehoord").unwrap();
        let words: Vec<&str> = heard.spans.iter().map(|(a, b)| &text[*a..*b]).collect();
        assert_eq!(words, ["luisterde"]);
        let rude = s.items.iter().find(|i| i.code == "respectloos").unwrap();
        assert_eq!(&text[rude.spans[0].0..rude.spans[0].1], "onbeleefd");
        assert!(!s.spans().is_empty());
        let norm = s.items.iter().find(|i| i.code == "luisteren").unwrap();
        assert!(matches!(norm.via, Via::Cues | Via::Theme(_)));
    }

    #[test]
    fn other_languages_get_their_own_cues_or_none() {
        let s = Suggester::built_in();
        let en = s.suggest("Nobody called me back and the staff were rude to me.");
        assert_eq!(en.language, Language::Known("en"));
        assert!(en.supported);
        assert!(en.codes().contains("onbereikbaar") && en.codes().contains("respectloos"));
        let ar = s.suggest("لم يتصل بي أحد ولم يساعدني الموظف");
        assert_eq!(ar.language, Language::Known("ar"));
        assert!(!ar.supported && ar.items.is_empty());
        let uk = s.suggest("Ніхто мені не передзвонив, і працівник був грубим.");
        assert_eq!(uk.language, Language::Known("uk"));
        assert!(!uk.supported);
        let tr = s.suggest("Kimse beni geri aramadı ve çalışan bana çok kaba davrandı.");
        assert_eq!(tr.language, Language::Known("tr"));
        assert!(!tr.supported);
        let pl = s.suggest("Nikt do mnie nie oddzwonił, a pracownik był bardzo niegrzeczny.");
        assert_eq!(pl.language, Language::Known("pl"));
        assert!(!pl.supported);
        assert_eq!(
            s.suggest("Ik werd goed geholpen door mijn consulent.")
                .language,
            Language::Known("nl")
        );
    }

    #[test]
    fn the_researchers_own_cues_suggest_her_theme() {
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
        // Only the codes in the book are suggested.
        assert!(suggest_with("Ik wacht al maanden.", &added).is_empty());
        assert_eq!(precision_recall_counts(3, 1, 2), (0.75, 0.6));
        assert_eq!(precision_recall_counts(0, 0, 0), (0.0, 0.0));
    }

    #[test]
    fn a_text_can_get_several_codes_and_none() {
        let s = codes("Al weken wacht ik op antwoord op mijn mail, niemand belt terug.");
        assert!(
            s.contains("lang_wachten") && s.contains("onbereikbaar"),
            "{s:?}"
        );
        assert!(codes("Geen opmerkingen.").is_empty());
    }
}
