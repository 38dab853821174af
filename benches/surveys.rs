//! Benchmarks for the survey channel (issue 3), each measured in one run:
//!
//! 1. sending a complete answer set (the whole questionnaire on one page, "versturen") at 64
//!    concurrent clients on SQLite, next to a minimal actix-web handler that parses the same form
//!    and stores the same rows (code marked used + answer row) in one transaction;
//! 2. a question page: bytes of HTML, stylesheet and script (plain and gzip), and server time;
//! 3. exporting 100,000 answer sets as CSV with codebook (over HTTP, as the researcher does);
//! 4. crash safety: the real `klankbord serve` process is killed with SIGKILL under load; afterwards
//!    every answer set that got a success response is stored whole and none is stored in part.
//!
//! Run: `cargo bench --bench surveys` (options: `-- --sends 6000 --rounds 3 --connections 64
//! --export 100000`; `--only send --contestant durable|normal|minimal` sends to one server only,
//! for profiling it with `perf`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::{mpsc, Arc};
use std::time::{Duration, Instant};

use actix_web::{web, App, HttpRequest, HttpResponse, HttpServer};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use klankbord::accounts::audit::Actor;
use klankbord::codes;
use klankbord::db::schema::{invitations, responses};
use klankbord::db::{self, Pool};
use klankbord::fmt::today;
use klankbord::surveys::builder::{FormAnswers, WaveBuilder};
use klankbord::surveys::definition::Definition;
use klankbord::surveys::waves;

/// The allocator `klankbord serve` uses (see `src/main.rs`), so the product is measured as it
/// runs; the minimal handler shares it.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "surveys_parts/crash.rs"]
mod crash;
#[path = "surveys_parts/export.rs"]
mod export;
mod support;
use crash::bench_crash;
use export::bench_export;
use support::{arg, load, percentile, Sample};

const CSRF: &str = "benchcsrftokenbenchcsrftokenbenchcsrf";

fn sqlite_url(dir: &std::path::Path, name: &str) -> String {
    format!("sqlite://{}", dir.join(name).display())
}

fn pool(url: &str) -> Pool {
    db::connect_and_migrate(&db::DatabaseUrl::parse(url).expect("url"), 4).expect("database")
}

/// The standard questionnaire with every question on one page (a new revision of it).
fn one_page_text() -> String {
    let (_, text) = klankbord::surveys::SHIPPED[0];
    text.replacen("version = 1\n", "version = 1\none_page = true\n", 1)
}

/// Creates a wave on the newest stored text and `n` codes; returns (wave id, bare codes).
fn wave_with_codes(conn: &mut db::DbConnection, n: usize) -> (i64, Vec<String>) {
    let id = WaveBuilder::new()
        .name("Benchmark")
        .population(100_000)
        .create(conn)
        .expect("wave");
    let mut all = vec![];
    while all.len() < n {
        let batch = (n - all.len()).min(100_000);
        all.extend(
            waves::create_invitations(conn, id, batch, Actor::System)
                .expect("codes")
                .into_iter()
                .map(|c| codes::parse(&c).expect("code")),
        );
    }
    (id, all)
}

/// A complete answer set as form fields: every question that is always shown.
fn answer_fields(def: &Definition) -> Vec<(String, String)> {
    FormAnswers {
        grade: 7,
        scale: 4,
        single_code: None,
        single_at: 1,
        multi_at: &[0, 2],
        text: "Mijn klantmanager luistert goed en legt de regels rustig uit.",
    }
    .always_shown(def)
}

fn form_body(fields: &[(String, String)]) -> String {
    let mut s = url::form_urlencoded::Serializer::new(String::new());
    s.append_pair("csrf", CSRF);
    s.append_pair("actie", "versturen");
    for (k, v) in fields {
        s.append_pair(k, v);
    }
    s.finish()
}

fn post_request(path: &str, code: &str, body: &str) -> Vec<u8> {
    format!(
        "POST {path} HTTP/1.1\r\nHost: bench\r\nContent-Type: application/x-www-form-urlencoded\r\n\
         Cookie: kb_csrf={CSRF}; kb_v={code}\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

/// Starts the real server in this process (one worker, pool of 4); returns its port.
fn start_klankbord(url: &str, sync: &str) -> u16 {
    let env = vec![
        ("KLANKBORD_SQLITE_SYNC".to_string(), sync.to_string()),
        ("DATABASE_URL".to_string(), url.to_string()),
        ("KLANKBORD_BIND".to_string(), "127.0.0.1:0".to_string()),
        ("KLANKBORD_WORKERS".to_string(), "1".to_string()),
        ("KLANKBORD_DB_POOL_SIZE".to_string(), "4".to_string()),
    ];
    let config = klankbord::config::Config::from_sources(None, &env).expect("config");
    let pool = pool(url);
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let app = klankbord::startup::Application::build_with_pool(config, pool).expect("app");
            tx.send(app.port()).expect("send");
            let _ = app.run_until_stopped().await;
        })
    });
    rx.recv().expect("port")
}

/// The baseline: parse the form, mark the code used and insert the answer row in one transaction.
async fn minimal_submit(req: HttpRequest, pool: web::Data<Pool>, body: web::Bytes) -> HttpResponse {
    let code = req.cookie("kb_v").map(|c| c.value().to_string());
    let fields: Vec<(String, String)> = match serde_html_form::from_bytes(&body) {
        Ok(f) => f,
        Err(_) => return HttpResponse::BadRequest().finish(),
    };
    let Some(code) = code else {
        return HttpResponse::BadRequest().finish();
    };
    let mut answers: BTreeMap<String, serde_json::Value> = BTreeMap::new();
    for (k, v) in fields {
        if k == "csrf" || k == "actie" {
            continue;
        }
        let value = v
            .parse::<i64>()
            .map(serde_json::Value::from)
            .unwrap_or(serde_json::Value::from(v));
        match answers.get_mut(&k) {
            Some(serde_json::Value::Array(a)) => a.push(value),
            Some(old) => *old = serde_json::Value::Array(vec![old.clone(), value]),
            None => {
                answers.insert(k, value);
            }
        }
    }
    let json = serde_json::to_string(&answers).unwrap_or_default();
    let pool = pool.into_inner();
    let stored = web::block(move || -> Result<bool, diesel::result::Error> {
        let mut conn = pool.get().map_err(|_| diesel::result::Error::NotFound)?;
        db::write_tx(&mut conn, |c| {
            let used = diesel::update(
                invitations::table
                    .filter(invitations::code_hash.eq(codes::hash(&code)))
                    .filter(invitations::used.eq(false)),
            )
            .set(invitations::used.eq(true))
            .execute(c)?;
            if used != 1 {
                return Ok(false);
            }
            diesel::insert_into(responses::table)
                .values((
                    responses::wave_id.eq(1i64),
                    responses::version_id.eq(1i64),
                    responses::channel.eq("web"),
                    responses::language.eq("nl"),
                    responses::answered_on.eq(today()),
                    responses::answers.eq(&json),
                ))
                .execute(c)?;
            Ok(true)
        })
    })
    .await;
    match stored {
        Ok(Ok(true)) => HttpResponse::SeeOther()
            .insert_header(("Location", "/v/bedankt"))
            .finish(),
        Ok(Ok(false)) => HttpResponse::Conflict().finish(),
        _ => HttpResponse::InternalServerError().finish(),
    }
}

fn start_minimal(pool: Pool) -> u16 {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let server = HttpServer::new(move || {
                App::new()
                    .app_data(web::Data::new(pool.clone()))
                    .route("/v/vraag/0", web::post().to(minimal_submit))
            })
            .workers(1)
            .bind("127.0.0.1:0")
            .expect("bind");
            tx.send(server.addrs()[0].port()).expect("send");
            let _ = server.run().await;
        })
    });
    rx.recv().expect("port")
}

struct Outcome {
    stored_per_s: f64,
    p50: f64,
    p99: f64,
    ok: usize,
    other: usize,
}

fn send_round(
    port: u16,
    connections: usize,
    codes: Arc<Vec<String>>,
    body: Arc<String>,
) -> Outcome {
    let make = {
        let codes = codes.clone();
        Arc::new(move |i: usize| codes.get(i).map(|c| post_request("/v/vraag/0", c, &body)))
    };
    let (samples, secs) = load(
        port,
        connections,
        Instant::now() + Duration::from_secs(600),
        make,
    );
    summarise(&samples, secs)
}

fn summarise(samples: &[Sample], secs: f64) -> Outcome {
    let ok: Vec<u32> = samples
        .iter()
        .filter(|s| s.status == 303)
        .map(|s| s.micros)
        .collect();
    let mut lat: Vec<u32> = samples.iter().map(|s| s.micros).collect();
    lat.sort_unstable();
    Outcome {
        stored_per_s: ok.len() as f64 / secs,
        p50: percentile(&lat, 0.5),
        p99: percentile(&lat, 0.99),
        ok: ok.len(),
        other: samples.len() - ok.len(),
    }
}

/// Synced 4 KiB writes per second on the disk under `dir`, the floor for any durable commit.
fn fsync_probe(dir: &std::path::Path, secs: f64) -> f64 {
    let path = dir.join("fsync-probe");
    let mut f = std::fs::File::create(&path).expect("probe file");
    let block = [7u8; 4096];
    let start = Instant::now();
    let mut n = 0u64;
    while start.elapsed().as_secs_f64() < secs {
        f.write_all(&block).expect("write");
        f.sync_data().expect("fdatasync");
        n += 1;
    }
    let _ = std::fs::remove_file(&path);
    n as f64 / start.elapsed().as_secs_f64()
}

fn canonical(url: &str) -> std::path::PathBuf {
    let path = url.trim_start_matches("sqlite://");
    std::fs::canonicalize(path).expect("database file")
}

fn bench_send(dir: &std::path::Path, sends: usize, rounds: usize, connections: usize) {
    println!("\n## 1. Sending a complete answer set, {connections} clients, SQLite");
    let def = klankbord::surveys::definition::parse("one-page", &one_page_text()).expect("def");
    let fields = answer_fields(&def);
    let body = Arc::new(form_body(&fields));
    let need = sends * (rounds + 1);
    // The product twice (durable group commit, the default; and WAL NORMAL), and the baseline on
    // the same schema, wave and codes with WAL NORMAL.
    let product_db = |name: &str| {
        let url = sqlite_url(dir, name);
        let p = pool(&url);
        let mut c = p.get().expect("conn");
        waves::register_shipped(&mut c).expect("shipped");
        waves::register_version(&mut c, &def, &one_page_text()).expect("version");
        let codes = wave_with_codes(&mut c, need).1;
        (url, codes)
    };
    let (durable_url, durable_codes) = product_db("send-durable.db");
    let (normal_url, normal_codes) = product_db("send-normal.db");
    let base_url = sqlite_url(dir, "send-minimal.db");
    let base_pool = pool(&base_url);
    let base_codes = {
        let mut c = base_pool.get().expect("conn");
        waves::register_shipped(&mut c).expect("shipped");
        // The baseline does what it always did: mark the code used and insert the row. The
        // product's trigger that deletes a used code's draft and address (the product's own work)
        // is not part of it.
        c.batch_execute("DROP TRIGGER invitations_used_forgets")
            .expect("drop trigger");
        wave_with_codes(&mut c, need).1
    };
    db::durable::set_mode(&canonical(&base_url), db::durable::SyncMode::Normal);
    let durable = start_klankbord(&durable_url, "group");
    let normal = start_klankbord(&normal_url, "normal");
    let minimal = start_minimal(base_pool.clone());
    let syncs_before = db::durable::for_path(&canonical(&durable_url)).syncs();
    println!(
        "form: {} answers, {} bytes; {rounds} rounds of {sends} answer sets each, alternating, after a warm-up round",
        fields.len(),
        body.len()
    );
    println!(
        "disk: {:.0} synced 4 KiB writes/s (fsync probe before the rounds)",
        fsync_probe(dir, 2.0)
    );
    let contestants = [
        ("klankbord durable (group)", durable, &durable_codes),
        ("klankbord WAL NORMAL", normal, &normal_codes),
        ("minimal handler NORMAL", minimal, &base_codes),
    ];
    // `--contestant durable|normal|minimal` sends to that one only (for `perf`); the others idle.
    let alone = contestant_arg();
    let runs = |i: usize| {
        alone
            .as_deref()
            .is_none_or(|a| a == ["durable", "normal", "minimal"][i])
    };
    let mut totals: Vec<(f64, usize, Vec<Outcome>)> =
        contestants.iter().map(|_| (0.0, 0, vec![])).collect();
    for round in 0..=rounds {
        for (i, (_, port, all)) in contestants.iter().enumerate() {
            if !runs(i) {
                continue;
            }
            let slice: Vec<String> = all[round * sends..(round + 1) * sends].to_vec();
            let o = send_round(*port, connections, Arc::new(slice), body.clone());
            assert_eq!(o.other, 0, "every answer set is accepted");
            if round > 0 {
                totals[i].0 += o.stored_per_s;
                totals[i].1 += o.ok;
                totals[i].2.push(o);
            }
        }
    }
    for (i, (name, _, _)) in contestants.iter().enumerate() {
        for (r, o) in totals[i].2.iter().enumerate() {
            println!(
                "{name:<27} round {}: {:>7.0} answer sets/s   p50 {:>6.2} ms   p99 {:>6.2} ms",
                r + 1,
                o.stored_per_s,
                o.p50,
                o.p99
            );
        }
    }
    let syncs = db::durable::for_path(&canonical(&durable_url)).syncs() - syncs_before;
    if alone.is_some() {
        return;
    }
    let mean = |i: usize| totals[i].0 / rounds as f64;
    println!(
        "mean: durable {:.0}/s ({:.1}% of minimal, goal 60%), NORMAL {:.0}/s ({:.1}%, goal 70%), minimal {:.0}/s",
        mean(0),
        100.0 * mean(0) / mean(2),
        mean(1),
        100.0 * mean(1) / mean(2),
        mean(2)
    );
    println!(
        "group commit: {syncs} WAL syncs for {} durable answer sets ({:.1} sets per sync)",
        sends * (rounds + 1),
        (sends * (rounds + 1)) as f64 / syncs.max(1) as f64
    );
    println!(
        "disk: {:.0} synced 4 KiB writes/s (fsync probe after the rounds)",
        fsync_probe(dir, 2.0)
    );
    // What was acknowledged is stored: one answer row per used code, on both product databases.
    for url in [&durable_url, &normal_url] {
        let mut c = pool(url).get().expect("conn");
        let stored: i64 = responses::table.count().get_result(&mut c).expect("count");
        let used: i64 = invitations::table
            .filter(invitations::used.eq(true))
            .count()
            .get_result(&mut c)
            .expect("count");
        assert_eq!(stored, used);
        assert_eq!(stored as usize, sends * (rounds + 1));
        println!("checked {url}: {stored} answer sets stored, {used} codes used");
    }
}

/// One blocking request; returns (status, head, body bytes as sent).
fn fetch(port: u16, path: &str, cookie: &str, gzip: bool) -> (u16, String, Vec<u8>) {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    let enc = if gzip {
        "Accept-Encoding: gzip\r\n"
    } else {
        ""
    };
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: bench\r\n{enc}Cookie: {cookie}\r\nConnection: close\r\n\r\n"
    )
    .expect("write");
    let mut all = vec![];
    s.read_to_end(&mut all).expect("read");
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers");
    let head = String::from_utf8_lossy(&all[..split]).to_ascii_lowercase();
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut body = all[split + 4..].to_vec();
    if head.contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    (status, head, body)
}

fn dechunk(mut b: &[u8]) -> Vec<u8> {
    let mut out = vec![];
    loop {
        let Some(eol) = b.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(String::from_utf8_lossy(&b[..eol]).trim(), 16).unwrap_or(0);
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&b[eol + 2..eol + 2 + size]);
        b = &b[eol + 2 + size + 2..];
    }
}

fn bench_page(dir: &std::path::Path, connections: usize) {
    println!("\n## 2. A question page (one question per page, the default)");
    let url = sqlite_url(dir, "page.db");
    let code = {
        let p = pool(&url);
        let mut c = p.get().expect("conn");
        waves::register_shipped(&mut c).expect("shipped");
        wave_with_codes(&mut c, 1).1.remove(0)
    };
    let port = start_klankbord(&url, "group");
    let cookie = format!("kb_v={code}; kb_lang=nl");
    // A scale question with its hint and five labelled answers plus "n.v.t.".
    let path = "/v/vraag/5";
    let (status, _, html) = fetch(port, path, &cookie, false);
    assert_eq!(status, 200, "{}", String::from_utf8_lossy(&html));
    let text = String::from_utf8_lossy(&html).to_string();
    let mut assets = vec![];
    for (marker, end) in [
        ("<link rel=\"stylesheet\" href=\"", '"'),
        ("<script src=\"", '"'),
    ] {
        let mut rest = text.as_str();
        while let Some(at) = rest.find(marker) {
            let tail = &rest[at + marker.len()..];
            let stop = tail.find(end).unwrap_or(0);
            assets.push(tail[..stop].to_string());
            rest = &tail[stop..];
        }
    }
    let (_, _, html_gz) = fetch(port, path, &cookie, true);
    let mut plain = html.len();
    let mut gz = html_gz.len();
    println!("{path}: HTML {} bytes ({} gzip)", html.len(), html_gz.len());
    for a in &assets {
        let (s, _, b) = fetch(port, a, "", false);
        let (_, head, bz) = fetch(port, a, "", true);
        assert_eq!(s, 200, "{a}");
        println!(
            "{a}: {} bytes ({} gzip{})",
            b.len(),
            bz.len(),
            if head.contains("max-age") {
                ", cached"
            } else {
                ""
            }
        );
        plain += b.len();
        gz += bz.len();
    }
    println!(
        "total: {} requests, {plain} bytes uncompressed, {gz} bytes as transferred with gzip (goal: at most 30 KB = 30,720 bytes)",
        1 + assets.len()
    );
    // Server time: one client at a time, then 64 at once.
    let request =
        format!("GET {path} HTTP/1.1\r\nHost: bench\r\nCookie: {cookie}\r\n\r\n").into_bytes();
    for conns in [1, connections] {
        let req = request.clone();
        let (samples, secs) = load(
            port,
            conns,
            Instant::now() + Duration::from_secs(4),
            Arc::new(move |_| Some(req.clone())),
        );
        assert!(samples.iter().all(|s| s.status == 200));
        let mut lat: Vec<u32> = samples.iter().map(|s| s.micros).collect();
        lat.sort_unstable();
        println!(
            "{conns:>2} client(s): {:>7.0} pages/s   p50 {:.2} ms   p99 {:.2} ms",
            lat.len() as f64 / secs,
            percentile(&lat, 0.5),
            percentile(&lat, 0.99)
        );
    }
}

/// The value of `--contestant`, if given.
fn contestant_arg() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--contestant")
        .and_then(|i| args.get(i + 1))
        .cloned()
}

fn main() {
    let sends = arg("--sends", 6000) as usize;
    let rounds = arg("--rounds", 3) as usize;
    let connections = arg("--connections", 64) as usize;
    let export = arg("--export", 100_000) as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    // `--only send|page|export|crash` runs one part (for profiling).
    let args: Vec<String> = std::env::args().collect();
    let only = args
        .iter()
        .position(|a| a == "--only")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let run = |part: &str| only.as_deref().is_none_or(|o| o == part);
    if run("send") {
        bench_send(dir.path(), sends, rounds, connections);
    }
    if run("page") {
        bench_page(dir.path(), connections);
    }
    if run("export") {
        bench_export(dir.path(), export);
    }
    if run("crash") {
        bench_crash(dir.path(), connections);
    }
}
