//! Test harness: a fresh app per test on a fresh database (SQLite file or PostgreSQL database),
//! driven over HTTP like a browser (cookies, forms, CSRF tokens).

pub mod browser;
pub mod oidc;
pub mod pdf;
pub mod pg;
pub mod smtp;

use std::sync::mpsc;
use std::time::Duration;

use klankbord::accounts::audit::Actor;
use klankbord::accounts::model::Role;
use klankbord::accounts::service::{self, NewAccount};
use klankbord::accounts::sessions;
use klankbord::config::Config;
use klankbord::db::{self, DbConnection, Pool, PooledConn};
use klankbord::startup::Application;

/// The database engine a test runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// Embedded SQLite file.
    Sqlite,
    /// A database on the throwaway PostgreSQL cluster.
    Postgres,
}

/// Whether every suite must run (CI): a skip is then a failure.
pub fn require_all() -> bool {
    std::env::var("KLANKBORD_REQUIRE_ALL").is_ok_and(|v| v == "1")
}

/// Reports a skipped test loudly, or fails it when everything is required.
pub fn skip(test: &str, reason: &str) {
    if require_all() {
        panic!("KLANKBORD_REQUIRE_ALL=1 but {test} cannot run: {reason}");
    }
    eprintln!(
        "\n*** SKIPPED {test}: {reason} (set KLANKBORD_REQUIRE_ALL=1 to make this a failure) ***\n"
    );
}

/// The municipality's contact details every test app and CLI run gets (serve requires the first
/// three); tests of their absence remove them.
pub const CONTACT_ENV: [(&str, &str); 7] = [
    ("KLANKBORD_CONTACT_PHONE", "14 0123"),
    ("KLANKBORD_CONTACT_EMAIL", "info@voorbeeld.nl"),
    ("KLANKBORD_PRIVACY_OFFICER_EMAIL", "fg@voorbeeld.nl"),
    ("KLANKBORD_CONTACT_WEBSITE", "https://www.voorbeeld.nl"),
    (
        "KLANKBORD_POSTAL_ADDRESS",
        "Postbus 1000, 1234 AB Voorbeeld",
    ),
    (
        "KLANKBORD_VISITING_ADDRESS",
        "Raadhuisplein 1, 1234 AB Voorbeeld",
    ),
    (
        "KLANKBORD_OPENING_HOURS",
        "maandag tot en met vrijdag 8.30 tot 17.00 uur",
    ),
];

/// A running app on port 0 with its own database.
pub struct TestApp {
    /// `http://127.0.0.1:port`
    pub base: String,
    /// Direct access to the app's database.
    pub pool: Pool,
    handle: actix_web::dev::ServerHandle,
    _dir: tempfile::TempDir,
}

/// CSRF token planted by [`TestApp::session_client`].
pub const TEST_CSRF: &str = "testcsrftokentestcsrftokentestcsrftoken";

/// A strong password for test accounts.
pub fn password_for(username: &str) -> String {
    format!("{username} fiets regen tulp koffiekan")
}

impl TestApp {
    /// Starts an app, or returns `None` (after reporting the skip) when the backend is unavailable.
    pub fn spawn(backend: Backend, test: &str) -> Option<TestApp> {
        let dir = tempfile::tempdir().expect("tempdir");
        let database_url = match backend {
            Backend::Sqlite => format!("sqlite://{}", dir.path().join("klankbord.db").display()),
            Backend::Postgres => match pg::new_database() {
                Ok(url) => url,
                Err(reason) => {
                    skip(test, &reason);
                    return None;
                }
            },
        };
        Some(Self::spawn_with(backend, database_url, dir, &[]))
    }

    /// Starts an app on a given database with extra settings.
    pub fn spawn_with(
        _backend: Backend,
        database_url: String,
        dir: tempfile::TempDir,
        extra: &[(&str, &str)],
    ) -> TestApp {
        let mail = format!("folder:{}", dir.path().join("mail").display());
        // Extra settings first: the first match wins.
        let mut env: Vec<(String, String)> = extra
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        env.extend(vec![
            // Two-factor codes are tested on their own (tests/it/sso.rs); elsewhere a password is enough.
            ("KLANKBORD_TOTP_REQUIRED_ROLES".into(), "geen".into()),
            ("DATABASE_URL".into(), database_url.clone()),
            ("KLANKBORD_BIND".into(), "127.0.0.1:0".into()),
            ("KLANKBORD_WORKERS".into(), "2".into()),
            ("KLANKBORD_DB_POOL_SIZE".into(), "4".into()),
            ("KLANKBORD_MAIL".into(), mail),
        ]);
        env.extend(
            CONTACT_ENV
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string())),
        );
        let config = Config::from_sources(None, &env).expect("test config");
        let pool = db::connect_and_migrate(&config.database_url, 4).expect("database");
        let app_pool = pool.clone();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let system = actix_web::rt::System::new();
            system.block_on(async move {
                match Application::build_with_pool(config, app_pool) {
                    Ok(app) => {
                        let _ = tx.send(Ok((app.port(), app.handle())));
                        let _ = app.run_until_stopped().await;
                    }
                    Err(e) => {
                        let _ = tx.send(Err(e.to_string()));
                    }
                }
            });
        });
        let (port, handle) = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("app start timed out")
            .expect("app failed to start");
        TestApp {
            base: format!("http://127.0.0.1:{port}"),
            pool,
            handle,
            _dir: dir,
        }
    }

    /// The SQLite file of an app made by [`TestApp::spawn`] with SQLite (its WAL is beside it,
    /// with `-wal` added).
    pub fn sqlite_file(&self) -> std::path::PathBuf {
        self._dir.path().join("klankbord.db")
    }

    /// A database connection.
    pub fn conn(&self) -> PooledConn {
        self.pool.get().expect("connection")
    }

    /// Creates an account with `roles`; returns (username, password, id).
    pub fn user(&self, username: &str, roles: &[Role]) -> (String, String, i64) {
        let password = password_for(username);
        let u = service::create_user(
            &mut self.conn(),
            NewAccount {
                username: username.into(),
                display_name: format!("Test {username}"),
                password: password.clone(),
                roles: roles.to_vec(),
            },
            Actor::System,
        )
        .expect("create user");
        (u.username, password, u.id)
    }

    /// A browser-like client without cookies.
    pub fn client(&self) -> Client {
        Client::new(&self.base)
    }

    /// A client that is logged in as a new account holding `role` (logged in through the form).
    pub fn logged_in(&self, username: &str, roles: &[Role]) -> (Client, i64) {
        let (u, p, id) = self.user(username, roles);
        let c = self.client();
        let r = c.login(&u, &p);
        assert_eq!(r.status, 303, "login failed: {}", r.body);
        (c, id)
    }

    /// A client with a session made directly in the database (fast; for the access matrix).
    pub fn session_client(&self, user_id: i64) -> Client {
        let token = sessions::create(&mut self.conn(), user_id, db::now()).expect("session");
        Client::with_cookies(
            &self.base,
            &[(sessions::COOKIE, &token), ("kb_csrf", TEST_CSRF)],
        )
    }

    /// Every message text so far: bodies still in the outbox and `.eml` files the worker wrote
    /// (soft line breaks of quoted-printable joined), as (subject or file, text).
    pub fn mail_texts(&self) -> Vec<String> {
        use diesel::prelude::*;
        use klankbord::db::schema::mail_outbox;
        let mut out: Vec<String> = mail_outbox::table
            .filter(mail_outbox::body_text.is_not_null())
            .select((mail_outbox::subject, mail_outbox::body_text))
            .load::<(String, Option<String>)>(&mut self.conn())
            .expect("outbox")
            .into_iter()
            .map(|(s, b)| format!("{s}\n{}", b.unwrap_or_default()))
            .collect();
        if let Ok(dir) = std::fs::read_dir(self._dir.path().join("mail")) {
            for e in dir.flatten() {
                if let Ok(text) = std::fs::read_to_string(e.path()) {
                    out.push(text.replace("=\r\n", "").replace("=\n", ""));
                }
            }
        }
        out
    }

    /// Counts rows of a table.
    pub fn count(&self, table: &str) -> i64 {
        count_rows(&mut self.conn(), table)
    }
}

impl Drop for TestApp {
    fn drop(&mut self) {
        let handle = self.handle.clone();
        let _ = std::thread::spawn(move || {
            actix_web::rt::System::new().block_on(handle.stop(false));
        })
        .join();
    }
}

/// `SELECT COUNT(*)` on any table.
pub fn count_rows(conn: &mut DbConnection, table: &str) -> i64 {
    use diesel::prelude::*;
    diesel::select(diesel::dsl::sql::<diesel::sql_types::BigInt>(&format!(
        "(SELECT COUNT(*) FROM {table})"
    )))
    .get_result(conn)
    .expect("count")
}

/// A response as a browser sees it.
#[derive(Debug)]
pub struct Resp {
    /// HTTP status.
    pub status: u16,
    /// Body text.
    pub body: String,
    /// Headers (lower-case names).
    pub headers: Vec<(String, String)>,
}

impl Resp {
    /// First value of a header.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// All values of a header.
    pub fn headers_all(&self, name: &str) -> Vec<&str> {
        self.headers
            .iter()
            .filter(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The CSRF token of the (first) form on the page.
    pub fn csrf(&self) -> String {
        let doc = scraper::Html::parse_document(&self.body);
        let sel = scraper::Selector::parse("input[name=csrf]").expect("selector");
        doc.select(&sel)
            .next()
            .and_then(|e| e.value().attr("value"))
            .unwrap_or_else(|| panic!("no CSRF field on page: {}", self.body))
            .to_string()
    }

    /// Texts of all elements matching a CSS selector.
    pub fn texts(&self, css: &str) -> Vec<String> {
        let doc = scraper::Html::parse_document(&self.body);
        let sel = scraper::Selector::parse(css).expect("selector");
        doc.select(&sel)
            .map(|e| e.text().collect::<String>().trim().to_string())
            .collect()
    }

    /// What a browser would send for the first form matching `css` as it stands: text fields with
    /// their values, checked boxes and radio buttons, text areas, chosen options (no buttons).
    pub fn form_values(&self, css: &str) -> Vec<(String, String)> {
        let doc = scraper::Html::parse_document(&self.body);
        let form_sel = scraper::Selector::parse(css).expect("selector");
        let control = scraper::Selector::parse("input, textarea, select").expect("selector");
        let option = scraper::Selector::parse("option").expect("selector");
        let form = doc
            .select(&form_sel)
            .next()
            .unwrap_or_else(|| panic!("no form {css}"));
        let mut out = vec![];
        for c in form.select(&control) {
            let e = c.value();
            let Some(name) = e.attr("name") else { continue };
            match e.name() {
                "textarea" => out.push((name.to_string(), c.text().collect::<String>())),
                "select" => {
                    let chosen = c
                        .select(&option)
                        .find(|o| o.value().attr("selected").is_some())
                        .or_else(|| c.select(&option).next());
                    if let Some(o) = chosen {
                        let v = o
                            .value()
                            .attr("value")
                            .map(str::to_string)
                            .unwrap_or_else(|| o.text().collect());
                        out.push((name.to_string(), v));
                    }
                }
                _ => {
                    let kind = e.attr("type").unwrap_or("text");
                    let value = e.attr("value").unwrap_or("").to_string();
                    match kind {
                        "checkbox" | "radio" => {
                            if e.attr("checked").is_some() {
                                out.push((name.to_string(), value));
                            }
                        }
                        "submit" | "button" | "file" => {}
                        _ => out.push((name.to_string(), value)),
                    }
                }
            }
        }
        out
    }

    /// The value of an attribute on the first element matching a selector.
    pub fn attr(&self, css: &str, attr: &str) -> Option<String> {
        let doc = scraper::Html::parse_document(&self.body);
        let sel = scraper::Selector::parse(css).expect("selector");
        doc.select(&sel)
            .next()
            .and_then(|e| e.value().attr(attr).map(str::to_string))
    }
}

/// A cookie-keeping HTTP client that does not follow redirects (tests look at them).
pub struct Client {
    agent: ureq::Agent,
    base: String,
}

impl Client {
    fn new(base: &str) -> Client {
        Self::with_cookies(base, &[])
    }

    /// A client that already holds these cookies, as if the server had set them.
    pub fn with_cookies(base: &str, cookies: &[(&str, &str)]) -> Client {
        let url = url_parse(base);
        let mut store = cookie_store::CookieStore::default();
        for (name, value) in cookies {
            let mut raw = cookie_store::RawCookie::new(name.to_string(), value.to_string());
            raw.set_path("/");
            store.insert_raw(&raw, &url).expect("cookie");
        }
        Client {
            agent: ureq::AgentBuilder::new()
                .redirects(0)
                .timeout(Duration::from_secs(30))
                .cookie_store(store)
                .build(),
            base: base.to_string(),
        }
    }

    /// Value of a cookie the client holds.
    pub fn cookie(&self, name: &str) -> Option<String> {
        let url = url_parse(&self.base);
        self.agent
            .cookie_store()
            .get_request_values(&url)
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.to_string())
    }

    fn finish(result: Result<ureq::Response, ureq::Error>) -> Resp {
        let resp = match result {
            Ok(r) => r,
            Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("request failed: {e}"),
        };
        let status = resp.status();
        let headers = resp
            .headers_names()
            .into_iter()
            .flat_map(|n| {
                resp.all(&n)
                    .into_iter()
                    .map(|v| (n.clone(), v.to_string()))
                    .collect::<Vec<_>>()
            })
            .collect();
        // Read whole, whatever its size (ureq's into_string stops at 10 MB); a body broken off
        // keeps what arrived, so a test that checks the end sees it missing.
        let mut bytes = vec![];
        let _ = std::io::Read::read_to_end(&mut resp.into_reader(), &mut bytes);
        let body = String::from_utf8_lossy(&bytes).into_owned();
        Resp {
            status,
            body,
            headers,
        }
    }

    /// GET a file: status, content type and the bytes.
    pub fn get_bytes(&self, path: &str) -> (u16, String, Vec<u8>) {
        let resp = match self.agent.get(&format!("{}{path}", self.base)).call() {
            Ok(r) | Err(ureq::Error::Status(_, r)) => r,
            Err(e) => panic!("GET {path}: {e}"),
        };
        let status = resp.status();
        let kind = resp.content_type().to_string();
        let mut bytes = vec![];
        std::io::Read::read_to_end(&mut resp.into_reader(), &mut bytes).unwrap();
        (status, kind, bytes)
    }

    /// GET a path.
    pub fn get(&self, path: &str) -> Resp {
        Self::finish(self.agent.get(&format!("{}{path}", self.base)).call())
    }

    /// GET with extra headers.
    pub fn get_with(&self, path: &str, headers: &[(&str, &str)]) -> Resp {
        let mut req = self.agent.get(&format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.set(k, v);
        }
        Self::finish(req.call())
    }

    /// POST form fields exactly as given (no token added).
    pub fn post_raw(&self, path: &str, fields: &[(&str, &str)]) -> Resp {
        self.post_with(path, fields, &[])
    }

    /// POST form fields with extra headers.
    pub fn post_with(&self, path: &str, fields: &[(&str, &str)], headers: &[(&str, &str)]) -> Resp {
        let mut req = self.agent.post(&format!("{}{path}", self.base));
        for (k, v) in headers {
            req = req.set(k, v);
        }
        Self::finish(req.send_form(fields))
    }

    /// POST a raw body with its content type (for file uploads).
    pub fn post_body(&self, path: &str, content_type: &str, body: &[u8]) -> Resp {
        Self::finish(
            self.agent
                .post(&format!("{}{path}", self.base))
                .set("Content-Type", content_type)
                .send_bytes(body),
        )
    }

    /// Opens `page`, takes the CSRF token from its form and posts `fields` to `action`, like a browser.
    pub fn submit(&self, page: &str, action: &str, fields: &[(&str, &str)]) -> Resp {
        let p = self.get(page);
        assert_eq!(p.status, 200, "GET {page}: {}", p.status);
        let token = p.csrf();
        let mut all: Vec<(&str, &str)> = vec![("csrf", token.as_str())];
        all.extend_from_slice(fields);
        self.post_raw(action, &all)
    }

    /// Logs in through the login form.
    pub fn login(&self, username: &str, password: &str) -> Resp {
        self.submit(
            "/inloggen",
            "/inloggen",
            &[("gebruikersnaam", username), ("wachtwoord", password)],
        )
    }
}

fn url_parse(base: &str) -> url::Url {
    url::Url::parse(base).expect("url")
}

/// Runs a test body on SQLite and on PostgreSQL, as two tests.
#[macro_export]
macro_rules! both_backends {
    ($name:ident, |$app:ident| $body:block) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;
            fn run($app: $crate::support::TestApp) $body
            #[test]
            fn sqlite() {
                if let Some(app) = $crate::support::TestApp::spawn($crate::support::Backend::Sqlite, concat!(stringify!($name), "::sqlite")) {
                    run(app);
                }
            }
            #[test]
            fn postgres() {
                if let Some(app) = $crate::support::TestApp::spawn($crate::support::Backend::Postgres, concat!(stringify!($name), "::postgres")) {
                    run(app);
                }
            }
        }
    };
}
