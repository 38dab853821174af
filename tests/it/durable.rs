//! Durable acknowledgements, proved on the real server: `klankbord serve` runs under `strace`, a
//! resident's answer sets are sent one by one, and the trace must show, for every success response,
//! the commit's writes to the SQLite WAL, then an `fdatasync` of the WAL that began after them and
//! ended before the response was written to that resident's connection.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use klankbord::codes;
use klankbord::db;
use klankbord::surveys::builder::FormAnswers;
use klankbord::surveys::definition::Definition;
use klankbord::surveys::waves;

use crate::support::{skip, CONTACT_ENV};

const CSRF: &str = "durablecsrftokendurablecsrftokendura";

fn one_page_text() -> String {
    let (_, text) = klankbord::surveys::SHIPPED[0];
    text.replacen("version = 1\n", "version = 1\none_page = true\n", 1)
}

fn answer_body(def: &Definition) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    s.append_pair("csrf", CSRF);
    s.append_pair("actie", "versturen");
    let answers = FormAnswers {
        grade: 7,
        scale: 4,
        single_code: None,
        single_at: 0,
        multi_at: &[0],
        text: "Goed geholpen.",
    };
    for (key, value) in answers.always_shown(def) {
        s.append_pair(&key, &value);
    }
    s.finish()
}

/// One line of the trace: thread, the call, and whether this line holds its end (`= …`).
struct Call<'a> {
    pid: &'a str,
    text: &'a str,
}

fn parse(line: &str) -> Option<Call<'_>> {
    let (pid, rest) = line.split_once(' ')?;
    Some(Call {
        pid,
        text: rest.trim_start(),
    })
}

fn strace_works() -> bool {
    Command::new("strace")
        .args(["-f", "-o", "/dev/null", "true"])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

#[test]
fn every_success_response_goes_out_after_the_sync_that_covers_it() {
    if !strace_works() {
        skip(
            "durable::every_success_response_goes_out_after_the_sync_that_covers_it",
            "strace is not installed or may not trace here (apt install strace)",
        );
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db_path = dir.path().join("k.db");
    let url = format!("sqlite://{}", db_path.display());
    let def = klankbord::surveys::definition::parse("one-page", &one_page_text()).unwrap();
    let codes: Vec<String> = {
        let pool = db::connect_and_migrate(&db::DatabaseUrl::parse(&url).unwrap(), 2).unwrap();
        let mut c = pool.get().unwrap();
        waves::register_shipped(&mut c).unwrap();
        waves::register_version(&mut c, &def, &one_page_text()).unwrap();
        klankbord::surveys::builder::WaveBuilder::new()
            .name("Duurzaam")
            .population(1000)
            .create_with_codes(&mut c, 12)
            .unwrap()
            .1
            .into_iter()
            .map(|c| codes::parse(&c).unwrap())
            .collect()
    };
    let trace = dir.path().join("trace.txt");
    let mut cmd = Command::new("strace");
    cmd.args(["-f", "-yy", "-s", "48", "-e"])
        .arg("trace=read,recvfrom,write,writev,sendto,sendmsg,pwrite64,fdatasync,fsync")
        .arg("-o")
        .arg(&trace)
        .arg(env!("CARGO_BIN_EXE_klankbord"))
        .arg("serve")
        .env("DATABASE_URL", &url)
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .env("KLANKBORD_WORKERS", "1")
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null());
    for (k, v) in CONTACT_ENV {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut port = 0u16;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(addr) = line.split("luistert op ").nth(1) {
            port = addr
                .split_whitespace()
                .next()
                .and_then(|a| a.rsplit(':').next())
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            break;
        }
    }
    assert!(port > 0, "the server did not start under strace");

    let body = answer_body(&def);
    let mut client_ports = vec![];
    for code in &codes {
        let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
        s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        client_ports.push(s.local_addr().unwrap().port());
        let req = format!(
            "POST /v/vraag/0 HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\
             Content-Type: application/x-www-form-urlencoded\r\n\
             Cookie: kb_csrf={CSRF}; kb_v={code}\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        s.write_all(req.as_bytes()).unwrap();
        let mut answer = String::new();
        let _ = s.read_to_string(&mut answer);
        assert!(
            answer.starts_with("HTTP/1.1 303"),
            "the answer set was not accepted: {}",
            answer.lines().next().unwrap_or("")
        );
    }
    // Let strace write its last lines, then stop the server.
    let settle = Instant::now();
    while settle.elapsed() < Duration::from_millis(300) {
        std::thread::sleep(Duration::from_millis(50));
    }
    // Killing strace detaches the server it traces and leaves it running: stop the server first
    // (strace's children, from /proc), then strace.
    let strace_pid = child.id();
    let servers: Vec<String> = std::fs::read_dir(format!("/proc/{strace_pid}/task"))
        .map(|tasks| {
            tasks
                .filter_map(Result::ok)
                .filter_map(|t| std::fs::read_to_string(t.path().join("children")).ok())
                .flat_map(|c| c.split_whitespace().map(str::to_string).collect::<Vec<_>>())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        !servers.is_empty(),
        "strace has no child: the server did not run under it"
    );
    for pid in &servers {
        let _ = Command::new("kill").args(["-KILL", pid]).status();
    }
    let _ = child.kill();
    let _ = child.wait();
    let gone = |pid: &String| {
        std::fs::read_to_string(format!("/proc/{pid}/stat"))
            .map(|s| s.contains(") Z "))
            .unwrap_or(true)
    };
    let stop = Instant::now();
    while !servers.iter().all(gone) && stop.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(servers.iter().all(gone), "the server outlived its test");

    let text = std::fs::read_to_string(&trace).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let wal = format!("{}-wal>", db_path.display());
    let mut syncs_seen = 0;
    for (i, client) in client_ports.iter().enumerate() {
        let socket = format!("127.0.0.1:{client}]>");
        // The request arrives on the resident's connection, and the success response leaves on it.
        let first = lines
            .iter()
            .position(|l| l.contains(&socket))
            .unwrap_or_else(|| panic!("request {i}: its connection is not in the trace"));
        let response = lines
            .iter()
            .enumerate()
            .skip(first)
            .find(|(_, l)| {
                l.contains(&socket)
                    && (l.contains("write") || l.contains("send"))
                    && l.contains("HTTP/1.1 303")
            })
            .map(|(n, _)| n)
            .unwrap_or_else(|| panic!("request {i}: no success response in the trace"));
        // The commit: the writes to the WAL between the request and the response, by the thread
        // that wrote first (background work on other threads is left out).
        let wal_writes: Vec<(usize, Call)> = lines[first..response]
            .iter()
            .enumerate()
            .filter_map(|(n, l)| parse(l).map(|c| (first + n, c)))
            .filter(|(_, c)| c.text.starts_with("pwrite64(") && c.text.contains(&wal))
            .collect();
        let Some((_, writer)) = wal_writes.first() else {
            panic!("request {i}: no commit written to the WAL before its response");
        };
        let commit_end = wal_writes
            .iter()
            .filter(|(_, c)| c.pid == writer.pid)
            .map(|(n, _)| *n)
            .max()
            .unwrap_or(first);
        // A sync of the WAL that starts after the commit and has ended before the response.
        let covered = lines[commit_end + 1..response]
            .iter()
            .enumerate()
            .any(|(n, l)| {
                let Some(c) = parse(l) else { return false };
                if !(c.text.starts_with("fdatasync(") || c.text.starts_with("fsync("))
                    || !c.text.contains(&wal)
                {
                    return false;
                }
                if c.text.contains("= 0") {
                    return true;
                }
                // Interrupted by another thread's call: its end must also come before the response.
                c.text.contains("<unfinished ...>")
                    && lines[commit_end + 1 + n + 1..response].iter().any(|r| {
                        r.starts_with(c.pid)
                            && r.contains("<... f")
                            && r.contains("resumed>")
                            && r.contains("= 0")
                    })
            });
        assert!(
            covered,
            "request {i}: the success response (trace line {}) went out before a sync of the WAL that covers its commit (line {})",
            response + 1,
            commit_end + 1
        );
        syncs_seen += 1;
    }
    assert_eq!(syncs_seen, codes.len());
}
