//! The exact geometry of a printed paper form: where every box, text field, corner mark and the QR
//! code sit, per page, in millimetres from the page's top-left corner. Made together with the PDF
//! (see [`super::form_pdf`]) and stored per questionnaire text and language, so the reader places
//! every box of a scan exactly, also for forms printed by an older version of the product.

use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::db::schema::paper_layouts;
use crate::db::DbConnection;

/// Version of the layout format (stored with each layout).
pub const FORMAT: u32 = 1;

/// A rectangle in millimetres, from the page's top-left corner.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct RectMm {
    /// Left edge.
    pub x: f32,
    /// Top edge.
    pub y: f32,
    /// Width.
    pub w: f32,
    /// Height.
    pub h: f32,
}

impl RectMm {
    /// The centre.
    pub fn centre(&self) -> (f32, f32) {
        (self.x + self.w / 2.0, self.y + self.h / 2.0)
    }
}

/// One box to mark.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoxSpot {
    /// The question's key.
    pub item: String,
    /// The value the box stands for (see [`super::omr::BoxRead::value`]).
    pub value: String,
    /// The box's outline (the printed square, line centre to line centre).
    pub rect: RectMm,
}

/// One field to write in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldSpot {
    /// The question's key.
    pub item: String,
    /// Answer or "anders" text.
    pub kind: super::omr::FieldKind,
    /// The field's outline.
    pub rect: RectMm,
}

/// One printed page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageLayout {
    /// Page number, from 1.
    pub page: u32,
    /// Boxes in reading order.
    pub boxes: Vec<BoxSpot>,
    /// Text fields.
    pub fields: Vec<FieldSpot>,
}

/// The geometry of a form, the same for every form number of a questionnaire text and language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FormLayout {
    /// Layout format ([`FORMAT`]).
    pub format: u32,
    /// Page width in millimetres (A4: 210).
    pub page_w: f32,
    /// Page height in millimetres (A4: 297).
    pub page_h: f32,
    /// Centres of the four corner marks: top-left, top-right, bottom-right, bottom-left.
    pub corners: [(f32, f32); 4],
    /// Side of a corner mark (a filled square).
    pub corner_side: f32,
    /// Where the QR code is printed (the same place on every page).
    pub qr: RectMm,
    /// Side of a box.
    pub box_side: f32,
    /// The pages.
    pub pages: Vec<PageLayout>,
}

impl FormLayout {
    /// One page by number.
    pub fn page(&self, page: u32) -> Option<&PageLayout> {
        self.pages.iter().find(|p| p.page == page)
    }

    /// Every page number that holds a box or field of `item`.
    pub fn pages_of(&self, item: &str) -> Vec<u32> {
        self.pages
            .iter()
            .filter(|p| {
                p.boxes.iter().any(|b| b.item == item) || p.fields.iter().any(|f| f.item == item)
            })
            .map(|p| p.page)
            .collect()
    }
}

/// A stored layout: its row, questionnaire text and language.
#[derive(Debug, Clone)]
pub struct Stored {
    /// Row id (printed in the QR code).
    pub id: i64,
    /// Questionnaire text.
    pub version_id: i64,
    /// Language code.
    pub lang: String,
    /// The geometry.
    pub layout: FormLayout,
}

/// The digest that names a layout (SHA-256 of its JSON).
pub fn digest(layout: &FormLayout) -> String {
    use sha2::Digest;
    let json = serde_json::to_string(layout).unwrap_or_default();
    crate::fmt::hex(&sha2::Sha256::digest(json.as_bytes()))
}

/// A stored layout by its row id (the number in a page's QR code).
pub fn load(conn: &mut DbConnection, id: i64) -> Result<Option<Stored>, diesel::result::Error> {
    let row: Option<(i64, i64, String, String)> = paper_layouts::table
        .filter(paper_layouts::id.eq(id))
        .select((
            paper_layouts::id,
            paper_layouts::version_id,
            paper_layouts::lang,
            paper_layouts::layout,
        ))
        .first(conn)
        .optional()?;
    Ok(row.and_then(|(id, version_id, lang, text)| {
        serde_json::from_str(&text).ok().map(|layout| Stored {
            id,
            version_id,
            lang,
            layout,
        })
    }))
}

/// Stores a layout for a questionnaire text and language (once: the same layout again gives the
/// same row) and returns its row id.
pub fn store(
    conn: &mut DbConnection,
    version_id: i64,
    lang: &str,
    layout: &FormLayout,
    today: chrono::NaiveDate,
) -> Result<i64, diesel::result::Error> {
    let digest = digest(layout);
    let find = |conn: &mut DbConnection| {
        paper_layouts::table
            .filter(paper_layouts::version_id.eq(version_id))
            .filter(paper_layouts::lang.eq(lang))
            .filter(paper_layouts::digest.eq(&digest))
            .select(paper_layouts::id)
            .first::<i64>(conn)
            .optional()
    };
    if let Some(id) = find(conn)? {
        return Ok(id);
    }
    let text = serde_json::to_string(layout).unwrap_or_default();
    let inserted = diesel::insert_into(paper_layouts::table)
        .values((
            paper_layouts::version_id.eq(version_id),
            paper_layouts::lang.eq(lang),
            paper_layouts::digest.eq(&digest),
            paper_layouts::layout.eq(&text),
            paper_layouts::created_on.eq(today),
        ))
        .execute(conn);
    match inserted {
        // Stored at the same moment by another print run: that row counts.
        Ok(_)
        | Err(diesel::result::Error::DatabaseError(
            diesel::result::DatabaseErrorKind::UniqueViolation,
            _,
        )) => find(conn)?.ok_or(diesel::result::Error::NotFound),
        Err(e) => Err(e),
    }
}

/// Every stored layout of a questionnaire text (all languages and versions of the layout).
pub fn load_for_version(
    conn: &mut DbConnection,
    version_id: i64,
) -> Result<Vec<Stored>, diesel::result::Error> {
    let rows: Vec<(i64, String, String)> = paper_layouts::table
        .filter(paper_layouts::version_id.eq(version_id))
        .select((
            paper_layouts::id,
            paper_layouts::lang,
            paper_layouts::layout,
        ))
        .load(conn)?;
    Ok(rows
        .into_iter()
        .filter_map(|(id, lang, text)| {
            serde_json::from_str(&text).ok().map(|layout| Stored {
                id,
                version_id,
                lang,
                layout,
            })
        })
        .collect())
}
