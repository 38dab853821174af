//! A staff member's e-mail address (where deadline reminders go), set on the web: by an
//! administrator on the account's page, or by the staff member for themselves. The address is
//! checked, the change is in the audit log without the address, and no log line carries it.
//! The command line (`klankbord user set-email`) uses the same
//! [`set_email`](crate::accounts::email_service::set_email).
//!
//! Handlers only: the check and the change are in `email_service.rs`, the read in
//! `email_queries.rs`, the form in `email_views.rs`.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::audit::Actor;
use crate::accounts::email_queries::email_of;
use crate::accounts::email_service::{set_email, EmailError};
use crate::accounts::email_views::{form_page, Whose};
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ADMIN: Access = Access::Roles(&[Role::Beheerder]);

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/account/email", Access::AnyStaff)
            .get(own_form)
            .post(own_submit),
        RouteDef::new("/beheer/gebruikers/{id}/email", ADMIN)
            .get(admin_form)
            .post(admin_submit),
    ]
}

#[derive(Deserialize)]
struct EmailForm {
    #[serde(default)]
    email: String,
}

#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

impl NoticeQuery {
    /// Whether the page comes right after a saved address.
    fn saved(&self) -> bool {
        self.melding.as_deref() == Some("notice-saved")
    }
}

fn db_error(e: EmailError) -> AppError {
    match e {
        EmailError::NotFound => AppError::NotFound,
        EmailError::Db(e) => e.into(),
        EmailError::Invalid => AppError::BadRequest("email-setting-invalid"),
    }
}

/// Stores the typed address of account `id`: `Ok(false)` when it is not an address.
async fn store(state: &AppState, id: i64, typed: String, actor: Actor) -> Result<bool, AppError> {
    state
        .db(move |conn| match set_email(conn, id, &typed, actor) {
            Err(EmailError::Invalid) => Ok(false),
            Err(e) => Err(db_error(e)),
            Ok(_) => Ok(true),
        })
        .await
}

async fn own_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let id = ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id;
    let email = state
        .db(move |conn| email_of(conn, id).map_err(db_error))
        .await?;
    let value = email.as_deref().unwrap_or("");
    Ok(page_response(
        StatusCode::OK,
        form_page(&ctx, &Whose::Own, value, false, q.saved()),
    ))
}

async fn own_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    let id = ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id;
    if store(&state, id, form.email.clone(), Actor::User(id)).await? {
        return Ok(see_other("/account/email?melding=notice-saved"));
    }
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        form_page(&ctx, &Whose::Own, &form.email, true, false),
    ))
}

/// The login name and address of account `id`, for the administrator's form.
async fn account(state: &AppState, id: i64) -> Result<(String, Option<String>), AppError> {
    state
        .db(move |conn| {
            let user = crate::accounts::service::find(conn, id).map_err(|_| AppError::NotFound)?;
            let email = email_of(conn, id).map_err(db_error)?;
            Ok((user.username, email))
        })
        .await
}

async fn admin_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (username, email) = account(&state, id).await?;
    let whose = Whose::Account {
        id,
        username: &username,
    };
    let value = email.as_deref().unwrap_or("");
    Ok(page_response(
        StatusCode::OK,
        form_page(&ctx, &whose, value, false, q.saved()),
    ))
}

async fn admin_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let actor = Actor::User(ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id);
    if store(&state, id, form.email.clone(), actor).await? {
        return Ok(see_other(&format!(
            "/beheer/gebruikers/{id}/email?melding=notice-saved"
        )));
    }
    let (username, _) = account(&state, id).await?;
    let whose = Whose::Account {
        id,
        username: &username,
    };
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        form_page(&ctx, &whose, &form.email, true, false),
    ))
}
