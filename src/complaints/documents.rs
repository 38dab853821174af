//! Documents of a case: adding one (any complaint role that may see the case) and downloading
//! one, each checked by [`access::check`] and logged.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::access::CaseAction;
use super::case_pages::{change, render_case};
use super::case_service::gate_or_refuse;
use super::queries;
use super::staff::user;
use super::store::{self, StepError};
use crate::accounts::audit::{self, Actor};
use crate::web::context::Ctx;
use crate::web::errors::AppError;
use crate::web::i18n::t_args;
use crate::web::AppState;

/// Adds a document to a case: any complaint role that may see the case (the committee its minutes,
/// the handler a mediation note, the coordinator a scanned letter). One file, checked like the
/// complainant's.
pub(super) async fn document_add(
    ctx: Ctx,
    req: actix_web::HttpRequest,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    payload: web::Payload,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let max_file = state.config.complaints.max_attachment_bytes;
    let limits = crate::web::multipart::Limits {
        files: 1,
        ..super::public::upload_limits(max_file)
    };
    // The token first, then whether this person may add to this case, and only then the file.
    let upload = crate::web::multipart::open(&req, payload, limits).await?;
    let u = user(&ctx)?;
    state
        .db(move |conn| gate_or_refuse(conn, id, &u, CaseAction::AddDocument).map(|_| ()))
        .await?;
    let form = upload.read().await?;
    let sent = super::public::sent(&form.files);
    let problems = if sent.is_empty() {
        vec![("stuk", "case-document-missing", vec![])]
    } else if form.extra_files > 0 {
        vec![(
            "stuk",
            "upload-error-too-many-files",
            vec![("n", "1".to_string())],
        )]
    } else {
        super::public::check_files(&sent, max_file)
    };
    if let Some((_, key, args)) = problems.first() {
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let text = t_args(ctx.lang, key, &args);
        return render_case(
            &ctx,
            &state,
            id,
            Some(text),
            None,
            StatusCode::UNPROCESSABLE_ENTITY,
            None,
        )
        .await;
    }
    let files = form.files;
    let document = web::block(move || super::public::attachments(&files))
        .await
        .map_err(|e| AppError::Internal(anyhow::anyhow!("blocking task failed: {e}")))??
        .into_iter()
        .next()
        .ok_or(AppError::BadRequest("form-error-fields"))?;
    change(
        ctx,
        state,
        id,
        CaseAction::AddDocument,
        "case-notice-document",
        None,
        move |conn, _, u, _| store::add_document(conn, id, u.id, &document).map_err(StepError::Db),
    )
    .await
}

#[derive(Deserialize)]
pub(super) struct AttachmentPath {
    id: i64,
    attachment: i64,
}

pub(super) async fn attachment(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<AttachmentPath>,
) -> Result<HttpResponse, AppError> {
    let u = user(&ctx)?;
    let p = path.into_inner();
    let (id, att) = (p.id, p.attachment);
    let (name, data) = state
        .db(move |conn| {
            gate_or_refuse(conn, id, &u, CaseAction::DownloadDocument)?;
            let row = queries::attachment(conn, id, att)?;
            let row = row.ok_or(AppError::NotFound)?;
            // Logged before the file goes out: who downloaded which document of which case.
            audit::record(
                conn,
                Actor::User(u.id),
                "complaint.document_downloaded",
                "complaint",
                Some(&id.to_string()),
                Some(&format!("bijlage {att}")),
            )?;
            Ok(row)
        })
        .await?;
    // Never inline: typed by its content, as a download with a safe name.
    Ok(crate::web::filetype::download(&name, data))
}
