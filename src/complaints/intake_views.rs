//! The markup of registering a complaint that came in another way than the web form.

use maud::{html, Markup};

use super::intake::NewForm;
use super::terms::Channel;
use crate::web::context::Ctx;
use crate::web::i18n::{t, Lang};
use crate::web::layout::{self, csrf_field, error_summary};

/// The whole registration page: the form as typed, with the problems found.
pub(super) fn new_page(ctx: &Ctx, f: &NewForm, errors: &[(&str, String)]) -> Markup {
    layout::page(ctx, &t(ctx.lang, "cases-new"), new_markup(ctx, f, errors))
}

fn new_markup(ctx: &Ctx, f: &NewForm, errors: &[(&str, String)]) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    html! {
        (error_summary(ctx, errors))
        form method="post" action="/klachten/nieuw" novalidate {
            (csrf_field(ctx))
            fieldset #kanaal {
                legend { (t(lang, "case-channel")) }
                @if let Some(e) = err("kanaal") { p.error { (e) } }
                @for (i, ch) in Channel::staff().into_iter().enumerate() {
                    @let id = if i == 0 { "kanaal-eerste".to_string() } else { format!("kanaal-{ch}") };
                    span.choice {
                        input id=(id) type="radio" name="kanaal" value=(ch) checked[f.kanaal == ch.code()];
                        label for=(id) { (t(lang, &format!("channel-complaint-{ch}"))) }
                    }
                }
            }
            (layout::text_field("ontvangen", &t(lang, "case-received"), "date", &f.ontvangen, Some(&t(lang, "case-received-hint")), err("ontvangen"), "off"))
            (layout::text_field("via", &t(lang, "case-via"), "text", &f.via, Some(&t(lang, "case-via-hint")), err("via"), "off"))
            (layout::text_field("via_email", &t(lang, "case-via-email"), "email", &f.via_email, None, err("via_email"), "off"))
            div.field {
                label for="taal" { (t(lang, "case-language")) }
                select #taal name="taal" {
                    @for l in Lang::ALL { option value=(l.code()) selected[l.code() == f.taal || (f.taal.is_empty() && l == Lang::Nl)] { (l.native_name()) } }
                }
            }
            fieldset {
                legend { (t(lang, "complaint-contact")) }
                p.hint { (t(lang, "case-contact-hint")) }
                (layout::text_field("naam", &t(lang, "case-name"), "text", &f.naam, None, err("naam"), "off"))
                (layout::text_area("adres", &t(lang, "case-address"), &f.adres, None, err("adres"), 300, 3))
                (layout::text_field("email", &t(lang, "case-email"), "email", &f.email, None, err("email"), "off"))
                (layout::text_field("telefoon", &t(lang, "case-phone"), "tel", &f.telefoon, None, err("telefoon"), "off"))
            }
            (layout::text_area("omschrijving", &t(lang, "case-description"), &f.omschrijving, None, err("omschrijving"), super::public::MAX_DESCRIPTION, 8))
            (layout::text_area("wens", &t(lang, "case-wish"), &f.wens, None, err("wens"), super::public::MAX_WISH, 3))
            button type="submit" { (t(lang, "case-register")) }
        }
    }
}
