//! Settled sheets into the existing import pipeline, and the store of sheets that wait for a clerk.
//!
//! A settled sheet is written as one line of the generic format (`form_id` plus a column per
//! question key, `KEY.anders` for "anders" texts) into a temporary file, and that file goes through
//! [`super::super::import::import`] like any OMR export: the same validation as the web
//! questionnaire, duplicate detection by form number (in the file and against earlier imports),
//! the validation report, and the quarantine for sheets with problems. Nothing is stored in any
//! other way, so scanned forms cannot bypass a rule that typed or exported ones must follow.

use std::io::{Seek, Write};

use chrono::NaiveDate;
use diesel::prelude::*;

use super::{SettledSheet, SheetRead};
use crate::db::schema::paper_scan_pending;
use crate::db::DbConnection;
use crate::surveys::definition::{Definition, ItemKind};
use crate::surveys::paper::import::{self, ImportError, Options, Summary, Target};
use crate::surveys::paper::sheet::{Finding, Format, GENERIC_FORM_COLUMN};
use crate::surveys::waves::Wave;

/// The generic-format header for `def`: `form_id`, every question key, and `KEY.anders` after a
/// question with an "anders, namelijk" box.
pub fn header(def: &Definition) -> Vec<String> {
    let mut out = vec![GENERIC_FORM_COLUMN.to_string()];
    for item in def.items() {
        out.push(item.key.clone());
        if matches!(
            item.kind,
            ItemKind::Single { other: true, .. } | ItemKind::Multi { other: true, .. }
        ) {
            out.push(format!("{}.anders", item.key));
        }
    }
    out
}

/// One settled sheet as a line under [`header`]: choices joined by `|` (the generic format's way
/// to give several codes; a one-answer question with two is then reported as a double mark by the
/// validation), texts as typed.
pub fn row(def: &Definition, sheet: &SettledSheet) -> Vec<String> {
    let mut out = vec![sheet.form.clone()];
    for item in def.items() {
        let value = match &item.kind {
            ItemKind::Text { .. } | ItemKind::Number { .. } => {
                sheet.texts.get(&item.key).cloned().unwrap_or_default()
            }
            _ => sheet
                .choices
                .get(&item.key)
                .map(|v| v.join("|"))
                .unwrap_or_default(),
        };
        out.push(value);
        if matches!(
            item.kind,
            ItemKind::Single { other: true, .. } | ItemKind::Multi { other: true, .. }
        ) {
            out.push(
                sheet
                    .other_texts
                    .get(&item.key)
                    .cloned()
                    .unwrap_or_default(),
            );
        }
    }
    out
}

/// Imports settled sheets through the pipeline (see the module text). `report` gets every
/// finding, as for a file import; the summary counts as for a file import.
pub fn settle(
    conn: &mut DbConnection,
    wave: &Wave,
    def: &Definition,
    sheets: &mut dyn Iterator<Item = SettledSheet>,
    options: Options,
    today: NaiveDate,
    report: &mut dyn FnMut(&Finding),
) -> Result<Summary, ImportError> {
    // Written to disk, not memory: a run may settle thousands of sheets.
    let mut file = tempfile::tempfile()?;
    {
        let mut w = csv::WriterBuilder::new().from_writer(std::io::BufWriter::new(&mut file));
        let to_io = |e: csv::Error| std::io::Error::other(e.to_string());
        w.write_record(header(def)).map_err(to_io)?;
        for s in sheets {
            w.write_record(row(def, &s)).map_err(to_io)?;
        }
        w.flush()?;
    }
    file.flush()?;
    let target = Target {
        wave,
        def,
        format: Format::Generic,
        mapping: None,
        today,
    };
    let mut open = || -> std::io::Result<std::fs::File> {
        let mut f = file.try_clone()?;
        f.rewind()?;
        Ok(f)
    };
    import::import(conn, &target, &mut open, options, report, &mut |_| {})
}

/// A sheet that waits for a clerk, as stored.
#[derive(Debug, Clone)]
pub struct Pending {
    /// Row id (what the verification screen names the sheet by).
    pub id: i64,
    /// Form number; empty for a page that could not be identified.
    pub form: String,
    /// The read.
    pub sheet: SheetRead,
}

/// Puts a read sheet aside for the clerk. A newer read of the same form replaces an older one
/// that still waits (a form scanned again; a scan run first joins the older read's pages that the
/// newer one lacks, see [`super::spool::join_earlier`]); unidentified pages are kept each on
/// their own.
pub fn put_pending(
    conn: &mut DbConnection,
    wave_id: i64,
    sheet: &SheetRead,
    today: NaiveDate,
) -> Result<(), diesel::result::Error> {
    if !sheet.form.is_empty() {
        diesel::delete(
            paper_scan_pending::table
                .filter(paper_scan_pending::wave_id.eq(wave_id))
                .filter(paper_scan_pending::form_id.eq(&sheet.form)),
        )
        .execute(conn)?;
    }
    let json = serde_json::to_string(sheet).unwrap_or_default();
    diesel::insert_into(paper_scan_pending::table)
        .values((
            paper_scan_pending::wave_id.eq(wave_id),
            paper_scan_pending::form_id.eq(&sheet.form),
            paper_scan_pending::sheet.eq(&json),
            paper_scan_pending::created_on.eq(today),
        ))
        .execute(conn)?;
    Ok(())
}

/// The read of `form` that waits for a clerk, if there is one.
pub fn pending_form(
    conn: &mut DbConnection,
    wave_id: i64,
    form: &str,
) -> Result<Option<Pending>, diesel::result::Error> {
    let row: Option<(i64, String, String)> = paper_scan_pending::table
        .filter(paper_scan_pending::wave_id.eq(wave_id))
        .filter(paper_scan_pending::form_id.eq(form))
        .order(paper_scan_pending::id.desc())
        .select((
            paper_scan_pending::id,
            paper_scan_pending::form_id,
            paper_scan_pending::sheet,
        ))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(id, form, text)| {
        serde_json::from_str(&text)
            .ok()
            .map(|sheet| Pending { id, form, sheet })
    }))
}

/// The sheets of a wave that wait for a clerk, oldest first.
pub fn pending(
    conn: &mut DbConnection,
    wave_id: i64,
) -> Result<Vec<Pending>, diesel::result::Error> {
    let rows: Vec<(i64, String, String)> = paper_scan_pending::table
        .filter(paper_scan_pending::wave_id.eq(wave_id))
        .order(paper_scan_pending::id.asc())
        .select((
            paper_scan_pending::id,
            paper_scan_pending::form_id,
            paper_scan_pending::sheet,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, form, text)| {
            serde_json::from_str(&text)
                .ok()
                .map(|sheet| Pending { id, form, sheet })
        })
        .collect())
}

/// Removes a waiting sheet once it is settled (call after [`settle`] wrote it).
pub fn drop_pending(
    conn: &mut DbConnection,
    wave_id: i64,
    id: i64,
) -> Result<usize, diesel::result::Error> {
    diesel::delete(
        paper_scan_pending::table
            .filter(paper_scan_pending::wave_id.eq(wave_id))
            .filter(paper_scan_pending::id.eq(id)),
    )
    .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_settled_sheet_is_one_generic_line_under_the_header() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let h = header(&def);
        assert_eq!(h[0], "form_id");
        assert!(h.contains(&"kanaal.anders".to_string()));
        let mut s = SettledSheet {
            form: "R3-000001".into(),
            ..Default::default()
        };
        s.choices
            .insert("kanaal".into(), vec!["telefoon".into(), "brief".into()]);
        s.other_texts
            .insert("kanaal".into(), "via buurvrouw".into());
        let r = row(&def, &s);
        assert_eq!(r.len(), h.len());
        let at = |k: &str| &r[h.iter().position(|c| c == k).unwrap()];
        assert_eq!(at("kanaal"), "telefoon|brief");
        assert_eq!(at("kanaal.anders"), "via buurvrouw");
        assert_eq!(at("laatste_contact"), "");
    }
}
