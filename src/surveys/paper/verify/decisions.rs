//! The clerk's choices on the verification screen, read against the sheet: pure rules, so what is
//! stored follows from what was shown and chosen alone.

use std::collections::BTreeMap;

use crate::surveys::paper::omr::{Conflict, FieldKind, Mark, SettledSheet, SheetRead};

/// A box's field: `vakje-{page}-{box}` (page and box by position in the read).
pub(super) fn box_field(page: usize, b: usize) -> String {
    format!("vakje-{page}-{b}")
}

/// A text field's field: `tekst-{page}-{field}`.
pub(super) fn text_field(page: usize, f: usize) -> String {
    format!("tekst-{page}-{f}")
}

/// What the clerk decided, by field name, checked against the read: every doubtful box needs a
/// choice of "1" (marked) or "0" (not chosen).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Decisions {
    /// Box decisions by (page, box).
    pub boxes: BTreeMap<(usize, usize), bool>,
    /// Typed texts by (page, field).
    pub texts: BTreeMap<(usize, usize), String>,
}

/// Reads the clerk's fields against the sheet. `Err` names the boxes without a valid choice.
pub fn decisions(read: &SheetRead, fields: &[(String, String)]) -> Result<Decisions, Vec<String>> {
    let get = |name: &str| {
        fields
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let mut out = Decisions::default();
    let mut missing = vec![];
    for (p, page) in read.pages.iter().enumerate() {
        for (b, bx) in page.boxes.iter().enumerate() {
            if !bx.needs_verification {
                continue;
            }
            let name = box_field(p, b);
            match get(&name) {
                Some("1") => {
                    out.boxes.insert((p, b), true);
                }
                Some("0") => {
                    out.boxes.insert((p, b), false);
                }
                _ => missing.push(name),
            }
        }
        for (f, field) in page.fields.iter().enumerate() {
            if !field.written {
                continue;
            }
            let typed = get(&text_field(p, f)).unwrap_or("").trim();
            out.texts.insert((p, f), typed.to_string());
        }
    }
    if missing.is_empty() {
        Ok(out)
    } else {
        Err(missing)
    }
}

/// The sheet as the clerk settled it: every box as read unless the clerk decided otherwise, in
/// layout order, and the typed texts. Pure, so what is stored follows from what was shown and
/// chosen alone.
pub fn settled(read: &SheetRead, d: &Decisions) -> SettledSheet {
    let mut s = SettledSheet {
        form: read.form.clone(),
        ..Default::default()
    };
    for (p, page) in read.pages.iter().enumerate() {
        for (b, bx) in page.boxes.iter().enumerate() {
            let chosen = d
                .boxes
                .get(&(p, b))
                .copied()
                .unwrap_or(bx.mark == Mark::Marked);
            if chosen {
                s.choices
                    .entry(bx.item.clone())
                    .or_default()
                    .push(bx.value.clone());
            }
        }
        for (f, field) in page.fields.iter().enumerate() {
            let Some(text) = d.texts.get(&(p, f)).filter(|t| !t.is_empty()) else {
                continue;
            };
            let target = match field.kind {
                FieldKind::Answer => &mut s.texts,
                FieldKind::Other => &mut s.other_texts,
            };
            target.insert(field.item.clone(), text.clone());
        }
    }
    s
}

/// The boxes of a one-answer question with two marks that the clerk left with more than one
/// answer, by field name. Stored like that, the question would be left empty without a word, so
/// the clerk is asked to keep one box, or to set them all to "not chosen" when it is not clear.
pub fn still_double(read: &SheetRead, d: &Decisions) -> Vec<String> {
    let mut out = vec![];
    for item in read.conflicts.iter().filter_map(|c| match c {
        Conflict::DoubleMark { item } => Some(item),
        _ => None,
    }) {
        let chosen: Vec<(usize, usize, bool)> = read
            .pages
            .iter()
            .enumerate()
            .flat_map(|(p, page)| page.boxes.iter().enumerate().map(move |(b, bx)| (p, b, bx)))
            .filter(|(_, _, bx)| &bx.item == item)
            .filter(|(p, b, bx)| {
                d.boxes
                    .get(&(*p, *b))
                    .copied()
                    .unwrap_or(bx.mark == Mark::Marked)
            })
            .map(|(p, b, bx)| (p, b, bx.needs_verification))
            .collect();
        if chosen.len() > 1 {
            out.extend(
                chosen
                    .into_iter()
                    .filter(|(_, _, shown)| *shown)
                    .map(|(p, b, _)| box_field(p, b)),
            );
        }
    }
    out
}

/// How many boxes the clerk changed from what was read (for the log: a count, nothing personal).
pub fn corrected(read: &SheetRead, d: &Decisions) -> usize {
    d.boxes
        .iter()
        .filter(|((p, b), chosen)| {
            read.pages
                .get(*p)
                .and_then(|page| page.boxes.get(*b))
                .is_some_and(|bx| (bx.mark == Mark::Marked) != **chosen)
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::surveys::paper::omr::{BoxRead, FieldCut, PageId, PageRead};

    fn bx(item: &str, value: &str, mark: Mark, doubtful: bool) -> BoxRead {
        BoxRead {
            item: item.into(),
            value: value.into(),
            mark,
            confidence: if doubtful { 0.5 } else { 0.99 },
            ink: 0.3,
            needs_verification: doubtful,
            cutout_png: doubtful.then(|| vec![1, 2, 3]),
        }
    }

    fn read() -> SheetRead {
        SheetRead {
            wave_id: 3,
            form: "R3-000001".into(),
            version_id: 1,
            lang: "nl".into(),
            pages: vec![PageRead {
                scan_index: 1,
                id: Some(PageId {
                    wave_id: 3,
                    form: "R3-000001".into(),
                    page: 1,
                    version_id: 1,
                    lang: "nl".into(),
                    layout_id: 1,
                }),
                fit: None,
                problem: None,
                boxes: vec![
                    bx("kanaal", "telefoon", Mark::Marked, false),
                    bx("kanaal", "brief", Mark::Marked, true),
                    bx("kanaal", "anders", Mark::Empty, true),
                    bx("cijfer", "7", Mark::Empty, false),
                ],
                fields: vec![FieldCut {
                    item: "kanaal".into(),
                    kind: FieldKind::Other,
                    written: true,
                    ink: 0.2,
                    png: vec![],
                }],
                thumbnail_png: None,
            }],
            conflicts: vec![],
        }
    }

    #[test]
    fn every_doubtful_box_needs_a_choice_and_the_rest_stays_as_read() {
        let r = read();
        let none: Vec<(String, String)> = vec![];
        assert_eq!(
            decisions(&r, &none).unwrap_err(),
            ["vakje-0-1", "vakje-0-2"]
        );
        let fields = vec![
            ("vakje-0-1".to_string(), "0".to_string()),
            ("vakje-0-2".into(), "1".into()),
            ("tekst-0-0".into(), "  via de buurvrouw ".into()),
            // A box that was not doubtful cannot be changed from the form.
            ("vakje-0-0".into(), "0".into()),
        ];
        let d = decisions(&r, &fields).unwrap();
        let s = settled(&r, &d);
        assert_eq!(s.form, "R3-000001");
        assert_eq!(s.choices["kanaal"], ["telefoon", "anders"]);
        assert!(!s.choices.contains_key("cijfer"));
        assert_eq!(s.other_texts["kanaal"], "via de buurvrouw");
        assert_eq!(corrected(&r, &d), 2);
        let forged = vec![
            ("vakje-0-1".to_string(), "ja".to_string()),
            ("vakje-0-2".into(), "1".into()),
        ];
        assert_eq!(decisions(&r, &forged).unwrap_err(), ["vakje-0-1"]);
    }

    #[test]
    fn a_double_mark_left_as_it_was_is_refused_and_one_answer_is_taken() {
        let mut r = read();
        r.pages[0].boxes = vec![
            bx("team", "inkomen", Mark::Marked, true),
            bx("team", "werk", Mark::Marked, true),
            bx("team", "schulden", Mark::Empty, false),
        ];
        r.pages[0].fields.clear();
        r.conflicts = vec![Conflict::DoubleMark {
            item: "team".into(),
        }];
        let both = vec![
            ("vakje-0-0".to_string(), "1".to_string()),
            ("vakje-0-1".into(), "1".into()),
        ];
        let d = decisions(&r, &both).unwrap();
        assert_eq!(still_double(&r, &d), ["vakje-0-0", "vakje-0-1"]);
        let one = vec![
            ("vakje-0-0".to_string(), "0".to_string()),
            ("vakje-0-1".into(), "1".into()),
        ];
        let d = decisions(&r, &one).unwrap();
        assert!(still_double(&r, &d).is_empty());
        assert_eq!(settled(&r, &d).choices["team"], ["werk"]);
        let none = vec![
            ("vakje-0-0".to_string(), "0".to_string()),
            ("vakje-0-1".into(), "0".into()),
        ];
        let d = decisions(&r, &none).unwrap();
        assert!(still_double(&r, &d).is_empty());
        assert!(!settled(&r, &d).choices.contains_key("team"));
    }
}
