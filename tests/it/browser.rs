//! What only a browser shows: axe-core finds no WCAG 2.1 A/AA violations on the public pages in
//! every language, and staff can log in with the keyboard alone.

use klankbord::accounts::model::Role;
use klankbord::web::i18n::Lang;

use crate::support::browser::{axe_source, Browser, ENTER, TAB};
use crate::support::{skip, Backend, TestApp};

pub(crate) fn browser_or_skip(test: &str) -> Option<(Browser, String)> {
    let axe = match axe_source() {
        Ok(a) => a,
        Err(e) => {
            skip(test, &e);
            return None;
        }
    };
    match Browser::start() {
        Ok(b) => Some((b, axe)),
        Err(e) => {
            skip(test, &e);
            None
        }
    }
}

#[test]
fn public_pages_have_no_axe_violations_in_any_language() {
    let Some((browser, axe)) = browser_or_skip("axe") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "axe") else {
        return;
    };
    let mut report = vec![];
    for lang in Lang::ALL {
        for path in [
            "/",
            "/inloggen",
            "/privacy",
            "/toegankelijkheid",
            "/bestaat-niet",
        ] {
            browser.goto(&format!("{}{path}?lang={}", app.base, lang.code()));
            let violations = browser.axe_violations(&axe);
            for v in violations {
                report.push(format!("{} {path}: {v}", lang.code()));
            }
        }
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}

#[test]
fn staff_pages_have_no_axe_violations() {
    let Some((browser, axe)) = browser_or_skip("axe_staff") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "axe_staff") else {
        return;
    };
    let (user, pass, id) = app.user("axe.beheer", &[Role::Beheerder]);
    login_by_keyboard(&browser, &app.base, &user, &pass);
    let mut report = vec![];
    for path in [
        "/werkplek".to_string(),
        "/beheer/gebruikers".into(),
        format!("/beheer/gebruikers/{id}"),
        "/beheer/audit".into(),
        "/beheer/mail".into(),
        "/account/wachtwoord".into(),
    ] {
        browser.goto(&format!("{}{path}", app.base));
        for v in browser.axe_violations(&axe) {
            report.push(format!("{path}: {v}"));
        }
    }
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}

/// Tabs from the top of the login page to the name field, types, and submits with Enter.
pub(crate) fn login_by_keyboard(browser: &Browser, base: &str, user: &str, pass: &str) {
    browser.goto(&format!("{base}/inloggen"));
    let mut seen = vec![];
    for _ in 0..40 {
        browser.keys(TAB);
        let f = browser.focused();
        seen.push(format!(
            "{}#{}",
            f["tag"].as_str().unwrap_or(""),
            f["id"].as_str().unwrap_or("")
        ));
        if f["id"] == "gebruikersnaam" {
            break;
        }
    }
    assert_eq!(
        seen.last().map(String::as_str),
        Some("input#gebruikersnaam"),
        "focus order: {seen:?}"
    );
    browser.keys(user);
    browser.keys(TAB);
    assert_eq!(browser.focused()["id"], "wachtwoord");
    browser.keys(pass);
    browser.keys(ENTER);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !browser.url().ends_with("/werkplek") {
        assert!(
            std::time::Instant::now() < deadline,
            "not logged in; at {}: {}",
            browser.url(),
            browser.exec("return document.querySelector('main').innerText + ' | name=' + (document.getElementById('gebruikersnaam') || {}).value;")
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

#[test]
fn login_works_by_keyboard_alone_with_visible_focus() {
    let Some((browser, _)) = browser_or_skip("keyboard_login") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "keyboard_login") else {
        return;
    };
    let (user, pass, _) = app.user("toetsenbord", &[Role::Onderzoeker]);
    // The first Tab lands on the skip link, which is visible when focused and jumps to the content.
    // (Dutch chosen explicitly: headless Chromium asks for English.)
    browser.goto(&format!("{}/inloggen?lang=nl", app.base));
    browser.keys(TAB);
    let f = browser.focused();
    assert_eq!(f["href"], "#inhoud", "first tab stop: {f}");
    assert!(
        !f["outline"].as_str().unwrap_or("none").starts_with("none"),
        "focus must be visible: {f}"
    );
    let visible = browser.exec("var r = document.activeElement.getBoundingClientRect(); return r.top >= 0 && r.height > 0;");
    assert_eq!(visible, serde_json::json!(true));
    browser.keys(ENTER);
    assert_eq!(
        browser.exec("return location.hash;"),
        serde_json::json!("#inhoud")
    );
    login_by_keyboard(&browser, &app.base, &user, &pass);
    let heading = browser.exec("return document.querySelector('h1').textContent;");
    assert_eq!(
        heading,
        serde_json::json!(klankbord::web::i18n::t(Lang::Nl, "workspace-title"))
    );
    // Logging out is a keyboard-reachable button too.
    assert!(browser.element("nav.staff form button").is_some());
}
