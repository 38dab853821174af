//! Conduct categories (seeded from what complainants said; the coordinator keeps them current).
//! The handlers read the form into [`CategoryChanges`], store them with
//! [`super::categories_service`] and render with [`super::categories_views`].

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::case_pages::one;
use super::categories_service::{self, CategoryChanges, Change, NameTaken, MAX_NAME};
use super::categories_views;
use super::queries::{self, Category};
use super::staff::user;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::{see_other, AppState};

pub use super::categories_service::category_code;

async fn load_categories(state: &AppState) -> Result<Vec<Category>, AppError> {
    state.db(|conn| Ok(queries::categories(conn)?)).await
}

#[derive(Deserialize)]
pub(super) struct Saved {
    opgeslagen: Option<String>,
}

pub(super) async fn categories_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Saved>,
) -> Result<HttpResponse, AppError> {
    let rows = load_categories(&state).await?;
    Ok(page_response(
        StatusCode::OK,
        categories_views::categories_page(&ctx, &rows, &[], q.opgeslagen.is_some()),
    ))
}

/// Each existing category as the form left it: an empty name keeps the old one.
fn changes_of(rows: &[Category], fields: &[(String, String)]) -> Vec<Change> {
    rows.iter()
        .map(|Category { id, name: old, .. }| {
            let name = one(fields, &format!("naam-{id}"));
            let active = one(fields, &format!("actief-{id}")) == "ja";
            let name = if name.is_empty() {
                old.clone()
            } else {
                name.chars().take(MAX_NAME).collect()
            };
            Change {
                id: *id,
                name,
                active,
            }
        })
        .collect()
}

pub(super) async fn categories_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let u = user(&ctx)?;
    let rows = load_categories(&state).await?;
    let changes = changes_of(&rows, &fields);
    let new = one(&fields, "nieuw");
    let code = match categories_service::new_code(&rows, &new) {
        Ok(code) => code,
        Err(NameTaken) => {
            let errors = [("nieuw", t(lang, "categories-error-exists"))];
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                categories_views::categories_page(&ctx, &rows, &errors, false),
            ));
        }
    };
    let command = CategoryChanges { changes, new, code };
    state
        .db(move |conn| Ok(categories_service::save(conn, u.id, &command)?))
        .await?;
    Ok(see_other("/klachten/categorieen?opgeslagen=ja"))
}
