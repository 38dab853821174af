//! The mail outbox against a real SMTP sink: waiting while the server is down, each message once,
//! two workers side by side, crashed claims taken over.

use diesel::prelude::*;
use klankbord::db::schema::mail_outbox;
use klankbord::db::{self, Pool};
use klankbord::mail::{self, MailTransport, OutgoingMail};

use crate::cli::klankbord;
use crate::support::smtp::{free_port, SmtpSink};
use crate::support::{pg, skip, Backend};

const FROM: &str = "Gemeente Voorbeeld <klankbord@voorbeeld.test>";

fn fresh_pool(backend: Backend, test: &str) -> Option<(Pool, tempfile::TempDir)> {
    let dir = tempfile::tempdir().unwrap();
    let url = match backend {
        Backend::Sqlite => format!("sqlite://{}", dir.path().join("k.db").display()),
        Backend::Postgres => match pg::new_database() {
            Ok(u) => u,
            Err(e) => {
                skip(test, &e);
                return None;
            }
        },
    };
    let pool = db::connect_and_migrate(&db::DatabaseUrl::parse(&url).unwrap(), 8).unwrap();
    Some((pool, dir))
}

fn queue(pool: &Pool, n: usize) -> Vec<String> {
    let mut conn = pool.get().unwrap();
    (0..n)
        .map(|i| {
            let m = OutgoingMail {
                kind: "test".into(),
                about: Some(("complaint".into(), i.to_string())),
                to: format!("klager{i}@voorbeeld.test"),
                subject: format!("Ontvangstbevestiging {i}"),
                body: format!("Beste klager {i},\n\nWij hebben uw klacht ontvangen.\n"),
            };
            db::write_tx(&mut conn, |c| {
                mail::enqueue(c, &m, "voorbeeld.test", db::now())
            })
            .unwrap()
        })
        .collect()
}

fn smtp(port: u16) -> MailTransport {
    MailTransport::from_config(&klankbord::config::MailConfig::Smtp(format!(
        "smtp://127.0.0.1:{port}"
    )))
    .unwrap()
}

fn sink_or_skip(port: u16, dir: &std::path::Path, test: &str) -> Option<SmtpSink> {
    match SmtpSink::start(port, dir) {
        Ok(s) => Some(s),
        Err(e) => {
            skip(test, &e);
            None
        }
    }
}

fn messages_wait_while_smtp_is_down_then_go_out_once(backend: Backend, test: &str) {
    let Some((pool, dir)) = fresh_pool(backend, test) else {
        return;
    };
    let ids = queue(&pool, 5);
    let port = free_port();
    let transport = smtp(port);
    // The SMTP server is down: nothing is lost, every message waits for a retry.
    let stats = mail::run_round(&pool, &transport, FROM, "worker-a", usize::MAX).unwrap();
    assert_eq!((stats.sent, stats.failed), (0, 5));
    let rows: Vec<(String, i32, Option<String>)> = mail_outbox::table
        .select((
            mail_outbox::status,
            mail_outbox::attempts,
            mail_outbox::last_error,
        ))
        .load(&mut pool.get().unwrap())
        .unwrap();
    assert!(
        rows.iter().all(|(s, a, _)| s == "pending" && *a == 1),
        "{rows:?}"
    );
    // The stored error says what failed, not to whom.
    assert!(
        rows.iter()
            .all(|(_, _, e)| e.as_deref().is_some_and(|e| !e.contains('@'))),
        "{rows:?}"
    );
    let Some(sink) = sink_or_skip(port, dir.path(), test) else {
        return;
    };
    // Not due yet: the back-off is respected.
    assert_eq!(
        mail::run_round(&pool, &transport, FROM, "worker-a", usize::MAX)
            .unwrap()
            .sent,
        0
    );
    // Time passes.
    diesel::update(mail_outbox::table)
        .set(mail_outbox::next_attempt_at.eq(db::now() - chrono::Duration::seconds(1)))
        .execute(&mut pool.get().unwrap())
        .unwrap();
    assert_eq!(
        mail::run_round(&pool, &transport, FROM, "worker-a", usize::MAX)
            .unwrap()
            .sent,
        5
    );
    assert_eq!(
        mail::run_round(&pool, &transport, FROM, "worker-a", usize::MAX)
            .unwrap()
            .sent,
        0
    );
    let mut got = sink.message_ids();
    got.sort();
    let mut want = ids.clone();
    want.sort();
    assert_eq!(got, want, "each message exactly once");
    let texts = sink.messages();
    assert!(texts
        .iter()
        .any(|m| m.contains("Ontvangstbevestiging 3") && m.contains("klager3@voorbeeld.test")));
    // Once sent, the address and the text are gone from the outbox.
    let left: Vec<(String, Option<String>, Option<String>)> = mail_outbox::table
        .select((
            mail_outbox::status,
            mail_outbox::to_address,
            mail_outbox::body_text,
        ))
        .load(&mut pool.get().unwrap())
        .unwrap();
    assert!(
        left.iter()
            .all(|(s, a, b)| s == "sent" && a.is_none() && b.is_none()),
        "{left:?}"
    );
}

#[test]
fn messages_wait_while_smtp_is_down_then_go_out_once_sqlite() {
    messages_wait_while_smtp_is_down_then_go_out_once(Backend::Sqlite, "mail_wait::sqlite");
}

#[test]
fn messages_wait_while_smtp_is_down_then_go_out_once_postgres() {
    messages_wait_while_smtp_is_down_then_go_out_once(Backend::Postgres, "mail_wait::postgres");
}

fn two_workers_send_each_message_once(backend: Backend, test: &str) {
    let Some((pool, dir)) = fresh_pool(backend, test) else {
        return;
    };
    let ids = queue(&pool, 60);
    let port = free_port();
    let Some(sink) = sink_or_skip(port, dir.path(), test) else {
        return;
    };
    let workers: Vec<_> = ["instance-a", "instance-b"]
        .into_iter()
        .map(|me| {
            let pool = pool.clone();
            std::thread::spawn(move || {
                mail::run_round(&pool, &smtp(port), FROM, me, usize::MAX).unwrap()
            })
        })
        .collect();
    let sent: usize = workers.into_iter().map(|w| w.join().unwrap().sent).sum();
    assert_eq!(sent, 60);
    let mut got = sink.message_ids();
    got.sort();
    let mut want = ids;
    want.sort();
    assert_eq!(got.len(), 60, "no message twice");
    assert_eq!(got, want);
}

#[test]
fn two_workers_send_each_message_once_sqlite() {
    two_workers_send_each_message_once(Backend::Sqlite, "mail_two_workers::sqlite");
}

#[test]
fn two_workers_send_each_message_once_postgres() {
    two_workers_send_each_message_once(Backend::Postgres, "mail_two_workers::postgres");
}

#[test]
fn a_claim_left_by_a_crashed_instance_is_taken_over() {
    let Some((pool, dir)) = fresh_pool(Backend::Sqlite, "mail_crash") else {
        return;
    };
    queue(&pool, 1);
    let claimed = mail::claim(&mut pool.get().unwrap(), "crashed", db::now(), 10).unwrap();
    assert_eq!(claimed.len(), 1);
    let folder = dir.path().join("out");
    let transport =
        MailTransport::from_config(&klankbord::config::MailConfig::Folder(folder.clone())).unwrap();
    // While the claim holds, nobody else takes the message.
    assert_eq!(
        mail::run_round(&pool, &transport, FROM, "other", 10)
            .unwrap()
            .sent,
        0
    );
    diesel::update(mail_outbox::table)
        .set(mail_outbox::claimed_until.eq(db::now() - chrono::Duration::seconds(1)))
        .execute(&mut pool.get().unwrap())
        .unwrap();
    assert_eq!(
        mail::run_round(&pool, &transport, FROM, "other", 10)
            .unwrap()
            .sent,
        1
    );
    assert_eq!(std::fs::read_dir(&folder).unwrap().count(), 1);
}

#[test]
fn mail_commands_queue_and_send_a_test_message() {
    let dir = tempfile::tempdir().unwrap();
    let db_url = format!("sqlite://{}", dir.path().join("k.db").display());
    let folder = dir.path().join("post");
    let run = |args: &[&str]| {
        klankbord()
            .args(args)
            .env("DATABASE_URL", &db_url)
            .env("KLANKBORD_MAIL", format!("folder:{}", folder.display()))
            .output()
            .unwrap()
    };
    let out = run(&["mail", "test", "--to", "geen-adres"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("adres"));
    assert!(run(&["mail", "test", "--to", "it@voorbeeld.test"])
        .status
        .success());
    let out = run(&["mail", "status"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("pending"));
    let out = run(&["mail", "run"]);
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("1 verstuurd"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let files: Vec<_> = std::fs::read_dir(&folder).unwrap().flatten().collect();
    assert_eq!(files.len(), 1);
    let text = std::fs::read_to_string(files[0].path()).unwrap();
    assert!(
        text.contains("To: it@voorbeeld.test") && text.contains("Testbericht van Klankbord"),
        "{text}"
    );
    assert!(String::from_utf8_lossy(&run(&["mail", "status"]).stdout).contains("sent"));
}

#[test]
fn the_server_sends_queued_mail_by_itself() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("k.db").display());
    let folder = dir.path().join("uit");
    let mail_setting = format!("folder:{}", folder.display());
    let app = crate::support::TestApp::spawn_with(
        Backend::Sqlite,
        url,
        dir,
        &[
            ("KLANKBORD_MAIL", &mail_setting),
            ("KLANKBORD_MAIL_POLL_SECONDS", "1"),
        ],
    );
    queue(&app.pool, 2);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        let n = std::fs::read_dir(&folder)
            .map(|d| {
                d.flatten()
                    .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                    .count()
            })
            .unwrap_or(0);
        if n == 2 {
            break;
        }
        if std::time::Instant::now() > deadline {
            let rows: Vec<(String, i32, Option<String>)> = mail_outbox::table
                .select((
                    mail_outbox::status,
                    mail_outbox::attempts,
                    mail_outbox::last_error,
                ))
                .load(&mut app.pool.get().unwrap())
                .unwrap();
            panic!("server did not send the queued mail: {rows:?}");
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

crate::both_backends!(admin_sees_the_outbox_and_queues_a_test_message, |app| {
    use klankbord::web::i18n::{t, Lang};
    let (admin, _) = app.logged_in(
        "mail.beheer",
        &[klankbord::accounts::model::Role::Beheerder],
    );
    let r = admin.submit(
        "/beheer/mail",
        "/beheer/mail/test",
        &[("aan", "geen adres")],
    );
    assert_eq!(r.status, 422);
    assert!(r
        .texts("#aan-error")
        .contains(&t(Lang::Nl, "mail-test-invalid")));
    let r = admin.submit(
        "/beheer/mail",
        "/beheer/mail/test",
        &[("aan", "it@voorbeeld.test")],
    );
    assert_eq!(r.status, 303);
    let page = admin.get(r.header("location").unwrap());
    assert!(page.body.contains(&t(Lang::Nl, "notice-mail-queued")));
    let waiting = t(Lang::Nl, "mail-status-pending");
    let sent = t(Lang::Nl, "mail-status-sent");
    let cells = page.texts("td");
    assert!(
        cells.contains(&waiting) || cells.contains(&sent),
        "{cells:?}"
    );
    assert_eq!(app.count("mail_outbox"), 1);
    assert!(admin
        .get("/beheer/audit")
        .texts("td code")
        .contains(&"mail.test_queued".to_string()));
});
