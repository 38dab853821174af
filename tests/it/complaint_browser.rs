//! The complaint pages in a real headless Chromium: a complaint sent by keyboard alone, and axe-core
//! (WCAG 2.1 A/AA) on the public form (empty and with errors), the receipt, the follow page and the
//! status page in every language, and on the staff case page.

use klankbord::accounts::model::Role;
use klankbord::web::i18n::{t, Lang};

use crate::browser::{browser_or_skip, login_by_keyboard};
use crate::support::browser::ENTER;
use crate::support::{Backend, TestApp};
use crate::survey_browser::touch_and_text_size_problems;

fn visible_focus(f: &serde_json::Value) -> bool {
    let outline = f["outline"].as_str().unwrap_or("none");
    !outline.starts_with("none") || f["shadow"].as_str().unwrap_or("none") != "none"
}

#[test]
fn a_complaint_is_sent_and_followed_by_keyboard_alone() {
    let Some((b, _axe)) = browser_or_skip("complaint_keyboard") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "complaint_keyboard") else {
        return;
    };
    b.goto(&format!("{}/klacht?lang=nl", app.base));
    let f = b.tab_until("the description", 40, |f| f["id"] == "omschrijving");
    assert!(visible_focus(&f), "{f}");
    b.keys("De medewerker aan de balie lachte mij uit.");
    let f = b.tab_until("the e-mail field", 10, |f| f["id"] == "email");
    assert!(visible_focus(&f), "{f}");
    b.keys("klager@voorbeeld.nl");
    let send = t(Lang::Nl, "complaint-submit");
    let f = b.tab_until("the send button", 10, |f| {
        f["tag"] == "button" && f["text"] == serde_json::json!(send)
    });
    assert!(visible_focus(&f), "{f}");
    b.keys(ENTER);
    b.wait_for_path("the receipt", |p| p.starts_with("/klacht/ontvangen"));
    let code = b.exec("return document.querySelector('p.code strong').textContent;");
    let code = code.as_str().unwrap().to_string();
    assert_eq!(app.count("complaints"), 1);
    // Following it: Tab to the link, Enter, type the code, Enter.
    let f = b.tab_until("the follow link", 40, |f| f["href"] == "/klacht/volgen");
    assert!(visible_focus(&f));
    b.keys(ENTER);
    b.wait_for_path("the follow page", |p| p.starts_with("/klacht/volgen"));
    b.tab_until("the code field", 40, |f| f["id"] == "volgcode");
    b.keys(&code);
    b.keys(ENTER);
    std::thread::sleep(std::time::Duration::from_millis(300));
    let stage = b.exec("return document.querySelector('dl.status dd strong').textContent;");
    assert_eq!(
        stage,
        serde_json::json!(t(Lang::Nl, "complaint-stage-ontvangen"))
    );
}

#[test]
fn complaint_pages_have_no_axe_violations_in_any_language() {
    let Some((b, axe)) = browser_or_skip("complaint_axe") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "complaint_axe") else {
        return;
    };
    let mut report = vec![];
    let mut sizes = vec![];
    let mut check = |what: &str, lang: Lang, b: &crate::support::browser::Browser| {
        for v in b.axe_violations(&axe) {
            report.push(format!("{} {what}: {v}", lang.code()));
        }
        for p in touch_and_text_size_problems(b) {
            sizes.push(format!("{} {what}: {p}", lang.code()));
        }
    };
    for lang in Lang::ALL {
        let l = lang.code();
        b.goto(&format!("{}/klacht?lang={l}", app.base));
        check("complaint form", lang, &b);
        // Sent empty, with a bad e-mail address: the errors are explained.
        b.exec(
            "document.getElementById('email').value = 'geen-adres'; \
             document.querySelector('form[action=\"/klacht\"] button[type=submit]').click();",
        );
        std::thread::sleep(std::time::Duration::from_millis(400));
        let errors = b.exec("return document.querySelectorAll('.error-summary li').length;");
        assert_eq!(errors, serde_json::json!(2), "{l}: description and e-mail");
        check("complaint form with errors", lang, &b);
        b.exec(
            "document.getElementById('omschrijving').value = 'Niet teruggebeld.'; \
             document.getElementById('email').value = 'klager@voorbeeld.nl'; \
             document.querySelector('form[action=\"/klacht\"] button[type=submit]').click();",
        );
        b.wait_for_path("the receipt", |p| p.starts_with("/klacht/ontvangen"));
        check("receipt", lang, &b);
        let code = b.exec("return document.querySelector('p.code strong').textContent;");
        b.goto(&format!("{}/klacht/volgen", app.base));
        check("follow page", lang, &b);
        b.exec(&format!(
            "document.getElementById('volgcode').value = '{}'; \
             document.querySelector('form[action=\"/klacht/volgen\"] button[type=submit]').click();",
            code.as_str().unwrap()
        ));
        std::thread::sleep(std::time::Duration::from_millis(400));
        let stage = b.exec("return document.querySelectorAll('dl.status').length;");
        assert_eq!(stage, serde_json::json!(1), "{l}: status shown");
        check("status page", lang, &b);
        b.goto(&format!("{}/klacht/volgen", app.base));
        b.exec(
            "document.getElementById('volgcode').value = 'ACD-EFG-HJKM'; \
             document.querySelector('form[action=\"/klacht/volgen\"] button[type=submit]').click();",
        );
        std::thread::sleep(std::time::Duration::from_millis(400));
        check("follow page with an error", lang, &b);
    }
    assert_eq!(app.count("complaints"), Lang::ALL.len() as i64);

    // Staff: the overview, the deadline list, registration and a case page with its forms.
    let (user, pass, _) = app.user(
        "axe.klachten",
        &[Role::Klachtcoordinator, Role::Commissielid],
    );
    login_by_keyboard(&b, &app.base, &user, &pass);
    let id: i64 = {
        use diesel::prelude::*;
        klankbord::db::schema::complaints::table
            .select(klankbord::db::schema::complaints::id)
            .order(klankbord::db::schema::complaints::id)
            .first(&mut app.conn())
            .unwrap()
    };
    for path in [
        "/klachten".to_string(),
        "/klachten/termijnen".into(),
        "/klachten/nieuw".into(),
        "/klachten/brieven".into(),
        "/klachten/register".into(),
        "/klachten/categorieen".into(),
        format!(
            "/rapportage?periode={}",
            chrono::Datelike::year(&klankbord::fmt::today())
        ),
        format!("/klachten/{id}"),
    ] {
        let sep = if path.contains('?') { '&' } else { '?' };
        b.goto(&format!("{}{path}{sep}lang=nl", app.base));
        for v in b.axe_violations(&axe) {
            report.push(format!("{path}: {v}"));
        }
    }
    // A refused step shows its reason at the top, and the page still passes.
    b.goto(&format!("{}/klachten/{id}?lang=nl", app.base));
    b.exec(
        "document.querySelector('form.step input[value=\"withdraw\"]').form.querySelector('button').click();",
    );
    std::thread::sleep(std::time::Duration::from_millis(400));
    let errors = b.exec("return document.querySelectorAll('.error-summary li').length;");
    assert_eq!(
        errors,
        serde_json::json!(1),
        "withdrawal without a reason is refused"
    );
    for v in b.axe_violations(&axe) {
        report.push(format!("case page with an error: {v}"));
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
    assert!(
        sizes.is_empty(),
        "too small for a phone:\n{}",
        sizes.join("\n")
    );
}
