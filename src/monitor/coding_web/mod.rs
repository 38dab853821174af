//! The researcher's coding screen: one text at a time (an open answer of a wave, or a complaint
//! description, cleaned of names and contact details), with the language it is written in, every
//! code of the codebook as a checkbox with a key. The program's suggestions are proposals: marked,
//! with the words that triggered them highlighted, but never ticked for her. Keyboard: the key of
//! a code ticks it, `+` ticks every suggestion, Enter saves and shows the next text (only while
//! the form has focus, and the keys can be turned off: WCAG 2.1.4); without JavaScript, Tab, Space
//! and the buttons do the same ("Voorstellen overnemen en opslaan"). Per code the screen stores
//! whether it was suggested, accepted or rejected; only chosen codes count. The codebook page adds
//! themes and edits their words.

mod service;
mod views;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::codebook;
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

pub use service::{pick, ModelCache, Source};
use service::{Coding, Query};

const RESEARCHER: Access = Access::Roles(&[Role::Onderzoeker]);

/// Routes of the coding screen and the codebook.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/onderzoek/coderen", RESEARCHER)
            .get(page)
            .post(save),
        RouteDef::new("/onderzoek/codeboek", RESEARCHER)
            .get(book_page)
            .post(add_theme),
        RouteDef::new("/onderzoek/codeboek/{code}", RESEARCHER).post(edit_code),
        RouteDef::new("/static/coderen.js", Access::Public).get(script),
    ]
}

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let q = q.into_inner();
    let models = state.part::<ModelCache>()?;
    let screen = state
        .db(move |conn| service::screen(conn, &models, &q))
        .await?;
    Ok(page_response(
        StatusCode::OK,
        views::screen_markup(&ctx, &screen),
    ))
}

async fn save(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<Coding>,
) -> Result<HttpResponse, AppError> {
    let user = ctx.user.as_ref().map(|u| u.id);
    let source = Source::parse(&f.bron).ok_or(AppError::BadRequest("form-error-fields"))?;
    let today = crate::fmt::today();
    let models = state.part::<ModelCache>()?;
    state
        .db(move |conn| service::save_coding(conn, &models, source, &f, user, today))
        .await?;
    Ok(see_other(&format!(
        "/onderzoek/coderen?bron={}",
        source.param()
    )))
}

async fn book_page(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let book = state.db(|conn| Ok(codebook::load(conn)?)).await?;
    Ok(page_response(
        StatusCode::OK,
        views::book_markup(&ctx, &book, &[], "", ""),
    ))
}

#[derive(Deserialize)]
struct NewTheme {
    #[serde(default)]
    naam: String,
    #[serde(default)]
    woorden: String,
}

async fn add_theme(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<NewTheme>,
) -> Result<HttpResponse, AppError> {
    let (name, cues) = (f.naam.clone(), f.woorden.clone());
    let result = state
        .db(move |conn| Ok(codebook::add_theme(conn, &name, &cues)))
        .await?;
    match result {
        Ok(_) => Ok(see_other("/onderzoek/codeboek")),
        Err(message) => {
            let book = state.db(|conn| Ok(codebook::load(conn)?)).await?;
            let errors = [("naam", message)];
            Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                views::book_markup(&ctx, &book, &errors, &f.naam, &f.woorden),
            ))
        }
    }
}

async fn edit_code(
    state: web::Data<AppState>,
    path: web::Path<String>,
    CsrfForm(f): CsrfForm<std::collections::HashMap<String, String>>,
) -> Result<HttpResponse, AppError> {
    let code = path.into_inner();
    let name = f.get(&format!("naam-{code}")).cloned().unwrap_or_default();
    let cues = f
        .get(&format!("woorden-{code}"))
        .cloned()
        .unwrap_or_default();
    let active = f.get("actief").is_some_and(|v| v == "ja");
    if name.trim().is_empty() {
        return Err(AppError::BadRequest("form-error-fields"));
    }
    let n = state
        .db(move |conn| Ok(codebook::update(conn, &code, &name, &cues, active)?))
        .await?;
    if n == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other("/onderzoek/codeboek"))
}

const CODING_JS: &str = include_str!("../../../static/coderen.js");

async fn script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            "public, max-age=86400",
        ))
        .body(CODING_JS)
}
