//! Answers as stored: values, answer sets, and what can be wrong with an answer.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One stored answer. In JSON: a number, a string or a list of strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Stored {
    /// Grade, scale point or number.
    Number(i64),
    /// Option code, "weet niet" code or open text.
    Text(String),
    /// Chosen options of a multiple-choice item.
    List(Vec<String>),
}

// Read by hand rather than `#[serde(untagged)]`, which buffers every value and tries each variant
// in turn: the export reads 100,000 answer sets at a time.
impl<'de> Deserialize<'de> for Stored {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> serde::de::Visitor<'de> for V {
            type Value = Stored;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                write!(f, "a number, a text or a list of texts")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Stored, E> {
                Ok(Stored::Number(v))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Stored, E> {
                i64::try_from(v)
                    .map(Stored::Number)
                    .map_err(|_| E::custom("number too large"))
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Stored, E> {
                Ok(Stored::Text(v.to_string()))
            }
            fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Stored, E> {
                Ok(Stored::Text(v))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<Stored, A::Error> {
                let mut list = Vec::with_capacity(seq.size_hint().unwrap_or(2));
                while let Some(x) = seq.next_element::<String>()? {
                    list.push(x);
                }
                Ok(Stored::List(list))
            }
        }
        d.deserialize_any(V)
    }
}

/// Every answer of one respondent, by item key (and `{key}.anders` for "anders, namelijk").
pub type AnswerSet = BTreeMap<String, Stored>;

/// Suffix of the field and key holding an "anders, namelijk" text.
pub const OTHER_SUFFIX: &str = ".anders";
/// Option code meaning "anders, namelijk".
pub const OTHER_CODE: &str = "anders";
/// Longest "anders, namelijk" text.
pub const OTHER_MAX: usize = 200;

/// What is wrong with the answer to one item. Each has a UI string (`answer-error-…`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemProblem {
    /// A required question was left open.
    Required,
    /// Not a whole number.
    NotANumber,
    /// A number outside the allowed range.
    OutOfRange {
        /// Lowest allowed.
        min: i64,
        /// Highest allowed.
        max: i64,
    },
    /// A value that is not one of the options (a forged or outdated form).
    UnknownOption,
    /// More than one value for a one-answer question.
    TooMany,
    /// Text longer than allowed.
    TooLong {
        /// Longest allowed, in characters.
        max: usize,
        /// Characters given.
        given: usize,
    },
    /// "Anders" chosen without saying what.
    OtherMissing,
    /// Text written at "anders" while another answer of a one-answer question was chosen.
    OtherNotChosen,
}

impl ItemProblem {
    /// The UI string keys: the respondent's (`answer-error-…`) and the clerk's (`entry-error-…`).
    fn keys(&self) -> (&'static str, &'static str) {
        match self {
            ItemProblem::Required => ("answer-error-required", "entry-error-required"),
            ItemProblem::NotANumber => ("answer-error-number", "entry-error-number"),
            ItemProblem::OutOfRange { .. } => ("answer-error-range", "entry-error-range"),
            ItemProblem::UnknownOption => ("answer-error-option", "entry-error-option"),
            ItemProblem::TooMany => ("answer-error-too-many", "entry-error-too-many"),
            ItemProblem::TooLong { .. } => ("answer-error-too-long", "entry-error-too-long"),
            ItemProblem::OtherMissing => ("answer-error-other", "entry-error-other"),
            ItemProblem::OtherNotChosen => (
                "answer-error-other-not-chosen",
                "entry-error-other-not-chosen",
            ),
        }
    }

    /// The arguments of both texts.
    fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ItemProblem::OutOfRange { min, max } => {
                vec![("min", min.to_string()), ("max", max.to_string())]
            }
            ItemProblem::TooLong { max, given } => {
                vec![("max", max.to_string()), ("given", given.to_string())]
            }
            ItemProblem::Required
            | ItemProblem::NotANumber
            | ItemProblem::UnknownOption
            | ItemProblem::TooMany
            | ItemProblem::OtherMissing
            | ItemProblem::OtherNotChosen => vec![],
        }
    }

    /// The UI string key and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        (self.keys().0, self.args())
    }

    /// The same problem told to a clerk who types a form in or reads a scanner's file
    /// (`entry-error-…`): what is on the paper and what to do, not "your answer".
    pub fn clerk_message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        (self.keys().1, self.args())
    }
}
