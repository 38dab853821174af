//! The identity provider as configured: issuer, client, scopes, the role claim and its mapping.

use std::collections::BTreeMap;
use std::time::Duration;

use openidconnect::IssuerUrl;

use crate::accounts::model::Role;
use crate::config::ConfigError;

/// The identity provider as configured, checked at start-up.
#[derive(Clone)]
pub struct SsoSettings {
    /// The issuer URL exactly as the provider names itself (its discovery document lives below it).
    pub issuer: String,
    /// The client id klankbord is registered under.
    pub client_id: String,
    /// The client secret (none for a public client).
    pub client_secret: Option<String>,
    /// Scopes asked for; always includes `openid`.
    pub scopes: Vec<String>,
    /// The claim whose values decide roles, if roles come from the provider.
    pub role_claim: Option<String>,
    /// Claim value -> roles it grants.
    pub role_map: BTreeMap<String, Vec<Role>>,
    /// How long to wait for the provider.
    pub timeout: Duration,
    /// The provider's origin (`https://host[:port]`): the logout form may lead there.
    pub origin: String,
}

/// `scheme://host[:port]` of a URL.
pub fn origin_of(url: &str) -> Option<String> {
    let u = openidconnect::url::Url::parse(url).ok()?;
    let origin = u.origin();
    origin.is_tuple().then(|| origin.ascii_serialization())
}

impl SsoSettings {
    /// The Content-Security-Policy with the provider's origin added to `form-action`: the logout
    /// form is answered with a redirect to the provider, which the browser checks against it.
    pub fn csp(&self) -> String {
        crate::web::context::CSP.replace(
            "form-action 'self'",
            &format!("form-action 'self' {}", self.origin),
        )
    }
}

impl std::fmt::Debug for SsoSettings {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The client secret never goes into a log or an error message.
        f.debug_struct("SsoSettings")
            .field("issuer", &self.issuer)
            .field("client_id", &self.client_id)
            .field("client_secret", &self.client_secret.as_ref().map(|_| "…"))
            .field("scopes", &self.scopes)
            .field("role_claim", &self.role_claim)
            .field("role_map", &self.role_map)
            .field("timeout", &self.timeout)
            .field("origin", &self.origin)
            .finish()
    }
}

/// The single sign-on settings as read from the file and the environment, before checking.
#[derive(Debug, Default)]
pub struct RawSettings {
    /// `KLANKBORD_OIDC_ISSUER`
    pub issuer: Option<String>,
    /// `KLANKBORD_OIDC_CLIENT_ID`
    pub client_id: Option<String>,
    /// `KLANKBORD_OIDC_CLIENT_SECRET`
    pub client_secret: Option<String>,
    /// `KLANKBORD_OIDC_SCOPES`
    pub scopes: Option<String>,
    /// `KLANKBORD_OIDC_ROLE_CLAIM`
    pub role_claim: Option<String>,
    /// `KLANKBORD_OIDC_ROLES` (`value=role,role; value=role`), or the `[oidc_roles]` table.
    pub roles: Option<String>,
    /// `[oidc_roles]` in klankbord.toml: value -> roles.
    pub roles_table: Option<BTreeMap<String, Vec<String>>>,
    /// `KLANKBORD_OIDC_TIMEOUT_SECONDS`
    pub timeout_seconds: Option<String>,
}

/// Default scopes: who the person is, nothing more.
pub const DEFAULT_SCOPES: &str = "openid profile email";

impl SsoSettings {
    /// Checks the raw settings; `Ok(None)` when single sign-on is not configured at all.
    pub fn parse(raw: RawSettings) -> Result<Option<SsoSettings>, ConfigError> {
        let Some(issuer) = raw.issuer.map(|s| s.trim().to_string()) else {
            for (value, setting) in [
                (&raw.client_id, "KLANKBORD_OIDC_CLIENT_ID"),
                (&raw.role_claim, "KLANKBORD_OIDC_ROLE_CLAIM"),
                (&raw.roles, "KLANKBORD_OIDC_ROLES"),
            ] {
                if value.is_some() {
                    return Err(ConfigError::new(
                        setting,
                        "is gezet, maar KLANKBORD_OIDC_ISSUER ontbreekt",
                        "Geef ook het adres van de identity provider in KLANKBORD_OIDC_ISSUER, of haal deze instelling weg.",
                    ));
                }
            }
            return Ok(None);
        };
        let url_ok = issuer
            .strip_prefix("https://")
            .or_else(|| issuer.strip_prefix("http://"))
            .is_some_and(|rest| !rest.is_empty() && !rest.contains(char::is_whitespace));
        let origin = origin_of(&issuer);
        if !url_ok || IssuerUrl::new(issuer.clone()).is_err() || origin.is_none() {
            return Err(ConfigError::new(
                "KLANKBORD_OIDC_ISSUER",
                format!("'{issuer}' is geen adres van een identity provider"),
                "Geef de issuer zoals de provider die noemt, bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0 of https://sso.gemeente.nl/realms/gemeente.",
            ));
        }
        let client_id = raw
            .client_id
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .ok_or_else(|| {
                ConfigError::new(
                    "KLANKBORD_OIDC_CLIENT_ID",
                    "ontbreekt",
                    "Geef de client-id (application id) waaronder klankbord bij de identity provider is geregistreerd.",
                )
            })?;
        let client_secret = raw
            .client_secret
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let scopes: Vec<String> = raw
            .scopes
            .as_deref()
            .unwrap_or(DEFAULT_SCOPES)
            .split([' ', ','])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string)
            .collect();
        if !scopes.iter().any(|s| s == "openid") {
            return Err(ConfigError::new(
                "KLANKBORD_OIDC_SCOPES",
                "de scope 'openid' ontbreekt",
                format!("Begin de lijst met openid, bijvoorbeeld \"{DEFAULT_SCOPES}\"."),
            ));
        }
        let role_claim = raw
            .role_claim
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty());
        let mut entries: Vec<(String, Vec<String>)> = vec![];
        if let Some(text) = raw.roles.as_deref() {
            entries.extend(parse_role_text(text)?);
        }
        if let Some(table) = raw.roles_table {
            entries.extend(table);
        }
        let mut role_map: BTreeMap<String, Vec<Role>> = BTreeMap::new();
        for (value, codes) in entries {
            let value = value.trim().to_string();
            if value.is_empty() {
                return Err(role_setting_error("een claimwaarde is leeg"));
            }
            let mut roles = vec![];
            for code in codes.iter().flat_map(|c| c.split(',')) {
                let code = code.trim();
                if code.is_empty() {
                    continue;
                }
                let role: Role = code
                    .parse()
                    .map_err(|e: String| role_setting_error(&format!("bij '{value}': {e}")))?;
                roles.push(role);
            }
            if roles.is_empty() {
                return Err(role_setting_error(&format!("'{value}' heeft geen rol")));
            }
            let slot = role_map.entry(value).or_default();
            slot.extend(roles);
            slot.sort();
            slot.dedup();
        }
        if !role_map.is_empty() && role_claim.is_none() {
            return Err(ConfigError::new(
                "KLANKBORD_OIDC_ROLE_CLAIM",
                "ontbreekt, maar KLANKBORD_OIDC_ROLES is gezet",
                "Noem de claim waarin de provider de groepen of rollen meegeeft, bijvoorbeeld groups of roles.",
            ));
        }
        if role_claim.is_some() && role_map.is_empty() {
            return Err(role_setting_error(
                "er is een claim genoemd (KLANKBORD_OIDC_ROLE_CLAIM), maar geen enkele waarde is aan een rol gekoppeld",
            ));
        }
        let timeout_seconds: u64 = match raw.timeout_seconds.as_deref().map(str::trim) {
            None | Some("") => 10,
            Some(v) => v.parse().map_err(|_| {
                ConfigError::new(
                    "KLANKBORD_OIDC_TIMEOUT_SECONDS",
                    format!("'{v}' is geen geheel getal"),
                    "Geef een aantal seconden tussen 1 en 60; 10 is gebruikelijk.",
                )
            })?,
        };
        if !(1..=60).contains(&timeout_seconds) {
            return Err(ConfigError::new(
                "KLANKBORD_OIDC_TIMEOUT_SECONDS",
                format!("{timeout_seconds} ligt niet tussen 1 en 60"),
                "Geef een aantal seconden tussen 1 en 60; 10 is gebruikelijk.",
            ));
        }
        Ok(Some(SsoSettings {
            issuer,
            client_id,
            client_secret,
            scopes,
            role_claim,
            role_map,
            timeout: Duration::from_secs(timeout_seconds),
            origin: origin.unwrap_or_default(),
        }))
    }
}

pub(super) fn role_setting_error(problem: &str) -> ConfigError {
    ConfigError::new(
        "KLANKBORD_OIDC_ROLES",
        problem,
        "Schrijf per claimwaarde de rollen, gescheiden door puntkomma's, bijvoorbeeld \"klankbord-beheer=beheerder; klankbord-klachten=klachtcoordinator,klachtbehandelaar\".",
    )
}

/// Reads `value=role,role; value=role`.
pub(super) fn parse_role_text(text: &str) -> Result<Vec<(String, Vec<String>)>, ConfigError> {
    let mut out = vec![];
    for part in text.split([';', '\n']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let Some((value, roles)) = part.rsplit_once('=') else {
            return Err(role_setting_error(&format!(
                "'{part}' heeft geen '=' tussen claimwaarde en rol"
            )));
        };
        out.push((value.to_string(), vec![roles.to_string()]));
    }
    Ok(out)
}
