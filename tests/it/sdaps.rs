//! Real SDAPS exports, read as SDAPS writes them. The file is made by a small model of SDAPS's own
//! `csvdata` export (read from SDAPS's code, not from the product's reader): a survey of question
//! objects with boxes, each sheet with its box states, written by the rules SDAPS follows:
//!
//! - the sheet columns `questionnaire_id` (the number printed on each sheet), `global_id` (one value
//!   for the survey), `empty`, `valid`, `recognized`, `review`, `verified`, each written with
//!   Python's `str()`, so an id SDAPS could not read is `None`;
//! - per question object a `…_review` column first (sections too); a one-answer question (SDAPS's
//!   Option and Range) then its value column: the marked box's value, `NA` for none,
//!   `error-multi-select` for more than one; then one column per box: `0`/`1` for a check box, and
//!   for a text box the typed text, or `0`/`1` when nothing was typed;
//! - written by Python's `csv.DictWriter` in its default dialect: `,`, `"` quoting only where needed,
//!   `\r\n` line ends, UTF-8.
//!
//! The operator builds the SDAPS questionnaire from the product's: one section per section, and per
//! question: a range for grades and scales (a scale's "weet niet" as a sixth box), an option question
//! for a single choice, a choice question for a multiple choice (its "anders, namelijk" as a text
//! box), a text box for an open question or a number.

use std::collections::BTreeMap;

use diesel::prelude::*;
use klankbord::db::schema::{paper_forms, paper_quarantine, responses};
use klankbord::fmt::today;
use klankbord::surveys::answers::text_in;
use klankbord::surveys::definition::{Definition, ItemKind};
use klankbord::surveys::paper::import::{self, Options, Summary, Target};
use klankbord::surveys::paper::sheet::{form_number, Action, Finding, Format, Rule};
use klankbord::surveys::waves::Wave;
use klankbord::web::i18n::{t, t_args, Lang};

use crate::both_backends;
use crate::support::TestApp;
use crate::surveys::{standard, wave};

/// SDAPS's question objects, as far as the export is concerned.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A section heading: only a review column.
    Head,
    /// Multiple choice: review, then its boxes.
    Choice,
    /// One answer (SDAPS's Option and Range): review, value column, then its boxes.
    OneAnswer,
    /// Free text: review, then its one text box.
    Text,
}

/// A box: a check box or a text box.
#[derive(Clone, Copy, PartialEq, Eq)]
enum BoxKind {
    Check,
    Textbox,
}

struct QObject {
    /// SDAPS's id, e.g. (2, 3) for question 3 of section 2; `id_csv` joins it with `_`.
    id: Vec<usize>,
    kind: Kind,
    boxes: Vec<BoxKind>,
    /// The product's question key (none for a heading or a question the product does not know).
    item: Option<String>,
}

impl QObject {
    fn id_csv(&self) -> String {
        self.id
            .iter()
            .map(|n| n.to_string())
            .collect::<Vec<_>>()
            .join("_")
    }
    /// A box is the question's id plus its number from 1 (SDAPS's `Box.init_id`).
    fn box_csv(&self, b: usize) -> String {
        format!("{}_{}", self.id_csv(), b + 1)
    }
}

/// One scanned sheet as SDAPS holds it.
#[derive(Default, Clone)]
struct SdapsSheet {
    questionnaire_id: Option<String>,
    global_id: Option<String>,
    empty: bool,
    valid: bool,
    recognized: bool,
    verified: bool,
    review: Option<String>,
    /// Review remarks per question object (by `id_csv`).
    remarks: BTreeMap<String, String>,
    /// Box states by box column: (marked or written on, typed text).
    boxes: BTreeMap<String, (bool, String)>,
}

/// The SDAPS survey made from the product's questionnaire, plus `extra` questions of its own.
struct SdapsSurvey {
    qobjects: Vec<QObject>,
}

impl SdapsSurvey {
    fn from(def: &Definition, extra_text_section: bool) -> SdapsSurvey {
        let mut qobjects = vec![];
        for (s, section) in def.sections.iter().enumerate() {
            let s = s + 1;
            qobjects.push(QObject {
                id: vec![s],
                kind: Kind::Head,
                boxes: vec![],
                item: None,
            });
            for (i, item) in section.items.iter().enumerate() {
                let (kind, boxes) = match &item.kind {
                    ItemKind::Grade => (Kind::OneAnswer, vec![BoxKind::Check; 10]),
                    ItemKind::Scale { dont_know, .. } => (
                        Kind::OneAnswer,
                        vec![BoxKind::Check; 5 + usize::from(dont_know.is_some())],
                    ),
                    ItemKind::Single { options, other } => (
                        Kind::OneAnswer,
                        vec![BoxKind::Check; options.len() + usize::from(*other)],
                    ),
                    ItemKind::Multi { options, other } => {
                        let mut b = vec![BoxKind::Check; options.len()];
                        if *other {
                            b.push(BoxKind::Textbox);
                        }
                        (Kind::Choice, b)
                    }
                    ItemKind::Text { .. } | ItemKind::Number { .. } => {
                        (Kind::Text, vec![BoxKind::Textbox])
                    }
                };
                qobjects.push(QObject {
                    id: vec![s, i + 1],
                    kind,
                    boxes,
                    item: Some(item.key.clone()),
                });
            }
        }
        if extra_text_section {
            // The operator's own question, not in the product's questionnaire.
            let s = def.sections.len() + 1;
            qobjects.push(QObject {
                id: vec![s],
                kind: Kind::Head,
                boxes: vec![],
                item: None,
            });
            qobjects.push(QObject {
                id: vec![s, 1],
                kind: Kind::Text,
                boxes: vec![BoxKind::Textbox],
                item: None,
            });
        }
        SdapsSurvey { qobjects }
    }

    fn question(&self, key: &str) -> &QObject {
        self.qobjects
            .iter()
            .find(|q| q.item.as_deref() == Some(key))
            .unwrap_or_else(|| panic!("no question {key}"))
    }

    /// `csvdata`'s header: the sheet columns, then each object's columns.
    fn header(&self) -> Vec<String> {
        let mut h: Vec<String> = [
            "questionnaire_id",
            "global_id",
            "empty",
            "valid",
            "recognized",
            "review",
            "verified",
        ]
        .map(String::from)
        .to_vec();
        for q in &self.qobjects {
            h.push(format!("{}_review", q.id_csv()));
            if q.kind == Kind::OneAnswer {
                h.push(q.id_csv());
            }
            for b in 0..q.boxes.len() {
                h.push(q.box_csv(b));
            }
        }
        h
    }

    /// One sheet's values in header order, as `csvdata` makes them.
    fn values(&self, s: &SdapsSheet) -> Vec<String> {
        // Python's str() of an id, and of a bool made int.
        let id = |v: &Option<String>| v.clone().unwrap_or_else(|| "None".into());
        let flag = |b: bool| if b { "1" } else { "0" }.to_string();
        let mut v = vec![
            id(&s.questionnaire_id),
            id(&s.global_id),
            flag(s.empty),
            flag(s.valid),
            flag(s.recognized),
            s.review.clone().unwrap_or_default(),
            flag(s.verified),
        ];
        for q in &self.qobjects {
            v.push(s.remarks.get(&q.id_csv()).cloned().unwrap_or_default());
            let state = |b: usize| s.boxes.get(&q.box_csv(b)).cloned().unwrap_or_default();
            if q.kind == Kind::OneAnswer {
                // Option.get_answer: the value of the one marked box (box values count from 1).
                let marked: Vec<usize> = (0..q.boxes.len()).filter(|b| state(*b).0).collect();
                v.push(match marked.as_slice() {
                    [] => "NA".into(),
                    [b] => (b + 1).to_string(),
                    _ => "error-multi-select".into(),
                });
            }
            for (b, kind) in q.boxes.iter().enumerate() {
                let (on, text) = state(b);
                v.push(match kind {
                    BoxKind::Textbox if on && !text.is_empty() => text,
                    _ => flag(on),
                });
            }
        }
        v
    }

    /// The file as Python's csv module writes it (dialect `excel`, QUOTE_MINIMAL): a field is
    /// quoted when it holds the separator, a quote or a line break; quotes are doubled.
    fn file(&self, sheets: &[SdapsSheet]) -> Vec<u8> {
        fn field(f: &str) -> String {
            if f.contains([',', '"', '\r', '\n']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.to_string()
            }
        }
        let line = |fields: Vec<String>| {
            fields
                .iter()
                .map(|f| field(f))
                .collect::<Vec<_>>()
                .join(",")
                + "\r\n"
        };
        let mut out = line(self.header());
        for s in sheets {
            out.push_str(&line(self.values(s)));
        }
        out.into_bytes()
    }
}

/// A person's answers on paper: scales 4, grade 8, the first option, "nee" to terugvordering,
/// "ja" to kende_ondersteuning; questions these answers make not applicable left blank.
fn filled(
    survey: &SdapsSurvey,
    def: &Definition,
    form: Option<String>,
    version: i64,
) -> SdapsSheet {
    let mut s = SdapsSheet {
        questionnaire_id: form,
        global_id: Some(version.to_string()),
        valid: true,
        recognized: true,
        verified: true,
        ..Default::default()
    };
    for item in def.items() {
        let applies = item.show_if.is_none() || item.key == "gebruikte_ondersteuning";
        if !applies {
            continue;
        }
        let q = survey.question(&item.key);
        let mark = match (&item.kind, item.key.as_str()) {
            (ItemKind::Grade, _) => Some(7),
            (ItemKind::Scale { .. }, _) => Some(3),
            (ItemKind::Single { options, .. }, "terugvordering") => {
                options.iter().position(|o| o.code == "nee")
            }
            (ItemKind::Single { options, .. }, "kende_ondersteuning") => {
                options.iter().position(|o| o.code == "ja")
            }
            (ItemKind::Single { .. } | ItemKind::Multi { .. }, _) => Some(0),
            (ItemKind::Text { .. }, "wat_goed") => {
                s.boxes.insert(
                    q.box_csv(0),
                    (true, "Vriendelijk geholpen, één keer; \"echt\" goed".into()),
                );
                None
            }
            (ItemKind::Number { min, .. }, _) => {
                s.boxes.insert(q.box_csv(0), (true, min.to_string()));
                None
            }
            _ => None,
        };
        if let Some(b) = mark {
            s.boxes.insert(q.box_csv(b), (true, String::new()));
        }
    }
    s
}

fn import_bytes(
    app: &TestApp,
    w: &Wave,
    def: &Definition,
    bytes: &[u8],
) -> (Summary, Vec<Finding>) {
    let mut findings = vec![];
    let target = Target {
        wave: w,
        def,
        format: Format::Sdaps,
        mapping: None,
        today: today(),
    };
    let summary = import::import(
        &mut app.conn(),
        &target,
        &mut || Ok(bytes),
        Options::default(),
        &mut |f| findings.push(f.clone()),
        &mut |_| {},
    )
    .expect("import runs");
    (summary, findings)
}

both_backends!(a_real_sdaps_export_is_read_as_sdaps_writes_it, |app| {
    let def = standard();
    let w = wave(&app, -5, 30, &["paper-scan"]);
    let v = w.version_id;
    let f = |n: u64| form_number(w.id, n);
    let survey = SdapsSurvey::from(&def, true);
    let sheet = |n: u64| filled(&survey, &def, Some(f(n)), v);

    let mut sheets = vec![];
    // 1: good.
    sheets.push(sheet(1));
    // 2: "anders" on a multiple choice, with the typed text in SDAPS's text box.
    let kanaal = survey.question("kanaal");
    let mut s = sheet(2);
    s.boxes.remove(&kanaal.box_csv(0));
    let anders = kanaal.box_csv(kanaal.boxes.len() - 1);
    s.boxes
        .insert(anders.clone(), (true, "Via de buurvrouw, die belde".into()));
    sheets.push(s);
    // 3: two boxes on the grade: SDAPS writes error-multi-select.
    let grade_key = def
        .items()
        .find(|i| matches!(i.kind, ItemKind::Grade))
        .unwrap()
        .key
        .clone();
    let grade = survey.question(&grade_key);
    let mut s = sheet(3);
    s.boxes.insert(grade.box_csv(8), (true, String::new()));
    sheets.push(s);
    // 4: a remark on one question only.
    let bereikbaar = survey.question("bereikbaar");
    let mut s = sheet(4);
    s.remarks.insert(
        bereikbaar.id_csv(),
        "kruisje doorgestreept, ander vakje?".into(),
    );
    sheets.push(s);
    // 5–7: three sheets whose number SDAPS could not read, each with its own text.
    let wat_goed = survey.question("wat_goed");
    let texts = [
        "Eerste blad zonder nummer",
        "Tweede, met koffievlek",
        "Derde",
    ];
    for text in texts {
        let mut s = filled(&survey, &def, None, v);
        s.boxes.insert(wat_goed.box_csv(0), (true, text.into()));
        sheets.push(s);
    }
    // 8: another survey's sheet.
    let mut s = sheet(8);
    s.global_id = Some((v + 1000).to_string());
    sheets.push(s);
    // 9: no global id set in the SDAPS survey (written as None): not a reason to put it aside.
    let mut s = sheet(9);
    s.global_id = None;
    sheets.push(s);
    // 10: a text of 1,349 characters, longer than the question keeps.
    let long: String = "Lange tekst met veel woorden. "
        .repeat(45)
        .chars()
        .take(1349)
        .collect();
    let mut s = sheet(10);
    s.boxes.insert(wat_goed.box_csv(0), (true, long.clone()));
    sheets.push(s);
    // 11: an answer to a question that "nee" to terugvordering makes not applicable.
    let tv = survey.question("tv_afhandeling");
    let mut s = sheet(11);
    s.boxes.insert(tv.box_csv(1), (true, String::new()));
    sheets.push(s);
    // 12: a text written but not typed over (text box state 1, no text).
    let mut s = sheet(12);
    s.boxes.insert(wat_goed.box_csv(0), (true, String::new()));
    sheets.push(s);

    let bytes = survey.file(&sheets);
    let (s, findings) = import_bytes(&app, &w, &def, &bytes);
    let rules = |form: &str| -> Vec<Rule> {
        findings
            .iter()
            .filter(|x| x.form == form)
            .map(|x| x.rule)
            .collect()
    };
    // The operator's own question is one line in the report, before the sheets; nothing else
    // SDAPS writes (reviews, value columns beside boxes, boxes beside values) is called unknown.
    let unknown: Vec<&Finding> = findings
        .iter()
        .filter(|x| x.rule == Rule::UnknownColumn)
        .collect();
    let extra = format!("{}_1_1", def.sections.len() + 1);
    assert_eq!(unknown.len(), 1, "{unknown:#?}");
    assert_eq!(
        (
            unknown[0].line,
            unknown[0].column.as_str(),
            unknown[0].action
        ),
        (1, extra.as_str(), Action::ColumnNotRead)
    );
    assert_eq!(findings[0].rule, Rule::UnknownColumn, "said first");

    assert_eq!(rules(&f(1)), []);
    assert_eq!(rules(&f(2)), []);
    assert_eq!(rules(&f(3)), [Rule::DoubleMark], "not out of range");
    let double = findings
        .iter()
        .find(|x| x.rule == Rule::DoubleMark)
        .unwrap();
    assert_eq!(double.value, "error-multi-select");
    assert_eq!(double.action, Action::ItemLeftEmpty);
    assert_eq!(rules(&f(4)), [Rule::OmrReview]);
    let remark = findings.iter().find(|x| x.rule == Rule::OmrReview).unwrap();
    assert_eq!(remark.column, format!("{}_review", bereikbaar.id_csv()));
    assert_eq!(remark.action, Action::Quarantined);
    // Each unreadable sheet is put aside on its own: none is taken for a duplicate of another.
    let nameless: Vec<&Finding> = findings
        .iter()
        .filter(|x| x.form.is_empty() && x.rule != Rule::UnknownColumn)
        .collect();
    assert_eq!(nameless.len(), 3, "{nameless:#?}");
    assert!(nameless.iter().all(|x| x.rule == Rule::NoFormNumber
        && x.value == "None"
        && x.column == "questionnaire_id"));
    assert!(!findings.iter().any(|x| x.rule == Rule::DuplicateInFile));
    assert_eq!(rules(&f(8)), [Rule::OtherVersion]);
    assert_eq!(rules(&f(9)), []);
    assert_eq!(rules(&f(10)), [Rule::InvalidAnswer]);
    assert_eq!(rules(&f(11)), [Rule::NotApplicable]);
    assert_eq!(rules(&f(12)), [Rule::TextNotTranscribed]);
    // The clerk reads the clerk's wording, and a value, not a question key.
    let too_long = findings
        .iter()
        .find(|x| x.rule == Rule::InvalidAnswer)
        .unwrap();
    assert_eq!(
        too_long.detail,
        t_args(
            Lang::Nl,
            "entry-error-too-long",
            &[("given", "1349"), ("max", "1000")]
        )
    );
    assert!(!too_long.detail.contains("Maak het korter"));
    let na = findings
        .iter()
        .find(|x| x.rule == Rule::NotApplicable)
        .unwrap();
    assert_eq!(na.value, "2", "the box that was marked, not the key");
    let tv_text = text_in(&def.item("tv_afhandeling").unwrap().text, Lang::Nl);
    assert!(na.detail.contains(tv_text), "{}", na.detail);

    assert_eq!(
        (s.rows, s.imported, s.quarantined, s.duplicates, s.empty),
        (12, 6, 6, 0, 0),
        "{findings:#?}"
    );
    // What is stored.
    let sets: Vec<serde_json::Value> = responses::table
        .select(responses::answers)
        .load::<String>(&mut app.conn())
        .unwrap()
        .iter()
        .map(|j| serde_json::from_str(j).unwrap())
        .collect();
    assert_eq!(sets.len(), 6);
    assert!(sets.iter().any(
        |a| a["wat_goed"] == serde_json::json!("Vriendelijk geholpen, één keer; \"echt\" goed")
    ));
    assert!(sets.iter().any(|a| a["kanaal.anders"]
        == serde_json::json!("Via de buurvrouw, die belde")
        && a["kanaal"] == serde_json::json!(["anders"])));
    assert_eq!(
        sets.iter().filter(|a| a.get(&grade_key).is_none()).count(),
        1,
        "only the double-marked grade is empty"
    );
    assert!(sets.iter().all(|a| a.get("tv_afhandeling").is_none()));
    // The sheet's own number is what is registered.
    let forms: Vec<String> = paper_forms::table
        .select(paper_forms::form_id)
        .load(&mut app.conn())
        .unwrap();
    for n in [1, 2, 3, 9, 11, 12] {
        assert!(forms.contains(&f(n)), "{}", f(n));
    }
    // The three unreadable sheets are kept with everything on them.
    let kept: Vec<(String, String)> = paper_quarantine::table
        .select((paper_quarantine::form_id, paper_quarantine::sheet))
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(kept.len(), 6);
    for text in texts {
        assert!(
            kept.iter().any(|(_, raw)| raw.contains(text)),
            "{text} kept"
        );
    }
    assert!(
        kept.iter().any(|(_, raw)| raw.contains(&long)),
        "kept whole"
    );

    // The same file again adds nothing and doubles nothing.
    let (again, _) = import_bytes(&app, &w, &def, &bytes);
    assert_eq!(again.imported, 0);
    assert_eq!(app.count("responses"), 6);
    assert_eq!(app.count("paper_quarantine"), 6);
    // Another file with an unreadable sheet on the same line keeps both.
    let mut other = vec![];
    for text in ["Een", "Twee", "Drie", "Vier", "Anders dan eerst"] {
        let mut s = filled(&survey, &def, None, v);
        s.boxes.insert(wat_goed.box_csv(0), (true, text.into()));
        other.push(s);
    }
    let (more, _) = import_bytes(&app, &w, &def, &survey.file(&other));
    assert_eq!(more.quarantined, 5);
    assert_eq!(app.count("paper_quarantine"), 11);
});

both_backends!(
    the_clerk_pages_shorten_long_texts_remember_the_file_type_and_mark_checks,
    |app| {
        use klankbord::accounts::model::Role;
        let def = standard();
        let w = wave(&app, -5, 30, &["paper-scan"]);
        let v = w.version_id;
        let survey = SdapsSurvey::from(&def, false);
        let wat_goed = survey.question("wat_goed");
        let long: String = "Lange tekst met veel woorden. "
            .repeat(45)
            .chars()
            .take(1349)
            .collect();
        let mut s = filled(&survey, &def, Some(form_number(w.id, 1)), v);
        s.boxes.insert(wat_goed.box_csv(0), (true, long.clone()));
        let bytes = survey.file(&[s]);
        let (clerk, _) = app.logged_in("invoer.lang", &[Role::Invoerder]);
        let page_path = format!("/invoer/rondes/{}/papier", w.id);

        // A check first: marked as a check under the earlier reports.
        let token = clerk.get(&page_path).csrf();
        let (ct, body) = crate::paper::multipart(
            &[("csrf", &token), ("vorm", "sdaps"), ("proef", "ja")],
            Some(("stapel.csv", &bytes)),
        );
        let r = clerk.post_body(&page_path, &ct, &body);
        assert_eq!(r.status, 303, "{}", r.body);
        let report = clerk.get(&format!(
            "{}?lang=nl",
            r.header("location").unwrap_or_default()
        ));
        assert!(report.body.contains(&t(Lang::Nl, "paper-report-dry-run")));
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        let earlier = page.texts("li.dry-run");
        assert_eq!(earlier.len(), 1, "{}", page.body);
        assert!(earlier[0].contains(&t(Lang::Nl, "paper-reports-dry-run")));

        // The real import: the long text is shortened in the list, whole on the sheet's page.
        let at = crate::paper::upload_and_wait(&clerk, w.id, "sdaps", "stapel.csv", &bytes);
        let report = clerk.get(&format!("{at}?lang=nl"));
        assert!(!report.body.contains(&t(Lang::Nl, "paper-report-dry-run")));
        let page = clerk.get(&format!("{page_path}?lang=nl"));
        assert_eq!(
            page.texts("li.dry-run").len(),
            1,
            "the real import is not a check"
        );
        assert!(
            !page.body.contains(&long),
            "the list does not show 1,349 characters"
        );
        let full = page
            .attr("a[href$='#gelezen']", "href")
            .expect("a link to the whole text");
        assert!(page
            .body
            .contains(&t(Lang::Nl, "paper-quarantine-full-text")));
        let sheet = clerk.get(&format!("{}?lang=nl", full.trim_end_matches("#gelezen")));
        assert_eq!(sheet.status, 200);
        assert!(
            sheet.body.contains(&long),
            "the whole text is on the sheet's page"
        );

        // The file type chosen last is offered again, after an upload and after a refused one.
        let generic = format!("form_id,cijfer\n{},7\n", form_number(w.id, 2));
        crate::paper::upload_and_wait(&clerk, w.id, "generic", "los.csv", generic.as_bytes());
        let page = clerk.get(&page_path);
        assert_eq!(
            page.attr("input#vorm-generic", "checked").as_deref(),
            Some("")
        );
        assert_eq!(page.attr("input#vorm", "checked"), None);
        let token = page.csrf();
        let (ct, body) = crate::paper::multipart(&[("csrf", &token), ("vorm", "generic")], None);
        let r = clerk.post_body(&page_path, &ct, &body);
        assert_eq!(r.status, 422);
        assert_eq!(r.attr("input#vorm-generic", "checked").as_deref(), Some(""));
    }
);
