//! Single sign-on with the municipality's identity provider over OpenID Connect (Entra ID, ADFS,
//! Keycloak, or any provider that publishes a discovery document).
//!
//! The authorization code flow with PKCE, `state` and `nonce`. What the browser must bring back
//! (state, nonce, PKCE verifier) is kept in the database ([`oidc_flows`]), so that the instance
//! the browser returns to can finish a flow another instance began. A flow is used once and lasts
//! [`FLOW_MINUTES`]; it is also tied to the browser that began it (a cookie), so nobody can make
//! someone else's browser finish a login the attacker started.
//!
//! Roles come from one configured claim (`groups`, `roles`, ...) through a mapping of claim values
//! to roles ([`SsoSettings::role_map`]), read again at every login; without a mapping the
//! administrator assigns roles. A disabled account stays disabled whatever the provider says.

use std::collections::BTreeMap;
use std::time::Duration;

use chrono::NaiveDateTime;
use diesel::prelude::*;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, IssuerUrl,
    LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, SignatureVerificationError, TokenResponse,
};
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::accounts::oidc_http::{self, HttpError};
use crate::accounts::sessions;
use crate::config::ConfigError;
use crate::db::schema::{oidc_flows, sso_sessions, user_identities, user_roles, users};
use crate::db::{write_tx, DbConnection};

/// Minutes a sign-in may take at the provider before it must begin again.
pub const FLOW_MINUTES: i64 = 10;
/// Name of the cookie that ties a flow to the browser that began it.
pub const FLOW_COOKIE: &str = "kb_sso";
/// Path the provider sends the browser back to (register `<public url>` + this at the provider).
pub const CALLBACK_PATH: &str = "/inloggen/sso/terug";
/// Where the provider sends the browser after logging out there.
pub const AFTER_LOGOUT_PATH: &str = "/inloggen?melding=notice-logged-out";
/// Stored instead of a password hash for accounts that only sign in through the provider: it is
/// no Argon2 string, so no password ever matches it.
pub const NO_PASSWORD: &str = "!sso";

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

fn role_setting_error(problem: &str) -> ConfigError {
    ConfigError::new(
        "KLANKBORD_OIDC_ROLES",
        problem,
        "Schrijf per claimwaarde de rollen, gescheiden door puntkomma's, bijvoorbeeld \"klankbord-beheer=beheerder; klankbord-klachten=klachtcoordinator,klachtbehandelaar\".",
    )
}

/// Reads `value=role,role; value=role`.
fn parse_role_text(text: &str) -> Result<Vec<(String, Vec<String>)>, ConfigError> {
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

/// Why a sign-in through the provider was refused. Each has its own page text; `code` goes on
/// the page too, for the administrator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No state, an unknown one, one already used, too old, or begun in another browser.
    State,
    /// The provider did not answer in time, or not at all.
    Unreachable,
    /// The provider refused the code (used before, expired) or the person cancelled.
    ProviderRefused,
    /// The ID token names another issuer.
    Issuer,
    /// The ID token is for another client.
    Audience,
    /// The ID token has expired.
    Expired,
    /// The ID token is signed with a key the provider does not publish (or not signed right).
    Signature,
    /// The ID token's nonce is not the one of this flow (a token replayed from another login).
    Nonce,
    /// The ID token or the provider's answer is otherwise not usable.
    Token,
    /// None of the values of the role claim is mapped to a role.
    NoRole,
    /// The account is disabled in klankbord.
    Disabled,
}

impl Refusal {
    /// Short code shown on the page and written to the log.
    pub fn code(self) -> &'static str {
        match self {
            Refusal::State => "state",
            Refusal::Unreachable => "provider-unreachable",
            Refusal::ProviderRefused => "provider-refused",
            Refusal::Issuer => "issuer",
            Refusal::Audience => "audience",
            Refusal::Expired => "expired",
            Refusal::Signature => "signing-key",
            Refusal::Nonce => "nonce",
            Refusal::Token => "token",
            Refusal::NoRole => "no-role",
            Refusal::Disabled => "disabled",
        }
    }

    /// Key of the explanation shown to the person.
    pub fn message_key(self) -> &'static str {
        match self {
            Refusal::State => "sso-refused-state",
            Refusal::Unreachable => "sso-refused-unreachable",
            Refusal::ProviderRefused => "sso-refused-provider",
            Refusal::Issuer
            | Refusal::Audience
            | Refusal::Expired
            | Refusal::Signature
            | Refusal::Nonce
            | Refusal::Token => "sso-refused-token",
            Refusal::NoRole => "sso-refused-no-role",
            Refusal::Disabled => "sso-refused-disabled",
        }
    }

    /// The HTTP status of the refusal page.
    pub fn status(self) -> u16 {
        match self {
            Refusal::Unreachable => 502,
            Refusal::NoRole | Refusal::Disabled => 403,
            _ => 400,
        }
    }
}

fn hash_hex(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A flow as stored while the person is at the provider.
#[derive(Debug, Clone, Queryable)]
pub struct Flow {
    /// Hash of the state.
    pub state_hash: String,
    /// Hash of the browser cookie.
    pub browser_hash: String,
    /// The nonce the ID token must carry.
    pub nonce: String,
    /// The PKCE verifier.
    pub pkce_verifier: String,
    /// Where to go after logging in.
    pub return_to: String,
    /// When it began.
    pub created_at: NaiveDateTime,
}

/// Where to send the browser to begin a sign-in, and what to keep until it comes back.
pub struct Begun {
    /// The provider's authorization URL.
    pub url: String,
    /// The state (the browser brings it back).
    pub state: String,
    /// The nonce.
    pub nonce: String,
    /// The PKCE verifier.
    pub pkce_verifier: String,
}

fn http_client(
    settings: &SsoSettings,
) -> impl Fn(openidconnect::HttpRequest) -> Result<openidconnect::HttpResponse, HttpError> {
    oidc_http::client(settings.timeout)
}

/// Reads the provider's discovery document and keys (blocking; call off the async workers).
pub fn discover(settings: &SsoSettings) -> Result<ProviderMetadataWithLogout, Refusal> {
    let issuer = IssuerUrl::new(settings.issuer.clone()).map_err(|_| Refusal::Unreachable)?;
    ProviderMetadataWithLogout::discover(&issuer, &http_client(settings)).map_err(|e| {
        tracing::warn!(error = %e, "identity provider discovery failed");
        match e {
            openidconnect::DiscoveryError::Request(_) => Refusal::Unreachable,
            openidconnect::DiscoveryError::Response(..) => Refusal::Unreachable,
            _ => Refusal::Token,
        }
    })
}

/// Builds the authorization request (blocking: reads the discovery document first).
pub fn begin(settings: &SsoSettings, redirect: &str, lang: &str) -> Result<Begun, Refusal> {
    let metadata = discover(settings)?;
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(settings.client_id.clone()),
        settings.client_secret.clone().map(ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(redirect.to_string()).map_err(|_| Refusal::Token)?);
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client
        .authorize_url(
            CoreAuthenticationFlow::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .set_pkce_challenge(challenge)
        .add_ui_locale(openidconnect::LanguageTag::new(lang.to_string()));
    for scope in settings.scopes.iter().filter(|s| *s != "openid") {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, state, nonce) = request.url();
    Ok(Begun {
        url: url.to_string(),
        state: state.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    })
}

/// Keeps a begun flow until the browser comes back; forgets flows that are too old.
pub fn store_flow(
    conn: &mut DbConnection,
    begun: &Begun,
    browser: &str,
    return_to: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    write_tx(conn, |c| {
        diesel::delete(
            oidc_flows::table
                .filter(oidc_flows::created_at.lt(now - chrono::Duration::minutes(FLOW_MINUTES))),
        )
        .execute(c)?;
        diesel::insert_into(oidc_flows::table)
            .values((
                oidc_flows::state_hash.eq(hash_hex(&begun.state)),
                oidc_flows::browser_hash.eq(hash_hex(browser)),
                oidc_flows::nonce.eq(&begun.nonce),
                oidc_flows::pkce_verifier.eq(&begun.pkce_verifier),
                oidc_flows::return_to.eq(return_to),
                oidc_flows::created_at.eq(now),
            ))
            .execute(c)?;
        Ok(())
    })
}

/// Takes the flow of `state` out of the database (it can be used once). `None` when there is no
/// such flow, it is too old, or it was begun in another browser.
pub fn take_flow(
    conn: &mut DbConnection,
    state: &str,
    browser: Option<&str>,
    now: NaiveDateTime,
) -> QueryResult<Option<Flow>> {
    let hash = hash_hex(state);
    write_tx(conn, |c| {
        let flow: Option<Flow> = oidc_flows::table
            .find(&hash)
            .select((
                oidc_flows::state_hash,
                oidc_flows::browser_hash,
                oidc_flows::nonce,
                oidc_flows::pkce_verifier,
                oidc_flows::return_to,
                oidc_flows::created_at,
            ))
            .first(c)
            .optional()?;
        let Some(flow) = flow else { return Ok(None) };
        // Deleted whatever follows: a state is worth one try. Whoever deletes it owns it.
        let gone = diesel::delete(oidc_flows::table.find(&hash)).execute(c)?;
        let fresh = now < flow.created_at + chrono::Duration::minutes(FLOW_MINUTES);
        let same_browser = browser.is_some_and(|b| hash_hex(b) == flow.browser_hash);
        Ok((gone == 1 && fresh && same_browser).then_some(flow))
    })
}

/// A person the provider vouched for, with the claims of the checked ID token.
#[derive(Debug, Clone)]
pub struct Verified {
    /// The issuer (as in the token).
    pub issuer: String,
    /// The subject: the provider's fixed number for the person.
    pub subject: String,
    /// Every claim of the ID token.
    pub claims: serde_json::Map<String, Value>,
    /// The ID token itself (sent back as a hint at logout).
    pub id_token: String,
}

fn claims_refusal(e: &ClaimsVerificationError) -> Refusal {
    match e {
        ClaimsVerificationError::Expired(_) => Refusal::Expired,
        ClaimsVerificationError::InvalidAudience(_) => Refusal::Audience,
        ClaimsVerificationError::InvalidIssuer(_) => Refusal::Issuer,
        ClaimsVerificationError::InvalidNonce(_) => Refusal::Nonce,
        ClaimsVerificationError::SignatureVerification(
            SignatureVerificationError::NoMatchingKey
            | SignatureVerificationError::CryptoError(_)
            | SignatureVerificationError::NoSignature
            | SignatureVerificationError::InvalidKey(_)
            | SignatureVerificationError::AmbiguousKeyId(_),
        ) => Refusal::Signature,
        _ => Refusal::Token,
    }
}

/// Exchanges the code for tokens and checks the ID token: signature with the provider's
/// published keys, issuer, audience, expiry and the nonce of this flow (blocking).
pub fn finish(
    settings: &SsoSettings,
    redirect: &str,
    code: &str,
    flow: &Flow,
) -> Result<Verified, Refusal> {
    let metadata = discover(settings)?;
    let client = CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(settings.client_id.clone()),
        settings.client_secret.clone().map(ClientSecret::new),
    )
    .set_redirect_uri(RedirectUrl::new(redirect.to_string()).map_err(|_| Refusal::Token)?);
    let http = http_client(settings);
    let response = client
        .exchange_code(AuthorizationCode::new(code.to_string()))
        .map_err(|_| Refusal::Token)?
        .set_pkce_verifier(PkceCodeVerifier::new(flow.pkce_verifier.clone()))
        .request(&http)
        .map_err(|e| {
            tracing::warn!(error = %e, "identity provider token request failed");
            match e {
                openidconnect::RequestTokenError::ServerResponse(_) => Refusal::ProviderRefused,
                openidconnect::RequestTokenError::Request(_) => Refusal::Unreachable,
                openidconnect::RequestTokenError::Parse(..) => Refusal::Token,
                openidconnect::RequestTokenError::Other(_) => Refusal::Token,
            }
        })?;
    let id_token: &CoreIdToken = response.id_token().ok_or(Refusal::Token)?;
    let verifier = client.id_token_verifier();
    let checked = id_token
        .claims(&verifier, &Nonce::new(flow.nonce.clone()))
        .map_err(|e| {
            tracing::warn!(error = %e, "ID token refused");
            claims_refusal(&e)
        })?;
    let issuer = checked.issuer().url().to_string();
    let subject = checked.subject().to_string();
    // The token is checked above; its payload is read once more as plain JSON for the role claim,
    // which the library's typed claims do not carry.
    let raw = id_token.to_string();
    let claims = payload_claims(&raw).ok_or(Refusal::Token)?;
    Ok(Verified {
        issuer: claims
            .get("iss")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or(issuer),
        subject,
        claims,
        id_token: raw,
    })
}

/// The claims of a (checked) compact JWT.
fn payload_claims(jwt: &str) -> Option<serde_json::Map<String, Value>> {
    use base64::Engine;
    let payload = jwt.split('.').nth(1)?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .ok()?;
    match serde_json::from_slice(&bytes).ok()? {
        Value::Object(map) => Some(map),
        _ => None,
    }
}

/// Where the browser goes to end the session at the provider too, if the provider offers it
/// (RP-initiated logout); blocking. `None`: log out here only.
pub fn logout_url(settings: &SsoSettings, id_token: &str, after: &str) -> Option<String> {
    let metadata = discover(settings).ok()?;
    let endpoint = metadata
        .additional_metadata()
        .end_session_endpoint
        .clone()?;
    // The page's form-action allows the issuer's origin only (see [`SsoSettings::csp`]); a logout
    // endpoint elsewhere would be blocked by the browser, so then klankbord logs out here only.
    if origin_of(endpoint.url().as_str()).as_deref() != Some(settings.origin.as_str()) {
        tracing::warn!("the provider's end_session_endpoint is not on the issuer's host; logging out locally only");
        return None;
    }
    let mut request =
        LogoutRequest::from(endpoint).set_client_id(ClientId::new(settings.client_id.clone()));
    if let Ok(token) = id_token.parse::<CoreIdToken>() {
        request = request.set_id_token_hint(&token);
    }
    if let Ok(after) = PostLogoutRedirectUrl::new(after.to_string()) {
        request = request.set_post_logout_redirect_uri(after);
    }
    Some(request.http_get_url().to_string())
}

/// What a finished sign-in did.
#[derive(Debug)]
pub struct SignedIn {
    /// The account.
    pub user_id: i64,
    /// The new session's cookie value.
    pub token: String,
    /// Where to go now.
    pub return_to: String,
}

/// A login name made from what the provider says (preferred name, e-mail, or the subject).
pub fn username_from(claims: &serde_json::Map<String, Value>, subject: &str) -> String {
    let pick = ["preferred_username", "upn", "email"]
        .iter()
        .find_map(|k| claims.get(*k).and_then(Value::as_str))
        .map(|s| s.split('@').next().unwrap_or(s).to_string());
    let cleaned: String = pick
        .unwrap_or_default()
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '.'
            }
        })
        .collect::<String>()
        .trim_matches('.')
        .chars()
        .take(56)
        .collect();
    if cleaned.len() >= 3 {
        cleaned
    } else {
        format!("sso-{}", &hash_hex(subject)[..10])
    }
}

/// The name shown on screens, from the `name` claim (or the given and family names).
pub fn display_name_from(claims: &serde_json::Map<String, Value>, fallback: &str) -> String {
    let text = |k: &str| claims.get(k).and_then(Value::as_str).map(str::trim);
    let name = match text("name").filter(|s| !s.is_empty()) {
        Some(n) => n.to_string(),
        None => [text("given_name"), text("family_name")]
            .into_iter()
            .flatten()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" "),
    };
    let name: String = name.chars().filter(|c| !c.is_control()).take(100).collect();
    if name.trim().is_empty() {
        fallback.to_string()
    } else {
        name
    }
}

fn free_username(c: &mut DbConnection, wanted: &str) -> QueryResult<String> {
    for n in 1..1000 {
        let name = if n == 1 {
            wanted.to_string()
        } else {
            format!("{wanted}-{n}")
        };
        let taken: i64 = users::table
            .filter(users::username.eq(&name))
            .count()
            .get_result(c)?;
        if taken == 0 {
            return Ok(name);
        }
    }
    Ok(format!("{wanted}-{}", &crate::accounts::sessions::new_token()[..8]).to_lowercase())
}

fn codes(roles: &[Role]) -> String {
    roles.iter().map(|r| r.code()).collect::<Vec<_>>().join(",")
}

fn replace_roles(c: &mut DbConnection, user_id: i64, roles: &[Role]) -> QueryResult<()> {
    diesel::delete(user_roles::table.filter(user_roles::user_id.eq(user_id))).execute(c)?;
    for role in roles {
        diesel::insert_into(user_roles::table)
            .values((
                user_roles::user_id.eq(user_id),
                user_roles::role.eq(role.code()),
            ))
            .execute(c)?;
    }
    Ok(())
}

/// Signs in the person the provider vouched for: finds or makes the account, sets roles from the
/// claim, writes the audit lines and starts a session, all in one transaction. A refusal changes
/// nothing, except that roles the provider took away are taken away here too.
pub fn sign_in(
    conn: &mut DbConnection,
    settings: &SsoSettings,
    who: &Verified,
    return_to: &str,
    now: NaiveDateTime,
) -> Result<Result<SignedIn, Refusal>, diesel::result::Error> {
    let from_claims = roles_from_claims(settings, &who.claims);
    write_tx(conn, |c| {
        let known: Option<(i64, bool)> = user_identities::table
            .inner_join(users::table.on(users::id.eq(user_identities::user_id)))
            .filter(user_identities::issuer.eq(&who.issuer))
            .filter(user_identities::subject.eq(&who.subject))
            .select((users::id, users::disabled))
            .first(c)
            .optional()?;
        let granted = match &from_claims {
            ClaimRoles::ByAdministrator => None,
            ClaimRoles::Roles(r) => Some(r.clone()),
            ClaimRoles::NoneMapped | ClaimRoles::Unreadable => Some(vec![]),
        };
        let user_id = match known {
            Some((id, disabled)) => {
                if let Some(new_roles) = &granted {
                    let old = sessions::roles_of(c, id)?;
                    if old != *new_roles {
                        replace_roles(c, id, new_roles)?;
                        audit::record(
                            c,
                            Actor::System,
                            "user.roles_from_claims",
                            "user",
                            Some(&id.to_string()),
                            Some(&format!("{} -> {}", codes(&old), codes(new_roles))),
                        )?;
                    }
                }
                if disabled {
                    audit::record(
                        c,
                        Actor::System,
                        "user.sso_refused",
                        "user",
                        Some(&id.to_string()),
                        Some(Refusal::Disabled.code()),
                    )?;
                    return Ok(Err(Refusal::Disabled));
                }
                if granted.as_ref().is_some_and(Vec::is_empty) {
                    audit::record(
                        c,
                        Actor::System,
                        "user.sso_refused",
                        "user",
                        Some(&id.to_string()),
                        Some(Refusal::NoRole.code()),
                    )?;
                    return Ok(Err(Refusal::NoRole));
                }
                let name = display_name_from(&who.claims, "");
                if !name.is_empty() {
                    diesel::update(users::table.find(id))
                        .set(users::display_name.eq(name))
                        .execute(c)?;
                }
                diesel::update(
                    user_identities::table
                        .filter(user_identities::issuer.eq(&who.issuer))
                        .filter(user_identities::subject.eq(&who.subject)),
                )
                .set(user_identities::last_login_at.eq(now))
                .execute(c)?;
                id
            }
            None => {
                if granted.as_ref().is_some_and(Vec::is_empty) {
                    // Nobody is made for a person klankbord has no role for.
                    audit::record(
                        c,
                        Actor::System,
                        "user.sso_refused",
                        "user",
                        None,
                        Some(Refusal::NoRole.code()),
                    )?;
                    return Ok(Err(Refusal::NoRole));
                }
                let username = free_username(c, &username_from(&who.claims, &who.subject))?;
                let display = display_name_from(&who.claims, &username);
                diesel::insert_into(users::table)
                    .values((
                        users::username.eq(&username),
                        users::display_name.eq(&display),
                        users::password_hash.eq(NO_PASSWORD),
                        users::disabled.eq(false),
                        users::created_at.eq(now),
                        users::password_changed_at.eq(now),
                    ))
                    .execute(c)?;
                let id: i64 = users::table
                    .filter(users::username.eq(&username))
                    .select(users::id)
                    .first(c)?;
                diesel::insert_into(user_identities::table)
                    .values((
                        user_identities::issuer.eq(&who.issuer),
                        user_identities::subject.eq(&who.subject),
                        user_identities::user_id.eq(id),
                        user_identities::created_at.eq(now),
                        user_identities::last_login_at.eq(now),
                    ))
                    .execute(c)?;
                let roles = granted.clone().unwrap_or_default();
                replace_roles(c, id, &roles)?;
                audit::record(
                    c,
                    Actor::System,
                    "user.created_sso",
                    "user",
                    Some(&id.to_string()),
                    Some(&codes(&roles)),
                )?;
                if !roles.is_empty() {
                    audit::record(
                        c,
                        Actor::System,
                        "user.roles_from_claims",
                        "user",
                        Some(&id.to_string()),
                        Some(&format!(" -> {}", codes(&roles))),
                    )?;
                }
                id
            }
        };
        let token = sessions::create(c, user_id, now)?;
        diesel::insert_into(sso_sessions::table)
            .values((
                sso_sessions::token_hash.eq(sessions::token_hash(&token)),
                sso_sessions::id_token.eq(&who.id_token),
            ))
            .execute(c)?;
        audit::record(
            c,
            Actor::User(user_id),
            "user.sso_login",
            "user",
            Some(&user_id.to_string()),
            None,
        )?;
        Ok(Ok(SignedIn {
            user_id,
            token,
            return_to: return_to.to_string(),
        }))
    })
}

/// The ID token of a session begun through the provider, if it was.
pub fn id_token_of_session(conn: &mut DbConnection, token: &str) -> QueryResult<Option<String>> {
    sso_sessions::table
        .find(sessions::token_hash(token))
        .select(sso_sessions::id_token)
        .first(conn)
        .optional()
}

/// Whether an account signs in through the provider (and so has no password or two-factor code here).
pub fn is_sso_account(conn: &mut DbConnection, user_id: i64) -> QueryResult<bool> {
    let n: i64 = user_identities::table
        .filter(user_identities::user_id.eq(user_id))
        .count()
        .get_result(conn)?;
    Ok(n > 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings(roles: &str) -> SsoSettings {
        SsoSettings::parse(RawSettings {
            issuer: Some("https://sso.voorbeeld.nl/realms/gemeente".into()),
            client_id: Some("klankbord".into()),
            role_claim: (!roles.is_empty()).then(|| "groups".to_string()),
            roles: (!roles.is_empty()).then(|| roles.to_string()),
            ..RawSettings::default()
        })
        .unwrap()
        .unwrap()
    }

    fn claims(json: &str) -> serde_json::Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn mapped_values_give_roles_and_others_are_ignored() {
        let s = settings("kb-beheer=beheerder; kb-klachten=klachtcoordinator,klachtbehandelaar");
        assert_eq!(
            roles_from_claims(
                &s,
                &claims(r#"{"groups":["kb-klachten","finance","kb-beheer"]}"#)
            ),
            ClaimRoles::Roles(vec![
                Role::Beheerder,
                Role::Klachtcoordinator,
                Role::Klachtbehandelaar
            ])
        );
        assert_eq!(
            roles_from_claims(&s, &claims(r#"{"groups":"kb-beheer"}"#)),
            ClaimRoles::Roles(vec![Role::Beheerder])
        );
        assert_eq!(
            roles_from_claims(&s, &claims(r#"{"groups":["finance"]}"#)),
            ClaimRoles::NoneMapped
        );
        assert_eq!(roles_from_claims(&s, &claims("{}")), ClaimRoles::NoneMapped);
        assert_eq!(
            roles_from_claims(&s, &claims(r#"{"groups":[1,2]}"#)),
            ClaimRoles::Unreadable
        );
        let none = settings("");
        assert_eq!(
            roles_from_claims(&none, &claims(r#"{"groups":["kb-beheer"]}"#)),
            ClaimRoles::ByAdministrator
        );
    }

    #[test]
    fn settings_are_checked_and_name_the_setting() {
        let err = |raw: RawSettings| SsoSettings::parse(raw).unwrap_err().setting;
        let base = || RawSettings {
            issuer: Some("https://sso.voorbeeld.nl".into()),
            client_id: Some("klankbord".into()),
            ..RawSettings::default()
        };
        assert!(SsoSettings::parse(RawSettings::default())
            .unwrap()
            .is_none());
        assert_eq!(
            err(RawSettings {
                issuer: Some("sso.voorbeeld.nl".into()),
                ..base()
            }),
            "KLANKBORD_OIDC_ISSUER"
        );
        assert_eq!(
            err(RawSettings {
                client_id: None,
                ..base()
            }),
            "KLANKBORD_OIDC_CLIENT_ID"
        );
        assert_eq!(
            err(RawSettings {
                scopes: Some("profile email".into()),
                ..base()
            }),
            "KLANKBORD_OIDC_SCOPES"
        );
        assert_eq!(
            err(RawSettings {
                role_claim: Some("groups".into()),
                roles: Some("kb=baas".into()),
                ..base()
            }),
            "KLANKBORD_OIDC_ROLES"
        );
        assert_eq!(
            err(RawSettings {
                roles: Some("kb=beheerder".into()),
                ..base()
            }),
            "KLANKBORD_OIDC_ROLE_CLAIM"
        );
        assert_eq!(
            err(RawSettings {
                timeout_seconds: Some("600".into()),
                ..base()
            }),
            "KLANKBORD_OIDC_TIMEOUT_SECONDS"
        );
        assert_eq!(
            err(RawSettings {
                issuer: None,
                ..base()
            }),
            "KLANKBORD_OIDC_CLIENT_ID"
        );
        let secret = SsoSettings::parse(RawSettings {
            client_secret: Some("geheim-123".into()),
            ..base()
        })
        .unwrap()
        .unwrap();
        assert!(!format!("{secret:?}").contains("geheim-123"));
    }

    #[test]
    fn login_names_come_from_the_provider_and_are_made_safe() {
        assert_eq!(
            username_from(
                &claims(r#"{"preferred_username":"J.Jansen@Gemeente.nl"}"#),
                "x"
            ),
            "j.jansen"
        );
        assert_eq!(
            username_from(&claims(r#"{"email":"p van dijk@x.nl"}"#), "x"),
            "p.van.dijk"
        );
        let fallback = username_from(&claims("{}"), "abc");
        assert!(fallback.starts_with("sso-"));
        assert_eq!(
            display_name_from(
                &claims(r#"{"given_name":"Jan","family_name":"Jansen"}"#),
                "j"
            ),
            "Jan Jansen"
        );
        assert_eq!(display_name_from(&claims("{}"), "j.jansen"), "j.jansen");
    }
}
