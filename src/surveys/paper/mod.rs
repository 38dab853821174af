//! The paper channel: scanned forms exported by OMR software (SDAPS, or any tool in the generic
//! format) are read as a stream, checked sheet by sheet with the web questionnaire's own rules, and
//! imported in batches; sheets with problems are reported and kept aside, never dropped silently.

pub mod correct;
pub mod form_pdf;
pub mod import;
pub mod keyed;
pub mod late;
pub mod layout;
pub mod mapping;
pub mod omr;
pub mod print;
pub mod progress;
pub mod reader;
#[doc(hidden)]
pub mod scan_synth;
pub mod sheet;
pub mod verify;
pub mod web;

#[cfg(test)]
mod fuzz;
