//! Reading single values (numbers, yes/no, the mail transport) and telling what is missing.

use std::path::PathBuf;

use super::*;

/// Required settings that are not set, each with how to set it.
#[derive(Debug, PartialEq, Eq)]
pub struct MissingSettings(pub Vec<ConfigError>);

impl std::fmt::Display for MissingSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let lines: Vec<String> = self.0.iter().map(|e| e.to_string()).collect();
        write!(f, "{}", lines.join("\n"))
    }
}

impl std::error::Error for MissingSettings {}

pub(super) fn missing_setting(env: &str, key: &str, problem: &str, example: &str) -> ConfigError {
    ConfigError::new(
        env,
        problem,
        format!(
            "Zet {env}=\"{example}\" in de omgeving, of {key} = \"{example}\" in klankbord.toml (met de gegevens van uw gemeente)."
        ),
    )
}

pub(super) fn parse_mail(raw: &str) -> Result<MailConfig, ConfigError> {
    if let Some(dir) = raw.strip_prefix("folder:") {
        if dir.trim().is_empty() {
            return Err(ConfigError::new(
                "KLANKBORD_MAIL",
                "de map ontbreekt",
                "Gebruik folder:pad/naar/map of smtp://host:poort.",
            ));
        }
        return Ok(MailConfig::Folder(PathBuf::from(dir)));
    }
    if raw.starts_with("smtp://") || raw.starts_with("smtps://") {
        let rest = raw.split_once("://").map(|(_, r)| r).unwrap_or("");
        let host = rest.rsplit('@').next().unwrap_or("");
        if host.is_empty() || host.starts_with(':') {
            return Err(ConfigError::new(
                "KLANKBORD_MAIL",
                "de SMTP-server ontbreekt",
                "Gebruik smtp://host:poort, bijvoorbeeld smtp://localhost:25.",
            ));
        }
        return Ok(MailConfig::Smtp(raw.to_string()));
    }
    Err(ConfigError::new(
        "KLANKBORD_MAIL",
        format!("'{}' is geen bekende manier van verzenden", redact(raw)),
        "Gebruik folder:pad/naar/map (mail als bestanden) of smtp://host:poort.",
    ))
}

/// Hides a password in a URL-like value before it goes into an error message.
pub(super) fn redact(raw: &str) -> String {
    match raw.split_once('@') {
        Some((_, host)) => format!("…@{host}"),
        None => raw.to_string(),
    }
}

pub(super) fn parse_number<T: std::str::FromStr>(setting: &str, v: &str) -> Result<T, ConfigError> {
    v.trim().parse().map_err(|_| {
        ConfigError::new(
            setting,
            format!("'{v}' is geen geheel getal"),
            "Geef een getal zonder punt of komma.",
        )
    })
}

pub(super) fn parse_bool(setting: &str, v: &str) -> Result<bool, ConfigError> {
    match v.trim().to_ascii_lowercase().as_str() {
        "1" | "true" | "ja" | "yes" => Ok(true),
        "0" | "false" | "nee" | "no" => Ok(false),
        _ => Err(ConfigError::new(
            setting,
            format!("'{v}' is geen ja/nee-waarde"),
            "Gebruik true of false.",
        )),
    }
}
