//! The researcher's quote page: the button that makes candidates, then every quote with its text
//! to shorten and the buttons to approve or reject it.

use maud::{html, Markup};

use super::quotes::{DEFAULT_MIN_GROUP, MAX_LENGTH};
use super::quotes_queries::QuoteRow;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::csrf_field;

/// The quotes of wave `wave_id`, one form each.
pub fn page_markup(ctx: &Ctx, wave_id: i64, rows: &[QuoteRow]) -> Markup {
    let lang = ctx.lang;
    let base = format!("/onderzoek/rondes/{wave_id}/citaten");
    html! {
        p { (t_args(lang, "quotes-intro", &[("k", &DEFAULT_MIN_GROUP.to_string())])) }
        form method="post" action=(base) {
            (csrf_field(ctx))
            button type="submit" { (t(lang, "quotes-make")) }
        }
        @if rows.is_empty() { p { (t(lang, "quotes-none")) } }
        @for q in rows {
            form.quote method="post" action={ (base) "/" (q.id) } {
                (csrf_field(ctx))
                fieldset {
                    legend { (t(lang, &format!("quotes-status-{}", q.status))) " · " (q.item_key) }
                    div.field {
                        label for={ "tekst-" (q.id) } { (t(lang, "quotes-text")) }
                        textarea id={ "tekst-" (q.id) } name="tekst" rows="3" maxlength=(MAX_LENGTH) lang="nl" { (q.text) }
                    }
                    button type="submit" name="besluit" value="goedkeuren" { (t(lang, "quotes-approve")) }
                    " "
                    button.secondary type="submit" name="besluit" value="afwijzen" { (t(lang, "quotes-reject")) }
                }
            }
        }
    }
}
