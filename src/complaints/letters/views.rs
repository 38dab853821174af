//! The letters page.

use maud::{html, Markup};

use super::routes::Waiting;
use crate::complaints::store;
use crate::surveys::respondent::date_text;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field};

/// The letters waiting to be posted, each with its "sent" button.
pub(super) fn letters_page(ctx: &Ctx, letters: &[Waiting]) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "cases-letters"),
        html! {
            p.no-print { (t(lang, "letters-intro")) }
            @if letters.is_empty() { p { (t(lang, "letters-none")) } }
            @for l in letters {
                article.letter lang="nl" {
                    p.recipient { @for line in l.recipient.lines() { (line) br; } }
                    p { (ctx.municipality) ", " (date_text(l.created.date())) }
                    p { strong { (l.subject) } }
                    @for para in l.body.split("\n\n") { p { @for (i, line) in para.lines().enumerate() { @if i > 0 { br; } (line) } } }
                    form.no-print method="post" action={ "/klachten/brieven/" (l.id) "/verstuurd" } {
                        (csrf_field(ctx))
                        button type="submit" { (t_args(lang, "letters-sent", &[("case", &store::case_number_of(l.received, l.complaint))])) }
                    }
                }
            }
        },
    )
}
