//! Drawing and tagging: the laid-out pages written as tagged PDF with bookmarks and metadata.

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

use super::layout::*;
use crate::monitor::document::Document;
use crate::pdf::PdfError;
use crate::pdf::{fill, BOLD, REGULAR};

pub(super) fn tag_of(kind: Kind) -> TagKind {
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

pub(super) fn group_of(
    node: Node,
    ids: &mut [Option<Identifier>],
) -> Option<krilla::tagging::Node> {
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
