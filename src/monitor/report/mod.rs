//! The periodic council report as data: every figure it publishes, already suppressed, so the HTML
//! page, the open data (CSV, JSON) and later the PDF all show the same numbers and none of them can
//! show a small cell. Built from the raw data each time.
//!
//! - [`model`]: the report and its parts as data ([`Cell`], [`Report`], ...).
//! - [`periods`]: reporting periods, the quarters and scopes they cover, the period chooser.
//! - [`survey`]: the survey part of a wave (items, dimensions, grade, subgroups, norms).
//! - [`complaints`]: the complaints part, the register, themes and the quarter trend.
//! - [`summary`]: the summary in plain words.
//! - [`build`]: reads the database and assembles the report.

mod build;
mod complaints;
mod model;
mod periods;
mod summary;
mod survey;
#[cfg(test)]
mod tests;

pub use build::*;
pub use complaints::*;
pub use model::*;
pub use periods::*;
pub use summary::*;
pub use survey::*;
