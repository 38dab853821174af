//! Correcting a sheet that was kept aside: the `invoerder` sees what the scanner read and why the
//! sheet was kept apart, gets the questionnaire filled in with every answer that passed, corrects it
//! from the paper in hand, and imports it (channel `paper-scan`, its form number marked as read) or,
//! when the sheet cannot be used, removes it on purpose.
//!
//! Thin handlers: what is read is in [`correct_queries`](super::correct_queries), the rules and
//! writes in [`correct_service`](super::correct_service), the page in
//! [`correct_views`](super::correct_views).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::correct_queries::{self, Kept};
use super::correct_service::{self, offered_form, Refused};
use super::correct_views::{self, Filled, FORM_FIELD};
use crate::accounts::model::Role;
use crate::surveys::answers::{self, AnswerSet, ItemProblem};
use crate::surveys::definition::Definition;
use crate::surveys::form;
use crate::surveys::staff::actor;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ENTRY: Access = Access::Roles(&[Role::Invoerder]);

/// Routes of the correction pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/invoer/rondes/{id}/papier/apart/{sheet}", ENTRY)
            .get(correct_page)
            .post(correct_submit),
        RouteDef::new("/invoer/rondes/{id}/papier/apart/{sheet}/weg", ENTRY).post(discard),
    ]
}

#[derive(Deserialize)]
struct SheetPath {
    id: i64,
    sheet: i64,
}

async fn load(
    state: &AppState,
    p: &SheetPath,
) -> Result<(Wave, std::sync::Arc<Definition>, Kept), AppError> {
    let (id, sheet_id) = (p.id, p.sheet);
    state
        .db(move |conn| correct_queries::kept_sheet(conn, id, sheet_id))
        .await
}

async fn correct_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (wave, def, kept) = load(&state, &p).await?;
    let answers = correct_service::answers_read(&def, &wave, kept.line as u64, &kept.raw);
    let filled = Filled {
        form_value: offered_form(&kept.form),
        answers: &answers,
        errors: &[],
        general: &[],
    };
    Ok(page_response(
        StatusCode::OK,
        correct_views::page(&ctx, &wave, &def, p.sheet, &kept, &filled),
    ))
}

/// A correction as typed: the form number (trimmed, in capitals), the answers that pass, and what
/// is wrong with the others.
struct Correction {
    form: String,
    answers: AnswerSet,
    problems: Vec<(String, ItemProblem)>,
}

impl Correction {
    /// Reads the typed fields against the questionnaire; `BadRequest` for a field no form has.
    fn parse(ctx: &Ctx, def: &Definition, fields: &[(String, String)]) -> Result<Self, AppError> {
        let form = fields
            .iter()
            .find(|(k, _)| k == FORM_FIELD)
            .map(|(_, v)| super::sheet::canonical_form(v))
            .unwrap_or_default();
        let mut answers = AnswerSet::new();
        let problems = form::read_entry(def, fields, ctx.lang, &["csrf", FORM_FIELD], &mut answers)
            .map_err(|_| AppError::BadRequest("respond-error-forged"))?;
        Ok(Correction {
            form,
            answers,
            problems,
        })
    }
}

async fn correct_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let p = path.into_inner();
    let (wave, def, kept) = load(&state, &p).await?;
    let typed = Correction::parse(&ctx, &def, &fields)?;
    let wave_id = wave.id;
    let prints = state
        .db(move |conn| Ok(super::prints_queries::of_wave(conn, wave_id)?))
        .await?;
    let mut general: Vec<(&str, String)> = vec![];
    if let Some(e) = correct_service::form_problem(lang, wave.id, &typed.form, &prints) {
        general.push((FORM_FIELD, e));
    }
    if typed.problems.is_empty() && typed.answers.is_empty() {
        general.push((FORM_FIELD, t(lang, "paper-correct-error-empty")));
    }
    let again = |status: StatusCode,
                 general: &[(&str, String)],
                 problems: &[(String, ItemProblem)],
                 shown: &AnswerSet| {
        let filled = Filled {
            form_value: &typed.form,
            answers: shown,
            errors: problems,
            general,
        };
        page_response(
            status,
            correct_views::page(&ctx, &wave, &def, p.sheet, &kept, &filled),
        )
    };
    if !typed.problems.is_empty() || !general.is_empty() {
        let shown = answers::for_display(&typed.answers, &fields, &typed.problems);
        return Ok(again(
            StatusCode::UNPROCESSABLE_ENTITY,
            &general,
            &typed.problems,
            &shown,
        ));
    }
    let json = serde_json::to_string(&typed.answers).map_err(|e| AppError::Internal(e.into()))?;
    let sheet_id = p.sheet;
    let form_id = typed.form.clone();
    let stored_wave = wave.clone();
    let actor = actor(&ctx)?;
    let result = state
        .db(move |conn| {
            Ok(correct_service::store_corrected(
                conn,
                &stored_wave,
                sheet_id,
                &form_id,
                &json,
                actor,
            )?)
        })
        .await?;
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/invoer/rondes/{}/papier?melding=paper-notice-corrected",
            wave.id
        ))),
        Err(Refused::Gone) => Err(AppError::NotFound),
        Err(Refused::AlreadyImported) => {
            let general = [(FORM_FIELD, t(lang, "paper-correct-error-imported"))];
            Ok(again(StatusCode::CONFLICT, &general, &[], &typed.answers))
        }
    }
}

async fn discard(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (id, sheet_id) = (p.id, p.sheet);
    let actor = actor(&ctx)?;
    let removed = state
        .db(move |conn| Ok(correct_service::discard_sheet(conn, id, sheet_id, actor)?))
        .await?;
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!(
        "/invoer/rondes/{id}/papier?melding=paper-notice-discarded"
    )))
}
