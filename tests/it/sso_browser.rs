//! Single sign-on by keyboard in a real browser against a real provider, then setting up and using a
//! two-factor code; axe-core on every new page (WCAG 2.1 A/AA).

use klankbord::accounts::model::Role;

use crate::browser::browser_or_skip;
use crate::support::browser::{Browser, ENTER, TAB};
use crate::support::oidc::{spawn_app, MockProvider};
use crate::support::Backend;

fn axe_clean(browser: &Browser, axe: &str, page: &str, report: &mut Vec<String>) {
    for v in browser.axe_violations(axe) {
        report.push(format!("{page}: {v}"));
    }
}

fn wait_for_url(browser: &Browser, what: &str, pred: impl Fn(&str) -> bool) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let url = browser.url();
        if pred(&url) {
            return url;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "waited for {what}; at {url}"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn wait_for_element(browser: &Browser, css: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while browser.element(css).is_none() {
        assert!(
            std::time::Instant::now() < deadline,
            "waited for {css}; at {}",
            browser.url()
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

fn app_code(secret: &str, unix: u64) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret.replace(' ', "")).unwrap();
    totp_rs::Builder::new()
        .with_secret(secret)
        .with_account_name("test")
        .build()
        .unwrap()
        .generate(unix)
        .to_string()
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn type_password_login(browser: &Browser, base: &str, user: &str, pass: &str) {
    browser.goto(&format!("{base}/inloggen?lang=nl"));
    browser.tab_until("the user name field", 40, |f| f["id"] == "gebruikersnaam");
    browser.keys(user);
    browser.keys(TAB);
    assert_eq!(browser.focused()["id"], "wachtwoord");
    browser.keys(pass);
    browser.keys(ENTER);
}

#[test]
fn sso_login_then_two_factor_codes_by_keyboard() {
    let test = "sso_browser::sso_login_then_two_factor_codes_by_keyboard";
    let Some((browser, axe)) = browser_or_skip(test) else {
        return;
    };
    let Some(mock) = MockProvider::start(test) else {
        return;
    };
    let env = [
        ("KLANKBORD_OIDC_ISSUER", mock.issuer.as_str()),
        ("KLANKBORD_OIDC_CLIENT_ID", "klankbord"),
        ("KLANKBORD_OIDC_CLIENT_SECRET", "test-secret"),
        ("KLANKBORD_OIDC_ROLE_CLAIM", "groups"),
        ("KLANKBORD_OIDC_ROLES", "kb-klachten=klachtcoordinator"),
        (
            "KLANKBORD_TOTP_REQUIRED_ROLES",
            klankbord::config::DEFAULT_TOTP_ROLES,
        ),
    ];
    let Some(app) = spawn_app(Backend::Sqlite, test, &env) else {
        return;
    };
    let base = app.base.clone();
    let mut report = vec![];
    mock.set_user(
        "eva-7",
        serde_json::json!({"groups": ["kb-klachten"], "name": "Eva Smit", "preferred_username": "e.smit"}),
    );

    // The login page with the organisation-account button; Tab to it and press Enter.
    browser.goto(&format!("{base}/inloggen?lang=nl"));
    axe_clean(
        &browser,
        &axe,
        "/inloggen (with single sign-on)",
        &mut report,
    );
    let f = browser.tab_until("the organisation-account button", 40, |f| {
        f["id"] == "sso-login"
    });
    assert!(
        !f["outline"].as_str().unwrap_or("none").starts_with("none")
            || f["shadow"].as_str().unwrap_or("none") != "none",
        "focus must be visible: {f}"
    );
    browser.keys(ENTER);
    wait_for_url(&browser, "the provider's page", |u| {
        u.starts_with(&mock.issuer)
    });
    // At the provider: its name field has the focus; type the person and press Enter.
    browser.keys("eva-7");
    browser.keys(ENTER);
    wait_for_url(&browser, "the workspace", |u| u.ends_with("/werkplek"));
    let text = browser.exec("return document.querySelector('main').innerText;");
    assert!(
        text.as_str().unwrap_or("").contains("Klachtcoördinator"),
        "{text}"
    );
    axe_clean(&browser, &axe, "/werkplek (SSO)", &mut report);
    browser.goto(&format!("{base}/account/tweestaps"));
    axe_clean(&browser, &axe, "/account/tweestaps (SSO)", &mut report);

    // Logout by keyboard ends the session at the provider too, and comes back.
    browser.goto(&format!("{base}/werkplek"));
    browser.tab_until("the logout button", 40, |f| f["text"] == "Uitloggen");
    browser.keys(ENTER);
    wait_for_url(&browser, "the provider's logout page", |u| {
        u.starts_with(&mock.issuer)
    });
    browser.tab_until("the provider's end-session button", 20, |f| {
        f["text"] == "End session"
    });
    browser.keys(ENTER);
    wait_for_url(&browser, "the login page after logout", |u| {
        u.ends_with("/inloggen?melding=notice-logged-out")
    });
    axe_clean(&browser, &axe, "/inloggen after logout", &mut report);

    // A refusal page.
    browser.goto(&format!("{base}/inloggen/sso/terug"));
    axe_clean(&browser, &axe, "/inloggen/sso/terug (refused)", &mut report);

    // A password account whose role sees personal data sets up codes at its first login.
    let (user, pass, _) = app.user("k.browser", &[Role::Klachtbehandelaar]);
    type_password_login(&browser, &base, &user, &pass);
    wait_for_url(&browser, "the set-up page", |u| {
        u.ends_with("/inloggen/tweestaps")
    });
    axe_clean(&browser, &axe, "/inloggen/tweestaps", &mut report);
    let secret = browser
        .exec("return document.getElementById('totp-secret').innerText;")
        .as_str()
        .unwrap_or("")
        .to_string();
    browser.tab_until("the code field", 40, |f| f["id"] == "code");
    let t0 = now();
    browser.keys(&app_code(&secret, t0));
    browser.keys(ENTER);
    wait_for_element(&browser, "#recovery-codes");
    axe_clean(&browser, &axe, "recovery codes", &mut report);
    browser.tab_until("the continue link", 40, |f| f["href"] == "/werkplek");
    browser.keys(ENTER);
    wait_for_url(&browser, "the workspace", |u| u.ends_with("/werkplek"));
    browser.goto(&format!("{base}/account/tweestaps"));
    axe_clean(&browser, &axe, "/account/tweestaps (on)", &mut report);

    // Log out and in again: the code page, a wrong code, then the next right one.
    browser.tab_until("the logout button", 40, |f| f["text"] == "Uitloggen");
    browser.keys(ENTER);
    wait_for_url(&browser, "the login page", |u| u.contains("/inloggen"));
    type_password_login(&browser, &base, &user, &pass);
    wait_for_url(&browser, "the code page", |u| u.ends_with("/inloggen/code"));
    axe_clean(&browser, &axe, "/inloggen/code", &mut report);
    browser.tab_until("the code field", 40, |f| f["id"] == "code");
    browser.keys("000000");
    browser.keys(ENTER);
    wait_for_element(&browser, ".error-summary");
    axe_clean(&browser, &axe, "/inloggen/code (wrong code)", &mut report);
    browser.tab_until("the code field", 40, |f| f["id"] == "code");
    browser.keys(&app_code(&secret, t0 + 30));
    browser.keys(ENTER);
    wait_for_url(&browser, "the workspace", |u| u.ends_with("/werkplek"));

    assert!(report.is_empty(), "axe violations:\n{}", report.join("\n"));
}
