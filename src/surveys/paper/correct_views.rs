//! The page of a sheet kept aside: why it was kept apart, what the scanner read, the questionnaire
//! filled in with what passed (or as the clerk typed it), and the form to remove it.

use maud::{html, Markup};

use super::correct_queries::Kept;
use super::correct_service::offered_form;
use super::sheet::Finding;
use crate::surveys::answers::{self, AnswerSet, ItemProblem};
use crate::surveys::definition::Definition;
use crate::surveys::form;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};

/// Characters of one value shown on a kept sheet's page: five times the longest open answer.
const FULL_CHARS: usize = 5_000;

/// The form's own field, named with a '-' (question keys never hold one).
pub const FORM_FIELD: &str = "blad-formulier";

/// A kept sheet's form number as listed (a sheet without one is named by its row).
pub fn shown_form(lang: Lang, stored: &str) -> String {
    match stored.strip_prefix(super::import::NO_NUMBER_PREFIX) {
        Some(rest) => {
            let line = rest.split('-').next().unwrap_or(rest);
            t_args(lang, "paper-correct-no-number", &[("line", line)])
        }
        None => stored.to_string(),
    }
}

/// A problem in the page's language: what the rule means, then the importer's Dutch detail; the
/// value and the detail at most `max` characters each (see [`problem_is_long`]).
pub fn problem_markup(lang: Lang, f: &Finding, max: usize) -> Markup {
    html! {
        (t(lang, super::web::rule_key(f.rule)))
        @if !f.column.is_empty() { " (" (crate::web::paging::short_text(lang, &f.column, 40)) ")" }
        @if !f.value.is_empty() { ": " (crate::web::paging::short_text(lang, &f.value, max)) }
        " – " span lang="nl" { (crate::web::paging::short_text(lang, &f.detail, max)) }
    }
}

/// Whether [`problem_markup`] shortens something of this problem at `max` characters.
pub fn problem_is_long(f: &Finding, max: usize) -> bool {
    f.value.chars().count() > max || f.detail.chars().count() > max
}

/// The questionnaire part of the page as it is shown: the form number and answers in the fields,
/// and what to fix.
pub struct Filled<'a> {
    /// The form number in its field.
    pub form_value: &'a str,
    /// The answers in the questionnaire's fields.
    pub answers: &'a AnswerSet,
    /// What to fix, by question.
    pub errors: &'a [(String, ItemProblem)],
    /// What to fix outside the questions (the form number), by field.
    pub general: &'a [(&'a str, String)],
}

/// The whole page of kept sheet `sheet_id` of `wave`.
pub fn page(
    ctx: &Ctx,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    kept: &Kept,
    filled: &Filled<'_>,
) -> Markup {
    layout::page(
        ctx,
        &title(ctx.lang, kept),
        body(ctx, wave, def, sheet_id, kept, filled),
    )
}

fn body(
    ctx: &Ctx,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    kept: &Kept,
    filled: &Filled<'_>,
) -> Markup {
    let lang = ctx.lang;
    let (errors, general) = (filled.errors, filled.general);
    let list = form::error_list(def, lang, errors, general);
    let err_of = |key: &str| errors.iter().find(|(k, _)| k == key).map(|(_, p)| p);
    let base = format!("/invoer/rondes/{}/papier/apart/{sheet_id}", wave.id);
    let read: Vec<(&String, &String)> = kept
        .raw
        .iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .collect();
    html! {
        (error_summary(ctx, &list))
        p { (t_args(lang, "paper-correct-intro", &[("line", &kept.line.to_string())])) }
        h2 { (t(lang, "paper-correct-problems")) }
        ul { @for f in &kept.problems { li { (problem_markup(lang, f, crate::web::paging::SHOWN_CHARS)) } } }
        details #gelezen open {
            summary { (t(lang, "paper-correct-read")) }
            table {
                caption.visually-hidden { (t(lang, "paper-correct-read")) }
                thead { tr { th scope="col" { (t(lang, "paper-col-column")) } th scope="col" { (t(lang, "paper-col-value")) } } }
                // Whole up to far more than any question keeps: this is where a text shortened in the
                // lists is read in full; only a runaway value is cut (with its length), so the page stays small.
                tbody { @for (k, v) in &read { tr { td { (crate::web::paging::short_text(lang, k, 40)) } td.full-text { (crate::web::paging::short_text(lang, v, FULL_CHARS)) } } } }
            }
        }
        h2 { (t(lang, "paper-correct-answers")) }
        p { (t(lang, "entry-intro")) }
        form.entry-form method="post" action=(base) novalidate {
            (csrf_field(ctx))
            (layout::text_field(FORM_FIELD, &t(lang, "paper-correct-form"), "text", filled.form_value,
                Some(&t_args(lang, "paper-correct-form-hint", &[("prefix", &format!("R{}-", wave.id))])),
                layout::error_for(general, FORM_FIELD), "off"))
            @for sec in &def.sections {
                h3 { (answers::text_in(&sec.title, lang)) }
                @for item in &sec.items {
                    (form::entry_question(item, lang, filled.answers, err_of(&item.key)))
                }
            }
            button type="submit" { (t(lang, "paper-correct-submit")) }
        }
        h2 { (t(lang, "paper-correct-discard-title")) }
        p { (t(lang, "paper-correct-discard-intro")) }
        form method="post" action={ (base) "/weg" } {
            (csrf_field(ctx))
            button.secondary type="submit" { (t(lang, "paper-correct-discard")) }
        }
        p { a.tap href={ "/invoer/rondes/" (wave.id) "/papier" } { (t(lang, "paper-upload-back")) } }
    }
}

fn title(lang: Lang, kept: &Kept) -> String {
    let form = offered_form(&kept.form);
    if form.is_empty() {
        t_args(
            lang,
            "paper-correct-title-line",
            &[("line", &kept.line.to_string())],
        )
    } else {
        t_args(lang, "paper-correct-title", &[("form", form)])
    }
}
