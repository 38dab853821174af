//! The conduct categories page: every category with its name and whether it is in use, and a
//! field for a new one.

use maud::{html, Markup};

use super::queries::Category;
use crate::web::context::Ctx;
use crate::web::i18n::t;
use crate::web::layout::{self, csrf_field, error_summary};

/// The categories page: `rows` as a form, with what to fix, or with the notice that it was saved.
pub fn categories_page(
    ctx: &Ctx,
    rows: &[Category],
    errors: &[(&str, String)],
    notice: bool,
) -> Markup {
    layout::page(
        ctx,
        &t(ctx.lang, "categories-title"),
        categories_markup(ctx, rows, errors, notice),
    )
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
