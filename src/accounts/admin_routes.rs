//! HTTP handlers for account administration (list, create, roles, status, password, sessions)
//! and the audit log.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::accounts::routes::{require_user, NoticeQuery};
use crate::accounts::service::{self, AccountError, NewAccount};
use crate::accounts::{sessions, views};
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::paging::Page;
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ADMIN: Access = Access::Roles(&[Role::Beheerder]);

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
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
