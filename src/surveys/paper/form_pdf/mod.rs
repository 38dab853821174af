//! Paper forms as PDF, made by the product (krilla, the PDF writer the council report uses), with
//! exact geometry: every box and text field sits where the [`FormLayout`] says, so the scan reader
//! knows where to look. Made from the same questionnaire definition as the web questionnaire, in
//! any of its languages.
//!
//! The page: four filled corner marks (for aligning a scan), a QR code top right (wave, form
//! number, page, questionnaire text, language and layout), large type, 5 mm boxes, questions on a
//! five-point scale set as a grid with the answers as columns, and on page 1 the instructions for
//! marking and for correcting in words and pictures. Nothing of importance lies within 10 mm of
//! the paper's edge, so a copy at 95% (which shrinks towards the centre) loses nothing and the
//! reader corrects its scale from the corner marks.
//!
//! Layout ([`lay_out`]) is pure and made once per questionnaire text and language; drawing
//! ([`render`]) adds the form number and QR code per form.
//!
//! The parts: [`measure`] (character widths and blocks being laid out), [`lay`] (where each
//! question goes), [`draw`] (the PDF itself).

use super::layout::{FormLayout, PageLayout, RectMm, FORMAT};
use crate::surveys::answers::text_in;
use crate::surveys::definition::{Definition, Item, ItemKind};
use crate::web::i18n::{t_args, Lang};

mod draw;
mod lay;
mod measure;

pub use draw::{render, Run};
use lay::Lay;
use measure::{Measure, Part};

const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in millimetres.
pub const PAGE_W: f32 = 210.0;
/// A4 in millimetres.
pub const PAGE_H: f32 = 297.0;
/// Distance of a corner mark's centre from the paper's edges.
const CORNER_IN: f32 = 12.0;
/// Side of a corner mark.
const CORNER_SIDE: f32 = 6.0;
/// Side of a box.
pub const BOX: f32 = 5.0;
/// Line width of a box, in points.
const BOX_LINE_PT: f32 = 1.0;
/// The content area.
const X0: f32 = 16.5;
const X1: f32 = 193.5;
const Y0: f32 = 31.0;
const Y1: f32 = 281.0;
/// The QR code's place (same on every page), 22 mm square including a quiet zone of 2 modules.
const QR: RectMm = RectMm {
    x: 166.0,
    y: 7.0,
    w: 22.0,
    h: 22.0,
};
/// Type sizes in points: large type for the questions.
const QUESTION: f32 = 10.5;
const LABEL: f32 = 10.5;
/// Questions in a grid.
const GRID: f32 = 10.0;
const SMALL: f32 = 9.0;
const HEAD: f32 = 7.0;
/// A section title.
const TITLE: f32 = 12.5;
/// Width of a scale column in the grid.
const COL: f32 = 14.0;

fn mm(v: f32) -> f32 {
    v * 72.0 / 25.4
}

/// Line height in millimetres for a type size in points.
fn lh(size: f32) -> f32 {
    size * 0.3528 * 1.2
}

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[error("de PDF met formulieren kon niet worden gemaakt: {0}")]
pub struct FormPdfError(String);

/// Something drawn, in millimetres (text at its baseline).
#[derive(Debug, Clone, PartialEq)]
pub enum Draw {
    /// Text on one line.
    Text {
        /// Left edge (for right-to-left text: the right edge is `x + w`).
        x: f32,
        /// Baseline.
        y: f32,
        /// Width the text takes.
        w: f32,
        /// Size in points.
        size: f32,
        /// Bold.
        bold: bool,
        /// Grey instead of black.
        grey: bool,
        /// The text.
        text: String,
    },
    /// A filled rectangle.
    Fill(RectMm),
    /// A rectangle's outline (line width in points).
    Frame(RectMm, f32),
    /// A straight line (line width in points).
    Line(f32, f32, f32, f32, f32),
}

/// A form's layout plus what to draw on each page (the same for every form number).
#[derive(Debug, Clone)]
pub struct Design {
    /// The geometry the reader uses.
    pub layout: FormLayout,
    /// What to draw per page.
    pub pages: Vec<Vec<Draw>>,
    /// The language.
    pub lang: Lang,
}

/// Lays out the questionnaire `def` in `lang`. `return_by` and `contact_line` are the sentences
/// on page 1 about sending the form back and whom to call (they depend on the wave and the
/// municipality, so they are given). Pure: the same input always gives the same layout.
pub fn lay_out(
    def: &Definition,
    lang: Lang,
    return_by: &str,
    contact_line: &str,
) -> Result<Design, FormPdfError> {
    // Less white space between questions only when the usual amount would take more sides.
    let mut design = lay_out_with(def, lang, return_by, contact_line, GAPS[0])?;
    for gap in &GAPS[1..] {
        if design.layout.pages.len() <= MAX_SIDES {
            break;
        }
        let tighter = lay_out_with(def, lang, return_by, contact_line, *gap)?;
        if tighter.layout.pages.len() < design.layout.pages.len() {
            design = tighter;
        }
    }
    Ok(design)
}

/// The sides the standard questionnaire should fit on.
const MAX_SIDES: usize = 4;
/// Shares of the usual white space between questions, tried in turn.
const GAPS: [f32; 3] = [1.0, 0.7, 0.4];

fn lay_out_with(
    def: &Definition,
    lang: Lang,
    return_by: &str,
    contact_line: &str,
    gap: f32,
) -> Result<Design, FormPdfError> {
    let mut l = Lay {
        m: Measure::new()?,
        lang,
        rtl: lang.dir() == "rtl",
        pages: vec![Part::default()],
        y: Y0,
        gap,
        heading: None,
    };
    l.instructions(def, return_by, contact_line);
    let mut n = 0usize;
    for section in &def.sections {
        // Items in runs: scale questions with the same answers form one grid.
        let mut runs: Vec<Vec<(usize, &Item)>> = vec![];
        for item in &section.items {
            n += 1;
            let key = |i: &Item| match &i.kind {
                ItemKind::Scale {
                    wording, dont_know, ..
                } => Some((*wording, dont_know.is_some())),
                _ => None,
            };
            match runs.last_mut() {
                Some(run)
                    if key(item).is_some()
                        && run.last().map(|(_, i)| key(i)) == Some(key(item)) =>
                {
                    run.push((n, item))
                }
                _ => runs.push(vec![(n, item)]),
            }
        }
        l.section_title(text_in(&section.title, lang));
        for run in runs {
            let Some((n, item)) = run.first().copied() else {
                continue;
            };
            match &item.kind {
                ItemKind::Scale { .. } => l.grid(&run),
                ItemKind::Single { options, other } | ItemKind::Multi { options, other } => {
                    l.choice(n, item, options, *other)
                }
                ItemKind::Grade => l.grade(n, item),
                ItemKind::Text { max_length } => l.field(
                    n,
                    item,
                    (8.0 + *max_length as f32 / 120.0).clamp(12.0, 16.0),
                ),
                ItemKind::Number { .. } => l.field(n, item, 10.0),
            }
        }
        l.y += 2.0 * l.gap;
    }
    l.flush_heading();
    if l.pages.last().is_some_and(|p| p.draws.is_empty()) && l.pages.len() > 1 {
        l.pages.pop();
    }
    let c = CORNER_IN;
    let layout = FormLayout {
        format: FORMAT,
        page_w: PAGE_W,
        page_h: PAGE_H,
        corners: [
            (c, c),
            (PAGE_W - c, c),
            (PAGE_W - c, PAGE_H - c),
            (c, PAGE_H - c),
        ],
        corner_side: CORNER_SIDE,
        qr: QR,
        box_side: BOX,
        pages: l
            .pages
            .iter()
            .enumerate()
            .map(|(i, p)| PageLayout {
                page: i as u32 + 1,
                boxes: p.boxes.clone(),
                fields: p.fields.clone(),
            })
            .collect(),
    };
    Ok(Design {
        layout,
        pages: l.pages.into_iter().map(|p| p.draws).collect(),
        lang,
    })
}

/// What the QR code of a page says: `KB1/{wave}/{form}/{page}/{version}/{lang}/{layout}`, in the
/// QR code's compact alphanumeric set (upper case).
pub fn qr_text(
    wave_id: i64,
    form: &str,
    page: u32,
    version_id: i64,
    lang: Lang,
    layout_id: i64,
) -> String {
    format!(
        "KB1/{wave_id}/{form}/{page}/{version_id}/{}/{layout_id}",
        lang.code()
    )
    .to_uppercase()
}

/// What a QR code of this product says, read back: (wave, form, page, version, language, layout).
pub fn parse_qr(text: &str) -> Option<(i64, String, u32, i64, String, i64)> {
    let mut parts = text.trim().split('/');
    if parts.next()? != "KB1" {
        return None;
    }
    let wave = parts.next()?.parse().ok()?;
    let form = parts.next()?.to_string();
    let page = parts.next()?.parse().ok()?;
    let version = parts.next()?.parse().ok()?;
    let lang = parts.next()?.to_lowercase();
    let layout = parts.next()?.parse().ok()?;
    if parts.next().is_some() || super::sheet::wave_of_form(&form) != Some(wave) {
        return None;
    }
    Some((wave, form, page, version, lang, layout))
}

/// Numbers asked for that were printed before (and the print was not said to be a reprint).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Repeated {
    /// The lowest and highest number printed before.
    pub numbers: (u64, u64),
    /// The first number after every printed one.
    pub next: u64,
}

/// Forms `from..=to` of a wave as one PDF in `lang`: lays the form out, stores its layout (once)
/// so the scans can be read back, records the print run, and draws every form with its own
/// number and QR codes. Numbers printed before are refused unless `reprint` says the same forms
/// are printed again.
#[allow(clippy::too_many_arguments)]
pub fn print_wave(
    conn: &mut crate::db::DbConnection,
    wave: &crate::surveys::waves::Wave,
    def: &Definition,
    lang: Lang,
    contact: &crate::config::Contact,
    (from, to): (u64, u64),
    reprint: bool,
    today: chrono::NaiveDate,
) -> anyhow::Result<Result<Vec<u8>, Repeated>> {
    let design = design_for(wave, def, lang, contact)?;
    let layout_id =
        super::layout::store(conn, wave.version_id, lang.code(), &design.layout, today)?;
    let run = super::prints::Printed {
        first: from,
        last: to,
        lang,
        layout_id,
        printed_on: today,
    };
    // Drawn first: only forms that were made are recorded.
    let pdf = render(
        &design,
        &Run {
            wave_id: wave.id,
            version_id: wave.version_id,
            layout_id,
            municipality: &contact.municipality,
        },
        from,
        to,
    )?;
    let recorded = crate::db::write_tx(conn, |conn| {
        use crate::db::schema::waves;
        use diesel::prelude::*;
        // Two print runs of one wave at the same moment wait for each other (the wave's row
        // is locked on PostgreSQL; SQLite has one writer), so both cannot take the same numbers.
        diesel::update(waves::table.find(wave.id))
            .set(waves::name.eq(waves::name))
            .execute(conn)?;
        let prints = super::prints_queries::of_wave(conn, wave.id)?;
        if let Some(numbers) = super::prints::overlap(&prints, (from, to)).filter(|_| !reprint) {
            return Ok(Err(Repeated {
                numbers,
                next: super::prints::next_free(&prints),
            }));
        }
        super::prints_queries::record(conn, wave.id, &run)?;
        Ok::<_, diesel::result::Error>(Ok(()))
    })?;
    Ok(recorded.map(|()| pdf))
}

/// The design of a wave's form in `lang` (page 1 says when to send it back and whom to ask).
pub fn design_for(
    wave: &crate::surveys::waves::Wave,
    def: &Definition,
    lang: Lang,
    contact: &crate::config::Contact,
) -> Result<Design, FormPdfError> {
    let return_by = t_args(
        lang,
        "paper-return",
        &[("date", &crate::fmt::date_text(wave.closes_on))],
    );
    let contact_line = crate::web::contact::line_text(lang, contact);
    lay_out(def, lang, &return_by, &contact_line)
}

#[cfg(test)]
mod tests;
