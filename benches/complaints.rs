//! Benchmark: the coordinator's complaint overview and the overdue list with 100,000 complaints in
//! SQLite, as a logged-in coordinator opens them over HTTP (one keep-alive connection, one request
//! at a time, so the latency is the server's time plus a local round trip), next to the plain
//! queries that return the same rows run through the same connection pool. Prints p50 and p99 of
//! each and the ratio (goal: within 2×).
//!
//! Run: `cargo bench --bench complaints` (options: `-- --complaints 100000 --requests 1000`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use diesel::prelude::*;
use klankbord::db::schema::{complaints, users};
use klankbord::db::{DbConnection, Pool};

mod support;
use support::{arg, load, percentile};

use support::complaints::{fill, RUNNING};

/// The plain queries behind the overview: counts per state, the number of running cases and the
/// first page of them by deadline, with the handler's name.
fn bare_overview(pool: &Pool) -> usize {
    let mut c = pool.get().expect("conn");
    let running: Vec<&str> = RUNNING.iter().map(|s| s.code()).collect();
    let counts: Vec<(String, i64)> = complaints::table
        .group_by(complaints::state)
        .select((complaints::state, diesel::dsl::count_star()))
        .load(&mut c)
        .expect("counts");
    let total: i64 = complaints::table
        .filter(complaints::state.eq_any(&running))
        .count()
        .get_result(&mut c)
        .expect("count");
    type Row = (i64, NaiveDate, String, String, NaiveDate, Option<String>);
    let rows: Vec<Row> = complaints::table
        .left_join(users::table)
        .filter(complaints::state.eq_any(&running))
        .order((complaints::deadline_on.asc(), complaints::id.asc()))
        .limit(100)
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::state,
            complaints::deadline_on,
            users::display_name.nullable(),
        ))
        .load(&mut c)
        .expect("rows");
    counts.len() + total as usize + rows.len()
}

/// The plain query behind the overdue list: running cases due within a week or past due.
fn bare_due(pool: &Pool, today: NaiveDate) -> usize {
    let mut c = pool.get().expect("conn");
    let running: Vec<&str> = RUNNING.iter().map(|s| s.code()).collect();
    type Row = (i64, NaiveDate, String, String, NaiveDate, Option<String>);
    let rows: Vec<Row> = complaints::table
        .left_join(users::table)
        .filter(complaints::state.eq_any(&running))
        .filter(complaints::deadline_on.le(today + chrono::Duration::days(7)))
        .order((complaints::deadline_on.asc(), complaints::id.asc()))
        .select((
            complaints::id,
            complaints::received_on,
            complaints::channel,
            complaints::state,
            complaints::deadline_on,
            users::display_name.nullable(),
        ))
        .load(&mut c)
        .expect("rows");
    rows.len()
}

/// Latencies of `requests` runs of a bare query, in microseconds.
fn bare_samples(requests: usize, mut f: impl FnMut() -> usize) -> Vec<u32> {
    (0..requests)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed().as_micros() as u32
        })
        .collect()
}

/// Latencies of `requests` page loads over one keep-alive connection, in microseconds.
fn http_samples(port: u16, path: &str, cookie: &str, requests: usize) -> Vec<u32> {
    let request = format!(
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\nAccept-Language: nl\r\n\r\n"
    )
    .into_bytes();
    let make: Arc<dyn Fn(usize) -> Option<Vec<u8>> + Send + Sync> =
        Arc::new(move |i| (i < requests).then(|| request.clone()));
    let (samples, _) = load(port, 1, Instant::now() + Duration::from_secs(600), make);
    assert!(
        samples.len() == requests && samples.iter().all(|s| s.status == 200),
        "every request answered 200"
    );
    samples.iter().map(|s| s.micros).collect()
}

/// p50 and p99 in milliseconds.
fn p50_p99(mut micros: Vec<u32>) -> (f64, f64) {
    micros.sort_unstable();
    (percentile(&micros, 0.5), percentile(&micros, 0.99))
}

fn main() {
    let n = arg("--complaints", 100_000) as usize;
    let requests = arg("--requests", 1000) as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    let env = vec![
        (
            "DATABASE_URL".to_string(),
            format!("sqlite://{}", dir.path().join("bench.db").display()),
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
    let (coordinator, handler) = {
        let mut c = pool.get().expect("conn");
        let make = |c: &mut DbConnection, name: &str, role| {
            klankbord::accounts::service::create_user(
                c,
                klankbord::accounts::service::NewAccount {
                    username: name.into(),
                    display_name: name.into(),
                    password: "bench fiets regen tulp koffiekan".into(),
                    roles: vec![role],
                },
                klankbord::accounts::audit::Actor::System,
            )
            .expect("user")
            .id
        };
        let coordinator = make(
            &mut c,
            "bench.coordinator",
            klankbord::accounts::model::Role::Klachtcoordinator,
        );
        let handler = make(
            &mut c,
            "bench.behandelaar",
            klankbord::accounts::model::Role::Klachtbehandelaar,
        );
        (coordinator, handler)
    };
    let t = Instant::now();
    fill(&mut pool.get().expect("conn"), n, handler, today);
    println!(
        "database: {n} complaints made in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    let token = klankbord::accounts::sessions::create(
        &mut pool.get().expect("conn"),
        coordinator,
        klankbord::db::now(),
    )
    .expect("session");
    let cookie = format!("{}={token}", klankbord::accounts::sessions::COOKIE);
    let port = support::start_klankbord(config, pool.clone());
    // Warm up both (caches, prepared statements).
    http_samples(port, "/klachten", &cookie, 20);
    http_samples(port, "/klachten/termijnen", &cookie, 20);
    bare_samples(20, || bare_overview(&pool));
    bare_samples(20, || bare_due(&pool, today));

    let due_rows = bare_due(&pool, today);
    println!("overdue list: {due_rows} rows; overview: counts per stage + first 100 running cases");
    println!("{:<34} {:>10} {:>10}", "", "p50 (ms)", "p99 (ms)");
    let mut ratios = vec![];
    for (name, path) in [
        ("overview", "/klachten"),
        ("overdue list", "/klachten/termijnen"),
    ] {
        // Page and bare queries take turns in rounds, so a busy moment of the machine hits both.
        let (mut page, mut bare) = (vec![], vec![]);
        for _ in 0..10 {
            page.extend(http_samples(port, path, &cookie, requests / 10));
            bare.extend(if path == "/klachten" {
                bare_samples(requests / 10, || bare_overview(&pool))
            } else {
                bare_samples(requests / 10, || bare_due(&pool, today))
            });
        }
        let (h50, h99) = p50_p99(page);
        let (b50, b99) = p50_p99(bare);
        println!(
            "{:<34} {:>10.3} {:>10.3}",
            format!("{name}: page over HTTP"),
            h50,
            h99
        );
        println!(
            "{:<34} {:>10.3} {:>10.3}",
            format!("{name}: bare queries, same pool"),
            b50,
            b99
        );
        println!(
            "{:<34} {:>10.2} {:>10.2}",
            format!("{name}: ratio"),
            h50 / b50,
            h99 / b99
        );
        ratios.push((name, h50 / b50, h99 / b99));
    }
    for (name, r50, r99) in ratios {
        println!("{name}: {r50:.2}× at p50, {r99:.2}× at p99 (goal: within 2×)");
    }
}
