//! HTTP handlers for two-factor codes: the code after the password, setting codes up (during
//! login when the role requires it, or from the own account), and the administrator's reset.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse, HttpResponseBuilder};
use serde::Deserialize;

use crate::accounts::audit::Actor;
use crate::accounts::login_routes::with_session;
use crate::accounts::login_service;
use crate::accounts::model::Role;
use crate::accounts::routes::{address_bucket, require_user};
use crate::accounts::totp::CodeOutcome;
use crate::accounts::{login_views, oidc, totp};
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::routes::{safe_return_path, Access, RouteDef};
use crate::web::{see_other, AppState};

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/inloggen/code", Access::Public)
            .get(code_form)
            .post(code_submit),
        RouteDef::new(LOGIN_ENROL.action, Access::Public)
            .get(login_enrol_form)
            .post(login_enrol_submit),
        RouteDef::new(OWN_ENROL.done, Access::AnyStaff).get(own_page),
        RouteDef::new(OWN_ENROL.action, Access::AnyStaff)
            .get(own_enrol_form)
            .post(own_enrol_submit),
        RouteDef::new(
            "/beheer/gebruikers/{id}/tweestaps",
            Access::Roles(&[Role::Beheerder]),
        )
        .post(admin_reset),
    ]
}

/// Where codes are set up: the form's address, whether it is required, and where to go when
/// there is nothing (more) to set up.
struct EnrolAt {
    action: &'static str,
    required: bool,
    done: &'static str,
}

/// During login, when the role requires codes.
const LOGIN_ENROL: EnrolAt = EnrolAt {
    action: "/inloggen/tweestaps",
    required: true,
    done: "/inloggen/code",
};

/// From the own account.
const OWN_ENROL: EnrolAt = EnrolAt {
    action: "/account/tweestaps/instellen",
    required: false,
    done: "/account/tweestaps",
};

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

/// Whether the account signs in through the organisation (its codes are the provider's).
async fn is_sso(state: &AppState, id: i64) -> Result<bool, AppError> {
    state
        .db(move |conn| Ok(oidc::is_sso_account(conn, id)?))
        .await
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
    let bucket = address_bucket(&req, &state);
    let outcome = state
        .db(move |conn| login_service::second_factor(conn, user_id, &form.code, &bucket, &token))
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

/// The enrolment page for `user_id` (a pending secret is made if there is none), or on to
/// `at.done` when there is nothing to set up.
async fn enrol_page(
    ctx: &Ctx,
    state: &AppState,
    user_id: i64,
    at: &EnrolAt,
    error: Option<String>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let found = state
        .db(move |conn| {
            let secret = totp::pending_secret(conn, user_id, crate::db::now())?;
            let user = crate::accounts::service::find(conn, user_id)
                .map_err(|e| AppError::Internal(e.into()))?;
            Ok(secret.map(|s| (s, user.username)))
        })
        .await?;
    let Some((secret, username)) = found else {
        return Ok(see_other(at.done));
    };
    let issuer = format!("Klankbord {}", state.municipality);
    let url = totp::otpauth_url(&secret, &username, &issuer)?;
    let svg = crate::surveys::invite::qr_svg(&url)?;
    Ok(page_response(
        status,
        login_views::enrol_page(
            ctx,
            at.action,
            &svg,
            &totp::grouped(&secret),
            at.required,
            error,
        ),
    ))
}

/// The recovery codes, shown once: the page is never kept by the browser.
fn recovery_codes(
    mut builder: HttpResponseBuilder,
    ctx: &Ctx,
    codes: &[String],
    next: &str,
) -> HttpResponse {
    let mut res = builder
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .content_type("text/html; charset=utf-8")
        .body(login_views::recovery_codes_page(ctx, codes, next).into_string());
    res.extensions_mut()
        .insert(crate::web::errors::RenderedPage);
    res
}

async fn login_enrol_form(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let Some((_, user_id, _)) = current_challenge(&req, &state).await? else {
        return Ok(login_again());
    };
    enrol_page(&ctx, &state, user_id, &LOGIN_ENROL, None, StatusCode::OK).await
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
    let bucket = address_bucket(&req, &state);
    let outcome = state
        .db(move |conn| login_service::enrol_at_login(conn, user_id, &form.code, &bucket, &token))
        .await?;
    match outcome {
        (CodeOutcome::Enrolled(codes), Some(session)) => {
            let back = safe_return_path(&back).unwrap_or("/werkplek").to_string();
            let builder = with_session(HttpResponse::Ok(), &state, session);
            Ok(recovery_codes(builder, &ctx, &codes, &back))
        }
        (CodeOutcome::TooManyFromAddress, _) => Err(AppError::TooManyRequests),
        (other, _) => {
            let message = code_message(&ctx, &other);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            enrol_page(&ctx, &state, user_id, &LOGIN_ENROL, Some(message), status).await
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
    let id = require_user(&ctx)?.id;
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
    let id = require_user(&ctx)?.id;
    if is_sso(&state, id).await? {
        return Ok(see_other(OWN_ENROL.done));
    }
    enrol_page(&ctx, &state, id, &OWN_ENROL, None, StatusCode::OK).await
}

async fn own_enrol_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<CodeForm>,
) -> Result<HttpResponse, AppError> {
    let id = require_user(&ctx)?.id;
    if is_sso(&state, id).await? {
        return Ok(see_other(OWN_ENROL.done));
    }
    let bucket = address_bucket(&req, &state);
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
        CodeOutcome::Enrolled(codes) => Ok(recovery_codes(
            HttpResponse::Ok(),
            &ctx,
            &codes,
            OWN_ENROL.done,
        )),
        CodeOutcome::TooManyFromAddress => Err(AppError::TooManyRequests),
        other => {
            let message = code_message(&ctx, &other);
            let status = StatusCode::UNPROCESSABLE_ENTITY;
            enrol_page(&ctx, &state, id, &OWN_ENROL, Some(message), status).await
        }
    }
}

async fn admin_reset(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let actor = Actor::User(require_user(&ctx)?.id);
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
