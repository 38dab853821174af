use super::*;
use crate::surveys::paper::mapping;

fn standard() -> Definition {
    crate::surveys::shipped().unwrap().remove(0)
}

const EXPECT: Expect = Expect {
    wave_id: 3,
    version_id: 1,
};

fn generic_sheet(def: &Definition, cols: &[(&str, &str)]) -> Sheet {
    let header: Vec<String> = cols.iter().map(|(h, _)| h.to_string()).collect();
    let rules = mapping::generic(def, &header).unwrap();
    let layout = Layout::new(Format::Generic, &header, &rules, def).unwrap();
    let row = Row {
        line: 2,
        fields: cols.iter().map(|(_, v)| v.to_string()).collect(),
        too_long: None,
    };
    read_sheet(def, &layout, EXPECT, &row)
}

#[test]
fn form_numbers_carry_their_wave() {
    assert_eq!(form_number(3, 127), "R3-000127");
    // One form, one spelling: the outside test stored R3-000007 five times as R3-7, R3-0007 ...
    for typed in ["R3-7", "r3-0007", " R3-000007 ", "r3-00007", "R3-07"] {
        assert_eq!(canonical_form(typed), "R3-000007", "{typed}");
    }
    assert_eq!(canonical_form("R3-1234567"), "R3-1234567");
    assert_eq!(
        canonical_form(" abc-12 "),
        "ABC-12",
        "not a form number: as typed"
    );
    assert_eq!(wave_of_form("r3-000127"), Some(3));
    assert_eq!(wave_of_form("R3-"), None);
    assert_eq!(wave_of_form("3-1"), None);
    assert_eq!(wave_of_form("R3-12a"), None);
}

#[test]
fn a_good_generic_sheet_is_imported() {
    let def = standard();
    let s = generic_sheet(
        &def,
        &[
            ("form_id", "r3-000001"),
            ("cijfer", "8"),
            ("kanaal", "telefoon|anders"),
            ("kanaal.anders", "WhatsApp"),
            ("bereikbaar", "weet_niet"),
        ],
    );
    assert_eq!(s.verdict, Verdict::Import, "{:?}", s.findings);
    assert_eq!(s.form, "R3-000001");
    assert!(s.findings.is_empty());
    assert_eq!(s.answers["cijfer"], answers::Stored::Number(8));
    assert_eq!(
        s.answers["kanaal.anders"],
        answers::Stored::Text("WhatsApp".into())
    );
}

#[test]
fn bad_values_empty_the_item_and_long_texts_quarantine_the_sheet() {
    let def = standard();
    let s = generic_sheet(
        &def,
        &[
            ("form_id", "R3-2"),
            ("cijfer", "11"),
            ("bereikbaar", "4"),
            ("team", "nergens"),
        ],
    );
    assert_eq!(s.verdict, Verdict::Import);
    assert_eq!(s.findings.len(), 2, "{:?}", s.findings);
    assert!(s.findings.iter().all(|f| f.action == Action::ItemLeftEmpty));
    assert!(!s.answers.contains_key("cijfer"));
    assert_eq!(s.answers["bereikbaar"], answers::Stored::Number(4));
    let long = "x".repeat(1001);
    let s = generic_sheet(
        &def,
        &[("form_id", "R3-3"), ("wat_goed", &long), ("cijfer", "7")],
    );
    assert_eq!(s.verdict, Verdict::Quarantine);
    assert!(s.findings.iter().all(|f| f.action == Action::Quarantined));
}

#[test]
fn answers_in_a_hidden_block_do_not_count() {
    let def = standard();
    let s = generic_sheet(
        &def,
        &[
            ("form_id", "R3-4"),
            ("terugvordering", "nee"),
            ("tv_afhandeling", "2"),
        ],
    );
    assert_eq!(s.verdict, Verdict::Import);
    assert!(!s.answers.contains_key("tv_afhandeling"));
    assert_eq!(s.findings[0].rule, Rule::NotApplicable);
}

#[test]
fn sheet_level_problems() {
    let def = standard();
    let s = generic_sheet(&def, &[("form_id", ""), ("cijfer", "7")]);
    assert_eq!(s.verdict, Verdict::Quarantine);
    assert_eq!(s.findings[0].rule, Rule::NoFormNumber);
    let s = generic_sheet(&def, &[("form_id", "R4-000001"), ("cijfer", "7")]);
    assert_eq!(s.findings[0].rule, Rule::OtherWave);
    let s = generic_sheet(&def, &[("form_id", "R3-000009"), ("cijfer", "")]);
    assert_eq!(s.verdict, Verdict::SkipEmpty);
}

#[test]
fn a_line_too_long_is_one_finding_that_names_the_line_and_stores_nothing() {
    let def = standard();
    let header = vec!["form_id".to_string(), "wat_goed".into()];
    let rules = mapping::generic(&def, &header).unwrap();
    let layout = Layout::new(Format::Generic, &header, &rules, &def).unwrap();
    let row = Row {
        line: 9,
        fields: vec!["R3-000004".into()],
        too_long: Some(104_857_600),
    };
    let s = read_sheet(&def, &layout, EXPECT, &row);
    assert_eq!(s.verdict, Verdict::SkipTooLong);
    assert!(s.answers.is_empty());
    assert_eq!(s.findings.len(), 1);
    let f = &s.findings[0];
    assert_eq!(
        (f.rule, f.action, f.line),
        (Rule::LineTooLong, Action::SkippedTooLong, 9)
    );
    assert_eq!(f.form, "R3-000004");
    assert!(
        f.detail
            .starts_with("regel 9 is te lang: 104.857.600 bytes"),
        "{}",
        f.detail
    );
    assert!(
        max_line_bytes(&def) > 3 * 1000 * 4,
        "room for every open answer at its longest"
    );
}

#[test]
fn reported_values_are_cut_and_say_their_length() {
    assert_eq!(reported_value("kort"), "kort");
    let long = "ë".repeat(REPORTED_VALUE_CHARS + 50);
    let v = reported_value(&long);
    assert!(v.starts_with(&"ë".repeat(REPORTED_VALUE_CHARS)));
    assert!(v.ends_with("… (ingekort, 250 tekens)"), "{v}");
}

#[test]
fn sdaps_rows_with_flags_boxes_and_double_marks() {
    let def = standard();
    let rules = mapping::sdaps(&def);
    let mut header: Vec<String> = [
        "questionnaire_id",
        "global_id",
        "empty",
        "valid",
        "recognized",
        "verified",
        "review",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    header.extend(["1_1_1", "1_1_2", "1_1_3", "1_5", "1_3_7"].map(String::from));
    let layout = Layout::new(Format::Sdaps, &header, &rules, &def).unwrap();
    let row = |fields: &[&str]| Row {
        line: 7,
        fields: fields.iter().map(|s| s.to_string()).collect(),
        too_long: None,
    };
    // Two boxes on laatste_contact; range 6 on bereikbaar = weet niet; anders with its text.
    let s = read_sheet(
        &def,
        &layout,
        EXPECT,
        &row(&[
            "R3-000010",
            "1",
            "0",
            "1",
            "1",
            "1",
            "",
            "1",
            "1",
            "0",
            "6",
            "Buurthuis",
        ]),
    );
    assert_eq!(s.verdict, Verdict::Import, "{:?}", s.findings);
    assert_eq!(s.findings.len(), 1);
    assert_eq!(s.findings[0].rule, Rule::DoubleMark);
    assert_eq!(s.findings[0].column, "1_1_1+1_1_2+1_1_3");
    assert_eq!(
        s.answers["bereikbaar"],
        answers::Stored::Text("weet_niet".into())
    );
    assert_eq!(
        s.answers["kanaal"],
        answers::Stored::List(vec!["anders".into()])
    );
    assert_eq!(
        s.answers["kanaal.anders"],
        answers::Stored::Text("Buurthuis".into()),
        "SDAPS's anders box holds the typed text"
    );
    // Flagged empty, invalid, other version, review remark.
    let s = read_sheet(
        &def,
        &layout,
        EXPECT,
        &row(&[
            "R3-000011",
            "1",
            "1",
            "1",
            "1",
            "1",
            "",
            "0",
            "0",
            "0",
            "NA",
            "0",
        ]),
    );
    assert_eq!(s.verdict, Verdict::SkipEmpty);
    let s = read_sheet(
        &def,
        &layout,
        EXPECT,
        &row(&[
            "R3-000012",
            "1",
            "0",
            "0",
            "1",
            "0",
            "",
            "1",
            "0",
            "0",
            "3",
            "0",
        ]),
    );
    assert_eq!(s.verdict, Verdict::Quarantine);
    assert!(s.findings.iter().any(|f| f.rule == Rule::OmrInvalid));
    assert!(s.findings.iter().any(|f| f.rule == Rule::OmrUnverified));
    let s = read_sheet(
        &def,
        &layout,
        EXPECT,
        &row(&[
            "R3-000013",
            "2",
            "0",
            "1",
            "1",
            "1",
            "vlek",
            "1",
            "0",
            "0",
            "9",
            "0",
        ]),
    );
    assert_eq!(s.verdict, Verdict::Quarantine);
    assert!(s.findings.iter().any(|f| f.rule == Rule::OtherVersion));
    assert!(s.findings.iter().any(|f| f.rule == Rule::OmrReview));
    assert!(s
        .findings
        .iter()
        .any(|f| f.rule == Rule::OutOfRange && f.value == "9"));
}
