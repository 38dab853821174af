//! Markup of the entry pages.

use maud::{html, Markup};

use super::*;
use crate::fmt::date_text;
use crate::surveys::answers::{self, ItemProblem};
use crate::surveys::channel::Channel;
use crate::surveys::form;
use crate::surveys::respond::HELPERS;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};

pub(super) fn entry_markup(
    ctx: &Ctx,
    wave: &Wave,
    def: &crate::surveys::definition::Definition,
    s: &EntryState,
    errors: &[(String, ItemProblem)],
    general: &[(&str, String)],
    q: &Notice,
) -> Markup {
    let lang = ctx.lang;
    let list = form::error_list(def, lang, errors, general);
    let err_of = |key: &str| errors.iter().find(|(k, _)| k == key).map(|(_, p)| p);
    let general_err = |k: &str| layout::error_for(general, k);
    html! {
        (notice(lang, q))
        (error_summary(ctx, &list))
        p { a href={ "/invoer/rondes/" (wave.id) "/papier" } { (t(lang, "paper-upload-link")) } }
        p { (t(lang, "entry-intro")) }
        form.entry-form method="post" action={ "/invoer/rondes/" (wave.id) } novalidate {
            (csrf_field(ctx))
            fieldset #invoer-kanaal {
                legend { (t(lang, "entry-channel")) }
                @for (i, ch) in Channel::keyed().filter(|c| wave.allows(*c)).enumerate() {
                    @let id = if i == 0 { "invoer-kanaal-eerste".to_string() } else { format!("invoer-kanaal-{ch}") };
                    span.choice {
                        input id=(id) type="radio" name="invoer-kanaal" value=(ch) checked[s.channel == ch.code() || (s.channel.is_empty() && i == 0)];
                        label for=(id) { (t(lang, &format!("channel-{ch}"))) }
                    }
                }
            }
            @if wave.allows(Channel::PaperKeyed) {
                (layout::text_field("invoer-formulier", &t(lang, "entry-form"), "text", &s.form, Some(&t_args(lang, "entry-form-hint", &[("prefix", &format!("R{}-", wave.id))])), general_err("invoer-formulier"), "off"))
            }
            (layout::text_field("invoer-code", &t(lang, "entry-code"), "text", &s.code, Some(&t(lang, "entry-code-hint")), general_err("invoer-code"), "off"))
            div.field {
                label for="invoer-taal" { (t(lang, "entry-language")) }
                select #invoer-taal name="invoer-taal" {
                    @for l in Lang::ALL { option value=(l.code()) selected[l.code() == s.language || (s.language.is_empty() && l == Lang::Nl)] { (l.native_name()) } }
                }
            }
            div.field {
                label for="invoer-hulp" { (t(lang, "respond-helper-label")) }
                select #invoer-hulp name="invoer-hulp" {
                    option value="" { (t(lang, "respond-helper-none")) }
                    @for h in HELPERS { option value=(h) selected[s.helper == *h] { (t(lang, &format!("helper-{h}"))) } }
                }
            }
            @for sec in &def.sections {
                h2 { (answers::text_in(&sec.title, lang)) }
                @for item in &sec.items {
                    (form::entry_question(item, lang, &s.answers, err_of(&item.key)))
                }
            }
            button type="submit" { (t(lang, "entry-submit")) }
        }
    }
}

/// The waves open for entry: the wave's name leads to keying in answers; a wave whose forms
/// come back as scans also has a link to its paper page (reading scans, checking doubtful boxes).
/// After them, `late`: closed waves that still take late paper forms
/// ([`crate::surveys::paper::late`]).
pub(super) fn entry_list_page(ctx: &Ctx, open: &[(&Wave, ClerkWork)], late: Markup) -> Markup {
    let lang = ctx.lang;
    layout::page(
        ctx,
        &t(lang, "entry-list-title"),
        html! {
            @if open.is_empty() { p { (t(lang, "entry-list-none")) } } @else {
                ul {
                    @for (w, work) in open {
                        li {
                            @if work.keyed { a href={ "/invoer/rondes/" (w.id) } { (w.name) } } @else { (w.name) }
                            " (" (t_args(lang, "entry-list-until", &[("date", &date_text(w.closes_on))])) ")"
                            @if work.scans { " – " a href={ "/invoer/rondes/" (w.id) "/papier" } { (t(lang, "entry-list-scans")) } }
                        }
                    }
                }
            }
            (late)
        },
    )
}
