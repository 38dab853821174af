//! A staff member's e-mail address (where deadline reminders go), set on the web: by an
//! administrator on the account's page, or by the staff member for themselves. The address is
//! checked, the change is in the audit log without the address, and no log line carries it.
//! The command line (`klankbord user set-email`) uses the same [`set_email`].

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use maud::{html, Markup};
use serde::Deserialize;

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::db::schema::users;
use crate::db::{write_tx, DbConnection};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary, text_field};
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

/// Why an address was not stored.
#[derive(Debug, thiserror::Error)]
pub enum EmailError {
    /// Not an e-mail address.
    #[error("dit is geen e-mailadres")]
    Invalid,
    /// No such account.
    #[error("dit account bestaat niet")]
    NotFound,
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// The address as typed, checked: `None` clears it (an empty field), longer than 254 characters or
/// not an address is refused.
pub fn parse(typed: &str) -> Result<Option<String>, EmailError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if typed.chars().count() > 254 || !crate::mail::valid_address(typed) {
        return Err(EmailError::Invalid);
    }
    Ok(Some(typed.to_string()))
}

/// The account's address, if any.
pub fn email_of(conn: &mut DbConnection, id: i64) -> Result<Option<String>, EmailError> {
    users::table
        .find(id)
        .select(users::email)
        .get_result::<Option<String>>(conn)
        .optional()?
        .ok_or(EmailError::NotFound)
}

/// Stores (or clears) the address of an account; audited as `user.email_set` or
/// `user.email_cleared`, without the address.
pub fn set_email(
    conn: &mut DbConnection,
    id: i64,
    typed: &str,
    actor: Actor,
) -> Result<Option<String>, EmailError> {
    let email = parse(typed)?;
    write_tx(conn, |c| {
        let n = diesel::update(users::table.find(id))
            .set(users::email.eq(email.as_deref()))
            .execute(c)?;
        if n == 0 {
            return Err(EmailError::NotFound);
        }
        let action = if email.is_some() {
            "user.email_set"
        } else {
            "user.email_cleared"
        };
        audit::record(c, actor, action, "user", Some(&id.to_string()), None)?;
        Ok(())
    })?;
    Ok(email)
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

/// The form: the current address, the field and what the address is for.
fn form_page(
    ctx: &Ctx,
    title: &str,
    action: &str,
    value: &str,
    error: Option<&str>,
    saved: bool,
    back: Markup,
) -> Markup {
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error.iter().map(|e| ("email", e.to_string())).collect();
    layout::page(
        ctx,
        title,
        html! {
            @if saved { p.notice role="status" { (t(lang, "notice-saved")) } }
            (error_summary(ctx, &errors))
            p { (t(lang, "email-setting-intro")) }
            form method="post" action=(action) novalidate {
                (csrf_field(ctx))
                (text_field("email", &t(lang, "email-setting-label"), "email", value, Some(&t(lang, "email-setting-hint")), error, "email"))
                button type="submit" { (t(lang, "email-setting-submit")) }
            }
            (back)
        },
    )
}

fn db_error(e: EmailError) -> AppError {
    match e {
        EmailError::NotFound => AppError::NotFound,
        EmailError::Db(e) => e.into(),
        EmailError::Invalid => AppError::BadRequest("email-setting-invalid"),
    }
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
    let saved = q.melding.as_deref() == Some("notice-saved");
    Ok(page_response(
        StatusCode::OK,
        form_page(
            &ctx,
            &t(ctx.lang, "email-setting-title"),
            "/account/email",
            email.as_deref().unwrap_or(""),
            None,
            saved,
            html! { p { a href="/werkplek" { (t(ctx.lang, "workspace-title")) } } },
        ),
    ))
}

async fn own_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<EmailForm>,
) -> Result<HttpResponse, AppError> {
    let id = ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id;
    let typed = form.email.clone();
    let result = state
        .db(
            move |conn| match set_email(conn, id, &typed, Actor::User(id)) {
                Err(EmailError::Invalid) => Ok(Err(())),
                Err(e) => Err(db_error(e)),
                Ok(_) => Ok(Ok(())),
            },
        )
        .await?;
    match result {
        Ok(()) => Ok(see_other("/account/email?melding=notice-saved")),
        Err(()) => Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            form_page(
                &ctx,
                &t(ctx.lang, "email-setting-title"),
                "/account/email",
                &form.email,
                Some(&t(ctx.lang, "email-setting-invalid")),
                false,
                html! { p { a href="/werkplek" { (t(ctx.lang, "workspace-title")) } } },
            ),
        )),
    }
}

/// Title and way back of the administrator's form for account `id`.
async fn admin_frame(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
) -> Result<(String, Option<String>, Markup), AppError> {
    let (username, email) = state
        .db(move |conn| {
            let user = crate::accounts::service::find(conn, id).map_err(|_| AppError::NotFound)?;
            let email = email_of(conn, id).map_err(db_error)?;
            Ok((user.username, email))
        })
        .await?;
    let title = t_args(
        ctx.lang,
        "email-setting-admin-title",
        &[("username", &username)],
    );
    let back =
        html! { p { a href={ "/beheer/gebruikers/" (id) } { (t(ctx.lang, "users-back")) } } };
    Ok((title, email, back))
}

async fn admin_form(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (title, email, back) = admin_frame(&ctx, &state, id).await?;
    let saved = q.melding.as_deref() == Some("notice-saved");
    Ok(page_response(
        StatusCode::OK,
        form_page(
            &ctx,
            &title,
            &format!("/beheer/gebruikers/{id}/email"),
            email.as_deref().unwrap_or(""),
            None,
            saved,
            back,
        ),
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
    let typed = form.email.clone();
    let result = state
        .db(move |conn| match set_email(conn, id, &typed, actor) {
            Err(EmailError::Invalid) => Ok(Err(())),
            Err(e) => Err(db_error(e)),
            Ok(_) => Ok(Ok(())),
        })
        .await?;
    if result.is_ok() {
        return Ok(see_other(&format!(
            "/beheer/gebruikers/{id}/email?melding=notice-saved"
        )));
    }
    let (title, _, back) = admin_frame(&ctx, &state, id).await?;
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        form_page(
            &ctx,
            &title,
            &format!("/beheer/gebruikers/{id}/email"),
            &form.email,
            Some(&t(ctx.lang, "email-setting-invalid")),
            false,
            back,
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_checked_and_empty_clears() {
        assert_eq!(
            parse("  a.jansen@gemeente.nl ").unwrap().as_deref(),
            Some("a.jansen@gemeente.nl")
        );
        assert_eq!(parse("   ").unwrap(), None);
        assert!(matches!(parse("a.jansen"), Err(EmailError::Invalid)));
        assert!(matches!(parse("a @b.nl"), Err(EmailError::Invalid)));
        let long = format!("{}@gemeente.nl", "a".repeat(250));
        assert!(matches!(parse(&long), Err(EmailError::Invalid)));
    }
}
