//! The pages of the reasoned decision: the draft (per part findings, judgement, norms and
//! reasoning; conclusions and measures for the whole), the preview of the outcome letter exactly as
//! it will go out, editing that letter, and sending it.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::access::{self, CaseAction};
use super::case_pages::{all, change, one};
use super::case_service::gate_or_refuse;
use super::case_views::Refill;
use super::commands::{Command, LetterText, Step};
use super::decision::{self, Draft, Part, PartDraft};
use super::decision_views::{self, Loaded};
use super::model::Norms;
use super::staff::user;
use super::store::{self, StepError};
use super::terms::Judgement;
use crate::accounts::model::CurrentUser;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::{see_other, AppState};

/// The longest text a decision field takes.
pub const MAX_TEXT: usize = 10_000;

/// Loads what the draft and preview pages show, when `action` on case `id` is allowed to this user.
async fn load(
    ctx: &Ctx,
    state: &AppState,
    id: i64,
    action: CaseAction,
) -> Result<(Loaded, CurrentUser), AppError> {
    let u = user(ctx)?;
    let u2 = u.clone();
    let setup = state.part::<crate::complaints::Setup>()?;
    let loaded = state
        .db(move |conn| {
            let (complaint, subject) = gate_or_refuse(conn, id, &u2, action)?;
            let env = setup.env();
            Ok(Loaded {
                parts: decision::parts(conn, id)?,
                decision: decision::decision(conn, id)?,
                letter: decision::outcome_facts(conn, &env, &complaint)?,
                complaint,
                subject,
            })
        })
        .await?;
    Ok((loaded, u))
}

/// Whether `u` may send the outcome letter (take the decision step) on this case now.
fn may_send(u: &CurrentUser, l: &Loaded) -> bool {
    access::may(
        u,
        CaseAction::Step(super::workflow::Action::Decide),
        &l.subject,
    )
}

/// GET: the draft decision.
pub(super) async fn draft_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (l, _) = load(&ctx, &state, path.into_inner(), CaseAction::JudgeElement).await?;
    Ok(page_response(
        StatusCode::OK,
        decision_views::draft_page(&ctx, &l, &[], None),
    ))
}

/// The draft from the form; (field, message) for what to fix.
fn parse_draft(
    ctx: &Ctx,
    parts: &[Part],
    fields: &[(String, String)],
) -> (Draft, Vec<(&'static str, String)>, Vec<String>) {
    let mut errors: Vec<(&'static str, String)> = vec![];
    let mut anchors = vec![];
    let too_long = |v: &str| v.chars().count() > MAX_TEXT;
    let mut draft = Draft {
        conclusions: one(fields, "conclusies"),
        measures: one(fields, "maatregelen"),
        parts: vec![],
    };
    for p in parts {
        let code = one(fields, &format!("oordeel-{}", p.id));
        let judgement = Judgement::parse(&code);
        if !code.is_empty() && judgement.is_none() {
            anchors.push(format!("oordeel-{}", p.id));
        }
        let pd = PartDraft {
            id: p.id,
            findings: one(fields, &format!("bevindingen-{}", p.id)),
            judgement,
            norms: Norms::chosen(&all(fields, &format!("norm-{}", p.id))),
            reasoning: one(fields, &format!("motivering-{}", p.id)),
        };
        if too_long(&pd.findings) || too_long(&pd.reasoning) {
            anchors.push(format!("deel-{}", p.id));
        }
        draft.parts.push(pd);
    }
    if too_long(&draft.conclusions) || too_long(&draft.measures) {
        errors.push((
            "beslissing",
            t_args(
                ctx.lang,
                "decision-error-long",
                &[("max", &MAX_TEXT.to_string())],
            ),
        ));
    }
    if !anchors.is_empty() {
        errors.push((
            "beslissing",
            t_args(
                ctx.lang,
                "decision-error-long",
                &[("max", &MAX_TEXT.to_string())],
            ),
        ));
    }
    (draft, errors, anchors)
}

/// POST: stores the draft and shows the letter it makes.
pub(super) async fn draft_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let (l, _) = load(&ctx, &state, id, CaseAction::JudgeElement).await?;
    let (draft, errors, _) = parse_draft(&ctx, &l.parts, &fields);
    if !errors.is_empty() {
        let refill = Refill::new("beslissing", &fields);
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            decision_views::draft_page(&ctx, &l, &errors, Some(&refill)),
        ));
    }
    let r = change(
        ctx,
        state,
        id,
        CaseAction::JudgeElement,
        "case-notice-decision",
        Some(Refill::new("beslissing", &fields)),
        move |conn, _, u, _| decision::save_draft(conn, id, u.id, &draft),
    )
    .await?;
    if r.status() == StatusCode::SEE_OTHER {
        return Ok(see_other(&format!("/klachten/{id}/beslissing/brief")));
    }
    Ok(r)
}

/// GET: the preview of the outcome letter.
pub(super) async fn preview_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let (l, u) = load(&ctx, &state, path.into_inner(), CaseAction::View).await?;
    Ok(page_response(
        StatusCode::OK,
        decision_views::preview_page(&ctx, &l, may_send(&u, &l), None),
    ))
}

/// GET: the outcome letter as PDF, exactly as it would go out now (nothing is stored or sent).
pub(super) async fn preview_pdf(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let u = user(&ctx)?;
    let setup = state.part::<crate::complaints::Setup>()?;
    let (name, pdf) = state
        .db(move |conn| {
            let (complaint, _) = gate_or_refuse(conn, id, &u, CaseAction::View)?;
            let env = setup.env();
            let facts = decision::outcome_facts(conn, &env, &complaint)?;
            let r = super::letters::service::render(conn, &facts)
                .map_err(|e| AppError::Internal(e.into()))?;
            Ok((facts.file_name(), r.pdf))
        })
        .await?;
    Ok(super::letters::routes::pdf_response(&name, pdf))
}

/// POST: the letter as the handler edited it.
pub(super) async fn letter_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let letter = LetterText {
        subject: one(&fields, "onderwerp"),
        // The text as typed, only with the browser's line ends made plain.
        body: fields
            .iter()
            .find(|(k, _)| k == "tekst")
            .map(|(_, v)| v.replace("\r\n", "\n"))
            .unwrap_or_default(),
    };
    if letter.subject.is_empty() || letter.body.trim().is_empty() {
        let (l, u) = load(&ctx, &state, id, CaseAction::View).await?;
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            decision_views::preview_page(
                &ctx,
                &l,
                may_send(&u, &l),
                Some(&t(ctx.lang, "decision-error-empty-letter")),
            ),
        ));
    }
    let r = change(
        ctx,
        state,
        id,
        CaseAction::Step(super::workflow::Action::Decide),
        "case-notice-decision",
        None,
        move |conn, _, u, _| decision::save_letter(conn, id, u.id, &letter),
    )
    .await?;
    if r.status() == StatusCode::SEE_OTHER {
        return Ok(see_other(&format!("/klachten/{id}/beslissing/brief")));
    }
    Ok(r)
}

/// POST: sends the letter that was previewed (the form carries its version) and takes the
/// decision step.
pub(super) async fn send_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let seen = one(&fields, "versie");
    change(
        ctx,
        state,
        id,
        CaseAction::Step(super::workflow::Action::Decide),
        "case-notice-step",
        None,
        move |conn, env, u, subject| {
            let complaint = store::load(conn, id)?;
            let letter = decision::letter_to_send(conn, env, &complaint)?;
            if decision::version(&letter) != seen {
                return Err(StepError::LetterChanged);
            }
            let letter = Some(LetterText {
                subject: letter.subject,
                body: letter.body,
            });
            let command = Command {
                step: Step::Decide { letter },
                reason: None,
            };
            super::steps::take(
                conn,
                env,
                id,
                &command,
                store::By {
                    id: u.id,
                    roles: &access::roles_for(u, subject),
                },
                crate::fmt::today(),
            )
            .map(|_| ())
        },
    )
    .await
}
