//! Checking an answer set against the questionnaire: which questions are shown, which are
//! missing, and the answers shown again after a problem.

use super::*;
use crate::surveys::condition::Answer;
use crate::surveys::definition::{Definition, Item};

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
        // A stored "anders" text without "anders" chosen is its own problem (above).
        let other = match answers.get(&format!("{item_key}{OTHER_SUFFIX}")) {
            Some(Stored::Text(t)) if as_text.iter().any(|c| c == OTHER_CODE) => Some(t.as_str()),
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
        // Every box that was ticked stays ticked (a check-box list posts one field per box).
        let ticked: Vec<String> = fields
            .iter()
            .filter(|(f, v)| f == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect();
        match ticked.len() {
            0 => {}
            1 => {
                shown.insert(key.clone(), Stored::Text(ticked[0].clone()));
            }
            _ => {
                shown.insert(key.clone(), Stored::List(ticked));
            }
        }
        let other = format!("{key}{OTHER_SUFFIX}");
        if let Some((_, v)) = fields
            .iter()
            .find(|(f, v)| *f == other && !v.trim().is_empty())
        {
            shown.insert(other, Stored::Text(v.trim().to_string()));
        }
    }
    shown
}
