//! The checks of one question: its kind, options, wording and limits.

use std::collections::HashMap;

use toml::Spanned;

use super::*;
use crate::surveys::condition::Answer;

/// Checks one item: its answer kind (when that much is clear) and the item (when it has no problems).
pub(super) fn check_item(
    c: &mut Checker<'_>,
    raw: &Spanned<RawItem>,
    earlier: &HashMap<String, ItemKind>,
) -> (Option<ItemKind>, Option<Item>) {
    let at = raw.span().start;
    let r = raw.get_ref();
    let key = r.key.get_ref().clone();
    let problems_before = c.problems.len();
    if !valid_key(&key) {
        c.problem(
            r.key.span().start,
            format!("vraagsleutel '{key}': gebruik kleine letters, cijfers en '_'"),
        );
    }
    if RESERVED_KEYS.contains(&key.as_str()) {
        c.problem(
            r.key.span().start,
            format!("vraagsleutel '{key}' is gereserveerd voor het formulier; kies een andere"),
        );
    }
    if earlier.contains_key(&key) {
        c.problem(r.key.span().start, format!("dubbele vraagsleutel '{key}'"));
    }
    let what = format!("vraag '{key}'");
    let text = c.texts(&r.text, &what);
    let hint = r
        .hint
        .as_ref()
        .map(|h| c.texts(h, &format!("de uitleg bij {what}")));
    let dimension = Dimension::parse(r.dimension.get_ref());
    if dimension.is_none() {
        c.problem(r.dimension.span().start, format!("{what}: onbekende dimensie '{}'; kies bereikbaarheid, bejegening, dienstverlening, effectiviteit of achtergrond", r.dimension.get_ref()));
    }
    let norms = r
        .norms
        .as_ref()
        .map(|n| n.get_ref().clone())
        .unwrap_or_default();
    for n in &norms {
        if !NORMS.contains(&n.as_str()) {
            let start = r.norms.as_ref().map(|n| n.span().start).unwrap_or(at);
            c.problem(start, format!("{what}: onbekende norm '{n}'"));
        }
    }
    let kind_at = r.kind.span().start;
    let options = |c: &mut Checker<'_>| -> Vec<Choice> {
        let Some(opts) = &r.options else {
            c.problem(
                kind_at,
                format!("{what}: een keuzevraag heeft 'options' nodig"),
            );
            return vec![];
        };
        if opts.get_ref().len() < 2 {
            c.problem(
                opts.span().start,
                format!("{what}: geef minstens twee antwoordmogelijkheden"),
            );
        }
        let mut codes: Vec<&str> = vec![];
        let mut out = vec![];
        for o in opts.get_ref() {
            if !valid_key(&o.code) {
                c.problem(
                    opts.span().start,
                    format!(
                        "{what}: antwoordcode '{}': gebruik kleine letters, cijfers en '_'",
                        o.code
                    ),
                );
            }
            if codes.contains(&o.code.as_str()) {
                c.problem(
                    opts.span().start,
                    format!("{what}: dubbele antwoordcode '{}'", o.code),
                );
            }
            codes.push(&o.code);
            for lang in c.languages.clone() {
                if o.label.get(&lang).is_none_or(|t| t.trim().is_empty()) {
                    c.problem(opts.span().start, format!("vertaling ontbreekt: antwoord '{}' van {what} heeft geen tekst in '{lang}'", o.code));
                }
            }
            out.push(Choice {
                code: o.code.clone(),
                label: o.label.clone(),
            });
        }
        out
    };
    let kind_name = r.kind.get_ref().as_str();
    let type_name = TypeName::parse(kind_name);
    let kind = match type_name {
        Some(TypeName::Grade) => Some(ItemKind::Grade),
        Some(TypeName::Scale | TypeName::Smileys) => {
            let wording = match r.scale.as_ref().map(|s| s.get_ref().as_str()) {
                Some("agree") => Some(ScaleWording::Agree),
                Some("satisfied") => Some(ScaleWording::Satisfied),
                Some(other) => {
                    c.problem(
                        kind_at,
                        format!("{what}: onbekende schaal '{other}'; kies agree of satisfied"),
                    );
                    None
                }
                None => {
                    c.problem(
                        kind_at,
                        format!("{what}: geef 'scale = \"agree\"' of 'scale = \"satisfied\"'"),
                    );
                    None
                }
            };
            let dont_know = r.dont_know.as_ref().map(|d| d.get_ref().clone());
            if let Some(d) = &dont_know {
                if d != "weet_niet" && d != "nvt" {
                    c.problem(
                        kind_at,
                        format!("{what}: dont_know moet 'weet_niet' of 'nvt' zijn"),
                    );
                }
            }
            wording.map(|w| ItemKind::Scale {
                wording: w,
                dont_know,
                smileys: type_name == Some(TypeName::Smileys),
            })
        }
        Some(TypeName::Single) => Some(ItemKind::Single {
            options: options(c),
            other: r.other,
        }),
        Some(TypeName::Multi) => Some(ItemKind::Multi {
            options: options(c),
            other: r.other,
        }),
        Some(TypeName::Text) => match r.max_length.as_ref().map(|m| *m.get_ref()) {
            Some(n) if (1..=10_000).contains(&n) => Some(ItemKind::Text {
                max_length: n as u32,
            }),
            _ => {
                c.problem(
                    kind_at,
                    format!("{what}: een open vraag heeft 'max_length' nodig (1 tot 10000 tekens)"),
                );
                None
            }
        },
        Some(TypeName::Number) => match (
            r.min.as_ref().map(|m| *m.get_ref()),
            r.max.as_ref().map(|m| *m.get_ref()),
        ) {
            (Some(min), Some(max)) if min <= max => Some(ItemKind::Number { min, max }),
            _ => {
                c.problem(kind_at, format!("{what}: een getalvraag heeft 'min' en 'max' nodig, met min niet groter dan max"));
                None
            }
        },
        None => {
            c.problem(
                kind_at,
                format!(
                    "{what}: onbekend type '{kind_name}'; kies {}",
                    TypeName::choices_text()
                ),
            );
            None
        }
    };
    let has_options = type_name.is_some_and(TypeName::has_options);
    if r.options.is_some() && !has_options {
        c.problem(
            kind_at,
            format!("{what}: alleen keuzevragen (single, multi) hebben 'options'"),
        );
    }
    if r.other && !has_options {
        c.problem(
            kind_at,
            format!("{what}: 'other' kan alleen bij keuzevragen"),
        );
    }
    let show_if = r
        .show_if
        .as_ref()
        .and_then(|s| check_condition(c, s, &what, earlier));
    if c.problems.len() > problems_before {
        return (kind, None);
    }
    let item = match (kind.clone(), dimension) {
        (Some(kind), Some(dimension)) => Some(Item {
            key,
            kind,
            dimension,
            norms,
            required: r.required,
            text,
            hint,
            show_if,
        }),
        _ => None,
    };
    (kind, item)
}

/// The possible answers of an earlier item, for checking that a condition can ever hold.
pub(super) fn domain(kind: &ItemKind, mentioned: &[i64]) -> Vec<Answer> {
    let mut out = vec![Answer::None];
    match kind {
        ItemKind::Grade => out.extend((1..=10).map(Answer::Number)),
        ItemKind::Scale { dont_know, .. } => {
            out.extend((1..=5).map(Answer::Number));
            out.extend(dont_know.iter().map(|d| Answer::Code(d.clone())));
        }
        ItemKind::Single { options, .. } => {
            out.extend(options.iter().map(|o| Answer::Code(o.code.clone())))
        }
        ItemKind::Multi { options, .. } => {
            let n = options.len().min(12);
            for mask in 1u32..(1 << n) {
                let chosen = (0..n)
                    .filter(|i| mask & (1 << i) != 0)
                    .map(|i| options[i].code.clone())
                    .collect();
                out.push(Answer::Codes(chosen));
            }
        }
        ItemKind::Number { min, max } => {
            let mut points = vec![*min, *max];
            for m in mentioned {
                points.extend([m - 1, *m, m + 1]);
            }
            points.retain(|p| p >= min && p <= max);
            points.sort_unstable();
            points.dedup();
            out.extend(points.into_iter().map(Answer::Number));
        }
        ItemKind::Text { .. } => {}
    }
    out
}
