//! HTTP handlers for single sign-on (start, return from the provider) and break-glass access,
//! and the answer to a password step (two-factor codes: `totp_routes`; the rules:
//! `login_service`).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::accounts::login_service::PasswordStep;
use crate::accounts::oidc::{self, Refusal};
use crate::accounts::ratelimit::{self, Limit};
use crate::accounts::totp;
use crate::accounts::{login_views, sessions};
use crate::config::LoginMethods;
use crate::web::context::{cookie, Ctx, CSRF_COOKIE};
use crate::web::errors::{page_response, AppError};
use crate::web::routes::{safe_return_path, Access, RouteDef};
use crate::web::{see_other, AppState};

/// Sign-ins started per client address per window (each one asks the provider for its keys).
const SSO_STARTS: Limit = Limit {
    name: "sso-start",
    max: 60,
    window_seconds: 600,
};

/// What the login page offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoginOffer {
    /// The password form only.
    Password,
    /// The organisation-account button and the password form.
    Both,
    /// The organisation-account button only (and a link for break-glass accounts).
    SsoOnly,
    /// The password form, for break-glass accounts, when only single sign-on is offered.
    BreakGlass,
}

/// What the login page offers under these settings.
pub fn offer(state: &AppState) -> LoginOffer {
    match state.config.login.methods {
        LoginMethods::Password => LoginOffer::Password,
        LoginMethods::Both => LoginOffer::Both,
        LoginMethods::Sso => LoginOffer::SsoOnly,
    }
}

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/inloggen/sso", Access::Public).get(sso_start),
        RouteDef::new(oidc::CALLBACK_PATH, Access::Public).get(sso_return),
        RouteDef::new("/inloggen/nood", Access::Public).get(break_glass_form),
    ]
}

#[derive(Deserialize)]
struct BackQuery {
    terug: Option<String>,
}

fn back_of(q: &BackQuery) -> String {
    q.terug
        .as_deref()
        .and_then(safe_return_path)
        .unwrap_or("/werkplek")
        .to_string()
}

fn redirect_uri(state: &AppState) -> String {
    format!("{}{}", state.config.public_url, oidc::CALLBACK_PATH)
}

fn refused(ctx: &Ctx, refusal: Refusal) -> HttpResponse {
    tracing::info!(reason = refusal.code(), "single sign-on refused");
    page_response(
        StatusCode::from_u16(refusal.status()).unwrap_or(StatusCode::BAD_REQUEST),
        login_views::refusal_page(ctx, refusal),
    )
}

/// A response that starts the session: session cookie, a fresh CSRF token, and the login
/// challenge (if any) gone.
pub(crate) fn with_session(
    mut builder: actix_web::HttpResponseBuilder,
    state: &AppState,
    token: String,
) -> actix_web::HttpResponseBuilder {
    let secure = state.config.secure_cookies();
    let mut gone = cookie(totp::CHALLENGE_COOKIE, String::new(), secure, None);
    gone.make_removal();
    builder
        .cookie(cookie(sessions::COOKIE, token, secure, None))
        // A fresh CSRF token after login, so a token planted before login is worthless.
        .cookie(cookie(CSRF_COOKIE, sessions::new_token(), secure, None))
        .cookie(gone);
    builder
}

async fn sso_start(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    q: web::Query<BackQuery>,
) -> Result<HttpResponse, AppError> {
    let Some(settings) = state.config.login.sso.clone() else {
        return Err(AppError::NotFound);
    };
    if ctx.user.is_some() {
        return Ok(see_other("/werkplek"));
    }
    let bucket = crate::accounts::routes::address_bucket(&req, &state);
    let allowed = state
        .db(move |conn| Ok(ratelimit::hit(conn, SSO_STARTS, &bucket, crate::db::now())?))
        .await?;
    if !allowed {
        return Err(AppError::TooManyRequests);
    }
    let redirect = redirect_uri(&state);
    let lang = ctx.lang.code();
    let begun = web::block(move || oidc::begin(&settings, &redirect, lang))
        .await
        .map_err(|e| AppError::Internal(e.into()))?;
    let begun = match begun {
        Ok(b) => b,
        Err(r) => return Ok(refused(&ctx, r)),
    };
    // One browser value for all tabs, so two sign-ins begun side by side both work.
    let browser = req
        .cookie(oidc::FLOW_COOKIE)
        .map(|c| c.value().to_string())
        .filter(|v| v.len() >= 43 && v.len() <= 64)
        .unwrap_or_else(sessions::new_token);
    let back = back_of(&q);
    let url = begun.url.clone();
    let stored_browser = browser.clone();
    state
        .db(move |conn| {
            Ok(oidc::store_flow(
                conn,
                &begun,
                &stored_browser,
                &back,
                crate::db::now(),
            )?)
        })
        .await?;
    let secure = state.config.secure_cookies();
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, url))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .cookie(cookie(oidc::FLOW_COOKIE, browser, secure, None))
        .finish())
}

#[derive(Deserialize)]
struct ReturnQuery {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn sso_return(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    q: web::Query<ReturnQuery>,
) -> Result<HttpResponse, AppError> {
    let Some(settings) = state.config.login.sso.clone() else {
        return Err(AppError::NotFound);
    };
    let q = q.into_inner();
    let Some(flow_state) = q.state.filter(|s| !s.is_empty() && s.len() <= 512) else {
        return Ok(refused(&ctx, Refusal::State));
    };
    let browser = req.cookie(oidc::FLOW_COOKIE).map(|c| c.value().to_string());
    let flow = state
        .db(move |conn| {
            Ok(oidc::take_flow(
                conn,
                &flow_state,
                browser.as_deref(),
                crate::db::now(),
            )?)
        })
        .await?;
    let Some(flow) = flow else {
        return Ok(refused(&ctx, Refusal::State));
    };
    if q.error.is_some() {
        return Ok(refused(&ctx, Refusal::ProviderRefused));
    }
    let Some(code) = q.code.filter(|c| !c.is_empty() && c.len() <= 4096) else {
        return Ok(refused(&ctx, Refusal::ProviderRefused));
    };
    let redirect = redirect_uri(&state);
    let for_check = settings.clone();
    let checked = web::block(move || {
        oidc::finish(&for_check, &redirect, &code, &flow).map(|v| (v, flow.return_to))
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?;
    let (who, back) = match checked {
        Ok(v) => v,
        Err(r) => return Ok(refused(&ctx, r)),
    };
    let result = state
        .db(move |conn| {
            Ok(oidc::sign_in(
                conn,
                &settings,
                &who,
                &back,
                crate::db::now(),
            )?)
        })
        .await?;
    match result {
        Err(r) => Ok(refused(&ctx, r)),
        Ok(signed) => {
            let back = safe_return_path(&signed.return_to)
                .unwrap_or("/werkplek")
                .to_string();
            Ok(with_session(HttpResponse::SeeOther(), &state, signed.token)
                .insert_header((header::LOCATION, back))
                .finish())
        }
    }
}

async fn break_glass_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<BackQuery>,
) -> HttpResponse {
    if ctx.user.is_some() {
        return see_other("/werkplek");
    }
    let offer = match offer(&state) {
        LoginOffer::SsoOnly => LoginOffer::BreakGlass,
        other => other,
    };
    page_response(
        StatusCode::OK,
        crate::accounts::views::login_page(&ctx, "", &back_of(&q), None, None, offer),
    )
}

/// The response to a password step.
pub fn password_step_response(state: &AppState, step: PasswordStep, back: &str) -> HttpResponse {
    match step {
        PasswordStep::Session(token) => with_session(HttpResponse::SeeOther(), state, token)
            .insert_header((header::LOCATION, back.to_string()))
            .finish(),
        PasswordStep::Challenge { token, enrol } => {
            let to = if enrol {
                "/inloggen/tweestaps"
            } else {
                "/inloggen/code"
            };
            HttpResponse::SeeOther()
                .insert_header((header::LOCATION, to))
                .cookie(cookie(
                    totp::CHALLENGE_COOKIE,
                    token,
                    state.config.secure_cookies(),
                    None,
                ))
                .finish()
        }
    }
}
