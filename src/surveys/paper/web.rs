//! The paper import in the browser, for the `invoerder`: upload the scanner's CSV (streamed to a
//! temporary file, so its size does not matter to memory), see the validation report as a page and
//! download it as CSV, and see which sheets are kept aside.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use maud::{html, Markup};
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use super::import::{self, Options, Summary, Target};
use super::progress;
use super::sheet::{Action, Finding, Format, Rule};
use crate::accounts::model::Role;
use crate::db::schema::{paper_quarantine, paper_reports};
use crate::surveys::respondent::date_text;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, t_count, t_nums, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::paging::{self, Page};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ENTRY: Access = Access::Roles(&[Role::Invoerder]);
/// Largest upload.
const MAX_UPLOAD_BYTES: usize = 500 * 1024 * 1024;
/// Findings shown on the report page (the download has them all).
const SHOWN_FINDINGS: usize = 500;
/// Largest validation report kept for the pages (bytes); the command line writes any size to a file.
const MAX_STORED_REPORT: usize = 20 * 1024 * 1024;
/// Problems listed per sheet kept aside on the upload page (the sheet's own page has them all).
const SHOWN_PROBLEMS: usize = 5;
/// Characters of a value or explanation in the list of sheets kept aside; the sheet's own page
/// shows what was read in full.
const LIST_CHARS: usize = 80;

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

/// An upload being imported in the background, so a large file shows its progress.
pub struct Job {
    wave_id: i64,
    file_name: String,
    format: Format,
    total: u64,
    bytes: Arc<AtomicU64>,
    rows: AtomicU64,
    started: Instant,
    outcome: Mutex<Option<(Outcome, Instant)>>,
}

/// How an import ended: the report, or why the file could not be read (nothing was written).
type Outcome = Result<i64, String>;

impl Job {
    fn outcome(&self) -> Option<Outcome> {
        self.outcome
            .lock()
            .ok()
            .and_then(|o| o.as_ref().map(|(r, _)| r.clone()))
    }

    fn finish(&self, outcome: Outcome) {
        if let Ok(mut o) = self.outcome.lock() {
            *o = Some((outcome, Instant::now()));
        }
    }

    fn estimate(&self) -> (u64, progress::Estimate) {
        let rows = self.rows.load(Ordering::Relaxed);
        let e = progress::estimate(
            rows,
            self.bytes.load(Ordering::Relaxed),
            self.total,
            self.started.elapsed(),
        );
        (rows, e)
    }
}

/// The imports of this instance, by an unguessable id. Kept in memory only: after a restart an
/// unfinished import is simply read again (whole batches were stored; nothing comes in twice).
#[derive(Default)]
pub struct Jobs(Mutex<HashMap<String, Arc<Job>>>);

/// How long a finished import's outcome waits to be looked at.
const KEEP_FINISHED: Duration = Duration::from_secs(3600);

impl Jobs {
    fn start(
        &self,
        wave_id: i64,
        file_name: String,
        format: Format,
        total: u64,
    ) -> (String, Arc<Job>) {
        let id = crate::accounts::sessions::new_token();
        let job = Arc::new(Job {
            wave_id,
            file_name,
            format,
            total,
            bytes: Arc::new(AtomicU64::new(0)),
            rows: AtomicU64::new(0),
            started: Instant::now(),
            outcome: Mutex::new(None),
        });
        if let Ok(mut map) = self.0.lock() {
            map.retain(|_, j| {
                j.outcome
                    .lock()
                    .map(|o| {
                        o.as_ref()
                            .is_none_or(|(_, at)| at.elapsed() <= KEEP_FINISHED)
                    })
                    .unwrap_or(false)
            });
            map.insert(id.clone(), job.clone());
        }
        (id, job)
    }

    fn get(&self, wave_id: i64, id: &str) -> Option<Arc<Job>> {
        let map = self.0.lock().ok()?;
        map.get(id).filter(|j| j.wave_id == wave_id).cloned()
    }

    fn remove(&self, id: &str) {
        if let Ok(mut map) = self.0.lock() {
            map.remove(id);
        }
    }
}

/// A quarantined sheet as listed.
struct Kept {
    id: i64,
    form: String,
    line: i64,
    problems: Vec<Finding>,
    on: chrono::NaiveDate,
}

/// A report made earlier, as listed.
struct Earlier {
    id: i64,
    file: String,
    at: chrono::NaiveDateTime,
    /// A check only: nothing was stored.
    dry_run: bool,
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

/// What the upload page lists: the wave, one page of the sheets kept aside, the latest reports.
struct PageData {
    wave: crate::surveys::waves::Wave,
    kept: Vec<Kept>,
    page: Page,
    earlier: Vec<Earlier>,
    /// The file type of the latest upload, offered again.
    last_format: Format,
}

async fn page_data(state: &AppState, id: i64, asked: Option<i64>) -> Result<PageData, AppError> {
    state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let total: i64 = paper_quarantine::table
                .filter(paper_quarantine::wave_id.eq(id))
                .count()
                .get_result(conn)?;
            let page = Page::new(asked, paging::PAGE_ROWS, total);
            let rows: Vec<(i64, String, i64, String, chrono::NaiveDate)> = paper_quarantine::table
                .filter(paper_quarantine::wave_id.eq(id))
                .order((paper_quarantine::line, paper_quarantine::id))
                .limit(page.size)
                .offset(page.offset())
                .select((
                    paper_quarantine::id,
                    paper_quarantine::form_id,
                    paper_quarantine::line,
                    paper_quarantine::problems,
                    paper_quarantine::created_on,
                ))
                .load(conn)?;
            let kept = rows
                .into_iter()
                .map(|(id, form, line, problems, on)| Kept {
                    id,
                    form,
                    line,
                    problems: serde_json::from_str(&problems).unwrap_or_default(),
                    on,
                })
                .collect();
            let rows: Vec<(i64, String, chrono::NaiveDateTime, String)> = paper_reports::table
                .filter(paper_reports::wave_id.eq(id))
                .order(paper_reports::id.desc())
                .limit(20)
                .select((
                    paper_reports::id,
                    paper_reports::file_name,
                    paper_reports::created_at,
                    paper_reports::summary,
                ))
                .load(conn)?;
            let mut last_format = None;
            let earlier = rows
                .into_iter()
                .map(|(id, file, at, summary)| {
                    let s: Summary = serde_json::from_str(&summary).unwrap_or_default();
                    // A scan upload has no file type to offer again.
                    if last_format.is_none() && s.scan.is_none() {
                        last_format = Some(format_of(s.format.as_deref()));
                    }
                    Earlier {
                        id,
                        file,
                        at,
                        dry_run: s.dry_run,
                    }
                })
                .collect();
            Ok(PageData {
                wave,
                kept,
                page,
                earlier,
                last_format: last_format.unwrap_or(Format::Sdaps),
            })
        })
        .await
}

/// The two upload forms' file fields: the scanner's CSV file and the scans themselves.
const CSV_FIELD: &str = "bestand";
const SCAN_FIELD: &str = "scans";

fn upload_markup(
    ctx: &Ctx,
    data: &PageData,
    field_error: Option<(&str, &str)>,
    notice: Option<&str>,
    chosen: Option<Format>,
) -> Markup {
    let lang = ctx.lang;
    let generic = chosen.unwrap_or(data.last_format) == Format::Generic;
    let (wave, kept, earlier) = (&data.wave, &data.kept, &data.earlier);
    let total = data.page.total.to_string();
    let errors: Vec<(&str, String)> = field_error
        .map(|(f, e)| (f, e.to_string()))
        .into_iter()
        .collect();
    let error = field_error.filter(|(f, _)| *f == CSV_FIELD).map(|(_, e)| e);
    let scan_error = field_error
        .filter(|(f, _)| *f == SCAN_FIELD)
        .map(|(_, e)| e);
    let range_error = field_error.filter(|(f, _)| *f == "van").map(|(_, e)| e);
    let base = format!("/invoer/rondes/{}/papier", wave.id);
    html! {
        @if let Some(key) = notice {
            div.notice role="status" { p { (t(lang, key)) } }
        }
        (error_summary(ctx, &errors))
        p { a href={ (base) "/controle" } { (t(lang, "paper-verify-link")) } }
        p { (t(lang, "paper-upload-intro")) }
        form method="post" action=(base) enctype="multipart/form-data" novalidate {
            (csrf_field(ctx))
            div.field.has-error[error.is_some()] {
                label for="bestand" { (t(lang, "paper-upload-file")) }
                p.hint #bestand-hint { (t(lang, "paper-upload-file-hint")) }
                @if let Some(e) = error { p.error #bestand-error { (e) } }
                input #bestand type="file" name="bestand" accept=".csv,.txt,text/csv"
                    aria-describedby=(if error.is_some() { "bestand-hint bestand-error" } else { "bestand-hint" })
                    aria-invalid=[error.map(|_| "true")];
            }
            fieldset {
                legend { (t(lang, "paper-upload-format")) }
                div.choice { input #vorm type="radio" name="vorm" value="sdaps" checked[!generic]; label for="vorm" { (t(lang, "paper-upload-format-sdaps")) } }
                div.choice { input #vorm-generic type="radio" name="vorm" value="generic" checked[generic]; label for="vorm-generic" { (t(lang, "paper-upload-format-generic")) } }
            }
            div.choice { input #proef type="checkbox" name="proef" value="ja"; label for="proef" { (t(lang, "paper-upload-dry-run")) } }
            div.choice { input #alles type="checkbox" name="alles" value="ja"; label for="alles" { (t(lang, "paper-upload-all")) } }
            button type="submit" { (t(lang, "paper-upload-submit")) }
        }
        h2 #pdf-kop { (t(lang, "paper-pdf-title")) }
        p { (t(lang, "paper-pdf-intro")) }
        form method="get" action={ (base) "/formulieren" } novalidate aria-labelledby="pdf-kop" {
            (layout::text_field("van", &t(lang, "paper-forms-from"), "text", "1", None, range_error, "off"))
            (layout::text_field("tot", &t(lang, "paper-forms-to"), "text", "50", None, None, "off"))
            div.field {
                label for="taal" { (t(lang, "codes-language")) }
                select #taal name="taal" {
                    @for l in Lang::ALL { option value=(l.code()) lang=(l.code()) selected[l == lang] { (l.native_name()) } }
                }
            }
            button type="submit" { (t(lang, "paper-pdf-submit")) }
        }
        h2 #scans-kop { (t(lang, "paper-scan-title")) }
        p { (t(lang, "paper-scan-intro")) }
        form method="post" action={ (base) "/scans" } enctype="multipart/form-data" novalidate aria-labelledby="scans-kop" {
            (csrf_field(ctx))
            div.field.has-error[scan_error.is_some()] {
                label for="scans" { (t(lang, "paper-scan-file")) }
                p.hint #scans-hint { (t(lang, "paper-scan-file-hint")) }
                @if let Some(e) = scan_error { p.error #scans-error { (e) } }
                input #scans type="file" name=(SCAN_FIELD) accept=".pdf,.tif,.tiff,.png,.jpg,.jpeg,application/pdf,image/tiff,image/png,image/jpeg"
                    aria-describedby=(if scan_error.is_some() { "scans-hint scans-error" } else { "scans-hint" })
                    aria-invalid=[scan_error.map(|_| "true")];
            }
            button type="submit" { (t(lang, "paper-scan-submit")) }
        }
        h2 #apart { (t_args(lang, "paper-quarantine-title", &[("n", &total)])) }
        @if kept.is_empty() {
            p { (t(lang, "paper-quarantine-none")) }
        } @else {
            p { (t(lang, "paper-quarantine-intro")) }
            table {
                caption.visually-hidden { (t_args(lang, "paper-quarantine-title", &[("n", &total)])) }
                thead { tr {
                    th scope="col" { (t(lang, "paper-col-form")) }
                    th scope="col" { (t(lang, "paper-col-row")) }
                    th scope="col" { (t(lang, "paper-col-problem")) }
                    th scope="col" { (t(lang, "followup-day")) }
                } }
                tbody {
                    @for k in kept {
                        tr {
                            td { a href={ (base) "/apart/" (k.id) } { (paging::short_text(lang, &super::correct::shown_form(lang, &k.form), 40)) } }
                            td { (k.line) }
                            td { ul {
                                @for p in k.problems.iter().take(SHOWN_PROBLEMS) { li { (super::correct::problem_markup(lang, p, LIST_CHARS)) } }
                                @if k.problems.len() > SHOWN_PROBLEMS {
                                    li { (t_count(lang, "paper-quarantine-more-problems", (k.problems.len() - SHOWN_PROBLEMS) as i64)) }
                                }
                            }
                            @if k.problems.iter().take(SHOWN_PROBLEMS).any(|p| super::correct::problem_is_long(p, LIST_CHARS)) {
                                a href={ (base) "/apart/" (k.id) "#gelezen" } { (t(lang, "paper-quarantine-full-text")) }
                            } }
                            td { (date_text(k.on)) }
                        }
                    }
                }
            }
            (paging::nav(lang, &data.page, |n| format!("{base}?pagina={n}#apart")))
        }
        @if !earlier.is_empty() {
            h2 { (t(lang, "paper-reports-title")) }
            ul {
                @for e in earlier {
                    li.dry-run[e.dry_run] {
                        a href={ (base) "/verslag/" (e.id) } { (e.file) } " (" (crate::fmt::local_time(e.at)) ")"
                        @if e.dry_run { " – " strong { (t(lang, "paper-reports-dry-run")) } }
                    }
                }
            }
        }
    }
}

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
            upload_markup(&ctx, &data, None, notice, None),
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
    let (job_id, job) = state.imports.start(id, file_name, format, size);
    let pool = state.pool.clone();
    let worker = job.clone();
    std::thread::spawn(move || {
        let outcome = match pool.get() {
            Ok(mut conn) => import_upload(&mut conn, &worker, file, format, options, user),
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

/// Runs one upload's import on its own thread; the validation report is stored for the pages.
fn import_upload(
    conn: &mut crate::db::DbConnection,
    job: &Job,
    file: tempfile::NamedTempFile,
    format: Format,
    options: Options,
    user: Option<i64>,
) -> Result<Outcome, AppError> {
    let id = job.wave_id;
    let wave = crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
    let def = crate::surveys::respond::definition(conn, wave.version_id)
        .map_err(|e| AppError::Internal(e.into()))?;
    let target = Target {
        wave: &wave,
        def: &def,
        format,
        mapping: None,
        today: crate::surveys::today(),
    };
    let mut report = import::report_csv_header();
    let mut not_stored = 0u64;
    let path = file.path().to_path_buf();
    let result = import::import(
        conn,
        &target,
        &mut || std::fs::File::open(&path).map(|f| progress::Counting::new(f, job.bytes.clone())),
        options,
        &mut |f| {
            // The report is stored in the database: past its limit, findings are counted only.
            let line = import::report_csv_line(f);
            if not_stored == 0 && report.len() + line.len() <= MAX_STORED_REPORT {
                report.push_str(&line);
            } else {
                not_stored += 1;
            }
        },
        &mut |rows| job.rows.store(rows, Ordering::Relaxed),
    );
    let summary = match result {
        Ok(s) => import::Summary {
            not_stored,
            format: Some(format_code(format).to_string()),
            ..s
        },
        Err(import::ImportError::Db(e)) => return Err(e.into()),
        Err(e) => return Ok(Err(e.to_string())),
    };
    let stored = serde_json::to_string(&summary).unwrap_or_default();
    diesel::insert_into(paper_reports::table)
        .values((
            paper_reports::wave_id.eq(id),
            paper_reports::created_by.eq(user),
            paper_reports::created_at.eq(crate::db::now()),
            paper_reports::file_name.eq(&job.file_name),
            paper_reports::summary.eq(&stored),
            paper_reports::report.eq(&report),
        ))
        .execute(conn)?;
    let report_id: i64 = paper_reports::table
        .filter(paper_reports::wave_id.eq(id))
        .order(paper_reports::id.desc())
        .select(paper_reports::id)
        .first(conn)?;
    crate::accounts::audit::record(
        conn,
        crate::accounts::audit::Actor::user_or_system(user),
        "paper.imported",
        "wave",
        Some(&id.to_string()),
        Some(&format!("verslag {report_id}")),
    )?;
    Ok(Ok(report_id))
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
    state.imports.remove(job_id);
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

/// The status line of a running import, in the page's language.
fn status_text(lang: Lang, job: &Job) -> (u32, String) {
    let (count, e) = job.estimate();
    let percent = (e.fraction * 100.0).floor() as u32;
    let rows = progress::grouped(count);
    let count = i64::try_from(count).unwrap_or(i64::MAX);
    let rate = progress::grouped(e.rate.round() as u64);
    let text = match e.left {
        Some(left) => t_nums(
            lang,
            "paper-progress-status",
            &[("count", count)],
            &[
                ("rows", &rows),
                ("rate", &rate),
                ("left", &progress::clock(left)),
            ],
        ),
        None => t_nums(
            lang,
            "paper-progress-status-start",
            &[("count", count)],
            &[("rows", &rows), ("rate", &rate)],
        ),
    };
    (percent, text)
}

/// Unknown import: finished and seen, or lost in a restart.
fn job_gone(ctx: &Ctx, id: i64) -> HttpResponse {
    page_response(
        StatusCode::NOT_FOUND,
        layout::page(
            ctx,
            &t(ctx.lang, "paper-progress-gone-title"),
            html! {
                p { (t(ctx.lang, "paper-progress-gone")) }
                p { a.tap href={ "/invoer/rondes/" (id) "/papier" } { (t(ctx.lang, "paper-upload-back")) } }
            },
        ),
    )
}

async fn progress_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<JobPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let lang = ctx.lang;
    let Some(job) = state.imports.get(p.id, &p.job) else {
        return Ok(job_gone(&ctx, p.id));
    };
    if let Some(outcome) = job.outcome() {
        return finished(&ctx, &state, p.id, &p.job, outcome, Some(job.format)).await;
    }
    let (percent, text) = status_text(lang, &job);
    let here = progress_path(p.id, &p.job);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "paper-progress-title", &[("file", &job.file_name)]),
            html! {
                div.progress data-status={ (here) "/stand" } {
                    label for="voortgang" { (t(lang, "paper-progress-label")) }
                    progress #voortgang max="100" value=(percent) { (percent) "%" }
                    p #voortgang-tekst { (text) }
                    p.visually-hidden #voortgang-melding role="status" aria-live="polite" {}
                }
                p { (t(lang, "paper-progress-leave")) }
                p { a.tap href=(here) { (t(lang, "paper-progress-refresh")) } }
                script src="/static/voortgang.js" defer {}
            },
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
    let job = state.imports.get(p.id, &p.job);
    let here = progress_path(p.id, &p.job);
    let body = match job {
        None => serde_json::json!({ "klaar": true, "naar": here }),
        Some(job) if job.outcome().is_some() => serde_json::json!({ "klaar": true, "naar": here }),
        Some(job) => {
            let (percent, text) = status_text(ctx.lang, &job);
            serde_json::json!({ "klaar": false, "procent": percent, "tekst": text })
        }
    };
    Ok(HttpResponse::Ok()
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .json(body))
}

const PROGRESS_JS: &str = include_str!("../../../static/voortgang.js");

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
            upload_markup(ctx, &data, Some((field, message)), None, chosen),
        ),
    ))
}

#[derive(Deserialize)]
struct PdfQuery {
    #[serde(default)]
    van: String,
    #[serde(default)]
    tot: String,
    #[serde(default)]
    taal: String,
}

/// The wave's paper forms `van`..=`tot` (at most 500 at a time) as a PDF made by the product,
/// with the geometry the scan reader reads back (stored once per questionnaire text and language).
async fn forms_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<PdfQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let range = match (q.van.trim().parse::<u64>(), q.tot.trim().parse::<u64>()) {
        (Ok(a), Ok(b)) if a >= 1 && a <= b && b <= 999_999 && b - a < 500 => Some((a, b)),
        _ => None,
    };
    let Some((from, to)) = range else {
        return refuse_field(
            &ctx,
            &state,
            id,
            "van",
            &t(ctx.lang, "paper-error-range"),
            None,
        )
        .await;
    };
    let print_lang = Lang::from_code(&q.taal).unwrap_or(Lang::Nl);
    let contact = state.config.contact.clone();
    let pdf = state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let def = crate::surveys::respond::definition(conn, wave.version_id)
                .map_err(|e| AppError::Internal(e.into()))?;
            super::form_pdf::print_wave(
                conn,
                &wave,
                &def,
                print_lang,
                &contact,
                (from, to),
                crate::surveys::today(),
            )
            .map_err(AppError::Internal)
        })
        .await?;
    Ok(HttpResponse::Ok()
        .content_type("application/pdf")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"formulieren-ronde-{id}-{from}-{to}.pdf\""),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(pdf))
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
    let upload = form.files.into_iter().find(|f| f.field == SCAN_FIELD);
    let refusal = match &upload {
        Some(f) if f.too_big => Some("paper-scan-error-size"),
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
            let outcome = store_upload(
                conn,
                &wave,
                &def,
                file.path(),
                &name,
                user,
                crate::surveys::today(),
            );
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

/// The text key of a rule: what it means, in every language.
pub fn rule_key(rule: Rule) -> &'static str {
    match rule {
        Rule::NoFormNumber => "paper-rule-no-form-number",
        Rule::OtherWave => "paper-rule-other-wave",
        Rule::OtherVersion => "paper-rule-other-version",
        Rule::OmrEmpty => "paper-rule-omr-empty",
        Rule::OmrInvalid => "paper-rule-omr-invalid",
        Rule::OmrUnrecognised => "paper-rule-omr-unrecognised",
        Rule::OmrUnverified => "paper-rule-omr-unverified",
        Rule::OmrReview => "paper-rule-omr-review",
        Rule::DoubleMark => "paper-rule-double-mark",
        Rule::OutOfRange => "paper-rule-out-of-range",
        Rule::NotABox => "paper-rule-not-a-box",
        Rule::TextNotTranscribed => "paper-rule-text-not-transcribed",
        Rule::InvalidAnswer => "paper-rule-invalid-answer",
        Rule::NotApplicable => "paper-rule-not-applicable",
        Rule::DuplicateInFile => "paper-rule-duplicate-in-file",
        Rule::AlreadyImported => "paper-rule-already-imported",
        Rule::LineTooLong => "paper-rule-line-too-long",
        Rule::UnknownColumn => "paper-rule-unknown-column",
    }
}

/// The text key of an action.
pub fn action_key(action: Action) -> &'static str {
    match action {
        Action::Imported => "paper-action-imported",
        Action::ItemLeftEmpty => "paper-action-item-left-empty",
        Action::Quarantined => "paper-action-quarantined",
        Action::SkippedDuplicate => "paper-action-skipped-duplicate",
        Action::SkippedEmpty => "paper-action-skipped-empty",
        Action::SkippedTooLong => "paper-action-skipped-too-long",
        Action::ColumnNotRead => "paper-action-column-not-read",
    }
}

/// A rule from its code in the report file.
fn rule_of(code: &str) -> Option<Rule> {
    serde_json::from_value(serde_json::Value::String(code.to_string())).ok()
}

#[derive(Deserialize)]
struct ReportPath {
    id: i64,
    report: i64,
}

diesel::define_sql_function! {
    /// `substr(text, start, length)`, the same in SQLite and PostgreSQL (characters from 1).
    fn substr(text: diesel::sql_types::Text, start: diesel::sql_types::Integer, length: diesel::sql_types::Integer) -> diesel::sql_types::Text;
}

/// Characters of a stored report read for its page: far more than the findings the page shows,
/// so a report of any size costs the page the same.
const REPORT_PAGE_CHARS: i32 = 2_000_000;

/// A report: file name, counts and its CSV text (whole for the download, only the start for the
/// page when `head_only`).
async fn load_report(
    state: &AppState,
    p: &ReportPath,
    head_only: bool,
) -> Result<(String, Summary, String), AppError> {
    let (id, report) = (p.id, p.report);
    let length = if head_only {
        REPORT_PAGE_CHARS
    } else {
        i32::MAX
    };
    state
        .db(move |conn| {
            let row: Option<(String, String, String)> = paper_reports::table
                .filter(paper_reports::id.eq(report))
                .filter(paper_reports::wave_id.eq(id))
                .select((
                    paper_reports::file_name,
                    paper_reports::summary,
                    substr(paper_reports::report, 1, length),
                ))
                .get_result(conn)
                .optional()?;
            let (file, summary, text) = row.ok_or(AppError::NotFound)?;
            let summary: Summary = serde_json::from_str(&summary).unwrap_or_default();
            Ok((file, summary, text))
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
    let (file, s, text) = load_report(&state, &p, true).await?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .filter_map(Result::ok)
        .take(SHOWN_FINDINGS)
        .collect();
    // A check stores nothing by design; otherwise nothing stored means all-or-nothing refused it.
    let refused = !s.dry_run && !s.written && (s.quarantined > 0 || s.too_long > 0);
    // The stored report is the CSV file as downloaded: cells are read back as they were before the
    // spreadsheet guard, and long values are shortened on screen.
    let cell = |r: &csv::StringRecord, i: usize| {
        crate::csv_safe::restore(r.get(i).unwrap_or("")).to_string()
    };
    let base = format!("/invoer/rondes/{}/papier", p.id);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "paper-report-title", &[("file", &file)]),
            html! {
                @if s.dry_run { p.notice.dry-run role="status" { strong { (t(lang, "paper-report-dry-run")) } } }
                @if let Some(scan) = &s.scan {
                    p.scans { (t_nums(lang, "paper-report-scans", &[
                        ("pages", scan.pages as i64), ("forms", scan.forms as i64),
                        ("settled", scan.settled as i64), ("pending", scan.pending as i64)], &[])) }
                    @if scan.pending > 0 {
                        p { a.tap href={ (base) "/controle" } { (t(lang, "paper-verify-link")) } }
                    }
                    @if !scan.problems.is_empty() {
                        p { (t(lang, "paper-report-scans-problems")) }
                        ul { @for problem in scan.problems.iter().take(SHOWN_PROBLEMS) { li lang="nl" { (paging::short_text(lang, problem, paging::SHOWN_CHARS)) } } }
                    }
                }
                p.lead { (t_nums(lang, "paper-report-summary", &[
                    ("rows", s.rows as i64), ("imported", s.imported as i64),
                    ("quarantined", s.quarantined as i64), ("duplicates", s.duplicates as i64),
                    ("empty", s.empty as i64)], &[])) }
                @if s.not_stored > 0 {
                    p { (t_args(lang, "paper-report-not-stored", &[("kept", &(s.findings - s.not_stored).to_string()), ("total", &s.findings.to_string())])) }
                }
                @if s.too_long > 0 { p { (t_count(lang, "paper-report-too-long", s.too_long as i64)) } }
                @if refused { p { (t(lang, "paper-report-refused")) } }
                (crate::web::download::form(lang, "verslag", &[(format!("{base}/verslag/{}/csv", p.report), t(lang, "paper-report-download"))]))
                @if rows.is_empty() {
                    p { (t(lang, "paper-report-none")) }
                } @else {
                    @if (s.findings as usize) > rows.len() {
                        p { (t_args(lang, "paper-report-more", &[("shown", &rows.len().to_string()), ("total", &s.findings.to_string())])) }
                    }
                    table {
                        caption.visually-hidden { (t_args(lang, "paper-report-title", &[("file", &file)])) }
                        thead { tr {
                            th scope="col" { (t(lang, "paper-col-row")) }
                            th scope="col" { (t(lang, "paper-col-form")) }
                            th scope="col" { (t(lang, "paper-col-column")) }
                            th scope="col" { (t(lang, "paper-col-problem")) }
                            th scope="col" { (t(lang, "paper-col-value")) }
                            th scope="col" { (t(lang, "paper-col-action")) }
                        } }
                        tbody {
                            @for r in &rows {
                                tr {
                                    td { (cell(r, 0)) }
                                    td { (paging::short_text(lang, &cell(r, 1), 40)) }
                                    td { (paging::short_text(lang, &cell(r, 2), 40)) }
                                    td {
                                        @if let Some(rule) = rule_of(&cell(r, 3)) { (t(lang, rule_key(rule))) " – " }
                                        span lang="nl" { (paging::short_text(lang, &cell(r, 4), paging::SHOWN_CHARS)) }
                                    }
                                    td { (paging::short_text(lang, &cell(r, 5), paging::SHOWN_CHARS)) }
                                    td {
                                        @match import::action_of(&cell(r, 6)) {
                                            Some(a) => (t(lang, action_key(a))),
                                            None => span lang="nl" { (paging::short_text(lang, &cell(r, 6), 40)) },
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                p { a.tap href=(base) { (t(lang, "paper-upload-back")) } }
            },
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
    let (_, _, text) = load_report(&state, &p, false).await?;
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
