//! The markup of the search for a complaint: the search box and the page with what was found.

use maud::{html, Markup};

use super::worklist::{self, Found};
use crate::fmt::date_text;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, t_count, Lang};
use crate::web::layout;

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

/// The search page: the box with what was typed, the problem with it, and the cases found
/// (`None` when nothing was searched), each with its handler's name.
pub(super) fn search_page(
    ctx: &Ctx,
    typed: &str,
    errors: &[(&str, String)],
    found: Option<&[Found]>,
) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "case-search-title"),
        html! {
            (layout::error_summary(ctx, errors))
            (search_box(lang, typed))
            @if let Some(rows) = found {
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
                            @for Found { line, handler } in rows {
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
    )
}
