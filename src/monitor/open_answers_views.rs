//! The page shown instead of the open answers' file: why it is not made (yet), and the way back.

use maud::{html, Markup};

use crate::web::i18n::{t, Lang};

/// Why the file of wave `wave_id` is not made (`text`), why that rule exists, and the way back.
pub fn refused_markup(lang: Lang, wave_id: i64, text: &str) -> Markup {
    html! {
        p.lead { (text) }
        p { (t(lang, "after-close-why")) }
        p { a href={ "/onderzoek/rondes/" (wave_id) } { (t(lang, "volunteers-back")) } }
    }
}
