//! The paper import in the browser, for the `invoerder`: upload the scanner's CSV (streamed to a
//! temporary file, so its size does not matter to memory), see the validation report as a page and
//! download it as CSV, and see which sheets are kept aside.

use actix_multipart::Multipart;
use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use diesel::prelude::*;
use futures_util::StreamExt;
use maud::{html, Markup};
use serde::Deserialize;
use std::io::Write;

use super::import::{self, Options, Summary, Target};
use super::sheet::{Finding, Format};
use crate::accounts::model::Role;
use crate::db::schema::{paper_quarantine, paper_reports};
use crate::surveys::respondent::date_text;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ENTRY: Access = Access::Roles(&[Role::Invoerder]);
/// Largest upload.
const MAX_UPLOAD_BYTES: usize = 500 * 1024 * 1024;
/// Findings shown on the report page (the download has them all).
const SHOWN_FINDINGS: usize = 500;

/// Routes of the paper import pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/invoer/rondes/{id}/papier", ENTRY)
            .get(upload_page)
            .post(upload),
        RouteDef::new("/invoer/rondes/{id}/papier/verslag/{report}", ENTRY).get(report_page),
        RouteDef::new("/invoer/rondes/{id}/papier/verslag/{report}/csv", ENTRY).get(report_csv),
    ]
}

/// A quarantined sheet as listed.
struct Kept {
    form: String,
    line: i64,
    problems: Vec<Finding>,
    on: chrono::NaiveDate,
}

/// Reports made earlier: (id, file, when).
type Earlier = Vec<(i64, String, chrono::NaiveDateTime)>;

async fn page_data(
    state: &AppState,
    id: i64,
) -> Result<(crate::surveys::waves::Wave, Vec<Kept>, Earlier), AppError> {
    state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let rows: Vec<(String, i64, String, chrono::NaiveDate)> = paper_quarantine::table
                .filter(paper_quarantine::wave_id.eq(id))
                .order(paper_quarantine::line)
                .select((
                    paper_quarantine::form_id,
                    paper_quarantine::line,
                    paper_quarantine::problems,
                    paper_quarantine::created_on,
                ))
                .load(conn)?;
            let kept = rows
                .into_iter()
                .map(|(form, line, problems, on)| Kept {
                    form,
                    line,
                    problems: serde_json::from_str(&problems).unwrap_or_default(),
                    on,
                })
                .collect();
            let earlier = paper_reports::table
                .filter(paper_reports::wave_id.eq(id))
                .order(paper_reports::id.desc())
                .limit(20)
                .select((
                    paper_reports::id,
                    paper_reports::file_name,
                    paper_reports::created_at,
                ))
                .load(conn)?;
            Ok((wave, kept, earlier))
        })
        .await
}

fn upload_markup(
    ctx: &Ctx,
    wave: &crate::surveys::waves::Wave,
    kept: &[Kept],
    earlier: &Earlier,
    error: Option<&str>,
) -> Markup {
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error
        .map(|e| ("bestand", e.to_string()))
        .into_iter()
        .collect();
    let base = format!("/invoer/rondes/{}/papier", wave.id);
    html! {
        (error_summary(ctx, &errors))
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
                div.choice { input #vorm type="radio" name="vorm" value="sdaps" checked; label for="vorm" { (t(lang, "paper-upload-format-sdaps")) } }
                div.choice { input #vorm-generic type="radio" name="vorm" value="generic"; label for="vorm-generic" { (t(lang, "paper-upload-format-generic")) } }
            }
            div.choice { input #proef type="checkbox" name="proef" value="ja"; label for="proef" { (t(lang, "paper-upload-dry-run")) } }
            div.choice { input #alles type="checkbox" name="alles" value="ja"; label for="alles" { (t(lang, "paper-upload-all")) } }
            button type="submit" { (t(lang, "paper-upload-submit")) }
        }
        h2 { (t_args(lang, "paper-quarantine-title", &[("n", &kept.len().to_string())])) }
        @if kept.is_empty() {
            p { (t(lang, "paper-quarantine-none")) }
        } @else {
            p { (t(lang, "paper-quarantine-intro")) }
            table {
                caption.visually-hidden { (t_args(lang, "paper-quarantine-title", &[("n", &kept.len().to_string())])) }
                thead { tr {
                    th scope="col" { (t(lang, "paper-col-form")) }
                    th scope="col" { (t(lang, "paper-col-row")) }
                    th scope="col" { (t(lang, "paper-col-problem")) }
                    th scope="col" { (t(lang, "followup-day")) }
                } }
                tbody {
                    @for k in kept {
                        tr {
                            td { (k.form) }
                            td { (k.line) }
                            td { ul { @for p in &k.problems { li { @if !p.column.is_empty() { (p.column) ": " } (p.detail) @if !p.value.is_empty() { " (" (p.value) ")" } } } } }
                            td { (date_text(k.on)) }
                        }
                    }
                }
            }
        }
        @if !earlier.is_empty() {
            h2 { (t(lang, "paper-reports-title")) }
            ul {
                @for (id, file, at) in earlier {
                    li { a href={ (base) "/verslag/" (id) } { (file) } " (" (at.format("%d-%m-%Y %H:%M")) " UTC)" }
                }
            }
        }
    }
}

async fn upload_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (wave, kept, earlier) = page_data(&state, path.into_inner()).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(ctx.lang, "paper-upload-title", &[("wave", &wave.name)]),
            upload_markup(&ctx, &wave, &kept, &earlier, None),
        ),
    ))
}

/// What the upload form sent.
#[derive(Default)]
struct Upload {
    csrf: String,
    format: String,
    dry_run: bool,
    all_or_nothing: bool,
    file_name: String,
    file: Option<tempfile::NamedTempFile>,
    bytes: usize,
    too_big: bool,
}

async fn read_upload(mut payload: Multipart) -> Result<Upload, AppError> {
    let mut up = Upload::default();
    while let Some(field) = payload.next().await {
        let mut field = field.map_err(|_| AppError::BadRequest("form-error-fields"))?;
        let name = field.name().unwrap_or("").to_string();
        if name == "bestand" {
            up.file_name = field
                .content_disposition()
                .and_then(|d| d.get_filename())
                .map(|f| f.chars().filter(|c| !c.is_control()).take(200).collect())
                .unwrap_or_default();
            let mut tmp =
                tempfile::NamedTempFile::new().map_err(|e| AppError::Internal(e.into()))?;
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|_| AppError::BadRequest("form-error-fields"))?;
                up.bytes += chunk.len();
                if up.bytes > MAX_UPLOAD_BYTES {
                    up.too_big = true;
                    continue; // read to the end, store nothing more
                }
                tmp.write_all(&chunk)
                    .map_err(|e| AppError::Internal(e.into()))?;
            }
            up.file = Some(tmp);
        } else {
            let mut value = Vec::new();
            while let Some(chunk) = field.next().await {
                let chunk = chunk.map_err(|_| AppError::BadRequest("form-error-fields"))?;
                if value.len() + chunk.len() > 1024 {
                    return Err(AppError::BadRequest("form-error-fields"));
                }
                value.extend_from_slice(&chunk);
            }
            let value = String::from_utf8_lossy(&value).to_string();
            match name.as_str() {
                "csrf" => up.csrf = value,
                "vorm" => up.format = value,
                "proef" => up.dry_run = value == "ja",
                "alles" => up.all_or_nothing = value == "ja",
                _ => {}
            }
        }
    }
    Ok(up)
}

async fn upload(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    mut payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let multipart = req
        .headers()
        .get(actix_web::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        // Not a file upload: refuse it, as a forgery when its token is wrong.
        let mut body = web::BytesMut::new();
        while let Some(chunk) = payload.next().await {
            let chunk = chunk.map_err(|_| AppError::BadRequest("form-error-fields"))?;
            if body.len() + chunk.len() > crate::web::csrf::MAX_FORM_BYTES {
                return Err(AppError::BadRequest("form-error-fields"));
            }
            body.extend_from_slice(&chunk);
        }
        #[derive(Deserialize)]
        struct Token {
            #[serde(default)]
            csrf: String,
        }
        let token: Token = serde_html_form::from_bytes(&body).map_err(|_| AppError::Csrf)?;
        crate::web::csrf::check_token(&req, &token.csrf)?;
        return Err(AppError::BadRequest("form-error-fields"));
    }
    let up = read_upload(Multipart::new(req.headers(), payload)).await?;
    crate::web::csrf::check_token(&req, &up.csrf)?;
    let problem = if up.too_big {
        Some(t(lang, "paper-upload-error-size"))
    } else if up.file.is_none() || up.bytes == 0 {
        Some(t(lang, "paper-upload-error-file"))
    } else {
        None
    };
    if let Some(message) = problem {
        return refuse(&ctx, &state, id, &message).await;
    }
    let Some(file) = up.file else {
        return Err(AppError::BadRequest("form-error-fields"));
    };
    let format = if up.format == "generic" {
        Format::Generic
    } else {
        Format::Sdaps
    };
    let options = Options {
        dry_run: up.dry_run,
        all_or_nothing: up.all_or_nothing,
        ..Default::default()
    };
    let user = ctx.user.as_ref().map(|u| u.id);
    let file_name = if up.file_name.is_empty() {
        "upload.csv".to_string()
    } else {
        up.file_name.clone()
    };
    let outcome = state
        .db(move |conn| {
            let (wave, def) = {
                let wave =
                    crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
                let def = crate::surveys::respond::definition(conn, wave.version_id)
                    .map_err(|e| AppError::Internal(e.into()))?;
                (wave, def)
            };
            let target = Target {
                wave: &wave,
                def: &def,
                format,
                mapping: None,
                today: crate::surveys::today(),
            };
            let mut report = String::from(import::report_csv_header());
            let path = file.path().to_path_buf();
            let result = import::import(
                conn,
                &target,
                &mut || std::fs::File::open(&path),
                options,
                &mut |f| report.push_str(&import::report_csv_line(f)),
                &mut |_| {},
            );
            let summary = match result {
                Ok(s) => s,
                Err(import::ImportError::Db(e)) => return Err(e.into()),
                Err(e) => return Ok(Err(e.to_string())),
            };
            let stored = serde_json::to_string(&summary).unwrap_or_default();
            diesel::insert_into(paper_reports::table)
                .values((
                    paper_reports::wave_id.eq(id),
                    paper_reports::created_by.eq(user),
                    paper_reports::created_at.eq(crate::db::now()),
                    paper_reports::file_name.eq(&file_name),
                    paper_reports::summary.eq(&stored),
                    paper_reports::report.eq(&report),
                ))
                .execute(conn)?;
            let report_id: i64 = paper_reports::table
                .filter(paper_reports::wave_id.eq(id))
                .order(paper_reports::id.desc())
                .select(paper_reports::id)
                .first(conn)?;
            Ok(Ok(report_id))
        })
        .await?;
    match outcome {
        Ok(report_id) => Ok(see_other(&format!(
            "/invoer/rondes/{id}/papier/verslag/{report_id}"
        ))),
        // The file could not be read at all; the message says why (in Dutch, from the importer).
        Err(message) => refuse(&ctx, &state, id, &message).await,
    }
}

/// The upload page again, with what to fix.
async fn refuse(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    message: &str,
) -> Result<HttpResponse, AppError> {
    let (wave, kept, earlier) = page_data(state, id).await?;
    Ok(page_response(
        StatusCode::UNPROCESSABLE_ENTITY,
        layout::page(
            ctx,
            &t_args(ctx.lang, "paper-upload-title", &[("wave", &wave.name)]),
            upload_markup(ctx, &wave, &kept, &earlier, Some(message)),
        ),
    ))
}

#[derive(Deserialize)]
struct ReportPath {
    id: i64,
    report: i64,
}

async fn load_report(
    state: &AppState,
    p: &ReportPath,
) -> Result<(String, Summary, String), AppError> {
    let (id, report) = (p.id, p.report);
    state
        .db(move |conn| {
            let row: Option<(String, String, String)> = paper_reports::table
                .filter(paper_reports::id.eq(report))
                .filter(paper_reports::wave_id.eq(id))
                .select((
                    paper_reports::file_name,
                    paper_reports::summary,
                    paper_reports::report,
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
    let (file, s, text) = load_report(&state, &p).await?;
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader
        .records()
        .filter_map(Result::ok)
        .take(SHOWN_FINDINGS)
        .collect();
    // A check stores nothing by design; otherwise nothing stored means all-or-nothing refused it.
    let refused = !s.dry_run && !s.written && s.quarantined > 0;
    let base = format!("/invoer/rondes/{}/papier", p.id);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "paper-report-title", &[("file", &file)]),
            html! {
                p.lead { (t_args(lang, "paper-report-summary", &[
                    ("rows", &s.rows.to_string()), ("imported", &s.imported.to_string()),
                    ("quarantined", &s.quarantined.to_string()), ("duplicates", &s.duplicates.to_string()),
                    ("empty", &s.empty.to_string())])) }
                @if s.dry_run { p { (t(lang, "paper-report-dry-run")) } }
                @if refused { p { (t(lang, "paper-report-refused")) } }
                p { a.tap href={ (base) "/verslag/" (p.report) "/csv" } { (t(lang, "paper-report-download")) } }
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
                                    td { (r.get(0).unwrap_or("")) }
                                    td { (r.get(1).unwrap_or("")) }
                                    td { (r.get(2).unwrap_or("")) }
                                    td { (r.get(4).unwrap_or("")) }
                                    td { (r.get(5).unwrap_or("")) }
                                    td { (r.get(6).unwrap_or("")) }
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
    state: web::Data<AppState>,
    path: web::Path<ReportPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (_, _, text) = load_report(&state, &p).await?;
    Ok(HttpResponse::Ok()
        .content_type("text/csv; charset=utf-8")
        .insert_header((
            actix_web::http::header::CONTENT_DISPOSITION,
            format!("attachment; filename=\"verslag-{}.csv\"", p.report),
        ))
        .insert_header((actix_web::http::header::CACHE_CONTROL, "no-store"))
        .body(text))
}
