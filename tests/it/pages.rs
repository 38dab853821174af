//! Public pages: languages, layout, security headers, error pages, health check.

use klankbord::web::i18n::{t, Lang};

use crate::both_backends;
use crate::support::Backend;

both_backends!(start_page_in_every_language, |app| {
    let c = app.client();
    for lang in Lang::ALL {
        let r = c.get(&format!("/?lang={}", lang.code()));
        assert_eq!(r.status, 200);
        assert_eq!(r.attr("html", "lang").as_deref(), Some(lang.code()));
        let dir = if lang == Lang::Ar { "rtl" } else { "ltr" };
        assert_eq!(r.attr("html", "dir").as_deref(), Some(dir));
        assert_eq!(r.texts("h1"), vec![t(lang, "home-title")]);
        // The two things a resident comes for.
        assert_eq!(r.attr("a.action[href='/v']", "href").as_deref(), Some("/v"));
        assert_eq!(
            r.attr("a.action[href='/klacht']", "href").as_deref(),
            Some("/klacht")
        );
        // Every page offers every language.
        assert_eq!(r.texts("nav.languages a").len(), Lang::ALL.len());
        // Skip link and landmarks.
        assert_eq!(r.attr("a.skip", "href").as_deref(), Some("#inhoud"));
        assert_eq!(r.texts("main#inhoud").len(), 1);
        assert_eq!(r.texts("header").len(), 1);
        assert_eq!(r.texts("footer").len(), 1);
        // No script at all, no third-party assets.
        assert!(!r.body.contains("<script"));
        assert!(
            !r.body.contains("http://") && !r.body.contains("https://"),
            "external reference on /"
        );
    }
});

#[test]
fn dutch_start_page_says_it_has_no_effect_on_the_benefit() {
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "dutch_start_page") else {
        return;
    };
    let r = app.client().get("/");
    assert_eq!(r.attr("html", "lang").as_deref(), Some("nl"));
    assert!(r.body.contains("geen invloed op uw uitkering"));
    assert!(r.body.contains("anoniem"));
    assert!(!r.body.to_lowercase().contains("fraudeur"));
}

#[test]
fn language_choice_is_remembered_and_accept_language_is_honoured() {
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "language_choice") else {
        return;
    };
    let c = app.client();
    c.get("/?lang=tr");
    let r = c.get("/privacy");
    assert_eq!(r.attr("html", "lang").as_deref(), Some("tr"));
    let fresh = app.client();
    let r = fresh.get_with("/", &[("Accept-Language", "fr-FR, pl;q=0.8, en;q=0.5")]);
    assert_eq!(r.attr("html", "lang").as_deref(), Some("pl"));
    let r = fresh.get_with("/", &[("Accept-Language", "fr")]);
    assert_eq!(r.attr("html", "lang").as_deref(), Some("nl"));
}

#[test]
fn security_headers_on_every_page() {
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "security_headers") else {
        return;
    };
    let c = app.client();
    for path in ["/", "/inloggen", "/bestaat-niet", "/static/klankbord.css"] {
        let r = c.get(path);
        let csp = r.header("content-security-policy").unwrap_or_default();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}: {csp}");
        assert!(csp.contains("default-src 'none'"), "{path}: {csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"),
            "{path}: {csp}"
        );
        // The only script is our own optional "lees voor" file: nothing inline, nothing from elsewhere.
        assert!(
            csp.contains("script-src 'self';"),
            "{path}: scripts only from this site: {csp}"
        );
        assert_eq!(r.header("referrer-policy"), Some("same-origin"), "{path}");
        assert_eq!(
            r.header("x-content-type-options"),
            Some("nosniff"),
            "{path}"
        );
        assert_eq!(r.header("x-frame-options"), Some("DENY"), "{path}");
    }
    // The login form sets a CSRF cookie that scripts cannot read.
    let r = app.client().get("/inloggen");
    let cookie = r
        .headers_all("set-cookie")
        .into_iter()
        .find(|v| v.starts_with("kb_csrf="))
        .expect("csrf cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
}

#[test]
fn secure_cookies_behind_https() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("k.db").display());
    let app = crate::support::TestApp::spawn_with(
        Backend::Sqlite,
        url,
        dir,
        &[("KLANKBORD_PUBLIC_URL", "https://klankbord.example.nl")],
    );
    let r = app.client().get("/inloggen");
    let cookie = r
        .headers_all("set-cookie")
        .into_iter()
        .find(|v| v.starts_with("kb_csrf="))
        .expect("csrf cookie");
    assert!(cookie.contains("Secure"), "{cookie}");
    assert!(r.header("strict-transport-security").is_some());
}

#[test]
fn error_pages_in_the_visitors_language() {
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "error_pages") else {
        return;
    };
    let c = app.client();
    let r = c.get("/bestaat-niet");
    assert_eq!(r.status, 404);
    assert_eq!(r.texts("h1"), vec![t(Lang::Nl, "error-404-title")]);
    assert!(r
        .header("content-type")
        .unwrap_or_default()
        .starts_with("text/html"));
    let r = c.get("/bestaat-niet?lang=ar");
    assert_eq!(r.status, 404);
    assert_eq!(r.attr("html", "dir").as_deref(), Some("rtl"));
    assert_eq!(r.texts("h1"), vec![t(Lang::Ar, "error-404-title")]);
    // Wrong method: a page too, with the allowed methods.
    let r = c.post_raw("/privacy", &[]);
    assert_eq!(r.status, 405);
    assert_eq!(r.texts("h1"), vec![t(Lang::Ar, "error-405-title")]);
    // 403 for a role without access, in English after switching.
    let (staff, _) = app.logged_in("r.raad", &[klankbord::accounts::model::Role::Raadslid]);
    staff.get("/?lang=en");
    let r = staff.get("/beheer/gebruikers");
    assert_eq!(r.status, 403);
    assert_eq!(r.texts("h1"), vec![t(Lang::En, "error-403-title")]);
}

#[test]
fn hostile_text_comes_out_escaped() {
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "hostile_text") else {
        return;
    };
    let (admin, _) = app.logged_in("beheer", &[klankbord::accounts::model::Role::Beheerder]);
    let r = admin.submit(
        "/beheer/gebruikers",
        "/beheer/gebruikers",
        &[
            ("gebruikersnaam", "x.test"),
            ("naam", "<script>alert(1)</script> \"Jansen\""),
            ("wachtwoord", "fiets regen tulp koffiekan"),
            ("rol", "raadslid"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let list = admin.get("/beheer/gebruikers");
    assert!(!list.body.contains("<script>alert(1)</script>"));
    assert!(list.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    // The language switch echoes the path; a crafted path must not break out of the attribute.
    let r = app.client().get("/%22%3E%3Cscript%3Ex%3C/script%3E");
    assert_eq!(r.status, 404);
    assert!(!r.body.contains("<script>x</script>"));
}

both_backends!(health_check_reports_the_database, |app| {
    let r = app.client().get("/healthz");
    assert_eq!(r.status, 200);
    let v: serde_json::Value = serde_json::from_str(&r.body).unwrap();
    assert_eq!(v["status"], "ok");
    assert_eq!(v["database"], "ok");
    assert_eq!(r.header("cache-control"), Some("no-store"));
});

#[test]
fn stylesheet_is_ours_and_printable() {
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "stylesheet") else {
        return;
    };
    let r = app.client().get("/static/klankbord.css");
    assert_eq!(r.status, 200);
    assert!(r
        .header("content-type")
        .unwrap_or_default()
        .starts_with("text/css"));
    assert!(r.body.contains("@media print"));
    assert!(r.body.contains(":focus-visible"));
    assert!(!r.body.contains("@import") && !r.body.contains("url(http"));
}

#[test]
fn cached_public_pages_never_mix_visitors() {
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "page_cache") else {
        return;
    };
    let anon = app.client();
    let first = anon.get("/?lang=pl");
    let (staff, _) = app.logged_in("cache.test", &[klankbord::accounts::model::Role::Raadslid]);
    let r = staff.get("/?lang=pl");
    assert!(
        r.body.contains("Test cache.test"),
        "staff see their own header"
    );
    assert_eq!(r.header("cache-control"), Some("no-store"));
    // The anonymous page (served from the cache) is unchanged and holds nobody's name.
    let again = anon.get("/?lang=pl");
    assert_eq!(first.body, again.body);
    assert!(!again.body.contains("cache.test"));
    // Each language has its own page.
    assert_eq!(
        anon.get("/?lang=uk").attr("html", "lang").as_deref(),
        Some("uk")
    );
}

#[test]
fn a_fault_on_our_side_gives_a_friendly_page_and_no_details() {
    use diesel::connection::SimpleConnection;
    let Some(app) = crate::support::TestApp::spawn(Backend::Sqlite, "error_500") else {
        return;
    };
    let (admin, _) = app.logged_in(
        "fout.beheer",
        &[klankbord::accounts::model::Role::Beheerder],
    );
    // Break the database under the running server.
    app.conn().batch_execute("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_no_update; DROP TABLE audit_log;").unwrap();
    admin.get("/?lang=uk");
    let r = admin.get("/beheer/audit");
    assert_eq!(r.status, 500);
    assert_eq!(r.texts("h1"), vec![t(Lang::Uk, "error-500-title")]);
    assert_eq!(r.attr("html", "lang").as_deref(), Some("uk"));
    // The cause goes to the log, not to the visitor.
    assert!(
        !r.body.contains("audit_log") && !r.body.to_lowercase().contains("sql"),
        "{}",
        r.body
    );
}
