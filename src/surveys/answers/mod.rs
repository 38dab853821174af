//! Answers: reading them from a form, checking them against the questionnaire, deciding which
//! questions are shown, and showing them again. Pure functions; the database and web layers call in.
//!
//! An answer set is a map from item key to a stored value. The "anders, namelijk" text of a choice
//! item is stored under `{key}.anders`. Values are stored the way they were given: numbers for grades,
//! scale points and number items; the option code for single choice and a scale's "weet niet"/"n.v.t.";
//! a list of codes for multiple choice; the text for open questions.
//!
//! - [`model`]: stored values, answer sets, problems.
//! - [`parse`]: reading a form.
//! - [`check`]: shown questions, missing answers, the set checked whole.
//! - [`labels`]: texts in a language.

mod check;
mod labels;
mod model;
mod parse;
#[cfg(test)]
mod tests;

pub use check::*;
pub use labels::*;
pub use model::*;
pub use parse::*;
