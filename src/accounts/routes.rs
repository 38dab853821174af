//! HTTP handlers for login, logout, the workspace and the own password (account administration
//! and the audit log: `admin_routes`).

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::CurrentUser;
use crate::accounts::service::{self, AccountError, LoginOutcome};
use crate::accounts::{login_routes, login_service, password, sessions, views};
use crate::web::context::{cookie, Ctx};
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::routes::{safe_return_path, Access, RouteDef};
use crate::web::{see_other, AppState};

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/inloggen", Access::Public)
            .get(login_form)
            .post(login_submit),
        RouteDef::new("/uitloggen", Access::AnyStaff).post(logout),
        RouteDef::new("/uitloggen/overal", Access::AnyStaff).post(logout_everywhere),
        RouteDef::new("/werkplek", Access::AnyStaff).get(workspace),
        RouteDef::new("/account/wachtwoord", Access::AnyStaff)
            .get(own_password_form)
            .post(own_password_submit),
    ]
}

pub(crate) fn require_user(ctx: &Ctx) -> Result<&CurrentUser, AppError> {
    ctx.user.as_ref().ok_or(AppError::Unauthorized)
}

/// Query parameters on pages that show a notice after a redirect.
#[derive(Deserialize)]
pub(crate) struct NoticeQuery {
    pub(crate) melding: Option<String>,
    terug: Option<String>,
}

async fn login_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<NoticeQuery>,
) -> HttpResponse {
    if ctx.user.is_some() {
        return see_other("/werkplek");
    }
    let back = q
        .terug
        .as_deref()
        .and_then(safe_return_path)
        .unwrap_or("/werkplek");
    page_response(
        StatusCode::OK,
        views::login_page(
            &ctx,
            "",
            back,
            None,
            q.melding.as_deref(),
            login_routes::offer(&state),
        ),
    )
}

#[derive(Deserialize)]
struct LoginForm {
    #[serde(default)]
    gebruikersnaam: String,
    #[serde(default)]
    wachtwoord: String,
    #[serde(default)]
    terug: String,
}

/// The client address as a keyed hash: enough to count attempts, useless as personal data.
pub(crate) fn address_bucket(req: &HttpRequest, state: &AppState) -> String {
    let info = req.connection_info();
    let addr = if state.config.behind_proxy {
        info.realip_remote_addr().unwrap_or("unknown").to_string()
    } else {
        req.peer_addr()
            .map(|a| a.ip().to_string())
            .unwrap_or_default()
    };
    let digest = Sha256::digest(format!("{}|{addr}", state.address_key).as_bytes());
    crate::fmt::hex(&digest[..16])
}

async fn login_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<LoginForm>,
) -> Result<HttpResponse, AppError> {
    let bucket = address_bucket(&req, &state);
    let username = form.gebruikersnaam.clone();
    let pw = form.wachtwoord.clone();
    let back = safe_return_path(&form.terug)
        .unwrap_or("/werkplek")
        .to_string();
    // With single sign-on only, a password opens nothing but a break-glass account; others get
    // the same answer (and the same wait) as a wrong password, so the list cannot be guessed.
    let allowed = login_service::password_allowed(&state, &username);
    let app = state.clone();
    let step_back = back.clone();
    let outcome = state
        .db(move |conn| {
            let now = crate::db::now();
            if !allowed {
                password::verify_dummy(&pw);
                return Ok((LoginOutcome::Wrong, None));
            }
            let outcome = service::login(conn, &username, &pw, &bucket, now)
                .map_err(|e| AppError::Internal(e.into()))?;
            let step = match outcome {
                LoginOutcome::Success(id) => Some(login_service::after_password(
                    conn, &app, id, &username, &step_back, now,
                )?),
                _ => None,
            };
            Ok((outcome, step))
        })
        .await?;
    let lang = ctx.lang;
    let message = match outcome {
        (LoginOutcome::TooManyFromAddress, _) => return Err(AppError::TooManyRequests),
        (LoginOutcome::Success(_), Some(step)) => {
            return Ok(login_routes::password_step_response(&state, step, &back));
        }
        (LoginOutcome::Wait(until), _) => t_args(
            lang,
            "login-wait",
            &[("time", &crate::web::layout::local_time(until))],
        ),
        _ => t(lang, "login-wrong"),
    };
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        views::login_page(
            &ctx,
            &form.gebruikersnaam,
            &back,
            Some(message),
            None,
            match login_routes::offer(&state) {
                login_routes::LoginOffer::SsoOnly => login_routes::LoginOffer::BreakGlass,
                other => other,
            },
        ),
    ))
}

fn clear_session_cookie(secure: bool) -> actix_web::cookie::Cookie<'static> {
    let mut c = cookie(sessions::COOKIE, String::new(), secure, None);
    c.make_removal();
    c
}

async fn logout(
    req: HttpRequest,
    state: web::Data<AppState>,
    _form: CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let mut id_token = None;
    if let Some(c) = req.cookie(sessions::COOKIE) {
        let token = c.value().to_string();
        id_token = state
            .db(move |conn| {
                let id_token = crate::accounts::oidc::id_token_of_session(conn, &token)?;
                sessions::revoke(conn, &token)?;
                Ok(id_token)
            })
            .await?;
    }
    // Signed in through the provider: end the session there too, where the provider offers it
    // (RP-initiated logout). A provider that cannot be reached does not keep anyone logged in here.
    let mut location = "/inloggen?melding=notice-logged-out".to_string();
    if let (Some(settings), Some(id_token)) = (state.config.login.sso.clone(), id_token) {
        let after = format!(
            "{}{}",
            state.config.public_url,
            crate::accounts::oidc::AFTER_LOGOUT_PATH
        );
        let at_provider =
            web::block(move || crate::accounts::oidc::logout_url(&settings, &id_token, &after))
                .await
                .ok()
                .flatten();
        if let Some(url) = at_provider {
            location = url;
        }
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location))
        .cookie(clear_session_cookie(state.config.secure_cookies()))
        .finish())
}

async fn logout_everywhere(
    ctx: Ctx,
    state: web::Data<AppState>,
    _form: CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = require_user(&ctx)?.id;
    state
        .db(move |conn| {
            sessions::revoke_all(conn, id)?;
            audit::record(
                conn,
                Actor::User(id),
                "user.sessions_ended",
                "user",
                Some(&id.to_string()),
                None,
            )?;
            Ok(())
        })
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/inloggen?melding=notice-sessions-ended"))
        .cookie(clear_session_cookie(state.config.secure_cookies()))
        .finish())
}

async fn workspace(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let user = require_user(&ctx)?.clone();
    let work = state
        .db(move |conn| {
            Ok(crate::accounts::workload::of(
                conn,
                &user,
                crate::fmt::today(),
            )?)
        })
        .await?;
    Ok(page_response(
        StatusCode::OK,
        views::workspace_page(&ctx, &work),
    ))
}

async fn own_password_form(ctx: Ctx, q: web::Query<NoticeQuery>) -> HttpResponse {
    page_response(
        StatusCode::OK,
        views::own_password_page(&ctx, &[], q.melding.as_deref()),
    )
}

#[derive(Deserialize)]
struct OwnPasswordForm {
    #[serde(default)]
    huidig: String,
    #[serde(default)]
    nieuw: String,
    #[serde(default)]
    herhaal: String,
}

async fn own_password_submit(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<OwnPasswordForm>,
) -> Result<HttpResponse, AppError> {
    let id = require_user(&ctx)?.id;
    let lang = ctx.lang;
    if form.nieuw != form.herhaal {
        let errors = [("herhaal", t(lang, "password-mismatch"))];
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            views::own_password_page(&ctx, &errors, None),
        ));
    }
    let token = req.cookie(sessions::COOKIE).map(|c| c.value().to_string());
    let result = state
        .db(move |conn| {
            let user = service::find(conn, id).map_err(|e| AppError::Internal(e.into()))?;
            if !password::verify(&form.huidig, &user.password_hash) {
                return Ok(Err(("huidig", "password-current-wrong")));
            }
            match service::set_password(conn, id, &form.nieuw, Actor::User(id), token.as_deref()) {
                Ok(()) => Ok(Ok(())),
                Err(e @ AccountError::Password(_)) => Ok(Err(("nieuw", e.message_key()))),
                Err(e) => Err(AppError::Internal(e.into())),
            }
        })
        .await?;
    match result {
        Ok(()) => Ok(see_other(
            "/account/wachtwoord?melding=notice-password-changed",
        )),
        Err((field, key)) => {
            let errors = [(field, t(lang, key))];
            Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::own_password_page(&ctx, &errors, None),
            ))
        }
    }
}
