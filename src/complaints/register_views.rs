//! The register page (Awb 9:12a): the years to choose from, the download and one page of lines.

use maud::{html, Markup};

use super::register::{Line, Outcome};
use crate::fmt::date_text;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;
use crate::web::paging::{self, Page};

/// An outcome in words: the judgement, how it ended, or running.
fn outcome_text(lang: Lang, outcome: Outcome) -> String {
    let code = outcome.code();
    match outcome {
        Outcome::Judged(_) => t(lang, &format!("judgement-{code}")),
        Outcome::Running => t(lang, "register-running"),
        Outcome::ResolvedInformally
        | Outcome::Withdrawn
        | Outcome::NotHandled
        | Outcome::Referred
        | Outcome::Closed => t(lang, &format!("case-stage-{code}")),
    }
}

/// The register of `year`: the page `shown` of its `lines`, with links to the other `years`.
pub fn register_page(ctx: &Ctx, year: i32, years: &[i32], lines: &[Line], shown: &Page) -> Markup {
    let lang = ctx.lang;
    let title = t_args(lang, "register-title", &[("year", &year.to_string())]);
    layout::page(
        ctx,
        &title,
        html! {
            p { (t(lang, "register-intro")) }
            (crate::web::download::form(lang, "register", &[(format!("/klachten/register.csv?jaar={year}"), t(lang, "register-download"))]))
            nav aria-label=(t(lang, "register-years")) {
                ul.pages {
                    @for y in years {
                        li {
                            @if *y == year { span aria-current="page" { (y) } }
                            @else { a href={ "/klachten/register?jaar=" (y) } { (y) } }
                        }
                    }
                }
            }
            @if lines.is_empty() { p { (t(lang, "cases-none")) } } @else {
                table {
                    caption { (crate::web::i18n::t_count(lang, "register-count", lines.len() as i64)) }
                    thead { tr {
                        th scope="col" { (t(lang, "case-number")) }
                        th scope="col" { (t(lang, "case-received")) }
                        th scope="col" { (t(lang, "case-channel")) }
                        th scope="col" { (t(lang, "case-kind")) }
                        th scope="col" { (t(lang, "case-categories")) }
                        th scope="col" { (t(lang, "register-outcome")) }
                        th scope="col" { (t(lang, "register-days")) }
                        th scope="col" { (t(lang, "register-in-time")) }
                    } }
                    tbody {
                        @for l in &lines[shown.range(lines.len())] {
                            tr {
                                td { (l.case) }
                                td { (date_text(l.received)) }
                                td { (t(lang, &format!("channel-complaint-{}", l.channel))) }
                                td { (t(lang, &format!("kind-{}", l.kind))) }
                                td { (paging::short_text(lang, &l.categories.join("; "), paging::SHOWN_CHARS)) }
                                td { (outcome_text(lang, l.outcome)) }
                                td { @if let Some(d) = l.days { (d) } }
                                td { @match l.in_time { Some(true) => (t(lang, "yes")), Some(false) => (t(lang, "no")), None => "" } }
                            }
                        }
                    }
                }
                (paging::nav(lang, shown, |n| format!("/klachten/register?jaar={year}&pagina={n}")))
            }
        },
    )
}
