//! Two `klankbord serve` processes on one PostgreSQL database, as behind a load balancer:
//! nothing that matters lives in one process's memory.

use klankbord::accounts::model::Role;

use crate::cli::{klankbord, start_server};
use crate::support::{pg, skip, Client};

#[test]
fn two_instances_share_sessions_and_revocations() {
    let url = match pg::new_database() {
        Ok(u) => u,
        Err(reason) => return skip("two_instances_share_sessions_and_revocations", &reason),
    };
    let serve = || {
        let mut c = klankbord();
        c.arg("serve")
            .env("DATABASE_URL", &url)
            .env("KLANKBORD_BIND", "127.0.0.1:0")
            .env("KLANKBORD_WORKERS", "1");
        c
    };
    // Both start at once and race to migrate the same empty database.
    let (_a, a) = start_server(serve());
    let (_b, b) = start_server(serve());
    let a = a.lines().next().unwrap().to_string();
    let b = b.lines().next().unwrap().to_string();
    assert_ne!(a, b);
    let mut conn = klankbord::db::DatabaseUrl::parse(&url)
        .unwrap()
        .connect()
        .unwrap();
    let make = |conn: &mut klankbord::db::DbConnection, name: &str, role: Role| {
        klankbord::accounts::service::create_user(
            conn,
            klankbord::accounts::service::NewAccount {
                username: name.into(),
                display_name: name.into(),
                password: crate::support::password_for(name),
                roles: vec![role],
            },
            klankbord::accounts::audit::Actor::System,
        )
        .unwrap()
        .id
    };
    make(&mut conn, "s.beheer", Role::Beheerder);
    let target = make(&mut conn, "s.lid", Role::Commissielid);

    // Log in on A; the same cookie works on B.
    let on_a = Client::with_cookies(&a, &[]);
    assert_eq!(
        on_a.login("s.lid", &crate::support::password_for("s.lid"))
            .status,
        303
    );
    let token = on_a.cookie("kb_sessie").expect("session cookie");
    let on_b = Client::with_cookies(&b, &[("kb_sessie", &token)]);
    assert_eq!(
        on_b.get("/werkplek").status,
        200,
        "session made on A is valid on B"
    );
    assert_eq!(on_a.get("/werkplek").status, 200);

    // The admin disables the account on B; A refuses it at once too.
    let admin = Client::with_cookies(&b, &[]);
    assert_eq!(
        admin
            .login("s.beheer", &crate::support::password_for("s.beheer"))
            .status,
        303
    );
    let page = format!("/beheer/gebruikers/{target}");
    assert_eq!(
        admin
            .submit(
                &page,
                &format!("{page}/status"),
                &[("actie", "uitschakelen")]
            )
            .status,
        303
    );
    assert_eq!(
        on_a.get("/werkplek").status,
        303,
        "instance A still accepted a disabled user"
    );
    assert_eq!(
        on_b.get("/werkplek").status,
        303,
        "instance B still accepted a disabled user"
    );
    let again = Client::with_cookies(&a, &[]);
    assert_eq!(
        again
            .login("s.lid", &crate::support::password_for("s.lid"))
            .status,
        422
    );

    // Login attempts are counted across instances: a lock-out made on A holds on B.
    for _ in 0..5 {
        Client::with_cookies(&a, &[]).login("s.beheer", "verkeerd wachtwoord 1");
    }
    let r =
        Client::with_cookies(&b, &[]).login("s.beheer", &crate::support::password_for("s.beheer"));
    assert_eq!(r.status, 422);
    assert!(r.body.contains("te vaak"));
}

/// Two instances start at once on one PostgreSQL database with overdue complaints: their
/// housekeeping both look for reminders, and each reminder is recorded and queued once.
#[test]
fn two_instances_send_each_complaint_reminder_once() {
    use diesel::prelude::*;
    use klankbord::db::schema::{complaint_reminders, mail_outbox};
    let url = match pg::new_database() {
        Ok(u) => u,
        Err(reason) => return skip("two_instances_send_each_complaint_reminder_once", &reason),
    };
    let parsed = klankbord::db::DatabaseUrl::parse(&url).unwrap();
    let pool = klankbord::db::connect_and_migrate(&parsed, 2).unwrap();
    let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
    let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
    let received = klankbord::fmt::today() - chrono::Duration::days(50);
    let cases = 12;
    for n in 0..cases {
        let new = klankbord::complaints::store::NewComplaint {
            received_on: received,
            channel: klankbord::complaints::terms::Channel::Letter,
            language: klankbord::web::i18n::Lang::Nl,
            address: Some(format!("Straat {n}")),
            description: "Niet teruggebeld.".into(),
            ..Default::default()
        };
        klankbord::complaints::store::register(&mut pool.get().unwrap(), &setup.env(), &new, None)
            .unwrap();
    }
    let mail = tempfile::tempdir().unwrap();
    let serve = || {
        let mut c = klankbord();
        c.arg("serve")
            .env("DATABASE_URL", &url)
            .env("KLANKBORD_BIND", "127.0.0.1:0")
            .env("KLANKBORD_WORKERS", "1")
            .env(
                "KLANKBORD_MAIL",
                format!("folder:{}", mail.path().display()),
            )
            .env("KLANKBORD_COMPLAINTS_MAILBOX", "klachten@voorbeeld.nl");
        c
    };
    let (_a, _) = start_server(serve());
    let (_b, _) = start_server(serve());
    let count = |conn: &mut klankbord::db::DbConnection| -> (i64, i64) {
        let r = complaint_reminders::table.count().get_result(conn).unwrap();
        let m = mail_outbox::table
            .filter(mail_outbox::kind.eq("klacht-herinnering"))
            .count()
            .get_result(conn)
            .unwrap();
        (r, m)
    };
    let mut conn = pool.get().unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while count(&mut conn).0 < cases && std::time::Instant::now() < deadline {
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    // Give the slower instance time to try as well.
    std::thread::sleep(std::time::Duration::from_secs(2));
    assert_eq!(
        count(&mut conn),
        (cases, cases),
        "one reminder per overdue case, one message each"
    );
    let levels: Vec<String> = complaint_reminders::table
        .select(complaint_reminders::level)
        .load(&mut conn)
        .unwrap();
    assert!(levels.iter().all(|l| l == "na"), "all past their deadline");
}
