//! The lists of cases: the overview (running cases by deadline, one page at a time) and the cases
//! past or near their legal deadline. Each person sees the cases [`super::access`] gives them.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};

use super::lists_views::{self, Overview};
use super::queries::{self, due, Filter, Row, PAGE_ROWS};
use super::staff::user;
use crate::accounts::model::Role;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::AppState;

/// GET `/klachten`: one page of the cases this person may see, filtered by stage.
pub(super) async fn overview(
    ctx: Ctx,
    state: web::Data<AppState>,
    q: web::Query<Filter>,
) -> Result<HttpResponse, AppError> {
    let u = user(&ctx)?;
    let f = q.into_inner();
    let f2 = f.clone();
    let u2 = u.clone();
    let (rows, total, counts) = state
        .db(move |conn| Ok(queries::overview(conn, &u2, &f2)?))
        .await?;
    let today = crate::fmt::today();
    let page = f.pagina.unwrap_or(1).max(1);
    let fase = f.fase.clone().unwrap_or_else(|| "lopend".into());
    let pages = ((total + PAGE_ROWS - 1) / PAGE_ROWS).max(1);
    let o = Overview {
        rows,
        total,
        counts,
        page,
        pages,
        fase,
        coordinator: u.has(Role::Klachtcoordinator),
        today,
    };
    Ok(page_response(
        StatusCode::OK,
        lists_views::overview(&ctx, &o),
    ))
}

/// GET `/klachten/termijnen`: the cases past or near their legal deadline.
pub(super) async fn due_list(
    ctx: Ctx,
    state: web::Data<AppState>,
) -> Result<HttpResponse, AppError> {
    let u = user(&ctx)?;
    let today = crate::fmt::today();
    let rows = state.db(move |conn| Ok(due(conn, &u, today)?)).await?;
    let (late, soon): (Vec<Row>, Vec<Row>) = rows.into_iter().partition(|r| r.deadline_on < today);
    Ok(page_response(
        StatusCode::OK,
        lists_views::due(&ctx, &late, &soon, today),
    ))
}
