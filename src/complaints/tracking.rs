//! Following a complaint with its tracking code, without an account: the status page shows the
//! stage, the next step and its date, never internal notes or names of staff.

use actix_web::http::StatusCode;
use actix_web::{web, HttpRequest, HttpResponse};
use chrono::NaiveDate;
use diesel::prelude::*;
use maud::html;
use serde::Deserialize;

use super::public::TRACK_LIMIT;
use super::store;
use super::workflow::State;
use crate::accounts::ratelimit;
use crate::db::schema::{complaint_hearings, complaint_progress, complaints};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::AppState;

fn track_form(ctx: &Ctx, value: &str, error: Option<&str>, status: StatusCode) -> HttpResponse {
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error
        .map(|e| ("volgcode", e.to_string()))
        .into_iter()
        .collect();
    page_response(
        status,
        layout::page(
            ctx,
            &t(lang, "complaint-track-title"),
            html! {
                (error_summary(ctx, &errors))
                p { (t(lang, "complaint-track-intro")) }
                form method="post" action="/klacht/volgen" novalidate {
                    (csrf_field(ctx))
                    (layout::text_field("volgcode", &t(lang, "complaint-track-code"), "text", value, Some(&t(lang, "complaint-track-code-hint")), error, "off"))
                    button type="submit" { (t(lang, "complaint-track-submit")) }
                }
            },
        ),
    )
}

pub(super) async fn track_page(ctx: Ctx) -> HttpResponse {
    track_form(&ctx, "", None, StatusCode::OK)
}

#[derive(Deserialize)]
pub(super) struct TrackForm {
    #[serde(default)]
    volgcode: String,
}

/// What the status page shows: nothing internal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// Case number.
    pub case: String,
    /// Received on.
    pub received: NaiveDate,
    /// Where it is.
    pub state: State,
    /// Legal deadline.
    pub deadline: NaiveDate,
    /// Mediation first-contact target.
    pub mediation_target: Option<NaiveDate>,
    /// The hearing, when planned.
    pub hearing: Option<chrono::NaiveDateTime>,
    /// When it ended.
    pub closed: Option<NaiveDate>,
}

/// The next step in plain words, with its date where there is one.
pub fn next_step(lang: Lang, s: &Status) -> String {
    let d = |d: NaiveDate| crate::fmt::date_text(d);
    match s.state {
        State::Received => t_args(lang, "complaint-next-received", &[("date", &d(s.deadline))]),
        State::Mediation => match s.mediation_target {
            Some(target) => t_args(
                lang,
                "complaint-next-mediation",
                &[("date", &d(target)), ("deadline", &d(s.deadline))],
            ),
            None => t_args(lang, "complaint-next-received", &[("date", &d(s.deadline))]),
        },
        State::FormalHandling => t_args(lang, "complaint-next-formal", &[("date", &d(s.deadline))]),
        State::HearingPlanned => match s.hearing {
            Some(at) => t_args(
                lang,
                "complaint-next-hearing",
                &[
                    ("date", &d(at.date())),
                    ("time", &at.format("%H:%M").to_string()),
                    ("deadline", &d(s.deadline)),
                ],
            ),
            None => t_args(lang, "complaint-next-formal", &[("date", &d(s.deadline))]),
        },
        State::Heard | State::Advised => {
            t_args(lang, "complaint-next-decision", &[("date", &d(s.deadline))])
        }
        State::Decided | State::Closed => t(lang, "complaint-next-decided"),
        State::ResolvedInformally => t(lang, "complaint-next-resolved"),
        State::Referred => t(lang, "complaint-next-referred"),
        State::NotHandled => t(lang, "complaint-next-not-handled"),
        State::Withdrawn => t(lang, "complaint-next-withdrawn"),
        State::WithOmbudsman => t(lang, "complaint-next-ombudsman"),
    }
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
            let row: Option<(i64, NaiveDate, State, NaiveDate)> = complaints::table
                .filter(complaints::tracking_hash.eq(&hash))
                .select((
                    complaints::id,
                    complaints::received_on,
                    complaints::state,
                    complaints::deadline_on,
                ))
                .get_result(conn)
                .optional()?;
            let Some((id, received, state, deadline)) = row else {
                return Ok(None);
            };
            let (target, closed): (Option<NaiveDate>, Option<NaiveDate>) =
                complaint_progress::table
                    .find(id)
                    .select((
                        complaint_progress::mediation_target,
                        complaint_progress::closed_on,
                    ))
                    .get_result(conn)?;
            let hearing: Option<chrono::NaiveDateTime> = complaint_hearings::table
                .filter(complaint_hearings::complaint_id.eq(id))
                .filter(complaint_hearings::skipped_ground.is_null())
                .order(complaint_hearings::id.desc())
                .select(complaint_hearings::planned_at)
                .first(conn)
                .optional()?;
            Ok(Some(Status {
                case: store::case_number_of(received, id),
                received,
                state,
                deadline,
                mediation_target: target,
                hearing,
                closed,
            }))
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
    let d = crate::fmt::date_text;
    let mut r = page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "complaint-status-title", &[("case", &s.case)]),
            html! {
                dl.status {
                    dt { (t(lang, "complaint-status-received")) } dd { (d(s.received)) }
                    dt { (t(lang, "complaint-status-stage")) } dd { strong { (t(lang, &format!("complaint-stage-{}", s.state.code()))) } }
                    dt { (t(lang, "complaint-status-next")) } dd { (next_step(lang, &s)) }
                    @if s.state.deadline_runs() {
                        dt { (t(lang, "complaint-status-deadline")) } dd { (d(s.deadline)) }
                    }
                    @if let Some(c) = s.closed {
                        dt { (t(lang, "complaint-status-closed")) } dd { (d(c)) }
                    }
                }
                p { (t(lang, "complaint-status-questions")) }
                (crate::web::contact::contact_line(&ctx))
                p { (t(lang, "complaint-no-effect")) }
            },
        ),
    );
    r.headers_mut().insert(
        actix_web::http::header::CACHE_CONTROL,
        actix_web::http::header::HeaderValue::from_static("no-store"),
    );
    Ok(r)
}
