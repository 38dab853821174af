//! Following a complaint with its tracking code, without an account: the status page shows the
//! stage, the next step and its date, never internal notes or names of staff. The page reads
//! through [`super::tracking_queries`] and renders with [`super::tracking_views`].

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use serde::Deserialize;

use super::public::TRACK_LIMIT;
use super::tracking_queries::status_by_hash;
use super::tracking_views;
use crate::accounts::ratelimit;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::AppState;

fn track_form(ctx: &Ctx, value: &str, error: Option<&str>, status: StatusCode) -> HttpResponse {
    page_response(status, tracking_views::track_form(ctx, value, error))
}

pub(super) async fn track_page(ctx: Ctx) -> HttpResponse {
    track_form(&ctx, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
pub(super) struct TrackForm {
    #[serde(default)]
    volgcode: String,
}

pub(super) async fn track(
    ctx: Ctx,
    req: HttpRequest,
    state: web::Data<AppState>,
    CsrfForm(f): CsrfForm<TrackForm>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let bare = match crate::codes::parse(&f.volgcode) {
        Ok(b) => b,
        Err(e) => {
            let msg = crate::codes::error_text(lang, e);
            return Ok(track_form(
                &ctx,
                &f.volgcode,
                Some(&msg),
                StatusCode::UNPROCESSABLE_ENTITY,
            ));
        }
    };
    let hash = crate::codes::hash(&bare);
    let bucket = crate::accounts::routes::address_bucket(&req, &state);
    let found = state
        .db(move |conn| {
            if !ratelimit::hit(conn, TRACK_LIMIT, &bucket, crate::db::now())? {
                return Err(AppError::TooManyRequests);
            }
            Ok(status_by_hash(conn, &hash)?)
        })
        .await?;
    let Some(s) = found else {
        return Ok(track_form(
            &ctx,
            &f.volgcode,
            Some(&t(lang, "complaint-track-unknown")),
            StatusCode::NOT_FOUND,
        ));
    };
    let mut r = page_response(StatusCode::OK, tracking_views::status_page(&ctx, &s));
    r.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(r)
}
