//! Finding a complaint by case number, the complainant's name or the tracking code, for the
//! complaint roles. A handler or committee member finds only the cases they may open
//! ([`super::worklist::search`] applies [`super::access`]); the search is in the audit log by its
//! kind and number of hits, never by what was typed.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use serde::Deserialize;

use super::worklist::parse_search;
use super::{search_service, search_views};
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::routes::{Access, RouteDef};
use crate::web::AppState;

const ANY: Access = Access::Roles(&[
    Role::Klachtcoordinator,
    Role::Klachtbehandelaar,
    Role::Commissielid,
]);

/// Routes of the search (registered before the case pages: `zoeken` is no case number).
pub fn routes() -> Vec<RouteDef> {
    vec![RouteDef::new("/klachten/zoeken", ANY).get(search_page)]
}

/// What was typed (`?zoek=`).
#[derive(Deserialize)]
struct SearchQuery {
    #[serde(default)]
    zoek: String,
}

/// GET `/klachten/zoeken?zoek=`: the search box and, once something was typed, what it found.
async fn search_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<SearchQuery>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let user = ctx.user.clone().ok_or(AppError::Unauthorized)?;
    let typed = q.into_inner().zoek;
    let wanted = parse_search(&typed);
    let found = match wanted.clone() {
        None => None,
        Some(w) => {
            let u = user.clone();
            let rows = state
                .db(move |conn| Ok(search_service::search(conn, &u, &w)?))
                .await?;
            Some(rows)
        }
    };
    let status = if typed.trim().is_empty() || wanted.is_some() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let errors: Vec<(&str, String)> = if !typed.trim().is_empty() && wanted.is_none() {
        vec![("zoek", t(lang, "case-search-too-short"))]
    } else {
        vec![]
    };
    Ok(page_response(
        status,
        search_views::search_page(&ctx, &typed, &errors, found.as_deref()),
    ))
}
