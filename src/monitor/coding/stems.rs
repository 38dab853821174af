//! Dutch and English stems (Snowball), with the parts of Dutch compounds.

use rust_stemmers::{Algorithm, Stemmer};

/// Prefixes that make a new word rather than a compound ("verwachten" is not a kind of "wachten").
const NOT_A_MODIFIER: &[&str] = &[
    "door", "over", "voor", "mee", "terug", "onder", "tegen", "achter", "samen", "weg", "toe",
    "uit", "aan", "open", "vast", "verder", "omver",
];

/// A stemmer for one language.
pub struct Stems {
    stemmer: Option<Stemmer>,
    dutch: bool,
}

impl Stems {
    /// For a language code; languages without a Snowball stemmer here keep words as they are.
    pub fn new(lang: &str) -> Stems {
        let algorithm = match lang {
            "nl" => Some(Algorithm::Dutch),
            "en" => Some(Algorithm::English),
            "tr" => Some(Algorithm::Turkish),
            "ar" => Some(Algorithm::Arabic),
            _ => None,
        };
        Stems {
            stemmer: algorithm.map(Stemmer::create),
            dutch: lang == "nl",
        }
    }

    /// The stem of one lower-case word.
    pub fn stem(&self, word: &str) -> String {
        match &self.stemmer {
            Some(s) => s.stem(word).into_owned(),
            None => word.to_string(),
        }
    }

    /// The stem with the variants a cue may match.
    pub(super) fn forms(&self, word: &str) -> Vec<String> {
        let mut out = vec![];
        let mut add = |s: String| {
            if !out.contains(&s) {
                out.push(s);
            }
        };
        let stem = self.stem(word);
        add(stem.clone());
        add(word.to_string());
        if self.dutch {
            let mut bases = vec![stem.clone()];
            if stem.chars().count() > 4 && (stem.ends_with('t') || stem.ends_with('d')) {
                let cut = &stem[..stem.len() - 1];
                bases.push(cut.to_string());
            }
            for b in bases.clone() {
                if let Some(rest) = b.strip_prefix("ge") {
                    if rest.chars().count() >= 4 {
                        bases.push(rest.to_string());
                    }
                }
            }
            for b in bases {
                add(b);
            }
            // The last part of a compound: a modifier of at least four letters, not a particle.
            let chars: Vec<(usize, char)> = word.char_indices().collect();
            for (k, (at, _)) in chars.iter().enumerate() {
                if k < 4 || chars.len() - k < 4 {
                    continue;
                }
                let modifier = &word[..*at];
                if NOT_A_MODIFIER.contains(&modifier) {
                    continue;
                }
                let head = &word[*at..];
                add(self.stem(head));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_have_their_dutch_stem_and_the_last_part_of_a_compound() {
        let s = Stems::new("nl");
        assert_eq!(s.stem("wachten"), "wacht");
        assert_eq!(s.stem("brieven"), "briev");
        assert!(s
            .forms("klantvriendelijk")
            .contains(&"vriendelijk".to_string()));
        // A verb with a particle is not a compound: verwachten is not wachten.
        assert!(!s.forms("verwachten").contains(&"wacht".to_string()));
        assert!(!s.forms("terugkijken").contains(&"kijk".to_string()));
        // Participles and verb forms reach the same stem.
        assert!(s.forms("geluisterd").contains(&"luister".to_string()));
        assert!(s.forms("luistert").contains(&"luister".to_string()));
    }
}
