//! Answers: reading them from a form, checking them against the questionnaire, deciding which
//! questions are shown, and showing them again. Pure functions; the database and web layers call in.
//!
//! An answer set is a map from item key to a stored value. The "anders, namelijk" text of a choice
//! item is stored under `{key}.anders`. Values are stored the way they were given: numbers for grades,
//! scale points and number items; the option code for single choice and a scale's "weet niet"/"n.v.t.";
//! a list of codes for multiple choice; the text for open questions.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::surveys::condition::Answer;
use crate::surveys::definition::{Definition, Item, ItemKind, ScaleWording};
use crate::web::i18n::Lang;

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
}

impl ItemProblem {
    /// The UI string key and its arguments.
    pub fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            ItemProblem::Required => ("answer-error-required", vec![]),
            ItemProblem::NotANumber => ("answer-error-number", vec![]),
            ItemProblem::OutOfRange { min, max } => (
                "answer-error-range",
                vec![("min", min.to_string()), ("max", max.to_string())],
            ),
            ItemProblem::UnknownOption => ("answer-error-option", vec![]),
            ItemProblem::TooMany => ("answer-error-too-many", vec![]),
            ItemProblem::TooLong { max, given } => (
                "answer-error-too-long",
                vec![("max", max.to_string()), ("given", given.to_string())],
            ),
            ItemProblem::OtherMissing => ("answer-error-other", vec![]),
        }
    }

    /// The same problem told to a clerk who types a form in or reads a scanner's file
    /// (`entry-error-…`): what is on the paper and what to do, not "your answer".
    pub fn clerk_message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let (key, args) = self.message();
        let clerk = match key {
            "answer-error-required" => "entry-error-required",
            "answer-error-number" => "entry-error-number",
            "answer-error-range" => "entry-error-range",
            "answer-error-option" => "entry-error-option",
            "answer-error-too-many" => "entry-error-too-many",
            "answer-error-too-long" => "entry-error-too-long",
            _ => "entry-error-other",
        };
        (clerk, args)
    }
}

/// The values posted for one item: its field (all values, for multiple choice) and its "anders" text.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Posted<'a> {
    /// Values of the field named after the item.
    pub values: Vec<&'a str>,
    /// The "anders, namelijk" text, if any.
    pub other: Option<&'a str>,
}

/// Collects posted fields per item. Fields that belong to no item are returned separately, so the
/// caller can refuse a forged form; `extra` names fields the caller itself uses (e.g. `csrf`).
pub fn group_fields<'a>(
    def: &'a Definition,
    fields: &'a [(String, String)],
    extra: &[&str],
) -> (BTreeMap<&'a str, Posted<'a>>, Vec<&'a str>) {
    let mut grouped: BTreeMap<&str, Posted> = BTreeMap::new();
    let mut unknown = vec![];
    for (name, value) in fields {
        let (key, is_other) = match name.strip_suffix(OTHER_SUFFIX) {
            Some(k) => (k, true),
            None => (name.as_str(), false),
        };
        let Some(item) = def.item(key) else {
            if !is_other && extra.contains(&name.as_str()) {
                continue;
            }
            unknown.push(name.as_str());
            continue;
        };
        if is_other && !has_other(item) {
            unknown.push(name.as_str());
            continue;
        }
        let entry = grouped.entry(item.key.as_str()).or_default();
        if is_other {
            entry.other = Some(value.as_str());
        } else {
            entry.values.push(value.as_str());
        }
    }
    (grouped, unknown)
}

fn has_other(item: &Item) -> bool {
    matches!(
        item.kind,
        ItemKind::Single { other: true, .. } | ItemKind::Multi { other: true, .. }
    )
}

fn choice_codes(item: &Item) -> Vec<&str> {
    match &item.kind {
        ItemKind::Single { options, other } | ItemKind::Multi { options, other } => {
            let mut v: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
            if *other {
                v.push(OTHER_CODE);
            }
            v
        }
        _ => vec![],
    }
}

fn parse_int(s: &str) -> Option<i64> {
    s.trim().parse::<i64>().ok()
}

/// Reads the posted answer to one item. `Ok(None)` means unanswered; the second value is the
/// "anders, namelijk" text when that was chosen. Required-ness is checked separately.
pub fn parse_item(
    item: &Item,
    posted: &Posted<'_>,
) -> Result<Option<(Stored, Option<String>)>, ItemProblem> {
    let values: Vec<&str> = posted
        .values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .collect();
    let one = || -> Result<Option<&str>, ItemProblem> {
        match values.as_slice() {
            [] => Ok(None),
            [v] => Ok(Some(v)),
            _ => Err(ItemProblem::TooMany),
        }
    };
    let number_in = |v: &str, min: i64, max: i64| -> Result<Stored, ItemProblem> {
        let n = parse_int(v).ok_or(ItemProblem::NotANumber)?;
        if (min..=max).contains(&n) {
            Ok(Stored::Number(n))
        } else {
            Err(ItemProblem::OutOfRange { min, max })
        }
    };
    let other_text = |chosen: bool| -> Result<Option<String>, ItemProblem> {
        if !chosen {
            return Ok(None);
        }
        let text = posted.other.map(str::trim).unwrap_or("");
        if text.is_empty() {
            return Err(ItemProblem::OtherMissing);
        }
        let given = text.chars().count();
        if given > OTHER_MAX {
            return Err(ItemProblem::TooLong {
                max: OTHER_MAX,
                given,
            });
        }
        Ok(Some(text.to_string()))
    };
    Ok(match &item.kind {
        ItemKind::Grade => match one()? {
            None => None,
            Some(v) => Some((number_in(v, 1, 10)?, None)),
        },
        ItemKind::Scale { dont_know, .. } => match one()? {
            None => None,
            Some(v) if dont_know.as_deref() == Some(v) => Some((Stored::Text(v.to_string()), None)),
            Some(v) => match parse_int(v) {
                Some(_) => Some((number_in(v, 1, 5)?, None)),
                None => return Err(ItemProblem::UnknownOption),
            },
        },
        ItemKind::Number { min, max } => match one()? {
            None => None,
            Some(v) => Some((number_in(v, *min, *max)?, None)),
        },
        ItemKind::Single { .. } => match one()? {
            None => None,
            Some(v) => {
                if !choice_codes(item).contains(&v) {
                    return Err(ItemProblem::UnknownOption);
                }
                let other = other_text(v == OTHER_CODE)?;
                Some((Stored::Text(v.to_string()), other))
            }
        },
        ItemKind::Multi { .. } => {
            if values.is_empty() {
                None
            } else {
                let codes = choice_codes(item);
                let mut chosen: Vec<String> = vec![];
                // Stored in the questionnaire's order, each once.
                for c in &codes {
                    if values.contains(c) {
                        chosen.push(c.to_string());
                    }
                }
                if values.iter().any(|v| !codes.contains(v)) {
                    return Err(ItemProblem::UnknownOption);
                }
                let other = other_text(chosen.iter().any(|c| c == OTHER_CODE))?;
                Some((Stored::List(chosen), other))
            }
        }
        ItemKind::Text { max_length } => {
            // Text keeps its inner line breaks; only the ends are trimmed.
            let text = posted.values.first().map(|v| v.trim()).unwrap_or("");
            if posted.values.len() > 1 {
                return Err(ItemProblem::TooMany);
            }
            if text.is_empty() {
                None
            } else {
                let given = text.chars().count();
                if given > *max_length as usize {
                    return Err(ItemProblem::TooLong {
                        max: *max_length as usize,
                        given,
                    });
                }
                Some((Stored::Text(text.to_string()), None))
            }
        }
    })
}

/// Puts the posted answers of `items` into `answers` (an unanswered item removes its old answer).
/// Returns the problems per item key; answers without problems are applied even when others fail,
/// so nothing typed correctly is lost.
pub fn apply_posted(
    answers: &mut AnswerSet,
    items: &[&Item],
    grouped: &BTreeMap<&str, Posted<'_>>,
) -> Vec<(String, ItemProblem)> {
    let empty = Posted::default();
    let mut problems = vec![];
    for item in items {
        let posted = grouped.get(item.key.as_str()).unwrap_or(&empty);
        match parse_item(item, posted) {
            Ok(parsed) => {
                let other_key = format!("{}{OTHER_SUFFIX}", item.key);
                answers.remove(&other_key);
                match parsed {
                    None => {
                        answers.remove(&item.key);
                    }
                    Some((value, other)) => {
                        answers.insert(item.key.clone(), value);
                        if let Some(o) = other {
                            answers.insert(other_key, Stored::Text(o));
                        }
                    }
                }
            }
            Err(p) => problems.push((item.key.clone(), p)),
        }
    }
    problems
}

/// An answer as conditions see it.
pub fn condition_answer(answers: &AnswerSet, key: &str) -> Answer {
    match answers.get(key) {
        None => Answer::None,
        Some(Stored::Number(n)) => Answer::Number(*n),
        Some(Stored::Text(t)) => Answer::Code(t.clone()),
        Some(Stored::List(l)) => Answer::Codes(l.clone()),
    }
}

/// Whether an item is shown, given the answers so far.
pub fn is_shown(item: &Item, answers: &AnswerSet) -> bool {
    match &item.show_if {
        None => true,
        Some(c) => c.eval(&|k| condition_answer(answers, k)),
    }
}

/// Removes answers to questions that the other answers now hide (in questionnaire order, so a
/// hidden question's answer no longer counts for the conditions after it).
pub fn prune_hidden(def: &Definition, answers: &mut AnswerSet) {
    for item in def.items() {
        if !is_shown(item, answers) {
            answers.remove(&item.key);
            answers.remove(&format!("{}{OTHER_SUFFIX}", item.key));
        }
    }
}

/// The items shown with these answers, in order.
pub fn shown_items<'a>(def: &'a Definition, answers: &AnswerSet) -> Vec<&'a Item> {
    def.items().filter(|i| is_shown(i, answers)).collect()
}

/// Required questions that are shown but not answered.
pub fn missing_required(def: &Definition, answers: &AnswerSet) -> Vec<String> {
    shown_items(def, answers)
        .into_iter()
        .filter(|i| i.required && !answers.contains_key(&i.key))
        .map(|i| i.key.clone())
        .collect()
}

/// Checks a whole answer set against the questionnaire before it is stored: every key known, every
/// value valid, no answers to hidden questions, every shown required question answered.
pub fn check_set(def: &Definition, answers: &AnswerSet) -> Result<(), Vec<(String, ItemProblem)>> {
    let mut problems = vec![];
    for (key, value) in answers {
        let (item_key, is_other) = match key.strip_suffix(OTHER_SUFFIX) {
            Some(k) => (k, true),
            None => (key.as_str(), false),
        };
        let Some(item) = def.item(item_key) else {
            problems.push((key.clone(), ItemProblem::UnknownOption));
            continue;
        };
        if !is_shown(item, answers) {
            problems.push((key.clone(), ItemProblem::UnknownOption));
            continue;
        }
        if is_other {
            let chosen = match answers.get(item_key) {
                Some(Stored::Text(t)) => t == OTHER_CODE,
                Some(Stored::List(l)) => l.iter().any(|c| c == OTHER_CODE),
                _ => false,
            };
            if !chosen || !matches!(value, Stored::Text(_)) {
                problems.push((key.clone(), ItemProblem::UnknownOption));
            }
            continue;
        }
        let as_text: Vec<String> = match value {
            Stored::Number(n) => vec![n.to_string()],
            Stored::Text(t) => vec![t.clone()],
            Stored::List(l) => l.clone(),
        };
        let other = match answers.get(&format!("{item_key}{OTHER_SUFFIX}")) {
            Some(Stored::Text(t)) => Some(t.as_str()),
            _ => None,
        };
        let posted = Posted {
            values: as_text.iter().map(String::as_str).collect(),
            other,
        };
        match parse_item(item, &posted) {
            Ok(Some((again, _))) if &again == value => {}
            Ok(_) => problems.push((key.clone(), ItemProblem::UnknownOption)),
            Err(p) => problems.push((key.clone(), p)),
        }
    }
    for key in missing_required(def, answers) {
        problems.push((key, ItemProblem::Required));
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems)
    }
}

/// The answers to show again after a refusal: the accepted ones, plus what was typed for every
/// item with a problem (and its "anders" text), so it can be corrected instead of typed again.
pub fn for_display(
    answers: &AnswerSet,
    fields: &[(String, String)],
    problems: &[(String, ItemProblem)],
) -> AnswerSet {
    let mut shown = answers.clone();
    for (key, _) in problems {
        let other = format!("{key}{OTHER_SUFFIX}");
        for k in [key.as_str(), other.as_str()] {
            if let Some((_, v)) = fields.iter().find(|(f, v)| f == k && !v.trim().is_empty()) {
                shown.insert(k.to_string(), Stored::Text(v.trim().to_string()));
            }
        }
    }
    shown
}

/// A text in the wanted language, falling back to Dutch.
pub fn text_in(texts: &BTreeMap<String, String>, lang: Lang) -> &str {
    texts
        .get(lang.code())
        .or_else(|| texts.get("nl"))
        .map(String::as_str)
        .unwrap_or("")
}

/// UI string keys for the five points of a scale, lowest first.
pub fn scale_label_keys(wording: ScaleWording) -> [&'static str; 5] {
    match wording {
        ScaleWording::Agree => [
            "scale-agree-1",
            "scale-agree-2",
            "scale-agree-3",
            "scale-agree-4",
            "scale-agree-5",
        ],
        ScaleWording::Satisfied => [
            "scale-satisfied-1",
            "scale-satisfied-2",
            "scale-satisfied-3",
            "scale-satisfied-4",
            "scale-satisfied-5",
        ],
    }
}

/// UI string key of a "weet niet"/"n.v.t." code.
pub fn dont_know_key(code: &str) -> &'static str {
    if code == "nvt" {
        "scale-nvt"
    } else {
        "scale-weet-niet"
    }
}

/// The label of an option code of a choice item (the code itself when unknown).
pub fn option_label<'a>(item: &'a Item, code: &'a str, lang: Lang) -> Option<&'a str> {
    match &item.kind {
        ItemKind::Single { options, .. } | ItemKind::Multi { options, .. } => options
            .iter()
            .find(|o| o.code == code)
            .map(|o| text_in(&o.label, lang)),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::definition::parse;

    const DEF: &str = r#"
key = "t"
version = 1
languages = ["nl"]
title = { nl = "T" }
intro = { nl = "I" }
[[sections]]
key = "s"
title = { nl = "S" }
[[sections.items]]
key = "cijfer"
type = "grade"
dimension = "dienstverlening"
required = true
text = { nl = "Cijfer?" }
[[sections.items]]
key = "eens"
type = "scale"
scale = "agree"
dont_know = "weet_niet"
dimension = "bejegening"
text = { nl = "Eens?" }
[[sections.items]]
key = "kanaal"
type = "multi"
other = true
dimension = "bereikbaarheid"
text = { nl = "Hoe?" }
options = [ { code = "tel", label = { nl = "Telefoon" } }, { code = "balie", label = { nl = "Balie" } } ]
[[sections.items]]
key = "waarom"
type = "text"
max_length = 10
dimension = "dienstverlening"
show_if = "cijfer < 6"
required = true
text = { nl = "Waarom?" }
[[sections.items]]
key = "leeftijd"
type = "number"
min = 18
max = 67
dimension = "achtergrond"
text = { nl = "Leeftijd?" }
"#;

    fn def() -> Definition {
        parse("t.toml", DEF).unwrap()
    }

    fn post(values: &[&'static str]) -> Posted<'static> {
        Posted {
            values: values.to_vec(),
            other: None,
        }
    }

    #[test]
    fn grades_scales_and_numbers_are_checked_against_their_range() {
        let d = def();
        let cijfer = d.item("cijfer").unwrap();
        assert_eq!(
            parse_item(cijfer, &post(&["7"])),
            Ok(Some((Stored::Number(7), None)))
        );
        assert_eq!(
            parse_item(cijfer, &post(&["11"])),
            Err(ItemProblem::OutOfRange { min: 1, max: 10 })
        );
        assert_eq!(
            parse_item(cijfer, &post(&["zeven"])),
            Err(ItemProblem::NotANumber)
        );
        assert_eq!(parse_item(cijfer, &post(&[""])), Ok(None));
        assert_eq!(
            parse_item(cijfer, &post(&["7", "8"])),
            Err(ItemProblem::TooMany)
        );
        let eens = d.item("eens").unwrap();
        assert_eq!(
            parse_item(eens, &post(&["weet_niet"])),
            Ok(Some((Stored::Text("weet_niet".into()), None)))
        );
        assert_eq!(
            parse_item(eens, &post(&["nvt"])),
            Err(ItemProblem::UnknownOption)
        );
        assert_eq!(
            parse_item(eens, &post(&["0"])),
            Err(ItemProblem::OutOfRange { min: 1, max: 5 })
        );
        let leeftijd = d.item("leeftijd").unwrap();
        assert_eq!(
            parse_item(leeftijd, &post(&[" 30 "])),
            Ok(Some((Stored::Number(30), None)))
        );
        assert_eq!(
            parse_item(leeftijd, &post(&["17"])),
            Err(ItemProblem::OutOfRange { min: 18, max: 67 })
        );
    }

    #[test]
    fn multiple_choice_keeps_questionnaire_order_and_needs_the_other_text() {
        let d = def();
        let kanaal = d.item("kanaal").unwrap();
        assert_eq!(
            parse_item(kanaal, &post(&["balie", "tel", "tel"])),
            Ok(Some((
                Stored::List(vec!["tel".into(), "balie".into()]),
                None
            )))
        );
        assert_eq!(
            parse_item(kanaal, &post(&["fax"])),
            Err(ItemProblem::UnknownOption)
        );
        assert_eq!(
            parse_item(kanaal, &post(&["anders"])),
            Err(ItemProblem::OtherMissing)
        );
        let with_other = Posted {
            values: vec!["anders"],
            other: Some(" via de buurvrouw "),
        };
        assert_eq!(
            parse_item(kanaal, &with_other),
            Ok(Some((
                Stored::List(vec!["anders".into()]),
                Some("via de buurvrouw".into())
            )))
        );
    }

    #[test]
    fn text_over_the_limit_says_how_long_it_is() {
        let d = def();
        let waarom = d.item("waarom").unwrap();
        assert_eq!(
            parse_item(waarom, &post(&["veel te lange uitleg"])),
            Err(ItemProblem::TooLong { max: 10, given: 20 })
        );
        assert_eq!(
            parse_item(waarom, &post(&["kort\nen"])),
            Ok(Some((Stored::Text("kort\nen".into()), None)))
        );
    }

    #[test]
    fn forged_field_names_are_reported() {
        let d = def();
        let fields = vec![
            ("cijfer".to_string(), "7".to_string()),
            ("csrf".to_string(), "x".to_string()),
            ("bestaat_niet".to_string(), "1".to_string()),
            ("cijfer.anders".to_string(), "x".to_string()),
        ];
        let (grouped, unknown) = group_fields(&d, &fields, &["csrf"]);
        assert_eq!(grouped.len(), 1);
        assert_eq!(unknown, vec!["bestaat_niet", "cijfer.anders"]);
    }

    #[test]
    fn conditions_hide_questions_and_their_answers_go() {
        let d = def();
        let mut a = AnswerSet::new();
        a.insert("cijfer".into(), Stored::Number(4));
        a.insert("waarom".into(), Stored::Text("lang".into()));
        assert!(is_shown(d.item("waarom").unwrap(), &a));
        a.insert("cijfer".into(), Stored::Number(8));
        prune_hidden(&d, &mut a);
        assert!(!a.contains_key("waarom"));
    }

    #[test]
    fn a_complete_set_passes_and_a_bad_one_names_each_problem() {
        let d = def();
        let mut a = AnswerSet::new();
        assert_eq!(
            check_set(&d, &a),
            Err(vec![("cijfer".into(), ItemProblem::Required)])
        );
        a.insert("cijfer".into(), Stored::Number(5));
        assert_eq!(
            check_set(&d, &a),
            Err(vec![("waarom".into(), ItemProblem::Required)])
        );
        a.insert("waarom".into(), Stored::Text("slecht".into()));
        a.insert("kanaal".into(), Stored::List(vec!["tel".into()]));
        assert_eq!(check_set(&d, &a), Ok(()));
        a.insert("kanaal.anders".into(), Stored::Text("x".into()));
        a.insert("leeftijd".into(), Stored::Number(99));
        a.insert("vals".into(), Stored::Number(1));
        let problems = check_set(&d, &a).unwrap_err();
        assert_eq!(problems.len(), 3, "{problems:?}");
    }

    #[test]
    fn apply_keeps_good_answers_when_another_is_wrong() {
        let d = def();
        let items: Vec<&Item> = d.items().collect();
        let fields = vec![
            ("cijfer".to_string(), "8".to_string()),
            ("leeftijd".to_string(), "200".to_string()),
        ];
        let (grouped, _) = group_fields(&d, &fields, &[]);
        let mut a = AnswerSet::new();
        a.insert("eens".into(), Stored::Number(3));
        let problems = apply_posted(&mut a, &items, &grouped);
        assert_eq!(a.get("cijfer"), Some(&Stored::Number(8)));
        assert!(!a.contains_key("eens"), "an emptied answer is removed");
        assert_eq!(
            problems,
            vec![(
                "leeftijd".into(),
                ItemProblem::OutOfRange { min: 18, max: 67 }
            )]
        );
    }

    #[test]
    fn stored_values_round_trip_through_json() {
        let mut a = AnswerSet::new();
        a.insert("a".into(), Stored::Number(3));
        a.insert("b".into(), Stored::Text("x".into()));
        a.insert("c".into(), Stored::List(vec!["p".into()]));
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(json, r#"{"a":3,"b":"x","c":["p"]}"#);
        assert_eq!(serde_json::from_str::<AnswerSet>(&json).unwrap(), a);
    }

    #[test]
    fn refused_input_is_shown_again_for_correction() {
        let mut answers = AnswerSet::new();
        answers.insert("a".into(), Stored::Number(3));
        let fields = vec![
            ("a".to_string(), "3".to_string()),
            ("b".to_string(), " veel te lang ".to_string()),
            ("b.anders".to_string(), "x".to_string()),
        ];
        let problems = vec![("b".to_string(), ItemProblem::TooLong { max: 5, given: 12 })];
        let shown = for_display(&answers, &fields, &problems);
        assert_eq!(shown.get("a"), Some(&Stored::Number(3)));
        assert_eq!(shown.get("b"), Some(&Stored::Text("veel te lang".into())));
        assert_eq!(shown.get("b.anders"), Some(&Stored::Text("x".into())));
        assert!(!for_display(&answers, &fields, &[]).contains_key("b"));
    }

    #[test]
    fn stored_answers_read_back_from_json() {
        let json = r#"{"a":7,"b":"weet_niet","c":["x","y"],"d":[]}"#;
        let set: AnswerSet = serde_json::from_str(json).expect("valid");
        assert_eq!(set["a"], Stored::Number(7));
        assert_eq!(set["b"], Stored::Text("weet_niet".into()));
        assert_eq!(set["c"], Stored::List(vec!["x".into(), "y".into()]));
        assert_eq!(set["d"], Stored::List(vec![]));
        assert_eq!(serde_json::to_string(&set).expect("json"), json);
        assert!(serde_json::from_str::<AnswerSet>(r#"{"a":1.5}"#).is_err());
        assert!(serde_json::from_str::<AnswerSet>(r#"{"a":[1]}"#).is_err());
    }
}
