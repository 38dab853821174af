//! Conduct categories (seeded from what complainants said; the coordinator keeps them current).

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use maud::{html, Markup};
use serde::Deserialize;

use super::case_pages::one;
use super::queries::{self, Category};
use super::staff::user;
use crate::db::schema::complaint_categories;
use crate::db::DbConnection;
use crate::web::context::Ctx;
use crate::web::csrf::CsrfForm;
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::t;
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::{see_other, AppState};

// ---------------------------------------------------------------------------------------------
// Conduct categories (seeded from what complainants said; the coordinator keeps them current)
// ---------------------------------------------------------------------------------------------

async fn load_categories(state: &AppState) -> Result<Vec<Category>, AppError> {
    state.db(|conn| Ok(queries::categories(conn)?)).await
}

fn categories_markup(
    ctx: &Ctx,
    rows: &[Category],
    errors: &[(&str, String)],
    notice: bool,
) -> Markup {
    let lang = ctx.lang;
    html! {
        @if notice { div.notice role="status" { p { (t(lang, "case-notice-saved")) } } }
        (error_summary(ctx, errors))
        p { (t(lang, "categories-intro")) }
        form method="post" action="/klachten/categorieen" novalidate {
            (csrf_field(ctx))
            table {
                caption.visually-hidden { (t(lang, "categories-title")) }
                thead { tr { th scope="col" { (t(lang, "categories-name")) } th scope="col" { (t(lang, "categories-active")) } } }
                tbody {
                    @for Category { id, name, active, .. } in rows {
                        tr {
                            td {
                                label.visually-hidden for={ "naam-" (id) } { (t(lang, "categories-name")) }
                                input id={ "naam-" (id) } type="text" name={ "naam-" (id) } value=(name) maxlength="200";
                            }
                            td {
                                span.choice {
                                    input id={ "actief-" (id) } type="checkbox" name={ "actief-" (id) } value="ja" checked[*active];
                                    label for={ "actief-" (id) } { (t(lang, "categories-in-use")) }
                                }
                            }
                        }
                    }
                }
            }
            (layout::text_field("nieuw", &t(lang, "categories-new"), "text", "", Some(&t(lang, "categories-new-hint")), layout::error_for(errors, "nieuw"), "off"))
            button type="submit" { (t(lang, "case-save")) }
        }
    }
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
        layout::page(
            &ctx,
            &t(ctx.lang, "categories-title"),
            categories_markup(&ctx, &rows, &[], q.opgeslagen.is_some()),
        ),
    ))
}

/// A code for a new category from its name: lower case letters and digits joined by `_`.
pub fn category_code(name: &str) -> String {
    let mut code = String::new();
    for ch in name.to_lowercase().chars() {
        if ch.is_ascii_alphanumeric() {
            code.push(ch);
        } else if !code.ends_with('_') && !code.is_empty() {
            code.push('_');
        }
        if code.len() >= 40 {
            break;
        }
    }
    code.trim_end_matches('_').to_string()
}

pub(super) async fn categories_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let u = user(&ctx)?;
    let rows = load_categories(&state).await?;
    let mut errors: Vec<(&str, String)> = vec![];
    let mut changes: Vec<(i64, String, bool)> = vec![];
    for Category { id, name: old, .. } in &rows {
        let name = one(&fields, &format!("naam-{id}"));
        let active = one(&fields, &format!("actief-{id}")) == "ja";
        let name = if name.is_empty() {
            old.clone()
        } else {
            name.chars().take(200).collect()
        };
        changes.push((*id, name, active));
    }
    let new = one(&fields, "nieuw");
    // Names in other scripts have no ASCII letters for a code: such a topic is numbered.
    let mut code = category_code(&new);
    if code.is_empty() {
        code = format!("onderwerp_{}", rows.len() + 1);
    }
    let exists = rows
        .iter()
        .any(|r| r.code == code || r.name.to_lowercase() == new.to_lowercase());
    if !new.is_empty() && exists {
        errors.push(("nieuw", t(lang, "categories-error-exists")));
    }
    if !errors.is_empty() {
        return Ok(page_response(
            StatusCode::UNPROCESSABLE_ENTITY,
            layout::page(
                &ctx,
                &t(lang, "categories-title"),
                categories_markup(&ctx, &rows, &errors, false),
            ),
        ));
    }
    state
        .db(move |conn| Ok(save(conn, u.id, &changes, &new, &code)?))
        .await?;
    Ok(see_other("/klachten/categorieen?opgeslagen=ja"))
}

/// Stores the renamed and (de)activated categories and a new one, with one audit line.
fn save(
    conn: &mut DbConnection,
    actor: i64,
    changes: &[(i64, String, bool)],
    new: &str,
    code: &str,
) -> QueryResult<()> {
    crate::db::write_tx(conn, |c| {
        for (id, name, active) in changes {
            diesel::update(complaint_categories::table.find(id))
                .set((
                    complaint_categories::name.eq(name),
                    complaint_categories::active.eq(active),
                ))
                .execute(c)?;
        }
        if !new.is_empty() {
            let position: Option<i32> = complaint_categories::table
                .select(diesel::dsl::max(complaint_categories::position))
                .get_result(c)?;
            diesel::insert_into(complaint_categories::table)
                .values((
                    complaint_categories::code.eq(code),
                    complaint_categories::name.eq(new.chars().take(200).collect::<String>()),
                    complaint_categories::position.eq(position.unwrap_or(0) + 1),
                ))
                .execute(c)?;
        }
        crate::accounts::audit::record(
            c,
            crate::accounts::audit::Actor::User(actor),
            "complaint.categories_changed",
            "complaint_categories",
            None,
            None,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn category_codes_are_plain() {
        assert_eq!(
            category_code("Te lang wachten op een besluit!"),
            "te_lang_wachten_op_een_besluit"
        );
        assert_eq!(
            category_code("  Privacy / huisbezoek "),
            "privacy_huisbezoek"
        );
        assert_eq!(category_code("!!!"), "");
    }
}
