//! Typed configuration: an optional `klankbord.toml`, overridden by `KLANKBORD_*` environment variables
//! and `DATABASE_URL`, validated once at start-up so that invalid settings never reach the running server.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use serde::Deserialize;

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

/// The raw shape of `klankbord.toml`; every key is optional.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileConfig {
    database_url: Option<String>,
    bind: Option<String>,
    public_url: Option<String>,
    municipality: Option<String>,
    contact_phone: Option<String>,
    contact_email: Option<String>,
    contact_website: Option<String>,
    postal_address: Option<String>,
    visiting_address: Option<String>,
    opening_hours: Option<String>,
    privacy_officer_email: Option<String>,
    hosting_provider: Option<String>,
    mail: Option<String>,
    mail_from: Option<String>,
    mail_poll_seconds: Option<u64>,
    workers: Option<usize>,
    db_pool_size: Option<u32>,
    sqlite_sync: Option<String>,
    behind_proxy: Option<bool>,
    session_idle_minutes: Option<i64>,
    volunteer_retention_days: Option<i64>,
    extra_closed_days: Option<Vec<String>>,
    upload_wait_ms: Option<u64>,
    complaints_committee: Option<bool>,
    ombudsman: Option<String>,
    templates_dir: Option<String>,
    acknowledgement_days: Option<i64>,
    mediation_working_days: Option<u32>,
    complaint_retention_years: Option<u32>,
    max_attachment_mb: Option<usize>,
    complaints_mailbox: Option<String>,
    oidc_issuer: Option<String>,
    oidc_client_id: Option<String>,
    oidc_client_secret: Option<String>,
    oidc_scopes: Option<String>,
    oidc_role_claim: Option<String>,
    oidc_timeout_seconds: Option<u64>,
    login_methods: Option<String>,
    break_glass_accounts: Option<Vec<String>>,
    totp_required_roles: Option<String>,
    /// Claim value -> role or roles; a TOML table, so it goes at the end of the file.
    oidc_roles: Option<std::collections::BTreeMap<String, RoleList>>,
}

/// One role code, or a list of them, in `[oidc_roles]`.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RoleList {
    One(String),
    Many(Vec<String>),
}

/// Default database for the embedded engine.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://klankbord.db";
/// Default listen address.
pub const DEFAULT_BIND: &str = "127.0.0.1:8080";
/// Default mail folder.
pub const DEFAULT_MAIL: &str = "folder:mail-outbox";

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

    /// Builds the configuration from file text and environment pairs; pure, so it can be tested.
    pub fn from_sources(
        file_text: Option<&str>,
        env: &[(String, String)],
    ) -> Result<Config, ConfigError> {
        let file: FileConfig = match file_text {
            Some(t) => toml::from_str(t).map_err(|e| {
                ConfigError::new(
                    "klankbord.toml",
                    format!("het bestand is geen geldige configuratie ({})", e.message()),
                    "Zie README.md voor de toegestane sleutels.",
                )
            })?,
            None => FileConfig::default(),
        };
        let get = |name: &str| {
            env.iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .filter(|v| !v.is_empty())
        };

        let db_raw = get("DATABASE_URL")
            .or(file.database_url)
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        let database_url = DatabaseUrl::parse(&db_raw).map_err(|problem| {
            ConfigError::new(
                "DATABASE_URL",
                problem,
                "Gebruik sqlite://pad/naar/bestand.db of postgres://gebruiker:wachtwoord@host/database.",
            )
        })?;

        let bind_raw = get("KLANKBORD_BIND")
            .or(file.bind)
            .unwrap_or_else(|| DEFAULT_BIND.to_string());
        let bind: SocketAddr = bind_raw.parse().map_err(|_| {
            ConfigError::new(
                "KLANKBORD_BIND",
                format!("'{bind_raw}' is geen adres met poort"),
                "Gebruik bijvoorbeeld 127.0.0.1:8080 of 0.0.0.0:8080.",
            )
        })?;

        let public_url = get("KLANKBORD_PUBLIC_URL")
            .or(file.public_url)
            .unwrap_or_else(|| format!("http://{bind}"));
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(ConfigError::new(
                "KLANKBORD_PUBLIC_URL",
                format!("'{public_url}' begint niet met http:// of https://"),
                "Geef het adres zoals inwoners het zien, bijvoorbeeld https://klankbord.gemeente.nl.",
            ));
        }
        let public_url = public_url.trim_end_matches('/').to_string();

        let municipality = get("KLANKBORD_MUNICIPALITY")
            .or(file.municipality)
            .unwrap_or_else(|| "Gemeente Voorbeeld".to_string());
        if municipality.trim().is_empty() || municipality.len() > 100 {
            return Err(ConfigError::new(
                "KLANKBORD_MUNICIPALITY",
                "de naam is leeg of langer dan 100 tekens",
                "Geef de naam van de gemeente, bijvoorbeeld 'Gemeente Heerenveen'.",
            ));
        }

        let contact = std::sync::Arc::new(Contact {
            municipality: municipality.clone(),
            phone: match get("KLANKBORD_CONTACT_PHONE").or(file.contact_phone) {
                Some(v) => Some(parse_phone(&v)?),
                None => None,
            },
            email: match get("KLANKBORD_CONTACT_EMAIL").or(file.contact_email) {
                Some(v) => Some(parse_email(
                    "KLANKBORD_CONTACT_EMAIL",
                    &v,
                    "Geef het algemene e-mailadres van de gemeente, bijvoorbeeld info@gemeente.nl.",
                )?),
                None => None,
            },
            website: match get("KLANKBORD_CONTACT_WEBSITE").or(file.contact_website) {
                Some(v) => Some(parse_website(&v)?),
                None => None,
            },
            postal_address: match get("KLANKBORD_POSTAL_ADDRESS").or(file.postal_address) {
                Some(v) => Some(parse_line(
                    "KLANKBORD_POSTAL_ADDRESS",
                    &v,
                    "Schrijf het postadres op één regel, bijvoorbeeld 'Postbus 100, 1234 AB Voorbeeld'.",
                )?),
                None => None,
            },
            visiting_address: match get("KLANKBORD_VISITING_ADDRESS").or(file.visiting_address) {
                Some(v) => Some(parse_line(
                    "KLANKBORD_VISITING_ADDRESS",
                    &v,
                    "Schrijf het bezoekadres op één regel, bijvoorbeeld 'Raadhuisplein 1, 1234 AB Voorbeeld'.",
                )?),
                None => None,
            },
            opening_hours: match get("KLANKBORD_OPENING_HOURS").or(file.opening_hours) {
                Some(v) => Some(parse_line(
                    "KLANKBORD_OPENING_HOURS",
                    &v,
                    "Schrijf de openingstijden kort, bijvoorbeeld 'maandag tot en met vrijdag 9.00 tot 17.00 uur'.",
                )?),
                None => None,
            },
            privacy_officer_email: match get("KLANKBORD_PRIVACY_OFFICER_EMAIL")
                .or(file.privacy_officer_email)
            {
                Some(v) => Some(parse_email(
                    "KLANKBORD_PRIVACY_OFFICER_EMAIL",
                    &v,
                    "Geef het e-mailadres van de functionaris gegevensbescherming (FG), bijvoorbeeld fg@gemeente.nl.",
                )?),
                None => None,
            },
        });
        let hosting_provider = match get("KLANKBORD_HOSTING_PROVIDER").or(file.hosting_provider) {
            Some(v) => Some(parse_line(
                "KLANKBORD_HOSTING_PROVIDER",
                &v,
                "Geef de naam van het bedrijf of de organisatie die de servers voor de gemeente beheert.",
            )?),
            None => None,
        };

        let mail_raw = get("KLANKBORD_MAIL")
            .or(file.mail)
            .unwrap_or_else(|| DEFAULT_MAIL.to_string());
        let mail = parse_mail(&mail_raw)?;

        let mail_from = get("KLANKBORD_MAIL_FROM")
            .or(file.mail_from)
            .unwrap_or_else(|| format!("{municipality} <klankbord@localhost>"));
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError::new(
                "KLANKBORD_MAIL_FROM",
                format!("'{mail_from}' is geen afzender"),
                "Gebruik een adres, eventueel met naam: Gemeente Voorbeeld <klachten@voorbeeld.nl>.",
            ));
        }
        let mail_poll_seconds: u64 = match get("KLANKBORD_MAIL_POLL_SECONDS") {
            Some(v) => parse_number("KLANKBORD_MAIL_POLL_SECONDS", &v)?,
            None => file.mail_poll_seconds.unwrap_or(10),
        };
        if !(1..=3600).contains(&mail_poll_seconds) {
            return Err(ConfigError::new(
                "KLANKBORD_MAIL_POLL_SECONDS",
                format!("{mail_poll_seconds} ligt niet tussen 1 en 3600"),
                "Kies een aantal seconden tussen 1 en 3600; 10 is een goede start.",
            ));
        }
        let workers = match get("KLANKBORD_WORKERS") {
            Some(v) => parse_number("KLANKBORD_WORKERS", &v)?,
            None => file.workers.unwrap_or(0),
        };
        let db_pool_size: u32 = match get("KLANKBORD_DB_POOL_SIZE") {
            Some(v) => parse_number("KLANKBORD_DB_POOL_SIZE", &v)?,
            None => file.db_pool_size.unwrap_or(8),
        };
        if db_pool_size == 0 || db_pool_size > 200 {
            return Err(ConfigError::new(
                "KLANKBORD_DB_POOL_SIZE",
                format!("{db_pool_size} ligt niet tussen 1 en 200"),
                "Kies een aantal tussen 1 en 200; 8 is een goede start.",
            ));
        }
        let sqlite_sync_raw = get("KLANKBORD_SQLITE_SYNC").or(file.sqlite_sync);
        let sqlite_sync = match sqlite_sync_raw {
            None => crate::db::durable::SyncMode::default(),
            Some(v) => crate::db::durable::SyncMode::parse(&v).ok_or_else(|| {
                ConfigError::new(
                    "KLANKBORD_SQLITE_SYNC",
                    format!("'{v}' is geen bekende waarde"),
                    "Gebruik group (elke bevestigde inzending staat op schijf; de standaard) of normal (sneller, maar een stroomstoring kan de laatste inzendingen kosten).",
                )
            })?,
        };
        let behind_proxy = match get("KLANKBORD_BEHIND_PROXY") {
            Some(v) => parse_bool("KLANKBORD_BEHIND_PROXY", &v)?,
            None => file.behind_proxy.unwrap_or(false),
        };
        let session_idle_minutes: i64 = match get("KLANKBORD_SESSION_IDLE_MINUTES") {
            Some(v) => parse_number("KLANKBORD_SESSION_IDLE_MINUTES", &v)?,
            None => file.session_idle_minutes.unwrap_or(60),
        };
        if !(5..=720).contains(&session_idle_minutes) {
            return Err(ConfigError::new(
                "KLANKBORD_SESSION_IDLE_MINUTES",
                format!("{session_idle_minutes} ligt niet tussen 5 en 720"),
                "Kies een aantal minuten tussen 5 en 720.",
            ));
        }
        let volunteer_retention_days: i64 = match get("KLANKBORD_VOLUNTEER_RETENTION_DAYS") {
            Some(v) => parse_number("KLANKBORD_VOLUNTEER_RETENTION_DAYS", &v)?,
            None => file.volunteer_retention_days.unwrap_or(90),
        };
        if !(0..=730).contains(&volunteer_retention_days) {
            return Err(ConfigError::new(
                "KLANKBORD_VOLUNTEER_RETENTION_DAYS",
                format!("{volunteer_retention_days} ligt niet tussen 0 en 730"),
                "Kies een aantal dagen tussen 0 en 730; 90 is gebruikelijk.",
            ));
        }

        let extra_raw: Vec<String> = match get("KLANKBORD_EXTRA_CLOSED_DAYS") {
            Some(v) => v
                .split(',')
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .collect(),
            None => file.extra_closed_days.unwrap_or_default(),
        };
        let extra_closed_days = extra_raw
            .iter()
            .map(|s| {
                chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| {
                    ConfigError::new(
                        "KLANKBORD_EXTRA_CLOSED_DAYS",
                        format!("'{s}' is geen datum"),
                        "Schrijf datums als JJJJ-MM-DD, gescheiden door komma's, bijvoorbeeld 2026-12-24.",
                    )
                })
            })
            .collect::<Result<Vec<_>, _>>()?;

        let upload_wait_ms: u64 = match get("KLANKBORD_UPLOAD_WAIT_MS") {
            Some(v) => parse_number("KLANKBORD_UPLOAD_WAIT_MS", &v)?,
            None => file.upload_wait_ms.unwrap_or(2000),
        };
        if upload_wait_ms > 60_000 {
            return Err(ConfigError::new(
                "KLANKBORD_UPLOAD_WAIT_MS",
                format!("{upload_wait_ms} is meer dan 60000"),
                "Kies een aantal milliseconden tot 60000; 2000 is gebruikelijk.",
            ));
        }

        let complaints = ComplaintSettings {
            committee: match get("KLANKBORD_COMPLAINTS_COMMITTEE") {
                Some(v) => parse_bool("KLANKBORD_COMPLAINTS_COMMITTEE", &v)?,
                None => file.complaints_committee.unwrap_or(false),
            },
            ombudsman: get("KLANKBORD_OMBUDSMAN")
                .or(file.ombudsman)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| DEFAULT_OMBUDSMAN.to_string()),
            templates_dir: get("KLANKBORD_TEMPLATES")
                .or(file.templates_dir)
                .map(PathBuf::from)
                .or_else(|| Some(PathBuf::from("templates"))),
            acknowledgement_days: match get("KLANKBORD_ACKNOWLEDGEMENT_DAYS") {
                Some(v) => parse_number("KLANKBORD_ACKNOWLEDGEMENT_DAYS", &v)?,
                None => file.acknowledgement_days.unwrap_or(7),
            },
            mediation_working_days: match get("KLANKBORD_MEDIATION_WORKING_DAYS") {
                Some(v) => parse_number("KLANKBORD_MEDIATION_WORKING_DAYS", &v)?,
                None => file.mediation_working_days.unwrap_or(5),
            },
            retention_years: match get("KLANKBORD_COMPLAINT_RETENTION_YEARS") {
                Some(v) => parse_number("KLANKBORD_COMPLAINT_RETENTION_YEARS", &v)?,
                None => file.complaint_retention_years.unwrap_or(5),
            },
            max_attachment_bytes: match get("KLANKBORD_MAX_ATTACHMENT_MB") {
                Some(v) => parse_number::<usize>("KLANKBORD_MAX_ATTACHMENT_MB", &v)?,
                None => file.max_attachment_mb.unwrap_or(10),
            } * 1024
                * 1024,
            mailbox: get("KLANKBORD_COMPLAINTS_MAILBOX")
                .or(file.complaints_mailbox)
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty()),
        };
        if let Some(m) = complaints
            .mailbox
            .as_deref()
            .filter(|m| !crate::mail::valid_address(m))
        {
            return Err(ConfigError::new(
                "KLANKBORD_COMPLAINTS_MAILBOX",
                format!("'{m}' is geen e-mailadres"),
                "Vul het adres in waar de klachtencoördinatoren herinneringen willen krijgen, bijvoorbeeld klachten@gemeente.nl.",
            ));
        }
        if !(1..=42).contains(&complaints.acknowledgement_days) {
            return Err(ConfigError::new(
                "KLANKBORD_ACKNOWLEDGEMENT_DAYS",
                format!(
                    "{} ligt niet tussen 1 en 42",
                    complaints.acknowledgement_days
                ),
                "Kies een aantal dagen tussen 1 en 42; 7 is gebruikelijk.",
            ));
        }
        if !(1..=30).contains(&complaints.mediation_working_days) {
            return Err(ConfigError::new(
                "KLANKBORD_MEDIATION_WORKING_DAYS",
                format!(
                    "{} ligt niet tussen 1 en 30",
                    complaints.mediation_working_days
                ),
                "Kies een aantal werkdagen tussen 1 en 30; 5 is gebruikelijk.",
            ));
        }
        if !(1..=20).contains(&complaints.retention_years) {
            return Err(ConfigError::new(
                "KLANKBORD_COMPLAINT_RETENTION_YEARS",
                format!("{} ligt niet tussen 1 en 20", complaints.retention_years),
                "Kies een aantal jaren tussen 1 en 20; 5 is gebruikelijk.",
            ));
        }
        if !(1..=50 * 1024 * 1024).contains(&complaints.max_attachment_bytes) {
            return Err(ConfigError::new(
                "KLANKBORD_MAX_ATTACHMENT_MB",
                "dit ligt niet tussen 1 en 50".to_string(),
                "Kies een aantal megabytes tussen 1 en 50; 10 is gebruikelijk.",
            ));
        }

        let login = parse_login(
            &get,
            LoginFile {
                issuer: file.oidc_issuer,
                client_id: file.oidc_client_id,
                client_secret: file.oidc_client_secret,
                scopes: file.oidc_scopes,
                role_claim: file.oidc_role_claim,
                timeout_seconds: file.oidc_timeout_seconds,
                methods: file.login_methods,
                break_glass: file.break_glass_accounts,
                totp_roles: file.totp_required_roles,
                roles: file.oidc_roles,
            },
        )?;

        Ok(Config {
            database_url,
            bind,
            public_url,
            municipality,
            contact,
            hosting_provider,
            mail,
            mail_from,
            mail_poll_seconds,
            workers,
            db_pool_size,
            sqlite_sync,
            behind_proxy,
            session_idle_minutes,
            volunteer_retention_days,
            extra_closed_days,
            upload_wait_ms,
            complaints,
            login,
        })
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

/// The login settings of klankbord.toml.
struct LoginFile {
    issuer: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
    scopes: Option<String>,
    role_claim: Option<String>,
    timeout_seconds: Option<u64>,
    methods: Option<String>,
    break_glass: Option<Vec<String>>,
    totp_roles: Option<String>,
    roles: Option<std::collections::BTreeMap<String, RoleList>>,
}

/// Single sign-on, the login methods, break-glass accounts and two-factor roles.
fn parse_login(
    get: &dyn Fn(&str) -> Option<String>,
    file: LoginFile,
) -> Result<LoginSettings, ConfigError> {
    use crate::accounts::oidc::{RawSettings, SsoSettings};
    let sso = SsoSettings::parse(RawSettings {
        issuer: get("KLANKBORD_OIDC_ISSUER").or(file.issuer),
        client_id: get("KLANKBORD_OIDC_CLIENT_ID").or(file.client_id),
        client_secret: get("KLANKBORD_OIDC_CLIENT_SECRET").or(file.client_secret),
        scopes: get("KLANKBORD_OIDC_SCOPES").or(file.scopes),
        role_claim: get("KLANKBORD_OIDC_ROLE_CLAIM").or(file.role_claim),
        roles: get("KLANKBORD_OIDC_ROLES"),
        roles_table: file.roles.map(|t| {
            t.into_iter()
                .map(|(k, v)| match v {
                    RoleList::One(r) => (k, vec![r]),
                    RoleList::Many(rs) => (k, rs),
                })
                .collect()
        }),
        timeout_seconds: get("KLANKBORD_OIDC_TIMEOUT_SECONDS")
            .or(file.timeout_seconds.map(|n| n.to_string())),
    })?
    .map(std::sync::Arc::new);
    let methods = match get("KLANKBORD_LOGIN_METHODS")
        .or(file.methods)
        .map(|s| s.trim().to_ascii_lowercase())
        .as_deref()
    {
        None => {
            if sso.is_some() {
                LoginMethods::Both
            } else {
                LoginMethods::Password
            }
        }
        Some("password") | Some("wachtwoord") => LoginMethods::Password,
        Some("sso") => LoginMethods::Sso,
        Some("both") | Some("beide") => LoginMethods::Both,
        Some(other) => {
            return Err(ConfigError::new(
                "KLANKBORD_LOGIN_METHODS",
                format!("'{other}' is geen manier van inloggen"),
                "Kies password (alleen wachtwoord), sso (alleen organisatie-account) of both (allebei).",
            ))
        }
    };
    if methods != LoginMethods::Password && sso.is_none() {
        return Err(ConfigError::new(
            "KLANKBORD_LOGIN_METHODS",
            "vraagt om inloggen met een organisatie-account, maar er is geen identity provider ingesteld",
            "Zet KLANKBORD_OIDC_ISSUER en KLANKBORD_OIDC_CLIENT_ID, of kies password.",
        ));
    }
    let break_glass: Vec<String> = match get("KLANKBORD_BREAK_GLASS_ACCOUNTS") {
        Some(v) => v.split(',').map(str::to_string).collect(),
        None => file.break_glass.unwrap_or_default(),
    }
    .iter()
    .map(|s| crate::accounts::service::normalise_username(s))
    .filter(|s| !s.is_empty())
    .collect();
    let totp_raw = get("KLANKBORD_TOTP_REQUIRED_ROLES")
        .or(file.totp_roles)
        .unwrap_or_else(|| DEFAULT_TOTP_ROLES.to_string());
    let mut totp_required = vec![];
    if !matches!(
        totp_raw.trim().to_ascii_lowercase().as_str(),
        "geen" | "none"
    ) {
        for code in totp_raw.split(',').map(str::trim).filter(|s| !s.is_empty()) {
            let role: crate::accounts::model::Role = code.parse().map_err(|e: String| {
                ConfigError::new(
                    "KLANKBORD_TOTP_REQUIRED_ROLES",
                    e,
                    format!("Noem rollen gescheiden door komma's (standaard {DEFAULT_TOTP_ROLES}), of geen."),
                )
            })?;
            totp_required.push(role);
        }
    }
    totp_required.sort();
    totp_required.dedup();
    Ok(LoginSettings {
        sso,
        methods,
        break_glass,
        totp_required,
    })
}

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

fn missing_setting(env: &str, key: &str, problem: &str, example: &str) -> ConfigError {
    ConfigError::new(
        env,
        problem,
        format!(
            "Zet {env}=\"{example}\" in de omgeving, of {key} = \"{example}\" in klankbord.toml (met de gegevens van uw gemeente)."
        ),
    )
}

/// Longest free-text contact setting (an address, opening hours), in characters.
const MAX_CONTACT_TEXT: usize = 200;

/// A phone number as residents dial it: digits, spaces, `+`, `-`, `(`, `)` and `.`; 5 to 15 digits.
fn parse_phone(raw: &str) -> Result<String, ConfigError> {
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

fn parse_email(setting: &str, raw: &str, fix: &str) -> Result<String, ConfigError> {
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

fn parse_website(raw: &str) -> Result<String, ConfigError> {
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
fn parse_line(setting: &str, raw: &str, fix: &str) -> Result<String, ConfigError> {
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

fn parse_mail(raw: &str) -> Result<MailConfig, ConfigError> {
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
fn redact(raw: &str) -> String {
    match raw.split_once('@') {
        Some((_, host)) => format!("…@{host}"),
        None => raw.to_string(),
    }
}

fn parse_number<T: std::str::FromStr>(setting: &str, v: &str) -> Result<T, ConfigError> {
    v.trim().parse().map_err(|_| {
        ConfigError::new(
            setting,
            format!("'{v}' is geen geheel getal"),
            "Geef een getal zonder punt of komma.",
        )
    })
}

fn parse_bool(setting: &str, v: &str) -> Result<bool, ConfigError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn env(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn defaults_serve_the_demo() {
        let c = Config::from_sources(None, &[]).unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:8080");
        assert!(matches!(c.database_url, DatabaseUrl::Sqlite(ref p) if p == "klankbord.db"));
        assert_eq!(c.mail, MailConfig::Folder(PathBuf::from("mail-outbox")));
        assert_eq!(c.public_url, "http://127.0.0.1:8080");
        assert!(!c.secure_cookies());
    }

    #[test]
    fn environment_overrides_file() {
        let file = "bind = \"0.0.0.0:9000\"\nmunicipality = \"Gemeente Bestand\"\n";
        let c = Config::from_sources(
            Some(file),
            &env(&[
                ("KLANKBORD_BIND", "127.0.0.1:7000"),
                ("DATABASE_URL", "postgres://u:p@db/k"),
            ]),
        )
        .unwrap();
        assert_eq!(c.bind.to_string(), "127.0.0.1:7000");
        assert_eq!(c.municipality, "Gemeente Bestand");
        assert!(matches!(c.database_url, DatabaseUrl::Postgres(_)));
    }

    #[test]
    fn invalid_bind_names_the_setting_and_the_fix() {
        let e = Config::from_sources(None, &env(&[("KLANKBORD_BIND", "localhost")])).unwrap_err();
        assert_eq!(e.setting, "KLANKBORD_BIND");
        assert!(e.to_string().contains("127.0.0.1:8080"));
    }

    #[test]
    fn unknown_database_scheme_is_refused() {
        let e = Config::from_sources(None, &env(&[("DATABASE_URL", "mysql://x/y")])).unwrap_err();
        assert_eq!(e.setting, "DATABASE_URL");
    }

    #[test]
    fn unknown_file_key_is_refused() {
        let e = Config::from_sources(Some("bnid = \"x\""), &[]).unwrap_err();
        assert_eq!(e.setting, "klankbord.toml");
    }

    #[test]
    fn mail_settings_are_checked_and_passwords_not_echoed() {
        assert!(matches!(
            parse_mail("smtp://localhost:2525"),
            Ok(MailConfig::Smtp(_))
        ));
        let e = parse_mail("ftp://user:geheim@host").unwrap_err();
        assert!(!e.to_string().contains("geheim"));
        assert!(parse_mail("folder:").is_err());
    }

    #[test]
    fn extra_closed_days_are_dates() {
        let c = Config::from_sources(
            None,
            &env(&[("KLANKBORD_EXTRA_CLOSED_DAYS", "2026-12-24, 2027-01-02")]),
        )
        .unwrap();
        assert_eq!(c.extra_closed_days.len(), 2);
        let c = Config::from_sources(Some("extra_closed_days = [\"2026-12-24\"]"), &[]).unwrap();
        assert_eq!(c.extra_closed_days.len(), 1);
        let e = Config::from_sources(None, &env(&[("KLANKBORD_EXTRA_CLOSED_DAYS", "24-12-2026")]))
            .unwrap_err();
        assert_eq!(e.setting, "KLANKBORD_EXTRA_CLOSED_DAYS");
    }

    #[test]
    fn https_public_url_turns_on_secure_cookies() {
        let c = Config::from_sources(
            None,
            &env(&[("KLANKBORD_PUBLIC_URL", "https://klankbord.example.nl/")]),
        )
        .unwrap();
        assert!(c.secure_cookies());
        assert_eq!(c.public_url, "https://klankbord.example.nl");
    }

    #[test]
    fn contact_details_come_from_file_and_environment_and_are_checked() {
        let file = "contact_phone = \"14 0123\"\npostal_address = \"\"\"Postbus 100\n1234 AB Voorbeeld\"\"\"\n";
        let c = Config::from_sources(
            Some(file),
            &env(&[
                ("KLANKBORD_CONTACT_EMAIL", " info@voorbeeld.nl "),
                ("KLANKBORD_CONTACT_WEBSITE", "https://www.voorbeeld.nl/"),
                ("KLANKBORD_PRIVACY_OFFICER_EMAIL", "fg@voorbeeld.nl"),
            ]),
        )
        .unwrap();
        assert_eq!(c.contact.municipality, "Gemeente Voorbeeld");
        assert_eq!(c.contact.phone.as_deref(), Some("14 0123"));
        assert_eq!(c.contact.phone_href().as_deref(), Some("tel:140123"));
        assert_eq!(c.contact.email.as_deref(), Some("info@voorbeeld.nl"));
        assert_eq!(
            c.contact.website.as_deref(),
            Some("https://www.voorbeeld.nl")
        );
        assert_eq!(
            c.contact.postal_address.as_deref(),
            Some("Postbus 100, 1234 AB Voorbeeld")
        );
        assert!(c.check_serve().is_ok());

        for (setting, value) in [
            ("KLANKBORD_CONTACT_PHONE", "bel ons"),
            ("KLANKBORD_CONTACT_PHONE", "112"),
            ("KLANKBORD_CONTACT_EMAIL", "info.voorbeeld.nl"),
            ("KLANKBORD_CONTACT_WEBSITE", "www.voorbeeld.nl"),
            ("KLANKBORD_PRIVACY_OFFICER_EMAIL", "fg"),
        ] {
            let e = Config::from_sources(None, &env(&[(setting, value)])).unwrap_err();
            assert_eq!(e.setting, setting, "{value}");
            assert!(e.to_string().contains("bijvoorbeeld"), "{e}");
        }
        let long = "x".repeat(201);
        let e =
            Config::from_sources(None, &env(&[("KLANKBORD_OPENING_HOURS", &long)])).unwrap_err();
        assert_eq!(e.setting, "KLANKBORD_OPENING_HOURS");
    }

    #[test]
    fn serving_without_phone_email_or_privacy_officer_names_each_missing_setting() {
        let c = Config::from_sources(
            None,
            &env(&[("KLANKBORD_CONTACT_EMAIL", "info@voorbeeld.nl")]),
        )
        .unwrap();
        let missing = c.check_serve().unwrap_err();
        let settings: Vec<&str> = missing.0.iter().map(|e| e.setting.as_str()).collect();
        assert_eq!(
            settings,
            ["KLANKBORD_CONTACT_PHONE", "KLANKBORD_PRIVACY_OFFICER_EMAIL"]
        );
        let text = missing.to_string();
        assert!(text.contains("contact_phone = "), "{text}");
        assert!(
            text.contains("telefoonnummer van de gemeente ontbreekt"),
            "{text}"
        );
    }

    #[test]
    fn phone_links_keep_only_digits_and_a_leading_plus() {
        assert_eq!(phone_href("+31 123-456 789"), "tel:+31123456789");
        assert_eq!(phone_href("14 0123"), "tel:140123");
    }
}
