//! The council report as a document: sections of headings, paragraphs, lists, tables, charts and
//! quotes, built once from the figures. The web page, the standalone HTML file and the PDF are all
//! drawn from this one document, so they always carry the same sections and the same figures.
//!
//! - [`model`]: the document as data.
//! - [`build`]: the document of a report, section by section.
//! - [`survey`], [`complaints`], [`trend`]: the sections.
//! - [`words`]: small pieces of text they share.

mod build;
mod complaints;
mod model;
mod survey;
mod trend;
mod words;

pub use build::*;
use complaints::*;
pub use model::*;
use survey::*;
use trend::*;
pub use words::*;
