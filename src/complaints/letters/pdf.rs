//! Letters as PDF, made by the product (krilla, with the fonts and line breaking of
//! [`crate::pdf`]): A4 on the municipality's letterhead, the address where a window envelope shows
//! it, the reference block beside it, subject, text and signature; tagged (sections, headings,
//! paragraphs, the letter's language) so a screen reader and text extraction read it in order.
//! Several letters make one PDF for printing in one go: each starts on a new page.
//!
//! Where things stand, in millimetres from the top-left corner of the page:
//!
//! | what | left | top | width × height |
//! |---|---|---|---|
//! | logo (or the name in large type) | 22 | 12 | at most 55 × 22 |
//! | sender: name, address, phone, website | 125 | 14 | 65 wide |
//! | return address (small) | 22 | 46 (baseline) | 90 wide |
//! | addressee: name and address, up to 6 lines | 22 | 50–80 | 90 × 30 |
//! | reference: date, ons kenmerk, contact person, phone, e-mail | 125 | 50 | 65 wide |
//! | subject | 22 | 105 | 168 wide |
//! | text, then signature | 22 | 115 | 168 wide |
//!
//! The address block lies inside the window of the common Dutch window envelopes for an A4 folded
//! in three (EA5/6 and C5/6 with the window on the left: a window about 100 × 40 mm whose edges
//! lie about 20 mm from the left and about 45 mm from the top of the folded letter) and ends above
//! the first fold at 99 mm. [`WINDOW`] holds the box the tests check.

use std::num::NonZeroU16;

use krilla::configure::{Accessibility, ConfigurationBuilder, PdfVersion};
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Rect, Size, Transform};
use krilla::metadata::{DateTime, Metadata};
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, Tag, TagGroup, TagTree,
};
use krilla::text::{Font, TextDirection};
use krilla::{Document as PdfDocument, SerializeSettings};

use super::service::LetterFacts;
use crate::pdf::{fill, wrap, Measure, PdfError, BOLD, REGULAR};
use crate::web::i18n::{t, Lang};

/// Points per millimetre.
const MM: f32 = 72.0 / 25.4;
pub(super) const PAGE_W: f32 = 210.0 * MM;
pub(super) const PAGE_H: f32 = 297.0 * MM;
const LEFT: f32 = 22.0 * MM;
const RIGHT: f32 = PAGE_W - 20.0 * MM;
const COLUMN: f32 = 125.0 * MM;
const BOTTOM: f32 = PAGE_H - 22.0 * MM;
const NEXT_TOP: f32 = 25.0 * MM;
const BODY: f32 = 10.0;
const SMALL: f32 = 7.5;
const DARK: (u8, u8, u8) = (0x1a, 0x1a, 0x1a);
const GREY: (u8, u8, u8) = (0x55, 0x55, 0x55);
const RULE: (u8, u8, u8) = (0x99, 0x99, 0x99);

/// A box on the page, in millimetres from the top-left corner.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BoxMm {
    /// From the left edge.
    pub left: f32,
    /// From the top edge.
    pub top: f32,
    /// Width.
    pub width: f32,
    /// Height.
    pub height: f32,
}

/// Where the addressee's name and address stand: inside the envelope's window.
pub const WINDOW: BoxMm = BoxMm {
    left: 22.0,
    top: 50.0,
    width: 90.0,
    height: 30.0,
};

/// A line at a fixed place: text, bold, size, colour.
type Line = (String, bool, f32, (u8, u8, u8));

/// Baseline of the first address line (mm from the top).
const ADDRESS_FIRST_BASELINE: f32 = WINDOW.top + 4.0;
/// Distance between address lines (mm).
const ADDRESS_LINE: f32 = 4.6;

pub use super::logo::{check_logo, Logo};

/// Why a letter could not be made.
#[derive(Debug, thiserror::Error)]
pub enum LetterError {
    /// The PDF could not be written.
    #[error(transparent)]
    Pdf(#[from] PdfError),
    /// Database failure.
    #[error(transparent)]
    Db(#[from] diesel::result::Error),
}

/// A drawn piece of a letter.
enum Piece {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
    },
    Rule {
        x: f32,
        y: f32,
        w: f32,
    },
    Logo {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
}

/// What a piece belongs to in the structure tree: a group of the letter, or decoration.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Artifact,
    /// Index of the group (paragraph or heading) in the letter.
    In(usize),
}

#[derive(Clone)]
enum GroupKind {
    P,
    H1(String),
}

/// One letter laid out: pages of pieces and the groups they belong to.
struct LaidOut {
    pages: Vec<Vec<(Piece, Role)>>,
    groups: Vec<GroupKind>,
    lang: Lang,
    reference: String,
}

struct Builder<'m> {
    measure: &'m mut Measure,
    out: LaidOut,
    y: f32,
    rtl: bool,
}

impl Builder<'_> {
    fn group(&mut self, kind: GroupKind) -> usize {
        self.out.groups.push(kind);
        self.out.groups.len() - 1
    }

    fn put(&mut self, piece: Piece, role: Role) {
        if let Some(p) = self.out.pages.last_mut() {
            p.push((piece, role));
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn text(
        &mut self,
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        color: (u8, u8, u8),
        text: String,
        role: Role,
    ) {
        self.put(
            Piece::Text {
                x,
                y,
                size,
                bold,
                color,
                text,
            },
            role,
        );
    }

    /// A block of wrapped text from `x` with width `width`, flowing over pages; `y` is the top.
    fn flow(&mut self, text: &str, x: f32, width: f32, size: f32, bold: bool, role: Role) {
        let lh = size * 1.45;
        let words: Vec<(String, bool)> = text
            .split_whitespace()
            .map(|w| (w.to_string(), bold))
            .collect();
        for line in wrap(self.measure, &words, size, width) {
            if self.y + lh > BOTTOM {
                self.out.pages.push(vec![]);
                self.y = NEXT_TOP;
            }
            let text = line
                .into_iter()
                .map(|(w, _)| w)
                .collect::<Vec<_>>()
                .join(" ");
            let lx = if self.rtl {
                x + width - self.measure.width(&text, bold, size)
            } else {
                x
            };
            let y = self.y + size;
            self.text(lx, y, size, bold, DARK, text, role);
            self.y += lh;
        }
    }

    /// Lines at fixed places (letterhead, address, reference): each line cut to `width`.
    #[allow(clippy::too_many_arguments)]
    fn fixed_lines(
        &mut self,
        lines: &[Line],
        x: f32,
        mut baseline: f32,
        step: f32,
        width: f32,
        role: Role,
        max: usize,
    ) -> f32 {
        let mut n = 0;
        for (text, bold, size, color) in lines {
            let words: Vec<(String, bool)> = text
                .split_whitespace()
                .map(|w| (w.to_string(), *bold))
                .collect();
            for line in wrap(self.measure, &words, *size, width) {
                if n >= max {
                    return baseline;
                }
                let t = line
                    .into_iter()
                    .map(|(w, _)| w)
                    .collect::<Vec<_>>()
                    .join(" ");
                self.text(x, baseline, *size, *bold, *color, t, role);
                baseline += step;
                n += 1;
            }
        }
        baseline
    }
}

/// Lays out one letter.
fn lay_out(
    measure: &mut Measure,
    f: &LetterFacts,
    logo: Option<(f32, f32)>,
) -> Result<LaidOut, PdfError> {
    let lang = f.lang;
    let mut b = Builder {
        measure,
        out: LaidOut {
            pages: vec![vec![]],
            groups: vec![],
            lang: f.lang,
            reference: f.reference.clone(),
        },
        y: 0.0,
        rtl: lang.dir() == "rtl",
    };
    // Letterhead: the logo (decoration; the name follows as text) or the name in large type.
    let head = b.group(GroupKind::P);
    match logo {
        Some((w, h)) => {
            let (max_w, max_h) = (55.0 * MM, 22.0 * MM);
            let scale = (max_w / w).min(max_h / h);
            b.put(
                Piece::Logo {
                    x: LEFT,
                    y: 12.0 * MM,
                    w: w * scale,
                    h: h * scale,
                },
                Role::Artifact,
            );
        }
        None => {
            b.fixed_lines(
                &[(f.municipality.clone(), true, 16.0, DARK)],
                LEFT,
                20.0 * MM,
                20.0,
                COLUMN - LEFT - 6.0 * MM,
                Role::In(head),
                2,
            );
        }
    }
    let mut sender: Vec<Line> = vec![(f.municipality.clone(), true, 9.0, DARK)];
    for l in &f.sender {
        sender.push((l.clone(), false, 8.5, GREY));
    }
    b.fixed_lines(
        &sender,
        COLUMN,
        14.0 * MM + 9.0,
        11.0,
        RIGHT - COLUMN,
        Role::In(head),
        8,
    );
    // Return address, small, above the address in the window.
    if !f.sender.is_empty() {
        let ret = b.group(GroupKind::P);
        let line = format!(
            "{}: {}, {}",
            t(lang, "letter-return-address"),
            f.municipality,
            f.sender.join(", ")
        );
        b.fixed_lines(
            &[(line, false, 6.5, GREY)],
            LEFT,
            46.0 * MM,
            8.0,
            WINDOW.width * MM,
            Role::In(ret),
            1,
        );
    }
    // The addressee, in the window.
    let to = b.group(GroupKind::P);
    let mut address: Vec<Line> = vec![];
    if !f.to_name.trim().is_empty() {
        address.push((f.to_name.clone(), false, BODY, DARK));
    }
    for l in &f.to_address {
        address.push((l.clone(), false, BODY, DARK));
    }
    b.fixed_lines(
        &address,
        WINDOW.left * MM,
        ADDRESS_FIRST_BASELINE * MM,
        ADDRESS_LINE * MM,
        WINDOW.width * MM,
        Role::In(to),
        6,
    );
    // Reference block beside the window.
    let mut y = WINDOW.top * MM + SMALL;
    for (label, value) in f.reference_lines() {
        let g = b.group(GroupKind::P);
        b.text(COLUMN, y, SMALL, false, GREY, label, Role::In(g));
        y = b.fixed_lines(
            &[(value, false, 9.0, DARK)],
            COLUMN,
            y + 10.5,
            11.0,
            RIGHT - COLUMN,
            Role::In(g),
            2,
        ) + 3.0;
    }
    b.put(
        Piece::Rule {
            x: LEFT,
            y: 99.0 * MM,
            w: 4.0 * MM,
        },
        Role::Artifact,
    );
    // Subject, text, signature.
    b.y = 105.0 * MM - 11.0;
    let subject = b.group(GroupKind::H1(f.subject.clone()));
    b.flow(
        &f.subject,
        LEFT,
        RIGHT - LEFT,
        11.0,
        true,
        Role::In(subject),
    );
    b.y = b.y.max(115.0 * MM - BODY);
    for para in f.body.split("\n\n") {
        let g = b.group(GroupKind::P);
        for line in para.lines() {
            if line.trim().is_empty() {
                continue;
            }
            b.flow(line, LEFT, RIGHT - LEFT, BODY, false, Role::In(g));
        }
        b.y += 6.0;
    }
    // Room for a handwritten signature, then name, function and municipality.
    b.y += 18.0;
    let sign = b.group(GroupKind::P);
    for (i, l) in f.signature_lines().iter().enumerate() {
        b.flow(l, LEFT, RIGHT - LEFT, BODY, i == 0, Role::In(sign));
    }
    Ok(b.out)
}

/// Writes letters as one PDF: each starts on a new page, with its logo when it has one.
pub fn letters_pdf(letters: &[(&LetterFacts, Option<&Logo>)]) -> Result<Vec<u8>, PdfError> {
    let mut measure = Measure::new()?;
    let mut laid = vec![];
    for (f, logo) in letters {
        let image = match logo {
            Some(l) => Some(l.image()?),
            None => None,
        };
        let size = image.as_ref().map(|i| {
            let (w, h) = i.size();
            (w.max(1) as f32, h.max(1) as f32)
        });
        laid.push((lay_out(&mut measure, f, size)?, image));
    }

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
    let settings =
        PageSettings::from_wh(PAGE_W, PAGE_H).ok_or_else(|| PdfError("pagina".into()))?;
    let mut tree = TagTree::new().with_lang(Some(
        laid.first()
            .map_or(Lang::Nl, |(l, _)| l.lang)
            .code()
            .to_string(),
    ));
    let mut outline = Outline::new();
    let mut first_page = 0;
    for (letter, image) in &laid {
        // One bookmark per letter: its subject and reference.
        let title = letter
            .groups
            .iter()
            .find_map(|g| match g {
                GroupKind::H1(t) => Some(t.clone()),
                GroupKind::P => None,
            })
            .unwrap_or_default();
        outline.push_child(OutlineNode::new(
            format!("{} ({})", title, letter.reference),
            XyzDestination::new(first_page, Point::from_xy(LEFT, NEXT_TOP)),
        ));
        first_page += letter.pages.len();
        let mut ids: Vec<Vec<Identifier>> = vec![vec![]; letter.groups.len()];
        let total = letter.pages.len();
        for (number, pieces) in letter.pages.iter().enumerate() {
            let mut page = pdf.start_page_with(settings.clone());
            let mut surface = page.surface();
            for (piece, role) in pieces {
                let tag = match (role, piece) {
                    (Role::Artifact, _) => {
                        ContentTag::Artifact(Artifact::with_kind(ArtifactType::Layout))
                    }
                    (Role::In(_), _) => ContentTag::Span(SpanTag::empty()),
                };
                let id = surface.start_tagged(tag);
                match piece {
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
                    Piece::Rule { x, y, w } => {
                        fill(&mut surface, RULE);
                        let mut pb = PathBuilder::new();
                        if let Some(rect) = Rect::from_xywh(*x, *y, *w, 0.5) {
                            pb.push_rect(rect);
                        }
                        if let Some(path) = pb.finish() {
                            surface.draw_path(&path);
                        }
                    }
                    Piece::Logo { x, y, w, h } => {
                        if let (Some(img), Some(size)) = (image, Size::from_wh(*w, *h)) {
                            surface.push_transform(&Transform::from_translate(*x, *y));
                            surface.draw_image(img.clone(), size);
                            surface.pop();
                        }
                    }
                }
                surface.end_tagged();
                if let Role::In(g) = role {
                    if let Some(list) = ids.get_mut(*g) {
                        list.push(id);
                    }
                }
            }
            if total > 1 {
                // Reference and page number on every page of a longer letter: an artifact.
                surface.start_tagged(ContentTag::Artifact(Artifact::with_kind(
                    ArtifactType::PaginationOther,
                )));
                fill(&mut surface, GREY);
                surface.draw_text(
                    Point::from_xy(LEFT, PAGE_H - 12.0 * MM),
                    fonts[0].clone(),
                    SMALL,
                    &format!(
                        "{} · {} {} / {total}",
                        letter.reference,
                        page_word(letter),
                        number + 1
                    ),
                    false,
                    TextDirection::Auto,
                );
                surface.end_tagged();
            }
            surface.finish();
            page.finish();
        }
        let mut children: Vec<krilla::tagging::Node> = vec![];
        for (kind, list) in letter.groups.iter().zip(ids) {
            if list.is_empty() {
                continue;
            }
            let tag: krilla::tagging::TagKind = match kind {
                GroupKind::P => Tag::P.into(),
                GroupKind::H1(title) => Tag::Hn(NonZeroU16::MIN, Some(title.clone())).into(),
            };
            children.push(
                TagGroup::with_children(tag, list.into_iter().map(Into::into).collect()).into(),
            );
        }
        tree.push(TagGroup::with_children(
            Tag::Section.with_lang(Some(letter.lang.code().to_string())),
            children,
        ));
    }
    pdf.set_tag_tree(tree);
    pdf.set_outline(outline);
    let title = match letters {
        [(one, _)] => format!("{} {}", one.subject, one.reference),
        _ => format!("Brieven ({})", letters.len()),
    };
    let today = crate::fmt::today();
    use chrono::Datelike;
    pdf.set_metadata(
        Metadata::new()
            .title(title)
            .language(
                laid.first()
                    .map_or(Lang::Nl, |(l, _)| l.lang)
                    .code()
                    .to_string(),
            )
            .creator("Klankbord".into())
            .creation_date(
                DateTime::new(today.year().clamp(0, 9999) as u16)
                    .month(today.month() as u8)
                    .day(today.day() as u8),
            ),
    );
    pdf.finish().map_err(|e| PdfError(format!("{e:?}")))
}

fn page_word(l: &LaidOut) -> String {
    t(l.lang, "letter-page")
}

#[cfg(test)]
#[path = "pdf_tests.rs"]
mod tests;
