//! Checks on single pieces of text: is this a BSN, an IBAN, a phone number, a postcode, an e-mail
//! address, a date? Separators (spaces, dots, dashes) are taken out before a number is checked,
//! and the eleven-test and mod-97 check stay, so an amount or a case number is not taken for one.

/// The eleven-test for a nine-digit BSN (digits only).
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

/// The mod-97 check of an IBAN (spaces, dots and dashes allowed). Dutch, Belgian and German
/// numbers must have their country's length.
pub fn is_iban(s: &str) -> bool {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '.' && *c != '-')
        .collect::<String>()
        .to_uppercase();
    if !compact.chars().all(|c| c.is_ascii_alphanumeric())
        || !(15..=34).contains(&compact.len())
        || !compact[..2].chars().all(|c| c.is_ascii_alphabetic())
        || !compact[2..4].chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    let length = match &compact[..2] {
        "NL" => Some(18),
        "BE" => Some(16),
        "DE" => Some(22),
        _ => None,
    };
    if length.is_some_and(|l| l != compact.len()) {
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

/// The digits of a piece that holds only digits and separators (`06-12.34.56.78`, `(020)`,
/// `+31`), or `None` for anything else (a word, an amount with a decimal comma).
pub fn number_digits(piece: &str) -> Option<String> {
    let ok = piece.chars().any(|c| c.is_ascii_digit())
        && piece
            .chars()
            .all(|c| c.is_ascii_digit() || ".-/()+".contains(c));
    ok.then(|| piece.chars().filter(char::is_ascii_digit).collect())
}

/// Whether these digits are a telephone number: Dutch (ten digits from 0, or 31/0031 and nine
/// more), or any number of ten to thirteen digits written with a leading `+`.
pub fn is_phone(digits: &str, plus: bool) -> bool {
    (digits.starts_with('0') && !digits.starts_with("00") && digits.len() == 10)
        || (plus && (10..=13).contains(&digits.len()))
        || (digits.starts_with("0031") && digits.len() == 13)
}

/// Two-letter units and words that may follow four digits without being a postcode's letters.
const NOT_POSTCODE_LETTERS: [&str; 24] = [
    "km", "kg", "mg", "ml", "cm", "mm", "gb", "mb", "kb", "kw", "pk", "ha", "is", "en", "op", "om",
    "in", "of", "te", "al", "ik", "nu", "zo", "na",
];

/// Whether four digits and two letters form a Dutch postcode (`1234 AB`); `sure` when the letters
/// are capitals or the word "postcode" came before, otherwise lowercase letters that are a unit or
/// a short word ("2024 is") are not taken.
pub fn is_postcode(digits: &str, letters: &str, sure: bool) -> bool {
    let upper = letters.to_ascii_uppercase();
    digits.len() == 4
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0')
        && letters.len() == 2
        && letters.chars().all(|c| c.is_ascii_alphabetic())
        && !["SA", "SD", "SS"].contains(&upper.as_str())
        && (sure
            || letters == upper
            || !NOT_POSTCODE_LETTERS.contains(&letters.to_ascii_lowercase().as_str()))
}

/// A piece of an e-mail address as written, made plain: `(at)`, `[at]` and "apenstaartje" become
/// `@`, `(dot)` and "punt" become `.`, and surrounding punctuation goes.
pub fn email_piece(raw: &str) -> String {
    let mut s = raw.to_lowercase();
    for at in ["(at)", "[at]", "{at}"] {
        s = s.replace(at, "@");
    }
    for dot in ["(dot)", "[dot]", "{dot}", "(punt)", "[punt]"] {
        s = s.replace(dot, ".");
    }
    match s.as_str() {
        "apenstaartje" => return "@".into(),
        "punt" | "dot" => return ".".into(),
        _ => {}
    }
    let s = s.trim_matches(|c: char| !(c.is_alphanumeric() || "@._+-".contains(c)));
    if s == "." {
        return s.into();
    }
    s.trim_end_matches('.').into()
}

/// Whether two pieces of an address written with spaces belong together (`fatima @ gmail . com`).
pub fn email_glue(before: &str, after: &str) -> bool {
    before == "@"
        || before == "."
        || after == "@"
        || after == "."
        || before.ends_with('@')
        || after.starts_with('@')
}

/// Whether a plain piece is an e-mail address: `name@domain.tld`.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let labels: Vec<&str> = domain.split('.').collect();
    !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_alphanumeric() || "._%+-".contains(c))
        && labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && labels
            .last()
            .is_some_and(|t| (2..=24).contains(&t.len()) && t.chars().all(char::is_alphabetic))
}

/// The short forms of the month names, for "1 feb 1980" (the full names: [`crate::fmt::MONTHS_NL`]).
const SHORT_MONTHS: [&str; 11] = [
    "jan", "feb", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov",
];

/// Whether a piece is a full date in figures: `01-02-1980`, `1.2.80`, `1/2/1980`, `1980-02-01`.
pub fn is_date(piece: &str) -> bool {
    let parts: Vec<&str> = piece.split(['-', '.', '/']).collect();
    if parts.len() != 3 || parts.iter().any(|p| !p.chars().all(|c| c.is_ascii_digit())) {
        return false;
    }
    let n: Vec<u32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
    if n.len() != 3 {
        return false;
    }
    let dmy = (1..=31).contains(&n[0])
        && (1..=12).contains(&n[1])
        && (parts[2].len() == 2 || parts[2].len() == 4);
    let ymd = parts[0].len() == 4 && (1..=12).contains(&n[1]) && (1..=31).contains(&n[2]);
    dmy || ymd
}

/// Whether three words are a date written out: "1 februari 1980", "1 feb. 1980".
pub fn is_written_date(day: &str, month: &str, year: &str) -> bool {
    day.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && {
            let m = month.trim_end_matches('.').to_lowercase();
            crate::fmt::MONTHS_NL.contains(&m.as_str()) || SHORT_MONTHS.contains(&m.as_str())
        }
        && year.len() == 4
        && year.chars().all(|c| c.is_ascii_digit())
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
        assert!(is_iban("NL91-ABNA-0417-1643-00"));
        assert!(is_iban("NL91.ABNA.0417.1643.00"));
        assert!(!is_iban("NL91 ABNA 0417 1643 01"));
        assert!(is_iban("GB82 WEST 1234 5698 7654 32"));
        assert!(!is_iban("NL"));
        assert!(!is_iban("Nederland"));
    }

    #[test]
    fn numbers_lose_their_separators() {
        assert_eq!(number_digits("1234.56.782").as_deref(), Some("123456782"));
        assert_eq!(
            number_digits("06-12.34.56.78").as_deref(),
            Some("0612345678")
        );
        assert_eq!(number_digits("(020)").as_deref(), Some("020"));
        assert_eq!(number_digits("1.234,56"), None, "an amount with cents");
        assert_eq!(number_digits("12a"), None);
        assert_eq!(number_digits("--"), None);
    }

    #[test]
    fn phones() {
        assert!(is_phone("0612345678", false));
        assert!(is_phone("31612345678", true));
        assert!(is_phone("0031612345678", false));
        assert!(!is_phone("20260012", false), "a case number");
        assert!(!is_phone("01021980", false), "a date");
        assert!(!is_phone("0012345678", false));
    }

    #[test]
    fn postcodes() {
        assert!(is_postcode("1234", "AB", false));
        assert!(is_postcode("1234", "ab", false));
        assert!(is_postcode("1234", "ab", true));
        assert!(!is_postcode("1234", "SS", true));
        assert!(!is_postcode("1234", "sa", true));
        assert!(!is_postcode("0123", "AB", true));
        assert!(!is_postcode("2024", "is", false), "In 2024 is …");
        assert!(!is_postcode("1500", "km", false));
        assert!(is_postcode("2024", "is", true), "after the word postcode");
    }

    #[test]
    fn emails_written_around_the_at_sign() {
        assert_eq!(email_piece("fatima(at)gmail.com,"), "fatima@gmail.com");
        assert_eq!(email_piece("apenstaartje"), "@");
        assert_eq!(email_piece("."), ".");
        assert_eq!(email_piece("com."), "com");
        assert!(is_email("fatima@gmail.com"));
        assert!(is_email("a.bakker@voorbeeld.nl"));
        assert!(!is_email("fatima@gmail"));
        assert!(!is_email("@gmail.com"));
        assert!(!is_email("a@b@c.nl"));
        assert!(!is_email("mail@home.123"));
        assert!(email_glue("fatima", "@"));
        assert!(email_glue("fatima@", "gmail.com"));
        assert!(!email_glue("mail", "fatima"));
        assert!(!email_glue("fatima@gmail.com.", "Dan"));
    }

    #[test]
    fn dates() {
        assert!(is_date("01-02-1980"));
        assert!(is_date("1.2.80"));
        assert!(is_date("1980-02-01"));
        assert!(!is_date("2026-0012"), "a case number");
        assert!(!is_date("13-13-1980"));
        assert!(!is_date("1-2"));
        assert!(is_written_date("1", "februari", "1980"));
        assert!(is_written_date("12", "Feb.", "1980"));
        assert!(!is_written_date("1", "keer", "1980"));
    }
}
