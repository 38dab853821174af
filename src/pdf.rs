//! What every PDF the product makes shares (the council report, complaint letters): the embedded
//! fonts (DejaVu Sans, regular and bold, subset by krilla), measuring text in them, breaking words
//! into lines of a given width, and filling with a colour.

use std::collections::HashMap;

use krilla::color::rgb;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule};
use krilla::surface::Surface;
use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;

/// DejaVu Sans: covers Latin, Cyrillic and Arabic letters.
pub const REGULAR: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
/// DejaVu Sans Bold.
pub const BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

/// Why a PDF could not be made.
#[derive(Debug, thiserror::Error)]
#[error("de PDF kon niet worden gemaakt: {0}")]
pub struct PdfError(pub String);

/// Widths of characters in the embedded fonts, per point of font size.
pub struct Measure {
    fonts: [skrifa::FontRef<'static>; 2],
    cache: HashMap<(bool, char), f32>,
}

impl Measure {
    /// Reads the embedded fonts.
    pub fn new() -> Result<Measure, PdfError> {
        let font = |data: &'static [u8]| {
            skrifa::FontRef::new(data).map_err(|e| PdfError(format!("lettertype: {e}")))
        };
        Ok(Measure {
            fonts: [font(REGULAR)?, font(BOLD)?],
            cache: HashMap::new(),
        })
    }

    /// Width of `text` in points at `size`.
    pub fn width(&mut self, text: &str, bold: bool, size: f32) -> f32 {
        let mut w = 0.0;
        for c in text.chars() {
            let font = &self.fonts[usize::from(bold)];
            w += *self.cache.entry((bold, c)).or_insert_with(|| {
                let glyph = font.charmap().map(c).unwrap_or_default();
                font.glyph_metrics(Size::new(1.0), LocationRef::default())
                    .advance_width(glyph)
                    .unwrap_or(0.6)
            });
        }
        w * size
    }
}

/// Breaks words (each with its weight) into lines of at most `width` points; a word longer than a
/// line is cut.
pub fn wrap(
    measure: &mut Measure,
    words: &[(String, bool)],
    size: f32,
    width: f32,
) -> Vec<Vec<(String, bool)>> {
    let mut lines: Vec<Vec<(String, bool)>> = vec![];
    let mut line: Vec<(String, bool)> = vec![];
    let mut used = 0.0;
    let space = measure.width(" ", false, size);
    for (word, bold) in words {
        let mut word = word.clone();
        loop {
            let w = measure.width(&word, *bold, size);
            let need = if line.is_empty() { w } else { used + space + w };
            if need <= width {
                used = need;
                line.push((word, *bold));
                break;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0.0;
                continue;
            }
            // Alone and still too long: cut where it fits.
            let mut cut = 0;
            let mut acc = 0.0;
            for (i, c) in word.char_indices() {
                acc += measure.width(c.encode_utf8(&mut [0; 4]), *bold, size);
                if acc > width && i > 0 {
                    break;
                }
                cut = i + c.len_utf8();
            }
            let rest = word.split_off(cut);
            lines.push(vec![(word, *bold)]);
            if rest.is_empty() {
                break;
            }
            word = rest;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Sets the fill colour for what is drawn next.
pub fn fill(surface: &mut Surface, (r, g, b): (u8, u8, u8)) {
    surface.set_fill(Some(Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }));
}
