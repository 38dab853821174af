//! The workflow steps from the case page: the form is parsed into the step's [`Command`], an
//! irreversible step first shows a page that says what will happen, and the step is taken with
//! [`steps::take`] in the same transaction as the access check.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::access::{self, CaseAction};
use super::case_pages::{change, one, render_case, step_error_text};
use super::case_service::gate;
use super::case_views::{self, Refill};
use super::commands::{Command, StepForm};
use super::invalid::Invalid;
use super::staff::user;
use super::steps;
use super::store::{self, StepError};
use super::workflow::{self, Action};
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::layout;
use crate::web::AppState;

pub(super) async fn step_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let action = Action::from_code(&one(&fields, "actie"))
        .ok_or(AppError::BadRequest("form-error-fields"))?;
    let refill = Some(Refill::new(&format!("stap-{}", action.code()), &fields));
    // What is missing or wrong in the form is said after the access check, as a refusal would be.
    let command = Command::from_form(action, StepForm(&fields));
    // An irreversible step is taken only after a page that says what will happen.
    if action.is_irreversible() && one(&fields, "bevestigd") != "ja" {
        if let Some(page) =
            confirm(&ctx, &state, id, action, &command, &fields, refill.clone()).await?
        {
            return Ok(page);
        }
    }
    change(
        ctx,
        state,
        id,
        CaseAction::Step(action),
        "case-notice-step",
        refill,
        move |conn, env, u, subject| {
            // The decision goes out from its own page, after the letter was seen.
            if action == Action::Decide {
                return Err(StepError::DecideOnItsPage);
            }
            let command = command.map_err(StepError::Invalid)?;
            steps::take(
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

/// The confirmation page of an irreversible step, when the step would be accepted now; `None`
/// lets the request go on to be refused as usual (so nothing is confirmed that is then refused).
async fn confirm(
    ctx: &Ctx,
    state: &web::Data<AppState>,
    id: i64,
    action: Action,
    command: &Result<Command, Invalid>,
    fields: &[(String, String)],
    refill: Option<Refill>,
) -> Result<Option<HttpResponse>, AppError> {
    let u = user(ctx)?;
    let command = command.clone();
    let checked = state
        .db(move |conn| {
            let Ok((c, subject)) = gate(conn, id, &u, CaseAction::Step(action))? else {
                return Ok(None);
            };
            let p = store::progress(conn, id)?;
            let facts = store::facts(conn, &c, &p)?;
            let roles = access::roles_for(&u, &subject);
            let check = command.map_err(StepError::Invalid).and_then(|cmd| {
                workflow::apply(c.state, action, &roles, cmd.reason.as_deref(), &facts)
                    .map_err(StepError::from)
            });
            Ok(Some((c, check)))
        })
        .await?;
    let Some((c, check)) = checked else {
        return Ok(None);
    };
    match check {
        Ok(_) => Ok(Some(page_response(
            StatusCode::OK,
            layout::page(
                ctx,
                &t(ctx.lang, &format!("confirm-title-{}", action.code())),
                case_views::confirm_markup(ctx, &c, action, fields),
            ),
        ))),
        Err(StepError::Refused(workflow::Refusal::RoleNotAllowed)) => Ok(None),
        Err(e) => Ok(Some(
            render_case(
                ctx,
                state,
                id,
                Some(step_error_text(ctx.lang, &e)),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
                refill,
            )
            .await?,
        )),
    }
}
