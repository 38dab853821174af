//! Tests of reading, checking and showing answers.

use super::*;

use crate::surveys::definition::parse;
use crate::surveys::definition::{Definition, Item};

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
[[sections.items]]
key = "via"
type = "single"
other = true
dimension = "achtergrond"
text = { nl = "Via wie?" }
options = [ { code = "zelf", label = { nl = "Zelf" } }, { code = "buren", label = { nl = "Buren" } } ]
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

/// Keys that helpers hand out (not written out in a `t` call, so the key scan of `web::i18n` does
/// not see them) exist in every language. A new helper that returns keys adds its keys here.
#[test]
fn every_key_a_helper_hands_out_exists_in_every_language() {
    use crate::surveys::definition::ScaleWording;
    use crate::web::i18n::{Lang, Locales};
    // Every wording, named in an exhaustive match so that a new one must be added here.
    let wordings = [ScaleWording::Agree, ScaleWording::Satisfied];
    for w in wordings {
        match w {
            ScaleWording::Agree | ScaleWording::Satisfied => {}
        }
    }
    let mut keys: Vec<&str> = wordings.iter().flat_map(|w| scale_label_keys(*w)).collect();
    keys.extend(["nvt", "weet_niet"].map(dont_know_key));
    for lang in Lang::ALL {
        let known = Locales::keys(lang);
        let missing: Vec<&&str> = keys
            .iter()
            .filter(|k| !known.iter().any(|n| n == *k))
            .collect();
        assert!(missing.is_empty(), "{}: {missing:?}", lang.code());
    }
}

#[test]
fn text_written_at_other_is_never_dropped() {
    let d = def();
    // A check-box list: the text ticks "anders" (people type there and forget the box).
    let kanaal = d.item("kanaal").unwrap();
    let typed = Posted {
        values: vec!["tel"],
        other: Some("via de buurvrouw"),
    };
    assert_eq!(
        parse_item(kanaal, &typed),
        Ok(Some((
            Stored::List(vec!["tel".into(), "anders".into()]),
            Some("via de buurvrouw".into())
        )))
    );
    let only_text = Posted {
        values: vec![],
        other: Some("brief"),
    };
    assert_eq!(
        parse_item(kanaal, &only_text),
        Ok(Some((
            Stored::List(vec!["anders".into()]),
            Some("brief".into())
        )))
    );
    // One answer: nothing chosen means "anders"; another answer chosen is a question back.
    let via = d.item("via").unwrap();
    let nothing_chosen = Posted {
        values: vec![],
        other: Some("mijn zus"),
    };
    assert_eq!(
        parse_item(via, &nothing_chosen),
        Ok(Some((
            Stored::Text("anders".into()),
            Some("mijn zus".into())
        )))
    );
    let other_chosen = Posted {
        values: vec!["zelf"],
        other: Some("mijn zus"),
    };
    assert_eq!(
        parse_item(via, &other_chosen),
        Err(ItemProblem::OtherNotChosen)
    );
    // Spaces only: nothing was written.
    let spaces = Posted {
        values: vec!["zelf"],
        other: Some("  "),
    };
    assert_eq!(
        parse_item(via, &spaces),
        Ok(Some((Stored::Text("zelf".into()), None)))
    );
}

#[test]
fn every_box_ticked_stays_ticked_when_the_page_comes_back() {
    let fields = vec![
        ("kanaal".to_string(), "tel".to_string()),
        ("kanaal".to_string(), "anders".to_string()),
        ("kanaal.anders".to_string(), "".to_string()),
    ];
    let problems = vec![("kanaal".to_string(), ItemProblem::OtherMissing)];
    let shown = for_display(&AnswerSet::new(), &fields, &problems);
    assert_eq!(
        shown.get("kanaal"),
        Some(&Stored::List(vec!["tel".into(), "anders".into()]))
    );
}
