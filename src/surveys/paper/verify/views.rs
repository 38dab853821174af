//! The verification screen's markup: the list of waiting sheets and one sheet with its cut-outs.

use std::collections::BTreeMap;

use base64::Engine;
use maud::{html, Markup};

use super::decisions::{box_field, text_field};
use super::queries::{Listed, PlaceOptions};
use super::service::PlaceRefused;
use crate::surveys::answers::text_in;
use crate::surveys::definition::Definition;
use crate::surveys::form::value_label;
use crate::surveys::paper::omr::{Conflict, FieldKind, Mark, PageProblem, SheetRead};
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::i18n::{t, t_args, t_count, Lang};
use crate::web::layout::{csrf_field, error_summary};
use crate::web::paging::{self, Page};

/// The list of sheets waiting for a clerk, one page of them.
pub(super) fn list_markup(
    lang: Lang,
    id: i64,
    page: &Page,
    rows: &[Listed],
    notice: Option<&str>,
) -> Markup {
    let base = format!("/invoer/rondes/{id}/papier/controle");
    html! {
        @if let Some(key) = notice { div.notice role="status" { p { (t(lang, key)) } } }
        p { (t(lang, "paper-verify-list-intro")) }
        @if rows.is_empty() {
            p { (t(lang, "paper-verify-none")) }
        } @else {
            table {
                caption { (t_count(lang, "paper-verify-count", page.total)) }
                thead { tr {
                    th scope="col" { (t(lang, "paper-col-form")) }
                    th scope="col" { (t(lang, "paper-verify-col-boxes")) }
                    th scope="col" { (t(lang, "paper-verify-col-texts")) }
                    th scope="col" { (t(lang, "paper-verify-col-problems")) }
                } }
                tbody {
                    @for r in rows {
                        tr {
                            td { a href={ (base) "/" (r.id) } { (form_name(lang, &r.form, r.id)) } }
                            td { (r.boxes) }
                            td { (r.texts) }
                            td { (r.problems) }
                        }
                    }
                }
            }
            (paging::nav(lang, page, |n| format!("{base}?pagina={n}")))
        }
        p { a.tap href={ "/invoer/rondes/" (id) "/papier" } { (t(lang, "paper-upload-back")) } }
    }
}

/// A waiting sheet's name: its form number, or "page without a number" with its row.
fn form_name(lang: Lang, form: &str, id: i64) -> String {
    if form.is_empty() {
        t_args(lang, "paper-verify-no-number", &[("n", &id.to_string())])
    } else {
        form.to_string()
    }
}

fn png(bytes: &[u8]) -> String {
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// What a page problem means, for the clerk.
pub(super) fn problem_text(lang: Lang, p: &PageProblem) -> String {
    match p {
        PageProblem::NoQr => t(lang, "paper-verify-problem-no-qr"),
        PageProblem::OtherWave(w) => t_args(
            lang,
            "paper-verify-problem-other-wave",
            &[("wave", &w.to_string())],
        ),
        PageProblem::NoLayout(_) => t(lang, "paper-verify-problem-no-layout"),
        PageProblem::NoSuchPage(n) => t_args(
            lang,
            "paper-verify-problem-no-such-page",
            &[("page", &n.to_string())],
        ),
        PageProblem::NotAligned(_) => t(lang, "paper-verify-problem-not-aligned"),
        PageProblem::Blank => t(lang, "paper-verify-problem-blank"),
    }
}

fn conflict_text(lang: Lang, def: &Definition, c: &Conflict) -> String {
    match c {
        Conflict::DoubleMark { item } => {
            let question = def
                .item(item)
                .map(|i| text_in(&i.text, lang).to_string())
                .unwrap_or_else(|| item.clone());
            t_args(
                lang,
                "paper-verify-conflict-double",
                &[("question", &question)],
            )
        }
        Conflict::PageTwice { page } => t_args(
            lang,
            "paper-verify-conflict-page-twice",
            &[("page", &page.to_string())],
        ),
        Conflict::PageMissing { page } => t_args(
            lang,
            "paper-verify-conflict-page-missing",
            &[("page", &page.to_string())],
        ),
    }
}

/// What the reader made of a box, with its confidence.
fn read_text(lang: Lang, mark: Mark, confidence: f32) -> String {
    let key = match mark {
        Mark::Marked => "paper-verify-read-marked",
        Mark::Empty => "paper-verify-read-empty",
        Mark::Cancelled => "paper-verify-read-cancelled",
    };
    let percent = ((confidence.clamp(0.0, 1.0)) * 100.0).round() as i64;
    t_args(lang, key, &[("percent", &percent.to_string())])
}

/// A sheet as first shown: the notice of what happened to the sheet before (reached by "save and
/// next"), then the sheet with what the reader chose.
pub(super) fn sheet_with_notice(
    ctx: &Ctx,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    read: &SheetRead,
    place: Option<&PlaceOptions>,
    notice: Option<&str>,
) -> Markup {
    html! {
        @if let Some(key) = notice { div.notice role="status" { p { (t(ctx.lang, key)) } } }
        (sheet_markup(ctx, wave, def, sheet_id, read, &BTreeMap::new(), &[], place))
    }
}

/// The field a refused form and page number is shown at, and what to fix, for the clerk.
pub(super) fn place_error(
    lang: Lang,
    wave_id: i64,
    refused: &PlaceRefused,
) -> (&'static str, String) {
    match refused {
        PlaceRefused::Form => (
            "formulier",
            t_args(
                lang,
                "paper-place-error-form",
                &[("prefix", &format!("R{wave_id}-"))],
            ),
        ),
        PlaceRefused::Page(pages) => (
            "pagina",
            t_args(
                lang,
                "paper-place-error-page",
                &[("pages", &pages.to_string())],
            ),
        ),
        PlaceRefused::NotPrinted(printed) => (
            "formulier",
            crate::surveys::paper::prints::not_printed_text(lang, printed),
        ),
        PlaceRefused::Stored(form) => (
            "formulier",
            t_args(lang, "paper-place-error-stored", &[("form", form)]),
        ),
        PlaceRefused::Lang => ("formulier", t(lang, "paper-verify-problem-no-layout")),
        PlaceRefused::Unread(problem) => (
            "formulier",
            match problem {
                Some(problem) => problem_text(lang, problem),
                None => t(lang, "paper-place-error-unread"),
            },
        ),
    }
}

#[allow(clippy::too_many_arguments)]
pub(super) fn sheet_markup(
    ctx: &Ctx,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    read: &SheetRead,
    chosen: &BTreeMap<String, String>,
    errors: &[(&str, String)],
    place: Option<&PlaceOptions>,
) -> Markup {
    let lang = ctx.lang;
    let base = format!("/invoer/rondes/{}/papier/controle/{sheet_id}", wave.id);
    let question = |key: &str| {
        def.item(key)
            .map(|i| text_in(&i.text, lang).to_string())
            .unwrap_or_else(|| key.to_string())
    };
    let label = |key: &str, value: &str| {
        def.item(key)
            .map(|i| value_label(i, value, lang))
            .unwrap_or_else(|| value.to_string())
    };
    let identified = !read.form.is_empty();
    html! {
        (error_summary(ctx, errors))
        p { (t(lang, "paper-verify-intro")) }
        @if !read.conflicts.is_empty() {
            h2 { (t(lang, "paper-verify-conflicts")) }
            ul { @for c in &read.conflicts { li { (conflict_text(lang, def, c)) } } }
        }
        @for (p, page) in read.pages.iter().enumerate() {
            @if let Some(problem) = &page.problem {
                section.scan-page aria-labelledby={ "pagina-" (p) } {
                    h2 id={ "pagina-" (p) } { (t_args(lang, "paper-verify-scan", &[("n", &page.scan_index.to_string())])) }
                    p { (problem_text(lang, problem)) }
                    @if let Some(thumb) = &page.thumbnail_png {
                        img.scan-thumbnail src=(png(thumb)) alt=(t_args(lang, "paper-verify-thumbnail-alt", &[("n", &page.scan_index.to_string())]));
                    }
                }
            }
        }
        @if identified {
            form.verify-form method="post" action=(base) novalidate {
                (csrf_field(ctx))
                @for (p, page) in read.pages.iter().enumerate() {
                    @for (b, bx) in page.boxes.iter().enumerate() {
                        @if bx.needs_verification {
                            @let name = box_field(p, b);
                            @let marked = chosen.get(&name).map(|v| v == "1").unwrap_or(bx.mark == Mark::Marked);
                            fieldset.verify-box id=(name) {
                                legend { (question(&bx.item)) ": " strong { (label(&bx.item, &bx.value)) } }
                                div.verify-pair {
                                    @if let Some(cut) = &bx.cutout_png {
                                        img.cutout src=(png(cut)) alt=(t_args(lang, "paper-verify-cutout-alt", &[("answer", &label(&bx.item, &bx.value))]));
                                    }
                                    p.read { (read_text(lang, bx.mark, bx.confidence)) }
                                }
                                span.choice {
                                    input id={ (name) "-ja" } type="radio" name=(name) value="1" checked[marked];
                                    label for={ (name) "-ja" } { (t(lang, "paper-verify-choose-marked")) }
                                }
                                span.choice {
                                    input id={ (name) "-nee" } type="radio" name=(name) value="0" checked[!marked];
                                    label for={ (name) "-nee" } { (t(lang, "paper-verify-choose-empty")) }
                                }
                            }
                        }
                    }
                    @for (f, field) in page.fields.iter().enumerate() {
                        @if field.written {
                            @let name = text_field(p, f);
                            div.field.verify-text {
                                label for=(name) {
                                    (question(&field.item))
                                    @if field.kind == FieldKind::Other { " – " (t(lang, "answer-other-text")) }
                                }
                                img.cutout.cutout-text src=(png(&field.png)) alt=(t_args(lang, "paper-verify-field-alt", &[("question", &question(&field.item))]));
                                textarea id=(name) name=(name) rows="3" { (chosen.get(&name).map(String::as_str).unwrap_or("")) }
                            }
                        }
                    }
                }
                div.buttons {
                    button type="submit" name="daarna" value="volgende" { (t(lang, "paper-verify-submit-next")) }
                    button.secondary type="submit" { (t(lang, "paper-verify-submit")) }
                }
            }
        } @else if let Some(place) = place {
            (place_markup(ctx, wave, &base, place, chosen, errors))
        } @else {
            p { (t(lang, "paper-verify-unidentified")) }
            p { a href={ "/invoer/rondes/" (wave.id) } { (t(lang, "paper-verify-type-in")) } }
        }
        h2 { (t(lang, "paper-verify-discard-title")) }
        p { (t(lang, "paper-verify-discard-intro")) }
        form method="post" action={ (base) "/weg" } {
            (csrf_field(ctx))
            button.secondary type="submit" { (t(lang, "paper-verify-discard")) }
        }
        p { a.tap href={ "/invoer/rondes/" (wave.id) "/papier/controle" } { (t(lang, "paper-verify-back")) } }
    }
}

pub(super) fn title(lang: Lang, read: &SheetRead, id: i64) -> String {
    t_args(
        lang,
        "paper-verify-title",
        &[("form", &form_name(lang, &read.form, id))],
    )
}

/// For a page without a readable QR code whose scan was kept: the clerk types the form number and
/// page number printed on it (and its language, when forms were printed in more than one), and
/// the page is read as that page. `typed` holds what was sent, when the page comes back.
fn place_markup(
    ctx: &Ctx,
    wave: &Wave,
    base: &str,
    place: &PlaceOptions,
    typed: &BTreeMap<String, String>,
    errors: &[(&str, String)],
) -> Markup {
    let lang = ctx.lang;
    let error = |field: &str| {
        errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, e)| e.as_str())
    };
    let prefix = format!("R{}-", wave.id);
    let value = |k: &str| typed.get(k).map(String::as_str).unwrap_or("");
    let chosen_lang = typed
        .get("taal")
        .cloned()
        .unwrap_or_else(|| place.langs[0].clone());
    html! {
        h2 #plaats-kop { (t(lang, "paper-place-title")) }
        p { (t(lang, "paper-place-intro")) }
        form.place-form method="post" action={ (base) "/plaats" } novalidate aria-labelledby="plaats-kop" {
            (csrf_field(ctx))
            (crate::web::layout::text_field("formulier", &t(lang, "paper-correct-form"), "text", value("formulier"),
                Some(&t_args(lang, "paper-place-form-hint", &[("prefix", &prefix), ("example", &format!("{prefix}000127"))])),
                error("formulier"), "off"))
            (crate::web::layout::text_field("pagina", &t(lang, "paper-place-page"), "text", value("pagina"),
                Some(&t_args(lang, "paper-place-page-hint", &[("pages", &place.pages.to_string())])),
                error("pagina"), "off"))
            @if place.langs.len() > 1 {
                div.field {
                    label for="taal" { (t(lang, "paper-place-lang")) }
                    select #taal name="taal" {
                        @for l in &place.langs {
                            @let shown = Lang::from_code(l).map(|x| x.native_name()).unwrap_or(l.as_str());
                            option value=(l) selected[*l == chosen_lang] { (shown) }
                        }
                    }
                }
            } @else {
                input type="hidden" name="taal" value=(chosen_lang);
            }
            button type="submit" { (t(lang, "paper-place-submit")) }
        }
        p { (t(lang, "paper-place-or-type")) " " a href={ "/invoer/rondes/" (wave.id) } { (t(lang, "paper-verify-type-in")) } }
    }
}
