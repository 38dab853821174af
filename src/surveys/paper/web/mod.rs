//! The paper import in the browser, for the `invoerder`: upload the scanner's CSV (streamed to a
//! temporary file, so its size does not matter to memory), see the validation report as a page and
//! download it as CSV, and see which sheets are kept aside.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;
use std::time::{Duration, Instant};

use super::import::{self, Options, Summary};
use super::sheet::Format;
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

mod jobs;
mod queries;
mod service;
mod views;

use jobs::Outcome;
pub use jobs::{Job, Jobs};
use queries::PageData;
pub use views::{action_key, rule_key};

const ENTRY: Access = Access::Roles(&[Role::Invoerder]);
/// Largest upload.
const MAX_UPLOAD_BYTES: usize = 500 * 1024 * 1024;

/// Routes of the paper import pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/invoer/rondes/{id}/papier", ENTRY)
            .get(upload_page)
            .post(upload),
        RouteDef::new("/invoer/rondes/{id}/papier/bezig/{job}", ENTRY).get(progress_page),
        RouteDef::new("/invoer/rondes/{id}/papier/bezig/{job}/stand", ENTRY).get(progress_json),
        RouteDef::new("/static/voortgang.js", Access::Public).get(progress_script),
        RouteDef::new("/invoer/rondes/{id}/papier/verslag/{report}", ENTRY).get(report_page),
        RouteDef::new("/invoer/rondes/{id}/papier/verslag/{report}/csv", ENTRY).get(report_csv),
        RouteDef::new("/invoer/rondes/{id}/papier/scans", ENTRY).post(upload_scans),
        RouteDef::new("/invoer/rondes/{id}/papier/formulieren", ENTRY).get(forms_pdf),
    ]
}

/// The code of a file type in a form and in a stored report.
fn format_code(f: Format) -> &'static str {
    match f {
        Format::Sdaps => "sdaps",
        Format::Generic => "generic",
    }
}

/// A file type from its code (SDAPS unless it says generic).
fn format_of(code: Option<&str>) -> Format {
    if code == Some("generic") {
        Format::Generic
    } else {
        Format::Sdaps
    }
}

/// The upload page's data (see [`queries::page_data`]).
async fn page_data(state: &AppState, id: i64, asked: Option<i64>) -> Result<PageData, AppError> {
    state
        .db(move |conn| queries::page_data(conn, id, asked))
        .await
}

/// Refuses new files for a wave whose time for late paper forms is over (see
/// [`super::late`]); forms already waiting can still be checked.
async fn takes_files(state: &AppState, id: i64) -> Result<(), AppError> {
    let wave = state
        .db(move |conn| crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound))
        .await?;
    match super::late::paper_time(wave.closes_on, crate::fmt::today()) {
        super::late::PaperTime::Over { .. } => Err(AppError::BadRequest("paper-late-refused")),
        super::late::PaperTime::Running | super::late::PaperTime::Late { .. } => Ok(()),
    }
}

/// The two upload forms' file fields: the scanner's CSV file and the scans themselves.
const CSV_FIELD: &str = "bestand";
const SCAN_FIELD: &str = "scans";

/// Notices the upload page shows after a correction.
const NOTICES: [&str; 2] = ["paper-notice-corrected", "paper-notice-discarded"];

#[derive(Deserialize)]
struct Notice {
    melding: Option<String>,
    pagina: Option<i64>,
}

async fn upload_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, AppError> {
    let notice = NOTICES
        .into_iter()
        .find(|k| q.melding.as_deref() == Some(*k));
    let data = page_data(&state, path.into_inner(), q.pagina).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(ctx.lang, "paper-upload-title", &[("wave", &data.wave.name)]),
            views::upload_markup(&ctx, &data, None, notice, None),
        ),
    ))
}

/// What the upload form may hold: the token, three choices, one file.
fn upload_limits() -> crate::web::multipart::Limits {
    crate::web::multipart::Limits {
        fields: 8,
        text_bytes: 4 * 1024,
        files: 1,
        file_bytes: MAX_UPLOAD_BYTES as u64,
    }
}

async fn upload(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    // The token is checked before the file is read; the file goes to disk as it arrives.
    let form = crate::web::multipart::open(&req, payload, upload_limits())
        .await?
        .read()
        .await?;
    takes_files(&state, id).await?;
    let upload = form.files.into_iter().find(|f| f.field == CSV_FIELD);
    let problem = match &upload {
        Some(f) if f.too_big => Some(t(lang, "paper-upload-error-size")),
        Some(f) if f.size > 0 && f.temp.is_some() => None,
        _ => Some(t(lang, "paper-upload-error-file")),
    };
    let field = |name: &str| {
        form.fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let format = format_of(field("vorm"));
    if let Some(message) = problem {
        return refuse(&ctx, &state, id, &message, Some(format)).await;
    }
    let Some((file_name, size, Some(file))) = upload.map(|f| (f.name, f.size, f.temp)) else {
        return Err(AppError::BadRequest("form-error-fields"));
    };
    let options = Options {
        dry_run: field("proef") == Some("ja"),
        all_or_nothing: field("alles") == Some("ja"),
        ..Default::default()
    };
    let user = ctx.user.as_ref().map(|u| u.id);
    let file_name = if file_name.is_empty() {
        "upload.csv".to_string()
    } else {
        file_name
    };
    let (job_id, job) = state.part::<Jobs>()?.start(id, file_name, format, size);
    let pool = state.pool.clone();
    let worker = job.clone();
    std::thread::spawn(move || {
        let outcome = match pool.get() {
            Ok(mut conn) => service::import_upload(&mut conn, &worker, file, format, options, user),
            Err(e) => Err(AppError::Internal(e.into())),
        };
        let outcome = outcome.unwrap_or_else(|e| {
            tracing::error!(error = %e, "paper upload failed");
            Err(t(Lang::Nl, "paper-progress-failed"))
        });
        worker.finish(outcome);
    });
    // A small file is done at once: straight to its report. A large one shows its progress.
    let deadline = Instant::now() + Duration::from_millis(state.config.upload_wait_ms);
    while Instant::now() < deadline && job.outcome().is_none() {
        actix_web::rt::time::sleep(Duration::from_millis(25)).await;
    }
    match job.outcome() {
        Some(outcome) => finished(&ctx, &state, id, &job_id, outcome, Some(job.format)).await,
        None => Ok(see_other(&progress_path(id, &job_id))),
    }
}

fn progress_path(id: i64, job: &str) -> String {
    format!("/invoer/rondes/{id}/papier/bezig/{job}")
}

/// Where a finished import leads: its report, or the upload page saying why the file could not be
/// read (in Dutch, from the importer).
async fn finished(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    job_id: &str,
    outcome: Outcome,
    format: Option<Format>,
) -> Result<HttpResponse, AppError> {
    state.part::<Jobs>()?.remove(job_id);
    match outcome {
        Ok(report_id) => Ok(see_other(&format!(
            "/invoer/rondes/{id}/papier/verslag/{report_id}"
        ))),
        Err(message) => refuse(ctx, state, id, &message, format).await,
    }
}

#[derive(Deserialize)]
struct JobPath {
    id: i64,
    job: String,
}

async fn progress_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<JobPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let lang = ctx.lang;
    let Some(job) = state.part::<Jobs>()?.get(p.id, &p.job) else {
        return Ok(views::job_gone(&ctx, p.id));
    };
    if let Some(outcome) = job.outcome() {
        return finished(&ctx, &state, p.id, &p.job, outcome, Some(job.format)).await;
    }
    let (percent, text) = views::status_text(lang, &job);
    let here = progress_path(p.id, &p.job);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "paper-progress-title", &[("file", &job.file_name)]),
            views::progress_markup(lang, &here, percent, &text),
        ),
    ))
}

/// The same as JSON for the page's script: share done, the status line, and where to go when done.
async fn progress_json(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<JobPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let job = state.part::<Jobs>()?.get(p.id, &p.job);
    let here = progress_path(p.id, &p.job);
    let body = match job {
        None => serde_json::json!({ "klaar": true, "naar": here }),
        Some(job) if job.outcome().is_some() => serde_json::json!({ "klaar": true, "naar": here }),
        Some(job) => {
            let (percent, text) = views::status_text(ctx.lang, &job);
            serde_json::json!({ "klaar": false, "procent": percent, "tekst": text })
        }
    };
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(body))
}

const PROGRESS_JS: &str = include_str!("../../../../static/voortgang.js");

async fn progress_script() -> HttpResponse {
    HttpResponse::Ok()
        .content_type("text/javascript; charset=utf-8")
        .insert_header((
            actix_web::http::header::CACHE_CONTROL,
            "public, max-age=86400",
        ))
        .body(PROGRESS_JS)
}

/// The upload page again, with what to fix.
async fn refuse(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    message: &str,
    chosen: Option<Format>,
) -> Result<HttpResponse, AppError> {
    refuse_field(ctx, state, id, CSV_FIELD, message, chosen).await
}

/// The upload page again, with what to fix at `field`.
async fn refuse_field(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    field: &str,
    message: &str,
    chosen: Option<Format>,
) -> Result<HttpResponse, AppError> {
    let data = page_data(state, id, None).await?;
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        layout::page(
            ctx,
            &t_args(ctx.lang, "paper-upload-title", &[("wave", &data.wave.name)]),
            views::upload_markup(ctx, &data, Some((field, message)), None, chosen),
        ),
    ))
}

/// The wave's paper forms `van`..=`tot` (at most 500 at a time) as a PDF made by the product,
/// with the geometry the scan reader reads back (stored once per questionnaire text and language).
async fn forms_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<super::forms_download::FormsQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let message = match super::forms_download::pdf(&state, id, &q, ctx.lang).await? {
        Ok(pdf) => return Ok(pdf),
        Err(message) => message,
    };
    // Refused: the page again, with the numbers and language as typed.
    let mut data = page_data(&state, id, None).await?;
    data.typed_print = Some(q.into_inner());
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        layout::page(
            &ctx,
            &t_args(ctx.lang, "paper-upload-title", &[("wave", &data.wave.name)]),
            views::upload_markup(&ctx, &data, Some(("van", &message)), None, None),
        ),
    ))
}

/// What the scan upload form may hold: the token and one file.
fn scan_limits() -> crate::web::multipart::Limits {
    crate::web::multipart::Limits {
        fields: 2,
        text_bytes: 1024,
        files: 1,
        file_bytes: MAX_UPLOAD_BYTES as u64,
    }
}

/// Scans uploaded on the invoerder's page: read by the same pipeline as `klankbord import
/// scans` ([`super::omr::scan::store_upload`]); clear sheets are imported, doubtful ones wait on
/// the verification screen; on to the report. A file that is no scan, or with a page that cannot
/// be read, is refused whole with what to do.
async fn upload_scans(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    use super::omr::scan::{store_upload, ScanError, UploadError};
    let id = path.into_inner();
    let lang = ctx.lang;
    let form = crate::web::multipart::open(&req, payload, scan_limits())
        .await?
        .read()
        .await?;
    takes_files(&state, id).await?;
    let upload = form.files.into_iter().find(|f| f.field == SCAN_FIELD);
    let refusal = match &upload {
        Some(f) if f.too_big => Some("paper-scan-error-size"),
        // A file was chosen, but it holds nothing (a browser sends no name when none was chosen).
        Some(f) if f.size == 0 && !f.name.is_empty() => Some("paper-scan-error-empty"),
        Some(f) if f.size == 0 || f.temp.is_none() => Some("paper-scan-error-file"),
        Some(f) if super::omr::decode::sniff(&f.head).is_none() => Some("paper-scan-error-type"),
        Some(_) => None,
        None => Some("paper-scan-error-file"),
    };
    if let Some(key) = refusal {
        return refuse_field(&ctx, &state, id, SCAN_FIELD, &t(lang, key), None).await;
    }
    let Some((name, Some(file))) = upload.map(|f| (f.name, f.temp)) else {
        return Err(AppError::BadRequest("form-error-fields"));
    };
    let name = if name.is_empty() {
        "scans.pdf".to_string()
    } else {
        name
    };
    let user = ctx.user.as_ref().map(|u| u.id);
    let outcome = state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let def = crate::surveys::respond::definition(conn, wave.version_id)
                .map_err(|e| AppError::Internal(e.into()))?;
            let before = queries::last_waiting(conn, id)?;
            let outcome = store_upload(
                conn,
                &wave,
                &def,
                file.path(),
                &name,
                user,
                crate::fmt::today(),
            );
            if let Ok(report) = &outcome {
                service::note_waiting(conn, id, *report, before)?;
                service::keep_unplaced_pages(conn, id, before, file.path())?;
            }
            drop(file);
            Ok(outcome)
        })
        .await?;
    match outcome {
        Ok(report) => Ok(see_other(&format!(
            "/invoer/rondes/{id}/papier/verslag/{report}"
        ))),
        Err(UploadError::NotAScan) => {
            refuse_field(
                &ctx,
                &state,
                id,
                SCAN_FIELD,
                &t(lang, "paper-scan-error-type"),
                None,
            )
            .await
        }
        Err(UploadError::Scan(ScanError::Db(e))) => Err(e.into()),
        Err(UploadError::Scan(ScanError::Import(import::ImportError::Db(e)))) => Err(e.into()),
        Err(e) => {
            tracing::info!(wave = id, "scan upload refused");
            refuse_field(&ctx, &state, id, SCAN_FIELD, &e.to_string(), None).await
        }
    }
}

#[derive(Deserialize)]
struct ReportPath {
    id: i64,
    report: i64,
}

/// A report: file name, counts and its CSV text (whole for the download, only the start for the
/// page when `head_only`).
async fn load_report(
    state: &AppState,
    p: &ReportPath,
    head_only: bool,
) -> Result<(String, Summary, String, Option<u64>), AppError> {
    let (id, report) = (p.id, p.report);
    state
        .db(move |conn| {
            let r = queries::report(conn, id, report, head_only)?;
            let summary = r.summary();
            // What still waits now, when the report knows which sheets it left waiting.
            let now = if summary.waiting.is_empty() {
                None
            } else {
                Some(queries::still_waiting(conn, id, &summary.waiting)?)
            };
            Ok((r.file, summary, r.text, now))
        })
        .await
}

async fn report_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<ReportPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let lang = ctx.lang;
    let (file, s, text, now) = load_report(&state, &p, true).await?;
    let base = format!("/invoer/rondes/{}/papier", p.id);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "paper-report-title", &[("file", &file)]),
            views::report_markup(lang, &base, p.report, &file, &s, now, &text),
        ),
    ))
}

async fn report_csv(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<ReportPath>,
    choice: web::Query<crate::web::download::CsvChoice>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (_, _, text, _) = load_report(&state, &p, false).await?;
    crate::accounts::audit::log(
        &state,
        crate::accounts::audit::Actor::of(&ctx),
        "paper.report_downloaded",
        "wave",
        Some(p.id.to_string()),
        Some(format!("verslag {}", p.report)),
    )
    .await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"verslag-{}.csv\"", p.report),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(
            crate::csv_safe::recode(text.as_bytes(), choice.flavour())
                .map_err(AppError::Internal)?,
        ))
}
