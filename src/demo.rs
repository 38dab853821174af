//! Demo data for a fictitious municipality, "Gemeente Voorbeeld": one account per role.

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::accounts::service::{self, NewAccount};
use crate::db::DbConnection;

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

/// Fills a freshly migrated database with the demo accounts.
pub fn seed(conn: &mut DbConnection) -> anyhow::Result<()> {
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
    Ok(())
}
