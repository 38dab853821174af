//! Moving through the questionnaire: question numbers, the progress shown, the next and previous
//! question, and what a posted question page does to the answers. Pure rules, tested here.

use std::collections::BTreeMap;

use crate::surveys::answers::{self, AnswerSet, ItemProblem, Posted};
use crate::surveys::definition::{Definition, Item};

/// Fields of the question form besides the answers.
pub const FORM_FIELDS: &[&str] = &["csrf", "actie"];

/// Every question, in order.
pub fn items(def: &Definition) -> Vec<&Item> {
    def.items().collect()
}

/// Number of question `index` as the respondent sees it: its place among the questions shown.
/// Follow-up questions open after the question that opens them, so going forward this number never
/// changes for a question already seen.
pub fn question_number(def: &Definition, answers: &AnswerSet, index: usize) -> usize {
    let all = items(def);
    (0..=index.min(all.len().saturating_sub(1)))
        .filter(|i| answers::is_shown(all[*i], answers))
        .count()
        .max(1)
}

/// Where a question page stands in the whole questionnaire.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Standing {
    /// Part (section) of the question, from 1.
    pub part: usize,
    /// Parts in the questionnaire.
    pub parts: usize,
    /// Share of the questionnaire before this question, in whole percents (0–99).
    pub percent: usize,
}

/// The standing of question `index`. Counted over the whole questionnaire, shown or not: follow-up
/// questions that open (or close) never change the totals, so going forward the part and the
/// share only ever grow, and nothing promises an end that then moves ("vraag 9 van 29" that became
/// "van 35").
pub fn standing(def: &Definition, index: usize) -> Standing {
    let total = def.items().count().max(1);
    let mut before = 0;
    let mut part = def.sections.len().max(1);
    for (n, s) in def.sections.iter().enumerate() {
        if index < before + s.items.len() {
            part = n + 1;
            break;
        }
        before += s.items.len();
    }
    Standing {
        part,
        parts: def.sections.len().max(1),
        percent: index.min(total - 1) * 100 / total,
    }
}

/// The first question after `after` that these answers show.
pub fn next_shown(def: &Definition, answers: &AnswerSet, after: usize) -> Option<usize> {
    let all = items(def);
    (after + 1..all.len()).find(|i| answers::is_shown(all[*i], answers))
}

/// The last question before `before` that these answers show.
pub fn previous_shown(def: &Definition, answers: &AnswerSet, before: usize) -> Option<usize> {
    let all = items(def);
    (0..before)
        .rev()
        .find(|i| answers::is_shown(all[*i], answers))
}

/// Why a posted question page is not taken at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageError {
    /// No such question page.
    NotFound,
    /// A field for a question that is not on this page: a forged or outdated form.
    Forged,
}

/// What a posted question page did: the button pressed, what needs fixing, and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageOutcome {
    /// `volgende`, `vorige`, `opslaan`, `versturen` or `taal-<code>`.
    pub action: String,
    /// Answers that could not be taken as they are, per question key.
    pub problems: Vec<(String, ItemProblem)>,
    /// The question page to go to; `None` is before the first question ("vorige" on the first).
    pub next: Option<usize>,
    /// Number of questions (a `next` equal to it is the summary).
    pub questions: usize,
}

impl PageOutcome {
    /// Whether the whole answer set is to be stored now.
    pub fn sends(&self) -> bool {
        self.action == "versturen" && self.problems.is_empty()
    }

    /// The page the saved draft resumes at.
    pub fn save_step(&self) -> i32 {
        self.next.unwrap_or(0).min(self.questions) as i32
    }
}

/// Puts the answers of question page `step` into `answers`: whatever is valid is taken even when
/// something else needs fixing (nothing typed is lost), answers to questions now hidden go, and on
/// "volgende" or "versturen" an unanswered required question on this page is a problem.
pub fn take_page(
    def: &Definition,
    answers: &mut AnswerSet,
    step: usize,
    fields: &[(String, String)],
) -> Result<PageOutcome, PageError> {
    let all = items(def);
    if step >= all.len() || (def.one_page && step != 0) {
        return Err(PageError::NotFound);
    }
    let action = fields
        .iter()
        .find(|(k, _)| k == "actie")
        .map(|(_, v)| v.clone())
        .unwrap_or_else(|| "volgende".into());
    let (grouped, unknown): (BTreeMap<&str, Posted>, Vec<&str>) =
        answers::group_fields(def, fields, FORM_FIELDS);
    let on_page: Vec<&Item> = if def.one_page {
        all.clone()
    } else {
        vec![all[step]]
    };
    if !unknown.is_empty() || grouped.keys().any(|k| !on_page.iter().any(|i| i.key == *k)) {
        return Err(PageError::Forged);
    }
    let mut problems = answers::apply_posted(answers, &on_page, &grouped);
    answers::prune_hidden(def, answers);
    if action == "volgende" || action == "versturen" {
        for key in answers::missing_required(def, answers) {
            if on_page.iter().any(|i| i.key == key) && !problems.iter().any(|(k, _)| *k == key) {
                problems.push((key, ItemProblem::Required));
            }
        }
    }
    let next = if problems.is_empty() {
        match action.as_str() {
            "vorige" => previous_shown(def, answers, step),
            "volgende" => next_shown(def, answers, step).or(Some(all.len())),
            _ => Some(step),
        }
    } else {
        Some(step)
    };
    Ok(PageOutcome {
        action,
        problems,
        next,
        questions: all.len(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::answers::Stored;

    fn standard() -> Definition {
        crate::surveys::shipped().unwrap().remove(0)
    }

    #[test]
    fn standing_only_grows_going_forward_and_its_totals_never_move() {
        let def = standard();
        let n = def.items().count();
        let all: Vec<Standing> = (0..n).map(|i| standing(&def, i)).collect();
        assert!(all.iter().all(|s| s.parts == def.sections.len()));
        assert_eq!(all[0].part, 1);
        assert_eq!(all[0].percent, 0);
        assert_eq!(all[n - 1].part, def.sections.len());
        assert!(all[n - 1].percent < 100, "never done before sending");
        for w in all.windows(2) {
            assert!(w[0].part <= w[1].part, "{w:?}");
            assert!(w[0].percent <= w[1].percent, "{w:?}");
        }
        // The part is the section the question is in.
        for (i, item) in def.items().enumerate() {
            let s = &def.sections[all[i].part - 1];
            assert!(s.items.iter().any(|x| x.key == item.key), "{}", item.key);
        }
    }

    #[test]
    fn follow_up_questions_opening_do_not_change_a_seen_question_number() {
        let def = standard();
        let all = items(&def);
        let opener = all.iter().position(|i| i.key == "terugvordering").unwrap();
        let mut answers = AnswerSet::new();
        let before: Vec<usize> = (0..=opener)
            .map(|i| question_number(&def, &answers, i))
            .collect();
        answers.insert("terugvordering".into(), Stored::Text("ja".into()));
        let after: Vec<usize> = (0..=opener)
            .map(|i| question_number(&def, &answers, i))
            .collect();
        assert_eq!(before, after);
        // The question after the block now comes later, as the block is shown.
        let next = opener + 5;
        assert!(
            question_number(&def, &answers, next) > question_number(&def, &AnswerSet::new(), next)
        );
    }

    fn field(k: &str, v: &str) -> (String, String) {
        (k.to_string(), v.to_string())
    }

    #[test]
    fn a_field_for_a_question_on_another_page_is_a_forged_form() {
        let def = standard();
        let all = items(&def);
        let mut answers = AnswerSet::new();
        let other = field(&all[1].key, "7");
        assert_eq!(
            take_page(&def, &mut answers, 0, &[field("actie", "volgende"), other]),
            Err(PageError::Forged)
        );
        assert_eq!(
            take_page(&def, &mut answers, 0, &[field("onbekend", "1")]),
            Err(PageError::Forged)
        );
        assert_eq!(
            take_page(&def, &mut answers, all.len(), &[]),
            Err(PageError::NotFound)
        );
        assert!(answers.is_empty(), "a refused page changes nothing");
    }

    #[test]
    fn a_missing_required_answer_keeps_the_page_and_saving_for_later_does_not() {
        // The standard questionnaire asks nothing as required; here its first question is.
        let mut def = standard();
        def.sections[0].items[0].required = true;
        let all = items(&def);
        let first = 0;
        let mut answers = AnswerSet::new();
        let next = take_page(&def, &mut answers, first, &[field("actie", "volgende")]).unwrap();
        assert_eq!(
            next.problems,
            vec![(all[first].key.clone(), ItemProblem::Required)]
        );
        assert_eq!(next.next, Some(first));
        assert!(!next.sends());
        let later = take_page(&def, &mut answers, first, &[field("actie", "opslaan")]).unwrap();
        assert!(later.problems.is_empty());
        assert_eq!(later.save_step(), first as i32);
    }

    #[test]
    fn going_back_from_the_first_question_leads_before_it() {
        let def = standard();
        let mut answers = AnswerSet::new();
        let back = take_page(&def, &mut answers, 0, &[field("actie", "vorige")]).unwrap();
        assert_eq!(back.next, None);
        assert_eq!(back.save_step(), 0);
    }
}
