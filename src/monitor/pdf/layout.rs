//! The layout: blocks to positioned pieces per page, each piece attached to its place in a
//! structure tree. Pure; drawing and tagging follow in [`super::draw`].

use crate::monitor::document::{Block, Document};
use crate::pdf::Measure;
use crate::pdf::PdfError;

/// A4 in points.
pub(super) const PAGE_W: f32 = 595.28;
pub(super) const PAGE_H: f32 = 841.89;
pub(super) const LEFT: f32 = 56.0;
pub(super) const RIGHT: f32 = PAGE_W - 56.0;
pub(super) const TOP: f32 = 60.0;
pub(super) const BOTTOM: f32 = PAGE_H - 64.0;
pub(super) const BODY: f32 = 10.5;
pub(super) const SMALL: f32 = 8.5;
pub(super) const TABLE: f32 = 8.8;
pub(super) const DARK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
pub(super) const BLUE: (u8, u8, u8) = (0x01, 0x68, 0x9b);
pub(super) const GREY: (u8, u8, u8) = (0x55, 0x55, 0x55);
pub(super) const RULE: (u8, u8, u8) = (0x99, 0x99, 0x99);
pub(super) const SHADE: (u8, u8, u8) = (0xe8, 0xee, 0xf2);

/// What a structure element is.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Kind {
    H(u16, String),
    P,
    L,
    Li,
    Lbl,
    LBody,
    Table(String),
    Caption,
    Tr,
    Th,
    Td,
    Figure(String),
    Quote,
    Section,
}

/// The structure tree as laid out: groups with leaves pointing at drawn pieces.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Node {
    Group(Kind, Vec<Node>),
    Leaf(usize),
}

/// A drawn piece.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Piece {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: (u8, u8, u8),
    },
}

/// A piece on a page; `leaf` is its index in the structure tree, `None` for an artifact.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Placed {
    pub(super) piece: Piece,
    pub(super) leaf: Option<usize>,
}

/// The laid-out report.
pub(super) struct Layout {
    pub(super) measure: Measure,
    pub(super) pages: Vec<Vec<Placed>>,
    pub(super) y: f32,
    pub(super) leaves: usize,
    /// Open groups, innermost last.
    pub(super) stack: Vec<(Kind, Vec<Node>)>,
    pub(super) roots: Vec<Node>,
    /// Section headings for the bookmarks: title, page, y.
    pub(super) marks: Vec<(String, usize, f32)>,
}

impl Layout {
    pub(super) fn new() -> Result<Layout, PdfError> {
        Ok(Layout {
            measure: Measure::new()?,
            pages: vec![vec![]],
            y: TOP,
            leaves: 0,
            stack: vec![],
            roots: vec![],
            marks: vec![],
        })
    }

    pub(super) fn open(&mut self, kind: Kind) {
        self.stack.push((kind, vec![]));
    }

    pub(super) fn close(&mut self) {
        if let Some((kind, children)) = self.stack.pop() {
            let node = Node::Group(kind, children);
            match self.stack.last_mut() {
                Some((_, siblings)) => siblings.push(node),
                None => self.roots.push(node),
            }
        }
    }

    /// Draws a tagged piece in the open group.
    pub(super) fn put(&mut self, piece: Piece) {
        let leaf = self.leaves;
        self.leaves += 1;
        if let Some((_, children)) = self.stack.last_mut() {
            children.push(Node::Leaf(leaf));
        }
        self.place(piece, Some(leaf));
    }

    pub(super) fn place(&mut self, piece: Piece, leaf: Option<usize>) {
        if let Some(page) = self.pages.last_mut() {
            page.push(Placed { piece, leaf });
        }
    }

    /// A tagged line of text in the open group; `y` is the baseline.
    pub(super) fn text_at(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    ) {
        self.put(Piece::Text {
            x,
            y,
            size,
            bold,
            color,
            text,
        });
    }

    /// An artifact: decoration, not content.
    pub(super) fn decorate(&mut self, piece: Piece) {
        self.place(piece, None);
    }

    pub(super) fn new_page(&mut self) {
        self.pages.push(vec![]);
        self.y = TOP;
    }

    /// Starts a new page unless `h` points still fit.
    pub(super) fn room(&mut self, h: f32) -> bool {
        if self.y + h > BOTTOM && self.y > TOP {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// Breaks words into lines of at most `width`; a word longer than a line is cut.
    pub(super) fn wrap(
        &mut self,
        words: &[(String, bool)],
        size: f32,
        width: f32,
    ) -> Vec<Vec<(String, bool)>> {
        crate::pdf::wrap(&mut self.measure, words, size, width)
    }

    /// Text lines from `x` with the given width; consecutive words of one weight are one piece.
    pub(super) fn text_lines(
        &mut self,
        words: &[(String, bool)],
        x: f32,
        width: f32,
        size: f32,
        color: (u8, u8, u8),
    ) {
        let lh = size * 1.45;
        for line in self.wrap(words, size, width) {
            self.room(lh);
            let mut cx = x;
            let mut run = String::new();
            let mut run_bold = line.first().is_some_and(|(_, b)| *b);
            let flush = |me: &mut Layout, run: &mut String, bold: bool, cx: &mut f32| {
                if run.is_empty() {
                    return;
                }
                let w = me.measure.width(run, bold, size);
                let y = me.y + size;
                me.text_at(*cx, y, size, bold, color, std::mem::take(run));
                *cx += w;
            };
            for (i, (word, bold)) in line.iter().enumerate() {
                if *bold != run_bold {
                    flush(self, &mut run, run_bold, &mut cx);
                    run_bold = *bold;
                }
                if i > 0 {
                    run.push(' ');
                }
                run.push_str(word);
            }
            flush(self, &mut run, run_bold, &mut cx);
            self.y += lh;
        }
    }

    pub(super) fn words(text: &str, bold: bool) -> Vec<(String, bool)> {
        text.split_whitespace()
            .map(|w| (w.to_string(), bold))
            .collect()
    }

    pub(super) fn block(&mut self, b: &Block) {
        match b {
            Block::Paragraph { strong, text } => self.paragraph(strong.as_deref(), text),
            Block::List(items) => self.list(items),
            Block::Table {
                caption,
                head,
                rows,
            } => self.table(caption, head, rows),
            Block::Chart(c) => self.chart(c),
            Block::Quote(q) => self.quote(q),
        }
    }
}

/// Lays the document out on pages, with its structure tree.
pub(super) fn lay_out(doc: &Document, title: &str) -> Result<Layout, PdfError> {
    let mut l = Layout::new()?;
    l.heading(1, title);
    if let Block::Paragraph { strong, text } = &doc.lead {
        l.paragraph(strong.as_deref(), text);
    }
    for s in &doc.sections {
        l.open(Kind::Section);
        l.heading(2, &s.title);
        for b in &s.blocks {
            l.block(b);
        }
        l.close();
    }
    while !l.stack.is_empty() {
        l.close();
    }
    Ok(l)
}
