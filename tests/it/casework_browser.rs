//! The case page in a real headless Chromium: axe-core (WCAG 2.1 A/AA) on the case page, its
//! confirmation page and the decision pages; the summary comes before the steps and the main next
//! step is reached and taken by keyboard alone, as is closing a case through its confirmation.

use klankbord::accounts::model::Role;
use klankbord::complaints::workflow::State;
use klankbord::web::i18n::{t, Lang};

use crate::browser::{browser_or_skip, login_by_keyboard};
use crate::complaints::{case_in, setup};
use crate::support::browser::ENTER;
use crate::support::{Backend, TestApp};

fn state_of(app: &TestApp, id: i64) -> String {
    use diesel::prelude::*;
    klankbord::db::schema::complaints::table
        .find(id)
        .select(klankbord::db::schema::complaints::state)
        .get_result(&mut app.conn())
        .unwrap()
}

#[test]
fn the_case_page_is_worked_by_keyboard_and_passes_axe() {
    let Some((b, axe)) = browser_or_skip("casework_browser") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "casework_browser") else {
        return;
    };
    let s = setup();
    let (user, pass, _) = app.user("toets.coordinator", &[Role::Klachtcoordinator]);
    login_by_keyboard(&b, &app.base, &user, &pass);
    let mediation = case_in(&app, &s, State::Mediation, false);
    let heard = case_in(&app, &s, State::Heard, false);
    let decided = case_in(&app, &s, State::Decided, false);
    let mut report = vec![];
    let mut axe_check = |what: &str, b: &crate::support::browser::Browser| {
        for v in b.axe_violations(&axe) {
            report.push(format!("{what}: {v}"));
        }
    };

    // The summary is above the steps; the other steps are folded away.
    b.goto(&format!("{}/klachten/{mediation}?lang=nl", app.base));
    axe_check("case page", &b);
    let order = b.exec(
        "var s = document.querySelector('section.case-summary'); var h = document.getElementById('stappen'); \
         return !!s && !!h && (s.compareDocumentPosition(h) & Node.DOCUMENT_POSITION_FOLLOWING) > 0;",
    );
    assert_eq!(order, serde_json::json!(true), "summary first");
    let folded =
        b.exec("var d = document.querySelector('details.more'); return d ? d.open : null;");
    assert_eq!(folded, serde_json::json!(false), "other steps folded");
    // The main next step is the first step button reached by Tab, and Enter takes it.
    let resolve = t(Lang::Nl, "action-resolve_informally");
    let f = b.tab_until("the main step", 80, |f| {
        f["tag"] == "button" && f["text"] == serde_json::json!(resolve)
    });
    assert_eq!(f["tag"], "button");
    b.keys(ENTER);
    b.wait_for_path("the case again", |p| p.contains("melding=case-notice-step"));
    assert_eq!(state_of(&app, mediation), "informeel_opgelost");
    axe_check("case page with a notice", &b);

    // Closing asks first; the confirmation page passes axe and is confirmed by keyboard.
    b.goto(&format!("{}/klachten/{decided}?lang=nl", app.base));
    let close = t(Lang::Nl, "action-close");
    b.tab_until("the close step", 80, |f| {
        f["tag"] == "button" && f["text"] == serde_json::json!(close)
    });
    b.keys(ENTER);
    std::thread::sleep(std::time::Duration::from_millis(400));
    let what = b.exec("return document.querySelector('main').innerText;");
    assert!(
        what.as_str()
            .unwrap_or("")
            .contains(&t(Lang::Nl, "confirm-what-close")),
        "{what}"
    );
    assert_eq!(state_of(&app, decided), "besloten", "not yet");
    axe_check("confirmation page", &b);
    let yes = t(Lang::Nl, "confirm-yes-close");
    b.tab_until("the confirm button", 60, |f| {
        f["tag"] == "button" && f["text"] == serde_json::json!(yes)
    });
    b.keys(ENTER);
    b.wait_for_path("the case again", |p| p.contains("melding=case-notice-step"));
    assert_eq!(state_of(&app, decided), "gesloten");

    // The decision pages.
    b.goto(&format!("{}/klachten/{heard}/beslissing?lang=nl", app.base));
    axe_check("decision draft", &b);
    b.goto(&format!(
        "{}/klachten/{heard}/beslissing/brief?lang=nl",
        app.base
    ));
    axe_check("decision preview", &b);
    b.exec("document.querySelector('#brief-bewerken').closest('details').open = true;");
    axe_check("decision preview with the editor open", &b);
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}
