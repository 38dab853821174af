//! The checks of a question's show-if condition against the questions before it.

use std::collections::HashMap;

use toml::Spanned;

use super::*;
use crate::surveys::condition::{self, Answer, Condition, Value};

pub(super) fn check_condition(
    c: &mut Checker<'_>,
    raw: &Spanned<String>,
    what: &str,
    earlier: &HashMap<String, ItemKind>,
) -> Option<Condition> {
    let at = raw.span().start;
    let cond = match condition::parse(raw.get_ref()) {
        Ok(cond) => cond,
        Err(e) => {
            c.problem(at, format!("{what}: show_if is onleesbaar: {e}"));
            return None;
        }
    };
    let mut ok = true;
    for item in cond.items() {
        if !earlier.contains_key(item) {
            c.problem(
                at,
                format!(
                    "{what}: show_if noemt '{item}', maar die vraag bestaat niet of komt pas later"
                ),
            );
            ok = false;
        }
    }
    for (item, op, value) in cond.values() {
        let Some(kind) = earlier.get(item) else {
            continue;
        };
        let fits = match (kind, value) {
            (ItemKind::Grade, Value::Number(n)) => (1..=10).contains(n),
            (ItemKind::Scale { .. }, Value::Number(n)) => (1..=5).contains(n),
            (ItemKind::Scale { dont_know, .. }, Value::Code(code)) => {
                !op.is_ordering() && dont_know.as_deref() == Some(code.as_str())
            }
            (ItemKind::Number { .. }, Value::Number(_)) => true,
            (
                ItemKind::Single { options, .. } | ItemKind::Multi { options, .. },
                Value::Code(code),
            ) => !op.is_ordering() && options.iter().any(|o| &o.code == code),
            // Every other pair cannot hold (a scale is matched whole above); each kind is named, so a
            // new kind must be placed.
            (
                ItemKind::Grade
                | ItemKind::Number { .. }
                | ItemKind::Single { .. }
                | ItemKind::Multi { .. }
                | ItemKind::Text { .. },
                _,
            ) => false,
        };
        if !fits {
            c.problem(at, format!("{what}: show_if vergelijkt '{item}' met '{value}', maar die vraag kan dat antwoord niet hebben"));
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    // Can the condition ever hold? Try every combination of answers to the items it names.
    let mut names: Vec<&str> = cond.items();
    names.sort_unstable();
    names.dedup();
    let domains: Vec<Vec<Answer>> = names
        .iter()
        .map(|n| {
            let mentioned: Vec<i64> = cond
                .values()
                .iter()
                .filter(|(i, _, _)| i == n)
                .filter_map(|(_, _, v)| {
                    if let Value::Number(x) = v {
                        Some(*x)
                    } else {
                        None
                    }
                })
                .collect();
            earlier
                .get(*n)
                .map(|k| domain(k, &mentioned))
                .unwrap_or_default()
        })
        .collect();
    let combos: usize = domains.iter().map(|d| d.len().max(1)).product();
    if combos <= 200_000 {
        let mut index = vec![0usize; domains.len()];
        let mut satisfiable = false;
        'outer: loop {
            let lookup = |k: &str| {
                names
                    .iter()
                    .position(|n| *n == k)
                    .map(|i| domains[i][index[i]].clone())
                    .unwrap_or(Answer::None)
            };
            if cond.eval(&lookup) {
                satisfiable = true;
                break;
            }
            let mut pos = 0;
            loop {
                if pos == index.len() {
                    break 'outer;
                }
                index[pos] += 1;
                if index[pos] < domains[pos].len() {
                    break;
                }
                index[pos] = 0;
                pos += 1;
            }
        }
        if !satisfiable {
            c.problem(
                at,
                format!("{what}: show_if kan nooit waar zijn, dus deze vraag wordt nooit getoond"),
            );
            return None;
        }
    }
    Some(cond)
}
