//! Where each question goes: the page-by-page layout of a questionnaire.

use super::measure::{Measure, Part};
use super::{
    lh, Draw, BOX, BOX_LINE_PT, COL, GRID, HEAD, LABEL, QUESTION, SMALL, TITLE, X0, X1, Y0, Y1,
};
use crate::surveys::answers::{dont_know_key, scale_label_keys, text_in, OTHER_CODE};
use crate::surveys::definition::{Choice, Definition, Item, ItemKind};
use crate::surveys::paper::layout::{BoxSpot, FieldSpot, RectMm};
use crate::surveys::paper::mapping::range_values;
use crate::surveys::paper::omr::FieldKind;
use crate::web::i18n::{t, t_args, Lang};

pub(super) struct Lay {
    pub(super) m: Measure,
    pub(super) lang: Lang,
    pub(super) rtl: bool,
    pub(super) pages: Vec<Part>,
    pub(super) y: f32,
    /// Share of the usual white space between questions (1 normally; less for a language whose
    /// longer texts would otherwise take a fifth side). Type and boxes keep their size.
    pub(super) gap: f32,
    /// A section title laid out but not yet placed, with its height: it goes on the page of the
    /// block that follows it (keep with next), so a title never ends a page on its own.
    pub(super) heading: Option<(Part, f32)>,
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
    /// not fit; a block is never split. A section title waiting to be placed goes first, on the
    /// same page as the block.
    pub(super) fn place(&mut self, part: Part, height: f32) {
        let (part, height) = match self.heading.take() {
            Some((mut title, title_h)) => {
                title.append(part.shifted(title_h));
                (title, title_h + height)
            }
            None => (part, height),
        };
        self.place_alone(part, height);
    }

    fn place_alone(&mut self, part: Part, height: f32) {
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

    /// A choice question: its `options` as boxes in rows, and a write-in line when `other`.
    pub(super) fn choice(&mut self, n: usize, item: &Item, options: &[Choice], other: bool) {
        let mut part = Part::default();
        let mut y = self.question_head(&mut part, n, item, X1 - X0) + 2.0 * self.gap;
        let labels: Vec<(String, String)> = options
            .iter()
            .map(|o| (o.code.clone(), text_in(&o.label, self.lang).to_string()))
            .collect();
        // Options flow in rows, each as wide as its label needs (on a tab of a quarter of the
        // width, so the boxes line up); an option too long for the rest of a row starts a new one.
        let full = X1 - X0;
        let tab = full / 4.0;
        let mut x = 0.0;
        let mut row_h: f32 = BOX + 2.0;
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

    pub(super) fn grade(&mut self, n: usize, item: &Item) {
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

    pub(super) fn field(&mut self, n: usize, item: &Item, height: f32) {
        let mut part = Part::default();
        let y = self.question_head(&mut part, n, item, X1 - X0) + 1.5 * self.gap.max(0.6);
        // Every kind is named, so a new one is a decision here (the compiler asks for it).
        let (x, w) = match item.kind {
            ItemKind::Number { .. } => (if self.rtl { X1 - 40.0 } else { X0 }, 40.0),
            ItemKind::Text { .. } => (X0, X1 - X0),
            ItemKind::Grade
            | ItemKind::Scale { .. }
            | ItemKind::Single { .. }
            | ItemKind::Multi { .. } => (X0, X1 - X0),
        };
        let field = RectMm { x, y, w, h: height };
        part.draws.push(Draw::Frame(field, 0.6));
        part.fields.push(FieldSpot {
            item: item.key.clone(),
            kind: FieldKind::Answer,
            rect: field,
        });
        let mut h = y + height;
        // The note under the field that says what may be written: a new kind decides here too.
        let note = match item.kind {
            ItemKind::Number { min, max } => Some(t_args(
                self.lang,
                "question-number-range",
                &[("min", &min.to_string()), ("max", &max.to_string())],
            )),
            ItemKind::Text { .. }
            | ItemKind::Grade
            | ItemKind::Scale { .. }
            | ItemKind::Single { .. }
            | ItemKind::Multi { .. } => None,
        };
        if let Some(note) = note {
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

    pub(super) fn grid(&mut self, items: &[(usize, &Item)]) {
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

    /// A section title: kept with the first block that follows it (see [`Lay::place`]).
    pub(super) fn section_title(&mut self, title: &str) {
        // A section with nothing in it: its title is placed alone.
        self.flush_heading();
        let mut part = Part::default();
        let h = self.text(&mut part, title, (X0, 0.0, X1 - X0), TITLE, true, false);
        part.draws.push(Draw::Line(X0, h + 0.8, X1, h + 0.8, 0.8));
        self.heading = Some((part, h + 2.5 * self.gap));
    }

    /// Places a section title that has no block after it.
    pub(super) fn flush_heading(&mut self) {
        if let Some((part, h)) = self.heading.take() {
            self.place_alone(part, h);
        }
    }

    pub(super) fn instructions(&mut self, def: &Definition, return_by: &str, contact_line: &str) {
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
