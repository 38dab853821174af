//! The paper channel. The product prints its own forms (`form_pdf`, downloaded through
//! `forms_download`) and reads their scans itself (`omr`, doubtful boxes settled on `verify`).
//! Exports of outside OMR software (SDAPS, or any tool in the generic format) and keyed forms go
//! through the same pipeline: read as a stream, checked sheet by sheet with the web
//! questionnaire's own rules, and imported in batches; sheets with problems are reported and kept
//! aside, never dropped silently.

pub mod correct;
pub mod correct_queries;
pub mod correct_service;
pub mod correct_views;
pub mod form_pdf;
pub mod forms_download;
pub mod import;
pub mod keyed;
pub mod late;
pub mod layout;
pub mod mapping;
pub mod omr;
pub mod prints;
pub mod prints_queries;
pub mod prints_views;
pub mod progress;
pub mod reader;
#[doc(hidden)]
pub mod scan_synth;
pub mod sheet;
pub mod verify;
pub mod web;

#[cfg(test)]
mod fuzz;
