//! The complaint pages for staff: the route table with the access rule for each page. The
//! pages themselves are in [`super::lists`] (overview and deadlines),
//! [`super::intake`] (registering), [`super::case_pages`] (the case page and its steps),
//! [`super::decision_pages`] (the reasoned decision) and [`super::categories`]. Who may see and do
//! what on each case is decided by one rule, [`access::check`]: the coordinator every case, a
//! handler the cases assigned to them, a committee member the committee's cases while they are
//! before the committee.

use super::case_pages::{
    case_page, classify_submit, consent_submit, element_add, element_judge, followup_add,
    followup_done, mediation_submit,
};
use super::categories::{categories_page, categories_submit};
use super::documents::{attachment, document_add};
use super::intake::{new_page, new_submit};
use super::lists::{due_list, overview};
use super::step_pages::step_submit;
use super::{decision_pages, queries};
use crate::accounts::model::{CurrentUser, Role};
use crate::web::context::Ctx;
use crate::web::errors::AppError;
use crate::web::routes::{Access, RouteDef};

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
        RouteDef::new("/klachten/categorieen", COORDINATOR)
            .get(categories_page)
            .post(categories_submit),
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
        RouteDef::new("/klachten/{id}/beslissing/brief/pdf", JUDGING)
            .get(decision_pages::preview_pdf),
        RouteDef::new("/klachten/{id}/beslissing/versturen", COORDINATOR)
            .post(decision_pages::send_submit),
    ]
}

pub(super) fn user(ctx: &Ctx) -> Result<CurrentUser, AppError> {
    ctx.user.clone().ok_or(AppError::Unauthorized)
}
