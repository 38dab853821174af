//! Settling and removing a waiting sheet: each in the database with its line in the audit log
//! (the wave and counts only).

use crate::accounts::audit::{self, Actor};
use crate::db::DbConnection;
use crate::surveys::definition::Definition;
use crate::surveys::paper::import::{ImportError, Options, Summary};
use crate::surveys::paper::omr::{settle, SettledSheet};
use crate::surveys::waves::Wave;
use crate::web::errors::AppError;

/// Settles a waiting sheet as the clerk decided: it goes through the import pipeline, leaves the
/// waiting list, and the settling is logged with `detail` (counts only). `NotFound` when the
/// sheet no longer waits.
pub(super) fn settle_sheet(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    sheet_id: i64,
    sheet: SettledSheet,
    actor: Actor,
    detail: &str,
) -> Result<Summary, AppError> {
    let wave_id = wave.id;
    // Still waiting? (Another clerk may have settled it a moment ago.)
    if !super::queries::is_waiting(conn, wave_id, sheet_id)? {
        return Err(AppError::NotFound);
    }
    let summary = settle::settle(
        conn,
        wave,
        def,
        &mut std::iter::once(sheet),
        Options::default(),
        crate::fmt::today(),
        &mut |_| {},
    )
    .map_err(|e| match e {
        ImportError::Db(e) => AppError::from(e),
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
        Some(detail),
    )?;
    Ok(summary)
}

/// Removes a waiting sheet unread (nothing of it was stored as answers); how many were removed.
pub(super) fn discard_sheet(
    conn: &mut DbConnection,
    id: i64,
    sheet_id: i64,
    actor: Actor,
) -> Result<usize, AppError> {
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
}

/// What the clerk typed for a page without a readable QR code.
pub(super) struct PlaceCommand {
    /// The waiting page.
    pub(super) sheet_id: i64,
    /// The form number as typed.
    pub(super) form: String,
    /// The page number as typed.
    pub(super) page: String,
    /// The language the form was printed in.
    pub(super) lang: String,
}

/// Why a page could not be read with the number the clerk typed (a field and its message key).
pub(super) enum PlaceRefused {
    /// Not a form number of this wave in the printed range.
    Form,
    /// Not a page of the form.
    Page(usize),
    /// The number was not printed for this wave (the print runs that were).
    NotPrinted(Vec<crate::surveys::paper::prints::Printed>),
    /// The form was stored already: the page cannot be added.
    Stored(String),
    /// No stored layout in that language.
    Lang,
    /// The corner marks were not found, or the page did not read (the reader's problem).
    Unread(Option<crate::surveys::paper::omr::PageProblem>),
}

/// Reads a waiting page without a readable QR code as the form and page the clerk typed; the
/// page joins what waits of that form (or starts it), and the unplaced page goes. Returns the
/// form's waiting sheet, for the clerk to check as any other.
pub(super) fn place_page(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    cmd: PlaceCommand,
    actor: Actor,
) -> Result<Result<i64, PlaceRefused>, AppError> {
    use super::place::{parse_form, parse_page, read_as, Identity};
    use crate::surveys::paper::layout::load_for_version;
    use crate::surveys::paper::omr::settle::{pending_form, put_pending};
    use crate::surveys::paper::omr::spool::assemble;
    use crate::surveys::paper::{prints, prints_queries, sheet::sheet_of_form};
    let Some(form) = parse_form(&cmd.form, wave.id) else {
        return Ok(Err(PlaceRefused::Form));
    };
    let printed = prints_queries::of_wave(conn, wave.id)?;
    let number = sheet_of_form(&form).unwrap_or_default();
    if !prints::may_be(&printed, number) {
        return Ok(Err(PlaceRefused::NotPrinted(printed)));
    }
    let layouts = load_for_version(conn, wave.version_id)?;
    let earlier = pending_form(conn, wave.id, &form)?;
    // The layout the form's other pages were read with; else the one it was printed with; else
    // the newest in the language chosen (forms printed before print runs were recorded).
    let known = earlier
        .as_ref()
        .and_then(|p| {
            p.sheet
                .pages
                .iter()
                .find_map(|page| page.id.as_ref().map(|i| i.layout_id))
        })
        .or_else(|| prints::printed(&printed, number).map(|p| p.layout_id));
    let stored = match known {
        Some(id) => layouts.into_iter().find(|s| s.id == id),
        None => layouts
            .into_iter()
            .filter(|s| s.lang == cmd.lang)
            .max_by_key(|s| s.id),
    };
    let Some(stored) = stored else {
        return Ok(Err(PlaceRefused::Lang));
    };
    let pages = stored.layout.pages.len();
    let Some(page_no) = parse_page(&cmd.page, pages) else {
        return Ok(Err(PlaceRefused::Page(pages)));
    };
    if super::queries::form_stored(conn, wave.id, &form)? {
        return Ok(Err(PlaceRefused::Stored(form)));
    }
    let Some(png) = super::queries::page_image(conn, wave.id, cmd.sheet_id)? else {
        return Err(AppError::NotFound);
    };
    let (_, _, waiting) = super::queries::waiting_sheet(conn, wave.id, cmd.sheet_id)?;
    let scan_index = waiting.pages.first().map(|p| p.scan_index).unwrap_or(1);
    let page = image::load_from_memory(&png)
        .map_err(|e| AppError::Internal(e.into()))?
        .to_luma8();
    let gray = crate::surveys::paper::omr::decode::Gray {
        width: page.width(),
        height: page.height(),
        pixels: page.into_raw(),
    };
    let who = Identity {
        wave_id: wave.id,
        form: form.clone(),
        page: page_no,
    };
    let Some(read) = read_as(&gray, scan_index, &who, std::sync::Arc::new(stored)) else {
        return Ok(Err(PlaceRefused::Unread(None)));
    };
    if read.problem.is_some() {
        return Ok(Err(PlaceRefused::Unread(read.problem)));
    }
    let mut all = earlier.map(|p| p.sheet.pages).unwrap_or_default();
    all.push(read);
    let sheet = assemble(def, form.clone(), all, pages as u32);
    let today = crate::fmt::today();
    let sheet_id = cmd.sheet_id;
    crate::db::write_tx(conn, |c| {
        put_pending(c, wave.id, &sheet, today)?;
        settle::drop_pending(c, wave.id, sheet_id)?;
        // The wave only: a form number beside a moment could point at an answer set.
        audit::record(
            c,
            actor,
            "paper.scan_placed",
            "wave",
            Some(&wave.id.to_string()),
            None,
        )?;
        Ok::<(), diesel::result::Error>(())
    })?;
    let now = pending_form(conn, wave.id, &form)?.ok_or(AppError::NotFound)?;
    Ok(Ok(now.id))
}
