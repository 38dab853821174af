//! Benchmark: the council report with 1,000,000 survey answer sets and 100,000 complaints in
//! SQLite. (a) The report page as a council member opens it over HTTP: the first open (the report
//! is made) and then p50 and p99 of the next opens. (b) A full recomputation of the yearly report
//! from the raw data, next to the `sqlite3` command line computing only the item percentages with
//! plain SQL on the same file.
//!
//! Run: `cargo bench --bench monitor` (options: `-- --answers 1000000 --complaints 100000 --requests 200`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::Datelike;
use rand::SeedableRng;

mod support;
use support::{arg, load, percentile};

fn main() {
    let answers = arg("--answers", 1_000_000) as usize;
    let complaints = arg("--complaints", 100_000) as usize;
    let requests = arg("--requests", 200) as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bench.db");
    let env = vec![
        (
            "DATABASE_URL".to_string(),
            format!("sqlite://{}", file.display()),
        ),
        ("KLANKBORD_BIND".to_string(), "127.0.0.1:0".to_string()),
        ("KLANKBORD_WORKERS".to_string(), "1".to_string()),
        (
            "KLANKBORD_MAIL".to_string(),
            format!("folder:{}", dir.path().join("mail").display()),
        ),
    ];
    let config = klankbord::config::Config::from_sources(None, &env).expect("config");
    let pool = klankbord::db::connect_and_migrate(&config.database_url, 4).expect("db");
    let today = klankbord::fmt::today();
    let mut conn = pool.get().expect("conn");
    klankbord::surveys::waves::register_shipped(&mut conn).expect("shipped");
    let wave_id = klankbord::surveys::builder::WaveBuilder::new()
        .name("Benchmark")
        .days_from_today(-60, -1)
        .population(2_000_000)
        .create(&mut conn)
        .expect("wave");
    let wave = klankbord::surveys::waves::find_wave(&mut conn, wave_id).expect("wave");
    let def =
        klankbord::surveys::respond::definition(&mut conn, wave.version_id).expect("definition");
    // Answer sets like the standard questionnaire's: every scale item (one in ten "weet niet"),
    // the grade (4 to 10), every single choice; made with a fixed seed.
    let mix = klankbord::surveys::builder::AnswerMix {
        skip: 0.0,
        dont_know: 0.1,
        mood: 0.0,
        noise: 2.5,
        grade_middle: 7.0,
        grade_mood: 0.0,
        grade_noise: 1.4,
        setback: None,
        skew: 1,
        follow_conditions: false,
        single: true,
        multi: false,
        numbers: false,
        texts: None,
    };
    let t = Instant::now();
    let mut rng = rand::rngs::StdRng::seed_from_u64(2026);
    let mut batch: Vec<String> = Vec::with_capacity(500);
    let channels = {
        use klankbord::surveys::channel::Channel;
        [
            Channel::Web,
            Channel::PaperScan,
            Channel::Phone,
            Channel::Assisted,
        ]
    };
    let mut written = 0;
    while written < answers {
        batch.clear();
        for _ in 0..500.min(answers - written) {
            let set = mix.draw(&def, &mut rng);
            batch.push(serde_json::to_string(&set).expect("json"));
        }
        let refs: Vec<&str> = batch.iter().map(String::as_str).collect();
        let meta = klankbord::surveys::respond::Meta {
            channel: channels[written % 4],
            helper: None,
            language: klankbord::web::i18n::Lang::Nl,
        };
        // Answered while the wave was open (a report publishes closed waves, on-time answers).
        klankbord::db::write_tx(&mut conn, |c| {
            klankbord::surveys::respond::insert_many(c, &wave, &refs, &meta, wave.closes_on)
        })
        .expect("answers");
        written += refs.len();
    }
    let handler = klankbord::accounts::service::create_user(
        &mut conn,
        klankbord::accounts::service::NewAccount {
            username: "bench.behandelaar".into(),
            display_name: "Behandelaar".into(),
            password: "bench fiets regen tulp koffiekan".into(),
            roles: vec![klankbord::accounts::model::Role::Klachtbehandelaar],
        },
        klankbord::accounts::audit::Actor::System,
    )
    .expect("user")
    .id;
    support::complaints::fill(&mut conn, complaints, handler, today);
    let council = klankbord::accounts::service::create_user(
        &mut conn,
        klankbord::accounts::service::NewAccount {
            username: "bench.raadslid".into(),
            display_name: "Raadslid".into(),
            password: "bench fiets regen tulp koffiekan".into(),
            roles: vec![klankbord::accounts::model::Role::Raadslid],
        },
        klankbord::accounts::audit::Actor::System,
    )
    .expect("user")
    .id;
    println!(
        "database: {answers} answer sets and {complaints} complaints made in {:.1} s ({:.0} MB)",
        t.elapsed().as_secs_f64(),
        std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0) as f64 / 1e6
    );
    let year = today.year();
    let period = klankbord::monitor::report::parse_period(&year.to_string()).expect("period");

    // (b) Full recomputation, then the bare SQL through the sqlite3 command line.
    let t = Instant::now();
    let report = klankbord::monitor::report::build(&mut conn, &period, 5, today).expect("report");
    let full = t.elapsed().as_secs_f64();
    assert_eq!(
        report.survey.as_ref().map(|s| s.answered),
        Some(answers as u64)
    );
    drop(conn);
    let sql = format!(
        "SELECT j.key, j.value, COUNT(*) FROM responses, json_each(responses.answers) AS j \
         WHERE responses.wave_id = {wave_id} AND j.type = 'integer' GROUP BY j.key, j.value;"
    );
    let t = Instant::now();
    let out = std::process::Command::new("sqlite3")
        .arg(&file)
        .arg(&sql)
        .output()
        .expect("sqlite3 on the PATH");
    let bare = t.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let html = klankbord::monitor::web::standalone_html(&report, "Gemeente Voorbeeld");
    // The PDF of the same report (the register appendix in figures per outcome).
    let t = Instant::now();
    let pdf = klankbord::monitor::web::report_pdf(&report, "Gemeente Voorbeeld").expect("pdf");
    let pdf_secs = t.elapsed().as_secs_f64();
    // Pages as a reader counts them (poppler's pdfinfo, when installed).
    let pdf_file = dir.path().join("rapport.pdf");
    std::fs::write(&pdf_file, &pdf).expect("write pdf");
    let pages = std::process::Command::new("pdfinfo")
        .arg(&pdf_file)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .find_map(|l| l.strip_prefix("Pages:").map(|p| p.trim().to_string()))
        })
        .unwrap_or_default();

    // (a) The page as a council member opens it.
    let token = klankbord::accounts::sessions::create(
        &mut pool.get().expect("conn"),
        council,
        klankbord::db::now(),
    )
    .expect("session");
    let cookie = format!("{}={token}", klankbord::accounts::sessions::COOKIE);
    let port = support::start_klankbord(config, pool.clone());
    let request = format!(
        "GET /rapportage?periode={year} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n\r\n"
    )
    .into_bytes();
    // The housekeeping makes this year's report at start-up; a council member who comes a little
    // later finds it made. (The first open below comes at once, while that is still running.)
    let first = {
        let r = request.clone();
        let make: Arc<dyn Fn(usize) -> Option<Vec<u8>> + Send + Sync> =
            Arc::new(move |i| (i < 1).then(|| r.clone()));
        let (s, _) = load(port, 1, Instant::now() + Duration::from_secs(600), make);
        assert_eq!(s[0].status, 200);
        s[0].micros as f64 / 1e6
    };
    std::thread::sleep(Duration::from_secs(15));
    let later = {
        let r = request.clone();
        let make: Arc<dyn Fn(usize) -> Option<Vec<u8>> + Send + Sync> =
            Arc::new(move |i| (i < 1).then(|| r.clone()));
        let (s, _) = load(port, 1, Instant::now() + Duration::from_secs(600), make);
        s[0].micros as f64 / 1e3
    };
    let make: Arc<dyn Fn(usize) -> Option<Vec<u8>> + Send + Sync> =
        Arc::new(move |i| (i < requests).then(|| request.clone()));
    let (samples, _) = load(port, 1, Instant::now() + Duration::from_secs(600), make);
    assert!(samples.iter().all(|s| s.status == 200));
    let mut micros: Vec<u32> = samples.iter().map(|s| s.micros).collect();
    micros.sort_unstable();

    println!(
        "(a) report page as a council member opens it ({} KB of HTML):",
        html.len() / 1024
    );
    println!("    first open right at start-up (report being made):  {first:.2} s");
    println!("    first open of a visitor 15 s later (made by the housekeeping): {later:.1} ms");
    println!(
        "    next opens: p50 {:.1} ms, p99 {:.1} ms over {requests} requests (goal: under 1 s)",
        percentile(&micros, 0.5),
        percentile(&micros, 0.99)
    );
    println!("(b) full recomputation of the yearly report: {full:.2} s");
    println!("    sqlite3, item percentages only (json_each, GROUP BY): {bare:.2} s");
    println!(
        "    ratio: {:.2}× the bare SQL's time (goal: at most 1×)",
        full / bare
    );
    println!(
        "    PDF of that report: {pdf_secs:.2} s, {:.1} MB, {} register outcomes{}",
        pdf.len() as f64 / 1e6,
        report.register.as_ref().map_or(0, |r| r.outcomes.len()),
        if pages.is_empty() {
            String::new()
        } else {
            format!(", {pages} pages")
        }
    );
}
