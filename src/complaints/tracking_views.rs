//! The public pages for following a complaint with its tracking code: the form that asks for the
//! code and the status page (stage, next step and its date).

use chrono::NaiveDate;
use maud::{html, Markup};

use super::tracking_queries::Status;
use super::workflow::State;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};

/// The form that asks for the tracking code, with `value` as typed and what to fix.
pub fn track_form(ctx: &Ctx, value: &str, error: Option<&str>) -> Markup {
    let lang = ctx.lang;
    let errors: Vec<(&str, String)> = error
        .map(|e| ("volgcode", e.to_string()))
        .into_iter()
        .collect();
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
    )
}

/// The next step in plain words, with its date where there is one. A complaint left without a
/// way to reach the complainant is counted, not handled: it promises no answer and no date (as
/// its receipt said).
pub fn next_step(lang: Lang, s: &Status) -> String {
    let d = |d: NaiveDate| crate::fmt::date_text(d);
    if s.anonymous && !s.state.is_final() {
        return t(lang, "complaint-received-anonymous");
    }
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

/// The status page of one complaint: nothing internal.
pub fn status_page(ctx: &Ctx, s: &Status) -> Markup {
    let lang = ctx.lang;
    let d = crate::fmt::date_text;
    layout::page(
        ctx,
        &t_args(lang, "complaint-status-title", &[("case", &s.case)]),
        html! {
            dl.status {
                dt { (t(lang, "complaint-status-received")) } dd { (d(s.received)) }
                dt { (t(lang, "complaint-status-stage")) } dd { strong { (t(lang, &format!("complaint-stage-{}", s.state.code()))) } }
                dt { (t(lang, "complaint-status-next")) } dd { (next_step(lang, s)) }
                @if s.state.deadline_runs() && !s.anonymous {
                    dt { (t(lang, "complaint-status-deadline")) } dd { (d(s.deadline)) }
                }
                @if let Some(c) = s.closed {
                    dt { (t(lang, "complaint-status-closed")) } dd { (d(c)) }
                }
            }
            p { (t(lang, "complaint-status-questions")) }
            (crate::web::contact::contact_line(ctx))
            p { (t(lang, "complaint-no-effect")) }
        },
    )
}
