//! The council report as PDF, made by the product itself (no browser): A4 pages laid out from the
//! report's [`Document`], text in an embedded font (DejaVu Sans, subset by krilla), charts drawn as
//! vector bars with their text summary and table, and a tag tree (headings, paragraphs, lists,
//! tables with header cells, figures with alternative text, the document language) so screen readers
//! and text extraction read it in order. Headers of tables that run over a page are repeated as
//! artifacts; page numbers are artifacts too.
//!
//! Layout happens first (pure: blocks to positioned pieces per page, each piece attached to its
//! place in a structure tree); drawing and tagging follow.
//!
//! - [`layout`]: the layout state and the document walk; [`blocks`] and [`table`] lay out each
//!   kind of block.
//! - [`draw`]: drawing, tagging and writing the PDF.

mod blocks;
mod draw;
mod layout;
mod table;
#[cfg(test)]
mod tests;

pub use crate::pdf::PdfError;
pub use draw::render;
