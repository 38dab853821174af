//! HTTP handlers for single sign-on (start, return from the provider), break-glass access,
//! entering and setting up two-factor codes, and the administrator's reset of them.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::accounts::oidc::{self, Refusal};
use crate::accounts::ratelimit::{self, Limit};
use crate::accounts::totp::{self, CodeOutcome, Status};
use crate::accounts::{login_views, sessions};
use crate::config::LoginMethods;
use crate::web::context::{cookie, Ctx, CSRF_COOKIE};
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
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
        RouteDef::new("/inloggen/code", Access::Public)
            .get(code_form)
            .post(code_submit),
        RouteDef::new("/inloggen/tweestaps", Access::Public)
            .get(login_enrol_form)
            .post(login_enrol_submit),
        RouteDef::new("/account/tweestaps", Access::AnyStaff).get(own_page),
        RouteDef::new("/account/tweestaps/instellen", Access::AnyStaff)
            .get(own_enrol_form)
            .post(own_enrol_submit),
        RouteDef::new(
            "/beheer/gebruikers/{id}/tweestaps",
            Access::Roles(&[Role::Beheerder]),
        )
        .post(admin_reset),
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
fn with_session(
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

/// What the password step decided.
pub enum PasswordStep {
    /// No second factor needed: the session's cookie value.
    Session(String),
    /// A code is needed (or must be set up first): the challenge's cookie value.
    Challenge {
        /// Cookie value.
        token: String,
        /// The account has no codes yet and must set them up.
        enrol: bool,
    },
}

/// After a right password: a session, or a challenge for the second factor. Break-glass
/// accounts are logged loudly.
pub fn after_password(
    conn: &mut crate::db::DbConnection,
    state: &AppState,
    user_id: i64,
    username: &str,
    back: &str,
    now: chrono::NaiveDateTime,
) -> Result<PasswordStep, AppError> {
    let login = &state.config.login;
    if login
        .break_glass
        .iter()
        .any(|b| *b == crate::accounts::service::normalise_username(username))
    {
        tracing::warn!(user_id, "break-glass account logged in with a password");
        audit::record(
            conn,
            Actor::User(user_id),
            "user.login_break_glass",
            "user",
            Some(&user_id.to_string()),
            None,
        )?;
    }
    let roles = sessions::roles_of(conn, user_id)?;
    let status = totp::status(conn, user_id)?;
    if status == Status::On {
        let token = totp::start_challenge(conn, user_id, back, now)?;
        return Ok(PasswordStep::Challenge {
            token,
            enrol: false,
        });
    }
    if totp::required(&login.totp_required, &roles) {
        let token = totp::start_challenge(conn, user_id, back, now)?;
        return Ok(PasswordStep::Challenge { token, enrol: true });
    }
    Ok(PasswordStep::Session(sessions::create(conn, user_id, now)?))
}

/// Whether a password login for `username` is allowed under these settings (only break-glass
/// accounts when only single sign-on is offered).
pub fn password_allowed(state: &AppState, username: &str) -> bool {
    let login = &state.config.login;
    login.methods != LoginMethods::Sso
        || login
            .break_glass
            .iter()
            .any(|b| *b == crate::accounts::service::normalise_username(username))
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

/// The login waiting for its code, from the cookie.
async fn current_challenge(
    req: &HttpRequest,
    state: &AppState,
) -> Result<Option<(String, i64, String)>, AppError> {
    let Some(token) = req
        .cookie(totp::CHALLENGE_COOKIE)
        .map(|c| c.value().to_string())
    else {
        return Ok(None);
    };
    let t2 = token.clone();
    let found = state
        .db(move |conn| Ok(totp::challenge(conn, &t2, crate::db::now())?))
        .await?;
    Ok(found.map(|(id, back)| (token, id, back)))
}

fn login_again() -> HttpResponse {
    see_other("/inloggen?melding=notice-login-again")
}

fn code_message(ctx: &Ctx, outcome: &CodeOutcome) -> String {
    match outcome {
        CodeOutcome::Wait(until) => t_args(
            ctx.lang,
            "totp-wait",
            &[("time", &crate::web::layout::local_time(*until))],
        ),
        other => t(ctx.lang, other.message_key()),
    }
}

async fn code_form(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    if current_challenge(&req, &state).await?.is_none() {
        return Ok(login_again());
    }
    Ok(page_response(
        StatusCode::OK,
        login_views::code_page(&ctx, None),
    ))
}

#[derive(Deserialize)]
struct CodeForm {
    #[serde(default)]
    code: String,
}

async fn code_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let Some((token, user_id, back)) = current_challenge(&req, &state).await? else {
        return Ok(login_again());
    };
    let bucket = crate::accounts::routes::address_bucket(&req, &state);
    let outcome = state
        .db(move |conn| {
            let now = crate::db::now();
            let outcome = totp::verify(conn, user_id, &form.code, &bucket, now)?;
            if outcome != CodeOutcome::Accepted {
                return Ok((outcome, None));
            }
            totp::end_challenge(conn, &token)?;
            let session = sessions::create(conn, user_id, now)?;
            audit::record(
                conn,
                Actor::User(user_id),
                "user.login_second_factor",
                "user",
                Some(&user_id.to_string()),
                None,
            )?;
            Ok((outcome, Some(session)))
        })
        .await?;
    match outcome {
        (_, Some(session)) => {
            let back = safe_return_path(&back).unwrap_or("/werkplek").to_string();
            Ok(with_session(HttpResponse::SeeOther(), &state, session)
                .insert_header((header::LOCATION, back))
                .finish())
        }
        (CodeOutcome::TooManyFromAddress, _) => Err(AppError::TooManyRequests),
        (other, None) => Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            login_views::code_page(&ctx, Some(code_message(&ctx, &other))),
        )),
    }
}

/// The enrolment page for `user_id` (a pending secret is made if there is none).
async fn enrol_page(
    ctx: &Ctx,
    state: &AppState,
    user_id: i64,
    action: &str,
    required: bool,
    error: Option<String>,
    status: StatusCode,
) -> Result<Option<HttpResponse>, AppError> {
    let found = state
        .db(move |conn| {
            let secret = totp::pending_secret(conn, user_id, crate::db::now())?;
            let user = crate::accounts::service::find(conn, user_id)
                .map_err(|e| AppError::Internal(e.into()))?;
            Ok(secret.map(|s| (s, user.username)))
        })
        .await?;
    let Some((secret, username)) = found else {
        return Ok(None);
    };
    let issuer = format!("Klankbord {}", state.municipality);
    let url = totp::otpauth_url(&secret, &username, &issuer)?;
    let svg = crate::surveys::invite::qr_svg(&url)?;
    Ok(Some(page_response(
        status,
        login_views::enrol_page(ctx, action, &svg, &totp::grouped(&secret), required, error),
    )))
}

async fn login_enrol_form(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let Some((_, user_id, _)) = current_challenge(&req, &state).await? else {
        return Ok(login_again());
    };
    let page = enrol_page(
        &ctx,
        &state,
        user_id,
        "/inloggen/tweestaps",
        true,
        None,
        StatusCode::OK,
    )
    .await?;
    Ok(page.unwrap_or_else(|| see_other("/inloggen/code")))
}

async fn login_enrol_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let Some((token, user_id, back)) = current_challenge(&req, &state).await? else {
        return Ok(login_again());
    };
    let bucket = crate::accounts::routes::address_bucket(&req, &state);
    let outcome = state
        .db(move |conn| {
            let now = crate::db::now();
            let outcome = totp::confirm(conn, user_id, &form.code, &bucket, now)?;
            if !matches!(outcome, CodeOutcome::Enrolled(_)) {
                return Ok((outcome, None));
            }
            totp::end_challenge(conn, &token)?;
            Ok((outcome, Some(sessions::create(conn, user_id, now)?)))
        })
        .await?;
    match outcome {
        (CodeOutcome::Enrolled(codes), Some(session)) => {
            let back = safe_return_path(&back).unwrap_or("/werkplek").to_string();
            let mut res = with_session(HttpResponse::Ok(), &state, session)
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .content_type("text/html; charset=utf-8")
                .body(login_views::recovery_codes_page(&ctx, &codes, &back).into_string());
            res.extensions_mut()
                .insert(crate::web::errors::RenderedPage);
            Ok(res)
        }
        (CodeOutcome::TooManyFromAddress, _) => Err(AppError::TooManyRequests),
        (other, _) => {
            let message = code_message(&ctx, &other);
            let page = enrol_page(
                &ctx,
                &state,
                user_id,
                "/inloggen/tweestaps",
                true,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await?;
            Ok(page.unwrap_or_else(|| see_other("/inloggen/code")))
        }
    }
}

#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

async fn own_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let id = ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id;
    let (status, left, sso) = state
        .db(move |conn| {
            Ok((
                totp::status(conn, id)?,
                totp::recovery_codes_left(conn, id)?,
                oidc::is_sso_account(conn, id)?,
            ))
        })
        .await?;
    let notice = crate::accounts::views::notice(&ctx, q.melding.as_deref());
    Ok(page_response(
        StatusCode::OK,
        login_views::own_totp_page(&ctx, &status, left, sso, notice),
    ))
}

async fn own_enrol_form(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let id = ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id;
    if state
        .db(move |conn| Ok(oidc::is_sso_account(conn, id)?))
        .await?
    {
        return Ok(see_other("/account/tweestaps"));
    }
    let page = enrol_page(
        &ctx,
        &state,
        id,
        "/account/tweestaps/instellen",
        false,
        None,
        StatusCode::OK,
    )
    .await?;
    Ok(page.unwrap_or_else(|| see_other("/account/tweestaps")))
}

async fn own_enrol_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let id = ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id;
    if state
        .db(move |conn| Ok(oidc::is_sso_account(conn, id)?))
        .await?
    {
        return Ok(see_other("/account/tweestaps"));
    }
    let bucket = crate::accounts::routes::address_bucket(&req, &state);
    let outcome = state
        .db(move |conn| {
            Ok(totp::confirm(
                conn,
                id,
                &form.code,
                &bucket,
                crate::db::now(),
            )?)
        })
        .await?;
    match outcome {
        CodeOutcome::Enrolled(codes) => {
            let mut res = HttpResponse::Ok()
                .insert_header((header::CACHE_CONTROL, "no-store"))
                .content_type("text/html; charset=utf-8")
                .body(
                    login_views::recovery_codes_page(&ctx, &codes, "/account/tweestaps")
                        .into_string(),
                );
            res.extensions_mut()
                .insert(crate::web::errors::RenderedPage);
            Ok(res)
        }
        CodeOutcome::TooManyFromAddress => Err(AppError::TooManyRequests),
        other => {
            let message = code_message(&ctx, &other);
            let page = enrol_page(
                &ctx,
                &state,
                id,
                "/account/tweestaps/instellen",
                false,
                Some(message),
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await?;
            Ok(page.unwrap_or_else(|| see_other("/account/tweestaps")))
        }
    }
}

async fn admin_reset(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let actor = Actor::User(ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id);
    let id = path.into_inner();
    state
        .db(move |conn| {
            crate::accounts::service::find(conn, id).map_err(|_| AppError::NotFound)?;
            totp::reset(conn, id, actor)?;
            Ok(())
        })
        .await?;
    Ok(see_other(&format!(
        "/beheer/gebruikers/{id}?melding=notice-totp-reset"
    )))
}
