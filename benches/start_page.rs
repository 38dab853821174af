//! Benchmark: the real public start page against a bare actix-web handler that returns the same
//! bytes, loaded side by side in one run with 64 keep-alive connections from an in-process load
//! generator. Prints requests/s, p50 and p99 for each and the ratio.
//!
//! Run: `cargo bench --bench start_page` (options: `-- --seconds 5 --rounds 3 --connections 64`).
#![allow(clippy::unwrap_used, clippy::expect_used)] // test and benchmark code may stop at the first failure

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::mpsc;

use actix_web::{web, App, HttpResponse, HttpServer};

mod support;
use support::{arg, load_same, percentile};

/// Starts the real klankbord server (one worker) on a fresh SQLite file; returns its port.
fn start_klankbord(dir: &std::path::Path) -> u16 {
    let env = vec![
        (
            "DATABASE_URL".to_string(),
            format!("sqlite://{}", dir.join("bench.db").display()),
        ),
        ("KLANKBORD_BIND".to_string(), "127.0.0.1:0".to_string()),
        ("KLANKBORD_WORKERS".to_string(), "1".to_string()),
    ];
    let config = klankbord::config::Config::from_sources(None, &env).expect("config");
    let pool = klankbord::db::connect_and_migrate(&config.database_url, 4).expect("db");
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

/// Starts the minimal handler (one worker) returning `body`; returns its port.
fn start_minimal(body: Vec<u8>) -> u16 {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        actix_web::rt::System::new().block_on(async move {
            let body = web::Bytes::from(body);
            let server = HttpServer::new(move || {
                let body = body.clone();
                App::new().route(
                    "/",
                    web::get().to(move || {
                        let body = body.clone();
                        async move {
                            HttpResponse::Ok()
                                .content_type("text/html; charset=utf-8")
                                .body(body)
                        }
                    }),
                )
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

/// One blocking GET, for fetching the page body once.
fn fetch(port: u16) -> Vec<u8> {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    s.write_all(b"GET / HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
        .expect("write");
    let mut all = vec![];
    s.read_to_end(&mut all).expect("read");
    let split = all
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers")
        + 4;
    all[split..].to_vec()
}

fn main() {
    let seconds = arg("--seconds", 5);
    let rounds = arg("--rounds", 3);
    let connections = arg("--connections", 64) as usize;
    let dir = tempfile::tempdir().expect("tempdir");
    let real = start_klankbord(dir.path());
    let body = fetch(real);
    assert!(
        String::from_utf8_lossy(&body).contains("<h1>"),
        "start page did not render"
    );
    let minimal = start_minimal(body.clone());
    assert_eq!(fetch(minimal), body);
    println!("start page: {} bytes; {connections} connections, {rounds} rounds of {seconds}s each, alternating", body.len());
    // Warm-up.
    let get = b"GET / HTTP/1.1\r\nHost: bench\r\n\r\n".to_vec();
    load_same(real, connections, 1, get.clone());
    load_same(minimal, connections, 1, get.clone());
    let mut results: [(Vec<u32>, f64); 2] = [(vec![], 0.0), (vec![], 0.0)];
    for _ in 0..rounds {
        for (i, port) in [real, minimal].into_iter().enumerate() {
            let (lat, secs) = load_same(port, connections, seconds, get.clone());
            results[i].0.extend(lat);
            results[i].1 += secs;
        }
    }
    let mut rps = [0.0; 2];
    for (i, name) in ["klankbord start page", "minimal actix handler"]
        .iter()
        .enumerate()
    {
        let (lat, secs) = &mut results[i];
        lat.sort_unstable();
        rps[i] = lat.len() as f64 / *secs;
        println!(
            "{name:<24} {:>9.0} req/s   p50 {:>6.2} ms   p99 {:>6.2} ms   ({} requests)",
            rps[i],
            percentile(lat, 0.50),
            percentile(lat, 0.99),
            lat.len()
        );
    }
    println!(
        "ratio (start page / minimal): {:.1}%  (goal: at least 70%)",
        100.0 * rps[0] / rps[1]
    );
}
