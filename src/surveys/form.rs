//! HTML for questions: one renderer per item type, for respondents (large touch targets, plain
//! radio buttons and check boxes that work without JavaScript) and a compact keyboard-first variant
//! for staff entering answers from the phone or from paper.

use maud::{html, Markup};

use crate::surveys::answers::{
    dont_know_key, scale_label_keys, text_in, AnswerSet, ItemProblem, Stored, OTHER_CODE,
    OTHER_SUFFIX,
};
use crate::surveys::definition::{Definition, Item, ItemKind};
use crate::web::i18n::{t, t_args, Lang};

/// How far each scale point's mouth curves, from a frown (1) to a wide smile (5), in units of the
/// face's 48-unit drawing.
const MOUTH_CURVE: [i32; 5] = [-8, -4, 0, 4, 8];

/// The mouth of scale point `point` (1–5) as an SVG path: a quadratic curve whose corners sit
/// above its middle for a smile and below it for a frown (a straight line in the middle).
fn mouth_path(point: u8) -> String {
    let c = MOUTH_CURVE[usize::from(point.clamp(1, 5)) - 1];
    // Corners at y0, the curve's lowest (or highest) point at y0 + c, so it stays around y = 31.
    let y0 = 31 - c / 2;
    format!("M14 {y0} Q24 {} 34 {y0}", y0 + 2 * c)
}

/// A face for scale point `point` (1 = very unhappy … 5 = very happy), drawn as inline SVG so it
/// never depends on an emoji font (two of five emoji showed as empty boxes in Debian's Chromium).
/// Decorative: the text label beside it carries the meaning. It is drawn in the text colour
/// (`currentColor`), so its contrast is the text's, and it follows forced-colour modes. The same
/// drawing is used on the printed paper form.
pub fn face(point: u8) -> Markup {
    html! {
        svg.face viewBox="0 0 48 48" width="40" height="40" aria-hidden="true" focusable="false" data-point=(point) {
            circle cx="24" cy="24" r="21" fill="none" stroke="currentColor" stroke-width="3" {}
            circle cx="17" cy="19" r="3" fill="currentColor" {}
            circle cx="31" cy="19" r="3" fill="currentColor" {}
            path d=(mouth_path(point)) fill="none" stroke="currentColor" stroke-width="3" stroke-linecap="round" {}
        }
    }
}

/// The message for a problem with an answer, in the visitor's language.
pub fn problem_text(lang: Lang, p: &ItemProblem) -> String {
    let (key, args) = p.message();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    t_args(lang, key, &args)
}

/// The message for a problem with an answer typed by a clerk (staff entry, correction).
pub fn clerk_problem_text(lang: Lang, p: &ItemProblem) -> String {
    let (key, args) = p.clerk_message();
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    t_args(lang, key, &args)
}

fn current_text(answers: &AnswerSet, key: &str) -> String {
    match answers.get(key) {
        Some(Stored::Number(n)) => n.to_string(),
        Some(Stored::Text(t)) => t.clone(),
        _ => String::new(),
    }
}

fn is_chosen(answers: &AnswerSet, key: &str, value: &str) -> bool {
    match answers.get(key) {
        Some(Stored::Number(n)) => n.to_string() == value,
        Some(Stored::Text(t)) => t == value,
        Some(Stored::List(l)) => l.iter().any(|c| c == value),
        None => false,
    }
}

/// One option of a radio group or check-box list: value, label, and the scale point whose face is
/// drawn beside the label (smiley scales only).
struct Opt {
    value: String,
    label: String,
    smiley: Option<u8>,
    separated: bool,
}

fn options_of(item: &Item, lang: Lang) -> Vec<Opt> {
    let opt = |value: String, label: String| Opt {
        value,
        label,
        smiley: None,
        separated: false,
    };
    match &item.kind {
        ItemKind::Grade => (1..=10)
            .map(|n| opt(n.to_string(), n.to_string()))
            .collect(),
        ItemKind::Scale {
            wording,
            dont_know,
            smileys,
        } => {
            let mut v: Vec<Opt> = scale_label_keys(*wording)
                .iter()
                .enumerate()
                .map(|(i, k)| Opt {
                    value: (i + 1).to_string(),
                    label: t(lang, k),
                    smiley: smileys.then_some(i as u8 + 1),
                    separated: false,
                })
                .collect();
            if let Some(d) = dont_know {
                v.push(Opt {
                    value: d.clone(),
                    label: t(lang, dont_know_key(d)),
                    smiley: None,
                    separated: true,
                });
            }
            v
        }
        ItemKind::Single { options, other } | ItemKind::Multi { options, other } => {
            let mut v: Vec<Opt> = options
                .iter()
                .map(|o| opt(o.code.clone(), text_in(&o.label, lang).to_string()))
                .collect();
            if *other {
                v.push(opt(OTHER_CODE.into(), t(lang, "answer-other")));
            }
            v
        }
        ItemKind::Text { .. } | ItemKind::Number { .. } => vec![],
    }
}

fn has_other(item: &Item) -> bool {
    matches!(
        item.kind,
        ItemKind::Single { other: true, .. } | ItemKind::Multi { other: true, .. }
    )
}

/// A question for a respondent: a fieldset (choices) or a labelled field (text, number), with its
/// hint, error and a "lees voor" button that the optional script reveals.
pub fn question(
    item: &Item,
    number: usize,
    lang: Lang,
    answers: &AnswerSet,
    error: Option<&ItemProblem>,
) -> Markup {
    let key = item.key.as_str();
    let text = text_in(&item.text, lang);
    let hint = item.hint.as_ref().map(|h| text_in(h, lang));
    let error_id = format!("{key}-error");
    let hint_id = format!("{key}-hint");
    let described: Vec<&str> = [
        hint.map(|_| hint_id.as_str()),
        error.map(|_| error_id.as_str()),
    ]
    .into_iter()
    .flatten()
    .collect();
    let described = described.join(" ");
    let label_id = format!("{key}-vraag");
    let required = item.required;
    let head = html! {
        span.number { (t_args(lang, "question-number", &[("n", &number.to_string())])) " " }
        span id=(label_id) { (text) }
        @if required { " " span.optional { (t(lang, "question-required")) } }
    };
    let below_head = html! {
        @if let Some(h) = hint { p.hint id=(hint_id) { (h) } }
        @if let Some(e) = error { p.error id=(error_id) { span.visually-hidden { (t(lang, "form-error-prefix")) " " } (problem_text(lang, e)) } }
        button.read-aloud type="button" data-read=(label_id) hidden { (t(lang, "question-read-aloud")) }
    };
    match &item.kind {
        ItemKind::Text { max_length } => html! {
            div.question.field.has-error[error.is_some()] {
                label for=(key) { (head) }
                (below_head)
                p.hint { (t_args(lang, "question-max-length", &[("max", &max_length.to_string())])) }
                textarea id=(key) name=(key) rows="5" maxlength=(max_length) aria-describedby=[(!described.is_empty()).then_some(&described)] aria-invalid=[error.map(|_| "true")] { (current_text(answers, key)) }
            }
        },
        ItemKind::Number { min, max } => html! {
            div.question.field.has-error[error.is_some()] {
                label for=(key) { (head) }
                (below_head)
                p.hint { (t_args(lang, "question-number-range", &[("min", &min.to_string()), ("max", &max.to_string())])) }
                input.short id=(key) name=(key) type="text" inputmode="numeric" autocomplete="off" value=(current_text(answers, key)) aria-describedby=[(!described.is_empty()).then_some(&described)] aria-invalid=[error.map(|_| "true")];
            }
        },
        ItemKind::Multi { .. }
        | ItemKind::Single { .. }
        | ItemKind::Grade
        | ItemKind::Scale { .. } => {
            let multi = matches!(item.kind, ItemKind::Multi { .. });
            let grade = matches!(item.kind, ItemKind::Grade);
            let input_type = if multi { "checkbox" } else { "radio" };
            let opts = options_of(item, lang);
            let other_key = format!("{key}{OTHER_SUFFIX}");
            html! {
                fieldset.question.has-error[error.is_some()] aria-describedby=[(!described.is_empty()).then_some(&described)] {
                    legend { (head) }
                    (below_head)
                    @if grade { p.hint { (t(lang, "question-grade-hint")) } }
                    div.choices.grade[grade] {
                        @for (i, o) in opts.iter().enumerate() {
                            @let id = if i == 0 { key.to_string() } else { format!("{key}-{}", o.value) };
                            div.choice.separated[o.separated] {
                                input id=(id) type=(input_type) name=(key) value=(o.value) checked[is_chosen(answers, key, &o.value)];
                                label for=(id) {
                                    @if let Some(point) = o.smiley { span.smiley { (face(point)) } " " }
                                    (o.label)
                                }
                            }
                        }
                    }
                    @if has_other(item) {
                        div.field.other {
                            label for=(other_key) { (t(lang, "answer-other-text")) }
                            input id=(other_key) name=(other_key) type="text" maxlength="200" value=(current_text(answers, &other_key));
                        }
                    }
                }
            }
        }
    }
}

/// The key a clerk types for an option: the scale point itself, `0` for "weet niet"/"n.v.t.", and
/// the option's position (1, 2, …) for single choice.
fn entry_key(item: &Item, index: usize, o: &Opt) -> String {
    match item.kind {
        ItemKind::Single { .. } => (index + 1).to_string(),
        ItemKind::Scale { .. } if o.separated => "0".into(),
        ItemKind::Scale { .. }
        | ItemKind::Grade
        | ItemKind::Multi { .. }
        | ItemKind::Text { .. }
        | ItemKind::Number { .. } => o.value.clone(),
    }
}

/// Whether a clerk types a key for an answer of this kind (see [`entry_key`]) rather than the
/// value itself.
fn typed_as_key(kind: &ItemKind) -> bool {
    match kind {
        ItemKind::Single { .. } | ItemKind::Scale { .. } => true,
        ItemKind::Grade
        | ItemKind::Multi { .. }
        | ItemKind::Text { .. }
        | ItemKind::Number { .. } => false,
    }
}

/// Turns what a clerk typed into the stored value (see [`entry_key`]); anything else is passed on
/// unchanged, for the usual check to refuse with a clear message.
pub fn entry_value(item: &Item, typed: &str, lang: Lang) -> String {
    let typed = typed.trim();
    options_of(item, lang)
        .iter()
        .enumerate()
        .find(|(i, o)| entry_key(item, *i, o) == typed)
        .map(|(_, o)| o.value.clone())
        .unwrap_or_else(|| typed.to_string())
}

/// The error summary's lines for a staff entry form: the form's own problems, then each question's
/// with its text.
pub fn error_list<'a>(
    def: &Definition,
    lang: Lang,
    errors: &'a [(String, ItemProblem)],
    general: &[(&'a str, String)],
) -> Vec<(&'a str, String)> {
    let mut list: Vec<(&str, String)> = general.to_vec();
    for (k, p) in errors {
        let text = def.item(k).map(|i| text_in(&i.text, lang)).unwrap_or(k);
        list.push((
            k.as_str(),
            format!("{text}: {}", clerk_problem_text(lang, p)),
        ));
    }
    list
}

/// Reads a staff entry form into `answers`: what the clerk typed (1–5, 0 for "weet niet", option
/// numbers) becomes the stored value; answers to questions the person should not have had (on paper
/// anything can be filled in) are left out, as the web questionnaire would. Returns the problems
/// per item, or `Err` with the fields that belong to no question (a forged form); `extra` names the
/// form's own fields.
pub fn read_entry(
    def: &Definition,
    fields: &[(String, String)],
    lang: Lang,
    extra: &[&str],
    answers: &mut AnswerSet,
) -> Result<Vec<(String, ItemProblem)>, Vec<String>> {
    let translated: Vec<(String, String)> = fields
        .iter()
        .map(|(k, v)| {
            let value = match def.item(k) {
                Some(item) if typed_as_key(&item.kind) => entry_value(item, v, lang),
                _ => v.clone(),
            };
            (k.clone(), value)
        })
        .collect();
    let (grouped, unknown) = crate::surveys::answers::group_fields(def, &translated, extra);
    if !unknown.is_empty() {
        return Err(unknown.into_iter().map(str::to_string).collect());
    }
    let all: Vec<&Item> = def.items().collect();
    let problems = crate::surveys::answers::apply_posted(answers, &all, &grouped);
    crate::surveys::answers::prune_hidden(def, answers);
    Ok(problems)
}

/// A question for staff entry: compact, numbers for scales and choices, in questionnaire order.
pub fn entry_question(
    item: &Item,
    lang: Lang,
    answers: &AnswerSet,
    error: Option<&ItemProblem>,
) -> Markup {
    let key = item.key.as_str();
    let text = text_in(&item.text, lang);
    let error_id = format!("{key}-error");
    let codes_id = format!("{key}-codes");
    let other_key = format!("{key}{OTHER_SUFFIX}");
    let opts = options_of(item, lang);
    let described = match error {
        Some(_) => format!("{codes_id} {error_id}"),
        None => codes_id.clone(),
    };
    html! {
        div.entry.has-error[error.is_some()] {
            @match &item.kind {
                ItemKind::Multi { .. } => {
                    fieldset {
                        legend { (text) " " span.key { "(" (key) ")" } }
                        @if let Some(e) = error { p.error id=(error_id) { (clerk_problem_text(lang, e)) } }
                        div.inline-choices {
                            @for (i, o) in opts.iter().enumerate() {
                                @let id = if i == 0 { key.to_string() } else { format!("{key}-{}", o.value) };
                                span.choice {
                                    input id=(id) type="checkbox" name=(key) value=(o.value) checked[is_chosen(answers, key, &o.value)];
                                    label for=(id) { (o.label) }
                                }
                            }
                        }
                    }
                }
                ItemKind::Text { max_length } => {
                    label for=(key) { (text) " " span.key { "(" (key) ")" } }
                    @if let Some(e) = error { p.error id=(error_id) { (clerk_problem_text(lang, e)) } }
                    textarea id=(key) name=(key) rows="2" maxlength=(max_length) { (current_text(answers, key)) }
                }
                ItemKind::Grade | ItemKind::Scale { .. } | ItemKind::Single { .. } | ItemKind::Number { .. } => {
                    label for=(key) { (text) " " span.key { "(" (key) ")" } }
                    @if let Some(e) = error { p.error id=(error_id) { (clerk_problem_text(lang, e)) } }
                    @if !opts.is_empty() {
                        p.hint id=(codes_id) {
                            @for (i, o) in opts.iter().enumerate() {
                                @if i > 0 { " · " }
                                strong { (entry_key(item, i, o)) } " = " (o.label)
                            }
                        }
                    }
                    @let typed = opts.iter().enumerate().find(|(_, o)| is_chosen(answers, key, &o.value)).map(|(i, o)| entry_key(item, i, o)).unwrap_or_else(|| current_text(answers, key));
                    input.short id=(key) name=(key) type="text" autocomplete="off" value=(typed) aria-describedby=[(!opts.is_empty()).then_some(&described)] aria-invalid=[error.map(|_| "true")];
                }
            }
            @if has_other(item) {
                label for=(other_key) { (t(lang, "answer-other-text")) }
                input id=(other_key) name=(other_key) type="text" maxlength="200" value=(current_text(answers, &other_key));
            }
        }
    }
}

/// An answer as the respondent sees it on the summary page.
pub fn display_answer(item: &Item, answers: &AnswerSet, lang: Lang) -> String {
    let other = match answers.get(&format!("{}{OTHER_SUFFIX}", item.key)) {
        Some(Stored::Text(t)) => Some(t.as_str()),
        _ => None,
    };
    let label = |code: &str| -> String {
        options_of(item, lang)
            .into_iter()
            .find(|o| o.value == code)
            .map(|o| {
                if code == OTHER_CODE {
                    format!("{}: {}", o.label, other.unwrap_or(""))
                } else {
                    o.label
                }
            })
            .unwrap_or_else(|| code.to_string())
    };
    match answers.get(&item.key) {
        None => t(lang, "summary-not-answered"),
        Some(Stored::Number(n)) => match item.kind {
            ItemKind::Scale { .. } => label(&n.to_string()),
            ItemKind::Grade
            | ItemKind::Single { .. }
            | ItemKind::Multi { .. }
            | ItemKind::Text { .. }
            | ItemKind::Number { .. } => n.to_string(),
        },
        Some(Stored::Text(v)) => match item.kind {
            ItemKind::Text { .. } => v.clone(),
            ItemKind::Grade
            | ItemKind::Scale { .. }
            | ItemKind::Single { .. }
            | ItemKind::Multi { .. }
            | ItemKind::Number { .. } => label(v),
        },
        Some(Stored::List(l)) => l.iter().map(|c| label(c)).collect::<Vec<_>>().join(", "),
    }
}

/// The label a person sees for a stored value of `item` ("Telefoon" for `telefoon`, the scale's
/// words for a point); the value itself when it is no option (a grade, a number).
pub fn value_label(item: &Item, value: &str, lang: Lang) -> String {
    options_of(item, lang)
        .into_iter()
        .find(|o| o.value == value)
        .map(|o| o.label)
        .unwrap_or_else(|| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How far the middle of the mouth lies below its corners (positive: a smile).
    fn smile(point: u8) -> i32 {
        let d = mouth_path(point);
        let n: Vec<i32> = d
            .split(|c: char| !c.is_ascii_digit() && c != '-')
            .filter_map(|p| p.parse().ok())
            .collect();
        // M x0 y0 Q xc yc x1 y1: the curve's middle is halfway between the corners and the control point.
        assert_eq!(n.len(), 6, "{d}");
        assert_eq!(n[1], n[5], "level corners: {d}");
        (n[3] - n[1]) / 2
    }

    #[test]
    fn faces_go_from_a_frown_to_a_smile() {
        let curves: Vec<i32> = (1..=5).map(smile).collect();
        assert!(curves[0] < 0 && curves[1] < 0, "1 and 2 frown: {curves:?}");
        assert_eq!(curves[2], 0, "3 is a straight mouth");
        assert!(curves[3] > 0 && curves[4] > 0, "4 and 5 smile: {curves:?}");
        assert!(curves.windows(2).all(|w| w[0] < w[1]), "{curves:?}");
    }

    #[test]
    fn a_smiley_question_draws_faces_and_has_no_emoji() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let item = def
            .items()
            .find(|i| matches!(i.kind, ItemKind::Scale { smileys: true, .. }))
            .expect("the standard questionnaire has smileys");
        for lang in Lang::ALL {
            let html = question(item, 1, lang, &AnswerSet::new(), None).into_string();
            assert_eq!(html.matches("<svg").count(), 5, "{html}");
            assert_eq!(
                html.matches("aria-hidden=\"true\" focusable=\"false\"")
                    .count(),
                5
            );
            assert!(
                !html
                    .chars()
                    .any(|c| ('\u{1F000}'..='\u{1FAFF}').contains(&c)),
                "no emoji: {html}"
            );
            for key in scale_label_keys(match item.kind {
                ItemKind::Scale { wording, .. } => wording,
                _ => unreachable!(),
            }) {
                assert!(html.contains(&t(lang, key)), "the text label is there");
            }
        }
    }
}
