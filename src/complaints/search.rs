//! Finding a complaint by case number, the complainant's name or the tracking code, for the
//! complaint roles. A handler or committee member finds only the cases they may open
//! ([`super::worklist::search`] applies [`super::access`]); the search is in the audit log by its
//! kind and number of hits, never by what was typed.

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use maud::{html, Markup};
use serde::Deserialize;

use super::worklist::{self, parse_search};
use crate::accounts::audit::{self, Actor};
use crate::accounts::model::Role;
use crate::fmt::date_text;
use crate::web::context::Ctx;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, t_count, Lang};
use crate::web::layout;
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

/// The search box, for the complaints overview and the Werkplek.
pub fn search_box(lang: Lang, value: &str) -> Markup {
    html! {
        form.search method="get" action="/klachten/zoeken" role="search" {
            div.field {
                label for="zoek" { (t(lang, "case-search-label")) }
                p.hint #zoek-hint { (t(lang, "case-search-hint")) }
                input #zoek type="search" name="zoek" value=(value) aria-describedby="zoek-hint" autocomplete="off";
            }
            button type="submit" { (t(lang, "case-search-submit")) }
        }
    }
}

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
                .db(move |conn| {
                    let rows = worklist::search(conn, &u, &w)?;
                    audit::record(
                        conn,
                        Actor::User(u.id),
                        "complaint.searched",
                        "complaint",
                        None,
                        Some(&format!("{} {}", w.kind(), rows.len())),
                    )?;
                    Ok(rows)
                })
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
        layout::page(
            &ctx,
            &t(lang, "case-search-title"),
            html! {
                (layout::error_summary(&ctx, &errors))
                (search_box(lang, &typed))
                @if let Some(rows) = &found {
                    @if rows.is_empty() {
                        p { (t(lang, "case-search-none")) }
                    } @else {
                        table {
                            caption { (t_count(lang, "case-search-found", rows.len() as i64)) }
                            thead { tr {
                                th scope="col" { (t(lang, "case-search-col-number")) }
                                th scope="col" { (t(lang, "case-search-col-received")) }
                                th scope="col" { (t(lang, "case-search-col-stage")) }
                                th scope="col" { (t(lang, "case-search-col-handler")) }
                            } }
                            tbody {
                                @for (line, handler) in rows {
                                    tr {
                                        td { a href={ "/klachten/" (line.id) } { (line.number()) } }
                                        td { (date_text(line.received_on)) }
                                        td { (t(lang, &format!("complaint-stage-{}", line.state.code()))) }
                                        td { @if let Some(h) = handler { (h) } @else { (layout::dash()) } }
                                    }
                                }
                            }
                        }
                        @if rows.len() as i64 >= worklist::SEARCH_LIMIT {
                            p.hint { (t_args(lang, "case-search-limit", &[("n", &worklist::SEARCH_LIMIT.to_string())])) }
                        }
                    }
                }
                p { a href="/klachten" { (t(lang, "cases-title")) } }
            },
        ),
    ))
}
