//! The printable questionnaire: A4 pages in large type with clear boxes, generated from the same
//! definition as the web questionnaire, in any shipped language. Each form has its own number
//! (`R{wave}-{n}`), printed and as a QR code on every page, so a scanned sheet is matched to its wave
//! and never imported twice. Pages are laid out here (a question is never split across pages); the
//! browser tests check in Chromium's own print layout that nothing overflows a page.

use maud::{html, Markup, PreEscaped, DOCTYPE};

use super::mapping::range_values;
use super::sheet::form_number;
use crate::config::Contact;
use crate::surveys::answers::{dont_know_key, scale_label_keys, text_in, OTHER_CODE};
use crate::surveys::definition::{Definition, Item, ItemKind};
use crate::surveys::form::face;
use crate::surveys::waves::Wave;
use crate::web::i18n::{t, t_args, Lang};

/// Usable height of a page for questions, in millimetres: A4 (297) minus the page's padding (24)
/// and header (28), less a little room for scripts that set wider. The browser test checks, in
/// Chromium's own layout in every language, that no page overflows.
const PAGE_BUDGET_MM: f32 = 238.0;

/// Height of a printed face above a smiley box, in millimetres (the stylesheet draws it this size).
const FACE_MM: f32 = 9.0;

/// Printed lines of a text at `per_line` characters a line.
fn lines(text: &str, per_line: f32) -> f32 {
    (text.chars().count() as f32 / per_line).ceil().max(1.0)
}

/// Estimated height of the instructions on the first page (mm), with the municipality's contact
/// line under them.
fn instructions_height(def: &Definition, lang: Lang, contact: &Contact) -> f32 {
    let small = |text: &str| lines(text, 78.0) * 5.4 + 2.0;
    12.0 + lines(text_in(&def.intro, lang), 85.0) * 5.2
        + 2.0
        + small(&t(lang, "paper-how"))
        + small(&t(lang, "paper-correct"))
        + small(&t(lang, "paper-return"))
        + small(&crate::web::contact::line_text(lang, contact))
        + 3.0
}

/// Estimated printed height of a question (mm): text lines, then its boxes.
pub fn item_height(item: &Item, lang: Lang) -> f32 {
    let mut head = 4.0 + lines(text_in(&item.text, lang), 58.0) * 6.4;
    if let Some(h) = &item.hint {
        head += lines(text_in(h, lang), 80.0) * 5.4 + 1.5;
    }
    if item.show_if.is_some() {
        head += lines(&t(lang, "respond-condition-note"), 80.0) * 5.4 + 1.5;
    }
    let boxes = match &item.kind {
        ItemKind::Grade => 15.0,
        // A row of boxes with the labels under them, as many lines as the longest label needs.
        ItemKind::Scale {
            wording,
            dont_know,
            smileys,
        } => {
            let mut labels: Vec<String> = scale_label_keys(*wording)
                .iter()
                .map(|k| t(lang, k))
                .collect();
            labels.extend(dont_know.iter().map(|d| t(lang, dont_know_key(d))));
            let longest = labels
                .iter()
                .map(|l| wrapped_lines(l, 12))
                .fold(1.0, f32::max);
            // The faces stand above the boxes (see `FACE_MM`).
            9.0 + longest * 4.4 + if *smileys { FACE_MM + 1.0 } else { 0.0 }
        }
        ItemKind::Single { .. } | ItemKind::Multi { .. } => {
            let values = range_values(item);
            let labels: f32 = values.len() as f32 * 8.2;
            labels
                + if values.iter().any(|v| v == OTHER_CODE) {
                    9.0
                } else {
                    0.0
                }
        }
        ItemKind::Text { .. } => 34.0,
        ItemKind::Number { .. } => 10.0,
    };
    head + boxes
}

/// The questions per page: in order, a new page when the next question would not fit.
pub fn paginate<'d>(
    def: &'d Definition,
    lang: Lang,
    contact: &Contact,
) -> Vec<Vec<(usize, &'d Item)>> {
    let mut pages: Vec<Vec<(usize, &Item)>> = vec![vec![]];
    let mut used = instructions_height(def, lang, contact);
    for (n, item) in def.items().enumerate() {
        let h = item_height(item, lang);
        if used + h > PAGE_BUDGET_MM && !pages.last().is_some_and(Vec::is_empty) {
            pages.push(vec![]);
            used = 0.0;
        }
        used += h;
        if let Some(p) = pages.last_mut() {
            p.push((n + 1, item));
        }
    }
    pages
}

/// Lines of a short label in a narrow cell at `per_line` characters a line, wrapped at spaces as
/// the browser does (a long word on a line of its own), so that "Ні погоджуюся, ні не погоджуюся"
/// counts four lines, not three.
fn wrapped_lines(text: &str, per_line: usize) -> f32 {
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let len = word.chars().count();
        if used > 0 && used + 1 + len > per_line {
            lines += 1;
            used = len;
        } else {
            used += if used > 0 { 1 + len } else { len };
        }
        // A word longer than a line takes more than one.
        while used > per_line {
            lines += 1;
            used -= per_line;
        }
    }
    lines as f32
}

/// The example mark in the instructions ("zo: ☒"), drawn rather than typed: like the faces, a
/// printed form must not depend on the fonts of the computer that prints it.
const EXAMPLE_MARK: char = '\u{2612}';

/// `text` with each example mark replaced by a drawn box with a cross (named for screen readers).
fn with_drawn_box(text: &str) -> Markup {
    let mut parts = text.split(EXAMPLE_MARK);
    let first = parts.next().unwrap_or("");
    html! {
        (first)
        @for rest in parts {
            svg.example-mark viewBox="0 0 20 20" width="16" height="16" role="img" aria-label=(EXAMPLE_MARK) {
                rect x="1.5" y="1.5" width="17" height="17" fill="none" stroke="currentColor" stroke-width="2" {}
                path d="M5 5 L15 15 M15 5 L5 15" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" {}
            }
            (rest)
        }
    }
}

fn boxes(item: &Item, number: usize, lang: Lang) -> Markup {
    let box_ = html! { span.box aria-hidden="true" {} };
    html! {
        @match &item.kind {
            ItemKind::Grade => {
                div.grade-row {
                    @for g in 1..=10 { span.cell { (box_) span.label { (g) } } }
                }
            }
            ItemKind::Scale { wording, dont_know, smileys } => {
                div.scale-row.smileys[*smileys] {
                    @for (i, key) in scale_label_keys(*wording).iter().enumerate() {
                        span.cell {
                            // The same faces as on the web, drawn (no font needed to print them).
                            @if *smileys { (face(i as u8 + 1)) }
                            (box_) span.label { (t(lang, key)) }
                        }
                    }
                    @if let Some(d) = dont_know {
                        span.cell.apart {
                            // No face for "weet niet": an empty space the same height keeps the boxes in line.
                            @if *smileys { span.face-space {} }
                            (box_) span.label { (t(lang, dont_know_key(d))) }
                        }
                    }
                }
            }
            ItemKind::Single { options, other } | ItemKind::Multi { options, other } => {
                ul.options {
                    @for o in options { li { (box_) " " (text_in(&o.label, lang)) } }
                    @if *other {
                        li { (box_) " " (t(lang, "answer-other")) }
                        li.write { span { (t(lang, "answer-other-text")) } span.line {} }
                    }
                }
            }
            ItemKind::Text { .. } => {
                div.write-box aria-label=(t_args(lang, "paper-write-here", &[("n", &number.to_string())])) {}
            }
            ItemKind::Number { min, max } => {
                div.number-row { span.digits {} " " (t_args(lang, "question-number-range", &[("min", &min.to_string()), ("max", &max.to_string())])) }
            }
        }
    }
}

/// One form (all its pages) with number `sheet`.
fn form(
    wave: &Wave,
    def: &Definition,
    lang: Lang,
    contact: &Contact,
    sheet: u64,
) -> anyhow::Result<Markup> {
    let municipality = contact.municipality.as_str();
    let number = form_number(wave.id, sheet);
    let pages = paginate(def, lang, contact);
    let total = pages.len();
    let mut out = vec![];
    for (p, items) in pages.iter().enumerate() {
        let qr = super::super::invite::qr_svg(&format!("{number}/{}", p + 1))?;
        let multi_hint = t(lang, "paper-multi-hint");
        out.push(html! {
            section.paper-page data-form=(number) data-page=(p + 1) {
                header.paper-head {
                    div {
                        p.sender { strong { (municipality) } }
                        p.form-number { (t_args(lang, "paper-form-number", &[("number", &number), ("page", &(p + 1).to_string()), ("pages", &total.to_string())])) }
                        p.version { (t_args(lang, "paper-version", &[("version", &format!("v{}.{}", wave.version, wave.revision)), ("id", &wave.version_id.to_string())])) }
                    }
                    div.qr aria-hidden="true" { (PreEscaped(qr)) }
                }
                @if p == 0 {
                    div.instructions {
                        h1 { (text_in(&def.title, lang)) }
                        p { (text_in(&def.intro, lang)) }
                        p.how { (with_drawn_box(&t(lang, "paper-how"))) }
                        p.how { (t(lang, "paper-correct")) }
                        p.how { (t_args(lang, "paper-return", &[("date", &crate::surveys::respondent::date_text(wave.closes_on))])) }
                        (crate::web::contact::line(lang, contact))
                    }
                }
                @for (n, item) in items {
                    div.paper-question data-item=(item.key) {
                        @if item.show_if.is_some() { p.condition { (t(lang, "respond-condition-note")) } }
                        p.question-text {
                            span.number { (n) ". " }
                            (text_in(&item.text, lang))
                            @if matches!(item.kind, ItemKind::Multi { .. }) && item.hint.is_none() { " " span.hint { (multi_hint) } }
                        }
                        @if let Some(h) = &item.hint { p.hint { (text_in(h, lang)) } }
                        (boxes(item, *n, lang))
                    }
                }
            }
        });
    }
    Ok(html! { @for page in out { (page) } })
}

/// Forms `from..=to` as one print-ready HTML document (the stylesheet embedded when asked, for a
/// file that is opened away from the server).
pub fn forms(
    wave: &Wave,
    def: &Definition,
    lang: Lang,
    contact: &Contact,
    from: u64,
    to: u64,
    embed_css: bool,
) -> anyhow::Result<Markup> {
    let municipality = contact.municipality.as_str();
    let mut all = vec![];
    for sheet in from..=to {
        all.push(form(wave, def, lang, contact, sheet)?);
    }
    Ok(html! {
        (DOCTYPE)
        html lang=(lang.code()) dir=(lang.dir()) {
            head {
                meta charset="utf-8";
                title { (text_in(&def.title, lang)) " – " (municipality) }
                @if embed_css {
                    style { (PreEscaped(crate::web::public::STYLESHEET)) }
                } @else {
                    link rel="stylesheet" href={ "/static/klankbord.css?v=" (crate::web::layout::ASSET_VERSION) };
                }
            }
            body.paper-forms {
                main { @for f in all { (f) } }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_question_is_on_exactly_one_page_in_order() {
        let def = crate::surveys::shipped().unwrap().remove(0);
        let contact = Contact {
            phone: Some("14 0123".into()),
            email: Some("informatie.en.klachten@gemeente-voorbeeld.nl".into()),
            ..Contact::named("Gemeente Voorbeeld")
        };
        for lang in Lang::ALL {
            let pages = paginate(&def, lang, &contact);
            let numbers: Vec<usize> = pages.iter().flatten().map(|(n, _)| *n).collect();
            assert_eq!(numbers, (1..=def.items().count()).collect::<Vec<_>>());
            for (n, p) in pages.iter().enumerate() {
                assert!(!p.is_empty());
                let first = if n == 0 {
                    instructions_height(&def, lang, &contact)
                } else {
                    0.0
                };
                let used: f32 = first + p.iter().map(|(_, i)| item_height(i, lang)).sum::<f32>();
                assert!(used <= PAGE_BUDGET_MM, "{lang:?}: {used} mm");
            }
            assert!(pages.len() <= 10, "{lang:?}: {} pages", pages.len());
        }
    }

    #[test]
    fn labels_wrap_at_spaces() {
        assert_eq!(wrapped_lines("Eens", 12), 1.0);
        assert_eq!(wrapped_lines("Helemaal eens", 12), 2.0);
        assert_eq!(wrapped_lines("Ні погоджуюся, ні не погоджуюся", 12), 4.0);
        assert_eq!(wrapped_lines("Niettevredenniettevreden", 12), 2.0);
    }

    #[test]
    fn the_example_mark_is_drawn_not_typed() {
        for lang in Lang::ALL {
            let html = with_drawn_box(&t(lang, "paper-how")).into_string();
            assert_eq!(html.matches("<svg").count(), 1, "{lang:?}: {html}");
            let outside_svg: String = html
                .split("<svg")
                .map(|p| p.split("</svg>").last().unwrap_or(""))
                .collect();
            assert!(!outside_svg.contains(EXAMPLE_MARK), "{lang:?}: {html}");
        }
    }
}
