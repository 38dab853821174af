//! The public complaint pages' markup: the form and the receipt with the tracking code.

use maud::{html, Markup};

use super::public::{Filled, MAX_DESCRIPTION, MAX_FILES, MAX_WISH};
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary};

/// The complaint form, filled in as far as it was, with the problems found.
pub fn form(ctx: &Ctx, f: &Filled, errors: &[(&str, String)], max_mb: usize) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (error_summary(ctx, errors))
        div.notice { p { strong { (t(lang, "complaint-no-effect")) } } }
        p { (t(lang, "complaint-intro")) }
        form method="post" action="/klacht" enctype="multipart/form-data" novalidate {
            (csrf_field(ctx))
            (layout::text_area("omschrijving", &t(lang, "complaint-description"), &f.description, Some(&t(lang, "complaint-description-hint")), err("omschrijving"), MAX_DESCRIPTION, 8))
            (layout::text_area("wens", &t(lang, "complaint-wish"), &f.wish, Some(&t(lang, "complaint-optional")), err("wens"), MAX_WISH, 3))
            fieldset {
                legend { (t(lang, "complaint-contact")) }
                p.hint #contact-hint { (t(lang, "complaint-contact-hint")) }
                (layout::text_field("naam", &t(lang, "complaint-name"), "text", &f.name, None, err("naam"), "name"))
                (layout::text_area("adres", &t(lang, "complaint-address"), &f.address, None, err("adres"), 300, 3))
                (layout::text_field("email", &t(lang, "complaint-email"), "email", &f.email, None, err("email"), "email"))
                (layout::text_field("telefoon", &t(lang, "complaint-phone"), "tel", &f.phone, None, err("telefoon"), "tel"))
            }
            div.field.has-error[err("bijlage").is_some()] {
                label for="bijlage" { (t(lang, "complaint-files")) }
                p.hint #bijlage-hint { (t_args(lang, "complaint-files-hint", &[("n", &MAX_FILES.to_string()), ("max", &max_mb.to_string())])) }
                @if let Some(e) = err("bijlage") { p.error #bijlage-error { (e) } }
                input #bijlage type="file" name="bijlage" multiple accept=".pdf,.jpg,.jpeg,.png,.txt,.doc,.docx,.odt"
                    aria-describedby=(if err("bijlage").is_some() { "bijlage-hint bijlage-error" } else { "bijlage-hint" })
                    aria-invalid=[err("bijlage").map(|_| "true")];
            }
            p { (t(lang, "complaint-privacy")) }
            button type="submit" { (t(lang, "complaint-submit")) }
        }
        p { a.tap href="/klacht/volgen" { (t(lang, "complaint-track-link")) } }
        (crate::web::contact::contact_block(ctx))
    }
}

/// The receipt after sending: the case number and the tracking code `(case, code, anonymous)`,
/// shown once; or, when it was already shown, where to turn.
pub fn receipt(ctx: &Ctx, shown: Option<(&str, &str, bool)>) -> Markup {
    let lang = ctx.lang;
    match shown {
        Some((case, code, anonymous)) => html! {
            div.notice role="status" { p { (t_args(lang, "complaint-received", &[("case", case)])) } }
            @if anonymous {
                p { (t(lang, "complaint-received-anonymous")) }
            } @else {
                p { (t(lang, "complaint-received-next")) }
            }
            h2 { (t(lang, "complaint-code-title")) }
            p.code lang="nl" dir="ltr" { strong { (code) } }
            p { (t(lang, "complaint-code-keep")) }
            p { a.tap href="/klacht/volgen" { (t(lang, "complaint-track-link")) } }
            p { (t(lang, "complaint-no-effect")) }
        },
        None => html! {
            p { (t(lang, "complaint-receipt-gone")) }
            (crate::web::contact::contact_line(ctx))
            p { a.tap href="/klacht/volgen" { (t(lang, "complaint-track-link")) } }
        },
    }
}
