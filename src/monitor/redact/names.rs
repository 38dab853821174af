//! Names: capitalised words after a title or role word ("mevrouw Jansen"), after a family word
//! ("mijn zoon Ahmed"), after "ik ben", "ik heet" or "mijn naam is", and right before "van team"
//! or "van afdeling" ("Kees van team Werk"). Only capitalised words that are not ordinary words
//! are names: "ik ben Nederlander" and "Iemand van team Werk" stay.
//!
//! Every function takes the words of a text twice: as written (`raws`, with their punctuation)
//! and without surrounding punctuation (`words`).

/// Title and role words after which capitalised words are a name.
const TITLE_CUES: [&str; 21] = [
    "meneer",
    "mevrouw",
    "mevr",
    "mw",
    "dhr",
    "mr",
    "heer",
    "juffrouw",
    "klantmanager",
    "consulent",
    "medewerker",
    "medewerkster",
    "contactpersoon",
    "teamleider",
    "wethouder",
    "collega",
    "buurman",
    "buurvrouw",
    "casemanager",
    "coach",
    "begeleider",
];

/// Short forms written with a dot before a name ("Dhr. Bakker").
const ABBREVIATIONS: [&str; 5] = ["mevr", "mw", "dhr", "mr", "dr"];

/// Family words after which capitalised words are a name ("mijn zoon Ahmed").
const FAMILY_CUES: [&str; 24] = [
    "zoon",
    "zoontje",
    "dochter",
    "dochtertje",
    "kind",
    "man",
    "vrouw",
    "partner",
    "echtgenoot",
    "echtgenote",
    "vriend",
    "vriendin",
    "moeder",
    "vader",
    "broer",
    "zus",
    "opa",
    "oma",
    "kleinzoon",
    "kleindochter",
    "neef",
    "nicht",
    "stiefzoon",
    "stiefdochter",
];

/// Phrases with which someone gives a name, longest first.
const SELF_CUES: [&[&str]; 4] = [
    &["mijn", "naam", "is"],
    &["ik", "ben"],
    &["ik", "heet"],
    &["mijn", "naam"],
];

/// Capitalised words that are no name: where someone is from, a faith, a language, and words that
/// start a sentence. Compared in lower case.
const NOT_NAMES: [&str; 100] = [
    "koerd",
    "koerdische",
    "jehova",
    "jehova's",
    "marokkaans",
    "surinaams",
    "antilliaans",
    "nederlander",
    "nederlandse",
    "nederlands",
    "nederland",
    "marokkaan",
    "marokkaanse",
    "turk",
    "turkse",
    "turks",
    "surinamer",
    "surinaamse",
    "antilliaan",
    "antilliaanse",
    "syriër",
    "syrische",
    "eritreeër",
    "eritrese",
    "pool",
    "poolse",
    "pools",
    "afghaan",
    "afghaanse",
    "irakees",
    "iraakse",
    "somaliër",
    "somalische",
    "belg",
    "belgische",
    "duitser",
    "duitse",
    "oekraïner",
    "oekraïense",
    "rus",
    "russische",
    "iraniër",
    "iraanse",
    "chinees",
    "chinese",
    "indiër",
    "indiase",
    "europeaan",
    "europese",
    "amerikaan",
    "afrikaan",
    "engels",
    "arabisch",
    "moslim",
    "christen",
    "hindoe",
    "jood",
    "joodse",
    "wajonger",
    "amsterdammer",
    "rotterdammer",
    "hagenaar",
    "utrechter",
    "brabander",
    "limburger",
    "fries",
    "friese",
    "groninger",
    "god",
    "gemeente",
    "iemand",
    "niemand",
    "iedereen",
    "een",
    "de",
    "het",
    "die",
    "deze",
    "dat",
    "dit",
    "hij",
    "zij",
    "ze",
    "men",
    "wie",
    "ook",
    "alleen",
    "toen",
    "daarna",
    "mensen",
    "maar",
    "en",
    "nu",
    "want",
    "ik",
    "wij",
    "we",
    "u",
    "mijn",
    "er",
];

/// Small words inside a name ("Jan van der Berg", "El Amrani"), only between capitalised words.
const PARTICLES: [&str; 9] = ["van", "de", "der", "den", "het", "ter", "el", "te", "ten"];

/// What kind of cue starts at a word: how many words it has and whether an initial may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cue {
    /// Words in the cue.
    pub len: usize,
    /// A title ("Dhr. K. Bakker"): initials may come first.
    pub title: bool,
}

/// The cue that starts at word `i`, if any. A cue that ends a sentence or clause ("de
/// medewerker. Daarna …") is none; a title's short form may end with its dot, any cue with ':'.
pub fn cue_at(raws: &[&str], words: &[&str], i: usize) -> Option<Cue> {
    let lower = |k: usize| words.get(k).map(|w| w.to_lowercase());
    let first = lower(i)?;
    let cue = if TITLE_CUES.contains(&first.as_str()) {
        Cue {
            len: 1,
            title: true,
        }
    } else if FAMILY_CUES.contains(&first.as_str()) {
        Cue {
            len: 1,
            title: false,
        }
    } else {
        let len = SELF_CUES
            .iter()
            .find(|p| {
                p.iter()
                    .enumerate()
                    .all(|(k, w)| lower(i + k).as_deref() == Some(*w))
            })?
            .len();
        Cue { len, title: false }
    };
    // Only the last word of a cue may carry punctuation, and only a dot of a short form or ':'.
    let cue_words = raws.get(i..i + cue.len)?.iter().zip(&words[i..i + cue.len]);
    for (n, (raw, word)) in cue_words.enumerate() {
        let tail = &raw[raw.trim_end_matches(|c: char| !c.is_alphanumeric()).len()..];
        let last = n + 1 == cue.len;
        let ok = tail.is_empty()
            || (last && tail == ":")
            || (last && tail == "." && ABBREVIATIONS.contains(&word.to_lowercase().as_str()));
        if !ok {
            return None;
        }
    }
    Some(cue)
}

/// Whether a word (without punctuation) looks like a name: a capital, then letters (with `-` or
/// `'`), no abbreviation in capitals ("ZZP'er", "UWV"), and not an ordinary word.
pub fn is_name_word(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let rest: Vec<char> = chars.collect();
    let capitals = rest
        .first()
        .is_some_and(|c| c.is_uppercase() && first.is_uppercase());
    first.is_uppercase()
        && !rest.is_empty()
        && !capitals
        && rest
            .iter()
            .all(|c| c.is_alphabetic() || *c == '-' || *c == '\'')
        && !is_ordinary(w)
}

/// Whether a capitalised word is an ordinary word or a cue word rather than a name.
fn is_ordinary(w: &str) -> bool {
    let lower = w.to_lowercase();
    let first_part = lower.split('-').next().unwrap_or_default();
    NOT_NAMES.contains(&lower.as_str())
        || NOT_NAMES.contains(&first_part)
        || TITLE_CUES.contains(&lower.as_str())
        || FAMILY_CUES.contains(&lower.as_str())
}

/// An initial: one or two capitals with a dot ("K.", "Th.").
fn is_initial(raw: &str, w: &str) -> bool {
    (1..=2).contains(&w.chars().count())
        && w.chars().next().is_some_and(char::is_uppercase)
        && raw.ends_with('.')
}

/// The last word of the name that starts at `from`, if there is one: capitalised words, initials
/// (after a title) and particles between them, up to the first punctuation.
pub fn name_run(raws: &[&str], words: &[&str], from: usize, title: bool) -> Option<usize> {
    let mut last = None;
    let mut j = from;
    while j < words.len() {
        let (raw, w) = (raws[j], words[j]);
        let initial = title && is_initial(raw, w);
        // A particle inside a name, or first when a name follows ("De Vries").
        let particle = PARTICLES.contains(&w.to_lowercase().as_str())
            && (last.is_some() || (j == from && words.get(j + 1).is_some_and(|n| is_name_word(n))));
        let name = !particle && is_name_word(w);
        if !(name || initial || particle) {
            break;
        }
        if name {
            last = Some(j);
        }
        let ends = raw.ends_with([',', '.', '!', '?', ';', ':', ')']);
        if ends && !initial {
            break;
        }
        j += 1;
    }
    last
}

/// A name right before "van team" or "van afdeling": the words from `i` to the returned last one.
pub fn name_before_team(raws: &[&str], words: &[&str], i: usize) -> Option<usize> {
    let last = name_run(raws, words, i, false)?;
    let next = |k: usize| words.get(k).map(|w| w.to_lowercase());
    let glued = raws[last].chars().last().is_some_and(char::is_alphanumeric);
    (glued
        && next(last + 1).as_deref() == Some("van")
        && matches!(next(last + 2).as_deref(), Some("team" | "afdeling")))
    .then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> (Vec<&str>, Vec<&str>) {
        let raws: Vec<&str> = text.split_whitespace().collect();
        let words = raws.iter().map(|r| super::super::trim_punct(r)).collect();
        (raws, words)
    }

    #[test]
    fn names_are_capitalised_words_that_are_no_ordinary_word() {
        assert!(is_name_word("Fatima"));
        assert!(is_name_word("El-Amrani"));
        assert!(is_name_word("D'Souza"));
        assert!(!is_name_word("Nederlander"));
        assert!(!is_name_word("Marokkaans-Nederlandse"));
        assert!(!is_name_word("boos"));
        assert!(!is_name_word("ZZP'er"));
        assert!(!is_name_word("UWV"));
        assert!(!is_name_word("Iemand"));
        assert!(!is_name_word("A"));
    }

    #[test]
    fn cues_and_where_they_stop() {
        let (r, w) = split("Ik ben Fatima");
        assert_eq!(
            cue_at(&r, &w, 0),
            Some(Cue {
                len: 2,
                title: false
            })
        );
        let (r, w) = split("mijn naam is Jan");
        assert_eq!(cue_at(&r, &w, 0).map(|c| c.len), Some(3));
        let (r, w) = split("Dhr. Bakker");
        assert_eq!(
            cue_at(&r, &w, 0),
            Some(Cue {
                len: 1,
                title: true
            })
        );
        let (r, w) = split("de medewerker. Daarna");
        assert_eq!(cue_at(&r, &w, 1), None, "a sentence ends after the cue");
        let (r, w) = split("ik, ben");
        assert_eq!(cue_at(&r, &w, 0), None);
    }

    #[test]
    fn a_name_runs_to_its_last_capitalised_word() {
        let (r, w) = split("Jan de Vries zei");
        assert_eq!(name_run(&r, &w, 0, false), Some(2));
        let (r, w) = split("Fatima El Amrani, mijn");
        assert_eq!(name_run(&r, &w, 0, false), Some(2));
        let (r, w) = split("K. Bakker nam");
        assert_eq!(name_run(&r, &w, 0, true), Some(1));
        assert_eq!(name_run(&r, &w, 0, false), None);
        let (r, w) = split("boos en");
        assert_eq!(name_run(&r, &w, 0, false), None);
        let (r, w) = split("Nederlander.");
        assert_eq!(name_run(&r, &w, 0, false), None);
    }

    #[test]
    fn a_name_before_a_team() {
        let (r, w) = split("Kees van team Werk");
        assert_eq!(name_before_team(&r, &w, 0), Some(0));
        let (r, w) = split("Iemand van team Werk");
        assert_eq!(name_before_team(&r, &w, 0), None);
        let (r, w) = split("Kees Jansen van afdeling Zorg");
        assert_eq!(name_before_team(&r, &w, 0), Some(1));
        let (r, w) = split("Kees, van team Werk");
        assert_eq!(name_before_team(&r, &w, 0), None);
    }
}
