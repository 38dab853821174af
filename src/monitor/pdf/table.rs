//! Laying out tables: column widths, rows, cells, and header rows repeated on a new page.

use super::layout::*;
use crate::monitor::document::{Mark, TableCell};

impl Layout {
    pub(super) fn cell_words(c: &TableCell) -> String {
        match c.mark {
            Mark::Indicative => format!("{}*", c.text),
            _ => c.text.clone(),
        }
    }

    /// Column widths: every column its natural width when they fit, otherwise a fair share of
    /// the page for the widest ones.
    pub(super) fn columns(&mut self, head: &[String], rows: &[Vec<TableCell>]) -> Vec<f32> {
        let pad = 8.0;
        let n = head.len().max(1);
        // A header may wrap: its longest word counts.
        let mut natural: Vec<f32> = head
            .iter()
            .map(|h| {
                h.split_whitespace()
                    .map(|w| self.measure.width(w, true, TABLE))
                    .fold(0.0, f32::max)
                    + pad
            })
            .collect();
        natural.resize(n, pad);
        // A sample of rows is enough to size the columns of a very long table.
        for row in rows.iter().take(400) {
            for (i, c) in row.iter().enumerate().take(n) {
                let mut w = self.measure.width(&Self::cell_words(c), false, TABLE);
                if let Some(note) = &c.note {
                    w = w.max(self.measure.width(note, false, SMALL));
                }
                natural[i] = natural[i].max(w + pad);
            }
        }
        let mut order: Vec<usize> = (0..n).collect();
        order.sort_by(|a, b| natural[*a].total_cmp(&natural[*b]));
        let mut widths = vec![0.0; n];
        let mut remaining = RIGHT - LEFT;
        for (k, i) in order.iter().enumerate() {
            let share = remaining / (n - k) as f32;
            widths[*i] = natural[*i].min(share);
            remaining -= widths[*i];
        }
        // What is left goes to the first column (usually the text).
        widths[0] += remaining.max(0.0);
        widths
    }

    pub(super) fn table(&mut self, caption: &str, head: &[String], rows: &[Vec<TableCell>]) {
        let widths = self.columns(head, rows);
        // A short table stays on one page; a long one starts with at least a few rows.
        let mut whole = 60.0;
        if rows.len() <= 30 {
            for row in rows {
                whole += self.row_height(row, &widths);
            }
        }
        self.room(if whole < (BOTTOM - TOP) * 0.5 {
            whole
        } else {
            80.0
        });
        self.open(Kind::Table(caption.to_string()));
        self.open(Kind::Caption);
        self.text_lines(&Self::words(caption, true), LEFT, RIGHT - LEFT, BODY, DARK);
        self.close();
        self.y += 2.0;
        self.open(Kind::Tr);
        self.header_row(head, &widths, true);
        self.close();
        for row in rows {
            let height = self.row_height(row, &widths);
            if self.room(height) {
                // Repeated on the new page for the eye; not read twice.
                self.header_row(head, &widths, false);
            }
            self.open(Kind::Tr);
            let top = self.y;
            let mut x = LEFT;
            for (i, c) in row.iter().enumerate().take(widths.len()) {
                self.open(Kind::Td);
                self.y = top + 3.0;
                self.cell(c, x, widths[i]);
                self.close();
                x += widths[i];
            }
            self.close();
            self.y = top + height;
            self.decorate(Piece::Rect {
                x: LEFT,
                y: self.y - 0.5,
                w: RIGHT - LEFT,
                h: 0.5,
                color: RULE,
            });
        }
        self.close();
        self.y += 10.0;
    }

    pub(super) fn row_height(&mut self, row: &[TableCell], widths: &[f32]) -> f32 {
        let mut lines: f32 = 1.0;
        let mut notes: f32 = 0.0;
        for (i, c) in row.iter().enumerate().take(widths.len()) {
            let words = Self::words(&Self::cell_words(c), false);
            lines = lines.max(self.wrap(&words, TABLE, widths[i] - 6.0).len() as f32);
            if c.note.is_some() {
                notes = 1.0;
            }
        }
        lines * TABLE * 1.35 + notes * SMALL * 1.35 + 6.0
    }

    pub(super) fn cell(&mut self, c: &TableCell, x: f32, width: f32) {
        if c.mark == Mark::Hidden {
            self.text_at(x + 3.0, self.y + TABLE, TABLE, false, DARK, c.text.clone());
            return;
        }
        for line in self.wrap(
            &Self::words(&Self::cell_words(c), false),
            TABLE,
            width - 6.0,
        ) {
            let text = line
                .into_iter()
                .map(|(w, _)| w)
                .collect::<Vec<_>>()
                .join(" ");
            self.text_at(x + 3.0, self.y + TABLE, TABLE, false, DARK, text);
            self.y += TABLE * 1.35;
        }
        if let Some(note) = &c.note {
            self.text_at(x + 3.0, self.y + SMALL, SMALL, false, GREY, note.clone());
        }
    }

    pub(super) fn header_row(&mut self, head: &[String], widths: &[f32], tagged: bool) {
        let mut height: f32 = 0.0;
        for (i, h) in head.iter().enumerate() {
            let lines = self
                .wrap(&Self::words(h, true), TABLE, widths[i] - 6.0)
                .len();
            height = height.max(lines as f32 * TABLE * 1.35 + 6.0);
        }
        self.room(height + 20.0);
        self.decorate(Piece::Rect {
            x: LEFT,
            y: self.y,
            w: RIGHT - LEFT,
            h: height,
            color: SHADE,
        });
        let top = self.y;
        let mut x = LEFT;
        for (i, h) in head.iter().enumerate() {
            if tagged {
                self.open(Kind::Th);
            }
            self.y = top + 3.0;
            for line in self.wrap(&Self::words(h, true), TABLE, widths[i] - 6.0) {
                let text = line
                    .into_iter()
                    .map(|(w, _)| w)
                    .collect::<Vec<_>>()
                    .join(" ");
                let piece = Piece::Text {
                    x: x + 3.0,
                    y: self.y + TABLE,
                    size: TABLE,
                    bold: true,
                    color: DARK,
                    text,
                };
                if tagged {
                    self.put(piece);
                } else {
                    self.decorate(piece);
                }
                self.y += TABLE * 1.35;
            }
            if tagged {
                self.close();
            }
            x += widths[i];
        }
        self.y = top + height;
    }
}
