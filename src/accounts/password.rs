//! Password rules and hashing. Argon2id with the crate's defaults (OWASP's minimum: 19 MiB, 2 passes).
//! zxcvbn is used for the common-password check: it carries the leaked-password and word lists we would
//! otherwise have to ship and keep up to date ourselves.

use argon2::password_hash::{
    rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString,
};
use argon2::Argon2;

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

/// Words that make a password guessable in this product's setting.
const LOCAL_WORDS: &[&str] = &[
    "klankbord",
    "gemeente",
    "wachtwoord",
    "welkom",
    "bijstand",
    "voorbeeld",
    "beheerder",
    "klacht",
    "wethouder",
    "raadslid",
];

/// Checks a new password against the policy; `context` holds the user's own name and login.
pub fn check_policy(password: &str, context: &[&str]) -> Result<(), PasswordProblem> {
    let chars = password.chars().count();
    if chars < MIN_LENGTH {
        return Err(PasswordProblem::TooShort);
    }
    if chars > MAX_LENGTH {
        return Err(PasswordProblem::TooLong);
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
