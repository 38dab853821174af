//! The letters pages (the coordinator's only): the letters waiting for the post, grouped by kind;
//! printing a chosen set as one PDF (a batch) and marking the batch as sent; one letter as PDF; and
//! the letterhead settings with the logo. Every print and every batch is in the audit log. The
//! handlers read through [`super::queries`], change through [`super::post_service`] and render
//! with [`super::views`].

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::post_service;
use super::queries::{self, CaseLetter};
use super::service::{self, LetterFacts};
use crate::accounts::model::{CurrentUser, Role};
use crate::complaints::store;
use crate::db::DbConnection;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const COORDINATOR: Access = Access::Roles(&[Role::Klachtcoordinator]);

/// Largest logo, in bytes.
pub const MAX_LOGO_BYTES: usize = 512 * 1024;

/// Routes of the letters pages (the coordinator's only).
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/klachten/brieven", COORDINATOR).get(letters_page),
        RouteDef::new("/klachten/brieven/instellingen", COORDINATOR)
            .get(super::settings_routes::settings_page)
            .post(super::settings_routes::settings_submit),
        RouteDef::new("/klachten/brieven/logo", COORDINATOR)
            .post(super::settings_routes::logo_submit),
        RouteDef::new("/klachten/brieven/stapel", COORDINATOR).post(batch_create),
        RouteDef::new("/klachten/brieven/stapel/{id}/pdf", COORDINATOR).get(batch_pdf),
        RouteDef::new("/klachten/brieven/stapel/{id}/verstuurd", COORDINATOR).post(batch_sent),
        RouteDef::new("/klachten/brieven/{id}/pdf", COORDINATOR).get(letter_pdf),
        RouteDef::new("/klachten/brieven/{id}/verstuurd", COORDINATOR).post(letter_sent),
    ]
}

#[derive(serde::Deserialize, Default)]
struct PageQuery {
    melding: Option<String>,
}

pub(super) fn user(ctx: &Ctx) -> Result<CurrentUser, AppError> {
    ctx.user.clone().ok_or(AppError::Unauthorized)
}

async fn letters_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let notice = q
        .melding
        .as_deref()
        .filter(|m| {
            [
                "letters-notice-batch",
                "letters-notice-sent",
                "letters-notice-settings",
                "letters-notice-logo",
            ]
            .contains(m)
        })
        .map(str::to_string);
    list(&ctx, &state, notice.as_deref(), None, StatusCode::OK).await
}

/// The letters page, with a notice or with what to fix.
async fn list(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    notice: Option<&str>,
    error: Option<&str>,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    let u = user(ctx)?;
    let (letters, batches) = state
        .db(move |conn| {
            let letters = queries::waiting(conn)?;
            let batches = queries::open_batches(conn)?;
            // The list shows names: one line per case whose letters were shown.
            let shown: Vec<CaseLetter> = letters
                .iter()
                .map(|l| CaseLetter {
                    id: l.id,
                    complaint: l.complaint,
                })
                .collect();
            post_service::record_shown(conn, &u, &shown)?;
            Ok((letters, batches))
        })
        .await?;
    Ok(page_response(
        status,
        super::views::letters_page(ctx, &letters, &batches, notice, error),
    ))
}

/// A PDF shown in the browser's reader (to print from), never cached: it holds names and addresses.
pub(crate) fn pdf_response(name: &str, pdf: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("inline; filename=\"{name}\""),
        ))
        .insert_header(("X-Content-Type-Options", "nosniff"))
        .insert_header(("Cache-Control", "no-store"))
        .body(pdf)
}

/// The stored facts and logos of letters, in order.
fn facts_of(
    c: &mut DbConnection,
    env: &store::Env<'_>,
    ids: &[i64],
) -> Result<Vec<(LetterFacts, Option<super::pdf::Logo>)>, AppError> {
    let mut out = vec![];
    for id in ids {
        let facts = service::stored_facts(c, env, *id)?.ok_or(AppError::NotFound)?;
        let logo = match facts.logo {
            Some(l) => super::pdf::Logo::load(c, l)?,
            None => None,
        };
        out.push((facts, logo));
    }
    Ok(out)
}

fn make_pdf(letters: &[(LetterFacts, Option<super::pdf::Logo>)]) -> Result<Vec<u8>, AppError> {
    let refs: Vec<(&LetterFacts, Option<&super::pdf::Logo>)> =
        letters.iter().map(|(f, l)| (f, l.as_ref())).collect();
    super::pdf::letters_pdf(&refs).map_err(|e| AppError::Internal(e.into()))
}

async fn letter_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let letter = path.into_inner();
    let u = user(&ctx)?;
    let setup = state.part::<crate::complaints::Setup>()?;
    let (name, pdf) = state
        .db(move |conn| {
            let complaint = queries::complaint_of(conn, letter)?.ok_or(AppError::NotFound)?;
            let env = setup.env();
            let letters = facts_of(conn, &env, &[letter])?;
            let printed = [CaseLetter {
                id: letter,
                complaint,
            }];
            post_service::record_printed(conn, &u, &printed, "")?;
            let name = letters
                .first()
                .map(|(f, _)| f.file_name())
                .unwrap_or_default();
            Ok((name, make_pdf(&letters)?))
        })
        .await?;
    Ok(pdf_response(&name, pdf))
}

async fn batch_create(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let u = user(&ctx)?;
    let chosen: Vec<i64> = fields
        .iter()
        .filter(|(k, _)| k == "brief")
        .filter_map(|(_, v)| v.trim().parse().ok())
        .collect();
    if chosen.is_empty() {
        return refuse_page(&ctx, &state, "letters-error-none").await;
    }
    let batch = state
        .db(move |conn| post_service::make_batch(conn, &u, &chosen))
        .await?;
    match batch {
        Some(id) => Ok(see_other(&format!(
            "/klachten/brieven?melding=letters-notice-batch#stapel-{id}"
        ))),
        None => refuse_page(&ctx, &state, "letters-error-none").await,
    }
}

/// The letters page again with what to fix.
async fn refuse_page(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    key: &'static str,
) -> Result<HttpResponse, AppError> {
    list(
        ctx,
        state,
        None,
        Some(key),
        StatusCode::UNPROCESSABLE_ENTITY,
    )
    .await
}

async fn batch_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let u = user(&ctx)?;
    let setup = state.part::<crate::complaints::Setup>()?;
    let pdf = state
        .db(move |conn| {
            let letters = queries::batch_letters(conn, id)?;
            if letters.is_empty() {
                return Err(AppError::NotFound);
            }
            let env = setup.env();
            let ids: Vec<i64> = letters.iter().map(|l| l.id).collect();
            let facts = facts_of(conn, &env, &ids)?;
            post_service::record_printed(conn, &u, &letters, &format!("stapel {id}: "))?;
            make_pdf(&facts)
        })
        .await?;
    Ok(pdf_response(&format!("brieven-stapel-{id}.pdf"), pdf))
}

async fn batch_sent(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let u = user(&ctx)?;
    state
        .db(move |conn| post_service::mark_batch_sent(conn, &u, id))
        .await?;
    Ok(see_other("/klachten/brieven?melding=letters-notice-sent"))
}

async fn letter_sent(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let letter = path.into_inner();
    let u = user(&ctx)?;
    state
        .db(move |conn| {
            let complaint = queries::complaint_of(conn, letter)?.ok_or(AppError::NotFound)?;
            post_service::mark_letter_sent(conn, &u, letter, complaint)
        })
        .await?;
    Ok(see_other("/klachten/brieven"))
}
