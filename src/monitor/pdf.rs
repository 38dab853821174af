//! The council report as PDF, made by the product itself (no browser): A4 pages laid out from the
//! report's [`Document`], text in an embedded font (DejaVu Sans, subset by krilla), charts drawn as
//! vector bars with their text summary and table, and a tag tree (headings, paragraphs, lists,
//! tables with header cells, figures with alternative text, the document language) so screen readers
//! and text extraction read it in order. Headers of tables that run over a page are repeated as
//! artifacts; page numbers are artifacts too.
//!
//! Layout happens first (pure: blocks to positioned pieces per page, each piece attached to its
//! place in a structure tree); drawing and tagging follow.

use std::num::NonZeroU16;

use krilla::configure::{Accessibility, ConfigurationBuilder, PdfVersion};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, ListNumbering, SpanTag, TableHeaderScope, Tag,
    TagGroup, TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document as PdfDocument, SerializeSettings};

use super::document::{Block, Chart, Document, Mark, TableCell};
pub use crate::pdf::PdfError;
use crate::pdf::{fill, Measure, BOLD, REGULAR};

/// A4 in points.
const PAGE_W: f32 = 595.28;
const PAGE_H: f32 = 841.89;
const LEFT: f32 = 56.0;
const RIGHT: f32 = PAGE_W - 56.0;
const TOP: f32 = 60.0;
const BOTTOM: f32 = PAGE_H - 64.0;
const BODY: f32 = 10.5;
const SMALL: f32 = 8.5;
const TABLE: f32 = 8.8;
const DARK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const BLUE: (u8, u8, u8) = (0x01, 0x68, 0x9b);
const GREY: (u8, u8, u8) = (0x55, 0x55, 0x55);
const RULE: (u8, u8, u8) = (0x99, 0x99, 0x99);
const SHADE: (u8, u8, u8) = (0xe8, 0xee, 0xf2);

/// What a structure element is.
#[derive(Debug, Clone, PartialEq)]
enum Kind {
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
enum Node {
    Group(Kind, Vec<Node>),
    Leaf(usize),
}

/// A drawn piece.
#[derive(Debug, Clone, PartialEq)]
enum Piece {
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
struct Placed {
    piece: Piece,
    leaf: Option<usize>,
}

/// The laid-out report.
struct Layout {
    measure: Measure,
    pages: Vec<Vec<Placed>>,
    y: f32,
    leaves: usize,
    /// Open groups, innermost last.
    stack: Vec<(Kind, Vec<Node>)>,
    roots: Vec<Node>,
    /// Section headings for the bookmarks: title, page, y.
    marks: Vec<(String, usize, f32)>,
}

impl Layout {
    fn new() -> Result<Layout, PdfError> {
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

    fn open(&mut self, kind: Kind) {
        self.stack.push((kind, vec![]));
    }

    fn close(&mut self) {
        if let Some((kind, children)) = self.stack.pop() {
            let node = Node::Group(kind, children);
            match self.stack.last_mut() {
                Some((_, siblings)) => siblings.push(node),
                None => self.roots.push(node),
            }
        }
    }

    /// Draws a tagged piece in the open group.
    fn put(&mut self, piece: Piece) {
        let leaf = self.leaves;
        self.leaves += 1;
        if let Some((_, children)) = self.stack.last_mut() {
            children.push(Node::Leaf(leaf));
        }
        self.place(piece, Some(leaf));
    }

    fn place(&mut self, piece: Piece, leaf: Option<usize>) {
        if let Some(page) = self.pages.last_mut() {
            page.push(Placed { piece, leaf });
        }
    }

    /// A tagged line of text in the open group; `y` is the baseline.
    fn text_at(
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
    fn decorate(&mut self, piece: Piece) {
        self.place(piece, None);
    }

    fn new_page(&mut self) {
        self.pages.push(vec![]);
        self.y = TOP;
    }

    /// Starts a new page unless `h` points still fit.
    fn room(&mut self, h: f32) -> bool {
        if self.y + h > BOTTOM && self.y > TOP {
            self.new_page();
            true
        } else {
            false
        }
    }

    /// Breaks words into lines of at most `width`; a word longer than a line is cut.
    fn wrap(
        &mut self,
        words: &[(String, bool)],
        size: f32,
        width: f32,
    ) -> Vec<Vec<(String, bool)>> {
        crate::pdf::wrap(&mut self.measure, words, size, width)
    }

    /// Text lines from `x` with the given width; consecutive words of one weight are one piece.
    fn text_lines(
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

    fn words(text: &str, bold: bool) -> Vec<(String, bool)> {
        text.split_whitespace()
            .map(|w| (w.to_string(), bold))
            .collect()
    }

    fn heading(&mut self, level: u16, text: &str) {
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

    fn paragraph(&mut self, strong: Option<&str>, text: &str) {
        self.open(Kind::P);
        let mut words = strong.map(|s| Self::words(s, true)).unwrap_or_default();
        words.extend(Self::words(text, false));
        self.text_lines(&words, LEFT, RIGHT - LEFT, BODY, DARK);
        self.close();
        self.y += 6.0;
    }

    fn list(&mut self, items: &[String]) {
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

    fn quote(&mut self, text: &str) {
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

    fn chart(&mut self, c: &Chart) {
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
                        format!("{}{}", super::numbers::fixed(*v, 0), c.unit),
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

    fn cell_words(c: &TableCell) -> String {
        match c.mark {
            Mark::Indicative => format!("{}*", c.text),
            _ => c.text.clone(),
        }
    }

    /// Column widths: every column its natural width when they fit, otherwise a fair share of
    /// the page for the widest ones.
    fn columns(&mut self, head: &[String], rows: &[Vec<TableCell>]) -> Vec<f32> {
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

    fn table(&mut self, caption: &str, head: &[String], rows: &[Vec<TableCell>]) {
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

    fn row_height(&mut self, row: &[TableCell], widths: &[f32]) -> f32 {
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

    fn cell(&mut self, c: &TableCell, x: f32, width: f32) {
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

    fn header_row(&mut self, head: &[String], widths: &[f32], tagged: bool) {
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

    fn block(&mut self, b: &Block) {
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

fn tag_of(kind: Kind) -> TagKind {
    match kind {
        Kind::H(level, title) => Tag::Hn(
            NonZeroU16::new(level).unwrap_or(NonZeroU16::MIN),
            Some(title),
        )
        .into(),
        Kind::P => Tag::P.into(),
        Kind::L => Tag::L(ListNumbering::Disc).into(),
        Kind::Li => Tag::LI.into(),
        Kind::Lbl => Tag::Lbl.into(),
        Kind::LBody => Tag::LBody.into(),
        Kind::Table(summary) => Tag::Table.with_summary(Some(summary)).into(),
        Kind::Caption => Tag::Caption.into(),
        Kind::Tr => Tag::TR.into(),
        Kind::Th => Tag::TH(TableHeaderScope::Column).into(),
        Kind::Td => Tag::TD.into(),
        Kind::Figure(alt) => Tag::Figure(Some(alt)).into(),
        Kind::Quote => Tag::BlockQuote.into(),
        Kind::Section => Tag::Section.into(),
    }
}

fn group_of(node: Node, ids: &mut [Option<Identifier>]) -> Option<krilla::tagging::Node> {
    match node {
        Node::Leaf(i) => ids.get_mut(i).and_then(Option::take).map(Into::into),
        Node::Group(kind, children) => {
            let children: Vec<krilla::tagging::Node> = children
                .into_iter()
                .filter_map(|c| group_of(c, ids))
                .collect();
            if children.is_empty() {
                return None;
            }
            Some(TagGroup::with_children(tag_of(kind), children).into())
        }
    }
}

/// Lays the document out on pages, with its structure tree.
fn lay_out(doc: &Document, title: &str) -> Result<Layout, PdfError> {
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

/// Lays out and writes the report as tagged PDF. `title` is the document title (municipality and
/// period); `made_on` goes into the metadata.
pub fn render(
    doc: &Document,
    title: &str,
    made_on: chrono::NaiveDate,
) -> Result<Vec<u8>, PdfError> {
    let mut l = lay_out(doc, title)?;

    let configuration = ConfigurationBuilder::new()
        .with_version(PdfVersion::Pdf17)
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| PdfError(format!("{e:?}")))?;
    let mut pdf = PdfDocument::new_with(SerializeSettings {
        enable_tagging: true,
        configuration,
        ..SerializeSettings::default()
    });
    let fonts = [
        Font::new(REGULAR.into(), 0).ok_or_else(|| PdfError("lettertype".into()))?,
        Font::new(BOLD.into(), 0).ok_or_else(|| PdfError("lettertype (vet)".into()))?,
    ];
    let mut ids: Vec<Option<Identifier>> = vec![None; l.leaves];
    let total = l.pages.len();
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| PdfError("pagina".into()))?;
    for (number, pieces) in l.pages.iter().enumerate() {
        let mut page = pdf.start_page_with(settings.clone());
        let mut surface = page.surface();
        for p in pieces {
            let tag = match (&p.leaf, &p.piece) {
                (None, _) => ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout)),
                (Some(_), Piece::Text { .. }) => ContentTag::Span(SpanTag::empty()),
                (Some(_), Piece::Rect { .. }) => ContentTag::Other,
            };
            let id = surface.start_tagged(tag);
            match &p.piece {
                Piece::Text {
                    x,
                    y,
                    size,
                    bold,
                    color,
                    text,
                } => {
                    fill(&mut surface, *color);
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        fonts[usize::from(*bold)].clone(),
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Piece::Rect { x, y, w, h, color } => {
                    fill(&mut surface, *color);
                    let mut pb = PathBuilder::new();
                    if let Some(rect) = Rect::from_xywh(*x, *y, *w, *h) {
                        pb.push_rect(rect);
                    }
                    if let Some(path) = pb.finish() {
                        surface.draw_path(&path);
                    }
                }
            }
            surface.end_tagged();
            if let Some(leaf) = p.leaf {
                if let Some(slot) = ids.get_mut(leaf) {
                    *slot = Some(id);
                }
            }
        }
        // Page number: an artifact.
        surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
            ArtifactType::PaginationOther,
        )));
        fill(&mut surface, GREY);
        surface.draw_text(
            Point::from_xy(LEFT, PAGE_H - 32.0),
            fonts[0].clone(),
            SMALL,
            &format!("{title} · pagina {} van {total}", number + 1),
            false,
            TextDirection::Auto,
        );
        surface.end_tagged();
        surface.finish();
        page.finish();
    }

    let mut tree = TagTree::new().with_lang(Some("nl".into()));
    for root in std::mem::take(&mut l.roots) {
        if let Some(node) = group_of(root, &mut ids) {
            tree.push(node);
        }
    }
    pdf.set_tag_tree(tree);

    let mut outline = Outline::new();
    for (text, page, y) in &l.marks {
        outline.push_child(OutlineNode::new(
            text.clone(),
            XyzDestination::new(*page, Point::from_xy(LEFT, *y)),
        ));
    }
    pdf.set_outline(outline);

    use chrono::Datelike;
    pdf.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language("nl".into())
            .creator("Klankbord".into())
            .creation_date(
                DateTime::new(made_on.year().clamp(0, 9999) as u16)
                    .month(made_on.month() as u8)
                    .day(made_on.day() as u8),
            ),
    );
    pdf.finish().map_err(|e| PdfError(format!("{e:?}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_words_are_cut_and_lines_fit() {
        let mut l = Layout::new().unwrap();
        let words = Layout::words(
            "Een heel lang woord als klachtbehandelingsprocedureafspraken past niet op een smalle regel",
            false,
        );
        let lines = l.wrap(&words, 10.0, 90.0);
        assert!(lines.len() > 3);
        for line in &lines {
            let text = line
                .iter()
                .map(|(w, _)| w.as_str())
                .collect::<Vec<_>>()
                .join(" ");
            assert!(l.measure.width(&text, false, 10.0) <= 90.0, "{text}");
        }
        let joined: String = lines
            .iter()
            .flatten()
            .map(|(w, _)| w.as_str())
            .collect::<String>();
        assert_eq!(
            joined,
            words.iter().map(|(w, _)| w.as_str()).collect::<String>()
        );
    }

    #[test]
    fn columns_share_the_page_and_keep_narrow_ones() {
        let mut l = Layout::new().unwrap();
        let head = vec!["Vraag".to_string(), "n".into(), "Positief".into()];
        let long = "Ik werd met respect behandeld door de medewerker die mijn aanvraag behandelde en alles uitlegde".repeat(2);
        let rows = vec![vec![
            TableCell::text(long),
            TableCell::text("260"),
            TableCell::text("81%"),
        ]];
        let w = l.columns(&head, &rows);
        assert!((w.iter().sum::<f32>() - (RIGHT - LEFT)).abs() < 0.5);
        assert!(w[1] < 40.0 && w[2] < 60.0, "{w:?}");
    }

    #[test]
    fn every_content_piece_sits_in_the_structure_once() {
        let doc = Document {
            lead: Block::Paragraph {
                strong: Some("Voorlopig:".into()),
                text: "Periode 2026-Q3.".into(),
            },
            sections: vec![super::super::document::Section {
                id: "x",
                title: "Klachten".into(),
                blocks: vec![
                    Block::List(vec!["een".into(), "twee".into()]),
                    Block::Table {
                        caption: "Per kanaal".into(),
                        head: vec!["Kanaal".into(), "Aantal".into()],
                        rows: (0..200)
                            .map(|i| vec![TableCell::text(format!("k{i}")), TableCell::text("7")])
                            .collect(),
                    },
                ],
            }],
        };
        let l = lay_out(&doc, "Titel").unwrap();
        assert!(l.pages.len() >= 2, "200 rows run over a page");
        let mut seen = vec![0; l.leaves];
        fn walk(n: &Node, seen: &mut [u32]) {
            match n {
                Node::Leaf(i) => seen[*i] += 1,
                Node::Group(_, c) => c.iter().for_each(|c| walk(c, seen)),
            }
        }
        l.roots.iter().for_each(|n| walk(n, &mut seen));
        assert!(seen.iter().all(|s| *s == 1));
        // Nothing is drawn below the bottom margin.
        for p in l.pages.iter().flatten() {
            if let Piece::Text { y, .. } = p.piece {
                assert!(y <= BOTTOM + 1.0);
            }
        }
        let bytes = render(
            &doc,
            "Titel",
            chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        )
        .unwrap();
        assert!(bytes.starts_with(b"%PDF-1.7"));
    }
}
