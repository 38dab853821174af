//! The bejegening monitor: indicators from surveys and complaints, small-cell suppression, and
//! cleaning open answers before they can become quotes. So far the pure parts the council report is
//! built on: survey indicators (shares, intervals, grades, subgroup tests), complaint figures
//! (funnel, handling times, deadlines), suppression and redaction.

pub mod codebook;
pub mod coding;
pub mod coding_web;
pub mod complaint_figures;
pub mod complaint_read;
pub mod disclosure;
pub mod document;
pub mod indicators;
pub mod labels;
pub mod learning;
pub mod norms;
pub mod numbers;
pub mod open_answers;
pub mod open_answers_service;
pub mod open_answers_views;
pub mod pdf;
pub mod published;
pub mod quotes;
pub mod quotes_queries;
pub mod quotes_service;
pub mod quotes_views;
pub mod redact;
pub mod report;
pub mod survey_figures;
pub mod web;
