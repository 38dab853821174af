//! The complaint pages for staff: the route table with the access rule for each page, and the
//! letters to print. The pages themselves are in [`super::lists`] (overview and deadlines),
//! [`super::intake`] (registering), [`super::case_pages`] (the case page and its steps),
//! [`super::decision_pages`] (the reasoned decision) and [`super::categories`]. Who may see and do
//! what on each case is decided by one rule, [`access::check`]: the coordinator every case, a
//! handler the cases assigned to them, a committee member the committee's cases while they are
//! before the committee.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use maud::html;

use super::access::CaseAction;
use super::case_pages::{
    case_page, change, classify_submit, consent_submit, element_add, element_judge, followup_add,
    followup_done, mediation_submit,
};
use super::categories::{categories_page, categories_submit};
use super::documents::{attachment, document_add};
use super::intake::{new_page, new_submit};
use super::lists::{due_list, overview};
use super::step_pages::step_submit;
use super::{decision_pages, queries, store};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::{CurrentUser, Role};
use crate::db::schema::{complaint_letters, complaints};
use crate::surveys::respondent::date_text;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

pub use super::case_pages::refusal_code;
pub use super::categories::category_code;
pub use super::queries::{due, list, Filter, Row};

const ANY: Access = Access::Roles(&[
    Role::Klachtcoordinator,
    Role::Klachtbehandelaar,
    Role::Commissielid,
]);
const COORDINATOR: Access = Access::Roles(&[Role::Klachtcoordinator]);
const HANDLING: Access = Access::Roles(&[Role::Klachtcoordinator, Role::Klachtbehandelaar]);
const JUDGING: Access = Access::Roles(&[Role::Klachtcoordinator, Role::Commissielid]);

/// Rows on one page of the overview.
pub const PAGE_ROWS: i64 = queries::PAGE_ROWS;

/// Routes of the staff complaint pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/klachten", ANY).get(overview),
        RouteDef::new("/klachten/termijnen", ANY).get(due_list),
        RouteDef::new("/klachten/nieuw", COORDINATOR)
            .get(new_page)
            .post(new_submit),
        RouteDef::new("/klachten/brieven", COORDINATOR).get(letters_page),
        RouteDef::new("/klachten/categorieen", COORDINATOR)
            .get(categories_page)
            .post(categories_submit),
        RouteDef::new("/klachten/brieven/{id}/verstuurd", COORDINATOR).post(letter_sent),
        RouteDef::new("/klachten/{id}", ANY).get(case_page),
        RouteDef::new("/klachten/{id}/stap", ANY).post(step_submit),
        RouteDef::new("/klachten/{id}/indeling", COORDINATOR).post(classify_submit),
        RouteDef::new("/klachten/{id}/bemiddeling", HANDLING).post(mediation_submit),
        RouteDef::new("/klachten/{id}/onderdelen", JUDGING).post(element_add),
        RouteDef::new("/klachten/{id}/onderdelen/{element}", JUDGING).post(element_judge),
        RouteDef::new("/klachten/{id}/acties", COORDINATOR).post(followup_add),
        RouteDef::new("/klachten/{id}/acties/{followup}/klaar", COORDINATOR).post(followup_done),
        RouteDef::new("/klachten/{id}/instemming", COORDINATOR).post(consent_submit),
        RouteDef::new("/klachten/{id}/bijlagen", ANY).post(document_add),
        RouteDef::new("/klachten/{id}/bijlagen/{attachment}", ANY).get(attachment),
        RouteDef::new("/klachten/{id}/beslissing", JUDGING)
            .get(decision_pages::draft_page)
            .post(decision_pages::draft_submit),
        RouteDef::new("/klachten/{id}/beslissing/brief", JUDGING)
            .get(decision_pages::preview_page)
            .post(decision_pages::letter_submit),
        RouteDef::new("/klachten/{id}/beslissing/versturen", COORDINATOR)
            .post(decision_pages::send_submit),
    ]
}

pub(super) fn user(ctx: &Ctx) -> Result<CurrentUser, AppError> {
    ctx.user.clone().ok_or(AppError::Unauthorized)
}

// ---------------------------------------------------------------------------------------------
// Letters to print
// ---------------------------------------------------------------------------------------------

async fn letters_page(ctx: Ctx, state: web::Data<AppState>) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    type LetterRow = (
        i64,
        i64,
        NaiveDate,
        String,
        String,
        String,
        String,
        NaiveDateTime,
    );
    let u = user(&ctx)?;
    let rows: Vec<LetterRow> = state
        .db(move |conn| {
            let rows: Vec<LetterRow> = complaint_letters::table
                .inner_join(complaints::table)
                .filter(complaint_letters::printed_on.is_null())
                .order(complaint_letters::id)
                .select((
                    complaint_letters::id,
                    complaints::id,
                    complaints::received_on,
                    complaint_letters::kind,
                    complaint_letters::recipient,
                    complaint_letters::subject,
                    complaint_letters::body,
                    complaint_letters::created_at,
                ))
                .load(conn)?;
            // The letters show names and addresses: one line per case whose letters were shown.
            crate::db::write_tx(conn, |c| {
                let mut by_case: Vec<(i64, Vec<String>)> = vec![];
                for r in &rows {
                    match by_case.iter_mut().find(|(cid, _)| *cid == r.1) {
                        Some((_, ids)) => ids.push(r.0.to_string()),
                        None => by_case.push((r.1, vec![r.0.to_string()])),
                    }
                }
                for (cid, ids) in by_case {
                    audit::record(
                        c,
                        Actor::User(u.id),
                        "complaint.letters_viewed",
                        "complaint",
                        Some(&cid.to_string()),
                        Some(&format!("brieven {}", ids.join(","))),
                    )?;
                }
                Ok::<_, diesel::result::Error>(())
            })?;
            Ok(rows)
        })
        .await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t(lang, "cases-letters"),
            html! {
                p.no-print { (t(lang, "letters-intro")) }
                @if rows.is_empty() { p { (t(lang, "letters-none")) } }
                @for (lid, cid, received, _kind, recipient, subject, body, created) in &rows {
                    article.letter lang="nl" {
                        p.recipient { @for line in recipient.lines() { (line) br; } }
                        p { (ctx.municipality) ", " (date_text(created.date())) }
                        p { strong { (subject) } }
                        @for para in body.split("\n\n") { p { @for (i, line) in para.lines().enumerate() { @if i > 0 { br; } (line) } } }
                        form.no-print method="post" action={ "/klachten/brieven/" (lid) "/verstuurd" } {
                            (csrf_field(&ctx))
                            button type="submit" { (t_args(lang, "letters-sent", &[("case", &store::case_number_of(*received, *cid))])) }
                        }
                    }
                }
            },
        ),
    ))
}

async fn letter_sent(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let letter = path.into_inner();
    let complaint = state
        .db(move |conn| {
            let complaint: Option<i64> = complaint_letters::table
                .find(letter)
                .select(complaint_letters::complaint_id)
                .get_result(conn)
                .optional()?;
            Ok(complaint)
        })
        .await?
        .ok_or(AppError::NotFound)?;
    change(
        ctx,
        state,
        complaint,
        CaseAction::MarkLetterPosted,
        "case-notice-saved",
        None,
        move |conn, _, u, _| {
            // Only a letter still waiting is marked; a second click changes nothing.
            let n = diesel::update(
                complaint_letters::table
                    .find(letter)
                    .filter(complaint_letters::printed_on.is_null()),
            )
            .set(complaint_letters::printed_on.eq(crate::surveys::today()))
            .execute(conn)?;
            if n > 0 {
                store::note(conn, complaint, u.id, "letter_posted", None)?;
            }
            Ok(())
        },
    )
    .await?;
    Ok(see_other("/klachten/brieven"))
}
