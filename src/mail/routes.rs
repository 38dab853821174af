//! The administrator's view of outgoing mail: what waits, what was sent, what failed, and a test
//! message. Handlers only: the read model is in `queries.rs`, the test message in `service.rs`,
//! the page in `views.rs`.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::mail::{queries, service, views};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
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
            let problems = queries::problems(conn)?;
            Ok((counts, problems))
        })
        .await?;
    Ok(page_response(
        status,
        views::overview_page(ctx, &counts, &problems, errors, notice),
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
    let municipality = state.config.municipality.clone();
    state
        .db(move |conn| {
            service::queue_test(conn, actor, to, &municipality, &domain)
                .map_err(|e| AppError::Internal(e.into()))
        })
        .await?;
    Ok(HttpResponse::SeeOther()
        .insert_header((header::LOCATION, "/beheer/mail?melding=notice-mail-queued"))
        .finish())
}
