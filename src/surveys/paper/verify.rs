//! The verification screen for scanned forms read by the product (see [`super::omr`]): the
//! `invoerder` sees every doubtful box as a cut-out of the scan next to what was read, confirms or
//! corrects it by keyboard (a pair of radio buttons per box, the reader's guess chosen), types the
//! written text fields from their cut-outs, and settles the sheet. Only then does anything become
//! an answer: the settled sheet goes through the same import pipeline as an OMR export
//! ([`super::omr::settle::settle`]: validation, duplicate detection by form number, report and
//! quarantine). Settling and removing are written in the audit log (the wave and counts only).

use std::collections::BTreeMap;

use actix_web::http::StatusCode;
use actix_web::{web, HttpResponse};
use base64::Engine;
use diesel::prelude::*;
use maud::{html, Markup};
use serde::Deserialize;

use super::omr::settle;
use super::omr::{Conflict, FieldKind, Mark, PageProblem, SettledSheet, SheetRead};
use crate::accounts::audit;
use crate::accounts::model::Role;
use crate::db::schema::paper_scan_pending;
use crate::surveys::answers::text_in;
use crate::surveys::definition::Definition;
use crate::surveys::form::value_label;
use crate::surveys::staff::actor;
use crate::surveys::waves::Wave;
use crate::web::context::Ctx;
use crate::web::csrf::{CsrfForm, NoFields};
use crate::web::errors::{page_response, AppError};
use crate::web::i18n::{t, t_args, t_count, Lang};
use crate::web::layout::{self, csrf_field, error_summary};
use crate::web::paging::{self, Page};
use crate::web::routes::{Access, RouteDef};
use crate::web::{see_other, AppState};

const ENTRY: Access = Access::Roles(&[Role::Invoerder]);

/// Routes of the verification screen.
pub fn routes() -> Vec<RouteDef> {
    vec![
        RouteDef::new("/invoer/rondes/{id}/papier/controle", ENTRY).get(list_page),
        RouteDef::new("/invoer/rondes/{id}/papier/controle/{sheet}", ENTRY)
            .get(sheet_page)
            .post(settle_submit),
        RouteDef::new("/invoer/rondes/{id}/papier/controle/{sheet}/weg", ENTRY).post(discard),
    ]
}

/// A box's field: `vakje-{page}-{box}` (page and box by position in the read).
fn box_field(page: usize, b: usize) -> String {
    format!("vakje-{page}-{b}")
}

/// A text field's field: `tekst-{page}-{field}`.
fn text_field(page: usize, f: usize) -> String {
    format!("tekst-{page}-{f}")
}

/// What the clerk decided, by field name, checked against the read: every doubtful box needs a
/// choice of "1" (marked) or "0" (not chosen).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Box decisions by (page, box).
    pub boxes: BTreeMap<(usize, usize), bool>,
    /// Typed texts by (page, field).
    pub texts: BTreeMap<(usize, usize), String>,
}

/// Reads the clerk's fields against the sheet. `Err` names the boxes without a valid choice.
pub fn decisions(read: &SheetRead, fields: &[(String, String)]) -> Result<Decisions, Vec<String>> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let mut out = Decisions::default();
    let mut missing = vec![];
    for (p, page) in read.pages.iter().enumerate() {
        for (b, bx) in page.boxes.iter().enumerate() {
            if !bx.needs_verification {
                continue;
            }
            let name = box_field(p, b);
            match get(&name) {
                Some("1") => {
                    out.boxes.insert((p, b), true);
                }
                Some("0") => {
                    out.boxes.insert((p, b), false);
                }
                _ => missing.push(name),
            }
        }
        for (f, field) in page.fields.iter().enumerate() {
            if !field.written {
                continue;
            }
            let typed = get(&text_field(p, f)).unwrap_or("").trim();
            out.texts.insert((p, f), typed.to_string());
        }
    }
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(missing)
    }
}

/// The sheet as the clerk settled it: every box as read unless the clerk decided otherwise, in
/// layout order, and the typed texts. Pure, so what is stored follows from what was shown and
/// chosen alone.
pub fn settled(read: &SheetRead, d: &Decisions) -> SettledSheet {
    let mut s = SettledSheet {
        form: read.form.clone(),
        ..Default::default()
    };
    for (p, page) in read.pages.iter().enumerate() {
        for (b, bx) in page.boxes.iter().enumerate() {
            let chosen = d
                .boxes
                .get(&(p, b))
                .copied()
                .unwrap_or(bx.mark == Mark::Marked);
            if chosen {
                s.choices
                    .entry(bx.item.clone())
                    .or_default()
                    .push(bx.value.clone());
            }
        }
        for (f, field) in page.fields.iter().enumerate() {
            let Some(text) = d.texts.get(&(p, f)).filter(|t| !t.is_empty()) else {
                continue;
            };
            let target = match field.kind {
                FieldKind::Answer => &mut s.texts,
                FieldKind::Other => &mut s.other_texts,
            };
            target.insert(field.item.clone(), text.clone());
        }
    }
    s
}

/// How many boxes the clerk changed from what was read (for the log: a count, nothing personal).
pub fn corrected(read: &SheetRead, d: &Decisions) -> usize {
    d.boxes
        .iter()
        .filter(|((p, b), chosen)| {
            read.pages
                .get(*p)
                .and_then(|page| page.boxes.get(*b))
                .is_some_and(|bx| (bx.mark == Mark::Marked) != **chosen)
        })
        .count()
}

#[derive(Deserialize)]
struct SheetPath {
    id: i64,
    sheet: i64,
}

#[derive(Deserialize)]
struct ListQuery {
    pagina: Option<i64>,
    melding: Option<String>,
}

/// Notices the list shows after a sheet was settled or removed.
const NOTICES: [&str; 5] = [
    "paper-verify-notice-imported",
    "paper-verify-notice-quarantined",
    "paper-verify-notice-duplicate",
    "paper-verify-notice-empty",
    "paper-verify-notice-discarded",
];

/// One waiting sheet as listed: its row, form number, and what needs the clerk.
struct Listed {
    id: i64,
    form: String,
    boxes: usize,
    texts: usize,
    problems: usize,
}

async fn list_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<i64>,
    q: web::Query<ListQuery>,
) -> Result<HttpResponse, AppError> {
    let id = path.into_inner();
    let lang = ctx.lang;
    let asked = q.pagina;
    let (wave, page, rows) = state
        .db(move |conn| {
            let wave =
                crate::surveys::waves::find_wave(conn, id).map_err(|_| AppError::NotFound)?;
            let total: i64 = paper_scan_pending::table
                .filter(paper_scan_pending::wave_id.eq(id))
                .count()
                .get_result(conn)?;
            let page = Page::new(asked, paging::PAGE_ROWS, total);
            // One page of sheets at a time: a read holds picture cut-outs.
            let rows: Vec<(i64, String, String)> = paper_scan_pending::table
                .filter(paper_scan_pending::wave_id.eq(id))
                .order(paper_scan_pending::id.asc())
                .limit(page.size)
                .offset(page.offset())
                .select((
                    paper_scan_pending::id,
                    paper_scan_pending::form_id,
                    paper_scan_pending::sheet,
                ))
                .load(conn)?;
            let listed = rows
                .into_iter()
                .map(|(id, form, json)| {
                    let read: Option<SheetRead> = serde_json::from_str(&json).ok();
                    let (boxes, texts, problems) = read
                        .map(|r| {
                            (
                                r.pages.iter().map(|p| p.doubtful().count()).sum(),
                                r.pages
                                    .iter()
                                    .map(|p| p.fields.iter().filter(|f| f.written).count())
                                    .sum(),
                                r.conflicts.len()
                                    + r.pages.iter().filter(|p| p.problem.is_some()).count(),
                            )
                        })
                        .unwrap_or((0, 0, 1));
                    Listed {
                        id,
                        form,
                        boxes,
                        texts,
                        problems,
                    }
                })
                .collect::<Vec<_>>();
            Ok((wave, page, listed))
        })
        .await?;
    let notice = NOTICES
        .into_iter()
        .find(|k| q.melding.as_deref() == Some(*k));
    let base = format!("/invoer/rondes/{id}/papier/controle");
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &t_args(lang, "paper-verify-list-title", &[("wave", &wave.name)]),
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
                            @for r in &rows {
                                tr {
                                    td { a href={ (base) "/" (r.id) } { (form_name(lang, &r.form, r.id)) } }
                                    td { (r.boxes) }
                                    td { (r.texts) }
                                    td { (r.problems) }
                                }
                            }
                        }
                    }
                    (paging::nav(lang, &page, |n| format!("{base}?pagina={n}")))
                }
                p { a.tap href={ "/invoer/rondes/" (id) "/papier" } { (t(lang, "paper-upload-back")) } }
            },
        ),
    ))
}

/// A waiting sheet's name: its form number, or "page without a number" with its row.
fn form_name(lang: Lang, form: &str, id: i64) -> String {
    if form.is_empty() {
        t_args(lang, "paper-verify-no-number", &[("n", &id.to_string())])
    } else {
        form.to_string()
    }
}

async fn load(
    state: &AppState,
    p: &SheetPath,
) -> Result<(Wave, std::sync::Arc<Definition>, SheetRead), AppError> {
    let (id, sheet) = (p.id, p.sheet);
    state
        .db(move |conn| {
            let (wave, def) = crate::surveys::staff::wave_and_definition(conn, id)?;
            let json: Option<String> = paper_scan_pending::table
                .filter(paper_scan_pending::id.eq(sheet))
                .filter(paper_scan_pending::wave_id.eq(id))
                .select(paper_scan_pending::sheet)
                .get_result(conn)
                .optional()?;
            let json = json.ok_or(AppError::NotFound)?;
            let read: SheetRead =
                serde_json::from_str(&json).map_err(|e| AppError::Internal(e.into()))?;
            Ok((wave, def, read))
        })
        .await
}

fn png(bytes: &[u8]) -> String {
    format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    )
}

/// What a page problem means, for the clerk.
fn problem_text(lang: Lang, p: &PageProblem) -> String {
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

#[allow(clippy::too_many_arguments)]
fn sheet_markup(
    ctx: &Ctx,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    read: &SheetRead,
    chosen: &BTreeMap<String, String>,
    errors: &[(&str, String)],
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
                button type="submit" { (t(lang, "paper-verify-submit")) }
            }
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

fn title(lang: Lang, read: &SheetRead, id: i64) -> String {
    t_args(
        lang,
        "paper-verify-title",
        &[("form", &form_name(lang, &read.form, id))],
    )
}

async fn sheet_page(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
) -> Result<HttpResponse, AppError> {
    let p = path.into_inner();
    let (wave, def, read) = load(&state, &p).await?;
    Ok(page_response(
        StatusCode::OK,
        layout::page(
            &ctx,
            &title(ctx.lang, &read, p.sheet),
            sheet_markup(&ctx, &wave, &def, p.sheet, &read, &BTreeMap::new(), &[]),
        ),
    ))
}

async fn settle_submit(
    ctx: Ctx,
    state: web::Data<AppState>,
    path: web::Path<SheetPath>,
    CsrfForm(fields): CsrfForm<Vec<(String, String)>>,
) -> Result<HttpResponse, AppError> {
    let lang = ctx.lang;
    let p = path.into_inner();
    let (wave, def, read) = load(&state, &p).await?;
    if read.form.is_empty() {
        return Err(AppError::BadRequest("paper-verify-unidentified"));
    }
    let d = match decisions(&read, &fields) {
        Ok(d) => d,
        Err(missing) => {
            // Only a forged or cut-off form lacks a choice: the page comes back with what was sent.
            let chosen: BTreeMap<String, String> = fields.into_iter().collect();
            let errors: Vec<(&str, String)> = missing
                .iter()
                .map(|m| (m.as_str(), t(lang, "paper-verify-error-choose")))
                .collect();
            return Ok(page_response(
                StatusCode::UNPROCESSABLE_ENTITY,
                layout::page(
                    &ctx,
                    &title(lang, &read, p.sheet),
                    sheet_markup(&ctx, &wave, &def, p.sheet, &read, &chosen, &errors),
                ),
            ));
        }
    };
    let sheet = settled(&read, &d);
    let detail = format!(
        "{} vakjes nagekeken, {} verbeterd, {} teksten getypt",
        d.boxes.len(),
        corrected(&read, &d),
        d.texts.values().filter(|t| !t.is_empty()).count()
    );
    let actor = actor(&ctx)?;
    let (wave_id, sheet_id) = (wave.id, p.sheet);
    let summary = state
        .db(move |conn| {
            // Still waiting? (Another clerk may have settled it a moment ago.)
            let waiting: i64 = paper_scan_pending::table
                .filter(paper_scan_pending::id.eq(sheet_id))
                .filter(paper_scan_pending::wave_id.eq(wave_id))
                .count()
                .get_result(conn)?;
            if waiting == 0 {
                return Err(AppError::NotFound);
            }
            let summary = settle::settle(
                conn,
                &wave,
                &def,
                &mut std::iter::once(sheet),
                super::import::Options::default(),
                crate::surveys::today(),
                &mut |_| {},
            )
            .map_err(|e| match e {
                super::import::ImportError::Db(e) => AppError::from(e),
                other => AppError::Internal(anyhow::anyhow!(other.to_string())),
            })?;
            settle::drop_pending(conn, wave_id, sheet_id)?;
            // The wave and counts only: a form number beside a moment could point at an answer set.
            audit::record(
                conn,
                actor,
                "paper.scan_settled",
                "wave",
                Some(&wave_id.to_string()),
                Some(&detail),
            )?;
            Ok(summary)
        })
        .await?;
    let notice = if summary.imported > 0 {
        "paper-verify-notice-imported"
    } else if summary.quarantined > 0 {
        "paper-verify-notice-quarantined"
    } else if summary.duplicates > 0 {
        "paper-verify-notice-duplicate"
    } else {
        "paper-verify-notice-empty"
    };
    Ok(see_other(&format!(
        "/invoer/rondes/{}/papier/controle?melding={notice}",
        p.id
    )))
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
            Ok(crate::db::write_tx(conn, |c| {
                let n = settle::drop_pending(c, id, sheet_id)?;
                if n > 0 {
                    // Nothing of this sheet was stored as answers.
                    audit::record(
                        c,
                        actor,
                        "paper.scan_discarded",
                        "wave",
                        Some(&id.to_string()),
                        None,
                    )?;
                }
                Ok::<usize, diesel::result::Error>(n)
            })?)
        })
        .await?;
    if removed == 0 {
        return Err(AppError::NotFound);
    }
    Ok(see_other(&format!(
        "/invoer/rondes/{id}/papier/controle?melding=paper-verify-notice-discarded"
    )))
}

#[cfg(test)]
mod tests {
    use super::super::omr::{BoxRead, FieldCut, PageId, PageRead};
    use super::*;

    fn bx(item: &str, value: &str, mark: Mark, doubtful: bool) -> BoxRead {
        BoxRead {
            item: item.into(),
            value: value.into(),
            mark,
            confidence: if doubtful { 0.5 } else { 0.99 },
            ink: 0.3,
            needs_verification: doubtful,
            cutout_png: doubtful.then(|| vec![1, 2, 3]),
        }
    }

    fn read() -> SheetRead {
        SheetRead {
            wave_id: 3,
            form: "R3-000001".into(),
            version_id: 1,
            lang: "nl".into(),
            pages: vec![PageRead {
                scan_index: 1,
                id: Some(PageId {
                    wave_id: 3,
                    form: "R3-000001".into(),
                    page: 1,
                    version_id: 1,
                    lang: "nl".into(),
                    layout_id: 1,
                }),
                fit: None,
                problem: None,
                boxes: vec![
                    bx("kanaal", "telefoon", Mark::Marked, false),
                    bx("kanaal", "brief", Mark::Marked, true),
                    bx("kanaal", "anders", Mark::Empty, true),
                    bx("cijfer", "7", Mark::Empty, false),
                ],
                fields: vec![FieldCut {
                    item: "kanaal".into(),
                    kind: FieldKind::Other,
                    written: true,
                    ink: 0.2,
                    png: vec![],
                }],
                thumbnail_png: None,
            }],
            conflicts: vec![],
        }
    }

    #[test]
    fn every_doubtful_box_needs_a_choice_and_the_rest_stays_as_read() {
        let r = read();
        let none: Vec<(String, String)> = vec![];
        assert_eq!(
            decisions(&r, &none).unwrap_err(),
            ["vakje-0-1", "vakje-0-2"]
        );
        let fields = vec![
            ("vakje-0-1".to_string(), "0".to_string()),
            ("vakje-0-2".into(), "1".into()),
            ("tekst-0-0".into(), "  via de buurvrouw ".into()),
            // A box that was not doubtful cannot be changed from the form.
            ("vakje-0-0".into(), "0".into()),
        ];
        let d = decisions(&r, &fields).unwrap();
        let s = settled(&r, &d);
        assert_eq!(s.form, "R3-000001");
        assert_eq!(s.choices["kanaal"], ["telefoon", "anders"]);
        assert!(!s.choices.contains_key("cijfer"));
        assert_eq!(s.other_texts["kanaal"], "via de buurvrouw");
        assert_eq!(corrected(&r, &d), 2);
        let forged = vec![
            ("vakje-0-1".to_string(), "ja".to_string()),
            ("vakje-0-2".into(), "1".into()),
        ];
        assert_eq!(decisions(&r, &forged).unwrap_err(), ["vakje-0-1"]);
    }
}
