//! The researcher's coding screen in a real headless Chromium: coding by keyboard alone (nothing is
//! ticked for her; + takes over every suggestion, the key of a code ticks it, Enter saves and
//! brings the next text; the keys can be turned off), and axe-core (WCAG 2.1 A/AA) on the coding
//! screen and the codebook.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::{coded_texts, text_codes};
use klankbord::surveys::respond::{self, Meta};

use crate::browser::{browser_or_skip, login_by_keyboard};
use crate::support::browser::ENTER;
use crate::support::{Backend, TestApp};

fn chosen_codes(app: &TestApp) -> Vec<Vec<String>> {
    let ids: Vec<i64> = coded_texts::table
        .order(coded_texts::id)
        .select(coded_texts::id)
        .load(&mut app.conn())
        .unwrap();
    ids.iter()
        .map(|id| {
            text_codes::table
                .filter(text_codes::coded_text_id.eq(id))
                .filter(text_codes::chosen.eq(true))
                .order(text_codes::code)
                .select(text_codes::code)
                .load(&mut app.conn())
                .unwrap()
        })
        .collect()
}

#[test]
fn a_researcher_codes_by_keyboard_and_the_research_pages_pass_axe() {
    let Some((b, axe)) = browser_or_skip("coding_keyboard") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "coding_keyboard") else {
        return;
    };
    let w = crate::surveys::wave(&app, -20, -1, &["web"]);
    let meta = Meta {
        channel: klankbord::surveys::channel::Channel::Web,
        helper: None,
        language: klankbord::web::i18n::Lang::Nl,
    };
    for text in [
        "Ik moet lang wachten als ik bel.",
        "Ze luisterden niet naar mij.",
        "Fijn geholpen.",
    ] {
        let json = format!(r#"{{"cp_luistert":4,"wat_beter":"{text}"}}"#);
        respond::insert_json(&mut app.conn(), &w, &json, &meta, klankbord::fmt::today()).unwrap();
    }
    let (user, pass, _) = app.user("toets.onderzoeker", &[Role::Onderzoeker]);
    login_by_keyboard(&b, &app.base, &user, &pass);
    let screen = format!("{}/onderzoek/coderen?bron=ronde-{}&lang=nl", app.base, w.id);
    b.goto(&screen);
    let mut report = vec![];
    for v in b.axe_violations(&axe) {
        report.push(format!("coding screen: {v}"));
    }
    // Focus starts on the first code; the shown key of "Maatwerk" ticks it, Enter saves.
    let focused = b.focused();
    assert_eq!(focused["tag"], "input", "{focused}");
    let key = b.exec("return document.getElementById('code-maatwerk').dataset.key;");
    let key = key.as_str().unwrap().to_string();
    let before = b.exec("return [...document.querySelectorAll('#coderen input[name=code]:checked')].map(e => e.value).sort();");
    assert_eq!(
        before,
        serde_json::json!([]),
        "suggestions are not ticked for her"
    );
    let proposed = b.exec("return [...document.querySelectorAll('#coderen input[data-suggested=ja]')].map(e => e.value).sort();");
    let proposed: Vec<String> = serde_json::from_value(proposed).unwrap();
    assert!(!proposed.is_empty(), "every test text has a suggestion");
    assert!(!proposed.contains(&"maatwerk".to_string()));
    // One key takes over every suggestion.
    b.keys("+");
    let ticked = b.exec("return [...document.querySelectorAll('#coderen input[name=code]:checked')].map(e => e.value).sort();");
    assert_eq!(ticked, serde_json::json!(proposed));
    b.keys(&key);
    assert_eq!(
        b.exec("return document.getElementById('code-maatwerk').checked;"),
        serde_json::json!(true)
    );
    b.keys(ENTER);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let codes = chosen_codes(&app);
    assert_eq!(codes.len(), 1, "one text saved");
    let mut expected: Vec<String> = proposed.clone();
    expected.push("maatwerk".into());
    expected.sort();
    assert_eq!(
        codes[0], expected,
        "the suggestions taken over with + and the ticked norm added"
    );
    assert!(b
        .exec("return document.body.textContent;")
        .as_str()
        .unwrap()
        .contains("1 van 3 teksten gecodeerd"));
    // With the keys turned off, typing a key changes nothing (WCAG 2.1.4).
    b.exec("document.getElementById('sneltoetsen').click(); document.querySelector('#coderen input[name=code]').focus();");
    b.keys(&key);
    assert_eq!(
        b.exec("return document.getElementById('code-maatwerk').checked;"),
        serde_json::json!(false)
    );
    // The rest by keyboard: Enter on a code saves; a suggestion left unticked is not chosen.
    b.exec("document.getElementById('sneltoetsen').click(); document.querySelector('#coderen input[name=code]').focus();");
    b.keys(ENTER);
    std::thread::sleep(std::time::Duration::from_millis(500));
    b.exec("document.querySelector('#coderen input[name=code]').focus();");
    b.keys(ENTER);
    std::thread::sleep(std::time::Duration::from_millis(500));
    let codes = chosen_codes(&app);
    assert_eq!(codes.len(), 3);
    assert!(codes[1].is_empty() && codes[2].is_empty(), "{codes:?}");
    for v in b.axe_violations(&axe) {
        report.push(format!("coding screen, all coded: {v}"));
    }
    b.goto(&format!("{}/onderzoek/codeboek?lang=nl", app.base));
    for v in b.axe_violations(&axe) {
        report.push(format!("codebook: {v}"));
    }
    b.goto(&format!(
        "{}/onderzoek/coderen?bron=ronde-{}&lang=ar",
        app.base, w.id
    ));
    for v in b.axe_violations(&axe) {
        report.push(format!("coding screen (ar): {v}"));
    }
    // The interim view of a running wave, with the day it counts up to.
    let running = crate::surveys::wave(&app, -3, 10, &["web"]);
    let yesterday = klankbord::fmt::today() - chrono::Duration::days(1);
    for _ in 0..5 {
        respond::insert_json(
            &mut app.conn(),
            &running,
            r#"{"cp_luistert":4}"#,
            &meta,
            yesterday,
        )
        .unwrap();
    }
    b.goto(&format!(
        "{}/rapportage/tussenstand?ronde={}&lang=nl",
        app.base, running.id
    ));
    assert!(
        b.exec("return document.querySelector('p.live-through').textContent;")
            .as_str()
            .is_some_and(|t| t.contains(&klankbord::fmt::date_text(yesterday))),
        "the interim view says up to which day"
    );
    for v in b.axe_violations(&axe) {
        report.push(format!("interim view: {v}"));
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}
