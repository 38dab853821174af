//! Removing what identifies a person from a text that readers without complaint rights see (a
//! quote, an open answer, a complaint description on the coding screen): e-mail addresses (also
//! written as `naam(at)domein.nl` or `naam @ domein . nl`), telephone numbers, IBANs (mod 97), BSNs
//! (nine digits passing the eleven-test), with spaces, dots or dashes between the digits, street
//! addresses and postcodes, a date of birth after "geboren", and names: after a title, role or
//! family word ("mevrouw Jansen", "mijn zoon Ahmed"), after "ik ben", "ik heet" or "mijn naam is",
//! and right before "van team" or "van afdeling". A name found that way is also removed where it
//! comes back later in the text. What is removed becomes a marker in square brackets, so a reader
//! sees that something was there. [`redact_known`] also removes what is already known about the
//! writer (a stored name, e-mail address or phone number) wherever it occurs.
//!
//! - [`checks`]: checks on one piece (BSN, IBAN, phone, postcode, e-mail, date).
//! - [`names`]: where a name starts and ends.

mod checks;
mod names;
#[cfg(test)]
mod tests;

pub use checks::{is_bsn, is_iban};

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
/// Marker for a date of birth.
pub const BIRTH_DATE: &str = "[geboortedatum]";

/// Street-name endings, for "Dorpsstraat 12".
const STREET_ENDINGS: [&str; 14] = [
    "straat", "laan", "weg", "plein", "singel", "gracht", "kade", "dijk", "pad", "steeg", "hof",
    "dreef", "park", "markt",
];

/// Words after which a full date is a date of birth.
const BIRTH_CUES: [&str; 4] = ["geboren", "geboortedatum", "geb", "geboortedag"];

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

/// A piece to replace: bytes `start..end` of the text become `marker`.
type Cut = (usize, usize, &'static str);

/// The words of a text as written and without surrounding punctuation, with their places.
struct Words<'a> {
    toks: Vec<Token>,
    raws: Vec<&'a str>,
    words: Vec<&'a str>,
}

impl<'a> Words<'a> {
    fn new(text: &'a str) -> Self {
        let toks = tokens(text);
        let raws: Vec<&str> = toks.iter().map(|t| &text[t.start..t.end]).collect();
        let words = raws.iter().map(|r| trim_punct(r)).collect();
        Words { toks, raws, words }
    }

    fn lower(&self, k: usize) -> String {
        self.words
            .get(k)
            .map(|w| w.to_lowercase())
            .unwrap_or_default()
    }

    fn cut(&self, from: usize, to: usize, marker: &'static str) -> Cut {
        (self.toks[from].start, self.toks[to].end, marker)
    }
}

/// Removes what could identify a person; returns the cleaned text.
pub fn redact(text: &str) -> String {
    redact_known(text, &[])
}

/// [`redact`], and also removes everything in `known` (the writer's stored name, e-mail address or
/// phone number) wherever it occurs, in any case; of a known name also each capitalised part of
/// three letters or more ("Amrani" of "Fatima El Amrani") where it is written with its capital.
pub fn redact_known(text: &str, known: &[&str]) -> String {
    let w = Words::new(text);
    let mut cuts = scan(&w);
    // Names found by a cue and the known ones come back elsewhere in the text.
    let mut names: Vec<(String, bool, &'static str)> = vec![];
    for (s, e, m) in &cuts {
        if *m == NAME {
            names.extend(name_parts(&text[*s..*e]).map(|p| (p, true, NAME)));
        }
    }
    for k in known
        .iter()
        .map(|k| k.trim())
        .filter(|k| k.chars().count() >= 2)
    {
        let digits: String = k.chars().filter(char::is_ascii_digit).collect();
        let marker = if k.contains('@') {
            EMAIL
        } else if digits.len() >= 6 {
            PHONE
        } else {
            names.extend(name_parts(k).map(|p| (p, true, NAME)));
            NAME
        };
        names.push((k.to_string(), false, marker));
    }
    for (name, exact_case, marker) in &names {
        for (s, e) in occurrences(text, name, *exact_case) {
            cuts.push((s, e, marker));
        }
    }
    // Longest first where two start at the same place, so a whole name wins over its part.
    cuts.sort_by_key(|(s, e, _)| (*s, std::cmp::Reverse(*e)));
    apply(text, &cuts)
}

/// The capitalised parts of a name worth looking for on their own (three letters or more, no
/// ordinary word).
fn name_parts(name: &str) -> impl Iterator<Item = String> + '_ {
    name.split_whitespace()
        .map(trim_punct)
        .filter(|p| p.chars().count() >= 3 && names::is_name_word(p))
        .map(str::to_string)
}

/// Where `needle` occurs in `text` as whole words: byte ranges. Without `exact_case` any case
/// matches (compared a character at a time, so byte places stay right).
fn occurrences(text: &str, needle: &str, exact_case: bool) -> Vec<(usize, usize)> {
    let fold = |c: char| {
        if exact_case {
            c
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    };
    let hay: Vec<(usize, char)> = text.char_indices().collect();
    let pat: Vec<char> = needle.chars().map(fold).collect();
    let mut out = vec![];
    if pat.is_empty() || pat.len() > hay.len() {
        return out;
    }
    for i in 0..=hay.len() - pat.len() {
        let fits = pat
            .iter()
            .enumerate()
            .all(|(k, p)| fold(hay[i + k].1) == *p);
        let before = i == 0 || !hay[i - 1].1.is_alphanumeric();
        let after = hay.get(i + pat.len());
        if fits && before && after.is_none_or(|(_, c)| !c.is_alphanumeric()) {
            out.push((hay[i].0, after.map_or(text.len(), |(b, _)| *b)));
        }
    }
    out
}

/// Every rule, from the first word on: where a rule matches, its words are cut and the next word
/// after them is looked at.
fn scan(w: &Words) -> Vec<Cut> {
    let mut cuts = vec![];
    let mut i = 0;
    while i < w.toks.len() {
        let found = email(w, i)
            .or_else(|| iban(w, i))
            .or_else(|| number(w, i))
            .or_else(|| postcode(w, i))
            .or_else(|| birth_date(w, i))
            .or_else(|| street(w, i))
            .or_else(|| cued_name(w, i))
            .or_else(|| names::name_before_team(&w.raws, &w.words, i).map(|l| (i, l, NAME)));
        match found {
            Some((from, to, marker)) => {
                cuts.push(w.cut(from, to, marker));
                i = to + 1;
            }
            None => i += 1,
        }
    }
    cuts
}

/// A match: the first and last word and the marker.
type Found = Option<(usize, usize, &'static str)>;

/// An e-mail address, also in pieces (`fatima @ gmail . com`, `fatima(at)gmail.com`).
fn email(w: &Words, i: usize) -> Found {
    let first = checks::email_piece(w.raws[i]);
    if first.is_empty() || first.starts_with('@') || first == "." {
        return None;
    }
    let mut joined = first.clone();
    let mut prev = first;
    let mut best = checks::is_email(&joined).then_some(i);
    for k in i + 1..w.toks.len().min(i + 7) {
        let piece = checks::email_piece(w.raws[k]);
        if !checks::email_glue(&prev, &piece) {
            break;
        }
        joined.push_str(&piece);
        if checks::is_email(&joined) {
            best = Some(k);
        }
        prev = piece;
    }
    best.map(|l| (i, l, EMAIL))
}

/// An IBAN over up to nine words (NL91 ABNA 0417 1643 00), the shortest that passes mod 97.
fn iban(w: &Words, i: usize) -> Found {
    if w.words[i]
        .chars()
        .take(2)
        .filter(char::is_ascii_alphabetic)
        .count()
        != 2
    {
        return None;
    }
    let mut joined = String::new();
    for k in i..w.toks.len().min(i + 9) {
        joined.push_str(w.words[k]);
        if joined.len() > 40 {
            return None;
        }
        if checks::is_iban(&joined) {
            return Some((i, k, IBAN));
        }
    }
    None
}

/// A BSN or a telephone number over one or more words of digits and separators, the longest that
/// fits. Not after a euro sign or before "euro".
fn number(w: &Words, i: usize) -> Found {
    let start = w.words[i];
    if !(start.starts_with('+') || start.starts_with(|c: char| c.is_ascii_digit())) {
        return None;
    }
    let plus = w.raws[i].trim_start_matches('(').starts_with('+');
    let money = w.raws[i].starts_with('€') || (i > 0 && w.raws[i - 1].ends_with('€'));
    let mut digits = String::new();
    let mut best = None;
    let mut k = i;
    while k < w.toks.len() && k < i + 6 {
        let Some(d) = checks::number_digits(w.words[k]) else {
            break;
        };
        digits.push_str(&d);
        if digits.len() > 13 {
            break;
        }
        let euro = matches!(w.lower(k + 1).as_str(), "euro" | "eur");
        if digits.len() == 9 && checks::is_bsn(&digits) && !money && !euro {
            best = Some((i, k, BSN));
        } else if checks::is_phone(&digits, plus) && !money && !euro {
            best = Some((i, k, PHONE));
        }
        if w.raws[k].ends_with([',', '.', ';', ':', '!', '?']) {
            break;
        }
        k += 1;
    }
    best
}

/// A postcode: `1234AB`, `1234 AB`, `1234 ab` (lowercase only after "postcode" or when no unit or
/// short word).
fn postcode(w: &Words, i: usize) -> Found {
    let sure = i > 0 && w.lower(i - 1) == "postcode";
    let word = w.words[i];
    if word.len() == 6 && word.is_char_boundary(4) {
        let (d, l) = word.split_at(4);
        if checks::is_postcode(d, l, sure) {
            return Some((i, i, ADDRESS));
        }
    }
    let glued = !w.raws[i].ends_with([',', '.', ';', ':', '!', '?']);
    let next = w.words.get(i + 1)?;
    (glued && checks::is_postcode(word, next, sure)).then_some((i, i + 1, ADDRESS))
}

/// A full date after "geboren (op)", "geboortedatum" or "geb.".
fn birth_date(w: &Words, i: usize) -> Found {
    if !BIRTH_CUES.contains(&w.lower(i).as_str()) {
        return None;
    }
    let mut k = i + 1;
    if w.lower(k) == "op" {
        k += 1;
    }
    let word = |n: usize| w.words.get(n).copied().unwrap_or_default();
    if checks::is_date(word(k)) {
        return Some((k, k, BIRTH_DATE));
    }
    let month = w.raws.get(k + 1).copied().unwrap_or_default();
    checks::is_written_date(word(k), month, word(k + 2)).then_some((k, k + 2, BIRTH_DATE))
}

/// A street and house number: "Dorpsstraat 12", "Kerkstraat 12a".
fn street(w: &Words, i: usize) -> Found {
    let lower = w.lower(i);
    let street = STREET_ENDINGS
        .iter()
        .any(|e| lower.ends_with(e) && lower.len() > e.len() + 1)
        && w.words[i].starts_with(char::is_uppercase);
    let number = w
        .words
        .get(i + 1)
        .is_some_and(|n| n.starts_with(|c: char| c.is_ascii_digit()));
    (street && number).then_some((i, i + 1, ADDRESS))
}

/// A name after a cue: "mevrouw Jansen", "mijn zoon Ahmed", "ik ben Fatima El Amrani". The cue
/// stays.
fn cued_name(w: &Words, i: usize) -> Found {
    let cue = names::cue_at(&w.raws, &w.words, i)?;
    let from = i + cue.len;
    let last = names::name_run(&w.raws, &w.words, from, cue.title)?;
    Some((from, last, NAME))
}

/// Puts the markers in. Cuts are sorted by start; one that overlaps an earlier one is skipped.
/// Punctuation glued to the front or end of what is removed stays ("(Jan)," → "([naam]),").
fn apply(text: &str, cuts: &[Cut]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (s, e, marker) in cuts {
        if *s < at {
            continue;
        }
        let removed = &text[*s..*e];
        let tail = removed.len()
            - removed
                .trim_end_matches([',', '.', '!', '?', ';', ':', ')'])
                .len();
        let opener = removed
            .chars()
            .next()
            .filter(|c| ['(', '"', '\'', '“'].contains(c))
            .map_or(0, char::len_utf8);
        let balanced = removed.ends_with(')') || !removed.contains(')');
        let head = if balanced && removed.len() > tail + opener {
            opener
        } else {
            0
        };
        out.push_str(&text[at..*s]);
        out.push_str(&removed[..head]);
        out.push_str(marker);
        out.push_str(&removed[removed.len() - tail..]);
        at = *e;
    }
    out.push_str(&text[at..]);
    out
}
