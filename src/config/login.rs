//! Staff sign-in settings: single sign-on, login methods, break-glass accounts, two-factor roles.

use super::*;

/// Single sign-on, the login methods, break-glass accounts and two-factor roles.
pub(super) fn parse_login(
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
