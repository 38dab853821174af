//! The open answers of a wave, cleaned, as a file a researcher may pass on to the council or a
//! research bureau. Every answer goes through the same cleaning as a quote ([`super::redact`]):
//! names after a title or role, telephone numbers, e-mail addresses, street addresses and
//! postcodes, BSNs and bank account numbers become markers such as `[naam]`.
//!
//! The file follows the rules of the row-level answer export and of the quotes:
//! - only once the wave has closed ([`crate::surveys::anonymity::export_allowed`]), and only when
//!   at least [`super::quotes::DEFAULT_MIN_GROUP`] people answered (the quotes' rule);
//! - late paper (answer sets that came in after the closing date) only as it joins the row-level
//!   export: whole days, at least [`crate::surveys::anonymity::MIN_GROUP`] answer sets at a time
//!   ([`crate::surveys::export_scope::export_through`]), so two downloads never differ by fewer;
//! - no answer set number, date, channel or language: nothing ties a line to the row-level export
//!   or to a moment. The lines are sorted by question and text, and equal texts are one line with
//!   how often they were given, so the order says nothing about when an answer came in.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};

use super::{open_answers_service, open_answers_views};
use crate::accounts::audit::Actor;
use crate::accounts::model::Role;
use crate::fmt::today;
use crate::surveys::anonymity;
use crate::web::context::Ctx;
use crate::web::download::CsvChoice;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

const RESEARCHER: Access = Access::Roles(&[Role::Onderzoeker]);

/// Routes of the export.
pub fn routes() -> Vec<RouteDef> {
    vec![RouteDef::new("/onderzoek/rondes/{id}/open-antwoorden.csv", RESEARCHER).get(download)]
}

/// A page saying why the file is not made (yet), with the way back.
fn refused(ctx: &Ctx, wave_id: i64, text: String) -> HttpResponse {
    page_response(
        StatusCode::CONFLICT,
        layout::page(
            ctx,
            &t(ctx.lang, "export-open-answers"),
            open_answers_views::refused_markup(ctx.lang, wave_id, &text),
        ),
    )
}

async fn download(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    choice: web::Query<CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let flavour = choice.flavour();
    let (wave, def, answered, through) = state
        .db(move |conn| {
            let (wave, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
            let through = crate::surveys::export_scope::export_through(conn, &wave, today())?;
            let answered = super::quotes_queries::answered_through(conn, id, through)?;
            Ok((wave, def, answered, through))
        })
        .await?;
    if !anonymity::export_allowed(&wave) {
        let date = crate::fmt::date_text(anonymity::opens_after(&wave));
        return Ok(refused(
            &ctx,
            id,
            t_args(lang, "export-answers-after-close", &[("date", &date)]),
        ));
    }
    let k = super::quotes::DEFAULT_MIN_GROUP;
    if (answered.max(0) as u64) < k {
        return Ok(refused(
            &ctx,
            id,
            t_args(
                lang,
                "export-open-answers-too-few",
                &[("k", &k.to_string())],
            ),
        ));
    }
    let bytes = state
        .db(move |conn| {
            let answers = open_answers_service::cleaned(conn, id, &def, through)?;
            open_answers_service::write_csv(&def, &answers, vec![], flavour)
                .map_err(AppError::Internal)
        })
        .await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.open_answers_exported",
        "wave",
        Some(id.to_string()),
        Some(flavour.code().into()),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"open-antwoorden-ronde-{id}.csv\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes))
}
