//! Tests of reading and checking questionnaires.

use super::*;

use crate::web::i18n::Lang;

const GOOD: &str = r#"
key = "proef"
version = 1
languages = ["nl", "en"]
title = { nl = "Proef", en = "Trial" }
intro = { nl = "Welkom", en = "Welcome" }

[[sections]]
key = "a"
title = { nl = "Deel A", en = "Part A" }

[[sections.items]]
key = "terugvordering"
type = "single"
dimension = "achtergrond"
text = { nl = "Terugvordering gehad?", en = "Recovery?" }
options = [
  { code = "ja", label = { nl = "Ja", en = "Yes" } },
  { code = "nee", label = { nl = "Nee", en = "No" } },
]

[[sections.items]]
key = "cijfer"
type = "grade"
dimension = "bejegening"
norms = ["fatsoenlijke_bejegening"]
text = { nl = "Cijfer?", en = "Grade?" }
show_if = "terugvordering = ja"

[[sections.items]]
key = "waarom"
type = "text"
max_length = 500
dimension = "bejegening"
text = { nl = "Waarom?", en = "Why?" }
show_if = "cijfer < 6"
"#;

#[test]
fn a_good_definition_parses() {
    let d = parse("proef.toml", GOOD).unwrap();
    assert_eq!(d.key, "proef");
    assert_eq!(d.items().count(), 3);
    assert_eq!(d.languages, vec![Lang::Nl, Lang::En]);
    assert!(d.item("waarom").unwrap().show_if.is_some());
}

fn problems(text: &str) -> Vec<String> {
    parse("f.toml", text)
        .unwrap_err()
        .iter()
        .map(|p| p.to_string())
        .collect()
}

#[test]
fn missing_translation_is_reported_with_its_line() {
    let bad = GOOD.replace(
        r#"text = { nl = "Cijfer?", en = "Grade?" }"#,
        r#"text = { nl = "Cijfer?" }"#,
    );
    let p = problems(&bad);
    assert_eq!(p.len(), 1, "{p:?}");
    let line = bad
        .lines()
        .position(|l| l.starts_with(r#"text = { nl = "Cijfer?" }"#))
        .unwrap()
        + 1;
    assert!(p[0].starts_with(&format!("f.toml:{line}:")), "{p:?}");
    assert!(p[0].contains("'en'"));
}

#[test]
fn unknown_item_in_a_condition() {
    let p = problems(&GOOD.replace(
        "show_if = \"terugvordering = ja\"",
        "show_if = \"terugvordring = ja\"",
    ));
    assert!(
        p.iter()
            .any(|m| m.contains("'terugvordring'") && m.contains("bestaat niet")),
        "{p:?}"
    );
}

#[test]
fn a_condition_on_a_later_item() {
    let p = problems(&GOOD.replace(
        "show_if = \"terugvordering = ja\"",
        "show_if = \"waarom = x\"",
    ));
    assert!(p.iter().any(|m| m.contains("komt pas later")), "{p:?}");
}

#[test]
fn duplicate_keys() {
    let p = problems(&GOOD.replace("key = \"waarom\"", "key = \"cijfer\""));
    assert!(
        p.iter()
            .any(|m| m.contains("dubbele vraagsleutel 'cijfer'")),
        "{p:?}"
    );
}

#[test]
fn impossible_conditions() {
    let p = problems(&GOOD.replace(
        "show_if = \"cijfer < 6\"",
        "show_if = \"cijfer < 6 and cijfer > 8\"",
    ));
    assert!(p.iter().any(|m| m.contains("nooit waar")), "{p:?}");
    let p = problems(&GOOD.replace(
        "show_if = \"terugvordering = ja\"",
        "show_if = \"terugvordering = ja and terugvordering = nee\"",
    ));
    assert!(p.iter().any(|m| m.contains("nooit waar")), "{p:?}");
    let p = problems(&GOOD.replace("show_if = \"cijfer < 6\"", "show_if = \"cijfer = 11\""));
    assert!(
        p.iter().any(|m| m.contains("kan dat antwoord niet hebben")),
        "{p:?}"
    );
    let p = problems(&GOOD.replace(
        "show_if = \"terugvordering = ja\"",
        "show_if = \"terugvordering = misschien\"",
    ));
    assert!(p.iter().any(|m| m.contains("'misschien'")), "{p:?}");
}

#[test]
fn several_problems_at_once() {
    let bad = GOOD
        .replace("type = \"grade\"", "type = \"cijfer\"")
        .replace(
            "dimension = \"achtergrond\"",
            "dimension = \"achtergrondje\"",
        )
        .replace("max_length = 500\n", "");
    let p = problems(&bad);
    assert!(p.len() >= 3, "{p:?}");
}

#[test]
fn broken_toml_names_the_line() {
    let p = problems("key = \"x\"\nversion = \n");
    assert!(p[0].starts_with("f.toml:2:"), "{p:?}");
}

#[test]
fn the_forbidden_word() {
    let p = problems(&GOOD.replace("Waarom?", "Bent u een fraudeur?"));
    assert!(p.iter().any(|m| m.contains("fraudeur")), "{p:?}");
}

#[test]
fn every_type_name_reads_back_and_an_unknown_one_lists_them_all() {
    for t in TypeName::ALL {
        assert_eq!(TypeName::parse(t.code()), Some(t));
    }
    let p = problems(&GOOD.replace("type = \"grade\"", "type = \"cijfer\""));
    assert!(
        p.iter().any(|m| m.contains(
            "onbekend type 'cijfer'; kies grade, scale, smileys, single, multi, text of number"
        )),
        "{p:?}"
    );
}
