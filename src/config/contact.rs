//! How residents reach the municipality: the contact settings and their checks.

use super::*;

/// The municipality's name and how residents reach it: set once, shown on every page a resident
/// needs help on, in letters and on paper forms. Phone, e-mail and the data protection officer are
/// required to serve (see [`Config::check_serve`]); the rest is shown when set.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Contact {
    /// Name of the municipality, e.g. `Gemeente Voorbeeld`.
    pub municipality: String,
    /// General phone number as residents dial it, e.g. `14 0123`.
    pub phone: Option<String>,
    /// General e-mail address.
    pub email: Option<String>,
    /// The municipality's own website.
    pub website: Option<String>,
    /// Where letters go, e.g. `Postbus 100, 1234 AB Voorbeeld`.
    pub postal_address: Option<String>,
    /// Where residents can come by, e.g. `Raadhuisplein 1, 1234 AB Voorbeeld`.
    pub visiting_address: Option<String>,
    /// When the visiting address is open (as the municipality writes it, in Dutch).
    pub opening_hours: Option<String>,
    /// E-mail address of the data protection officer (functionaris gegevensbescherming, AVG art. 37-39).
    pub privacy_officer_email: Option<String>,
}

impl Contact {
    /// A contact with only a name (tests, documents made outside a server).
    pub fn named(municipality: &str) -> Contact {
        Contact {
            municipality: municipality.to_string(),
            ..Contact::default()
        }
    }

    /// The phone number as a `tel:` link: digits, with a leading `+` kept.
    pub fn phone_href(&self) -> Option<String> {
        self.phone.as_deref().map(phone_href)
    }
}

/// `tel:` link for a phone number as written (`14 0123` -> `tel:140123`).
pub fn phone_href(phone: &str) -> String {
    let mut out = String::from("tel:");
    for (i, c) in phone.trim().chars().enumerate() {
        if c.is_ascii_digit() || (i == 0 && c == '+') {
            out.push(c);
        }
    }
    out
}

/// Longest free-text contact setting (an address, opening hours), in characters.
pub(super) const MAX_CONTACT_TEXT: usize = 200;

/// A phone number as residents dial it: digits, spaces, `+`, `-`, `(`, `)` and `.`; 5 to 15 digits.
pub(super) fn parse_phone(raw: &str) -> Result<String, ConfigError> {
    let v = raw.trim();
    let digits = v.chars().filter(char::is_ascii_digit).count();
    let allowed = v
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')' | '.'));
    if !allowed || !(5..=15).contains(&digits) {
        return Err(ConfigError::new(
            "KLANKBORD_CONTACT_PHONE",
            format!("'{v}' is geen telefoonnummer"),
            "Schrijf het nummer zoals inwoners het bellen, met 5 tot 15 cijfers, bijvoorbeeld 14 0123 of 0123 456 789.",
        ));
    }
    Ok(v.to_string())
}

pub(super) fn parse_email(setting: &str, raw: &str, fix: &str) -> Result<String, ConfigError> {
    let v = raw.trim();
    if !crate::mail::valid_address(v) {
        return Err(ConfigError::new(
            setting,
            format!("'{v}' is geen e-mailadres"),
            fix,
        ));
    }
    Ok(v.to_string())
}

pub(super) fn parse_website(raw: &str) -> Result<String, ConfigError> {
    let v = raw.trim().trim_end_matches('/');
    let rest = v
        .strip_prefix("https://")
        .or_else(|| v.strip_prefix("http://"));
    let ok = rest.is_some_and(|r| {
        !r.is_empty()
            && !r.starts_with('/')
            && !r.chars().any(|c| c.is_whitespace() || c.is_control())
    });
    if !ok || v.chars().count() > MAX_CONTACT_TEXT {
        return Err(ConfigError::new(
            "KLANKBORD_CONTACT_WEBSITE",
            format!("'{v}' is geen webadres"),
            "Geef het volledige adres van de website van de gemeente, bijvoorbeeld https://www.gemeente.nl.",
        ));
    }
    Ok(v.to_string())
}

/// A short text on one line. Line breaks (from a multi-line string in klankbord.toml) become
/// commas, as addresses are written on one line.
pub(super) fn parse_line(setting: &str, raw: &str, fix: &str) -> Result<String, ConfigError> {
    let v = raw
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    if v.is_empty() || v.chars().count() > MAX_CONTACT_TEXT || v.chars().any(char::is_control) {
        return Err(ConfigError::new(
            setting,
            format!("de tekst is leeg, langer dan {MAX_CONTACT_TEXT} tekens of bevat tekens die niet te lezen zijn"),
            fix,
        ));
    }
    Ok(v)
}
