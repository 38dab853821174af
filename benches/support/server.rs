//! The real server for the benchmark programs: a logged-in staff session made in the database,
//! the `klankbord` binary serving in a process of its own, and that process's memory.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Instant;

use klankbord::accounts::audit::Actor;
use klankbord::accounts::model::Role;

/// The CSRF cookie and field value the benchmark's requests send.
pub const CSRF: &str = "benchcsrftokenbenchcsrftokenbenchcsrf";

/// A logged-in session for a new account with `role`; returns the Cookie header value.
pub fn session(url: &str, username: &str, role: Role) -> String {
    let pool = klankbord::db::connect_and_migrate(
        &klankbord::db::DatabaseUrl::parse(url).expect("url"),
        1,
    )
    .expect("db");
    let mut c = pool.get().expect("conn");
    let user = klankbord::accounts::service::create_user(
        &mut c,
        klankbord::accounts::service::NewAccount {
            username: username.into(),
            display_name: "Bench".into(),
            password: "bench fiets regen tulp koffiekan".into(),
            roles: vec![role],
        },
        Actor::System,
    )
    .expect("user");
    let token =
        klankbord::accounts::sessions::create(&mut c, user.id, klankbord::db::now()).expect("s");
    format!(
        "{}={token}; {}={CSRF}",
        klankbord::accounts::sessions::COOKIE,
        klankbord::web::context::CSRF_COOKIE
    )
}

/// The real server in a process of its own (one worker); returns it and its port.
pub fn serve(url: &str) -> (Child, u16) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_klankbord"))
        .arg("serve")
        .env("DATABASE_URL", url)
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .env("KLANKBORD_WORKERS", "1")
        .env("RUST_LOG", "warn")
        // What serve requires (how residents reach the municipality), unless the caller set them.
        .env(
            "KLANKBORD_CONTACT_PHONE",
            std::env::var("KLANKBORD_CONTACT_PHONE").unwrap_or_else(|_| "14 0123".into()),
        )
        .env(
            "KLANKBORD_CONTACT_EMAIL",
            std::env::var("KLANKBORD_CONTACT_EMAIL").unwrap_or_else(|_| "info@voorbeeld.nl".into()),
        )
        .env(
            "KLANKBORD_PRIVACY_OFFICER_EMAIL",
            std::env::var("KLANKBORD_PRIVACY_OFFICER_EMAIL")
                .unwrap_or_else(|_| "fg@voorbeeld.nl".into()),
        )
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn klankbord serve");
    let stdout = child.stdout.take().expect("stdout");
    let mut port = 0u16;
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        if let Some(addr) = line.split("luistert op ").nth(1) {
            let addr = addr.split_whitespace().next().unwrap_or("");
            port = addr
                .rsplit(':')
                .next()
                .and_then(|p| p.parse().ok())
                .unwrap_or(0);
            break;
        }
    }
    assert!(port > 0, "server did not start");
    (child, port)
}

/// (VmRSS, VmHWM) of a process in KB.
pub fn memory(pid: u32) -> (u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"))
}

/// Runs `cmd` under GNU time; returns (seconds, peak resident KB, stdout).
pub fn timed(program: &std::path::Path, args: &[&str], env: &[(&str, &str)]) -> (f64, u64, String) {
    let report = tempfile::NamedTempFile::new().expect("tmp");
    let mut cmd = Command::new("/usr/bin/time");
    cmd.arg("-f")
        .arg("%M")
        .arg("-o")
        .arg(report.path())
        .arg(program)
        .args(args)
        .stderr(Stdio::null());
    for (k, v) in env {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let out = cmd.output().expect("run under /usr/bin/time");
    let secs = started.elapsed().as_secs_f64();
    assert!(out.status.success(), "{program:?} {args:?} failed");
    let kb = std::fs::read_to_string(report.path())
        .expect("time report")
        .lines()
        .filter_map(|l| l.trim().parse::<u64>().ok())
        .next_back()
        .expect("peak KB");
    (secs, kb, String::from_utf8_lossy(&out.stdout).to_string())
}
