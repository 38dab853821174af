//! Laying out headings, paragraphs, lists, quotes and charts.

use super::layout::*;
use crate::monitor::document::Chart;

impl Layout {
    pub(super) fn heading(&mut self, level: u16, text: &str) {
        let size = if level == 1 { 18.0 } else { 14.0 };
        // Keep a heading with what follows.
        self.room(size * 1.5 + 60.0);
        if level > 1 {
            self.y += 10.0;
            self.decorate(Piece::Rect {
                x: LEFT,
                y: self.y,
                w: RIGHT - LEFT,
                h: 1.5,
                color: BLUE,
            });
            self.y += 6.0;
        }
        self.marks
            .push((text.to_string(), self.pages.len() - 1, self.y));
        self.open(Kind::H(level, text.to_string()));
        self.text_lines(&Self::words(text, true), LEFT, RIGHT - LEFT, size, DARK);
        self.close();
        self.y += 4.0;
    }

    pub(super) fn paragraph(&mut self, strong: Option<&str>, text: &str) {
        self.open(Kind::P);
        let mut words = strong.map(|s| Self::words(s, true)).unwrap_or_default();
        words.extend(Self::words(text, false));
        self.text_lines(&words, LEFT, RIGHT - LEFT, BODY, DARK);
        self.close();
        self.y += 6.0;
    }

    pub(super) fn list(&mut self, items: &[String]) {
        self.open(Kind::L);
        for item in items {
            self.open(Kind::Li);
            self.room(BODY * 1.45);
            self.open(Kind::Lbl);
            self.text_at(LEFT + 2.0, self.y + BODY, BODY, false, DARK, "•".into());
            self.close();
            self.open(Kind::LBody);
            self.text_lines(
                &Self::words(item, false),
                LEFT + 14.0,
                RIGHT - LEFT - 14.0,
                BODY,
                DARK,
            );
            self.close();
            self.close();
            self.y += 2.0;
        }
        self.close();
        self.y += 4.0;
    }

    pub(super) fn quote(&mut self, text: &str) {
        self.open(Kind::Quote);
        let top = self.y;
        let page = self.pages.len();
        self.text_lines(
            &Self::words(&format!("\u{201c}{text}\u{201d}"), false),
            LEFT + 16.0,
            RIGHT - LEFT - 16.0,
            BODY,
            DARK,
        );
        if page == self.pages.len() {
            self.decorate(Piece::Rect {
                x: LEFT + 4.0,
                y: top,
                w: 3.0,
                h: self.y - top,
                color: BLUE,
            });
        }
        self.close();
        self.y += 6.0;
    }

    pub(super) fn chart(&mut self, c: &Chart) {
        let row = 18.0;
        let label_w = 200.0;
        let bar_w = RIGHT - LEFT - label_w - 50.0;
        self.room(row * c.rows.len() as f32 + 30.0);
        self.open(Kind::Figure(format!("{}. {}.", c.title, c.summary())));
        self.text_lines(&Self::words(&c.title, true), LEFT, RIGHT - LEFT, BODY, DARK);
        for (label, v) in &c.rows {
            let base = self.y + 12.0;
            let mut label = label.clone();
            if self.measure.width(&label, false, SMALL) > label_w - 8.0 {
                while !label.is_empty()
                    && self.measure.width(&format!("{label}…"), false, SMALL) > label_w - 8.0
                {
                    label.pop();
                }
                label = format!("{}…", label.trim_end());
            }
            self.text_at(LEFT, base, SMALL, false, DARK, label);
            match v {
                Some(v) => {
                    let w = (bar_w as f64 * c.share(*v)) as f32;
                    if w > 0.0 {
                        self.put(Piece::Rect {
                            x: LEFT + label_w,
                            y: self.y + 3.0,
                            w,
                            h: 11.0,
                            color: BLUE,
                        });
                    }
                    self.text_at(
                        LEFT + label_w + w + 4.0,
                        base,
                        SMALL,
                        false,
                        DARK,
                        format!("{}{}", crate::monitor::numbers::fixed(*v, 0), c.unit),
                    );
                }
                None => self.text_at(LEFT + label_w, base, SMALL, false, GREY, "verborgen".into()),
            }
            self.y += row;
        }
        self.close();
        self.y += 4.0;
        // The chart in words, as in the HTML's caption.
        self.open(Kind::P);
        self.text_lines(
            &Self::words(&format!("{}.", c.summary()), false),
            LEFT,
            RIGHT - LEFT,
            SMALL,
            GREY,
        );
        self.close();
        self.y += 6.0;
    }
}
