//! Staff accounts through the web: login, lock-out, rate limit, CSRF, sessions, administration.

use klankbord::accounts::model::Role;
use klankbord::web::i18n::{t, Lang};

use crate::both_backends;
use crate::support::{Backend, TestApp};

both_backends!(login_and_logout, |app| {
    let (user, pass, _) = app.user("k.coord", &[Role::Klachtcoordinator]);
    let c = app.client();
    // Not logged in: the workspace sends you to the login page and back afterwards.
    let r = c.get("/werkplek");
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/inloggen?terug=/werkplek"));
    let r = c.get("/inloggen?terug=/werkplek");
    assert_eq!(
        r.attr("input[name=terug]", "value").as_deref(),
        Some("/werkplek")
    );
    let r = c.login(&user, &pass);
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/werkplek"));
    let cookie = r
        .headers_all("set-cookie")
        .into_iter()
        .find(|v| v.starts_with("kb_sessie="))
        .expect("session cookie");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"));
    let w = c.get("/werkplek");
    assert_eq!(w.status, 200);
    assert!(w.body.contains("Test k.coord"));
    assert!(w
        .texts("li")
        .contains(&t(Lang::Nl, "role-klachtcoordinator")));
    assert_eq!(w.header("cache-control"), Some("no-store"));
    // Logging out ends the session on the server, not just the cookie.
    let token = c.cookie("kb_sessie").unwrap();
    let out = c.submit("/werkplek", "/uitloggen", &[]);
    assert_eq!(out.status, 303);
    assert_eq!(app.count("sessions"), 0);
    let replay = crate::support::Client::with_cookies(&app.base, &[("kb_sessie", &token)]);
    assert_eq!(replay.get("/werkplek").status, 303);
});

both_backends!(wrong_password_and_growing_wait, |app| {
    let (user, pass, _) = app.user("t.behandel", &[Role::Klachtbehandelaar]);
    let c = app.client();
    let r = c.login(&user, "verkeerd wachtwoord 123");
    assert_eq!(r.status, 422);
    assert!(r
        .texts(".error-summary li")
        .contains(&t(Lang::Nl, "login-wrong")));
    // The name stays filled in; the password does not.
    assert_eq!(
        r.attr("#gebruikersnaam", "value").as_deref(),
        Some(user.as_str())
    );
    assert_eq!(r.attr("#wachtwoord", "value").as_deref(), Some(""));
    for _ in 0..3 {
        c.login(&user, "nog steeds verkeerd");
    }
    // The fifth failure in a row: this name from this address waits a while.
    let r = c.login(&user, "vijfde keer verkeerd");
    assert_eq!(r.status, 422);
    assert!(r.body.contains("te vaak"), "{}", r.body);
    // While waiting even the right password is not checked.
    let r = c.login(&user, &pass);
    assert_eq!(r.status, 422);
    assert!(r.body.contains("te vaak"));
    assert_eq!(app.count("sessions"), 0);
    // Each failure on a real account is in the audit log (account number only).
    let failed: i64 = {
        use diesel::prelude::*;
        use klankbord::db::schema::audit_log::dsl::*;
        audit_log
            .filter(action.eq("user.login_failed"))
            .count()
            .get_result(&mut app.conn())
            .unwrap()
    };
    assert_eq!(failed, 5);
    // Only a keyed hash of name and address is stored.
    use diesel::prelude::*;
    let buckets: Vec<String> = klankbord::db::schema::login_failures::table
        .select(klankbord::db::schema::login_failures::bucket)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(buckets.len(), 1);
    assert!(!buckets[0].contains("behandel"), "{buckets:?}");
});

/// Logs in through the form as if from `address` (the app trusts `X-Forwarded-For`).
fn login_from(
    c: &crate::support::Client,
    address: &str,
    user: &str,
    pass: &str,
) -> crate::support::Resp {
    let page = c.get("/inloggen");
    let token = page.csrf();
    c.post_with(
        "/inloggen",
        &[
            ("csrf", token.as_str()),
            ("gebruikersnaam", user),
            ("wachtwoord", pass),
        ],
        &[("X-Forwarded-For", address)],
    )
}

/// An app behind a (test) load balancer, so that each client can come from its own address.
fn behind_proxy(backend: Backend, test: &str) -> Option<TestApp> {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.path().join("klankbord.db").display()),
        Backend::Postgres => match crate::support::pg::new_database() {
            Ok(url) => url,
            Err(reason) => {
                crate::support::skip(test, &reason);
                return None;
            }
        },
    };
    Some(TestApp::spawn_with(
        backend,
        url,
        dir,
        &[("KLANKBORD_BEHIND_PROXY", "true")],
    ))
}

fn an_attacker_cannot_keep_a_known_person_out(backend: Backend) {
    let Some(app) = behind_proxy(backend, "an_attacker_cannot_keep_a_known_person_out") else {
        return;
    };
    let (user, pass, _) = app.user("k.coordinator", &[Role::Klachtcoordinator]);
    // The attacker knows the coordinator's login name and tries all day from his address.
    let attacker = app.client();
    for i in 0..12 {
        let r = login_from(&attacker, "203.0.113.66", &user, &format!("gok nummer {i}"));
        assert_eq!(r.status, 422);
    }
    // The coordinator at her desk logs in at once.
    let desk = app.client();
    let r = login_from(&desk, "198.51.100.10", &user, &pass);
    assert_eq!(r.status, 303, "{}", r.body);
    // The wait says nothing about which names exist: a made-up name gets the same page.
    let a = login_from(&attacker, "203.0.113.66", &user, "nog een gok");
    let made_up = app.client();
    for i in 0..5 {
        login_from(
            &made_up,
            "203.0.113.66",
            "bestaat.niet",
            &format!("gok {i}"),
        );
    }
    let b = login_from(&made_up, "203.0.113.66", "bestaat.niet", "nog een gok");
    assert_eq!(a.status, b.status);
    assert_eq!(a.texts(".error-summary li").len(), 1);
    let strip = |r: &crate::support::Resp| {
        r.texts(".error-summary li")[0]
            .chars()
            .filter(|c| !c.is_ascii_digit())
            .collect::<String>()
    };
    assert_eq!(strip(&a), strip(&b));
    assert!(a.body.contains("te vaak"));
}

#[test]
fn an_attacker_cannot_keep_a_known_person_out_sqlite() {
    an_attacker_cannot_keep_a_known_person_out(Backend::Sqlite);
}

#[test]
fn an_attacker_cannot_keep_a_known_person_out_postgres() {
    an_attacker_cannot_keep_a_known_person_out(Backend::Postgres);
}

both_backends!(
    successful_logins_are_not_limited_but_failures_per_address_are,
    |app| {
        // A town hall behind one address: 30 people log in at nine.
        let (user, pass, _) = app.user("balie.medewerker", &[Role::Invoerder]);
        for _ in 0..30 {
            let r = app.client().login(&user, &pass);
            assert_eq!(r.status, 303, "{}", r.body);
        }
        // Wrong passwords under ever new names run into the limit per address.
        let c = app.client();
        let mut last = 0;
        for i in 0..51 {
            last = c
                .login(&format!("iemand{i}"), "verkeerd wachtwoord 123")
                .status;
        }
        assert_eq!(last, 429);
        let r = c.login("iemand", "verkeerd wachtwoord 123");
        assert_eq!(r.status, 429);
        assert_eq!(r.texts("h1"), vec![t(Lang::Nl, "error-429-title")]);
        // Only a keyed hash of the address is stored.
        use diesel::prelude::*;
        let buckets: Vec<String> = klankbord::db::schema::rate_limits::table
            .select(klankbord::db::schema::rate_limits::bucket)
            .load(&mut app.conn())
            .unwrap();
        assert!(
            buckets.iter().all(|b| !b.contains("127.0.0.1")),
            "{buckets:?}"
        );
    }
);

#[test]
fn forms_without_a_valid_csrf_token_are_refused() {
    let Some(app) = TestApp::spawn(Backend::Sqlite, "csrf") else {
        return;
    };
    let (user, pass, _) = app.user("c.srf", &[Role::Beheerder]);
    let c = app.client();
    c.get("/inloggen");
    // No token.
    let r = c.post_raw(
        "/inloggen",
        &[("gebruikersnaam", &user), ("wachtwoord", &pass)],
    );
    assert_eq!(r.status, 403);
    assert!(r.body.contains(&t(Lang::Nl, "form-error-csrf")));
    // A token that is not the visitor's.
    let r = c.post_raw(
        "/inloggen",
        &[
            ("csrf", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
            ("gebruikersnaam", &user),
            ("wachtwoord", &pass),
        ],
    );
    assert_eq!(r.status, 403);
    // The right token from another site's page (Origin of another host).
    let token = c.get("/inloggen").csrf();
    let r = c.post_with(
        "/inloggen",
        &[
            ("csrf", &token),
            ("gebruikersnaam", &user),
            ("wachtwoord", &pass),
        ],
        &[("Origin", "https://aanvaller.example")],
    );
    assert_eq!(r.status, 403);
    assert_eq!(app.count("sessions"), 0);
    // The real form works.
    assert_eq!(c.login(&user, &pass).status, 303);
    // Logged in, a state-changing request without token is still refused.
    let r = c.post_raw(
        "/beheer/gebruikers",
        &[
            ("gebruikersnaam", "x.y"),
            ("naam", "X"),
            ("wachtwoord", "fiets regen tulp koffiekan"),
            ("rol", "raadslid"),
        ],
    );
    assert_eq!(r.status, 403);
    assert_eq!(app.count("users"), 1);
}

both_backends!(logout_everywhere_ends_every_session, |app| {
    let (user, pass, _) = app.user("o.onderzoek", &[Role::Onderzoeker]);
    let phone = app.client();
    let laptop = app.client();
    assert_eq!(phone.login(&user, &pass).status, 303);
    assert_eq!(laptop.login(&user, &pass).status, 303);
    assert_eq!(laptop.get("/werkplek").status, 200);
    let r = phone.submit("/werkplek", "/uitloggen/overal", &[]);
    assert_eq!(r.status, 303);
    assert_eq!(laptop.get("/werkplek").status, 303);
    assert_eq!(phone.get("/werkplek").status, 303);
});

both_backends!(admin_manages_accounts, |app| {
    let (admin, _) = app.logged_in("a.beheer", &[Role::Beheerder]);
    // A weak password is refused with a message that says what to do.
    let r = admin.submit(
        "/beheer/gebruikers",
        "/beheer/gebruikers",
        &[
            ("gebruikersnaam", "n.nieuw"),
            ("naam", "Nina Nieuw"),
            ("wachtwoord", "welkom123456"),
            ("rol", "invoerder"),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(r
        .texts("#wachtwoord-error")
        .contains(&t(Lang::Nl, "password-too-common")));
    assert_eq!(
        r.attr("#gebruikersnaam", "value").as_deref(),
        Some("n.nieuw"),
        "input is kept"
    );
    let r = admin.submit(
        "/beheer/gebruikers",
        "/beheer/gebruikers",
        &[
            ("gebruikersnaam", "n.nieuw"),
            ("naam", "Nina Nieuw"),
            ("wachtwoord", "kort"),
            ("rol", "invoerder"),
        ],
    );
    assert!(r
        .texts("#wachtwoord-error")
        .contains(&t(Lang::Nl, "password-too-short")));
    let r = admin.submit(
        "/beheer/gebruikers",
        "/beheer/gebruikers",
        &[
            ("gebruikersnaam", "n.nieuw"),
            ("naam", "Nina Nieuw"),
            ("wachtwoord", "fiets regen tulp koffiekan"),
        ],
    );
    assert_eq!(r.status, 422, "no role");
    let r = admin.submit(
        "/beheer/gebruikers",
        "/beheer/gebruikers",
        &[
            ("gebruikersnaam", "n.nieuw"),
            ("naam", "Nina Nieuw"),
            ("wachtwoord", "fiets regen tulp koffiekan"),
            ("rol", "invoerder"),
            ("rol", "onderzoeker"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let detail = r
        .header("location")
        .unwrap()
        .split('?')
        .next()
        .unwrap()
        .to_string();
    // The redirect lands on the new account's page with a confirmation.
    let page = admin.get(r.header("location").unwrap());
    assert_eq!(page.status, 200);
    assert!(page.body.contains(&t(Lang::Nl, "notice-user-created")));
    assert!(page.attr("#rol-invoerder", "checked").is_some());
    assert!(page.attr("#rol-onderzoeker", "checked").is_some());
    // Duplicate name.
    let r = admin.submit(
        "/beheer/gebruikers",
        "/beheer/gebruikers",
        &[
            ("gebruikersnaam", "N.Nieuw"),
            ("naam", "Ander"),
            ("wachtwoord", "fiets regen tulp koffiekan"),
            ("rol", "invoerder"),
        ],
    );
    assert!(r
        .texts("#gebruikersnaam-error")
        .contains(&t(Lang::Nl, "account-error-username-taken")));
    // The new account can log in; then the admin disables it and its session dies at once.
    let nina = app.client();
    assert_eq!(
        nina.login("n.nieuw", "fiets regen tulp koffiekan").status,
        303
    );
    assert_eq!(nina.get("/werkplek").status, 200);
    let r = admin.submit(
        &detail,
        &format!("{detail}/status"),
        &[("actie", "uitschakelen")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(nina.get("/werkplek").status, 303);
    let r = nina.login("n.nieuw", "fiets regen tulp koffiekan");
    assert_eq!(r.status, 422, "a disabled account cannot log in");
    // Re-enabled, with only one role now.
    admin.submit(
        &detail,
        &format!("{detail}/status"),
        &[("actie", "inschakelen")],
    );
    admin.submit(
        &detail,
        &format!("{detail}/rollen"),
        &[("rol", "invoerder")],
    );
    assert_eq!(
        nina.login("n.nieuw", "fiets regen tulp koffiekan").status,
        303
    );
    let w = nina.get("/werkplek");
    assert!(!w.texts("li").contains(&t(Lang::Nl, "role-onderzoeker")));
    // New password by the admin ends the user's sessions.
    let r = admin.submit(
        &detail,
        &format!("{detail}/wachtwoord"),
        &[("wachtwoord", "zon maan sterren komeet")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(nina.get("/werkplek").status, 303);
    assert_eq!(nina.login("n.nieuw", "zon maan sterren komeet").status, 303);
});

#[test]
fn admin_cannot_lock_themselves_out() {
    let Some(app) = TestApp::spawn(Backend::Sqlite, "self_lockout") else {
        return;
    };
    let (admin, id) = app.logged_in("solo.beheer", &[Role::Beheerder]);
    let page = format!("/beheer/gebruikers/{id}");
    let r = admin.submit(
        &page,
        &format!("{page}/status"),
        &[("actie", "uitschakelen")],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains(&t(Lang::Nl, "account-error-self-lockout")));
    let r = admin.submit(&page, &format!("{page}/rollen"), &[("rol", "raadslid")]);
    assert_eq!(r.status, 422);
    assert_eq!(admin.get("/beheer/gebruikers").status, 200);
}

both_backends!(passwords_from_a_word_and_a_year_are_refused, |app| {
    // Passwords an outside tester got accepted, tried as a new member of staff would.
    let (user, pass, _) = app.user("n.nieuw", &[Role::Invoerder]);
    let c = app.client();
    c.login(&user, &pass);
    for weak in [
        "Welkom2026!!",
        "Zomer2026!!!",
        "Voorjaar2027!",
        "Amsterdam2026!",
        "Welkom2027!!",
        // The municipality's own name (the test app's is "Gemeente Voorbeeld").
        "Voorbeeld2026!!",
    ] {
        let r = c.submit(
            "/account/wachtwoord",
            "/account/wachtwoord",
            &[("huidig", &pass), ("nieuw", weak), ("herhaal", weak)],
        );
        assert_eq!(r.status, 422, "{weak} was accepted");
        assert!(
            r.texts("#nieuw-error")
                .contains(&t(Lang::Nl, "password-too-common")),
            "{weak}: {:?}",
            r.texts("#nieuw-error")
        );
    }
    assert_eq!(app.client().login(&user, &pass).status, 303);
});

both_backends!(staff_change_their_own_password, |app| {
    let (user, pass, _) = app.user("w.wissel", &[Role::Invoerder]);
    let c = app.client();
    let other = app.client();
    c.login(&user, &pass);
    other.login(&user, &pass);
    let r = c.submit(
        "/account/wachtwoord",
        "/account/wachtwoord",
        &[
            ("huidig", "fout"),
            ("nieuw", "appel peer banaan kiwi"),
            ("herhaal", "appel peer banaan kiwi"),
        ],
    );
    assert_eq!(r.status, 422);
    assert!(r
        .texts("#huidig-error")
        .contains(&t(Lang::Nl, "password-current-wrong")));
    let r = c.submit(
        "/account/wachtwoord",
        "/account/wachtwoord",
        &[
            ("huidig", &pass),
            ("nieuw", "appel peer banaan kiwi"),
            ("herhaal", "appel peer banaan kiwl"),
        ],
    );
    assert!(r
        .texts("#herhaal-error")
        .contains(&t(Lang::Nl, "password-mismatch")));
    let r = c.submit(
        "/account/wachtwoord",
        "/account/wachtwoord",
        &[
            ("huidig", &pass),
            ("nieuw", "appel peer banaan kiwi"),
            ("herhaal", "appel peer banaan kiwi"),
        ],
    );
    assert_eq!(r.status, 303);
    // This device stays logged in, the other one is logged out.
    assert_eq!(c.get("/werkplek").status, 200);
    assert_eq!(other.get("/werkplek").status, 303);
    assert_eq!(app.client().login(&user, &pass).status, 422);
    assert_eq!(
        app.client().login(&user, "appel peer banaan kiwi").status,
        303
    );
});

#[test]
fn login_never_redirects_off_site() {
    let Some(app) = TestApp::spawn(Backend::Sqlite, "open_redirect") else {
        return;
    };
    let (user, pass, _) = app.user("r.redirect", &[Role::Raadslid]);
    let c = app.client();
    let token = c.get("/inloggen").csrf();
    let r = c.post_raw(
        "/inloggen",
        &[
            ("csrf", &token),
            ("gebruikersnaam", &user),
            ("wachtwoord", &pass),
            ("terug", "//aanvaller.example/"),
        ],
    );
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/werkplek"));
}
