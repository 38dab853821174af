//! The codes people type: a survey wave's invitation codes (single use) and a complaint's
//! tracking code. Unguessable, easy to read aloud and type.
//!
//! A code is 9 random characters from an alphabet of 22 without look-alikes (no 0/O/Q, 1/I/L,
//! 2/Z, 5/S, 8/B, U/V), 9 × log2(22) ≈ 40.1 bits, plus one check character (Luhn mod 22: every single
//! wrong character and most swapped neighbours are caught before any database lookup).
//! Shown in groups as `ACD-EFG-HJKM`. Only a hash of the code is stored.

use rand::Rng;
use sha2::{Digest, Sha256};

use crate::web::i18n::{t, Lang};

/// The characters a code is made of, in value order.
pub const ALPHABET: &[u8; 22] = b"ACDEFGHJKMNPRTWXY34679";

/// Random characters in a code (the check character comes on top).
pub const RANDOM_CHARS: usize = 9;

/// Why typed text is not a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum CodeError {
    /// Too few or too many characters.
    #[error("een code heeft 10 tekens")]
    Length,
    /// A character that never occurs in a code.
    #[error("er staat een teken in dat niet in een code voorkomt")]
    Character,
    /// The check character does not match: a typing mistake.
    #[error("de code klopt niet; kijk of u een teken verkeerd heeft overgenomen")]
    Check,
}

fn alphabet() -> &'static [u8] {
    ALPHABET
}

fn value_of(c: u8) -> Option<usize> {
    alphabet().iter().position(|a| *a == c)
}

/// Luhn mod N check character over `chars` (values in the alphabet).
fn check_char(values: &[usize]) -> u8 {
    let n = alphabet().len();
    let mut factor = 2;
    let mut sum = 0;
    for v in values.iter().rev() {
        let addend = factor * v;
        sum += addend / n + addend % n;
        factor = if factor == 2 { 1 } else { 2 };
    }
    alphabet()[(n - sum % n) % n]
}

/// A new random code, formatted for print (`ACD-EFG-HJKM`).
pub fn generate(rng: &mut impl Rng) -> String {
    let n = alphabet().len();
    let values: Vec<usize> = (0..RANDOM_CHARS).map(|_| rng.gen_range(0..n)).collect();
    let mut chars: Vec<u8> = values.iter().map(|v| alphabet()[*v]).collect();
    chars.push(check_char(&values));
    format_code(&String::from_utf8_lossy(&chars))
}

/// Groups a bare code for reading: 3-3-4.
pub fn format_code(bare: &str) -> String {
    let b: Vec<char> = bare.chars().collect();
    if b.len() != RANDOM_CHARS + 1 {
        return bare.to_string();
    }
    format!(
        "{}-{}-{}",
        b[..3].iter().collect::<String>(),
        b[3..6].iter().collect::<String>(),
        b[6..].iter().collect::<String>()
    )
}

/// Reads a typed code (any case, with or without spaces and dashes) and checks it.
pub fn parse(input: &str) -> Result<String, CodeError> {
    let bare: Vec<u8> = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '.')
        .map(|c| c.to_ascii_uppercase() as u8)
        .collect();
    if bare.len() != RANDOM_CHARS + 1 {
        return Err(CodeError::Length);
    }
    let values: Vec<usize> = bare
        .iter()
        .map(|c| value_of(*c))
        .collect::<Option<Vec<_>>>()
        .ok_or(CodeError::Character)?;
    if check_char(&values[..RANDOM_CHARS]) != bare[RANDOM_CHARS] {
        return Err(CodeError::Check);
    }
    Ok(String::from_utf8_lossy(&bare).into_owned())
}

/// What a person who mistyped a code is told, in their language.
pub fn error_text(lang: Lang, e: CodeError) -> String {
    t(
        lang,
        match e {
            CodeError::Length => "code-error-length",
            CodeError::Character => "code-error-character",
            CodeError::Check => "code-error-check",
        },
    )
}

/// What is stored instead of the code.
pub fn hash(bare: &str) -> String {
    crate::fmt::hex(&Sha256::digest(bare.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_alphabet_has_no_look_alikes_or_doubles() {
        let a = alphabet();
        assert_eq!(a.len(), 22);
        for bad in b"0OQ1IL2Z5S8BUV" {
            assert!(!a.contains(bad), "{}", *bad as char);
        }
        let mut sorted = a.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 22);
        assert!((RANDOM_CHARS as f64) * (22f64).log2() >= 40.0);
    }

    #[test]
    fn generated_codes_parse_back() {
        let mut rng = rand::thread_rng();
        for _ in 0..2000 {
            let code = generate(&mut rng);
            assert_eq!(code.len(), 12);
            assert_eq!(code.matches('-').count(), 2);
            let bare = parse(&code).unwrap();
            assert_eq!(parse(&code.to_lowercase().replace('-', " ")).unwrap(), bare);
        }
    }

    #[test]
    fn every_single_typo_is_caught() {
        let mut rng = rand::thread_rng();
        let code = parse(&generate(&mut rng)).unwrap().into_bytes();
        for pos in 0..code.len() {
            for c in alphabet() {
                if *c == code[pos] {
                    continue;
                }
                let mut typo = code.clone();
                typo[pos] = *c;
                assert_eq!(
                    parse(&String::from_utf8_lossy(&typo)),
                    Err(CodeError::Check)
                );
            }
        }
    }

    #[test]
    fn most_swapped_neighbours_are_caught() {
        let mut rng = rand::thread_rng();
        let (mut swaps, mut caught) = (0, 0);
        for _ in 0..500 {
            let code = parse(&generate(&mut rng)).unwrap().into_bytes();
            for pos in 0..code.len() - 1 {
                if code[pos] == code[pos + 1] {
                    continue;
                }
                let mut t = code.clone();
                t.swap(pos, pos + 1);
                swaps += 1;
                if parse(&String::from_utf8_lossy(&t)).is_err() {
                    caught += 1;
                }
            }
        }
        assert!(caught as f64 / swaps as f64 > 0.9, "{caught}/{swaps}");
    }

    #[test]
    fn bad_input_says_what_is_wrong() {
        assert_eq!(parse("ACD-EFG"), Err(CodeError::Length));
        assert_eq!(parse("ACD-EFG-HJK0"), Err(CodeError::Character));
        assert_eq!(hash("ACDEFGHJKM").len(), 64);
    }
}
