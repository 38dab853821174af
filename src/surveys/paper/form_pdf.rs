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

use std::collections::HashMap;

use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};
use krilla::Document as PdfDocument;
use skrifa::instance::{LocationRef, Size};
use skrifa::MetadataProvider;

use super::layout::{BoxSpot, FieldSpot, FormLayout, PageLayout, RectMm, FORMAT};
use super::mapping::range_values;
use super::omr::FieldKind;
use super::sheet::form_number;
use crate::surveys::answers::{dont_know_key, scale_label_keys, text_in, OTHER_CODE};
use crate::surveys::definition::{Definition, Item, ItemKind};
use crate::web::i18n::{t, t_args, Lang};

const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

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

/// Widths of characters in the embedded fonts.
struct Measure {
    fonts: [skrifa::FontRef<'static>; 2],
    cache: HashMap<(bool, char), f32>,
}

impl Measure {
    fn new() -> Result<Measure, FormPdfError> {
        let font = |data: &'static [u8]| {
            skrifa::FontRef::new(data).map_err(|e| FormPdfError(format!("lettertype: {e}")))
        };
        Ok(Measure {
            fonts: [font(REGULAR)?, font(BOLD)?],
            cache: HashMap::new(),
        })
    }

    /// Width in millimetres.
    fn width(&mut self, text: &str, bold: bool, size: f32) -> f32 {
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
    fn wrap(&mut self, text: &str, bold: bool, size: f32, width: f32) -> Vec<String> {
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
struct Part {
    draws: Vec<Draw>,
    boxes: Vec<BoxSpot>,
    fields: Vec<FieldSpot>,
}

impl Part {
    fn shifted(self, dy: f32) -> Part {
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

    fn append(&mut self, other: Part) {
        self.draws.extend(other.draws);
        self.boxes.extend(other.boxes);
        self.fields.extend(other.fields);
    }
}

struct Lay {
    m: Measure,
    lang: Lang,
    rtl: bool,
    pages: Vec<Part>,
    y: f32,
    /// Share of the usual white space between questions (1 normally; less for a language whose
    /// longer texts would otherwise take a fifth side). Type and boxes keep their size.
    gap: f32,
}

impl Lay {
    /// Text lines from the top `y`, in the column `x..x+width`; returns the height used.
    fn text(
        &mut self,
        part: &mut Part,
        text: &str,
        (x, y, width): (f32, f32, f32),
        size: f32,
        bold: bool,
        grey: bool,
    ) -> f32 {
        let lines = self.m.wrap(text, bold, size, width);
        let h = lh(size);
        for (n, line) in lines.iter().enumerate() {
            let w = self.m.width(line, bold, size);
            let left = if self.rtl { x + width - w } else { x };
            part.draws.push(Draw::Text {
                x: left,
                y: y + h * (n as f32) + size * 0.3528 * 0.95,
                w,
                size,
                bold,
                grey,
                text: line.clone(),
            });
        }
        h * lines.len() as f32
    }

    /// Places a laid-out block (made at y = 0) on the current page, or on a new page when it does
    /// not fit; a block is never split.
    fn place(&mut self, part: Part, height: f32) {
        if self.y + height > Y1 && self.y > Y0 + 0.1 {
            self.pages.push(Part::default());
            self.y = Y0;
        }
        let y = self.y;
        if let Some(page) = self.pages.last_mut() {
            page.append(part.shifted(y));
        }
        self.y += height;
    }

    fn a_box(&self, part: &mut Part, item: &Item, value: &str, x: f32, y: f32) {
        let rect = RectMm {
            x,
            y,
            w: BOX,
            h: BOX,
        };
        part.draws.push(Draw::Frame(rect, BOX_LINE_PT));
        part.boxes.push(BoxSpot {
            item: item.key.clone(),
            value: value.to_string(),
            rect,
        });
    }

    /// The question line(s): number, text, hint, condition note. Returns the height.
    fn question_head(&mut self, part: &mut Part, n: usize, item: &Item, width: f32) -> f32 {
        let mut y = 0.0;
        if item.show_if.is_some() {
            let note = t(self.lang, "respond-condition-note");
            y += self.text(part, &note, (X0, y, width), SMALL, false, true) + 0.8;
        }
        let mut q = format!("{n}. {}", text_in(&item.text, self.lang));
        if matches!(item.kind, ItemKind::Multi { .. }) && item.hint.is_none() {
            q = format!("{q} {}", t(self.lang, "paper-multi-hint"));
        }
        y += self.text(part, &q, (X0, y, width), QUESTION, true, false);
        if let Some(h) = &item.hint {
            let hint = text_in(h, self.lang).to_string();
            y += 0.6 + self.text(part, &hint, (X0, y, width), SMALL, false, true);
        }
        y
    }

    fn choice(&mut self, n: usize, item: &Item) {
        let mut part = Part::default();
        let mut y = self.question_head(&mut part, n, item, X1 - X0) + 2.0 * self.gap;
        let (options, other) = match &item.kind {
            ItemKind::Single { options, other } | ItemKind::Multi { options, other } => {
                (options, *other)
            }
            _ => return,
        };
        let labels: Vec<(String, String)> = options
            .iter()
            .map(|o| (o.code.clone(), text_in(&o.label, self.lang).to_string()))
            .collect();
        let longest = labels
            .iter()
            .map(|(_, l)| self.m.width(l, false, LABEL))
            .fold(0.0, f32::max);
        // Options flow in rows, each as wide as its label needs (on a tab of a quarter of the
        // width, so the boxes line up); an option too long for the rest of a row starts a new one.
        let full = X1 - X0;
        let tab = full / 4.0;
        let mut x = 0.0;
        let mut row_h: f32 = BOX + 2.0;
        let _ = longest;
        for (code, label) in &labels {
            let need = BOX + 2.5 + self.m.width(label, false, LABEL) + 4.0;
            let span = ((need / tab).ceil() * tab).min(full);
            if x > 0.0 && x + span > full + 0.01 {
                y += row_h;
                row_h = BOX + 2.0;
                x = 0.0;
            }
            let cx = X0 + x;
            let (bx, tx) = if self.rtl {
                (X1 - x - BOX, X1 - x - span)
            } else {
                (cx, cx + BOX + 2.5)
            };
            self.a_box(&mut part, item, code, bx, y);
            let h = self.text(
                &mut part,
                label,
                (tx, y + 0.4, span - BOX - 4.0),
                LABEL,
                false,
                false,
            );
            row_h = row_h.max(h + 2.0);
            x += span;
        }
        y += row_h;
        if other {
            y += 3.0;
            let label = t(self.lang, "answer-other");
            let lw = self.m.width(&label, false, LABEL);
            let (bx, tx, fx) = if self.rtl {
                (X1 - BOX, X1 - BOX - 2.5 - lw, X0)
            } else {
                (X0, X0 + BOX + 2.5, X0 + BOX + 2.5 + lw + 3.0)
            };
            self.a_box(&mut part, item, OTHER_CODE, bx, y);
            self.text(
                &mut part,
                &label,
                (tx, y + 0.4, lw + 1.0),
                LABEL,
                false,
                false,
            );
            let field = RectMm {
                x: fx,
                y: y - 2.5,
                w: (X1 - X0) - (BOX + 2.5 + lw + 3.0),
                h: 10.0,
            };
            part.draws.push(Draw::Frame(field, 0.6));
            part.fields.push(FieldSpot {
                item: item.key.clone(),
                kind: FieldKind::Other,
                rect: field,
            });
            y += 8.0;
        }
        self.place(part, y + 2.5 * self.gap);
    }

    fn grade(&mut self, n: usize, item: &Item) {
        let mut part = Part::default();
        let mut y = self.question_head(&mut part, n, item, X1 - X0) + 1.5 * self.gap.max(0.6);
        for g in 1..=10 {
            let slot = if self.rtl { 10 - g } else { g - 1 };
            let cx = X0 + 4.0 + slot as f32 * 12.0;
            let label = g.to_string();
            let w = self.m.width(&label, false, LABEL);
            part.draws.push(Draw::Text {
                x: cx + BOX / 2.0 - w / 2.0,
                y: y + 3.6,
                w,
                size: LABEL,
                bold: false,
                grey: false,
                text: label,
            });
            self.a_box(&mut part, item, &g.to_string(), cx, y + 5.0);
        }
        y += 5.0 + BOX;
        self.place(part, y + 2.5 * self.gap);
    }

    fn field(&mut self, n: usize, item: &Item, height: f32) {
        let mut part = Part::default();
        let y = self.question_head(&mut part, n, item, X1 - X0) + 1.5 * self.gap.max(0.6);
        let (x, w) = match item.kind {
            ItemKind::Number { .. } => (if self.rtl { X1 - 40.0 } else { X0 }, 40.0),
            _ => (X0, X1 - X0),
        };
        let field = RectMm { x, y, w, h: height };
        part.draws.push(Draw::Frame(field, 0.6));
        part.fields.push(FieldSpot {
            item: item.key.clone(),
            kind: FieldKind::Answer,
            rect: field,
        });
        let mut h = y + height;
        if let ItemKind::Number { min, max } = item.kind {
            let note = t_args(
                self.lang,
                "question-number-range",
                &[("min", &min.to_string()), ("max", &max.to_string())],
            );
            h += 1.0
                + self.text(
                    &mut part,
                    &note,
                    (X0, y + height + 1.0, X1 - X0),
                    SMALL,
                    false,
                    true,
                );
        }
        self.place(part, h + 2.5 * self.gap);
    }

    /// The answers of a grid as column heads; returns the height.
    fn grid_head(&mut self, part: &mut Part, labels: &[String]) -> f32 {
        let mut h: f32 = 0.0;
        for (c, label) in labels.iter().enumerate() {
            let x = self.col_x(c, labels.len());
            let lines = self.m.wrap(label, false, HEAD, COL + 0.8);
            let lhh = lh(HEAD);
            for (n, line) in lines.iter().enumerate() {
                let w = self.m.width(line, false, HEAD);
                part.draws.push(Draw::Text {
                    x: x + BOX / 2.0 - w / 2.0,
                    y: n as f32 * lhh + HEAD * 0.3528,
                    w,
                    size: HEAD,
                    bold: false,
                    grey: false,
                    text: line.clone(),
                });
            }
            h = h.max(lines.len() as f32 * lhh);
        }
        h + 1.5
    }

    /// Left edge of the box in grid column `c` of `n` (the last, "weet niet", a little apart).
    fn col_x(&self, c: usize, n: usize) -> f32 {
        let from_right = n - 1 - c;
        let apart = if c + 1 == n && n == 6 { 0.0 } else { 3.0 };
        let gap = if n == 6 { apart } else { 0.0 };
        let x = X1 - COL * (from_right as f32 + 1.0) + (COL - BOX) / 2.0 - gap;
        if self.rtl {
            X0 + (X1 - x - BOX)
        } else {
            x
        }
    }

    fn grid(&mut self, items: &[(usize, &Item)]) {
        let Some((_, first)) = items.first() else {
            return;
        };
        let ItemKind::Scale {
            wording, dont_know, ..
        } = &first.kind
        else {
            return;
        };
        let mut labels: Vec<String> = scale_label_keys(*wording)
            .iter()
            .map(|k| t(self.lang, k))
            .collect();
        labels.extend(dont_know.iter().map(|d| t(self.lang, dont_know_key(d))));
        let cols = labels.len();
        let text_w = (X1 - X0) - COL * cols as f32 - 5.0;
        let (tx, _) = if self.rtl {
            (X1 - text_w, 0.0)
        } else {
            (X0, 0.0)
        };
        let mut head = Part::default();
        let head_h = self.grid_head(&mut head, &labels);
        let mut need_head = true;
        for (n, item) in items {
            let mut part = Part::default();
            let mut y = 0.0;
            if item.show_if.is_some() {
                let note = t(self.lang, "respond-condition-note");
                y += self.text(&mut part, &note, (X0, y, X1 - X0), SMALL, false, true) + 0.5;
            }
            let q = format!("{n}. {}", text_in(&item.text, self.lang));
            let mut th = self.text(&mut part, &q, (tx, y + 0.6, text_w), GRID, false, false);
            if let Some(h) = &item.hint {
                let hint = text_in(h, self.lang).to_string();
                th += 0.4
                    + self.text(
                        &mut part,
                        &hint,
                        (tx, y + 0.6 + th, text_w),
                        SMALL,
                        false,
                        true,
                    );
            }
            let box_y = y + 0.6;
            for (c, value) in range_values(item).iter().enumerate().take(cols) {
                let x = self.col_x(c, cols);
                self.a_box(&mut part, item, value, x, box_y);
            }
            // A "weet niet" answer other than the column head's is named under its box.
            let mut min_h = BOX + 1.2;
            if let (
                ItemKind::Scale {
                    dont_know: Some(mine),
                    ..
                },
                ItemKind::Scale {
                    dont_know: Some(head_code),
                    ..
                },
            ) = (&item.kind, &first.kind)
            {
                if mine != head_code {
                    let label = t(self.lang, dont_know_key(mine));
                    let x = self.col_x(cols - 1, cols);
                    let lines = self.m.wrap(&label, false, 6.5, COL + 1.0);
                    for (k, line) in lines.iter().enumerate() {
                        let w = self.m.width(line, false, 6.5);
                        part.draws.push(Draw::Text {
                            x: x + BOX / 2.0 - w / 2.0,
                            y: box_y + BOX + 2.6 + k as f32 * lh(6.5),
                            w,
                            size: 6.5,
                            bold: false,
                            grey: false,
                            text: line.clone(),
                        });
                    }
                    min_h = BOX + 1.6 + lines.len() as f32 * lh(6.5);
                }
            }
            let row_h = (th + 0.6).max(min_h) + y + 1.3;
            part.draws
                .push(Draw::Line(X0, row_h - 1.1, X1, row_h - 1.1, 0.3));
            // A new page repeats the heads.
            if self.y + row_h > Y1 {
                need_head = true;
            }
            if need_head {
                let mut both = Part::default();
                both.append(Part {
                    draws: head.draws.clone(),
                    ..Part::default()
                });
                both.append(part.shifted(head_h));
                self.place(both, head_h + row_h);
                need_head = false;
            } else {
                self.place(part, row_h);
            }
        }
        self.y += 1.5 * self.gap;
    }

    fn section_title(&mut self, title: &str, next_h: f32) {
        let mut part = Part::default();
        let h = self.text(&mut part, title, (X0, 0.0, X1 - X0), 12.5, true, false);
        part.draws.push(Draw::Line(X0, h + 0.8, X1, h + 0.8, 0.8));
        // Keep the title with the start of what follows.
        if self.y + h + 3.0 + next_h > Y1 {
            self.pages.push(Part::default());
            self.y = Y0;
        }
        self.place(part, h + 2.5 * self.gap);
    }

    fn instructions(&mut self, def: &Definition, return_by: &str, contact_line: &str) {
        let mut part = Part::default();
        let w = X1 - X0;
        let mut y = self.text(
            &mut part,
            text_in(&def.title, self.lang),
            (X0, 0.0, w),
            16.0,
            true,
            false,
        ) + 2.0;
        y += self.text(
            &mut part,
            text_in(&def.intro, self.lang),
            (X0, y, w),
            9.0,
            false,
            false,
        ) + 2.0;
        // Marking, in words and pictures: a cross and a tick in a box.
        let pic_w = 2.0 * BOX + 4.0;
        let (px, tx) = if self.rtl {
            (X1 - pic_w, X0)
        } else {
            (X0 + 1.0, X0 + pic_w + 3.0)
        };
        let example = |part: &mut Part, x: f32, y: f32, mark: u8| {
            let r = RectMm {
                x,
                y,
                w: BOX,
                h: BOX,
            };
            part.draws.push(Draw::Frame(r, BOX_LINE_PT));
            match mark {
                0 => {
                    part.draws.push(Draw::Line(
                        x + 0.8,
                        y + 0.8,
                        x + BOX - 0.8,
                        y + BOX - 0.8,
                        1.6,
                    ));
                    part.draws.push(Draw::Line(
                        x + BOX - 0.8,
                        y + 0.8,
                        x + 0.8,
                        y + BOX - 0.8,
                        1.6,
                    ));
                }
                1 => {
                    part.draws
                        .push(Draw::Line(x + 0.8, y + 2.8, x + 2.0, y + BOX - 0.8, 1.6));
                    part.draws.push(Draw::Line(
                        x + 2.0,
                        y + BOX - 0.8,
                        x + BOX - 0.5,
                        y + 0.6,
                        1.6,
                    ));
                }
                _ => part.draws.push(Draw::Fill(r)),
            }
        };
        let frame_top = y;
        y += 2.0;
        example(&mut part, px, y, 0);
        example(&mut part, px + BOX + 3.0, y, 1);
        let how = t(self.lang, "paper-pdf-mark");
        let h = self.text(
            &mut part,
            &how,
            (tx, y, w - pic_w - 6.0),
            LABEL,
            false,
            false,
        );
        y += h.max(BOX) + 2.5;
        example(&mut part, px, y, 2);
        example(&mut part, px + BOX + 3.0, y, 0);
        let correct = t(self.lang, "paper-pdf-cancel");
        let h = self.text(
            &mut part,
            &correct,
            (tx, y, w - pic_w - 6.0),
            LABEL,
            false,
            false,
        );
        y += h.max(BOX) + 2.5;
        let write = t(self.lang, "paper-pdf-write");
        y += self.text(
            &mut part,
            &write,
            (tx, y, w - pic_w - 6.0),
            LABEL,
            false,
            false,
        ) + 2.0;
        part.draws.push(Draw::Frame(
            RectMm {
                x: X0 - 1.5,
                y: frame_top,
                w: w + 3.0,
                h: y - frame_top,
            },
            0.5,
        ));
        y += 2.5;
        y += self.text(&mut part, return_by, (X0, y, w), SMALL, false, false) + 0.8;
        if !contact_line.is_empty() {
            y += self.text(&mut part, contact_line, (X0, y, w), SMALL, false, true);
        }
        self.place(part, y + 5.0);
    }
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
        l.section_title(text_in(&section.title, lang), 22.0);
        for run in runs {
            let Some((n, item)) = run.first().copied() else {
                continue;
            };
            match &item.kind {
                ItemKind::Scale { .. } => l.grid(&run),
                ItemKind::Single { .. } | ItemKind::Multi { .. } => l.choice(n, item),
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

/// What varies per print run.
pub struct Run<'a> {
    /// The wave.
    pub wave_id: i64,
    /// Its questionnaire text.
    pub version_id: i64,
    /// The stored layout's id (goes into the QR code).
    pub layout_id: i64,
    /// The municipality's name (page heads).
    pub municipality: &'a str,
}

fn black() -> Fill {
    Fill {
        paint: rgb::Color::new(0, 0, 0).into(),
        opacity: NormalizedF32::ONE,
        rule: FillRule::NonZero,
    }
}

fn rect_path(r: RectMm) -> Option<krilla::geom::Path> {
    let mut pb = PathBuilder::new();
    pb.push_rect(Rect::from_xywh(mm(r.x), mm(r.y), mm(r.w), mm(r.h))?);
    pb.finish()
}

/// Draws forms `from..=to` of the design as one PDF (every form all its pages).
pub fn render(design: &Design, run: &Run<'_>, from: u64, to: u64) -> Result<Vec<u8>, FormPdfError> {
    let mut pdf = PdfDocument::new();
    let fonts = [
        Font::new(REGULAR.into(), 0).ok_or_else(|| FormPdfError("lettertype".into()))?,
        Font::new(BOLD.into(), 0).ok_or_else(|| FormPdfError("lettertype (vet)".into()))?,
    ];
    let settings = PageSettings::from_wh(mm(PAGE_W), mm(PAGE_H))
        .ok_or_else(|| FormPdfError("pagina".into()))?;
    let total = design.pages.len();
    let layout = &design.layout;
    for sheet in from..=to {
        let form = form_number(run.wave_id, sheet);
        for (p, draws) in design.pages.iter().enumerate() {
            let mut page = pdf.start_page_with(settings.clone());
            let mut s = page.surface();
            s.set_fill(Some(black()));
            // Corner marks.
            for (cx, cy) in layout.corners {
                let h = layout.corner_side / 2.0;
                if let Some(path) = rect_path(RectMm {
                    x: cx - h,
                    y: cy - h,
                    w: layout.corner_side,
                    h: layout.corner_side,
                }) {
                    s.draw_path(&path);
                }
            }
            // QR code.
            let text = qr_text(
                run.wave_id,
                &form,
                p as u32 + 1,
                run.version_id,
                design.lang,
                run.layout_id,
            );
            draw_qr(&mut s, &text, layout.qr)?;
            // Page head: municipality, form number and page.
            let head = t_args(
                design.lang,
                "paper-form-number",
                &[
                    ("number", form.as_str()),
                    ("page", &(p + 1).to_string()),
                    ("pages", &total.to_string()),
                ],
            );
            draw_text(&mut s, &fonts, (X0, 15.0), 10.5, true, run.municipality);
            draw_text(&mut s, &fonts, (X0, 21.0), 10.0, false, &head);
            for d in draws {
                draw(&mut s, &fonts, d);
            }
            s.finish();
            page.finish();
        }
    }
    pdf.finish().map_err(|e| FormPdfError(format!("{e:?}")))
}

fn draw_text(
    s: &mut Surface,
    fonts: &[Font; 2],
    (x, y): (f32, f32),
    size: f32,
    bold: bool,
    text: &str,
) {
    s.set_fill(Some(black()));
    s.draw_text(
        Point::from_xy(mm(x), mm(y)),
        fonts[usize::from(bold)].clone(),
        size,
        text,
        false,
        TextDirection::Auto,
    );
}

fn draw(s: &mut Surface, fonts: &[Font; 2], d: &Draw) {
    match d {
        Draw::Text {
            x,
            y,
            size,
            bold,
            grey,
            text,
            ..
        } => {
            let v = if *grey { 0x44 } else { 0 };
            s.set_fill(Some(Fill {
                paint: rgb::Color::new(v, v, v).into(),
                opacity: NormalizedF32::ONE,
                rule: FillRule::NonZero,
            }));
            s.draw_text(
                Point::from_xy(mm(*x), mm(*y)),
                fonts[usize::from(*bold)].clone(),
                *size,
                text,
                false,
                TextDirection::Auto,
            );
        }
        Draw::Fill(r) => {
            s.set_fill(Some(black()));
            if let Some(p) = rect_path(*r) {
                s.draw_path(&p);
            }
        }
        Draw::Frame(r, lw) => {
            s.set_fill(None);
            s.set_stroke(Some(Stroke {
                paint: rgb::Color::new(0, 0, 0).into(),
                width: *lw,
                ..Stroke::default()
            }));
            if let Some(p) = rect_path(*r) {
                s.draw_path(&p);
            }
            s.set_stroke(None);
            s.set_fill(Some(black()));
        }
        Draw::Line(x1, y1, x2, y2, lw) => {
            s.set_fill(None);
            s.set_stroke(Some(Stroke {
                paint: rgb::Color::new(0, 0, 0).into(),
                width: *lw,
                ..Stroke::default()
            }));
            let mut pb = PathBuilder::new();
            pb.move_to(mm(*x1), mm(*y1));
            pb.line_to(mm(*x2), mm(*y2));
            if let Some(p) = pb.finish() {
                s.draw_path(&p);
            }
            s.set_stroke(None);
            s.set_fill(Some(black()));
        }
    }
}

/// Draws a QR code filling `at` (with a quiet zone of two modules inside it).
fn draw_qr(s: &mut Surface, text: &str, at: RectMm) -> Result<(), FormPdfError> {
    let code = qrcode::QrCode::with_error_correction_level(text, qrcode::EcLevel::M)
        .map_err(|e| FormPdfError(format!("QR-code: {e}")))?;
    let n = code.width();
    let module = at.w / (n as f32 + 4.0);
    s.set_fill(Some(black()));
    for y in 0..n {
        let mut x = 0;
        while x < n {
            if code[(x, y)] == qrcode::Color::Dark {
                let start = x;
                while x < n && code[(x, y)] == qrcode::Color::Dark {
                    x += 1;
                }
                if let Some(p) = rect_path(RectMm {
                    x: at.x + module * (start as f32 + 2.0),
                    y: at.y + module * (y as f32 + 2.0),
                    w: module * (x - start) as f32,
                    h: module,
                }) {
                    s.draw_path(&p);
                }
            } else {
                x += 1;
            }
        }
    }
    Ok(())
}

/// Forms `from..=to` of a wave as one PDF in `lang`: lays the form out, stores its layout (once)
/// so the scans can be read back, and draws every form with its own number and QR codes.
pub fn print_wave(
    conn: &mut crate::db::DbConnection,
    wave: &crate::surveys::waves::Wave,
    def: &Definition,
    lang: Lang,
    contact: &crate::config::Contact,
    (from, to): (u64, u64),
    today: chrono::NaiveDate,
) -> anyhow::Result<Vec<u8>> {
    let design = design_for(wave, def, lang, contact)?;
    let layout_id =
        super::layout::store(conn, wave.version_id, lang.code(), &design.layout, today)?;
    Ok(render(
        &design,
        &Run {
            wave_id: wave.id,
            version_id: wave.version_id,
            layout_id,
            municipality: &contact.municipality,
        },
        from,
        to,
    )?)
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
        &[(
            "date",
            &crate::surveys::respondent::date_text(wave.closes_on),
        )],
    );
    let contact_line = crate::web::contact::line_text(lang, contact);
    lay_out(def, lang, &return_by, &contact_line)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn design(lang: Lang) -> Design {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let ret = t_args(lang, "paper-return", &[("date", "30 september 2027")]);
        lay_out(
            &def,
            lang,
            &ret,
            "Vragen? Bel 14 0123 of mail informatie@gemeente.nl",
        )
        .unwrap()
    }

    #[test]
    fn the_standard_questionnaire_fits_on_four_sides_in_every_language() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let counts: Vec<(Lang, usize)> = Lang::ALL
            .iter()
            .map(|l| (*l, design(*l).layout.pages.len()))
            .collect();
        eprintln!("sides per language: {counts:?}");
        assert!(counts.iter().all(|(_, n)| *n <= 4), "{counts:?}");
        // The printed PDF itself: four sides per form in every language.
        for lang in Lang::ALL {
            let pdf = render(
                &design(lang),
                &Run {
                    wave_id: 3,
                    version_id: 5,
                    layout_id: 1,
                    municipality: "Gemeente Voorbeeld",
                },
                1,
                2,
            )
            .unwrap();
            let sides = hayro_syntax::Pdf::new(pdf).unwrap().pages().len();
            assert!(sides <= 2 * 4, "{lang:?}: {sides} sides for two forms");
        }
        for lang in Lang::ALL {
            let d = design(lang);
            // Every box of every question is on the form, once.
            let boxes: Vec<(&str, &str)> = d
                .layout
                .pages
                .iter()
                .flat_map(|p| p.boxes.iter().map(|b| (b.item.as_str(), b.value.as_str())))
                .collect();
            let expected: usize = def.items().map(|i| range_values(i).len()).sum();
            assert_eq!(boxes.len(), expected, "{lang:?}");
            let unique: std::collections::HashSet<_> = boxes.iter().collect();
            assert_eq!(unique.len(), boxes.len());
            let texts = def
                .items()
                .filter(|i| matches!(i.kind, ItemKind::Text { .. }))
                .count();
            let fields = d.layout.pages.iter().flat_map(|p| &p.fields).count();
            assert!(fields >= texts, "{lang:?}");
        }
    }

    #[test]
    fn boxes_and_fields_stay_inside_the_content_area_and_apart() {
        for lang in Lang::ALL {
            let d = design(lang);
            for p in &d.layout.pages {
                let rects: Vec<RectMm> = p
                    .boxes
                    .iter()
                    .map(|b| b.rect)
                    .chain(p.fields.iter().map(|f| f.rect))
                    .collect();
                for r in &rects {
                    assert!(r.x >= X0 - 0.01 && r.x + r.w <= X1 + 0.01, "{lang:?} {r:?}");
                    assert!(r.y >= Y0 - 3.0 && r.y + r.h <= Y1 + 0.01, "{lang:?} {r:?}");
                }
                for (i, a) in rects.iter().enumerate() {
                    for b in &rects[i + 1..] {
                        let apart = a.x + a.w + 1.0 <= b.x
                            || b.x + b.w + 1.0 <= a.x
                            || a.y + a.h + 1.0 <= b.y
                            || b.y + b.h + 1.0 <= a.y;
                        assert!(apart, "{lang:?}: {a:?} and {b:?} touch");
                    }
                }
            }
        }
    }

    #[test]
    fn qr_text_round_trips_and_rejects_foreign_codes() {
        let t = qr_text(3, "R3-000127", 2, 5, Lang::Uk, 9);
        assert_eq!(t, "KB1/3/R3-000127/2/5/UK/9");
        assert_eq!(
            parse_qr(&t),
            Some((3, "R3-000127".into(), 2, 5, "uk".into(), 9))
        );
        assert_eq!(parse_qr("KB1/4/R3-000127/2/5/UK/9"), None);
        assert_eq!(parse_qr("https://example.org"), None);
    }

    #[test]
    fn a_pdf_is_made_with_every_page_of_every_form() {
        let d = design(Lang::Nl);
        let pdf = render(
            &d,
            &Run {
                wave_id: 3,
                version_id: 5,
                layout_id: 1,
                municipality: "Gemeente Voorbeeld",
            },
            1,
            2,
        )
        .unwrap();
        assert!(pdf.starts_with(b"%PDF"));
        if let Ok(path) = std::env::var("KLANKBORD_DUMP_FORM") {
            std::fs::write(path, &pdf).unwrap();
        }
    }
}
