//! The pages of changing a wave before it opens: the form (dates, N, channels) and the page that
//! says the wave can no longer be changed.

use maud::{html, Markup};

use super::wave_edit::EditForm;
use crate::fmt::date_text;
use crate::surveys::channel::Channel;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args};
use crate::web::layout::{self, csrf_field, error_summary};

/// The page title: "change wave <name>".
pub fn title(ctx: &Ctx, w: &Wave) -> String {
    t_args(ctx.lang, "wave-edit-title", &[("wave", &w.name)])
}

/// The form with the values `f`, what to fix, and a notice when `codes` invitation codes were made.
pub fn form_markup(
    ctx: &Ctx,
    w: &Wave,
    f: &EditForm,
    errors: &[(&str, String)],
    codes: i64,
) -> Markup {
    let lang = ctx.lang;
    let err = |k: &str| layout::error_for(errors, k);
    let base = format!("/onderzoek/rondes/{}", w.id);
    html! {
        (error_summary(ctx, errors))
        p { (t(lang, "wave-edit-intro")) }
        @if codes > 0 {
            p.notice { (t_args(lang, "wave-edit-codes-made", &[("n", &codes.to_string())])) }
        }
        form method="post" action={ (base) "/wijzigen" } novalidate {
            (csrf_field(ctx))
            (layout::text_field("open", &t(lang, "wave-opens"), "date", &f.open, None, err("open"), "off"))
            (layout::text_field("sluit", &t(lang, "wave-closes"), "date", &f.sluit, None, err("sluit"), "off"))
            (layout::text_field("n", &t(lang, "wave-population"), "text", &f.n, Some(&t(lang, "wave-population-hint")), err("n"), "off"))
            fieldset #kanalen {
                legend { (t(lang, "wave-channels")) }
                @if let Some(e) = err("kanalen") { p.error { (e) } }
                @for (i, ch) in Channel::ALL.iter().enumerate() {
                    @let id = if i == 0 { "kanalen".to_string() } else { format!("kanaal-{ch}") };
                    div.choice {
                        input id=(id) type="checkbox" name="kanalen" value=(ch) checked[f.kanalen.iter().any(|c| c == ch.code())];
                        label for=(id) { (t(lang, &format!("channel-{ch}"))) }
                    }
                }
            }
            button type="submit" { (t(lang, "wave-edit-submit")) }
        }
        p { a href=(base) { (t(lang, "volunteers-back")) } }
    }
}

/// Why the wave can no longer be changed (it opened on its opening date), with the way back.
pub fn refused_markup(ctx: &Ctx, w: &Wave) -> Markup {
    let lang = ctx.lang;
    html! {
        p.lead { (t_args(lang, "wave-edit-refused-since", &[("date", &date_text(w.opens_on))])) }
        p { (t(lang, "wave-edit-refused")) }
        p { a href={ "/onderzoek/rondes/" (w.id) } { (t(lang, "volunteers-back")) } }
    }
}
