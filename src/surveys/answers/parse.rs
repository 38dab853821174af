//! Reading answers from a form: the fields of each question, parsed into stored values.

use std::collections::BTreeMap;

use super::*;
use crate::surveys::definition::{Definition, Item, ItemKind};

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

pub(super) fn has_other(item: &Item) -> bool {
    match &item.kind {
        ItemKind::Single { other, .. } | ItemKind::Multi { other, .. } => *other,
        ItemKind::Grade
        | ItemKind::Scale { .. }
        | ItemKind::Text { .. }
        | ItemKind::Number { .. } => false,
    }
}

pub(super) fn choice_codes(item: &Item) -> Vec<&str> {
    match &item.kind {
        ItemKind::Single { options, other } | ItemKind::Multi { options, other } => {
            let mut v: Vec<&str> = options.iter().map(|o| o.code.as_str()).collect();
            if *other {
                v.push(OTHER_CODE);
            }
            v
        }
        ItemKind::Grade
        | ItemKind::Scale { .. }
        | ItemKind::Text { .. }
        | ItemKind::Number { .. } => vec![],
    }
}

pub(super) fn parse_int(s: &str) -> Option<i64> {
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
    let wrote_other = has_other(item) && posted.other.is_some_and(|t| !t.trim().is_empty());
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
        // Text written at "anders" says "anders" (people type there and forget the box, on a
        // phone without scripts or on paper): it is never dropped without a word.
        ItemKind::Single { .. } => match one()? {
            None if wrote_other => Some((Stored::Text(OTHER_CODE.to_string()), other_text(true)?)),
            None => None,
            Some(v) => {
                if !choice_codes(item).contains(&v) {
                    return Err(ItemProblem::UnknownOption);
                }
                if wrote_other && v != OTHER_CODE {
                    return Err(ItemProblem::OtherNotChosen);
                }
                let other = other_text(v == OTHER_CODE)?;
                Some((Stored::Text(v.to_string()), other))
            }
        },
        ItemKind::Multi { .. } => {
            if values.is_empty() && !wrote_other {
                None
            } else {
                let codes = choice_codes(item);
                let mut chosen: Vec<String> = vec![];
                // Stored in the questionnaire's order, each once.
                for c in &codes {
                    if values.contains(c) || (wrote_other && *c == OTHER_CODE) {
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
