//! Correcting a sheet that was kept aside: the `invoerder` sees what the scanner read and why the
//! sheet was kept apart, gets the questionnaire filled in with every answer that passed, corrects it
//! from the paper in hand, and imports it (channel `paper-scan`, its form number marked as read) or,
//! when the sheet cannot be used, removes it on purpose.

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use diesel::prelude::*;
use maud::{html, Markup};
use serde::Deserialize;

use super::mapping;
use super::reader::Row;
use super::sheet::{self, Expect, Finding, Format, Layout};
use crate::accounts::audit;
use crate::accounts::model::Role;
use crate::db::schema::{paper_forms, paper_quarantine};
use crate::db::write_tx;
use crate::surveys::answers::{self, AnswerSet, ItemProblem};
use crate::surveys::channel::Channel;
use crate::surveys::definition::Definition;
use crate::surveys::form;
use crate::surveys::respond::{self, Meta};
use crate::surveys::staff::actor;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ENTRY: Access = Access::Roles(&[Role::Invoerder]);

/// Characters of one value shown on a kept sheet's page: five times the longest open answer.
const FULL_CHARS: usize = 5_000;

/// The form's own field, named with a '-' (question keys never hold one).
const FORM_FIELD: &str = "blad-formulier";

/// Routes of the correction pages.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/invoer/rondes/{id}/papier/apart/{sheet}", ENTRY)
            .get(correct_page)
            .post(correct_submit),
        RouteDef::new("/invoer/rondes/{id}/papier/apart/{sheet}/weg", ENTRY).post(discard),
    ]
}

#[derive(Deserialize)]
struct SheetPath {
    id: i64,
    sheet: i64,
}

/// A sheet kept aside, as stored.
struct Kept {
    form: String,
    line: i64,
    /// What the scanner read, by column.
    raw: BTreeMap<String, String>,
    problems: Vec<Finding>,
}

/// The form number to offer: the one read, unless the sheet had none.
fn offered_form(stored: &str) -> &str {
    if stored.starts_with("ZONDER-NUMMER") {
        ""
    } else {
        stored
    }
}

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

/// The answers on a kept sheet that pass the questionnaire's rules, read again from what the scanner
/// gave (an SDAPS export has a `global_id` column; otherwise it was the generic format). Answers to
/// refused or double-marked questions stay empty, for the clerk to fill in from the paper.
pub fn answers_read(
    def: &Definition,
    wave: &Wave,
    line: u64,
    raw: &BTreeMap<String, String>,
) -> AnswerSet {
    let header: Vec<String> = raw.keys().cloned().collect();
    let (format, rules) = if raw.contains_key("global_id") {
        (Format::Sdaps, mapping::sdaps(def))
    } else {
        match mapping::generic(def, &header) {
            Ok(rules) => (Format::Generic, rules),
            Err(_) => return AnswerSet::new(),
        }
    };
    let Ok(layout) = Layout::new(format, &header, &rules, def) else {
        return AnswerSet::new();
    };
    let row = Row {
        line,
        fields: raw.values().cloned().collect(),
        too_long: None,
    };
    let expect = Expect {
        wave_id: wave.id,
        version_id: wave.version_id,
    };
    sheet::read_sheet(def, &layout, expect, &row).answers
}

/// What is wrong with a typed form number, if anything.
pub fn form_problem(lang: Lang, wave_id: i64, form: &str) -> Option<String> {
    if form.is_empty() {
        Some(t(lang, "paper-correct-error-form-empty"))
    } else if sheet::wave_of_form(form) != Some(wave_id) {
        Some(t_args(
            lang,
            "paper-correct-error-form-wave",
            &[("prefix", &format!("R{wave_id}-"))],
        ))
    } else {
        None
    }
}

async fn load(
    state: &AppState,
    p: &SheetPath,
) -> Result<(Wave, std::sync::Arc<Definition>, Kept), AppError> {
    let (id, sheet_id) = (p.id, p.sheet);
    state
        .db(move |conn| {
            let (wave, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
            let row: Option<(String, i64, String, String)> = paper_quarantine::table
                .filter(paper_quarantine::id.eq(sheet_id))
                .filter(paper_quarantine::wave_id.eq(id))
                .select((
                    paper_quarantine::form_id,
                    paper_quarantine::line,
                    paper_quarantine::sheet,
                    paper_quarantine::problems,
                ))
                .get_result(conn)
                .optional()?;
            let (form, line, raw, problems) = row.ok_or(AppError::NotFound)?;
            let kept = Kept {
                form,
                line,
                raw: serde_json::from_str(&raw).unwrap_or_default(),
                problems: serde_json::from_str(&problems).unwrap_or_default(),
            };
            Ok((wave, def, kept))
        })
        .await
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

#[allow(clippy::too_many_arguments)]
fn markup(
    ctx: &Ctx,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    kept: &Kept,
    form_value: &str,
    answers: &AnswerSet,
    errors: &[(String, ItemProblem)],
    general: &[(&str, String)],
) -> Markup {
    let lang = ctx.lang;
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
            (layout::text_field(FORM_FIELD, &t(lang, "paper-correct-form"), "text", form_value,
                Some(&t_args(lang, "paper-correct-form-hint", &[("prefix", &format!("R{}-", wave.id))])),
                layout::error_for(general, FORM_FIELD), "off"))
            @for sec in &def.sections {
                h3 { (answers::text_in(&sec.title, lang)) }
                @for item in &sec.items {
                    (form::entry_question(item, lang, answers, err_of(&item.key)))
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

async fn correct_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (wave, def, kept) = load(&state, &p).await?;
    let answers = answers_read(&def, &wave, kept.line as u64, &kept.raw);
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &title(ctx.lang, &kept),
            markup(
                &ctx,
                &wave,
                &def,
                p.sheet,
                &kept,
                offered_form(&kept.form),
                &answers,
                &[],
                &[],
            ),
        ),
    ))
}

/// Why a corrected sheet could not be stored.
enum Refused {
    AlreadyImported,
    Gone,
}

async fn correct_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let p = path.into_inner();
    let (wave, def, kept) = load(&state, &p).await?;
    let form_value = fields
        .iter()
        .find(|(k, _)| k == FORM_FIELD)
        .map(|(_, v)| v.trim().to_uppercase())
        .unwrap_or_default();
    let mut answers = AnswerSet::new();
    let problems = form::read_entry(&def, &fields, lang, &["csrf", FORM_FIELD], &mut answers)
        .map_err(|_| AppError::BadRequest("respond-error-forged"))?;
    let mut general: Vec<(&str, String)> = vec![];
    if let Some(e) = form_problem(lang, wave.id, &form_value) {
        general.push((FORM_FIELD, e));
    }
    if problems.is_empty() && answers.is_empty() {
        general.push((FORM_FIELD, t(lang, "paper-correct-error-empty")));
    }
    let again = |status: StatusCode,
                 general: &[(&str, String)],
                 problems: &[(String, ItemProblem)],
                 shown: &AnswerSet| {
        page_response(
            status,
            layout::page(
                &ctx,
                &title(lang, &kept),
                markup(
                    &ctx,
                    &wave,
                    &def,
                    p.sheet,
                    &kept,
                    &form_value,
                    shown,
                    problems,
                    general,
                ),
            ),
        )
    };
    if !problems.is_empty() || !general.is_empty() {
        let shown = answers::for_display(&answers, &fields, &problems);
        return Ok(again(
            StatusCode::UNPROCESSABLE_ENTITY,
            &general,
            &problems,
            &shown,
        ));
    }
    let json = serde_json::to_string(&answers).map_err(|e| AppError::Internal(e.into()))?;
    let (wave_id, sheet_id) = (wave.id, p.sheet);
    let form_id = form_value.clone();
    let stored_wave = wave.clone();
    let actor = actor(&ctx)?;
    let result = state
        .db(move |conn| {
            let meta = Meta {
                channel: Channel::PaperScan,
                helper: None,
                language: Lang::Nl,
            };
            Ok(write_tx(conn, |c| {
                let still_kept = diesel::delete(
                    paper_quarantine::table
                        .filter(paper_quarantine::id.eq(sheet_id))
                        .filter(paper_quarantine::wave_id.eq(wave_id)),
                )
                .execute(c)?;
                if still_kept == 0 {
                    return Ok(Err(Refused::Gone));
                }
                let known = paper_forms::table
                    .filter(paper_forms::wave_id.eq(wave_id))
                    .filter(paper_forms::form_id.eq(&form_id))
                    .count()
                    .get_result::<i64>(c)?;
                if known > 0 {
                    // Roll back: the sheet stays aside.
                    return Err(diesel::result::Error::RollbackTransaction);
                }
                diesel::insert_into(paper_forms::table)
                    .values((
                        paper_forms::wave_id.eq(wave_id),
                        paper_forms::form_id.eq(&form_id),
                    ))
                    .execute(c)?;
                // Another kept copy of the same form is settled by this one.
                diesel::delete(
                    paper_quarantine::table
                        .filter(paper_quarantine::wave_id.eq(wave_id))
                        .filter(paper_quarantine::form_id.eq(&form_id)),
                )
                .execute(c)?;
                respond::insert_json(c, &stored_wave, &json, &meta, crate::fmt::today())?;
                // Which wave only: a form number beside a moment could point at an answer set.
                audit::record(
                    c,
                    actor,
                    "paper.sheet_corrected",
                    "wave",
                    Some(&wave_id.to_string()),
                    None,
                )?;
                Ok(Ok(()))
            })
            .or_else(|e| match e {
                diesel::result::Error::RollbackTransaction => Ok(Err(Refused::AlreadyImported)),
                other => Err(other),
            })?)
        })
        .await?;
    match result {
        Ok(()) => Ok(see_other(&format!(
            "/invoer/rondes/{}/papier?melding=paper-notice-corrected",
            wave.id
        ))),
        Err(Refused::Gone) => Err(AppError::NotFound),
        Err(Refused::AlreadyImported) => {
            let general = [(FORM_FIELD, t(lang, "paper-correct-error-imported"))];
            Ok(again(StatusCode::CONFLICT, &general, &[], &answers))
        }
    }
}

async fn discard(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    CsrfForm(_): CsrfForm<NoFields>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (id, sheet_id) = (p.id, p.sheet);
    let actor = actor(&ctx)?;
    let removed = state
        .db(move |conn| {
            Ok(write_tx(conn, |c| {
                let form: Option<String> = paper_quarantine::table
                    .filter(paper_quarantine::id.eq(sheet_id))
                    .filter(paper_quarantine::wave_id.eq(id))
                    .select(paper_quarantine::form_id)
                    .get_result(c)
                    .optional()?;
                let Some(form) = form else { return Ok(0) };
                let n = diesel::delete(
                    paper_quarantine::table.filter(paper_quarantine::id.eq(sheet_id)),
                )
                .execute(c)?;
                // Nothing was stored from this sheet, so its number may be kept in the log.
                audit::record(
                    c,
                    actor,
                    "paper.sheet_discarded",
                    "paper_form",
                    Some(&form),
                    Some(&format!("wave {id}")),
                )?;
                Ok::<usize, diesel::result::Error>(n)
            })?)
        })
        .await?;
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!(
        "/invoer/rondes/{id}/papier?melding=paper-notice-discarded"
    )))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_form_number_must_belong_to_the_wave() {
        assert!(form_problem(Lang::Nl, 3, "R3-000012").is_none());
        assert_eq!(
            form_problem(Lang::Nl, 3, ""),
            Some(t(Lang::Nl, "paper-correct-error-form-empty"))
        );
        let other = form_problem(Lang::Nl, 3, "R4-000012").unwrap();
        assert!(other.contains("R3-"), "{other}");
        assert!(form_problem(Lang::Nl, 3, "R3-12A").is_some());
        assert_eq!(offered_form("ZONDER-NUMMER-REGEL-7"), "");
        assert_eq!(
            offered_form(&super::super::import::no_number_key(7, "{}")),
            ""
        );
        assert_eq!(
            shown_form(Lang::Nl, &super::super::import::no_number_key(7, "{}")),
            shown_form(Lang::Nl, "ZONDER-NUMMER-REGEL-7")
        );
        assert_eq!(offered_form("R3-000001"), "R3-000001");
    }
}
