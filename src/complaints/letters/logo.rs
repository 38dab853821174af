//! The letterhead logo: PNG or JPEG bytes uploaded by the coordinator, checked by drawing it.

use diesel::prelude::*;
use krilla::geom::Size;
use krilla::image::Image;
use krilla::page::PageSettings;
use krilla::Document as PdfDocument;

use super::pdf::{PAGE_H, PAGE_W};
use crate::db::schema::letterhead_logos;
use crate::db::DbConnection;
use crate::pdf::PdfError;

/// A letterhead logo: PNG or JPEG bytes.
#[derive(Debug, Clone)]
pub struct Logo {
    /// PNG (otherwise JPEG).
    pub png: bool,
    /// The file.
    pub data: Vec<u8>,
}

impl Logo {
    /// The logo with number `id`.
    pub fn load(c: &mut DbConnection, id: i64) -> QueryResult<Option<Logo>> {
        let row: Option<(String, Vec<u8>)> = letterhead_logos::table
            .find(id)
            .select((letterhead_logos::content_type, letterhead_logos::data))
            .first(c)
            .optional()?;
        Ok(row.map(|(ct, data)| Logo {
            png: ct == "image/png",
            data,
        }))
    }

    pub(super) fn image(&self) -> Result<Image, PdfError> {
        let data = krilla::Data::from(self.data.clone());
        if self.png {
            Image::from_png(data, true)
        } else {
            Image::from_jpeg(data, true)
        }
        .map_err(|e| PdfError(format!("logo: {e}")))
    }
}

/// Whether a logo really draws (a file that only starts like a PNG or JPEG does not).
pub fn check_logo(logo: &Logo) -> bool {
    let Ok(image) = logo.image() else {
        return false;
    };
    let (w, h) = image.size();
    if w == 0 || h == 0 || w > 10_000 || h > 10_000 {
        return false;
    }
    let mut pdf = PdfDocument::new();
    let Some(settings) = PageSettings::from_wh(PAGE_W, PAGE_H) else {
        return false;
    };
    let mut page = pdf.start_page_with(settings);
    let mut surface = page.surface();
    if let Some(size) = Size::from_wh(w as f32, h as f32) {
        surface.draw_image(image, size);
    }
    surface.finish();
    page.finish();
    pdf.finish().is_ok()
}
