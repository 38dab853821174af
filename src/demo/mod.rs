//! Demo data for a fictitious municipality, "Gemeente Voorbeeld": one account per role, a closed
//! survey wave with about 300 answers across channels and an open wave.

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::accounts::service::{self, NewAccount};
use crate::db::DbConnection;

mod complaints;
mod research;
pub use complaints::COUNT as COMPLAINTS_MADE;
mod surveys;

/// Password of every demo account: `<role>` followed by this suffix (only for the demo database).
pub const DEMO_PASSWORD_SUFFIX: &str = "-Demo!Tulpenveld-2026";

/// The demo login of a role: (username, password).
pub fn demo_login(role: Role) -> (String, String) {
    (
        role.code().to_string(),
        format!("{}{DEMO_PASSWORD_SUFFIX}", role.code()),
    )
}

fn demo_name(role: Role) -> &'static str {
    match role {
        Role::Beheerder => "Bea Beheer",
        Role::Onderzoeker => "Olaf Onderzoek",
        Role::Invoerder => "Ingrid Invoer",
        Role::Klachtcoordinator => "Karim Coördinatie",
        Role::Klachtbehandelaar => "Kees Behandeling",
        Role::Commissielid => "Cor Commissie",
        Role::Raadslid => "Rachida Raad",
    }
}

/// How residents reach the demo municipality: believable, but not a working number (14 + an area
/// code that does not exist) and the example domain used throughout the documentation.
pub fn demo_contact() -> crate::config::Contact {
    crate::config::Contact {
        municipality: "Gemeente Voorbeeld".into(),
        phone: Some("14 0123".into()),
        email: Some("info@voorbeeld.nl".into()),
        website: Some("https://www.voorbeeld.nl".into()),
        postal_address: Some("Postbus 1000, 1234 AB Voorbeeld".into()),
        visiting_address: Some("Raadhuisplein 1, 1234 AB Voorbeeld".into()),
        opening_hours: Some(
            "maandag tot en met vrijdag 8.30 tot 17.00 uur, donderdag tot 20.00 uur".into(),
        ),
        privacy_officer_email: Some("fg@voorbeeld.nl".into()),
    }
}

/// Fills in the demo's contact details where the configuration left them empty (what an operator
/// set is kept), so the demo shows the municipality's details everywhere.
pub fn fill_contact(config: &mut crate::config::Config) {
    let demo = demo_contact();
    let c = std::sync::Arc::make_mut(&mut config.contact);
    c.phone = c.phone.take().or(demo.phone);
    c.email = c.email.take().or(demo.email);
    c.website = c.website.take().or(demo.website);
    c.postal_address = c.postal_address.take().or(demo.postal_address);
    c.visiting_address = c.visiting_address.take().or(demo.visiting_address);
    c.opening_hours = c.opening_hours.take().or(demo.opening_hours);
    c.privacy_officer_email = c
        .privacy_officer_email
        .take()
        .or(demo.privacy_officer_email);
}

/// Fills a freshly migrated database with the demo data; returns a few unused invitation codes of
/// the open wave, to try the questionnaire with.
pub fn seed(
    conn: &mut DbConnection,
    env: &crate::complaints::store::Env<'_>,
) -> anyhow::Result<Vec<String>> {
    for role in Role::ALL {
        let (username, password) = demo_login(role);
        service::create_user(
            conn,
            NewAccount {
                username,
                display_name: demo_name(role).to_string(),
                password,
                roles: vec![role],
            },
            Actor::System,
        )
        .map_err(|e| anyhow::anyhow!("demo account {}: {e}", role.code()))?;
    }
    let codes = surveys::seed_surveys(conn, crate::fmt::today())?;
    complaints::seed_complaints(conn, env, crate::fmt::today())?;
    research::seed_quotes(conn)?;
    research::seed_coding(conn)?;
    Ok(codes)
}
