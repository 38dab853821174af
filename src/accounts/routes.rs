//! HTTP handlers for login, logout, the workspace, own password, account administration and the audit log.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use sha2::{Digest, Sha256};

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::{CurrentUser, Role};
use crate::accounts::service::{self, AccountError, LoginOutcome, NewAccount};
use crate::accounts::{login_routes, password, sessions, views};
use crate::web::context::{cookie, Ctx};
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::paging::Page;
use crate::web::routes::{safe_return_path, Access, RouteDef};
use crate::web::{see_other, AppState};

const ADMIN: Access = Access::Roles(&[Role::Beheerder]);

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
        RouteDef::new("/beheer/gebruikers", ADMIN)
            .get(users_list)
            .post(user_create),
        RouteDef::new("/beheer/gebruikers/{id}", ADMIN).get(user_detail),
        RouteDef::new("/beheer/gebruikers/{id}/rollen", ADMIN).post(user_roles),
        RouteDef::new("/beheer/gebruikers/{id}/status", ADMIN).post(user_status),
        RouteDef::new("/beheer/gebruikers/{id}/wachtwoord", ADMIN).post(user_password),
        RouteDef::new("/beheer/gebruikers/{id}/sessies", ADMIN).post(user_sessions),
        RouteDef::new("/beheer/audit", ADMIN).get(audit_list),
        RouteDef::new("/beheer/audit.csv", ADMIN).get(audit_csv),
    ]
}

fn require_user(ctx: &Ctx) -> Result<&CurrentUser, AppError> {
    ctx.user.as_ref().ok_or(AppError::Unauthorized)
}

/// Query parameters on pages that show a notice after a redirect.
#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
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
    digest.iter().take(16).map(|b| format!("{b:02x}")).collect()
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
    let allowed = login_routes::password_allowed(&state, &username);
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
                LoginOutcome::Success(id) => Some(login_routes::after_password(
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

/// Accounts with their roles, as listed.
type UsersWithRoles = Vec<(crate::accounts::model::User, Vec<Role>)>;

/// One page of the accounts (50 a page; an organisation may have many).
fn users_on_page(
    conn: &mut crate::db::DbConnection,
    asked: Option<i64>,
) -> Result<(UsersWithRoles, Page), AppError> {
    let size = crate::web::paging::PAGE_ROWS;
    let shown = Page::new(asked, size, service::count_users(conn)?);
    let users = service::list_users_page(conn, size, shown.offset())?;
    Ok((users, shown))
}

async fn users_list(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<NoticeQuery>,
    p: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let asked = p.pagina;
    let (users, shown) = state.db(move |conn| users_on_page(conn, asked)).await?;
    Ok(page_response(
        StatusCode::OK,
        views::users_page(
            &ctx,
            &users,
            &shown,
            &views::NewUserValues::default(),
            &[],
            q.melding.as_deref(),
        ),
    ))
}

/// The page of a list asked for (`?pagina=2`).
#[derive(Deserialize)]
struct PageQuery {
    pagina: Option<i64>,
}

#[derive(Deserialize)]
struct NewUserForm {
    #[serde(default)]
    gebruikersnaam: String,
    #[serde(default)]
    naam: String,
    #[serde(default)]
    wachtwoord: String,
    #[serde(default)]
    rol: Vec<String>,
}

fn parse_roles(codes: &[String]) -> Vec<Role> {
    let mut roles: Vec<Role> = codes.iter().filter_map(|c| c.parse().ok()).collect();
    roles.sort();
    roles.dedup();
    roles
}

/// Splits an account result: refusals the user can fix go back to the form, faults become error pages.
fn refusal_or_fault<T>(
    result: Result<T, AccountError>,
) -> Result<Result<T, AccountError>, AppError> {
    match result {
        Ok(v) => Ok(Ok(v)),
        Err(AccountError::Db(e)) => Err(e.into()),
        Err(AccountError::Other(e)) => Err(AppError::Internal(e)),
        Err(e) => Ok(Err(e)),
    }
}

/// The form field an account error belongs to.
fn error_field(e: &AccountError) -> &'static str {
    match e {
        AccountError::InvalidUsername | AccountError::UsernameTaken => "gebruikersnaam",
        AccountError::InvalidDisplayName => "naam",
        AccountError::Password(_) => "wachtwoord",
        _ => "rol",
    }
}

async fn user_create(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<NewUserForm>,
) -> Result<HttpResponse, AppError> {
    let actor = Actor::User(require_user(&ctx)?.id);
    let roles = parse_roles(&form.rol);
    let new = NewAccount {
        username: form.gebruikersnaam.clone(),
        display_name: form.naam.clone(),
        password: form.wachtwoord.clone(),
        roles: roles.clone(),
    };
    let result = state
        .db(move |conn| refusal_or_fault(service::create_user(conn, new, actor).map(|u| u.id)))
        .await?;
    match result {
        Ok(id) => Ok(see_other(&format!(
            "/beheer/gebruikers/{id}?melding=notice-user-created"
        ))),
        Err(e) => {
            let (users, shown) = state.db(|conn| users_on_page(conn, None)).await?;
            let errors = [(error_field(&e), t(ctx.lang, e.message_key()))];
            let values = views::NewUserValues {
                username: form.gebruikersnaam,
                display_name: form.naam,
                roles,
            };
            Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::users_page(&ctx, &users, &shown, &values, &errors, None),
            ))
        }
    }
}

async fn show_user(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    errors: &[(&str, String)],
    notice: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (user, roles, two_factor) = state
        .db(move |conn| {
            let user = service::find(conn, id).map_err(|e| match e {
                AccountError::NotFound => AppError::NotFound,
                other => AppError::Internal(other.into()),
            })?;
            let roles = sessions::roles_of(conn, id)?;
            let two_factor = (
                crate::accounts::totp::status(conn, id)?,
                crate::accounts::oidc::is_sso_account(conn, id)?,
            );
            Ok((user, roles, two_factor))
        })
        .await?;
    let two_factor =
        crate::accounts::login_views::admin_section(ctx, id, &two_factor.0, two_factor.1);
    Ok(page_response(
        status,
        views::user_page(ctx, &user, &roles, errors, notice, two_factor),
    ))
}

async fn user_detail(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    show_user(
        &ctx,
        &state,
        path.into_inner(),
        &[],
        q.melding.as_deref(),
        StatusCode::OK,
    )
    .await
}

/// Runs an account change and answers with a redirect, or the user page with the error.
async fn change_user<F>(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: i64,
    change: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(&mut crate::db::DbConnection, Actor) -> Result<(), AccountError> + Send + 'static,
{
    let actor = Actor::User(require_user(&ctx)?.id);
    let result = state
        .db(move |conn| match change(conn, actor) {
            Err(AccountError::NotFound) => Err(AppError::NotFound),
            other => refusal_or_fault(other),
        })
        .await?;
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/beheer/gebruikers/{id}?melding=notice-saved"
        ))),
        Err(e) => {
            let errors = [(error_field(&e), t(ctx.lang, e.message_key()))];
            show_user(
                &ctx,
                &state,
                id,
                &errors,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
    }
}

#[derive(Deserialize)]
struct RolesForm {
    #[serde(default)]
    rol: Vec<String>,
}

async fn user_roles(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<RolesForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let roles = parse_roles(&form.rol);
    change_user(ctx, state, id, move |conn, actor| {
        service::set_roles(conn, id, &roles, actor)
    })
    .await
}

#[derive(Deserialize)]
struct StatusForm {
    #[serde(default)]
    actie: String,
}

async fn user_status(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<StatusForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let disable = match form.actie.as_str() {
        "uitschakelen" => true,
        "inschakelen" => false,
        _ => return Err(AppError::BadRequest("form-error-fields")),
    };
    change_user(ctx, state, id, move |conn, actor| {
        service::set_disabled(conn, id, disable, actor)
    })
    .await
}

#[derive(Deserialize)]
struct PasswordForm {
    #[serde(default)]
    wachtwoord: String,
}

async fn user_password(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<PasswordForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    change_user(ctx, state, id, move |conn, actor| {
        service::set_password(conn, id, &form.wachtwoord, actor, None)
    })
    .await
}

async fn user_sessions(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    _form: CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    change_user(ctx, state, id, move |conn, actor| {
        service::find(conn, id)?;
        sessions::revoke_all(conn, id)?;
        audit::record(
            conn,
            actor,
            "user.sessions_ended",
            "user",
            Some(&id.to_string()),
            None,
        )?;
        Ok(())
    })
    .await
}

const AUDIT_PAGE_SIZE: i64 = 100;

/// Checks the log filter; a login name is looked up.
async fn audit_filter(
    state: &AppState,
    form: &audit::FilterForm,
) -> Result<Result<audit::Filter, Vec<audit::FilterProblem>>, AppError> {
    let form = form.clone();
    state
        .db(move |conn| {
            let name = form.gebruiker.trim().to_string();
            let id = if name.is_empty() {
                None
            } else {
                audit::user_id(conn, &name)?
            };
            Ok(form.check(|_| id))
        })
        .await
}

async fn audit_list(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<audit::FilterForm>,
) -> Result<HttpResponse, AppError> {
    let form = q.into_inner();
    let page = form.pagina.unwrap_or(1).max(1);
    let filter = match audit_filter(&state, &form).await? {
        Ok(f) => f,
        Err(problems) => {
            let errors: Vec<(&str, String)> = problems
                .iter()
                .map(|(field, key)| (*field, t(ctx.lang, key)))
                .collect();
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::audit_page(&ctx, &form, &errors, &[], 0, 1, 1),
            ));
        }
    };
    let (entries, total) = state
        .db(move |conn| {
            let total = audit::count(conn, &filter)?;
            let entries =
                audit::list(conn, &filter, AUDIT_PAGE_SIZE, (page - 1) * AUDIT_PAGE_SIZE)?;
            Ok((entries, total))
        })
        .await?;
    let pages = ((total + AUDIT_PAGE_SIZE - 1) / AUDIT_PAGE_SIZE).max(1);
    Ok(page_response(
        StatusCode::OK,
        views::audit_page(&ctx, &form, &[], &entries, total, page, pages),
    ))
}

async fn audit_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<audit::FilterForm>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let actor = Actor::User(require_user(&ctx)?.id);
    let flavour = choice.flavour();
    let form = q.into_inner();
    let Ok(filter) = audit_filter(&state, &form).await? else {
        return Err(AppError::BadRequest("audit-filter-error-export"));
    };
    let described = filter.describe();
    state
        .db(move |conn| {
            Ok(audit::record(
                conn,
                actor,
                "audit.exported",
                "audit_log",
                None,
                described.as_deref(),
            )?)
        })
        .await?;
    let name = format!("auditlog-{}.csv", crate::fmt::today().format("%Y%m%d"));
    // Written while it is sent, a page of the log at a time: the log only grows.
    let pool = state.pool.clone();
    Ok(crate::web::stream::download(
        "text/csv; charset=utf-8",
        &name,
        move |out| {
            let mut conn = pool.get()?;
            audit::write_csv(&mut conn, &filter, out, flavour)
        },
    ))
}
