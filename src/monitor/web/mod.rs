//! The council report in the browser and as open data: `/rapportage?periode=2026-Q3` for council
//! members, researchers and the complaints coordinator. Only aggregates, already suppressed; the
//! charts are SVG with a text summary and the table behind them.
//!
//! Here: the routes and their thin handlers. [`cache`] keeps reports by period, [`export`] makes
//! the files, [`views`] the markup.

mod cache;
mod export;
mod live;
mod views;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::report::{self, Report};
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

pub use cache::{data_stamp, ReportCache};
pub use export::{
    open_data_codebook_csv, open_data_codebook_csv_as, open_data_csv, open_data_csv_as, report_pdf,
    report_title, standalone_html,
};
pub use views::report_markup;

const READERS: Access =
    Access::Roles(&[Role::Raadslid, Role::Onderzoeker, Role::Klachtcoordinator]);

/// Routes of the report.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/rapportage", READERS).get(page),
        RouteDef::new("/rapportage/open-data.csv", READERS).get(open_csv),
        RouteDef::new("/rapportage/open-data.json", READERS).get(open_json),
        RouteDef::new("/rapportage/open-data-codeboek.csv", READERS).get(open_codebook),
        RouteDef::new("/rapportage/rapport.pdf", READERS).get(open_pdf),
        RouteDef::new(
            "/rapportage/tussenstand",
            Access::Roles(&[Role::Onderzoeker]),
        )
        .get(live),
    ]
}

#[derive(Deserialize)]
struct Query {
    periode: Option<String>,
}

/// The period asked for, or the last finished quarter.
fn period_of(q: &Query, today: chrono::NaiveDate) -> Result<report::Period, String> {
    match q.periode.as_deref().filter(|p| !p.trim().is_empty()) {
        Some(p) => report::parse_period(p),
        None => {
            use chrono::Datelike;
            let quarter = (today.month() - 1) / 3; // the one before this one, 0 = last year's Q4
            let label = if quarter == 0 {
                format!("{}-Q4", today.year() - 1)
            } else {
                format!("{}-Q{quarter}", today.year())
            };
            report::parse_period(&label)
        }
    }
}

async fn build(
    state: &AppState,
    period: report::Period,
) -> Result<std::sync::Arc<Report>, AppError> {
    let cache = state.part::<ReportCache>()?;
    state.db(move |conn| Ok(cache.get(conn, &period)?)).await
}

async fn page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let today = crate::fmt::today();
    let (choices, open_on) = state
        .db(move |conn| Ok(report::period_choices(conn, today)?))
        .await?;
    let chosen = q.periode.clone().unwrap_or_default();
    // Without a period asked for: the latest complete period with data.
    let asked = match (&q.periode, &open_on) {
        (Some(p), _) if !p.trim().is_empty() => q.periode.clone(),
        (_, Some(label)) => Some(label.clone()),
        _ => None,
    };
    let period = match period_of(&Query { periode: asked }, today) {
        Ok(p) => p,
        Err(e) => {
            let errors = [("periode", e)];
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(
                    &ctx,
                    &t(lang, "report-title"),
                    views::period_form(&ctx, &chosen, &choices, &errors),
                ),
            ));
        }
    };
    let has_data = choices.iter().any(|c| c.label == period.label);
    let r = build(&state, period.clone()).await?;
    Ok(page_response(
        StatusCode::OK,
        views::report_page(&ctx, &period, &choices, has_data, &r),
    ))
}

#[derive(Deserialize)]
struct LiveQuery {
    ronde: Option<i64>,
}

/// The researcher's live view of a running wave: every answer set so far, small groups still
/// hidden, marked as an interim view. Not in the report, the PDF or the open data: those publish
/// a wave only after it has closed (see `disclosure`).
async fn live(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<LiveQuery>,
) -> Result<HttpResponse, AppError> {
    let today = crate::fmt::today();
    let chosen = q.ronde;
    let live = state
        .db(move |conn| live::running_waves(conn, today, chosen))
        .await?;
    Ok(page_response(
        StatusCode::OK,
        views::live_page(&ctx, &live.running, live.shown.as_ref()),
    ))
}

async fn open_codebook(choice: web::Query<crate::web::download::CsvChoice>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            "attachment; filename=\"rapportage-codeboek.csv\"",
        ))
        .body(open_data_codebook_csv_as(choice.flavour()))
}

async fn open_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::fmt::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period.clone()).await?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "report.downloaded",
        "report",
        Some(period.label.clone()),
        Some("open-data.csv".into()),
    )
    .await?;
    Ok(download(
        "text/csv; charset=utf-8",
        &period,
        "csv",
        open_data_csv_as(&r, choice.flavour()),
    ))
}

/// A file to save: `rapportage-<period>.<ext>`.
fn download(kind: &str, period: &report::Period, ext: &str, body: Vec<u8>) -> HttpResponse {
    HttpResponse::Ok()
        .content_type(kind)
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"rapportage-{}.{ext}\"", period.label),
        ))
        .body(body)
}

async fn open_json(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::fmt::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period.clone()).await?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "report.downloaded",
        "report",
        Some(period.label),
        Some("open-data.json".into()),
    )
    .await?;
    Ok(HttpResponse::Ok().json(super::published::json(&r)))
}

async fn open_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Query>,
) -> Result<HttpResponse, AppError> {
    let period = period_of(&q, crate::fmt::today())
        .map_err(|_| AppError::BadRequest("form-error-fields"))?;
    let r = build(&state, period.clone()).await?;
    let municipality = state.municipality.clone();
    let bytes = web::block(move || report_pdf(&r, &municipality))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("{e}")))?
        .map_err(|e| AppError::Internal(e.into()))?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "report.downloaded",
        "report",
        Some(period.label.clone()),
        Some("rapport.pdf".into()),
    )
    .await?;
    Ok(download("application/pdf", &period, "pdf", bytes))
}
