//! The web questionnaire in a real headless Chromium: completed by keyboard alone in Dutch and in
//! Arabic, and checked with axe-core (WCAG 2.1 A/AA) on the code page, a page of every item type,
//! error states, the summary, the thank-you page and the interview form, in every language. Staff
//! survey pages are checked too.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::responses;
use klankbord::surveys::definition::{Definition, Item, ItemKind};
use klankbord::web::i18n::{t, t_args, Lang};
use serde_json::Value;

use crate::browser::{browser_or_skip, login_by_keyboard};
use crate::support::browser::{Browser, ENTER};
use crate::support::{Backend, TestApp};
use crate::surveys::{make_codes, standard, wave};

const SPACE: &str = " ";

fn focus_is_visible(f: &Value) -> bool {
    let outline = f["outline"].as_str().unwrap_or("none");
    let shadow = f["shadow"].as_str().unwrap_or("none");
    !outline.starts_with("none") || shadow != "none"
}

/// Answers the question on the current page with the keyboard and moves on with "Next".
fn answer_by_keyboard(b: &Browser, item: &Item, lang: Lang) {
    let key = item.key.as_str();
    match &item.kind {
        ItemKind::Text { .. } | ItemKind::Number { .. } => {
            let f = b.tab_until(key, 20, |f| f["name"] == key);
            assert!(focus_is_visible(&f), "focus on {key} is visible: {f}");
            let text = if matches!(item.kind, ItemKind::Number { .. }) {
                "3"
            } else {
                "Ze nemen de tijd voor mij."
            };
            b.keys(text);
        }
        _ => {
            // Tab reaches the first radio button or check box of the group; Space chooses it.
            let f = b.tab_until(key, 20, |f| f["name"] == key);
            assert!(focus_is_visible(&f), "focus on {key} is visible: {f}");
            b.keys(SPACE);
            let checked = b.exec(&format!(
                "return document.querySelectorAll('input[name=\"{key}\"]:checked').length;"
            ));
            assert_eq!(checked, serde_json::json!(1), "{key} chosen by Space");
        }
    }
    let next = t(lang, "respond-next");
    let f = b.tab_until("the Next button", 30, |f| {
        f["tag"] == "button" && f["value"] == "volgende"
    });
    assert_eq!(f["text"], serde_json::json!(next));
    assert!(focus_is_visible(&f), "focus on Next is visible: {f}");
    b.keys(ENTER);
}

fn complete_by_keyboard(b: &Browser, app: &TestApp, def: &Definition, code: &str, lang: Lang) {
    let all: Vec<&Item> = def.items().collect();
    // From the front door: the language in the header, then the main button, by keyboard.
    b.goto(&format!("{}/", app.base));
    b.tab_until("the language link", 20, |f| {
        f["tag"] == "a" && f["text"] == serde_json::json!(lang.native_name())
    });
    b.keys(ENTER);
    wait_until(
        b,
        "the home page in the chosen language",
        &format!("document.documentElement.lang === '{}'", lang.code()),
    );
    let f = b.tab_until("the survey button", 30, |f| f["href"] == "/v");
    assert_eq!(f["text"], serde_json::json!(t(lang, "home-survey-link")));
    b.keys(ENTER);
    b.wait_for_path("the code page", |p| p == "/v");
    b.tab_until("the code field", 30, |f| f["id"] == "code");
    b.keys(code);
    b.keys(ENTER);
    b.wait_for_path("the start page", |p| p == "/v/start");
    let f = b.tab_until("the start button", 40, |f| f["href"] == "/v/vraag/0");
    assert!(focus_is_visible(&f));
    b.keys(ENTER);
    let mut answered = 0;
    loop {
        let path = b.wait_for_path("a question or the summary", |p| {
            p.starts_with("/v/vraag/") || p.starts_with("/v/overzicht")
        });
        if path.starts_with("/v/overzicht") {
            break;
        }
        let step: usize = path
            .trim_start_matches("/v/vraag/")
            .split('?')
            .next()
            .unwrap()
            .parse()
            .unwrap();
        answer_by_keyboard(b, all[step], lang);
        b.wait_for_path("the next page", |p| p != path);
        answered += 1;
        assert!(answered <= all.len());
    }
    // On the summary: the send button is reached by Tab past every "change" link.
    let send = t(lang, "respond-send");
    let f = b.tab_until("the send button", 200, |f| {
        f["tag"] == "button" && f["text"] == serde_json::json!(send)
    });
    assert!(focus_is_visible(&f));
    b.keys(ENTER);
    b.wait_for_path("the thank-you page", |p| p.starts_with("/v/bedankt"));
    let heading = b.exec("return document.querySelector('h1').textContent;");
    assert_eq!(heading, serde_json::json!(t(lang, "respond-thanks-title")));
}

#[test]
fn questionnaire_can_be_completed_by_keyboard_alone_in_dutch_and_arabic() {
    let Some((b, _)) = browser_or_skip("survey_keyboard") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "survey_keyboard") else {
        return;
    };
    let def = standard();
    let w = wave(&app, 0, 30, &[]);
    let codes = make_codes(&app, w.id, 2);
    complete_by_keyboard(&b, &app, &def, &codes[0], Lang::Nl);
    complete_by_keyboard(&b, &app, &def, &codes[1], Lang::Ar);
    assert_eq!(
        b.exec("return document.documentElement.dir;"),
        serde_json::json!("rtl")
    );
    // Sorted by language: stored numbers are random, so the stored order is too.
    let mut rows: Vec<(String, String, String)> = responses::table
        .select((responses::language, responses::channel, responses::answers))
        .load(&mut app.conn())
        .unwrap();
    rows.sort();
    rows.reverse();
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].0.as_str(), rows[0].1.as_str()), ("nl", "web"));
    assert_eq!(rows[1].0.as_str(), "ar");
    for (_, _, json) in &rows {
        let v: Value = serde_json::from_str(json).unwrap();
        // The first option of everything: a 1 as grade, so the "why" question came and was typed.
        assert_eq!(v["cijfer"], serde_json::json!(1));
        assert_eq!(
            v["waarom_cijfer"],
            serde_json::json!("Ze nemen de tijd voor mij.")
        );
    }
}

/// The standard questionnaire plus a number question, so every item type has a page.
fn with_number_item(app: &TestApp) -> Definition {
    let (_, text) = klankbord::surveys::SHIPPED[0];
    let changed = format!(
        "{text}\n[[sections.items]]\nkey = \"aantal_kinderen\"\ntype = \"number\"\nmin = 0\nmax = 20\ndimension = \"achtergrond\"\n\
         text = {{ nl = \"Hoeveel kinderen wonen bij u?\", en = \"How many children live with you?\", ar = \"كم عدد الأطفال الذين يعيشون معكم؟\", \
         tr = \"Sizinle kaç çocuk yaşıyor?\", pl = \"Ile dzieci mieszka z Panem/Panią?\", uk = \"Скільки дітей живе з вами?\" }}\n"
    );
    let def = klankbord::surveys::definition::parse("met-getal.toml", &changed).expect("valid");
    klankbord::surveys::waves::register_version(&mut app.conn(), &def, &changed).unwrap();
    def
}

/// The first page of each kind of question (grade, scale, smileys, single, multi, text, number).
fn one_step_per_kind(def: &Definition) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = vec![];
    for (i, item) in def.items().enumerate() {
        if item.show_if.is_some() {
            continue;
        }
        let kind = match &item.kind {
            ItemKind::Grade => "grade",
            ItemKind::Scale { smileys: true, .. } => "smileys",
            ItemKind::Scale { .. } => "scale",
            ItemKind::Single { .. } => "single",
            ItemKind::Multi { .. } => "multi",
            ItemKind::Text { .. } => "text",
            ItemKind::Number { .. } => "number",
        };
        if !out.iter().any(|(k, _)| k == kind) {
            out.push((kind.to_string(), i));
        }
    }
    out
}

/// Everything to tap on a question page is at least 44 px high, and no text is under 16 px.
pub(crate) fn touch_and_text_size_problems(b: &Browser) -> Vec<String> {
    let v = b.exec(
        "var bad = []; \
         function name(e) { return e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' ' + (e.textContent || '').trim().slice(0, 25); } \
         document.querySelectorAll('main *').forEach(function (e) { \
           var r = e.getBoundingClientRect(); if (r.width === 0 || r.height === 0) return; \
           var own = Array.prototype.some.call(e.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); }); \
           if (own && parseFloat(getComputedStyle(e).fontSize) < 16) bad.push(name(e) + ': text ' + getComputedStyle(e).fontSize); \
           var inline = e.matches('a') && Array.prototype.some.call(e.parentNode.childNodes, function (n) { return n.nodeType === 3 && n.textContent.trim(); }); \
           var tap = !inline && e.matches('button, a, select, textarea, input[type=text], .choice'); \
           if (tap && r.height < 44) bad.push(name(e) + ': ' + Math.round(r.height) + ' px high'); \
         }); return bad;",
    );
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn respondent_pages_have_no_axe_violations_in_any_language() {
    let Some((b, axe)) = browser_or_skip("survey_axe") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "survey_axe") else {
        return;
    };
    let def = with_number_item(&app);
    let w = wave(&app, 0, 30, &[]);
    let steps = one_step_per_kind(&def);
    assert_eq!(steps.len(), 7, "every item type has a page: {steps:?}");
    let text_step = steps.iter().find(|(k, _)| k == "text").unwrap().1;
    let codes = make_codes(&app, w.id, Lang::ALL.len());
    let mut report = vec![];
    let mut sizes: Vec<String> = vec![];
    let mut check = |what: &str, lang: Lang| {
        for v in b.axe_violations(&axe) {
            report.push(format!("{} {what}: {v}", lang.code()));
        }
        for problem in touch_and_text_size_problems(&b) {
            sizes.push(format!("{} {what}: {problem}", lang.code()));
        }
    };
    for (lang, code) in Lang::ALL.into_iter().zip(&codes) {
        let l = lang.code();
        b.goto(&format!("{}/v?lang={l}", app.base));
        check("code page", lang);
        b.goto(&format!("{}/v/ACD-EFG-HJKM", app.base));
        check("code page with an error", lang);
        b.goto(&format!("{}/v/{code}", app.base));
        b.wait_for_path("start", |p| p == "/v/start");
        check("start page", lang);
        for (kind, step) in &steps {
            b.goto(&format!("{}/v/vraag/{step}", app.base));
            check(&format!("question page ({kind})"), lang);
        }
        // An error on a question page: a text over the limit (the browser's own limit bypassed).
        b.goto(&format!("{}/v/vraag/{text_step}", app.base));
        b.exec(
            "var t = document.querySelector('textarea'); t.removeAttribute('maxlength'); \
             t.value = 'x'.repeat(1200); document.querySelector('button[value=volgende]').click();",
        );
        b.wait_for_path("the refused page", |_| true);
        std::thread::sleep(std::time::Duration::from_millis(300));
        let errors = b.exec("return document.querySelectorAll('.error-summary').length;");
        assert_eq!(errors, serde_json::json!(1), "{l}: the error summary shows");
        check("question page with an error", lang);
        b.goto(&format!("{}/v/opgeslagen", app.base));
        check("saved page", lang);
        b.goto(&format!("{}/v/overzicht", app.base));
        check("summary", lang);
        b.exec(
            "document.querySelector('form[action=\"/v/overzicht\"] button[type=submit]').click();",
        );
        b.wait_for_path("thank-you", |p| p.starts_with("/v/bedankt"));
        check("thank-you page", lang);
        b.goto(&format!("{}/v/gesprek", app.base));
        check("interview form", lang);
        b.exec(
            "document.querySelector('form[action=\"/v/gesprek\"] button[type=submit]').click();",
        );
        std::thread::sleep(std::time::Duration::from_millis(300));
        let errors = b.exec("return document.querySelectorAll('.error-summary').length;");
        assert_eq!(
            errors,
            serde_json::json!(1),
            "{l}: the interview form explains"
        );
        check("interview form with errors", lang);
    }
    assert_eq!(app.count("responses"), Lang::ALL.len() as i64);
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
    assert!(
        sizes.is_empty(),
        "too small for a phone:\n{}",
        sizes.join("\n")
    );
}

#[test]
fn staff_survey_pages_have_no_axe_violations() {
    let Some((b, axe)) = browser_or_skip("survey_staff_axe") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "survey_staff_axe") else {
        return;
    };
    let w = wave(&app, 0, 30, &["web", "phone", "paper-keyed", "paper-scan"]);
    make_codes(&app, w.id, 3);
    // Forms printed, so the print forms list them.
    crate::scans::print_forms(&app, &w, (1, 2));
    // A report and a sheet put aside, to see those pages filled.
    {
        use diesel::prelude::*;
        use klankbord::db::schema::{paper_quarantine, paper_reports};
        let mut conn = app.conn();
        diesel::insert_into(paper_reports::table)
            .values((
                paper_reports::wave_id.eq(w.id),
                paper_reports::created_at.eq(klankbord::db::now()),
                paper_reports::file_name.eq("stapel.csv"),
                paper_reports::summary.eq(r#"{"rows":2,"imported":1,"quarantined":1,"duplicates":0,"empty":0,"findings":1,"written":true}"#),
                paper_reports::report.eq("regel,formulier,kolom,regel_overtreden,uitleg,waarde,actie\n3,R1-000002,valid,omr_invalid,de scanner keurde het blad af,0,blad apart gezet\n"),
            ))
            .execute(&mut conn)
            .unwrap();
        diesel::insert_into(paper_quarantine::table)
            .values((
                paper_quarantine::wave_id.eq(w.id),
                paper_quarantine::form_id.eq("R1-000002"),
                paper_quarantine::line.eq(3i64),
                paper_quarantine::sheet.eq("{}"),
                paper_quarantine::problems.eq(r#"[{"line":3,"form":"R1-000002","column":"valid","rule":"omr_invalid","detail":"de scanner keurde het blad af","value":"0","action":"quarantined"}]"#),
                paper_quarantine::created_on.eq(klankbord::fmt::today()),
            ))
            .execute(&mut conn)
            .unwrap();
    }
    let (user, pass, _) = app.user("axe.onderzoek", &[Role::Onderzoeker, Role::Invoerder]);
    login_by_keyboard(&b, &app.base, &user, &pass);
    let mut report = vec![];
    for path in [
        "/onderzoek".to_string(),
        format!("/onderzoek/rondes/{}", w.id),
        format!("/onderzoek/rondes/{}/gesprekken", w.id),
        "/invoer".into(),
        format!("/invoer/rondes/{}", w.id),
        format!("/invoer/rondes/{}/papier", w.id),
        format!("/invoer/rondes/{}/papier/verslag/1", w.id),
    ] {
        b.goto(&format!("{}{path}", app.base));
        let h1 = b.exec("return document.querySelector('h1').textContent;");
        for refused in ["error-403-title", "error-404-title"] {
            for lang in Lang::ALL {
                assert_ne!(
                    h1,
                    serde_json::json!(t(lang, refused)),
                    "{path} is an error page"
                );
            }
        }
        for v in b.axe_violations(&axe) {
            report.push(format!("{path}: {v}"));
        }
    }
    // Correcting the sheet put aside, as it comes and with a mistake.
    let kept: i64 = {
        use diesel::prelude::*;
        use klankbord::db::schema::paper_quarantine;
        paper_quarantine::table
            .select(paper_quarantine::id)
            .get_result(&mut app.conn())
            .unwrap()
    };
    let correct = format!("/invoer/rondes/{}/papier/apart/{kept}", w.id);
    b.goto(&format!("{}{correct}", app.base));
    for v in b.axe_violations(&axe) {
        report.push(format!("{correct}: {v}"));
    }
    b.exec(
        "document.getElementById('blad-formulier').value = '';          document.querySelector('form.entry-form button[type=submit]').click();",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    let errors = b.exec("return document.querySelectorAll('.error-summary li').length;");
    assert!(errors.as_u64().unwrap_or(0) >= 1, "correction errors shown");
    for v in b.axe_violations(&axe) {
        report.push(format!("{correct} with errors: {v}"));
    }
    // The progress page of an upload that is still running (the test holds the writer back).
    {
        let (clerk, _) = app.logged_in("axe.invoer", &[Role::Invoerder]);
        let upload = format!("/invoer/rondes/{}/papier", w.id);
        let token = clerk.get(&upload).csrf();
        let mut csv = String::from("form_id,cijfer\n");
        for n in 1..=50 {
            csv.push_str(&format!("R{}-{n:06},8\n", w.id));
        }
        let (ct, body) = crate::paper::multipart(
            &[("csrf", &token), ("vorm", "generic")],
            Some(("groot.csv", csv.as_bytes())),
        );
        let mut conn = app.conn();
        klankbord::db::write_tx(&mut conn, |_| {
            let r = clerk.post_body(&upload, &ct, &body);
            let at = r.header("location").unwrap_or_default().to_string();
            assert!(at.contains("/papier/bezig/"), "{at}");
            b.goto(&format!("{}{at}", app.base));
            assert_eq!(
                b.exec("return document.querySelectorAll('progress').length;"),
                serde_json::json!(1)
            );
            for v in b.axe_violations(&axe) {
                report.push(format!("{at}: {v}"));
            }
            Ok::<(), diesel::result::Error>(())
        })
        .unwrap();
        // Released, the page's script takes the browser on to the report.
        let path = b.wait_for_path("the report after the upload", |p| {
            p.contains("/papier/verslag/")
        });
        assert!(path.contains("/papier/verslag/"));
    }
    // The entry form with errors (a 7 on a five-point scale, phone without a code).
    b.goto(&format!("{}/invoer/rondes/{}", app.base, w.id));
    b.exec(
        "document.getElementById('invoer-kanaal-eerste').checked = true; \
         document.getElementById('bereikbaar').value = '7'; \
         document.querySelector('form.entry-form button[type=submit]').click();",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    let errors = b.exec("return document.querySelectorAll('.error-summary li').length;");
    assert!(errors.as_u64().unwrap_or(0) >= 1, "entry errors shown");
    for v in b.axe_violations(&axe) {
        report.push(format!("entry with errors: {v}"));
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}

#[test]
fn read_aloud_speaks_the_question_in_the_page_language() {
    let Some((b, _)) = browser_or_skip("survey_read_aloud") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "survey_read_aloud") else {
        return;
    };
    let def = standard();
    let w = wave(&app, 0, 30, &[]);
    let code = make_codes(&app, w.id, 1).remove(0);
    b.goto(&format!("{}/v/{code}?lang=tr", app.base));
    b.wait_for_path("start", |p| p == "/v/start");
    let step = def.items().position(|i| i.key == "bereikbaar").unwrap();
    b.goto(&format!("{}/v/vraag/{step}", app.base));
    // The button only appears with the script; the browser's speech is caught instead of played.
    let visible = b.exec(
        "var btn = document.querySelector('button.read-aloud'); return !!btn && !btn.hidden && btn.getBoundingClientRect().height >= 44;",
    );
    assert_eq!(
        visible,
        serde_json::json!(true),
        "the read-aloud button shows"
    );
    let said = b.exec(
        "window.__said = null; \
         window.speechSynthesis.speak = function (u) { window.__said = {text: u.text, lang: u.lang}; }; \
         document.querySelector('button.read-aloud').click(); return window.__said;",
    );
    let item = def.item("bereikbaar").unwrap();
    assert_eq!(said["lang"], serde_json::json!("tr"));
    let text = said["text"].as_str().unwrap_or("");
    assert!(
        text.contains(klankbord::surveys::answers::text_in(&item.text, Lang::Tr)),
        "{text}"
    );
    assert!(
        text.contains(&t(Lang::Tr, "scale-agree-5")),
        "the answers are read too: {text}"
    );
}

#[test]
fn the_wave_page_prints_the_forms_the_reader_reads_back_in_every_language() {
    let Some((b, _)) = browser_or_skip("paper_print") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "paper_print") else {
        return;
    };
    let w = wave(&app, 0, 30, &["web", "paper-scan"]);
    let web_only = wave(&app, 0, 30, &["web"]);
    let (user, pass, _) = app.user("print.onderzoek", &[Role::Onderzoeker]);
    login_by_keyboard(&b, &app.base, &user, &pass);
    // By clicking: the waves, then the wave.
    click(&b, "main a[href='/onderzoek']", "");
    b.wait_for_path("the waves", |p| p == "/onderzoek");
    let wave_path = format!("/onderzoek/rondes/{}", w.id);
    click(&b, &format!("main a[href='{wave_path}']"), "");
    b.wait_for_path("the wave", |p| p == wave_path);
    let print_form = format!("form[action='{wave_path}/papier']");
    let dir = tempfile::tempdir().unwrap();
    let van = format!("document.querySelector(\"{print_form}\").querySelector('#van').value");
    for (i, lang) in Lang::ALL.into_iter().enumerate() {
        // The page proposes the first numbers not printed yet; the onderzoeker prints two of
        // them, in this language.
        let first = 1 + 2 * i as u64;
        assert_eq!(
            b.exec(&format!("return {van};")),
            serde_json::json!(first.to_string()),
            "{lang:?}: the first free number is proposed"
        );
        b.exec(&format!(
            "var f = document.querySelector(\"{print_form}\"); \
             f.querySelector('#tot').value = '{}'; f.querySelector('#taal').value = '{}';",
            first + 1,
            lang.code()
        ));
        let (kind, pdf) = b.download_form(&print_form);
        assert_eq!(kind, "application/pdf", "{lang:?}");
        // It is the product's PDF, the form the scan reader reads back: its layout is stored
        // for this language.
        let stored =
            klankbord::surveys::paper::layout::load_for_version(&mut app.conn(), w.version_id)
                .unwrap();
        assert!(
            stored.iter().any(|l| l.lang == lang.code()),
            "{lang:?}: layout stored"
        );
        let path = dir.path().join(format!("forms-{}.pdf", lang.code()));
        std::fs::write(&path, &pdf).unwrap();
        let Some(read) = crate::support::pdf::read("paper_print", &path) else {
            return;
        };
        // Two forms of four A4 sides, each side with its own form number.
        assert_eq!(read.pages(), 8, "{lang:?}");
        let pages: Vec<&str> = read
            .text
            .split('\u{c}')
            .filter(|p| !p.trim().is_empty())
            .collect();
        assert_eq!(pages.len(), 8, "{lang:?}");
        // (In Arabic pages poppler gives a Latin run such as the number in mirrored order.)
        let has = |page: &str, s: &str| {
            page.contains(s)
                || (lang == Lang::Ar && page.contains(&s.chars().rev().collect::<String>()))
        };
        for (i, page) in pages.iter().enumerate() {
            let number = klankbord::surveys::paper::sheet::form_number(w.id, first + i as u64 / 4);
            assert!(
                has(page, &number),
                "{lang:?} side {}: {number} in {page}",
                i + 1
            );
        }
        // The first side says in the reader's language how to mark an answer.
        let flat = pages[0].split_whitespace().collect::<Vec<_>>().join(" ");
        let mark = t(lang, "paper-pdf-mark");
        // (Poppler splits the Arabic lam-alef ligature into two letters: a word without it.)
        let first_word = mark
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
            .find(|w| {
                !['\u{622}', '\u{623}', '\u{625}', '\u{627}']
                    .iter()
                    .any(|a| w.contains(&format!("\u{644}{a}")))
            })
            .unwrap_or("");
        assert!(
            flat.contains(first_word),
            "{lang:?}: {first_word} in {flat}"
        );
        // Back on the page (as after a download, reloaded), the next numbers are proposed.
        b.exec("location.reload();");
        wait_until(
            &b,
            "the next free numbers",
            &format!(
                "document.querySelector(\"{print_form}\") && {van} === '{}'",
                first + 2
            ),
        );
    }
    let ui = Lang::from_code(
        b.exec("return document.documentElement.lang;")
            .as_str()
            .unwrap_or(""),
    )
    .expect("the page's language");
    // The page says which numbers were printed.
    let printed = format!("1–{}", 2 * Lang::ALL.len());
    assert!(
        b.exec("return document.querySelector('main').innerText;")
            .as_str()
            .unwrap_or("")
            .contains(&t_args(
                ui,
                "paper-prints-printed",
                &[("printed", &printed)]
            )),
        "the printed numbers are listed"
    );
    // Numbers printed before are refused at the field, with the first free one ...
    b.exec(&format!(
        "var f = document.querySelector(\"{print_form}\"); \
         f.querySelector('#van').value = '2'; f.querySelector('#tot').value = '3'; \
         f.querySelector('#taal').value = 'uk'; f.submit();"
    ));
    wait_until(
        &b,
        "the numbers error",
        "document.getElementById('van-error')",
    );
    let next = 2 * Lang::ALL.len() as u64 + 1;
    assert_eq!(
        b.exec("return document.getElementById('van-error').innerText.trim();"),
        serde_json::json!(klankbord::surveys::paper::prints::overlap_text(
            ui,
            (2, 3),
            next
        ))
    );
    // ... with what was asked still in the fields (outside test: the page put the next free
    // numbers and Dutch back, so ticking the box printed other forms) ...
    assert_eq!(
        b.exec(&format!(
            "var f = document.querySelector(\"{print_form}\"); \
             return [f.querySelector('#van').value, f.querySelector('#tot').value, f.querySelector('#taal').value];"
        )),
        serde_json::json!(["2", "3", "uk"])
    );
    // ... and printed when the onderzoeker says the same forms are printed again.
    b.exec(&format!(
        "document.querySelector(\"{print_form}\").querySelector('#opnieuw').checked = true;"
    ));
    let (kind, pdf) = b.download_form(&print_form);
    assert_eq!(kind, "application/pdf", "a reprint");
    let path = dir.path().join("reprint.pdf");
    std::fs::write(&path, &pdf).unwrap();
    if let Some(read) = crate::support::pdf::read("paper_print", &path) {
        assert_eq!(read.pages(), 8, "forms 2 and 3");
        assert!(read
            .text
            .contains(&klankbord::surveys::paper::sheet::form_number(w.id, 2)));
    }
    // A range that is not one is said at the field; a wave without paper offers no forms.
    b.exec(&format!(
        "var f = document.querySelector(\"{print_form}\"); \
         f.querySelector('#van').value = '9'; f.querySelector('#tot').value = '2'; f.submit();"
    ));
    wait_until(
        &b,
        "the range error",
        "document.getElementById('van-error') && document.getElementById('van-error').innerText.indexOf('999999') >= 0",
    );
    assert_eq!(
        b.exec("return document.getElementById('van-error').innerText.trim();"),
        serde_json::json!(t(ui, "paper-error-range"))
    );
    // By clicking again: the workspace in the header, the waves, the web-only wave.
    click(&b, "header a[href='/werkplek']", "");
    b.wait_for_path("the workspace", |p| p == "/werkplek");
    click(&b, "main a[href='/onderzoek']", "");
    b.wait_for_path("the waves", |p| p == "/onderzoek");
    let web_only_path = format!("/onderzoek/rondes/{}", web_only.id);
    click(&b, &format!("main a[href='{web_only_path}']"), "");
    b.wait_for_path("the web-only wave", |p| p == web_only_path);
    assert_eq!(
        b.exec("return document.querySelectorAll(\"form[action$='/papier']\").length;"),
        serde_json::json!(0)
    );
    assert!(b
        .exec("return document.querySelector('main').innerText;")
        .as_str()
        .unwrap_or("")
        .contains(&t(ui, "paper-forms-no-paper")));
}

/// Clicks the first element matching `css` whose visible text is `text` (any text when empty), as a
/// person would: scrolled into view, only if it is shown and nothing covers it, and focused (as a
/// mouse click focuses a field, so that typing goes there).
fn click(b: &Browser, css: &str, text: &str) {
    let script = format!(
        "var want = {}; var els = Array.prototype.filter.call(document.querySelectorAll({}), function (e) {{ \
           return want === '' || (e.innerText || e.value || '').trim() === want; }}); \
         if (!els.length) return 'not on the page'; \
         var e = els[0]; e.scrollIntoView({{block: 'center'}}); var r = e.getBoundingClientRect(); \
         if (r.width === 0 || r.height === 0) return 'not shown'; \
         var at = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2); \
         if (!at || !(at === e || e.contains(at) || (at.tagName === 'LABEL' && at.htmlFor === e.id))) \
           return 'covered by ' + (at ? at.tagName : 'nothing'); \
         e.focus({{preventScroll: true}}); e.click(); return 'ok';",
        serde_json::to_string(text).unwrap(),
        serde_json::to_string(css).unwrap()
    );
    let r = b.exec(&script);
    assert_eq!(
        r,
        serde_json::json!("ok"),
        "clicking {css} {text:?} at {}",
        b.url()
    );
}

/// Waits until `condition` (a script expression) is true.
fn wait_until(b: &Browser, what: &str, condition: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while b.exec(&format!("return !!({condition});")) != serde_json::json!(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "waited for {what} at {}",
            b.url()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// From the front door to the first question, by clicking: the home page, the language in the
/// header, the main button "Vragenlijst invullen", the code from the letter, the start button.
fn from_the_front_door(b: &Browser, app: &TestApp, code: &str, lang: Lang) {
    b.goto(&format!("{}/", app.base));
    click(b, "header nav.languages a", lang.native_name());
    wait_until(
        b,
        "the home page in the chosen language",
        &format!("document.documentElement.lang === '{}'", lang.code()),
    );
    click(b, "main a", &t(lang, "home-survey-link"));
    b.wait_for_path("the code page", |p| p == "/v");
    click(b, "input#code", "");
    b.keys(code);
    click(b, "form[action='/v'] button[type=submit]", "");
    b.wait_for_path("the start page", |p| p == "/v/start");
    click(b, "main a.button", "");
    b.wait_for_path("the first question", |p| p == "/v/vraag/0");
}

/// The step number of a question page's path.
fn step_of(path: &str) -> Option<usize> {
    path.strip_prefix("/v/vraag/")
        .and_then(|s| s.split('?').next())
        .and_then(|s| s.parse().ok())
}

/// Chooses an answer by clicking (or types one), so that follow-up questions open: "ja" where it
/// exists, a 5 as grade (then "why?" follows), a 4 on scales, two boxes of a multiple choice.
fn answer_by_clicking(b: &Browser, item: &Item, typed: &str) {
    let key = item.key.as_str();
    let choose = |value: &str| click(b, &format!("input[name='{key}'][value='{value}']"), "");
    match &item.kind {
        ItemKind::Grade => choose("5"),
        ItemKind::Scale { .. } => choose("4"),
        ItemKind::Single { options, .. } => choose(
            &options
                .iter()
                .find(|o| o.code == "ja")
                .unwrap_or(&options[0])
                .code,
        ),
        ItemKind::Multi { options, .. } => {
            for o in options.iter().take(2) {
                choose(&o.code);
            }
        }
        ItemKind::Text { .. } | ItemKind::Number { .. } => {
            click(b, &format!("#{key}"), "");
            b.keys(if matches!(item.kind, ItemKind::Number { .. }) {
                "3"
            } else {
                typed
            });
        }
    }
}

/// What the progress block says now: its text and the bar's value and maximum.
fn progress_now(b: &Browser) -> (String, f64, f64) {
    let v = b.exec(
        "var p = document.querySelector('p#voortgang'), bar = document.querySelector('progress'); \
         return [p ? p.innerText.trim() : '', bar ? bar.value : -1, bar ? bar.max : -1, \
                 bar ? bar.getAttribute('aria-labelledby') : ''];",
    );
    assert_eq!(v[3], serde_json::json!("voortgang"), "the bar is named");
    (
        v[0].as_str().unwrap_or("").to_string(),
        v[1].as_f64().unwrap_or(-1.0),
        v[2].as_f64().unwrap_or(-1.0),
    )
}

/// The whole numbers in a text ("Deel 2 van 10: …" gives 2 and 10).
fn numbers_in(text: &str) -> Vec<usize> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter_map(|p| p.parse().ok())
        .collect()
}

/// Problems with the smileys on the page: emoji anywhere in its text, a scale without five drawn
/// faces, a face that is not shown, not hidden from screen readers, or below 3:1 against what is
/// behind it (WCAG 1.4.11), or a face without its text label.
fn smiley_problems(b: &Browser, labels: &[String]) -> Vec<String> {
    let v = b.exec(&format!(
        "var bad = [], labels = {}; \
         var emoji = /[\\p{{Emoji_Presentation}}\\u{{1F000}}-\\u{{1FAFF}}]/u; \
         if (!emoji.test('\\u{{1F642}}')) bad.push('the emoji check does not work'); \
         if (emoji.test(document.body.innerText)) bad.push('emoji in the text'); \
         function rgb(s) {{ var m = s.match(/[\\d.]+/g) || []; return m.map(Number); }} \
         function lum(c) {{ var a = c.slice(0, 3).map(function (v) {{ v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }}); \
           return 0.2126 * a[0] + 0.7152 * a[1] + 0.0722 * a[2]; }} \
         function behind(e) {{ for (; e; e = e.parentElement) {{ var c = rgb(getComputedStyle(e).backgroundColor); \
           if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c; }} return [255, 255, 255]; }} \
         var faces = document.querySelectorAll('fieldset.question label svg.face'); \
         if (faces.length !== 5) bad.push(faces.length + ' faces'); \
         faces.forEach(function (f, i) {{ \
           var r = f.getBoundingClientRect(), s = getComputedStyle(f); \
           if (r.width < 24 || r.height < 24 || s.visibility !== 'visible' || s.display === 'none' || s.opacity !== '1') bad.push('face ' + (i + 1) + ' not shown: ' + r.width + 'x' + r.height); \
           if (f.getAttribute('aria-hidden') !== 'true') bad.push('face ' + (i + 1) + ' not decorative'); \
           if (f.getAttribute('data-point') !== String(i + 1)) bad.push('face ' + (i + 1) + ' out of order'); \
           var stroke = rgb(getComputedStyle(f.querySelector('circle')).stroke), back = behind(f); \
           var l1 = lum(stroke), l2 = lum(back), ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05); \
           if (!(ratio >= 3)) bad.push('face ' + (i + 1) + ' contrast ' + ratio.toFixed(2)); \
           var label = f.closest('label'); \
           if (!label || label.innerText.trim() !== labels[i]) bad.push('face ' + (i + 1) + ' label: ' + (label ? label.innerText.trim() : 'none')); }}); \
         var mouths = Array.prototype.map.call(faces, function (f) {{ return f.querySelector('path').getAttribute('d'); }}); \
         if (new Set(mouths).size !== faces.length) bad.push('faces look alike'); \
         return bad;",
        serde_json::to_string(labels).unwrap()
    ));
    v.as_array()
        .map(|a| {
            a.iter()
                .map(|x| x.as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_else(|| vec![format!("unexpected: {v}")])
}

#[test]
fn smileys_are_drawn_not_typed_and_pass_axe_in_dutch_and_arabic() {
    let Some((b, axe)) = browser_or_skip("survey_smileys") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "survey_smileys") else {
        return;
    };
    let def = standard();
    let all: Vec<&Item> = def.items().collect();
    let smiley = all
        .iter()
        .position(|i| matches!(i.kind, ItemKind::Scale { smileys: true, .. }))
        .expect("the standard questionnaire has a smiley question");
    let wording = match all[smiley].kind {
        ItemKind::Scale { wording, .. } => wording,
        _ => unreachable!(),
    };
    let w = wave(&app, 0, 30, &[]);
    let codes = make_codes(&app, w.id, 2);
    let mut report = vec![];
    for (lang, code) in [Lang::Nl, Lang::Ar].into_iter().zip(&codes) {
        from_the_front_door(&b, &app, code, lang);
        // Click on to the smiley question.
        loop {
            let path = b.wait_for_path("a question", |p| p.starts_with("/v/vraag/"));
            let step = step_of(&path).unwrap();
            if step == smiley {
                break;
            }
            answer_by_clicking(&b, all[step], "Goed.");
            click(&b, "form#vraagformulier button[value=volgende]", "");
            b.wait_for_path("the next question", |p| p != path);
        }
        let labels: Vec<String> = klankbord::surveys::answers::scale_label_keys(wording)
            .iter()
            .map(|k| t(lang, k))
            .collect();
        for p in smiley_problems(&b, &labels) {
            report.push(format!("{}: {p}", lang.code()));
        }
        // Chosen, the face's option shows it (and the check still holds on the chosen colour).
        click(
            &b,
            &format!("input[name='{}'][value='5']", all[smiley].key),
            "",
        );
        for p in smiley_problems(&b, &labels) {
            report.push(format!("{} with a choice: {p}", lang.code()));
        }
        for v in b.axe_violations(&axe) {
            report.push(format!("{} axe: {v}", lang.code()));
        }
        for p in touch_and_text_size_problems(&b) {
            report.push(format!("{} size: {p}", lang.code()));
        }
    }
    assert!(report.is_empty(), "smiley page:\n{}", report.join("\n"));
}

#[test]
fn progress_only_grows_and_a_language_switch_keeps_typed_text() {
    let Some((b, _)) = browser_or_skip("survey_progress_language") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "survey_progress_language") else {
        return;
    };
    // With a number question at the end, to press Enter in a field.
    let def = with_number_item(&app);
    let all: Vec<&Item> = def.items().collect();
    let w = wave(&app, 0, 30, &[]);
    let code = make_codes(&app, w.id, 1).remove(0);
    from_the_front_door(&b, &app, &code, Lang::Nl);
    let typed = "De consulent nam echt de tijd.";
    let mut lang = Lang::Nl;
    let mut switched = false;
    let mut seen: Vec<(String, Vec<usize>, f64)> = vec![];
    let mut keys = vec![];
    loop {
        let path = b.wait_for_path("a question or the summary", |p| {
            p.starts_with("/v/vraag/") || p.starts_with("/v/overzicht")
        });
        let Some(step) = step_of(&path) else { break };
        let item = all[step];
        keys.push(item.key.clone());
        let (text, value, max) = progress_now(&b);
        let n = numbers_in(&text);
        assert_eq!(max, 100.0, "{text}");
        assert_eq!(
            n.get(1),
            Some(&def.sections.len()),
            "{text}: the number of parts never moves"
        );
        if let Some((before, m, v)) = seen.last() {
            assert!(
                n[0] >= m[0] && value > *v,
                "progress went back or stood still: {before} ({v}) then {text} ({value}) at {}",
                item.key
            );
        }
        seen.push((text.clone(), n, value));
        answer_by_clicking(&b, item, typed);
        if matches!(item.kind, ItemKind::Text { .. }) && !switched {
            // The header's language, clicked with the text typed but not yet sent.
            click(&b, "header nav.languages button", Lang::En.native_name());
            wait_until(
                &b,
                "the page in English",
                "document.documentElement.lang === 'en'",
            );
            assert_eq!(b.wait_for_path("the same question", |_| true), path);
            let kept = b.exec(&format!(
                "return document.getElementById('{}').value;",
                item.key
            ));
            assert_eq!(kept, serde_json::json!(typed), "the typed answer survived");
            let (after, after_value, _) = progress_now(&b);
            assert_eq!(numbers_in(&after), seen.last().unwrap().1);
            assert_eq!(after_value, value, "the same place, in English");
            assert!(after.starts_with(&t_args(
                Lang::En,
                "respond-progress-part",
                &[
                    ("n", &seen.last().unwrap().1[0].to_string()),
                    ("total", &def.sections.len().to_string())
                ]
            )));
            lang = Lang::En;
            switched = true;
        }
        if matches!(item.kind, ItemKind::Number { .. }) {
            // Enter in the field does what "Next" does (the header's language buttons come first
            // on the page but are not the form's default button).
            b.keys(ENTER);
            assert_eq!(
                b.exec("return document.documentElement.lang;"),
                serde_json::json!(lang.code())
            );
        } else {
            click(
                &b,
                "form#vraagformulier button[value=volgende]",
                &t(lang, "respond-next"),
            );
        }
        b.wait_for_path("the next page", |p| p != path);
        assert!(keys.len() <= all.len());
    }
    assert!(switched, "a text question was on the way");
    assert!(keys.contains(&"aantal_kinderen".to_string()));
    assert!(
        keys.contains(&"waarom_cijfer".to_string()) && keys.contains(&"tv_afhandeling".to_string()),
        "follow-up questions opened on the way: {keys:?}"
    );
    // The summary shows the answer typed before the switch; sending stores it.
    let summary = b.exec("return document.querySelector('main').innerText;");
    assert!(summary.as_str().unwrap_or("").contains(typed), "{summary}");
    click(
        &b,
        "form#verzendformulier button[type=submit]",
        &t(lang, "respond-send"),
    );
    b.wait_for_path("the thank-you page", |p| p.starts_with("/v/bedankt"));
    let stored: Vec<String> = responses::table
        .select(responses::answers)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(stored.len(), 1);
    assert!(stored[0].contains(typed), "{}", stored[0]);
}
