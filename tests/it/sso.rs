//! Staff sign-in as a municipality runs it: single sign-on against a real OpenID Connect provider
//! on this machine (oidc-provider-mock), roles from the provider's groups, logout at the
//! provider, every refusal (state, code, issuer, audience, expiry, key, nonce, provider down or
//! slow, unmapped group, disabled account), two-factor codes for password accounts, and the
//! break-glass administrator. Each on SQLite and PostgreSQL.

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::{audit_log, user_identities, user_roles, users};

use crate::support::oidc::{
    free_port, path_on, query_param, spawn_app, FakeProvider, FakeToken, MockProvider,
};
use crate::support::{count_rows, Backend, Client, Resp, TestApp};

/// The mapping the tests configure, as the README describes it.
const ROLES: &str = "kb-beheer=beheerder; kb-klachten=klachtcoordinator,klachtbehandelaar; kb-raad=raadslid; kb-onderzoek=onderzoeker; kb-invoer=invoerder; kb-commissie=commissielid";

fn sso_env(issuer: &str) -> Vec<(&'static str, String)> {
    vec![
        ("KLANKBORD_OIDC_ISSUER", issuer.to_string()),
        ("KLANKBORD_OIDC_CLIENT_ID", "klankbord".to_string()),
        ("KLANKBORD_OIDC_CLIENT_SECRET", "test-secret".to_string()),
        ("KLANKBORD_OIDC_ROLE_CLAIM", "groups".to_string()),
        ("KLANKBORD_OIDC_ROLES", ROLES.to_string()),
    ]
}

fn borrow<'a>(env: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    env.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Opens the organisation-account link; returns the provider's authorization URL.
pub fn begin(c: &Client) -> String {
    let r = c.get("/inloggen/sso?terug=/werkplek");
    assert_eq!(r.status, 303, "{}", r.body);
    r.header("location").expect("location").to_string()
}

/// A whole sign-in through the provider as `sub`; returns klankbord's answer to the return.
pub fn sso_login(app: &TestApp, mock: &MockProvider, c: &Client, sub: &str) -> Resp {
    let auth = begin(c);
    let back = mock.log_in(&auth, sub);
    c.get(&path_on(&app.base, &back))
}

fn roles_of(app: &TestApp, username: &str) -> Vec<String> {
    let mut roles: Vec<String> = user_roles::table
        .inner_join(users::table)
        .filter(users::username.eq(username))
        .select(user_roles::role)
        .load(&mut app.conn())
        .unwrap();
    roles.sort();
    roles
}

fn actions(app: &TestApp) -> Vec<(String, Option<String>)> {
    audit_log::table
        .order(audit_log::id.asc())
        .select((audit_log::action, audit_log::detail))
        .load(&mut app.conn())
        .unwrap()
}

/// What a refusal must leave: no account, no identity, no session more than before.
fn counts(app: &TestApp) -> (i64, i64, i64) {
    let mut c = app.conn();
    (
        count_rows(&mut c, "users"),
        count_rows(&mut c, "user_identities"),
        count_rows(&mut c, "sessions"),
    )
}

fn refused(r: &Resp, status: u16, text: &str, code: &str) {
    assert_eq!(r.status, status, "{}", r.body);
    assert!(r.body.contains(text), "expected '{text}' in {}", r.body);
    assert!(
        r.body.contains(&format!("Code voor de beheerder: {code}")),
        "expected code {code} in {}",
        r.body
    );
    assert!(r.body.contains("href=\"/inloggen\""), "a way to try again");
}

fn sso_flows(backend: Backend, test: &str) {
    let Some(mock) = MockProvider::start(test) else {
        return;
    };
    let env = sso_env(&mock.issuer);
    let Some(app) = spawn_app(backend, test, &borrow(&env)) else {
        return;
    };

    // The login page offers the organisation account next to the password form.
    let page = app.client().get("/inloggen");
    assert!(page.body.contains("Inloggen met uw organisatie-account"));
    assert_eq!(
        page.attr("#sso-login", "href").as_deref(),
        Some("/inloggen/sso?terug=/werkplek")
    );
    assert!(page.body.contains("name=\"wachtwoord\""));
    // Forms may lead to the provider (logout there), and nowhere else.
    let csp = page.header("content-security-policy").unwrap();
    assert!(
        csp.contains(&format!("form-action 'self' {};", mock.issuer)),
        "{csp}"
    );

    // A member of the mapped group logs in with the mapped roles; unmapped groups are ignored.
    mock.set_user(
        "jan-1",
        serde_json::json!({"groups": ["kb-klachten", "finance"], "name": "Jan Jansen", "preferred_username": "j.jansen@voorbeeld.nl"}),
    );
    let c = app.client();
    let auth = begin(&c);
    for part in [
        "code_challenge_method=S256",
        "code_challenge=",
        "nonce=",
        "state=",
        "client_id=klankbord",
        "scope=openid",
    ] {
        assert!(auth.contains(part), "{part} missing in {auth}");
    }
    let back = mock.log_in(&auth, "jan-1");
    let r = c.get(&path_on(&app.base, &back));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(r.header("location"), Some("/werkplek"));
    let home = c.get("/werkplek");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Jan Jansen"));
    assert_eq!(
        roles_of(&app, "j.jansen"),
        ["klachtbehandelaar", "klachtcoordinator"]
    );
    let log = actions(&app);
    assert!(log.iter().any(|(a, d)| a == "user.created_sso"
        && d.as_deref() == Some("klachtcoordinator,klachtbehandelaar")));
    assert!(log.iter().any(|(a, _)| a == "user.sso_login"));
    assert!(log.iter().any(|(a, _)| a == "user.roles_from_claims"));
    // The audit log holds numbers and role codes, not the person's name or e-mail.
    assert!(!log
        .iter()
        .any(|(_, d)| d.as_deref().unwrap_or("").contains("Jansen")));
    // An SSO account has no password that could ever match.
    let hash: String = users::table
        .filter(users::username.eq("j.jansen"))
        .select(users::password_hash)
        .first(&mut app.conn())
        .unwrap();
    assert!(!hash.starts_with("$argon2"));
    assert_eq!(app.client().login("j.jansen", "").status, 422);

    // The same return address a second time (a replayed state and code) is refused; nothing changes.
    let before = counts(&app);
    let again = app.client().get(&path_on(&app.base, &back));
    refused(&again, 400, "verlopen of al gebruikt", "state");
    assert_eq!(counts(&app), before);

    // Logout ends the session here and, because the provider offers it, at the provider.
    let out = c.submit("/werkplek", "/uitloggen", &[]);
    assert_eq!(out.status, 303);
    let to = out.header("location").unwrap().to_string();
    assert!(
        to.starts_with(&format!("{}/oauth2/end_session", mock.issuer)),
        "{to}"
    );
    assert!(query_param(&to, "id_token_hint").is_some_and(|t| t.split('.').count() == 3));
    assert_eq!(
        query_param(&to, "post_logout_redirect_uri").as_deref(),
        Some(format!("{}/inloggen?melding=notice-logged-out", app.base).as_str())
    );
    assert_eq!(
        c.get("/werkplek").status,
        303,
        "session still alive after logout"
    );

    // Roles are read again at each login: a group taken away takes the role away.
    mock.set_user(
        "jan-1",
        serde_json::json!({"groups": ["kb-beheer"], "name": "Jan Jansen", "preferred_username": "j.jansen@voorbeeld.nl"}),
    );
    let c = app.client();
    assert_eq!(sso_login(&app, &mock, &c, "jan-1").status, 303);
    assert_eq!(roles_of(&app, "j.jansen"), ["beheerder"]);
    assert!(actions(&app)
        .iter()
        .any(|(a, d)| a == "user.roles_from_claims"
            && d.as_deref() == Some("klachtcoordinator,klachtbehandelaar -> beheerder")));
    assert_eq!(
        count_rows(&mut app.conn(), "user_identities"),
        1,
        "the same account, not a new one"
    );

    // A person in no mapped group is refused, and nobody is made.
    mock.set_user(
        "piet-2",
        serde_json::json!({"groups": ["finance"], "preferred_username": "p.pietersen"}),
    );
    let before = counts(&app);
    let r = sso_login(&app, &mock, &app.client(), "piet-2");
    refused(&r, 403, "geen rol in klankbord", "no-role");
    assert_eq!(counts(&app), before);
    // A claim of the wrong shape gives no role either.
    mock.set_user("kees-3", serde_json::json!({"groups": {"kb-beheer": true}}));
    let r = sso_login(&app, &mock, &app.client(), "kees-3");
    refused(&r, 403, "geen rol in klankbord", "no-role");
    assert_eq!(counts(&app), before);

    // All groups removed: the roles go, and the login is refused.
    mock.set_user(
        "jan-1",
        serde_json::json!({"groups": [], "preferred_username": "j.jansen"}),
    );
    let r = sso_login(&app, &mock, &app.client(), "jan-1");
    refused(&r, 403, "geen rol in klankbord", "no-role");
    assert!(roles_of(&app, "j.jansen").is_empty());

    // A disabled account stays disabled, whatever the provider says.
    mock.set_user("jan-1", serde_json::json!({"groups": ["kb-beheer"]}));
    let id: i64 = user_identities::table
        .select(user_identities::user_id)
        .first(&mut app.conn())
        .unwrap();
    klankbord::accounts::service::set_disabled(
        &mut app.conn(),
        id,
        true,
        klankbord::accounts::audit::Actor::System,
    )
    .unwrap();
    let sessions_before = count_rows(&mut app.conn(), "sessions");
    let r = sso_login(&app, &mock, &app.client(), "jan-1");
    refused(&r, 403, "uitgeschakeld", "disabled");
    assert_eq!(count_rows(&mut app.conn(), "sessions"), sessions_before);
    let disabled: bool = users::table
        .find(id)
        .select(users::disabled)
        .first(&mut app.conn())
        .unwrap();
    assert!(disabled);
    klankbord::accounts::service::set_disabled(
        &mut app.conn(),
        id,
        false,
        klankbord::accounts::audit::Actor::System,
    )
    .unwrap();

    // Missing or wrong state.
    let c = app.client();
    refused(
        &c.get("/inloggen/sso/terug?code=abc"),
        400,
        "verlopen of al gebruikt",
        "state",
    );
    let _ = begin(&c);
    refused(
        &c.get("/inloggen/sso/terug?code=abc&state=verzonnen"),
        400,
        "verlopen of al gebruikt",
        "state",
    );

    // A flow begun in one browser cannot be finished in another (login CSRF).
    let victim = app.client();
    let attacker = app.client();
    let auth = begin(&attacker);
    let back = mock.log_in(&auth, "jan-1");
    let before = counts(&app);
    refused(
        &victim.get(&path_on(&app.base, &back)),
        400,
        "verlopen of al gebruikt",
        "state",
    );
    assert_eq!(counts(&app), before);

    // A code used before, brought back with a fresh state: the provider refuses it.
    let c = app.client();
    let auth = begin(&c);
    let back = mock.log_in(&auth, "jan-1");
    assert_eq!(c.get(&path_on(&app.base, &back)).status, 303);
    let old_code = query_param(&back, "code").unwrap();
    let c2 = app.client();
    let fresh = begin(&c2);
    let state = query_param(&fresh, "state").unwrap();
    let before = counts(&app);
    let r = c2.get(&format!(
        "/inloggen/sso/terug?code={old_code}&state={state}"
    ));
    refused(&r, 400, "niet toegestaan", "provider-refused");
    assert_eq!(counts(&app), before);

    // The person cancels at the provider.
    let c = app.client();
    let auth = begin(&c);
    let state = query_param(&auth, "state").unwrap();
    refused(
        &c.get(&format!(
            "/inloggen/sso/terug?error=access_denied&state={state}"
        )),
        400,
        "niet toegestaan",
        "provider-refused",
    );

    // The page speaks the person's language.
    let en = app.client().get("/inloggen/sso/terug?lang=en");
    assert!(
        en.body.contains("expired or was used already"),
        "{}",
        en.body
    );
}

#[test]
fn sso_flows_sqlite() {
    sso_flows(Backend::Sqlite, "sso::sso_flows_sqlite");
}

#[test]
fn sso_flows_postgres() {
    sso_flows(Backend::Postgres, "sso::sso_flows_postgres");
}

fn provider_down(backend: Backend, test: &str) {
    // Nothing listens on this port: the provider is down.
    let issuer = format!("http://127.0.0.1:{}", free_port());
    let env = sso_env(&issuer);
    let Some(app) = spawn_app(backend, test, &borrow(&env)) else {
        return;
    };
    // The password form still works while the provider is down.
    let (u, p, _) = app.user("lokaal.account", &[Role::Raadslid]);
    let before = counts(&app);
    let r = app.client().get("/inloggen/sso");
    refused(&r, 502, "reageert niet", "provider-unreachable");
    assert_eq!(counts(&app), before);
    assert_eq!(count_rows(&mut app.conn(), "oidc_flows"), 0);
    assert_eq!(app.client().login(&u, &p).status, 303);
}

#[test]
fn sso_provider_down_sqlite() {
    provider_down(Backend::Sqlite, "sso::sso_provider_down_sqlite");
}

#[test]
fn sso_provider_down_postgres() {
    provider_down(Backend::Postgres, "sso::sso_provider_down_postgres");
}

/// Tokens the mock provider never makes, from a provider of the test's own.
fn bad_tokens(backend: Backend, test: &str) {
    let fake = FakeProvider::start();
    let env = [
        ("KLANKBORD_OIDC_ISSUER", fake.issuer.as_str()),
        ("KLANKBORD_OIDC_CLIENT_ID", FakeProvider::CLIENT_ID),
        ("KLANKBORD_OIDC_TIMEOUT_SECONDS", "1"),
    ];
    let Some(app) = spawn_app(backend, test, &env) else {
        return;
    };
    let finish = |mode: FakeToken| {
        let c = app.client();
        let auth = begin(&c);
        fake.answer(&auth, mode);
        let state = query_param(&auth, "state").unwrap();
        c.get(&format!("/inloggen/sso/terug?code=fake-code&state={state}"))
    };
    for (mode, code) in [
        (FakeToken::OtherIssuer, "issuer"),
        (FakeToken::OtherAudience, "audience"),
        (FakeToken::Expired, "expired"),
        (FakeToken::UnknownKey, "signing-key"),
    ] {
        let before = counts(&app);
        let r = finish(mode);
        refused(&r, 400, "kloppen niet", code);
        assert_eq!(counts(&app), before, "{code}: something was made");
    }
    // The provider itself is right: a good token logs in. Without a mapping the new account has
    // no role until the administrator gives one.
    let r = finish(FakeToken::Good);
    assert_eq!(r.status, 303, "{}", r.body);
    let good = fake.last_token();
    let roles: i64 = count_rows(&mut app.conn(), "user_roles");
    assert_eq!(roles, 0);
    assert!(actions(&app)
        .iter()
        .any(|(a, d)| a == "user.created_sso" && d.as_deref() == Some("")));
    // The same ID token again, in a new flow: its nonce is not this flow's.
    let before = counts(&app);
    refused(
        &finish(FakeToken::Exact(good)),
        400,
        "kloppen niet",
        "nonce",
    );
    assert_eq!(counts(&app), before);
    // A provider that answers too slowly is given up on (timeout 1 s).
    refused(
        &finish(FakeToken::Slow(3)),
        502,
        "reageert niet",
        "provider-unreachable",
    );
    assert_eq!(counts(&app), before);
}

#[test]
fn sso_bad_tokens_sqlite() {
    bad_tokens(Backend::Sqlite, "sso::sso_bad_tokens_sqlite");
}

#[test]
fn sso_bad_tokens_postgres() {
    bad_tokens(Backend::Postgres, "sso::sso_bad_tokens_postgres");
}

#[test]
fn sso_without_mapping_the_new_account_waits_for_the_administrator() {
    let Some(mock) = MockProvider::start("sso::sso_without_mapping") else {
        return;
    };
    let env = [
        ("KLANKBORD_OIDC_ISSUER", mock.issuer.as_str()),
        ("KLANKBORD_OIDC_CLIENT_ID", "klankbord"),
        ("KLANKBORD_OIDC_CLIENT_SECRET", "test-secret"),
        ("KLANKBORD_LOGIN_METHODS", "sso"),
    ];
    let Some(app) = spawn_app(Backend::Sqlite, "sso::sso_without_mapping", &env) else {
        return;
    };
    // Only the organisation account is offered.
    let page = app.client().get("/inloggen");
    assert!(page.body.contains("Inloggen met uw organisatie-account"));
    assert!(!page.body.contains("name=\"wachtwoord\""));
    mock.set_user("anna-9", serde_json::json!({"groups": ["kb-beheer"], "name": "Anna de Vries", "email": "a.devries@voorbeeld.nl"}));
    let c = app.client();
    let r = sso_login(&app, &mock, &c, "anna-9");
    assert_eq!(r.status, 303, "{}", r.body);
    let home = c.get("/werkplek");
    assert!(home.body.contains("nog geen rol"), "{}", home.body);
    assert!(roles_of(&app, "a.devries").is_empty());
    // The administrator gives a role; the next login keeps it (no claim mapping to override it).
    let id: i64 = users::table
        .filter(users::username.eq("a.devries"))
        .select(users::id)
        .first(&mut app.conn())
        .unwrap();
    klankbord::accounts::service::set_roles(
        &mut app.conn(),
        id,
        &[Role::Raadslid],
        klankbord::accounts::audit::Actor::System,
    )
    .unwrap();
    let c = app.client();
    assert_eq!(sso_login(&app, &mock, &c, "anna-9").status, 303);
    assert_eq!(roles_of(&app, "a.devries"), ["raadslid"]);
    assert_eq!(c.get("/rapportage").status, 200);
}

/// Two instances on one PostgreSQL: a sign-in begun on one finishes on the other.
#[test]
fn sso_flow_begun_on_one_instance_finishes_on_another() {
    let test = "sso::sso_flow_begun_on_one_instance_finishes_on_another";
    let url = match crate::support::pg::new_database() {
        Ok(u) => u,
        Err(reason) => return crate::support::skip(test, &reason),
    };
    let Some(mock) = MockProvider::start(test) else {
        return;
    };
    let port_a = free_port();
    let public = format!("http://127.0.0.1:{port_a}");
    let serve = |bind: &str| {
        let mut c = crate::cli::klankbord();
        c.arg("serve")
            .env("DATABASE_URL", &url)
            .env("KLANKBORD_BIND", bind)
            .env("KLANKBORD_WORKERS", "1")
            // Both stand behind one address, as behind a load balancer.
            .env("KLANKBORD_PUBLIC_URL", &public);
        for (k, v) in sso_env(&mock.issuer) {
            c.env(k, v);
        }
        c
    };
    let (_a, a) = crate::cli::start_server(serve(&format!("127.0.0.1:{port_a}")));
    let (_b, b) = crate::cli::start_server(serve("127.0.0.1:0"));
    let a = a.lines().next().unwrap().to_string();
    let b = b.lines().next().unwrap().to_string();
    let a = a[a.find("http://").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let b = b[b.find("http://").unwrap()..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    assert_ne!(a, b);
    mock.set_user(
        "lisa-4",
        serde_json::json!({"groups": ["kb-raad"], "preferred_username": "l.bakker"}),
    );
    let on_a = Client::with_cookies(&a, &[]);
    let auth = begin(&on_a);
    let back = mock.log_in(&auth, "lisa-4");
    // The browser comes back through the load balancer, which sends it to B.
    let browser = on_a.cookie("kb_sso").expect("flow cookie");
    let on_b = Client::with_cookies(&b, &[("kb_sso", &browser)]);
    let r = on_b.get(&path_on(&a, &back));
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(on_b.get("/werkplek").status, 200);
    let session = on_b.cookie("kb_sessie").unwrap();
    assert_eq!(
        Client::with_cookies(&a, &[("kb_sessie", &session)])
            .get("/rapportage")
            .status,
        200
    );
}

/// The six digits an authenticator app shows for `secret` at `unix` seconds.
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

fn post_code(c: &Client, page: &str, code: &str) -> Resp {
    let p = c.get(page);
    assert_eq!(p.status, 200, "{}", p.body);
    c.post_raw(page, &[("csrf", &p.csrf()), ("code", code)])
}

fn two_factor(backend: Backend, test: &str) {
    let Some(app) = spawn_app(
        backend,
        test,
        &[(
            "KLANKBORD_TOTP_REQUIRED_ROLES",
            klankbord::config::DEFAULT_TOTP_ROLES,
        )],
    ) else {
        return;
    };
    let (u, p, id) = app.user("k.coord", &[Role::Klachtcoordinator]);

    // A right password for a role that sees personal data: no session yet, first set up codes.
    let c = app.client();
    let r = c.login(&u, &p);
    assert_eq!(r.status, 303);
    assert_eq!(r.header("location"), Some("/inloggen/tweestaps"));
    assert!(c.cookie("kb_sessie").is_none());
    assert_eq!(c.get("/werkplek").status, 303);
    let page = c.get("/inloggen/tweestaps");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("<svg"), "QR code on the page");
    let secret = page.texts("#totp-secret")[0].replace(' ', "");
    assert_eq!(secret.len(), 32);
    // A wrong first code: refused with a clear message, nothing set up.
    let wrong = post_code(&c, "/inloggen/tweestaps", "000000");
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("De code klopt niet"));
    assert_eq!(count_rows(&mut app.conn(), "recovery_codes"), 0);
    let t0 = now();
    let done = post_code(&c, "/inloggen/tweestaps", &app_code(&secret, t0));
    assert_eq!(done.status, 200, "{}", done.body);
    let codes = done.texts("#recovery-codes li");
    assert_eq!(codes.len(), 10);
    assert_eq!(c.get("/werkplek").status, 200, "logged in after enrolment");
    // Stored hashed only.
    let hashes: Vec<String> = klankbord::db::schema::recovery_codes::table
        .select(klankbord::db::schema::recovery_codes::code_hash)
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(hashes.len(), 10);
    assert!(hashes.iter().all(|h| h.starts_with("$argon2id$")));
    assert!(!hashes
        .iter()
        .any(|h| codes.iter().any(|c| h.contains(&c.replace('-', "")))));
    assert!(actions(&app).iter().any(|(a, _)| a == "user.totp_enrolled"));

    // The next login asks for the code.
    let login = || {
        let c = app.client();
        let r = c.login(&u, &p);
        assert_eq!(r.header("location"), Some("/inloggen/code"), "{}", r.body);
        assert!(c.cookie("kb_sessie").is_none());
        c
    };
    let c = login();
    // The code just used for enrolment is spent.
    let reused = post_code(&c, "/inloggen/code", &app_code(&secret, t0));
    assert_eq!(reused.status, 422);
    assert!(reused.body.contains("al gebruikt"), "{}", reused.body);
    assert!(c.cookie("kb_sessie").is_none());
    // The next code works.
    let ok = post_code(&c, "/inloggen/code", &app_code(&secret, t0 + 30));
    assert_eq!(ok.status, 303, "{}", ok.body);
    assert_eq!(c.get("/werkplek").status, 200);

    // A recovery code works once.
    let c = login();
    assert_eq!(post_code(&c, "/inloggen/code", &codes[0]).status, 303);
    assert!(actions(&app)
        .iter()
        .any(|(a, _)| a == "user.recovery_code_used"));
    let c = login();
    let used = post_code(&c, "/inloggen/code", &codes[0].to_uppercase());
    assert_eq!(used.status, 422);
    assert!(
        used.body.contains("herstelcode is al gebruikt"),
        "{}",
        used.body
    );
    assert_eq!(post_code(&c, "/inloggen/code", &codes[1]).status, 303);

    // Wrong codes are limited like wrong passwords.
    let c = login();
    let mut last = None;
    for _ in 0..6 {
        last = Some(post_code(&c, "/inloggen/code", "123456"));
    }
    let last = last.unwrap();
    assert_eq!(last.status, 422);
    assert!(last.body.contains("te vaak"), "{}", last.body);
    let blocked = post_code(&c, "/inloggen/code", &app_code(&secret, now() + 30));
    assert!(
        blocked.body.contains("te vaak"),
        "a right code is not even checked while waiting"
    );
    assert!(c.cookie("kb_sessie").is_none());

    // The administrator resets the codes (phone lost); it is logged; the next login sets up again.
    let (_, _, admin_id) = app.user("beheer.een", &[Role::Beheerder]);
    let admin = app.session_client(admin_id);
    let page = format!("/beheer/gebruikers/{id}");
    let shown = admin.get(&page);
    assert!(shown.body.contains("Codes terugzetten"));
    let r = admin.submit(&page, &format!("{page}/tweestaps"), &[]);
    assert_eq!(r.status, 303);
    let reset: Vec<(Option<i64>, Option<String>)> = audit_log::table
        .filter(audit_log::action.eq("user.totp_reset"))
        .select((audit_log::actor_id, audit_log::record_id))
        .load(&mut app.conn())
        .unwrap();
    assert_eq!(reset, [(Some(admin_id), Some(id.to_string()))]);
    assert_eq!(count_rows(&mut app.conn(), "totp_secrets"), 0);
    assert_eq!(count_rows(&mut app.conn(), "recovery_codes"), 0);
    let c = app.client();
    assert_eq!(
        c.login(&u, &p).header("location"),
        Some("/inloggen/tweestaps")
    );

    // A role without personal data logs in with a password only.
    let (ru, rp, _) = app.user("raad.lid", &[Role::Raadslid]);
    let c = app.client();
    let r = c.login(&ru, &rp);
    assert_eq!(r.header("location"), Some("/werkplek"));
    assert!(c.cookie("kb_sessie").is_some());
    // An expired or unknown challenge sends the person back to the login page.
    let stray = Client::with_cookies(&app.base, &[("kb_tweestaps", "verzonnen")]);
    let r = stray.get("/inloggen/code");
    assert_eq!(
        r.header("location"),
        Some("/inloggen?melding=notice-login-again")
    );
}

#[test]
fn two_factor_sqlite() {
    two_factor(Backend::Sqlite, "sso::two_factor_sqlite");
}

#[test]
fn two_factor_postgres() {
    two_factor(Backend::Postgres, "sso::two_factor_postgres");
}

fn break_glass(backend: Backend, test: &str) {
    // Only single sign-on; the provider need not even be up for the break-glass account.
    let issuer = format!("http://127.0.0.1:{}", free_port());
    let Some(app) = spawn_app(
        backend,
        test,
        &[
            ("KLANKBORD_OIDC_ISSUER", &issuer),
            ("KLANKBORD_OIDC_CLIENT_ID", "klankbord"),
            ("KLANKBORD_LOGIN_METHODS", "sso"),
            ("KLANKBORD_BREAK_GLASS_ACCOUNTS", "nood.beheer"),
        ],
    ) else {
        return;
    };
    let (nu, np, nid) = app.user("nood.beheer", &[Role::Beheerder]);
    let (ku, kp, _) = app.user("k.lokaal", &[Role::Klachtcoordinator]);
    let page = app.client().get("/inloggen");
    assert!(!page.body.contains("name=\"wachtwoord\""));
    assert_eq!(
        page.attr("a[href^=\"/inloggen/nood\"]", "href").as_deref(),
        Some("/inloggen/nood?terug=/werkplek")
    );
    let nood = app.client().get("/inloggen/nood");
    assert!(nood.body.contains("name=\"wachtwoord\""));
    assert!(nood.body.contains("noodaccount"));
    // Another local account with the right password gets the same answer as a wrong password.
    let c = app.client();
    let r = c.submit(
        "/inloggen/nood",
        "/inloggen",
        &[("gebruikersnaam", &ku), ("wachtwoord", &kp)],
    );
    assert_eq!(r.status, 422);
    assert!(r.body.contains("klopt niet"));
    assert!(c.cookie("kb_sessie").is_none());
    // The break-glass account gets in, and it is logged.
    let c = app.client();
    let r = c.submit(
        "/inloggen/nood",
        "/inloggen",
        &[("gebruikersnaam", &nu), ("wachtwoord", &np)],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(c.get("/werkplek").status, 200);
    let logged: i64 = audit_log::table
        .filter(audit_log::action.eq("user.login_break_glass"))
        .filter(audit_log::record_id.eq(nid.to_string()))
        .count()
        .get_result(&mut app.conn())
        .unwrap();
    assert_eq!(logged, 1);
}

#[test]
fn break_glass_sqlite() {
    break_glass(Backend::Sqlite, "sso::break_glass_sqlite");
}

#[test]
fn break_glass_postgres() {
    break_glass(Backend::Postgres, "sso::break_glass_postgres");
}

#[test]
fn settings_are_checked_at_start_up_and_name_the_setting() {
    let check = |pairs: &[(&str, &str)]| {
        let env: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        klankbord::config::Config::from_sources(None, &env)
            .map(|_| ())
            .map_err(|e| e.setting)
    };
    assert_eq!(
        check(&[
            ("KLANKBORD_OIDC_ISSUER", "login.voorbeeld.nl"),
            ("KLANKBORD_OIDC_CLIENT_ID", "kb")
        ]),
        Err("KLANKBORD_OIDC_ISSUER".into())
    );
    assert_eq!(
        check(&[("KLANKBORD_OIDC_ISSUER", "https://login.voorbeeld.nl")]),
        Err("KLANKBORD_OIDC_CLIENT_ID".into())
    );
    assert_eq!(
        check(&[("KLANKBORD_LOGIN_METHODS", "sso")]),
        Err("KLANKBORD_LOGIN_METHODS".into())
    );
    assert_eq!(
        check(&[("KLANKBORD_TOTP_REQUIRED_ROLES", "baas")]),
        Err("KLANKBORD_TOTP_REQUIRED_ROLES".into())
    );
    // The file form of the mapping: a table at the end of klankbord.toml.
    let file = "oidc_issuer = \"https://login.voorbeeld.nl\"\noidc_client_id = \"kb\"\noidc_role_claim = \"groups\"\n[oidc_roles]\n\"kb-beheer\" = \"beheerder\"\n\"kb-klachten\" = [\"klachtcoordinator\", \"klachtbehandelaar\"]\n";
    let c = klankbord::config::Config::from_sources(Some(file), &[]).unwrap();
    let sso = c.login.sso.unwrap();
    assert_eq!(
        sso.role_map["kb-klachten"],
        [Role::Klachtcoordinator, Role::Klachtbehandelaar]
    );
    assert_eq!(c.login.methods, klankbord::config::LoginMethods::Both);
    // Without a provider the demo and every existing set-up keep the password form.
    let plain = klankbord::config::Config::from_sources(None, &[]).unwrap();
    assert!(plain.login.sso.is_none());
    assert_eq!(
        plain.login.methods,
        klankbord::config::LoginMethods::Password
    );
}
