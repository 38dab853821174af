//! The authorization code flow: discovery, the start (state, nonce, PKCE kept in the database),
//! and the finish (the code exchanged, the ID token verified).

use chrono::NaiveDateTime;
use diesel::prelude::*;
use openidconnect::core::{CoreAuthenticationFlow, CoreClient, CoreIdToken};
use openidconnect::{
    AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret, CsrfToken, IssuerUrl,
    LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier, PostLogoutRedirectUrl,
    ProviderMetadataWithLogout, RedirectUrl, Scope, SignatureVerificationError, TokenResponse,
};
use serde_json::Value;

use crate::accounts::oidc_http::{self, HttpError};
use crate::db::schema::oidc_flows;
use crate::db::{write_tx, DbConnection};

use super::*;

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

pub(super) fn http_client(
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

pub(super) fn claims_refusal(e: &ClaimsVerificationError) -> Refusal {
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
pub(super) fn payload_claims(jwt: &str) -> Option<serde_json::Map<String, Value>> {
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
