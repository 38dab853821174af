//! Tests of reading the configuration.

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
    let e = Config::from_sources(None, &env(&[("KLANKBORD_OPENING_HOURS", &long)])).unwrap_err();
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
