//! Reading one row of the scanner's file into a checked [`Sheet`].

use super::{
    grouped, max_line_bytes, reported_value, wave_of_form, Action, Expect, Finding, Format, Layout,
    Rule, Sheet, Verdict, SDAPS_FORM, SDAPS_MULTI_SELECT, SDAPS_NONE, SDAPS_QUESTIONNAIRE,
};
use crate::surveys::answers::{self, AnswerSet, ItemProblem, Posted, OTHER_CODE, OTHER_SUFFIX};
use crate::surveys::definition::{Definition, ItemKind};
use crate::surveys::paper::mapping::Meaning;
use crate::surveys::paper::reader::Row;

fn is_na(v: &str) -> bool {
    v.is_empty() || v.eq_ignore_ascii_case("NA")
}

/// What the columns of one question hold: the values, the "anders" text, and the column names.
/// (Borrowed from the row or the layout; a NUL value marks an answer already reported as wrong.)
type Marked<'a> = (Vec<&'a str>, Option<&'a str>);

/// Stands for a value that was already reported as wrong.
const REPORTED: &str = "\u{0}";

/// Checks one row. Pure: the same row always gives the same sheet.
pub fn read_sheet(def: &Definition, layout: &Layout, expect: Expect, row: &Row) -> Sheet {
    let cell = |i: usize| row.fields.get(i).map(|s| s.trim()).unwrap_or("");
    let read_form = layout.form.map(cell).unwrap_or("");
    // SDAPS writes `None` for a sheet whose number it could not read: that sheet has no number.
    let unreadable = layout.format == Format::Sdaps && read_form == SDAPS_NONE;
    let form = if unreadable {
        String::new()
    } else {
        super::canonical_form(read_form)
    };
    let mut findings: Vec<Finding> = vec![];
    let mut verdict = Verdict::Import;
    let mut flagged_empty = false;
    let mut note = |column: &str, rule: Rule, detail: String, value: &str, action: Action| {
        findings.push(Finding {
            line: row.line,
            form: reported_value(&form),
            column: column.to_string(),
            rule,
            detail,
            value: reported_value(value),
            action,
        });
    };
    if let Some(bytes) = row.too_long {
        note(
            "",
            Rule::LineTooLong,
            format!(
                "regel {} is te lang: {} bytes, en een formulier van deze vragenlijst past in {} bytes. De regel is niet ingelezen en niet apart gezet; de andere regels wel. Kijk deze regel na in het bestand van de scanner en lees hem opnieuw in",
                row.line,
                grouped(bytes),
                grouped(max_line_bytes(def) as u64)
            ),
            "",
            Action::SkippedTooLong,
        );
        return Sheet {
            line: row.line,
            form,
            answers: AnswerSet::new(),
            findings,
            verdict: Verdict::SkipTooLong,
        };
    }

    // The sheet as a whole.
    if unreadable {
        note(SDAPS_FORM, Rule::NoFormNumber, "de scanner kon het formuliernummer niet lezen. Het formulier is apart gezet met alles wat erop stond; zoek het papieren formulier op en typ het nummer over".into(), SDAPS_NONE, Action::Quarantined);
        verdict = Verdict::Quarantine;
    } else if form.is_empty() {
        note("", Rule::NoFormNumber, "zonder formuliernummer kan een formulier niet veilig worden ingelezen (het zou dubbel kunnen komen)".into(), "", Action::Quarantined);
        verdict = Verdict::Quarantine;
    } else if wave_of_form(&form) != Some(expect.wave_id) {
        note(
            "",
            Rule::OtherWave,
            format!(
                "het formuliernummer hoort niet bij ronde {}",
                expect.wave_id
            ),
            &form,
            Action::Quarantined,
        );
        verdict = Verdict::Quarantine;
    }
    if let Some(q) = layout.questionnaire {
        let v = cell(q);
        if !v.is_empty() && v != SDAPS_NONE && v != expect.version_id.to_string() {
            note(
                SDAPS_QUESTIONNAIRE,
                Rule::OtherVersion,
                format!(
                    "dit formulier is van een andere versie van de vragenlijst (verwacht {})",
                    expect.version_id
                ),
                v,
                Action::Quarantined,
            );
            verdict = Verdict::Quarantine;
        }
    }
    for (i, flag) in &layout.flags {
        let v = cell(*i);
        let set = v == "1" || v.eq_ignore_ascii_case("true");
        let unset = v == "0" || v.eq_ignore_ascii_case("false");
        match *flag {
            "empty" if set => {
                flagged_empty = true;
                if verdict == Verdict::Import {
                    verdict = Verdict::SkipEmpty;
                }
                note(
                    flag,
                    Rule::OmrEmpty,
                    "de scanner vond niets aangekruist".into(),
                    v,
                    if verdict == Verdict::SkipEmpty {
                        Action::SkippedEmpty
                    } else {
                        Action::Quarantined
                    },
                );
            }
            "valid" if unset => {
                note(
                    flag,
                    Rule::OmrInvalid,
                    "de scanner keurde het formulier af".into(),
                    v,
                    Action::Quarantined,
                );
                verdict = Verdict::Quarantine;
            }
            "recognized" if unset => {
                note(
                    flag,
                    Rule::OmrUnrecognised,
                    "de scanner herkende het formulier niet".into(),
                    v,
                    Action::Quarantined,
                );
                verdict = Verdict::Quarantine;
            }
            "verified" if unset => note(
                flag,
                Rule::OmrUnverified,
                "niemand heeft de herkenning nagekeken".into(),
                v,
                Action::Imported,
            ),
            _ => {}
        }
    }
    // A remark on the sheet or on one question: someone saw something the scanner could not.
    for r in &layout.reviews {
        let v = cell(*r);
        if !v.is_empty() {
            let column = layout
                .header
                .get(*r)
                .map(String::as_str)
                .unwrap_or("review");
            note(
                column,
                Rule::OmrReview,
                "de scanner-operator schreef een opmerking; kijk het formulier na".into(),
                v,
                Action::Quarantined,
            );
            verdict = Verdict::Quarantine;
        }
    }

    // The answers, per question, with the web questionnaire's rules.
    let items: Vec<&crate::surveys::definition::Item> = def.items().collect();
    let mut values: Vec<Option<Marked<'_>>> = vec![None; items.len()];
    for (i, rule, index) in &layout.columns {
        let v = cell(*i);
        let item = items[*index];
        let entry = values[*index].get_or_insert_with(Default::default);
        match &rule.meaning {
            Meaning::Range => {
                if is_na(v) {
                    continue;
                }
                // SDAPS's word for two or more boxes marked on a one-answer question.
                if v.eq_ignore_ascii_case(SDAPS_MULTI_SELECT) {
                    note(
                        &rule.column,
                        Rule::DoubleMark,
                        "meer dan één vakje aangekruist bij een vraag met één antwoord".into(),
                        v,
                        Action::ItemLeftEmpty,
                    );
                    entry.0.push(REPORTED);
                    continue;
                }
                let range = &layout.ranges[*index];
                match v
                    .parse::<usize>()
                    .ok()
                    .filter(|n| (1..=range.len()).contains(n))
                {
                    Some(n) => entry.0.push(range[n - 1].as_str()),
                    None => {
                        note(
                            &rule.column,
                            Rule::OutOfRange,
                            format!("verwacht 1 tot en met {} of NA", range.len()),
                            v,
                            Action::ItemLeftEmpty,
                        );
                        entry.0.push(REPORTED);
                    }
                }
            }
            Meaning::Box(code) => match v {
                "1" => entry.0.push(code.as_str()),
                "0" | "" => {}
                // SDAPS's "anders, namelijk" is a text box among the boxes: it holds the typed text.
                text if layout.format == Format::Sdaps && code == OTHER_CODE => {
                    entry.0.push(code.as_str());
                    if entry.1.is_none() {
                        entry.1 = Some(text);
                    }
                }
                other => {
                    note(
                        &rule.column,
                        Rule::NotABox,
                        "verwacht 0 of 1".into(),
                        other,
                        Action::ItemLeftEmpty,
                    );
                    entry.0.push(REPORTED);
                }
            },
            Meaning::Value => {
                if !v.is_empty() {
                    if matches!(item.kind, ItemKind::Multi { .. }) {
                        entry.0.extend(v.split('|').map(str::trim));
                    } else {
                        entry.0.push(v);
                    }
                }
            }
            Meaning::Text | Meaning::OtherText => {
                let text = row.fields.get(*i).map(|s| s.trim()).unwrap_or("");
                // SDAPS writes 0/1 for a text box that was not typed over.
                let untranscribed = layout.format == Format::Sdaps && (text == "0" || text == "1");
                if untranscribed {
                    if text == "1" {
                        note(
                            &rule.column,
                            Rule::TextNotTranscribed,
                            "er is iets geschreven maar niet overgetypt".into(),
                            text,
                            Action::ItemLeftEmpty,
                        );
                    }
                } else if !text.is_empty() {
                    if rule.meaning == Meaning::Text {
                        entry.0.push(text);
                    } else {
                        entry.1 = Some(text);
                    }
                }
            }
        }
    }
    let mut answers = AnswerSet::new();
    for (index, item) in items.iter().enumerate() {
        let Some((vals, other)) = &values[index] else {
            continue;
        };
        let column = || layout.item_columns[index].clone();
        if vals.contains(&REPORTED) {
            continue; // already reported
        }
        let one_answer = item.kind.is_ticked_once();
        if one_answer && vals.len() > 1 {
            note(
                &column(),
                Rule::DoubleMark,
                "meer dan één vakje aangekruist bij een vraag met één antwoord".into(),
                &vals.join("|"),
                Action::ItemLeftEmpty,
            );
            continue;
        }
        let posted = Posted {
            values: vals.clone(),
            other: *other,
        };
        match answers::parse_item(item, &posted) {
            Ok(Some((value, other_text))) => {
                answers.insert(item.key.clone(), value);
                if let Some(o) = other_text {
                    answers.insert(
                        format!("{}{OTHER_SUFFIX}", item.key),
                        answers::Stored::Text(o),
                    );
                }
            }
            Ok(None) => {}
            Err(p) => {
                let (key, args) = p.clerk_message();
                let detail = crate::web::i18n::t_args(
                    crate::web::i18n::Lang::Nl,
                    key,
                    &args
                        .iter()
                        .map(|(k, v)| (*k, v.as_str()))
                        .collect::<Vec<_>>(),
                );
                // A text that is too long is kept whole for correction, never cut off.
                let action = if matches!(p, ItemProblem::TooLong { .. }) {
                    verdict = Verdict::Quarantine;
                    Action::Quarantined
                } else {
                    Action::ItemLeftEmpty
                };
                let shown = if vals.is_empty() {
                    other.unwrap_or_default().to_string()
                } else {
                    vals.join("|")
                };
                note(&column(), Rule::InvalidAnswer, detail, &shown, action);
            }
        }
    }
    // Answers in a block that the sheet's own answers hide (on paper anyone can fill in anything).
    // Only questions with a condition can be hidden; most sheets answer none of them.
    // The value as read is kept for the report: the clerk sees what was marked, not a key.
    let answered_conditional: Vec<(usize, &str, String)> = items
        .iter()
        .enumerate()
        .filter(|(_, i)| i.show_if.is_some())
        .filter_map(|(n, i)| {
            let shown = values[n]
                .as_ref()
                .map(|(vals, other)| match (vals.is_empty(), other) {
                    (false, _) => vals.join("|"),
                    (true, Some(o)) => o.to_string(),
                    (true, None) => String::new(),
                })
                .unwrap_or_default();
            answers
                .contains_key(&i.key)
                .then_some((n, i.key.as_str(), shown))
        })
        .collect();
    if !answered_conditional.is_empty() {
        answers::prune_hidden(def, &mut answers);
    }
    for (index, key, shown) in &answered_conditional {
        if answers.contains_key(*key) {
            continue;
        }
        let column = layout.item_columns[*index].clone();
        let question = answers::text_in(&items[*index].text, crate::web::i18n::Lang::Nl);
        note(
            &column,
            Rule::NotApplicable,
            format!("de vraag \"{question}\" gold niet voor deze persoon (door een eerder antwoord op het formulier); het antwoord telt niet mee"),
            shown,
            Action::ItemLeftEmpty,
        );
    }
    if verdict == Verdict::Import && answers.is_empty() && !flagged_empty {
        // Nothing usable on a sheet that claims not to be empty: it is counted as empty, with a line.
        note(
            "",
            Rule::OmrEmpty,
            "er staat geen bruikbaar antwoord op het formulier".into(),
            "",
            Action::SkippedEmpty,
        );
        verdict = Verdict::SkipEmpty;
    }
    // Findings say what finally happened to the sheet.
    if verdict == Verdict::Quarantine {
        for f in &mut findings {
            if f.action == Action::ItemLeftEmpty || f.action == Action::Imported {
                f.action = Action::Quarantined;
            }
        }
    }
    Sheet {
        line: row.line,
        form,
        answers,
        findings,
        verdict,
    }
}
