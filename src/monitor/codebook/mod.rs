//! Coding open texts, stored: the codebook (themes and behoorlijkheidsnormen, editable), the texts
//! to code (open answers of a wave, complaint descriptions of a year), the researcher's codes with
//! the program's suggestions beside them, how well the suggestions agree, and the theme counts the
//! report shows.
//!
//! Anonymity: a survey text is known by its wave, its question and the hash of its wording. Equal
//! wordings are one text (coded once, counted as often as they were given). Nothing points to the
//! answer set, and the order of answers is not kept (texts are listed by hash).
//!
//! - [`book`]: the codebook itself.
//! - [`texts`]: the texts to code.
//! - [`codes`]: codes, suggestions and the training set.
//! - [`figures`]: agreement of the suggestions, and the theme counts.

mod book;
mod codes;
mod figures;
#[cfg(test)]
mod tests;
mod texts;

pub use book::*;
pub use codes::*;
pub use figures::*;
pub use texts::*;
