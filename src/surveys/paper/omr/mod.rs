//! Reading scans of the product's own paper forms (optical mark reading) inside the product.
//!
//! The route a page takes:
//!
//! 1. [`decode`] turns what an office scanner makes (multi-page PDF with JPEG, CCITT G4 or Flate
//!    images; multi-page TIFF; PNG; JPEG) into one greyscale page at a time, with a hard limit on
//!    the size of every decoded image, so memory stays bounded whatever the file holds.
//! 2. [`align`] finds the page's QR code (wave, form number, page, questionnaire version and
//!    language), looks up the stored [`FormLayout`](super::layout::FormLayout), and fits the page
//!    to it from the four corner marks: rotation (any quarter turn plus skew), scale and shift.
//! 3. [`measure`] measures every box with a fill measure (how much ink, and how far it spreads)
//!    that tells a tick, a cross or a filled-in mark apart from a box that was blacked out to cancel
//!    it and from a stray dot, with a confidence value; [`doubt`] sends marks whose meaning the inside
//!    alone cannot tell (a circle around a box, a box partly blacked out after a cross, a stroke
//!    through a row, a cross beside a box; [`around`] measures what lies around the box) to the
//!    clerk; text fields are cut out as images. On a
//!    black-and-white scan, [`remnant`] proposes what is left of light pencil as the answer to a
//!    question that has none (the clerk confirms it).
//! 4. The reads of a form's pages are put together into a [`SheetRead`]; a clerk confirms the
//!    doubtful boxes and types the texts on the verification screen, and [`settle`] feeds the
//!    settled sheets into the existing import pipeline (same validation, duplicate detection by
//!    form number, report and quarantine).
//!
//! The types in this file are what the verification screen works with. Nothing here touches the
//! database; only [`settle::settle`] does, through [`super::import`].

pub mod align;
pub mod around;
pub mod blacked;
pub mod decode;
pub mod doubt;
pub mod measure;
mod pdf_file;
pub mod pieces;
pub mod qr;
pub mod read;
pub mod remnant;
pub mod scan;
pub mod settle;
pub mod spool;

#[cfg(test)]
mod fuzz;

use serde::{Deserialize, Serialize};

/// What a box holds, as read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Mark {
    /// Nothing in the box (or only specks of noise).
    Empty,
    /// A tick, cross, stroke or filled-in mark: the answer is chosen.
    Marked,
    /// The box was blacked out entirely: the respondent took this answer back.
    Cancelled,
}

/// One box as read from the scan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoxRead {
    /// The question's key in the questionnaire definition.
    pub item: String,
    /// The value the box stands for (an option code, a scale point `"1"`…`"5"`, the "weet niet"
    /// code, a grade `"1"`…`"10"`, or `"anders"`).
    pub value: String,
    /// What the reader decided.
    pub mark: Mark,
    /// How sure the reader is of `mark`, from 0 (a guess) to 1 (certain).
    pub confidence: f32,
    /// Share of the box's inside covered by ink (0–1): the raw measure, for the clerk and tests.
    pub ink: f32,
    /// The clerk must look at this box before the sheet can be settled: the confidence is below
    /// the threshold, or the box takes part in a conflict (two answers on a one-answer question).
    pub needs_verification: bool,
    /// PNG of the box with a margin around it, only for boxes that need verification (so the
    /// screen can show what was on paper next to what was read).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub cutout_png: Option<Vec<u8>>,
}

/// What an open text field is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// The answer to an open question (or a number written in figures).
    Answer,
    /// The "anders, namelijk" text of a choice question.
    Other,
}

/// An open text field cut out of the scan, for the clerk to type (no handwriting recognition).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldCut {
    /// The question's key.
    pub item: String,
    /// Answer or "anders" text.
    pub kind: FieldKind,
    /// Whether anything seems written in it (a blank field need not be typed).
    pub written: bool,
    /// Share of the field covered by ink (0–1).
    pub ink: f32,
    /// PNG of the field as scanned (straightened).
    pub png: Vec<u8>,
}

/// Who is on the page, from its QR code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageId {
    /// The wave.
    pub wave_id: i64,
    /// Form number as printed, for example `R3-000127`.
    pub form: String,
    /// Page number in the form, from 1.
    pub page: u32,
    /// The questionnaire text (`questionnaire_versions.id`) the form was printed from.
    pub version_id: i64,
    /// Language code of the printed form (`nl`, `en`, …).
    pub lang: String,
    /// The stored layout the form was printed with (`paper_layouts.id`).
    #[serde(default)]
    pub layout_id: i64,
}

/// How the scan was fitted to the printed page.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Fit {
    /// Rotation of the scan against the page, in degrees (any angle; 180 for an upside-down page).
    pub rotation_deg: f32,
    /// Scale of the print against the layout (1.0 = 100%; a photocopy at 95% gives 0.95).
    pub scale: f32,
    /// Largest distance between a corner mark and where the fit puts it, in millimetres.
    pub residual_mm: f32,
    /// Scan resolution found from the corner marks, in dots per inch.
    pub dpi: f32,
}

/// Why a page could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "reason", content = "detail")]
pub enum PageProblem {
    /// No QR code of this product was found: the page cannot be placed in a form.
    NoQr,
    /// The QR code belongs to another wave than the one being imported.
    OtherWave(i64),
    /// No stored layout for the QR's questionnaire version and language.
    NoLayout(String),
    /// The QR's page number is not a page of the form.
    NoSuchPage(u32),
    /// The corner marks could not be found or do not fit the layout.
    NotAligned(String),
    /// The page is blank (the empty back side of a duplex scan): skipped, not put aside.
    Blank,
}

/// One scanned page as read: identified, aligned, every box measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PageRead {
    /// Position of the page in the uploaded files (from 1), for messages.
    pub scan_index: u64,
    /// Who the page is; `None` when the QR code could not be read.
    pub id: Option<PageId>,
    /// How it was fitted; `None` when it was not.
    pub fit: Option<Fit>,
    /// Why the page could not be read (then `boxes` and `fields` are empty).
    pub problem: Option<PageProblem>,
    /// Every box of the page, in layout order.
    pub boxes: Vec<BoxRead>,
    /// Every text field of the page.
    pub fields: Vec<FieldCut>,
    /// A small PNG of the whole page, only for a page that could not be read (for the clerk to
    /// see what it is).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub thumbnail_png: Option<Vec<u8>>,
}

impl PageRead {
    /// Boxes that the clerk must look at.
    pub fn doubtful(&self) -> impl Iterator<Item = &BoxRead> {
        self.boxes.iter().filter(|b| b.needs_verification)
    }
}

/// A problem with a whole form (its pages put together).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Conflict {
    /// More than one box marked on a one-answer question.
    DoubleMark {
        /// The question's key.
        item: String,
    },
    /// The same page of the form was scanned twice, with different reads.
    PageTwice {
        /// The page number.
        page: u32,
    },
    /// A page of the form is missing from the scans (its questions stay unanswered).
    PageMissing {
        /// The page number.
        page: u32,
    },
}

/// All pages of one form, put together: what the verification screen shows per sheet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SheetRead {
    /// Wave.
    pub wave_id: i64,
    /// Form number.
    pub form: String,
    /// Questionnaire text.
    pub version_id: i64,
    /// Language of the printed form.
    pub lang: String,
    /// The pages found, in page order.
    pub pages: Vec<PageRead>,
    /// Conflicts the clerk must solve.
    pub conflicts: Vec<Conflict>,
}

impl SheetRead {
    /// Whether the sheet can be settled without a clerk: no doubtful box, no conflict, and no
    /// text field with writing in it (those must be typed).
    pub fn is_clear(&self) -> bool {
        self.conflicts.is_empty()
            && self.pages.iter().all(|p| {
                p.problem.is_none()
                    && p.doubtful().next().is_none()
                    && p.fields.iter().all(|f| !f.written)
            })
    }

    /// The answers as read (before any correction): per question, the values of its marked
    /// boxes, in layout order.
    pub fn marked(&self) -> std::collections::BTreeMap<String, Vec<String>> {
        let mut out: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for b in self.pages.iter().flat_map(|p| &p.boxes) {
            if b.mark == Mark::Marked {
                out.entry(b.item.clone()).or_default().push(b.value.clone());
            }
        }
        out
    }
}

/// A sheet as the clerk settled it: the final answers, ready for the import pipeline.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SettledSheet {
    /// Form number (`R{wave}-{n}`): duplicates are found by it.
    pub form: String,
    /// Per question key: the chosen values (one for a one-answer question; several for a
    /// multiple-choice question; none for no answer).
    pub choices: std::collections::BTreeMap<String, Vec<String>>,
    /// Per question key: the typed text of an open question or a number.
    pub texts: std::collections::BTreeMap<String, String>,
    /// Per question key: the typed "anders, namelijk" text.
    pub other_texts: std::collections::BTreeMap<String, String>,
}

impl SettledSheet {
    /// The sheet as read, with no correction: marked boxes become choices, text fields stay
    /// empty (for sheets that [`SheetRead::is_clear`], or as the screen's starting point).
    pub fn from_read(read: &SheetRead) -> SettledSheet {
        SettledSheet {
            form: read.form.clone(),
            choices: read.marked(),
            texts: Default::default(),
            other_texts: Default::default(),
        }
    }
}
