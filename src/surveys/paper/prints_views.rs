//! The fields of both print forms (the wave page and the clerk's paper page): what was printed
//! before, the first and last number (the next free ones proposed, or what was typed when the
//! request was refused), the forms' language, and the box for printing the same numbers again.

use maud::{html, Markup};

use super::forms_download::{FormsQuery, MAX_NUMBER};
use super::prints::{proposed, ranges_text, run_text, Printed};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout;

/// How many of the latest print runs are listed.
const LISTED: usize = 5;

/// The fields `van`, `tot`, `taal` and `opnieuw`, with what was printed before; `error` belongs
/// to `van`. `typed` is what the clerk asked for when it was refused: shown again as typed, so
/// ticking the box prints what was meant.
pub fn print_fields(
    lang: Lang,
    prints: &[Printed],
    typed: Option<&FormsQuery>,
    error: Option<&str>,
    to_hint: Option<&str>,
) -> Markup {
    let (from, to) = match typed {
        Some(q) => (q.van.trim().to_string(), q.tot.trim().to_string()),
        None => proposed(prints, MAX_NUMBER)
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .unwrap_or_default(),
    };
    let forms_lang = typed.map_or(lang, FormsQuery::lang);
    let reprint = typed.is_some_and(FormsQuery::reprint);
    html! {
        @if prints.is_empty() {
            p { (t(lang, "paper-prints-none")) }
        } @else {
            p { (t_args(lang, "paper-prints-printed", &[("printed", &ranges_text(prints))])) }
            p #geprint-kop { (t(lang, "paper-prints-recent")) }
            ul aria-labelledby="geprint-kop" {
                @for p in prints.iter().rev().take(LISTED) { li { (run_text(lang, p)) } }
            }
        }
        (layout::text_field("van", &t(lang, "paper-forms-from"), "text", &from, None, error, "off"))
        (layout::text_field("tot", &t(lang, "paper-forms-to"), "text", &to, to_hint, None, "off"))
        div.field {
            label for="taal" { (t(lang, "codes-language")) }
            select #taal name="taal" {
                @for l in Lang::ALL { option value=(l.code()) lang=(l.code()) selected[l == forms_lang] { (l.native_name()) } }
            }
        }
        div.field {
            div.choice {
                input #opnieuw type="checkbox" name="opnieuw" value="ja" checked[reprint];
                label for="opnieuw" { (t(lang, "paper-prints-reprint")) }
            }
        }
    }
}
