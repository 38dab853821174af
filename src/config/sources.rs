//! Building the configuration from the file and the environment (the environment wins), with a
//! clear message for the first setting that does not hold.

use std::net::SocketAddr;
use std::path::PathBuf;

use super::*;
use crate::db::DatabaseUrl;

impl Config {
    /// Builds the configuration from file text and environment pairs; pure, so it can be tested.
    pub fn from_sources(
        file_text: Option<&str>,
        env: &[(String, String)],
    ) -> Result<Config, ConfigError> {
        let mut file: FileConfig = match file_text {
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
            .or(file.database_url.take())
            .unwrap_or_else(|| DEFAULT_DATABASE_URL.to_string());
        let database_url = DatabaseUrl::parse(&db_raw).map_err(|problem| {
            ConfigError::new(
                "DATABASE_URL",
                problem,
                "Gebruik sqlite://pad/naar/bestand.db of postgres://gebruiker:wachtwoord@host/database.",
            )
        })?;

        let bind_raw = get("KLANKBORD_BIND")
            .or(file.bind.take())
            .unwrap_or_else(|| DEFAULT_BIND.to_string());
        let bind: SocketAddr = bind_raw.parse().map_err(|_| {
            ConfigError::new(
                "KLANKBORD_BIND",
                format!("'{bind_raw}' is geen adres met poort"),
                "Gebruik bijvoorbeeld 127.0.0.1:8080 of 0.0.0.0:8080.",
            )
        })?;

        let public_url = get("KLANKBORD_PUBLIC_URL")
            .or(file.public_url.take())
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
            .or(file.municipality.take())
            .unwrap_or_else(|| "Gemeente Voorbeeld".to_string());
        if municipality.trim().is_empty() || municipality.len() > 100 {
            return Err(ConfigError::new(
                "KLANKBORD_MUNICIPALITY",
                "de naam is leeg of langer dan 100 tekens",
                "Geef de naam van de gemeente, bijvoorbeeld 'Gemeente Heerenveen'.",
            ));
        }

        let contact = std::sync::Arc::new(contact_from(&get, &mut file, &municipality)?);
        let hosting_provider = match get("KLANKBORD_HOSTING_PROVIDER").or(file.hosting_provider.take()) {
            Some(v) => Some(parse_line(
                "KLANKBORD_HOSTING_PROVIDER",
                &v,
                "Geef de naam van het bedrijf of de organisatie die de servers voor de gemeente beheert.",
            )?),
            None => None,
        };

        let mail_raw = get("KLANKBORD_MAIL")
            .or(file.mail.take())
            .unwrap_or_else(|| DEFAULT_MAIL.to_string());
        let mail = parse_mail(&mail_raw)?;

        let mail_from = get("KLANKBORD_MAIL_FROM")
            .or(file.mail_from.take())
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
            None => file.mail_poll_seconds.take().unwrap_or(10),
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
            None => file.workers.take().unwrap_or(0),
        };
        let db_pool_size: u32 = match get("KLANKBORD_DB_POOL_SIZE") {
            Some(v) => parse_number("KLANKBORD_DB_POOL_SIZE", &v)?,
            None => file.db_pool_size.take().unwrap_or(8),
        };
        if db_pool_size == 0 || db_pool_size > 200 {
            return Err(ConfigError::new(
                "KLANKBORD_DB_POOL_SIZE",
                format!("{db_pool_size} ligt niet tussen 1 en 200"),
                "Kies een aantal tussen 1 en 200; 8 is een goede start.",
            ));
        }
        let sqlite_sync_raw = get("KLANKBORD_SQLITE_SYNC").or(file.sqlite_sync.take());
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
            None => file.behind_proxy.take().unwrap_or(false),
        };
        let session_idle_minutes: i64 = match get("KLANKBORD_SESSION_IDLE_MINUTES") {
            Some(v) => parse_number("KLANKBORD_SESSION_IDLE_MINUTES", &v)?,
            None => file.session_idle_minutes.take().unwrap_or(60),
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
            None => file.volunteer_retention_days.take().unwrap_or(90),
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
            None => file.extra_closed_days.take().unwrap_or_default(),
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
            None => file.upload_wait_ms.take().unwrap_or(2000),
        };
        if upload_wait_ms > 60_000 {
            return Err(ConfigError::new(
                "KLANKBORD_UPLOAD_WAIT_MS",
                format!("{upload_wait_ms} is meer dan 60000"),
                "Kies een aantal milliseconden tot 60000; 2000 is gebruikelijk.",
            ));
        }

        let complaints = complaint_settings(&get, &mut file)?;

        let login = parse_login(
            &get,
            LoginFile {
                issuer: file.oidc_issuer.take(),
                client_id: file.oidc_client_id.take(),
                client_secret: file.oidc_client_secret.take(),
                scopes: file.oidc_scopes.take(),
                role_claim: file.oidc_role_claim.take(),
                timeout_seconds: file.oidc_timeout_seconds.take(),
                methods: file.login_methods.take(),
                break_glass: file.break_glass_accounts.take(),
                totp_roles: file.totp_required_roles.take(),
                roles: file.oidc_roles.take(),
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
}

/// The contact settings (see [`Contact`]).
pub(super) fn contact_from(
    get: &dyn Fn(&str) -> Option<String>,
    file: &mut FileConfig,
    municipality: &str,
) -> Result<Contact, ConfigError> {
    Ok(Contact {
        municipality: municipality.to_string(),
        phone: match get("KLANKBORD_CONTACT_PHONE").or(file.contact_phone.take()) {
            Some(v) => Some(parse_phone(&v)?),
            None => None,
        },
        email: match get("KLANKBORD_CONTACT_EMAIL").or(file.contact_email.take()) {
            Some(v) => Some(parse_email(
                "KLANKBORD_CONTACT_EMAIL",
                &v,
                "Geef het algemene e-mailadres van de gemeente, bijvoorbeeld info@gemeente.nl.",
            )?),
            None => None,
        },
        website: match get("KLANKBORD_CONTACT_WEBSITE").or(file.contact_website.take()) {
            Some(v) => Some(parse_website(&v)?),
            None => None,
        },
        postal_address: match get("KLANKBORD_POSTAL_ADDRESS").or(file.postal_address.take()) {
            Some(v) => Some(parse_line(
                "KLANKBORD_POSTAL_ADDRESS",
                &v,
                "Schrijf het postadres op één regel, bijvoorbeeld 'Postbus 100, 1234 AB Voorbeeld'.",
            )?),
            None => None,
        },
        visiting_address: match get("KLANKBORD_VISITING_ADDRESS").or(file.visiting_address.take()) {
            Some(v) => Some(parse_line(
                "KLANKBORD_VISITING_ADDRESS",
                &v,
                "Schrijf het bezoekadres op één regel, bijvoorbeeld 'Raadhuisplein 1, 1234 AB Voorbeeld'.",
            )?),
            None => None,
        },
        opening_hours: match get("KLANKBORD_OPENING_HOURS").or(file.opening_hours.take()) {
            Some(v) => Some(parse_line(
                "KLANKBORD_OPENING_HOURS",
                &v,
                "Schrijf de openingstijden kort, bijvoorbeeld 'maandag tot en met vrijdag 9.00 tot 17.00 uur'.",
            )?),
            None => None,
        },
        privacy_officer_email: match get("KLANKBORD_PRIVACY_OFFICER_EMAIL")
            .or(file.privacy_officer_email.take())
        {
            Some(v) => Some(parse_email(
                "KLANKBORD_PRIVACY_OFFICER_EMAIL",
                &v,
                "Geef het e-mailadres van de functionaris gegevensbescherming (FG), bijvoorbeeld fg@gemeente.nl.",
            )?),
            None => None,
        },
    })
}

/// The complaints settings (see [`ComplaintSettings`]), each checked against its range.
pub(super) fn complaint_settings(
    get: &dyn Fn(&str) -> Option<String>,
    file: &mut FileConfig,
) -> Result<ComplaintSettings, ConfigError> {
    let complaints = ComplaintSettings {
        committee: match get("KLANKBORD_COMPLAINTS_COMMITTEE") {
            Some(v) => parse_bool("KLANKBORD_COMPLAINTS_COMMITTEE", &v)?,
            None => file.complaints_committee.take().unwrap_or(false),
        },
        ombudsman: get("KLANKBORD_OMBUDSMAN")
            .or(file.ombudsman.take())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| DEFAULT_OMBUDSMAN.to_string()),
        templates_dir: get("KLANKBORD_TEMPLATES")
            .or(file.templates_dir.take())
            .map(PathBuf::from)
            .or_else(|| Some(PathBuf::from("templates"))),
        acknowledgement_days: match get("KLANKBORD_ACKNOWLEDGEMENT_DAYS") {
            Some(v) => parse_number("KLANKBORD_ACKNOWLEDGEMENT_DAYS", &v)?,
            None => file.acknowledgement_days.take().unwrap_or(7),
        },
        mediation_working_days: match get("KLANKBORD_MEDIATION_WORKING_DAYS") {
            Some(v) => parse_number("KLANKBORD_MEDIATION_WORKING_DAYS", &v)?,
            None => file.mediation_working_days.take().unwrap_or(5),
        },
        retention_years: match get("KLANKBORD_COMPLAINT_RETENTION_YEARS") {
            Some(v) => parse_number("KLANKBORD_COMPLAINT_RETENTION_YEARS", &v)?,
            None => file.complaint_retention_years.take().unwrap_or(5),
        },
        max_attachment_bytes: match get("KLANKBORD_MAX_ATTACHMENT_MB") {
            Some(v) => parse_number::<usize>("KLANKBORD_MAX_ATTACHMENT_MB", &v)?,
            None => file.max_attachment_mb.take().unwrap_or(10),
        } * 1024
            * 1024,
        mailbox: get("KLANKBORD_COMPLAINTS_MAILBOX")
            .or(file.complaints_mailbox.take())
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
    Ok(complaints)
}
