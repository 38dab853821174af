//! Questionnaire definitions: the TOML format (documented in the README), its validation with file
//! and line for every problem, and the typed model the rest of the product uses.
//!
//! - [`model`]: the typed model ([`Definition`], [`Item`], [`ItemKind`], ...).
//! - [`parse`]: reading the TOML into the model; [`raw`] is the format as read.
//! - [`check`]: the checks of each question; [`conditions`]: of its show-if condition.

mod check;
mod conditions;
mod model;
mod parse;
mod raw;
#[cfg(test)]
mod tests;

use check::*;
use conditions::*;
pub use model::*;
pub use parse::*;
use raw::*;
