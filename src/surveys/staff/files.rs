//! The files of a wave: answers and codebook (after it has closed), paper forms, the SDAPS
//! mapping, and the interview volunteers.

use actix_web::http::{header, StatusCode};
use actix_web::{web, HttpResponse};

use super::*;
use crate::accounts::audit::Actor;
use crate::surveys::{anonymity, export, volunteers};
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::Lang;
use crate::web::AppState;

pub(super) fn download(content_type: &str, name: String, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(content_type)
        .insert_header((
            header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"{name}\""),
        ))
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(body)
}

pub(super) async fn answers_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let flavour = choice.flavour();
    let id = path.into_inner();
    let wave = load_wave(&state, id).await?;
    if !anonymity::export_allowed(&wave) {
        return Ok(after_close_page(
            &ctx,
            &wave,
            "export-answers",
            "export-answers-after-close",
        ));
    }
    let (wave, def) = state.db(move |conn| wave_and_definition(conn, id)).await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.answers_exported",
        "wave",
        Some(id.to_string()),
        None,
    )
    .await?;
    // Written while it is sent, in batches from the database: memory stays flat for any wave.
    let pool = state.pool.clone();
    Ok(crate::web::stream::download(
        "text/csv; charset=utf-8",
        &format!("antwoorden-ronde-{id}.csv"),
        move |out| {
            let mut conn = pool.get()?;
            export::write_answers(&mut conn, &wave, &def, out, flavour).map(|_| ())
        },
    ))
}

pub(super) async fn codebook(
    state: &AppState,
    id: i64,
    lang: Lang,
) -> Result<export::Codebook, AppError> {
    state
        .db(move |conn| {
            let (wave, def) = wave_and_definition(conn, id)?;
            Ok(export::codebook(&wave, &def, lang))
        })
        .await
}

pub(super) async fn codebook_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let flavour = choice.flavour();
    let id = path.into_inner();
    let book = codebook(&state, id, ctx.lang).await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.codebook_exported",
        "wave",
        Some(id.to_string()),
        Some("csv".into()),
    )
    .await?;
    let mut out = vec![];
    export::write_codebook_csv(&book, &mut out, flavour).map_err(AppError::Internal)?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("codeboek-ronde-{id}.csv"),
        out,
    ))
}

pub(super) async fn codebook_json(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let book = codebook(&state, id, ctx.lang).await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "survey.codebook_exported",
        "wave",
        Some(id.to_string()),
        Some("json".into()),
    )
    .await?;
    let out = serde_json::to_vec_pretty(&book).map_err(|e| AppError::Internal(e.into()))?;
    Ok(download(
        "application/json",
        format!("codeboek-ronde-{id}.json"),
        out,
    ))
}

/// The wave's paper forms `van`..=`tot` (at most 500 at a time) as the product's PDF, the form
/// the scan reader reads back.
pub(super) async fn paper_forms(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<crate::surveys::paper::forms_download::FormsQuery>,
) -> Result<HttpResponse, AppError> {
    use crate::surveys::paper::forms_download;
    let id = path.into_inner();
    let message = match forms_download::pdf(&state, id, &q, ctx.lang).await? {
        Ok(pdf) => return Ok(pdf),
        Err(message) => message,
    };
    let errors = [("van", message)];
    let notice = Notice {
        melding: None,
        n: None,
    };
    render_wave_typed(
        &ctx,
        &state,
        id,
        &errors,
        &notice,
        StatusCode::UNPROCESSABLE_ENTITY,
        Some(q.into_inner()),
    )
    .await
}

/// The SDAPS column mapping of the wave's questionnaire, for the OMR operator.
pub(super) async fn sdaps_mapping(
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let text = state
        .db(move |conn| {
            let (_, def) = wave_and_definition(conn, id)?;
            Ok(crate::surveys::paper::mapping::to_csv(
                &crate::surveys::paper::mapping::sdaps(&def),
            ))
        })
        .await?;
    Ok(download(
        "text/csv; charset=utf-8",
        format!("sdaps-koppeling-ronde-{id}.csv"),
        text.into_bytes(),
    ))
}

pub(super) async fn volunteers_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let wave = load_wave(&state, id).await?;
    if !anonymity::volunteers_visible(&wave) {
        let mut res = after_close_page(
            &ctx,
            &wave,
            "volunteers-link-open",
            "volunteers-after-close",
        );
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            header::HeaderValue::from_static("no-store"),
        );
        return Ok(res);
    }
    let rows = state
        .db(move |conn| Ok(volunteers::list(conn, id)?))
        .await?;
    crate::accounts::audit::log(
        &state,
        Actor::of(&ctx),
        "wave.volunteers_viewed",
        "wave",
        Some(id.to_string()),
        None,
    )
    .await?;
    let mut res = page_response(StatusCode::OK, volunteers_markup(&ctx, &wave, &rows));
    res.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    Ok(res)
}
