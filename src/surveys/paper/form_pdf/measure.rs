//! Widths of characters in the embedded fonts, and a block of a page being laid out.

use std::collections::HashMap;

use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;

use super::{Draw, FormPdfError, BOLD, REGULAR};
use crate::surveys::paper::layout::{BoxSpot, FieldSpot, RectMm};

/// Widths of characters in the embedded fonts.
pub(super) struct Measure {
    fonts: [skrifa::FontRef<'static>; 2],
    cache: HashMap<(bool, char), f32>,
}

impl Measure {
    pub(super) fn new() -> Result<Measure, FormPdfError> {
        let font = |data: &'static [u8]| {
            skrifa::FontRef::new(data).map_err(|e| FormPdfError(format!("lettertype: {e}")))
        };
        Ok(Measure {
            fonts: [font(REGULAR)?, font(BOLD)?],
            cache: HashMap::new(),
        })
    }

    /// Width in millimetres.
    pub(super) fn width(&mut self, text: &str, bold: bool, size: f32) -> f32 {
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
        w * size * 0.3528
    }

    /// Lines of `text` within `width` mm, broken at spaces (a word longer than a line is cut).
    pub(super) fn wrap(&mut self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
        let mut lines = vec![];
        let mut line = String::new();
        for word in text.split_whitespace() {
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if self.width(&candidate, bold, size) <= width || line.is_empty() {
                line = candidate;
            } else {
                lines.push(std::mem::take(&mut line));
                line = word.to_string();
            }
            // A single word wider than the line: cut it.
            while self.width(&line, bold, size) > width && line.chars().count() > 1 {
                let mut cut = line.chars().count() - 1;
                while cut > 1
                    && self.width(&line.chars().take(cut).collect::<String>(), bold, size) > width
                {
                    cut -= 1;
                }
                let head: String = line.chars().take(cut).collect();
                let tail: String = line.chars().skip(cut).collect();
                lines.push(head);
                line = tail;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        if lines.is_empty() {
            lines.push(String::new());
        }
        lines
    }
}

/// One page being laid out: drawn things, boxes and fields, in coordinates relative to `dy`.
#[derive(Default)]
pub(super) struct Part {
    pub(super) draws: Vec<Draw>,
    pub(super) boxes: Vec<BoxSpot>,
    pub(super) fields: Vec<FieldSpot>,
}

impl Part {
    pub(super) fn shifted(self, dy: f32) -> Part {
        let r = |r: RectMm| RectMm { y: r.y + dy, ..r };
        Part {
            draws: self
                .draws
                .into_iter()
                .map(|d| match d {
                    Draw::Text {
                        x,
                        y,
                        w,
                        size,
                        bold,
                        grey,
                        text,
                    } => Draw::Text {
                        x,
                        y: y + dy,
                        w,
                        size,
                        bold,
                        grey,
                        text,
                    },
                    Draw::Fill(a) => Draw::Fill(r(a)),
                    Draw::Frame(a, lw) => Draw::Frame(r(a), lw),
                    Draw::Line(x1, y1, x2, y2, lw) => Draw::Line(x1, y1 + dy, x2, y2 + dy, lw),
                })
                .collect(),
            boxes: self
                .boxes
                .into_iter()
                .map(|b| BoxSpot {
                    rect: r(b.rect),
                    ..b
                })
                .collect(),
            fields: self
                .fields
                .into_iter()
                .map(|f| FieldSpot {
                    rect: r(f.rect),
                    ..f
                })
                .collect(),
        }
    }

    pub(super) fn append(&mut self, other: Part) {
        self.draws.extend(other.draws);
        self.boxes.extend(other.boxes);
        self.fields.extend(other.fields);
    }
}
