//! Suggesting codes for open texts (survey answers and complaint descriptions). Suggestions are
//! proposals: the researcher decides, and only her choice counts anywhere.
//!
//! How a text gets a suggestion:
//! - Its words are stemmed with the Snowball stemmer of its language (Dutch, English), and the
//!   last part of a Dutch compound counts as a word of its own (klantvriendelijk → vriendelijk).
//! - Each code has cues: words and phrases in a small pattern language (see [`Pattern`]). A
//!   phrase may have gaps (`als .. kind`), a word may match every word that starts with it
//!   (`wacht*`), and a cue says whether it needs a negation or wish near it (`-luister`: niet
//!   luisteren, beter luisteren), may not have one (`+tevreden`: not "niet tevreden", not "wat
//!   vriendelijker graag") or does not care (`=`). By default a cue counts when it is not negated.
//! - A negation or wish counts within the same part of a sentence (split at punctuation and
//!   "maar"), four words before the cue to two words after it.
//! - Norms get cues of their own, and a theme brings the norms it usually goes with.
//! - Every suggestion carries its reason: the places in the text that triggered it.
//!
//! The learning step ([`super::learning`]) adds to these, or holds them back, from the
//! researcher's own codes.
//!
//! The parts: [`stems`] (Snowball stems and compound parts), [`matcher`] (the cue language and
//! where a cue matches), [`cues_nl`], [`norms_nl`] and [`cues_en`] (the built-in cues),
//! [`language`] (which language a text is in), [`suggest`] (the suggestions for a text with their
//! reasons) and [`method`] (the report's sentence on coding, with the measured figures).

pub mod cues_en;
pub mod cues_nl;
pub mod language;
pub mod matcher;
pub mod method;
pub mod norms_nl;
pub mod stems;
pub mod suggest;

pub use language::{detect_language, Language};
pub use matcher::{Need, Pattern};
pub use method::{method_text, EVAL_NORM_F1, EVAL_TEXTS, EVAL_THEME_F1};
pub use stems::Stems;
pub use suggest::{
    parse_cues, precision_recall_counts, suggest_with, HeldBack, Suggester, Suggestion,
    Suggestions, Via, SUPPORTED,
};

/// A code of the built-in rules with its cues.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    /// Code.
    pub code: &'static str,
    /// Cues in the pattern language, separated by commas.
    pub cues: &'static str,
}

impl Rule {
    /// The cues, one by one.
    pub fn cues(&self) -> impl Iterator<Item = &'static str> {
        self.cues
            .split(',')
            .map(str::trim)
            .filter(|c| !c.is_empty())
    }
}

/// The built-in themes, in codebook order.
pub const THEME_CODES: [&str; 12] = [
    "niet_gehoord",
    "respectloos",
    "wantrouwen",
    "privacy",
    "onbereikbaar",
    "lang_wachten",
    "wisseling",
    "brieven",
    "niet_geholpen",
    "geen_begrip",
    "positief",
    "regels_onduidelijk",
];

/// The behoorlijkheidsnormen the codebook's coders use (Nationale ombudsman), in codebook order.
pub const NORM_CODES: [&str; 15] = [
    "transparant",
    "goede_informatieverstrekking",
    "luisteren",
    "goede_motivering",
    "grondrechten",
    "actieve_deelname",
    "fatsoenlijke_bejegening",
    "fair_play",
    "evenredigheid",
    "bijzondere_zorg",
    "maatwerk",
    "samenwerking",
    "coulante_opstelling",
    "voortvarendheid",
    "de_escalatie",
];

#[cfg(test)]
mod tests {
    use super::NORM_CODES;

    #[test]
    fn the_coders_norms_are_the_questionnaire_norms_in_the_same_order() {
        // One source: the coding screen's norms are the first ones of the questionnaire's list.
        let norms = crate::surveys::definition::NORMS;
        assert_eq!(&norms[..NORM_CODES.len()], &NORM_CODES[..]);
    }
}
