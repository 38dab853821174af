//! The case page and the changes made from it: each handler parses its form into a typed value,
//! checks access ([`access::check`]) and runs the service in one transaction, then shows the case
//! again with a notice, or with what to fix and the form as it was typed.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::NaiveDate;
use serde::Deserialize;

use super::access::{self, CaseAction, Denied};
use super::case_service::{self, gate, Refused};
use super::case_views::{self, Refill};
use super::invalid::Invalid;
use super::model::Norms;
use super::staff::user;
use super::store::{self, date_text, Classification, Mediation, StepError};
use super::terms::{Judgement, Kind};
use super::workflow;
use crate::accounts::model::CurrentUser;
use crate::db::DbConnection;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;
use crate::web::{see_other, AppState};

#[derive(Deserialize)]
pub(super) struct Notice {
    melding: Option<String>,
}

const NOTICES: [&str; 8] = [
    "case-notice-registered",
    "case-notice-step",
    "case-notice-saved",
    "case-notice-element",
    "case-notice-followup",
    "case-notice-consent",
    "case-notice-decision",
    "case-notice-document",
];

/// Shows the case page: with a notice, or with what to fix and the refused form as it was typed.
pub(super) async fn render_case(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    error: Option<String>,
    notice: Option<&str>,
    status: StatusCode,
    refill: Option<Refill>,
) -> Result<HttpResponse, AppError> {
    let u = user(ctx)?;
    let u2 = u.clone();
    let k = state
        .db(move |conn| case_service::open_case(conn, id, &u2))
        .await?;
    let title = t_args(
        ctx.lang,
        "case-title",
        &[("case", &store::case_number(&k.c))],
    );
    Ok(page_response(
        status,
        layout::page(
            ctx,
            &title,
            case_views::case_markup(
                ctx,
                &k,
                &u,
                case_views::Shown {
                    error: error.as_deref(),
                    notice,
                    refill: refill.as_ref(),
                },
            ),
        ),
    ))
}

pub(super) async fn case_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<Notice>,
) -> Result<HttpResponse, AppError> {
    let notice = NOTICES
        .into_iter()
        .find(|k| q.melding.as_deref() == Some(*k));
    render_case(
        &ctx,
        &state,
        path.into_inner(),
        None,
        notice,
        StatusCode::OK,
        None,
    )
    .await
}

/// The message for a refused step, in the page language.
pub(super) fn step_error_text(lang: Lang, e: &StepError) -> String {
    match e {
        StepError::Refused(r) => t(lang, &format!("refusal-{}", refusal_code(*r))),
        StepError::Invalid(what) => t(lang, what.key()),
        StepError::HeldBeforePlanned(d) => {
            t_args(lang, "case-error-held-early", &[("date", &date_text(*d))])
        }
        StepError::LetterChanged => t(lang, "decision-error-changed"),
        StepError::DecideOnItsPage => t(lang, "decision-error-own-page"),
        StepError::NotFound => t(lang, "error-404-title"),
        StepError::Db(_) => t(lang, "error-500-title"),
    }
}

/// The text key of a refusal.
pub fn refusal_code(r: workflow::Refusal) -> &'static str {
    use workflow::Refusal as R;
    match r {
        R::NotFromThisState => "state",
        R::RoleNotAllowed => "role",
        R::ReasonRequired => "reason",
        R::NoContact => "no-contact",
        R::FeedbackMissing => "feedback",
        R::NotSatisfied => "not-satisfied",
        R::PersonNotInformed => "not-informed",
        R::HearingIncomplete => "hearing",
        R::AdviceMissing => "advice",
        R::ElementsNotJudged => "elements",
        R::AlreadyPostponed => "postponed",
        R::AlreadyDone => "already-done",
        R::NoCommittee => "no-committee",
    }
}

/// Runs a change on a case when [`access::check`] allows `action` to this user on this case in its
/// present state; the check and the change are one transaction. Then shows the case again: with a
/// notice, or with what to fix. A refusal is logged; nothing changes.
pub(super) async fn change<F>(
    ctx: Ctx,
    state: web::Data<AppState>,
    id: i64,
    action: CaseAction,
    notice: &'static str,
    refill: Option<Refill>,
    f: F,
) -> Result<HttpResponse, AppError>
where
    F: FnOnce(
            &mut DbConnection,
            &store::Env<'_>,
            &CurrentUser,
            &access::Case,
        ) -> Result<(), StepError>
        + Send
        + 'static,
{
    let u = user(&ctx)?;
    let setup = state.part::<crate::complaints::Setup>()?;
    let result = state
        .db(move |conn| {
            let outcome = crate::db::write_tx(conn, |c| {
                Ok::<_, AppError>(match gate(c, id, &u, action)? {
                    Ok((_, subject)) => {
                        let env = setup.env();
                        Ok(f(c, &env, &u, &subject))
                    }
                    Err(refused) => Err(refused),
                })
            })?;
            // The refusal is written after the transaction, which changed nothing.
            if let Err(refused) = outcome {
                if refused.is_access() {
                    refused.record(conn, &u)?;
                }
            }
            Ok(outcome)
        })
        .await?;
    let result = match result {
        Ok(r) => r,
        // A step or change that this person could take, but not in this state: they are told so.
        Err(Refused {
            why: Denied::WrongState,
            ..
        }) => Err(StepError::Refused(workflow::Refusal::NotFromThisState)),
        Err(refused) => return Err(refused.error()),
    };
    match result {
        Ok(()) => Ok(see_other(&format!("/klachten/{id}?melding={notice}"))),
        Err(StepError::Db(e)) => Err(e.into()),
        Err(StepError::NotFound) => Err(AppError::NotFound),
        Err(StepError::Refused(workflow::Refusal::RoleNotAllowed)) => Err(AppError::Forbidden),
        Err(e) => {
            let text = step_error_text(ctx.lang, &e);
            render_case(
                &ctx,
                &state,
                id,
                Some(text),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
                refill,
            )
            .await
        }
    }
}

pub(super) fn date_field(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}

pub(super) fn all(fields: &[(String, String)], name: &str) -> Vec<String> {
    fields
        .iter()
        .filter(|(k, _)| k == name)
        .map(|(_, v)| v.clone())
        .collect()
}

pub(super) fn one(fields: &[(String, String)], name: &str) -> String {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default()
}

pub(super) async fn classify_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let kind = Kind::parse(&one(&fields, "soort"));
    let k = kind.map(|kind| Classification {
        kind,
        about_decision: one(&fields, "besluit") == "ja",
        team: Some(one(&fields, "team")),
        person_complained: Some(one(&fields, "medewerker")),
        norms: Norms::chosen(&all(&fields, "norm")),
        committee: one(&fields, "commissie") == "ja",
        categories: all(&fields, "categorie")
            .iter()
            .filter_map(|c| c.parse().ok())
            .collect(),
        handler_id: one(&fields, "behandelaar").parse().ok(),
    });
    change(
        ctx,
        state,
        id,
        CaseAction::Classify,
        "case-notice-saved",
        Some(Refill::new("indeling", &fields)),
        move |conn, env, u, _| {
            let k = k.ok_or(StepError::Invalid(Invalid::Kind))?;
            store::classify(conn, env, id, u.id, &k)
        },
    )
    .await
}

pub(super) async fn mediation_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let m = Mediation {
        contact_on: date_field(&one(&fields, "contact")),
        feedback: Some(one(&fields, "terugkoppeling")),
        satisfied: match one(&fields, "tevreden").as_str() {
            "ja" => Some(true),
            "nee" => Some(false),
            _ => None,
        },
    };
    change(
        ctx,
        state,
        id,
        CaseAction::RecordMediation,
        "case-notice-saved",
        Some(Refill::new("bemiddeling", &fields)),
        move |conn, _, u, _| store::record_mediation(conn, id, u.id, &m, crate::fmt::today()),
    )
    .await
}

pub(super) async fn element_add(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let text = one(&fields, "onderdeel");
    change(
        ctx,
        state,
        id,
        CaseAction::AddElement,
        "case-notice-element",
        Some(Refill::new("onderdeel-nieuw", &fields)),
        move |conn, _, u, _| {
            if text.is_empty() {
                return Err(StepError::Invalid(Invalid::ElementEmpty));
            }
            Ok(store::add_element(conn, id, u.id, &text)?)
        },
    )
    .await
}

#[derive(Deserialize)]
pub(super) struct ElementPath {
    id: i64,
    element: i64,
}

pub(super) async fn element_judge(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<ElementPath>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (id, element) = (p.id, p.element);
    let judgement = Judgement::parse(&one(&fields, "oordeel"));
    let norms = Norms::chosen(&all(&fields, &format!("norm-{element}")));
    let conclusion = one(&fields, "conclusie");
    change(
        ctx,
        state,
        id,
        CaseAction::JudgeElement,
        "case-notice-element",
        Some(Refill::new(&format!("onderdeel-{element}"), &fields)),
        move |conn, _, u, _| {
            let judgement = judgement.ok_or(StepError::Invalid(Invalid::Judgement))?;
            store::judge_element(
                conn,
                id,
                element,
                u.id,
                judgement,
                &norms,
                Some(&conclusion),
            )
        },
    )
    .await
}

pub(super) async fn followup_add(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (what, owner, due) = (
        one(&fields, "actie"),
        one(&fields, "eigenaar"),
        date_field(&one(&fields, "voor")),
    );
    change(
        ctx,
        state,
        id,
        CaseAction::AddFollowup,
        "case-notice-followup",
        Some(Refill::new("actie-nieuw", &fields)),
        move |conn, _, u, _| {
            let due = due.ok_or(StepError::Invalid(Invalid::FollowupDue))?;
            store::add_followup(conn, id, u.id, &what, &owner, due)
        },
    )
    .await
}

#[derive(Deserialize)]
pub(super) struct FollowupPath {
    id: i64,
    followup: i64,
}

pub(super) async fn followup_done(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<FollowupPath>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (id, followup) = (p.id, p.followup);
    change(
        ctx,
        state,
        id,
        CaseAction::FinishFollowup,
        "case-notice-followup",
        None,
        move |conn, _, u, _| store::finish_followup(conn, id, followup, u.id, crate::fmt::today()),
    )
    .await
}

pub(super) async fn consent_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (until, how) = (date_field(&one(&fields, "tot")), one(&fields, "hoe"));
    change(
        ctx,
        state,
        id,
        CaseAction::ExtendDeadline,
        "case-notice-consent",
        Some(Refill::new("instemming", &fields)),
        move |conn, env, u, _| {
            let until = until.ok_or(StepError::Invalid(Invalid::ExtendUntil))?;
            if how.is_empty() {
                return Err(StepError::Invalid(Invalid::ExtendHow));
            }
            store::extend_with_consent(conn, env, id, u.id, until, &how).map(|_| ())
        },
    )
    .await
}
