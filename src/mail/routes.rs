//! The administrator's view of outgoing mail: what waits, what was sent, what failed, and a test message.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use chrono::NaiveDateTime;
use diesel::prelude::*;
use maud::html;
use serde::Deserialize;

use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::db::schema::mail_outbox;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::layout::{self, csrf_field, error_summary, local_time, text_field};
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

/// Routes of this module.
pub fn routes() -> Vec<RouteDef> {
    const ADMIN: Access = Access::Roles(&[Role::Beheerder]);
    vec![
        RouteDef::new("/beheer/mail", ADMIN).get(overview),
        RouteDef::new("/beheer/mail/test", ADMIN).post(send_test),
    ]
}

type Problem = (i64, String, NaiveDateTime, i32, Option<String>);

async fn render(
    ctx: &Ctx,
    state: &AppState,
    errors: &[(&str, String)],
    notice: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let (counts, problems) = state
        .db(|conn| {
            let counts = crate::mail::status_counts(conn)?;
            let problems: Vec<Problem> = mail_outbox::table
                .filter(
                    mail_outbox::status.eq("failed").or(mail_outbox::attempts
                        .gt(0)
                        .and(mail_outbox::status.ne("sent"))),
                )
                .order(mail_outbox::id.desc())
                .limit(50)
                .select((
                    mail_outbox::id,
                    mail_outbox::kind,
                    mail_outbox::created_at,
                    mail_outbox::attempts,
                    mail_outbox::last_error,
                ))
                .load(conn)?;
            Ok((counts, problems))
        })
        .await?;
    let lang = ctx.lang;
    let status_label = |s: &str| match s {
        "pending" => t(lang, "mail-status-pending"),
        "sending" => t(lang, "mail-status-sending"),
        "sent" => t(lang, "mail-status-sent"),
        _ => t(lang, "mail-status-failed"),
    };
    let body = html! {
        (crate::accounts::views::notice(ctx, notice))
        p { (t(lang, "mail-intro")) }
        table {
            caption { (t(lang, "mail-counts-caption")) }
            thead { tr { th scope="col" { (t(lang, "users-col-status")) } th scope="col" { (t(lang, "mail-col-count")) } } }
            tbody {
                @for (s, n) in &counts { tr { td { (status_label(s)) } td { (n) } } }
            }
        }
        @if !problems.is_empty() {
            table {
                caption { (t(lang, "mail-problems-caption")) }
                thead { tr {
                    th scope="col" { "#" }
                    th scope="col" { (t(lang, "mail-col-kind")) }
                    th scope="col" { (t(lang, "mail-col-created")) }
                    th scope="col" { (t(lang, "mail-col-attempts")) }
                    th scope="col" { (t(lang, "mail-col-error")) }
                } }
                tbody {
                    @for (id, kind, created, attempts, error) in &problems {
                        tr { td { (id) } td { (kind) } td { (local_time(*created)) } td { (attempts) } td { @if let Some(e) = error { (e) } @else { (layout::dash()) } } }
                    }
                }
            }
        }
        h2 { (t(lang, "mail-test-title")) }
        (error_summary(ctx, errors))
        form method="post" action="/beheer/mail/test" novalidate {
            (csrf_field(ctx))
            (text_field("aan", &t(lang, "mail-test-to"), "email", "", None, errors.first().map(|(_, m)| m.as_str()), "email"))
            button type="submit" { (t(lang, "mail-test-submit")) }
        }
    };
    Ok(page_response(
        status,
        layout::page(ctx, &t(lang, "mail-title"), body),
    ))
}

#[derive(Deserialize)]
struct NoticeQuery {
    melding: Option<String>,
}

async fn overview(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<NoticeQuery>,
) -> Result<HttpResponse, AppError> {
    render(&ctx, &state, &[], q.melding.as_deref(), StatusCode::OK).await
}

#[derive(Deserialize)]
struct TestForm {
    #[serde(default)]
    aan: String,
}

async fn send_test(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(form): CsrfForm<TestForm>,
) -> Result<HttpResponse, AppError> {
    let actor = Actor::User(ctx.user.as_ref().ok_or(AppError::Unauthorized)?.id);
    let to = form.aan.trim().to_string();
    if !crate::mail::valid_address(&to) {
        let errors = [("aan", t(ctx.lang, "mail-test-invalid"))];
        return render(
            &ctx,
            &state,
            &errors,
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
        )
        .await;
    }
    let domain = state.config.public_host().to_string();
    let mail = crate::mail::OutgoingMail {
        kind: "test".into(),
        about: None,
        subject: format!("Testbericht van Klankbord ({})", state.config.municipality),
        body: "Dit is een testbericht. Als u dit leest, werkt het versturen van e-mail.\n".into(),
        to,
    };
    state
        .db(move |conn| {
            crate::db::write_tx(conn, |c| {
                audit::record(c, actor, "mail.test_queued", "mail_outbox", None, None)?;
                crate::mail::enqueue(c, &mail, &domain, crate::db::now())
                    .map_err(|e| AppError::Internal(e.into()))
            })
        })
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/beheer/mail?melding=notice-mail-queued"))
        .finish())
}
