//! The verification screen for scanned forms read by the product (see [`super::omr`]): the
//! `invoerder` sees every doubtful box as a cut-out of the scan next to what was read, confirms or
//! corrects it by keyboard (a pair of radio buttons per box, the reader's guess chosen), types the
//! written text fields from their cut-outs, and settles the sheet. Only then does anything become
//! an answer: the settled sheet goes through the same import pipeline as an OMR export
//! ([`super::omr::settle::settle`]: validation, duplicate detection by form number, report and
//! quarantine). Settling and removing are written in the audit log (the wave and counts only).

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use crate::accounts::model::Role;
use crate::surveys::definition::Definition;
use crate::surveys::paper::omr::SheetRead;
use crate::surveys::staff::actor;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

mod decisions;
mod place;
mod queries;
mod service;
mod views;

pub use decisions::{corrected, decisions, settled, still_double, Decisions};
use views::{sheet_markup, title};

const ENTRY: Access = Access::Roles(&[Role::Invoerder]);

/// Routes of the verification screen.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/invoer/rondes/{id}/papier/controle", ENTRY).get(list_page),
        RouteDef::new("/invoer/rondes/{id}/papier/controle/{sheet}", ENTRY)
            .get(sheet_page)
            .post(settle_submit),
        RouteDef::new("/invoer/rondes/{id}/papier/controle/{sheet}/weg", ENTRY).post(discard),
        RouteDef::new("/invoer/rondes/{id}/papier/controle/{sheet}/plaats", ENTRY)
            .post(place_submit),
    ]
}

#[derive(Deserialize)]
struct SheetPath {
    id: i64,
    sheet: i64,
}

#[derive(Deserialize)]
struct ListQuery {
    pagina: Option<i64>,
    melding: Option<String>,
}

/// Notices the list shows after a sheet was settled or removed.
const NOTICES: [&str; 6] = [
    "paper-place-notice-read",
    "paper-verify-notice-imported",
    "paper-verify-notice-quarantined",
    "paper-verify-notice-duplicate",
    "paper-verify-notice-empty",
    "paper-verify-notice-discarded",
];

async fn list_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let asked = q.pagina;
    let (wave, page, rows) = state
        .db(move |conn| queries::waiting_page(conn, id, asked))
        .await?;
    let notice = NOTICES
        .into_iter()
        .find(|k| q.melding.as_deref() == Some(*k));
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "paper-verify-list-title", &[("wave", &wave.name)]),
            views::list_markup(lang, id, &page, &rows, notice),
        ),
    ))
}

type Loaded = (
    Wave,
    std::sync::Arc<Definition>,
    SheetRead,
    Option<queries::PlaceOptions>,
);

/// A waiting sheet with its wave and questionnaire, and for a page without a readable QR code
/// whose scan was kept, what the form to type its number offers.
async fn load(state: &AppState, p: &SheetPath) -> Result<Loaded, AppError> {
    let (id, sheet) = (p.id, p.sheet);
    state
        .db(move |conn| {
            let (wave, def, read) = queries::waiting_sheet(conn, id, sheet)?;
            let place = if read.form.is_empty() {
                queries::place_options(conn, &wave, sheet)?
            } else {
                None
            };
            Ok((wave, def, read, place))
        })
        .await
}

#[derive(Deserialize)]
struct SheetQuery {
    melding: Option<String>,
}

async fn sheet_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    q: web::Query<SheetQuery>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (wave, def, read, place) = load(&state, &p).await?;
    // Reached by "save and next": what happened to the sheet before.
    let notice = NOTICES
        .into_iter()
        .find(|k| q.melding.as_deref() == Some(*k));
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &title(ctx.lang, &read, p.sheet),
            views::sheet_with_notice(&ctx, &wave, &def, p.sheet, &read, place.as_ref(), notice),
        ),
    ))
}

/// Where the clerk goes after a sheet: the next sheet waiting (with `notice`) when they asked
/// for it and one waits, else the list.
async fn after_sheet(
    state: &AppState,
    id: i64,
    sheet: i64,
    next: bool,
    notice: &str,
) -> Result<HttpResponse, AppError> {
    let base = format!("/invoer/rondes/{id}/papier/controle");
    let following = if next {
        state
            .db(move |conn| Ok(queries::next_waiting(conn, id, sheet)?))
            .await?
    } else {
        None
    };
    Ok(see_other(&match following {
        Some(n) => format!("{base}/{n}?melding={notice}"),
        None => format!("{base}?melding={notice}"),
    }))
}

/// The field of the button "save and go to the next sheet".
const NEXT_FIELD: &str = "daarna";

/// Whether the clerk pressed "save and next".
fn wants_next(fields: &[(String, String)]) -> bool {
    fields
        .iter()
        .any(|(k, v)| k == NEXT_FIELD && v == "volgende")
}

async fn settle_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let p = path.into_inner();
    let (wave, def, read, _) = load(&state, &p).await?;
    if read.form.is_empty() {
        return Err(AppError::BadRequest("paper-verify-unidentified"));
    }
    // Only a forged or cut-off form lacks a choice; a double mark left as it was is said plainly.
    // Either way the page comes back with what was sent.
    let refused = match decisions(&read, &fields) {
        Ok(d) => {
            let double = still_double(&read, &d);
            if double.is_empty() {
                Ok(d)
            } else {
                Err((double, "paper-verify-error-double"))
            }
        }
        Err(missing) => Err((missing, "paper-verify-error-choose")),
    };
    let d = match refused {
        Ok(d) => d,
        Err((names, key)) => {
            let chosen: BTreeMap<String, String> = fields.into_iter().collect();
            let errors: Vec<(&str, String)> =
                names.iter().map(|m| (m.as_str(), t(lang, key))).collect();
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(
                    &ctx,
                    &title(lang, &read, p.sheet),
                    sheet_markup(&ctx, &wave, &def, p.sheet, &read, &chosen, &errors, None),
                ),
            ));
        }
    };
    let next = wants_next(&fields);
    let sheet = settled(&read, &d);
    let detail = format!(
        "{} vakjes nagekeken, {} verbeterd, {} teksten getypt",
        d.boxes.len(),
        corrected(&read, &d),
        d.texts.values().filter(|t| !t.is_empty()).count()
    );
    let actor = actor(&ctx)?;
    let sheet_id = p.sheet;
    let summary = state
        .db(move |conn| service::settle_sheet(conn, &wave, &def, sheet_id, sheet, actor, &detail))
        .await?;
    let notice = if summary.imported > 0 {
        "paper-verify-notice-imported"
    } else if summary.quarantined > 0 {
        "paper-verify-notice-quarantined"
    } else if summary.duplicates > 0 {
        "paper-verify-notice-duplicate"
    } else {
        "paper-verify-notice-empty"
    };
    after_sheet(&state, p.id, p.sheet, next, notice).await
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
        .db(move |conn| service::discard_sheet(conn, id, sheet_id, actor))
        .await?;
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!(
        "/invoer/rondes/{id}/papier/controle?melding=paper-verify-notice-discarded"
    )))
}

#[derive(Deserialize)]
struct PlaceFields {
    #[serde(default)]
    formulier: String,
    #[serde(default)]
    pagina: String,
    #[serde(default)]
    taal: String,
}

/// The clerk typed the form and page number of a page without a readable QR code: the page is
/// read as that page and joins its form's waiting sheet, shown next; or the page comes back
/// saying what to fix.
async fn place_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    CsrfForm(fields): CsrfForm<PlaceFields>,
) -> Result<HttpResponse, AppError> {
    use service::PlaceCommand;
    let lang = ctx.lang;
    let p = path.into_inner();
    let (wave, def, read, place) = load(&state, &p).await?;
    let Some(place) = place else {
        return Err(AppError::BadRequest("paper-verify-unidentified"));
    };
    let cmd = PlaceCommand {
        sheet_id: p.sheet,
        form: fields.formulier.clone(),
        page: fields.pagina.clone(),
        lang: fields.taal.clone(),
    };
    let actor = actor(&ctx)?;
    let (w, d) = (wave.clone(), def.clone());
    let outcome = state
        .db(move |conn| service::place_page(conn, &w, &d, cmd, actor))
        .await?;
    let refused = match outcome {
        Ok(sheet) => {
            return Ok(see_other(&format!(
                "/invoer/rondes/{}/papier/controle/{sheet}?melding=paper-place-notice-read",
                p.id
            )))
        }
        Err(refused) => refused,
    };
    let (field, message) = views::place_error(lang, wave.id, &refused);
    let typed: BTreeMap<String, String> = [
        ("formulier".to_string(), fields.formulier),
        ("pagina".to_string(), fields.pagina),
        ("taal".to_string(), fields.taal),
    ]
    .into_iter()
    .collect();
    let errors = [(field, message)];
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        layout::page(
            &ctx,
            &title(lang, &read, p.sheet),
            sheet_markup(
                &ctx,
                &wave,
                &def,
                p.sheet,
                &read,
                &typed,
                &errors,
                Some(&place),
            ),
        ),
    ))
}
