//! Typed configuration: an optional `klankbord.toml`, overridden by `KLANKBORD_*` environment variables
//! and `DATABASE_URL`, validated once at start-up so that invalid settings never reach the running server.
//!
//! - this file: the settings as the program uses them ([`Config`] and its parts);
//! - [`sources`]: building them from the file and the environment; [`file`]: the file as read;
//! - [`contact`], [`login`]: the contact and sign-in settings; [`values`]: single values.

mod contact;
mod file;
mod login;
mod sources;
#[cfg(test)]
mod tests;
mod values;

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

pub use contact::*;
pub use file::*;
use login::*;
pub use values::*;

use crate::db::DatabaseUrl;

/// Everything the server needs to start, already validated.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the database lives; the backend follows from the URL scheme.
    pub database_url: DatabaseUrl,
    /// Address the HTTP server listens on.
    pub bind: SocketAddr,
    /// Public address as users see it (used in links and to decide on `Secure` cookies).
    pub public_url: String,
    /// Name of the municipality shown in the header and in texts.
    pub municipality: String,
    /// How residents reach the municipality (shown on pages, letters and paper forms).
    pub contact: std::sync::Arc<Contact>,
    /// The party that runs the servers for the municipality (a processor), named in the privacy statement.
    pub hosting_provider: Option<String>,
    /// How outgoing mail leaves the system.
    pub mail: MailConfig,
    /// Sender of outgoing mail, e.g. `Gemeente Voorbeeld <klachten@voorbeeld.nl>`.
    pub mail_from: String,
    /// Seconds between two looks at the mail outbox.
    pub mail_poll_seconds: u64,
    /// Number of HTTP worker threads (0 = one per CPU core).
    pub workers: usize,
    /// Maximum number of pooled database connections per instance.
    pub db_pool_size: u32,
    /// How SQLite commits reach the disk: `group` (durable, the default) or `normal`.
    pub sqlite_sync: crate::db::durable::SyncMode,
    /// Trust `X-Forwarded-For`/`Forwarded` for the client address (only behind your own load balancer).
    pub behind_proxy: bool,
    /// Idle minutes after which a staff session ends.
    pub session_idle_minutes: i64,
    /// Days after a wave closes that interview volunteers' contact details are kept.
    pub volunteer_retention_days: i64,
    /// Days the government declared equal to a recognised holiday (Algemene termijnenwet art. 3 lid 2).
    pub extra_closed_days: Vec<chrono::NaiveDate>,
    /// Milliseconds an upload request waits for its import before showing a progress page.
    pub upload_wait_ms: u64,
    /// Complaints settings.
    pub complaints: ComplaintSettings,
    /// Staff sign-in: single sign-on, password, two-factor codes (see [`LoginSettings`]).
    pub login: LoginSettings,
}

/// How staff sign in.
#[derive(Debug, Clone)]
pub struct LoginSettings {
    /// The identity provider for single sign-on, if one is configured.
    pub sso: Option<std::sync::Arc<crate::accounts::oidc::SsoSettings>>,
    /// Whether the password form is offered next to single sign-on.
    pub methods: LoginMethods,
    /// Local accounts that may log in with a password when only single sign-on is offered
    /// (break-glass administrators); every such login is logged.
    pub break_glass: Vec<String>,
    /// Roles whose holders must use a two-factor code with their password.
    pub totp_required: Vec<crate::accounts::model::Role>,
}

/// Which ways of logging in the login page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginMethods {
    /// Password form only (no identity provider configured).
    Password,
    /// Single sign-on only; the password form is there for break-glass accounts only.
    Sso,
    /// Both, side by side.
    Both,
}

/// Roles that see personal data and so need a second factor by default: complaint files, contact
/// details of interview volunteers, and the accounts and audit log.
pub const DEFAULT_TOTP_ROLES: &str =
    "beheerder,onderzoeker,klachtcoordinator,klachtbehandelaar,commissielid";

/// How this municipality handles complaints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComplaintSettings {
    /// The municipality has a complaints advisory committee (Awb afdeling 9.1.3): 10 weeks by default.
    pub committee: bool,
    /// The external ombudsman named in outcome letters.
    pub ombudsman: String,
    /// Folder with letter templates that replace the built-in ones.
    pub templates_dir: Option<PathBuf>,
    /// Calendar days to acknowledge receipt (local target).
    pub acknowledgement_days: i64,
    /// Working days to the first mediation contact (local target).
    pub mediation_working_days: u32,
    /// Years after closing that personal data of a complaint is kept.
    pub retention_years: u32,
    /// Largest attachment, in bytes.
    pub max_attachment_bytes: usize,
    /// The coordinators' shared mailbox for reminders.
    pub mailbox: Option<String>,
}

/// The ombudsman most municipalities use.
pub const DEFAULT_OMBUDSMAN: &str =
    "de Nationale ombudsman (www.nationaleombudsman.nl, telefoon 0800 33 55 555)";

/// Where outgoing mail goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MailConfig {
    /// Every message is written as an `.eml` file into this folder (the demo default).
    Folder(PathBuf),
    /// Messages are sent over SMTP, e.g. `smtp://mail.example.nl:25` or `smtps://user:pass@host:465`.
    Smtp(String),
}

/// A setting that cannot be used, with the name of the setting and what to do about it.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("Instelling {setting}: {problem}. {fix}")]
pub struct ConfigError {
    /// The setting as the operator writes it (environment variable or file key).
    pub setting: String,
    /// What is wrong with the value.
    pub problem: String,
    /// What to do about it.
    pub fix: String,
}

impl ConfigError {
    /// A refusal of `setting`, saying what is wrong and what to do.
    pub(crate) fn new(setting: &str, problem: impl Into<String>, fix: impl Into<String>) -> Self {
        Self {
            setting: setting.to_string(),
            problem: problem.into(),
            fix: fix.into(),
        }
    }
}

impl Config {
    /// Loads the configuration from `file` (if it exists, or if it was named explicitly) and the process environment.
    pub fn load(file: Option<&Path>) -> Result<Config, ConfigError> {
        let (path, explicit) = match file {
            Some(p) => (p.to_path_buf(), true),
            None => (PathBuf::from("klankbord.toml"), false),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => Some(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => None,
            Err(e) => {
                return Err(ConfigError::new(
                    "--config",
                    format!(
                        "het bestand {} kan niet worden gelezen ({e})",
                        path.display()
                    ),
                    "Controleer het pad en de rechten van het bestand.",
                ))
            }
        };
        let env: Vec<(String, String)> = std::env::vars().collect();
        Self::from_sources(text.as_deref(), &env)
    }

    /// Checks the settings that `serve` (and letters or forms printed from the command line) cannot
    /// do without: how residents reach the municipality and its data protection officer. Every
    /// missing one is named, with how to set it.
    pub fn check_serve(&self) -> Result<(), MissingSettings> {
        let c = &self.contact;
        let mut missing = vec![];
        if c.phone.is_none() {
            missing.push(missing_setting(
                "KLANKBORD_CONTACT_PHONE",
                "contact_phone",
                "het telefoonnummer van de gemeente ontbreekt; inwoners zien het op elke pagina waar zij hulp nodig hebben, in brieven en op papieren vragenlijsten",
                "14 0123",
            ));
        }
        if c.email.is_none() {
            missing.push(missing_setting(
                "KLANKBORD_CONTACT_EMAIL",
                "contact_email",
                "het e-mailadres van de gemeente ontbreekt; inwoners zien het naast het telefoonnummer",
                "info@gemeente.nl",
            ));
        }
        if c.privacy_officer_email.is_none() {
            missing.push(missing_setting(
                "KLANKBORD_PRIVACY_OFFICER_EMAIL",
                "privacy_officer_email",
                "het e-mailadres van de functionaris gegevensbescherming (FG) ontbreekt; de AVG (artikel 13) eist dat de privacyverklaring het noemt",
                "fg@gemeente.nl",
            ));
        }
        if missing.is_empty() {
            Ok(())
        } else {
            Err(MissingSettings(missing))
        }
    }

    /// The host name of the public address, for Message-IDs.
    pub fn public_host(&self) -> &str {
        let rest = self.public_url.split("://").nth(1).unwrap_or("localhost");
        let host = rest.split(['/', ':']).next().unwrap_or("localhost");
        if host.is_empty() {
            "localhost"
        } else {
            host
        }
    }

    /// Whether cookies must carry the `Secure` flag (the site is served over HTTPS).
    pub fn secure_cookies(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}
