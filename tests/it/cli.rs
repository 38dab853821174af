//! The command line, run as the real binary.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};

use crate::support::Client;

/// The built `klankbord` binary.
pub fn klankbord() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_klankbord"));
    c.env_remove("DATABASE_URL").env("RUST_LOG", "warn");
    // Two-factor codes are tested in tests/it/sso.rs; these servers log in with a password only.
    c.env("KLANKBORD_TOTP_REQUIRED_ROLES", "geen");
    // What `serve` and letters to residents require (see tests/it/contact.rs for their absence).
    for (k, v) in crate::support::CONTACT_ENV {
        c.env(k, v);
    }
    c
}

/// A child process that is killed when the test ends.
pub struct Running(pub Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts a server process and waits for its "luistert op" line; returns the process and its address.
pub fn start_server(mut cmd: Command) -> (Running, String) {
    let mut running = Running(cmd.stdout(Stdio::piped()).spawn().expect("spawn klankbord"));
    let stdout = running.0.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut all = vec![];
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            all.push(line.clone());
            let _ = tx.send(all.join("\n"));
        }
    });
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let text = rx
            .recv_timeout(std::time::Duration::from_secs(60))
            .expect("server printed nothing");
        if let Some(addr) = text.lines().find_map(|l| l.split("luistert op ").nth(1)) {
            let addr = addr.split_whitespace().next().unwrap().to_string();
            // Keep reading the rest of the banner (demo logins) briefly.
            std::thread::sleep(std::time::Duration::from_millis(200));
            let rest: String = rx.try_iter().last().unwrap_or(text);
            return (running, format!("{addr}\n{rest}"));
        }
        assert!(std::time::Instant::now() < deadline, "server did not start");
    }
}

#[test]
fn every_command_has_help() {
    for args in [
        vec![],
        vec!["serve"],
        vec!["demo"],
        vec!["migrate"],
        vec!["user"],
        vec!["user", "add"],
        vec!["user", "list"],
        vec!["user", "disable"],
        vec!["user", "enable"],
        vec!["user", "set-password"],
        vec!["deadline"],
        vec!["survey", "check"],
        vec!["wave", "create"],
        vec!["wave", "list"],
        vec!["wave", "invite"],
        vec!["import"],
        vec!["import", "paper"],
        vec!["import", "mapping"],
        vec!["import", "forms"],
    ] {
        let out = klankbord().args(&args).arg("--help").output().unwrap();
        assert!(out.status.success(), "{args:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Usage"), "{args:?}: {text}");
    }
}

#[test]
fn deadline_command_prints_the_legal_deadline() {
    let run = |args: &[&str]| {
        let out = klankbord().arg("deadline").args(args).output().unwrap();
        (
            out.status.success(),
            String::from_utf8_lossy(&out.stdout).trim().to_string(),
            String::from_utf8_lossy(&out.stderr).to_string(),
        )
    };
    // Six weeks after Monday 23 February 2026 is Tweede Paasdag: the term ends the next day.
    assert_eq!(run(&["--received", "2026-02-23"]).1, "2026-04-07");
    assert_eq!(
        run(&["--received", "2026-03-02", "--committee"]).1,
        "2026-05-11"
    );
    assert_eq!(
        run(&[
            "--received",
            "2026-03-02",
            "--committee",
            "--postpone-weeks",
            "4"
        ])
        .1,
        "2026-06-08"
    );
    let (ok, _, err) = run(&["--received", "2026-03-02", "--postpone-weeks", "6"]);
    assert!(!ok && err.contains("4 weken"), "{err}");
    let (ok, _, err) = run(&["--received", "23-02-2026"]);
    assert!(!ok && err.contains("--received"), "{err}");
    // A day the government declared equal to a holiday moves the deadline too.
    let out = klankbord()
        .args(["deadline", "--received", "2026-03-02"])
        .env("KLANKBORD_EXTRA_CLOSED_DAYS", "2026-04-13")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "2026-04-14");
}

#[test]
fn invalid_configuration_stops_with_the_setting_and_the_fix() {
    let out = klankbord()
        .arg("migrate")
        .env("KLANKBORD_BIND", "ergens")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("KLANKBORD_BIND") && err.contains("127.0.0.1:8080"),
        "{err}"
    );
    let out = klankbord()
        .arg("serve")
        .env("DATABASE_URL", "mysql://db/k")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("DATABASE_URL"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("klankbord.toml");
    std::fs::write(&file, "bind = 8080\n").unwrap();
    let out = klankbord()
        .arg("--config")
        .arg(&file)
        .arg("migrate")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("klankbord.toml"));
    // A PostgreSQL server that is not there: the real cause, quickly.
    let started = std::time::Instant::now();
    let out = klankbord()
        .arg("migrate")
        .env("DATABASE_URL", "postgres://x@127.0.0.1:1/k")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("PostgreSQL") && err.to_lowercase().contains("refused"),
        "{err}"
    );
    assert!(started.elapsed().as_secs() < 10);
}

fn run_with_stdin(db: &str, args: &[&str], stdin: &str) -> std::process::Output {
    let mut child = klankbord()
        .args(args)
        .env("DATABASE_URL", db)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that refuses before reading its input closes the pipe: that is its answer, not
    // a test failure (the output says what happened).
    if let Err(e) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
    }
    child.wait_with_output().unwrap()
}

#[test]
fn user_commands_manage_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("k.db").display());
    let out = klankbord()
        .arg("migrate")
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let add = [
        "user",
        "add",
        "--username",
        "p.pieters",
        "--name",
        "Piet Pieters",
        "--role",
        "klachtcoordinator",
        "--role",
        "commissielid",
        "--password-stdin",
    ];
    let out = run_with_stdin(&db, &add, "welkom\n");
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("te kort"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run_with_stdin(&db, &add, "kaas brood melk appelstroop\n");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = run_with_stdin(&db, &add, "kaas brood melk appelstroop\n");
    assert!(!out.status.success(), "duplicate");
    let out = run_with_stdin(
        &db,
        &[
            "user",
            "add",
            "--username",
            "x.y",
            "--name",
            "X",
            "--role",
            "admin",
            "--password-stdin",
        ],
        "kaas brood melk appelstroop\n",
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("beheerder"),
        "unknown role lists the valid ones"
    );
    let list = klankbord()
        .args(["user", "list"])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(
        text.contains("p.pieters")
            && text.contains("actief")
            && text.contains("klachtcoordinator,commissielid"),
        "{text}"
    );
    let out = klankbord()
        .args(["user", "disable", "p.pieters"])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(
        &klankbord()
            .args(["user", "list"])
            .env("DATABASE_URL", &db)
            .output()
            .unwrap()
            .stdout,
    )
    .to_string();
    assert!(text.contains(" uit "), "{text}");
    assert!(klankbord()
        .args(["user", "enable", "p.pieters"])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap()
        .status
        .success());
    let out = run_with_stdin(
        &db,
        &["user", "set-password", "p.pieters", "--password-stdin"],
        "zon zee strand duinen\n",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = klankbord()
        .args(["user", "disable", "niemand"])
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bestaat niet"));
    // The CLI's actions are in the audit log too, marked as cli.
    let mut conn = klankbord::db::DatabaseUrl::parse(&db)
        .unwrap()
        .connect()
        .unwrap();
    assert!(crate::support::count_rows(&mut conn, "audit_log WHERE via = 'cli'") >= 4);
}

#[test]
fn demo_creates_a_municipality_with_one_account_per_role() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let mut cmd = klankbord();
    cmd.arg("demo")
        .arg("--db")
        .arg(&db)
        .env("KLANKBORD_BIND", "127.0.0.1:0")
        .current_dir(dir.path());
    let (_server, banner) = start_server(cmd);
    let base = banner.lines().next().unwrap().to_string();
    assert!(db.exists());
    let c = Client::with_cookies(&base, &[]);
    let home = c.get("/");
    assert_eq!(home.status, 200);
    assert!(home.body.contains("Gemeente Voorbeeld"));
    for role in klankbord::accounts::model::Role::ALL {
        let (user, pass) = klankbord::demo::demo_login(role);
        assert!(
            banner.contains(&user) && banner.contains(&pass),
            "banner lacks {user}: {banner}"
        );
        let c = Client::with_cookies(&base, &[]);
        assert_eq!(c.login(&user, &pass).status, 303, "demo login {user}");
    }
    // About forty complaints in every stage and channel, some overdue.
    let (user, pass) =
        klankbord::demo::demo_login(klankbord::accounts::model::Role::Klachtcoordinator);
    let c = Client::with_cookies(&base, &[]);
    assert_eq!(c.login(&user, &pass).status, 303);
    let all = c.get("/klachten?fase=alle&lang=nl");
    let caption = all.texts("caption").join(" ");
    // (Every journey of the demo twice; a new state's journey makes more.)
    let made = klankbord::demo::COMPLAINTS_MADE;
    assert!((40..=60).contains(&made), "about forty: {made}");
    assert!(
        caption.contains(&format!("van {made} klachten")),
        "{caption}"
    );
    let stages = all.texts("ul.counts li");
    assert_eq!(
        stages.len(),
        klankbord::complaints::workflow::State::ALL.len(),
        "{stages:?}"
    );
    let due = c.get("/klachten/termijnen?lang=nl");
    assert!(due.texts("h2")[0].starts_with("Te laat (") && !due.texts("h2")[0].contains("(0)"));
    let channels = c.get("/klachten/register?lang=nl");
    assert_eq!(channels.status, 200);
    // A decided case carries a reasoned decision: its outcome letter gives findings and reasons.
    let decided = c.get("/klachten?fase=besloten&lang=nl");
    let case = decided
        .body
        .split("href=\"/klachten/")
        .skip(1)
        .map(|rest| {
            rest.chars()
                .take_while(char::is_ascii_digit)
                .collect::<String>()
        })
        .find(|id| !id.is_empty())
        .map(|id| format!("/klachten/{id}"))
        .expect("a decided demo case");
    let letter = c.get(&format!("{case}/beslissing/brief?lang=nl"));
    let text = letter.texts("pre.letter-text").join("\n");
    for want in [
        "Uit het dossier en het gesprek blijkt",
        "Een inwoner mag verwachten",
        "hoe uitleg aan de balie beter kan",
    ] {
        assert!(
            text.contains(want),
            "{want} in the demo's outcome letter: {text}"
        );
    }
    // The yearly report has every section filled, quotes included.
    let (user, pass) = klankbord::demo::demo_login(klankbord::accounts::model::Role::Raadslid);
    let council = Client::with_cookies(&base, &[]);
    assert_eq!(council.login(&user, &pass).status, 303);
    let year = chrono::Datelike::year(&klankbord::fmt::today());
    let report = council.get(&format!("/rapportage?periode={year}&lang=nl"));
    assert_eq!(report.status, 200);
    for section in [
        "samenvatting",
        "respons",
        "dimensies",
        "vragen",
        "citaten",
        "normen",
        "cijfer",
        "groepen",
        "klachten",
        "ontwikkeling",
        "opvolging",
        "register",
        "methode",
    ] {
        assert!(
            report.body.contains(&format!("id=\"{section}\"")),
            "section {section}"
        );
    }
    assert!(report.texts("#citaten blockquote").len() >= 3);
    // The register appendix in figures per outcome (the complete register stays with the
    // complaints coordinator).
    let register = report.texts("#register tbody tr");
    assert!(
        register.len() >= 4 && register[0].starts_with("Schriftelijke klachten"),
        "{register:?}"
    );
    assert!(report.texts("#normen tbody tr").len() >= 4);
    assert!(report.texts("#themas tbody tr").len() >= 4);
    assert!(report
        .texts("#klachten caption")
        .iter()
        .any(|c| c == "Klachten per team"));
    // The quarter with the spring wave has every section filled as well.
    let quarter = council.get(&format!("/rapportage?periode={year}-Q2&lang=nl"));
    assert!(quarter.texts("#citaten blockquote").len() >= 3);
    assert!(quarter.texts("#themas tbody tr").len() >= 4);
    assert!(
        !quarter.texts("#opvolging tbody tr").is_empty(),
        "follow-ups counted"
    );
    assert!(!quarter.texts("#vragen tbody tr").is_empty());
    assert!(
        !quarter.body.contains("id=\"register\""),
        "a quarter has no register appendix"
    );
    // Both as PDF, from the command line and from the report page.
    let pdf_link = report
        .attr("a[href^='/rapportage/rapport.pdf']", "href")
        .expect("a PDF link on the report page");
    let (status, kind, bytes) = council.get_bytes(&pdf_link);
    assert_eq!((status, kind.as_str()), (200, "application/pdf"));
    assert!(bytes.starts_with(b"%PDF-1.7"));
    let web_pdf = dir.path().join("web.pdf");
    std::fs::write(&web_pdf, &bytes).unwrap();
    if let Some(pdf) = crate::support::pdf::read("cli::demo_web_pdf", &web_pdf) {
        assert!(pdf.text.contains("Samenvatting"));
    }
    let sections = [
        "Samenvatting",
        "Respons en foutmarge",
        "De vier onderwerpen",
        "Per vraag",
        "Wat mensen zeggen",
        "Normenkader",
        "Rapportcijfer",
        "Groepen",
        "Thema's",
        "Klachten",
        "Ontwikkeling door de tijd",
        "Wat is er gedaan met klachten",
        "Methode en begrippen",
    ];
    for (period, min_pages) in [(year.to_string(), 8), (format!("{year}-Q2"), 5)] {
        let file = dir.path().join(format!("{period}.pdf"));
        let out = klankbord()
            .args(["report", "--period", &period, "--format", "pdf", "-o"])
            .arg(&file)
            .env("DATABASE_URL", format!("sqlite://{}", db.display()))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let Some(pdf) = crate::support::pdf::read("cli::demo_report_pdf", &file) else {
            return;
        };
        assert_eq!(pdf.field("Tagged").as_deref(), Some("yes"));
        assert!(pdf.pages() >= min_pages, "{period}: {}", pdf.info);
        let lines: Vec<&str> = pdf.text.lines().map(str::trim).collect();
        for s in sections {
            assert!(lines.contains(&s), "{period}: section {s} missing");
        }
        assert_eq!(
            lines
                .iter()
                .any(|l| l.starts_with("Bijlage: klachtenregister")),
            !period.contains('Q'),
            "{period}: the register is an appendix of the yearly report only"
        );
        // The chart's summary in words and an approved quote are text, not pictures.
        assert!(pdf.text.contains("Bereikbaarheid:"), "{period}");
        assert!(pdf.text.contains('\u{201c}'), "{period}: quotes");
    }
}

#[test]
fn survey_check_reports_every_problem_with_file_and_line() {
    // The shipped questionnaire is valid.
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("surveys");
    let out = klankbord()
        .args(["survey", "check"])
        .arg(&shipped)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("in orde: bejegening-bijstand"));
    // A broken copy: a missing translation and a condition on an unknown item.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(shipped.join("bejegening-bijstand.toml")).unwrap();
    let broken = text.replacen("key = \"bejegening-bijstand\"", "key = \"kapot\"", 1);
    let show_if_line = broken
        .lines()
        .position(|l| l.trim_start().starts_with("show_if"))
        .expect("a show_if in the shipped file");
    let mut lines: Vec<String> = broken.lines().map(str::to_string).collect();
    lines[show_if_line] = "show_if = \"bestaat_niet = ja\"".into();
    let title_line = lines
        .iter()
        .position(|l| l.trim_start().starts_with("en = "))
        .expect("an English text line");
    lines.remove(title_line);
    let file = dir.path().join("kapot.toml");
    std::fs::write(&file, lines.join("\n")).unwrap();
    let out = klankbord()
        .args(["survey", "check"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let name = file.display().to_string();
    assert!(
        err.contains(&format!("{name}:")) && err.contains("bestaat_niet"),
        "{err}"
    );
    assert!(err.contains("'en'"), "missing translation reported: {err}");
    assert!(
        err.lines()
            .filter(|l| l.starts_with(&name))
            .all(|l| l[name.len() + 1..]
                .split(':')
                .next()
                .unwrap()
                .parse::<usize>()
                .is_ok()),
        "{err}"
    );
}

#[test]
fn report_writes_the_council_report_as_html_csv_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("k.db").display());
    let url = klankbord::db::DatabaseUrl::parse(&db).unwrap();
    let pool = klankbord::db::connect_and_migrate(&url, 1).unwrap();
    let config = klankbord::config::Config::from_sources(None, &[]).unwrap();
    let setup = klankbord::complaints::Setup::new(std::sync::Arc::new(config)).unwrap();
    // Complaints are published per quarter that has ended: the last one.
    let (y, q, from, _) = crate::disclosure::last_ended_quarter(klankbord::fmt::today());
    for i in 0..7 {
        klankbord::complaints::builder::ComplaintBuilder::new()
            .received_on(from)
            .channel(klankbord::complaints::terms::Channel::Web)
            .name(None)
            .email(Some(&format!("k{i}@voorbeeld.nl")))
            .description("Niet teruggebeld.")
            .register(&mut pool.get().unwrap(), &setup.env(), None)
            .unwrap();
    }
    drop(pool);
    let year = format!("{y}-Q{q}");
    for (format, file) in [
        ("html", "r.html"),
        ("csv", "r.csv"),
        ("json", "r.json"),
        ("pdf", "r.pdf"),
    ] {
        let out = klankbord()
            .args(["report", "--period", &year, "--format", format, "-o"])
            .arg(dir.path().join(file))
            .env("DATABASE_URL", &db)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(
            String::from_utf8_lossy(&out.stdout).contains(&format!("Rapportage {year} geschreven"))
        );
    }
    let html = std::fs::read_to_string(dir.path().join("r.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"nl\">"));
    for section in ["samenvatting", "klachten", "methode"] {
        assert!(html.contains(&format!("id=\"{section}\"")), "{section}");
    }
    assert!(html.contains("In deze periode kwamen 7 klachten binnen"));
    let csv = std::fs::read_to_string(dir.path().join("r.csv")).unwrap();
    assert!(
        csv.contains(&format!(
            "{year},klachten,trechter,ontvangen,7.0,7,indicatief,Binnengekomen"
        )),
        "{csv}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(json["period"]["label"], year.as_str());
    if let Some(pdf) = crate::support::pdf::read("cli::report_pdf", &dir.path().join("r.pdf")) {
        assert_eq!(pdf.field("Tagged").as_deref(), Some("yes"), "{}", pdf.info);
        assert_eq!(
            pdf.field("Title"),
            Some(format!("Rapportage bejegening {year} – Gemeente Voorbeeld"))
        );
        assert!(pdf.pages() >= 2, "{}", pdf.info);
        assert!(pdf
            .text
            .contains("In deze periode kwamen 7 klachten binnen"));
        assert!(pdf.text.contains("In deze periode liep geen vragenlijst."));
    }
    // A period that is not one: the message says how to write it.
    let out = klankbord()
        .args(["report", "--period", "2026-Q5", "-o"])
        .arg(dir.path().join("x.html"))
        .env("DATABASE_URL", &db)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("2026-Q3"));
}

#[test]
fn import_forms_writes_the_pdf_the_reader_reads_back_and_refuses_another_file_type() {
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}", dir.path().join("f.db").display());
    let url = klankbord::db::DatabaseUrl::parse(&db).unwrap();
    let pool = klankbord::db::connect_and_migrate(&url, 1).unwrap();
    let mut conn = pool.get().unwrap();
    klankbord::surveys::waves::register_shipped(&mut conn).unwrap();
    let id = klankbord::surveys::builder::WaveBuilder::new()
        .name("Papier")
        .create(&mut conn)
        .unwrap();
    drop(conn);
    let forms = |out: &std::path::Path| {
        klankbord()
            .args(["import", "forms", "--wave", &id.to_string(), "--to", "3"])
            .arg("--out")
            .arg(out)
            .env("DATABASE_URL", &db)
            .envs(crate::support::CONTACT_ENV)
            .output()
            .unwrap()
    };
    // An HTML name, as the old command took: refused, with what to do, and nothing written.
    let html = dir.path().join("formulieren.html");
    let out = forms(&html);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(".pdf"), "{err}");
    assert!(!html.exists());
    // A PDF: three forms of four A4 sides, and its layout stored for the reader.
    let pdf = dir.path().join("formulieren.pdf");
    let out = forms(&pdf);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains(&klankbord::surveys::paper::sheet::form_number(id, 3)),
        "{stdout}"
    );
    let mut conn = pool.get().unwrap();
    let version = klankbord::surveys::waves::find_wave(&mut conn, id)
        .unwrap()
        .version_id;
    let stored = klankbord::surveys::paper::layout::load_for_version(&mut conn, version).unwrap();
    assert!(stored.iter().any(|l| l.lang == "nl"));
    if let Some(read) = crate::support::pdf::read("cli::import_forms", &pdf) {
        assert_eq!(read.pages(), 12);
    }
    // A number is handed out once: without --from the next run starts after form 3 ...
    let again = |args: &[&str]| {
        klankbord()
            .args(["import", "forms", "--wave", &id.to_string()])
            .args(args)
            .arg("--out")
            .arg(dir.path().join("nog.pdf"))
            .env("DATABASE_URL", &db)
            .envs(crate::support::CONTACT_ENV)
            .output()
            .unwrap()
    };
    let out = again(&["--to", "3"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nog niet is geprint: 4"), "{err}");
    // ... numbers printed before are refused, with the first free one and how to reprint ...
    let out = again(&["--from", "2", "--to", "5"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&klankbord::surveys::paper::sheet::form_number(id, 2))
            && err.contains("--from 4")
            && err.contains("--reprint"),
        "{err}"
    );
    // ... and printed when the same forms are printed again on purpose.
    let out = again(&["--from", "2", "--to", "5", "--reprint"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = again(&["--to", "6"]);
    assert!(
        String::from_utf8_lossy(&out.stdout)
            .contains(&klankbord::surveys::paper::sheet::form_number(id, 6)),
        "the next run starts after the reprint: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
