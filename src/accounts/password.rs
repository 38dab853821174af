//! Password rules and hashing. Argon2id with the crate's defaults (OWASP's minimum: 19 MiB, 2 passes).
//! zxcvbn is used for the common-password check: it carries the leaked-password and word lists we would
//! otherwise have to ship and keep up to date ourselves.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;
use std::collections::HashSet;
use std::sync::OnceLock;

/// Shortest password accepted.
pub const MIN_LENGTH: usize = 12;
/// Longest password accepted (hashing cost stays bounded).
pub const MAX_LENGTH: usize = 256;

/// Why a new password is refused; each maps to a plain-language message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordProblem {
    /// Fewer than [`MIN_LENGTH`] characters.
    TooShort,
    /// More than [`MAX_LENGTH`] characters.
    TooLong,
    /// A common password, a word list entry, or a trivial variation of the account's own name.
    TooCommon,
}

impl PasswordProblem {
    /// Key of the message in the UI strings.
    pub fn message_key(self) -> &'static str {
        match self {
            PasswordProblem::TooShort => "password-too-short",
            PasswordProblem::TooLong => "password-too-long",
            PasswordProblem::TooCommon => "password-too-common",
        }
    }
}

/// Words that make a password guessable in this product's setting, beyond the word lists: the
/// product, the work, months, seasons, days, holidays and provinces (lower case, letters only).
const LOCAL_WORDS: &[&str] = &[
    "klankbord",
    "gemeente",
    "wachtwoord",
    "welkom",
    "bijstand",
    "voorbeeld",
    "beheerder",
    "klacht",
    "klachten",
    "wethouder",
    "raadslid",
    "burgemeester",
    "participatiewet",
    "uitkering",
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
    "january",
    "february",
    "march",
    "may",
    "june",
    "july",
    "august",
    "october",
    "lente",
    "voorjaar",
    "zomer",
    "herfst",
    "najaar",
    "winter",
    "spring",
    "summer",
    "autumn",
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
    "kerst",
    "kerstmis",
    "pasen",
    "pinksteren",
    "sinterklaas",
    "koningsdag",
    "oranje",
    "nederland",
    "holland",
    "groningen",
    "friesland",
    "fryslan",
    "drenthe",
    "overijssel",
    "flevoland",
    "gelderland",
    "utrecht",
    "noordholland",
    "zuidholland",
    "zeeland",
    "noordbrabant",
    "brabant",
    "limburg",
];

/// The Dutch word lists (see `assets/passwords/README.md`).
const WORD_LISTS: &[&str] = &[
    include_str!("../../assets/passwords/nl-common-words.txt"),
    include_str!("../../assets/passwords/nl-wikipedia.txt"),
    include_str!("../../assets/passwords/nl-first-names.txt"),
    include_str!("../../assets/passwords/nl-last-names.txt"),
];

/// Every word a password may not be built from, read once.
fn dictionary() -> &'static HashSet<&'static str> {
    static WORDS: OnceLock<HashSet<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        WORD_LISTS
            .iter()
            .flat_map(|list| list.lines())
            .chain(LOCAL_WORDS.iter().copied())
            .filter(|w| w.chars().count() >= 2)
            .collect()
    })
}

/// The ways to read the letters of a password, in lower case: with a run of digits and signs
/// between two letters read as the letters they stand for (`W3lk0m`, `p@$$w0rd`), and with
/// every digit and sign dropped (`Zomer!Herfst`). Years, digits and signs around the letters go.
pub fn letter_skeletons(password: &str) -> [String; 2] {
    let chars: Vec<char> = password.chars().collect();
    let leet = |c: char| match c {
        '0' => Some('o'),
        '1' | '!' => Some('i'),
        '3' => Some('e'),
        '4' | '@' => Some('a'),
        '5' | '$' => Some('s'),
        '7' => Some('t'),
        _ => None,
    };
    let mut read = String::new();
    let mut dropped = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() {
            read.extend(c.to_lowercase());
            dropped.extend(c.to_lowercase());
            i += 1;
            continue;
        }
        let run_end = (i..chars.len())
            .find(|&j| leet(chars[j]).is_none())
            .unwrap_or(chars.len());
        let between_letters = i > 0
            && chars[i - 1].is_alphabetic()
            && run_end > i
            && chars.get(run_end).is_some_and(|n| n.is_alphabetic());
        if between_letters {
            read.extend(chars[i..run_end].iter().filter_map(|&c| leet(c)));
            i = run_end;
        } else {
            i += 1;
        }
    }
    [read, dropped]
}

/// The fewest words from `is_word` that together spell `letters` exactly, if any (at most `max`).
fn fewest_words(letters: &str, max: usize, is_word: impl Fn(&str) -> bool) -> Option<usize> {
    let bounds: Vec<usize> = letters
        .char_indices()
        .map(|(i, _)| i)
        .chain([letters.len()])
        .collect();
    // best[j]: fewest words spelling the first j characters.
    let mut best: Vec<Option<usize>> = vec![None; bounds.len()];
    best[0] = Some(0);
    for j in 1..bounds.len() {
        best[j] = (0..j)
            .filter_map(|i| {
                let before = best[i]?;
                (before < max && is_word(&letters[bounds[i]..bounds[j]])).then_some(before + 1)
            })
            .min();
    }
    best[bounds.len() - 1].filter(|&n| n > 0)
}

/// Whether a password is one or two known words with only digits and signs around them: a
/// common Dutch word, month, season, place or name, or one of `context` (the person's own name,
/// the municipality), plus a year or `!!`. Such passwords are among the first an attacker tries,
/// whatever a general strength estimate says of the digits.
pub fn is_word_with_digits(password: &str, context: &[&str]) -> bool {
    let own: Vec<String> = context
        .iter()
        .flat_map(|c| c.split(|ch: char| !ch.is_alphabetic()))
        .filter(|w| w.chars().count() >= 2)
        .map(str::to_lowercase)
        .collect();
    let words = dictionary();
    letter_skeletons(password).iter().any(|letters| {
        fewest_words(letters, 2, |w| {
            words.contains(w) || own.iter().any(|o| o == w)
        })
        .is_some()
    })
}

/// Checks a new password against the policy; `context` holds the user's own name and login and
/// the municipality's name.
pub fn check_policy(password: &str, context: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_LENGTH {
        return Err(PasswordProblem::TooLong);
    }
    if is_word_with_digits(password, context) {
        return Err(PasswordProblem::TooCommon);
    }
    let mut inputs: Vec<&str> = LOCAL_WORDS.to_vec();
    inputs.extend(context.iter().copied().filter(|s| !s.is_empty()));
    let estimate = zxcvbn::zxcvbn(password, &inputs);
    if (estimate.score() as u8) < 3 {
        return Err(PasswordProblem::TooCommon);
    }
    Ok(())
}

/// Hashes a password into a PHC string (Argon2id, random salt).
pub fn hash(password: &str) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("wachtwoord kon niet worden versleuteld: {e}"))
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// Spends the same time as a real check, so a login for an unknown name is not faster than a wrong password.
pub fn verify_dummy(password: &str) {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    let stored = DUMMY.get_or_init(|| hash("een-niet-bestaand-account!").unwrap_or_default());
    let _ = verify(password, stored);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(check_policy("Kort!1", &[]), Err(PasswordProblem::TooShort));
        assert_eq!(
            check_policy("elf tekens!", &[]),
            Err(PasswordProblem::TooShort)
        );
    }

    #[test]
    fn common_passwords_are_refused_even_when_long() {
        for p in [
            "password1234",
            "123456789012",
            "qwertyuiopas",
            "wachtwoord123",
            "Welkom123456",
        ] {
            assert_eq!(check_policy(p, &[]), Err(PasswordProblem::TooCommon), "{p}");
        }
    }

    #[test]
    fn a_word_with_a_year_is_refused() {
        // Passwords a tester got accepted: a common word, a season, a place, plus a year and signs.
        for p in [
            "Welkom2026!!",
            "Zomer2026!!!",
            "Voorjaar2027!",
            "Amsterdam2026!",
            "Welkom2027!!",
            "W3lk0m2026!!",
            "Januari2027!!",
            "Heerenveen1234!",
            "Zomer!Herfst2026",
            "Klankbord2026!!",
            "2026Rotterdam!!",
        ] {
            assert_eq!(check_policy(p, &[]), Err(PasswordProblem::TooCommon), "{p}");
        }
    }

    #[test]
    fn the_municipalitys_name_does_not_make_a_password() {
        assert_eq!(
            check_policy("Westerkwartier2026!", &["Gemeente Westerkwartier"]),
            Err(PasswordProblem::TooCommon)
        );
    }

    #[test]
    fn skeleton_reads_letters_and_leet() {
        assert_eq!(letter_skeletons("W3lk0m2026!!")[0], "welkom");
        assert_eq!(letter_skeletons("2026 Zomer!")[0], "zomer");
        assert_eq!(letter_skeletons("p@$$w0rd")[0], "password");
        assert_eq!(letter_skeletons("Zomer!Herfst")[1], "zomerherfst");
    }

    #[test]
    fn random_and_long_passwords_pass_the_word_rule() {
        for p in ["Gq9!fz#Lw2pR", "fiets regen tulp koffiekan", "Xk3#mW9qLp2v"] {
            assert!(!is_word_with_digits(p, &[]), "{p}");
        }
    }

    #[test]
    fn own_name_does_not_make_a_password() {
        assert_eq!(
            check_policy("jansen.pieter1", &["jansen.pieter", "Pieter Jansen"]),
            Err(PasswordProblem::TooCommon)
        );
    }

    #[test]
    fn a_passphrase_is_accepted() {
        assert_eq!(check_policy("fiets regen tulp koffiekan", &[]), Ok(()));
    }

    #[test]
    fn hash_and_verify() {
        let h = hash("fiets regen tulp koffiekan").unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify("fiets regen tulp koffiekan", &h));
        assert!(!verify("fiets regen tulp koffiekaN", &h));
        assert!(!verify("x", "not a hash"));
    }
}
