//! Roles from the provider's claim, through the configured mapping.

use serde_json::Value;

use crate::accounts::model::Role;

use super::*;

/// What the role claim says, as roles.
#[derive(Debug, PartialEq, Eq)]
pub enum ClaimRoles {
    /// No claim configured: the administrator assigns roles, logins leave them alone.
    ByAdministrator,
    /// These roles (sorted, at least one).
    Roles(Vec<Role>),
    /// The claim is missing, or none of its values is mapped.
    NoneMapped,
    /// The claim is there but is neither text nor a list of texts.
    Unreadable,
}

/// Maps the claim's value(s) to roles; values without a mapping are ignored (a `groups` claim
/// usually holds many groups that have nothing to do with klankbord).
pub fn roles_from_claims(
    settings: &SsoSettings,
    claims: &serde_json::Map<String, Value>,
) -> ClaimRoles {
    let Some(name) = settings.role_claim.as_deref() else {
        return ClaimRoles::ByAdministrator;
    };
    let values: Vec<&str> = match claims.get(name) {
        None | Some(Value::Null) => vec![],
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(items)) => {
            let mut out = vec![];
            for item in items {
                match item {
                    Value::String(s) => out.push(s.as_str()),
                    _ => return ClaimRoles::Unreadable,
                }
            }
            out
        }
        Some(_) => return ClaimRoles::Unreadable,
    };
    let mut roles: Vec<Role> = values
        .iter()
        .filter_map(|v| settings.role_map.get(*v))
        .flatten()
        .copied()
        .collect();
    roles.sort();
    roles.dedup();
    if roles.is_empty() {
        ClaimRoles::NoneMapped
    } else {
        ClaimRoles::Roles(roles)
    }
}
