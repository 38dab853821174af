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

/// Waits until the page that a click opened has loaded (the old page's marker is gone).
fn after_click(b: &crate::support::browser::Browser, click: &str) {
    b.exec(&format!("window.__old_page = true; {click}"));
    for _ in 0..300 {
        std::thread::sleep(std::time::Duration::from_millis(50));
        let gone =
            b.exec("return window.__old_page !== true && document.readyState === 'complete';");
        if gone == serde_json::json!(true) {
            return;
        }
    }
    panic!("the page after `{click}` did not load");
}

/// The coordinator's letters: from the complaints overview to the letters page by its link,
/// print the waiting letters as one PDF (both letters in it, each on its own letterhead page,
/// the name and address in the envelope window), and mark the batch as sent; axe on each page.
#[test]
fn the_coordinator_prints_waiting_letters_as_one_batch_and_marks_it_sent() {
    use diesel::prelude::*;
    use klankbord::complaints::store;
    use klankbord::db::schema::complaint_letters;
    let Some((b, axe)) = browser_or_skip("casework_browser letters") else {
        return;
    };
    let Some(app) = TestApp::spawn(Backend::Sqlite, "casework_browser_letters") else {
        return;
    };
    let s = setup();
    // Two complaints by post: each gets an acknowledgement to print.
    for (name, street) in [
        ("Mevrouw A. de Vries", "Dorpsstraat 1"),
        ("De heer K. Yilmaz", "Kerkweg 22"),
    ] {
        let new = store::NewComplaint {
            received_on: klankbord::fmt::today(),
            channel: klankbord::complaints::terms::Channel::Letter,
            language: klankbord::web::i18n::Lang::Nl,
            name: Some(name.into()),
            address: Some(format!("{street}\n1234 AB Voorbeeld")),
            description: "Ik werd aan de balie niet geholpen.".into(),
            ..Default::default()
        };
        store::register(&mut app.conn(), &s.env(), &new, None).unwrap();
    }
    let waiting = || -> i64 {
        complaint_letters::table
            .filter(complaint_letters::printed_on.is_null())
            .count()
            .get_result(&mut app.conn())
            .unwrap()
    };
    assert_eq!(waiting(), 2);
    let (user, pass, _) = app.user("brieven.coordinator", &[Role::Klachtcoordinator]);
    login_by_keyboard(&b, &app.base, &user, &pass);
    let mut report = vec![];
    b.goto(&format!("{}/klachten?lang=nl", app.base));
    after_click(
        &b,
        "document.querySelector('a[href=\"/klachten/brieven\"]').click();",
    );
    for v in b.axe_violations(&axe) {
        report.push(format!("letters page: {v}"));
    }
    let chosen = b.exec("return document.querySelectorAll('input[name=brief]:checked').length;");
    assert_eq!(
        chosen,
        serde_json::json!(2),
        "both waiting letters are chosen"
    );
    after_click(
        &b,
        "document.querySelector('form[action=\"/klachten/brieven/stapel\"] button[type=submit]').click();",
    );
    for v in b.axe_violations(&axe) {
        report.push(format!("letters page with a batch: {v}"));
    }
    // The batch's PDF, fetched as the browser opens it.
    let href = b.exec(
        "var a = document.querySelector('a[href^=\"/klachten/brieven/stapel/\"][href$=\"/pdf\"]'); return a ? a.getAttribute('href') : null;",
    );
    let href = href
        .as_str()
        .expect("a link to the batch's PDF")
        .to_string();
    let got = b.exec_async(&format!(
        "var done = arguments[arguments.length - 1]; \
         fetch('{href}').then(r => r.arrayBuffer().then(buf => {{ \
           var bytes = new Uint8Array(buf), s = ''; \
           for (var i = 0; i < bytes.length; i += 8192) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 8192)); \
           done([r.headers.get('content-type'), btoa(s)]); }}));"
    ));
    assert_eq!(got[0], serde_json::json!("application/pdf"));
    let bytes = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        got[1].as_str().unwrap(),
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("stapel.pdf");
    std::fs::write(&path, &bytes).unwrap();
    if let Some(read) = crate::support::pdf::read("casework_browser letters", &path) {
        assert!(
            read.pages() >= 2,
            "one letter per page at least: {}",
            read.info
        );
        for want in ["Mevrouw A. de Vries", "De heer K. Yilmaz", "Ons kenmerk"] {
            assert!(read.text.contains(want), "{want} in the batch");
        }
        // Each addressee's name lies in the window of a Dutch window envelope (window on the left:
        // 20 to 120 mm from the left edge, 45 to 90 mm from the top; 1 mm = 72 / 25.4 points).
        let bbox = std::process::Command::new("pdftotext")
            .arg("-bbox")
            .arg(&path)
            .arg("-")
            .output()
            .expect("pdftotext");
        let html = String::from_utf8_lossy(&bbox.stdout).to_string();
        let mm = |line: &str, attr: &str| -> f64 {
            let at = line.find(&format!("{attr}=\"")).unwrap() + attr.len() + 2;
            let pt: f64 = line[at..].split('"').next().unwrap().parse().unwrap();
            pt * 25.4 / 72.0
        };
        for surname in ["Vries", "Yilmaz"] {
            let in_window = html
                .lines()
                .filter(|l| l.contains(&format!(">{surname}<")))
                .any(|l| {
                    mm(l, "xMin") >= 20.0
                        && mm(l, "xMax") <= 120.0
                        && mm(l, "yMin") >= 45.0
                        && mm(l, "yMax") <= 90.0
                });
            assert!(in_window, "{surname} in the envelope window");
        }
    }
    assert_eq!(waiting(), 2, "printing is not posting");
    after_click(
        &b,
        "document.querySelector('form[action$=\"/verstuurd\"][action^=\"/klachten/brieven/stapel/\"] button[type=submit]').click();",
    );
    for v in b.axe_violations(&axe) {
        report.push(format!("letters page after posting: {v}"));
    }
    assert_eq!(waiting(), 0, "the batch is marked as sent");
    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}
