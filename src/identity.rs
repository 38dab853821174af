//! Who is using the product: the staff roles and the logged-in staff member. Shared by `web/`
//! (the route rules and the request context) and `accounts/` (which stores and checks them), so
//! `web/` names no domain.

use std::fmt;
use std::str::FromStr;

crate::listed_enum! {
    /// What a staff member may do. A person can hold several roles.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Role {
        /// Application administrator: accounts, audit log, settings.
        Beheerder,
        /// Researcher: survey waves, invitations, coding of open answers; never sees who answered.
        Onderzoeker,
        /// Data-entry clerk: keys in and imports paper forms.
        Invoerder,
        /// Complaint coordinator: registers, triages and watches every complaint.
        Klachtcoordinator,
        /// Complaint handler or team leader: mediation talks and written feedback.
        Klachtbehandelaar,
        /// Member of the complaints commission: hearings, minutes and advice.
        Commissielid,
        /// Council member: reads aggregated reports only.
        Raadslid,
    }
}

impl Role {
    /// The code stored in the database and used on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Role::Beheerder => "beheerder",
            Role::Onderzoeker => "onderzoeker",
            Role::Invoerder => "invoerder",
            Role::Klachtcoordinator => "klachtcoordinator",
            Role::Klachtbehandelaar => "klachtbehandelaar",
            Role::Commissielid => "commissielid",
            Role::Raadslid => "raadslid",
        }
    }

    /// Key of the role's name in the UI strings.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Beheerder => "role-beheerder",
            Role::Onderzoeker => "role-onderzoeker",
            Role::Invoerder => "role-invoerder",
            Role::Klachtcoordinator => "role-klachtcoordinator",
            Role::Klachtbehandelaar => "role-klachtbehandelaar",
            Role::Commissielid => "role-commissielid",
            Role::Raadslid => "role-raadslid",
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Role {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Role::ALL
            .into_iter()
            .find(|r| r.code() == s.trim())
            .ok_or_else(|| {
                let codes: Vec<&str> = Role::ALL.iter().map(|r| r.code()).collect();
                format!("onbekende rol '{s}'; kies uit {}", codes.join(", "))
            })
    }
}

/// The logged-in staff member, as handlers see it.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    /// Account number.
    pub id: i64,
    /// Login name.
    pub username: String,
    /// Name shown on screens.
    pub display_name: String,
    /// Roles held.
    pub roles: Vec<Role>,
}

impl CurrentUser {
    /// Whether this person holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether this person holds any of `roles`.
    pub fn has_any(&self, roles: &[Role]) -> bool {
        roles.iter().any(|r| self.has(*r))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_codes_round_trip() {
        for r in Role::ALL {
            assert_eq!(r.code().parse::<Role>(), Ok(r));
        }
        let e = "admin".parse::<Role>().unwrap_err();
        assert!(e.contains("beheerder"));
    }
}
