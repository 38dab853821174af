//! Removing what identifies a person from an open answer before it can become a quote: e-mail
//! addresses, telephone numbers, IBANs (checked with mod 97), BSNs (nine digits passing the
//! eleven-test), street addresses (a street-like word with a house number, and postcodes) and names
//! after a title or role word ("mevrouw Jansen", "mijn klantmanager Peter"). What is removed becomes
//! a marker in square brackets, so a reader sees that something was there.

/// Markers put in place of what was removed.
pub const NAME: &str = "[naam]";
/// Marker for an e-mail address.
pub const EMAIL: &str = "[e-mailadres]";
/// Marker for a telephone number.
pub const PHONE: &str = "[telefoonnummer]";
/// Marker for a bank account number.
pub const IBAN: &str = "[rekeningnummer]";
/// Marker for a BSN.
pub const BSN: &str = "[BSN]";
/// Marker for an address.
pub const ADDRESS: &str = "[adres]";

/// Words after which a capitalised word is taken to be a name.
const NAME_CUES: [&str; 16] = [
    "meneer",
    "mevrouw",
    "mevr",
    "mw",
    "dhr",
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
];

/// Street-name endings, for "Dorpsstraat 12".
const STREET_ENDINGS: [&str; 14] = [
    "straat", "laan", "weg", "plein", "singel", "gracht", "kade", "dijk", "pad", "steeg", "hof",
    "dreef", "park", "markt",
];

/// The eleven-test for a nine-digit BSN.
pub fn is_bsn(digits: &str) -> bool {
    let d: Vec<u32> = digits.chars().filter_map(|c| c.to_digit(10)).collect();
    if d.len() != 9 || digits.chars().count() != 9 || d.iter().all(|x| *x == 0) {
        return false;
    }
    let sum: i64 = d
        .iter()
        .take(8)
        .enumerate()
        .map(|(i, x)| (9 - i as i64) * i64::from(*x))
        .sum::<i64>()
        - i64::from(d[8]);
    sum % 11 == 0
}

/// The mod-97 check of an IBAN (spaces allowed).
pub fn is_iban(s: &str) -> bool {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    if !compact.chars().all(|c| c.is_ascii_alphanumeric())
        || !(15..=34).contains(&compact.len())
        || !compact[..2].chars().all(|c| c.is_ascii_alphabetic())
        || !compact[2..4].chars().all(|c| c.is_ascii_digit())
        || !compact.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return false;
    }
    let rearranged = format!("{}{}", &compact[4..], &compact[..4]);
    let mut rem: u32 = 0;
    for c in rearranged.chars() {
        let v = if c.is_ascii_digit() {
            c as u32 - '0' as u32
        } else {
            c as u32 - 'A' as u32 + 10
        };
        let digits = if v >= 10 { 100 } else { 10 };
        rem = (rem * digits + v) % 97;
    }
    rem == 1
}

/// One word of the text with where it is.
struct Token {
    start: usize,
    end: usize,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = vec![];
    let mut start = None;
    for (i, c) in text.char_indices() {
        let part = !c.is_whitespace();
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token { start: s, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Token {
            start: s,
            end: text.len(),
        });
    }
    out
}

fn trim_punct(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '@' && c != '+')
}

/// Removes what could identify a person; returns the cleaned text.
pub fn redact(text: &str) -> String {
    let toks = tokens(text);
    // (start, end, marker) ranges to replace, in order, not overlapping.
    let mut cuts: Vec<(usize, usize, &str)> = vec![];
    let word = |t: &Token| trim_punct(&text[t.start..t.end]);
    let mut i = 0;
    while i < toks.len() {
        let w = word(&toks[i]);
        let lower = w.to_lowercase();
        // E-mail.
        if w.contains('@') && w.contains('.') {
            cuts.push((toks[i].start, toks[i].end, EMAIL));
            i += 1;
            continue;
        }
        // IBAN: up to nine tokens joined (NL91 ABNA 0417 1643 00).
        let mut found = None;
        if w.chars().take(2).filter(char::is_ascii_alphabetic).count() == 2 {
            let mut joined = String::new();
            for (j, t) in toks.iter().enumerate().skip(i).take(9) {
                joined.push_str(word(t));
                if is_iban(&joined) {
                    found = Some(j);
                }
            }
        }
        if let Some(j) = found {
            cuts.push((toks[i].start, toks[j].end, IBAN));
            i = j + 1;
            continue;
        }
        // Numbers: joined digit groups (06 12 34 56 78, 0612-345678, +31 6 …).
        if w.starts_with('+') || w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            let mut digits = String::new();
            let mut j = i;
            while j < toks.len() {
                let t = word(&toks[j]);
                if !t.chars().all(|c| c.is_ascii_digit() || "+-()".contains(c)) || t.is_empty() {
                    break;
                }
                digits.extend(t.chars().filter(char::is_ascii_digit));
                j += 1;
                if digits.len() >= 12 {
                    break;
                }
            }
            let end = toks[j.max(i + 1) - 1].end;
            if digits.len() == 9 && is_bsn(&digits) {
                cuts.push((toks[i].start, end, BSN));
                i = j.max(i + 1);
                continue;
            }
            let phone = (digits.starts_with('0') && digits.len() == 10)
                || (digits.starts_with("31")
                    && (10..=11).contains(&digits.len())
                    && w.starts_with('+'))
                || (digits.starts_with("0031") && digits.len() == 13);
            if phone {
                cuts.push((toks[i].start, end, PHONE));
                i = j.max(i + 1);
                continue;
            }
            // Postcode: 1234 AB.
            if w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && i + 1 < toks.len() {
                let next = word(&toks[i + 1]);
                if next.len() == 2 && next.chars().all(|c| c.is_ascii_uppercase()) {
                    cuts.push((toks[i].start, toks[i + 1].end, ADDRESS));
                    i += 2;
                    continue;
                }
            }
        }
        // Street and house number: "Dorpsstraat 12", "Lange Laan 3a".
        if STREET_ENDINGS
            .iter()
            .any(|e| lower.ends_with(e) && lower.len() > e.len() + 1)
            && w.chars().next().is_some_and(char::is_uppercase)
            && i + 1 < toks.len()
            && word(&toks[i + 1])
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            cuts.push((toks[i].start, toks[i + 1].end, ADDRESS));
            i += 2;
            continue;
        }
        // A name after a cue word: every following capitalised word (and "van", "de", "der").
        if NAME_CUES.contains(&lower.as_str()) {
            let mut j = i + 1;
            let mut last = None;
            while j < toks.len() {
                let t = word(&toks[j]);
                let particle = matches!(t, "van" | "de" | "der" | "den" | "het" | "ter" | "el");
                let capital = t.chars().next().is_some_and(char::is_uppercase)
                    && t.chars()
                        .skip(1)
                        .all(|c| c.is_alphabetic() || c == '-' || c == '\'');
                let initial = t.len() <= 3 && t.ends_with('.')
                    || (t.len() == 1 && t.chars().all(char::is_uppercase));
                if capital || initial || (particle && last.is_some()) {
                    if capital || initial {
                        last = Some(j);
                    }
                    j += 1;
                    // A name ends at punctuation.
                    if text[toks[j - 1].start..toks[j - 1].end]
                        .ends_with([',', '.', '!', '?', ';', ':'])
                        && !initial
                    {
                        break;
                    }
                } else {
                    break;
                }
            }
            if let Some(l) = last {
                // Keep trailing punctuation of the name's last word.
                let raw = &text[toks[l].start..toks[l].end];
                let keep = raw.len() - raw.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
                cuts.push((toks[i + 1].start, toks[l].end - keep, NAME));
                i = l + 1;
                continue;
            }
        }
        i += 1;
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, marker) in cuts {
        if s < at {
            continue;
        }
        out.push_str(&text[at..s]);
        // Keep punctuation glued to the end of the removed token ("adres, …").
        let removed = &text[s..e];
        let tail = removed.len()
            - removed
                .trim_end_matches([',', '.', '!', '?', ';', ':', ')'])
                .len();
        out.push_str(marker);
        out.push_str(&removed[removed.len() - tail..]);
        at = e;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_eleven_test() {
        assert!(is_bsn("111222333"));
        assert!(is_bsn("123456782"));
        assert!(!is_bsn("123456789"));
        assert!(!is_bsn("000000000"));
        assert!(!is_bsn("12345678"));
    }

    #[test]
    fn iban_mod_97() {
        assert!(is_iban("NL91 ABNA 0417 1643 00"));
        assert!(is_iban("nl91abna0417164300"));
        assert!(!is_iban("NL91 ABNA 0417 1643 01"));
        assert!(is_iban("GB82 WEST 1234 5698 7654 32"));
        assert!(!is_iban("NL"));
    }

    #[test]
    fn what_identifies_a_person_is_removed() {
        let cases = [
            (
                "Mevrouw Jansen van de balie was erg onvriendelijk.",
                "Mevrouw [naam] van de balie was erg onvriendelijk.",
            ),
            (
                "Mijn klantmanager Peter de Vries belde nooit terug!",
                "Mijn klantmanager [naam] belde nooit terug!",
            ),
            (
                "Bel me op 06-12345678 of mail naar a.bakker@voorbeeld.nl.",
                "Bel me op [telefoonnummer] of mail naar [e-mailadres].",
            ),
            (
                "Mijn nummer is 06 12 34 56 78, bel gerust.",
                "Mijn nummer is [telefoonnummer], bel gerust.",
            ),
            (
                "Ik woon op de Dorpsstraat 12 in 1234 AB Voorbeeld.",
                "Ik woon op de [adres] in [adres] Voorbeeld.",
            ),
            (
                "Mijn BSN is 111222333 en dat stond in de brief.",
                "Mijn BSN is [BSN] en dat stond in de brief.",
            ),
            (
                "Het geld ging naar NL91 ABNA 0417 1643 00 in plaats van naar mij.",
                "Het geld ging naar [rekeningnummer] in plaats van naar mij.",
            ),
            (
                "Ik wacht al 3 maanden en kreeg 2 brieven.",
                "Ik wacht al 3 maanden en kreeg 2 brieven.",
            ),
            (
                "Meneer El Amrani, de consulent, hielp goed.",
                "Meneer [naam], de consulent, hielp goed.",
            ),
            ("Dhr. K. Bakker nam de tijd.", "Dhr. [naam] nam de tijd."),
        ];
        for (input, expected) in cases {
            assert_eq!(redact(input), expected, "{input}");
        }
    }

    proptest::proptest! {
        /// Any text at all (other scripts, emoji, stray digits): no panic, and what comes out has
        /// no e-mail address left in it.
        #[test]
        fn any_text_is_handled(text in "\\PC{0,200}", email in "[a-z]{1,8}@[a-z]{1,8}\\.nl") {
            let out = redact(&format!("{text} {email} {text}"));
            proptest::prop_assert!(!out.contains(&email));
        }
    }

    #[test]
    fn ordinary_numbers_and_words_stay() {
        let text = "In 2024 kreeg ik 123456789 keer dezelfde brief. De straat was glad.";
        assert_eq!(
            redact(text),
            text,
            "a nine-digit number failing the eleven-test is no BSN"
        );
        assert_eq!(redact(""), "");
        assert_eq!(redact("Goed geholpen."), "Goed geholpen.");
    }
}
