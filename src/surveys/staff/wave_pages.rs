//! The researcher's waves: the list, creating one, and a wave's page.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::Deserialize;

use super::*;
use crate::surveys::waves::{self, NewWave, Wave, WaveChange, WaveError, Window};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, Lang};
use crate::web::layout::{self};
use crate::web::{see_other, AppState};

pub(crate) fn wave_error_text(lang: Lang, e: &WaveError) -> String {
    match e {
        WaveError::UnknownQuestionnaire(_) => t(lang, "wave-error-questionnaire"),
        WaveError::Dates => t(lang, "wave-error-dates"),
        WaveError::Population => t(lang, "wave-error-population"),
        WaveError::Channel(_) => t(lang, "wave-error-channel"),
        WaveError::Name => t(lang, "wave-error-name"),
        WaveError::Count => t(lang, "wave-error-count"),
        WaveError::AlreadyOpen => t(lang, "wave-edit-refused"),
        WaveError::OpensInPast => t(lang, "wave-error-opens-past"),
        WaveError::UnknownWave(_) | WaveError::Db(_) => t(lang, "error-404-text"),
    }
}

pub(super) fn window_text(lang: Lang, w: &Wave) -> String {
    t(
        lang,
        match w.window_today() {
            Window::NotYetOpen => "wave-state-not-open",
            Window::Open => "wave-state-open",
            Window::Closed => "wave-state-closed",
        },
    )
}

#[derive(Deserialize, Default)]
pub(super) struct WaveForm {
    #[serde(default)]
    pub(super) naam: String,
    #[serde(default)]
    pub(super) vragenlijst: String,
    #[serde(default)]
    pub(super) open: String,
    #[serde(default)]
    pub(super) sluit: String,
    #[serde(default)]
    pub(super) n: String,
    #[serde(default)]
    pub(super) kanalen: Vec<String>,
}

impl WaveForm {
    /// The new wave the form asks for, or what to fix (per field).
    pub(super) fn command(&self, lang: Lang) -> Result<NewWave, Vec<(&'static str, String)>> {
        let w = parse_window(lang, &self.open, &self.sluit, &self.n, &self.kanalen)?;
        Ok(NewWave {
            name: self.naam.clone(),
            questionnaire: self.vragenlijst.clone(),
            opens_on: w.opens_on,
            closes_on: w.closes_on,
            population: w.population,
            channels: w.channels,
        })
    }
}

/// The dates, N and channels of a wave form (a new wave or a change), or what to fix, by field in
/// the form's order.
pub(crate) fn parse_window(
    lang: Lang,
    open: &str,
    sluit: &str,
    n: &str,
    kanalen: &[String],
) -> Result<WaveChange, Vec<(&'static str, String)>> {
    let mut errors: Vec<(&'static str, String)> = vec![];
    let opens = parse_date(open);
    let closes = parse_date(sluit);
    if opens.is_none() {
        errors.push(("open", t(lang, "wave-error-date")));
    }
    if closes.is_none() {
        errors.push(("sluit", t(lang, "wave-error-date")));
    }
    let population = waves::parse_count(n).filter(|n| *n >= 1);
    if population.is_none() {
        errors.push(("n", t(lang, "wave-error-population")));
    }
    if kanalen.is_empty() {
        errors.push(("kanalen", t(lang, "wave-error-no-channel")));
    }
    match (opens, closes, population, errors.is_empty()) {
        (Some(o), Some(c), Some(n), true) => Ok(WaveChange {
            opens_on: o,
            closes_on: c,
            population: n,
            channels: kanalen.to_vec(),
        }),
        _ => Err(errors),
    }
}

pub(super) async fn waves_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Notice>,
    p: web::Query<PageQuery>,
) -> Result<HttpResponse, AppError> {
    let asked = p.pagina;
    let (list, shown, keys) = state.db(move |conn| waves_list(conn, asked)).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(ctx.lang, "waves-title"),
            waves_markup(&ctx, &list, &shown, &keys, &WaveForm::default(), &[], &q),
        ),
    ))
}

pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d-%m-%Y"))
        .ok()
}

pub(super) async fn wave_create(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<WaveForm>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let actor = actor(&ctx)?;
    let (mut errors, result) = match f.command(lang) {
        Ok(new) => (
            vec![],
            Some(
                state
                    .db(move |conn| Ok(waves::create_wave(conn, &new, actor)))
                    .await?,
            ),
        ),
        Err(errors) => (errors, None),
    };
    match result {
        Some(Ok(id)) => Ok(see_other(&format!(
            "/onderzoek/rondes/{id}?melding=notice-wave-created"
        ))),
        Some(Err(WaveError::Db(e))) => Err(e.into()),
        other => {
            if let Some(Err(e)) = &other {
                let field = match e {
                    WaveError::Dates => "sluit",
                    WaveError::Population => "n",
                    WaveError::Channel(_) => "kanalen",
                    WaveError::UnknownQuestionnaire(_) => "vragenlijst",
                    _ => "naam",
                };
                errors.push((field, wave_error_text(lang, e)));
            }
            let (list, shown, keys) = state.db(|conn| waves_list(conn, None)).await?;
            let q = Notice {
                melding: None,
                n: None,
            };
            Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(
                    &ctx,
                    &t(lang, "waves-title"),
                    waves_markup(&ctx, &list, &shown, &keys, &f, &errors, &q),
                ),
            ))
        }
    }
}

pub(super) async fn load_wave(state: &AppState, id: i64) -> Result<Wave, AppError> {
    state
        .db(move |conn| match waves::find_wave(conn, id) {
            Ok(w) => Ok(w),
            Err(WaveError::Db(e)) => Err(e.into()),
            Err(_) => Err(AppError::NotFound),
        })
        .await
}

pub(super) async fn render_wave(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    errors: &[(&str, String)],
    q: &Notice,
    status: StatusCode,
) -> Result<HttpResponse, AppError> {
    render_wave_typed(ctx, state, id, errors, q, status, None).await
}

/// [`render_wave`], with a refused print request shown again as typed.
pub(super) async fn render_wave_typed(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    errors: &[(&str, String)],
    q: &Notice,
    status: StatusCode,
    typed: Option<crate::surveys::paper::forms_download::FormsQuery>,
) -> Result<HttpResponse, AppError> {
    let w = load_wave(state, id).await?;
    let mut f = state.db(move |conn| Ok(follow_up(conn, id)?)).await?;
    f.typed_print = typed;
    Ok(page_response(
        status,
        layout::page(ctx, &w.name, wave_markup(ctx, &w, &f, errors, q)),
    ))
}

pub(super) async fn wave_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, AppError> {
    render_wave(&ctx, &state, path.into_inner(), &[], &q, StatusCode::OK).await
}
